"""A fake X API v2: a real HTTP server on 127.0.0.1, in a thread or in its own process.

It speaks the v2 shapes of ../shared/x-api/README.md: GET /2/users/me, POST /2/media/upload,
POST /2/media/metadata, POST /2/tweets, GET /2/users/:id/tweets. It checks every request's
OAuth 1.0a signature (HMAC-SHA1, against the real X address or its own), the multipart field
names `media` and `media_category=tweet_image`, and answers duplicates with 403 and limits with 429
and the reset headers. On demand it answers with any status (5xx, the problems of the facts table),
answers slowly, or drops the connection before or after doing the work. It keeps every post with
its media and alt text (and appends them to a JSON-lines log file if given one).

In tests:
    with FakeX() as fx:                       # accounts junocounseling and someoneelse
        env = fx.env()                        # JUNO_X_API_BASE and the X_* variables for @junocounseling
        fx.inject("POST /2/tweets", status=503)
        fx.inject("POST /2/tweets", drop="after")   # the post is made, the answer is lost
        fx.limit_daily(1, reset_at=epoch)     # the 24-hour post limit
        fx.posts                              # [{"id", "handle", "text", "media": [{"id", "alt_text", ...}]}]
As a process (for the chaos and bench helpers):
    python -m tests.fakex --port 8999 --log posts.jsonl
and control it over HTTP with FakeXControl("http://127.0.0.1:8999") (same inject/limit_daily/posts).
"""

from __future__ import annotations

import argparse
import base64
import email.parser
import email.policy
import hashlib
import hmac
import html
import json
import re
import struct
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qsl

from oauthlib.oauth1.rfc5849 import signature as oauth_signature
from oauthlib.oauth1.rfc5849.utils import escape, parse_authorization_header, unescape

try:
    from fakeserver import FakeControl, FakeServer, serve_until_signalled
except ImportError:  # run as python -m tests.fakex
    from tests.fakeserver import FakeControl, FakeServer, serve_until_signalled

CONSUMER_KEY = "fakex-consumer-key-0001"
CONSUMER_SECRET = "fakex-consumer-secret-0001"
REAL_BASES = ("https://api.twitter.com", "https://api.x.com")
PROBLEM_BASE = "https://api.twitter.com/2/problems"

# The error answers of the facts table, by name: inject(route, problem=NAME).
PROBLEMS = {
    "duplicate": (403, {"title": "Forbidden", "type": "about:blank", "status": 403,
                        "detail": "You are not allowed to create a Tweet with duplicate content."}),
    "unauthorized": (401, {"title": "Unauthorized", "type": "about:blank", "status": 401,
                           "detail": "Unauthorized"}),
    "oauth1-permissions": (403, {"title": "Forbidden", "status": 403, "type": f"{PROBLEM_BASE}/oauth1-permissions",
                                 "detail": "Your client app is not configured with the appropriate oauth1 app "
                                           "permissions for this endpoint."}),
    "client-not-enrolled": (403, {"title": "Client Forbidden", "reason": "client-not-enrolled",
                                  "type": f"{PROBLEM_BASE}/client-forbidden",
                                  "required_enrollment": "Appropriate Level of API Access",
                                  "detail": "When authenticating requests to the Twitter API v2 endpoints, you "
                                            "must use keys and tokens from a Twitter developer App that is "
                                            "attached to a Project."}),
    "user-suspended": (403, {"title": "Forbidden", "status": 403, "type": f"{PROBLEM_BASE}/user-suspended",
                             "detail": "Your account is suspended and is not permitted to access this feature."}),
    "credits-depleted": (402, {"title": "CreditsDepleted", "status": 402, "type": f"{PROBLEM_BASE}/credits-depleted",
                               "detail": "Your enrolled account does not have any credits to fulfill this request."}),
    "rate-limited": (429, {"title": "Too Many Requests", "type": "about:blank", "status": 429,
                           "detail": "Too Many Requests"}),
    "bad-request": (400, {"errors": [{"message": "Invalid Request"}], "title": "Invalid Request",
                          "detail": "One or more parameters to your request was invalid.",
                          "type": f"{PROBLEM_BASE}/invalid-request"}),
}
ROUTES = ("GET /2/users/me", "POST /2/media/upload", "POST /2/media/metadata", "POST /2/tweets",
          "GET /2/users/:id/tweets", "DELETE /2/tweets/:id", "GET /2/tweets/:id")


