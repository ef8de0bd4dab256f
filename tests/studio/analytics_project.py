"""A project whose posts went out and were read: 30 tips posted on X in a real SQLite file, with the snapshots
`collect` keeps (24 h and 72 h, one late), X's billed reads this month, and Saturday noon clearly ahead."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from scheduler.campaigns.queueing import queue_campaigns
from scheduler.networks.base import Counts
from scheduler.store import open_store
from scheduler.store.snapshots import Snapshot
from tests.conftest import run_cli
from tests.queue_helpers import (
    post_everything,
    settings_for,
    write_campaign,
    write_schedule,
)

NY = ZoneInfo("America/New_York")
QUEUED_AT = datetime(2026, 12, 1, 14, tzinfo=UTC)   # Tuesday 09:00 in New York
SEEN = datetime(2027, 2, 20, 15, tzinfo=UTC)        # the studio's clock: after the last post's 72 h
TIPS = 30


def counts_72h(post) -> Counts:
    """Saturday noon does far better than the weekday mornings; tips differ a little within a slot."""
    saturday = post.due_at.astimezone(NY).weekday() == 5
    n = int(post.tip_key[-2:])
    return Counts(impressions=1000 + 40 * n, likes=(80 if saturday else 30) + 3 * (n % 5), reposts=n % 3, replies=n % 2)


# (likes, impressions) at 72 h per tip: t00 was seen by 3 people, 2 of whom liked it (a user trial's Best on X)
FEW = [(2, 3), (40, 2000), (20, 1500), (54, 1800), (18, 1200), (100, 2500), (15, 1000), (66, 2200)]


def few_counts(post) -> Counts:
    """`posted_project(root, len(FEW), few_counts)`: eight tips, the first a lucky post seen by 3 people."""
    likes, impressions = FEW[int(post.tip_key[-2:])]
    return Counts(impressions=impressions, likes=likes, reposts=0, replies=0)


def posted_project(root: Path, tips: int = TIPS, counts: Callable[..., Counts] = counts_72h) -> Path:
    """`tips` posted, each with `counts(post)` at 72 h (Saturday noon ahead, unless a test gives its own)."""
    write_schedule(root, publisher="x")
    write_campaign(root, "alpha", [{"id": f"t{i:02d}", "section": f"S{i}"} for i in range(tips)])
    settings = settings_for(root)
    with open_store(settings.database_url) as store:
        queue_campaigns(settings, store, QUEUED_AT)
    post_everything(root, counts)
    with open_store(settings.database_url) as store:
        posts = store.posts()
        early = [Snapshot(p.id, p.network, "24h", p.posted_at + timedelta(hours=24),
                          p.posted_at + timedelta(hours=24 + (5 if n == 0 else 0)), n == 0,
                          Counts(impressions=600 + 10 * n, likes=10 + n % 7, reposts=0, replies=n % 2))
                 for n, p in enumerate(sorted(posts, key=lambda p: p.id)[:8])]
        store.add_snapshots(early)
        store.record_reads("x", [p.remote_id for p in posts[:12]], 0.005, SEEN - timedelta(days=2))
    return root


def stats_json(root: Path) -> dict:
    """`stats --json` through the real command line."""
    result = run_cli("--root", str(root), "stats", "--json")
    assert result.code == 0, result
    return json.loads(result.out)
