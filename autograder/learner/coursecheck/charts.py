"""Charts: what a chart shows as plain values, and judging it (kind, labels, order, series, bars, starts, sides, cells)."""
from __future__ import annotations

import math
from typing import Any

from .fingerprint import Fingerprint, digest, labelled_mismatch, labelled_parts
from .judging import evaluate
from .outcome import correct, incorrect
from .values import PlotFacts, fmt, is_date, kind_of, label_key, plain_scalar, sort_key

MAX_CELLS = 20_000  # a heatmap larger than this is described by its shape alone
# Colormaps readable with the common colour-vision deficiencies: the perceptually uniform ones (Smith and van der
# Walt's viridis family, and cividis, made for colour-blind readers) and ColorBrewer's sequential single-hue ramps.
SAFE_COLORMAPS = {"viridis", "cividis", "magma", "inferno", "plasma", "Blues", "Greens", "Greys", "Oranges",
                  "Purples", "Reds", "YlGnBu", "YlOrRd", "YlOrBr", "BuPu", "PuBu", "GnBu", "OrRd", "PuRd",
                  "BuGn", "PuBuGn", "YlGn", "RdPu", "PuOr", "BrBG", "RdBu", "PRGn", "gray", "binary"}
EPOCH_DAYS = 719163  # matplotlib's dates count days from 1970-01-01; date.toordinal() counts from year 1
SHOWN = {"bar": "a vertical bar chart", "barh": "a horizontal bar chart", "line": "a line chart",
         "scatter": "a scatter plot", "heatmap": "a heatmap (imshow or pcolormesh)", "empty": "an empty chart"}


# ---------------------------------------------------------------- reading a chart
def _axes_of(chart: Any):
    """The Axes a chart answer stands for: itself, a Figure's first Axes, or the Axes an image was drawn on."""
    if type(chart).__name__ == "Figure":
        return chart.axes[0]
    return chart if hasattr(chart, "containers") else chart.axes


def _grid(image) -> dict:
    """An image's or mesh's colour grid as plain rows (None where a cell is empty), with its shape, its colormap and
    its colour bar's label ("" for a colour bar without one, None for no colour bar)."""
    colorbar = getattr(image, "colorbar", None)
    drawn = {"cmap": str(image.get_cmap().name),
             "colorbar": None if colorbar is None else colorbar.ax.get_ylabel().strip() or colorbar.ax.get_xlabel().strip()}
    values = image.get_array()
    if values is None or values.ndim != 2:
        return {"shape": None if values is None else list(values.shape), "cells": None, **drawn}
    shape = [int(n) for n in values.shape]
    if shape[0] * shape[1] > MAX_CELLS:
        return {"shape": shape, "cells": None, **drawn}
    filled = values.astype(float).filled(float("nan")) if hasattr(values, "filled") else values.astype(float)
    return {"shape": shape, "cells": [[plain_scalar(v) for v in row] for row in filled.tolist()], **drawn}


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
    lines = [{"label": str(line.get_label()), "x": [plain_scalar(x) for x in line.get_xdata()],
              "y": [plain_scalar(y) for y in line.get_ydata()]} for line in axes.get_lines()]
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
        return fmt(position)
    nearest = min(range(len(ticks)), key=lambda i: abs(ticks[i] - position))
    return labels[nearest] if abs(ticks[nearest] - position) < 0.5 else fmt(position)


# ---------------------------------------------------------------- expected chart rules as fingerprints
def _bar_label(category: Any, group: Any) -> str:
    return str(category) if group is None else f"{category} ({group})"


def bar_pairs(expected: Any) -> tuple[list[tuple[str, float]], bool]:
    """Expected bar sizes (a Series by category, or a table of categories by groups) as (label, size) pairs."""
    if kind_of(expected) == "series":
        return [(_bar_label(k, None), abs(float(v))) for k, v in expected.items()], False
    return [(_bar_label(k, g), abs(float(v))) for g in expected.columns for k, v in expected[g].items()], True


