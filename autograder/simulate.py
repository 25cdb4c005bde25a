"""Grade a module's solution, its untouched notebook and every catalogued mistake, and report what misbehaves.

Usage: python -m autograder.simulate MODULE_ID [MODULE_ID ...]
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import nbformat
from nbformat import NotebookNode

from autograder.assignment import stage_support
from autograder.curriculum import Module, course
from autograder.grading.grade_class import grade_copy
from autograder.grading.grade_one import Assignment
from autograder.grading.judge import read_dump
from autograder.grading.score import TestResult, total
from autograder.mistakes import Mistake, load_catalogue
from autograder.notebooks import cells, submissions
from autograder.scenario_packs import combined, packs

SOLUTION_SECONDS = 10
CHECK_CELL = re.compile(r'check\("(q\d+)"\)')


@dataclass
class Scenario:
    """One simulated learner and what became of their notebook."""

    name: str
    mistake: Mistake | None
    results: list[TestResult]
    status: str
    seconds: float
    errors_outside_tests: list[str]
    answers: dict
    checks: dict[str, str]  # question -> what its check cell printed

    @property
    def failed(self) -> set[str]:
        return {r.grade_id for r in self.results if r.earned == 0.0 and r.possible > 0 and r.message != "not answered"}

    @property
    def score(self) -> tuple[float, float]:
        return total(self.results)


def _run(assignment: Assignment, label: str, notebook: NotebookNode, mistake: Mistake | None) -> Scenario:
    """Grade one simulated learner exactly as `course grade` grades a submission (sandboxed where possible)."""
    started = time.perf_counter()
    graded, results = grade_copy(assignment, nbformat.writes(notebook).encode())
    seconds = time.perf_counter() - started
    executed = graded.executed.cells if graded.executed else []
    answers = {name: encoded["value"] for cell in executed if cell.metadata.get("course", {}).get("dump_for")
               for name, encoded in (read_dump(cell) or {}).items() if encoded.get("kind") == "number"}
    errors = [f"cell {i}: {o.ename}: {o.evalue}" for i, cell in enumerate(executed)
              if cell.cell_type == "code" and not cell.metadata.get("course", {}).get("dump_for")
              for o in cell.get("outputs", []) if o.output_type == "error"]
    said = {match.group(1): "".join(o.get("text", "") for o in cell.get("outputs", []) if o.output_type == "stream")
            for cell in executed if cell.cell_type == "code" and (match := CHECK_CELL.fullmatch(cell.source.strip()))}
    status = graded.status + (f" ({graded.note})" if graded.note else "")
    # CPU time, not wall time: the limit is about the notebook's own work, not how busy the machine is.
    seconds = graded.cpu_seconds if graded.cpu_seconds is not None else seconds
    return Scenario(label, mistake, list(results.values()), status, seconds, errors, answers, said)


def module_checks(module: Module) -> dict:
    """The checks.json a module's learners get (built once per change)."""
    with tempfile.TemporaryDirectory(prefix="course-checks-") as folder:
        return json.loads((stage_support(module, Path(folder)) / "checks.json").read_text(encoding="utf-8"))


def run_scenarios(module: Module, workers: int = 2, packed: bool = True) -> list[Scenario]:
    """Solution, untouched, then each mistake and right alternative, graded in parallel as `course grade` would.

    With `packed`, answers that cannot reach one another (scenario_packs) are graded together in one notebook and
    each is given its own share of the result; a pack whose result is not exactly the sum of its answers' is graded
    again one answer at a time, so a departure is always reported against the answer that made it."""
    source = nbformat.read(module.notebook, as_version=4)
    catalogue = load_catalogue(module.mistakes)
    with tempfile.TemporaryDirectory(prefix="course-support-") as folder:
        assignment = Assignment(module.id, source, stage_support(module, Path(folder)))
        grouped, alone = packs(source, catalogue, assignment.support) if packed else ([], catalogue)
        plans = [(submissions.solved(source), None), (submissions.untouched(source), None)]
        plans += [(submissions.with_mistake(source, m), m) for m in alone]
        plans += [(combined(group), group) for group in grouped]
        with ThreadPoolExecutor(max_workers=workers) as pool:
            def grade(answers, mistake):
                return pool.submit(_run, assignment, answers.name, submissions.fill(source, source, answers), mistake)
            futures = [grade(answers, mistake) for answers, mistake in plans]
            done = [f.result() for f in futures]
            solution, untouched = done[:2]
            by_id = {s.mistake.id: s for s in done[2:2 + len(alone)]}
            retry = []
            for pack, group in zip(done[2 + len(alone):], grouped):
                shares = split_pack(pack, group, solution, source)
                if shares is None:
                    retry += group
                else:
                    by_id.update(shares)
            again = [grade(submissions.with_mistake(source, m), m) for m in retry]
            by_id.update({m.id: f.result() for m, f in zip(retry, again)})
    return [solution, untouched] + [by_id[m.id] for m in catalogue]


