"""A score a manager can trust: one outcome per post at one age, shrunk toward the account's own average.

Each post's outcome is a count of successes out of trials:
- X gives impressions: engagements (likes, reposts, replies, quotes, bookmarks, link clicks where given)
  out of impressions.
- Bluesky and Mastodon give no impressions: a post's interactions (likes, reposts, replies, quotes,
  bookmarks where given) against the account's typical post at that age (the median, at least 1), as
  interactions out of interactions + typical. 0.5 is a typical post, 2/3 twice typical, 1/3 half.
A Beta prior is fitted to the account's posts at that age by the method of moments (empirical Bayes),
after taking out the spread that chance alone gives; each post's estimate is its Beta posterior mean,
with an equal-tailed interval. The prior is never surer than the counts it was fitted from (its weight is
at most their trials together): when posts differ no more than chance makes them, every post's estimate
is the account's average and its interval is what all the posts' counts together say of that average. Fewer than MIN_POSTS posts fit no prior: the estimate is the post's own
rate and the verdict says "not enough evidence yet" instead of ranking noise. Pure functions.
"""

from __future__ import annotations

import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from scheduler.store.snapshots import Snapshot

MIN_POSTS = 5            # posts at one age on one network before the account's prior means anything
LEVEL = 0.9              # the interval holds 90 % of the posterior
NOT_ENOUGH = "not enough evidence yet"
ENGAGEMENTS = ("likes", "reposts", "replies", "quotes", "bookmarks", "link_clicks")
INTERACTIONS = ("likes", "reposts", "replies", "quotes", "bookmarks")


@dataclass(frozen=True)
class Outcome:
    post_id: str
    successes: float
    trials: float
    typical: float = 0.0  # interactions against the typical post (no impressions): the typical post's count

    @property
    def counted(self) -> bool:
        """Interactions with no impressions to hold them against: a count, not successes out of trials."""
        return self.typical > 0

    @property
    def rate(self) -> float:
        return self.successes / self.trials if self.trials else 0.0


@dataclass(frozen=True)
class Prior:
    alpha: float
    beta: float
    posts: int
    pooled: bool = False  # the posts differ no more than chance makes them: one rate for all, known this well
    typical: float = 0.0  # > 0: a Gamma prior on interactions per post (shape alpha, rate beta), shown against it

    @property
    def mean(self) -> float:
        if self.typical:
            return _against(self.alpha / self.beta, self.typical)
        return self.alpha / (self.alpha + self.beta)


@dataclass(frozen=True)
class Score:
    post_id: str
    rate: float          # the post's own rate
    estimate: float      # shrunk toward the account's average
    low: float
    high: float
    posts: int           # the account's posts behind the prior (or found at that age, when too few to fit one)
    verdict: str         # "above the account's usual" | "below ..." | "like ..." | NOT_ENOUGH
    typical: float = 0.0  # > 0: interactions against the typical post, which had this many

    def times_typical(self, value: float) -> float:
        """A value on the against-the-typical scale (p) as a multiple of the typical post: p / (1 − p)."""
        return value / (1 - value) if value < 1 else float("inf")

    def as_dict(self) -> dict:
        found = {"rate": round(self.rate, 6), "estimate": round(self.estimate, 6), "low": round(self.low, 6),
                 "high": round(self.high, 6), "posts": self.posts, "verdict": self.verdict}
        if self.typical:
            found["typical"] = round(self.typical, 6)
            found["times_typical"] = [round(self.times_typical(v), 4) for v in (self.estimate, self.low, self.high)]
        return found


def _total(counts: Mapping[str, int | None], names: Sequence[str]) -> int:
    return sum(int(counts.get(name) or 0) for name in names)


def engagement_outcome(post_id: str, counts: Mapping[str, int | None]) -> Outcome | None:
    """X: engagements out of impressions; None without impressions."""
    impressions = counts.get("impressions")
    if not impressions:
        return None
    return Outcome(post_id, min(_total(counts, ENGAGEMENTS), impressions), impressions)


def interaction_outcomes(counts_by_post: Mapping[str, Mapping[str, int | None]]) -> list[Outcome]:
    """Bluesky, Mastodon: each post's interactions against the account's typical post (the median, at least 1)."""
    totals = {post_id: _total(counts, INTERACTIONS) for post_id, counts in counts_by_post.items()}
    if not totals:
        return []
    typical = max(statistics.median(totals.values()), 1)
    return [Outcome(post_id, total, total + typical, typical) for post_id, total in sorted(totals.items())]


def outcomes_at(network: str, snapshots: Sequence[Snapshot]) -> list[Outcome]:
    """One outcome per post at one age: engagements out of impressions where the network gives impressions,
    else interactions against the account's typical post. (`network`: whose snapshots they are.)"""
    with_impressions = [o for s in snapshots if (o := engagement_outcome(s.post_id, s.numbers())) is not None]
    if with_impressions or any(s.numbers().get("impressions") is not None for s in snapshots):
        return with_impressions  # a post nobody has seen yet has no rate ("no reads yet"), and the rest keep theirs
    return interaction_outcomes({s.post_id: s.numbers() for s in snapshots})


