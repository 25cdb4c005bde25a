"""What Wrenfield holds, what people wait for and ask about, and how programs moved borrowing (module 02).

Four tables for the Content Knowledge module, all about the ten adult nonfiction subjects of
circulation_by_subject (picture books and graphic novels are left out):

- collection_titles: every title in those subjects, held or on order, with copies, copies on the shelf,
  active holds and FY2025 checkouts, as an ILS report run on 1 September 2025;
- desk_questions: the reference desks' monthly tally of subject questions, by branch and topic;
- program_subjects: which subject each adult program of program_sessions draws on, and whether staff set
  up a book display with a reading list at it;
- program_checkouts: weekly checkouts of a program's subject at the branch that hosted it and at the other
  five branches, four weeks before and four weeks after the program.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from autograder.world.collections import expected_checkouts
from autograder.world.common import BRANCH_IDS, FY_START, WORLD_END, WORLD_START, person_names, program_summary

SNAPSHOT = pd.Timestamp("2025-09-01")   # the day the holds and availability report was run
NONFICTION = ("Cooking & food 641", "Gardening 635", "Health & fitness 613", "Personal finance 332",
              "Computers & technology 004", "Local history 977", "Crafts & hobbies 745", "Parenting 649",
              "Languages 420-490", "Job & career 650")

# ==== collection_titles ================================================================================
# Works held per subject (assumption: enough for a suburban system's adult nonfiction in these call-number ranges,
# a few of them in several editions; with copies below, a copy goes out about four to eight times a year, as
# well-used nonfiction in a floating collection can).
WORKS = {"Cooking & food 641": 470, "Gardening 635": 190, "Health & fitness 613": 200, "Personal finance 332": 170,
         "Computers & technology 004": 150, "Local history 977": 120, "Crafts & hobbies 745": 170,
         "Parenting 649": 100, "Languages 420-490": 150, "Job & career 650": 85}
COPIES_PER_APPEAL = {"print": 3.5, "ebook": 1.8, "eaudiobook": 1.8, "large print": 1.8}
# Share of works with an e-book licence, an e-audiobook licence and a large-print edition (assumptions:
# fast-dating, text-heavy subjects are bought as e-books; crafts, cooking and local history stay in print).
EBOOK = {"Cooking & food 641": 0.30, "Gardening 635": 0.25, "Health & fitness 613": 0.50, "Personal finance 332": 0.55,
         "Computers & technology 004": 0.60, "Local history 977": 0.05, "Crafts & hobbies 745": 0.15,
         "Parenting 649": 0.50, "Languages 420-490": 0.35, "Job & career 650": 0.50}
EAUDIO = {"Health & fitness 613": 0.20, "Personal finance 332": 0.25, "Languages 420-490": 0.40,
          "Parenting 649": 0.15, "Job & career 650": 0.15}
EAUDIO_OTHER = 0.04
LARGE_PRINT = {"Health & fitness 613": 0.10, "Personal finance 332": 0.12, "Local history 977": 0.06,
               "Cooking & food 641": 0.04, "Gardening 635": 0.05, "Crafts & hobbies 745": 0.03}
FORMAT_PULL = {"print": 1.0, "ebook": 0.55, "eaudiobook": 0.35, "large print": 0.25}
# How fast a subject's interest fades with a book's age, in years (assumption: money, health and technology
# date quickly; local history hardly at all).
FADE_YEARS = {"Personal finance 332": 6.0, "Computers & technology 004": 5.0, "Health & fitness 613": 8.0,
              "Job & career 650": 7.0, "Parenting 649": 10.0, "Languages 420-490": 14.0, "Cooking & food 641": 12.0,
              "Gardening 635": 16.0, "Crafts & hobbies 745": 16.0, "Local history 977": 50.0}
APPEAL_SPREAD = 0.75                 # lognormal spread of a title's pull: a few favourites, a long tail
OLDEST_YEAR = 1998
ORDINAL = {2: "2nd", 3: "3rd", 4: "4th", 5: "5th", 6: "6th", 7: "7th", 8: "8th", 9: "9th"}
# Active holds per copy over the subject on 1 September 2025 (assumptions: new money, health and AI books are
# in demand; gardening is out of season in September; local history is browsed, not reserved).
HOLDS_PER_COPY = {"Personal finance 332": 0.52, "Computers & technology 004": 0.38, "Health & fitness 613": 0.28,
                  "Parenting 649": 0.20, "Cooking & food 641": 0.15, "Job & career 650": 0.10,
                  "Languages 420-490": 0.08, "Gardening 635": 0.055, "Crafts & hobbies 745": 0.035,
                  "Local history 977": 0.015}
NEW_TITLE_PULL = {2025: 5.0, 2024: 2.0}   # this year's titles draw most of the holds (assumption) ...
NEW_TITLE_COPIES = 0.35                   # ... while copies were bought before the demand showed
ON_ORDER = {"Personal finance 332": 9, "Computers & technology 004": 8, "Health & fitness 613": 6,
            "Cooking & food 641": 5, "Parenting 649": 3, "Job & career 650": 2, "Gardening 635": 2,
            "Crafts & hobbies 745": 2, "Languages 420-490": 1, "Local history 977": 1}
FY2025_SHARE_OF_SUBJECT = 1.0   # the titles' FY2025 checkouts add up to the subject's FY2025 total
UNIQUE_ABOVE = 3                # within a subject, no two titles share a checkout count above this

TITLE_PARTS = {
    "Cooking & food 641": (
        ["The Weeknight Kitchen", "Simply Soup", "One-Pan Suppers", "The Bread Book", "Salt and Smoke",
         "The Plant-Forward Table", "Sheet Pan Magic", "The Home Canner", "Spice Routes", "Dinner in Thirty",
         "The Slow Cooker Year", "Baking Basics", "Noodles Every Way", "The Budget Pantry", "Tacos Tonight",
         "Grandmother's Table", "Cast Iron Cooking", "The Vegetable Butcher", "Ferment It", "Sunday Roast",
         "Small Plates", "The Lunchbox Book", "Feeding a Crowd", "Quick Breads", "The Air Fryer Cookbook",
         "Pies and Tarts", "The Instant Pot Table", "Healthy Eating on a Budget", "Rice and Beans",
         "Cookies for Every Season", "The Grill Master", "Holiday Baking", "Vegan Comfort Food", "Knife Skills"],
        ["Recipes for Every Day", "A Cookbook", "Simple Meals for Busy Families", "100 Recipes",
         "Cooking from the Garden", "Flavors from Home", "Techniques and Recipes", "Easy and Delicious",
         "A Beginner's Guide", "Feeding Your Family Well", "Seasonal Recipes", "Classic and New"]),
    "Gardening 635": (
        ["The Raised Bed Garden", "Grow Your Own Vegetables", "The Pollinator Garden", "Tomatoes Everywhere",
         "The Small-Space Gardener", "Native Plants", "The Seed Saver's Handbook", "Compost Happens",
         "The Shade Garden", "Herbs for the Kitchen", "The No-Dig Garden", "Container Gardening",
         "The Backyard Orchard", "Roses for Beginners", "The Four-Season Harvest", "Square Foot Gardening",
         "The Water-Wise Garden", "Perennials Made Easy", "Houseplant Care", "The Bee-Friendly Yard"],
        ["A Practical Guide", "Growing Food at Home", "Year-Round Success", "For the Mid-Atlantic Gardener",
         "Planning, Planting and Harvest", "Simple Steps", "A Complete Guide", "Beautiful and Productive"]),
    "Health & fitness 613": (
        ["Strong at Any Age", "Walking for Health", "The Anti-Inflammation Plan", "Sleep Better",
         "Yoga for Everyone", "The Heart Health Handbook", "Eat to Beat Diabetes", "Move More, Sit Less",
         "The Balance Book", "Stretching Basics", "Mindful Eating", "The Blood Pressure Solution",
         "Chair Exercises", "The Protein Question", "Fit After Fifty", "Tai Chi for Health",
         "The Weight-Loss Medicine Guide", "Gut Health", "Running for Beginners", "Healthy Aging"],
        ["A Practical Program", "What the Science Says", "A Guide for Beginners", "Simple Steps to Feel Better",
         "A Six-Week Plan", "Your Questions Answered", "Exercises and Advice", "For a Longer Life"]),
    "Personal finance 332": (
        ["Your Money Plan", "Retire with Confidence", "The Credit Score Handbook", "Taxes Made Simple",
         "Medicare Made Clear", "The First-Time Homebuyer", "Budgeting Basics", "Debt-Free Living",
         "Investing for Beginners", "The Estate Planning Guide", "Social Security Explained",
         "Money for Couples", "The Frugal Family", "Saving for College", "Index Funds Explained",
         "Protect Yourself from Scams", "Your First Budget", "Financial Recovery"],
        ["A Step-by-Step Guide", "What You Need to Know", "Plain Answers", "Planning for the Years Ahead",
         "Tools for Every Stage of Life", "A Workbook", "Making Smart Choices", "For Beginners"]),
    "Computers & technology 004": (
        ["AI for Everyone", "Your Smartphone Made Easy", "Spreadsheets for Beginners", "Staying Safe Online",
         "Coding for Grown-Ups", "Understanding ChatGPT", "The Tablet Guide", "Learning Python",
         "Cybersecurity Basics", "The Digital Photo Book", "Cloud Storage Explained", "Web Design Basics",
         "Windows Step by Step", "The Chromebook Handbook", "Privacy in the Digital Age", "Canva Made Simple"],
        ["A Plain-English Guide", "For Seniors", "Step by Step", "A Beginner's Handbook", "What It Can and Can't Do",
         "The Missing Manual", "Getting Started", "Tips and Tricks"]),
    "Local history 977": (
        ["Wrenfield County", "The Harbor Point Lighthouse", "Main Street Memories", "Fernvale Farms",
         "The Oak Ridge Mill", "Eastgate Then and Now", "The Railroad Comes to Wrenfield", "Millbrook Remembered",
         "Voices of the Harbor", "The County Fair", "Schools of Wrenfield", "Churches of the County",
         "The Great Flood", "Wrenfield at War", "Immigrant Stories of the County"],
        ["A Pictorial History", "1850-1950", "An Oral History", "Photographs from the Archives", "A Walking Tour",
         "Stories of a Small Town", "A Centennial History"]),
    "Crafts & hobbies 745": (
        ["Knitting Basics", "Crochet Made Easy", "The Quilter's Handbook", "Paper Crafts", "Candle Making",
         "Calligraphy Step by Step", "Visible Mending", "Sewing for Beginners", "Embroidery Stitches",
         "Woodworking for Beginners", "The Watercolor Book", "Scrapbooking Ideas", "Macrame Projects",
         "Pottery at Home", "Holiday Crafts", "Beading Basics", "Photography Get Off Auto", "Origami for All"],
        ["Projects for Beginners", "Techniques and Projects", "A Step-by-Step Guide", "20 Easy Projects",
         "Make It Yourself", "Patterns and Ideas", "For Every Season", "Handmade Gifts"]),
    "Parenting 649": (
        ["The Whole-Brain Child", "Toddler Years", "Raising Readers", "Sleep Solutions for Babies",
         "The Teen Years", "Calm Parents", "Screen Time", "Picky Eaters", "The Bilingual Family",
         "Potty Training", "Big Feelings", "Parenting a Child with ADHD", "The First Year", "Sibling Peace"],
        ["A Guide for Parents", "What Every Parent Should Know", "Strategies That Work", "Ages 0 to 5",
         "Practical Advice", "Raising Happy Kids"]),
    "Languages 420-490": (
        ["Spanish for Beginners", "English Grammar in Use", "Everyday Vietnamese", "French Phrasebook",
         "Conversational Mandarin", "Learn Arabic", "Easy English", "German Made Simple", "Korean Step by Step",
         "Tagalog Phrasebook", "Italian in 10 Minutes a Day", "ESL Conversation", "American Sign Language",
         "Portuguese for Travelers", "Japanese for Beginners", "Citizenship English"],
        ["A Complete Course", "Phrases and Vocabulary", "With Audio", "For Adult Learners", "Speak with Confidence",
         "Practice Book", "Level 1", "Level 2"]),
    "Job & career 650": (
        ["Resumes That Work", "The Job Interview", "Starting a Small Business", "Change Careers at Any Age",
         "Networking for Introverts", "The Remote Work Guide", "Writing a Business Plan", "Working for Yourself",
         "LinkedIn Basics", "The Cover Letter", "Your Next Job", "Managing People"],
        ["A Practical Guide", "Landing the Job You Want", "Step by Step", "From Idea to Opening",
         "Tools for Job Seekers", "What Employers Want"]),
}

# ==== desk_questions ===================================================================================
# FY2025 subject questions answered at the reference desks, system-wide, per topic (assumptions, about a
# quarter of monthly_stats' reference questions: the rest are directional, technology help and other).
DESK_TOPICS = {
    "Cooking & food": ("Cooking & food 641", 260), "Gardening": ("Gardening 635", 430),
    "Health & fitness": ("Health & fitness 613", 390), "Personal finance": ("Personal finance 332", 720),
    "Computers & technology": ("Computers & technology 004", 560), "Local history": ("Local history 977", 690),
    "Crafts & hobbies": ("Crafts & hobbies 745", 240), "Parenting": ("Parenting 649", 410),
    "Languages": ("Languages 420-490", 300), "Job & career": ("Job & career 650", 570),
    "Home repair": (None, 230), "Legal help": (None, 480), "Citizenship & immigration": (None, 350),
    "Mental health": (None, 210),
}
DESK_SEASON = {"Gardening": {2: 1.4, 3: 1.9, 4: 2.0, 5: 1.5, 11: 0.5, 12: 0.4, 1: 0.6},
               "Personal finance": {1: 1.6, 2: 2.0, 3: 2.0, 4: 1.6, 10: 1.2, 11: 1.1, 12: 0.6},
               "Job & career": {1: 1.4, 9: 1.3, 12: 0.6},
               "Health & fitness": {1: 1.5, 12: 0.7},
               "Citizenship & immigration": {}, "Cooking & food": {11: 1.4, 12: 1.3},
               "Home repair": {4: 1.3, 5: 1.3, 10: 1.2, 12: 0.6}, "Legal help": {}}
DESK_BRANCH = {"CEN": 0.40, "EAS": 0.18, "MIL": 0.14, "HAR": 0.14, "OAK": 0.09, "FER": 0.05}  # ~ monthly_stats
DESK_TASTE = {"CEN": {"Local history": 1.8, "Legal help": 1.5, "Job & career": 1.3},
              "EAS": {"Citizenship & immigration": 2.2, "Languages": 1.6},
              "MIL": {"Parenting": 1.6, "Personal finance": 1.2},
              "FER": {"Gardening": 1.8, "Local history": 1.4, "Home repair": 1.5}}
DESK_FY2024 = 0.96
# Tally sheets never returned: every topic of that branch-month is empty (assumption, a familiar gap).
SHEETS_NOT_RETURNED = (("FER", "2024-12"), ("OAK", "2025-03"), ("FER", "2025-05"))

# ==== program_subjects =================================================================================
# The subject collection each adult program draws on, by the words of its title (first match wins).
PROGRAM_SUBJECT = (
    ("Canning", "Cooking & food 641"), ("Teaching Kitchen: Healthy", "Cooking & food 641"),
    ("Teaching Kitchen: Knife", "Cooking & food 641"),
    ("Gardening", "Gardening 635"), ("Seed Library", "Gardening 635"), ("Composting", "Gardening 635"),
    ("Beekeeping", "Gardening 635"),
    ("Heart Health", "Health & fitness 613"), ("Diabetes", "Health & fitness 613"), ("Zumba", "Health & fitness 613"),
    ("Walk & Talk", "Health & fitness 613"), ("Chair Yoga", "Health & fitness 613"), ("Tai Chi", "Health & fitness 613"),
    ("Credit Score", "Personal finance 332"), ("Tax Season", "Personal finance 332"), ("Estate Planning", "Personal finance 332"),
    ("Homebuyer", "Personal finance 332"), ("Medicare", "Personal finance 332"),
    ("Smartphone", "Computers & technology 004"), ("Libby", "Computers & technology 004"),
    ("AI Chatbots", "Computers & technology 004"), ("Online Scams", "Computers & technology 004"),
    ("Computer Basics", "Computers & technology 004"), ("Spreadsheets", "Computers & technology 004"),
    ("Canva", "Computers & technology 004"), ("Zoom Basics", "Computers & technology 004"),
    ("3D Printing", "Computers & technology 004"),
    ("Local History Talk", "Local history 977"), ("Genealogy", "Local history 977"), ("Museum Talk", "Local history 977"),
    ("Paper Flower", "Crafts & hobbies 745"), ("Calligraphy", "Crafts & hobbies 745"), ("Knit & Crochet", "Crafts & hobbies 745"),
    ("Quilting", "Crafts & hobbies 745"), ("Candle Making", "Crafts & hobbies 745"), ("Card Making", "Crafts & hobbies 745"),
    ("Mending Cafe", "Crafts & hobbies 745"), ("Photography", "Crafts & hobbies 745"),
    ("English Conversation", "Languages 420-490"), ("Conversation Cafe", "Languages 420-490"),
    ("Job Search", "Job & career 650"), ("Small Business", "Job & career 650"),
)
ADULT_AUDIENCES = {"adults", "older adults", "all ages"}
# Chance that staff set up a book display with a reading list at a program (assumption: the habit is strongest
# for the hands-on spring and harvest topics, and rare for technology classes in a computer lab).
DISPLAY_CHANCE = {"Gardening 635": 0.70, "Cooking & food 641": 0.55, "Personal finance 332": 0.50,
                  "Crafts & hobbies 745": 0.45, "Local history 977": 0.45, "Health & fitness 613": 0.35,
                  "Job & career 650": 0.40, "Computers & technology 004": 0.25, "Languages 420-490": 0.20}
# ... and staff reach for a display when the subject is coming into season (its borrowing rises from the four
# weeks before the program to the four after by more than IN_SEASON): a real habit that flatters displays.
IN_SEASON = 1.08
IN_SEASON_EXTRA = 0.60
OUT_OF_SEASON = 0.95                 # ... and rarely when it is going out of season
OUT_OF_SEASON_CUT = 0.30

# ==== program_checkouts ================================================================================
WEEKS = tuple(range(-4, 4))          # four weeks before the program (-4..-1) and four from its day (0..3)
MAX_SESSIONS = 4                     # one-off programs and short series only
PRINT_SHARE = 0.85                   # the weekly report counts print items only (e-books are not by branch)
# The lift a program gives its subject's checkouts at the host branch, in the week of the program and the
# three after (assumption; displays put the books in people's hands).
LIFT_DISPLAY = (0.17, 0.06)          # mean and spread of the peak lift with a display
LIFT_NO_DISPLAY = (0.12, 0.06)       # ... without one
LIFT_DECAY = (1.0, 0.7, 0.45, 0.25)
WEEKLY_DISPERSION = 200.0            # week-to-week wobble of about 7% on large counts, Poisson on small ones


def subject_of(title: str) -> str | None:
    """The subject collection a program title draws on, or None."""
    return next((subject for words, subject in PROGRAM_SUBJECT if words in title), None)


def build_titles(rng: np.random.Generator, circulation: pd.DataFrame) -> pd.DataFrame:
    fy25 = circulation[circulation.fiscal_year.eq(2025)].groupby("subject").checkouts.sum()
    rows = []
    for subject in NONFICTION:
        heads, subs = TITLE_PARTS[subject]
        combos = [(h, s) for h in heads for s in subs]
        count = WORKS[subject]
        picks = rng.choice(len(combos), size=min(count, len(combos)), replace=False)
        names = [f"{combos[p][0]}: {combos[p][1]}" for p in picks]
        years = OLDEST_YEAR + np.floor((2025.999 - OLDEST_YEAR) * rng.beta(2.2, 1.0, size=count)).astype(int)
        first, last = person_names(rng, count)
        authors = [f"{f} {l}" for f, l in zip(first, last)]
        for extra in range(len(names), count):   # more works than names: a newer edition of an earlier work
            base = int(rng.integers(len(picks)))
            edition = 2 + sum(n.startswith(names[base] + " (") for n in names)
            names.append(f"{names[base]} ({ORDINAL.get(edition, f'{edition}th')} edition)")
            authors[extra] = authors[base]
            years[extra] = max(years[extra], years[base] + 2)
        years = np.minimum(years, 2025)
        appeal = rng.lognormal(0.0, APPEAL_SPREAD, size=count) * np.exp(-(2025 - years) / FADE_YEARS[subject])
        for i in range(count):
            formats = ["print"]
            if rng.random() < EBOOK[subject] * (1.0 if years[i] >= 2012 else 0.3):
                formats.append("ebook")
            if rng.random() < EAUDIO.get(subject, EAUDIO_OTHER) * (1.0 if years[i] >= 2012 else 0.3):
                formats.append("eaudiobook")
            if rng.random() < LARGE_PRINT.get(subject, 0.0) * (2.0 if appeal[i] > 1.5 else 0.6):
                formats.append("large print")
            for fmt in formats:
                rows.append({"subject": subject, "title": names[i], "author": authors[i],
                             "format": fmt, "pub_year": int(years[i]), "appeal": appeal[i] * FORMAT_PULL[fmt]})
        for j in range(ON_ORDER[subject]):
            head, sub = combos[rng.integers(len(combos))]
            f, l = person_names(rng, 1)
            fmt = "print" if rng.random() < 0.7 else "ebook"
            rows.append({"subject": subject, "title": f"{head}: {sub} (2026 edition)", "author": f"{f[0]} {l[0]}",
                         "format": fmt, "pub_year": 2025, "appeal": -1.0})
    titles = pd.DataFrame(rows)
    titles = titles.drop_duplicates(["title", "format"], keep="first").reset_index(drop=True)
    on_order = titles.appeal.lt(0)

    # Copies: one for most, more for appealing recent titles; licences for e-books (assumption).
    bought = np.where(titles.pub_year.eq(2025), NEW_TITLE_COPIES, 1.0)   # this year's titles: bought before demand
    copies = 1 + rng.poisson(np.clip(titles.appeal, 0, None) * titles.format.map(COPIES_PER_APPEAL).to_numpy() * bought)
    copies = np.where(titles.format.eq("large print"), np.minimum(copies, 2), copies)
    copies = np.where(on_order, 0, copies)
    titles["copies"] = copies.astype(int)

    # FY2025 checkouts: each subject's FY2025 total from circulation_by_subject shared out by appeal x copies.
    titles["checkouts_fy2025"] = 0
    for subject in NONFICTION:
        here = titles.subject.eq(subject) & ~on_order & titles.pub_year.le(2025)
        weight = (titles.loc[here, "appeal"] * np.sqrt(titles.loc[here, "copies"])).to_numpy()
        weight = weight * np.where(titles.loc[here, "pub_year"].eq(2025), 0.5, 1.0)  # bought during the year
        total = int(round(fy25[subject] * FY2025_SHARE_OF_SUBJECT))
        counts = rng.multinomial(total, weight / weight.sum())
        titles.loc[here, "checkouts_fy2025"] = unique_top(counts)

    # Active holds on 1 September 2025: concentrated on the most wanted titles, scaled to the subject's
    # assumed holds per copy; on-order titles collect holds too.
    titles["holds"] = 0
    for subject in NONFICTION:
        here = titles.subject.eq(subject)
        want = np.where(on_order[here], 4.0, titles.loc[here, "appeal"] ** 1.6
                        * titles.loc[here, "pub_year"].map(NEW_TITLE_PULL).fillna(1.0).to_numpy())
        target = HOLDS_PER_COPY[subject] * titles.loc[here, "copies"].sum()
        titles.loc[here, "holds"] = rng.poisson(want / want.sum() * target)

    # On the shelf: none while holds wait; otherwise each copy is out with a chance that grows with demand.
    out_chance = np.clip(0.25 + 0.12 * np.log1p(np.clip(titles.appeal, 0, None)), 0.05, 0.9)
    out = rng.binomial(titles.copies.to_numpy(), out_chance)
    titles["available"] = np.where(titles.holds.gt(0), 0, titles.copies - out).astype(int)

    titles = titles.sort_values(["subject", "title", "format"], ignore_index=True)
    titles.insert(0, "title_id", [f"T{n:05d}" for n in range(1, len(titles) + 1)])
    return titles[["title_id", "title", "author", "subject", "format", "pub_year", "copies", "available", "holds",
                   "checkouts_fy2025"]]


def unique_top(counts: np.ndarray) -> np.ndarray:
    """The same total, but no two titles share a count above UNIQUE_ABOVE (so 'most borrowed' has no ties): of two
    tied titles, one lends a checkout to the other. Each step spreads the counts, so the loop ends."""
    counts = counts.copy()
    while True:
        order = np.argsort(-counts, kind="stable")
        ranked = counts[order]
        clash = np.flatnonzero((ranked[1:] == ranked[:-1]) & (ranked[1:] > UNIQUE_ABOVE))
        if clash.size == 0:
            return counts
        counts[order[clash[0]]] += 1
        counts[order[clash[0] + 1]] -= 1


def build_desk(rng: np.random.Generator) -> pd.DataFrame:
    rows = []
    for year in (2024, 2025):
        for step in range(12):
            start = FY_START[year] + pd.DateOffset(months=step)
            month = start.strftime("%Y-%m")
            for topic, (subject, annual) in DESK_TOPICS.items():
                season = DESK_SEASON.get(topic, {})
                shape = np.array([season.get(m, 1.0) for m in range(1, 13)])
                factor = season.get(start.month, 1.0) / shape.mean()
                taste = np.array([DESK_BRANCH[b] * DESK_TASTE.get(b, {}).get(topic, 1.0) for b in BRANCH_IDS])
                taste = taste / taste.sum()
                expected = annual / 12 * factor * taste * (DESK_FY2024 if year == 2024 else 1.0)
                counts = rng.poisson(expected)
                for branch, count in zip(BRANCH_IDS, counts):
                    rows.append({"fiscal_year": year, "month": month, "branch_id": branch, "topic": topic,
                                 "subject": subject, "questions": float(count)})
    desk = pd.DataFrame(rows)
    for branch, month in SHEETS_NOT_RETURNED:
        desk.loc[desk.branch_id.eq(branch) & desk.month.eq(month), "questions"] = np.nan
    desk["questions"] = desk["questions"].astype("Int64")
    return desk.sort_values(["month", "branch_id", "topic"], ignore_index=True)


def weekly_expected() -> pd.Series:
    """Expected weekly print checkouts by (month, branch_id, subject), from circulation_by_subject's model."""
    grid = expected_checkouts()
    days = pd.to_datetime(grid.month + "-01").dt.days_in_month
    grid["weekly"] = grid.expected / days * 7 * PRINT_SHARE
    return grid.set_index(["month", "branch_id", "subject"]).weekly


