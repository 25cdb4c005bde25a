"""Running nbgrader's own command line inside a course directory, with clear errors when it fails."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


class NbgraderFailed(RuntimeError):
    """nbgrader exited with an error; the message carries the end of its log."""


def nbgrader(course_dir: Path, *args: str, check: bool = True) -> str:
    """Run `nbgrader ARGS` in course_dir with this Python; return its log, or raise NbgraderFailed if check."""
    # nbgrader calls its helpers (alembic) by name, so this environment's bin folder goes first on PATH.
    env = dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}")
    result = subprocess.run([sys.executable, "-m", "nbgrader", *args], cwd=course_dir,
                            capture_output=True, text=True, env=env)
    log = result.stdout + result.stderr
    if check and result.returncode != 0:
        tail = "\n".join(log.strip().splitlines()[-15:])
        raise NbgraderFailed(f"nbgrader {' '.join(args)} failed in {course_dir}:\n{tail}")
    return log
