"""Running a module's notebook in this process, as the solution and as each catalogued answer, to collect answers.

The solution runs once from the top; each catalogued answer resumes from a copy of the notebook's variables taken
just before its first changed cell, and runs on to the end of its last question, so a module's whole catalogue
replays in seconds. Answers come back as the grader would see them (encoded, then decoded).
"""
from __future__ import annotations

import contextlib
import io
import re
import warnings
from pathlib import Path
from typing import Any

from nbformat import NotebookNode

from autograder.learner.coursecheck import decode_answer, encode_answer
from autograder.notebooks import cells
from autograder.notebooks.submissions import Answers, answered_source

CHECK_CALL = re.compile(r"^\s*(check|check_plot|hint)\(")


def _runs(cell: NotebookNode) -> bool:
    """Cells a learner's run executes that matter here: code, not tests and not check cells."""
    if cell.cell_type != "code" or cells.is_autograded_test(cell):
        return False
    return not all(CHECK_CALL.match(line) or not line.strip() for line in cell.source.splitlines())


def _copy(namespace: dict) -> dict:
    """A copy of a notebook's variables in which tables and Series can be changed without touching the original."""
    copied = {}
    for name, value in namespace.items():
        copy = getattr(value, "copy", None)
        copied[name] = copy() if type(value).__module__.startswith("pandas") and callable(copy) else value
    return copied


def _execute(code: str, namespace: dict) -> None:
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()), \
            warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            exec(compile(code, "<cell>", "exec"), namespace)
        except Exception:  # a learner's cell that stops is part of what is being replayed
            pass


def _plain(namespace: dict, names: set[str]) -> dict[str, Any]:
    import matplotlib.pyplot as plt

    answers = {name: decode_answer(encode_answer(namespace[name])) for name in names if name in namespace}
    plt.close("all")
    return answers


def replay(source: NotebookNode, data_dir: Path, scenarios: list[Answers], names: set[str]) -> dict[str, dict]:
    """For the solution and each scenario: the answers named, as plain values, after running its cells."""
    import matplotlib
    matplotlib.use("Agg")
    code_cells = [c for c in source.cells if _runs(c)]
    position = {cells.grade_id(c): i for i, c in enumerate(code_cells) if cells.grade_id(c)}
    question_end = {}
    for i, cell in enumerate(code_cells):
        if cells.question(cell):
            question_end[cells.question(cell)] = i
    scenarios = [Answers(s.name, {c: code for c, code in s.by_cell.items() if c in position}) for s in scenarios]
    starts = {min(position[c] for c in s.by_cell) for s in scenarios if s.by_cell}
    snapshots: dict[int, dict] = {}
    namespace: dict = {"__name__": "__main__", "display": lambda *a, **k: None}
    with contextlib.chdir(data_dir):
        for i, cell in enumerate(code_cells):
            if i in starts:
                snapshots[i] = _copy(namespace)
            _execute(cell.source if not cells.is_solution(cell) else answered_source(cell, Answers("solution")),
                     namespace)
        results = {"solution": _plain(namespace, names)}
        for scenario in scenarios:
            if not scenario.by_cell:
                continue
            first = min(position[c] for c in scenario.by_cell)
            last = max(question_end[cells.question(code_cells[position[c]])] for c in scenario.by_cell)
            mine = _copy(snapshots[first])
            for cell in code_cells[first:last + 1]:
                _execute(answered_source(cell, scenario) if cells.is_solution(cell) else cell.source, mine)
            results[scenario.name] = _plain(mine, names)
    return results
