"""Grading one submission safely: read it, assemble it, run it sandboxed, and judge its answers outside."""
from __future__ import annotations

import json
import os
import shutil
import signal
import sys
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from nbformat import NotebookNode

from autograder.grading import judge
from autograder.grading.sandbox import Limits, Sandbox
from autograder.grading.score import TestResult, score_cell
from autograder.grading.submission import Unreadable, assemble, find_notebook, read_notebook
from autograder.assignment import stage_helpers
from autograder.notebooks import cells

RUNNER = Path(__file__).with_name("runner.py")
CELL_SECONDS = 30
GRADED, UNREADABLE, TIMEOUT, CRASHED = "graded", "unreadable", "timeout", "crashed"
NOT_RUN = {TIMEOUT: "Not run: the notebook ran out of time before reaching this test (look for a loop that never ends).",
           CRASHED: "Not run: the notebook's Python stopped (it crashed, ran out of memory or called exit) "
                    "before reaching this test."}
_JUDGE_LOCK = threading.Lock()  # judging changes the working folder, which is shared by the whole process


@dataclass
class Graded:
    """What grading one submission found: a status, a note for the instructor, and each test's result."""

    status: str
    note: str = ""
    results: list[TestResult] = field(default_factory=list)
    executed: NotebookNode | None = None
    repairs: list[str] = field(default_factory=list)
    cpu_seconds: float | None = None  # CPU time the notebook used, when it ran to the end (steady under load)


@dataclass(frozen=True)
class Assignment:
    """One graded notebook of an assignment: its source, and the pristine folder holding the assignment's files.

    An assignment may have several notebooks; `notebook` names this one (by default, the assignment's own name).
    """

    name: str
    source: NotebookNode
    support: Path
    notebook: str = ""

    @property
    def notebook_id(self) -> str:
        return self.notebook or self.name

    @property
    def notebook_name(self) -> str:
        return f"{self.notebook_id}.ipynb"


SKIPPED = {".ipynb_checkpoints", "__pycache__", "feedback"}


def stage_workdir(assignment: Assignment, run: NotebookNode, folder: Path) -> Path:
    """A fresh working copy: the assignment's files (its notebooks left out), the grader's own helpers, and the
    notebook to run."""
    for item in assignment.support.iterdir():
        if item.name in SKIPPED or item.name.startswith(".") or item.suffix == ".ipynb":
            continue
        if item.is_dir():
            shutil.copytree(item, folder / item.name, ignore=shutil.ignore_patterns(*SKIPPED))
        elif item.is_file():
            shutil.copyfile(item, folder / item.name)
    stage_helpers(folder)
    nbformat.write(run, folder / assignment.notebook_name)
    return folder


class PipeReader(threading.Thread):
    """Drains the runner's result pipe while it runs (so a large figure never blocks it), up to a size cap."""

    MAX_BYTES = 64 * 1024 * 1024

    def __init__(self, fd: int):
        super().__init__(daemon=True)
        self.fd, self.chunks, self.size = fd, [], 0
        self.start()

    def run(self) -> None:
        with os.fdopen(self.fd, "rb") as pipe:
            while chunk := pipe.read(1 << 16):
                if self.size < self.MAX_BYTES:
                    self.chunks.append(chunk)
                    self.size += len(chunk)

    def records(self) -> list[dict]:
        """Every complete JSON record; a line cut short (the run was killed mid-write) is left out."""
        self.join()
        found = []
        for line in b"".join(self.chunks).decode("utf-8", errors="replace").split("\n"):
            try:
                record = json.loads(line)
            except ValueError:
                continue
            if well_formed(record):
                found.append(record)
        return found


def well_formed(record) -> bool:
    """A record of the shape the runner writes (anything else on the pipe was not written by the runner)."""
    if not isinstance(record, dict) or len(record) not in (1, 2, 3):
        return False
    if "cell" in record:
        outputs = record.get("outputs")
        return type(record["cell"]) is int and isinstance(outputs, list) and all(
            isinstance(o, dict) and isinstance(o.get("output_type"), str) for o in outputs)
    if "timeout" in record:
        return type(record["timeout"]) is int
    return record.get("end") in ("completed", "error") and isinstance(record.get("detail"), str) \
        and isinstance(record.get("cpu", 0.0), (int, float))