def expected_weeks(weekly: pd.Series, day: pd.Timestamp, branch: str, subject: str) -> list[tuple[float, float]]:
    """(host, other branches) expected checkouts for each week of WEEKS around `day`, before any program lift."""
    found = []
    for week in WEEKS:
        month = (day + pd.Timedelta(weeks=week, days=3)).strftime("%Y-%m")
        if (month, branch, subject) not in weekly.index:
            month = day.strftime("%Y-%m")
        host = weekly[(month, branch, subject)]
        other = sum(weekly[(month, b, subject)] for b in BRANCH_IDS if b != branch)
        found.append((host, other))
    return found


def season_rise(weekly: pd.Series, row: pd.Series) -> float:
    """How much the subject's expected borrowing rises from the four weeks before the program to the four after."""
    weeks = expected_weeks(weekly, row.first_date, row.branch_id, row.subject)
    return sum(h for h, _ in weeks[4:]) / sum(h for h, _ in weeks[:4])


def build_program_subjects(rng: np.random.Generator, world: dict, weekly: pd.Series) -> tuple[pd.DataFrame,
                                                                                              pd.DataFrame]:
    programs = program_summary(world)
    programs["subject"] = programs.program_title.map(subject_of)
    mapped = programs[programs.subject.notna() & programs.audience.isin(ADULT_AUDIENCES)].copy()
    short = mapped.sessions.le(MAX_SESSIONS).to_numpy()
    rise = np.array([season_rise(weekly, row) for _, row in mapped.iterrows()])
    chance = (mapped.subject.map(DISPLAY_CHANCE).to_numpy() + np.where(rise > IN_SEASON, IN_SEASON_EXTRA, 0.0)
              - np.where(rise < OUT_OF_SEASON, OUT_OF_SEASON_CUT, 0.0))
    mapped["book_display"] = short & (rng.random(len(mapped)) < chance)
    table = mapped.reset_index()[["program_id", "program_title", "branch_id", "subject", "book_display"]]
    return table.sort_values("program_id", ignore_index=True), mapped


