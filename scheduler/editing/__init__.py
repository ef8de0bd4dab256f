"""A person's changes to campaigns, as the studio makes them: each checked, written, recorded and undoable.

Campaign files stay the truth: every change goes through `campaigns.roundtrip.CampaignFile` (comments, key
order, validation, conflicts and the audit log in one place), and an approved tip is queued at once, as
`juno-scheduler queue` would (if queueing refuses, the file is put back). What the studio shows of a tip (its
card, alt text, its post on every network) is `Showing` (showing.py), which Editor extends. The front door (`Project`) holds
one Editor per version of the settings; nothing here reads the clock.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from scheduler import audit, networks
from scheduler.audit import snapshot
from scheduler.campaigns.file import Campaign, Tip, article_file, brought_words
from scheduler.campaigns.queueing import queue_campaigns
from scheduler.campaigns.refusals import TooLong
from scheduler.campaigns.roundtrip import (
    CampaignFile,
    Saved,
    find,
    move_tip,
    put_tip,
    set_fields,
)
from scheduler.cards.render import check_card, kicker_for
from scheduler.editing import undo as undoing
from scheduler.editing.moves import check_move
from scheduler.editing.showing import Showing
from scheduler.errors import (
    AlreadyHere,
    Conflict,
    ContentError,
    Refused,
    codepoint,
    unsafe_character,
)
from scheduler.fileio import write_atomic
from scheduler.results import Pinned, QueueReport, SplitReport
from scheduler.tips.flags import sensitive_words
from scheduler.tips.judging import Place, judged_edit, place_of
from scheduler.tips.readiness import notes_after_edit
from scheduler.tips.sentences import slugify
from scheduler.tips.splitter import post_fits
from scheduler.tips.taking import take
from scheduler.yamlio import unique_hashtags

EDITABLE = ("headline", "text", "alt_text")
MAX_FIELD = 5000


class Editor(Showing):
    """A person's changes to one project folder's campaigns under one version of its settings (the Project
    makes a new one on reload)."""

    # --- editing -------------------------------------------------------------------------------

    def edit_tip(self, slug: str, tip_id: str, values: dict, version: str, was: dict | None, *,
                 now: datetime) -> Saved:
        """Headline, text and alt text as the manager typed them (an empty alt text means 'from the card'), and
        `texts` ({network: text}), the networks' own texts (an empty one: that network posts the text).

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
        own = _own_texts(values.get("texts") or {}, (was or {}).get("texts"), self.settings)
        if was is not None and not fields and not own:
            return Saved(self.campaign(slug)[0], version, None)
        campaign = self.campaign(slug)[0]
        title = campaign.title  # context for the sensitive flag in an article about grief

        def edit(tips):
            item = find(tips, tip_id)
            if was is not None and item is not None:
                sides = _sides(item, values, was, fields, own)
                if any(side["you_changed"] and side["they_changed"] for side in sides):
                    raise Conflict(snapshot(item), "", sides)  # change() fills in the file's version
            flagged = _flags_after(item, fields, own, title)
            place = place_of(self.root, campaign, item) if item is not None and fields.keys() & {"headline", "text"} else None
            changes: dict[str, Any] = {**fields, **flagged, **_notes_after(item, {**fields, **flagged}, own, place)}
            if own and item is not None:
                merged = {**{str(k): str(v) for k, v in (item.get("texts") or {}).items()}, **own}
                known = networks.keys()  # in the registry's order, as split writes them
                changes["texts"] = {network: merged[network] for network in known if merged.get(network)} or None
            return set_fields(tips, tip_id, changes)

        try:
            saved = self.campaign_file(slug).change(tip_id, edit, version=None if was is not None else version,
                                                    what="edit", now=now, check=self._check_tip,
                                                    extra={"fields": sorted(fields) + (["texts"] if own else [])})
        except Conflict as conflict:
            if conflict.sides is not None or conflict.theirs is None:
                raise
            # a page that did not say what it showed (an old tab): it would write every field, so the fields
            # that differ from the file's are the ones to show; one that writes the file's words changes nothing
            sides = _stored_sides(conflict.theirs, fields, own)
            if not sides:
                return Saved(self.campaign(slug)[0], conflict.version, None)
            raise Conflict(conflict.theirs, conflict.version, sides) from None
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
        changed = [field for field in ("url", "hashtags") if saved.entry and field in saved.entry["fields"]]
        self.queue_or_restore(file, before_text, saved, now, field=(changed or ["url"])[0])
        return saved

    def _own_hashtags(self, typed: str, own: tuple[str, ...] | None) -> list[str] | None:
        """The hashtags typed ("#Grief #Loss", "Grief, Loss"; empty: none) as the campaign's own; None (the
        practice's) when they are the practice's and the campaign had none of its own."""
        tags = list(unique_hashtags(tag if tag.startswith("#") else f"#{tag}" for tag in re.split(r"[\s,]+", typed) if tag))
        if len(tags) > 30:
            raise Refused(f"{len(tags)} hashtags is far too many for one post; keep a few", "hashtags")
        return None if own is None and tags == list(self.settings.schedule.hashtags) else tags

    def set_status(self, slug: str, tip_id: str, status: str, version: str | None, acknowledge: Sequence[str], *,
                   now: datetime, batch: str | None = None, shown: str | None = None) -> Saved:
        """draft, approved or skip; approving needs every flag acknowledged and queues the tip at once.

        `shown`: the digest of the tip as the page showed it (Tip.digest); then only a change to this tip since is
        a conflict, not one to another tip of the file (the command line approving and queueing others)."""
        if status not in ("draft", "approved", "skip"):
            raise Refused(f"unknown status {status!r}")
        campaign, current = self.campaign(slug)
        tip = campaign.tip(tip_id)
        if tip is None:
            raise Refused(f"there is no tip {tip_id!r} in this campaign any more; reload the page")
        if tip.status == status and not (status == "approved" and tip.unacknowledged):
            # already so on disk (another tab or the command line did it): nothing to write, so nothing clashes
            return Saved(campaign, current, None)
        fields: dict = {"status": status}
        if status == "approved":
            missing = [flag for flag in tip.unacknowledged if flag not in acknowledge]
            if missing:
                raise Refused(f"acknowledge the {' and '.join(missing)} flag{'s' if len(missing) > 1 else ''} "
                              "before approving this tip", "reviewed")
            if tip.review:
                fields["reviewed"] = [flag for flag in tip.review]
        file = self.campaign_file(slug)
        if shown:  # read under the lock (Project.changing): the tip as the file has it now
            if tip.digest() != shown:
                raise Conflict(file.tips_values().get(tip_id), current)
            version = None
        before_text, _ = file.read()
        saved = file.change(tip_id, lambda tips: set_fields(tips, tip_id, fields), version=version,
                            what=status if status != "approved" else "approve", now=now,
                            check=self._check_tip if status == "approved" else None,
                            extra={"batch": batch} if batch else None)
        self.queue_or_restore(file, before_text, saved, now)
        return saved

    def drop_flag(self, slug: str, tip_id: str, flag: str, version: str | None, *, now: datetime) -> Saved:
        """A flag a person judged wrong, taken off the tip: the same as deleting it from `review:` (its
        acknowledgement, the words that raised it and the note that held the tip back for it go with it; the tip
        is ready if split would call its words ready unflagged), recorded so Undo puts it back. An approved tip
        is queued again at once (a sensitive flag's crisis footer leaves its posts)."""
        campaign, _ = self.campaign(slug)
        tip = campaign.tip(tip_id)
        if tip is None:
            raise Refused(f"there is no tip {tip_id!r} in this campaign any more; reload the page")
        if flag not in tip.review:
            raise Refused(f"{tip_id} has no {flag} flag (any more); reload the page", "reviewed")
        words = {key: value for key, value in tip.review_words.items() if key != flag}
        fields = {"review": [f for f in tip.review if f != flag] or None,
                  "reviewed": [f for f in tip.reviewed if f != flag] or None, "review_words": words or None}

        def unflag(tips):  # the notes that only described the flag go with it, as split reads the tip unflagged
            item = find(tips, tip_id)
            place = place_of(self.root, campaign, item) if item is not None else None
            return set_fields(tips, tip_id, {**fields, **_notes_after(item, fields, {}, place)})

        file = self.campaign_file(slug)
        saved = file.change(tip_id, unflag, version=version, what="unflag", now=now, extra={"flag": flag})
        self._requeue_if_approved(saved, tip_id, now)
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
                section=section, title=campaign.title)
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
                    hashtags: str | None = None, update: str | None = None) -> str:
        """A pasted or uploaded article saved under posts/articles/ and split, as `juno-scheduler split` would,
        with the article's address and the campaign's hashtags as typed (empty address: the article's own, if it
        gives one; `hashtags` None or the practice's: the practice's).

        Returns the campaign's slug. When split refuses the article, the file is removed again. The same article
        added again (by its name, or word for word under another) is AlreadyHere, naming its campaign; `update`
        (that campaign's slug) then writes the new text over its article and splits it again, as `split` does on
        an edited article: edits and statuses are kept, tips whose words changed in the article are marked stale."""
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
        if update:
            return self._update_article(update, Path(name).suffix, data, split, now)
        self._refuse_a_second_copy(folder, stem, data)
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

    def _refuse_a_second_copy(self, folder: Path, stem: str, data: bytes) -> None:
        """AlreadyHere when an article of that name, or with the very same words, has a campaign already."""
        words = _words(data)
        for existing in sorted(folder.glob("*.*")) if folder.is_dir() else ():
            same = _words(existing.read_bytes()) == words if existing.is_file() else False
            if existing.stem != stem and not same:
                continue
            campaign = existing.stem if (self.root / "posts" / f"{existing.stem}.yaml").is_file() else None
            if campaign is None:
                raise Refused(f"posts/articles/{existing.name}: an article of that name is already here, with no "
                              "campaign; give another title, or split it with `juno-scheduler split`", "title")
            if same:
                raise AlreadyHere(f"this article is already here, word for word, as posts/articles/{existing.name} "
                                  f"(campaign {campaign}): nothing to add", campaign, True)
            raise AlreadyHere(f"an article of that name is already here (posts/articles/{existing.name}, campaign "
                              f"{campaign}), with other words: update that campaign with this text, or give "
                              "another title", campaign, False)
        if (self.root / "posts" / f"{stem}.yaml").exists():
            raise Refused(f"posts/{stem}.yaml: a campaign of that name is already here; give another title", "title")

    def _update_article(self, slug: str, suffix: str, data: bytes, split: Callable[..., SplitReport],
                        now: datetime) -> str:
        """The campaign's article replaced by `data` and split again (a merge); undo puts both files back."""
        campaign, _ = self.campaign(slug)
        path = article_file(self.root, campaign)
        if path.parent != self.root / "posts" / "articles" or not path.is_file():
            raise Refused(f"{slug}'s article is not in posts/articles/; update it by hand", "title")
        if suffix != path.suffix.lower():
            raise Refused(f"{slug}'s article is {path.name}: give its new text as a {path.suffix} file too", "file")
        kept = self.root / ".juno" / "replaced" / f"{now:%Y%m%dT%H%M%S}-{slug}"
        campaign_file = self.campaign_file(slug)
        old_campaign, _ = campaign_file.read()
        old_article = path.read_bytes()
        write_atomic(kept / "article", old_article)
        write_atomic(kept / "campaign.yaml", old_campaign)
        write_atomic(path, data)
        try:
            report = split(path)
        except ContentError as exc:
            write_atomic(path, old_article)
            raise Refused(str(exc), "article") from None
        _, version = campaign_file.read()
        audit.record(self.root, what="update-article", campaign=slug, tip=None, before=None,
                     after={"article": f"posts/{campaign.source}", "kept": str(kept.relative_to(self.root)),
                            "version": version, "tips": len(report.tips)}, now=now)
        self.queue(slug, now)  # approved tips whose words changed go out in their new words
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

    def undo_blocked(self, entry_id: str, *, now: datetime) -> str | None:
        """Why undo(entry_id) would be refused now (None: it would revert the change); nothing written."""
        return undoing.blocked(self, entry_id, now)

    def restore_posts(self, wanted: Sequence[dict], expected: Sequence[dict], now: datetime,
                      check_only: bool = False, slots: bool = True) -> list[str]:
        with self.store() as store:
            return undoing.restore_posts(self.settings, store, wanted, expected, now, check_only, slots)

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
                network = composed.tightest[0]
                raise Refused(f"the post would be {composed.over_limit(network)} on {network}; shorten the text", "text")

    # --- the queue -----------------------------------------------------------------------------

    def queue(self, slug: str, now: datetime, tips: Sequence[str] | None = None) -> QueueReport:
        with self.store() as store:
            return QueueReport.of(queue_campaigns(self.settings, store, now, [slug], tips))

    def _requeue_if_approved(self, saved: Saved, tip_id: str, now: datetime) -> None:
        tip = saved.campaign.tip(tip_id)
        was_approved = (saved.entry or {}).get("before", {}).get("status") == "approved"
        # an edited tip never goes out in its old form; one the edit sent back to draft leaves the queue.
        # A tip approved and not queued yet (`approve` from the command line, no `queue` since) has no post to
        # update: it stays for `queue`, which places it in the article's order (queued alone here it took the
        # first free slot, ahead of the tips it follows)
        if saved.entry is not None and tip is not None and (tip.status == "approved" or was_approved) \
                and self.post_states(f"{saved.campaign.slug}/{tip_id}"):
            self.queue(saved.campaign.slug, now, [tip_id])

    def queue_or_restore(self, file: CampaignFile, before_text: bytes, saved: Saved, now: datetime,
                         field: str | None = None) -> None:
        """Queue the campaign as `juno-scheduler queue` would; if that refuses, put the file back (the refusal
        is about `field`, and names the tips that would be too long)."""
        if saved.entry is None:
            return
        try:
            self.queue(file.slug, now)
        except ContentError as exc:
            write_atomic(file.path, before_text)
            audit.record(self.root, what="undo", campaign=file.slug, tip=saved.entry["tip"],
                         before=saved.entry["after"], after=saved.entry["before"], now=now,
                         undoes=saved.entry["id"])
            tips = tuple(key.split("/", 1)[1] for key in exc.tips if key.startswith(f"{file.slug}/")) \
                if isinstance(exc, TooLong) else ()
            raise Refused(str(exc), field, tips) from None

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


