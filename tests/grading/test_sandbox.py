"""Does the bubblewrap sandbox keep student code away from the network, the course's secrets and the machine?"""
import os
import socket
import sys
import time
from pathlib import Path

import pytest

from autograder.grading.sandbox import Limits, Sandbox, SandboxUnavailable, sandbox_available

pytestmark = pytest.mark.skipif(not sandbox_available() and not os.environ.get("CI"),
                                reason="bubblewrap is not installed here (CI installs it and never skips)")


def python(sandbox: Sandbox, code: str):
    return sandbox.run([sys.executable, "-c", code])


@pytest.fixture
def workdir(tmp_path):
    folder = tmp_path / "work"
    folder.mkdir()
    (folder / "data.csv").write_text("a,b\n1,2\n")
    return folder


def test_code_runs_in_its_working_copy_and_can_write_there(workdir):
    """Does code see its own files and keep what it writes in its working folder?"""
    result = python(Sandbox(workdir), "import os; print(sorted(os.listdir('.'))); open('out.txt', 'w').write('x')")
    assert result.returncode == 0 and "data.csv" in result.stdout
    assert (workdir / "out.txt").read_text() == "x"


def test_nothing_on_the_machine_is_in_sight_but_the_system_and_python(workdir, course_elsewhere):
    """Are courses, checkouts and root-only files out of sight, though never named to the sandbox?"""
    project = Path(__file__).resolve().parents[2]
    places = [course_elsewhere, course_elsewhere / "gradebook.db", project / "modules", "/etc/shadow"]
    code = ("import os, sys\nfor place in sys.argv[1:]:\n    try:\n"
            "        os.listdir(place) if os.path.isdir(place) else open(place).read(); print('SEEN', place)\n"
            "    except OSError:\n        print('unseen')")
    result = Sandbox(workdir).run([sys.executable, "-c", code, *map(str, places)])
    assert result.stdout.count("unseen") == len(places), result.stdout + result.stderr
    assert (course_elsewhere / "gradebook.db").read_text() == "grades"


def test_of_the_home_folder_only_the_way_to_python_is_in_sight(workdir):
    """If Python lives under the grader's home (pyenv), is that path all the sandbox sees of the home?"""
    home = Path.home().resolve()
    leads_to_python = {Path(p).resolve().relative_to(home).parts[0] for p in (sys.prefix, sys.base_prefix)
                       if Path(p).resolve().is_relative_to(home)}
    result = python(Sandbox(workdir), f"import os\ntry:\n    print(*os.listdir({str(home)!r}), sep='\\n')\n"
                                      "except OSError:\n    pass")
    assert set(result.stdout.split()) <= leads_to_python, result.stdout


def test_a_python_kept_under_tmp_stays_in_sight(workdir, tmp_path):
    """Does a readable folder under /tmp (a checkout and its venv there) survive the sandbox's own empty /tmp?"""
    environment = tmp_path / "checkout" / ".venv"
    environment.mkdir(parents=True)
    (environment / "marker").write_text("here")
    sandbox = Sandbox(workdir, readable=(*Sandbox(workdir).readable, environment))
    assert python(sandbox, f"print(open({str(environment / 'marker')!r}).read())").stdout.strip() == "here"


def test_nothing_outside_the_working_folder_is_writable(workdir, tmp_path):
    """Do writes to the system, the grader's Python and the rest of the disk fail?"""
    targets = ["/etc/course-test", f"{sys.prefix}/course-test", str(tmp_path / "escaped.txt")]
    code = "import sys\nfor t in sys.argv[1:]:\n    try:\n        open(t, 'w').write('x'); print('WROTE', t)\n    except OSError:\n        print('denied', t)"
    result = Sandbox(workdir).run([sys.executable, "-c", code, *targets])
    assert "WROTE" not in result.stdout and result.stdout.count("denied") == 3
    assert not (tmp_path / "escaped.txt").exists()


def test_network_is_blocked_even_to_this_machine(workdir):
    """Can student code reach a server listening on this machine's loopback? It must not."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    port = server.getsockname()[1]
    try:
        code = (f"import socket\ntry:\n    socket.create_connection(('127.0.0.1', {port}), timeout=2); print('CONNECTED')\n"
                "except OSError:\n    print('blocked')")
        assert python(Sandbox(workdir), code).stdout.strip() == "blocked"
    finally:
        server.close()


def test_a_loop_is_stopped_at_the_time_limit(workdir):
    """Is a run that never ends killed at its time limit, quickly?"""
    started = time.perf_counter()
    result = python(Sandbox(workdir, limits=Limits(seconds=2)), "while True: pass")
    assert result.timed_out and time.perf_counter() - started < 10


def test_a_memory_bomb_hits_the_memory_limit(workdir):
    """Does allocating far more memory than allowed fail inside the sandbox, not on the machine?"""
    code = "try:\n    x = bytearray(4 * 1024**3); print('ALLOCATED')\nexcept MemoryError:\n    print('limited')"
    result = python(Sandbox(workdir, limits=Limits(memory_bytes=1024**3)), code)
    assert "ALLOCATED" not in result.stdout


def test_the_graders_environment_does_not_leak_in(workdir, monkeypatch):
    """Are the grader's own environment variables (which could reveal grading) invisible inside?"""
    monkeypatch.setenv("COURSE_GRADER_SECRET", "hidden-value")
    result = python(Sandbox(workdir), "import os; print(sorted(os.environ))")
    assert "COURSE_GRADER_SECRET" not in result.stdout and "NBGRADER" not in result.stdout


def test_without_bubblewrap_the_message_names_the_fix(workdir, monkeypatch):
    """Without bwrap, does the sandbox refuse with a sentence naming the package and --no-sandbox?"""
    monkeypatch.setattr("shutil.which", lambda name: None)
    with pytest.raises(SandboxUnavailable, match="apt-get install bubblewrap.*--no-sandbox"):
        Sandbox(workdir).command(["true"])


def test_code_runs_as_an_ordinary_user_without_capabilities(workdir):
    """Even when the grader runs as root, is student code an ordinary user with no capabilities at all?"""
    result = python(Sandbox(workdir), "import os\nprint(os.getuid())\n"
                                      "print([l for l in open('/proc/self/status') if l.startswith('CapEff')][0])")
    uid, caps = result.stdout.split("\n")[:2]
    assert uid != "0" and caps.split()[1] == "0000000000000000"
