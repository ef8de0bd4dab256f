"""A fake Mastodon server: a real HTTP server on 127.0.0.1, in a thread or in its own process.

Shaped by the Mastodon API documentation (docs.joinmastodon.org/methods/):
- GET /api/v1/accounts/verify_credentials: the token's account (401 for an unknown token).
- GET /api/v2/instance: `domain` (the handle's domain, which need not be the API host) and
  configuration.statuses (max_characters, characters_reserved_per_url 23) and media_attachments
  (description_limit 1500).
- POST /api/v2/media (multipart `file`, `description`): 202 with `url: null` while processing;
  GET /api/v1/media/:id answers 206 until it is processed, then 200 with its url. A status with
  media that is still processing is refused (422), as the real server does.
- POST /api/v1/statuses (form or JSON: status, media_ids[], language, sensitive, spoiler_text,
  visibility): the text is counted in grapheme clusters with every URL as 23; `Idempotency-Key`
  makes a repeat answer the first status instead of posting again.
- GET /api/v1/accounts/:id/statuses (limit, max_id; newest first; a Link header for the next page),
  DELETE /api/v1/statuses/:id.
Every answer carries X-RateLimit-Limit/Remaining/Reset (ISO 8601, as Mastodon sends it).

Faults on demand, per route: any status with Mastodon's `{"error": ...}` body (401, 422, 429 with
X-RateLimit-Reset, 5xx), a delay (a client timeout), or a dropped connection before or after doing
the work ("after" on POST /api/v1/statuses: the status exists, the answer is lost).

In tests:
    with FakeMastodon() as fm:              # accounts junocounseling and someoneelse on social.example
        env = fm.env()                      # MASTODON_API_BASE and MASTODON_ACCESS_TOKEN for @junocounseling
        fm.inject("POST /api/v1/statuses", status=503)
        fm.inject("POST /api/v1/statuses", drop="after")
        fm.inject("POST /api/v1/statuses", status=429, reset_in=600)
        fm.statuses_of("junocounseling")    # [{"id", "text", "language", "sensitive", "spoiler_text", "media": [...]}]
As a process: python -m tests.fakemastodon --port 8998, driven over /_fake/ routes like tests/fakex.py.
"""

from __future__ import annotations

import argparse
import hashlib
import html
import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import parse_qsl

try:
    from fakeserver import FakeServer, serve_until_signalled
    from fakex import _image_info, _multipart
except ImportError:  # run as python -m tests.fakemastodon
    from tests.fakeserver import FakeServer, serve_until_signalled
    from tests.fakex import _image_info, _multipart

DOMAIN = "social.example"
MAX_CHARACTERS = 500
URL_LENGTH = 23
DESCRIPTION_LIMIT = 1500
ROUTES = ("GET /api/v1/accounts/verify_credentials", "GET /api/v2/instance", "POST /api/v2/media",
          "GET /api/v1/media/:id", "POST /api/v1/statuses", "GET /api/v1/accounts/:id/statuses",
          "DELETE /api/v1/statuses/:id", "GET /api/v1/statuses", "GET /api/v1/statuses/:id")
ALL_SCOPES = ("read:accounts", "read:statuses", "write:statuses", "write:media")
NEEDS = {"GET /api/v1/accounts/verify_credentials": "read:accounts", "POST /api/v2/media": "write:media",
         "GET /api/v1/media/:id": "write:media", "POST /api/v1/statuses": "write:statuses",
         "GET /api/v1/accounts/:id/statuses": "read:statuses", "DELETE /api/v1/statuses/:id": "write:statuses",
         "GET /api/v1/statuses": "read:statuses", "GET /api/v1/statuses/:id": "read:statuses"}


@dataclass
class Account:
    username: str
    id: str
    token: str
    scopes: tuple = ALL_SCOPES


@dataclass
class Fault:
    """One planned misbehaviour of a route. times=None: every time until cleared."""

    route: str
    status: int | None = None
    error: str | None = None         # the {"error": ...} message of the answer
    reset_in: float | None = None    # with status 429: X-RateLimit-Reset this many seconds ahead
    delay: float = 0.0               # seconds to wait after doing the work, before answering
    drop: str | None = None          # "before": close without doing the work; "after": do it, then close
    times: int | None = 1


