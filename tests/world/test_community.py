"""Are the community_tracts and cardholders_by_tract tables complete, consistent and believably uneven?"""

TRACT_COLUMNS = ["tract_id", "neighborhood", "population", "households", "pct_under_5", "pct_65_plus",
                 "pct_limited_english", "pct_below_poverty", "pct_with_broadband", "median_household_income",
                 "top_language_other_than_english", "nearest_branch_id", "miles_to_nearest_branch"]
CARDHOLDER_COLUMNS = ["tract_id", "fiscal_year", "active_cardholders", "new_cards_issued"]
PERCENT_COLUMNS = TRACT_COLUMNS[4:9]


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
    for column in PERCENT_COLUMNS:
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
