"""Each branch's monthly statistics report, FY2024-FY2025, with the data-entry errors real reports contain."""
from __future__ import annotations

import numpy as np
import pandas as pd

from autograder.world.collections import fiscal_months
from autograder.world.common import BRANCH_IDS, tidy_sessions
from autograder.world.registry import SEED, stream

# FY2025 visits a year per building (assumption, set so the system makes ~3.0 visits per resident and ~2.3
# checkouts per visit: national 1.32B visits for 312M people, 4.2 per person before the pandemic, with urban
# visits still ~35% below pre-pandemic in 2023; checkouts per visit from the PLS top visit quintile's medians,
# 352k circulation / 154k visits. FACTS.md, "IMLS Public Libraries Survey").
ANNUAL_VISITS_FY2025 = {"CEN": 112_000, "EAS": 68_000, "MIL": 62_000, "HAR": 58_000, "OAK": 40_000, "FER": 14_000}
VISIT_GROWTH_FY2024_TO_FY2025 = 1.04  # visits still recovering (assumption; Urban Libraries Council, FACTS.md)
# Relative visits by calendar month (assumption: summer reading and school holidays busy, December quiet).
VISIT_SEASON = {7: 1.12, 8: 1.04, 9: 0.96, 10: 1.0, 11: 0.93, 12: 0.82, 1: 0.98, 2: 0.96, 3: 1.04, 4: 1.0,
                5: 0.98, 6: 1.12}
MONTHLY_NOISE = 0.04  # lognormal month-to-month wobble (assumption)
# The twelve subjects of circulation_by_subject are about a quarter of all loans (assumption: adult and
# children's fiction, DVDs and magazines make up the rest).
SUBJECT_SHARE_OF_CIRCULATION = 0.25
# Public computer sessions per visit: more where fewer homes have broadband (assumption, from each
# branch's nearby tracts in community_tracts); drifting down 5% a year as people bring their own devices.
COMPUTER_BASE_PER_VISIT = 0.06
COMPUTER_PER_BROADBAND_POINT = 0.004  # extra sessions per visit for each point of broadband below 90%
COMPUTER_YEARLY_CHANGE = 0.95
# Wi-Fi sessions per visit, growing 8% a year; Fernvale's Wi-Fi is used from the parking lot after hours
# (the COVID-era hotspot habit, FACTS.md "What the field writes about"). Assumptions.
WIFI_PER_VISIT = 0.55
WIFI_YEARLY_CHANGE = 1.08
WIFI_FERNVALE_BOOST = 1.6
WIFI_SUMMER_BOOST = 1.10
# Reference questions per visit: Central keeps a staffed reference desk; school terms bring homework help.
REFERENCE_PER_VISIT = {"CEN": 0.10, "EAS": 0.07, "MIL": 0.06, "HAR": 0.07, "OAK": 0.06, "FER": 0.08}
REFERENCE_SCHOOL_MONTHS = {9: 1.1, 10: 1.15, 11: 1.1, 2: 1.1, 3: 1.15, 4: 1.1, 7: 0.85, 8: 0.85, 12: 0.85}
REFERENCE_YEARLY_CHANGE = 0.97
CARDHOLDER_MONTHLY_DRIFT = 0.002  # active cardholders creep up through a year, averaging the annual figure
CARDHOLDER_NOISE = 0.003

# Deliberate data-entry errors (contract; kinds seen in real library activity data, LibrariesHacked
# public-libraries-activity-dataset: FACTS.md, "Evaluation").
TRAILING_ZERO_ERRORS = 4
TRAILING_ZERO_COLUMNS = ["visits", "circulation", "computer_sessions", "wifi_sessions", "reference_questions"]
CUMULATIVE_MONTHS = 2  # consecutive months of one branch reporting its all-time cardholder count
CUMULATIVE_FACTOR = (2.3, 2.8)  # all-time registrations as a multiple of active cardholders (assumption)
NOT_REPORTED_VALUES = 2
# One more extra zero, in reference questions in a quiet month (December, schools out): typed ten times too high,
# it is still under ten times the branch's usual month, so only a lower threshold finds it (assumption).
QUIET_MONTH = "2024-12"
NOT_REPORTED_COLUMNS = ["computer_sessions", "wifi_sessions", "reference_questions"]

