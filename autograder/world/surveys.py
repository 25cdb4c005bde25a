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
# Response rate: 30-60% of the people who could answer (FACTS.md, Ideas for realistic tables), for paper forms
# handed out in the room. Harder-to-reach forms are returned less often (assumptions): a link in the chat of a
# virtual session, forms at an off-site venue where people leave at once, the online half of a hybrid session.
RESPONSE_RATE = {"on site": (0.32, 0.60), "hybrid": (0.25, 0.50), "off site": (0.20, 0.45),
                 "virtual": (0.15, 0.35)}
# At storytime the head count includes babies and young children, who fill in nothing: only the caregivers
# can answer, about one adult for every one to two children (assumption).
CAREGIVER_SHARE = (0.38, 0.50)
# The forms are printed in English only. At English conversation, learners of English return far fewer of them
# (assumption), and a third of the comments they do write are in Spanish.
ENGLISH_ONLY_CATEGORY = "English conversation"
ENGLISH_ONLY_RESPONSE_FACTOR = 0.45
SPANISH_COMMENT_SHARE = 0.35
CONTACT_SHARE = 0.40  # immediate respondents who leave an email for the follow-up (assumption) ...
FOLLOW_UP_ANSWER_SHARE = 0.55  # ... and about half answer it: ~20% of immediate (FACTS.md, Ideas)
FOLLOW_UP_DAYS = (28, 56)  # follow-up 4-8 weeks later (PLA Project Outcome; FACTS.md, Evaluation)
LATE_SUBMIT_SHARE = 0.20  # immediate surveys filled in online a few days after the session (assumption)
# A regular at a weekly group or club who left an email before is often the one who leaves it again at the
# group's next survey (assumption); registrants are drawn from each session's own check-ins, so a patron who
# came to several surveyed sessions can answer at each. Either way one respondent_id spans several sessions.
RETURNING_SHARE = 0.45

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
# People at one session share a presenter, a room and a day, so their answers move together: each session
# shifts the mood of everyone who answers there (standard deviation on the latent scale; assumption). This is
# why a margin of error must count sessions, not only answers.
SESSION_SPREAD = 0.70

IMMEDIATE_ITEMS = ["knowledge", "confidence", "intend_to_apply", "aware_of_resources"]
FOLLOW_UP_ITEMS = ["applied_learning", "used_resources"]
# Statements left blank (skipped), per item: the last statement on the form is skipped most (assumption).
SKIP_SHARE = {"knowledge": 0.02, "confidence": 0.03, "intend_to_apply": 0.03, "aware_of_resources": 0.06,
              "applied_learning": 0.03, "used_resources": 0.05}
OUT_OF_RANGE_COUNT = 24  # answers keyed as 0 or 6 from paper forms (about 0.2% of immediate answers; assumption)
STRAIGHT_LINERS = 12  # paper forms answered 1 to every item yet praised the program: scale read backwards

# Comments: ~40% of rows carry one (contract). Of those, what they wrote (assumption).
COMMENT_SHARE = 0.40
COMMENT_KINDS = {"liked": 0.50, "improve": 0.25, "both": 0.25}
GENERIC_SHARE = 0.10  # comments that name no theme at all ("Loved it!", "Nothing to change.")
UNMARKED_SHARE = 0.06  # comments about a theme in words no keyword list catches ("It was freezing in there.")
TWO_THEME_SHARE = 0.15  # suggestions that raise two things at once

