"""The Article shape every reader produces, and the builder readers fill as they walk a document.

Every block is numbered in reading order (headings and the title are not counted), so a tip's
`source: {paragraph: N}` points at the N-th block a reader sees below the title.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass

from scheduler.articles.furniture import is_furniture, strip_template
from scheduler.articles.lines import (
    ATTRIBUTED_QUOTE,
    heading_like,
    mend_spacing,
    split_flat_lead,
)


@dataclass(frozen=True)
class Item:
    """One list item: its text, an optional bold lead-in ("Listen first."), nested items."""

    text: str
    lead: str | None = None
    children: tuple[Item, ...] = ()
    mended: tuple[str, ...] = ()  # words a copy ran together, put back apart ("Find tips")

    @property
    def full(self) -> str:
        return join_lead(self.lead, self.text)


@dataclass(frozen=True)
class Block:
    number: int  # 1-based, in reading order
    kind: str  # paragraph | list | quote
    text: str = ""
    items: tuple[Item, ...] = ()
    ordered: bool = False
    lead: str | None = None  # a paragraph's bold lead-in
    lead_in: str | None = None  # a list's introducing paragraph ("Common signs include:")
    mended: tuple[str, ...] = ()  # words a copy ran together, put back apart ("Find tips")


@dataclass(frozen=True)
class Section:
    heading: str | None
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Article:
    title: str
    url: str | None
    source: str  # the file, relative to posts/ when it lies there
    sections: tuple[Section, ...]

    def blocks(self):
        for section in self.sections:
            for block in section.blocks:
                yield section, block


_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"  # zero-width, soft hyphen
                                    "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e"  # direction marks, overrides
                                    "\u2066\u2067\u2068\u2069"  # direction isolates
                                    "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f\x10\x11\x12\x13\x14"
                                    "\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f\x7f"), None)  # controls: dropped,
# not spaces, so a NUL inside a word does not split it; a tab, line or page break is still a space
_LABELLED_ADDRESS = re.compile(r"(?:^|\s)(?:url|link|address|web address|canonical(?: url)?|source|originally "
                               r"published(?: at| on)?|read (?:it |this |the article )?online(?: at)?)\s*:?\s*<?"
                               r"(https?://[^\s<>]+)", re.IGNORECASE)
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")


# A writer's slips a card would show: "weekends.." (two stops, not an ellipsis), "awake,." and "rest , and"
_STRAY_STOPS = re.compile(r"(?<=[^\s.])\.\.(?=[\s”\"’')\]]|$)|,\.(?=[\s”\"’')\]]|$)| +(?=,)")


def clean(text: str) -> str:
    """One line of plain text: entities decoded, invisible characters gone, spaces collapsed, a doubled full stop,
    a comma before a full stop and a space before a comma (a writer's slips) taken out."""
    if "&" in text:
        text = html.unescape(text)
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE)
    text = "".join(ch if (ch >= " " or ch in "\n\t") else " " for ch in text)
    text = _SPACES.sub(" ", text.replace("\n", " ")).strip()
    if ".." in text or ",." in text or " ," in text:
        text = _STRAY_STOPS.sub(lambda m: "." if m.group(0) in ("..", ",.") else "", text)
    return text


def join_lead(lead: str | None, text: str) -> str:
    if not lead:
        return text
    if not text:
        return lead
    if lead[-1] in ".!?:;—–-":
        return f"{lead} {text}"
    return f"{lead}: {text}"


class _Builder:
    """Collects sections and numbered blocks as a reader walks a document."""

    def __init__(self):
        self.sections: list[Section] = []
        self.heading: str | None = None
        self.blocks: list[Block] = []
        self.number = 0

    def open_section(self, heading: str) -> None:
        heading = strip_template(heading, decoded=True)
        if not heading or is_furniture(heading):
            return  # "Share this:" or a heading that was only template markup opens nothing
        self._close()
        self.heading = mend_spacing(heading)

    def paragraph(self, text: str, *, kind: str = "paragraph", lead: str | None = None) -> None:
        text = strip_template(clean(text), decoded=True)
        lead = strip_template(clean(lead), decoded=True) if lead else None
        if not lead and is_furniture(text):
            return  # an image caption, "Read more", share buttons: the page's, not the article's
        if lead is None:
            lead, text = split_flat_lead(text)
        found: list[str] = []
        text, lead = mend_spacing(text, found), mend_spacing(lead, found) if lead else lead
        mended = tuple(found)
        if not text and not lead:
            return
        if kind == "paragraph" and not lead and ATTRIBUTED_QUOTE.match(text):
            kind = "quote"  # “Grief is just love with no place to go.” — Jamie Anderson, on a line of its own
        if lead and not text:
            if kind == "paragraph" and heading_like(lead):  # a bold line alone is a heading
                self.open_section(lead)
                return
            text, lead = lead, None
        elif kind == "paragraph" and not lead and heading_like(text) and len(text.split()) >= 2:
            self.open_section(text)  # a short line alone without end punctuation: "Step 3: Soothe yourself first"
            return
        self.number += 1
        self.blocks.append(Block(number=self.number, kind=kind, text=text, lead=lead, mended=mended))

    def list(self, items: list[Item], *, ordered: bool) -> None:
        items = [item for item in items if item.text or item.lead or item.children]
        if not items:
            return
        if len(items) == 1 and not items[0].children and not items[0].lead and heading_like(items[0].text):
            self.open_section(items[0].text)  # "1. Criticism" alone above its paragraph is a numbered heading
            return
        lead_in = None
        if self.blocks and self.blocks[-1].kind == "paragraph" and self.blocks[-1].text.endswith(":"):
            lead_in = self.blocks[-1].text
        self.number += 1
        self.blocks.append(Block(number=self.number, kind="list", items=tuple(items), ordered=ordered,
                                 lead_in=lead_in, mended=tuple(w for item in items for w in item.mended)))

    def _close(self) -> None:
        if self.blocks or self.heading is not None:
            self.sections.append(Section(heading=self.heading, blocks=tuple(self.blocks)))
        self.blocks = []

    def article(self, title: str, url: str | None, source: str) -> Article:
        self._close()
        return Article(title=strip_template(clean(title), decoded=True), url=url or self._labelled_address(), source=source,
                       sections=tuple(self.sections))

    def _labelled_address(self) -> str | None:
        """The page's own address when a saved copy names it on a line of its own at the top ("URL:
        https://…", "Originally published at https://…"); the article's words never give one."""
        opening = [section.heading for section in self.sections[:2] if section.heading]  # "URL: …" alone
        opening += [" ".join(filter(None, (block.lead, block.text))) for block in
                    (self.sections[0].blocks[:3] if self.sections else ()) if block.kind == "paragraph"]
        for words in opening:
            match = _LABELLED_ADDRESS.search(words) if len(words.split()) <= 30 else None
            if match:
                return match.group(1).rstrip(".,;)")
        return None


def make_item(text: str, lead: str | None = None, children=()) -> Item:
    text, lead = strip_template(clean(text), decoded=True), (strip_template(clean(lead), decoded=True) if lead else None)
    if not lead and is_furniture(text):
        text = ""  # a list of share buttons or a "Read more" link: no item
    if not lead:
        lead, text = split_flat_lead(text)
    found: list[str] = []
    text, lead = mend_spacing(text, found), mend_spacing(lead, found) if lead else lead
    mended = tuple(found)
    if lead and not text:
        text, lead = lead, None
    return Item(text=text, lead=lead or None, children=tuple(children), mended=mended)
