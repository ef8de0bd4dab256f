"""The score by hand: the method of moments, the Beta posterior, its interval, and "not enough evidence yet"."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scheduler.metrics.score import (
    MIN_POSTS,
    NOT_ENOUGH,
    Outcome,
    beta_cdf,
    beta_ppf,
    engagement_outcome,
    fit_prior,
    interaction_outcomes,
    score,
)


def test_the_beta_distribution_matches_known_values():
    assert beta_cdf(0.3, 2, 5) == pytest.approx(0.579825, abs=1e-9)  # 1 - (1-x)^5 (1 + 5x) ... closed form
    assert beta_ppf(0.5, 2, 2) == pytest.approx(0.5, abs=1e-9)
    assert beta_ppf(0.05, 1, 1) == pytest.approx(0.05, abs=1e-9)  # uniform
    assert beta_ppf(0.9, 1, 3) == pytest.approx(1 - 0.1 ** (1 / 3), abs=1e-9)  # 1 - (1-x)^3 = 0.9


def test_the_prior_is_fitted_by_the_method_of_moments_less_chance():
    outcomes = [Outcome(f"p{i}", x, 100) for i, x in enumerate((10, 20, 30, 40, 50))]
    prior = fit_prior(outcomes)
    # pooled mean 0.3; rates' variance 0.025, chance 0.3*0.7/100 = 0.0021 -> between 0.0229;
    # alpha + beta = 0.21 / 0.0229 - 1 = 8.17031
    assert prior is not None and prior.posts == 5
    assert prior.mean == pytest.approx(0.3)
    assert prior.alpha + prior.beta == pytest.approx(0.21 / 0.0229 - 1, rel=1e-9)
    first = score(outcomes)[0]
    assert first.estimate == pytest.approx((0.3 * 8.170305676855895 + 10) / (8.170305676855895 + 100), rel=1e-9)
    assert first.low < first.estimate < first.high
    assert first.rate == 0.1 and first.estimate > 0.1  # shrunk toward 0.3
    assert [s.verdict for s in score(outcomes)] == [
        "below the account's usual", "below the account's usual", "like the account's usual",
        "above the account's usual", "above the account's usual"]


def test_posts_that_differ_only_by_chance_are_all_the_account_average():
    outcomes = [Outcome(f"p{i}", x, 1000) for i, x in enumerate((49, 50, 51, 50, 50, 49))]
    scores = score(outcomes)
    assert {round(s.estimate, 4) for s in scores} == {round(299.5 / 6001, 4)}  # their counts pooled, Jeffreys' half count each side
    assert {s.verdict for s in scores} == {"like the account's usual"}


def test_posts_that_differ_only_by_chance_are_as_sure_as_their_counts_together_and_no_surer():
    """A user trial: at 24 h every Mastodon post read 48.3% [48.2%–48.4%], 5 likes and 14 likes alike: an
    interval of almost no width, as if the account's average were known exactly from 30 small posts."""
    outcomes = [Outcome(f"p{i}", x, x + 12) for i, x in enumerate((6, 18, 11, 12, 14, 9, 13, 12))]
    successes, trials = sum(o.successes for o in outcomes), sum(o.trials for o in outcomes)
    a, b = successes + 0.5, trials - successes + 0.5  # their counts pooled, Jeffreys' half count each side
    scores = score(outcomes)
    assert {round(s.estimate, 9) for s in scores} == {round(a / (a + b), 9)}
    low, high = beta_ppf(0.05, a, b), beta_ppf(0.95, a, b)
    assert [(s.low, s.high) for s in scores] == [pytest.approx((low, high), rel=1e-9)] * len(outcomes)
    assert high - low > 0.1  # 8 posts of about 24 interactions and typical: the average to ±6 points


def test_four_posts_are_not_enough_evidence_to_rank():
    outcomes = [Outcome(f"p{i}", x, 100) for i, x in enumerate((1, 5, 30, 60))]
    assert fit_prior(outcomes) is None
    scores = score(outcomes)
    assert {s.verdict for s in scores} == {NOT_ENOUGH}
    assert {s.posts for s in scores} == {4}  # the posts found, as the text says them
    assert scores[0].estimate == pytest.approx(2 / 102)  # its own rate under a flat prior


