"""Wrenfield's email sends (with subject-line A/B tests) and its Facebook and Instagram posts."""
from __future__ import annotations

import numpy as np
import pandas as pd

from autograder.world.common import (BRANCH_NAMES, CLOSED_DATES, WORLD_END, WORLD_START, make_ids,
                                     program_summary, weighted_choice)

# ---- email --------------------------------------------------------------------------------------
# LibraryAware's Library Email Marketing Benchmarks Annual Report 2025: 377,000+ library sends, 1 July 2024 to
# 30 June 2025 (FACTS.md, Outreach and marketing). The report gives averages: open rate 49.67% ("of total
# subscribers"), click-to-open 2.24%, list growth 11.03% ("new subscribers who opt into an email list", so
# sign-ups, not net growth), bounce 0.46%, unsubscribe 0.98%.
OPEN_RATE = 0.4967
CLICK_TO_OPEN = 0.0224
BOUNCE_RATE = 0.0046
UNSUBSCRIBE_RATE = 0.0015       # per email delivered (assumption): well below LibraryAware's average of 0.98%,
                                # which, sent to every address some 30 times a year, would empty a list in three
HARD_BOUNCE_SHARE = 0.1         # ordinary bounces that are permanent (the address is removed); the rest are a
                                # full mailbox or a server down for the day (assumption)
NEW_SUBSCRIBERS = 0.1103        # new opt-ins a year, as a share of the starting list (LibraryAware's "growth")
LIST_SIZE_START = 11_800        # addresses on 1 July 2023: about 10% of residents, as in the ~15,000-people
                                # library with ~1,500 addresses (FACTS.md)
# When the catalogue system changed, old addresses from lapsed card records were added to the list in one go:
# most no longer worked, so the next sends bounced heavily until the bounced addresses were removed (assumption).
STALE_IMPORT = pd.Timestamp("2024-09-23")
STALE_ADDRESSES = 2_300
STALE_BOUNCE = 0.85             # share of the imported addresses that bounce
OPEN_RATE_SD = 0.035            # send-to-send spread of the open rate (assumption)
CTO_SPREAD = 0.35               # lognormal sigma of click-to-open between sends (assumption)
OPEN_RATE_BY_TYPE = {"monthly newsletter": 0.0, "program promotion": -0.02, "youth services": 0.005,
                     "adult services": -0.005, "announcement": 0.015}   # offsets, assumptions
SEGMENT_SHARE = {"monthly newsletter": (1.0, 1.0), "announcement": (1.0, 1.0), "youth services": (0.3, 0.4),
                 "adult services": (0.4, 0.5), "program promotion": (0.08, 0.35)}
SENDS = {"program promotion": 54, "youth services": 22, "adult services": 22}  # over the two years
NEWSLETTER_WEEKDAY = 1          # first Tuesday of the month ...
NEWSLETTER_HOUR = 10            # ... at 10:00
PROMOTION_DAYS_BEFORE = (5, 15)
AB_PROMOTION_DAYS_BEFORE = 12   # a tested promotion goes out this many days before the program's first session
SEND_HOURS = {7: 1, 8: 2, 9: 3, 10: 3, 11: 2, 12: 2, 13: 1, 14: 2, 15: 1, 16: 1, 17: 1, 19: 1}

# Ten A/B tests of subject lines on random halves of one send, in time order (AB01 ... AB10). Each: campaign type,
# when (a month "YYYY-MM" for roundups and newsletters; for a program promotion, the program's title and the first
# day on or after which its first session falls), subject A, subject B, true open-rate lift of B in points, share
# of the list the send went to. Lifts are assumptions: clear wins and a clear loss, modest real effects that a
# test of this size cannot pin down, and no effect at all.
AB_TESTS = [
    ("monthly newsletter", "2023-10", "October at Wrenfield County Public Library",
     "13 free things to do at the library this October", 0.060, 1.0),
    ("program promotion", ("Author Talk: Beatriz Novak", "2024-01-01"), "Author talk: register now",
     "Meet the author before the book hits shelves", 0.0, 0.14),
    ("monthly newsletter", "2024-01", "Your January library newsletter", "New year, new skills: free classes start Jan. 9",
     0.055, 1.0),
    ("youth services", "2024-03", "Spring break at the library", "Spring break plans? We've got 20 free ones",
     0.008, 0.35),
    ("program promotion", ("Teaching Kitchen: Knife Skills", "2024-04-01"), "Teaching Kitchen: Knife Skills",
     "Cook faster and safer: free knife skills class", -0.004, 0.10),
    ("adult services", "2024-05", "Tech help and classes in May", "Still stuck on your new phone? We can help",
     0.050, 0.45),
    ("program promotion", ("Medicare 101", "2024-11-01"), "Medicare 101 at Central Library",
     "Turning 65? Medicare questions answered", 0.012, 0.12),
    ("monthly newsletter", "2024-11", "November at the library", "What's new at your library this month",
     -0.045, 1.0),
    ("youth services", "2025-01", "Winter storytime schedule", "Storytime is back! New times for little ones",
     0.040, 0.35),
    ("adult services", "2025-05", "May programs for adults", "Gardening, genealogy and a mystery book club",
     0.035, 0.45),
]

