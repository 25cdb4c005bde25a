"""Running a command in Debian's bubblewrap: no network, only the system and Python in sight, a private working folder, limits."""
from __future__ import annotations

import os
import resource
import shutil
import signal
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

SANDBOX_UID = 1000  # an ordinary user inside the sandbox, whoever runs the grader
INSIDE_WORKDIR = "/tmp/work"
MEMORY_LIMIT = 3 * 1024**3
TIME_LIMIT = 300


class SandboxUnavailable(RuntimeError):
    """bubblewrap is missing or cannot create a sandbox here."""


@dataclass(frozen=True)
class Limits:
    """What one sandboxed run may use."""

    memory_bytes: int = MEMORY_LIMIT
    seconds: float = TIME_LIMIT
    processes: int = 256


@dataclass(frozen=True)
class Outcome:
    """How a sandboxed command ended."""

    returncode: int | None
    stdout: str
    stderr: str
    timed_out: bool

    @property
    def killed_by_signal(self) -> bool:
        return self.returncode is not None and self.returncode < 0


# What Python needs from the system; everything else on the machine (other courses, checkouts, homes) stays unseen.
SYSTEM_FOLDERS = ("/usr",)
SYSTEM_LINKS = ("/bin", "/sbin", "/lib", "/lib32", "/lib64")
SYSTEM_FILES = ("/etc/ld.so.cache", "/etc/localtime", "/etc/passwd", "/etc/group", "/etc/nsswitch.conf")


def _python_folders() -> tuple[Path, ...]:
    """The grader's Python environment and the interpreter it was made from."""
    return tuple(dict.fromkeys(Path(p).resolve() for p in (sys.prefix, sys.base_prefix)))


@dataclass(frozen=True)
class Sandbox:
    """A bubblewrap sandbox that sees the system and Python read-only and `workdir` as its only writable place."""

    workdir: Path
    readable: tuple[Path, ...] = field(default_factory=_python_folders)
    limits: Limits = Limits()

    def command(self, argv: list[str]) -> list[str]:
        """The bwrap command line that runs argv inside this sandbox, in the working folder."""
        bwrap = shutil.which("bwrap")
        if bwrap is None:
            raise SandboxUnavailable(
                "bubblewrap (bwrap) is not installed, so student code cannot be isolated. "
                "Install it (Debian/Ubuntu: sudo apt-get install bubblewrap), or pass --no-sandbox "
                "to grade without isolation on a machine you trust.")
        args = [bwrap, "--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp", "--tmpfs", "/dev/shm"]
        for folder in SYSTEM_FOLDERS:
            args += ["--ro-bind", folder, folder]
        for link in SYSTEM_LINKS:
            if os.path.islink(link):
                args += ["--symlink", os.readlink(link), link]
            elif os.path.isdir(link):
                args += ["--ro-bind", link, link]
        for file in SYSTEM_FILES:
            args += ["--ro-bind-try", file, file]
        for folder in self.readable:
            args += ["--ro-bind", str(Path(folder).resolve()), str(Path(folder).resolve())]
        args += ["--bind", str(self.workdir.resolve()), INSIDE_WORKDIR, "--remount-ro", "/", "--chdir", INSIDE_WORKDIR,
                 "--unshare-net", "--unshare-pid", "--unshare-ipc", "--unshare-uts", "--die-with-parent",
                 "--new-session", "--clearenv",
                 # Without these, a grader run as root would hand student code every root capability.
                 "--unshare-user", "--uid", str(SANDBOX_UID), "--gid", str(SANDBOX_UID), "--cap-drop", "ALL"]
        for name, value in self.environment().items():
            args += ["--setenv", name, value]
        return args + ["--", *argv]

    def environment(self) -> dict[str, str]:
        """A small, fixed environment: nothing of the grader's own variables leaks in."""
        return {"PATH": f"{Path(sys.executable).parent}:/usr/local/bin:/usr/bin:/bin", "HOME": INSIDE_WORKDIR,
                "TMPDIR": "/tmp", "LANG": "C.UTF-8", "PYTHONDONTWRITEBYTECODE": "1", "MPLBACKEND": "Agg",
                "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1",
                "JUPYTER_PLATFORM_DIRS": "1", "JUPYTER_RUNTIME_DIR": "/tmp/jupyter-runtime",
                "IPYTHONDIR": "/tmp/ipython", "MPLCONFIGDIR": "/tmp/matplotlib", "PYDEVD_DISABLE_FILE_VALIDATION": "1"}

    def run(self, argv: list[str], stdin: str | None = None, pass_fds: tuple[int, ...] = ()) -> Outcome:
        """Run argv in the sandbox within the limits; a run over time is killed with everything it started."""
        limits = self.limits

        def limit_resources() -> None:
            resource.setrlimit(resource.RLIMIT_AS, (limits.memory_bytes, limits.memory_bytes))
            resource.setrlimit(resource.RLIMIT_NPROC, (limits.processes, limits.processes))
            resource.setrlimit(resource.RLIMIT_CORE, (0, 0))

        process = subprocess.Popen(self.command(argv), stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                   preexec_fn=limit_resources, start_new_session=True, pass_fds=pass_fds)
        try:
            stdout, stderr = process.communicate(stdin, timeout=limits.seconds)
            return Outcome(process.returncode, stdout, stderr, timed_out=False)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            stdout, stderr = process.communicate()
            return Outcome(process.returncode, stdout, stderr, timed_out=True)


def sandbox_available() -> bool:
    """Whether bubblewrap is installed and can make a sandbox on this machine."""
    if shutil.which("bwrap") is None:
        return False
    probe = subprocess.run([shutil.which("bwrap"), "--ro-bind", "/", "/", "--unshare-net", "--", "true"],
                           capture_output=True)
    return probe.returncode == 0