@dataclass
class Account:
    username: str
    access_token: str
    token_secret: str
    user_id: str
    name: str = ""
    daily_limit: int | None = None
    daily_reset: int = 0
    daily_used: int = 0
    reads: int = 0  # posts returned by timeline reads (X bills each)


@dataclass
class Fault:
    """One planned misbehaviour of a route. times=None: every time until cleared."""

    route: str
    status: int | None = None
    problem: str | None = None
    body: object = None
    headers: dict = field(default_factory=dict)
    delay: float = 0.0           # seconds to wait after doing the work, before answering
    hold: bool = False           # after doing the work, wait for release() before answering
    drop: str | None = None      # "before": close without doing the work; "after": do it, then close
    times: int | None = 1


def route_of(method: str, path: str) -> str:
    path = re.sub(r"^/2/users/\d+/tweets$", "/2/users/:id/tweets", path.rstrip("/") or "/")
    path = re.sub(r"^/2/tweets/\d+$", "/2/tweets/:id", path)
    return f"{method} {path}"


class FakeX(FakeServer):
    server_name = "fakex/1"

    def __init__(self, *, host: str = "127.0.0.1", port: int = 0, log_path: Path | str | None = None,
                 accounts: tuple = (("junocounseling", "1001"), ("someoneelse", "2002"))):
        super().__init__(host, port)
        self.log_path = Path(log_path) if log_path else None
        self.consumer = (CONSUMER_KEY, CONSUMER_SECRET)
        self.accounts: dict[str, Account] = {}
        for username, user_id in accounts:
            self.add_account(username, user_id=user_id)
        self.posts: list[dict] = []
        self.deleted: list[dict] = []
        self.media: dict[str, dict] = {}
        self._next_id = 1_860_000_000_000_000_000

    # --- the small API ----------------------------------------------------------------------

    def add_account(self, username: str, *, user_id: str | None = None) -> Account:
        token = f"{user_id or len(self.accounts) + 1}-fakex-access-token-{username}"
        account = Account(username=username, access_token=token, token_secret=f"fakex-token-secret-{username}",
                          user_id=user_id or str(1000 + len(self.accounts)), name=username.title())
        self.accounts[token] = account
        return account

    def account(self, username: str) -> Account:
        return next(a for a in self.accounts.values() if a.username == username)

    def fill_timeline(self, count: int, username: str = "junocounseling") -> None:
        """`count` posts on the account's timeline at once, as if posted earlier (no HTTP round trips)."""
        for n in range(count):
            self.posts.append({"id": self._new_id(), "handle": username, "text": f"Earlier tip number {n}.",
                               "at": self.now(), "media": []})

    def env(self, username: str = "junocounseling") -> dict[str, str]:
        """The environment for a process that should post as `username` through this server."""
        account = self.account(username)
        return {"JUNO_X_API_BASE": self.base_url, "X_API_KEY": self.consumer[0], "X_API_SECRET": self.consumer[1],
                "X_ACCESS_TOKEN": account.access_token, "X_ACCESS_TOKEN_SECRET": account.token_secret}

    def credentials(self, username: str = "junocounseling"):
        from scheduler.networks.x import Credentials

        env = self.env(username)
        return Credentials(env["X_API_KEY"], env["X_API_SECRET"], env["X_ACCESS_TOKEN"], env["X_ACCESS_TOKEN_SECRET"])

    def inject(self, route: str, **fault) -> Fault:
        """Plan a misbehaviour: status=503, problem="duplicate", delay=2.0, drop="before"|"after", times=N."""
        if route_of(*route.split(" ", 1)) not in ROUTES:
            raise ValueError(f"unknown route {route!r}; one of {ROUTES}")
        planned = Fault(route=route_of(*route.split(" ", 1)), **fault)
        if planned.problem is not None and planned.problem not in PROBLEMS:
            raise ValueError(f"unknown problem {planned.problem!r}; one of {sorted(PROBLEMS)}")
        with self._lock:
            self.faults.append(planned)
        return planned

    def limit_daily(self, limit: int | None, *, reset_at: float | None = None, username: str = "junocounseling"):
        """The account's 24-hour post limit (None lifts it); reset_at is epoch seconds."""
        with self._lock:
            account = self.account(username)
            account.daily_limit, account.daily_used = limit, 0
            account.daily_reset = int(reset_at if reset_at is not None else self.now() + 86400)

    def set_metrics(self, post_id: str, **counts: int) -> None:
        """What the post's counts are now: impressions, likes, reposts, replies, quotes, bookmarks, link_clicks."""
        with self._lock:
            post = next(p for p in self.posts if p["id"] == post_id)
            post["metrics"] = {**post.get("metrics", {}), **counts}

    def posts_of(self, username: str = "junocounseling") -> list[dict]:
        with self._lock:
            return [p for p in self.posts if p["handle"] == username]

    def wait_for(self, condition, timeout: float = 30.0) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                if condition(self):
                    return True
            time.sleep(0.02)
        return False

    # --- the API ----------------------------------------------------------------------------

    def _authenticate(self, method: str, path: str, query: str, headers) -> Account | None:
        header = headers.get("Authorization", "")
        if not header.startswith("OAuth "):
            return None
        params = {k: unescape(v) for k, v in parse_authorization_header(header)}
        required = ("oauth_consumer_key", "oauth_token", "oauth_signature", "oauth_signature_method",
                    "oauth_timestamp", "oauth_nonce")
        if any(not params.get(name) for name in required) or params["oauth_signature_method"] != "HMAC-SHA1":
            return None
        account = self.accounts.get(params["oauth_token"])
        if params["oauth_consumer_key"] != self.consumer[0] or account is None:
            return None
        collected = oauth_signature.collect_parameters(uri_query=query, headers={"Authorization": header},
                                                       exclude_oauth_signature=True)
        normalized = oauth_signature.normalize_parameters(collected)
        for base in (*REAL_BASES, self.base_url):
            base_string = oauth_signature.signature_base_string(
                method, oauth_signature.base_string_uri(base + path), normalized)
            if hmac.compare_digest(_hmac_sha1(base_string, self.consumer[1], account.token_secret),
                                   params["oauth_signature"]):
                return account
        return None

    def _rate_headers(self) -> dict:
        return {"x-rate-limit-limit": "100", "x-rate-limit-remaining": "99",
                "x-rate-limit-reset": str(int(self.now()) + 900)}

    def route_of(self, method: str, path: str) -> str:
        return route_of(method, path)

    def answer(self, method: str, path: str, query: str, headers, body: bytes):
        """(status, JSON body or text, headers, fault) for one request; the work is done here."""
        route = route_of(method, path)
        if route not in ROUTES:
            return 404, {"title": "Not Found", "detail": f"no route {route}"}, {}, None
        account = self._authenticate(method, path, query, headers)
        fault = self.take_fault(route)
        if account is None:
            status, problem = PROBLEMS["unauthorized"]
            return status, problem, {}, fault
        if fault is not None and fault.drop == "before":
            return None, None, {}, fault
        if fault is not None and (fault.status or fault.problem):
            status, problem = PROBLEMS[fault.problem] if fault.problem else (fault.status, None)
            answer = fault.body if fault.body is not None else problem
            if answer is None:
                answer = "<html><body><h1>Service Unavailable</h1></body></html>" if status >= 500 else {}
            return status, answer, {**self._rate_headers(), **fault.headers}, fault
        with self._lock:
            answer_for = {"GET /2/users/me": self._2_users_me, "POST /2/media/upload": self._2_media_upload,
                          "POST /2/media/metadata": self._2_media_metadata, "POST /2/tweets": self._2_tweets,
                          "GET /2/users/:id/tweets": self._2_users_id_tweets,
                          "DELETE /2/tweets/:id": self._2_tweets_delete,
                          "GET /2/tweets/:id": self._2_tweets_id}[route]
            status, answer, extra = answer_for(account, path, query, headers, body)
        return status, answer, {**self._rate_headers(), **extra}, fault

    def _2_users_me(self, account, path, query, headers, body):
        return 200, {"data": {"id": account.user_id, "name": account.name, "username": account.username}}, {}

    def _2_media_upload(self, account, path, query, headers, body):
        fields = _multipart(headers.get("Content-Type", ""), body)
        if fields is None:
            return 400, _invalid("the body must be multipart/form-data"), {}
        if "media_type" in fields:
            return 400, _invalid("media_type is not a parameter of this endpoint"), {}
        if fields.get("media_category", (None, b""))[1] != b"tweet_image":
            return 400, _invalid("media_category must be tweet_image"), {}
        if "media" not in fields or fields["media"][0] is None:
            return 400, _invalid("the image must be the file field 'media'"), {}
        data = fields["media"][1]
        kind, width, height = _image_info(data)
        if kind is None or len(data) > 5 * 1024 * 1024:
            return 400, _invalid("media must be a JPG, PNG, GIF or WEBP image of at most 5 MB"), {}
        media_id = self._new_id()
        self.media[media_id] = {"id": media_id, "owner": account.username, "filename": fields["media"][0],
                                "bytes": len(data), "sha256": hashlib.sha256(data).hexdigest(), "alt_text": None}
        return 200, {"data": {"id": media_id, "media_key": f"3_{media_id}", "size": len(data),
                              "expires_after_secs": 86400,
                              "image": {"image_type": kind, "w": width, "h": height}}}, {}

    def _2_media_metadata(self, account, path, query, headers, body):
        try:
            request = json.loads(body)
            media = self.media[str(request["id"])]
            text = request["metadata"]["alt_text"]["text"]
        except (ValueError, KeyError, TypeError):
            return 400, _invalid("expected {id, metadata: {alt_text: {text}}} for an uploaded media id"), {}
        if media["owner"] != account.username or not isinstance(text, str) or len(text) > 1000:
            return 400, _invalid("alt text must be at most 1000 characters, on your own media"), {}
        media["alt_text"] = text
        return 200, {"data": {"id": media["id"], "associated_metadata": {"alt_text": {"text": text}}}}, {}

    def _2_tweets(self, account, path, query, headers, body):
        try:
            request = json.loads(body)
            text = request["text"]
            media_ids = [str(m) for m in (request.get("media") or {}).get("media_ids", [])]
        except (ValueError, KeyError, TypeError, AttributeError):
            return 400, _invalid("expected {text, media: {media_ids}}"), {}
        if not text or any(self.media.get(m, {}).get("owner") != account.username for m in media_ids) \
                or len(media_ids) > 4:
            return 400, _invalid("text is required; media_ids must be 1 to 4 of your uploaded media"), {}
        now = int(self.now())
        if account.daily_limit is not None and now >= account.daily_reset:
            account.daily_used, account.daily_reset = 0, now + 86400
        daily = {"x-user-limit-24hour-limit": str(account.daily_limit or 10000),
                 "x-user-limit-24hour-reset": str(account.daily_reset or now + 86400),
                 "x-app-limit-24hour-limit": "10000", "x-app-limit-24hour-remaining": "9999",
                 "x-app-limit-24hour-reset": str(now + 86400)}
        left = (account.daily_limit - account.daily_used) if account.daily_limit is not None else 9999
        if left <= 0:
            return 429, PROBLEMS["rate-limited"][1], {**daily, "x-user-limit-24hour-remaining": "0"}
        if any(p["handle"] == account.username and p["text"] == text for p in self.posts):
            return 403, PROBLEMS["duplicate"][1], {}
        account.daily_used += 1
        post = {"id": self._new_id(), "handle": account.username, "text": text, "at": self.now(),
                "media": [{k: v for k, v in self.media[m].items() if k != "owner"} for m in media_ids]}
        self.posts.append(post)
        if self.log_path is not None:
            with self.log_path.open("a", encoding="utf-8") as log:
                log.write(json.dumps(post, ensure_ascii=False) + "\n")
        return 201, {"data": {"id": post["id"], "text": text, "edit_history_tweet_ids": [post["id"]]}}, \
            {**daily, "x-user-limit-24hour-remaining": str(left - 1)}

    def _2_users_id_tweets(self, account, path, query, headers, body):
        user_id = path.split("/")[3]
        params = dict(parse_qsl(query))
        max_results = min(max(int(params.get("max_results", 10)), 5), 100)
        owner = next((a for a in self.accounts.values() if a.user_id == user_id), None)
        if owner is None:
            return 404, {"title": "Not Found Error", "detail": f"Could not find user with id: [{user_id}]."}, {}
        start = int(params.get("pagination_token") or 0)
        every = [p for p in reversed(self.posts) if p["handle"] == owner.username
                 and ("since_id" not in params or int(p["id"]) > int(params["since_id"]))
                 and ("until_id" not in params or int(p["id"]) < int(params["until_id"]))]
        mine = every[start:start + max_results]
        if not mine:
            return 200, {"meta": {"result_count": 0}}, {}
        fields = set(params.get("tweet.fields", "").split(",")) - {""}
        private = fields & {"non_public_metrics", "organic_metrics"}
        if private and (owner is not account or any(self.now() - p["at"] > 30 * 86400 for p in mine)):
            # X's rule: the non-public and organic metrics only of one's own posts of the last 30 days
            return 400, _invalid("non_public_metrics and organic_metrics are available only for your own "
                                 "posts created in the last 30 days"), {}
        account.reads += len(mine)  # X bills each post returned
        meta = {"result_count": len(mine)}
        if start + max_results < len(every):
            meta["next_token"] = str(start + max_results)
        return 200, {"data": [_with_fields(p, fields) for p in mine], "meta": meta}, {}

    def _2_tweets_id(self, account, path, query, headers, body):
        """GET /2/tweets/:id: the post with the tweet.fields asked for (billed as a read); one that is not there
        (deleted) is X's 200 answer with no data and a resource-not-found error."""
        post_id = path.rstrip("/").rsplit("/", 1)[1]
        post = next((p for p in self.posts if p["id"] == post_id), None)
        if post is None:
            return 200, {"errors": [{"value": post_id, "detail": f"Could not find tweet with id: [{post_id}].",
                                     "title": "Not Found Error", "resource_type": "tweet", "parameter": "id",
                                     "resource_id": post_id, "type": f"{PROBLEM_BASE}/resource-not-found"}]}, {}
        fields = set(dict(parse_qsl(query)).get("tweet.fields", "").split(",")) - {""}
        account.reads += 1
        return 200, {"data": _with_fields(post, fields)}, {}

    def delete_by_hand(self, post_id: str) -> None:
        """A person deletes the post on x.com (not through the API this project calls)."""
        with self._lock:
            post = next(p for p in self.posts if p["id"] == post_id)
            self.posts.remove(post)
            self.deleted.append(post)

    def _2_tweets_delete(self, account, path, query, headers, body):
        """DELETE /2/tweets/:id: {"data": {"deleted": true}} for one's own post; 404 otherwise."""
        post_id = path.rstrip("/").rsplit("/", 1)[1]
        post = next((p for p in self.posts if p["id"] == post_id and p["handle"] == account.username), None)
        if post is None:
            return 404, {"title": "Not Found Error", "detail": f"Could not find tweet with id: [{post_id}]."}, {}
        self.posts.remove(post)
        self.deleted.append(post)
        return 200, {"data": {"deleted": True}}, {}

    def _new_id(self) -> str:
        self._next_id += 1
        return str(self._next_id)

    def control(self, method: str, path: str, request: dict):
        if (method, path) == ("GET", "/_fake/posts"):
            return self.posts
        if (method, path) == ("POST", "/_fake/limit_daily"):
            self.limit_daily(request.get("limit"), reset_at=request.get("reset_at"),
                             username=request.get("username", "junocounseling"))
            return {"ok": True}
        if (method, path) == ("GET", "/_fake/env"):
            return self.env()
        return super().control(method, path, request)


