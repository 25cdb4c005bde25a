"""Registrations for the sessions that required them, with no-shows, waitlists and duplicates."""
from __future__ import annotations

import numpy as np
import pandas as pd

from autograder.world.common import branch_id_from_spelling, make_ids, weighted_choice

# No-shows: median ~28% at free registered events (PheedLoop, 860+ events; FACTS.md, Event planning).
SHOW_RATE = 0.72
# Each registrant's chance before the head-count check, which turns a few surplus check-ins into no-shows;
# tuned so the no-shows measured in the table sit near 28%.
BASE_SHOW_RATE = 0.75
REMINDER_SHARE = 0.60  # contract: ~60% of registrants get a reminder
REMINDER_LIFT = 0.46  # log-odds; raises attendance about 9 points (FACTS.md, Ideas: +8-10 points)
LEAD_DAY_EFFECT = -0.02  # log-odds per day registered ahead: longer lead, more no-shows (assumption)
WALK_IN_SHARE = 0.08  # share of a session's head count who never registered (assumption)
FULL_SESSION_EXTRA_DEMAND = 0.40  # waitlist demand at full sessions, as a share of capacity (assumption)
REGULARS_SHARE = 0.55  # registrations in a multi-session program by its regulars (assumption)
SAME_BRANCH_SHARE = 0.75  # non-regular registrants who live nearest the session's building (assumption)
DUPLICATE_SHARE = 0.02  # contract: ~2% exact duplicate registrations
NO_HEARD_VIA_SHARE = 0.10  # contract: ~10% leave "how did you hear" blank
NO_TRACT_SHARE = 0.03  # contract: ~3% with no home tract
# Mean days between registering and the session, by category (assumption; storytime opens a week ahead).
MEAN_LEAD_DAYS = {"storytime": 4.0, "special events": 14.0, "books & authors": 14.0}
DEFAULT_LEAD_DAYS = 10.0
STORYTIME_MAX_LEAD = 7
MAX_LEAD = 60
PATRONS = {"child": 3_600, "teen": 900, "adult": 4_200, "older adult": 2_100}

# Who registers, by audience.
AGE_BY_AUDIENCE = {
    "babies & toddlers": {"child": 1.0}, "preschool": {"child": 1.0}, "children": {"child": 1.0},
    "teens": {"teen": 0.95, "child": 0.05}, "adults": {"adult": 0.75, "older adult": 0.2, "teen": 0.05},
    "older adults": {"older adult": 0.8, "adult": 0.2},
    "all ages": {"child": 0.45, "adult": 0.35, "older adult": 0.1, "teen": 0.1},
}
# "How did you hear about it?" Youth shares echo the University of Kentucky storytime study: website 25%,
# friend 24%, library ad 22% (here a flyer or poster), librarian 17% (FACTS.md, Event planning).
HEARD_VIA = {
    "youth": {"library website": 25, "friend or family": 24, "flyer or poster": 22, "librarian": 17,
              "email newsletter": 5, "social media": 4, "school": 2, "partner organization": 0.5, "other": 0.5},
    "teens": {"school": 25, "friend or family": 25, "social media": 20, "librarian": 12, "library website": 8,
              "flyer or poster": 6, "other": 4},
    "adults": {"email newsletter": 24, "library website": 22, "friend or family": 16, "social media": 10,
               "flyer or poster": 10, "librarian": 8, "partner organization": 5, "other": 5},
}
YOUTH_AUDIENCES = {"babies & toddlers", "preschool", "children", "all ages"}
DUPLICATE_KEY = ["registrant_id", "session_id", "registered_on"]  # what makes two rows one registration
COLUMNS = ["registration_id", "session_id", "program_id", "registrant_id", "registered_on", "lead_days",
           "reminder_sent", "waitlisted", "attended", "heard_via", "home_tract", "age_group"]


def make_patrons(rng: np.random.Generator, world: dict) -> pd.DataFrame:
    """Patrons who register, by age group, living in tracts in proportion to active cardholders there."""
    tracts = world["community_tracts"].merge(
        world["cardholders_by_tract"].query("fiscal_year == 2025")[["tract_id", "active_cardholders"]], on="tract_id")
    active = tracts.active_cardholders.to_numpy(dtype=float)
    tilt = {"child": tracts.pct_under_5.to_numpy() / tracts.pct_under_5.mean(),
            "older adult": tracts.pct_65_plus.to_numpy() / tracts.pct_65_plus.mean()}
    groups = []
    for age_group, count in PATRONS.items():
        weight = active * tilt.get(age_group, 1.0)
        home = rng.choice(len(tracts), size=count, p=weight / weight.sum())
        groups.append(pd.DataFrame({"age_group": age_group, "home_tract": tracts.tract_id.to_numpy()[home],
                                    "home_branch": tracts.nearest_branch_id.to_numpy()[home]}))
    patrons = pd.concat(groups, ignore_index=True)
    patrons = patrons.iloc[rng.permutation(len(patrons))].reset_index(drop=True)
    patrons["registrant_id"] = make_ids("PT", len(patrons), 5)
    # Segments of patrons living nearest one building in one age group, for fast sampling.
    return patrons.sort_values(["home_branch", "age_group"], kind="stable").reset_index(drop=True)


