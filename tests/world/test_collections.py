"""Does circulation_by_subject cover every month, branch and subject, with believable seasons?"""
import pandas as pd
import pytest


COLUMNS = ["fiscal_year", "month", "branch_id", "subject", "checkouts"]
SUBJECTS = {"Cooking & food 641", "Gardening 635", "Health & fitness 613", "Personal finance 332",
            "Computers & technology 004", "Local history 977", "Crafts & hobbies 745", "Parenting 649",
            "Languages 420-490", "Job & career 650", "Graphic novels", "Picture books"}
ANNUAL_FY2025 = 203_200  # the sum of collections.ANNUAL_CHECKOUTS_FY2025 (an assumption, see the datasheet)


@pytest.fixture(scope="module")
def circulation(world):
    """circulation_by_subject with the calendar month as a number."""
    table = world["circulation_by_subject"].copy()
    table["calendar_month"] = table.month.str[5:].astype(int)
    return table


def monthly_totals(circulation, subject: str) -> pd.Series:
    """Checkouts of one subject by calendar month (1-12), both years and all branches together."""
    rows = circulation[circulation.subject.eq(subject)]
    return rows.groupby("calendar_month").checkouts.sum()


def test_the_table_has_the_contract_columns_and_every_combination_once(world):
    """Has circulation_by_subject the contract's columns and exactly 2 x 12 x 6 x 12 = 1,728 unique rows?"""
    table = world["circulation_by_subject"]
    assert list(table.columns) == COLUMNS
    assert len(table) == 1_728, len(table)
    assert not table.duplicated(["month", "branch_id", "subject"]).any()
    assert set(table.subject) == SUBJECTS, set(table.subject) ^ SUBJECTS
    assert table.month.nunique() == 24
    assert table.groupby("month").size().eq(72).all()


def test_months_belong_to_their_fiscal_year(world):
    """Does each month fall in its fiscal year (July starts the next year's FY)?"""
    table = world["circulation_by_subject"]
    year, month = table.month.str[:4].astype(int), table.month.str[5:].astype(int)
    assert (table.fiscal_year == year + (month >= 7)).all()
    assert set(table.fiscal_year) == {2024, 2025}
    assert table.month.min() == "2023-07" and table.month.max() == "2025-06"


def test_branch_ids_resolve(world):
    """Is every branch_id a branch in the branches table, and is every branch present?"""
    assert set(world["circulation_by_subject"].branch_id) == set(world["branches"].branch_id)


def test_checkouts_are_whole_and_never_negative_or_missing(world):
    """Are checkouts whole numbers, none missing or negative (no mess was planned here)?"""
    checkouts = world["circulation_by_subject"].checkouts
    assert checkouts.dtype.kind == "i", checkouts.dtype
    assert checkouts.notna().all() and (checkouts >= 0).all(), checkouts.min()


def test_yearly_totals_sit_near_the_assumed_size_and_grow_a_little(world):
    """Are FY2025 checkouts within 3% of the assumed 203,200, and FY2025 0-6% above FY2024 (assumed +3%)?"""
    totals = world["circulation_by_subject"].groupby("fiscal_year").checkouts.sum()
    assert abs(totals[2025] / ANNUAL_FY2025 - 1) < 0.03, totals.to_dict()
    assert 1.0 <= totals[2025] / totals[2024] <= 1.06, totals.to_dict()


def test_gardening_peaks_in_spring(circulation):
    """Do gardening books go out at least twice as often in March-May as in October-January?"""
    garden = monthly_totals(circulation, "Gardening 635")
    ratio = garden[[3, 4, 5]].mean() / garden[[10, 11, 12, 1]].mean()
    assert ratio >= 2, f"spring / winter = {ratio:.2f}"


def test_cooking_peaks_in_november_and_december(circulation):
    """Is cooking's November-December at least 1.25 times its other months, and are they its top two?"""
    cooking = monthly_totals(circulation, "Cooking & food 641")
    ratio = cooking[[11, 12]].mean() / cooking.drop([11, 12]).mean()
    assert ratio >= 1.25, f"holiday / rest = {ratio:.2f}"
    assert set(cooking.nlargest(2).index) == {11, 12}, cooking.nlargest(2).to_dict()


def test_summer_reading_lifts_picture_books_and_graphic_novels(circulation):
    """Do picture books and graphic novels lend at least 1.25 times more in June-July than September-May?"""
    for subject in ["Picture books", "Graphic novels"]:
        monthly = monthly_totals(circulation, subject)
        ratio = monthly[[6, 7]].mean() / monthly.drop([6, 7, 8]).mean()
        assert ratio >= 1.25, f"{subject}: summer / school year = {ratio:.2f}"


def test_fitness_books_peak_in_january(circulation):
    """Is January the busiest month for health & fitness (New Year's resolutions)?"""
    fitness = monthly_totals(circulation, "Health & fitness 613")
    assert fitness.idxmax() == 1, fitness.to_dict()


def test_fernvale_lends_least_and_leans_to_gardening(world):
    """Is Fernvale the smallest lender (under 8% of checkouts) with a larger gardening share than the system?"""
    table = world["circulation_by_subject"]
    by_branch = table.groupby("branch_id").checkouts.sum()
    assert by_branch.idxmin() == "FER" and by_branch["FER"] < 0.08 * by_branch.sum(), by_branch.to_dict()
    share = table[table.subject.eq("Gardening 635")].groupby("branch_id").checkouts.sum() / by_branch
    system = table.loc[table.subject.eq("Gardening 635"), "checkouts"].sum() / by_branch.sum()
    assert share["FER"] > 1.4 * system, f"Fernvale {share['FER']:.3f} vs system {system:.3f}"
