"""The analytics page shows what `stats --json` says (the same report, through the front door): every post's counts
and score at each age, the account's average per age, the best and worst tips, the slot table and its suggestion,
and this month's reading spend; with nothing collected it says to run `juno-scheduler collect`."""

from __future__ import annotations

import html
import re
from datetime import timedelta

import pytest
from conftest import run_cli_in_process

from scheduler.campaigns.queueing import queue_campaigns
from scheduler.networks.base import Counts
from scheduler.store import open_store
from scheduler.studio import analytics
from tests.queue_helpers import (
    post_everything,
    settings_for,
    write_campaign,
    write_schedule,
)
from tests.studio.analytics_project import (
    FEW,
    QUEUED_AT,
    SEEN,
    few_counts,
    posted_project,
    stats_json,
)
from tests.studio.helpers import Studio


def text_of(fragment: str) -> str:
    """What a person reads in an HTML fragment: tags and SVG dropped, spaces folded."""
    fragment = re.sub(r"<svg.*?</svg>", " ", fragment, flags=re.DOTALL)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def pct(value: float) -> str:
    return f"{value:.1%}"


ONE = {"impressions": "impression", "likes": "like", "reposts": "repost", "replies": "reply", "quotes": "quote",
       "bookmarks": "bookmark", "link_clicks": "link click"}


def counts_said(counts: dict) -> str:
    return ", ".join(f"{n:,} {ONE[name] if n == 1 else name.replace('_', ' ')}"
                     for name, n in counts.items() if n is not None)


def post_tables(page: str) -> dict[tuple[str, str], str]:
    return {(post, network): body for post, network, body in re.findall(
        r'<table class="post-numbers" data-post="([^"]+)" data-network="([^"]+)">(.*?)</table>', page, flags=re.DOTALL)}


def rows(fragment: str, attribute: str) -> dict[str, str]:
    return {key: text_of(body) for key, body in
            re.findall(rf'<tr {attribute}="([^"]+)"[^>]*>(.*?)</tr>', fragment, flags=re.DOTALL)}


@pytest.fixture
def posted(project):
    return posted_project(project)


def test_the_page_shows_the_numbers_stats_json_gives(posted):
    report = stats_json(posted)
    page = Studio(posted, SEEN).sign_in().get("/analytics")
    assert page.status_code == 200
    shown = page.text
    assert '<a href="/analytics" aria-current="page">Analytics</a>' in shown

    # each post's counts and score at each age, as stats gives them (one late reading marked)
    tables = post_tables(shown)
    assert set(tables) == {(row["id"], row["network"]) for row in report["posts"]} and len(tables) == 30
    lates = 0
    for row in report["posts"]:
        by_age = rows(tables[(row["id"], row["network"])], "data-age")
        assert list(by_age) == list(row["ages"])
        for age, found in row["ages"].items():
            said = by_age[age]
            score = found["score"]
            assert counts_said(found["counts"]) in said
            assert f"{pct(score['estimate'])} [{pct(score['low'])}–{pct(score['high'])}], {score['verdict']}" in said
            assert ("late" in said.split()[:3]) == found["late"]
            lates += found["late"]
    assert lates == 1

    # the account's average at each age
    account = report["accounts"]["x"]
    section = shown[shown.index('data-network="x"'):shown.index('id="posts-h"')]
    averages = rows(section[:section.index("</table>")], "data-age")
    assert averages == {age: f"{age[:-1]} {age[-1]} {row['posts']} {pct(row['average'])}"
                        for age, row in account.items()}

    # best and worst at 72 h: the three highest and lowest shrunk estimates, with the posts behind them
    at72 = sorted(((row["ages"]["72h"]["score"], row["tip"]) for row in report["posts"]),
                  key=lambda pair: (-pair[0]["estimate"], pair[1]))
    ends = re.findall(r'<li data-post="[^"]+">(.*?)</li>', section, flags=re.DOTALL)
    expected = at72[:3] + at72[-3:][::-1]
    assert len(ends) == 6
    for said, (score, tip) in zip(map(text_of, ends), expected, strict=True):
        assert said.startswith(f"{tip} {tip.split('/')[1].title()}. (first post) {pct(score['estimate'])} "
                               f"[{pct(score['low'])}–{pct(score['high'])}], {score['verdict']}")
        assert f"{score['posts']} posts behind the average" in said
    assert "above the account's usual" in text_of(ends[0]) and "below the account's usual" in text_of(ends[3])

    # the slot table and its suggestion
    times = report["best_times"]["x"]
    slots = rows(section, "data-slot")
    assert slots == {row["slot"]: f"{row['slot']} {row['posts']} {pct(row['estimate'])} "
                                  f"[{pct(row['low'])}–{pct(row['high'])}]" for row in times["slots"]}
    assert times["suggestion"] == "sat midday"
    assert f"Suggestion: sat midday ({times['why']})." in text_of(section)
    # one page, one average at 72 h: the slots pool their posts' counts as the score does (a user trial: a
    # slot average of 4.9 % above 35 of 43 posts' own rates, an 18-impression post counted as a 1,000-one)
    pooled = pct(account["72h"]["average"])
    assert pct(times["average"]) == pooled
    said = text_of(section).replace(" ,", ",").replace("( ", "(")  # a figure in a <span> of its own
    assert f"the account's average, {pooled}, from 30 posts (their counts pooled)" in said
    assert f"shrunk toward the account's average ({pooled}, 30 posts)" in said
    terminal = run_cli_in_process("stats", cwd=posted).out
    assert "best times on x at 72 h (30 posts, 4 slots): suggestion: sat midday" in terminal

    # reading spend this month: X billed 12 reads at $0.005
    assert "X: 12 posts read, $0.060" in text_of(shown)
    assert "Metrics last collected" in text_of(shown)


