"""Program sessions of Wrenfield County Public Library over FY2024 and FY2025."""
from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from autograder.world.common import (BRANCH_IDS, WORLD_END, WORLD_START, fiscal_year_of, is_closed, make_ids,
                                     messy_branch_names, weighted_choice)
from autograder.world.people import presenter_categories
from autograder.world.places import ROOM_USES

# Mean attendance per held session by category: Timberland Regional Library open data, Jan-Feb 2020
# (FACTS.md, Event-level attendance). The last four categories are not in that source: assumptions.
CATEGORY_MEAN_ATTENDANCE = {
    "storytime": 16.5, "books & authors": 21.9, "special events": 22.2, "activities & games": 17.3,
    "STEAM": 16.5, "DIY & crafts": 13.9, "classes & workshops": 10.9, "arts & culture": 10.2,
    "health & wellness": 11.5, "digital literacy": 7.5, "civic engagement": 14.0, "English conversation": 9.0,
}
# Negative binomial size parameter: variance = mean + mean^2 / size (assumption; gives a long right tail).
ATTENDANCE_DISPERSION = 4.0
# Relative pull of each building (assumption; normalised away within each category, so the category
# means above hold for the system as a whole).
BRANCH_DRAW = {"CEN": 1.3, "EAS": 1.05, "MIL": 0.95, "HAR": 1.0, "OAK": 0.9, "FER": 0.6}
YOUTH_SUMMER_BOOST = 1.35  # June-July summer reading crowds (assumption)
CANCEL_RATE = 0.04  # ~5% of sessions cancelled (FACTS.md, Ideas for realistic tables)
CANCEL_RATE_WINTER = 0.09  # January-February weather closures (assumption)
UNRECORDED_RATE = 0.10  # held sessions with no attendance recorded (contract: ~12% overall) ...
UNRECORDED_RATE_OFF_SITE = 0.30  # ... more often at off-site sessions (assumption)
MESSY_BRANCH_SHARE = 0.06  # contract: ~6% of rows spell the branch their own way
TRAILING_ZERO_ERRORS = 4  # contract: 3-5 attendance values keyed with an extra zero
HYBRID_VIRTUAL_SHARE = 0.35  # share of a hybrid audience joining online (assumption)
VIRTUAL_CAPACITY = 100  # video-meeting licence limit
# Double bookings. Each term's schedule is keyed in without checking the room calendar, so a few weekly programs
# collide; a clash goes unnoticed for its first two weeks, then the branch moves one of the two programs to
# another room of the building whenever they would meet (assumption). One-off events booked on top of a
# regular program stay as booked. (room, program title) -> the room it moves to.
CLASH_WEEKS_UNNOTICED = 2
CLASH_MOVES = {("HAR-COM", "Tai Chi for Beginners"): "HAR-LRN",
               ("HAR-COM", "English Conversation Circle"): "HAR-LRN",
               ("CEN-STO", "Preschool Storytime"): "CEN-COM",
               ("CEN-STO", "Toddler Time"): "CEN-COM",
               ("CEN-COM", "Teen Anime Club"): "CEN-MKR"}
OFF_SITE_CAPACITY = 30

PLS_AUDIENCE = {"babies & toddlers": "K0_5", "preschool": "K0_5", "children": "K6_11", "teens": "YA",
                "adults": "ADULT", "older adults": "ADULT", "all ages": "GEN"}
YOUTH = {"babies & toddlers", "preschool", "children", "teens", "all ages"}

# NILPPA primary intended outcomes (FACTS.md, program dimensions) by category, weights are assumptions.
OUTCOMES = {
    "storytime": {"learn skills": 5, "have fun / be inspired": 3, "become aware of library resources": 1,
                  "build stronger communities": 1},
    "books & authors": {"learn knowledge": 3, "have fun / be inspired": 3, "build stronger communities": 2,
                        "change attitudes": 2},
    "STEAM": {"learn skills": 4.5, "learn knowledge": 2.5, "have fun / be inspired": 3},
    "DIY & crafts": {"have fun / be inspired": 5, "learn skills": 4, "build stronger communities": 1},
    "classes & workshops": {"learn knowledge": 4.5, "learn skills": 3.5, "change behaviors": 2},
    "arts & culture": {"have fun / be inspired": 4.5, "build stronger communities": 2.5, "change attitudes": 1.5,
                       "learn knowledge": 1.5},
    "activities & games": {"have fun / be inspired": 7, "build stronger communities": 3},
    "special events": {"have fun / be inspired": 6, "build stronger communities": 2.5,
                       "become aware of library resources": 1.5},
    "health & wellness": {"change behaviors": 4.5, "learn knowledge": 3, "learn skills": 2.5},
    "digital literacy": {"learn skills": 7, "become aware of library resources": 1.5, "learn knowledge": 1.5},
    "civic engagement": {"build stronger communities": 4.5, "learn knowledge": 3.5, "change attitudes": 2},
    "English conversation": {"learn skills": 6, "build stronger communities": 4},
}
# Partner types that co-host each category, and how often a program has a co-host (assumptions).
PARTNER_TYPES = {
    "storytime": ["school", "health"], "books & authors": ["cultural", "business"], "STEAM": ["school", "cultural"],
    "DIY & crafts": ["business", "cultural"], "classes & workshops": ["nonprofit", "government", "business"],
    "arts & culture": ["cultural"], "activities & games": ["business", "nonprofit"],
    "special events": ["nonprofit", "cultural", "government"], "health & wellness": ["health"],
    "digital literacy": ["nonprofit", "business"], "civic engagement": ["government", "nonprofit"],
    "English conversation": ["nonprofit", "school"],
}
CO_HOST_RATE = 0.15

