"""Peer library systems in the style of the IMLS Public Libraries Survey, with Wrenfield's own FY2025 row."""
from __future__ import annotations

from statistics import NormalDist  # the standard library, not autograder.world.statistics

import numpy as np
import pandas as pd

from autograder.world.common import weighted_choice

COLUMNS = ["FSCSKEY", "LIBNAME", "STABR", "LOCALE_ADD", "POPU_LSA", "CENTLIB", "BRANLIB", "VISITS", "REGBOR",
           "TOTCIR", "TOTPRO", "K0_5PRO", "K6_11PRO", "YAPRO", "ADULTPRO", "GENPRO", "ONPRO", "OFFPRO", "VIRPRO",
           "TOTATTEN", "K0_5ATTEN", "K6_11ATTEN", "YAATTEN", "ADULTATTEN", "GENATTEN", "TOTSTAFF", "MASTER",
           "LOCGVT", "STGVT", "FEDGVT", "OTHINCM", "TOTINCM", "SALARIES", "BENEFIT", "STAFFEXP", "TOTEXPCO",
           "TOTOPEXP"]
AUDIENCES = ["K0_5", "K6_11", "YA", "ADULT", "GEN"]
PRO_BY_AUDIENCE = [f"{a}PRO" for a in AUDIENCES]
ATTEN_BY_AUDIENCE = [f"{a}ATTEN" for a in AUDIENCES]
PRO_BY_FORMAT = ["ONPRO", "OFFPRO", "VIRPRO"]
INCOME_SOURCES = ["LOCGVT", "STGVT", "FEDGVT", "OTHINCM"]
SERVICE_FIELDS = ["VISITS", "REGBOR", "TOTCIR", "TOTPRO", *PRO_BY_AUDIENCE, *PRO_BY_FORMAT, "TOTATTEN",
                  *ATTEN_BY_AUDIENCE]

# PLS missing-value codes (FACTS.md, "IMLS Public Libraries Survey": -1 not reported, -3 temporarily closed,
# -9 suppressed; and -4 not applicable, used in the files since FY2017: IMLS, PLS public-use files
# instructions, FY2017 and FY2024, Appendix A).
NOT_REPORTED, CLOSED, NOT_APPLICABLE, SUPPRESSED = -1, -3, -4, -9

# ---- who is in the file --------------------------------------------------------------------------
PEER_COUNT = 499                 # plus Wrenfield = 500 rows (contract: ~500)
BAND = (100_000, 150_000)        # Wrenfield's size class, over-sampled so benchmarking works (contract)
BAND_PEERS = 60                  # a national sample of 500 would hold only about 15 systems this size
# Service-area population, lognormal: 77.1% of systems serve 25,000 people or fewer (IMLS brief 2013,
# FACTS.md). The median of 8,500 is an assumption; the spread is solved from the 77.1%.
POPULATION_MEDIAN = 8_500
POPULATION_UNDER_25K = 0.771
POPULATION_FLOOR = 150

# ---- activity (FY2022 per-system figures from a cleaned public extract, FACTS.md "IMLS PLS") --------
VISITS_MEDIAN = 17_500           # median visits per system, at the median population
VISITS_POPULATION_ELASTICITY = 1.04  # assumption, with the spread below tuned so the visit-quintile
VISITS_PER_CAPITA_SPREAD = 0.8       # medians 2.2k / 7.3k / 19k / 48k / 154k come out close
PROGRAMS_AT_MEDIAN_VISITS = 165  # scale of the programs line; gives a median near 156 once the tail pulls
PROGRAMS_VISITS_ELASTICITY = 0.7  # busier systems run fewer programs per visit: the quintile medians fall
                                  # from 14 (Q1: 31 / 2.2k) to 4.5 (Q5: 690 / 154k) per 1,000 visits
