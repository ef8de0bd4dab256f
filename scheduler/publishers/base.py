"""The publisher interface: publish one post with its card; say what happened.

A publisher returns `Published` or raises `scheduler.errors.PublishError` whose `kind` tells the
runner what to do next: retry later, stop this account, or give up on this one post.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Outgoing:
    """One post, exactly as it will go out."""

    post_id: str
    text: str
    card: Path | None
    alt_text: str
    uncertain: bool = False  # an earlier attempt may have gone out; look before posting again


@dataclass(frozen=True)
class Published:
    remote_id: str
    url: str
    cost_usd: float = 0.0


class Publisher:
    name = "base"

    def publish(self, post: Outgoing) -> Published:
        raise NotImplementedError

    def find_existing(self, post: Outgoing) -> Published | None:
        """After an uncertain attempt: the post if the network has it, else None."""
        return None

    def close(self) -> None:
        pass
