"""Read an article (.txt, .md or .html) into one Article shape: title, sections, paragraphs, lists.

The readers keep the article's structure and nothing of its markup: a paragraph is plain text with
entities decoded, a list keeps its items (with their bold lead-ins and nested items), headings open
sections. Deciding what is advice and what is promotion or boilerplate is scheduler.tipfilters' work.

Every block is numbered in reading order (headings and the title are not counted), so a tip's
`source: {paragraph: N}` points at the N-th block a reader sees below the title.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from scheduler.errors import ContentError
from scheduler.fileio import read_input
from scheduler.yamlio import display_path

SUFFIXES = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
            ".html": "html", ".htm": "html"}


@dataclass(frozen=True)
class Item:
    """One list item: its text, an optional bold lead-in ("Listen first."), nested items."""

    text: str
    lead: str | None = None
    children: tuple["Item", ...] = ()

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


# --- entry point ---------------------------------------------------------------------------------

def read_article(path: Path | str, root: Path | str | None = None) -> Article:
    path = Path(path)
    shown = display_path(path, Path(root)) if root is not None else str(path)
    kind = SUFFIXES.get(path.suffix.lower())
    if kind is None:
        raise ContentError(f"{shown}: unknown kind of article {path.suffix or '(no suffix)'!r}; "
                           "give a .txt, .md or .html file")
    raw = read_input(path, shown, error=ContentError, what="article file",
                     missing_hint="check the path (articles live in posts/articles/)")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        if kind != "html":
            raise ContentError(f"{shown}:{line}: not UTF-8 text; save the article as UTF-8") from None
        text = raw.decode("cp1252", errors="replace")
    source = _source_name(path, root)
    if kind == "text":
        reader = parse_text
    else:
        from scheduler import article_markup

        reader = article_markup.parse_markdown if kind == "markdown" else article_markup.parse_html
    article = reader(text, source=source, fallback_title=_title_from_name(path.stem))
    if not any(section.blocks for section in article.sections):
        raise ContentError(f"{shown}: no article text found; check that the file holds the article's paragraphs")
    return article


def _source_name(path: Path, root) -> str:
    if root is not None:
        try:
            return str(path.resolve().relative_to((Path(root) / "posts").resolve()))
        except ValueError:
            return display_path(path, Path(root))
    return path.name


def _title_from_name(stem: str) -> str:
    words = re.split(r"[-_\s]+", stem.strip())
    return " ".join(words).strip().capitalize() or "Untitled"


# --- text helpers --------------------------------------------------------------------------------

_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")


def clean(text: str) -> str:
    """One line of plain text: entities decoded, invisible characters gone, spaces collapsed."""
    if "&" in text:
        text = html.unescape(text)
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE)
    text = "".join(ch if (ch >= " " or ch in "\n\t") else " " for ch in text)
    return _SPACES.sub(" ", text.replace("\n", " ")).strip()


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
        self._close()
        self.heading = heading

    def paragraph(self, text: str, *, kind: str = "paragraph", lead: str | None = None) -> None:
        text = clean(text)
        lead = clean(lead) if lead else None
        if not text and not lead:
            return
        if lead and not text:
            if kind == "paragraph" and heading_like(lead):  # a bold line alone is a heading
                self.open_section(lead)
                return
            text, lead = lead, None
        self.number += 1
        self.blocks.append(Block(number=self.number, kind=kind, text=text, lead=lead))

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
                                 lead_in=lead_in))

    def _close(self) -> None:
        if self.blocks or self.heading is not None:
            self.sections.append(Section(heading=self.heading, blocks=tuple(self.blocks)))
        self.blocks = []

    def article(self, title: str, url: str | None, source: str) -> Article:
        self._close()
        return Article(title=clean(title), url=url, source=source, sections=tuple(self.sections))


def make_item(text: str, lead: str | None = None, children=()) -> Item:
    text, lead = clean(text), (clean(lead) if lead else None)
    if lead and not text:
        text, lead = lead, None
    return Item(text=text, lead=lead or None, children=tuple(children))


_BOLD_LEAD = re.compile(r"^\s*(\*\*|__)(.+?)\1\s*[:.\-–—]?\s*")


def split_bold_lead(text: str) -> tuple[str | None, str]:
    """`**Listen first.** Give them time` -> ("Listen first.", "Give them time") for plain-text sources."""
    match = _BOLD_LEAD.match(text)
    if not match:
        return None, text
    lead = match.group(2).strip()
    tail = text[match.end():]
    separator = text[match.end(1) + len(match.group(2)) + len(match.group(1)): match.end()].strip()
    if separator == ":" and not lead.endswith(":"):
        lead = lead.rstrip(":")
    return lead, tail


def strip_inline_marks(text: str) -> str:
    text = re.sub(r"(\*\*|__)(.+?)\1", r"\2", text)
    text = re.sub(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])", r"\1", text)
    text = re.sub(r"(?<![\w_])_(?!\s)(.+?)(?<!\s)_(?![\w_])", r"\1", text)
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", text)
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)
    return re.sub(r"`([^`]*)`", r"\1", text)


# --- plain text ----------------------------------------------------------------------------------

_BULLET = re.compile(r"^(\s*)(?:[•●▪◦‣∙·▸►○■□✓✔*+\-–—]|\(?\d{1,2}[.)]|\(?[a-z][.)])\s+(.*)$")
_ORDERED = re.compile(r"^\s*\(?\d{1,2}[.)]\s+")
_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_END = ".!?:;…"
_CLOSERS = "\"'”’»)]"


def ends_sentence(line: str) -> bool:
    stripped = line.rstrip().rstrip(_CLOSERS)
    return bool(stripped) and stripped[-1] in _END


_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
DATELINE = re.compile(
    r"^(?:(?:posted|published|updated|last updated|written|date)\b[^\w]*(?:on\b)?\s*)?(?:[a-z]+day,?\s+)?"
    rf"(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}"
    r"|\d{4}-\d{2}-\d{2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4})\b.{0,60}$", re.IGNORECASE)


def is_dateline(line: str) -> bool:
    return bool(DATELINE.match(line.strip())) and len(line.split()) <= 14


_OPEN_END = re.compile(r"\b(?:to|the|a|an|and|or|but|of|with|for|in|on|at|by|your|my|our|their|that|is|are|"
                       r"was|be|as|than|from|into|about)$", re.IGNORECASE)


def heading_like(line: str) -> bool:
    """A short line without end punctuation, or a short title-case question."""
    line = line.strip()
    if is_dateline(line):
        return False
    words = line.split()
    if not words or len(words) > 14 or len(line) > 100 or not (line[0].isupper() or line[0].isdigit()
                                                               or line[0] in "“\"'‘"):
        return False
    if line.endswith("?"):
        long_words = [w for w in words if len(w) > 3]
        return bool(long_words) and sum(w[0].isupper() for w in long_words) >= 0.6 * len(long_words)
    return not ends_sentence(line) and not line.endswith(",") and not _OPEN_END.search(line)


def parse_text(text: str, *, source: str, fallback_title: str) -> Article:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    chunks: list[list[str]] = [[]]
    for line in lines:
        if line.strip() in ("", "---", "***", "___") or set(line.strip()) <= set("=-_*~") and line.strip():
            if line.strip() and set(line.strip()) <= set("=-") and chunks[-1] and len(chunks[-1]) == 1:
                chunks[-1][0] = "# " + chunks[-1][0]  # a setext underline makes the line above a heading
            chunks.append([])
        else:
            chunks[-1].append(line.rstrip())
    chunks = [chunk for chunk in chunks if chunk]
    builder = _Builder()
    title = None
    blocks = _merge_loose_lists(block for chunk in chunks for block in _text_chunk(chunk))
    for kind, payload in blocks:
        if kind == "heading":
            heading = clean(strip_inline_marks(payload))
            if title is None and not builder.blocks and not builder.sections and builder.heading is None:
                title = heading
            else:
                builder.open_section(heading)
        elif kind == "list":
            items, ordered = payload
            builder.list(items, ordered=ordered)
        else:
            lead, body = split_bold_lead(payload)
            builder.paragraph(strip_inline_marks(body), lead=strip_inline_marks(lead) if lead else None)
    return builder.article(title or fallback_title, None, source)


def _text_chunk(lines: list[str]):
    """Blocks of one blank-line-separated chunk: headings, paragraphs (wrapped lines joined), lists."""
    out = []
    paragraph: list[str] = []
    bullets: list[tuple[int, str]] = []
    ordered = False

    def flush_paragraph():
        if paragraph:
            out.append(("paragraph", " ".join(part.strip() for part in paragraph)))
            paragraph.clear()

    def flush_list():
        if bullets:
            out.append(("list", (_nest(bullets), ordered)))
            bullets.clear()

    for position, line in enumerate(lines):
        md = _MD_HEADING.match(line)
        bullet = _BULLET.match(line)
        if md:
            flush_paragraph()
            flush_list()
            out.append(("heading", md.group(2)))
            continue
        if bullet and bullet.group(2).strip():
            flush_paragraph()
            if not bullets:
                ordered = bool(_ORDERED.match(line))
            bullets.append((len(bullet.group(1).expandtabs(4)), bullet.group(2).strip()))
            continue
        if bullets:
            indent = len(line) - len(line.lstrip())
            if indent > 0 or not ends_sentence(bullets[-1][1]):
                bullets[-1] = (bullets[-1][0], f"{bullets[-1][1]} {line.strip()}")
                continue
            flush_list()
        if paragraph:
            previous = paragraph[-1].strip()
            if not ends_sentence(previous) and not (heading_like(previous) and line.strip()[:1].isupper()
                                                     and len(paragraph) == 1):
                paragraph.append(line)
                continue
            flush_paragraph()
        is_last = position == len(lines) - 1
        if heading_like(line) and not is_last and not bullets:
            next_line = lines[position + 1].strip()
            if next_line[:1].isupper() or _BULLET.match(lines[position + 1]) or next_line[:1] in "“\"":
                out.append(("heading", line.strip()))
                continue
        if heading_like(line) and is_last and len(lines) == 1:
            out.append(("heading", line.strip()))
            continue
        paragraph.append(line)
    flush_paragraph()
    flush_list()
    return out


def _merge_loose_lists(blocks):
    """Bullets separated by blank lines are still one list."""
    pending = None
    for kind, payload in blocks:
        if kind == "list" and pending is not None and pending[1] == payload[1]:
            pending = (pending[0] + payload[0], pending[1])
            continue
        if pending is not None:
            yield "list", pending
            pending = None
        if kind == "list":
            pending = (list(payload[0]), payload[1])
        else:
            yield kind, payload
    if pending is not None:
        yield "list", pending


def _nest(bullets: list[tuple[int, str]]) -> list[Item]:
    """Indented bullets become children of the bullet above them."""
    base = min(indent for indent, _ in bullets)
    items: list[tuple[str, list]] = []
    for indent, text in bullets:
        if indent > base and items:
            items[-1][1].append((indent, text))
        else:
            items.append((text, []))
    result = []
    for text, children in items:
        lead, body = split_bold_lead(text)
        result.append(make_item(strip_inline_marks(body), strip_inline_marks(lead) if lead else None,
                                _nest(children) if children else ()))
    return result
