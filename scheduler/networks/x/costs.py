"""What a post costs on X's pay-per-use plan, from the prices in posts/schedule.yaml (budget.prices).

A post whose text contains a URL (as X finds them: a bare domain counts) costs `post_with_link`,
about 13 times `post`; setting a card's alt text costs `media_metadata` on top.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

# Published pay-per-use prices (../shared/x-api/README.md); schedule.yaml may override them.
# owned_read: reading one of the account's own posts (billed per post returned; X's "Posts: Read" price).
DEFAULT_PRICES = {"post": 0.015, "post_with_link": 0.200, "media_metadata": 0.005, "owned_read": 0.005}

# Every link twitter-text finds has a dot followed by at least two letters of its TLD. Text without
# such a dot has no link, and run-due need not import twitter-text (about a second) to know it.
_MAYBE_LINK = re.compile(r"[^\s.]\.[^\W\d_]{2}")


def has_link(text: str) -> bool:
    """True when X will see a link in `text` (twitter-text's rules: a bare domain counts)."""
    if not _MAYBE_LINK.search(text):
        return False
    # lazy: twitter-text (about a second) only for a text that may hold a link; cron's fast path loads this module
    from twitter_text import extract_urls

    return bool(extract_urls(text))


def estimate_cost(text: str, prices: Mapping[str, float] = DEFAULT_PRICES, *, alt_text: bool = False) -> float:
    """The price of one post in US dollars; alt_text=True when a card with alt text goes up with it."""
    cost = prices["post_with_link"] if has_link(text) else prices["post"]
    if alt_text:
        cost += prices["media_metadata"]
    return round(cost, 6)


def post_cost(post, prices: Mapping[str, float] = DEFAULT_PRICES) -> float:
    """estimate_cost for a publishers.base.Outgoing."""
    return estimate_cost(post.text, prices, alt_text=bool(post.card is not None and post.alt_text))
