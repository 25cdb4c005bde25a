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


def _walk(source: NotebookNode, data_dir: Path, scenarios: list[Answers]):
    """Run the solution from the top, then each scenario from a copy of the variables before its first changed cell
    to the end of its last question. Yields ("solution", its variables at the end, the solution's variables at each
    scenario's end) first, then (scenario name, its variables, index of its last cell) for each scenario."""
    import matplotlib
    matplotlib.use("Agg")
    code_cells = [c for c in source.cells if _runs(c)]
    position = {cells.grade_id(c): i for i, c in enumerate(code_cells) if cells.grade_id(c)}
    question_end = {}
    for i, cell in enumerate(code_cells):
        if cells.question(cell):
            question_end[cells.question(cell)] = i
    scenarios = [Answers(s.name, {c: code for c, code in s.by_cell.items() if c in position}) for s in scenarios]
    spans = {s.name: (min(position[c] for c in s.by_cell),
                      max(question_end[cells.question(code_cells[position[c]])] for c in s.by_cell))
             for s in scenarios if s.by_cell}
    starts, ends = {a for a, _ in spans.values()}, {b for _, b in spans.values()}
    snapshots: dict[int, dict] = {}
    at_end: dict[int, dict] = {}
    namespace: dict = {"__name__": "__main__", "display": lambda *a, **k: None}
    with contextlib.chdir(data_dir):
        for i, cell in enumerate(code_cells):
            if i in starts:
                snapshots[i] = _copy(namespace)
            _execute(cell.source if not cells.is_solution(cell) else answered_source(cell, Answers("solution")),
                     namespace)
            if i in ends:
                at_end[i] = _copy(namespace)
        yield "solution", namespace, at_end
        for scenario in scenarios:
            if scenario.name not in spans:
                continue
            first, last = spans[scenario.name]
            mine = _copy(snapshots[first])
            for cell in code_cells[first:last + 1]:
                _execute(answered_source(cell, scenario) if cells.is_solution(cell) else cell.source, mine)
            yield scenario.name, mine, last


def replay(source: NotebookNode, data_dir: Path, scenarios: list[Answers], names: set[str]) -> dict[str, dict]:
    """For the solution and each scenario: the answers named, as plain values, after running its cells."""
    return {name: _plain(variables, names) for name, variables, _ in _walk(source, data_dir, scenarios)}


def _equal(a: Any, b: Any) -> bool:
    if a is b:
        return True
    same = getattr(a, "equals", None)
    if callable(same) and type(a) is type(b):
        try:
            return bool(same(b))
        except Exception:
            return False
    try:
        return bool(a == b)
    except Exception:  # arrays, figures, objects without a plain ==
        return False


def changed_names(source: NotebookNode, data_dir: Path, scenarios: list[Answers],
                  watched: dict[str, set[str]]) -> dict[str, set[str]]:
    """For each scenario: which of its watched names differ from the solution's when its last question is done
    (what a later cell would read differently)."""
    changed = {}
    for name, variables, end in _walk(source, data_dir, scenarios):
        if name == "solution":
            solution_at = end
            continue
        reference = solution_at[end]
        changed[name] = {n for n in watched.get(name, set())
                         if (n in variables) != (n in reference)
                         or (n in variables and not _equal(variables[n], reference[n]))}
        import matplotlib.pyplot as plt
        plt.close("all")
    return changed
