"""Alt text for a card, written from the card's own words: what a screen reader says instead of the image.

The words come first, so a follower who hears a feed of cards hears each tip at once, and the same description
of the card ("quote card, @junocounseling") comes last, where it can be skipped.
"""

from __future__ import annotations

import re

from scheduler import networks


def card_alt_text(headline: str, signed: str | None, kicker: str | None = None) -> str:
    """The card's words in quotation marks, a quotation inside them in single marks (“Set a ‘worry time’ …”), and
    `signed`, the account as the post's network writes it ("@junocounseling", "@junocounseling@mastodon.social")."""
    words = re.sub(r'(^|[\s(\[—–-])"', r"\1‘", " ".join(headline.split())).replace('"', "’")
    words = words.replace("“", "‘").replace("”", "’")
    quote = f"“{words}”"
    if kicker:
        quote = f"{kicker.strip()}: {quote}"
    text = f"{quote} (quote card, {signed})" if signed else f"{quote} (quote card)"
    limit = networks.alt_text_limit()  # the fewest characters of alt text a network takes (X's 1,000)
    return text if limit is None or len(text) <= limit[0] else text[: limit[0] - 1].rstrip() + "…"
