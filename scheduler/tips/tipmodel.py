"""A judgement of a whole tip, as outside graders read it alone on a phone: postable as it comes (A), or not
postable (C), learned from their grades of split's own tips on other practices' articles.

The sentence scorer (scheduler.tips.scorer) reads one candidate sentence; readiness's checks
(scheduler.tips.standalone) name problems in the words split writes. This reads the finished tip: a handful of
numbers (the scorer's advice probability for its headline, its length, a tip of one line, "you", a command in
the headline, a pronoun, a question, an example of what to say, the sensitive flag, and whether the rules call it
ready), and two logistic regressions (a dot product each) give P(A) and P(C). The weights and thresholds are trained by
`python -m bench.train_tips` on graded tips (tests/data/devset/tips.tsv; docs/splitting.md, "The tip model") and
shipped in tipmodel.json. Same tip, same numbers.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass
from pathlib import Path

from scheduler.articles import Article, Block
from scheduler.tips.conditions import after_condition, opens_on_condition
from scheduler.tips.filters import extraposed
from scheduler.tips.scorer import Candidate, judge, load_model
from scheduler.tips.sentences import Caseless, content_words, split_sentences, words
from scheduler.tips.verbs import IMPERATIVES, has_verb, is_command, is_imperative

MODEL_FILE = Path(__file__).with_name("tipmodel.json")

# What a tip's note says when the model holds back a tip the rules would call ready, and what the left-out
# report says for a tip split does not keep because graders would likely not post it (P(C) at least `drop`).
NOT_SURE = "outside graders often edited tips like this one: read it first"
LEFT_OUT = "not kept by the tip model: outside graders rarely posted tips like this one as they are{}"


def left_out_reason(notes) -> str:
    """The left-out report's reason for a tip split does not keep, with the rules' first doubt."""
    return LEFT_OUT.format(f": {notes[0]}" if notes else "")


_YOU = Caseless(r"\b(?:you|your|yours|yourself|you’re|you're|you’ll|you'll|you’ve|you've)\b")
_THEY = Caseless(r"\b(?:they|them|their|theirs|themselves|he|him|his|she|her|it)\b")
# A headline that opens on a word pointing outside it ("It means…", "Others stay…", "Not a toolkit.").
_POINTER = Caseless(r"[“\"‘(]*(?:it|it’s|it's|this|that|these|those|they|they’re|they're|them|others|some|such|"
                    r"another|both|here|there|not|instead|also|but|so|and|or)\b")
# An image or a comparison ("Think of it like…", "is like a…", "imagine"): graders call one alone a metaphor.
_IMAGE = Caseless(r"\b(?:think of (?:it|this|that)|is like|are like|like a|like an|as if|as though|picture|imagine)\b")
# Advice given through a modal or a softener rather than a command ("it helps to", "you should", "try").
_MODAL = Caseless(r"\b(?:should|try|consider|it helps?|can help|may help|might help|helps? to|remember|"
                  r"it’s (?:okay|ok|important|worth)|it's (?:okay|ok|important|worth)|is (?:important|okay) to)\b")

SHORT_WORDS, LONG_WORDS = 12, 30
FRAGMENT_WORDS = 6  # an opening sentence this short with no verb is a label or a fragment; a longer one is often
# an action named by its -ing ("Learning to accept intrusive thoughts without engaging with them…"), graded B

# Chosen leave-one-practice-out on the graded tips (bench/train_tips.py): the rules' own notes, the scorer's
# other readings, a list item or a heading alone told the graders' grades no better than these do.
PLACE = ("opens_section", "mid_paragraph", "in_list", "list_size", "after_colon", "after_question", "share_kept")
FEATURES = ("bias", "advice", "words", "one_line", "sensitive", "you", "command", "they", "rules_ready",
            "example", "question", "fragment", "opens_pointer", "image", "modal", "short", "long") + PLACE


class Places:
    """Where a tip stands in its article, read from the block and sentence it opens on (its `source`): built once
    per article (an index of its blocks), then a few comparisons per tip. Graders' "leans on context" and "list
    item alone" are about the tip's place, not its words: the sentence before it, its list, its paragraph."""

    def __init__(self, article: Article):
        self._where: dict[int, tuple[Block | None, Block, bool]] = {}
        self._known: dict[int, frozenset[str]] = {}  # what a reader knows of a block's topic: title and heading
        before: Block | None = None
        for section in article.sections:
            known = content_words(f"{article.title} {section.heading or ''}")
            for index, block in enumerate(section.blocks):
                self._where[block.number] = (before, block, index == 0 and section.heading is not None)
                self._known[block.number] = known
                before = block

    def numbers(self, paragraph: int, sentence: int, text: str) -> dict[str, float]:
        """The place numbers of a tip opening on sentence (or list item) `sentence` of block `paragraph`."""
        found = self._where.get(paragraph)
        if found is None:
            return dict.fromkeys(PLACE, 0.0)
        before, block, heads = found
        listed = block.kind == "list"
        sentences = [] if listed else split_sentences(block.text)
        earlier = sentences[sentence - 2] if 1 < sentence <= len(sentences) + 1 else _last_words(before)
        whole = len(words(" ".join(item.full for item in block.items) if listed else block.text)) or 1
        alone = not listed and 1 < sentence <= len(sentences) and step_stands_alone(
            sentences[sentence - 1], sentences[:sentence - 1], known=self._known[paragraph])
        return {
            "opens_section": float((heads and sentence <= 1) or alone),
            "mid_paragraph": float(not listed and sentence > 1 and not alone),
            "in_list": float(listed),
            "list_size": min(len(block.items), 10) / 10 if listed else 0.0,
            "after_colon": float(not listed and earlier.rstrip().endswith(":")),
            "after_question": float(earlier.rstrip().endswith("?")),
            "share_kept": min(len(words(text)) / whole, 1.0),
        }


    def opening(self, paragraph: int, sentence: int) -> str:
        """The article's own words a tip opening on sentence (or list item) `sentence` of block `paragraph` starts
        from: that sentence, or that item ("" when the article has no such place now)."""
        found = self._where.get(paragraph)
        if found is None:
            return ""
        block = found[1]
        said = [item.full for item in block.items] if block.kind == "list" else split_sentences(block.text)
        return said[sentence - 1] if 0 < sentence <= len(said) else ""


