"""Recycling on X, end to end against the fake X (which refuses the same text twice, as X does): a recycled post
opens with its time's lead-in, goes out, and fails nothing; an uncertain attempt of a recycled post is looked
for by its own words, never taken for the tip's first time out. queue, status and check say how it reads."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import pytest
from fakex import FakeX
from queue_helpers import settings_for, write_campaign, write_schedule

from scheduler.store import QUEUED, open_store

pytestmark = pytest.mark.slow

TIPS = ("t1", "t2")
FIRST, SECOND = "In case you missed it: ", "Worth another read: "


@pytest.fixture
def fx():
    with FakeX() as server:
        yield server


@pytest.fixture
def on_x(project, cli, fx):
    write_schedule(project, publisher="x", recycle="30d")
    write_campaign(project, "alpha", [{"id": tip, "section": tip.upper()} for tip in TIPS])
    assert cli("queue", "--now", "2026-12-01T08:00", cwd=project, env=fx.env()).code == 0
    return project


def waiting(root) -> list:
    with open_store(settings_for(root).database_url) as store:
        return sorted(store.posts((QUEUED,)), key=lambda p: p.due_at)


def run_due(cli, root, fx, at: datetime, code: int = 0) -> dict:
    fx.set_now(at.timestamp())
    result = cli("run-due", "--json", "--now", at.isoformat(), cwd=root, env=fx.env())
    assert result.code == code, result
    return json.loads(result.out)


def post_waiting(cli, root, fx) -> datetime:
    """Every queued post goes out through run-due at its slot; when the last went."""
    last = None
    for post in waiting(root):
        last = post.due_at + timedelta(minutes=1)
        assert [row["id"] for row in run_due(cli, root, fx, last)["posted"]] == [post.id]
    assert last is not None
    return last


def texts(fx) -> list[str]:
    return [p["text"] for p in fx.posts_of()]


def test_recycled_posts_open_with_their_lead_in_and_go_out_on_x(on_x, cli, fx):
    last = post_waiting(cli, on_x, fx)
    firsts = texts(fx)
    queued = cli("queue", "--json", "--now", (last + timedelta(days=31)).isoformat(), cwd=on_x, env=fx.env())
    rows = json.loads(queued.out)["recycled"]
    assert [row["id"] for row in rows] == ["alpha/t1~2", "alpha/t2~2"]
    assert [row["text"] for row in rows] == [FIRST + text for text in firsts]  # said up front, as it will go out
    shown = cli("status", "--now", (last + timedelta(days=31)).isoformat(), cwd=on_x)
    assert 'it reads "In case you missed it: Tip t1 says something kind' in shown.out

    second = post_waiting(cli, on_x, fx)  # run-due, exit 0 each time: X took every recycled post
    assert texts(fx) == firsts + [FIRST + text for text in firsts]
    with open_store(settings_for(on_x).database_url) as store:
        assert not store.posts(("failed", "dead"))

    cli("queue", "--now", (second + timedelta(days=31)).isoformat(), cwd=on_x, env=fx.env())
    post_waiting(cli, on_x, fx)  # the 3rd time: its own lead-in, not the 2nd time's words again
    assert texts(fx)[4:] == [SECOND + text for text in firsts]
    assert len(set(texts(fx))) == 6


@pytest.mark.parametrize("drop, recovered", [("before", False), ("after", True)])
def test_an_uncertain_recycled_post_is_looked_for_by_its_own_words(on_x, cli, fx, drop, recovered):
    # before lead-ins the look found the tip's first time (the same words) and recorded the recycled post as
    # out, though it never went (drop before); and its retry was refused as a duplicate of the first time
    last = post_waiting(cli, on_x, fx)
    cli("queue", "--now", (last + timedelta(days=31)).isoformat(), cwd=on_x, env=fx.env())
    post = waiting(on_x)[0]
    fx.inject("POST /2/tweets", drop=drop)
    deferred = run_due(cli, on_x, fx, post.due_at + timedelta(minutes=1))["deferred"]  # it may have gone out
    assert [row["id"] for row in deferred] == [post.id]
    with open_store(settings_for(on_x).database_url) as store:
        [again] = [p for p in store.posts() if p.id == post.id]
    report = run_due(cli, on_x, fx, again.eligible_at + timedelta(minutes=1))
    [done] = report["posted"]
    assert done["id"] == post.id and bool(done.get("recovered")) is recovered
    assert texts(fx).count(post.text) == 1 and post.text.startswith(FIRST)
    assert len(fx.posts_of()) == 3


def test_check_says_how_a_recycled_post_opens_and_which_tip_would_not_fit(on_x, cli, fx):
    long = "A tip right at the edge. " + "x" * 200  # fits, but not after a lead-in
    write_campaign(on_x, "alpha", [{"id": "t1", "section": "T1"}, {"id": "t2", "section": "T2", "text": long}])
    result = cli("check", "--now", "2026-12-01T08:00", cwd=on_x, env=fx.env())
    assert result.code == 0, result
    assert ("a recycled post opens with a lead-in: 'In case you missed it:' its 2nd time out, 'Worth another "
            "read:' its 3rd time out (recycle.lead_ins") in result.out
    assert "tip 't2' will not come round a 2nd time on x: opening 'In case you missed it:'" in result.out
    assert "tip 't1' will not" not in result.out


def test_a_duplicate_recycled_post_says_what_to_change(on_x, cli, fx):
    last = post_waiting(cli, on_x, fx)
    cli("queue", "--now", (last + timedelta(days=31)).isoformat(), cwd=on_x, env=fx.env())
    post = waiting(on_x)[0]
    fx.posts.append({**fx.posts_of()[0], "id": "1", "text": post.text})  # the manager posted these words by hand
    report = run_due(cli, on_x, fx, post.due_at + timedelta(minutes=1), code=3)
    [dead] = report["failed"]
    assert "recycled post as a duplicate" in dead["error"] and "recycle.lead_ins" in dead["error"]
    assert "edit the tip" not in dead["error"]  # an edited tip never comes round again (docs/metrics.md)