def _hmac_sha1(base_string: str, consumer_secret: str, token_secret: str) -> str:
    key = f"{escape(consumer_secret)}&{escape(token_secret)}".encode()
    return base64.b64encode(hmac.new(key, base_string.encode(), hashlib.sha1).digest()).decode()


def _invalid(detail: str) -> dict:
    return {"errors": [{"message": detail}], "title": "Invalid Request", "detail": detail,
            "type": f"{PROBLEM_BASE}/invalid-request"}


def _with_fields(post: dict, fields: set) -> dict:
    """A timeline post with the tweet.fields asked for; metrics as the test set them (set_metrics)."""
    shown = _as_shown(post)
    if "created_at" not in fields:
        shown.pop("created_at")
    counts = post.get("metrics") or {}
    if "public_metrics" in fields:
        shown["public_metrics"] = {"retweet_count": counts.get("reposts", 0), "reply_count": counts.get("replies", 0),
                                   "like_count": counts.get("likes", 0), "quote_count": counts.get("quotes", 0),
                                   "bookmark_count": counts.get("bookmarks", 0),
                                   "impression_count": counts.get("impressions", 0)}
    if "non_public_metrics" in fields:
        shown["non_public_metrics"] = {"impression_count": counts.get("impressions", 0),
                                       "url_link_clicks": counts.get("link_clicks", 0), "user_profile_clicks": 0}
    if "organic_metrics" in fields:
        shown["organic_metrics"] = {"impression_count": counts.get("impressions", 0),
                                    "like_count": counts.get("likes", 0), "reply_count": counts.get("replies", 0),
                                    "retweet_count": counts.get("reposts", 0),
                                    "url_link_clicks": counts.get("link_clicks", 0), "user_profile_clicks": 0}
    return shown


