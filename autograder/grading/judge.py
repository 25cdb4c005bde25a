"""Judging answers outside the learner's kernel: hidden tests run in the grader's process on rebuilt plain values."""
from __future__ import annotations

import contextlib
import io
import json
import threading
import warnings
from pathlib import Path

from nbformat import NotebookNode

from autograder.grading.score import TestResult
from autograder.hidden_tests import TEST_BUILTINS
from autograder.learner import coursecheck
from autograder.learner.coursecheck import checkcell
from autograder.notebooks import cells

# A test runs in its assignment's data folder with its own printed output: both are process-wide, so while
# workers grade in parallel threads, one test is judged at a time (judging is quick; the notebooks run apart).
_JUDGING = threading.Lock()

def dump_cell_source(names: list[str]) -> str:
    """The code put in place of a test cell in the learner's run: it prints the answers that test reads."""
    return ("import json as _course_json, coursecheck as _course_check\n"
            "print('COURSE-ANSWERS ' + _course_json.dumps({_n: _course_check.encode_answer("
            f"globals().get(_n, _course_check._ABSENT)) for _n in {names!r}}}))")


def read_dump(cell: NotebookNode) -> dict | None:
    """The encoded answers a dump cell printed, or None when it did not run or printed nothing usable."""
    for output in cell.get("outputs", []):
        if output.get("output_type") == "stream" and output.get("name") == "stdout":
            for line in output.get("text", "").splitlines():
                if line.startswith("COURSE-ANSWERS "):
                    try:
                        return json.loads(line[len("COURSE-ANSWERS "):])
                    except ValueError:
                        return None
    return None


_SPECS: dict[tuple, dict] = {}


def _test_specs(data_dir: Path) -> dict:
    """The tests of the assignment's checks.json by grade id (read once per change); none without one."""
    path = data_dir / "checks.json"
    try:
        key = (str(path), path.stat().st_mtime_ns)
    except OSError:
        return {}
    if key not in _SPECS:
        data = json.loads(path.read_text(encoding="utf-8"))
        _SPECS[key] = {t["id"]: t for q in data["questions"].values() for t in q.get("tests", [])}
    return _SPECS[key]


def _diagnosed(outcome, gid: str, namespace: dict, data_dir: Path) -> str:
    """A failed test's sentence, naming the catalogued mistake the answer matches, as the check cell would."""
    spec = _test_specs(data_dir).get(gid)
    if spec is None:
        return outcome.message
    try:
        mistake = checkcell.diagnosis(spec, namespace, outcome)
    except Exception:  # a diagnosis is a courtesy: never let it cost the grade
        return outcome.message
    return checkcell.worded(outcome, mistake, f"`{spec['answer']}`") if mistake else outcome.message


def judge_test(test_cell: NotebookNode, encoded: dict | None, data_dir: Path, not_run: str) -> TestResult:
    """Run one hidden test cell on the rebuilt answers; its points, or 0 with the sentence it failed with."""
    gid, question, possible = cells.grade_id(test_cell), cells.question(test_cell), cells.points(test_cell)
    if encoded is None:
        return TestResult(gid, question, 0.0, possible, not_run)
    namespace = {"__name__": "__course_test__", "__builtins__": TEST_BUILTINS}
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
        return TestResult(gid, question, 0.0, possible, _diagnosed(failure.outcome, gid, namespace, data_dir))
    except Exception as error:  # a test that cannot handle an answer must cost that test, never the class
        return TestResult(gid, question, 0.0, possible,
                          f"✘ This test could not judge the answer ({type(error).__name__}: {error}).")
    return TestResult(gid, question, possible, possible, printed.getvalue().strip())
