"""What a post costs: the link price whenever X will see a link, the media-metadata price for alt text."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from scheduler.networks.base import Outgoing
from scheduler.networks.x.costs import (
    DEFAULT_PRICES,
    estimate_cost,
    has_link,
    post_cost,
)

SUITE = yaml.safe_load((Path(__file__).parents[1] / "data" / "twitter-text" / "validate.yml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("text, linked", [
    ("Resistance isn’t indifference. Many people avoid counseling.", False),
    ("Read more: https://junocounseling.com/blog?utm_source=x", True),
    ("Read more at junocounseling.com", True),        # a bare domain is a link to X
    ("e.g. this, U.S. that, Mr.Smith", False),
    ("", False),
])
def test_has_link(text, linked):
    assert has_link(text) is linked


def test_prices_from_the_facts_file():
    assert estimate_cost("A tip.") == pytest.approx(0.015)
    assert estimate_cost("A tip. https://junocounseling.com/a") == pytest.approx(0.200)
    assert estimate_cost("A tip.", alt_text=True) == pytest.approx(0.020)
    assert estimate_cost("A tip. junocounseling.com", alt_text=True) == pytest.approx(0.205)
    assert estimate_cost("A tip. junocounseling.com") / estimate_cost("A tip.") == pytest.approx(13.3, abs=0.1)


def test_configured_prices_are_used():
    prices = {"post": 0.01, "post_with_link": 0.1, "media_metadata": 0.0}
    assert estimate_cost("x.com", prices, alt_text=True) == pytest.approx(0.1)


def test_alt_text_costs_only_with_a_card():
    assert post_cost(Outgoing("a", "A tip.", None, "alt")) == pytest.approx(DEFAULT_PRICES["post"])
    assert post_cost(Outgoing("a", "A tip.", Path("c.png"), "alt")) == pytest.approx(0.020)
    assert post_cost(Outgoing("a", "A tip.", Path("c.png"), "")) == pytest.approx(0.015)


def test_the_quick_answer_agrees_with_twitter_text_on_its_suite():
    from twitter_text import extract_urls

    for cases in SUITE["tests"].values():
        for case in cases:
            assert has_link(case["text"]) == bool(extract_urls(case["text"])), case["text"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(list("ab.-/:é☃ш 1_") + ["co", "com", "http://", "рф", "。", "xn--p1ai"]),
                max_size=20).map("".join))
def test_the_quick_answer_never_misses_a_link(text):
    from twitter_text import extract_urls

    assert has_link(text) == bool(extract_urls(text))
