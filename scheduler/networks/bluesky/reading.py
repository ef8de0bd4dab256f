"""Reading Bluesky's counts: app.bsky.feed.getPosts, up to 25 post URIs a call, in the publisher's one session.

The PDS keeps no counts; it passes app.bsky.* calls to the account's AppView, which counts likes, reposts,
replies and quotes as the whole network knows them (Bluesky has no impressions). Reading is free. A post the
AppView no longer has (deleted, or not yet indexed) is left out and read again at its next age.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from scheduler.networks.base import Counts, Reader, Reading, ToRead

BATCH = 25  # getPosts takes at most 25 URIs


class BlueskyReader(Reader):
    def __init__(self, publisher):
        self.publisher = publisher  # a BlueskyPublisher: its one session (logins are limited), its error table

    def read(self, posts: Sequence[ToRead], now: datetime, others: Sequence[str] = ()) -> Reading:
        reading = Reading()
        uris = [p.remote_id for p in posts]
        for start in range(0, len(uris), BATCH):
            views = self.publisher.post_views(uris[start:start + BATCH])
            reading.calls += 1
            for view in views:
                reading.counts[str(view.uri)] = counts_of(view)
        for uri in uris:  # left out: deleted (its record is not found), or not yet indexed (read at its next age)
            if uri not in reading.counts and not self.publisher.record_exists(uri):
                reading.gone.append(uri)
        reading.billed = list(reading.counts)
        return reading

    def close(self) -> None:
        self.publisher.close()


def counts_of(view) -> Counts:
    """Counts only from an app.bsky.feed.defs#postView: never its author or record."""
    def number(value) -> int | None:
        return value if isinstance(value, int) and not isinstance(value, bool) else None

    return Counts(likes=number(view.like_count), reposts=number(view.repost_count),
                  replies=number(view.reply_count), quotes=number(view.quote_count))
