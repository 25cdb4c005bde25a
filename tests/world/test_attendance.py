"""Are registrations linked to their sessions, consistent with head counts and capacity, and calibrated?"""
import pandas as pd
import pytest


COLUMNS = ["registration_id", "session_id", "program_id", "registrant_id", "registered_on", "lead_days",
           "reminder_sent", "waitlisted", "attended", "heard_via", "home_tract", "age_group"]
HEARD_VIA = {"library website", "email newsletter", "social media", "flyer or poster", "friend or family",
             "librarian", "school", "partner organization", "other"}
DUPLICATE_KEY = ["registrant_id", "session_id", "registered_on"]


@pytest.fixture(scope="module")
def regs(world) -> pd.DataFrame:
    """Registrations with their session's facts joined on."""
    sessions = world["program_sessions"][["session_id", "program_id", "date", "status", "attendance", "capacity",
                                          "registration_required", "audience"]]
    return world["registrations"].merge(sessions, on="session_id", how="left", suffixes=("", "_session"))


@pytest.fixture(scope="module")
def unique_regs(regs) -> pd.DataFrame:
    """Registrations with the deliberate duplicates removed."""
    return regs.drop_duplicates(DUPLICATE_KEY)


@pytest.fixture(scope="module")
def counted(unique_regs) -> pd.DataFrame:
    """Registrants who had a place at a session that was held."""
    rows = unique_regs[(unique_regs.status == "held") & ~unique_regs.waitlisted]
    return rows.assign(came=rows.attended.astype(bool))


def test_schema_ids_and_size(world):
    """Has registrations the contract's columns in order, unique ids and about 25,000 rows?"""
    r = world["registrations"]
    assert list(r.columns) == COLUMNS
    assert r.registration_id.is_unique and r.registration_id.str.fullmatch(r"R\d{6}").all()
    assert 20_000 <= len(r) <= 28_000, len(r)
    assert r.registrant_id.str.fullmatch(r"PT\d{5}").all()
    assert set(r.age_group) == {"child", "teen", "adult", "older adult"}
    assert set(r.heard_via.dropna()) <= HEARD_VIA


def test_keys_resolve_to_registration_sessions(regs, world):
    """Does every registration point to a session that required registration, its program, and a real tract?"""
    assert regs.status.notna().all()
    assert regs.registration_required.all()
    assert (regs.program_id == regs.program_id_session).all()
    assert regs.home_tract.dropna().isin(world["community_tracts"].tract_id).all()


def test_lead_days_match_the_dates(regs):
    """Is lead_days the session date minus registered_on, never negative?"""
    gap = (pd.to_datetime(regs.date) - pd.to_datetime(regs.registered_on)).dt.days
    assert (gap == regs.lead_days).all()
    assert (regs.lead_days >= 0).all()


def test_attended_is_blank_exactly_for_waitlisted_and_cancelled(regs):
    """Is attended empty for waitlisted registrants and cancelled sessions, and filled for everyone else?"""
    should_be_blank = regs.waitlisted | (regs.status == "cancelled")
    assert regs.attended.isna().eq(should_be_blank).all()


def test_registrants_who_came_never_outnumber_the_head_count(counted):
    """For held sessions, are checked-in registrants at most the recorded attendance (walk-ins make up the rest)?"""
    came = counted.groupby("session_id").agg(came=("came", "sum"), attendance=("attendance", "first"))
    recorded = came.dropna(subset=["attendance"])
    assert (recorded.came <= recorded.attendance).all(), recorded[recorded.came > recorded.attendance].head()


def test_capacity_is_respected_by_places_given(unique_regs):
    """Do non-waitlisted registrations per session stay within capacity, once duplicates are removed?"""
    placed = unique_regs[~unique_regs.waitlisted].groupby("session_id").agg(n=("registration_id", "size"),
                                                                           capacity=("capacity", "first"))
    assert (placed.n <= placed.capacity).all()


def test_no_show_rate_near_the_published_28_percent(counted):
    """Do no-show rates of free sessions sit near the published 28%?

    Source: PheedLoop, 860+ events (FACTS.md, Event planning)."""
    no_show = 1 - counted.came.mean()
    assert 0.25 <= no_show <= 0.31, no_show


