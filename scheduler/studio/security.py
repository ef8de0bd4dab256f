"""Who may talk to the studio: a one-time link, then a session cookie; the right Host; a CSRF token per POST.

The studio listens on 127.0.0.1 only, but any web page the manager visits can make the browser send
requests there, and a DNS-rebinding page can even read the answers. So:
- the printed link carries a one-time token; the first visit exchanges it for an HttpOnly,
  SameSite=Strict session cookie and the token is forgotten (a replayed link gets 401); each browser signed in
  keeps its own session (a laptop and a phone at once), up to MAX_SESSIONS, the oldest ended past that;
- a request whose Host header is not the studio's own address is refused (DNS rebinding);
- every POST carries its session's own CSRF token (a form field or the X-CSRF-Token header);
- every answer forbids loading anything from elsewhere (Content-Security-Policy) and framing.
"""

from __future__ import annotations

import html
import re
import secrets
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from urllib.parse import parse_qs

from starlette.datastructures import Headers
from starlette.responses import HTMLResponse, RedirectResponse

COOKIE = "juno_studio"  # the session cookie is named for the port: cookies do not keep ports apart
MAX_BODY = 4_000_000  # bytes in one request: an article file (2 MB) or pasted text (500,000 characters)
CSRF_FIELD = "csrf"
CSRF_HEADER = "x-csrf-token"
LOGIN_PATH = "/login"
OPEN_PATHS = ("/favicon.ico",)

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "font-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
SECURITY_HEADERS = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",  # the login link's token must never travel in a Referer
    "cache-control": "no-store",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
}

NO_COOKIE = "not signed in: open the link `juno-scheduler studio` printed (run it again for a new link)"
UNUSED = ("not signed in: open the sign-in link printed where `juno-scheduler studio` runs (it has not been used "
          "yet; no terminal? Ctrl-C the studio and run it again)")
RELINKED = ("not signed in here (another browser, or this studio was restarted): a new sign-in link was printed just "
            "now where `juno-scheduler studio` runs; open it (no terminal? Ctrl-C the studio and run it again)")
HEADINGS = {400: "Refused", 401: "Not signed in", 403: "Refused", 413: "Too large"}
SESSION_DAYS = 30  # the cookie outlives a browser restart; the session itself ends when the studio stops
MAX_SESSIONS = 8  # browsers signed in at once (a laptop, a phone, ...); a ninth sign-in ends the oldest session
CSRF_SCOPE = "juno.csrf"  # where the guard leaves the signed-in session's CSRF token for the pages' forms
SESSION_SCOPE = "juno.session"  # where the guard leaves the signed-in session's id (its messages are its own)


@dataclass
class Gate:
    """The studio's secrets for one run: the one-time login token, and each signed-in session's CSRF token."""

    port: int
    login_token: str | None = field(default_factory=lambda: secrets.token_urlsafe(32))
    sessions: OrderedDict[str, str] = field(default_factory=OrderedDict)  # session id -> its CSRF token, oldest first
    announce: Callable[[str], None] | None = None  # prints a new sign-in link where the studio was started

    def relink(self) -> str | None:
        """After the link was used, a request without the session gets a new one-time link printed where the
        studio runs (never in the answer): whoever sits at that terminal signs in again without a restart.
        One link at a time: until it is used, nothing new is made or printed. "printed" when a link was printed
        now, "unused" when the one printed before is still waiting, None when nothing can print."""
        if self.announce is None:
            return None
        if self.login_token is not None:
            return "unused"
        self.login_token = secrets.token_urlsafe(32)
        self.announce(self.link())
        return "printed"

    @property
    def cookie(self) -> str:
        """This studio's own cookie name: two studios on two ports never read or replace each other's."""
        return f"{COOKIE}_{self.port}"

    @property
    def hosts(self) -> frozenset[str]:
        return frozenset({f"127.0.0.1:{self.port}", f"localhost:{self.port}"})

    def link(self) -> str:
        if self.login_token is None:
            raise RuntimeError("the one-time link was already used")
        return f"http://127.0.0.1:{self.port}{LOGIN_PATH}?token={self.login_token}"

    def exchange(self, token: str | None) -> str | None:
        """A new session id if `token` is the one-time token (which is then forgotten), else None. Sessions
        signed in before stay signed in; past MAX_SESSIONS the oldest is ended."""
        if not token or self.login_token is None or not secrets.compare_digest(token, self.login_token):
            return None
        self.login_token = None
        session = secrets.token_urlsafe(32)
        self.sessions[session] = secrets.token_urlsafe(32)
        while len(self.sessions) > MAX_SESSIONS:
            self.sessions.popitem(last=False)
        return session

    def session_of(self, cookie: str | None) -> str | None:
        """The session `cookie` names, None when it names no session of this run."""
        if not cookie:
            return None
        for session in self.sessions:
            if secrets.compare_digest(cookie, session):
                return session
        return None

    def csrf_of(self, cookie: str | None) -> str | None:
        """The CSRF token of the session `cookie` names, None when it names no session of this run."""
        session = self.session_of(cookie)
        return None if session is None else self.sessions[session]

    def signed_in(self, cookie: str | None) -> bool:
        return self.csrf_of(cookie) is not None