SLOTS = {  # start times and weekdays (Monday = 0) by time slot
    "morning": (["10:00", "10:30", "11:00"], [1, 2, 3, 4]),
    "afternoon": (["13:00", "14:00", "14:30"], [0, 1, 2, 3, 4, 5]),
    "afterschool": (["15:30", "16:00", "16:30"], [0, 1, 2, 3]),
    "evening": (["18:00", "18:30", "19:00"], [0, 1, 2, 3]),
    "saturday": (["10:30", "11:00", "13:00", "14:00"], [5]),
    "summer day": (["10:30", "14:00"], [0, 1, 2, 3, 4]),
}
FERNVALE_WEEKDAYS = {1, 2, 3, 5}  # Fernvale is open Tuesday-Thursday and Saturday
YOUTH_MONTHS = {7: 2.8, 8: 0.8, 9: 0.9, 10: 1.1, 11: 0.9, 12: 0.6, 1: 0.9, 2: 1.0, 3: 1.1, 4: 1.1, 5: 0.9, 6: 3.0}
ADULT_MONTHS = {7: 0.9, 8: 0.9, 9: 1.1, 10: 1.2, 11: 1.0, 12: 0.6, 1: 1.0, 2: 1.1, 3: 1.2, 4: 1.1, 5: 1.0, 6: 0.9}
SUMMER_MONTHS = [6, 7]

# Storytime terms: (first Monday, weeks). Summer terms straddle the fiscal-year line, as summer reading does.
TERMS = [("2023-06-12", 7), ("2023-09-11", 10), ("2024-01-08", 9), ("2024-03-25", 8), ("2024-06-10", 7),
         ("2024-09-09", 10), ("2025-01-13", 9), ("2025-03-24", 8), ("2025-06-09", 7)]


@dataclass(frozen=True)
class Offer:
    """A kind of program the library runs: what it is, who it is for, how it is scheduled and led."""
    title: str
    category: str
    audience: str
    minutes: int = 60
    slot: str = "evening"
    registration: float = 0.0  # probability a program of this kind requires registration
    lead: str = "staff"  # presenter type, or a presenter's exact name or specialty
    sessions: tuple[int, int] = (1, 1)  # range of sessions in a short series
    weight: float = 1.0  # how often it is picked among one-off programs
    months: tuple[int, ...] = ()  # months it runs in, if seasonal
    formats: tuple[tuple[str, float], ...] = (("on site", 1.0),)
    outcome: str = ""  # fixed intended outcome, if any
    room: str = ""  # a room code suffix it needs (e.g. KIT), if any
    only_at: tuple[str, ...] = ()  # branches that can run it, if restricted
    co_host: str = ""  # partner type that always co-hosts it, if any


VIRTUAL_SOME = (("on site", 0.7), ("virtual", 0.3))
HYBRID_SOME = (("on site", 0.75), ("hybrid", 0.25))
OFF_SITE = (("off site", 1.0),)

REGULAR = {o.title: o for o in [
    Offer("Baby Bounce & Rhyme", "storytime", "babies & toddlers", 30, "morning", 0.8),
    Offer("Toddler Time", "storytime", "babies & toddlers", 30, "morning", 0.8),
    Offer("Preschool Storytime", "storytime", "preschool", 45, "morning", 0.7),
    Offer("Family Storytime", "storytime", "preschool", 45, "morning", 0.5),
    Offer("Pajama Storytime", "storytime", "preschool", 45, "evening", 0.5),
    Offer("Cuentos y Canciones: Bilingual Storytime", "storytime", "preschool", 45, "saturday", 0.5),
    Offer("Sensory Storytime", "storytime", "preschool", 45, "morning", 1.0),
    Offer("Storytime on the Go: Preschool Visits", "storytime", "preschool", 30, "morning", 0.0,
          formats=OFF_SITE, co_host="school"),
    Offer("English Conversation Circle", "English conversation", "adults", 90, "evening", 0.0, "volunteer"),
    Offer("Conversation Cafe: Practice Your English", "English conversation", "adults", 90, "morning", 0.0,
          "volunteer"),
    Offer("Online English Conversation Hour", "English conversation", "adults", 60, "evening", 1.0, "volunteer",
          formats=(("virtual", 1.0),)),
    Offer("Online Book Club", "books & authors", "adults", 60, "evening", 0.5, formats=(("virtual", 1.0),)),
    Offer("Book Chat at the Senior Center", "books & authors", "older adults", 60, "afternoon", 0.0,
          formats=OFF_SITE, co_host="government"),
    Offer("Chess Club", "activities & games", "all ages", 90, "afterschool", 0.0, "volunteer"),
    Offer("Chair Yoga", "health & wellness", "older adults", 45, "morning", 1.0, "chair yoga instructor"),
    Offer("Tai Chi for Beginners", "health & wellness", "older adults", 60, "morning", 1.0, "tai chi instructor"),
    Offer("Page Turners Book Club", "books & authors", "adults", 60, "evening", 0.0, formats=HYBRID_SOME),
    Offer("Mystery Lovers Book Club", "books & authors", "adults", 60, "afternoon"),
    Offer("Graphic Novel Book Club", "books & authors", "teens", 60, "afterschool"),
    Offer("Teen Anime Club", "activities & games", "teens", 90, "afterschool", 0.3),
    Offer("Teen Gaming Night", "activities & games", "teens", 120, "afterschool"),
    Offer("Dungeons & Dragons for Teens", "activities & games", "teens", 120, "afterschool", 1.0),
    Offer("LEGO Builders Club", "STEAM", "children", 60, "saturday", 0.5),
    Offer("Knit & Crochet Circle", "DIY & crafts", "adults", 120, "afternoon", 0.0, "volunteer"),
    Offer("Crafternoon", "DIY & crafts", "children", 60, "afterschool", 0.4),
    Offer("Wrenfield Writers' Group", "arts & culture", "adults", 90, "evening", 0.0, "volunteer"),
    Offer("Silver Screen Classics", "arts & culture", "older adults", 120, "afternoon"),
    Offer("Genealogy Roundtable", "classes & workshops", "older adults", 90, "afternoon", 0.0, "volunteer"),
]}
# The regular programs each building runs: storytime terms, year-round weekly groups, monthly clubs.
TERM_PROGRAMS = {
    "CEN": ["Baby Bounce & Rhyme", "Toddler Time", "Preschool Storytime", "Sensory Storytime",
            "Storytime on the Go: Preschool Visits"],
    "EAS": ["Toddler Time", "Preschool Storytime", "Cuentos y Canciones: Bilingual Storytime"],
    "MIL": ["Family Storytime"],
    "HAR": ["Baby Bounce & Rhyme", "Preschool Storytime", "Pajama Storytime", "Storytime on the Go: Preschool Visits"],
    "OAK": ["Family Storytime", "Pajama Storytime"],
    "FER": ["Family Storytime"],
}
WEEKLY_PROGRAMS = {
    "CEN": ["English Conversation Circle", "Chess Club", "Chair Yoga", "Online English Conversation Hour"],
    "EAS": ["Conversation Cafe: Practice Your English"],
    "HAR": ["English Conversation Circle", "Tai Chi for Beginners"],
}
MONTHLY_PROGRAMS = {
    "CEN": ["Page Turners Book Club", "Mystery Lovers Book Club", "Teen Anime Club", "LEGO Builders Club",
            "Knit & Crochet Circle", "Wrenfield Writers' Group", "Silver Screen Classics", "Genealogy Roundtable",
            "Dungeons & Dragons for Teens", "Online Book Club", "Book Chat at the Senior Center"],
    "EAS": ["Page Turners Book Club", "Teen Anime Club", "LEGO Builders Club", "Knit & Crochet Circle",
            "Graphic Novel Book Club"],
    "MIL": ["Page Turners Book Club", "LEGO Builders Club", "Crafternoon", "Teen Gaming Night",
            "Book Chat at the Senior Center"],
    "HAR": ["Page Turners Book Club", "Teen Gaming Night", "LEGO Builders Club", "Silver Screen Classics"],
    "OAK": ["Page Turners Book Club", "LEGO Builders Club", "Knit & Crochet Circle"],
    "FER": ["Page Turners Book Club", "Crafternoon"],
}

