"""The rig of `make chaos`: a scratch project, the fake X and Mastodon servers as processes, the reference
Bluesky PDS behind the fault proxy (tests/faultproxy.py, its own process), the database, workers.

bench/chaos.py runs the rounds and the audit on top of these.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from bench import REPO

PG_URL = os.environ.get("JUNO_BENCH_PG", "postgresql://postgres@127.0.0.1:5432/test")
WORKER_TIMEOUT = 120.0


@dataclass
class Tally:
    rounds: Counter = field(default_factory=Counter)
    kills: Counter = field(default_factory=Counter)
    faults: Counter = field(default_factory=Counter)
    exits: Counter = field(default_factory=Counter)
    problems: list = field(default_factory=list)
    states: dict = field(default_factory=dict)
    logged: int | None = None
    mastodon: int | None = None  # statuses on the fake Mastodon, with --mastodon
    bluesky: int | None = None   # records on the PDS, with --bluesky
    fired: Counter = field(default_factory=Counter)  # faults the Bluesky proxy applied to a request, by route and kind
    duplicates: Counter = field(default_factory=Counter)  # per network: copies beyond the first, or never queued
    lost: Counter = field(default_factory=Counter)        # per network: queued posts not there at the end
    seconds: float = 0.0


# --- the scratch project ---------------------------------------------------------------------------

SCHEDULE = """\
account: {handle: junocounseling, publisher: x}
timezone: UTC
slots:
  - cron: "* * * * *"
min_gap: 0m
max_per_day: 1440
blackout: []
jitter: 0m
catch_up: 30d
recycle_after: null
link: {mode: none}
hashtags: []
budget: {}
crisis_footer: null
"""


MASTODON_HANDLE = "@junocounseling@social.example"  # the fake Mastodon's account and domain


def make_project(root: Path, posts: int, seed: int, mastodon: bool = False, bluesky: str | None = None) -> None:
    """posts/schedule.yaml (a slot every minute; X, Mastodon too with `mastodon`, Bluesky too with the
    `bluesky` handle), posts/chaos.yaml (N approved tips), the brand."""
    from scheduler.campaigns.file import Campaign, Tip, write_campaign

    (root / "posts").mkdir(parents=True)
    shutil.copytree(REPO / "assets", root / "assets")
    schedule = SCHEDULE
    if mastodon or bluesky:
        schedule = schedule.replace("account: {handle: junocounseling, publisher: x}\n",
                                    "accounts:\n  - {network: x, handle: junocounseling}\n"
                                    + (f"  - {{network: mastodon, handle: \"{MASTODON_HANDLE}\"}}\n" if mastodon else "")
                                    + (f"  - {{network: bluesky, handle: {bluesky}}}\n" if bluesky else ""))
    (root / "posts" / "schedule.yaml").write_text(schedule, encoding="utf-8")
    tips = [Tip(id=f"tip-{n:04d}", headline=f"Chaos tip {n}: listen first.",
                text=f"Chaos tip {n} of {posts} (seed {seed}): listen before you answer, and ask what your "
                     f"partner needs today.",
                status="approved", section=f"Part {n}", source={}) for n in range(1, posts + 1)]
    write_campaign(Campaign(slug="chaos", path=root / "posts" / "chaos.yaml", title="Chaos run",
                            url=None, source="articles/chaos.txt", tips=tuple(tips)))


class Fake:
    """tests/fakex.py in its own process, driven over its /_fake/ routes."""

    def __init__(self, folder: Path):
        sys.path.insert(0, str(REPO))
        from tests.fakex import FakeXControl

        self.log = folder / "fake-posts.jsonl"
        self.proc = subprocess.Popen([sys.executable, "-m", "tests.fakex", "--log", str(self.log)], cwd=REPO,
                                     stdout=subprocess.PIPE, stderr=open(folder / "fake.err", "w"), text=True)  # noqa: SIM115 - held open for the life of a child process or the run
        first = self.proc.stdout.readline()
        if not first:
            raise RuntimeError(f"the fake X server did not start: {(folder / 'fake.err').read_text()[-500:]}")
        started = json.loads(first)
        self.env = started["env"]
        self.control = FakeXControl(started["base_url"])

    def logged(self) -> list[dict]:
        if not self.log.exists():
            return []
        return [json.loads(line) for line in self.log.read_text(encoding="utf-8").splitlines() if line.strip()]

    def logged_count(self) -> int:
        return self.log.read_bytes().count(b"\n") if self.log.exists() else 0

    def count(self, route: str) -> int:
        return sum(1 for r in self.control.requests if r["route"] == route)

    def count_all(self) -> int:
        return len(self.control.requests)

    def stop(self) -> None:
        stop_process(self.proc)


def stop_process(proc: subprocess.Popen) -> None:
    """SIGTERM, and SIGKILL if it has not ended within 10 s."""
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


class MastodonFake:
    """tests/fakemastodon.py in its own process (cards ready at once), driven over its /_fake/ routes."""

    def __init__(self, folder: Path):
        self.proc = subprocess.Popen([sys.executable, "-m", "tests.fakemastodon", "--processing-polls", "0"],
                                     cwd=REPO, stdout=subprocess.PIPE, stderr=open(folder / "fakemastodon.err", "w"),  # noqa: SIM115 - held open for the life of a child process or the run
                                     text=True)
        first = self.proc.stdout.readline()
        if not first:
            raise RuntimeError(f"the fake Mastodon did not start: {(folder / 'fakemastodon.err').read_text()[-500:]}")
        from tests.fakeserver import FakeControl

        started = json.loads(first)
        self.env, self.control = started["env"], FakeControl(started["base_url"])

    def inject(self, route: str, **fault) -> None:
        self.control.inject(route, **fault)

    def clear_faults(self) -> None:
        self.control.clear_faults()

    @property
    def statuses(self) -> list[dict]:
        return self.control.get("/_fake/statuses")

    def stop(self) -> None:
        stop_process(self.proc)


class BlueskyPds:
    """The reference PDS (tests/pds/) with one account, and the fault proxy in front of it as its own process:
    the workers post through the proxy; the audit reads the PDS itself."""

    def __init__(self, folder: Path):
        sys.path.insert(0, str(REPO))
        from tests import pdsserver
        from tests.fakeserver import FakeControl

        problem = pdsserver.missing()
        if problem:
            raise RuntimeError(f"the Bluesky PDS harness is not installed ({problem}): {pdsserver.INSTALL_HINT}")
        self.pds = pdsserver.start()
        self.proxy = None
        try:
            self.account = self.pds.create_account()
            self.proxy = subprocess.Popen([sys.executable, "-m", "tests.faultproxy", "--upstream", self.pds.url],
                                          cwd=REPO, stdout=subprocess.PIPE, text=True,
                                          stderr=open(folder / "faultproxy.err", "w"))  # noqa: SIM115 - held open for the life of a child process or the run
            first = self.proxy.stdout.readline()
            if not first:
                raise RuntimeError(f"the fault proxy did not start: {(folder / 'faultproxy.err').read_text()[-500:]}")
        except BaseException:
            self.stop()
            raise
        self.control = FakeControl(json.loads(first)["base_url"])
        self.handle = self.account.handle
        self.env = {"BLUESKY_APP_PASSWORD": self.account.app_password, "BLUESKY_PDS_URL": self.control.base_url}

    def inject(self, route: str, **fault) -> None:
        self.control.inject(route, **fault)

    def clear_faults(self) -> None:
        self.control.clear_faults()

    def count(self, route: str) -> int:
        return sum(1 for r in self.control.requests if r["route"] == route)

    def records(self) -> list[dict]:
        """Every post record of the account, read from the PDS itself (not through the proxy)."""
        return self.pds.list_records(self.account.did, every=True)

    def blob(self, cid: str) -> bytes:
        return self.pds.get_blob(self.account.did, cid)

    def stop(self) -> None:
        if self.proxy is not None:
            stop_process(self.proxy)
        self.pds.stop()


# --- the database ----------------------------------------------------------------------------------

class Database:
    """The run's database: the default SQLite file, or a fresh PostgreSQL schema."""

    def __init__(self, kind: str, root: Path, server: str = PG_URL):
        self.kind, self.server = kind, server
        self.schema = None
        if kind == "sqlite":
            self.url = f"sqlite:///{root / '.juno' / 'juno.db'}"
        else:
            import psycopg

            self.schema = f"juno_chaos_{uuid.uuid4().hex[:10]}"
            with psycopg.connect(server, autocommit=True) as conn:
                conn.execute(f'CREATE SCHEMA "{self.schema}"')
            sep = "&" if "?" in server else "?"
            self.url = f"{server}{sep}options=-csearch_path%3D{self.schema}"

    def posts(self):
        from scheduler.store import open_store

        with open_store(self.url) as store:
            return store.posts()

    def lock(self):
        """Hold the queue's write lock (as a slow disk or a long transaction would): workers wait on it."""
        if self.kind == "sqlite":
            import sqlite3

            conn = sqlite3.connect(self.url[len("sqlite:///"):], isolation_level=None)
            conn.execute("BEGIN IMMEDIATE")
        else:
            import psycopg

            conn = psycopg.connect(self.url)
            conn.execute("LOCK TABLE posts IN EXCLUSIVE MODE")
        return conn

    def drop(self) -> None:
        if self.schema:
            import psycopg

            with psycopg.connect(self.server, autocommit=True) as conn:
                conn.execute(f'DROP SCHEMA "{self.schema}" CASCADE')


