"""Reading X's counts: the account's own timeline, GET /2/users/:id/tweets, signed as the user.

X bills each post a timeline returns (budget.prices.owned_read), so only the posts wanted are asked for:
the wanted posts, sorted by id, are cut into runs with none of the account's other juno posts between
them, and each run is one window since_id = first - 1, until_id = last + 1 (a post made by hand inside a
window is returned and billed too). public_metrics always; non_public_metrics (link clicks) and
organic_metrics only in a window whose posts are all under 30 days old, since X refuses them for older posts.
A wanted post its window leaves out (deleted on x.com, say) is asked for alone, GET /2/tweets/:id: billed if X
returns it, and gone (Reading.gone) when X says it cannot find it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from scheduler.errors import PublishError
from scheduler.networks.base import Counts, Reader, Reading, ToRead

PRIVATE_WINDOW = timedelta(days=30)
PAGE = 100  # the most a timeline page holds


class XReader(Reader):
    def __init__(self, publisher, price: float):
        self.publisher = publisher  # an XPublisher: its signed session, its handle check
        self.cost_each = price

    def read(self, posts: Sequence[ToRead], now: datetime, others: Sequence[str] = ()) -> Reading:
        reading = Reading(cost_each=self.cost_each)
        for run, private in windows(posts, others, now):
            fields = ["created_at", "public_metrics"] + (["non_public_metrics", "organic_metrics"] if private else [])
            token = None
            while True:
                answer = self.publisher.own_posts(
                    since_id=str(int(run[0]) - 1), until_id=str(int(run[-1]) + 1), max_results=PAGE,
                    tweet_fields=fields, pagination_token=token)
                reading.calls += 1
                for tweet in answer.get("data") or []:
                    remote_id = str(tweet.get("id"))
                    reading.billed.append(remote_id)
                    reading.counts[remote_id] = counts_of(tweet)
                token = (answer.get("meta") or {}).get("next_token")
                if not token:
                    break
        young = {p.remote_id: now - p.posted_at < PRIVATE_WINDOW for p in posts}
        for remote_id in [p.remote_id for p in posts if p.remote_id not in reading.counts]:
            # not in its window: deleted on x.com, or hidden; asked for alone, where X says which
            fields = ["created_at", "public_metrics"] + (["non_public_metrics", "organic_metrics"]
                                                         if young[remote_id] else [])
            tweet = self.publisher.one_post(remote_id, fields)
            reading.calls += 1
            if tweet is None:
                reading.gone.append(remote_id)
                continue
            reading.billed.append(remote_id)
            reading.counts[remote_id] = counts_of(tweet)
        return reading

    def close(self) -> None:
        self.publisher.close()


def windows(posts: Sequence[ToRead], others: Sequence[str], now: datetime) -> list[tuple[list[str], bool]]:
    """The runs of wanted ids (ascending) with no other own post between them, each with whether all of its
    posts are young enough for the non-public metrics."""
    young = {p.remote_id: now - p.posted_at < PRIVATE_WINDOW for p in posts}
    every = sorted({*(p.remote_id for p in posts), *others}, key=int)
    runs: list[tuple[list[str], bool]] = []
    current: list[str] = []
    for remote_id in every:
        if remote_id in young and (not current or young[current[0]] == young[remote_id]):
            current.append(remote_id)
            continue
        if current:
            runs.append((current, young[current[0]]))
        current = [remote_id] if remote_id in young else []
    if current:
        runs.append((current, young[current[0]]))
    return runs


def counts_of(tweet: dict) -> Counts:
    """Counts only from a timeline post: public_metrics, and link clicks from non_public_metrics where given."""
    public = tweet.get("public_metrics")
    if not isinstance(public, dict):
        raise PublishError("X answered GET /2/users/:id/tweets without public_metrics; will retry", kind="retry")
    private = tweet.get("non_public_metrics") or {}
    organic = tweet.get("organic_metrics") or {}

    def number(value) -> int | None:
        return int(value) if isinstance(value, int) and not isinstance(value, bool) else None

    return Counts(impressions=number(public.get("impression_count", private.get("impression_count"))),
                  likes=number(public.get("like_count")), reposts=number(public.get("retweet_count")),
                  replies=number(public.get("reply_count")), quotes=number(public.get("quote_count")),
                  bookmarks=number(public.get("bookmark_count")),
                  link_clicks=number(private.get("url_link_clicks", organic.get("url_link_clicks"))))