# Each theme's keywords (lower case). Every themed clause below contains at least one keyword of its own theme and
# no keyword (as a plain substring) of any other theme, so a comment of one clause codes to its theme alone.
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
# Clauses without their final punctuation; openers and closers are added around them.
LIKED = {
    "presenter": ["The presenter was patient and explained everything clearly", "Our instructor was friendly and funny",
                  "Great speaker, very knowledgeable", "The facilitator made everyone feel welcome",
                  "Loved the presenter's energy", "The instructor answered every single question",
                  "Our facilitator kept the conversation going without pushing anyone",
                  "The speaker clearly knew the subject inside out", "Such a kind and patient instructor",
                  "The presenter remembered my name from last month"],
    "content": ["Really useful information I can use right away", "The tips were practical and easy to follow",
                "Good mix of basics and real examples", "The topic was exactly what I needed",
                "Clear, practical information without the jargon", "I picked up tips I will actually use",
                "The examples made it click for me", "Interesting topic and a lively discussion"],
    "schedule/timing": ["Saturday works great for our family", "Evening sessions fit around my job",
                        "Perfect length, not too long", "A morning slot is perfect for retirees like me",
                        "Loved having a weekend option", "The schedule fit right in with school pickup"],
    "room/space": ["Nice bright room with plenty of chairs", "Comfortable seating and a good-sized room",
                   "The space was cozy and welcoming", "Lovely quiet room with a view of the park",
                   "The room was set up so everyone could see"],
    "materials/handouts": ["The handout is going on my fridge", "Loved the take-home materials",
                           "Thank you for the worksheet to practice with", "The printed packet will help me at home",
                           "Great craft supplies for the kids", "The printout of the steps is a lifesaver"],
    "parking/access": ["Easy parking right by the door", "Glad the entrance was wheelchair accessible",
                       "Easy to get to on the bus", "The elevator made it possible for me to come"],
    "technology": ["The Zoom link worked perfectly", "Easy to see the projector from the back",
                   "Audio was clear the whole way through", "The big screen made the demo easy to follow",
                   "The microphone meant I could hear every word"],
    "more sessions": ["Please do this again", "I'd love a whole series on this", "Would come every week if I could",
                      "Hope you run it again next season"],
}
IMPROVE = {
    "presenter": ["The presenter went a bit fast for beginners", "The speaker was hard to follow in places",
                  "Would like the instructor to check in with the group more",
                  "The facilitator let one person dominate the discussion",
                  "The instructor could slow down for those of us taking notes",
                  "Sometimes it was hard to hear the speaker"],
    "content": ["Too basic for me; I hoped for more advanced information", "Some of the content went over my head",
                "Would like more examples from real life", "The topic felt rushed at the end",
                "More tips for complete beginners, please", "Some of the information was out of date"],
    "schedule/timing": ["Please offer an evening option for people who work", "A weekend session would be easier",
                        "It ran over and I had to leave", "Starting earlier would help with school pickup",
                        "Too short! Needed another half hour", "A Saturday repeat would help working parents",
                        "The morning slot clashes with my shift", "Could the schedule avoid school holidays"],
    "room/space": ["The room was too crowded to see", "Not enough chairs for everyone", "The room was chilly",
                   "It got stuffy with so many people", "Hard to hear because the space next door was noisy",
                   "Seating at the back could not see the front", "A bigger room next time"],
    "materials/handouts": ["A handout with the steps would help", "Ran out of supplies before everyone got a turn",
                           "Please email the materials afterwards", "The printout was too small to read",
                           "A worksheet to take home would help"],
    "parking/access": ["Parking was full; I circled for ten minutes",
                       "The stairs are hard for me; is there an elevator?",
                       "The bus only comes once an hour out here", "Hard to find an accessible entrance",
                       "Need more accessible parking near the door"],
    "technology": ["The microphone kept cutting out", "The projector was too dim to read",
                   "The Wi-Fi dropped during the hands-on part", "Zoom audio was choppy",
                   "Could not see the screen from the back row", "The audio on the recording was very quiet"],
    "more sessions": ["Please offer more sessions; it filled up fast", "One session is not enough, make it a series",
                      "Please run it more often", "Would love it again in the fall",
                      "Could this be every week instead of once a month"],
}
# Extra clauses only respondents in one outcome area write.
AREA_LIKED = {
    ("early literacy", "presenter"): ["The storyteller was so warm with the little ones",
                                      "Our storyteller knew every child's name",
                                      "The storyteller got even the shy kids singing"],
    ("early literacy", "content"): ["Great tips for reading with my toddler at home",
                                    "Good tips for singing and rhyming at home"],
    ("digital learning", "content"): ["The step-by-step examples made it click for me"],
    ("health", "content"): ["The information on healthy habits was easy to understand"],
    ("civic/community engagement", "content"): ["Balanced information on a hard topic"],
    ("job skills", "content"): ["The resume tips were exactly what I needed"],
}
AREA_IMPROVE = {
    ("early literacy", "schedule/timing"): ["Mornings are hard with nap schedules",
                                            "It felt too long for the little ones"],
    ("early literacy", "room/space"): ["Too crowded for strollers; more space please"],
    ("digital learning", "technology"): ["Half the laptops needed updates; the Wi-Fi was slow"],
}
OPENERS = {"liked": ["Honestly, ", "Overall, ", "For me, ", "As a first-timer, ", "Above all, "],
           "improve": ["Just one thing: ", "Small thing: ", "Suggestion: ", "If anything, ", "Only this: "]}
OPENER_SHARE = 0.30
CLOSERS = {"liked": [" Thank you!", " Thanks!", " Will tell my friends.", " Keep it up!"],
           "improve": [" Otherwise great!", " Thanks for asking.", " Otherwise a lovely program."]}
