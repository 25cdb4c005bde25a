"""Does one hostile or unlucky submission get the score it deserves, a status and a reason, and nothing more?"""
import copy
import os

import nbformat
import pytest

from autograder.grading.grade_one import CRASHED, GRADED, TIMEOUT, UNREADABLE, Assignment, grade_submission
from autograder.grading.sandbox import Limits, sandbox_available
from autograder.notebooks import cells
from autograder.notebooks.submissions import fill, solved
from tests.conftest import toy_module

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not sandbox_available() and not os.environ.get("CI"),
                                 reason="bubblewrap is not installed here (CI installs it and never skips)")]


@pytest.fixture(scope="module")
def assignment(tmp_path_factory):
    support = tmp_path_factory.mktemp("support")
    return Assignment("toy-module", nbformat.read(toy_module().notebook, as_version=4), support)


def submit(assignment, tmp_path, q1=None, q2=None, extra=None):
    """A solved submission, with q1 / q2 answers replaced and an extra first cell if given."""
    notebook = fill(assignment.source, assignment.source, solved(assignment.source))
    by_id = cells.cells_by_id(notebook)
    if q1 is not None:
        by_id["q1_total_attendance"].source = q1
    if q2 is not None:
        by_id["q2_per_branch"].source = q2
    if extra is not None:
        notebook.cells.insert(2, nbformat.v4.new_code_cell(extra))
    folder = tmp_path / "submitted"
    folder.mkdir()
    path = folder / "toy-module.ipynb"
    nbformat.write(notebook, path)
    return folder, path.read_bytes()


def earned(graded):
    return {r.grade_id: r.earned for r in graded.results}


def test_an_honest_solution_scores_full(assignment, tmp_path):
    """Does a correct submission earn every autograded point with status graded, its file untouched?"""
    folder, before = submit(assignment, tmp_path)
    graded = grade_submission(assignment, folder)
    assert graded.status == GRADED and earned(graded) == {"total_attendance_correct": 1.0, "per_branch_counts": 2.0}
    assert (folder / "toy-module.ipynb").read_bytes() == before


def test_os_exit_keeps_credit_for_what_ran_before(assignment, tmp_path):
    """When q2's code kills the kernel, is q1's point kept and the status crashed?"""
    folder, _ = submit(assignment, tmp_path, q2="import os\nos._exit(1)")
    graded = grade_submission(assignment, folder)
    assert graded.status == CRASHED and earned(graded) == {"total_attendance_correct": 1.0, "per_branch_counts": 0.0}
    assert "Not run" in graded.results[1].message


def test_an_endless_loop_costs_one_time_budget(assignment, tmp_path):
    """Is a loop stopped by the notebook's time budget, keeping q1, with status timeout?"""
    folder, _ = submit(assignment, tmp_path, q2="while True:\n    pass")
    graded = grade_submission(assignment, folder, limits=Limits(seconds=20))
    assert graded.status == TIMEOUT and earned(graded)["total_attendance_correct"] == 1.0
    assert earned(graded)["per_branch_counts"] == 0.0


def test_rigged_objects_and_monkeypatching_gain_nothing(assignment, tmp_path):
    """Do an always-equal answer and a patched coursecheck / pandas in the kernel earn zero?"""
    rig = ("import coursecheck, pandas\ncoursecheck.expect = lambda *a, **k: None\n"
           "pandas.Series.equals = lambda self, other: True\n"
           "class Always(float):\n    def __eq__(self, other):\n        return True\n")
    folder, _ = submit(assignment, tmp_path, extra=rig, q1="total_attendance = Always(1.0)",
                       q2="per_branch = sessions['branch'].value_counts() * 7")
    graded = grade_submission(assignment, folder)
    assert graded.status == GRADED and earned(graded) == {"total_attendance_correct": 0.0, "per_branch_counts": 0.0}
    assert "Always" in graded.results[0].message


def test_secrets_are_out_of_reach_and_forged_results_gain_nothing(assignment, tmp_path, course_elsewhere):
    """Can a cell read the gradebook? No. Can it win by writing fake records to the runner's pipe? No.

    The notebook runs in the runner's own process, so its code can reach the pipe; what it writes there is
    never trusted for points: the answers are judged outside, and later real records replace forged ones.
    """
    probe = (f"import os, stat\nprint('SEEN' if os.path.exists({str(course_elsewhere)!r}) else 'UNSEEN')\n"
             "forged = b''.join(b'{\"cell\": %d, \"outputs\": []}\\n' % i for i in range(40))\n"
             "forged += b'{\"end\": \"completed\", \"detail\": \"\"}\\n'\n"
             "for fd in range(3, 64):\n    try:\n        if stat.S_ISFIFO(os.fstat(fd).st_mode):\n"
             "            os.write(fd, forged); print('WROTE', fd)\n"
             "    except OSError:\n        pass\n")
    folder, _ = submit(assignment, tmp_path, extra=probe)
    graded = grade_submission(assignment, folder)
    printed = "".join(o.get("text", "") for c in graded.executed.cells for o in c.get("outputs", []))
    assert "UNSEEN" in printed and "WROTE" in printed
    assert graded.status == GRADED and sum(earned(graded).values()) == 3.0


def test_input_and_sys_exit_do_not_hang_or_stop_grading(assignment, tmp_path):
    """Do input() and sys.exit() in answers end as errors in their cells, with the rest graded?"""
    folder, _ = submit(assignment, tmp_path, extra="name = input('Your name? ')", q2="import sys\nsys.exit(0)")
    graded = grade_submission(assignment, folder, limits=Limits(seconds=60))
    assert graded.status == GRADED and earned(graded) == {"total_attendance_correct": 1.0, "per_branch_counts": 0.0}


def test_an_unreadable_file_gets_a_status_and_reason(assignment, tmp_path):
    """Is a truncated notebook reported unreadable with the reason, and left as it was?"""
    folder = tmp_path / "broken"
    folder.mkdir()
    (folder / "toy-module.ipynb").write_text('{"cells": [')
    graded = grade_submission(assignment, folder)
    assert graded.status == UNREADABLE and "not a complete notebook" in graded.note
    assert (folder / "toy-module.ipynb").read_text() == '{"cells": ['


def test_figures_are_shown_as_in_jupyterlab_and_large_output_never_blocks(assignment, tmp_path):
    """Is each cell's figure kept as an image (closed after its cell, as inline), however large the output?"""
    figures = ("import matplotlib.pyplot as plt, numpy as np\n"
               "plt.figure(figsize=(12, 9)); plt.imshow(np.random.default_rng(1).random((300, 300)))\n"
               "print('x' * 19_000); print('y' * 19_000); print(len(plt.get_fignums()))")
    folder, _ = submit(assignment, tmp_path, extra=figures)
    graded = grade_submission(assignment, folder, limits=Limits(seconds=60))
    outputs = graded.executed.cells[2].outputs
    pngs = [o.data["image/png"] for o in outputs if o.output_type == "display_data" and "image/png" in o.data]
    assert graded.status == GRADED and sum(earned(graded).values()) == 3.0
    assert len(pngs) == 1 and len(pngs[0]) > 100_000  # well over a pipe's buffer, so the pipe is read while running