# Annual events every building holds once a fiscal year: (offer, month).
ANNUAL = [
    (Offer("Summer Reading Kickoff", "special events", "all ages", 90, "summer day", 0.0, "performer"), 6),
    (Offer("Summer Reading Finale Party", "special events", "all ages", 90, "summer day", 0.0, "performer"), 7),
    (Offer("Halloween Spooktacular", "special events", "children", 90, "saturday"), 10),
    (Offer("Gingerbread House Decorating", "DIY & crafts", "all ages", 90, "saturday", 1.0), 12),
]

ONE_OFFS = [
    # storytime outside the building
    Offer("Storytime in the Park", "storytime", "preschool", 45, "morning", 0.0, "staff", weight=2.0,
          months=(6, 7, 8), formats=OFF_SITE),
    Offer("Pop-Up Storytime at the Laundromat", "storytime", "preschool", 30, "morning", 0.0, "staff",
          formats=OFF_SITE, only_at=("EAS", "HAR", "CEN")),
    Offer("Storytime at the Farmers Market", "storytime", "preschool", 30, "saturday", 0.0, "staff",
          months=(6, 7, 8, 9), formats=OFF_SITE),
    Offer("Bedtime Stories with Wrenfield Firefighters", "storytime", "preschool", 45, "evening", 0.0, "partner"),
    # books & authors
    Offer("Author Talk", "books & authors", "adults", 60, "evening", 0.5, "author", weight=3.0,
          formats=VIRTUAL_SOME),
    Offer("Poetry Reading Night", "books & authors", "adults", 90, "evening", 0.0, "poet"),
    Offer("Meet the Illustrator", "books & authors", "children", 60, "saturday", 0.5, "picture book illustrator"),
    Offer("Picture Book Author Visit", "books & authors", "preschool", 45, "morning", 0.3, "picture book author"),
    Offer("Banned Books Week Read-Out", "books & authors", "adults", 90, "evening", months=(9, 10)),
    Offer("Book Tasting for Teens", "books & authors", "teens", 60, "afterschool", weight=1.5),
    Offer("Blind Date with a Book Social", "books & authors", "adults", 60, "evening", months=(2,)),
    Offer("Local History Talk", "books & authors", "older adults", 60, "afternoon", 0.3, "local historian",
          weight=1.5),
    # STEAM
    Offer("Slime Science", "STEAM", "children", 60, "afterschool", 1.0, weight=2.0),
    Offer("Robotics Lab", "STEAM", "children", 90, "saturday", 1.0, "robotics workshops", weight=1.5),
    Offer("Bridge Building Challenge", "STEAM", "children", 60, "afterschool", 0.5),
    Offer("Minecraft Builders", "STEAM", "children", 90, "afterschool", 1.0, weight=1.5),
    Offer("Snap Circuits Lab", "STEAM", "children", 60, "afterschool", 0.6),
    Offer("Stargazing Night", "STEAM", "all ages", 90, "evening", 0.0, "partner", months=(9, 10, 3, 4)),
    Offer("Rocket Launch in the Park", "STEAM", "children", 60, "summer day", 0.0, months=(6, 7), formats=OFF_SITE),
    Offer("Coding Club: Scratch", "STEAM", "children", 60, "afterschool", 1.0, sessions=(3, 4), weight=1.5),
    Offer("Intro to 3D Printing", "STEAM", "adults", 90, "evening", 1.0, "3D printing instructor", sessions=(2, 2)),
    Offer("Kitchen Chemistry", "STEAM", "children", 60, "summer day", 1.0, "hands-on science", months=(6, 7, 8)),
    Offer("Teen Tech Lab: Build a Website", "STEAM", "teens", 90, "afterschool", 1.0, sessions=(2, 3)),
    # DIY & crafts
    Offer("Upcycled Tote Bags", "DIY & crafts", "teens", 60, "afterschool", 0.5),
    Offer("Button Making Drop-In", "DIY & crafts", "children", 60, "saturday", weight=1.5),
    Offer("Candle Making Workshop", "DIY & crafts", "adults", 90, "evening", 1.0),
    Offer("Perler Bead Party", "DIY & crafts", "children", 60, "afterschool", weight=1.5),
    Offer("Paper Flower Workshop", "DIY & crafts", "adults", 90, "afternoon", 1.0),
    Offer("Mending Cafe: Fix Your Clothes", "DIY & crafts", "adults", 120, "saturday", 0.0, "volunteer"),
    Offer("Holiday Card Making", "DIY & crafts", "all ages", 60, "saturday", months=(11, 12)),
    Offer("Friendship Bracelets", "DIY & crafts", "children", 60, "summer day", months=(6, 7, 8), weight=1.5),
    Offer("Quilting Basics", "DIY & crafts", "adults", 120, "afternoon", 1.0, "partner", sessions=(3, 3)),
    Offer("Calligraphy for Beginners", "DIY & crafts", "adults", 90, "evening", 1.0, "calligraphy"),
    Offer("Clay Creatures", "DIY & crafts", "children", 60, "saturday", 1.0, "pottery and clay"),
    # classes & workshops
    Offer("Medicare 101", "classes & workshops", "older adults", 90, "afternoon", 0.5, "partner", weight=2.0,
          months=(9, 10, 11, 12), formats=VIRTUAL_SOME, outcome="learn knowledge"),
    Offer("Seed Library Swap", "classes & workshops", "all ages", 90, "saturday", months=(2, 3, 4), weight=1.5,
          outcome="become aware of library resources"),
    Offer("Gardening 101: Raised Beds", "classes & workshops", "adults", 60, "evening", 0.3, "Master Gardener",
          months=(3, 4, 5)),
    Offer("Composting at Home", "classes & workshops", "adults", 60, "evening", 0.0, "partner", months=(4, 5, 9)),
    Offer("Estate Planning Basics", "classes & workshops", "older adults", 90, "afternoon", 0.5,
          "financial planner", formats=VIRTUAL_SOME),
    Offer("Understanding Your Credit Score", "classes & workshops", "adults", 60, "evening", 0.3, "partner",
          formats=VIRTUAL_SOME),
    Offer("First-Time Homebuyer Workshop", "classes & workshops", "adults", 120, "saturday", 1.0, "partner",
          sessions=(2, 2)),
    Offer("Small Business Startup Basics", "classes & workshops", "adults", 90, "evening", 1.0, "partner"),
    Offer("Genealogy: Getting Started", "classes & workshops", "older adults", 90, "afternoon", 1.0, "genealogy"),
    Offer("Bike Repair Basics", "classes & workshops", "adults", 90, "saturday", 1.0, "partner", months=(4, 5, 6)),
    Offer("Beekeeping for Beginners", "classes & workshops", "adults", 60, "evening", 0.5, "beekeeper",
          months=(2, 3, 4)),
    Offer("Canning 101: Preserving the Harvest", "classes & workshops", "adults", 120, "evening", 1.0,
          months=(7, 8, 9)),
    Offer("Babysitting Basics", "classes & workshops", "teens", 180, "saturday", 1.0, "partner"),
    Offer("Tax Season Tips", "classes & workshops", "adults", 60, "evening", 0.3, "tax preparation (VITA)",
          months=(1, 2, 3)),
    Offer("Photography: Get Off Auto", "classes & workshops", "adults", 90, "evening", 1.0, "photography"),
    # arts & culture
    Offer("Jazz in the Stacks", "arts & culture", "adults", 90, "evening", 0.0, "Latin jazz trio"),
    Offer("Teen Open Mic Night", "arts & culture", "teens", 90, "evening", weight=1.5),
    Offer("Museum Talk: Art of the Harbor", "arts & culture", "adults", 60, "afternoon", 0.0, "partner"),
    Offer("Lunar New Year Celebration", "arts & culture", "all ages", 90, "saturday", months=(1, 2)),
    Offer("Hispanic Heritage Month Concert", "arts & culture", "all ages", 60, "saturday", months=(9, 10)),
    Offer("Watercolor Basics", "arts & culture", "adults", 90, "afternoon", 1.0, "watercolor painting",
          sessions=(3, 4)),
    Offer("Beginning Ukulele", "arts & culture", "adults", 60, "evening", 1.0, "ukulele", sessions=(4, 4)),
    Offer("Comic Drawing Workshop", "arts & culture", "teens", 90, "afterschool", 1.0, "comic drawing"),
    Offer("Memoir Writing Workshop", "arts & culture", "older adults", 90, "afternoon", 1.0, "memoir writing",
          sessions=(4, 4)),
    Offer("Hip-Hop Dance for Teens", "arts & culture", "teens", 60, "afterschool", 0.5, "hip-hop dance"),
    Offer("Folk Dance Evening", "arts & culture", "all ages", 90, "evening", 0.0, "folk dance teacher"),
    Offer("Drum Circle", "arts & culture", "all ages", 60, "saturday", 0.0, "drumming"),
    # activities & games
    Offer("Board Game Night", "activities & games", "adults", 120, "evening", weight=2.0),
    Offer("Teen Trivia Night", "activities & games", "teens", 90, "afterschool", weight=1.5),
    Offer("Family Bingo", "activities & games", "all ages", 60, "saturday", weight=1.5),
    Offer("Escape Room: Mystery in the Stacks", "activities & games", "teens", 60, "afterschool", 1.0),
    Offer("Pokemon Card Trading Meetup", "activities & games", "children", 90, "saturday"),
    Offer("Puzzle Swap & Race", "activities & games", "adults", 90, "afternoon"),
    Offer("Nintendo Switch Tournament", "activities & games", "teens", 120, "afterschool", 1.0),
    # special events (performers), mostly for summer reading
    Offer("Reptile Rendezvous", "special events", "all ages", 60, "summer day",
          lead="Mister Toad's Traveling Reptiles", weight=2.0, months=(6, 7)),
    Offer("Professor Fizz: Science Spectacular", "special events", "all ages", 60, "summer day",
          lead="Professor Fizz Science Shows", weight=2.0, months=(6, 7, 8)),
    Offer("Magic with the Great Zambini", "special events", "all ages", 60, "summer day",
          lead="The Great Zambini", weight=2.0, months=(6, 7, 12)),
    Offer("Banjo Beth's Sing-Along", "special events", "preschool", 45, "summer day",
          lead="Banjo Beth", weight=2.0, months=(6, 7, 10)),
    Offer("Puppets on Parade", "special events", "preschool", 45, "summer day",
          lead="Puppets on Parade", weight=2.0, months=(6, 7, 3)),
    Offer("Circus Skills Show", "special events", "all ages", 60, "summer day",
          lead="Circus Kaleidoscope", weight=2.0, months=(6, 7)),
    Offer("Raptors Up Close", "special events", "all ages", 60, "summer day",
          lead="Wrenfield Raptor Rescue", weight=2.0, months=(6, 7, 4)),
    Offer("Sea Shanty Sing-Along", "special events", "all ages", 60, "saturday",
          lead="Captain Calliope's Sea Shanties", months=(6, 7, 11)),
    Offer("Bubble Science Spectacular", "special events", "all ages", 45, "summer day",
          lead="Dr. Suds Bubble Science", weight=2.0, months=(6, 7)),
    Offer("Balloon Twisting Party", "special events", "children", 60, "summer day",
          lead="Twisty Tina Balloons", weight=2.0, months=(6, 7, 8)),
    Offer("Tales from the Lanternfish", "special events", "all ages", 45, "saturday",
          lead="Lanternfish Storytellers", months=(10, 11, 1, 2)),
    Offer("National Library Week Open House", "special events", "all ages", 120, "saturday", months=(4,),
          outcome="become aware of library resources"),
    Offer("Dia de los Ninos Celebration", "special events", "children", 90, "saturday", months=(4,),
          only_at=("EAS", "CEN", "HAR")),
    Offer("Library Card Sign-Up Month Party", "special events", "all ages", 90, "saturday", months=(9,),
          outcome="become aware of library resources"),
    # health & wellness
    Offer("Teaching Kitchen: Knife Skills", "health & wellness", "adults", 90, "evening", 1.0,
          "cooking instructor", room="KIT", only_at=("CEN",), outcome="learn skills"),
    Offer("Teaching Kitchen: Healthy Meals on a Budget", "health & wellness", "adults", 90, "evening", 1.0,
          "cooking instructor", sessions=(3, 3), room="KIT", only_at=("CEN",)),
    Offer("Teaching Kitchen: Kids Cook!", "health & wellness", "children", 60, "summer day", 1.0,
          "cooking instructor", room="KIT", only_at=("CEN",), months=(6, 7, 8)),
    Offer("Mindfulness for Teens", "health & wellness", "teens", 60, "afterschool", 0.5, "partner"),
    Offer("Heart Health Talk", "health & wellness", "older adults", 60, "afternoon", 0.0, "partner", months=(2,)),
    Offer("Diabetes Prevention Basics", "health & wellness", "adults", 60, "evening", 0.5, "partner",
          formats=VIRTUAL_SOME),
    Offer("Mental Health First Aid", "health & wellness", "adults", 480, "saturday", 1.0, "partner"),
    Offer("Zumba Gold", "health & wellness", "older adults", 45, "morning", 0.0, "Zumba instructor", weight=1.5),
    Offer("Walk & Talk in the Park", "health & wellness", "adults", 60, "morning", 0.0, formats=OFF_SITE,
          months=(5, 6, 7, 8, 9)),
    # digital literacy
    Offer("Intro to Spreadsheets", "digital literacy", "adults", 90, "evening", 1.0, sessions=(3, 3), weight=1.5),
    Offer("Computer Basics for Beginners", "digital literacy", "older adults", 90, "morning", 1.0,
          sessions=(4, 4), weight=1.5),
    Offer("Smartphone Skills for Seniors", "digital literacy", "older adults", 60, "afternoon", 1.0,
          sessions=(2, 2), weight=1.5),
    Offer("Job Search Online: Resumes that Work", "digital literacy", "adults", 90, "evening", 1.0, sessions=(2, 2)),
    Offer("Avoiding Online Scams", "digital literacy", "older adults", 60, "afternoon", 0.3, weight=1.5,
          formats=VIRTUAL_SOME),
    Offer("Intro to Canva", "digital literacy", "adults", 90, "evening", 1.0),
    Offer("Using Libby: Ebooks & Audiobooks", "digital literacy", "older adults", 60, "afternoon", 0.3, weight=1.5,
          outcome="become aware of library resources"),
    Offer("AI Chatbots: What They Can and Can't Do", "digital literacy", "adults", 60, "evening", 0.5,
          formats=VIRTUAL_SOME),
    Offer("Zoom Basics", "digital literacy", "older adults", 60, "morning", 1.0),
    # civic engagement
    Offer("Candidate Forum: County Council", "civic engagement", "adults", 120, "evening", 0.0, "partner",
          months=(10,), formats=(("on site", 0.5), ("hybrid", 0.5)), only_at=("CEN", "EAS", "HAR")),
    Offer("Ballot Measures Explained", "civic engagement", "adults", 60, "evening", 0.0, "partner",
          months=(9, 10), formats=VIRTUAL_SOME),
    Offer("Know Your Rights: Tenant Basics", "civic engagement", "adults", 90, "evening", 0.3, "partner"),
    Offer("Community Conversation: Housing in Wrenfield", "civic engagement", "adults", 90, "evening",
          formats=HYBRID_SOME),
    Offer("Civics 101: How County Government Works", "civic engagement", "adults", 60, "evening", 0.3,
          formats=VIRTUAL_SOME),
    Offer("Citizenship Test Prep", "civic engagement", "adults", 90, "evening", 1.0, "partner", sessions=(4, 4)),
    Offer("Human Library: Don't Judge a Book by Its Cover", "civic engagement", "adults", 120, "saturday",
          outcome="change attitudes"),
]
# One-off and short-series programs per building per fiscal year (tuned to ~3,000 sessions in all).
ONE_OFFS_PER_YEAR = {"CEN": 104, "EAS": 58, "MIL": 44, "HAR": 52, "OAK": 36, "FER": 14}


