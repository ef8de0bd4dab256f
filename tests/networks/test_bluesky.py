"""Bluesky against the reference PDS (tests/pds/): posts, cards and alt text read back from the server."""

from __future__ import annotations

import io
import logging
import os
import re
import socket
from dataclasses import replace
from datetime import UTC, datetime

import pytest
from PIL import Image

from scheduler import networks
from scheduler.errors import ConfigError, PublishError
from scheduler.networks.base import Outgoing
from scheduler.networks.bluesky.access import (
    BlueskyAccess,
    handle_problem,
    parse_access,
)
from scheduler.networks.bluesky.publisher import POST, BlueskyPublisher
from scheduler.networks.bluesky.text import bluesky_length, tid_for

pytestmark = pytest.mark.slow  # a real PDS (Node) process

TID = re.compile(r"^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$")
LINK = "https://junocounseling.com/blog/what-to-do-when-one-partner-wants-counseling?utm_source=bluesky"
TEXT = f"Résistance isn’t indifference 💬 — read on: {LINK} #CouplesCounseling"


@pytest.fixture
def card(tmp_path):
    path = tmp_path / "card.png"
    Image.new("RGB", (1200, 675), (32, 96, 96)).save(path)
    return path


@pytest.fixture
def account(pds):
    return pds.create_account()


def publisher_for(pds, account, **options) -> BlueskyPublisher:
    return BlueskyPublisher(BlueskyAccess(account.app_password, pds.url), account.handle, **options)


def outgoing(post_id="article/tip-1@bluesky", text=TEXT, card=None, alt="Resistance isn’t indifference.",
             **extra) -> Outgoing:
    return Outgoing(post_id=post_id, text=text, card=card, alt_text=alt, **extra)


def rkey_of(uri: str) -> str:
    return uri.rsplit("/", 1)[-1]


def test_post_with_card_alt_text_links_and_tags_reads_back_from_the_server(pds, account, card):
    from datetime import datetime

    publisher = publisher_for(pds, account, clock=lambda: datetime(2026, 12, 1, 14, 0, 0, 250000, tzinfo=UTC))
    published = publisher.publish(outgoing(card=card))

    rkey = rkey_of(published.remote_id)
    assert TID.match(rkey) and rkey == tid_for("article/tip-1@bluesky")
    assert published.url == f"https://bsky.app/profile/{account.handle}/post/{rkey}"
    value = pds.get_record(account.did, POST, rkey)["value"]
    text = value["text"]
    assert LINK not in text and "junocounseling.com/blog/wha…" in text
    raw = text.encode("utf-8")
    by_kind = {f["features"][0]["$type"]: f for f in value["facets"]}
    link = by_kind["app.bsky.richtext.facet#link"]
    tag = by_kind["app.bsky.richtext.facet#tag"]
    assert link["features"][0]["uri"] == LINK
    assert raw[link["index"]["byteStart"]:link["index"]["byteEnd"]].decode() == "junocounseling.com/blog/wha…"
    assert raw[tag["index"]["byteStart"]:tag["index"]["byteEnd"]].decode() == "#CouplesCounseling"
    assert tag["features"][0]["tag"] == "CouplesCounseling"
    assert value["langs"] == ["en"] and value["createdAt"] == "2026-12-01T14:00:00.250Z"
    image = value["embed"]["images"][0]
    assert value["embed"]["$type"] == "app.bsky.embed.images"
    assert image["alt"] == "Resistance isn’t indifference."
    assert (image["aspectRatio"]["width"], image["aspectRatio"]["height"]) == (1200, 675)
    assert pds.get_blob(account.did, image["image"]["ref"]["$link"]) == card.read_bytes()
    publisher.close()


def test_a_repeat_is_refused_by_the_server_and_recorded_as_the_same_post(pds, account):
    first = publisher_for(pds, account).publish(outgoing(post_id="article/tip-2@bluesky", card=None))
    # A second worker that does not know the first attempt went out posts the same post again.
    again = publisher_for(pds, account).publish(outgoing(post_id="article/tip-2@bluesky", card=None))
    assert again.remote_id == first.remote_id
    assert [r["uri"] for r in pds.list_records(account.did)].count(first.remote_id) == 1
    assert len(pds.list_records(account.did)) == 1


def test_after_an_uncertain_attempt_the_record_key_tells_whether_it_went_out(pds, account):
    went_out = datetime(2026, 12, 12, 14, 54, 3, 250000, tzinfo=UTC)
    publisher = publisher_for(pds, account, clock=lambda: went_out)
    post = outgoing(post_id="article/tip-3@bluesky", uncertain=True)
    assert publisher.find_existing(post) is None          # it did not go out
    published = publisher.publish(post)                    # so it is posted now
    found = publisher.find_existing(post)                  # and found by its key afterwards, made when it was
    assert found == replace(published, recovered=True, at=went_out)
    assert publisher.publish(post) == found                # an uncertain repeat posts nothing new
    assert len(pds.list_records(account.did)) == 1


