"""A learner's answer as plain values: what kind it is, how to describe it, and its cells as numbers or text."""
from __future__ import annotations

import datetime
import math
from typing import Any

ABSENT = object()          # no variable of that name
NO_EXPECTATION = object()  # a check without an expected value (type, shape and range only)

KINDS = ("number", "text", "date", "collection", "series", "table", "plot")


class Unjudgeable:
    """Stands for an answer that was not a plain value; it matches nothing."""

    def __init__(self, type_name: str):
        self.type_name = type_name

    def __repr__(self) -> str:
        return f"<{self.type_name} object>"


class PlotFacts(dict):
    """A chart already read into plain values (as the grader receives it from outside the learner's kernel)."""


def is_plain_number(value: Any) -> bool:
    if type(value) in (int, float):
        return True
    kind = type(value)
    return kind.__module__ == "numpy" and kind.__name__.startswith(("int", "uint", "float"))


_DATE_TYPES = {("pandas", "Timestamp"), ("datetime", "datetime"), ("datetime", "date"), ("numpy", "datetime64")}


def is_date(value: Any) -> bool:
    """A date or date-and-time of pandas, numpy or the standard library (not a look-alike of another type)."""
    kind = type(value)
    return (kind.__module__.split(".")[0], kind.__name__) in _DATE_TYPES and value == value  # NaT is missing


def plain_scalar(value: Any) -> Any:
    """A cell value as a plain Python value: numbers as float, dates as ISO text, missing as None."""
    if value is None:
        return None
    if type(value).__name__ == "datetime64":
        value = value.astype("datetime64[us]").item()
        if value is None:
            return None
    if is_plain_number(value) or type(value).__name__ in ("bool", "bool_"):
        number = float(value)
        return None if math.isnan(number) else number
    if type(value).__name__ in ("Timestamp", "datetime", "date"):
        text = value.isoformat()
        return text[:10] if text[10:] in ("", "T00:00:00") else text
    if type(value).__name__ in ("NAType", "NaTType"):
        return None
    return str(value).strip()


def fmt(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.6g}"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def kind_of(value: Any) -> str:
    name = type(value).__name__
    if is_date(value):
        return "date"
    if is_plain_number(value):
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


def a(noun: str) -> str:
    return ("an " if noun[:1].lower() in "aeiou" else "a ") + noun


def describe(value: Any) -> str:
    """A short, plain description of a learner's value, for the 'found' part of a message."""
    kind = kind_of(value)
    if value is None:
        return "None (nothing was stored)"
    if kind == "number":
        return fmt(float(value))
    if kind == "text":
        return f"the text {fmt(value)}"
    if kind == "date":
        return f"the date {plain_scalar(value)}"
    if kind == "table":
        rows, _ = value.shape
        names = ", ".join(str(c) for c in list(value.columns)[:8])
        return f"a table (DataFrame) with {rows} rows and the columns {names}"
    if kind == "series":
        return f"a Series (one column of values) with {len(value)} values"
    if kind == "collection":
        return f"{a(type(value).__name__)} of {len(value)} items"
    if kind == "plot":
        return "a chart"
    if callable(value):
        return "a function, not its result"
    if isinstance(value, Unjudgeable):
        return f"{a(value.type_name)} object"
    return f"{a(type(value).__name__)} object"


def as_frame(value: Any):
    """A table with any named index moved into columns, so index and column forms compare alike."""
    frame = value.to_frame() if kind_of(value) == "series" else value
    index = frame.index
    if getattr(index, "nlevels", 1) > 1 or index.name is not None:
        frame = frame.reset_index()
    return frame


def labelled_values(value: Any) -> list[tuple] | None:
    """A Series, a one-column table or a key-and-value table as (label, value) pairs; None if it is none of these."""
    if kind_of(value) == "series":
        return list(zip(value.index.tolist(), value.tolist()))
    frame = value
    if frame.shape[1] == 1:
        return list(zip(frame.index.tolist(), frame.iloc[:, 0].tolist()))
    if frame.shape[1] == 2 and getattr(frame.index, "name", None) is None and frame.index.nlevels == 1:
        return list(zip(frame.iloc[:, 0].tolist(), frame.iloc[:, 1].tolist()))
    return None


def label_key(label: Any) -> str:
    """A label as it is matched: its plain text, without regard to case."""
    return str(plain_scalar(label)).casefold()


def sort_key(row: tuple) -> tuple:
    return tuple((0, v, "") if isinstance(v, float) else (1, 0.0, "" if v is None else str(v).casefold())
                 for v in row)


def as_day(value: Any) -> datetime.datetime | None:
    """A date answer, or date text in the form YYYY-MM-DD, as a datetime; None when the text is not a date."""
    text = plain_scalar(value) if is_date(value) else str(value).strip()
    try:
        return datetime.datetime.fromisoformat(text)
    except (TypeError, ValueError):
        return None
