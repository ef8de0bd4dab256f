"""Tip + brand -> a PNG quote card. Knows nothing of queues or networks.

A card is the headline set as large as fits between a legible minimum and a maximum, in balanced
lines, under an optional kicker, with the logo and handle at the foot. The same input gives the
same bytes. Every text colour is checked against the worst background pixel under it.
"""

from __future__ import annotations

import hashlib
import io
import json
import math
import os
import signal
import sys
import threading
import time
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, PngImagePlugin

from scheduler.cards import bidi, fonts, glyphs, typesetting
from scheduler.cards.alttext import card_alt_text, kicker_repeats
from scheduler.cards.brand import LEGIBLE_CAPS, Background, Brand, load_brand
from scheduler.cards.contactsheet import make_sheet
from scheduler.cards.contrast import (
    MIN_TEXT_CONTRAST,
    colours_under,
    hex_colour,
    worst_contrast,
)
from scheduler.errors import ContentError, OutputError, unescaped
from scheduler.fileio import check_target, read_input, write_atomic
from scheduler.images import open_image
from scheduler.outputs import SHEET_MARK, checked_output
from scheduler.yamlio import display_path, load_document

SIZES = {"x": (1600, 900), "square": (1080, 1080), "portrait": (1080, 1350)}
MAX_BYTES = 1_000_000
RENDERER = "1"  # bump when the drawing changes, so cards made by an older version count as stale
MARKS = "marks-with-their-letter"  # a card with combining marks: drawn again since they keep to one font
MIXED = "bidi-by-paragraph"  # a card mixing directions: drawn again since its neutrals follow the paragraph
FIGURES = "lining-figures"  # a card with digits: drawn again since its figures are lining (fonts.FEATURES)
KICKER = "kicker-legible"  # a card with a kicker: drawn again since its capitals are 12 px tall on a phone
HANDLE = "handle-legible"  # a card with a handle: drawn again since the handle's capitals are as tall as the kicker's
FINGERPRINT_KEY = "juno:inputs"
_PNG_END = b"\x00\x00\x00\x00IEND\xaeB`\x82"  # the last chunk of every whole PNG
# zlib's run-length strategy: flat backgrounds and anti-aliased text pack small, and quickly.
PNG_OPTIONS = {"compress_level": 6, "compress_type": zlib.Z_RLE}


@dataclass(frozen=True)
class Frame:
    """Where things go on a card of one size."""

    width: int
    height: int
    margin: int            # left and right
    margin_y: int          # top and bottom
    small: int             # small_size in px: what the footer's and the kicker band's spaces are measured in
    handle: int            # the handle's size in px: small, or larger where small's capitals are not legible
    kicker: int            # the kicker's size in px: as the handle's, in the kicker's font
    logo: int              # logo diameter in px (0: none)
    headline_top: int      # the headline area, between the kicker and the footer
    headline_bottom: int
    rule_width: int
    rule_height: int
    rule_gap: int          # between the rule and the first line's cap height

    @property
    def headline_box(self) -> tuple[int, int]:
        return (self.width - 2 * self.margin,
                self.headline_bottom - self.headline_top - self.rule_height - self.rule_gap)


def frame_for(brand: Brand, size: str, kicker_lines: int = 0) -> Frame:
    """The frame of a card of `size` with that many lines of kicker above the headline."""
    width, height = dimensions(size)
    margin = round(brand.margin * width)
    margin_y = round(brand.margin * (width + height) / 2)
    small = round(brand.small_size * width)
    logo = round(small * 2.1) if brand.logo else 0
    footer = max(logo, round(small * 1.3))
    above = kicker_size(brand, width)
    # the kicker's line and the space under it; the same band as when the kicker was small_size (a larger kicker
    # needs less space under it to stand apart), so every headline that fitted under a kicker still does; a
    # second line (shown_kicker: only where the headline still fits under it) takes one line's step more
    kicker_band = 0
    if kicker_lines:
        kicker_band = (max(round(small * 1.3) + round(small * 1.2), round(above * 1.3) + round(above * 0.6))
                       + (kicker_lines - 1) * round(above * brand.line_height))
    return Frame(width=width, height=height, margin=margin, margin_y=margin_y, small=small,
                 handle=legible_size(brand, brand.small_font, width), kicker=above, logo=logo,
                 headline_top=margin_y + kicker_band, headline_bottom=height - margin_y - footer - round(small * 1.2),
                 rule_width=round(width * 0.05), rule_height=max(2, round(width * 0.0035)),
                 rule_gap=round(small * 1.1))


def kicker_size(brand: Brand, width: int) -> int:
    """The kicker's size in px on a card `width` wide (legible_size in the kicker's font)."""
    return legible_size(brand, brand.kicker_chain[0], width)


