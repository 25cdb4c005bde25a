"""Do the four tables of module 02 (titles, desk tallies, program subjects, checkouts around programs) hold together,
match their datasheets, and carry the planted quirks the module teaches?"""
import pandas as pd
import pytest

from autograder.world.common import tidy_sessions
from autograder.world.files import DATASETS
from autograder.world.holdings import HOLDS_PER_COPY, NONFICTION, SHEETS_NOT_RETURNED

TITLE_COLUMNS = ["title_id", "title", "author", "subject", "format", "pub_year", "copies", "available", "holds",
                 "checkouts_fy2025"]
DESK_COLUMNS = ["fiscal_year", "month", "branch_id", "topic", "subject", "questions"]
SUBJECT_COLUMNS = ["program_id", "program_title", "branch_id", "subject", "book_display"]
CHECKOUT_COLUMNS = ["program_id", "week", "week_start", "host_checkouts", "other_checkouts"]


@pytest.fixture(scope="module")
def titles(world):
    return world["collection_titles"]


@pytest.fixture(scope="module")
def lifts(world):
    """Module 02's Question 5: each program's change at the host and elsewhere, programs with 20+ host checkouts before."""
    weeks = world["program_checkouts"]
    columns = ["host_checkouts", "other_checkouts"]
    before = weeks[weeks.week < 0].groupby("program_id")[columns].sum()
    after = weeks[weeks.week >= 0].groupby("program_id")[columns].sum()
    change = (after / before - 1) * 100
    table = pd.DataFrame({"host_change": change.host_checkouts, "comparison_change": change.other_checkouts})
    table["lift"] = table.host_change - table.comparison_change
    table = table[before.host_checkouts >= 20]
    return table.join(world["program_subjects"].set_index("program_id")[["subject", "book_display"]])


def two_groups(table: pd.DataFrame, column: str) -> tuple[float, float]:
    """Mean of `column` with a display minus without, and its approximate 95% margin of error."""
    stats = table.groupby("book_display")[column].agg(["mean", "std", "count"])
    yes, no = stats.loc[True], stats.loc[False]
    return yes["mean"] - no["mean"], 1.96 * (yes["std"] ** 2 / yes["count"] + no["std"] ** 2 / no["count"]) ** 0.5


# ------------------------------------------------------------------------------------------------ collection_titles
def test_titles_have_their_columns_keys_and_ten_subjects(titles):
    """Has collection_titles its columns, unique ids, the ten adult subjects and the four formats?"""
    assert list(titles.columns) == TITLE_COLUMNS
    assert titles.title_id.is_unique and len(titles) == 2_654
    assert set(titles.subject) == set(NONFICTION)
    assert set(titles.format) == {"print", "large print", "ebook", "eaudiobook"}
    assert not titles.duplicated(["title", "format"]).any()


def test_counts_are_whole_and_consistent(titles):
    """Are copies, availability, holds and checkouts whole, never negative, never more on the shelf than owned, and
    is nothing on the shelf while holds wait?"""
    for column in ["copies", "available", "holds", "checkouts_fy2025", "pub_year"]:
        assert titles[column].dtype.kind == "i" and (titles[column] >= 0).all(), column
    assert (titles.available <= titles.copies).all()
    assert (titles.available[titles.holds > 0] == 0).all()
    assert titles.pub_year.between(1998, 2025).all()


def test_checkouts_add_up_to_circulation_by_subject(world, titles):
    """Do each subject's FY2025 title checkouts add up exactly to its FY2025 total in circulation_by_subject?"""
    circulation = world["circulation_by_subject"]
    totals = circulation[circulation.fiscal_year == 2025].groupby("subject").checkouts.sum()
    assert titles.groupby("subject").checkouts_fy2025.sum().equals(totals.reindex(sorted(NONFICTION)))


def test_titles_on_order_carry_holds_and_no_copies(titles):
    """Are the 39 titles on order (0 copies, 2025, '(2026 edition)') documented, with 105 holds between them?"""
    on_order = titles[titles.copies == 0]
    assert len(on_order) == 39 and on_order.holds.sum() == 105
    assert (on_order.pub_year == 2025).all() and on_order.title.str.endswith("(2026 edition)").all()
    assert (on_order.checkouts_fy2025 == 0).all()
    sheet = (DATASETS / "datasheets" / "collection_titles.md").read_text(encoding="utf-8")
    assert "39 rows with 0 copies and 105 holds" in sheet


