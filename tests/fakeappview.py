"""A fake Bluesky AppView: the part of the AppView that serves app.bsky.feed.getPosts, on 127.0.0.1.

The reference PDS (tests/pds/) keeps no counts: like bsky.social, it passes every app.bsky.* call to its
AppView with a service-auth token (a JWT whose `aud` is the AppView's DID and whose `lxm` names the method).
tests/pdsserver.start(appview=...) points the PDS at this fake, so the product talks to the real PDS, in the
real session, and the PDS talks to this.

Shaped by the lexicon (app.bsky.feed.getPosts, app.bsky.feed.defs#postView):
- GET /xrpc/app.bsky.feed.getPosts?uris=...&uris=...: at most 25 at-uris (more: 400 InvalidRequest); the
  posts found, in the order asked, each a postView: uri, cid, author (profileViewBasic: did, handle), record,
  indexedAt, likeCount, repostCount, replyCount, quoteCount. A post is "indexed" by reading it from the PDS
  (com.atproto.repo.getRecord); one the PDS no longer has is left out, as the AppView does.
- Without a service-auth bearer token for getPosts: 401 AuthenticationRequired (the real AppView answers a
  logged-out caller too, but a PDS always signs; the check holds that the call went through the PDS).
Counts are what the test sets (`set_counts`), 0 until then. Faults per route, one at a time: any status with
an XRPC error body (429 with ratelimit-* headers by the fake's clock, 5xx), or a dropped connection.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import parse_qsl

import requests

try:
    from fakeserver import FakeServer
except ImportError:  # imported as tests.fakeappview
    from tests.fakeserver import FakeServer

DID = "did:web:appview.juno.test"
GET_POSTS = "app.bsky.feed.getPosts"
ROUTES = (f"GET /xrpc/{GET_POSTS}",)
MAX_URIS = 25


@dataclass
class Fault:
    route: str
    status: int | None = None
    error: str | None = None
    reset_in: float | None = None    # with 429: ratelimit-reset this many seconds ahead
    delay: float = 0.0
    drop: str | None = None          # "before": close the connection without answering
    times: int | None = 1


class FakeAppView(FakeServer):
    server_name = "fake-appview/1"

    def __init__(self, host: str = "127.0.0.1", port: int = 0):
        super().__init__(host, port)
        self.pds_url: str | None = None  # where posts are read from (set once the PDS runs)
        self.counts: dict[str, dict[str, int]] = {}
        self.asked: list[list[str]] = []  # the uris of every getPosts answered
        self.handles: dict[str, str] = {}

    def set_counts(self, uri: str, *, likes: int = 0, reposts: int = 0, replies: int = 0, quotes: int = 0) -> None:
        with self._lock:
            self.counts[uri] = {"likeCount": likes, "repostCount": reposts, "replyCount": replies,
                                "quoteCount": quotes}

    def inject(self, route: str, **fault) -> Fault:
        """Plan a misbehaviour of GET /xrpc/app.bsky.feed.getPosts: status=429 (reset_in=60), 502, drop="before"."""
        if route not in ROUTES:
            raise ValueError(f"unknown route {route!r}; one of {ROUTES}")
        planned = Fault(route=route, **fault)
        with self._lock:
            self.faults.append(planned)
        return planned

    def route_of(self, method: str, path: str) -> str:
        return f"{method} {path.rstrip('/')}"

    def answer(self, method: str, path: str, query: str, headers: dict, body: bytes):
        route = self.route_of(method, path)
        if route not in ROUTES:
            return 501, {"error": "MethodNotImplemented", "message": "Method Not Implemented"}, {}, None
        fault = self.take_fault(route)
        if fault is not None and fault.drop:
            return None, None, {}, fault
        if fault is not None and fault.status:
            extra = {}
            if fault.status == 429:
                reset = int(self.now() + (fault.reset_in if fault.reset_in is not None else 60))
                extra = {"ratelimit-limit": "3000", "ratelimit-remaining": "0", "ratelimit-reset": str(reset),
                         "ratelimit-policy": "3000;w=300"}
            return fault.status, {"error": fault.error or ("RateLimitExceeded" if fault.status == 429
                                                           else "InternalServerError"),
                                  "message": "Rate Limit Exceeded" if fault.status == 429 else "Internal Server Error"}, \
                extra, fault
        authorization = next((v for k, v in headers.items() if k.lower() == "authorization"), "")
        problem = _service_auth_problem(authorization)
        if problem:
            return 401, {"error": "AuthenticationRequired", "message": problem}, {}, fault
        uris = [value for name, value in parse_qsl(query) if name == "uris"]
        if not uris or len(uris) > MAX_URIS:
            return 400, {"error": "InvalidRequest",
                         "message": f"uris must not be empty or have more than {MAX_URIS} elements"}, {}, fault
        with self._lock:
            self.asked.append(uris)
        posts = [view for view in (self._post_view(uri) for uri in uris) if view is not None]
        return 200, {"posts": posts}, {}, fault

    def _post_view(self, uri: str) -> dict | None:
        did, collection, rkey = uri.removeprefix("at://").split("/", 2)
        found = requests.get(f"{self.pds_url}/xrpc/com.atproto.repo.getRecord", timeout=10,
                             params={"repo": did, "collection": collection, "rkey": rkey})
        if not found.ok:
            return None
        record = found.json()
        if did not in self.handles:
            self.handles[did] = requests.get(f"{self.pds_url}/xrpc/com.atproto.repo.describeRepo", timeout=10,
                                             params={"repo": did}).json()["handle"]
        handle = self.handles[did]
        with self._lock:
            counts = self.counts.get(uri, {"likeCount": 0, "repostCount": 0, "replyCount": 0, "quoteCount": 0})
        indexed = datetime.fromtimestamp(self.now(), UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
        return {"uri": record["uri"], "cid": record["cid"], "author": {"did": did, "handle": handle},
                "record": record["value"], "indexedAt": indexed, **counts, "bookmarkCount": 0,
                "labels": []}


def _service_auth_problem(header: str) -> str | None:
    """Why the bearer token is not a PDS's service-auth token for getPosts addressed to this AppView."""
    if not header.startswith("Bearer "):
        return "Authentication Required"
    try:
        payload = header[len("Bearer "):].split(".")[1]
        claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    except (IndexError, ValueError):
        return "Token could not be verified"
    if claims.get("aud") != DID or claims.get("lxm") != GET_POSTS:
        return f"bad service auth: aud {claims.get('aud')!r}, lxm {claims.get('lxm')!r}"
    return None