PROGRAMS_SPREAD = 0.4            # lognormal sigma around that line ...
PROGRAMS_LOW_TAIL = 1.2          # ... plus an exponential pull-down: some small libraries run almost none
                                 # (p10 13 sits much further below the median 156 than p90 802 above it)
CIRCULATION_PER_VISIT = 1.75     # quintile medians give 1.7-2.3 checkouts per visit ...
CIRCULATION_VISITS_ELASTICITY = 1.1  # ... rising in the busiest systems
CIRCULATION_SPREAD = 0.45        # assumption
REGISTERED_SHARE = 0.55          # 172M registered users of 312M people (FY2017, FACTS.md)
REGISTERED_SPREAD = 0.35         # assumption; small libraries often register more than their population
# Shares of programs by PLS audience and format, and attendance per program by audience (assumptions,
# set so attendance averages about 21 per program as nationally in FY2017: 118M / 5.6M, FACTS.md).
AUDIENCE_SHARE = {"K0_5": 0.30, "K6_11": 0.20, "YA": 0.09, "ADULT": 0.31, "GEN": 0.10}
AUDIENCE_CONCENTRATION = 30
FORMAT_SHARE = {"ONPRO": 0.82, "OFFPRO": 0.11, "VIRPRO": 0.07}
FORMAT_CONCENTRATION = 20
ATTENDANCE_PER_PROGRAM = {"K0_5": 22, "K6_11": 24, "YA": 11, "ADULT": 13, "GEN": 40}
ATTENDANCE_LIBRARY_SPREAD = 0.35
ATTENDANCE_AUDIENCE_SPREAD = 0.2
# Systems of Wrenfield's size vary far less than the whole file: the national spreads above would give a
# 120,000-person system 40 visits per resident or 110 programs per 1,000 residents, which no librarian would
# believe. Within the band: narrower spreads and almost no pull toward "no programs" (assumptions), so that
# visits per resident run about 1-5 and programs per 1,000 residents about 4-30.
BAND_VISITS_SPREAD = 0.35
BAND_CIRCULATION_SPREAD = 0.3
BAND_PROGRAMS_SPREAD = 0.35
BAND_PROGRAMS_LOW_TAIL = 0.25
BAND_ATTENDANCE_LIBRARY_SPREAD = 0.25

# ---- money and staff ----------------------------------------------------------------------------
# Operating spending per resident by locale (IMLS FY2017, FACTS.md): city $43.09, suburb $42.04,
# town $29.33, rural $30.17. Used as the median of each group, lognormal spread 0.4 (assumption).
SPENDING_PER_CAPITA = {1: 43.09, 2: 42.04, 3: 29.33, 4: 30.17}
SPENDING_SPREAD = 0.4
REVENUE_OVER_SPENDING = (0.02, 0.04)  # revenue a little above spending: lognormal (mean, sigma) (assumption)
# Revenue shares: local ~80-85% is FACTS.md's *unverified* figure, used as an assumption; the rest assumptions.
INCOME_SHARE = {"LOCGVT": 0.83, "STGVT": 0.07, "FEDGVT": 0.01, "OTHINCM": 0.09}
INCOME_CONCENTRATION = 25
NO_FEDERAL_MONEY = 0.6           # most small systems get no federal money in a year (assumption)
SALARY_SHARE = (0.50, 0.06)      # salaries as a share of operating spending: (mean, sd) (assumption)
BENEFIT_RATE = (0.26, 0.07)      # benefits per salary dollar (assumption; staff table averages ~0.31)
COLLECTION_SHARE = (0.11, 0.025)  # collections as a share of spending (assumption)
SALARY_PER_FTE = 42_000          # median salary per paid FTE (assumption), lognormal sigma 0.15
MLS_SHARE = (0.18, 0.35)         # MLS librarians as a share of FTE in systems over 25,000 people (assumption)

