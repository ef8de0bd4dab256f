"""Where posts go. One small base class (base.Publisher); one module per network."""

from __future__ import annotations

from scheduler.errors import ConfigError


def make_publisher(settings, name: str | None = None):
    """The configured publisher for this account (`outbox` unless schedule.yaml says `x`)."""
    name = name or settings.schedule.account.publisher
    if name == "outbox":
        from scheduler.publishers.outbox import OutboxPublisher

        return OutboxPublisher(settings.outbox_dir, handle=settings.schedule.account.handle)
    if name == "x":
        from scheduler.publishers.x import XPublisher

        return XPublisher.from_settings(settings)
    raise ConfigError(f"posts/schedule.yaml: unknown publisher {name!r}; use outbox or x")