def term_dates(weekday: int) -> list[list[pd.Timestamp]]:
    """For each storytime term, its weekly dates on one weekday."""
    return [[pd.Timestamp(start) + pd.Timedelta(days=weekday + 7 * k) for k in range(weeks)]
            for start, weeks in TERMS]


def weekly_dates(fiscal_year: int, weekday: int) -> list[pd.Timestamp]:
    """Weekly dates through a fiscal year, with a break over the winter holidays."""
    first = pd.Timestamp(f"{fiscal_year - 1}-07-01")
    first += pd.Timedelta(days=(weekday - first.weekday()) % 7)
    dates = pd.date_range(first, f"{fiscal_year}-06-30", freq="7D")
    winter_break = (dates.month == 12) & (dates.day >= 20) | (dates.month == 1) & (dates.day <= 3)
    return list(dates[~winter_break])


def monthly_dates(rng: np.random.Generator, fiscal_year: int, weekday: int) -> list[pd.Timestamp]:
    """The nth weekday of each month of a fiscal year; some clubs take December off."""
    nth = int(rng.integers(0, 4))
    skip_december = rng.random() < 0.5
    dates = []
    for month_start in pd.date_range(f"{fiscal_year - 1}-07-01", periods=12, freq="MS"):
        if skip_december and month_start.month == 12:
            continue
        first = month_start + pd.Timedelta(days=(weekday - month_start.weekday()) % 7)
        dates.append(first + pd.Timedelta(days=7 * nth))
    return dates


