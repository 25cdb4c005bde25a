"""Shared fixtures: a small course holding only the toy module, for testing the machinery quickly."""
import dataclasses
import hashlib
import tempfile
from pathlib import Path

import pytest

from autograder.curriculum import Module, Objective, course

FILES = Path(__file__).parent / "files"
pytest_plugins = ["tests.browser"]  # browser and shots, for every browser test


def toy_module(root: Path = FILES) -> Module:
    """A two-question module (one written answer) kept under tests/files for testing the pipeline."""
    return Module(id="toy-module", title="Toy module", competency="evaluation", minutes=5, status="ready",
                  tables=(), objectives=(Objective("T1", "Add up a column."), Objective("T2", "Count rows per group.")),
                  root=root)


def tree_digest(folder: Path) -> str:
    """A fingerprint of every path and file under a folder: any file written, moved or deleted changes it."""
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        digest.update(str(path.relative_to(folder)).encode())
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


@pytest.fixture
def toy_course():
    return dataclasses.replace(course(), modules=(toy_module(),))


@pytest.fixture(scope="module")
def toy_course_module():
    """The toy course, shared by the tests of one file (for fixtures that build a course once)."""
    return dataclasses.replace(course(), modules=(toy_module(),))


@pytest.fixture(scope="module")
def course_elsewhere():
    """A course folder outside /tmp, as an instructor's would be, with answers and a gradebook in it."""
    build = Path(__file__).resolve().parents[1] / "build"
    build.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="course-elsewhere-", dir=build) as folder:
        root = Path(folder)
        (root / "source").mkdir()
        (root / "source" / "solutions.ipynb").write_text("the answers")
        (root / "gradebook.db").write_text("grades")
        yield root
