"""Recycling best-first (pure functions): where each tip stands among the account's posts at one age, and the
words that say so ("in the top quarter of this account's posts on x at 72 h, 14 posts behind it").

A tip's standing is its post's shrunk estimate (score.py) placed among every post of the account on that
network at that age: the share of them with a lower estimate (ties count half). A tip posted on several networks
stands where its posts are told apart (not where every post reads the average), then where the most posts are
behind the account's average; a tip that went out several times stands by its
latest round that has counts. A tip without counts at that age, or on a network with too few posts to fit the
account's average ("not enough evidence yet"), stands in the middle (0.5), as an average post would: it is
neither pushed ahead nor held back on noise.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from scheduler.metrics.score import NOT_ENOUGH, fit_prior, outcomes_at, score
from scheduler.results import counted

if TYPE_CHECKING:
    from scheduler.store.snapshots import Snapshot

QUARTERS = ("top quarter", "second quarter", "third quarter", "bottom quarter")
BELOW = "below the account's usual"
NO_COUNTS = "no counts yet"
MIDDLE = 0.5


def age_shown(age: str) -> str:
    """"72h" -> "72 h", "7d" -> "7 d"."""
    return f"{age[:-1]} {age[-1]}"


@dataclass(frozen=True)
class Standing:
    age: str
    network: str | None = None
    share_below: float = MIDDLE  # the share of the account's other posts there with a lower estimate
    posts: int = 0               # the posts behind the account's average (or found, when too few)
    verdict: str = NO_COUNTS     # score.py's verdict, NOT_ENOUGH or NO_COUNTS
    round: int = 0
    apart: bool = False          # the account's posts there differ more than chance makes them (ranked, not tied)

    @property
    def scored(self) -> bool:
        return self.verdict not in (NOT_ENOUGH, NO_COUNTS)

    @property
    def poor(self) -> bool:
        """Did poorly: its interval lies below the account's average."""
        return self.verdict == BELOW

    @property
    def quarter(self) -> str | None:
        if not self.scored:
            return None
        return QUARTERS[0 if self.share_below >= 0.75 else 1 if self.share_below >= 0.5 else
                        2 if self.share_below >= 0.25 else 3]

    def why(self) -> str:
        at = age_shown(self.age)
        if self.scored:
            said = f"in the {self.quarter} of this account's posts on {self.network} at {at}, {counted(self.posts, 'post')} behind it"
            return said + (f"; {BELOW}" if self.poor else "")
        if self.verdict == NOT_ENOUGH:
            return (f"not enough evidence yet ({counted(self.posts, 'post')} on {self.network} at {at}): "
                    "placed as an average post")
        return f"no counts at {at} yet: placed as an average post"


def standings(snapshots: Sequence[Snapshot], tip_of: Mapping[str, tuple[str, int]], age: str) -> dict[str, Standing]:
    """Each tip's standing at `age` (tips without a snapshot then are left out: Standing(age) is theirs).
    `tip_of`: post id -> (tip key, round)."""
    by_network: dict[str, list[Snapshot]] = defaultdict(list)
    for snapshot in snapshots:
        if snapshot.age == age and snapshot.post_id in tip_of:
            by_network[snapshot.network].append(snapshot)
    found: dict[str, list[Standing]] = defaultdict(list)
    for network, taken in sorted(by_network.items()):
        outcomes = outcomes_at(network, taken)
        prior = fit_prior(outcomes)
        if prior is None:
            for snapshot in taken:
                key, round_ = tip_of[snapshot.post_id]
                found[key].append(Standing(age, network, MIDDLE, len(outcomes), NOT_ENOUGH, round_))
            continue
        scores = score(outcomes)
        estimates = sorted(s.estimate for s in scores)
        others = max(len(estimates) - 1, 1)
        for s in scores:
            lower = bisect.bisect_left(estimates, s.estimate)
            ties = bisect.bisect_right(estimates, s.estimate) - lower - 1
            key, round_ = tip_of[s.post_id]
            found[key].append(Standing(age, network, (lower + ties / 2) / others, prior.posts, s.verdict, round_,
                                       not prior.pooled))
    return {key: max(options, key=lambda o: (o.scored, o.apart, o.round, o.posts, o.network or ""))
            for key, options in found.items()}
