"""What can be read from a rule's pattern before any text is searched: the words every match holds (to skip a text
that holds none of them), the letters a match opens with, and the grouping of alternatives by those letters.
Pure functions of the pattern's parsed form (`re._parser`); scheduler.tips.sentences builds its rules on them."""

from __future__ import annotations

import re
from collections.abc import Collection


def opens_with_boundary(pattern: str) -> bool:
    """Whether every match of the pattern starts at a \\b: the parsed pattern is one sequence opening with it
    (`\\ba|b` parses as one alternation, and `\\ba|\\bb` as \\b before one)."""
    if not pattern.startswith(r"\b"):
        return False
    parsed = re._parser.parse(pattern)  # type: ignore[attr-defined]
    return len(parsed) > 0 and parsed[0] == (re._constants.AT, re._constants.AT_BOUNDARY)  # type: ignore[attr-defined]


_FEW_FIRST_LETTERS = 5


def skips_ahead(pattern: str) -> bool:
    """Whether the engine, searching the pattern, skips ahead to the few letters every match opens with (fixed
    first letters, or at most five letters one of which opens every alternative). Only then is a rule opening with
    \\b searched faster without it (and the \\b checked where it is found): otherwise the engine tries every
    alternative at every place, where with the \\b it fails at once inside a word, and each find inside a word is
    one more search (on the 20,000-word bench article, a sentence: _CTA 5.9 µs searched without its \\b, 3.0 µs
    with it; _VERB, whose alternatives open with 18 letters, 5.7 and 3.2; "\\byou" 0.5 and 1.2 the other way)."""
    parsed = re._parser.parse(pattern)  # type: ignore[attr-defined]
    compiler, constants = re._compiler, re._constants  # type: ignore[attr-defined]
    prefix, _skip, _whole = compiler._get_literal_prefix(parsed, 0)
    if prefix:
        return True
    first = compiler._get_charset_prefix(parsed, 0)
    if first is None or any(op is not constants.LITERAL for op, _ in first):
        return False
    return len({letter for _, letter in first}) <= _FEW_FIRST_LETTERS


def required_literals(pattern: str) -> tuple[str, ...] | None:
    """Words of which every match of the pattern (searched without flags) holds at least one, as written in it:
    `\\b(?:call|text) us\\b` -> ("call us", "text us"); `[\\w-]+\\.(?:com|org)\\b` -> (".com", ".org"). None when no
    such words can be read from the pattern (a class or a wildcard in every place, an inline flag)."""
    found = _required(re._parser.parse(pattern))  # type: ignore[attr-defined]
    if not found:
        return None
    return tuple(sorted(word for word in found if not any(other != word and other in word for other in found)))


def by_first_letter(alternatives: list[str]) -> str:
    """The alternation of these patterns, grouped by the letter a match can open with: `(?:(?=a)(?:all that can open
    with a)|(?=b)(?:...)|...|(?![ab...])(?:those whose first letter cannot be read))`. It finds what `(?:p1|p2|...)`
    finds, at the same places (at a place, the alternatives that can match there are tried in their order), but
    the engine tries only the few alternatives of the letter at hand instead of all of them: the sensitive lexicon's
    333 alternatives, over a third opening with a group, cost a third as much so (docs/measuring.md, the eighth
    round). An alternative whose first letter cannot be read (a class, an optional start) is tried everywhere."""
    firsts = [_first_letters(re._parser.parse(pattern)) for pattern in alternatives]  # type: ignore[attr-defined]
    letters = sorted(set().union(*(first for first in firsts if first)))
    anywhere = [pattern for pattern, first in zip(alternatives, firsts, strict=True) if first is None]
    groups = [f"(?={re.escape(letter)})(?:" + "|".join(
        pattern for pattern, first in zip(alternatives, firsts, strict=True) if first is None or letter in first) + ")"
        for letter in letters]
    if anywhere:
        groups.append("(?![" + "".join(map(re.escape, letters)) + "])(?:" + "|".join(anywhere) + ")")
    return "(?:" + "|".join(groups) + ")"


