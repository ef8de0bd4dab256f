"""What a site's templates leave in a page's text, and the page furniture that is not the article.

A page saved from a Jekyll, Hugo, Next.js or Vue site carries its template's leftovers into the text a
reader extracts: Liquid tags and outputs (`{% include toc.html %}`, `{{ site.title }}`), Hugo shortcodes
(`{{< figure ... >}}`), JSX and Vue remnants (`className="mt-4"`, `{" "}`, `v-if="open"`), kramdown and
Pandoc attribute lists (`{: .lead}`, `{#take-a-break}`), entities encoded twice (`&amp;nbsp;`). None of it
is the article's words: `strip_template` takes it out of a line of text. `is_furniture` says whether what
is left is the page's furniture rather than the article (an image caption or credit, "Read more", a row of
share buttons), so a reader drops the whole line.
"""

from __future__ import annotations

import html
import re

_LIQUID_COMMENT = re.compile(r"\{%-?\s*comment\s*-?%\}.*?\{%-?\s*endcomment\s*-?%\}", re.DOTALL)
_TEMPLATE = re.compile(
    r"\{\{[<%].*?[>%]\}\}"  # Hugo shortcodes, opening and closing: {{< note >}}, {{% /tip %}}
    r"|\{%.*?%\}"  # Liquid / Jinja / Nunjucks tags: {% include toc.html %}, {%- if x -%}
    r"|\{\{.*?\}\}"  # Liquid, Handlebars, Vue and Angular outputs: {{ page.cta }}, {{{ body }}}
    r"|\{#.*?#\}"  # Jinja comments
    r"|<%.*?%>"  # ERB / EJS
    r"|\{/\*.*?\*/\}"  # JSX comments
    r"|\{\s*(?:\"\s*\"|'\s*'|`\s*`)\s*\}"  # JSX's {" "}
    r"|\{:[^{}\n]*\}"  # kramdown attribute lists: {: .lead}, {:target="_blank"}
    r"|\{(?:[#.][\w-]+\s*)+\}"  # Pandoc / Markdown Extra attributes: {#take-a-break}, {.note}
    r"|\{\s*[A-Za-z_$][\w$]*(?:\.[\w$]+|\[[^\]{}]*\]|\([^(){}]*\))*\s*\}",  # JSX expressions: {post.title}, {t('x')}
    re.DOTALL)
_ATTRIBUTE = re.compile(
    r"(?<![\w-])(?:class(?:Name)?|style|id|href|src|srcset|alt|title|target|rel|width|height|loading|role|key|"
    r"onClick|onclick|tabindex|aria-[\w-]+|data-[\w-]+|v-[\w:.-]+|[:@][\w.-]+|x-[\w:.-]+)"
    r"\s*=\s*(?:\"[^\"]*\"|'[^']*'|\{[^{}]*\}|[^\s\"'>]+)", re.IGNORECASE)
