"""Fingerprints: an expected answer held as salted hashes of its canonical form, enough to judge an answer by and
never enough to show it.

Numbers sit on a grid whose cells are one tolerance wide (rounded up to a power of ten): the fingerprint keeps the
hash of the expected value's cell and, in clear, where in its cell the value lies, which says nothing of the value
itself. An answer is looked up in its own cell and the two cells beside it, then held to the test's tolerance
exactly. Tables, Series and lists get one hash per label, row or item, so "3 of 6 values differ" can still be said.
Grader and check cell judge through the same code: a test's expected value is fingerprinted, then matched.
"""
from __future__ import annotations

import hashlib
import itertools
import math
from typing import Any

from .values import as_day, as_frame, describe, fmt, is_date, label_key, labelled_values, plain_scalar

MAX_NEIGHBOUR_COLUMNS = 5  # a row's numbers are looked up in neighbouring grid cells for up to this many columns


class Fingerprint(dict):
    """The fingerprint of an expected value: plain JSON-ready data, with its kind, salt and tolerance."""


def digest(salt: str, *parts: str) -> str:
    return hashlib.blake2b("\x1f".join((salt, *parts)).encode(), digest_size=8).hexdigest()


# ---------------------------------------------------------------- numbers and text on the grid
def _tolerance(value: float, tolerance: float, relative: float) -> float:
    return tolerance + relative * abs(value)


def grid_power(values: list, tolerance: float, relative: float) -> int:
    """The grid's cell size, as a power of ten no smaller than the tolerance at the largest of the values."""
    largest = max((abs(v) for v in values if isinstance(v, float) and math.isfinite(v)), default=0.0)
    width = _tolerance(largest, tolerance, relative)
    return math.ceil(math.log10(width)) if width > 0 else -12


def _token(value: Any, power: int | None) -> tuple[str, float | None]:
    """A plain scalar's canonical token, and for a number where it lies in its grid cell."""
    if value is None:
        return "none", None
    if isinstance(value, float):
        if not math.isfinite(value) or power is None:
            return f"t:{value}", None
        place = value / 10.0 ** power
        cell = math.floor(place)
        return f"n:{cell}", round(place - cell, 9)
    return "t:" + str(value).casefold(), None


def scalar(value: Any, salt: str, context: str, power: int | None) -> dict:
    """One plain value's fingerprint."""
    token, offset = _token(value, power)
    return {"h": digest(salt, context, token)} | ({"f": offset} if offset is not None else {})


def scalar_matches(fp: dict, value: Any, salt: str, context: str, power: int | None,
                   tolerance: float, relative: float) -> bool:
    """Does a plain value match a value's fingerprint, within the tolerance?"""
    if not isinstance(value, float) or not math.isfinite(value) or "f" not in fp or power is None:
        return digest(salt, context, _token(value, power)[0]) == fp["h"]
    step = 10.0 ** power
    base = math.floor(value / step)
    for cell in (base, base - 1, base + 1):
        if digest(salt, context, f"n:{cell}") == fp["h"]:
            expected = (cell + fp["f"]) * step
            return abs(value - expected) <= _tolerance(expected, tolerance, relative) + 1e-9 * step
    return False


# ---------------------------------------------------------------- building
def fingerprint(kind: str, expected: Any, *, tolerance: float = 1e-6, relative: float = 1e-6, ordered: bool = False,
                key: list | None = None, match: str = "all", salt: str = "") -> Fingerprint:
    """The fingerprint of an expected answer of this kind."""
    base = {"kind": kind, "salt": salt, "tol": tolerance, "rel": relative}
    if kind == "number":
        value = plain_scalar(expected)
        power = grid_power([value], tolerance, relative)
        return Fingerprint(base, p=power, v=scalar(value, salt, "", power))
    if kind == "text":
        return Fingerprint(base, v=scalar(str(expected).strip(), salt, "", None))
    if kind == "date":
        day = as_day(expected)
        whole_day = day.time() == day.time().min
        text = day.date().isoformat() if whole_day else day.isoformat()
        return Fingerprint(base, day=whole_day, h=digest(salt, "date", text))
    if kind == "collection":
        values = [plain_scalar(v) for v in list(expected)]
        return Fingerprint(base, ordered=ordered, **labelled_parts(
            [(str(i) if ordered else "", v) for i, v in enumerate(values)], salt, tolerance, relative, ordered))
    if kind == "series":
        pairs = [(label_key(k), plain_scalar(v)) for k, v in labelled_values(expected)]
        return Fingerprint(base, ordered=ordered, **labelled_parts(pairs, salt, tolerance, relative, ordered))
    return _table(base, expected, salt, tolerance, relative, ordered, key, match)


