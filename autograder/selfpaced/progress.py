"""`course progress`: questions attempted and passed, and points, per competency, from the workspace's record."""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from autograder.curriculum import Course, course
import nbformat

from autograder.reports import charts
from autograder.selfpaced.edition import question_bank

RECORD = ".progress.json"  # written by courselab.py (the learner's helpers) at the top of the workspace
COLUMNS = ["competency", "questions", "attempted", "passed", "points", "possible"]


def progress_record(workspace: Path) -> dict:
    path = workspace / RECORD
    try:
        return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    except ValueError:
        return {}


def progress_table(workspace: Path, the_course: Course | None = None) -> pd.DataFrame:
    """One row per competency: the ready modules' autograded questions, how many attempted and passed, points."""
    the_course = the_course or course()
    record = progress_record(workspace)
    rows = {c.id: dict.fromkeys(COLUMNS[1:], 0.0) for c in the_course.competencies}
    for module in the_course.ready_modules:
        if module.competency not in rows:
            continue
        bank = question_bank(module.id, nbformat.read(module.notebook, as_version=4))["questions"]
        done = record.get(module.id, {})
        for qid, question in bank.items():
            if question["manual"]:
                continue
            row, seen = rows[module.competency], done.get(qid, {})
            row["questions"] += 1
            row["possible"] += question["points"]
            row["attempted"] += seen.get("status") in ("correct", "incorrect")
            row["passed"] += seen.get("status") == "correct"
            row["points"] += seen.get("earned", 0.0) if seen.get("status") else 0.0
    table = pd.DataFrame([{"competency": c, **v} for c, v in rows.items()], columns=COLUMNS)
    return table.astype({"questions": int, "attempted": int, "passed": int})


def progress_chart(table: pd.DataFrame, out: Path, the_course: Course | None = None) -> tuple[Path, str]:
    """The profile as a radar (share of points per competency; competencies without modules marked)."""
    the_course = the_course or course()
    names = {c.id: c.name for c in the_course.competencies}
    by_competency = table.set_index("competency")
    share = (by_competency["points"] / by_competency["possible"]).where(by_competency["possible"] > 0)
    return charts.radar(share.rename("your progress"), names, out)
