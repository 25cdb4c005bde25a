"""A self-paced learner: the `course lab` workspace opens in JupyterLab and a whole-question check works."""
import pytest

from autograder.selfpaced.workspace import open_workspace
from tests.e2e.conftest import code_cell, open_and_run_all, replace_and_run, serve, wait_for_output, wait_idle
from tests.e2e.test_student_in_jupyterlab import MODULE, PRINTED, SOLUTION

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    workspace = tmp_path_factory.mktemp("learner") / "workspace"
    open_workspace(workspace)
    yield from serve(workspace, tmp_path_factory)


def test_a_self_paced_learner_checks_a_whole_question(lab, browser, shots):
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    open_and_run_all(page, lab, f"{MODULE}/{MODULE}.ipynb", PRINTED, shots)
    whole = code_cell(page, 'check("q1")')
    whole.scroll_into_view_if_needed()
    wait_for_output(page, whole, "not attempted", timeout=60_000)
    shots(page, "not-attempted")

    replace_and_run(page, code_cell(page, "response_rate = ..."), SOLUTION)
    wait_idle(page)
    whole.locator(".cm-content").click()
    page.keyboard.press("Shift+Enter")
    wait_for_output(page, whole, "correct")
    shots(page, "question-correct")
    assert "✔ Question 1: correct" in whole.locator(".jp-OutputArea").inner_text()
    page.close()
