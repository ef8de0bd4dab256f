"""Every failure of a Mastodon call, turned into a PublishError that says what happens next.

The same table as X's (xerrors): 429 defers posting on Mastodon until X-RateLimit-Reset; 5xx,
timeouts and dropped connections are retried, and a lost answer to POST /api/v1/statuses is
uncertain (look before posting again); 401 and 403 stop the account with what to fix; 422 and
other refusals make that one post dead with the instance's own message.
"""

from __future__ import annotations

from datetime import UTC, datetime

from scheduler.errors import PublishError
from scheduler.networks.mastodon.access import (
    BASE_NAME,
    HOW_TO_GET_A_TOKEN,
    SCOPES,
    TOKEN_NAME,
)
from scheduler.networks.x.errors import _never_sent as never_connected
from scheduler.networks.x.errors import _shown


def status_and_message(exc: BaseException) -> tuple[int | None, str]:
    """The HTTP status and the instance's `error` message of a Mastodon.py API error."""
    args: tuple = getattr(exc, "args", ())
    status = args[1] if len(args) > 1 and isinstance(args[1], int) else None
    message = args[3] if len(args) > 3 and args[3] else (args[2] if len(args) > 2 else "")
    return status, " ".join(str(message or "").split())[:300]


def classify(exc: Exception, *, action: str, handle: str, api_base: str, posting: bool = False,
             reset: float | None = None, zone=None) -> PublishError:
    """The PublishError for a failed Mastodon.py call. `reset` is Mastodon.py's ratelimit_reset (epoch)."""
    from mastodon.errors import (
        MastodonAPIError,
        MastodonNetworkError,
        MastodonNotFoundError,
        MastodonRatelimitError,
        MastodonServerError,
        MastodonUnauthorizedError,
    )

    if isinstance(exc, MastodonRatelimitError):
        until = datetime.fromtimestamp(reset, UTC) if reset else None
        when = f"; posting to Mastodon resumes at {_shown(until, zone)}" if until else "; will retry later"
        return PublishError(f"Mastodon rate limit reached while {action}{when}", kind="retry", retry_at=until)
    if isinstance(exc, MastodonNetworkError):
        if _never_sent(exc):
            return PublishError(f"Mastodon ({api_base}) could not be reached while {action}; will retry",
                                kind="retry")
        if posting:
            return PublishError("Mastodon gave no answer to the post (no answer in time or the connection "
                                "dropped); it may have gone out: look for it before posting again",
                                kind="retry", uncertain=True)
        return PublishError(f"Mastodon gave no answer while {action}; will retry", kind="retry")
    if isinstance(exc, MastodonUnauthorizedError):
        return PublishError(f"Mastodon refused the access token (401) while {action}: it is wrong or was "
                            f"revoked; {HOW_TO_GET_A_TOKEN}, then run `juno-scheduler check`", kind="stop")
    if isinstance(exc, MastodonServerError):
        status, _ = status_and_message(exc)
        if posting:
            return PublishError(f"Mastodon answered {status} to the post; it may have gone out: look for it "
                                "before posting again", kind="retry", uncertain=True)
        return PublishError(f"Mastodon answered {status} while {action}; will retry", kind="retry")
    if isinstance(exc, MastodonNotFoundError):
        return PublishError(f"{BASE_NAME}={api_base} answered 404 while {action}: is it the address of your "
                            "Mastodon instance? Fix it, then run `juno-scheduler check`", kind="stop")
    if isinstance(exc, MastodonAPIError):
        status, message = status_and_message(exc)
        if status is None:  # an answer that is not JSON
            return PublishError(f"Mastodon answered {action} with something unreadable; will retry",
                                kind="retry", uncertain=posting)
        if status == 403:
            return PublishError(f"Mastodon refused {action} (403: {message or 'forbidden'}) for {handle}: give the "
                                f"application the scopes {SCOPES} (a new token is needed after a change) and put "
                                f"it in {TOKEN_NAME}, or ask the instance's moderators", kind="stop")
        if status in (408, 409, 425):
            return PublishError(f"Mastodon answered {status} while {action}; will retry", kind="retry",
                                uncertain=posting)
        return PublishError(f"Mastodon refused {action} ({status}: {message or 'no message'}); this post cannot "
                            "go out there as it is", kind="permanent")
    raise exc


def _never_sent(exc: Exception) -> bool:
    """True when the connection was never made (Mastodon.py keeps the cause as __context__)."""
    import requests

    cause = exc.__cause__ or exc.__context__
    if cause is None:
        return False
    return isinstance(cause, requests.ConnectTimeout) or never_connected(cause)