def fit_prior(outcomes: Sequence[Outcome]) -> Prior | None:
    """The account's Beta prior by the method of moments, or None with fewer than MIN_POSTS posts.

    Mean: the pooled rate. Spread: the posts' rates' variance less what binomial chance alone gives
    (mean × (1 − mean) / trials, averaged); none left means the posts differ only by chance, and the prior is
    then what all their counts say of the one rate they share. Its weight (alpha + beta) is never more than
    the posts' trials together: a prior is no surer of the average than the counts it was fitted from."""
    usable = [o for o in outcomes if o.trials > 0]
    if len(usable) < MIN_POSTS:
        return None
    if all(o.counted for o in usable):
        return _fit_counts(usable)
    trials = sum(o.trials for o in usable)
    mean = sum(o.successes for o in usable) / trials
    mean = min(max(mean, 1e-6), 1 - 1e-6)
    observed = statistics.variance([o.rate for o in usable])
    chance = statistics.fmean(mean * (1 - mean) / o.trials for o in usable)
    between = observed - chance
    pooled = between <= 0 or mean * (1 - mean) / between - 1 >= trials
    if pooled:  # what all the posts' counts together say of the one rate they share
        successes = sum(o.successes for o in usable)
        return Prior(successes, trials - successes, len(usable), True)
    concentration = max(mean * (1 - mean) / between - 1, 1e-3)
    return Prior(mean * concentration, (1 - mean) * concentration, len(usable), pooled)


def _fit_counts(usable: Sequence[Outcome]) -> Prior:
    """Interactions per post with no impressions: a Gamma prior on each post's Poisson rate, by the method of
    moments (mean: the posts' mean count; spread: their variance less the mean, which chance alone gives a
    Poisson count). Its weight (beta, in posts) is never more than the posts themselves."""
    counts = [o.successes for o in usable]
    mean = max(statistics.fmean(counts), 1e-6)
    between = statistics.variance(counts) - mean
    weight = len(usable) if between <= 0 else mean / between
    pooled = between <= 0 or weight >= len(usable)
    weight = min(weight, len(usable))
    return Prior(mean * weight, weight, len(usable), pooled, usable[0].typical)


def _against(count: float, typical: float) -> float:
    """A count of interactions shown against the typical post's: count / (count + typical), 0.5 typical."""
    return count / (count + typical) if count + typical else 0.0


def score(outcomes: Sequence[Outcome], level: float = LEVEL) -> list[Score]:
    """Every post's shrunk estimate and interval against the prior fitted to all of them, in post order."""
    prior = fit_prior(outcomes)
    scores = []
    for o in sorted(outcomes, key=lambda o: o.post_id):
        if prior is not None and prior.typical:
            scores.append(_score_count(o, prior, level))
            continue
        if prior is None:
            a, b = 1 + o.successes, 1 + o.trials - o.successes  # the post alone, under a flat prior
        elif prior.pooled:  # one rate for every post: the post's own counts are already in it (Jeffreys' half
            a, b = prior.alpha + 0.5, prior.beta + 0.5  # count each side, so no counts at all still leave it unsure)
        else:
            a, b = prior.alpha + o.successes, prior.beta + o.trials - o.successes
        low, high = beta_ppf((1 - level) / 2, a, b), beta_ppf((1 + level) / 2, a, b)
        if prior is None:
            verdict = NOT_ENOUGH
        elif prior.pooled:
            verdict = "like the account's usual"
        elif low > prior.mean:
            verdict = "above the account's usual"
        elif high < prior.mean:
            verdict = "below the account's usual"
        else:
            verdict = "like the account's usual"
        scores.append(Score(o.post_id, o.rate, a / (a + b), low, high, prior.posts if prior else len(outcomes),
                            verdict, o.typical))
    return scores


def _score_count(o: Outcome, prior: Prior, level: float) -> Score:
    """A post's interactions under the account's Gamma prior: Gamma(alpha + count, beta + 1), or, when posts
    differ no more than chance makes them, what all their counts say of the one rate they share."""
    shape, rate = (prior.alpha + 0.5, prior.beta) if prior.pooled else (prior.alpha + o.successes, prior.beta + 1)
    low, high = (gamma_ppf(q, shape) / rate for q in ((1 - level) / 2, (1 + level) / 2))
    typical = prior.typical
    estimate, low, high = (_against(v, typical) for v in (shape / rate, low, high))
    verdict = ("like the account's usual" if prior.pooled else "above the account's usual" if low > prior.mean
               else "below the account's usual" if high < prior.mean else "like the account's usual")
    return Score(o.post_id, o.rate, estimate, low, high, prior.posts, verdict, typical)


def gamma_ppf(q: float, shape: float) -> float:
    """The q-quantile of Gamma(shape, rate 1)."""
    # lazy: scipy (0.2 s) loads only when a score is asked for, never on queue's or run-due's way
    from scipy.special import gammaincinv

    return float(gammaincinv(max(shape, 1e-9), q))


def beta_cdf(x: float, a: float, b: float) -> float:
    """The regularized incomplete beta function I_x(a, b): Beta(a, b)'s cumulative probability at x."""
    # lazy: scipy (0.2 s) loads only when a score is asked for, never on queue's or run-due's way
    from scipy.special import betainc

    return float(betainc(a, b, min(max(x, 0.0), 1.0)))


def beta_ppf(q: float, a: float, b: float) -> float:
    """The q-quantile of Beta(a, b)."""
    # lazy: scipy (0.2 s) loads only when a score is asked for, never on queue's or run-due's way
    from scipy.special import betaincinv

    return float(betaincinv(a, b, q))