CLOSER_SHARE = 0.25
KEEP_CAPITAL = ("I ", "I'd ", "Zoom", "Wi-Fi", "Saturday")  # first words an opener must not lower
# Whole comments that name no theme (generic), and comments about a theme in words no keyword list catches.
GENERIC = {"liked": ["Loved it!", "Everything.", "Very well done.", "Thank you so much.", "Great program, thank you.",
                     "All of it.", "The people.", "Wonderful as always."],
           "improve": ["Nothing, it was perfect.", "Nothing to change.", "Keep doing what you are doing.", "N/A",
                       "No suggestions.", "All good!", "Nothing to change; parking was no problem."]}
UNMARKED = {"liked": ["She explained things so well.", "So easy to get here.", "The kids were so engaged."],
            "improve": ["It was freezing in there.", "Could not hear over the air conditioning.",
                        "The chat kept freezing."]}
# What learners of English wrote at English conversation, in Spanish (no keyword list catches these).
SPANISH = {"liked": ["Me gusta mucho practicar con otras personas.", "Muy buena clase, gracias.",
                     "La maestra es muy paciente."],
           "improve": ["Por favor, la encuesta en español.", "Necesito más tiempo para hablar.",
                       "Más clases por semana, por favor."]}
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


def could_answer(rng: np.random.Generator, surveyed: pd.DataFrame) -> np.ndarray:
    """How many people in the room could fill in a form: everyone, except at storytime (caregivers only)."""
    share = np.where(surveyed.category.eq("storytime"), rng.uniform(*CAREGIVER_SHARE, len(surveyed)), 1.0)
    return surveyed.head_count.to_numpy(dtype=float) * share


def immediate_rows(rng: np.random.Generator, surveyed: pd.DataFrame) -> pd.DataFrame:
    """One row per immediate response: 30-60% of those who could answer at an on-site session, fewer elsewhere."""
    low = surveyed.format.map({f: r[0] for f, r in RESPONSE_RATE.items()}).to_numpy(dtype=float)
    high = surveyed.format.map({f: r[1] for f, r in RESPONSE_RATE.items()}).to_numpy(dtype=float)
    rate = low + (high - low) * rng.random(len(surveyed))
    rate = rate * np.where(surveyed.category.eq(ENGLISH_ONLY_CATEGORY), ENGLISH_ONLY_RESPONSE_FACTOR, 1.0)
    responses = np.round(rate * could_answer(rng, surveyed)).astype(int)
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
    """Likert answers to the four immediate items, driven by each respondent's mood, their area and the session
    they came to; returns the mood."""
    sessions = rows.session_id.unique()
    session_shift = pd.Series(rng.normal(0, SESSION_SPREAD, len(sessions)), index=sessions)
    mood = (rng.normal(size=len(rows)) + rows.outcome_area.map(AREA_LEAN).to_numpy(dtype=float)
            + rows.session_id.map(session_shift).to_numpy(dtype=float))
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


def themed_clause(rng: np.random.Generator, row, improve: bool, avoid: str | None = None) -> tuple[str, str]:
    """A clause about a theme drawn for this respondent's session (never the theme `avoid`)."""
    base, general, extra = (IMPROVE_THEMES, IMPROVE, AREA_IMPROVE) if improve else (LIKED_THEMES, LIKED, AREA_LIKED)
    weights = theme_weights(base, row.format, row.branch_id, row.audience, improve)
    if avoid:
        weights[avoid] = 0
    theme = weighted_choice(rng, weights)
    clauses = general[theme] + extra.get((row.outcome_area, theme), [])
    return theme, clauses[rng.integers(len(clauses))]


def lowered(clause: str) -> str:
    """A clause to follow an opener or a join: its first letter in lower case, unless it starts with a name."""
    return clause if clause.startswith(KEEP_CAPITAL) else clause[0].lower() + clause[1:]


def ended(clause: str, rng: np.random.Generator) -> str:
    return clause if clause.endswith(("?", "!", ".")) else clause + ("!" if rng.random() < 0.15 else ".")