def labelled_parts(pairs: list[tuple[str, Any]], salt: str, tolerance: float, relative: float,
                   ordered: bool) -> dict:
    """Label -> value pairs as hashed labels (in order) and hashed values, on one grid."""
    power = grid_power([v for _, v in pairs], tolerance, relative)
    labels = [digest(salt, "label", label) for label, _ in pairs]
    values = [scalar(v, salt, h, power) for h, (_, v) in zip(labels, pairs)]
    return {"n": len(pairs), "p": power, "labels": labels, "values": values}


def _table(base: dict, expected: Any, salt: str, tolerance: float, relative: float, ordered: bool,
           key: list | None, match: str) -> Fingerprint:
    frame = as_frame(expected)
    columns = [str(c) for c in frame.columns]
    rows = list(zip(*[[plain_scalar(v) for v in frame[c].tolist()] for c in frame.columns])) if columns else []
    powers = {c: grid_power([r[i] for r in rows], tolerance, relative) for i, c in enumerate(columns)}
    key = list(key) if key else _natural_key(columns, rows)
    table = Fingerprint(base, columns=columns, n=len(rows), ordered=ordered, match=match, key=key, p=powers)
    if key:
        at = [columns.index(k) for k in key]
        keys = [row_key(salt, [r[i] for i in at]) for r in rows]
        table["rows"] = {k: {c: scalar(r[i], salt, f"{k}|{c}", powers[c])
                             for i, c in enumerate(columns) if c not in key} for k, r in zip(keys, rows)}
        table["order"] = keys if ordered else []
    else:
        table["whole"] = [_row_print(salt, position if ordered else "", row, columns, powers)
                          for position, row in enumerate(rows)]
    return table


def _natural_key(columns: list[str], rows: list[tuple]) -> list[str]:
    """The columns of labels (text or dates), when together they tell every row apart; else none."""
    labels = [i for i, _ in enumerate(columns) if rows and all(not isinstance(r[i], float) for r in rows)]
    if not labels:
        return []
    keys = [tuple(str(r[i]).casefold() for i in labels) for r in rows]
    return [columns[i] for i in labels] if len(set(keys)) == len(keys) else []


def row_key(salt: str, values: list) -> str:
    return digest(salt, "row", *[str(v).casefold() for v in values])


def _row_print(salt: str, position: Any, row: tuple, columns: list[str], powers: dict) -> dict:
    tokens, offsets = [], {}
    for i, (value, column) in enumerate(zip(row, columns)):
        token, offset = _token(value, powers[column])
        tokens.append(token)
        if offset is not None:
            offsets[str(i)] = offset
    return {"h": digest(salt, "whole", str(position), *tokens), "f": offsets}


# ---------------------------------------------------------------- matching
def mismatch(fp: Fingerprint, value: Any) -> str | None:
    """What differs between an answer and the expected answer a fingerprint stands for; None when they match."""
    kind, salt, tol, rel = fp["kind"], fp["salt"], fp["tol"], fp["rel"]
    if kind == "number":
        got = plain_scalar(value)
        ok = scalar_matches(fp["v"], got, salt, "", fp["p"], tol, rel)
        return None if ok else f"{fmt(got)}, which is not what this check expects"
    if kind == "text":
        ok = scalar_matches(fp["v"], str(value).strip(), salt, "", None, 0, 0)
        return None if ok else f"{fmt(value)}, which is not it"
    if kind == "date":
        return _date_mismatch(fp, value)
    if kind == "collection":
        items = [plain_scalar(v) for v in list(value)]
        if len(items) != fp["n"]:
            return f"{len(items)} items, which is not the number of items the answer has"
        pairs = [(str(i) if fp["ordered"] else "", v) for i, v in enumerate(items)]
        wrong = _wrong_values(fp, pairs, by_label=fp["ordered"])
        return None if not wrong else f"{wrong} of the {len(items)} items differ from the answer" + (
            " (order matters here)" if fp["ordered"] else "")
    if kind == "series":
        got = labelled_values(value)
        if got is None:
            return f"{describe(value)}; the answer is one value per label (a Series)"
        return labelled_mismatch(fp, [(k, plain_scalar(v)) for k, v in got], "values", "value")
    return _table_mismatch(fp, value)


