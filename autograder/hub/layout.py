"""Where a hub's files live: one folder holding its configuration, the shared exchange and the hub's own state."""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]
PROXY = PROJECT / "deploy" / "hub" / "node_modules" / ".bin" / "configurable-http-proxy"


@dataclass(frozen=True)
class Hub:
    """One class on one machine: its folder, its people and its databases."""

    folder: Path
    instructor: str
    students: tuple[str, ...]
    db_url: str | None = None            # JupyterHub's own database; None: SQLite in the folder
    gradebook_url: str | None = None     # the course's nbgrader gradebook; None: gradebook.db in the course
    password: str | None = None          # test only: one shared password (DummyAuthenticator); None: PAM
    port: int = 8000
    hub_port: int = 8081
    proxy_api_port: int = 8001
    python_env: Path = field(default_factory=lambda: Path(sys.prefix))
    modules: tuple[str, ...] = ()

    @property
    def exchange(self) -> Path:
        return self.folder / "exchange"

    @property
    def shared_config(self) -> Path:
        """The folder added to every single-user server's Jupyter config path (course id and exchange)."""
        return self.folder / "etc" / "jupyter"

    @property
    def config_file(self) -> Path:
        return self.folder / "jupyterhub_config.py"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def home(self, user: str) -> Path:
        return Path(os.path.expanduser(f"~{user}"))

    def course(self) -> Path:
        """The instructor's course directory, inside their home as nbgrader's "one class, one grader" setup has it."""
        return self.home(self.instructor) / "course"

    @property
    def users(self) -> tuple[str, ...]:
        return (self.instructor, *self.students)