# What ties a step to the sentences before it in its paragraph. In the step itself: a word of sequence or addition
# ("Then …", "Next, …", "… too", "Do the same …", "Try another …", "… instead", "… again", "You can still …").
_TIED = Caseless(r"^[“\"‘(]*(?:then|next|first|second|third|finally|lastly|afterwards?|after that|later|meanwhile|"
                 r"otherwise|plus|besides|similarly|likewise|additionally|in addition|from there|at that point|"
                 r"in that moment|in the meantime)\b|\b(?:also|too|as well|instead|again|still|another|then|"
                 r"(?:do|does|doing|try|say|the) the same(?! \w+ (?:as|each))|the same (?:way|thing|again)|"
                 r"the same\W*$)\b|\bfirst\W*$")  # "Try listening first.": first, before what the sentence before said
# ... or a word that points back at what the paragraph said ("Read about it together …", "Ask what they need.", "Do
# that daily."): the rules' own checks read these for a tip's words; here they say the step is its paragraph's.
_POINTS_BACK = Caseless(r"\b(?:it|its|this|these|those|they|them|their|theirs|he|him|his|she|her|hers|such|"
                        r"there|each(?! other| day| morning| evening| night| week| time))\b|"
                        r"\b(?:do|try|say|use|keep|avoid|practi[cs]e|repeat) that\b|\bthat\W*$")
