"""Simulated learners: the answers a solved, untouched or mistaken notebook holds, written into a notebook."""
from __future__ import annotations

import copy
from dataclasses import dataclass, field

from nbformat import NotebookNode

from autograder.mistakes import Mistake
from autograder.notebooks import cells, regions


@dataclass(frozen=True)
class Answers:
    """A learner's answers by solution-cell grade_id; a cell not listed holds the author's solution."""

    name: str
    by_cell: dict[str, str] = field(default_factory=dict)


def solution_cells(source: NotebookNode) -> dict[str, NotebookNode]:
    return {cells.grade_id(c): c for c in source.cells if cells.is_solution(c)}


def solved(source: NotebookNode) -> Answers:
    return Answers("solution")


def untouched(source: NotebookNode) -> Answers:
    blank = {gid: ("" if c.cell_type == "code" else regions.TEXT_STUB) for gid, c in solution_cells(source).items()}
    return Answers("untouched", blank)


def with_mistake(source: NotebookNode, mistake: Mistake) -> Answers:
    """The solution with the mistake's cell, and any later cells it names under `then`, answered its way."""
    by_cell = {mistake.cell: mistake.code, **dict(mistake.then)}
    known = solution_cells(source)
    for cell in by_cell:
        if cell not in known:
            raise KeyError(f"mistake {mistake.id!r} names cell {cell!r}, which is not a solution cell")
    return Answers(f"mistake:{mistake.id}", by_cell)


def answered_source(source_cell: NotebookNode, answers: Answers) -> str:
    """The text a solution cell holds for these answers."""
    gid = cells.grade_id(source_cell)
    if gid not in answers.by_cell:
        solution = regions.solution_text(source_cell.source)
        return solution.split(regions.MARK_SCHEME)[0].rstrip() if source_cell.cell_type == "markdown" else solution
    answer = answers.by_cell[gid]
    if source_cell.cell_type == "markdown":
        return answer
    return regions.with_answer(source_cell.source, answer)


def fill(notebook: NotebookNode, source: NotebookNode, answers: Answers) -> NotebookNode:
    """A copy of `notebook` (a release or source notebook) with every solution cell holding these answers."""
    filled = copy.deepcopy(notebook)
    originals = solution_cells(source)
    for cell in filled.cells:
        gid = cells.grade_id(cell)
        if cells.is_solution(cell) and gid in originals:
            cell.source = answered_source(originals[gid], answers)
    return filled
