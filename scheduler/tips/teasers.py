"""A sentence that only announces what the sentences after it say: a teaser, not a tip's last word.

"Sometimes, though, grief turns into something more dangerous.", "Sometimes it is something more serious.",
"But there is more to it.", "Here is how.": in the article the next sentences answer them; at the end of a tip they
are a cliffhanger that alarms and gives no help (issue 19: graded C in two user trials). Split drops such a
sentence from the end of a tip's text (scheduler.tips.drafting), with a note when it said something the rest of the
tip does not (a danger it hints at), and makes no tip of one alone.
"""

from __future__ import annotations

from scheduler.tips.sentences import Caseless, content_words, words

_OPENING = r"^(?:(?:but|and|yet|still|now)\s*,?\s+)?(?:(?:sometimes|occasionally|at times|other times|for some(?: people)?|" \
           r"in some cases)\s*,?\s+)?(?:(?:though|however|of course)\s*,?\s+)?"
# "… turns into something more dangerous", "… it is something more serious", "… can become something else"
_SOMETHING_MORE = Caseless(
    _OPENING + r"(?:[\w’'-]+\s+){0,3}?(?:(?:can|could|may|might|will|does)\s+)?(?:turns?|becomes?|grows?|"
    r"develops?|tips?|shifts?|is|are|gets?|be|become|turn|grow|develop|signals?|points? to)\s+(?:into\s+)?"
    r"(?:a sign of\s+)?something\s+(?:(?:much|far)\s+)?(?:more|else|bigger|deeper|darker|different)"
    r"(?:\s+[\w’'-]+)?\s*[.!…]*$")
# "But there is more to it.", "That's not the whole story.", "There's more to it than that."
_MORE_TO_IT = Caseless(
    _OPENING + r"(?:there(?:’|')s|there is|that(?:’|')s|that is|this is|it(?:’|')s|it is)\s+(?:(?:much|a lot)\s+)?"
    r"(?:more to (?:it|this|that|the story)(?: than that)?|not the whole story|(?:only|just) (?:part|half) of the "
    r"(?:story|picture))\s*[.!…]*$")
# "Here is how.", "Here's why.", "Here's what helps.", "Read on.", "Let's look at why."
_HERE_IS = Caseless(
    _OPENING + r"(?:here(?:’|')s|here is|this is|that(?:’|')s) (?:how|why|what (?:to do|you can do|helps|works|"
    r"to look for|to watch for))(?: to (?:help|tell|know))?\s*[.!:…]*$"
    r"|^(?:read on|keep reading|more on (?:that|this) below|let(?:’|')s (?:look at|take a look at|talk about) "
    r"(?:how|why|what)(?:\s+[\w’'-]+){0,4})\s*[.!:…]*$")
MAX_WORDS = 12
# The words of the teasers' own shapes: what a teaser says beyond them is what it says
_STOCK = content_words("sometimes occasionally times though however course turns turn becomes become grows grow "
                       "develops develop tips shifts gets signals points something much far more else bigger deeper "
                       "darker different whole story part half picture here read keep reading below look let talk "
                       "still now others people cases here’s here's how why what helps works")
NOTE = "a closing line that only announces what comes next was left out (“{}”): check the tip still says what matters"


def announces_more(sentence: str) -> bool:
    """The sentence only announces what the ones after it say (a teaser): short, and shaped as one."""
    text = sentence.strip()
    if not text or text.endswith("?") or len(words(text)) > MAX_WORDS:
        return False
    return bool(_SOMETHING_MORE.search(text) or _MORE_TO_IT.search(text) or _HERE_IS.search(text))


def without_closing_teasers(sentences: list[str]) -> list[str]:
    """The sentences without those at the end that only announce more (never the first: a tip that is only a
    teaser is not made at all)."""
    kept = list(sentences)
    while len(kept) > 1 and announces_more(kept[-1]):
        kept.pop()
    return kept


def dropped_note(dropped: str, kept: str) -> str | None:
    """A note when the teaser left out said something the tip does not ("… something more dangerous"); None when
    it only announced ("Here is how.")."""
    said = content_words(dropped) - _STOCK - content_words(kept)
    return NOTE.format(dropped.strip()) if said else None
