"""Scores from an executed notebook, by nbgrader's rule: a test cell earns its points unless it wrote an error or stderr."""
from __future__ import annotations

from dataclasses import dataclass

from nbformat import NotebookNode

from autograder.notebooks import cells, regions


@dataclass(frozen=True)
class TestResult:
    """One graded test cell: its points earned (None when a person must grade it) and what it said."""

    __test__ = False  # not a pytest test class, despite its name

    grade_id: str
    question: str | None
    earned: float | None
    possible: float
    message: str


def _failure_message(cell: NotebookNode) -> str:
    for output in cell.get("outputs", []):
        if output.output_type == "error":
            lines = output.get("traceback") or [f"{output.ename}: {output.evalue}"]
            return "\n".join(lines) if len(lines) == 1 else f"{output.ename}: {output.evalue}"
        if output.output_type == "stream" and output.name == "stderr":
            return "the test wrote to stderr: " + output.text.strip()[:200]
    return ""


def score_cell(cell: NotebookNode) -> TestResult:
    possible = cells.points(cell)
    gid, question = cells.grade_id(cell), cells.question(cell)
    if cells.is_manually_graded(cell):
        if cell.source.strip() == regions.TEXT_STUB:
            return TestResult(gid, question, 0.0, possible, "not answered")
        return TestResult(gid, question, None, possible, "to be graded by a person")
    message = _failure_message(cell)
    return TestResult(gid, question, 0.0 if message else possible, possible, message)


def score_notebook(executed: NotebookNode) -> list[TestResult]:
    """Every graded cell of an executed notebook, in notebook order."""
    return [score_cell(c) for c in executed.cells if cells.is_graded(c)]


def total(results: list[TestResult]) -> tuple[float, float]:
    """Points earned on autograded tests, and points possible on them."""
    auto = [r for r in results if r.earned is not None]
    return sum(r.earned for r in auto), sum(r.possible for r in auto)
