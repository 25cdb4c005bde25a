"""An instructor's guide per module: objectives, honest timing, the questions, the common mistakes (from the
catalogue), the mark schemes (from the source notebook), how to grade and post grades, and the class plan the
module's author wrote (modules/<id>/instructor.md)."""
from __future__ import annotations

import re

import nbformat

from autograder.curriculum import Course, Module
from autograder.mistakes import load_mistakes
from autograder.notebooks import cells, regions

HEADING = re.compile(r"^### Question (\d+) \(([\d.]+) points?\): (.+)$", re.M)
WORDS_PER_MINUTE = 120  # a careful first reading by someone new to the subject
GRADING = """## Grading and posting grades

1. `course build --out build/course` once (add `--db-url` for a PostgreSQL gradebook), then release the module:
   `nbgrader release_assignment {id}` on JupyterHub, or upload `build/course/zips/{id}.zip` to your LMS.
2. Collect (`nbgrader collect {id}`, or put each student's notebook in `submitted/STUDENT/{id}/`), then
   `course grade --course build/course {id}`: every submission is graded in a sandbox, with a status.
3. Grade the written answers in nbgrader's formgrader (Manual Grading), against the mark schemes above.
4. `course feedback --course build/course` writes each student's feedback page; `course export --format canvas`
   writes a Canvas gradebook import (blank, never 0, for work not submitted or not graded); `course report`
   shows who is behind, what waits for you, and the questions to look at first.
"""


def _questions(notebook) -> list[tuple[str, str, str, str]]:
    """(number, points, title, how graded) for each question, in order."""
    manual = {cells.question(c) for c in notebook.cells if cells.is_manually_graded(c)}
    found = []
    for cell in notebook.cells:
        if cell.cell_type == "markdown" and not cells.is_solution(cell):
            for number, points, title in HEADING.findall(cell.source):
                found.append((number, points, title.strip(), "written, by mark scheme" if f"q{number}" in manual
                              else "auto-graded"))
    return found


def _mark_schemes(notebook) -> list[str]:
    parts = []
    for cell in notebook.cells:
        if cells.is_manually_graded(cell):
            text = regions.solution_region(cell.source).strip()
            parts.append(f"### {cells.question(cell).upper()} ({cells.points(cell):g} points)\n\n{text}\n")
    return parts


def _timing(module: Module, notebook) -> str:
    words = sum(len(re.findall(r"[A-Za-z][A-Za-z'’-]*", c.source)) for c in notebook.cells
                if c.cell_type == "markdown" and not cells.is_solution(c))
    asked = _questions(notebook)
    written = sum(1 for q in asked if q[3].startswith("written"))
    return (f"**{module.minutes} minutes** for a learner fresh from the orientation module, as the module states: "
            f"about {words // WORDS_PER_MINUTE} minutes of reading ({words:,} words), {len(asked) - written} "
            f"auto-graded questions and {written} written answer(s). Reviewers found first-time learners take up to "
            "half as long again: in a class, set it as one long session or two shorter ones.")


def instructor_guide(module: Module, the_course: Course) -> str:
    """The guide as MyST markdown."""
    notebook = nbformat.read(module.notebook, as_version=4)
    competency = the_course.competency(module.competency)
    parts = [f"# Instructor's guide: {module.title}", ""]
    if competency:
        parts += [f"**Competency:** {competency.name}. {competency.definition}", ""]
    parts += ["## Learning objectives", ""] + [f"- {o.text} ({o.id})" for o in module.objectives] + [""]
    parts += ["## Timing", "", _timing(module, notebook), ""]
    parts += ["## The questions", "", "| question | points | title | graded |", "|---|---|---|---|"]
    parts += [f"| {n} | {p} | {t} | {how} |" for n, p, t, how in _questions(notebook)] + [""]
    own = module.folder / "instructor.md"
    if own.exists():
        parts += [own.read_text(encoding="utf-8").strip(), ""]
    mistakes = load_mistakes(module.mistakes)
    if mistakes:
        parts += ["## Common mistakes, and what the check cell tells the learner", "",
                  "Each is a realistic wrong answer the grading is tested against; the check cell under the question "
                  "names it in the words on the right.", "", "| question | the mistake | what the learner reads |",
                  "|---|---|---|"]
        parts += [f"| {m.question.upper()} | {m.description} | {m.says or ''} |" for m in mistakes] + [""]
    schemes = _mark_schemes(notebook)
    if schemes:
        parts += ["## Mark schemes for the written answers", "",
                  "The model answer is an exemplar of full marks; the points below it are the scheme.", ""] + schemes
    parts += [GRADING.format(id=module.id)]
    return "\n".join(parts)
