"""assets/brand.yaml -> a frozen, validated Brand: how every quote card looks.

Every mistake is one located line that says what to do: a colour that is not one, an unknown
key (with a did-you-mean), a font or logo that is missing or unreadable, a text colour that does
not reach WCAG 4.5:1 against the background (with the measured ratio).
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from PIL import Image, ImageColor

from scheduler.cards import fonts
from scheduler.cards.contrast import MIN_TEXT_CONTRAST, RGB, hex_colour, worst_contrast
from scheduler.errors import ConfigError, ContentError, did_you_mean
from scheduler.fileio import bundled_hint, read_input
from scheduler.images import open_image
from scheduler.yamlio import Document, load_document, reject_unknown_keys

BRAND_FILE = Path("assets") / "brand.yaml"
LEGIBLE_HEADLINE = 0.047  # of the card's width: about 19 px when a phone shows the card 400 px wide
LEGIBLE_SMALL = 0.03      # the handle and kicker: about 12 px on that phone
LEGIBLE_CAPS = 0.03       # the kicker's and handle's capitals, as tall: 11.25 px on a phone 375 px wide (render.legible_size)
DIRECTIONS = ("vertical", "horizontal", "diagonal")
KICKERS = ("section", "count", "none")
_TOP_KEYS = ("handle", "background", "colors", "fonts", "logo", "kicker", "margin", "headline_size",
             "small_size", "line_height")
_COLOUR_KEYS = ("text", "small_text", "accent")
_FONT_KEYS = ("headline", "small", "kicker", "fallback")



@dataclass(frozen=True)
class Background:
    start: RGB
    end: RGB
    direction: str = "vertical"  # start at the top (or left, or top-left), end at the opposite side

    def colours(self) -> list[RGB]:
        """Every colour the background can take, exactly as cards draw it."""
        found = gradient_strip(self).getcolors(maxcolors=256) or []
        return sorted(cast(RGB, colour) for _count, colour in found)


@dataclass(frozen=True)
class Brand:
    source: str                      # where it came from, for messages: assets/brand.yaml
    handle: str | None               # the line beside the logo; None: none (several networks, none named here)
    background: Background
    text: RGB                        # the headline
    small_text: RGB                  # the kicker and the handle
    accent: RGB                      # decoration only: never text
    headline_font: Path
    small_font: Path
    kicker_font: Path
    fallback: tuple[Path, ...]
    logo: Path | None
    kicker: str                      # section | count | none
    margin: float                    # of the card's width
    headline_min: float              # of the card's width
    headline_max: float
    small_size: float
    line_height: float
    fingerprint: str                 # changes whenever anything that shapes a card changes

    @property
    def headline_chain(self) -> tuple[Path, ...]:
        return (self.headline_font, *self.fallback)

    @property
    def small_chain(self) -> tuple[Path, ...]:
        return (self.small_font, *self.fallback)

    @property
    def kicker_chain(self) -> tuple[Path, ...]:
        return (self.kicker_font, *self.fallback)


def gradient_strip(background: Background) -> Image.Image:
    """A 256-pixel strip with every step of the gradient (cards stretch the same mask)."""
    mask = Image.linear_gradient("L").crop((0, 0, 1, 256))
    start = Image.new("RGB", mask.size, background.start)
    end = Image.new("RGB", mask.size, background.end)
    return Image.composite(end, start, mask)


def load_brand(root: Path, handle: str | None = None) -> Brand:
    """Read and check assets/brand.yaml; `handle` (the schedule's account) unless the brand names one."""
    fonts.require_raqm()
    root = Path(root).resolve()
    copy = bundled_hint(BRAND_FILE, root, whole=BRAND_FILE.parent)
    doc = load_document(root / BRAND_FILE, root=root, error=ConfigError,
                        missing_hint=f"copy the bundled assets (fonts and logo with it): {copy}" if copy else
                        "copy the bundled assets/ folder from the juno-scheduler clone, or see docs/cards.md, 'Cards'")
    return parse_brand(doc, root / BRAND_FILE.parent, handle)


def parse_brand(doc: Document, assets: Path, handle: str | None) -> Brand:
    data = doc.data
    if not isinstance(data, dict):
        raise doc.error((), "expected a mapping (background:, colors:, fonts: ...); see docs/cards.md, 'Cards'")
    reject_unknown_keys(doc, (), data, _TOP_KEYS)
    for required in ("background", "colors", "fonts"):
        if required not in data:
            raise doc.error((), f"'{required}' is missing; add it (see docs/cards.md, 'Cards')")

    colours = _mapping(doc, ("colors",), data["colors"])
    reject_unknown_keys(doc, ("colors",), colours, _COLOUR_KEYS)
    if "text" not in colours:
        raise doc.error(("colors",), "'text' is missing; give the headline's colour, e.g. text: \"#1E3A3C\"")
    text = _colour(doc, ("colors", "text"), colours["text"])
    small_text = _colour(doc, ("colors", "small_text"), colours["small_text"]) if "small_text" in colours else text
    accent = _colour(doc, ("colors", "accent"), colours["accent"]) if "accent" in colours else small_text
    background = _background(doc, data["background"])

    font_map = _mapping(doc, ("fonts",), data["fonts"])
    reject_unknown_keys(doc, ("fonts",), font_map, _FONT_KEYS)
    for required in ("headline", "small"):
        if required not in font_map:
            raise doc.error(("fonts",), f"'{required}' is missing; name a font file in assets/fonts/, "
                                        f"e.g. {required}: fonts/Lato-Regular.ttf")
    headline_font = _font(doc, ("fonts", "headline"), font_map["headline"], assets)
    small_font = _font(doc, ("fonts", "small"), font_map["small"], assets)
    kicker_font = _font(doc, ("fonts", "kicker"), font_map["kicker"], assets) if "kicker" in font_map else small_font
    fallback_list = font_map.get("fallback") or []
    if isinstance(fallback_list, str):
        fallback_list = [fallback_list]
    if not isinstance(fallback_list, list):
        raise doc.error(("fonts", "fallback"), "expected a list of font files, e.g. [fonts/DejaVuSans.ttf]")
    fallback = tuple(_font(doc, ("fonts", "fallback", i), item, assets) for i, item in enumerate(fallback_list))

    logo = None if data.get("logo") is None else _logo(doc, data["logo"], assets)
    kicker = data.get("kicker", "none")
    if kicker not in KICKERS:
        raise doc.error(("kicker",), f"unknown kicker {doc.shown(('kicker',), kicker)}{did_you_mean(str(kicker), KICKERS)}; "
                                     f"use one of: {', '.join(KICKERS)}")
    margin = _fraction(doc, ("margin",), data.get("margin", 0.075), 0.02, 0.2, "e.g. 0.075 (7.5% of the width)")
    sizes = _mapping(doc, ("headline_size",), data.get("headline_size", {}))
    reject_unknown_keys(doc, ("headline_size",), sizes, ("min", "max"))
    headline_min = sizes.get("min", LEGIBLE_HEADLINE)
    if isinstance(headline_min, (int, float)) and not isinstance(headline_min, bool) and \
            headline_min < LEGIBLE_HEADLINE:
        raise doc.error(("headline_size", "min"), f"{headline_min} is below the legible minimum "
                        f"{LEGIBLE_HEADLINE} (4.7% of the card's width); raise it")
    headline_min = _fraction(doc, ("headline_size", "min"), headline_min, LEGIBLE_HEADLINE, 0.3, "e.g. 0.047")
    headline_max = _fraction(doc, ("headline_size", "max"), sizes.get("max", 0.09), headline_min, 0.3,
                             f"at least min ({headline_min}), e.g. 0.09")
    small_size = _fraction(doc, ("small_size",), data.get("small_size", 0.034), LEGIBLE_SMALL, 0.1,
                           f"at least {LEGIBLE_SMALL} so it stays legible on a phone, e.g. 0.034")
    line_height = _fraction(doc, ("line_height",), data.get("line_height", 1.2), 1.0, 2.0, "e.g. 1.2")

    for key, colour in (("text", text), ("small_text", small_text)):
        ratio, worst = worst_contrast(colour, background.colours())
        if ratio < MIN_TEXT_CONTRAST:
            at = ("colors", key) if key in colours else ("colors", "text")
            raise doc.error(at, f"{hex_colour(colour)} reaches only {ratio:.2f}:1 against the background's "
                                f"{hex_colour(worst)}; text needs at least {MIN_TEXT_CONTRAST}:1 (WCAG AA): "
                                "darken the text or lighten the background (or the reverse)")

    brand_handle = data.get("handle") if data.get("handle") is not None else handle
    if brand_handle is not None and (not isinstance(brand_handle, str) or not brand_handle.strip().lstrip("@")):
        raise doc.error(("handle",), "no handle: give handle: junocounseling here or account.handle "
                                     "in posts/schedule.yaml")
    brand_handle = brand_handle.strip().lstrip("@") if brand_handle is not None else None

    values = {"handle": brand_handle, "background": background, "text": text, "small_text": small_text, "accent": accent,
                  "headline_font": headline_font, "small_font": small_font, "kicker_font": kicker_font,
                  "fallback": fallback, "logo": logo, "kicker": kicker, "margin": margin, "headline_min": headline_min,
                  "headline_max": headline_max, "small_size": small_size, "line_height": line_height}
    return Brand(source=doc.display, fingerprint=_fingerprint(values), **values)


def _fingerprint(values: dict[str, Any]) -> str:
    digest = hashlib.sha256()
    files = [values["headline_font"], values["small_font"], values["kicker_font"], *values["fallback"]]
    if values["logo"] is not None:
        files.append(values["logo"])
    plain = {k: (str(v.name) if isinstance(v, Path) else v) for k, v in values.items() if k != "fallback"}
    plain["fallback"] = [p.name for p in values["fallback"]]
    plain["background"] = [values["background"].start, values["background"].end, values["background"].direction]
    digest.update(json.dumps(plain, sort_keys=True, default=str).encode())
    for path in files:
        digest.update(_file_digest(path).encode())
    return digest.hexdigest()[:20]


def _file_digest(path: Path) -> str:
    return hashlib.sha256(read_input(path, str(path), error=ConfigError, what="font")).hexdigest()


# --- one value at a time ----------------------------------------------------------------------

def _mapping(doc: Document, at: tuple, value: Any) -> dict:
    if not isinstance(value, dict):
        raise doc.error(at, "expected a mapping (key: value lines indented under it)")
    return value


def _colour(doc: Document, at: tuple, value: Any) -> RGB:
    if value is None:
        raise doc.error(at, "no colour; write it in quotes, e.g. \"#1E3A3C\" (YAML reads an unquoted # "
                            "as the start of a comment)")
    if isinstance(value, str):
        try:
            rgb = ImageColor.getrgb(value.strip())
        except ValueError:
            pass
        else:
            if len(rgb) == 4 and rgb[3] != 255:
                raise doc.error(at, f"{value!r} is see-through; cards need solid colours: drop the alpha")
            return (rgb[0], rgb[1], rgb[2])
    raise doc.error(at, f"{value!r} is not a colour; write \"#RRGGBB\" in quotes, e.g. \"#1E3A3C\"")


def _background(doc: Document, value: Any) -> Background:
    at = ("background",)
    if not isinstance(value, dict):
        colour = _colour(doc, at, value)
        return Background(colour, colour)
    reject_unknown_keys(doc, at, value, ("from", "to", "direction"))
    for required in ("from", "to"):
        if required not in value:
            raise doc.error(at, f"a gradient needs from: and to: colours (e.g. {{from: \"#F7F2EA\", "
                                f"to: \"#EADFD0\"}}); '{required}' is missing")
    direction = value.get("direction", "vertical")
    if direction not in DIRECTIONS:
        raise doc.error(at + ("direction",), f"unknown direction {doc.shown(at + ('direction',), direction)}"
                        f"{did_you_mean(str(direction), DIRECTIONS)}; use one of: {', '.join(DIRECTIONS)}")
    return Background(_colour(doc, at + ("from",), value["from"]), _colour(doc, at + ("to",), value["to"]),
                      direction)


def _asset_path(doc: Document, at: tuple, value: Any, assets: Path, example: str) -> Path:
    if not isinstance(value, str) or not value.strip():
        raise doc.error(at, f"expected a file name relative to assets/, e.g. {example}")
    written = Path(os.path.normpath(assets / value.strip()))  # as written: an absolute path or ../ leaves assets/
    if not written.is_relative_to(assets):
        raise doc.error(at, f"{value.strip()!r} is outside assets/; copy the file into assets/ (with its licence, "
                            f"for a font) and name it from there, e.g. {example}")
    return written.resolve()


def _font(doc: Document, at: tuple, value: Any, assets: Path) -> Path:
    path = _asset_path(doc, at, value, assets, "fonts/Lato-Regular.ttf")
    shown = f"assets/{value.strip()}"
    if not path.is_file():
        bundled = sorted(p.name for p in (assets / "fonts").glob("*.[ot]tf")) if (assets / "fonts").is_dir() else []
        hint = did_you_mean(path.name, bundled)
        choices = f"; fonts in assets/fonts: {', '.join(bundled)}" if bundled and not hint else ""
        raise doc.error(at, f"{shown} not found{hint}{choices}; put the font file there or name another")
    try:
        fonts.check_font(path)
    except fonts.FontError as exc:
        raise doc.error(at, f"{shown} cannot be used: {exc}; replace it with a .ttf or .otf file") from None
    return path


def _logo(doc: Document, value: Any, assets: Path) -> Path:
    at = ("logo",)
    path = _asset_path(doc, at, value, assets, "logo.png")
    shown = f"assets/{value.strip()}"
    if not path.exists():
        raise doc.error(at, f"{shown} not found; put the logo there or remove the logo: line")
    try:
        with open_image(path, shown, error=ContentError, what="image",
                        fix="replace it with a PNG or remove the logo: line") as image:
            width, height = image.size
    except ContentError as exc:
        raise doc.error(at, str(exc)) from None
    if min(width, height) < 64:
        raise doc.error(at, f"{shown} is only {width}x{height} pixels; give one at least 256 pixels across")
    return path


def _fraction(doc: Document, at: tuple, value: Any, low: float, high: float, example: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not low <= value <= high:
        raise doc.error(at, f"expected a number from {low} to {high}, found {doc.found(at, value)}; {example}")
    return float(value)
