"""The Markdown reader (markdown-it-py) into the Article shape; inline HTML goes through the HTML reader's text."""

from __future__ import annotations

import re

import yaml
from markdown_it import MarkdownIt

from scheduler.articles.html import html_fragment_text, walk_fragment
from scheduler.articles.lines import bold_lead
from scheduler.articles.model import (
    Article,
    Item,
    _Builder,
    clean,
    join_lead,
    make_item,
)

_FRONT_MATTER = re.compile(r"\A(?:---|\+\+\+)[ \t]*\n(.*?)\n(?:---|\.\.\.|\+\+\+)[ \t]*(?:\n|\Z)", re.DOTALL)


def split_front_matter(text: str) -> tuple[dict, str]:
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    body = text[match.end():]
    try:
        data = yaml.safe_load(match.group(1))
    except yaml.YAMLError:
        data = None
    return (data if isinstance(data, dict) else {}), body


def parse_markdown(text: str, *, source: str, fallback_title: str) -> Article:
    front, body = split_front_matter(text.replace("\r\n", "\n"))
    tokens = MarkdownIt("commonmark", {"html": True}).enable("strikethrough").enable("table").parse(body)
    builder = _Builder()
    title = _front_text(front, "title")
    url = _front_text(front, "canonical_url", "canonical", "url", "permalink", "link")
    if url and not re.match(r"^https?://", url):
        url = None
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.type == "heading_open":
            heading = clean(_inline_text(tokens[index + 1]))
            if title is None and token.tag == "h1" and not builder.blocks and not builder.sections:
                title = heading
            elif heading and not (token.tag == "h1" and _bare(heading) == _bare(title or "")):
                builder.open_section(heading)
            index += 3
        elif token.type == "paragraph_open":
            lead, text_ = _inline_parts(tokens[index + 1])
            builder.paragraph(text_, lead=lead)
            index += 3
        elif token.type in ("bullet_list_open", "ordered_list_open"):
            items, index = _md_list(tokens, index)
            builder.list(items, ordered=token.type == "ordered_list_open")
        elif token.type == "blockquote_open":
            close = _matching_close(tokens, index)
            quoted = " ".join(_inline_text(t) for t in tokens[index:close] if t.type == "inline")
            builder.paragraph(quoted, kind="quote")
            index = close + 1
        elif token.type == "html_block":
            walk_fragment(token.content, builder)
            index += 1
        elif token.type in ("table_open",):
            index = _matching_close(tokens, index) + 1
        else:
            index += 1
    return builder.article(title or fallback_title, url, source)


def _bare(text: str) -> str:
    return re.sub(r"[^\w]+", " ", text).strip().lower()


def _front_text(front: dict, *keys: str) -> str | None:
    for key in keys:
        value = front.get(key)
        if isinstance(value, str) and value.strip():
            return clean(value)
    return None


def _matching_close(tokens, index: int) -> int:
    depth = 0
    for position in range(index, len(tokens)):
        depth += tokens[position].nesting
        if depth == 0:
            return position
    return len(tokens) - 1


def _md_list(tokens, index: int) -> tuple[list[Item], int]:
    close = _matching_close(tokens, index)
    items = []
    position = index + 1
    while position < close:
        if tokens[position].type != "list_item_open":
            position += 1
            continue
        item_close = _matching_close(tokens, position)
        lead: str | None = None
        texts: list[str] = []
        children: list = []
        inner = position + 1
        while inner < item_close:
            token = tokens[inner]
            if token.type in ("bullet_list_open", "ordered_list_open"):
                nested, inner = _md_list(tokens, inner)
                children.extend(nested)
                continue
            if token.type == "inline":
                part_lead, part = _inline_parts(token)
                if not texts and lead is None and part_lead:
                    lead = part_lead
                texts.append(part)
            elif token.type == "html_block":
                texts.append(html_fragment_text(token.content))
            inner += 1
        items.append(make_item(" ".join(t for t in texts if t), lead, children))
        position = item_close + 1
    return items, close + 1


def _inline_text(token) -> str:
    lead, text = _inline_parts(token)
    return join_lead(lead, text)


def _inline_parts(token) -> tuple[str | None, str]:
    """The inline's plain text, with a leading bold phrase split off as its lead-in."""
    children = token.children or []
    parts: list[str] = []
    lead = None
    skip_image = 0
    in_lead = False
    lead_parts: list[str] = []
    first = next((i for i, c in enumerate(children) if not (c.type == "text" and not c.content.strip())), 0)
    for position, child in enumerate(children):
        kind = child.type
        if kind == "strong_open" and position == first:
            in_lead = True
            continue
        if kind == "strong_close" and in_lead:
            in_lead = False
            lead = "".join(lead_parts).strip()
            continue
        target = lead_parts if in_lead else parts
        if kind == "image":
            skip_image += 1
        elif kind in ("text", "code_inline"):
            target.append(child.content)
        elif kind in ("softbreak", "hardbreak") or kind == "html_inline" and re.match(r"<br\b", child.content, re.IGNORECASE):
            target.append(" ")
    text = "".join(parts)
    if lead is not None:
        lead, text = bold_lead(lead, text)
        return (clean(lead) if lead else None), clean(text)
    return None, clean(text)