def test_a_key_noted_by_an_earlier_attempt_is_the_one_used(pds, account):
    noted = "3jzfcijpj2z2a"  # e.g. from a version that derived keys differently
    post = outgoing(post_id="article/noted@bluesky", attempt_key=noted)
    publisher = publisher_for(pds, account)
    assert publisher.attempt_key(post) == noted and publisher.find_existing(post) is None
    assert rkey_of(publisher.publish(post).remote_id) == noted
    assert publisher.find_existing(post) is not None


def test_different_posts_get_different_keys_and_the_same_post_always_the_same():
    ids = [f"campaign/tip-{n}@bluesky" for n in range(500)] + ["campaign/tip-1@x", "campaign/tip-1~2@bluesky"]
    keys = [tid_for(i) for i in ids]
    assert all(TID.match(k) for k in keys) and len(set(keys)) == len(keys)
    assert tid_for("campaign/tip-1@bluesky") == keys[1]


def test_unpublish_deletes_the_post_once(pds, account):
    publisher = publisher_for(pds, account)
    published = publisher.publish(outgoing(post_id="article/tip-4@bluesky"))
    assert publisher.unpublish(published.remote_id) is True
    assert pds.get_record(account.did, POST, rkey_of(published.remote_id)) is None
    assert publisher.unpublish(published.remote_id) is False


def test_the_posts_language_is_the_tips(pds, account):
    published = publisher_for(pds, account).publish(outgoing(post_id="article/es@bluesky", language="es"))
    assert pds.get_record(account.did, POST, rkey_of(published.remote_id))["value"]["langs"] == ["es"]


def test_a_card_over_the_servers_limit_is_re_encoded_to_fit_not_refused(tmp_path, pds):  # pds: skips without the harness
    from tests import pdsserver

    noisy = tmp_path / "noisy.png"
    Image.frombytes("RGB", (1200, 1200), os.urandom(1200 * 1200 * 3)).save(noisy)
    assert noisy.stat().st_size > 2_000_000
    older = pdsserver.start(blob_upload_limit=1_000_000)  # an older server: 1 MB
    try:
        account = older.create_account()
        published = publisher_for(older, account).publish(outgoing(card=noisy))
        image = older.get_record(account.did, POST, rkey_of(published.remote_id))["value"]["embed"]["images"][0]
        assert image["image"]["mimeType"] == "image/jpeg" and image["image"]["size"] <= 1_000_000
        blob = older.get_blob(account.did, image["image"]["ref"]["$link"])
        width, height = Image.open(io.BytesIO(blob)).size
        assert (image["aspectRatio"]["width"], image["aspectRatio"]["height"]) == (width, height) == (width, width)
    finally:
        older.stop()


def test_text_over_300_graphemes_is_refused_before_anything_is_sent(pds, account):
    fits = "é" * 240 + " " + LINK  # the long link counts as the 28 characters shown
    assert bluesky_length(fits) == 269
    too_long = "👩‍👩‍👧" * 301  # 301 graphemes, far more code points
    publisher = publisher_for(pds, account)
    with pytest.raises(PublishError) as refused:
        publisher.publish(outgoing(post_id="article/long@bluesky", text=too_long))
    assert refused.value.kind == "permanent" and "301 characters" in str(refused.value)
    publisher.publish(outgoing(post_id="article/fits@bluesky", text=fits))
    assert len(pds.list_records(account.did)) == 1


@pytest.mark.parametrize("handle, says", [
    ("@junocounseling.bsky.social", "without the @"),
    ("junocounseling", "write the full domain handle, e.g. junocounseling.bsky.social"),
    ("@junocounseling@mastodon.social", "Mastodon address"),
    ("juno@example.com", "Mastodon address"),
    ("juno_counseling.bsky.social", "is not a Bluesky handle"),
    ("juno.123", "is not a Bluesky handle"),
])
def test_a_handle_in_the_wrong_form_is_refused_with_how_to_write_it(handle, says):
    assert says in handle_problem(handle)
    with pytest.raises(ConfigError, match=re.escape(says)):
        BlueskyPublisher(BlueskyAccess("abcd-efgh-ijkl-mnop"), handle)
    assert handle_problem("junocounseling.bsky.social") is None and handle_problem("Juno-2.test") is None


