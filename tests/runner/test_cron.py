"""run-due's cron fast path (runner/cron.py) answers exactly as the store would, and only when it is sure."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from queue_helpers import make_post

from scheduler import config
from scheduler.runner import cron
from scheduler.store import STATES, open_store
from scheduler.store.records import CLAIMABLE
from scheduler.store.trace import TRACE_FILE

NOW = datetime.fromisoformat("2026-12-07T14:00:00+00:00")


def _valid(root) -> str:
    """A project whose timetable a full run found valid (what runner.run.note_schedule_valid writes)."""
    url = config.parse_database_url(None, root)
    cron.schedule_marker(root).parent.mkdir(parents=True, exist_ok=True)
    cron.schedule_marker(root).write_text(cron.schedule_digest(root / config.SCHEDULE_FILE, url))
    return url


def _line(root, *extra: str) -> list[str]:
    return ["run-due", "--root", str(root), "--now", NOW.isoformat(), *extra]


def test_its_names_are_the_settings_and_the_stores():
    assert (cron.STATE_DIR, cron.SCHEDULE_FILE) == (config.STATE_DIR, config.SCHEDULE_FILE)
    assert cron.CLAIMABLE == tuple(str(state) for state in CLAIMABLE)
    assert cron.TRACE_FILE == TRACE_FILE


@pytest.mark.parametrize("state", [str(s) for s in STATES])
@pytest.mark.parametrize("ready", [timedelta(minutes=-1), timedelta(0), timedelta(minutes=1)])
def test_it_answers_as_the_store_does(project, state, ready):
    url = _valid(project)
    assert cron.default_database_url(project) == url
    with open_store(url) as store:
        store.add_posts([make_post("c/one", NOW + ready)], NOW)
        with store.transaction() as cur:
            cur.execute("UPDATE posts SET status = ?, ready_at = ?", (state, int((NOW + ready).timestamp())))
        due = store.has_due(NOW)
    dry = state not in cron.CLAIMABLE  # nothing waits: the full path decides (it may recycle)
    assert cron.quick_run_due(_line(project), {}) == (None if due or dry else 0)
    assert due == (state in cron.CLAIMABLE and ready <= timedelta(0))  # (both answers were asked something)


def test_with_no_database_yet_nothing_is_due_and_the_beat_is_noted(project):
    _valid(project)
    assert cron.quick_run_due(["-q", "--root", str(project), "run-due", f"--now={NOW.isoformat()}"], {}) == 0
    assert (project / ".juno" / "beat-run-due").is_file()
    assert not (project / ".juno" / "juno.db").exists()


@pytest.mark.parametrize("extra", [["--json"], ["--dry-run"], ["--debug"], ["-v"], ["--now"], ["--what"]])
def test_any_other_command_line_is_left_to_the_cli(project, extra):
    _valid(project)
    assert cron.quick_run_due(_line(project, *extra), {}) is None
    assert cron.quick_run_due(["status", "--root", str(project)], {}) is None


def test_when_unsure_it_leaves_the_answer_to_the_full_path(project):
    assert cron.quick_run_due(_line(project), {}) is None  # no full run has checked this timetable
    _valid(project)
    assert cron.quick_run_due(_line(project), {}) == 0
    assert cron.quick_run_due(_line(project), {"JUNO_DATABASE_URL": "sqlite:///other.db"}) is None
    assert cron.quick_run_due(["run-due", "--root", str(project), "--now", "2026-12-07T09:00"], {}) is None  # local
    assert cron.quick_run_due(["run-due", "--root", str(project / "nowhere")], {}) is None
    (project / ".env").write_text("JUNO_DATABASE_URL=sqlite:///other.db\n")
    assert cron.quick_run_due(_line(project), {}) is None
    (project / ".env").unlink()
    with (project / "posts" / "schedule.yaml").open("a") as schedule:
        schedule.write("\n# edited\n")
    assert cron.quick_run_due(_line(project), {}) is None