# ---- missing-value codes (contract: a few % of program/attendance cells, a handful closed, a few suppressed)
ATTENDANCE_NOT_COUNTED_ROWS = 15  # every attendance field -1
FORMAT_NOT_TRACKED_ROWS = 12      # ONPRO, OFFPRO, VIRPRO -1
SCATTERED_NOT_REPORTED = 36       # single audience cells -1 (programs or attendance)
CLOSED_ROWS = 4                   # every service field -3 (building closed for renovation)
SUPPRESSED_ROWS = 5               # SALARIES, BENEFIT and STAFFEXP -9 (one- or two-person libraries), as the
                                  # public-use files suppress them when paid FTE is 2 or fewer
# Codes in the peer set a benchmarking learner picks (100,000-150,000 people, locales 12, 13, 21, 22), so that
# cleaning them or not changes what the peer medians say. More than a real peer set of large systems would
# hold (assumption, for teaching).
PEER_LOCALES = (12, 13, 21, 22)
PEER_ATTENDANCE_NOT_COUNTED = 4   # TOTATTEN and its parts -1
PEER_VISITS_NOT_REPORTED = 2      # VISITS -1 (door counters out of service)
# REGBOR -4, not applicable: the system's borrowers register in a county-wide card file that another system
# reports (an illustration of the code, which the real files use for items that do not apply to a library).
REGBOR_NOT_APPLICABLE_ROWS = 9    # 3 of them in the peer set
REGBOR_NOT_APPLICABLE_PEERS = 3

# ---- Wrenfield's own row -----------------------------------------------------------------------
WRENFIELD_KEY = "ZZ0000"
WRENFIELD_NAME = "Wrenfield County Public Library"
WRENFIELD_STATE = "IN"  # arbitrary, fits "Local history 977" (north central US) and a local-tax-funded system
WORK_HOURS_PER_FTE = 2080
MLS_ROLES = {"Branch manager", "Adult services librarian", "Youth services librarian", "Teen services librarian",
             "Programming coordinator"}
SPENT_SHARE_OF_REVENUE = 0.985    # Wrenfield spent 98.5% of FY2025 revenue (assumption)
WRENFIELD_COLLECTION_SHARE = 0.115  # assumption, near the peers' 11%
PLS_FORMAT = {"on site": "ONPRO", "hybrid": "ONPRO", "off site": "OFFPRO", "virtual": "VIRPRO"}
REVENUE_FIELD = {"local government": "LOCGVT", "state government": "STGVT", "federal government": "FEDGVT",
                 "friends of the library": "OTHINCM", "foundation and grants": "OTHINCM",
                 "fines, fees and other": "OTHINCM"}
TRAILING_ZERO_FACTOR = 5  # a month more than 5x its branch's median month is an extra-zero slip

# Rough number of library systems by state (assumption, shaped like the PLS: many in NY, IL, IA, TX ...).
STATE_WEIGHTS = {
    "NY": 75, "IL": 62, "TX": 56, "IA": 54, "PA": 45, "MI": 40, "WI": 38, "NJ": 30, "MA": 37, "KS": 32,
    "OH": 25, "IN": 24, "MN": 14, "NE": 27, "CT": 19, "CA": 18, "OK": 11, "ME": 26, "NH": 23, "VT": 18,
    "MO": 15, "GA": 6, "NC": 8, "VA": 9, "WA": 6, "OR": 13, "CO": 11, "KY": 12, "TN": 18, "AL": 22,
}
# NCES locale codes by population band (assumption: rural systems are small, city systems large).
LOCALE_WEIGHTS = [
    (2_500, {43: 30, 42: 40, 41: 5, 33: 15, 32: 8, 31: 2}),
    (10_000, {42: 25, 41: 12, 43: 8, 33: 15, 32: 20, 31: 5, 21: 10, 22: 3, 23: 2}),
    (25_000, {41: 12, 42: 8, 32: 15, 31: 12, 33: 5, 21: 25, 22: 8, 23: 5, 13: 7, 12: 2, 11: 1}),
    (100_000, {21: 35, 22: 8, 23: 4, 13: 20, 12: 8, 11: 3, 31: 10, 32: 5, 41: 7}),
    (np.inf, {21: 50, 22: 10, 23: 4, 13: 12, 12: 10, 11: 12, 41: 2}),
]
NAME_STARTS = ("Ash Bel Birch Brack Cedar Clover Cold Copper Crane Deer Ember Elder Fallow Fern Fox Glen Gorse "
               "Hazel Heron Holly Iron Juniper Kestrel Lark Linden Lynx Maple Marl Merrow Moss North Oaken Otter "
               "Pell Quarry Raven Rook Rush Sable Sedge Silver Sorrel South Stag Stone Tansy Thorn Vale West "
               "Willow Winter Yarrow").split()
