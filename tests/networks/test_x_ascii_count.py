"""X counts a text without emoji (ASCII, curly quotes, dashes, accents) without twitter-text's emoji search: the
same length."""

from __future__ import annotations

import random
import unicodedata
from pathlib import Path

from twitter_text import parse_tweet
from twitter_text.regexp.emoji import emoji_list, single_codepoint_emoji_ranges

from scheduler.networks.x import weighted_length

REPO = Path(__file__).resolve().parents[2]
FRAME = "\n\nIf you are in crisis, call or text 988.\n\nhttps://example.org/a?utm_source=x&utm_medium=social #Tag"


def _texts() -> list[str]:
    articles = sorted((REPO / "tests" / "data" / "articles").rglob("*")) + sorted((REPO / "posts" / "articles").glob("*"))
    found = []
    for path in articles:
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            found += text.splitlines() + [text[start:start + 280] for start in range(0, len(text), 97)]
    pieces = list("abc .:/-_#@?&=()[]\r\n0123456789wW") + ["http://", "https://", "www.", ".com", ".org", ".co", "t.co/"]
    rng = random.Random(22)
    found += ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 40))) for _ in range(2000)]
    found += ["a\r\nb\rc", "1️⃣ keycap", "#️⃣ # * 0", "mail me@example.com #tag @user", "(https://example.org/x)"]
    unusual = list("“”‘’—–…•éüñçÀ日本語é©®™‼⁉↔↩⌚☎✔❤⭐\u200d\ufe0f\u20e3") + ["😷", "🙋🏽", "👨‍🎤", "🇫🇷", "1\ufe0f\u20e3"]
    found += ["".join(rng.choice(pieces + unusual) for _ in range(rng.randint(0, 40))) for _ in range(2000)]
    return found


def test_a_text_without_emoji_counts_as_twitter_text_counts_it():
    texts = [text for plain in _texts() for text in (plain, "A " + plain + FRAME)]
    assert sum(unicodedata.normalize("NFC", text).isascii() for text in texts) > 2000
    assert [weighted_length(text) for text in texts] == [
        parse_tweet(unicodedata.normalize("NFC", text)).weightedLength for text in texts]


def test_every_emoji_twitter_text_knows_holds_a_character_outside_ascii():
    assert all(start >= 128 for start, _ in single_codepoint_emoji_ranges)
    assert all(any(int(code, 16) >= 128 for code in entry.codepoint.split()) for entry in emoji_list)
