"""Whether a headline can be drawn on the cards it will go out on, judged by the cards' own typesetting
(scheduler.cards.typesetting.fit at the brand's smallest legible size), not by a count of characters.

Room is kept for a kicker on every card, whatever assets/brand.yaml's `kicker:` says: a person may turn the
kicker on after the tips are approved, and a headline split wrote must still draw then, kicker and all. The rule
is the card's own (render.fit_headline under one kicker line, as render.kicker_crowds judges it), so a headline
split accepts keeps a one-line kicker, and one it held back but a person approved is drawn without the kicker.

Setting a headline costs about a millisecond per card size; split judges a few hundred headlines of a long
article. A headline whose words, measured once at the smallest size, fill no more lines than the card holds (with
room to spare) fits for sure and is never set; only the others are.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

from scheduler import networks
from scheduler.campaigns.file import Tip
from scheduler.cards import bidi, fonts, typesetting
from scheduler.cards.brand import Brand, load_brand
from scheduler.cards.render import SIZES, fit_headline, frame_for, headline_sizes
from scheduler.errors import ConfigError
from scheduler.tips.drafts import headline_cut_problem
from scheduler.tips.filters import shorten_to_clause, unfinished
from scheduler.tips.meaning import keeps_meaning
from scheduler.tips.verbs import is_imperative

BUNDLED = Path(__file__).resolve().parents[2]  # the checkout's assets/brand.yaml: the brand with no project's own
FOOTER_ONLY = "handle"  # a handle for a brand that names none: it is drawn in the footer, never in the headline's box
SPARE = 0.96  # a headline is "sure to fit" only with this share of the card's width and height: else it is set
NOTE = "the headline does not fit the {size} card at a legible size: shorten it to about {chars} characters"
SHORTENED = "headline shortened to fit the {size} card: the text keeps the whole sentence"
WORD_NOTE = ("the headline does not fit the {size} card at a legible size: “{word}” is wider than the card; "
             "break it with a space, or shorten the headline")


@dataclass(frozen=True, eq=False)
class CardCheck:
    """The cards a campaign's headlines are drawn on: a brand and the sizes its accounts' networks use."""

    brand: Brand
    sizes: tuple[str, ...]
    _answers: dict[str, tuple[str, str] | None] = field(default_factory=dict, repr=False)
    # per point size of the headline font, per letter: the square and portrait cards share their smallest size, so
    # a letter is measured once for both
    _advances: dict[int, dict[str, float]] = field(default_factory=dict, repr=False)

    def misfit(self, headline: str) -> tuple[str, str] | None:
        """None when the headline fits every card; else the first card it does not fit, and the note that says so."""
        text = typesetting.normalise(headline)
        if text not in self._answers:
            self._answers[text] = next(((size, note) for size in self.sizes
                                        for note in [self._on(text, size)] if note), None)
        return self._answers[text]

    def _on(self, text: str, size: str) -> str | None:
        frame = frame_for(self.brand, size, kicker_lines=1)
        low = headline_sizes(self.brand, frame)[0]
        try:
            if not text or self._sure_to_fit(text, frame.headline_box, low):
                return None
            fit_headline(text, self.brand, frame)
        except fonts.MissingGlyph:
            return None  # a character no font has: `cards` names it; it is not a matter of length
        except typesetting.DoesNotFit as exc:
            if exc.too_wide is not None:
                return WORD_NOTE.format(size=size, word=exc.too_wide)
            return NOTE.format(size=size, chars=min(exc.fits_chars, len(text) - 1))
        return None

    def _sure_to_fit(self, text: str, box: tuple[float, float], low: int) -> bool:
        """Whether the words, set line after line at the smallest size as long as each line has room, take no more
        lines than the box holds, with room to spare: then fit() finds a layout (its best split's longest line is
        never longer than this one's) and need not be run. A word is measured as its letters' advances added up
        (kerning and ligatures only take from that; the room to spare covers the rest), and words joined by a dash
        as one; a letter the headline font lacks, a mark or a right-to-left letter leaves it to fit()."""
        chain = self.brand.headline_chain
        ascent, descent = fonts.ink_extent(chain[0], low)
        room = box[1] * SPARE - ascent - descent
        if room < 0:
            return False
        most_lines = math.floor(room / round(low * self.brand.line_height)) + 1
        width = box[0] * SPARE
        table = self._advances.setdefault(low, {})
        space = table.get(" ") or table.setdefault(" ", fonts.length(chain[0], low, " ", "ltr"))
        for char in set(text).difference(table):
            table[char] = _advance(char, chain[0], low)
        words: list[str] = []
        for token in text.split(" "):
            if words and not any(map(str.isalnum, token)):
                words[-1] += " " + token  # as fit() sets it: a lone dash or ampersand never starts a line
            else:
                words.append(token)
        lines, line = 1, -space
        for word in words:
            measured = sum(map(table.__getitem__, word))  # the letters' advances added up in order, in C
            if measured > width:
                return False
            if line + space + measured <= width:
                line += space + measured
            else:
                lines, line = lines + 1, measured
                if lines > most_lines:
                    return False
        return True


def _advance(char: str, font: Path, size: int) -> float:
    """How far the letter alone advances the pen in the headline font; infinite for one it is not measured so."""
    if ord(char) not in fonts.codepoints(font) or fonts.is_mark(char) or bidi.strong_direction(char) == "R":
        return math.inf
    return fonts.length(font, size, char, "ltr")


def for_project(root: Path, schedule) -> CardCheck | None:
    """The project's brand (the bundled one when it has none that loads) and its accounts' card sizes (every size
    before it has a timetable)."""
    sizes = tuple(SIZES) if schedule is None else networks.card_sizes(schedule.all_accounts)
    handle = schedule.card_handle if schedule is not None else FOOTER_ONLY
    try:
        brand = load_brand(Path(root), handle)
    except ConfigError:
        return bundled(sizes)  # no assets/brand.yaml yet, or one `cards` and `check` will report
    return CardCheck(brand, sizes)


def bundled(sizes: tuple[str, ...] = tuple(SIZES)) -> CardCheck | None:
    """The bundled brand's cards (None where the package was installed without its assets)."""
    brand = _bundled_brand()
    return CardCheck(brand, sizes) if brand is not None else None


@cache
def _bundled_brand() -> Brand | None:
    if not (BUNDLED / "assets" / "brand.yaml").is_file():
        return None
    return load_brand(BUNDLED, FOOTER_ONLY)


def drawable(tip: Tip, cards: CardCheck | None) -> Tip:
    """The tip with a headline its cards can draw: its own, else the longest shorter headline that keeps the
    sentence's meaning and fits (noted); else its own, held back with the note that names the card."""
    found = cards.misfit(tip.headline) if cards is not None else None
    if cards is None or found is None:
        return tip
    size, note = found
    cut = next((cut for cut in shorter_headlines(tip.headline) if cards.misfit(cut) is None), None)
    if cut is not None:
        return replace(tip, headline=cut, notes=tip.notes + (SHORTENED.format(size=size),))
    return replace(tip, ready=False, notes=tip.notes + (note,))


_ASIDE = re.compile(r"\s*—[^—]+—\s*|\s+–\s[^–]+\s–\s+|\s*\([^()]*\)")


def shorter_headlines(headline: str) -> list[str]:
    """Shorter headlines made from this one that keep its conditions, qualifiers, hedges and negations
    (scheduler.tips.meaning), longest first: without an aside between dashes or in brackets ("resources—articles
    or short videos—without …"), or cut where a clause ends."""
    found = [_tidy(f"{headline[:aside.start()]} {headline[aside.end():]}") for aside in _ASIDE.finditer(headline)]
    if len(found) > 1:
        found.append(_tidy(_ASIDE.sub(" ", headline)))
    cut: str | None = headline
    imperative = is_imperative(headline)
    while cut:
        cut = shorten_to_clause(headline, len(cut) - 1, imperative=imperative)
        if cut:
            found.append(cut)
    return [text for text in sorted(dict.fromkeys(found), key=len, reverse=True)
            if text != headline and keeps_meaning(headline, text) and not unfinished(text)
            and not headline_cut_problem(headline, text)]


def _tidy(text: str) -> str:
    return re.sub(r"\s+([.,;:!?])", r"\1", re.sub(r"\s{2,}", " ", text)).strip()
