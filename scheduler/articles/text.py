"""The plain-text reader: blank-line chunks into headings, paragraphs and lists."""

from __future__ import annotations

import re

from scheduler.articles.furniture import strip_template_line
from scheduler.articles.lines import (
    ends_sentence,
    heading_like,
    split_bold_lead,
    strip_inline_marks,
)
from scheduler.articles.model import Article, Item, _Builder, clean, make_item

_BULLET = re.compile(r"^(\s*)(?:[•●▪◦‣∙·▸►○■□✓✔*+\-–—]|\(?\d{1,2}[.)]|\(?[a-z][.)])\s+(.*)$")
_ORDERED = re.compile(r"^\s*\(?\d{1,2}[.)]\s+")
_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")


def parse_text(text: str, *, source: str, fallback_title: str) -> Article:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    chunks: list[list[str]] = [[]]
    for raw in lines:
        line = strip_template_line(raw)
        if line is None:
            continue
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
