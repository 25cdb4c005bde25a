"""Project Outcome-style survey responses: immediate surveys after sessions and a follow-up panel weeks later."""
from __future__ import annotations

import numpy as np
import pandas as pd

from autograder.world.common import WORLD_END, date_text, make_ids, tidy_sessions, weighted_choice

# Which outcome area a session is surveyed under, by category (PLA Project Outcome service areas; FACTS.md,
# Evaluation: civic/community engagement, digital learning and education/lifelong learning are confirmed there,
# early literacy, health and job skills are assumptions). Categories not listed are not surveyed.
CATEGORY_AREA = {
    "storytime": "early literacy",
    "digital literacy": "digital learning",
    "civic engagement": "civic/community engagement",
    "health & wellness": "health",
    "classes & workshops": "education/lifelong learning",
    "books & authors": "education/lifelong learning",
    "English conversation": "education/lifelong learning",
}
# Titles surveyed under another area than their category's, or surveyed though their category is not.
TITLE_AREA = {
    "Job Search Online: Resumes that Work": "job skills",
    "Small Business Startup Basics": "job skills",
    "Babysitting Basics": "job skills",
    "Medicare 101": "health",
    "Intro to 3D Printing": "digital learning",
    "Teen Tech Lab: Build a Website": "digital learning",
}
OUTCOME_AREAS = ("education/lifelong learning", "digital learning", "civic/community engagement",
                 "early literacy", "health", "job skills")
# Book talks and clubs are surveyed only when they are for adults (children fill in no outcome survey).
ADULT_ONLY_CATEGORIES = {"books & authors"}
ADULT_AUDIENCES = {"adults", "older adults"}

SURVEY_RATE = 0.90  # share of planned survey sessions where staff actually handed out the survey (assumption)
SHORT_PROGRAM_DAYS = 92  # a program spanning up to a season is surveyed once, at its last session; longer
# ones (weekly groups, monthly clubs) at the last session of each fiscal quarter (assumption)
# Response rate: 30-60% of attendance per surveyed session (FACTS.md, Ideas for realistic tables).
RESPONSE_RATE = (0.30, 0.60)
CONTACT_SHARE = 0.40  # immediate respondents who leave an email for the follow-up (assumption) ...
FOLLOW_UP_ANSWER_SHARE = 0.55  # ... and about half answer it: ~20% of immediate (FACTS.md, Ideas)
FOLLOW_UP_DAYS = (28, 56)  # follow-up 4-8 weeks later (PLA Project Outcome; FACTS.md, Evaluation)
LATE_SUBMIT_SHARE = 0.20  # immediate surveys filled in online a few days after the session (assumption)

# Share agreeing (4 or 5) per item. Immediate items: 80-90% agree, awareness lowest (PLA Project Outcome,
# ~80% report positive impact; California summer reading 2020, 73-87% agree; FACTS.md, Evaluation).
# Follow-up items sit well below intend_to_apply: the intention-behaviour gap (assumption, documented).
AGREE_SHARE = {"knowledge": 0.88, "confidence": 0.85, "intend_to_apply": 0.86, "aware_of_resources": 0.80,
               "applied_learning": 0.66, "used_resources": 0.56}
STRONGLY_AGREE_OF_AGREE = 0.55  # of those who agree, share choosing 5 (assumption)
DISAGREE_SPLIT = (0.10, 0.30, 0.60)  # of the rest: shares choosing 1, 2, 3 (assumption)
PERSON_LOADING = 0.75  # how much one respondent's general mood drives all their answers (assumption)
FOLLOW_UP_LOADING = 0.55  # how closely a follow-up answer tracks the same person's intention (assumption)
# How each area's respondents lean, on the latent scale (assumption): caregivers at storytime are the
# keenest, civic programs divide opinion, digital learners are less sure of themselves.
AREA_LEAN = {"early literacy": 0.20, "health": 0.10, "education/lifelong learning": 0.05, "job skills": -0.05,
             "digital learning": -0.10, "civic/community engagement": -0.25}

IMMEDIATE_ITEMS = ["knowledge", "confidence", "intend_to_apply", "aware_of_resources"]
FOLLOW_UP_ITEMS = ["applied_learning", "used_resources"]
OUT_OF_RANGE = [0, 6, 0, 6, 6, 0]  # data-entry slips keyed from paper forms (contract: "a few")
STRAIGHT_LINERS = 12  # paper forms answered 1 to every item yet praised the program: scale read backwards

