"""What people do on the hub in the tests: log in through its page, run nbgrader as themselves, answer a notebook."""
from __future__ import annotations

import json
from pathlib import Path

import nbformat

from autograder.hub.layout import Hub
from autograder.hub.users import as_user
from tests.e2e.conftest import SCREENSHOTS

MODULE = "09-evaluation"


def shot(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"hub-{name}.png"))


def log_in(browser, hub: Hub, user: str, password: str):
    """A fresh browser session that logs in on the hub's login page and waits for the user's JupyterLab."""
    page = browser.new_context(viewport={"width": 1400, "height": 900}).new_page()
    page.goto(f"{hub.url}/hub/login")
    page.fill("input#username_input", user)
    page.fill("input#password_input", password)
    page.click("#login_submit")
    page.wait_for_selector(".jp-LabShell", timeout=180_000)
    return page


def user_url(hub: Hub, user: str, path: str) -> str:
    return f"{hub.url}/user/{user}/{path.lstrip('/')}"


def run_as(hub: Hub, user: str, *argv: str, check: bool = True):
    """A command of the hub's Python environment run as `user` in their home, with the hub's nbgrader settings."""
    program = str(hub.python_env / "bin" / argv[0])
    done = as_user(user, ["env", f"JUPYTER_CONFIG_PATH={hub.shared_config}", program, *argv[1:]])
    assert not check or done.returncode == 0, f"{argv} as {user}:\n{done.stdout}\n{done.stderr}"
    return done


def fetched_notebook(hub: Hub, student: str) -> Path:
    return hub.home(student) / MODULE / f"{MODULE}.ipynb"


def answer_with_solutions(hub: Hub, student: str) -> int:
    """Copy each answer cell's solution from the instructor's source notebook into the student's fetched notebook,
    written as the student (who cannot read the source); returns the cells answered."""
    source = nbformat.read(hub.course() / "source" / MODULE / f"{MODULE}.ipynb", as_version=4)
    solutions = {c.metadata.get("nbgrader", {}).get("grade_id"): c.source for c in source.cells
                 if c.metadata.get("nbgrader", {}).get("solution")}
    path = fetched_notebook(hub, student)
    notebook = nbformat.read(path, as_version=4)
    answered = 0
    for cell in notebook.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        if grade_id in solutions:
            cell.source, answered = solutions[grade_id], answered + 1
    done = as_user(student, ["tee", str(path)], input=json.dumps(nbformat.from_dict(notebook), indent=1))
    assert done.returncode == 0, done.stderr
    return answered