def _date_mismatch(fp: Fingerprint, value: Any) -> str | None:
    got = as_day(value)
    shown = plain_scalar(value) if is_date(value) else fmt(str(value))
    if got is None:
        return f"{fmt(str(value))}, which is not a date written in the form YYYY-MM-DD"
    text = got.date().isoformat() if fp["day"] else got.isoformat()
    return None if digest(fp["salt"], "date", text) == fp["h"] else f"the date {shown}, which is not it"


def _wrong_values(fp: dict, pairs: list[tuple[str, Any]], by_label: bool) -> int:
    """How many (label, value) pairs miss their expected value; unordered lists are matched as a multiset."""
    salt, tol, rel, power = fp["salt"], fp["tol"], fp["rel"], fp["p"]
    if by_label:
        expected = {h: v for h, v in zip(fp["labels"], fp["values"])}
        wrong = 0
        for label, value in pairs:
            h = digest(salt, "label", label)
            if h not in expected or not scalar_matches(expected[h], value, salt, h, power, tol, rel):
                wrong += 1
        return wrong
    free = list(zip(fp["labels"], fp["values"]))
    wrong = 0
    for _, value in pairs:
        hit = next((i for i, (h, v) in enumerate(free) if scalar_matches(v, value, salt, h, power, tol, rel)), None)
        if hit is None:
            wrong += 1
        else:
            free.pop(hit)
    return wrong


def labelled_mismatch(fp: dict, pairs: list[tuple[Any, Any]], noun: str, one: str) -> str | None:
    """Compare (label, value) pairs with a labelled fingerprint: count, order, labels, then values."""
    salt = fp["salt"]
    keyed = [(label_key(k), v) for k, v in pairs]
    if len(keyed) != fp["n"]:
        return f"{len(keyed)} {noun}, which is not the number of {noun} the answer has"
    hashes = [digest(salt, "label", k) for k, _ in keyed]
    if fp.get("ordered"):
        wrong = sum(a != b for a, b in zip(hashes, fp["labels"]))
        if wrong:
            return f"the labels in a different order from the answer ({wrong} of {len(keyed)} out of place)"
    known = set(fp["labels"])
    strangers = [k for (k, _), h in zip(pairs, hashes) if h not in known]
    if strangers:
        more = f" (and {len(strangers) - 1} more)" if len(strangers) > 1 else ""
        return f"the label `{plain_scalar(strangers[0])}`{more}, which is not one of the labels the answer has"
    wrong = _wrong_values(fp, keyed, by_label=True)
    return f"{wrong} of {fp['n']} {noun} that differ from the answer" if wrong else None


def _table_mismatch(fp: Fingerprint, value: Any) -> str | None:
    got = as_frame(value)
    names = {str(c).casefold(): c for c in got.columns}
    missing = [c for c in fp["columns"] if c.casefold() not in names]
    if missing:
        return (f"the columns {', '.join(map(str, got.columns))}; the answer also needs "
                + ", ".join(f"`{m}`" for m in missing))
    if fp["match"] == "all" and len(got) != fp["n"]:
        return f"{len(got)} rows, which is not the number of rows the answer has"
    rows = list(zip(*[[plain_scalar(v) for v in got[names[c.casefold()]].tolist()] for c in fp["columns"]])) \
        if fp["columns"] else []
    if fp["key"]:
        return _keyed_mismatch(fp, rows)
    return _whole_rows_mismatch(fp, rows)


