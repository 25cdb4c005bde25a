"""Self-paced helpers for learners: check a whole question, ask for a hint, reveal a model answer, keep progress.

`check("q3")` runs every test of question 3 on your answers and says correct, incorrect or not attempted.
`check("name", kind=...)` is a quick look at the form of one answer.
`hint("q3")` gives a nudge; ask again for the method in words. `solution("q3")` asks first, then shows a model answer.
The questions' tests and model answers are read from questions.json beside the notebook, their hints and the common
slips they recognise from checks.json.
"""
from __future__ import annotations

import contextlib
import functools
import io
import json
import sys
import time
from pathlib import Path
from typing import Any

import coursecheck
from coursecheck import CORRECT, INCORRECT, NOT_ATTEMPTED, CheckFailed, Outcome
from coursecheck.checkcell import Verdict, checks, diagnosis, report

BANK = Path("questions.json")
PROGRESS = Path("..") / ".progress.json"   # one record for the whole workspace, beside the module folders
CONFIRM = "show me"


@functools.lru_cache(maxsize=1)
def _bank() -> dict:
    """questions.json, read once per session."""
    return json.loads(BANK.read_text(encoding="utf-8"))


def _question(question: str) -> dict | None:
    return _bank()["questions"].get(question.lower())


_tables: dict[tuple[str, float], Any] = {}


def _cached_read_csv(read_csv):
    """pandas.read_csv that reads each data file once per session (a copy each time), so checks answer at once."""
    def read(path, *args, **kwargs):
        file = Path(str(path))
        if args or kwargs or not file.is_file():
            return read_csv(path, *args, **kwargs)
        key = (str(file.resolve()), file.stat().st_mtime)
        if key not in _tables:
            _tables[key] = read_csv(path)
        return _tables[key].copy()
    return read


def _run_test(source: str, namespace: dict) -> Outcome:
    """One hidden test on the learner's live answers, as an outcome."""
    import pandas

    scope = dict(namespace)
    real_read_csv = pandas.read_csv
    pandas.read_csv = _cached_read_csv(real_read_csv)
    printed = io.StringIO()
    try:
        with contextlib.redirect_stdout(printed):
            exec(compile(source, "<test>", "exec"), scope)
    except CheckFailed as failure:
        return failure.outcome
    except Exception as error:  # a test that cannot read the answer is an incorrect answer, said in words
        found = f"an answer this test could not read ({type(error).__name__}: {error})"
        return Outcome(INCORRECT, f"✘ Found {found}.", "error", found)
    finally:
        pandas.read_csv = real_read_csv
    return Outcome(CORRECT, printed.getvalue().strip())


def _record(module: str, question: str, **facts: Any) -> None:
    """Add what just happened to the workspace's progress record (never fails the notebook)."""
    try:
        record = json.loads(PROGRESS.read_text(encoding="utf-8")) if PROGRESS.exists() else {}
        entry = record.setdefault(module, {}).setdefault(question, {})
        entry.update(facts, updated=time.strftime("%Y-%m-%d %H:%M"))
        PROGRESS.write_text(json.dumps(record, indent=1, sort_keys=True), encoding="utf-8")
    except (OSError, ValueError):
        pass


def check(name: str, **rules: Any) -> None:
    """check("q3") runs the tests of question 3; check("answer", kind=...) is a quick look at one answer's form."""
    asked = None if rules else _question(name)
    namespace = sys._getframe(1).f_globals
    if asked is None:
        coursecheck.check_value(name, namespace.get(name, coursecheck._ABSENT), **rules)
        return
    qid = name.lower()
    if asked["manual"]:
        print(f"{qid.upper()} is a written answer: compare yours with the model answer and mark scheme, "
              f"solution(\"{qid}\").")
        return
    specs = {t["id"]: t for t in checks()["questions"].get(qid, {}).get("tests", [])}
    results = []
    for test in asked["tests"]:
        outcome = _run_test(test["source"], namespace)
        spec = specs.get(test["grade_id"], {"answer": test["grade_id"], "points": test["points"]})
        mistake = diagnosis(spec, namespace, outcome) if outcome.status == INCORRECT and specs else None
        results.append(Verdict(spec, outcome, mistake))
    earned = sum(t["points"] for t, v in zip(asked["tests"], results) if v.outcome.passed)
    status = CORRECT if earned == asked["points"] else \
        INCORRECT if any(v.outcome.status == INCORRECT for v in results) else NOT_ATTEMPTED
    print(report(qid, {}, results, namespace) + f"\n   {earned:g} of {asked['points']:g} points.")
    _record(_bank()["module"], qid, status=status, earned=earned, points=asked["points"])


def hint(question: str) -> None:
    """A nudge first; ask again for the method in words."""
    coursecheck.hint(question)
    if _question(question) is not None:
        _record(_bank()["module"], question.lower(), hints_seen=True)


def solution(question: str, confirm: str | None = None) -> None:
    """Shows a model answer, after you confirm in words that you want to see it."""
    asked = _question(question)
    if asked is None:
        print(f"There is no question {question!r} in this module; questions are named like \"q1\".")
        return
    if confirm is None:
        print("Trying first is how the skill sticks; the hints can help. "
              f"To see a model answer anyway, type {CONFIRM!r} below.")
        confirm = input(f"Type {CONFIRM!r} to see the model answer for {question.upper()}: ")
    if confirm.strip().lower() != CONFIRM:
        print("Not shown. Run solution again whenever you want it.")
        return
    print(f"A model answer for {question.upper()} (other correct answers exist):\n")
    print(asked["solution"])
    _record(_bank()["module"], question.lower(), solution_seen=True)
