"""Reading a submitted notebook safely, and assembling from it and the source the notebook that is actually run."""
from __future__ import annotations

import copy
import json
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from nbformat import NotebookNode

from autograder.grading.judge import dump_cell_source
from autograder.notebooks import cells

MAX_BYTES = 100 * 1024 * 1024
ENCODINGS = ("utf-8", "utf-8-sig", "cp1252")


class Unreadable(ValueError):
    """A submission that cannot be graded as a notebook; the message says why, for the instructor."""


@dataclass(frozen=True)
class Found:
    """The notebook file chosen in a submission folder, and a note when it was not the expected name."""

    path: Path
    note: str = ""


def find_notebook(folder: Path, expected: str) -> Found:
    """The submission's notebook: the expected name, or the only notebook there, or a clear refusal."""
    if (folder / expected).is_file():
        return Found(folder / expected)
    others = sorted(p for p in folder.glob("*.ipynb") if p.is_file())
    if len(others) == 1:
        return Found(others[0], f"expected {expected}, found {others[0].name}; graded that notebook")
    if not others:
        raise Unreadable(f"expected {expected}, found no notebook in the submission folder")
    names = ", ".join(p.name for p in others)
    raise Unreadable(f"expected {expected}, found several notebooks ({names}); cannot tell which to grade")


def read_notebook(path: Path) -> tuple[NotebookNode, str]:
    """The submission as an nbformat 4 notebook (never modified on disk), with a note on any repair made."""
    size = path.stat().st_size
    if size == 0:
        raise Unreadable(f"{path.name} is empty (0 bytes); the file was probably not saved before submitting")
    if size > MAX_BYTES:
        raise Unreadable(f"{path.name} is {size / 1024**2:.0f} MB, over the {MAX_BYTES // 1024**2} MB limit")
    raw = path.read_bytes()
    note = ""
    for encoding in ENCODINGS:
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise Unreadable(f"{path.name} is not text in any encoding a notebook uses")
    if encoding != "utf-8":
        note = f"decoded as {encoding}, not UTF-8"
    try:
        data = json.loads(text)
    except ValueError as error:
        raise Unreadable(f"{path.name} is not a complete notebook (damaged or cut off: {error.msg} "
                         f"at line {error.lineno})") from None
    if not isinstance(data, dict) or "cells" not in data and "worksheets" not in data:
        raise Unreadable(f"{path.name} is JSON but not a notebook (it has no cells)")
    major = data.get("nbformat")
    if major not in (3, 4):
        raise Unreadable(f"{path.name} is saved in notebook format version {major}, which this grader cannot read")
    try:
        notebook = nbformat.reads(text, as_version=4)
    except Exception as error:  # nbformat raises several kinds for malformed cells
        raise Unreadable(f"{path.name} has malformed cells: {error}") from None
    if major == 3:
        note = "; ".join(filter(None, [note, "upgraded from notebook format 3"]))
    return notebook, note


GRADING_FLAGS = ("grade", "solution", "locked", "task", "points", "grade_id")


def grading_flags(cell: NotebookNode) -> dict:
    """The nbgrader metadata that decides grading (a release adds checksums and cell types, which do not)."""
    return {k: v for k, v in cells.nbgrader(cell).items() if k in GRADING_FLAGS}


@dataclass
class Assembled:
    """The notebook to run, the test cells it stands for, and what had to be repaired on the way."""

    run: NotebookNode
    tests: list[NotebookNode]
    repairs: list[str] = field(default_factory=list)


def assemble(source: NotebookNode, submitted: NotebookNode) -> Assembled:
    """The learner's answers and own cells, with every other graded or locked cell as the source has it.

    Test cells the grader can judge outside are replaced by cells that only print the answers they read: such
    hidden tests never run in the learner's kernel. Other tests run there, sandboxed, as nbgrader runs them.
    """
    originals = {cells.grade_id(c): c for c in source.cells if cells.grade_id(c)}
    repairs: list[str] = []
    kept: list[NotebookNode] = []
    seen: set[str] = set()
    for cell in submitted.cells:
        gid = cells.grade_id(cell)
        if gid in originals and gid in seen:
            repairs.append(f"dropped a second copy of cell {gid}")
            continue
        if gid in originals:
            seen.add(gid)
            original = originals[gid]
            if cells.is_solution(original) and cell.cell_type == original.cell_type:
                answer = copy.deepcopy(original)
                answer.source = cell.source
                kept.append(answer)
            else:
                if cell.source != original.source or cell.cell_type != original.cell_type \
                        or grading_flags(cell) != grading_flags(original):
                    repairs.append(f"restored cell {gid} from the source")
                kept.append(copy.deepcopy(original))
        elif cell.cell_type == "code" and cells.nbgrader(cell):
            repairs.append("ran a cell whose grading metadata matches no source cell as the learner's own code")
            kept.append(nbformat.v4.new_code_cell(cell.source))
        else:
            kept.append(nbformat.v4.new_code_cell(cell.source) if cell.cell_type == "code"
                        else copy.deepcopy(cell))
    kept = _reinsert_missing(source, kept, seen, repairs)
    run, tests = _replace_tests(kept)
    return Assembled(nbformat.v4.new_notebook(cells=run, metadata=copy.deepcopy(source.metadata)), tests, repairs)


def _reinsert_missing(source: NotebookNode, kept: list[NotebookNode], seen: set[str],
                      repairs: list[str]) -> list[NotebookNode]:
    """Put back, after the cell that precedes them in the source, every deleted locked or test cell."""
    result = list(kept)
    for position, original in enumerate(source.cells):
        gid = cells.grade_id(original)
        if not gid or gid in seen:
            continue
        if cells.is_solution(original):
            # The source holds the author's answer: never run it for the learner. Their own cells still count.
            repairs.append(f"answer cell {gid} was deleted; graded on what the rest of the notebook defines")
            continue
        repairs.append(f"re-added deleted cell {gid}")
        before = [cells.grade_id(c) for c in source.cells[:position] if cells.grade_id(c)]
        anchor = next((i for i in range(len(result) - 1, -1, -1) if cells.grade_id(result[i]) in before), -1)
        result.insert(anchor + 1, copy.deepcopy(original))
        seen.add(gid)
    return result


def judged_outside(cell: NotebookNode) -> bool:
    """A test the grader can judge on plain values: it reads answers only by name, through expect()."""
    return bool(cells.ANSWER_CALL.search(cell.source)) and not cells.free_names(cell.source)


def _replace_tests(kept: list[NotebookNode]) -> tuple[list[NotebookNode], list[NotebookNode]]:
    """Tests judged outside become cells that print the answers they read; any other test (plain asserts on the
    learner's functions, as nbgrader courses write them) stays, to run in the sandbox as nbgrader would run it."""
    run, tests = [], []
    for cell in kept:
        if cells.is_autograded_test(cell) and not judged_outside(cell):
            inside = copy.deepcopy(cell)
            inside.outputs, inside.execution_count = [], None
            inside.metadata.setdefault("course", {})["inside"] = True
            run.append(inside)
        elif cells.is_autograded_test(cell):
            tests.append(cell)
            dump = nbformat.v4.new_code_cell(dump_cell_source(cells.answer_names(cell)))
            dump.metadata["course"] = {"dump_for": cells.grade_id(cell)}
            run.append(dump)
        else:
            cell = copy.deepcopy(cell)
            if cell.cell_type == "code":
                cell.outputs, cell.execution_count = [], None
            run.append(cell)
    return run, tests
