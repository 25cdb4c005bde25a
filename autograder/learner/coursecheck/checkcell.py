"""The check cell under each question, `check("q3")`, and `hint("q3")`, in both editions.

The class edition judges the answers against checks.json, which `course build` writes beside the notebook: each
test's rules in clear and its expected values as fingerprints, never the values or the code that computes them.
The self-paced edition runs the tests themselves (courselab) and words its verdict here, the same way.
"""
from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import lastrun
from .charts import evaluate_plot
from .fingerprint import Fingerprint, digest
from .graded import answer_outcome, from_own_work, quietly, usable
from .judging import evaluate
from .outcome import CORRECT, INCORRECT, NOT_ATTEMPTED, Outcome
from .values import ABSENT

CHECKS = Path("checks.json")
JUDGES = {"value": evaluate, "plot": evaluate_plot}
_loaded: dict[str, Any] = {}
_hints_given: dict[str, int] = {}


def checks() -> dict:
    """checks.json beside the notebook, read once (again only when it changes); empty when there is none."""
    try:
        stamp = CHECKS.stat().st_mtime_ns
    except OSError:
        return {"questions": {}}
    if _loaded.get("stamp") != stamp:
        _loaded.update(stamp=stamp, data=json.loads(CHECKS.read_text(encoding="utf-8")))
    return _loaded["data"]


def question(qid: str) -> dict | None:
    return checks()["questions"].get(str(qid).lower())


# ---------------------------------------------------------------- judging one test from its spec
def _fingerprints(found: dict | None) -> dict:
    return {rule: Fingerprint(fp) for rule, fp in (found or {}).items()}


def judge_spec(test: dict, namespace: dict, fingerprints: dict | None = None) -> Outcome:
    """One test of checks.json judged on the learner's answers (with other fingerprints, to try a known slip)."""
    rules = {**test.get("rules", {}), **test.get("named", {}),
             **_fingerprints(test.get("fingerprints") if fingerprints is None else fingerprints)}
    return answer_outcome(JUDGES[test["judge"]], test["answer"], namespace, rules)


def judge_with_carry(test: dict, namespace: dict) -> Outcome:
    """A test judged from the data; failing that, from what follows from a catalogued slip the learner made earlier."""
    outcome = judge_spec(test, namespace)
    if outcome.passed or not test.get("given"):
        return outcome
    own = namespace.get(test["given"], ABSENT)
    if not usable(own):
        return outcome
    for carried in test.get("carried", []):
        if quietly(evaluate, test["given"], own, Fingerprint(carried["given"])).passed:
            second = judge_spec(test, namespace, carried["fingerprints"])
            if second.passed:
                return from_own_work(second, test["answer"], test["given"])
    return outcome


def found_print(test_id: str, stage: str, found: str) -> str:
    """What a test found where an answer went wrong, as a hash: it can be matched, and shows no answer."""
    return digest(test_id, "found", stage, found)


def diagnosis(test: dict, namespace: dict, outcome: Outcome) -> dict | None:
    """The catalogued mistake this failed answer matches: by its fingerprint, or by where and how it went wrong."""
    for mistake in test.get("mistakes", []):
        if mistake.get("fingerprints"):
            if judge_spec(test, namespace, mistake["fingerprints"]).passed:
                return mistake
        elif mistake.get("stage") == outcome.stage and \
                mistake.get("found") == found_print(test.get("id", ""), outcome.stage, outcome.found):
            return mistake
    return None


# ---------------------------------------------------------------- the verdict of a whole question
@dataclass
class Verdict:
    """One test's outcome, and the catalogued mistake it matched, if any."""

    test: dict
    outcome: Outcome
    mistake: dict | None = None


def verdicts(spec: dict, namespace: dict) -> list[Verdict]:
    """Every test of a question judged from checks.json, failures matched to catalogued mistakes."""
    found = []
    for test in spec["tests"]:
        outcome = judge_with_carry(test, namespace)
        mistake = diagnosis(test, namespace, outcome) if outcome.status == INCORRECT else None
        found.append(Verdict(test, outcome, mistake))
    return found


def worded(outcome: Outcome, mistake: dict | None, label: str) -> str:
    """A failed test in words: what was checked, what was found, and the slip it looks like or what to try."""
    checked = f" Checked: {outcome.what}." if outcome.what else ""
    if mistake and mistake.get("says"):
        advice = " " + mistake["says"]
    elif outcome.advice:
        advice = f" Try this: {outcome.advice}"
    else:
        advice = ""
    return f"✘ {label}:{checked} Found {outcome.found}.{advice}"


def _failure_line(verdict: Verdict) -> str:
    return "   " + worded(verdict.outcome, verdict.mistake, f"`{verdict.test['answer']}`")


def _earlier_answer_note(verdicts_: list[Verdict], namespace: dict) -> list[str]:
    """For a failed answer built on an earlier answer that is itself not right: say to fix that first."""
    notes = []
    for verdict in verdicts_:
        given = verdict.test.get("given")
        if verdict.outcome.passed or not given or given == verdict.test["answer"]:
            continue
        earlier = [(qid, t) for qid, q in checks()["questions"].items() for t in q.get("tests", []) if t["answer"] == given]
        if earlier and not all(judge_spec(t, namespace).passed for _, t in earlier):
            where = earlier[0][0].upper().replace("Q", "Question ")
            notes.append(f"   `{verdict.test['answer']}` builds on your `{given}` ({where}), which is not right yet: "
                         f"fix that first. When your notebook is graded, `{verdict.test['answer']}` is judged from "
                         f"your own `{given}`, so one slip is not charged twice.")
    return list(dict.fromkeys(notes))


