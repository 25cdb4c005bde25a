"""Are survey responses linked to held sessions, calibrated to Project Outcome and messy only as documented?"""
import pandas as pd
import pytest

import numpy as np

from autograder.world.files import DATASETS
from autograder.world.surveys import CATEGORY_AREA, GENERIC, OUTCOME_AREAS, SPANISH, THEME_KEYWORDS, TITLE_AREA, \
    UNMARKED

COLUMNS = ["response_id", "session_id", "program_id", "respondent_id", "wave", "submitted_on", "outcome_area",
           "knowledge", "confidence", "intend_to_apply", "aware_of_resources", "applied_learning", "used_resources",
           "comment_liked", "comment_improve"]
IMMEDIATE = ["knowledge", "confidence", "intend_to_apply", "aware_of_resources"]
FOLLOW_UP = ["applied_learning", "used_resources"]
OUT_OF_RANGE_VALUES = 24
STRAIGHT_LINERS = 12
SKIPPED = {"knowledge": 0.02, "confidence": 0.03, "intend_to_apply": 0.03, "aware_of_resources": 0.06}


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
    """Has survey_responses the contract's columns in order, unique ids and about 3,000 rows?"""
    s = world["survey_responses"]
    assert list(s.columns) == COLUMNS
    assert s.response_id.is_unique and s.response_id.str.fullmatch(r"SR\d{5}").all()
    assert 2_500 <= len(s) <= 3_500, len(s)
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
    """Are the immediate items answered only in immediate rows, and the follow-up items only in follow-up rows?"""
    assert immediate[FOLLOW_UP].isna().all().all() and follow_up[IMMEDIATE].isna().all().all()
    assert immediate[IMMEDIATE].notna().mean().min() > 0.9 and follow_up[FOLLOW_UP].notna().mean().min() > 0.9
    answered = follow_up[FOLLOW_UP].stack().dropna()
    assert answered.isin([1, 2, 3, 4, 5]).all()


def test_skipped_statements_are_blank_and_change_percent_agree(immediate, valid_immediate):
    """Are 2-6% of each immediate statement skipped (aware_of_resources most), enough that counting blanks as
    'not agreeing' lowers FY-wide percent agree by more than a point (module 09, Q3 and Q6)?"""
    skipped = immediate[IMMEDIATE].isna().mean()
    for item, share in SKIPPED.items():
        assert abs(skipped[item] - share) < 0.015, (item, skipped[item])
    assert skipped.idxmax() == "aware_of_resources"
    agree = (valid_immediate >= 4).sum()
    shift = (agree / valid_immediate.notna().sum() - agree / len(immediate)) * 100
    assert (shift > 1).all(), shift.to_dict()


def test_responses_never_exceed_recorded_attendance(immediate):
    """Has no session more immediate responses than its recorded attendance?"""
    per_session = immediate.groupby("session_id").agg(n=("response_id", "size"), attendance=("attendance", "first"))
    recorded = per_session.dropna(subset=["attendance"])
    over = recorded[recorded.n > recorded.attendance]
    assert over.empty, f"{len(over)} sessions with more responses than attendees: {over.head()}"


@pytest.fixture(scope="module")
def per_session(world, immediate) -> pd.DataFrame:
    """Immediate responses and recorded attendance per surveyed session, with its category and format."""
    sessions = world["program_sessions"].set_index("session_id")
    counts = immediate.groupby("session_id").size().rename("n").to_frame()
    return counts.join(sessions[["attendance", "category", "format"]]).dropna(subset=["attendance"])


def test_response_rates_sit_between_30_and_60_percent_for_forms_in_the_room(per_session):
    """Do responses make 30-60% of attendance at on-site sessions where everyone could answer (FACTS.md, Ideas for
    realistic tables), and about 30% overall?"""
    pooled = per_session.n.sum() / per_session.attendance.sum()
    assert 0.27 <= pooled <= 0.36, f"pooled response rate {pooled:.3f}"
    plain = per_session[per_session.format.eq("on site") & ~per_session.category.isin(["storytime", "English conversation"])
                        & (per_session.attendance >= 5)]
    within = (plain.n / plain.attendance).between(0.30, 0.60).mean()
    assert within >= 0.90, f"only {within:.1%} of on-site sessions with 5+ attendees respond at 30-60%"


