"""Is every module's mistakes catalogue readable, with one id per mistake?"""
import pytest

from autograder.curriculum import course
from autograder.mistakes import load_mistakes


@pytest.mark.parametrize("module", [m for m in course().modules if m.status == "ready"], ids=lambda m: m.id)
def test_every_catalogue_loads_with_distinct_ids(module):
    """Does each ready module's catalogue load, each mistake under its own id?"""
    assert load_mistakes(module.mistakes)


def test_a_repeated_id_is_refused_with_a_sentence(tmp_path):
    """Is a catalogue that uses one id twice refused, naming the id, rather than one entry hiding the other?"""
    entry = '[[mistake]]\nid = "same"\nquestion = "q1"\ncell = "q1_x"\ndescription = "d"\nfails = ["t"]\ncode = "x = 1"\n'
    catalogue = tmp_path / "mistakes.toml"
    catalogue.write_text(entry + "\n" + entry, encoding="utf-8")
    with pytest.raises(ValueError, match="same"):
        load_mistakes(catalogue)


def test_a_mistake_carries_the_later_work_built_on_it(tmp_path):
    """Does a mistake's [mistake.then] table put the learner's later answers into its simulated notebook?"""
    from autograder.notebooks import submissions
    catalogue = tmp_path / "mistakes.toml"
    catalogue.write_text('[[mistake]]\nid = "slip"\nquestion = "q8"\ncell = "q8_plan"\ndescription = "d"\n'
                         'fails = ["t"]\ncode = "plan = 1"\n\n[mistake.then]\nq9_windows = "windows = plan"\n',
                         encoding="utf-8")
    mistake, = load_mistakes(catalogue)
    assert dict(mistake.then) == {"q9_windows": "windows = plan"}
    source = course().module("04-organizational-skills").notebook
    import nbformat
    answers = submissions.with_mistake(nbformat.read(source, as_version=4), mistake)
    assert answers.by_cell == {"q8_plan": "plan = 1", "q9_windows": "windows = plan"}
