"""`course feedback`: a page per student and module with each question's points and what its tests said."""
from __future__ import annotations

from html import escape
from pathlib import Path


from autograder.export import grade_rows
from autograder.grading.autograded import read_record
from autograder.grading.course_config import open_gradebook
from autograder.reports.gradebook_data import Question, question_of_cells, questions
from autograder.reports.html import page


def feedback_path(course_dir: Path, student: str, module: str) -> Path:
    """Where nbgrader keeps feedback: feedback/STUDENT/ASSIGNMENT/ASSIGNMENT.html."""
    return course_dir / "feedback" / student / module / f"{module}.html"


def write_feedback(course_dir: Path) -> list[Path]:
    """One page for every submission that was graded; returns the pages written."""
    written = []
    asked, question_of = {}, {}
    with open_gradebook(course_dir) as gradebook:
        for row in grade_rows(course_dir):
            if row.score is None:
                continue
            if row.module not in asked:
                asked[row.module] = questions(course_dir, row.module)
                question_of[row.module] = question_of_cells(course_dir, row.module)
            notebook = gradebook.find_submission_notebook(row.module, row.module, row.student_id)
            record = read_record(course_dir, row.student_id, row.module) or {}
            path = feedback_path(course_dir, row.student_id, row.module)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(feedback_page(row, asked[row.module], question_of[row.module], notebook, record), encoding="utf-8")
            written.append(path)
    return written


def feedback_page(row, asked: list[Question], question_of: dict[str, str | None], notebook, record: dict) -> str:
    """The page: the total, the grading status and note, then each question with its points and messages."""
    grades = {g.name: g for g in notebook.grades}
    comments = {c.name: c for c in notebook.comments}
    messages: dict[str, list[tuple[bool, str]]] = {}
    for result in record.get("results", []):
        if result.get("message") and result.get("earned") is not None:
            passed = result["earned"] == result["possible"]
            messages.setdefault(question_of.get(result["grade_id"]) or "", []).append((passed, result["message"]))
    name = " ".join(filter(None, [row.first_name, row.last_name])) or row.student_id
    parts = [f"<h1>Feedback: {escape(row.module)}</h1>",
             f"<p>{escape(name)}: <strong>{row.score:g} of {row.max_score:g} points</strong> "
             f"({escape(row.status)}).</p>"]
    if record.get("note"):
        parts.append(f'<p class="note">About this grading: {escape(record["note"])}</p>')
    for question in asked:
        cells = [g for g in grades.values() if question_of.get(g.name) == question.id]
        earned = sum(g.score or 0 for g in cells)
        waiting = any(g.needs_manual_grade and g.manual_score is None for g in cells)
        points = "waiting for your instructor" if waiting else f"{earned:g} of {question.max_score:g} points"
        parts.append(f"<section><h2>{escape(question.id.upper())}. {escape(question.title)}</h2>"
                     f"<p><strong>{escape(points)}</strong></p>")
        for passed, message in messages.get(question.id, []):
            css = "passed" if passed else "failed"
            parts.append(f'<p class="{css}">{escape(message)}</p>')
        for grade in cells:
            comment = comments.get(grade.name)
            text = comment and (comment.manual_comment or comment.auto_comment)
            if text:
                parts.append(f"<p>Comment: {escape(text)}</p>")
        parts.append("</section>")
    return page(f"Feedback: {row.module}, {name}", "\n".join(parts))

