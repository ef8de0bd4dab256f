"""The store, the same tests on a real SQLite file and the machine's PostgreSQL."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from queue_helpers import add_due, make_post

from scheduler.errors import StoreError
from scheduler.store import open_store
from scheduler.store.schema import SCHEMA_VERSION

NOW = datetime(2026, 12, 7, 14, 0, tzinfo=UTC)
LEASE = timedelta(minutes=5)


@pytest.fixture
def store(database_url):
    with open_store(database_url) as opened:
        yield opened


def test_schema_is_versioned_and_opening_again_changes_nothing(database_url):
    with open_store(database_url) as first:
        assert first.schema_version() == SCHEMA_VERSION
        add_due(first, 3, NOW)
    with open_store(database_url) as again:
        assert again.schema_version() == SCHEMA_VERSION
        assert again.counts() == {"queued": 3}


def test_a_database_from_a_newer_version_is_refused(database_url):
    with open_store(database_url) as store, store.transaction() as cur:
        cur.execute("UPDATE juno_meta SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(StoreError, match="schema version 99.*upgrade juno-scheduler"):
        open_store(database_url)


def test_posts_are_plain_columns_and_come_back_as_they_went_in(store):
    text = "Resistance isn’t indifference. 💬\n\nhttps://junocounseling.com/x?utm_source=x #CouplesCounseling"
    post = make_post("why-counseling/resistance", NOW + timedelta(hours=3), section="What Resistance Is", text=text,
                     card="/tmp/cards/x.png")
    store.add_posts([post], NOW)
    back = store.get(post.id)
    assert (back.text, back.section, back.card, back.due_at, back.status) == (
        text, "What Resistance Is", "/tmp/cards/x.png", NOW + timedelta(hours=3), "queued")
    assert back.due_at.tzinfo is not None
    rows = store._query("SELECT text, due_at FROM posts WHERE id = ?", (post.id,))
    assert rows == [(text, int((NOW + timedelta(hours=3)).timestamp()))]


def test_posts_of_one_campaign_are_read_alone(store):
    store.add_posts([make_post("alpha/t1", NOW + timedelta(hours=1)), make_post("beta/t1", NOW + timedelta(hours=2)),
                     make_post("alpha/t2", NOW + timedelta(hours=3))], NOW)
    assert [post.id for post in store.posts(campaign="alpha")] == ["alpha/t1", "alpha/t2"]
    assert [post.id for post in store.posts(("queued",), campaign="beta")] == ["beta/t1"]
    assert store.posts(campaign="gamma") == []


def test_a_recycled_post_keeps_why_it_was_chosen(store):
    why = "in the top quarter of this account's posts on x at 72 h, 14 posts behind it"
    post = replace(make_post("c/t~2", NOW + timedelta(hours=3)), round=2, tip_key="c/t", why=why)
    store.add_posts([post, make_post("c/u", NOW + timedelta(hours=4))], NOW)
    assert (store.get("c/t~2").why, store.get("c/u").why) == (why, None)


def test_claim_takes_the_most_overdue_post_and_nothing_before_its_time(store):
    store.add_posts([make_post("c/later", NOW + timedelta(minutes=1)), make_post("c/late", NOW - timedelta(minutes=30)),
                     make_post("c/now", NOW)], NOW)
    first = store.claim("w1", NOW, LEASE)
    second = store.claim("w2", NOW, LEASE)
    assert (first.id, second.id) == ("c/late", "c/now")
    assert (first.status, first.claimed_by, first.claimed_until) == ("claimed", "w1", NOW + LEASE)
    assert store.claim("w3", NOW, LEASE) is None
    assert store.claim("w3", NOW + timedelta(minutes=1), LEASE).id == "c/later"


def test_a_claim_opens_an_attempt_and_a_post_whose_lease_ran_out_comes_back_uncertain(store):
    add_due(store, 1, NOW)
    held = store.claim("w1", NOW, LEASE)
    assert (held.attempt_open, held.attempts) == (False, 0)  # as it was found
    assert (store.get(held.id).attempt_open, store.get(held.id).attempts) == (True, 1)
    assert store.claim("w2", NOW + LEASE - timedelta(seconds=1), LEASE) is None
    taken = store.claim("w2", NOW + LEASE, LEASE)  # w1 died mid-post
    assert (taken.id, taken.claimed_by, taken.attempt_open, taken.attempts) == (held.id, "w2", True, 1)
    assert not store.record_retry(held.id, "w1", "late answer", NOW, uncertain=False, now=NOW + LEASE)


def test_a_post_given_back_unpublished_keeps_its_attempt_as_it_was(store):
    ids = add_due(store, 2, NOW)
    first = store.claim("w1", NOW, LEASE)
    store.release(first, "w1", NOW)
    assert (store.get(ids[0]).attempt_open, store.get(ids[0]).attempts) == (False, 0)
    store.claim("w1", NOW, LEASE)  # claim both; w1 dies holding the first with its attempt open
    second = store.claim("w1", NOW, LEASE)
    store.release(second, "w1", NOW)
    again = store.claim("w2", NOW + LEASE, LEASE)
    store.release(again, "w2", NOW + LEASE)
    assert (store.get(ids[0]).attempt_open, store.get(ids[1]).attempt_open) == (True, False)


def test_a_claim_of_several_takes_the_most_overdue_first_each_with_its_own_attempt(store):
    ids = add_due(store, 5, NOW)
    store.add_posts([make_post("c/later", NOW + timedelta(minutes=1))], NOW)
    batch = store.claim_many("w1", NOW, LEASE, limit=3)
    assert [p.id for p in batch] == ids[:3]
    assert all((p.attempt_open, p.attempts, p.claimed_by) == (False, 0, "w1") for p in batch)  # as found
    assert [store.get(i).attempts for i in ids] == [1, 1, 1, 0, 0]
    assert [p.id for p in store.claim_many("w2", NOW, LEASE, limit=10)] == ids[3:]  # never c/later, never twice
    assert store.claim_many("w3", NOW, LEASE, limit=10) == []
    store.release(batch[2], "w1", NOW)  # not got to: back as it was, first in line again
    assert (store.get(ids[2]).attempt_open, store.get(ids[2]).attempts) == (False, 0)
    assert [p.id for p in store.claim_many("w3", NOW, LEASE, limit=10)] == [ids[2]]


def test_a_claim_limited_to_networks_merges_them_in_order(store):
    store.add_posts([make_post("c/x-late", NOW - timedelta(minutes=9)),
                     replace(make_post("c/m-later", NOW - timedelta(minutes=5)), network="mastodon"),
                     replace(make_post("c/b-late", NOW - timedelta(minutes=7)), network="bluesky"),
                     replace(make_post("c/m-late", NOW - timedelta(minutes=8)), network="mastodon")], NOW)
    taken = store.claim_many("w", NOW, LEASE, networks=["x", "mastodon"], limit=2)
    assert [p.id for p in taken] == ["c/x-late", "c/m-late"]
    assert [p.id for p in store.claim_many("w", NOW, LEASE, networks=["mastodon", "x"], limit=5)] == ["c/m-later"]
    assert store.claim_many("w", NOW, LEASE, networks=[], limit=5) == []
    assert [p.id for p in store.claim_many("w", NOW, LEASE, limit=5)] == ["c/b-late"]


def test_recording_posted_retry_dead_and_release(store):
    ids = add_due(store, 4, NOW)
    posts = [store.claim("w", NOW, LEASE) for _ in ids]
    assert store.record_posted(posts[0].id, "123", "https://x.com/j/status/123", 0.2, NOW)
    assert not store.record_posted(posts[0].id, "124", "u", 0.2, NOW)  # never posted twice in the books
    retry_at = NOW + timedelta(minutes=15)
    assert store.record_retry(posts[1].id, "w", "X answered 503", retry_at, uncertain=True, now=NOW)
    assert store.record_dead(posts[2].id, "w", "duplicate text", NOW)
    assert store.release_all("w", NOW) == 1
    by_id = {p.id: p for p in store.posts()}
    assert (by_id[ids[0]].status, by_id[ids[0]].remote_id, by_id[ids[0]].cost_usd) == ("posted", "123", 0.2)
    assert (by_id[ids[1]].status, by_id[ids[1]].retry_at, by_id[ids[1]].attempt_open) == ("failed", retry_at, True)
    assert (by_id[ids[2]].status, by_id[ids[2]].last_error) == ("dead", "duplicate text")
    assert by_id[ids[3]].status == "queued"
    assert store.next_ready_at() == NOW - timedelta(minutes=1)
    assert store.claim("w", NOW, LEASE).id == ids[3]
    store.record_posted(ids[3], "125", "u", 0.0, NOW)
    assert store.claim("w", NOW + timedelta(minutes=14), LEASE) is None
    assert store.claim("w", retry_at, LEASE).id == ids[1]


def test_defer_and_move_put_a_post_back_for_later(store):
    ids = add_due(store, 2, NOW)
    first, second = store.claim("w", NOW, LEASE), store.claim("w", NOW, LEASE)
    store.defer(first, "w", NOW + timedelta(hours=1), NOW)
    store.move(second, "w", NOW + timedelta(days=2), NOW)
    deferred, moved = store.get(ids[0]), store.get(ids[1])
    assert (deferred.status, deferred.eligible_at, deferred.attempts) == ("queued", NOW + timedelta(hours=1), 0)
    assert (moved.status, moved.due_at) == ("missed", NOW + timedelta(days=2))
    assert store.claim("w", NOW + timedelta(minutes=59), LEASE) is None


def test_a_move_keeps_its_reason_until_the_post_is_queued_again(store):
    """`moved_for` (why, as a word: status offers a pin only where one helps) goes and comes with `moved`; a post
    put back (retry) or pinned by `queue` is no longer moved, and keeps neither."""
    first, second = add_due(store, 2, NOW)
    assert store.move(store.claim("w", NOW, LEASE), "w", NOW + timedelta(days=1), NOW, "moved off a blackout date",
                      moved_for="blackout")
    assert store.move(store.claim("w", NOW, LEASE), "w", NOW + timedelta(days=2), NOW, "moved: 3 h late",
                      moved_for="missed")
    assert [(p.moved, p.moved_for) for p in (store.get(first), store.get(second))] == [
        ("moved off a blackout date", "blackout"), ("moved: 3 h late", "missed")]
    assert store.requeue(first, NOW, at=NOW + timedelta(hours=5))
    assert store.update_waiting(second, NOW, status="queued", pinned=True, moved=None, moved_for=None)
    assert [(p.status, p.moved, p.moved_for) for p in (store.get(first), store.get(second))] == [
        ("queued", None, None), ("queued", None, None)]


def test_a_database_of_schema_14_gains_the_move_reason_and_keeps_its_moves(database_url):
    """An older database (before moved_for) opens as it did: its moves kept, their reason NULL."""
    with open_store(database_url) as store:
        [post_id] = add_due(store, 1, NOW)
        assert store.move(store.claim("w", NOW, LEASE), "w", NOW + timedelta(days=1), NOW, "moved: 3 h late")
        with store.transaction() as cur:  # as schema 14 left it
            cur.execute("ALTER TABLE posts DROP COLUMN moved_for")
            cur.execute("UPDATE juno_meta SET value = '14' WHERE key = 'schema_version'")
    with open_store(database_url) as again:
        assert again.schema_version() == SCHEMA_VERSION
        back = again.get(post_id)
        assert (back.status, back.moved, back.moved_for) == ("missed", "moved: 3 h late", None)


def test_skip_and_requeue(store):
    ids = add_due(store, 2, NOW)
    assert store.skip(ids[0], NOW)
    assert store.claim("w", NOW, LEASE).id == ids[1]
    assert not store.skip(ids[1], NOW)  # being posted right now
    assert store.requeue(ids[0], NOW + timedelta(days=1))
    back = store.get(ids[0])
    assert (back.status, back.eligible_at) == ("queued", NOW + timedelta(days=1))
    assert not store.requeue(ids[0], NOW)  # already queued


def test_a_moved_post_put_back_goes_out_at_its_new_time_never_before(store):
    """requeue makes `at` the post's slot: the claim takes it from then, as plan and retry say, not earlier."""
    [post_id] = add_due(store, 1, NOW)
    post = store.claim("w", NOW, LEASE)
    far = NOW + timedelta(days=36)
    assert store.move(post, "w", far, NOW)  # its slot missed: moved five weeks on
    sooner = NOW + timedelta(days=1)
    assert store.requeue(post_id, NOW, at=sooner)
    back = store.get(post_id)
    assert (back.status, back.due_at, back.eligible_at) == ("queued", sooner, sooner)
    assert store.claim("w", sooner - timedelta(minutes=1), LEASE) is None
    assert store.claim("w", sooner, LEASE).id == post_id
    skipped, = add_due(store, 1, NOW + timedelta(days=3), prefix="c/q")
    assert store.skip(skipped, NOW)
    assert store.requeue(skipped, NOW, at=NOW + timedelta(hours=2))  # a skipped post whose slot was still ahead
    assert store.get(skipped).eligible_at == NOW + timedelta(hours=2)
    assert store.claim("w", NOW + timedelta(hours=2), LEASE).id == skipped