# A noun first that reads as a verb: "Work anxiety rarely stays at work." is a statement, not the step "Work".
_A_STATEMENT = Caseless(r"^[“\"‘(]*\w+(?:\s+\w+)?\s+(?:rarely|often|usually|always|never|sometimes|seldom|can|"
                        r"cannot|can’t|can't|may|might|will|would|is|are|was|were|has|have|had|does|doesn’t|"
                        r"doesn't|tends?|means?|looks?|feels?|stays?|becomes?|comes?)\b")
# Before it: a sentence that sets the case the steps after it are for ("If your teen talks about wanting to die, …",
# "When panic rises, …", "For example, …", "Here is how: …", "Try this: …", "Sometimes …"), or one that ends on a
# colon or a question: the steps after it answer it.
_SETS_THE_CASE = Caseless(r"^[“\"‘(]*(?:for example|for instance|here(?:’s|'s| is| are)|try this|this is how|"
                          r"that is how|the next|as soon as|each time|every time|next time|any ?time|in that case|"
                          r"at first|sometimes|at times|on days)\b")


def step_stands_alone(sentence: str, earlier: list[str], *, known: frozenset[str] = frozenset()) -> bool:
    """Whether a step mid-paragraph leans on nothing before it, as the first words under a heading do: it is a
    command ("Share how you feel using “I” statements."; a condition of its own in front is fine), no word of it
    ties it to the sentences before (a sequence, "too", "the same", "instead"), and no sentence before it in the
    paragraph sets the case it is a step for (a condition, "For example", a colon or a question). The bundled
    article's "Share how you feel …" after "Approach the topic during a calm moment …" and user trial 8's "Ask for a
    meeting with the school counselor …" after "You do not have to solve this alone …" stand alone; "Then name five
    things you can see." and "Stay with your teen, …" two sentences after "If your teen talks about wanting to die,
    …" do not. The rules' own checks of its words (a pronoun, "the topic") still hold it back where they fire."""
    step = sentence.strip()
    own = after_condition(step).lstrip("“\"‘(")
    if not is_command(own) or _A_STATEMENT.match(own) or _TIED.search(step) or _POINTS_BACK.search(own):
        return False
    if _stems(content_words(own)) & _stems(content_words(" ".join(earlier))) - _stems(known):
        return False  # it goes on with what the sentence before named ("… a healthy lifestyle … Make sure to eat a
        # healthy diet …"): the title's and heading's words aside, which a reader of the post is told by its topic
    return not any(opens_on_condition(before.strip().lstrip("“\"‘(")) or _SETS_THE_CASE.match(before.strip())
                   or before.rstrip().endswith((":", "?")) for before in earlier)


def _stems(found: frozenset[str]) -> frozenset[str]:
    """Words as their first five letters ("healthy", "health"; "request", "requests"): a crude stem, enough to see
    a step name again what the sentence before it named; verbs of steps aside ("Ask for a meeting …" and "when your
    teen asks to come home" name nothing in common)."""
    return frozenset(word[:5] for word in found if word not in IMPERATIVES and word.rstrip("s") not in IMPERATIVES)


def _last_words(block: Block | None) -> str:
    if block is None:
        return ""
    if block.kind == "list":
        return block.items[-1].full if block.items else ""
    return block.text


@dataclass(frozen=True)
class TipVerdict:
    postable: float  # P(A): postable as it comes
    unpostable: float  # P(C): not postable


def tip_features(headline: str, text: str, notes, *, ready: bool, kind: str = "sentence",
                 sensitive: bool = False, place: dict[str, float] | None = None) -> list[float]:
    """The numbers the model reads, in FEATURES' order, from what split wrote (before this model's own say)."""
    values = {
        "bias": 1.0,
        "sensitive": float(sensitive),
        "rules_ready": float(ready),
        "example": float(kind in ("example", "quote")),
        **word_numbers(headline, text),
        **(place or dict.fromkeys(PLACE, 0.0)),
    }
    return [values[name] for name in FEATURES]


