"""Branches and bookable program rooms of Wrenfield County Public Library."""
from __future__ import annotations

import numpy as np
import pandas as pd

from autograder.world.common import BRANCH_NAMES

# branch_id: (locale_code, square_feet, weekly_open_hours, opened_year, home_tract, address)
# Locale codes are NCES codes (FACTS.md, IMLS PLS): 13 city small, 21 suburb large, 22 suburb midsize,
# 31 town fringe, 42 rural distant.
BRANCHES = {
    "CEN": (13, 42_000, 64, 1968, "CT0101", "200 Courthouse Square, Wrenfield"),
    "EAS": (21, 14_500, 54, 1994, "CT0109", "4810 Eastgate Parkway, Wrenfield"),
    "MIL": (22, 11_000, 50, 1981, "CT0117", "35 Mill Race Road, Millbrook"),
    "HAR": (21, 12_500, 54, 2006, "CT0124", "1 Lighthouse Way, Harbor Point"),
    "OAK": (31, 9_000, 46, 1976, "CT0131", "718 Ridgeline Drive, Oak Ridge"),
    "FER": (42, 2_400, 30, 1952, "CT0140", "12 Grange Hall Road, Fernvale"),
}

# Net square feet per person by seating style (IBC Table 1004.5; FACTS.md, Event planning).
NET_SQFT_PER_PERSON = {"standing": 5, "chairs_only": 7, "tables_and_chairs": 15, "classroom": 20}

ROOM_COLUMNS = ["room_id", "branch_id", "room_name", "square_feet", "seating_style", "posted_capacity",
                "step_free_access", "hearing_loop", "adjustable_tables", "quiet_space", "projector",
                "microphone", "video_conferencing", "near_accessible_restroom"]
# posted_capacity is what the booking system shows; two entries (CEN-KIT, MIL-TEE) were keyed higher
# than the room's occupant load, an error the event-planning module asks learners to find. In the Teaching
# Kitchen, staff once set a registration limit (25, Kids Cook!) above its occupant load (24) by trusting the
# posted 40. Storytime rooms are set up for families on the carpet with chairs for caregivers: the code's
# concentrated assembly use without fixed seats (chairs only, 7 net sq ft), not standing space. Their floor areas
# keep the occupant loads the session generator was calibrated on.
ROOMS = [
    ("CEN-AUD", "CEN", "Wrenfield Auditorium", 1_400, "chairs_only", 180, 1, 1, 0, 0, 1, 1, 1, 1),
    ("CEN-COM", "CEN", "Community Room", 900, "tables_and_chairs", 56, 1, 1, 1, 0, 1, 1, 1, 1),
    ("CEN-LAB", "CEN", "Computer Lab", 720, "classroom", 24, 1, 0, 1, 1, 1, 0, 1, 1),
    ("CEN-STO", "CEN", "Children's Story Room", 840, "chairs_only", 60, 1, 0, 0, 1, 0, 1, 0, 1),
    ("CEN-MKR", "CEN", "Makerspace", 800, "tables_and_chairs", 40, 1, 0, 1, 0, 1, 0, 0, 0),
    ("CEN-KIT", "CEN", "Teaching Kitchen", 360, "tables_and_chairs", 40, 1, 0, 1, 0, 1, 1, 0, 1),
    ("EAS-MTG", "EAS", "Eastgate Meeting Room", 750, "chairs_only", 90, 1, 1, 0, 0, 1, 1, 1, 1),
    ("EAS-STO", "EAS", "Eastgate Story Corner", 588, "chairs_only", 45, 1, 0, 0, 1, 0, 0, 0, 1),
    ("MIL-MTG", "MIL", "Millbrook Meeting Room", 600, "tables_and_chairs", 36, 1, 0, 1, 0, 1, 1, 0, 1),
    ("MIL-TEE", "MIL", "Teen Loft", 450, "tables_and_chairs", 40, 1, 0, 0, 1, 1, 0, 0, 0),
    ("HAR-COM", "HAR", "Harbor Community Room", 850, "chairs_only", 110, 1, 1, 0, 0, 1, 1, 1, 1),
    ("HAR-LRN", "HAR", "Learning Lab", 480, "classroom", 20, 1, 0, 1, 1, 1, 0, 1, 1),
    ("OAK-MTG", "OAK", "Oak Ridge Program Room", 520, "tables_and_chairs", 32, 1, 0, 1, 0, 1, 1, 0, 1),
    ("FER-PRG", "FER", "Fernvale Program Room", 300, "tables_and_chairs", 18, 0, 0, 0, 1, 0, 0, 0, 0),
]
BOOLEAN_ROOM_FEATURES = ROOM_COLUMNS[6:]

# Which program categories each room is first choice for (programs.py books rooms from this).
ROOM_USES = {
    "CEN-AUD": {"special events", "books & authors", "arts & culture", "civic engagement"},
    "CEN-COM": {"classes & workshops", "health & wellness", "English conversation", "activities & games",
                "DIY & crafts"},
    "CEN-LAB": {"digital literacy"},
    "CEN-STO": {"storytime"},
    "CEN-MKR": {"STEAM"},
    "CEN-KIT": set(),  # teaching-kitchen programs ask for it by name
    "EAS-STO": {"storytime"},
    "MIL-TEE": {"activities & games", "STEAM", "DIY & crafts"},
    "HAR-LRN": {"digital literacy", "STEAM"},
}


def make_branches() -> pd.DataFrame:
    """One row per library building."""
    rows = [(bid, BRANCH_NAMES[bid], bid == "CEN", *facts) for bid, facts in BRANCHES.items()]
    return pd.DataFrame(rows, columns=["branch_id", "branch_name", "is_central", "locale_code", "square_feet",
                                       "weekly_open_hours", "opened_year", "home_tract", "address"]
                        ).sort_values("branch_id", ignore_index=True)


def make_rooms() -> pd.DataFrame:
    """One row per bookable program room, with its occupant load worked out from the code table."""
    rooms = pd.DataFrame(ROOMS, columns=ROOM_COLUMNS)
    rooms[BOOLEAN_ROOM_FEATURES] = rooms[BOOLEAN_ROOM_FEATURES].astype(bool)
    per_person = rooms["seating_style"].map(NET_SQFT_PER_PERSON)
    rooms.insert(5, "occupant_load", (rooms["square_feet"] // per_person).astype(int))
    return rooms.sort_values("room_id", ignore_index=True)


def generate(rng: np.random.Generator, world: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """The branches and rooms tables (fixed facts: no randomness needed)."""
    return {"branches": make_branches(), "rooms": make_rooms()}
