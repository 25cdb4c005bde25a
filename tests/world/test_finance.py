"""Do budget_lines, grants, revenue and volunteer_hours hang together, and match the published figures?"""
import numpy as np
import pandas as pd
import pytest

from autograder.world.common import branch_id_from_spelling

LINE_COLUMNS = ["line_id", "program_id", "fiscal_year", "branch_id", "category", "budgeted", "actual",
                "funding_source", "in_kind"]
GRANT_COLUMNS = ["grant_id", "funder", "program_id", "fiscal_year", "amount_requested", "amount_awarded",
                 "deadline", "status", "match_required_pct", "allowable_categories", "grant_type"]
REVENUE_COLUMNS = ["fiscal_year", "source", "amount"]
VOLUNTEER_COLUMNS = ["program_id", "fiscal_year", "volunteers", "hours"]
CATEGORIES = {"performer or presenter", "supplies", "refreshments", "printing and promotion", "staff time", "space",
              "equipment", "travel"}
SOURCES = {"local government", "state government", "federal government", "friends of the library",
           "foundation and grants", "fines, fees and other"}


@pytest.fixture(scope="module")
def sessions(world):
    """program_sessions with the clean branch id."""
    table = world["program_sessions"].copy()
    table["branch_id"] = branch_id_from_spelling(table.branch)
    return table


def test_budget_lines_have_the_contract_columns(world):
    """Has budget_lines the contract's columns, about 2,000 unique lines and allowed values?"""
    lines = world["budget_lines"]
    assert list(lines.columns) == LINE_COLUMNS
    assert 1_700 <= len(lines) <= 2_500, len(lines)
    assert lines.line_id.is_unique
    assert set(lines.category) <= CATEGORIES
    assert set(lines.fiscal_year) == {2024, 2025}
    assert lines.in_kind.dtype == bool
    grant_ids = set(world["grants"].grant_id)
    assert set(lines.funding_source) <= {"operating", "friends of the library", "partner in-kind"} | grant_ids
    assert (lines.in_kind == lines.funding_source.eq("partner in-kind")).all()


def test_budget_lines_point_at_real_programs_in_their_branch_and_year(world, sessions):
    """Does every line's program exist, run at the line's branch, and have sessions in the line's fiscal year?"""
    lines = world["budget_lines"]
    where = sessions.groupby("program_id").branch_id.first()
    assert (lines.program_id.map(where) == lines.branch_id).all()
    ran = set(zip(sessions.program_id, sessions.fiscal_year))
    assert all(key in ran for key in zip(lines.program_id, lines.fiscal_year))
    assert not lines.duplicated(["program_id", "fiscal_year", "category", "funding_source"]).any()


def test_money_is_in_cents_and_not_negative(world):
    """Are budgeted and actual non-negative and rounded to cents?"""
    lines = world["budget_lines"]
    for column in ["budgeted", "actual"]:
        values = lines[column].dropna()
        assert (values >= 0).all(), column
        assert np.allclose(values, values.round(2)), column
    assert (lines.budgeted > 0).all()


def test_a_few_lines_are_not_yet_reconciled(world):
    """Are 30-60 lines missing their actual, all in FY2025?"""
    lines = world["budget_lines"]
    missing = lines[lines.actual.isna()]
    assert 30 <= len(missing) <= 60, len(missing)
    assert (missing.fiscal_year == 2025).all()


def test_performer_lines_are_fees_times_sessions(world, sessions):
    """Is each paid performer line budgeted at fee x scheduled sessions and spent at fee x held sessions?"""
    lines = world["budget_lines"]
    paid = lines[lines.category.eq("performer or presenter") & ~lines.in_kind]
    fee = sessions.presenter_id.map(world["presenters"].set_index("presenter_id").fee_per_session)
    counts = sessions.assign(fee=fee, held=sessions.status.eq("held")).groupby(["program_id", "fiscal_year"]).agg(
        fee=("fee", "first"), scheduled=("session_id", "size"), held=("held", "sum"))
    grouped = paid.groupby(["program_id", "fiscal_year"])
    total = pd.DataFrame({"budgeted": grouped.budgeted.sum(),  # a line split between a grant and operating adds up
                          "actual": grouped.actual.apply(lambda a: a.sum() if a.notna().all() else np.nan)})
    joined = total.join(counts)
    assert np.allclose(joined.budgeted, joined.fee * joined.scheduled)
    reconciled = joined.dropna(subset=["actual"])
    assert np.allclose(reconciled.actual, reconciled.fee * reconciled.held)
    charged = set(zip(paid.program_id, paid.fiscal_year))
    assert charged == set(counts[counts.fee > 0].index)