def legible_size(brand: Brand, font: Path, width: int) -> int:
    """The size in px of the kicker or the handle on a card `width` wide: the brand's small_size, raised until the
    font's capitals are LEGIBLE_CAPS of the width tall (11.25 px when a phone shows the card 375 px wide; the
    headline's at its smallest are 12): at small_size's 3.4% Lato's capitals were 9 px there (practice owners'
    trials, the kicker's first, then the handle's)."""
    small = round(brand.small_size * width)
    return max(small, math.ceil(LEGIBLE_CAPS * width / fonts.cap_height(font)))


def dimensions(size: str) -> tuple[int, int]:
    if size not in SIZES:
        raise ContentError(f"unknown card size {size!r}; use one of: {', '.join(SIZES)}")
    return SIZES[size]


# --- the card -------------------------------------------------------------------------------------

def render_card(headline: str, brand: Brand, size: str = "x", kicker: str | None = None) -> bytes:
    """The card as PNG bytes: the same input gives the same bytes."""
    fonts.require_raqm()
    image = draw_card(headline, brand, size, kicker)
    info = PngImagePlugin.PngInfo()
    info.add_text(FINGERPRINT_KEY, fingerprint(headline, brand, size, kicker))
    buffer = io.BytesIO()
    image.save(buffer, "PNG", pnginfo=info, **PNG_OPTIONS)
    data = buffer.getvalue()
    if len(data) > MAX_BYTES:
        raise ContentError(f"the {size} card is {len(data) // 1000} KB, over the {MAX_BYTES // 1000} KB limit; "
                           f"use a flatter background or a smaller logo in {brand.source}")
    return data


def draw_card(headline: str, brand: Brand, size: str = "x", kicker: str | None = None) -> Image.Image:
    kicker = shown_kicker(kicker, headline, brand)
    frame = frame_for(brand, size, lines_of_kicker(kicker, brand, size) if kicker is not None else 0)
    text = typesetting.normalise(headline)
    if not text:
        raise ContentError("the headline is empty; write the words the card should show")
    block = set_headline(text, brand, frame, size)
    image = ground(brand, size, kicker).copy()
    draw_headline(ImageDraw.Draw(image), block, brand, frame)
    return image


@lru_cache(maxsize=1024)
def shown_kicker(kicker: str | None, headline: str, brand: Brand) -> str | None:
    """The kicker as the card shows it, or None for no kicker: none when it says what the headline says
    (alttext.kicker_repeats), when it takes more than the kicker's two lines (kicker_overflow), or when the
    headline has no room under its lines (kicker_crowds). One rule for the card, its fingerprint and its
    alt text, so a screen reader hears what the card shows."""
    shown = typesetting.normalise(kicker) or None if kicker else None
    if shown is None or kicker_repeats(shown, headline) or kicker_overflow(shown, brand) is not None:
        return None
    return None if kicker_crowds(shown, headline, brand) is not None else shown


KICKER_LINES = 2  # the most lines a kicker takes: a section heading is often longer than one (44 of 281)


@lru_cache(maxsize=512)
def kicker_layout(kicker: str, brand: Brand, size: str) -> typesetting.Layout:
    """The kicker set at its size on the card of `size`: on one line, or on two as even as they can be (raises
    DoesNotFit when it takes more, MissingGlyph for a letter no font has)."""
    frame = frame_for(brand, size)
    return typesetting.set_in_lines(kicker, brand.kicker_chain, frame.kicker, frame.width - 2 * frame.margin,
                                    KICKER_LINES, brand.line_height)


def lines_of_kicker(kicker: str, brand: Brand, size: str) -> int:
    """How many lines the kicker takes on the card of `size` (one for a letter no font has: draw_kicker names it)."""
    try:
        return len(kicker_layout(kicker, brand, size).lines)
    except fonts.MissingGlyph:
        return 1


@lru_cache(maxsize=512)
def kicker_overflow(kicker: str, brand: Brand, sizes: tuple[str, ...] = tuple(SIZES)) -> tuple[int, int, str] | None:
    """None when the kicker fits its two lines on a card of every size (of `sizes`); else its length in characters,
    the most of its beginning that fit, and the card size that holds the fewest (a longer section name is left off its
    card rather than losing the card: see shown_kicker). One answer for every size, as the alt text is one for the tip."""
    try:
        limits = {size: kicker_limit(kicker, brand, size) for size in sizes}
    except fonts.MissingGlyph:
        return None  # a character no font has: draw_kicker names it; it is not a matter of length
    tightest = min(limits, key=limits.__getitem__)
    return None if limits[tightest] == len(kicker) else (len(kicker), limits[tightest], tightest)


