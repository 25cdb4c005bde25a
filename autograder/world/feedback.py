"""Comments patrons left at Wrenfield's branches, and how staff followed them up, FY2024-FY2025."""
from __future__ import annotations

import numpy as np
import pandas as pd

from autograder.world.common import (FY_START, WORLD_END, WORLD_START, date_text, is_closed, make_ids,
                                     random_dates, tidy_sessions, weighted_choice)
from autograder.world.programs import FERNVALE_WEEKDAYS

# ==== patron_feedback =================================================================================
FEEDBACK_COUNT = 600              # contract: ~600
DATA_PULLED = pd.Timestamp("2025-07-31")  # the comment system was exported then: replies up to this day are in
BRANCH_WEIGHTS = {"CEN": 0.30, "EAS": 0.19, "MIL": 0.16, "HAR": 0.17, "OAK": 0.12, "FER": 0.06}  # ~ visits
CHANNEL_WEIGHTS = {"comment card": 0.30, "email": 0.20, "website form": 0.25, "in person": 0.15,
                   "social media": 0.10}
IN_BUILDING_CHANNELS = {"comment card", "in person"}
TOPIC_WEIGHTS = {"programs": 0.22, "collection": 0.13, "staff": 0.12, "technology": 0.11, "hours": 0.09,
                 "noise": 0.07, "parking": 0.07, "room booking": 0.07, "accessibility": 0.06, "cleanliness": 0.06}
# Local troubles (assumptions from places.py): Fernvale is open 30 hours and its room has steps;
# Central's lot is small and its building busy.
TOPIC_TILT = {"FER": {"accessibility": 3.5, "hours": 3.0}, "CEN": {"parking": 1.5, "noise": 1.3}}
TONE_WEIGHTS = {"programs": {"praise": 0.45, "complaint": 0.25, "request": 0.30},
                "staff": {"praise": 0.6, "complaint": 0.3, "request": 0.1}}
TONE_WEIGHTS_OTHER = {"complaint": 0.6, "praise": 0.15, "request": 0.25}
NEEDS_RESPONSE = {"complaint": 0.85, "request": 0.7, "praise": 0.1}
UNANSWERED_SHARE = 0.08           # requests for a reply that slipped through (assumption)
# Planted: replies whose date was typed with the previous year, so they seem to come before the comment (module 08).
REPLY_DATE_TYPOS = {2025: 4, 2024: 1}
# Planted: the FY2025 Fernvale complaint about the steps that never got its reply (module 08 asks for one).
STEPS_COMPLAINT = "The program room at Fernvale has steps and no ramp."
RESPONSE_DAYS_MEDIAN = {"in person": 0.5, "email": 2, "website form": 2, "social media": 1, "comment card": 5}
RESPONSE_DAYS_SPREAD = 0.8
RESOLVED_CHANCE = {"hours": 0.25, "parking": 0.35, "accessibility": 0.55}  # hard to fix quickly
RESOLVED_CHANCE_OTHER = 0.75
RECENT_PROGRAM_DAYS = 45          # program comments name a session held at the branch in the last 45 days

BRANCH_SHORT = {"CEN": "Central", "EAS": "Eastgate", "MIL": "Millbrook", "HAR": "Harbor Point", "OAK": "Oak Ridge",
                "FER": "Fernvale"}
