"""Does peer_libraries look like the PLS, follow its published shapes, and hold Wrenfield's true FY2025 row?"""
import numpy as np
import pandas as pd
import pytest

from autograder.world.statistics import clean_monthly_stats

COLUMNS = ["FSCSKEY", "LIBNAME", "STABR", "LOCALE_ADD", "POPU_LSA", "CENTLIB", "BRANLIB", "VISITS", "REGBOR",
           "TOTCIR", "TOTPRO", "K0_5PRO", "K6_11PRO", "YAPRO", "ADULTPRO", "GENPRO", "ONPRO", "OFFPRO", "VIRPRO",
           "TOTATTEN", "K0_5ATTEN", "K6_11ATTEN", "YAATTEN", "ADULTATTEN", "GENATTEN", "TOTSTAFF", "MASTER",
           "LOCGVT", "STGVT", "FEDGVT", "OTHINCM", "TOTINCM", "SALARIES", "BENEFIT", "STAFFEXP", "TOTEXPCO",
           "TOTOPEXP"]
AUDIENCES = ["K0_5", "K6_11", "YA", "ADULT", "GEN"]
PRO_PARTS = [f"{a}PRO" for a in AUDIENCES]
ATTEN_PARTS = [f"{a}ATTEN" for a in AUDIENCES]
FORMAT_PARTS = ["ONPRO", "OFFPRO", "VIRPRO"]
PROGRAM_FIELDS = ["TOTPRO", *PRO_PARTS, *FORMAT_PARTS, "TOTATTEN", *ATTEN_PARTS]
SERVICE_FIELDS = ["VISITS", "REGBOR", "TOTCIR", *PROGRAM_FIELDS]
INCOME_PARTS = ["LOCGVT", "STGVT", "FEDGVT", "OTHINCM"]
LOCALES = {11, 12, 13, 21, 22, 23, 31, 32, 33, 41, 42, 43}
BAND = (100_000, 150_000)
WRENFIELD = "ZZ0000"


@pytest.fixture(scope="module")
def peers(world):
    """Every row except Wrenfield's."""
    table = world["peer_libraries"]
    return table[table.FSCSKEY.ne(WRENFIELD)]


@pytest.fixture(scope="module")
def national(peers):
    """The peers drawn to national shapes: everyone outside the over-sampled 100,000-150,000 band."""
    return peers[~peers.POPU_LSA.between(*BAND)]


@pytest.fixture(scope="module")
def wrenfield(world):
    """Wrenfield's own row, as a Series."""
    table = world["peer_libraries"]
    return table[table.FSCSKEY.eq(WRENFIELD)].iloc[0]