def studied_programs(mapped: pd.DataFrame) -> pd.DataFrame:
    """Short programs whose first session was held, with four clear weeks each side inside the two years, and no
    other short program of the same subject at the same branch within four weeks of it."""
    pool = mapped[mapped.sessions.le(MAX_SESSIONS) & mapped.first_held_date.notna()
                  & mapped.first_held_date.eq(mapped.first_date)].copy()
    pool["day"] = pool.first_held_date
    inside = (pool.day - pd.Timedelta(weeks=4) >= WORLD_START) & (pool.day + pd.Timedelta(weeks=4) <= WORLD_END)
    pool = pool[inside]
    keep = []
    for program_id, row in pool.iterrows():
        near = pool[(pool.subject == row.subject) & (pool.branch_id == row.branch_id) & (pool.index != program_id)
                    & ((pool.day - row.day).abs() < pd.Timedelta(weeks=4))]
        if near.empty:
            keep.append(program_id)
    return pool.loc[keep]


def build_program_checkouts(rng: np.random.Generator, studied: pd.DataFrame, weekly: pd.Series) -> pd.DataFrame:
    rows = []
    for program_id, row in studied.sort_index().iterrows():
        mean, spread = LIFT_DISPLAY if row.book_display else LIFT_NO_DISPLAY
        peak = max(rng.normal(mean, spread), -0.05)
        for week, (host, other) in zip(WEEKS, expected_weeks(weekly, row.day, row.branch_id, row.subject)):
            if week >= 0:
                host *= 1 + peak * LIFT_DECAY[week]
            host_n = rng.poisson(rng.gamma(WEEKLY_DISPERSION, host / WEEKLY_DISPERSION))
            other_n = rng.poisson(rng.gamma(WEEKLY_DISPERSION, other / WEEKLY_DISPERSION))
            rows.append({"program_id": program_id, "week": week,
                         "week_start": (row.day + pd.Timedelta(weeks=week)).strftime("%Y-%m-%d"),
                         "host_checkouts": int(host_n), "other_checkouts": int(other_n)})
    return pd.DataFrame(rows)


def generate(rng: np.random.Generator, world: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """collection_titles, desk_questions, program_subjects and program_checkouts.

    Each table draws from a stream of its own, spawned from this generator's, so that changing one leaves the
    others as they were."""
    title_rng, desk_rng, program_rng = rng.spawn(3)
    titles = build_titles(title_rng, world["circulation_by_subject"])
    desk = build_desk(desk_rng)
    weekly = weekly_expected()
    subjects, mapped = build_program_subjects(program_rng, world, weekly)
    checkouts = build_program_checkouts(program_rng, studied_programs(mapped), weekly)
    return {"collection_titles": titles, "desk_questions": desk, "program_subjects": subjects,
            "program_checkouts": checkouts}