# Comments: ~40% of rows carry one (contract). Of those, what they wrote (assumption).
COMMENT_SHARE = 0.40
COMMENT_KINDS = {"liked": 0.50, "improve": 0.25, "both": 0.25}

# Each theme's keywords (lower case). Every comment template contains at least one keyword of its own theme
# and no keyword (as a plain substring) of any other theme, so comments can be coded by keyword.
THEME_KEYWORDS = {
    "presenter": ["presenter", "instructor", "speaker", "facilitator", "storyteller"],
    "content": ["information", "content", "topic", "examples", "tips"],
    "schedule/timing": ["schedule", "evening", "morning", "weekend", "saturday", "earlier", "too long",
                        "too short", "ran over"],
    "room/space": ["room", "chairs", "crowded", "stuffy", "chilly", "seating", "noisy", "space"],
    "materials/handouts": ["handout", "materials", "worksheet", "supplies", "packet", "printout"],
    "parking/access": ["parking", "bus", "elevator", "stairs", "accessible", "wheelchair"],
    "technology": ["microphone", "projector", "wi-fi", "zoom", "audio", "screen"],
    "more sessions": ["again", "series", "more often", "more sessions", "every week"],
}
LIKED = {
    "presenter": ["The presenter was patient and explained everything clearly.",
                  "Our instructor was friendly and funny.",
                  "Great speaker, very knowledgeable.", "The facilitator made everyone feel welcome.",
                  "Loved the presenter's energy!"],
    "content": ["Really useful information I can use right away.", "The tips were practical and easy to follow.",
                "Good mix of basics and real examples.", "The topic was exactly what I needed."],
    "schedule/timing": ["Saturday works great for our family.", "Evening sessions fit around my job.",
                        "Perfect length, not too long."],
    "room/space": ["Nice bright room with plenty of chairs.", "Comfortable seating and a good-sized room.",
                   "The space was cozy and welcoming."],
    "materials/handouts": ["The handout is going on my fridge.", "Loved the take-home materials.",
                           "Thank you for the worksheet to practice with.", "The printed packet will help me at home."],
    "parking/access": ["Easy parking right by the door.", "Glad the entrance was wheelchair accessible.",
                       "Easy to get to on the bus."],
    "technology": ["The Zoom link worked perfectly.", "Easy to see the projector from the back.",
                   "Audio was clear the whole way through."],
    "more sessions": ["Please do this again!", "I'd love a whole series on this.", "Would come every week if I could."],
}
IMPROVE = {
    "presenter": ["The presenter went a bit fast for beginners.", "The speaker was hard to follow in places.",
                  "Would like the instructor to check in with the group more.",
                  "The facilitator let one person dominate the discussion."],
    "content": ["Too basic for me; I hoped for more advanced information.", "Some of the content went over my head.",
                "Would like more examples from real life.", "The topic felt rushed at the end."],
    "schedule/timing": ["Please offer an evening option for people who work.", "A weekend session would be easier.",
                        "It ran over and I had to leave.", "Starting earlier would help with school pickup.",
                        "Too short! Needed another half hour."],
    "room/space": ["The room was too crowded to see.", "Not enough chairs for everyone.", "The room was chilly.",
                   "It got stuffy with so many people.", "Hard to hear because the space next door was noisy."],
    "materials/handouts": ["A handout with the steps would help.", "Ran out of supplies before everyone got a turn.",
                           "Please email the materials afterwards.", "The printout was too small to read."],
    "parking/access": ["Parking was full; I circled for ten minutes.",
                       "The stairs are hard for me; is there an elevator?",
                       "The bus only comes once an hour out here.", "Hard to find an accessible entrance."],
    "technology": ["The microphone kept cutting out.", "The projector was too dim to read.",
                   "The Wi-Fi dropped during the hands-on part.", "Zoom audio was choppy.",
                   "Could not see the screen from the back row."],
    "more sessions": ["Please offer more sessions; it filled up fast.", "One session is not enough, make it a series.",
                      "Please run it more often.", "Would love it again in the fall."],
}
# Extra templates only respondents in one outcome area write.
AREA_LIKED = {
    ("early literacy", "presenter"): ["The storyteller was so warm with the little ones.",
                                      "Our storyteller knew every child's name."],
    ("early literacy", "content"): ["Great tips for reading with my toddler at home.",
                                    "Good tips for singing and rhyming at home."],
    ("digital learning", "content"): ["The step-by-step examples made it click for me."],
    ("health", "content"): ["The information on healthy habits was easy to understand."],
    ("civic/community engagement", "content"): ["Balanced information on a hard topic."],
    ("job skills", "content"): ["The resume tips were exactly what I needed."],
}
AREA_IMPROVE = {
    ("early literacy", "schedule/timing"): ["Mornings are hard with nap schedules.",
                                            "It felt too long for the little ones."],
    ("early literacy", "room/space"): ["Too crowded for strollers; more space please."],
    ("digital learning", "technology"): ["Half the laptops needed updates; the Wi-Fi was slow."],
}
# Theme weights; the improve weights shift with format, building and audience (assumptions).
LIKED_THEMES = {"presenter": 30, "content": 28, "materials/handouts": 12, "more sessions": 12, "room/space": 6,
                "schedule/timing": 6, "technology": 1, "parking/access": 2}
