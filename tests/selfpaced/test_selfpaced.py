"""Can a librarian learn alone: a workspace that keeps their work, whole-question checks, hints, answers, progress?"""
import json

import nbformat
import pytest
from click.testing import CliRunner
from nbclient import NotebookClient

from autograder.cli import main
from autograder.curriculum import course
from autograder.mistakes import load_mistakes
from autograder.notebooks.submissions import fill, solved, untouched, with_mistake
from autograder.selfpaced.progress import progress_table
from autograder.selfpaced.workspace import EDITION, open_workspace

pytestmark = pytest.mark.slow
MODULE = "09-evaluation"


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    folder = tmp_path_factory.mktemp("lab") / "workspace"
    opened = open_workspace(folder)
    assert opened.added == [m.id for m in course().ready_modules]
    assert all((folder / m.id / "datasheets" / f"{t}.md").exists() for m in course().ready_modules for t in m.tables)
    return folder


@pytest.fixture(scope="module")
def source():
    return nbformat.read(course().module(MODULE).notebook, as_version=4)


def learner_notebook(workspace, module=MODULE):
    return nbformat.read(workspace / module / f"{module}.ipynb", as_version=4)


def run_in_workspace(notebook, workspace, extra=(), module=MODULE):
    """Execute the notebook where the learner keeps it, with extra cells at the end; return each extra's output."""
    notebook.cells += [nbformat.v4.new_code_cell(code) for code in extra]
    NotebookClient(notebook, timeout=120, kernel_name="python3", allow_errors=True,
                   resources={"metadata": {"path": str(workspace / module)}}).execute()
    texts = ["".join(o.get("text", "") for o in c.get("outputs", [])) for c in notebook.cells]
    return notebook, texts


@pytest.mark.parametrize("module", [m.id for m in course().ready_modules])
def test_a_solved_notebook_checks_correct_question_by_question(workspace, module):
    """In every module, does each check("qN") say correct on a solved notebook (speed: benchmarks/)?"""
    source = nbformat.read(course().module(module).notebook, as_version=4)
    solved_nb = fill(learner_notebook(workspace, module), source, solved(source))
    executed, texts = run_in_workspace(solved_nb, workspace, module=module)
    checks = [t for c, t in zip(executed.cells, texts) if c.cell_type == "code" and c.source.startswith('check("q')]
    assert checks and all("correct" in t and "✔" in t for t in checks), checks
    assert not [t for t in texts if "not answered yet" in t], "a quick check could not see a solved answer"
    if module != MODULE:
        return
    table = progress_table(workspace).set_index("competency")
    assert table.loc["evaluation", "passed"] == table.loc["evaluation", "questions"] > 0
    assert table.loc["evaluation", "points"] == table.loc["evaluation", "possible"]


def test_incorrect_and_not_attempted_are_told_apart_with_hints_and_a_guarded_solution(workspace, source):
    mistake = next(m for m in load_mistakes(course().module(MODULE).mistakes) if m.question == "q1")
    answers = with_mistake(source, mistake)
    notebook = fill(learner_notebook(workspace), source, answers)
    extra = ['check("q1")', 'check("q3")', 'hint("q1")', 'hint("q1")', 'solution("q1", confirm="no thanks")',
             'solution("q1", confirm="show me")']
    _, texts = run_in_workspace(notebook, workspace, extra)
    wrong, other, nudge, stronger, refused, shown = texts[-6:]
    assert "✘ Question 1: incorrect" in wrong and "0 of 2 points" in wrong and "Traceback" not in wrong
    assert "correct" in other or "not attempted" in other
    assert "A nudge for Q1" in nudge and "The method in words for Q1" in stronger and "solution(" in stronger
    assert "Not shown" in refused and "response_rate" not in refused
    assert "model answer" in shown and "response_rate" in shown
    untouched_nb = fill(learner_notebook(workspace), source, untouched(source))
    _, texts = run_in_workspace(untouched_nb, workspace, ['check("q1")'])
    assert "not attempted" in texts[-1]


def test_reopening_never_overwrites_work_and_offers_updates_beside_it(workspace):
    mine = workspace / MODULE / f"{MODULE}.ipynb"
    mine.write_text(mine.read_text(encoding="utf-8").replace("...", "... # my note", 1), encoding="utf-8")
    before = mine.read_bytes()
    again = open_workspace(workspace)
    assert again.added == [] and again.updates == {} and mine.read_bytes() == before
    record = json.loads((workspace / EDITION).read_text())
    record[MODULE] = "an older version"
    (workspace / EDITION).write_text(json.dumps(record))
    updated = open_workspace(workspace)
    assert mine.read_bytes() == before and updated.updates[MODULE].exists()
    assert updated.updates[MODULE].parent == mine.parent and updated.updates[MODULE] != mine


def test_course_check_scores_explains_and_never_shows_a_traceback(workspace, source, tmp_path):
    runner = CliRunner()
    untouched_path = tmp_path / f"{MODULE}.ipynb"
    nbformat.write(fill(learner_notebook(workspace), source, untouched(source)), untouched_path)
    result = runner.invoke(main, ["check", str(untouched_path)])
    assert result.exit_code == 0 and "/ " in result.output and " 0 / " in result.output
    assert "Not attempted yet" in result.output
    mistake = next(m for m in load_mistakes(course().module(MODULE).mistakes) if m.question == "q1")
    wrong = tmp_path / "wrong" / f"{MODULE}.ipynb"
    wrong.parent.mkdir()
    nbformat.write(fill(learner_notebook(workspace), source, with_mistake(source, mistake)), wrong)
    result = runner.invoke(main, ["check", str(wrong)])
    assert "Q1:" in result.output and "point(s) lost" in result.output and "Traceback" not in result.output
    crashing = fill(learner_notebook(workspace), source, solved(source))
    answer = next(c for c in crashing.cells if c.get("metadata", {}).get("nbgrader", {}).get("grade_id") == mistake.cell)
    answer.source = "import os\nos._exit(1)"
    crash_path = tmp_path / "crash" / f"{MODULE}.ipynb"
    crash_path.parent.mkdir()
    nbformat.write(crashing, crash_path)
    result = runner.invoke(main, ["check", str(crash_path)])
    assert result.exit_code == 0 and "About this run:" in result.output and "Traceback" not in result.output


def test_progress_prints_a_table_and_a_described_chart(workspace):
    result = CliRunner().invoke(main, ["progress", "--workspace", str(workspace)])
    assert result.exit_code == 0 and "Evaluation" in result.output and "Share of points earned" in result.output
    assert (workspace / "progress.png").stat().st_size > 1000
