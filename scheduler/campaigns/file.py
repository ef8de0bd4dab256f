"""The campaign file, posts/<slug>.yaml: what split writes, what a person reviews, what later stages read.

`load_campaign` / `find_campaigns` give frozen `Campaign` objects (every mistake is one ContentError
naming file:line:col). `dump_campaign` writes the same bytes for the same campaign; `merge_tips`
keeps a person's edits and statuses when split runs again and marks tips whose source changed `stale`.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from enum import StrEnum
from json.encoder import encode_basestring
from pathlib import Path
from typing import Any

from scheduler import networks
from scheduler.errors import ContentError, did_you_mean
from scheduler.fileio import write_atomic
from scheduler.results import Result, Unreadable
from scheduler.yamlio import (
    Document,
    display_path,
    hashtag_list,
    load_document,
    reject_unknown_keys,
)


class TipStatus(StrEnum):
    DRAFT = "draft"
    APPROVED = "approved"
    SKIP = "skip"


STATUSES = tuple(str(status) for status in TipStatus)
REVIEW_FLAGS = ("sensitive", "privacy", "stale")
SCHEDULE_NAME = "schedule.yaml"

_ARTICLE_KEYS = ("title", "url", "source")
_TIP_KEYS = ("id", "headline", "text", "texts", "alt_text", "status", "section", "source", "review", "reviewed",
             "review_words", "notes", "ready", "at", "repeat_ok")
_SOURCE_KEYS = ("paragraph", "sentence", "digest")
_SLUG = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,199}$")
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# The one headline limit (campaign files and the studio hold every headline to it, split never writes past
# it, every card size is tested to draw it legibly on a phone: a wide 120-letter headline still sets at
# 76-94 px against a 51-75 px minimum). Split aims for 90 and goes up to this only for a whole sentence with
# nothing to cut.
MAX_HEADLINE = 120
# The note split leaves on a tip no passage gives any more. Not "its source is no longer in the article" (what it
# said before, still read as the same note): a user trial edited nothing in the article, and a passage edited
# in place is still there; what split knows is that it made no tip of it this time.
SOURCE_GONE = ("split makes no tip of its passage now: the passage changed or left the article, or the rules leave "
               "it out (split --json or .juno/split/ says which)")
_SOURCE_GONE_BEFORE = "its source is no longer in the article"
PERSONAL_DETAILS = "personal details"  # the privacy word when the details are in the tip but not one phrase  # the note split leaves on a tip whose source vanished
PIN_YEARS = (2000, 2200)  # beyond these, date arithmetic overflows; no post is planned so far ahead


@dataclass(frozen=True)
class Tip:
    id: str
    headline: str
    text: str
    status: TipStatus
    section: str | None
    source: dict = field(hash=False)  # {"paragraph": int, "sentence": int, "digest": str}; {} when written by hand
    review: tuple[str, ...] = ()  # sensitive | privacy | stale
    alt_text: str | None = None  # a person's override; None means "made from the card's words"
    at: datetime | None = None  # pinned local time (naive)
    reviewed: tuple[str, ...] = ()  # the flags a person acknowledged; the flags themselves stay
    notes: tuple[str, ...] = ()  # why split's rules were unsure ("headline shortened"); never blocks queueing
    review_words: dict = field(default_factory=dict, hash=False, compare=False)  # flag -> the words that raised it
    texts: tuple[tuple[str, str], ...] = ()  # (network, text): this network posts its own text
    ready: bool | None = None  # split's judgement that the tip can go out as it is; None: not split's (by hand)
    # a sensitive tip comes round again only with a person's OK given after its latest time out (UTC; `approve
    # --ack repeat`): one OK, one repeat
    repeat_ok: datetime | None = None

    def text_for(self, network: str) -> str:
        return dict(self.texts).get(network, self.text)

    def digest(self) -> str:
        """This tip as its file says it now, in 16 characters: a page's Approve, Skip or Back to draft sends the
        digest of the tip it showed, so a change to another tip of the file (the command line's `approve`) is
        no conflict, and a change to this one is."""
        return hashlib.sha256(repr(self).encode("utf-8")).hexdigest()[:16]

    def with_texts(self, typed: Mapping[str, str]) -> Tip:
        """This tip with the networks' own texts as typed (an empty one: that network posts the tip's text);
        a network not in `typed` keeps its own text, if it has one."""
        own = {**dict(self.texts), **{network: text.strip() for network, text in typed.items()}}
        known = networks.keys()  # in the registry's order, as the file's parser gives them
        return replace(self, texts=tuple((network, own[network]) for network in known if own.get(network)))

    @property
    def sensitive(self) -> bool:
        return "sensitive" in self.review

    @property
    def stale(self) -> bool:
        """Flagged stale and not yet looked at again by a person: held out of the queue."""
        return "stale" in self.review and "stale" not in self.reviewed

    @property
    def held(self) -> bool:
        """Approved or not, a flag no person acknowledged (sensitive, privacy or stale) keeps it out of the
        queue and from being posted: at `queue` and again when its post is claimed."""
        return bool(self.unacknowledged)

    @property
    def unacknowledged(self) -> tuple[str, ...]:
        """The flags a person must acknowledge before approving this tip."""
        return tuple(flag for flag in self.review if flag not in self.reviewed)

    @property
    def awaiting_person(self) -> tuple[str, ...]:
        """The flags that ask a person for something now: those not acknowledged, on a tip that may go out (a
        skipped tip never goes out: its flag asks nothing of anyone until a person takes it back)."""
        return () if self.status == TipStatus.SKIP else self.unacknowledged

    @property
    def flagged_by_heading_alone(self) -> bool:
        """Every flag a person must still acknowledge was raised by the heading the tip sits under, none by its own
        words (a flag with no words recorded counts as its own): split's summary lists such tips last."""
        pending = self.unacknowledged
        return bool(pending) and all(
            self.review_words.get(flag) and not _placed(self.review_words[flag], f"{self.headline} {self.text}",
                                                        self.section)[0]
            for flag in pending)

    def flag_reasons(self) -> dict[str, str]:
        """Each flag with what raised it, in words: '“suicide” in the text', 'under the heading “Grief and loss”'
        (a flag with no words recorded, as a person's or the article's change sets it: an empty reason)."""
        return {flag: flag_reason(self.review_words.get(flag, ()), f"{self.headline} {self.text}", self.section)
                for flag in self.review}


