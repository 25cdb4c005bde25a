"""After the demo class is graded: feedback pages, the report and the Canvas file, as an instructor gets them."""
import dataclasses
import re

import pytest

from autograder.curriculum import course
from autograder.demo import run_demo
from tests.conftest import toy_module

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    out = tmp_path_factory.mktemp("demo")
    return run_demo(out, the_course=dataclasses.replace(course(), modules=(toy_module(),))) | {"out": out}


def test_every_graded_submission_has_a_feedback_page_without_hidden_tests(demo):
    """One page per graded submission: question titles, points, failure messages; never hidden test code."""
    graded = [r for r in demo["rows"] if r.score is not None]
    assert len(demo["feedback"]) == len(graded) > 0
    for page in demo["feedback"]:
        html = page.read_text(encoding="utf-8")
        assert "Total attendance" in html or "total attendance" in html.lower()
        for secret in ("HIDDEN TESTS", "_expected", "expect(", "return 30"):
            assert secret not in html, f"{secret!r} shown in {page}"
    wrong = next(p for p in demo["feedback"] if p.parent.parent.name == next(
        s for (s, _), prof in demo["profiles"].items() if "counts-rows-not-attendance" in prof.mistakes))
    assert "✘" in wrong.read_text(encoding="utf-8")


def test_the_report_has_each_chart_with_alt_text_and_a_description(demo):
    """Does index.html show the distribution, items, manual grading and a radar per student, all described?"""
    report = demo["report"]
    html = report.read_text(encoding="utf-8")
    images = re.findall(r'<img src="([^"]+)" alt="([^"]+)"><figcaption>([^<]+)</figcaption>', html)
    sources = {src for src, _, _ in images}
    assert {"scores_per_module.png", "item_analysis.png", "manual_grading.png"} <= sources
    assert sum(src.startswith("students/") for src in sources) == len({r.student_id for r in demo["rows"]})
    assert all((report.parent / src).stat().st_size > 1000 and alt and len(text) > 20 for src, alt, text in images)
    assert "Item analysis" in html and "difficulty" in html
    assert html.index("At a glance") < html.index("Scores per module")
    radars = [text for src, _, text in images if src.startswith("students/")]
    assert all("not a zero" in text for text in radars)  # the toy course assesses one competency of nine


def test_the_demo_leaves_grades_canvas_and_report_side_by_side(demo):
    out = demo["out"]
    assert (out / "grades.csv").exists() and (out / "canvas.csv").exists() and (out / "report" / "index.html").exists()
    assert "status" in (out / "grades.csv").read_text(encoding="utf-8").splitlines()[0]


def test_the_commands_write_what_they_say(demo, tmp_path):
    """Do `course export --format canvas`, `course feedback` and `course report` run on a graded course?"""
    from click.testing import CliRunner

    from autograder.cli import main

    course_dir = str(demo["course"])
    runner = CliRunner()
    canvas = runner.invoke(main, ["export", "--course", course_dir, "--format", "canvas", "--out",
                                  str(tmp_path / "c.csv")])
    assert canvas.exit_code == 0 and (tmp_path / "c.csv").read_text(encoding="utf-8").startswith("Student,ID,")
    assert "still need manual grading" in canvas.output
    pages = runner.invoke(main, ["feedback", "--course", course_dir])
    assert pages.exit_code == 0 and f"Wrote {len(demo['feedback'])} feedback page(s)" in pages.output
    report = runner.invoke(main, ["report", "--course", course_dir, "--out", str(tmp_path / "report")])
    assert report.exit_code == 0 and (tmp_path / "report" / "index.html").exists()
