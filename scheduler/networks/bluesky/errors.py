"""Bluesky's part of the one error table (networks.policy): the status, XRPC error name and message, and
rate limit reset of an atproto error; a session the server no longer takes is passing, a taken-down
account stops it, and what to do about an app password."""

from __future__ import annotations

from scheduler.errors import PublishError
from scheduler.networks.policy import (
    THEN_CHECK_AND_RESUME,
    Failure,
    Outcome,
    Remedies,
    error_for,
    never_connected,
    timed_out,
)

FIX_PASSWORD = ("create an app password at bsky.app (Settings > Privacy and security > App passwords), put it "
                "in BLUESKY_APP_PASSWORD (environment or .env) and check that BLUESKY_PDS_URL is the account's "
                f"server (unset means https://bsky.social), {THEN_CHECK_AND_RESUME}")
SESSION_ERRORS = ("ExpiredToken", "InvalidToken")
ACCOUNT_ERRORS = ("AccountTakedown", "AccountDeactivated", "AccountSuspended", "RepoTakendown",
                  "RepoDeactivated", "RepoSuspended")


def error_name(exc) -> tuple[str, str]:
    """(error, message) of an XRPC error answer: ('', '') when there is none."""
    response = getattr(exc, "response", None)
    content = getattr(response, "content", None)
    name = getattr(content, "error", None)
    message = getattr(content, "message", None)
    if isinstance(content, dict):
        name, message = content.get("error"), content.get("message")
    return str(name or ""), " ".join(str(message or "").split())[:300]


def status_of(exc) -> int | None:
    response = getattr(exc, "response", None)
    return getattr(response, "status_code", None)


def remedies(handle: str, pds_url: str) -> Remedies:
    fix = f"it is wrong, was revoked, or belongs to another account; {FIX_PASSWORD}"
    return Remedies(name="Bluesky", address=pds_url, address_name="BLUESKY_PDS_URL", credentials=fix,
                    secret=f"the app password for {handle}", permission=f"the app password for {handle} {fix[3:]}",
                    look_first="its record key tells before anything is posted again")


def classify(exc: Exception, *, action: str, handle: str, pds_url: str, posting: bool = False,
             zone=None) -> PublishError:
    """The PublishError for a failed atproto call (networks.policy decides). `posting` is True for createRecord."""
    return error_for(failure_of(exc, action=action, handle=handle), remedies(handle, pds_url), action=action,
                     posting=posting, zone=zone)


def failure_of(exc: Exception, *, action: str, handle: str) -> Failure:
    """What the atproto client said, for the one error table."""
    # lazy: httpx and atproto only once a session is open: building a Bluesky publisher loads neither
    import httpx
    from atproto_client import exceptions as ex

    if isinstance(exc, httpx.TransportError):  # atproto passes some through as they are (a dropped answer)
        wrapped = ex.NetworkError()
        wrapped.__cause__ = exc
        exc = wrapped
    if not isinstance(exc, ex.RequestErrorBase):
        raise exc
    status = status_of(exc)
    name, message = error_name(exc)
    detail = f"{name}: {message}" if message else name
    if isinstance(exc, ex.RateLimitExceededError) or status == 429:
        return Failure(429, reset=getattr(exc, "reset_at", None))
    if status is None:  # no answer: never connected, timed out, or the connection dropped
        cause = exc.__cause__ or exc.__context__
        return Failure(reached=not never_connected(cause), message=type(cause).__name__ if cause else "",
                       timed_out=isinstance(exc, ex.InvokeTimeoutError) or timed_out(exc))
    if name in SESSION_ERRORS:  # still refused after a new login
        return Failure(status, detail, outcome=Outcome.RETRY,
                       words=f"Bluesky did not take a fresh session while {action} ({detail}); will retry")
    if name in ACCOUNT_ERRORS:
        return Failure(status, detail, outcome=Outcome.STOP, words=(
            f"Bluesky says the account {handle} cannot post ({detail}); resolve it with Bluesky (or your PDS's "
            "operator) before posting resumes"))
    if name == "AuthenticationRequired":
        return Failure(401, detail)
    if name in ("PayloadTooLarge", "BlobTooLarge"):
        return Failure(413, detail)
    return Failure(status, detail)
