"""Everything a class needs before the hub starts: users, the exchange, the course, the configs, the proxy."""
from __future__ import annotations

import os
import subprocess

from autograder.hub import course_setup
from autograder.hub.hub_config import write_hub_config
from autograder.hub.layout import PROJECT, PROXY, Hub
from autograder.hub.users import as_user, ensure_user


class HubSetupError(RuntimeError):
    """A class cannot be set up here; the message says what to do."""


def ensure_proxy() -> None:
    """configurable-http-proxy from deploy/hub's package-lock.json (`make hub-proxy`: npm ci)."""
    if not PROXY.exists():
        done = subprocess.run(["make", "-C", str(PROJECT), "hub-proxy"], capture_output=True, text=True)
        if done.returncode != 0 or not PROXY.exists():
            raise HubSetupError(f"could not install JupyterHub's proxy (make hub-proxy; needs node and npm):\n"
                                f"{done.stdout}{done.stderr}")


def check_python_env(hub: Hub) -> None:
    """Every user's server starts from hub.python_env: a student must be able to run it."""
    singleuser = hub.python_env / "bin" / "jupyterhub-singleuser"
    probe = as_user(hub.students[0] if hub.students else hub.instructor,
                    [str(hub.python_env / "bin" / "python"), "-c", "import jupyterhub, nbgrader, autograder"])
    if not singleuser.exists() or probe.returncode != 0:
        raise HubSetupError(f"users cannot run the Python environment {hub.python_env} ({probe.stderr.strip()[-300:]}"
                            "). Make one every user can read: `make hub-env`, then --python-env build/hub-env.")


def prepare(hub: Hub) -> None:
    """Create (or bring up to date) the class on this machine; safe to run again."""
    if os.geteuid() != 0:
        raise HubSetupError("`course hub` creates local users and starts their servers as them: run it as root")
    if not hub.students:
        raise HubSetupError("name at least one student (--student NAME)")
    hub.folder.mkdir(parents=True, exist_ok=True)
    for user in hub.users:
        ensure_user(user)
    check_python_env(hub)
    ensure_proxy()
    course_setup.make_exchange(hub)
    course_setup.write_shared_config(hub)
    course_setup.build_instructor_course(hub)
    for student in hub.students:
        course_setup.configure_student(hub, student)
    write_hub_config(hub)
