"""A missed slot moves its post to the next free one (docs/queue.md, catch_up): holiday advice may then go out
after the holiday. The line that says so tells how to keep a date (newcomer trial, finding 2); the policy stays."""

from __future__ import annotations

from conftest import approved_project, run_cli
from schedules import ONE_A_DAY, X_OUTBOX, accounts_lines, schedule_text

CAMPAIGN = "what-to-do-when-one-partner-wants-counseling"
SCHEDULE = schedule_text(accounts_lines(X_OUTBOX), days="tue, thu", **ONE_A_DAY)


def test_a_missed_post_moved_later_says_how_to_keep_its_date(tmp_path):
    root = approved_project(tmp_path / "practice", SCHEDULE, approved=2)
    assert run_cli("queue", "--now", "2026-12-07T07:00", cwd=root).code == 0
    late = run_cli("run-due", "--now", "2026-12-08T14:00", cwd=root)  # Tuesday's 09:00 missed by 5 h
    assert late.code == 0, late
    missed = [line for line in late.out.splitlines() if line.startswith("missed ")]
    assert len(missed) == 1 and ": moved to " in missed[0], late.out  # to the end of the queue
    assert missed[0].endswith(f"; to keep a date, pin it with at: under its tip in posts/{CAMPAIGN}.yaml and run "
                              "`juno-scheduler queue`, or move it in the studio's queue"), missed[0]
