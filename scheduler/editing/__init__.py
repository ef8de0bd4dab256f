"""A person's changes to campaigns, as the studio makes them: each checked, written, recorded and undoable.

Campaign files stay the truth: every change goes through `campaigns.roundtrip.CampaignFile` (comments, key
order, validation, conflicts and the audit log in one place), and an approved tip is queued at once, as
`juno-scheduler queue` would (if queueing refuses, the file is put back). `Editor` also answers what the
studio shows of a tip: its card, alt text, and its post on every network. The front door (`Project`) holds
one Editor per version of the settings; nothing here reads the clock.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from scheduler import audit, networks
from scheduler.audit import snapshot
from scheduler.campaigns.file import Campaign, Tip, find_campaigns
from scheduler.campaigns.planning import stored_card
from scheduler.campaigns.queueing import queue_campaigns
from scheduler.campaigns.roundtrip import (
    CampaignFile,
    find,
    move_tip,
    put_tip,
    set_fields,
)
from scheduler.cards.brand import Brand, load_brand
from scheduler.cards.render import (
    campaign_alt_text,
    card_path,
    check_card,
    ensure_card,
    fingerprint,
    kicker_for,
    made_from,
    render_card,
)
from scheduler.config import Settings
from scheduler.editing import undo as undoing
from scheduler.editing.article import article_blocks
from scheduler.editing.moves import check_move
from scheduler.errors import Conflict, ContentError, Refused
from scheduler.fileio import write_atomic
from scheduler.posttext import Composed, compose_tip
from scheduler.results import (
    CalendarPost,
    CampaignRead,
    LatestPost,
    Pinned,
    QueueReport,
    Saved,
    SplitReport,
)
from scheduler.store import Store
from scheduler.store.records import POSTED, WAITING, latest_rounds
from scheduler.tips.sentences import slugify
from scheduler.tips.splitter import post_fits
from scheduler.tips.taking import take

_SLUG = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,149}")  # what names a campaign file (and fits a file name)
EDITABLE = ("headline", "text", "alt_text")
MAX_FIELD = 5000

StoreOpener = Callable[[], AbstractContextManager[Store]]


class Editor:
    """One project folder's campaigns under one version of its settings (the Project makes a new one on reload)."""

    def __init__(self, root: Path, settings: Settings, store: StoreOpener):
        self.root = root
        self.settings = settings
        self.store = store
        self._brand: Brand | None = None
        self._composed: dict[tuple, Composed] = {}

    @property
    def brand(self) -> Brand:
        if self._brand is None:
            self._brand = load_brand(self.root, self.settings.schedule.account.handle)
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
        found = []
        for path in sorted((self.root / "posts").glob("*.yaml")):
            if path.name == "schedule.yaml":
                continue
            try:
                found += [CampaignRead(f"posts/{path.name}", campaign)
                          for campaign in find_campaigns(self.root, [f"posts/{path.name}"])]
            except ContentError as exc:
                found.append(CampaignRead(f"posts/{path.name}", None, str(exc)))
        return found

    def article(self, campaign: Campaign) -> list[dict[str, Any]]:
        return article_blocks(self.root, campaign)

    def latest_posts(self, slug: str | None = None) -> dict[str, LatestPost]:
        """The latest post of each tip (of one campaign, or all), by campaign/tip."""
        with self.store() as store:
            latest = latest_rounds(post for post in store.posts() if slug is None or post.campaign == slug)
        return {key: LatestPost(post.id, post.tip_key, post.network, str(post.status), post.eligible_at.isoformat())
                for key, post in latest.items()}

    def calendar_posts(self, begin: datetime, end: datetime) -> list[CalendarPost]:
        """Every post still to go out (when it may go), or gone (when it went), between `begin` and `end`."""
        with self.store() as store:
            posts = store.posts(WAITING + (POSTED,), since=begin, until=end)
        return [CalendarPost(post.id, post.tip_key, post.network, str(post.status),
                             (post.posted_at if post.status == POSTED and post.posted_at else post.eligible_at).isoformat(),
                             post.text, post.pinned, stored_card(self.settings, post.card) is not None, post.url,
                             post.status in WAITING)
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
        path = card_path(self.settings.cards_dir, campaign.slug, tip.id, self.card_size)
        return made_from(path) == self.card_version(campaign, tip)

    def alt_text(self, campaign: Campaign, tip: Tip) -> str:
        """The tip's alt text: a person's override, else the card's own words."""
        return campaign_alt_text(self.brand, campaign, tip)

    # --- editing -------------------------------------------------------------------------------

    def edit_tip(self, slug: str, tip_id: str, values: dict, version: str, was: dict | None, *,
                 now: datetime) -> Saved:
        """Headline, text and alt text as the manager typed them (an empty alt text means 'from the card').

        With `was` (each field as the page showed it), only the fields the manager changed are written,
        and only a field changed on disk since is a conflict: saving one tip never puts back another's
        words, and an edit made elsewhere to another field is kept. Without it, `version` guards the file."""
        fields: dict[str, str | None] = {}
        for key in EDITABLE:
            if key not in values:
                continue
            value = _field_value(key, values[key])
            if was is not None and key in was and value == _normal(key, was[key]):
                continue  # not touched on this page: leave the file's value alone
            fields[key] = value
        if was is not None and not fields:
            return Saved(self.campaign(slug)[0], version, None)

        def edit(tips):
            if was is not None:
                item = find(tips, tip_id)
                if item is not None:
                    for key in fields:
                        if _normal(key, item.get(key)) != _normal(key, was.get(key)):
                            raise Conflict(snapshot(item), "")  # change() fills in the file's version
            return set_fields(tips, tip_id, fields)

        saved = self.campaign_file(slug).change(tip_id, edit, version=None if was is not None else version,
                                                what="edit", now=now, check=self._check_tip,
                                                extra={"fields": sorted(fields)})
        self._requeue_if_approved(saved, tip_id, now)
        return saved

    def set_links(self, slug: str, url: str, hashtags: str | None, was: dict | None, *, now: datetime) -> Saved:
        """The article's address (empty: no link) and the campaign's hashtags as typed ("#Grief #Loss", commas
        or spaces; empty: none); `hashtags` None puts back the practice's (posts/schedule.yaml). A hashtag list
        equal to the practice's while the campaign has none of its own is left to the practice. Queued posts
        follow at once."""
        campaign, _ = self.campaign(slug)
        values: dict[str, object] = {"url": " ".join(str(url).split()) or None}
        if len(str(url)) > 2000:
            raise Refused("that address is over 2,000 characters; give the article's own address", "url")
        values["hashtags"] = None if hashtags is None else self._own_hashtags(hashtags, campaign.hashtags)
        file = self.campaign_file(slug)
        before_text, _ = file.read()
        shown = None if was is None else {  # as the page showed them: a field changed on disk since is a conflict
            "url": (was.get("url") or "").strip() or None,
            "hashtags": (was.get("hashtags") or "").split() if was.get("own_hashtags") == "1" else None}
        saved = file.change_links(values, was=shown, now=now)
        self.queue_or_restore(file, before_text, saved, now)
        return saved

    def _own_hashtags(self, typed: str, own: tuple[str, ...] | None) -> list[str] | None:
        """The hashtags typed ("#Grief #Loss", "Grief, Loss"; empty: none) as the campaign's own; None (the
        practice's) when they are the practice's and the campaign had none of its own."""
        tags = [tag if tag.startswith("#") else f"#{tag}" for tag in re.split(r"[\s,]+", typed) if tag]
        if len(tags) > 30:
            raise Refused(f"{len(tags)} hashtags is far too many for one post; keep a few", "hashtags")
        return None if own is None and tags == list(self.settings.schedule.hashtags) else tags

    def set_status(self, slug: str, tip_id: str, status: str, version: str | None, acknowledge: Sequence[str], *,
                   now: datetime, batch: str | None = None) -> Saved:
        """draft, approved or skip; approving needs every flag acknowledged and queues the tip at once."""
        if status not in ("draft", "approved", "skip"):
            raise Refused(f"unknown status {status!r}")
        campaign, _ = self.campaign(slug)
        tip = campaign.tip(tip_id)
        if tip is None:
            raise Refused(f"there is no tip {tip_id!r} in this campaign any more; reload the page")
        fields: dict = {"status": status}
        if status == "approved":
            missing = [flag for flag in tip.unacknowledged if flag not in acknowledge]
            if missing:
                raise Refused(f"acknowledge the {' and '.join(missing)} flag{'s' if len(missing) > 1 else ''} "
                              "before approving this tip", "reviewed")
            if tip.review:
                fields["reviewed"] = [flag for flag in tip.review]
        file = self.campaign_file(slug)
        before_text, _ = file.read()
        saved = file.change(tip_id, lambda tips: set_fields(tips, tip_id, fields), version=version,
                            what=status if status != "approved" else "approve", now=now,
                            check=self._check_tip if status == "approved" else None,
                            extra={"batch": batch} if batch else None)
        self.queue_or_restore(file, before_text, saved, now)
        return saved

    def reorder(self, slug: str, tip_id: str, offset: int, version: str, *, now: datetime) -> Saved:
        file = self.campaign_file(slug)
        before_text, _ = file.read()
        saved = file.change(tip_id, lambda tips: move_tip(tips, tip_id, offset), version=version,
                            what="reorder", now=now)
        self.queue_or_restore(file, before_text, saved, now)
        return saved

    def add_tip(self, slug: str, text: str, paragraph: int | None, version: str, *, now: datetime) -> Saved:
        """A new draft tip from words of the article, made as `split --take` makes one (headline, fitting,
        flags, a note naming the passage), placed after the tips drawn from before that passage."""
        text = " ".join(str(text).split())
        if not text:
            raise Refused("the passage is empty; select some words of the article first", "text")
        if len(text) > MAX_FIELD:
            raise Refused(f"{len(text)} characters is far too long for one tip; select less", "text")
        campaign, _ = self.campaign(slug)
        section = next((t.section for t in campaign.tips if paragraph and t.source.get("paragraph") == paragraph),
                       None)
        try:
            tip = take(text, f"b{paragraph}" if paragraph else "the studio", post_fits(
                self.settings.schedule, url=campaign.url, slug=slug, hashtags=campaign.hashtags),
                {t.id for t in campaign.tips},
                section=section)
        except ContentError as exc:
            raise Refused(str(exc).replace("--take ", "passage "), "text") from None
        values: dict[str, object] = {"id": tip.id, "headline": tip.headline, "text": tip.text, "status": "draft",
                  "section": tip.section, "review": list(tip.review), "notes": list(tip.notes)}
        if tip.review_words:
            values["review_words"] = {flag: list(words) for flag, words in tip.review_words.items()}
        position = sum(1 for t in campaign.tips if paragraph and 0 < t.source.get("paragraph", 0) <= paragraph)
        return self.campaign_file(slug).change(
            None, lambda tips: put_tip(tips, values, tip.id, position if paragraph else None),
            version=version, what="add", now=now)

    def add_article(self, title: str, text: str, upload_name: str | None, upload: bytes | None, *,
                    split: Callable[..., SplitReport], now: datetime, url: str = "",
                    hashtags: str | None = None) -> str:
        """A pasted or uploaded article saved under posts/articles/ and split, as `juno-scheduler split` would,
        with the article's address and the campaign's hashtags as typed (empty address: the article's own, if it
        gives one; `hashtags` None or the practice's: the practice's).

        Returns the campaign's slug. When split refuses the article, the file is removed again."""
        url = " ".join(str(url).split())
        if len(url) > 2000:
            raise Refused("that address is over 2,000 characters; give the article's own address", "url")
        tags = None if hashtags is None else self._own_hashtags(hashtags, None)

        if upload:
            suffix = Path(upload_name or "").suffix.lower()
            if suffix not in (".txt", ".md", ".html", ".htm"):
                raise Refused(f"{upload_name!r}: give a .txt, .md or .html file", "file")
            if len(upload) > 2_000_000:
                raise Refused("the file is over 2 MB; is it really one article?", "file")
            name, data = self._article_name(Path(upload_name or "").stem, now) + suffix, upload
        else:
            title, text = " ".join(str(title).split()), str(text).strip()
            if not title or not text:
                raise Refused("give the article's title and paste its text", "title" if not title else "article")
            if len(text) > 500_000:
                raise Refused("the text is over 500,000 characters; is it really one article?", "article")
            name, data = self._article_name(title, now) + ".txt", f"{title}\n\n{text}\n".encode()
        folder = self.root / "posts" / "articles"
        stem = Path(name).stem
        if any(folder.glob(f"{stem}.*")) or (self.root / "posts" / f"{stem}.yaml").exists():
            raise Refused(f"posts/articles/{stem}: an article of that name is already here; give another title",
                          "title")
        path = write_atomic(folder / name, data)
        try:
            report = split(path, url=url or None, hashtags=tags)
        except ContentError as exc:
            path.unlink(missing_ok=True)
            field = next((key for key, said in (("url", "the article's address:"), ("hashtags", "hashtags:"))
                          if str(exc).startswith(said)), "article")
            raise Refused(str(exc), field) from None
        slug = report.article.slug or stem
        _, version = self.campaign_file(slug).read()
        audit.record(self.root, what="add-article", campaign=slug, tip=None, before=None,
                     after={"article": f"posts/articles/{name}", "tips": len(report.tips), "version": version},
                     now=now)
        return slug

    def _article_name(self, title: str, now: datetime) -> str:
        """The article's file name (and so its campaign's slug) from its title: its Latin words; else the names
        of its emoji ('two-hearts'); else 'article-' and the day it was added, so that it never becomes 'tip'."""
        if re.search(r"[A-Za-z0-9]", unicodedata.normalize("NFKD", title)):
            return slugify(title, max_words=30, max_length=100)
        names = " ".join(unicodedata.name(ch, "") for ch in title if unicodedata.category(ch) == "So")
        if names.strip():
            return slugify(names, max_words=8, max_length=60)
        base = f"article-{now.astimezone(self.settings.schedule.zone):%Y-%m-%d}"
        folder, number = self.root / "posts", 1
        name = base
        while (folder / f"{name}.yaml").exists() or any((folder / "articles").glob(f"{name}.*")):
            number += 1
            name = f"{base}-{number}"
        return name

    # --- undo ----------------------------------------------------------------------------------------

    def undo(self, entry_id: str | None, *, now: datetime) -> dict[str, Any] | None:
        """Revert one change exactly (default: the latest still in effect, wherever it was made).

        An undo of an undo is a redo. The change is reverted only if what it changed is still as it left it
        (else Refused, nothing changed); returns the entry reverted, or None when there is nothing to undo."""
        return undoing.undo(self, entry_id, now)

    def post_states(self, tip_key: str) -> list[dict[str, Any]]:
        """The latest post of a tip on each network as undo needs it: id, status, slot (UTC ISO), pin."""
        with self.store() as store:
            return undoing.post_states(store, tip_key)

    def restore_posts(self, wanted: Sequence[dict], expected: Sequence[dict], now: datetime) -> list[str]:
        with self.store() as store:
            return undoing.restore_posts(self.settings, store, wanted, expected, now)

    # --- checks shared by every save -------------------------------------------------------------

    def _check_tip(self, campaign: Campaign, tip: Tip | None) -> None:
        """The card stage's headline check on every card size the accounts use, and for an approved tip
        the post's length by each account's own network (refused only when it fits none, as queue does)."""
        if tip is None:
            return
        try:
            for size in networks.card_sizes(self.settings.schedule.all_accounts):
                check_card(tip.headline, self.brand, size, kicker_for(self.brand, campaign, tip))
        except ContentError as exc:
            raise Refused(str(exc), "headline") from None
        if tip.status == "approved":
            composed = self.composed(campaign, tip)
            if not composed.fits:
                network, length = composed.tightest
                raise Refused(f"the post would be {length.length} {length.how} on {network} (with link, footer "
                              f"and hashtags), over {length.limit}; shorten the text", "text")

    def post_length(self, campaign: Campaign, tip: Tip, text: str | None = None) -> tuple[int, int]:
        """(length, limit) of the tip's post where it comes nearest its network's limit."""
        _, length = self.composed(campaign, tip, text).tightest
        return length.length, length.limit

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


    def where_it_goes(self, slug: str, tip_id: str) -> str:
        """When and where a queued tip goes out, in words: 'Thu 03 Dec 18:30 (America/New_York) on X and Mastodon'."""
        states = [row for row in self.post_states(f"{slug}/{tip_id}") if row["status"] in WAITING]
        if not states:
            return "it is not in the queue (see the Queue page)"
        schedule = self.settings.schedule
        accounts = {a.network: a for a in schedule.all_accounts}
        first = min(datetime.fromisoformat(row["due_at"]) for row in states).astimezone(schedule.zone)
        places = []
        for network in sorted({row["network"] for row in states}):
            account = accounts.get(network)
            if account is not None and networks.get(account.publisher).rehearsal:
                places.append("the outbox (a file in .juno/outbox; nothing is sent)")
            else:
                places.append(networks.get(network).name)
        where = " and ".join([", ".join(places[:-1]), places[-1]] if len(places) > 1 else places)
        return f"{first:%a %d %b %H:%M} ({schedule.zone.key}) on {where}"

    def added_to_post(self, campaign: Campaign, tip: Tip) -> str:
        """What the post carries besides the tip's words, as the counter says it: 'link, hashtags included'."""
        schedule = self.settings.schedule
        composed = compose_tip(schedule, campaign, tip).text
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

    # --- the queue -----------------------------------------------------------------------------

    def queue(self, slug: str, now: datetime) -> QueueReport:
        with self.store() as store:
            return QueueReport.of(queue_campaigns(self.settings, store, now, [slug]))

    def _requeue_if_approved(self, saved: Saved, tip_id: str, now: datetime) -> None:
        tip = saved.campaign.tip(tip_id)
        if saved.entry is not None and tip is not None and tip.status == "approved":
            self.queue(saved.campaign.slug, now)  # an edited tip never goes out in its old form

    def queue_or_restore(self, file: CampaignFile, before_text: bytes, saved: Saved, now: datetime) -> None:
        """Queue the campaign as `juno-scheduler queue` would; if that refuses, put the file back."""
        if saved.entry is None:
            return
        try:
            self.queue(file.slug, now)
        except ContentError as exc:
            write_atomic(file.path, before_text)
            audit.record(self.root, what="undo", campaign=file.slug, tip=saved.entry["tip"],
                         before=saved.entry["after"], after=saved.entry["before"], now=now,
                         undoes=saved.entry["id"])
            raise Refused(str(exc)) from None

    def move(self, post_id: str, when: str, *, now: datetime, batch: str | None = None) -> Pinned:
        """Pin a queued post to a local day and time, if the timetable's rules allow it."""
        with self.store() as store:
            post = store.get(post_id)
            if post is None:
                raise Refused(f"no post {post_id!r}; reload the page")
            local = check_move(self.settings, store, post, when, now)
        slug, tip_id = post.tip_key.split("/", 1)
        file = self.campaign_file(slug)
        before_text, version = file.read()
        slots = self.post_states(post.tip_key)  # undo puts them back in exactly these slots
        saved = file.change(tip_id, lambda tips: set_fields(tips, tip_id, {"at": local}), version=version,
                            what="move", now=now, posts={"before": slots, "after": None},
                            extra={"batch": batch} if batch else None)
        self.queue_or_restore(file, before_text, saved, now)
        return Pinned(post.id, local.isoformat(timespec="minutes"))


@lru_cache(maxsize=4096)
def _fingerprint(headline: str, brand: Brand, kicker: str | None, size: str) -> str:
    return fingerprint(headline, brand, size, kicker)


def _normal(key: str, value) -> str | None:
    """A field as it is saved: trimmed, a headline on one line, an empty alt text none."""
    text = "" if value is None else str(value).strip()
    if key == "headline":
        text = " ".join(text.split())
    return text or None


def _field_value(key: str, value) -> str | None:
    """What the manager typed, as it will be saved; too long or (headline, text) empty is refused."""
    text = _normal(key, value)
    if text is not None and len(text) > MAX_FIELD:
        raise Refused(f"{len(text)} characters is far too long; a post holds 280", key)
    if text is None and key != "alt_text":
        raise Refused(f"the {key.replace('_', ' ')} is empty; write it", key)
    return text



__all__ = ["Editor"]
