"""Caseless rules answer exactly as re.IGNORECASE does, on the letters where lower case and the flag part ways too."""

from __future__ import annotations

import contextlib
import random
import re
from pathlib import Path

import pytest

from scheduler.tips import (
    edges,
    filters,
    flags,
    scorer,
    sensitivity,
    standalone,
    unpostable,
    verbs,
)
from scheduler.tips.patterns import (
    by_first_letter,
    required_literals,
    screen_of,
    whole_words_of,
)
from scheduler.tips.sentences import Caseless, Screened, one_split, split_sentences

TEXTS = ["Reach out to us today.", "REACH OUT TO US TODAY.", "Jane Doe, LMFT, lives in Ohio.", "jane doe, lmft",
         "İs this it?", "ıs thıs ıt?", "Thank you for reading! Sam", "Uſe the ſtairs.", "\u212aeep it short.",
         "Call or text 988.", "“We offer” is a quote.", "", "Ⅻ ΣΑΣ ß ẞ", "Written by Dr. Kim",
         "Army myths, summary items and a mine_field: not my words.", "_my own", "email@me.com", "x\nme"]
RULES = [value for module in (edges, filters, flags, sensitivity, standalone, verbs) for value in vars(module).values()
         if isinstance(value, Caseless)]
ARTICLES = Path(__file__).resolve().parents[1] / "data" / "articles"


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.pattern[:30])
@pytest.mark.parametrize("text", TEXTS)
def test_a_caseless_rule_answers_as_ignorecase(rule, text):
    exact = re.compile(rule.pattern, re.IGNORECASE)
    assert rule.search(text) == bool(exact.search(text))
    assert rule.match(text) == bool(exact.match(text))


def test_a_caseless_rule_is_written_in_lower_case():
    with pytest.raises(ValueError):
        Caseless(r"\bLMFT\b")
    assert Caseless(r"\S+\s\bmft\b").search("A MFT")


@pytest.mark.parametrize("text", TEXTS + ["Scars on her ARMS. İn danger: someone is in danger.", "Fresh cuts, ſcars."])
def test_a_caseless_rule_finds_where_ignorecase_does(text):
    for rule in (sensitivity._FOUND, sensitivity._EVERYDAY):
        assert rule.spans(text) == [match.span() for match in re.finditer(rule.pattern, text, re.IGNORECASE)]


