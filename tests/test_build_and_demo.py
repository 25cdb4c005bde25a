"""Does `course build` make a plain nbgrader course, and does the demo grade a class the way profiles predict?"""
import csv
import dataclasses

import nbformat
import pytest

from autograder.demo import ROSTER, run_demo
from autograder.mistakes import load_mistakes
from autograder.nbgrader_run import nbgrader
from autograder.notebooks import cells, regions, submissions
from autograder.curriculum import course
from tests.conftest import toy_module

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    out = tmp_path_factory.mktemp("demo")
    toy = dataclasses.replace(course(), modules=(toy_module(),))
    return run_demo(out, the_course=toy) | {"out": out}


def test_release_hides_solutions_hidden_tests_and_mark_schemes(demo):
    """Does the released notebook hold the scaffold but no solution, hidden test or mark scheme?"""
    release = demo["course"] / "release" / "toy-module"
    text = (release / "toy-module.ipynb").read_text()
    for secret in ("BEGIN SOLUTION", "HIDDEN TESTS", "Mark scheme", "_expected", "sessions['attendance'].sum()"):
        assert secret not in text
    assert "total_attendance = ..." in text and (release / "coursecheck" / "__init__.py").exists()
    import nbformat
    from autograder.notebooks import cells
    tests = [c for c in nbformat.read(release / "toy-module.ipynb", as_version=4).cells if cells.is_autograded_test(c)]
    assert tests and all(c.source.startswith("# Is") or c.source.startswith("# Does") for c in tests), \
        [c.source[:40] for c in tests]  # the question a test checks, as a comment: never an output that looks like a result
    checks = (release / "checks.json").read_text()
    assert '"fingerprints"' in checks and "sessions['attendance']" not in checks and "_expected" not in checks
    assert (demo["course"] / "zips" / "toy-module.zip").exists()


def test_release_cells_are_what_the_simulator_assumes(demo):
    """Is every released solution cell exactly the scaffold the simulator gives an untouched learner?"""
    source = nbformat.read(demo["course"] / "source" / "toy-module" / "toy-module.ipynb", as_version=4)
    release = nbformat.read(demo["course"] / "release" / "toy-module" / "toy-module.ipynb", as_version=4)
    untouched = submissions.fill(source, source, submissions.untouched(source))
    expected = {cells.grade_id(c): c.source for c in untouched.cells if cells.is_solution(c)}
    assert {cells.grade_id(c): c.source for c in release.cells if cells.is_solution(c)} == expected
    for cell in release.cells:
        if cells.is_autograded_test(cell):
            original = next(c for c in source.cells if cells.grade_id(c) == cells.grade_id(cell))
            assert cell.source == regions.without_hidden_tests(original.source)


def test_nbgrader_validate_passes_a_solved_notebook(demo, tmp_path):
    """Does nbgrader's own validate accept a solved copy of the released notebook?"""
    solved_path = demo["course"] / "submitted" / ROSTER[0][0] / "toy-module" / "toy-module.ipynb"
    log = nbgrader(demo["course"], "validate", str(solved_path))
    assert "Success! Your notebook passes all the tests." in log


def test_gradebook_scores_match_each_students_profile(demo):
    """Does every student score full, zero, or full minus exactly the tests their mistakes fail?"""
    catalogue = {m.id: m for m in load_mistakes(toy_module().mistakes)}
    points = {"total_attendance_correct": 1.0, "per_branch_counts": 2.0}
    rows = {r.student_id: r for r in demo["rows"]}
    for (student, _), profile in demo["profiles"].items():
        row = rows[student]
        if profile.kind == "absent":
            assert row.status == "not submitted" and row.score is None
            continue
        lost = {t for m in profile.mistakes for t in catalogue[m].fails}
        expected = 0.0 if profile.kind == "untouched" else sum(points.values()) - sum(points[t] for t in lost)
        assert row.score == expected, (student, profile)
        assert row.status == ("graded" if profile.kind == "untouched" else "needs manual grading")


def test_grades_csv_is_valid_and_complete(demo):
    """Has grades.csv one parseable row per student, with quoted names intact?"""
    with (demo["out"] / "grades.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == len(ROSTER) >= 20
    assert {"Smith, Jr.", "O'Brien", "Nguyễn"} <= {r["last_name"] for r in rows}
    assert {r["status"] for r in rows} <= {"graded", "needs manual grading", "not submitted", "failed to grade"}
    assert all(r["max_score"] == "4" for r in rows)
