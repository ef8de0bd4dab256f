"""The score by hand: the method of moments, the Beta posterior, its interval, and "not enough evidence yet"."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.special import gammaln

from scheduler.metrics.score import (
    MIN_POSTS,
    NOT_ENOUGH,
    Outcome,
    beta_cdf,
    beta_ppf,
    engagement_outcome,
    fit_prior,
    gamma_ppf,
    interaction_outcomes,
    score,
)


def test_the_beta_distribution_matches_known_values():
    assert beta_cdf(0.3, 2, 5) == pytest.approx(0.579825, abs=1e-9)  # 1 - (1-x)^5 (1 + 5x) ... closed form
    assert beta_ppf(0.5, 2, 2) == pytest.approx(0.5, abs=1e-9)
    assert beta_ppf(0.05, 1, 1) == pytest.approx(0.05, abs=1e-9)  # uniform
    assert beta_ppf(0.9, 1, 3) == pytest.approx(1 - 0.1 ** (1 / 3), abs=1e-9)  # 1 - (1-x)^3 = 0.9


def _likelihood(outcomes, beta: float, mean: float) -> float:
    """The posts' counts' log likelihood under a Gamma prior of this weight and mean (negative binomials, less
    the terms that do not hold the prior)."""
    alpha = mean * beta
    return sum(gammaln(alpha + o.successes) - gammaln(alpha) + alpha * math.log(beta / (beta + o.exposure))
               - o.successes * math.log(beta + o.exposure) for o in outcomes)


def test_the_prior_is_the_likeliest_gamma_with_the_pooled_mean():
    outcomes = [Outcome(f"p{i}", x, 100) for i, x in enumerate((10, 20, 30, 40, 50))]
    prior = fit_prior(outcomes)
    assert prior is not None and prior.posts == 5 and not prior.pooled
    assert prior.mean == pytest.approx(0.3)
    best = _likelihood(outcomes, prior.beta, 0.3)
    assert best > _likelihood(outcomes, prior.beta * 0.9, 0.3) and best > _likelihood(outcomes, prior.beta * 1.1, 0.3)
    first = score(outcomes)[0]
    assert first.estimate == pytest.approx((0.3 * prior.beta + 10) / (prior.beta + 100), rel=1e-9)
    assert first.low < first.estimate < first.high
    assert first.rate == 0.1 and first.estimate > 0.1  # shrunk toward 0.3
    assert [s.verdict for s in score(outcomes)] == [  # 40 of 100 is within a Poisson count's chance of 30 %
        "below the account's usual", "below the account's usual", "like the account's usual",
        "like the account's usual", "above the account's usual"]


def test_a_post_with_few_impressions_cannot_lead_on_luck():
    """A user trial: 2 engagements from 3 impressions topped Best at 66.7 %, above 100 from 2,500: a spread of rates
    that counted each post once read the 3 impressions as proof that posts differ wildly, and shrank nothing."""
    counts = {"few": (2, 3), "b": (40, 2000), "c": (20, 1500), "d": (54, 1800), "e": (18, 1200), "f": (100, 2500),
              "g": (15, 1000), "h": (66, 2200)}
    scores = {s.post_id: s for s in score([Outcome(k, x, n) for k, (x, n) in counts.items()])}
    ranked = sorted(scores, key=lambda k: -scores[k].estimate)
    assert ranked[0] == "f" and scores["f"].verdict == "above the account's usual"
    few = scores["few"]
    assert few.estimate < scores["f"].estimate and few.verdict == "like the account's usual"
    assert few.few == 3 and few.as_dict()["few_impressions"] == 3  # said: its figure rests on 3 impressions
    assert {k for k, s in scores.items() if s.few is not None} == {"few"}


def test_posts_that_differ_only_by_chance_are_all_the_account_average():
    outcomes = [Outcome(f"p{i}", x, 1000) for i, x in enumerate((49, 50, 51, 50, 50, 49))]
    scores = score(outcomes)
    assert {round(s.estimate, 4) for s in scores} == {round(299.5 / 6000, 4)}  # their counts pooled, Jeffreys' half count
    assert {s.verdict for s in scores} == {"like the account's usual"}


def test_posts_that_differ_only_by_chance_are_as_sure_as_their_counts_together_and_no_surer():
    """A user trial: at 24 h every Mastodon post read 48.3% [48.2%–48.4%], 5 likes and 14 likes alike: an
    interval of almost no width, as if the account's average were known exactly from 30 small posts."""
    outcomes = [Outcome(f"p{i}", x, x + 12) for i, x in enumerate((6, 18, 11, 12, 14, 9, 13, 12))]
    successes, trials = sum(o.successes for o in outcomes), sum(o.trials for o in outcomes)
    shape = successes + 0.5  # their counts pooled over all their trials, Jeffreys' half count
    scores = score(outcomes)
    assert {round(s.estimate, 9) for s in scores} == {round(shape / trials, 9)}
    low, high = gamma_ppf(0.05, shape) / trials, gamma_ppf(0.95, shape) / trials
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
    assert low.estimate < high.low and high.estimate > low.high  # 2 interactions and 16 are not the same post
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
