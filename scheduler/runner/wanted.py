"""Just before posting: is this post still wanted as it was queued, and is its card the one drawn?

The database is the queue, but the campaign file is what the practice wants: a tip removed, no longer
approved (or gone stale), or edited since `queue` must never go out in its old form, even when no one
ran `queue` between the edit and the next cron run. `tip_now` reads the post's campaign (once per run)
and says which; the runner's decision withdraws what is not wanted. `checked_card` makes sure the bytes
uploaded are the card this tool drew (by the SHA-256 recorded when it was drawn), drawing it again if not.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from scheduler import networks
from scheduler.campaigns.file import load_campaign, tip_fingerprint
from scheduler.campaigns.placing import latest_by_network, tip_key
from scheduler.campaigns.refusals import blackout_pin
from scheduler.campaigns.timetable import Timetable, skipped_time
from scheduler.errors import ContentError
from scheduler.posttext import compose_for, length_on
from scheduler.store import Post, Store
from scheduler.store.records import SKIPPED, SKIPPED_BY_CAMPAIGN

logger = logging.getLogger(__name__)

WANTED, GONE, NOT_APPROVED, EDITED, TOO_LONG, UNREADABLE, BLACKOUT_PIN = (
    "wanted", "gone", "not approved", "edited", "too long", "unreadable", "blackout pin")


@dataclass(frozen=True)
class TipNow:
    state: str                  # wanted | gone | not approved | edited | too long | unreadable | blackout pin
    reason: str = ""            # for people: why it is not posted
    campaign: object = None     # the campaign and tip as they are now (when found)
    tip: object = None
    text: str | None = None     # the post's words composed from the files now, when they differ from the stored
    weighted_length: int = 0

    def applied(self, post: Post) -> Post:
        """The post as the files say it now (its words recomposed with today's footer, hashtags and link)."""
        if self.text is None or self.text == post.text:
            return post
        return replace(post, text=self.text, weighted_length=self.weighted_length)

    @property
    def wanted(self) -> bool:
        return self.state == WANTED

    @property
    def held(self) -> str:
        """What run-due will do with the post instead of sending it, in a short word ("" when it sends it)."""
        if self.state == UNREADABLE:
            return "waits: file"
        if self.state == GONE:
            return "held: gone"
        if self.state in (EDITED, TOO_LONG, BLACKOUT_PIN):
            return f"held: {self.state}"
        if self.state == NOT_APPROVED and self.tip is not None:
            tip: Any = self.tip
            if tip.status != "approved":
                return f"held: {tip.status}"
            return "held: stale" if "stale" in tip.unacknowledged else "held: flagged"
        return ""


class Campaigns:
    """The campaign files as they are now, each read at most once per run."""

    def __init__(self, settings):
        self.settings = settings
        self._read: dict[str, object] = {}

    def get(self, slug: str):
        """The campaign, None when its file is gone; ContentError when it cannot be read."""
        if slug not in self._read:
            path = Path(self.settings.posts_dir) / f"{slug}.yaml"
            self._read[slug] = load_campaign(path, self.settings.root) if path.exists() else None
        return self._read[slug]


def repeat_ok(key: str, campaigns: Campaigns) -> datetime | None:
    """When a person last said the tip `key` (campaign/tip) may go out once more (`approve --ack repeat`); None when
    never, or when its campaign file does not read (a sensitive tip then waits)."""
    slug, _, tip_id = key.partition("/")
    try:
        campaign = campaigns.get(slug)
    except ContentError:
        return None
    tip = campaign.tip(tip_id) if campaign is not None else None
    return tip.repeat_ok if tip is not None else None


def tip_now(post: Post, campaigns: Campaigns) -> TipNow:
    """The post checked against its campaign as it is now. A post queued before fingerprints were kept
    (or put in the store by hand) has none: it is still withdrawn when its campaign file says its tip is
    gone or no longer approved, but only a file that exists can say so, and an edit cannot be told."""
    legacy = post.tip_digest is None
    try:
        campaign = campaigns.get(post.campaign)
    except ContentError:
        if legacy:
            return TipNow(WANTED)
        return TipNow(UNREADABLE, f"its campaign file posts/{post.campaign}.yaml does not read; the post waits "
                                  "until it is fixed")
    if campaign is None:
        return TipNow(WANTED) if legacy else TipNow(GONE, f"posts/{post.campaign}.yaml is gone")
    tip = campaign.tip(post.tip_key.split("/", 1)[1])
    if tip is None:
        return TipNow(GONE, f"its tip is no longer in posts/{post.campaign}.yaml")
    if tip.status != "approved":
        return TipNow(NOT_APPROVED, f"its tip is {tip.status} in posts/{post.campaign}.yaml, no longer approved",
                      campaign, tip)
    if tip.held:
        flags = ", ".join(tip.unacknowledged)
        return TipNow(NOT_APPROVED, f"its tip is flagged {flags} in posts/{post.campaign}.yaml and no person "
                                    f"acknowledged it (reviewed:), so it is not approved", campaign, tip)
    if not legacy and post.tip_digest != tip_fingerprint(campaign, tip, post.network):
        if tip.at is not None and tip.at.date() in campaigns.settings.schedule.blackout:  # queue refuses it: say why
            return TipNow(BLACKOUT_PIN, f"its tip is pinned (at:) in posts/{post.campaign}.yaml on a blackout date: "
                                        f"{blackout_pin(tip.at)}, then run `juno-scheduler queue`", campaign, tip)
        return TipNow(EDITED, f"its tip was edited in posts/{post.campaign}.yaml after it was queued; "
                              "run `juno-scheduler queue` to queue it in its new words", campaign, tip)
    return _composed_now(post, campaigns.settings, campaign, tip)


def _composed_now(post: Post, settings, campaign, tip) -> TipNow:
    """Wanted, in the words the files give now: posts/schedule.yaml's crisis_footer, hashtags and link policy
    as they are at claim time. A post whose attempt is open keeps the words it was tried with (the look-up
    for it compares them); one the new words make too long is held back until its tip is shortened."""
    if post.attempt_open:
        return TipNow(WANTED, "", campaign, tip)
    text = compose_for(settings.schedule, text=tip.text_for(post.network), url=campaign.url, campaign=campaign.slug,
                       sensitive=tip.sensitive, network=post.network, hashtags=campaign.hashtags, round_=post.round)
    if text == post.text:
        return TipNow(WANTED, "", campaign, tip)
    counted = length_on(post.network, text, settings.state_dir)
    if not counted.fits:
        return TipNow(TOO_LONG, f"with posts/schedule.yaml as it is now (footer, hashtags, link) it would be "
                              f"{counted.length} {counted.how}, over {counted.limit}; shorten the tip in "
                              f"posts/{post.campaign}.yaml and run `juno-scheduler queue`", campaign, tip)
    return TipNow(WANTED, "", campaign, tip, text=text, weighted_length=counted.length)


def as_sent(settings):
    """For `plan` and `preview`: post -> (the post as run-due would send it now, why it would not go: "" when it
    would, and that in a short word: TipNow.held), with the same check run-due makes just before posting, each campaign file read once.
    A post that goes, pinned to a time the clocks skip, gets that said instead of "" (timetable.skipped_time)."""
    campaigns = Campaigns(settings)
    timetable = Timetable(settings.schedule)

    def check(post: Post) -> tuple[Post, str, str]:
        found = tip_now(post, campaigns)
        if found.state == EDITED:  # shown in its words now (a user trial: "held: edited 130/280" of a tip of 420)
            post, over = _edited_words(post, settings, found.campaign, found.tip)
            return post, f"not sent as it is: {found.reason}{over}", found.held
        if not found.wanted:
            return found.applied(post), f"not sent as it is: {found.reason}", found.held
        return found.applied(post), _skipped_pin(post, found.tip, timetable) or "", found.held

    return check


def _edited_words(post: Post, settings, campaign: Any, tip: Any) -> tuple[Post, str]:
    """A post whose tip was edited after `queue`, in the words `queue` would give it now and their length (not the
    words queued: run-due sends neither), and what to shorten first when those are over the network's limit."""
    text = compose_for(settings.schedule, text=tip.text_for(post.network), url=campaign.url, campaign=campaign.slug,
                       sensitive=tip.sensitive, network=post.network, hashtags=campaign.hashtags, round_=post.round)
    counted = length_on(post.network, text, settings.state_dir)
    over = "" if counted.fits else (f"; in its new words it is {counted.length} {counted.how}, over {counted.limit}: "
                                    "shorten it (or give it texts: {" + post.network + ": ...}) before queue")
    return replace(post, text=text, weighted_length=counted.length), over


def _skipped_pin(post: Post, tip: Any, timetable: Timetable) -> str | None:
    """Why a post pinned to a time the clocks skip goes out later than its pin says (None for any other post)."""
    if not post.pinned or tip is None or tip.at is None or timetable.pinned_time(tip.at) != post.due_at:
        return None
    return skipped_time(tip.at, timetable.zone)


def checked_card(settings, post: Post, found: TipNow, brand_of) -> Path | None:
    """The post's card file, drawn again first if its bytes are not those recorded when it was drawn."""
    if not post.card:
        return None
    card = Path(post.card)
    card = card if card.is_absolute() else settings.root / card
    if post.card_digest is None or found.tip is None:
        return card  # queued before digests were kept: checked by the publisher as an image only
    # lazy: Pillow only for a post with a card: a run-due that posts nothing (cron) never loads it
    from scheduler.cards.render import bytes_digest, ensure_card

    if bytes_digest(card) == post.card_digest:
        return card
    if not card.exists():  # e.g. a project copied without .juno/cards
        logger.warning("%s: its card %s is missing; drawing it again", post.id, card)
    else:
        logger.warning("%s: %s is not the card that was drawn for it (its bytes changed); drawing it again",
                       post.id, card)
    size = networks.get(post.network).card_size  # the card the post's network shows
    return Path(ensure_card(settings, brand_of(), found.campaign, found.tip, size=size, redraw=True))


def awaiting_queue(store: Store, campaigns) -> list[Post]:
    """The posts withdrawn (by run-due at their claim, or by queue) whose tip its campaign file approves now, with
    no flag left to acknowledge: each stays out until a person runs `queue`, which puts it back in its new words
    (an on-call trial: an edited tip withdrawn at 9:00 by cron stayed out, and nothing said so). `campaigns`: the
    campaign files that read; the database is only read."""
    keys = sorted({tip_key(c.slug, t.id) for c in campaigns for t in c.tips if t.status == "approved" and not t.held})
    if not keys:
        return []
    return sorted((p for p in latest_by_network(store, keys).values()
                   if p.status == SKIPPED and p.skip_reason == SKIPPED_BY_CAMPAIGN), key=lambda p: (p.tip_key, p.id))


QUEUE = "`juno-scheduler queue`"


def awaiting_line(post_id: str, reason: str | None) -> str:
    """What run-due (even with -q), status and check say of a withdrawn post that waits for `queue`."""
    reason = reason or "its tip was approved again"
    if QUEUE in reason:
        return f"withdrawn {post_id}: {reason}; until then it stays out"
    return f"withdrawn {post_id}: {reason}; it stays out until a person runs {QUEUE}"
