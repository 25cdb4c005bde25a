"""Do program_ideas follow the contract, trace to real programs and keep their mess documented?"""
import numpy as np
import pandas as pd
import pytest

from autograder.world.common import branch_id_from_spelling

IDEA_COLUMNS = ["idea_id", "submitted_on", "submitted_by", "title", "description", "category", "audience",
                "estimated_cost", "staff_hours", "partner_id", "needs_registration", "status", "novelty",
                "fit_with_goals"]
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