def route_of(method: str, path: str) -> str:
    path = path.rstrip("/") or "/"
    path = re.sub(r"^/api/v1/media/[^/]+$", "/api/v1/media/:id", path)
    path = re.sub(r"^/api/v1/accounts/(?!verify_credentials$)[^/]+/statuses$", "/api/v1/accounts/:id/statuses", path)
    path = re.sub(r"^/api/v1/statuses/[^/]+$", "/api/v1/statuses/:id", path)
    return f"{method} {path}"


def countable_length(text: str) -> int:
    """Mastodon's StatusLengthValidator: grapheme clusters, every URL counted as 23."""
    import regex
    from twitter_text import extract_urls_with_indices

    for found in sorted(extract_urls_with_indices(text), key=lambda u: -u["indices"][0]):
        start, end = found["indices"]
        text = text[:start] + "x" * URL_LENGTH + text[end:]
    return len(regex.findall(r"\X", text))


def as_html(text: str) -> str:
    """A status's `content` as Mastodon renders plain text: paragraphs, <br>, linked URLs and hashtags."""
    from twitter_text import extract_urls_with_indices

    pieces, last = [], 0
    for found in sorted(extract_urls_with_indices(text), key=lambda u: u["indices"][0]):
        start, end = found["indices"]
        url = text[start:end]
        scheme, rest = url.split("://", 1) if "://" in url else ("", url)
        pieces.append(html.escape(text[last:start], quote=False))
        pieces.append(f'<a href="{html.escape(url)}" rel="nofollow noopener" target="_blank">'
                      f'<span class="invisible">{scheme}://</span><span class="ellipsis">{html.escape(rest[:30])}'
                      f'</span><span class="invisible">{html.escape(rest[30:])}</span></a>')
        last = end
    pieces.append(html.escape(text[last:], quote=False))
    body = "".join(pieces)
    body = re.sub(r"(?<![\w/])#(\w+)", lambda m: f'<a href="https://{DOMAIN}/tags/{m.group(1).lower()}" '
                  f'class="mention hashtag" rel="tag">#<span>{m.group(1)}</span></a>', body)
    paragraphs = [p.replace("\n", "<br />") for p in body.split("\n\n")]
    return "".join(f"<p>{p}</p>" for p in paragraphs)


