"""Scores from an executed notebook, by nbgrader's rule: a test cell earns its points unless it wrote an error or stderr."""
from __future__ import annotations

from dataclasses import dataclass

from nbformat import NotebookNode

from nbgrader.utils import determine_grade

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
    """A graded cell's points by nbgrader's rule: an error or stderr earns nothing, a number shown is partial
    credit, anything else earns every point; a written answer waits for a person."""
    possible = cells.points(cell)
    gid, question = cells.grade_id(cell), cells.question(cell)
    if cells.is_manually_graded(cell):
        if cell.source.strip() == regions.TEXT_STUB:
            return TestResult(gid, question, 0.0, possible, "not answered")
        return TestResult(gid, question, None, possible, "to be graded by a person")
    message = _failure_message(cell)
    if message:
        return TestResult(gid, question, 0.0, possible, message)
    try:
        earned, _ = determine_grade(cell)
    except (KeyError, ValueError, TypeError):  # an output nbgrader's rule cannot read earns what nbgrader gives it
        earned = possible
    return TestResult(gid, question, float(earned), possible, "")


def score_notebook(executed: NotebookNode) -> list[TestResult]:
    """Every graded cell of an executed notebook, in notebook order."""
    return [score_cell(c) for c in executed.cells if cells.is_graded(c)]


def total(results: list[TestResult]) -> tuple[float, float]:
    """Points earned on autograded tests, and points possible on them."""
    auto = [r for r in results if r.earned is not None]
    return sum(r.earned for r in auto), sum(r.possible for r in auto)
