"""Every failure of an X call, turned into a PublishError that says what happens next and what to fix.

The table (../shared/x-api/README.md): 429 and the 24-hour limits defer until the reset time; 5xx,
timeouts and dropped connections are retried, and a lost answer to POST /2/tweets is uncertain;
401, 402 and the account-level 403s stop the account; a duplicate or a bad request is permanent
for that one post.
"""

from __future__ import annotations

from datetime import UTC, datetime

import requests
import tweepy

from scheduler.errors import PublishError

FIX_CREDENTIALS = ("copy all four again from the X developer portal (your app > Keys and tokens) into "
                   "X_API_KEY, X_API_SECRET, X_ACCESS_TOKEN and X_ACCESS_TOKEN_SECRET (environment or .env), "
                   "then run `juno-scheduler check`")
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


def classify(exc: Exception, *, action: str, handle: str, posting: bool = False, zone=None) -> PublishError:
    """The PublishError for a failed X call. `posting` is True for POST /2/tweets only; `zone` shows times."""
    if isinstance(exc, tweepy.HTTPException):
        return _classify_answer(exc, action=action, handle=handle, posting=posting, zone=zone)
    if isinstance(exc, requests.ConnectTimeout) or _never_sent(exc):
        return PublishError(f"X could not be reached while {action} ({_reason(exc)}); will retry",
                            kind="retry")
    if isinstance(exc, (requests.Timeout, requests.ConnectionError, requests.RequestException)):
        what = "no answer in time" if isinstance(exc, requests.Timeout) else "the connection dropped"
        if posting:
            return PublishError(f"X gave no answer to the post ({what}); it may have gone out: "
                                "look for it before posting again", kind="retry", uncertain=True)
        return PublishError(f"X gave no answer while {action} ({what}); will retry", kind="retry")
    raise exc


def _never_sent(exc: BaseException) -> bool:
    """True when the connection was never made, so the request cannot have reached X."""
    from urllib3.exceptions import NameResolutionError, NewConnectionError

    seen = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, (NewConnectionError, NameResolutionError)):
            return True
        reason = getattr(current, "reason", None)
        if isinstance(reason, BaseException):
            current = reason
            continue
        args = getattr(current, "args", ())
        nested = next((a for a in args if isinstance(a, BaseException)), None)
        current = nested or current.__cause__ or current.__context__
    return False


def _reason(exc: Exception) -> str:
    return "connection timed out" if isinstance(exc, requests.ConnectTimeout) else "connection refused"


def _classify_answer(exc: tweepy.HTTPException, *, action: str, handle: str, posting: bool, zone) -> PublishError:
    status = exc.response.status_code
    problem = problem_of(exc)
    kind_url = str(problem.get("type", ""))
    reason = str(problem.get("reason", ""))
    detail = _detail(exc)

    if isinstance(exc, tweepy.TooManyRequests):
        reset, which = limit_reset(exc.response.headers)
        when = f"; posting resumes at {_shown(reset, zone)}" if reset else "; will retry later"
        return PublishError(f"X rate limit reached while {action} ({which}){when}", kind="retry",
                            retry_at=reset)
    if isinstance(exc, tweepy.TwitterServerError):
        if posting:
            return PublishError(f"X answered {status} to the post; it may have gone out: look for it "
                                "before posting again", kind="retry", uncertain=True)
        return PublishError(f"X answered {status} while {action}; will retry", kind="retry")
    if isinstance(exc, tweepy.Unauthorized):
        return PublishError(f"X refused the credentials (401 Unauthorized) while {action}: they are wrong "
                            f"or were revoked; {FIX_CREDENTIALS}", kind="stop")
    if status == 402 or kind_url.endswith("/credits-depleted"):
        return PublishError(f"X says the pay-per-use credits are used up (402) while {action}; add credits "
                            "in the X developer portal (Billing), then resume posting", kind="stop")
    if isinstance(exc, tweepy.Forbidden):
        if is_duplicate(exc):
            return PublishError(f"X refuses this post as a duplicate: @{handle} already posted the same "
                                "text; edit the tip's text to post it again", kind="permanent")
        if kind_url.endswith("/oauth1-permissions"):
            return PublishError(
                "X says the app may read but not write (403 oauth1-permissions): in the X developer portal "
                "open the app's User authentication settings, set App permissions to 'Read and write', "
                "then regenerate the Access Token and Secret (old tokens stay read-only) and put them in "
                "X_ACCESS_TOKEN and X_ACCESS_TOKEN_SECRET", kind="stop")
        if reason == "client-not-enrolled" or kind_url.endswith("/client-forbidden"):
            return PublishError(
                "X says the app is not attached to a Project (403 client-not-enrolled): in the X developer "
                "portal, under Projects & Apps, add the app to a Project, then run `juno-scheduler check`",
                kind="stop")
        if kind_url.endswith("/user-suspended") or "suspended" in detail.lower():
            return PublishError(f"X says @{handle} is suspended (403); resolve it with X (help.x.com) "
                                "before posting resumes", kind="stop")
        return PublishError(f"X refused {action} (403 Forbidden: {detail or 'no detail'}); check the app's "
                            "permissions and the account in the X developer portal", kind="stop")
    if status in (408, 409, 425):
        return PublishError(f"X answered {status} while {action}; will retry", kind="retry",
                            uncertain=posting)
    return PublishError(f"X refused {action} ({status}: {detail or exc.response.reason}); "
                        "this post cannot go out as it is", kind="permanent")


def _shown(moment: datetime, zone) -> str:
    if zone is None:
        return f"{moment:%Y-%m-%d %H:%M} UTC"
    local = moment.astimezone(zone)
    return f"{local:%Y-%m-%d %H:%M} {local.tzname()}"


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