def test_holds_per_copy_follow_the_assumed_order_and_stay_apart_when_rounded(titles):
    """Are subject holds per copy within 30% (or 0.01) of their assumed values, in the same order, distinct to 2 decimals?"""
    totals = titles.groupby("subject")[["holds", "copies"]].sum()
    ratio = totals.holds / totals.copies
    assumed = pd.Series(HOLDS_PER_COPY)
    gap = (ratio - assumed.reindex(ratio.index)).abs()
    assert (gap <= (0.3 * assumed.reindex(ratio.index)).clip(lower=0.01)).all(), ratio.round(3).to_dict()
    assert list(ratio.sort_values().index) == list(assumed.sort_values().index), ratio.round(3).to_dict()
    assert not ratio.round(2).duplicated().any(), ratio.round(2).to_dict()
    sheet = (DATASETS / "datasheets" / "collection_titles.md").read_text(encoding="utf-8")
    assert f"personal finance\n{ratio['Personal finance 332']:.3f}" in sheet


def test_averaging_title_ratios_gives_another_answer(titles):
    """Does the warned-about average of titles' own ratios (titles on order dropped) differ from adding up first?"""
    owned = titles[titles.copies > 0].assign(ratio=lambda t: t.holds / t.copies)
    averaged = owned.groupby("subject").ratio.mean()
    totals = titles.groupby("subject")[["holds", "copies"]].sum()
    assert (averaged - totals.holds / totals.copies).abs().max() > 0.05


def test_no_ties_among_most_borrowed_titles(titles):
    """Within a subject, do no two titles share a checkout count above 3 (so 'most borrowed' is never a tie)?"""
    busy = titles[titles.checkouts_fy2025 > 3]
    assert not busy.duplicated(["subject", "checkouts_fy2025"]).any()


def test_the_money_display_has_one_answer_that_each_slip_changes(titles):
    """Is module 02's display list unique, with a large-print title, and does each catalogued slip change it?"""
    money = titles[titles.subject == "Personal finance 332"]
    physical = money.format.isin(["print", "large print"])
    right = money[physical & (money.available >= 1) & (money.pub_year >= 2020)]
    ranked = right.sort_values("checkouts_fy2025", ascending=False)
    top = ranked.head(10)
    assert ranked.checkouts_fy2025.iloc[9] > ranked.checkouts_fy2025.iloc[10]
    assert (top.format == "large print").any()
    slips = [money[(money.available >= 1) & (money.pub_year >= 2020)],
             money[physical & (money.pub_year >= 2020)],
             money[physical & (money.available >= 1)],
             money[(money.format == "print") & (money.available >= 1) & (money.pub_year >= 2020)]]
    for slip in slips:
        assert set(slip.sort_values("checkouts_fy2025", ascending=False).head(10).title_id) != set(top.title_id)


# ------------------------------------------------------------------------------------------------ desk_questions
def test_desk_has_every_month_branch_and_topic_once(world):
    """Has desk_questions its columns and 24 months x 6 branches x 14 topics, each once?"""
    desk = world["desk_questions"]
    assert list(desk.columns) == DESK_COLUMNS and len(desk) == 2_016
    assert not desk.duplicated(["month", "branch_id", "topic"]).any()
    assert set(desk.branch_id) == set(world["branches"].branch_id)
    year, month = desk.month.str[:4].astype(int), desk.month.str[5:].astype(int)
    assert (desk.fiscal_year == year + (month >= 7)).all()


def test_desk_topics_map_to_subjects_and_four_have_none(world):
    """Does each topic always name the same subject (a collection label), with four topics naming none?"""
    desk = world["desk_questions"]
    mapping = desk.groupby("topic").subject.agg(lambda s: set(s.dropna()))
    assert all(len(subjects) <= 1 for subjects in mapping)
    labelled = {next(iter(s)) for s in mapping if s}
    assert labelled == set(NONFICTION)
    assert set(mapping[mapping.map(len) == 0].index) == {"Home repair", "Legal help", "Citizenship & immigration",
                                                          "Mental health"}


def test_three_tally_sheets_are_missing_as_documented(world):
    """Are exactly the three documented branch-months empty, every topic of each?"""
    desk = world["desk_questions"]
    empty = desk[desk.questions.isna()]
    assert set(zip(empty.branch_id, empty.month)) == set(SHEETS_NOT_RETURNED) and len(empty) == 42
    assert desk.questions.dropna().ge(0).all()


