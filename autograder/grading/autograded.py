"""The autograded/ folder nbgrader's formgrader and feedback read, written whole or not at all, with a status record."""
from __future__ import annotations

import copy
import json
import shutil
from dataclasses import asdict
from pathlib import Path

import nbformat
from nbformat import NotebookNode

from autograder.grading.score import TestResult
from autograder.notebooks import regions

RECORD = ".course-grading.json"  # a dot file: nbgrader leaves it out of feedback and releases
SUBMISSION_SECRET = "submission_secret.txt"  # written by `nbgrader submit`, kept by `collect`


def autograded_dir(course_dir: Path, student: str, assignment: str) -> Path:
    return course_dir / "autograded" / student / assignment


def read_record(course_dir: Path, student: str, assignment: str) -> dict | None:
    """The grading record of a finished submission, or None if it was never (completely) graded."""
    path = autograded_dir(course_dir, student, assignment) / RECORD
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def test_outputs(result: TestResult) -> list[NotebookNode]:
    """What a test cell shows in the formgrader: its message, as an error when it failed (nbgrader's rule)."""
    if result.earned == 0.0 and result.possible > 0:
        message = result.message or "This test did not pass."
        return [nbformat.v4.new_output("error", ename="Not passed", evalue=message, traceback=[message])]
    if result.message:
        return [nbformat.v4.new_output("stream", name="stdout", text=result.message + "\n")]
    return []


def graded_notebook(executed: NotebookNode, tests: list[NotebookNode], results: list[TestResult],
                    note: str) -> NotebookNode:
    """The run notebook with each stand-in cell replaced by its test cell and the test's outcome.

    Hidden tests are left out: nbgrader's feedback is rendered from this notebook, and must never show them.
    """
    by_id = {r.grade_id: r for r in results}
    tests_by_id = {t.metadata.nbgrader.grade_id: t for t in tests}
    notebook = copy.deepcopy(executed)
    for index, cell in enumerate(notebook.cells):
        dump_for = cell.metadata.get("course", {}).get("dump_for")
        if dump_for in tests_by_id:
            test = copy.deepcopy(tests_by_id[dump_for])
            test.source = regions.without_hidden_tests(test.source)
            test.outputs, test.execution_count = test_outputs(by_id[dump_for]), None
            notebook.cells[index] = test
    if note:
        notebook.cells.insert(0, nbformat.v4.new_markdown_cell(f"**Grading note:** {note}"))
    return notebook


def write_autograded(course_dir: Path, student: str, assignment: str, notebooks: dict[str, NotebookNode | None],
                     record: dict, timestamp_file: Path | None) -> None:
    """Replace autograded/STUDENT/ASSIGNMENT, every notebook of it, in one step: a half-written folder is never left
    in its place. `notebooks` maps each file name to its graded notebook (None: nothing could be run)."""
    final = autograded_dir(course_dir, student, assignment)
    staging = final.with_name(f".{assignment}.writing")
    retired = final.with_name(f".{assignment}.old")
    for leftover in (staging, retired):
        shutil.rmtree(leftover, ignore_errors=True)
    staging.mkdir(parents=True)
    for notebook_name, notebook in notebooks.items():
        if notebook is not None:
            nbformat.write(notebook, staging / notebook_name)
    if timestamp_file is not None and timestamp_file.is_file():
        shutil.copyfile(timestamp_file, staging / "timestamp.txt")
        # nbgrader's exchange names a student's released feedback after this secret (release_feedback reads it here)
        secret = timestamp_file.with_name(SUBMISSION_SECRET)
        if secret.is_file():
            shutil.copyfile(secret, staging / SUBMISSION_SECRET)
    (staging / RECORD).write_text(json.dumps(record, indent=1, ensure_ascii=False), encoding="utf-8")
    if final.exists():
        final.rename(retired)
    staging.rename(final)
    shutil.rmtree(retired, ignore_errors=True)


def record_for(status: str, note: str, repairs: list[str], results: dict[str, list[TestResult]], fingerprint: str,
               seconds: float) -> dict:
    """What the export and the next run read: the status, why, what was repaired, and each test's outcome (with the
    notebook it belongs to)."""
    return {"status": status, "note": note, "repairs": repairs, "fingerprint": fingerprint,
            "seconds": round(seconds, 2),
            "results": [asdict(r) | {"notebook": name} for name, found in results.items() for r in found]}
