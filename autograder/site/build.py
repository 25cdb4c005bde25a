"""Building the site: the pages gathered into a Sphinx source folder (modules as their learners get them, from a
built course's release), then Sphinx with MyST-NB renders them to static HTML."""
from __future__ import annotations

import dataclasses
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import nbformat

from autograder.curriculum import CURRICULUM, Course, course
from autograder.site.guide import instructor_guide
from autograder.site.home import home_page

PLANS = ("syllabus", "workshop")
CONF = '''"""Sphinx settings for the course site, written by `course site`."""
project = {title!r}
html_title = {title!r}
author = "The course's authors"
copyright = "CC BY 4.0 (course text and data); MIT (code)"
extensions = ["myst_nb"]
html_theme = "sphinx_book_theme"
html_theme_options = {{"show_toc_level": 2, "use_download_button": False, "use_fullscreen_button": False}}
html_static_path = []
nb_execution_mode = "off"          # pages show each notebook as learners get it, never run
myst_enable_extensions = ["colon_fence", "dollarmath"]
myst_heading_anchors = 3
exclude_patterns = ["_build"]
suppress_warnings = ["myst.header", "mystnb.unknown_mime_type", "misc.highlighting_failure", "myst.xref_missing"]
'''


class SiteFailed(RuntimeError):
    """Sphinx could not build the site; the message carries the end of its log."""


def _orphan(text: str) -> str:
    """A page reached by links only (a datasheet), not from a table of contents."""
    return "---\norphan: true\n---\n\n" + text


MODULE_TABLE = "<!-- the modules, from course.toml -->"


def fill_plan(text: str, the_course: Course) -> str:
    """A plan with its table of modules written from course.toml, so titles, minutes and objectives never drift."""
    rows = ["| module | competency | minutes | objectives |", "|---|---|---|---|"]
    for m in the_course.modules:
        competency = the_course.competency(m.competency)
        objectives = "; ".join(f"{o.text.rstrip('.')} ({o.id})" for o in m.objectives)
        status = "" if m.ready else " (in preparation)"
        rows.append(f"| {m.id}: {m.title}{status} | {competency.name if competency else 'prerequisite'} | "
                    f"{m.minutes} | {objectives} |")
    return text.replace(MODULE_TABLE, "\n".join(rows))


def gather(source: Path, course_dir: Path, the_course: Course, instructor: bool) -> list[str]:
    """Write every page into `source`; return the modules included."""
    modules = [m for m in the_course.modules if m.ready and (course_dir / "release" / m.id).is_dir()]
    shown = dataclasses.replace(the_course, modules=tuple(m for m in the_course.modules if m in modules or not m.ready))
    source.mkdir(parents=True, exist_ok=True)
    (source / "index.md").write_text(home_page(shown, instructor), encoding="utf-8")
    for plan in PLANS:
        text = (CURRICULUM.parent / f"{plan}.md").read_text(encoding="utf-8")
        (source / f"{plan}.md").write_text(fill_plan(text, the_course), encoding="utf-8")
    for module in modules:
        release = course_dir / "release" / module.id
        folder = source / "modules" / module.id
        folder.mkdir(parents=True)
        notebook = nbformat.read(release / module.notebook.name, as_version=4)
        nbformat.write(notebook, folder / module.notebook.name)
        for sheet in sorted((release / "datasheets").glob("*.md")):
            (folder / "datasheets").mkdir(exist_ok=True)
            (folder / "datasheets" / sheet.name).write_text(_orphan(sheet.read_text(encoding="utf-8")),
                                                            encoding="utf-8")
    if instructor:
        guides = source / "instructor"
        guides.mkdir()
        (guides / "index.md").write_text(
            "# For instructors\n\nOne guide per module: objectives, timing, what to do in class, the common "
            "mistakes, the mark schemes and how to grade and post grades. These pages are not in the learners' site.\n",
            encoding="utf-8")
        for module in modules:
            (guides / f"{module.id}.md").write_text(instructor_guide(module, the_course), encoding="utf-8")
    (source / "conf.py").write_text(CONF.format(title=the_course.title), encoding="utf-8")
    return [m.id for m in modules]


def sphinx(source: Path, out: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "sphinx", "-b", "html", "-q", "-E", str(source), str(out)],
                            capture_output=True, text=True)
    if result.returncode != 0:
        tail = "\n".join((result.stdout + result.stderr).strip().splitlines()[-15:])
        raise SiteFailed(f"Sphinx could not build the site:\n{tail}")


def build_site(out: Path, course_dir: Path | None = None, instructor: bool = False,
               the_course: Course | None = None) -> Path:
    """The site in `out` (index.html and its pages), from a built course (one is built if none is given)."""
    the_course = the_course or course()
    with tempfile.TemporaryDirectory(prefix="course-site-") as scratch:
        if course_dir is None:
            from autograder.build import build_course
            course_dir = build_course(Path(scratch) / "course", the_course=the_course).root
        if out.exists():
            shutil.rmtree(out)
        gather(Path(scratch) / "source", course_dir, the_course, instructor)
        sphinx(Path(scratch) / "source", out)
    return out / "index.html"
