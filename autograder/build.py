"""`course build`: course.toml, the modules and the datasets -> a standard nbgrader course directory."""
from __future__ import annotations

import ast
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import nbformat

from autograder.assignment import stage_support
from autograder.curriculum import Course, Module, course
from autograder.nbgrader_run import nbgrader
from autograder.notebooks import cells, howto, regions

COURSE_ID = "programming-librarian"

NBGRADER_CONFIG = '''"""nbgrader configuration for the {title} course, written by `course build`."""
import os

c = get_config()  # noqa: F821 - provided by nbgrader when it reads this file
here = os.path.dirname(os.path.abspath(__file__))

c.CourseDirectory.root = here
c.CourseDirectory.course_id = "{course_id}"
# The exchange lives inside the course, so release and collect work without a system-wide folder.
c.Exchange.root = os.path.join(here, "exchange")
# Learners see the scaffold line above each solution (for example `response_rate = ...`), nothing else.
c.ClearSolutions.code_stub = {{"python": ""}}
c.ClearSolutions.text_stub = "YOUR ANSWER HERE"
c.ExecutePreprocessor.timeout = 60
c.Execute.timeout = 60
{db_url}
{kept_marker}
'''
KEPT = "# ---- Your own settings below this line are kept when `course build` runs again. ----"


@dataclass(frozen=True)
class BuiltCourse:
    """Where a built course lives and which modules it holds."""

    root: Path
    modules: tuple[Module, ...]

    def source(self, module: Module) -> Path:
        return self.root / "source" / module.id

    def release(self, module: Module) -> Path:
        return self.root / "release" / module.id


def choose_modules(chosen: list[str] | None, the_course: Course | None = None) -> tuple[Module, ...]:
    """The modules named (in course order), or every ready module; a named module must have a notebook."""
    the_course = the_course or course()
    if not chosen:
        modules = the_course.ready_modules
        if not modules:
            raise ValueError("no module in course.toml has status \"ready\" yet")
        return modules
    picked = [the_course.module(module_id) for module_id in chosen]
    absent = [m.id for m in picked if not m.notebook.exists()]
    if absent:
        raise ValueError(f"these modules have no source notebook yet: {', '.join(absent)}")
    return tuple(m for m in the_course.modules if m in picked)


def write_config(root: Path, title: str, db_url: str | None = None) -> None:
    """nbgrader_config.py for the course, keeping whatever the instructor wrote below its last line."""
    root.mkdir(parents=True, exist_ok=True)
    path = root / "nbgrader_config.py"
    previous = path.read_text(encoding="utf-8") if path.exists() else ""
    kept = previous.split(KEPT, 1)[1].lstrip("\n") if KEPT in previous else ""
    earlier = re.search(r"^c\.CourseDirectory\.db_url = (.+)$", previous.split(KEPT, 1)[0], re.M)
    if db_url is None and earlier:  # a rebuild keeps the database an earlier build was given
        db_url = ast.literal_eval(earlier.group(1))
    gradebook = (f"# The gradebook: a database URL (PostgreSQL, say) instead of gradebook.db beside the course.\n"
                 f"c.CourseDirectory.db_url = {db_url!r}") if db_url else ""
    path.write_text(NBGRADER_CONFIG.format(title=title, course_id=COURSE_ID, db_url=gradebook, kept_marker=KEPT)
                    + kept, encoding="utf-8")
    (root / "exchange").mkdir(exist_ok=True)


def stage_source(built: BuiltCourse, module: Module) -> None:
    """source/<module>/: the source notebook (its opening said for the class), its data, the check helpers and
    checks.json."""
    folder = built.source(module)
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    notebook = howto.for_edition(nbformat.read(module.notebook, as_version=4), "class", module.feedback)
    for cell in notebook.cells:
        if cells.is_autograded_test(cell):
            cell.source = regions.question_as_comment(cell.source)
    nbformat.write(notebook, folder / module.notebook.name)
    stage_support(module, folder)


def release(built: BuiltCourse, module: Module) -> Path:
    """release/<module>/ by nbgrader's generate_assignment, and a zip of it for an LMS upload."""
    nbgrader(built.root, "generate_assignment", module.id, "--force")
    zips = built.root / "zips"
    zips.mkdir(exist_ok=True)
    archive = shutil.make_archive(str(zips / module.id), "zip", root_dir=built.root / "release", base_dir=module.id)
    return Path(archive)


def build_course(out: Path, chosen: list[str] | None = None, the_course: Course | None = None,
                 db_url: str | None = None) -> BuiltCourse:
    """Build the nbgrader course directory at `out` for the chosen (or all ready) modules; `db_url` puts its
    gradebook in that database rather than in gradebook.db beside it."""
    the_course = the_course or course()
    built = BuiltCourse(out.resolve(), choose_modules(chosen, the_course))
    write_config(built.root, the_course.title, db_url)
    for module in built.modules:
        stage_source(built, module)
        release(built, module)
    return built
