"""Do program_ideas follow the contract, trace to real programs and pilots, and hold module 03's planted answer?"""
import numpy as np
import pandas as pd
import pytest

from autograder.world.common import branch_id_from_spelling
from autograder.world.files import DATASETS

IDEA_COLUMNS = ["idea_id", "submitted_on", "submitted_by", "title", "description", "category", "audience",
                "time_slot", "estimated_cost", "staff_hours", "partner_id", "needs_registration", "status",
                "decision_note", "novelty", "fit_with_goals"]
SLOTS = {"Saturday", "weekday morning", "weekday afternoon", "weekday evening"}
REASONS = {"over budget this year", "no staff time this season", "room not available that season",
           "too similar to an existing program", "low fit with this year's goals"}
SHEET = (DATASETS / "datasheets" / "program_ideas.md").read_text(encoding="utf-8")
CATEGORIES = {"storytime", "books & authors", "STEAM", "DIY & crafts", "classes & workshops", "arts & culture",
              "activities & games", "special events", "health & wellness", "digital literacy", "civic engagement",
              "English conversation"}
AUDIENCES = {"babies & toddlers", "preschool", "children", "teens", "adults", "older adults", "all ages"}
WINDOW = ("2023-07-01", "2025-06-30")


@pytest.fixture(scope="module")
def ideas(world):
    """program_ideas with real dates."""
    return world["program_ideas"].assign(submitted_on=lambda t: pd.to_datetime(t.submitted_on))


@pytest.fixture(scope="module")
def sessions(world):
    """program_sessions with real dates and the clean branch id."""
    table = world["program_sessions"].copy()
    table["date"] = pd.to_datetime(table.date)
    table["branch_id"] = branch_id_from_spelling(table.branch)
    return table


def slot_of(dates, start_times) -> pd.Series:
    """The module's time slot: Saturday, or weekday morning / afternoon / evening by the starting hour."""
    hours = pd.Series(list(start_times)).str[:2].astype(int)
    part = pd.cut(hours, bins=[0, 11, 16, 23], labels=["morning", "afternoon", "evening"]).astype(str)
    slots = "weekday " + part
    slots[pd.to_datetime(pd.Series(list(dates))).dt.day_name().eq("Saturday").to_numpy()] = "Saturday"
    return slots


@pytest.fixture(scope="module")
def gaps(sessions):
    """Harbor Point's empty FY2025 cells (audience, slot), its impossible count left out."""
    harbor = sessions[sessions.branch_id.eq("HAR") & sessions.fiscal_year.eq(2025)
                      & sessions.session_id.ne("SES00474")].reset_index(drop=True)
    offered = set(zip(harbor.audience, slot_of(harbor.date, harbor.start_time)))
    return {(a, s) for a in AUDIENCES for s in SLOTS if (a, s) not in offered}




# ---- program_ideas -----------------------------------------------------------------------------------

def test_ideas_have_the_contract_columns_and_allowed_values(world):
    """Has program_ideas the contract's columns, about 150 unique ideas, and only allowed values?"""
    table = world["program_ideas"]
    assert list(table.columns) == IDEA_COLUMNS
    assert 140 <= len(table) <= 160, len(table)
    assert table.idea_id.tolist() == [f"I{i:03d}" for i in range(1, len(table) + 1)]
    assert table.title.is_unique
    assert set(table.submitted_by) == {"staff", "patron", "partner"}
    assert set(table.category) <= CATEGORIES and set(table.audience) <= AUDIENCES
    assert set(table.status) == {"proposed", "piloted", "adopted", "declined"}
    assert set(table.time_slot) == SLOTS
    assert table.needs_registration.dtype == bool
    for column in ["novelty", "fit_with_goals"]:
        assert table[column].dtype.kind == "i" and table[column].between(1, 5).all(), column


def test_ideas_are_dated_in_order_within_the_two_years(ideas):
    """Are ideas submitted inside FY2024-FY2025 and numbered by submission date?"""
    assert ideas.submitted_on.between(*WINDOW).all()
    assert ideas.submitted_on.is_monotonic_increasing


def test_estimates_are_sensible(world):
    """Are costs non-negative and in cents, and staff hours positive and in half hours?"""
    table = world["program_ideas"]
    assert (table.estimated_cost >= 0).all() and np.allclose(table.estimated_cost, table.estimated_cost.round(2))
    assert (table.staff_hours > 0).all() and np.allclose(table.staff_hours * 2, (table.staff_hours * 2).round())


def test_descriptions_are_one_or_two_sentences(world):
    """Is every description one or two sentences, ending with a full stop?"""
    descriptions = world["program_ideas"].description
    assert descriptions.str.endswith(".").all()
    sentences = descriptions.str.count(r"[.!?](?:\s|$)")
    assert sentences.between(1, 2).all(), descriptions[~sentences.between(1, 2)].tolist()


def test_partners_resolve_and_partner_ideas_name_one(world):
    """Does every partner_id exist in partners, and does every partner-submitted idea name its partner?"""
    table = world["program_ideas"]
    assert set(table.partner_id.dropna()) <= set(world["partners"].partner_id)
    assert table.loc[table.submitted_by.eq("partner"), "partner_id"].notna().all()


def test_piloted_ideas_ran_on_the_calendar_or_as_harbor_point_pilots(ideas, sessions, world):
    """Did every piloted idea run in program_sessions 45-150 days after submission, or as a spring 2025 pilot?"""
    pilots = world["pilot_sessions"]
    for idea in ideas[ideas.status.eq("piloted")].itertuples():
        if idea.idea_id in set(pilots.idea_id):
            first = pd.Timestamp(pilots.loc[pilots.idea_id.eq(idea.idea_id), "date"].min())
            assert pd.Timestamp("2024-10-01") <= idea.submitted_on < first, idea.title
            continue
        dates = sessions.loc[sessions.program_title.eq(idea.title), "date"]
        assert len(dates) > 0, idea.title
        lead = (dates.min() - idea.submitted_on).days
        assert 45 <= lead <= 150, f"{idea.title}: first session {lead} days after the idea"