# (topic, tone, text, branches it can be about or None for all). Slots: {program}, {branch}, {day}, {staff}.
# For templates naming a {program}, the fourth item is instead the audience the program must suit
# ("youth", "adult", "registered", "in a room" or None for any).
COMMENTS = [
    ("programs", "praise", "My kids loved {program}! Thank you for putting it on for free.", "youth"),
    ("programs", "praise", "{program} was wonderful. The presenter was so patient with everyone.", None),
    ("programs", "praise", "We came to {program} for the first time and have already signed up for the next one.",
     None),
    ("programs", "praise", "Thank you for {program}. My mother hasn't been out much since my dad passed and she "
     "had a great time.", "adult"),
    ("programs", "praise", "Just wanted to say {program} was the highlight of our week.", None),
    ("programs", "complaint", "{program} filled up in ten minutes and we never got off the waitlist.",
     "registered"),
    ("programs", "complaint", "{program} was so crowded we couldn't hear anything from the back.", None),
    ("programs", "complaint", "{program} started 15 minutes late and ran out of materials before my daughter got "
     "a turn.", "youth"),
    ("programs", "complaint", "The website listed the wrong room for {program} and we missed the first half.",
     "in a room"),
    ("programs", "request", "Could you run {program} again on a weekend? Working parents can't make weekday "
     "mornings.", "youth"),
    ("programs", "request", "Please offer more programs for kids with autism. Sensory storytime is always full.",
     None),
    ("programs", "request", "Would love an evening book club for people in their 20s and 30s.", None),
    ("programs", "request", "Could {program} be recorded for people who can't come in person?", "adult"),
    ("programs", "request", "¿Podrían ofrecer más talleres en español para adultos? Gracias.",
     ("EAS", "HAR", "CEN")),
    ("noise", "complaint", "The children's area is so loud in the afternoons that I can't concentrate at the "
     "study tables.", None),
    ("noise", "complaint", "Someone was on a speakerphone call in the quiet room for half an hour and nobody said "
     "anything.", None),
    ("noise", "complaint", "Teens get very loud by the computers around 3:30 every day after school.", None),
    ("noise", "complaint", "The hand dryer in the restroom echoes through the whole reading room.", None),
    ("noise", "praise", "Thank you for the quiet study room. It's exactly what I needed during finals.", None),
    ("noise", "request", "Please add a quiet hour or a quiet corner. Not everyone comes to the library to "
     "socialize.", None),
    ("noise", "request", "Could you put up signs asking people to take phone calls outside?", None),
    ("hours", "complaint", "{branch} closes at 6 on weekdays. I work until 5:30 and never make it in time.", None),
    ("hours", "complaint", "Why is {branch} closed on Sundays? It's the only day my family is free.", None),
    ("hours", "complaint", "The library closed early on {day} with no notice and I came for nothing.", None),
    ("hours", "complaint", "Fernvale is only open four days a week and the next branch is a 25-minute drive.",
     ("FER",)),
    ("hours", "praise", "Thank you for opening earlier on Saturdays. It really helps our family.", None),
    ("hours", "request", "Please consider Sunday afternoon hours, even just 1 to 5.", None),
    ("hours", "request", "Could the book drop stay open overnight? It's locked when I get off my night shift.", None),
    ("staff", "praise", "{staff} at the desk spent half an hour helping me with an unemployment form. I'm so "
     "grateful.", None),
    ("staff", "praise", "The children's librarian remembered my son's name and had books waiting for him. That "
     "means a lot.", None),
    ("staff", "praise", "Staff at {branch} are always friendly and patient with my questions about my tablet.", None),
    ("staff", "praise", "I want to thank {staff} for helping me find records of my grandfather. Above and beyond.",
     None),
    ("staff", "praise", "Thank you to the {branch} staff who found my lost wallet and called me right away.", None),
    ("staff", "complaint", "The person at the desk was curt and didn't look up when I asked a question.", None),
    ("staff", "complaint", "I was told I couldn't print without a card, then the next person was allowed to. "
     "Please be consistent.", None),
    ("staff", "complaint", "A staff member spoke rudely to my teenager about noise while other groups were "
     "louder.", None),
    ("staff", "request", "Could someone who speaks Spanish be at the desk on weekends?", ("EAS", "HAR", "CEN")),
    ("room booking", "complaint", "I tried to book the meeting room for our neighborhood association and the "
     "online form kept giving an error.", None),
    ("room booking", "complaint", "Our group was double-booked with another group in the community room on {day}.",
     None),
    ("room booking", "complaint", "The room was booked for us but locked when we arrived. We waited 20 minutes.",
     None),
    ("room booking", "complaint", "Why do nonprofits have to book three months ahead? We can't plan that far.", None),
    ("room booking", "praise", "Booking a study room online was easy. Thank you for the new system.", None),
    ("room booking", "request", "Could study rooms be booked for more than two hours at a time?", None),
    ("room booking", "request", "Please let groups book rooms in the evening after 7.", None),
    ("accessibility", "complaint", "The program room at Fernvale has steps and no ramp. My husband uses a "
     "wheelchair and couldn't come in.", ("FER",)),
    ("accessibility", "complaint", "The automatic door button at {branch} has been broken for two weeks.", None),
    ("accessibility", "complaint", "There's no hearing loop in the meeting room, so I couldn't follow the talk.",
     None),
    ("accessibility", "complaint", "The print on the events calendar is too small to read, even with my glasses.",
     None),
    ("accessibility", "complaint", "The accessible parking spaces were blocked by a delivery van again.", None),
    ("accessibility", "praise", "Thank you for the large-print books and the magnifier at the desk. It makes a real "
     "difference.", None),
    ("accessibility", "praise", "Sensory storytime is the only program my son can manage. Please keep it going.",
     None),
    ("accessibility", "request", "Could you add captions to the virtual programs?", None),
    ("accessibility", "request", "Please hold some programs in a room with step-free access.", ("FER",)),
    ("parking", "complaint", "The parking lot at {branch} is always full when there's a program. I circled for "
     "15 minutes.", None),
    ("parking", "complaint", "The lot is poorly lit at night and I don't feel safe walking to my car.", None),
    ("parking", "complaint", "People from the gym next door use the library lot all day.", ("CEN", "MIL")),
    ("parking", "complaint", "There's only one bike rack and it's always full.", None),
    ("parking", "request", "Could you add a few 15-minute spaces for picking up holds?", None),
    ("parking", "request", "Please add more bike racks near the entrance.", None),
    ("collection", "complaint", "I've been on the hold list for the same book for four months.", None),
    ("collection", "complaint", "The gardening books are mostly from the 1990s. Time for new ones!", None),
    ("collection", "complaint", "There are hardly any graphic novels for adults at {branch}.", None),
    ("collection", "complaint", "The large-print section is tiny and I've read everything in it.", None),
    ("collection", "praise", "Thank you for buying the books I suggested! The new cookbook shelf is great.", None),
    ("collection", "praise", "The ebook collection keeps getting better. I read on my phone every night.", None),
    ("collection", "request", "Please buy more books in Spanish for adults, not just for children.", None),
    ("collection", "request", "Could you add more personal finance books for young adults?", None),
    ("collection", "request", "Please add more picture books with all kinds of families in them.", None),
    ("collection", "request", "Could the library lend tools or kitchen gadgets?", None),
    ("collection", "request", "Please buy more books on local history and old Wrenfield families.", None),
    ("collection", "request", "¿Tienen más libros en español para adultos? Casi todos son para niños.",
     ("EAS", "HAR", "CEN")),
    ("technology", "complaint", "The Wi-Fi keeps dropping in the back of the building.", None),
    ("technology", "complaint", "Two of the public computers at {branch} have been out of order for weeks.", None),
    ("technology", "complaint", "The printer jammed and ate my print credits. Nobody could refund them.", None),
    ("technology", "complaint", "The self-checkout doesn't read my card half the time.", None),
    ("technology", "complaint", "The library app logged me out and I lost my reading history.", None),
    ("technology", "praise", "The hotspot I borrowed got my son through his online classes. Thank you.", None),
    ("technology", "request", "Could you add more charging outlets near the tables?", None),
    ("technology", "request", "Please get a scanner that can send to email.", None),
    ("technology", "request", "Could we print from our phones?", None),
    ("cleanliness", "complaint", "The restrooms at {branch} were dirty and out of paper towels on {day} afternoon.",
     None),
    ("cleanliness", "complaint", "The toys in the children's area look like they haven't been cleaned in a while.",
     None),
    ("cleanliness", "complaint", "Someone left food on the study tables and there were ants.", None),
    ("cleanliness", "complaint", "The carpet by the entrance is stained and smells musty after it rains.", None),
    ("cleanliness", "praise", "The renovated restrooms look great. Thank you.", None),
    ("cleanliness", "request", "Could you put hand sanitizer near the computers and in the children's area?", None),
]
YOUTH_AUDIENCES = {"babies & toddlers", "preschool", "children", "teens", "all ages"}
ADULT_AUDIENCES = {"adults", "older adults", "all ages"}
WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


