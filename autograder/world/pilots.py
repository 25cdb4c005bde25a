"""Harbor Point's spring 2025 pilot round: eight small pilots, one row per scheduled session (pilot_sessions)."""
from __future__ import annotations

import numpy as np
import pandas as pd

from autograder.world.common import is_closed, tidy_sessions

BRANCH = "HAR"
BASELINE_YEAR = 2025
SLOTS = ("Saturday", "weekday morning", "weekday afternoon", "weekday evening")
EARLY_END = pd.Timestamp("2025-04-01")   # the April newsletter looked at February-March sessions
ATTENDANCE_SIZE = 6.0                    # negative binomial size within one pilot (assumption)
MAX_ATTENDANCE = 45                      # the most the Harbor Community Room takes for a program (assumption)
MAX_ATTEMPTS = 5000


# One entry per pilot. `mean` is the pilot's true attendance per session (assumption), `first` the share of
# attendees at their first library program. Dates are the sessions the pilot team put on its own sheet.
PILOTS = [
    dict(pilot="Dad & Me Storytime", idea="Dad & Me Saturday Storytime", audience="preschool",
         category="storytime", start="10:30", minutes=45, format="on site", partner=None, mean=25.0, first=0.30,
         dates=["2025-02-08", "2025-02-22", "2025-03-08", "2025-03-22", "2025-04-05", "2025-04-19",
                "2025-05-03", "2025-05-17", "2025-05-31"]),
    dict(pilot="Repair Cafe", idea="Repair Cafe", audience="adults", category="DIY & crafts", start="13:00",
         minutes=150, format="on site", partner="PA050", mean=18.0, first=0.45,
         dates=["2025-02-08", "2025-03-08", "2025-04-12", "2025-05-10", "2025-06-14"]),
    dict(pilot="Teen Game Design", idea="Teen Video Game Design", audience="teens", category="STEAM",
         start="14:00", minutes=90, format="on site", partner="PA053", mean=15.5, first=0.35,
         dates=["2025-02-15", "2025-03-01", "2025-03-15", "2025-03-29", "2025-04-12", "2025-04-26",
                "2025-05-10", "2025-05-24", "2025-06-07"]),
    dict(pilot="Walking Book Club", idea="Walking Book Club", audience="adults", category="health & wellness",
         start="10:00", minutes=60, format="off site", partner="PA035", mean=5.0, first=0.50,
         dates=["2025-02-11", "2025-03-11", "2025-04-08", "2025-05-13", "2025-06-10"]),
    dict(pilot="Baby Sign & Song", idea="Baby Sign & Song", audience="babies & toddlers", category="storytime",
         start="18:00", minutes=30, format="on site", partner=None, mean=13.0, first=0.25,
         dates=["2025-02-06", "2025-02-20", "2025-03-06", "2025-03-20", "2025-04-03", "2025-04-17",
                "2025-05-01", "2025-05-15", "2025-05-29"]),
    dict(pilot="Mahjong Meetup", idea="Mahjong Meetup", audience="older adults", category="activities & games",
         start="18:00", minutes=120, format="on site", partner="PA041", mean=4.0, first=0.10,
         dates=["2025-02-10", "2025-02-24", "2025-03-10", "2025-03-24", "2025-04-07", "2025-04-21",
                "2025-05-05", "2025-05-19", "2025-06-02"]),
    dict(pilot="Family Science Night", idea="Family Science Night", audience="all ages", category="STEAM",
         start="18:00", minutes=90, format="on site", partner="PA069", mean=19.0, first=0.30,
         dates=["2025-02-12", "2025-03-12", "2025-04-09", "2025-05-14", "2025-06-11"]),
    dict(pilot="Cardboard Engineering", idea="Engineering with Cardboard", audience="children", category="STEAM",
         start="18:00", minutes=60, format="on site", partner=None, mean=6.0, first=0.20,
         dates=["2025-02-04", "2025-02-18", "2025-03-04", "2025-03-18", "2025-04-01", "2025-04-15",
                "2025-04-29", "2025-05-13", "2025-05-27"]),
]

# Planted on purpose (documented in the datasheet): sessions held but not counted, and sessions cancelled.
UNCOUNTED = {("Teen Game Design", "2025-03-15"): "sign-in sheet lost",
             ("Dad & Me Storytime", "2025-05-03"): "count not written down",
             ("Baby Sign & Song", "2025-04-17"): "count not written down"}
CANCELLED = {("Mahjong Meetup", "2025-02-24"): "cancelled: icy roads",
             ("Cardboard Engineering", "2025-04-29"): "cancelled: presenter ill",
             ("Walking Book Club", "2025-04-08"): "cancelled: pilot dropped by staff after the March walk",
             ("Walking Book Club", "2025-05-13"): "cancelled: pilot dropped by staff after the March walk",
             ("Walking Book Club", "2025-06-10"): "cancelled: pilot dropped by staff after the March walk"}
