"""Answer checks for the course notebooks: correct, incorrect or not attempted, in plain words, never the answer."""
from __future__ import annotations

import datetime
import math
import sys
import warnings
from dataclasses import dataclass
from typing import Any, Callable

CORRECT, INCORRECT, NOT_ATTEMPTED = "correct", "incorrect", "not attempted"
_ABSENT = object()
_NO_EXPECTATION = object()

KINDS = ("number", "text", "date", "collection", "series", "table", "plot")


class CheckFailed(AssertionError):
    """A failed check: IPython and nbgrader show its message as one sentence, not a traceback."""

    def __init__(self, outcome: "Outcome"):
        super().__init__(outcome.message)
        self.outcome = outcome

    def _render_traceback_(self) -> list[str]:
        return [self.outcome.message]


@dataclass(frozen=True)
class Outcome:
    """The result of one check: its status and the sentence a learner reads."""

    status: str
    message: str

    @property
    def passed(self) -> bool:
        return self.status == CORRECT


# ---------------------------------------------------------------- plain values
def _is_plain_number(value: Any) -> bool:
    if type(value) in (int, float):
        return True
    kind = type(value)
    return kind.__module__ == "numpy" and kind.__name__.startswith(("int", "uint", "float"))


_DATE_TYPES = {("pandas", "Timestamp"), ("datetime", "datetime"), ("datetime", "date"), ("numpy", "datetime64")}


def _is_date(value: Any) -> bool:
    """A date or date-and-time of pandas, numpy or the standard library (not a look-alike of another type)."""
    kind = type(value)
    return (kind.__module__.split(".")[0], kind.__name__) in _DATE_TYPES and value == value  # NaT is missing


def _plain_scalar(value: Any) -> Any:
    """A cell value as a plain Python value: numbers as float, dates as ISO text, missing as None."""
    if value is None:
        return None
    if type(value).__name__ == "datetime64":
        value = value.astype("datetime64[us]").item()
        if value is None:
            return None
    if _is_plain_number(value) or type(value).__name__ in ("bool", "bool_"):
        number = float(value)
        return None if math.isnan(number) else number
    if type(value).__name__ in ("Timestamp", "datetime", "date"):
        text = value.isoformat()
        return text[:10] if text[10:] in ("", "T00:00:00") else text
    if type(value).__name__ in ("NAType", "NaTType"):
        return None
    return str(value).strip()


def _same(a: Any, b: Any, tolerance: float, relative: float) -> bool:
    """Equal as plain values: numbers within tolerance, text ignoring case and outer spaces."""
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, float) and isinstance(b, float):
        return abs(a - b) <= tolerance + relative * abs(b)
    return str(a).casefold() == str(b).casefold()


def _fmt(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.6g}"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _kind_of(value: Any) -> str:
    name = type(value).__name__
    if _is_date(value):
        return "date"
    if _is_plain_number(value):
        return "number"
    if isinstance(value, str) and type(value) is str:
        return "text"
    if name == "DataFrame":
        return "table"
    if name == "Series":
        return "series"
    if name in ("Axes", "AxesSubplot", "Figure", "PlotFacts", "QuadMesh") or "Axes" in name:
        return "plot"
    if type(value) in (list, tuple, set, frozenset) or name == "ndarray":
        return "collection"
    return name


def describe(value: Any) -> str:
    """A short, plain description of a learner's value, for the 'found' part of a message."""
    kind = _kind_of(value)
    if value is None:
        return "None (nothing was stored)"
    if kind == "number":
        return _fmt(float(value))
    if kind == "text":
        return f"the text {_fmt(value)}"
    if kind == "date":
        return f"the date {_plain_scalar(value)}"
    if kind == "table":
        rows, cols = value.shape
        names = ", ".join(str(c) for c in list(value.columns)[:8])
        return f"a table (DataFrame) with {rows} rows and the columns {names}"
    if kind == "series":
        return f"a Series (one column of values) with {len(value)} values"
    if kind == "collection":
        return f"{_a(type(value).__name__)} of {len(value)} items"
    if kind == "plot":
        return "a chart"
    if callable(value):
        return "a function, not its result"
    if isinstance(value, Unjudgeable):
        return f"{_a(value.type_name)} object"
    return f"{_a(type(value).__name__)} object"


