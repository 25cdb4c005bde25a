"""`course report`: one HTML page on the class: competency profiles, score distributions, items, manual grading."""
from __future__ import annotations

from html import escape
from pathlib import Path

from autograder.curriculum import Course, course
from autograder.export import grade_rows
from autograder.reports import analysis, charts
from autograder.reports.gradebook_data import item_scores, questions
from autograder.reports.html import figure, page, table


def write_report(course_dir: Path, out: Path, the_course: Course | None = None) -> Path:
    """Write out/index.html and its PNG charts; return the page's path."""
    the_course = the_course or course()
    out.mkdir(parents=True, exist_ok=True)
    rows = grade_rows(course_dir)
    items = item_scores(course_dir)
    names = {c.id: c.name for c in the_course.competencies}
    sections = [f"<h1>Class report: {escape(the_course.title)}</h1>",
                f"<p>{len({r.student_id for r in rows})} students, {len({r.module for r in rows})} module(s). "
                "Scores count automatic points and the written answers graded so far.</p>"]
    sections.append(_distributions(rows, out))
    sections.append(_items(course_dir, items, out))
    sections.append(_manual(items, out))
    sections.append(_profiles(rows, the_course, names, out))
    path = out / "index.html"
    path.write_text(page("Class report", "\n".join(sections)), encoding="utf-8")
    return path


def _distributions(rows, out: Path) -> str:
    shares = analysis.module_shares(rows)
    if shares.empty:
        return "<h2>Scores per module</h2><p>No graded submissions yet.</p>"
    png, description = charts.distributions(shares, out / "scores_per_module.png")
    return ("<h2>Scores per module</h2>" +
            figure(png.name, "Box plots of the class's scores per module", description))


def _items(course_dir: Path, items, out: Path) -> str:
    result = analysis.item_analysis(items)
    if result.empty:
        return "<h2>Item analysis</h2><p>No fully graded questions yet.</p>"
    titles = {(q.module, q.id): q.title for m in result["module"].unique() for q in questions(course_dir, m)}
    png, description = charts.items(result, out / "item_analysis.png")
    rows = [[r.module, r.question, titles.get((r.module, r.question), ""), r.students, f"{r.difficulty:.2f}",
             "n/a" if r.discrimination != r.discrimination else f"{r.discrimination:.2f}", r.flag or "works"]
            for r in result.itertuples()]
    return ("<h2>Item analysis</h2><p>Difficulty is the share of the question's points the class earned. "
            "Discrimination is the correlation between a question's score and the rest of the module's score: "
            "positive means stronger students did better on it. Flagged questions deserve a second look.</p>" +
            figure(png.name, "Scatter plot of difficulty against discrimination per question", description) +
            table(["module", "question", "title", "students", "difficulty", "discrimination", "verdict"], rows,
                  "Each question's difficulty and discrimination"))


def _manual(items, out: Path) -> str:
    progress = analysis.manual_progress(items)
    if progress.empty:
        return "<h2>Manual grading</h2><p>No written answers to grade.</p>"
    png, description = charts.manual(progress, out / "manual_grading.png")
    return "<h2>Manual grading</h2>" + figure(png.name, "Bar chart of written answers graded and waiting",
                                              description)


def _profiles(rows, the_course: Course, names: dict[str, str], out: Path) -> str:
    profiles = analysis.competency_profiles(rows, the_course)
    folder = out / "students"
    folder.mkdir(exist_ok=True)
    parts = ["<h2>Competency profiles</h2><p>Each student's share of points per NILPPA competency, over the "
             "modules graded so far. Competencies without a graded module are marked as not assessed.</p>"]
    for student, profile in profiles.iterrows():
        png, description = charts.radar(profile, names, folder / f"{student}.png")
        parts.append(f"<h3>{escape(str(student))}</h3>" +
                     figure(f"students/{png.name}", f"Radar chart of {student}'s competency profile", description))
    return "\n".join(parts)
