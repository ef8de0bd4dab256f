"""Setting a headline: clean text, balanced line breaks, and the largest size that fits.

Pure functions of text, fonts and a box; no drawing happens here. `fit()` returns a Layout the
card renderer draws word by word, so every measurement here is exactly what ends up on the card.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import NamedTuple

from scheduler.cards import bidi, fonts

_SPACES = re.compile(r"[ \t\r\n\f\v\u2028\u2029\u3000]+")  # not U+00A0: a no-break space keeps words together
_OPENERS = set(" \u00a0([{<‘“—–-/")
_ELISIONS = ("tis", "twas", "til", "em", "cause", "n ", "round")
_AFTER_DASH = re.compile(r"(?<=\w[—–])(?=\w)")


def normalise(text: str) -> str:
    """NFC, one space between words, typographic quotes and apostrophes, no emoji style selectors."""
    text = unicodedata.normalize("NFC", text).replace("\ufe0f", "").replace("\ufe0e", "")
    text = _SPACES.sub(" ", text).strip()
    if '"' not in text and "'" not in text:
        return text  # no straight quote to turn: most headlines
    out: list[str] = []
    for index, char in enumerate(text):
        before = out[-1] if out else " "
        if char == '"':
            char = "“" if before in _OPENERS else "”"
        elif char == "'":
            after = text[index + 1:]
            if before not in _OPENERS:
                char = "’"  # don’t, partners’, or a closing quote
            elif after[:1].isdigit() or after.lower().startswith(_ELISIONS):
                char = "’"  # ’90s, ’til
            else:
                char = "‘"
        out.append(char)
    return "".join(out)


@dataclass(frozen=True)
class Word:
    text: str
    runs: tuple[tuple[int, str], ...]  # (index into the font chain, text): one font and one bidi level each
    levels: tuple[int, ...]  # each run's bidi level: even left to right, odd right to left
    glued: bool = False  # follows the word before it with no space (after a dash: "resources—articles")
    space_level: int = 0  # the bidi level of the space before it


class Piece(NamedTuple):
    """What a line is drawn from, left to right: a run of one font in one direction, or a space between words."""

    font: int  # index into the font chain; SPACE for the space between two words (nothing to draw)
    text: str
    level: int  # even: set left to right; odd: right to left
    width: float


SPACE = -1


@dataclass(frozen=True)
class Line:
    pieces: tuple[Piece, ...]  # in visual order, left to right
    width: float


@dataclass(frozen=True)
class Layout:
    size: int
    lines: tuple[Line, ...]
    space: float
    line_height: int
    ascent: float
    descent: float
    rtl: bool
    orphan: bool

    @property
    def height(self) -> float:
        return (len(self.lines) - 1) * self.line_height + self.ascent + self.descent


class DoesNotFit(Exception):
    """The text does not fit at the smallest size allowed: `too_wide` is a word wider than the box at that size
    (None when every word fits on a line of its own), `fits_chars` roughly how many characters would fit."""

    def __init__(self, message: str, fits_chars: int, too_wide: str | None = None):
        super().__init__(message)
        self.fits_chars = fits_chars
        self.too_wide = too_wide


def split_words(text: str, chain: tuple[Path, ...]) -> tuple[tuple[Word, ...], bool]:
    """Words with their font runs and bidi levels, and whether the paragraph reads right to left."""
    tokens: list[str] = []
    for token in text.split(" "):
        if tokens and not any(char.isalnum() for char in token):
            tokens[-1] += " " + token  # a lone dash or ampersand never starts a line
        else:
            tokens.append(token)
    raw, glued = [], []
    for token in tokens:
        for part_index, part in enumerate(_AFTER_DASH.split(token)):  # a line may end after a dash
            raw.append(part)
            glued.append(part_index > 0)
    rtl = bidi.strong_direction(text) == "R"
    levels = bidi.levels(text, rtl)  # the whole paragraph's: a neutral takes its direction from both sides
    words, start = [], 0
    for index, word in enumerate(raw):
        space_level = 0
        if index and not glued[index]:
            space_level = levels[start]
            start += 1  # the space before the word
        runs, run_levels = _level_runs(fonts.split_runs(word, chain), levels[start:start + len(word)])
        words.append(Word(word, runs, run_levels, glued[index], space_level))
        start += len(word)
    return tuple(words), rtl


def _level_runs(runs: tuple[tuple[int, str], ...], levels: tuple[int, ...]
                ) -> tuple[tuple[tuple[int, str], ...], tuple[int, ...]]:
    """Font runs cut where the bidi level changes, and the level of each."""
    if min(levels, default=0) == max(levels, default=0):
        return runs, (levels[0] if levels else 0,) * len(runs)
    cut: list[tuple[int, str]] = []
    cut_levels: list[int] = []
    at = 0
    for font, text in runs:
        begin = at
        for offset in range(1, len(text) + 1):
            if offset == len(text) or levels[at + offset] != levels[begin]:
                cut.append((font, text[begin - at:offset]))
                cut_levels.append(levels[begin])
                begin = at + offset
        at += len(text)
    return tuple(cut), tuple(cut_levels)


def visual_order(pieces: list[Piece]) -> list[Piece]:
    """Unicode bidi rule L2 over a line's pieces (each of one level): reverse every run at each odd-and-higher
    level; a piece reversed an odd number of times is one at an odd level, which raqm sets right to left."""
    order = list(pieces)
    if not order:
        return order
    highest = max(w.level for w in order)
    lowest_odd = min((w.level for w in order if w.level % 2), default=highest + 1)
    for level in range(highest, lowest_odd - 1, -1):
        index = 0
        while index < len(order):
            if order[index].level >= level:
                end = index
                while end < len(order) and order[end].level >= level:
                    end += 1
                order[index:end] = reversed(order[index:end])
                index = end
            else:
                index += 1
    return order


def run_widths(word: Word, chain: tuple[Path, ...], size: int) -> tuple[float, ...]:
    """How far each run of `word` advances the pen, set in its own direction."""
    return tuple(fonts.length(chain[i], size, text, "rtl" if level % 2 else "ltr")
                 for (i, text), level in zip(word.runs, word.levels))


def word_width(word: Word, chain: tuple[Path, ...], size: int) -> float:
    return sum(run_widths(word, chain, size))


def _best_partition(ending: list[list[float]], n: int, lines: int, max_width: float,
                    last_needs_two: bool) -> list[int] | None:
    """Split n words into exactly `lines` lines: minimise the longest, then the spread under it.

    `ending[j][i]` is the width of words i..j-1 set on one line (see _widths_by_end).
    """
    inf = math.inf

    def solve(limit: float | None) -> tuple[float, list[int]] | None:
        """The longest line minimised (limit None), or the squared shortfalls under `limit` summed."""
        best = [0.0] + [inf] * n  # the cost of setting the first j words on the lines so far
        backs = []
        for line in range(1, lines + 1):
            row, back = [inf] * (n + 1), [0] * (n + 1)
            fewest = 2 if last_needs_two and line == lines else 1  # words on this line
            first = line - 1
            for j in range(line, n - (lines - line) + 1):
                here, at = inf, 0
                stop = j - fewest + 1
                for i, so_far, w in zip(range(first, stop), best[first:stop], ending[j][first:stop]):
                    if so_far == inf or w > max_width:
                        continue
                    if limit is None:
                        cost = max(so_far, w)
                    elif w <= limit:
                        cost = so_far + (limit - w) ** 2
                    else:
                        continue
                    if cost <= here and cost < inf:  # on a tie, the longer line first
                        here, at = cost, i
                row[j], back[j] = here, at
            best = row
            backs.append(back)
        if best[n] == inf:
            return None
        breaks, j = [], n
        for back in reversed(backs):
            breaks.append(j)
            j = back[j]
        return best[n], breaks[::-1]

    longest = solve(None)
    if longest is None:
        return None
    spread = solve(longest[0])
    return (spread or longest)[1]


def _widths_by_end(width, n: int) -> list[list[float]]:
    """width(i, j) as table[j][i] for every 0 <= i < j <= n: looked up, not recomputed, by the partitions."""
    return [[width(i, j) for i in range(j)] for j in range(n + 1)]


BALANCED = 0.55  # the shortest line at least this share of the longest, or the lines look ragged
RAGGED = 0.8     # ragged lines count as this much smaller when sizes are compared


@dataclass(frozen=True)
class _Candidate:
    size: int
    breaks: tuple[int, ...]
    orphan: bool
    balance: float
    layout: Layout

    @property
    def score(self) -> float:
        return _score(self.size, self.balance)


def _score(size: float, balance: float) -> float:
    return size * (1.0 if balance >= BALANCED else RAGGED)


def fit(text: str, chain: tuple[Path, ...], box: tuple[float, float], min_size: int, max_size: int,
        line_height: float) -> Layout:
    """The headline set as large as it fits `box`, in balanced lines, never below min_size.

    For each number of lines, the words are split so the longest line is as short as it can be,
    and that split is set at the largest size that fits. A split with a lone last word counts
    only when every other split is too small to read; ragged lines (one much shorter than the
    longest) count as if 20% smaller. Raises fonts.MissingGlyph for a character no font has and
    DoesNotFit when nothing fits at min_size.

    Setting a split means measuring every word again at each size tried, so the numbers of lines are
    tried from the one that could come out largest, and a split that cannot score as high as the best
    one set so far (its size at most the one its widths at max_size allow) is never set: the same
    choice as setting them all, and the chosen one is laid out once.
    """
    words, rtl = split_words(text, chain)
    width_box, height_box = box
    widths = [word_width(w, chain, max_size) for w in words]  # measured once, at the largest size
    space = fonts.length(chain[0], max_size, " ", "rtl" if rtl else "ltr")
    ascent, descent = fonts.ink_extent(chain[0], max_size)
    line_width = _line_widths(words, widths, space)
    ending = _widths_by_end(line_width, len(words))
    total = line_width(0, len(words))

    counts = []  # (the largest size any split into that many lines could reach, lines, per_size)
    for lines in range(1, len(words) + 1):
        per_size = ((lines - 1) * line_height + (ascent + descent) / max_size)
        if height_box / per_size < min_size:
            break  # more lines only get smaller
        tallest = min(max_size, math.floor(height_box / per_size))
        shortest_longest = (total - (lines - 1) * space) / lines  # the longest line is never shorter
        widest = math.floor(width_box * max_size / shortest_longest) + 1 if shortest_longest > 0 else tallest  # +1: rounding
        counts.append((min(tallest, widest), lines, per_size))

    @cache
    def split(lines: int, per_size: float, no_orphan: bool) -> tuple[list[int], float, float, int] | None:
        """The split, its balance, its longest line at max_size and the size that line allows."""
        breaks = _best_partition(ending, len(words), lines, math.inf, no_orphan)
        if breaks is None:
            return None
        spans = list(zip([0, *breaks[:-1]], breaks))
        longest = max(line_width(i, j) for i, j in spans)
        size = min(max_size, math.floor(height_box / per_size), math.floor(width_box * max_size / longest))
        return breaks, min(line_width(i, j) for i, j in spans) / longest, longest, size

    def set_split(lines: int, found) -> _Candidate | None:
        breaks, balance, _longest, size = found
        while size >= min_size:
            block = set_at(words, rtl, chain, size, box, line_height, breaks)
            if block is not None:
                orphan = lines > 1 and breaks[-1] - breaks[-2] == 1
                return _Candidate(size, tuple(breaks), orphan, balance, block)
            size -= 1
        return None

    def options(lines: int, per_size: float):
        """The split without a lone last word, then the one with: each worked out when first reached."""
        return (split(lines, per_size, no_orphan) for no_orphan in ((True, False) if lines > 1 else (False,)))

    candidates: list[_Candidate] = []
    best_score = -math.inf  # of the candidates without a lone last word: only they can be chosen once one is
    for bound, lines, per_size in sorted(counts, key=lambda count: -count[0]):
        if bound < best_score:
            break
        if all(found is None or _score(found[3], found[1]) < best_score for found in options(lines, per_size)):
            continue  # whichever of them would be set, it scores below the best: never chosen
        for found in options(lines, per_size):  # the split without a lone last word, unless it does not fit at min_size
            candidate = None if found is None else set_split(lines, found)
            if candidate is None:
                continue
            candidates.append(candidate)
            if not candidate.orphan:
                best_score = max(best_score, candidate.score)
                break
    chosen = [c for c in candidates if not c.orphan] or candidates
    if not chosen:
        too_wide = next((w.text for w in words if word_width(w, chain, min_size) > width_box), None)
        raise DoesNotFit(f"{len(text)} characters do not fit at the smallest legible size ({min_size} px)",
                         _rough_capacity(words, chain, min_size, box, line_height, len(text)), too_wide)
    best = max(chosen, key=lambda c: (c.score, c.size, -len(c.breaks)))
    return replace(best.layout, orphan=best.orphan)


def set_in_lines(text: str, chain: tuple[Path, ...], size: int, width: float, most_lines: int,
                 line_height: float) -> Layout:
    """The text at `size` on as few lines as hold it, at most `most_lines`, none wider than `width`: one line when
    it fits, else lines as even as they can be, a lone last word only when no other break fits. Raises
    fonts.MissingGlyph for a character no font has and DoesNotFit when it takes more lines."""
    words, rtl = split_words(text, chain)
    widths = [word_width(w, chain, size) for w in words]
    space = fonts.length(chain[0], size, " ", "rtl" if rtl else "ltr")
    ending = _widths_by_end(_line_widths(words, widths, space), len(words))
    for lines in range(1, min(most_lines, len(words)) + 1):
        breaks = (_best_partition(ending, len(words), lines, width, lines > 1)
                  or _best_partition(ending, len(words), lines, width, False))
        layout = set_at(words, rtl, chain, size, (width, math.inf), line_height, breaks) if breaks else None
        if layout is not None:
            return layout
    raise DoesNotFit(f"{len(text)} characters take more than {most_lines} lines at {size} px", 0)


def _line_widths(words, widths: list[float], space: float):
    """width(i, j): words i..j-1 set on one line, with a space between them unless glued."""
    prefix, gaps = [0.0], [0.0]
    for index, (word, word_width) in enumerate(zip(words, widths)):
        prefix.append(prefix[-1] + word_width)
        gaps.append(gaps[-1] + (0.0 if index == 0 or word.glued else space))

    def width(i: int, j: int) -> float:
        return prefix[j] - prefix[i] + gaps[j] - gaps[i + 1]

    return width


def make_line(words, widths, space: float) -> Line:
    """One line of words (logical order; `widths`: each word's run widths) laid out left to right."""
    pieces = []
    for index, (word, run_widths) in enumerate(zip(words, widths)):
        if index and not word.glued:
            pieces.append(Piece(SPACE, " ", word.space_level, space))
        pieces += map(Piece, (font for font, _ in word.runs), (text for _, text in word.runs), word.levels,
                      run_widths)
    ordered = visual_order(pieces)
    return Line(tuple(ordered), sum(piece.width for piece in ordered))


def set_at(words: tuple[Word, ...], rtl: bool, chain: tuple[Path, ...], size: int,
           box: tuple[float, float], line_height: float, breaks: list[int]) -> Layout | None:
    """The words at `size`, broken after each index in `breaks`, or None when that overflows `box`."""
    ascent, descent = fonts.ink_extent(chain[0], size)
    step = round(size * line_height)
    max_width, max_height = box
    if (len(breaks) - 1) * step + ascent + descent > max_height:
        return None
    widths = [run_widths(w, chain, size) for w in words]
    space = fonts.length(chain[0], size, " ", "rtl" if rtl else "ltr")
    lines, start = [], 0
    for end in breaks:
        line = make_line(words[start:end], widths[start:end], space)
        if line.width > max_width:
            return None
        lines.append(line)
        start = end
    return Layout(size, tuple(lines), space, step, ascent, descent, rtl, False)


def _rough_capacity(words, chain, size, box, line_height, length) -> int:
    ascent, descent = fonts.ink_extent(chain[0], size)
    lines = max(0, int((box[1] - ascent - descent) // round(size * line_height)) + 1)
    needed = sum(word_width(w, chain, size) for w in words) + fonts.length(chain[0], size, " ", "ltr") * len(words)
    # balanced lines leave some slack: count on filling about 90% of each line
    return max(1, int(length * lines * box[0] * 0.9 / max(needed, 1)))
