"""The opening's "How this notebook works", said for each edition: how to get feedback before submitting."""
from __future__ import annotations

import copy

from nbformat import NotebookNode

HEADING = "## How this notebook works"
RUNNING = """- Run the cells from top to bottom with **Shift+Enter**. Worked examples are yours to change and re-run.
- In a question's cell, replace `...` with your code, then run the cell."""
CHECKS = """- **Feedback before you submit:** the check cell under each question, such as `check("q3")`, says whether
  your answer is **correct**, **incorrect** (what it checked, what it found, and which common slip it looks like)
  or **not attempted**, without ever showing the answer. Stuck? `hint("q3")` gives a nudge; ask again for the
  method in words."""
FORM_ONLY = """- **Feedback before you submit:** the check cell under each question looks at the *form* of your answer only
  (a number, a table with the right columns, a chart with a title and axis labels). In this course it does not say
  whether an answer is right, and there are no hints: your work is judged when it is graded."""
GRADED = """- Points come from tests run when your notebook is graded; you see each test's question, not its code. A
  question that builds on an earlier answer is judged from your own earlier answer, so a slip costs one question.
- Written answers go in the cells marked YOUR ANSWER HERE (double-click to edit); your instructor marks them
  against a mark scheme.
- Before you submit, choose **Kernel → Restart Kernel and Run All Cells** and check that every cell runs."""
ALONE = """- **Feedback as you go:** the check cell under each question, such as `check("q3")`, runs that question's
  tests on your answers and says **correct**, **incorrect** (what it checked, what it found, and which common slip
  it looks like) or **not attempted**. Stuck? `hint("q3")` gives a nudge, then the method in words;
  `solution("q3")` shows a model answer once you confirm you want it.
- Written answers go in the cells marked YOUR ANSWER HERE (double-click to edit). You mark them yourself: compare
  yours with the model answer and its mark scheme, `solution("q14")` for question 14.
- Your whole score: in a terminal in the course folder, `.venv/bin/course check` followed by this notebook's path
  grades it as a course would, and `.venv/bin/course progress` shows your progress across the nine competencies.
- Now and then, choose **Kernel → Restart Kernel and Run All Cells**: it shows whether everything still runs in
  order."""


def text(edition: str, feedback: str = "diagnosis") -> str:
    """The section for an edition ("class" or "self-paced") and a feedback level ("diagnosis" or "plausibility")."""
    if edition == "self-paced":
        return "\n".join([HEADING, RUNNING, ALONE])
    return "\n".join([HEADING, RUNNING, CHECKS if feedback == "diagnosis" else FORM_ONLY, GRADED])


def for_edition(notebook: NotebookNode, edition: str, feedback: str = "diagnosis") -> NotebookNode:
    """A copy of the notebook whose title cell ends with this edition's "How this notebook works"."""
    notebook = copy.deepcopy(notebook)
    title = notebook.cells[0] if notebook.cells else None
    if title is not None and title.cell_type == "markdown" and HEADING in title.source:
        title.source = title.source[:title.source.index(HEADING)] + text(edition, feedback)
    return notebook
