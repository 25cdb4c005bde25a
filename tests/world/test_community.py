"""Are the community_tracts and cardholders_by_tract tables complete, consistent and believably uneven?"""
import pandas as pd

from autograder.world import community
from autograder.world.registry import stream

PERCENT_COLUMNS = ["pct_under_5", "pct_65_plus", "pct_limited_english", "pct_below_poverty", "pct_with_broadband"]
MOE_COLUMNS = [f"{c}_moe" for c in PERCENT_COLUMNS]
TRACT_COLUMNS = ["tract_id", "neighborhood", "population", "households",
                 *[c for pair in zip(PERCENT_COLUMNS, MOE_COLUMNS) for c in pair], "median_household_income",
                 "top_language_other_than_english", "nearest_branch_id", "miles_to_nearest_branch"]
CARDHOLDER_COLUMNS = ["tract_id", "fiscal_year", "active_cardholders", "new_cards_issued"]
# Module 01's six needs: (column, rule, cut-off); distance is measured, so it has no margin of error.
NEEDS = [("pct_below_poverty", ">=", 25), ("pct_limited_english", ">=", 15), ("pct_under_5", ">=", 7),
         ("pct_65_plus", ">=", 22), ("pct_with_broadband", "<", 70)]


def penetration(world):
    """Active cardholders per resident, tract by tract, with the tract's profile alongside."""
    both = world["cardholders_by_tract"].merge(world["community_tracts"], on="tract_id")
    both["penetration"] = both.active_cardholders / both.population
    return both


def test_tracts_have_the_contract_columns_and_42_unique_ids(world):
    """Are there 42 tracts, CT0101-CT0142, with the contract's columns in order?"""
    tracts = world["community_tracts"]
    assert list(tracts.columns) == TRACT_COLUMNS
    assert len(tracts) == 42 and tracts.tract_id.is_unique
    assert tracts.tract_id.tolist() == [f"CT{n:04d}" for n in range(101, 143)]
    assert tracts.neighborhood.is_unique


def test_tract_values_are_in_range(world):
    """Are percentages 0-100, counts positive, incomes and distances plausible?"""
    tracts = world["community_tracts"]
    for column in PERCENT_COLUMNS + MOE_COLUMNS:
        assert tracts[column].between(0, 100).all(), column
    assert (tracts.population > 0).all() and (tracts.households > 0).all()
    size = tracts.population / tracts.households
    assert size.between(1.8, 3.5).all(), size.describe()
    assert tracts.median_household_income.between(20_000, 200_000).all()
    assert tracts.miles_to_nearest_branch.between(0, 20).all()


def test_the_county_has_about_118000_people(world):
    """Does the service area add up to about 118,000 people (datasets/README.md)?"""
    total = world["community_tracts"].population.sum()
    assert abs(total - 118_000) <= 100, total


def test_every_tract_points_at_a_real_branch_and_each_branch_serves_some(world):
    """Does nearest_branch_id always resolve to branches, and does every branch have tracts?"""
    tracts, branches = world["community_tracts"], world["branches"]
    assert set(tracts.nearest_branch_id) == set(branches.branch_id)


def test_each_branch_stands_in_a_tract_that_lists_it_as_nearest(world):
    """Is each branch's home tract close to it (under a mile) and served by it?"""
    tracts = world["community_tracts"].set_index("tract_id")
    for branch in world["branches"].itertuples():
        home = tracts.loc[branch.home_tract]
        assert home.nearest_branch_id == branch.branch_id and home.miles_to_nearest_branch < 1, branch.branch_id


def test_the_spread_of_need_is_believable(world):
    """Are there a few high-poverty, low-broadband, high limited-English tracts, and a far, older rural edge?"""
    tracts = world["community_tracts"]
    assert 3 <= (tracts.pct_below_poverty >= 25).sum() <= 10
    assert 3 <= (tracts.pct_with_broadband < 70).sum() <= 15
    assert 3 <= (tracts.pct_limited_english >= 15).sum() <= 8
    far = tracts[tracts.miles_to_nearest_branch >= 5]
    assert 3 <= len(far) <= 8 and set(far.nearest_branch_id) <= {"FER", "OAK"}
    assert far.pct_65_plus.mean() > tracts.pct_65_plus.mean() + 5


def test_top_language_is_empty_only_where_few_have_limited_english(world):
    """Is top_language_other_than_english empty only for tracts under 1% limited English?"""
    tracts = world["community_tracts"]
    empty = tracts.top_language_other_than_english.isna()
    assert (tracts.loc[empty, "pct_limited_english"] < 1).all()
    assert (tracts.loc[~empty, "pct_limited_english"] >= 1).all()


def test_cardholders_have_the_contract_columns_and_one_row_per_tract_and_year(world):
    """Has cardholders_by_tract one row per tract and fiscal year, with the contract's columns?"""
    cards = world["cardholders_by_tract"]
    assert list(cards.columns) == CARDHOLDER_COLUMNS
    assert len(cards) == 84 and not cards.duplicated(["tract_id", "fiscal_year"]).any()
    assert set(cards.fiscal_year) == {2024, 2025}
    assert set(cards.tract_id) == set(world["community_tracts"].tract_id)


