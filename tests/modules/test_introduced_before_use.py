"""Does every competency module use only what the orientation taught, or what it introduces itself first?

A function, method or attribute used in a solution must appear in 00-orientation's introduces.toml, or in the
module's own teaching (a markdown cell or a worked example) before the question that needs it.
"""
import ast
import builtins
import re
import tomllib

import nbformat
import pytest

from autograder.curriculum import course
from autograder.notebooks import cells, regions

ORIENTATION = "00-orientation"
COMPETENCY_MODULES = [m.id for m in course().ready_modules if m.id != ORIENTATION]


def orientation_names() -> set[str]:
    listed = tomllib.loads((course().module(ORIENTATION).folder / "introduces.toml").read_text(encoding="utf-8"))
    return {name for names in listed.values() for name in names}


def used_names(code: str) -> set[str]:
    """Functions, methods and attributes the code calls or reads (not the variables it defines)."""
    try:
        tree = ast.parse(code)
    except SyntaxError:
        return set()
    defined = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)}
    defined |= {n.name for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.ClassDef))}
    found = {n.attr for n in ast.walk(tree) if isinstance(n, ast.Attribute)}
    found |= {n.func.id for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)}
    return found - defined


@pytest.mark.parametrize("module_id", COMPETENCY_MODULES)
def test_solutions_use_only_what_has_been_taught(module_id):
    notebook = nbformat.read(course().module(module_id).notebook, as_version=4)
    allowed = orientation_names() | {n for n in dir(builtins) if n in ("abs", "sorted", "range", "zip", "set")}
    taught: set[str] = set()
    unexplained = {}
    for cell in notebook.cells:
        if cell.cell_type == "markdown" and not cells.is_graded(cell):
            taught |= set(re.findall(r"[A-Za-z_][A-Za-z_0-9]*", cell.source))
        elif cell.cell_type == "code" and cells.is_solution(cell):
            names = used_names(regions.solution_region(cell.source)) - allowed - taught
            if names:
                unexplained[cells.grade_id(cell)] = sorted(names)
        elif cell.cell_type == "code" and not cells.is_graded(cell):
            taught |= used_names(cell.source) | set(re.findall(r"[A-Za-z_][A-Za-z_0-9]*", cell.source))
    assert not unexplained, f"used in a solution before being taught: {unexplained}"
