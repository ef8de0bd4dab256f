"""Who a tip's "them" means, when the article speaks of one person throughout (issue 19: a pronoun that leans on
the article).

Cut from its article, "Your job isn't to prevent them from ever feeling pain." has no one for "them". When the
article speaks to the reader about one kind of person and hardly another ("your teen" eight times, "your kid"
twice), that is who a pronoun with no one before it means, and the first such pronoun of the tip is named: "Your
job isn't to prevent your teen from ever feeling pain." Later pronouns then refer to it. The words around the
pronoun must speak of a person ("let them know", "their feelings", "they push you away"); anything else ("practise
them daily": the techniques?) is left as it is, and so is a "they" whose verb the rule cannot make agree.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from scheduler.tips.standalone import HUMAN_THINGS, orphan_pronoun

NAMED = "named who “{}” is: “{}”, whom the article speaks of throughout: check it is who it meant"
KEPT = "kept “{}” as the article wrote it: the condition in front names “{}”: check it is who it meant"

# The people an article may speak of to its reader: "your teen", "a loved one".
_PERSON = re.compile(r"\b(?:your|a)\s+(teen|teenager|child|kid|partner|spouse|loved one|son|daughter|student|"
                     r"husband|wife|parent|mother|father|mom|dad|friend|colleague|client|baby|toddler)s?\b",
                     re.IGNORECASE)
_SAME = {"teenager": "teen"}
# What the reader is to the article's person: "their partner" in an article about "your partner" is the reader.
_MATES = frozenset(["partner", "spouse", "husband", "wife"])
_PARENTS = frozenset(["parent", "mother", "father", "mom", "dad", "mum"])
_CHILDREN = frozenset(["child", "kid", "son", "daughter", "teen", "teenager", "baby", "toddler"])
_READER_IS = {**dict.fromkeys(_MATES, _MATES), **dict.fromkeys(_CHILDREN, _PARENTS),
              **dict.fromkeys(_PARENTS, _CHILDREN), "friend": frozenset(["friend"])}
MIN_MENTIONS = 3  # "your teen" this often, and at least twice as often as anyone else, is who the article is about

# A verb whose object is a person ("let them know", "sit with them"), a word after "their" that only a person has
# ("their feelings"), and what a person does after "they" ("they push you away", "they may not be ready").
_ASKS_A_PERSON = re.compile(r"\b(?:let|tell|ask|help|show|give|remind|encourage|support|reassure|validate|praise|"
                            r"thank|hug|invite|prevent|teach|trust|believe|love|protect|rescue|sit with|wait for|"
                            r"listen to|talk to|talk with|check on|check in with|be there for|stay with|"
                            r"spend time with)\s+$", re.IGNORECASE)
_PERSON_DOES = re.compile(r"^(?:\s+(?:(?:just|still|often|always|never|sometimes|really|genuinely|probably)\s+)?"
                          r"(?:feel|need|want|say|think|know|learn|remember|push|worry|struggle|cry|talk|open up|"
                          r"ask|tell|thank|seem|are|were|have|don’t|don't|aren’t|aren't|will|may|might|can|can’t|"
                          r"can't|won’t|won't|would|should|could)|[’'](?:re|ll|d|ve))\b", re.IGNORECASE)

# "they" + verb -> "your teen" + the verb that agrees with one person; modals and the past stay as they are.
_AGREES = {"are": "is", "were": "was", "have": "has", "don’t": "doesn’t", "don't": "doesn't", "aren’t": "isn’t",
           "aren't": "isn't", "weren’t": "wasn’t", "weren't": "wasn't", "haven’t": "hasn’t", "haven't": "hasn't",
           "do": "does", "go": "goes", "’re": " is", "'re": " is", "’ve": " has", "'ve": " has", "’ll": " will",
           "'ll": " will", "’d": " would", "'d": " would"}
_PRESENT_IN_ED = frozenset(["need", "feed", "heed", "proceed", "succeed", "exceed", "bleed", "speed"])  # not a past
_UNCHANGED = frozenset(["will", "may", "might", "can", "can’t", "can't", "won’t", "won't", "would", "should",
                        "could", "must"])
_THEY_VERB = re.compile(r"^(?P<adv>\s+(?:(?:just|still|often|always|never|sometimes|really|genuinely|probably)\s+)?)"
                        r"(?P<verb>[a-z’']+)|^(?P<clitic>[’'](?:re|ve|ll|d))\b", re.IGNORECASE)


@dataclass(frozen=True)
class Named:
    headline: str
    text: str
    note: str
    own_headline: str  # the tip's words before the pronoun was named
    own_text: str
    pronoun: str
    person: str

    @property
    def kept_note(self) -> str:
        """The note of the tip that keeps its pronoun because a condition in front of it names the person."""
        return KEPT.format(self.pronoun, self.person)


def article_person(texts: Iterable[str]) -> str | None:
    """"your teen" when the article speaks of a teen at least MIN_MENTIONS times and of no one else half as often."""
    counts = Counter(_SAME.get(m.group(1).lower(), m.group(1).lower()) for text in texts for m in _PERSON.finditer(text))
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < MIN_MENTIONS or (len(ranked) > 1 and ranked[1][1] * 2 > ranked[0][1]):
        return None
    return f"your {ranked[0][0]}"


def named_person(headline: str, text: str, person: str | None) -> Named | None:
    """The tip with its first pronoun that has no one to refer to named as the article's person, or None."""
    if not person:
        return None
    pronoun = orphan_pronoun(text) or orphan_pronoun(headline)
    if not pronoun or pronoun.lower() not in ("they", "them", "their"):
        return None
    mark = "'" if "'" in headline + text and "’" not in headline + text else "’"  # the article's own apostrophe
    new_text = _named(text, pronoun, person, mark) if pronoun in text else text
    new_head = _named(headline, pronoun, person, mark) if re.search(rf"\b{pronoun}\b", headline) else headline
    if new_text is None or new_head is None or (new_text == text and new_head == headline):
        return None
    return Named(headline=new_head, text=new_text, note=NAMED.format(pronoun, person), own_headline=headline,
                 own_text=text, pronoun=pronoun, person=person)


