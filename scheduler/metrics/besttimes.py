"""Best times, honestly (pure functions): coarse slots, each slot's rate shrunk toward the account's average with
an interval, and a suggestion only when one slot is clearly ahead.

- A slot is a weekday and a part of the day in the practice's zone: morning (before 11:00), midday (11:00 to
  15:59), evening (16:00 on). Coarse on purpose: a few hundred posts cannot tell 08:30 from 09:00.
- Each post's own rate at one age (score.py's outcome: X engagements over impressions; Bluesky and Mastodon
  interactions against the typical post) is weighed by its trials, so an 18-impression post weighs 18 and a
  1,000-impression one 1,000: a slot's rate is its posts' counts pooled, and the slots' average is the
  account's average the score uses.
- Slot rates are shrunk toward the account's average (normal empirical Bayes): the spread between slots that
  chance alone does not explain is estimated from the slots themselves (method of moments, never below 0);
  a slot with few posts, or an account whose slots differ no more than chance makes them, stays near the
  average. Each slot has a 90 % interval, never narrower than the chance variation of its posts' counts
  (one post with 0 of 1 interactions is 0 % [0 %–78 %], not 0 % [0 %–0 %]).
- A suggestion only with at least MIN_POSTS posts, and only when the best slot's interval lies wholly above
  every other slot's: one slot clearly ahead, or nothing.
"""

from __future__ import annotations

import hashlib
import math
import random
import statistics
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import TYPE_CHECKING

from scheduler.metrics.score import Outcome, outcomes_at
from scheduler.results import counted

if TYPE_CHECKING:
    from scheduler.store.snapshots import Snapshot

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
PARTS = (("morning", 11), ("midday", 16), ("evening", 24))  # (name, the hour it ends)
MIN_POSTS = 20   # never a suggestion with fewer posts than this
Z90 = 1.6448536269514722


def slot_of(local: datetime) -> str:
    """"wed morning" for a local time."""
    part = next(name for name, end in PARTS if local.hour < end)
    return f"{WEEKDAYS[local.weekday()]} {part}"


def slot_order(slot: str) -> tuple[int, int]:
    day, part = slot.split()
    return WEEKDAYS.index(day), [name for name, _ in PARTS].index(part)


@dataclass(frozen=True)
class SlotRate:
    slot: str
    posts: int
    rate: float       # its posts' rates, weighed by their evidence, before shrinking
    estimate: float   # shrunk toward the account's average
    low: float
    high: float

    def as_dict(self) -> dict:
        return {"slot": self.slot, "posts": self.posts, "rate": round(self.rate, 6),
                "estimate": round(self.estimate, 6), "low": round(self.low, 6), "high": round(self.high, 6)}


@dataclass(frozen=True)
class BestTimes:
    posts: int
    average: float | None
    slots: list[SlotRate]
    suggestion: str | None
    why: str

    def as_dict(self) -> dict:
        return {"posts": self.posts, "average": None if self.average is None else round(self.average, 6),
                "slots": [s.as_dict() for s in self.slots], "suggestion": self.suggestion, "why": self.why}


def best_times(observations: Sequence[tuple], min_posts: int = MIN_POSTS, chance: float = 0.0) -> BestTimes:
    """Each slot's shrunk rate and interval, and a suggestion or why there is none.
    `observations`: (slot, the post's own rate) or (slot, rate, weight), one per post, the weight its trials
    (slot_table: impressions on X), so an 18-impression post weighs less than a 1,000-impression one; without
    weights each post counts once. `chance`: the least the weighted spread between posts in a slot is taken to
    be (p(1 − p) per trial: binomial chance), so one post, or a few that happen to agree, never make an
    interval of zero width."""
    by_slot: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for slot, rate, *given in observations:
        by_slot[slot].append((rate, given[0] if given else 1.0))
    total = len(observations)
    if total == 0:
        return BestTimes(0, None, [], None, "no posts with counts at this age yet")
    every = [pair for pairs in by_slot.values() for pair in pairs]
    weight = sum(w for _, w in every)
    mean = sum(r * w for r, w in every) / weight
    means = {slot: sum(r * w for r, w in pairs) / sum(w for _, w in pairs) for slot, pairs in by_slot.items()}
    within = max(_within_variance(by_slot, means, mean), chance)
    noise = {slot: within / sum(w for _, w in pairs) for slot, pairs in by_slot.items()}
    between = 0.0
    if len(by_slot) >= 2:  # the slots' spread less what chance alone gives them
        between = max(0.0, statistics.variance(means.values()) - statistics.fmean(noise.values()))
    slots = []
    for slot in sorted(by_slot, key=slot_order):
        shrink = 1.0 if between == 0 else noise[slot] / (noise[slot] + between)
        estimate = mean + (1 - shrink) * (means[slot] - mean)
        spread = math.sqrt((1 - shrink) * noise[slot] + shrink ** 2 * within / weight)
        slots.append(SlotRate(slot, len(by_slot[slot]), means[slot], estimate,
                              max(0.0, estimate - Z90 * spread), min(1.0, estimate + Z90 * spread)))
    return BestTimes(total, mean, slots, *_suggest(slots, total, min_posts))


