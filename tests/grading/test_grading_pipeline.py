"""Is `course grade` a faithful, resumable stand-in for `nbgrader autograde` (RELIABILITY cases 27-35)?

One small class (solution, untouched, each catalogued mistake, a late solution) is graded by plain nbgrader
and by `course grade` on copies of one course; the other tests grade fresh copies to break things on purpose.
"""
import os
import shutil
import signal
import subprocess
import sys
import time
from datetime import datetime

import nbformat
import pytest

from autograder.build import build_course
from autograder.grading import autograded
from autograder.grading.course_config import course_config, open_gradebook
from autograder.grading.gradebook_record import NotebookScores, record_submission
from autograder.grading.grade_class import GradingRefused, GradingStopped, course_lock, grade_course
from autograder.grading.nbgrader_autograde import autograde
from autograder.grading.sandbox import sandbox_available
from autograder.grading.score import TestResult
from autograder.mistakes import load_mistakes
from autograder.nbgrader_run import nbgrader
from autograder.notebooks.submissions import fill, solved, untouched, with_mistake
from tests.conftest import toy_module, tree_digest

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not sandbox_available() and not os.environ.get("CI"),
                                 reason="bubblewrap is not installed here (CI installs it and never skips)")]
NAME = "toy-module"
ON_TIME, LATE, DUE = "2026-11-20 10:00:00.000000 UTC", "2026-12-03 09:30:00.000000 UTC", datetime(2026, 12, 1)


def class_answers(source):
    """Each student's answers and hand-in time: the solution, the untouched notebook, each mistake, a late solution."""
    roster = {"s01_solution": (solved(source), ON_TIME), "s02_untouched": (untouched(source), ON_TIME),
              "s03_late_solution": (solved(source), LATE)}
    for number, mistake in enumerate(load_mistakes(toy_module().mistakes), start=4):
        roster[f"s{number:02d}_{mistake.id}"] = (with_mistake(source, mistake), ON_TIME)
    return roster


def hand_in(root, copies=1):
    """Write every student's submission (copies > 1 repeats the class under new names) and set a due date."""
    source = nbformat.read(root / "source" / NAME / f"{NAME}.ipynb", as_version=4)
    released = nbformat.read(root / "release" / NAME / f"{NAME}.ipynb", as_version=4)
    for copy in range(copies):
        for student, (answers, stamp) in class_answers(source).items():
            folder = root / "submitted" / (student if copy == 0 else f"{student}_{copy}") / NAME
            folder.mkdir(parents=True)
            nbformat.write(fill(released, source, answers), folder / f"{NAME}.ipynb")
            (folder / "timestamp.txt").write_text(stamp)
    with open_gradebook(root) as gradebook:
        gradebook.update_or_create_assignment(NAME, duedate=DUE)
    with open(root / "nbgrader_config.py", "a") as config:
        config.write("\nc.LateSubmissionPlugin.penalty_method = 'zero'\n")


def gradebook_scores(root):
    """Every recorded score: each cell's automatic score, and each submission's late penalty and total."""
    scores = {}
    with open_gradebook(root) as gradebook:
        for submission in gradebook.assignment_submissions(NAME):
            notebook = submission.notebooks[0]
            scores[(submission.student_id, "late penalty")] = notebook.late_submission_penalty
            scores[(submission.student_id, "score")] = submission.score
            for grade in notebook.grades:
                scores[(submission.student_id, grade.name)] = grade.auto_score
    return scores


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory, toy_course_module):
    """One class, handed in; graded by plain nbgrader on one copy and by `course grade` on another."""
    base = tmp_path_factory.mktemp("pipeline")
    built = build_course(base / "course", the_course=toy_course_module)
    hand_in(built.root)
    fresh = shutil.copytree(built.root, base / "fresh")
    plain = shutil.copytree(built.root, base / "plain")
    autograde(plain)
    submitted_before = tree_digest(built.root / "submitted")
    run = grade_course(built.root, workers=2)
    return {"root": built.root, "fresh": fresh, "plain": plain, "run": run,
            "reference": gradebook_scores(built.root), "submitted_before": submitted_before}


@pytest.fixture
def fresh_course(pipeline, tmp_path):
    """An ungraded copy of the class, to break on purpose."""
    return shutil.copytree(pipeline["fresh"], tmp_path / "course")


def test_honest_submissions_score_exactly_as_plain_nbgrader(pipeline):
    """Do the solution, the untouched notebook, each mistake and the late solution get nbgrader's own scores?"""
    plain = gradebook_scores(pipeline["plain"])
    assert plain and pipeline["reference"] == plain
    assert plain[("s03_late_solution", "late penalty")] > 0  # the course's 'zero' policy reached both graders


def test_nothing_in_submitted_is_written_moved_or_deleted(pipeline):
    assert tree_digest(pipeline["root"] / "submitted") == pipeline["submitted_before"]


