"""A death told only as "the loss", "losing them" or "since they've gone", counted under an article about grief.

Alone these words are ordinary ("a loss at the weekend match", "losing them in the crowd", "they're gone all
week"), so the lexicon (scheduler.tips.sensitivity) does not flag them. In an article whose title speaks of grief
or bereavement ("Coping with grief after losing a parent", "Life after loss") they speak of a death, and a tip that
says only "the loss" is flagged `sensitive` by its own words. The title is context for these words only: it never
flags a tip by itself (a tip on sleep in a grief article raises nothing), and the section heading already flags
every tip under it when it names the topic (docs/splitting.md, "What makes a tip sensitive").
"""

from __future__ import annotations

import functools

from scheduler.tips.lexicon import Lexicon
from scheduler.tips.sensitivity import TOPICS, without_everyday

GRIEF_TOPICS = ("death, dying and grief",
                "a death in the family in everyday words: since she passed, since he's been gone, the year without him")
_LOSS_OF_A_THING = (r"(?:interest|appetite|control|sleep|energy|motivation|income|(?:a |your |my )?job|work|time|memory|"
                    r"weight|hair|hearing|vision|function|focus|confidence|a game|the game|the match|face|privacy|"
                    r"freedom|independence|routine|structure|momentum|signal|power|data|words)")
# a title that speaks of grief: the lexicon's death and grief rows, or loss as a bare noun ("Life after loss")
_GRIEF_TITLE = Lexicon([*(p for topic, patterns in TOPICS if topic in GRIEF_TOPICS for p in patterns),
                        r"(?:after|through|with|of|and|facing|surviving|navigating|grieving|healing from) loss\b(?! of)"])
# the words that speak of a death only in such an article
IN_GRIEF = Lexicon([
    r"(?:the|this|that|your|my|our|their|his|her|such a|a|a big|a great|a recent|the recent) loss(?:es)?\b(?! of " +
    _LOSS_OF_A_THING + r"\b)(?! (?:at|in|on) (?:the|a|an|your|their) (?:\w+ )?(?:match|game|final|race|market|round|pitch|court)\b)",
    r"los(?:e|es|ing|t) (?:him|her|them)\b(?! (?:in|at|to) (?:the|a|an) (?:crowd|shop|store|mall|park|game|match)\b)",
    (r"(?:he|she|they|him|her|them)(?:[’']s|[’']re| is| are| was| were| has been| have been| had been) (?:really |truly )?"
     r"gone\b(?! (?:to|back|out|off|for|in|into|on|home|up|down|over|through|from|by|past|all|away|abroad|a|an|the|"
     r"\w+ing)\b)"),
    r"miss(?:es|ing|ed)? (?:him|her|them) (?:so much|every day|terribly|still|more)\b",
    r"(?:since|after|before) (?:he|she|they) (?:left us|went|was taken|were taken)\b(?! (?:to|for|on|out|back|home)\b)",
    r"(?:the|an|each|every|this|that|a) anniversary\b(?! of (?:your|our|their|the) (?:wedding|first)\b)",
    r"(?:the|your|their|his|her|my) (?:empty|quiet) (?:chair|room|bedroom|side of the bed)\b",
])


@functools.lru_cache(maxsize=64)
def speaks_of_grief(title: str) -> bool:
    """Whether the article's title speaks of a death, grief or bereavement (its everyday phrases left out)."""
    return bool(title) and _GRIEF_TITLE.search(without_everyday(title))


def grief_phrases(text: str, title: str) -> tuple[str, ...]:
    """The words of the text that speak of a death because the article's title speaks of grief, as written (lower
    case, spaces folded), in order, no repeats; nothing under any other title."""
    if not speaks_of_grief(title):
        return ()
    plain = without_everyday(text)
    return tuple(dict.fromkeys(" ".join(plain[start:end].lower().split()) for start, end in IN_GRIEF.spans(plain)))
