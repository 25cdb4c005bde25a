"""Answers as plain data: what leaves the learner's kernel for the grader, and the plain values rebuilt from it."""
from __future__ import annotations

import datetime
import math
from typing import Any

from .charts import plot_facts
from .values import ABSENT, PlotFacts, Unjudgeable, kind_of, plain_scalar


def encode_answer(value: Any) -> dict:
    """An answer as plain JSON-ready data; anything but a plain value is recorded only by its type's name."""
    if value is ABSENT:
        return {"kind": "absent"}
    if value is Ellipsis:
        return {"kind": "ellipsis"}
    if value is None:
        return {"kind": "none"}
    kind = kind_of(value)
    if kind == "number" or type(value) is bool:
        return {"kind": "number", "value": plain_scalar(value)}
    if kind == "text":
        return {"kind": "text", "value": str.__str__(value)}
    if kind == "date":
        return {"kind": "date", "value": plain_scalar(value)}
    if kind == "collection" and type(value).__name__ != "ndarray":
        return {"kind": "collection", "values": [plain_scalar(v) for v in list(value)]}
    if kind == "series" and type(value).__module__.startswith("pandas"):
        return {"kind": "series", "index": [plain_scalar(v) for v in value.index.tolist()],
                "index_names": [None if n is None else str(n) for n in value.index.names],
                "name": None if value.name is None else str(value.name),
                "values": [plain_scalar(v) for v in value.tolist()]}
    if kind == "table" and type(value).__module__.startswith("pandas"):
        return {"kind": "table", "columns": [str(c) for c in value.columns],
                "index": [[plain_scalar(v) for v in (row if isinstance(row, tuple) else (row,))]
                          for row in value.index.tolist()],
                "index_names": [None if n is None else str(n) for n in value.index.names],
                "data": [[plain_scalar(v) for v in value[c].tolist()] for c in value.columns]}
    if kind == "plot" and type(value).__module__.startswith("matplotlib"):
        return {"kind": "plot", "facts": plot_facts(value)}
    return {"kind": "other", "type": type(value).__name__}


def decode_answer(encoded: dict) -> Any:
    """The plain value an encoded answer stands for (the grader's own object, never the learner's)."""
    kind = encoded.get("kind")
    if kind == "absent":
        return ABSENT
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
        return _frame_or_series(kind, encoded)
    return Unjudgeable(str(encoded.get("type", "unknown")))


def _frame_or_series(kind: str, encoded: dict) -> Any:
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
