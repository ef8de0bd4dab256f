"""Where posts go: one module (or small package) per network behind one interface (base.Network),
and this registry. Nothing outside this package names a network; it asks the registry.

Adding a network: write its module (a Network subclass and its publisher), then add one line below.
"""

from __future__ import annotations

from collections.abc import Iterator

from scheduler.errors import ConfigError
from scheduler.networks import bluesky, mastodon, outbox, x
from scheduler.networks.base import AccessProblem, Network, NetworkKey

_REGISTRY: dict[str, Network] = {}


def register(network: Network) -> Network:
    """Make `network` known to every command (its key must be new)."""
    if network.key in _REGISTRY:
        raise ValueError(f"a network {network.key!r} is already registered")
    _REGISTRY[network.key] = network
    return network


def unregister(key: str) -> None:
    _REGISTRY.pop(key, None)


register(x.NETWORK)
register(bluesky.NETWORK)
register(mastodon.NETWORK)
register(outbox.NETWORK)


def get(key: str) -> Network:
    """The network called `key`; a ConfigError naming the known ones when there is none."""
    try:
        return _REGISTRY[key]
    except KeyError:
        raise ConfigError(f"unknown network {key!r}; known: {', '.join(keys(rehearsals=True))}") from None


def key(value: str) -> NetworkKey:
    """`value` as a NetworkKey, checked against the registry."""
    return get(value).key


def keys(*, rehearsals: bool = False) -> tuple[NetworkKey, ...]:
    """Every network an account can be on (and with `rehearsals`, the outbox too), in registry order."""
    return tuple(n.key for n in _REGISTRY.values() if rehearsals or not n.rehearsal)


def every(*, rehearsals: bool = True) -> Iterator[Network]:
    return (n for n in _REGISTRY.values() if rehearsals or not n.rehearsal)


def first() -> NetworkKey:
    """The network whose post keeps the tip's own id (X: queues made before `accounts:` existed)."""
    return next((n.key for n in _REGISTRY.values() if n.keeps_tip_id), keys()[0])


def rehearsal() -> NetworkKey:
    """The stand-in any account may post to instead (`publisher: outbox`)."""
    return next(n.key for n in _REGISTRY.values() if n.rehearsal)


def rehearsed(remote_id: str) -> bool:
    """Whether a posted post went to a stand-in (the outbox) rather than to its network: a project that rehearsed
    with `publisher: outbox` keeps those posts under the network's name after it switches to the network."""
    return any(n.wrote(remote_id) for n in _REGISTRY.values() if n.rehearsal)


def post_id(tip_id: str, network: str) -> str:
    """A tip's post on a network: the tip's own id on the first network, `<id>@<network>` elsewhere."""
    return tip_id if get(network).keeps_tip_id else f"{tip_id}@{network}"


def network_of(given: str) -> tuple[str, NetworkKey | None]:
    """("campaign/tip", "mastodon") for "campaign/tip@mastodon"; (given, None) without a known network."""
    base, at, name = given.rpartition("@")
    if at and base and name in _REGISTRY and not _REGISTRY[name].rehearsal:
        return base, _REGISTRY[name].key
    return given, None


def shown(network: str, handle: str) -> str:
    """An account in a sentence: "@junocounseling", "junocounseling.bsky.social on bluesky"."""
    known = _REGISTRY.get(network)
    return known.shown(handle) if known is not None else f"{handle} on {network}"


def alt_text_limit() -> tuple[int, str] | None:
    """The most characters of alt text every network takes, and the network that takes the fewest ((1000, "X")): a
    card's alt text goes to whichever network a practice posts to, now or once it adds one. None: no limit known."""
    known = [(n.alt_text_most, n.name) for n in _REGISTRY.values() if n.alt_text_most is not None]
    return min(known) if known else None


def alt_text_problem(alt_text: str | None) -> str | None:
    """What is wrong with a person's alt text for a card (too long for a network), or None."""
    limit = alt_text_limit()
    if not alt_text or limit is None or len(alt_text) <= limit[0]:
        return None
    return (f"the alt text has {len(alt_text):,} characters; {limit[1]} takes at most {limit[0]:,}: shorten it "
            "(the post would fail there after its card was uploaded)")


def card_sizes(accounts) -> tuple[str, ...]:
    """The card sizes `accounts`' networks show best, each once, in the accounts' order."""
    return tuple(dict.fromkeys(get(a.network).card_size for a in accounts))


def written(network: str, handle: str) -> str:
    """A handle as people write it on its network: "@junocounseling", "junocounseling.bsky.social"."""
    known = _REGISTRY.get(network)
    return known.written(handle) if known is not None else handle


def signature(schedule, network: str) -> str | None:
    """The practice's account on `network` as its post names it ("@junocounseling@mastodon.social" on Mastodon,
    "@junocounseling" on X); None when the project has no account there."""
    account = schedule.account_for(network)
    return written(network, account.handle) if account is not None else None


def secret_names() -> tuple[str, ...]:
    """Every secret of every network: masked wherever a message might repeat one."""
    return tuple(name for n in _REGISTRY.values() for name in n.secret_names)


def env_names() -> tuple[str, ...]:
    return tuple(name for n in _REGISTRY.values() for name in n.env_names)


def default_prices() -> dict[str, float]:
    """budget.prices as the networks publish them."""
    return {name: price for n in _REGISTRY.values() for name, price in n.prices.items()}


def read_access(environ) -> dict[str, object]:
    """Each network's secrets and addresses from the environment: {key: access} for those set, and an
    AccessProblem for those set in a way that cannot be right."""
    found: dict[str, object] = {}
    for network in _REGISTRY.values():
        try:
            access = network.read_access(environ)
        except ConfigError as exc:  # that network's account stops and says why; the others go on
            access = AccessProblem(str(exc))
        if access is not None:
            found[network.key] = access
    return found
