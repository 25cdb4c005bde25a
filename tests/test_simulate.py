"""Does the simulator grade solution, untouched and mistaken notebooks, and catch a catalogue that lies?"""
import shutil

import pytest

from autograder.simulate import module_checks, problems, run_scenarios, shown_forms
from tests.conftest import FILES, toy_module


@pytest.mark.slow
def test_toy_module_meets_the_contract():
    """Does the toy module score full when solved, zero untouched, and lose exactly each mistake's points?"""
    scenarios = run_scenarios(toy_module())
    assert problems(scenarios, module_checks(toy_module())) == []
    solution, untouched, *others = scenarios
    assert solution.score == (3.0, 3.0) and untouched.score == (0.0, 4.0)  # the blank written answer is a decided 0
    mistaken = [s for s in others if not s.mistake.right]
    assert [s.failed for s in mistaken] == [{"total_attendance_correct"}, {"per_branch_counts"}]
    assert [s.score for s in others if s.mistake.right] == [(3.0, 3.0)]
    assert "you counted the sessions" in mistaken[0].checks["q1"] and solution.checks["q2"].startswith("✔")
    assert all(r.message.startswith("…") for r in untouched.results if r.possible and r.earned == 0 and r.grade_id != "q3_sentence")


@pytest.mark.slow
def test_a_catalogue_entry_that_fails_the_wrong_test_is_reported(tmp_path):
    """Is a mistake that does not fail the tests it names reported as a problem?"""
    shutil.copytree(FILES / "toy-module", tmp_path / "toy-module")
    catalogue = tmp_path / "toy-module" / "mistakes.toml"
    catalogue.write_text(catalogue.read_text().replace('fails = ["per_branch_counts"]',
                                                       'fails = ["total_attendance_correct"]'))
    found = problems(run_scenarios(toy_module(tmp_path)))
    assert any("mean-not-count: should fail exactly ['total_attendance_correct']" in p for p in found)
    assert any("no catalogued mistake fails: per_branch_counts" in p for p in found)


@pytest.mark.parametrize("value, message, shown", [
    (12, "you counted 12 sessions", True),
    (12, "in FY2012 the counts were different", False),
    (12, "a share of 0.12 is not a count", False),
    (0.455, "the response rate came out as 45.5%", True),
    (0.455, "0.4551 is close but rounded differently", False),
    (54300, "the total should not be $54,300", True),
    (54300, "54,3001 is not a number anyone would print", False),
    (3.5, "you found 13.5", False),
])
def test_the_leak_check_finds_whole_numbers_only(value, message, shown):
    """Does the answer-leak check see a value written as a number in a message, and not a digit run inside another?"""
    assert bool(shown_forms(value, message)) == shown
