"""Program budgets, the grants pipeline, revenue by source and volunteer time for Wrenfield's programs."""
from __future__ import annotations

import numpy as np
import pandas as pd

from autograder.world.common import (FISCAL_YEARS, FY_END, FY_START, make_ids, program_summary, round_cents,
                                     tidy_sessions)

# ---- budget_lines -------------------------------------------------------------------------------
# Per-session spending by category (assumptions, set against the performer-fee survey's summer budgets of
# $0-$6,000 a year: FACTS.md, Financial).
SUPPLIES_PER_SESSION = {"storytime": 8, "DIY & crafts": 45, "STEAM": 60, "arts & culture": 35,
                        "activities & games": 15, "health & wellness": 10, "special events": 90,
                        "classes & workshops": 12, "digital literacy": 5, "books & authors": 10,
                        "civic engagement": 10, "English conversation": 6}
SUPPLIES_LINE_CHANCE = {"storytime": 0.35, "DIY & crafts": 1.0, "STEAM": 0.9, "arts & culture": 0.6,
                        "activities & games": 0.4, "special events": 0.7}
SUPPLIES_LINE_CHANCE_OTHER = 0.08
KITCHEN_SUPPLIES_PER_SESSION = 90  # groceries for teaching-kitchen and cooking classes
REFRESHMENTS_PER_SESSION = {"special events": 120, "books & authors": 40, "civic engagement": 50,
                            "English conversation": 15}
REFRESHMENTS_LINE_CHANCE = {"special events": 0.9, "books & authors": 0.6, "civic engagement": 0.7,
                            "English conversation": 0.5}
REFRESHMENTS_LINE_CHANCE_OTHER = 0.06
REFRESHMENTS_OTHER_PER_SESSION = 25
PRINTING_RANGE = (40, 250)              # flyers and posters for a promoted program
AUTHOR_TRAVEL_RANGE = (150, 600)        # mileage and a night's hotel (FACTS.md: honoraria "plus travel")
OUTREACH_MILEAGE_PER_SESSION = (12, 40)  # staff driving to off-site sessions
EQUIPMENT_CATEGORIES = {"STEAM", "digital literacy"}
EQUIPMENT_LINE_CHANCE = 0.2
EQUIPMENT_RANGE = (150, 1_200)
IN_KIND_SPACE_PER_HOUR = (25, 60)       # a partner's hall or classroom, valued at the hourly rent of a comparable
#                                         community room nearby (assumption), times the session's hours
IN_KIND_PRESENTER_PER_SESSION = 75      # a partner's staff member leading a session, valued by the library
FERNVALE_SCALE = 0.5                    # Fernvale's small rural budget (contract)
SPEND_SPREAD = 0.15                     # lognormal sigma of actual around budget, per held session
STAFF_TIME_BUDGET_BIAS = (-0.10, 0.15)  # planners under-estimate staff time a little (assumption)
FRIENDS_SHARE = {"refreshments": 0.5, "performer or presenter": 0.25, "supplies": 0.1}
UNRECONCILED_LINES = 45                 # FY2025 lines of late programs with no actual yet
UNRECONCILED_FROM = pd.Timestamp("2025-05-01")

