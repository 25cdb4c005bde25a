"""Local Unix users for a hub: created with useradd (their homes private to them), removed with userdel."""
from __future__ import annotations

import pwd
import subprocess
import time

# Ids well above the first login user (1000), which a grading sandbox may borrow: never the same uid as a student.
HIGH_IDS = ["-K", "UID_MIN=30000", "-K", "UID_MAX=39999", "-K", "GID_MIN=30000", "-K", "GID_MAX=39999"]


def exists(name: str) -> bool:
    try:
        pwd.getpwnam(name)
        return True
    except KeyError:
        return False


def ensure_user(name: str) -> None:
    """A login user with a private home (mode 0700), so one student never reads another's files."""
    if not exists(name):
        subprocess.run(["useradd", "--create-home", "--shell", "/bin/bash", "-K", "HOME_MODE=0700", *HIGH_IDS, name],
                       check=True, capture_output=True, text=True)
    home = pwd.getpwnam(name).pw_dir
    subprocess.run(["chmod", "0700", home], check=True)


def remove_user(name: str) -> None:
    """Remove a user, their home and whatever they still run."""
    if not exists(name):
        return
    for _ in range(50):  # userdel refuses while the user still runs something; a killed process takes a moment
        subprocess.run(["pkill", "-KILL", "-u", name], capture_output=True)
        if subprocess.run(["pgrep", "-u", name], capture_output=True).returncode != 0:
            break
        time.sleep(0.2)
    subprocess.run(["userdel", "--remove", name], capture_output=True, text=True)


def as_user(name: str, argv: list[str], **kwargs) -> subprocess.CompletedProcess:
    """Run a command as `name`, in their home, with their environment (as root: runuser)."""
    home = pwd.getpwnam(name).pw_dir
    return subprocess.run(["runuser", "-u", name, "--", "env", f"HOME={home}", f"USER={name}", *argv],
                          cwd=home, capture_output=True, text=True, **kwargs)


def chown_tree(path, name: str) -> None:
    subprocess.run(["chown", "-R", f"{name}:{name}", str(path)], check=True)
