"""Changing a campaign file the way a person would: in place, keeping its comments and key order.

Every change goes through `CampaignFile.change(...)`: under the campaigns' lock (fileio.changing: another
command waits, then sees this change), read the file, check it is still the version the page was made from
(else `Conflict`, with both versions), apply the change to the round-trip YAML tree (ruamel.yaml), validate the
result with the same parser the CLI uses (and the card stage's headline check), write it atomically and append
the change to `.juno/audit.jsonl`. Nothing is written when any step refuses.
"""

from __future__ import annotations

import functools
import hashlib
import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Concatenate, ParamSpec, TypeVar

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from scheduler import audit
from scheduler.audit import snapshot
from scheduler.campaigns.file import Campaign, Tip, parse_campaign
from scheduler.errors import Conflict, ContentError, Refused
from scheduler.fileio import changing, read_input, write_atomic
from scheduler.yamlio import display_path, parse_document, syntax_message


@dataclass(frozen=True)
class Saved:
    """A person's change to a campaign file: the campaign as saved, the file's version, and the change's line in
    .juno/audit.jsonl (None: nothing changed, the words were as they were)."""
    campaign: Campaign
    version: str
    entry: dict[str, Any] | None


_PLACE = re.compile(r"^tips\[\d+\](?:\.\w+|\[\d+\])*: ")  # where in the file: "tips[0].headline: "
KEY_ORDER = ("id", "headline", "text", "texts", "alt_text", "status", "section", "source", "review", "reviewed",
             "review_words", "notes", "ready", "at")
QUOTED = ("headline", "text", "alt_text", "section")
FLOW_LISTS = ("review", "reviewed", "notes")
QUOTED_ITEMS = ("notes", "review_words")  # split writes these lists' words double-quoted
LINK_FIELDS = ("url", "hashtags")  # what every post of a campaign carries besides its tip's words


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 1 << 16  # never fold a long text over several lines
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.representer.add_representer(
        type(None), lambda rep, _none: rep.represent_scalar("tag:yaml.org,2002:null", "null"))
    return yaml


def version_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16]


_P = ParamSpec("_P")
_R = TypeVar("_R")


def _locked(method: Callable[Concatenate[CampaignFile, _P], _R]) -> Callable[Concatenate[CampaignFile, _P], _R]:
    """`method` as one read-modify-write under the campaigns' lock."""
    @functools.wraps(method)
    def locked(self: CampaignFile, *args: _P.args, **kwargs: _P.kwargs) -> _R:
        with changing(self.root, f"posts/{self.slug}.yaml"):
            return method(self, *args, **kwargs)
    return locked


_PARSED: dict[tuple[str, str], Campaign] = {}
_VALUES: dict[tuple[str, str], dict[str, dict | None]] = {}


