"""The `course` command: a thin click layer over the build, grading, export and data functions."""
from __future__ import annotations

from pathlib import Path

import click

COURSE_DIR = click.option("--course", "course_dir", type=click.Path(file_okay=False, path_type=Path),
                          default=Path("build/course"), show_default=True, help="The built nbgrader course directory.")


def _fail(error: Exception) -> click.ClickException:
    return click.ClickException(str(error))


def _need_course(course_dir: Path) -> Path:
    if not (course_dir / "nbgrader_config.py").exists():
        raise click.ClickException(f"{course_dir} is not a built course (no nbgrader_config.py there). "
                                   "Run `course build` first, or pass --course DIR.")
    return course_dir.resolve()


@click.group()
@click.version_option(package_name="programming-librarian-course")
def main() -> None:
    """Data Skills for Programming Librarians: build, grade and report on the course."""


@main.command()
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=Path("build/course"),
              show_default=True, help="Where to write the nbgrader course directory.")
@click.option("--modules", "module_ids", multiple=True, metavar="ID",
              help="Build only these modules (repeat the option); default: every ready module.")
@click.option("--db-url", default=None, metavar="URL",
              help="Keep the gradebook in this database (e.g. postgresql+psycopg://user@host/gradebook) instead "
                   "of gradebook.db beside the course; a hub-wide db_url in Jupyter's nbgrader_config.py also works.")
def build(out: Path, module_ids: tuple[str, ...], db_url: str | None) -> None:
    """Build the nbgrader course: nbgrader_config.py, source/ and release/ for each module.

    Settings you add below the last line of nbgrader_config.py are kept when you build again.

    Example: course build --out build/course --modules 09-evaluation
    """
    from autograder.build import build_course

    try:
        built = build_course(out, list(module_ids) or None, db_url=db_url)
    except (KeyError, ValueError, FileNotFoundError, RuntimeError) as error:
        raise _fail(error)
    click.echo(f"Built {len(built.modules)} module(s) into {built.root}: "
               + ", ".join(m.id for m in built.modules))


@main.command()
@COURSE_DIR
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Submissions graded at once (default: one per CPU core).")
@click.option("--no-sandbox", is_flag=True,
              help="Grade without bubblewrap isolation: only for submissions you trust.")
@click.option("--force", is_flag=True, help="Regrade every submission, even those unchanged since the last run.")
@click.option("--scheduler", default=None, metavar="ADDRESS",
              help="Run the notebooks on a Dask cluster (e.g. tcp://10.0.0.5:8786); its workers need bubblewrap "
                   "and this course's Python environment. Results are recorded here, one at a time.")
@click.argument("assignments", nargs=-1)
def grade(course_dir: Path, workers: int | None, no_sandbox: bool, force: bool, scheduler: str | None,
          assignments: tuple[str, ...]) -> None:
    """Autograde every submission in submitted/ into the nbgrader gradebook, safely and in parallel.

    Student code runs in a bubblewrap sandbox; answers are judged outside it. Submissions already
    graded as they stand are skipped, so an interrupted run can simply be started again. With --scheduler,
    the notebooks run on a Dask cluster's workers and this machine records the results.

    Example: course grade --course build/course --workers 2 09-evaluation
    """
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from autograder.grading.executors import DaskExecutor
    from autograder.grading.grade_class import GradingRefused, GradingStopped, grade_course
    from autograder.grading.sandbox import SandboxUnavailable

    root = _need_course(course_dir)
    console = Console(stderr=True)
    if no_sandbox:
        console.print("[bold yellow]Warning:[/] grading WITHOUT a sandbox (--no-sandbox): student code runs "
                      "with your permissions and can read or change your files.")
    columns = (TextColumn("Grading"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
               TextColumn("{task.description}"))
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task("", total=None)

        def advance(done: int, total: int, what: str) -> None:
            progress.update(task, completed=done, total=total, description=what)

        try:
            executor = DaskExecutor(scheduler) if scheduler else None
            run = grade_course(root, list(assignments) or None, workers, sandboxed=not no_sandbox, force=force,
                               on_progress=advance, executor=executor)
        except (GradingRefused, GradingStopped, SandboxUnavailable) as error:
            raise _fail(error)
        except OSError as error:  # the scheduler cannot be reached
            raise _fail(f"cannot reach the Dask scheduler at {scheduler}: {error}")
    counts = run.counts()
    click.echo(f"Graded {sum(counts.values())} submission(s) in {run.seconds:.0f} s"
               + (f" ({run.skipped} unchanged since the last run, kept)" if run.skipped else "") + ": "
               + (", ".join(f"{n} {status}" for status, n in sorted(counts.items())) or "none found"))
    for (student, assignment), note in sorted(run.notes.items()):
        click.echo(f"  {student} / {assignment}: {run.statuses[(student, assignment)]}: {note}")


@main.command()
@COURSE_DIR
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=Path("build/grades.csv"),
              show_default=True, help="The CSV file to write.")
