"""stats and the studio's Analytics page over 10,000 snapshots (2,000 posts on three networks at five ages).

stats_10k: `Project.stats` (what `juno-scheduler stats` calls). studio_analytics_10k: the studio answering
GET /analytics (the same `Project.stats`, plus `Project.status` for the month's reading spend, and the first page
of 40 posts drawn) through its own ASGI app and Starlette's test client in this process. Both beside one floor
measured in the same run: reading the same 10,000 snapshots from the store. Times are this process's CPU, taken in
turns with the floor (`paired_cpu_ms`: on the shared two-core machine the wall clock also counts the other jobs);
the wall-clock medians are given beside them.
"""

from __future__ import annotations

import shutil
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench import figure, median_ms, paired_cpu_ms
from tests.conftest import THREE_ACCOUNTS

POSTS = 2000
NOW = datetime(2026, 12, 30, 15, 0, tzinfo=UTC)
SCHEDULE = (THREE_ACCOUNTS + """\
slots:
  - days: [mon]
    times: ["09:00"]
link: {mode: none}
budget: {monthly_usd: 100}
""").replace("placeholder.test", "junocounseling.bsky.social")
BASE = "http://127.0.0.1:8765"


def project(folder: Path) -> Path:
    """2,000 posts made an hour apart two months ago, each with its five snapshots, and X's reads this month."""
    from scheduler import open_project
    from scheduler.networks.base import Counts
    from scheduler.store import POSTED, open_store
    from scheduler.store.records import Post
    from scheduler.store.snapshots import Snapshot

    root = folder / "project"
    (root / "posts").mkdir(parents=True)
    (root / "posts" / "schedule.yaml").write_text(SCHEDULE, encoding="utf-8")
    ages = {"1h": timedelta(hours=1), "24h": timedelta(hours=24), "72h": timedelta(hours=72),
            "7d": timedelta(days=7), "28d": timedelta(days=28)}
    networks = ("x", "bluesky", "mastodon")
    posts, snapshots = [], []
    for n in range(POSTS):
        network = networks[n % 3]
        post_id = f"bench/tip-{n:04d}" + ("" if network == "x" else f"@{network}")
        made = NOW - timedelta(days=60, hours=n)
        posts.append(Post(id=post_id, tip_key=f"bench/tip-{n:04d}", round=1, campaign="bench", section=None,
                          position=n, text=f"Tip {n}", card=None, alt_text=None, weighted_length=6, due_at=made,
                          status=POSTED, remote_id=str(10_000 + n), posted_at=made, network=network))
        for k, (age, offset) in enumerate(ages.items()):
            counts = Counts(impressions=500 + 37 * (n % 50) + 100 * k if network == "x" else None,
                            likes=(n * 7) % 23 + k, reposts=(n * 3) % 5, replies=n % 4,
                            quotes=n % 2 if network != "mastodon" else None)
            snapshots.append(Snapshot(post_id, network, age, made + offset, made + offset, False, counts))
    with open_store(open_project(root, env={}).settings.database_url) as store:
        store.add_posts(posts, NOW - timedelta(days=90))
        store.add_snapshots(snapshots)
        store.record_reads("x", [p.remote_id for p in posts if p.network == "x"][:300], 0.005, NOW - timedelta(days=1))
    return root


def run() -> dict:
    from starlette.testclient import TestClient

    from scheduler import open_project
    from scheduler.store import open_store
    from scheduler.studio import make_studio

    folder = Path(tempfile.mkdtemp(prefix="juno-analytics-bench-"))
    try:
        root = project(folder)
        proj = open_project(root, env={})
        app, gate = make_studio(root, 8765, lambda: NOW)
        client = TestClient(app, base_url=BASE)
        client.get(gate.link().removeprefix(BASE))

        def read_them() -> None:
            with open_store(proj.settings.database_url) as store:
                assert len(store.snapshots()) == POSTS * 5

        def stats() -> None:
            assert len(proj.stats().posts) == POSTS

        def page() -> None:
            answer = client.get("/analytics")
            assert answer.status_code == 200 and "page 1 of 50" in answer.text, answer.text[:500]

        stats_ms, stats_floor = paired_cpu_ms(stats, read_them, repeat=5)
        page_ms, page_floor = paired_cpu_ms(page, read_them, repeat=5)
        stats_wall, page_wall = median_ms(stats, repeat=3), median_ms(page, repeat=3)
        size = len(client.get("/analytics").content)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    floor_is = "reading the same 10,000 snapshots from the store (CPU, in turns)"
    return {
        "stats_10k": figure(stats_ms, "ms", floor=stats_floor, floor_is=floor_is, snapshots=POSTS * 5,
                            wall_ms=stats_wall),
        "studio_analytics_10k": figure(page_ms, "ms", floor=page_floor, floor_is=floor_is, snapshots=POSTS * 5,
                                       wall_ms=page_wall, page_kb=round(size / 1024, 1), posts_on_page=40),
    }


if __name__ == "__main__":  # pragma: no cover
    import json

    print(json.dumps(run(), indent=2))
