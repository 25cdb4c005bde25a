"""The class report, a feedback page and the course website as instructors and students see them in Chromium:
readable at 200% zoom (nothing to scroll sideways), every chart with alt text and a description, no serious or
critical axe-core violation, no answer on a learner's page; screenshots kept for a person's eye."""
import dataclasses
import html
import re

import pytest

from autograder.curriculum import course
from autograder.demo import run_demo
from autograder.notebooks import regions
from tests.conftest import toy_module

pytestmark = pytest.mark.slow
ZOOMED = {"width": 640, "height": 900}  # a 1280-pixel-wide window at 200% zoom


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    out = tmp_path_factory.mktemp("demo")
    return run_demo(out, the_course=dataclasses.replace(course(), modules=(toy_module(),)), site=True)


def look_at(browser, path, shots, name):
    page = browser.new_page(viewport=ZOOMED, device_scale_factor=2)
    page.goto(path.as_uri())
    shots(page, f"{name}-top")
    page.evaluate("window.scrollTo(0, document.body.scrollHeight / 2)")
    shots(page, f"{name}-middle")
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    images = page.evaluate("[...document.images].map(i => [i.alt, i.naturalWidth, "
                           "(i.closest('figure')?.querySelector('figcaption')?.innerText || '')])")
    text = page.inner_text("main")
    page.close()
    return overflow, images, text


def test_the_report_reads_at_200_percent_and_opens_with_what_to_do(demo, browser, shots):
    overflow, images, text = look_at(browser, demo["report"], shots, "report")
    assert overflow <= 1, f"the report scrolls sideways by {overflow}px at 200% zoom"
    assert images and all(alt and width > 0 and len(caption) > 20 for alt, width, caption in images), images
    assert text.index("At a glance") < text.index("Scores per module")
    assert "Who is behind" in text and "Waiting for you" in text and "Questions to look at first" in text


def test_a_feedback_page_reads_at_200_percent(demo, browser, shots):
    overflow, _, text = look_at(browser, demo["feedback"][0], shots, "feedback")
    assert overflow <= 1, f"the feedback page scrolls sideways by {overflow}px at 200% zoom"
    assert "points" in text and "HIDDEN TESTS" not in text


def page_text(path):
    """What a page says, tags removed (code highlighting splits a line into many tags)."""
    text = re.sub(r"<[^>]+>", "", path.read_text(encoding="utf-8"))
    return re.sub(r"\s+", " ", html.unescape(text))


def answers(notebook_path):
    """Every line of a module's solutions and hidden tests (model answers of written questions included) that the
    learner's notebook does not also show elsewhere (an import, say)."""
    import nbformat

    notebook = nbformat.read(notebook_path, as_version=4)
    lines, shown = [], set()
    for cell in notebook.cells:
        for region in (regions.solution_region(cell.source), regions.hidden_tests_region(cell.source)):
            lines += [line.strip() for line in region.splitlines() if len(line.strip()) > 12]
        visible = regions.without_hidden_tests(regions.with_answer(cell.source, ""))
        shown |= {line.strip() for line in visible.splitlines()}
    return [line for line in lines if line not in shown]


def test_the_learners_site_holds_no_answer_and_no_instructor_page(demo):
    site = demo["site"].parent
    secret = answers(toy_module().notebook)
    assert secret, "the toy module's solutions were not found"
    for page in site.rglob("*.html"):
        text = page_text(page)
        shown = [line for line in secret if re.sub(r"\s+", " ", line) in text]
        assert not shown, f"{page.relative_to(site)} shows answers: {shown}"
    assert not (site / "instructor").exists() and "Instructor" not in page_text(site / "index.html")
    guide = page_text(demo["instructor_site"].parent / "instructor" / "toy-module.html")
    assert "Central held most sessions." in guide, "the instructors' guide shows the model answer (the check can see one)"


PAGES = {"site-home": ("site", "index.html"), "site-module": ("site", "modules/toy-module/toy-module.html"),
         "site-syllabus": ("site", "syllabus.html"),
         "instructor-guide": ("instructor_site", "instructor/toy-module.html")}


def open_page(demo, name):
    if name == "report":
        return demo["report"]
    if name == "feedback":
        return demo["feedback"][0]
    site, path = PAGES[name]
    return demo[site].parent / path


@pytest.mark.parametrize("name", ["report", "feedback", *PAGES])
def test_no_serious_accessibility_violation(demo, browser, shots, name):
    from axe_playwright_python.sync_playwright import Axe

    page = browser.new_page(viewport={"width": 1280, "height": 1000})
    page.goto(open_page(demo, name).as_uri())
    shots(page, name)
    violations = Axe().run(page).response["violations"]
    page.close()
    serious = [(v["id"], v["impact"], v["help"], [n["target"] for n in v["nodes"][:3]])
               for v in violations if v["impact"] in ("serious", "critical")]
    assert not serious, serious
