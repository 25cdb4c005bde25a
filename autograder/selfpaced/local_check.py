"""`course check NOTEBOOK`: grade one notebook locally with every test, and explain each lost point."""
from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

import nbformat

from autograder.assignment import stage_support
from autograder.curriculum import Course, Module, course
from autograder.grading.grade_class import grade_copy
from autograder.grading.grade_one import GRADED, Assignment
from autograder.notebooks import cells


@dataclass
class LocalGrade:
    """A notebook's automatic score, what each lost point was for, and anything about the run itself."""

    module: Module
    earned: float
    possible: float
    lost: list[tuple[str, float, str]]   # (question, points lost, why)
    written: list[str]                   # questions a person (or the learner, with the mark scheme) must judge
    attempted: bool
    note: str
    written_points: float = 0.0          # the points those written answers carry
    self_paced: bool = False             # the learner's own edition (hints and model answers in the notebook)

    def score_line(self) -> str:
        """The score, always out of the same total: the automatic points, and who marks the rest."""
        line = f"{self.module.id}: {self.earned:g} / {self.possible:g} auto-graded points"
        if self.written_points:
            marker = "by you against the mark scheme" if self.self_paced else "by your instructor"
            line += f"; {self.written_points:g} more points are marked {marker}"
        return line


def module_of(notebook: Path, the_course: Course) -> Module:
    """The module a notebook belongs to, from its file name (`09-evaluation.ipynb`, or a copy named after it)."""
    for module in the_course.modules:
        if notebook.stem.startswith(module.id):
            return module
    known = ", ".join(m.id for m in the_course.ready_modules)
    raise ValueError(f"{notebook.name} is not named after a module of this course ({known}); "
                     "rename it to the module's name, e.g. 09-evaluation.ipynb")


def check_notebook(notebook: Path, the_course: Course | None = None) -> LocalGrade:
    """Grade a copy of the notebook as `course grade` would; the learner's file is only read."""
    the_course = the_course or course()
    module = module_of(notebook, the_course)
    source = nbformat.read(module.notebook, as_version=4)
    with tempfile.TemporaryDirectory(prefix="course-check-") as support:
        assignment = Assignment(module.id, source, stage_support(module, Path(support)))
        graded, results = grade_copy(assignment, notebook.read_bytes())
    by_hand = {cells.grade_id(c) for c in source.cells if cells.is_manually_graded(c)}
    auto = [r for r in results.values() if r.grade_id not in by_hand]
    lost = [(r.question or r.grade_id, r.possible - r.earned, r.message or "this test did not pass")
            for r in auto if r.earned < r.possible]
    manual = [r for r in results.values() if r.grade_id in by_hand]
    written = sorted({r.question or r.grade_id for r in manual})
    attempted = any(r.earned > 0 or not (r.message or "").startswith(("…", "not answered")) for r in auto)
    note = graded.note if graded.status != GRADED else ""
    self_paced = "from courselab import" in notebook.read_text(encoding="utf-8", errors="replace")
    return LocalGrade(module, sum(r.earned for r in auto), sum(r.possible for r in auto), lost, written,
                      attempted, note, sum(r.possible for r in manual), self_paced)
