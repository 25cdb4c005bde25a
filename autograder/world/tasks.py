"""The programming team's task log: who planned what for each program, when it was due and when it was done."""
from __future__ import annotations

import numpy as np
import pandas as pd

from autograder.world.common import CLOSED_DATES, WORLD_END, date_text, make_ids, program_summary

SNAPSHOT = WORLD_END  # the log was exported at the close of FY2025; later work is not in it

# Task: (typical days before the first session it is due, median hours logged, tasks it waits for in order
# of preference). Negative lead days are due that many days after the LAST session: the evaluation and the
# invoice close a series, not its first evening. Hours are assumptions.
TASKS = {
    "book presenter":          (60, 1.5, []),
    "reserve room":            (45, 0.25, []),
    "order supplies":          (21, 1.0, ["book presenter"]),
    "design flyer":            (35, 2.5, ["book presenter", "reserve room"]),
    "post to events calendar": (30, 0.5, ["book presenter", "reserve room"]),
    "send to newsletter":      (21, 0.5, ["design flyer", "post to events calendar"]),
    "social media post":       (7, 0.5, ["design flyer", "post to events calendar"]),
    "send reminder":           (2, 0.25, ["post to events calendar"]),
    "set up room":             (0, 0.75, ["reserve room", "order supplies"]),
    "run session":             (0, None, ["set up room", "send reminder", "reserve room", "book presenter"]),
    "evaluate and report":     (-5, 1.5, ["run session"]),
    "pay invoice":             (-14, 0.5, ["run session"]),
}
TASK_ORDER = {task: i for i, task in enumerate(TASKS)}
AUTHOR_BOOKING_LEAD_DAYS = 90  # authors and paid performers are booked earlier (assumption)
HOURS_SPREAD = 0.5  # lognormal sigma of hours logged around the median (assumption)
SESSION_OVERHEAD_HOURS = 0.5  # setting out and packing away around each session the host runs
EXTERNAL = {"paid performer", "author", "volunteer", "partner staff"}
SUPPLY_CATEGORIES = {"DIY & crafts", "STEAM", "arts & culture"}
PROMOTED_CATEGORIES = {"special events", "books & authors", "arts & culture"}
CALENDAR_LOGGED = 0.65  # other calendar entries are keyed in batches by the coordinator, not logged per program

# Lateness follows load: the more planning hours per FTE an owner has falling due in a month, the likelier each
# of that month's tasks slips (a saturating curve; assumption). Overall about 15% of completed tasks run late.
LATE_BASE = 0.05                # a task with nobody's desk under pressure
LATE_LOAD_RANGE = 0.40          # the most extra chance that load can add
LATE_LOAD_SCALE = 8.0           # planning hours per FTE due in a month at which load adds 63% of that range
NEVER_DONE_RATE = 0.01          # tasks quietly dropped
LATE_DAYS_P = 0.18              # geometric: days late, median about 4
NO_LATENESS = {"run session", "set up room"}  # these happen on the day or not at all
AFTER_THE_SERIES = {"evaluate and report", "pay invoice"}  # counted from the last session

# The first edition of this log (before the dates were made to respect closures, the end of a series and load):
# its draws still decide which tasks were finished by the export and the hours logged, which module 06 costs, so
# that refining the dates moves no dollar of staff time.
FIRST_EDITION_EVALUATION_LEAD = -7
FIRST_EDITION_LATE_BASE = 0.08
FIRST_EDITION_LATE_BUSY_MONTH = 0.16
FIRST_EDITION_BUSY_MONTHS = [6, 7, 10, 12]
FIRST_EDITION_LATE_OVERLOADED_OWNER = 0.22
FIRST_EDITION_OVERLOADED_OWNERS = 3

# Days no deadline falls on: every branch is closed on Sundays and on the county's holidays (CLOSED_DATES covers
# FY2024-FY2025; the log also reaches back into spring 2023 and forward into July 2025).
CLOSED_OUTSIDE_THE_WORLD = pd.to_datetime(["2023-05-29", "2023-06-19", "2025-07-04"])
CLOSED_DAYS = set(CLOSED_DATES) | set(CLOSED_OUTSIDE_THE_WORLD)

ROLE_FOR_AUDIENCE = {"babies & toddlers": "Youth services librarian", "preschool": "Youth services librarian",
                     "children": "Youth services librarian", "teens": "Teen services librarian",
                     "adults": "Adult services librarian", "older adults": "Adult services librarian",
                     "all ages": "Youth services librarian"}
