"""One publisher per account, each made by its network when its first post is due (no login when
nothing is), with the handles already verified remembered in the database."""

from __future__ import annotations

from scheduler import networks
from scheduler.networks.base import HandleCache, Publisher
from scheduler.store.handles import StoreHandleCache


class Publishers:
    def __init__(self, settings, given: dict[str, Publisher] | None = None, handles: HandleCache | None = None):
        self.settings = settings
        self.accounts = {a.network: a for a in settings.schedule.all_accounts}
        self._made = dict(given or {})
        self._handles = handles if handles is not None else StoreHandleCache(settings.database_url)

    def for_network(self, network: str) -> Publisher:
        if network not in self._made:
            account = self.accounts[network]
            self._made[network] = networks.get(account.publisher).publisher(self.settings, account, self._handles)
        return self._made[network]

    def unset(self, network: str) -> str | None:
        """What the account on `network` cannot post without, from the settings read now (None when its publisher
        was given, or it lacks nothing): asked before any of its posts is claimed, so none is tried."""
        if network in self._made:
            return None
        account = self.accounts[network]
        return networks.get(account.publisher).unset(self.settings, account)

    def was_unset(self, network: str, reason: str) -> bool:
        """Whether a stop recorded with `reason` was a setting not set (networks.base.Network.was_unset)."""
        account = self.accounts[network]
        return networks.get(account.network).was_unset(reason, account)

    def close(self) -> None:
        for publisher in self._made.values():
            publisher.close()