def test_a_rerun_changes_no_score_and_keeps_manual_grades(pipeline):
    """Run again (unchanged, then forced): the same scores, and a grader's manual score stays put."""
    root = pipeline["root"]
    with open_gradebook(root) as gradebook:
        grade = gradebook.find_grade("q3_sentence", NAME, NAME, "s01_solution")
        grade.manual_score = 1.0
        gradebook.db.commit()
    again = grade_course(root, workers=2)
    assert again.skipped == len(again.statuses) and again.statuses == pipeline["run"].statuses
    forced = grade_course(root, workers=2, force=True)
    assert forced.skipped == 0 and forced.statuses == pipeline["run"].statuses
    with open_gradebook(root) as gradebook:
        assert gradebook.find_grade("q3_sentence", NAME, NAME, "s01_solution").manual_score == 1.0
    scores = gradebook_scores(root)
    changed = {k: (v, scores[k]) for k, v in pipeline["reference"].items() if scores[k] != v}
    assert set(changed) <= {("s01_solution", "score")}, changed


def test_feedback_shows_failure_messages_but_never_hidden_tests(pipeline):
    """Does nbgrader's own generate_feedback, run on our results, keep the hidden tests and expected values out?"""
    root = pipeline["root"]
    nbgrader(root, "generate_feedback", NAME, "--force")
    html = (root / "feedback" / "s04_counts-rows-not-attendance" / NAME / f"{NAME}.html").read_text()
    assert "the sum of recorded attendance" in html
    assert "HIDDEN TESTS" not in html and "_expected" not in html


def test_two_runs_at_once_are_refused_and_change_nothing(fresh_course):
    """While one run holds the course, does a second `course grade` refuse clearly, leaving no trace?"""
    with course_lock(fresh_course):
        with pytest.raises(GradingRefused, match="another `course grade`"):
            grade_course(fresh_course, workers=1)
        result = subprocess.run([sys.executable, "-c", "from autograder.cli import main; main()", "grade",
                                 "--course", str(fresh_course)], capture_output=True, text=True, timeout=120)
    assert result.returncode != 0 and "another `course grade`" in result.stderr
    assert not (fresh_course / "autograded").exists() or not any((fresh_course / "autograded").iterdir())


def test_a_hard_kill_midway_then_a_rerun_grades_everyone(fresh_course, pipeline):
    """Killed with SIGKILL after the first grade lands, does the next run finish every submission, skipping none?"""
    process = subprocess.Popen([sys.executable, "-c", "from autograder.cli import main; main()", "grade",
                                "--course", str(fresh_course), "--workers", "1"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 180
    while not list((fresh_course / "autograded").glob(f"*/{NAME}/{autograded.RECORD}")):
        assert process.poll() is None and time.monotonic() < deadline, "the first run ended before any grade landed"
        time.sleep(0.2)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    graded_before = len(list((fresh_course / "autograded").glob(f"*/{NAME}/{autograded.RECORD}")))
    assert graded_before < len(pipeline["run"].statuses), "the run finished before it could be killed"
    rerun = grade_course(fresh_course, workers=2)
    assert rerun.statuses == pipeline["run"].statuses and rerun.skipped == graded_before
    assert gradebook_scores(fresh_course) == pipeline["reference"]
    assert not list((fresh_course / "autograded").glob("*/.*"))  # no half-written folder left behind


def test_a_full_disk_stops_clearly_and_a_rerun_completes(fresh_course, pipeline, monkeypatch):
    """When results cannot be written, does grading stop with a clear message, keep the gradebook whole, and resume?"""
    real_write, writes = autograded.write_autograded, []

    def disk_fills_up(*args, **kwargs):
        writes.append(args[1])
        if len(writes) == 2:
            raise OSError(28, "No space left on device", str(fresh_course / "autograded"))
        return real_write(*args, **kwargs)

    monkeypatch.setattr(autograded, "write_autograded", disk_fills_up)
    with pytest.raises(GradingStopped, match="No space left on device") as stopped:
        grade_course(fresh_course, workers=1)
    assert "run `course grade` again" in str(stopped.value)
    monkeypatch.setattr(autograded, "write_autograded", real_write)
    rerun = grade_course(fresh_course, workers=2)
    assert rerun.statuses == pipeline["run"].statuses and rerun.skipped == 1
    assert gradebook_scores(fresh_course) == pipeline["reference"]


def test_a_notebook_is_recorded_all_at_once_or_not_at_all(fresh_course, monkeypatch):
    """If recording fails halfway through a notebook, is none of it in the gradebook?"""
    def fails_late(*args):
        raise RuntimeError("interrupted while recording")

    monkeypatch.setattr("autograder.grading.gradebook_record.late_penalty", fails_late)
    results = {"total_attendance_correct": TestResult("total_attendance_correct", "q1", 1.0, 1.0, "")}
    with open_gradebook(fresh_course) as gradebook, pytest.raises(RuntimeError):
        record_submission(gradebook, course_config(fresh_course), NAME, "s01_solution",
                          [NotebookScores(NAME, results, set())], None)
    with open_gradebook(fresh_course) as gradebook:
        assert gradebook.assignment_submissions(NAME) == []
        assert [s.id for s in gradebook.students if s.id == "s01_solution"] == []
