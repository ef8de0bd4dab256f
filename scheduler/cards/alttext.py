"""Alt text for a card, written from the card's own words: what a screen reader says instead of the image."""

from __future__ import annotations

MAX_ALT_TEXT = 1000  # X's limit for media alt text


def card_alt_text(headline: str, handle: str, kicker: str | None = None) -> str:
    words = " ".join(headline.split())
    parts = [f"Quote card from @{handle}."]
    if kicker:
        parts.append(f"Above the quote: {kicker.strip()}.")
    parts.append(f"It reads: “{words}”")
    text = " ".join(parts)
    return text if len(text) <= MAX_ALT_TEXT else text[: MAX_ALT_TEXT - 1].rstrip() + "…"