NAME_ENDS = "bury dale field ford gate haven hurst leigh mere mont more port ridge stead ton ville wick wood".split()
NAME_PATTERNS = {"{} Public Library": 40, "{} Free Library": 8, "{} District Library": 10, "{} Memorial Library": 8,
                 "{} Township Library": 6, "{} County Public Library": 14, "{} County Library System": 5,
                 "{} Area Library": 5, "{} Regional Library": 4}
RESERVED_PLACES = {"Wrenfield", "Fernvale", "Millbrook", "Oakridge", "Eastgate", "Harbor"}


# ---- peers -----------------------------------------------------------------------------------------

def draw_populations(rng: np.random.Generator) -> np.ndarray:
    """Service-area populations: the national shape outside Wrenfield's band, plus BAND_PEERS inside it."""
    sigma = np.log(25_000 / POPULATION_MEDIAN) / NormalDist().inv_cdf(POPULATION_UNDER_25K)
    draws = np.exp(rng.normal(np.log(POPULATION_MEDIAN), sigma, 3 * PEER_COUNT))
    draws = draws[(draws >= POPULATION_FLOOR) & ((draws < BAND[0]) | (draws > BAND[1]))]
    national = draws[:PEER_COUNT - BAND_PEERS]
    band = np.exp(rng.uniform(np.log(BAND[0]), np.log(BAND[1]), BAND_PEERS))
    return np.round(np.concatenate([national, band])).astype(int)


def draw_locales(rng: np.random.Generator, population: np.ndarray) -> np.ndarray:
    """NCES locale codes, more rural for small systems and more suburban or city for large ones."""
    locale = np.zeros(len(population), dtype=int)
    lower = 0
    for upper, weights in LOCALE_WEIGHTS:
        rows = np.flatnonzero((population >= lower) & (population < upper))
        locale[rows] = weighted_choice(rng, weights, len(rows)).astype(int)
        lower = upper
    return locale


def library_names(rng: np.random.Generator, count: int) -> np.ndarray:
    """Distinct fictional names: an invented place name in a common library-name pattern."""
    places = [s + e for s in NAME_STARTS for e in NAME_ENDS if not any(r in s + e for r in RESERVED_PLACES)]
    places = np.array(places, dtype=object)[rng.choice(len(places), size=count, replace=False)]
    patterns = weighted_choice(rng, NAME_PATTERNS, count)
    return np.array([pattern.format(place) for pattern, place in zip(patterns, places)], dtype=object)


def lognormal_around(rng: np.random.Generator, median, sigma: float) -> np.ndarray:
    """Lognormal values with the given median(s)."""
    median = np.asarray(median, dtype=float)
    return median * np.exp(rng.normal(0, sigma, median.shape))


