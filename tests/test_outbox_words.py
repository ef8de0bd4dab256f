"""A post written only to the outbox reads the same in every command (newcomer trial, finding 3): `run-due`,
`status`, `history` and `preview` say "simulated, not posted", as the studio does, from results.seen_status."""

from __future__ import annotations

import json

from conftest import approved_project, run_cli
from schedules import (
    MASTODON_OUTBOX,
    ONE_A_DAY,
    X_OUTBOX,
    accounts_lines,
    schedule_text,
)

CAMPAIGN = "what-to-do-when-one-partner-wants-counseling"
SCHEDULE = schedule_text(accounts_lines(X_OUTBOX, MASTODON_OUTBOX), **ONE_A_DAY)
WORDS = "simulated, not posted"


def test_every_command_says_an_outbox_post_is_simulated_not_posted(tmp_path):
    root = approved_project(tmp_path / "practice", SCHEDULE, approved=3)
    assert run_cli("queue", "--now", "2026-12-07T07:00", cwd=root).code == 0

    ran = run_cli("run-due", "--now", "2026-12-07T09:01", cwd=root)
    assert ran.code == 0, ran
    lines = ran.out.splitlines()
    assert len(lines) == 2 and all(line.startswith(f"{WORDS} {CAMPAIGN}/") and "file://" in line for line in lines), \
        ran.out
    as_json = run_cli("run-due", "--now", "2026-12-08T09:01", "--json", cwd=root)
    assert len(json.loads(as_json.out)["posted"]) == 2  # --json keeps the stored state's name

    status = run_cli("status", "--now", "2026-12-08T10:00", cwd=root)
    assert status.code == 0, status
    assert status.out.count(f"2 {WORDS}") == 2 and f"4 {WORDS}" in status.out, status.out  # each account, and all
    assert "this month (since 2026-12-01): 0 posted" in status.out, status.out

    history = run_cli("history", cwd=root, env={"COLUMNS": "160"})
    assert history.code == 0 and history.out.count(WORDS) == 4 and " posted \n" not in history.out, history.out

    preview = run_cli("preview", "--now", "2026-12-08T10:00", cwd=root)
    assert preview.code == 0 and f"0 published, 4 {WORDS}" in preview.out, preview
