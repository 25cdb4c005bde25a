"""Does checks.json carry what a check cell needs: fingerprints that judge as the tests do, what follows from a
known earlier slip, the mistakes each failure may be, and nothing a learner could read an answer from?"""
import contextlib
import json

import nbformat
import pytest

from autograder.assignment import support_files
from autograder.checks.assemble import build_checks
from autograder.checks.replay import replay
from autograder.curriculum import course
from autograder.learner.coursecheck import checkcell
from autograder.mistakes import load_catalogue
from autograder.notebooks.submissions import with_mistake

MODULE = "04-organizational-skills"
SLIP = "plan-from-last-session-built-on"


@pytest.fixture(scope="module")
def staged(tmp_path_factory):
    import shutil
    module = course().module(MODULE)
    folder = tmp_path_factory.mktemp("checks")
    for name, origin in support_files(module).items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(origin, folder / name)
    checks = build_checks(module, folder)
    (folder / "checks.json").write_text(json.dumps(checks))
    return module, folder, checks


def test_later_answers_built_on_a_known_slip_are_correct_in_the_check_cell(staged):
    """With Question 8 counted back from the last session, do Questions 9-11 built on it say correct, from the
    learner's own plan, while Question 8 says incorrect and names the slip's stage?"""
    module, folder, checks = staged
    source = nbformat.read(module.notebook, as_version=4)
    slip = next(m for m in load_catalogue(module.mistakes) if m.id == SLIP)
    names = {t["answer"] for q in checks["questions"].values() for t in q["tests"]}
    namespace = replay(source, folder, [with_mistake(source, slip)], names)[f"mistake:{slip.id}"]
    checkcell._loaded.clear()
    with contextlib.chdir(folder):
        assert checkcell.check_question("q8", namespace)[0] == "incorrect"
        for qid in ("q9", "q10", "q11"):
            status, words = checkcell.check_question(qid, namespace)
            assert status == "correct", words
        assert "your own `windows`" in checkcell.check_question("q10", namespace)[1]


def test_an_answer_built_on_an_unknown_slip_is_told_to_fix_the_earlier_one_first(staged):
    """When the plan is wrong in a way no catalogue knows, does the windows check say to fix the plan first?"""
    import pandas as pd
    module, folder, _ = staged
    plan = pd.DataFrame({"task_id": ["T1"], "task": ["Book the room"], "typical_lead_days": [3],
                         "depends_on_task_id": [None], "due_date": [pd.Timestamp("2025-01-01")]})
    windows = plan.assign(start=pd.Timestamp("2024-12-01"), window_days=31)
    checkcell._loaded.clear()
    with contextlib.chdir(folder):
        status, words = checkcell.check_question("q10", {"plan": plan, "windows": windows,
                                                         "earliest_first_session": pd.Timestamp("2025-11-06")})
    assert status == "incorrect" and "builds on your `windows`" in words and "fix that first" in words


def test_no_test_is_left_without_what_a_check_cell_needs(staged):
    """Has every test of the module its public rules and either a fingerprint or a named answer to judge by?"""
    _, _, checks = staged
    for qid, question in checks["questions"].items():
        for test in question["tests"]:
            assert "what" in test["rules"], test["id"]
            judged_by = set(test["fingerprints"]) | set(test["named"]) | {"labelled" if test["judge"] == "plot" else ""}
            assert judged_by - {""}, test["id"]
