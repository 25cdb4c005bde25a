"""Does patron_feedback follow its datasheet, trace to real programs, and keep its planted faults documented?"""
import pandas as pd
import pytest

from autograder.world.common import BRANCH_NAMES, CLOSED_DATES
from autograder.world.feedback import COMMENTS, REPLY_DATE_TYPOS
from autograder.world.files import DATASETS
from autograder.world.common import branch_id_from_spelling
from autograder.world.programs import FERNVALE_WEEKDAYS

FEEDBACK_COLUMNS = ["feedback_id", "received_on", "channel", "branch_id", "topic", "tone", "comment",
                    "needs_response", "responded_on", "resolved"]
CHANNELS = {"comment card", "email", "website form", "in person", "social media"}
TOPICS = {"programs", "noise", "hours", "staff", "room booking", "accessibility", "parking", "collection",
          "technology", "cleanliness"}
WINDOW = ("2023-07-01", "2025-06-30")
EXPORTED = pd.Timestamp("2025-07-31")
MISTYPED = {"F0013", "F0361", "F0477", "F0553", "F0565"}


@pytest.fixture(scope="module")
def sessions(world):
    """program_sessions with real dates and the clean branch id."""
    table = world["program_sessions"].copy()
    table["date"] = pd.to_datetime(table.date)
    table["branch_id"] = branch_id_from_spelling(table.branch)
    return table


@pytest.fixture(scope="module")
def feedback(world):
    """patron_feedback with real dates and days to reply."""
    table = world["patron_feedback"].copy()
    table["received"] = pd.to_datetime(table.received_on)
    table["responded"] = pd.to_datetime(table.responded_on)
    table["days"] = (table.responded - table.received).dt.days
    return table


@pytest.fixture(scope="module")
def sheet():
    return (DATASETS / "datasheets" / "patron_feedback.md").read_text(encoding="utf-8")


def test_feedback_has_its_columns_and_allowed_values(world):
    """Has patron_feedback its datasheet's columns, 600 rows numbered in order, and only allowed values?"""
    table = world["patron_feedback"]
    assert list(table.columns) == FEEDBACK_COLUMNS
    assert len(table) == 600
    assert table.feedback_id.tolist() == [f"F{i:04d}" for i in range(1, len(table) + 1)]
    assert set(table.channel) == CHANNELS and set(table.topic) == TOPICS
    assert set(table.branch_id) == set(BRANCH_NAMES)
    assert set(table.tone) == {"praise", "complaint", "request"}
    assert table.needs_response.dtype == bool
    assert table.comment.notna().all() and (table.comment.str.len() > 20).all()
    assert set(table.resolved.dropna()) <= {True, False}


def test_feedback_is_dated_in_order_within_the_two_years(feedback):
    """Are comments received inside FY2024-FY2025 and numbered by date?"""
    assert feedback.received.between(*WINDOW).all()
    assert feedback.received.is_monotonic_increasing


def test_in_building_comments_come_on_open_days(feedback):
    """Were comment cards and in-person remarks received only on open days (no holidays; Fernvale Tue-Thu, Sat)?"""
    in_building = feedback[feedback.channel.isin(["comment card", "in person"])]
    assert not in_building.received.isin(CLOSED_DATES).any()
    fernvale = in_building[in_building.branch_id.eq("FER")]
    assert fernvale.received.dt.day_of_week.isin(FERNVALE_WEEKDAYS).all()


def test_replies_follow_the_rules(feedback):
    """Are replies only where needed, by the export of 31 July 2025, and resolved empty exactly when not needed?"""
    replied = feedback.responded.notna()
    assert not (replied & ~feedback.needs_response).any()
    assert (feedback.responded[replied] <= EXPORTED).all()
    assert (feedback.resolved.isna() == ~feedback.needs_response).all()
    assert not (feedback.resolved.eq(True) & ~replied).any()


def test_the_mistyped_reply_dates_are_exactly_the_documented_ones(feedback, sheet):
    """Are the replies dated before their comment exactly the five planted ones, a year early, and documented?"""
    early = feedback[feedback.days < 0]
    assert set(early.feedback_id) == MISTYPED and len(early) == sum(REPLY_DATE_TYPOS.values())
    assert early.days.between(-366, -358).all()
    assert all(f in sheet for f in MISTYPED)


def test_the_steps_complaint_is_unanswered_and_documented(feedback, sheet):
    """Is F0483 the FY2025 Fernvale complaint about the steps, needing a reply and never answered?"""
    row = feedback.set_index("feedback_id").loc["F0483"]
    assert row.branch_id == "FER" and row.topic == "accessibility" and row.tone == "complaint"
    assert row.comment.startswith("The program room at Fernvale has steps")
    assert row.needs_response and pd.isna(row.responded_on) and row.resolved == False  # noqa: E712
    assert row.received_on.startswith("2025-01") and "F0483" in sheet


def test_fy2025_reply_measures_are_as_documented(feedback, sheet):
    """Do the FY2025 3-day share (0.637, or 0.644 with mistyped rows kept) and share resolved (0.584) hold?"""
    fy25 = feedback[feedback.received.between("2024-07-01", "2025-06-30") & feedback.needs_response]
    kept = fy25[~(fy25.days < 0)]
    assert round((kept.days <= 3).mean(), 3) == 0.637
    assert round((fy25.days <= 3).mean(), 3) == 0.644
    assert round((kept.days.dropna() <= 3).mean(), 3) == 0.712
    assert round((kept.resolved == True).mean(), 3) == 0.584  # noqa: E712
    assert all(figure in sheet for figure in ["0.637", "0.644", "0.712", "0.584"])


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


def test_small_counts_exist_to_suppress(feedback):
    """Has the FY2025 topic-by-branch table cells of 0, of 1-4 and of exactly 5, so each suppression rule differs?"""
    fy25 = feedback[feedback.received.between("2024-07-01", "2025-06-30")]
    counts = pd.crosstab(fy25.topic, fy25.branch_id)
    assert (counts == 0).any().any() and counts.isin([1, 2, 3, 4]).any().any() and (counts == 5).any().any()
    assert (counts >= 5).sum().sum() >= 15


def test_composition_matches_the_datasheet(world, sheet):
    """Are the branch, topic, channel and tone counts the datasheet gives those of the table?"""
    table = world["patron_feedback"]
    sheet = " ".join(sheet.split())
    names = {"CEN": "Central", "EAS": "Eastgate", "HAR": "Harbor Point", "MIL": "Millbrook", "OAK": "Oak Ridge",
             "FER": "Fernvale"}
    for branch, count in table.branch_id.value_counts().items():
        assert f"{names[branch]} {count}" in sheet
    for column in ["topic", "channel", "tone"]:
        for value, count in table[column].value_counts().items():
            assert f"{value} {count}" in sheet, (column, value)


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
