"""`course grade`: every submission of a course graded in parallel sandboxes, recorded by one writer, resumable."""
from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

import nbformat
from nbformat import NotebookNode
from nbgrader.api import Gradebook, MissingEntry
from nbgrader.utils import compute_checksum, parse_utc
from sqlalchemy.exc import SQLAlchemyError

from autograder.grading import autograded
from autograder.grading.course_config import course_config, open_gradebook
from autograder.grading.gradebook_record import NotebookScores, record_submission
from autograder.grading.executors import LocalExecutor
from autograder.grading.grade_one import CRASHED, GRADED, TIMEOUT, UNREADABLE, Assignment, Graded, grade_submission
from autograder.grading.jobs import FAILED, Job
from autograder.grading.sandbox import Limits, SandboxUnavailable, sandbox_available
from autograder.grading.score import TestResult, score_cell
from autograder.notebooks import cells, submissions

GRADER_VERSION = "1"  # bump when a change to grading could change a score, so re-runs regrade everything
NEEDS_MANUAL = "needs manual grading"


class GradingRefused(RuntimeError):
    """Grading cannot start (another run holds the course, or the course is not built); nothing was changed."""


class GradingStopped(RuntimeError):
    """Grading stopped because a result could not be saved (disk full, read-only folder); what was saved stands."""


@dataclass
class GradeRun:
    """What one `course grade` run did: a status per submission, what it skipped, and how long it took."""

    statuses: dict[tuple[str, str], str] = field(default_factory=dict)
    notes: dict[tuple[str, str], str] = field(default_factory=dict)
    skipped: int = 0
    seconds: float = 0.0

    def counts(self) -> Counter:
        return Counter(self.statuses.values())


@contextlib.contextmanager
def course_lock(course_dir: Path) -> Iterator[None]:
    """Hold the course for one grading run; a second run at the same time is refused, not interleaved."""
    path = course_dir / ".course-grade.lock"
    with open(path, "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            raise GradingRefused(f"another `course grade` ({holder}) is grading {course_dir} right now; "
                                 "wait for it to finish, then run this again") from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"process {os.getpid()}")
        handle.flush()
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def load_assignments(course_dir: Path, names: list[str] | None) -> list[tuple[Assignment, ...]]:
    """Each assignment's notebooks (all of them, whatever their names) and folder; an unknown name is an error."""
    source = course_dir / "source"
    available = sorted(p.name for p in source.iterdir() if p.is_dir() and not p.name.startswith(".")) \
        if source.exists() else []
    unknown = sorted(set(names or []) - set(available))
    if unknown:
        raise GradingRefused(f"no assignment named {', '.join(unknown)} in {source}; "
                             f"this course has: {', '.join(available) or 'none'}")
    loaded = []
    for name in names or available:
        notebooks = sorted(p for p in (source / name).glob("*.ipynb") if p.is_file())
        if not notebooks:
            raise GradingRefused(f"{source / name} holds no notebook: put the assignment's source notebooks there "
                                 "(or rebuild the course with `course build`)")
        loaded.append(tuple(Assignment(name, nbformat.read(path, as_version=4), source / name, path.stem)
                            for path in notebooks))
    return loaded


def find_jobs(course_dir: Path, assignments: list[tuple[Assignment, ...]]) -> list[Job]:
    """Every submitted/STUDENT/ASSIGNMENT folder, in a stable order."""
    submitted = course_dir / "submitted"
    students = sorted(p.name for p in submitted.iterdir() if p.is_dir() and not p.name.startswith(".")) \
        if submitted.exists() else []
    return [Job(student, parts, submitted / student / parts[0].name) for parts in assignments for student in students
            if (submitted / student / parts[0].name).is_dir()]


