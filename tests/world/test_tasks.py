"""Is the staff_tasks log complete, consistent, dated on open days, late where the load is, and documented?"""
import numpy as np
import pandas as pd
import pytest

from autograder.world.common import CLOSED_DATES
from autograder.world.files import DATASETS


COLUMNS = ["task_id", "program_id", "task", "owner_staff_id", "typical_lead_days", "depends_on_task_id",
           "assigned_on", "due_date", "completed_on", "hours_logged"]
TASKS = {"book presenter", "reserve room", "order supplies", "design flyer", "post to events calendar",
         "send to newsletter", "social media post", "send reminder", "set up room", "run session",
         "evaluate and report", "pay invoice"}
SNAPSHOT = pd.Timestamp("2025-06-30")
WRAP_UP = {"evaluate and report", "pay invoice"}
CLOSED = set(CLOSED_DATES) | set(pd.to_datetime(["2023-05-29", "2023-06-19", "2025-07-04"]))


@pytest.fixture(scope="module")
def tasks(world):
    """staff_tasks with its dates parsed."""
    table = world["staff_tasks"].copy()
    for column in ["assigned_on", "due_date", "completed_on"]:
        table[column] = pd.to_datetime(table[column])
    return table


def test_tasks_have_the_contract_columns_and_unique_ids(world):
    """Has staff_tasks the contract's columns in order, about 3,000 rows and unique ids T0001...?"""
    table = world["staff_tasks"]
    assert list(table.columns) == COLUMNS
    assert 2_700 <= len(table) <= 3_600, len(table)
    assert table.task_id.is_unique and table.task_id.str.fullmatch(r"T\d{4}").all()
    assert set(table.task) <= TASKS, set(table.task) - TASKS


def test_keys_resolve(world):
    """Does every program_id, owner_staff_id and depends_on_task_id point at a real row?"""
    table = world["staff_tasks"]
    assert set(table.program_id) <= set(world["program_sessions"].program_id)
    assert set(table.owner_staff_id) <= set(world["staff"].staff_id)
    assert set(table.depends_on_task_id.dropna()) <= set(table.task_id)


def test_every_program_has_a_run_session_task(world):
    """Does every program have exactly one 'run session' task, and each task type at most once per program?"""
    table = world["staff_tasks"]
    runs = table[table.task == "run session"]
    assert set(runs.program_id) == set(world["program_sessions"].program_id)
    assert not table.duplicated(["program_id", "task"]).any()


def test_dependencies_stay_within_a_program_and_come_first(tasks):
    """Does each task wait only for a task of the same program that is due no later than it?"""
    linked = tasks.dropna(subset=["depends_on_task_id"]).merge(
        tasks[["task_id", "program_id", "due_date"]], left_on="depends_on_task_id", right_on="task_id",
        suffixes=("", "_before"))
    assert (linked.program_id == linked.program_id_before).all()
    assert (linked.due_date_before <= linked.due_date).all()
    flyers = linked[linked.task == "design flyer"]
    assert (flyers.depends_on_task_id.isin(tasks.loc[tasks.task.isin(["book presenter", "reserve room"]),
                                                      "task_id"])).all()


def _sessions(world):
    sessions = world["program_sessions"].assign(date=lambda t: pd.to_datetime(t.date))
    return sessions.groupby("program_id").date.agg(["min", "max"])


def _open_day_at_or_before(dates: pd.Series) -> pd.Series:
    dates = dates.copy()
    for _ in range(7):
        closed = dates.dt.day_of_week.eq(6) | dates.isin(CLOSED)
        dates[closed] = dates[closed] - pd.Timedelta(days=1)
    return dates


def test_due_dates_follow_the_typical_lead_days(tasks, world):
    """Is each due date the first session minus typical_lead_days (the wrap-up: the last session minus them), moved
    back to the open day before when it lands on a Sunday or a holiday?"""
    first_last = _sessions(world)
    anchor = tasks.program_id.map(first_last["min"]).where(~tasks.task.isin(WRAP_UP),
                                                          tasks.program_id.map(first_last["max"]))
    expected = _open_day_at_or_before(anchor - pd.to_timedelta(tasks.typical_lead_days, unit="D"))
    assert (expected == tasks.due_date).all()
    assert tasks.typical_lead_days.between(-14, 90).all()
    assert set(tasks.loc[tasks.task.isin(WRAP_UP), "typical_lead_days"]) == {-5, -14}


