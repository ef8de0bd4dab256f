"""Every failure of an X call, turned into a PublishError that says what happens next and what to fix.

X's part of the one table (networks.policy): which of its limits a 429 hit and when it resets (the
24-hour limits as well as tweepy's 15-minute window); the 403s that are about one post (a duplicate) or
need their own remedy (a read-only app, an app outside a Project, a suspended account).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime

import requests
import tweepy

from scheduler.errors import PublishError
from scheduler.networks.policy import (
    THEN_CHECK_AND_RESUME,
    Failure,
    Outcome,
    Remedies,
    error_for,
    host_called,
    never_connected,
    timed_out,
)

FIX_CREDENTIALS = ("copy all four again from the X developer portal (your app > Keys and tokens) into "
                   "X_API_KEY, X_API_SECRET, X_ACCESS_TOKEN and X_ACCESS_TOKEN_SECRET (environment or .env), "
                   f"{THEN_CHECK_AND_RESUME}")
DUPLICATE_DETAIL = "duplicate content"


def problem_of(exc: tweepy.HTTPException) -> dict:
    """The JSON problem body of an error answer ({} when it is not JSON)."""
    try:
        body = exc.response.json()
    except (ValueError, AttributeError):
        return {}
    return body if isinstance(body, dict) else {}


def is_duplicate(exc: Exception) -> bool:
    if not isinstance(exc, tweepy.Forbidden):
        return False
    problem = problem_of(exc)
    words = " ".join([str(problem.get("detail", "")), *map(str, exc.api_messages)]).lower()
    return DUPLICATE_DETAIL in words


GONE_WORDS = ("could not find tweet", "no status found")  # X v2's lookup error; v1.1's code 144


def says_gone(answer: Mapping | tweepy.HTTPException) -> bool:
    """Whether X says the post asked for no longer exists: a 404 to GET /2/tweets/:id, or a 200 answer without
    `data` whose error is resource-not-found ("Could not find tweet with id: [...]", v1.1's "No status found")."""
    if isinstance(answer, tweepy.NotFound):
        return True
    if isinstance(answer, tweepy.HTTPException):
        return False
    if answer.get("data"):
        return False
    for error in answer.get("errors") or ():
        if not isinstance(error, Mapping):
            continue
        words = f"{error.get('detail', '')} {error.get('message', '')} {error.get('title', '')}".lower()
        if str(error.get("type", "")).endswith("/resource-not-found") or any(w in words for w in GONE_WORDS):
            return True
    return False


def _epoch(value) -> datetime | None:
    try:
        return datetime.fromtimestamp(int(str(value).strip()), tz=UTC)
    except (TypeError, ValueError, OverflowError, OSError):
        return None


def limit_reset(headers) -> tuple[datetime | None, str]:
    """When a rate-limited call may be made again, and which limit it was.

    The 24-hour limits (x-user-limit-24hour-*, x-app-limit-24hour-*) win over the 15-minute window
    (x-rate-limit-reset, the only one tweepy reads) when their remaining count is 0.
    """
    candidates = []
    for prefix, name in (("x-user-limit-24hour", "the account's 24-hour post limit"),
                         ("x-app-limit-24hour", "the app's 24-hour post limit")):
        if str(headers.get(f"{prefix}-remaining", "")).strip() == "0":
            reset = _epoch(headers.get(f"{prefix}-reset"))
            if reset is not None:
                candidates.append((reset, name))
    if not candidates:
        reset = _epoch(headers.get("x-rate-limit-reset"))
        if reset is not None:
            candidates.append((reset, "the 15-minute rate limit"))
    if not candidates:
        return None, "the rate limit"
    return max(candidates)


def _detail(exc: tweepy.HTTPException) -> str:
    problem = problem_of(exc)
    text = problem.get("detail") or "; ".join(exc.api_messages) or problem.get("title") or ""
    return " ".join(str(text).split())[:300]


REMEDIES = Remedies(
    name="X", address="api.x.com", credentials=f"they are wrong or were revoked; {FIX_CREDENTIALS}",
    permission="check the app's permissions and the account in the X developer portal",
    payment="add credits in the X developer portal (Billing), then resume posting")


def classify(exc: Exception, *, action: str, handle: str, posting: bool = False, zone=None,
             recycled: bool = False) -> PublishError:
    """The PublishError for a failed X call (networks.policy decides). `posting` is True for POST /2/tweets only;
    `recycled`: the post is a tip's 2nd time out or later (a duplicate needs another remedy)."""
    return error_for(failure_of(exc, handle=handle, recycled=recycled), REMEDIES, action=action, posting=posting,
                     zone=zone)


def failure_of(exc: Exception, *, handle: str, recycled: bool = False) -> Failure:
    """What tweepy or requests said, for the one error table."""
    if isinstance(exc, tweepy.HTTPException):
        return _answer(exc, handle, recycled)
    if isinstance(exc, requests.ConnectTimeout) or never_connected(exc):
        return Failure(reached=False, message=_reason(exc), host=host_called(exc))
    if isinstance(exc, (requests.Timeout, requests.ConnectionError, requests.RequestException)):
        return Failure(timed_out=timed_out(exc))
    raise exc


def _reason(exc: Exception) -> str:
    if isinstance(exc, requests.ConnectTimeout):
        return "connection timed out"
    return "DNS found no such host" if "resolve" in str(exc) else "connection refused"


def _answer(exc: tweepy.HTTPException, handle: str, recycled: bool = False) -> Failure:
    status = exc.response.status_code
    problem = problem_of(exc)
    kind_url = str(problem.get("type", ""))
    reason = str(problem.get("reason", ""))
    detail = _detail(exc)
    if isinstance(exc, tweepy.TooManyRequests):
        reset, which = limit_reset(exc.response.headers)
        return Failure(429, which, reset=reset)
    if kind_url.endswith("/credits-depleted"):
        return Failure(402, "the pay-per-use credits are used up")
    if isinstance(exc, tweepy.Forbidden):
        if is_duplicate(exc) and recycled:  # an edited tip never comes round again (docs/metrics.md)
            return Failure(status, outcome=Outcome.DEAD, words=(
                f"X refuses this recycled post as a duplicate: @{handle} already posted the same text, lead-in "
                "included; give this time out its own words in posts/schedule.yaml (recycle.lead_ins)"))
        if is_duplicate(exc):
            return Failure(status, outcome=Outcome.DEAD, words=(
                f"X refuses this post as a duplicate: @{handle} already posted the same text; edit the tip's "
                "text to post it again"))
        if kind_url.endswith("/oauth1-permissions"):
            return Failure(status, outcome=Outcome.STOP, words=(
                "X says the app may read but not write (403 oauth1-permissions): in the X developer portal "
                "open the app's User authentication settings, set App permissions to 'Read and write', "
                "then regenerate the Access Token and Secret (old tokens stay read-only) and put them in "
                "X_ACCESS_TOKEN and X_ACCESS_TOKEN_SECRET"))
        if reason == "client-not-enrolled" or kind_url.endswith("/client-forbidden"):
            return Failure(status, outcome=Outcome.STOP, words=(
                "X says the app is not attached to a Project (403 client-not-enrolled): in the X developer "
                f"portal, under Projects & Apps, add the app to a Project, {THEN_CHECK_AND_RESUME}"))
        if kind_url.endswith("/user-suspended") or "suspended" in detail.lower():
            return Failure(status, outcome=Outcome.STOP, words=(
                f"X says @{handle} is suspended (403); resolve it with X (help.x.com) before posting resumes"))
    return Failure(status, detail or str(exc.response.reason or ""))


def raise_for_answer(response: requests.Response) -> requests.Response:
    """Raise tweepy's exception for an error answer, as tweepy's Client does for its own calls."""
    status = response.status_code
    errors = {400: tweepy.BadRequest, 401: tweepy.Unauthorized, 403: tweepy.Forbidden,
              404: tweepy.NotFound}
    if status in errors:
        raise errors[status](response)
    if status == 429:
        reset = response.headers.get("x-rate-limit-reset")
        raise tweepy.TooManyRequests(response, reset_time=int(reset) if reset and reset.isdigit() else None)
    if status >= 500:
        raise tweepy.TwitterServerError(response)
    if not 200 <= status < 300:
        raise tweepy.HTTPException(response)
    return response