# ---- patron_feedback -------------------------------------------------------------------------------

def feedback_dates(rng: np.random.Generator, branches: np.ndarray, channels: np.ndarray) -> pd.DatetimeIndex:
    """When each comment arrived: comment cards and in-person remarks only on days the branch was open."""
    dates = random_dates(rng, WORLD_START, WORLD_END, len(branches)).to_numpy().copy()
    in_building = np.isin(channels, list(IN_BUILDING_CHANNELS))
    while True:
        stamps = pd.DatetimeIndex(dates)
        shut = is_closed(stamps) | ((branches == "FER") & ~np.isin(stamps.day_of_week, list(FERNVALE_WEEKDAYS)))
        redraw = np.flatnonzero(in_building & shut)
        if not len(redraw):
            return stamps
        dates[redraw] = random_dates(rng, WORLD_START, WORLD_END, len(redraw)).to_numpy()


def choose_topics(rng: np.random.Generator, branches: np.ndarray) -> np.ndarray:
    """A topic per comment, from the system-wide weights tilted by each branch's local troubles."""
    topics = np.empty(len(branches), dtype=object)
    for branch in np.unique(branches):
        rows = np.flatnonzero(branches == branch)
        weights = {t: w * TOPIC_TILT.get(branch, {}).get(t, 1.0) for t, w in TOPIC_WEIGHTS.items()}
        topics[rows] = weighted_choice(rng, weights, len(rows))
    return topics