def test_no_date_falls_on_a_day_the_library_is_closed(tasks):
    """Is no task assigned, due or completed on a Sunday or a holiday (Christmas Day, Thanksgiving...)?"""
    for column in ["assigned_on", "due_date", "completed_on"]:
        dates = tasks[column].dropna()
        assert not dates.dt.day_of_week.eq(6).any(), column
        assert not dates.isin(CLOSED).any(), column


def test_the_wrap_up_follows_the_last_session(tasks, world):
    """Are the evaluation and the invoice due, and done, only after the program's last session?"""
    last = tasks.program_id.map(_sessions(world)["max"])
    wrap = tasks.task.isin(WRAP_UP)
    assert (tasks.loc[wrap, "due_date"] > last[wrap]).all()
    done = wrap & tasks.completed_on.notna()
    assert (tasks.loc[done, "completed_on"] >= last[done]).all()


def test_dates_are_in_order_and_before_the_export(tasks):
    """Is every task assigned before it is due, completed after it was assigned, and never after 30 June 2025?"""
    assert (tasks.assigned_on < tasks.due_date).all()
    assert (tasks.assigned_on <= SNAPSHOT).all()
    done = tasks.dropna(subset=["completed_on"])
    assert (done.completed_on >= done.assigned_on).all()
    assert (done.completed_on <= SNAPSHOT).all()


def test_unfinished_tasks_log_no_hours_and_are_few(tasks):
    """Are unfinished tasks (empty completed_on) 1-5% of rows, with 0 hours, and finished ones positive hours?"""
    undone = tasks.completed_on.isna()
    assert 0.01 <= undone.mean() <= 0.05, undone.mean()
    assert (tasks.loc[undone, "hours_logged"] == 0).all()
    assert (tasks.loc[~undone, "hours_logged"] > 0).all()
    assert ((tasks.hours_logged * 4) % 1 == 0).all(), "hours are logged in quarter hours"


def test_about_15_percent_are_done_late(tasks):
    """Are about 15% of completed tasks finished after their due date (the contract's figure), 12-18%?"""
    done = tasks.dropna(subset=["completed_on"])
    late = (done.completed_on > done.due_date).mean()
    assert 0.12 <= late <= 0.18, f"{late:.1%} late"


def _fy2025_planning(tasks):
    fy = tasks[tasks.completed_on.between(pd.Timestamp("2024-07-01"), SNAPSHOT) & tasks.task.ne("run session")].copy()
    fy["late"] = fy.completed_on > fy.due_date
    return fy


def _load_per_fte(fy, world):
    return (fy.groupby("owner_staff_id").hours_logged.sum() / world["staff"].set_index("staff_id").fte).dropna()


def _gap_and_margin(table, heavier):
    p1, n1 = table.loc[heavier, "late"].mean(), heavier.sum()
    p0, n0 = table.loc[~heavier, "late"].mean(), (~heavier).sum()
    return (p1 - p0) * 100, 1.96 * np.sqrt(p1 * (1 - p1) / n1 + p0 * (1 - p0) / n0) * 100


def test_lateness_follows_the_owners_monthly_load_per_fte(tasks, world):
    """Are tasks whose owner had a heavy month (planning hours due per FTE) late more often than the rest, and the two
    busiest owners far more often than everyone else?"""
    fte = tasks.owner_staff_id.map(world["staff"].set_index("staff_id").fte)
    hours = tasks.hours_logged.where(tasks.task.ne("run session"), 0.0)
    load = hours.groupby([tasks.owner_staff_id, tasks.due_date.dt.to_period("M")]).transform("sum") / fte
    done = tasks[tasks.completed_on.notna() & ~tasks.task.isin(["run session", "set up room"])].assign(
        late=lambda t: t.completed_on > t.due_date, heavy=load >= 10)
    by_load = done.groupby("heavy").late.mean()
    assert by_load[True] >= by_load[False] + 0.12, by_load.to_dict()
    everything = tasks.dropna(subset=["completed_on"]).assign(late=lambda t: t.completed_on > t.due_date)
    busiest = everything.owner_staff_id.value_counts().index[:2]
    heavy = everything.owner_staff_id.isin(busiest)
    assert everything[heavy].late.mean() >= everything[~heavy].late.mean() + 0.15


