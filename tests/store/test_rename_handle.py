"""A renamed handle (newcomer trial, finding 1): a practice that fixes its X handle in posts/schedule.yaml after
queueing was locked out of every command. `rename-handle x` moves the posts not yet out to the new handle after
she confirms, refused while a run holds one of them or one may have gone out; posted posts keep the old handle.

Real projects, real processes, on a SQLite file and on a PostgreSQL schema.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from conftest import run_cli
from test_whose_database import FIRST, TIMETABLE, _project

from scheduler import audit
from scheduler.store import open_store

LEASE = timedelta(minutes=10)
RENAMED = FIRST.replace("handle: junocounseling,", "handle: junocc,")


def _x_handles(database_url: str) -> dict[str, tuple[str, str]]:
    with open_store(database_url) as store:
        rows = store._query("SELECT id, handle, status FROM posts WHERE network = 'x'")
    return {post_id: (handle, status) for post_id, handle, status in rows}


def test_a_renamed_x_handle_moves_the_posts_not_yet_out_and_keeps_the_posted_ones(tmp_path, database_url):
    env = {"JUNO_DATABASE_URL": database_url}
    root = _project(tmp_path / "practice", FIRST)
    assert run_cli("queue", "--now", "2026-12-07T07:00", cwd=root, env=env).code == 0
    posted = run_cli("run-due", "--now", "2026-12-07T09:01", "--json", cwd=root, env=env)
    assert posted.code == 0 and len(json.loads(posted.out)["posted"]) == 2, posted
    before = _x_handles(database_url)
    assert {h for h, _ in before.values()} == {"junocounseling"}

    (root / "posts" / "schedule.yaml").write_text(RENAMED + TIMETABLE, encoding="utf-8")
    locked = run_cli("status", cwd=root, env=env)
    assert locked.code == 2 and len(locked.err.strip().splitlines()) == 1, locked
    assert ("if the practice renamed @junocounseling to @junocc, run juno-scheduler rename-handle x"
            in locked.err), locked.err

    unconfirmed = run_cli("rename-handle", "x", "--now", "2026-12-07T10:00", cwd=root, env=env, input="")
    assert unconfirmed.code == 2 and len(unconfirmed.err.strip().splitlines()) == 1, unconfirmed
    assert "2 posts not yet out would move from @junocounseling to @junocc on x; 1 posted keep @junocounseling" \
        in unconfirmed.err and "add --yes" in unconfirmed.err
    assert _x_handles(database_url) == before

    # a run holds one of the old handle's posts (its lease): refused, nothing moved
    claimed_at = datetime(2026, 12, 8, 14, 1, tzinfo=UTC)
    with open_store(database_url) as store:
        held = store.claim("another-run", claimed_at, LEASE, ["x"])
    assert held is not None  # the claim opened an attempt on it (it comes back as it was found)
    during = run_cli("rename-handle", "x", "--yes", "--now", "2026-12-08T09:05", cwd=root, env=env)
    assert during.code == 2 and "a run is posting for @junocounseling now" in during.err, during
    assert "nothing was moved" in during.err
    # its lease ran out with the attempt still open: it may have gone out, so it may not move either
    after_lease = run_cli("rename-handle", "x", "--yes", "--now", "2026-12-08T10:00", cwd=root, env=env)
    assert after_lease.code == 2 and f"{held.id} of @junocounseling may have gone out" in after_lease.err, after_lease
    assert _x_handles(database_url) == {**before, held.id: ("junocounseling", "claimed")}
    assert run_cli("status", cwd=root, env=env).code == 2  # still locked: nothing half done

    with open_store(database_url) as store:
        assert store.release(held, "another-run", claimed_at + timedelta(minutes=1))
    moved = run_cli("rename-handle", "x", "--yes", "--json", "--now", "2026-12-08T10:00", cwd=root, env=env)
    assert moved.code == 0, moved
    result = json.loads(moved.out)
    assert (result["old"], result["new"], result["kept"], len(result["moved"])) == ("@junocounseling", "@junocc", 1, 2)
    after = _x_handles(database_url)
    assert sorted(h for h, s in after.values() if s == "posted") == ["junocounseling"]  # gone out as the old one
    assert sorted(h for h, s in after.values() if s != "posted") == ["junocc", "junocc"]
    entry = audit.entries(root)[-1]
    assert (entry["what"], entry["network"], entry["old"], entry["new"]) == ("rename-handle", "x", "@junocounseling",
                                                                             "@junocc")

    status = run_cli("status", "--json", "--now", "2026-12-08T10:00", cwd=root, env=env)
    assert status.code == 0, status
    history = run_cli("history", "--json", cwd=root, env=env)
    old_posted = next(post_id for post_id, (_, state) in before.items() if state == "posted")
    assert history.code == 0, history  # the post that went out as the old handle is still the practice's
    assert [row["status"] for row in json.loads(history.out)["posts"] if row["id"] == old_posted] == ["posted"]
    nothing = run_cli("rename-handle", "x", "--yes", cwd=root, env=env)
    assert nothing.code == 2 and "no other x handle than @junocc" in nothing.err, nothing
    later = run_cli("run-due", "--now", "2026-12-09T09:01", "--json", cwd=root, env=env)
    assert later.code == 0 and any(p.get("network", "x") == "x" for p in json.loads(later.out)["posted"]), later.out
    assert {h for h, _ in _x_handles(database_url).values()} == {"junocounseling", "junocc"}


def test_a_paused_account_stays_paused_under_its_new_handle(tmp_path, database_url):
    """A manager paused X, then renamed its handle: the pause was on the old handle only, so the first run-due
    after rename-handle posted as the new one. The pause holds, with its reason, and rename-handle says so."""
    env = {"JUNO_DATABASE_URL": database_url}
    root = _project(tmp_path / "practice", FIRST)
    assert run_cli("queue", "--now", "2026-12-07T07:00", cwd=root, env=env).code == 0
    paused = run_cli("pause", "x", "--now", "2026-12-07T08:00", cwd=root, env=env)
    assert paused.code == 0, paused
    (root / "posts" / "schedule.yaml").write_text(RENAMED + TIMETABLE, encoding="utf-8")

    asked = run_cli("rename-handle", "x", "--now", "2026-12-07T08:30", cwd=root, env=env, input="")
    assert asked.code == 2 and "@junocc would stay paused (paused by a person)" in asked.err, asked
    moved = run_cli("rename-handle", "x", "--yes", "--now", "2026-12-07T08:30", cwd=root, env=env)
    assert moved.code == 0, moved
    assert "@junocc stays paused (paused by a person): `juno-scheduler resume x` to post again" in moved.out
    assert audit.entries(root)[-1]["held"] == "paused"

    status = json.loads(run_cli("status", "--json", "--now", "2026-12-07T08:45", cwd=root, env=env).out)
    x = next(a for a in status["accounts"] if a["network"] == "x")
    assert (x["handle"], x["state"], x["reason"]) == ("junocc", "paused", "paused by a person")
    run = run_cli("run-due", "--now", "2026-12-07T09:01", "--json", cwd=root, env=env)
    assert run.code == 0, run
    assert [p for p in json.loads(run.out)["posted"] if p.get("network") == "x"] == []
    assert all(status != "posted" for _, status in _x_handles(database_url).values())

    assert run_cli("resume", "x", "--now", "2026-12-08T08:00", cwd=root, env=env).code == 0
    later = run_cli("run-due", "--now", "2026-12-08T09:01", "--json", cwd=root, env=env)
    assert later.code == 0, later
    assert ("junocc", "posted") in _x_handles(database_url).values()


def test_an_account_not_paused_is_renamed_without_a_hold(tmp_path, database_url):
    env = {"JUNO_DATABASE_URL": database_url}
    root = _project(tmp_path / "practice", FIRST)
    assert run_cli("queue", "--now", "2026-12-07T07:00", cwd=root, env=env).code == 0
    (root / "posts" / "schedule.yaml").write_text(RENAMED + TIMETABLE, encoding="utf-8")
    moved = run_cli("rename-handle", "x", "--yes", "--json", "--now", "2026-12-07T08:30", cwd=root, env=env)
    assert moved.code == 0 and json.loads(moved.out)["held"] is None, moved
    status = json.loads(run_cli("status", "--json", "--now", "2026-12-07T08:45", cwd=root, env=env).out)
    assert next(a for a in status["accounts"] if a["network"] == "x")["state"] == "active"
