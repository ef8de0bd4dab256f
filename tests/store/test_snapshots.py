"""Metric snapshots on both backends: taken once per (post, network, age), reading spend counted in the
month's spend, and a database made by schema 6 (main before metrics) upgraded with its queue intact."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta

from scheduler.networks.base import Counts
from scheduler.store import open_store
from scheduler.store.schema import MIGRATIONS, SCHEMA_VERSION
from scheduler.store.snapshots import Snapshot
from tests.queue_helpers import make_post

NOW = datetime(2026, 11, 10, 12, 0, tzinfo=UTC)


def test_a_snapshot_is_never_taken_twice(database_url):
    with open_store(database_url) as store:
        first = Snapshot("c/a", "x", "24h", NOW - timedelta(hours=1), NOW, False, Counts(impressions=120, likes=4,
                         reposts=1, replies=0, quotes=0, bookmarks=1, link_clicks=2))
        again = Snapshot("c/a", "x", "24h", NOW - timedelta(hours=1), NOW + timedelta(hours=2), True, Counts(likes=99))
        mastodon = Snapshot("c/a@mastodon", "mastodon", "24h", NOW, NOW, False, Counts(likes=3, reposts=0, replies=1))
        assert store.add_snapshots([first, mastodon]) == 2
        assert store.add_snapshots([again]) == 0
        kept = store.snapshots()
        assert kept == [first, mastodon]  # the first reading stays; a count not given stays None
        assert store.snapshots(["c/a@mastodon"]) == [mastodon]
        assert store.last_collected() == NOW


def test_reading_is_spend_and_is_remembered_for_a_day(database_url):
    with open_store(database_url) as store:
        store.add_posts([make_post("c/a", NOW - timedelta(days=2))], NOW - timedelta(days=3))
        store.record_posted("c/a", "111", "https://x.com/j/status/111", 0.015, NOW - timedelta(days=2))
        store.record_reads("x", ["111", "112"], 0.005, NOW - timedelta(hours=25))
        store.record_reads("x", ["111"], 0.005, NOW - timedelta(hours=1))
        assert store.read_since("x", NOW - timedelta(days=1)) == {"111"}
        assert store.reading_spend_since(NOW - timedelta(days=30)) == {"x": (3, 0.015)}
        posts, spent = store.spend_since(NOW - timedelta(days=30))
        assert posts == 1 and round(spent, 6) == 0.03  # one post at 0.015 and three reads at 0.005


def test_a_database_made_by_schema_6_is_upgraded(tmp_path):
    path = tmp_path / "juno.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE juno_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        for step in MIGRATIONS[:6]:
            for statement in step:
                conn.execute(statement)
        conn.execute("INSERT INTO juno_meta VALUES ('schema_version', '6')")
    with open_store(f"sqlite:///{path}") as store:
        store.add_posts([make_post("c/a", NOW)], NOW - timedelta(days=1))
    with open_store(f"sqlite:///{path}") as store:
        assert store.schema_version() == SCHEMA_VERSION >= 7  # through the metrics tables (7) and on
        assert [p.id for p in store.posts()] == ["c/a"]
        assert store.snapshots() == [] and store.last_collected() is None
