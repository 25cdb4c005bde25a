"""A class on a real JupyterHub, in Chromium: release, two students fetch and submit (one twice, one late), collect,
`course grade`, a written answer graded in the formgrader, feedback released and each student sees only their own;
then the hub restarted mid-class loses nothing."""
from __future__ import annotations

import hashlib
import subprocess
import time
import urllib.request
from datetime import datetime, timedelta, timezone

import pytest

from autograder.grading.course_config import open_gradebook
from autograder.hub.users import as_user
from tests.hub.conftest import PASSWORD
from tests.hub.steps import MODULE, answer_with_solutions, fetched_notebook, log_in, run_as, shot, user_url

pytestmark = [pytest.mark.slow, pytest.mark.e2e, pytest.mark.xdist_group("hub")]
WRITTEN = "q5_chart_description"  # 09-evaluation's written answer, 2 points, graded by a person


def open_assignment_list(page):
    page.click(".lm-MenuBar-item:has-text('Nbgrader')")
    page.click(".lm-Menu-item:has-text('Assignment List')")
    page.wait_for_selector("#nbgrader-assignment-list", timeout=30_000)


def press_in_list(page, section: str, button: str, endpoint: str) -> None:
    """Press a button (Fetch, Submit, Fetch Feedback) of the module's row in the Assignments list and wait for the
    server's answer (assignments/fetch, /submit, /fetch_feedback) and the list to be redrawn."""
    row = page.locator(f"{section} .list_item", has_text=MODULE).first
    with page.expect_response(lambda r: f"/assignments/{endpoint}" in r.url, timeout=120_000) as answered:
        row.locator(f"button:has-text('{button}')").first.click(timeout=60_000)
    assert answered.value.ok and answered.value.json().get("success", True), answered.value.text()
    page.wait_for_function("() => ![...document.querySelectorAll('#nbgrader-assignment-list button')]"
                           ".some(b => b.textContent.trim().endsWith('...'))", timeout=60_000)  # "submitting..."