def test_staff_time_is_task_hours_at_loaded_rates(world):
    """Do staff-time actuals add up to staff_tasks hours x loaded rate (wage x (1 + benefits)), program by program?"""
    lines, tasks, staff = world["budget_lines"], world["staff_tasks"], world["staff"].set_index("staff_id")
    rate = staff.hourly_wage * (1 + staff.benefits_rate)
    expected = (tasks.hours_logged * tasks.owner_staff_id.map(rate)).groupby(tasks.program_id).sum()
    staff_lines = lines[lines.category.eq("staff time") & lines.funding_source.eq("operating")]
    found = staff_lines.groupby("program_id").actual.sum()
    compare = pd.concat([expected.rename("expected"), found.rename("found")], axis=1).dropna()
    close = np.isclose(compare.found, compare.expected, rtol=0.02, atol=1)
    assert close.mean() >= 0.95, compare[~close].head()


def test_fernvale_budgets_are_small(world):
    """Is Fernvale's program spending (without grants) the smallest of all branches, under 5% of the total?"""
    lines = world["budget_lines"]
    own = lines[~lines.funding_source.str.match(r"G\d\d")]
    by_branch = own.groupby("branch_id").budgeted.sum()
    assert by_branch.idxmin() == "FER" and by_branch["FER"] < 0.05 * by_branch.sum(), by_branch.to_dict()


def test_grants_have_the_contract_columns_and_24_rows(world):
    """Are there 24 grants G01-G24 with the contract's columns and allowed values?"""
    grants = world["grants"]
    assert list(grants.columns) == GRANT_COLUMNS
    assert grants.grant_id.tolist() == [f"G{i:02d}" for i in range(1, 25)]
    assert set(grants.status) <= {"drafting", "submitted", "awarded", "declined"}
    assert set(grants.grant_type) <= {"small & rural", "general", "humanities", "literacy"}
    assert grants.match_required_pct.between(0, 100).all()
    for allowed in grants.allowable_categories:
        assert set(allowed.split(";")) <= CATEGORIES, allowed
    assert set(grants.program_id.dropna()) <= set(world["program_sessions"].program_id)


def test_only_awarded_grants_have_an_award_no_larger_than_asked(world):
    """Is amount_awarded set exactly for awarded grants, and never above the amount requested?"""
    grants = world["grants"]
    awarded = grants.status.eq("awarded")
    assert grants.loc[awarded, "amount_awarded"].notna().all()
    assert grants.loc[~awarded, "amount_awarded"].isna().all()
    assert (grants.amount_awarded.dropna() <= grants.loc[awarded, "amount_requested"]).all()


def test_grant_amounts_echo_the_published_ones(world):
    """Are humanities grants $1,500-$3,000 and small & rural ones $10,000 or $20,000 (ALA/NEH, ALA LTC; FACTS.md)?"""
    grants = world["grants"]
    rural = grants[grants.grant_type.eq("small & rural")]
    assert set(rural.amount_requested) <= {10_000, 20_000}
    humanities = grants[grants.grant_type.eq("humanities")]
    assert humanities.amount_requested.between(1_500, 3_000).all()


def test_pending_grants_have_deadlines_in_2025(world):
    """Do drafting grants have deadlines after 30 June 2025 and submitted ones in spring 2025?"""
    grants = world["grants"].assign(deadline=lambda g: pd.to_datetime(g.deadline))
    assert (grants.loc[grants.status.eq("drafting"), "deadline"] > "2025-06-30").all()
    submitted = grants.loc[grants.status.eq("submitted"), "deadline"]
    assert submitted.between("2025-01-01", "2025-06-30").all()


def test_awarded_program_grants_are_spent_on_allowable_lines(world):
    """Does each awarded grant fund lines of its own program (or, for G05, its branch) and year, in allowable
    categories, summing to the award?"""
    lines, grants = world["budget_lines"], world["grants"]
    for grant in grants[grants.status.eq("awarded") & (grants.program_id.notna() | grants.grant_id.eq("G05"))].itertuples():
        funded = lines[lines.funding_source.eq(grant.grant_id)]
        if pd.isna(grant.program_id):
            assert (funded.branch_id == "FER").all() and funded.program_id.nunique() == 5
        else:
            assert (funded.program_id == grant.program_id).all()
        assert (funded.fiscal_year == grant.fiscal_year).all()
        assert set(funded.category) <= set(grant.allowable_categories.split(";")), grant.grant_id
        assert np.isclose(funded.budgeted.sum(), grant.amount_awarded), grant.grant_id
    unawarded = set(grants.loc[~grants.status.eq("awarded"), "grant_id"])
    assert not set(lines.funding_source) & unawarded


