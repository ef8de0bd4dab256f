"""The HTML reader: trafilatura for whole pages, lxml for fragments, into the Article shape."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import lxml.html
import trafilatura
from lxml import etree

from scheduler.articles.lines import bold_lead, split_bold_lead, strip_inline_marks
from scheduler.articles.model import Article, Item, _Builder, clean, make_item

_DROP_TAGS = ("script", "style", "nav", "footer", "header", "aside", "form", "figure", "figcaption", "img",
              "button", "noscript", "svg", "iframe", "video", "audio", "picture", "template", "select", "label",
              "input", "table")
_DROP_CLASSES = re.compile(r"\b(share|social|byline|author|meta|related|sidebar|comment|newsletter|subscribe|"
                           r"breadcrumb|tags?|categor(y|ies)|cookie|advert|promo|cta)\b", re.IGNORECASE)


def html_fragment_text(fragment: str) -> str:
    if not fragment.strip() or fragment.lstrip().startswith("<!--"):
        return ""
    try:
        nodes = lxml.html.fragments_fromstring(fragment)
    except Exception:  # noqa: BLE001 - lxml raises several kinds on junk; junk has no text for us
        return ""
    texts = []
    for node in nodes:
        if isinstance(node, str):
            texts.append(node)
            continue
        if not isinstance(node.tag, str) or node.tag in _DROP_TAGS:  # comments, doctypes, scripts
            continue
        for dropped in node.xpath(".//" + " | .//".join(_DROP_TAGS)):
            dropped.drop_tree()
        texts.append(node.text_content())
    return clean(" ".join(texts))


def parse_html(text: str, *, source: str, fallback_title: str) -> Article:
    whole_page = bool(re.search(r"<(html|body|head)\b", text[:5000], re.IGNORECASE))
    if whole_page:
        article = _trafilatura(text, source=source, fallback_title=fallback_title)
        if article is not None:
            return article
    return _lxml_walk(text, source=source, fallback_title=fallback_title, whole_page=whole_page)


def _trafilatura(text: str, *, source: str, fallback_title: str) -> Article | None:
    xml = trafilatura.extract(text, output_format="xml", include_formatting=True, include_links=False,
                              include_images=False, include_tables=False, include_comments=False,
                              with_metadata=True, deduplicate=False)
    if not xml:
        return None
    root = etree.fromstring(xml.encode("utf-8"))
    for line_break in root.iter("lb"):
        line_break.tail = " " + (line_break.tail or "")
    main = root.find("main")
    if main is None:
        return None
    builder = _Builder()
    title = root.get("title")
    url = root.get("url")
    first = True
    for element in main:
        tag = element.tag
        if tag == "head":
            heading = clean("".join(element.itertext()))
            if first and (title is None or heading.lower() == (title or "").lower()) and element.get("rend") in (
                    "h1", None):
                title = title or heading
            elif heading:
                builder.open_section(heading)
        elif tag in ("p", "quote"):
            lead, body = _xml_lead(element)
            builder.paragraph(body, kind="quote" if tag == "quote" else "paragraph", lead=lead)
        elif tag == "list":
            builder.list(_xml_items(element), ordered=element.get("rend") == "ol")
        first = False
    if not builder.blocks and not builder.sections:
        return None
    return builder.article(title or fallback_title, url if url and url.startswith("http") else None, source)


def _xml_lead(element) -> tuple[str | None, str]:
    children = list(element)
    if (children and children[0].tag == "hi" and children[0].get("rend") == "#b"
            and not (element.text or "").strip()):
        bold = clean("".join(children[0].itertext()))
        rest = (children[0].tail or "") + "".join(
            "".join(child.itertext()) + (child.tail or "") for child in children[1:] if child.tag != "list")
        lead, rest = bold_lead(bold, rest)
        return lead, clean(rest)
    text = (element.text or "") + "".join(
        "".join(child.itertext()) + (child.tail or "") for child in children if child.tag != "list")
    return None, clean(text)


def _xml_items(element) -> list[Item]:
    return _items(element, "item", ("list",), _xml_lead)


def _lxml_walk(text: str, *, source: str, fallback_title: str, whole_page: bool) -> Article:
    builder = _Builder()
    try:
        document = lxml.html.document_fromstring(text) if whole_page else lxml.html.fragment_fromstring(
            text, create_parent="div")
    except Exception:  # noqa: BLE001 - unparseable HTML has no article in it
        return builder.article(fallback_title, None, source)
    for line_break in document.iter("br"):
        line_break.tail = " " + (line_break.tail or "")
    title = None
    if whole_page:
        found = document.xpath("//title")
        title = clean(found[0].text_content()).split(" | ")[0] if found else None
        body = (document.xpath("//article") or document.xpath("//main") or document.xpath("//body") or [document])[0]
    else:
        body = document
    state = {"title": title}
    _walk(body, builder, state)
    return builder.article(state["title"] or fallback_title, None, source)


def walk_fragment(fragment: str, builder: _Builder) -> None:
    """Inline HTML inside another format (an <h2> in Markdown) read into the same builder, with the text
    between its tags (`<h2>Step 1</h2>\nListen first.`) as paragraphs."""
    if not fragment.strip() or fragment.lstrip().startswith("<!--"):
        return
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except Exception:  # noqa: BLE001 - junk has no text for us
        return

    def loose(text: str | None) -> None:
        for part in re.split(r"\n\s*\n", text or ""):
            if part.strip():
                lead, body = split_bold_lead(part.strip())
                builder.paragraph(strip_inline_marks(body), lead=strip_inline_marks(lead) if lead else None)

    loose(root.text)
    _walk(root, builder, {"title": "-"}, tails=loose)


def _walk(node, builder: _Builder, state: dict, tails=None) -> None:
    for child in node:
        _walk_one(child, builder, state)
        if tails is not None:
            tails(child.tail)


def _walk_one(child, builder: _Builder, state: dict) -> None:
    tag = child.tag if isinstance(child.tag, str) else ""
    if not tag or tag in _DROP_TAGS or _DROP_CLASSES.search(child.get("class", "") + " " + child.get("id", "")):
        return
    if re.fullmatch(r"h[1-6]", tag):
        heading = clean(child.text_content())
        if tag == "h1" and state["title"] is None and not builder.blocks and not builder.sections:
            state["title"] = heading
        elif heading:
            builder.open_section(heading)
    elif tag == "p":
        lead, body = _html_lead(child)
        builder.paragraph(body, lead=lead)
    elif tag in ("ul", "ol"):
        builder.list(_html_items(child), ordered=tag == "ol")
    elif tag == "blockquote":
        builder.paragraph(child.text_content(), kind="quote")
    else:
        if (child.text or "").strip() and not len(child):
            builder.paragraph(child.text_content())
        else:
            _walk(child, builder, state)


def _html_lead(element) -> tuple[str | None, str]:
    for dropped in element.xpath(".//img | .//script | .//style | .//button"):
        dropped.drop_tree()
    children = [c for c in element if c.tag not in ("ul", "ol")]
    if children and children[0].tag in ("strong", "b") and not (element.text or "").strip():
        bold = clean(children[0].text_content())
        rest = (children[0].tail or "") + "".join(c.text_content() + (c.tail or "") for c in children[1:])
        lead, rest = bold_lead(bold, rest)
        return lead, clean(rest)
    text = (element.text or "") + "".join(c.text_content() + (c.tail or "") for c in children)
    return None, clean(text)


def _html_items(element) -> list[Item]:
    return _items(element, "li", ("ul", "ol"), _html_lead)


def _items(element, item_tag: str, list_tags: tuple[str, ...],
           lead_of: Callable[[Any], tuple[str | None, str]]) -> list[Item]:
    """A list's items, each with its bold lead-in and the lists nested in it: one walk for trafilatura's XML
    (<list><item>) and for HTML (<ul>/<ol><li>), told apart by their tags and how each reads a lead-in."""
    items = []
    for child in element:
        if child.tag != item_tag:
            continue
        lead, body = lead_of(child)
        nested = [item for sub in child if sub.tag in list_tags for item in _items(sub, item_tag, list_tags, lead_of)]
        items.append(make_item(body, lead, nested))
    return items
