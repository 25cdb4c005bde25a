"""Is program_sessions complete, linked, calibrated to Timberland's means and messy only as documented?"""
import pandas as pd

from autograder.world.common import branch_id_from_spelling
from autograder.world.files import DATASETS

COLUMNS = ["session_id", "program_id", "program_title", "branch", "date", "start_time", "duration_minutes",
           "fiscal_year", "category", "audience", "pls_audience", "format", "intended_outcome", "partner_id",
           "presenter_id", "room_id", "registration_required", "capacity", "status", "attendance",
           "virtual_attendance"]
CATEGORIES = {"storytime", "books & authors", "STEAM", "DIY & crafts", "classes & workshops", "arts & culture",
              "activities & games", "special events", "health & wellness", "digital literacy", "civic engagement",
              "English conversation"}
AUDIENCE_TO_PLS = {"babies & toddlers": "K0_5", "preschool": "K0_5", "children": "K6_11", "teens": "YA",
                   "adults": "ADULT", "older adults": "ADULT", "all ages": "GEN"}
OUTCOMES = {"learn knowledge", "learn skills", "change attitudes", "change behaviors",
            "become aware of library resources", "have fun / be inspired", "build stronger communities"}
TIMBERLAND_MEANS = {"storytime": 16.5, "books & authors": 21.9, "special events": 22.2, "activities & games": 17.3,
                    "STEAM": 16.5, "DIY & crafts": 13.9, "classes & workshops": 10.9, "arts & culture": 10.2}
KNOWN_SPELLINGS = {
    "Central", "Main Library", "central library", "Central Library ", "CENTRAL", "Main",
    "Eastgate", "East Gate", "eastgate branch", "Eastgate Br.", "East Gate Branch",
    "Millbrook", "Millbrook Br.", "Milbrook Branch", "millbrook",
    "Harbor Point", "Harbour Point Branch", "Harbor Pt.", "harbor point branch", "Harbor Point Branch ",
    "Oak Ridge", "Oakridge Branch", "Oak Ridge Br.", "oak ridge",
    "Fernvale", "Fernvale Br.", "Fernvale Library", "fernvale branch"}


def sessions_with_loads(world) -> pd.DataFrame:
    """Sessions with their room's occupant load joined on."""
    return world["program_sessions"].merge(world["rooms"][["room_id", "occupant_load"]], on="room_id", how="left")


def trailing_zero_rows(world) -> pd.DataFrame:
    """On-site sessions whose attendance is more than their room can hold: the documented keying errors."""
    s = sessions_with_loads(world)
    return s[(s.format == "on site") & (s.attendance > s.occupant_load)]


def test_schema_ids_and_size(world):
    """Has program_sessions the contract's columns in order, unique ids, ~3,000 rows and 600-900 programs?"""
    s = world["program_sessions"]
    assert list(s.columns) == COLUMNS
    assert s.session_id.is_unique and s.session_id.str.fullmatch(r"SES\d{5}").all()
    assert 2_700 <= len(s) <= 3_400, len(s)
    assert 600 <= s.program_id.nunique() <= 900, s.program_id.nunique()
    assert s.program_id.str.fullmatch(r"P\d{4}").all()


def test_values_are_in_their_allowed_sets(world):
    """Are categories, audiences, PLS audiences, formats, outcomes, statuses and dates all allowed values?"""
    s = world["program_sessions"]
    assert set(s.category) == CATEGORIES
    assert (s.audience.map(AUDIENCE_TO_PLS) == s.pls_audience).all()
    assert set(s.format) == {"on site", "off site", "virtual", "hybrid"}
    assert set(s.intended_outcome) <= OUTCOMES
    assert set(s.status) == {"held", "cancelled"}
    dates = pd.to_datetime(s.date, format="%Y-%m-%d")
    assert dates.between("2023-07-01", "2025-06-30").all()
    assert ((dates.dt.year + (dates.dt.month >= 7)) == s.fiscal_year).all()
    assert s.start_time.str.fullmatch(r"\d{2}:\d{2}").all()
    assert (s.duration_minutes > 0).all()


