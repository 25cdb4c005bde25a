"""A JupyterLab server on localhost and a headless Debian Chromium driven by Playwright, for end-to-end tests."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from autograder.lab_settings import write_overrides

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "build" / "e2e-screenshots"


def browser_available() -> bool:
    try:
        import playwright  # noqa: F401
    except ImportError:
        return False
    return CHROMIUM.exists()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Lab:
    """A JupyterLab server started in a course folder, stopped when done; `url(path)` opens a path in it."""

    def __init__(self, root: Path, scratch: Path):
        self.root, self.port, self.token = root, free_port(), "e2e-" + os.urandom(8).hex()
        write_overrides()  # as `make install` does: the environment's JupyterLab defaults, as learners get them
        env = dict(os.environ, JUPYTERLAB_SETTINGS_DIR=str(scratch / "lab-settings"),
                   JUPYTER_RUNTIME_DIR=str(scratch / "runtime"))
        self.log = (scratch / "server.log").open("w")
        jupyter = Path(sys.executable).with_name("jupyter")
        self.process = subprocess.Popen(
            [str(jupyter), "lab", "--no-browser", "--ip=127.0.0.1", f"--port={self.port}", "--allow-root",
             f"--IdentityProvider.token={self.token}", f"--ServerApp.root_dir={root}"],
            cwd=root, env=env, stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True)
        self._wait_until_up()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}/{path.lstrip('/')}?token={self.token}"

    def _wait_until_up(self, seconds: float = 90) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(self.url("api/status"), timeout=2)
                return
            except OSError:
                if self.process.poll() is not None:
                    break
                time.sleep(0.3)
        self.stop()
        raise RuntimeError(f"JupyterLab did not start; see {self.log.name}")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
        self.log.close()


def code_cell(page, text):
    return page.locator(".jp-CodeCell", has=page.locator(".cm-content", has_text=text)).first


def replace_and_run(page, cell, code):
    """Type new code into a cell and run it and the check cell under it, as a learner would (Shift+Enter twice)."""
    cell.scroll_into_view_if_needed()
    cell.locator(".cm-content").click()
    page.keyboard.press("Control+A")
    page.keyboard.insert_text(code)
    page.keyboard.press("Shift+Enter")
    page.keyboard.press("Shift+Enter")


def wait_idle(page, timeout=120_000):
    page.wait_for_function(
        "() => [...document.querySelectorAll('.jp-StatusBar-TextItem')].some(e => e.textContent.includes('| Idle'))",
        timeout=timeout)


def serve(root: Path, tmp_path_factory):
    """A JupyterLab on `root` for a module-scoped fixture: `yield from serve(...)`; stopped afterwards."""
    server = Lab(root, tmp_path_factory.mktemp("lab"))
    yield server
    server.stop()


def wait_for_output(page, cell, text: str, timeout: int = 30_000) -> None:
    """Wait until a cell's output area shows `text`."""
    page.wait_for_function("([el, text]) => el.innerText.includes(text)",
                           arg=[cell.locator(".jp-OutputArea").element_handle(), text], timeout=timeout)


def open_and_run_all(page, lab: Lab, path: str, printed: str, shots) -> None:
    """Open a notebook as a learner would, check nothing covers it, and run all its cells.

    `printed` is text an early worked example prints: it shows the run really happened.
    """
    page.goto(lab.url(f"lab/tree/{path}"))
    page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=60_000)
    wait_idle(page)
    shots(page, "opened")
    assert page.locator(".jp-Dialog").count() == 0, "a dialog covers the notebook on opening"
    page.click(".lm-MenuBar-item:has-text('Run')")
    page.click(".lm-Menu-item:has-text('Run All Cells')")
    page.wait_for_selector(f"text={printed}", timeout=60_000)
    wait_idle(page)
    shots(page, "ran-all-cells")
