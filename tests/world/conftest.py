"""Fixtures for the world tests: the committed tables, read once per session."""
import pandas as pd
import pytest

from autograder.world.files import DATASETS


@pytest.fixture(scope="session")
def world() -> dict[str, pd.DataFrame]:
    """Every committed table under datasets/, by name."""
    return {path.stem: pd.read_csv(path) for path in sorted(DATASETS.glob("*.csv"))}
