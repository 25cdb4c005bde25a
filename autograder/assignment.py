"""The files one assignment needs beside its notebook: its data tables, their datasheets, the check helpers and
checks.json (what the check cells judge answers by)."""
from __future__ import annotations

import shutil
from pathlib import Path

from autograder.checks.stored import stored_checks
from autograder.curriculum import Module
from autograder.world.files import DATASETS

HELPERS = Path(__file__).resolve().parent / "learner" / "coursecheck"
LEARNER_DATASHEETS = DATASETS / "datasheets" / "learner"


def helper_files() -> dict[str, Path]:
    """The check helpers, a package: file name in the assignment -> where it comes from."""
    return {f"coursecheck/{path.name}": path for path in sorted(HELPERS.glob("*.py"))}


def datasheet(table: str) -> Path:
    """The datasheet a learner gets: the learner's version where there is one, else the full one."""
    short = LEARNER_DATASHEETS / f"{table}.md"
    return short if short.exists() else DATASETS / "datasheets" / f"{table}.md"


def support_files(module: Module) -> dict[str, Path]:
    """File name in the assignment -> where it comes from: tables, their datasheets (linked from the notebook), helpers."""
    files = {f"{table}.csv": DATASETS / f"{table}.csv" for table in module.tables}
    files |= {f"datasheets/{table}.md": datasheet(table) for table in module.tables}
    files |= helper_files()
    missing = [str(path) for path in files.values() if not path.exists()]
    if missing:
        raise FileNotFoundError("missing files for module " + module.id + ": " + ", ".join(missing)
                                + " (run `course datasets` to rebuild the data)")
    return files


def stage_support(module: Module, folder: Path, edition: str = "class") -> Path:
    """Copy the module's data and helpers into `folder`, with its checks.json for this edition; return it."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, origin in support_files(module).items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(origin, folder / name)
    (folder / "checks.json").write_text(stored_checks(module, folder, edition), encoding="utf-8")
    return folder


def stage_helpers(folder: Path) -> None:
    """Put the grader's own check helpers into a working folder, in place of any copy already there."""
    target = folder / "coursecheck"
    if target.exists():
        shutil.rmtree(target)
    (folder / "coursecheck.py").unlink(missing_ok=True)
    target.mkdir()
    for name, origin in helper_files().items():
        shutil.copyfile(origin, folder / name)
