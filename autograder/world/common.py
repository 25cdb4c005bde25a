"""Helpers shared by the world generators: ids, weighted choices, fiscal-year dates, branch spellings, names."""
from __future__ import annotations

import numpy as np
import pandas as pd

FISCAL_YEARS = (2024, 2025)
FY_START = {2024: pd.Timestamp("2023-07-01"), 2025: pd.Timestamp("2024-07-01")}
FY_END = {2024: pd.Timestamp("2024-06-30"), 2025: pd.Timestamp("2025-06-30")}
WORLD_START = FY_START[2024]
WORLD_END = FY_END[2025]

BRANCH_IDS = ("CEN", "EAS", "MIL", "HAR", "OAK", "FER")
BRANCH_NAMES = {
    "CEN": "Central Library",
    "EAS": "Eastgate Branch",
    "MIL": "Millbrook Branch",
    "HAR": "Harbor Point Branch",
    "OAK": "Oak Ridge Branch",
    "FER": "Fernvale Branch",
}

# How staff actually type branch names into free-text fields (the clean value is BRANCH_NAMES).
BRANCH_VARIANTS = {
    "CEN": ["Central", "Main Library", "central library", "Central Library ", "CENTRAL", "Main"],
    "EAS": ["Eastgate", "East Gate", "eastgate branch", "Eastgate Br.", "East Gate Branch"],
    "MIL": ["Millbrook", "Millbrook Br.", "Milbrook Branch", "millbrook"],
    "HAR": ["Harbor Point", "Harbour Point Branch", "Harbor Pt.", "harbor point branch", "Harbor Point Branch "],
    "OAK": ["Oak Ridge", "Oakridge Branch", "Oak Ridge Br.", "oak ridge"],
    "FER": ["Fernvale", "Fernvale Br.", "Fernvale Library", "fernvale branch"],
}

# Every spelling in the world, clean or messy, and the branch it means.
BRANCH_SPELLINGS = {
    **{name: bid for bid, name in BRANCH_NAMES.items()},
    **{variant: bid for bid, variants in BRANCH_VARIANTS.items() for variant in variants},
}

# Census tracts of the service area: CT0101 ... CT0142 (community.py describes them).
TRACT_COUNT = 42
TRACT_IDS = tuple(f"CT{101 + i:04d}" for i in range(TRACT_COUNT))

# Days every branch is closed (federal holidays the county observes, plus the day after Thanksgiving
# and Christmas Eve), FY2024 and FY2025.
CLOSED_DATES = pd.to_datetime([
    "2023-07-04", "2023-09-04", "2023-11-10", "2023-11-23", "2023-11-24", "2023-12-24", "2023-12-25",
    "2024-01-01", "2024-01-15", "2024-02-19", "2024-05-27", "2024-06-19",
    "2024-07-04", "2024-09-02", "2024-11-11", "2024-11-28", "2024-11-29", "2024-12-24", "2024-12-25",
    "2025-01-01", "2025-01-20", "2025-02-17", "2025-05-26", "2025-06-19",
])

FIRST_NAMES = (
    "Aaliyah Abigail Adrian Aisha Alejandro Alma Amara Ana Andre Angela Anjali Ari Beatriz Benjamin Bianca "
    "Brandon Caleb Camila Carmen Catherine Chen Chloe Connor Dalia Daniel Darius Deborah Deja Devon Diana "
    "Dmitri Elena Elijah Elise Emeka Emily Esther Ethan Farah Felix Fiona Gabriel Grace Hana Hannah Hector "
    "Imani Isaac Isabel Jada James Jasmine Javier Jenna Jerome Joanna Jonah Jorge Joy Julian Kai Karen Kayla "
    "Keisha Kenji Laila Lauren Leah Leon Liam Lila Linh Lucia Luis Maya Marcus Margaret Maria Martin Mei "
    "Michael Miguel Mira Nadia Naomi Nathan Nia Noah Nora Omar Owen Paula Priya Rafael Rachel Ravi Rebecca "
    "Rosa Ruth Samuel Sara Sean Sofia Stephen Tamara Teresa Theo Tomas Valerie Victor Wendy Xavier Yara "
    "Yusuf Zoe"
).split()
LAST_NAMES = (
    "Abbott Acosta Adeyemi Alvarez Anand Baker Banerjee Barrett Bell Bergstrom Bishop Brennan Brooks Caldwell "
    "Carver Castillo Chang Chavez Choi Coleman Cruz Dalton Delgado Diallo Dixon Doyle Duarte Ellison Espinoza "
    "Farrell Fischer Flores Fontaine Foster Garcia Gill Goldberg Greene Gutierrez Haddad Hale Hansen Harper "
    "Hayes Herrera Holt Huang Ibarra Ingram Jensen Johnson Kapoor Keller Kim Kowalski Lam Larsen Lee Lindqvist "
    "Lopez Lowe Mahmoud Marsh Martinez McBride Mendoza Meyer Molina Morales Murphy Nakamura Nguyen Novak "
    "Obi Okafor Olsen Ortega Osei Park Patel Pearson Perez Quinn Ramirez Reyes Rhodes Rivera Romero Rossi "
    "Russo Salazar Santos Schmidt Shah Silva Singh Sorensen Stein Sullivan Tanaka Thompson Torres Tran "
    "Vargas Vasquez Walsh Ward Washington Weber Whitaker Williams Wong Yamamoto Young Zhang"
).split()