def test_reminders_raise_attendance_by_eight_to_ten_points(counted):
    """Do reminders raise attendance by about 8-10 points (FACTS.md, Ideas for realistic tables)?"""
    rate = counted.groupby("reminder_sent").came.mean()
    lift = rate[True] - rate[False]
    assert 0.07 <= lift <= 0.11, lift
    share = counted.reminder_sent.mean()
    assert 0.55 <= share <= 0.65, share


def test_longer_lead_time_means_more_no_shows(counted):
    """Do registrants who sign up a month or more ahead come less often than those who sign up within three days?"""
    early = counted[counted.lead_days >= 30].came.mean()
    late = counted[counted.lead_days <= 3].came.mean()
    assert early < late - 0.05, (early, late)


def test_youth_heard_via_echoes_the_storytime_study(unique_regs):
    """Do youth registrants hear via website ~25%, friend ~24%, flyer ~22% and librarian ~17%?

    Source: University of Kentucky storytime study (FACTS.md, Event planning)."""
    youth = unique_regs[unique_regs.audience.isin(["babies & toddlers", "preschool", "children", "all ages"])]
    shares = youth.heard_via.value_counts(normalize=True)
    expected = {"library website": 0.25, "friend or family": 0.24, "flyer or poster": 0.22, "librarian": 0.17}
    for answer, share in expected.items():
        assert abs(shares[answer] - share) <= 0.03, f"{answer}: {shares[answer]:.3f}"


def test_blank_answers_in_documented_amounts(world):
    """Are about 10% of heard_via and about 3% of home_tract answers blank, and nothing else blank except attended?"""
    r = world["registrations"]
    assert 0.08 <= r.heard_via.isna().mean() <= 0.12
    assert 0.02 <= r.home_tract.isna().mean() <= 0.04
    others = [c for c in COLUMNS if c not in {"heard_via", "home_tract", "attended"}]
    assert r[others].notna().all().all()


def test_about_two_percent_exact_duplicates(world):
    """Are about 2% of rows duplicate registrations (same registrant, session and date; new id; same answers)?"""
    r = world["registrations"]
    dupes = r[r.duplicated(DUPLICATE_KEY, keep=False)]
    assert 0.015 <= r.duplicated(DUPLICATE_KEY).mean() <= 0.025
    same_answers = dupes.drop(columns=["registration_id", "attended"]).astype(str).duplicated(keep=False)
    assert same_answers.all()


def test_a_copy_is_never_checked_in_so_keeping_copies_raises_the_no_show_rate(world):
    """Is only the first copy of a registration ever ticked as attended, so that counting the copies raises the
    no-show rate by more than a point (28.2% to 29.6%, as the datasheet says)?"""
    r = world["registrations"]
    later = r.duplicated(DUPLICATE_KEY)
    assert not r.loc[later, "attended"].eq(True).any()
    assert r.loc[later, "attended"].eq(False).sum() == 279 + r.loc[~later & r.duplicated(DUPLICATE_KEY, keep=False),
                                                                     "attended"].eq(False).sum()
    held = world["program_sessions"].loc[world["program_sessions"].status == "held", "session_id"]

    def no_show_rate(rows):
        rows = rows[~rows.waitlisted.astype(bool) & rows.session_id.isin(held)]
        return rows.attended.eq(False).mean()

    clean, kept = no_show_rate(r.drop_duplicates(DUPLICATE_KEY)), no_show_rate(r)
    assert round(clean, 3) == 0.282 and round(kept, 3) == 0.296, (clean, kept)


def test_repeat_patrons_are_common(unique_regs):
    """Do most registrants register more than once, as regulars do?"""
    per_patron = unique_regs.registrant_id.value_counts()
    assert (per_patron > 1).mean() >= 0.5


def test_registrants_come_less_from_high_poverty_tracts(unique_regs, world):
    """Do registrations per resident fall in high-poverty tracts, as cardholder reach does (community_tracts)?"""
    tracts = world["community_tracts"].set_index("tract_id")
    per_person = unique_regs.home_tract.value_counts().reindex(tracts.index, fill_value=0) / tracts.population
    high_poverty = tracts.pct_below_poverty >= tracts.pct_below_poverty.quantile(0.75)
    assert per_person[high_poverty].mean() < per_person[~high_poverty].mean()