# --- workers ---------------------------------------------------------------------------------------

class Workers:
    def __init__(self, root: Path, env: dict, logs: Path, tally: Tally):
        self.root, self.logs, self.tally = root, logs, tally
        self.env = {k: v for k, v in os.environ.items() if not k.startswith(("X_", "JUNO_", "BLUESKY_", "MASTODON_"))}
        self.env.update(env)
        self.started = 0

    def start(self, now: datetime) -> subprocess.Popen:
        self.started += 1
        log = open(self.logs / f"worker-{self.started:03d}.log", "w")  # noqa: SIM115 - held open for the life of a child process or the run
        proc = subprocess.Popen([sys.executable, "-m", "scheduler", "--root", str(self.root), "run-due",
                                 "--json", "--now", now.isoformat()], cwd=self.root, env=self.env,
                                stdout=log, stderr=subprocess.STDOUT)
        proc.log_path = log.name
        log.close()
        return proc

    def kill(self, proc: subprocess.Popen, phase: str) -> bool:
        if proc.poll() is not None:
            return False
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        self.tally.kills[phase] += 1
        return True

    def wait(self, proc: subprocess.Popen) -> int:
        try:
            code = proc.wait(WORKER_TIMEOUT)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
            self.tally.problems.append(f"a worker ran longer than {WORKER_TIMEOUT:.0f} s ({proc.log_path})")
            return -1
        self.tally.exits[code] += 1
        if code not in (0, 3, -signal.SIGKILL):
            tail = Path(proc.log_path).read_text(errors="replace").strip().splitlines()[-3:]
            self.tally.problems.append(f"a worker exited {code}: {' | '.join(tail)} ({proc.log_path})")
        return code


def wait_until(condition, timeout: float, proc: subprocess.Popen | None = None, interval: float = 0.01) -> bool:
    """Poll condition() until true; False on timeout or when proc exits first."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        if proc is not None and proc.poll() is not None:
            return bool(condition())
        time.sleep(interval)
    return False


