"""`python -m bench.chaos [--posts N] [--seed S] [--mastodon] [--bluesky]`: the publishers under fire, then an audit.

A scratch project with N approved tips (each with its card) is queued; the fake X server of the
test suite runs as its own process (with --mastodon the fake Mastodon too; with --bluesky the reference
PDS of tests/pds/ behind the fault proxy of tests/faultproxy.py). Rounds of real `run-due` processes then
post, while
  - the fakes and the proxy answer with 429s (with their reset), 5xx answers and dropped connections
    (before and after the work: a record created whose answer never arrives),
  - workers are killed with SIGKILL: at random moments (several workers at once), during a card
    upload, after X made the post but before the worker heard (the answer delayed), after the
    worker heard but before it recorded the post (the database held locked), and after the PDS
    created the record but before the worker heard.
At the end, with faults off, a last worker drains what is left. The audit passes when each network
has every post exactly once, each with its card (same bytes) and its alt text, nothing else,
and the database agrees: every post `posted` with the remote id the network gave it.
Exit 0 when it passes, 1 with a summary of what is wrong otherwise.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench.chaos_rig import (
    PG_URL,
    BlueskyPds,
    Database,
    Fake,
    MastodonFake,
    Tally,
    Workers,
    make_project,
    wait_until,
)

ROUND_STEP = timedelta(minutes=15)  # longer than the runner's 10-minute lease: a dead worker's claim is free
HOLD = 5.0  # seconds the fake keeps an answer back while a worker is killed

# What the fake does wrong, chosen at random: (route, fault).
FAULTS = [
    ("POST /2/tweets", {"problem": "rate-limited"}),
    ("POST /2/tweets", {"status": 503}),
    ("POST /2/tweets", {"status": 500}),
    ("POST /2/tweets", {"drop": "before"}),
    ("POST /2/tweets", {"drop": "after"}),
    ("POST /2/media/upload", {"status": 503}),
    ("POST /2/media/upload", {"drop": "before"}),
    ("POST /2/media/upload", {"drop": "after"}),
    ("POST /2/media/metadata", {"status": 502}),
    ("POST /2/media/metadata", {"drop": "after"}),
    ("GET /2/users/:id/tweets", {"status": 504}),
]
TARGETED = ("upload", "answer-lost", "unrecorded")
# With --bluesky: killed after the PDS made the record, before the answer; and one worker through a row of the
# proxy's faults on createRecord (the answer dropped after the record was made, and the look that follows failing
# too; a 504 after the work; a 503; a 429 with its reset), killed once they have all met a post.
BLUESKY_TARGETED = ("record-answer-lost", "record-faults")
# With --mastodon, what the fake Mastodon does wrong in the same rounds.
MASTODON_FAULTS = [
    ("POST /api/v1/statuses", {"status": 429, "reset_in": 0}),
    ("POST /api/v1/statuses", {"status": 503}),
    ("POST /api/v1/statuses", {"drop": "before"}),
    ("POST /api/v1/statuses", {"drop": "after"}),
    ("POST /api/v2/media", {"status": 502}),
    ("POST /api/v2/media", {"drop": "after"}),
    ("GET /api/v1/accounts/:id/statuses", {"status": 504}),
]
# With --bluesky, what the fault proxy in front of the PDS does wrong in the same rounds. A 429's reset is
# counted on the proxy's clock, which follows the run's simulated one.
CREATE_RECORD = "POST com.atproto.repo.createRecord"
BLUESKY_FAULTS = [
    (CREATE_RECORD, {"drop": "after"}),                     # the record is made; the answer never arrives
    (CREATE_RECORD, {"drop": "after"}),
    (CREATE_RECORD, {"drop": "before"}),
    (CREATE_RECORD, {"status": 503}),
    (CREATE_RECORD, {"status": 504, "forward": True}),      # made, then a gateway's 504
    (CREATE_RECORD, {"status": 429, "reset_in": 300}),
    ("POST com.atproto.repo.uploadBlob", {"status": 502}),
    ("POST com.atproto.repo.uploadBlob", {"drop": "after"}),
    ("GET com.atproto.repo.getRecord", {"status": 503}),    # the look after an uncertain attempt fails too
    ("POST com.atproto.server.createSession", {"status": 500}),
]


# --- rounds ----------------------------------------------------------------------------------------

class Chaos:
    def __init__(self, posts: int, seed: int, workers: int, database: str, folder: Path, quiet: bool,
                 pg_url: str = PG_URL, rounds: int | None = None, mastodon: bool = False, bluesky: bool = False):
        self.posts, self.seed, self.crowd_size, self.quiet = posts, seed, workers, quiet
        self.mastodon, self.bluesky = mastodon, bluesky
        self.networks = ("x",) + (("mastodon",) if mastodon else ()) + (("bluesky",) if bluesky else ())
        self.rng = random.Random(seed)
        self.folder = folder
        self.root = folder / "project"
        self.tally = Tally()
        self.database_kind, self.pg_url = database, pg_url
        self.max_rounds = rounds if rounds is not None else max(12, posts // 4)

    def say(self, text: str) -> None:
        if not self.quiet:
            print(text, flush=True)

    def run(self) -> Tally:
        started = time.monotonic()
        self.sky = BlueskyPds(self.folder) if self.bluesky else None
        self.sky_plan = self.rng.sample(BLUESKY_FAULTS, len(BLUESKY_FAULTS)) if self.sky else []
        self.masto = self.fake = None
        try:
            make_project(self.root, self.posts, self.seed, mastodon=self.mastodon,
                         bluesky=self.sky.handle if self.sky else None)
            self.db = Database(self.database_kind, self.root, self.pg_url)
            self.fake = Fake(self.folder)
            self.masto = MastodonFake(self.folder) if self.mastodon else None
            env = {**self.fake.env, **(self.masto.env if self.masto else {}), **(self.sky.env if self.sky else {}),
                   "JUNO_DATABASE_URL": self.db.url}
            logs = self.folder / "logs"
            logs.mkdir()
            self.workers = Workers(self.root, env, logs, self.tally)
            real_now = datetime.now(UTC).replace(second=0, microsecond=0)
            started = time.monotonic()
            self.queue(real_now)
            self.say(f"queued {self.posts} posts with cards and alt text in {time.monotonic() - started:.1f} s")
            # The simulated clock runs ahead of the real one, so X's reset times (real) are always past
            # and the slots (one a minute from real_now) are all due within the catch-up window.
            self.clock = real_now + timedelta(minutes=self.posts + 60)
            self.rounds()
            self.drain()
            self.audit()
            if self.masto is not None:
                self.audit_mastodon()
            if self.sky is not None:
                self.audit_bluesky()
                self.tally.fired = Counter(f"{f['route']} {f['fault']}" for f in self.sky.control.get("/_fake/fired"))
        finally:
            for server in (self.fake, self.masto, self.sky):
                if server is not None:
                    server.stop()
            if hasattr(self, "db"):
                self.db.drop()
        self.tally.seconds = time.monotonic() - started
        return self.tally

    def queue(self, now: datetime) -> None:
        env = {**self.workers.env}
        proc = subprocess.run([sys.executable, "-m", "scheduler", "--root", str(self.root), "queue", "--json",
                               "--now", now.isoformat()], cwd=self.root, env=env, capture_output=True, text=True, check=False)
        if proc.returncode != 0:
            raise RuntimeError(f"queue failed ({proc.returncode}): {proc.stderr.strip()[-500:]}")
        queued = len(json.loads(proc.stdout)["queued"])
        missing = [p.id for p in self.db.posts() if not p.card or not p.alt_text]
        if queued != self.posts * len(self.networks) or missing:
            raise RuntimeError(f"queue made {queued} posts of {self.posts * len(self.networks)}; without card or alt text: "
                               f"{missing[:5]}")

    def tick(self) -> datetime:
        """The next round's moment: a round step on, or further when every post left waits till later (a
        backoff grown with its attempts), so no round is spent with nothing due."""
        self.clock += ROUND_STEP
        waiting = [p.eligible_at for p in self.db.posts() if p.status != "posted"]
        if waiting and min(waiting) > self.clock:
            self.clock = min(waiting) + timedelta(minutes=1)
        if self.sky is not None:  # a 429's reset, on the proxy's clock, is then ahead of the simulated one
            self.sky.control.set_now(self.clock.timestamp())
        return self.clock

    def remaining(self) -> int:
        return sum(1 for p in self.db.posts() if p.status != "posted")

    def rounds(self) -> None:
        targeted = list(TARGETED) + (list(BLUESKY_TARGETED) if self.sky is not None else [])
        self.rng.shuffle(targeted)
        plan = targeted + ["crowd"] * len(targeted)  # aimed kills first, while there is work to aim at
        for number in range(self.max_rounds):
            if not self.remaining():
                return
            kind = plan[number] if number < len(plan) else self.rng.choice(
                ["crowd", "crowd", "crowd", *targeted])
            started = time.monotonic()
            kills = sum(self.tally.kills.values())
            self.tally.rounds[kind] += 1
            getattr(self, "round_" + kind.replace("-", "_"))()
            if kind in targeted and sum(self.tally.kills.values()) == kills:
                plan.insert(number + 2, kind)  # its kill did not land (nothing to upload): again later
            self.say(f"round {number + 1:2d} {kind:<12} {time.monotonic() - started:4.1f} s, "
                     f"kills {sum(self.tally.kills.values()) - kills}, posts left: {self.remaining()}")

    def inject_random(self, count: int) -> None:
        """`count` faults, each on one of the networks (as many chances each); with Bluesky, two more from its
        list each round, in a shuffled order, until every one has had its round."""
        for _ in range(2):
            if self.sky_plan:
                route, fault = self.sky_plan.pop()
                self.sky.inject(route, **fault)
                self.tally.faults[f"{route} {next(iter(fault.values()))}"] += 1
        for _ in range(count):
            network = self.rng.choice(self.networks)
            if network == "mastodon":
                route, fault = self.rng.choice(MASTODON_FAULTS)
                self.masto.inject(route, **fault)
            elif network == "bluesky":
                route, fault = self.rng.choice(BLUESKY_FAULTS)
                self.sky.inject(route, **fault)
            else:
                route, fault = self.rng.choice(FAULTS)
                self.fake.control.inject(route, **fault)
            self.tally.faults[f"{route} {next(iter(fault.values()))}"] += 1

    def clear_faults(self) -> None:
        self.fake.control.clear_faults()
        for server in (self.masto, self.sky):
            if server is not None:
                server.clear_faults()

    def round_crowd(self) -> None:
        """Several workers at once, with faults; each killed at a random moment (or left to finish)."""
        self.clear_faults()
        self.inject_random(self.rng.randint(2, 6))
        now = self.tick()
        before = self.calls()
        procs = [self.workers.start(now) for _ in range(self.crowd_size)]
        # The moments are counted from the first call to a network, not from the start: a busy machine starts
        # slowly. Workers that all end first (nothing due yet: a rate limit's reset, a backoff) end the wait.
        wait_until(lambda: all(p.poll() is not None for p in procs) or self.calls() > before, 30, interval=0.05)
        spare = 0.8 if self.tally.rounds["crowd"] > len(TARGETED) else 1.0  # early on, none finishes the queue
        deadlines = [time.monotonic() + self.rng.uniform(0.05, 1.5) if self.rng.random() < spare else None
                     for _ in procs]
        while any(p.poll() is None for p in procs):
            for proc, deadline in zip(procs, deadlines):
                if deadline is not None and time.monotonic() >= deadline:
                    self.workers.kill(proc, "random moment")
            time.sleep(0.01)
        for proc in procs:
            self.workers.wait(proc)

    def calls(self) -> int:
        """Requests the networks have had so far (the fake X's, the fake Mastodon's, the Bluesky proxy's)."""
        return sum(len(server.requests) for server in (self.fake.control, self.masto and self.masto.control,
                                                        self.sky and self.sky.control) if server is not None)

    def round_upload(self) -> None:
        """One worker, killed while X holds back the answer to its card upload."""
        self.fake.control.clear_faults()
        before = self.fake.count("POST /2/media/upload")
        self.fake.control.inject("POST /2/media/upload", delay=HOLD)
        proc = self.workers.start(self.tick())
        if wait_until(lambda: self.fake.count("POST /2/media/upload") > before, 30, proc):
            time.sleep(0.05)
            self.workers.kill(proc, "during an upload")
        self.workers.wait(proc)
        self.fake.control.clear_faults()

    def round_answer_lost(self) -> None:
        """One worker, killed after X made its post and before the answer reached it."""
        self.fake.control.clear_faults()
        before = self.fake.logged_count()
        self.fake.control.inject("POST /2/tweets", delay=HOLD)
        proc = self.workers.start(self.tick())
        if wait_until(lambda: self.fake.logged_count() > before, 30, proc):
            time.sleep(0.05)
            self.workers.kill(proc, "post made, answer not received")
        self.workers.wait(proc)
        self.fake.control.clear_faults()

    def round_unrecorded(self) -> None:
        """One worker, killed after it heard X made the post, while it waits to record it."""
        self.fake.control.clear_faults()
        before = self.fake.logged_count()
        self.fake.control.inject("POST /2/tweets", delay=0.3)
        proc = self.workers.start(self.tick())
        if wait_until(lambda: self.fake.logged_count() > before, 30, proc):
            lock = self.db.lock()  # taken before the answer reaches the worker
            try:
                time.sleep(1.0)  # the answer arrives at 0.3 s; the worker now waits on the lock to record
                killed = self.workers.kill(proc, "post answered, not recorded")
            finally:
                lock.rollback()
                lock.close()
            if killed:
                self.check_unrecorded()
        self.workers.wait(proc)
        self.fake.control.clear_faults()

    def round_record_answer_lost(self) -> None:
        """One worker, killed after the PDS made its record and before the answer reached it."""
        self.clear_faults()
        before = self.sky.count(CREATE_RECORD)
        self.sky.inject(CREATE_RECORD, delay=HOLD)  # counted once the PDS has answered the proxy
        proc = self.workers.start(self.tick())
        if wait_until(lambda: self.sky.count(CREATE_RECORD) > before, 30, proc):
            time.sleep(0.05)
            if self.workers.kill(proc, "record made, answer not received"):
                self.check_record_answer_lost()
        self.workers.wait(proc)
        self.sky.clear_faults()

    def round_record_faults(self) -> None:
        """One worker meets each of the proxy's createRecord faults in turn (they are taken in order), then is
        killed wherever it is (among its X and Mastodon posts)."""
        self.clear_faults()
        row = [(CREATE_RECORD, {"drop": "after"}), ("GET com.atproto.repo.getRecord", {"status": 503}),
               (CREATE_RECORD, {"status": 504, "forward": True}), (CREATE_RECORD, {"status": 503}),
               (CREATE_RECORD, {"status": 429, "reset_in": 300})]
        before = len(self.sky.control.get("/_fake/fired"))
        for route, fault in row:
            self.sky.inject(route, **fault)
            self.tally.faults[f"{route} {next(iter(fault.values()))}"] += 1
        proc = self.workers.start(self.tick())
        if wait_until(lambda: len(self.sky.control.get("/_fake/fired")) >= before + len(row), 60, proc,
                      interval=0.05):
            self.workers.kill(proc, "after the PDS's faults")
        self.workers.wait(proc)
        self.sky.clear_faults()

    def check_record_answer_lost(self) -> None:
        """The kill landed where it was meant to: one Bluesky post is on the PDS, not recorded, its attempt open."""
        on_pds = {r["value"]["text"] for r in self.sky.records()}
        waiting = [p for p in self.db.posts() if p.network == "bluesky" and p.text in on_pds and p.status != "posted"]
        if not waiting or not all(p.attempt_open for p in waiting):
            self.tally.problems.append("the 'record made, answer not received' kill missed its moment: "
                                       f"{[(p.id, p.status, p.attempt_open) for p in waiting]}")

    def check_unrecorded(self) -> None:
        """The kill landed where it was meant to: the post is on X, not recorded, its attempt open."""
        text = self.fake.logged()[-1]["text"]
        post = next((p for p in self.db.posts() if p.text == text and p.network == "x"), None)
        if post is None or post.status == "posted" or not post.attempt_open:
            self.tally.problems.append(f"the 'unrecorded' kill missed its moment: {post and post.id} is "
                                       f"{post and post.status}, attempt open: {post and post.attempt_open}")

    def drain(self) -> None:
        """Faults off, a clock past every backoff: one last worker posts what is left."""
        self.clear_faults()
        for _ in range(3):
            if not self.remaining():
                return
            self.clock += timedelta(hours=7)
            if self.sky is not None:
                self.sky.control.set_now(self.clock.timestamp())
            self.tally.rounds["drain"] += 1
            self.workers.wait(self.workers.start(self.clock))
        self.say(f"drained; posts left: {self.remaining()}")

    # --- the audit -------------------------------------------------------------------------------
    def audit(self) -> None:
        problems = self.tally.problems
        logged = self.fake.logged()
        in_memory = self.fake.control.posts
        if [p["id"] for p in logged] != [p["id"] for p in in_memory]:
            problems.append(f"the fake's log ({len(logged)} posts) and its memory ({len(in_memory)}) differ")
        by_text = Counter(p["text"] for p in logged)
        posts = [p for p in self.db.posts() if p.network == "x"]
        if len(posts) != self.posts:
            problems.append(f"the database has {len(posts)} posts, not {self.posts}")
        wanted = {p.text for p in posts}
        for text, times in by_text.items():
            if times > 1:
                problems.append(f"posted {times} times: {text[:60]!r}")
                self.tally.duplicates["x"] += times - 1
            if text not in wanted:
                problems.append(f"posted but never queued: {text[:60]!r}")
                self.tally.duplicates["x"] += 1
        logged_by_text = {p["text"]: p for p in logged}
        states = Counter(p.status for p in posts)
        for post in posts:
            remote = logged_by_text.get(post.text)
            if remote is None:
                problems.append(f"{post.id} never reached X (database: {post.status})")
                self.tally.lost["x"] += 1
                continue
            if post.status == "posted" and post.remote_id == "":
                problems.append(f"{post.id}: recorded as posted without its X id ({remote['id']}): its uncertain "
                                "attempt was settled by X's duplicate answer, not found among recent posts")
            elif post.status != "posted" or post.remote_id != remote["id"]:
                problems.append(f"{post.id}: database says {post.status} as {post.remote_id!r}, X has it as "
                                f"{remote['id']}")
            if post.attempt_open or post.claimed_by:
                problems.append(f"{post.id}: still has an open attempt or a claim")
            card = Path(post.card) if Path(post.card).is_absolute() else self.root / post.card
            media = remote["media"]
            if len(media) != 1:
                problems.append(f"{post.id}: went out with {len(media)} images, not its one card")
                continue
            if media[0]["sha256"] != hashlib.sha256(card.read_bytes()).hexdigest():
                problems.append(f"{post.id}: the image on X is not its card {post.card}")
            if not media[0].get("alt_text") or media[0]["alt_text"] != post.alt_text:
                problems.append(f"{post.id}: alt text on X is {media[0].get('alt_text')!r}, "
                                f"not {post.alt_text!r}")
        self.tally.states = dict(states)
        self.tally.logged = len(logged)

    def audit_mastodon(self) -> None:
        """The same audit on Mastodon: every post once, with its card and alt text, and the database agrees."""
        statuses = self.masto.statuses
        self.tally.mastodon = len(statuses)
        self.audit_network("mastodon", [{"text": s["text"], "id": s["id"], "cards": s["card_sha256"],
                                         "alts": [m["description"] for m in s["media"]]} for s in statuses])

    def audit_bluesky(self) -> None:
        """The same audit on Bluesky, read from the PDS itself: every post once as one record, with its card
        (the blob's bytes) and alt text, and the database has it `posted` under the record's URI."""
        records = self.sky.records()
        self.tally.bluesky = len(records)
        shown = []
        for record in records:
            images = (record["value"].get("embed") or {}).get("images") or []
            shown.append({"text": record["value"]["text"], "id": record["uri"], "alts": [i["alt"] for i in images],
                          "cards": [hashlib.sha256(self.sky.blob(i["image"]["ref"]["$link"])).hexdigest()
                                    for i in images]})
        self.audit_network("bluesky", shown)

    def audit_network(self, network: str, remote: list[dict]) -> None:
        """What `network` has ({"text", "id", "cards": [SHA-256], "alts"} each) against the database: every
        post once, with its one card and its alt text, nothing else, and `posted` under the network's id."""
        problems, name = self.tally.problems, network.title()
        posts = [p for p in self.db.posts() if p.network == network]
        if len(posts) != self.posts:
            problems.append(f"the database has {len(posts)} {name} posts, not {self.posts}")
        wanted = {p.text for p in posts}
        for text, times in Counter(r["text"] for r in remote).items():
            if times > 1:
                problems.append(f"on {name} {times} times: {text[:60]!r}")
                self.tally.duplicates[network] += times - 1
            if text not in wanted:
                problems.append(f"on {name} but never queued: {text[:60]!r}")
                self.tally.duplicates[network] += 1
        remote_of = {r["text"]: r for r in remote}
        for post in posts:
            found = remote_of.get(post.text)
            if found is None:
                problems.append(f"{post.id} never reached {name} (database: {post.status})")
                self.tally.lost[network] += 1
                continue
            if post.status != "posted" or post.remote_id != found["id"]:
                problems.append(f"{post.id}: database says {post.status} as {post.remote_id!r}, {name} has it "
                                f"as {found['id']}")
            if post.attempt_open or post.claimed_by:
                problems.append(f"{post.id}: still has an open attempt or a claim")
            card = Path(post.card) if Path(post.card).is_absolute() else self.root / post.card
            if found["cards"] != [hashlib.sha256(card.read_bytes()).hexdigest()]:
                problems.append(f"{post.id}: the image on {name} is not its one card {post.card}")
            if found["alts"] != [post.alt_text]:
                problems.append(f"{post.id}: alt text on {name} is {found['alts']!r}, not {post.alt_text!r}")
        for state, count in Counter(p.status for p in posts).items():
            self.tally.states[f"{state} on {network}"] = count


def summary(tally: Tally, posts: int, seed: int, database: str) -> str:
    verdict = "PASS" if not tally.problems else f"FAIL ({len(tally.problems)} problems)"
    rounds = ", ".join(f"{k} {v}" for k, v in sorted(tally.rounds.items()))
    kills = ", ".join(f"{k} {v}" for k, v in sorted(tally.kills.items())) or "none"
    faults = sum(tally.faults.values())
    networks = ["x"] + [n for n in ("mastodon", "bluesky") if getattr(tally, n) is not None]
    states = ", ".join(f"{k} {v}" for k, v in sorted(tally.states.items()))
    on = [f"X {tally.logged}"] + [f"{n.title()} {getattr(tally, n)}" for n in networks[1:]]
    exits = ", ".join(f"{'SIGKILL' if k == -9 else k}: {v}" for k, v in sorted(tally.exits.items()))
    lines = [f"chaos {verdict}: {posts} posts, seed {seed}, {database}, {tally.seconds:.0f} s",
             f"  rounds: {rounds}",
             f"  SIGKILLs: {sum(tally.kills.values())} ({kills})",
             f"  faults injected: {faults} (429s, 5xx answers, dropped connections before and after the work)",
             f"  worker exits: {exits}",
             *([f"  faults the Bluesky proxy applied: {sum(tally.fired.values())} ("
                + ", ".join(f"{k} {v}" for k, v in sorted(tally.fired.items())) + ")"] if tally.fired else []),
             f"  posts on the networks: {', '.join(on)}; database: {states}",
             f"  duplicates: {', '.join(f'{n} {tally.duplicates[n]}' for n in networks)}; "
             + f"lost: {', '.join(f'{n} {tally.lost[n]}' for n in networks)}"]
    lines += [f"  problem: {p}" for p in tally.problems[:25]]
    if len(tally.problems) > 25:
        lines.append(f"  ... and {len(tally.problems) - 25} more")
    return "\n".join(lines)


def run_chaos(posts: int = 200, seed: int | None = None, *, workers: int = 3, database: str = "sqlite",
              keep: Path | None = None, quiet: bool = False, pg_url: str = PG_URL,
              rounds: int | None = None, mastodon: bool = False, bluesky: bool = False) -> tuple[Tally, str]:
    seed = random.SystemRandom().randrange(1_000_000) if seed is None else seed
    folder = Path(tempfile.mkdtemp(prefix="juno-chaos-")) if keep is None else keep
    folder.mkdir(parents=True, exist_ok=True)
    chaos = Chaos(posts, seed, workers, database, folder, quiet, pg_url, rounds, mastodon, bluesky)
    try:
        tally = chaos.run()
    except Exception as exc:  # noqa: BLE001 - the run broke off: say where in the summary
        tally = chaos.tally
        tally.problems.append(f"the run broke off: {type(exc).__name__}: {' '.join(str(exc).split())}")
    text = summary(tally, posts, seed, database)
    if keep is None and not tally.problems:
        shutil.rmtree(folder, ignore_errors=True)
    elif tally.problems:
        text += f"\n  logs kept in {folder}"
    return tally, text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.chaos", description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=200, help="how many posts are due (default 200)")
    parser.add_argument("--seed", type=int, help="the random seed (default: a new one, printed)")
    parser.add_argument("--workers", type=int, default=3, help="workers at once in a crowd round (default 3)")
    parser.add_argument("--database", choices=("sqlite", "postgres"), default="sqlite",
                        help="the queue's database (postgres: a fresh schema at JUNO_BENCH_PG or the local one)")
    parser.add_argument("--rounds", type=int, help="rounds of kills before the drain (default: max(12, posts/4))")
    parser.add_argument("--keep", type=Path, metavar="DIR", help="work in DIR and keep it (logs, database)")
    parser.add_argument("--quiet", action="store_true", help="print only the summary")
    parser.add_argument("--mastodon", action="store_true",
                        help="post to a Mastodon account too (the fake Mastodon, its own faults) and audit it")
    parser.add_argument("--bluesky", action="store_true",
                        help="post to a Bluesky account too (the reference PDS of `make pds` behind the fault proxy) "
                             "and audit it")
    args = parser.parse_args(argv)
    if args.posts < 1 or args.workers < 1:
        parser.error("--posts and --workers must be at least 1")
    tally, text = run_chaos(args.posts, args.seed, workers=args.workers, database=args.database,
                            keep=args.keep, quiet=args.quiet, rounds=args.rounds, mastodon=args.mastodon,
                            bluesky=args.bluesky)
    print(text)
    return 0 if not tally.problems else 1


if __name__ == "__main__":
    sys.exit(main())
