"""A module's hints (hints.toml): per question, a nudge and then the method in words."""
from __future__ import annotations

import tomllib
from pathlib import Path

TIERS = ("nudge", "method")


def load_hints(path: Path) -> dict[str, list[str]]:
    """Question id -> its hints in the order they are given; an absent file has none."""
    if not path.exists():
        return {}
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return {qid.lower(): [str(entry[t]).strip() for t in TIERS if entry.get(t)] for qid, entry in data.items()}