def test_a_program_keeps_one_title_branch_and_category(world):
    """Does every session of a program share its title, category, audience and building?"""
    s = world["program_sessions"]
    s = s.assign(branch_id=branch_id_from_spelling(s.branch))
    per_program = s.groupby("program_id")[["program_title", "category", "audience", "branch_id"]].nunique()
    assert (per_program == 1).all().all()


def test_foreign_keys_resolve(world):
    """Do partner, presenter and room ids all exist in their tables, and rooms only for on-site or hybrid sessions?"""
    s = world["program_sessions"]
    assert s.presenter_id.isin(world["presenters"].presenter_id).all()
    assert s.partner_id.dropna().isin(world["partners"].partner_id).all()
    assert s.room_id.dropna().isin(world["rooms"].room_id).all()
    assert s.room_id.isna().eq(s.format.isin(["off site", "virtual"])).all()


def test_capacity_only_with_registration(world):
    """Is capacity set exactly when registration is required?"""
    s = world["program_sessions"]
    assert s.capacity.notna().eq(s.registration_required).all()


def test_attendance_blank_for_cancelled_and_about_twelve_percent_of_held(world):
    """Is attendance empty for every cancelled session and for about 12% of held ones, as documented?"""
    s = world["program_sessions"]
    assert s.loc[s.status == "cancelled", "attendance"].isna().all()
    share = s.loc[s.status == "held", "attendance"].isna().mean()
    assert 0.09 <= share <= 0.15, share
    assert s.virtual_attendance.isna().eq(s.attendance.isna()).all()


def test_about_five_percent_cancelled(world):
    """Are about 5% of sessions cancelled (FACTS.md, Ideas for realistic tables)?"""
    share = (world["program_sessions"].status == "cancelled").mean()
    assert 0.035 <= share <= 0.075, share


def test_virtual_part_follows_pls_counting(world):
    """Is virtual attendance 0 on and off site, all of it for virtual, and part of the total for hybrid?

    Source: PLS counting rules, hybrid = in person + virtual (FACTS.md, IMLS Public Libraries Survey)."""
    s = world["program_sessions"].dropna(subset=["attendance"])
    assert (s.loc[s.format.isin(["on site", "off site"]), "virtual_attendance"] == 0).all()
    virtual = s[s.format == "virtual"]
    assert (virtual.virtual_attendance == virtual.attendance).all()
    hybrid = s[s.format == "hybrid"]
    assert (hybrid.virtual_attendance <= hybrid.attendance).all()
    assert (s.attendance >= 0).all() and (s.virtual_attendance >= 0).all()


def test_category_means_sit_near_timberland(world):
    """Is mean attendance per held session within 12% of Timberland's mean for each of its eight categories?

    Source: Timberland Regional Library open data, Jan-Feb 2020 (FACTS.md, Event-level attendance)."""
    s = world["program_sessions"]
    clean = s[(s.status == "held") & ~s.session_id.isin(trailing_zero_rows(world).session_id)]
    means = clean.groupby("category").attendance.mean()
    for category, target in TIMBERLAND_MEANS.items():
        assert abs(means[category] / target - 1) <= 0.12, f"{category}: {means[category]:.1f} vs {target}"


def test_summer_is_busy_and_late_december_quiet(world):
    """Do July sessions outnumber the monthly average, and December have the fewest sessions?"""
    per_month = world["program_sessions"].date.str[5:7].value_counts()
    assert per_month["07"] > per_month.mean() and per_month.idxmin() == "12", per_month.to_dict()


def test_fernvale_runs_the_fewest_sessions(world):
    """Does small, rural Fernvale run the fewest sessions of any building?"""
    s = world["program_sessions"]
    clean = s[s.branch.isin(world["branches"].branch_name)]
    assert clean.branch.value_counts().idxmin() == "Fernvale Branch"