def _as_shown(post: dict) -> dict:
    """A post as GET /2/users/:id/tweets shows it: links on t.co, a t.co link for the media, &amp;."""
    from twitter_text import extract_urls_with_indices

    text, urls = post["text"], []
    for n, found in enumerate(sorted(extract_urls_with_indices(text), key=lambda u: -u["indices"][0])):
        start, end = found["indices"]
        short = f"https://t.co/{hashlib.sha1((post['id'] + str(n)).encode()).hexdigest()[:10]}"
        text = text[:start] + short + text[end:]
        urls.append({"url": short, "expanded_url": found["url"], "display_url": found["url"][:26]})
    for media in post["media"]:
        short = f"https://t.co/{media['id'][-10:]}"
        text += f" {short}"
        urls.append({"url": short, "expanded_url": f"https://x.com/{post['handle']}/status/{post['id']}/photo/1",
                     "media_key": f"3_{media['id']}"})
    text = html.escape(text, quote=False)
    for url in urls:
        start = text.find(url["url"])
        url.update(start=start, end=start + len(url["url"]))
    return {"id": post["id"], "text": text, "edit_history_tweet_ids": [post["id"]],
            "created_at": time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime(post["at"])),
            "entities": {"urls": urls}}


def _multipart(content_type: str, body: bytes) -> dict | None:
    """{name: (filename or None, bytes)} of a multipart/form-data body."""
    if not content_type.startswith("multipart/form-data"):
        return None
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
        f"Content-Type: {content_type}\r\n\r\n".encode() + body)
    if not message.is_multipart():
        return None
    fields = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        if name:
            fields[name] = (part.get_filename(), part.get_payload(decode=True) or b"")
    return fields


