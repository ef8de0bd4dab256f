"""Markdown (markdown-it-py) and HTML (trafilatura, lxml for fragments) readers into the Article shape."""

from __future__ import annotations

import re

import yaml

from scheduler.articles import Article, Item, _Builder, clean, make_item

# --- Markdown ------------------------------------------------------------------------------------

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
    from markdown_it import MarkdownIt

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
            elif heading:
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
            text_ = html_fragment_text(token.content)
            if text_:
                builder.paragraph(text_)
            index += 1
        elif token.type in ("table_open",):
            index = _matching_close(tokens, index) + 1
        else:
            index += 1
    return builder.article(title or fallback_title, url, source)


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
        lead, texts, children = None, [], []
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
    from scheduler.articles import join_lead

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
        elif kind in ("softbreak", "hardbreak"):
            target.append(" ")
        elif kind == "html_inline" and re.match(r"<br\b", child.content, re.IGNORECASE):
            target.append(" ")
    text = "".join(parts)
    if lead is not None:
        stripped = text.lstrip()
        if stripped[:1] in ":–—-" and not lead.endswith((".", "!", "?", ":")):
            stripped = stripped[1:].lstrip()
        elif stripped[:1] in ":–—-":
            stripped = stripped[1:].lstrip()
        return clean(lead), clean(stripped)
    return None, clean(text)


# --- HTML ----------------------------------------------------------------------------------------

_DROP_TAGS = ("script", "style", "nav", "footer", "header", "aside", "form", "figure", "figcaption", "img",
              "button", "noscript", "svg", "iframe", "video", "audio", "picture", "template", "select", "label",
              "input", "table")
_DROP_CLASSES = re.compile(r"\b(share|social|byline|author|meta|related|sidebar|comment|newsletter|subscribe|"
                           r"breadcrumb|tags?|categor(y|ies)|cookie|advert|promo|cta)\b", re.IGNORECASE)


def html_fragment_text(fragment: str) -> str:
    import lxml.html

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
    import trafilatura
    from lxml import etree

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
        lead = clean("".join(children[0].itertext()))
        rest = (children[0].tail or "") + "".join(
            "".join(child.itertext()) + (child.tail or "") for child in children[1:] if child.tag != "list")
        rest = clean(rest).lstrip(":–—- ").strip() if not lead.endswith((".", "?", "!")) else clean(rest)
        return lead, rest
    text = (element.text or "") + "".join(
        "".join(child.itertext()) + (child.tail or "") for child in children if child.tag != "list")
    return None, clean(text)


def _xml_items(element) -> list[Item]:
    items = []
    for child in element:
        if child.tag != "item":
            continue
        lead, body = _xml_lead(child)
        nested = [item for sub in child if sub.tag == "list" for item in _xml_items(sub)]
        items.append(make_item(body, lead, nested))
    return items


def _lxml_walk(text: str, *, source: str, fallback_title: str, whole_page: bool) -> Article:
    import lxml.html

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


def _walk(node, builder: _Builder, state: dict) -> None:
    for child in node:
        tag = child.tag if isinstance(child.tag, str) else ""
        if not tag or tag in _DROP_TAGS or _DROP_CLASSES.search(child.get("class", "") + " " + child.get("id", "")):
            continue
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
        lead = clean(children[0].text_content())
        rest = (children[0].tail or "") + "".join(c.text_content() + (c.tail or "") for c in children[1:])
        rest = clean(rest)
        if not lead.endswith((".", "?", "!")):
            rest = rest.lstrip(":–—- ")
        return lead, rest
    text = (element.text or "") + "".join(c.text_content() + (c.tail or "") for c in children)
    return None, clean(text)


def _html_items(element) -> list[Item]:
    items = []
    for child in element:
        if child.tag != "li":
            continue
        lead, body = _html_lead(child)
        nested = [item for sub in child if sub.tag in ("ul", "ol") for item in _html_items(sub)]
        items.append(make_item(body, lead, nested))
    return items