# Who usually does each task, tried in order until the branch has such a person (then the branch manager).
OWNER_ROLES = {
    "book presenter": ["audience librarian"],
    "reserve room": ["Library associate"],
    "order supplies": ["audience librarian", "Library associate"],
    "design flyer": ["Marketing specialist", "audience librarian"],
    "post to events calendar": ["Library associate"],
    "send to newsletter": ["Marketing specialist"],
    "social media post": ["Marketing specialist", "Library associate"],
    "send reminder": ["Library associate"],
    "set up room": ["Library associate"],
    "run session": ["audience librarian"],
    "evaluate and report": ["audience librarian"],
    "pay invoice": ["audience librarian"],
}
CENTRAL_ROLES = {"Marketing specialist", "Programming coordinator"}  # system-wide staff based at Central
SHARE_TO_CENTRAL = {"design flyer": 0.6, "social media post": 0.5, "book presenter": 0.3, "pay invoice": 0.5}


def choose_tasks(rng: np.random.Generator, programs: pd.DataFrame) -> pd.DataFrame:
    """Which tasks each program needs, from what it is: who presents, whether it has a room, a fee, registration."""
    external = programs.presenter_type.isin(EXTERNAL).to_numpy()
    has_room = programs.room_id.notna().to_numpy()
    one_off = (programs.sessions == 1).to_numpy()
    promoted = programs.category.isin(PROMOTED_CATEGORIES).to_numpy() | external
    chance = rng.random((len(programs), len(TASKS)))
    needs = {
        "book presenter": external,
        "reserve room": has_room & (one_off | external) & (chance[:, 1] < 0.4),
        "order supplies": programs.category.isin(SUPPLY_CATEGORIES).to_numpy() & (chance[:, 2] < 0.7),
        "design flyer": promoted & (chance[:, 3] < 0.45),
        "post to events calendar": chance[:, 4] < CALENDAR_LOGGED,
        "send to newsletter": promoted & (chance[:, 5] < 0.3),
        "social media post": np.where(promoted, chance[:, 6] < 0.35, chance[:, 6] < 0.06),
        "send reminder": programs.registration_required.to_numpy() & (chance[:, 7] < 0.45),
        "set up room": has_room & promoted & (chance[:, 8] < 0.25),
        "run session": np.ones(len(programs), dtype=bool),
        "evaluate and report": np.where(external, chance[:, 10] < 0.25, chance[:, 10] < 0.06),
        "pay invoice": (programs.fee_per_session > 0).to_numpy(),
    }
    frames = [programs.loc[mask].assign(task=task) for task, mask in needs.items()]
    return pd.concat(frames).reset_index()


def staff_lookup(staff: pd.DataFrame) -> dict[tuple[str, str], np.ndarray]:
    """Staff ids by (branch, role)."""
    return {key: group.staff_id.to_numpy() for key, group in staff.sort_values("staff_id").groupby(
        ["branch_id", "role"])}


def owner_for(rng: np.random.Generator, lookup: dict, branch: str, roles: list[str]) -> str:
    """One staff member at the branch in the first of the roles it has (system-wide roles sit at Central)."""
    for role in roles + ["Adult services librarian", "Branch manager"]:
        where = "CEN" if role in CENTRAL_ROLES else branch
        pool = lookup.get((where, role))
        if pool is not None:
            return pool[rng.integers(len(pool))]
    raise ValueError(f"no staff at {branch}")


def assign_owners(rng: np.random.Generator, tasks: pd.DataFrame, staff: pd.DataFrame) -> np.ndarray:
    """The owner of each task: the presenting staff member runs their own session, others by role."""
    lookup = staff_lookup(staff)
    central_share = tasks.task.map(SHARE_TO_CENTRAL).fillna(0).to_numpy()
    to_central = rng.random(len(tasks)) < central_share
    owners = []
    for row, central in zip(tasks.itertuples(index=False), to_central):
        if row.task == "run session" and isinstance(row.presenter_staff_id, str):
            owners.append(row.presenter_staff_id)
            continue
        roles = [ROLE_FOR_AUDIENCE[row.audience] if r == "audience librarian" else r for r in OWNER_ROLES[row.task]]
        if row.task in ("book presenter", "pay invoice") and central:
            roles = ["Programming coordinator"]
        elif row.task in SHARE_TO_CENTRAL and not central:
            roles = [r for r in roles if r not in CENTRAL_ROLES] or [ROLE_FOR_AUDIENCE[row.audience]]
        owners.append(owner_for(rng, lookup, row.branch_id, roles))
    return np.array(owners, dtype=object)


