"""The class's files: the course in the instructor's home, the shared exchange, and each user's nbgrader settings."""
from __future__ import annotations

import json
from pathlib import Path

from autograder.build import COURSE_ID, KEPT, build_course
from autograder.hub.layout import Hub
from autograder.hub.users import chown_tree

EXCHANGE_LINE = "c.Exchange.root = {path!r}  # the hub's shared exchange (written by `course hub`)"
SHARED_CONFIG = '''"""nbgrader settings for every user of this hub (by `course hub`): the course and its exchange."""
c = get_config()  # noqa: F821
c.CourseDirectory.course_id = {course_id!r}
c.Exchange.root = {exchange!r}
'''
INSTRUCTOR_CONFIG = '''"""The instructor's nbgrader settings (by `course hub`): nbgrader's "one class, one grader"
setup, the formgrader working on the course in this home; its nbgrader_config.py says the rest (gradebook, exchange)."""
c = get_config()  # noqa: F821
c.CourseDirectory.root = {root!r}
load_subconfig({config!r})  # noqa: F821
'''
# Students get no formgrader: their servers do not load it (the Assignments list, fetch and submit stay).
STUDENT_SERVER = {"ServerApp": {"jpserver_extensions": {"nbgrader.server_extensions.formgrader": False}}}


def make_exchange(hub: Hub) -> Path:
    """The exchange: one folder every user can write to, as nbgrader documents (chmod ugo+rw); nbgrader's own
    permissions inside it keep submissions and feedback private (inbound and feedback cannot be listed)."""
    hub.exchange.mkdir(parents=True, exist_ok=True)
    hub.folder.chmod(0o755)
    hub.exchange.chmod(0o777)
    return hub.exchange


def write_shared_config(hub: Hub) -> Path:
    hub.shared_config.mkdir(parents=True, exist_ok=True)
    path = hub.shared_config / "nbgrader_config.py"
    path.write_text(SHARED_CONFIG.format(course_id=COURSE_ID, exchange=str(hub.exchange)), encoding="utf-8")
    for folder in (hub.shared_config, hub.shared_config.parent):
        folder.chmod(0o755)
    path.chmod(0o644)
    return path


def build_instructor_course(hub: Hub) -> Path:
    """`course build` into the instructor's home (gradebook where asked), its exchange set to the hub's, owned by
    the instructor; a course already there is rebuilt, keeping the instructor's own settings."""
    root = hub.course()
    build_course(root, list(hub.modules) or None, db_url=hub.gradebook_url)
    config = root / "nbgrader_config.py"
    text = config.read_text(encoding="utf-8")
    line = EXCHANGE_LINE.format(path=str(hub.exchange))
    if line not in text:
        head, kept = text.split(KEPT, 1)
        kept = "".join(f"{old}\n" for old in kept.strip("\n").splitlines() if "(written by `course hub`)" not in old)
        config.write_text(f"{head}{KEPT}\n{line}\n{kept}", encoding="utf-8")
    dot = hub.home(hub.instructor) / ".jupyter"
    dot.mkdir(exist_ok=True)
    (dot / "nbgrader_config.py").write_text(INSTRUCTOR_CONFIG.format(root=str(root), config=str(config)),
                                            encoding="utf-8")
    chown_tree(root, hub.instructor)
    chown_tree(dot, hub.instructor)
    return root


def configure_student(hub: Hub, student: str) -> None:
    dot = hub.home(student) / ".jupyter"
    dot.mkdir(exist_ok=True)
    (dot / "jupyter_server_config.json").write_text(json.dumps(STUDENT_SERVER, indent=1), encoding="utf-8")
    chown_tree(dot, student)