def test_revenue_has_every_source_each_year(world):
    """Has revenue one row per fiscal year and source, all positive?"""
    revenue = world["revenue"]
    assert list(revenue.columns) == REVENUE_COLUMNS
    assert len(revenue) == 12 and set(revenue.source) == SOURCES
    assert not revenue.duplicated(["fiscal_year", "source"]).any()
    assert (revenue.amount > 0).all()


def test_local_government_is_80_to_85_percent(world):
    """Is local government 80-85% of revenue each year (an assumption FACTS.md marks unverified)?"""
    revenue = world["revenue"]
    for year, rows in revenue.groupby("fiscal_year"):
        share = rows.loc[rows.source.eq("local government"), "amount"].sum() / rows.amount.sum()
        assert 0.80 <= share <= 0.85, f"FY{year}: {share:.1%}"


def test_revenue_per_person_is_near_the_national_figure(world):
    """Is FY2025 revenue per resident within $38-$48, near the $42-$43 suburban and city spending (IMLS; FACTS.md)?"""
    revenue, tracts = world["revenue"], world["community_tracts"]
    per_person = revenue.loc[revenue.fiscal_year.eq(2025), "amount"].sum() / tracts.population.sum()
    assert 38 <= per_person <= 48, per_person


def test_revenue_covers_grants_and_friends_spending(world):
    """Do foundation, federal and Friends revenue cover the grants awarded and the lines the Friends fund?"""
    revenue = world["revenue"].set_index(["fiscal_year", "source"]).amount
    lines, grants = world["budget_lines"], world["grants"]
    for year in (2024, 2025):
        friends = lines[lines.fiscal_year.eq(year) & lines.funding_source.eq("friends of the library")].budgeted.sum()
        assert revenue[(year, "friends of the library")] >= friends
        awarded = grants[grants.status.eq("awarded") & grants.fiscal_year.eq(year)].amount_awarded.sum()
        outside = revenue[(year, "foundation and grants")] + revenue[(year, "federal government")] + \
            revenue[(year, "local government")]
        assert outside >= awarded


def test_volunteer_hours_have_the_contract_columns(world):
    """Has volunteer_hours about 300 rows, one per program and year, with positive counts?"""
    table = world["volunteer_hours"]
    assert list(table.columns) == VOLUNTEER_COLUMNS
    assert 250 <= len(table) <= 380, len(table)
    assert not table.duplicated(["program_id", "fiscal_year"]).any()
    assert (table.volunteers >= 1).all() and (table.hours > 0).all()
    assert set(table.program_id) <= set(world["program_sessions"].program_id)


def test_volunteer_led_programs_all_log_volunteer_time(world, sessions):
    """Does every program led by a volunteer presenter, with a held session, log volunteer hours that year?"""
    table = world["volunteer_hours"]
    volunteers = set(world["presenters"].loc[lambda p: p.presenter_type.eq("volunteer"), "presenter_id"])
    led = sessions[sessions.presenter_id.isin(volunteers) & sessions.status.eq("held")]
    assert set(zip(led.program_id, led.fiscal_year)) <= set(zip(table.program_id, table.fiscal_year))


# ---- what module 06 relies on: believable grants, rents and rates, and data that tell right from wrong

FUNDER_WISHES = {  # funder: what its programs must be (category, audience, branch)
    "State Library LSTA subgrant": {"category": {"digital literacy"}},
    "Wrenfield Community Foundation": {"category": {"STEAM", "health & wellness", "special events"}},
    "National humanities programming grant (fictional)": {"category": {"books & authors"},
                                                          "audience": {"adults", "older adults"}},
    "State humanities council mini-grant (fictional)": {"category": {"arts & culture", "civic engagement",
                                                                     "books & authors"}},
    "Regional early literacy foundation (fictional)": {"category": {"storytime"}},
    "Harbor Point Rotary Club": {"branch": {"HAR"}},
    "Millbrook Savings Bank community fund": {"branch": {"MIL"}},
    "County health department wellness mini-grant": {"category": {"health & wellness"}},
}


