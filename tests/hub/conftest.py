"""A class on a real JupyterHub for a test: unique local users, PostgreSQL for hub and gradebook, removed after."""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import uuid
from pathlib import Path

import pytest
from click.testing import CliRunner

from autograder.cli import main
from autograder.hub.layout import PROJECT, Hub
from autograder.hub.running import RunningHub
from autograder.hub.users import remove_user
from tests.e2e.conftest import browser_available, free_port
from tests.grading.postgres import private_postgres, server_programs

HUB_ENV = PROJECT / "build" / "hub-env"
PASSWORD = "test-only-" + uuid.uuid4().hex[:8]


def can_run_a_hub() -> str | None:
    """Why a hub cannot run here, or None."""
    if os.geteuid() != 0:
        return "a hub creates local users: the test runs as root (as in CI)"
    if server_programs() is None or not browser_available() or not shutil.which("npm"):
        return "PostgreSQL, Chromium/Playwright or npm is missing (.ci/run installs them)"
    return None


def new_database(server: str, name: str) -> str:
    import psycopg
    with psycopg.connect(server.replace("postgresql+psycopg", "postgresql"), autocommit=True) as connection:
        connection.execute(f"CREATE DATABASE {name}")
    return server.rsplit("/", 1)[0] + f"/{name}"


@pytest.fixture(scope="module")
def running_hub():
    """The class set up by `course hub --setup-only` (09-evaluation only) and its hub started; all removed after."""
    reason = can_run_a_hub()
    if reason:
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    subprocess.run(["make", "-C", str(PROJECT), "hub-env", "hub-proxy"], check=True, capture_output=True)
    suffix = uuid.uuid4().hex[:5]
    folder = Path(tempfile.mkdtemp(prefix="course-hub-", dir="/tmp"))
    with private_postgres() as server:
        hub = Hub(folder, f"plci{suffix}", (f"plca{suffix}", f"plcb{suffix}"),
                  db_url=new_database(server, "jupyterhub"), gradebook_url=server, password=PASSWORD,
                  port=free_port(), hub_port=free_port(), proxy_api_port=free_port(), python_env=HUB_ENV,
                  modules=("09-evaluation",))
        started = None
        try:
            set_up = CliRunner().invoke(main, [
                "hub", "--setup-only", "--dir", str(folder), "--instructor", hub.instructor,
                *(f"--student={s}" for s in hub.students), "--modules", "09-evaluation", "--db-url", hub.db_url,
                "--gradebook-url", server, "--port", str(hub.port), "--hub-port", str(hub.hub_port),
                "--proxy-api-port", str(hub.proxy_api_port), "--python-env", str(HUB_ENV),
                "--test-password", PASSWORD])
            assert set_up.exit_code == 0, set_up.output + repr(set_up.exception)
            started = RunningHub(hub)
            yield started
        finally:
            if started:
                started.stop()
            for user in hub.users:
                remove_user(user)
            shutil.rmtree(folder, ignore_errors=True)
