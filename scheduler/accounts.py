"""Which accounts the tips go out on: schedule.yaml's `accounts:` list (or its single `account:`).

At most one account per network; each handle in its network's own form (X `junocounseling`,
Bluesky `junocounseling.bsky.social`, Mastodon `@junocounseling@mastodon.social`); each posts
for real unless it says `publisher: outbox`. The single `account:` means X (or the outbox).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from scheduler.yamlio import Document

NETWORKS = ("x", "bluesky", "mastodon")
FIRST = "x"  # the network whose post keeps the tip's own id (queues made before `accounts:` existed)

_X_HANDLE = re.compile(r"^[A-Za-z0-9_]{1,15}$")


def handle_problem(network: str, handle: str) -> str | None:
    """What is wrong with `handle` as a handle on `network`, or None."""
    if network == "x":
        if handle.startswith("@"):
            return f"write the handle without the @: handle: {handle[1:]}"
        if not _X_HANDLE.match(handle):
            return f"{handle!r} is not an X handle (letters, digits and _, at most 15)"
        return None
    if network == "bluesky":
        from scheduler.publishers.blueskyaccess import handle_problem as bluesky_problem

        return bluesky_problem(handle)
    from scheduler.publishers.mastodonaccess import handle_problem as mastodon_problem

    return mastodon_problem(handle)


def post_id(tip_id: str, network: str) -> str:
    """A tip's post on a network: the tip's own id on X, `<id>@<network>` elsewhere."""
    return tip_id if network == FIRST else f"{tip_id}@{network}"


def network_of(given: str) -> tuple[str, str | None]:
    """("campaign/tip", "mastodon") for "campaign/tip@mastodon"; (given, None) without a known network."""
    base, at, network = given.rpartition("@")
    if at and base and network in NETWORKS:
        return base, network
    return given, None


def parse_single(doc: Document, value: Any):
    """The single `account:` (X or the outbox)."""
    from scheduler.config import PUBLISHERS, Account
    from scheduler.yamlio import did_you_mean, reject_unknown_keys

    at = ("account",)
    value = _mapping(doc, at, value, "a mapping with handle: and publisher:")
    reject_unknown_keys(doc, at, value, ("handle", "publisher"))
    handle = _handle(doc, at, value, "x", example="junocounseling")
    publisher = value.get("publisher", "outbox")
    if publisher not in PUBLISHERS:
        raise doc.error(at + ("publisher",), f"unknown publisher {publisher!r} (use one of: {', '.join(PUBLISHERS)})"
                        f"{did_you_mean(str(publisher), PUBLISHERS)}")
    return Account(handle=handle, publisher=publisher, network="x")


def parse_list(doc: Document, value: Any) -> tuple:
    """`accounts:`: one mapping per network, at most one per network."""
    from scheduler.config import Account
    from scheduler.yamlio import did_you_mean, reject_unknown_keys

    if not isinstance(value, list) or not value:
        raise doc.error(("accounts",), "give a list of accounts, e.g. - {network: mastodon, handle: "
                                       "\"@junocounseling@mastodon.social\"}")
    accounts: list = []
    seen: dict = {}
    for index, item in enumerate(value):
        at = ("accounts", index)
        item = _mapping(doc, at, item, "a mapping with network: and handle:")
        reject_unknown_keys(doc, at, item, ("network", "handle", "publisher"))
        network = item.get("network")
        if network not in NETWORKS:
            raise doc.error(at + ("network",), f"unknown network {network!r} (use one of: {', '.join(NETWORKS)})"
                            f"{did_you_mean(str(network), NETWORKS)}")
        if network in seen:
            raise doc.error(at + ("network",), f"a second {network} account; at most one per network (the first "
                                               f"is accounts[{seen[network]}]): remove one")
        seen[network] = index
        handle = _handle(doc, at, item, network, example={"x": "junocounseling",
                                                          "bluesky": "junocounseling.bsky.social",
                                                          "mastodon": '"@junocounseling@mastodon.social"'}[network])
        publisher = item.get("publisher", network)
        if publisher not in (network, "outbox"):
            raise doc.error(at + ("publisher",), f"publisher {publisher!r} cannot post to {network}; leave it out "
                                                 "to post for real, or write publisher: outbox to rehearse")
        accounts.append(Account(handle=handle, publisher=publisher, network=network))
    return tuple(accounts)


def _handle(doc: Document, at: tuple, value: dict, network: str, *, example: str) -> str:
    handle = value.get("handle")
    if not isinstance(handle, str) or not handle.strip():
        raise doc.error(at + ("handle",), f"give the account's handle, e.g. handle: {example}")
    handle = handle.strip()
    problem = handle_problem(network, handle)
    if problem:
        raise doc.error(at + ("handle",), problem)
    return handle


def _mapping(doc: Document, at: tuple, value: Any, what: str) -> dict:
    from scheduler.yamlio import kind_of

    if not isinstance(value, dict):
        raise doc.error(at, f"expected {what}, found {kind_of(value)}")
    return value
