"""The course as course.toml describes it: competencies, modules in order, objectives and tables."""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CURRICULUM = ROOT / "curriculum" / "course.toml"
MODULES = ROOT / "modules"


@dataclass(frozen=True)
class Objective:
    id: str
    text: str


@dataclass(frozen=True)
class Competency:
    id: str
    name: str
    definition: str
    source: str


@dataclass(frozen=True)
class Module:
    id: str
    title: str
    competency: str
    minutes: int
    status: str
    tables: tuple[str, ...]
    objectives: tuple[Objective, ...]
    root: Path = MODULES
    feedback: str = "diagnosis"  # what its check cells may tell: "diagnosis" (correct or not, and why) or "plausibility"

    @property
    def folder(self) -> Path:
        return self.root / self.id

    @property
    def notebook(self) -> Path:
        return self.folder / f"{self.id}.ipynb"

    @property
    def mistakes(self) -> Path:
        return self.folder / "mistakes.toml"

    @property
    def hints(self) -> Path:
        return self.folder / "hints.toml"

    @property
    def ready(self) -> bool:
        return self.status == "ready"


@dataclass(frozen=True)
class Course:
    id: str
    title: str
    subtitle: str
    library: str
    nilppa_source: str
    competencies: tuple[Competency, ...]
    modules: tuple[Module, ...]

    def module(self, module_id: str) -> Module:
        for module in self.modules:
            if module.id == module_id:
                return module
        known = ", ".join(m.id for m in self.modules)
        raise KeyError(f"no module called {module_id!r} in course.toml; the modules are: {known}")

    def competency(self, competency_id: str) -> Competency | None:
        return next((c for c in self.competencies if c.id == competency_id), None)

    @property
    def ready_modules(self) -> tuple[Module, ...]:
        return tuple(m for m in self.modules if m.ready)


def load_course(path: Path = CURRICULUM) -> Course:
    """Read course.toml into a Course."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    feedback = data["course"].get("feedback", "diagnosis")
    modules = tuple(
        Module(id=m["id"], title=m["title"], competency=m["competency"], minutes=int(m["minutes"]),
               status=m["status"], tables=tuple(m["tables"]),
               objectives=tuple(Objective(o["id"], o["text"]) for o in m["objectives"]),
               feedback=m.get("feedback", feedback))
        for m in data["module"])
    competencies = tuple(Competency(c["id"], c["name"], c["definition"], c["source"]) for c in data["competency"])
    info = data["course"]
    return Course(id=info["id"], title=info["title"], subtitle=info["subtitle"], library=info["library"],
                  nilppa_source=info["nilppa_source"], competencies=competencies, modules=modules)


@cache
def course() -> Course:
    """The project's own course, read once."""
    return load_course()
