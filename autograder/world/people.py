"""Staff, community partners and presenters of Wrenfield County Public Library."""
from __future__ import annotations

import numpy as np
import pandas as pd

from autograder.world.common import make_ids, person_names, random_dates, round_cents, weighted_choice

# Staff roster by branch: (role, head count). 48 people in all.
ROSTER = {
    "CEN": [("Branch manager", 1), ("Programming coordinator", 1), ("Marketing specialist", 1),
            ("Outreach coordinator", 1), ("Digital literacy instructor", 2), ("Adult services librarian", 3),
            ("Youth services librarian", 3), ("Teen services librarian", 1), ("Library associate", 5)],
    "EAS": [("Branch manager", 1), ("Adult services librarian", 1), ("Youth services librarian", 2),
            ("Teen services librarian", 1), ("Library associate", 3)],
    "MIL": [("Branch manager", 1), ("Adult services librarian", 1), ("Youth services librarian", 1),
            ("Library associate", 3)],
    "HAR": [("Branch manager", 1), ("Adult services librarian", 1), ("Youth services librarian", 1),
            ("Teen services librarian", 1), ("Library associate", 3)],
    "OAK": [("Branch manager", 1), ("Adult services librarian", 1), ("Youth services librarian", 1),
            ("Library associate", 3)],
    "FER": [("Branch manager", 1), ("Library associate", 2)],
}
# Hourly wage ranges in dollars by role (the contract's realistic ranges; an assumption, not a FACTS figure).
WAGE_RANGE = {
    "Branch manager": (38.0, 46.0), "Programming coordinator": (33.0, 40.0), "Marketing specialist": (29.0, 35.0),
    "Outreach coordinator": (30.0, 36.0), "Digital literacy instructor": (26.0, 31.0),
    "Adult services librarian": (29.0, 38.0), "Youth services librarian": (29.0, 38.0),
    "Teen services librarian": (29.0, 36.0), "Library associate": (19.0, 24.0),
}
# Benefits as a share of wages, by FTE (assumption: part-timers get fewer benefits).
BENEFITS_RATE = {1.0: 0.32, 0.75: 0.22, 0.5: 0.10}
ASSOCIATE_FTE = {0.5: 0.35, 0.75: 0.30, 1.0: 0.35}
LIBRARIAN_FTE = {0.75: 0.15, 1.0: 0.85}

