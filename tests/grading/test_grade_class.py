"""Does `course grade` survive every case in RELIABILITY.md: right score, a status, nothing lost, the class unharmed?

One class is graded once; each student hands in one scenario. Every test names its scenario as a fixture.
"""
import copy
import json
import os

import nbformat
import pytest

from autograder.build import build_course
from autograder.export import grade_rows
from autograder.grading import autograded
from autograder.grading.grade_class import grade_course
from autograder.grading.sandbox import Limits, sandbox_available
from autograder.notebooks import cells
from autograder.notebooks.submissions import fill, solved, untouched
from tests.conftest import tree_digest
from tests.grading.scenarios import SCENARIOS

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not sandbox_available() and not os.environ.get("CI"),
                                 reason="bubblewrap is not installed here (CI installs it and never skips)")]
FULL_AUTO = 3.0  # the toy module: q1 1 point, q2 2 points autograded; q3 (1 point) is a written answer
LIMITS = Limits(seconds=60)
COMPLETED = ("graded", "needs manual grading")  # the toy module's written answer always leaves a manual part


@pytest.fixture(scope="module")
def graded_class(tmp_path_factory, toy_course_module):
    """The toy course, one student per scenario, graded in one run."""
    built = build_course(tmp_path_factory.mktemp("class") / "course", the_course=toy_course_module)
    source = nbformat.read(built.root / "source" / "toy-module" / "toy-module.ipynb", as_version=4)
    released = nbformat.read(built.root / "release" / "toy-module" / "toy-module.ipynb", as_version=4)
    for student, make in SCENARIOS.items():
        folder = built.root / "submitted" / student / "toy-module"
        folder.mkdir(parents=True)
        for name, content in make(released, source, built.root).items():
            (folder / name).write_bytes(content)
    before = tree_digest(built.root / "submitted")
    run = grade_course(built.root, workers=2, limits=LIMITS)
    return {"root": built.root, "run": run, "rows": {r.student_id: r for r in grade_rows(built.root)},
            "submitted_unchanged": tree_digest(built.root / "submitted") == before}


class Outcome:
    """One scenario's result: its export row, its grading record and each test's points."""

    def __init__(self, graded, student):
        self.row = graded["rows"][student]
        self.record = autograded.read_record(graded["root"], student, "toy-module") or {}
        self.points = {r["grade_id"]: r["earned"] for r in self.record.get("results", [])}
        self.status = self.row.status
        self.score = self.row.score
        self.note = self.record.get("note", "")
        self.notebook = autograded.autograded_dir(graded["root"], student, "toy-module") / "toy-module.ipynb"

    def printed(self) -> str:
        """Everything the graded notebook's cells printed (not their source)."""
        notebook = nbformat.read(self.notebook, as_version=4)
        return "".join(o.get("text", "") for c in notebook.cells for o in c.get("outputs", []))


def scenario(name):
    @pytest.fixture
    def outcome(graded_class):
        assert graded_class["submitted_unchanged"], "a file under submitted/ was changed"
        return Outcome(graded_class, name)
    return outcome


for _name in SCENARIOS:
    globals()[_name] = scenario(_name)


def q(outcome, grade_id):
    return outcome.points.get(grade_id)


# The honest class members: they must be unaffected by everyone else in the same run.
def test_an_honest_solution_gets_every_automatic_point_and_waits_for_a_person(honest_solution):
    assert honest_solution.score == FULL_AUTO and honest_solution.status == "needs manual grading"


def test_an_untouched_notebook_scores_zero_and_is_graded(honest_untouched):
    assert honest_untouched.score == 0 and honest_untouched.status == "graded"


# Malformed files (cases 1-6)
@pytest.mark.parametrize("name", ["truncated_notebook", "zero_byte_notebook", "not_json_notebook"])
def test_a_damaged_file_is_unreadable_with_a_reason(request, name):
    broken = request.getfixturevalue(name)
    assert broken.status == "unreadable" and broken.score == 0 and broken.note


def test_non_utf8_bytes_are_decoded_and_said(latin1_notebook):
    assert latin1_notebook.score == FULL_AUTO and "decoded as" in latin1_notebook.note


def test_an_unknown_format_version_is_refused_clearly(future_nbformat):
    assert future_nbformat.status == "unreadable" and "version 5" in future_nbformat.note


def test_an_old_format_notebook_is_upgraded(nbformat_v3_notebook):
    assert nbformat_v3_notebook.score == FULL_AUTO and "upgraded" in nbformat_v3_notebook.note


def test_a_renamed_notebook_is_graded_with_a_note(renamed_notebook):
    assert renamed_notebook.score == FULL_AUTO and "expected toy-module.ipynb" in renamed_notebook.note


def test_an_empty_folder_is_not_a_silent_zero(empty_folder):
    assert empty_folder.status == "unreadable" and "found no notebook" in empty_folder.note


def test_two_candidate_notebooks_are_not_guessed_between(two_copies):
    assert two_copies.status == "unreadable" and "several" in two_copies.note


