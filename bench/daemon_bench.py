"""daemon_dispatch_p50 / _p99: ms from a slot's time to the daemon's call to the publisher.

The real daemon (scheduler.runner.daemon.run_daemon, APScheduler's BlockingScheduler over the SQLite
queue) runs in its own process with a publisher that notes the moment it is called. One post is
due every second for a minute. The floor, measured in the same run: how late a bare
BlockingScheduler fires plain date jobs, the alarm clock without the queue.
"""

from __future__ import annotations

import json
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench import REPO, figure, percentile

POSTS = 60
FLOOR_JOBS = 40
LEAD = 4.0  # seconds between starting the daemon and the first slot: its start-up is not measured


def run() -> dict:
    folder = Path(tempfile.mkdtemp(prefix="juno-daemon-bench-"))
    try:
        floor = child(["--floor", str(folder / "floor.json")], timeout=60)
        late = daemon_lateness(folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    floor_p50, floor_p99 = percentile(floor, 0.5), percentile(floor, 0.99)
    common = {"floor_is": "a bare APScheduler BlockingScheduler firing date jobs", "samples": len(late)}
    return {
        "daemon_dispatch_p50": figure(percentile(late, 0.5), "ms", floor=floor_p50, **common),
        "daemon_dispatch_p99": figure(percentile(late, 0.99), "ms", floor=floor_p99, goal="value < 1000",
                                      worst=max(late), **common),
    }


def child(args: list[str], timeout: float) -> list[float]:
    out = Path(args[-1])
    subprocess.run([sys.executable, "-m", "bench.daemon_bench", *args], cwd=REPO, check=True, timeout=timeout)
    return json.loads(out.read_text())


def daemon_lateness(folder: Path) -> list[float]:
    """Queue POSTS posts one second apart, run the daemon over them, return each one's lateness in ms."""
    root = folder / "project"
    (root / "posts").mkdir(parents=True)
    shutil.copy(REPO / "posts" / "schedule.yaml", root / "posts" / "schedule.yaml")
    calls = folder / "calls.tsv"
    first = int(time.time() + LEAD) + 1
    add_posts(root, first)
    proc = subprocess.Popen([sys.executable, "-m", "bench.daemon_bench", "--serve", str(root), str(calls)],
                            cwd=REPO, stdout=subprocess.DEVNULL)
    try:
        deadline = first + POSTS + 30
        while time.time() < deadline and _count(calls) < POSTS and proc.poll() is None:
            time.sleep(0.2)
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:  # never leave a daemon behind: it would skew every later figure
            proc.kill()
            proc.wait()
            raise RuntimeError("the daemon did not stop within 30 s of SIGTERM") from None
    due = {f"bench/tip-{n:03d}": first + n for n in range(POSTS)}
    late = []
    for line in calls.read_text().splitlines() if calls.exists() else []:
        post_id, called = line.split("\t")
        late.append((float(called) - due[post_id]) * 1000)
    if len(late) != POSTS:
        raise RuntimeError(f"the daemon called the publisher for {len(late)} of {POSTS} due posts")
    return late


def _count(path: Path) -> int:
    return path.read_bytes().count(b"\n") if path.exists() else 0


def add_posts(root: Path, first: int) -> None:
    from scheduler.config import load_settings
    from scheduler.store import Post, open_store

    settings = load_settings(root, env={})
    posts = [Post(id=f"bench/tip-{n:03d}", tip_key=f"bench/tip-{n:03d}", round=1, campaign="bench",
                  section=None, position=n, text=f"Tip {n}: listen first.", card=None, alt_text=None,
                  weighted_length=22, due_at=datetime.fromtimestamp(first + n, UTC))
             for n in range(POSTS)]
    with open_store(settings.database_url) as store:
        store.add_posts(posts, datetime.now(UTC))


# --- the child processes ---------------------------------------------------------------------------

def serve(root: Path, calls: Path) -> int:
    """The real daemon over the project at root, with a publisher that notes when it is called."""
    from scheduler.config import load_settings
    from scheduler.networks.base import Published, Publisher
    from scheduler.runner.daemon import run_daemon

    class Recorder(Publisher):
        name = "recorder"

        def __init__(self):
            self.sink = open(calls, "a", encoding="utf-8")  # noqa: SIM115 - held open for the life of a child process or the run

        def publish(self, post):
            called = time.time()
            self.sink.write(f"{post.post_id}\t{called:.6f}\n")
            self.sink.flush()
            return Published(remote_id=post.post_id, url=f"bench:{post.post_id}")

        def close(self):
            self.sink.close()

    return run_daemon(load_settings(root, env={}), publisher=Recorder(), echo=lambda line: None)


def floor(out: Path) -> int:
    """APScheduler alone: date jobs a quarter of a second apart, each noting how late it fired."""
    from apscheduler.executors.debug import DebugExecutor
    from apscheduler.schedulers.blocking import BlockingScheduler

    alarm = BlockingScheduler(timezone=UTC, executors={"default": DebugExecutor()})
    late: list[float] = []
    start = datetime.now(UTC) + timedelta(seconds=1)

    def fire(at: datetime) -> None:
        late.append((time.time() - at.timestamp()) * 1000)
        if len(late) == FLOOR_JOBS:  # stop from another thread, as the daemon's signal handler does
            threading.Timer(0.2, alarm.shutdown, kwargs={"wait": False}).start()

    for n in range(FLOOR_JOBS):
        at = start + timedelta(seconds=n / 4)
        alarm.add_job(fire, "date", run_date=at, args=[at], misfire_grace_time=None)
    alarm.start()
    out.write_text(json.dumps(late))
    return 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["--serve"]:
        sys.exit(serve(Path(sys.argv[2]), Path(sys.argv[3])))
    if sys.argv[1:2] == ["--floor"]:
        sys.exit(floor(Path(sys.argv[2])))
    print(json.dumps(run(), indent=2))
