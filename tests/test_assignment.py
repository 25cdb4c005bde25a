"""Does every assignment carry what its notebook needs beside it: tables, their datasheets and the helpers?"""
import re

import pytest

from autograder.assignment import stage_support
from autograder.curriculum import course


@pytest.mark.parametrize("module", course().ready_modules, ids=lambda m: m.id)
def test_every_datasheet_link_in_a_staged_assignment_opens(module, tmp_path):
    """Does each relative link in the notebook reach a file staged beside it, as it will in a learner's folder?"""
    folder = stage_support(module, tmp_path / module.id)
    assert all((folder / "datasheets" / f"{table}.md").exists() for table in module.tables)
    links = re.findall(r"\]\((datasheets/[^)]+)\)", module.notebook.read_text(encoding="utf-8"))
    assert links and all((folder / link).exists() for link in links)
