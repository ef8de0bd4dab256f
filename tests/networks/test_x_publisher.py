"""The X publisher against the fake X server (a real HTTP server on 127.0.0.1): no network."""

from __future__ import annotations

import logging
import socket
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from fakex import FakeX

from scheduler.errors import PublishError
from scheduler.networks.base import Outgoing
from scheduler.networks.x import Credentials
from scheduler.networks.x.publisher import MemoryHandleCache, XPublisher, comparable

HANDLE = "junocounseling"
TEXT = "Resistance isn’t indifference. Many people avoid counseling because they don’t want to make things worse."


@pytest.fixture
def fx():
    with FakeX() as server:
        yield server


def make(fx: FakeX, username: str = HANDLE, **options) -> XPublisher:
    options.setdefault("backoff", 0)
    options.setdefault("timeout", (2.0, 5.0))
    return XPublisher(fx.credentials(username), HANDLE, api_base=fx.base_url, **options)


def post(text: str = TEXT, card: Path | None = None, alt: str = "", **kw) -> Outgoing:
    return Outgoing(post_id="resistance-isnt-indifference", text=text, card=card, alt_text=alt, **kw)


def failure(publisher: XPublisher, outgoing: Outgoing) -> PublishError:
    with pytest.raises(PublishError) as caught:
        publisher.publish(outgoing)
    return caught.value


# --- the happy path ---------------------------------------------------------------------------

def test_a_post_goes_out_with_its_card_and_alt_text(fx, card):
    alt = "Quote card from @junocounseling. It reads: “Resistance isn’t indifference.”"
    published = make(fx).publish(post(card=card, alt=alt))

    [made] = fx.posts
    assert made["text"] == TEXT and made["handle"] == HANDLE
    [media] = made["media"]
    assert media["alt_text"] == alt
    assert media["bytes"] == card.stat().st_size
    assert published.remote_id == made["id"]
    assert published.url == f"https://x.com/junocounseling/status/{made['id']}"
    assert published.cost_usd == pytest.approx(0.015 + 0.005)
    routes = [r["route"] for r in fx.requests]
    assert routes == ["GET /2/users/me", "POST /2/media/upload", "POST /2/media/metadata", "POST /2/tweets"]


def test_a_post_with_a_link_costs_the_link_price(fx):
    published = make(fx).publish(post(text=f"{TEXT}\n\nhttps://junocounseling.com/blog?utm_source=x"))
    assert published.cost_usd == pytest.approx(0.200)


def test_a_post_without_a_card_makes_no_media_calls(fx):
    make(fx).publish(post())
    assert fx.count("POST /2/media/upload") == 0 and len(fx.posts) == 1


# --- whose credentials ------------------------------------------------------------------------

def test_the_handle_is_checked_once_per_set_of_credentials(fx):
    cache = MemoryHandleCache()
    first = make(fx, handle_cache=cache)
    first.publish(post(text="one"))
    first.publish(post(text="two"))
    make(fx, handle_cache=cache).publish(post(text="three"))  # a later run, same credentials
    assert fx.count("GET /2/users/me") == 1
    assert len(fx.posts) == 3


def test_credentials_of_another_handle_post_nothing(fx, card):
    error = failure(make(fx, username="someoneelse"), post(card=card, alt="alt"))
    assert error.kind == "stop"
    assert "@someoneelse" in str(error) and "@junocounseling" in str(error)
    assert fx.posts == [] and fx.count("POST /2/media/upload") == 0


def test_a_remembered_other_handle_is_asked_again(fx):
    cache = MemoryHandleCache()
    publisher = make(fx, handle_cache=cache)
    cache.put(publisher.credentials.fingerprint, "someoneelse")  # e.g. the handle was renamed since
    publisher.publish(post())
    assert fx.count("GET /2/users/me") == 1 and cache.get(publisher.credentials.fingerprint) == HANDLE


def test_missing_credentials_name_the_four_variables(tmp_path):
    from types import SimpleNamespace

    from scheduler import networks
    from scheduler.networks.base import MemoryHandleCache

    settings = SimpleNamespace(access={})
    account = SimpleNamespace(handle=HANDLE, publisher="x", network="x")
    with pytest.raises(PublishError) as caught:  # configuration: the post waits untried, saying what to set
        networks.get("x").publisher(settings, account, MemoryHandleCache())
    assert caught.value.kind == "config"
    for name in ("X_API_KEY", "X_API_SECRET", "X_ACCESS_TOKEN", "X_ACCESS_TOKEN_SECRET"):
        assert name in str(caught.value)


