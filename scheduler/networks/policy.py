"""What a failed call to a network means, written once for every network.

Each network only reads its library's error into a `Failure` (the HTTP status, the reset time of a
rate limit, the network's own message, whether the request ever left) and says, in `Remedies`, what a
person should do about its credentials and permissions. This table decides the rest:

| the answer                                  | the post                                   | the account      |
|---------------------------------------------|--------------------------------------------|------------------|
| 429                                         | retried at the reset time                  | waits until then |
| none: the network could not be reached      | retried with backoff                       | -                |
| none: timed out or the connection dropped   | retried; the post itself is looked for first (uncertain) | -  |
| 5xx, 408, 409, 425                          | retried; the post itself is looked for first (uncertain) | -  |
| 401                                         | waits                                      | stopped: the credentials |
| 402                                         | waits                                      | stopped: payment |
| 403                                         | waits                                      | stopped: the permissions |
| 404                                         | waits                                      | stopped: the address |
| 413                                         | dead: too large                            | -                |
| 400, 422 and any other answer               | dead, with the network's message           | -                |

A network may read more into an answer than its status says (X's 403 for a duplicate post is about that
post alone; Bluesky's expired session is passing): it then gives the outcome itself, with its words.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, tzinfo
from enum import StrEnum
from urllib.parse import urlsplit

from scheduler.errors import PublishError, PublishErrorKind


class Outcome(StrEnum):
    RETRY = "retry"        # a passing trouble: try again later (at `reset` when the network says when)
    STOP = "stop"          # the account cannot post until a person fixes something
    DEAD = "permanent"     # this post can never go out as it is


# How long any call to a network may go unanswered (seconds), on every network: a server that accepts and never
# answers costs a run this long per call, not minutes (a user trial: 98 s, three 30 s reads of one unanswered
# call), so cron's run-due ends within its minute. A call that is not answered in time is not tried again in the
# same run: the post waits for the next run, as any passing trouble does. CONNECT_WITHIN_S: to make the connection.
ANSWER_WITHIN_S = 10.0
CONNECT_WITHIN_S = 5.0

# What a person does once credentials or permissions are fixed, said alike by run-due, status and check: check
# proves the fix, resume lifts the stop (a stopped account posts nothing until then)
THEN_CHECK_AND_RESUME = "then run `juno-scheduler check` and `juno-scheduler resume`"
THEN_CHECK = "then run `juno-scheduler check`"  # where nothing was paused (collect): check proves the fix

_KIND: dict[Outcome, PublishErrorKind] = {Outcome.RETRY: "retry", Outcome.STOP: "stop", Outcome.DEAD: "permanent"}


@dataclass(frozen=True)
class Failure:
    """What a network's library said about a failed call, as the network read it."""

    status: int | None = None        # the HTTP status; None when no answer came
    message: str = ""                # the network's own words, on one line
    reset: datetime | None = None    # when a rate limit ends, if the network said
    reached: bool = True             # False: the request never left (refused, no such host): never uncertain
    timed_out: bool = False          # no answer in time (rather than a dropped connection)
    outcome: Outcome | None = None   # the network's own reading, where the status alone would mislead
    words: str = ""                  # with `outcome`: the whole sentence to show
    host: str = ""                   # the host really called, when it was not reached (a gateway, the DNS name)


@dataclass(frozen=True)
class Remedies:
    """What a network tells a person to do, for the rows of the table that need one."""

    name: str                        # "X", "Mastodon"
    address: str                     # where it calls: for "could not be reached" and 404
    credentials: str                 # on 401: how to get credentials that work
    permission: str                  # on 403: what the account or the app must be allowed
    secret: str = "the credentials"  # what a person calls them there: "the access token", "the app password"
    payment: str = "settle the account's payment with the network, then `juno-scheduler resume`"
    look_first: str = "look for it before posting again"  # how an uncertain post is found again
    address_name: str = ""           # the setting that holds the address, if a person sets it