def recent_programs(world: dict[str, pd.DataFrame]) -> dict[tuple[str, str], tuple[np.ndarray, np.ndarray]]:
    """Per branch and kind of session (see COMMENTS), the dates (sorted) and titles of held sessions
    a patron might write about."""
    sessions = tidy_sessions(world["program_sessions"])
    held = sessions[sessions.held & ~sessions.program_title.str.startswith("Author Talk")].sort_values(
        ["date", "session_id"])
    groups = {"any": held, "youth": held[held.audience.isin(YOUTH_AUDIENCES)],
              "adult": held[held.audience.isin(ADULT_AUDIENCES)],
              "registered": held[held.registration_required], "in a room": held[held.room_id.notna()]}
    return {(b, group): (rows.date.to_numpy(), rows.program_title.to_numpy(dtype=object))
            for group, table in groups.items() for b, rows in table.groupby("branch_id")}


def recent_program(rng: np.random.Generator, held: dict, branch: str, group: str, day: pd.Timestamp) -> str | None:
    """The title of a session of the kind held at the branch in the weeks before the comment, if any."""
    dates, titles = held.get((branch, group), (np.array([], dtype="datetime64[ns]"), np.array([], dtype=object)))
    low = np.searchsorted(dates, np.datetime64(day - pd.Timedelta(days=RECENT_PROGRAM_DAYS)), side="right")
    high = np.searchsorted(dates, np.datetime64(day), side="right")
    return None if high <= low else str(titles[rng.integers(low, high)])


def usable_templates(rng: np.random.Generator, held: dict, topic: str, branch: str,
                     day: pd.Timestamp) -> dict[str, list[str]]:
    """Comment templates by tone for a topic at a branch, with any {program} already filled by a session
    of the right kind held there recently (templates without such a session are left out)."""
    by_tone: dict[str, list[str]] = {}
    for t_topic, tone, text, where in COMMENTS:
        if t_topic != topic:
            continue
        if "{program}" in text:
            program = recent_program(rng, held, branch, where or "any", day)
            if program is None:
                continue
            text = text.replace("{program}", program)
        elif where is not None and branch not in where:
            continue
        by_tone.setdefault(tone, []).append(text)
    return by_tone


def write_comments(rng: np.random.Generator, world: dict[str, pd.DataFrame], feedback: pd.DataFrame) -> pd.DataFrame:
    """A comment per row from the templates of its topic and tone, with names, days and programs filled in."""
    held = recent_programs(world)
    staff = world["staff"]
    names = {b: staff.first_name[staff.branch_id.eq(b)].to_numpy(dtype=object) for b in BRANCH_SHORT}
    tones, comments = [], []
    for row in feedback.itertuples():
        by_tone = usable_templates(rng, held, row.topic, row.branch_id, row.received_on)
        tone_weights = TONE_WEIGHTS.get(row.topic, TONE_WEIGHTS_OTHER)
        tone = weighted_choice(rng, {t: w for t, w in tone_weights.items() if t in by_tone})
        text = by_tone[tone][rng.integers(len(by_tone[tone]))]
        tones.append(tone)
        comments.append(text.format(branch=BRANCH_SHORT[row.branch_id], day=WEEKDAY_NAMES[row.received_on.weekday()],
                                    staff=names[row.branch_id][rng.integers(len(names[row.branch_id]))]))
    feedback["tone"] = tones
    feedback["comment"] = comments
    return feedback


