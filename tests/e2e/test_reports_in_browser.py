"""The class report and a feedback page as an instructor and a student see them in Chromium: readable at 200% zoom
(nothing to scroll sideways), every chart with alt text and a description, screenshots kept for a person's eye."""
import dataclasses

import pytest

from autograder.curriculum import course
from autograder.demo import run_demo
from tests.conftest import toy_module

pytestmark = pytest.mark.slow
ZOOMED = {"width": 640, "height": 900}  # a 1280-pixel-wide window at 200% zoom


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    out = tmp_path_factory.mktemp("demo")
    return run_demo(out, the_course=dataclasses.replace(course(), modules=(toy_module(),)))


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
