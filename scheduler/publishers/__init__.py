"""Where posts go. One small base class (base.Publisher); one module per network."""

from __future__ import annotations

from scheduler.errors import ConfigError


def make_publisher(settings, name: str | None = None, *, account=None):
    """The publisher for `account` (by default schedule.yaml's single account: `outbox` unless it says `x`)."""
    account = account or settings.schedule.account
    name = name or account.publisher
    if name == "mastodon":
        from scheduler.publishers.mastodon import MastodonPublisher

        return MastodonPublisher.from_settings(settings, account.handle)
    if name == "bluesky":
        from scheduler.publishers.bluesky import BlueskyPublisher

        return BlueskyPublisher.from_settings(settings, account.handle)
    if name == "outbox":
        from scheduler.publishers.outbox import OutboxPublisher

        return OutboxPublisher(settings.outbox_dir, handle=account.handle)
    if name == "x":
        from scheduler.publishers.x import XPublisher

        return XPublisher.from_settings(settings)
    raise ConfigError(f"posts/schedule.yaml: unknown publisher {name!r}; use outbox, x, mastodon or bluesky")


class Publishers:
    """One publisher per account, each made when its first post is due (no login when nothing is)."""

    def __init__(self, settings, given=None):
        self.settings = settings
        self.accounts = {a.network: a for a in settings.schedule.accounts or (settings.schedule.account,)}
        self._made = dict(given or {})

    def for_network(self, network: str):
        if network not in self._made:
            self._made[network] = make_publisher(self.settings, account=self.accounts[network])
        return self._made[network]

    def close(self) -> None:
        for publisher in self._made.values():
            publisher.close()