class CampaignFile:
    def __init__(self, root: Path, slug: str):
        self.root = Path(root)
        self.slug = slug
        self.path = self.root / "posts" / f"{slug}.yaml"

    def read(self) -> tuple[bytes, str]:
        data = read_input(self.path, f"posts/{self.slug}.yaml", error=ContentError, what="YAML file",
                          missing_hint="no such campaign")
        return data, version_of(data)

    def load(self) -> tuple[Campaign, str]:
        """The campaign as the CLI reads it, and its version (parsed once per version of the file)."""
        data, version = self.read()
        key = (str(self.path), version)
        if key not in _PARSED:
            if len(_PARSED) > 64:
                _PARSED.clear()
            _PARSED[key] = self._parse(data.decode("utf-8"))
        return _PARSED[key], version

    def _parse(self, text: str) -> Campaign:
        doc = parse_document(text, path=self.path, display=display_path(self.path, self.root), error=ContentError)
        return parse_campaign(doc, slug=self.slug, root=self.root)

    def tips_values(self) -> dict[str, dict | None]:
        """Each tip's mapping as it is on disk now, by id, as the audit log keeps it (read once per version: the
        studio's header asks on every page whether its Undo would go through)."""
        data, version = self.read()
        key = (str(self.path), version)
        if key not in _VALUES:
            if len(_VALUES) > 64:
                _VALUES.clear()
            _, tree = self._tree(data)
            tips = tree.get("tips") if isinstance(tree, dict) else None
            _VALUES[key] = {str(tip.get("id")): snapshot(tip) for tip in tips or () if isinstance(tip, dict)}
        return _VALUES[key]

    def _tree(self, data: bytes):
        """The file as a round-trip YAML tree (comments, order and quoting kept), and the YAML that writes it back."""
        yaml = _yaml()
        try:
            return yaml, yaml.load(data.decode("utf-8"))
        except MarkedYAMLError as exc:  # the same one line, at the same place, as every other reader gives
            raise ContentError(f"posts/{self.slug}.yaml:{syntax_message(exc)}; fix it in an editor first") from None
        except (YAMLError, UnicodeDecodeError) as exc:
            raise ContentError(f"posts/{self.slug}.yaml: cannot be read as YAML ({' '.join(str(exc).split())[:200]}); "
                               "fix it in an editor first") from None

    @_locked
    def change(self, tip_id: str | None, edit: Callable[[list], str | None], *, version: str | None,
               what: str, now: datetime, check: Callable[[Campaign, Tip | None], None] | None = None,
               undoes: str | None = None, extra: dict | None = None, posts: dict | None = None) -> Saved:
        """Apply `edit` to the tips list; it returns the id of the tip it changed (or made).

        `version` None skips the conflict check (undo does its own check on the tip's values)."""
        data, current = self.read()
        yaml, tree = self._tree(data)
        tips = tree.get("tips") if isinstance(tree, dict) else None
        if not isinstance(tips, list):
            raise ContentError(f"posts/{self.slug}.yaml: has no tips: list; fix it in an editor first")
        if version is not None and version != current:
            raise Conflict(snapshot(find(tips, tip_id)) if tip_id else None, current)
        before = snapshot(find(tips, tip_id)) if tip_id else None
        before_index = index_of(tips, tip_id) if tip_id else None
        try:
            changed_id = edit(tips) or tip_id
        except Conflict as conflict:
            raise Conflict(conflict.theirs, current, conflict.sides) from None
        text = _dump(yaml, tree)
        try:
            campaign = self._parse(text)
        except ContentError as exc:
            raise Refused(_short(str(exc)), _field_of(str(exc))) from None
        tip = campaign.tip(changed_id) if changed_id else None
        if check is not None:
            check(campaign, tip)
        after = snapshot(find(tips, changed_id)) if changed_id else None
        if before == after and before_index == (index_of(tips, changed_id) if changed_id else None):
            return Saved(campaign, current, None)
        encoded = text.encode("utf-8")
        audit.check_writable(self.root)  # before the file changes: no change goes unlogged
        write_atomic(self.path, encoded)
        entry = audit.record(self.root, what=what, campaign=self.slug, tip=changed_id,
                             before=None if before is None else {**before, "position": before_index},
                             after=None if after is None else {**after, "position": index_of(tips, changed_id)},
                             now=now, undoes=undoes, extra=extra, posts=posts)
        return Saved(campaign, version_of(encoded), entry)


    @_locked
    def change_links(self, values: dict, *, was: dict | None, now: datetime, what: str = "links",
                     undoes: str | None = None) -> Saved:
        """Set the article's address (`url`, None: no link) and the campaign's own `hashtags` (a list; None: the
        practice's) as `values` gives them. With `was` (each as the page showed it), a field changed on disk since
        is a Conflict. Logged as one entry whose `before`/`after` are {"url", "hashtags"}: undo sets them back."""
        data, current = self.read()
        yaml, tree = self._tree(data)
        article = tree.get("article") if isinstance(tree, dict) else None
        if not isinstance(article, dict):
            raise ContentError(f"posts/{self.slug}.yaml: has no article: mapping; fix it in an editor first")
        before = links_of(tree)
        if was is not None and any(key in values and before[key] != was.get(key) for key in LINK_FIELDS):
            raise Conflict(None, current)
        for key in LINK_FIELDS:
            if key not in values:
                continue
            if key == "url":
                article["url"] = DoubleQuotedScalarString(values["url"]) if values["url"] else None
            elif values["hashtags"] is None:
                tree.pop("hashtags", None)
            else:
                tags = CommentedSeq(DoubleQuotedScalarString(tag) for tag in values["hashtags"])
                tags.fa.set_flow_style()
                if "hashtags" in tree:
                    tree["hashtags"] = tags
                else:
                    tree.insert(list(tree.keys()).index("article") + 1, "hashtags", tags)
        text = _dump(yaml, tree)
        try:
            campaign = self._parse(text)
        except ContentError as exc:
            raise Refused(_short(str(exc)), "url" if "article.url" in str(exc) else "hashtags") from None
        after = links_of(tree)
        if after == before:
            return Saved(campaign, current, None)
        encoded = text.encode("utf-8")
        audit.check_writable(self.root)
        write_atomic(self.path, encoded)
        entry = audit.record(self.root, what=what, campaign=self.slug, tip=None, before=before, after=after, now=now,
                             undoes=undoes, extra={"fields": [key for key in LINK_FIELDS if before[key] != after[key]],
                                                   "links": True})
        return Saved(campaign, version_of(encoded), entry)


