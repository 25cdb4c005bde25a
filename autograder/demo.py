"""`course demo`: the instructor's journey on a synthetic class: build, submit, grade, export, summarise."""
from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import nbformat

from autograder.build import BuiltCourse, build_course
from autograder.curriculum import Course, Module
from autograder.export import grade_rows, write_grades_csv
from autograder.grading.course_config import open_gradebook
from autograder.grading.grade_class import grade_course
from autograder.grading.sandbox import sandbox_available
from autograder.mistakes import load_mistakes
from autograder.notebooks import submissions
from autograder.reports.canvas import write_canvas_csv
from autograder.reports.feedback import write_feedback
from autograder.reports.report import write_report

# (student id, first name, last name): fictional people; the names test quoting (commas, apostrophes, accents).
ROSTER = [
    ("aokafor", "Adaeze", "Okafor"), ("bnguyen", "Bảo", "Nguyễn"), ("cobrien", "Ciarán", "O'Brien"),
    ("dsmith", "Dana", "Smith, Jr."), ("egarcia", "Elena", "García López"), ("fhassan", "Farah", "Hassan"),
    ("gkowalski", "Grzegorz", "Kowalski"), ("hyamamoto", "Hana", "Yamamoto"), ("iandersen", "Ingrid", "Andersen"),
    ("jthompson", "Jamal", "Thompson"), ("kpatel", "Kavya", "Patel"), ("lmartin", "Léa", "Martin"),
    ("mcohen", "Miriam", "Cohen"), ("nbegay", "Naomi", "Begay"), ("oadeyemi", "Olu", "Adeyemi"),
    ("pramirez", "Pablo", "Ramírez"), ("qchen", "Qing", "Chen"), ("rsilva", "Rafaela", "Silva"),
    ("sjohansson", "Sven", "Johansson"), ("tmwangi", "Tendai", "Mwangi"), ("umueller", "Ursula", "Müller"),
    ("vrossi", "Valentina", "Rossi"), ("wjackson", "Whitney \"Wit\"", "Jackson"), ("xlee", "Xavier", "Lee"),
]
SEED = 2026


@dataclass(frozen=True)
class Profile:
    """What one student hands in for one module."""

    kind: str  # solution | untouched | mistakes | absent
    mistakes: tuple[str, ...] = ()


def profile_for(index: int, student: str, module: Module) -> Profile:
    """A deterministic mix: a few solutions, a few untouched, one absent, the rest with 1-3 mistakes."""
    if index % 8 == 0:
        return Profile("solution")
    if index % 8 == 3:
        return Profile("untouched")
    if index == len(ROSTER) - 1:
        return Profile("absent")
    catalogue = load_mistakes(module.mistakes)
    chooser = random.Random(f"{SEED}:{student}:{module.id}")
    picked, cells = [], set()
    for mistake in chooser.sample(catalogue, k=len(catalogue)):
        touched = {mistake.cell, *dict(mistake.then)}
        if not touched & cells and len(picked) < chooser.randint(1, 3):
            picked.append(mistake)
            cells |= touched
    return Profile("mistakes", tuple(m.id for m in picked))


def answers_for(profile: Profile, source, module: Module) -> submissions.Answers:
    if profile.kind == "untouched":
        return submissions.untouched(source)
    by_id = {m.id: m for m in load_mistakes(module.mistakes)}
    merged: dict[str, str] = {}
    for mistake_id in profile.mistakes:
        merged.update(submissions.with_mistake(source, by_id[mistake_id]).by_cell)
    return submissions.Answers(profile.kind, merged)


def submit_class(built: BuiltCourse) -> dict[tuple[str, str], Profile]:
    """Write every student's submission into submitted/<student>/<module>/ and enrol them in the gradebook."""
    profiles = {}
    with open_gradebook(built.root) as gradebook:
        for student, first, last in ROSTER:
            gradebook.update_or_create_student(student, first_name=first, last_name=last)
    for module in built.modules:
        source = nbformat.read(built.source(module) / module.notebook.name, as_version=4)
        released = nbformat.read(built.release(module) / module.notebook.name, as_version=4)
        for index, (student, _, _) in enumerate(ROSTER):
            profile = profiles[(student, module.id)] = profile_for(index, student, module)
            if profile.kind == "absent":
                continue
            folder = built.root / "submitted" / student / module.id
            folder.mkdir(parents=True, exist_ok=True)
            handed_in = submissions.fill(released, source, answers_for(profile, source, module))
            nbformat.write(handed_in, folder / module.notebook.name)
    return profiles


def run_demo(out: Path, modules: list[str] | None = None, the_course: Course | None = None,
             site: bool = False) -> dict:
    """Build the course into out/course, submit and grade the class, and write out/grades.csv; with `site`, the
    learners' website in out/site and the instructors' in out/site-instructors."""
    built = build_course(out / "course", modules, the_course)
    profiles = submit_class(built)
    # The demo class is synthetic and trusted: without bubblewrap it is graded unsandboxed, and says so.
    sandboxed = sandbox_available()
    run = grade_course(built.root, [m.id for m in built.modules], sandboxed=sandboxed)
    rows = grade_rows(built.root)
    grades = write_grades_csv(rows, out / "grades.csv")
    canvas = write_canvas_csv(rows, out / "canvas.csv")
    feedback = write_feedback(built.root)
    report = write_report(built.root, out / "report", the_course)
    sites = {}
    if site:
        from autograder.site.build import build_site
        sites = {"site": build_site(out / "site", built.root, False, the_course),
                 "instructor_site": build_site(out / "site-instructors", built.root, True, the_course)}
    return {"course": built.root, "grades": grades, "canvas": canvas, "report": report, "feedback": feedback,
            "rows": rows, "profiles": profiles, "run": run, "sandboxed": sandboxed} | sites


def summary(rows) -> list[dict]:
    """Per module: students, mean score among graded submissions, and a count per status."""
    table = []
    for module in sorted({r.module for r in rows}):
        mine = [r for r in rows if r.module == module]
        scored = [r.score / r.max_score for r in mine if r.score is not None and r.max_score]
        table.append({"module": module, "students": len(mine),
                      "mean": sum(scored) / len(scored) if scored else None,
                      "statuses": Counter(r.status for r in mine)})
    return table
