"""What a person sees of a campaign and its tips before changing them: the campaigns, a tip's card (drawn,
sketched, versioned), its alt text, its post on every network, the article beside it, and where its posts
stand in the queue. Nothing here writes a campaign file or the queue (a card is drawn on demand)."""

from __future__ import annotations

import re
from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from scheduler import networks
from scheduler.campaigns.file import Campaign, CampaignRead, Tip, campaign_reads
from scheduler.campaigns.planning import stored_card
from scheduler.campaigns.refusals import shorten_for
from scheduler.campaigns.roundtrip import CampaignFile
from scheduler.cards.brand import Brand, load_brand
from scheduler.cards.render import (
    campaign_alt_text,
    card_path,
    ensure_card,
    fingerprint,
    kicker_for,
    kicker_left_off,
    made_from,
    render_card,
)
from scheduler.config import Settings
from scheduler.editing import undo as undoing
from scheduler.editing.article import article_blocks
from scheduler.errors import ContentError
from scheduler.posttext import Composed, compose_tip
from scheduler.results import CalendarPost, LatestPost, NextOut
from scheduler.runner.wanted import as_sent
from scheduler.store import Store
from scheduler.store.records import POSTED, WAITING, latest_rounds

_SLUG = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,149}")  # what names a campaign file (and fits a file name)

StoreOpener = Callable[[], AbstractContextManager[Store]]