def _a(noun: str) -> str:
    return ("an " if noun[:1].lower() in "aeiou" else "a ") + noun


# ---------------------------------------------------------------- stages
def _wrong_kind_advice(want: str, value: Any) -> str:
    got = value.type_name if isinstance(value, Unjudgeable) else _kind_of(value)
    if value is None:
        return ("did you forget to assign the result, or use a method with inplace=True, which returns nothing? "
                "Write the assignment as name = expression.")
    if callable(value):
        return "did you leave out the parentheses? A method runs only when called, as in .mean()."
    advice = {
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
    plain = {"number": "a single number", "text": "text", "date": "a date", "collection": "a list", "series": "a Series",
             "table": "a table (DataFrame)", "plot": "a chart (the Axes returned by .plot())"}[want]
    return advice.get((want, got), f"the answer should be {plain}. A plain pandas or Python value is needed, "
                                   "not an object of another type.")


def _as_frame(value: Any):
    """A table with any named index moved into columns, so index and column forms compare alike."""
    frame = value.to_frame() if _kind_of(value) == "series" else value
    index = frame.index
    if getattr(index, "nlevels", 1) > 1 or index.name is not None:
        frame = frame.reset_index()
    return frame


def _plain_rows(frame, columns: list) -> list[tuple]:
    return list(zip(*[[_plain_scalar(v) for v in frame[c].tolist()] for c in columns])) if columns else []


def _sort_key(row: tuple) -> tuple:
    return tuple((0, v, "") if isinstance(v, float) else (1, 0.0, "" if v is None else str(v).casefold())
                 for v in row)


def _compare_number(value, expected, tolerance, relative) -> str | None:
    got = _plain_scalar(value)
    want = _plain_scalar(expected)
    return None if _same(got, want, tolerance, relative) else f"{_fmt(got)}, which is not what this check expects"


def _compare_text(value, expected, tolerance, relative) -> str | None:
    return None if _same(value.strip(), str(expected).strip(), 0, 0) else f"{_fmt(value)}, which is not it"


def _day(value: Any) -> datetime.datetime | None:
    """A date answer, or date text in the form YYYY-MM-DD, as a datetime; None when the text is not a date."""
    text = _plain_scalar(value) if _is_date(value) else str(value).strip()
    try:
        return datetime.datetime.fromisoformat(text)
    except ValueError:
        return None


def _compare_date(value, expected) -> str | None:
    got, want = _day(value), _day(expected)
    if got is None:
        return f"{_fmt(str(value))}, which is not a date written in the form YYYY-MM-DD"
    if want.time() == datetime.time(0):  # a calendar day: the time of day, if any, does not matter
        got, want = got.date(), want.date()
    return None if got == want else f"the date {_plain_scalar(value) if _is_date(value) else _fmt(str(value))}, which is not it"


def _compare_collection(value, expected, tolerance, relative, ordered) -> str | None:
    got = [_plain_scalar(v) for v in list(value)]
    want = [_plain_scalar(v) for v in list(expected)]
    if len(got) != len(want):
        return f"{len(got)} items, which is not the number of items the answer has"
    if not ordered:
        got, want = sorted(got, key=lambda v: _sort_key((v,))), sorted(want, key=lambda v: _sort_key((v,)))
    wrong = sum(not _same(g, w, tolerance, relative) for g, w in zip(got, want))
    if wrong == 0:
        return None
    return f"{wrong} of the {len(got)} items differ from the answer" + (" (order matters here)" if ordered else "")


def _compare_table(value, expected, tolerance, relative, ordered) -> str | None:
    got, want = _as_frame(value), _as_frame(expected)
    got_columns = {str(c).casefold(): c for c in got.columns}
    missing = [str(c) for c in want.columns if str(c).casefold() not in got_columns]
    if missing:
        return (f"the columns {', '.join(map(str, got.columns))}; the answer also needs "
                + ", ".join(f"`{m}`" for m in missing))
    if len(got) != len(want):
        return f"{len(got)} rows, which is not the number of rows the answer has"
    columns = list(want.columns)
    got_rows = _plain_rows(got, [got_columns[str(c).casefold()] for c in columns])
    want_rows = _plain_rows(want, columns)
    if not ordered:
        got_rows, want_rows = sorted(got_rows, key=_sort_key), sorted(want_rows, key=_sort_key)
    for position, column in enumerate(columns):
        wrong = sum(not _same(g[position], w[position], tolerance, relative) for g, w in zip(got_rows, want_rows))
        if wrong:
            where = "" if not ordered else " (the order of rows matters here)"
            return f"{wrong} of {len(got_rows)} rows differ from the answer in column `{column}`{where}"
    return None


def _labelled_values(value) -> list[tuple] | None:
    """A Series, a one-column table or a key-and-value table as (label, value) pairs; None if it is none of these."""
    if _kind_of(value) == "series":
        return list(zip(value.index.tolist(), value.tolist()))
    frame = value
    if frame.shape[1] == 1:
        return list(zip(frame.index.tolist(), frame.iloc[:, 0].tolist()))
    if frame.shape[1] == 2 and getattr(frame.index, "name", None) is None and frame.index.nlevels == 1:
        return list(zip(frame.iloc[:, 0].tolist(), frame.iloc[:, 1].tolist()))
    return None


def _compare_series(value, expected, tolerance, relative, ordered) -> str | None:
    """Compare values by their labels (index or key column), whatever the names of the index and the values."""
    got, want = _labelled_values(value), _labelled_values(expected)
    if got is None:
        return f"{describe(value)}; the answer is one value per label (a Series)"
    key = lambda label: str(_plain_scalar(label)).casefold()
    if len(got) != len(want):
        return f"{len(got)} values, which is not the number of values the answer has"
    if ordered:
        wrong = sum(key(g[0]) != key(w[0]) for g, w in zip(got, want))
        if wrong:
            return f"the labels in a different order from the answer ({wrong} of {len(got)} out of place)"
    have = {key(label): _plain_scalar(v) for label, v in got}
    missing = [str(label) for label, _ in want if key(label) not in have]
    if missing:
        return f"no value labelled `{missing[0]}`" + (f" (and {len(missing) - 1} more)" if len(missing) > 1 else "")
    wrong = sum(not _same(have[key(label)], _plain_scalar(v), tolerance, relative) for label, v in want)
    return f"{wrong} of {len(want)} values that differ from the answer" if wrong else None


def _compare(kind, value, expected, tolerance, relative, ordered) -> str | None:
    if kind == "number":
        return _compare_number(value, expected, tolerance, relative)
    if kind == "text":
        return _compare_text(value, expected, tolerance, relative)
    if kind == "date":
        return _compare_date(value, expected)
    if kind == "collection":
        return _compare_collection(value, expected, tolerance, relative, ordered)
    if kind == "series":
        return _compare_series(value, expected, tolerance, relative, ordered)
    return _compare_table(value, expected, tolerance, relative, ordered)


def _shape_problem(kind, value, rows, columns, length) -> str | None:
    if kind in ("table", "series") and rows is not None and len(value) != rows:
        return f"{len(value)} rows; there should be {rows}"
    if kind == "collection" and length is not None and len(value) != length:
        return f"{len(value)} items; there should be {length}"
    if kind == "table" and columns:
        frame = _as_frame(value)
        have = {str(c).casefold() for c in frame.columns}
        missing = [c for c in columns if str(c).casefold() not in have]
        if missing:
            return (f"the columns {', '.join(map(str, frame.columns))}, without "
                    + ", ".join(f"`{m}`" for m in missing))
    return None


def _range_problem(kind, value, between) -> str | None:
    low, high = between
    pairs = _labelled_values(value) if kind == "series" else None
    if kind == "number":
        numbers = [_plain_scalar(value)]
    elif pairs is not None:  # the values only: labels (a year, a tract number) are not what the range is about
        numbers = [_plain_scalar(v) for _, v in pairs if _is_plain_number(v)]
    else:
        numbers = [_plain_scalar(v) for c in range(value.shape[1]) for v in value.iloc[:, c].tolist()
                   if _is_plain_number(v)]
    outside = [n for n in numbers if n is not None and not low <= n <= high]
    if outside:
        return f"{_fmt(outside[0])}, outside the range {_fmt(float(low))} to {_fmt(float(high))}"
    return None


# ---------------------------------------------------------------- entry points
def evaluate(name: str, value: Any = _ABSENT, expected: Any = _NO_EXPECTATION, *, kind: str | None = None,
             rows: int | None = None, columns: list | None = None, length: int | None = None,
             between: tuple | None = None, satisfies: Callable[[Any], bool] | None = None,
             ordered: bool = False, tolerance: float = 1e-6, relative: float = 1e-6,
             what: str = "", hint: str = "") -> Outcome:
    """Judge one answer: defined, then type, shape, columns, values; stop at the first problem."""
    label = f"`{name}`"
    if value is _ABSENT:
        return Outcome(NOT_ATTEMPTED, f"… {label} is not answered yet: there is no variable with that name. "
                                      "Run the cell where you create it (and the cells above it), and check the spelling.")
    if value is Ellipsis:
        return Outcome(NOT_ATTEMPTED, f"… {label} is not answered yet: replace the ... with your code, then run the cell.")

    if kind is None:
        kind = "table" if expected is _NO_EXPECTATION else _kind_of(expected)
    got = _kind_of(value)
    acceptable = {kind} | {"series": {"table"}, "date": {"text"}}.get(kind, set())
    if got not in acceptable:
        return _incorrect(label, what, f"{describe(value)}", _wrong_kind_advice(kind, value))

    for problem in (_shape_problem(kind, value, rows, columns, length),
                    _range_problem(kind, value, between) if between else None):
        if problem:
            return _incorrect(label, what, problem, hint)
    if expected is not _NO_EXPECTATION:
        problem = _compare(kind, value, expected, tolerance, relative, ordered)
        if problem:
            return _incorrect(label, what, problem, hint)
    if satisfies is not None and not satisfies(value):
        return _incorrect(label, what, describe(value), hint)
    done = f": {what}" if what else ""
    return Outcome(CORRECT, f"✔ {label} passed this check{done}.")


def _incorrect(label: str, what: str, found: str, hint: str) -> Outcome:
    checked = f" Checked: {what}." if what else ""
    advice = f" Try this: {hint}" if hint else ""
    return Outcome(INCORRECT, f"✘ {label}:{checked} Found {found}.{advice}")


def _caller_value(name: str, depth: int = 2) -> Any:
    namespace = sys._getframe(depth).f_globals
    return namespace.get(name, _ABSENT)


COMPUTED_RULES = ("expected", "bars", "cells")  # rules a test may give as functions that compute them


def _computed(rules: dict, *inputs: Any) -> dict:
    """The rules with each function among COMPUTED_RULES called on `inputs` (none: from the data), quietly."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return {key: rule(*inputs) if key in COMPUTED_RULES and callable(rule) and not isinstance(rule, type) else rule
                for key, rule in rules.items()}


def _quietly(judge: Callable[..., Outcome], *args: Any, **rules: Any) -> Outcome:
    """Run a judgement with warnings held back: a warning on stderr would cost a correct answer its points."""
    rules = _computed(rules)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return judge(*args, **rules)


def check(name: str, **rules: Any) -> None:
    """A visible self-check for learners: prints one line and never stops the notebook."""
    check_value(name, _caller_value(name), **rules)


def check_value(name: str, value: Any, **rules: Any) -> None:
    """The visible self-check of a value already looked up (for helpers that call it on a learner's behalf)."""
    outcome = _quietly(evaluate, name, value, **rules)
    if outcome.passed:
        print(f"✔ `{name}` looks reasonable so far. The graded tests will check it in more detail.")
    else:
        print(outcome.message)


def expect(name: str, expected: Any = _NO_EXPECTATION, **rules: Any) -> None:
    """A graded test: passes with a line of confirmation, or raises CheckFailed with its sentence.

    `expected` may be a function of no arguments that computes the answer; it is called here, quietly.
    With `given="earlier_answer"` it is a function of one optional argument: called with nothing it computes the
    answer from the data; called with the learner's own earlier answer it computes what follows from that, and an
    answer that follows correctly from the learner's own earlier work passes too (one slip costs one question).
    """
    outcome = _answer_outcome(evaluate, name, sys._getframe(1).f_globals, {"expected": expected, **rules})
    if not outcome.passed:
        raise CheckFailed(outcome)
    print(outcome.message)


def _answer_outcome(judge: Callable[..., Outcome], name: str, namespace: dict, rules: dict) -> Outcome:
    """Judge the answer `name` in `namespace`; rules may name other answers (cells=, given=) to be looked up there."""
    lookup = lambda answer: namespace.get(answer, _ABSENT)  # noqa: E731
    if isinstance(rules.get("cells"), str):
        rules = {**rules, "cells": lookup(rules["cells"])}
    given = rules.pop("given", None)
    value = lookup(name)
    outcome = _quietly(judge, name, value, **rules)
    if outcome.passed or given is None:
        return outcome
    carried = _carried_rules(rules, lookup(given))
    if carried is None:
        return outcome
    try:
        second = _quietly(judge, name, value, **carried)
    except Exception:  # the learner's earlier answer is not a table the test can work from
        return outcome
    if not second.passed:
        return outcome
    basis = "the rest of your own table" if given == name else f"your own `{given}`"
    return Outcome(CORRECT, second.message[:-1] + f", worked out from {basis}.")


def _carried_rules(rules: dict, own: Any) -> dict | None:
    """The rules worked out from the learner's own earlier answer instead of the data; None when it cannot be used."""
    if own is _ABSENT or own is Ellipsis or own is None or isinstance(own, Unjudgeable):
        return None
    try:
        carried = _computed(rules, own)
    except Exception:
        return None
    if callable(rules.get("satisfies")):
        test = rules["satisfies"]
        carried["satisfies"] = lambda value: test(value, own)
    return carried


# ---------------------------------------------------------------- charts
class PlotFacts(dict):
    """A chart already read into plain values (as the grader receives it from outside the learner's kernel)."""


MAX_CELLS = 20_000  # a heatmap larger than this is described by its shape alone


def _axes_of(chart: Any):
    """The Axes a chart answer stands for: itself, a Figure's first Axes, or the Axes an image was drawn on."""
    if type(chart).__name__ == "Figure":
        return chart.axes[0]
    return chart if hasattr(chart, "containers") else chart.axes


def _grid(image) -> dict:
    """An image's or mesh's colour grid as plain rows (None where a cell is empty), with its shape."""
    values = image.get_array()
    if values is None or values.ndim != 2:
        return {"shape": None if values is None else list(values.shape), "cells": None}
    shape = [int(n) for n in values.shape]
    if shape[0] * shape[1] > MAX_CELLS:
        return {"shape": shape, "cells": None}
    filled = values.astype(float).filled(float("nan")) if hasattr(values, "filled") else values.astype(float)
    return {"shape": shape, "cells": [[_plain_scalar(v) for v in row] for row in filled.tolist()]}


def plot_facts(chart: Any) -> dict:
    """What a chart shows, as plain values: kind, title, axis labels, legend, every bar, line and point, and heatmaps."""
    axes = _axes_of(chart)
    axes.figure.canvas.draw()
    horizontal = _bars_are_horizontal(axes)
    ticks = axes.get_yticks() if horizontal else axes.get_xticks()
    tick_labels = [t.get_text() for t in (axes.get_yticklabels() if horizontal else axes.get_xticklabels())]
    legend = axes.get_legend()
    legend_texts = [t.get_text() for t in legend.get_texts()] if legend else []
    containers = [c for c in axes.containers if type(c).__name__ == "BarContainer"]
    names = [str(c.get_label()) for c in containers]
    if len(legend_texts) == len(names) and not set(names) & set(legend_texts):
        names = legend_texts  # ax.legend([...]) renamed the series: the reader knows them by the legend's words
    bars = []
    for container, group in zip(containers, names):
        for patch in container.patches:
            centre = patch.get_y() + patch.get_height() / 2 if horizontal else patch.get_x() + patch.get_width() / 2
            size = patch.get_width() if horizontal else patch.get_height()
            start = patch.get_x() if horizontal else patch.get_y()
            bars.append({"group": group, "category": _nearest_label(centre, ticks, tick_labels),
                         "value": float(size), "start": float(start), "position": float(centre)})
    lines = [{"label": str(line.get_label()), "x": [_plain_scalar(x) for x in line.get_xdata()],
              "y": [_plain_scalar(y) for y in line.get_ydata()]} for line in axes.get_lines()]
    points = sum(len(c.get_offsets()) for c in axes.collections if type(c).__name__ == "PathCollection")
    grids = [_grid(i) for i in [*axes.get_images(), *(c for c in axes.collections if type(c).__name__ == "QuadMesh")]]
    kind = "barh" if bars and horizontal else "bar" if bars else "line" if lines else "scatter" if points else \
        "heatmap" if grids else "empty"
    return {"kind": kind, "title": axes.get_title().strip(), "xlabel": axes.get_xlabel().strip(),
            "ylabel": axes.get_ylabel().strip(), "legend": legend_texts,
            "bars": bars, "lines": lines, "points": points, "grids": grids,
            "reversed": bool(axes.yaxis_inverted() if horizontal else axes.xaxis_inverted())}


def _bars_are_horizontal(axes) -> bool:
    for container in axes.containers:
        if type(container).__name__ == "BarContainer":
            return getattr(container, "orientation", "vertical") == "horizontal"
    return False


def _nearest_label(position: float, ticks, labels: list[str]) -> str:
    if len(ticks) == 0 or len(labels) != len(ticks):
        return _fmt(position)
    nearest = min(range(len(ticks)), key=lambda i: abs(ticks[i] - position))
    return labels[nearest] if abs(ticks[nearest] - position) < 0.5 else _fmt(position)


def evaluate_plot(name: str, chart: Any = _ABSENT, *, kind: str | None = None, labelled: bool = True,
                  bars: Any = None, groups: list | None = None, cells: Any = None, order: Any = None,
                  tolerance: float = 1e-6, relative: float = 1e-6, what: str = "", hint: str = "") -> Outcome:
    """Judge a chart: it exists, is the right kind, carries a title and axis labels, and shows the right data.

    `cells` is the table a heatmap should colour (one cell per value, its rows in any order, either way round),
    or, in expect_plot and check_plot, the name of the learner's own answer holding that table.
    """
    first = evaluate(name, chart, kind="plot", what=what, hint=hint)
    if not first.passed:
        return first
    label = f"`{name}`"
    facts = chart if isinstance(chart, PlotFacts) else plot_facts(chart)
    if kind and facts["kind"] != kind:
        shown = {"bar": "a vertical bar chart", "barh": "a horizontal bar chart", "line": "a line chart",
                 "scatter": "a scatter plot", "heatmap": "a heatmap (imshow or pcolormesh)", "empty": "an empty chart"}
        return _incorrect(label, what, shown[facts["kind"]], hint or f"draw {shown[kind]}.")
    if labelled:
        missing = [part for part in ("title", "xlabel", "ylabel") if not facts[part]]
        if missing:
            words = {"title": "a title", "xlabel": "an x-axis label", "ylabel": "a y-axis label"}
            return _incorrect(label, what, "a chart without " + " and ".join(words[m] for m in missing),
                              "give every chart a title and label both axes (title=, xlabel=, ylabel= in .plot(), "
                              "or ax.set_title(...), ax.set_xlabel(...), ax.set_ylabel(...)), with units where there are units.")
    if order is not None and _reading_order(facts) != _wanted_order(order, facts):
        rule = order if isinstance(order, str) else "as the question lists them"
        return _incorrect(label, what, f"bars that are not in the order asked ({rule}), reading left to right, "
                                       "or top to bottom for horizontal bars", hint)
    if groups is not None:
        have = {b["group"].casefold() for b in facts["bars"]}
        missing = [g for g in groups if str(g).casefold() not in have]
        if missing:
            return _incorrect(label, what, "a chart whose bars are not grouped into the series "
                              + ", ".join(f"`{g}`" for g in missing), hint)
    for problem in (_compare_bars(facts["bars"], bars, tolerance, relative) if bars is not None else None,
                    _compare_grid(facts.get("grids", []), cells, tolerance, relative) if cells is not None else None):
        if problem:
            return _incorrect(label, what, problem, hint)
    done = f": {what}" if what else ""
    return Outcome(CORRECT, f"✔ {label} passed this check{done}.")


def _reading_order(facts: dict) -> list[str]:
    """The bar categories as a reader meets them: left to right, or top to bottom for horizontal bars."""
    horizontal = facts["kind"] == "barh"
    by_place = sorted(facts["bars"], key=lambda b: b.get("position", 0.0),
                      reverse=horizontal != bool(facts.get("reversed")))
    return list(dict.fromkeys(b["category"].casefold() for b in by_place))


def _wanted_order(order: Any, facts: dict) -> list[str]:
    """The categories in the order asked: a list of labels, "largest first" or "smallest first" (by bar size)."""
    if isinstance(order, str):
        size: dict[str, float] = {}
        for bar in facts["bars"]:
            size[bar["category"].casefold()] = size.get(bar["category"].casefold(), 0.0) + abs(bar["value"])
        return sorted(size, key=size.get, reverse=order == "largest first")
    return [str(label).casefold() for label in order]


def _compare_bars(drawn: list[dict], expected: Any, tolerance: float, relative: float) -> str | None:
    """Compare drawn bar sizes (ignoring sign and order) with a Series (category -> size) or a table (category x group)."""
    if _kind_of(expected) == "series":
        want = {(None, str(k).casefold()): abs(float(v)) for k, v in expected.items()}
    else:
        want = {(str(g).casefold(), str(k).casefold()): abs(float(v))
                for g in expected.columns for k, v in expected[g].items()}
    one_group = all(g is None for g, _ in want)
    have = {(None if one_group else b["group"].casefold(), b["category"].casefold()): abs(b["value"]) for b in drawn}
    if len(drawn) != len(want):
        return f"a chart with {len(drawn)} bars, which is not the number of bars the data call for"
    missing = [k for k in want if k not in have]
    if missing:
        return f"no bar labelled `{missing[0][1]}` (check what is on the category axis)"
    wrong = sum(not _same(have[k], w, tolerance, relative) for k, w in want.items())
    return f"{wrong} of {len(want)} bars whose sizes do not match the data" if wrong else None


def _compare_grid(grids: list[dict], expected: Any, tolerance: float, relative: float) -> str | None:
    """Compare the one heatmap drawn with a table: same values row by row, rows in any order, either orientation."""
    if len(grids) != 1:
        return f"a chart with {len(grids)} heatmaps drawn on it; draw the table once, with one imshow or pcolormesh"
    if _kind_of(expected) not in ("table", "series"):
        return "a heatmap that cannot be compared yet, because the table it should show is not a finished table"
    grid = grids[0]
    if grid["cells"] is None:
        return "a heatmap whose colours are not one value per cell (draw the table itself, not an image file or RGB colours)"
    table = expected.to_frame() if _kind_of(expected) == "series" else expected.select_dtypes("number")
    want = [[_plain_scalar(v) for v in row] for row in table.to_numpy(dtype=float, na_value=math.nan).tolist()]
    flipped = [list(column) for column in zip(*want)]

    def same_rows(drawn: list[list], rows: list[list]) -> bool:
        if len(drawn) != len(rows) or any(len(a) != len(b) for a, b in zip(drawn, rows)):
            return False
        ordered = sorted(drawn, key=_sort_key), sorted(rows, key=_sort_key)
        return all(_same(a, b, tolerance, relative) for one, two in zip(*ordered) for a, b in zip(one, two))

    if grid["shape"] not in ([len(want), len(flipped)], [len(flipped), len(want)]):
        rows, columns = grid["shape"]
        return (f"a heatmap of {rows} row{'s' * (rows != 1)} × {columns} column{'s' * (columns != 1)}, which is not the shape of the table it should show "
                "(draw the whole table, one coloured cell per value)")
    if not (same_rows(grid["cells"], want) or same_rows(grid["cells"], flipped)):
        return "a heatmap whose cells do not hold the table's values (check which table you drew, and that empty cells are 0)"
    return None


def check_plot(name: str, **rules: Any) -> None:
    """A visible self-check for a chart: prints one line and never stops the notebook."""
    outcome = _answer_outcome(evaluate_plot, name, sys._getframe(1).f_globals, rules)
    print(f"✔ `{name}` looks like a finished chart so far." if outcome.passed else outcome.message)


def expect_plot(name: str, **rules: Any) -> None:
    """A graded test of a chart: passes with a line of confirmation, or raises CheckFailed with its sentence.

    `bars` and `cells` may be functions, and `given=` works as in `expect`.
    """
    outcome = _answer_outcome(evaluate_plot, name, sys._getframe(1).f_globals, rules)
    if not outcome.passed:
        raise CheckFailed(outcome)
    print(outcome.message)


# ---------------------------------------------------------------- answers as plain data
def encode_answer(value: Any) -> dict:
    """An answer as plain JSON-ready data; anything but a plain value is recorded only by its type's name."""
    if value is _ABSENT:
        return {"kind": "absent"}
    if value is Ellipsis:
        return {"kind": "ellipsis"}
    if value is None:
        return {"kind": "none"}
    kind = _kind_of(value)
    if kind == "number" or type(value) is bool:
        return {"kind": "number", "value": _plain_scalar(value)}
    if kind == "text":
        return {"kind": "text", "value": str.__str__(value)}
    if kind == "date":
        return {"kind": "date", "value": _plain_scalar(value)}
    if kind == "collection" and type(value).__name__ != "ndarray":
        return {"kind": "collection", "values": [_plain_scalar(v) for v in list(value)]}
    if kind == "series" and type(value).__module__.startswith("pandas"):
        return {"kind": "series", "index": [_plain_scalar(v) for v in value.index.tolist()],
                "index_names": [None if n is None else str(n) for n in value.index.names],
                "name": None if value.name is None else str(value.name),
                "values": [_plain_scalar(v) for v in value.tolist()]}
    if kind == "table" and type(value).__module__.startswith("pandas"):
        return {"kind": "table", "columns": [str(c) for c in value.columns],
                "index": [[_plain_scalar(v) for v in (row if isinstance(row, tuple) else (row,))]
                          for row in value.index.tolist()],
                "index_names": [None if n is None else str(n) for n in value.index.names],
                "data": [[_plain_scalar(v) for v in value[c].tolist()] for c in value.columns]}
    if kind == "plot" and type(value).__module__.startswith("matplotlib"):
        return {"kind": "plot", "facts": plot_facts(value)}
    return {"kind": "other", "type": type(value).__name__}


class Unjudgeable:
    """Stands for an answer that was not a plain value; it matches nothing."""

    def __init__(self, type_name: str):
        self.type_name = type_name

    def __repr__(self) -> str:
        return f"<{self.type_name} object>"


def decode_answer(encoded: dict) -> Any:
    """The plain value an encoded answer stands for (the grader's own object, never the learner's)."""
    kind = encoded.get("kind")
    if kind == "absent":
        return _ABSENT
    if kind == "ellipsis":
        return Ellipsis
    if kind in ("none", None):
        return None
    if kind == "number":
        value = encoded["value"]
        return math.nan if value is None else float(value)
    if kind == "text":
        return str(encoded["value"])
    if kind == "date":
        import pandas as pd
        return pd.Timestamp(datetime.datetime.fromisoformat(str(encoded["value"])))
    if kind == "collection":
        return list(encoded["values"])
    if kind == "plot":
        return PlotFacts(encoded["facts"])
    if kind in ("series", "table"):
        import pandas as pd
        names = encoded["index_names"]
        if kind == "series":
            index = pd.Index(encoded["index"], name=names[0]) if len(names) == 1 else \
                pd.MultiIndex.from_tuples([tuple(i) for i in encoded["index"]], names=names)
            return pd.Series(encoded["values"], index=index, name=encoded["name"], dtype=object).infer_objects()
        rows = [tuple(r) for r in encoded["index"]]
        index = pd.MultiIndex.from_tuples(rows, names=names) if len(names) > 1 else \
            pd.Index([r[0] for r in rows], name=names[0])
        frame = pd.DataFrame({c: pd.Series(v, dtype=object).infer_objects()
                              for c, v in zip(encoded["columns"], encoded["data"])})
        frame.index = index
        return frame
    return Unjudgeable(str(encoded.get("type", "unknown")))