# 80 fictional partner organizations by type.
PARTNERS = {
    "school": ["Wrenfield Unified School District", "Eastgate Elementary School", "Millbrook Elementary School",
               "Harbor Point Middle School", "Oak Ridge Middle School", "Wrenfield High School",
               "Eastgate High School", "Fernvale Consolidated School", "Wrenfield Community College",
               "Harbor Point Head Start", "Little Acorns Preschool", "Millbrook Montessori School",
               "Wrenfield Adult Education Center", "Fernvale Homeschool Co-op"],
    "nonprofit": ["Harbor Point Food Co-op", "Wrenfield Literacy Council", "Eastgate Refugee Welcome Network",
                  "Wrenfield Habitat for Humanity", "Boys & Girls Club of Wrenfield", "Millbrook Food Pantry",
                  "Wrenfield Volunteer Tax Assistance", "Oak Ridge Rotary Club",
                  "Friends of the Wrenfield County Public Library", "Wrenfield Seed Savers",
                  "Harbor Point Community Garden", "Wrenfield Pride Center", "Eastgate Latino Family Alliance",
                  "League of Women Voters of Wrenfield County", "Fernvale Grange",
                  "Big Brothers Big Sisters of Wrenfield", "Wrenfield Chess Association",
                  "Harbor Point Veterans Outreach", "Wrenfield Immigrant Legal Aid",
                  "Wrenfield Housing Counseling Center"],
    "government": ["Wrenfield County Parks & Recreation", "Wrenfield County Health Department",
                   "Wrenfield County Extension Office", "Wrenfield County Elections Office",
                   "Wrenfield Fire Department", "Harbor Point Police Community Liaison",
                   "Wrenfield County Council on Aging", "Wrenfield Workforce Development Board",
                   "Wrenfield County Historical Commission", "Wrenfield Soil & Water Conservation District",
                   "Wrenfield Public Works Recycling Program", "Wrenfield County Veterans Services Office"],
    "business": ["Harbor Point Credit Union", "Millbrook Hardware & Garden", "Oak Ridge Bakery",
                 "Eastgate Tech Repair", "Wrenfield Savings Bank", "Riverside Yarn Shop", "The Board Room Game Cafe",
                 "Fernvale Feed & Supply", "Millbrook Bicycle Works", "Wrenfield Farmers Market",
                 "Beacon Bookshop", "Wrenfield Coworking Hub"],
    "cultural": ["Wrenfield Historical Society", "Wrenfield Museum of Art", "Harbor Point Maritime Museum",
                 "Wrenfield Symphony Orchestra", "Eastgate Folk Dance Collective", "Millbrook Community Theater",
                 "Wrenfield Poetry Collective", "Oak Ridge Quilters' Guild", "Wrenfield Jazz Society",
                 "Harbor Point Arts Council", "Wrenfield Science Center", "Wrenfield Camera Club"],
    "health": ["Wrenfield General Hospital", "Harbor Point Community Health Center", "Wrenfield Family YMCA",
               "Smile Wrenfield Dental Clinic", "Millbrook Physical Therapy", "Wrenfield Mental Health Alliance",
               "Oak Ridge Pharmacy", "Wrenfield Hospice", "Wrenfield Medicare Counseling Program",
               "Wrenfield Diabetes Education Program"],
}
# NILPPA Phase 2 impact areas (FACTS.md, The framework) weighted by partner type (assumption).
FOCUS_BY_TYPE = {
    "school": {"knowledgeable": 6, "connected": 2, "creative": 1, "joyful": 1},
    "nonprofit": {"caring": 3, "welcoming": 3, "economically vital": 2, "connected": 2, "civically engaged": 2},
    "government": {"civically engaged": 4, "healthy": 2, "economically vital": 2, "connected": 2},
    "business": {"economically vital": 5, "connected": 2, "creative": 1, "joyful": 1},
    "cultural": {"creative": 4, "joyful": 3, "knowledgeable": 2, "connected": 1},
    "health": {"healthy": 7, "caring": 3},
}
INTERACTION_LEVEL = {"promote": 0.35, "co-host": 0.35, "co-plan": 0.20, "co-fund": 0.10}
# Median in-kind value per year (dollars) by interaction level (assumption).
IN_KIND_MEDIAN = {"promote": 400.0, "co-host": 1_200.0, "co-plan": 2_500.0, "co-fund": 6_000.0}
# The five NILPPA partnership factors (FACTS.md, Phase 2 partnership survey); operations rated lowest.
RATING_COLUMNS = ["rating_strategic_alignment", "rating_teamwork", "rating_communication",
                  "rating_relationship", "rating_operations"]
RATING_MEANS = [3.9, 3.7, 3.5, 3.9, 3.2]

