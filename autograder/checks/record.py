"""Reading what each hidden test judges: its answer, its rules, and the values it computes from the data."""
from __future__ import annotations

import contextlib
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from nbformat import NotebookNode

from autograder.hidden_tests import TEST_BUILTINS
from autograder.learner.coursecheck import graded
from autograder.notebooks import cells


@dataclass(frozen=True)
class RecordedTest:
    """One hidden test as it asked to be judged: expect() or expect_plot() of an answer, with its rules."""

    grade_id: str
    question: str
    points: float
    judge: str       # "value" (expect) or "plot" (expect_plot)
    answer: str
    rules: dict      # as written: some may be functions of the data, or of the learner's earlier answer


def record_tests(source: NotebookNode, data_dir: Path) -> list[RecordedTest]:
    """Every autograded test cell of a source notebook, run in recording mode in the assignment's data folder."""
    found = []
    for cell in source.cells:
        if not cells.is_autograded_test(cell):
            continue
        namespace = {"__name__": "__course_record__", "__builtins__": TEST_BUILTINS}
        with graded.recording() as calls, contextlib.chdir(data_dir), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            exec(compile(cell.source, f"<test {cells.grade_id(cell)}>", "exec"), namespace)
        if len(calls) != 1:
            raise ValueError(f"test {cells.grade_id(cell)} calls expect() or expect_plot() {len(calls)} times; "
                             "a test cell judges one answer, once")
        judge, answer, rules = calls[0]
        found.append(RecordedTest(cells.grade_id(cell), cells.question(cell), cells.points(cell), judge, answer,
                                  dict(rules)))
    return found


def from_data(test: RecordedTest, data_dir: Path, *inputs: Any) -> dict:
    """The test's rules with its functions called (on the data, or on an earlier answer), in the data folder."""
    with contextlib.chdir(data_dir):
        return graded.computed(test.rules, *inputs)
