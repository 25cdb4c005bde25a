"""A module's catalogue of realistic wrong answers, read from its mistakes.toml."""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Mistake:
    """One realistic wrong answer: the solution cell it replaces, its code, and the tests it must fail.

    `then` holds the learner's later answers built on the slip (solution cell -> code), for tests that should judge
    later work by the learner's own earlier answer, so that one slip costs one question's points.
    """

    id: str
    question: str
    cell: str
    description: str
    fails: tuple[str, ...]
    code: str
    then: tuple[tuple[str, str], ...] = ()


def load_mistakes(path: Path) -> list[Mistake]:
    """Every mistake in a catalogue, in file order; an absent file is an empty catalogue."""
    if not path.exists():
        return []
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    mistakes = [Mistake(id=m["id"], question=m["question"], cell=m["cell"], description=m["description"],
                        fails=tuple(m["fails"]), code=m["code"], then=tuple(m.get("then", {}).items()))
                 for m in data.get("mistake", [])]
    ids = [m.id for m in mistakes]
    repeated = sorted({i for i in ids if ids.count(i) > 1})
    if repeated:
        raise ValueError(f"{path}: each mistake needs its own id; used more than once: {', '.join(repeated)}")
    return mistakes
