"""A Canvas gradebook import file: one row per student, one column per module, and a Points Possible row."""
from __future__ import annotations

import csv
from pathlib import Path

from autograder.export import FAILED, NOT_SUBMITTED, GradeRow

IDENTITY = ["Student", "ID", "SIS User ID", "SIS Login ID", "Section"]
NO_SCORE = (NOT_SUBMITTED, FAILED)  # left blank in Canvas, never posted as a zero


def write_canvas_csv(rows: list[GradeRow], out: Path) -> Path:
    """Canvas matches students on SIS User ID / SIS Login ID; the course's student id goes in both.

    A module not submitted, or not graded, is left blank so that it never reads as a real zero.
    """
    modules = sorted({r.module for r in rows})
    maximum = {r.module: r.max_score for r in rows}
    by_student: dict[str, dict[str, GradeRow]] = {}
    for row in rows:
        by_student.setdefault(row.student_id, {})[row.module] = row
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(IDENTITY + modules)
        writer.writerow(["Points Possible", "", "", "", ""] + [f"{maximum[m]:g}" for m in modules])
        for student, mine in sorted(by_student.items()):
            person = next(iter(mine.values()))
            name = ", ".join(filter(None, [person.last_name, person.first_name])) or student
            writer.writerow([name, "", student, student, ""] + [_cell(mine.get(m)) for m in modules])
    return out


def _cell(row: GradeRow | None) -> str:
    if row is None or row.status in NO_SCORE or row.score is None:
        return ""
    return f"{row.score:g}"
