"""The queue's figures: run-due with nothing due (cold), claims on a big queue, eight workers on PostgreSQL.

run_due_noop     `python -m scheduler run-due` with nothing due, cold, against `python -c pass`;
                 also lists which heavy modules that path imported (none of tweepy, PIL, apscheduler, rich, atproto).
claim_1m_vs_1k   one claim with 1,000,000 posts queued against one with 1,000 (SQLite, the default).
pg_drain_100k    eight worker processes (the real runner) drain 100,000 due posts from PostgreSQL to a publisher
                 that does nothing but note the call: posts per second, against the floor of the same eight
                 processes making one bare round trip (SELECT 1) per post.
pg_rate_1m_vs_10k  the same eight drain the first 10,000 posts of a queue of 10,000 (the floor) and of a queue
                 of 1,000,000 (the value): seconds per 10,000, so the ratio is how much a long queue slows claims.
pg_duplicates_lost posts published twice, or published and not recorded (or recorded and never published), over
                 all three drains: must be 0.
Every queue is filled by the server (INSERT ... SELECT FROM generate_series, the rows add_posts writes, checked
against one written by add_posts) and drained at once, before anything has analysed the table: a million rows
sent one by one from Python would not fit the bench's ten minutes, and a fresh queue is the case that matters.

    python -m bench store          (or: python -m bench.store_bench)
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench import REPO, cold_ms, figure

PG_URL = os.environ.get("JUNO_BENCH_PG", "postgresql://postgres@127.0.0.1:5432/test")
HEAVY = ("tweepy", "PIL", "apscheduler", "rich", "atproto")
CLAIMS = 200
DRAIN_POSTS = int(os.environ.get("JUNO_BENCH_DRAIN", "100000"))
DRAIN_WORKERS = 8
SLICE = int(os.environ.get("JUNO_BENCH_SLICE", "10000"))
BIG_QUEUE = int(os.environ.get("JUNO_BENCH_BIG_QUEUE", "1000000"))


def run() -> dict:
    folder = Path(tempfile.mkdtemp(prefix="juno-store-bench-"))
    try:
        figures = {"run_due_noop": run_due_noop(folder)}
        figures["claim_1m_vs_1k"] = claim_1m_vs_1k(folder)
        figures.update(pg_drain(folder))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return figures


def posts(count: int, first_due: datetime, step: timedelta = timedelta(0), prefix: str = "bench/tip-"):
    from scheduler.store import Post

    return [Post(id=f"{prefix}{n:07d}", tip_key=f"{prefix}{n:07d}", round=1, campaign="bench", section=None,
                 position=n, text=f"Tip {n}: listen first.", card=None, alt_text=None, weighted_length=22,
                 due_at=first_due + step * n) for n in range(count)]


def add_in_batches(store, items, batch: int = 20000) -> None:
    now = datetime.now(UTC)
    for start in range(0, len(items), batch):
        store.add_posts(items[start:start + batch], now)


# --- run-due with nothing due -------------------------------------------------------------------

def run_due_noop(folder: Path) -> dict:
    from scheduler.config import load_settings
    from scheduler.store import open_store

    root = folder / "noop"
    (root / "posts").mkdir(parents=True)
    shutil.copy(REPO / "posts" / "schedule.yaml", root / "posts" / "schedule.yaml")
    with open_store(load_settings(root, env={}).database_url) as store:  # a queue with posts, none due
        add_in_batches(store, posts(50, datetime.now(UTC) + timedelta(days=1), timedelta(hours=12)))
    argv = [sys.executable, "-m", "scheduler", "run-due"]
    floor_runs, value_runs = [], []
    for _ in range(11):  # interleaved, so that both see the same load on the machine
        floor_runs.append(cold_ms([sys.executable, "-c", "pass"], repeat=1))
        value_runs.append(cold_ms(argv, repeat=1, cwd=root))
    floor, value = statistics.median(floor_runs), statistics.median(value_runs)
    imported = subprocess.run([sys.executable, "-X", "importtime", *argv[1:]], cwd=root, capture_output=True,
                              text=True, env={k: v for k, v in os.environ.items() if not k.startswith("JUNO_")}, check=False)
    modules = {line.split("|")[-1].strip().split(".")[0] for line in imported.stderr.splitlines() if "|" in line}
    return figure(value, "ms", floor=floor, goal="ratio <= 3", floor_is="python -c pass, cold",
                  heavy_imports=sorted(m for m in HEAVY if m in modules))


# --- claims on a big queue ----------------------------------------------------------------------

def claim_ms(folder: Path, queued: int) -> float:
    """Median ms of one claim with `queued` posts in the queue, CLAIMS of them due (SQLite)."""
    from scheduler.store import open_store

    url = f"sqlite:///{folder / f'claim-{queued}.db'}"
    now = datetime.now(UTC)
    with open_store(url) as store:
        add_in_batches(store, posts(CLAIMS, now - timedelta(hours=1), timedelta(seconds=1), prefix="due/"))
        add_in_batches(store, posts(queued - CLAIMS, now + timedelta(days=1), timedelta(seconds=30)))
    with open_store(url) as store:
        times = []
        for _ in range(CLAIMS):
            start = time.perf_counter()
            claimed = store.claim("bench", now, timedelta(minutes=5))
            times.append(time.perf_counter() - start)
            assert claimed is not None and claimed.id.startswith("due/")
        assert store.claim("bench", now, timedelta(minutes=5)) is None
    return statistics.median(times) * 1000


def claim_1m_vs_1k(folder: Path) -> dict:
    small = claim_ms(folder, 1_000)
    big = claim_ms(folder, 1_000_000)
    return figure(big, "ms", floor=small, goal="ratio <= 2", floor_is="the same claim with 1,000 queued",
                  claims=CLAIMS, backend="sqlite")


# --- eight workers on PostgreSQL ------------------------------------------------------------------

def pg_drain(folder: Path) -> dict:
    """pg_drain_100k, and the rate of draining the first SLICE posts of a queue of SLICE and of BIG_QUEUE."""
    figures = {}
    with pg_schema() as url:
        figures["pg_drain_100k"] = drain(folder / "100k", url, DRAIN_POSTS)
        floor = round_trips(folder / "floor", url)
    figures["pg_drain_100k"].update(floor=floor, ratio=round(figures["pg_drain_100k"]["value"] / floor, 3),
                                    floor_is=f"{DRAIN_WORKERS} processes making one bare round trip per post")
    rates = {}
    for queued in (SLICE, BIG_QUEUE):
        with pg_schema() as url:
            rates[queued] = drain(folder / f"q{queued}", url, queued, take=SLICE)
    small, big = rates[SLICE], rates[BIG_QUEUE]
    figures["pg_rate_1m_vs_10k"] = figure(
        1000 * SLICE / big["value"], "ms", floor=1000 * SLICE / small["value"], goal="ratio <= 1.5",
        floor_is=f"draining the first {SLICE:,} posts of a queue of {SLICE:,}",
        note=f"draining the first {SLICE:,} posts of a queue of {BIG_QUEUE:,}, just filled, never analysed",
        rate_10k=small["value"], rate_1m=big["value"], duplicates=small["duplicates"] + big["duplicates"],
        lost=small["lost"] + big["lost"])
    problems = sum(f.get("duplicates", 0) + f.get("lost", 0) for f in (figures["pg_drain_100k"], small, big))
    figures["pg_duplicates_lost"] = figure(problems, "posts", goal="value == 0",
                                           note="posts published twice or published and not recorded, all three runs")
    return figures


@contextmanager
def pg_schema():
    import psycopg

    schema = f"juno_bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(PG_URL, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    try:
        yield f"{PG_URL}{'&' if '?' in PG_URL else '?'}options=-csearch_path%3D{schema}"
    finally:
        with psycopg.connect(PG_URL, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


def fill(url: str, count: int, due: datetime) -> None:
    """`count` due posts, the rows `add_posts` would write for `posts(count, due)`, made by the server itself
    (one INSERT from generate_series: a million in seconds, where a million rows sent from here take minutes)."""
    from scheduler.store import open_store
    from scheduler.store.records import to_epoch

    with open_store(url) as store:
        store.add_posts(posts(1, due), datetime.now(UTC))  # one through the library: the reference row
        store.conn.execute(
            "INSERT INTO posts (id, tip_key, round, campaign, section, position, text, card, alt_text, weighted_length,"
            " due_at, pinned, status, ready_at, attempts, attempt_open, recyclable, created_at, updated_at, network,"
            " sensitive) SELECT 'bench/tip-' || lpad(n::text, 7, '0'), 'bench/tip-' || lpad(n::text, 7, '0'), 1,"
            " 'bench', NULL, n, 'Tip ' || n || ': listen first.', NULL, NULL, 22, %(due)s, 0, 'queued', %(due)s, 0, 0,"
            " 1, %(now)s, %(now)s, 'x', 0 FROM generate_series(1, %(last)s) AS n",
            {"due": to_epoch(due), "now": to_epoch(datetime.now(UTC)), "last": count - 1})
        reference, made = store.get("bench/tip-0000000"), store.get("bench/tip-0000001")
        assert made is not None and reference is not None
        assert replace(made, id=reference.id, tip_key=reference.tip_key, position=0, text=reference.text,
                        updated_at=reference.updated_at) == reference


def drain(folder: Path, url: str, queued: int, take: int | None = None) -> dict:
    """DRAIN_WORKERS processes drain `take` posts (all by default) of `queued` due ones; their rate, and
    how many went out twice or were published and not recorded."""
    from scheduler.store import open_store

    root = folder / "project"
    (root / "posts").mkdir(parents=True)
    shutil.copy(REPO / "posts" / "schedule.yaml", root / "posts" / "schedule.yaml")
    fill(url, queued, datetime.now(UTC) - timedelta(minutes=1))
    share = str(-(-(take or queued) // DRAIN_WORKERS))
    env = dict(os.environ, JUNO_DATABASE_URL=url)
    start = time.perf_counter()
    workers = [subprocess.Popen([sys.executable, "-m", "bench.store_bench", "--drain", str(root),
                                 str(folder / f"calls-{n}.json"), share], cwd=REPO, env=env)
               for n in range(DRAIN_WORKERS)]
    for worker in workers:
        if worker.wait() != 0:
            raise RuntimeError(f"a drain worker exited {worker.returncode}")
    seconds = time.perf_counter() - start
    calls = [post_id for n in range(DRAIN_WORKERS) for post_id in json.loads((folder / f"calls-{n}.json").read_text())]
    with open_store(url) as store:
        recorded = {p.id for p in store.posts(["posted"])}
        left = sum(n for status, n in store.counts().items() if status != "posted")
    lost = len(set(calls) ^ recorded)
    if take is None:
        lost += queued - len(recorded)
    return figure(len(calls) / seconds, "posts/s", goal="value >= 5000", duplicates=len(calls) - len(set(calls)),
                  lost=lost, not_posted=left, workers=DRAIN_WORKERS, posts=len(calls), queued=queued, seconds=seconds)


def round_trips(folder: Path, url: str) -> float:
    """The floor of the drain: the same processes, each making one bare round trip per post of its share."""
    share = -(-DRAIN_POSTS // DRAIN_WORKERS)
    env = dict(os.environ, JUNO_DATABASE_URL=url)
    folder.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    workers = [subprocess.Popen([sys.executable, "-m", "bench.store_bench", "--round-trips", str(share)], cwd=REPO,
                                env=env) for _ in range(DRAIN_WORKERS)]
    for worker in workers:
        if worker.wait() != 0:
            raise RuntimeError(f"a round-trip worker exited {worker.returncode}")
    return share * DRAIN_WORKERS / (time.perf_counter() - start)


def round_trip_worker(count: int) -> int:
    import psycopg

    with psycopg.connect(os.environ["JUNO_DATABASE_URL"], autocommit=True) as conn:
        for _ in range(count):
            conn.execute("SELECT 1").fetchone()
    return 0


def drain_worker(root: Path, out: Path, share: int) -> int:
    """One of the eight: the real runner against the shared queue, a publisher that only notes calls;
    it stops between posts once it has published `share`."""
    from scheduler.config import load_settings
    from scheduler.networks.base import Published, Publisher
    from scheduler.runner.run import run_due, worker_name
    from scheduler.store import open_store

    class Nothing(Publisher):
        name = "nothing"

        def __init__(self):
            self.calls: list[str] = []

        def publish(self, post):
            self.calls.append(post.post_id)
            return Published(remote_id=post.post_id, url="")

    settings = load_settings(root)
    publisher = Nothing()
    with open_store(settings.database_url) as store:
        run_due(settings, store, publisher, datetime.now(UTC), worker_name(),
                should_stop=lambda: len(publisher.calls) >= share)
    out.write_text(json.dumps(publisher.calls))
    return 0


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--drain":
        sys.exit(drain_worker(Path(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4])))
    if len(sys.argv) > 1 and sys.argv[1] == "--round-trips":
        sys.exit(round_trip_worker(int(sys.argv[2])))
    print(json.dumps(run(), indent=2))
