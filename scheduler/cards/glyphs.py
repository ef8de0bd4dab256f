"""A word drawn from glyphs rasterised once, with the pixels Pillow's `getmask2` would give.

Pillow's `render` shapes a word through raqm and loads every glyph three times with hinting (once for the
box, twice to draw), about 45 µs a glyph: most of a card's drawing. Here the same HarfBuzz and FreeType that
Pillow loaded (its own copies, found in the process's memory map) shape the word the way raqm does for one
left-to-right Latin run, with the OpenType features the caller gives Pillow (fonts.FEATURES: lining figures),
and each glyph is hinted and rasterised once per font and size. A word is drawn only
when this gives its mask pixel for pixel: glyphs placed where Pillow's three passes place them, none clipped
and no two with ink on the same pixel (Pillow composites those; pasting glyph by glyph would blend them). For
anything else (another script, right to left, overlapping ink, libraries not found) `pieces` returns None and
the caller draws the word with Pillow as before.
"""

from __future__ import annotations

import ctypes
import math
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from PIL import Image, ImageChops, features

_LOAD_DEFAULT = 0          # FT_LOAD_DEFAULT: Pillow's load flags for an L-mode mask without a stroke
_RENDER_NORMAL = 0         # FT_RENDER_MODE_NORMAL: what FT_LOAD_RENDER renders with those flags
_BBOX_PIXELS = 3           # FT_GLYPH_BBOX_PIXELS
_PIXEL_MODE_GRAY = 2
_LTR = 4                   # HB_DIRECTION_LTR
_BOT_EOT = 1 | 2           # raqm's buffer flags: HB_BUFFER_FLAG_BOT | HB_BUFFER_FLAG_EOT
# offsets in FreeType's public records (x86-64 Linux): FT_FaceRec.glyph, FT_GlyphSlotRec.bitmap/_left/_top
_FACE_GLYPH, _SLOT_BITMAP, _SLOT_LEFT, _SLOT_TOP = 152, 152, 192, 196


def _tag(name: str) -> int:
    return int.from_bytes(name.encode(), "big")


_COMMON, _INHERITED, _LATIN, _UNICODE = _tag("Zyyy"), _tag("Zinh"), _tag("Latn"), _tag("unic")
_vp = ctypes.c_void_p


@dataclass(frozen=True)
class _Glyph:
    box: tuple[int, int, int, int]  # left, bottom, right, top in pixels from the pen, as Pillow's box pass finds it
    left: int                       # where the rendered bitmap starts, from the pen
    top: int
    image: Image.Image | None       # the bitmap (None when it has no pixels)


class _BBox(ctypes.Structure):
    _fields_ = [("x_min", ctypes.c_long), ("y_min", ctypes.c_long), ("x_max", ctypes.c_long), ("y_max", ctypes.c_long)]


class _Bitmap(ctypes.Structure):
    _fields_ = [("rows", ctypes.c_uint), ("width", ctypes.c_uint), ("pitch", ctypes.c_int),
                ("buffer", _vp), ("num_grays", ctypes.c_ushort), ("pixel_mode", ctypes.c_ubyte),
                ("palette_mode", ctypes.c_ubyte), ("palette", _vp)]


class _Feature(ctypes.Structure):
    _fields_ = [("tag", ctypes.c_uint32), ("value", ctypes.c_uint32), ("start", ctypes.c_uint),
                ("end", ctypes.c_uint)]


class _GlyphInfo(ctypes.Structure):
    _fields_ = [("codepoint", ctypes.c_uint32), ("mask", ctypes.c_uint32), ("cluster", ctypes.c_uint32),
                ("var1", ctypes.c_uint32), ("var2", ctypes.c_uint32)]


class _GlyphPosition(ctypes.Structure):
    _fields_ = [("x_advance", ctypes.c_int32), ("y_advance", ctypes.c_int32), ("x_offset", ctypes.c_int32),
                ("y_offset", ctypes.c_int32), ("var", ctypes.c_uint32)]


