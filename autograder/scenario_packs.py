"""Catalogued answers that can share one graded notebook: none writes a name that another's cells, later cells or
tests read, so each is judged in the pack exactly as it would be alone. A module's whole catalogue is then proved in
a few gradings instead of one per answer."""
from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field
from pathlib import Path

from nbformat import NotebookNode

from autograder.checks.replay import changed_names
from autograder.mistakes import Mistake
from autograder.notebooks import cells
from autograder.notebooks.cells import PARSE_LOCK
from autograder.notebooks.submissions import Answers, answered_source, with_mistake

CHANGES_IN_PLACE = {"append", "extend", "insert", "update", "pop", "popitem", "clear", "remove", "sort", "setdefault",
                    "reverse", "add", "discard"}
CHANGES_WITH_INPLACE = {"set_index", "reset_index", "drop", "rename", "fillna", "replace", "sort_values",
                        "sort_index", "dropna", "drop_duplicates", "astype", "where", "mask", "clip", "interpolate"}
QUOTED_NAME = re.compile(r"""["']([A-Za-z_]\w*)["']""")


def _root(node: ast.AST) -> str | None:
    while isinstance(node, (ast.Attribute, ast.Subscript, ast.Starred)):
        node = node.value
    return node.id if isinstance(node, ast.Name) else None


def _tree(code: str) -> ast.AST | None:
    try:
        with PARSE_LOCK:
            return ast.parse(code)
    except SyntaxError:
        return None


def names_written(code: str) -> set[str] | None:
    """Every name the code assigns, imports, defines or changes in place; None if it cannot be read (then it shares
    a notebook with nothing)."""
    tree = _tree(code)
    if tree is None:
        return None
    written: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and isinstance(node.ctx, (ast.Store, ast.Del)):
            written.add(node.id)
        elif isinstance(node, (ast.Attribute, ast.Subscript)) and isinstance(node.ctx, (ast.Store, ast.Del)):
            written.add(_root(node))
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            written |= {(a.asname or a.name).split(".")[0] for a in node.names}
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            written.add(node.name)
        elif isinstance(node, (ast.Global, ast.Nonlocal)):
            written |= set(node.names)
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            inplace = any(k.arg == "inplace" for k in node.keywords)
            if node.func.attr in CHANGES_IN_PLACE or (inplace and node.func.attr in CHANGES_WITH_INPLACE):
                written.add(_root(node.func.value))
    return {n for n in written if n}


def _loaded(node: ast.AST) -> set[str]:
    quoted = {n.value for n in ast.walk(node) if isinstance(n, ast.Constant) and isinstance(n.value, str)
              and n.value.isidentifier()}
    return quoted | {n.id for n in ast.walk(node) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}


def names_read(code: str) -> set[str]:
    """Every name the code loads, and every quoted identifier (a test or check names the answers it reads so)."""
    tree = _tree(code)
    read = set(QUOTED_NAME.findall(code))
    if tree is None:
        return read | set(re.findall(r"[A-Za-z_]\w*", code))
    return read | {n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}


@dataclass
class _Member:
    mistake: Mistake
    position: int           # index of its cell in the notebook
    written: set[str] | None
    reads: set[str]         # what its own code reads
    differs: set[str] = field(default_factory=set)  # names it sets that may hold other values than the solution's


def _member(source: NotebookNode, position: dict[str, int], mistake: Mistake) -> _Member:
    solution_cell = source.cells[position[mistake.cell]]
    mine = answered_source(solution_cell, with_mistake(source, mistake))
    theirs = answered_source(solution_cell, Answers("solution"))
    written_mine, written_theirs = names_written(mine), names_written(theirs)
    written = None if written_mine is None or written_theirs is None else written_mine | written_theirs
    return _Member(mistake, position[mistake.cell], written, names_read(mine))


def _assigned(statement: ast.stmt) -> set[str]:
    """Names a top-level statement surely sets (a plain assignment, an import, a definition)."""
    if isinstance(statement, (ast.Assign, ast.AnnAssign)):
        targets = statement.targets if isinstance(statement, ast.Assign) else [statement.target]
        return {n.id for t in targets for n in ast.walk(t) if isinstance(n, ast.Name) and isinstance(t, (ast.Name, ast.Tuple))}
    if isinstance(statement, (ast.Import, ast.ImportFrom)):
        return {(a.asname or a.name).split(".")[0] for a in statement.names}
    if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return {statement.name}
    return set()


def _reads_after(source: NotebookNode, index: int, question: str) -> set[str]:
    """The names that code cells after `index` read before setting them again (worked examples, solutions, later
    questions' tests), leaving out the tests of its own question, which are meant to read its answer."""
    read: set[str] = set()
    overwritten: set[str] = set()
    for cell in source.cells[index + 1:]:
        if cell.cell_type != "code" or (cells.is_autograded_test(cell) and cells.question(cell) == question):
            continue
        code = answered_source(cell, Answers("solution")) if cells.is_solution(cell) else cell.source
        tree = _tree(code)
        if tree is None:
            read |= names_read(code) - overwritten
            continue
        for statement in tree.body:
            read |= _loaded(statement) - overwritten
            overwritten |= _assigned(statement)
    return read


def packs(source: NotebookNode, catalogue: list[Mistake], data_dir: Path) -> tuple[list[list[Mistake]],
                                                                                   list[Mistake]]:
    """(packs of two or more answers to grade together, answers to grade alone).

    An answer may join a pack when every name it sets that a later cell reads holds, once its question is done,
    the same value as in the solution (run here, in this process, on the assignment's data in `data_dir`)."""
    position = {cells.grade_id(c): i for i, c in enumerate(source.cells) if cells.is_solution(c)}
    alone: list[Mistake] = []
    members: list[_Member] = []
    watched: dict[str, set[str]] = {}
    for mistake in catalogue:
        member = _member(source, position, mistake) if mistake.cell in position else None
        if member is None or mistake.then or member.written is None:
            alone.append(mistake)
            continue
        members.append(member)
        watched[with_mistake(source, mistake).name] = member.written & _reads_after(source, member.position,
                                                                                   mistake.question)
    changed = changed_names(source, data_dir, [with_mistake(source, m.mistake) for m in members], watched)
    candidates: list[_Member] = []
    for member in members:
        name = with_mistake(source, member.mistake).name
        if changed.get(name, {None}):
            alone.append(member.mistake)
        else:
            member.differs = member.written - watched[name]
            candidates.append(member)
    grouped: list[list[_Member]] = []
    for member in candidates:
        home = next((group for group in grouped if all(_compatible(member, other) for other in group)), None)
        if home is None:
            grouped.append([member])
        else:
            home.append(member)
    alone += [group[0].mistake for group in grouped if len(group) == 1]
    return [[m.mistake for m in group] for group in grouped if len(group) > 1], alone


def _compatible(a: _Member, b: _Member) -> bool:
    """Two answers that can share a notebook: different questions and cells, both wrong or both right, failing
    different tests, and neither reading what the other writes."""
    if a.mistake.question == b.mistake.question or a.position == b.position or a.mistake.right != b.mistake.right:
        return False
    if set(a.mistake.fails) & set(b.mistake.fails):
        return False
    return not (a.differs & b.reads or b.differs & a.reads)


def combined(mistakes: list[Mistake]) -> Answers:
    """One learner who made every answer of a pack."""
    return Answers("pack:" + "+".join(m.id for m in mistakes), {m.cell: m.code for m in mistakes})
