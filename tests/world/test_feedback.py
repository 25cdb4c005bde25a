"""Does patron_feedback follow the contract, trace to real programs, and keep its mess documented?"""
import pandas as pd
import pytest

from autograder.world.common import BRANCH_NAMES, CLOSED_DATES, branch_id_from_spelling
from autograder.world.feedback import COMMENTS
from autograder.world.programs import FERNVALE_WEEKDAYS

FEEDBACK_COLUMNS = ["feedback_id", "received_on", "channel", "branch", "topic", "comment", "needs_response",
                    "responded_on", "resolved"]
CHANNELS = {"comment card", "email", "website form", "in person", "social media"}
TOPICS = {"programs", "noise", "hours", "staff", "room booking", "accessibility", "parking", "collection",
          "technology", "cleanliness"}
WINDOW = ("2023-07-01", "2025-06-30")


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
