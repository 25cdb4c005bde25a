"""Which catalogued answers may share a graded notebook, and how a pack's result is shared out or refused."""
import nbformat

from autograder.mistakes import Mistake
from autograder.scenario_packs import _reads_after, names_read, names_written
from autograder.simulate import Scenario, split_pack
from autograder.grading.score import TestResult


def test_names_written_include_changes_in_place():
    code = "x = 1\ndf['a'] = 2\nitems.append(3)\nt.sort_values('a', inplace=True)\nimport pandas as pd\nu = t.sort_values('a')"
    assert names_written(code) == {"x", "df", "items", "t", "pd", "u"}
    assert names_written("x = (") is None


def test_names_read_include_the_answers_a_test_names():
    assert {"sessions", "rate", "pct"} <= names_read('rate = sessions.mean()\nexpect("pct", given="rate")')


def _code(source, question=None, grade_id=None):
    cell = nbformat.v4.new_code_cell(source)
    if grade_id:
        cell.metadata["nbgrader"] = {"grade": True, "solution": False, "locked": True, "grade_id": grade_id,
                                     "points": 1}
        cell.metadata["course"] = {"question": question}
    return cell


def test_a_name_set_again_before_it_is_read_is_not_read_later():
    notebook = nbformat.v4.new_notebook(cells=[_code("rate = 1"), _code("rate = 2\nprint(rate)"), _code("print(total)")])
    assert _reads_after(notebook, 0, "q1") == {"print", "total"}


def _result(grade_id, earned):
    return TestResult(grade_id, grade_id.split("_")[0], earned, 1.0, "" if earned else "✘ wrong")


def _scenario(failed, checks, name="pack"):
    results = [_result(g, 0.0 if g in failed else 1.0) for g in ("q1_test", "q2_test", "q3_test")]
    return Scenario(name, None, results, "graded", 1.0, [], {}, checks)


def _mistake(mid, question):
    return Mistake(mid, question, f"{question}_answer", "", (f"{question}_test",), "x = 0", says="")


def test_a_pack_that_adds_up_is_shared_out_and_one_that_does_not_is_refused():
    notebook = nbformat.v4.new_notebook(cells=[_code("", q, f"{q}_test") for q in ("q1", "q2", "q3")])
    solution = _scenario(set(), {"q1": "✔", "q2": "✔", "q3": "✔"}, "solution")
    group = [_mistake("a", "q1"), _mistake("b", "q3")]
    pack = _scenario({"q1_test", "q3_test"}, {"q1": "✘ a", "q2": "✔", "q3": "✘ b"})
    shares = split_pack(pack, group, solution, notebook)
    assert shares["a"].failed == {"q1_test"} and shares["b"].failed == {"q3_test"}
    assert shares["a"].checks["q3"] == "✔" and shares["b"].checks["q3"] == "✘ b"
    spilled = _scenario({"q1_test", "q2_test", "q3_test"}, {"q1": "✘ a", "q2": "✘", "q3": "✘ b"})
    assert split_pack(spilled, group, solution, notebook) is None
    unnamed = _scenario({"q1_test", "q3_test"}, {"q1": "✘ a", "q2": "✔", "q3": "✔"})
    assert split_pack(unnamed, group, solution, notebook) is None
