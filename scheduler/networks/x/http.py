"""The HTTP layer every X call goes through, tweepy's included.

- JUNO_X_API_BASE: tweepy's Client fixes https://api.twitter.com inside BaseClient.request, and the
  media endpoints live on https://api.x.com. A transport adapter mounted on both real hosts sends each
  request to the configured base instead. It rewrites the address after the request is signed, so the
  OAuth 1.0a signature stays the one for the real address: what a pass-through gateway forwards.
- Timeouts on every call (tweepy sets none), and urllib3 retries with backoff for the calls that are
  safe to repeat: connection failures always, 5xx answers and read errors only for the listed methods.
- No secret in any log: requests-oauthlib and oauthlib log the Authorization header and the OAuth
  parameters at DEBUG; a filter on their loggers masks every registered secret.
"""

from __future__ import annotations

import logging
from urllib.parse import urlsplit, urlunsplit

import requests
from requests.adapters import HTTPAdapter
from requests.utils import get_environ_proxies
from urllib3.util.retry import Retry

REAL_HOSTS = ("https://api.twitter.com", "https://api.x.com")
MEDIA_HOST = "https://api.x.com"
DEFAULT_TIMEOUT = (5.0, 30.0)  # connect, read (seconds)
SERVER_ERRORS = (500, 502, 503, 504)


def rewrite(url: str, base: str | None) -> str:
    """The address of `url` at `base` (scheme, host and port replaced), or `url` unchanged."""
    if not base:
        return url
    target = urlsplit(base)
    parts = urlsplit(url)
    return urlunsplit((target.scheme, target.netloc, target.path.rstrip("/") + parts.path, parts.query, ""))


class XAdapter(HTTPAdapter):
    """Sends requests for the real X hosts to `base` (if set), with a timeout and retries."""

    def __init__(self, base: str | None = None, *, timeout=DEFAULT_TIMEOUT, retry_methods=("GET",),
                 retries: int = 2, backoff: float = 0.5):
        self.base = base
        self.timeout = timeout
        retry = Retry(total=retries, connect=retries, read=retries, status=retries, other=0,
                      backoff_factor=backoff, status_forcelist=SERVER_ERRORS,
                      allowed_methods=frozenset(retry_methods), raise_on_status=False,
                      respect_retry_after_header=False)
        super().__init__(max_retries=retry)

    def send(self, request, **kwargs):
        if self.base:
            request.url = rewrite(request.url, self.base)
            kwargs["proxies"] = get_environ_proxies(request.url)
        if kwargs.get("timeout") is None:
            kwargs["timeout"] = self.timeout
        response = super().send(request, **kwargs)
        one_limit_value(response.headers)
        return response


def one_limit_value(headers) -> None:
    """A rate-limit header sent twice arrives joined ("1796155154, 1796154255"), which tweepy's int() cannot
    read: keep the latest reset and the lowest remaining count, the cautious reading; drop what is not a number."""
    for name in list(headers):
        lowered = name.lower()
        if not lowered.startswith(("x-rate-limit-", "x-user-limit-", "x-app-limit-")):
            continue
        value = str(headers[name])
        if value.strip().isdigit():
            continue
        numbers = [int(part) for part in value.replace(";", ",").split(",") if part.strip().isdigit()]
        if not numbers:
            del headers[name]
        else:
            headers[name] = str(max(numbers) if lowered.endswith("-reset") else min(numbers))


def route_session(session: requests.Session, base: str | None, **adapter_options) -> requests.Session:
    """Mount the X adapter on both real hosts of an existing session (tweepy's Client.session)."""
    adapter = XAdapter(base, **adapter_options)
    for host in REAL_HOSTS:
        session.mount(host + "/", adapter)
    return session


def x_session(base: str | None, **adapter_options) -> requests.Session:
    return route_session(requests.Session(), base, **adapter_options)


# --- secrets out of logs ----------------------------------------------------------------------

# The loggers that print signing details (oauthlib, requests-oauthlib) or requests (tweepy, urllib3).
_NOISY_LOGGERS = ("requests_oauthlib.oauth1_auth", "oauthlib.oauth1.rfc5849",
                  "oauthlib.oauth1.rfc5849.signature", "tweepy.client", "urllib3.connectionpool",
                  "httpx", "httpcore.http11", "httpcore.connection")  # the last three: atproto (Bluesky)


class SecretMask(logging.Filter):
    """Replaces every registered secret in a log record's message with ***.

    It also cuts very long messages short: requests-oauthlib logs a whole multipart body (the card).
    """

    longest = 2000

    def __init__(self):
        super().__init__("secret-mask")
        self._secrets: set[str] = set()

    def add(self, *secrets: str) -> None:
        self._secrets.update(s for s in secrets if s and len(s) >= 4)

    def mask(self, text: str) -> str:
        for secret in sorted(self._secrets, key=len, reverse=True):
            text = text.replace(secret, "***")
        return text

    def filter(self, record: logging.LogRecord) -> bool:
        if not self._secrets:
            return True
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - a broken record is not ours to fix; keep it unformatted
            return True
        masked = self.mask(message)
        if len(masked) > self.longest:
            masked = f"{masked[:self.longest]}… ({len(masked)} characters in all)"
        if masked != message:
            record.msg, record.args = masked, ()
        return True


SECRET_MASK = SecretMask()


def keep_out_of_logs(*secrets: str) -> None:
    """Register secrets so that no log line of the HTTP stack shows them, at any level."""
    SECRET_MASK.add(*secrets)
    for name in _NOISY_LOGGERS:
        logger = logging.getLogger(name)
        if SECRET_MASK not in logger.filters:
            logger.addFilter(SECRET_MASK)