COUNT_COLUMNS = ["visits", "programs_held", "program_attendance", "circulation", "computer_sessions",
                 "wifi_sessions", "reference_questions", "active_cardholders"]
COLUMNS = ["branch_id", "month", "fiscal_year", *COUNT_COLUMNS]
ERROR_COLUMNS = ["branch_id", "month", "column", "true_value", "recorded_value", "kind"]


def branch_months() -> pd.DataFrame:
    """Every branch x month of the two fiscal years, with open days and calendar month."""
    months = fiscal_months()
    return pd.DataFrame({"branch_id": BRANCH_IDS}).merge(months, how="cross")


def program_counts(world: dict, grid: pd.DataFrame) -> pd.DataFrame:
    """Held sessions and their recorded attendance per branch and month, straight from program_sessions.
    Sessions with no attendance recorded count as programs but add nothing to attendance."""
    sessions = tidy_sessions(world["program_sessions"])
    held = sessions[sessions.held].assign(month=lambda s: s.date.dt.strftime("%Y-%m"))
    counts = held.groupby(["branch_id", "month"]).agg(programs_held=("session_id", "size"),
                                                      program_attendance=("attendance", "sum"))
    counts = counts.reindex(pd.MultiIndex.from_frame(grid[["branch_id", "month"]]), fill_value=0)
    return counts.reset_index(drop=True).astype(int)


def branch_broadband(world: dict) -> pd.Series:
    """Population-weighted share of homes with broadband in the tracts nearest each branch (percent)."""
    tracts = world["community_tracts"]
    weighted = (tracts.pct_with_broadband.round(1) * tracts.population).groupby(tracts.nearest_branch_id).sum()
    return (weighted / tracts.population.groupby(tracts.nearest_branch_id).sum()).round(1)


def draw_visits(rng: np.random.Generator, grid: pd.DataFrame) -> np.ndarray:
    """Visits: each building's annual total spread over months by season and open days, with some wobble."""
    annual = grid.branch_id.map(ANNUAL_VISITS_FY2025).to_numpy(dtype=float)
    annual = annual / np.where(grid.fiscal_year.eq(2024), VISIT_GROWTH_FY2024_TO_FY2025, 1.0)
    season = grid.calendar_month.map(VISIT_SEASON).to_numpy(dtype=float)
    season = season / np.mean(list(VISIT_SEASON.values()))
    expected = annual / 12 * season * grid.open_share.to_numpy()
    return np.round(expected * rng.lognormal(0, MONTHLY_NOISE, len(grid))).astype(int)


def draw_circulation(rng: np.random.Generator, world: dict, grid: pd.DataFrame) -> np.ndarray:
    """All checkouts: the twelve tracked subjects grossed up to the whole collection."""
    subjects = world["circulation_by_subject"].groupby(["branch_id", "month"]).checkouts.sum()
    tracked = subjects.reindex(pd.MultiIndex.from_frame(grid[["branch_id", "month"]])).to_numpy(dtype=float)
    return np.round(tracked / SUBJECT_SHARE_OF_CIRCULATION * rng.lognormal(0, MONTHLY_NOISE, len(grid))).astype(int)


def per_visit(rng: np.random.Generator, visits: np.ndarray, rate: np.ndarray) -> np.ndarray:
    """A count that runs at a rate per visit, with monthly wobble."""
    return np.round(visits * rate * rng.lognormal(0, MONTHLY_NOISE, len(visits))).astype(int)