def _notes_after(item: dict | None, fields: dict, own: dict, place: Place | None) -> dict:
    """The tip's notes (and `ready`) for its new words and flags (`fields`: what the edit writes, a new flag
    included), judged by split's rules and tip model (tips.judging); a flag not acknowledged holds it back as
    split holds a flagged tip."""
    changed = [key for key in (*EDITABLE, "review") if key in fields] + (["texts"] if own else [])
    if item is None or not changed:
        return {}
    headline, text = (str(fields.get(key) or item.get(key) or "") for key in ("headline", "text"))
    reviewed = [str(flag) for flag in item.get("reviewed") or ()]
    flags = [str(flag) for flag in fields.get("review", item.get("review")) or () if flag not in reviewed]
    others = [str(fields.get("alt_text", item.get("alt_text")) or ""),
              *(str(words) for words in {**(item.get("texts") or {}), **own}.values() if words)]
    if "ready" not in item:  # written by hand: its notes follow its words, it has no ready of split's
        return {"notes": notes_after_edit([str(note) for note in item.get("notes") or ()], headline, text, changed,
                                          flags=flags, others=others, was=str(item.get("headline") or "")) or None}
    notes, ready = judged_edit(item, headline, text, changed, flags=flags, others=others, where=place)
    return {"notes": notes or None, "ready": ready}