def test_account_state_and_not_before_are_shared_in_the_database(store, database_url):
    store.set_not_before("junocounseling", NOW + timedelta(minutes=15), NOW)
    store.set_not_before("junocounseling", NOW + timedelta(minutes=5), NOW)  # an earlier one never shortens it
    store.set_account_state("junocounseling", "stopped", "X says the credentials are invalid", NOW)
    with open_store(database_url) as other:
        account = other.account("junocounseling")
    assert (account.state, account.reason, account.not_before) == (
        "stopped", "X says the credentials are invalid", NOW + timedelta(minutes=15))
    assert store.account("someoneelse").state == "active"


def test_verified_handles_by_credential_fingerprint(store):
    assert store.verified_handle("ab12") is None
    store.remember_handle("ab12", "junocounseling", NOW)
    store.remember_handle("ab12", "junocounseling", NOW + timedelta(days=1))
    assert store.verified_handle("ab12") == "junocounseling"
    store.forget_handle("ab12")
    assert store.verified_handle("ab12") is None


def test_spend_since_counts_this_months_posts(store):
    ids = add_due(store, 3, NOW)
    for cost, post_id in zip((0.2, 0.015), ids):
        store.claim("w", NOW, LEASE)
        store.record_posted(post_id, "r", "u", cost, NOW)
    assert store.spend_since(NOW - timedelta(days=1)) == (2, pytest.approx(0.215))
    assert store.spend_since(NOW + timedelta(seconds=1)) == (0, 0.0)