def test_response_rates_differ_by_format_and_by_who_can_answer(per_session):
    """Are rates per head lower where forms are harder to reach (virtual, off site), and about half as high at
    storytime (babies in the head count) and English conversation (English-only forms) as elsewhere?"""
    def rate(rows):
        return rows.n.sum() / rows.attendance.sum()
    plain = per_session[~per_session.category.isin(["storytime", "English conversation"])]
    by_format = {f: rate(plain[plain.format == f]) for f in ["on site", "virtual"]}
    assert by_format["virtual"] < by_format["on site"] - 0.08, by_format
    for category in ["storytime", "English conversation"]:
        assert rate(per_session[per_session.category == category]) < 0.6 * rate(plain), category


def test_immediate_agreement_is_80_to_90_percent_with_awareness_lowest(valid_immediate):
    """Do 80-90% agree on the immediate items, awareness lowest (PLA Project Outcome ~80% positive; California
    summer reading 2020, 73-87%; FACTS.md, Evaluation)?"""
    agree = (valid_immediate >= 4).sum() / valid_immediate.notna().sum()
    for item in ["knowledge", "confidence", "intend_to_apply"]:
        assert 0.82 <= agree[item] <= 0.92, f"{item}: {agree[item]:.3f}"
    assert 0.76 <= agree["aware_of_resources"] <= 0.84, f"aware_of_resources: {agree['aware_of_resources']:.3f}"
    assert agree.idxmin() == "aware_of_resources", agree.to_dict()


def test_follow_up_panel_is_about_a_fifth_and_matches_by_respondent_and_session(immediate, follow_up):
    """Do ~20% of immediate respondents answer the follow-up, 4-8 weeks later, each matched to exactly one
    immediate row by respondent_id and session_id (PLA Project Outcome; FACTS.md, Evaluation)?"""
    share = len(follow_up) / len(immediate)
    assert 0.15 <= share <= 0.25, f"follow-up share {share:.3f}"
    key = ["respondent_id", "session_id"]
    assert follow_up.respondent_id.notna().all() and not follow_up.duplicated(key).any()
    assert not immediate.dropna(subset=["respondent_id"]).duplicated(key).any()
    panel = follow_up.merge(immediate, on=key, suffixes=("", "_im"))
    assert len(panel) == len(follow_up), "a follow-up without its immediate row"
    days = (pd.to_datetime(panel.submitted_on) - pd.to_datetime(panel.date)).dt.days
    assert days.between(28, 56).all(), days.describe()


def test_matching_on_the_person_alone_pairs_answers_about_other_sessions(immediate, follow_up, world):
    """Do regulars answer at several sessions, so that matching FY2025 follow-ups on respondent_id alone pairs
    some with another session's answers (module 09 Q9: the warned-about mistake changes the panel)?"""
    fy25 = world["program_sessions"].loc[lambda s: s.fiscal_year == 2025, "session_id"]
    before = immediate[immediate.session_id.isin(fy25)].dropna(subset=["respondent_id"])
    after = follow_up[follow_up.session_id.isin(fy25)]
    right = after.merge(before, on=["respondent_id", "session_id"])
    person_only = after.merge(before, on="respondent_id")
    assert len(right) == len(after)
    assert len(person_only) >= len(right) + 20, (len(person_only), len(right))
    assert before.respondent_id.value_counts().gt(1).sum() >= 25


def test_the_intention_behaviour_gap_is_visible(immediate, follow_up):
    """On the matched panel, is agreement that people applied what they learned well below their intention?"""
    panel = follow_up.merge(immediate[["respondent_id", "session_id", "intend_to_apply"]],
                            on=["respondent_id", "session_id"], suffixes=("", "_im"))
    panel = panel[panel.intend_to_apply_im.between(1, 5) & panel.applied_learning.between(1, 5)]
    intended = (panel.intend_to_apply_im >= 4).mean()
    applied = (panel.applied_learning >= 4).mean()
    assert intended - applied >= 0.12, f"intended {intended:.3f}, applied {applied:.3f}"
    assert 0.55 <= applied <= 0.75, f"applied {applied:.3f}"


def test_some_outcome_areas_have_small_samples(immediate):
    """Are there outcome areas with few responses (fewer than 100), so minimum-n flags have work to do?"""
    counts = immediate.outcome_area.value_counts()
    assert counts.min() < 100, counts.to_dict()
    assert set(counts.index) == set(OUTCOME_AREAS)