class Guard:
    """ASGI middleware: Host check, sign-in, CSRF on POST, security headers on every answer."""

    def __init__(self, app, gate: Gate):
        self.app = app
        self.gate = gate

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = Headers(scope=scope)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                raw = [(k, v) for k, v in message.get("headers", []) if k.decode().lower() not in SECURITY_HEADERS]
                raw += [(k.encode(), v.encode()) for k, v in SECURITY_HEADERS.items()]
                message = {**message, "headers": raw}
            await send(message)

        response = self.refusal(scope, headers)
        if response is not None:
            return await response(scope, receive, send_with_headers)
        session = self.gate.session_of(_cookies(headers).get(self.gate.cookie))
        scope = {**scope, SESSION_SCOPE: session, CSRF_SCOPE: None if session is None else self.gate.sessions[session]}
        if scope["method"] == "POST":
            declared = headers.get("content-length", "")
            if declared.isdigit() and int(declared) > MAX_BODY:
                return await _too_large()(scope, receive, send_with_headers)
            receive = _limited(receive)
        if scope["method"] == "POST" and not _same(headers.get(CSRF_HEADER), scope[CSRF_SCOPE]):
            scope = await self._with_form_csrf(scope, receive, send_with_headers)
            if scope is None:
                return
            receive = scope.pop("juno.receive")
        return await self.app(scope, receive, send_with_headers)

    def refusal(self, scope, headers: Headers):
        if headers.get("host") not in self.gate.hosts:
            return _refusal(f"refused: this studio answers only at http://127.0.0.1:{self.gate.port}/", 400)
        path = scope["path"]
        if path in OPEN_PATHS:
            return None
        if path == LOGIN_PATH:
            return self._login(scope)
        cookie = _cookies(headers).get(self.gate.cookie)
        if not self.gate.signed_in(cookie):
            relinked = self.gate.relink()
            return _refusal({"printed": RELINKED, "unused": UNUSED}.get(relinked or "", NO_COOKIE), 401)
        origin = headers.get("origin")  # "null" under Referrer-Policy: no-referrer; the CSRF token still counts
        if scope["method"] == "POST" and origin and origin != "null" and origin.split("://", 1)[-1] not in self.gate.hosts:
            return _refusal("refused: a change must come from the studio's own page", 403)
        return None

    def _login(self, scope):
        token = parse_qs(scope.get("query_string", b"").decode()).get("token", [None])[0]
        session = self.gate.exchange(token)
        if session is None:
            relinked = self.gate.relink()
            if relinked:
                said = RELINKED if relinked == "printed" else UNUSED
                return _refusal("this link was used already or is wrong: " + said.split(": ", 1)[1], 401)
            return _refusal("this link was used already or is wrong: run `juno-scheduler studio` again for a new one",
                            401)
        response = RedirectResponse("/", status_code=303)
        response.set_cookie(self.gate.cookie, session, httponly=True, samesite="strict", path="/",
                            max_age=SESSION_DAYS * 24 * 3600)
        return response

    async def _with_form_csrf(self, scope, receive, send):
        """Read the body once, check its csrf field, and hand the app a receive() that replays the body."""
        chunks: list[bytes] = []
        while True:
            try:
                message = await receive()
            except TooLarge:
                await _too_large()(scope, receive, send)
                return None
            chunks.append(message.get("body", b""))
            if not message.get("more_body"):
                break
        body = b"".join(chunks)
        given = _form_field(scope, body, CSRF_FIELD)
        if not _same(given, scope[CSRF_SCOPE]):
            await _refusal("refused: the form's CSRF token is missing or wrong; reload the page and try again",
                           403)(scope, receive, send)
            return None
        sent = False

        async def replay():
            nonlocal sent
            if sent:
                return {"type": "http.disconnect"}
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}

        return {**scope, "juno.receive": replay}


def _same(given: str | None, csrf: str | None) -> bool:
    """Whether the CSRF token a request carries is its own session's."""
    return bool(given and csrf) and secrets.compare_digest(str(given), str(csrf))


class TooLarge(Exception):
    """The request's body passed MAX_BODY while it streamed in."""


def _limited(receive):
    """receive() that counts the body as it arrives and stops at MAX_BODY (nothing past it is read)."""
    seen = 0

    async def counted():
        nonlocal seen
        message = await receive()
        seen += len(message.get("body", b""))
        if seen > MAX_BODY:
            raise TooLarge()
        return message

    return counted


def _too_large():
    return _refusal(f"refused: a request of more than {MAX_BODY // 1_000_000} MB; an article file is at "
                    "most 2 MB (go back and choose a smaller file)", 413)


def _refusal(message: str, status: int) -> HTMLResponse:
    """A page the guard answers before the studio's own: one line of HTML (a language, a title, a heading and the
    message in a main landmark, so a screen reader reads it as a page), with no style or script to load."""
    heading = HEADINGS[status]
    return HTMLResponse(f'<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" '
                        f'content="width=device-width, initial-scale=1"><title>{heading} · juno-scheduler studio'
                        f'</title><main><h1>{heading}</h1><p>{html.escape(message.strip())}</p></main></html>\n',
                        status_code=status)


def _cookies(headers: Headers) -> dict[str, str]:
    jar = SimpleCookie()
    try:
        jar.load(headers.get("cookie", ""))
    except Exception:  # noqa: BLE001 - a malformed cookie header is the same as none
        return {}
    return {key: morsel.value for key, morsel in jar.items()}


def _form_field(scope, body: bytes, name: str) -> str | None:
    content_type = Headers(scope=scope).get("content-type", "")
    if content_type.startswith("application/x-www-form-urlencoded"):
        return parse_qs(body.decode("utf-8", "replace")).get(name, [None])[0]
    if content_type.startswith("multipart/form-data"):
        match = re.search(rb'name="%s"\r\n\r\n([^\r]*)\r\n' % name.encode(), body)
        return match.group(1).decode() if match else None
    return None
