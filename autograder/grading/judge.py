"""Judging answers outside the learner's kernel: hidden tests run in the grader's process on rebuilt plain values."""
from __future__ import annotations

import builtins
import contextlib
import io
import os
import sys
import threading
import types
import warnings
from pathlib import Path

from nbformat import NotebookNode

from autograder.grading.score import TestResult
from autograder.learner import coursecheck
from autograder.notebooks import cells

# The hidden tests import `coursecheck`; in the grader that name is always the grader's own, unmodified copy.
sys.modules.setdefault("coursecheck", coursecheck)

# A test runs in its assignment's data folder with its own printed output: both are process-wide, so while
# workers grade in parallel threads, one test is judged at a time (judging is quick; the notebooks run apart).
_JUDGING = threading.Lock()
_TABLES: dict[tuple, object] = {}


def _read_csv_once(path, *args, **kwargs):
    """pandas.read_csv for hidden tests: each data file is parsed once per grading run, and each test gets a copy."""
    import pandas

    if args or not isinstance(path, (str, os.PathLike)):
        return pandas.read_csv(path, *args, **kwargs)
    file = Path(path).resolve()
    stat = file.stat()
    key = (str(file), stat.st_mtime_ns, stat.st_size, repr(sorted(kwargs.items())))
    if key not in _TABLES:
        _TABLES[key] = pandas.read_csv(file, **kwargs)
    return _TABLES[key].copy()


class _PandasForTests(types.ModuleType):
    """pandas as the hidden tests see it: itself, but with read_csv parsing each file once."""

    read_csv = staticmethod(_read_csv_once)

    def __getattr__(self, name):
        import pandas

        return getattr(pandas, name)


_PANDAS = _PandasForTests("pandas")


def _import_for_tests(name, globals=None, locals=None, fromlist=(), level=0):
    module = builtins.__import__(name, globals, locals, fromlist, level)
    return _PANDAS if name == "pandas" and not fromlist and level == 0 else module


_TEST_BUILTINS = {**vars(builtins), "__import__": _import_for_tests}


def dump_cell_source(names: list[str]) -> str:
    """The code put in place of a test cell in the learner's run: it prints the answers that test reads."""
    return ("import json as _course_json, coursecheck as _course_check\n"
            "print('COURSE-ANSWERS ' + _course_json.dumps({_n: _course_check.encode_answer("
            f"globals().get(_n, _course_check._ABSENT)) for _n in {names!r}}}))")


def read_dump(cell: NotebookNode) -> dict | None:
    """The encoded answers a dump cell printed, or None when it did not run or printed nothing usable."""
    import json

    for output in cell.get("outputs", []):
        if output.get("output_type") == "stream" and output.get("name") == "stdout":
            for line in output.get("text", "").splitlines():
                if line.startswith("COURSE-ANSWERS "):
                    try:
                        return json.loads(line[len("COURSE-ANSWERS "):])
                    except ValueError:
                        return None
    return None


def judge_test(test_cell: NotebookNode, encoded: dict | None, data_dir: Path, not_run: str) -> TestResult:
    """Run one hidden test cell on the rebuilt answers; its points, or 0 with the sentence it failed with."""
    gid, question, possible = cells.grade_id(test_cell), cells.question(test_cell), cells.points(test_cell)
    if encoded is None:
        return TestResult(gid, question, 0.0, possible, not_run)
    namespace = {"__name__": "__course_test__", "__builtins__": _TEST_BUILTINS}
    for name, value in encoded.items():
        decoded = coursecheck.decode_answer(value)
        if decoded is not coursecheck._ABSENT:
            namespace[name] = decoded
    printed = io.StringIO()
    try:
        with _JUDGING, contextlib.chdir(data_dir), contextlib.redirect_stdout(printed), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            exec(compile(test_cell.source, f"<test {gid}>", "exec"), namespace)
    except coursecheck.CheckFailed as failure:
        return TestResult(gid, question, 0.0, possible, failure.outcome.message)
    except Exception as error:  # a test that cannot handle an answer must cost that test, never the class
        return TestResult(gid, question, 0.0, possible,
                          f"✘ This test could not judge the answer ({type(error).__name__}: {error}).")
    return TestResult(gid, question, possible, possible, printed.getvalue().strip())