def test_outcomes_per_network():
    x = engagement_outcome("a", {"impressions": 200, "likes": 5, "reposts": 1, "replies": 1, "quotes": 0,
                                 "bookmarks": 2, "link_clicks": 3})
    assert x == Outcome("a", 12, 200)
    assert engagement_outcome("a", {"impressions": None, "likes": 5}) is None
    counted = interaction_outcomes({"a": {"likes": 2, "reposts": 0, "replies": 0, "quotes": None},
                                    "b": {"likes": 4, "reposts": 2, "replies": 0},
                                    "c": {"likes": 10, "reposts": 2, "replies": 0}})
    assert counted == [Outcome("a", 2, 8, 6), Outcome("b", 6, 12, 6), Outcome("c", 12, 18, 6)]  # typical: the median, 6


def _mastodon(counts):
    return interaction_outcomes({f"p{i:02}": {"likes": n, "reposts": 0, "replies": 0} for i, n in enumerate(counts)})


def test_mastodon_posts_are_ranked_by_what_they_did_not_all_read_the_average():
    """A user trial: 43 Mastodon posts of 2 to 16 interactions all read 55.4% [52.0%–58.8%], so "best" and
    "worst" were picked by name. Counts that spread more than chance gives are told apart."""
    counts = (2, 3, 4, 4, 5, 5, 6, 6, 6, 7, 7, 8, 9, 10, 12, 16)
    scores = {s.post_id: s for s in score(_mastodon(counts))}
    prior = fit_prior(_mastodon(counts))
    assert prior is not None and not prior.pooled
    low, high = scores["p00"], scores[f"p{len(counts) - 1:02}"]
    assert low.estimate < prior.mean < high.estimate
    assert low.high < high.low  # 2 interactions and 16 are not the same post
    assert high.verdict == "above the account's usual" and low.verdict != high.verdict
    assert high.times_typical(high.estimate) > 1 > low.times_typical(low.estimate)


def test_mastodon_counts_that_differ_only_by_chance_share_the_average():
    scores = score(_mastodon((5, 6, 5, 7, 6, 5, 6, 7, 6, 5)))
    assert len({round(s.estimate, 9) for s in scores}) == 1
    assert {s.verdict for s in scores} == {"like the account's usual"}


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=60), min_size=MIN_POSTS, max_size=30))
def test_a_count_score_keeps_the_order_of_the_counts_and_shrinks_toward_the_average(counts):
    outcomes = _mastodon(counts)
    prior = fit_prior(outcomes)
    assert prior is not None
    scores = score(outcomes)
    by_count = sorted(zip(counts, sorted(scores, key=lambda s: s.post_id)), key=lambda pair: pair[0])
    estimates = [s.estimate for _, s in by_count]
    assert estimates == sorted(estimates) or max(estimates) - min(estimates) < 1e-9
    typical = outcomes[0].typical
    for n, s in by_count:
        own = n / (n + typical)
        assert min(own, prior.mean) - 1e-9 <= s.estimate <= max(own, prior.mean) + 1e-9 or prior.pooled
        assert s.low <= s.estimate <= s.high


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 80), st.integers(1, 2000)), min_size=MIN_POSTS, max_size=30))
def test_a_rate_score_keeps_its_estimate_inside_its_interval_and_between_own_rate_and_average(pairs):
    outcomes = [Outcome(f"p{i:02}", min(s, t), t) for i, (s, t) in enumerate(pairs)]
    prior = fit_prior(outcomes)
    assert prior is not None
    for o, s in zip(sorted(outcomes, key=lambda o: o.post_id), score(outcomes)):
        assert 0 <= s.low <= s.high <= 1
        if not prior.pooled:
            assert min(o.rate, prior.mean) - 1e-9 <= s.estimate <= max(o.rate, prior.mean) + 1e-9
