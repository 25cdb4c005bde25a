"""Does `course grade` use the gradebook nbgrader is configured with, a real PostgreSQL server as on a hub: grading,
re-running, a kill halfway, two runs at once, and the formgrader, export and report all reading that database?"""
import os
import signal
import subprocess
import sys
import time
import uuid

import pytest
from click.testing import CliRunner

from autograder.build import build_course
from autograder.cli import main
from autograder.grading import autograded
from autograder.grading.course_config import course_directory, gradebook_url, open_gradebook
from autograder.grading.grade_class import GradingRefused, course_lock, grade_course
from autograder.grading.sandbox import sandbox_available
from tests.grading.postgres import private_postgres, server_programs
from tests.grading.test_grading_pipeline import NAME, gradebook_scores, hand_in

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif((not sandbox_available() or server_programs() is None) and not os.environ.get("CI"),
                                 reason="bubblewrap or PostgreSQL is not installed here (CI installs both)")]


@pytest.fixture(scope="module")
def server():
    with private_postgres() as url:
        yield url


def new_database(server: str) -> str:
    """A fresh, empty database on the test's server, so each course has a gradebook of its own."""
    import psycopg
    name = f"course_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(server.replace("postgresql+psycopg", "postgresql"), autocommit=True) as connection:
        connection.execute(f"CREATE DATABASE {name}")
    return server.rsplit("/", 1)[0] + f"/{name}"


def handed_in(tmp_path, the_course, db_url=None):
    built = build_course(tmp_path / "course", the_course=the_course, db_url=db_url)
    hand_in(built.root)
    return built.root


@pytest.fixture(scope="module")
def graded(tmp_path_factory, toy_course_module, server):
    """The same class graded into SQLite (the reference) and into PostgreSQL."""
    on_sqlite = handed_in(tmp_path_factory.mktemp("sqlite"), toy_course_module)
    reference_run = grade_course(on_sqlite, workers=2)
    on_postgres = handed_in(tmp_path_factory.mktemp("postgres"), toy_course_module, new_database(server))
    run = grade_course(on_postgres, workers=2)
    return {"root": on_postgres, "run": run, "reference": gradebook_scores(on_sqlite), "statuses": reference_run.statuses}


def test_grades_land_in_the_configured_postgres_gradebook_and_nowhere_else(graded):
    """Are the scores in PostgreSQL those SQLite gets, with no gradebook.db written beside the course?"""
    root = graded["root"]
    assert gradebook_url(root).startswith("postgresql+psycopg://")
    assert gradebook_scores(root) == graded["reference"] and graded["run"].statuses == graded["statuses"]
    assert not (root / "gradebook.db").exists()


def test_the_formgrader_sees_the_scores(graded):
    """Does nbgrader's own API, which the formgrader reads, find each submission's score in that database?"""
    from nbgrader.apps.api import NbGraderAPI
    api = NbGraderAPI(coursedir=course_directory(graded["root"]))
    seen = {s["student"]: s["score"] for s in api.get_submissions(NAME)}
    expected = {student: score for (student, what), score in graded["reference"].items() if what == "score"}
    assert seen == pytest.approx(expected)


def test_export_and_report_read_the_same_database(graded, tmp_path):
    """Do `course export` and `course report` show the grades kept in PostgreSQL?"""
    runner = CliRunner()
    out = tmp_path / "grades.csv"
    result = runner.invoke(main, ["export", "--course", str(graded["root"]), "--out", str(out)])
    assert result.exit_code == 0, result.output
    text = out.read_text()
    assert "s01_solution" in text and ("graded" in text or "needs manual grading" in text)
    report = runner.invoke(main, ["report", "--course", str(graded["root"]), "--out", str(tmp_path / "report")])
    assert report.exit_code == 0, report.output
    assert "s01_solution" in (tmp_path / "report" / "index.html").read_text()


def test_a_rerun_changes_nothing_and_keeps_a_manual_grade(graded):
    root = graded["root"]
    with open_gradebook(root) as gradebook:
        gradebook.find_grade("q3_sentence", NAME, NAME, "s01_solution").manual_score = 1.0
        gradebook.db.commit()
    again = grade_course(root, workers=2)
    assert again.skipped == len(again.statuses)
    with open_gradebook(root) as gradebook:
        assert gradebook.find_grade("q3_sentence", NAME, NAME, "s01_solution").manual_score == 1.0


def test_a_kill_halfway_then_a_rerun_completes_on_postgres(tmp_path, toy_course_module, server, graded):
    """Killed mid-run, does the next run grade every submission into PostgreSQL, the same as before?"""
    root = handed_in(tmp_path, toy_course_module, new_database(server))
    process = subprocess.Popen([sys.executable, "-c", "from autograder.cli import main; main()", "grade",
                                "--course", str(root), "--workers", "1"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 180
    while not list((root / "autograded").glob(f"*/{NAME}/{autograded.RECORD}")):
        assert process.poll() is None and time.monotonic() < deadline, "the run ended before any grade landed"
        time.sleep(0.2)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    rerun = grade_course(root, workers=2)
    assert rerun.skipped >= 1 and rerun.statuses == graded["statuses"]
    assert gradebook_scores(root) == graded["reference"]


def test_two_runs_at_once_are_refused(graded):
    with course_lock(graded["root"]), pytest.raises(GradingRefused, match="another `course grade`"):
        grade_course(graded["root"], workers=1)