def _flags_after(item: dict | None, fields: dict, own: dict, title: str = "") -> dict:
    """A tip edited to speak of death, self-harm, abuse or a crisis is flagged `sensitive`, as split flags such
    words: its posts carry the crisis footer, and it waits for a person to acknowledge the flag like any other (an
    approved tip goes back to draft, to be approved again with the tick). Only words the edit brought count
    (campaigns.file.brought_words): a flag a person took off stays off for the words she judged. An edit never
    takes a flag away (a person does that in the campaign file or with "This sensitive flag is wrong")."""
    review = [str(flag) for flag in (item or {}).get("review") or ()]
    if item is None or "sensitive" in review or not (fields or own):
        return {}
    texts = {**{str(k): str(v) for k, v in (item.get("texts") or {}).items() if v}, **own}
    found = sensitive_words(*(str(fields.get(key, item.get(key)) or "") for key in ("headline", "text")),
                            *(str(text) for text in texts.values() if text), title=title)
    found = brought_words(found, *(str(item.get(key) or "") for key in ("headline", "text")),
                          *(str(text) for text in (item.get("texts") or {}).values() if text))
    if not found:
        return {}
    back = {"status": "draft"} if item.get("status") == "approved" else {}  # approved again, with the tick
    return {"review": [*review, "sensitive"],
            "review_words": {**(item.get("review_words") or {}), "sensitive": list(found)}, **back}


