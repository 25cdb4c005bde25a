"""An instructor in the formgrader: every module listed, a graded submission opened, a written answer graded."""
import csv

import pytest
from click.testing import CliRunner

from autograder.cli import main
from autograder.demo import run_demo
from tests.e2e.conftest import serve

pytestmark = pytest.mark.slow
WRITTEN = "q5_chart_description"  # 09-evaluation's written chart description, 2 points, graded by a person


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    out = tmp_path_factory.mktemp("demo")
    run_demo(out, ["09-evaluation"])
    yield from serve(out / "course", tmp_path_factory)


def exported(course_dir, out):
    result = CliRunner().invoke(main, ["export", "--course", str(course_dir), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return {row["student_id"]: row for row in csv.DictReader(out.open(encoding="utf-8"))}


def test_an_instructor_grades_a_written_answer_that_then_appears_in_the_export(graded, browser, shots, tmp_path):
    before = exported(graded.root, tmp_path / "before.csv")
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.goto(graded.url("lab"))  # signs in with the token, as following the server's link does
    page.wait_for_selector(".jp-LabShell", timeout=60_000)

    page.goto(graded.url("formgrader/manage_assignments"))
    page.wait_for_selector("text=Manage Assignments", timeout=30_000)
    for module in sorted(p.name for p in (graded.root / "source").iterdir() if p.is_dir()):
        page.wait_for_selector(f"td >> text={module}", timeout=30_000)
    shots(page, "every-module-listed")

    page.goto(graded.url("formgrader/gradebook/09-evaluation/09-evaluation"))
    first = page.locator("a.name-hidden[href*='/formgrader/submissions/']").first
    first.wait_for(timeout=30_000)
    shots(page, "submissions")
    first.click()

    score = page.locator(f"input#{WRITTEN}")
    score.wait_for(timeout=30_000)
    score.scroll_into_view_if_needed()
    shots(page, "submission-opened")
    with page.expect_response(lambda r: "/formgrader/api/grade/" in r.url and r.request.method == "PUT") as saved:
        score.fill("2")
        score.press("Tab")
    assert saved.value.ok
    shots(page, "written-answer-graded")
    page.close()

    after = exported(graded.root, tmp_path / "after.csv")
    changed = {s: (before[s]["score"], after[s]["score"]) for s in before if before[s]["score"] != after[s]["score"]}
    assert len(changed) == 1, changed
    (old, new), = changed.values()
    assert float(new) == float(old) + 2