class Showing:
    """One project folder's campaigns as a person sees them, under one version of its settings (the Project
    makes a new one on reload)."""

    def __init__(self, root: Path, settings: Settings, store: StoreOpener):
        self.root = root
        self.settings = settings
        self.store = store
        self._brand: Brand | None = None
        self._composed: dict[tuple, Composed] = {}

    @property
    def brand(self) -> Brand:
        if self._brand is None:
            self._brand = load_brand(self.root, self.settings.schedule.card_handle)
        return self._brand

    # --- reading ---------------------------------------------------------------------------------

    def campaign_file(self, slug: str) -> CampaignFile:
        if not _SLUG.fullmatch(slug or "") or not (self.root / "posts" / f"{slug}.yaml").is_file():
            raise ContentError(f"posts/{slug[:60]}{'…' if len(slug) > 60 else ''}.yaml: no such campaign; "
                               "pick one on the Campaigns page")
        return CampaignFile(self.root, slug)

    def campaign(self, slug: str) -> tuple[Campaign, str]:
        """The campaign as the CLI reads it, and its file's version (what a change must still find)."""
        return self.campaign_file(slug).load()

    def campaigns(self) -> list[CampaignRead]:
        """Every campaign file of posts/; one that does not read says why (the others still do)."""
        return campaign_reads(self.root)

    def article(self, campaign: Campaign) -> list[dict[str, Any]]:
        return article_blocks(self.root, campaign)

    def latest_posts(self, slug: str | None = None) -> dict[str, LatestPost]:
        """The latest post of each tip (of one campaign, or all), by campaign/tip."""
        with self.store() as store:
            latest = latest_rounds(store.posts(campaign=slug))
        return {key: LatestPost(post.id, post.tip_key, post.network, str(post.status), _when(post).isoformat(),
                                post.remote_id)
                for key, post in latest.items()}

    def calendar_posts(self, begin: datetime, end: datetime) -> list[CalendarPost]:
        """Every post still to go out (when it may go), or gone (when it went), between `begin` and `end`."""
        with self.store() as store:
            posts = store.posts(WAITING + (POSTED,), since=begin, until=end)
        sent = as_sent(self.settings)  # a pin the clocks skip: said where the pin is shown, as plan says it
        return [CalendarPost(post.id, post.tip_key, post.network, str(post.status),
                             _when(post).isoformat(),
                             post.text, post.pinned, stored_card(self.settings, post.card) is not None, post.url,
                             post.status in WAITING,
                             sent(post)[1] if post.pinned and post.status in WAITING else "", post.remote_id)
                for post in posts]

    # --- cards ---------------------------------------------------------------------------------

    @property
    def card_size(self) -> str:
        """The card the studio shows: the one the first account's network shows."""
        return self.card_sizes[0]

    @property
    def card_sizes(self) -> tuple[str, ...]:
        """Every card size the configured networks show, the first account's first."""
        return networks.card_sizes(self.settings.schedule.all_accounts)

    def card(self, campaign: Campaign, tip: Tip, size: str | None = None) -> Path:
        """The tip's card on disk in that size, drawn now if it is missing or was drawn from other words."""
        return ensure_card(self.settings, self.brand, campaign, tip, size or self.card_size)

    def sketch_card(self, campaign: Campaign, tip: Tip, headline: str) -> bytes:
        """The tip's card (PNG) as it would be with this headline; nothing is saved."""
        return render_card(headline, self.brand, self.card_size, kicker_for(self.brand, campaign, tip))

    def card_version(self, campaign: Campaign, tip: Tip, size: str | None = None) -> str:
        """What the tip's card is drawn from (headline, brand, kicker, size), as a short digest."""
        return _fingerprint(tip.headline, self.brand, kicker_for(self.brand, campaign, tip), size or self.card_size)

    def card_drawn(self, campaign: Campaign, tip: Tip) -> bool:
        """The tip's card is on disk and was drawn from its current headline (the cards stage's own test)."""
        return self.card_state(campaign, tip) == "drawn"

    def card_state(self, campaign: Campaign, tip: Tip) -> Literal["drawn", "missing", "out of date"]:
        """Whether the tip's card is drawn from its current headline and brand, not drawn yet, or drawn from other
        words or another brand (`juno-scheduler cards` draws it again)."""
        made = made_from(card_path(self.settings.cards_dir, campaign.slug, tip.id, self.card_size))
        if made is None:
            return "missing"
        return "drawn" if made == self.card_version(campaign, tip) else "out of date"

    def card_note(self, campaign: Campaign, tip: Tip) -> str | None:
        """Why the tip's card is drawn without its kicker (a section name too long for the kicker's lines), or None."""
        return kicker_left_off(self.brand, campaign, tip, self.card_sizes)

    def alt_text(self, campaign: Campaign, tip: Tip) -> str:
        """The tip's alt text: a person's override, else the card's own words and the first network's account, as
        split --json says it (each network's post names its own: preview.network_posts)."""
        schedule = self.settings.schedule
        return campaign_alt_text(self.brand, campaign, tip, networks.signature(schedule, schedule.account.network))

    def post_states(self, tip_key: str) -> list[dict[str, Any]]:
        """The latest post of a tip on each network as undo needs it: id, status, slot (UTC ISO), pin."""
        with self.store() as store:
            return undoing.post_states(store, tip_key)

    def composed(self, campaign: Campaign, tip: Tip, text: str | None = None) -> Composed:
        """The tip's post on every account, counted by each network (about a millisecond a post): once per
        version of it."""
        schedule = self.settings.schedule
        key = (campaign.url, campaign.hashtags, campaign.slug, tip.sensitive, tip.texts, tip.text, text)
        if key not in self._composed:
            if len(self._composed) > 4096:
                self._composed.clear()
            self._composed[key] = compose_tip(schedule, campaign, tip, text, state_dir=self.settings.state_dir)
        return self._composed[key]


    def next_out(self, slug: str, tip_id: str) -> NextOut | None:
        """When a queued tip's first post goes out (in the practice's zone) and on which networks, those rehearsed
        in the outbox apart; None when none of its posts waits."""
        states = [row for row in self.post_states(f"{slug}/{tip_id}") if row["status"] in WAITING]
        if not states:
            return None
        schedule = self.settings.schedule
        accounts = {a.network: a for a in schedule.all_accounts}
        first = min(datetime.fromisoformat(row["due_at"]) for row in states).astimezone(schedule.zone)
        places, rehearsed = [], []
        for network in sorted({row["network"] for row in states}):
            account = accounts.get(network)
            places.append(networks.get(network).name)
            if account is not None and networks.get(account.publisher).rehearsal:
                rehearsed.append(places[-1])
        return NextOut(first.isoformat(), schedule.zone.key, places, rehearsed)

    def where_it_goes(self, slug: str, tip_id: str) -> str:
        """When and where a queued tip goes out, in words: 'Thu 03 Dec 18:30 (America/New_York) on X and Mastodon'."""
        going = self.next_out(slug, tip_id)
        if going is None:
            return "it is not in the queue (see the Queue page)"
        first, places, rehearsed = datetime.fromisoformat(going.at), going.networks, going.rehearsed
        where = " and ".join([", ".join(places[:-1]), places[-1]] if len(places) > 1 else places)
        if rehearsed:  # each network named once; which are rehearsed said once (a user trial read "the outbox" thrice)
            which = "all" if len(rehearsed) == len(places) else " and ".join(
                [", ".join(rehearsed[:-1]), rehearsed[-1]] if len(rehearsed) > 1 else rehearsed)
            where += (f" ({which} rehearsed in the outbox: a file in .juno/outbox; nothing is sent)" if which == "all"
                      else f" ({which} rehearsed in the outbox: a file in .juno/outbox; nothing is sent there)")
        return f"{first:%a %d %b %H:%M} ({going.zone}) on {where}{self._left_out(slug, tip_id)}"

    def _left_out(self, slug: str, tip_id: str) -> str:
        """The networks a tip is too long for, as `queue` says them ("; not on x: it would be 294 characters as X
        counts them …, over 280; shorten it or give it texts: {x: ...}"): the words left out are never silent."""
        campaign = self.campaign(slug)[0]
        tip = campaign.tip(tip_id)
        if tip is None:
            return ""
        composed = self.composed(campaign, tip)
        own = dict(tip.texts)
        over = [f"; not on {network}: it would be {composed.over_limit(network)}; {shorten_for(network, own)}"
                for network, counted in composed.lengths.items() if not counted.fits]
        return "".join(over)

    def added_to_post(self, campaign: Campaign, tip: Tip) -> str:
        """What the post carries besides the tip's words, as the counter says it: 'link, hashtags included'."""
        schedule = self.settings.schedule
        composed = self.composed(campaign, tip).text
        parts = []
        if campaign.url and campaign.url.split("?")[0] in composed:
            parts.append("the article's link")
        if any(tag in composed for tag in (schedule.hashtags if campaign.hashtags is None else campaign.hashtags)):
            parts.append("hashtags")
        if schedule.crisis_footer and tip.sensitive and schedule.crisis_footer in composed:
            parts.append("the crisis footer")
        if not parts:
            return "nothing is added to the words"
        return (", ".join(parts[:-1]) + " and " + parts[-1] if len(parts) > 1 else parts[0]) + " included"


@lru_cache(maxsize=4096)
def _fingerprint(headline: str, brand: Brand, kicker: str | None, size: str) -> str:
    return fingerprint(headline, brand, size, kicker)


def _when(post) -> datetime:
    """When a post went out (posted), else when it may go: the time a person is shown beside it."""
    return post.posted_at if post.status == POSTED and post.posted_at else post.eligible_at