def reported(table: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """Rows where every one of the columns holds a real value (no PLS code)."""
    return table[(table[columns] >= 0).all(axis=1)]


def test_the_table_has_the_pls_columns_and_500_unique_systems(world):
    """Has peer_libraries the contract's PLS columns, 500 rows and unique keys and names?"""
    table = world["peer_libraries"]
    assert list(table.columns) == COLUMNS
    assert len(table) == 500, len(table)
    assert table.FSCSKEY.is_unique and table.LIBNAME.is_unique
    assert table.FSCSKEY.str.fullmatch(r"ZZ\d{4}").all()
    assert table.STABR.str.fullmatch(r"[A-Z]{2}").all()
    assert set(table.LOCALE_ADD) <= LOCALES, set(table.LOCALE_ADD) - LOCALES


def test_counts_and_dollars_are_whole_numbers_and_fte_are_floats(world):
    """Are all counts and dollars integers, FTE floats, and MASTER never above TOTSTAFF?"""
    table = world["peer_libraries"]
    whole = [c for c in COLUMNS if c not in {"FSCSKEY", "LIBNAME", "STABR", "TOTSTAFF", "MASTER"}]
    not_int = [c for c in whole if table[c].dtype.kind != "i"]
    assert not not_int, not_int
    assert table.TOTSTAFF.dtype.kind == "f" and table.MASTER.dtype.kind == "f"
    assert (table.TOTSTAFF > 0).all() and (table.MASTER >= 0).all()
    assert (table.MASTER <= table.TOTSTAFF).all()
    assert table.CENTLIB.eq(1).all() and (table.BRANLIB >= 0).all()


def test_the_only_negative_values_are_pls_codes_in_their_planned_places(world):
    """Are -1 only in program fields and VISITS, -3 only in service fields, -4 only in REGBOR, -9 only in SALARIES,
    BENEFIT and STAFFEXP, and nothing else below zero?"""
    table = world["peer_libraries"].select_dtypes("number")
    negative = table < 0
    assert set(np.unique(table.to_numpy()[negative.to_numpy()])) == {-1, -3, -4, -9}
    assert set(table.columns[(table == -1).any()]) <= set(PROGRAM_FIELDS) | {"VISITS"}
    assert set(table.columns[(table == -3).any()]) <= set(SERVICE_FIELDS)
    assert set(table.columns[(table == -4).any()]) == {"REGBOR"}
    assert set(table.columns[(table == -9).any()]) == {"SALARIES", "BENEFIT", "STAFFEXP"}


def test_not_reported_cells_are_a_few_percent_of_program_fields(world):
    """Are -1 codes 1.5-3% of program and attendance cells, with 19 no-attendance rows and 12 no-format rows?"""
    table = world["peer_libraries"]
    share = (table[PROGRAM_FIELDS] == -1).to_numpy().mean()
    assert 0.015 <= share <= 0.03, f"{share:.2%} of program cells are -1"
    no_attendance = (table[["TOTATTEN", *ATTEN_PARTS]] == -1).all(axis=1).sum()
    no_format = (table[FORMAT_PARTS] == -1).all(axis=1).sum()
    assert no_attendance == 19 and no_format == 12, (no_attendance, no_format)
    assert (table.VISITS == -1).sum() == 2 and (table.REGBOR == -4).sum() == 9


def test_a_handful_of_systems_are_temporarily_closed(world):
    """Are exactly 4 rows coded -3 in every service field and nowhere else?"""
    table = world["peer_libraries"]
    closed = (table[SERVICE_FIELDS] == -3).all(axis=1)
    assert closed.sum() == 4, closed.sum()
    assert ((table[SERVICE_FIELDS] == -3).any(axis=1) == closed).all()


def test_a_few_salaries_are_suppressed_in_tiny_libraries(world):
    """Are SALARIES, BENEFIT and STAFFEXP -9 together in 5 rows, all with 2 FTE or fewer, TOTOPEXP still reported
    (as the public-use files suppress them; IMLS PLS public-use files instructions, FY2017)?"""
    table = world["peer_libraries"]
    suppressed = table[table.SALARIES.eq(-9)]
    assert len(suppressed) == 5 and suppressed.BENEFIT.eq(-9).all() and suppressed.STAFFEXP.eq(-9).all()
    assert table.BENEFIT.eq(-9).sum() == 5 and table.STAFFEXP.eq(-9).sum() == 5
    assert (suppressed.TOTSTAFF <= 2).all() and (suppressed.TOTOPEXP > 0).all()


def test_program_totals_equal_their_audience_and_format_parts_where_reported(world):
    """Where every part is reported, is TOTPRO the sum of the audience fields and of ON/OFF/VIRPRO?"""
    table = world["peer_libraries"]
    by_audience = reported(table, ["TOTPRO", *PRO_PARTS])
    assert (by_audience[PRO_PARTS].sum(axis=1) == by_audience.TOTPRO).all()
    by_format = reported(table, ["TOTPRO", *FORMAT_PARTS])
    assert (by_format[FORMAT_PARTS].sum(axis=1) == by_format.TOTPRO).all()
    assert len(by_audience) > 450 and len(by_format) > 450, (len(by_audience), len(by_format))


def test_attendance_money_and_staff_totals_equal_their_parts_where_reported(world):
    """Where reported, is TOTATTEN the sum of its audiences, TOTINCM of its sources, STAFFEXP = SALARIES + BENEFIT?"""
    table = world["peer_libraries"]
    attendance = reported(table, ["TOTATTEN", *ATTEN_PARTS])
    assert (attendance[ATTEN_PARTS].sum(axis=1) == attendance.TOTATTEN).all()
    assert (table[INCOME_PARTS].sum(axis=1) == table.TOTINCM).all()
    staff = reported(table, ["SALARIES", "BENEFIT"])
    assert (staff.SALARIES + staff.BENEFIT == staff.STAFFEXP).all()
    assert (table.STAFFEXP + table.TOTEXPCO <= table.TOTOPEXP).all()


def test_parts_never_exceed_their_total_where_some_are_missing(world):
    """Where one audience part is -1, do the reported parts still add up to no more than the total?"""
    table = world["peer_libraries"]
    partial = table[(table[PRO_PARTS] == -1).any(axis=1) & (table.TOTPRO >= 0)]
    assert len(partial) > 0
    assert (partial[PRO_PARTS].clip(lower=0).sum(axis=1) <= partial.TOTPRO).all()


def test_most_national_rows_serve_25000_people_or_fewer(national):
    """Do 72-82% of national-shaped rows serve 25,000 or fewer, near the published 77.1% (IMLS 2013; FACTS.md)?"""
    share = (national.POPU_LSA <= 25_000).mean()
    assert 0.72 <= share <= 0.82, f"{share:.1%}"


def test_program_counts_follow_the_fy2022_per_system_shape(national):
    """Do national rows have a median near 156 programs, p10 near 13 and p90 near 802 (FY2022 PLS extract; FACTS.md)?"""
    programs = national.TOTPRO[national.TOTPRO >= 0]
    p10, p50, p90 = programs.quantile([0.1, 0.5, 0.9])
    assert 125 <= p50 <= 190, f"median {p50}"
    assert 6 <= p10 <= 26, f"p10 {p10}"
    assert 600 <= p90 <= 1_000, f"p90 {p90}"


def test_visits_and_programs_per_1000_visits_sit_near_the_published_medians(national):
    """Are median visits within 20% of 17,500 and median programs per 1,000 visits 6-10 (published 7.3; FACTS.md)?"""
    rows = reported(national, ["VISITS", "TOTPRO"])
    visits = rows.VISITS.median()
    ratio = (1000 * rows.TOTPRO / rows.VISITS).median()
    assert abs(visits / 17_500 - 1) <= 0.2, f"median visits {visits}"
    assert 6 <= ratio <= 10, f"median programs per 1,000 visits {ratio:.1f}"


def test_visit_quintile_medians_follow_the_published_ones(national):
    """Are medians of visits, programs and circulation by visit quintile within 35% of FY2022's (FACTS.md)?"""
    published = pd.DataFrame({"VISITS": [2_200, 7_300, 19_000, 48_000, 154_000],
                              "TOTPRO": [31, 86, 162, 288, 690],
                              "TOTCIR": [3_700, 13_500, 33_000, 86_000, 352_000]})
    rows = reported(national, ["VISITS", "TOTPRO", "TOTCIR"])
    found = rows.groupby(pd.qcut(rows.VISITS, 5, labels=False))[["VISITS", "TOTPRO", "TOTCIR"]].median()
    ratio = found / published
    assert ((ratio > 0.65) & (ratio < 1.35)).all().all(), ratio.round(2)


def test_spending_per_resident_follows_locale(peers):
    """Is median spending per resident within 15% of IMLS's city $43.09, suburb $42.04, town $29.33, rural $30.17?

    Source: IMLS FY2017 (FACTS.md, "IMLS Public Libraries Survey")."""
    published = {1: 43.09, 2: 42.04, 3: 29.33, 4: 30.17}
    per_capita = (peers.TOTOPEXP / peers.POPU_LSA).groupby(peers.LOCALE_ADD // 10).median()
    for group, value in published.items():
        assert abs(per_capita[group] / value - 1) <= 0.15, f"locale {group}x: ${per_capita[group]:.2f}"


def test_registered_borrowers_and_local_funding_shares(peers):
    """Is the median registered share 50-60% (national 55%; FACTS.md) and local money 80-86% (unverified)?"""
    rows = peers[peers.REGBOR >= 0]
    registered = (rows.REGBOR / rows.POPU_LSA).median()
    local = (peers.LOCGVT / peers.TOTINCM).median()
    assert 0.50 <= registered <= 0.60, f"{registered:.1%}"
    assert 0.80 <= local <= 0.86, f"{local:.1%}"


def test_attendance_per_program_is_near_the_national_21(peers):
    """Do reporting peers average 17-26 attendees per program (national 118M / 5.6M = 21, FY2017; FACTS.md)?"""
    rows = reported(peers, ["TOTPRO", "TOTATTEN"])
    per_program = rows.TOTATTEN.sum() / rows.TOTPRO.sum()
    assert 17 <= per_program <= 26, f"{per_program:.1f}"


def test_many_peers_match_wrenfield_in_size_and_locale(peers):
    """Are there at least 50 peers of 100,000-150,000 people, at least 30 of them suburban?"""
    band = peers[peers.POPU_LSA.between(*BAND)]
    suburban = band.LOCALE_ADD.between(21, 23).sum()
    assert len(band) >= 50 and suburban >= 30, (len(band), suburban)


def test_wrenfield_row_matches_places_people_and_community(world, wrenfield):
    """Does Wrenfield's row take its name, population, outlets, locale, cardholders and staff from the other tables?"""
    branches, staff, tracts = world["branches"], world["staff"], world["community_tracts"]
    cards = world["cardholders_by_tract"]
    assert wrenfield.LIBNAME == "Wrenfield County Public Library"
    assert wrenfield.POPU_LSA == tracts.population.sum()
    assert wrenfield.CENTLIB == 1 and wrenfield.BRANLIB == len(branches) - 1
    assert wrenfield.LOCALE_ADD == branches.set_index("branch_id").locale_code["CEN"]
    assert wrenfield.REGBOR == cards.loc[cards.fiscal_year.eq(2025), "active_cardholders"].sum()
    assert np.isclose(wrenfield.TOTSTAFF, staff.fte.sum())
    pay = staff.hourly_wage * staff.fte * 2080
    assert abs(wrenfield.SALARIES - pay.sum()) <= 1
    assert abs(wrenfield.BENEFIT - (pay * staff.benefits_rate).sum()) <= 1
    assert (wrenfield[PROGRAM_FIELDS + INCOME_PARTS + ["SALARIES", "BENEFIT"]] >= 0).all()


def test_wrenfield_programs_are_fy2025_held_sessions_counted_the_pls_way(world, wrenfield):
    """Are Wrenfield's program fields FY2025 held sessions by pls_audience and format (hybrid on site), as recorded?"""
    sessions = world["program_sessions"]
    held = sessions[sessions.fiscal_year.eq(2025) & sessions.status.eq("held")]
    assert wrenfield.TOTPRO == len(held)
    assert wrenfield.TOTATTEN == held.attendance.sum()
    for audience in AUDIENCES:
        rows = held[held.pls_audience.eq(audience)]
        assert wrenfield[f"{audience}PRO"] == len(rows), audience
        assert wrenfield[f"{audience}ATTEN"] == rows.attendance.sum(), audience
    formats = held.format.value_counts()
    assert wrenfield.ONPRO == formats["on site"] + formats.get("hybrid", 0)
    assert wrenfield.OFFPRO == formats["off site"] and wrenfield.VIRPRO == formats["virtual"]


def test_wrenfield_money_matches_fy2025_revenue(world, wrenfield):
    """Do Wrenfield's revenue fields equal FY2025 revenue by source (Friends, grants, fines in OTHINCM)?"""
    revenue = world["revenue"]
    amounts = revenue[revenue.fiscal_year.eq(2025)].set_index("source").amount
    assert abs(wrenfield.LOCGVT - amounts["local government"]) <= 1
    assert abs(wrenfield.STGVT - amounts["state government"]) <= 1
    assert abs(wrenfield.FEDGVT - amounts["federal government"]) <= 1
    assert abs(wrenfield.TOTINCM - amounts.sum()) <= 4
    assert 0.95 * wrenfield.TOTINCM <= wrenfield.TOTOPEXP <= wrenfield.TOTINCM


def test_wrenfield_visits_and_circulation_match_the_true_monthly_stats(world, wrenfield):
    """Are Wrenfield's VISITS and TOTCIR within 1% of the true FY2025 monthly_stats, and above subject checkouts?"""
    clean = clean_monthly_stats(world)
    fy2025 = clean[clean.fiscal_year.eq(2025)]
    for field, column in [("VISITS", "visits"), ("TOTCIR", "circulation")]:
        true = fy2025[column].sum()
        assert abs(wrenfield[field] / true - 1) <= 0.01, f"{field} {wrenfield[field]} vs {true}"
    subjects = world["circulation_by_subject"]
    assert wrenfield.TOTCIR > subjects.loc[subjects.fiscal_year.eq(2025), "checkouts"].sum()


@pytest.fixture(scope="module")
def peer_set(peers):
    """Module 01's peers: 100,000-150,000 people in locales 12, 13, 21 and 22."""
    return peers[peers.POPU_LSA.between(*BAND) & peers.LOCALE_ADD.isin([12, 13, 21, 22])]


def four_rates(table: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({"visits": table.VISITS / table.POPU_LSA, "programs": table.TOTPRO / table.POPU_LSA * 1000,
                         "attendance": table.TOTATTEN / table.TOTPRO, "spending": table.TOTOPEXP / table.POPU_LSA})


def test_systems_of_wrenfields_size_are_believable(peers):
    """Do systems of 100,000-150,000 people make 0.5-10 visits per resident, run 1-40 programs per 1,000 residents
    and draw 5-60 people per program, as large real systems do (not the 40 visits a national spread would give)?"""
    band = peers[peers.POPU_LSA.between(*BAND)]
    rates = four_rates(band.mask(band.isin([-1, -3, -4, -9])))
    assert rates.visits.dropna().between(0.5, 10).all(), rates.visits.describe()
    assert rates.programs.dropna().between(1, 40).all(), rates.programs.describe()
    assert rates.attendance.dropna().between(5, 60).all(), rates.attendance.describe()


def test_the_peer_set_holds_codes_that_change_its_medians(peer_set):
    """Do 8 or more of module 01's peers carry a code (-1 attendance or visits, -4 registered borrowers), so that
    treating codes as numbers, as zeros, or dropping the libraries that have one moves the peer medians?"""
    coded = (peer_set.select_dtypes("number") < 0).any(axis=1)
    assert coded.sum() >= 8 and (peer_set.REGBOR == -4).sum() >= 2
    clean = four_rates(peer_set.mask(peer_set.isin([-1, -3, -4, -9]))).median()
    as_numbers = four_rates(peer_set).median()
    as_zeros = four_rates(peer_set.mask(peer_set.isin([-1, -3, -4, -9]), 0)).median()
    dropped = four_rates(peer_set[~coded]).median()
    for wrong in (as_numbers, as_zeros, dropped):
        assert (wrong - clean).abs().max() > 0.01, (wrong, clean)