@click.option("--format", "form", type=click.Choice(["plain", "canvas"]), default="plain", show_default=True,
              help="plain: one row per student and module with a status; canvas: a Canvas gradebook import.")
def export(course_dir: Path, out: Path, form: str) -> None:
    """Write grades as CSV: one row per student and module with score, maximum and a status, or for Canvas.

    Example: course export --course build/course --format canvas --out canvas.csv
    """
    from autograder.export import NEEDS_MANUAL, grade_rows, write_grades_csv
    from autograder.reports.canvas import write_canvas_csv

    rows = grade_rows(_need_course(course_dir))
    path = (write_canvas_csv if form == "canvas" else write_grades_csv)(rows, out)
    click.echo(f"Wrote {path}")
    waiting = sum(r.status == NEEDS_MANUAL for r in rows)
    if form == "canvas" and waiting:
        click.echo(f"Note: {waiting} submission(s) still need manual grading; their score holds the automatic "
                   "points only. Not submitted and ungraded modules are left blank, never 0.")


@main.command()
@COURSE_DIR
def feedback(course_dir: Path) -> None:
    """Write a feedback page per student and module: each question, its points and what its tests said.

    Pages go to DIR/feedback/STUDENT/MODULE/MODULE.html (nbgrader's layout). Hidden tests are never shown.

    Example: course feedback --course build/course
    """
    from autograder.reports.feedback import write_feedback

    pages = write_feedback(_need_course(course_dir))
    click.echo(f"Wrote {len(pages)} feedback page(s) under {course_dir / 'feedback'}")


@main.command()
@COURSE_DIR
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=Path("build/report"),
              show_default=True, help="The folder for index.html and its charts.")
def report(course_dir: Path, out: Path) -> None:
    """Write the class report: competency profiles, scores per module, item analysis, manual grading progress.

    Example: course report --course build/course --out build/report
    """
    from autograder.reports.report import write_report

    click.echo(f"Wrote {write_report(_need_course(course_dir), out)}")


@main.command()
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=Path("build/demo"),
              show_default=True, help="Folder for the demo course, grades and reports (replaced if it exists).")
@click.option("--modules", "module_ids", multiple=True, metavar="ID", help="Only these modules.")
def demo(out: Path, module_ids: tuple[str, ...]) -> None:
    """Build the course, grade a synthetic class of 24 students and print a summary.

    Example: course demo --out build/demo
    """
    import shutil

    from rich.console import Console
    from rich.table import Table

    from autograder.demo import run_demo, summary

    if out.exists():
        shutil.rmtree(out)
    try:
        result = run_demo(out, list(module_ids) or None, site=True)
    except (KeyError, ValueError, FileNotFoundError, RuntimeError) as error:
        raise _fail(error)
    table = Table(title="Demo class: 24 students")
    for heading in ("module", "students", "mean score", "graded", "needs manual grading", "not submitted",
                    "failed to grade"):
        table.add_column(heading)
    for line in summary(result["rows"]):
        mean = "-" if line["mean"] is None else f"{line['mean']:.0%}"
        counts = line["statuses"]
        table.add_row(line["module"], str(line["students"]), mean, str(counts["graded"]),
                      str(counts["needs manual grading"]), str(counts["not submitted"]), str(counts["failed to grade"]))
    console = Console()
    console.print(table)
    console.print(f"Course:   {result['course']}\nGrades:   {result['grades']}\nCanvas:   {result['canvas']}\n"
                  f"Report:   {result['report']}\nFeedback: {result['course'] / 'feedback'}\n"
                  f"Website:  {result['site']} (instructors: {result['instructor_site']})")


WORKSPACE = click.option("--workspace", type=click.Path(file_okay=False, path_type=Path),
                         default=Path.home() / "programming-librarian-lab", show_default=True,
                         help="Your private folder for the self-paced course.")


