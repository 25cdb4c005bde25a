"""The module contract of DESIGN.md as checks on a source notebook: each departure becomes one sentence."""
from __future__ import annotations

import re
from collections import defaultdict

from nbformat import NotebookNode

from autograder.assignment import support_files
from autograder.curriculum import Course, Module
from autograder.notebooks import cells, regions

HEADING = re.compile(r"^### Question (\d+) \((\d+(?:\.\d+)?) points?\): \S", re.M)
GRADE_ID = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)+$")
OPAQUE_ID = re.compile(r"(^cell-)|(test\d*$)|(^q\d+$)|(_\d+$)")
TITLE_SECTIONS = ("## The competency", "## Learning objectives", "## The data", "## How this notebook works")
CLOSING_SECTIONS = ("## Key points", "## Further reading")
TEACHING_WORDS = (2500, 5500)
QUESTIONS = (8, 15)
MANUAL_SHARE = 0.30


def _words(text: str) -> int:
    return len(re.findall(r"[A-Za-z][A-Za-z'’-]*", text))


def title_problems(module: Module, the_course: Course, nb: NotebookNode) -> list[str]:
    found = []
    first = nb.cells[0]
    if first.cell_type != "markdown" or not first.source.startswith("# Module"):
        return ["the first cell is not a markdown title starting '# Module'"]
    text = first.source
    positions = [text.find(s) for s in TITLE_SECTIONS]
    if -1 in positions or positions != sorted(positions):
        found.append("the title cell lacks, or misorders, the sections " + ", ".join(TITLE_SECTIONS))
    for objective in module.objectives:
        if f"{objective.text} ({objective.id})" not in text:
            found.append(f"objective {objective.id} is not listed word for word, with its id, in the title cell")
    if f"**Estimated time:** {module.minutes} minutes" not in text:
        found.append(f"the title cell does not give the estimated time as '**Estimated time:** {module.minutes} minutes'")
    competency = the_course.competency(module.competency)
    if competency and competency.definition not in text:
        found.append("the title cell does not state the competency definition from course.toml")
    for table in module.tables:
        if f"{table}.md" not in text:
            found.append(f"the title cell does not link the datasheet of {table}")
    if "synthetic" not in text.lower():
        found.append("the title cell does not say the data are synthetic")
    return found


def layout_problems(module: Module, nb: NotebookNode) -> list[str]:
    found = []
    markdown = [c.source for c in nb.cells if c.cell_type == "markdown"]
    if not any(s.lstrip().startswith("## The scenario") for s in markdown):
        found.append("there is no '## The scenario' section")
    for section in CLOSING_SECTIONS:
        if not any(s.lstrip().startswith(section) for s in markdown):
            found.append(f"there is no '{section}' section")
    setup = next((c for c in nb.cells if c.cell_type == "code"), None)
    if setup is None or not cells.is_locked(setup) or "from coursecheck import check, hint" not in setup.source:
        found.append("the first code cell is not a locked setup cell with `from coursecheck import check, hint`")
    else:
        for table in module.tables:
            if f'read_csv("{table}.csv")' not in setup.source:
                found.append(f'the setup cell does not read {table} with pd.read_csv("{table}.csv")')
    teaching = sum(_words(c.source) for c in nb.cells if c.cell_type == "markdown" and not cells.is_solution(c))
    low, high = TEACHING_WORDS
    if not low <= teaching <= high:
        found.append(f"the notebook has {teaching} words of text; the contract asks for {low}-{high}")
    for index, cell in enumerate(nb.cells):
        if cell.cell_type == "code" and (cell.get("outputs") or cell.get("execution_count")):
            found.append(f"cell {index} was committed with outputs")
    return found


def question_problems(module: Module, nb: NotebookNode) -> list[str]:
    found = []
    headings = {}
    prompts = defaultdict(str)
    current = None
    for cell in nb.cells:
        if cell.cell_type == "markdown" and not cells.is_solution(cell):
            match = HEADING.search(cell.source)
            if match:
                current = f"q{match.group(1)}"
                headings[current] = float(match.group(2))
            if current:
                prompts[current] += cell.source
    numbers = [int(q[1:]) for q in headings]
    if numbers != list(range(1, len(numbers) + 1)):
        found.append(f"questions are not numbered 1, 2, 3... in order (found {numbers})")
    low, high = QUESTIONS
    if not low <= len(headings) <= high:
        found.append(f"the module has {len(headings)} questions; the contract asks for {low}-{high}")

    graded = [c for c in nb.cells if cells.is_graded(c)]
    points = defaultdict(float)
    for cell in graded:
        points[cells.question(cell)] += cells.points(cell)
    for question, heading_points in headings.items():
        if points.get(question, 0) != heading_points:
            found.append(f"{question}: the heading says {heading_points:g} points, its graded cells carry "
                         f"{points.get(question, 0):g}")
    objectives = {o.id for o in module.objectives}
    for cell in graded + [c for c in nb.cells if cells.is_solution(c)]:
        gid = cells.grade_id(cell)
        if cells.question(cell) not in headings:
            found.append(f"{gid}: its course.question does not match a question heading")
        if cells.objective(cell) not in objectives:
            found.append(f"{gid}: its course.objective is not one of the module's objectives")
    missing = objectives - {cells.objective(c) for c in graded}
    if missing:
        found.append("objectives no graded cell assesses: " + ", ".join(sorted(missing)))
    total = sum(cells.points(c) for c in graded)
    manual = sum(cells.points(c) for c in graded if cells.is_manually_graded(c))
    if total and manual / total > MANUAL_SHARE:
        found.append(f"{manual:g} of {total:g} points are graded by hand; at most {MANUAL_SHARE:.0%} should be")

    plotted = {cells.question(c) for c in graded if "expect_plot(" in c.source}
    if len(plotted) < 2:
        found.append(f"only {len(plotted)} question(s) grade a chart; the contract asks for at least two")
    for question, prompt in prompts.items():
        names = {n for c in graded if cells.question(c) == question for n in cells.answer_names(c)}
        for name in names:
            if f"`{name}`" not in prompt:
                found.append(f"{question}: the prompt does not name the variable `{name}` that its tests read")
    return found


