"""The words exactly as they will be posted, and how X counts them.

One place composes a post (tip text, crisis footer, link with UTM parameters, hashtags) so that
split, queue, plan, preview and the publishers all agree on the text and its weighted length.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

MAX_WEIGHTED_LENGTH = 280


def weighted_length(text: str) -> int:
    """X's weighted length (twitter-text v3: URLs count 23, CJK and emoji count 2)."""
    from twitter_text import parse_tweet

    return parse_tweet(unicodedata.normalize("NFC", text)).weightedLength


def link_with_utm(url: str | None, utm: dict, campaign: str) -> str | None:
    if not url:
        return None
    parts = urlsplit(url)
    query = dict(parse_qsl(parts.query, keep_blank_values=True))
    for key, value in utm.items():
        query.setdefault(f"utm_{key}", value)
    if utm:
        query.setdefault("utm_campaign", campaign)
    return urlunsplit(parts._replace(query=urlencode(query)))


def compose(text: str, *, link: str | None = None, hashtags=(), footer: str | None = None) -> str:
    """Tip text, then the crisis footer, then the link and the hashtags on the last line."""
    body = unicodedata.normalize("NFC", text.strip())
    blocks = [body]
    if footer:
        blocks.append(footer.strip())
    lower = body.lower()
    tail = [link] if link else []
    tail += [tag for tag in hashtags if tag.lower() not in lower]
    if tail:
        blocks.append(" ".join(tail))
    return "\n\n".join(blocks)


def compose_for(schedule, *, text: str, url: str | None, campaign: str, sensitive: bool,
                network: str = "x") -> str:
    """compose() with the schedule's link, hashtag and crisis-footer policy; utm source defaults to the network."""
    link = None
    if schedule is not None and schedule.link.mode == "in-post":
        utm = dict(schedule.link.utm)
        if utm and "source" not in utm:
            utm["source"] = network
        link = link_with_utm(url, utm, campaign)
    return compose(
        text,
        link=link,
        hashtags=schedule.hashtags if schedule is not None else (),
        footer=schedule.crisis_footer if (schedule is not None and sensitive) else None,
    )


@dataclass(frozen=True)
class Composed:
    text: str             # exactly as posted
    weighted_length: int  # as X counts it

    @property
    def fits(self) -> bool:
        return self.weighted_length <= MAX_WEIGHTED_LENGTH


def compose_tip(schedule, campaign, tip, text: str | None = None) -> Composed:
    """A campaign tip's post (or the post `text` would make in its place), and its length."""
    composed = compose_for(schedule, text=tip.text if text is None else text, url=campaign.url,
                           campaign=campaign.slug, sensitive=tip.sensitive)
    return Composed(composed, weighted_length(composed))
def length_on(network: str, text: str, state_dir=None) -> tuple[int, int, str]:
    """(length, limit, how it is counted) of a post's text on a network.

    X: weighted, 280. Mastodon: the instance's own limit as `check` last read it (500 until then),
    URLs 23, the rest in grapheme clusters. Bluesky: 300 graphemes of the text as shown (links shortened).
    """
    if network == "mastodon":
        from scheduler.publishers.mastodonaccess import (
            DEFAULT_MAX_CHARACTERS,
            InstanceLimits,
            mastodon_length,
            read_limits,
        )

        limits = read_limits(state_dir) if state_dir is not None else InstanceLimits()
        where = limits.domain or "Mastodon"
        return (mastodon_length(text, limits.url_length), limits.max_characters or DEFAULT_MAX_CHARACTERS,
                f"characters as {where} counts them")
    if network == "bluesky":
        from scheduler.publishers.blueskytext import MAX_GRAPHEMES, bluesky_length

        return bluesky_length(text), MAX_GRAPHEMES, "graphemes as Bluesky shows them"
    return weighted_length(text), MAX_WEIGHTED_LENGTH, "characters as X counts them"
