"""The daemon follows the files as cron does (issue 23): an edit of posts/schedule.yaml while it runs (a
blackout for today) moves the day's waiting posts; a typo in the edit stops posting with one located line in
its log, and posting resumes when the file is fixed. `run-due --dry-run` sees the new blackout too.

Real daemon processes with their clock started at a fixed --now; the waits are the machine's seconds, so
the tests pass on any date.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO, run_cli
from runner.test_daemon import environment, read_line, wait_for
from schedules import schedule_text

from scheduler.store import open_store

PROCESS = Path(__file__).resolve().parents[1] / "recording_process.py"
CAMPAIGN = "what-to-do-when-one-partner-wants-counseling"
SCHEDULE = schedule_text("account: {handle: junocounseling, publisher: outbox}\n", times=("09:00", "09:30", "10:00"),
                         min_gap="30m", max_per_day=3, blackout="[2026-12-25]", jitter="0m", catch_up="2h",
                         link="{mode: none}")
TODAY = "2026-12-02"


def _project(root: Path) -> Path:
    root.mkdir()
    for part in ("assets", "posts"):
        subprocess.run(["cp", "-r", str(REPO / part), str(root / part)], check=True)
    campaign = root / "posts" / f"{CAMPAIGN}.yaml"
    campaign.write_text(campaign.read_text(encoding="utf-8").replace("status: draft", "status: approved", 3),
                        encoding="utf-8")
    (root / "posts" / "schedule.yaml").write_text(SCHEDULE, encoding="utf-8")
    queued = run_cli("queue", "--now", f"{TODAY}T07:00", "--json", cwd=root)
    assert queued.code == 0 and len(json.loads(queued.out)["queued"]) == 3, queued
    return root


def _due_dates(root: Path) -> list[str]:
    with open_store(f"sqlite:///{root / '.juno' / 'juno.db'}") as store:
        return sorted(p.due_at.astimezone(_zone()).date().isoformat() for p in store.posts(("queued", "missed")))


def _zone():
    from zoneinfo import ZoneInfo

    return ZoneInfo("America/New_York")


def _daemon(root: Path, record: Path, log: Path, now: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, str(PROCESS), "daemon", str(root), str(record), "--recheck", "1",
                             "--now", now], env=environment(), stdout=subprocess.PIPE, stderr=log.open("w"),
                            text=True)


def _stop(proc: subprocess.Popen) -> str:
    proc.send_signal(signal.SIGTERM)
    out, _ = proc.communicate(timeout=30)
    assert proc.returncode == 0
    return out


def _published(record: Path) -> list[str]:
    return [line.split("\t")[0] for line in record.read_text().splitlines()] if record.exists() else []


pytestmark = pytest.mark.slow


def test_a_blackout_for_today_added_while_the_daemon_runs_moves_the_days_posts(tmp_path):
    root = _project(tmp_path / "project")
    record, log = tmp_path / "published.tsv", tmp_path / "daemon.log"
    proc = _daemon(root, record, log, f"{TODAY}T08:59:58-05:00")
    try:
        assert read_line(proc).startswith("daemon started")
        wait_for(lambda: len(_published(record)) == 1, what="the 09:00 post")
        schedule = root / "posts" / "schedule.yaml"
        schedule.write_text(SCHEDULE.replace("blackout: [2026-12-25]", f"blackout: [{TODAY}, 2026-12-25]"))
        wait_for(lambda: _due_dates(root) == ["2026-12-03", "2026-12-03"], what="the day's posts to move")
        out = _stop(proc)
    finally:
        proc.kill()
    assert len(_published(record)) == 1
    assert out.count("the timetable changed (a blackout date)") == 2 and "to Thu 2026-12-03 09:00" in out, out


def test_a_typo_in_the_edit_stops_posting_with_one_located_line_until_it_is_fixed(tmp_path):
    root = _project(tmp_path / "project")
    record, log = tmp_path / "published.tsv", tmp_path / "daemon.log"
    schedule = root / "posts" / "schedule.yaml"
    proc = _daemon(root, record, log, f"{TODAY}T08:59:56-05:00")
    try:
        assert read_line(proc).startswith("daemon started")
        schedule.write_text(SCHEDULE.replace("max_per_day: 3", "max_per_dya: 3"))
        wait_for(lambda: "not posting until it is fixed" in log.read_text(), what="the located line")
        import time

        time.sleep(6)  # past the 09:00 slot by the daemon's clock, six wakes at least
        assert _published(record) == []
        lines = [line for line in log.read_text().splitlines() if "not posting until it is fixed" in line]
        assert len(lines) == 1 and "posts/schedule.yaml:7:1: " in lines[0], log.read_text()
        schedule.write_text(SCHEDULE)
        wait_for(lambda: len(_published(record)) == 1, what="posting to resume")
        _stop(proc)
    finally:
        proc.kill()
    assert "posting resumes" in log.read_text()
    assert _published(record) == [f"{CAMPAIGN}/{_first_tip(root)}"]


def _first_tip(root: Path) -> str:
    with open_store(f"sqlite:///{root / '.juno' / 'juno.db'}") as store:
        return next(p for p in store.posts() if p.status == "posted").tip_key.split("/", 1)[1]


def test_run_due_dry_run_sees_a_blackout_added_since_the_last_run(tmp_path):
    root = _project(tmp_path / "project")
    assert run_cli("run-due", "--now", f"{TODAY}T07:05", cwd=root).code == 0  # the timetable as it was, noted
    schedule = root / "posts" / "schedule.yaml"
    schedule.write_text(SCHEDULE.replace("blackout: [2026-12-25]", f"blackout: [{TODAY}, 2026-12-25]"))
    dry = run_cli("run-due", "--dry-run", "--now", f"{TODAY}T08:00", "--json", cwd=root)
    assert dry.code == 0, dry
    missed = json.loads(dry.out)["missed"]
    assert len(missed) == 3 and all(m["moved_to"].startswith("2026-12-03T") for m in missed), missed
    assert _due_dates(root) == [TODAY] * 3  # a dry run moves nothing
    real = run_cli("run-due", "--now", f"{TODAY}T08:00", "--json", cwd=root)
    assert [m["moved_to"] for m in json.loads(real.out)["missed"]] == [m["moved_to"] for m in missed]
