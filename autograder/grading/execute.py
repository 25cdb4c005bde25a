"""Run a notebook top to bottom in a fresh kernel, in a folder holding its data, keeping going after errors."""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import nbformat
from jupyter_client import KernelManager
from nbclient import NotebookClient
from nbclient.exceptions import CellTimeoutError, DeadKernelError
from nbformat import NotebookNode

CELL_TIMEOUT = 60


def execute(notebook: NotebookNode, support: Path, timeout: int = CELL_TIMEOUT) -> tuple[NotebookNode, str]:
    """Execute a copy of `notebook` in a temporary copy of `support` (its data and helpers).

    Returns the executed notebook and how the run ended: "completed", "timeout" or "crashed".
    """
    with tempfile.TemporaryDirectory(prefix="course-run-") as scratch:
        workdir = Path(scratch) / "work"
        shutil.copytree(support, workdir, ignore=shutil.ignore_patterns("*.ipynb", ".ipynb_checkpoints"))
        run = _copy(notebook)
        # Local IPC sockets inside the scratch folder: no TCP port, and no warning about unencrypted TCP.
        kernel = KernelManager(kernel_name="python3", transport="ipc", ip=str(Path(scratch) / "kernel"))
        client = NotebookClient(run, km=kernel, timeout=timeout, allow_errors=True,
                                resources={"metadata": {"path": str(workdir)}})
        try:
            client.execute()
            status = "completed"
        except CellTimeoutError:
            status = "timeout"
        except DeadKernelError:
            status = "crashed"
        finally:
            if kernel.has_kernel:
                kernel.shutdown_kernel(now=True)
        return run, status


def _copy(notebook: NotebookNode) -> NotebookNode:
    return nbformat.reads(nbformat.writes(notebook), as_version=4)
