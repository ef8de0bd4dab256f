"""The queue's figures: run-due with nothing due (cold), claims on a big queue, eight workers on PostgreSQL.

run_due_noop     `python -m scheduler run-due` with nothing due, cold, against `python -c pass`;
                 also lists which heavy modules that path imported (none of tweepy, PIL, apscheduler, rich, atproto).
claim_1m_vs_1k   one claim with 1,000,000 posts queued against one with 1,000 (SQLite, the default).
pg_drain_100k    eight worker processes drain 100,000 due posts from PostgreSQL to a publisher that does
                 nothing but note the call: posts per second, and how many posts went out twice.

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
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench import REPO, cold_ms, figure

PG_URL = os.environ.get("JUNO_BENCH_PG", "postgresql://postgres@127.0.0.1:5432/test")
HEAVY = ("tweepy", "PIL", "apscheduler", "rich", "atproto")
CLAIMS = 200
DRAIN_POSTS = int(os.environ.get("JUNO_BENCH_DRAIN", "100000"))
DRAIN_WORKERS = 8


def run() -> dict:
    folder = Path(tempfile.mkdtemp(prefix="juno-store-bench-"))
    try:
        figures = {"run_due_noop": run_due_noop(folder)}
        figures["claim_1m_vs_1k"] = claim_1m_vs_1k(folder)
        figures["pg_drain_100k"] = pg_drain(folder)
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
    return figure(value, "ms", floor=floor, goal="ratio <= 6", floor_is="python -c pass, cold",
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
    import psycopg

    schema = f"juno_bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(PG_URL, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    url = f"{PG_URL}{'&' if '?' in PG_URL else '?'}options=-csearch_path%3D{schema}"
    try:
        return drain(folder, url)
    finally:
        with psycopg.connect(PG_URL, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


def drain(folder: Path, url: str) -> dict:
    from scheduler.store import open_store

    root = folder / "drain"
    (root / "posts").mkdir(parents=True)
    shutil.copy(REPO / "posts" / "schedule.yaml", root / "posts" / "schedule.yaml")
    with open_store(url) as store:
        add_in_batches(store, posts(DRAIN_POSTS, datetime.now(UTC) - timedelta(minutes=1)))
    env = dict(os.environ, JUNO_DATABASE_URL=url)
    start = time.perf_counter()
    workers = [subprocess.Popen([sys.executable, "-m", "bench.store_bench", "--drain", str(root),
                                 str(folder / f"calls-{n}.json")], cwd=REPO, env=env)
               for n in range(DRAIN_WORKERS)]
    for worker in workers:
        if worker.wait() != 0:
            raise RuntimeError(f"a drain worker exited {worker.returncode}")
    seconds = time.perf_counter() - start
    calls = [post_id for n in range(DRAIN_WORKERS) for post_id in json.loads((folder / f"calls-{n}.json").read_text())]
    with open_store(url) as store:
        left = sum(n for status, n in store.counts().items() if status != "posted")
    return figure(DRAIN_POSTS / seconds, "posts/s", goal="duplicates == 0", duplicates=len(calls) - len(set(calls)),
                  lost=DRAIN_POSTS - len(set(calls)), not_posted=left, workers=DRAIN_WORKERS,
                  posts=DRAIN_POSTS, seconds=seconds)


def drain_worker(root: Path, out: Path) -> int:
    """One of the eight: the real runner against the shared queue, a publisher that only notes calls."""
    from scheduler.config import load_settings
    from scheduler.publishers.base import Published, Publisher
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
        run_due(settings, store, publisher, datetime.now(UTC), worker_name())
    out.write_text(json.dumps(publisher.calls))
    return 0


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--drain":
        sys.exit(drain_worker(Path(sys.argv[2]), Path(sys.argv[3])))
    print(json.dumps(run(), indent=2))