_TAG = re.compile(r"</?[A-Za-z][\w.:-]*(?:\s[^<>]*)?/?>")  # <Link to="/x">, </Trans>, <br/> left in text
_ORPHAN = re.compile(r"(?:^|(?<=\s))[\"']?\s*/?>(?![>=])")  # `">` left where a tag's head was cut off
_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\((?:https?://|/|#|\.{0,2}/?[\w-]+\.html?)[^)]*\)")
_TRAILING_MORE = re.compile(r"(?:(?<=[.!?…”\"])|\s*(?:\[(?:…|\.\.\.)\]|…|\.\.\.))\s*\[?\s*(?:Read|READ|Continue|CONTINUE|"
                            r"Keep|View)\s+(?:(?i:more|reading|the (?:full )?(?:post|article)))\s*(?:[»›→>]+|…|\.\.\.)?\s*\]?\s*$")
_EXCERPT_MARK = re.compile(r"\s*\[(?:…|\.\.\.)\]\s*$")

_CAPTION = re.compile(
    r"^\(?\s*(?:photo|image|picture|illustration|graphic|img|pictured|featured image|cover image|header image|"
    r"source|credit|via)(?:\s+(?:by|credit|courtesy(?:\s+of)?|via|source|from)\b\s*[:—–-]?|\s*[:—–-])\s*.{0,120}$",
    re.IGNORECASE)
_CAPTION_HEADS = frozenset(["photo", "image", "picture", "illustration", "graphic", "img", "pictured", "featured",
                            "cover", "header", "source", "credit", "via"])
_STOCK_SITES = ("unsplash", "pexels", "pixabay", "canva", "shutterstock", "istock", "getty images", "freepik",
                "adobe stock", "stock photo", "stock image")
_STOCK_RE = re.compile("|".join(map(re.escape, _STOCK_SITES)))
_CAPTION_SITE = re.compile(r"^.{0,80}\b(?:(?:on|via|from)\s+(?:unsplash|pexels|pixabay|canva|shutterstock|istock|"
                           r"getty images|freepik|adobe stock)\.?\)?|stock (?:photo|image)\b.{0,40})$", re.IGNORECASE)
_MORE = re.compile(r"(?:(?<=[.!?…”\"])|\s*(?:\[(?:…|\.\.\.)\]|…|\.\.\.))\s*\[?\s*(?:Read|READ|Continue|CONTINUE|"
                            r"Keep|View)\s+(?:(?i:more|reading|the (?:full )?(?:post|article)))\s*(?:[»›→>]+|…|\.\.\.)?\s*\]?\s*$")
_EXCERPT_MARK = re.compile(r"\s*\[(?:…|\.\.\.)\]\s*$")

_CAPTION = re.compile(
    r"^(?:\(?\s*(?:photo|image|picture|illustration|graphic|img|pictured|featured image|cover image|header image|"
    r"source|credit|via)(?:\s+(?:by|credit|courtesy(?:\s+of)?|via|source|from)\b\s*[:—–-]?|\s*[:—–-])\s*.{0,120}"
    r"|.{0,80}\b(?:on|via|from)\s+(?:unsplash|pexels|pixabay|canva|shutterstock|istock|getty images|freepik|"
    r"adobe stock)\.?\)?"
    r"|.{0,60}\b(?:stock photo|stock image)\b.{0,40})$", re.IGNORECASE)
_MORE = re.compile(r"^[\[(«‹]?\s*(?:read|continue reading|learn|see|find out|view|keep reading|click here to read)"
                   r"(?:\s+(?:more|the (?:full )?(?:post|article|story)|on|here))*\s*(?:[»›→>]+|…|\.\.\.|!)?\s*[\])»›]?"
                   r"\.?$", re.IGNORECASE)
_SHARE_WORD = (r"(?:share(?:\s+(?:this|it|on|via|with|the post|this post|this article|article|your thoughts))*|"
               r"tweet(?:\s+(?:this|it))?|pin(?:\s+it)?|email|e-mail|print|copy link|like|"
               r"facebook|twitter|x|linkedin|pinterest|whatsapp|reddit|tumblr|telegram|threads|bluesky|mastodon)")
_SHARE = re.compile(rf"^(?:{_SHARE_WORD}\s*[:|·•,/-]*\s*)+$", re.IGNORECASE)
_WIDGET = re.compile(r"^(?:\d+\s+)?comments?$|^(?:leave a (?:comment|reply)|no comments yet|back to (?:top|blog|"
                     r"all posts)|previous post|next post|(?:tags|categories|filed under|posted in)\s*:.*)$",
                     re.IGNORECASE)


def strip_template_line(line: str) -> str | None:
    """A raw line of a plain-text article with its template markup taken out, its indent kept; None when
    nothing but markup was on it (the line goes, without leaving a blank line that would end a paragraph)."""
    if not any(mark in line for mark in "{<=&"):
        return line
    body = line.lstrip()
    stripped = strip_template(body)
    if not stripped:
        return None
    return line[: len(line) - len(body)] + stripped


def strip_template(text: str, *, decoded: bool = False) -> str:
    """The line with template markup, attributes, stray tags and twice-encoded entities taken out. `decoded`: text a
    parser has read already (its tags gone, its entities decoded), so a `<` or `>` in it is the author's own,
    written as `&lt;pause&gt;`, and no tag (a user trial: "Use the <pause> button" lost its word)."""
    if not text:
        return text
    before = text
    if "{" in text or "<%" in text:
        text = _LIQUID_COMMENT.sub(" ", text)
        text = _TEMPLATE.sub(" ", text)
    if "=" in text:
        text = _ATTRIBUTE.sub(" ", text)
    if "<" in text and not decoded:
        text = _TAG.sub(" ", text)
    if ">" in text and not decoded:
        text = _ORPHAN.sub(" ", text)
    for _ in range(2):
        if "&" not in text or not _ENTITY.search(text):
            break
        text = html.unescape(text)
    if "](" in text:
        text = _IMAGE.sub(" ", text)
        text = _LINK.sub(r"\1", text)
    if text.endswith("]"):
        text = _EXCERPT_MARK.sub("", text)
    if text.rstrip(" »›→>.…]!").lower().endswith(_MORE_ENDS):
        text = _TRAILING_MORE.sub("", text)
    if text == before:
        return text
    text = text.replace("\u00a0", " ")
    text = re.sub(r"\s+([,.;:!?])(?=\s|$)", r"\1", re.sub(r"\s{2,}", " ", text))
    return text.strip()


_MORE_ENDS = ("more", "reading", "post", "article")


def is_furniture(text: str) -> bool:
    """A line that is the page's furniture, not the article: an image caption or credit, "Read more", share
    buttons."""
    line = text.strip().strip("*_").strip()
    if not line:
        return True
    if len(line) > 160:
        return False
    low = line.lower()
    head = re.split(r"[\s:—–-]", low.lstrip("( "), maxsplit=1)[0]
    if _MORE.match(line) or _SHARE.match(line) or _WIDGET.match(line) or (
            head in _CAPTION_HEADS and _CAPTION.match(line)):
        return True
    return bool(_STOCK_RE.search(low)) and bool(_CAPTION_SITE.match(line))
