"""Mastodon's part of the one error table (networks.policy): the status, the instance's `error` message
and the rate limit's reset of a Mastodon.py error, and what to do about a token or its scopes."""

from __future__ import annotations

from datetime import UTC, datetime

from mastodon.errors import (
    MastodonAPIError,
    MastodonNetworkError,
    MastodonNotFoundError,
    MastodonRatelimitError,
    MastodonUnauthorizedError,
)

from scheduler.errors import PublishError
from scheduler.networks.mastodon.access import (
    BASE_NAME,
    HOW_TO_GET_A_TOKEN,
    SCOPES,
    TOKEN_NAME,
)
from scheduler.networks.policy import (
    THEN_CHECK_AND_RESUME,
    Failure,
    Outcome,
    Remedies,
    error_for,
    never_connected,
    timed_out,
)


def status_and_message(exc: BaseException) -> tuple[int | None, str]:
    """The HTTP status and the instance's `error` message of a Mastodon.py API error."""
    args: tuple = getattr(exc, "args", ())
    status = args[1] if len(args) > 1 and isinstance(args[1], int) else None
    message = args[3] if len(args) > 3 and args[3] else (args[2] if len(args) > 2 else "")
    return status, " ".join(str(message or "").split())[:300]


def remedies(api_base: str) -> Remedies:
    return Remedies(name="Mastodon", address=api_base, address_name=BASE_NAME,
                    secret="the access token",
                    credentials=f"it is wrong or was revoked; {HOW_TO_GET_A_TOKEN}, {THEN_CHECK_AND_RESUME}",
                    permission=(f"give the application the scopes {SCOPES} (a new token is needed after a change) "
                                f"and put it in {TOKEN_NAME}, or ask the instance's moderators"))


def classify(exc: Exception, *, action: str, handle: str, api_base: str, posting: bool = False,
             reset: float | None = None, zone=None) -> PublishError:
    """The PublishError for a failed Mastodon.py call. `reset` is Mastodon.py's ratelimit_reset (epoch)."""
    return error_for(failure_of(exc, action=action, reset=reset), remedies(api_base), action=action,
                     posting=posting, zone=zone)


def failure_of(exc: Exception, *, action: str, reset: float | None = None) -> Failure:
    """What Mastodon.py said, for the one error table."""
    if isinstance(exc, MastodonRatelimitError):
        return Failure(429, reset=datetime.fromtimestamp(reset, UTC) if reset else None)
    if isinstance(exc, MastodonNetworkError):  # Mastodon.py keeps the cause as __context__
        return Failure(reached=not never_connected(exc.__cause__ or exc.__context__), timed_out=timed_out(exc))
    if isinstance(exc, MastodonUnauthorizedError):
        return Failure(401, status_and_message(exc)[1])
    if isinstance(exc, MastodonNotFoundError):
        return Failure(404)
    if isinstance(exc, MastodonAPIError):
        status, message = status_and_message(exc)
        if status is None:  # an answer that is not JSON
            return Failure(outcome=Outcome.RETRY,
                           words=f"Mastodon answered {action} with something unreadable; will retry")
        return Failure(status, message)
    raise exc
