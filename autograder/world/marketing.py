"""Wrenfield's email sends (with subject-line A/B tests) and its Facebook and Instagram posts."""
from __future__ import annotations

import numpy as np
import pandas as pd

from autograder.world.common import (BRANCH_NAMES, CLOSED_DATES, WORLD_END, WORLD_START, make_ids,
                                     program_summary, weighted_choice)

# ---- email --------------------------------------------------------------------------------------
# LibraryAware, Jul 2024-Jun 2025, 377,000+ library sends (FACTS.md, Outreach and marketing).
OPEN_RATE = 0.4967
CLICK_TO_OPEN = 0.0224
BOUNCE_RATE = 0.0046
UNSUBSCRIBE_RATE = 0.0098
LIST_GROWTH = 0.1103            # a year
LIST_SIZE_START = 11_800        # addresses on 1 July 2023: about 10% of residents, as in the ~15,000-people
                                # library with ~1,500 addresses (FACTS.md)
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
SEND_HOURS = {7: 1, 8: 2, 9: 3, 10: 3, 11: 2, 12: 2, 13: 1, 14: 2, 15: 1, 16: 1, 17: 1, 19: 1}

# Ten A/B tests of subject lines on random halves of one send. (campaign type, month, subject A, subject B,
# true open-rate lift of B in points, share of the list the send went to). Lifts are assumptions: four clear
# wins, a clear loss, and tests too small or too close to tell.
AB_TESTS = [
    ("monthly newsletter", "2023-10", "October at Wrenfield County Public Library",
     "13 free things to do at the library this October", 0.060, 1.0),
    ("program promotion", "2023-11", "Author talk: register now", "Meet the author before the book hits shelves",
     0.010, 0.10),
    ("monthly newsletter", "2024-01", "Your January library newsletter", "New year, new skills: free classes start Jan. 9",
     0.055, 1.0),
    ("youth services", "2024-03", "Spring break at the library", "Spring break plans? We've got 20 free ones",
     0.008, 0.35),
    ("adult services", "2024-05", "Tech help and classes in May", "Still stuck on your new phone? We can help",
     0.050, 0.45),
    ("program promotion", "2024-09", "Teaching Kitchen: Knife Skills", "Cook faster and safer: free knife skills class",
     -0.004, 0.08),
    ("monthly newsletter", "2024-11", "November at the library", "What's new at your library this month",
     -0.045, 1.0),
    ("youth services", "2025-01", "Winter storytime schedule", "Storytime is back! New times for little ones",
     0.040, 0.35),
    ("program promotion", "2025-03", "Medicare 101 at Central Library", "Turning 65? Medicare questions answered",
     0.012, 0.12),
    ("adult services", "2025-05", "May programs for adults", "Gardening, genealogy and a mystery book club",
     0.002, 0.45),
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
    ("2024-07-01", 9, "Closed July 4: e-books are always open"), ("2024-10-01", 10, "Your library is going fine-free"),
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


def list_size(when: pd.Series) -> np.ndarray:
    """Email addresses on the list at each time, growing LIST_GROWTH a year."""
    years = (pd.to_datetime(when) - WORLD_START).dt.days.to_numpy() / 365.25
    return LIST_SIZE_START * (1 + LIST_GROWTH) ** years


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


def ab_pairs(rng: np.random.Generator, sends: pd.DataFrame) -> pd.DataFrame:
    """Split one send a month into two halves for each A/B test, with the two subject lines."""
    sends = sends.assign(ab_test_id=None, variant=None, lift=0.0, share=np.nan)
    extra = []
    for number, (kind, month, subject_a, subject_b, lift, share) in enumerate(AB_TESTS, start=1):
        in_month = sends.index[sends.campaign_type.eq(kind) & sends.date.dt.strftime("%Y-%m").eq(month)
                               & sends.ab_test_id.isna()]
        row = in_month[0] if len(in_month) else None
        if row is None:  # no such send that month: add one mid-month
            base = {"date": pd.Timestamp(f"{month}-12"), "hour": 10, "campaign_type": kind, "program_id": None}
            sends = pd.concat([sends, pd.DataFrame([base])], ignore_index=True)
            row = sends.index[-1]
        test = f"AB{number:02d}"
        sends.loc[row, ["ab_test_id", "variant", "subject_line", "share"]] = [test, "A", subject_a, share / 2]
        twin = sends.loc[row].copy()
        twin[["variant", "subject_line", "lift"]] = ["B", subject_b, lift]
        extra.append(twin)
    return pd.concat([sends, pd.DataFrame(extra)], ignore_index=True)


def email_results(rng: np.random.Generator, sends: pd.DataFrame) -> pd.DataFrame:
    """Recipients, bounces, opens, clicks and unsubscribes for every send."""
    n = len(sends)
    low, high = zip(*sends.campaign_type.map(SEGMENT_SHARE))
    share = sends.share.fillna(pd.Series(rng.uniform(low, high), index=sends.index)).to_numpy()
    recipients = np.round(list_size(sends.sent_at) * share).astype(int)
    bounced = rng.binomial(recipients, BOUNCE_RATE)
    delivered = recipients - bounced
    rate = OPEN_RATE + sends.campaign_type.map(OPEN_RATE_BY_TYPE).to_numpy() + rng.normal(0, OPEN_RATE_SD, n)
    is_ab = sends.ab_test_id.notna().to_numpy()
    tests = pd.factorize(sends.ab_test_id.fillna(""))[0]
    shared_rate = pd.Series(rate).groupby(tests).transform("first").to_numpy()
    rate = np.where(is_ab, shared_rate, rate) + sends.lift.to_numpy()
    opens = rng.binomial(delivered, np.clip(rate, 0.05, 0.95))
    clicks = rng.binomial(opens, np.clip(CLICK_TO_OPEN * rng.lognormal(-CTO_SPREAD ** 2 / 2, CTO_SPREAD, n), 0, 1))
    unsubscribes = rng.binomial(delivered, UNSUBSCRIBE_RATE)
    return sends.assign(recipients=recipients, delivered=delivered, bounced=bounced, unique_opens=opens,
                        unique_clicks=clicks, unsubscribes=unsubscribes)


def make_email_campaigns(rng: np.random.Generator, programs: pd.DataFrame) -> pd.DataFrame:
    """About 150 email sends over FY2024-FY2025."""
    sends = pd.concat([newsletters(), promotions(rng, programs), segment_sends(rng, "youth services"),
                       segment_sends(rng, "adult services"), announcements()], ignore_index=True)
    sends["date"] = pd.to_datetime(sends.date)
    sends = sends[sends.date.between(WORLD_START, WORLD_END)].sort_values(["date", "campaign_type"],
                                                                          ignore_index=True)
    sends = ab_pairs(rng, sends)
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
    """Reach, reactions, comments, shares and link clicks for each post."""
    n = len(posts)
    median = np.where(posts.platform.eq("Facebook"), FACEBOOK_MEDIAN_ENGAGEMENT, INSTAGRAM_MEDIAN_ENGAGEMENT)
    lift = posts.post_type.map(TYPE_LIFT).to_numpy() * rng.lognormal(0, ENGAGEMENT_SPREAD, n)
    on_target = posts.groupby("platform").platform.transform(lambda p: np.median(lift[p.index])).to_numpy()
    mean = posts.followers.to_numpy() * median * lift / on_target  # each platform's median post on its target
    total = rng.poisson(mean)
    split = np.array([rng.multinomial(t, ENGAGEMENT_SPLIT) for t in total])
    reach_share = posts.platform.map(REACH_SHARE).to_numpy() * np.sqrt(lift) * rng.lognormal(0, 0.4, n)
    reach = np.maximum(total, np.round(posts.followers.to_numpy() * reach_share)).astype(int)
    clicks = rng.binomial(reach, posts.post_type.map(CLICK_RATE).to_numpy())
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
    return {"email_campaigns": make_email_campaigns(rng, programs), "social_posts": make_social_posts(rng, programs)}