IMPROVE_THEMES = {"schedule/timing": 22, "room/space": 15, "more sessions": 15, "content": 12,
                  "materials/handouts": 10, "parking/access": 8, "technology": 6, "presenter": 6}
ONLINE_TECH_WEIGHT = 40  # technology weight for virtual and hybrid sessions (liked and improve)
FERNVALE_ACCESS_WEIGHT = 35  # Fernvale's program room has no step-free access (see rooms)
OLDER_ADULT_ACCESS_WEIGHT = 18

COLUMNS = ["response_id", "session_id", "program_id", "respondent_id", "wave", "submitted_on", "outcome_area",
           *IMMEDIATE_ITEMS, *FOLLOW_UP_ITEMS, "comment_liked", "comment_improve"]


def outcome_areas(sessions: pd.DataFrame) -> pd.Series:
    """The outcome area each session would be surveyed under; empty where it is not surveyed."""
    area = sessions.category.map(CATEGORY_AREA)
    area = area.where(~(sessions.category.isin(ADULT_ONLY_CATEGORIES) & ~sessions.audience.isin(ADULT_AUDIENCES)))
    titled = sessions.program_title.map(TITLE_AREA)
    return titled.fillna(area)


def survey_periods(held: pd.DataFrame) -> pd.Series:
    """A survey period per session: the whole program if it is short, else each fiscal quarter it runs in."""
    grouped = held.groupby("program_id")
    span_days = (grouped.date.transform("max") - grouped.date.transform("min")).dt.days
    quarter = (held.date.dt.month + 5) % 12 // 3 + 1  # July-September = 1
    period = np.where(span_days <= SHORT_PROGRAM_DAYS, 0, quarter)
    return held.program_id + "/" + held.fiscal_year.astype(str) + "/" + pd.Series(period, index=held.index).astype(str)


def true_head_counts(held: pd.DataFrame, rooms: pd.DataFrame) -> pd.Series:
    """Attendance with the extra-zero keying errors undone, and a typical head count where none was recorded."""
    load = held.room_id.map(rooms.set_index("room_id").occupant_load)
    keyed_wrong = held.format.eq("on site") & (held.attendance > load)
    counts = held.attendance.where(~keyed_wrong, held.attendance / 10)
    typical = counts.groupby(held.program_id).transform("mean").fillna(
        counts.groupby(held.category).transform("mean"))
    return counts.fillna(typical.round())


def choose_surveyed_sessions(rng: np.random.Generator, world: dict) -> pd.DataFrame:
    """Held sessions with an outcome area, the last of each survey period, minus the ones staff forgot."""
    sessions = tidy_sessions(world["program_sessions"])
    sessions["outcome_area"] = outcome_areas(sessions)
    held = sessions[sessions.held & sessions.outcome_area.notna()].copy()
    held["head_count"] = true_head_counts(held, world["rooms"])
    held["period"] = survey_periods(held)
    held = held.sort_values(["date", "start_time", "session_id"])
    last = held.drop_duplicates("period", keep="last").sort_values("session_id")
    return last[rng.random(len(last)) < SURVEY_RATE]


def immediate_rows(rng: np.random.Generator, surveyed: pd.DataFrame) -> pd.DataFrame:
    """One row per immediate response: 30-60% of each session's head count."""
    rate = rng.uniform(*RESPONSE_RATE, len(surveyed))
    responses = np.round(rate * surveyed.head_count.to_numpy(dtype=float)).astype(int)
    rows = surveyed.loc[surveyed.index.repeat(responses)].reset_index(drop=True)
    late = rng.random(len(rows)) < LATE_SUBMIT_SHARE
    lag = np.where(late, rng.integers(1, 7, len(rows)), 0)
    rows["submitted"] = np.minimum(rows.date + pd.to_timedelta(lag, unit="D"), WORLD_END)
    rows["wave"] = "immediate"
    return rows


