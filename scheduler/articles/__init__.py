"""Read an article (.txt, .md or .html) into one Article shape: title, sections, paragraphs, lists.

The readers keep the article's structure and nothing of its markup: a paragraph is plain text with
entities decoded, a list keeps its items (with their bold lead-ins and nested items), headings open
sections. Deciding what is advice and what is promotion or boilerplate is scheduler.tips.filters' work.

Every block is numbered in reading order (headings and the title are not counted), so a tip's
`source: {paragraph: N}` points at the N-th block a reader sees below the title.
"""

from __future__ import annotations

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
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        if kind != "html":
            raise ContentError(f"{shown}:{line}: not UTF-8 text; save the article as UTF-8") from None
        text = raw.decode("cp1252", errors="replace")
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
