"""Grading on another machine: a submission and its assignment's files travel as packed folders, and a worker
unpacks them (each assignment's files once) and grades there exactly as a local run would."""
from __future__ import annotations

import hashlib
import io
import shutil
import tarfile
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

import nbformat

from autograder.grading.grade_one import Assignment, Graded
from autograder.grading.jobs import Job, grade_job
from autograder.grading.sandbox import Limits

SKIPPED = (".ipynb_checkpoints", "__pycache__")
_UNPACKED: dict[str, Path] = {}  # on a worker: each assignment's files, by their digest, for the worker's life
_UNPACKING = threading.Lock()


@dataclass(frozen=True)
class PackedJob:
    """A submission as it travels: whose, which assignment, its notebooks' sources, and its folder's files."""

    student: str
    assignment: str
    notebooks: tuple[tuple[str, str], ...]  # (notebook name, source notebook as JSON text)
    submission: bytes


def pack_folder(folder: Path) -> bytes:
    """A folder's files as a compressed archive (checkpoints and caches left out)."""
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        archive.add(folder, arcname=".", filter=lambda info: None if any(s in info.name for s in SKIPPED) else info)
    return buffer.getvalue()


def unpack_folder(data: bytes, folder: Path) -> Path:
    """Unpack an archive made by pack_folder, refusing any path that would land outside the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as archive:
        archive.extractall(folder, filter="data")
    return folder


def pack_support(folder: Path) -> bytes:
    return pack_folder(folder)


def pack_job(job: Job) -> PackedJob:
    return PackedJob(job.student, job.assignment,
                     tuple((part.notebook_id, nbformat.writes(part.source)) for part in job.parts),
                     pack_folder(job.folder))


def _support_here(data: bytes) -> Path:
    """The assignment's files unpacked on this worker, once."""
    digest = hashlib.sha256(data).hexdigest()
    with _UNPACKING:
        if digest not in _UNPACKED or not _UNPACKED[digest].exists():
            _UNPACKED[digest] = unpack_folder(data, Path(tempfile.mkdtemp(prefix="course-support-")))
        return _UNPACKED[digest]


def grade_packed(packed: PackedJob, support: bytes, limits: Limits, sandboxed: bool) -> tuple[dict[str, Graded], float]:
    """Runs on a worker: unpack the submission beside the assignment's files and grade every notebook."""
    folder = _support_here(support)
    parts = tuple(Assignment(packed.assignment, nbformat.reads(text, as_version=4), folder, name)
                  for name, text in packed.notebooks)
    scratch = Path(tempfile.mkdtemp(prefix="course-submission-"))
    try:
        submission = unpack_folder(packed.submission, scratch / packed.student / packed.assignment)
        return grade_job(Job(packed.student, parts, submission), limits, sandboxed)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