def _sides(item: dict, values: dict, was: dict, fields: dict, own: dict) -> list[dict]:
    """Each field where the words typed differ from the file's now: who changed it since the page was made (this
    page: `fields`, `own`; the file: it no longer holds what the page showed). A field both changed to the same
    words is no clash, and is left out."""
    sides = []
    for key in EDITABLE:
        if key not in values:
            continue
        theirs = _normal(key, item.get(key))
        yours = fields[key] if key in fields else _normal(key, was.get(key))
        if yours != theirs:
            sides.append({"field": key, "network": None, "yours": yours, "theirs": theirs,
                          "you_changed": key in fields, "they_changed": theirs != _normal(key, was.get(key))})
    on_file = {str(k): v for k, v in (item.get("texts") or {}).items()}
    shown = was.get("texts") or {}
    for network in values.get("texts") or {}:
        theirs = _normal("text", on_file.get(network))
        yours = own[network] if network in own else _normal("text", shown.get(network))
        if yours != theirs:
            sides.append({"field": "texts", "network": network, "yours": yours, "theirs": theirs,
                          "you_changed": network in own,
                          "they_changed": theirs != _normal("text", shown.get(network))})
    return sides


def _stored_sides(item: dict, fields: dict, own: dict) -> list[dict]:
    """Each field a page that did not say what it showed would write over different words in the file: all of
    them its change (who else changed what, since, is not known)."""
    sides = [{"field": key, "network": None, "yours": fields[key], "theirs": _normal(key, item.get(key)),
              "you_changed": True, "they_changed": False}
             for key in EDITABLE if key in fields and fields[key] != _normal(key, item.get(key))]
    on_file = {str(k): v for k, v in (item.get("texts") or {}).items()}
    sides += [{"field": "texts", "network": network, "yours": text, "theirs": _normal("text", on_file.get(network)),
               "you_changed": True, "they_changed": False}
              for network, text in own.items() if text != _normal("text", on_file.get(network))]
    return sides


