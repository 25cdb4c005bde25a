"""`course report`: one HTML page on the class: competency profiles, score distributions, items, manual grading."""
from __future__ import annotations

from html import escape
from pathlib import Path

from autograder.curriculum import Course, course
from autograder.export import grade_rows
from autograder.reports import analysis, attention, charts
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
    sections.append(_at_a_glance(course_dir, rows, items, the_course))
    sections.append(_distributions(rows, out))
    sections.append(_items(course_dir, items, out))
    sections.append(_manual(items, out))
    sections.append(_profiles(rows, the_course, names, out))
    path = out / "index.html"
    path.write_text(page("Class report", "\n".join(sections)), encoding="utf-8")
    return path


def _names(people: list[str], limit: int = 12) -> str:
    shown = ", ".join(people[:limit])
    return shown + (f" and {len(people) - limit} more" if len(people) > limit else "")


def _at_a_glance(course_dir: Path, rows, items, the_course: Course) -> str:
    """Who is behind, what waits for a person, and the questions that most need attention, with likely reasons."""
    parts = ["<h2>At a glance</h2>", f"<h3>Who is behind</h3><p>Students who have not submitted, and those below "
             f"{attention.BEHIND:.0%} of a module's points.</p>"]
    behind_rows = [[b.module, _names(b.missing) or "none",
                    _names([f"{s} ({share:.0%})" for s, share in b.low]) or "none"] for b in attention.behind(rows)]
    parts.append(table(["module", "not submitted", f"below {attention.BEHIND:.0%}"], behind_rows,
                       "Students behind, by module"))
    progress = analysis.manual_progress(items)
    waiting = [[r.module, r.waiting] for r in progress.itertuples() if r.waiting]
    parts.append("<h3>Waiting for you</h3>" + (
        table(["module", "written answers to grade"], waiting, "Written answers waiting, by module") +
        "<p>Grade them in nbgrader's formgrader (Manual Grading), then run <code>course export</code> again.</p>"
        if waiting else "<p>No written answers are waiting to be graded.</p>"))
    result = analysis.item_analysis(items)
    focus = attention.needing_attention(result) if not result.empty else result
    parts.append("<h3>Questions to look at first</h3>")
    if focus.empty:
        parts.append(f"<p>Too few graded answers yet (at least {analysis.MIN_STUDENTS} per question are needed).</p>")
        return "\n".join(parts)
    titles = {(q.module, q.id): q.title for m in focus["module"].unique() for q in questions(course_dir, m)}
    entries = []
    for r in focus.itertuples():
        seen = attention.mistakes_seen(course_dir, the_course, r.module, r.question)
        why = "".join(f"<li>{escape(what)}" + (f" ({n} student{'s' * (n != 1)})" if n else "") + "</li>"
                      for n, what in seen)
        lead = ("Likely reasons, from the answers the class gave:" if seen and seen[0][0] else
                "Common mistakes on this question (from its catalogue):") if seen else ""
        entries.append(f"<li><strong>{escape(r.module)} {escape(r.question.upper())}</strong>: "
                       f"{escape(titles.get((r.module, r.question), ''))}. The class earned {r.difficulty:.0%} of its "
                       f"points; {escape(r.flag or 'the hardest question here')}."
                       + (f" {lead}<ul>{why}</ul>" if why else "") + "</li>")
    parts.append("<ol>" + "".join(entries) + "</ol>")
    return "\n".join(parts)


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