def test_a_pds_that_is_down_defers_the_post_and_posts_nothing(account):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # nothing listens here once closed
    publisher = BlueskyPublisher(BlueskyAccess(account.app_password, f"http://127.0.0.1:{port}"), account.handle)
    with pytest.raises(PublishError) as down:
        publisher.publish(outgoing())
    assert down.value.kind == "retry" and not down.value.uncertain
    assert f"http://127.0.0.1:{port} could not be reached" in str(down.value)


def test_another_accounts_app_password_stops_the_account_and_says_what_to_fix(pds, account):
    other = pds.create_account()
    publisher = BlueskyPublisher(BlueskyAccess(other.app_password, pds.url), account.handle)
    with pytest.raises(PublishError) as refused:
        publisher.publish(outgoing())
    message = str(refused.value)
    assert refused.value.kind == "stop"
    assert f"refused the app password for {account.handle}" in message and "BLUESKY_APP_PASSWORD" in message
    assert other.app_password not in message
    assert pds.list_records(account.did) == [] and pds.list_records(other.did) == []
    assert publisher_for(pds, account).check().startswith(f"the app password logs in to {account.handle}")


def test_one_session_serves_many_posts_and_a_rate_limit_defers_until_the_reset(pds):  # pds: skips without the harness
    from tests import pdsserver

    limited = pdsserver.start(rate_limits=True)  # bsky.social's limits: createSession 30 per 5 minutes
    try:
        account = limited.create_account()
        publisher = publisher_for(limited, account)
        for n in range(3):
            publisher.publish(outgoing(post_id=f"article/tip-{n}@bluesky"))
        probe = limited.session_limit(account)
        assert probe["remaining"] == 28  # one login for the publisher's three posts, one for this probe
        for _ in range(28):
            limited.session_limit(account)
        with pytest.raises(PublishError) as limit:
            publisher_for(limited, account).publish(outgoing(post_id="article/tip-9@bluesky"))
        assert limit.value.kind == "retry" and limit.value.retry_at is not None
        assert "rate limit" in str(limit.value)
        publisher.publish(outgoing(post_id="article/tip-5@bluesky"))  # the open session still posts
        assert len(limited.list_records(account.did)) == 4
    finally:
        limited.stop()


def test_secrets_stay_out_of_logs_and_reprs(pds, account, caplog):
    caplog.set_level(logging.DEBUG)
    publisher = publisher_for(pds, account)
    publisher.publish(outgoing(post_id="article/logged@bluesky"))
    session = publisher.session()._session
    logged = caplog.text
    assert "logged in as" in logged
    for secret in (account.app_password, session.access_jwt, session.refresh_jwt):
        assert secret not in logged
    assert account.app_password not in repr(publisher.access)


def test_pds_address_must_be_a_url():
    assert parse_access({}) is None
    assert parse_access({"BLUESKY_APP_PASSWORD": "abcd-efgh"}).pds_url == "https://bsky.social"
    assert parse_access({"BLUESKY_APP_PASSWORD": "x", "BLUESKY_PDS_URL": "https://pds.example/"}).pds_url \
        == "https://pds.example"
    for bad in ("bsky.social", "ftp://bsky.social", "https://", "https://bsky.social/xrpc"):
        with pytest.raises(ConfigError, match="BLUESKY_PDS_URL"):
            parse_access({"BLUESKY_APP_PASSWORD": "x", "BLUESKY_PDS_URL": bad})


