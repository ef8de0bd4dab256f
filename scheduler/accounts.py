"""Which accounts the tips go out on: schedule.yaml's `accounts:` list (or its single `account:`).

At most one account per network; each handle in its network's own form (the network says which:
scheduler.networks); each posts for real unless it says `publisher: outbox`. The single `account:`
means the first network (X), or the outbox.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from scheduler import networks
from scheduler.errors import did_you_mean
from scheduler.networks.base import NetworkKey
from scheduler.yamlio import Document, expect_mapping, reject_unknown_keys


@dataclass(frozen=True)
class Account:
    handle: str
    publisher: NetworkKey        # outbox, or the account's own network: which network's publisher posts for it
    network: NetworkKey          # the outbox rehearses posting to its network: the same account, the same queue

    @property
    def key(self) -> str:
        """The account's name in the store: its handle, whose form tells the networks apart."""
        return self.handle


WHERE_COUNTS_COME_FROM = ("the outbox sends nothing to a network, so no post has counts; name an X, Bluesky or "
                         "Mastodon account in posts/schedule.yaml (docs/networks.md) to have them")


def countable(accounts: Iterable[Account]) -> bool:
    """Whether any account's network keeps counts that collect can read (not when all post to the outbox)."""
    return any(networks.get(account.publisher).keeps_counts for account in accounts)


def parse_single(doc: Document, value: Any) -> Account:
    """The single `account:` (on the first network, or the outbox)."""
    at = ("account",)
    first = networks.first()
    value = expect_mapping(doc, at, value, "a mapping with handle: and publisher:")
    reject_unknown_keys(doc, at, value, ("handle", "publisher"))
    handle = _handle(doc, at, value, first)
    rehearsals = tuple(n.key for n in networks.every() if n.rehearsal)
    publisher = value.get("publisher", rehearsals[0])
    choices = rehearsals + (first,)
    if publisher not in choices:
        raise doc.error(at + ("publisher",), f"unknown publisher {doc.shown(at + ('publisher',), publisher)} (use one of: {', '.join(choices)})"
                        f"{did_you_mean(str(publisher), choices)}")
    return Account(handle=handle, publisher=networks.key(publisher), network=first)


def parse_list(doc: Document, value: Any) -> tuple[Account, ...]:
    """`accounts:`: one mapping per network, at most one per network."""
    if not isinstance(value, list) or not value:
        raise doc.error(("accounts",), "give a list of accounts, e.g. - {network: mastodon, handle: "
                                       "\"@junocounseling@mastodon.social\"}")
    known = networks.keys()
    accounts: list[Account] = []
    seen: dict[str, int] = {}
    for index, item in enumerate(value):
        at = ("accounts", index)
        item = expect_mapping(doc, at, item, "a mapping with network: and handle:")
        reject_unknown_keys(doc, at, item, ("network", "handle", "publisher"))
        network = item.get("network")
        if network not in known:
            raise doc.error(at + ("network",), f"unknown network {doc.shown(at + ('network',), network)} (use one of: {', '.join(known)})"
                            f"{did_you_mean(str(network), known)}")
        if network in seen:
            raise doc.error(at + ("network",), f"a second {network} account; at most one per network (the first "
                                               f"is accounts[{seen[network]}]): remove one")
        seen[network] = index
        key = networks.key(network)
        handle = _handle(doc, at, item, key)
        publisher = item.get("publisher", network)
        if publisher != network and not (publisher in networks.keys(rehearsals=True)
                                         and networks.get(publisher).rehearsal):
            raise doc.error(at + ("publisher",), f"publisher {publisher!r} cannot post to {network}; leave it out "
                                                 "to post for real, or write publisher: outbox to rehearse")
        accounts.append(Account(handle=handle, publisher=networks.key(publisher), network=key))
    return tuple(accounts)


def _handle(doc: Document, at: tuple, value: dict, network: NetworkKey) -> str:
    rules = networks.get(network)
    handle = value.get("handle")
    if not isinstance(handle, str) or not handle.strip():
        raise doc.error(at + ("handle",), f"give the account's handle, e.g. handle: {rules.example_handle}")
    handle = handle.strip()
    problem = rules.handle_problem(handle)
    if problem:
        raise doc.error(at + ("handle",), problem)
    return handle
