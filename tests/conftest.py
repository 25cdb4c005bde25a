"""Shared fixtures: a small course holding only the toy module, for testing the machinery quickly."""
import dataclasses
from pathlib import Path

import pytest

from autograder.curriculum import Module, Objective, course

FILES = Path(__file__).parent / "files"


def toy_module(root: Path = FILES) -> Module:
    """A two-question module (one written answer) kept under tests/files for testing the pipeline."""
    return Module(id="toy-module", title="Toy module", competency="evaluation", minutes=5, status="ready",
                  tables=(), objectives=(Objective("T1", "Add up a column."), Objective("T2", "Count rows per group.")),
                  root=root)


@pytest.fixture
def toy_course():
    return dataclasses.replace(course(), modules=(toy_module(),))


@pytest.fixture(scope="module")
def toy_course_module():
    """The toy course, shared by the tests of one file (for fixtures that build a course once)."""
    return dataclasses.replace(course(), modules=(toy_module(),))
