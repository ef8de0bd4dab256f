"""Real processes: eight workers at once over 500 due posts, then workers killed with SIGKILL at
random moments and started again. Every post is published exactly once; none is lost."""

from __future__ import annotations

import collections
import os
import random
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from queue_helpers import add_due, settings_for, write_schedule

from scheduler.store import open_store

PROCESS = Path(__file__).resolve().parents[1] / "recording_process.py"
POSTS = 500
WORKERS = 8

pytestmark = pytest.mark.slow


def start(root: Path, record: Path, database_url: str, *args: str) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("X_", "JUNO_"))}
    env["JUNO_DATABASE_URL"] = database_url
    return subprocess.Popen([sys.executable, str(PROCESS), "worker", str(root), str(record), *args], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def published(record: Path) -> collections.Counter:
    if not record.exists():
        return collections.Counter()
    return collections.Counter(line.split("\t")[0] for line in record.read_text().splitlines() if line)


@pytest.fixture
def due_posts(tmp_path, database_url):
    write_schedule(tmp_path)
    settings = settings_for(tmp_path, database_url)
    with open_store(settings.database_url) as store:
        ids = add_due(store, POSTS, datetime.now(UTC))
    return tmp_path, database_url, ids


def test_eight_workers_at_once_post_everything_exactly_once(due_posts):
    root, database_url, ids = due_posts
    record = root / "published.tsv"
    workers = [start(root, record, database_url) for _ in range(WORKERS)]
    results = [w.communicate(timeout=300) for w in workers]
    assert [w.returncode for w in workers] == [0] * WORKERS, results
    counts = published(record)
    assert sorted(counts) == ids
    assert set(counts.values()) == {1}
    per_worker = [int(out.split()[0]) for out, _ in results]
    assert sum(per_worker) == POSTS
    with open_store(database_url) as store:
        assert store.counts() == {"posted": POSTS}


def test_workers_killed_at_random_moments_lose_nothing_and_post_nothing_twice(due_posts):
    root, database_url, ids = due_posts
    record = root / "published.tsv"
    chance = random.Random(20261207)
    lease = "2"
    running = [start(root, record, database_url, "--lease", lease, "--pause", "0.002") for _ in range(WORKERS)]
    kills = 0
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline:
        time.sleep(chance.uniform(0.05, 0.4))
        alive = [w for w in running if w.poll() is None]
        if alive and kills < 12:
            victim = chance.choice(alive)
            victim.send_signal(signal.SIGKILL)
            victim.wait()
            kills += 1
        running = [w for w in running if w.poll() is None]
        while len(running) < WORKERS:  # restarted, as cron would
            running.append(start(root, record, database_url, "--lease", lease, "--pause", "0.002"))
        with open_store(database_url) as store:
            if store.counts().get("posted", 0) == POSTS:
                break
    for worker in running:
        worker.wait(timeout=60)
    assert kills >= 6
    counts = published(record)
    duplicates = {post_id: n for post_id, n in counts.items() if n > 1}
    assert duplicates == {}
    assert sorted(counts) == ids
    with open_store(database_url) as store:
        assert store.counts() == {"posted": POSTS}
        assert all(not p.attempt_open for p in store.posts())
