"""A module's catalogue of realistic wrong answers and of other right ones, read from its mistakes.toml."""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Mistake:
    """One realistic answer: the solution cell it replaces, its code, and the tests it must fail (none if it is right).

    `says` is what a learner reads when their answer matches it. `then` holds the learner's later answers built on
    the slip (solution cell -> code), for tests that should judge later work by the learner's own earlier answer,
    so that one slip costs one question's points. A right alternative (`right`) must fail nothing.
    """

    id: str
    question: str
    cell: str
    description: str
    fails: tuple[str, ...]
    code: str
    then: tuple[tuple[str, str], ...] = ()
    says: str = ""
    right: bool = False


def _entries(data: dict, table: str, right: bool) -> list[Mistake]:
    return [Mistake(id=m["id"], question=m["question"], cell=m["cell"], description=m["description"],
                    fails=() if right else tuple(m["fails"]), code=m["code"], then=tuple(m.get("then", {}).items()),
                    says=m.get("says", ""), right=right)
            for m in data.get(table, [])]


def load_catalogue(path: Path) -> list[Mistake]:
    """Every mistake, then every right alternative, in file order; an absent file is an empty catalogue."""
    if not path.exists():
        return []
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    entries = _entries(data, "mistake", False) + _entries(data, "alternative", True)
    ids = [m.id for m in entries]
    repeated = sorted({i for i in ids if ids.count(i) > 1})
    if repeated:
        raise ValueError(f"{path}: each entry needs its own id; used more than once: {', '.join(repeated)}")
    return entries


def load_mistakes(path: Path) -> list[Mistake]:
    """Every mistake in a catalogue (not the right alternatives), in file order."""
    return [m for m in load_catalogue(path) if not m.right]


def load_alternatives(path: Path) -> list[Mistake]:
    """Every right alternative in a catalogue, in file order."""
    return [m for m in load_catalogue(path) if m.right]
