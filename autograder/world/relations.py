"""Working with people: a double-coded sample of patron comments, partners' check-ins after co-hosted sessions,
and two partners' answers to a scheduling poll (module 08, Interpersonal Skills)."""
from __future__ import annotations

import numpy as np
import pandas as pd

from autograder.world.common import FY_START, date_text, make_ids, tidy_sessions, weighted_choice

# ==== feedback_coding ==================================================================================
# Two staff members coded the same random sample of FY2025 comments with the topic codebook, each without seeing
# the other's codes or the original one (assumption: 150 comments, a usual size for a check of a codebook).
CODING_SAMPLE = 150
TOPICS = ["programs", "collection", "staff", "technology", "hours", "noise", "parking", "room booking",
          "accessibility", "cleanliness"]
# Comments that honestly fit two topics: (start of the comment, the other topic a coder may choose, how often).
AMBIGUOUS = [
    ("The website listed the wrong room for", "room booking", 0.45),
    ("Our group was double-booked with another group", "programs", 0.35),
    ("The room was booked for us but locked", "programs", 0.3),
    ("The accessible parking spaces were blocked", "parking", 0.45),
    ("There's no hearing loop in the meeting room", "room booking", 0.3),
    ("Please hold some programs in a room with step-free access", "programs", 0.35),
    ("A staff member spoke rudely to my teenager", "noise", 0.35),
    ("Please offer more programs for kids with autism", "accessibility", 0.4),
    ("Could you add captions to the virtual programs", "programs", 0.3),
    ("The parking lot at", "programs", 0.25),
    ("Sensory storytime is the only program", "programs", 0.4),
    ("Could someone who speaks Spanish be at the desk", "hours", 0.2),
    ("{program} was so crowded", "room booking", 0.2),
]
CODER_SLIP = 0.09                 # a plain slip: another topic at random (assumption)
# The second coder reads ambiguous comments the other way more often than the first (assumption), so the two
# coders use the topics in different proportions.
AMBIGUITY_LEAN = {"coder_1": 0.6, "coder_2": 1.5}
# How each coder typed the labels: the second coder's spreadsheet has free-typed capitals and stray spaces.
TITLE_CASE = {"coder_1": 0.03, "coder_2": 0.18}
TRAILING_SPACE = {"coder_1": 0.0, "coder_2": 0.06}
LEFT_BLANK = {"coder_1": 2, "coder_2": 5}   # "could not decide": left empty

# ==== partner_checkins =================================================================================
# Partnerships up for renewal: those with at least this many co-hosted sessions held in FY2025.
REVIEW_MIN_SESSIONS = 10
FACTORS = ["alignment", "teamwork", "communication", "relationship", "operations"]
# Share of valid answers that agree (4 or 5), partner side, by factor: a typical partnership (assumption: high
# overall, operations lowest, in line with partners.py; NILPPA Phase 2 names the factors, not these figures).
PARTNER_AGREE = {"alignment": 0.86, "teamwork": 0.82, "communication": 0.80, "relationship": 0.88,
                 "operations": 0.72}
LIBRARY_LIFT = {"alignment": 0.04, "teamwork": 0.05, "communication": 0.10, "relationship": 0.03,
                "operations": 0.06}   # the library's own staff rate the partnership higher, most of all on communication
PARTNER_SPREAD = 0.05             # each partnership's own level, +/- (assumption)
# Planted partnerships (partner_id -> {(fiscal year, factor): share agreeing, partner side}).
PLANTED = {
    "PA014": {(2024, "communication"): 0.78, (2025, "communication"): 0.58},   # Fernvale Homeschool Co-op
    "PA078": {(2025, "operations"): 0.52},                                       # Wrenfield Hospice: grew fast
    "PA046": {(2025, "alignment"): 0.57, (2025, "teamwork"): 0.47},             # Veterans Services Office
    "PA061": {(2025, "relationship"): 0.34, (2025, "operations"): 0.5},        # Maritime Museum: few forms
}
SMALL_PARTNER = "PA061"           # returns few partner-side forms: too few to judge
PARTNER_PEOPLE = {1: 0.4, 2: 0.4, 3: 0.2}    # partner staff or volunteers at a co-hosted session
PARTNER_RESPONSE = 0.75           # share of them who return the form (assumption)
SMALL_PARTNER_RESPONSE = 0.2
LIBRARY_RESPONSE = 0.85           # the library's session lead returns the form (assumption)
SKIPPED = 0.03                    # an item left blank
DONT_KNOW = {"alignment": 0.06, "teamwork": 0.02, "communication": 0.02, "relationship": 0.02,
             "operations": 0.10}  # "don't know" (code 9), partner side; library side a third as often
DISAGREE_CODES = {1: 0.2, 2: 0.35, 3: 0.45}
AGREE_CODES = {4: 0.55, 5: 0.45}

