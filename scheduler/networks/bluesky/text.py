"""A post as Bluesky takes it: at most 300 graphemes, links shortened on screen and clickable through
facets (UTF-8 byte offsets), hashtags as tag facets; and the post's record key (a TID) from its id.
"""

from __future__ import annotations

import hashlib
import re

MAX_GRAPHEMES = 300
MAX_BYTES = 3000         # app.bsky.feed.post#text: maxLength 3000 (UTF-8 bytes)
MAX_TAG_GRAPHEMES = 64   # app.bsky.richtext.facet#tag: maxGraphemes 64
SHOWN_LINK = 28          # a link is shown as its host and path, cut to this many characters
_URL = re.compile(r"https?://[^\s<>\"]+")
_TAG = re.compile(r"(?<![\w#&])#([^\s#\d\W][^\s#]*|\d+[^\s#\d\W][^\s#]*)")
_TRAILING = ".,;:!?)]}'\"’”"
TID_ALPHABET = "234567abcdefghijklmnopqrstuvwxyz"
TID_FROM_US = 1_420_070_400_000_000  # 2015-01-01T00:00Z in microseconds
TID_WINDOW_US = 1 << 48              # about 8.9 years: every derived key lies in 2015-2023, never ahead


def graphemes(text: str) -> int:
    # lazy: the regex module only to count graphemes, never on run-due's cron fast path
    import regex

    return len(regex.findall(r"\X", text))


def shown_link(url: str) -> str:
    """How a link appears in the post: without the scheme and www., cut with an ellipsis."""
    shown = re.sub(r"^https?://(www\.)?", "", url)
    return shown if len(shown) <= SHOWN_LINK else shown[:SHOWN_LINK - 1] + "…"


def _split_url(match_text: str) -> tuple[str, str]:
    """A URL found in running text, less the punctuation that ends the sentence around it."""
    url = match_text
    while url and url[-1] in _TRAILING:
        if url[-1] == ")" and url.count("(") >= url.count(")"):
            break
        url = url[:-1]
    return url, match_text[len(url):]


def pieces(text: str) -> list[tuple[str, str, str]]:
    """The text as (kind, shown, value) pieces: kind is text, link (value the URL) or tag (value the tag)."""
    out: list[tuple[str, str, str]] = []
    position = 0
    for match in _URL.finditer(text):
        url, _rest = _split_url(match.group())
        out.extend(_tags(text[position:match.start()]))
        out.append(("link", shown_link(url), url))
        position = match.start() + len(url)
    out.extend(_tags(text[position:]))
    return [p for p in out if p[1]]


def _tags(text: str) -> list[tuple[str, str, str]]:
    out = []
    position = 0
    for match in _TAG.finditer(text):
        tag = match.group(1).rstrip(_TRAILING)
        if graphemes(tag) > MAX_TAG_GRAPHEMES:
            continue
        end = match.start() + 1 + len(tag)
        out.append(("text", text[position:match.start()], ""))
        out.append(("tag", text[match.start():end], tag))
        position = end
    out.append(("text", text[position:], ""))
    return out


def bluesky_text(text: str) -> str:
    """The text exactly as it appears on Bluesky (links shortened)."""
    return "".join(shown for _, shown, _ in pieces(text))


def bluesky_length(text: str) -> int:
    """The post's length as Bluesky counts it: graphemes of the text as shown."""
    return graphemes(bluesky_text(text))


def rich_text(text: str):
    """(text, facets) for app.bsky.feed.post, built with atproto's TextBuilder (UTF-8 byte offsets)."""
    # lazy: atproto (seconds to import) only to post; this module is on run-due's cron fast path
    from atproto import client_utils

    builder = client_utils.TextBuilder()
    for kind, shown, value in pieces(text):
        if kind == "link":
            builder.link(shown, value)
        elif kind == "tag":
            builder.tag(shown, value)
        else:
            builder.text(shown)
    return builder.build_text(), builder.build_facets()


def tid_for(post_id: str) -> str:
    """A valid TID (13 characters of base32-sortable) derived from the post's id alone.

    53 bits of microseconds and 10 bits of clock id, as the TID spec lays them out: the time is
    taken from the id's hash within 2015-2023, so a key never claims a moment in the future.
    """
    digest = int.from_bytes(hashlib.sha256(post_id.encode("utf-8")).digest()[:8], "big")
    micros = TID_FROM_US + (digest >> 16) % TID_WINDOW_US
    value = (micros << 10) | (digest & 0x3FF)
    return "".join(TID_ALPHABET[(value >> (5 * i)) & 31] for i in reversed(range(13)))