def word_numbers(headline: str, text: str) -> dict[str, float]:
    """The numbers read from the tip's words alone (the rest are split's: the rules' ready, the sensitive flag, an
    example of what to say): what training can compute again from a graded tip's words."""
    count = len(words(text))
    return {
        "advice": judge(Candidate(text=headline, kind="sentence")).advice,
        "words": min(count, 60) / 60,
        "short": float(count <= SHORT_WORDS),  # graders' A is rare below a dozen words and common from thirty:
        "long": float(count >= LONG_WORDS),  # not a straight line in the count
        "one_line": float(text.strip() == headline.strip()),
        "you": float(bool(_YOU.search(text))),
        "command": float(is_imperative(headline)),
        "they": float(bool(_THEY.search(text))),
        "question": float("?" in text),
        **word_signs(headline, text),
    }


def word_signs(headline: str, text: str) -> dict[str, float]:
    """What the tip's own words show, read once per tip: an opening sentence of a few words with no verb and no
    command (a label or a list item's fragment: "Your belongings and resources."), a headline opening on a word that
    points outside it, an image or comparison, advice given through a modal."""
    first = next(iter(split_sentences(text)), text)
    return {
        "fragment": float(len(words(first)) <= FRAGMENT_WORDS and not has_verb(first) and not is_command(first)),
        "opens_pointer": float(bool(_POINTER.match(headline)) and not extraposed(headline)),
        "image": float(_IMAGE.search(text)),
        "modal": float(_MODAL.search(text)),
    }


@functools.cache
def _model() -> dict:
    return load_model(MODEL_FILE, "features", FEATURES)


def thresholds() -> dict[str, float]:
    """ready: the P(A) a tip the rules call ready needs to stay ready (with ready_alone 1: that any tip needs to
    be ready, whatever the rules' notes); drop: the P(C) at which split does not keep a tip (chosen
    leave-one-practice-out by bench.train_tips: what split keeps)."""
    return dict(_model()["thresholds"])


# A tip the rules call ready stays ready only when its shape is one outside graders mostly posted as it came: of
# SHORT_WORDS + 1 to LONG_WORDS - 1 words, not drawn from a list, not flagged (a flagged tip waits for a person's
# acknowledgement anyway: never approved in one step), and opening its section (the first words under a heading
# lean on nothing the article said before them). Chosen leave-one-practice-out, docs/splitting.md "Ready". Each
# shape that holds a tip back names the problem in the note the tip gets instead.
HELD = {
    "sensitive": "a sensitive topic: read it and acknowledge the flag before it goes out",
    "long": "30 words or more: outside graders mostly trimmed such tips; shorten it",
    "in_list": "one item of a list: check it says enough without the list and its lead-in",
    "short": "12 words or fewer: check it gives enough to act on (a how or a why)",
}
HELD_SHAPES = tuple(HELD)
PRIVATE = "names someone or how to reach them (privacy): read it before it goes out"
# A tip that does not open its section, by what its place shows it may lean on (the first that applies).
LEANING = {
    "opens_pointer": "opens on a word pointing outside it (it, this, some…): say what it means",
    "after_question": "answers a question the article asked before it: check it stands alone",
    "after_colon": "follows a sentence ending on a colon: check it stands without it",
    "mid_paragraph": "starts mid-paragraph: check it does not lean on the sentence before it",
}
NOT_OPENING = "not the first words under a heading: check it leans on nothing before it"
# The notes that speak of where the tip stands in its article, not of its words: a person's edit leaves them true.
PLACE_NOTES = (HELD["in_list"], NOT_OPENING, *(LEANING[name] for name in ("after_question", "after_colon",
                                                                          "mid_paragraph")))
