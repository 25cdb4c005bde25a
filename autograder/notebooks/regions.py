"""Solution and hidden-test regions: what the learner sees, what the solution is, and answers put back in."""
from __future__ import annotations

BEGIN_SOLUTION, END_SOLUTION = "### BEGIN SOLUTION", "### END SOLUTION"
BEGIN_HIDDEN, END_HIDDEN = "### BEGIN HIDDEN TESTS", "### END HIDDEN TESTS"
TEXT_STUB = "YOUR ANSWER HERE"
MARK_SCHEME = "**Mark scheme**"


def _split(source: str, begin: str, end: str) -> tuple[list[str], list[str], list[str]]:
    """Lines before the region, inside it, and after it (the region's delimiters dropped)."""
    lines = source.split("\n")
    try:
        start = next(i for i, line in enumerate(lines) if begin in line)
        stop = next(i for i, line in enumerate(lines) if end in line and i > start)
    except StopIteration:
        return lines, [], []
    return lines[:start], lines[start + 1:stop], lines[stop + 1:]


def has_region(source: str, begin: str = BEGIN_SOLUTION) -> bool:
    return begin in source


def solution_text(source: str) -> str:
    """The cell as the solution runs it: scaffold, then the solution, without delimiters."""
    before, inside, after = _split(source, BEGIN_SOLUTION, END_SOLUTION)
    return "\n".join(before + inside + after)


def solution_region(source: str) -> str:
    """Only what lies between the solution delimiters: the model answer itself."""
    return "\n".join(_split(source, BEGIN_SOLUTION, END_SOLUTION)[1])


def hidden_tests_region(source: str) -> str:
    """Only what lies between the hidden-test delimiters."""
    return "\n".join(_split(source, BEGIN_HIDDEN, END_HIDDEN)[1])


def with_answer(source: str, answer: str) -> str:
    """The cell with its solution region replaced by a learner's answer (the scaffold above it kept)."""
    before, _, after = _split(source, BEGIN_SOLUTION, END_SOLUTION)
    return "\n".join(before + answer.strip("\n").split("\n") + after)


def without_hidden_tests(source: str) -> str:
    """A test cell as the learner sees it: the hidden region removed."""
    before, _, after = _split(source, BEGIN_HIDDEN, END_HIDDEN)
    return "\n".join(before + after)


def question_as_comment(source: str) -> str:
    """A test cell whose first line is its docstring, with that line as a comment: in a released notebook a bare
    string would be shown as an output (`'Is x ...?'`) and could be taken for an answer."""
    lines = source.split("\n")
    first = lines[0].strip() if lines else ""
    if len(first) > 6 and first[:3] == first[-3:] and first[:3] in ('"""', "'''"):
        lines[0] = "# " + first[3:-3].strip()
    return "\n".join(lines)
