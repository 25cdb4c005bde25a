"""Judging one answer: defined, then its kind, shape and range, then its values against a fingerprint."""
from __future__ import annotations

from typing import Any, Callable

from .fingerprint import Fingerprint, fingerprint, mismatch
from .outcome import NOT_ATTEMPTED, Outcome, correct, incorrect
from .values import ABSENT, NO_EXPECTATION, Unjudgeable, as_frame, describe, fmt, is_plain_number, kind_of, \
    labelled_values, plain_scalar

PLAIN = {"number": "a single number", "text": "text", "date": "a date", "collection": "a list", "series": "a Series",
         "table": "a table (DataFrame)", "plot": "a chart (the Axes returned by .plot())"}

ADVICE = {
    ("number", "series"): "reduce the column to one number with an aggregation such as .sum() or .mean(), "
                          "or pick one value with .loc[...] or .iloc[0].",
    ("number", "table"): "select one column, then reduce it to one number with an aggregation such as .sum().",
    ("number", "text"): "store the number itself, without quotes, commas or a % sign.",
    ("table", "series"): "a Series is one column with its labels. If you picked one column (table['column']) "
                         "before sorting or filtering, work on the whole table instead; if it is a groupby "
                         "result, add .reset_index() to turn it into a table.",
    ("number", "collection"): "pick the one item you need, as in .shape[0], or count the items with len(...).",
    ("collection", "Index"): "turn it into a list with .tolist().",
    ("series", "table"): "select the single column you need with table['column_name'].",
    ("text", "number"): "put the answer in quotes, as text.",
    ("text", "date"): "write the date as text with .strftime(\"%Y-%m-%d\"), which gives text such as 2025-03-01.",
    ("collection", "series"): "turn the column into a list with .tolist().",
    ("plot", "table"): "assign the chart, not the table: ax = table.plot(...).",
}


def not_attempted(label: str, value: Any) -> Outcome | None:
    """Not attempted: no variable of that name, or the scaffold's ... still in place."""
    if value is ABSENT:
        return Outcome(NOT_ATTEMPTED, f"… {label} is not answered yet: there is no variable with that name. "
                                      "Run the cell where you create it (and the cells above it), and check the spelling.",
                       "absent")
    if value is Ellipsis:
        return Outcome(NOT_ATTEMPTED, f"… {label} is not answered yet: replace the ... with your code, then run the cell.",
                       "ellipsis")
    return None


def wrong_kind_advice(want: str, value: Any) -> str:
    got = value.type_name if isinstance(value, Unjudgeable) else kind_of(value)
    if value is None:
        return ("did you forget to assign the result, or use a method with inplace=True, which returns nothing? "
                "Write the assignment as name = expression.")
    if callable(value):
        return "did you leave out the parentheses? A method runs only when called, as in .mean()."
    return ADVICE.get((want, got), f"the answer should be {PLAIN[want]}. A plain pandas or Python value is needed, "
                                   "not an object of another type.")


def shape_problem(kind: str, value: Any, rows: int | None, columns: list | None, length: int | None) -> str | None:
    if kind in ("table", "series") and rows is not None and len(value) != rows:
        return f"{len(value)} rows; there should be {rows}"
    if kind == "collection" and length is not None and len(value) != length:
        return f"{len(value)} items; there should be {length}"
    if kind == "table" and columns:
        frame = as_frame(value)
        have = {str(c).casefold() for c in frame.columns}
        missing = [c for c in columns if str(c).casefold() not in have]
        if missing:
            return (f"the columns {', '.join(map(str, frame.columns))}, without "
                    + ", ".join(f"`{m}`" for m in missing))
    return None


def range_problem(kind: str, value: Any, between: tuple) -> str | None:
    low, high = between
    pairs = labelled_values(value) if kind == "series" else None
    if kind == "number":
        numbers = [plain_scalar(value)]
    elif pairs is not None:  # the values only: labels (a year, a tract number) are not what the range is about
        numbers = [plain_scalar(v) for _, v in pairs if is_plain_number(v)]
    else:
        numbers = [plain_scalar(v) for c in range(value.shape[1]) for v in value.iloc[:, c].tolist()
                   if is_plain_number(v)]
    outside = [n for n in numbers if n is not None and not low <= n <= high]
    if outside:
        return f"{fmt(outside[0])}, outside the range {fmt(float(low))} to {fmt(float(high))}"
    return None


def expected_kind(expected: Any, kind: str | None) -> str:
    if kind is not None:
        return kind
    if isinstance(expected, Fingerprint):
        return expected["kind"]
    return "table" if expected is NO_EXPECTATION else kind_of(expected)


def evaluate(name: str, value: Any = ABSENT, expected: Any = NO_EXPECTATION, *, kind: str | None = None,
             rows: int | None = None, columns: list | None = None, length: int | None = None,
             between: tuple | None = None, satisfies: Callable[[Any], bool] | None = None,
             ordered: bool = False, tolerance: float = 1e-6, relative: float = 1e-6, key: list | None = None,
             match: str = "all", what: str = "", hint: str = "") -> Outcome:
    """Judge one answer: defined, then type, shape, columns, values; stop at the first problem.

    `expected` is the answer itself or its Fingerprint; either way it is judged through the fingerprint, so the
    grader and a check cell that holds only fingerprints agree.
    """
    label = f"`{name}`"
    absent = not_attempted(label, value)
    if absent:
        return absent
    kind = expected_kind(expected, kind)
    acceptable = {kind} | {"series": {"table"}, "date": {"text"}}.get(kind, set())
    if kind_of(value) not in acceptable:
        return incorrect(label, what, describe(value), wrong_kind_advice(kind, value), "kind")
    for stage, problem in (("shape", shape_problem(kind, value, rows, columns, length)),
                           ("range", range_problem(kind, value, between) if between else None)):
        if problem:
            return incorrect(label, what, problem, hint, stage)
    if expected is not NO_EXPECTATION:
        if not isinstance(expected, Fingerprint):
            expected = fingerprint(kind, expected, tolerance=tolerance, relative=relative, ordered=ordered,
                                   key=key, match=match)
        problem = mismatch(expected, value)
        if problem:
            return incorrect(label, what, problem, hint, "values")
    if satisfies is not None and not satisfies(value):
        return incorrect(label, what, describe(value), hint, "rule")
    return correct(label, what)
