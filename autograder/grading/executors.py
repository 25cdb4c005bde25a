"""Where submissions are executed: this machine's cores, or the workers of a Dask cluster. Either way results come
back as they finish, to the one process that records them, and stopping early cancels what has not run."""
from __future__ import annotations

from concurrent.futures import CancelledError, ThreadPoolExecutor, as_completed
from typing import Iterator

from autograder.grading.grade_one import Graded
from autograder.grading.jobs import Job, grade_job
from autograder.grading.sandbox import Limits

Result = tuple[Job, dict[str, Graded], float]


class LocalExecutor:
    """Submissions run in parallel on this machine, each in its own sandboxed process."""

    def __init__(self, workers: int):
        self.workers = workers

    def results(self, jobs: list[Job], limits: Limits, sandboxed: bool) -> Iterator[Result]:
        pool = ThreadPoolExecutor(max_workers=self.workers)
        futures = {pool.submit(grade_job, job, limits, sandboxed): job for job in jobs}
        try:
            for future in as_completed(futures):
                graded, seconds = future.result()
                yield futures[future], graded, seconds
        finally:
            pool.shutdown(wait=False, cancel_futures=True)


class DaskExecutor:
    """Submissions run on the workers of a Dask cluster (each with bubblewrap and the course's Python).

    Dask is the Python ecosystem's established engine for this: a scheduler that hands tasks to workers on many
    machines and gives a task to another worker when one dies. Workers need no shared file system: each submission
    travels as a packed folder, each assignment's files once per worker.
    """

    def __init__(self, address: str):
        self.address = address

    def results(self, jobs: list[Job], limits: Limits, sandboxed: bool) -> Iterator[Result]:
        from distributed import Client, as_completed as arriving

        from autograder.grading.remote import grade_packed, pack_job, pack_support

        client = Client(self.address, timeout="30s")
        futures = {}
        try:
            supports = {}
            for job in jobs:
                if job.support not in supports:
                    supports[job.support] = client.scatter(pack_support(job.support), broadcast=True)
                future = client.submit(grade_packed, pack_job(job), supports[job.support], limits, sandboxed,
                                       pure=False, key=f"grade-{job.assignment}-{job.student}-{id(job)}")
                futures[future] = job
            for future in arriving(futures):
                job = futures[future]
                try:
                    graded, seconds = future.result()
                except CancelledError:  # its assignment's scattered files went with a restarted worker: send them along
                    graded, seconds = client.submit(grade_packed, pack_job(job), pack_support(job.support), limits,
                                                    sandboxed, pure=False).result()
                yield job, graded, seconds
        finally:
            client.cancel(list(futures))
            client.close()