def test_comments_are_about_40_percent_varied_and_codable_by_keyword(world):
    """Do ~40% of rows carry a comment, written in hundreds of different ways, each coding by keyword to one or two
    themes, or to none only when it is a generic, unmarked or Spanish comment the datasheet lists?"""
    s = world["survey_responses"]
    share = (s.comment_liked.notna() | s.comment_improve.notna()).mean()
    assert 0.35 <= share <= 0.45, f"comment share {share:.3f}"
    comments = pd.concat([s.comment_liked, s.comment_improve]).dropna()
    assert comments.nunique() >= 500, comments.nunique()
    assert comments.value_counts().iloc[0] / len(comments) < 0.03, comments.value_counts().head()
    uncoded = {text for kind in (GENERIC, UNMARKED, SPANISH) for texts in kind.values() for text in texts}
    counts = []
    for text in comments.unique():
        themes = [t for t, words in THEME_KEYWORDS.items() if any(w in text.lower() for w in words)]
        counts.append(len(themes))
        assert 1 <= len(themes) <= 2 or text in uncoded, f"{text!r} codes to {themes}"
    coded = {t for text in comments.unique() for t, words in THEME_KEYWORDS.items() if any(w in text.lower() for w in words)}
    assert coded == set(THEME_KEYWORDS)
    assert 0.03 < np.mean(np.array(counts) == 2) < 0.2


def test_english_conversation_comments_include_spanish(world):
    """Do learners of English at English conversation write some comments in Spanish (the forms are English-only)?"""
    s = world["survey_responses"].merge(world["program_sessions"][["session_id", "category"]], on="session_id")
    spanish = {text for texts in SPANISH.values() for text in texts}
    found = pd.concat([s.loc[s.comment_liked.isin(spanish), "category"], s.loc[s.comment_improve.isin(spanish), "category"]])
    assert len(found) >= 5 and (found == "English conversation").all(), found.value_counts()


def test_out_of_range_answers_are_the_documented_few(world):
    """Are exactly 24 immediate answers keyed as 0 or 6, and nothing else outside 1-5?"""
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


def _clustered(rows: pd.DataFrame) -> tuple[float, float, float]:
    """Share agreeing, its standard error with sessions as the unit, and its simple standard error."""
    per = rows.groupby("session_id").agree.agg(["sum", "size"])
    p = per["sum"].sum() / per["size"].sum()
    clustered = np.sqrt(((per["sum"] - p * per["size"]) ** 2).sum()) / per["size"].sum()
    return p, clustered, np.sqrt(p * (1 - p) / per["size"].sum())


def test_answers_cluster_by_session_enough_to_flip_the_module_decision(world, immediate):
    """In FY2025 knowledge answers, is storytime the top category (30+ valid answers), ahead of all other programs
    by more than the simple margin of the difference but less than the margin counting sessions (module 09, Q7-Q8)?"""
    fy25 = world["program_sessions"].loc[lambda s: s.fiscal_year == 2025, ["session_id", "category"]]
    rows = immediate.drop(columns="category").merge(fy25, on="session_id")
    rows = rows[rows.knowledge.between(1, 5)].assign(agree=lambda r: r.knowledge.isin([4, 5]))
    summary = rows.groupby("category").agree.agg(["size", "mean"])
    best = summary[summary["size"] >= 30]["mean"].idxmax()
    assert best == "storytime", summary
    assert summary["mean"].idxmax() != best, "a small group should top the unfiltered ranking"
    (p1, c1, s1), (p2, c2, s2) = _clustered(rows[rows.category == best]), _clustered(rows[rows.category != best])
    lead = (p1 - p2) * 100
    simple, clustered = 196 * np.hypot(s1, s2), 196 * np.hypot(c1, c2)
    assert simple + 0.2 < lead < clustered - 0.5, (best, lead, simple, clustered)
    design_effect = (c1 / s1) ** 2
    assert design_effect > 1.3, design_effect


def test_the_datasheet_states_the_row_counts(world):
    """Does the datasheet give the table's true numbers of rows, immediate and follow-up?"""
    s = world["survey_responses"]
    sheet = (DATASETS / "datasheets" / "survey_responses.md").read_text(encoding="utf-8")
    for count in [len(s), (s.wave == "immediate").sum(), (s.wave == "follow-up").sum()]:
        assert f"{count:,}" in sheet, count
