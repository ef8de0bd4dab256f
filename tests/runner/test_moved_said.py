"""A post moved off its slot is said with what happened and what comes next (user trial 3, finding G): `status` and
`history` showed a bare "missed". Real projects through the CLI: a post past the catch-up window, and a late post
that would have come within min_gap of one just out; every state history shows has words a manager can act on."""

from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "store"))

from conftest import run_cli_in_process as run_cli
from schedules import ONE_A_DAY, schedule_text
from test_whose_database import CAMPAIGN, _project

ACCOUNT = "account: {handle: junocounseling, publisher: outbox}\n"
TWO_SLOTS = schedule_text(times=("09:00", "10:00"), **(ONE_A_DAY | {"max_per_day": 2}))


def _said(root: Path, now: str) -> tuple[str, str, list[dict]]:
    status = run_cli("status", "--now", now, cwd=root, env={"COLUMNS": "200"})
    history = run_cli("history", cwd=root, env={"COLUMNS": "200"})
    rows = json.loads(run_cli("history", "--json", cwd=root).out)["posts"]
    assert status.code == history.code == 0, (status, history)
    return status.out, history.out, rows


def test_a_post_past_the_catch_up_window_says_from_when_to_when_and_why(tmp_path):
    root = _project(tmp_path / "project", ACCOUNT)
    assert run_cli("queue", "--now", "2026-12-07T07:00", cwd=root).code == 0
    moved = run_cli("run-due", "--now", "2026-12-07T12:00", cwd=root)
    assert moved.code == 0 and "moved to Thu 2026-12-10 09:00" in moved.out, moved
    status, history, rows = _said(root, "2026-12-07T12:05")
    post = f"{CAMPAIGN}/understanding-the-reasons-behind-reluctance-can-help"
    words = ("moved from Mon 2026-12-07 09:00 to Thu 2026-12-10 09:00: it was 3 h late, past the 2 h catch-up window; "
             f"it goes out then by itself (`skip {post}` keeps it out)")
    assert f"{post}: {words}" in status, status
    assert words in history and " missed" not in history and "moved" in history, history
    # the table's time is when the move happened (run-due at 12:00), not a slot; its heading says so (user trial 6)
    assert "happened" in history.splitlines()[2] and " when " not in history, history
    [row_line] = [line for line in history.splitlines() if "understanding-the-reasons" in line and "│" not in line
                  and ": moved from" not in line] or [""]
    assert row_line.strip().startswith("Mon 12-07 12:00"), history
    [row] = [row for row in rows if row["id"] == post]
    assert row["status"] == "missed" and row["why"].startswith(words)  # --json keeps design.md's name


def test_status_says_how_to_keep_a_missed_posts_date_as_run_due_did(tmp_path):
    """A trial: run-due's missed line says how to pin a post to its date, but status, where a manager looks the next
    morning, did not. Both now end with the same hint."""
    root = _project(tmp_path / "project", ACCOUNT)
    assert run_cli("queue", "--now", "2026-12-07T07:00", cwd=root).code == 0
    moved = run_cli("run-due", "--now", "2026-12-07T12:00", cwd=root)
    hint = (f"; to keep a date, pin it with at: under its tip in posts/{CAMPAIGN}.yaml and run `juno-scheduler queue`, "
            "or move it in the studio's queue")
    assert moved.code == 0 and moved.out.splitlines()[0].endswith(hint), moved
    status, _, rows = _said(root, "2026-12-07T12:05")
    post = f"{CAMPAIGN}/understanding-the-reasons-behind-reluctance-can-help"
    [line] = [line for line in status.splitlines() if line.startswith(f"{post}: moved from")]
    assert line.endswith(f"(`skip {post}` keeps it out){hint}"), line
    status_json = json.loads(run_cli("status", "--json", "--now", "2026-12-07T12:05", cwd=root).out)
    assert [row["why"].endswith(hint) for row in status_json["moved"]] == [True]
    assert [row["why"].endswith(hint) for row in rows if row["status"] == "missed"] == [True]  # history too
    _, history, _ = _said(root, "2026-12-07T12:05")
    assert f"(`skip {post}` keeps it out){hint}" in history, history


def test_a_moved_post_pinned_and_queued_again_goes_out_at_its_pin_and_no_longer_says_moved(tmp_path):
    """User trial 6: after the hint's pin and `queue`, status still said "moved … goes out then by itself" beside a
    "next" at the pin. Queue placing a moved post at its pin ends the move; run-due then posts it at the pin."""
    root = _project(tmp_path / "project", ACCOUNT)
    assert run_cli("queue", "--now", "2026-12-07T07:00", cwd=root).code == 0
    assert "moved to Thu 2026-12-10 09:00" in run_cli("run-due", "--now", "2026-12-07T12:00", cwd=root).out
    tip = "understanding-the-reasons-behind-reluctance-can-help"
    post = f"{CAMPAIGN}/{tip}"
    campaign = root / "posts" / f"{CAMPAIGN}.yaml"
    text = campaign.read_text(encoding="utf-8")
    assert f"- id: {tip}\n" in text
    campaign.write_text(text.replace(f"- id: {tip}\n", f"- id: {tip}\n    at: \"2026-12-08 12:00\"\n"),
                        encoding="utf-8")
    early = run_cli("run-due", "--dry-run", "--now", "2026-12-08T12:05", cwd=root)
    assert early.code == 0 and post not in early.out, early  # the pin counts once queue reads it, as the hint says
    assert run_cli("queue", "--now", "2026-12-07T12:10", cwd=root).code == 0
    status, history, rows = _said(root, "2026-12-07T12:15")
    assert f"next: {post} at Tue 2026-12-08 12:00" in status, status
    assert "posts: 3 queued\n" in status and "moved from" not in status and "by itself" not in status, status
    assert post not in history and post not in [row["id"] for row in rows], history  # waiting again, not an outcome
    with sqlite3.connect(root / ".juno" / "juno.db") as db:  # the move is over: the database no longer says it
        assert db.execute("SELECT status, moved FROM posts WHERE id = ?", (post,)).fetchall() == [
            ("queued", None)]
    due = run_cli("run-due", "--now", "2026-12-08T12:05", "--json", cwd=root)
    assert [row["id"] for row in json.loads(due.out)["posted"]] == [post], due