def test_settings_read_bluesky_without_loading_its_client(tmp_path):
    import subprocess
    import sys

    from tests.conftest import REPO

    code = ("import sys; from scheduler.config import load_settings; "
            "s = load_settings(sys.argv[1], {'BLUESKY_APP_PASSWORD': 'abcd-efgh-ijkl'}); "
            "from scheduler.networks.bluesky.publisher import BlueskyPublisher; "
            "p = BlueskyPublisher(s.access['bluesky'], 'juno.bsky.social'); "
            "print(s.access['bluesky'].pds_url, 'atproto' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code, str(REPO)], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["https://bsky.social", "False"]


def test_check_says_whose_app_password_it_is_and_what_to_fix(pds, account):
    from types import SimpleNamespace

    from scheduler import networks
    from scheduler.check import CheckReport

    def checked(password, handle, pds_url=pds.url):
        report = CheckReport()
        settings = SimpleNamespace(access={"bluesky": BlueskyAccess(password, pds_url)} if password else {})
        networks.get("bluesky").check(report, settings, SimpleNamespace(handle=handle, publisher="bluesky"))
        return report

    good = checked(account.app_password, account.handle)
    assert good.exit_code == 0 and f"logs in to {account.handle} (did:plc:" in good.lines()[-1]
    assert account.app_password not in "\n".join(good.lines())
    other = pds.create_account()
    wrong = checked(other.app_password, account.handle)
    assert wrong.exit_code == 2 and "refused the app password" in wrong.lines()[-1]  # configuration, as unset
    assert checked(None, account.handle).exit_code == 2
    assert "without the @" in checked(account.app_password, "@" + account.handle).lines()[-1]


def test_a_session_the_server_no_longer_takes_is_replaced_by_one_new_login(pds, account):
    publisher = publisher_for(pds, account)
    publisher.publish(outgoing(post_id="article/before@bluesky"))
    session = publisher.session()._session
    session.access_jwt = session.access_jwt[:-4] + "AAAA"  # its signature no longer verifies: InvalidToken
    publisher.publish(outgoing(post_id="article/after@bluesky"))
    assert len(pds.list_records(account.did)) == 2
    assert publisher.session()._session.access_jwt != session.access_jwt


class LossyProxy:
    """A loopback HTTP proxy in front of the PDS that can lose createRecord's answer (after forwarding
    the call) or the call itself (before forwarding), as a dropped connection does."""

    def __init__(self, upstream: str):
        import threading
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

        import requests

        proxy = self
        self.upstream = upstream
        self.drop: str | None = None  # "after" | "before" for the next createRecord
        self.created = 0

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _forward(self, method):
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                creating = self.path.startswith("/xrpc/com.atproto.repo.createRecord")
                if creating and proxy.drop == "before":
                    proxy.drop = None
                    self.close_connection = True
                    return
                headers = {k: v for k, v in self.headers.items() if k.lower() not in ("host", "content-length")}
                answer = requests.request(method, proxy.upstream + self.path, data=body, headers=headers, timeout=30)
                if creating:
                    proxy.created += answer.ok
                    if proxy.drop == "after":
                        proxy.drop = None
                        self.close_connection = True  # the record is made; its answer never arrives
                        return
                content = answer.content.replace(proxy.upstream.encode(), proxy.url.encode())
                self.send_response(answer.status_code)
                for name, value in answer.headers.items():
                    if name.lower() not in ("content-length", "transfer-encoding", "connection", "content-encoding"):
                        self.send_header(name, value)
                self.send_header("Content-Length", str(len(content)))
                self.end_headers()
                self.wfile.write(content)

            def do_GET(self):
                self._forward("GET")

            def do_POST(self):
                self._forward("POST")

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://localhost:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def lossy(pds):
    proxy = LossyProxy(pds.url)
    yield proxy
    proxy.close()


def test_a_lost_answer_to_the_post_is_resolved_by_its_key_not_posted_again(pds, account, lossy):
    publisher = BlueskyPublisher(BlueskyAccess(account.app_password, lossy.url), account.handle)
    lossy.drop = "after"
    published = publisher.publish(outgoing(post_id="article/lost@bluesky"))  # it looks by key at once
    assert lossy.created == 1 and len(pds.list_records(account.did)) == 1
    assert rkey_of(published.remote_id) == tid_for("article/lost@bluesky")


def test_a_post_lost_before_it_reached_the_server_goes_out_once_on_the_next_attempt(pds, account, lossy):
    publisher = BlueskyPublisher(BlueskyAccess(account.app_password, lossy.url), account.handle)
    lossy.drop = "before"
    with pytest.raises(PublishError) as lost:
        publisher.publish(outgoing(post_id="article/never@bluesky"))
    assert lost.value.kind == "retry" and lost.value.uncertain and "may have gone out" in str(lost.value)
    assert pds.list_records(account.did) == []
    publisher.publish(outgoing(post_id="article/never@bluesky", uncertain=True))
    assert lossy.created == 1 and len(pds.list_records(account.did)) == 1


def test_a_record_the_server_rejects_is_dead_with_the_servers_message(pds, account):
    publisher = publisher_for(pds, account)
    with pytest.raises(PublishError) as rejected:
        publisher.publish(outgoing(post_id="article/bad-language@bluesky", language="not a language"))
    assert rejected.value.kind == "permanent" and not rejected.value.uncertain
    assert "400: InvalidRequest: Invalid app.bsky.feed.post record" in str(rejected.value)
    assert pds.list_records(account.did) == []


def test_queue_counts_bluesky_bytes_beside_its_graphemes():
    family = "\U0001F469\u200d\U0001F469\u200d\U0001F467"  # one grapheme, 18 bytes
    counted = networks.get("bluesky").length(family * 200)  # 200 graphemes, 3,600 bytes
    assert (counted.length, counted.limit, counted.fits) == (3600, 3000, False) and "bytes" in counted.how
    assert networks.get("bluesky").length(family * 160).fits  # 2,880 bytes, 160 graphemes
    assert not networks.get("bluesky").length("a" * 301).fits  # 301 graphemes, 301 bytes