def _normal(key: str, value) -> str | None:
    """A field as it is saved: trimmed, a headline on one line, an empty alt text none."""
    text = "" if value is None else str(value).strip()
    if key == "headline":
        text = " ".join(text.split())
    return text or None


def _own_texts(typed: dict, shown: dict | None, settings) -> dict[str, str | None]:
    """The networks' own texts the manager changed ({network: text, or None to post the tip's text there}):
    only configured networks; with `shown` (as the page showed them), the untouched ones left out."""
    configured = {account.network for account in settings.schedule.all_accounts}
    changed: dict[str, str | None] = {}
    for network, value in typed.items():
        if network not in configured:
            raise Refused(f"{network!r} is not a network this project posts to (posts/schedule.yaml)", "text")
        text = _normal("text", value)
        if text is not None and len(text) > MAX_FIELD:
            raise Refused(f"{len(text)} characters is far too long; a post holds 280", "text")
        _refuse_unsafe("text", text)
        if shown is not None and text == _normal("text", shown.get(network)):
            continue
        changed[network] = text
    return changed


def _field_value(key: str, value) -> str | None:
    """What the manager typed, as it will be saved; too long or (headline, text) empty is refused."""
    text = _normal(key, value)
    if text is not None and len(text) > MAX_FIELD:
        raise Refused(f"{len(text)} characters is far too long; a post holds 280", key)
    if text is None and key != "alt_text":
        raise Refused(f"the {key.replace('_', ' ')} is empty; write it", key)
    if key == "alt_text" and (problem := networks.alt_text_problem(text)) is not None:
        raise Refused(problem, key)
    _refuse_unsafe(key, text)
    return text


def _refuse_unsafe(key: str, text: str | None) -> None:
    """A control or bidi character pasted in is refused as the campaign file would refuse it when read."""
    char = unsafe_character(text or "")
    if char is not None:
        raise Refused(f"the control character {codepoint(char)} is not allowed (it would act on a terminal or "
                      "reorder the words when posted); delete it", key)



__all__ = ["Editor"]


def _words(data: bytes) -> str:
    """An article's words, for "is it the same article?": case, spacing and line breaks aside."""
    return " ".join(data.decode("utf-8", "replace").casefold().split())