def slot_table(network: str, snapshots: Sequence[Snapshot], posted_at: Mapping[str, datetime], zone: tzinfo,
               min_posts: int = MIN_POSTS) -> BestTimes:
    """One network's slot table from its snapshots at one age (`posted_at`: post id -> when it went out): each
    post's own rate (score.py's outcome) in the coarse slot it went out in, weighed by its trials (impressions
    on X), so a slot's rate is its posts' counts pooled and the average is the account's; then `best_times`,
    the spread between posts never taken as less than binomial chance gives."""
    found = [o for o in outcomes_at(network, snapshots) if o.post_id in posted_at and o.trials]
    observed = [(slot_of(posted_at[o.post_id].astimezone(zone)), o.rate, o.trials) for o in found]
    return best_times(observed, min_posts, chance_per_trial(found))


def chance_per_trial(outcomes: Sequence[Outcome]) -> float:
    """Binomial chance for one trial, p(1 − p), at the pooled rate under a flat prior ((successes + 1) /
    (trials + 2), never 0 or 1, so no counts at all still leave the rate unsure)."""
    if not outcomes:
        return 0.0
    pooled = (sum(o.successes for o in outcomes) + 1) / (sum(o.trials for o in outcomes) + 2)
    return pooled * (1 - pooled)


def thompson_slots(table: BestTimes | None, allowed: Sequence[str], seed: int, keys: Sequence[str]) -> dict[str, str]:
    """Thompson sampling over the allowed coarse slots: for each tip key, one draw from every allowed slot's
    posterior (normal, at its shrunk estimate, its spread read back from its 90 % interval) and the slot with the
    highest draw. A slot without posts yet draws around the account's average, as widely as the slots seen differ
    from it and as the least known of them is unsure, so it gets tried; with no counts at all every allowed slot
    is as likely as any other. Deterministic:
    each tip's draws come from `seed` and its key alone."""
    known = {s.slot: (s.estimate, max((s.high - s.low) / (2 * Z90), 1e-9)) for s in table.slots} if table else {}
    unknown = (0.0, 1.0)
    if table and known:  # as far from the average as the slots seen lie from it, and as unsure as the least known
        mean = table.average or 0.0
        between = statistics.fmean((estimate - mean) ** 2 for estimate, _ in known.values())
        unknown = (mean, math.sqrt(between + max(sd for _, sd in known.values()) ** 2))
    chosen = {}
    for key in keys:
        draw = random.Random(hashlib.sha256(f"{seed}\0thompson\0{key}".encode()).digest())
        samples = {slot: draw.gauss(*known.get(slot, unknown)) for slot in sorted(set(allowed), key=slot_order)}
        if samples:
            chosen[key] = max(samples, key=lambda slot: samples[slot])
    return chosen


def _within_variance(by_slot: dict[str, list[tuple[float, float]]], means: dict[str, float], mean: float) -> float:
    """How much posts in one slot differ (weighted, pooled over slots); every post's spread when no slot has two."""
    total = sum(len(pairs) for pairs in by_slot.values())
    degrees = total - len(by_slot)
    if degrees > 0:
        squares = sum(w * (r - means[slot]) ** 2 for slot, pairs in by_slot.items() for r, w in pairs)
        return max(squares / degrees, 1e-12)
    if total > 1:
        return max(sum(w * (r - mean) ** 2 for pairs in by_slot.values() for r, w in pairs) / (total - 1), 1e-12)
    return 1e-12


def _suggest(slots: list[SlotRate], total: int, min_posts: int) -> tuple[str | None, str]:
    if total < min_posts:
        return None, f"not enough evidence yet: {counted(total, 'post')}, a suggestion needs at least {min_posts}"
    if len(slots) < 2:
        return None, "every post went out in one slot: nothing to compare it with"
    if max(s.estimate for s in slots) - min(s.estimate for s in slots) < 1e-12:
        return None, "no time stands out yet: the slots differ no more than chance makes them"
    best = max(slots, key=lambda s: (s.estimate, s.posts))
    rival = max((s for s in slots if s is not best), key=lambda s: s.high)
    if best.low > rival.high:
        return best.slot, (f"{best.slot} is clearly ahead: its interval lies above every other slot's "
                           f"(next highest: {rival.slot})")
    return None, (f"no time stands out yet: every slot's interval overlaps another's (the highest, {best.slot}, "
                  f"overlaps {rival.slot}'s)")
