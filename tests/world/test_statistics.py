"""Is monthly_stats consistent with program_sessions, calibrated to the PLS, and wrong only in the documented ways?"""
import pandas as pd
import pytest

from autograder.world.common import BRANCH_IDS, branch_id_from_spelling
from autograder.world.files import DATASETS, to_csv_text
from autograder.world.registry import stream
from autograder.world.statistics import clean_monthly_stats, deliberate_errors, generate

COLUMNS = ["branch_id", "month", "fiscal_year", "visits", "programs_held", "program_attendance", "circulation",
           "computer_sessions", "wifi_sessions", "reference_questions", "active_cardholders"]
COUNTS = COLUMNS[3:]
KEY = ["branch_id", "month"]
ERROR_KINDS = {"extra trailing zero": 5, "cumulative cardholders": 2, "not reported (-1)": 2, "missing row": 1,
               "duplicated row": 1}


@pytest.fixture(scope="module")
def stats(world) -> pd.DataFrame:
    return world["monthly_stats"]


@pytest.fixture(scope="module")
def errors(world) -> pd.DataFrame:
    return deliberate_errors(world)


@pytest.fixture(scope="module")
def clean(world) -> pd.DataFrame:
    return clean_monthly_stats(world)


@pytest.fixture(scope="module")
def yearly(clean) -> pd.DataFrame:
    return clean.groupby("fiscal_year")[COUNTS].sum()


def test_schema_and_size(stats):
    """Has monthly_stats the contract's columns in order, 144 rows and 143 distinct branch-months?"""
    assert list(stats.columns) == COLUMNS
    assert len(stats) == 144
    assert len(stats.drop_duplicates(KEY)) == 143
    assert set(stats.branch_id) == set(BRANCH_IDS)
    months = pd.period_range("2023-07", "2025-06", freq="M").strftime("%Y-%m")
    assert set(stats.month) == set(months)
    fiscal = pd.to_datetime(stats.month).dt.year + (pd.to_datetime(stats.month).dt.month >= 7)
    assert (fiscal == stats.fiscal_year).all()
    assert all(pd.api.types.is_integer_dtype(stats[c]) for c in COUNTS), stats.dtypes.to_dict()


def test_the_generator_rebuilds_the_committed_file_from_the_committed_inputs(world, stats):
    """Does generate() on the committed CSVs give this very file, so deliberate_errors() describes it?"""
    rebuilt = generate(stream("statistics"), world)["monthly_stats"]
    assert to_csv_text(rebuilt) == (DATASETS / "monthly_stats.csv").read_text(encoding="utf-8")


def test_the_error_list_has_the_documented_kinds_and_counts(errors):
    """Does deliberate_errors() list 5 extra zeros, 2 cumulative counts, 2 -1 codes, 1 missing and 1 duplicated row?"""
    assert errors.kind.value_counts().to_dict() == ERROR_KINDS
    cells = errors.dropna(subset=["column"])
    assert not cells.duplicated(KEY + ["column"]).any()
    zeros = cells[cells.kind == "extra trailing zero"]
    assert (zeros.recorded_value == zeros.true_value * 10).all()
    assert (cells[cells.kind == "not reported (-1)"].recorded_value == -1).all()
    cumulative = cells[cells.kind == "cumulative cardholders"]
    assert (cumulative.column == "active_cardholders").all() and cumulative.branch_id.nunique() == 1
    assert (cumulative.recorded_value > 2 * cumulative.true_value).all()
    assert pd.PeriodIndex(cumulative.month, freq="M").sort_values().asi8.tolist() == list(
        range(pd.Period(cumulative.month.min(), "M").ordinal, pd.Period(cumulative.month.min(), "M").ordinal + 2))


def test_each_listed_error_is_in_the_csv(stats, errors):
    """Does each listed cell hold its recorded value, the missing report lack a row, the duplicate appear twice?"""
    by_key = stats.groupby(KEY).size()
    for error in errors.itertuples():
        key = (error.branch_id, error.month)
        if error.kind == "missing row":
            assert key not in by_key.index, key
        elif error.kind == "duplicated row":
            assert by_key[key] == 2, key
            assert stats[(stats.branch_id == key[0]) & (stats.month == key[1])].duplicated(keep=False).all()
        else:
            row = stats[(stats.branch_id == key[0]) & (stats.month == key[1])]
            assert row[error.column].tolist() == [error.recorded_value], (key, error.column)


def test_nothing_else_differs_from_the_clean_report(stats, clean, errors):
    """Apart from the listed errors, does every filed value equal the clean value?"""
    filed = stats.drop_duplicates(KEY).set_index(KEY)
    truth = clean.set_index(KEY).loc[filed.index]
    differs = filed[COUNTS].ne(truth[COUNTS]).stack()
    found = {(b, m, c) for (b, m, c), wrong in differs.items() if wrong}
    listed = {(e.branch_id, e.month, e.column) for e in errors.dropna(subset=["column"]).itertuples()}
    assert found == listed, f"unlisted: {found - listed}; not found: {listed - found}"


