"""On PostgreSQL a claim reads due work in order from an index and stops at the first free rows, whatever the
table's statistics say: a queue that was just filled (never analysed, as when a big queue is drained) is
claimed from an ordered index scan per network, never by sorting every due row. The plan, not a time."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from scheduler.store import open_store
from scheduler.store.postgres import CLAIM_PLAN, claim_sql
from scheduler.store.schema import META_TABLE, MIGRATIONS, SCHEMA_VERSION

QUEUED = 200_000
NOW = datetime(2026, 12, 7, 14, 0, tzinfo=UTC)
NETWORKS = ["x", "mastodon"]


def _database_of_schema_5(url: str) -> None:
    """The queue as the version before posts_claim made it (schema 5), filled and never analysed."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn, conn.transaction():
        for step in MIGRATIONS[:5]:
            for statement in step:
                conn.execute(statement)
        conn.execute(META_TABLE)
        conn.execute("INSERT INTO juno_meta (key, value) VALUES ('schema_version', '5')")
        conn.execute("ALTER TABLE posts SET (autovacuum_enabled = false)")  # nothing analyses it behind our back
        # Half posted (the history), the rest due on two networks and one paused network ahead of them all.
        conn.execute("""INSERT INTO posts (id, tip_key, campaign, text, weighted_length, due_at, status, ready_at,
                                           created_at, updated_at, network)
                        SELECT 'c/p' || lpad(n::text, 7, '0'), 'c/p' || n, 'c', 'Tip', 3, n, status, n, 0, 0, network
                        FROM generate_series(1, %s) AS n,
                             LATERAL (SELECT CASE WHEN n %% 2 = 0 THEN 'posted' ELSE 'queued' END AS status,
                                             CASE WHEN n < %s THEN 'bluesky' WHEN n %% 3 = 0 THEN 'mastodon'
                                                  ELSE 'x' END AS network) AS chosen""", (QUEUED, QUEUED // 4))


def _nodes(node: dict, under_lock: bool = False):
    yield node, under_lock
    for child in node.get("Plans", []):
        yield from _nodes(child, under_lock or node["Node Type"] == "LockRows")


def _claim_plan(store) -> list[tuple[dict, bool]]:
    params = {"now": int(NOW.timestamp()), "limit": 8, "worker": "w", "until": int((NOW + timedelta(minutes=5)).timestamp())}
    with store.conn.transaction():  # as the claim runs: in its own transaction, with its planner settings
        for setting in CLAIM_PLAN:
            store.conn.execute(setting)
        (plan,), = store.conn.execute("EXPLAIN (FORMAT JSON) " + claim_sql(NETWORKS), params).fetchone()
    return list(_nodes(plan["Plan"]))


def _assert_ordered_scans(nodes: list[tuple[dict, bool]], *, index: str | None) -> None:
    picks = [node for node, locked in nodes if locked]
    scans = [node for node in picks if "Scan" in node["Node Type"]]
    assert len(scans) == len(NETWORKS), picks  # one scan per network...
    for scan in scans:
        assert scan["Node Type"] == "Index Scan", scan  # ...walked in index order,
        assert index is None or scan["Index Name"] == index, scan
    assert not [node for node in picks if node["Node Type"] in ("Sort", "Incremental Sort", "BitmapAnd")], picks
    assert sum(node["Node Type"] == "LockRows" for node, _ in nodes) == len(NETWORKS)  # ...stopping at LIMIT


@pytest.mark.slow
def test_a_claim_on_a_just_filled_queue_is_an_ordered_index_scan_per_network(pg_url):
    _database_of_schema_5(pg_url)
    with open_store(pg_url) as store:  # migrates a database made by the previous version
        assert store.schema_version() == SCHEMA_VERSION
        (columns,), = store.conn.execute("SELECT count(*) FROM pg_stats WHERE schemaname = current_schema() "
                                         "AND tablename = 'posts'").fetchall()
        assert columns == 0  # never analysed: the planner knows nothing of the queue's columns
        _assert_ordered_scans(_claim_plan(store), index="posts_claim")

        taken = store.claim_many("w", NOW, timedelta(minutes=5), networks=NETWORKS, limit=8)
        assert [p.id for p in taken] == [f"c/p{n:07d}" for n in range(QUEUED // 4 + 1, QUEUED, 2)][:8]
        assert [p.network for p in taken] == ["mastodon" if n % 3 == 0 else "x"
                                              for n in range(QUEUED // 4 + 1, QUEUED, 2)][:8]

        store.conn.execute("ANALYZE posts")  # with statistics too, no claim sorts the due rows
        _assert_ordered_scans(_claim_plan(store), index=None)


def _plans_of(store, read) -> list[dict]:
    """The plan of every statement `read(store)` sends, as PostgreSQL would run it now."""
    sent: list[tuple[str, tuple]] = []
    query = store._query

    def recording(sql, params=()):
        sent.append((sql, tuple(params)))
        return query(sql, params)

    store._query = recording
    try:
        read(store)
    finally:
        store._query = query
    plans = []
    for sql, params in sent:
        (plan,), = store.conn.execute("EXPLAIN (FORMAT JSON) " + store._sql(sql), params).fetchone()
        plans.append(plan["Plan"])
    return plans


@pytest.mark.slow
def test_reading_the_posts_other_runs_hold_never_scans_a_just_filled_queue(pg_url):
    """After every claim a run reads the posts other runs hold (min_gap with what they are sending), and --dry-run
    lists them: a handful of rows, read from their own index, not by scanning every queued post (it made draining a
    queue of 1,000,000 2.7x slower per post than one of 10,000)."""
    _database_of_schema_5(pg_url)
    with open_store(pg_url) as store:
        taken = store.claim_many("w", NOW, timedelta(minutes=5), networks=NETWORKS, limit=8)
        store.note_sending(taken[0].id, "w", NOW)
        reads = {
            "sending": lambda s: s.sending("other", NOW),
            "sending on time": lambda s: s.sending("other", NOW, on_time_from=NOW - timedelta(minutes=30)),
            "in flight": lambda s: s.in_flight(NOW),
        }
        for name, read in reads.items():
            for plan in _plans_of(store, read):
                nodes = [node for node, _ in _nodes(plan)]
                assert not [node for node in nodes if node["Node Type"] == "Seq Scan"], (name, nodes)
                assert any(node.get("Index Name") == "posts_held" for node in nodes), (name, nodes)
        assert [post.id for post, _ in store.sending("other", NOW)] == [taken[0].id]
        assert sorted(post.id for post in store.in_flight(NOW)) == sorted(post.id for post in taken)
