"""`course lab`: a private workspace with the self-paced edition of every ready module, never overwriting work."""
from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from autograder.build import build_course
from autograder.curriculum import Course, course
from autograder.selfpaced.edition import question_bank, selfpaced_notebook

COURSELAB = Path(__file__).resolve().parents[1] / "learner" / "courselab.py"  # copied beside each notebook
EDITION = ".edition.json"  # which version of each module's notebook the learner was given


@dataclass
class Opened:
    """What `course lab` did to the workspace."""

    workspace: Path
    added: list[str] = field(default_factory=list)
    updates: dict[str, Path] = field(default_factory=dict)   # module -> the new version, saved beside
    unchanged: list[str] = field(default_factory=list)


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def _for_learning_alone(path: Path) -> None:
    """checks.json as the self-paced edition reads it (its last hint points to solution(), which only it has)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    data["edition"] = "self-paced"
    path.write_text(json.dumps(data, separators=(",", ":"), sort_keys=True), encoding="utf-8")


def open_workspace(workspace: Path, the_course: Course | None = None) -> Opened:
    """Create or refresh the workspace: new modules added, updated ones offered beside the learner's own."""
    the_course = the_course or course()
    workspace.mkdir(parents=True, exist_ok=True)
    given_path = workspace / EDITION
    given = json.loads(given_path.read_text(encoding="utf-8")) if given_path.exists() else {}
    opened = Opened(workspace)
    with tempfile.TemporaryDirectory(prefix="course-lab-") as scratch:
        built = build_course(Path(scratch) / "course", the_course=the_course)
        for module in built.modules:
            release = built.release(module)
            source = nbformat.read(built.source(module) / module.notebook.name, as_version=4)
            bank = question_bank(module.id, source)
            text = nbformat.writes(selfpaced_notebook(nbformat.read(release / module.notebook.name, as_version=4),
                                                      bank, module.feedback))
            folder = workspace / module.id
            folder.mkdir(exist_ok=True)
            for item in release.iterdir():
                if item.is_dir():
                    shutil.copytree(item, folder / item.name, dirs_exist_ok=True)
                elif item.suffix != ".ipynb":
                    shutil.copyfile(item, folder / item.name)
            shutil.copyfile(COURSELAB, folder / COURSELAB.name)
            _for_learning_alone(folder / "checks.json")
            (folder / "questions.json").write_text(json.dumps(bank, indent=1), encoding="utf-8")
            mine = folder / module.notebook.name
            if not mine.exists():
                mine.write_text(text, encoding="utf-8")
                opened.added.append(module.id)
            elif given.get(module.id) != _digest(text):
                # A name per version: an update already offered, perhaps worked on since, is never overwritten.
                offered = folder / f"{module.id} (update {_digest(text)[:6]}).ipynb"
                if not offered.exists():
                    offered.write_text(text, encoding="utf-8")
                opened.updates[module.id] = offered
            else:
                opened.unchanged.append(module.id)
            if module.id in opened.added:
                given[module.id] = _digest(text)
    given_path.write_text(json.dumps(given, indent=1), encoding="utf-8")
    return opened
