"""checks.json built once per change: kept under build/ by a fingerprint of everything it is made from."""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

from autograder.curriculum import ROOT, Module

CACHE = ROOT / "build" / ".cache" / "checks"
PACKAGES = [ROOT / "autograder" / "learner" / "coursecheck", ROOT / "autograder" / "checks"]


def _inputs_digest(module: Module, folder: Path, edition: str) -> str:
    """A digest of what checks.json depends on: the module's files, its data, the code that builds and reads it."""
    parts = [module.notebook, module.mistakes, module.hints]
    parts += sorted(folder.glob("*.csv"))
    parts += sorted(p for package in PACKAGES for p in package.glob("*.py"))
    digest = hashlib.sha256(f"{module.id}|{module.feedback}|{edition}".encode())
    for path in parts:
        digest.update(path.name.encode())
        digest.update(path.read_bytes() if path.exists() else b"-")
    return digest.hexdigest()[:24]


def stored_checks(module: Module, folder: Path, edition: str = "class") -> str:
    """The text of checks.json for a module whose data sit in `folder`, built unless a stored copy is current."""
    cached = CACHE / f"{module.id}-{_inputs_digest(module, folder, edition)}.json"
    if cached.exists():
        return cached.read_text(encoding="utf-8")
    from autograder.checks.assemble import build_checks

    text = json.dumps(build_checks(module, folder, module.feedback, edition), separators=(",", ":"), sort_keys=True)
    CACHE.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=CACHE, suffix=".tmp")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        out.write(text)
    os.replace(temporary, cached)  # atomic: parallel test workers never read half a file
    return text
