"""Read an article (.txt, .md or .html) into one Article shape: title, sections, paragraphs, lists.

The readers keep the article's structure and nothing of its markup: a paragraph is plain text with
entities decoded, a list keeps its items (with their bold lead-ins and nested items), headings open
sections. Deciding what is advice and what is promotion or boilerplate is scheduler.tips.filters' work.

Every block is numbered in reading order (headings and the title are not counted), so a tip's
`source: {paragraph: N}` points at the N-th block a reader sees below the title.
"""

from __future__ import annotations

import codecs
import logging
import re
from pathlib import Path

from scheduler.articles.html import parse_html
from scheduler.articles.lines import is_dateline
from scheduler.articles.markdown import parse_markdown
from scheduler.articles.model import Article, Block, Item, Section, clean
from scheduler.articles.text import parse_text
from scheduler.errors import ContentError
from scheduler.fileio import read_input
from scheduler.yamlio import display_path

__all__ = ["Article", "Block", "Item", "Section", "clean", "is_dateline", "read_article"]

MAX_TEXT = 300_000  # characters of an article's text: about 45,000 words, 20 times the longest article of the
# development set and 2 times the split benchmark's; split takes about 10 s a MB, so past this it refuses at once
# (a user trial: a 6 MB article, 53 s with no word, taken for a hang)
logger = logging.getLogger(__name__)
SUFFIXES = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
            ".html": "html", ".htm": "html"}


def read_article(path: Path | str, root: Path | str | None = None) -> Article:
    path = Path(path)
    shown = display_path(path, Path(root)) if root is not None else str(path)
    kind = SUFFIXES.get(path.suffix.lower())
    if kind is None:
        raise ContentError(f"{shown}: unknown kind of article {path.suffix or '(no suffix)'!r}; "
                           "give a .txt, .md or .html file")
    raw = read_input(path, shown, error=ContentError, what="article file",
                     missing_hint="check the path (articles live in posts/articles/)")
    text = _decoded(raw, shown, kind)
    _warn_controls(text, shown)
    if kind != "html":  # the file is the text (its markup a few characters a paragraph): refused before reading
        _check_length(shown, len(text))
    source = _source_name(path, root)
    reader = _reader(kind)
    article = reader(text, source=source, fallback_title=_title_from_name(path.stem))
    if not any(section.blocks for section in article.sections):
        raise ContentError(f"{shown}: no article text found; check that the file holds the article's paragraphs")
    if kind == "html":  # a page's markup is not its text: the text the reader found is counted
        _check_length(shown, sum(len(block.text) + sum(len(item.full) for item in block.items)
                                 for _, block in article.blocks()))
    return article


# A byte order mark says how the text is encoded (Windows' Notepad saves "Unicode" as UTF-16 with one): the longer
# marks first, as UTF-32's little-endian mark begins with UTF-16's.
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32", "UTF-32"), (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
         (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"), (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
         (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"))


def _decoded(raw: bytes, shown: str, kind: str) -> str:
    """The file's text: as its byte order mark says (UTF-8, UTF-16 or UTF-32), else UTF-8; an HTML page that is not
    UTF-8 is read as Windows-1252, as browsers do; anything else is refused with the line where it stops."""
    codec, name = next(((codec, name) for bom, codec, name in _BOMS if raw.startswith(bom)), ("utf-8", "UTF-8"))
    if name == "UTF-8" and 0 in raw and (text := _utf16_without_bom(raw, shown)) is not None:
        return text
    try:
        return raw.decode(codec)
    except UnicodeDecodeError as exc:
        unit = {"UTF-16": 2, "UTF-32": 4}.get(name, 1)
        line = raw[: exc.start - exc.start % unit].decode(codec, errors="replace").count("\n") + 1
        if name != "UTF-8":
            raise ContentError(f"{shown}:{line}: not {name} text, though it opens with {name}'s byte order mark; "
                               "save the article as UTF-8") from None
        if kind != "html":
            raise ContentError(f"{shown}:{line}: not UTF-8 text; save the article as UTF-8") from None
        return raw.decode("cp1252", errors="replace")


def _utf16_without_bom(raw: bytes, shown: str) -> str | None:
    """A file with NUL bytes and no byte order mark: UTF-16 saved without one (a NUL in every other byte, the high
    byte of each Latin letter) is read as UTF-16; a file with many NULs otherwise is refused (read as UTF-8 with its
    NULs dropped, its words would come out garbled); None for a few stray NULs (read as UTF-8, the NULs dropped)."""
    half = len(raw) // 2
    even, odd = raw[0::2].count(0), raw[1::2].count(0)
    codec = "utf-16-le" if odd * 4 >= half and not even else "utf-16-be" if even * 4 >= half and not odd else None
    if codec is not None and len(raw) % 2 == 0:
        try:
            return raw.decode(codec)
        except UnicodeDecodeError:
            pass
    if raw.count(0) * 8 < len(raw):
        return None
    raise ContentError(f"{shown}: {raw.count(0):,} NUL bytes: not UTF-8 text (UTF-16 or UTF-32 saved without a byte "
                       "order mark?); save the article as UTF-8")


_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f]")  # what `clean` drops from the text; not tab, line or page breaks


def _warn_controls(text: str, shown: str) -> None:
    """One warning for the control characters the readers drop, naming the line of the first (a user trial: a
    pasted article lost its escape codes without a word)."""
    first = _CONTROLS.search(text)
    if first is None:
        return
    count = len(_CONTROLS.findall(text))
    line = text.count("\n", 0, first.start()) + 1
    logger.warning("%s:%d: %s dropped from the article (U+%04X%s); check the text there reads as meant",
                   shown, line, "a control character" if count == 1 else f"{count:,} control characters",
                   ord(first.group()), "" if count == 1 else " first")


def _check_length(shown: str, characters: int) -> None:
    if characters > MAX_TEXT:
        raise ContentError(f"{shown}: {characters:,} characters of text, over split's limit of {MAX_TEXT:,} for one "
                           "article (about 45,000 words; a blog article has a few thousand); cut it into several "
                           "articles, one file each, and split each")


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


def _reader(kind: str):
    if kind == "text":
        return parse_text
    if kind == "markdown":
        return parse_markdown
    return parse_html