class _Libraries:
    """Pillow's own FreeType and HarfBuzz, with the signatures used here (PyDLL: calls keep the GIL)."""

    def __init__(self, freetype: str, harfbuzz: str):
        ft = self.ft = ctypes.PyDLL(freetype)
        hb = self.hb = ctypes.PyDLL(harfbuzz)
        _declare(ft, (
                ("FT_Init_FreeType", [ctypes.POINTER(_vp)], ctypes.c_int),
                ("FT_Library_Version", [_vp] + [ctypes.POINTER(ctypes.c_int)] * 3, None),
                ("FT_New_Face", [_vp, ctypes.c_char_p, ctypes.c_long, ctypes.POINTER(_vp)], ctypes.c_int),
                ("FT_Set_Pixel_Sizes", [_vp, ctypes.c_uint, ctypes.c_uint], ctypes.c_int),
                ("FT_Select_Charmap", [_vp, ctypes.c_uint32], ctypes.c_int),
                ("FT_Load_Glyph", [_vp, ctypes.c_uint, ctypes.c_int32], ctypes.c_int),
                ("FT_Get_Glyph", [_vp, ctypes.POINTER(_vp)], ctypes.c_int),
                ("FT_Glyph_Get_CBox", [_vp, ctypes.c_uint, ctypes.POINTER(_BBox)], None),
                ("FT_Done_Glyph", [_vp], None),
                ("FT_Render_Glyph", [_vp, ctypes.c_int], ctypes.c_int),
                ("FT_Done_Face", [_vp], ctypes.c_int)))
        _declare(hb, (
                ("hb_version_string", [], ctypes.c_char_p),
                ("hb_ft_font_create_referenced", [_vp], _vp),
                ("hb_font_destroy", [_vp], None),
                ("hb_buffer_create", [], _vp),
                ("hb_buffer_destroy", [_vp], None),
                ("hb_buffer_add_utf32", [_vp, ctypes.c_char_p, ctypes.c_int, ctypes.c_uint, ctypes.c_int], None),
                ("hb_buffer_set_script", [_vp, ctypes.c_uint32], None),
                ("hb_buffer_set_language", [_vp, _vp], None),
                ("hb_buffer_set_direction", [_vp, ctypes.c_int], None),
                ("hb_buffer_set_flags", [_vp, ctypes.c_int], None),
                ("hb_feature_from_string", [ctypes.c_char_p, ctypes.c_int, ctypes.POINTER(_Feature)], ctypes.c_int),
                ("hb_shape_full", [_vp, _vp, ctypes.POINTER(_Feature), ctypes.c_uint, _vp], ctypes.c_int),
                ("hb_buffer_get_glyph_infos", [_vp, ctypes.POINTER(ctypes.c_uint)], ctypes.POINTER(_GlyphInfo)),
                ("hb_buffer_get_glyph_positions", [_vp, ctypes.POINTER(ctypes.c_uint)],
                 ctypes.POINTER(_GlyphPosition)),
                ("hb_language_get_default", [], _vp),
                ("hb_unicode_funcs_get_default", [], _vp),
                ("hb_unicode_script", [_vp, ctypes.c_uint32], ctypes.c_uint32)))
        self.library = _vp()
        if ft.FT_Init_FreeType(ctypes.byref(self.library)):
            raise OSError("FT_Init_FreeType failed")
        self.language = hb.hb_language_get_default()  # raqm's language when none is given
        self.unicode = hb.hb_unicode_funcs_get_default()

    def versions(self) -> tuple[str, str]:
        major, minor, patch = ctypes.c_int(), ctypes.c_int(), ctypes.c_int()
        self.ft.FT_Library_Version(self.library, ctypes.byref(major), ctypes.byref(minor), ctypes.byref(patch))
        return f"{major.value}.{minor.value}.{patch.value}", self.hb.hb_version_string().decode()


def _declare(library: ctypes.PyDLL, signatures: tuple[tuple[str, list[Any], Any], ...]) -> None:
    for name, args, result in signatures:
        function = getattr(library, name)
        function.argtypes, function.restype = args, result


@lru_cache(maxsize=1)
def _libraries() -> _Libraries | None:
    """The FreeType and HarfBuzz Pillow's text drawing uses, or None when they cannot be the same ones."""
    if not features.check_module("freetype2"):  # loads Pillow's text module, and with it its libraries
        return None
    try:
        with open("/proc/self/maps", encoding="utf-8") as maps:
            loaded = {line.split(None, 5)[5].strip() for line in maps if len(line.split(None, 5)) == 6}
    except OSError:
        return None
    freetype = sorted(path for path in loaded if Path(path).name.startswith("libfreetype"))
    harfbuzz = sorted(path for path in loaded if Path(path).name.startswith("libharfbuzz"))
    if len(freetype) != 1 or len(harfbuzz) != 1 or ctypes.sizeof(ctypes.c_void_p) != 8:
        return None
    try:
        libraries = _Libraries(freetype[0], harfbuzz[0])
    except (OSError, AttributeError):
        return None
    if libraries.versions() != (features.version("freetype2"), features.version("harfbuzz")):
        return None
    return libraries