def _keyed_mismatch(fp: Fingerprint, rows: list[tuple]) -> str | None:
    salt, columns, key = fp["salt"], fp["columns"], fp["key"]
    at = [columns.index(k) for k in key]
    keys = [row_key(salt, [r[i] for i in at]) for r in rows]
    named = " and ".join(f"`{k}`" for k in key)
    seen: set[str] = set()
    repeated = [k for k in keys if k in seen or seen.add(k)]
    if repeated and fp["match"] == "all":
        return f"{len(repeated)} rows that repeat a {named} already in the table (each should appear once)"
    strangers = [r for r, k in zip(rows, keys) if k not in fp["rows"]]
    if strangers and fp["match"] in ("all", "within"):
        example = ", ".join(str(strangers[0][i]) for i in at)
        return (f"{len(strangers)} of your {len(rows)} rows with a {named} that should not be there, "
                f"such as {example}")
    absent = len(set(fp["rows"]) - set(keys))
    if absent and fp["match"] in ("all", "includes"):
        return f"{absent} rows of the answer missing from yours (compare the {named} you kept with the question)"
    if fp["ordered"]:
        wrong = sum(a != b for a, b in zip([k for k in keys if k in fp["rows"]], fp["order"]))
        if wrong:
            return f"the rows in a different order from the answer ({wrong} of {len(keys)} out of place)"
    for i, column in enumerate(columns):
        if column in key:
            continue
        compared = [(k, r[i]) for k, r in zip(keys, rows) if k in fp["rows"]]
        wrong = sum(not scalar_matches(fp["rows"][k][column], v, salt, f"{k}|{column}", fp["p"][column],
                                       fp["tol"], fp["rel"]) for k, v in compared)
        if wrong:
            order = " (the order of rows matters here)" if fp["ordered"] else ""
            return f"{wrong} of {len(compared)} rows differ from the answer in column `{column}`{order}"
    return None


def _whole_rows_mismatch(fp: Fingerprint, rows: list[tuple]) -> str | None:
    salt, columns, powers = fp["salt"], fp["columns"], fp["p"]
    waiting: dict[str, list[int]] = {}
    for index, row in enumerate(fp["whole"]):
        waiting.setdefault(row["h"], []).append(index)
    wrong = 0
    for position, row in enumerate(rows):
        if not _claim_row(fp, waiting, "" if not fp["ordered"] else position, row, columns, powers, salt):
            wrong += 1
    if not wrong:
        return None
    order = " (the order of rows matters here)" if fp["ordered"] else ""
    return f"{wrong} of {len(rows)} rows differ from the answer{order}"


def _claim_row(fp: Fingerprint, waiting: dict, position: Any, row: tuple, columns: list[str], powers: dict,
               salt: str) -> bool:
    """Find an unclaimed expected row this row matches (its numbers in their own or a neighbouring grid cell)."""
    tokens = [_token(v, powers[c]) for v, c in zip(row, columns)]
    numeric = [i for i, (t, _) in enumerate(tokens) if t.startswith("n:")]
    shifts = itertools.product((0, -1, 1), repeat=len(numeric)) if len(numeric) <= MAX_NEIGHBOUR_COLUMNS else [
        (0,) * len(numeric)]
    for shift in shifts:
        candidate = [t for t, _ in tokens]
        for i, s in zip(numeric, shift):
            candidate[i] = f"n:{int(candidate[i][2:]) + s}"
        h = digest(salt, "whole", str(position), *candidate)
        for index in waiting.get(h, []):
            offsets = fp["whole"][index]["f"]
            if all(_within(row[i], int(candidate[i][2:]), offsets.get(str(i), 0.0), powers[columns[i]], fp)
                   for i in numeric):
                waiting[h].remove(index)
                return True
    return False


def _within(value: float, cell: int, offset: float, power: int, fp: dict) -> bool:
    step = 10.0 ** power
    expected = (cell + offset) * step
    return abs(value - expected) <= _tolerance(expected, fp["tol"], fp["rel"]) + 1e-9 * step
