"""The self-paced edition of a module, made from the same source notebook as the instructor's course."""
from __future__ import annotations

import copy

import nbformat
from nbformat import NotebookNode

from autograder.notebooks import cells, howto, regions

HELPERS_IMPORT = "from courselab import check, hint, solution  # self-paced: the tests themselves, hints, answers"


def question_bank(module_id: str, source: NotebookNode) -> dict:
    """Per question: its tests (run by check) and the model answer, from the source notebook."""
    bank: dict[str, dict] = {}
    for cell in source.cells:
        qid = cells.question(cell)
        if qid is None:
            continue
        entry = bank.setdefault(qid, {"points": 0.0, "manual": True, "tests": [], "solution": ""})
        if cells.is_autograded_test(cell):
            entry["manual"] = False
            entry["points"] += cells.points(cell)
            entry["tests"].append({"grade_id": cells.grade_id(cell), "points": cells.points(cell),
                                   "source": cell.source})
        elif cells.is_solution(cell):
            entry["solution"] = (entry["solution"] + "\n" + regions.solution_region(cell.source)).strip("\n")
            if cells.is_manually_graded(cell):
                entry["points"] += cells.points(cell)
    return {"module": module_id, "questions": bank}


def selfpaced_notebook(released: NotebookNode, bank: dict, feedback: str = "diagnosis") -> NotebookNode:
    """The learner's notebook with the self-paced helpers imported, its opening said for learning alone, and a word
    on hints and model answers after each question."""
    notebook = howto.for_edition(copy.deepcopy(released), "self-paced", feedback)
    setup = next((c for c in notebook.cells if c.cell_type == "code" and "from coursecheck import" in c.source), None)
    if setup is not None:  # after the coursecheck import, so that check() and hint() are the self-paced ones
        lines = setup.source.split("\n")
        at = next(i for i, line in enumerate(lines) if line.startswith("from coursecheck import"))
        setup.source = "\n".join(lines[:at + 1] + [HELPERS_IMPORT] + lines[at + 1:])
    last_cell = {cells.question(c): i for i, c in enumerate(notebook.cells) if cells.question(c)}
    for qid, index in sorted(last_cell.items(), key=lambda item: -item[1]):
        if qid not in bank["questions"]:
            continue
        manual = bank["questions"][qid]["manual"]
        text = (f"**On your own?** Compare your answer with a model answer and its mark scheme: `solution(\"{qid}\")`."
                if manual else
                f"**Stuck?** `hint(\"{qid}\")` gives a nudge, and the method in words if you ask again; "
                f"`solution(\"{qid}\")` shows a model answer once you confirm.")
        # a stable id: the same build gives the same file
        notebook.cells.insert(index + 1, nbformat.v4.new_markdown_cell(text, id=f"selfpaced-{qid}-help"))
    return notebook  # nbgrader's cell ids stay, so `course check` can grade the notebook as the course would
