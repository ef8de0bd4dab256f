"""A compact model that reads one candidate sentence as a follower would, alone on a phone: is it advice that
stands by itself, or does it lean on what came before, tell a setup or a story, sell the practice, or only name a
section?

Logistic regression (softmax over the labels below) on the sentence's words and word pairs and on a few
structural signs (where it sits in its paragraph, its length, "you", an imperative opening, a pronoun or
demonstrative opening, "we/our", a question, digits, a line without a full stop). The weights are trained by
`python -m bench.train_scorer` on the labelled sentences in tests/data/scorer/
(docs/splitting.md, "The scorer") and shipped in scorer.json; scoring is a dict lookup per feature and a softmax, no new dependency.
Same sentence, same score.
"""

from __future__ import annotations

import functools
import json
import math
import operator
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from scheduler.tips.filters import tidy
from scheduler.tips.sentences import (
    Caseless,
    lowered_text,
    per_split,
    split_sentences,
    words,
)
from scheduler.tips.verbs import is_imperative

LABELS = ("advice", "context", "setup", "pitch", "heading", "other")
MODEL_FILE = Path(__file__).with_name("scorer.json")

# What a tip's note says when the model does not read its opening sentence as advice that stands alone.
REASONS = {
    "context": "leans on what came before: check it reads alone",
    "setup": "reads like a setup or a story, not advice",
    "pitch": "sounds like the practice's own pitch, not a tip",
    "heading": "reads like a heading, not advice: add what makes it a tip",
    "other": "not advice by itself: check it says something a follower can use",
    "advice": "the model is unsure it stands alone as advice: read it first",
}
# What split's left-out report says for a candidate the model is sure is not a tip.
LEFT_OUT = {
    "context": "needs context (the model reads it as leaning on what came before)",
    "setup": "setup or story (the model reads it as no advice by itself)",
    "pitch": "pitch (the model reads it as the practice's own selling)",
    "heading": "heading alone (the model reads it as no advice by itself)",
    "other": "not advice (the model reads it as no tip by itself)",
}

_OPENER = re.compile(r"^(?:this|that|these|those|they|them|it|its|it’s|it's|such|here|there|both|another|other|"
                     r"also|however|but|and|so|then|instead|still|yet|again|likewise|similarly|otherwise|"
                     r"during|after|before|when|while|once|doing|if so)\b", re.IGNORECASE)
_WE = Caseless(r"\b(?:we|our|ours|us|we’re|we're|we’ll|we'll|we’ve|we've)\b")
_I = re.compile(r"(?<![\w’'-])(?:I|I’m|I'm|I’ve|I've|I’ll|I'll|I’d|I'd|me|my|myself)(?![\w’'-])")
_YOU = Caseless(r"\b(?:you|your|yours|yourself|you’re|you're|you’ll|you'll|you’ve|you've)\b")
_MODAL = Caseless(r"\b(?:can|may|might|could|should|must|try|helps?)\b")
_PAST = Caseless(r"\b(?:was|were|had|did|felt|said|told|came|went|\w+ed)\b")
_PAST_WORDS = frozenset(["was", "were", "had", "did", "felt", "said", "told", "came", "went"])
_RUN = re.compile(r"\w+")
_TOKEN = re.compile(r"[a-z0-9’']+|[?!:;—–]")
_DIGIT = re.compile(r"\d")
_QUOTE = re.compile(r"[“\"]")
_LINK = re.compile(r"https?:|www\.|\.com\b")


@dataclass(frozen=True)
class Candidate:
    """One unit the splitter considers: a paragraph's sentence, a list item or a section heading."""

    text: str
    kind: str  # sentence | item | heading
    index: int = 0  # its place in its paragraph or list
    total: int = 1  # sentences in the paragraph, items in the list
    first_block: bool = False  # in the first block under its heading


@dataclass(frozen=True)
class Verdict:
    label: str  # the likeliest label
    advice: float  # the probability that it stands alone as advice
    probabilities: tuple[float, ...]

    def sure_not_advice(self, threshold: float) -> bool:
        return self.label != "advice" and self.probabilities[LABELS.index(self.label)] >= threshold


def features(candidate: Candidate) -> list[str]:
    before, after = _around(candidate)
    said, signs = _text_features(candidate.text)
    return [*before, *said, *after, *signs]


def _around(candidate: Candidate) -> tuple[list[str], list[str]]:
    """The features that are not the text's: its kind (before the text's words) and its place (after them)."""
    place = "only" if candidate.total <= 1 else "first" if candidate.index == 0 else (
        "last" if candidate.index == candidate.total - 1 else "middle")
    return ["bias", f"kind:{candidate.kind}"], [f"pos:{candidate.kind}:{place}"] + (
        [f"firstblock:{place}"] if candidate.first_block else [])


