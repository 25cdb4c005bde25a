"""Recording one submission's scores into nbgrader's gradebook in a single transaction, as nbgrader would."""
from __future__ import annotations

import contextlib
import warnings
from dataclasses import dataclass
from datetime import datetime

from nbgrader.api import Gradebook
from sqlalchemy.exc import SAWarning
from nbgrader.plugins import LateSubmissionPlugin
from traitlets.config import Config

from autograder.grading.score import TestResult


@contextlib.contextmanager
def one_transaction(gradebook: Gradebook):
    """Everything written inside lands with one commit at the end, or not at all.

    nbgrader's Gradebook commits after each step; here those commits become flushes into one transaction.
    """
    session = gradebook.db
    real_commit = session.commit
    session.commit = session.flush
    try:
        yield gradebook
    except BaseException:
        session.rollback()
        raise
    else:
        real_commit()
    finally:
        session.commit = real_commit


@dataclass(frozen=True)
class NotebookScores:
    """One notebook's results to record: each grade id's result, and the answer cells left as released."""

    notebook: str
    results: dict[str, TestResult]
    unanswered: set[str]


def record_submission(gradebook: Gradebook, config: Config, assignment: str, student: str,
                      notebooks: list[NotebookScores], timestamp: datetime | None) -> None:
    """Write each graded cell's automatic score in every notebook of the submission, keep every manual score, and
    apply the late penalty: all in one transaction.

    A result's `earned` of None means a person must grade it. Answer cells left as released get nbgrader's
    "No response." comment. A grade that already has a manual score is kept and flagged for review, as nbgrader does.
    """
    with one_transaction(gradebook), warnings.catch_warnings():
        # nbgrader's add_submission autoflushes a half-built row inside one transaction; SQLAlchemy warns, harmlessly.
        warnings.simplefilter("ignore", SAWarning)
        try:
            gradebook.find_student(student)
        except Exception:
            gradebook.add_student(student)
        extra = {"timestamp": timestamp} if timestamp else {}
        submission = gradebook.update_or_create_submission(assignment, student, **extra)
        if timestamp is None:
            submission.timestamp = None
        for scores in notebooks:
            submitted = gradebook.find_submission_notebook(scores.notebook, assignment, student)
            for grade in submitted.grades:
                result = scores.results.get(grade.name)
                earned = None if result is None else result.earned
                grade.auto_score = None if earned is None else min(max(earned, 0.0), grade.max_score)
                grade.needs_manual_grade = grade.manual_score is not None or grade.auto_score is None
            for comment in submitted.comments:
                comment.auto_comment = "No response." if comment.name in scores.unanswered else None
            gradebook.db.flush()
            submitted.late_submission_penalty = late_penalty(config, student, submitted, submission)


def late_penalty(config: Config, student: str, submitted, submission) -> float | None:
    """nbgrader's own late-submission plugin, configured as the course configures it."""
    seconds_late = submission.total_seconds_late
    if not seconds_late or seconds_late <= 0:
        return None
    penalty = LateSubmissionPlugin(config=config).late_submission_penalty(student, submitted.score, seconds_late)
    if penalty is None:
        return None
    return min(max(penalty, 0.0), submitted.score)