def cut_to_scale(latent: np.ndarray, agree: float) -> np.ndarray:
    """Answers 1-5 from a latent score, cut at its own quantiles so the shares hit the target exactly."""
    rest = 1 - agree
    shares = [rest * DISAGREE_SPLIT[0], rest * DISAGREE_SPLIT[1], rest * DISAGREE_SPLIT[2],
              agree * (1 - STRONGLY_AGREE_OF_AGREE)]
    cuts = np.quantile(latent, np.cumsum(shares))
    return 1 + np.searchsorted(cuts, latent)


def answer_immediate(rng: np.random.Generator, rows: pd.DataFrame) -> np.ndarray:
    """Likert answers to the four immediate items, driven by each respondent's mood and area; returns the mood."""
    mood = rng.normal(size=len(rows)) + rows.outcome_area.map(AREA_LEAN).to_numpy(dtype=float)
    for item in IMMEDIATE_ITEMS:
        latent = PERSON_LOADING * mood + np.sqrt(1 - PERSON_LOADING ** 2) * rng.normal(size=len(rows))
        rows[item] = cut_to_scale(latent, AGREE_SHARE[item])
        rows[f"_{item}_latent"] = latent
    return mood


def follow_up_rows(rng: np.random.Generator, immediate: pd.DataFrame) -> pd.DataFrame:
    """Panel members who answered again 4-8 weeks later; answers track what they intended, and fall short of it."""
    answered = immediate.has_contact.to_numpy() & (rng.random(len(immediate)) < FOLLOW_UP_ANSWER_SHARE)
    rows = immediate[answered].copy()
    days = rng.integers(FOLLOW_UP_DAYS[0], FOLLOW_UP_DAYS[1] + 1, len(rows))
    rows["submitted"] = rows.date + pd.to_timedelta(days, unit="D")
    rows = rows[rows.submitted <= WORLD_END].copy()  # the extract closes at the end of FY2025
    rows["wave"] = "follow-up"
    spread = np.sqrt(1 - FOLLOW_UP_LOADING ** 2)
    for item, source in zip(FOLLOW_UP_ITEMS, ["intend_to_apply", "aware_of_resources"]):
        latent = FOLLOW_UP_LOADING * rows[f"_{source}_latent"].to_numpy() + spread * rng.normal(size=len(rows))
        rows[item] = cut_to_scale(latent, AGREE_SHARE[item])
    for item in IMMEDIATE_ITEMS:
        rows[item] = np.nan
    return rows


def theme_weights(base: dict, fmt: str, branch: str, audience: str, improve: bool) -> dict:
    """Theme weights for one comment, shifted for online sessions, Fernvale and older adults."""
    weights = dict(base)
    if fmt in {"virtual", "hybrid"}:
        weights["technology"] = ONLINE_TECH_WEIGHT
        weights["room/space"] = 0 if fmt == "virtual" else weights["room/space"]
        weights["parking/access"] = 0 if fmt == "virtual" else weights["parking/access"]
    elif improve and branch == "FER":
        weights["parking/access"] = FERNVALE_ACCESS_WEIGHT
    elif improve and audience == "older adults":
        weights["parking/access"] = OLDER_ADULT_ACCESS_WEIGHT
    return weights


def write_comment(rng: np.random.Generator, row, improve: bool) -> str:
    """One comment from the templates of a theme drawn for this respondent's session."""
    base, general, extra = (IMPROVE_THEMES, IMPROVE, AREA_IMPROVE) if improve else (LIKED_THEMES, LIKED, AREA_LIKED)
    theme = weighted_choice(rng, theme_weights(base, row.format, row.branch_id, row.audience, improve))
    templates = general[theme] + extra.get((row.outcome_area, theme), [])
    return templates[rng.integers(len(templates))]


def add_comments(rng: np.random.Generator, rows: pd.DataFrame, mood: np.ndarray) -> None:
    """About 40% of rows carry a comment; unhappier respondents ask for improvements more often."""
    commented = rng.random(len(rows)) < COMMENT_SHARE
    kind = weighted_choice(rng, COMMENT_KINDS, len(rows))
    unhappy = mood < np.quantile(mood, 0.25)
    kind = np.where(unhappy & (kind == "liked") & (rng.random(len(rows)) < 0.5), "improve", kind)
    liked, improve = [None] * len(rows), [None] * len(rows)
    for i, row in enumerate(rows.itertuples()):
        if commented[i] and kind[i] in {"liked", "both"}:
            liked[i] = write_comment(rng, row, improve=False)
        if commented[i] and kind[i] in {"improve", "both"}:
            improve[i] = write_comment(rng, row, improve=True)
    rows["comment_liked"] = np.array(liked, dtype=object)
    rows["comment_improve"] = np.array(improve, dtype=object)


