"""Is the staff_tasks log complete, consistent, late where it should be, and documented?"""
import pandas as pd
import pytest


COLUMNS = ["task_id", "program_id", "task", "owner_staff_id", "typical_lead_days", "depends_on_task_id",
           "assigned_on", "due_date", "completed_on", "hours_logged"]
TASKS = {"book presenter", "reserve room", "order supplies", "design flyer", "post to events calendar",
         "send to newsletter", "social media post", "send reminder", "set up room", "run session",
         "evaluate and report", "pay invoice"}
SNAPSHOT = pd.Timestamp("2025-06-30")


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


def test_due_dates_follow_the_typical_lead_days(tasks, world):
    """Is each due date the program's first session date minus typical_lead_days?"""
    first = pd.to_datetime(world["program_sessions"].groupby("program_id").date.min())
    expected = tasks.program_id.map(first) - pd.to_timedelta(tasks.typical_lead_days, unit="D")
    assert (expected == tasks.due_date).all()
    assert tasks.typical_lead_days.between(-14, 90).all()
    assert (tasks.groupby("task").typical_lead_days.min() <= tasks.groupby("task").typical_lead_days.max()).all()


def test_dates_are_in_order_and_before_the_export(tasks):
    """Is every task assigned before it is due, completed after it was assigned, and never after 30 June 2025?"""
    assert (tasks.assigned_on < tasks.due_date).all()
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


def test_lateness_clusters_in_busy_months_and_with_overloaded_owners(tasks):
    """Are tasks due in June, July, October and December late more often, and the busiest three owners too?"""
    done = tasks.dropna(subset=["completed_on"]).assign(
        late=lambda t: t.completed_on > t.due_date, busy=lambda t: t.due_date.dt.month.isin([6, 7, 10, 12]))
    by_busy = done.groupby("busy").late.mean()
    assert by_busy[True] >= by_busy[False] + 0.06, by_busy.to_dict()
    busiest = done.owner_staff_id.value_counts().index[:3]
    heavy = done.owner_staff_id.isin(busiest)
    assert done[heavy].late.mean() >= done[~heavy].late.mean() + 0.10