class FakeMastodon(FakeServer):
    server_name = "fakemastodon/1"

    def __init__(self, *, host: str = "127.0.0.1", port: int = 0, domain: str = DOMAIN,
                 max_characters: int = MAX_CHARACTERS, processing_polls: int = 1,
                 accounts: tuple = (("junocounseling", "109000000000000001"), ("someoneelse", "109000000000000002"))):
        super().__init__(host, port)
        self.domain = domain
        self.max_characters = max_characters
        self.processing_polls = processing_polls  # GET /api/v1/media/:id answers 206 this many times
        self.accounts: dict[str, Account] = {}
        for username, account_id in accounts:
            self.add_account(username, account_id)
        self.statuses: list[dict] = []
        self.deleted: list[dict] = []
        self.media: dict[str, dict] = {}
        self.idempotency: dict[tuple[str, str], str] = {}
        self._next_id = 113_000_000_000_000_000
        self.version = (4, 3)  # (4, 2): no GET /api/v1/statuses?id[]=, one status at a time

    # --- the small API ----------------------------------------------------------------------

    def add_account(self, username: str, account_id: str, *, scopes: tuple = ALL_SCOPES) -> Account:
        account = Account(username=username, id=account_id, token=f"fakemasto-token-{username}-{account_id[-4:]}",
                          scopes=tuple(scopes))
        self.accounts[account.token] = account
        return account

    def account(self, username: str) -> Account:
        return next(a for a in self.accounts.values() if a.username == username)

    def env(self, username: str = "junocounseling") -> dict[str, str]:
        return {"MASTODON_API_BASE": self.base_url, "MASTODON_ACCESS_TOKEN": self.account(username).token}

    def handle(self, username: str = "junocounseling") -> str:
        return f"@{username}@{self.domain}"

    def inject(self, route: str, **fault) -> Fault:
        """Plan a misbehaviour: status=503, error="...", reset_in=600, delay=2.0, drop="before"|"after", times=N."""
        method, path = route.split(" ", 1)
        if route_of(method, path) not in ROUTES:
            raise ValueError(f"unknown route {route!r}; one of {ROUTES}")
        planned = Fault(route=route_of(method, path), **fault)
        with self._lock:
            self.faults.append(planned)
        return planned

    def statuses_of(self, username: str = "junocounseling") -> list[dict]:
        with self._lock:
            return [s for s in self.statuses if s["username"] == username]

    # --- the API ----------------------------------------------------------------------------

    def _rate_headers(self, remaining: int = 299, reset_in: float = 300) -> dict:
        reset = datetime.fromtimestamp(self.now() + reset_in, UTC)
        return {"X-RateLimit-Limit": "300", "X-RateLimit-Remaining": str(remaining),
                "X-RateLimit-Reset": reset.strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"}

    def route_of(self, method: str, path: str) -> str:
        return route_of(method, path)

    def answer(self, method: str, path: str, query: str, headers, body: bytes):
        """(status, JSON answer, headers, fault) for one request; the work is done here."""
        route = route_of(method, path)
        if route not in ROUTES or (route == "GET /api/v1/statuses" and self.version < (4, 3)):
            return 404, {"error": "Record not found"}, {}, None
        fault = self.take_fault(route)
        if fault is not None and fault.drop == "before":
            return None, None, {}, fault
        if fault is not None and fault.status:
            if fault.status == 429:
                extra = self._rate_headers(0, fault.reset_in if fault.reset_in is not None else 300)
                return 429, {"error": fault.error or "Too many requests"}, extra, fault
            answer = {"error": fault.error} if fault.error else (
                "<html><body><h1>We're sorry, but something went wrong.</h1></body></html>")
            return fault.status, answer, self._rate_headers(), fault
        if route == "GET /api/v2/instance":
            return 200, self._instance(), self._rate_headers(), fault
        account = self._authenticate(headers)
        if account is None:
            return 401, {"error": "The access token is invalid"}, self._rate_headers(), fault
        if NEEDS[route] not in account.scopes:
            return 403, {"error": "This action is outside the authorized scopes"}, self._rate_headers(), fault
        with self._lock:
            answer_for = {
                "GET /api/v1/accounts/verify_credentials": self._verify_credentials,
                "POST /api/v2/media": self._media_upload, "GET /api/v1/media/:id": self._media_get,
                "POST /api/v1/statuses": self._status_create,
                "GET /api/v1/accounts/:id/statuses": self._account_statuses,
                "DELETE /api/v1/statuses/:id": self._status_delete, "GET /api/v1/statuses": self._statuses_get,
                "GET /api/v1/statuses/:id": self._status_get}[route]
            status, answer, extra = answer_for(account, path, query, headers, body)
        return status, answer, {**self._rate_headers(), **extra}, fault

    def _authenticate(self, headers) -> Account | None:
        header = headers.get("Authorization", "")
        if not header.startswith("Bearer "):
            return None
        return self.accounts.get(header[len("Bearer "):].strip())

    def _instance(self) -> dict:
        return {"domain": self.domain, "title": "A fake Mastodon", "version": ".".join(map(str, self.version)) + ".0",
                "source_url": "https://github.com/mastodon/mastodon", "description": "",
                "usage": {"users": {"active_month": len(self.accounts)}},
                "thumbnail": {"url": f"https://{self.domain}/thumb.png"}, "languages": ["en"],
                "configuration": {
                    "urls": {"streaming": f"wss://{self.domain}"},
                    "accounts": {"max_featured_tags": 10},
                    "statuses": {"max_characters": self.max_characters, "max_media_attachments": 4,
                                 "characters_reserved_per_url": URL_LENGTH},
                    "media_attachments": {"supported_mime_types": ["image/png", "image/jpeg", "image/gif",
                                                                   "image/webp"],
                                          "description_limit": DESCRIPTION_LIMIT,
                                          "image_size_limit": 16777216, "image_matrix_limit": 33177600},
                    "polls": {"max_options": 4}, "translation": {"enabled": False}},
                "registrations": {"enabled": False, "approval_required": False, "message": None},
                "contact": {"email": f"admin@{self.domain}", "account": None}, "rules": []}

    def _account_json(self, account: Account) -> dict:
        return {"id": account.id, "username": account.username, "acct": account.username,
                "display_name": account.username.title(), "locked": False, "bot": False,
                "url": f"https://{self.domain}/@{account.username}", "statuses_count":
                    sum(1 for s in self.statuses if s["username"] == account.username)}

    def _verify_credentials(self, account, path, query, headers, body):
        return 200, {**self._account_json(account), "source": {"privacy": "public", "language": "en"}}, {}

    def _media_upload(self, account, path, query, headers, body):
        fields = _multipart(headers.get("Content-Type", ""), body)
        if fields is None or "file" not in fields or fields["file"][0] is None:
            return 422, {"error": "Validation failed: File can't be blank"}, {}
        data = fields["file"][1]
        kind, width, height = _image_info(data)
        if kind is None:
            return 422, {"error": "Validation failed: File content type is invalid, File is invalid"}, {}
        description = fields.get("description", (None, b""))[1].decode("utf-8")
        if len(description) > DESCRIPTION_LIMIT:
            return 422, {"error": f"Validation failed: Description is too long (maximum is {DESCRIPTION_LIMIT} "
                                  "characters)"}, {}
        media_id = self._new_id()
        self.media[media_id] = {"id": media_id, "owner": account.username, "type": "image", "mime": kind,
                                "bytes": len(data), "sha256": hashlib.sha256(data).hexdigest(),
                                "width": width, "height": height,
                                "description": description or None, "polls_left": self.processing_polls}
        return (202 if self.processing_polls else 200), self._media_json(media_id), {}

    def _media_json(self, media_id: str) -> dict:
        media = self.media[media_id]
        ready = media["polls_left"] <= 0
        url = f"https://files.{self.domain}/media_attachments/{media_id}/original.png" if ready else None
        return {"id": media_id, "type": "image", "url": url, "preview_url": url, "remote_url": None,
                "text_url": None, "meta": {"original": {"width": media["width"], "height": media["height"]}},
                "description": media["description"], "blurhash": None}

    def _media_get(self, account, path, query, headers, body):
        media_id = path.rstrip("/").rsplit("/", 1)[1]
        media = self.media.get(media_id)
        if media is None or media["owner"] != account.username:
            return 404, {"error": "Record not found"}, {}
        if media["polls_left"] > 0:
            answer = self._media_json(media_id)
            media["polls_left"] -= 1
            return 206, answer, {}
        return 200, self._media_json(media_id), {}

    def _status_create(self, account, path, query, headers, body):
        request = _form(headers.get("Content-Type", ""), body)
        if request is None:
            return 422, {"error": "Validation failed: the body must be a form or JSON"}, {}
        key = headers.get("Idempotency-Key")
        if key and (account.username, key) in self.idempotency:
            earlier = next(s for s in self.statuses if s["id"] == self.idempotency[(account.username, key)])
            return 200, self._status_json(earlier), {}
        text = str(request.get("status") or "")
        media_ids = [str(m) for m in request.get("media_ids") or []]
        if not text.strip() and not media_ids:
            return 422, {"error": "Validation failed: Text can't be blank"}, {}
        if countable_length(text) > self.max_characters:
            return 422, {"error": f"Validation failed: Text character limit of {self.max_characters} exceeded"}, {}
        if len(media_ids) > 4 or any(self.media.get(m, {}).get("owner") != account.username for m in media_ids):
            return 422, {"error": "Validation failed: media_ids must be at most 4 of your own uploads"}, {}
        if any(self.media[m]["polls_left"] > 0 for m in media_ids):
            return 422, {"error": "Cannot attach files that have not finished processing. Try again in a moment!"}, {}
        status = {"id": self._new_id(), "username": account.username, "text": text,
                  "language": request.get("language") or None,
                  "sensitive": str(request.get("sensitive", "")).lower() in ("true", "1"),
                  "spoiler_text": str(request.get("spoiler_text") or ""),
                  "visibility": request.get("visibility") or "public",
                  "created_at": datetime.fromtimestamp(self.now(), UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z",
                  "media": [self._media_json(m) for m in media_ids], "idempotency_key": key,
                  "card_sha256": [self.media[m]["sha256"] for m in media_ids]}  # kept here, never served
        self.statuses.append(status)
        if key:
            self.idempotency[(account.username, key)] = status["id"]
        return 200, self._status_json(status), {}

    def _status_json(self, status: dict) -> dict:
        account = self.account(status["username"])
        return {"id": status["id"], "created_at": status["created_at"], "content": as_html(status["text"]),
                "uri": f"https://{self.domain}/users/{account.username}/statuses/{status['id']}",
                "url": f"https://{self.domain}/@{account.username}/{status['id']}",
                "visibility": status["visibility"], "sensitive": status["sensitive"],
                "spoiler_text": status["spoiler_text"], "language": status["language"],
                "media_attachments": status["media"], "account": self._account_json(account),
                "in_reply_to_id": None, "reblog": None, "mentions": [], "tags": [], "emojis": [],
                **{name: status.get("counts", {}).get(name, 0)
                   for name in ("replies_count", "reblogs_count", "favourites_count")}}

    def set_counts(self, status_id: str, *, likes: int = 0, reposts: int = 0, replies: int = 0) -> None:
        """What the status's counts are now (favourites, reblogs, replies)."""
        with self._lock:
            status = next(s for s in self.statuses if s["id"] == status_id)
            status["counts"] = {"favourites_count": likes, "reblogs_count": reposts, "replies_count": replies}

    def delete_by_hand(self, status_id: str) -> None:
        """A person deletes the status in Mastodon's own web page."""
        with self._lock:
            status = next(s for s in self.statuses if s["id"] == status_id)
            self.statuses.remove(status)
            self.deleted.append(status)

    def _statuses_get(self, account, path, query, headers, body):
        """GET /api/v1/statuses?id[]=... (4.3+): the statuses found, in the order asked; at most 20 ids."""
        ids = [value for name, value in parse_qsl(query) if name == "id[]"]
        if len(ids) > 20:
            return 422, {"error": "Too many ids"}, {}
        found = {s["id"]: s for s in self.statuses}
        return 200, [self._status_json(found[i]) for i in ids if i in found], {}

    def _status_get(self, account, path, query, headers, body):
        status_id = path.rstrip("/").rsplit("/", 1)[1]
        status = next((s for s in self.statuses if s["id"] == status_id), None)
        if status is None:
            return 404, {"error": "Record not found"}, {}
        return 200, self._status_json(status), {}

    def _account_statuses(self, account, path, query, headers, body):
        account_id = path.rstrip("/").split("/")[4]
        owner = next((a for a in self.accounts.values() if a.id == account_id), None)
        if owner is None:
            return 404, {"error": "Record not found"}, {}
        params = dict(parse_qsl(query))
        limit = min(max(int(params.get("limit") or 20), 1), 40)
        newest_first = [s for s in reversed(self.statuses) if s["username"] == owner.username]
        if params.get("max_id"):
            newest_first = [s for s in newest_first if int(s["id"]) < int(params["max_id"])]
        page = newest_first[:limit]
        extra = {}
        if len(newest_first) > limit:
            extra["Link"] = (f'<{self.base_url}/api/v1/accounts/{account_id}/statuses?limit={limit}&'
                             f'max_id={page[-1]["id"]}>; rel="next"')
        return 200, [self._status_json(s) for s in page], extra

    def _status_delete(self, account, path, query, headers, body):
        status_id = path.rstrip("/").rsplit("/", 1)[1]
        status = next((s for s in self.statuses if s["id"] == status_id), None)
        if status is None or status["username"] != account.username:
            return 404, {"error": "Record not found"}, {}
        self.statuses.remove(status)
        self.deleted.append(status)
        return 200, {**self._status_json(status), "text": status["text"]}, {}

    def _new_id(self) -> str:
        self._next_id += 1
        return str(self._next_id)

    def control(self, method: str, path: str, request: dict):
        if (method, path) == ("GET", "/_fake/statuses"):
            return self.statuses
        if (method, path) == ("GET", "/_fake/env"):
            return {**self.env(), "handle": self.handle()}
        return super().control(method, path, request)


def _form(content_type: str, body: bytes) -> dict | None:
    """The parameters of a form, multipart form or JSON body; `media_ids[]` becomes `media_ids`."""
    if content_type.startswith("application/json"):
        try:
            data = json.loads(body or b"{}")
        except ValueError:
            return None
        return data if isinstance(data, dict) else None
    if content_type.startswith("multipart/form-data"):
        pairs = [(name, value.decode("utf-8")) for name, (_, value) in (_multipart(content_type, body) or {}).items()]
    else:
        pairs = parse_qsl(body.decode("utf-8"), keep_blank_values=True)
    form: dict = {}
    for name, value in pairs:
        if name.endswith("[]"):
            form.setdefault(name[:-2], []).append(value)
        else:
            form[name] = value
    return form


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.fakemastodon", description="A fake Mastodon on 127.0.0.1.")
    parser.add_argument("--port", type=int, default=0, help="the port (default: any free one)")
    parser.add_argument("--domain", default=DOMAIN, help=f"the instance's domain (default {DOMAIN})")
    parser.add_argument("--processing-polls", type=int, default=1,
                        help="how many times GET /api/v1/media/:id answers 206 before the card is ready (default 1)")
    args = parser.parse_args(argv)
    fake = FakeMastodon(port=args.port, domain=args.domain, processing_polls=args.processing_polls).start()
    return serve_until_signalled(fake, {"base_url": fake.base_url, "env": fake.env(), "handle": fake.handle()})


if __name__ == "__main__":
    raise SystemExit(main())