def draw_other_counts(rng: np.random.Generator, world: dict, grid: pd.DataFrame) -> pd.DataFrame:
    """Computer sessions, Wi-Fi sessions and reference questions, each tied to visits."""
    visits = grid.visits.to_numpy()
    fy2025 = grid.fiscal_year.eq(2025).to_numpy()
    gap = np.maximum(0, 90 - grid.branch_id.map(branch_broadband(world)).to_numpy(dtype=float))
    computer = COMPUTER_BASE_PER_VISIT + COMPUTER_PER_BROADBAND_POINT * gap
    computer = computer * np.where(fy2025, COMPUTER_YEARLY_CHANGE, 1)
    wifi = WIFI_PER_VISIT * np.where(fy2025, WIFI_YEARLY_CHANGE, 1) * np.where(grid.branch_id.eq("FER"),
                                                                              WIFI_FERNVALE_BOOST, 1)
    wifi = wifi * np.where(grid.calendar_month.isin([6, 7, 8]), WIFI_SUMMER_BOOST, 1)
    reference = grid.branch_id.map(REFERENCE_PER_VISIT).to_numpy(dtype=float)
    reference = reference * grid.calendar_month.map(REFERENCE_SCHOOL_MONTHS).fillna(1.0).to_numpy()
    reference = reference * np.where(fy2025, REFERENCE_YEARLY_CHANGE, 1)
    return pd.DataFrame({"computer_sessions": per_visit(rng, visits, computer),
                         "wifi_sessions": per_visit(rng, visits, wifi),
                         "reference_questions": per_visit(rng, visits, reference)})


def active_cardholders(rng: np.random.Generator, world: dict, grid: pd.DataFrame) -> np.ndarray:
    """Active cardholders living nearest each branch: the year's figure from cardholders_by_tract, creeping
    up through the year so that the twelve months average to it."""
    tracts = world["cardholders_by_tract"].merge(world["community_tracts"][["tract_id", "nearest_branch_id"]],
                                                 on="tract_id")
    annual = tracts.groupby(["nearest_branch_id", "fiscal_year"]).active_cardholders.sum()
    yearly = annual.reindex(pd.MultiIndex.from_frame(grid[["branch_id", "fiscal_year"]])).to_numpy(dtype=float)
    step = (grid.calendar_month.to_numpy() + 5) % 12 - 5.5  # July = -5.5 ... June = +5.5
    drift = 1 + CARDHOLDER_MONTHLY_DRIFT * step
    return np.round(yearly * drift * rng.normal(1, CARDHOLDER_NOISE, len(grid))).astype(int)


def clean_stats(rng: np.random.Generator, world: dict) -> pd.DataFrame:
    """The statistics as they should have been reported: 6 branches x 24 months."""
    grid = branch_months()
    grid = pd.concat([grid, program_counts(world, grid)], axis=1)
    grid["visits"] = draw_visits(rng, grid)
    grid["circulation"] = draw_circulation(rng, world, grid)
    grid = pd.concat([grid, draw_other_counts(rng, world, grid)], axis=1)
    grid["active_cardholders"] = active_cardholders(rng, world, grid)
    return grid.sort_values(["month", "branch_id"], ignore_index=True)