def flag_reason(words, text: str, heading: str | None) -> str:
    """The words that raised a flag, each said where it stands now: in the tip's own words, in the heading the tip
    sits under, or, edited out of the text since, as what it was flagged for
    ('“suicide” when flagged, since edited out of the text'): a reason never claims a word is in the text that is
    not, and the flag stays (a person acknowledges or removes it; taking the words out does not make the tip safe)."""
    in_text, in_heading = _placed(words, text, heading)
    gone = [word for word in in_text if word != PERSONAL_DETAILS and _folded(word) not in _folded(text)]
    in_text = [word for word in in_text if word not in gone]
    parts = [_listed(in_text) + " in the text"] if in_text else []
    parts += [f"under the heading “{heading}”"] if in_heading else []
    return " and ".join(parts + ([_listed(gone) + " when flagged, since edited out of the text"] if gone else []))


def _listed(words) -> str:
    return ", ".join(word if word == PERSONAL_DETAILS else f"“{word}”" for word in words)


def _placed(words, text: str, heading: str | None) -> tuple[list[str], list[str]]:
    """The words that raised a flag, parted: those in the tip's own words (or edited away since), those found only
    in its heading."""
    own, under = _folded(text), _folded(heading or "")
    in_heading = [word for word in words if _folded(word) not in own and _folded(word) in under]
    return [word for word in words if word not in in_heading], in_heading


def flags_said(tip: Tip, flags: Sequence[str] | None = None) -> str:
    """The tip's flags (or these of them), each with its reason: 'sensitive (“grief” in the text) and privacy'."""
    reasons = tip.flag_reasons()
    return " and ".join(f"{flag} ({reasons[flag]})" if reasons.get(flag) else flag
                        for flag in (tip.review if flags is None else flags))


def _folded(text: str) -> str:
    return " ".join(text.lower().split())


def brought_words(words: Sequence[str], *judged: str) -> tuple[str, ...]:
    """Of the words that raise a flag on a tip's new words, those its words before did not have (`judged`: its
    headline, text, own texts and heading as a person last left them). The one rule for raising a flag again after
    a change of words, a Save in the studio or a re-split of an edited article: a flag comes back only for words
    the person has not judged yet, so one she took off holds for the words she took it off for (user trial 10: a
    one-word edit flagged a tip "sensitive" again for the "trauma" she had judged fine)."""
    before = _folded(" ".join(judged))
    return tuple(word for word in words if _folded(word) not in before)


@dataclass(frozen=True)
class Campaign:
    slug: str
    path: Path
    title: str
    url: str | None
    source: str
    tips: tuple[Tip, ...]
    hashtags: tuple[str, ...] | None = None  # its posts' own hashtags ([]: none); None: posts/schedule.yaml's

    def tip(self, tip_id: str) -> Tip | None:
        return next((tip for tip in self.tips if tip.id == tip_id), None)


