"""Words drawn glyph by glyph give the very mask Pillow's getmask2 gives, or are left to Pillow."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageChops

from scheduler.cards import fonts, glyphs
from scheduler.cards.brand import load_brand

REPO = Path(__file__).resolve().parents[2]
WORDS = ["Resistance", "isn’t", "indifference.", "“Curiosity”", "AVOWAL", "Typography", "office", "fjord",
         "naïve", "façade", "Œuvre", "(often)", "quiet—ways", "Tỷ", "W/V", "x", "I", "1990s", "3rd", "504-plan"]


@pytest.fixture(scope="module")
def brand():
    return load_brand(REPO, "junocounseling")


def composed(placed, size: tuple[int, int]) -> Image.Image:
    """The glyphs put together where no two share a pixel (as pieces promises): each pixel is one glyph's."""
    mask = Image.new("L", size)
    for glyph, left, top in placed:
        box = (left, top, left + glyph.width, top + glyph.height)
        mask.paste(ImageChops.lighter(mask.crop(box), glyph), box)
    return mask


def test_this_machine_draws_words_glyph_by_glyph(brand):
    """Pillow's own FreeType and HarfBuzz were found: without them every word goes through Pillow (the same
    pixels, at twice the drawing time), which this test makes visible."""
    assert glyphs.pieces(Path(brand.headline_chain[0]), 100, "wellbeing", (0.5, 0.0), fonts.FEATURES) is not None


@pytest.mark.parametrize("size", [21, 50, 76, 108, 160])
def test_words_have_pillows_own_mask(brand, size):
    paths = [Path(brand.headline_chain[0]), Path(brand.kicker_chain[0]), Path(brand.small_font)]
    left_to_pillow = []
    for path in paths:
        font = fonts.load(path, size)
        for number, word in enumerate(WORDS):
            start = ((number * 7 % 64) / 64, 0.0)
            drawn = glyphs.pieces(path, size, word, start, fonts.FEATURES)
            if drawn is None:  # two glyphs' ink touching ("Ty" set tight at a small size): Pillow draws it
                left_to_pillow.append((path.name, word))
                continue
            mask, offset = font.getmask2(word, "L", "ltr", fonts.FEATURES, anchor="ls", start=start)
            assert drawn[0] == offset, (path.name, size, word)
            assert bytes(composed(drawn[1], mask.size).im) == bytes(mask), (path.name, size, word)
    assert len(left_to_pillow) <= len(paths) * len(WORDS) // 10, left_to_pillow


def test_words_pillow_must_draw_are_left_to_it(brand):
    headline, fallback = Path(brand.headline_chain[0]), Path(brand.headline_chain[1])
    assert glyphs.pieces(headline, 100, "ƒj", (0.0, 0.0), fonts.FEATURES) is None  # two glyphs' ink on the same pixels
    assert glyphs.pieces(fallback, 60, "שלום", (0.0, 0.0), fonts.FEATURES) is None  # not a Latin run
    assert glyphs.pieces(headline, 60, "2024", (0.0, 0.0), fonts.FEATURES) is None  # no letters: raqm decides its script
    assert glyphs.pieces(headline, 60, "1990s", (0.0, 0.0), ("lnum=", )) is None  # a feature HarfBuzz cannot read


@pytest.mark.parametrize("size", [21, 76, 160])
def test_words_measure_as_pillow_measures_them(brand, size):
    for path in (Path(brand.headline_chain[0]), Path(brand.kicker_chain[0])):
        font = fonts.load(path, size)
        for word in WORDS:
            assert (glyphs.advance(path, size, word, fonts.FEATURES) / 64
                    == font.getlength(word, direction="ltr", features=fonts.FEATURES)), (path.name, word)
    assert glyphs.advance(Path(brand.headline_chain[0]), size, " ", fonts.FEATURES) is None  # Pillow measures it


def test_figures_are_shaped_with_the_features_pillow_is_given(brand):
    """The fast path shapes with the features it is given, as raqm does: old-style and lining "1990s" differ."""
    headline = Path(brand.headline_chain[0])
    font = fonts.load(headline, 76)
    assert glyphs.advance(headline, 76, "1990s", ()) / 64 == font.getlength("1990s", direction="ltr")
    assert glyphs.advance(headline, 76, "1990s", ("lnum",)) / 64 == font.getlength("1990s", direction="ltr",
                                                                                   features=["lnum"])
    assert glyphs.advance(headline, 76, "1990s", ()) != glyphs.advance(headline, 76, "1990s", ("lnum",))