# For a tip held back by its P(A): the sign that lowers it most against the average graded tip.
SIGNS = {
    "advice": "reads as a description, not advice: check it gives a follower a step",
    "fragment": "opens on a fragment with no verb: make it a sentence",
    "question": "asks a question: check the tip gives the answer",
    "image": "an image or a comparison: check it makes sense without the article",
    "share_kept": "a small part of its paragraph: check it carries the point alone",
    **LEANING,
}
# A tip held back by a doubt alone (the scorer's, the tip model's), of a shape that may be ready and with no sign
# in its words: why it is not ready is its P(A) under `ready`, said with both numbers.
UNLIKELY = "graders posted few tips like it as they came (P(A) {:.2f} < {:.2f}): read it first"
# ... and one the tip model would let be ready, held back by the scorer's doubt alone (the rules' say)
DOUBTED = "held back by the scorer’s doubt alone, no fault seen: it may go as it is"
MODEL_NOTES = tuple(dict.fromkeys((*HELD.values(), PRIVATE, NOT_OPENING, *SIGNS.values(), NOT_SURE,
                                   UNLIKELY.split(" (")[0], DOUBTED)))


def flag_note(flags) -> str | None:
    """The note a tip with these unacknowledged flags is held back with (a flagged tip is never ready: a person
    reads it and acknowledges the flag first); None when it has neither flag."""
    if "sensitive" in flags:
        return HELD["sensitive"]
    return PRIVATE if "privacy" in flags else None


def held_shape(values) -> str | None:
    """The note naming why a tip (its numbers, in FEATURES' order) is not ready by its shape, whatever its P(A);
    None when its shape may be ready."""
    found = dict(zip(FEATURES, values))
    held = next((note for name, note in HELD.items() if found[name]), None)
    if held or found["opens_section"]:
        return held
    return next((note for name, note in LEANING.items() if found[name]), NOT_OPENING)


def why_not_ready(values, postable: float, limits: dict[str, float]) -> str | None:
    """The note naming why the model does not let a tip be ready (its shape, or P(A) under `ready`: the sign that
    lowers it most); None when it may be ready."""
    held = held_shape(values)
    if held or postable >= limits["ready"]:
        return held
    return weakest_sign(values)


def stays_ready(values, postable: float, limits: dict[str, float]) -> bool:
    """Whether the model lets a tip be ready: of a shape graders mostly posted as it came, and P(A) at least
    `ready`."""
    return why_not_ready(values, postable, limits) is None


def weakest_sign(values) -> str:
    """The note for the sign that lowers the tip's P(A) most against the average graded tip (`means` in the model
    file), or the model's plain doubt when no sign it can name lowers it."""
    model = _model()
    weights, means = dict(zip(FEATURES, model["weights"]["A"])), dict(zip(FEATURES, model["means"]))
    pulls = [(weights[name] * (value - means[name]), name) for name, value in zip(FEATURES, values) if name in SIGNS]
    pull, name = min(pulls, default=(0.0, ""))
    return SIGNS[name] if pull < 0 else NOT_SURE


def shown_reason(values) -> str | None:
    """What a tip's numbers show for certain against its being ready: its shape (held_shape), or a sign its words
    have (a fragment, a question, an image); never opens_pointer (it reads "Some people" as one) nor the scorer's
    reading of it as a description (a probability: "Press your feet firmly into the ground." has a low one); None
    when they show none."""
    held = held_shape(values)
    if held:
        return held
    found = dict(zip(FEATURES, values))
    return next((SIGNS[name] for name in ("fragment", "question", "image") if found[name] == 1.0), None)


def probability(weights, values) -> float:
    total = 0.0
    for weight, value in zip(weights, values):
        total += weight * value  # in FEATURES' order, one running sum: the same digits on every Python
    return 1.0 / (1.0 + math.exp(-total)) if total >= 0 else math.exp(total) / (1.0 + math.exp(total))


def judge_tip(values: list[float]) -> TipVerdict:
    model = _model()
    return TipVerdict(postable=probability(model["weights"]["A"], values),
                      unpostable=probability(model["weights"]["C"], values))
