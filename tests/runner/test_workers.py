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


def published_lines(record: Path) -> list[tuple[str, bool]]:
    """(post id, published as uncertain) for each publish, in order."""
    if not record.exists():
        return []
    return [(line.split("\t")[0], line.split("\t")[2] == "1") for line in record.read_text().splitlines() if line]


def test_a_worker_killed_holding_a_claimed_batch_leaves_it_to_be_looked_for_after_the_lease(tmp_path, database_url):
    """The worker claims CLAIM_BATCH posts in one round trip and is killed after publishing a few of them, before
    recording any (free posts are recorded a batch at a time). The whole batch stays claimed, each attempt open:
    another worker leaves it alone while the lease holds; after it, the ones that went out are found and recorded,
    the rest published once."""
    from scheduler.runner.run import CLAIM_BATCH

    write_schedule(tmp_path)
    with open_store(settings_for(tmp_path, database_url).database_url) as store:
        ids = add_due(store, 20, datetime.now(UTC))
    record = tmp_path / "published.tsv"
    lease = 15.0  # long enough for another worker to start and drain the rest on a busy machine
    victim = start(tmp_path, record, database_url, "--lease", str(lease), "--pause", "0.25")
    deadline = time.monotonic() + 60
    while len(published_lines(record)) < 3 and victim.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    victim.send_signal(signal.SIGKILL)
    victim.wait()
    killed_at = time.monotonic()
    before = [post_id for post_id, _ in published_lines(record)]
    batch = ids[:CLAIM_BATCH]
    assert 3 <= len(before) < CLAIM_BATCH and set(before) <= set(batch)
    with open_store(database_url) as store:
        held = {p.id: p for p in store.posts() if p.status == "claimed"}
        assert sorted(held) == batch  # published or not, the batch is claimed, nothing recorded as posted
        assert all(p.attempt_open for p in held.values())
        assert store.counts() == {"claimed": CLAIM_BATCH, "queued": 20 - CLAIM_BATCH}

    other = start(tmp_path, record, database_url)  # while the lease holds: the rest, not the batch
    assert other.wait(timeout=120) == 0, other.communicate()
    assert time.monotonic() - killed_at < lease, "too slow to show the lease holding"
    with open_store(database_url) as store:
        assert sorted(p.id for p in store.posts() if p.status == "claimed") == batch
        assert store.counts() == {"claimed": CLAIM_BATCH, "posted": 20 - CLAIM_BATCH}

    time.sleep(max(0.0, lease - (time.monotonic() - killed_at)) + 1.5)
    last = start(tmp_path, record, database_url)  # after the lease: the batch, each looked for first
    assert last.wait(timeout=120) == 0, last.communicate()
    lines = published_lines(record)
    counts = collections.Counter(post_id for post_id, _ in lines)
    assert sorted(counts) == ids and set(counts.values()) == {1}  # every post once, none twice
    again = [(post_id, uncertain) for post_id, uncertain in lines[len(before):] if post_id in batch]
    assert sorted(again) == sorted((post_id, True) for post_id in batch if post_id not in before)
    with open_store(database_url) as store:
        assert store.counts() == {"posted": 20}
        assert all(not p.attempt_open for p in store.posts())
        assert {p.id: p.remote_id for p in store.posts() if p.id in before} == {i: f"r-{i}" for i in before}
