"""The HTTP layer every X call goes through, tweepy's included.

- JUNO_X_API_BASE: tweepy's Client fixes https://api.twitter.com inside BaseClient.request, and the
  media endpoints live on https://api.x.com. A transport adapter mounted on both real hosts sends each
  request to the configured base instead. It rewrites the address after the request is signed, so the
  OAuth 1.0a signature stays the one for the real address: what a pass-through gateway forwards.
- Timeouts on every call (tweepy sets none), and urllib3 retries with backoff for the calls that are
  safe to repeat: connection failures always, 5xx answers and read errors only for the listed methods. A call
  left unanswered for networks.policy.ANSWER_WITHIN_S is never repeated in the same run.
- No secret in any log: requests-oauthlib and oauthlib log the Authorization header and the OAuth
  parameters at DEBUG; networks.logs masks every registered secret on their loggers.
"""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

import requests
from requests.adapters import HTTPAdapter
from requests.utils import get_environ_proxies
from urllib3.exceptions import ReadTimeoutError
from urllib3.util.retry import Retry

from scheduler.networks.policy import ANSWER_WITHIN_S, CONNECT_WITHIN_S

REAL_HOSTS = ("https://api.twitter.com", "https://api.x.com")
MEDIA_HOST = "https://api.x.com"
DEFAULT_TIMEOUT = (CONNECT_WITHIN_S, ANSWER_WITHIN_S)  # networks.policy: the same on every network
SERVER_ERRORS = (500, 502, 503, 504)


def rewrite(url: str, base: str | None) -> str:
    """The address of `url` at `base` (scheme, host and port replaced), or `url` unchanged."""
    if not base:
        return url
    target = urlsplit(base)
    parts = urlsplit(url)
    return urlunsplit((target.scheme, target.netloc, target.path.rstrip("/") + parts.path, parts.query, ""))


class _Retry(Retry):
    """urllib3's retries, but a server that left a call unanswered is not asked again in this run (three reads of
    30 s each made one silent server cost run-due 98 s)."""

    def increment(self, method=None, url=None, response=None, error=None, _pool=None, _stacktrace=None):
        if isinstance(error, ReadTimeoutError):
            raise error
        return super().increment(method, url, response, error, _pool, _stacktrace)


class XAdapter(HTTPAdapter):
    """Sends requests for the real X hosts to `base` (if set), with a timeout and retries."""

    def __init__(self, base: str | None = None, *, timeout=DEFAULT_TIMEOUT, retry_methods=("GET",),
                 retries: int = 2, backoff: float = 0.5):
        self.base = base
        self.timeout = timeout
        retry = _Retry(total=retries, connect=retries, read=retries, status=retries, other=0,
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
