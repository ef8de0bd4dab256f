"""The publisher interface: publish one post with its card; say what happened.

A publisher returns `Published` or raises `scheduler.errors.PublishError` whose `kind` tells the
runner what to do next: retry later, stop this account, or give up on this one post.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from scheduler.errors import PublishError

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Outgoing:
    """One post, exactly as it will go out."""

    post_id: str
    text: str
    card: Path | None
    alt_text: str
    uncertain: bool = False  # an earlier attempt may have gone out; look before posting again
    language: str | None = None  # BCP 47, e.g. "en"
    sensitive: bool = False  # the tip is flagged sensitive (Mastodon adds a content warning)
    attempt_key: str | None = None  # the key noted in the store before the call (Bluesky's record key)


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

    def attempt_key(self, post: Outgoing) -> str | None:
        """The key the post will be created under, where the network takes one from us; the runner
        notes it in the store before publish() is called."""
        return None

    def unpublish(self, remote_id: str) -> bool:
        """Delete a published post; False when it was already gone."""
        raise NotImplementedError(f"{self.name} cannot delete posts")

    def close(self) -> None:
        pass


class LooksBeforePosting(Publisher):
    """A network searched after an uncertain attempt: publish() first looks among the account's posts.

    Subclasses give verify_handle(), find_existing() (calling looked(post, found) with its result)
    and post(). A look that has just failed (the runner's own find_existing) is not repeated.
    """

    network = "the network"

    def __init__(self):
        self._looked_for: set[str] = set()  # uncertain posts find_existing just failed to find

    def verify_handle(self) -> None:
        pass

    def post(self, post: Outgoing) -> Published:
        raise NotImplementedError

    def looked(self, post: Outgoing, found: Published | None) -> Published | None:
        if found is None:
            self._looked_for.add(post.post_id)
        else:
            self._looked_for.discard(post.post_id)
        return found

    def publish(self, post: Outgoing) -> Published:
        try:
            self.verify_handle()
            just_looked = post.post_id in self._looked_for
            self._looked_for.discard(post.post_id)
            if post.uncertain and not just_looked:
                existing = self.find_existing(post)
                if existing is not None:
                    logger.info("post %s was already on %s as %s; recorded, not posted again", post.post_id,
                                self.network, existing.remote_id)
                    return existing
            return self.post(post)
        except PublishError as exc:
            if post.uncertain:
                exc.uncertain = True  # the earlier attempt is still unresolved
            raise


def read_card(card: Path) -> bytes:
    """The card's bytes; a missing or unreadable card is a PublishError for this post only."""
    from scheduler.fileio import (
        read_input,  # a regular file within the limit: never a pipe that hangs
    )

    return read_input(card, str(card), error=lambda message: PublishError(message, kind="permanent"), what="card",
                      missing_hint="the card is missing; run `juno-scheduler cards` and retry the post")