def make_ids(prefix: str, count: int, width: int, start: int = 1) -> np.ndarray:
    """Ids like SES00001: a prefix and a zero-padded running number."""
    numbers = np.arange(start, start + count)
    return np.array([f"{prefix}{n:0{width}d}" for n in numbers], dtype=object)


def weighted_choice(rng: np.random.Generator, weights: dict, size: int | None = None):
    """Draw keys of `weights` with probability proportional to their values (in the dict's written order)."""
    keys = list(weights)
    probs = np.array([weights[k] for k in keys], dtype=float)
    picks = rng.choice(len(keys), size=size, p=probs / probs.sum())
    if size is None:
        return keys[int(picks)]
    return np.array(keys, dtype=object)[picks]


def round_cents(values):
    """Money rounded to whole cents."""
    return np.round(np.asarray(values, dtype=float), 2)


def fiscal_year_of(dates) -> np.ndarray:
    """The fiscal year (ending 30 June) of each date: 2023-07-01 belongs to FY2024."""
    stamps = pd.DatetimeIndex(pd.to_datetime(dates))
    return (stamps.year + (stamps.month >= 7)).to_numpy().astype(int)


def random_dates(rng: np.random.Generator, start, end, size: int) -> pd.DatetimeIndex:
    """Dates drawn uniformly between start and end, both included."""
    start, end = pd.Timestamp(start), pd.Timestamp(end)
    offsets = rng.integers(0, (end - start).days + 1, size=size)
    return pd.DatetimeIndex(start + pd.to_timedelta(offsets, unit="D"))


def is_closed(dates) -> np.ndarray:
    """True where the library is closed for a holiday."""
    return pd.DatetimeIndex(pd.to_datetime(dates)).normalize().isin(CLOSED_DATES)


def date_text(dates) -> np.ndarray:
    """Dates as ISO text (YYYY-MM-DD); missing dates stay missing."""
    stamps = pd.Series(pd.to_datetime(dates))
    return stamps.dt.strftime("%Y-%m-%d").to_numpy(dtype=object)


def messy_branch_names(rng: np.random.Generator, branch_ids, share: float) -> np.ndarray:
    """Branch names as staff type them: the clean name, except round(share * n) rows get a variant spelling."""
    branch_ids = np.asarray(branch_ids, dtype=object)
    names = np.array([BRANCH_NAMES[b] for b in branch_ids], dtype=object)
    messy = rng.choice(len(names), size=int(round(share * len(names))), replace=False)
    for row in np.sort(messy):
        variants = BRANCH_VARIANTS[branch_ids[row]]
        names[row] = variants[rng.integers(len(variants))]
    return names


def branch_id_from_spelling(names) -> np.ndarray:
    """The branch_id meant by each branch spelling, clean or messy."""
    return np.array([BRANCH_SPELLINGS[n] for n in names], dtype=object)


def person_names(rng: np.random.Generator, count: int) -> tuple[np.ndarray, np.ndarray]:
    """Distinct fictional (first name, last name) pairs."""
    pairs = rng.choice(len(FIRST_NAMES) * len(LAST_NAMES), size=count, replace=False)
    first = np.array(FIRST_NAMES, dtype=object)[pairs // len(LAST_NAMES)]
    last = np.array(LAST_NAMES, dtype=object)[pairs % len(LAST_NAMES)]
    return first, last


# ---- Helpers added by helper B (tasks, finance, marketing, peers) ----

def tidy_sessions(sessions: pd.DataFrame) -> pd.DataFrame:
    """program_sessions with real dates, the clean branch_id and numeric counts, however it was loaded."""
    tidy = sessions.copy()
    tidy["date"] = pd.to_datetime(tidy["date"])
    tidy["branch_id"] = branch_id_from_spelling(tidy["branch"])
    for column in ["capacity", "attendance", "virtual_attendance"]:
        tidy[column] = pd.to_numeric(tidy[column]).astype(float)
    tidy["registration_required"] = tidy["registration_required"].astype(bool)
    tidy["held"] = tidy["status"].eq("held")
    return tidy


def program_summary(world: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """One row per program: where, what, who presents (and their fee), when it starts and ends, how much was held."""
    sessions = tidy_sessions(world["program_sessions"]).sort_values(["program_id", "date", "start_time"])
    held = sessions[sessions.held]
    grouped = sessions.groupby("program_id", sort=True)
    programs = grouped[["program_title", "branch_id", "category", "audience", "format", "presenter_id",
                        "partner_id", "registration_required", "room_id"]].first()
    programs["fiscal_year"] = grouped["fiscal_year"].first().astype(int)
    programs["sessions"] = grouped.size()
    programs["first_date"] = grouped["date"].min()
    programs["last_date"] = grouped["date"].max()
    programs["held_sessions"] = held.groupby("program_id").size().reindex(programs.index, fill_value=0)
    programs["first_held_date"] = held.groupby("program_id")["date"].min().reindex(programs.index)
    programs["held_hours"] = (held.groupby("program_id")["duration_minutes"].sum() / 60).reindex(
        programs.index, fill_value=0.0)
    programs["attendance"] = held.groupby("program_id")["attendance"].sum().reindex(programs.index, fill_value=0)
    presenters = world["presenters"].set_index("presenter_id")
    programs["presenter_type"] = programs["presenter_id"].map(presenters["presenter_type"])
    programs["presenter_staff_id"] = programs["presenter_id"].map(presenters["staff_id"])
    programs["fee_per_session"] = programs["presenter_id"].map(presenters["fee_per_session"]).astype(float)
    return programs