# Presenter specialties and the program categories each one leads.
STAFF_SPECIALTY = {
    "Youth services librarian": ("storytime and early literacy", ("storytime", "STEAM", "DIY & crafts")),
    "Teen services librarian": ("teen programs and gaming", ("activities & games", "STEAM", "DIY & crafts")),
    "Adult services librarian": ("book discussion and adult programs",
                                 ("books & authors", "classes & workshops", "civic engagement")),
    "Digital literacy instructor": ("computer and internet classes", ("digital literacy",)),
    "Outreach coordinator": ("outreach and pop-up programs", ("storytime", "activities & games", "special events")),
    "Programming coordinator": ("special events", ("special events", "arts & culture")),
    "Branch manager": ("book discussion and local history", ("books & authors", "arts & culture")),
    "Library associate": ("crafts and family activities", ("DIY & crafts", "activities & games", "storytime")),
}
VOLUNTEER_SPECIALTY = {
    "English conversation practice": ("English conversation",),
    "chess instruction": ("activities & games",),
    "knitting and crochet": ("DIY & crafts",),
    "tax preparation (VITA)": ("classes & workshops",),
    "Master Gardener": ("classes & workshops",),
    "genealogy": ("classes & workshops",),
    "ukulele": ("arts & culture",),
    "tech help": ("digital literacy",),
    "board games": ("activities & games",),
    "LEGO building": ("STEAM",),
    "memoir writing": ("arts & culture",),
}
PERFORMERS = [
    ("Mister Toad's Traveling Reptiles", "live animal show", ("special events",)),
    ("Professor Fizz Science Shows", "science show", ("special events", "STEAM")),
    ("The Great Zambini", "magic", ("special events",)),
    ("Banjo Beth", "children's music", ("special events", "storytime")),
    ("Puppets on Parade", "puppetry", ("special events", "storytime")),
    ("Circus Kaleidoscope", "circus skills", ("special events", "activities & games")),
    ("Wrenfield Raptor Rescue", "bird of prey show", ("special events",)),
    ("Captain Calliope's Sea Shanties", "folk music", ("special events", "arts & culture")),
    ("Dr. Suds Bubble Science", "bubble show", ("special events", "STEAM")),
    ("Twisty Tina Balloons", "balloon art", ("special events",)),
    ("Rhythm Roots Drum Circle", "drumming", ("arts & culture", "special events")),
    ("Step Up Hip-Hop Dance", "hip-hop dance", ("arts & culture", "activities & games")),
    ("Lanternfish Storytellers", "storytelling", ("special events", "arts & culture")),
    ("Improv Wrenfield", "improv theater", ("arts & culture",)),
    ("RoboRangers", "robotics workshops", ("STEAM",)),
    ("Mad Lab Chemistry", "hands-on science", ("STEAM",)),
]
PERFORMER_PEOPLE = [  # instructors who perform under their own names
    ("cooking instructor", ("health & wellness", "classes & workshops")),
    ("cooking instructor", ("health & wellness", "classes & workshops")),
    ("yoga instructor", ("health & wellness",)),
    ("chair yoga instructor", ("health & wellness",)),
    ("tai chi instructor", ("health & wellness",)),
    ("watercolor painting", ("arts & culture", "DIY & crafts")),
    ("comic drawing", ("arts & culture", "DIY & crafts")),
    ("pottery and clay", ("DIY & crafts", "arts & culture")),
    ("photography", ("arts & culture", "classes & workshops")),
    ("Zumba instructor", ("health & wellness",)),
    ("calligraphy", ("DIY & crafts",)),
    ("Latin jazz trio", ("arts & culture", "special events")),
    ("financial planner", ("classes & workshops",)),
    ("3D printing instructor", ("STEAM",)),
    ("folk dance teacher", ("arts & culture",)),
    ("beekeeper", ("classes & workshops", "STEAM")),
]
AUTHOR_SPECIALTY = ["picture book author", "mystery novelist", "local historian", "memoirist", "poet",
                    "young adult novelist", "cookbook author", "nature writer", "graphic novelist",
                    "science fiction writer", "historical novelist", "picture book illustrator",
                    "romance novelist", "local historian"]
AUTHOR_CATEGORIES = ("books & authors",)
PARTNER_SPECIALTY = {
    "school": ("education outreach", ("STEAM", "storytime", "activities & games")),
    "nonprofit": ("community services information", ("classes & workshops", "civic engagement",
                                                      "English conversation")),
    "government": ("public services information", ("civic engagement", "classes & workshops",
                                                    "health & wellness")),
    "business": ("money and small business", ("classes & workshops", "digital literacy")),
    "cultural": ("arts and heritage", ("arts & culture", "books & authors", "special events")),
    "health": ("health education", ("health & wellness",)),
}
# Performer fees: lognormal, median about $300, most $200-$400, capped at $1,900 (FACTS.md, Financial).
PERFORMER_FEE_MEDIAN = 300.0
PERFORMER_FEE_SIGMA = 0.45
PERFORMER_FEE_MAX = 1_900.0
# Author honoraria $500-$2,500 (FACTS.md, Financial: $500-$1,000 new, $1,200-$2,500 established).
AUTHOR_FEE_RANGE = (500, 2_500)
VOLUNTEER_PRESENTERS = 22
PARTNER_STAFF_PRESENTERS = 20
STAFF_PRESENTER_ROLES = set(STAFF_SPECIALTY) - {"Branch manager", "Library associate"}


