"""The Mastodon publisher against the fake Mastodon server (a real HTTP server on 127.0.0.1)."""

from __future__ import annotations

import json
import socket
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from fakemastodon import FakeMastodon

from scheduler.errors import ConfigError, PublishError
from scheduler.networks.base import Outgoing
from scheduler.networks.mastodon.access import (
    MastodonAccess,
    handle_problem,
    mastodon_length,
    parse_access,
    parse_handle,
    read_limits,
)
from scheduler.networks.mastodon.publisher import (
    CONTENT_WARNING,
    MastodonPublisher,
    idempotency_key,
)

TEXT = ("Resistance isn’t indifference. Many people avoid counseling because they don’t want to make things "
        "worse.\n\nhttps://junocounseling.com/blog/resistance?utm_source=mastodon #CouplesCounseling")
STATUSES = "POST /api/v1/statuses"


@pytest.fixture
def fm():
    with FakeMastodon() as server:
        yield server


def make(fm: FakeMastodon, username: str = "junocounseling", handle: str | None = None, **options):
    options.setdefault("poll", 0.02)
    options.setdefault("timeout", 3.0)
    return MastodonPublisher(parse_access(fm.env(username)), handle or fm.handle(), **options)


def post(text: str = TEXT, card: Path | None = None, alt: str = "", post_id: str = "c/resistance", **kw):
    return Outgoing(post_id=post_id, text=text, card=card, alt_text=alt, **kw)


def failure(publisher, outgoing) -> PublishError:
    with pytest.raises(PublishError) as caught:
        publisher.publish(outgoing)
    return caught.value


# --- the happy path ---------------------------------------------------------------------------

def test_a_post_goes_out_with_its_processed_card_alt_text_and_language(fm, card):
    fm.processing_polls = 2
    published = make(fm).publish(post(card=card, alt="Quote card: Resistance isn’t indifference.", language="en"))

    [status] = fm.statuses_of()
    assert status["text"] == TEXT and status["language"] == "en"
    assert status["sensitive"] is False and status["spoiler_text"] == ""
    [media] = status["media"]
    assert media["description"] == "Quote card: Resistance isn’t indifference." and media["url"]
    assert fm.count("GET /api/v1/media/:id") == 3  # 206, 206, then 200: the status waited for it
    assert published.remote_id == status["id"]
    assert published.url == f"https://social.example/@junocounseling/{status['id']}"


def test_a_sensitive_tip_gets_a_content_warning(fm):
    make(fm).publish(post(sensitive=True))

    [status] = fm.statuses_of()
    assert status["sensitive"] is True and status["spoiler_text"] == CONTENT_WARNING


def test_the_handle_uses_the_instances_domain_not_the_api_host(fm):
    publisher = make(fm, handle="@junocounseling@social.example")
    assert publisher.whoami() == "@junocounseling@social.example"
    assert "social.example" not in fm.base_url


# --- exactly once -----------------------------------------------------------------------------

def test_the_same_post_sent_twice_is_one_status_by_its_idempotency_key(fm):
    publisher = make(fm)
    first = publisher.publish(post())
    second = publisher.publish(post())

    assert first == second and len(fm.statuses_of()) == 1
    keys = {r["idempotency_key"] for r in fm.requests if r["route"] == STATUSES}
    assert keys == {idempotency_key("c/resistance")}
    assert idempotency_key("c/other") != idempotency_key("c/resistance")


def test_a_lost_answer_is_uncertain_and_the_next_attempt_finds_the_status(fm):
    fm.inject(STATUSES, drop="after")
    error = failure(make(fm), post())
    assert error.kind == "retry" and error.uncertain
    assert len(fm.statuses_of()) == 1

    fm.idempotency.clear()  # the instance forgot the key (it keeps them an hour): the statuses still tell
    found = make(fm).publish(post(uncertain=True))

    assert len(fm.statuses_of()) == 1 and found.remote_id == fm.statuses_of()[0]["id"]
    assert fm.count(STATUSES) == 1


def test_an_uncertain_attempt_that_never_arrived_is_posted_once(fm):
    fm.inject(STATUSES, drop="before")
    assert failure(make(fm), post()).uncertain
    assert fm.statuses_of() == []

    make(fm).publish(post(uncertain=True))
    assert len(fm.statuses_of()) == 1


def test_find_existing_looks_past_the_first_page(fm):
    publisher = make(fm)
    fm.set_now(datetime(2026, 12, 12, 14, 54, 3, tzinfo=UTC).timestamp())
    publisher.publish(post(text="the one we look for", post_id="c/old"))
    fm.set_now(datetime(2026, 12, 12, 15, 5, tzinfo=UTC).timestamp())
    for n in range(45):
        publisher.publish(post(text=f"later post {n}", post_id=f"c/later-{n}"))

    found = make(fm).find_existing(post(text="the one we look for", post_id="c/old"))
    assert found is not None and found.remote_id == fm.statuses_of()[0]["id"]
    assert found.recovered and found.at == datetime(2026, 12, 12, 14, 54, 3, tzinfo=UTC)  # when it was made
    assert make(fm).find_existing(post(text="never posted")) is None


# --- errors, as X's table ---------------------------------------------------------------------

def test_a_rate_limit_defers_until_the_reset_time(fm):
    fm.inject(STATUSES, status=429, reset_in=600)
    error = failure(make(fm), post())
    assert error.kind == "retry" and not error.uncertain
    assert error.retry_at is not None and 590 < error.retry_at.timestamp() - time.time() < 610
    assert fm.statuses_of() == []