def split_pack(pack: Scenario, group: list[Mistake], solution: Scenario, source: NotebookNode) -> dict | None:
    """Each answer's own scenario from a pack's, or None when the pack did not come out as the sum of its answers:
    it failed other tests than theirs, a question none of them answers is not judged correct, or a cell stopped."""
    question_of = {gid: cells.question(c) for c in source.cells if (gid := cells.grade_id(c))}
    owner = {m.question: m for m in group}
    expected = set().union(*(m.fails for m in group))
    if pack.status != solution.status or pack.failed != expected or pack.errors_outside_tests:
        return None
    if any(not said.startswith("✔") for q, said in pack.checks.items() if q not in owner):
        return None
    if any(not pack.checks.get(q, "").startswith("✔" if m.right else "✘") for q, m in owner.items()):
        return None
    solution_results = {r.grade_id: r for r in solution.results}
    shares = {}
    for mistake in group:
        results = [r if owner.get(question_of.get(r.grade_id)) in (None, mistake) else solution_results[r.grade_id]
                   for r in pack.results]
        checks = {q: (said if owner.get(q) in (None, mistake) else solution.checks.get(q, said))
                  for q, said in pack.checks.items()}
        shares[mistake.id] = Scenario(f"mistake:{mistake.id}", mistake, results, pack.status,
                                      pack.seconds / len(group), [], pack.answers, checks)
    return shares


def _number_forms(value: float) -> set[str]:
    forms = {f"{value:.6g}", f"{value:.4g}", f"{value:.3g}", f"{value:.2f}", f"{value:.1f}"}
    if abs(value) >= 1000:
        forms |= {f"{value:,.0f}", f"{value:,.2f}"}
    if 0 < abs(value) <= 1:
        forms |= {f"{value * 100:.1f}", f"{value * 100:.0f}%"}
    return {f for f in forms if len(f.strip("-0.%")) >= 2}


def shown_forms(value: float, message: str) -> list[str]:
    """The ways of writing value that appear in message as whole numbers (12 in "12 sessions", not in "2012")."""
    return sorted(form for form in _number_forms(value)
                  if re.search(rf"(?<![\d.,]){re.escape(form)}(?![\d]|[.,]\d)", message))


def _signature(entry: dict) -> str:
    return json.dumps(entry.get("fingerprints") or [entry.get("stage"), entry.get("found")], sort_keys=True)


def check_cell_problems(scenarios: list[Scenario], checks: dict) -> list[str]:
    """Does each check cell say what its question's answers deserve: correct for the solution and every right
    alternative, not attempted when untouched, incorrect for every mistake, naming that mistake (or one whose answer
    is the same) and no other?"""
    found: list[str] = []
    auto = {qid: q for qid, q in checks["questions"].items() if not q["manual"]}
    solution, untouched, *others = scenarios
    expected_start = [(s, "✔", "correct") for s in [solution] + [s for s in others if s.mistake.right]]
    expected_start += [(untouched, "…", "not attempted")]
    for scenario, start, word in expected_start:
        for qid in auto:
            said = scenario.checks.get(qid, "")
            if not said.startswith(start):
                found.append(f"{scenario.name}: the check cell of {qid} should say {word}; it says {said[:160]!r}")
    for scenario in others:
        mistake = scenario.mistake
        if mistake.right:
            continue
        said = scenario.checks.get(mistake.question, "")
        if not said.startswith("✘"):
            found.append(f"{scenario.name}: the check cell of {mistake.question} should say incorrect; "
                         f"it says {said[:160]!r}")
            continue
        for test in auto.get(mistake.question, {}).get("tests", []):
            entries = test.get("mistakes", [])
            mine = next((e for e in entries if e["id"] == mistake.id), None)
            if mine is None or not mistake.says:
                continue
            same = {e["says"] for e in entries if _signature(e) == _signature(mine) and e["says"]}
            named = {e["says"] for e in entries if e["says"] and e["says"] in said}
            if not named & same:
                found.append(f"{scenario.name}: the check cell of {mistake.question} does not name this mistake")
            if named - same:
                found.append(f"{scenario.name}: the check cell of {mistake.question} names another mistake")
    return found


