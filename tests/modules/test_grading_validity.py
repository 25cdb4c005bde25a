"""For every ready module: full marks solved, zero untouched, and each catalogued mistake loses exactly its tests."""
import pytest

from autograder.curriculum import course
from autograder.simulate import module_checks, problems, run_scenarios

READY = [m.id for m in course().ready_modules]


@pytest.mark.slow
@pytest.mark.parametrize("module_id", READY)
def test_grading_is_valid(module_id):
    """Does the module's grading keep its contract for the solution, the untouched notebook and every mistake?"""
    module = course().module(module_id)
    assert problems(run_scenarios(module), module_checks(module)) == []