def test_a_wrong_secret_is_refused_by_the_signature_check(fx):
    good = fx.credentials()
    wrong = Credentials(good.api_key, "not-the-secret", good.access_token, good.access_token_secret)
    publisher = XPublisher(wrong, HANDLE, api_base=fx.base_url, backoff=0)
    error = failure(publisher, post())
    assert error.kind == "stop" and "X_API_SECRET" in str(error)


# --- the error table --------------------------------------------------------------------------

@pytest.mark.parametrize("problem, kind, words", [
    ("duplicate", "permanent", "duplicate"),
    ("unauthorized", "stop", "X_ACCESS_TOKEN_SECRET"),
    ("oauth1-permissions", "stop", "Read and write"),
    ("client-not-enrolled", "stop", "Project"),
    ("user-suspended", "stop", "suspended"),
    ("credits-depleted", "stop", "credits"),
    ("bad-request", "permanent", "cannot go out"),
])
def test_each_refusal_of_a_post_says_what_happens_next(fx, problem, kind, words):
    fx.inject("POST /2/tweets", problem=problem)
    error = failure(make(fx), post())
    assert error.kind == kind
    assert words in str(error)
    assert error.uncertain is False
    assert fx.posts == []


@pytest.mark.parametrize("status", [500, 502, 503, 504])
def test_a_server_error_on_the_post_is_retried_later_and_uncertain(fx, status):
    fx.inject("POST /2/tweets", status=status)
    error = failure(make(fx), post())
    assert (error.kind, error.uncertain) == ("retry", True)
    assert fx.count("POST /2/tweets") == 1  # a post is never repeated blindly


def test_a_server_error_on_the_upload_is_repeated_at_once(fx, card):
    fx.inject("POST /2/media/upload", status=503)
    make(fx).publish(post(card=card, alt="alt"))
    assert fx.count("POST /2/media/upload") == 2
    assert len(fx.posts) == 1 and fx.posts[0]["media"][0]["alt_text"] == "alt"


def test_an_upload_that_keeps_failing_is_a_certain_retry(fx, card):
    fx.inject("POST /2/media/upload", status=502, times=None)
    error = failure(make(fx), post(card=card, alt="alt"))
    assert (error.kind, error.uncertain) == ("retry", False)
    assert fx.posts == []


def test_the_rate_limit_defers_until_its_reset(fx):
    reset = int(time.time()) + 600
    fx.inject("POST /2/tweets", problem="rate-limited", headers={"x-rate-limit-reset": str(reset),
                                                                 "x-rate-limit-remaining": "0"})
    error = failure(make(fx), post())
    assert error.kind == "retry" and not error.uncertain
    assert error.retry_at == datetime.fromtimestamp(reset, UTC)


def test_a_rate_limit_header_sent_twice_is_still_a_retry_at_the_later_reset(fx):
    early, late = int(time.time()) + 300, int(time.time()) + 900
    fx.inject("POST /2/tweets", problem="rate-limited", headers={"x-rate-limit-reset": f"{late}, {early}",
                                                                 "x-rate-limit-remaining": "0, 0"})
    error = failure(make(fx), post())  # tweepy's int() read the joined value as a ValueError before
    assert error.kind == "retry"
    assert error.retry_at == datetime.fromtimestamp(late, UTC)


def test_the_24_hour_limit_defers_until_the_daily_reset(fx):
    tomorrow = int(time.time()) + 20 * 3600
    fx.limit_daily(1, reset_at=tomorrow)
    publisher = make(fx)
    publisher.publish(post(text="the one post allowed today"))
    error = failure(publisher, post(text="one too many"))
    assert error.kind == "retry"
    assert error.retry_at == datetime.fromtimestamp(tomorrow, UTC)  # not the 15-minute reset
    assert "24-hour" in str(error)
    assert [p["text"] for p in fx.posts] == ["the one post allowed today"]


def test_a_401_while_checking_the_handle_stops_the_account(fx):
    fx.inject("GET /2/users/me", problem="unauthorized")
    error = failure(make(fx), post())
    assert error.kind == "stop" and fx.posts == []


# --- lost answers and uncertain attempts ------------------------------------------------------

