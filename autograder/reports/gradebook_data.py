"""Every graded cell's score for every submission, read from the nbgrader gradebook, with question titles."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import nbformat
import pandas as pd

from autograder.grading.course_config import open_gradebook
from autograder.grading.nbgrader_autograde import assignments_in
from autograder.notebooks import cells

QUESTION_HEADING = re.compile(r"^###\s*Question\s+(\d+)[^:]*:\s*(.+)$", re.MULTILINE)
ITEM_COLUMNS = ["student", "module", "question", "grade_id", "score", "max_score", "manual", "pending"]


@dataclass(frozen=True)
class Question:
    """One question of a module as the source notebook states it."""

    module: str
    id: str          # "q3"
    title: str       # "Percent agree on the four immediate statements, FY2025"
    objective: str | None
    max_score: float


def source_notebook(course_dir: Path, module: str):
    return nbformat.read(course_dir / "source" / module / f"{module}.ipynb", as_version=4)


def questions(course_dir: Path, module: str) -> list[Question]:
    """The module's questions in notebook order, titled from their '### Question N (...): Title' headings."""
    notebook = source_notebook(course_dir, module)
    titles = {f"q{number}": title.strip() for cell in notebook.cells if cell.cell_type == "markdown"
              for number, title in QUESTION_HEADING.findall(cell.source)}
    found: dict[str, Question] = {}
    for cell in notebook.cells:
        qid = cells.question(cell)
        if not cells.is_graded(cell) or qid is None:
            continue
        before = found.get(qid)
        found[qid] = Question(module, qid, titles.get(qid, qid), cells.objective(cell),
                              (before.max_score if before else 0.0) + cells.points(cell))
    return list(found.values())


def question_of_cells(course_dir: Path, module: str) -> dict[str, str | None]:
    """Each graded cell's grade id, and the question it belongs to."""
    return {cells.grade_id(c): cells.question(c) for c in source_notebook(course_dir, module).cells
            if cells.is_graded(c)}


def item_scores(course_dir: Path) -> pd.DataFrame:
    """One row per submitted graded cell: its score (a person's score wins over the automatic one)."""
    rows = []
    with open_gradebook(course_dir) as gradebook:
        for module in assignments_in(course_dir):
            question_of = question_of_cells(course_dir, module)
            for submission in gradebook.assignment_submissions(module):
                for notebook in submission.notebooks:
                    for grade in notebook.grades:
                        rows.append((submission.student_id, module, question_of.get(grade.name, grade.name), grade.name,
                                     grade.score, float(grade.max_score), grade.manual_score is not None,
                                     bool(grade.needs_manual_grade)))
    return pd.DataFrame(rows, columns=ITEM_COLUMNS)