def add_straight_liners(rng: np.random.Generator, rows: pd.DataFrame) -> None:
    """A few paper forms answered 1 to everything next to warm praise (the scale read backwards)."""
    every_item_one = (rows[IMMEDIATE_ITEMS] == 1).all(axis=1)
    rows.loc[every_item_one, "knowledge"] = 2  # keep all-1 rows for the deliberate ones only
    praised = np.flatnonzero(rows.comment_liked.notna().to_numpy())
    picked = np.sort(rng.choice(praised, size=STRAIGHT_LINERS, replace=False))
    rows.loc[rows.index[picked], IMMEDIATE_ITEMS] = 1
    rows.loc[rows.index[picked], "comment_improve"] = None


def add_out_of_range(rng: np.random.Generator, rows: pd.DataFrame) -> None:
    """Key a few answers as 0 or 6, on rows that are not straight-liners."""
    straight = (rows[IMMEDIATE_ITEMS] == 1).all(axis=1).to_numpy()
    candidates = np.flatnonzero(~straight)
    picked = rng.choice(candidates, size=len(OUT_OF_RANGE), replace=False)
    items = rng.permutation(IMMEDIATE_ITEMS * 2)[:len(OUT_OF_RANGE)]
    for row, item, value in zip(picked, items, OUT_OF_RANGE):
        rows.loc[rows.index[row], item] = value


def assign_respondents(rng: np.random.Generator, rows: pd.DataFrame, world: dict) -> np.ndarray:
    """Patron ids for respondents who left contact details: the session's own checked-in registrants
    (teens and adults) where there are any, otherwise patrons who never registered for anything."""
    regs = world["registrations"]
    came = regs[regs.attended.fillna(False).astype(bool) & regs.age_group.ne("child")]
    pools = came.drop_duplicates(["session_id", "registrant_id"]).groupby("session_id").registrant_id.agg(list)
    next_new = int(regs.registrant_id.str[2:].astype(int).max()) + 1
    used: set[str] = set()
    ids = np.full(len(rows), None, dtype=object)
    for i in np.flatnonzero(rows.has_contact.to_numpy()):
        pool = [p for p in pools.get(rows.session_id.iat[i], []) if p not in used]
        if pool:
            ids[i] = pool[rng.integers(len(pool))]
        else:
            ids[i] = f"PT{next_new:05d}"
            next_new += 1
        used.add(ids[i])
    return ids


def generate(rng: np.random.Generator, world: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """The survey_responses table."""
    surveyed = choose_surveyed_sessions(rng, world)
    immediate = immediate_rows(rng, surveyed)
    mood = answer_immediate(rng, immediate)
    immediate["has_contact"] = rng.random(len(immediate)) < CONTACT_SHARE
    immediate["respondent_id"] = assign_respondents(rng, immediate, world)
    follow_up = follow_up_rows(rng, immediate)
    rows = pd.concat([immediate, follow_up], ignore_index=True)
    add_comments(rng, rows, np.concatenate([mood, mood[follow_up.index]]))
    is_immediate = rows.wave.eq("immediate")
    first = rows[is_immediate].copy()
    add_straight_liners(rng, first)
    add_out_of_range(rng, first)
    rows.loc[is_immediate, IMMEDIATE_ITEMS + ["comment_improve"]] = first[IMMEDIATE_ITEMS + ["comment_improve"]]
    return {"survey_responses": finish(rng, rows)}


def finish(rng: np.random.Generator, rows: pd.DataFrame) -> pd.DataFrame:
    """Number responses in the order they came in and keep the contract's columns."""
    rows = rows.assign(tiebreak=rng.random(len(rows)), wave_order=rows.wave.eq("follow-up"))
    rows = rows.sort_values(["submitted", "session_id", "wave_order", "tiebreak"], kind="stable").reset_index(drop=True)
    rows["response_id"] = make_ids("SR", len(rows), 5)
    rows["submitted_on"] = date_text(rows.submitted)
    for item in IMMEDIATE_ITEMS + FOLLOW_UP_ITEMS:
        rows[item] = pd.array(rows[item], dtype="Int64")
    return rows[COLUMNS]