def test_a_dropped_answer_to_a_post_is_uncertain_and_the_retry_finds_it(fx, card):
    fx.inject("POST /2/tweets", drop="after")
    publisher = make(fx)
    error = failure(publisher, post(card=card, alt="alt"))
    assert (error.kind, error.uncertain) == ("retry", True)
    assert len(fx.posts) == 1  # it did go out

    again = publisher.publish(post(card=card, alt="alt", uncertain=True))
    assert again.remote_id == fx.posts[0]["id"]
    assert len(fx.posts) == 1 and fx.count("POST /2/tweets") == 1


def test_a_slow_answer_to_a_post_is_uncertain(fx):
    fx.inject("POST /2/tweets", delay=3.0)
    error = failure(make(fx, timeout=(2.0, 0.5)), post())
    assert (error.kind, error.uncertain) == ("retry", True)
    assert make(fx).publish(post(uncertain=True)).remote_id == fx.posts[0]["id"]
    assert len(fx.posts) == 1


def test_a_connection_dropped_before_the_post_is_made_posts_once_on_retry(fx):
    fx.inject("POST /2/tweets", drop="before")
    publisher = make(fx)
    assert failure(publisher, post()).uncertain
    assert fx.posts == []
    publisher.publish(post(uncertain=True))
    assert len(fx.posts) == 1


def test_a_duplicate_after_an_uncertain_attempt_counts_as_posted(fx):
    publisher = make(fx)
    first = publisher.publish(post())
    # the first look finds nothing (as if X had not indexed it yet); X then calls the post a duplicate
    fx.inject("GET /2/users/:id/tweets", status=200, body={"meta": {"result_count": 0}})
    again = publisher.publish(post(uncertain=True))
    assert again.remote_id == first.remote_id
    assert len(fx.posts) == 1


def test_an_error_while_resolving_an_uncertain_attempt_keeps_it_uncertain(fx):
    fx.inject("GET /2/users/:id/tweets", status=503, times=None)
    error = failure(make(fx), post(uncertain=True))
    assert (error.kind, error.uncertain) == ("retry", True)
    assert fx.posts == []


def test_an_unreachable_server_is_a_certain_retry():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    creds = Credentials("k" * 10, "s" * 10, "t" * 10, "u" * 10)
    publisher = XPublisher(creds, HANDLE, api_base=f"http://127.0.0.1:{port}", backoff=0)
    cache_key = creds.fingerprint
    publisher.handle_cache.put(cache_key, HANDLE)
    error = failure(publisher, post())
    assert (error.kind, error.uncertain) == ("retry", False)
    assert f"X at 127.0.0.1:{port} could not be reached" in str(error) and "(connection refused)" in str(error)


def test_a_host_dns_does_not_know_is_named_as_such():
    creds = Credentials("k" * 10, "s" * 10, "t" * 10, "u" * 10)
    publisher = XPublisher(creds, HANDLE, api_base="http://nohost.invalid", backoff=0)
    publisher.handle_cache.put(creds.fingerprint, HANDLE)
    error = failure(publisher, post())
    assert "X at nohost.invalid could not be reached" in str(error), error
    assert "(DNS found no such host)" in str(error) and "refused" not in str(error), error


def test_find_existing_sees_through_tco_links_and_escaping(fx, card):
    text = "Tips & tools <for couples>: https://junocounseling.com/blog?utm_source=x&utm_medium=social #Couples"
    publisher = make(fx)
    made = publisher.publish(post(text=text, card=card, alt="alt"))
    assert publisher.find_existing(post(text=text)).remote_id == made.remote_id
    assert publisher.find_existing(post(text="Tips & tools <for couples>: something else")) is None


def test_comparable_ignores_links_and_spacing():
    shown = "Hello &amp; welcome https://t.co/abc123 https://t.co/media1"
    entities = {"urls": [{"url": "https://t.co/abc123", "expanded_url": "https://junocounseling.com/a"},
                         {"url": "https://t.co/media1", "media_key": "3_1"}]}
    assert comparable(shown, entities) == comparable("Hello & welcome  https://junocounseling.com/a")


# --- cards that cannot go up ------------------------------------------------------------------

def test_a_missing_card_is_permanent_and_posts_nothing(fx, tmp_path):
    error = failure(make(fx), post(card=tmp_path / "gone.png", alt="alt"))
    assert error.kind == "permanent" and "juno-scheduler cards" in str(error)
    assert fx.posts == []


def test_a_card_that_is_not_an_image_is_permanent(fx, tmp_path):
    bogus = tmp_path / "card.png"
    bogus.write_text("not an image")
    error = failure(make(fx), post(card=bogus, alt="alt"))
    assert error.kind == "permanent" and fx.count("POST /2/media/upload") == 0