def one_off_dates(rng: np.random.Generator, offer: Offer, fiscal_year: int, weekday: int,
                  count: int) -> list[pd.Timestamp]:
    """A start date in a month weighted by season, then weekly sessions for a short series."""
    if offer.months:
        weights = {m: 1.0 for m in offer.months}
    else:
        weights = YOUTH_MONTHS if offer.audience in YOUTH else ADULT_MONTHS
    month = int(weighted_choice(rng, weights))
    year = fiscal_year - 1 if month >= 7 else fiscal_year
    start = pd.Timestamp(year=year, month=month, day=int(rng.integers(1, 25)))
    start += pd.Timedelta(days=(weekday - start.weekday()) % 7)
    return [start + pd.Timedelta(days=7 * k) for k in range(count)]


def pick_weekday(rng: np.random.Generator, offer: Offer, branch: str) -> int:
    """A weekday that suits the program's time slot and the building's open days."""
    days = SLOTS[offer.slot][1]
    if branch == "FER":
        days = [d for d in days if d in FERNVALE_WEEKDAYS] or [5]
    return int(rng.choice(days))


def plan_programs(rng: np.random.Generator) -> list[tuple[str, Offer, int, list[pd.Timestamp]]]:
    """Every program of the two years as (branch, offer, weekday, dates), before holidays are removed."""
    plans = []
    for branch in BRANCH_IDS:
        for title in TERM_PROGRAMS.get(branch, []):
            weekday = pick_weekday(rng, REGULAR[title], branch)
            plans += [(branch, REGULAR[title], weekday, dates) for dates in term_dates(weekday)]
        for fiscal_year in (2024, 2025):
            for title in WEEKLY_PROGRAMS.get(branch, []):
                weekday = pick_weekday(rng, REGULAR[title], branch)
                plans.append((branch, REGULAR[title], weekday, weekly_dates(fiscal_year, weekday)))
            for title in MONTHLY_PROGRAMS.get(branch, []):
                weekday = pick_weekday(rng, REGULAR[title], branch)
                plans.append((branch, REGULAR[title], weekday, monthly_dates(rng, fiscal_year, weekday)))
            for offer, month in ANNUAL:
                weekday = pick_weekday(rng, offer, branch)
                dates = one_off_dates(rng, replace(offer, months=(month,)), fiscal_year, weekday, 1)
                plans.append((branch, offer, weekday, dates))
            plans += plan_one_offs(rng, branch, fiscal_year)
    return plans


