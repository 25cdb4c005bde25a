"""Do email_campaigns and social_posts look like a library's outreach, calibrated to the published rates?"""
from math import sqrt

import pandas as pd
import pytest


EMAIL_COLUMNS = ["campaign_id", "sent_at", "weekday", "send_hour", "campaign_type", "subject_line", "program_id",
                 "ab_test_id", "variant", "recipients", "delivered", "bounced", "unique_opens", "unique_clicks",
                 "unsubscribes"]
POST_COLUMNS = ["post_id", "posted_at", "platform", "post_type", "program_id", "followers", "reach", "reactions",
                "comments", "shares", "link_clicks"]
CAMPAIGN_TYPES = {"monthly newsletter", "program promotion", "youth services", "adult services", "announcement"}
COUNTS = ["recipients", "delivered", "bounced", "unique_opens", "unique_clicks", "unsubscribes"]


@pytest.fixture(scope="module")
def emails(world):
    """email_campaigns with sent_at parsed."""
    return world["email_campaigns"].assign(sent_at=lambda e: pd.to_datetime(e.sent_at))


@pytest.fixture(scope="module")
def posts(world):
    """social_posts with posted_at parsed and the engagement rate per follower."""
    table = world["social_posts"].assign(posted_at=lambda p: pd.to_datetime(p.posted_at))
    table["engagement"] = (table.reactions + table.comments + table.shares) / table.followers
    return table


def test_emails_have_the_contract_columns(world, emails):
    """Has email_campaigns the contract's columns, about 150 unique sends and allowed values?"""
    table = world["email_campaigns"]
    assert list(table.columns) == EMAIL_COLUMNS
    assert 130 <= len(table) <= 170 and table.campaign_id.is_unique
    assert set(table.campaign_type) <= CAMPAIGN_TYPES
    assert (emails.sent_at.dt.day_name() == table.weekday).all()
    assert (emails.sent_at.dt.hour == table.send_hour).all()
    assert emails.sent_at.between("2023-07-01", "2025-07-01").all()
    for column in COUNTS:
        assert (table[column] >= 0).all(), column


def test_email_counts_add_up(world):
    """Is delivered = recipients - bounced, and are opens <= delivered, clicks <= opens?"""
    table = world["email_campaigns"]
    assert (table.delivered == table.recipients - table.bounced).all()
    assert (table.unique_opens <= table.delivered).all() and (table.unique_clicks <= table.unique_opens).all()
    assert (table.unsubscribes <= table.delivered).all()


def test_program_emails_point_at_real_programs(world):
    """Does every program promotion name a program that exists, sent before that program's first session?"""
    table = world["email_campaigns"]
    promos = table[table.campaign_type.eq("program promotion")]
    assert promos.program_id.notna().all()
    assert table.loc[~table.campaign_type.eq("program promotion"), "program_id"].isna().all()
    first = world["program_sessions"].groupby("program_id").date.min()
    assert (pd.to_datetime(promos.sent_at) < pd.to_datetime(promos.program_id.map(first))).all()


def test_email_rates_match_libraryaware(world):
    """Are pooled open (49.67%), click-to-open (2.24%), bounce (0.46%) and unsubscribe (0.98%) rates near LibraryAware's (FACTS.md)?"""
    t = world["email_campaigns"].sum(numeric_only=True)
    assert abs(t.unique_opens / t.delivered - 0.4967) < 0.02, t.unique_opens / t.delivered
    assert abs(t.unique_clicks / t.unique_opens - 0.0224) < 0.003, t.unique_clicks / t.unique_opens
    assert abs(t.bounced / t.recipients - 0.0046) < 0.001, t.bounced / t.recipients
    assert abs(t.unsubscribes / t.delivered - 0.0098) < 0.0015, t.unsubscribes / t.delivered


def test_the_list_grows_about_11_percent_a_year(emails):
    """Does the whole-list newsletter audience grow about 11% a year (LibraryAware list growth 11.03%; FACTS.md)?"""
    whole = emails[emails.campaign_type.eq("monthly newsletter")].groupby(emails.sent_at.dt.to_period("M")).recipients.sum()
    growth = (whole.iloc[-1] / whole.iloc[0]) ** (12 / (len(whole) - 1)) - 1
    assert 0.09 <= growth <= 0.13, growth


def test_ab_tests_come_in_pairs_with_some_clear_and_some_not(world):
    """Are there about 10 A/B tests, each an A and a B sent together to equal halves, some clear (|z|>2.6), some not (|z|<1.96)?"""
    table = world["email_campaigns"]
    tests = table[table.ab_test_id.notna()]
    assert table.loc[table.ab_test_id.isna(), "variant"].isna().all()
    assert 8 <= tests.ab_test_id.nunique() <= 12
    scores = []
    for test, pair in tests.groupby("ab_test_id"):
        assert sorted(pair.variant) == ["A", "B"], test
        assert pair.sent_at.nunique() == 1 and pair.recipients.nunique() == 1 and pair.subject_line.nunique() == 2
        a, b = pair.sort_values("variant").itertuples()
        pooled = (a.unique_opens + b.unique_opens) / (a.delivered + b.delivered)
        se = sqrt(pooled * (1 - pooled) * (1 / a.delivered + 1 / b.delivered))
        scores.append(abs(b.unique_opens / b.delivered - a.unique_opens / a.delivered) / se)
    assert sum(z > 2.6 for z in scores) >= 3, scores
    assert sum(z < 1.96 for z in scores) >= 3, scores


def test_posts_have_the_contract_columns(world, posts):
    """Has social_posts the contract's columns, about 600 unique posts and allowed values?"""
    table = world["social_posts"]
    assert list(table.columns) == POST_COLUMNS
    assert 520 <= len(table) <= 700 and table.post_id.is_unique
    assert set(table.platform) == {"Facebook", "Instagram"}
    assert set(table.post_type) <= {"photo", "video", "event", "link", "text"}
    assert set(table.program_id.dropna()) <= set(world["program_sessions"].program_id)
    for column in POST_COLUMNS[5:]:
        assert (table[column] >= 0).all(), column
    assert (table.reach >= table.reactions + table.comments + table.shares).all()


def test_at_least_three_posts_a_week(posts):
    """Does the library post three or more times a week on average, with June-July busier than December?"""
    weeks = (posts.posted_at.max() - posts.posted_at.min()).days / 7
    assert len(posts) / weeks >= 3
    by_month = posts.groupby(posts.posted_at.dt.month).size()
    assert by_month[[6, 7]].mean() > by_month[12]


def test_facebook_engagement_sits_near_the_published_median(posts):
    """Is the median Facebook post's engagement (reactions + comments + shares) / followers near 0.063% (RivalIQ 2024; FACTS.md)?"""
    median = posts.loc[posts.platform.eq("Facebook"), "engagement"].median()
    assert 0.0005 <= median <= 0.0008, median


def test_video_and_photo_beat_link_and_text(posts):
    """Do video and photo posts engage more than link and text posts on Facebook?"""
    fb = posts[posts.platform.eq("Facebook")].groupby("post_type").engagement.median()
    assert min(fb["video"], fb["photo"]) > max(fb["link"], fb["text"]), fb.to_dict()
