"""Bundled fonts: loading, which characters each one has, and the fallback chain.

Cards are shaped with Pillow's complex layout engine (raqm: HarfBuzz for kerning, ligatures
and Arabic joining; FriBiDi for right-to-left words). Without it the same card would come out
different, so a Pillow without raqm is refused with a message that says how to get it. Latin words are
shaped and drawn through the same libraries directly (cards.glyphs), with raqm's and Pillow's own results.
All card text is shaped with FEATURES: pass it wherever Pillow or cards.glyphs shapes, measures or draws.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from pathlib import Path

import PIL
from PIL import ImageFont, features

from scheduler.cards import glyphs
from scheduler.errors import ConfigError

# OpenType features every card's text is shaped with: lining figures. Vollkorn's default figures are old-style
# (a user trial read "504" as "5O4" on a phone); a font without `lnum` draws its own figures unchanged.
FEATURES: list[str] = ["lnum"]  # a list, as Pillow takes it; never changed

# Characters that take no glyph of their own: joiners shape their neighbours, marks ride on them.
_INVISIBLE = {"\u200c", "\u200d", "\u2060"}


class FontError(Exception):
    """A font file that cannot be used; the message says why (the caller adds where)."""


def require_raqm() -> None:
    if not features.check_feature("raqm"):
        fribidi = features.version("fribidi")
        why = "FriBiDi (libfribidi.so.0) could not be loaded" if fribidi is None else "Pillow was built without it"
        raise ConfigError(
            "cards need Pillow's complex text layout (raqm), and here it is not available: "
            f"{why}; install it (Debian/Ubuntu: apt-get install libfribidi0) or a Pillow wheel from PyPI, "
            "so that every machine draws the same card")


def layout_versions() -> dict[str, str | None]:
    """The libraries that decide every pixel of a card (golden hashes hold only for these)."""
    return {"pillow": PIL.__version__, "freetype": features.version("freetype2"),
            "raqm": features.version("raqm"), "harfbuzz": features.version("harfbuzz"),
            "fribidi": features.version("fribidi"), "zlib": features.version("zlib")}


@lru_cache(maxsize=64)
def codepoints(path: Path) -> frozenset[int]:
    """Every character the font at `path` has a glyph for; FontError when it is not a font."""
    # lazy: fontTools only when a card is drawn: run-due (cron) checks a drawn card without it
    from fontTools.ttLib import TTFont, TTLibError

    try:
        with TTFont(str(path), lazy=True, fontNumber=0) as font:
            cmap = font.getBestCmap()
    except FileNotFoundError:
        raise FontError("file not found") from None
    except (TTLibError, OSError, ValueError, KeyError, AssertionError, IndexError) as exc:
        raise FontError(f"not a TrueType/OpenType font ({type(exc).__name__}: {str(exc)[:80]})") from None
    if not cmap:
        raise FontError("the font maps no characters (no usable cmap table)")
    return frozenset(cmap)


@lru_cache(maxsize=256)
def load(path: Path, size: int) -> ImageFont.FreeTypeFont:
    try:
        return ImageFont.truetype(str(path), size, layout_engine=ImageFont.Layout.RAQM)
    except OSError as exc:
        raise FontError(f"FreeType cannot open it ({exc})") from None


@lru_cache(maxsize=8192)
def length(path: Path, size: int, text: str, direction: str) -> float:
    """How far `text` advances the pen: shaped once, remembered (headlines repeat words across sizes); a Latin
    word set left to right is shaped without Pillow's fixed cost of a HarfBuzz font per call (glyphs.advance)."""
    advance = glyphs.advance(path, size, text, FEATURES) if direction == "ltr" else None
    if advance is not None:
        return advance / 64
    return load(path, size).getlength(text, direction=direction, features=FEATURES)


