"""Does the check cell under a question say correct, incorrect (naming the slip) or not attempted, from checks.json
alone, and give hints in tiers, in each edition and at each level of feedback an instructor may choose?"""
import contextlib
import io
import json

import pytest

from autograder.assignment import stage_support
from autograder.checks.assemble import build_checks
from autograder.learner.coursecheck import checkcell, lastrun
from tests.conftest import toy_module


@pytest.fixture(scope="module")
def toy_folder(tmp_path_factory):
    return stage_support(toy_module(), tmp_path_factory.mktemp("toy"))


def said(folder, qid, **answers):
    """What check(qid) prints in the assignment folder, for a notebook holding these answers."""
    checkcell._loaded.clear()
    printed = io.StringIO()
    with contextlib.chdir(folder), contextlib.redirect_stdout(printed):
        namespace = {"__name__": "__main__", **answers}
        exec(f'from coursecheck.checkcell import check\ncheck("{qid}")', namespace)
    return printed.getvalue()


@pytest.fixture(autouse=True)
def importable(toy_folder, monkeypatch):
    """The helpers as a learner's kernel imports them: the package beside the notebook."""
    import sys
    from autograder.learner import coursecheck
    monkeypatch.setitem(sys.modules, "coursecheck", coursecheck)
    lastrun._stopped.clear()


def test_a_right_answer_is_correct_and_a_catalogued_slip_is_named(toy_folder):
    """Is the total correct, the count of sessions incorrect with its own words, and the answer never shown?"""
    assert said(toy_folder, "q1", total_attendance=30.0).startswith("✔ Question 1: correct.")
    wrong = said(toy_folder, "q1", total_attendance=3)
    assert wrong.startswith("✘ Question 1: incorrect") and "you counted the sessions" in wrong
    assert "30" not in wrong and 'hint("q1")' in wrong


def test_an_unknown_slip_says_what_was_checked_and_found(toy_folder):
    """Is a wrong answer no catalogue knows told what was checked and found, with the test's advice?"""
    wrong = said(toy_folder, "q1", total_attendance=29.0)
    assert "Checked: the sum of recorded attendance" in wrong and "Found 29" in wrong and "Try this" in wrong


def test_not_attempted_and_a_cell_that_stopped_are_told_apart(toy_folder):
    """Is an untouched ... 'not attempted', and an answer whose cell stopped with an error said so, with the error?"""
    assert said(toy_folder, "q1", total_attendance=...).startswith("… Question 1: not attempted yet.")

    class Run:
        error_in_exec = KeyError("attendnce")
        info = type("Info", (), {"raw_cell": "total_attendance = sessions['attendnce'].sum()"})

    lastrun.remember(Run())
    stopped = said(toy_folder, "q1")
    assert "stopped with a KeyError before `total_attendance` was made" in stopped and "last line" in stopped
    Run.error_in_exec = None
    lastrun.remember(Run())
    assert "stopped" not in said(toy_folder, "q1")


def test_hints_come_in_tiers_and_never_point_to_a_helper_the_class_lacks(toy_folder):
    """Does hint() give a nudge, then the method, then say it was the last, without solution() in the class edition?"""
    checkcell._loaded.clear()
    checkcell._hints_given.clear()
    printed = io.StringIO()
    with contextlib.chdir(toy_folder), contextlib.redirect_stdout(printed):
        for _ in range(3):
            checkcell.hint("q1")
    text = printed.getvalue()
    assert "A nudge" in text and "The method in words" in text and "last hint" in text
    assert "solution(" not in text


def test_plausibility_keeps_fingerprints_and_hints_out_and_says_so(toy_folder, tmp_path):
    """For an exam, does checks.json hold no fingerprint, diagnosis or hint, and the check speak of form only?"""
    data = build_checks(toy_module(), toy_folder, feedback="plausibility")
    text = json.dumps(data)
    assert '"fingerprints"' not in text and '"mistakes"' not in text and '"hints": []' in text
    (tmp_path / "checks.json").write_text(text)
    assert "right form" in said(tmp_path, "q1", total_attendance=3)
    assert "not a single number" not in said(tmp_path, "q1", total_attendance=3)
    assert said(tmp_path, "q1", total_attendance="thirty").startswith("✘")


def test_a_right_alternative_is_correct_too(toy_folder):
    """Does an answer worked another right way (the catalogue's alternative) say correct?"""
    import pandas as pd
    sessions = pd.DataFrame({"attendance": [10, 20, None]})
    assert said(toy_folder, "q1", total_attendance=sessions["attendance"].dropna().sum()).startswith("✔")
