"""A student in JupyterLab: open a released module, run it all, get a check wrong then right, and validate."""
import pytest

from autograder.build import build_course
from autograder.curriculum import course
from tests.e2e.conftest import code_cell, open_and_run_all, replace_and_run, serve, wait_for_output, wait_idle

pytestmark = pytest.mark.slow
MODULE = "09-evaluation"
PRINTED = "survey responses,"  # what the module's first worked example prints
SOLUTION = ('immediate = surveys[surveys["wave"] == "immediate"]\n'
            'per_session = immediate.groupby("session_id").size().reset_index(name="responses")\n'
            'surveyed = sessions.merge(per_session, on="session_id")\n'
            'fy25 = surveyed[(surveyed["fiscal_year"] == 2025) & surveyed["attendance"].notna()]\n'
            'response_rate = fy25["responses"].sum() / fy25["attendance"].sum()')


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    assert MODULE in [m.id for m in course().ready_modules]
    built = build_course(tmp_path_factory.mktemp("course") / "course", [MODULE])
    yield from serve(built.root, tmp_path_factory)


def test_a_student_runs_a_module_fixes_an_answer_and_validates(lab, browser, shots):
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    open_and_run_all(page, lab, f"release/{MODULE}/{MODULE}.ipynb", PRINTED, shots)

    replace_and_run(page, code_cell(page, "response_rate = ..."), "response_rate = 45.5")
    check = code_cell(page, 'check("q1")')
    check.locator(".jp-OutputArea-output").first.wait_for(timeout=30_000)
    wait_idle(page)
    wrong = check.locator(".jp-OutputArea").inner_text()
    shots(page, "check-says-wrong")
    assert "✘ Question 1: incorrect" in wrong and "response_rate" in wrong and "Traceback" not in wrong

    replace_and_run(page, code_cell(page, "response_rate = 45.5"), SOLUTION)
    wait_for_output(page, check, "✔")
    shots(page, "check-says-right")
    assert "✔ Question 1: correct" in check.locator(".jp-OutputArea").inner_text()

    page.keyboard.press("Control+S")
    page.wait_for_function("() => !document.querySelector('.jp-mod-current.jp-mod-dirty')", timeout=15_000)
    page.click(".jp-Toolbar >> text=Validate")
    dialog = page.locator(".jp-Dialog")
    dialog.wait_for(timeout=120_000)
    page.wait_for_function("() => !document.querySelector('.jp-Dialog').innerText.includes('Validating')",
                           timeout=120_000)
    shots(page, "validated")
    verdict = dialog.inner_text()
    # Only one answer is done: nbgrader lists what is still unanswered (the written answers), and nothing broke.
    assert "Validation Results" in verdict and "Traceback" not in verdict and "Error" not in verdict, verdict
    failures = verdict.count("The following cell failed")
    assert failures == verdict.count("You did not provide a response") > 0, verdict
    page.close()