class _Face:
    """One font at one pixel size, as Pillow opens it, with each glyph loaded and rasterised once."""

    def __init__(self, libraries: _Libraries, path: Path, size: int):
        self.lib = libraries
        self.face = _vp()
        self.font = None
        ft = libraries.ft
        if (ft.FT_New_Face(libraries.library, str(path).encode(), 0, ctypes.byref(self.face))
                or ft.FT_Set_Pixel_Sizes(self.face, 0, size)):
            raise OSError(f"FreeType cannot open {path} at {size} px")
        ft.FT_Select_Charmap(self.face, _UNICODE)  # as Pillow does; a font without one keeps its default
        self.font = libraries.hb.hb_ft_font_create_referenced(self.face)
        self.slot: int = _vp.from_address((self.face.value or 0) + _FACE_GLYPH).value or 0
        self.glyphs: dict[int, _Glyph] = {}
        self.lock = threading.Lock()  # one face, one glyph slot: one word at a time

    def __del__(self) -> None:  # dropped from the cache of faces: FreeType's memory goes with it
        if getattr(self, "font", None):
            self.lib.hb.hb_font_destroy(self.font)
        if self.face:
            self.lib.ft.FT_Done_Face(self.face)

    def shape(self, text: str, features: Sequence[str]) -> list[tuple[int, int, int, int, int]] | None:
        """(glyph, x advance, y advance, x offset, y offset) as raqm gives them for `text` set left to right
        with `features` (Pillow's `features=`), or None unless the text is one Latin run (raqm would itemise
        anything else its own way) and HarfBuzz reads every feature."""
        hb = self.lib.hb
        parsed = _features(tuple(features))
        if parsed is None:
            return None
        script = None
        for char in text:
            found = _script(char)
            if found in (_COMMON, _INHERITED):
                continue
            if found != _LATIN:
                return None
            script = found
        if script is None:
            return None
        buffer = hb.hb_buffer_create()
        try:
            hb.hb_buffer_add_utf32(buffer, text.encode("utf-32-le"), len(text), 0, len(text))
            hb.hb_buffer_set_script(buffer, script)
            hb.hb_buffer_set_language(buffer, self.lib.language)
            hb.hb_buffer_set_direction(buffer, _LTR)
            hb.hb_buffer_set_flags(buffer, _BOT_EOT)
            hb.hb_shape_full(self.font, buffer, parsed, len(parsed), None)
            count = ctypes.c_uint()
            infos = hb.hb_buffer_get_glyph_infos(buffer, ctypes.byref(count))
            positions = hb.hb_buffer_get_glyph_positions(buffer, None)
            return [(infos[i].codepoint, positions[i].x_advance, positions[i].y_advance, positions[i].x_offset,
                     positions[i].y_offset) for i in range(count.value)]
        finally:
            hb.hb_buffer_destroy(buffer)

    def glyph(self, index: int) -> _Glyph | None:
        """The glyph hinted and rasterised as Pillow's render does it, or None when it is not a grey bitmap."""
        found = self.glyphs.get(index)
        if found is not None:
            return found
        ft = self.lib.ft
        if ft.FT_Load_Glyph(self.face, index, _LOAD_DEFAULT):
            return None
        outline = _vp()
        if ft.FT_Get_Glyph(self.slot, ctypes.byref(outline)):
            return None
        box = _BBox()
        ft.FT_Glyph_Get_CBox(outline, _BBOX_PIXELS, ctypes.byref(box))
        ft.FT_Done_Glyph(outline)
        if ft.FT_Render_Glyph(self.slot, _RENDER_NORMAL):
            return None
        bitmap = _Bitmap.from_address(self.slot + _SLOT_BITMAP)
        left = ctypes.c_int.from_address(self.slot + _SLOT_LEFT).value
        top = ctypes.c_int.from_address(self.slot + _SLOT_TOP).value
        image = None
        if bitmap.rows and bitmap.width:
            if bitmap.pixel_mode != _PIXEL_MODE_GRAY or bitmap.pitch <= 0:
                return None
            data = ctypes.string_at(bitmap.buffer, bitmap.rows * bitmap.pitch)
            image = Image.frombytes("L", (bitmap.width, bitmap.rows), data, "raw", "L", bitmap.pitch)
        found = self.glyphs[index] = _Glyph((box.x_min, box.y_min, box.x_max, box.y_max), left, top, image)
        return found


@lru_cache(maxsize=4096)
def _script(char: str) -> int:
    libraries = _libraries()
    assert libraries is not None
    return libraries.hb.hb_unicode_script(libraries.unicode, ord(char))


@lru_cache(maxsize=16)
def _features(features: tuple[str, ...]) -> ctypes.Array[_Feature] | None:
    """`features` as raqm hands them to HarfBuzz (hb_feature_from_string, over the whole text), or None when
    HarfBuzz cannot read one (Pillow then says so)."""
    libraries = _libraries()
    assert libraries is not None
    parsed = (_Feature * len(features))()
    for number, feature in enumerate(features):
        if not libraries.hb.hb_feature_from_string(feature.encode(), -1, ctypes.byref(parsed[number])):
            return None
    return parsed


