"""Benchmark: how long the check cell under a question takes to answer, in each edition, on 2 cores.

Class edition: check("qN") judged from checks.json, for the solution and for every catalogued mistake (the
incorrect path, which also looks for the slip). Self-paced edition: check("qN") running the tests themselves in a
kernel, on a solved notebook. The anchors: learntools and otter answer a check in well under a tenth of a second;
the goal here is under 50 ms.

Usage: .venv/bin/python benchmarks/check_speed.py [MODULE_ID ...]
"""
from __future__ import annotations

import contextlib
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from autograder.assignment import stage_support  # noqa: E402
from autograder.checks.replay import replay  # noqa: E402
from autograder.curriculum import course  # noqa: E402
from autograder.learner.coursecheck import checkcell  # noqa: E402
from autograder.mistakes import load_catalogue  # noqa: E402
from autograder.notebooks.submissions import fill, solved, with_mistake  # noqa: E402
from autograder.selfpaced.workspace import open_workspace  # noqa: E402

GOAL_MS = 50
TIMING = ("import json, time\nfor _q in sorted(json.load(open('questions.json'))['questions']):\n"
          "    _t = time.perf_counter(); check(_q); print('SECONDS', _q, time.perf_counter() - _t)")


def class_edition(module) -> list[float]:
    """Milliseconds of each class-edition check: every question on the solution, each mistake's question on it."""
    source = nbformat.read(module.notebook, as_version=4)
    catalogue = load_catalogue(module.mistakes)
    times = []
    with tempfile.TemporaryDirectory(prefix="check-speed-") as folder:
        folder = Path(folder)
        stage_support(module, folder)
        checks = json.loads((folder / "checks.json").read_text())
        names = {t["answer"] for q in checks["questions"].values() for t in q["tests"]} | \
            {t["given"] for q in checks["questions"].values() for t in q["tests"] if t.get("given")}
        answers = replay(source, folder, [with_mistake(source, m) for m in catalogue], names)
        runs = [(q, answers["solution"]) for q, spec in checks["questions"].items() if not spec["manual"]]
        runs += [(m.question, answers[f"mistake:{m.id}"]) for m in catalogue]
        with contextlib.chdir(folder), contextlib.redirect_stdout(None):
            checkcell.checks()  # checks.json is read once, when the first check cell runs
            for qid, namespace in runs:
                started = time.perf_counter()
                checkcell.check_question(qid, namespace)
                times.append((time.perf_counter() - started) * 1000)
    return times


def self_paced(workspace: Path, module) -> list[float]:
    """Milliseconds of each self-paced check("qN") in a kernel, on a solved notebook."""
    source = nbformat.read(module.notebook, as_version=4)
    mine = nbformat.read(workspace / module.id / module.notebook.name, as_version=4)
    notebook = fill(mine, source, solved(source))
    notebook.cells.append(nbformat.v4.new_code_cell(TIMING))
    NotebookClient(notebook, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(workspace / module.id)}}).execute()
    text = "".join(o.get("text", "") for o in notebook.cells[-1].outputs)
    return [float(line.split()[2]) * 1000 for line in text.splitlines() if line.startswith("SECONDS")]


def main(argv: list[str]) -> int:
    modules = [course().module(m) for m in argv] or list(course().ready_modules)
    worst = 0.0
    with tempfile.TemporaryDirectory(prefix="check-speed-lab-") as scratch:
        workspace = Path(scratch) / "workspace"
        open_workspace(workspace)
        for module in modules:
            quick, alone = class_edition(module), self_paced(workspace, module)
            worst = max(worst, *quick, *alone)
            print(f"{module.id}: class edition {len(quick)} checks, median {statistics.median(quick):.1f} ms, "
                  f"slowest {max(quick):.1f} ms; self-paced {len(alone)} checks, median "
                  f"{statistics.median(alone):.1f} ms, slowest {max(alone):.1f} ms")
    print(f"slowest check: {worst:.1f} ms (goal: under {GOAL_MS} ms)")
    return 0 if worst < GOAL_MS else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