# --- secrets ----------------------------------------------------------------------------------

def test_no_secret_reaches_a_log_at_debug(fx, card, caplog, capfd):
    creds = fx.credentials()
    caplog.set_level(logging.DEBUG)
    publisher = make(fx)
    publisher.publish(post(card=card, alt="alt"))
    fx.inject("POST /2/tweets", problem="unauthorized")
    with pytest.raises(PublishError) as caught:
        publisher.publish(post(text="another"))
    out, err = capfd.readouterr()
    seen = caplog.text + out + err + str(caught.value) + repr(publisher.credentials)
    assert "Authorization" in caplog.text  # the header was logged, masked
    for secret in (creds.api_key, creds.api_secret, creds.access_token, creds.access_token_secret):
        assert secret not in seen


# --- the fake as its own process (for the chaos and bench helpers) ----------------------------

def test_the_fake_runs_as_a_process_and_is_driven_over_http(tmp_path, card):
    import json
    import subprocess
    import sys

    from conftest import REPO
    from fakex import FakeXControl

    log = tmp_path / "posts.jsonl"
    process = subprocess.Popen([sys.executable, "-m", "tests.fakex", "--port", "0", "--log", str(log)],
                               cwd=REPO, stdout=subprocess.PIPE, text=True)
    try:
        started = json.loads(process.stdout.readline())
        env, control = started["env"], FakeXControl(started["base_url"])
        creds = Credentials(env["X_API_KEY"], env["X_API_SECRET"], env["X_ACCESS_TOKEN"], env["X_ACCESS_TOKEN_SECRET"])
        publisher = XPublisher(creds, HANDLE, api_base=env["JUNO_X_API_BASE"], backoff=0)
        publisher.publish(post(card=card, alt="the alt text"))
        control.inject("POST /2/tweets", status=502)
        assert failure(publisher, post(text="second")).uncertain
    finally:
        process.terminate()
        assert process.wait(timeout=10) == 0
    [logged] = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    assert logged["text"] == TEXT and logged["media"][0]["alt_text"] == "the alt text"


# --- the fake checks what X checks (so the tests above can fail) ------------------------------

def signed_upload(fx: FakeX, files: dict, data: dict):
    import requests
    import tweepy

    c = fx.credentials()
    auth = tweepy.OAuth1UserHandler(c.api_key, c.api_secret, c.access_token, c.access_token_secret).apply_auth()
    return requests.post(f"{fx.base_url}/2/media/upload", auth=auth, files=files, data=data, timeout=10)


def test_the_fake_wants_the_field_media_and_the_tweet_image_category(fx, card):
    png = card.read_bytes()
    assert signed_upload(fx, {"media": ("c.png", png)}, {"media_category": "tweet_image"}).status_code == 200
    assert signed_upload(fx, {"file": ("c.png", png)}, {"media_category": "tweet_image"}).status_code == 400
    assert signed_upload(fx, {"media": ("c.png", png)}, {}).status_code == 400
    assert signed_upload(fx, {"media": ("c.png", png)},
                         {"media_category": "tweet_image", "media_type": "image/png"}).status_code == 400


def test_the_fake_wants_an_oauth1_signature(fx, card):
    import requests

    unsigned = requests.post(f"{fx.base_url}/2/media/upload", files={"media": ("c.png", card.read_bytes())},
                             data={"media_category": "tweet_image"}, timeout=10)
    bearer = requests.get(f"{fx.base_url}/2/users/me", headers={"Authorization": "Bearer abc"}, timeout=10)
    assert unsigned.status_code == bearer.status_code == 401


def test_find_existing_looks_past_the_latest_hundred_posts(fx):
    # A burst of due posts can push an uncertain one below the first page of the timeline.
    publisher = make(fx)
    early = publisher.publish(post(text="The uncertain one, posted before the burst."))
    fx.fill_timeline(130)
    found = publisher.find_existing(post(text="The uncertain one, posted before the burst."))
    assert found is not None and found.remote_id == early.remote_id


def test_unpublish_deletes_the_post_and_says_when_it_was_already_gone(fx):
    publisher = make(fx)
    published = publisher.publish(post())
    assert publisher.unpublish(published.remote_id) is True
    assert fx.posts == [] and fx.deleted[0]["id"] == published.remote_id
    assert publisher.unpublish(published.remote_id) is False
