"""Does `course grade --scheduler` grade on a real Dask cluster (a scheduler and two worker processes on localhost)
exactly as local grading does, and lose nothing when a worker is killed mid-run?"""
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from autograder.build import build_course
from autograder.grading import autograded
from autograder.grading.executors import DaskExecutor
from autograder.grading.grade_class import grade_course
from autograder.grading.sandbox import sandbox_available
from tests.grading.test_grading_pipeline import NAME, gradebook_scores, hand_in

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not sandbox_available() and not os.environ.get("CI"),
                                 reason="bubblewrap is not installed here (CI installs it and never skips)")]
DASK = Path(sys.executable).with_name("dask")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for_workers(address: str, count: int) -> None:
    from distributed import Client
    with Client(address, timeout="30s") as client:
        client.wait_for_workers(count, timeout=120)


class Cluster:
    """A Dask scheduler and worker processes on localhost, each started as an operator would start them."""

    def __init__(self, workers: int):
        port = _free_port()
        self.address = f"tcp://127.0.0.1:{port}"
        quiet = dict(stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        self.scheduler = subprocess.Popen([str(DASK), "scheduler", "--host", "127.0.0.1", "--port", str(port),
                                           "--no-dashboard"], **quiet)
        self.workers = [self.start_worker() for _ in range(workers)]
        _wait_for_workers(self.address, workers)

    def start_worker(self) -> subprocess.Popen:
        return subprocess.Popen([str(DASK), "worker", self.address, "--nworkers", "1", "--nthreads", "1",
                                 "--no-dashboard", "--host", "127.0.0.1"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)

    def kill(self, worker: subprocess.Popen) -> None:
        os.killpg(worker.pid, signal.SIGKILL)
        worker.wait()

    def stop(self) -> None:
        for process in [*self.workers, self.scheduler]:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
                process.wait(timeout=30)


@pytest.fixture(scope="module")
def cluster():
    running = Cluster(workers=2)
    yield running
    running.stop()


@pytest.fixture(scope="module")
def reference(tmp_path_factory, toy_course_module):
    """The class graded locally: the scores a cluster must reproduce."""
    built = build_course(tmp_path_factory.mktemp("local") / "course", the_course=toy_course_module)
    hand_in(built.root, copies=2)
    run = grade_course(built.root, workers=2)
    return run.statuses, gradebook_scores(built.root)


def handed_in(tmp_path, the_course):
    built = build_course(tmp_path / "course", the_course=the_course)
    hand_in(built.root, copies=2)
    return built.root


def test_a_cluster_grades_as_this_machine_does(tmp_path, toy_course_module, cluster, reference):
    """Graded on the cluster's workers, does every submission get the status and scores local grading gives it?"""
    root = handed_in(tmp_path, toy_course_module)
    run = grade_course(root, executor=DaskExecutor(cluster.address))
    statuses, scores = reference
    assert run.statuses == statuses and gradebook_scores(root) == scores


def test_a_worker_killed_mid_run_loses_nothing(tmp_path, toy_course_module, cluster, reference):
    """With one of two workers killed while grading, are its submissions graded elsewhere, every score the same?"""
    root = handed_in(tmp_path, toy_course_module)
    outcome = {}
    grading = threading.Thread(target=lambda: outcome.update(
        run=grade_course(root, executor=DaskExecutor(cluster.address))))
    grading.start()
    deadline = time.monotonic() + 300
    while not list((root / "autograded").glob(f"*/{NAME}/{autograded.RECORD}")):
        assert grading.is_alive() and time.monotonic() < deadline, "grading ended before any grade landed"
        time.sleep(0.2)
    victim = cluster.workers.pop(0)
    cluster.kill(victim)
    cluster.workers.append(cluster.start_worker())  # the cluster heals, as a real one would
    grading.join(timeout=600)
    assert not grading.is_alive()
    statuses, scores = reference
    assert outcome["run"].statuses == statuses and gradebook_scores(root) == scores