def plan_one_offs(rng: np.random.Generator, branch: str, fiscal_year: int) -> list:
    """One-off programs and short series a building runs in a fiscal year."""
    offers = [o for o in ONE_OFFS if not o.only_at or branch in o.only_at]
    weights = np.array([o.weight for o in offers])
    picks = rng.choice(len(offers), size=ONE_OFFS_PER_YEAR[branch], p=weights / weights.sum())
    plans = []
    for i in picks:
        offer = offers[i]
        weekday = pick_weekday(rng, offer, branch)
        count = int(rng.integers(offer.sessions[0], offer.sessions[1] + 1))
        plans.append((branch, offer, weekday, one_off_dates(rng, offer, fiscal_year, weekday, count)))
    return plans


def program_table(rng: np.random.Generator, plans: list) -> pd.DataFrame:
    """One row per program: the offer's fixed attributes plus a format, outcome and registration rule."""
    offers = [p[1] for p in plans]
    programs = pd.DataFrame({
        "branch_id": [p[0] for p in plans],
        "program_title": [o.title for o in offers],
        "category": [o.category for o in offers],
        "audience": [o.audience for o in offers],
        "duration_minutes": [o.minutes for o in offers],
        "start_time": [str(rng.choice(SLOTS[o.slot][0])) for o in offers],
        "format": [weighted_choice(rng, dict(o.formats)) for o in offers],
        "intended_outcome": [o.outcome or weighted_choice(rng, OUTCOMES[o.category]) for o in offers],
        "registration_required": rng.random(len(offers)) < np.array([o.registration for o in offers]),
        "lead": [o.lead for o in offers],
        "room_code": [o.room for o in offers],
        "co_host": [o.co_host for o in offers],
    })
    programs["dates"] = [p[3] for p in plans]
    return programs


def presenter_pools(world: dict) -> dict[str, np.ndarray]:
    """Presenter columns as arrays, with each presenter's home building and the categories they lead."""
    presenters = world["presenters"]
    branch = presenters.staff_id.map(world["staff"].set_index("staff_id").branch_id)
    categories = presenter_categories(presenters)
    pools = {name: presenters[name].to_numpy(dtype=object)
             for name in ["presenter_id", "presenter_name", "presenter_type", "specialty"]}
    pools["branch_id"] = branch.to_numpy(dtype=object)
    pools |= {c: categories.map(lambda cats, c=c: c in cats).to_numpy(dtype=bool) for c in CATEGORY_MEAN_ATTENDANCE}
    return pools


def presenter_pool(pools: dict, branch: str, category: str, lead: str) -> np.ndarray:
    """Presenter ids who could lead a program: by type and category (own-building staff first), or by name."""
    kind = {"performer": "paid performer", "partner": "partner staff"}.get(lead, lead)
    if kind in set(pools["presenter_type"]):
        fits = pools[category] & (pools["presenter_type"] == kind)
        home = fits & (pools["branch_id"] == branch)
        if kind == "staff" and home.any():
            fits = home
        if not fits.any():
            fits = (pools["presenter_type"] == "staff") & (pools["branch_id"] == branch)
    else:
        fits = (pools["presenter_name"] == lead) | (pools["specialty"] == lead)
    return pools["presenter_id"][fits]


