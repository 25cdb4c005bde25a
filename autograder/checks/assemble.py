"""Assembling checks.json for one module: each test's rules and fingerprints, what follows from known slips, the
catalogued mistakes each failed answer may be, and the hints."""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import nbformat

from autograder.checks.hints import load_hints
from autograder.checks.record import RecordedTest, from_data, record_tests
from autograder.checks.replay import replay
from autograder.curriculum import Module
from autograder.learner.coursecheck import evaluate
from autograder.learner.coursecheck.charts import chart_fingerprint, drawn
from autograder.learner.coursecheck.checkcell import found_print, judge_spec
from autograder.learner.coursecheck.fingerprint import digest, fingerprint
from autograder.learner.coursecheck.graded import usable
from autograder.learner.coursecheck.judging import expected_kind
from autograder.learner.coursecheck.values import NO_EXPECTATION, PlotFacts, kind_of
from autograder.mistakes import Mistake, load_catalogue
from autograder.notebooks import cells
from autograder.notebooks.submissions import with_mistake

FORMAT = 1
VALUE_RULES = ("kind", "rows", "columns", "length", "between", "what", "hint")
PLOT_RULES = ("kind", "labelled", "colormap", "colorbar", "tolerance", "relative", "what", "hint")
VALUE_STAGES = {"values": "expected", "bars": "bars", "starts": "starts"}  # stages where a slip shows in values
FEEDBACK_LEVELS = ("diagnosis", "plausibility")


def _public(test: RecordedTest, rules: dict) -> dict:
    """The rules a learner may see: kinds, shapes, ranges and what is checked, never an expected value."""
    wanted = VALUE_RULES if test.judge == "value" else PLOT_RULES
    public = {k: rules[k] for k in wanted if k in rules}
    if test.judge == "value":
        public["kind"] = expected_kind(rules.get("expected", NO_EXPECTATION), rules.get("kind"))
    if isinstance(rules.get("between"), tuple):
        public["between"] = list(rules["between"])
    if isinstance(rules.get("order"), str):
        public["order"] = rules["order"]
    return public


def fingerprints(test: RecordedTest, rules: dict, salt: str) -> dict:
    """The test's computed expectations as fingerprints: its expected value, or a chart's bars, starts, sides,
    order and series."""
    tolerance, relative = rules.get("tolerance", 1e-6), rules.get("relative", 1e-6)
    if test.judge == "value":
        expected = rules.get("expected", NO_EXPECTATION)
        if expected is NO_EXPECTATION:
            return {}
        kind = expected_kind(expected, rules.get("kind"))
        return {"expected": fingerprint(kind, expected, tolerance=tolerance, relative=relative,
                                        ordered=rules.get("ordered", False), key=rules.get("key"),
                                        match=rules.get("match", "all"), salt=salt)}
    found = {}
    for rule in ("bars", "starts", "sides", "order", "groups"):
        value = rules.get(rule)
        if value is None or isinstance(value, str):
            continue
        found[rule] = chart_fingerprint(rule, value, tolerance, relative, salt)
    return found


def _named(rules: dict) -> dict:
    return {k: rules[k] for k in ("cells", "bars") if isinstance(rules.get(k), str)}


def _same(a: Any, b: Any) -> bool:
    """Are two answers the same plain value (so that a slip left this one untouched)?"""
    try:
        return evaluate("x", a, b, kind=kind_of(b)).passed
    except Exception:
        return False


def _carried(test: RecordedTest, data_fps: dict, answers: dict, data_dir: Path, salt: str) -> list[dict]:
    """For a test with given=: what it expects from each catalogued earlier answer that differs from the solution's."""
    given = test.rules["given"]
    right = answers["solution"].get(given)
    entries, seen = [], set()
    for scenario, values in answers.items():
        own = values.get(given)
        if scenario == "solution" or not usable(own) or _same(own, right):
            continue
        try:
            fps = fingerprints(test, from_data(test, data_dir, own), salt)
            own_print = fingerprint(kind_of(own), own, salt=salt)
        except Exception:  # the test cannot work from this earlier answer; the data's expectation stands
            continue
        text = json.dumps(fps, sort_keys=True)
        if text != json.dumps(data_fps, sort_keys=True) and text not in seen:
            seen.add(text)
            entries.append({"given": own_print, "fingerprints": fps})
    return entries


def _diagnosis(test: RecordedTest, spec: dict, mistake: Mistake, values: dict, salt: str) -> dict | None:
    """How a catalogued mistake shows in this test: the fingerprint of its answer, or where and how it fails."""
    if test.answer not in values:
        return None
    outcome = judge_spec(spec, values)
    if outcome.passed:
        return None
    # What was found names the wrong answer, which can give the right one away (its negative, say): keep a hash.
    entry = {"id": mistake.id, "says": mistake.says, "stage": outcome.stage,
             "found": found_print(test.grade_id, outcome.stage, outcome.found)}
    rule = VALUE_STAGES.get(outcome.stage)
    if rule is None:
        return entry
    own = values[test.answer]
    try:
        if rule == "expected":
            fp = fingerprint(spec["fingerprints"]["expected"]["kind"], own, tolerance=spec["tolerance"],
                             relative=spec["relative"], ordered=spec["ordered"], key=spec["key"],
                             match=spec["match"], salt=salt)
        else:
            grouped = spec["fingerprints"]["bars"].get("grouped", False) if rule == "bars" else False
            fp = chart_fingerprint(rule, drawn(rule, own if isinstance(own, PlotFacts) else {}, grouped),
                                   spec["rules"].get("tolerance", 1e-6), spec["rules"].get("relative", 1e-6), salt)
    except Exception:  # the answer cannot take the expected form: its stage and finding say enough
        return entry
    return {"id": mistake.id, "says": mistake.says, "stage": outcome.stage,
            "fingerprints": {**spec["fingerprints"], rule: fp}}