def draw_activity(rng: np.random.Generator, peers: pd.DataFrame) -> pd.DataFrame:
    """Visits, registered borrowers, circulation and programs by audience and format, attendance by audience."""
    pop = peers.POPU_LSA.to_numpy(dtype=float)
    band = (pop >= BAND[0]) & (pop <= BAND[1])
    typical_visits = VISITS_MEDIAN * (pop / POPULATION_MEDIAN) ** VISITS_POPULATION_ELASTICITY
    visits = lognormal_around(rng, typical_visits, np.where(band, BAND_VISITS_SPREAD, VISITS_PER_CAPITA_SPREAD))
    peers["VISITS"] = np.maximum(np.round(visits, -1), 50).astype(int)
    peers["REGBOR"] = np.round(lognormal_around(rng, REGISTERED_SHARE * pop, REGISTERED_SPREAD)).astype(int)
    circulation = CIRCULATION_PER_VISIT * VISITS_MEDIAN * (visits / VISITS_MEDIAN) ** CIRCULATION_VISITS_ELASTICITY
    peers["TOTCIR"] = np.round(lognormal_around(rng, circulation, np.where(band, BAND_CIRCULATION_SPREAD,
                                                                           CIRCULATION_SPREAD))).astype(int)
    typical = PROGRAMS_AT_MEDIAN_VISITS * (visits / VISITS_MEDIAN) ** PROGRAMS_VISITS_ELASTICITY
    tail = np.where(band, BAND_PROGRAMS_LOW_TAIL, PROGRAMS_LOW_TAIL)
    pull_down = rng.exponential(tail, len(peers)) - tail * np.log(2)
    spread = np.where(band, BAND_PROGRAMS_SPREAD, PROGRAMS_SPREAD)
    programs = typical * np.exp(rng.normal(0, spread, len(peers)) - pull_down)
    peers["TOTPRO"] = np.round(programs).astype(int)
    split_programs(rng, peers)
    draw_attendance(rng, peers)
    return peers


def split_counts(rng: np.random.Generator, totals: np.ndarray, shares: dict, concentration: float) -> np.ndarray:
    """Split each total into parts: library-specific shares (Dirichlet) then a multinomial draw."""
    alpha = concentration * np.array(list(shares.values()))
    library_shares = rng.dirichlet(alpha, len(totals))
    return rng.multinomial(totals, library_shares)


def split_programs(rng: np.random.Generator, peers: pd.DataFrame) -> None:
    """Programs by PLS audience and by format, each adding up to TOTPRO."""
    totals = peers.TOTPRO.to_numpy()
    peers[PRO_BY_AUDIENCE] = split_counts(rng, totals, AUDIENCE_SHARE, AUDIENCE_CONCENTRATION)
    peers[PRO_BY_FORMAT] = split_counts(rng, totals, FORMAT_SHARE, FORMAT_CONCENTRATION)


def draw_attendance(rng: np.random.Generator, peers: pd.DataFrame) -> None:
    """Attendance by audience (programs x a per-program rate) and its total."""
    band = peers.POPU_LSA.between(*BAND).to_numpy()[:, None]
    library = np.exp(rng.normal(0, np.where(band, BAND_ATTENDANCE_LIBRARY_SPREAD, ATTENDANCE_LIBRARY_SPREAD),
                                (len(peers), 1)))
    audience = np.exp(rng.normal(0, ATTENDANCE_AUDIENCE_SPREAD, (len(peers), len(AUDIENCES))))
    rate = np.array([ATTENDANCE_PER_PROGRAM[a] for a in AUDIENCES]) * library * audience
    peers[ATTEN_BY_AUDIENCE] = np.round(peers[PRO_BY_AUDIENCE].to_numpy() * rate).astype(int)
    peers["TOTATTEN"] = peers[ATTEN_BY_AUDIENCE].sum(axis=1)


