"""A list's lead-in that names nothing: "Some that families tell us meant the most:", "A few that help:", "Here are
some:". Its "some" stands for a noun the sentence before it said ("Specific offers are easier to accept."); alone, on
a card or opening a post, it is a fragment (issue 19, trial 6: graded C, and with no note it was the one tip plain
`approve` approved). The list's tip takes its headline from that sentence, else from a first item that is a
sentence, else it is held back with ELLIPTICAL_NOTE (scheduler.tips.lists)."""

from __future__ import annotations

from scheduler.tips.drafts import (
    MAX_HEADLINE,
    headline_score,
    make_headline,
    whole_sentence,
)
from scheduler.tips.filters import is_question
from scheduler.tips.sentences import Caseless, split_sentences

_QUANTITY = r"(?:some|a few|a couple|several|many|most|others|plenty|the ones|ones|two|three|four|five)(?:\s+more)?"
# the quantity followed by what would follow its missing noun: a relative word, "of these", or a pronoun ("Some we
# love"); not a noun ("Some families tell us …" has one)
_ELLIPTICAL = Caseless(
    r"^(?:here(?:’|')s|here is|here are)(?:\s+" + _QUANTITY + r")?(?:\s+(?:that|which|who)\b.*)?$"
    r"|^" + _QUANTITY + r"(?:\s+(?:that|which|who|we|you|i|they)\b.*"
    r"|\s+of\s+(?:them|these|those)\b.*)?$")
ELLIPTICAL_NOTE = ("the list’s lead-in (“{lead}”) does not say what its items are: write a headline that names "
                   "them")


def names_nothing(lead: str) -> bool:
    """The lead-in's "some" or "a few" stands for a noun it does not say ("Some that families tell us meant the
    most", "Here are a few", "A few of these"), unlike "Some offers families tell us meant the most"."""
    return bool(_ELLIPTICAL.search(lead.strip().rstrip(":").strip()))


def naming_sentence(lead_in: str) -> str | None:
    """The sentence before the lead-in's last, when it can be a card's words as written: it says what the list's
    items are ("Specific offers are easier to accept.")."""
    sentences = split_sentences(lead_in)
    if len(sentences) < 2:
        return None
    sentence = sentences[-2].strip()
    if is_question(sentence) or not whole_sentence(sentence) or headline_score(sentence, 0, 1) is None:
        return None
    return sentence if make_headline(sentence)[0] == sentence and len(sentence) <= MAX_HEADLINE else None