def test_per_fte_and_like_with_like_change_the_answer(tasks, world):
    """Does dividing by FTE change which associates are heavier, and is the associates' gap too close to call while
    the whole team's is clear (module 04, Question 6)?"""
    fy = _fy2025_planning(tasks)
    load = _load_per_fte(fy, world)
    raw = fy.groupby("owner_staff_id").hours_logged.sum()
    staff = world["staff"]
    associate_ids = set(staff.loc[staff.role.eq("Library associate"), "staff_id"])
    per_fte_heavier = set(load[load >= 18].index) & associate_ids
    raw_heavier = set(raw[raw >= 18].index) & associate_ids
    assert per_fte_heavier != raw_heavier and raw_heavier
    associates = fy[fy.owner_staff_id.isin(associate_ids)]
    gap, margin = _gap_and_margin(associates, associates.owner_staff_id.isin(per_fte_heavier))
    assert 5 <= gap < margin, (gap, margin)  # looks like a gap, but too close to call
    raw_gap, _ = _gap_and_margin(associates, associates.owner_staff_id.isin(raw_heavier))
    assert abs(raw_gap - gap) > 0.5
    team_gap, team_margin = _gap_and_margin(fy, fy.owner_staff_id.isin(load[load >= 18].index))
    assert team_gap - team_margin > 0  # across different kinds of work, the gap is clear


def test_the_watercolor_template_tells_the_planning_rules_apart(tasks):
    """In module 04's plan (P0545 from 6 November 2025, last session 20 November), does counting the wrap-up from the
    last session change its dates, and does a task that waits for another hold a smaller window than any task that
    waits for nothing, so that taking every window instead of the heads' changes the earliest date?"""
    plan = tasks[tasks.program_id.eq("P0545")].copy()
    first, last = pd.Timestamp("2025-11-06"), pd.Timestamp("2025-11-20")
    lead = pd.to_timedelta(plan.typical_lead_days, unit="D")
    plan["due"] = (first - lead).where(plan.typical_lead_days >= 0, last - lead)
    assert ((first - lead) != plan.due).sum() == 2
    due_by_id = plan.set_index("task_id").due
    plan["start"] = plan.depends_on_task_id.map(due_by_id).fillna(pd.Timestamp("2025-08-04"))
    window = (plan.due - plan.start).dt.days
    heads = plan.depends_on_task_id.isna()
    assert window[heads].min() < 7
    assert window.min() < window[heads].min()
    assert not plan.due.isin(CLOSED).any() and not plan.due.dt.day_of_week.eq(6).any()


def test_the_datasheet_states_the_measured_figures(tasks):
    """Does the datasheet give the late share, the two busiest owners' shares and the associates' interval as they are?"""
    sheet = " ".join((DATASETS / "datasheets" / "staff_tasks.md").read_text(encoding="utf-8").split())
    done = tasks.dropna(subset=["completed_on"]).assign(late=lambda t: t.completed_on > t.due_date)
    assert f"{done.late.mean():.1%} of completed tasks were late" in sheet
    by_owner = done.groupby("owner_staff_id").late.mean()
    assert f"S003 (the Marketing specialist) {by_owner['S003']:.1%}" in sheet
    assert f"S002 (the Programming coordinator) {by_owner['S002']:.1%}" in sheet
    assert f"{len(tasks):,} rows" in sheet


def test_the_learners_datasheet_describes_without_answering(world):
    """Has the learner's datasheet every column, no figure from the instructors' sheet and no path to course files?"""
    sheet = (DATASETS / "datasheets" / "learner" / "staff_tasks.md").read_text(encoding="utf-8")
    assert "synthetic" in sheet.lower()
    for column in world["staff_tasks"].columns:
        assert f"| {column} |" in sheet, column
    for secret in ["FACTS", "autograder", "%", "Anand", "Ortega", "3,242", "0.05", "interval", "Christmas"]:
        assert secret not in sheet, secret
