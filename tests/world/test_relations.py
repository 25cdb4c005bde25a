"""Do feedback_coding, partner_checkins and slot_poll follow their datasheets, join the world, and carry their
planted findings exactly as documented?"""
import pandas as pd
import pytest

from autograder.world.files import DATASETS
from autograder.world.relations import FACTORS, POLL, SLOTS, TOPICS

CODING_COLUMNS = ["feedback_id", "coder_1", "coder_2"]
CHECKIN_COLUMNS = ["checkin_id", "partner_id", "session_id", "fiscal_year", "submitted_on", "side", *FACTORS]
POLL_COLUMNS = ["response_id", "partner_id", "submitted_on", *SLOTS]
REVIEWED = ["PA002", "PA009", "PA010", "PA012", "PA013", "PA014", "PA036", "PA046", "PA049", "PA057", "PA061",
            "PA078"]


def sheet(name: str) -> str:
    """A datasheet's text with line breaks folded, so that figures split across lines are found."""
    return " ".join((DATASETS / "datasheets" / f"{name}.md").read_text(encoding="utf-8").split())


def kappa(first: pd.Series, second: pd.Series) -> float:
    observed = (first == second).mean()
    chance = (first.value_counts(normalize=True) * second.value_counts(normalize=True)).sum()
    return (observed - chance) / (1 - chance)


def margin_verdict(rows: pd.DataFrame) -> tuple[float, float, float]:
    """Change FY2025 - FY2024 in points, the margin of the difference and the FY2025-only margin, communication."""
    shares = {}
    for year in (2024, 2025):
        answers = rows.loc[rows.fiscal_year == year, "communication"]
        valid = answers.isin([1, 2, 3, 4, 5]).sum()
        shares[year] = (answers.isin([4, 5]).sum() / valid, valid)
    (p1, n1), (p2, n2) = shares[2024], shares[2025]
    return ((p2 - p1) * 100, 1.96 * (p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2) ** 0.5 * 100,
            1.96 * (p2 * (1 - p2) / n2) ** 0.5 * 100)


@pytest.fixture(scope="module")
def coding(world):
    return world["feedback_coding"]


@pytest.fixture(scope="module")
def checkins(world):
    return world["partner_checkins"]


@pytest.fixture(scope="module")
def theirs_fy25(world):
    """FY2025 partner-side check-ins with partner names."""
    table = world["partner_checkins"].merge(world["partners"][["partner_id", "partner_name"]], on="partner_id")
    return table[(table.fiscal_year == 2025) & (table.side == "partner")]


@pytest.fixture(scope="module")
def poll(world):
    return world["slot_poll"]


# ---- feedback_coding ---------------------------------------------------------------------------------

def test_coding_is_a_sample_of_fy2025_comments(coding, world):
    """Has feedback_coding its columns and 150 distinct FY2025 comments that exist in patron_feedback?"""
    assert list(coding.columns) == CODING_COLUMNS and len(coding) == 150
    assert coding.feedback_id.is_unique and coding.feedback_id.is_monotonic_increasing
    feedback = world["patron_feedback"].set_index("feedback_id")
    assert coding.feedback_id.isin(feedback.index).all()
    assert (feedback.loc[coding.feedback_id, "received_on"] >= "2024-07-01").all()


def test_codes_tidy_to_the_ten_topics_with_the_planted_untidiness(coding):
    """Does every code tidy to one of the ten topics, with capitals and trailing spaces present and a few blanks?"""
    for column in ["coder_1", "coder_2"]:
        typed = coding[column].dropna()
        assert set(typed.str.strip().str.lower()) <= set(TOPICS)
    assert coding.coder_1.isna().sum() == 2 and coding.coder_2.isna().sum() == 5
    second = coding.coder_2.dropna()
    assert (second != second.str.strip()).sum() == 5 and (second != second.str.lower()).sum() == 23