@main.command()
@WORKSPACE
@click.option("--no-open", is_flag=True, help="Prepare the workspace but do not start JupyterLab.")
def lab(workspace: Path, no_open: bool) -> None:
    """Open the self-paced course in JupyterLab, in a private workspace that keeps your work.

    Re-running it never overwrites your notebooks: a module updated since is saved beside yours.

    Example: course lab
    """
    import subprocess
    import sys

    from autograder.selfpaced.workspace import open_workspace

    opened = open_workspace(workspace)
    click.echo(f"Your workspace: {opened.workspace}")
    for module in opened.added:
        click.echo(f"  added {module}")
    for module, path in opened.updates.items():
        click.echo(f"  {module} has been updated in the course; your notebook is untouched and the new version "
                   f"is beside it as {path.name}")
    if not no_open:
        jupyter = Path(sys.executable).with_name("jupyter")
        subprocess.call([str(jupyter), "lab", f"--ServerApp.root_dir={opened.workspace}"], cwd=opened.workspace)


@main.command()
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=Path("build/site"),
              show_default=True, help="Where to write the website (replaced if it exists).")
@click.option("--course", "course_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="A built course to take the learners' notebooks from (default: build one).")
@click.option("--instructor", is_flag=True,
              help="Include the instructors' guides (mark schemes, common mistakes): never publish this to learners.")
def site(out: Path, course_dir: Path | None, instructor: bool) -> None:
    """Build the course website: home page, syllabus, workshop plan and a page per module as learners get it.

    Example: course site --out build/site   (then open build/site/index.html, or publish the folder)
    """
    from autograder.site.build import SiteFailed, build_site

    try:
        page = build_site(out, course_dir, instructor)
    except (SiteFailed, FileNotFoundError, ValueError, RuntimeError) as error:
        raise _fail(error)
    click.echo(f"Website written to {page.parent}" + (" (with the instructors' guides)" if instructor else "")
               + f": open {page}")


@main.command(name="check")
@click.argument("notebook", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def check_command(notebook: Path) -> None:
    """Grade one of your notebooks with every test and explain each lost point.

    Example: course check ~/programming-librarian-lab/09-evaluation/09-evaluation.ipynb
    """
    from autograder.selfpaced.local_check import check_notebook

    try:
        result = check_notebook(notebook)
    except ValueError as error:
        raise _fail(error)
    click.echo(result.score_line())
    if result.note:
        click.echo(f"About this run: {result.note}")
    if not result.attempted:
        click.echo("Not attempted yet: no answer has been filled in. Replace each ... with your code, run the "
                   "notebook from the top, save it and check again.")
    else:
        for question, points, why in result.lost:
            click.echo(f"  {question.upper()}: {points:g} point(s) lost. {why}")
    if result.written and result.self_paced:
        click.echo("Written answers (" + ", ".join(q.upper() for q in result.written) + ") are not scored here: "
                   "compare yours with the model answer and mark scheme, solution(\"q...\"), in the notebook.")
    elif result.written:
        click.echo("Written answers (" + ", ".join(q.upper() for q in result.written) + ") are marked by your "
                   "instructor against the mark scheme.")


@main.command()
@WORKSPACE
def progress(workspace: Path) -> None:
    """Your progress across the nine competencies: questions attempted and passed, and points, with a chart.

    Example: course progress
    """
    from rich.console import Console
    from rich.table import Table

    from autograder.curriculum import course
    from autograder.selfpaced.progress import progress_chart, progress_table

    table = progress_table(workspace)
    names = {c.id: c.name for c in course().competencies}
    shown = Table(title="Your progress")
    for heading in ("competency", "questions", "attempted", "passed", "points"):
        shown.add_column(heading)
    for row in table.itertuples():
        points = f"{row.points:g} / {row.possible:g}" if row.questions else "no module yet"
        shown.add_row(names[row.competency], str(row.questions), str(row.attempted), str(row.passed), points)
    Console().print(shown)
    workspace.mkdir(parents=True, exist_ok=True)
    png, description = progress_chart(table, workspace / "progress.png")
    click.echo(f"Chart: {png}\n{description}")


@main.command()
@click.option("--check", is_flag=True, help="Only say whether the committed files match a fresh build.")
def datasets(check: bool) -> None:
    """Rebuild every table of the library world under datasets/ from the fixed seed.

    Example: course datasets --check
    """
    from autograder.world.files import DATASETS, stale_tables, write_world

    if check:
        stale = stale_tables()
        if stale:
            raise click.ClickException("these tables differ from a fresh build: " + ", ".join(stale))
        click.echo("Every table matches a fresh build.")
        return
    written = write_world()
    click.echo(f"Wrote {len(written)} tables to {DATASETS}")


def _add_hub() -> None:
    from autograder.hub.command import hub
    main.add_command(hub)


_add_hub()