def cell_problems(nb: NotebookNode) -> list[str]:
    found = []
    ids = [cells.grade_id(c) for c in nb.cells if cells.grade_id(c)]
    duplicates = {i for i in ids if ids.count(i) > 1}
    if duplicates:
        found.append("grade ids used twice: " + ", ".join(sorted(duplicates)))
    for position, cell in enumerate(nb.cells):
        gid = cells.grade_id(cell)
        if not gid:
            continue
        if not GRADE_ID.match(gid) or OPAQUE_ID.search(gid):
            found.append(f"grade id {gid!r} does not say what the cell is (use words like q3_response_rate)")
        if cells.is_solution(cell) and cell.cell_type == "code":
            if not regions.has_region(cell.source):
                found.append(f"{gid}: a solution cell without a solution region")
            elif not gid.startswith(f"{cells.question(cell)}_"):
                found.append(f"{gid}: a solution cell's id should start with its question id")
            following = next((c for c in nb.cells[position + 1:] if c.cell_type == "code"), None)
            if following is None or not _is_check_cell(following, cells.question(cell)):
                found.append(f"{gid}: the next code cell is not a locked check cell reading exactly "
                             f"check(\"{cells.question(cell)}\")")
        if cells.is_manually_graded(cell) and regions.MARK_SCHEME not in cell.source:
            found.append(f"{gid}: a written answer without a '{regions.MARK_SCHEME}' in its solution region")
        if cells.is_autograded_test(cell):
            found += _test_cell_problems(gid, cell.source)
    return found


def _is_check_cell(cell: NotebookNode, question: str | None) -> bool:
    """A locked, ungraded cell that is the question's check: check("q3"), and nothing else."""
    return cells.is_locked(cell) and not cells.is_graded(cell) and cell.source.strip() == f'check("{question}")'



def _test_cell_problems(gid: str, source: str) -> list[str]:
    visible = regions.without_hidden_tests(source).strip()
    found = []
    if not (visible.startswith('"""') and visible.endswith('"""') and visible.rstrip('"').rstrip().endswith("?")):
        found.append(f"{gid}: a test cell should show learners only a one-line docstring phrased as a question")
    if not regions.has_region(source, regions.BEGIN_HIDDEN):
        found.append(f"{gid}: a test cell without a hidden test region")
    if not cells.ANSWER_CALL.search(source):
        found.append(f"{gid}: a test cell that does not judge an answer with expect() or expect_plot()")
    if "satisfies=" in source:
        found.append(f"{gid}: a test with satisfies=, which a check cell cannot judge from fingerprints; use the "
                     "declarative rules (expected, key, match, bars, starts, sides, order, groups, cells)")
    free = cells.free_names(source)
    if free:
        found.append(f"{gid}: its test reads {', '.join(sorted(free))} directly; read answers by name through "
                     "expect() and compute expectations from the data files")
    return found


LINK = re.compile(r"\]\(([^)\s]+)\)")


def link_problems(module: Module, nb: NotebookNode) -> list[str]:
    """Links to files must reach a file shipped beside the notebook; a learner has nothing else."""
    shipped = set(support_files(module))
    found = []
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "markdown":
            continue
        for target in LINK.findall(cell.source):
            if re.match(r"[a-z]+:|#", target):  # a web address or a place in this notebook
                continue
            if target.split("#")[0] not in shipped:
                found.append(f"cell {index} links {target}, which is not shipped with the assignment "
                             f"(shipped: the module's tables, their datasheets/<table>.md and the coursecheck helpers)")
    return found


def problems(module: Module, the_course: Course, nb: NotebookNode) -> list[str]:
    """Every departure of a source notebook from the module contract."""
    return (title_problems(module, the_course, nb) + layout_problems(module, nb)
            + question_problems(module, nb) + cell_problems(nb) + link_problems(module, nb))