# ==== slot_poll ========================================================================================
# Two partners want the Eastgate Meeting Room on Saturday mornings from January 2026; each polled its members
# on five two-hour slots. Counts of ticks among forms with at least one tick (assumption, planted so that the
# fairest split differs from the one with the largest total).
ALLIANCE, CHESS = "PA027", "PA031"
SLOTS = ["sat_10am", "sat_1230pm", "sat_3pm", "wed_4pm", "thu_6pm"]
POLL = {
    ALLIANCE: {"forms": 46, "empty": 6, "ticks": {"sat_10am": 38, "sat_1230pm": 26, "sat_3pm": 14, "wed_4pm": 12,
                                                   "thu_6pm": 17}},
    CHESS: {"forms": 60, "empty": 4, "ticks": {"sat_10am": 54, "sat_1230pm": 37, "sat_3pm": 33, "wed_4pm": 35,
                                                "thu_6pm": 22}},
}
POLL_OPEN = (pd.Timestamp("2025-06-09"), pd.Timestamp("2025-06-27"))


# ---- feedback_coding ----------------------------------------------------------------------------------

def coder_topic(rng: np.random.Generator, coder: str, topic: str, comment: str) -> str:
    """One coder's reading of a comment: its topic, the other fitting topic when the comment is ambiguous, or a slip."""
    for start, other, chance in AMBIGUOUS:
        matched = comment.startswith(start) if "{program}" not in start else start.split("} ")[1] in comment
        if matched and rng.random() < min(0.9, chance * AMBIGUITY_LEAN[coder]):
            return other
    if rng.random() < CODER_SLIP:
        return str(rng.choice([t for t in TOPICS if t != topic]))
    return topic


def as_typed(rng: np.random.Generator, labels: list[str], coder: str) -> np.ndarray:
    """Labels as the coder typed them into the spreadsheet: some capitalised, some with a trailing space, some blank."""
    typed = np.array(labels, dtype=object)
    title = rng.random(len(typed)) < TITLE_CASE[coder]
    typed[title] = [t.capitalize() for t in typed[title]]
    spaced = rng.random(len(typed)) < TRAILING_SPACE[coder]
    typed[spaced] = [t + " " for t in typed[spaced]]
    typed[rng.choice(len(typed), size=LEFT_BLANK[coder], replace=False)] = None
    return typed


def make_feedback_coding(rng: np.random.Generator, feedback: pd.DataFrame) -> pd.DataFrame:
    """feedback_coding: 150 FY2025 comments, each coded by two staff members on their own."""
    fy25 = feedback[pd.to_datetime(feedback.received_on) >= FY_START[2025]]
    sample = fy25.iloc[np.sort(rng.choice(len(fy25), size=CODING_SAMPLE, replace=False))]
    coded = pd.DataFrame({"feedback_id": sample.feedback_id.to_numpy()})
    for coder in ("coder_1", "coder_2"):
        labels = [coder_topic(rng, coder, t, c) for t, c in zip(sample.topic, sample.comment)]
        coded[coder] = as_typed(rng, labels, coder)
    return coded


# ---- partner_checkins ---------------------------------------------------------------------------------

def reviewed_partners(sessions: pd.DataFrame) -> list[str]:
    """Partnerships up for renewal: at least REVIEW_MIN_SESSIONS co-hosted sessions held in FY2025."""
    held = sessions[sessions.held & sessions.partner_id.notna() & sessions.fiscal_year.eq(2025)]
    counts = held.groupby("partner_id").size()
    return sorted(counts[counts >= REVIEW_MIN_SESSIONS].index)


def forms_for_sessions(rng: np.random.Generator, sessions: pd.DataFrame, partners: list[str]) -> pd.DataFrame:
    """One row per form returned after a held co-hosted session: the partner's people, and the library's lead."""
    held = sessions[sessions.held & sessions.partner_id.isin(partners)].sort_values(["date", "session_id"])
    rows = []
    for session in held.itertuples():
        people = weighted_choice(rng, PARTNER_PEOPLE)
        response = SMALL_PARTNER_RESPONSE if session.partner_id == SMALL_PARTNER else PARTNER_RESPONSE
        returned = int((rng.random(people) < response).sum())
        sides = ["partner"] * returned + (["library"] if rng.random() < LIBRARY_RESPONSE else [])
        for side in sides:
            lag = int(rng.integers(0, 11))
            rows.append({"partner_id": session.partner_id, "session_id": session.session_id,
                         "submitted_on": session.date + pd.Timedelta(days=lag), "side": side})
    forms = pd.DataFrame(rows)
    # a form counts in the fiscal year of its session, whenever it came in
    forms["fiscal_year"] = forms.session_id.map(sessions.set_index("session_id").fiscal_year).astype(int)
    return forms


