"""The bidi embedding level of every character of a headline, from FriBiDi: the library raqm (Pillow's text
layout) itself runs, so a line reordered here and the runs raqm shapes agree.

A card draws its words run by run (one font and one direction each), so the Unicode bidi algorithm has to be run
on the whole paragraph first: a quotation mark between an English word and an Arabic one takes the paragraph's
direction, which no single word can know.
"""

from __future__ import annotations

import ctypes
import unicodedata
from functools import lru_cache

from scheduler.errors import ConfigError

_PAR_LTR, _PAR_RTL = 0x110, 0x111  # FRIBIDI_PAR_LTR, FRIBIDI_PAR_RTL (FRIBIDI_MASK_STRONG | _LETTER | _RTL)
# the names Pillow's raqm loads FriBiDi by (Linux, macOS, Windows): the copy already in the process
_NAMES = ("libfribidi.so.0", "libfribidi.0.dylib", "libfribidi.dylib", "fribidi-0.dll", "fribidi.dll")
# only these classes can give a character an odd level, or any level above 1, in a left-to-right paragraph
_NOT_LEFT_TO_RIGHT = frozenset(("R", "AL", "AN", "RLE", "RLO", "LRE", "LRO", "RLI", "LRI", "FSI", "PDF", "PDI"))
_U32 = ctypes.POINTER(ctypes.c_uint32)


def strong_direction(text: str) -> str | None:
    """"L" or "R": the first strongly directed character's direction (the paragraph's), None when there is none."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind == "L":
            return "L"
        if kind in ("R", "AL"):
            return "R"
    return None


def mixed(text: str) -> bool:
    """Whether `text` has left-to-right and right-to-left letters (or Arabic digits) both."""
    kinds = {unicodedata.bidirectional(char) for char in text}
    return "L" in kinds and not kinds.isdisjoint(("R", "AL", "AN"))


@lru_cache(maxsize=1024)
def levels(text: str, rtl: bool) -> tuple[int, ...]:
    """Each character's level in a paragraph of base direction `rtl`: even left to right, odd right to left."""
    if not rtl and not any(unicodedata.bidirectional(char) in _NOT_LEFT_TO_RIGHT for char in text):
        return (0,) * len(text)
    fribidi = _fribidi()
    size = len(text)
    chars = (ctypes.c_uint32 * size)(*map(ord, text))
    types, brackets = (ctypes.c_uint32 * size)(), (ctypes.c_uint32 * size)()
    found = (ctypes.c_int8 * size)()
    base = ctypes.c_uint32(_PAR_RTL if rtl else _PAR_LTR)
    fribidi.fribidi_get_bidi_types(chars, size, types)
    fribidi.fribidi_get_bracket_types(chars, size, types, brackets)
    if not fribidi.fribidi_get_par_embedding_levels_ex(types, brackets, size, ctypes.byref(base), found):
        raise MemoryError("FriBiDi could not resolve the headline's directions")
    return tuple(found)


@lru_cache(maxsize=1)
def _fribidi() -> ctypes.CDLL:
    for name in _NAMES:
        try:
            library = ctypes.CDLL(name)
        except OSError:
            continue
        library.fribidi_get_bidi_types.argtypes = [_U32, ctypes.c_int, _U32]
        library.fribidi_get_bidi_types.restype = None
        library.fribidi_get_bracket_types.argtypes = [_U32, ctypes.c_int, _U32, _U32]
        library.fribidi_get_bracket_types.restype = None
        library.fribidi_get_par_embedding_levels_ex.argtypes = [_U32, _U32, ctypes.c_int, _U32,
                                                                ctypes.POINTER(ctypes.c_int8)]
        library.fribidi_get_par_embedding_levels_ex.restype = ctypes.c_int8
        return library
    raise ConfigError("cards with right-to-left words need FriBiDi (libfribidi.so.0), which Pillow's raqm loads, "
                      "and it could not be found; install it (Debian/Ubuntu: apt-get install libfribidi0)")
