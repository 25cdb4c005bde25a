"""The self-paced edition of a module, made from the same source notebook as the instructor's course."""
from __future__ import annotations

import ast
import copy
import re

import nbformat
from nbformat import NotebookNode

from autograder.notebooks import cells, regions

TECHNIQUE = re.compile(r"^#+\s*(Technique:.*)$", re.MULTILINE)
HELPERS_IMPORT = "from courselab import check, hint, solution  # self-paced: whole-question checks, hints, answers"


def _test_texts(source: str) -> list[tuple[str, str]]:
    """The (what, hint) texts of each expect() or expect_plot() call in a test cell."""
    found = []
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return found
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("expect", "expect_plot"):
            words = {k.arg: k.value.value for k in node.keywords
                     if isinstance(k.value, ast.Constant) and isinstance(k.value.value, str)}
            found.append((words.get("what", ""), words.get("hint", "")))
    return found


def question_bank(module_id: str, source: NotebookNode) -> dict:
    """Per question: its tests (run by check), tiered hints and the model answer, from the source notebook."""
    bank: dict[str, dict] = {}
    technique = ""
    for cell in source.cells:
        if cell.cell_type == "markdown":
            technique = next(iter(TECHNIQUE.findall(cell.source)), technique)
        qid = cells.question(cell)
        if qid is None:
            continue
        entry = bank.setdefault(qid, {"points": 0.0, "manual": True, "tests": [], "solution": "",
                                      "hints": [], "technique": technique})
        if cells.is_autograded_test(cell):
            entry["manual"] = False
            entry["points"] += cells.points(cell)
            entry["tests"].append({"grade_id": cells.grade_id(cell), "points": cells.points(cell),
                                   "source": cell.source})
            for what, hint in _test_texts(cell.source):
                entry.setdefault("what", []).append(what)
                if hint:
                    entry["hints"].append(hint[0].upper() + hint[1:])
        elif cells.is_solution(cell):
            entry["solution"] = (entry["solution"] + "\n" + regions.solution_region(cell.source)).strip("\n")
            if cells.is_manually_graded(cell):
                entry["points"] += cells.points(cell)
    for entry in bank.values():
        nudge = (f"Look again at the worked example under \"{entry['technique']}\": it does the same steps on "
                 "other data." if entry["technique"] else "Look again at the worked example just above.")
        whats = [w for w in entry.pop("what", []) if w]
        if whats:
            nudge += " The tests look for " + "; and ".join(whats) + "."
        entry["hints"] = [nudge] + list(dict.fromkeys(entry["hints"]))
        entry.pop("technique")
    return {"module": module_id, "questions": bank}


def selfpaced_notebook(released: NotebookNode, bank: dict) -> NotebookNode:
    """The learner's notebook with the self-paced helpers imported and a whole-question check after each question."""
    notebook = copy.deepcopy(released)
    setup = next((c for c in notebook.cells if c.cell_type == "code" and "from coursecheck import" in c.source), None)
    if setup is not None:  # after the coursecheck import, so that check() is the whole-question one
        lines = setup.source.split("\n")
        at = next(i for i, line in enumerate(lines) if line.startswith("from coursecheck import"))
        setup.source = "\n".join(lines[:at + 1] + [HELPERS_IMPORT] + lines[at + 1:])
    last_cell = {cells.question(c): i for i, c in enumerate(notebook.cells) if cells.question(c)}
    for qid, index in sorted(last_cell.items(), key=lambda item: -item[1]):
        if qid not in bank["questions"]:
            continue
        manual = bank["questions"][qid]["manual"]
        text = (f"**On your own?** Compare your answer with a model answer: `solution(\"{qid}\")`."
                if manual else
                f"**Check your whole answer** with `check(\"{qid}\")`: it runs every test of this question. "
                f"Stuck? `hint(\"{qid}\")` gives a nudge (run it again for a stronger one); "
                f"`solution(\"{qid}\")` shows a model answer once you confirm.")
        added = [nbformat.v4.new_markdown_cell(text, id=f"selfpaced-{qid}-help")]  # stable ids: same build, same file
        if not manual:
            added.append(nbformat.v4.new_code_cell(f'check("{qid}")', id=f"selfpaced-{qid}-check"))
        notebook.cells[index + 1:index + 1] = added
    return notebook  # nbgrader's cell ids stay, so `course check` can grade the notebook as the course would
