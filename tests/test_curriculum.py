"""Does course.toml describe the course DESIGN.md sets out, and do the module folders keep in step with it?"""
import re

from autograder.curriculum import MODULES, course

DESIGN_ORDER = ["00-orientation", "01-knowledge-of-community", "02-content-knowledge", "03-creativity",
                "04-organizational-skills", "05-event-planning", "06-financial-skills", "07-outreach-marketing",
                "08-interpersonal-skills", "09-evaluation"]
NINE = {"organizational-skills", "knowledge-of-community", "interpersonal-skills", "event-planning", "creativity",
        "content-knowledge", "outreach-marketing", "financial-skills", "evaluation"}


def test_modules_are_the_ten_of_the_design_in_order():
    """Are the modules exactly DESIGN.md's ten, in its order?"""
    assert [m.id for m in course().modules] == DESIGN_ORDER


def test_each_competency_is_defined_once_and_taught_by_one_module():
    """Are there nine competencies, each with a definition and a NILPPA source, each taught by one module?"""
    the_course = course()
    assert {c.id for c in the_course.competencies} == NINE
    for competency in the_course.competencies:
        assert len(competency.definition.split()) >= 15 and "NILPPA" in competency.source
    taught = [m.competency for m in the_course.modules if m.competency]
    assert sorted(taught) == sorted(NINE)


def test_objectives_are_unique_verb_first_sentences():
    """Does every module have objectives with unique ids, each a sentence opening with a verb?"""
    ids = [o.id for m in course().modules for o in m.objectives]
    assert len(ids) == len(set(ids))
    for module in course().modules:
        assert 3 <= len(module.objectives) <= 8, module.id
        for objective in module.objectives:
            first = objective.text.split()[0].rstrip(",")
            assert re.fullmatch(r"[A-Z][a-z]+", first) and not first.endswith(("ing", "tion")), objective.text
            assert objective.text.endswith("."), objective.text


def test_minutes_statuses_and_tables_are_sensible():
    """Is every module 60-120 minutes, ready or planned, and does every table it names have a datasheet?"""
    datasheets = MODULES.parent / "datasets" / "datasheets"
    for module in course().modules:
        assert 60 <= module.minutes <= 120 and module.status in {"ready", "planned"}, module.id
        if module.ready:
            assert all((datasheets / f"{t}.md").exists() for t in module.tables), module.id


def test_module_folders_match_the_curriculum():
    """Has every ready module its notebook and catalogue, and is every module folder in course.toml?"""
    known = {m.id for m in course().modules}
    for folder in MODULES.iterdir():
        if folder.is_dir():
            assert folder.name in known, f"{folder.name} is not in course.toml"
    for module in course().ready_modules:
        assert module.notebook.exists() and module.mistakes.exists(), module.id


def test_readme_module_table_matches_the_curriculum():
    """Does the README's module table list the modules in order with their status from course.toml?"""
    readme = (MODULES.parent / "README.md").read_text(encoding="utf-8")
    rows = [line.split("|") for line in readme.splitlines() if re.match(r"\| \d\d ", line)]
    assert [(r[1].split()[0], r[3].strip()) for r in rows] == [(m.id[:2], m.status) for m in course().modules]
