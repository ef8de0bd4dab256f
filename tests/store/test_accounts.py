"""Whose database it is: a project never sees, lists or posts another account's posts."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest
from queue_helpers import add_due

from scheduler.errors import StoreError
from scheduler.store import open_store

FIXTURES = Path(__file__).parent / "fixtures"
NOW = datetime(2026, 12, 7, 14, 0, tzinfo=UTC)


def test_a_database_is_refused_to_a_project_with_another_handle(database_url):
    with open_store(database_url, accounts=[("x", "junocounseling")], now=NOW) as first:
        add_due(first, 2, NOW)
    with pytest.raises(StoreError) as refused:
        open_store(database_url, accounts=[("x", "otherpractice")], now=NOW)
    message = str(refused.value)
    assert "@junocounseling on x" in message and "@otherpractice on x" in message
    assert "JUNO_DATABASE_URL" in message
    with open_store(database_url, accounts=[("x", "JunoCounseling")], now=NOW) as again:  # handles ignore case
        assert again.counts() == {"queued": 2}


def test_adding_a_network_keeps_the_database_but_a_wholly_new_account_set_does_not(database_url):
    with open_store(database_url, accounts=[("x", "junocounseling")], now=NOW):
        pass
    with open_store(database_url, accounts=[("x", "junocounseling"), ("bluesky", "juno.bsky.social")],
                    now=NOW) as store:
        assert store.owners() == [("bluesky", "juno.bsky.social"), ("x", "junocounseling")]
    with pytest.raises(StoreError, match=r"no posts yet\), not to @somebody on mastodon"):
        open_store(database_url, accounts=[("mastodon", "somebody")], now=NOW)


def _old_project(project: Path) -> Path:
    """The bundled project with a database made by schema version 1 (before accounts were recorded):
    three tips approved, queued, and the first one posted."""
    shutil.copy(FIXTURES / "schema-v1-campaign.yaml", project / "posts" / "what-to-do-when-one-partner-wants-counseling.yaml")
    (project / ".juno").mkdir()
    shutil.copy(FIXTURES / "schema-v1.db", project / ".juno" / "juno.db")
    return project


def test_a_database_made_before_accounts_keeps_working_and_posts_nothing_twice(project, cli):
    root = _old_project(project)
    queued = cli("queue", "--now", "2026-12-02T09:00", "--json", cwd=root)
    assert queued.code == 0, queued
    due = cli("run-due", "--now", "2026-12-03T19:40", "--json", cwd=root)
    assert due.code == 0, due
    import json

    posted = [p["id"] for p in json.loads(due.out)["posted"]]
    assert posted == ["what-to-do-when-one-partner-wants-counseling/reluctance-doesnt-always-mean-refusal"]
    outbox = sorted(p.name for p in (root / ".juno" / "outbox").glob("*.json"))
    assert len(outbox) == 1  # the post made by the old version is not posted again
    with open_store(f"sqlite:///{root / '.juno' / 'juno.db'}") as store:
        assert store.counts() == {"posted": 2, "queued": 1}
        assert store.owners() == [("x", "junocounseling")]


def test_a_second_project_pointed_at_the_same_database_is_refused_and_posts_nothing(project, cli, tmp_path):
    root = _old_project(project)
    other = tmp_path / "other"
    shutil.copytree(root / "posts", other / "posts")
    shutil.copytree(root / "assets", other / "assets")
    schedule = other / "posts" / "schedule.yaml"
    schedule.write_text(schedule.read_text().replace("handle: junocounseling", "handle: otherpractice"))
    env = {"JUNO_DATABASE_URL": f"sqlite:///{root / '.juno' / 'juno.db'}"}
    assert cli("status", cwd=root).code == 0  # the first project claims its database
    for command in (["status"], ["plan"], ["history"], ["queue"], ["run-due", "--now", "2026-12-09T09:00"]):
        result = cli(*command, cwd=other, env=env)
        assert result.code == 2, (command, result)
        assert ("holds the posts of @junocounseling on x, which posts/schedule.yaml does not name (it names "
                "@otherpractice on x)") in result.err
        assert "Traceback" not in result.err and result.out == ""
    assert not (other / ".juno" / "outbox").exists()