# ---- grants ---------------------------------------------------------------------------------------
# funder: (grant_type, revenue source, amount range or fixed choices, match %, allowable categories,
# the programs it suits). Amounts echo FACTS.md, Financial: humanities $2,500-$3,000 (ALA/NEH Let's Talk
# About It, a reading and discussion series), small & rural $10,000 / $20,000 (ALA Libraries Transforming
# Communities round 2). Other amounts and matches are assumptions.
FUNDERS = {
    "State Library LSTA subgrant": (
        "general", "federal government", (5_000, 15_000), 25,
        "performer or presenter;supplies;equipment;printing and promotion",
        {"category": ["digital literacy"], "min_sessions": 4}),
    "Wrenfield Community Foundation": (
        "general", "foundation and grants", (1_000, 7_500), 0,
        "performer or presenter;supplies;refreshments;printing and promotion",
        {"category": ["STEAM", "health & wellness", "special events"], "min_sessions": 3}),
    "National humanities programming grant (fictional)": (
        "humanities", "foundation and grants", [2_500, 3_000], 0,
        "performer or presenter;travel;printing and promotion;refreshments",
        {"category": ["books & authors"], "audience": ["adults", "older adults"], "min_sessions": 3}),
    "State humanities council mini-grant (fictional)": (
        "humanities", "foundation and grants", (1_500, 3_000), 100,
        "performer or presenter;travel;printing and promotion",
        {"category": ["arts & culture", "civic engagement", "books & authors"]}),
    "National small & rural libraries grant (fictional)": (
        "small & rural", "foundation and grants", [10_000, 20_000], 0,
        "staff time;performer or presenter;supplies;equipment;travel;printing and promotion",
        {"branch": ["FER"], "min_sessions": 4}),
    "Regional early literacy foundation (fictional)": (
        "literacy", "foundation and grants", (2_000, 5_000), 0,
        "supplies;performer or presenter;printing and promotion",
        {"category": ["storytime"], "min_sessions": 4}),
    "Teen reading circle grant (fictional)": (
        "literacy", "foundation and grants", [1_500], 0, "supplies;refreshments;travel",
        {"audience": ["teens"], "min_sessions": 3}),
    "Harbor Point Rotary Club": (
        "general", "foundation and grants", (500, 1_500), 0, "supplies;refreshments",
        {"category": ["special events", "activities & games"], "branch": ["HAR"]}),
    "Millbrook Savings Bank community fund": (
        "general", "foundation and grants", (1_000, 3_000), 0, "performer or presenter;supplies;equipment",
        {"category": ["classes & workshops", "health & wellness"], "branch": ["MIL"]}),
    "County health department wellness mini-grant": (
        "general", "local government", (1_000, 4_000), 0, "performer or presenter;supplies;refreshments",
        {"category": ["health & wellness"]}),
}
# (funder, fiscal_year, status, tied to a program?) for the 24 applications, in the order they are numbered.
APPLICATIONS = [
    ("State Library LSTA subgrant", 2024, "awarded", True),
    ("Wrenfield Community Foundation", 2024, "awarded", True),
    ("Wrenfield Community Foundation", 2024, "awarded", False),
    ("National humanities programming grant (fictional)", 2024, "awarded", True),
    ("National small & rural libraries grant (fictional)", 2024, "awarded", True),
    ("Regional early literacy foundation (fictional)", 2024, "declined", True),
    ("State humanities council mini-grant (fictional)", 2024, "declined", True),
    ("Harbor Point Rotary Club", 2024, "awarded", True),
    ("Millbrook Savings Bank community fund", 2024, "declined", True),
    ("County health department wellness mini-grant", 2024, "awarded", True),
    ("Teen reading circle grant (fictional)", 2024, "declined", True),
    ("State Library LSTA subgrant", 2025, "declined", True),
    ("Wrenfield Community Foundation", 2025, "awarded", True),
    ("National humanities programming grant (fictional)", 2025, "awarded", True),
    ("National small & rural libraries grant (fictional)", 2025, "declined", True),
    ("Regional early literacy foundation (fictional)", 2025, "awarded", True),
    ("State humanities council mini-grant (fictional)", 2025, "awarded", True),
    ("Harbor Point Rotary Club", 2025, "awarded", False),
    ("Millbrook Savings Bank community fund", 2025, "awarded", True),
    ("Teen reading circle grant (fictional)", 2025, "submitted", True),
    ("County health department wellness mini-grant", 2025, "submitted", True),
    ("Wrenfield Community Foundation", 2025, "submitted", False),
    ("State Library LSTA subgrant", 2025, "drafting", False),
    ("National small & rural libraries grant (fictional)", 2025, "drafting", False),
]
# Awarded grants are then set by hand to programs they fit (drawn first, so that every other draw stays as it was):
# a grant pays for costs of its program that it allows, and what the application added beyond them follows the
# plan written here (category: share of what is left). Each pick suits the funder (branch, category, audience) and
# still runs six weeks after the deadline; tests/world/test_finance.py checks both, and that the lines are believable.
GRANT_PICKS = {
    "G01": ("P0327", {"equipment": 0.75, "supplies": 0.15, "printing and promotion": 0.10}),  # laptops for classes
    "G02": ("P0039", {"supplies": 0.8, "printing and promotion": 0.2}),      # new building sets for a year-long club
    "G04": ("P0166", {"printing and promotion": 1.0}),                       # an author's fee, travel and posters
    "G05": (None, {}),                                                      # a branch project: SMALL_RURAL_PROJECT
    "G08": ("P0079", {"refreshments": 0.6, "supplies": 0.4}),                # snacks and games for a teen night
    "G10": ("P0024", {"supplies": 1.0}),                                    # refreshments, part of the instructor fees
    "G13": ("P0477", {"printing and promotion": 1.0}),                      # part of a year of instructor fees
    "G14": ("P0632", {"printing and promotion": 1.0}),                      # an author's fee and most of the travel
    "G16": ("P0760", {"supplies": 0.8, "printing and promotion": 0.2}),      # take-home early-literacy kits
    "G17": ("P0729", {"printing and promotion": 1.0}),                      # travel and part of an author's fee
    "G19": ("P0507", {"equipment": 0.6, "supplies": 0.4}),                   # robotics kits for a building club
}
AWARDS_SET = {"G05": 10_000.0}          # the small & rural grant Fernvale won: the smaller of the two fixed sizes
# G05 paid for a year of added family programming at Fernvale, written as its application budgeted it.
SMALL_RURAL_PROJECT = [
    ("P0100", "equipment", 1_900),               # die-cutting machine, button maker, two sewing machines
    ("P0100", "supplies", 1_100),                # maker supplies for the craft afternoons
    ("P0100", "printing and promotion", 600),    # postcards to the rural routes for the year's family programs
    ("P0100", "staff time", 2_500),              # added associate hours to plan the year and visit the school
    ("P0151", "supplies", 550),                  # take-home early-literacy kits for three storytime series
    ("P0249", "supplies", 500),
    ("P0308", "supplies", 450),
    ("P0191", "equipment", 2_400),               # six laptops and two hotspots for classes and lending
]
MIN_PART_OF_A_LINE = 100                # a grant pays part of a larger line only when at least this much is left

