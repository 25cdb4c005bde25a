"""One submission to grade (whose, which assignment, where), and grading all its notebooks wherever it runs."""
from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from autograder.grading.grade_one import Assignment, Graded, grade_submission
from autograder.grading.sandbox import Limits

FAILED = "failed to grade"


@dataclass(frozen=True)
class Job:
    """One submission to grade: whose, for which assignment (each of its notebooks), and where it lies."""

    student: str
    parts: tuple[Assignment, ...]
    folder: Path

    @property
    def assignment(self) -> str:
        return self.parts[0].name

    @property
    def support(self) -> Path:
        return self.parts[0].support

    @property
    def timestamp_file(self) -> Path:
        return self.folder / "timestamp.txt"


def grade_job(job: Job, limits: Limits, sandboxed: bool) -> tuple[dict[str, Graded], float]:
    """Every notebook of one submission, graded in turn; a fault of the grader costs that submission a status."""
    started = time.perf_counter()
    graded = {}
    for part in job.parts:
        try:
            graded[part.notebook_id] = grade_submission(part, job.folder, limits, sandboxed)
        except Exception as error:  # a fault of the grader itself must cost one submission a status, not the class
            graded[part.notebook_id] = Graded(
                FAILED, f"the grader itself failed on {part.notebook_name} ({type(error).__name__}: {error}); "
                        "nothing was recorded and its file is untouched; please report this")
    return graded, time.perf_counter() - started
