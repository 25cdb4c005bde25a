"""Do program_ideas and patron_feedback follow the contract, trace to real programs, and keep their mess documented?"""
import numpy as np
import pandas as pd
import pytest

from autograder.world.common import BRANCH_NAMES, CLOSED_DATES, branch_id_from_spelling
from autograder.world.ideas import COMMENTS
from autograder.world.programs import FERNVALE_WEEKDAYS

IDEA_COLUMNS = ["idea_id", "submitted_on", "submitted_by", "title", "description", "category", "audience",
                "estimated_cost", "staff_hours", "partner_id", "needs_registration", "status", "novelty",
                "fit_with_goals"]
FEEDBACK_COLUMNS = ["feedback_id", "received_on", "channel", "branch", "topic", "comment", "needs_response",
                    "responded_on", "resolved"]
CATEGORIES = {"storytime", "books & authors", "STEAM", "DIY & crafts", "classes & workshops", "arts & culture",
              "activities & games", "special events", "health & wellness", "digital literacy", "civic engagement",
              "English conversation"}
AUDIENCES = {"babies & toddlers", "preschool", "children", "teens", "adults", "older adults", "all ages"}
CHANNELS = {"comment card", "email", "website form", "in person", "social media"}
TOPICS = {"programs", "noise", "hours", "staff", "room booking", "accessibility", "parking", "collection",
          "technology", "cleanliness"}
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


@pytest.fixture(scope="module")
def feedback(world):
    """patron_feedback with real dates and the clean branch id."""
    table = world["patron_feedback"].copy()
    table["received"] = pd.to_datetime(table.received_on)
    table["responded"] = pd.to_datetime(table.responded_on)
    table["branch_id"] = branch_id_from_spelling(table.branch)
    return table


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


def test_piloted_ideas_ran_45_to_150_days_after_they_were_submitted(ideas, sessions):
    """Does every piloted idea's title run in program_sessions, first 45-150 days after submission?"""
    for idea in ideas[ideas.status.eq("piloted")].itertuples():
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


# ---- patron_feedback ---------------------------------------------------------------------------------

def test_feedback_has_the_contract_columns_and_allowed_values(world):
    """Has patron_feedback the contract's columns, about 600 unique rows, and only allowed values?"""
    table = world["patron_feedback"]
    assert list(table.columns) == FEEDBACK_COLUMNS
    assert 550 <= len(table) <= 650, len(table)
    assert table.feedback_id.tolist() == [f"F{i:04d}" for i in range(1, len(table) + 1)]
    assert set(table.channel) == CHANNELS and set(table.topic) == TOPICS
    assert table.needs_response.dtype == bool
    assert table.comment.notna().all() and (table.comment.str.len() > 20).all()
    assert set(table.resolved.dropna()) <= {True, False}


def test_feedback_is_dated_in_order_within_the_two_years(feedback):
    """Are comments received inside FY2024-FY2025 and numbered by date?"""
    assert feedback.received.between(*WINDOW).all()
    assert feedback.received.is_monotonic_increasing


def test_every_branch_spelling_maps_to_a_branch_and_about_6_percent_are_messy(feedback):
    """Does every branch spelling map to a branch, with 5-7% spelled other than the clean branch name?"""
    assert set(feedback.branch_id) == set(BRANCH_NAMES)
    messy = (~feedback.branch.isin(BRANCH_NAMES.values())).mean()
    assert 0.05 <= messy <= 0.07, f"{messy:.1%} messy"


def test_in_building_comments_come_on_open_days(feedback):
    """Were comment cards and in-person remarks received only on open days (no holidays; Fernvale Tue-Thu, Sat)?"""
    in_building = feedback[feedback.channel.isin(["comment card", "in person"])]
    assert not in_building.received.isin(CLOSED_DATES).any()
    fernvale = in_building[in_building.branch_id.eq("FER")]
    assert fernvale.received.dt.day_of_week.isin(FERNVALE_WEEKDAYS).all()


def test_responses_follow_the_rules(feedback):
    """Are replies only where needed, between the comment and June 2025, and resolved empty exactly when not needed?"""
    replied = feedback.responded.notna()
    assert not (replied & ~feedback.needs_response).any()
    assert (feedback.responded[replied] >= feedback.received[replied]).all()
    assert (feedback.responded[replied] <= pd.Timestamp(WINDOW[1])).all()
    assert (feedback.resolved.isna() == ~feedback.needs_response).all()
    assert not (feedback.resolved.eq(True) & ~replied).any()


def test_most_needed_replies_went_out(feedback):
    """Did 50-70% of comments need a reply, and did 85-97% of those get one?"""
    needed = feedback.needs_response.mean()
    answered = feedback.responded[feedback.needs_response].notna().mean()
    assert 0.5 <= needed <= 0.7, f"{needed:.1%} needed a reply"
    assert 0.85 <= answered <= 0.97, f"{answered:.1%} answered"


def test_hours_and_parking_are_resolved_less_often(feedback):
    """Are answered comments about hours and parking resolved less often than the rest (assumed 25-35% vs 75%)?"""
    answered = feedback[feedback.responded.notna()]
    hard = answered.topic.isin(["hours", "parking"])
    assert answered.resolved[hard].mean() < answered.resolved[~hard].mean() - 0.2


def test_fernvale_hears_more_about_access_and_hours(feedback):
    """Do accessibility and hours make up a larger share of Fernvale's comments than of the system's?"""
    local = feedback.topic.isin(["accessibility", "hours"])
    assert local[feedback.branch_id.eq("FER")].mean() > local.mean() * 1.5


def test_program_comments_name_a_recent_session_at_that_branch(feedback, sessions):
    """Does each program comment built around a program name a session held at that branch in the previous 45 days?"""
    generic = {text for topic, _, text, _ in COMMENTS if topic == "programs" and "{program}" not in text}
    named = feedback[feedback.topic.eq("programs") & ~feedback.comment.isin(generic)]
    held = sessions[sessions.status.eq("held")]
    for row in named.itertuples():
        window = held[held.branch_id.eq(row.branch_id) & (held.date <= row.received)
                      & (held.date > row.received - pd.Timedelta(days=45))]
        assert any(title in row.comment for title in window.program_title), row.comment


def test_spanish_comments_come_from_branches_with_spanish_speakers(feedback):
    """Do the few Spanish comments come only from Eastgate, Harbor Point and Central?"""
    spanish = feedback[feedback.comment.str.contains("¿", regex=False)]
    assert 1 <= len(spanish) <= 25, len(spanish)
    assert set(spanish.branch_id) <= {"EAS", "HAR", "CEN"}
