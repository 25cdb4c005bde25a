"""Grading every submission of a course with nbgrader's own autograde, one assignment at a time."""
from __future__ import annotations

from pathlib import Path

from autograder.nbgrader_run import nbgrader


def assignments_in(course_dir: Path) -> list[str]:
    """The assignments a course directory has sources for, in name order (module ids sort in course order)."""
    return sorted(p.name for p in (course_dir / "source").iterdir() if p.is_dir())


def submitted_students(course_dir: Path, assignment: str) -> list[str]:
    submitted = course_dir / "submitted"
    if not submitted.exists():
        return []
    return sorted(p.name for p in submitted.iterdir() if (p / assignment).is_dir())


def autograde(course_dir: Path, assignments: list[str] | None = None) -> dict[str, str]:
    """Run `nbgrader autograde` for each assignment; return each assignment's log (failures are in the export)."""
    logs = {}
    for assignment in assignments or assignments_in(course_dir):
        logs[assignment] = nbgrader(course_dir, "autograde", assignment, check=False)
    return logs