def draw_money_and_staff(rng: np.random.Generator, peers: pd.DataFrame) -> pd.DataFrame:
    """Operating spending by locale, revenue by source, staff costs, collections, FTE and MLS librarians."""
    n = len(peers)
    per_capita = pd.Series(peers.LOCALE_ADD // 10).map(SPENDING_PER_CAPITA).to_numpy()
    spending = np.round(lognormal_around(rng, per_capita * peers.POPU_LSA.to_numpy(), SPENDING_SPREAD))
    revenue = np.round(spending * rng.lognormal(*REVENUE_OVER_SPENDING, n))
    shares = rng.dirichlet(INCOME_CONCENTRATION * np.array(list(INCOME_SHARE.values())), n)
    shares[rng.random(n) < NO_FEDERAL_MONEY, 2] = 0
    shares /= shares.sum(axis=1, keepdims=True)
    income = np.round(revenue[:, None] * shares[:, :3])
    peers["LOCGVT"], peers["STGVT"], peers["FEDGVT"] = income.T.astype(int)
    peers["OTHINCM"] = (revenue - income.sum(axis=1)).astype(int)
    peers["TOTINCM"] = peers[INCOME_SOURCES].sum(axis=1)
    salary_share = np.clip(rng.normal(*SALARY_SHARE, n), 0.3, 0.65)
    benefit_rate = np.clip(rng.normal(*BENEFIT_RATE, n), 0.05, 0.45)
    collection_share = np.clip(rng.normal(*COLLECTION_SHARE, n), 0.04, 0.2)
    peers["SALARIES"] = np.round(spending * salary_share).astype(int)
    peers["BENEFIT"] = np.round(peers.SALARIES * benefit_rate).astype(int)
    peers["STAFFEXP"] = peers.SALARIES + peers.BENEFIT
    peers["TOTEXPCO"] = np.round(spending * collection_share).astype(int)
    peers["TOTOPEXP"] = spending.astype(int)
    fte = np.maximum(peers.SALARIES / lognormal_around(rng, np.full(n, SALARY_PER_FTE), 0.15), 0.25)
    peers["TOTSTAFF"] = np.round(fte, 2)
    peers["MASTER"] = np.round(mls_librarians(rng, peers.POPU_LSA.to_numpy(), fte), 2)
    return peers


def mls_librarians(rng: np.random.Generator, population: np.ndarray, fte: np.ndarray) -> np.ndarray:
    """MLS librarian FTE: a share of staff in systems over 25,000 people; smaller ones often have none."""
    share_of_staff = fte * rng.uniform(*MLS_SHARE, len(fte))
    has_one = rng.random(len(fte)) < np.clip(population / 25_000, 0.15, 1)
    small = np.where(has_one, np.maximum(np.minimum(1.0, fte), share_of_staff), 0.0)
    return np.where(population >= 25_000, share_of_staff, small)


def draw_peers(rng: np.random.Generator) -> pd.DataFrame:
    """The 499 fictional peer systems with every field reported (codes are added afterwards)."""
    population = draw_populations(rng)
    order = rng.permutation(PEER_COUNT)
    population = population[order]
    peers = pd.DataFrame({
        "FSCSKEY": [f"ZZ{i:04d}" for i in range(1, PEER_COUNT + 1)],
        "LIBNAME": library_names(rng, PEER_COUNT),
        "STABR": weighted_choice(rng, STATE_WEIGHTS, PEER_COUNT),
        "LOCALE_ADD": draw_locales(rng, population),
        "POPU_LSA": population,
        "CENTLIB": 1,
        "BRANLIB": rng.poisson(np.clip((population / 28_000) ** 0.9 - 0.1, 0, None)),
    })
    peers = draw_activity(rng, peers)
    return draw_money_and_staff(rng, peers)


def add_missing_codes(rng: np.random.Generator, peers: pd.DataFrame) -> pd.DataFrame:
    """PLS codes: a few rows closed (-3), blocks and cells not reported (-1), a few salaries suppressed (-9)."""
    coded = peers.copy()
    rows = rng.permutation(len(coded))
    closed, rows = rows[:CLOSED_ROWS], rows[CLOSED_ROWS:]
    coded.loc[closed, SERVICE_FIELDS] = CLOSED
    no_attendance, rows = rows[:ATTENDANCE_NOT_COUNTED_ROWS], rows[ATTENDANCE_NOT_COUNTED_ROWS:]
    coded.loc[no_attendance, ["TOTATTEN", *ATTEN_BY_AUDIENCE]] = NOT_REPORTED
    no_format, rows = rows[:FORMAT_NOT_TRACKED_ROWS], rows[FORMAT_NOT_TRACKED_ROWS:]
    coded.loc[no_format, PRO_BY_FORMAT] = NOT_REPORTED
    scattered, rows = rows[:SCATTERED_NOT_REPORTED], rows[SCATTERED_NOT_REPORTED:]
    fields = np.array(PRO_BY_AUDIENCE + ATTEN_BY_AUDIENCE, dtype=object)
    for row, field in zip(scattered, rng.choice(fields, size=len(scattered))):
        coded.loc[row, field] = NOT_REPORTED
    tiny = [r for r in rows if coded.loc[r, "TOTSTAFF"] <= 2][:SUPPRESSED_ROWS]
    coded.loc[tiny, ["SALARIES", "BENEFIT", "STAFFEXP"]] = SUPPRESSED
    return add_peer_set_codes(rng, coded)


def add_peer_set_codes(rng: np.random.Generator, coded: pd.DataFrame) -> pd.DataFrame:
    """Codes in rows of the module's peer set that have none yet (attendance and visits not reported), and -4
    (not applicable) in REGBOR, a few of them in the peer set."""
    numbers = coded.select_dtypes("number")
    clean = ~(numbers < 0).any(axis=1)
    in_set = coded.POPU_LSA.between(*BAND) & coded.LOCALE_ADD.isin(PEER_LOCALES)
    candidates = rng.permutation(np.flatnonzero((clean & in_set).to_numpy()))
    attendance, candidates = candidates[:PEER_ATTENDANCE_NOT_COUNTED], candidates[PEER_ATTENDANCE_NOT_COUNTED:]
    coded.loc[coded.index[attendance], ["TOTATTEN", *ATTEN_BY_AUDIENCE]] = NOT_REPORTED
    visits, candidates = candidates[:PEER_VISITS_NOT_REPORTED], candidates[PEER_VISITS_NOT_REPORTED:]
    coded.loc[coded.index[visits], "VISITS"] = NOT_REPORTED
    in_peer_set = candidates[:REGBOR_NOT_APPLICABLE_PEERS]
    elsewhere = rng.permutation(np.flatnonzero((clean & ~in_set).to_numpy()))
    elsewhere = elsewhere[:REGBOR_NOT_APPLICABLE_ROWS - REGBOR_NOT_APPLICABLE_PEERS]
    coded.loc[coded.index[np.concatenate([in_peer_set, elsewhere])], "REGBOR"] = NOT_APPLICABLE
    return coded


# ---- Wrenfield ----------------------------------------------------------------------------------------

def wrenfield_programs(world: dict[str, pd.DataFrame]) -> dict[str, int]:
    """FY2025 held sessions counted the PLS way: by pls_audience and by format (hybrid as on site), with
    attendance as recorded."""
    sessions = world["program_sessions"]
    held = sessions[sessions.fiscal_year.eq(2025) & sessions.status.eq("held")]
    attendance = pd.to_numeric(held.attendance).fillna(0)
    by_audience = held.groupby("pls_audience").size().reindex(AUDIENCES, fill_value=0)
    atten_by_audience = attendance.groupby(held.pls_audience).sum().reindex(AUDIENCES, fill_value=0)
    by_format = held.format.map(PLS_FORMAT).value_counts().reindex(PRO_BY_FORMAT, fill_value=0)
    fields = {"TOTPRO": len(held), "TOTATTEN": int(attendance.sum())}
    fields |= {f"{a}PRO": int(by_audience[a]) for a in AUDIENCES}
    fields |= {f"{a}ATTEN": int(atten_by_audience[a]) for a in AUDIENCES}
    fields |= {f: int(by_format[f]) for f in PRO_BY_FORMAT}
    return fields


def cleaned_fy2025_total(stats: pd.DataFrame, column: str) -> int:
    """A year's total from monthly_stats after the fixes a careful reporter makes: one copy of each
    branch-month, -1 and empty treated as missing, extra-zero slips divided by ten, missing months
    filled with the branch's average month."""
    stats = stats.drop_duplicates(["branch_id", "month"])
    values = pd.to_numeric(stats[column]).where(lambda v: v >= 0)
    median = values.groupby(stats.branch_id).transform("median")
    values = values.where(values <= TRAILING_ZERO_FACTOR * median, values / 10)
    in_fy2025 = stats.fiscal_year.eq(2025)
    return int(round((values[in_fy2025].groupby(stats.branch_id[in_fy2025]).mean() * 12).sum()))


def wrenfield_money_and_staff(world: dict[str, pd.DataFrame]) -> dict:
    """FY2025 revenue by PLS source, staff costs and FTE from the staff table, spending (assumption)."""
    revenue = world["revenue"]
    revenue = revenue[revenue.fiscal_year.eq(2025)]
    income = revenue.amount.groupby(revenue.source.map(REVENUE_FIELD)).sum().round().astype(int)
    fields = {source: int(income.get(source, 0)) for source in INCOME_SOURCES}
    fields["TOTINCM"] = sum(fields[source] for source in INCOME_SOURCES)
    staff = world["staff"]
    pay = staff.hourly_wage * staff.fte * WORK_HOURS_PER_FTE
    fields["SALARIES"] = int(round(pay.sum()))
    fields["BENEFIT"] = int(round((pay * staff.benefits_rate).sum()))
    fields["STAFFEXP"] = fields["SALARIES"] + fields["BENEFIT"]
    fields["TOTOPEXP"] = int(round(fields["TOTINCM"] * SPENT_SHARE_OF_REVENUE))
    fields["TOTEXPCO"] = int(round(fields["TOTOPEXP"] * WRENFIELD_COLLECTION_SHARE))
    fields["TOTSTAFF"] = round(float(staff.fte.sum()), 2)
    fields["MASTER"] = round(float(staff.fte[staff.role.isin(MLS_ROLES)].sum()), 2)
    return fields


def wrenfield_row(world: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Wrenfield County Public Library's FY2025 row, built from the other tables of the world."""
    branches, stats = world["branches"], world["monthly_stats"]
    cardholders = world["cardholders_by_tract"]
    row = {
        "FSCSKEY": WRENFIELD_KEY, "LIBNAME": WRENFIELD_NAME, "STABR": WRENFIELD_STATE,
        "LOCALE_ADD": int(branches.loc[branches.is_central.astype(bool), "locale_code"].iloc[0]),
        "POPU_LSA": int(world["community_tracts"].population.sum()),
        "CENTLIB": int(branches.is_central.astype(bool).sum()),
        "BRANLIB": int((~branches.is_central.astype(bool)).sum()),
        "VISITS": cleaned_fy2025_total(stats, "visits"),
        "REGBOR": int(cardholders.loc[cardholders.fiscal_year.eq(2025), "active_cardholders"].sum()),
        "TOTCIR": cleaned_fy2025_total(stats, "circulation"),
        **wrenfield_programs(world),
        **wrenfield_money_and_staff(world),
    }
    return pd.DataFrame([row])


def generate(rng: np.random.Generator, world: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """peer_libraries: 499 fictional systems in PLS form plus Wrenfield's own FY2025 row (ZZ0000)."""
    peers = add_missing_codes(rng, draw_peers(rng))
    table = pd.concat([wrenfield_row(world), peers], ignore_index=True)[COLUMNS]
    return {"peer_libraries": table.sort_values("FSCSKEY", ignore_index=True)}