def _as_position(value: Any) -> float:
    """A bar's start as matplotlib places it: a number, or a date as days since 1970-01-01."""
    if is_date(value) or isinstance(value, str):
        import pandas as pd
        return float((pd.Timestamp(value) - pd.Timestamp("1970-01-01")) / pd.Timedelta(days=1))
    return float(value)


def chart_fingerprint(rule: str, expected: Any, tolerance: float, relative: float, salt: str = "") -> Fingerprint:
    """The fingerprint of one computed chart rule: bars, starts, sides, order (a list of labels) or groups."""
    base = {"kind": rule, "salt": salt, "tol": tolerance, "rel": relative}
    if rule == "bars":
        pairs, grouped = bar_pairs(expected)
        return Fingerprint(base, grouped=grouped, ordered=False, **labelled_parts(
            [(label_key(k), v) for k, v in pairs], salt, tolerance, relative, False))
    if rule == "starts":
        pairs = [(label_key(k), _as_position(v)) for k, v in dict(expected).items()]
        return Fingerprint(base, ordered=False, **labelled_parts(pairs, salt, tolerance, relative, False))
    if rule == "sides":
        pairs = [(label_key(k), str(v).casefold()) for k, v in dict(expected).items()]
        return Fingerprint(base, ordered=False, **labelled_parts(pairs, salt, 0.0, 0.0, False))
    labels = [digest(salt, "label", label_key(label)) for label in expected]
    return Fingerprint(base, labels=labels)


def _as_fingerprint(rule: str, value: Any, tolerance: float, relative: float) -> Fingerprint:
    return value if isinstance(value, Fingerprint) else chart_fingerprint(rule, value, tolerance, relative)


# ---------------------------------------------------------------- judging a chart
def evaluate_plot(name: str, chart: Any, *, kind: str | None = None, labelled: bool = True,
                  bars: Any = None, groups: Any = None, cells: Any = None, order: Any = None, starts: Any = None,
                  sides: Any = None, colormap: Any = None, colorbar: bool = False, tolerance: float = 1e-6,
                  relative: float = 1e-6, what: str = "", hint: str = "") -> Any:
    """Judge a chart: it exists, is the right kind, carries a title and axis labels, and shows the right data.

    `bars`, `starts`, `sides`, `order` (a list) and `groups` are values or their fingerprints; `cells` is the table
    a heatmap should colour (in expect_plot and check_plot, the name of the learner's own answer holding it).
    """
    first = evaluate(name, chart, kind="plot", what=what, hint=hint)
    if not first.passed:
        return first
    label = f"`{name}`"
    facts = chart if isinstance(chart, PlotFacts) else plot_facts(chart)
    if kind and facts["kind"] != kind:
        return incorrect(label, what, SHOWN[facts["kind"]], hint or f"draw {SHOWN[kind]}.", "chart kind")
    if labelled:
        missing = [part for part in ("title", "xlabel", "ylabel") if not facts[part]]
        if missing:
            words = {"title": "a title", "xlabel": "an x-axis label", "ylabel": "a y-axis label"}
            return incorrect(label, what, "a chart without " + " and ".join(words[m] for m in missing),
                             "give every chart a title and label both axes (title=, xlabel=, ylabel= in .plot(), "
                             "or ax.set_title(...), ax.set_xlabel(...), ax.set_ylabel(...)), with units where there "
                             "are units.", "labels")
    for problem in (_colour_problem(facts, colormap, colorbar),):
        if problem:
            return incorrect(label, what, problem, hint, "colour")
    if order is not None and not _in_order(facts, order):
        rule = order if isinstance(order, str) else "as the question lists them"
        return incorrect(label, what, f"bars that are not in the order asked ({rule}), reading left to right, "
                                      "or top to bottom for horizontal bars", hint, "order")
    if groups is not None:
        wanted = _as_fingerprint("groups", groups, 0.0, 0.0)
        have = {digest(wanted["salt"], "label", label_key(b["group"])) for b in facts["bars"]}
        missing = [h for h in wanted["labels"] if h not in have]
        if missing:
            return incorrect(label, what, f"a chart whose bars are not grouped into the {len(wanted['labels'])} "
                                          "series the question names (check the legend's names)", hint, "groups")
    checks = (("bars", bars, _bars_problem), ("starts", starts, _starts_problem), ("sides", sides, _sides_problem))
    for stage, rule, judge in checks:
        if rule is not None:
            problem = judge(facts["bars"], _as_fingerprint(stage, rule, tolerance, relative))
            if problem:
                return incorrect(label, what, problem, hint, stage)
    if cells is not None:
        problem = compare_grid(facts.get("grids", []), cells, tolerance, relative)
        if problem:
            return incorrect(label, what, problem, hint, "cells")
    return correct(label, what)


