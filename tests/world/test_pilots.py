"""Does pilot_sessions follow its datasheet: Harbor Point's spring 2025 pilots, their planted faults, and the answers
module 03 (Creativity) teaches from them?"""
import pandas as pd
import pytest

from autograder.world.common import CLOSED_DATES, branch_id_from_spelling
from autograder.world.files import DATASETS

PILOT_COLUMNS = ["session_id", "pilot", "idea_id", "date", "start_time", "duration_minutes", "audience", "category",
                 "format", "partner_id", "status", "attendance", "first_timers", "notes"]
PILOT_NAMES = {"Dad & Me Storytime", "Repair Cafe", "Teen Game Design", "Walking Book Club", "Baby Sign & Song",
               "Mahjong Meetup", "Family Science Night", "Cardboard Engineering"}
DECISIONS = {"Dad & Me Storytime": "scale", "Repair Cafe": "scale", "Teen Game Design": "adapt",
             "Walking Book Club": "adapt", "Baby Sign & Song": "adapt", "Mahjong Meetup": "stop",
             "Family Science Night": "adapt", "Cardboard Engineering": "stop"}
SHEET = (DATASETS / "datasheets" / "pilot_sessions.md").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def pilots(world):
    return world["pilot_sessions"].assign(day=lambda t: pd.to_datetime(t.date))


@pytest.fixture(scope="module")
def baseline(world):
    """Harbor Point's FY2025 mean and sd of attendance per counted session, by audience (every spelling)."""
    sessions = world["program_sessions"]
    harbor = sessions[(branch_id_from_spelling(sessions.branch) == "HAR") & (sessions.session_id != "SES00474")]
    counted = harbor[(harbor.fiscal_year == 2025) & (harbor.status == "held") & harbor.attendance.notna()]
    return counted.groupby("audience").attendance.agg(["mean", "std"])


@pytest.fixture(scope="module")
def summary(pilots, baseline):
    """Per pilot: counted sessions, mean, baseline, the ordinary range and the decision the module's rule gives."""
    counted = pilots[pilots.attendance.notna()]
    table = counted.groupby("pilot").agg(audience=("audience", "first"), sessions=("attendance", "count"),
                                         mean=("attendance", "mean"))
    table["baseline"] = table.audience.map(baseline["mean"])
    half = 2 * table.audience.map(baseline["std"]) / table.sessions ** 0.5
    table["low"], table["high"] = table.baseline - half, table.baseline + half
    table["decision"] = "adapt"
    table.loc[table["mean"] > table.high, "decision"] = "scale"
    table.loc[table["mean"] < table.low, "decision"] = "stop"
    early = counted[counted.date < "2025-04-01"].groupby("pilot").attendance.mean()
    later = counted[counted.date >= "2025-04-01"].groupby("pilot").attendance.mean()
    table["early"], table["later"] = early, later
    return table


def test_pilot_sessions_have_the_documented_columns_and_values(world):
    """Has pilot_sessions its 14 columns, 60 sessions of eight pilots numbered PS001-PS060, and allowed values?"""
    table = world["pilot_sessions"]
    assert list(table.columns) == PILOT_COLUMNS
    assert table.session_id.tolist() == [f"PS{i:03d}" for i in range(1, 61)]
    assert set(table.pilot) == PILOT_NAMES
    assert set(table.status) == {"held", "cancelled"} and set(table.format) <= {"on site", "off site"}
    assert set(table.audience) <= set(world["program_sessions"].audience)
    assert set(table.category) <= set(world["program_sessions"].category)
    assert table.groupby("pilot")[["audience", "category", "idea_id", "start_time"]].nunique().eq(1).all().all()


def test_sessions_fall_on_open_days_in_spring_2025_in_date_order(pilots):
    """Are the sessions dated February-June 2025, never on a Sunday or a holiday closure, in date order?"""
    assert pilots.day.between("2025-02-01", "2025-06-30").all()
    assert not pilots.day.isin(CLOSED_DATES).any() and not (pilots.day.dt.day_of_week == 6).any()
    assert pilots.day.is_monotonic_increasing


def test_keys_resolve_to_piloted_ideas_and_real_partners(world):
    """Does every idea_id name a piloted idea of the same audience, and every partner_id a partner?"""
    table, ideas = world["pilot_sessions"], world["program_ideas"].set_index("idea_id")
    assert set(table.idea_id) <= set(ideas.index)
    assert (ideas.loc[table.idea_id, "status"] == "piloted").all()
    assert (ideas.loc[table.idea_id, "audience"].to_numpy() == table.audience.to_numpy()).all()
    assert set(table.partner_id.dropna()) <= set(world["partners"].partner_id)


