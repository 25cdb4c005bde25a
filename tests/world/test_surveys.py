"""Are survey responses linked to held sessions, calibrated to Project Outcome and messy only as documented?"""
import pandas as pd
import pytest

from autograder.world.surveys import CATEGORY_AREA, OUTCOME_AREAS, THEME_KEYWORDS, TITLE_AREA

COLUMNS = ["response_id", "session_id", "program_id", "respondent_id", "wave", "submitted_on", "outcome_area",
           "knowledge", "confidence", "intend_to_apply", "aware_of_resources", "applied_learning", "used_resources",
           "comment_liked", "comment_improve"]
IMMEDIATE = ["knowledge", "confidence", "intend_to_apply", "aware_of_resources"]
FOLLOW_UP = ["applied_learning", "used_resources"]
OUT_OF_RANGE_VALUES = 6
STRAIGHT_LINERS = 12


@pytest.fixture(scope="module")
def responses(world) -> pd.DataFrame:
    """Survey responses with their session's facts joined on."""
    sessions = world["program_sessions"][["session_id", "program_id", "program_title", "date", "category",
                                          "audience", "status", "attendance"]]
    return world["survey_responses"].merge(sessions, on="session_id", how="left", suffixes=("", "_session"))


@pytest.fixture(scope="module")
def immediate(responses) -> pd.DataFrame:
    return responses[responses.wave == "immediate"]


@pytest.fixture(scope="module")
def follow_up(responses) -> pd.DataFrame:
    return responses[responses.wave == "follow-up"]


@pytest.fixture(scope="module")
def valid_immediate(immediate) -> pd.DataFrame:
    """Immediate items with out-of-range keying errors blanked."""
    items = immediate[IMMEDIATE]
    return items.where((items >= 1) & (items <= 5))


def test_schema_ids_and_size(world):
    """Has survey_responses the contract's columns in order, unique ids and about 4,000 rows?"""
    s = world["survey_responses"]
    assert list(s.columns) == COLUMNS
    assert s.response_id.is_unique and s.response_id.str.fullmatch(r"SR\d{5}").all()
    assert 3_500 <= len(s) <= 4_500, len(s)
    assert set(s.wave) == {"immediate", "follow-up"}
    assert set(s.outcome_area) <= set(OUTCOME_AREAS)
    assert s.respondent_id.dropna().str.fullmatch(r"PT\d{5}").all()
    dates = pd.to_datetime(s.submitted_on, format="%Y-%m-%d")
    assert dates.min() >= pd.Timestamp("2023-07-01") and dates.max() <= pd.Timestamp("2025-06-30")


def test_keys_resolve_to_held_sessions(responses):
    """Does every response point to a held session and that session's own program?"""
    assert responses.status.notna().all(), "unknown session_id"
    assert (responses.status == "held").all(), responses.status.value_counts().to_dict()
    assert (responses.program_id == responses.program_id_session).all()


def test_outcome_area_fits_the_session(responses):
    """Is every surveyed session's outcome area the one its title or category maps to (adults only for books)?"""
    expected = responses.program_title.map(TITLE_AREA).fillna(responses.category.map(CATEGORY_AREA))
    assert responses.outcome_area.eq(expected).all(), responses[responses.outcome_area.ne(expected)].head()
    books = responses[(responses.category == "books & authors") & responses.program_title.map(TITLE_AREA).isna()]
    assert books.audience.isin(["adults", "older adults"]).all()


def test_items_belong_to_their_wave(immediate, follow_up):
    """Are the immediate items filled only in immediate rows, and the follow-up items only in follow-up rows?"""
    assert immediate[IMMEDIATE].notna().all().all() and immediate[FOLLOW_UP].isna().all().all()
    assert follow_up[FOLLOW_UP].notna().all().all() and follow_up[IMMEDIATE].isna().all().all()
    assert follow_up[FOLLOW_UP].isin([1, 2, 3, 4, 5]).all().all()


def test_responses_never_exceed_recorded_attendance(immediate):
    """Has no session more immediate responses than its recorded attendance?"""
    per_session = immediate.groupby("session_id").agg(n=("response_id", "size"), attendance=("attendance", "first"))
    recorded = per_session.dropna(subset=["attendance"])
    over = recorded[recorded.n > recorded.attendance]
    assert over.empty, f"{len(over)} sessions with more responses than attendees: {over.head()}"


def test_response_rates_sit_between_30_and_60_percent(immediate):
    """Do responses make 30-60% of attendance per surveyed session (FACTS.md, Ideas for realistic tables)?"""
    per_session = immediate.groupby("session_id").agg(n=("response_id", "size"), attendance=("attendance", "first"))
    recorded = per_session.dropna(subset=["attendance"])
    pooled = recorded.n.sum() / recorded.attendance.sum()
    assert 0.40 <= pooled <= 0.50, f"pooled response rate {pooled:.3f}"
    sizable = recorded[recorded.attendance >= 5]
    within = (sizable.n / sizable.attendance).between(0.30, 0.60).mean()
    assert within >= 0.90, f"only {within:.1%} of sessions with 5+ attendees respond at 30-60%"