def test_a_revoked_token_stops_the_account_and_says_how_to_get_a_new_one(fm):
    publisher = MastodonPublisher(MastodonAccess("revoked-token", fm.base_url), fm.handle())
    error = failure(publisher, post())
    assert error.kind == "stop"
    assert "401" in str(error) and "MASTODON_ACCESS_TOKEN" in str(error) and "Development" in str(error)
    assert "revoked-token" not in str(error)


def test_a_token_without_the_write_scope_stops_the_account(fm):
    fm.add_account("readonly", "109000000000000009", scopes=("read:accounts", "read:statuses"))
    error = failure(make(fm, "readonly", handle="@readonly@social.example"), post())
    assert error.kind == "stop" and "write:statuses" in str(error)


def test_a_validation_error_makes_the_post_dead_with_the_instances_message(fm):
    fm.inject(STATUSES, status=422, error="Validation failed: Text contains a forbidden word")
    error = failure(make(fm), post())
    assert error.kind == "permanent" and "Validation failed: Text contains a forbidden word" in str(error)


@pytest.mark.parametrize("route,uncertain", [(STATUSES, True), ("POST /api/v2/media", False)])
def test_a_server_error_is_retried_and_uncertain_only_for_the_post(fm, card, route, uncertain):
    fm.inject(route, status=503)
    error = failure(make(fm), post(card=card, alt="a card"))
    assert error.kind == "retry" and error.uncertain is uncertain


def test_no_answer_in_time_is_uncertain(fm):
    fm.inject(STATUSES, delay=3.0)
    error = failure(make(fm, timeout=0.5), post())
    assert error.kind == "retry" and error.uncertain


def test_an_instance_that_is_down_is_retried_and_nothing_is_uncertain():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    publisher = MastodonPublisher(MastodonAccess("token", f"http://127.0.0.1:{port}"), "@juno@social.example")
    error = failure(publisher, post())
    assert error.kind == "retry" and not error.uncertain and "could not be reached" in str(error)


def test_credentials_for_another_account_post_nothing(fm):
    error = failure(make(fm, "someoneelse", handle="@junocounseling@social.example"), post())
    assert error.kind == "stop"
    assert "@someoneelse@social.example" in str(error) and "@junocounseling@social.example" in str(error)
    assert fm.count(STATUSES) == 0


# --- the instance's limits --------------------------------------------------------------------

def test_the_instances_own_limit_is_read_remembered_and_applied(fm, tmp_path):
    fm.max_characters = 1000
    long_text = "word " * 150  # 750 characters: over Mastodon's default 500, within this instance's 1000
    assert read_limits(tmp_path).max_characters == 500

    make(fm, state_dir=tmp_path).publish(post(text=long_text))

    assert len(fm.statuses_of()) == 1
    limits = read_limits(tmp_path)
    assert (limits.max_characters, limits.domain, limits.api_base) == (1000, "social.example", fm.base_url)
    assert "token" not in (tmp_path / "mastodon-instance.json").read_text()

    error = failure(make(fm), post(text="word " * 210, post_id="c/too-long"))
    assert error.kind == "permanent" and "1000" in str(error)
    assert fm.count(STATUSES) == 1


def test_alt_text_over_1500_characters_is_refused_before_anything_is_uploaded(fm, card):
    error = failure(make(fm), post(card=card, alt="x" * 1501))
    assert error.kind == "permanent" and "1500" in str(error)
    assert fm.count("POST /api/v2/media") == 0


def test_every_url_counts_23_and_characters_are_graphemes():
    assert mastodon_length("see https://example.com/" + "a" * 100) == len("see ") + 23
    assert mastodon_length("👩‍👩‍👧 family") == 8


# --- unpublish --------------------------------------------------------------------------------

def test_unpublish_deletes_the_status_and_says_when_it_was_already_gone(fm):
    publisher = make(fm)
    published = publisher.publish(post())
    assert publisher.unpublish(published.remote_id) is True
    assert fm.statuses_of() == [] and fm.deleted[0]["id"] == published.remote_id
    assert publisher.unpublish(published.remote_id) is False


# --- configuration ----------------------------------------------------------------------------

@pytest.mark.parametrize("handle", ["@junocounseling@mastodon.social", "@juno_c@social.example"])
def test_handles_in_mastodons_form(handle):
    assert parse_handle(handle) and handle_problem(handle) is None


@pytest.mark.parametrize("handle,hint", [("junocounseling", "@junocounseling@mastodon.social"),
                                         ("@junocounseling", "@junocounseling@mastodon.social"),
                                         ("junocounseling.bsky.social", "@user@instance"),
                                         ("@juno@localhost", "@user@instance")])
def test_a_handle_in_the_wrong_form_says_how_to_write_it(handle, hint):
    assert hint in handle_problem(handle)


@pytest.mark.parametrize("base", ["mastodon.social", "https://", "ftp://mastodon.social", "https://a b"])
def test_an_api_base_that_is_not_an_address_is_refused(base):
    with pytest.raises(ConfigError, match="MASTODON_API_BASE") as caught:
        parse_access({"MASTODON_ACCESS_TOKEN": "secret-token-1234", "MASTODON_API_BASE": base})
    assert "secret-token-1234" not in str(caught.value)


def test_a_token_without_an_instance_is_refused_and_the_token_is_never_shown():
    with pytest.raises(ConfigError, match="MASTODON_API_BASE is not set"):
        parse_access({"MASTODON_ACCESS_TOKEN": "secret-token-1234"})
    access = parse_access({"MASTODON_ACCESS_TOKEN": "secret-token-1234", "MASTODON_API_BASE": "https://m.example/"})
    assert access.api_base == "https://m.example" and "secret-token-1234" not in repr(access)
    assert parse_access({}) is None
    json.dumps(str(access))