def test_money_questions_peak_in_tax_season(world):
    """Do personal finance questions in February-March run at least 1.5 times their other months?"""
    desk = world["desk_questions"]
    money = desk[desk.topic == "Personal finance"].assign(calendar=lambda d: d.month.str[5:].astype(int))
    by_month = money.groupby("calendar").questions.sum()
    assert by_month[[2, 3]].mean() >= 1.5 * by_month.drop([2, 3]).mean()


# ------------------------------------------------------------------------------------------------ program_subjects
def test_program_subjects_match_program_sessions(world):
    """Is every program a program of program_sessions, with its title and clean branch, and never a parenting one?"""
    subjects = world["program_subjects"]
    assert list(subjects.columns) == SUBJECT_COLUMNS and len(subjects) == 207 and subjects.program_id.is_unique
    sessions = tidy_sessions(world["program_sessions"]).groupby("program_id")
    assert (subjects.program_title.values == sessions.program_title.first()[subjects.program_id].values).all()
    assert (subjects.branch_id.values == sessions.branch_id.first()[subjects.program_id].values).all()
    assert set(subjects.subject) == set(NONFICTION) - {"Parenting 649"}
    assert subjects.book_display.dtype == bool


def test_long_series_never_have_a_display(world):
    """Do programs of more than four sessions always have book_display False?"""
    subjects = world["program_subjects"].set_index("program_id")
    size = world["program_sessions"].groupby("program_id").size()
    assert not subjects.book_display[size[subjects.index] > 4].any()


# ------------------------------------------------------------------------------------------------ program_checkouts
def test_each_program_has_eight_weeks_from_its_first_session(world):
    """Has every program weeks -4 to 3, starting on its first (held) session's date, and at most four sessions?"""
    weeks = world["program_checkouts"]
    assert list(weeks.columns) == CHECKOUT_COLUMNS and len(weeks) == 984
    assert all(sorted(group) == list(range(-4, 4)) for _, group in weeks.groupby("program_id").week)
    assert set(weeks.program_id) <= set(world["program_subjects"].program_id)
    sessions = tidy_sessions(world["program_sessions"])
    first = sessions.groupby("program_id").date.min()
    day0 = pd.to_datetime(weeks.week_start) - pd.to_timedelta(weeks.week * 7, unit="D")
    assert (day0.values == first[weeks.program_id].values).all()
    assert sessions.groupby("program_id").size()[weeks.program_id.unique()].le(4).all()
    for column in ["host_checkouts", "other_checkouts"]:
        assert weeks[column].dtype.kind == "i" and (weeks[column] >= 0).all()


def test_small_baselines_are_there_to_be_left_out(world):
    """Do 11 programs have fewer than 20 host checkouts in the four weeks before, as documented?"""
    weeks = world["program_checkouts"]
    before = weeks[weeks.week < 0].groupby("program_id").host_checkouts.sum()
    assert (before < 20).sum() == 11


def test_programs_lift_borrowing_a_little_beyond_the_season(lifts):
    """Is the mean lift of the kept programs about 7 points with its whole 95% range above zero?"""
    mean, margin = lifts.lift.mean(), 1.96 * lifts.lift.std() / len(lifts) ** 0.5
    assert len(lifts) == 112 and 4 < mean < 10 and mean - margin > 0, (mean, margin)


def test_gardening_rises_everywhere_in_its_season(lifts):
    """Do the other branches' gardening checkouts rise about as much as the host's around gardening programs?"""
    garden = lifts[lifts.subject == "Gardening 635"]
    assert garden.comparison_change.mean() > 10
    assert abs(garden.host_change.mean() - garden.comparison_change.mean()) < 8


def test_displays_look_better_than_they_are_without_the_comparison(lifts):
    """Planted confound: is the display difference too close to call by lift, but a 'clear gain' by host change?"""
    difference, margin = two_groups(lifts, "lift")
    assert abs(difference) < margin - 3, (difference, margin)
    naive, naive_margin = two_groups(lifts, "host_change")
    assert naive - naive_margin > 0, (naive, naive_margin)
    sheet = (DATASETS / "datasheets" / "program_checkouts.md").read_text(encoding="utf-8")
    assert f"{difference:.1f} points, margin ±{margin:.1f}" in sheet