def plan_errors(rng: np.random.Generator, clean: pd.DataFrame) -> pd.DataFrame:
    """Which cells and rows go wrong, and how; no cell or row is hit twice."""
    errors = []
    cells: set[tuple[int, str]] = set()
    rows_taken: set[int] = set()
    # Two consecutive months of one branch report all-time cardholders.
    branch = BRANCH_IDS[rng.integers(len(BRANCH_IDS))]
    own = np.flatnonzero(clean.branch_id.eq(branch).to_numpy())
    start = int(rng.integers(0, len(own) - CUMULATIVE_MONTHS + 1))
    factor = rng.uniform(*CUMULATIVE_FACTOR)
    for row in own[start:start + CUMULATIVE_MONTHS]:
        true = int(clean.active_cardholders.iat[row])
        errors.append((row, "active_cardholders", true, int(round(true * factor)), "cumulative cardholders"))
        cells.add((row, "active_cardholders"))
        rows_taken.add(row)
        factor *= 1.003  # the all-time count only grows
    for kind, count, columns in [("extra trailing zero", TRAILING_ZERO_ERRORS, TRAILING_ZERO_COLUMNS),
                                 ("not reported (-1)", NOT_REPORTED_VALUES, NOT_REPORTED_COLUMNS)]:
        chosen = 0
        while chosen < count:
            row, column = int(rng.integers(len(clean))), str(columns[rng.integers(len(columns))])
            if (row, column) in cells or row in rows_taken:
                continue
            true = int(clean[column].iat[row])
            errors.append((row, column, true, true * 10 if kind == "extra trailing zero" else -1, kind))
            cells.add((row, column))
            rows_taken.add(row)
            chosen += 1
    free = [r for r in range(len(clean)) if r not in rows_taken]
    missing, duplicated = rng.choice(free, size=2, replace=False)
    errors.append((int(missing), None, None, None, "missing row"))
    errors.append((int(duplicated), None, None, None, "duplicated row"))
    quiet = [r for r in np.flatnonzero(clean.month.eq(QUIET_MONTH).to_numpy())
             if r not in rows_taken and r not in (missing, duplicated)]
    row = int(quiet[rng.integers(len(quiet))])
    true = int(clean.reference_questions.iat[row])
    errors.append((row, "reference_questions", true, true * 10, "extra trailing zero"))
    table = pd.DataFrame(errors, columns=["row", "column", "true_value", "recorded_value", "kind"])
    table["branch_id"] = clean.branch_id.to_numpy()[table.row]
    table["month"] = clean.month.to_numpy()[table.row]
    for column in ["true_value", "recorded_value"]:
        table[column] = pd.array(table[column], dtype="Int64")
    return table


def apply_errors(clean: pd.DataFrame, errors: pd.DataFrame) -> pd.DataFrame:
    """The report as filed: wrong cells, one branch-month never filed, one row entered twice."""
    messy = clean.copy()
    for error in errors.itertuples():
        if isinstance(error.column, str):
            messy.loc[error.row, error.column] = error.recorded_value
    missing = errors.row[errors.kind.eq("missing row")]
    duplicated = errors.row[errors.kind.eq("duplicated row")]
    messy = pd.concat([messy.drop(index=missing), messy.loc[duplicated]])
    messy = messy.sort_values(["month", "branch_id"], kind="stable", ignore_index=True)
    return messy[COLUMNS].astype({c: "Int64" for c in COUNT_COLUMNS})


def build(rng: np.random.Generator, world: dict) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """The clean statistics, the error list and the report as filed."""
    clean = clean_stats(rng, world)
    errors = plan_errors(rng, clean)
    return clean[COLUMNS], errors, apply_errors(clean, errors)


def deliberate_errors(world: dict[str, pd.DataFrame], seed: int = SEED) -> pd.DataFrame:
    """Every deliberate error in monthly_stats: branch_id, month, column (empty for whole-row errors),
    true_value, recorded_value and kind ("extra trailing zero", "cumulative cardholders", "not reported (-1)",
    "missing row", "duplicated row"). `world` may be the generated tables or the committed CSVs."""
    _, errors, _ = build(stream("statistics", seed), world)
    return errors[ERROR_COLUMNS].sort_values(["kind", "month", "branch_id"], ignore_index=True)


def clean_monthly_stats(world: dict[str, pd.DataFrame], seed: int = SEED) -> pd.DataFrame:
    """monthly_stats as it should have been reported: 144 rows, no errors."""
    clean, _, _ = build(stream("statistics", seed), world)
    return clean


def generate(rng: np.random.Generator, world: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """The monthly_stats table."""
    _, _, messy = build(rng, world)
    return {"monthly_stats": messy}