def test_awarded_grants_fund_programs_they_suit(world, sessions):
    """Does every awarded program grant fund a program its funder wants, in its year, still running six weeks after
    the deadline?"""
    grants = world["grants"]
    programs = sessions.groupby("program_id").agg(category=("category", "first"), audience=("audience", "first"),
                                                 branch=("branch_id", "first"), fiscal_year=("fiscal_year", "first"),
                                                 last=("date", "max"))
    for grant in grants[grants.status.eq("awarded") & grants.program_id.notna()].itertuples():
        program = programs.loc[grant.program_id]
        wishes = FUNDER_WISHES[grant.funder]
        for key, column in (("category", "category"), ("audience", "audience"), ("branch", "branch")):
            assert key not in wishes or program[column] in wishes[key], (grant.grant_id, key, program[column])
        assert program.fiscal_year == grant.fiscal_year, grant.grant_id
        assert pd.Timestamp(program["last"]) >= pd.Timestamp(grant.deadline) + pd.Timedelta(days=42), grant.grant_id


def test_grant_lines_are_ones_a_librarian_would_believe(world, sessions):
    """Does no grant pay more than $400 a scheduled session for supplies, refreshments, printing and staff time,
    more than $5,000 of equipment, or more than $700 for one printing line?"""
    lines, grants = world["budget_lines"], world["grants"]
    scheduled = sessions.groupby(["program_id", "fiscal_year"]).size()
    funded = lines[lines.funding_source.str.match(r"G\d\d")]
    running = funded[funded.category.isin(["supplies", "refreshments", "printing and promotion", "staff time"])]
    per_session = running.groupby(["program_id", "fiscal_year"]).budgeted.sum() / scheduled
    assert per_session.dropna().max() <= 400, per_session.sort_values().tail()
    assert funded[funded.category.eq("equipment")].groupby("funding_source").budgeted.sum().max() <= 5_000
    assert funded.loc[funded.category.eq("printing and promotion"), "budgeted"].max() <= 700
    assert len(grants[grants.status.eq("awarded") & grants.program_id.isna()]) == 3  # G03, G18 general; G05 a project


def test_partner_space_is_valued_at_a_local_hourly_rent(world, sessions):
    """Is every in-kind room valued at $25-$60 an hour of the sessions scheduled there?"""
    lines = world["budget_lines"]
    hours = (sessions.duration_minutes / 60).groupby([sessions.program_id, sessions.fiscal_year]).sum()
    space = lines[lines.category.eq("space")].set_index(["program_id", "fiscal_year"])
    per_hour = space.budgeted / hours.reindex(space.index)
    assert per_hour.between(25, 60).all(), per_hour.describe()


def test_fernvale_fy2025_has_lines_a_projection_must_leave_out(world):
    """Has Fernvale's FY2025 a grant-funded line, an in-kind line and an unreconciled operating or Friends line, so
    that keeping them, or skipping the gap, changes a projection?"""
    lines = world["budget_lines"]
    fer = lines[lines.branch_id.eq("FER") & lines.fiscal_year.eq(2025)]
    assert fer.funding_source.str.match(r"G\d\d").any()
    assert fer.in_kind.any()
    own = fer[fer.funding_source.isin(["operating", "friends of the library"])]
    assert own.actual.isna().any()


def test_fernvale_fy2026_range_straddles_the_allocation(world):
    """Does the $10,300 allocation of module 06 lie between the low and high projections, above the middle one, and
    below the low projection of a base that keeps the grant (so every wrong base or rate changes the call)?"""
    lines = world["budget_lines"]
    fer = lines[lines.branch_id.eq("FER") & lines.fiscal_year.eq(2025)].copy()
    fer["amount"] = fer.actual.fillna(fer.budgeted)
    base = fer[fer.funding_source.isin(["operating", "friends of the library"])].groupby("category").amount.sum()
    with_grant = fer[~fer.in_kind].groupby("category").amount.sum()
    low = pd.Series({"staff time": 0.02, "performer or presenter": 0.0, "supplies": 0.01, "refreshments": 0.01,
                     "printing and promotion": 0.0})
    middle = pd.Series({"staff time": 0.03, "performer or presenter": 0.05, "supplies": 0.03, "refreshments": 0.03,
                        "printing and promotion": 0.02})
    high = pd.Series({"staff time": 0.045, "performer or presenter": 0.10, "supplies": 0.05, "refreshments": 0.05,
                      "printing and promotion": 0.04})
    total = lambda b, rates: (b * (1 + rates.reindex(b.index).fillna(0))).sum()  # noqa: E731
    assert total(base, low) < total(base, middle) < 10_300 < total(base, high)
    assert total(with_grant, low) > 10_300


