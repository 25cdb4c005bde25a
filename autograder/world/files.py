"""Writing the world's tables as CSV, and checking committed files against a fresh build."""
from __future__ import annotations

import io
from pathlib import Path

import pandas as pd

from autograder.world.registry import SEED, generate_world

DATASETS = Path(__file__).resolve().parents[2] / "datasets"


def to_csv_text(table: pd.DataFrame) -> str:
    """The one CSV form every table is written in: no index, \\n line ends, floats as pandas writes them."""
    buffer = io.StringIO()
    table.to_csv(buffer, index=False, lineterminator="\n")
    return buffer.getvalue()


def write_world(out_dir: Path = DATASETS, seed: int = SEED) -> dict[str, Path]:
    """Generate every table and write it as out_dir/<table>.csv; return the paths written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = {}
    for name, table in generate_world(seed).items():
        path = out_dir / f"{name}.csv"
        path.write_text(to_csv_text(table), encoding="utf-8")
        written[name] = path
    return written


def stale_tables(out_dir: Path = DATASETS, seed: int = SEED) -> list[str]:
    """Tables whose file in out_dir is missing or differs from a fresh build."""
    stale = []
    for name, table in generate_world(seed).items():
        path = out_dir / f"{name}.csv"
        if not path.exists() or path.read_text(encoding="utf-8") != to_csv_text(table):
            stale.append(name)
    return stale
