"""Whose database, whole (issue 23): a project is let in only when its accounts are the database's accounts,
and every query keeps to the project's own accounts.

Two real projects share one PostgreSQL schema; the second shares one of the first's two accounts (its Bluesky
handle). Through the real CLI the second is refused by `status`, `queue` and `run-due`, with one line naming
the database (without its password) and whose it is; the first project's posts stay as they were.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from conftest import approved_project, run_cli
from queue_helpers import add_due
from schedules import ONE_A_DAY, schedule_text

from scheduler.errors import ForeignDatabaseError
from scheduler.store import open_store

CAMPAIGN = "what-to-do-when-one-partner-wants-counseling"
NOW = datetime(2026, 12, 7, 14, 0, tzinfo=UTC)
LEASE = timedelta(minutes=10)
TIMETABLE = schedule_text(**ONE_A_DAY)
FIRST = """\
accounts:
  - {network: x, handle: junocounseling, publisher: outbox}
  - {network: bluesky, handle: shared.bsky.social, publisher: outbox}
"""


def _project(root: Path, accounts: str) -> Path:
    return approved_project(root, accounts + TIMETABLE, approved=3)


def _outbox(root: Path) -> list[str]:
    return sorted(p.name for p in (root / ".juno" / "outbox").glob("*.json")) if (root / ".juno").exists() else []


@pytest.mark.parametrize("second_accounts", [
    ("accounts:\n  - {network: x, handle: otherpractice, publisher: outbox}\n"
     "  - {network: bluesky, handle: shared.bsky.social, publisher: outbox}\n"),
    "accounts:\n  - {network: bluesky, handle: Shared.bsky.social, publisher: outbox}\n",
], ids=["shares-bluesky-has-own-x", "bluesky-only"])
def test_a_second_practice_sharing_one_account_is_refused_and_changes_nothing(tmp_path, pg_url, second_accounts):
    database = pg_url.replace("postgres@", "postgres:s3cret-pass@")  # the server trusts loopback: any password
    env = {"JUNO_DATABASE_URL": database}
    first = _project(tmp_path / "first", FIRST)
    second = _project(tmp_path / "second", second_accounts)
    (second / "posts" / f"{CAMPAIGN}.yaml").unlink()  # the second practice has none of the first's campaigns
    queued = run_cli("queue", "--now", "2026-12-07T07:00", "--json", cwd=first, env=env)
    assert queued.code == 0, queued
    assert len(json.loads(queued.out)["queued"]) == 6  # three tips on two networks
    posted = run_cli("run-due", "--now", "2026-12-07T09:01", "--json", cwd=first, env=env)
    assert posted.code == 0 and len(json.loads(posted.out)["posted"]) == 2, posted
    before = run_cli("status", "--json", "--now", "2026-12-07T09:05", cwd=first, env=env)

    for command in (("status",), ("queue", "--now", "2026-12-08T07:00"), ("run-due", "--now", "2026-12-08T09:01"),
                    ("run-due", "--now", "2026-12-09T09:01", "--dry-run")):
        refused = run_cli(*command, cwd=second, env=env)
        assert refused.code == 2, (command, refused)
        lines = refused.err.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("error: the database postgresql://postgres:***@"), refused
        assert "s3cret-pass" not in refused.err
        # the account it holds beyond those the second project names, and those it names (not "holds … of A and B,
        # not of A": trial 3, finding 6)
        assert ("also holds the posts of @junocounseling on x, which posts/schedule.yaml does not name (it names "
                "shared.bsky.social on bluesky") in lines[0]
        assert refused.out == ""
    assert _outbox(second) == []
    after = run_cli("status", "--json", "--now", "2026-12-07T09:05", cwd=first, env=env)
    assert after.code == 0 and json.loads(after.out) == json.loads(before.out)
    again = run_cli("run-due", "--now", "2026-12-08T09:01", "--json", cwd=first, env=env)
    assert again.code == 0 and len(json.loads(again.out)["posted"]) == 2 and not json.loads(again.out).get("withdrawn")


def test_a_project_with_the_same_accounts_is_let_in_and_a_new_network_is_recorded(database_url):
    accounts = [("x", "junocounseling"), ("bluesky", "shared.bsky.social")]
    with open_store(database_url, accounts=accounts, now=NOW):
        pass
    with open_store(database_url, accounts=list(reversed(accounts)), now=NOW) as same:
        assert same.owners() == [("bluesky", "shared.bsky.social"), ("x", "junocounseling")]
    with open_store(database_url, accounts=[*accounts, ("mastodon", "@juno@social.example")], now=NOW) as more:
        assert len(more.owners()) == 3
    with pytest.raises(ForeignDatabaseError, match="not to shared.bsky.social on bluesky and @junocounseling on x"):
        open_store(database_url, accounts=accounts, now=NOW)  # one account fewer: no longer the same accounts


def test_every_query_keeps_to_the_projects_own_accounts(database_url):
    with open_store(database_url, accounts=[("x", "junocounseling")], now=NOW) as store:
        add_due(store, 3, NOW)
        ids = [p.id for p in store.posts()]
        store._write("UPDATE posts SET handle = 'someoneelse' WHERE id = ?", (ids[0],))  # another account's row
    with open_store(database_url, accounts=[("x", "junocounseling")], now=NOW) as store:
        assert [p.id for p in store.posts()] == ids[1:]
        assert store.counts() == {"queued": 2}
        assert store.get(ids[0]) is None
        assert not store.skip(ids[0], NOW)
        assert not store.update_waiting(ids[0], NOW, text="changed")
        claimed = [store.claim("w", NOW, LEASE) for _ in range(3)]
        assert [p.id if p else None for p in claimed] == [*ids[1:], None]
    with open_store(database_url) as whole:  # unbound (tools, tests): the whole table
        other = whole.get(ids[0])
        assert other is not None and other.status == "queued" and other.text != "changed"


def test_a_database_bound_without_posts_says_so_and_how_to_release_it(tmp_path, database_url):
    """User trial 2, finding 2: a database that holds no posts was said to 'hold the posts of' the accounts a
    first command recorded. It says whose it is, that it holds none, and how to release it; done, it is let in."""
    env = {"JUNO_DATABASE_URL": database_url}
    first = _project(tmp_path / "first", FIRST)
    looked = run_cli("status", "--now", "2026-12-07T07:00", cwd=first, env=env)  # records its accounts, queues none
    assert looked.code == 0, looked
    second = _project(tmp_path / "second", "accounts:\n  - {network: x, handle: otherpractice, publisher: outbox}\n")
    refused = run_cli("queue", "--now", "2026-12-07T07:00", cwd=second, env=env)
    [line] = refused.err.strip().splitlines()
    assert refused.code == 2 and refused.out == "", refused
    assert ("is bound to shared.bsky.social on bluesky and @junocounseling on x (it holds no posts yet), not to "
            "@otherpractice on x") in line and "holds the posts" not in line, line
    assert "release it by running DELETE FROM juno_accounts in it" in line, line

    with open_store(database_url) as store:  # what the line says: the database's own tool, here its driver
        store._write("DELETE FROM juno_accounts")
    queued = run_cli("queue", "--now", "2026-12-07T07:00", "--json", cwd=second, env=env)
    assert queued.code == 0 and len(json.loads(queued.out)["queued"]) == 3, queued
    taken = run_cli("status", "--now", "2026-12-07T07:00", cwd=first, env=env)
    assert taken.code == 2 and "holds the posts of @otherpractice on x" in taken.err, taken
