"""Which handle each set of credentials belongs to, remembered in the database between runs, so that
a cron run does not ask the network again (networks.base.HandleCache)."""

from __future__ import annotations

from datetime import UTC, datetime

from scheduler.store import open_store


class StoreHandleCache:
    """fingerprint -> handle in the store's verified_handles table (never the secrets themselves).

    Each look-up opens the database and closes it again: a daemon keeps no idle connection for it.
    """

    def __init__(self, database_url: str, clock=lambda: datetime.now(UTC)):
        self._url = database_url
        self._clock = clock

    def get(self, fingerprint: str) -> str | None:
        with open_store(self._url) as store:
            return store.verified_handle(fingerprint)

    def put(self, fingerprint: str, handle: str) -> None:
        with open_store(self._url) as store:
            store.remember_handle(fingerprint, handle, self._clock())
