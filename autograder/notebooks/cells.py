"""What a notebook cell is for, read from its nbgrader and course metadata."""
from __future__ import annotations

import ast
import builtins
import re

from nbformat import NotebookNode

ANSWER_CALL = re.compile(r"""expect(?:_plot)?\(\s*["'](\w+)["']""")
NAMED_ANSWER = re.compile(r"""\b(?:cells|given)\s*=\s*["'](\w+)["']""")  # cells="workload", given="windows"


def nbgrader(cell: NotebookNode) -> dict:
    return cell.get("metadata", {}).get("nbgrader", {})


def course_meta(cell: NotebookNode) -> dict:
    return cell.get("metadata", {}).get("course", {})


def grade_id(cell: NotebookNode) -> str | None:
    return nbgrader(cell).get("grade_id")


def is_solution(cell: NotebookNode) -> bool:
    return bool(nbgrader(cell).get("solution"))


def is_graded(cell: NotebookNode) -> bool:
    return bool(nbgrader(cell).get("grade"))


def is_locked(cell: NotebookNode) -> bool:
    return bool(nbgrader(cell).get("locked"))


def is_autograded_test(cell: NotebookNode) -> bool:
    """A code cell of hidden or visible tests that carries points."""
    return is_graded(cell) and not is_solution(cell) and cell.cell_type == "code"


def is_manually_graded(cell: NotebookNode) -> bool:
    """An answer a person grades (a written reflection)."""
    return is_graded(cell) and is_solution(cell)


def points(cell: NotebookNode) -> float:
    return float(nbgrader(cell).get("points", 0) or 0)


def question(cell: NotebookNode) -> str | None:
    return course_meta(cell).get("question")


def objective(cell: NotebookNode) -> str | None:
    return course_meta(cell).get("objective")


def cells_by_id(nb: NotebookNode) -> dict[str, NotebookNode]:
    """Every cell that has a grade_id, by that id."""
    return {grade_id(c): c for c in nb.cells if grade_id(c)}


def answer_names(cell: NotebookNode) -> list[str]:
    """The learner's variables a test cell reads through expect() or expect_plot(), in order."""
    names: list[str] = []
    for name in [*ANSWER_CALL.findall(cell.source), *NAMED_ANSWER.findall(cell.source)]:
        if name not in names:
            names.append(name)
    return names


def free_names(code: str) -> set[str]:
    """Names a piece of code reads without defining or importing them (a test reading a learner's variable)."""
    try:
        tree = ast.parse(code)
    except SyntaxError:
        return {"<unreadable code>"}
    defined, read = set(), set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            (read if isinstance(node.ctx, ast.Load) else defined).add(node.id)
        elif isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            defined.add(node.name)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            defined |= {(a.asname or a.name).split(".")[0] for a in node.names}
        elif isinstance(node, ast.arg):
            defined.add(node.arg)
    return read - defined - set(dir(builtins))
