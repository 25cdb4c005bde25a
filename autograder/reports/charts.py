"""The report's charts as PNG files, in the Okabe-Ito colour-blind-safe palette, each with its description."""
from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

OKABE_ITO = {"blue": "#0072B2", "orange": "#E69F00", "green": "#009E73", "vermillion": "#D55E00",
             "sky": "#56B4E9", "purple": "#CC79A7", "grey": "#999999"}


def _save(fig, path: Path) -> Path:
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)
    return path


def radar(profile: pd.Series, names: dict[str, str], path: Path) -> tuple[Path, str]:
    """One student's share of points per competency on a radar. A competency the class was not assessed on is left
    out of the shape (a gap, and a hollow marker on the rim labelled "not assessed"), so it never reads as a zero."""
    labels = list(profile.index)
    assessed_mask = profile.notna().to_numpy()
    values = np.ma.masked_array(profile.fillna(0).to_numpy(), mask=~assessed_mask)
    angles = np.linspace(0, 2 * np.pi, len(labels), endpoint=False)
    fig, ax = plt.subplots(figsize=(6, 6), subplot_kw={"polar": True})
    closed = np.append(angles, angles[0])
    line = np.ma.append(values, values[:1])
    ax.plot(closed, line, color=OKABE_ITO["blue"], linewidth=2, marker="o", label="share of points")
    if assessed_mask.all():
        ax.fill(closed, line.filled(0), color=OKABE_ITO["blue"], alpha=0.25)
    if (~assessed_mask).any():
        ax.scatter(angles[~assessed_mask], np.ones((~assessed_mask).sum()), s=70, facecolors="none",
                   edgecolors=OKABE_ITO["grey"], linewidths=1.5, zorder=3, label="not assessed")
        ax.legend(loc="upper right", bbox_to_anchor=(1.15, 1.12), fontsize=8)
    ax.set_xticks(angles)
    ax.set_xticklabels([names[c] + ("" if pd.notna(profile[c]) else "\n(not assessed)") for c in labels], fontsize=8)
    ax.tick_params(axis="x", pad=14)  # the labels clear the rim and its hollow markers
    ax.set_ylim(0, 1)
    ax.set_yticks([0.25, 0.5, 0.75, 1.0])
    ax.set_yticklabels(["25%", "50%", "75%", "100%"], fontsize=7)
    ax.set_title(f"Competency profile: {profile.name}")
    assessed = profile.dropna()
    description = ("Share of points earned per competency assessed: " +
                   "; ".join(f"{names[c]} {v:.0%}" for c, v in assessed.items()) +
                   (f". Not assessed in this class (left out of the shape, not a zero): "
                    f"{', '.join(names[c] for c in profile.index if pd.isna(profile[c]))}."
                    if len(assessed) < len(profile) else "."))
    return _save(fig, path), description


def distributions(shares: pd.DataFrame, path: Path) -> tuple[Path, str]:
    """Each module's score distribution as a horizontal box plot with the individual scores on top."""
    modules = sorted(shares["module"].unique())
    fig, ax = plt.subplots(figsize=(8, 1.2 + 0.8 * len(modules)))
    data = [shares.loc[shares["module"] == m, "share"] * 100 for m in modules]
    ax.boxplot(data, orientation="horizontal", widths=0.5, medianprops={"color": OKABE_ITO["vermillion"], "linewidth": 2})
    for i, values in enumerate(data, start=1):
        ax.scatter(values, np.full(len(values), i), color=OKABE_ITO["blue"], alpha=0.6, s=18, zorder=3)
    ax.set_yticks(range(1, len(modules) + 1), modules)
    ax.set_xlim(0, 100)
    ax.set_xlabel("Score (% of the module's points)")
    ax.set_title("Class scores per module")
    description = "; ".join(f"{m}: {len(v)} students, median {v.median():.0f}%, lowest {v.min():.0f}%, "
                            f"highest {v.max():.0f}%" for m, v in zip(modules, data)) + "."
    return _save(fig, path), description


def items(analysis: pd.DataFrame, path: Path) -> tuple[Path, str]:
    """Difficulty against discrimination per question: the questions to look at (flagged) are orange triangles with
    their names; the rest are unlabelled blue dots, and the table below the chart names them all."""
    fig, ax = plt.subplots(figsize=(7, 5))
    flagged = analysis["flag"] != ""
    measured = analysis["discrimination"].notna()
    ax.axhspan(-1.05, 0.2, color=OKABE_ITO["orange"], alpha=0.08, zorder=0)
    for mask, marker, colour, label in ((~flagged, "o", OKABE_ITO["blue"], "works"),
                                        (flagged, "^", OKABE_ITO["orange"], "look at this question")):
        part = analysis[mask & measured]
        ax.scatter(part["difficulty"], part["discrimination"], marker=marker, s=70 if marker == "^" else 35,
                   color=colour, label=label, edgecolor="black", zorder=3)
    for row in analysis[flagged & measured].itertuples():
        ax.annotate(f"{row.module[:2]} {row.question.upper()}", (row.difficulty, row.discrimination), fontsize=8,
                    xytext=(5, 4), textcoords="offset points", weight="bold")
    ax.axhline(0, color="black", linewidth=0.8)
    ax.set_xlim(-0.05, 1.05)
    ax.set_ylim(-1.05, 1.05)
    ax.set_xlabel("Difficulty (share of points earned; 1 = everyone right)")
    ax.set_ylabel("Discrimination (item-rest correlation)")
    ax.set_title("Item analysis: which questions to look at")
    ax.legend(loc="lower left")
    unmeasured = ", ".join(f"{r.module} {r.question}" for r in analysis[~measured].itertuples())
    description = (f"{len(analysis)} questions; {int(flagged.sum())} to look at (orange triangles, named): " +
                   ("; ".join(f"{r.module} {r.question} ({r.flag})" for r in analysis[flagged].itertuples())
                    or "none") + ". The shaded band marks weak or negative discrimination. "
                   + (f"Not plotted (discrimination cannot be computed): {unmeasured}." if unmeasured else ""))
    return _save(fig, path), description.strip()


def manual(progress: pd.DataFrame, path: Path) -> tuple[Path, str]:
    """Written answers graded and still waiting, per module, as stacked horizontal bars."""
    fig, ax = plt.subplots(figsize=(7, 1.2 + 0.6 * max(len(progress), 1)))
    ax.barh(progress["module"], progress["graded"], color=OKABE_ITO["green"], label="graded")
    ax.barh(progress["module"], progress["waiting"], left=progress["graded"], color=OKABE_ITO["grey"],
            label="waiting", hatch="//", edgecolor="black")
    ax.set_xlabel("Written answers")
    ax.set_title("Manual grading progress")
    ax.legend(loc="lower right")
    description = "; ".join(f"{r.module}: {r.graded} graded, {r.waiting} waiting"
                            for r in progress.itertuples()) + "." if len(progress) else "No written answers."
    return _save(fig, path), description