def _first_letters(sequence) -> frozenset[str] | None:
    """The letters every match of this parsed sequence opens with, or None when they cannot be read."""
    constants = re._constants  # type: ignore[attr-defined]
    if not sequence:
        return None
    op, argument = sequence[0]
    if op is constants.LITERAL:
        return frozenset(chr(argument))
    if op is constants.IN and all(kind is constants.LITERAL for kind, _ in argument):
        return frozenset(chr(value) for _, value in argument)
    if op is constants.BRANCH:
        branches = [_first_letters(branch) for branch in argument[1]]
        return None if any(branch is None for branch in branches) else frozenset().union(*branches)  # type: ignore[arg-type]
    if op is constants.SUBPATTERN and not (argument[1] or argument[2]):
        return _first_letters(argument[3])
    if op in (constants.MAX_REPEAT, constants.MIN_REPEAT, constants.POSSESSIVE_REPEAT) and argument[0] >= 1:
        return _first_letters(argument[2])
    return None


_MOST_WORDS = 64  # the most fixed words read as one place of a pattern


def _required(sequence) -> frozenset[str] | None:
    """The best set of words one of which every match of this parsed sequence holds (the fewest, of three letters
    or more when it can), or None. Neighbouring parts that match only fixed words are read as one word: `reach(?:ing)?
    out` -> "reach out", "reaching out"."""
    constants = re._constants  # type: ignore[attr-defined]
    options: list[frozenset[str]] = []
    run = frozenset([""])
    for op, argument in list(sequence) + [(None, None)]:
        fixed = _fixed([(op, argument)]) if op is not None else None
        if fixed is not None:
            options.append(fixed)  # a place alone may be screened on fewer words than its run of neighbours
        if fixed is not None and len(run) * len(fixed) <= _MOST_WORDS:
            run = frozenset(before + after for before in run for after in fixed)
            continue
        options.append(run)
        run = frozenset([""]) if fixed is None else fixed
        if op is constants.SUBPATTERN:
            _group, add_flags, del_flags, inner = argument
            if add_flags or del_flags:
                return None
            options.append(_required(inner) or frozenset())
        elif op is constants.BRANCH:
            alternatives = [_required(alternative) for alternative in argument[1]]
            if all(alternatives):
                options.append(frozenset().union(*alternatives))  # type: ignore[arg-type]
        elif op in (constants.MAX_REPEAT, constants.MIN_REPEAT, constants.POSSESSIVE_REPEAT) and argument[0] >= 1:
            options.append(_required(argument[2]) or frozenset())
    options = [option for option in options if option and "" not in option]
    if not options:
        return None
    return max(options, key=lambda option: (min(5, *map(len, option)), -len(option), min(map(len, option))))


def _fixed(sequence) -> frozenset[str] | None:
    """Every text this parsed sequence can match, when they are few fixed words (`colou?r` -> color, colour);
    a place that matches no text (\\b, a lookahead) adds nothing. None for anything else."""
    constants = re._constants  # type: ignore[attr-defined]
    found = frozenset([""])
    for op, argument in sequence:
        if op is constants.LITERAL:
            choices: frozenset[str] | None = frozenset([chr(argument)])
        elif op is constants.IN:
            choices = frozenset(chr(value) for kind, value in argument if kind is constants.LITERAL) if all(
                kind is constants.LITERAL for kind, _ in argument) else None
        elif op is constants.SUBPATTERN:
            choices = _fixed(argument[3]) if not (argument[1] or argument[2]) else None
        elif op is constants.BRANCH:
            alternatives = [_fixed(alternative) for alternative in argument[1]]
            choices = frozenset().union(*alternatives) if all(  # type: ignore[arg-type]
                alternative is not None for alternative in alternatives) else None
        elif op in (constants.MAX_REPEAT, constants.MIN_REPEAT, constants.POSSESSIVE_REPEAT) and argument[1] <= 1:
            once = _fixed(argument[2])
            choices = None if once is None else (once | {""} if argument[0] == 0 else once)
        elif op in (constants.AT, constants.ASSERT, constants.ASSERT_NOT):
            continue
        else:
            choices = None
        if choices is None or len(found) * len(choices) > _MOST_WORDS:
            return None
        found = frozenset(before + after for before in found for after in choices)
    return found


WORD_RUN = re.compile(r"\w+")
_WORD_CHARACTER = re.compile(r"\w")