@lru_cache(maxsize=64)
def _face(path: Path, size: int) -> _Face | None:
    libraries = _libraries()
    if libraries is None:
        return None
    try:
        return _Face(libraries, path, size)
    except OSError:
        return None


def _pixel(value: int) -> int:
    """FreeType 26.6 to whole pixels, rounded as Pillow's PIXEL()."""
    return ((value + 32) & -64) >> 6


def _c_round(value: float) -> int:
    """C's round(): halves away from zero."""
    return math.floor(abs(value) + 0.5) * (1 if value >= 0 else -1)


def advance(path: Path, size: int, text: str, features: Sequence[str]) -> int | None:
    """How far `text` set left to right moves the pen, in 1/64 px, as Pillow's getlength counts it with the same
    `features` (the same shaping as drawing: raqm's glyph advances summed), or None when `pieces` would leave the
    text to Pillow."""
    face = _face(path, size)
    if face is None:
        return None
    with face.lock:
        shaped = face.shape(text, features)
    return None if shaped is None else sum(glyph[1] for glyph in shaped)


def pieces(path: Path, size: int, text: str, start: tuple[float, float], features: Sequence[str]
           ) -> tuple[tuple[int, int], list[tuple[Image.Image, int, int]]] | None:
    """What `font.getmask2(text, "L", "ltr", features, anchor="ls", start=start)` draws, glyph by glyph: the
    mask's offset and each glyph's bitmap with its place inside the mask, or None when that is not certain."""
    face = _face(path, size)
    if face is None:
        return None
    with face.lock:
        shaped = face.shape(text, features)
        if not shaped:
            return None
        loaded = [face.glyph(index) for index, *_ in shaped]
    # Pillow's box pass (bounding_box_and_anchors, anchor "ls")
    position = x_min = x_max = y_min = y_max = 0
    for (_index, x_advance, _y_advance, x_offset, y_offset), glyph in zip(shaped, loaded):
        if glyph is None:
            return None
        px, py = _pixel(position + x_offset), _pixel(y_offset)
        position += x_advance
        x_max = max(x_max, _pixel(position), glyph.box[2] + px)
        x_min = min(x_min, glyph.box[0] + px)
        y_max = max(y_max, glyph.box[3] + py)
        y_min = min(y_min, glyph.box[1] + py)
    width = x_max - x_min + math.ceil(start[0])
    height = y_max - y_min + math.ceil(start[1])
    offset = (x_min, -y_max)
    if width <= 0 or height <= 0:
        return offset, []
    # its second pass: where the rendered bitmaps reach, which sets the pen's origin
    x = y = left_most = top_most = 0
    for (_index, x_advance, y_advance, x_offset, y_offset), glyph in zip(shaped, loaded):
        assert glyph is not None
        top_most = max(top_most, glyph.top + _pixel(y + y_offset))
        left_most = min(left_most, glyph.left + _pixel(x + x_offset))
        x += x_advance
        y += y_advance
    x, y = _c_round((-left_most + start[0]) * 64), _c_round((-top_most - start[1]) * 64)
    # its third: each bitmap's place
    placed: list[tuple[Image.Image, int, int]] = []
    for (_index, x_advance, y_advance, x_offset, y_offset), glyph in zip(shaped, loaded):
        assert glyph is not None
        image = glyph.image
        if image is not None:
            left, top = _pixel(x + x_offset) + glyph.left, -(_pixel(y + y_offset) + glyph.top)
            if left < 0 or top < 0 or left + image.width > width or top + image.height > height:
                return None  # Pillow would clip it to the mask
            placed.append((image, left, top))
        x += x_advance
        y += y_advance
    if _inks_touch(placed):
        return None
    return offset, placed


def _inks_touch(placed: list[tuple[Image.Image, int, int]]) -> bool:
    """Whether two glyphs put ink on the same pixel (where Pillow composites them into one mask value)."""
    for number, (first, left, top) in enumerate(placed):
        for second, other_left, other_top in placed[number + 1:]:
            x0, y0 = max(left, other_left), max(top, other_top)
            x1, y1 = min(left + first.width, other_left + second.width), min(top + first.height,
                                                                              other_top + second.height)
            if x0 >= x1 or y0 >= y1:
                continue
            both = ImageChops.darker(first.crop((x0 - left, y0 - top, x1 - left, y1 - top)),
                                     second.crop((x0 - other_left, y0 - other_top, x1 - other_left, y1 - other_top)))
            if both.getbbox() is not None:
                return True
    return False
