"""The publisher reads answers X really gave: tweepy's recorded cassettes, replayed byte for byte.

tests/data/x-recordings/ holds three vcrpy cassettes recorded against the real API by tweepy's test
suite (github.com/tweepy/tweepy, commit c05ba988, MIT; LICENSE-tweepy beside them). Their bodies are
gzip, as X sent them; a small HTTP server on 127.0.0.1 replays them with their recorded headers.
"""

from __future__ import annotations

import gzip
import json
import threading
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import requests
import yaml

from scheduler.errors import PublishError
from scheduler.networks.base import Outgoing
from scheduler.networks.x import Credentials
from scheduler.networks.x.errors import limit_reset
from scheduler.networks.x.publisher import XPublisher, parse_user, read_id

DATA = Path(__file__).parents[1] / "data" / "x-recordings"
_HOP_BY_HOP = {"content-length", "transfer-encoding", "connection"}


def interactions(name: str) -> list[dict]:
    return yaml.safe_load((DATA / name).read_text(encoding="utf-8"))["interactions"]


def recorded_response(interaction: dict) -> requests.Response:
    """A requests.Response holding exactly what X answered (body unzipped, as requests would)."""
    answer = interaction["response"]
    response = requests.Response()
    response.status_code = answer["status"]["code"]
    response.reason = answer["status"]["message"]
    response.headers.update({k: ", ".join(v) for k, v in answer["headers"].items()})
    body = answer["body"]["string"]
    body = body.encode() if isinstance(body, str) else body
    response._content = gzip.decompress(body) if body[:2] == b"\x1f\x8b" else body
    response.url = interaction["request"]["uri"]
    return response


@pytest.fixture
def replay():
    """Serve the recorded answers to GET /2/users/me and POST /2/tweets, headers and gzip included."""
    routes = {}
    for name in ("test_client_get_me.yaml", "test_client_create_and_delete_tweet.yaml"):
        for interaction in interactions(name):
            request = interaction["request"]
            routes[(request["method"], urlsplit(request["uri"]).path)] = interaction["response"]
    seen = []

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def _answer(self):
            length = int(self.headers.get("Content-Length") or 0)
            seen.append((self.command, self.path, self.rfile.read(length) if length else b""))
            answer = routes[(self.command, urlsplit(self.path).path)]
            body = answer["body"]["string"]
            self.send_response(answer["status"]["code"], answer["status"]["message"])
            for name, values in answer["headers"].items():
                if name.lower() not in _HOP_BY_HOP:
                    for value in values:
                        self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_POST = do_DELETE = _answer

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", seen
    server.shutdown()
    server.server_close()


def test_the_publisher_posts_through_recorded_answers(replay):
    base, seen = replay
    creds = Credentials("recorded-key", "recorded-secret", "recorded-token", "recorded-token-secret")
    publisher = XPublisher(creds, "TweepyDev", api_base=base, backoff=0)  # the recorded account
    published = publisher.publish(Outgoing(post_id="t", text="Test Tweet", card=None, alt_text=""))
    assert published.remote_id == "1456012973835788293"
    assert published.url == "https://x.com/TweepyDev/status/1456012973835788293"
    assert [(m, p) for m, p, _ in seen] == [("GET", "/2/users/me"), ("POST", "/2/tweets")]
    assert json.loads(seen[1][2]) == {"text": "Test Tweet"}


def test_the_recorded_account_is_not_ours(replay):
    base, _ = replay
    creds = Credentials("recorded-key", "recorded-secret", "recorded-token", "recorded-token-secret")
    with pytest.raises(PublishError) as caught:
        XPublisher(creds, "junocounseling", api_base=base, backoff=0).publish(
            Outgoing(post_id="t", text="Test Tweet", card=None, alt_text=""))
    assert caught.value.kind == "stop" and "@TweepyDev, not @junocounseling" in str(caught.value)


def test_get_me_answer_parses():
    user = parse_user(recorded_response(interactions("test_client_get_me.yaml")[0]))
    assert (user.id, user.username, user.name) == ("1072250532645998596", "TweepyDev", "Tweepy Testing")


def test_create_answer_without_edit_history_parses():
    created = recorded_response(interactions("test_client_create_and_delete_tweet.yaml")[0])
    assert created.status_code == 201 and "edit_history_tweet_ids" not in created.json()["data"]
    assert read_id(created, "POST /2/tweets") == "1456012973835788293"


def test_recorded_rate_headers_give_the_15_minute_reset():
    created = recorded_response(interactions("test_client_create_and_delete_tweet.yaml")[0])
    reset, which = limit_reset(created.headers)
    assert reset == datetime.fromtimestamp(1635976418, UTC)
    assert which == "the 15-minute rate limit"  # the 2021 recording has no 24-hour headers


def test_24_hour_headers_win_over_the_recorded_window_when_used_up():
    headers = dict(recorded_response(interactions("test_client_create_and_delete_tweet.yaml")[0]).headers)
    headers.update({"x-user-limit-24hour-limit": "17", "x-user-limit-24hour-remaining": "0",
                    "x-user-limit-24hour-reset": "1636041600"})
    reset, which = limit_reset(requests.structures.CaseInsensitiveDict(headers))
    assert reset == datetime.fromtimestamp(1636041600, UTC) and "24-hour" in which


def test_the_v1_1_upload_shape_is_not_taken_for_a_v2_answer():
    upload = recorded_response(interactions("testmediauploadpng.yaml")[0])
    assert upload.json()["media_id_string"] == "1349010955083132928"
    with pytest.raises(PublishError) as caught:
        read_id(upload, "POST /2/media/upload")
    assert "data.id" in str(caught.value) and caught.value.kind == "retry"
