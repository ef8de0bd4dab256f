"""Collecting Bluesky's counts through the real CLI: posts go out on the reference PDS, and collect reads them
with app.bsky.feed.getPosts in one session, the PDS passing the call to the AppView (a fake shaped by the
lexicon, tests/fakeappview.py: @atproto/dev-env's real AppView does not run here, see docs/metrics.md)."""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime
from pathlib import Path

import pytest
from conftest import drawn_template, fresh_copy, run_cli_in_process
from test_collect import CAMPAIGN, SCHEDULE, TIPS, at, remote_ids, snapshots

from scheduler.config import load_settings
from scheduler.metrics.collect import Readers
from scheduler.networks.base import ToRead

pytestmark = pytest.mark.slow  # a real PDS (Node) process

# test_collect's timetable, for one Bluesky account
SCHEDULE = SCHEDULE.replace("""  - {network: x, handle: junocounseling}
  - {network: mastodon, handle: "@junocounseling@social.example"}
""", "  - {network: bluesky, handle: placeholder.test}\n")
A = f"{CAMPAIGN}/reluctance-doesnt-always-mean-refusal"


drawn = drawn_template(SCHEDULE, CAMPAIGN, TIPS)


@pytest.fixture
def account(bluesky):
    return bluesky[0].create_account()


@pytest.fixture
def posted(drawn, tmp_path, bluesky, account) -> Path:
    root = fresh_copy(drawn, tmp_path)
    schedule = root / "posts" / "schedule.yaml"
    schedule.write_text(schedule.read_text().replace("placeholder.test", account.handle), encoding="utf-8")
    for now in ("2026-12-01T07:00", "2026-12-01T09:01", "2026-12-01T12:01"):
        result = run_cli_in_process("queue" if now.endswith("07:00") else "run-due", "--now", now, cwd=root,
                                    env=env(bluesky, account))
        assert result.code == 0, result
    return root


def env(bluesky, account) -> dict:
    return {"BLUESKY_APP_PASSWORD": account.app_password, "BLUESKY_PDS_URL": bluesky[0].url}


def collect(root: Path, bluesky, account, now: str):
    bluesky[1].set_now(at(now).timestamp())
    result = run_cli_in_process("collect", "--json", "--now", now, cwd=root, env=env(bluesky, account))
    return result, (json.loads(result.out) if result.out.strip() else None)


def test_bluesky_counts_are_read_through_the_pds_at_each_age_once(posted, bluesky, account):
    _pds, appview = bluesky
    ids = remote_ids(posted)
    first = ids[f"{A}@bluesky"]
    assert first.startswith(f"at://{account.did}/app.bsky.feed.post/")
    appview.set_counts(first, likes=7, reposts=2, replies=1, quotes=1)

    result, report = collect(posted, bluesky, account, "2026-12-01T10:30")
    assert result.code == 0, result
    assert report["networks"] == [{"network": "bluesky", "due": 1, "taken": 1, "late": 0, "read": 1, "calls": 1,
                                   "spent_usd": 0.0, "error": None, "held": 0, "outbox": 0, "gone": []}]
    assert snapshots(posted)[(f"{A}@bluesky", "1h")] == {
        "late": False, "taken_at": at("2026-12-01T10:30").astimezone(UTC), "impressions": None, "likes": 7, "reposts": 2, "replies": 1, "quotes": 1,
        "bookmarks": None, "link_clicks": None}
    assert appview.asked[-1] == [first]

    # read again the same day: nothing is due, nothing is asked
    asked = len(appview.asked)
    result, report = collect(posted, bluesky, account, "2026-12-01T13:30")
    assert result.code == 0 and [r["taken"] for r in report["networks"]] == [1]  # the second post's 1 h
    assert len(appview.asked) == asked + 1 and first not in appview.asked[-1]


def test_a_busy_appview_is_read_again_on_the_next_run(posted, bluesky, account):
    _pds, appview = bluesky
    appview.inject("GET /xrpc/app.bsky.feed.getPosts", status=429, reset_in=60, times=5)
    result, report = collect(posted, bluesky, account, "2026-12-01T10:30")
    assert result.code == 3 and report["networks"][0]["error"] and report["networks"][0]["taken"] == 0
    appview.clear_faults()
    appview.inject("GET /xrpc/app.bsky.feed.getPosts", drop="before", times=5)
    result, report = collect(posted, bluesky, account, "2026-12-01T10:40")
    assert result.code == 3 and report["networks"][0]["taken"] == 0
    appview.clear_faults()
    result, report = collect(posted, bluesky, account, "2026-12-01T10:50")
    assert result.code == 0 and report["networks"][0]["taken"] == 1


def test_getposts_is_asked_25_posts_at_a_time_in_one_session(bluesky, account, drawn, tmp_path, caplog):
    pds, appview = bluesky
    root = fresh_copy(drawn, tmp_path)
    schedule = root / "posts" / "schedule.yaml"
    schedule.write_text(schedule.read_text().replace("placeholder.test", account.handle), encoding="utf-8")
    session = pds.xrpc("POST", "com.atproto.server.createSession",
                       json={"identifier": account.handle, "password": account.password})
    uris = [pds.xrpc("POST", "com.atproto.repo.createRecord", token=session["accessJwt"], json={
        "repo": account.did, "collection": "app.bsky.feed.post",
        "record": {"$type": "app.bsky.feed.post", "text": f"post {n}", "createdAt": "2026-12-01T14:00:00.000Z"}})["uri"]
        for n in range(30)]
    for n, uri in enumerate(uris):
        appview.set_counts(uri, likes=n)
    settings = load_settings(root, env=env(bluesky, account))
    readers = Readers(settings)
    caplog.set_level(logging.INFO, logger="scheduler.networks.bluesky.publisher")
    try:
        reader = readers.for_account(settings.schedule.all_accounts[0])
        now = datetime(2026, 12, 2, tzinfo=UTC)
        reading = reader.read([ToRead(uri, now) for uri in uris], now)
        again = reader.read([ToRead(uris[0], now)], now)
    finally:
        readers.close()
    assert reading.calls == 2 and [len(a) for a in appview.asked[-3:-1]] == [25, 5]
    assert [reading.counts[uri].likes for uri in uris] == list(range(30))
    assert again.counts[uris[0]].likes == 0 and reading.billed == uris
    assert sum("logged in as" in r.getMessage() for r in caplog.records) == 1  # one session for the three calls



def test_a_post_deleted_in_its_repository_is_gone_and_the_other_is_read(posted, bluesky, account):
    """A post the AppView leaves out is looked for in the account's repository: RecordNotFound there is gone."""
    pds, _appview = bluesky
    first = remote_ids(posted)[f"{A}@bluesky"]
    session = pds.xrpc("POST", "com.atproto.server.createSession",
                       json={"identifier": account.handle, "password": account.password})
    pds.xrpc("POST", "com.atproto.repo.deleteRecord", token=session["accessJwt"], json={
        "repo": account.did, "collection": "app.bsky.feed.post", "rkey": first.rsplit("/", 1)[1]})
    result, report = collect(posted, bluesky, account, "2026-12-01T13:30")  # A's 1 h (late) and the other's 1 h
    assert result.code == 0, result
    [row] = report["networks"]
    assert row["gone"] == [f"{A}@bluesky"] and row["taken"] == 1
