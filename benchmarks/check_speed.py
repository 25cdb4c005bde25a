"""Benchmark: how long each self-paced check("qN") takes in a kernel, on a solved notebook of every ready module.

Usage: .venv/bin/python benchmarks/check_speed.py   (the goal: every check well under 0.1 s)
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import nbformat
from nbclient import NotebookClient

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from autograder.curriculum import course  # noqa: E402
from autograder.notebooks.submissions import fill, solved  # noqa: E402
from autograder.selfpaced.workspace import open_workspace  # noqa: E402

TIMING = ("import json, time\nfor _q in sorted(json.load(open('questions.json'))['questions']):\n"
          "    _t = time.perf_counter(); check(_q); print('SECONDS', _q, time.perf_counter() - _t)")


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="check-speed-") as scratch:
        workspace = Path(scratch) / "workspace"
        open_workspace(workspace)
        worst = 0.0
        for module in course().ready_modules:
            source = nbformat.read(module.notebook, as_version=4)
            mine = nbformat.read(workspace / module.id / module.notebook.name, as_version=4)
            notebook = fill(mine, source, solved(source))
            notebook.cells.append(nbformat.v4.new_code_cell(TIMING))
            NotebookClient(notebook, timeout=300, kernel_name="python3",
                           resources={"metadata": {"path": str(workspace / module.id)}}).execute()
            text = "".join(o.get("text", "") for o in notebook.cells[-1].outputs)
            times = {line.split()[1]: float(line.split()[2]) for line in text.splitlines() if line.startswith("SECONDS")}
            worst = max([worst, *times.values()])
            print(f"{module.id}: " + ", ".join(f"{q} {t * 1000:.0f} ms" for q, t in sorted(times.items())))
        print(f"slowest check: {worst * 1000:.0f} ms (goal: well under 100 ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