NEWSLETTER_SUBJECTS = ["{month} at Wrenfield County Public Library", "What's happening at your library in {month}",
                       "{month} at WCPL: programs, new books and more", "Your {month} library newsletter"]
PROMOTION_SUBJECTS = ["Join us: {title} on {day}", "Save your spot: {title}", "{title} is coming to {branch}",
                      "Don't miss {title} on {day}", "Free and fun: {title}"]
YOUTH_SUBJECTS = ["Family fun at the library this {month}", "Storytimes and more for kids in {month}",
                  "Teens: gaming, anime and volunteering in {month}", "Babies, toddlers and books: {month} dates",
                  "Homework help and kids' programs this {month}"]
SUMMER_YOUTH_SUBJECTS = ["Summer reading starts now: sign up your reader!", "Summer reading: halfway there!",
                         "Summer reading finale party is coming"]
ADULT_SUBJECTS = ["Free classes for adults in {month}", "Tech help, book clubs and more this {month}",
                  "Learn something new at the library in {month}", "{month} for grown-ups: talks, classes, clubs"]
# Announcements: (date, hour, subject).
ANNOUNCEMENTS = [
    ("2023-07-03", 9, "All branches closed July 4"), ("2023-08-15", 10, "Library cards for back to school"),
    ("2023-11-20", 9, "Thanksgiving closures at all branches"), ("2023-12-20", 9, "Holiday hours: closed Dec. 24-25 and Jan. 1"),
    ("2024-03-12", 10, "Fernvale Branch: new Saturday hours"), ("2024-06-03", 9, "Summer reading sign-ups are open"),
    ("2024-07-01", 9, "Closed July 4: e-books are always open"), ("2024-09-30", 10, "Your library is going fine-free"),
    ("2024-11-25", 9, "Thanksgiving closures at all branches"), ("2024-12-18", 9, "Holiday hours: closed Dec. 24-25 and Jan. 1"),
    ("2025-04-07", 10, "Tell us what you think: library survey"), ("2025-06-02", 9, "Summer reading sign-ups are open"),
]

# ---- social -------------------------------------------------------------------------------------
# Facebook median engagement 0.063% of followers per post (RivalIQ 2024; FACTS.md). Instagram's rate is an
# assumption (no FACTS.md figure). Followers and reach are assumptions.
FACEBOOK_MEDIAN_ENGAGEMENT = 0.00063
INSTAGRAM_MEDIAN_ENGAGEMENT = 0.0045  # assumption
FOLLOWERS_START = {"Facebook": 6_200, "Instagram": 2_900}
FOLLOWER_GROWTH = {"Facebook": 0.05, "Instagram": 0.16}   # a year
REACH_SHARE = {"Facebook": 0.07, "Instagram": 0.14}       # median reach as a share of followers
POSTS_PER_WEEK = 5.8            # 48% of nonprofits post 3+ times a week (FACTS.md)
PLATFORM_SHARE = {"Facebook": 0.6, "Instagram": 0.4}
POST_TYPES = {"Facebook": {"photo": 35, "event": 20, "link": 20, "text": 13, "video": 12},
              "Instagram": {"photo": 62, "video": 38}}