def test_kappa_passes_the_bar_only_when_labels_are_tidied(coding):
    """Is kappa 0.721 on tidied labels (above 0.6) but 0.537 untidied (below), as the datasheet says?"""
    both = coding.dropna(subset=["coder_1", "coder_2"])
    tidy = kappa(both.coder_1.str.strip().str.lower(), both.coder_2.str.strip().str.lower())
    untidy = kappa(both.coder_1, both.coder_2)
    assert len(both) == 143 and round(tidy, 3) == 0.721 and round(untidy, 3) == 0.537
    assert tidy >= 0.6 > untidy
    text = sheet("feedback_coding")
    assert "0.721" in text and "0.537" in text and "108 of 143" in text


def test_the_codes_disagree_most_on_room_booking_against_programs(coding):
    """Is the largest disagreement six comments coded room booking by coder 1 and programs by coder 2?"""
    both = coding.dropna(subset=["coder_1", "coder_2"])
    table = pd.crosstab(both.coder_1.str.strip().str.lower(), both.coder_2.str.strip().str.lower())
    off = table.stack()[[a != b for a, b in table.stack().index]]
    assert off.idxmax() == ("room booking", "programs") and off.max() == 6


# ---- partner_checkins --------------------------------------------------------------------------------

def test_checkins_have_their_columns_and_allowed_values(checkins):
    """Has partner_checkins its columns, ids in order, two sides and answers 1-5, 9 or empty?"""
    assert list(checkins.columns) == CHECKIN_COLUMNS and len(checkins) == 716
    assert checkins.checkin_id.tolist() == [f"C{i:04d}" for i in range(1, len(checkins) + 1)]
    assert set(checkins.side) == {"partner", "library"} and set(checkins.fiscal_year) == {2024, 2025}
    for factor in FACTORS:
        assert set(checkins[factor].dropna()) <= {1, 2, 3, 4, 5, 9}
    assert (checkins[FACTORS] == 9).sum().sum() == 120 and checkins[FACTORS].isna().sum().sum() == 97


def test_checkins_follow_held_cohosted_sessions_of_the_partnerships_under_review(checkins, world):
    """Is each form about a held session of its own partner, in that session's fiscal year, 0-10 days after it?"""
    sessions = world["program_sessions"].set_index("session_id")
    held = world["program_sessions"]
    held = held[(held.status == "held") & held.partner_id.notna() & (held.fiscal_year == 2025)]
    counts = held.groupby("partner_id").size()
    assert sorted(checkins.partner_id.unique()) == sorted(counts[counts >= 10].index) == REVIEWED
    matched = sessions.loc[checkins.session_id]
    assert (matched.partner_id.to_numpy() == checkins.partner_id.to_numpy()).all()
    assert (matched.status == "held").all() and (matched.fiscal_year.to_numpy() == checkins.fiscal_year.to_numpy()).all()
    lag = (pd.to_datetime(checkins.submitted_on).to_numpy() - pd.to_datetime(matched.date).to_numpy())
    assert pd.Series(lag).dt.days.between(0, 10).all()


def test_the_library_side_agrees_more_on_communication_everywhere(world):
    """In every partnership, does the library's lead agree with the communication statement more often in FY2025?"""
    rows = world["partner_checkins"]
    rows = rows[rows.fiscal_year == 2025]
    valid = rows.communication.isin([1, 2, 3, 4, 5]).groupby([rows.partner_id, rows.side]).sum()
    agree = rows.communication.isin([4, 5]).groupby([rows.partner_id, rows.side]).sum()
    share = (agree / valid).unstack()
    assert (share["library"] > share["partner"]).all()


def test_the_at_risk_partnerships_are_the_planted_ones(theirs_fy25):
    """With 10+ partner-side forms and a statement below 60%, are PA014, PA046 and PA078 at risk on the planted factor?"""
    agree = theirs_fy25[FACTORS].isin([4, 5]).groupby(theirs_fy25.partner_id).sum()
    valid = theirs_fy25[FACTORS].isin([1, 2, 3, 4, 5]).groupby(theirs_fy25.partner_id).sum()
    table = agree / valid * 100
    forms = theirs_fy25.groupby("partner_id").size()
    judged = table.loc[forms[forms >= 10].index]
    at_risk = judged[judged.min(axis=1) < 60].idxmin(axis=1).to_dict()
    assert at_risk == {"PA014": "communication", "PA046": "teamwork", "PA078": "operations"}
    assert forms["PA061"] == 5 and table.loc["PA061"].min() < 60  # the small-n trap
    assert all(f"{table.loc[p, f]:.1f}%" in sheet("partner_checkins")
               for p, f in [("PA014", "communication"), ("PA046", "teamwork"), ("PA078", "operations")])


