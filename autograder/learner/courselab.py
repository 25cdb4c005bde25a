"""Self-paced helpers for learners: check a whole question, ask for a hint, reveal a model answer, keep progress.

`check("q3")` runs every test of question 3 on your answers and says correct, incorrect or not attempted.
`check("name", kind=...)` is the quick check of one answer, as in the instructor's course.
`hint("q3")` gives a nudge; ask again for a stronger hint. `solution("q3")` asks first, then shows a model answer.
The questions' tests, hints and model answers are read from questions.json beside the notebook.
"""
from __future__ import annotations

import functools
import json
import sys
import time
from pathlib import Path
from typing import Any

import coursecheck
from coursecheck import CORRECT, INCORRECT, NOT_ATTEMPTED, CheckFailed

BANK = Path("questions.json")
PROGRESS = Path("..") / ".progress.json"   # one record for the whole workspace, beside the module folders
CONFIRM = "show me"
_hints_given: dict[str, int] = {}


@functools.lru_cache(maxsize=1)
def _bank() -> dict:
    """questions.json, read once per session."""
    return json.loads(BANK.read_text(encoding="utf-8"))


def _question(question: str) -> dict | None:
    return _bank()["questions"].get(question.lower())


def _learner_namespace() -> dict:
    """The notebook's variables: the globals of the cell that called us."""
    frame = sys._getframe(2)
    return frame.f_globals


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


def _run_test(source: str, namespace: dict) -> tuple[str, str]:
    """One hidden test on the learner's live answers: its status and its sentence."""
    import pandas

    scope = dict(namespace)
    real_read_csv = pandas.read_csv
    pandas.read_csv = _cached_read_csv(real_read_csv)
    try:
        exec(compile(source, "<test>", "exec"), scope)
    except CheckFailed as failure:
        return failure.outcome.status, failure.outcome.message
    except Exception as error:  # a test that cannot read the answer is an incorrect answer, said in words
        return INCORRECT, f"✘ This test could not read your answer ({type(error).__name__}: {error})."
    finally:
        pandas.read_csv = real_read_csv
    return CORRECT, ""


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
    """check("q3") checks the whole question; check("answer", kind=...) is the quick check of one answer."""
    asked = None if rules else _question(name)
    if asked is None:
        coursecheck.check_value(name, _learner_namespace().get(name, coursecheck._ABSENT), **rules)
        return
    if asked["manual"]:
        print(f"{name.upper()} is a written answer: compare yours with the mark scheme in solution(\"{name}\").")
        return
    namespace = _learner_namespace()
    results = [_run_test(test["source"], namespace) for test in asked["tests"]]
    earned = sum(test["points"] for test, (status, _) in zip(asked["tests"], results) if status == CORRECT)
    if all(status == NOT_ATTEMPTED for status, _ in results):
        status = NOT_ATTEMPTED
        print(f"{name.upper()}: not attempted yet. Replace the ... in its cell with your code, run it, then check again.")
    elif earned == asked["points"]:
        status = CORRECT
        print(f"✔ {name.upper()}: correct, {earned:g} of {asked['points']:g} points.")
    else:
        status = INCORRECT
        print(f"{name.upper()}: {earned:g} of {asked['points']:g} points so far.")
        for _, message in results:
            if message:
                print(message)
        print(f"Stuck? hint(\"{name}\") gives a nudge.")
    _record(_bank()["module"], name.lower(), status=status, earned=earned, points=asked["points"])


def hint(question: str) -> None:
    """A nudge first; each call after that gives the next, stronger hint."""
    asked = _question(question)
    if asked is None:
        print(f"There is no question {question!r} in this module; questions are named like \"q1\".")
        return
    level = _hints_given.get(question.lower(), 0)
    hints = asked["hints"]
    print(f"Hint {min(level, len(hints) - 1) + 1} of {len(hints)} for {question.upper()}: {hints[min(level, len(hints) - 1)]}")
    if level + 1 < len(hints):
        print(f"Run hint(\"{question}\") again for a stronger hint.")
    _hints_given[question.lower()] = level + 1
    _record(_bank()["module"], question.lower(), hints_seen=min(level + 1, len(hints)))


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