TYPE_LIFT = {"video": 1.6, "photo": 1.3, "event": 0.9, "link": 0.6, "text": 0.7}  # engagement, assumption
ENGAGEMENT_SPREAD = 0.7         # lognormal sigma between posts (assumption)
ENGAGEMENT_SPLIT = [0.8, 0.1, 0.1]  # reactions, comments, shares
CLICK_RATE = {"link": 0.015, "event": 0.012, "photo": 0.002, "video": 0.002, "text": 0.001}  # of reach
PROGRAM_POST_SHARE = 0.55
MONTH_WEIGHT = {7: 1.4, 8: 0.9, 9: 1.0, 10: 1.1, 11: 0.9, 12: 0.7, 1: 0.9, 2: 0.9, 3: 1.0, 4: 1.0, 5: 1.0, 6: 1.5}
POST_HOURS = {8: 2, 9: 3, 10: 3, 11: 2, 12: 3, 13: 2, 14: 2, 15: 2, 16: 2, 17: 2, 18: 2, 19: 2, 20: 1}
POST_WEEKDAYS = {0: 1.1, 1: 1.1, 2: 1.1, 3: 1.1, 4: 1.0, 5: 0.6, 6: 0.4}
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def signups_between(start: pd.Timestamp, end: pd.Timestamp) -> float:
    """New addresses that opt in between two moments: NEW_SUBSCRIBERS of the starting list a year, evenly."""
    return LIST_SIZE_START * NEW_SUBSCRIBERS * (end - start) / pd.Timedelta(days=365.25)


def at_hour(dates, hours) -> pd.Series:
    """Datetimes on the given dates at the given whole hours, with a few minutes past the hour."""
    return pd.Series(pd.to_datetime(dates)) + pd.to_timedelta(np.asarray(hours), unit="h")


def fill(template: str, month: pd.Timestamp, title: str = "", day: pd.Timestamp | None = None,
         branch: str = "") -> str:
    """A subject line from its template."""
    return template.format(month=month.strftime("%B"), title=title, branch=branch,
                           day=day.strftime("%A, %B %-d") if day is not None else "")


def newsletters() -> pd.DataFrame:
    """One monthly newsletter on the first Tuesday of each month (or the next open day)."""
    months = pd.date_range(WORLD_START, WORLD_END, freq="MS")
    days = [m + pd.Timedelta(days=(NEWSLETTER_WEEKDAY - m.weekday()) % 7) for m in months]
    days = [d + pd.Timedelta(days=1) if d in CLOSED_DATES else d for d in days]
    return pd.DataFrame({"date": days, "hour": NEWSLETTER_HOUR, "campaign_type": "monthly newsletter",
                         "program_id": None})


def promotions(rng: np.random.Generator, programs: pd.DataFrame) -> pd.DataFrame:
    """Emails promoting single programs: special events, author talks and popular classes, a week or two ahead."""
    wanted = programs.category.isin(["special events", "books & authors", "classes & workshops", "health & wellness",
                                     "arts & culture", "STEAM"]) & programs.presenter_type.ne("staff")
    pool = programs[wanted & (programs.first_date > WORLD_START + pd.Timedelta(days=20))]
    chosen = pool.iloc[np.sort(rng.choice(len(pool), size=SENDS["program promotion"], replace=False))]
    ahead = rng.integers(*PROMOTION_DAYS_BEFORE, len(chosen))
    return pd.DataFrame({"date": chosen.first_date.to_numpy() - pd.to_timedelta(ahead, unit="D"),
                         "hour": weighted_choice(rng, SEND_HOURS, len(chosen)), "campaign_type": "program promotion",
                         "program_id": chosen.index.to_numpy()})


def segment_sends(rng: np.random.Generator, kind: str) -> pd.DataFrame:
    """Youth or adult services roundups, about one a month, on a weekday morning."""
    months = pd.date_range(WORLD_START, WORLD_END, freq="MS")
    picked = np.sort(rng.choice(len(months), size=SENDS[kind], replace=False))
    days = months[picked] + pd.to_timedelta(rng.integers(7, 22, len(picked)), unit="D")
    days = days + pd.to_timedelta(np.where(days.day_of_week >= 5, 7 - days.day_of_week, 0), unit="D")
    return pd.DataFrame({"date": days, "hour": weighted_choice(rng, SEND_HOURS, len(days)), "campaign_type": kind,
                         "program_id": None})


def announcements() -> pd.DataFrame:
    """Closures, new hours, fine-free news and surveys."""
    return pd.DataFrame({"date": pd.to_datetime([a[0] for a in ANNOUNCEMENTS]), "hour": [a[1] for a in ANNOUNCEMENTS],
                         "campaign_type": "announcement", "program_id": None,
                         "subject_line": [a[2] for a in ANNOUNCEMENTS]})


