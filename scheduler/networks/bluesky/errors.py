"""Every failure of a Bluesky call, turned into a PublishError that says what happens next and what to fix.

Like X's table (xerrors): 429 (with the ratelimit-* headers) defers the post until the reset, on this
account only; a refused app password or a taken-down account stops the account; 5xx, timeouts and
dropped connections are retried, and a lost answer to createRecord is uncertain (the record key
then tells whether it went out); a record the server rejects (validation) is permanent for that post.
"""

from __future__ import annotations

from scheduler.errors import PublishError

FIX_PASSWORD = ("create an app password at bsky.app (Settings > Privacy and security > App passwords), put it "
                "in BLUESKY_APP_PASSWORD (environment or .env) and check that BLUESKY_PDS_URL is the account's "
                "server (unset means https://bsky.social), then run `juno-scheduler check`")
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


def classify(exc: Exception, *, action: str, handle: str, pds_url: str, posting: bool = False,
             zone=None) -> PublishError:
    """The PublishError for a failed atproto call. `posting` is True for createRecord only."""
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
    detail = f"{name}: {message}" if message else name or str(status)
    if isinstance(exc, ex.RateLimitExceededError) or status == 429:
        reset = getattr(exc, "reset_at", None)
        from scheduler.networks.x.errors import _shown

        when = f"; posting to Bluesky resumes at {_shown(reset, zone)}" if reset else "; will retry later"
        return PublishError(f"Bluesky rate limit reached while {action} (429){when}", kind="retry",
                            retry_at=reset)
    if status is None:  # no answer: never connected, timed out, or the connection dropped
        cause = exc.__cause__ or exc.__context__
        if _never_connected(cause):
            return PublishError(f"the Bluesky server {pds_url} could not be reached while {action} "
                                f"({type(cause).__name__}); will retry", kind="retry")
        what = "no answer in time" if isinstance(exc, ex.InvokeTimeoutError) else "the connection dropped"
        if posting:
            return PublishError(f"Bluesky gave no answer to the post ({what}); it may have gone out: its "
                                "record key tells before anything is posted again", kind="retry", uncertain=True)
        return PublishError(f"Bluesky gave no answer while {action} ({what}); will retry", kind="retry")
    if status >= 500 or status in (408, 409, 425):
        if posting:
            return PublishError(f"Bluesky answered {status} to the post; it may have gone out: its record key "
                                "tells before anything is posted again", kind="retry", uncertain=True)
        return PublishError(f"Bluesky answered {status} while {action} ({detail}); will retry", kind="retry")
    if name in SESSION_ERRORS:  # still refused after a new login
        return PublishError(f"Bluesky did not take a fresh session while {action} ({detail}); will retry",
                            kind="retry", uncertain=posting)
    if name in ACCOUNT_ERRORS:
        return PublishError(f"Bluesky says the account {handle} cannot post ({detail}); resolve it with "
                            "Bluesky (or your PDS's operator) before posting resumes", kind="stop")
    if status in (401, 403) or name == "AuthenticationRequired":
        return PublishError(f"Bluesky refused the app password for {handle} ({status} {detail}) while {action}: it is "
                            "wrong, was revoked, or belongs to another account; "
                            f"{FIX_PASSWORD}", kind="stop")
    if status == 413 or name in ("PayloadTooLarge", "BlobTooLarge"):
        return PublishError(f"Bluesky refused the card as too large while {action} ({detail}); render it "
                            "smaller with `juno-scheduler cards`", kind="permanent")
    return PublishError(f"Bluesky refused {action} ({status} {detail}); this post cannot go out as it is",
                        kind="permanent")


def _never_connected(cause) -> bool:
    import httpx

    return isinstance(cause, (httpx.ConnectError, httpx.ConnectTimeout))