def test_the_page_says_not_enough_evidence_rather_than_ranking_four_posts(project):
    write_schedule(project, publisher="x")
    write_campaign(project, "alpha", [{"id": f"t{i:02d}", "section": f"S{i}"} for i in range(4)])
    settings = settings_for(project)
    with open_store(settings.database_url) as store:
        queue_campaigns(settings, store, QUEUED_AT)
    post_everything(project, lambda post: Counts(impressions=1000, likes=int(post.tip_key[-1]) * 30))
    report = stats_json(project)
    assert report["accounts"]["x"]["72h"]["verdict"] == "not enough evidence yet"
    said = text_of(Studio(project, SEEN).sign_in().get("/analytics").text)
    assert "Not enough evidence yet: 4 posts with counts at 72 h on X." in said
    assert "Best" not in said.split("Best times")[0].split("Not enough evidence yet")[1]
    assert "not enough evidence yet" in said.split("Each post")[1]  # each post's own score says so too
    assert "No suggestion: not enough evidence yet: 4 posts, a suggestion needs at least 20." in said


def test_a_count_of_one_is_said_in_the_singular(project):
    """A user trial: "1 posts with counts", "1 likes", "1 replies", "X: 1 posts read" on the Analytics page."""
    write_schedule(project, publisher="x")
    write_campaign(project, "alpha", [{"id": "t00", "section": "S0"}])
    settings = settings_for(project)
    with open_store(settings.database_url) as store:
        queue_campaigns(settings, store, QUEUED_AT)
    post_everything(project, lambda post: Counts(impressions=1, likes=1, reposts=0, replies=1))
    with open_store(settings.database_url) as store:
        store.record_reads("x", [p.remote_id for p in store.posts()], 0.005, SEEN - timedelta(days=2))
    said = text_of(Studio(project, SEEN).sign_in().get("/analytics").text)
    assert "Not enough evidence yet: 1 post with counts at 72 h on X." in said
    assert "No suggestion: not enough evidence yet: 1 post, a suggestion needs at least 20." in said
    assert "X: 1 post read, $0.005" in said
    assert "1 post with counts, newest first" in said
    assert "1 impression, 1 like, 0 reposts, 1 reply" in said
    assert re.search(r"\b1 (posts|likes|replies|impressions)\b", said) is None, said


def test_the_page_says_posts_in_the_plural(posted):
    said = text_of(Studio(posted, SEEN).sign_in().get("/analytics").text)
    assert "30 posts with counts, newest first" in said and "X: 12 posts read" in said
    assert re.search(r"shrunk toward the account's average \( ?[\d.]+% ?, 30 posts\)", said), said


def test_nothing_collected_yet_says_to_run_collect(project):
    write_schedule(project, publisher="x")
    page = Studio(project, SEEN).sign_in().get("/analytics")
    assert page.status_code == 200
    said = text_of(page.text)
    assert "Nothing collected yet" in said
    assert "No metrics yet: run juno-scheduler collect after posts have gone out." in said
    assert "from cron once an hour" in said
    assert "<code>juno-scheduler collect</code>" in page.text
    assert "Nothing read since" in said and "Metrics have not been collected yet." in said
    assert 'class="post-numbers"' not in page.text and "<svg" not in page.text


def test_only_the_outbox_says_there_is_nothing_to_read(project):
    page = Studio(project, SEEN).sign_in().get("/analytics")  # the bundled project posts to the outbox
    said = text_of(page.text)
    assert "No counts with the outbox" in said and "Nothing collected yet" not in said  # collect would not help
    assert "No counts to show: the outbox sends nothing to a network, so no post has counts" in said
    assert "name an X, Bluesky or Mastodon account in posts/schedule.yaml" in said and "from cron once an hour" not in said


def test_a_page_of_posts_at_a_time_newest_first(posted, monkeypatch):
    monkeypatch.setattr(analytics, "PAGE_SIZE", 12)
    studio = Studio(posted, SEEN).sign_in()
    first, last = studio.get("/analytics").text, studio.get("/analytics?page=3").text
    assert len(post_tables(first)) == 12 and len(post_tables(last)) == 6
    assert "page 1 of 3" in text_of(first) and '<a href="/analytics?page=2">Older posts</a>' in first
    assert '<a href="/analytics?page=2">Newer posts</a>' in last and "Older posts" not in last
    assert ("alpha/t29", "x") in post_tables(first) and ("alpha/t00", "x") in post_tables(last)
    assert post_tables(studio.get("/analytics?page=99").text).keys() == post_tables(last).keys()
    assert post_tables(studio.get("/analytics?page=nine").text).keys() == post_tables(first).keys()