def test_another_kernel_is_replaced_by_the_sources(other_kernel):
    assert other_kernel.score == FULL_AUTO


def test_huge_output_is_capped_and_graded(huge_output):
    assert huge_output.score == FULL_AUTO and huge_output.notebook.stat().st_size < 3_000_000


# Tampering with tests and metadata (cases 7-12)
def test_an_edited_test_and_its_points_are_restored(edited_test_cell):
    assert q(edited_test_cell, "total_attendance_correct") == 0 and edited_test_cell.score <= FULL_AUTO + 1
    assert edited_test_cell.row.max_score == 4


def test_a_test_turned_into_markdown_is_restored(test_cell_to_markdown):
    assert q(test_cell_to_markdown, "per_branch_counts") == 0 and q(test_cell_to_markdown, "total_attendance_correct") == 1


def test_a_deleted_test_cell_is_re_added_and_run(deleted_test_cell):
    assert q(deleted_test_cell, "total_attendance_correct") == 1 and deleted_test_cell.score == FULL_AUTO


def test_stripped_test_metadata_is_restored(stripped_metadata):
    assert q(stripped_metadata, "per_branch_counts") == 0 and stripped_metadata.score == 1


def test_flipped_flags_are_restored_not_a_crash(flipped_flags):
    assert flipped_flags.score == FULL_AUTO and flipped_flags.status == "needs manual grading"


def test_a_copied_and_edited_test_is_graded_on_the_original(copied_edited_test):
    assert copied_edited_test.score == FULL_AUTO


def test_inserted_and_reordered_cells_grade_stably(reordered_cells):
    assert reordered_cells.score == FULL_AUTO


def test_a_deleted_answer_cell_earns_nothing_from_the_source(deleted_answer_cell):
    assert q(deleted_answer_cell, "total_attendance_correct") == 0 and q(deleted_answer_cell, "per_branch_counts") == 2


# Runtime faults (cases 13-19)
def test_an_exception_costs_only_its_question(exception_in_answer):
    assert exception_in_answer.status != "crashed"
    assert q(exception_in_answer, "total_attendance_correct") == 0 and q(exception_in_answer, "per_branch_counts") == 2


def test_an_endless_loop_costs_one_budget_and_keeps_earlier_credit(endless_loop):
    assert endless_loop.status == "timeout" and q(endless_loop, "total_attendance_correct") == 1
    assert q(endless_loop, "per_branch_counts") == 0


def test_a_memory_bomb_is_stopped_and_keeps_earlier_credit(memory_bomb):
    assert memory_bomb.status in (*COMPLETED, "crashed") and q(memory_bomb, "total_attendance_correct") == 1
    assert q(memory_bomb, "per_branch_counts") == 0


@pytest.mark.parametrize("name", ["os_exit", "segfault"])
def test_a_dead_kernel_keeps_credit_for_what_ran_before(request, name):
    dead = request.getfixturevalue(name)
    assert dead.status == "crashed" and dead.score == 1 and dead.note


def test_sys_exit_input_and_keyboard_interrupt_do_not_hang(sys_exit_and_input):
    assert sys_exit_and_input.status in COMPLETED and sys_exit_and_input.score == 1


def test_warnings_on_stderr_never_cost_points(stderr_warnings):
    assert stderr_warnings.score == FULL_AUTO


# Attempts to cheat (cases 20-26)
@pytest.mark.parametrize("name", ["always_equal", "rigged_subclass", "monkeypatched_libraries",
                                  "input_transformer", "detects_grading"])
def test_cheating_earns_nothing(request, name):
    cheat = request.getfixturevalue(name)
    assert cheat.score == 0


def test_secrets_and_other_students_work_are_out_of_sight(reads_secrets):
    printed = reads_secrets.printed()
    assert reads_secrets.score == FULL_AUTO and "SEEN-NOTHING" in printed, printed


def test_the_gradebook_and_others_files_cannot_be_written(writes_gradebook, graded_class):
    """Writes land, if anywhere, in the sandbox's throwaway view; the real files are untouched."""
    assert writes_gradebook.score == FULL_AUTO and graded_class["submitted_unchanged"]
    assert graded_class["rows"]["honest_solution"].score == FULL_AUTO


def test_the_network_is_blocked(uses_network):
    assert uses_network.score == FULL_AUTO and "BLOCKED" in uses_network.printed()


# Grading-pipeline policy (case 31) and integrity (33, 34)
def test_an_unknown_student_is_added_and_graded(unknown_student):
    assert unknown_student.score == FULL_AUTO and unknown_student.row.last_name == ""


def test_no_score_exceeds_its_maximum_and_every_submission_has_a_status(graded_class):
    rows = graded_class["rows"].values()
    assert all(r.score is None or 0 <= r.score <= r.max_score for r in rows)
    assert {r.student_id for r in rows} >= set(SCENARIOS)
    assert graded_class["run"].counts()["failed to grade"] == 0
