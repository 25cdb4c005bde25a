"""Benchmark: the demo class graded by plain `nbgrader autograde` and by `course grade`, same submissions, one run.

Usage: .venv/bin/python benchmarks/grade_speed.py [--module ID ...] [--workers N] [--toy] [--no-sandbox]
                                                   [--cluster N | --scheduler ADDRESS]
With no --module, every ready module of the course is used; --toy uses the test suite's toy module instead.
--cluster N also grades the same class on a Dask cluster started here (a scheduler and N single-threaded workers on
localhost) and --scheduler on a cluster already running, and prints its throughput beside the other two.
"""
from __future__ import annotations

import argparse
import contextlib
import dataclasses
import shutil
import sys
import tempfile
import time
from pathlib import Path


sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from autograder.build import build_course  # noqa: E402
from autograder.curriculum import course  # noqa: E402
from autograder.demo import submit_class  # noqa: E402
from autograder.grading.course_config import open_gradebook  # noqa: E402
from autograder.grading.executors import DaskExecutor  # noqa: E402
from autograder.grading.grade_class import grade_course  # noqa: E402
from autograder.grading.nbgrader_autograde import autograde  # noqa: E402


def scores(course_dir: Path) -> dict[tuple[str, str, str], float | None]:
    """Each (student, assignment, grade id): its automatic score in the course's gradebook."""
    found = {}
    with open_gradebook(course_dir) as gradebook:
        for assignment in gradebook.assignments:
            for submission in gradebook.assignment_submissions(assignment.name):
                for notebook in submission.notebooks:
                    for grade in notebook.grades:
                        found[(submission.student_id, assignment.name, grade.name)] = grade.auto_score
    return found


def timed(action) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def the_course(toy: bool):
    if not toy:
        return None
    from tests.conftest import toy_module
    return dataclasses.replace(course(), modules=(toy_module(),))


@contextlib.contextmanager
def local_cluster(workers: int):
    """A Dask scheduler and worker processes on this machine, as `dask scheduler` / `dask worker` start them."""
    import socket
    import subprocess

    from distributed import Client
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    dask = str(Path(sys.executable).with_name("dask"))
    quiet = dict(stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    address = f"tcp://127.0.0.1:{port}"
    processes = [subprocess.Popen([dask, "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"],
                                  **quiet)]
    processes += [subprocess.Popen([dask, "worker", address, "--nworkers", "1", "--nthreads", "1", "--no-dashboard"],
                                   **quiet) for _ in range(workers)]
    try:
        with Client(address, timeout="30s") as client:
            client.wait_for_workers(workers, timeout=120)
        yield address
    finally:
        for process in processes:
            process.terminate()
            process.wait(timeout=30)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--module", action="append", dest="modules", help="a module id (repeatable)")
    parser.add_argument("--workers", type=int, default=None, help="course grade workers (default: one per core)")
    parser.add_argument("--toy", action="store_true", help="grade the toy module from the tests")
    parser.add_argument("--no-sandbox", action="store_true", help="course grade without bubblewrap")
    parser.add_argument("--cluster", type=int, default=0, metavar="N", help="also grade on a local Dask cluster of N")
    parser.add_argument("--scheduler", default=None, help="also grade on this running Dask cluster")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="grade-speed-") as scratch:
        built = build_course(Path(scratch) / "course", args.modules, the_course(args.toy))
        profiles = submit_class(built)
        submitted = sum(p.kind != "absent" for p in profiles.values())
        plain = shutil.copytree(built.root, Path(scratch) / "plain")
        ours = shutil.copytree(built.root, Path(scratch) / "ours")
        remote = shutil.copytree(built.root, Path(scratch) / "remote")
        modules = [m.id for m in built.modules]
        print(f"{submitted} submissions of {', '.join(modules)} ({len(profiles) // len(modules)} students each)")

        plain_seconds = timed(lambda: autograde(plain, modules))
        print(f"plain nbgrader autograde: {plain_seconds:7.1f} s  ({plain_seconds / submitted:.2f} s a submission)")
        run = None

        def grade():
            nonlocal run
            run = grade_course(ours, modules, workers=args.workers, sandboxed=not args.no_sandbox)

        ours_seconds = timed(grade)
        print(f"course grade:             {ours_seconds:7.1f} s  ({ours_seconds / submitted:.2f} s a submission, "
              f"{'sandboxed' if not args.no_sandbox else 'NOT sandboxed'}, statuses {dict(run.counts())})")
        print(f"ratio: course grade is {plain_seconds / ours_seconds:.2f}x the speed of plain nbgrader")

        if args.cluster or args.scheduler:
            with (local_cluster(args.cluster) if args.cluster else contextlib.nullcontext(args.scheduler)) as address:
                cluster_seconds = timed(lambda: grade_course(remote, modules, sandboxed=not args.no_sandbox,
                                                             executor=DaskExecutor(address)))
            where = f"{args.cluster} local workers" if args.cluster else address
            print(f"course grade on Dask ({where}): {cluster_seconds:7.1f} s  "
                  f"({60 * submitted / cluster_seconds:.0f} submissions a minute, against "
                  f"{60 * submitted / ours_seconds:.0f} locally and {60 * submitted / plain_seconds:.0f} with plain "
                  f"nbgrader: {plain_seconds / cluster_seconds:.2f}x plain nbgrader's speed)")
            if scores(remote) != scores(ours):
                print("the cluster's scores differ from local grading's")
                return 1

        theirs, mine = scores(plain), scores(ours)
        differences = sorted(k for k in theirs.keys() | mine.keys() if theirs.get(k) != mine.get(k))
        print(f"score differences: {len(differences)} of {len(theirs)} graded cells")
        for key in differences[:20]:
            print(f"  {' / '.join(key)}: nbgrader {theirs.get(key)}, course grade {mine.get(key)}")
        return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