def test_about_six_percent_of_branch_names_are_messy_and_all_known(world):
    """Do about 6% of rows spell the branch another way, and only with the documented spellings?"""
    s = world["program_sessions"]
    messy = s.branch[~s.branch.isin(world["branches"].branch_name)]
    assert 0.05 <= len(messy) / len(s) <= 0.07, len(messy)
    assert set(messy) <= KNOWN_SPELLINGS, set(messy) - KNOWN_SPELLINGS


def test_exactly_four_trailing_zero_errors(world):
    """Are there exactly the 4 documented counts keyed with an extra zero, each above its room's occupant load?"""
    wrong = trailing_zero_rows(world)
    assert len(wrong) == 4, wrong.session_id.tolist()
    assert (wrong.attendance % 10 == 0).all()


def test_genuine_counts_respect_capacity(world):
    """Apart from the keying errors, does attendance stay within registration capacity?"""
    s = world["program_sessions"]
    s = s[~s.session_id.isin(trailing_zero_rows(world).session_id)]
    assert not (s.attendance > s.capacity).any()


def test_program_sessions_datasheet_lists_the_error_sessions(world):
    """Does the datasheet name each session whose attendance was keyed with an extra zero?"""
    sheet = (DATASETS / "datasheets" / "program_sessions.md").read_text(encoding="utf-8")
    for session in trailing_zero_rows(world).session_id:
        assert session in sheet, session


def room_clashes(world) -> pd.DataFrame:
    """Pairs of sessions in the same room on the same date whose times overlap, each pair once."""
    s = world["program_sessions"].dropna(subset=["room_id"])
    s = s.assign(start=pd.to_datetime(s.date + " " + s.start_time))
    s = s.assign(end=s.start + pd.to_timedelta(s.duration_minutes, unit="min"))
    pairs = s.merge(s, on=["room_id", "date"])
    return pairs[(pairs.session_id_x < pairs.session_id_y) & (pairs.start_x < pairs.end_y) & (pairs.start_y < pairs.end_x)]


def test_double_bookings_are_as_the_datasheet_says(world):
    """Are there 42 / 55 clashing pairs (38 / 50 both held) in FY2024 / FY2025, most in CEN-COM, mostly one-offs?"""
    clashes = room_clashes(world)
    held = clashes[(clashes.status_x == "held") & (clashes.status_y == "held")]
    assert clashes.groupby("fiscal_year_x").size().to_dict() == {2024: 42, 2025: 55}
    assert held.groupby("fiscal_year_x").size().to_dict() == {2024: 38, 2025: 50}
    assert clashes.room_id.value_counts().index[0] == "CEN-COM"
    recurring = world["program_sessions"].program_id.value_counts() >= 5
    both_recurring = clashes.program_id_x.map(recurring) & clashes.program_id_y.map(recurring)
    assert both_recurring.mean() <= 0.15


def test_no_two_programs_share_a_room_at_once_week_after_week(world):
    """Does no pair of programs clash more than four times, and only Oak Ridge's one room more than three?"""
    clashes = room_clashes(world)
    titles = clashes[["program_title_x", "program_title_y"]]
    pair = clashes.room_id + ": " + titles.min(axis=1) + " / " + titles.max(axis=1)
    counts = pair.value_counts()
    assert counts.max() <= 4 and counts[counts > 3].index.str.startswith("OAK-MTG").all(), counts.head()


def test_moved_sessions_fit_their_new_room(world):
    """Do the sessions moved off a clash hold no more people than their new room's occupant load?"""
    s = sessions_with_loads(world)
    moved = s[s.program_title.isin(["Tai Chi for Beginners", "Teen Anime Club"]) & s.room_id.isin(["HAR-LRN",
                                                                                                   "CEN-MKR"])]
    assert len(moved) > 50 and not (moved.attendance > moved.occupant_load).any()


def test_counts_at_the_room_limit_are_as_the_datasheet_says(world):
    """Do exactly 22 held sessions report their room's occupant load, and exactly one a registration limit above it?"""
    s = sessions_with_loads(world)
    held = s[s.status == "held"]
    assert (held.attendance == held.occupant_load).sum() == 22
    assert held.loc[held.capacity > held.occupant_load, "session_id"].tolist() == ["SES01495"]