def write_comment(rng: np.random.Generator, row, improve: bool) -> str:
    """One comment: a themed clause (sometimes two for a suggestion), an opener or closer now and then; or a
    generic comment, one in words no keyword catches, or, at English conversation, one in Spanish."""
    box = "improve" if improve else "liked"
    if row.category == ENGLISH_ONLY_CATEGORY and rng.random() < SPANISH_COMMENT_SHARE:
        return SPANISH[box][rng.integers(len(SPANISH[box]))]
    draw = rng.random()
    if draw < GENERIC_SHARE:
        return GENERIC[box][rng.integers(len(GENERIC[box]))]
    if draw < GENERIC_SHARE + UNMARKED_SHARE:
        return UNMARKED[box][rng.integers(len(UNMARKED[box]))]
    theme, text = themed_clause(rng, row, improve)
    if improve and rng.random() < TWO_THEME_SHARE:
        _, second = themed_clause(rng, row, improve, avoid=theme)
        text = ended(text, rng) + " Also, " + lowered(second)
    if rng.random() < OPENER_SHARE:
        openers = OPENERS[box]
        text = openers[rng.integers(len(openers))] + lowered(text)
    text = ended(text, rng)
    if rng.random() < CLOSER_SHARE:
        closers = CLOSERS[box]
        text = text + closers[rng.integers(len(closers))]
    return text


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


def add_out_of_range(rng: np.random.Generator, rows: pd.DataFrame) -> np.ndarray:
    """Key a few answers as 0 or 6, on rows that are not straight-liners; returns the cells hit (row, item)."""
    straight = (rows[IMMEDIATE_ITEMS] == 1).all(axis=1).to_numpy()
    cells = [(r, i) for r in np.flatnonzero(~straight) for i in range(len(IMMEDIATE_ITEMS))]
    picked = rng.choice(len(cells), size=OUT_OF_RANGE_COUNT, replace=False)
    hit = np.zeros((len(rows), len(IMMEDIATE_ITEMS)), dtype=bool)
    for n, index in enumerate(picked):
        row, item = cells[index]
        rows.loc[rows.index[row], IMMEDIATE_ITEMS[item]] = 0 if n % 2 == 0 else 6
        hit[row, item] = True
    return hit


def add_skipped(rng: np.random.Generator, rows: pd.DataFrame, items: list[str], keep: np.ndarray) -> None:
    """Leave some statements blank, as people skip them; cells marked in `keep` are never blanked."""
    for column, item in enumerate(items):
        skipped = (rng.random(len(rows)) < SKIP_SHARE[item]) & ~keep[:, column]
        rows.loc[rows.index[skipped], item] = np.nan


def assign_respondents(rng: np.random.Generator, rows: pd.DataFrame, world: dict) -> np.ndarray:
    """Patron ids for respondents who left contact details, in the order the sessions took place: one of the
    session's own checked-in registrants (teens and adults) where there are any; otherwise, often, a regular who
    left an email at an earlier survey of the same program; otherwise a patron who never registered for anything.
    No id appears twice at one session; a regular's id appears at several."""
    regs = world["registrations"]
    came = regs[regs.attended.fillna(False).astype(bool) & regs.age_group.ne("child")]
    pools = came.drop_duplicates(["session_id", "registrant_id"]).groupby("session_id").registrant_id.agg(list)
    next_new = int(regs.registrant_id.str[2:].astype(int).max()) + 1
    regulars: dict[str, list[str]] = {}
    here: dict[str, set[str]] = {}
    ids = np.full(len(rows), None, dtype=object)
    contact = np.flatnonzero(rows.has_contact.to_numpy())
    contact = contact[np.argsort(rows.date.to_numpy()[contact], kind="stable")]
    for i in contact:
        session, program = rows.session_id.iat[i], rows.program_id.iat[i]
        taken = here.setdefault(session, set())
        pool = [p for p in pools.get(session, []) if p not in taken]
        earlier = [p for p in regulars.get(program, []) if p not in taken]
        if pool:
            ids[i] = pool[rng.integers(len(pool))]
        elif earlier and rng.random() < RETURNING_SHARE:
            ids[i] = earlier[rng.integers(len(earlier))]
        else:
            ids[i] = f"PT{next_new:05d}"
            next_new += 1
        taken.add(ids[i])
        if ids[i] not in regulars.setdefault(program, []):
            regulars[program].append(ids[i])
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
    keyed = add_out_of_range(rng, first)
    straight = np.repeat((first[IMMEDIATE_ITEMS] == 1).all(axis=1).to_numpy()[:, None], len(IMMEDIATE_ITEMS), axis=1)
    add_skipped(rng, first, IMMEDIATE_ITEMS, keyed | straight)
    rows.loc[is_immediate, IMMEDIATE_ITEMS + ["comment_improve"]] = first[IMMEDIATE_ITEMS + ["comment_improve"]]
    later = rows[~is_immediate].copy()
    add_skipped(rng, later, FOLLOW_UP_ITEMS, np.zeros((len(later), len(FOLLOW_UP_ITEMS)), dtype=bool))
    rows.loc[~is_immediate, FOLLOW_UP_ITEMS] = later[FOLLOW_UP_ITEMS]
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
