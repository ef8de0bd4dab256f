"""What collect keeps beside the counts, on a real SQLite file and the machine's PostgreSQL: a network whose read
failed (since when, the latest why) until a read works, and a post its network says no longer exists."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from queue_helpers import make_post

from scheduler.store import open_store
from scheduler.store.records import UNPUBLISHED

NOW = datetime(2026, 12, 7, 14, 0, tzinfo=UTC)


@pytest.fixture
def store(database_url):
    with open_store(database_url) as opened:
        yield opened


def test_a_failing_read_keeps_when_it_began_until_a_read_works(store):
    assert store.read_failures() == []
    store.record_read_failure("x", "X refused the credentials (401)", NOW)
    store.record_read_failure("x", "X refused the credentials (401) again", NOW + timedelta(hours=1))
    store.record_read_failure("mastodon", "Mastodon answered 503", NOW + timedelta(hours=1))
    assert store.read_failures() == [
        ("mastodon", NOW + timedelta(hours=1), NOW + timedelta(hours=1), "Mastodon answered 503"),
        ("x", NOW, NOW + timedelta(hours=1), "X refused the credentials (401) again")]
    store.clear_read_failure("x")
    assert [row[0] for row in store.read_failures()] == ["mastodon"]


def test_a_post_gone_from_its_network_is_unpublished_with_why_and_not_recyclable(store):
    post = make_post("alpha/t1", NOW - timedelta(days=3))
    store.add_posts([post], NOW - timedelta(days=4))
    assert not store.record_gone("alpha/t1", "deleted on x", NOW)  # not posted yet: nothing to be gone
    store.record_posted("alpha/t1", "123", "https://x.com/a/status/123", 0.0, NOW - timedelta(days=3))
    assert store.record_gone("alpha/t1", "deleted on x: x said it no longer exists", NOW)
    found = store.get("alpha/t1")
    assert found is not None and found.status == UNPUBLISHED and not found.recyclable
    assert found.last_error == "deleted on x: x said it no longer exists" and found.updated_at == NOW