PARTIAL_AWARD_CHANCE = 0.4              # range-amount funders often award less than asked
PARTIAL_AWARD_SHARE = (0.5, 0.9)
DECIDED_DEADLINE_MONTHS = (0, 4)        # months after the fiscal year starts (decided grants)
AWARD_TO_PROGRAM_DAYS = 75              # the funded program starts at least this long after the deadline
PENDING_DEADLINES = {"submitted": ("2025-03-01", "2025-06-15"), "drafting": ("2025-07-15", "2025-09-30")}

# ---- revenue --------------------------------------------------------------------------------------
SPENDING_PER_CAPITA_FY2025 = 43.50  # near the suburban $42.04 and city $43.09 per person (IMLS; FACTS.md)
POPULATION = 118_000                # datasets/README.md
REVENUE_GROWTH = 1.03               # FY2024 = FY2025 / 1.03 (assumption)
STATE_SHARE = 0.095                 # assumption
FINES_FEES_OTHER_SHARE = 0.035      # assumption: fines are small in a mostly fine-free system
OTHER_FEDERAL = 18_000              # E-rate style federal support besides LSTA (assumption)
FOUNDATION_UNRESTRICTED = 15_000    # unrestricted foundation gifts besides grants (assumption)
# The Friends of the Library's gifts to the library, from their (fictional) annual reports: about twice
# the program lines they fund, since they also buy books and equipment.
FRIENDS_GIFTS = {2024: 73_007.81, 2025: 58_221.40}
REVENUE_SOURCES = ["local government", "state government", "federal government", "friends of the library",
                   "foundation and grants", "fines, fees and other"]

# ---- volunteer_hours ------------------------------------------------------------------------------
VOLUNTEER_CATEGORY_CHANCE = {"special events": 0.75, "English conversation": 0.9, "activities & games": 0.45,
                             "storytime": 0.2, "STEAM": 0.35, "digital literacy": 0.5, "DIY & crafts": 0.3}