def test_a_late_post_moved_to_keep_min_gap_says_so(tmp_path):
    root = _project(tmp_path / "project", ACCOUNT)
    (root / "posts" / "schedule.yaml").write_text(ACCOUNT + TWO_SLOTS, encoding="utf-8")
    assert run_cli("queue", "--now", "2026-12-07T07:00", cwd=root).code == 0
    run = json.loads(run_cli("run-due", "--now", "2026-12-07T10:30", "--json", cwd=root).out)
    assert len(run["posted"]) == 1 and len(run["missed"]) == 1, run
    status, _, _ = _said(root, "2026-12-07T10:35")
    assert ("moved from Mon 2026-12-07 10:00 to Tue 2026-12-08 10:00: it was 30 min late, and going out then would have "
            "come within min_gap (1 h) of a post already out; it goes out then by itself") in status, status


def test_every_state_history_shows_says_what_comes_next(tmp_path):
    root = _project(tmp_path / "project", ACCOUNT)
    assert run_cli("queue", "--now", "2026-12-07T07:00", cwd=root).code == 0
    assert run_cli("run-due", "--now", "2026-12-07T09:01", cwd=root).code == 0
    second = f"{CAMPAIGN}/reluctance-doesnt-always-mean-refusal"
    assert run_cli("skip", second, "--now", "2026-12-07T10:00", cwd=root).code == 0
    _, history, rows = _said(root, "2026-12-07T10:05")
    by_status = {row["status"]: row for row in rows}
    assert by_status["posted"]["why"] is None and by_status["posted"]["url"]
    assert by_status["skipped"]["why"] == f"skipped by a person; `juno-scheduler retry {second}` queues it again"
    assert "queues it again" in history


def _moved_off_a_blackout_date(root: Path) -> str:
    """A post of Monday 23:00 that run-due reaches at 00:30 on Tuesday, a blackout date: on time by the catch-up
    window, but it does not go out that day; run-due moves it off the date. Returns its id."""
    late_slot = schedule_text(times=("23:00",), **ONE_A_DAY) + "blackout: [2026-12-08]\n"
    (root / "posts" / "schedule.yaml").write_text(ACCOUNT + late_slot, encoding="utf-8")
    assert run_cli("queue", "--now", "2026-12-07T07:00", cwd=root).code == 0
    moved = run_cli("run-due", "--now", "2026-12-08T00:30", cwd=root)
    post = f"{CAMPAIGN}/understanding-the-reasons-behind-reluctance-can-help"
    assert moved.out.startswith(f"moved {post} off a blackout date to Fri 2026-12-11 23:00"), moved
    return post


def test_a_post_moved_off_a_blackout_date_says_so_without_the_pin_hint(tmp_path):
    """User trial: status and history told a manager to pin a post moved off a blackout date back with at:, which
    cannot help (no post goes out on a blackout date). The move's reason is stored, and the line says what happened."""
    root = _project(tmp_path / "project", ACCOUNT)
    post = _moved_off_a_blackout_date(root)
    status, history, rows = _said(root, "2026-12-08T00:35")
    [line] = [line for line in status.splitlines() if line.startswith(f"{post}: moved from")]
    assert "its day is a blackout date" in line and "pin it with at:" not in line, line
    assert line.endswith("no post goes out on a date under blackout: in posts/schedule.yaml (remove the date there to "
                         "post on it)"), line
    assert "pin it with at:" not in history and "blackout" in history, history
    [row] = [row for row in rows if row["id"] == post]
    assert row["status"] == "missed" and "pin it with at:" not in row["why"], row


def test_a_post_moved_in_an_older_database_still_says_the_pin_hint(tmp_path):
    """A database of schema 14, from before a move's reason was kept: opened again, it gains the column (NULL for
    the moves it holds), and such a move is said as it was, with how to keep a date."""
    root = _project(tmp_path / "project", ACCOUNT)
    assert run_cli("queue", "--now", "2026-12-07T07:00", cwd=root).code == 0
    assert run_cli("run-due", "--now", "2026-12-07T12:00", cwd=root).code == 0
    db = sqlite3.connect(root / ".juno" / "juno.db")
    with db:  # back to schema 14, as the version before wrote it
        db.execute("ALTER TABLE posts DROP COLUMN moved_for")
        db.execute("UPDATE juno_meta SET value = '14' WHERE key = 'schema_version'")
    db.close()
    assert run_cli("queue", "--now", "2026-12-07T12:02", cwd=root).code == 0  # a command that writes migrates it
    status, _, _ = _said(root, "2026-12-07T12:05")
    assert "past the 2 h catch-up window" in status and "; to keep a date, pin it with at:" in status, status