def fingerprint(job: Job) -> str:
    """Changes whenever the submission, the assignment's source or data, or the grader changes."""
    digest = hashlib.sha256(GRADER_VERSION.encode())
    for folder in (job.folder, job.support):
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            digest.update(str(path.relative_to(folder)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def read_timestamp(job: Job) -> tuple[object, str]:
    """The submission time from timestamp.txt (as nbgrader reads it), and a note if it could not be read."""
    if not job.timestamp_file.is_file():
        return None, ""
    text = job.timestamp_file.read_text(encoding="utf-8", errors="replace").strip()
    try:
        return parse_utc(text), ""
    except Exception:  # dateutil raises several kinds for text that is not a date
        return None, f"timestamp.txt holds {text[:40]!r}, which is not a date; graded as on time"


def cell_results(source: NotebookNode, graded: Graded, released: dict[str, str] | None = None) -> dict[str, TestResult]:
    """A result for every graded cell of the source: tests as judged, written answers for a person.

    `released` holds the checksum of each answer cell as released (nbgrader's gradebook keeps them): a written answer
    still as released is "not answered" and earns 0, as in nbgrader.
    """
    results = {r.grade_id: r for r in graded.results}
    for cell in source.cells:
        gid = cells.grade_id(cell)
        if not cells.is_graded(cell) or gid in results:
            continue
        learner = next((c for c in (graded.executed.cells if graded.executed else []) if cells.grade_id(c) == gid), None)
        if learner is None:
            results[gid] = TestResult(gid, cells.question(cell), 0.0, cells.points(cell), graded.note or "not answered")
        elif cells.is_manually_graded(cell) and released and released.get(gid) == compute_checksum(learner):
            results[gid] = TestResult(gid, cells.question(cell), 0.0, cells.points(cell), "not answered")
        else:
            results[gid] = score_cell(learner)
    return results


def released_checksums(gradebook: Gradebook, part: Assignment) -> dict[str, str]:
    """The checksum nbgrader recorded for each written-answer cell as released, by grade id."""
    found = {}
    for cell in part.source.cells:
        if cells.is_manually_graded(cell):
            try:
                found[cells.grade_id(cell)] = gradebook.find_source_cell(cells.grade_id(cell), part.notebook_id,
                                                                         part.name).checksum
            except MissingEntry:
                continue
    return found


def grade_copy(assignment: Assignment, notebook: bytes) -> tuple[Graded, dict[str, TestResult]]:
    """Grade one notebook's bytes outside any course, as `course grade` would (sandboxed where bubblewrap is)."""
    with tempfile.TemporaryDirectory(prefix="course-one-") as folder:
        (Path(folder) / assignment.notebook_name).write_bytes(notebook)
        graded = grade_submission(assignment, Path(folder), sandboxed=sandbox_available())
    return graded, cell_results(assignment.source, graded)


def unanswered_cells(part: Assignment, graded: Graded) -> set[str]:
    """Answer cells still as released (nbgrader's "No response."), or every one when nothing could be read."""
    source = part.source
    blank = submissions.untouched(source)
    released = {gid: submissions.answered_source(cell, blank).strip()
                for gid, cell in submissions.solution_cells(source).items()}
    if graded.executed is None:
        return set(released)
    return {cells.grade_id(c) for c in graded.executed.cells
            if cells.grade_id(c) in released and c.source.strip() == released[cells.grade_id(c)]}


def final_status(graded: Graded, results: dict[str, TestResult]) -> str:
    if graded.status == GRADED and any(r.earned is None for r in results.values()):
        return NEEDS_MANUAL
    return graded.status


SEVERITY = [FAILED, CRASHED, TIMEOUT, UNREADABLE, NEEDS_MANUAL, GRADED]  # a submission is as bad as its worst notebook


def record(course_dir: Path, gradebook: Gradebook, config, job: Job, graded: dict[str, Graded], digest: str,
           seconds: float) -> str:
    """Gradebook first (one transaction for every notebook), then the autograded folder whose record marks the job
    done."""
    timestamp, time_note = read_timestamp(job)
    results = {part.notebook_id: cell_results(part.source, graded[part.notebook_id],
                                              released_checksums(gradebook, part)) for part in job.parts}
    record_submission(gradebook, config, job.assignment, job.student,
                      [NotebookScores(part.notebook_id, results[part.notebook_id],
                                      unanswered_cells(part, graded[part.notebook_id])) for part in job.parts],
                      timestamp)
    statuses = [final_status(graded[p.notebook_id], results[p.notebook_id]) for p in job.parts]
    status = min(statuses, key=SEVERITY.index)
    several = len(job.parts) > 1
    notes = [f"{p.notebook_name}: {graded[p.notebook_id].note}" if several else graded[p.notebook_id].note
             for p in job.parts if graded[p.notebook_id].note]
    note = "; ".join(filter(None, [*notes, time_note]))
    notebooks = {}
    for part in job.parts:
        done = graded[part.notebook_id]
        notebooks[part.notebook_name] = None if done.executed is None else autograded.graded_notebook(
            done.executed, [c for c in part.source.cells if cells.is_autograded_test(c)],
            list(results[part.notebook_id].values()), done.note if done.status != GRADED else "")
    repairs = [r for p in job.parts for r in graded[p.notebook_id].repairs]
    autograded.write_autograded(course_dir, job.student, job.assignment, notebooks,
                                autograded.record_for(status, note, repairs,
                                                      {k: list(v.values()) for k, v in results.items()}, digest,
                                                      seconds),
                                job.timestamp_file)
    return status


def check_gradebook(gradebook: Gradebook, assignments: list[tuple[Assignment, ...]]) -> None:
    for parts in assignments:
        for part in parts:
            try:
                gradebook.find_notebook(part.notebook_id, part.name)
            except MissingEntry:
                raise GradingRefused(f"the gradebook does not know {part.name} / {part.notebook_name}: run "
                                     "`course build` (or `nbgrader generate_assignment`) first") from None


def grade_course(course_dir: Path, names: list[str] | None = None, workers: int | None = None,
                 sandboxed: bool = True, limits: Limits = Limits(), force: bool = False,
                 on_progress: Callable[[int, int, str], None] | None = None, executor=None) -> GradeRun:
    """Grade every submission not already graded as it stands; never write inside submitted/.

    Submissions run on `executor` (by default this machine's cores; a DaskExecutor sends them to a cluster's
    workers), and this process alone records each result as it returns.
    """
    course_dir = course_dir.resolve()
    if sandboxed and executor is None and not sandbox_available():
        raise SandboxUnavailable(
            "bubblewrap (bwrap) is not installed, so student code cannot be isolated. Install it "
            "(Debian/Ubuntu: sudo apt-get install bubblewrap), or pass --no-sandbox to grade without "
            "isolation on a machine you trust.")
    started = time.perf_counter()
    run = GradeRun()
    with course_lock(course_dir):
        assignments = load_assignments(course_dir, names)
        jobs = find_jobs(course_dir, assignments)
        todo = []
        for job in jobs:
            digest = fingerprint(job)
            done = autograded.read_record(course_dir, job.student, job.assignment)
            if not force and done and done.get("fingerprint") == digest:
                run.skipped += 1
                run.statuses[(job.student, job.assignment)] = done["status"]
            else:
                todo.append((job, digest))
        config = course_config(course_dir)
        with open_gradebook(course_dir) as gradebook:
            check_gradebook(gradebook, assignments)
            finished = 0
            digests = {id(job): digest for job, digest in todo}
            runner = executor or LocalExecutor(workers or os.cpu_count() or 1)
            results = runner.results([job for job, _ in todo], limits, sandboxed)
            with contextlib.closing(results):  # stopping early cancels what has not run yet
                for job, graded, seconds in results:
                    digest = digests[id(job)]
                    key = (job.student, job.assignment)
                    failed = [g for g in graded.values() if g.status == FAILED]
                    try:
                        run.statuses[key] = FAILED if failed else \
                            record(course_dir, gradebook, config, job, graded, digest, seconds)
                    except (OSError, SQLAlchemyError) as error:
                        raise GradingStopped(
                            f"could not save the grade of {job.student} / {job.assignment}: {_reason(error)}. "
                            f"The {finished} grade(s) saved before it are complete and kept, and no submission "
                            "was touched. Free some disk space or make the course folder writable, then run "
                            "`course grade` again: it carries on from here.") from error
                    notes = "; ".join(g.note for g in graded.values() if g.note)
                    if notes:
                        run.notes[key] = notes
                    finished += 1
                    if on_progress:
                        on_progress(finished, len(todo), f"{job.student} / {job.assignment}")
    run.seconds = time.perf_counter() - started
    return run


def _reason(error: Exception) -> str:
    if isinstance(error, OSError):
        return f"{error.strerror or error} ({error.filename})" if error.filename else str(error.strerror or error)
    return str(getattr(error, "orig", None) or error).splitlines()[0]
