"""Alt text for a card, written from the card's own words: what a screen reader says instead of the image.

The words come first, so a follower who hears a feed of cards hears each tip at once, and the same description
of the card ("quote card, @junocounseling") comes last, where it can be skipped.
"""

from __future__ import annotations

import re
import unicodedata

from scheduler import networks

_ARTICLES = frozenset({"a", "an", "the"})
_APOSTROPHES = re.compile(r"['’ʼ]")


def kicker_repeats(kicker: str, headline: str) -> bool:
    """Whether the kicker says what the headline says, compared as a reader would: case, punctuation and the
    articles a, an, the aside, the same words, or the words of one inside the other ("Lower the Bar on Purpose"
    above "Lower the bar on purpose."). Such a kicker is left off the card and out of its alt text (one rule for
    both: render.shown_kicker and card_alt_text), so neither eye nor screen reader meets the words twice."""
    said, heard = _reader_words(kicker), _reader_words(headline)
    if not said or not heard:
        return False
    short, long = sorted((said, heard), key=len)
    return any(long[start:start + len(short)] == short for start in range(len(long) - len(short) + 1))


def _reader_words(text: str) -> tuple[str, ...]:
    """The words a reader hears: lower case, no punctuation ("they’re" is "theyre"), no articles."""
    text = _APOSTROPHES.sub("", unicodedata.normalize("NFKC", text).casefold())
    return tuple(word for word in re.findall(r"\w+", text) if word not in _ARTICLES)


def card_alt_text(headline: str, signed: str | None, kicker: str | None = None) -> str:
    """The card's words in quotation marks, a quotation inside them in single marks (“Set a ‘worry time’ …”), and
    `signed`, the account as the post's network writes it ("@junocounseling", "@junocounseling@mastodon.social").
    The kicker goes first, as on the card, unless it repeats the headline (kicker_repeats); its own full stop or
    colon is left off before the colon that joins it to the words ("Signs to look out for: …", not "for.: …")."""
    words = re.sub(r'(^|[\s(\[—–-])"', r"\1‘", " ".join(headline.split())).replace('"', "’")
    words = words.replace("“", "‘").replace("”", "’")
    quote = f"“{words}”"
    if kicker and kicker.strip() and not kicker_repeats(kicker, headline):
        quote = f"{kicker.strip().rstrip('.:;,').rstrip() or kicker.strip()}: {quote}"
    text = f"{quote} (quote card, {signed})" if signed else f"{quote} (quote card)"
    limit = networks.alt_text_limit()  # the fewest characters of alt text a network takes (X's 1,000)
    return text if limit is None or len(text) <= limit[0] else text[: limit[0] - 1].rstrip() + "…"
