"""A lexicon finds what its whole alternation finds with re.IGNORECASE, at the same places, though it runs only the
patterns whose words a text holds (scheduler.tips.lexicon)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from scheduler.tips import sensitivity
from scheduler.tips.lexicon import Lexicon
from scheduler.tips.sentences import one_split, split_sentences

DATA = Path(__file__).resolve().parents[1] / "data"
LEXICONS = [sensitivity._FOUND, sensitivity._EVERYDAY] + [lexicon for _, lexicon in sensitivity._READ_ALONE]


def _texts() -> list[str]:
    lines = [line for folder in ("articles", "sensitivity") for path in sorted((DATA / folder).rglob("*"))
             if path.is_file() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return list(dict.fromkeys(lines + [piece for line in lines for piece in line.split("\t")]
                              + [sentence for line in lines for sentence in split_sentences(line)]))


def test_every_lexicon_finds_what_its_alternation_finds_on_every_test_line():
    texts = _texts()
    assert len(texts) > 4000
    for lexicon in LEXICONS:
        whole = re.compile(lexicon.pattern, re.IGNORECASE)
        found = [lexicon.spans(text) for text in texts]
        assert found == [[match.span() for match in whole.finditer(text)] for text in texts], lexicon.pattern[:60]
        assert [lexicon.search(text) for text in texts] == [bool(spans) for spans in found]
    assert sum(bool(sensitivity._FOUND.spans(text)) for text in texts) > 1000


def test_while_an_article_is_split_every_lexicon_finds_the_same():
    """In a split, a pattern is screened on the text's whole words ("er" of the emergency room is inside "after"): it
    must still find exactly what the alternation finds."""
    texts = _texts() + ["After the ER visit for a sprain, we never went back.", "Her ER nurse was kind."]
    for lexicon in LEXICONS:
        whole = re.compile(lexicon.pattern, re.IGNORECASE)
        with one_split():
            found = [lexicon.spans(text) for text in texts]
            searched = [lexicon.search(text) for text in texts]
        assert found == [[match.span() for match in whole.finditer(text)] for text in texts], lexicon.pattern[:60]
        assert searched == [bool(spans) for spans in found]


def test_at_one_place_the_first_pattern_that_matches_there_wins():
    lexicon = Lexicon([r"grief", r"grief counsel\w*", r"counsel\w*", r"self[- ]harm\w*", r"harm"])
    text = "Grief counseling helps; SELF-HARMING does not. Harm, grief."
    assert lexicon.spans(text) == [(0, 5), (6, 16), (24, 36), (47, 51), (53, 58)]
    assert lexicon.spans(text) == [match.span() for match in re.finditer(lexicon.pattern, text, re.IGNORECASE)]
    assert lexicon.spans("İn grief") == [(3, 8)] and lexicon.spans("nothing here") == []


def test_a_lexicon_pattern_is_lower_case_holds_words_and_matches_some_text():
    for patterns in ([r"Grief"], [r"\w+"], [r"(?:grief)?"]):
        with pytest.raises(ValueError):
            Lexicon(patterns).spans("grief and more grief")