def leak_problems(solution: Scenario, checks: dict) -> list[str]:
    """Does checks.json, which learners get, show a number the solution answers with, in any of its words?"""
    words = []
    for qid, q in checks["questions"].items():
        words += [(qid, h) for h in q.get("hints", [])]
        for test in q.get("tests", []):
            words += [(qid, test["rules"].get(k, "")) for k in ("what", "hint")]
            words += [(qid, e.get(k, "")) for e in test.get("mistakes", []) for k in ("says", "found")]
    found = []
    for qid, text in words:
        for name, value in solution.answers.items():
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                leaked = shown_forms(float(value), str(text))
                if leaked:
                    found.append(f"checks.json words for {qid} show the answer {name} ({leaked[0]}): {text[:100]!r}")
    return found


def problems(scenarios: list[Scenario], checks: dict | None = None) -> list[str]:
    """Every way the module's grading departs from its contract, in plain sentences; empty when all is well."""
    found: list[str] = []
    solution, untouched, *mistaken = scenarios
    if checks is not None:
        found += check_cell_problems(scenarios, checks) + leak_problems(solution, checks)
    earned, possible = solution.score
    if possible == 0:
        found.append("the module has no autograded points")
    if earned != possible:
        failed = ", ".join(sorted(solution.failed))
        found.append(f"the solution scores {earned:g} of {possible:g}; it fails {failed}")
    if solution.errors_outside_tests:
        found.append("the solution raises errors outside tests: " + "; ".join(solution.errors_outside_tests))
    if solution.seconds > SOLUTION_SECONDS:
        found.append(f"the solution takes {solution.seconds:.1f} s of CPU time to run (limit {SOLUTION_SECONDS} s)")
    if untouched.score[0] != 0:
        found.append(f"the untouched notebook scores {untouched.score[0]:g}, not 0")
    found += [f"untouched: {e}" for e in untouched.errors_outside_tests]
    for scenario in [untouched, *mistaken]:
        for result in scenario.results:
            if result.earned == 0.0 and result.message and not result.message.startswith(("✘", "…", "not answered")):
                found.append(f"{scenario.name}: test {result.grade_id} failed with a traceback, not a sentence: "
                             f"{result.message[:160]}")
    tests = {r.grade_id for r in solution.results if r.earned is not None}
    caught: set[str] = set()
    for scenario in mistaken:
        mistake = scenario.mistake
        if mistake.right and scenario.score[0] != scenario.score[1]:
            found.append(f"{scenario.name}: a right alternative scores {scenario.score[0]:g} of {scenario.score[1]:g}")
        unknown = set(mistake.fails) - tests
        if unknown:
            found.append(f"{scenario.name}: names tests that do not exist: {', '.join(sorted(unknown))}")
        if scenario.failed != set(mistake.fails):
            extra, missed = scenario.failed - set(mistake.fails), set(mistake.fails) - scenario.failed
            found.append(f"{scenario.name}: should fail exactly {sorted(mistake.fails)}; "
                         + (f"it also fails {sorted(extra)}. " if extra else "")
                         + (f"it passes {sorted(missed)}." if missed else ""))
        found += [f"{scenario.name}: outside the tests, {e}" for e in scenario.errors_outside_tests]
        caught |= scenario.failed & set(mistake.fails)
        for result in scenario.results:
            for name, value in solution.answers.items():
                if isinstance(value, (int, float)) and not isinstance(value, bool):
                    leaked = shown_forms(float(value), result.message)
                    if leaked and result.earned == 0.0:
                        found.append(f"{scenario.name}: the message of {result.grade_id} shows the answer "
                                     f"{name} ({leaked[0]})")
    uncaught = tests - caught
    if uncaught:
        found.append("hidden tests no catalogued mistake fails: " + ", ".join(sorted(uncaught)))
    return found


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m autograder.simulate", description=__doc__.splitlines()[0])
    parser.add_argument("modules", nargs="*", metavar="MODULE_ID", help="modules to simulate (default: every ready one)")
    known = {m.id: m for m in course().modules}
    ids = parser.parse_args(argv).modules or [m.id for m in course().ready_modules]
    unknown = [i for i in ids if i not in known]
    if unknown:
        parser.error(f"no module called {', '.join(unknown)}; the modules are: {', '.join(known)}")
    status = 0
    for module_id in ids:
        scenarios = run_scenarios(known[module_id])
        checks = module_checks(known[module_id])
        print(f"== {module_id}")
        for s in scenarios:
            earned, possible = s.score
            failed = ", ".join(sorted(s.failed)) or "-"
            print(f"  {s.name:<45} {earned:>5g} / {possible:<5g} {s.seconds:5.1f} s  fails: {failed}")
        issues = problems(scenarios, checks)
        for issue in issues:
            print(f"  PROBLEM: {issue}")
        print("  no problems" if not issues else f"  {len(issues)} problem(s)")
        status |= bool(issues)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