def segment_index(patrons: pd.DataFrame) -> tuple[dict, np.ndarray, np.ndarray]:
    """Start row and size of each (building, age group) segment of the sorted patron table."""
    keys = list(zip(patrons.home_branch, patrons.age_group))
    segments = {}
    for row, key in enumerate(keys):
        segments.setdefault(key, [row, 0])[1] += 1
    order = list(segments)
    starts = np.array([segments[k][0] for k in order])
    sizes = np.array([segments[k][1] for k in order])
    return {k: i for i, k in enumerate(order)}, starts, sizes


def draw_from_segments(rng: np.random.Generator, segment: np.ndarray, starts: np.ndarray,
                       sizes: np.ndarray) -> np.ndarray:
    """A patron row from each given segment; the first patrons of a segment are the keenest (repeat registrants)."""
    return starts[segment] + np.floor(sizes[segment] * rng.random(len(segment)) ** 2).astype(int)


def demand_per_session(rng: np.random.Generator, sessions: pd.DataFrame) -> np.ndarray:
    """How many people register: enough that about 72% of places plus walk-ins make the recorded head count."""
    typical = sessions.groupby("program_id").attendance.transform("mean")
    typical = typical.fillna(sessions.groupby("category").attendance.transform("mean")).to_numpy(dtype=float)
    head_count = sessions.attendance.astype(float).fillna(pd.Series(typical, index=sessions.index)).to_numpy()
    expected = head_count * (1 - WALK_IN_SHARE) / SHOW_RATE
    demand = rng.poisson(np.maximum(expected, 0.5) * rng.lognormal(0, 0.15, len(sessions)))
    capacity = sessions.capacity.astype(float).to_numpy()
    full = head_count >= capacity
    extra = rng.poisson(FULL_SESSION_EXTRA_DEMAND * capacity)
    return np.where(full, np.maximum(demand, capacity) + extra, demand).astype(int)


def draw_registrants(rng: np.random.Generator, rows: pd.DataFrame, patrons: pd.DataFrame) -> np.ndarray:
    """Registrant rows in the patron table: a program's regulars, neighbours of the building, or anyone."""
    segments, starts, sizes = segment_index(patrons)
    branches = sorted({b for b, _ in segments})
    age = np.empty(len(rows), dtype=object)
    for audience, shares in AGE_BY_AUDIENCE.items():
        here = rows.audience.eq(audience).to_numpy()
        age[here] = weighted_choice(rng, shares, int(here.sum()))
    elsewhere = rng.choice(branches, size=len(rows))
    home = np.where(rng.random(len(rows)) < SAME_BRANCH_SHARE, rows.branch_id.to_numpy(), elsewhere)
    segment = np.array([segments.get((b, a), segments[("CEN", a)]) for b, a in zip(home, age)])
    drawn = draw_from_segments(rng, segment, starts, sizes)
    # Regulars: each multi-session program has its own circle of patrons who come back week after week.
    program_code, programs = pd.factorize(rows.program_id)
    circle_start = rng.integers(0, 1_000_000, len(programs))
    main_age = rows.groupby(program_code).audience.first().map(lambda a: max(AGE_BY_AUDIENCE[a],
                                                                            key=AGE_BY_AUDIENCE[a].get))
    circle_segment = np.array([segments.get((b, a), segments[("CEN", a)]) for b, a in
                               zip(rows.groupby(program_code).branch_id.first(), main_age)])
    circle_size = np.maximum(8, 2 * rows.groupby(program_code).capacity.first().to_numpy(dtype=int))
    seg = circle_segment[program_code]
    member = (circle_start[program_code] + rng.integers(0, circle_size[program_code])) % sizes[seg]
    regular = rows.multi_session.to_numpy() & (rng.random(len(rows)) < REGULARS_SHARE)
    return np.where(regular, starts[seg] + member, drawn)


def lead_days(rng: np.random.Generator, rows: pd.DataFrame) -> np.ndarray:
    """Days between registering and the session: gamma-shaped, storytime within a week."""
    mean = rows.category.map(MEAN_LEAD_DAYS).fillna(DEFAULT_LEAD_DAYS).to_numpy(dtype=float)
    days = np.round(rng.gamma(1.5, mean / 1.5)).astype(int)
    cap = np.where(rows.category.eq("storytime"), STORYTIME_MAX_LEAD, MAX_LEAD)
    return np.minimum(days, cap)


