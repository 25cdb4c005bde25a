"""Do fingerprints judge as the values themselves would, within the tolerance, while never holding the value?"""
import json
import math
import random

import pandas as pd
import pytest

from autograder.learner import coursecheck as cc
from autograder.learner.coursecheck.fingerprint import fingerprint, mismatch


def printed(kind, value, **rules):
    """A fingerprint as checks.json holds it: written out as JSON text and read back."""
    return cc.Fingerprint(json.loads(json.dumps(fingerprint(kind, value, salt="s", **rules))))


def test_a_number_is_matched_within_its_tolerance_wherever_it_falls_on_the_grid():
    """For many values and tolerances, does an answer just inside pass and one just outside fail?"""
    pick = random.Random(7)
    for _ in range(2000):
        expected = pick.uniform(-5000, 5000) * 10 ** pick.randint(-4, 2)
        tolerance = 10 ** pick.uniform(-6, 1)
        fp = printed("number", expected, tolerance=tolerance, relative=0.0)
        width = tolerance * pick.choice([-1, 1])
        assert mismatch(fp, expected + width * 0.999) is None
        assert mismatch(fp, expected + width * 1.001 + math.copysign(1e-9 * abs(expected), width)) is not None


def test_a_fingerprint_never_holds_the_value_it_stands_for():
    """Are a share, a count, a text answer and a table's values absent from the written fingerprint?"""
    for kind, value, shown in [("number", 0.41736, ["0.417", "41.7"]), ("number", 1234.0, ["1234"]),
                               ("text", "Harbor Point", ["harbor", "Harbor"]),
                               ("table", pd.DataFrame({"branch": ["Oak Ridge"], "rate": [0.6125]}), ["0.612", "61.2"])]:
        text = json.dumps(fingerprint(kind, value, salt="s", tolerance=0.0006))
        assert not any(s in text for s in shown), (kind, text)


def test_salts_make_the_same_answer_look_different():
    """Does the same value give different hashes under two salts, so one module's prints say nothing of another's?"""
    assert fingerprint("number", 0.5, salt="a")["v"]["h"] != fingerprint("number", 0.5, salt="b")["v"]["h"]


TABLE = pd.DataFrame({"branch": ["Central", "Eastgate", "Millbrook"], "sessions": [40, 25, 31],
                      "rate": [0.41, 0.52, 0.33]})


@pytest.mark.parametrize("answer, found", [
    (TABLE.iloc[::-1], None),
    (TABLE.set_index("branch"), None),
    (TABLE.assign(sessions=TABLE.sessions.astype(float)), None),
    (TABLE.assign(rate=[0.41, 0.52, 0.39]), "1 of 3 rows differ from the answer in column `rate`"),
    (TABLE.assign(branch=["Central", "Eastgate", "Milbrook"]), "`branch` that should not be there, such as Milbrook"),
    (TABLE.iloc[:2], "2 rows"),
    (TABLE.drop(columns="rate"), "also needs `rate`"),
])
def test_a_table_is_judged_by_its_key_columns_then_value_by_value(answer, found):
    """Is a table matched row by row on its label column, saying which column differs without the values?"""
    problem = mismatch(printed("table", TABLE), answer)
    assert (problem is None) if found is None else found in problem, problem
    if problem:
        assert "0.33" not in problem and "31" not in problem


def test_includes_and_within_judge_part_of_a_table():
    """Does match="includes" allow extra rows but not missing ones, and "within" the other way round?"""
    wanted = pd.DataFrame({"branch": ["CEN", "EAS"], "month": ["2024-07", "2024-09"]})
    more = pd.concat([wanted, pd.DataFrame({"branch": ["OAK"], "month": ["2024-08"]})])
    includes = printed("table", wanted, key=["branch", "month"], match="includes")
    within = printed("table", wanted, key=["branch", "month"], match="within")
    assert mismatch(includes, more) is None and "missing" in mismatch(includes, wanted.iloc[:1])
    assert mismatch(within, wanted.iloc[:1]) is None and "should not be there" in mismatch(within, more)


def test_a_table_without_labels_is_matched_row_by_row_with_neighbouring_cells():
    """Is a table of numbers only matched as whole rows, in any order, each number within its tolerance?"""
    numbers = pd.DataFrame({"a": [1.0, 2.0, 3.0], "b": [0.49999, 0.7, 0.1]})
    fp = printed("table", numbers, tolerance=0.001)
    assert mismatch(fp, numbers.iloc[::-1] + 0.0009) is None
    assert "1 of 3 rows differ" in mismatch(fp, numbers.assign(b=[0.49999, 0.7, 0.2]))


def test_a_series_says_which_of_the_learners_labels_is_unknown_and_never_an_expected_one():
    """Is a misspelt label named (it is the learner's own), while the expected labels stay hidden?"""
    wanted = pd.Series({"Central": 2, "Eastgate": 1})
    problem = mismatch(printed("series", wanted), pd.Series({"Central": 2, "Eastgat": 1}))
    assert "`Eastgat`" in problem and "Eastgate" not in problem.replace("Eastgat`", "")


def test_lists_and_dates():
    """Are unordered lists matched as a multiset, ordered ones by place, and days as calendar days?"""
    assert mismatch(printed("collection", ["b", "a", "a"]), ["a", "b", "a"]) is None
    assert "order matters" in mismatch(printed("collection", ["a", "b"], ordered=True), ["b", "a"])
    day = pd.Timestamp("2025-11-13")
    assert mismatch(printed("date", day), "2025-11-13") is None
    assert "which is not it" in mismatch(printed("date", day), pd.Timestamp("2025-11-14"))


@pytest.mark.parametrize("value, expected, rules", [
    (0.26, 0.25, {"tolerance": 0.01}), (0.3, 0.25, {"tolerance": 0.01}),
    (pd.Series({"a": 1.0, "b": 2.0}), pd.Series({"a": 1.0, "b": 2.5}), {}),
    (TABLE.assign(rate=0.0), TABLE, {}), (["x", "y"], ["y", "x"], {"ordered": True}),
])
def test_the_grader_and_a_check_cell_say_the_same_thing(value, expected, rules):
    """Is an answer judged against the value (the grader) and against its fingerprint (a check cell) alike?"""
    kind = cc.describe(expected) and ("series" if isinstance(expected, pd.Series) else None)
    direct = cc.evaluate("x", value, expected, kind=kind, **rules)
    from_print = cc.evaluate("x", value, printed(kind or ("table" if isinstance(expected, pd.DataFrame) else
                                                           "collection" if isinstance(expected, list) else "number"),
                                                 expected, **rules))
    assert (direct.status, direct.found) == (from_print.status, from_print.found)