def whole_words_of(pattern: str, common: Collection[str] = ()) -> frozenset[str] | None:
    """Words of which every match of the pattern (searched without flags) holds one as a whole word, a run of word
    characters with none just before or after it (what \\b bounds): `\\bis the (?:founder|owner)\\b` -> {founder,
    owner}; `\\b(?:lmft|lpc|ph\\.?d)\\b` -> {lmft, lpc, ph, phd}. The rarest such words are chosen (none of the
    `common` words when the pattern allows). None when no such words can be read (a class or a wildcard in every place, a word
    cut by a class, an inline flag)."""
    screen = screen_of(pattern, common)
    return screen[0] if screen is not None and not screen[1] else None


def screen_of(pattern: str, common: Collection[str] = ()) -> tuple[frozenset[str], tuple[str, ...]] | None:
    """Whole words and written words, every match of the pattern holding one of the whole words (as whole_words_of
    reads them) or one of the written words anywhere in it: the written ones only where a part of the pattern has
    no whole word (`\\(\\d{4}\\)\\.|\\bdoi:` -> {doi} and ")."). None when neither can be read for every part, or
    when a written word is one most texts hold (a `common` word, a letter or two)."""
    parsed = re._parser.parse(pattern)  # type: ignore[attr-defined]
    if parsed.state.flags & ~re.UNICODE:
        return None
    best = _best_words(_words_in(list(parsed), False, False, frozenset(common)), frozenset(common))
    if best is None:
        return None
    written = {word[1:] for word in best if word.startswith(_WRITTEN)}
    if any(word in common or (len(word) < 3 and word.isalpha()) for word in written):
        return None  # "it", "ed": found inside most texts
    return (frozenset(word for word in best if not word.startswith(_WRITTEN)),
            tuple(sorted(word for word in written if not any(other != word and other in word for other in written))))


_WRITTEN = "\x00"  # marks a word that every match holds as written, not as a whole word (no pattern holds it)


def only_whole_words(pattern: str) -> frozenset[str] | None:
    """The words, when the pattern is one of them between two \\b and nothing else (its other alternatives open with
    one of them and a sign: `you’re`): then a text holding one of them as a whole word is a match, and only then."""
    parsed = list(re._parser.parse(pattern))  # type: ignore[attr-defined]
    constants = re._constants  # type: ignore[attr-defined]
    boundary = (constants.AT, constants.AT_BOUNDARY)
    if len(parsed) < 3 or parsed[0] != boundary or parsed[-1] != boundary:
        return None
    written = _fixed(parsed[1:-1])
    if not written or "" in written:
        return None
    plain = frozenset(word for word in written if WORD_RUN.fullmatch(word))
    if all((opening := WORD_RUN.match(word)) is not None and opening.group(0) in plain for word in written):
        return plain
    return None


def _words_in(sequence: list, left: bool, right: bool, common: frozenset[str]) -> list[frozenset[str]]:
    """Sets of words, each set holding a whole word of every match of the parsed sequence. `left`, `right`: whether
    what comes before (after) the sequence is never a word character."""
    constants = re._constants  # type: ignore[attr-defined]
    zero_width = (constants.AT, constants.ASSERT, constants.ASSERT_NOT)
    found: list[frozenset[str]] = []
    start = 0
    while start < len(sequence):
        op, argument = sequence[start]
        end, written = start, frozenset([""])
        while end < len(sequence) and sequence[end][0] not in zero_width:
            fixed = _fixed(sequence[end:end + 1])
            if fixed is None or len(written) * len(fixed) > _MOST_WORDS:
                break
            written = frozenset(before + after for before in written for after in fixed)
            end += 1
        if end > start:
            option = _whole_words_written(written, _closes_apart(sequence[:start], left),
                                          _opens_apart(sequence[end:], right), common)
            if option:
                found.append(option)
            elif "" not in written:
                found.append(frozenset(_WRITTEN + word for word in written))
            start = end
            continue
        before, after = _closes_apart(sequence[:start], left), _opens_apart(sequence[start + 1:], right)
        if op is constants.SUBPATTERN and not (argument[1] or argument[2]):
            inner = _best_words(_words_in(list(argument[3]), before, after, common), common)
            if inner:
                found.append(inner)
        elif op is constants.BRANCH:
            alternatives = [_best_words(_words_in(list(alternative), before, after, common), common)
                            for alternative in argument[1]]
            if all(alternatives):
                found.append(frozenset().union(*alternatives))  # type: ignore[arg-type]
        start += 1
    return found