def _image_info(data: bytes) -> tuple[str | None, int, int]:
    if data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) >= 24:
        width, height = struct.unpack(">II", data[16:24])
        return "image/png", width, height
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg", 0, 0
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return "image/gif", *struct.unpack("<HH", data[6:10])
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp", 0, 0
    return None, 0, 0


class FakeXControl(FakeControl):
    """Drive a FakeX running in another process through its /_fake/ routes."""

    def limit_daily(self, limit, *, reset_at=None, username="junocounseling") -> None:
        self._call("POST", "/_fake/limit_daily", {"limit": limit, "reset_at": reset_at, "username": username})

    @property
    def posts(self) -> list[dict]:
        return self._call("GET", "/_fake/posts")

    def env(self) -> dict:
        return self._call("GET", "/_fake/env")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.fakex", description="A fake X API v2 on 127.0.0.1.")
    parser.add_argument("--port", type=int, default=0, help="the port (default: any free one)")
    parser.add_argument("--log", metavar="FILE", help="append every post as one JSON line to FILE")
    args = parser.parse_args(argv)
    fake = FakeX(port=args.port, log_path=args.log).start()
    return serve_until_signalled(fake, {"base_url": fake.base_url, "env": fake.env()})


if __name__ == "__main__":
    raise SystemExit(main())
