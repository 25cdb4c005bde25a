"""Are hidden tests judged on rebuilt plain values, so nothing in the learner's kernel can sway them?"""
import nbformat
import pandas as pd

from autograder.grading.judge import dump_cell_source, judge_test, read_dump
from autograder.learner import coursecheck
from tests.conftest import toy_module


def toy_tests():
    source = nbformat.read(toy_module().notebook, as_version=4)
    return {c.metadata.nbgrader.grade_id: c for c in source.cells if c.metadata.get("nbgrader", {}).get("grade")
            and c.cell_type == "code"}


def encoded(**answers):
    return {name: coursecheck.encode_answer(value) for name, value in answers.items()}


def test_a_right_answer_earns_the_points_and_a_wrong_one_a_sentence(tmp_path):
    """Does a right value earn full points and a wrong one zero with the test's own message?"""
    test = toy_tests()["total_attendance_correct"]
    assert judge_test(test, encoded(total_attendance=30.0), tmp_path, "not run").earned == 1.0
    wrong = judge_test(test, encoded(total_attendance=3), tmp_path, "not run")
    assert wrong.earned == 0.0 and wrong.message.startswith("✘ `total_attendance`")


def test_a_rigged_object_earns_nothing(tmp_path):
    """Does an answer whose == always says yes score zero, because only its type name reaches the judge?"""
    class AlwaysEqual:
        def __eq__(self, other):
            return True

    result = judge_test(toy_tests()["total_attendance_correct"], encoded(total_attendance=AlwaysEqual()),
                        tmp_path, "not run")
    assert result.earned == 0.0 and "AlwaysEqual" in result.message


def test_an_answer_never_reached_scores_zero_with_the_reason(tmp_path):
    """When the notebook stopped before a test, does that test score zero with the reason given?"""
    result = judge_test(toy_tests()["per_branch_counts"], None, tmp_path, "the notebook ran out of time first")
    assert result.earned == 0.0 and result.message == "the notebook ran out of time first"


def test_the_dump_cell_prints_what_the_judge_reads():
    """Does the code put in place of a test print answers in the form read_dump understands?"""
    namespace = {"per_branch": pd.Series({"Central": 2, "Eastgate": 1})}
    printed = []
    namespace["print"] = printed.append
    exec(dump_cell_source(["per_branch", "missing_name"]), namespace)
    cell = nbformat.v4.new_code_cell()
    cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text=printed[0] + "\n")]
    dump = read_dump(cell)
    assert dump["per_branch"]["kind"] == "series" and dump["missing_name"] == {"kind": "absent"}