def subject_lines(rng: np.random.Generator, sends: pd.DataFrame, programs: pd.DataFrame) -> list[str]:
    """A subject line for every send that has none yet."""
    lines = []
    for send in sends.itertuples(index=False):
        month = pd.Timestamp(send.date)
        if isinstance(send.subject_line, str):
            lines.append(send.subject_line)
        elif send.campaign_type == "program promotion":
            program = programs.loc[send.program_id]
            template = PROMOTION_SUBJECTS[rng.integers(len(PROMOTION_SUBJECTS))]
            lines.append(fill(template, month, program.program_title, program.first_date,
                              BRANCH_NAMES[program.branch_id]))
        elif send.campaign_type == "youth services" and month.month == 6:
            lines.append(SUMMER_YOUTH_SUBJECTS[rng.integers(len(SUMMER_YOUTH_SUBJECTS))])
        else:
            pool = {"monthly newsletter": NEWSLETTER_SUBJECTS, "youth services": YOUTH_SUBJECTS,
                    "adult services": ADULT_SUBJECTS}[send.campaign_type]
            lines.append(fill(pool[rng.integers(len(pool))], month))
    return lines


def ab_send(sends: pd.DataFrame, programs: pd.DataFrame, kind: str, when) -> tuple[pd.DataFrame, int]:
    """The row of the send an A/B test splits: for a program, its promotion (added if there is none); else the
    first send of that kind in the month (added mid-month if there is none)."""
    if isinstance(when, tuple):
        title, after = when
        found = programs[programs.program_title.eq(title) & (programs.first_date >= pd.Timestamp(after))]
        program_id = found.first_date.idxmin()
        rows = sends.index[sends.program_id.eq(program_id) & sends.ab_test_id.isna()]
        if len(rows):
            return sends, rows[0]
        date = programs.loc[program_id, "first_date"] - pd.Timedelta(days=AB_PROMOTION_DAYS_BEFORE)
        base = {"date": date, "hour": 10, "campaign_type": kind, "program_id": program_id}
    else:
        rows = sends.index[sends.campaign_type.eq(kind) & sends.date.dt.strftime("%Y-%m").eq(when)
                           & sends.ab_test_id.isna()]
        if len(rows):
            return sends, rows[0]
        base = {"date": pd.Timestamp(f"{when}-12"), "hour": 10, "campaign_type": kind, "program_id": None}
    sends = pd.concat([sends, pd.DataFrame([base])], ignore_index=True)
    return sends, sends.index[-1]


def ab_pairs(sends: pd.DataFrame, programs: pd.DataFrame) -> pd.DataFrame:
    """Split one send for each A/B test into two halves, with the two subject lines."""
    sends = sends.assign(ab_test_id=None, variant=None, lift=0.0, share=np.nan)
    extra = []
    for number, (kind, when, subject_a, subject_b, lift, share) in enumerate(AB_TESTS, start=1):
        sends, row = ab_send(sends, programs, kind, when)
        test = f"AB{number:02d}"
        sends.loc[row, ["ab_test_id", "variant", "subject_line", "share"]] = [test, "A", subject_a, share / 2]
        twin = sends.loc[row].copy()
        twin[["variant", "subject_line", "lift"]] = ["B", subject_b, lift]
        extra.append(twin)
    return pd.concat([sends, pd.DataFrame(extra)], ignore_index=True)