def test_immediate_agreement_is_80_to_90_percent_with_awareness_lowest(valid_immediate):
    """Do 80-90% agree on the immediate items, awareness lowest (PLA Project Outcome ~80% positive; California
    summer reading 2020, 73-87%; FACTS.md, Evaluation)?"""
    agree = (valid_immediate >= 4).sum() / valid_immediate.notna().sum()
    for item in ["knowledge", "confidence", "intend_to_apply"]:
        assert 0.82 <= agree[item] <= 0.92, f"{item}: {agree[item]:.3f}"
    assert 0.76 <= agree["aware_of_resources"] <= 0.84, f"aware_of_resources: {agree['aware_of_resources']:.3f}"
    assert agree.idxmin() == "aware_of_resources", agree.to_dict()


def test_follow_up_panel_is_about_a_fifth_and_matches_by_respondent(immediate, follow_up):
    """Do ~20% of immediate respondents answer the follow-up, 4-8 weeks later, matched one-to-one by respondent_id
    (PLA Project Outcome; FACTS.md, Evaluation)?"""
    share = len(follow_up) / len(immediate)
    assert 0.15 <= share <= 0.25, f"follow-up share {share:.3f}"
    assert follow_up.respondent_id.notna().all() and follow_up.respondent_id.is_unique
    assert immediate.respondent_id.dropna().is_unique
    panel = follow_up.merge(immediate, on="respondent_id", suffixes=("", "_im"))
    assert len(panel) == len(follow_up), "a follow-up without its immediate row"
    assert (panel.session_id == panel.session_id_im).all()
    days = (pd.to_datetime(panel.submitted_on) - pd.to_datetime(panel.date)).dt.days
    assert days.between(28, 56).all(), days.describe()


def test_the_intention_behaviour_gap_is_visible(immediate, follow_up):
    """On the matched panel, is agreement that people applied what they learned well below their intention?"""
    panel = follow_up.merge(immediate[["respondent_id", "intend_to_apply"]], on="respondent_id", suffixes=("", "_im"))
    intended = (panel.intend_to_apply_im >= 4).mean()
    applied = (panel.applied_learning >= 4).mean()
    assert intended - applied >= 0.12, f"intended {intended:.3f}, applied {applied:.3f}"
    assert 0.55 <= applied <= 0.75, f"applied {applied:.3f}"


def test_some_outcome_areas_have_small_samples(immediate):
    """Are there outcome areas with few responses (fewer than 100), so minimum-n flags have work to do?"""
    counts = immediate.outcome_area.value_counts()
    assert counts.min() < 100, counts.to_dict()
    assert set(counts.index) == set(OUTCOME_AREAS)


def test_comments_are_about_40_percent_and_codable_by_keyword(world):
    """Do ~40% of rows carry a comment, and does each comment hit the keywords of exactly one theme?"""
    s = world["survey_responses"]
    share = (s.comment_liked.notna() | s.comment_improve.notna()).mean()
    assert 0.35 <= share <= 0.45, f"comment share {share:.3f}"
    comments = pd.concat([s.comment_liked, s.comment_improve]).dropna().str.lower()
    for text in comments.unique():
        themes = [t for t, words in THEME_KEYWORDS.items() if any(w in text for w in words)]
        assert len(themes) == 1, f"{text!r} codes to {themes}"
    coded = {t for text in comments.unique() for t, words in THEME_KEYWORDS.items() if any(w in text for w in words)}
    assert coded == set(THEME_KEYWORDS)


def test_out_of_range_answers_are_the_documented_few(world):
    """Are exactly 6 immediate answers keyed as 0 or 6, and nothing else outside 1-5?"""
    s = world["survey_responses"]
    items = s[IMMEDIATE + FOLLOW_UP]
    bad = items.notna() & ~items.isin([1, 2, 3, 4, 5])
    assert bad.to_numpy().sum() == OUT_OF_RANGE_VALUES, bad.sum().to_dict()
    assert set(items.to_numpy()[bad.to_numpy()].astype(int)) <= {0, 6}


def test_straight_liners_are_the_documented_dozen(immediate):
    """Are there exactly 12 immediate forms answering 1 to every item, each with praise in comment_liked?"""
    all_ones = immediate[(immediate[IMMEDIATE] == 1).all(axis=1)]
    assert len(all_ones) == STRAIGHT_LINERS, len(all_ones)
    assert all_ones.comment_liked.notna().all()


def test_respondents_from_registrations_attended_that_session(world):
    """Where a respondent_id is a registrant, did that patron register for and attend that very session?"""
    s = world["survey_responses"]
    regs = world["registrations"]
    known = s[s.respondent_id.isin(regs.registrant_id)]
    assert len(known) > 0
    came = regs[regs.attended == True][["registrant_id", "session_id"]].drop_duplicates()  # noqa: E712
    joined = known.merge(came, left_on=["respondent_id", "session_id"], right_on=["registrant_id", "session_id"])
    assert len(joined) == len(known), f"{len(known) - len(joined)} respondents who did not attend"