def exchange_files(hub) -> dict[str, str]:
    return {str(p.relative_to(hub.exchange)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(hub.exchange.rglob("*")) if p.is_file()}


def inbound(hub, student) -> list:
    return sorted((hub.exchange / "programming-librarian" / "inbound").glob(f"{student}+{MODULE}+*"))


def test_a_class_runs_end_to_end_on_jupyterhub(running_hub, browser):
    hub = running_hub.hub
    good, bad = hub.students
    started = time.monotonic()

    teacher = log_in(browser, hub, hub.instructor, PASSWORD)
    shot(teacher, "01-instructor-logged-in")
    run_as(hub, hub.instructor, "nbgrader", "release_assignment", MODULE)
    teacher.goto(user_url(hub, hub.instructor, "formgrader/manage_assignments"))
    teacher.wait_for_selector(f"td >> text={MODULE}", timeout=60_000)
    shot(teacher, "02-formgrader-module-released")

    # The good student: fetches in the Assignments list, submits an unanswered notebook, then answers and submits again.
    student = log_in(browser, hub, good, PASSWORD)
    open_assignment_list(student)
    shot(student, "03-student-assignment-list")
    press_in_list(student, "#released_assignments_list", "Fetch", "fetch")
    shot(student, "04-student-fetched")
    press_in_list(student, "#fetched_assignments_list", "Submit", "submit")
    assert answer_with_solutions(hub, good) >= 8
    time.sleep(1.1)  # nbgrader names submissions by the second
    student.reload()
    open_assignment_list(student)
    press_in_list(student, "#fetched_assignments_list", "Submit", "submit")
    shot(student, "05-student-submitted-twice")
    assert len(inbound(hub, good)) == 2, "both submissions are kept in the exchange"

    # The deadline passes; then the other student fetches and submits the notebook nearly unanswered.
    due = (datetime.now(timezone.utc) + timedelta(seconds=1)).strftime("%Y-%m-%d %H:%M:%S UTC")  # after the 2nd
    run_as(hub, hub.instructor, "nbgrader", "db", "assignment", "add", MODULE, f"--duedate={due}")
    time.sleep(2.1)
    other = log_in(browser, hub, bad, PASSWORD)
    open_assignment_list(other)
    press_in_list(other, "#released_assignments_list", "Fetch", "fetch")
    assert fetched_notebook(hub, bad).exists()
    press_in_list(other, "#fetched_assignments_list", "Submit", "submit")
    shot(other, "06-second-student-submitted-late")
    assert other.request.get(user_url(hub, bad, "formgrader")).status == 404, "a student's server has a formgrader"

    # The instructor collects and grades with `course grade` (sandboxed, as the instructor), then grades by hand.
    collected = run_as(hub, hub.instructor, "nbgrader", "collect", MODULE)
    submitted = hub.course() / "submitted"
    assert (submitted / good / MODULE).exists() and (submitted / bad / MODULE).exists(), collected.stdout
    latest = inbound(hub, good)[-1].name.split("+")[2]
    assert (submitted / good / MODULE / "timestamp.txt").read_text().strip() == latest, "the later one is collected"
    graded = run_as(hub, hub.instructor, "course", "grade", "--course", str(hub.course()), "--workers", "2")
    assert "Graded 2 submission(s)" in graded.stdout, graded.stdout + graded.stderr
    with open_gradebook(hub.course()) as gradebook:
        good_sub = gradebook.find_submission(MODULE, good)
        bad_sub = gradebook.find_submission(MODULE, bad)
        good_score, bad_score = good_sub.score, bad_sub.score
        assert good_sub.total_seconds_late == 0 and bad_sub.total_seconds_late > 0
        notebook_id = gradebook.find_submission_notebook(MODULE, MODULE, good).id
    assert good_score > bad_score

    teacher.goto(user_url(hub, hub.instructor, f"formgrader/manage_submissions/{MODULE}"))
    teacher.wait_for_selector("td.timestamp", timeout=60_000)
    shot(teacher, "07-formgrader-submissions-with-their-times")  # the due date is on Manage Assignments
    teacher.goto(user_url(hub, hub.instructor, f"formgrader/submissions/{notebook_id}/?index=0"))
    score = teacher.locator(f"input#{WRITTEN}")
    score.wait_for(timeout=60_000)
    score.scroll_into_view_if_needed()
    with teacher.expect_response(lambda r: "/formgrader/api/grade/" in r.url and r.request.method == "PUT",
                                 timeout=120_000) as saved:  # a loaded machine can take over 30 s
        score.fill("2")
        score.press("Tab")
    assert saved.value.ok
    shot(teacher, "08-formgrader-written-answer-graded")
    with open_gradebook(hub.course()) as gradebook:
        assert gradebook.find_submission(MODULE, good).score == pytest.approx(good_score + 2)

    run_as(hub, hub.instructor, "nbgrader", "generate_feedback", MODULE)
    run_as(hub, hub.instructor, "nbgrader", "release_feedback", MODULE)

    # Each student fetches their own feedback, and cannot see the other's.
    for page, name, step in ((student, good, "09"), (other, bad, "10")):
        page.reload()
        open_assignment_list(page)
        press_in_list(page, "#submitted_assignments_list", "Fetch Feedback", "fetch_feedback")
        shot(page, f"{step}-student-feedback-fetched")
    mine = {s: sorted((hub.home(s) / MODULE / "feedback").rglob(f"{MODULE}.html")) for s in hub.students}
    assert len(mine[good]) == 1 and len(mine[bad]) == 1
    assert all(str(hub.home(s)) in str(mine[s][0]) for s in hub.students)  # absent from the other's folders
    feedback_dir = hub.exchange / "programming-librarian" / "feedback"
    for reader, owner in ((good, bad), (bad, good)):
        assert as_user(reader, ["cat", str(mine[owner][0])]).returncode != 0, "another student's feedback is readable"
        assert as_user(reader, ["ls", str(hub.home(owner))]).returncode != 0
        assert as_user(reader, ["ls", str(feedback_dir)]).returncode != 0, "the exchange's feedback can be listed"
        assert as_user(reader, ["ls", str(hub.exchange / "programming-librarian" / "inbound")]).returncode != 0
    student.goto(user_url(hub, good, f"files/{mine[good][0].relative_to(hub.home(good))}"))
    shot(student, "11-student-reads-own-feedback")
    print(f"class journey took {time.monotonic() - started:.0f} s")


def gradebook_scores(hub) -> dict:
    with open_gradebook(hub.course()) as gradebook:
        return {s.student.id: (s.score, s.timestamp) for s in gradebook.find_assignment(MODULE).submissions}


def test_a_hub_restarted_mid_class_loses_nothing(running_hub, browser):
    """Stopped and started again: users' servers keep running, the exchange, submissions and grades are unchanged."""
    hub = running_hub.hub
    good = hub.students[0]
    servers = {u: subprocess.run(["pgrep", "-u", u], capture_output=True, text=True).stdout.split() for u in hub.users}
    assert all(servers.values()), servers
    before = (exchange_files(hub), gradebook_scores(hub), fetched_notebook(hub, good).read_bytes())
    running_hub.stop()
    with pytest.raises(OSError):
        urllib.request.urlopen(f"{hub.url}/hub/health", timeout=5)
    for user, pids in servers.items():
        assert any(subprocess.run(["kill", "-0", p]).returncode == 0 for p in pids), f"{user}'s server stopped"
    running_hub.restart()
    page = log_in(browser, hub, good, PASSWORD)
    page.goto(user_url(hub, good, f"lab/tree/{MODULE}/{MODULE}.ipynb"))
    page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=120_000)
    shot(page, "12-after-hub-restart-notebook-still-there")
    assert (exchange_files(hub), gradebook_scores(hub), fetched_notebook(hub, good).read_bytes()) == before
    assert (hub.course() / "submitted" / good / MODULE).exists()