def run_sandboxed(assignment: Assignment, run: NotebookNode, limits: Limits,
                  sandboxed: bool = True) -> tuple[str, dict[int, list], str, float | None]:
    """Execute the run notebook; return how it ended, each finished cell's outputs, any detail, its CPU time."""
    with tempfile.TemporaryDirectory(prefix="course-grade-") as scratch:
        workdir = stage_workdir(assignment, run, Path(scratch))
        read_end, write_end = os.pipe()
        reader = PipeReader(read_end)
        argv = [sys.executable, "-c", RUNNER.read_text(), assignment.notebook_name, str(CELL_SECONDS), str(write_end)]
        try:
            if sandboxed:
                outcome = Sandbox(workdir, limits=limits).run(argv, pass_fds=(write_end,))
            else:
                outcome = _run_unsandboxed(argv, workdir, limits, write_end)
        finally:
            os.close(write_end)
        records = reader.records()
    outputs = {r["cell"]: r["outputs"] for r in records if "cell" in r}
    end = next((r for r in records if "end" in r), None)
    if outcome.timed_out:
        return TIMEOUT, outputs, f"the notebook was stopped after its {limits.seconds:g}-second budget", None
    slow = [r["timeout"] for r in records if "timeout" in r]
    if slow and end is not None and end["end"] == "completed":
        return TIMEOUT, outputs, (f"{len(slow)} cell(s) ran longer than {CELL_SECONDS} seconds and were stopped "
                                  "(look for a loop that never ends); the rest of the notebook was graded"), None
    if end is None:
        return CRASHED, outputs, crash_note(outcome.returncode, run, outputs), None
    if end["end"] == "error":
        return CRASHED, outputs, end["detail"], None
    return GRADED, outputs, "", end.get("cpu")


def crash_note(returncode: int | None, run: NotebookNode, outputs: dict[int, list]) -> str:
    """Why the notebook's Python stopped, and where, in words an instructor can act on."""
    if returncode is not None and returncode < 0:
        name = signal.Signals(-returncode).name if -returncode in signal.Signals._value2member_map_ else str(-returncode)
        why = {"SIGKILL": "it was killed, most likely for using more memory than allowed",
               "SIGSEGV": "it crashed inside a library (segmentation fault)"}.get(name, f"it was stopped by {name}")
    else:
        why = f"the code ended it (exit code {returncode}), for example with os._exit()"
    code_cells = [i for i, c in enumerate(run.cells) if c.cell_type == "code"]
    ran = sum(1 for i in code_cells if i in outputs)
    return (f"the notebook's Python stopped while running code cell {ran + 1} of {len(code_cells)}: {why}; "
            "the cells before it were graded, the rest earn nothing")


def _run_unsandboxed(argv, workdir, limits, write_end):
    from autograder.grading.sandbox import Outcome
    import subprocess

    try:
        done = subprocess.run(argv, cwd=workdir, capture_output=True, text=True, timeout=limits.seconds,
                              stdin=subprocess.DEVNULL,
                              pass_fds=(write_end,))
        return Outcome(done.returncode, done.stdout, done.stderr, timed_out=False)
    except subprocess.TimeoutExpired as expired:
        return Outcome(None, "", str(expired), timed_out=True)


def grade_submission(assignment: Assignment, folder: Path, limits: Limits = Limits(), sandboxed: bool = True) -> Graded:
    """Grade the notebook in a submission folder; the folder and its files are only ever read."""
    try:
        found = find_notebook(folder, assignment.notebook_name)
        submitted, read_note = read_notebook(found.path)
    except Unreadable as problem:
        return Graded(UNREADABLE, str(problem))
    assembled = assemble(assignment.source, submitted)
    status, outputs, detail, cpu = run_sandboxed(assignment, assembled.run, limits, sandboxed)
    executed = assembled.run
    for index, cell in enumerate(executed.cells):
        if cell.cell_type == "code" and index in outputs:
            cell.outputs = [nbformat.from_dict(o) for o in outputs[index]]
    dumps = {cell.metadata.get("course", {}).get("dump_for"): judge.read_dump(cell)
             for index, cell in enumerate(executed.cells) if index in outputs}
    reason = NOT_RUN.get(status, "Not run.")
    with _JUDGE_LOCK:
        results = [judge.judge_test(test, dumps.get(test.metadata.nbgrader.grade_id), assignment.support, reason)
                   for test in assembled.tests]
    results += [score_cell(cell) if index in outputs else
                TestResult(cells.grade_id(cell), cells.question(cell), 0.0, cells.points(cell), reason)
                for index, cell in enumerate(executed.cells) if cell.metadata.get("course", {}).get("inside")]
    note = "; ".join(filter(None, [found.note, read_note, detail if status != GRADED else ""]))
    return Graded(status, note, results, executed, assembled.repairs, cpu)