def _test_spec(test: RecordedTest, data_dir: Path, answers: dict, catalogue: list[Mistake], salt: str) -> dict:
    rules = from_data(test, data_dir)
    spec = {"id": test.grade_id, "points": test.points, "answer": test.answer, "judge": test.judge,
            "rules": _public(test, rules), "named": _named(rules), "fingerprints": fingerprints(test, rules, salt)}
    if "satisfies" in rules:
        raise ValueError(f"test {test.grade_id} uses satisfies=, which a check cell cannot judge from fingerprints; "
                         "use declarative rules (expected, key, match, bars, starts, sides, order, groups, cells)")
    if test.rules.get("given"):
        spec["given"] = test.rules["given"]
        spec["carried"] = _carried(test, spec["fingerprints"], answers, data_dir, salt)
    settings = {"tolerance": rules.get("tolerance", 1e-6), "relative": rules.get("relative", 1e-6),
                "ordered": rules.get("ordered", False), "key": rules.get("key"), "match": rules.get("match", "all")}
    diagnoses = []
    for mistake in catalogue:
        if test.grade_id in mistake.fails:
            found = _diagnosis(test, {**spec, **settings}, mistake, answers.get(f"mistake:{mistake.id}", {}), salt)
            if found:
                diagnoses.append(found)
    spec["mistakes"] = diagnoses
    return spec


TECHNIQUE = re.compile(r"^#+\s*(Technique:.*)$", re.MULTILINE)


def _fallback_hints(technique: str, tests: list[dict]) -> list[str]:
    """Hints for a question hints.toml does not cover: where the method is taught, then what the tests look for."""
    where = (f"Look again at the worked example under \"{technique}\": it does the same steps on other data."
             if technique else "Look again at the worked example just above the question.")
    whats = [t["rules"].get("what", "") for t in tests if t["rules"].get("what")]
    method = "The check looks for " + "; and ".join(whats) + "." if whats else where
    return [where, method]


def _questions(source, tests: list[dict], recorded: list[RecordedTest], hints: dict) -> dict:
    questions: dict[str, dict] = {}
    technique, techniques = "", {}
    for cell in source.cells:
        if cell.cell_type == "markdown":
            technique = next(iter(TECHNIQUE.findall(cell.source)), technique)
        qid = cells.question(cell)
        if qid:
            techniques.setdefault(qid, technique)
        if qid and (cells.is_graded(cell) or cells.is_solution(cell)):
            questions.setdefault(qid, {"points": 0.0, "manual": True, "answers": [], "tests": [],
                                       "hints": hints.get(qid, [])})
            if cells.is_manually_graded(cell):
                questions[qid]["points"] += cells.points(cell)
    for spec, test in zip(tests, recorded):
        entry = questions[test.question]
        entry["manual"] = False
        entry["points"] += test.points
        entry["tests"].append(spec)
        if test.answer not in entry["answers"]:
            entry["answers"].append(test.answer)
    for qid, entry in questions.items():
        if not entry["manual"] and not entry["hints"]:
            entry["hints"] = _fallback_hints(techniques.get(qid, ""), entry["tests"])
    return questions


def build_checks(module: Module, data_dir: Path, feedback: str = "diagnosis", edition: str = "class") -> dict:
    """checks.json for a module whose data sit in data_dir: every question's tests as fingerprints and rules."""
    if feedback not in FEEDBACK_LEVELS:
        raise ValueError(f"feedback must be one of {', '.join(FEEDBACK_LEVELS)}, not {feedback!r}")
    source = nbformat.read(module.notebook, as_version=4)
    salt = digest("course", module.id, module.notebook.read_text(encoding="utf-8"))
    recorded = record_tests(source, data_dir)
    catalogue = load_catalogue(module.mistakes)
    names = {t.answer for t in recorded} | {t.rules["given"] for t in recorded if t.rules.get("given")} | \
        {v for t in recorded for k, v in t.rules.items() if k in ("cells", "bars") and isinstance(v, str)}
    answers = replay(source, data_dir, [with_mistake(source, m) for m in catalogue], names)
    tests = [_test_spec(t, data_dir, answers, catalogue, salt) for t in recorded]
    questions = _questions(source, tests, recorded, load_hints(module.hints))
    if feedback == "plausibility":  # as for an exam: the form of an answer only, and no hints
        for question in questions.values():
            question["hints"] = []
            for spec in question["tests"]:
                for secret in ("fingerprints", "carried", "mistakes", "named"):
                    spec.pop(secret, None)
    return {"format": FORMAT, "module": module.id, "edition": edition, "feedback": feedback, "questions": questions}