def mark_waitlist(rows: pd.DataFrame) -> np.ndarray:
    """Beyond capacity, later registrants go on the waitlist."""
    order = rows.sort_values(["session_id", "lead_days", "tiebreak"], ascending=[True, False, True])
    place = order.groupby("session_id").cumcount()
    return (place >= order.capacity.to_numpy(dtype=int)).reindex(rows.index).to_numpy()


def mark_attendance(rng: np.random.Generator, rows: pd.DataFrame) -> pd.Series:
    """Who came: a reminder helps, a long lead hurts; never more registrants than the head count."""
    logit = np.log(BASE_SHOW_RATE / (1 - BASE_SHOW_RATE)) - REMINDER_LIFT * (REMINDER_SHARE - rows.reminder_sent)
    logit = logit + LEAD_DAY_EFFECT * (rows.lead_days - rows.lead_days.mean())
    came = rng.random(len(rows)) < 1 / (1 + np.exp(-logit.to_numpy(dtype=float)))
    counted = rows.status.eq("held").to_numpy() & ~rows.waitlisted.to_numpy()
    came &= counted
    # Where more registrants came than were counted in the room, the surplus check-ins were mistaken.
    surplus_rank = pd.Series(np.where(came, rng.random(len(rows)), np.inf)).groupby(rows.session_id.to_numpy()).rank()
    head_count = rows.attendance.astype(float).fillna(np.inf).to_numpy()
    came &= surplus_rank.to_numpy() <= head_count
    return pd.Series(came, index=rows.index, dtype="boolean").where(counted)


def heard_via(rng: np.random.Generator, rows: pd.DataFrame) -> np.ndarray:
    """The answer to "how did you hear about it?", blank for about one in ten."""
    group = np.where(rows.audience.isin(YOUTH_AUDIENCES), "youth",
                     np.where(rows.audience.eq("teens"), "teens", "adults"))
    answers = np.empty(len(rows), dtype=object)
    for name, shares in HEARD_VIA.items():
        here = group == name
        answers[here] = weighted_choice(rng, shares, int(here.sum()))
    answers[rng.random(len(rows)) < NO_HEARD_VIA_SHARE] = None
    return answers


def add_duplicates(rng: np.random.Generator, rows: pd.DataFrame) -> pd.DataFrame:
    """Copy about 2% of registrations exactly, as a double-clicked submit button does."""
    picked = np.sort(rng.choice(len(rows), size=int(round(DUPLICATE_SHARE * len(rows))), replace=False))
    copies = rows.iloc[picked].assign(tiebreak=rng.random(len(picked)))
    return pd.concat([rows, copies], ignore_index=True)


def uncheck_copies(rows: pd.DataFrame) -> pd.Series:
    """A patron checks in once: of two copies of a registration, only the first (in file order) is ticked as
    attended, so the later copy of everyone who came reads as a no-show."""
    later = rows.duplicated(DUPLICATE_KEY).to_numpy()
    return rows.attended.mask(later & rows.attended.eq(True).fillna(False).to_numpy(), False)


def generate(rng: np.random.Generator, world: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """The registrations table."""
    sessions = world["program_sessions"]
    sessions = sessions[sessions.registration_required].copy()
    sessions["branch_id"] = branch_id_from_spelling(sessions.branch.to_numpy())
    sessions["multi_session"] = sessions.groupby("program_id").session_id.transform("size").to_numpy() > 1
    demand = demand_per_session(rng, sessions)
    rows = sessions.loc[sessions.index.repeat(demand)].reset_index(drop=True)
    patrons = make_patrons(rng, world)
    rows["patron_row"] = draw_registrants(rng, rows, patrons)
    rows = rows.drop_duplicates(["session_id", "patron_row"]).reset_index(drop=True)
    rows["lead_days"] = lead_days(rng, rows)
    rows["tiebreak"] = rng.random(len(rows))
    rows["waitlisted"] = mark_waitlist(rows)
    rows["reminder_sent"] = rng.random(len(rows)) < REMINDER_SHARE
    rows["attended"] = mark_attendance(rng, rows)
    rows["registered_on"] = (pd.to_datetime(rows.date) - pd.to_timedelta(rows.lead_days, unit="D")).dt.strftime(
        "%Y-%m-%d")
    rows["heard_via"] = heard_via(rng, rows)
    patron = patrons.iloc[rows.patron_row]
    rows["registrant_id"] = patron.registrant_id.to_numpy()
    rows["age_group"] = patron.age_group.to_numpy()
    rows["home_tract"] = patron.home_tract.to_numpy()
    rows.loc[rng.random(len(rows)) < NO_TRACT_SHARE, "home_tract"] = None
    rows = add_duplicates(rng, rows)
    rows = rows.sort_values(["registered_on", "tiebreak"], kind="stable").reset_index(drop=True)
    rows["attended"] = uncheck_copies(rows)
    rows["registration_id"] = make_ids("R", len(rows), 6)
    return {"registrations": rows[COLUMNS]}
