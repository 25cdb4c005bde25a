"""Each module's instructor guide: the author's class plan covers every section, and every written answer has an
exemplar at each mark level; the generated parts (objectives, timing, mistakes, mark schemes) come from the module."""
import re

import nbformat
import pytest

from autograder.curriculum import course
from autograder.notebooks import cells
from autograder.site.guide import instructor_guide

READY = [m for m in course().modules if m.ready]
SECTION = re.compile(r"^## (\d+)\. (.+)$", re.M)


def sections(module):
    notebook = nbformat.read(module.notebook, as_version=4)
    return [n for c in notebook.cells if c.cell_type == "markdown" for n, _ in SECTION.findall(c.source)]


def written(module):
    notebook = nbformat.read(module.notebook, as_version=4)
    return [(cells.question(c), cells.points(c)) for c in notebook.cells if cells.is_manually_graded(c)]


def own_plan(module):
    path = module.folder / "instructor.md"
    assert path.exists(), f"{module.id} has no instructor.md (the class plan and exemplars; see AUTHORING.md)"
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("module", READY, ids=lambda m: m.id)
def test_a_discussion_prompt_for_every_section_and_a_pair_activity(module):
    text = own_plan(module)
    assert "## In class" in text and "### Discussion prompts" in text and "### Pair activity" in text
    prompts = text.split("### Discussion prompts", 1)[1].split("###", 1)[0]
    missing = [n for n in sections(module) if not re.search(rf"^- \*\*{n}\. ", prompts, re.M)]
    assert not missing, f"{module.id}: no discussion prompt for section(s) {missing}"
    activity = text.split("### Pair activity", 1)[1].split("\n## ", 1)[0]
    assert len(activity.split()) >= 40, f"{module.id}: the pair activity needs a real description"


@pytest.mark.parametrize("module", READY, ids=lambda m: m.id)
def test_an_exemplar_at_each_mark_level_of_every_written_answer(module):
    text = own_plan(module)
    for question, points in written(module):
        match = re.search(rf"^### {question.upper()}\b(.*?)(?=^##|\Z)", text, re.M | re.S)
        assert match, f"{module.id}: no exemplars for the written answer {question.upper()}"
        levels = {float(p) for p in re.findall(r"^- \*\*([\d.]+) points?\.\*\*", match.group(1), re.M)}
        wanted = {0.0, float(points)} | ({float(points // 2)} if points >= 2 else set())
        assert wanted <= levels, f"{module.id} {question.upper()}: exemplars at {sorted(levels)}, need {sorted(wanted)}"


@pytest.mark.parametrize("module", READY, ids=lambda m: m.id)
def test_the_guide_carries_objectives_mistakes_and_mark_schemes(module):
    guide = instructor_guide(module, course())
    assert all(o.id in guide for o in module.objectives)
    assert "## Common mistakes" in guide and "## Grading and posting grades" in guide
    for question, _ in written(module):
        assert f"### {question.upper()} (" in guide
