"""What the manager can change from the studio, each through the library's front door.

The studio keeps no state of its own: campaign files stay the truth (changed through
`editing.CampaignFile`, so comments, key order, validation, conflicts and the audit log are handled in
one place), and queueing, retrying, skipping, pausing and resuming are the same `Project` calls as the
CLI's `queue`, `retry`, `skip`, `pause` and `resume`.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Callable
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from scheduler import audit, networks
from scheduler.audit import snapshot
from scheduler.campaigns.file import Campaign, Tip
from scheduler.errors import ContentError, JunoError
from scheduler.posttext import Composed, compose_tip
from scheduler.studio.editing import (
    CampaignFile,
    Conflict,
    Refused,
    Saved,
    find,
    index_of,
    move_tip,
    put_tip,
    set_fields,
)
from scheduler.tips.sentences import slugify

if TYPE_CHECKING:
    from scheduler.config import Settings

logger = logging.getLogger(__name__)

_SLUG = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,149}")  # what names a campaign file (and fits a file name)
EDITABLE = ("headline", "text", "alt_text")
WAITING_STATES = ("queued", "failed", "missed", "claimed")
MAX_FIELD = 5000


class Workspace:
    """One project folder as the studio sees it; `clock` is the only place the time comes from."""

    def __init__(self, root: Path | str, clock: Callable[[], datetime]):
        from scheduler import open_project

        self.root = Path(root).resolve()
        self.project = open_project(self.root)
        self.clock = clock
        self._settings: Settings | None = None
        self._settings_key: tuple[float, ...] | None = None
        self._brand = None
        self._lengths: dict[tuple, Composed] = {}

    # --- the project's settings, reread when schedule.yaml or brand.yaml change ------------------

    def refresh(self) -> None:
        """Reread the settings if posts/schedule.yaml, assets/brand.yaml or .env changed (once per request)."""
        key = tuple(_mtime(self.root / name) for name in ("posts/schedule.yaml", "assets/brand.yaml", ".env"))
        if self._settings is None or key != self._settings_key:
            self._settings, self._brand = None, None
            self.project.reload()
            self._settings = self.project.settings  # a bad file raises here, and again on the next use
            self._settings_key = key

    @property
    def settings(self):
        if self._settings is None:
            self.refresh()
        return self._settings

    @property
    def brand(self):
        settings = self.settings
        if self._brand is None:
            from scheduler.cards.brand import load_brand

            self._brand = load_brand(self.root, settings.schedule.account.handle)
        return self._brand

    @contextmanager
    def store(self):
        self.settings  # noqa: B018 - refreshed settings before the project opens its database
        with self.project.store() as store:
            yield store

    def campaign_file(self, slug: str) -> CampaignFile:
        if not _SLUG.fullmatch(slug or "") or not (self.root / "posts" / f"{slug}.yaml").is_file():
            raise ContentError(f"posts/{slug[:60]}{'…' if len(slug) > 60 else ''}.yaml: no such campaign; "
                               "pick one on the Campaigns page")
        return CampaignFile(self.root, slug)

    def campaign(self, slug: str) -> tuple[Campaign, str]:
        return self.campaign_file(slug).load()

    # --- editing -------------------------------------------------------------------------------

    def edit_tip(self, slug: str, tip_id: str, values: dict, version: str, was: dict | None = None) -> Saved:
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
                                                what="edit", now=self.clock(), check=self._check_tip,
                                                extra={"fields": sorted(fields)})
        self._requeue_if_approved(saved, tip_id)
        return saved

    def set_links(self, slug: str, url: str, hashtags: str | None, was: dict | None = None) -> Saved:
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
        saved = file.change_links(values, was=shown, now=self.clock())
        self._queue_or_restore(file, before_text, saved)
        return saved

    def _own_hashtags(self, typed: str, own: tuple[str, ...] | None) -> list[str] | None:
        """The hashtags typed ("#Grief #Loss", "Grief, Loss"; empty: none) as the campaign's own; None (the
        practice's) when they are the practice's and the campaign had none of its own."""
        tags = [tag if tag.startswith("#") else f"#{tag}" for tag in re.split(r"[\s,]+", typed) if tag]
        if len(tags) > 30:
            raise Refused(f"{len(tags)} hashtags is far too many for one post; keep a few", "hashtags")
        return None if own is None and tags == list(self.settings.schedule.hashtags) else tags

    def set_status(self, slug: str, tip_id: str, status: str, version: str | None, acknowledge=(),
                   batch: str | None = None) -> Saved:
        """draft, approved or skip; approving needs every flag acknowledged and queues the tip at once.
        `batch`: the change is one of several made at once (undo reverts them together)."""
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
                            what=status if status != "approved" else "approve", now=self.clock(),
                            check=self._check_tip if status == "approved" else None,
                            extra={"batch": batch} if batch else None)
        self._queue_or_restore(file, before_text, saved)
        return saved

    def reorder(self, slug: str, tip_id: str, offset: int, version: str) -> Saved:
        file = self.campaign_file(slug)
        before_text, _ = file.read()
        saved = file.change(tip_id, lambda tips: move_tip(tips, tip_id, offset), version=version,
                            what="reorder", now=self.clock())
        self._queue_or_restore(file, before_text, saved)
        return saved

    def add_tip(self, slug: str, text: str, paragraph: int | None, version: str) -> Saved:
        """A new draft tip from words of the article, made as `split --take` makes one (headline, fitting,
        flags, a note naming the passage), placed after the tips drawn from before that passage."""
        from scheduler.tips.splitter import post_fits
        from scheduler.tips.taking import take

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
            version=version, what="add", now=self.clock())

    def add_article(self, title: str, text: str, upload_name: str | None = None, upload: bytes | None = None,
                    url: str = "", hashtags: str | None = None) -> str:
        """A pasted or uploaded article saved under posts/articles/ and split, as `juno-scheduler split` would,
        with the article's address and the campaign's hashtags as typed (empty address: the article's own, if it
        gives one; `hashtags` None or the practice's: the practice's).

        Returns the campaign's slug. When split refuses the article, the file is removed again."""
        from scheduler.fileio import write_atomic

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
            name, data = self._article_name(Path(upload_name or "").stem) + suffix, upload
        else:
            title, text = " ".join(str(title).split()), str(text).strip()
            if not title or not text:
                raise Refused("give the article's title and paste its text", "title" if not title else "article")
            if len(text) > 500_000:
                raise Refused("the text is over 500,000 characters; is it really one article?", "article")
            name, data = self._article_name(title) + ".txt", f"{title}\n\n{text}\n".encode()
        folder = self.root / "posts" / "articles"
        stem = Path(name).stem
        if any(folder.glob(f"{stem}.*")) or (self.root / "posts" / f"{stem}.yaml").exists():
            raise Refused(f"posts/articles/{stem}: an article of that name is already here; give another title",
                          "title")
        path = write_atomic(folder / name, data)
        try:
            report = self.project.split(path, url=url or None, hashtags=tags)
        except ContentError as exc:
            path.unlink(missing_ok=True)
            field = next((key for key, said in (("url", "the article's address:"), ("hashtags", "hashtags:"))
                          if str(exc).startswith(said)), "article")
            raise Refused(str(exc), field) from None
        slug = report.article.slug or stem
        _, version = self.campaign_file(slug).read()
        audit.record(self.root, what="add-article", campaign=slug, tip=None, before=None,
                     after={"article": f"posts/articles/{name}", "tips": len(report.tips), "version": version},
                     now=self.clock())
        return slug

    def _article_name(self, title: str) -> str:
        """The article's file name (and so its campaign's slug) from its title: its Latin words; else the names
        of its emoji ('two-hearts'); else 'article-' and the day it was added, so that it never becomes 'tip'."""
        if re.search(r"[A-Za-z0-9]", unicodedata.normalize("NFKD", title)):
            return slugify(title, max_words=30, max_length=100)
        names = " ".join(unicodedata.name(ch, "") for ch in title if unicodedata.category(ch) == "So")
        if names.strip():
            return slugify(names, max_words=8, max_length=60)
        base = f"article-{self.clock().astimezone(self.settings.schedule.zone):%Y-%m-%d}"
        folder, number = self.root / "posts", 1
        name = base
        while (folder / f"{name}.yaml").exists() or any((folder / "articles").glob(f"{name}.*")):
            number += 1
            name = f"{base}-{number}"
        return name

    def undo(self, entry_id: str | None = None) -> dict | None:
        """Revert one change exactly (default: the latest still in effect, wherever it was made).

        An undo of an undo is a redo. The change is reverted only if what it changed is still as it left it
        (else Refused, nothing changed); returns the entry reverted, or None when there is nothing to undo."""
        if entry_id:
            entry = audit.find_entry(self.root, entry_id)
            if entry is None:
                raise Refused("that change is not in .juno/audit.jsonl; reload the page")
            if entry["id"] in audit.undone_ids(audit.entries(self.root)):
                raise Refused(f"{audit.describe(entry)} is undone already")
        else:
            entry = audit.last_undoable(self.root)
            if entry is None:
                return None
        found = audit.entries(self.root)
        undone = audit.undone_ids(found)
        members = [e for e in reversed(audit.batch_of(found, entry)) if e["id"] not in undone]
        if len(members) <= 1:
            self._undo_one(entry)
            return entry
        together = {"batch": audit.new_batch(self.clock()), "of": len(members)}  # a redo reverts them together too
        for done, member in enumerate(members):  # newest first, as they were made the other way round
            try:
                self._undo_one(member, together)
            except Refused as refused:
                raise Refused(f"{done} of the {len(members)} changes made at once are reverted; then "
                              f"{refused}") from None
        return {**entry, "of": len(members)}

    def _undo_one(self, entry: dict, together: dict | None = None) -> None:
        """Revert one entry; `together` (batch, of) marks the lines written as part of one undo of several."""
        extra = {k: v for k, v in (together or {}).items() if k == "batch"}
        what = "redo" if entry["what"] == "undo" else "undo"
        now = self.clock()
        if entry["what"] in ("pause", "resume"):
            network = entry.get("network") if isinstance(entry.get("network"), str) else None
            (self.project.resume if entry["what"] == "pause" else self.project.pause)(now, network, by=None)
            audit.record(self.root, what=what, campaign=None, tip=None, before=None, after=None, now=now,
                         undoes=entry["id"], extra={"network": network, **extra})
            return
        if entry.get("links") and entry.get("campaign"):
            self._revert_links(entry, what)
            return
        if entry["what"] == "add-article":
            self._remove_article(entry)
            audit.record(self.root, what=what, campaign=entry["campaign"], tip=None, before=entry["after"],
                         after=None, now=now, undoes=entry["id"], extra=extra or None)
            return
        if not entry.get("campaign"):
            raise Refused(f"{audit.describe(entry)} cannot be undone from the studio")
        posts = entry.get("posts") or {}
        if entry.get("tip") and (entry.get("before") is not None or entry.get("after") is not None):
            self._revert_tip(entry, what, extra)
        elif not posts.get("before"):
            if entry["what"] == "undo":
                raise Refused(f"{audit.describe(entry)} cannot be redone; make the change again")
            raise Refused(f"{audit.describe(entry)} cannot be undone from the studio")
        else:
            key = f"{entry['campaign']}/{entry['tip']}"
            current = self.project.post_states(key)
            try:
                self.project.restore_posts(posts["before"], posts.get("after") or current, now)
            except JunoError as exc:
                raise Refused(str(exc)) from None
            audit.record(self.root, what=what, campaign=entry["campaign"], tip=entry["tip"], before=None,
                         after=None, now=now, undoes=entry["id"],
                         posts={"before": current, "after": posts["before"]}, extra=extra or None)

    def _revert_tip(self, entry: dict, what: str, extra: dict | None = None) -> None:
        """The tip back as it was before `entry` (its words, status, pin and place), then its posts' slots."""
        file = self.campaign_file(entry["campaign"])
        tip_id = entry["tip"]
        before, after = entry.get("before"), entry.get("after")

        def revert(tips):
            now_values = snapshot(find(tips, tip_id))
            expected = None if after is None else {k: v for k, v in after.items() if k != "position"}
            if now_values != expected:
                raise Refused(f"tip {tip_id!r} changed after {audit.describe(entry)}; undo it by hand")
            values = None if before is None else {k: v for k, v in before.items() if k != "position"}
            position = before.get("position") if before else index_of(tips, tip_id)
            return put_tip(tips, values, tip_id, position)

        key = f"{entry['campaign']}/{tip_id}"
        slots_before = (entry.get("posts") or {}).get("before")
        current = self.project.post_states(key) if slots_before else None
        before_text, _ = file.read()
        saved = file.change(tip_id, revert, version=None, what=what, now=self.clock(), undoes=entry["id"],
                            posts={"before": current, "after": slots_before} if slots_before else None,
                            extra=extra or None)
        self._queue_or_restore(file, before_text, saved)
        if slots_before and saved.entry is not None:
            try:
                self.project.restore_posts(slots_before, self.project.post_states(key), self.clock())
            except JunoError as exc:
                raise Refused(f"the tip is back as it was, but {exc}") from None

    def _revert_links(self, entry: dict, what: str) -> None:
        """The article's address and the campaign's hashtags back as they were before `entry`, if still as it left them."""
        file = self.campaign_file(entry["campaign"])
        before_text, _ = file.read()
        try:
            saved = file.change_links(entry.get("before") or {}, was=entry.get("after") or {}, now=self.clock(),
                                      what=what, undoes=entry["id"])
        except Conflict:
            raise Refused(f"the address or hashtags of {entry['campaign']} changed after {audit.describe(entry)}; "
                          "set them by hand") from None
        self._queue_or_restore(file, before_text, saved)

    def _remove_article(self, entry: dict) -> None:
        """Undo of "Add an article": its campaign, article and split record go, if nothing was done with it."""
        slug = entry["campaign"]
        after = entry.get("after") or {}
        file = self.campaign_file(slug)
        _, version = file.read()
        if after.get("version") != version:
            raise Refused(f"posts/{slug}.yaml changed after it was added; remove the campaign by hand")
        with self.store() as store:
            if any(post.campaign == slug for post in store.posts()):
                raise Refused(f"{slug} has posts in the queue; skip them first")
        article = self.root / str(after.get("article", ""))
        if article.parent == self.root / "posts" / "articles":
            article.unlink(missing_ok=True)
        (self.root / ".juno" / "split" / f"{slug}.json").unlink(missing_ok=True)
        file.path.unlink()

    # --- checks shared by every save -------------------------------------------------------------

    def _check_tip(self, campaign: Campaign, tip: Tip | None) -> None:
        """The card stage's headline check on every card size the accounts use, and for an approved tip
        the post's length by each account's own network (refused only when it fits none, as queue does)."""
        if tip is None:
            return
        from scheduler.cards.render import check_card, kicker_for

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
        key = (self._settings_key, campaign.url, campaign.hashtags, campaign.slug, tip.sensitive, tip.texts, tip.text,
               text)
        if key not in self._lengths:
            if len(self._lengths) > 4096:
                self._lengths.clear()
            self._lengths[key] = compose_tip(schedule, campaign, tip, text, state_dir=self.settings.state_dir)
        return self._lengths[key]

    @property
    def card_size(self) -> str:
        """The card the studio shows: the one the first account's network shows."""
        return self.card_sizes[0]

    @property
    def card_sizes(self) -> tuple[str, ...]:
        """Every card size the configured networks show, the first account's first."""
        return networks.card_sizes(self.settings.schedule.all_accounts)

    def where_it_goes(self, slug: str, tip_id: str) -> str:
        """When and where a queued tip goes out, in words: 'Thu 03 Dec 18:30 (America/New_York) on X and Mastodon'."""
        states = [row for row in self.project.post_states(f"{slug}/{tip_id}") if row["status"] in WAITING_STATES]
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

    def queue(self, slug: str):
        self.settings  # noqa: B018 - refreshed settings first
        return self.project.queue(self.clock(), [slug])

    def _requeue_if_approved(self, saved: Saved, tip_id: str) -> None:
        tip = saved.campaign.tip(tip_id)
        if saved.entry is not None and tip is not None and tip.status == "approved":
            self.queue(saved.campaign.slug)  # an edited tip never goes out in its old form

    def _queue_or_restore(self, file: CampaignFile, before_text: bytes, saved: Saved) -> None:
        """Queue the campaign as `juno-scheduler queue` would; if that refuses, put the file back."""
        if saved.entry is None:
            return
        try:
            self.queue(file.slug)
        except ContentError as exc:
            from scheduler.fileio import write_atomic

            write_atomic(file.path, before_text)
            audit.record(self.root, what="undo", campaign=file.slug, tip=saved.entry["tip"],
                         before=saved.entry["after"], after=saved.entry["before"], now=self.clock(),
                         undoes=saved.entry["id"])
            raise Refused(str(exc)) from None

    def move(self, post_id: str, when: str, batch: str | None = None) -> dict:
        """Pin a queued post to a local day and time, if the timetable's rules allow it."""
        from scheduler.studio.moving import check_move

        with self.store() as store:
            post = store.get(post_id)
            if post is None:
                raise Refused(f"no post {post_id!r}; reload the page")
            local = check_move(self.settings, store, post, when, self.clock())
        slug, tip_id = post.tip_key.split("/", 1)
        file = self.campaign_file(slug)
        before_text, version = file.read()
        slots = self.project.post_states(post.tip_key)  # undo puts them back in exactly these slots
        saved = file.change(tip_id, lambda tips: set_fields(tips, tip_id, {"at": local}), version=version,
                            what="move", now=self.clock(), posts={"before": slots, "after": None},
                            extra={"batch": batch} if batch else None)
        self._queue_or_restore(file, before_text, saved)
        return {"id": post.id, "at": local.isoformat(timespec="minutes")}


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


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime_ns
    except FileNotFoundError:
        return 0


__all__ = ["Refused", "Saved", "Workspace", "timedelta"]