def test_pilots_are_not_on_the_events_calendar(world):
    """Are the pilot sessions kept apart from program_sessions (no pilot name is a calendar title)?"""
    assert not set(world["pilot_sessions"].pilot) & set(world["program_sessions"].program_title)


def test_counts_are_plausible_and_first_timers_fit_inside_them(pilots):
    """Are counts 1-45 where present, empty for cancelled sessions, with first-timers empty exactly when the count is?"""
    counted = pilots[pilots.attendance.notna()]
    assert counted.attendance.between(1, 45).all()
    assert pilots.loc[pilots.status.eq("cancelled"), "attendance"].isna().all()
    assert (pilots.first_timers.isna() == pilots.attendance.isna()).all()
    assert (counted.first_timers <= counted.attendance).all()


def test_planted_uncounted_and_cancelled_sessions_are_there_and_documented(pilots):
    """Are the three uncounted held sessions and the five cancelled ones (three of a dropped pilot) as documented?"""
    uncounted = pilots[pilots.status.eq("held") & pilots.attendance.isna()]
    assert set(uncounted.session_id) == {"PS021", "PS036", "PS042"}
    cancelled = pilots[pilots.status.eq("cancelled")]
    assert set(cancelled.session_id) == {"PS012", "PS040", "PS031", "PS046", "PS058"}
    walking = pilots[pilots.pilot.eq("Walking Book Club")]
    assert walking.attendance.dropna().tolist() == [5.0, 3.0]
    assert walking.notes.str.contains("dropped").sum() == 3
    assert pilots.loc[pilots.status.eq("cancelled") | pilots.attendance.isna(), "notes"].notna().all()
    for session in ["PS021", "PS036", "PS042", "PS012", "PS040", "PS031", "PS046", "PS058"]:
        assert session in SHEET, session


def test_the_baseline_is_the_documented_one(baseline):
    """Is Harbor Point's FY2025 baseline per audience the one the datasheet states (from Timberland-calibrated means)?"""
    stated = {"adults": (9.54, 6.27), "all ages": (17.20, 7.71), "babies & toddlers": (14.68, 7.87),
              "children": (15.53, 9.19), "older adults": (9.53, 6.34), "preschool": (15.20, 9.42), "teens": (15.41, 7.66)}
    for audience, (mean, sd) in stated.items():
        assert round(baseline.loc[audience, "mean"], 2) == mean and round(baseline.loc[audience, "std"], 2) == sd


def test_each_pilot_gets_its_planned_decision_clear_of_the_range_ends(summary):
    """Does the rule (mean against baseline ± 2 sd / √n) give each pilot its documented decision, 0.6 or more clear?"""
    assert summary.decision.to_dict() == DECISIONS
    margin = pd.concat([(summary["mean"] - summary.low).abs(), (summary["mean"] - summary.high).abs()], axis=1)
    assert (margin.min(axis=1) >= 0.6).all()
    for pilot, row in summary.iterrows():
        assert f"{row['mean']:.1f}" in SHEET and row.decision in SHEET, pilot


def test_slips_the_module_warns_about_change_the_decisions(summary, baseline):
    """Would judging by the baseline alone, or with a range not narrowed by √n, give different decisions?"""
    by_baseline = summary["mean"].gt(summary.baseline).map({True: "scale", False: "stop"})
    assert (by_baseline != summary.decision).sum() >= 3
    sd = summary.audience.map(baseline["std"])
    wide = pd.Series("adapt", index=summary.index)
    wide[summary["mean"] > summary.baseline + 2 * sd] = "scale"
    wide[summary["mean"] < summary.baseline - 2 * sd] = "stop"
    assert (wide != summary.decision).sum() >= 2


def test_the_early_hits_fall_back_as_documented(summary):
    """Are the February-March top three the documented ones, falling back by 9.67 per session while the rest hold?"""
    ranked = summary.early.sort_values(ascending=False)
    assert set(ranked.index[:3]) == {"Dad & Me Storytime", "Family Science Night", "Teen Game Design"}
    assert ranked.iloc[2] - ranked.iloc[3] >= 1.5
    change = summary.later - summary.early
    top = change[ranked.index[:3]].mean()
    assert round(top, 2) == -9.67 and "-9.67" in SHEET
    assert change[ranked.index[3:]].mean() >= -1.0
    assert set(summary["mean"].sort_values(ascending=False).index[:3]) != set(ranked.index[:3])


def test_the_datasheet_says_synthetic_and_gives_the_license():
    """Does the datasheet say the data are synthetic and carry the CC BY 4.0 license?"""
    assert "synthetic" in SHEET.lower() and "CC BY 4.0" in SHEET