def _stopped_line(name: str, error: str, made: bool) -> str:
    if made:
        return (f"   Note: the last run of the cell that makes `{name}` stopped with a {error}, so `{name}` may be left "
                "over from an earlier run. Read the last line of that error, fix it and run the cell again.")
    return (f"   Your cell stopped with a {error} before `{name}` was made: read the last line of its error message, "
            "which says what went wrong, fix that line and run the cell again.")


def report(qid: str, spec: dict, results: list[Verdict], namespace: dict, plausibility: bool = False) -> str:
    """The words printed under a question: correct, incorrect (what, found, the slip or what to try), or not attempted."""
    title = f"Question {qid[1:]}" if qid[1:].isdigit() else qid.upper()
    answers = list(dict.fromkeys(v.test["answer"] for v in results))
    blank = [a for a in answers if all(v.outcome.status == NOT_ATTEMPTED for v in results if v.test["answer"] == a)]
    failed = [v for v in results if v.outcome.status == INCORRECT]
    stops = [(a, lastrun.stopped_with(a)) for a in answers if lastrun.stopped_with(a)]
    if plausibility and not failed and not blank:
        return (f"✔ {title}: {', '.join(f'`{a}`' for a in answers)} has the right form. In this course the check "
                "looks at the form of an answer only; whether it is right is judged when your notebook is graded.")
    if not failed and not blank:
        own = next((v.outcome.message for v in results if "worked out from" in v.outcome.message), "")
        basis = own[own.index("worked out from"):].rstrip(".") if own else ""
        return f"✔ {title}: correct." + (f" ({basis[0].upper() + basis[1:]}.)" if basis else "")
    if not failed:
        lines = [f"… {title}: not attempted yet." if len(blank) == len(answers) else
                 f"… {title}: not finished: " + ", ".join(f"`{a}`" for a in blank) + " not answered yet."]
        stopped = [(a, e) for a, e in stops if a in blank]
        lines += [_stopped_line(a, e, made=False) for a, e in stopped]
        if not stopped:
            lines.append("   Replace the ... in the cell above with your code, run it, then run this check again.")
        return "\n".join(lines)
    lines = [f"✘ {title}: incorrect" + (f" ({len(results) - len(failed)} of {len(results)} checks passed)."
                                         if len(results) > 1 else ".")]
    lines += [_failure_line(v) for v in failed]
    lines += _earlier_answer_note(failed, namespace)
    lines += [_stopped_line(a, e, made=True) for a, e in stops if a not in blank]
    if (question(qid) or {}).get("hints"):
        lines.append(f"   Stuck? hint(\"{qid}\") gives a nudge; ask again for the method in words.")
    return "\n".join(lines)


# ---------------------------------------------------------------- the learner's calls
def check_question(qid: str, namespace: dict) -> tuple[str, str]:
    """Judge a whole question from checks.json: its status and the words to print."""
    spec = question(qid)
    if spec.get("manual"):
        return NOT_ATTEMPTED, f"{qid.upper()} is a written answer: your instructor marks it against the mark scheme."
    plausibility = checks().get("feedback") == "plausibility"
    results = verdicts(spec, namespace)
    status = CORRECT if all(v.outcome.passed for v in results) else \
        INCORRECT if any(v.outcome.status == INCORRECT for v in results) else NOT_ATTEMPTED
    return status, report(qid, spec, results, namespace, plausibility)


def check(name: str, **rules: Any) -> None:
    """check("q3"): judge every answer of question 3 and say correct, incorrect or not attempted.

    check("answer", kind=..., between=...) is a quick look at one answer's form (type, shape, range).
    """
    namespace = sys._getframe(1).f_globals
    if not rules and question(name) is not None:
        print(check_question(name.lower(), namespace)[1])
        return
    if not rules and name.lower().startswith("q") and name[1:].isdigit():
        print(f"There is no question {name!r} here (checks.json beside the notebook has none by that name).")
        return
    check_value(name, namespace.get(name, ABSENT), **rules)


def check_value(name: str, value: Any, **rules: Any) -> None:
    """The quick look at one answer's form, for a value already looked up."""
    outcome = quietly(evaluate, name, value, **rules)
    print(f"✔ `{name}` has the right form (type, shape and range); whether it is right is for the question's check."
          if outcome.passed else outcome.message)


def check_plot(name: str, **rules: Any) -> None:
    """A quick look at one chart's form (kind, title, axis labels)."""
    namespace = sys._getframe(1).f_globals
    outcome = quietly(evaluate_plot, name, namespace.get(name, ABSENT), **rules)
    print(f"✔ `{name}` has the right form (kind, title and axis labels); whether it shows the right data is for the "
          "question's check." if outcome.passed else outcome.message)


def hint(qid: str) -> None:
    """A nudge first; ask again for the method in words. Never a line of code."""
    spec = question(qid)
    tiers = (spec or {}).get("hints") or []
    if not tiers:
        print(f"There is no hint for {qid!r} here; questions are named like \"q1\".")
        return
    asked = _hints_given.get(qid.lower(), 0)
    shown = min(asked, len(tiers) - 1)
    names = ["A nudge", "The method in words"]
    print(f"{names[shown] if shown < len(names) else 'Hint'} for {qid.upper()} ({shown + 1} of {len(tiers)}): {tiers[shown]}")
    if shown + 1 < len(tiers):
        print(f"Still stuck? Run hint(\"{qid}\") again for the method in words.")
    elif checks().get("edition") == "self-paced":
        print(f"That is the last hint. solution(\"{qid}\") shows a model answer once you confirm you want it.")
    else:
        print("That is the last hint. Your instructor, or a classmate, can help from here.")
    _hints_given[qid.lower()] = asked + 1
