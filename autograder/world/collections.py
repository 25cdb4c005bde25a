"""Monthly checkouts of twelve subject collections at each Wrenfield branch, FY2024 and FY2025."""
from __future__ import annotations

import numpy as np
import pandas as pd

from autograder.world.common import BRANCH_IDS, CLOSED_DATES, FISCAL_YEARS, FY_START

# FY2025 system-wide checkouts a year per subject (assumptions: picture books and graphic novels are the
# busiest collections of a suburban library; each nonfiction subject is a few thousand loans a year).
ANNUAL_CHECKOUTS_FY2025 = {
    "Cooking & food 641": 14_000,
    "Gardening 635": 6_500,
    "Health & fitness 613": 7_500,
    "Personal finance 332": 4_200,
    "Computers & technology 004": 3_000,
    "Local history 977": 2_600,
    "Crafts & hobbies 745": 8_000,
    "Parenting 649": 3_600,
    "Languages 420-490": 3_400,
    "Job & career 650": 2_400,
    "Graphic novels": 52_000,
    "Picture books": 96_000,
}
SUBJECTS = tuple(ANNUAL_CHECKOUTS_FY2025)

# FY2024 was a little quieter as lending kept recovering after the pandemic (assumption; visits were still
# ~35% below pre-pandemic in 2023, Urban Libraries Council: FACTS.md, "IMLS Public Libraries Survey").
GROWTH_FY2024_TO_FY2025 = 1.03

# Each branch's share of the system's checkouts (assumption: roughly by building size and open hours;
# Fernvale, 2,400 sq ft and 30 hours a week, lends least).
BRANCH_SHARE = {"CEN": 0.29, "EAS": 0.19, "MIL": 0.19, "HAR": 0.16, "OAK": 0.12, "FER": 0.05}

# Local tastes, as multipliers on a branch's share of a subject (assumptions drawn from each branch's
# neighbourhoods in community_tracts: rural, older Fernvale gardens and researches family history;
# Central holds the local history room and the job centre; Eastgate has many Spanish speakers;
# Millbrook is young and well off).
BRANCH_TASTE = {
    "CEN": {"Local history 977": 1.6, "Job & career 650": 1.4, "Computers & technology 004": 1.3,
            "Languages 420-490": 1.3, "Picture books": 0.85},
    "EAS": {"Languages 420-490": 1.4, "Picture books": 1.1},
    "MIL": {"Parenting 649": 1.3, "Picture books": 1.15, "Cooking & food 641": 1.15, "Personal finance 332": 1.2},
    "HAR": {"Graphic novels": 1.2},
    "OAK": {"Gardening 635": 1.25, "Crafts & hobbies 745": 1.15},
    "FER": {"Gardening 635": 1.8, "Local history 977": 1.8, "Crafts & hobbies 745": 1.4, "Graphic novels": 0.6,
            "Languages 420-490": 0.5, "Computers & technology 004": 0.7},
}

# Relative checkouts by calendar month (1 = January), scaled below to average 1 over the year
# (assumptions that follow the seasons librarians know: gardening in spring, cooking for the holidays,
# fitness and finance in January-April, picture books and graphic novels in summer reading).
SEASON = {
    "Cooking & food 641": {11: 1.5, 12: 1.45, 1: 1.1},
    "Gardening 635": {1: 0.6, 2: 1.0, 3: 1.7, 4: 2.0, 5: 1.8, 6: 1.2, 7: 0.8, 8: 0.7, 9: 0.7, 10: 0.6, 11: 0.45,
                      12: 0.4},
    "Health & fitness 613": {1: 1.6, 2: 1.2, 5: 1.05, 12: 0.7},
    "Personal finance 332": {1: 1.3, 2: 1.4, 3: 1.4, 4: 1.2, 12: 0.7},
    "Computers & technology 004": {9: 1.1, 1: 1.1},
    "Local history 977": {10: 1.15, 2: 1.1},
    "Crafts & hobbies 745": {10: 1.1, 11: 1.3, 12: 1.15, 1: 1.2, 2: 1.1, 6: 0.85, 7: 0.85},
    "Parenting 649": {},
    "Languages 420-490": {9: 1.3, 1: 1.35, 5: 1.1, 6: 1.1, 12: 0.7},
    "Job & career 650": {1: 1.35, 2: 1.2, 9: 1.2, 5: 1.1, 12: 0.7},
    "Graphic novels": {6: 1.35, 7: 1.45, 8: 1.15},
    "Picture books": {6: 1.35, 7: 1.45, 8: 1.1, 12: 0.85},
}
OFF_SEASON = {"Cooking & food 641": 0.9, "Graphic novels": 0.9, "Health & fitness 613": 0.95}