FIXED = {("Walking Book Club", "2025-02-11"): 5.0, ("Walking Book Club", "2025-03-11"): 3.0}
OTHER_NOTES = {("Walking Book Club", "2025-03-11"): "cold and windy; three walkers",
               ("Repair Cafe", "2025-02-08"): "first one; fixers from Eastgate Tech Repair",
               ("Family Science Night", "2025-02-12"): "Harbor Point Middle School sent flyers home"}

# What the pilot team agreed in January 2025, before the first session (taught in module 03).
DECISIONS = {"Dad & Me Storytime": "scale", "Repair Cafe": "scale", "Teen Game Design": "adapt",
             "Walking Book Club": "adapt", "Baby Sign & Song": "adapt", "Mahjong Meetup": "stop",
             "Family Science Night": "adapt", "Cardboard Engineering": "stop"}
EARLY_TOP_THREE = {"Family Science Night", "Dad & Me Storytime", "Teen Game Design"}


def time_slot(dates, start_times) -> np.ndarray:
    """Saturday, or weekday morning (before noon), afternoon (noon to 5 pm) or evening (5 pm on)."""
    days = pd.DatetimeIndex(pd.to_datetime(dates)).day_of_week.to_numpy()
    hours = pd.Series(list(start_times)).str[:2].astype(int).to_numpy()
    part = np.where(hours < 12, "morning", np.where(hours < 17, "afternoon", "evening"))
    return np.where(days == 5, "Saturday", np.char.add("weekday ", part.astype(str))).astype(object)