def tip_place(campaign: Campaign, root: Path, tip_id: str, key: str) -> str:
    """file:line:col of a tip's key in its campaign file (the file alone if it cannot be read again)."""
    shown = display_path(campaign.path, root)
    try:
        doc = load_document(campaign.path, root=root, error=ContentError)
        index = next(i for i, item in enumerate(doc.data["tips"]) if item.get("id") == tip_id)
        return f"{doc.where(('tips', index, key))}: tips[{index}].{key}"
    except (ContentError, StopIteration, KeyError, TypeError, AttributeError):
        return shown


def tip_fingerprint(campaign: Campaign, tip: Tip, network: str) -> str:
    """What a queued post was made from: the tip's words on that network, headline, alt text, pin and flags,
    and the campaign's link. Stored with the post at `queue`; a worker compares it just before posting (a
    tip edited since is held)."""
    inputs = [campaign.url, tip.headline, tip.text_for(network), tip.alt_text, sorted(tip.review),
              tip.at.isoformat() if tip.at else None]
    # NFC: the same words saved composed or decomposed ("é" or "e" + U+0301, as some editors write) are one tip,
    # not an edit that holds its post (a user trial); text without such marks keeps its fingerprint
    words = unicodedata.normalize("NFC", json.dumps(inputs, ensure_ascii=False))
    return hashlib.sha256(words.encode()).hexdigest()[:24]


# --- loading -------------------------------------------------------------------------------------

def load_campaign(path: Path | str, root: Path | str) -> Campaign:
    path = Path(path)
    if not _SLUG.match(path.stem):  # the slug names folders (.juno/cards/<slug>/): ".." would climb out
        raise ContentError(f"{display_path(path, Path(root))}: {path.stem!r} cannot name a campaign; rename the "
                           "file to letters, digits and dashes, e.g. posts/my-article.yaml")
    doc = load_document(path, root=Path(root), error=ContentError,
                        missing_hint="run `juno-scheduler split ARTICLE` to make it")
    return parse_campaign(doc, slug=path.stem, root=Path(root))


@dataclass(frozen=True)
class CampaignFiles:
    """Every campaign file of a project: those that read, sorted by slug, and those that do not."""
    read: list[Campaign]
    unreadable: list[Unreadable]

    @property
    def unreadable_slugs(self) -> set[str]:
        return {broken.slug for broken in self.unreadable}


def campaign_reads(root: Path | str) -> list[CampaignRead]:
    """Every posts/*.yaml except schedule.yaml, sorted: the campaign, or why it does not read."""
    found = []
    for path in _campaign_files(Path(root)):
        try:
            found.append(CampaignRead(f"posts/{path.name}", load_campaign(path, root)))
        except ContentError as exc:
            found.append(CampaignRead(f"posts/{path.name}", None, str(exc)))
    return found


def read_campaigns(root: Path | str) -> CampaignFiles:
    """Every campaign file: one broken file does not stop the others."""
    reads = campaign_reads(root)
    return CampaignFiles(read=[r.campaign for r in reads if r.campaign is not None],
                         unreadable=[Unreadable(file=r.file, slug=Path(r.file).stem, error=r.problem or "")
                                     for r in reads if r.campaign is None])


def _campaign_files(root: Path) -> list[Path]:
    return sorted(p for p in (root / "posts").glob("*.yaml") if p.name != SCHEDULE_NAME)


def find_campaigns(root: Path | str, names: Sequence[str] = ()) -> list[Campaign]:
    """The named campaigns (slugs or paths), or every posts/*.yaml except schedule.yaml, sorted by slug; a
    file that does not read is a ContentError (read_campaigns reads past it)."""
    root = Path(root)
    if not names:
        return [load_campaign(p, root) for p in _campaign_files(root)]
    campaigns = []
    for name in names:
        campaigns.append(load_campaign(_campaign_path(root, name), root))
    return campaigns


def _campaign_path(root: Path, name: str) -> Path:
    given = Path(name)
    if given.suffix in (".yaml", ".yml") or "/" in name:
        path = given if given.is_absolute() else root / given
        if not path.exists() and (Path.cwd() / given).exists():
            path = Path.cwd() / given
        if path.name == SCHEDULE_NAME:
            raise ContentError(f"{name}: that is the timetable, not a campaign; name a posts/<slug>.yaml file")
        return path
    path = root / "posts" / f"{name}.yaml"
    if not path.exists():
        known = sorted(p.stem for p in (root / "posts").glob("*.yaml") if p.name != SCHEDULE_NAME)
        hint = did_you_mean(name, known) or (f"; known campaigns: {', '.join(known)}" if known else
                                             "; run `juno-scheduler split ARTICLE` first")
        raise ContentError(f"posts/{name}.yaml: no such campaign{hint}")
    return path