def _colour_problem(facts: dict, colormap: Any, colorbar: bool) -> str | None:
    """A heatmap's colours: a colormap that reads in colour-blind vision (or the one asked), a labelled colour bar."""
    grids = facts.get("grids", [])
    if colormap is not None and grids:
        allowed = SAFE_COLORMAPS if colormap == "colour-blind safe" else {colormap} if isinstance(colormap, str) \
            else set(colormap)
        used = grids[0].get("cmap", "").removesuffix("_r")
        if used not in allowed and grids[0].get("cmap") not in allowed:
            return (f"a heatmap coloured with the colormap `{grids[0].get('cmap')}`, which is not one that reads well "
                    "in colour-blind vision (try cmap=\"viridis\" or cmap=\"cividis\")" if colormap ==
                    "colour-blind safe" else f"a heatmap coloured with `{grids[0].get('cmap')}`, not the colormap asked")
    if colorbar and grids:
        bar = grids[0].get("colorbar")
        if bar is None:
            return "a heatmap without a colour bar (add one with plt.colorbar(image, label=...))"
        if not bar:
            return "a colour bar without a label saying what the colours measure (give it label=...)"
    return None


def _in_order(facts: dict, order: Any) -> bool:
    """Are the bars in the order asked, read as a person reads them (left to right, or top to bottom)?"""
    horizontal = facts["kind"] == "barh"
    by_place = sorted(facts["bars"], key=lambda b: b.get("position", 0.0),
                      reverse=horizontal != bool(facts.get("reversed")))
    reading = list(dict.fromkeys(b["category"].casefold() for b in by_place))
    if isinstance(order, str):
        size: dict[str, float] = {}
        for bar in facts["bars"]:
            size[bar["category"].casefold()] = size.get(bar["category"].casefold(), 0.0) + abs(bar["value"])
        return reading == sorted(size, key=size.get, reverse=order == "largest first")
    wanted = _as_fingerprint("order", order, 0.0, 0.0)
    return [digest(wanted["salt"], "label", label_key(c)) for c in reading] == wanted["labels"]


def _drawn_bars(drawn: list[dict], grouped: bool) -> list[tuple[str, float]]:
    return [(_bar_label(b["category"], b["group"] if grouped else None), abs(b["value"])) for b in drawn]


def _bars_problem(drawn: list[dict], wanted: Fingerprint) -> str | None:
    """Compare drawn bar sizes (ignoring sign and order) with the sizes the data call for."""
    if len(drawn) != wanted["n"]:
        return f"a chart with {len(drawn)} bars, which is not the number of bars the data call for"
    problem = labelled_mismatch(wanted, _drawn_bars(drawn, wanted["grouped"]), "bars", "bar")
    if problem and "labels the answer has" in problem:
        return problem.replace("labels the answer has", "bars the data call for") + \
            " (check what is on the category axis)"
    return problem and problem.replace("bars that differ from the answer", "bars whose sizes do not match the data")


def _starts_problem(drawn: list[dict], wanted: Fingerprint) -> str | None:
    starts = list({b["category"]: b["start"] for b in drawn}.items())
    problem = labelled_mismatch(wanted, starts, "bars", "bar")
    return problem and problem.replace("bars that differ from the answer", "bars that do not start where they should")