def names_the_person(condition: str, person: str) -> bool:
    """Whether a condition ("when your partner is going through depression", "when a partner refuses help") names
    the article's person ("your partner"), so that a "they" after it has someone to refer to."""
    noun = person.split(maxsplit=1)[-1].lower()
    return any(_SAME.get(found.group(1).lower(), found.group(1).lower()) == _SAME.get(noun, noun)
               for found in _PERSON.finditer(condition))


def person_for_they(sentence: str, person: str) -> str | None:
    """The sentence with its opening "They" named as the article's person, the verb made to agree ("They don't have
    the words yet." -> "Your teen doesn't have the words yet."); None when its words do not speak of a person."""
    if not sentence.startswith("They "):
        return None
    return _named(sentence, "They", person, "'" if "'" in sentence and "’" not in sentence else "’")


def _named(words_: str, pronoun: str, person: str, mark: str) -> str | None:
    """The words with the first `pronoun` named as `person`, when the words around it speak of a person."""
    found = re.search(rf"\b{re.escape(pronoun)}\b", words_)
    if found is None:
        return None
    before, after = words_[:found.start()], words_[found.end():]
    lower = pronoun.lower()
    capital = found.start() == 0 or before.rstrip().endswith((".", "!", "?"))
    who = person[:1].upper() + person[1:] if capital else person
    if lower == "them" and _ASKS_A_PERSON.search(before):
        return before + who + after
    following = after.split()[:1]
    if lower == "their" and following and following[0].lower().strip(".,;:!?") in HUMAN_THINGS - {"own"}:
        if _names_the_reader(following[0], person):
            return None  # "you are their partner" -> "your partner’s partner": the reader, named as the person's own
        return before + who + mark + "s" + after  # "on their own" stays as it is
    if lower == "they" and _PERSON_DOES.match(after):
        agreed = _agreeing(after)
        return None if agreed is None else before + who + agreed
    return None


def _names_the_reader(word: str, person: str) -> bool:
    """Whether "their `word`" is the reader, for the article's person: "partner" or "spouse" for "your partner",
    "parent" for "your teen"; "their partner" for "your teen" is someone else."""
    return word.lower().strip(".,;:!?") in _READER_IS.get(person.split()[-1].lower(), frozenset())


def _agreeing(after: str) -> str | None:
    """What follows "they", made to agree with one person: "'re" -> " is", "push" -> "pushes"; None when unsure."""
    found = _THEY_VERB.match(after)
    if found is None:
        return None
    if found.group("clitic"):
        return _AGREES[found.group("clitic").lower()] + after[found.end():]
    verb = found.group("verb")
    lower = verb.lower()
    if lower in _UNCHANGED:
        return after
    if lower in _AGREES:
        agreed = _AGREES[lower]
    elif re.fullmatch(r"[a-z]+", lower) and not lower.endswith("s") and (
            not lower.endswith("ed") or lower in _PRESENT_IN_ED):
        agreed = lower + ("es" if lower.endswith(("sh", "ch", "x", "z", "o")) else "s")
    else:
        return None
    return found.group("adv") + agreed + after[found.end():]
