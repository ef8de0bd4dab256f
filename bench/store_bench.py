"""The queue's figures: run-due with nothing due (cold), claims on a big queue, eight workers on PostgreSQL.

run_due_noop     `python -m scheduler run-due` with nothing due, cold (the package's bytecode compiled, as an
                 installed package has it), against `python -c pass`; also lists which heavy modules that path
                 imported (none of tweepy, PIL, apscheduler, rich, atproto).
claim_1m_vs_1k   one claim with 1,000,000 posts queued against one with 1,000 (SQLite, the default).
pg_drain_100k    eight worker processes (the real runner) drain a queue of 100,000 due posts from PostgreSQL to a
                 publisher that does nothing but note the call, for at most DRAIN_SECONDS (45 s; all of it when
                 that is fast enough): posts per second from the first worker's start to the last one's end,
                 against the floor of the same eight processes making bare round trips (SELECT 1) for FLOOR_SECONDS.
pg_rate_1m_vs_10k  the same eight drain the first 10,000 posts (for at most SLICE_SECONDS, 20 s) of a queue of
                 10,000 (the floor) and of a queue of 1,000,000 (the value): milliseconds per 10,000 at that rate,
                 so the ratio is how much a long queue slows claims.
queue_3000_lock  `queue` of a campaign of 3,000 approved tips on SQLite (its cards not drawn: the queue's own work), while
                 another process takes the write lock every 10 ms as run-due's claim does: the longest that process
                 waited (the value; goal: a run-due gets its turn within a second or two), against the same process's
                 longest wait with no queue running (the floor); queue's own seconds beside it.
pg_duplicates_lost posts published twice, published and not recorded, recorded and never published, or left
                 claimed when the workers stopped, over all three drains: must be 0.
Every queue is filled by the database (INSERT ... SELECT from a series, the rows add_posts writes, checked against
one written by add_posts) and drained at once, before anything has analysed the table: a million rows sent one
by one from Python would not fit the bench's ten minutes, and a fresh queue is the case that matters. On
PostgreSQL a CHECKPOINT follows the fill (it analyses nothing): otherwise the drain's own backends write back the
fill's dirty pages, and a million-row fill slowed the drain that followed it (1.77x the 10,000 one's time, once
claims cost 0.1 ms a post; a claim's own cost is the same at both sizes). The time
caps keep `make bench` under ten minutes on a busy 2-core machine; a capped drain still times thousands of posts.

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
# Time caps that keep `make bench` under ten minutes: a drain that has not finished by then stops between
# posts (the workers' should_stop) and its rate is the posts it published over the time it took; thousands
# of posts either way, so the rate is steady, and every post it touched is checked for exactly-once.
DRAIN_SECONDS = float(os.environ.get("JUNO_BENCH_DRAIN_SECONDS", "45"))
SLICE_SECONDS = float(os.environ.get("JUNO_BENCH_SLICE_SECONDS", "20"))
FLOOR_SECONDS = float(os.environ.get("JUNO_BENCH_FLOOR_SECONDS", "10"))
BIG_QUEUE = int(os.environ.get("JUNO_BENCH_BIG_QUEUE", "1000000"))


def run() -> dict:
    folder = Path(tempfile.mkdtemp(prefix="juno-store-bench-"))
    try:
        figures = {"run_due_noop": run_due_noop(folder)}
        figures["claim_1m_vs_1k"] = claim_1m_vs_1k(folder)
        figures["queue_3000_lock"] = queue_3000_lock(folder)
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


# --- a long queue and the write lock ----------------------------------------------------------------

QUEUE_TIPS = int(os.environ.get("JUNO_BENCH_QUEUE_TIPS", "3000"))
# Takes SQLite's write lock (BEGIN IMMEDIATE, as a claim does) every 10 ms until told to stop; prints its longest wait.
_LOCK_PROBE = '''import os, sqlite3, sys, time
db, stop = sys.argv[1], sys.argv[2]
while not os.path.exists(db):
    time.sleep(0.01)
conn = sqlite3.connect(db, timeout=600, isolation_level=None)
worst = 0.0
while not os.path.exists(stop):
    began = time.monotonic()
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("COMMIT")
    worst = max(worst, time.monotonic() - began)
    time.sleep(0.01)
print(worst * 1000)
'''
_QUEUE_SCHEDULE = '''account: {handle: junocounseling, publisher: outbox}
timezone: America/New_York
slots:
  - days: [mon, tue, wed, thu, fri, sat, sun]
    times: ["08:00", "10:00", "12:00", "14:00", "16:00", "18:00"]
min_gap: 1h
max_per_day: 6
jitter: 0m
catch_up: 2h
'''


def queue_3000_lock(folder: Path) -> dict:
    from scheduler import open_project
    from scheduler.campaigns import queueing

    def longest_wait(database: Path, work) -> tuple[float, float]:
        stop = database.parent / "stop"
        stop.unlink(missing_ok=True)
        probe = subprocess.Popen([sys.executable, "-c", _LOCK_PROBE, str(database), str(stop)],
                                 stdout=subprocess.PIPE, text=True)
        began = time.perf_counter()
        work()
        took = time.perf_counter() - began
        stop.touch()
        return float(probe.communicate(timeout=600)[0]), took

    root = folder / "queue"
    (root / "posts").mkdir(parents=True)
    shutil.copytree(REPO / "assets", root / "assets")
    (root / "posts" / "schedule.yaml").write_text(_QUEUE_SCHEDULE, encoding="utf-8")
    lines = ["article: {title: Big, url: 'https://junocounseling.com/blog/big', source: articles/big.txt}", "tips:"]
    for n in range(QUEUE_TIPS):
        lines += [f"  - id: tip-{n:05d}", f"    headline: 'Tip {n}.'", f"    text: 'Tip {n} says something kind.'",
                  "    status: approved", f"    section: 'Part {n % 7}'"]
    (root / "posts" / "big.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    project = open_project(root)
    now = datetime(2026, 12, 1, 13, tzinfo=UTC)
    database = root / ".juno" / "juno.db"
    project.status(now)  # the database made, empty, before the probe opens it
    floor, _ = longest_wait(database, lambda: time.sleep(2))
    drawing, queueing._card_maker = queueing._card_maker, lambda settings: None  # cards are not this figure
    try:
        value, took = longest_wait(database, lambda: project.queue(now))
    finally:
        queueing._card_maker = drawing
    return figure(value, "ms", floor=floor, goal="value <= 2000", queue_s=took, tips=QUEUE_TIPS,
                  floor_is="the same process's longest wait for the write lock with no queue running")


# --- claims on a big queue ----------------------------------------------------------------------

def claim_ms(folder: Path, queued: int) -> float:
    """Median ms of one claim with `queued` posts in the queue, CLAIMS of them due (SQLite)."""
    from scheduler.store import open_store

    url = f"sqlite:///{folder / f'claim-{queued}.db'}"
    now = datetime.now(UTC)
    with open_store(url) as store:
        add_in_batches(store, posts(CLAIMS, now - timedelta(hours=1), timedelta(seconds=1), prefix="due/"))
    fill(url, queued - CLAIMS, now + timedelta(days=1), timedelta(seconds=30))
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
    figures["pg_drain_100k"].update(floor=round(floor, 1), ratio=round(figures["pg_drain_100k"]["value"] / floor, 3),
                                    floor_is=f"{DRAIN_WORKERS} processes making one bare round trip per post")
    rates = {}
    for queued in (SLICE, BIG_QUEUE):
        with pg_schema() as url:
            rates[queued] = drain(folder / f"q{queued}", url, queued, take=SLICE, seconds=SLICE_SECONDS)
    small, big = rates[SLICE], rates[BIG_QUEUE]
    figures["pg_rate_1m_vs_10k"] = figure(
        1000 * SLICE / big["value"], "ms", floor=1000 * SLICE / small["value"], goal="ratio <= 1.5",
        floor_is=f"draining the first {SLICE:,} posts (at most {SLICE_SECONDS:g} s) of a queue of {SLICE:,}",
        note=f"draining the first {SLICE:,} posts (at most {SLICE_SECONDS:g} s) of a queue of {BIG_QUEUE:,}, "
             "just filled, never analysed",
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


_FILL = ("INSERT INTO posts (id, tip_key, round, campaign, section, position, text, card, alt_text, weighted_length,"
         " due_at, pinned, status, ready_at, attempts, attempt_open, recyclable, created_at, updated_at, network,"
         " sensitive) SELECT 'bench/tip-' || {number}, 'bench/tip-' || {number}, 1, 'bench', NULL, n,"
         " 'Tip ' || n || ': listen first.', NULL, NULL, 22, {due} + n * {step}, 0, 'queued', {due} + n * {step},"
         " 0, 0, 1, {now}, {now}, 'x', 0 FROM {numbers}")
_FILL_SQL = {
    "postgresql": _FILL.format(number="lpad(n::text, 7, '0')", due="%(due)s", step="%(step)s", now="%(now)s",
                               numbers="generate_series(1, %(last)s) AS n"),
    "sqlite": "WITH RECURSIVE numbers(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM numbers WHERE n < :last) "
              + _FILL.format(number="printf('%07d', n)", due=":due", step=":step", now=":now", numbers="numbers"),
}


def fill(url: str, count: int, due: datetime, step: timedelta = timedelta(0)) -> None:
    """`count` posts, the rows `add_posts` would write for `posts(count, due, step)`, made by the database itself
    (one INSERT from a series: a million in seconds, where a million rows sent from here take minutes)."""
    from scheduler.store import open_store
    from scheduler.store.records import to_epoch

    with open_store(url) as store:
        store.add_posts(posts(1, due, step), datetime.now(UTC))  # one through the library: the reference row
        store.conn.execute(_FILL_SQL["sqlite" if url.startswith("sqlite:") else "postgresql"],
                           {"due": to_epoch(due), "step": int(step.total_seconds()), "now": to_epoch(datetime.now(UTC)),
                            "last": count - 1})
        reference, made = store.get("bench/tip-0000000"), store.get("bench/tip-0000001")
        assert made is not None and reference is not None
        assert made.due_at == reference.due_at + step
        assert replace(made, id=reference.id, tip_key=reference.tip_key, position=0, text=reference.text,
                       due_at=reference.due_at, updated_at=reference.updated_at) == reference
        if not url.startswith("sqlite:"):  # the fill's pages written back now, not by the drain that follows
            store.conn.execute("CHECKPOINT")


def drain(folder: Path, url: str, queued: int, take: int | None = None, seconds: float = DRAIN_SECONDS) -> dict:
    """DRAIN_WORKERS processes drain `take` posts (all by default) of `queued` due ones, stopping between posts
    after `seconds`; their rate, and how many went out twice, were published and not recorded (or recorded and
    not published), or were left claimed."""
    from scheduler.store import POSTED, QUEUED, open_store

    root = folder / "project"
    (root / "posts").mkdir(parents=True)
    shutil.copy(REPO / "posts" / "schedule.yaml", root / "posts" / "schedule.yaml")
    fill(url, queued, datetime.now(UTC) - timedelta(minutes=1))
    share = str(-(-(take or queued) // DRAIN_WORKERS))
    env = dict(os.environ, JUNO_DATABASE_URL=url)
    workers = [subprocess.Popen([sys.executable, "-m", "bench.store_bench", "--drain", str(root),
                                 str(folder / f"calls-{n}.json"), share, str(seconds)], cwd=REPO, env=env)
               for n in range(DRAIN_WORKERS)]
    for worker in workers:
        if worker.wait() != 0:
            raise RuntimeError(f"a drain worker exited {worker.returncode}")
    results = [json.loads((folder / f"calls-{n}.json").read_text()) for n in range(DRAIN_WORKERS)]
    elapsed = _window(results)
    calls = [post_id for result in results for post_id in result["calls"]]
    with open_store(url) as store:
        recorded = {p.id for p in store.posts([POSTED])}
        counts = store.counts()
    left = sum(n for status, n in counts.items() if status != POSTED)
    stranded = sum(n for status, n in counts.items() if status not in (POSTED, QUEUED))  # e.g. left CLAIMED
    lost = len(set(calls) ^ recorded) + stranded  # a post the workers stopped before is back in the queue
    return figure(len(calls) / elapsed, "posts/s", goal="value >= 5000", duplicates=len(calls) - len(set(calls)),
                  lost=lost, not_posted=left, workers=DRAIN_WORKERS, posts=len(calls), queued=queued,
                  seconds=elapsed, cap_s=seconds, finished=len(calls) >= (take or queued))


def round_trips(folder: Path, url: str) -> float:
    """The floor of the drain: the same processes, each making one bare round trip per post of its share."""
    share = -(-DRAIN_POSTS // DRAIN_WORKERS)
    env = dict(os.environ, JUNO_DATABASE_URL=url)
    folder.mkdir(parents=True, exist_ok=True)
    counts = folder / "round-trips"
    workers = [subprocess.Popen([sys.executable, "-m", "bench.store_bench", "--round-trips", str(share),
                                 str(FLOOR_SECONDS), f"{counts}-{n}"], cwd=REPO, env=env) for n in range(DRAIN_WORKERS)]
    for worker in workers:
        if worker.wait() != 0:
            raise RuntimeError(f"a round-trip worker exited {worker.returncode}")
    results = [json.loads(Path(f"{counts}-{n}").read_text()) for n in range(DRAIN_WORKERS)]
    return sum(result["done"] for result in results) / _window(results)


def _window(results: list[dict]) -> float:
    """Seconds from the first worker's start of work to the last one's end: the drain, not starting Python."""
    return max(result["end"] for result in results) - min(result["start"] for result in results)


def round_trip_worker(count: int, seconds: float, out: Path) -> int:
    import psycopg

    done = 0
    with psycopg.connect(os.environ["JUNO_DATABASE_URL"], autocommit=True) as conn:
        start = time.time()
        deadline = time.monotonic() + seconds
        while done < count and time.monotonic() < deadline:
            conn.execute("SELECT 1").fetchone()
            done += 1
        end = time.time()
    out.write_text(json.dumps({"done": done, "start": start, "end": end}))
    return 0


def drain_worker(root: Path, out: Path, share: int, seconds: float) -> int:
    """One of the eight: the real runner against the shared queue, a publisher that only notes calls;
    it stops between posts once it has published `share`, or after `seconds`."""
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
        start = time.time()
        deadline = time.monotonic() + seconds
        run_due(settings, store, publisher, datetime.now(UTC), worker_name(),
                should_stop=lambda: len(publisher.calls) >= share or time.monotonic() >= deadline)
        end = time.time()
    out.write_text(json.dumps({"calls": publisher.calls, "start": start, "end": end}))
    return 0


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--drain":
        sys.exit(drain_worker(Path(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5])))
    if len(sys.argv) > 1 and sys.argv[1] == "--round-trips":
        sys.exit(round_trip_worker(int(sys.argv[2]), float(sys.argv[3]), Path(sys.argv[4])))
    print(json.dumps(run(), indent=2))
