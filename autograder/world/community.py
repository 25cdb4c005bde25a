"""Census tracts of Wrenfield County and the library cardholders living in each one."""
from __future__ import annotations

import numpy as np
import pandas as pd

from autograder.world.common import FISCAL_YEARS, TRACT_IDS, weighted_choice

TOTAL_POPULATION = 118_000  # the service area's population (datasets/README.md)

# National registered users are 55% of the population (IMLS, FACTS.md "National"); Wrenfield's
# best-served tracts sit a little above that and its least-served far below it.
BASE_PENETRATION = 0.66
PENETRATION_DROP_PER_POVERTY_POINT = 0.011   # above 8% below poverty (assumption)
PENETRATION_DROP_PER_LIMITED_ENGLISH_POINT = 0.010  # assumption
PENETRATION_DROP_PER_MILE = 0.025            # beyond 1.5 miles from the nearest branch (assumption)
PENETRATION_NOISE_SD = 0.03
ACTIVE_GROWTH_FY2025 = (0.02, 0.02)          # mean, sd: visits still recovering after 2020 (ULC, FACTS.md)
NEW_CARD_SHARE = (0.07, 0.015)               # new cards a year per active cardholder (assumption)
NEW_CARD_SHARE_GATEWAY_BONUS = 0.03          # newcomers sign up in immigrant-gateway tracts

# Each tract, in tract_id order: (neighborhood, kind, nearest branch). A branch's home tract comes first
# in its group (CT0101 Central, CT0109 Eastgate, CT0117 Millbrook, CT0124 Harbor Point, CT0131 Oak Ridge),
# except Fernvale's (CT0140), the third of its rural group.
TRACTS = [
    ("Courthouse Square", "urban", "CEN"), ("Old Town", "urban", "CEN"), ("Riverside Flats", "core", "CEN"),
    ("Depot District", "core", "CEN"), ("Canal Street", "gateway", "CEN"), ("Mercer Hill", "core", "CEN"),
    ("Union Yards", "gateway", "CEN"), ("Linden Park", "suburban", "CEN"),
    ("Eastgate Commons", "suburban", "EAS"), ("Cedar Hollow", "suburban", "EAS"), ("Bramble Ridge", "suburban", "EAS"),
    ("Eastgate Heights", "affluent", "EAS"), ("Foxglove", "gateway", "EAS"), ("Sycamore Knolls", "affluent", "EAS"),
    ("Pine Meadow", "suburban", "EAS"), ("Laurel Court", "urban", "EAS"),
    ("Millbrook Village", "urban", "MIL"), ("Mill Race", "core", "MIL"), ("Willow Bend", "suburban", "MIL"),
    ("Stonebridge", "suburban", "MIL"), ("Hawthorne Estates", "affluent", "MIL"), ("Kestrel Pointe", "affluent", "MIL"),
    ("Tannery Row", "suburban", "MIL"),
    ("Harbor Point", "urban", "HAR"), ("Wharfside", "gateway", "HAR"), ("Seawall", "gateway", "HAR"),
    ("Gull Cove", "urban", "HAR"), ("Anchor Heights", "suburban", "HAR"), ("Bayview Terrace", "suburban", "HAR"),
    ("Lighthouse Hill", "affluent", "HAR"),
    ("Oak Ridge Center", "town", "OAK"), ("Ridgeline", "town", "OAK"), ("Acorn Hill", "town", "OAK"),
    ("Quarry Flats", "town", "OAK"), ("Timber Creek", "suburban", "OAK"), ("Blackberry Hollow", "rural", "OAK"),
    ("Upper Ridge Road", "rural", "OAK"),
    ("Coldwater Run", "rural", "FER"), ("Hollister Valley", "rural", "FER"), ("Fernvale Village", "rural", "FER"),
    ("Grange Hill", "rural", "FER"), ("Bitterroot Fork", "rural", "FER"),
]
HOME_TRACTS = {"CT0101", "CT0109", "CT0117", "CT0124", "CT0131", "CT0140"}

