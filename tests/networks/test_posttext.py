"""Weighted length by X's rules, checked against twitter-text's own conformance suite.

tests/data/twitter-text/ holds validate.yml and v3.json from github.com/twitter/twitter-text
(Apache-2.0, LICENSE beside them). WeightedTweetsWithDiscountedEmojiCounterTest is the v3 rule
set X applies today (an emoji sequence counts 2); WeightedTweetsCounterTest is the v2 rule set,
which counted each code point of an emoji.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
import yaml

from scheduler.networks.x import MAX_WEIGHTED_LENGTH, weighted_length
from scheduler.posttext import compose

DATA = Path(__file__).parents[1] / "data" / "twitter-text"
SUITE = yaml.safe_load((DATA / "validate.yml").read_text(encoding="utf-8"))["tests"]
V3 = SUITE["WeightedTweetsWithDiscountedEmojiCounterTest"]
V2 = SUITE["WeightedTweetsCounterTest"]


def _has_emoji(text: str) -> bool:
    from twitter_text import extract_emojis_with_indices

    return bool(extract_emojis_with_indices(text))


@pytest.mark.parametrize("case", V3, ids=[c["description"] for c in V3])
def test_weighted_length_passes_the_v3_suite(case):
    assert weighted_length(case["text"]) == case["expected"]["weightedLength"]
    assert (weighted_length(case["text"]) <= MAX_WEIGHTED_LENGTH) == case["expected"]["valid"]


@pytest.mark.parametrize("case", V2, ids=[c["description"] for c in V2])
def test_the_v2_suite_passes_with_v2_rules_and_v3_only_counts_emoji_less(case):
    from twitter_text import parse_tweet
    from twitter_text.config import config

    expected = case["expected"]["weightedLength"]
    v2_rules = {**config["version2"], "emoji_parsing_enabled": False}
    assert parse_tweet(case["text"], v2_rules).weightedLength == expected
    if _has_emoji(case["text"]):
        assert weighted_length(case["text"]) <= expected
    else:
        assert weighted_length(case["text"]) == expected


def test_the_library_uses_the_v3_configuration_we_ship():
    from twitter_text.config import config

    shipped = json.loads((DATA / "v3.json").read_text(encoding="utf-8"))
    library = config["version3"]
    assert library["max_weighted_tweet_length"] == shipped["maxWeightedTweetLength"] == MAX_WEIGHTED_LENGTH
    assert library["transformed_url_length"] == shipped["transformedURLLength"]
    assert library["emoji_parsing_enabled"] is shipped["emojiParsingEnabled"] is True
    assert library["ranges"] == shipped["ranges"]


@pytest.mark.parametrize("text, length", [
    ("Hi", 2),
    ("see https://junocounseling.com/blog/what-to-do-when-one-partner-wants-counseling?utm_source=x", 27),
    ("see junocounseling.com", 27),           # a bare domain is a link too
    ("wait…", 6),                             # … (U+2026) is outside the light ranges: 2
    ("“quoted” – dash", 15),                  # curly quotes and the en dash count 1
    ("夫婦", 4),                               # CJK counts 2
    ("👩‍❤️‍👨", 2),                             # one emoji sequence counts 2
])
def test_x_rules_in_words_a_user_writes(text, length):
    assert weighted_length(text) == length


def test_text_is_counted_after_nfc_normalisation():
    decomposed = unicodedata.normalize("NFD", "café " * 3)
    assert weighted_length(decomposed) == weighted_length("café " * 3) == 15


def test_the_280_boundary():
    assert weighted_length("x" * 280) == 280
    assert weighted_length("x" * 279 + "…") == 281


def test_a_link_in_a_composed_post_counts_23_whatever_its_length():
    short = compose("A tip.", link="https://junocounseling.com/a")
    long = compose("A tip.", link="https://junocounseling.com/" + "a" * 200 + "?utm_source=x&utm_medium=social")
    assert weighted_length(short) == weighted_length(long) == len("A tip.\n\n") + 23


def _golden_texts() -> list[str]:
    golden = Path(__file__).parents[1] / "golden" / "tips"
    texts = []
    for path in sorted(golden.glob("*.yaml")):
        for tip in yaml.safe_load(path.read_text(encoding="utf-8"))["tips"]:
            texts += [tip["headline"], tip["text"], compose(tip["text"], link="https://junocounseling.com/blog/a")]
    return texts


@pytest.mark.parametrize("text", [
    "Breathe. Then answer.",                       # full stops that end sentences: no link
    "Stop... then breathe.",
    "Read more at junocounseling.com today.",       # a bare domain mid-sentence
    "Read more at junocounseling.com.",             # and one that ends the sentence
    "See e.g. the guide.",                          # an abbreviation: searched, no link found
    "About 9.4% of children.",
    "Visit https://x.com/junocounseling. It helps.",
    "Write to hello@junocounseling.com.",
    "First line.\r\nwww.example.org\rlast line.",
])
def test_prose_and_links_count_as_twitter_text_counts_them(text):
    from twitter_text import parse_tweet

    assert weighted_length(text) == parse_tweet(unicodedata.normalize("NFC", text)).weightedLength


def test_every_golden_tip_counts_as_twitter_text_counts_it():
    from twitter_text import parse_tweet

    texts = _golden_texts()
    assert len(texts) > 500
    wrong = [text for text in texts if weighted_length(text) != parse_tweet(unicodedata.normalize("NFC", text)).weightedLength]
    assert wrong == []