@per_split  # the same words are judged as a sentence, as a headline and as a tip's: read once per split
def _text_features(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """What the candidate's text alone shows, wherever it stands: its words, word pairs, first and last words and
    length (read before its place), and its signs (read after it)."""
    text = text.strip()
    lowered = text.lower().replace("’", "'")
    tokens = _TOKEN.findall(lowered)
    found = [*map("w:".__add__, tokens), *map("b:{}_{}".format, tokens, tokens[1:])]  # each pair of neighbours
    if tokens:
        found.append(f"f:{tokens[0]}")
        found.append(f"f2:{'_'.join(tokens[:2])}")
        found.append(f"l:{tokens[-1]}")
    found_words = words(text)
    count = len(found_words)
    found.append("len:" + ("1-3" if count <= 3 else "4-7" if count <= 7 else "8-14" if count <= 14 else
                           "15-24" if count <= 24 else "25+"))
    signs = []
    for name, present in (("you", _YOU.search(text)), ("we", _WE.search(text)), ("i", _I.search(text)),
                          ("imperative", is_imperative(text)), ("opener", _OPENER.match(text)),
                          ("modal", _MODAL.search(text)), ("question", text.endswith("?")),
                          ("digit", _DIGIT.search(text)), ("colon", text.endswith(":")),
                          ("bang", text.endswith("!")), ("noperiod", not text.endswith((".", "!", "?", "…"))),
                          ("quote", _QUOTE.search(text)), ("link", _LINK.search(lowered)),
                          ("past2", _past_count(text) >= 2),
                          ("titlecase", count >= 2 and sum(w[:1].isupper() for w in found_words) * 2 > count)):
        if present:
            signs.append(f"has:{name}")
    return tuple(found), tuple(signs)


def _past_count(text: str) -> int:
    """How many of the text's words _PAST finds: a match of it is a whole run of word characters (it opens and
    closes at \\b), so the runs are counted instead of running `\\w+ed` from every letter of the sentence."""
    lowered = lowered_text(text)
    if lowered is None:
        return len(_PAST.spans(text))
    return sum(1 for run in _RUN.findall(lowered) if run in _PAST_WORDS or (len(run) > 2 and run.endswith("ed")))


def load_model(path: Path, field: str, expected: tuple[str, ...]) -> dict:
    """A small model shipped as JSON beside its code, refused when its `field` (labels, features) is not the
    code's: a model trained for other inputs would score nonsense quietly."""
    with open(path, encoding="utf-8") as handle:
        data = json.load(handle)
    if tuple(data[field]) != expected:
        raise ValueError(f"{path.name}: {field} {data[field]} are not {list(expected)}")
    return data


@functools.cache
def _model() -> dict:
    return load_model(MODEL_FILE, "labels", LABELS)


def thresholds() -> dict[str, float]:
    """ready: the advice probability above which a tip may be ready; drop: how sure the model must be that a
    candidate is not advice to leave it out (both chosen from the leave-one-practice-out figures)."""
    return dict(_model()["thresholds"])


def judge(candidate: Candidate) -> Verdict:
    weights = _model()["weights"]
    before, after = _around(candidate)
    said, signs = _text_rows(candidate.text)
    rows = [*_rows(weights, before), *said, *_rows(weights, after), *signs]  # in features()' order
    # each label's weights added in the features' order, as one running sum each (not sum(): Python 3.12's
    # compensated sum would move the last digit, and with it a verdict on a threshold)
    sums = [functools.reduce(operator.add, column, 0.0) for column in zip(*rows)] if rows else [0.0] * len(LABELS)
    top = max(sums)
    exps = [math.exp(value - top) for value in sums]
    total = sum(exps)
    probabilities = tuple(value / total for value in exps)
    best = probabilities.index(max(probabilities))  # on a tie, the first label
    return Verdict(label=LABELS[best], advice=probabilities[0], probabilities=probabilities)


def _rows(weights: dict[str, list[float]], names) -> list[list[float]]:
    return [row for row in map(weights.get, names) if row is not None]


@per_split
def _text_rows(text: str) -> tuple[list[list[float]], list[list[float]]]:
    """The weights of the text's own features (_text_features), looked up once per split."""
    weights = _model()["weights"]
    said, signs = _text_features(text)
    return _rows(weights, said), _rows(weights, signs)


def candidates(article) -> Iterator[Candidate]:
    """Every unit of the article the splitter considers, in reading order: each section heading, each sentence
    of each paragraph (a bold lead-in first), each list item. The labels in tests/data/scorer/ are keyed by
    this order (unit number) and the sentence's digest, so the text itself need not be kept."""
    for section in article.sections:
        if section.heading:
            yield Candidate(text=section.heading, kind="heading")
        for position, block in enumerate(section.blocks):
            first = position == 0
            if block.kind == "list":
                for index, item in enumerate(block.items):
                    yield Candidate(text=item.full, kind="item", index=index, total=len(block.items),
                                    first_block=first)
                continue
            sentences = split_sentences(block.text) if block.text else []
            if block.lead:
                sentences = [block.lead] + sentences
            sentences = [tidy(sentence) for sentence in sentences]
            for index, sentence in enumerate(sentences):
                yield Candidate(text=sentence, kind="sentence", index=index, total=len(sentences),
                                first_block=first)