def make_staff(rng: np.random.Generator) -> pd.DataFrame:
    """The 48 staff members: role, branch, FTE, wage and benefits rate, hire date."""
    branch, role = zip(*[(b, r) for b, roles in ROSTER.items() for r, n in roles for _ in range(n)])
    staff = pd.DataFrame({"branch_id": branch, "role": role})
    staff["first_name"], staff["last_name"] = person_names(rng, len(staff))
    is_associate = staff.role.eq("Library associate").to_numpy()
    fte = np.where(is_associate, weighted_choice(rng, ASSOCIATE_FTE, len(staff)),
                   weighted_choice(rng, LIBRARIAN_FTE, len(staff))).astype(float)
    fte[staff.role.isin(["Branch manager", "Programming coordinator", "Outreach coordinator"])] = 1.0
    staff["fte"] = fte
    low, high = np.array([WAGE_RANGE[r] for r in staff.role]).T
    staff["hourly_wage"] = round_cents(rng.uniform(low, high))
    staff["benefits_rate"] = np.round([BENEFITS_RATE[f] for f in fte] + rng.normal(0, 0.015, len(staff)), 2)
    earliest = np.where(staff.role.eq("Branch manager"), 1998, 2005)
    hired = random_dates(rng, "1998-01-01", "2025-03-31", len(staff))
    hired = hired.where(hired.year >= earliest, hired + pd.DateOffset(years=8))
    staff["hire_date"] = hired.strftime("%Y-%m-%d")
    staff.insert(0, "staff_id", make_ids("S", len(staff), 3))
    return staff[["staff_id", "first_name", "last_name", "branch_id", "role", "fte", "hourly_wage",
                  "benefits_rate", "hire_date"]]


def make_partners(rng: np.random.Generator, staff: pd.DataFrame) -> pd.DataFrame:
    """The 80 partner organizations with their NILPPA focus area, interaction level and factor ratings."""
    kind, name = zip(*[(t, n) for t, names in PARTNERS.items() for n in names])
    n = len(name)
    partners = pd.DataFrame({"partner_id": make_ids("PA", n, 3), "partner_name": name, "partner_type": kind})
    partners["focus_area"] = [weighted_choice(rng, FOCUS_BY_TYPE[t]) for t in kind]
    level = weighted_choice(rng, INTERACTION_LEVEL, n)
    partners["interaction_level"] = level
    partners["partner_since"] = np.clip(2025 - np.round(rng.exponential(7.0, n)).astype(int), 1990, 2025)
    median = np.array([IN_KIND_MEDIAN[lv] for lv in level])
    partners["in_kind_value_per_year"] = round_cents(np.round(median * rng.lognormal(0, 0.5, n), -1))
    quality = rng.normal(0, 0.7, n)[:, None]
    deeper = np.isin(level, ["co-plan", "co-fund"])[:, None] * 0.3
    ratings = np.array(RATING_MEANS) + quality + deeper + rng.normal(0, 0.6, (n, len(RATING_COLUMNS)))
    partners[RATING_COLUMNS] = np.clip(np.round(ratings), 1, 5).astype(int)
    partners["contact_staff_id"] = pick_liaisons(rng, staff, n)
    return partners


def pick_liaisons(rng: np.random.Generator, staff: pd.DataFrame, count: int) -> np.ndarray:
    """Liaison staff for partners: mostly the outreach and programming coordinators and branch managers."""
    weight = staff.role.map({"Outreach coordinator": 12, "Programming coordinator": 8, "Branch manager": 3,
                             "Adult services librarian": 1.5, "Youth services librarian": 1.5,
                             "Teen services librarian": 1.5}).fillna(0).to_numpy()
    return staff.staff_id.to_numpy()[rng.choice(len(staff), size=count, p=weight / weight.sum())]


def make_presenters(rng: np.random.Generator, staff: pd.DataFrame, partners: pd.DataFrame) -> pd.DataFrame:
    """About 120 presenters: staff, volunteers, paid performers, authors and partner staff."""
    parts = [staff_presenters(rng, staff), volunteer_presenters(rng), performer_presenters(rng),
             author_presenters(rng), partner_presenters(rng, partners)]
    presenters = pd.concat(parts, ignore_index=True)
    presenters.insert(0, "presenter_id", make_ids("PR", len(presenters), 3))
    return presenters


