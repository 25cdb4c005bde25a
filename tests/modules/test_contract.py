"""Does every ready module keep the module contract, and does the contract check catch a notebook that does not?"""
import nbformat
import pytest

from autograder import contract
from autograder.curriculum import ROOT, course
from tests.conftest import toy_module

READY = [m.id for m in course().ready_modules]


@pytest.mark.parametrize("module_id", READY)
def test_ready_module_keeps_the_contract(module_id):
    """Structure, objectives, points, ids, checks and tests: is there nothing to fix?"""
    module = course().module(module_id)
    notebook = nbformat.read(module.notebook, as_version=4)
    assert contract.problems(module, course(), notebook) == []


def test_contract_check_catches_a_notebook_that_breaks_it():
    """Does the check name the missing sections, the bare test and the short text of the toy notebook?"""
    module = toy_module()
    notebook = nbformat.read(module.notebook, as_version=4)
    found = contract.problems(module, course(), notebook)
    assert any("first cell is not a markdown title" in p for p in found)
    assert any("no '## The scenario' section" in p for p in found)
    assert any("words of text" in p for p in found)
    assert any("the module has 3 questions" in p for p in found)


def test_a_test_that_reads_an_answer_directly_is_caught():
    """Is a hidden test that uses the learner's variable itself (not through expect) reported?"""
    source = '"""Is x right?"""\n### BEGIN HIDDEN TESTS\nfrom coursecheck import expect\nassert x == 3\n### END HIDDEN TESTS'
    found = contract._test_cell_problems("x_is_right", source)
    assert any("reads x directly" in p for p in found) and any("does not judge an answer" in p for p in found)


def test_every_notebook_in_the_repository_is_committed_without_outputs():
    """Are all notebooks free of outputs and execution counts, so a diff shows only what a person changed?"""
    notebooks = [p for p in ROOT.rglob("*.ipynb") if ".venv" not in p.parts and "build" not in p.parts]
    assert notebooks
    for path in notebooks:
        for cell in nbformat.read(path, as_version=4).cells:
            if cell.cell_type == "code":
                assert not cell.outputs and cell.execution_count is None, path


def test_a_link_to_a_file_the_learner_does_not_get_is_caught():
    """Is a link into the repository (which a released assignment does not have) reported, and a shipped one not?"""
    from nbformat.v4 import new_markdown_cell, new_notebook
    module = course().module("09-evaluation")
    notebook = new_notebook(cells=[new_markdown_cell(
        "[sessions](datasheets/program_sessions.md), [web](https://example.org), [here](#top), "
        "[repo](../../datasets/datasheets/program_sessions.md)")])
    found = contract.link_problems(module, notebook)
    assert len(found) == 1 and "../../datasets/datasheets/program_sessions.md" in found[0]