VOLUNTEER_CHANCE_OTHER = 0.12
VOLUNTEER_TITLES = ["Senior Center"]  # Friends volunteers carry the large-print copies to the senior-center book chats
VOLUNTEERS_PER_SESSION = {"special events": 6, "English conversation": 2}
VOLUNTEERS_PER_SESSION_OTHER = 1.5
VOLUNTEER_EXTRA_HOURS = 0.75  # arriving early and staying to tidy, per volunteer per session
VOLUNTEER_ROTATION = 0.5     # extra people over a series, as volunteers take turns


def program_years(world: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """One row per program and fiscal year it ran in, with scheduled and held sessions in that year."""
    sessions = tidy_sessions(world["program_sessions"])
    sessions["hours"] = sessions["duration_minutes"] / 60
    sessions["held_hours_year"] = sessions["hours"].where(sessions["held"], 0.0)
    grouped = sessions.groupby(["program_id", "fiscal_year"])
    years = pd.DataFrame({"scheduled": grouped.size(), "held": grouped["held"].sum().astype(int),
                          "scheduled_hours": grouped["hours"].sum(), "held_hours_year": grouped["held_hours_year"].sum(),
                          "last_date": grouped["date"].max()}).reset_index()
    programs = program_summary(world)
    years = years.join(programs.drop(columns=["fiscal_year", "last_date"]), on="program_id")
    years["share_of_program"] = years.scheduled / years.program_id.map(programs.sessions)
    return years


def chance_by(categories: pd.Series, table: dict, other: float) -> np.ndarray:
    """The chance of something per row, from its program category."""
    return categories.map(table).fillna(other).to_numpy(dtype=float)


def line(years: pd.DataFrame, mask, category: str, budgeted, actual, **extra) -> pd.DataFrame:
    """Budget lines of one category for the selected program-years."""
    mask = np.asarray(mask, dtype=bool)
    frame = years.loc[mask, ["program_id", "fiscal_year", "branch_id", "last_date"]].copy()
    frame["category"] = category
    frame["budgeted"] = np.asarray(budgeted, dtype=float)[mask]
    frame["actual"] = np.asarray(actual, dtype=float)[mask]
    for key, value in extra.items():
        frame[key] = np.asarray(value)[mask] if np.ndim(value) else value
    return frame


def spend(rng: np.random.Generator, years: pd.DataFrame, per_session) -> tuple[np.ndarray, np.ndarray]:
    """Budget for every scheduled session; actual for the held ones, give or take."""
    per_session = np.asarray(per_session, dtype=float) * np.where(years.branch_id.eq("FER"), FERNVALE_SCALE, 1)
    budgeted = per_session * years.scheduled.to_numpy()
    actual = per_session * years.held.to_numpy() * rng.lognormal(0, SPEND_SPREAD, len(years))
    return budgeted, actual


def staff_time_cost(world: dict[str, pd.DataFrame], years: pd.DataFrame) -> np.ndarray:
    """Logged task hours x the owner's loaded hourly rate, split across a program's years by sessions."""
    staff = world["staff"].set_index("staff_id")
    loaded = staff.hourly_wage * (1 + staff.benefits_rate)
    tasks = world["staff_tasks"]
    cost = (tasks.hours_logged * tasks.owner_staff_id.map(loaded)).groupby(tasks.program_id).sum()
    return years.program_id.map(cost).fillna(0).to_numpy() * years.share_of_program.to_numpy()


def cost_lines(rng: np.random.Generator, world: dict[str, pd.DataFrame], years: pd.DataFrame) -> pd.DataFrame:
    """Every budget line of every program-year, before funding sources are set."""
    n = len(years)
    chance = rng.random((n, 6))
    fee = years.fee_per_session.fillna(0).to_numpy()
    paid = fee > 0
    frames = [line(years, paid, "performer or presenter", fee * years.scheduled, fee * years.held)]

    staff_actual = staff_time_cost(world, years)
    staff_budget = staff_actual * rng.lognormal(*STAFF_TIME_BUDGET_BIAS, n)
    frames.append(line(years, staff_actual > 0, "staff time", staff_budget, staff_actual))

    kitchen = years.program_title.str.contains("Kitchen|Cooking", regex=True).to_numpy()
    per = np.where(kitchen, KITCHEN_SUPPLIES_PER_SESSION, years.category.map(SUPPLIES_PER_SESSION))
    wants = kitchen | (chance[:, 0] < chance_by(years.category, SUPPLIES_LINE_CHANCE, SUPPLIES_LINE_CHANCE_OTHER))
    frames.append(line(years, wants, "supplies", *spend(rng, years, per)))

    per = years.category.map(REFRESHMENTS_PER_SESSION).fillna(REFRESHMENTS_OTHER_PER_SESSION)
    wants = chance[:, 1] < chance_by(years.category, REFRESHMENTS_LINE_CHANCE, REFRESHMENTS_LINE_CHANCE_OTHER)
    frames.append(line(years, wants, "refreshments", *spend(rng, years, per)))

    flyers = world["staff_tasks"].loc[lambda t: t.task.eq("design flyer"), "program_id"]
    printed = years.program_id.isin(flyers).to_numpy()
    budget = np.round(rng.uniform(*PRINTING_RANGE, n), -1) * np.where(years.branch_id.eq("FER"), FERNVALE_SCALE, 1)
    frames.append(line(years, printed, "printing and promotion", budget, budget * rng.lognormal(0, 0.1, n)))

    author = years.presenter_type.eq("author").to_numpy()
    budget = np.round(rng.uniform(*AUTHOR_TRAVEL_RANGE, n), -1)
    frames.append(line(years, author, "travel", budget, budget * rng.lognormal(0, 0.12, n)))
    off_site = years.format.eq("off site").to_numpy()
    frames.append(line(years, off_site & ~author, "travel", *spend(rng, years,
                                                                   rng.uniform(*OUTREACH_MILEAGE_PER_SESSION, n))))

    wants = years.category.isin(EQUIPMENT_CATEGORIES).to_numpy() & (chance[:, 2] < EQUIPMENT_LINE_CHANCE)
    budget = np.round(rng.uniform(*EQUIPMENT_RANGE, n), -1)
    frames.append(line(years, wants, "equipment", budget, budget * rng.lognormal(0, 0.08, n)))

    partner = years.partner_id.notna().to_numpy()
    hourly = np.round(rng.uniform(*IN_KIND_SPACE_PER_HOUR, n) / 5) * 5
    frames.append(line(years, partner & off_site, "space", hourly * years.scheduled_hours, hourly * years.held_hours_year,
                       funding_source="partner in-kind"))
    partner_led = years.presenter_type.eq("partner staff").to_numpy()
    frames.append(line(years, partner_led, "performer or presenter",
                       IN_KIND_PRESENTER_PER_SESSION * years.scheduled, IN_KIND_PRESENTER_PER_SESSION * years.held,
                       funding_source="partner in-kind"))
    lines = pd.concat(frames, ignore_index=True)
    lines["funding_source"] = lines["funding_source"].fillna("operating")
    return lines


def friends_funding(rng: np.random.Generator, lines: pd.DataFrame) -> pd.Series:
    """The Friends of the Library pay for some refreshments, performers and supplies."""
    share = lines.category.map(FRIENDS_SHARE).fillna(0).to_numpy()
    friends = (rng.random(len(lines)) < share) & lines.funding_source.eq("operating").to_numpy()
    return lines.funding_source.where(~friends, "friends of the library")


def unreconciled(rng: np.random.Generator, lines: pd.DataFrame) -> np.ndarray:
    """A few FY2025 lines for programs that ran in May-June 2025, still without an actual figure."""
    late = np.flatnonzero((lines.fiscal_year.eq(2025) & (lines.last_date >= UNRECONCILED_FROM)).to_numpy())
    chosen = rng.choice(late, size=min(UNRECONCILED_LINES, len(late)), replace=False)
    mask = np.zeros(len(lines), dtype=bool)
    mask[chosen] = True
    return mask


# ---- grants -------------------------------------------------------------------------------------

def grant_amounts(rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Amounts requested and, for awarded grants, awarded."""
    requested, awarded = [], []
    for funder, _, status, _ in APPLICATIONS:
        amounts = FUNDERS[funder][2]
        if isinstance(amounts, list):
            ask = amounts[rng.integers(len(amounts))]
            give = ask
        else:
            ask = float(np.round(rng.uniform(*amounts), -2))
            partial = rng.random() < PARTIAL_AWARD_CHANCE
            give = np.round(ask * rng.uniform(*PARTIAL_AWARD_SHARE), -2) if partial else ask
        requested.append(float(ask))
        awarded.append(float(give) if status == "awarded" else np.nan)
    return np.array(requested), np.array(awarded)


def grant_deadlines(rng: np.random.Generator) -> list[pd.Timestamp]:
    """Deadlines: early in the fiscal year for decided grants; spring or summer 2025 for pending ones."""
    deadlines = []
    for _, year, status, _ in APPLICATIONS:
        if status in PENDING_DEADLINES:
            start, end = map(pd.Timestamp, PENDING_DEADLINES[status])
        else:
            start = FY_START[year] + pd.DateOffset(months=DECIDED_DEADLINE_MONTHS[0])
            end = FY_START[year] + pd.DateOffset(months=DECIDED_DEADLINE_MONTHS[1])
        deadlines.append(start + pd.Timedelta(days=int(rng.integers(0, (end - start).days + 1))))
    return deadlines


def suits(programs: pd.DataFrame, wants: dict, strict: bool) -> pd.Series:
    """Programs a funder would fund; when not strict, the branch and series-length wishes are dropped."""
    fits = pd.Series(True, index=programs.index)
    for key, column in (("category", "category"), ("audience", "audience"), ("branch", "branch_id")):
        if key in wants and (strict or key != "branch"):
            fits &= programs[column].isin(wants[key])
    if strict:
        fits &= programs.sessions >= wants.get("min_sessions", 1)
    return fits


def grant_programs(rng: np.random.Generator, programs: pd.DataFrame, deadlines: list) -> list:
    """The program each program-tied application was for: one the funder suits, still running after a decision."""
    chosen, taken = [], set()
    for (funder, year, status, tied), deadline in zip(APPLICATIONS, deadlines):
        if not tied:
            chosen.append(None)
            continue
        free = ~programs.index.isin(sorted(taken))
        if status in ("awarded", "declined"):
            timely = programs.fiscal_year.eq(year) & (programs.last_date >= deadline + pd.Timedelta(
                days=AWARD_TO_PROGRAM_DAYS))
        else:  # pending: to grow a series that is running now
            timely = programs.last_date >= deadline - pd.Timedelta(days=AWARD_TO_PROGRAM_DAYS)
        pool = programs.index[free & timely & suits(programs, FUNDERS[funder][5], strict=True)]
        if len(pool) == 0:
            pool = programs.index[free & timely & suits(programs, FUNDERS[funder][5], strict=False)]
        pick = pool[rng.integers(len(pool))]
        taken.add(pick)
        chosen.append(pick)
    return chosen


def make_grants(rng: np.random.Generator, programs: pd.DataFrame) -> pd.DataFrame:
    """The 24 grant applications of FY2024-FY2025."""
    requested, awarded = grant_amounts(rng)
    deadlines = grant_deadlines(rng)
    ids = [f"G{i:02d}" for i in range(1, len(APPLICATIONS) + 1)]
    drawn = grant_programs(rng, programs, deadlines)
    picked = [GRANT_PICKS[g][0] if g in GRANT_PICKS else p for g, p in zip(ids, drawn)]
    for position, grant_id in enumerate(ids):
        if grant_id in AWARDS_SET:
            requested[position] = awarded[position] = AWARDS_SET[grant_id]
    grants = pd.DataFrame({
        "grant_id": ids,
        "funder": [a[0] for a in APPLICATIONS],
        "program_id": picked,
        "fiscal_year": [a[1] for a in APPLICATIONS],
        "amount_requested": round_cents(requested),
        "amount_awarded": round_cents(awarded),
        "deadline": [d.strftime("%Y-%m-%d") for d in deadlines],
        "status": [a[2] for a in APPLICATIONS],
        "match_required_pct": [float(FUNDERS[a[0]][3]) for a in APPLICATIONS],
        "allowable_categories": [FUNDERS[a[0]][4] for a in APPLICATIONS],
        "grant_type": [FUNDERS[a[0]][0] for a in APPLICATIONS],
    })
    return grants


def new_line(lines: pd.DataFrame, program_id: str, fiscal_year: int, category: str, amount: float, source: str,
             rng: np.random.Generator) -> dict:
    """One grant-funded line for a program-year, its actual near its budget."""
    base = lines.loc[lines.program_id.eq(program_id) & lines.fiscal_year.eq(fiscal_year)].iloc[0]
    return {"program_id": program_id, "fiscal_year": fiscal_year, "branch_id": base.branch_id,
            "last_date": base.last_date, "category": category, "budgeted": float(amount),
            "actual": amount * rng.lognormal(-0.02, 0.05), "funding_source": source}


def planned_lines(rng: np.random.Generator, lines: pd.DataFrame, grant, room: float) -> list[dict]:
    """What the application added beyond its program's own costs, shared out as GRANT_PICKS plans it."""
    plan = GRANT_PICKS[grant.grant_id][1]
    categories = list(plan)
    amounts = np.round(np.array([plan[c] for c in categories]) * room, -1)
    amounts[-1] = room - amounts[:-1].sum()
    return [new_line(lines, grant.program_id, grant.fiscal_year, c, a, grant.grant_id, rng)
            for c, a in zip(categories, amounts) if a > 0]


def fund_program(rng: np.random.Generator, lines: pd.DataFrame, grant) -> list[dict]:
    """Charge a program grant to its program's allowable lines: whole lines first (largest first), then part of
    one more line, then what its application added. Returns the lines to add."""
    allowed = grant.allowable_categories.split(";")
    mine = lines.index[lines.program_id.eq(grant.program_id) & lines.fiscal_year.eq(grant.fiscal_year)
                       & lines.category.isin(allowed) & lines.funding_source.isin(["operating",
                                                                                  "friends of the library"])]
    room = grant.amount_awarded
    for row in sorted(mine, key=lambda r: -lines.at[r, "budgeted"]):
        if lines.at[row, "budgeted"] <= room:
            lines.at[row, "funding_source"] = grant.grant_id
            room -= lines.at[row, "budgeted"]
    rest = [r for r in mine if lines.at[r, "funding_source"] != grant.grant_id]
    extra = []
    if room >= MIN_PART_OF_A_LINE and rest:
        row = max(rest, key=lambda r: lines.at[r, "budgeted"])
        share = room / lines.at[row, "budgeted"]
        part = lines.loc[row].to_dict() | {"budgeted": room, "actual": lines.at[row, "actual"] * share,
                                           "funding_source": grant.grant_id}
        lines.at[row, "budgeted"] -= room
        lines.at[row, "actual"] -= part["actual"]
        extra.append(part)
        room = 0.0
    if room > 0:
        extra += planned_lines(rng, lines, grant, room)
    return extra


def apply_grants(rng: np.random.Generator, lines: pd.DataFrame, grants: pd.DataFrame) -> pd.DataFrame:
    """Charge every awarded grant to the lines it paid for: its program's, or a branch project's (G05)."""
    extra = []
    for grant in grants[grants.status.eq("awarded")].itertuples():
        if pd.isna(grant.program_id):  # general support, or a branch project that names its own lines
            if grant.grant_id == "G05":
                extra += [new_line(lines, program, grant.fiscal_year, category, amount, grant.grant_id, rng)
                          for program, category, amount in SMALL_RURAL_PROJECT]
            continue
        extra += fund_program(rng, lines, grant)
    return pd.concat([lines, pd.DataFrame(extra)], ignore_index=True)


def make_budget_lines(rng: np.random.Generator, world: dict[str, pd.DataFrame], years: pd.DataFrame,
                      grants: pd.DataFrame, grant_rng: np.random.Generator,
                      late_rng: np.random.Generator) -> pd.DataFrame:
    """Budget lines: cost lines, funded by operating, the Friends, partners in kind, or a grant."""
    lines = cost_lines(rng, world, years)
    lines["funding_source"] = friends_funding(rng, lines)
    lines = apply_grants(grant_rng, lines, grants)
    lines = lines.groupby(["program_id", "fiscal_year", "branch_id", "category", "funding_source"], sort=False,
                          as_index=False).agg(budgeted=("budgeted", "sum"), actual=("actual", "sum"),
                                              last_date=("last_date", "first"))
    lines["budgeted"] = round_cents(lines.budgeted)
    lines["actual"] = round_cents(lines.actual).astype(float)
    lines.loc[unreconciled(late_rng, lines), "actual"] = np.nan
    lines["in_kind"] = lines.funding_source.eq("partner in-kind")
    order = {c: i for i, c in enumerate(["performer or presenter", "supplies", "refreshments",
                                         "printing and promotion", "staff time", "space", "equipment", "travel"])}
    lines["order"] = lines.category.map(order)
    lines = lines.sort_values(["fiscal_year", "program_id", "order", "funding_source"], kind="stable",
                              ignore_index=True)
    lines.insert(0, "line_id", make_ids("BL", len(lines), 4))
    return lines[["line_id", "program_id", "fiscal_year", "branch_id", "category", "budgeted", "actual",
                  "funding_source", "in_kind"]]


# ---- revenue and volunteers ----------------------------------------------------------------------

def make_revenue(grants: pd.DataFrame) -> pd.DataFrame:
    """Operating revenue by source for each fiscal year; local government makes up the rest."""
    source_of = {funder: spec[1] for funder, spec in FUNDERS.items()}
    awarded = grants[grants.status.eq("awarded")].assign(source=lambda g: g.funder.map(source_of))
    rows = []
    for year in FISCAL_YEARS:
        total = SPENDING_PER_CAPITA_FY2025 * POPULATION / (REVENUE_GROWTH if year == 2024 else 1)
        grants_in = awarded[awarded.fiscal_year.eq(year)].groupby("source").amount_awarded.sum()
        amounts = {
            "state government": total * STATE_SHARE,
            "federal government": OTHER_FEDERAL + grants_in.get("federal government", 0),
            "friends of the library": FRIENDS_GIFTS[year],
            "foundation and grants": FOUNDATION_UNRESTRICTED + grants_in.get("foundation and grants", 0),
            "fines, fees and other": total * FINES_FEES_OTHER_SHARE,
        }
        amounts["local government"] = total - sum(amounts.values())
        rows += [(year, source, amounts[source]) for source in REVENUE_SOURCES]
    revenue = pd.DataFrame(rows, columns=["fiscal_year", "source", "amount"])
    revenue["amount"] = round_cents(revenue.amount)
    return revenue


def make_volunteer_hours(rng: np.random.Generator, years: pd.DataFrame) -> pd.DataFrame:
    """Volunteer time per program and year: volunteer-led programs, big events, conversation circles and more."""
    held = years.held.to_numpy() > 0
    led = years.presenter_type.eq("volunteer").to_numpy()
    carried = years.program_title.str.contains("|".join(VOLUNTEER_TITLES), regex=True).to_numpy()
    chance = chance_by(years.category, VOLUNTEER_CATEGORY_CHANCE, VOLUNTEER_CHANCE_OTHER)
    helped = held & (led | carried | (rng.random(len(years)) < chance))
    per_session = years.category.map(VOLUNTEERS_PER_SESSION).fillna(VOLUNTEERS_PER_SESSION_OTHER).to_numpy()
    per_session_count = np.maximum(1, rng.poisson(per_session))
    series = years.held.to_numpy() > 1
    volunteers = per_session_count + series * rng.poisson(per_session_count * VOLUNTEER_ROTATION)
    session_hours = years.held_hours.to_numpy() * years.share_of_program.to_numpy()
    hours = per_session_count * (session_hours + VOLUNTEER_EXTRA_HOURS * years.held.to_numpy())
    hours = np.round(hours * rng.lognormal(0, 0.1, len(years)) * 4) / 4
    table = pd.DataFrame({"program_id": years.program_id, "fiscal_year": years.fiscal_year,
                          "volunteers": volunteers.astype(int), "hours": hours})[helped]
    return table.sort_values(["program_id", "fiscal_year"], ignore_index=True)


def generate(rng: np.random.Generator, world: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """The budget_lines, grants, revenue and volunteer_hours tables."""
    grant_rng, late_rng, volunteer_rng = rng.spawn(3)  # streams of their own: a change to one leaves the others
    years = program_years(world)
    grants = make_grants(rng, program_summary(world))
    lines = make_budget_lines(rng, world, years, grants, grant_rng, late_rng)
    return {"budget_lines": lines, "grants": grants, "revenue": make_revenue(grants),
            "volunteer_hours": make_volunteer_hours(volunteer_rng, years)}