@lru_cache(maxsize=256)
def ink_extent(path: Path, size: int) -> tuple[float, float]:
    """How far ordinary text reaches above the baseline (capitals, ascenders) and below it (descenders).

    Tighter than the font's own ascent and descent, which make room for stacked accents: lines
    are spaced by the line height anyway, so only the first line's top and last line's foot count.
    """
    font = load(path, size)
    _, top, _, _ = font.getbbox("Hdlfk", features=FEATURES, anchor="ls")
    _, _, _, bottom = font.getbbox("gjpqy", features=FEATURES, anchor="ls")
    return -top, bottom


@lru_cache(maxsize=32)
def cap_height(path: Path) -> float:
    """How tall the font's capitals are, as a share of its size: measured on its "H" (the ink of "Hdlfk", with
    ascenders, in a font without one)."""
    font = load(path, 1000)
    sample = "H" if ord("H") in codepoints(path) else "Hdlfk"
    _, top, _, _ = font.getbbox(sample, features=FEATURES, anchor="ls")
    return max(-top, 1) / 1000


def check_font(path: Path) -> None:
    """Raise FontError unless both fontTools and FreeType can read the font."""
    codepoints(path)
    load(path, 12)


def needs_glyph(char: str) -> bool:
    return not (char.isspace() or char in _INVISIBLE)


def split_runs(word: str, chain: tuple[Path, ...]) -> tuple[tuple[int, str], ...]:
    """`word` as (font index, text) runs: each character in the first font of `chain` that has it.

    A character and the combining marks on it are one cluster, set in the first font that has them all: a mark
    set apart from its letter, in a run of its own, is drawn on a dotted circle (a user trial: "a" + U+0332 on
    the card). Joiners stay with the character before them. Raises MissingGlyph for a character that no font in
    the chain has.
    """
    if not word:
        return ()
    first = codepoints(chain[0])
    if all(ord(char) in first or not needs_glyph(char) for char in word):
        return ((0, word),)  # the usual word: every character in the first font
    runs: list[list] = []
    for cluster in _clusters(word):
        index = _first_with_all(cluster, chain)
        if runs and (runs[-1][0] == index or not any(needs_glyph(char) for char in cluster)):
            runs[-1][1] += cluster
        else:
            runs.append([index, cluster])
    return tuple((index, text) for index, text in runs)


def _clusters(word: str) -> list[str]:
    """A character with the marks and joiners after it, one string each."""
    clusters: list[str] = []
    for char in word:
        if clusters and (not needs_glyph(char) or is_mark(char)):
            clusters[-1] += char
        else:
            clusters.append(char)
    return clusters


def is_mark(char: str) -> bool:
    return unicodedata.combining(char) != 0 or unicodedata.category(char) in ("Mn", "Mc", "Me")


def _first_with_all(cluster: str, chain: tuple[Path, ...]) -> int:
    """The first font with every glyph of `cluster`; else the first with its letter (the marks a font lacks are
    then drawn as that font can)."""
    needed = [ord(char) for char in cluster if needs_glyph(char)]
    for index, path in enumerate(chain):
        have = codepoints(path)
        if all(point in have for point in needed):
            return index
    for char in cluster[1:]:
        if needs_glyph(char):
            _first_with(char, chain)  # a mark no font has is refused, as any character is
    return _first_with(cluster[0], chain)


def _first_with(char: str, chain: tuple[Path, ...]) -> int:
    if not needs_glyph(char):
        return 0
    for index, path in enumerate(chain):
        if ord(char) in codepoints(path):
            return index
    raise MissingGlyph(char, chain)


class MissingGlyph(Exception):
    def __init__(self, char: str, chain: tuple[Path, ...]):
        self.char = char
        names = ", ".join(Path(p).name for p in chain)
        super().__init__(f"{describe(char)} is in none of the bundled fonts ({names}); "
                         "remove or replace it, or add a font that has it to fonts.fallback in assets/brand.yaml")


def describe(char: str) -> str:
    name = unicodedata.name(char, "unnamed character")
    return f"“{char}” (U+{ord(char):04X} {name})"
