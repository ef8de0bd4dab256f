"""WCAG 2 contrast: text must reach 4.5:1 against the worst background pixel beneath it."""

from __future__ import annotations

from collections.abc import Iterable
from typing import cast

from PIL import Image

MIN_TEXT_CONTRAST = 4.5  # WCAG 2.x level AA for normal text

RGB = tuple[int, int, int]


def _linear(channel: int) -> float:
    c = channel / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(rgb: RGB) -> float:
    r, g, b = rgb[:3]
    return 0.2126 * _linear(r) + 0.7152 * _linear(g) + 0.0722 * _linear(b)


def contrast_ratio(a: RGB, b: RGB) -> float:
    la, lb = luminance(a), luminance(b)
    light, dark = max(la, lb), min(la, lb)
    return (light + 0.05) / (dark + 0.05)


def worst_contrast(text: RGB, colours: Iterable[RGB]) -> tuple[float, RGB]:
    """The lowest contrast between `text` and any of `colours`, and the colour that gives it."""
    worst: tuple[float, RGB] | None = None
    for colour in colours:
        ratio = contrast_ratio(text, colour)
        if worst is None or ratio < worst[0]:
            worst = (ratio, (colour[0], colour[1], colour[2]))
    if worst is None:
        raise ValueError("no background colours to compare against")
    return worst


def colours_under(image: Image.Image, box: tuple[float, float, float, float]) -> list[RGB]:
    """Every distinct colour of `image` inside `box` (clipped to the image)."""
    left, top, right, bottom = box
    left, top = max(0, int(left)), max(0, int(top))
    right, bottom = min(image.width, int(right) + 1), min(image.height, int(bottom) + 1)
    if right <= left or bottom <= top:
        return []
    region = image.crop((left, top, right, bottom))
    found = region.getcolors(maxcolors=region.width * region.height) or []
    return [cast(RGB, tuple(colour[:3])) for _count, colour in found]  # type: ignore[index]


def hex_colour(rgb: RGB) -> str:
    return "#{:02X}{:02X}{:02X}".format(*rgb[:3])