def test_no_stray_codes_or_negative_counts(stats, errors):
    """Are the only negative values the two documented -1 codes?"""
    negatives = (stats[COUNTS] < 0).to_numpy().sum()
    assert negatives == ERROR_KINDS["not reported (-1)"], negatives
    assert stats[COUNTS].notna().all().all()


def test_program_columns_match_program_sessions(world, clean):
    """Are programs_held and program_attendance the held sessions and their recorded attendance per branch-month,
    with unrecorded attendance adding nothing?"""
    sessions = world["program_sessions"]
    held = sessions[sessions.status == "held"].assign(branch_id=lambda s: branch_id_from_spelling(s.branch),
                                                      month=lambda s: s.date.str[:7])
    expected = held.groupby(KEY).agg(programs_held=("session_id", "size"), program_attendance=("attendance", "sum"))
    got = clean.set_index(KEY)[["programs_held", "program_attendance"]]
    expected = expected.reindex(got.index, fill_value=0).astype(int)
    pd.testing.assert_frame_equal(got, expected, check_dtype=False)


def test_visits_per_resident_and_checkouts_per_visit(world, yearly):
    """Are there ~3 visits per resident (national 4.2 before the pandemic, urban visits ~35% lower in 2023) and
    ~2.3 checkouts per visit (PLS top visit quintile medians 352k / 154k)? FACTS.md, IMLS Public Libraries Survey."""
    residents = world["community_tracts"].population.sum()
    per_resident = yearly.visits / residents
    assert per_resident.between(2.6, 3.4).all(), per_resident.to_dict()
    per_visit = yearly.circulation / yearly.visits
    assert per_visit.between(2.0, 2.6).all(), per_visit.to_dict()


def test_programs_per_thousand_visits_sit_in_the_pls_range(yearly):
    """Are programs per 1,000 visits inside the FY2022 interquartile range 3.8-14.5 (FACTS.md, IMLS PLS)?"""
    rate = yearly.programs_held / yearly.visits * 1000
    assert rate.between(3.8, 14.5).all(), rate.to_dict()


def test_circulation_exceeds_the_tracked_subjects(world, clean):
    """Is each branch-month's circulation more than its twelve tracked subjects in circulation_by_subject?"""
    subjects = world["circulation_by_subject"].groupby(KEY).checkouts.sum()
    assert (clean.set_index(KEY).circulation > subjects.reindex(clean.set_index(KEY).index)).all()


def test_active_cardholders_average_to_cardholders_by_tract(world, clean):
    """Do a fiscal year's monthly active cardholders average, within 1%, to the year's count for the tracts
    nearest the branch?"""
    tracts = world["cardholders_by_tract"].merge(world["community_tracts"][["tract_id", "nearest_branch_id"]])
    annual = tracts.groupby(["nearest_branch_id", "fiscal_year"]).active_cardholders.sum()
    annual.index.names = ["branch_id", "fiscal_year"]
    mean = clean.groupby(["branch_id", "fiscal_year"]).active_cardholders.mean()
    gap = (mean / annual.reindex(mean.index) - 1).abs()
    assert (gap < 0.01).all(), gap.to_dict()


def test_fernvale_is_the_smallest_branch(clean):
    """Is Fernvale, small and rural, the branch with the fewest visits and programs?"""
    totals = clean.groupby("branch_id")[["visits", "programs_held", "circulation"]].sum()
    assert (totals.idxmin() == "FER").all(), totals


def test_datasheet_lists_every_error(errors):
    """Does the datasheet list each deliberate error, cell by cell?"""
    sheet = (DATASETS / "datasheets" / "monthly_stats.md").read_text(encoding="utf-8")
    lines = sheet.splitlines()
    for error in errors.itertuples():
        row = f"| {error.kind} | {error.branch_id} | {error.month} |"
        assert any(line.startswith(row) for line in lines), row


def test_a_quiet_month_extra_zero_is_under_ten_but_over_three_times_its_branch_median(stats, errors):
    """Is one extra zero in reference_questions between 3 and 10 times its branch's median (module 09 Q11: a rule of
    ten times the median misses it, the module's rule of three finds it), and every other month under 2 times?"""
    reports = stats.drop_duplicates()
    reported = reports.reference_questions.where(reports.reference_questions != -1)
    ratio = reported / reported.groupby(reports.branch_id).transform("median")
    zeros = errors[(errors.kind == "extra trailing zero") & (errors.column == "reference_questions")]
    slips = reports.set_index(KEY).index.isin(list(zip(zeros.branch_id, zeros.month)))
    assert ratio[slips].between(3, 10).sum() == 1 and (ratio[slips] >= 3).all(), ratio[slips]
    assert (ratio[~slips].dropna() < 2).all()
