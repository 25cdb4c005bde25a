"""Does the simulator grade solution, untouched and mistaken notebooks, and catch a catalogue that lies?"""
import shutil

import pytest

from autograder.simulate import problems, run_scenarios
from tests.conftest import FILES, toy_module


@pytest.mark.slow
def test_toy_module_meets_the_contract():
    """Does the toy module score full when solved, zero untouched, and lose exactly each mistake's points?"""
    scenarios = run_scenarios(toy_module())
    assert problems(scenarios) == []
    solution, untouched, *mistaken = scenarios
    assert solution.score == (3.0, 3.0) and untouched.score == (0.0, 4.0)  # the blank written answer is a decided 0
    assert [s.failed for s in mistaken] == [{"total_attendance_correct"}, {"per_branch_counts"}]
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
