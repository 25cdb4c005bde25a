"""A private PostgreSQL server for a test: Debian's postgresql, in a temporary folder, on a free port of localhost."""
from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path
from typing import Iterator

USER = "grader"


def server_programs() -> Path | None:
    """The folder of PostgreSQL's server programs (initdb, pg_ctl), newest version first; None if not installed."""
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parts[-3]))
    return found[-1].parent if found else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _as_owner(argv: list[str], owner: str | None) -> list[str]:
    """PostgreSQL refuses to run as root: as root, run it as the postgres system user."""
    return ["runuser", "-u", owner, "--", *argv] if owner else argv


@contextlib.contextmanager
def private_postgres() -> Iterator[str]:
    """Start a server with its own data folder, socket and port; yield a URL of an empty database; remove it all."""
    programs = server_programs()
    if programs is None:
        raise RuntimeError("PostgreSQL's server is not installed (Debian: apt-get install postgresql)")
    owner = "postgres" if os.geteuid() == 0 else None
    folder = Path(tempfile.mkdtemp(prefix="course-pg-", dir="/tmp"))
    folder.chmod(0o755)
    if owner:
        shutil.chown(folder, owner)
    data, port = folder / "data", _free_port()
    run = lambda *argv: subprocess.run(_as_owner([str(programs / argv[0]), *argv[1:]], owner),  # noqa: E731
                                       check=True, capture_output=True, text=True)
    try:
        run("initdb", "-D", str(data), "-A", "trust", "-U", USER, "--no-sync")
        run("pg_ctl", "-D", str(data), "-l", str(folder / "server.log"), "-w", "-o",
            f"-k {folder} -p {port} -c listen_addresses=127.0.0.1 -c fsync=off", "start")
        run("createdb", "-h", "127.0.0.1", "-p", str(port), "-U", USER, "gradebook")
        yield f"postgresql+psycopg://{USER}@127.0.0.1:{port}/gradebook"
    finally:
        with contextlib.suppress(subprocess.CalledProcessError, FileNotFoundError):
            run("pg_ctl", "-D", str(data), "-m", "immediate", "stop")
        shutil.rmtree(folder, ignore_errors=True)