def kicker_limit(kicker: str, brand: Brand, size: str) -> int:
    """How many characters of the kicker's beginning its two lines hold on the card of `size`, as they are drawn
    (a space it would end on aside): all of it when it fits. The most a section name may have depends on its
    letters and the card's size (bench/kicker_limits.py measures the range)."""

    def fits(text: str) -> bool:
        try:
            return bool(kicker_layout(text, brand, size))
        except typesetting.DoesNotFit:
            return False

    if fits(kicker):
        return len(kicker)
    low, high = 0, len(kicker)  # the longest beginning that fits: fits(kicker[:low]), not fits(kicker[:high])
    while high - low > 1:
        middle = (low + high) // 2
        low, high = (middle, high) if fits(kicker[:middle].rstrip()) else (low, middle)
    return len(kicker[:low].rstrip())


def kicker_crowds(kicker: str, headline: str, brand: Brand, sizes: tuple[str, ...] = tuple(SIZES)) -> tuple[str, int] | None:
    """The first card size (of `sizes`) on which the headline does not fit under the kicker's lines, with how many
    lines the kicker takes there; None when it fits under them on every size. A kicker is drawn only where the headline fits
    under it, however small (it is set as large as fits): else it is left off rather than the card lost. split keeps
    room for one line of kicker above every headline it writes (fit_headline, the same rule), so a headline it
    accepted keeps a one-line kicker; one it held back, then approved anyway, is drawn without it."""
    text = typesetting.normalise(headline)
    if not text:
        return None
    for size in sizes:
        lines = lines_of_kicker(kicker, brand, size)
        try:
            fit_headline(text, brand, frame_for(brand, size, lines))
        except typesetting.DoesNotFit:
            return size, lines
        except fonts.MissingGlyph:
            return None  # set_headline names the letter: the card is refused whatever its kicker
    return None


def fit_headline(text: str, brand: Brand, frame: Frame) -> typesetting.Layout:
    """The normalised headline set as large as fits the frame's headline box, never below the legible size (raises
    DoesNotFit, MissingGlyph): the one rule for the card (set_headline, kicker_crowds) and for split (tips.cardfit,
    which skips it only for a headline sure to fit)."""
    low, high = headline_sizes(brand, frame)
    return typesetting.fit(text, brand.headline_chain, frame.headline_box, low, high, brand.line_height)


def kicker_left_off(brand: Brand, campaign, tip, sizes: Sequence[str] = tuple(SIZES)) -> str | None:
    """What a person is told when the tip's kicker is too long to be drawn (said once per tip: "card ID: …"); None
    when it is drawn, or left off as the headline's own words (that is the card working, not news). The card size it
    names is one of `sizes`, those drawn or shown (a user trial drew only square cards and read of the x card's
    limit), unless all of them hold the kicker: then the size that left it off every card."""
    kicker = kicker_for(brand, campaign, tip)
    shown = typesetting.normalise(kicker) if kicker else ""
    if not shown or kicker_repeats(shown, tip.headline):
        return None
    what = "section name" if brand.kicker == "section" else "kicker"
    overflow = kicker_overflow(shown, brand)
    if overflow is not None:
        length, most, size = kicker_overflow(shown, brand, tuple(sizes)) or overflow
        return (f"{what} too long for the kicker's {KICKER_LINES} lines ({length} characters; the {size} card holds "
                f"its first {most}); drawn without it{_alike(size, sizes)}")
    crowded = kicker_crowds(shown, tip.headline, brand)
    if crowded is not None:
        size, lines = kicker_crowds(shown, tip.headline, brand, tuple(sizes)) or crowded
        taken = "a kicker line" if lines == 1 else f"{lines} kicker lines"
        return (f"{what} takes {taken}, and the headline does not fit under {'it' if lines == 1 else 'them'} on "
                f"the {size} card; drawn without it{_alike(size, sizes)} (a shorter headline or {what} keeps it)")
    return None


def _alike(size: str, sizes: Sequence[str]) -> str:
    """After "drawn without it" when the size that left the kicker off is not among those drawn or shown."""
    return "" if size in sizes else ", on every size alike"


def headline_sizes(brand: Brand, frame: Frame) -> tuple[int, int]:
    """The smallest legible and the largest headline size on a card of this frame, in px."""
    low = round(brand.headline_min * frame.width)
    return low, max(low, round(brand.headline_max * frame.width))


def set_headline(text: str, brand: Brand, frame: Frame, size: str) -> typesetting.Layout:
    low = headline_sizes(brand, frame)[0]
    try:
        return fit_headline(text, brand, frame)
    except fonts.MissingGlyph as exc:
        raise ContentError(f"the headline “{text}”: {exc}") from None
    except typesetting.DoesNotFit as exc:
        card = f"the {size} card ({frame.width}x{frame.height}) at the smallest legible size, {low} px"
        if exc.too_wide is not None:
            word = "is one word that" if exc.too_wide == text else f"has a word, “{exc.too_wide}”, that"
            raise ContentError(f"the headline “{text}” {word} does not fit {card}; break it with a space, "
                               "or shorten it") from None
        shorter = f"about {exc.fits_chars} characters" if exc.fits_chars < len(text) else "fewer words"
        raise ContentError(f"the headline “{text}” ({len(text)} characters) does not fit {card}; "
                           f"shorten it to {shorter}") from None