# Ranges (low, high) drawn uniformly for each kind of neighborhood. Believable for a US county, not
# calibrated to any real tract.
KIND_RANGES = {
    #            population   hh size     under 5    65 plus     ltd English  poverty     broadband   income ($)        miles
    "urban":    ((2600, 3400), (2.0, 2.3), (5.0, 6.5), (11, 16), (4.0, 9.0), (12, 18), (82, 90), (55_000, 70_000), (0.3, 1.5)),
    "core":     ((2900, 3700), (2.4, 2.8), (7.0, 8.5), (9, 13), (8.0, 14.0), (27, 38), (60, 71), (31_000, 42_000), (0.4, 1.8)),
    "gateway":  ((3200, 4000), (2.8, 3.3), (7.0, 9.0), (8, 12), (18.0, 30.0), (19, 30), (68, 79), (39_000, 52_000), (0.6, 2.2)),
    "suburban": ((2600, 3300), (2.5, 2.8), (5.5, 7.0), (13, 18), (2.0, 6.0), (5, 10), (88, 95), (75_000, 100_000), (0.8, 3.0)),
    "affluent": ((2200, 2900), (2.5, 2.8), (4.5, 6.0), (16, 22), (1.0, 4.0), (2, 5), (93, 98), (105_000, 145_000), (1.2, 3.5)),
    "town":     ((2100, 2800), (2.3, 2.6), (5.0, 6.0), (17, 22), (1.0, 4.0), (10, 15), (80, 88), (52_000, 65_000), (0.8, 3.5)),
    "rural":    ((1400, 2100), (2.2, 2.5), (3.8, 5.0), (22, 31), (0.3, 2.5), (12, 20), (61, 76), (44_000, 58_000), (4.0, 14.0)),
}
RANGE_COLUMNS = ["population", "household_size", "pct_under_5", "pct_65_plus", "pct_limited_english",
                 "pct_below_poverty", "pct_with_broadband", "median_household_income", "miles_to_nearest_branch"]
HOME_TRACT_MILES = (0.1, 0.6)

# Most common language other than English among people who speak English less than "very well".
GATEWAY_LANGUAGES = ["Spanish", "Vietnamese", "Chinese", "Tagalog", "Arabic", "Haitian Creole"]
OTHER_LANGUAGES = {"Spanish": 6, "Korean": 1, "Russian": 1, "Hindi": 1, "Portuguese": 1}
RURAL_LANGUAGES = {"Spanish": 4, "German": 1}
NO_TOP_LANGUAGE_BELOW = 1.0  # percent limited English below which no single language stands out (left empty)


# ---- hand revisions, made after card use is drawn (module 01: need is not the same thing as reach) ----------
# Card use above follows need by construction, so every needy tract would be a low-reach tract, and with
# tracts of similar size the average of the tract rates would equal the county rate. Real counties are not
# so tidy. These revisions are set by hand, after the cardholder counts are drawn (which keeps every table
# built from those counts unchanged); each keeps the county's 118,002 people and each branch area's
# population-weighted broadband share to one decimal.
# People moved between neighbouring tracts of one branch area (the 2020 census redrew these lines):
POPULATION_MOVES = {
    "CT0132": +1_200,   # Ridgeline: new subdivisions; few newcomers have a card yet (low reach, no listed need)
    "CT0134": -300,     # Quarry Flats, Acorn Hill and Oak Ridge Center lose the land Ridgeline gained
    "CT0133": -450,
    "CT0131": -450,
    "CT0140": +237,     # Fernvale Village grows into its neighbours: its reach lands near the county's
    "CT0138": -118,
    "CT0141": -119,
}
# Millbrook Village, the old mill-town centre around the Millbrook branch: a lower-income neighbourhood with many
# residents still learning English, most of whom hold a card (the branch's English classes and computers), though
# few sign up for programs: two needs, reach above the county's.
PROFILE_REVISIONS = {
    "CT0117": {"pct_below_poverty": 26.4, "pct_limited_english": 16.2, "median_household_income": 43_800},
}

