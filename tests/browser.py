"""The browser fixtures, registered once for the whole run (tests/conftest.py): one Chromium per test process, shared
by the JupyterLab, report, site and JupyterHub tests (two Playwright sessions in one process cannot coexist)."""
import os
import shutil
from pathlib import Path

import pytest

from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS, SCREENSHOTS, browser_available


@pytest.fixture(scope="session")
def browser():
    if not browser_available():
        if os.environ.get("CI"):
            pytest.fail("Chromium or Playwright is missing; .ci/run installs them")
        pytest.skip("Chromium (apt: chromium) or Playwright is not installed here")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def shots(request):
    """shots("name") saves a screenshot of the page under build/e2e-screenshots/<test>/ for a person to look at."""
    folder = SCREENSHOTS / request.node.name
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    counter = iter(range(1, 100))

    def take(page, name: str) -> Path:
        path = folder / f"{next(counter):02d}-{name}.png"
        page.screenshot(path=str(path), full_page=False)
        return path
    return take