def draw_headline(draw: ImageDraw.ImageDraw, block: typesetting.Layout, brand: Brand, frame: Frame) -> None:
    _width, height = frame.headline_box
    # the rule and the lines sit together a little above the middle of the headline area
    group = frame.rule_height + frame.rule_gap + block.height
    top = frame.headline_top + max(0, round((height + frame.rule_height + frame.rule_gap - group) * 0.45))
    left, right = frame.margin, frame.width - frame.margin
    rule_x = right - frame.rule_width if block.rtl else left
    draw.rectangle((rule_x, top, rule_x + frame.rule_width - 1, top + frame.rule_height - 1), fill=brand.accent)
    baseline = top + frame.rule_height + frame.rule_gap + block.ascent
    for line in block.lines:
        draw_line(draw, (right - line.width if block.rtl else left, baseline), line, brand.headline_chain,
                  block.size, brand.text)
        check_text(line_box(brand.headline_chain[0], block.size, right - line.width if block.rtl else left,
                            line.width, baseline), frame, "the headline", brand)
        baseline += block.line_height


def draw_line(draw: ImageDraw.ImageDraw, at: tuple[float, float], line: typesetting.Line, chain, size: int,
              fill) -> None:
    """Draw one line piece by piece from `at` (its left end on the baseline), each in its own direction."""
    x, baseline = at
    for piece in line.pieces:
        if piece.font != typesetting.SPACE:
            stamp(draw, (x, baseline), piece.text, chain[piece.font], size, fill, "rtl" if piece.level % 2 else "ltr")
        x += piece.width


def stamp(draw: ImageDraw.ImageDraw, at: tuple[float, float], text: str, path: Path, size: int, fill,
          direction: str) -> None:
    """The pixels `draw.text(at, text, anchor="ls")` gives, blended through the text's mask from a patch of
    the fill: Pillow's paste blends an RGB image through a mask in a plainer loop than draw.text's fill does,
    and the headline's blending is a fifth of the drawing. A word whose glyphs can be drawn one by one with
    the same pixels (see glyphs.pieces) is: each glyph is then hinted and rasterised once per font and size."""
    x, y = at
    start = (math.modf(x)[0], math.modf(y)[0])
    drawn = (glyphs.pieces(path, size, text, start, fonts.FEATURES) if direction == "ltr" and draw.fontmode == "L"
             else None)
    if drawn is not None:
        (dx, dy), placed = drawn
        left, top = int(x) + dx, int(y) + dy
        for glyph, gx, gy in placed:
            box = (left + gx, top + gy, left + gx + glyph.width, top + gy + glyph.height)
            draw.im.paste(Image.core.fill(draw.mode, glyph.size, fill), box, glyph.im)
        return
    mask, (dx, dy) = fonts.load(path, size).getmask2(text, draw.fontmode, direction, fonts.FEATURES, anchor="ls",
                                                     start=start)
    width, height = mask.size
    if not width or not height:
        return
    left, top = int(x) + dx, int(y) + dy
    draw.im.paste(Image.core.fill(draw.mode, (width, height), fill), (left, top, left + width, top + height), mask)


def line_box(path: Path, size: int, left: float, width: float, baseline: float) -> tuple[float, float, float, float]:
    """Where a line's ink can reach: the font's full height (stacked accents too), a little to each side."""
    ascent, descent = fonts.load(path, size).getmetrics()
    overhang = size * 0.1
    return (math.floor(left - overhang), baseline - ascent, math.ceil(left + width + overhang), baseline + descent)


def draw_kicker(draw: ImageDraw.ImageDraw, kicker: str, brand: Brand, size: str) -> None:
    """Draw the kicker on its one or two lines (a kicker longer than that never comes here: shown_kicker leaves it
    off)."""
    try:
        block = kicker_layout(kicker, brand, size)
    except fonts.MissingGlyph as exc:
        raise ContentError(f"the kicker “{kicker}”: {exc}") from None
    frame = frame_for(brand, size, len(block.lines))
    ascent, _ = fonts.ink_extent(brand.kicker_chain[0], block.size)
    baseline = frame.margin_y + ascent
    for line in block.lines:
        left = frame.width - frame.margin - line.width if block.rtl else frame.margin
        draw_line(draw, (left, baseline), line, brand.kicker_chain, block.size, brand.small_text)
        check_text(line_box(brand.kicker_chain[0], block.size, left, line.width, baseline), frame, "the kicker",
                   brand)
        baseline += block.line_height