def parse_campaign(doc: Document, *, slug: str, root: Path) -> Campaign:
    data = doc.data
    if data is None:
        raise doc.error((), "the file is empty; run `juno-scheduler split ARTICLE` to make it")
    if not isinstance(data, dict):
        raise doc.error((), f"expected a mapping with article: and tips:, found {doc.found((), data)}")
    reject_unknown_keys(doc, (), data, ("article", "hashtags", "tips"))
    for required in ("article", "tips"):
        if required not in data:
            raise doc.error((), f"'{required}' is missing; add it (see docs/configuration.md, 'Campaign files')")
    article = data["article"]
    if not isinstance(article, dict):
        raise doc.error(("article",), f"expected a mapping with title:, url: and source:, found {doc.found(('article',), article)}")
    reject_unknown_keys(doc, ("article",), article, _ARTICLE_KEYS)
    title = _required_text(doc, ("article", "title"), article.get("title"))
    url = _text(doc, ("article", "url"), article.get("url"))
    problem = url_problem(url) if url is not None else None
    if problem:
        raise doc.error(("article", "url"), problem)
    source = _required_text(doc, ("article", "source"), article.get("source"))
    outside = source_outside(root, source)
    if outside is not None:
        raise doc.error(("article", "source"), f"{source!r} {outside}; put the article in posts/articles/ and "
                                               "write its path from posts/, e.g. articles/<slug>.txt")

    tips_data = data["tips"]
    if tips_data is None:
        tips_data = []
    if not isinstance(tips_data, list):
        raise doc.error(("tips",), f"expected a list of tips, found {doc.found(('tips',), tips_data)}")
    tips = []
    seen: dict[str, int] = {}
    for index, item in enumerate(tips_data):
        tip = _tip(doc, ("tips", index), item)
        if tip.id in seen:
            raise doc.error(("tips", index, "id"), f"id {tip.id!r} is already used by tips[{seen[tip.id]}]; "
                                                     "give each tip its own id")
        seen[tip.id] = index
        tips.append(tip)
    hashtags = hashtag_list(doc, ("hashtags",), data["hashtags"] or []) if "hashtags" in data else None
    return Campaign(slug=slug, path=doc.path, title=title, url=url, source=source, tips=tuple(tips),
                    hashtags=hashtags)


def source_outside(root: Path, source: str) -> str | None:
    """Where an article's source leads when it leaves the project (symbolic links followed), in words; None when
    it stays inside. A campaign's article is read by split and shown by the studio: never a file elsewhere."""
    inside = Path(root).resolve()
    try:
        found = (inside / "posts" / source).resolve()
    except (OSError, RuntimeError):  # a loop of symbolic links: no article to read inside the project either
        return "is a symbolic link that points round in a loop"
    if found.is_relative_to(inside):
        return None
    return f"leads outside the project (to {found})"


def article_file(root: Path, campaign: Campaign) -> Path:
    """The campaign's article, checked again as it is opened (a link may have changed since the file was read)."""
    outside = source_outside(root, campaign.source)
    if outside is not None:
        raise ContentError(f"posts/{campaign.slug}.yaml: article.source {campaign.source!r} {outside}; put the "
                           "article in posts/articles/ and write its path from posts/, e.g. articles/<slug>.txt")
    return Path(root) / "posts" / campaign.source


def url_problem(url: str) -> str | None:
    """Why `url` cannot be the article's address (posts link to it), or None."""
    return None if re.match(r"^https?://\S+$", url) else f"{url!r} is not a web address; write it as https://..."


