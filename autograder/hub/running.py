"""Start and stop the hub process (jupyterhub -f jupyterhub_config.py, as root, in the hub's folder)."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from autograder.hub.layout import Hub


def jupyterhub_command(hub: Hub) -> list[str]:
    return [str(Path(sys.executable).with_name("jupyterhub")), "-f", str(hub.config_file)]


class RunningHub:
    """The hub started in the background, its log in the hub's folder; `stop()` ends it (servers keep running)."""

    def __init__(self, hub: Hub, timeout: float = 120):
        self.hub = hub
        self.log_path = hub.folder / "jupyterhub.log"
        self.log = self.log_path.open("a")
        self.process = subprocess.Popen(jupyterhub_command(hub), cwd=hub.folder, stdout=self.log,
                                        stderr=subprocess.STDOUT, start_new_session=True)
        self.wait_until_up(timeout)

    def wait_until_up(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"{self.hub.url}/hub/health", timeout=2)
                return
            except OSError:
                if self.process.poll() is not None:
                    break
                time.sleep(0.3)
        self.stop()
        raise RuntimeError(f"JupyterHub did not start; see {self.log_path}")

    def stop(self) -> None:
        """SIGTERM, as a service manager stops it: the hub and its proxy end; users' servers do not."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.log.close()

    def restart(self, timeout: float = 120) -> None:
        """Stop the hub and start it again on the same folder, database and ports."""
        self.stop()
        self.__init__(self.hub, timeout)