def agree_share(levels: dict[str, float], partner: str, year: int, side: str, factor: str) -> float:
    """The share of valid answers agreeing for one partnership, year, side and factor (levels: each
    partnership's own shift from the typical shares)."""
    share = PLANTED.get(partner, {}).get((year, factor))
    if share is None:
        share = min(0.97, PARTNER_AGREE[factor] + levels[partner])
    if side == "library":
        share = min(0.97, max(share, PARTNER_AGREE[factor] - 0.05) + LIBRARY_LIFT[factor])
    return share


def answers_for(rng: np.random.Generator, count: int, share: float, side: str, factor: str) -> np.ndarray:
    """Answers to one statement on `count` forms: some blank, some 9 (don't know), and among the valid answers
    exactly round(share * valid) agreeing, so that planted shares hold exactly."""
    answers = np.full(count, np.nan)
    dont_know = DONT_KNOW[factor] / (3 if side == "library" else 1)
    kind = rng.random(count)
    blank, unknown = kind < SKIPPED, (kind >= SKIPPED) & (kind < SKIPPED + dont_know)
    answers[unknown] = 9
    valid = np.flatnonzero(~blank & ~unknown)
    agreeing = int(round(share * len(valid)))
    order = rng.permutation(valid)
    answers[order[:agreeing]] = weighted_choice(rng, AGREE_CODES, agreeing)
    answers[order[agreeing:]] = weighted_choice(rng, DISAGREE_CODES, len(valid) - agreeing)
    return answers


def make_partner_checkins(rng: np.random.Generator, world: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """partner_checkins: a five-statement form after each held co-hosted session of the partnerships under review."""
    sessions = tidy_sessions(world["program_sessions"])
    partners = reviewed_partners(sessions)
    forms = forms_for_sessions(rng, sessions, partners)
    levels = {p: float(rng.uniform(-PARTNER_SPREAD, PARTNER_SPREAD)) for p in partners}
    for factor in FACTORS:
        forms[factor] = np.nan
        for (partner, year, side), group in forms.groupby(["partner_id", "fiscal_year", "side"]):
            share = agree_share(levels, partner, year, side, factor)
            forms.loc[group.index, factor] = answers_for(rng, len(group), share, side, factor)
        forms[factor] = forms[factor].astype("Int64")
    forms = forms.sort_values(["submitted_on", "session_id", "side"], ignore_index=True)
    forms.insert(0, "checkin_id", make_ids("C", len(forms), 4))
    forms["submitted_on"] = date_text(forms.submitted_on)
    return forms[["checkin_id", "partner_id", "session_id", "fiscal_year", "submitted_on", "side", *FACTORS]]


# ---- slot_poll ----------------------------------------------------------------------------------------

def ticks_for(rng: np.random.Generator, forms: int, ticks: dict[str, int]) -> pd.DataFrame:
    """forms rows of True/False per slot with exactly ticks[slot] Trues per slot and at least one True per row."""
    grid = np.zeros((forms, len(SLOTS)), dtype=bool)
    for column, slot in enumerate(SLOTS):
        grid[rng.choice(forms, size=ticks[slot], replace=False), column] = True
    for row in np.flatnonzero(~grid.any(axis=1)):  # move a tick from someone with several to this empty form
        for column in rng.permutation(len(SLOTS)):
            donors = np.flatnonzero(grid[:, column] & (grid.sum(axis=1) >= 2))
            if len(donors):
                grid[donors[rng.integers(len(donors))], column] = False
                grid[row, column] = True
                break
    return pd.DataFrame(grid, columns=SLOTS)


def make_slot_poll(rng: np.random.Generator) -> pd.DataFrame:
    """slot_poll: each form returned to the two partners' polls, with the slots the respondent could usually come to."""
    parts = []
    for partner, poll in POLL.items():
        filled = ticks_for(rng, poll["forms"], poll["ticks"])
        empty = pd.DataFrame(False, index=range(poll["empty"]), columns=SLOTS)
        both = pd.concat([filled, empty], ignore_index=True).iloc[rng.permutation(poll["forms"] + poll["empty"])]
        both.insert(0, "partner_id", partner)
        parts.append(both)
    poll = pd.concat(parts, ignore_index=True)
    start, end = POLL_OPEN
    offsets = rng.integers(0, (end - start).days + 1, size=len(poll))
    poll.insert(1, "submitted_on", start + pd.to_timedelta(offsets, unit="D"))
    poll = poll.sort_values(["submitted_on", "partner_id"], kind="stable", ignore_index=True)
    poll.insert(0, "response_id", make_ids("R", len(poll), 3))
    poll["submitted_on"] = date_text(poll.submitted_on)
    return poll


def generate(rng: np.random.Generator, world: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """feedback_coding, partner_checkins, slot_poll."""
    return {"feedback_coding": make_feedback_coding(rng, world["patron_feedback"]),
            "partner_checkins": make_partner_checkins(rng, world),
            "slot_poll": make_slot_poll(rng)}