# ---- margins of error, as the American Community Survey publishes with every estimate ------------------------
# The ACS publishes 90% margins of error (US Census Bureau, Understanding and Using American Community Survey
# Data, 2020). Modelled as 1.645 x the standard error of a share from a sample of SAMPLE_SHARE of the tract's
# people (of its households for broadband), widened by DESIGN_EFFECT for clustering within households, with a
# little tract-to-tract wobble. Assumptions, chosen so tract margins land where real ones do (a few points for
# under 5, several for poverty and broadband).
MOE_Z = 1.645
SAMPLE_SHARE = 0.10
DESIGN_EFFECT = 1.3
MOE_WOBBLE_SD = 0.12
MOE_COLUMNS = {"pct_under_5": "population", "pct_65_plus": "population", "pct_limited_english": "population",
               "pct_below_poverty": "population", "pct_with_broadband": "households"}


def draw_profiles(rng: np.random.Generator) -> pd.DataFrame:
    """Numbers for every tract, each drawn within the range for its kind of neighborhood."""
    kinds = [kind for _, kind, _ in TRACTS]
    low = np.array([[KIND_RANGES[k][i][0] for i in range(len(RANGE_COLUMNS))] for k in kinds], dtype=float)
    high = np.array([[KIND_RANGES[k][i][1] for i in range(len(RANGE_COLUMNS))] for k in kinds], dtype=float)
    return pd.DataFrame(rng.uniform(low, high), columns=RANGE_COLUMNS)


def scale_population(raw: np.ndarray) -> np.ndarray:
    """Tract populations scaled so the county adds up to about TOTAL_POPULATION."""
    return np.round(raw * TOTAL_POPULATION / raw.sum()).astype(int)


def top_languages(rng: np.random.Generator, kinds: np.ndarray, pct_limited_english: np.ndarray) -> np.ndarray:
    """The leading non-English language per tract; empty where hardly anyone has limited English."""
    gateway = kinds == "gateway"
    rural = np.isin(kinds, ["town", "rural"])
    langs = np.empty(len(kinds), dtype=object)
    langs[gateway] = rng.permutation(GATEWAY_LANGUAGES)[: gateway.sum()]
    for where, choices in ((~gateway & ~rural, OTHER_LANGUAGES), (rural, RURAL_LANGUAGES)):
        langs[where] = weighted_choice(rng, choices, size=int(where.sum()))
    langs[pct_limited_english < NO_TOP_LANGUAGE_BELOW] = None
    return langs


def make_community_tracts(rng: np.random.Generator) -> pd.DataFrame:
    """One row per census tract: people, needs, and distance to the nearest library."""
    profiles = draw_profiles(rng)
    tracts = pd.DataFrame(TRACTS, columns=["neighborhood", "kind", "nearest_branch_id"])
    tracts.insert(0, "tract_id", list(TRACT_IDS))
    home = tracts["tract_id"].isin(HOME_TRACTS).to_numpy()
    miles = profiles["miles_to_nearest_branch"].to_numpy().copy()
    miles[home] = rng.uniform(*HOME_TRACT_MILES, size=home.sum())
    population = scale_population(profiles["population"].to_numpy())
    out = pd.DataFrame({
        "tract_id": tracts["tract_id"],
        "neighborhood": tracts["neighborhood"],
        "population": population,
        "households": np.round(population / profiles["household_size"]).astype(int),
        "pct_under_5": profiles["pct_under_5"].round(1),
        "pct_65_plus": profiles["pct_65_plus"].round(1),
        "pct_limited_english": profiles["pct_limited_english"].round(1),
        "pct_below_poverty": profiles["pct_below_poverty"].round(1),
        "pct_with_broadband": profiles["pct_with_broadband"].round(1),
        "median_household_income": (np.round(profiles["median_household_income"] / 100) * 100).astype(int),
        "top_language_other_than_english": top_languages(
            rng, tracts["kind"].to_numpy(), profiles["pct_limited_english"].to_numpy()),
        "nearest_branch_id": tracts["nearest_branch_id"],
        "miles_to_nearest_branch": np.round(miles, 1),
    })
    return out.sort_values("tract_id", ignore_index=True)