def lead_days(tasks: pd.DataFrame) -> np.ndarray:
    """Typical days before the first session each task is due."""
    days = tasks.task.map({t: spec[0] for t, spec in TASKS.items()}).to_numpy()
    early_booking = tasks.task.eq("book presenter") & tasks.presenter_type.isin(["author", "paid performer"])
    return np.where(early_booking, AUTHOR_BOOKING_LEAD_DAYS, days).astype(int)


def link_dependencies(tasks: pd.DataFrame) -> pd.Series:
    """The task id each task waits for: the first of its preferred predecessors that the program has."""
    ids = tasks.set_index(["program_id", "task"])["task_id"]
    depends = pd.Series(np.nan, index=tasks.index, dtype=object)
    for task, (_, _, before) in TASKS.items():
        rows = tasks.index[tasks.task.eq(task)]
        for predecessor in reversed(before):  # the most preferred one is written last, so it wins
            keys = pd.MultiIndex.from_arrays([tasks.loc[rows, "program_id"], [predecessor] * len(rows)])
            found = pd.Series(ids.reindex(keys).to_numpy(), index=rows)
            depends.loc[rows] = found.where(found.notna(), depends.loc[rows])
    return depends


def first_edition_late_probability(tasks: pd.DataFrame, due: pd.Series) -> np.ndarray:
    """The first edition's chance of lateness (busy months, the three owners with the most tasks)."""
    busy = due.dt.month.isin(FIRST_EDITION_BUSY_MONTHS).to_numpy()
    loads = tasks.owner_staff_id.value_counts()
    overloaded = loads.sort_values(ascending=False, kind="stable").index[:FIRST_EDITION_OVERLOADED_OWNERS]
    heavy = tasks.owner_staff_id.isin(overloaded).to_numpy()
    p = FIRST_EDITION_LATE_BASE + FIRST_EDITION_LATE_BUSY_MONTH * busy + FIRST_EDITION_LATE_OVERLOADED_OWNER * heavy
    return np.where(tasks.task.isin(NO_LATENESS), 0.0, p)


def finished_and_hours(rng: np.random.Generator, tasks: pd.DataFrame) -> dict[str, np.ndarray]:
    """Which tasks were done by the export and the hours logged, drawn exactly as the first edition drew them.

    Also returns the notice, days late and days early drawn for each task, which the dates reuse.
    """
    n = len(tasks)
    lead = np.where(tasks.task.eq("evaluate and report"), FIRST_EDITION_EVALUATION_LEAD, tasks.typical_lead_days)
    due = tasks.first_date - pd.to_timedelta(lead, unit="D")
    notice = rng.integers(5, 29, n)
    late = rng.random(n) < first_edition_late_probability(tasks, due)
    days_late = np.where(tasks.task.eq("send reminder"), 1, rng.geometric(LATE_DAYS_P, n))
    days_early = np.minimum(rng.integers(0, 8, n), notice)
    done = due + pd.to_timedelta(np.where(late, days_late, -days_early), unit="D")
    done = done.where(~tasks.task.isin(["run session", "set up room"]), tasks.first_held_date)
    after_first_session = lead <= 0
    nothing_held = tasks.first_held_date.isna().to_numpy()
    undone = ((after_first_session & nothing_held) | (rng.random(n) < NEVER_DONE_RATE)
              | (done > SNAPSHOT).to_numpy())
    return {"undone": undone, "hours": log_hours(rng, tasks, undone), "notice": notice, "days_late": days_late,
            "days_early": days_early}


def is_closed(dates: pd.Series) -> np.ndarray:
    """True where the library is closed: Sundays and the county's holidays."""
    return (dates.dt.day_of_week.eq(6) | dates.isin(CLOSED_DAYS)).to_numpy()


def roll(dates: pd.Series, step: int) -> pd.Series:
    """Dates moved one day at a time (step -1 back, +1 forward) until the library is open; missing stay missing."""
    dates = dates.copy()
    for _ in range(7):
        closed = is_closed(dates) & dates.notna().to_numpy()
        if not closed.any():
            break
        dates[closed] = dates[closed] + pd.Timedelta(days=step)
    return dates