def text_zone(frame: Frame) -> tuple[int, int, int, int]:
    """Where the kicker and headline may put ink: inside half the margins, above the footer."""
    return (frame.margin // 2, frame.margin_y // 2, frame.width - frame.margin // 2,
            frame.headline_bottom + frame.small)


def check_text(box: tuple[float, float, float, float], frame: Frame, what: str, brand: Brand) -> None:
    """Text stays inside the zone whose every pixel was checked for contrast (see base_image)."""
    zone = text_zone(frame)
    if box[0] < zone[0] or box[1] < zone[1] or box[2] > zone[2] or box[3] > zone[3]:
        raise ContentError(f"{what} would reach past the margins of the {frame.width}x{frame.height} card; "
                           f"widen margin: or lower headline_size.max in {brand.source}")


def check_contrast(image: Image.Image, box: tuple[float, float, float, float], colour, what: str, brand: Brand) -> None:
    """`colour` reaches 4.5:1 against every pixel of `image` inside `box`."""
    ratio, worst = worst_contrast(colour, colours_under(image, box))
    if ratio < MIN_TEXT_CONTRAST:
        raise ContentError(f"{what} in {hex_colour(colour)} reaches only {ratio:.2f}:1 against {hex_colour(worst)} "
                           f"beneath it; change the colours in {brand.source} to reach {MIN_TEXT_CONTRAST}:1")


# --- what every card of one brand and size shares --------------------------------------------------

@lru_cache(maxsize=12)
def ground(brand: Brand, size: str, kicker: str | None) -> Image.Image:
    """What a card is drawn on: the background with the kicker (the section's name), drawn once per brand, size
    and kicker, as the tips of one section come one after the other; copied per card, never drawn on."""
    if kicker is None:
        return base_image(brand, size)
    image = base_image(brand, size).copy()
    draw_kicker(ImageDraw.Draw(image), kicker, brand, size)
    return image