def test_the_book_chat_of_module_06_has_every_kind_of_cost(world, sessions):
    """Has P0058 (FY2024) an in-kind line, volunteers, a staff time line equal to its task log, and held sessions
    without a count?"""
    lines, volunteers = world["budget_lines"], world["volunteer_hours"]
    mine = lines[lines.program_id.eq("P0058") & lines.fiscal_year.eq(2024)]
    assert mine.in_kind.any()
    assert volunteers[volunteers.program_id.eq("P0058") & volunteers.fiscal_year.eq(2024)].hours.sum() > 0
    held = sessions[sessions.program_id.eq("P0058") & sessions.status.eq("held")]
    assert held.attendance.isna().any() and held.attendance.notna().any()
    tasks, staff = world["staff_tasks"], world["staff"].set_index("staff_id")
    rate = staff.hourly_wage * (1 + staff.benefits_rate)
    logged = tasks[tasks.program_id.eq("P0058")]
    assert np.isclose((logged.hours_logged * logged.owner_staff_id.map(rate)).sum(),
                      mine.loc[mine.category.eq("staff time"), "actual"].sum(), atol=0.01)


def test_senior_center_book_chats_have_volunteers(world, sessions):
    """Does every book chat at a senior center that held a session log volunteer hours that year?"""
    chats = sessions[sessions.program_title.str.contains("Senior Center") & sessions.status.eq("held")]
    logged = set(zip(world["volunteer_hours"].program_id, world["volunteer_hours"].fiscal_year))
    assert set(zip(chats.program_id, chats.fiscal_year)) <= logged


def test_the_match_findings_are_as_the_datasheets_say(world):
    """At $28.64 a volunteer hour, does G17's program just meet its match and G01's fall well short?"""
    lines, grants, volunteers = world["budget_lines"], world["grants"], world["volunteer_hours"]
    own = lines[lines.funding_source.isin(["operating", "friends of the library", "partner in-kind"])]
    share = {}
    for grant in grants[grants.match_required_pct.gt(0) & grants.status.eq("awarded")].itertuples():
        keys = (grant.program_id, grant.fiscal_year)
        value = own[own.program_id.eq(keys[0]) & own.fiscal_year.eq(keys[1])].actual.sum()
        value += volunteers[volunteers.program_id.eq(keys[0]) & volunteers.fiscal_year.eq(keys[1])].hours.sum() * 28.64
        share[grant.grant_id] = value / (grant.amount_awarded * grant.match_required_pct / 100)
    assert set(share) == {"G01", "G17"}
    assert 1 <= share["G17"] < 1.2 and share["G01"] < 0.5


def test_finance_datasheets_state_the_tables_true_figures(world):
    """Are the counts and totals the four finance datasheets give those of the tables?"""
    from autograder.world.files import DATASETS
    sheet = {name: " ".join((DATASETS / "datasheets" / f"{name}.md").read_text(encoding="utf-8").split())
             for name in ("budget_lines", "grants", "revenue", "volunteer_hours")}
    lines, grants, revenue, volunteers = (world[n] for n in ("budget_lines", "grants", "revenue", "volunteer_hours"))
    assert f"{len(lines):,} lines" in sheet["budget_lines"]
    assert f"{lines.actual.isna().sum()} lines (all FY2025" in sheet["budget_lines"]
    assert f"{(lines.actual == 0).sum()} lines have an actual of 0" in sheet["budget_lines"]
    counts = lines.category.value_counts()
    for category, words in (("staff time", "staff time"), ("supplies", "supplies"), ("space", "space"),
                            ("equipment", "equipment")):
        assert f"{counts[category]} {words}" in sheet["budget_lines"], category
    assert f"{lines.funding_source.str.match(r'G[0-9][0-9]').sum()} grant-funded lines" in sheet["budget_lines"]
    awarded = grants[grants.status.eq("awarded")]
    by_year = awarded.groupby("fiscal_year").amount_awarded.sum()
    assert f"${awarded.amount_awarded.sum():,.0f} was awarded in all (${by_year[2024]:,.0f} in FY2024, " \
           f"${by_year[2025]:,.0f} in FY2025)" in sheet["grants"]
    totals = revenue.groupby("fiscal_year").amount.sum()
    assert f"total ${totals[2024]:,.0f} in FY2024 and ${totals[2025]:,.0f} in FY2025" in sheet["revenue"]
    assert f"{len(volunteers)} rows" in sheet["volunteer_hours"]
    assert f"{volunteers.hours.sum():,.2f} hours" in sheet["volunteer_hours"]
