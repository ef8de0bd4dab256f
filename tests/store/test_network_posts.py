"""Posts per network in the store: a claim limited to some networks, and ids that name a tip or one network."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from scheduler.controls import find_posts, skip_post
from scheduler.errors import UsageError
from scheduler.store import Post, open_store

NOW = datetime(2026, 12, 7, 14, 0, tzinfo=UTC)


def post(post_id: str, network: str, round_: int = 1, status: str = "queued") -> Post:
    tip = post_id.split("@")[0].split("~")[0]
    return Post(id=post_id, tip_key=tip, round=round_, campaign="c", section=None, position=0, text="t",
                card=None, alt_text=None, weighted_length=1, due_at=NOW - timedelta(minutes=5), status=status,
                network=network)


@pytest.fixture
def store(database_url):
    with open_store(database_url) as opened:
        opened.add_posts([post("c/a", "x", status="posted"), post("c/a@mastodon", "mastodon", status="posted"),
                          post("c/a~2", "x", 2), post("c/a~2@mastodon", "mastodon", 2),
                          post("c/b", "x"), post("c/b@mastodon", "mastodon")], NOW)
        yield opened


def test_a_claim_takes_only_the_networks_it_is_given(store):
    taken = []
    while (claimed := store.claim("w", NOW, timedelta(minutes=10), networks=["mastodon"])) is not None:
        taken.append(claimed.id)
    assert sorted(taken) == ["c/a~2@mastodon", "c/b@mastodon"]
    assert store.claim("w", NOW, timedelta(minutes=10), networks=[]) is None
    assert store.has_due(NOW, ["x"]) and not store.has_due(NOW, ["mastodon"])


def test_ids_name_a_tip_on_every_network_or_one_network(store):
    assert sorted(p.id for p in find_posts(store, "a")) == ["c/a~2", "c/a~2@mastodon"]  # the latest round
    assert sorted(p.id for p in find_posts(store, "c/a~2")) == ["c/a~2", "c/a~2@mastodon"]
    assert [p.id for p in find_posts(store, "c/a~2@mastodon")] == ["c/a~2@mastodon"]
    assert [p.id for p in find_posts(store, "b@mastodon")] == ["c/b@mastodon"]
    assert [p.id for p in skip_post(store, "b@x", NOW)] == ["c/b"]
    assert store.get("c/b@mastodon").status == "queued"
    with pytest.raises(UsageError, match="no post 'nothing'"):
        find_posts(store, "nothing")
