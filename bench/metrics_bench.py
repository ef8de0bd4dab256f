"""collect over 1,000 posted posts on each of three networks (stats over 10,000 snapshots: analytics_bench.py).

collect_1000x3: the real `Project.collect` (the CLI's library call) against the local servers: the fake X
and fake Mastodon (tests/fakex.py, tests/fakemastodon.py) and the reference Bluesky PDS (tests/pds/) passing
getPosts to the fake AppView (tests/fakeappview.py). 1,000 posts on each network, posted over the last four
weeks so each is due its latest age. Figures: the seconds it takes, beside a floor of the same reads made bare with
requests (the same pages and batches, one Bluesky login); the calls per network; X's reading spend; and a second
collect an hour later, which must read nothing (no post read twice in a day).
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import requests

from bench import REPO, figure
from tests.conftest import THREE_ACCOUNTS

POSTS = 1000
NOW = datetime(2026, 12, 30, 15, 0, tzinfo=UTC)
SCHEDULE = THREE_ACCOUNTS + """\
slots:
  - days: [mon]
    times: ["09:00"]
link: {mode: none}
budget: {monthly_usd: 100}
"""


def run() -> dict:
    sys.path.insert(0, str(REPO))
    folder = Path(tempfile.mkdtemp(prefix="juno-metrics-bench-"))
    try:
        return collect_figures(folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def posted_at(n: int) -> datetime:
    """Spread over four weeks, at least an hour old: every post is due its latest age."""
    return NOW - timedelta(hours=1, minutes=(n * 997) % (28 * 24 * 60 - 120))


def project(folder: Path, handle: str) -> Path:
    root = folder / "project"
    (root / "posts").mkdir(parents=True)
    (root / "posts" / "schedule.yaml").write_text(SCHEDULE.replace("placeholder.test", handle), encoding="utf-8")
    return root


def collect_figures(folder: Path) -> dict:
    from scheduler import open_project
    from scheduler.store import POSTED, open_store
    from scheduler.store.records import Post
    from tests import pdsserver
    from tests.fakeappview import DID, FakeAppView
    from tests.fakemastodon import FakeMastodon
    from tests.fakex import FakeX

    problem = pdsserver.missing()
    if problem:
        raise RuntimeError(f"the Bluesky PDS harness is not installed ({problem}); {pdsserver.INSTALL_HINT}")
    with FakeX() as fx, FakeMastodon() as fm, FakeAppView() as appview:
        pds = pdsserver.start(appview=(appview.base_url, DID))
        appview.pds_url = pds.url
        try:
            account = pds.create_account()
            root = project(folder, account.handle)
            env = {**fx.env(), **fm.env(), "BLUESKY_APP_PASSWORD": account.app_password, "BLUESKY_PDS_URL": pds.url}
            for fake in (fx, fm, appview):
                fake.set_now(NOW.timestamp())
            remote = {"x": fill_x(fx), "mastodon": fill_mastodon(fm), "bluesky": fill_bluesky(pds, account)}
            posts = []
            for network, ids in remote.items():
                suffix = "" if network == "x" else f"@{network}"
                posts += [Post(id=f"bench/tip-{n:04d}{suffix}", tip_key=f"bench/tip-{n:04d}", round=1, campaign="bench",
                               section=None, position=n, text=f"Tip {n}", card=None, alt_text=None,
                               weighted_length=6, due_at=posted_at(n), status=POSTED, remote_id=ids[n],
                               posted_at=posted_at(n), network=network) for n in range(POSTS)]
            proj = open_project(root, env=env)
            import atproto  # noqa: F401 - a warm process: atproto's models take seconds to import, once a process
            with open_store(proj.settings.database_url) as store:
                store.add_posts(posts, NOW - timedelta(days=30))
            started = time.perf_counter()
            report = proj.collect(NOW)
            seconds = time.perf_counter() - started
            rows = {row["network"]: row for row in report.networks}
            again = proj.collect(NOW + timedelta(hours=1))
            calls = sum(row["calls"] for row in rows.values())
            x_reads = fx.account("junocounseling").reads
            floor = bare_reads(remote, env, pds, account)
        finally:
            pds.stop()
    taken = {network: row["taken"] for network, row in rows.items()}
    if taken != {"x": POSTS, "bluesky": POSTS, "mastodon": POSTS} or any(row["error"] for row in rows.values()):
        raise RuntimeError(f"collect did not read every post: {report.networks}")
    read_again = sum(row["read"] for row in again.networks)
    return {
        "collect_1000x3": figure(seconds * 1000, "ms", floor=floor * 1000,
                                 floor_is="the same reads made bare with requests",
                                 calls=calls, calls_x=rows["x"]["calls"], calls_bluesky=rows["bluesky"]["calls"],
                                 calls_mastodon=rows["mastodon"]["calls"], snapshots=sum(taken.values())),
        "collect_x_spend_usd": figure(rows["x"]["spent_usd"], "USD", posts_billed=x_reads,
                                      price_each=0.005),
        "collect_read_twice_in_a_day": figure(read_again, "posts", goal="value == 0"),
    }


def fill_x(fx) -> list[str]:
    fx.fill_timeline(POSTS)
    return [str(p["id"]) for p in fx.posts[-POSTS:]]


def fill_mastodon(fm) -> list[str]:
    from tests.fakemastodon import FakeMastodon

    assert isinstance(fm, FakeMastodon)
    ids = []
    for n in range(POSTS):
        status_id = fm._new_id()
        fm.statuses.append({"id": status_id, "username": "junocounseling", "text": f"Tip {n}", "language": "en",
                            "sensitive": False, "spoiler_text": "", "visibility": "public",
                            "created_at": posted_at(n).strftime("%Y-%m-%dT%H:%M:%S.000Z"), "media": [],
                            "idempotency_key": None, "card_sha256": []})
        ids.append(status_id)
    return ids


def fill_bluesky(pds, account) -> list[str]:
    """The posts on the PDS, 200 records an applyWrites call."""
    session = pds.xrpc("POST", "com.atproto.server.createSession",
                       json={"identifier": account.handle, "password": account.password})
    uris: list[str] = []
    for start in range(0, POSTS, 200):
        writes = [{"$type": "com.atproto.repo.applyWrites#create", "collection": "app.bsky.feed.post",
                   "value": {"$type": "app.bsky.feed.post", "text": f"Tip {n}",
                             "createdAt": posted_at(n).strftime("%Y-%m-%dT%H:%M:%S.000Z")}}
                  for n in range(start, min(POSTS, start + 200))]
        answer = pds.xrpc("POST", "com.atproto.repo.applyWrites", token=session["accessJwt"],
                          json={"repo": account.did, "writes": writes})
        uris += [result["uri"] for result in answer["results"]]
    return uris


def bare_reads(remote: dict, env: dict, pds, account) -> float:
    """Seconds for the same reads made bare with requests (the floor): X's timeline over the same ids 100 a
    page, Mastodon's statuses 20 a call, Bluesky's getPosts 25 a call through the PDS in one session."""
    from requests_oauthlib import OAuth1

    started = time.perf_counter()
    with requests.Session() as session:
        x = env["JUNO_X_API_BASE"]
        auth = OAuth1(env["X_API_KEY"], env["X_API_SECRET"], env["X_ACCESS_TOKEN"], env["X_ACCESS_TOKEN_SECRET"])
        me = session.get(f"{x}/2/users/me", auth=auth, timeout=30).json()["data"]["id"]
        ids = sorted(remote["x"], key=int)
        params = {"since_id": str(int(ids[0]) - 1), "until_id": str(int(ids[-1]) + 1), "max_results": 100,
                  "tweet.fields": "created_at,public_metrics,non_public_metrics,organic_metrics"}
        while True:
            page = session.get(f"{x}/2/users/{me}/tweets", params=params, auth=auth, timeout=30).json()
            token = (page.get("meta") or {}).get("next_token")
            if not token:
                break
            params["pagination_token"] = token
        mastodon = {"Authorization": f"Bearer {env['MASTODON_ACCESS_TOKEN']}"}
        for start in range(0, len(remote["mastodon"]), 20):
            session.get(f"{env['MASTODON_API_BASE']}/api/v1/statuses", headers=mastodon, timeout=30,
                        params=[("id[]", i) for i in remote["mastodon"][start:start + 20]]).raise_for_status()
        login = session.post(f"{pds.url}/xrpc/com.atproto.server.createSession", timeout=30,
                             json={"identifier": account.handle, "password": account.app_password}).json()
        bluesky = {"Authorization": f"Bearer {login['accessJwt']}"}
        for start in range(0, len(remote["bluesky"]), 25):
            session.get(f"{pds.url}/xrpc/app.bsky.feed.getPosts", headers=bluesky, timeout=30,
                        params=[("uris", u) for u in remote["bluesky"][start:start + 25]]).raise_for_status()
    return time.perf_counter() - started
