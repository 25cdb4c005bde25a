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
