"""Is the library world complete, documented, small and rebuilt byte for byte from its seed?"""
import time

import pytest

from autograder.world.files import DATASETS, stale_tables
from autograder.world.registry import generate_world

MAX_BYTES = 20 * 1024 * 1024


@pytest.mark.slow
def test_a_fresh_build_matches_the_committed_files_in_under_a_minute():
    """Does `course datasets` rebuild every committed table byte for byte, within a minute of CPU time (not wall
    time, which a busy machine stretches)?"""
    started = time.process_time()
    assert stale_tables() == []
    assert time.process_time() - started < 60


def test_every_committed_table_is_generated_and_every_generated_table_committed():
    """Is each CSV under datasets/ one the generators make, and each generated table committed?"""
    made = set(generate_world())
    committed = {p.stem for p in DATASETS.glob("*.csv")}
    assert committed == made


def test_every_table_has_a_datasheet_that_says_it_is_synthetic(world):
    """Has each table a datasheet with the standard sections, saying the data are synthetic?"""
    sections = ["## Motivation", "## Composition", "## Data dictionary", "## How it was generated and calibrated",
                "## Deliberate messiness", "## Caveats", "## License"]
    for name, table in world.items():
        sheet = (DATASETS / "datasheets" / f"{name}.md").read_text(encoding="utf-8")
        assert "synthetic" in sheet.lower(), name
        assert all(s in sheet for s in sections), name
        for column in table.columns:
            assert f"| {column} |" in sheet, f"{name}.{column} not in its dictionary"


def test_the_world_is_small_enough_to_commit():
    """Are all the CSVs together well under 20 MB?"""
    assert sum(p.stat().st_size for p in DATASETS.glob("*.csv")) < MAX_BYTES


def test_tables_named_in_the_readme_exist(world):
    """Does every table the datasets README lists exist?"""
    readme = (DATASETS / "README.md").read_text(encoding="utf-8")
    tables_section = readme.split("## Tables", 1)[1]
    listed = {line.split("|")[1].strip() for line in tables_section.splitlines()
              if line.startswith("| ") and not line.startswith("| table")}
    assert listed and listed <= set(world), f"listed but missing: {sorted(listed - set(world))}"


def test_the_readme_gives_each_tables_true_row_count(world):
    """Does the datasets README state each table's row count exactly as the committed CSV has it?"""
    readme = (DATASETS / "README.md").read_text(encoding="utf-8")
    rows = {line.split("|")[1].strip(): line.split("|")[2].strip() for line in readme.split("## Tables", 1)[1].splitlines()
            if line.startswith("| ") and not line.startswith("| table")}
    wrong = {name: (stated, f"{len(world[name]):,}") for name, stated in rows.items() if stated != f"{len(world[name]):,}"}
    assert not wrong, f"README row counts (stated, actual): {wrong}"
