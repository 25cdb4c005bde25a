"""`course export`: one row per student and module from the nbgrader gradebook, with a status for each."""
from __future__ import annotations

import csv
from dataclasses import dataclass, fields
from pathlib import Path

from nbgrader.api import Gradebook, MissingEntry

from autograder.grading.autograded import read_record
from autograder.grading.course_config import open_gradebook
from autograder.grading.nbgrader_autograde import assignments_in

GRADED, NEEDS_MANUAL, NOT_SUBMITTED, FAILED = "graded", "needs manual grading", "not submitted", "failed to grade"
RUN_PROBLEMS = ("unreadable", "timeout", "crashed")  # written by `course grade` beside the autograded notebook


@dataclass(frozen=True)
class GradeRow:
    """One student's result on one module."""

    student_id: str
    last_name: str
    first_name: str
    module: str
    score: float | None
    max_score: float
    status: str


def _status(course_dir: Path, gradebook: Gradebook, assignment: str, student: str) -> tuple[float | None, str]:
    try:
        submission = gradebook.find_submission(assignment, student)
    except MissingEntry:
        submitted = (course_dir / "submitted" / student / assignment).is_dir()
        return None, FAILED if submitted else NOT_SUBMITTED
    record = read_record(course_dir, student, assignment) or {}
    if record.get("status") in RUN_PROBLEMS:
        return float(submission.score), record["status"]
    return float(submission.score), NEEDS_MANUAL if submission.needs_manual_grade else GRADED


def grade_rows(course_dir: Path) -> list[GradeRow]:
    """Every student (in the gradebook or with a submission folder) times every assignment."""
    submitted = course_dir / "submitted"
    folders = {p.name for p in submitted.iterdir() if p.is_dir()} if submitted.exists() else set()
    rows = []
    with open_gradebook(course_dir) as gradebook:
        people = {s.id: s for s in gradebook.students}
        for assignment in assignments_in(course_dir):
            try:
                max_score = float(gradebook.find_assignment(assignment).max_score)
            except MissingEntry:
                continue
            for student in sorted(set(people) | folders):
                person = people.get(student)
                score, status = _status(course_dir, gradebook, assignment, student)
                rows.append(GradeRow(student, getattr(person, "last_name", None) or "",
                                     getattr(person, "first_name", None) or "", assignment, score, max_score, status))
    return sorted(rows, key=lambda r: (r.student_id, r.module))


def write_grades_csv(rows: list[GradeRow], out: Path) -> Path:
    """Valid CSV whatever the names hold (commas, quotes, accents): fields are quoted where needed."""
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow([f.name for f in fields(GradeRow)])
        for row in rows:
            writer.writerow(["" if v is None else (f"{v:g}" if isinstance(v, float) else v)
                             for v in (getattr(row, f.name) for f in fields(GradeRow))])
    return out