def _tip(doc: Document, at: tuple, item: Any) -> Tip:
    if not isinstance(item, dict):
        raise doc.error(at, f"expected a tip (id:, headline:, text:, status: ...), found {doc.found(at, item)}")
    reject_unknown_keys(doc, at, item, _TIP_KEYS)
    tip_id = item.get("id")
    if not isinstance(tip_id, str) or not _ID.match(tip_id):
        raise doc.error(at + ("id",) if "id" in item else at,
                     f"{'id is missing' if tip_id is None else f'id {tip_id!r} is not a slug'}; "
                     "write lowercase words joined by hyphens, e.g. resistance-isnt-indifference")
    headline = _required_text(doc, at + ("headline",), item.get("headline"))
    if len(headline) > MAX_HEADLINE:
        raise doc.error(at + ("headline",), f"the headline has {len(headline)} characters, a card holds at most "
                                              f"{MAX_HEADLINE}: shorten it (tip {tip_id})")
    text = _required_text(doc, at + ("text",), item.get("text"))
    alt_text = _text(doc, at + ("alt_text",), item.get("alt_text"))
    if (problem := networks.alt_text_problem(alt_text)) is not None:
        raise doc.error(at + ("alt_text",), problem)
    status = item.get("status", "draft")
    if status not in STATUSES:
        raise doc.error(at + ("status",), f"unknown status {doc.shown(at + ('status',), status)}{did_you_mean(str(status), STATUSES)}; "
                                            f"use one of: {', '.join(STATUSES)}")
    section = _text(doc, at + ("section",), item.get("section"))
    return Tip(id=tip_id, headline=headline, text=text, status=TipStatus(status), section=section,
               source=_source(doc, at + ("source",), item.get("source")),
               review=_review(doc, at + ("review",), item.get("review")),
               reviewed=_review(doc, at + ("reviewed",), item.get("reviewed")),
               alt_text=alt_text, at=_pinned_time(doc, at + ("at",), item.get("at")),
               notes=_notes(doc, at + ("notes",), item.get("notes")),
               review_words=_review_words(doc, at + ("review_words",), item.get("review_words")),
               texts=_texts(doc, at + ("texts",), item.get("texts")),
               ready=_ready(doc, at + ("ready",), item.get("ready")),
               repeat_ok=_repeat_ok(doc, at + ("repeat_ok",), item.get("repeat_ok")))


def _repeat_ok(doc: Document, at: tuple, value: Any) -> datetime | None:
    """`repeat_ok: 2026-12-19T09:00:00+00:00`: when a person said this sensitive tip may go out once more."""
    if value is None:
        return None
    raw = str(doc.raw.get(at, value)).strip()
    try:
        parsed = value if isinstance(value, datetime) else datetime.fromisoformat(raw)
    except ValueError:
        raise doc.error(at, f"{raw!r} is not a time; write it as `approve --ack repeat` does, "
                              "e.g. 2026-12-19T09:00:00+00:00") from None
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=UTC)


def not_marked_ready(tip: Tip) -> bool:
    """split (or a take) said the tip needs a look before it goes out (`ready: false`); a person's own tip, with no
    `ready`, is not counted: the one count approve, queue and check name alike (a user trial: approve said 5, queue 3)."""
    return tip.ready is False


def _ready(doc: Document, at: tuple, value: Any) -> bool | None:
    if value is None or isinstance(value, bool):
        return value
    raise doc.error(at, f"expected true or false, found {doc.found(at, value)}")


def _notes(doc: Document, at: tuple, value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, (str, int, float)) and not isinstance(v, bool)
                                              for v in value):
        raise doc.error(at, f"expected a list of short notes such as [headline shortened], found {doc.found(at, value)}")
    return tuple(" ".join(str(v).split()) for v in value if str(v).strip())


def _review_words(doc: Document, at: tuple, value: Any) -> dict:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise doc.error(at, f"expected a mapping such as {{sensitive: [grief]}}, found {doc.found(at, value)}")
    words = {}
    for flag, found in value.items():
        if flag not in REVIEW_FLAGS:
            raise doc.error(at + (flag,), f"unknown review flag {flag!r}{did_you_mean(str(flag), REVIEW_FLAGS)}; "
                                           f"use any of: {', '.join(REVIEW_FLAGS)}")
        if isinstance(found, str):
            found = [found]
        if not isinstance(found, list):
            raise doc.error(at + (flag,), f"expected a list of words, found {doc.found(at + (flag,), found)}")
        words[flag] = tuple(str(w) for w in found)
    return words


def _texts(doc: Document, at: tuple, value: Any) -> tuple[tuple[str, str], ...]:
    """`texts: {mastodon: "...", bluesky: "..."}`: a network's own text for this tip."""
    if value is None:
        return ()
    if not isinstance(value, dict):
        raise doc.error(at, f"expected a mapping of network to text, e.g. {{mastodon: \"...\"}}, found {doc.found(at, value)}")
    known = networks.keys()
    reject_unknown_keys(doc, at, value, known)
    return tuple((network, _required_text(doc, at + (network,), value[network]))
                 for network in known if network in value)


def _source(doc: Document, at: tuple, value: Any) -> dict:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise doc.error(at, f"expected a mapping such as {{paragraph: 7, sentence: 1}}, found {doc.found(at, value)}")
    reject_unknown_keys(doc, at, value, _SOURCE_KEYS)
    source: dict[str, int | str] = {}
    for key in ("paragraph", "sentence"):
        number = value.get(key)
        if number is None:
            raise doc.error(at, f"'{key}' is missing; write e.g. {{paragraph: 7, sentence: 1}}")
        if isinstance(number, bool) or not isinstance(number, int) or number < 1:
            raise doc.error(at + (key,), f"expected a whole number of at least 1, found {doc.found(at + (key,), number)}")
        source[key] = number
    if "digest" in value:
        digest = doc.raw.get(at + ("digest",), value["digest"])
        if not isinstance(digest, str) or not re.fullmatch(r"[0-9a-f]{6,64}", str(digest)):
            raise doc.error(at + ("digest",), "not a digest as split writes it; delete the line and run split again")
        source["digest"] = str(digest)
    return source