@lru_cache(maxsize=16)
def base_image(brand: Brand, size: str) -> Image.Image:
    """The background with the logo and the handle: drawn once per brand and size, copied per card."""
    frame = frame_for(brand, size)
    image = background(brand.background, frame.width, frame.height)
    draw = ImageDraw.Draw(image)
    baseline_middle = frame.height - frame.margin_y - max(frame.logo, round(frame.small * 1.3)) // 2
    x = frame.margin
    if frame.logo:
        logo = logo_image(brand.logo, frame.logo)
        image.paste(logo, (x, baseline_middle - frame.logo // 2), logo)
        x += frame.logo + round(frame.small * 0.6)
    if brand.handle is not None:  # none: a project on several networks whose brand names no handle for them all
        handle = f"@{brand.handle}"
        font = fonts.load(brand.small_font, handle_size(handle, brand, frame, frame.width - frame.margin - x))
        box = draw.textbbox((x, baseline_middle), handle, font=font, anchor="lm", features=fonts.FEATURES)
        check_contrast(image, box, brand.small_text, "the handle", brand)
        draw.text((x, baseline_middle), handle, font=font, fill=brand.small_text, anchor="lm", features=fonts.FEATURES)
    zone = text_zone(frame)
    check_contrast(image, zone, brand.text, "the headline", brand)
    check_contrast(image, zone, brand.small_text, "the kicker", brand)
    return image


def handle_size(handle: str, brand: Brand, frame: Frame, room: int) -> int:
    """The handle's size in px: its legible size (frame.handle), or as large as fits `room` for a handle too long
    for that, never below small_size (a handle too long even then reaches past the margin, as it always did)."""
    width = fonts.length(brand.small_font, frame.handle, handle, "ltr")
    if width <= room:
        return frame.handle
    return max(frame.small, math.floor(frame.handle * room / width))


def background(background: Background, width: int, height: int) -> Image.Image:
    start = Image.new("RGB", (width, height), background.start)
    if background.start == background.end:
        return start
    end = Image.new("RGB", (width, height), background.end)
    mask = Image.linear_gradient("L")  # 256x256, 0 at the top, 255 at the bottom
    if background.direction == "horizontal":
        mask = mask.transpose(Image.Transpose.ROTATE_90).transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    elif background.direction == "diagonal":
        across = mask.transpose(Image.Transpose.ROTATE_90).transpose(Image.Transpose.FLIP_LEFT_RIGHT)
        mask = Image.blend(mask, across, 0.5)
    return Image.composite(end, start, mask.resize((width, height), Image.Resampling.BILINEAR))


@lru_cache(maxsize=8)
def logo_image(path: Path, diameter: int) -> Image.Image:
    with open_image(path, f"assets/{path.name}", error=ContentError, fix="replace it or remove logo:") as source:
        logo = source.convert("RGBA")
    logo.thumbnail((diameter, diameter), Image.Resampling.LANCZOS)
    return logo


# --- names and fingerprints ---------------------------------------------------------------------

def card_words(headline: str) -> str:
    """The headline exactly as the card shows it."""
    return typesetting.normalise(headline)


def alt_text(headline: str, brand: Brand, kicker: str | None = None, signed: str | None = None) -> str:
    """What a screen reader says for the card: its own words, the kicker if shown, and the account: `signed`, as
    the post's network writes it (networks.signature), else the handle the card shows."""
    signed = signed or (f"@{brand.handle}" if brand.handle else None)
    return card_alt_text(card_words(headline), signed, shown_kicker(kicker, headline, brand))


def fingerprint(headline: str, brand: Brand, size: str, kicker: str | None) -> str:
    words = typesetting.normalise(headline)
    above = shown_kicker(kicker, headline, brand)
    inputs = [RENDERER, brand.fingerprint, size, words, above, sorted(fonts.layout_versions().items())]
    if any(fonts.is_mark(char) for char in f"{words}{above or ''}"):
        inputs.append(MARKS)  # a card with combining marks drawn before they kept to their letter's font is stale
    if bidi.mixed(words) or bidi.mixed(above or ""):
        inputs.append(MIXED)  # as is a card mixing directions drawn before bidi ran on the whole paragraph
    if any(char.isdigit() for char in f"{words}{above or ''}{brand.handle or ''}"):
        inputs.append(FIGURES)  # and a card with digits drawn before they were lining figures
    if above is not None and kicker_size(brand, SIZES[size][0]) > round(brand.small_size * SIZES[size][0]):
        inputs.append(KICKER)  # and a card whose kicker was drawn at small_size, too small on a phone
    if brand.handle is not None and legible_size(brand, brand.small_font, SIZES[size][0]) > round(
            brand.small_size * SIZES[size][0]):
        inputs.append(HANDLE)  # and a card whose handle was drawn at small_size, as small
    return hashlib.sha256(json.dumps(inputs, ensure_ascii=False).encode()).hexdigest()[:24]


def card_path(cards_dir: Path, campaign_slug: str, tip_id: str, size: str = "x") -> Path:
    dimensions(size)
    return Path(cards_dir) / campaign_slug / f"{tip_id}-{size}.png"


def made_from(path: Path) -> str | None:
    """The fingerprint a card on disk was made from, or None when there is no whole card there."""
    if not Path(path).is_file():  # missing, or a pipe or device in its place: draw it (again)
        return None
    try:
        with open(path, "rb") as handle:
            handle.seek(-len(_PNG_END), os.SEEK_END)
            if handle.read() != _PNG_END:
                return None
        with Image.open(path) as image:
            return image.info.get(FINGERPRINT_KEY)
    except (OSError, ValueError, SyntaxError):
        return None


# --- cards for campaigns --------------------------------------------------------------------------

def kicker_for(brand: Brand, campaign, tip) -> str | None:
    """The words above the headline: the tip's section, or "Tip 3 of 12" among the tips not skipped."""
    if brand.kicker == "section":
        return tip.section or None
    if brand.kicker == "count":
        shown = [t for t in campaign.tips if t.status != "skip"]
        if tip in shown:
            return f"Tip {shown.index(tip) + 1} of {len(shown)}"
    return None


def campaign_alt_text(brand: Brand, campaign, tip, signed: str | None = None) -> str:
    """The tip's alt text: a person's override, else the card's own words and the account (`signed`: the post's
    network's own, as alt_text says)."""
    return tip.alt_text or alt_text(tip.headline, brand, kicker_for(brand, campaign, tip), signed)


def ensure_card(settings, brand: Brand, campaign, tip, size: str = "x", *, redraw: bool = False) -> Path:
    """The tip's card on disk, drawn (atomically) when it is missing or was made from other inputs
    (or always, with redraw: its bytes were found to be other than drawn)."""
    kicker = kicker_for(brand, campaign, tip)
    path = card_path(settings.cards_dir, campaign.slug, tip.id, size)
    if not redraw and made_from(path) == fingerprint(tip.headline, brand, size, kicker):
        return path
    data = _located(settings, campaign, tip, lambda: render_card(tip.headline, brand, size, kicker))
    write_atomic(path, data, shown=display_path(path, settings.root))
    return path


def bytes_digest(path: Path) -> str | None:
    """SHA-256 of a card's bytes, or None when it cannot be read as a card file."""
    try:
        return hashlib.sha256(read_input(Path(path), str(path), error=ContentError, what="card")).hexdigest()
    except ContentError:
        return None


def _located(settings, campaign, tip, work):
    try:
        return work()
    except ContentError as exc:
        raise ContentError(f"{headline_place(settings, campaign, tip)}: tip {tip.id}: {exc}") from None


def headline_place(settings, campaign, tip) -> str:
    """file:line:col of the tip's headline in its campaign file (the file alone if it cannot be read)."""
    shown = display_path(campaign.path, settings.root)
    try:
        doc = load_document(campaign.path, root=settings.root, error=ContentError)
        index = next(i for i, item in enumerate(doc.data["tips"]) if item.get("id") == tip.id)
        return doc.where(("tips", index, "headline"))
    except (ContentError, StopIteration, KeyError, TypeError, AttributeError):
        return shown


def render_campaigns(settings, campaigns, sizes, progress: bool = True, sheet: Path | None = None) -> dict:
    """Cards for every tip not skipped, in every size, on every core; unchanged cards are kept.

    Each card is set and drawn once, on some core, and staged beside its place; when all are drawn, the staged
    ones replace the old cards. A headline that does not fit (or has a character no font has) stops only its own
    tip's cards, which stay as they were: the tip is named once, with its place and the sizes it does not fit, in
    "refused"; every other tip's cards are drawn. With `sheet`, also writes a contact sheet of the other tips' cards.
    A tip whose kicker is too long for its line is drawn without it and named once in "notes".
    Returns {"cards": [...], "rendered": n, "unchanged": n, "refused": [...], "notes": [...]} (and "sheet").
    """
    if sheet is not None:  # refused before any card is drawn
        checked_output(sheet, flag="--sheet", suffixes=(".png",), mark=SHEET_MARK, what="a contact sheet")
    brand = load_brand(settings.root, settings.schedule.card_handle)
    sizes = list(SIZES) if sizes in ("all", None) else [sizes] if isinstance(sizes, str) else list(sizes)
    for size in sizes:
        dimensions(size)
    entries, work, places, notes = [], [], [], []
    for campaign in campaigns:
        for tip in campaign.tips:
            if tip.status == "skip":
                continue
            kicker = kicker_for(brand, campaign, tip)
            left_off = kicker_left_off(brand, campaign, tip, sizes)
            if left_off is not None:
                notes.append({"campaign": campaign.slug, "tip": tip.id, "note": left_off})
            for size in sizes:
                path = card_path(settings.cards_dir, campaign.slug, tip.id, size)
                fresh = made_from(path) == fingerprint(tip.headline, brand, size, kicker)
                entries.append({"campaign": campaign.slug, "tip": tip.id, "size": size,
                                "path": display_path(path, settings.root), "rendered": not fresh,
                                "alt_text": campaign_alt_text(brand, campaign, tip)})
                if not fresh:
                    work.append((tip.headline, kicker, size, str(path)))
                    places.append((campaign, tip))
    blocked = []  # a pipe, a folder or a device where a card goes: refused before any card is drawn
    for item in work:
        try:
            check_target(Path(item[3]), display_path(Path(item[3]), settings.root))
        except OutputError as exc:
            blocked.append(str(exc))
    if blocked:
        more = f" (and {len(blocked) - 1} more like it)" if len(blocked) > 1 else ""
        raise OutputError(blocked[0] + more + "; no card was written")
    folders = sorted({folder for item in work for folder in Path(item[3]).parents
                      if folder == settings.cards_dir or settings.cards_dir in folder.parents},
                     key=lambda folder: len(folder.parts), reverse=True)
    made = [folder for folder in folders if not folder.exists()]
    drawn = _render_all(brand, work, progress)
    refused: dict[tuple[str, str], dict] = {}  # one row per tip, however many of its sizes do not fit
    for outcome, item, (campaign, tip) in zip(drawn, work, places):
        if isinstance(outcome, ContentError):
            row = refused.setdefault((campaign.slug, tip.id), {
                "campaign": campaign.slug, "tip": tip.id, "sizes": [],
                "error": f"{headline_place(settings, campaign, tip)}: tip {tip.id}: {outcome}"})
            row["sizes"].append(item[2])
    for row in refused.values():
        if len(row["sizes"]) > 1:
            row["error"] += f" (the {' and '.join(row['sizes'][1:])} card{'s' if len(row['sizes']) > 2 else ''} too)"
    for outcome, item, (campaign, tip) in zip(drawn, work, places):
        if isinstance(outcome, Path):  # a refused tip's cards all stay as they were, the sizes that fit too
            if (campaign.slug, tip.id) in refused:
                outcome.unlink(missing_ok=True)
            else:
                os.replace(outcome, item[3])
    for folder in made:  # deepest first: a folder only a refused tip's staged cards needed goes too
        if folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
    entries = [entry for entry in entries if (entry["campaign"], entry["tip"]) not in refused]
    notes = [note for note in notes if (note["campaign"], note["tip"]) not in refused]
    report = {"cards": entries, "rendered": sum(entry["rendered"] for entry in entries),
              "unchanged": sum(not entry["rendered"] for entry in entries), "refused": list(refused.values()),
              "notes": notes}
    if sheet is not None and entries:
        paths = [settings.root / entry["path"] for entry in entries]
        columns = len(sizes) if len(sizes) > 1 else None  # one row per tip, one column per size
        report["sheet"] = display_path(contact_sheet(paths, Path(sheet).resolve(), label_font=brand.small_font,
                                                   columns=columns), settings.root)
    return report


def check_card(headline: str, brand: Brand, size: str, kicker: str | None) -> None:
    """Raise the ContentError render_card would, without drawing."""
    kicker = shown_kicker(kicker, headline, brand)
    frame = frame_for(brand, size, lines_of_kicker(kicker, brand, size) if kicker is not None else 0)
    text = typesetting.normalise(headline)
    if not text:
        raise ContentError("the headline is empty; write the words the card should show")
    set_headline(text, brand, frame, size)
    if kicker:
        probe = Image.new("RGB", (frame.width, frame.height))
        draw_kicker(ImageDraw.Draw(probe), kicker, brand, size)


def _render_one(job: tuple[Brand, str, str | None, str, str]) -> Path | ContentError:
    """Set, draw and stage one card (written in full beside its place, under a hidden name), or why it cannot be:
    each headline is laid out once, in the worker that draws it."""
    brand, headline, kicker, size, path = job
    try:
        data = render_card(headline, brand, size, kicker)
    except ContentError as exc:
        return exc
    final = Path(path)
    return write_atomic(final.with_name(f".{final.name}.staged"), data)


def _render_all(brand: Brand, work: list[tuple], progress: bool) -> list[Path | ContentError]:
    """Every card of `work` staged (or its problem), in the order of `work`, on every core."""
    # lazy: rich and the process pool only to draw a batch: run-due (cron) draws at most one missing card
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # lazy: as above
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    if not work:
        return []
    jobs = [(brand, *item) for item in work]
    workers = min(len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1,
                  len(jobs))
    columns = (TextColumn("cards"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    if workers == 1:
        drawn = []
        with Progress(*columns, console=Console(file=unescaped(sys.stderr)), disable=not progress) as bar:
            task = bar.add_task("cards", total=len(jobs))
            for job in jobs:
                drawn.append(_render_one(job))
                bar.advance(task)
        return drawn
    # fork before the progress bar starts its thread; the workers inherit the loaded fonts
    context = multiprocessing.get_context(_start_method(multiprocessing.get_all_start_methods(),
                                                       threading.active_count()))
    with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_worker_start,
                             initargs=(os.getpid(),)) as pool:
        futures = [pool.submit(_render_one, job) for job in jobs]
        try:
            with Progress(*columns, console=Console(file=unescaped(sys.stderr)), disable=not progress) as bar:
                task = bar.add_task("cards", total=len(jobs))
                for future in futures:
                    future.add_done_callback(lambda _done: bar.advance(task))
                return [future.result() for future in futures]
        except BaseException:  # Ctrl-C or an error: the cards being drawn finish (staged), no more start
            pool.shutdown(wait=True, cancel_futures=True)
            for future in futures:
                staged = future.result() if future.done() and not future.cancelled() and not future.exception() else None
                if isinstance(staged, Path):
                    staged.unlink(missing_ok=True)
            raise


def _start_method(available: list[str], threads: int) -> str:
    """How the card workers start: forked (they inherit the loaded fonts) only while this process runs a single
    thread. A fork copies every lock as it is, and a lock held by another thread at that moment (logging's, the C
    library's, a clock shim's) stays held for ever in the child: a caller with threads of its own (the daemon's
    scheduler, a server) gets workers spawned from a fresh interpreter instead, slower to start, never stuck.
    Spawned, not from a fork server: a worker's parent must be this process, for the parent-death signal."""
    return "fork" if "fork" in available and threads == 1 else "spawn"


def _worker_start(parent: int) -> None:
    """A card worker leaves Ctrl-C to the parent, and ends with it: a parent killed by SIGKILL (which it cannot
    catch) takes its workers along (Linux: the parent-death signal) instead of leaving them behind."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform.startswith("linux"):
        # lazy: in a card worker only, and only on Linux
        import ctypes

        pr_set_pdeathsig = 1
        ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGKILL, 0, 0, 0)
    else:  # pragma: no cover - elsewhere a thread watches for the parent to go
        def watch() -> None:
            while os.getppid() == parent:
                time.sleep(0.5)
            os._exit(1)

        threading.Thread(target=watch, daemon=True).start()
    if os.getppid() != parent:  # the parent died before the signal was asked for
        os._exit(1)


def contact_sheet(paths, out: Path, *, label_font: Path | None = None, columns: int | None = None) -> Path:
    """All the cards on one PNG, each 400 pixels wide as on a phone, so a person can look at them at once."""
    return make_sheet([Path(p) for p in paths], Path(out), label_font=label_font, columns=columns)