def test_adopted_ideas_ran_often_or_wait_for_next_year(ideas, sessions):
    """Did each adopted idea run as 5+ programs after submission, or was it adopted in 2025 for FY2026?"""
    for idea in ideas[ideas.status.eq("adopted")].itertuples():
        later = sessions[sessions.program_title.eq(idea.title) & (sessions.date > idea.submitted_on)]
        if len(later):
            assert later.program_id.nunique() >= 5, f"{idea.title}: {later.program_id.nunique()} programs"
        else:
            assert idea.submitted_on >= pd.Timestamp("2025-01-01"), idea.title


def test_proposed_and_declined_ideas_never_ran(ideas, sessions):
    """Are proposed and declined ideas absent from program_sessions?"""
    waiting = ideas[ideas.status.isin(["proposed", "declined"])]
    ran = waiting.title.isin(set(sessions.program_title))
    assert not ran.any(), waiting.title[ran].tolist()


def test_tried_ideas_take_category_and_audience_from_their_program(ideas, sessions):
    """Do piloted ideas carry their program's category and audience?"""
    first = sessions.sort_values("date").groupby("program_title")[["category", "audience"]].first()
    tried = ideas[ideas.status.eq("piloted")].merge(first, left_on="title", right_index=True,
                                                   suffixes=("", "_program"))
    assert len(tried) >= 20
    assert (tried.category == tried.category_program).all()
    assert (tried.audience == tried.audience_program).all()


def test_fit_with_goals_separates_the_outcomes(ideas):
    """Is mean fit with goals highest for adopted and lowest for declined ideas, 1.5+ apart (assumed 4.3, 2.4)?"""
    fit = ideas.groupby("status").fit_with_goals.mean()
    assert fit["adopted"] > fit["piloted"] > fit["declined"], fit.round(2).to_dict()
    assert fit["adopted"] - fit["declined"] >= 1.5, fit.round(2).to_dict()


def test_the_pipeline_has_every_stage_in_sensible_numbers(ideas):
    """Are there at least 10 ideas at every status, and do staff submit the most?"""
    counts = ideas.status.value_counts()
    assert (counts >= 10).all(), counts.to_dict()
    assert ideas.submitted_by.value_counts().idxmax() == "staff"


def test_tried_ideas_take_the_time_slot_of_their_first_session(ideas, sessions):
    """Does an idea that reached the calendar carry the time slot of its program's first session?"""
    first = sessions.sort_values(["date", "session_id"]).groupby("program_title")[["date", "start_time"]].first()
    first["slot"] = slot_of(first.date, first.start_time).to_numpy()
    tried = ideas[ideas.title.isin(first.index)]
    assert (tried.time_slot.to_numpy() == first.loc[tried.title, "slot"].to_numpy()).all()


def test_decision_notes_explain_declined_ideas_only(world):
    """Has every declined idea one of the five reasons, and no other idea a note?"""
    table = world["program_ideas"]
    declined = table.status.eq("declined")
    assert set(table.loc[declined, "decision_note"]) <= REASONS and table.loc[declined, "decision_note"].notna().all()
    assert table.loc[~declined, "decision_note"].isna().all()


def test_only_the_hand_set_and_tried_ideas_fill_harbor_points_gaps(ideas, gaps):
    """Are Harbor Point's eight empty cells the documented ones, filled only by the nine hand-set ideas and tried ones?"""
    assert len(gaps) == 8 and ("teens", "weekday morning") in gaps
    in_gaps = ideas[[(a, t) in gaps for a, t in zip(ideas.audience, ideas.time_slot)]]
    untried = in_gaps[in_gaps.status.isin(["proposed", "declined"])]
    assert set(untried.idea_id) == {"I135", "I032", "I103", "I097", "I140", "I143", "I115", "I042", "I129"}
    assert set(in_gaps.status) - {"proposed", "declined"} == {"piloted"}
    assert len(in_gaps) == 16


def test_the_module_03_shortlist_is_the_documented_one(ideas, gaps):
    """Does the module's rule give I135, I032, I103, with a declined idea, a tie broken by cost, $600 kept and one over budget?"""
    in_gaps = ideas[[(a, t) in gaps for a, t in zip(ideas.audience, ideas.time_slot)]]
    chosen = in_gaps[in_gaps.status.isin(["proposed", "declined"]) & in_gaps.estimated_cost.le(600)].copy()
    chosen["score"] = 2 * chosen.fit_with_goals + chosen.novelty
    ranked = chosen.sort_values(["score", "estimated_cost"], ascending=[False, True])
    assert ranked.idea_id.head(3).tolist() == ["I135", "I032", "I103"]
    assert chosen.estimated_cost.eq(600).any() and ranked.score.iloc[2] == ranked.score.iloc[3]
    over = in_gaps[in_gaps.status.isin(["proposed", "declined"]) & in_gaps.estimated_cost.gt(600)]
    assert (2 * over.fit_with_goals + over.novelty).max() > ranked.score.max()
    for idea in ["I135", "I032", "I103", "I097", "I140", "I129"]:
        assert idea in SHEET


def test_the_datasheet_says_synthetic_and_gives_the_license():
    """Does the datasheet say the data are synthetic and carry the CC BY 4.0 license?"""
    assert "synthetic" in SHEET.lower() and "CC BY 4.0" in SHEET