def _review(doc: Document, at: tuple, value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        raise doc.error(at, f"expected a list such as [sensitive], found {doc.found(at, value)}")
    flags = []
    for index, flag in enumerate(value):
        if flag not in REVIEW_FLAGS:
            raise doc.error(at + (index,), f"unknown review flag {flag!r}{did_you_mean(str(flag), REVIEW_FLAGS)}; "
                                             f"use any of: {', '.join(REVIEW_FLAGS)}")
        if flag not in flags:
            flags.append(flag)
    return tuple(sorted(flags, key=REVIEW_FLAGS.index))


def _pinned_time(doc: Document, at: tuple, value: Any) -> datetime | None:
    if value is None:
        return None
    raw = str(doc.raw.get(at, value)).strip()
    if isinstance(value, datetime):
        parsed = value
    else:
        try:
            parsed = datetime.fromisoformat(raw)
        except ValueError:
            raise doc.error(at, f"{raw!r} is not a time; write the local time as YYYY-MM-DDTHH:MM, "
                                  "e.g. 2026-12-01T09:00") from None
        if not re.search(r"\d[T ]\d", raw):  # a date alone would post at midnight
            raise doc.error(at, f"{raw!r} is a date without a time; write the local time too, e.g. {raw}T09:00")
    if parsed.tzinfo is not None:
        raise doc.error(at, "write the practice's local time without an offset, e.g. 2026-12-01T09:00")
    if not PIN_YEARS[0] <= parsed.year <= PIN_YEARS[1]:
        raise doc.error(at, f"{raw!r}: give a year from {PIN_YEARS[0]} to {PIN_YEARS[1]}")
    return parsed


def _required_text(doc: Document, at: tuple, value: Any) -> str:
    text = _text(doc, at, value, required=True)
    assert text is not None  # _text raises for a missing required value
    return text


def _text(doc: Document, at: tuple, value: Any, *, required: bool = False) -> str | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise doc.error(at if at in doc.value_marks else at[:-1],
                         f"'{at[-1]}' is missing or empty; write it")
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise doc.error(at, f"expected text, found {doc.found(at, value)}")
    return " ".join(str(value).split()) if at[-1] in ("headline", "section", "title") else str(value).strip()


# --- writing -------------------------------------------------------------------------------------

_HEADER = ("# A campaign made by `juno-scheduler split` from {source}.\n"
           "# Edit headlines and texts freely; set status to approved (or skip) when a tip is reviewed.\n"
           "# Running split again keeps your edits and statuses and marks tips whose source changed: stale.\n")


def dump_campaign(campaign: Campaign) -> str:
    """The campaign as YAML text: the same campaign always gives the same bytes."""
    lines = [_HEADER.format(source=" ".join(campaign.source.split())).rstrip("\n"), "article:"]
    lines.append(f"  title: {_quote(campaign.title)}")
    lines.append(f"  url: {_quote(campaign.url) if campaign.url else 'null'}")
    lines.append(f"  source: {_quote(campaign.source)}")
    if campaign.hashtags is not None:
        lines.append(f"hashtags: [{', '.join(_quote(tag) for tag in campaign.hashtags)}]")
    if not campaign.tips:
        lines.append("tips: []")
    else:
        lines.append("tips:")
    for tip in campaign.tips:
        lines.append(f"  - id: {tip.id}")
        lines.append(f"    headline: {_quote(tip.headline)}")
        lines.append(f"    text: {_quote(tip.text)}")
        if tip.texts:
            lines.append("    texts:")
            lines += [f"      {network}: {_quote(text)}" for network, text in tip.texts]
        if tip.alt_text is not None:
            lines.append(f"    alt_text: {_quote(tip.alt_text)}")
        lines.append(f"    status: {tip.status}")
        lines.append(f"    section: {_quote(tip.section) if tip.section else 'null'}")
        if tip.source:
            parts = [f"{key}: {tip.source[key]}" for key in _SOURCE_KEYS if key in tip.source]
            lines.append(f"    source: {{{', '.join(parts)}}}")
        else:
            lines.append("    source: null")
        lines.append(f"    review: [{', '.join(tip.review)}]")
        if tip.reviewed:
            lines.append(f"    reviewed: [{', '.join(tip.reviewed)}]")
        if tip.review_words:
            parts = [f"{flag}: [{', '.join(_quote(w) for w in tip.review_words[flag])}]"
                     for flag in REVIEW_FLAGS if flag in tip.review_words]
            lines.append(f"    review_words: {{{', '.join(parts)}}}")
        if tip.notes:
            lines.append(f"    notes: [{', '.join(_quote(note) for note in tip.notes)}]")
        if tip.ready is not None:
            lines.append(f"    ready: {'true' if tip.ready else 'false'}")
        if tip.at is not None:
            lines.append(f"    at: {tip.at.isoformat(timespec='minutes' if not tip.at.second else 'seconds')}")
        if tip.repeat_ok is not None:
            lines.append(f"    repeat_ok: {tip.repeat_ok.astimezone(UTC).isoformat(timespec='seconds')}")
    return "\n".join(lines) + "\n"


def write_campaign(campaign: Campaign) -> Path:
    return write_atomic(campaign.path, dump_campaign(campaign))


def _quote(text: str) -> str:
    """A YAML double-quoted scalar that keeps typographic characters as they are."""
    quoted = encode_basestring(text)  # what json.dumps(text, ensure_ascii=False) returns, without a new encoder
    if quoted.isascii() and "\x7f" not in quoted:  # JSON escapes the other control characters
        return quoted
    return _UNPRINTABLE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", quoted)


_UNPRINTABLE = re.compile("[^\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]|[\u2028\u2029\ufeff]")


def campaign_path(root: Path | str, slug: str) -> Path:
    return Path(root) / "posts" / f"{slug}.yaml"


def shown(path: Path, root: Path | str) -> str:
    return display_path(path, Path(root))


def with_tips(campaign: Campaign, tips) -> Campaign:
    return replace(campaign, tips=tuple(tips))


# --- merging a new split into a reviewed campaign ------------------------------------------------

@dataclass(frozen=True)
class MergeResult:
    tips: tuple[Tip, ...]
    new: tuple[str, ...]
    kept: tuple[str, ...]
    stale: tuple[str, ...]  # marked stale by this merge


# The notes and `ready` of a kept tip whose words are not split's words now (a person edited them) or whose flag a
# person took off: (the tip as the file has it, split's fresh tip of its passage, its flags, those acknowledged).
Reread = Callable[[Tip, Tip, tuple[str, ...], tuple[str, ...]], tuple[tuple[str, ...], bool | None]]


def merge_tips(existing: Sequence[Tip], fresh: Sequence[Tip], reread: Reread | None = None) -> MergeResult:
    """Keep a person's edits, statuses and flags; add new tips; mark tips whose source changed or vanished stale.

    A tip is matched by the digest of its source sentences first (a passage that reads the same is the same tip,
    wherever it moved and whatever id split gives it now: ids of one slug are numbered in order, so a list item
    that gives no tip any more renumbers the items after it), then by id (an edited passage keeps its tip, stale).
    Tips a person wrote by hand (no source) are kept as they are.

    A kept tip takes split's notes of its passage when its words are split's words; when a person edited them or
    took a flag off (a flag split still raises), `reread` judges the tip as it is, so no note an edit made untrue
    comes back, nor a flag's words or notes the person took off (without `reread`, such a tip's notes and `ready`
    stay as the file has them).
    """
    pairs: dict[str, Tip] = {}  # existing id -> fresh tip
    taken: set[str] = set()

    def pair(old: Tip, match: Tip | None) -> None:
        if match is not None and old.id not in pairs and match.id not in taken:
            pairs[old.id] = match
            taken.add(match.id)

    fresh_by_id = {tip.id: tip for tip in fresh}
    for old in existing:  # same passage and same id first, so two tips of one passage keep their own
        match = fresh_by_id.get(old.id)
        if old.source.get("digest") and match is not None and match.source.get("digest") == old.source["digest"]:
            pair(old, match)
    for old in existing:
        digest = old.source.get("digest")
        if digest and old.id not in pairs:
            pair(old, next((tip for tip in fresh if tip.source.get("digest") == digest and tip.id not in taken), None))
    for old in existing:
        if old.source:
            pair(old, fresh_by_id.get(old.id))
    fresh = _own_ids(fresh, pairs, {tip.id for tip in existing})

    merged: dict[str, Tip] = {}
    newly_stale, kept = [], []
    for old in existing:
        match = pairs.get(old.id)
        if match is None:
            if _SOURCE_GONE_BEFORE in old.notes:  # said before in other words: the same note
                old = replace(old, notes=tuple(SOURCE_GONE if note == _SOURCE_GONE_BEFORE else note
                                               for note in old.notes))
            if old.source and SOURCE_GONE not in old.notes:  # newly gone: stale again, even if acknowledged before
                if "stale" not in old.review or "stale" in old.reviewed:
                    newly_stale.append(old.id)
                old = replace(old, review=_flags(old.review + ("stale",)), reviewed=_unstale(old.reviewed),
                              notes=(*old.notes, SOURCE_GONE))
            merged[old.id] = old
            continue
        same = old.source.get("digest") == match.source.get("digest")
        raised = {} if same else _raised_again(old, match)
        review = old.review if same else _flags(old.review + tuple(raised) + ("stale",))
        if not same and "stale" not in old.review:
            newly_stale.append(old.id)
        reviewed = old.reviewed if same else _unstale(old.reviewed)
        # a flag the file keeps that this split no longer raises (a rule changed) keeps the words that raised it;
        # a flag a person took off gets none back
        # a flag raised again for words the passage brought records those words alone
        recorded = {**old.review_words, **match.review_words, **{flag: found for flag, found in raised.items() if found}}
        words = {flag: found for flag, found in recorded.items() if flag in review}
        notes, ready = match.notes, match.ready
        taken_off = [flag for flag in match.review if flag not in review]
        if (old.headline, old.text) != (match.headline, match.text) or taken_off:
            notes, ready = reread(old, match, review, reviewed) if reread is not None else (old.notes, old.ready)
        merged[old.id] = replace(old, source=dict(match.source), review=review, reviewed=reviewed,
                                 notes=notes, review_words=words,
                                 ready=None if ready is None else ready and "stale" not in review)
        kept.append(old.id)

    by_fresh = {match.id: old_id for old_id, match in pairs.items()}
    ordered: list[Tip] = []
    new = []
    for tip in fresh:
        if tip.id in by_fresh:
            ordered.append(merged[by_fresh[tip.id]])
        elif tip.id not in merged:
            ordered.append(tip)
            new.append(tip.id)
    placed = {tip.id for tip in ordered}
    previous_id = None
    for old in existing:
        if old.id not in placed:
            at = 0 if previous_id is None else next(i for i, t in enumerate(ordered) if t.id == previous_id) + 1
            ordered.insert(at, merged[old.id])
            placed.add(old.id)
        previous_id = old.id
    return MergeResult(tips=tuple(ordered), new=tuple(new), kept=tuple(kept), stale=tuple(newly_stale))


def _raised_again(old: Tip, match: Tip) -> dict[str, tuple[str, ...]]:
    """The flags split raises on a changed passage that the kept tip takes, each with the words to record for it
    (empty: keep what the file or split recorded): each flag it has already, and each other only when the passage's
    new words bring words that raise it that the tip's words did not have (brought_words), with those words alone;
    a flag raised with no words recorded (stale) always."""
    judged = (old.headline, old.text, *dict(old.texts).values(), old.section or "")
    raised: dict[str, tuple[str, ...]] = {}
    for flag in match.review:
        brought = brought_words(match.review_words.get(flag) or (), *judged)
        if flag in old.review or not match.review_words.get(flag):
            raised[flag] = ()
        elif brought:
            raised[flag] = brought
    return raised


def _own_ids(fresh: Sequence[Tip], pairs: dict[str, Tip], existing: set[str]) -> list[Tip]:
    """The fresh tips, each new one whose id a kept tip already has numbered on (`-can-3` -> `-can-4`), so it is
    added rather than lost behind the tip that has its id."""
    paired = {tip.id for tip in pairs.values()}
    used = existing | {tip.id for tip in fresh}
    out = []
    for tip in fresh:
        if tip.id in paired or tip.id not in existing:
            out.append(tip)
            continue
        stem = re.sub(r"-\d+$", "", tip.id)
        out.append(replace(tip, id=unique_id(stem if stem in used else tip.id, used)))
    return out


def unique_id(base: str, used: set[str]) -> str:
    """`base`, or `base-2`, `base-3`, ... whichever is not in `used` yet; added to `used`."""
    candidate, number = base, 2
    while candidate in used:
        candidate = f"{base}-{number}"
        number += 1
    used.add(candidate)
    return candidate


def _flags(flags) -> tuple[str, ...]:
    return tuple(flag for flag in REVIEW_FLAGS if flag in flags)


def _unstale(reviewed: tuple[str, ...]) -> tuple[str, ...]:
    """A tip that goes stale again needs a person's eye again."""
    return tuple(flag for flag in reviewed if flag != "stale")


@dataclass(frozen=True)
class CampaignRead(Result):
    """One campaign file of posts/: the campaign, or why it does not read (the others still do)."""
    file: str                        # posts/<slug>.yaml
    campaign: Campaign | None
    problem: str | None = None