def harbor_sessions(world: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Harbor Point's calendar sessions, every spelling, with the one impossible count (SES00474) left out."""
    sessions = tidy_sessions(world["program_sessions"])
    return sessions[(sessions.branch_id == BRANCH) & (sessions.session_id != "SES00474")]


def baseline(world: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Mean and standard deviation of attendance per counted FY2025 session at Harbor Point, by audience."""
    harbor = harbor_sessions(world)
    counted = harbor[(harbor.fiscal_year == BASELINE_YEAR) & harbor.held & harbor.attendance.notna()]
    return counted.groupby("audience").attendance.agg(["mean", "std"])


def schedule() -> pd.DataFrame:
    """Every scheduled pilot session, in date order, with its planned status and note."""
    rows = []
    for spec in PILOTS:
        for day in spec["dates"]:
            key = (spec["pilot"], day)
            status = "cancelled" if key in CANCELLED else "held"
            rows.append({"pilot": spec["pilot"], "date": pd.Timestamp(day), "start_time": spec["start"],
                         "duration_minutes": spec["minutes"], "audience": spec["audience"],
                         "category": spec["category"], "format": spec["format"], "partner_id": spec["partner"],
                         "status": status, "counted": status == "held" and key not in UNCOUNTED,
                         "notes": CANCELLED.get(key) or UNCOUNTED.get(key) or OTHER_NOTES.get(key),
                         "true_mean": spec["mean"], "first_share": spec["first"]})
    table = pd.DataFrame(rows)
    if is_closed(table.date).any() or (table.date.dt.day_of_week == 6).any():
        raise ValueError("a pilot session falls on a day Harbor Point is closed")
    table["order"] = table.pilot.map({spec["pilot"]: i for i, spec in enumerate(PILOTS)})
    return table.sort_values(["date", "start_time", "order"], ignore_index=True).drop(columns="order")


def draw_counts(rng: np.random.Generator, table: pd.DataFrame) -> np.ndarray:
    """Attendance of each counted session: negative binomial around the pilot's true mean, capped; FIXED kept."""
    mean = table.true_mean.to_numpy(dtype=float)
    counts = rng.negative_binomial(ATTENDANCE_SIZE, ATTENDANCE_SIZE / (ATTENDANCE_SIZE + mean))
    counts = np.clip(counts, 1, MAX_ATTENDANCE).astype(float)
    for (pilot, day), value in FIXED.items():
        counts[((table.pilot == pilot) & (table.date == pd.Timestamp(day))).to_numpy()] = value
    return np.where(table.counted.to_numpy(), counts, np.nan)


def summarise(table: pd.DataFrame, attendance: np.ndarray, base: pd.DataFrame) -> pd.DataFrame:
    """Per pilot: counted sessions, mean, its audience's baseline and the ordinary range, early and later means;
    and, for the slip of counting missing sessions as 0, the early and later means with held gaps as 0."""
    names = [p["pilot"] for p in PILOTS]
    pilot = table.pilot.to_numpy()
    early = (table.date < EARLY_END).to_numpy()
    held = (table.status == "held").to_numpy()
    counted = ~np.isnan(attendance)
    filled = np.nan_to_num(attendance)
    rows = {}
    for name in names:
        mine = pilot == name
        audience = table.audience[mine].iat[0]
        n = counted[mine].sum()
        rows[name] = {"sessions": n, "mean": attendance[mine & counted].mean(),
                      "baseline": base.loc[audience, "mean"], "baseline_sd": base.loc[audience, "std"],
                      "early": attendance[mine & counted & early].mean() if (mine & counted & early).any() else np.nan,
                      "later": attendance[mine & counted & ~early].mean() if (mine & counted & ~early).any() else np.nan,
                      "filled_early": filled[mine & held & early].mean() if (mine & held & early).any() else np.nan,
                      "filled_later": filled[mine & held & ~early].mean() if (mine & held & ~early).any() else np.nan}
    summary = pd.DataFrame.from_dict(rows, orient="index")
    half = 2 * summary.baseline_sd / summary.sessions ** 0.5
    summary["low"], summary["high"] = summary.baseline - half, summary.baseline + half
    summary["decision"] = np.where(summary["mean"] > summary.high, "scale",
                                   np.where(summary["mean"] < summary.low, "stop", "adapt"))
    return summary


def pilot_fits(draw: np.ndarray, mine: np.ndarray, counted: np.ndarray, limits: tuple, side: str,
               above_baseline: float | None) -> bool:
    """One pilot's draw gives its planned decision, clear of the range's ends (0.6 attendees or more)."""
    low, high, base = limits
    mean = draw[mine & counted].mean()
    if min(abs(mean - low), abs(mean - high)) < 0.6:
        return False
    if side == "scale" and not mean > high or side == "stop" and not mean < low:
        return False
    if side == "adapt":
        if not low < mean < high:
            return False
        if above_baseline is not None and (mean - base) * above_baseline < 0.5:
            return False
    return True


ABOVE_BASELINE = {"Teen Game Design": 1, "Family Science Night": 1, "Baby Sign & Song": -1, "Walking Book Club": -1}


def teaches_what_it_should(summary: pd.DataFrame) -> bool:
    """The planted pattern across pilots: a clear early top three that falls back while the rest hold, a top three
    by whole-spring mean that differs, and a different top three when missing counts are taken as 0."""
    ranked = summary.early.sort_values(ascending=False)
    if set(ranked.index[:3]) != EARLY_TOP_THREE or ranked.iloc[2] - ranked.iloc[3] < 1.5:
        return False
    change = summary.later - summary.early
    top = change[list(EARLY_TOP_THREE)].mean()
    rest = change.drop(list(EARLY_TOP_THREE)).mean()
    if not (top <= -5 and rest >= -1.0):
        return False
    if set(summary["mean"].sort_values(ascending=False).index[:3]) == EARLY_TOP_THREE:
        return False
    filled_top = list(summary.filled_early.sort_values(ascending=False).index[:3])
    filled_change = (summary.filled_later - summary.filled_early)[filled_top].mean()
    return abs(filled_change - top) > 1.0


def draw_pilot(rng: np.random.Generator, table: pd.DataFrame, base: pd.DataFrame, spec: dict) -> np.ndarray:
    """One pilot's counts, drawn until they give its planned decision (DECISIONS) clear of the range's ends."""
    mine = (table.pilot == spec["pilot"]).to_numpy()
    counted = table.counted.to_numpy()
    n = (mine & counted).sum()
    mean, sd = base.loc[spec["audience"], "mean"], base.loc[spec["audience"], "std"]
    limits = (mean - 2 * sd / n ** 0.5, mean + 2 * sd / n ** 0.5, mean)
    for _ in range(MAX_ATTEMPTS):
        draw = draw_counts(rng, table)
        if pilot_fits(draw, mine, counted, limits, DECISIONS[spec["pilot"]], ABOVE_BASELINE.get(spec["pilot"])):
            return np.where(mine, draw, np.nan)
    raise RuntimeError(f"no draw gives {spec['pilot']} its planned decision")


def make_pilot_sessions(rng: np.random.Generator, world: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """pilot_sessions: the schedule, with attendance drawn until the planted teaching pattern holds."""
    table = schedule()
    base = baseline(world)
    for _ in range(MAX_ATTEMPTS):
        attendance = np.nansum([draw_pilot(rng, table, base, spec) for spec in PILOTS], axis=0)
        attendance = np.where(table.counted.to_numpy(), attendance, np.nan)
        summary = summarise(table, attendance, base)
        if summary.decision.to_dict() == DECISIONS and teaches_what_it_should(summary):
            break
    else:
        raise RuntimeError("no draw of pilot attendance shows the planned pattern")
    first = rng.binomial(np.nan_to_num(attendance).astype(int), table.first_share.to_numpy())
    ideas = world["program_ideas"].set_index("title").idea_id
    spec = {p["pilot"]: p for p in PILOTS}
    table["idea_id"] = table.pilot.map(lambda name: ideas[spec[name]["idea"]])
    table["attendance"] = pd.array(attendance, dtype="Int64")
    table["first_timers"] = pd.array(np.where(np.isnan(attendance), np.nan, first), dtype="Int64")
    table["session_id"] = [f"PS{i:03d}" for i in range(1, len(table) + 1)]
    table["date"] = table.date.dt.strftime("%Y-%m-%d")
    return table[["session_id", "pilot", "idea_id", "date", "start_time", "duration_minutes", "audience",
                  "category", "format", "partner_id", "status", "attendance", "first_timers", "notes"]]


def generate(rng: np.random.Generator, world: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """pilot_sessions."""
    return {"pilot_sessions": make_pilot_sessions(rng, world)}