def email_results(rng: np.random.Generator, sends: pd.DataFrame) -> pd.DataFrame:
    """Recipients, bounces, opens, clicks and unsubscribes for every send, in time order.

    The list is a running count: addresses opt in every day; bounced addresses and unsubscribes leave it after
    each send. The two halves of an A/B test go to equal halves of the same list at the same moment.
    """
    sends = sends.sort_values(["sent_at", "campaign_type", "variant"], kind="stable", ignore_index=True)
    n = len(sends)
    low, high = zip(*sends.campaign_type.map(SEGMENT_SHARE))
    share = sends.share.fillna(pd.Series(rng.uniform(low, high), index=sends.index)).to_numpy()
    rate = OPEN_RATE + sends.campaign_type.map(OPEN_RATE_BY_TYPE).to_numpy() + rng.normal(0, OPEN_RATE_SD, n)
    is_ab = sends.ab_test_id.notna().to_numpy()
    tests = pd.factorize(sends.ab_test_id.fillna(""))[0]
    shared_rate = pd.Series(rate).groupby(tests).transform("first").to_numpy()
    rate = np.clip(np.where(is_ab, shared_rate, rate) + sends.lift.fillna(0.0).to_numpy(), 0.05, 0.95)
    click_to_open = np.clip(CLICK_TO_OPEN * rng.lognormal(-CTO_SPREAD ** 2 / 2, CTO_SPREAD, n), 0, 1)

    recipients, bounced, opens, clicks, unsubscribes = (np.zeros(n, dtype=int) for _ in range(5))
    subscribers, stale, last, imported = float(LIST_SIZE_START), 0, WORLD_START, False
    for i, (when, test, variant) in enumerate(zip(sends.sent_at, sends.ab_test_id, sends.variant)):
        subscribers += signups_between(last, when)
        last = when
        if not imported and when >= STALE_IMPORT:
            subscribers, stale, imported = subscribers + STALE_ADDRESSES, STALE_ADDRESSES, True
        twin = variant == "B" and i > 0 and sends.ab_test_id.iloc[i - 1] == test
        recipients[i] = recipients[i - 1] if twin else round(subscribers * share[i])
        on_list = max(round(subscribers), recipients[i], stale)
        old = rng.hypergeometric(stale, on_list - stale, recipients[i]) if stale else 0  # old addresses sent to
        dead = rng.binomial(old, STALE_BOUNCE)
        ordinary = rng.binomial(recipients[i] - old, BOUNCE_RATE)
        bounced[i] = dead + ordinary
        delivered = recipients[i] - bounced[i]
        opens[i] = rng.binomial(delivered, rate[i])
        clicks[i] = rng.binomial(opens[i], click_to_open[i])
        unsubscribes[i] = rng.binomial(delivered, UNSUBSCRIBE_RATE)
        stale -= old                      # a working old address is an ordinary one from now on
        subscribers -= dead + rng.binomial(ordinary, HARD_BOUNCE_SHARE) + unsubscribes[i]
    return sends.assign(recipients=recipients, delivered=recipients - bounced, bounced=bounced, unique_opens=opens,
                        unique_clicks=clicks, unsubscribes=unsubscribes)


def make_email_campaigns(rng: np.random.Generator, programs: pd.DataFrame) -> pd.DataFrame:
    """About 150 email sends over FY2024-FY2025."""
    sends = pd.concat([newsletters(), promotions(rng, programs), segment_sends(rng, "youth services"),
                       segment_sends(rng, "adult services"), announcements()], ignore_index=True)
    sends["date"] = pd.to_datetime(sends.date)
    sends = sends[sends.date.between(WORLD_START, WORLD_END)].sort_values(["date", "campaign_type"],
                                                                          ignore_index=True)
    sends = ab_pairs(sends, programs)
    sends["subject_line"] = subject_lines(rng, sends, programs)
    minutes = rng.choice([0, 0, 0, 15, 30, 45], len(sends))
    sends["sent_at"] = at_hour(sends.date, sends.hour) + pd.to_timedelta(minutes, unit="min")
    pairs = sends.ab_test_id.notna()
    sends.loc[pairs, "sent_at"] = sends[pairs].groupby("ab_test_id").sent_at.transform("first")
    sends = email_results(rng, sends)
    sends = sends.sort_values(["sent_at", "campaign_type", "variant"], kind="stable", ignore_index=True)
    sends["campaign_id"] = make_ids("EC", len(sends), 3)
    sends["weekday"] = sends.sent_at.dt.day_name()
    sends["send_hour"] = sends.sent_at.dt.hour
    sends["sent_at"] = sends.sent_at.dt.strftime("%Y-%m-%d %H:%M")
    return sends[["campaign_id", "sent_at", "weekday", "send_hour", "campaign_type", "subject_line", "program_id",
                  "ab_test_id", "variant", "recipients", "delivered", "bounced", "unique_opens", "unique_clicks",
                  "unsubscribes"]]


# ---- social -------------------------------------------------------------------------------------

def post_times(rng: np.random.Generator) -> pd.Series:
    """When posts go up: about POSTS_PER_WEEK, more in summer, fewer in late December and at weekends."""
    days = pd.date_range(WORLD_START, WORLD_END, freq="D")
    weight = days.month.map(MONTH_WEIGHT).to_numpy() * days.day_of_week.map(POST_WEEKDAYS).to_numpy()
    weight = weight * np.where(days.isin(CLOSED_DATES), 0.3, 1.0)
    expected = POSTS_PER_WEEK * len(days) / 7
    counts = rng.poisson(weight / weight.sum() * expected)
    dates = np.repeat(days, counts)
    hours = weighted_choice(rng, POST_HOURS, len(dates))
    minutes = rng.integers(0, 60, len(dates))
    return pd.Series(pd.DatetimeIndex(dates) + pd.to_timedelta(hours, unit="h") + pd.to_timedelta(minutes, unit="min"))