def staff_presenters(rng: np.random.Generator, staff: pd.DataFrame) -> pd.DataFrame:
    """Staff who lead programs: every programming role, plus a few associates and small-branch managers."""
    leads = staff.role.isin(STAFF_PRESENTER_ROLES)
    associates = staff.index[staff.role.eq("Library associate")]
    leads[rng.choice(associates, size=8, replace=False)] = True
    leads[staff.role.eq("Branch manager") & staff.branch_id.isin(["FER", "OAK", "MIL"])] = True
    chosen = staff[leads]
    return pd.DataFrame({"presenter_name": chosen.first_name + " " + chosen.last_name, "presenter_type": "staff",
                         "specialty": [STAFF_SPECIALTY[r][0] for r in chosen.role], "fee_per_session": 0.0,
                         "staff_id": chosen.staff_id.to_numpy(), "partner_id": None})


def named_people(rng: np.random.Generator, count: int) -> np.ndarray:
    """Full names of people who are not staff."""
    first, last = person_names(rng, count)
    return first + " " + last


def volunteer_presenters(rng: np.random.Generator) -> pd.DataFrame:
    """Volunteers who lead clubs and classes for free."""
    specialties = list(VOLUNTEER_SPECIALTY)
    specialty = specialties + list(rng.choice(specialties, VOLUNTEER_PRESENTERS - len(specialties)))
    return pd.DataFrame({"presenter_name": named_people(rng, VOLUNTEER_PRESENTERS), "presenter_type": "volunteer",
                         "specialty": specialty, "fee_per_session": 0.0, "staff_id": None, "partner_id": None})


def performer_presenters(rng: np.random.Generator) -> pd.DataFrame:
    """Paid performers and instructors, with lognormal fees around $300 a session."""
    names = [act for act, _, _ in PERFORMERS] + list(named_people(rng, len(PERFORMER_PEOPLE)))
    specialty = [s for _, s, _ in PERFORMERS] + [s for s, _ in PERFORMER_PEOPLE]
    fee = PERFORMER_FEE_MEDIAN * rng.lognormal(0, PERFORMER_FEE_SIGMA, len(names))
    fee = np.clip(np.round(fee / 25) * 25, 75, PERFORMER_FEE_MAX)
    fee[int(np.argmax(fee))] = PERFORMER_FEE_MAX  # one touring show at the top of the published range
    return pd.DataFrame({"presenter_name": names, "presenter_type": "paid performer", "specialty": specialty,
                         "fee_per_session": round_cents(fee), "staff_id": None, "partner_id": None})


def author_presenters(rng: np.random.Generator) -> pd.DataFrame:
    """Visiting authors with honoraria from $500 to $2,500."""
    low, high = AUTHOR_FEE_RANGE
    fee = np.round(rng.uniform(low, high, len(AUTHOR_SPECIALTY)) / 50) * 50
    return pd.DataFrame({"presenter_name": named_people(rng, len(AUTHOR_SPECIALTY)), "presenter_type": "author",
                         "specialty": AUTHOR_SPECIALTY, "fee_per_session": round_cents(fee),
                         "staff_id": None, "partner_id": None})


def partner_presenters(rng: np.random.Generator, partners: pd.DataFrame) -> pd.DataFrame:
    """Staff of partner organizations who lead sessions at no cost to the library."""
    hosts = partners[partners.interaction_level.ne("promote")]
    chosen = hosts.iloc[np.sort(rng.choice(len(hosts), PARTNER_STAFF_PRESENTERS, replace=False))]
    return pd.DataFrame({"presenter_name": named_people(rng, len(chosen)), "presenter_type": "partner staff",
                         "specialty": [PARTNER_SPECIALTY[t][0] for t in chosen.partner_type],
                         "fee_per_session": 0.0, "staff_id": None, "partner_id": chosen.partner_id.to_numpy()})


def presenter_categories(presenters: pd.DataFrame) -> pd.Series:
    """The program categories each presenter leads, from their type and specialty (used by programs.py)."""
    by_specialty = {s: c for s, c in STAFF_SPECIALTY.values()}
    by_specialty |= VOLUNTEER_SPECIALTY | {s: c for _, s, c in PERFORMERS} | dict(PERFORMER_PEOPLE)
    by_specialty |= {s: AUTHOR_CATEGORIES for s in AUTHOR_SPECIALTY} | dict(PARTNER_SPECIALTY.values())
    return presenters.specialty.map(by_specialty)


def generate(rng: np.random.Generator, world: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """The staff, partners and presenters tables."""
    staff = make_staff(rng)
    partners = make_partners(rng, staff)
    presenters = make_presenters(rng, staff, partners)
    return {"staff": staff, "partners": partners, "presenters": presenters}