def links_of(tree) -> dict:
    """The campaign file's article address and own hashtags, as plain data (None: no link / the practice's)."""
    article = tree.get("article") or {}
    tags = tree.get("hashtags")
    return {"url": str(article["url"]) if article.get("url") else None,
            "hashtags": None if "hashtags" not in tree else [str(tag) for tag in tags or ()]}


# --- edits on the tips list ---------------------------------------------------------------------

def find(tips: list, tip_id: str | None) -> dict | None:
    return next((item for item in tips if isinstance(item, dict) and item.get("id") == tip_id), None)


def index_of(tips: list, tip_id: str | None) -> int | None:
    return next((i for i, item in enumerate(tips) if isinstance(item, dict) and item.get("id") == tip_id), None)


def set_fields(tips: list, tip_id: str, values: dict[str, Any]) -> str:
    """Set (or, for None, remove) fields of one tip, new keys in their usual place."""
    item = find(tips, tip_id)
    if item is None:
        raise Refused(f"there is no tip {tip_id!r} in this campaign any more; reload the page")
    for key, value in values.items():
        if value is None and key not in ("section",):
            item.pop(key, None)
            continue
        styled = styled_value(key, value)
        if key in item:
            item[key] = styled
        else:
            item.insert(_place(item, key), key, styled)  # type: ignore[attr-defined]  # a ruamel CommentedMap
    return tip_id


def put_tip(tips: list, values: dict | None, tip_id: str, position: int | None) -> str:
    """Replace a whole tip (None removes it) and move it to `position`: what undo needs."""
    index = index_of(tips, tip_id)
    if index is not None:
        del tips[index]
    if values is None:
        return tip_id
    item = CommentedMap()
    for key in sorted(values, key=lambda k: KEY_ORDER.index(k) if k in KEY_ORDER else len(KEY_ORDER)):
        item[key] = styled_value(key, values[key])
    at = len(tips) if position is None else max(0, min(position, len(tips)))
    tips.insert(at, item)
    return tip_id


def move_tip(tips: list, tip_id: str, offset: int) -> str:
    index = index_of(tips, tip_id)
    if index is None:
        raise Refused(f"there is no tip {tip_id!r} in this campaign any more; reload the page")
    target = max(0, min(len(tips) - 1, index + offset))
    if target != index:
        item = tips[index]
        del tips[index]
        tips.insert(target, item)
    return tip_id


def styled_value(key: str, value: Any):
    """A value written the way split writes it: texts double-quoted, flags as [a, b], times plain."""
    if key in QUOTED and isinstance(value, str):
        return DoubleQuotedScalarString(value)
    if isinstance(value, (list, tuple)):
        seq = CommentedSeq(DoubleQuotedScalarString(v) if key in QUOTED_ITEMS and isinstance(v, str) else v
                           for v in value)
        if key in FLOW_LISTS or key == "source":
            seq.fa.set_flow_style()
        return seq
    if key == "texts" and isinstance(value, dict):  # a network's own text, block style as split writes it
        return CommentedMap((network, DoubleQuotedScalarString(text)) for network, text in value.items())
    if isinstance(value, dict):
        mapping = CommentedMap({k: styled_value(key, v) if key in QUOTED_ITEMS else v for k, v in value.items()})
        mapping.fa.set_flow_style()
        return mapping
    if isinstance(value, datetime):
        return value.isoformat(timespec="minutes" if not value.second else "seconds")
    return value


def _place(item: dict, key: str) -> int:
    rank = KEY_ORDER.index(key) if key in KEY_ORDER else len(KEY_ORDER)
    keys = list(item.keys())
    for position, existing in enumerate(keys):
        if existing in KEY_ORDER and KEY_ORDER.index(existing) > rank:
            return position
    return len(keys)


def _dump(yaml: YAML, tree) -> str:
    out = io.StringIO()
    yaml.dump(tree, out)
    return out.getvalue()


def _short(message: str) -> str:
    """A parser message without its file:line:col prefix, and without the place in the file ("tips[0].headline")
    when it names a field (the page shows it beside that field, in a person's words)."""
    parts = message.split(": ", 1)
    text = parts[1] if len(parts) == 2 and parts[0].count(":") >= 1 and parts[0].startswith("posts/") else message
    return _PLACE.sub("", text, count=1) if _field_of(message) else text


def _field_of(message: str) -> str | None:
    for key in KEY_ORDER:
        if f".{key}:" in message or f".{key}[" in message:
            return key
    return None