def choose_presenters(rng: np.random.Generator, programs: pd.DataFrame, world: dict) -> np.ndarray:
    """A presenter for each program who fits its category, preferring staff of the program's own building."""
    pools = presenter_pools(world)
    candidates = {}
    chosen = []
    for key in zip(programs.branch_id, programs.category, programs.lead):
        if key not in candidates:
            candidates[key] = presenter_pool(pools, *key)
        chosen.append(candidates[key][rng.integers(len(candidates[key]))])
    return np.array(chosen, dtype=object)


def author_titles(programs: pd.DataFrame, presenters: pd.DataFrame) -> pd.Series:
    """Author talks carry the author's name, as on a real events calendar."""
    names = programs.presenter_id.map(presenters.set_index("presenter_id").presenter_name)
    talk = programs.program_title.isin(["Author Talk", "Local History Talk"])
    return programs.program_title.where(~talk, programs.program_title + ": " + names)


def choose_partners(rng: np.random.Generator, programs: pd.DataFrame, world: dict) -> np.ndarray:
    """The partner for each program: the presenter's organization, or sometimes a co-host of a fitting type."""
    presenters = world["presenters"].set_index("presenter_id")
    partners = world["partners"]
    own = programs.presenter_id.map(presenters.partner_id).to_numpy(dtype=object)
    co_host = rng.random(len(programs)) < CO_HOST_RATE
    result = []
    for own_partner, wants, category, fixed in zip(own, co_host, programs.category, programs.co_host):
        if isinstance(own_partner, str):
            result.append(own_partner)
        elif wants or fixed:
            kinds = [fixed] if fixed else PARTNER_TYPES[category]
            pool = partners.partner_id[partners.partner_type.isin(kinds)].to_numpy()
            result.append(pool[rng.integers(len(pool))])
        else:
            result.append(None)
    return np.array(result, dtype=object)


def room_for(rooms: list[dict], branch: str, category: str, code: str, fmt: str) -> str | None:
    """The room a program books: one named for it, one meant for its category (or with video for hybrid),
    else the building's largest; none for off-site and virtual programs. `rooms` is sorted largest first."""
    if fmt in {"off site", "virtual"}:
        return None
    here = [r for r in rooms if r["branch_id"] == branch]
    named = [r for r in here if r["room_id"] == f"{branch}-{code}"]
    if fmt == "hybrid":
        suited = [r for r in here if r["video_conferencing"]]
    else:
        suited = [r for r in here if category in ROOM_USES.get(r["room_id"], set())]
    return (named or suited or here)[0]["room_id"]


def choose_rooms(programs: pd.DataFrame, rooms: pd.DataFrame) -> np.ndarray:
    """The room each program books."""
    by_size = rooms.sort_values("square_feet", ascending=False, kind="stable").to_dict("records")
    keys = list(zip(programs.branch_id, programs.category, programs.room_code, programs.format))
    booked = {key: room_for(by_size, *key) for key in dict.fromkeys(keys)}
    return np.array([booked[key] for key in keys], dtype=object)


def expand_sessions(programs: pd.DataFrame) -> pd.DataFrame:
    """One row per session date, keeping dates inside the two fiscal years and off holidays."""
    sessions = programs.rename_axis("program_row").explode("dates").rename(columns={"dates": "date"})
    sessions["date"] = pd.to_datetime(sessions["date"])
    inside = sessions.date.between(WORLD_START, WORLD_END) & ~is_closed(sessions.date)
    return sessions[inside].reset_index()


def expected_attendance(sessions: pd.DataFrame) -> np.ndarray:
    """Mean attendance per session: category mean x building pull x summer boost, normalised per category."""
    pull = sessions.branch_id.map(BRANCH_DRAW).to_numpy(dtype=float)
    summer = sessions.audience.isin(YOUTH) & sessions.date.dt.month.isin(SUMMER_MONTHS)
    pull = pull * np.where(summer, YOUTH_SUMMER_BOOST, 1.0)
    relative = pull / pd.Series(pull).groupby(sessions.category.to_numpy()).transform("mean").to_numpy()
    return sessions.category.map(CATEGORY_MEAN_ATTENDANCE).to_numpy(dtype=float) * relative


def set_capacity(sessions: pd.DataFrame, mean: np.ndarray, rooms: pd.DataFrame) -> pd.Series:
    """Registration capacity: about 1.4 times the expected crowd, in fives, within what the room holds."""
    posted = sessions.room_id.map(rooms.set_index("room_id").posted_capacity)
    wanted = np.maximum(10, np.ceil(mean * 1.4 / 5) * 5)
    limit = posted.fillna(sessions.format.map({"virtual": VIRTUAL_CAPACITY, "off site": OFF_SITE_CAPACITY}))
    capacity = np.minimum(wanted, limit.to_numpy(dtype=float))
    return pd.Series(capacity, index=sessions.index).where(sessions.registration_required).astype("Int64")


def draw_attendance(rng: np.random.Generator, sessions: pd.DataFrame, mean: np.ndarray,
                    rooms: pd.DataFrame) -> np.ndarray:
    """Negative binomial attendance, never above the room's occupant load or a registration cap."""
    p = ATTENDANCE_DISPERSION / (ATTENDANCE_DISPERSION + mean)
    counts = rng.negative_binomial(ATTENDANCE_DISPERSION, p).astype(float)
    load = sessions.room_id.map(rooms.set_index("room_id").occupant_load).to_numpy(dtype=float)
    in_person_limit = np.where(sessions.format.eq("on site"), load, np.inf)
    cap = sessions.capacity.astype(float).fillna(np.inf).to_numpy()
    return np.minimum(np.minimum(counts, np.nan_to_num(in_person_limit, nan=np.inf)), cap)