def _sides_problem(drawn: list[dict], wanted: Fingerprint) -> str | None:
    """Compare which side of zero each series (or each bar) lies on with the side it should."""
    by_group = len({b["group"] for b in drawn}) > 1
    sides: dict[str, set] = {}
    for bar in drawn:
        if abs(bar["value"]) <= 1e-9:  # an empty bar lies on neither side
            continue
        ends = (bar["start"], bar["start"] + bar["value"])
        side = "right" if min(ends) >= -1e-6 and max(ends) > 1e-6 else \
            "left" if max(ends) <= 1e-6 and min(ends) < -1e-6 else "across"
        sides.setdefault(bar["group"] if by_group else bar["category"], set()).add(side)
    pairs = [(k, v.pop() if len(v) == 1 else "mixed") for k, v in sides.items()]
    if by_group:  # a stacked chart may hold other series (neutral answers) that have no side to be on
        known = set(wanted["labels"])
        pairs = [(k, v) for k, v in pairs if digest(wanted["salt"], "label", label_key(k)) in known]
    problem = labelled_mismatch(wanted, pairs, "series" if by_group else "bars", "bar")
    return problem and problem.replace("that differ from the answer", "on the wrong side of zero")


def compare_grid(grids: list[dict], expected: Any, tolerance: float, relative: float) -> str | None:
    """Compare the one heatmap drawn with a table: same values row by row, rows in any order, either orientation."""
    if len(grids) != 1:
        return f"a chart with {len(grids)} heatmaps drawn on it; draw the table once, with one imshow or pcolormesh"
    if kind_of(expected) not in ("table", "series"):
        return "a heatmap that cannot be compared yet, because the table it should show is not a finished table"
    grid = grids[0]
    if grid["cells"] is None:
        return "a heatmap whose colours are not one value per cell (draw the table itself, not an image file or RGB colours)"
    table = expected.to_frame() if kind_of(expected) == "series" else expected.select_dtypes("number")
    want = [[plain_scalar(v) for v in row] for row in table.to_numpy(dtype=float, na_value=math.nan).tolist()]
    flipped = [list(column) for column in zip(*want)]

    def same(a, b) -> bool:
        if a is None or b is None:
            return a is None and b is None
        return abs(a - b) <= tolerance + relative * abs(b)

    def same_rows(drawn: list[list], rows: list[list]) -> bool:
        if len(drawn) != len(rows) or any(len(a) != len(b) for a, b in zip(drawn, rows)):
            return False
        ordered = sorted(drawn, key=sort_key), sorted(rows, key=sort_key)
        return all(same(a, b) for one, two in zip(*ordered) for a, b in zip(one, two))

    if grid["shape"] not in ([len(want), len(flipped)], [len(flipped), len(want)]):
        rows, columns = grid["shape"]
        return (f"a heatmap of {rows} row{'s' * (rows != 1)} × {columns} column{'s' * (columns != 1)}, which is not "
                "the shape of the table it should show (draw the whole table, one coloured cell per value)")
    if not (same_rows(grid["cells"], want) or same_rows(grid["cells"], flipped)):
        return "a heatmap whose cells do not hold the table's values (check which table you drew, and that empty cells are 0)"
    return None


def drawn(rule: str, facts: dict, grouped: bool = False) -> Any:
    """What a chart shows for one rule, in the form the rule expects: its bar sizes or its bars' starts."""
    import pandas as pd
    if rule == "starts":
        return {b["category"]: b["start"] for b in facts["bars"]}
    if grouped:
        table: dict = {}
        for bar in facts["bars"]:
            table.setdefault(bar["group"], {})[bar["category"]] = abs(bar["value"])
        return pd.DataFrame(table)
    return pd.Series({b["category"]: abs(b["value"]) for b in facts["bars"]}, dtype=float)
