"""A self-paced learner: the `course lab` workspace opens in JupyterLab and a whole-question check works."""
import pytest

from autograder.selfpaced.workspace import open_workspace
from tests.e2e.conftest import Lab, code_cell, replace_and_run, wait_idle
from tests.e2e.test_student_in_jupyterlab import MODULE, SOLUTION

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    workspace = tmp_path_factory.mktemp("learner") / "workspace"
    open_workspace(workspace)
    server = Lab(workspace, tmp_path_factory.mktemp("lab"))
    yield server
    server.stop()


def test_a_self_paced_learner_checks_a_whole_question(lab, browser, shots):
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.goto(lab.url(f"lab/tree/{MODULE}/{MODULE}.ipynb"))
    page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=60_000)
    wait_idle(page)
    assert page.locator(".jp-Dialog").count() == 0
    page.click(".lm-MenuBar-item:has-text('Run')")
    page.click(".lm-Menu-item:has-text('Run All Cells')")
    page.wait_for_selector("text=survey responses,", timeout=60_000)
    wait_idle(page)
    whole = code_cell(page, 'check("q1")')
    whole.scroll_into_view_if_needed()
    page.wait_for_function("(el) => el.innerText.includes('not attempted')",
                           arg=whole.locator(".jp-OutputArea").element_handle(), timeout=60_000)
    shots(page, "not-attempted")

    replace_and_run(page, code_cell(page, "response_rate = ..."), SOLUTION)
    wait_idle(page)
    whole.locator(".cm-content").click()
    page.keyboard.press("Shift+Enter")
    page.wait_for_function("(el) => el.innerText.includes('correct')",
                           arg=whole.locator(".jp-OutputArea").element_handle(), timeout=30_000)
    shots(page, "question-correct")
    assert "✔ Q1: correct" in whole.locator(".jp-OutputArea").inner_text()
    page.close()