def due_dates(tasks: pd.DataFrame) -> pd.Series:
    """First session minus the lead days (last session plus them, after the series), on the open day at or before."""
    anchor = tasks.first_date.where(~tasks.task.isin(AFTER_THE_SERIES), tasks.last_date)
    return roll(anchor - pd.to_timedelta(tasks.typical_lead_days, unit="D"), -1)


def load_per_fte(tasks: pd.DataFrame, staff: pd.DataFrame) -> pd.Series:
    """For each task, the planning hours per FTE its owner had falling due in the same calendar month."""
    planning = ~tasks.task.eq("run session")
    month = tasks.due_date.dt.to_period("M")
    hours = tasks.hours_logged.where(planning, 0.0)
    monthly = hours.groupby([tasks.owner_staff_id, month]).transform("sum")
    return monthly / tasks.owner_staff_id.map(staff.set_index("staff_id").fte)


def late_probability(tasks: pd.DataFrame, staff: pd.DataFrame) -> np.ndarray:
    """Chance each task is finished after its due date: it rises with its owner's load per FTE that month."""
    load = load_per_fte(tasks, staff).to_numpy()
    p = LATE_BASE + LATE_LOAD_RANGE * (1 - np.exp(-load / LATE_LOAD_SCALE))
    return np.where(tasks.task.isin(NO_LATENESS), 0.0, p)


def schedule(rng: np.random.Generator, tasks: pd.DataFrame, staff: pd.DataFrame) -> pd.DataFrame:
    """Assigned, due and completed dates on days the library is open, and the hours logged."""
    first = finished_and_hours(rng, tasks)
    tasks["hours_logged"] = first["hours"]
    tasks["due_date"] = due_dates(tasks)
    assigned = tasks.due_date - pd.to_timedelta(first["notice"], unit="D")
    tasks["assigned_on"] = roll(assigned.where(assigned <= SNAPSHOT, SNAPSHOT), -1)  # the log holds no later work
    late = rng.random(len(tasks)) < late_probability(tasks, staff)

    # The earliest a task can be marked done: when it was assigned, and for the wrap-up, when the series ended.
    floor = tasks.assigned_on.where(~tasks.task.isin(AFTER_THE_SERIES), tasks.last_date)
    early = tasks.due_date - pd.to_timedelta(first["days_early"], unit="D")
    early = roll(early.where(early >= floor, floor), -1)
    early = early.where(early >= floor, roll(floor, 1))
    done = roll(tasks.due_date + pd.to_timedelta(first["days_late"], unit="D"), 1).where(late, early)
    done = done.where(~tasks.task.isin(["run session", "set up room"]), tasks.first_held_date)
    tasks["completed_on"] = done.where(done <= SNAPSHOT, SNAPSHOT).where(~first["undone"])
    return tasks


def log_hours(rng: np.random.Generator, tasks: pd.DataFrame, undone: np.ndarray) -> np.ndarray:
    """Hours against each task, in quarter hours; a session's host logs the whole series' held time."""
    median = tasks.task.map({t: spec[1] for t, spec in TASKS.items()}).astype(float).to_numpy()
    hours = median * rng.lognormal(0, HOURS_SPREAD, len(tasks))
    hosting = tasks.held_hours + SESSION_OVERHEAD_HOURS * tasks.held_sessions
    hours = np.where(tasks.task.eq("run session"), hosting, hours)
    hours = np.maximum(0.25, np.round(hours * 4) / 4)
    return np.where(undone, 0.0, hours)


def generate(rng: np.random.Generator, world: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """The staff_tasks table."""
    programs = program_summary(world)
    tasks = choose_tasks(rng, programs)
    tasks["owner_staff_id"] = assign_owners(rng, tasks, world["staff"])
    tasks["typical_lead_days"] = lead_days(tasks)
    tasks = schedule(rng, tasks, world["staff"])
    tasks["order"] = tasks.task.map(TASK_ORDER)
    tasks = tasks.sort_values(["program_id", "due_date", "order"], kind="stable", ignore_index=True)
    tasks["task_id"] = make_ids("T", len(tasks), 4)
    tasks["depends_on_task_id"] = link_dependencies(tasks)
    for column in ["assigned_on", "due_date", "completed_on"]:
        tasks[column] = date_text(tasks[column])
    return {"staff_tasks": tasks[COLUMNS].copy()}


COLUMNS = ["task_id", "program_id", "task", "owner_staff_id", "typical_lead_days", "depends_on_task_id",
           "assigned_on", "due_date", "completed_on", "hours_logged"]
