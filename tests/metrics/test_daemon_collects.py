"""The daemon collects on its own timer (collect_every), as a real process against the fake X and Mastodon:
once at start, then every interval; in its own thread, so a slow network's read never delays a post that
falls due meanwhile; a network that fails is read again on a later run while the other is read at once."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest
from conftest import fresh_copy, run_cli_in_process
from test_collect import A, B, at, cli, drawn, servers, snapshots  # noqa: F401 - fixtures

from scheduler.config import load_settings
from scheduler.results import CollectReport
from scheduler.runner.daemon import RETRY_COLLECT, collect_again_in

pytestmark = pytest.mark.slow  # a real daemon process


def daemon(root: Path, fakes, now: str) -> subprocess.Popen:
    fx, fm = fakes
    env = {k: v for k, v in os.environ.items() if not k.startswith(("X_", "JUNO_", "MASTODON_"))}
    env.update({**fx.env(), **fm.env()})
    return subprocess.Popen([sys.executable, "-m", "scheduler", "daemon", "--now", now], cwd=root, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def lines_until(proc: subprocess.Popen, wanted, timeout: float = 60) -> list[str]:
    """stdout lines until one for which wanted(line) holds."""
    seen: list[str] = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        assert line, f"the daemon ended: {seen} {proc.stderr.read()}"
        if line.startswith("next wake: "):  # when it wakes to post (tests/runner/test_daemon.py), not collecting
            continue
        seen.append(line.rstrip("\n"))
        if wanted(line):
            return seen
    raise AssertionError(f"not seen in {timeout} s; saw {seen}")


def test_the_daemon_collects_on_its_timer_without_holding_posts_or_the_other_network(drawn, tmp_path, servers):  # noqa: F811
    fx, fm = servers
    root = fresh_copy(drawn, tmp_path)
    schedule = root / "posts" / "schedule.yaml"
    schedule.write_text(schedule.read_text() + "collect_every: 3s\n", encoding="utf-8")
    assert cli(root, servers, "2026-12-01T07:00", "queue")[0].code == 0
    assert cli(root, servers, "2026-12-01T09:01", "run-due")[0].code == 0  # A on both networks
    posts_before = len(fx.posts)
    for fake in servers:
        fake.set_now(at("2026-12-01T11:59:56").timestamp())
    # X's timeline answers only when released: B falls due at 12:00 meanwhile. Mastodon fails its first read.
    fx.inject("GET /2/users/:id/tweets", hold=True)
    fm.inject("GET /api/v1/statuses", status=503, times=1)

    proc = daemon(root, servers, "2026-12-01T11:59:56-05:00")
    try:
        seen = lines_until(proc, lambda line: line.startswith("posted "))
        seen += lines_until(proc, lambda line: line.startswith("posted "))
        assert seen[0].startswith("daemon started") and len(seen) == 3, seen  # B went out while X was read
        fx.release()
        seen = lines_until(proc, lambda line: line.startswith("mastodon: "))  # the first run's last line
        read = 0
        assert seen[read].startswith("x: 1 snapshot (1 late), 1 post read in 1 call"), seen
        assert "not read: Mastodon answered 503" in seen[-1], seen  # after X was read: one run, both networks
        # the next run (3 s on) reads Mastodon; X's A was read within the day and is not read again
        seen = lines_until(proc, lambda line: line.startswith("mastodon: "))
        assert seen[-1].startswith("mastodon: 1 snapshot "), seen
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            print(proc.communicate()[1])
    assert proc.returncode == 0, err
    assert "daemon stopped" in out
    taken = snapshots(root)
    assert set(taken) == {(A, "1h"), (f"{A}@mastodon", "1h")}
    assert len(fx.posts) == posts_before + 1 and fx.account("junocounseling").reads == 1  # collect never posts
    status = run_cli_in_process("status", "--json", cwd=root, env={**fx.env(), **fm.env()})
    assert '"last_collected"' in status.out and B not in taken


def test_the_timer_comes_round_sooner_after_a_failure_and_can_be_turned_off(drawn, tmp_path):  # noqa: F811
    root = fresh_copy(drawn, tmp_path)
    settings = load_settings(root)
    ok = CollectReport(networks=[{"network": "x", "error": None}])
    failed = CollectReport(networks=[{"network": "x", "error": "X answered 503"}])
    assert settings.schedule.collect_every == timedelta(hours=1)
    assert collect_again_in(settings, ok) == timedelta(hours=1)
    assert collect_again_in(settings, failed) == RETRY_COLLECT < timedelta(hours=1)
    assert collect_again_in(settings, None) == RETRY_COLLECT  # the run itself failed (a database error)
    schedule = root / "posts" / "schedule.yaml"
    text = schedule.read_text()
    schedule.write_text(text + "collect_every: off\n", encoding="utf-8")
    assert collect_again_in(load_settings(root), failed) is None
    for bad, words in (("0m", "write off"), ("2d", "longer than collect_every may be"), ("often", "not a duration")):
        schedule.write_text(text + f"collect_every: {bad}\n", encoding="utf-8")
        result = run_cli_in_process("plan", cwd=root)
        assert result.code == 2 and "schedule.yaml" in result.err and "collect_every" in result.err, result
        assert words in result.err, result


def test_after_rehearsing_in_the_outbox_the_daemon_says_so_once_and_logs_no_traceback(drawn, tmp_path, servers):  # noqa: F811
    """A user trial: after `publisher: x`, every collect of the daemon logged `ERROR ... collect failed` and a
    traceback ending in `ValueError: invalid literal for int()` (the outbox post's id read as an X id)."""
    fx, fm = servers
    root = fresh_copy(drawn, tmp_path)
    schedule = root / "posts" / "schedule.yaml"
    real = schedule.read_text() + "collect_every: 2s\n"
    schedule.write_text(real.replace("handle: junocounseling}", "handle: junocounseling, publisher: outbox}")
                        .replace('social.example"}', 'social.example", publisher: outbox}'), encoding="utf-8")
    assert cli(root, servers, "2026-12-01T07:00", "queue")[0].code == 0
    assert len(cli(root, servers, "2026-12-01T09:01", "run-due")[1]["posted"]) == 2  # A, to the outbox
    schedule.write_text(real, encoding="utf-8")

    env = {k: v for k, v in os.environ.items() if not k.startswith(("X_", "JUNO_", "MASTODON_"))}
    log = tmp_path / "daemon.log"
    with log.open("w") as written:
        proc = subprocess.Popen([sys.executable, "-m", "scheduler", "daemon", "--now", "2026-12-01T10:30:00-05:00"],
                                cwd=root, env={**env, **fx.env(), **fm.env()}, stdout=written, stderr=written)
        try:
            deadline = time.monotonic() + 60
            while "mastodon: " not in log.read_text() and time.monotonic() < deadline and proc.poll() is None:
                time.sleep(0.2)
            time.sleep(7)  # three more collect runs at least
            proc.send_signal(signal.SIGTERM)
            proc.wait(timeout=60)
        finally:
            if proc.poll() is None:
                proc.kill()
    out = log.read_text()
    assert proc.returncode == 0 and "daemon stopped" in out, out
    assert "Traceback" not in out and "collect failed" not in out, out
    for network in ("x", "mastodon"):
        said = f"{network}: 1 post went to the outbox, not to {network}: it has no counts and is not read"
        assert f"\n{said}\n" in out and out.count(said) == 1, out