def record_outcomes(rng: np.random.Generator, sessions: pd.DataFrame, rooms: pd.DataFrame) -> pd.DataFrame:
    """Status, attendance (PLS style: in person + virtual) and the virtual part, with gaps and keying errors."""
    mean = expected_attendance(sessions)
    sessions["capacity"] = set_capacity(sessions, mean, rooms)
    winter = sessions.date.dt.month.isin([1, 2])
    cancelled = rng.random(len(sessions)) < np.where(winter, CANCEL_RATE_WINTER, CANCEL_RATE)
    sessions["status"] = np.where(cancelled, "cancelled", "held")
    counts = draw_attendance(rng, sessions, mean, rooms)
    unrecorded = rng.random(len(sessions)) < np.where(sessions.format.eq("off site"), UNRECORDED_RATE_OFF_SITE,
                                                      UNRECORDED_RATE)
    counts[cancelled | unrecorded] = np.nan
    virtual = np.where(sessions.format.eq("virtual"), counts, 0.0)
    hybrid = sessions.format.eq("hybrid").to_numpy() & ~np.isnan(counts)
    virtual[hybrid] = rng.binomial(counts[hybrid].astype(int), HYBRID_VIRTUAL_SHARE)
    virtual[np.isnan(counts)] = np.nan
    counts = add_trailing_zeros(rng, sessions, counts, rooms)
    sessions["attendance"] = pd.array(counts, dtype="Int64")
    sessions["virtual_attendance"] = pd.array(virtual, dtype="Int64")
    return sessions


def add_trailing_zeros(rng: np.random.Generator, sessions: pd.DataFrame, counts: np.ndarray,
                       rooms: pd.DataFrame) -> np.ndarray:
    """Key a few on-site counts with an extra zero (14 becomes 140), each one more than its room can hold."""
    load = sessions.room_id.map(rooms.set_index("room_id").occupant_load).to_numpy(dtype=float)
    candidates = np.flatnonzero(sessions.format.eq("on site").to_numpy() & (counts >= 8) & (counts * 10 > load))
    wrong = rng.choice(candidates, size=TRAILING_ZERO_ERRORS, replace=False)
    counts = counts.copy()
    counts[wrong] *= 10
    return counts


def generate(rng: np.random.Generator, world: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """The program_sessions table."""
    programs = program_table(rng, plan_programs(rng))
    programs["presenter_id"] = choose_presenters(rng, programs, world)
    programs["program_title"] = author_titles(programs, world["presenters"])
    programs["partner_id"] = choose_partners(rng, programs, world)
    programs["room_id"] = choose_rooms(programs, world["rooms"])
    sessions = expand_sessions(programs)
    sessions = record_outcomes(rng, sessions, world["rooms"])
    return {"program_sessions": settle_recurring_clashes(finish(rng, sessions), world["rooms"])}


def finish(rng: np.random.Generator, sessions: pd.DataFrame) -> pd.DataFrame:
    """Number programs and sessions in date order, spell branches as staff do, and keep the contract's columns."""
    sessions = sessions.sort_values(["date", "start_time", "branch_id", "program_title"], kind="stable")
    first_seen = pd.unique(sessions["program_row"])  # programs numbered by their first session
    number = pd.Series(np.arange(1, len(first_seen) + 1), index=first_seen)
    sessions["program_id"] = [f"P{n:04d}" for n in sessions.program_row.map(number)]
    sessions["session_id"] = make_ids("SES", len(sessions), 5)
    sessions["branch"] = messy_branch_names(rng, sessions.branch_id, MESSY_BRANCH_SHARE)
    sessions["fiscal_year"] = fiscal_year_of(sessions.date)
    sessions["pls_audience"] = sessions.audience.map(PLS_AUDIENCE)
    sessions["date"] = sessions.date.dt.strftime("%Y-%m-%d")
    return sessions[COLUMNS].reset_index(drop=True)


def _times(sessions: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    start = pd.to_datetime(sessions.date + " " + sessions.start_time)
    return start, start + pd.to_timedelta(sessions.duration_minutes, unit="min")


def settle_recurring_clashes(sessions: pd.DataFrame, rooms: pd.DataFrame) -> pd.DataFrame:
    """Move one of two colliding weekly programs to another room once the clash has run CLASH_WEEKS_UNNOTICED
    weeks: only where CLASH_MOVES names a room, that room is free at the time and holds the session's count."""
    sessions = sessions.copy()
    start, end = _times(sessions)
    booked = sessions[sessions.room_id.notna()].assign(start=start, end=end)
    columns = ["session_id", "room_id", "date", "start", "end", "program_title"]
    pairs = booked[columns].merge(booked[columns], on=["room_id", "date"])
    pairs = pairs[(pairs.session_id_x < pairs.session_id_y) & (pairs.start_x < pairs.end_y)
                  & (pairs.start_y < pairs.end_x)].sort_values(["date", "start_x", "session_id_x", "session_id_y"])
    load = rooms.set_index("room_id").occupant_load
    room = sessions.set_index("session_id").room_id.to_dict()
    seen: dict[tuple, int] = {}
    for pair in pairs.itertuples(index=False):
        if room[pair.session_id_x] != room[pair.session_id_y]:
            continue  # already settled by an earlier move
        titles = (pair.room_id, *sorted([pair.program_title_x, pair.program_title_y]))
        movers = [(s, CLASH_MOVES[(pair.room_id, t)]) for s, t in ((pair.session_id_x, pair.program_title_x),
                  (pair.session_id_y, pair.program_title_y)) if (pair.room_id, t) in CLASH_MOVES]
        if seen.get(titles, 0) < CLASH_WEEKS_UNNOTICED or not movers:
            seen[titles] = seen.get(titles, 0) + 1
            continue
        session, target = movers[0]
        row = sessions.session_id.eq(session)
        there = sessions.session_id.map(room).eq(target) & sessions.date.eq(pair.date)
        busy = (there & (start < end[row].iloc[0]) & (start[row].iloc[0] < end)).any()
        count = pd.to_numeric(sessions.loc[row, "attendance"]).astype(float).iloc[0]
        if busy or count > load[target]:
            seen[titles] = seen.get(titles, 0) + 1
            continue
        room[session] = target
    sessions["room_id"] = sessions.session_id.map(room)
    return sessions


COLUMNS = ["session_id", "program_id", "program_title", "branch", "date", "start_time", "duration_minutes",
           "fiscal_year", "category", "audience", "pls_audience", "format", "intended_outcome", "partner_id",
           "presenter_id", "room_id", "registration_required", "capacity", "status", "attendance",
           "virtual_attendance"]
