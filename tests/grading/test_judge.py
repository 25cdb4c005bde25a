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


def test_tests_of_different_assignments_judged_at_once_each_read_their_own_data(tmp_path):
    """Judged in parallel threads, as `course grade` does, does each test read its own assignment's files and print
    its own messages, never another's?"""
    from concurrent.futures import ThreadPoolExecutor

    from nbformat.v4 import new_code_cell
    cells = {}
    for name in ("first", "second"):
        folder = tmp_path / name
        folder.mkdir()
        pd.DataFrame({"n": [1, 2, 3]}).to_csv(folder / f"{name}.csv", index=False)
        cell = new_code_cell(f'"""Is {name} right?"""\nimport time\ntime.sleep(0.002)\nimport pandas as pd\n'
                             f'rows = len(pd.read_csv("{name}.csv"))\nfrom coursecheck import expect\n'
                             f'expect("{name}", rows, kind="number", what="{name}")')
        cell.metadata["nbgrader"] = {"grade": True, "grade_id": f"{name}_right", "points": 1, "solution": False}
        cells[name] = (cell, folder)

    def judge(name):
        cell, folder = cells[name]
        return judge_test(cell, encoded(**{name: 3}), folder, "not run")

    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(judge, ["first", "second"] * 60))
    assert all(r.earned == 1.0 for r in results), {r.message for r in results if r.earned < 1.0}
    assert all(r.grade_id.split("_")[0] in r.message for r in results)


def test_a_test_that_changes_a_table_it_read_leaves_the_file_as_it_is_for_the_next(tmp_path):
    """Is each data file read afresh for every test, as plain nbgrader would, even though it is parsed only once?"""
    from nbformat.v4 import new_code_cell
    pd.DataFrame({"n": [1, 2, 3]}).to_csv(tmp_path / "rows.csv", index=False)

    def test_cell(body):
        cell = new_code_cell('"""Are there three rows?"""\nimport pandas as pd\n' + body +
                             '\nfrom coursecheck import expect\nexpect("rows", len(pd.read_csv("rows.csv")), kind="number")')
        cell.metadata["nbgrader"] = {"grade": True, "grade_id": "rows_right", "points": 1, "solution": False}
        return cell

    spoiler = test_cell('table = pd.read_csv("rows.csv")\ntable.drop(table.index, inplace=True)')
    assert judge_test(spoiler, encoded(rows=3), tmp_path, "not run").earned == 1.0
    assert judge_test(test_cell(""), encoded(rows=3), tmp_path, "not run").earned == 1.0