# Gamma-Poisson noise: size 40 gives month-to-month wobble of about 15% (assumption).
CHECKOUT_DISPERSION = 40.0


def fiscal_months() -> pd.DataFrame:
    """The 24 months of FY2024 and FY2025, with how many days the library was open in each."""
    rows = []
    for year in FISCAL_YEARS:
        for step in range(12):
            start = FY_START[year] + pd.DateOffset(months=step)
            days = pd.date_range(start, start + pd.offsets.MonthEnd(0))
            rows.append((year, start.strftime("%Y-%m"), start.month, int((~days.isin(CLOSED_DATES)).sum())))
    months = pd.DataFrame(rows, columns=["fiscal_year", "month", "calendar_month", "open_days"])
    months["open_share"] = months.open_days / months.open_days.mean()
    return months


def season_factors() -> pd.DataFrame:
    """Relative checkouts by subject (rows) and calendar month (columns 1-12), averaging 1 per subject."""
    table = pd.DataFrame(
        [[SEASON[s].get(m, OFF_SEASON.get(s, 1.0)) for m in range(1, 13)] for s in SUBJECTS],
        index=list(SUBJECTS), columns=range(1, 13))
    return table.div(table.mean(axis=1), axis=0)


def branch_subject_share() -> pd.DataFrame:
    """Each branch's share of each subject's checkouts (branches as rows), summing to 1 per subject."""
    table = pd.DataFrame(
        [[BRANCH_SHARE[b] * BRANCH_TASTE[b].get(s, 1.0) for s in SUBJECTS] for b in BRANCH_IDS],
        index=list(BRANCH_IDS), columns=list(SUBJECTS))
    return table / table.sum(axis=0)


def expected_checkouts() -> pd.DataFrame:
    """Every fiscal year x month x branch x subject with its expected checkouts."""
    months = fiscal_months()
    grid = months.merge(pd.DataFrame({"branch_id": BRANCH_IDS}), how="cross").merge(
        pd.DataFrame({"subject": SUBJECTS}), how="cross")
    annual = grid.subject.map(ANNUAL_CHECKOUTS_FY2025).to_numpy(dtype=float)
    annual = annual / np.where(grid.fiscal_year.eq(2024), GROWTH_FY2024_TO_FY2025, 1.0)
    shares = branch_subject_share().stack()
    share = shares.loc[list(zip(grid.branch_id, grid.subject))].to_numpy()
    season = season_factors().stack()
    seasonal = season.loc[list(zip(grid.subject, grid.calendar_month))].to_numpy()
    grid["expected"] = annual / 12 * share * seasonal * grid.open_share.to_numpy()
    return grid


def generate(rng: np.random.Generator, world: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """circulation_by_subject: 2 years x 12 months x 6 branches x 12 subjects = 1,728 rows."""
    grid = expected_checkouts()
    rate = rng.gamma(CHECKOUT_DISPERSION, grid.expected.to_numpy() / CHECKOUT_DISPERSION)
    grid["checkouts"] = rng.poisson(rate).astype(int)
    table = grid[["fiscal_year", "month", "branch_id", "subject", "checkouts"]]
    return {"circulation_by_subject": table.sort_values(["month", "branch_id", "subject"], ignore_index=True)}