def test_dont_know_codes_change_the_shares(theirs_fy25):
    """Would counting 9 as valid, or agreement as 'at least 4', change the FY2025 shares by more than a tenth of a point?"""
    agree = theirs_fy25[FACTORS].isin([4, 5]).groupby(theirs_fy25.partner_id).sum()
    valid = theirs_fy25[FACTORS].isin([1, 2, 3, 4, 5]).groupby(theirs_fy25.partner_id).sum()
    answered = theirs_fy25[FACTORS].notna().groupby(theirs_fy25.partner_id).sum()
    four_up = (theirs_fy25[FACTORS] >= 4).groupby(theirs_fy25.partner_id).sum()
    right = agree / valid * 100
    assert (right - agree / answered * 100).abs().max().max() > 0.1
    assert (right - four_up / answered * 100).abs().max().max() > 0.1


def test_the_coops_drop_is_too_close_to_call(checkins):
    """Is the co-op's communication change -18.6 points within its margin of 23.7, with FY2025's own margin smaller?"""
    coop = checkins[(checkins.partner_id == "PA014") & (checkins.side == "partner")]
    change, margin, one_year = margin_verdict(coop)
    assert round(change, 1) == -18.6 and round(margin, 1) == 23.7
    assert abs(change) <= margin - 2 and one_year < margin - 2
    assert "too close to call" in sheet("partner_checkins")


# ---- slot_poll ---------------------------------------------------------------------------------------

def test_poll_has_its_columns_and_forms(poll):
    """Has slot_poll its columns, ids in order, 52 and 64 forms, with 6 and 4 empty, in June 2025?"""
    assert list(poll.columns) == POLL_COLUMNS
    assert poll.response_id.tolist() == [f"R{i:03d}" for i in range(1, len(poll) + 1)]
    assert poll.groupby("partner_id").size().to_dict() == {"PA027": 52, "PA031": 64}
    empty = ~poll[SLOTS].any(axis=1)
    assert empty.groupby(poll.partner_id).sum().to_dict() == {"PA027": 6, "PA031": 4}
    assert poll.submitted_on.between("2025-06-09", "2025-06-27").all()


def test_ticks_are_exactly_as_planted(poll):
    """Among forms with a tick, does each slot have exactly the planted number of ticks for each partner?"""
    filled = poll[poll[SLOTS].any(axis=1)]
    ticks = filled.groupby("partner_id")[SLOTS].sum()
    for partner, planted in POLL.items():
        assert ticks.loc[partner].to_dict() == planted["ticks"]
        assert (filled.partner_id == partner).sum() == planted["forms"]


def test_maximin_and_the_largest_total_pick_different_plans(poll, world):
    """Does the worse-off partner do best under plan A, while the largest total picks plan B, as documented?"""
    filled = poll[poll[SLOTS].any(axis=1)]
    shares = filled.groupby("partner_id")[SLOTS].mean() * 100
    plans = {"A": ("sat_10am", "sat_1230pm"), "B": ("sat_1230pm", "sat_10am"), "C": ("sat_10am", "wed_4pm"),
             "D": ("thu_6pm", "sat_10am")}
    lower = {p: min(shares.loc["PA027", a], shares.loc["PA031", c]) for p, (a, c) in plans.items()}
    total = {p: shares.loc["PA027", a] + shares.loc["PA031", c] for p, (a, c) in plans.items()}
    assert max(lower, key=lower.get) == "A" and max(total, key=total.get) == "B"
    kept = poll.groupby("partner_id")[SLOTS].mean() * 100   # empty forms kept: the same choice, lower shares
    assert max(plans, key=lambda p: min(kept.loc["PA027", plans[p][0]], kept.loc["PA031", plans[p][1]])) == "A"
    assert "maximin rule picks **A**" in sheet("slot_poll")