def card_penetration(rng: np.random.Generator, tracts: pd.DataFrame) -> np.ndarray:
    """Share of each tract's residents with an active card: lower with poverty, limited English and distance."""
    share = (BASE_PENETRATION
             - PENETRATION_DROP_PER_POVERTY_POINT * np.maximum(tracts["pct_below_poverty"] - 8, 0)
             - PENETRATION_DROP_PER_LIMITED_ENGLISH_POINT * tracts["pct_limited_english"]
             - PENETRATION_DROP_PER_MILE * np.maximum(tracts["miles_to_nearest_branch"] - 1.5, 0)
             + rng.normal(0, PENETRATION_NOISE_SD, len(tracts)))
    return np.clip(share.to_numpy(), 0.12, 0.78)


def make_cardholders_by_tract(rng: np.random.Generator, tracts: pd.DataFrame) -> pd.DataFrame:
    """Active cardholders and new cards per tract for each fiscal year."""
    population = tracts["population"].to_numpy()
    active_2024 = rng.binomial(population, card_penetration(rng, tracts))
    growth = rng.normal(*ACTIVE_GROWTH_FY2025, len(tracts))
    active_2025 = np.minimum(np.round(active_2024 * (1 + growth)), population).astype(int)
    gateway = np.array([kind == "gateway" for _, kind, _ in TRACTS])
    frames = []
    for year, active in zip(FISCAL_YEARS, (active_2024, active_2025)):
        new_share = np.clip(rng.normal(*NEW_CARD_SHARE, len(tracts)) + NEW_CARD_SHARE_GATEWAY_BONUS * gateway,
                            0.02, 0.2)
        frames.append(pd.DataFrame({"tract_id": tracts["tract_id"], "fiscal_year": year,
                                    "active_cardholders": active,
                                    "new_cards_issued": rng.binomial(active, new_share)}))
    return pd.concat(frames).sort_values(["tract_id", "fiscal_year"], ignore_index=True)


def revise_by_hand(tracts: pd.DataFrame) -> pd.DataFrame:
    """The hand revisions: people moved between tracts (households follow), and Millbrook Village's profile."""
    revised = tracts.copy()
    size = revised["population"] / revised["households"]
    for tract, change in POPULATION_MOVES.items():
        revised.loc[revised["tract_id"] == tract, "population"] += change
    moved = revised["tract_id"].isin(list(POPULATION_MOVES))
    revised.loc[moved, "households"] = np.round(revised.loc[moved, "population"] / size[moved]).astype(int)
    for tract, values in PROFILE_REVISIONS.items():
        for column, value in values.items():
            revised.loc[revised["tract_id"] == tract, column] = value
    return revised


def add_margins_of_error(rng: np.random.Generator, tracts: pd.DataFrame) -> pd.DataFrame:
    """A 90% margin of error (percentage points) beside each survey percentage, as the ACS publishes them."""
    out = tracts.copy()
    for column, base in MOE_COLUMNS.items():
        share = out[column].to_numpy() / 100
        sample = SAMPLE_SHARE * out[base].to_numpy()
        error = np.sqrt(share * (1 - share) / sample) * DESIGN_EFFECT
        margin = MOE_Z * error * 100 * rng.lognormal(0, MOE_WOBBLE_SD, len(out))
        out.insert(out.columns.get_loc(column) + 1, f"{column}_moe", np.maximum(np.round(margin, 1), 0.1))
    return out


def generate(rng: np.random.Generator, world: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """The community_tracts and cardholders_by_tract tables."""
    branch_ids = set(world["branches"]["branch_id"])
    tracts = make_community_tracts(rng)
    unknown = set(tracts["nearest_branch_id"]) - branch_ids
    if unknown:
        raise ValueError(f"tracts point at branches that do not exist: {sorted(unknown)}")
    cardholders = make_cardholders_by_tract(rng, tracts)
    tracts = add_margins_of_error(rng, revise_by_hand(tracts))
    return {"community_tracts": tracts, "cardholders_by_tract": cardholders}