def _whole_words_written(written: frozenset[str], left: bool, right: bool, common: frozenset[str]
                         ) -> frozenset[str] | None:
    """One whole word of each of these texts (the rarest), as a set; None when one of them holds none."""
    chosen = set()
    for text in written:
        whole = [run.group(0) for run in WORD_RUN.finditer(text)
                 if (run.start() > 0 or left) and (run.end() < len(text) or right)]
        if not whole:
            return None
        chosen.add(max(whole, key=lambda word: _rarity(word, common)))
    return frozenset(chosen)


def _rarity(word: str, common: frozenset[str]) -> tuple[bool, int]:
    return word not in common, min(len(word), 6)


def _best_words(options: list[frozenset[str]], common: frozenset[str]) -> frozenset[str] | None:
    """The set a text is least likely to hold a word of: whole words only when it can (a written word is found
    inside others), the fewest common words, the longest words, the fewest."""
    if not options:
        return None
    return max(options, key=lambda option: (not any(word.startswith(_WRITTEN) for word in option),
                                            -sum(word in common or len(word.lstrip(_WRITTEN)) < 3 for word in option),
                                            min(len(word.lstrip(_WRITTEN)) for word in option), -len(option)))


def _opens_apart(sequence: list, after: bool) -> bool:
    """Whether what the parsed sequence matches, followed by what comes after it (`after`: never a word character),
    opens with no word character, just after a word character (so a \\b there says the same)."""
    apart, empty = _first_sign(sequence, reverse=False)
    return apart and (not empty or after)


def _closes_apart(sequence: list, before: bool) -> bool:
    """Whether what the parsed sequence matches, after what comes before it, ends on no word character, just before
    a word character."""
    apart, empty = _first_sign(sequence, reverse=True)
    return apart and (not empty or before)


def _first_sign(sequence, *, reverse: bool) -> tuple[bool, bool]:
    """(whether the first character the sequence matches, read forward or backward, is never a word character,
    whether it may match nothing). A \\b or an end of the text decides it: the character on its other side is a word
    character."""
    constants = re._constants  # type: ignore[attr-defined]
    ends = (constants.AT_BEGINNING, constants.AT_BEGINNING_STRING) if reverse else (constants.AT_END,
                                                                                     constants.AT_END_STRING)
    for op, argument in (reversed(sequence) if reverse else sequence):
        if op is constants.AT:
            if argument is constants.AT_BOUNDARY or argument in ends:
                return True, False
            return False, False
        if op is constants.ASSERT_NOT and argument[0] == (-1 if reverse else 1) and _excludes_words(argument[1]):
            return True, False  # `(?<![\w’'-])` before a word, `(?![\w’'-])` after it: no word character there
        if op in (constants.ASSERT, constants.ASSERT_NOT):
            continue
        apart, empty = _item_sign(op, argument, reverse=reverse)
        if not apart:
            return False, False
        if not empty:
            return True, False
    return True, True


def _excludes_words(sequence) -> bool:
    """Whether the parsed sequence is one character of a class holding every word character (what a negative
    lookaround before or after a word needs to say that no word character stands there)."""
    constants = re._constants  # type: ignore[attr-defined]
    return len(sequence) == 1 and sequence[0][0] is constants.IN and (
        constants.CATEGORY, constants.CATEGORY_WORD) in sequence[0][1] and (constants.NEGATE, None) not in sequence[0][1]


def _item_sign(op, argument, *, reverse: bool) -> tuple[bool, bool]:
    constants = re._constants  # type: ignore[attr-defined]
    if op is constants.LITERAL:
        return not _WORD_CHARACTER.match(chr(argument)), False
    if op is constants.IN:
        apart = all((kind is constants.LITERAL and not _WORD_CHARACTER.match(chr(value)))
                    or (kind is constants.CATEGORY and value in (constants.CATEGORY_SPACE, constants.CATEGORY_NOT_WORD))
                    for kind, value in argument)
        return apart, False
    if op in (constants.MAX_REPEAT, constants.MIN_REPEAT, constants.POSSESSIVE_REPEAT):
        apart, empty = _first_sign(argument[2], reverse=reverse)
        return apart, empty or argument[0] == 0
    if op is constants.SUBPATTERN and not (argument[1] or argument[2]):
        return _first_sign(argument[3], reverse=reverse)
    if op is constants.BRANCH:
        signs = [_first_sign(alternative, reverse=reverse) for alternative in argument[1]]
        return all(apart for apart, _ in signs), any(empty for _, empty in signs)
    return False, False
