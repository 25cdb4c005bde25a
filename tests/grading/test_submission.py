"""Are broken, renamed and tampered submissions read and repaired from the source, never modified on disk?"""
import copy
import json
import re

import nbformat
import pytest

from autograder.grading.submission import Unreadable, assemble, find_notebook, read_notebook
from autograder.notebooks import cells
from autograder.notebooks.submissions import fill, solved, untouched
from tests.conftest import toy_module

EXPECTED = "toy-module.ipynb"


@pytest.fixture
def source():
    return nbformat.read(toy_module().notebook, as_version=4)


@pytest.fixture
def submitted(source):
    return fill(source, source, solved(source))


def write(folder, name, content):
    path = folder / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    return path


@pytest.mark.parametrize("content, words", [
    (b"", "empty (0 bytes)"),
    (b'{"cells": [{"cell_type": "code", "sou', "not a complete notebook"),
    (b"just some text", "not a complete notebook"),
    (b'{"a": 1}', "not a notebook"),
    (json.dumps({"cells": [], "nbformat": 5, "nbformat_minor": 0, "metadata": {}}).encode(), "format version 5"),
])
def test_unreadable_files_get_a_clear_reason(tmp_path, content, words):
    """Do zero-byte, truncated, non-JSON and unknown-version files each say what is wrong?"""
    path = write(tmp_path, EXPECTED, content)
    with pytest.raises(Unreadable, match=re.escape(words)):
        read_notebook(path)
    assert path.read_bytes() == content


def test_non_utf8_bytes_are_decoded_with_a_note(tmp_path, submitted):
    """Is a notebook saved in Windows-1252 read, with a note saying so?"""
    submitted.cells[0].source = "# Café résumé"
    path = write(tmp_path, EXPECTED, nbformat.writes(submitted).encode("cp1252"))
    notebook, note = read_notebook(path)
    assert "Café" in notebook.cells[0].source and "cp1252" in note


def test_old_format_is_upgraded(tmp_path):
    """Is an nbformat 3 notebook upgraded rather than refused?"""
    old = {"nbformat": 3, "nbformat_minor": 0, "metadata": {},
           "worksheets": [{"cells": [{"cell_type": "code", "input": "x = 1", "outputs": [], "language": "python"}]}]}
    notebook, note = read_notebook(write(tmp_path, EXPECTED, json.dumps(old)))
    assert notebook.cells[0].source == "x = 1" and "upgraded" in note


def test_renamed_notebook_is_graded_with_a_note_and_ambiguity_is_refused(tmp_path):
    """Is a lone renamed notebook found (with a note), while two candidates or none are refused clearly?"""
    renamed, empty = tmp_path / "renamed", tmp_path / "empty"
    renamed.mkdir()
    empty.mkdir()
    write(renamed, "toy-module (1).ipynb", "{}")
    assert "found toy-module (1).ipynb" in find_notebook(renamed, EXPECTED).note
    write(renamed, "copy.ipynb", "{}")
    with pytest.raises(Unreadable, match="several notebooks"):
        find_notebook(renamed, EXPECTED)
    with pytest.raises(Unreadable, match="found no notebook"):
        find_notebook(empty, EXPECTED)


def test_hidden_tests_never_reach_the_learners_run(source, submitted):
    """Is every test cell replaced by a cell that only prints answers, so hidden code stays with the grader?"""
    assembled = assemble(source, submitted)
    run_text = nbformat.writes(assembled.run)
    assert "HIDDEN TESTS" not in run_text and "_expected" not in run_text
    assert [cells.grade_id(t) for t in assembled.tests] == ["total_attendance_correct", "per_branch_counts"]
    assert assembled.repairs == []


def test_edited_test_and_flipped_metadata_are_restored(source, submitted):
    """Are an edited test, a test turned into markdown and flipped grade flags all restored from the source?"""
    tampered = copy.deepcopy(submitted)
    by_id = cells.cells_by_id(tampered)
    by_id["total_attendance_correct"].source = "pass"
    by_id["per_branch_counts"].cell_type = "markdown"
    by_id["q1_check"].metadata["nbgrader"]["grade"] = True
    by_id["q1_check"].metadata["nbgrader"]["points"] = 50
    assembled = assemble(source, tampered)
    originals = cells.cells_by_id(source)
    assert [t.source for t in assembled.tests] == [originals["total_attendance_correct"].source,
                                                   originals["per_branch_counts"].source]
    assert len(assembled.repairs) == 3


def test_deleted_test_cell_is_re_added_in_place(source, submitted):
    """Is a deleted test cell put back after the cell that preceded it?"""
    tampered = copy.deepcopy(submitted)
    tampered.cells = [c for c in tampered.cells if cells.grade_id(c) != "per_branch_counts"]
    assembled = assemble(source, tampered)
    order = [cells.grade_id(c) or c.metadata.get("course", {}).get("dump_for") for c in assembled.run.cells]
    assert order.index("per_branch_counts") == order.index("q2_check") + 1
    assert "re-added deleted cell per_branch_counts" in assembled.repairs


def test_a_copied_and_edited_test_runs_only_as_the_original(source, submitted):
    """Is a test cell pasted again after the original dropped, so grading uses the original only?"""
    tampered = copy.deepcopy(submitted)
    position = next(i for i, c in enumerate(tampered.cells) if cells.grade_id(c) == "total_attendance_correct")
    pasted = copy.deepcopy(tampered.cells[position])
    pasted.source = '"""Is it right?"""\nprint("all good")'
    tampered.cells.insert(position + 1, pasted)
    assembled = assemble(source, tampered)
    assert len(assembled.tests) == 2 and "dropped a second copy of cell total_attendance_correct" in assembled.repairs


def test_learners_own_cells_are_kept_and_answers_are_theirs(source, submitted):
    """Are a learner's scratch cells kept, and their answer code (not the solution) what runs?"""
    mine = copy.deepcopy(submitted)
    mine.cells.insert(3, nbformat.v4.new_code_cell("helper = 10"))
    cells.cells_by_id(mine)["q1_total_attendance"].source = "total_attendance = helper * 3"
    run = nbformat.writes(assemble(source, mine).run)
    assert "helper = 10" in run and "total_attendance = helper * 3" in run
    assert "sessions['attendance'].sum()" not in run


def test_a_deleted_answer_cell_is_never_refilled_with_the_authors_solution(source):
    """When a learner deletes an answer cell, does the run hold no trace of the source's solution?"""
    released = fill(source, source, untouched(source))
    released.cells = [c for c in released.cells if cells.grade_id(c) != "q1_total_attendance"]
    assembled = assemble(source, released)
    assert not any("sessions['attendance'].sum()" in c.source for c in assembled.run.cells)
    assert any("q1_total_attendance was deleted" in r for r in assembled.repairs)