def follow_up(rng: np.random.Generator, feedback: pd.DataFrame) -> pd.DataFrame:
    """Whether a reply was needed, when it went out (never after the export on 31 July 2025), and whether it was
    resolved."""
    n = len(feedback)
    needs = rng.random(n) < feedback.tone.map(NEEDS_RESPONSE).to_numpy()
    median = feedback.channel.map(RESPONSE_DAYS_MEDIAN).to_numpy(dtype=float)
    lag = np.floor(median * rng.lognormal(0, RESPONSE_DAYS_SPREAD, n)).astype(int)
    responded = feedback.received_on + pd.to_timedelta(lag, unit="D")
    answered = needs & (rng.random(n) >= UNANSWERED_SHARE) & (responded <= DATA_PULLED).to_numpy()
    chance = feedback.topic.map(RESOLVED_CHANCE).fillna(RESOLVED_CHANCE_OTHER).to_numpy()
    chance = np.where(feedback.tone.eq("praise"), 1.0, chance)
    resolved = answered & (rng.random(n) < chance)
    feedback["needs_response"] = needs
    feedback["responded_on"] = date_text(responded.where(answered))
    feedback["resolved"] = pd.array(np.where(needs, resolved, None), dtype="boolean")
    return feedback


def make_patron_feedback(rng: np.random.Generator, world: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """patron_feedback: ~600 comments over two years, numbered by the date they arrived."""
    branches = weighted_choice(rng, BRANCH_WEIGHTS, FEEDBACK_COUNT)
    channels = weighted_choice(rng, CHANNEL_WEIGHTS, FEEDBACK_COUNT)
    feedback = pd.DataFrame({"branch_id": branches, "channel": channels,
                             "received_on": feedback_dates(rng, branches, channels)})
    feedback = feedback.sort_values(["received_on", "branch_id", "channel"], ignore_index=True)
    feedback["topic"] = choose_topics(rng, feedback.branch_id.to_numpy())
    feedback = follow_up(rng, write_comments(rng, world, feedback))
    feedback = leave_steps_complaint_unanswered(plant_reply_date_typos(rng, feedback))
    feedback["feedback_id"] = make_ids("F", len(feedback), 4)
    feedback["received_on"] = date_text(feedback.received_on)
    return feedback[["feedback_id", "received_on", "channel", "branch_id", "topic", "tone", "comment",
                     "needs_response", "responded_on", "resolved"]]


def plant_reply_date_typos(rng: np.random.Generator, feedback: pd.DataFrame) -> pd.DataFrame:
    """A few replies dated a year early (the previous year typed by hand), so they seem to precede the comment."""
    received = pd.to_datetime(feedback.received_on)
    answered = feedback.responded_on.notna().to_numpy()
    for year, count in REPLY_DATE_TYPOS.items():
        rows = np.flatnonzero(answered & (received >= FY_START[year]).to_numpy()
                              & (received < FY_START[year] + pd.DateOffset(years=1)).to_numpy()
                              & ~feedback.comment.str.startswith(STEPS_COMPLAINT).to_numpy())
        for row in np.sort(rng.choice(rows, size=count, replace=False)):
            replied = pd.Timestamp(feedback.at[row, "responded_on"])
            feedback.at[row, "responded_on"] = (replied - pd.DateOffset(years=1)).strftime("%Y-%m-%d")
    return feedback


def leave_steps_complaint_unanswered(feedback: pd.DataFrame) -> pd.DataFrame:
    """The last FY2025 accessibility complaint at Fernvale is the one about the steps, and it never got its reply."""
    steps = next(text for topic, _, text, _ in COMMENTS if text.startswith(STEPS_COMPLAINT))
    rows = np.flatnonzero(feedback.branch_id.eq("FER").to_numpy() & feedback.topic.eq("accessibility").to_numpy()
                          & feedback.tone.eq("complaint").to_numpy()
                          & (pd.to_datetime(feedback.received_on) >= FY_START[2025]).to_numpy())
    row = rows[-1]
    feedback.at[row, "comment"] = steps
    feedback.at[row, "needs_response"] = True
    feedback.at[row, "responded_on"] = None
    feedback.at[row, "resolved"] = False
    return feedback


def generate(rng: np.random.Generator, world: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """patron_feedback."""
    return {"patron_feedback": make_patron_feedback(rng, world)}