def followers_at(platform: np.ndarray, when: pd.Series) -> np.ndarray:
    """Followers on each platform at each time."""
    years = (when - WORLD_START).dt.days.to_numpy() / 365.25
    start = pd.Series(platform).map(FOLLOWERS_START).to_numpy(dtype=float)
    growth = pd.Series(platform).map(FOLLOWER_GROWTH).to_numpy(dtype=float)
    return np.round(start * (1 + growth) ** years).astype(int)


def link_programs(rng: np.random.Generator, posts: pd.DataFrame, programs: pd.DataFrame) -> np.ndarray:
    """The program a post is about, when it is: one with a session within ten days either side."""
    linked = np.full(len(posts), None, dtype=object)
    wants = rng.random(len(posts)) < np.where(posts.post_type.eq("event"), 1.0, PROGRAM_POST_SHARE)
    starts = programs.first_date.to_numpy()
    for i in np.flatnonzero(wants & posts.post_type.ne("text").to_numpy()):
        when = posts.posted_at.iloc[i].normalize()
        near = np.flatnonzero(np.abs((starts - when.to_datetime64()) / np.timedelta64(1, "D")) <= 10)
        if len(near):
            linked[i] = programs.index[near[rng.integers(len(near))]]
    return linked


def engagement(rng: np.random.Generator, posts: pd.DataFrame) -> pd.DataFrame:
    """Reach, reactions, comments, shares and link clicks for each post (Facebook only: an Instagram post carries
    no clickable link, so Instagram reports none and the column is empty there)."""
    n = len(posts)
    median = np.where(posts.platform.eq("Facebook"), FACEBOOK_MEDIAN_ENGAGEMENT, INSTAGRAM_MEDIAN_ENGAGEMENT)
    lift = posts.post_type.map(TYPE_LIFT).to_numpy() * rng.lognormal(0, ENGAGEMENT_SPREAD, n)
    on_target = posts.groupby("platform").platform.transform(lambda p: np.median(lift[p.index])).to_numpy()
    mean = posts.followers.to_numpy() * median * lift / on_target  # each platform's median post on its target
    total = rng.poisson(mean)
    split = np.array([rng.multinomial(t, ENGAGEMENT_SPLIT) for t in total])
    reach_share = posts.platform.map(REACH_SHARE).to_numpy() * np.sqrt(lift) * rng.lognormal(0, 0.4, n)
    reach = np.maximum(total, np.round(posts.followers.to_numpy() * reach_share)).astype(int)
    clicks = pd.array(rng.binomial(reach, posts.post_type.map(CLICK_RATE).to_numpy()), dtype="Int64")
    clicks[posts.platform.eq("Instagram").to_numpy()] = pd.NA
    return posts.assign(reach=reach, reactions=split[:, 0], comments=split[:, 1], shares=split[:, 2],
                        link_clicks=clicks)


def make_social_posts(rng: np.random.Generator, programs: pd.DataFrame) -> pd.DataFrame:
    """About 600 Facebook and Instagram posts over FY2024-FY2025."""
    posted_at = post_times(rng)
    platform = weighted_choice(rng, PLATFORM_SHARE, len(posted_at))
    post_type = np.empty(len(platform), dtype=object)
    for name, types in POST_TYPES.items():
        mine = platform == name
        post_type[mine] = weighted_choice(rng, types, int(mine.sum()))
    posts = pd.DataFrame({"posted_at": posted_at, "platform": platform, "post_type": post_type})
    posts["program_id"] = link_programs(rng, posts, programs)
    posts["followers"] = followers_at(platform, posts.posted_at)
    posts = engagement(rng, posts)
    posts = posts.sort_values(["posted_at", "platform"], kind="stable", ignore_index=True)
    posts["post_id"] = make_ids("SP", len(posts), 4)
    posts["posted_at"] = posts.posted_at.dt.strftime("%Y-%m-%d %H:%M")
    return posts[["post_id", "posted_at", "platform", "post_type", "program_id", "followers", "reach", "reactions",
                  "comments", "shares", "link_clicks"]]


def generate(rng: np.random.Generator, world: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """The email_campaigns and social_posts tables."""
    programs = program_summary(world)
    email_rng, social_rng = rng.spawn(2)  # each table its own stream: a change to one leaves the other as it was
    return {"email_campaigns": make_email_campaigns(email_rng, programs),
            "social_posts": make_social_posts(social_rng, programs)}