def error_for(failure: Failure, remedies: Remedies, *, action: str, posting: bool = False,
              zone: tzinfo | None = None) -> PublishError:
    """The PublishError for `failure`: what happens to the post and the account, and what to fix.
    `posting` is True for the call that creates the post (a lost answer to it may mean it went out)."""
    name, status, said = remedies.name, failure.status, failure.message
    if failure.outcome is not None:
        return PublishError(failure.words or f"{name} refused {action} ({said})", kind=_KIND[failure.outcome],
                            uncertain=posting and failure.outcome == Outcome.RETRY and failure.reached)
    if status == 429:
        which = f" ({said})" if said else ""
        when = (f"; posting to {name} resumes at {shown_time(failure.reset, zone)}" if failure.reset
                else "; will retry later")
        return PublishError(f"{name} rate limit reached while {action}{which}{when}", kind="retry",
                            retry_at=failure.reset)
    if status is None:
        if not failure.reached:
            return PublishError(f"{name} at {failure.host or remedies.address} could not be reached while {action}"
                                f"{f' ({said})' if said else ''}; will retry", kind="retry")
        what = f"no answer within {ANSWER_WITHIN_S:g} s" if failure.timed_out else "the connection dropped"
        if posting:
            return PublishError(f"{name} gave no answer to the post ({what}); it may have gone out: "
                                f"{remedies.look_first}", kind="retry", uncertain=True)
        return PublishError(f"{name} gave no answer while {action} ({what}); will retry", kind="retry")
    if status >= 500 or status in (408, 409, 425):
        if posting:
            return PublishError(f"{name} answered {status} to the post; it may have gone out: {remedies.look_first}",
                                kind="retry", uncertain=True)
        return PublishError(f"{name} answered {status} while {action}{f' ({said})' if said else ''}; will retry",
                            kind="retry")
    if status == 401:
        return PublishError(f"{name} refused {remedies.secret} (401{f': {said}' if said else ''}) while {action}: "
                            f"{remedies.credentials}", kind="stop")
    if status == 402:
        return PublishError(f"{name} asks for payment (402{f': {said}' if said else ''}) while {action}; "
                            f"{remedies.payment}", kind="stop")
    if status == 403:
        return PublishError(f"{name} refused {action} (403: {said or 'forbidden'}); {remedies.permission}",
                            kind="stop")
    if status == 404:
        setting = f"{remedies.address_name}={remedies.address}" if remedies.address_name else remedies.address
        return PublishError(f"{setting} answered 404 while {action}: is it the address of {name}? Fix it, then run "
                            "`juno-scheduler check`", kind="stop")
    if status == 413:
        return PublishError(f"{name} refused the card as too large while {action} ({said or 413}); render it "
                            "smaller with `juno-scheduler cards`", kind="permanent")
    return PublishError(f"{name} refused {action} ({status}: {said or 'no message'}); this post cannot go out "
                        "there as it is", kind="permanent")


def shown_time(moment: datetime | None, zone: tzinfo | None) -> str:
    """A moment as a person reads it: in the practice's zone when known, else UTC."""
    if moment is None:
        return "later"
    if zone is None:
        return f"{moment:%Y-%m-%d %H:%M} UTC"
    local = moment.astimezone(zone)
    return f"{local:%Y-%m-%d %H:%M} {local.tzname()}"


def host_called(exc: BaseException) -> str:
    """The host (and port) a failed requests or httpx call went to: "" when the error does not say."""
    request = getattr(exc, "request", None)
    try:
        return urlsplit(str(request.url)).netloc if request is not None else ""
    except (AttributeError, RuntimeError, ValueError):  # httpx raises RuntimeError for a request not set
        return ""


def checked(exc: PublishError) -> str:
    """What `check` says of a failed call: its words without "; will retry" (check tries once; it retries nothing)."""
    return str(exc).removesuffix("; will retry").removesuffix("; will retry later")


def timed_out(exc: BaseException | None) -> bool:
    """True when a call went unanswered for its time (requests, urllib3 or httpx, anywhere in the chain: a
    read timeout comes wrapped in a ConnectionError once urllib3's retries are spent)."""
    return any("Timeout" in type(current).__name__ or isinstance(current, TimeoutError) for current in _chain(exc))


def _chain(exc: BaseException | None) -> Iterator[BaseException]:
    """The exception and those it wraps, each once: its reason, an exception among its args, its cause or context."""
    seen: set[int] = set()
    current = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        reason = getattr(current, "reason", None)
        if isinstance(reason, BaseException):
            current = reason
            continue
        args = getattr(current, "args", ())
        nested = next((a for a in args if isinstance(a, BaseException)), None)
        current = nested or current.__cause__ or current.__context__


def never_connected(exc: BaseException | None) -> bool:
    """True when the connection was never made, so the request cannot have reached the network
    (urllib3's NewConnectionError or NameResolutionError, or httpx's ConnectError, anywhere in the chain)."""
    return any(type(current).__name__ in ("NewConnectionError", "NameResolutionError", "ConnectError", "ConnectTimeout")
               for current in _chain(exc))