def test_cardholder_counts_are_possible(world):
    """Are counts non-negative, never above the population, with new cards a small share of active ones?"""
    both = penetration(world)
    assert (both.active_cardholders >= 0).all() and (both.new_cards_issued >= 0).all()
    assert (both.active_cardholders <= both.population).all()
    share = both.new_cards_issued / both.active_cardholders
    assert share.between(0.01, 0.25).all(), share.describe()


def test_overall_penetration_sits_between_35_and_65_percent(world):
    """Is the county's share of residents with an active card 35-65% (national registered users 55%, IMLS; FACTS.md)?"""
    both = penetration(world)
    for year, rows in both.groupby("fiscal_year"):
        overall = rows.active_cardholders.sum() / rows.population.sum()
        assert 0.35 <= overall <= 0.65, f"FY{year}: {overall:.1%}"


def test_reach_is_uneven(world):
    """Is card penetration clearly lower in high-poverty, limited-English and far-away tracts?"""
    both = penetration(world)
    both = both[both.fiscal_year == 2025]
    high_need = (both.pct_below_poverty >= 25) | (both.pct_limited_english >= 15) | (both.miles_to_nearest_branch >= 5)
    gap = both.loc[~high_need, "penetration"].median() - both.loc[high_need, "penetration"].median()
    assert gap >= 0.15, f"gap {gap:.2f}"
    assert both.penetration.corr(both.pct_below_poverty) < -0.5


def need_and_reach(world):
    """Per tract: the number of module 01's six needs met, the needs clear of their margin of error, FY2025 reach."""
    tracts = world["community_tracts"].set_index("tract_id")
    cards = world["cardholders_by_tract"]
    active = cards[cards.fiscal_year == 2025].set_index("tract_id").active_cardholders
    met = [tracts[c] >= v if rule == ">=" else tracts[c] < v for c, rule, v in NEEDS]
    clear = [tracts[c] - tracts[f"{c}_moe"] >= v if rule == ">=" else tracts[c] + tracts[f"{c}_moe"] < v
             for c, rule, v in NEEDS]
    far = tracts.miles_to_nearest_branch >= 5
    return pd.DataFrame({"needs": sum(m.astype(int) for m in met) + far, "clear": sum(c.astype(int) for c in clear) + far,
                         "penetration": active / tracts.population}), active.sum() / tracts.population.sum()


def test_margins_of_error_are_where_tract_estimates_put_them(world):
    """Is each survey percentage given a 90% margin of error of a believable size for a tract of a few thousand?"""
    tracts = world["community_tracts"]
    for column, low, high in [("pct_under_5_moe", 1, 6), ("pct_65_plus_moe", 2, 10), ("pct_limited_english_moe", 0.1, 8),
                              ("pct_below_poverty_moe", 1, 10), ("pct_with_broadband_moe", 3, 18)]:
        assert tracts[column].between(low, high).all(), (column, tracts[column].describe())
    smaller = tracts.nsmallest(6, "population")
    assert smaller.pct_65_plus_moe.mean() > tracts.pct_65_plus_moe.mean() * 0.9  # small tracts are less certain


def test_need_is_not_the_same_thing_as_reach(world):
    """Is some tract with two or more needs above the county's FY2025 penetration, and one with none below it?"""
    table, county = need_and_reach(world)
    assert ((table.needs >= 2) & (table.penetration > county)).sum() >= 2
    assert ((table.needs == 0) & (table.penetration < county)).sum() >= 1


def test_the_average_of_tract_rates_misplaces_a_needy_tract(world):
    """Does a tract with two or more needs sit between the county rate and the average of the 42 tract rates,
    with room to spare for rates rounded to three decimals?"""
    table, county = need_and_reach(world)
    average = table.penetration.mean()
    between = table[(table.needs >= 2) & table.penetration.between(county + 0.002, average - 0.002)]
    assert len(between) >= 1, (county, average)
    near = table[(table.penetration - county).abs() < 0.001]
    assert near.empty, near  # no tract so close to the county rate that rounding flips it


def test_margins_decide_some_priority_tracts(world):
    """Among tracts with 2+ needs and below-county reach, do some have a need clear of its margin and some none?"""
    table, county = need_and_reach(world)
    priority = table[(table.needs >= 2) & (table.penetration < county)]
    assert 10 <= len(priority) <= 20
    assert 2 <= (priority.clear == 0).sum() <= 5 and (priority.clear >= 1).sum() >= 8


def test_hand_revisions_keep_the_county_and_every_branch_broadband_figure(world):
    """Do the hand revisions keep 118,002 people and each branch area's population-weighted broadband to one
    decimal (which monthly_stats is built from), and leave FY2025 cardholders within each tract's population?"""
    raw = community.make_community_tracts(stream("community"))
    revised = world["community_tracts"]

    def broadband(tracts):
        weighted = (tracts.pct_with_broadband.round(1) * tracts.population).groupby(tracts.nearest_branch_id).sum()
        return (weighted / tracts.population.groupby(tracts.nearest_branch_id).sum()).round(1)

    assert revised.population.sum() == raw.population.sum() == 118_002
    assert broadband(revised).equals(broadband(raw))
    changed = raw.set_index("tract_id").population.ne(revised.set_index("tract_id").population)
    assert set(changed[changed].index) == set(community.POPULATION_MOVES)