def test_a_post_deleted_on_its_network_is_marked_gone_with_why(posted):
    """A manager's trial: a post deleted on X by hand, and neither stats nor the studio said it was gone."""
    report = stats_json(posted)
    row = report["posts"][0]
    settings = settings_for(posted)
    with open_store(settings.database_url) as store:
        assert store.record_gone(row["id"], f"deleted on {row['network']}: it no longer exists there", SEEN)
    tables = post_tables(Studio(posted, SEEN).sign_in().get("/analytics").text)
    assert f"gone deleted on {row['network']}: it no longer exists there" in text_of(tables[(row["id"],
                                                                                              row["network"])])
    assert sum("gone" in text_of(body) for body in tables.values()) == 1


def test_a_post_no_longer_on_its_network_is_named_neither_best_nor_worst(posted):
    """An unpublished tip (removed with `unpublish`, or found gone by collect) read as the account's best or worst
    in `stats` and on the Analytics page: the lists leave it out, its row still shows it, marked gone."""
    report = stats_json(posted)
    at72 = sorted(((row["ages"]["72h"]["score"]["estimate"], row["id"], row["tip"]) for row in report["posts"]),
                  key=lambda item: (-item[0], item[1]))
    best, worst = at72[0], at72[-1]
    with open_store(settings_for(posted).database_url) as store:
        assert store.record_unpublished(best[1], SEEN)                       # `unpublish`
        assert store.record_gone(worst[1], "deleted on x: it no longer exists there", SEEN)  # collect found it gone
    left = [item for item in at72 if item[1] not in (best[1], worst[1])]
    expected = [tip for _, _, tip in left[:3] + left[-3:][::-1]]

    page = Studio(posted, SEEN).sign_in().get("/analytics").text
    section = page[page.index('data-network="x"'):page.index('id="posts-h"')]
    ends = [text_of(said) for said in re.findall(r'<li data-post="[^"]+">(.*?)</li>', section, flags=re.DOTALL)]
    assert [said.split()[0] for said in ends] == expected
    tables = post_tables(page)
    assert "gone deleted with juno-scheduler unpublish" in text_of(tables[(best[1], "x")])
    assert "gone deleted on x: it no longer exists there" in text_of(tables[(worst[1], "x")])

    terminal = run_cli_in_process("stats", cwd=posted).out
    named = [line.split()[0] for line in terminal.splitlines() if line.startswith("  alpha/")]
    assert named == expected and best[2] not in named and worst[2] not in named
    detail = run_cli_in_process("stats", "--posts", cwd=posted).out
    assert f"{best[1]} on x (first post): gone, deleted with juno-scheduler unpublish" in detail
    assert f"{worst[1]} on x (first post): gone, deleted on x: it no longer exists there" in detail


def test_a_post_seen_by_few_says_so_wherever_its_score_is_shown(project):
    """`stats` says a score resting on few impressions is mostly the account's average; the page said nothing, so
    a manager could trust a lucky post. It now says it beside that score in Best and in the post's own table."""
    posted_project(project, tips=len(FEW), counts=few_counts)
    report = stats_json(project)
    few = [(row, age, found["score"]) for row in report["posts"] for age, found in row["ages"].items()
           if found["score"] and "few_impressions" in found["score"]]
    assert [(row["tip"], age, score["few_impressions"]) for row, age, score in few] == [("alpha/t00", "72h", 3)]
    row, _, score = few[0]
    note = "only 3 impressions: mostly the account's average"
    assert note in run_cli_in_process("stats", cwd=project).out

    page = Studio(project, SEEN).sign_in().get("/analytics").text
    section = page[page.index('data-network="x"'):page.index('id="posts-h"')]
    named = {post: text_of(said).replace(" ;", ";") for post, said in  # the note is an element of its own
             re.findall(r'<li data-post="([^"]+)">(.*?)</li>', section, flags=re.DOTALL)}
    assert row["id"] in named, named  # 2 from 3 is not first: the post with 2,500 impressions leads
    assert named[row["id"]].startswith(f"alpha/t00 T00. (first post) {pct(score['estimate'])} "
                                       f"[{pct(score['low'])}–{pct(score['high'])}], {score['verdict']}; {note}; "
                                       f"its own rate 66.7%")
    assert next(iter(named)) != row["id"]
    assert [post for post, said in named.items() if note.split(":")[0] in said] == [row["id"]]

    tables = post_tables(page)
    by_age = rows(tables[(row["id"], "x")], "data-age")
    assert by_age["72h"].endswith(f"{score['verdict']} ({score['posts']} posts behind it); {note}"), by_age
    assert "impressions:" not in by_age["24h"]
    assert sum("mostly the account's average" in text_of(body) for body in tables.values()) == 1
