"""A score a manager can trust: one outcome per post at one age, shrunk toward the account's own average.

Each post's outcome is a count of successes out of trials:
- X gives impressions: engagements (likes, reposts, replies, quotes, bookmarks, link clicks where given)
  out of impressions.
- Bluesky and Mastodon give no impressions: a post's interactions (likes, reposts, replies, quotes,
  bookmarks where given) against the account's typical post at that age (the median, at least 1), as
  interactions out of interactions + typical. 0.5 is a typical post, 2/3 twice typical, 1/3 half.
One rule shrinks both: each post's successes are a Poisson count over its exposure (its impressions on X; one
post on Bluesky and Mastodon), and its rate has a Gamma prior fitted to the account's posts at that age by the
method of moments (empirical Bayes), each post weighed by its exposure, after taking out the spread that chance
alone gives; each post's estimate is its Gamma posterior mean, with an equal-tailed interval, so a post shrinks
toward the account's average as far as its own exposure is thin beside the prior's weight (2 likes from 3
impressions read as about the average, never as 67 %). The prior is never surer than the counts it was fitted
from (its weight is at most their exposure together): when posts differ no more than chance makes them, every
post's estimate is the account's average and its interval is what all the posts' counts together say of that
average. Fewer than MIN_POSTS posts fit no prior: the estimate is the post's own rate under a flat Beta prior and
the verdict says "not enough evidence yet" instead of ranking noise. Pure functions.
"""

from __future__ import annotations

import math
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

    @property
    def exposure(self) -> float:
        """What the count was gathered over: its impressions, or, with none to hold it against, the one post."""
        return 1.0 if self.counted else self.trials


@dataclass(frozen=True)
class Prior:
    alpha: float          # a Gamma prior on a post's rate per unit of exposure: shape alpha,
    beta: float           # rate beta (its weight, in impressions on X, in posts without impressions)
    posts: int
    pooled: bool = False  # the posts differ no more than chance makes them: one rate for all, known this well
    typical: float = 0.0  # > 0: interactions per post, shown against the typical post's

    @property
    def mean(self) -> float:
        if self.typical:
            return _against(self.alpha / self.beta, self.typical)
        return self.alpha / self.beta


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
    few: int | None = None  # X: the impressions, when fewer than the prior's weight (the estimate is mostly the average)

    def times_typical(self, value: float) -> float:
        """A value on the against-the-typical scale (p) as a multiple of the typical post: p / (1 − p)."""
        return value / (1 - value) if value < 1 else float("inf")

    def as_dict(self) -> dict:
        found = {"rate": round(self.rate, 6), "estimate": round(self.estimate, 6), "low": round(self.low, 6),
                 "high": round(self.high, 6), "posts": self.posts, "verdict": self.verdict}
        if self.typical:
            found["typical"] = round(self.typical, 6)
            found["times_typical"] = [round(self.times_typical(v), 4) for v in (self.estimate, self.low, self.high)]
        if self.few is not None:
            found["few_impressions"] = self.few
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
    """The account's Gamma prior on a post's rate per unit of exposure (an impression on X, a post on Bluesky and
    Mastodon), or None with fewer than MIN_POSTS posts.

    Mean: the pooled rate (successes over exposure). Weight (beta, in units of exposure): the one under which the
    posts' counts are likeliest (each a negative binomial: a Poisson count over its exposure, at a rate drawn
    from the prior), so each post speaks as loudly as its exposure lets it: 2 likes from 3 impressions are
    nearly as likely at any rate, and do not, as they did in a variance of rates, make the posts look as spread
    as no shrinkage takes back. The weight is never more than the posts' exposure together (a prior is no surer
    of the average than the counts it was fitted from); at that bound the posts differ no more than chance makes
    them, and the prior is what all their counts say of the one rate they share."""
    usable = [o for o in outcomes if o.trials > 0]
    if len(usable) < MIN_POSTS:
        return None
    exposure = sum(o.exposure for o in usable)
    successes = sum(o.successes for o in usable)
    mean = max(successes / exposure, 1e-6)
    weight = _likeliest_weight(usable, mean, exposure) if successes else exposure  # none yet: nothing tells them apart
    return Prior(mean * weight, weight, len(usable), weight >= exposure,
                 usable[0].typical if usable[0].counted else 0.0)


def _likeliest_weight(usable: Sequence[Outcome], mean: float, exposure: float) -> float:
    """The prior's weight (beta) that makes the posts' counts likeliest, with its mean held at `mean`; `exposure`
    when no lower weight is likelier (the posts differ no more than chance makes them)."""
    # lazy: numpy and scipy (0.2 s) load only when a score is asked for, never on queue's or run-due's way
    import numpy as np
    from scipy.optimize import minimize_scalar
    from scipy.special import gammaln

    counts = np.array([o.successes for o in usable], dtype=float)
    exposures = np.array([o.exposure for o in usable], dtype=float)

    def unlikely(log_weight: float) -> float:  # minus the log likelihood, less the terms that do not hold beta
        beta = math.exp(log_weight)
        alpha = mean * beta
        return -float(np.sum(gammaln(alpha + counts) - gammaln(alpha) + alpha * np.log(beta / (beta + exposures))
                             - counts * np.log(beta + exposures)))

    top = math.log(exposure)
    found = minimize_scalar(unlikely, bounds=(top - 20 * math.log(10), top), method="bounded",
                            options={"xatol": 1e-6})
    return exposure if unlikely(top) <= found.fun + 1e-9 else math.exp(found.x)


def _against(count: float, typical: float) -> float:
    """A count of interactions shown against the typical post's: count / (count + typical), 0.5 typical."""
    return count / (count + typical) if count + typical else 0.0


def score(outcomes: Sequence[Outcome], level: float = LEVEL) -> list[Score]:
    """Every post's shrunk estimate and interval against the prior fitted to all of them, in post order."""
    prior = fit_prior(outcomes)
    scores = []
    for o in sorted(outcomes, key=lambda o: o.post_id):
        if prior is not None:
            scores.append(_shrunk(o, prior, level))
            continue
        a, b = 1 + o.successes, 1 + o.trials - o.successes  # the post alone, under a flat prior
        low, high = beta_ppf((1 - level) / 2, a, b), beta_ppf((1 + level) / 2, a, b)
        scores.append(Score(o.post_id, o.rate, a / (a + b), low, high, len(outcomes), NOT_ENOUGH, o.typical))
    return scores


def _shrunk(o: Outcome, prior: Prior, level: float) -> Score:
    """A post's rate under the account's Gamma prior: Gamma(alpha + successes, beta + exposure), or, when posts
    differ no more than chance makes them, what all their counts say of the one rate they share (with Jeffreys'
    half count, so no counts at all still leave it unsure). On X a rate per impression (at most 1); without
    impressions a count, shown against the typical post."""
    shape, rate = (prior.alpha + 0.5, prior.beta) if prior.pooled else (prior.alpha + o.successes,
                                                                         prior.beta + o.exposure)
    values = (shape / rate, *(gamma_ppf(q, shape) / rate for q in ((1 - level) / 2, (1 + level) / 2)))
    estimate, low, high = (_against(v, prior.typical) if prior.typical else min(v, 1.0) for v in values)
    verdict = ("like the account's usual" if prior.pooled else "above the account's usual" if low > prior.mean
               else "below the account's usual" if high < prior.mean else "like the account's usual")
    few = not prior.pooled and not o.counted and o.exposure < prior.beta
    return Score(o.post_id, o.rate, estimate, low, high, prior.posts, verdict, o.typical,
                 int(o.trials) if few else None)


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
