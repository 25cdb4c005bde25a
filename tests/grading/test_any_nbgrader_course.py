"""Does `course grade` grade a course no one here wrote, as plain nbgrader does: nbgrader's own documentation
course, with two notebooks per assignment, an image beside them and plain assert tests on the student's functions?"""
import os
import shutil
from pathlib import Path

import nbgrader
import pytest

from autograder.grading import autograded
from autograder.grading.course_config import open_gradebook
from autograder.grading.grade_class import grade_course
from autograder.grading.sandbox import sandbox_available
from autograder.nbgrader_run import nbgrader as run_nbgrader

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not sandbox_available() and not os.environ.get("CI"),
                                 reason="bubblewrap is not installed here (CI installs it and never skips)")]
GUIDE = Path(nbgrader.__file__).parent / "docs" / "source" / "user_guide"
STUDENTS = ("bitdiddle", "hacker")


def docs_course(root: Path) -> Path:
    """nbgrader's user-guide course as an instructor would have it: sources, two submissions, a gradebook."""
    shutil.copytree(GUIDE / "source" / "ps1", root / "source" / "ps1")
    for student in STUDENTS:
        shutil.copytree(GUIDE / "submitted" / student / "ps1", root / "submitted" / student / "ps1")
    (root / "nbgrader_config.py").write_text('c = get_config()\nc.CourseDirectory.course_id = "course101"\n'
                                             f'c.Exchange.root = "{root / "exchange"}"\n')
    (root / "exchange").mkdir()
    run_nbgrader(root, "generate_assignment", "ps1", "--force")
    return root


def scores(root: Path) -> dict:
    """Every cell's automatic score in every notebook, and each submission's total."""
    found = {}
    with open_gradebook(root) as gradebook:
        for submission in gradebook.assignment_submissions("ps1"):
            found[(submission.student_id, "score")] = submission.score
            for notebook in submission.notebooks:
                for grade in notebook.grades:
                    found[(submission.student_id, notebook.name, grade.name)] = grade.auto_score
    return found


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    plain = docs_course(tmp_path_factory.mktemp("plain"))
    run_nbgrader(plain, "autograde", "ps1", "--force")
    ours = docs_course(tmp_path_factory.mktemp("ours"))
    run = grade_course(ours, sandboxed=sandbox_available())
    return plain, ours, run


def test_every_notebook_scores_as_nbgrader_autograde_scores_it(graded):
    """Do both notebooks of ps1, for both students, get the very scores plain nbgrader gives them, cell by cell?"""
    plain, ours, _ = graded
    reference = scores(plain)
    assert any(key[1:] == ("problem2", "correct_squares") or key[1] == "problem2" for key in reference if len(key) == 3)
    assert scores(ours) == reference


def test_each_submission_is_recorded_whole_with_its_notebooks_and_extra_files(graded):
    """Is each submission one record, its notebooks both in autograded/, and the image they show beside them?"""
    _, ours, run = graded
    assert set(run.statuses) == {(s, "ps1") for s in STUDENTS}
    for student in STUDENTS:
        folder = autograded.autograded_dir(ours, student, "ps1")
        assert (folder / "problem1.ipynb").exists() and (folder / "problem2.ipynb").exists()
        record = autograded.read_record(ours, student, "ps1")
        assert {r["notebook"] for r in record["results"]} == {"problem1", "problem2"}


def test_a_rerun_regrades_nothing_and_changes_nothing(graded):
    """Is a second run a no-op, with the same scores?"""
    _, ours, _ = graded
    before = scores(ours)
    again = grade_course(ours, sandboxed=sandbox_available())
    assert again.skipped == len(STUDENTS) and scores(ours) == before
