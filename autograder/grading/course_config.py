"""The course's nbgrader configuration read as nbgrader reads it, and the gradebook it names (SQLite or PostgreSQL)."""
from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Iterator

from jupyter_core.paths import jupyter_config_path
from nbgrader.api import Gradebook
from nbgrader.coursedir import CourseDirectory
from traitlets.config import Config, PyFileConfigLoader

CONFIG_FILE = "nbgrader_config.py"


def course_config(course_dir: Path) -> Config:
    """nbgrader_config.py from Jupyter's config folders (system, then user) and, over them, the course's own."""
    config = Config()
    folders = [Path(p) for p in reversed(jupyter_config_path())] + [Path(course_dir)]
    for folder in folders:
        if (folder / CONFIG_FILE).is_file():
            config.merge(PyFileConfigLoader(CONFIG_FILE, path=str(folder)).load_config())
    return config


def course_directory(course_dir: Path) -> CourseDirectory:
    """nbgrader's CourseDirectory for the course, rooted where the course is unless its config says otherwise."""
    config = course_config(course_dir)
    if "root" not in config.get("CourseDirectory", {}):
        config.CourseDirectory.root = str(Path(course_dir).resolve())
    return CourseDirectory(config=config)


def gradebook_url(course_dir: Path) -> str:
    """The gradebook's database URL: CourseDirectory.db_url, by default sqlite:///ROOT/gradebook.db."""
    return course_directory(course_dir).db_url


def describe_gradebook(url: str) -> str:
    """The gradebook's address for a person to read, without any password in it."""
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


@contextlib.contextmanager
def open_gradebook(course_dir: Path) -> Iterator[Gradebook]:
    """The course's gradebook, on the database and under the course id its configuration names."""
    directory = course_directory(course_dir)
    with Gradebook(directory.db_url, course_id=directory.course_id) as gradebook:
        yield gradebook