def test_a_rule_opening_with_a_word_boundary_answers_as_ignorecase_on_every_test_article():
    """Such rules, when the engine can skip ahead to their few first letters, search for what follows the \\b and
    then check it (sentences.Caseless.search); the others are searched whole."""
    opening = [rule for rule in RULES if rule._after_boundary is not None]
    assert len(opening) >= 3 and not any(Caseless(p)._after_boundary for p in (r"\ba|b", r"a\b", r"(\ba)"))
    assert Caseless(r"\b(?:ab|ac)")._after_boundary and Caseless(r"\b(?:you|your|yours)\b")._after_boundary
    assert not Caseless(r"\b(?:is|are|was|can|do|has|may|will|helps?|means?)\b")._after_boundary  # six letters
    assert not Caseless(r"\b(?:(?:book|call) (?:us|now)|sign up)\b")._after_boundary  # no first letters to skip to
    lines = [line for path in sorted(ARTICLES.rglob("*")) if path.is_file()
             for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(lines) > 500
    for rule in opening:
        exact = re.compile(rule.pattern, re.IGNORECASE)
        assert [rule.search(line) for line in lines] == [bool(exact.search(line)) for line in lines], rule.pattern


def test_the_words_every_match_holds_are_read_from_the_pattern():
    assert required_literals(r"\b(?:call|text) us\b") == ("call us", "text us")
    assert required_literals(r"(?:my|our) (?:blog|podcast)") == ("my blog", "my podcast", "our blog", "our podcast")
    assert required_literals(r"\b(?:reach(?:ing)? out|contact)\b") == ("contact", "reach out", "reaching out")
    assert required_literals(r"[\w-]+\.(?:com|org)\b") == (".com", ".org")
    assert required_literals(r"(?:a|)b?\w+") is None and required_literals(r"(?i:ab)") is None
    with pytest.raises(ValueError):
        Caseless(r"\w+\s\w+", screened=True)


def test_a_screened_rule_answers_as_ignorecase_on_every_test_article():
    screened = [rule for rule in RULES if rule.needs is not None]
    assert len(screened) >= 5
    lines = [line for path in sorted(ARTICLES.rglob("*")) if path.is_file()
             for line in path.read_text(encoding="utf-8").splitlines()]
    for rule in screened:
        exact = re.compile(rule.pattern, re.IGNORECASE)
        assert [rule.search(line) for line in lines] == [bool(exact.search(line)) for line in lines], rule.pattern
        assert [rule.spans(line) for line in lines] == [[m.span() for m in exact.finditer(line)] for line in lines]


def test_a_screened_plain_rule_answers_as_the_rule_on_every_test_article():
    """sentences.Screened runs a rule only on a text holding one of the words every match holds."""
    rules = [value for module in (edges, filters, flags, verbs, standalone, unpostable) for value in vars(module).values()
             if isinstance(value, Screened)]
    assert len(rules) >= 15 and sum(rule.words is not None for rule in rules) >= 2
    lines = [line for path in sorted(ARTICLES.rglob("*")) if path.is_file()
             for line in path.read_text(encoding="utf-8").splitlines()] + TEXTS
    lines += [sentence for line in lines for sentence in split_sentences(line)] + [
        "I’m here; it’s mine. Our Circle Program helps.", "ME, MYSELF AND I", "Some time, my-self", "I’ve", "İ, me"]
    for splitting in (False, True):  # while an article is split, a rule with `words` is screened on whole words
        with one_split() if splitting else contextlib.nullcontext():
            for rule in rules:
                assert [rule.findall(line) for line in lines] == [rule.pattern.findall(line) for line in lines], (
                    rule.pattern)
                assert [rule.sub("", line) for line in lines] == [rule.pattern.sub("", line) for line in lines]
                assert [bool(rule.search(line.lower())) for line in lines] == [
                    bool(rule.pattern.search(line.lower())) for line in lines]


def test_a_dangling_end_is_found_from_the_end_as_from_the_start():
    """filters.ends_dangling searches only the end of a text, where a match must be."""
    lines = [line for path in sorted(ARTICLES.rglob("*")) if path.is_file()
             for line in path.read_text(encoding="utf-8").splitlines()]
    heads = [line[:end] + tail for line in lines for end in range(0, len(line), 5) for tail in ("", "\n")]
    heads += ["telescope", "cope", "x\ncope", "SUCH", "includes\n\n", "ſuch", "the\n"] + TEXTS
    assert [filters.ends_dangling(head) for head in heads] == [bool(filters._DANGLING_END.search(head))
                                                               for head in heads]


def test_the_lexicon_grouped_by_first_letter_finds_what_its_plain_alternation_finds():
    """The sensitive lexicon is searched as its alternatives grouped by the letter a match opens with (a third of
    the cost); every phrase it finds, at the same place, in every line of the test articles and the sensitive
    corpus, is what the plain alternation finds: the crisis footer depends on it."""
    plain = re.compile(r"\b(?:" + "|".join(p for _, patterns in sensitivity.TOPICS for p in patterns) + ")",
                       re.IGNORECASE)
    corpus = ARTICLES.parent / "sensitivity"
    lines = [line for path in [*ARTICLES.rglob("*.*"), *corpus.glob("*.tsv")] if path.suffix in (".md", ".txt", ".tsv")
             for line in path.read_text(encoding="utf-8").splitlines()] + TEXTS
    found = 0
    for line in lines:
        text = sensitivity.without_everyday(line)
        spans = [match.span() for match in plain.finditer(text)]
        assert sensitivity._FOUND.spans(text) == spans, line
        found += bool(spans)
    assert found > 200  # the lines hold many sensitive phrases, not only ordinary text


@pytest.mark.parametrize(("alternatives", "text"), [
    (["grie(?:f|ving)", "[a-z]+cide", "(?:self-)?harm", "abuse"], "self-harm, grieving and suicide; abuse"),
    (["die", "died", "dying"], "he died; dying"),  # at a place, the first that matches, as in the plain one
    (["a", "ab", "[ab]c"], "ab bc ac"),
])
def test_alternatives_grouped_by_first_letter_match_as_the_plain_alternation(alternatives, text):
    grouped = re.compile(r"\b" + by_first_letter(alternatives))
    plain = re.compile(r"\b(?:" + "|".join(alternatives) + ")")
    assert [m.span() for m in grouped.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_the_scorers_past_tense_count_is_its_rules_on_every_test_article():
    """scorer._past_count counts the words _PAST finds (each match is a whole run of word characters) without
    running the rule; the scorer's "past2" sign, and with it every verdict, rests on the two agreeing."""
    lines = [line for path in sorted(ARTICLES.rglob("*")) if path.is_file()
             for line in path.read_text(encoding="utf-8").splitlines()]
    lines += TEXTS + ["He walked, talked and WAITED.", "ed Ed bed_ed naïveed 3ed", "İt waſ ſaid, Kelvin ſtepped."]
    assert [scorer._past_count(line) for line in lines] == [len(scorer._PAST.spans(line)) for line in lines]
    assert scorer._past_count("He walked, talked and WAITED. Ed fed.") == 4


def test_while_an_article_is_split_a_rule_answers_as_ignorecase_on_every_test_article():
    """While a split runs, a rule is not searched in a text that holds none of its whole words (Caseless.words), and a
    rule made only of such words is answered from them (the text's words read once a split)."""
    lines = [line for path in sorted(ARTICLES.rglob("*")) if path.is_file()
             for line in path.read_text(encoding="utf-8").splitlines()] + TEXTS
    lines += [sentence for line in lines for sentence in split_sentences(line)]
    worded = [rule for rule in RULES if rule.words is not None]
    assert len(worded) >= 20 and sum(rule._only_words for rule in worded) >= 5
    with one_split():
        for rule in worded:
            exact = re.compile(rule.pattern, re.IGNORECASE)
            assert [rule.search(line) for line in lines] == [bool(exact.search(line)) for line in lines], rule.pattern
            assert [rule.match(line) for line in lines] == [bool(exact.match(line)) for line in lines], rule.pattern
            assert [rule.spans(line) for line in lines] == [[m.span() for m in exact.finditer(line)]
                                                            for line in lines], rule.pattern


@pytest.mark.parametrize(("pattern", "words"), [
    (r"\bis the (?:founder|owner)\b", {"founder", "owner"}),
    (r"\b(?:lmft|lpc|ph\.?d)\b", {"lmft", "lpc", "ph", "phd"}),
    (r"\bwe(?:’re|'re| are)?\s+(?:offer|provide)\b", {"offer", "provide"}),
    (r"\b(?:you|your|you’re)\b", {"you", "your"}),
    (r"(?:^|,\s*)(?:call|text)\b[^.!?]{0,40}\b(?:988|hotline)\b", {"call", "text"}),
    (r"\be-?mail us\b", {"email", "mail"}),
    (r"\breach(?:ing)? out\b", {"reach", "reaching"}),
    (r"\w+ing\b", None), (r"[a-z]+ly", None), (r"(?i:abc)", None), (r"abc", None), (r"\babc", None),
    (r"\bab[cd]\b", {"abc", "abd"}), (r"\b(?:abc|\w+)\b", None), (r"(?<=x)abc\b", None),
    (r"(?<![\w’'-])(?:me|my|I’m)(?![\w’'-])", {"me", "my", "I"}), (r"(?<![a-z])me(?!\w)", None),
    (r"(?![\w])me(?<![\w])", None), (r"(?<![^\w])me(?![^\w])", None),
])
def test_the_whole_words_every_match_holds_are_read_from_the_pattern(pattern, words):
    found = whole_words_of(pattern)
    assert (None if found is None else set(found)) == words
    assert screen_of(r"\(\d{4}\)\.|\bdoi:|\bpp?\.\s*\d") == (frozenset(["doi", "p", "pp"]), (").",))
    assert screen_of(r"\b(?:was|\w+ed)\b") is None  # "ed" is inside most texts
    assert Caseless(r"\b(?:you|your|you’re)\b").words == {"you", "your"}


def test_whole_words_read_from_random_patterns_are_held_by_every_match():
    """Random patterns of words, signs, \\b, ^, $, classes, optional, repeated and alternative parts, searched in
    random texts of the same words: every match holds one of the words read from its pattern as a whole word, and a
    pattern of whole words only matches exactly the texts holding one of them."""
    generator = random.Random(7)
    vocabulary = ["a", "ab", "abc", "b", "ba", "c"]
    signs = [" ", ",", ".", "’", "-", "_", "1"]
    edges = [r"\b", r"\b", " ", "", "", ",", r"\s+", r"\s*", "-?", r"\W", "[ ,]", "’", "_", r"\d", "(?!a)", "(?<=b)",
             "[a-c]+", r"\w", ".", r"(?<![\w’-])", r"(?![\w’])", r"(?<![^\w])", r"(?!\w)"]

    def piece(depth: int) -> str:
        kind = generator.randrange(6 if depth < 2 else 3)
        if kind < 3:
            return generator.choice(vocabulary)
        inner = "".join(unit(depth + 1) for _ in range(generator.randrange(1, 3)))
        if kind == 3:
            return f"(?:{inner})?" if generator.random() < 0.5 else f"(?:{inner})+"
        if kind == 4:
            return f"(?:{inner}|{unit(depth + 1)})"
        return f"({inner})"

    def unit(depth: int) -> str:
        return generator.choice(edges + ["^"]) + piece(depth) + generator.choice(edges + ["$"])

    texts = ["".join(generator.choice(vocabulary + signs) for _ in range(generator.randrange(1, 12)))
             for _ in range(300)]
    read = 0
    for _ in range(1500):
        pattern = "".join(unit(0) for _ in range(generator.randrange(1, 4)))
        found, screen = whole_words_of(pattern), screen_of(pattern)
        if screen is None:
            continue
        read += found is not None
        rule = re.compile(pattern)
        for text in texts:
            if rule.search(text):
                assert found is None or not found.isdisjoint(re.findall(r"\w+", text)), (pattern, text, found)
                assert not screen[0].isdisjoint(re.findall(r"\w+", text)) or any(
                    word in text for word in screen[1]), (pattern, text, screen)
    assert read > 200
    for pattern in [r"\b(?:ab|ab’c|b)\b", r"\b(?:a|b)\b", r"\b(?:abc|ab)\b"]:
        rule, only = Caseless(pattern), re.compile(pattern)
        assert rule._only_words
        with one_split():
            assert [rule.search(text) for text in texts] == [bool(only.search(text)) for text in texts]