@pytest.mark.postgres
def test_unreachable_postgresql_names_the_variable_and_hides_the_password():
    with pytest.raises(StoreError) as caught:
        open_store("postgresql://juno:hunter22@127.0.0.1:1/juno")
    message = str(caught.value)
    assert "JUNO_DATABASE_URL" in message and "postgresql://juno:***@127.0.0.1:1/juno" in message
    assert "hunter22" not in message and "\n" not in message
    # the variable is set here: what it is when unset reads as that, not as "(unset, it is …)" (trial 3, section 8)
    assert "check JUNO_DATABASE_URL (when unset: .juno/juno.db in the project folder)" in message


def test_a_file_that_is_not_a_database_is_one_clear_error(tmp_path):
    bad = tmp_path / "juno.db"
    bad.write_text("this is not a database, it is a shopping list\n" * 100)
    with pytest.raises(StoreError, match=r"cannot use the database sqlite:///.*juno\.db: file is not a database; "
                                         r"the file is damaged or is not a database: restore it from a backup"):
        open_store(f"sqlite:///{bad}")
    with pytest.raises(StoreError, match="unable to open database file"):
        open_store(f"sqlite:///{tmp_path}/no/such/folder/juno.db")
    assert not (tmp_path / "no").exists()


def test_the_default_folder_is_made_on_first_use(tmp_path):
    with open_store(f"sqlite:///{tmp_path}/.juno/juno.db") as store:
        assert store.counts() == {}
    with sqlite3.connect(tmp_path / ".juno" / "juno.db") as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
