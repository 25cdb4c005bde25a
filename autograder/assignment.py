"""The files one assignment needs beside its notebook: its data tables and the check helpers."""
from __future__ import annotations

import shutil
from pathlib import Path

from autograder.curriculum import Module
from autograder.world.files import DATASETS

HELPERS = Path(__file__).resolve().parent / "learner" / "coursecheck.py"


def support_files(module: Module) -> dict[str, Path]:
    """File name in the assignment -> where it comes from: tables, their datasheets (linked from the notebook), helpers."""
    files = {f"{table}.csv": DATASETS / f"{table}.csv" for table in module.tables}
    files |= {f"datasheets/{table}.md": DATASETS / "datasheets" / f"{table}.md" for table in module.tables}
    files[HELPERS.name] = HELPERS
    missing = [str(path) for path in files.values() if not path.exists()]
    if missing:
        raise FileNotFoundError("missing files for module " + module.id + ": " + ", ".join(missing)
                                + " (run `course datasets` to rebuild the data)")
    return files


def stage_support(module: Module, folder: Path) -> Path:
    """Copy the module's data and helpers into `folder`; return it."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, origin in support_files(module).items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(origin, folder / name)
    return folder
