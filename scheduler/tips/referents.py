"""A sentence that opens on a pointer ("They", "These", "It"), with the pointer replaced by what it points at, when
that is certain (issue 19: "a pointer with no referent" was the largest single reason outside readers gave for an
unpostable tip, "a pointer word to replace" a large one for an edit).

The referent is looked for in one place only, the nearest that could hold it, and taken only when exactly one
candidate there agrees with the pointer in number:
- the sentence just before, in the same paragraph: "Young people know they should go to school. They see their
  peers managing just fine." -> "Young people see their peers managing just fine." A candidate is a plural noun
  with a determiner that needs nothing before it ("many parents", "your worries") or none ("young people"); one
  that leans itself ("these tools", "their fears", "the hormones") is no referent, a "they" after a singular person
  ("your partner … They") may be the singular they and is refused, and so is a "they" who feels or says things
  when the noun is no person;
- for the first sentence of a section, the section heading when it is a noun phrase: "## Setting boundaries" +
  "It takes practice." -> "Setting boundaries takes practice." ("## Coping with grief" has two things "it" may be
  and gives none);
- a "They" that does what a person does ("They don't have the words yet."), when the article speaks of one person
  throughout ("your teen": scheduler.tips.persons) and the sentence before names no one else and nothing plural:
  "Your teen doesn't have the words yet.";
- for the first sentence of a section whose heading names no one, the article's title when it names exactly one
  kind of people ("Helping teens who …" + "They may not know how to ask for help." -> "Teens may not …"), and the
  article does not speak of one person throughout (scheduler.tips.persons names that one).

A sentence opening on a linking "And", "But" or "So", or an adding "Also", "In addition," …, loses that word when
nothing else in it leans ("But stress that lasts a long time can harm your health." -> "Stress that lasts …"); one
with a "too" or "as well" that adds it to what came before loses that ("Remember, too, that …" -> "Remember that
…"; `unlinked`).

A rewrite is refused when the sentence would still lean on something outside it. Each rewrite carries a note that
says what was replaced and from where; such a tip is never ready (a person checks the referent).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from scheduler.tips.filters import (
    compress,
    dangling_references,
    opens_with_reference,
    unresolved_pronoun,
    without_additive,
)
from scheduler.tips.persons import person_for_they
from scheduler.tips.sentences import STOPWORDS, words
from scheduler.tips.standalone import PEOPLE, could_be_plural
from scheduler.tips.verbs import IMPERATIVES, has_verb

REWRITTEN = "rewritten: “{}” -> “{}” {}: check it is what the article meant"
BEFORE, HEADING, TITLE = "from the sentence before", "from the section heading", "from the article’s title"
THROUGHOUT = "(whom the article speaks of throughout)"

# "They feel…", "These can…", "It takes…": the pointer is the subject, a verb follows it.
_SUBJECT = re.compile(r"^(?P<pointer>They|These|Those|It|This)\s+(?:(?:[a-z]+ly|just|still|even)\s+)?"
                      r"(?P<verb>[a-z’']+)\b")  # "They genuinely think …"
# "It is important to rest.", "It helps to name it.", "It seems that …": an "it" that stands for what follows.
_DUMMY_IT = re.compile(r"^It\s+(?:[a-z’']+\s+){0,4}?(?:to\s+[a-z]+|that)\b|^It\s+(?:seems|appears|turns out|happens|"
                       r"is time|is no wonder)\b")
_PLURAL = frozenset(["they", "these", "those"])
_AUXILIARIES = frozenset(["are", "were", "can", "could", "may", "might", "will", "would", "should", "must", "do",
                          "don’t", "don't", "didn’t", "didn't", "have", "had", "is", "was", "has", "does", "doesn’t",
                          "doesn't", "isn’t", "isn't", "aren’t", "aren't", "can’t", "can't", "won’t", "won't",
                          "often", "usually", "sometimes", "rarely", "never", "always", "tend", "tends"])
_PERSON_VERBS = frozenset(["feel", "feels", "need", "needs", "want", "wants", "say", "says", "think", "thinks",
                           "know", "knows", "worry", "worries", "struggle", "struggles", "see", "sees", "believe",
                           "believes", "cry", "cries", "learn", "learns", "forget", "forgot", "hope", "hopes"])
_DETERMINERS = frozenset(["your", "many", "some", "most", "all", "other", "certain", "several", "both",
                          "our", "my"])
_LEANING_DETERMINERS = frozenset(["these", "those", "such", "their", "his", "her", "its", "them", "this", "that",
                                  "another", "same", "the"])  # "the hormones" (released when?) leans as "they" did
_SINGULAR_PEOPLE = PEOPLE - frozenset(["people", "others", "individuals", "children", "kids", "teens", "teenagers",
                                       "friends", "families", "parents", "partners", "clients", "colleagues",
                                       "coworkers", "men", "women", "couples", "relatives", "siblings", "adults",
                                       "students", "caregivers", "peers", "employees", "grandparents", "patients",
                                       "babies"])
_VERBS = IMPERATIVES | frozenset(["struggle", "worry", "hit", "happen", "seem", "mean", "need", "say", "sound",
                                  "matter", "cause", "affect", "include", "occur", "appear", "remain", "follow"])
_BREAK = frozenset(["with", "for", "of", "in", "on", "at", "to", "from", "about", "after", "during", "while", "when",
                    "and", "or", "vs", "versus", "through", "without", "into", "&"])
_HEADING_NOT_NOUN = re.compile(r"^(?:how|why|what|when|where|who|which|whether|is|are|can|do|does|should|signs?|"
                               r"symptoms?|understanding|introduction|conclusion|summary|overview|final|a note|"
                               r"step|tip|faq|questions?|resources?|references?|further|more|about)\b|\?",
                               re.IGNORECASE)
_NUMBERING = re.compile(r"^\s*(?:(?:step|tip|day|week|part|no\.?|#)\s*#?\s*\d{1,2}\s*[:.)—–-]?\s*|\d{1,2}\s*[.):—–-]\s*)",
                        re.IGNORECASE)


@dataclass(frozen=True)
class Resolved:
    text: str
    note: str


# "The key is the hold.": the key to what the section is about.
_POINT_OF = re.compile(r"^The (?P<what>key|trick|first step)\s+(?:is|was)\b")
_OF = {"key": "to", "trick": "to", "first step": "in"}  # ("the goal of …" reads as a statement about its topic)


def pointer(sentence: str) -> str | None:
    """The pointer a sentence opens on as its subject ("They", "These", "It", "The key"), or None."""
    point = _POINT_OF.match(sentence.strip())
    if point:
        return f"The {point.group('what')}"
    found = _SUBJECT.match(sentence.strip())
    if found is None or _DUMMY_IT.match(sentence.strip()):
        return None
    verb = found.group("verb").lower()
    if verb in _AUXILIARIES or verb in _PERSON_VERBS or has_verb(verb) or verb in _VERBS or (
            verb.endswith("s") and verb[:-1] in _VERBS):
        return found.group("pointer")
    return None


def resolved(sentence: str, *, before: str | None, heading: str | None = None, title: str | None = None,
             first_in_section: bool = False, article_person: str | None = None) -> Resolved | None:
    """The sentence with its opening pointer replaced by the one thing it certainly means, or None."""
    word = pointer(sentence)
    if word is None:
        return None
    if word.startswith("The "):
        found, where = _point_of(word[4:], heading), HEADING
        text = None if found is None else f"The{found[3:]}{sentence.strip()[len(word):]}"
    elif word == "They" and article_person and _only_the_person(before, article_person):
        found, where = article_person, THROUGHOUT
        text = person_for_they(sentence.strip(), article_person)
    else:
        found, where = _referent(sentence, word, before=before, heading=heading, title=title,
                                 first_in_section=first_in_section, article_person=article_person)
        text = None if found is None else found[:1].upper() + found[1:] + sentence.strip()[len(word):]
    if text is None or opens_with_reference(text) and not text.startswith(("These ", "Those ")) or unresolved_pronoun(
            text) or dangling_references(compress(text)):
        return None  # nothing certain, or it would still lean on what came before ("They also …")
    return Resolved(text=text, note=REWRITTEN.format(word, found, where))


# "But the nervous system was not designed to …", "And rest counts too", "Also, drink water", "In addition, try …": a
# linking or adding word that leans on the sentence before and says nothing of its own once that sentence is not
# there. "So many …", "So much …" are a degree, no link; the adding phrases are links only when a comma follows them.
_LINK = re.compile(r"^(?P<link>(?:And|But|So|Also)\b(?=,?\s)|(?:In addition|Additionally|On top of that|What(?:’|')s more|"
                   r"Furthermore|Moreover|Plus|Besides|Again)(?=,\s)),?\s+"
                   r"(?!(?:many|much|often|few|little|far|long|that|too|to|very)\b)(?P<rest>\S.*)$", re.DOTALL)
UNLINKED = "rewritten: the opening “{}” left out (it links to the sentence before): check it reads alone"
ADDED = "rewritten: “{}” left out (it adds to what came before the tip): check it reads alone"
_STILL_LEANS = re.compile(r"\b(?:also|too|again|instead|another|either|as well|then|now|there|here|same|it|its|"
                          r"they|them|their|he|she|him|her|his|this|these|those|that (?:level|kind|way|point)|"
                          r"the (?:problem|issue|result|reason|answer|situation))\b", re.IGNORECASE)


def unlinked(sentence: str) -> Resolved | None:
    """The sentence without its opening "And"/"But"/"So"/"Also,", when what is left leans on nothing else; else
    without the one word inside it that adds it to what came before ("Remember, too, that …", "You can also …",
    "… as well."), which the tip would not carry: the sentence reads as it did without it; or None."""
    link = _LINK.match(sentence.strip())
    if link is None:
        return _without_added(sentence)
    rest = link.group("rest")
    text = rest[:1].upper() + rest[1:]
    if (opens_with_reference(text) or unresolved_pronoun(text) or dangling_references(compress(text))
            or _STILL_LEANS.search(text) or len(words(text)) < 5):
        return None
    return Resolved(text=text, note=UNLINKED.format(link.group("link")))


def _without_added(sentence: str) -> Resolved | None:
    """The sentence without its adding "too", "also", "as well" or ", again,": its other words, whatever they lean
    on, are the other rules' to read (a "them" the title's condition may name)."""
    found = without_additive(sentence)
    if found is None or len(words(found[0])) < 3:
        return None
    return Resolved(text=found[0], note=ADDED.format(found[1]))


def _only_the_person(before: str | None, person: str) -> bool:
    """The sentence before (if any) names no one but the article's person and nothing plural a "They" could be."""
    if before is None:
        return True
    own = person.split()[-1]
    lowered = [token.lower() for token in words(_without_quotations(before))]
    return not any(token in PEOPLE and token.rstrip("s") != own for token in lowered) and not any(
        _plural_noun(lowered, index) for index in range(len(lowered)))


def _point_of(what: str, heading: str | None) -> str | None:
    """"the key to box breathing": what the section heading names, when it names one thing."""
    topic = _from_heading(heading, plural=None) if heading else None
    if topic is None:
        return None
    named = topic if topic.split()[0].isupper() else topic[:1].lower() + topic[1:]
    return f"the {what} {_OF[what]} {named}"


def _referent(sentence: str, word: str, *, before: str | None, heading: str | None, title: str | None,
              first_in_section: bool, article_person: str | None) -> tuple[str | None, str]:
    """What "They", "These" or "It" certainly means, and where it was found."""
    plural = word.lower() in _PLURAL
    verb = _SUBJECT.match(sentence.strip()).group("verb").lower()  # type: ignore[union-attr]
    if before is not None:
        found = _from_before(before, plural=plural, person_verb=verb in _PERSON_VERBS, they=word == "They",
                             it=word == "It")
        where = BEFORE
    elif first_in_section and heading:
        found, where = _from_heading(heading, plural=plural), HEADING
        if found is None and word == "They" and verb in _PERSON_VERBS | _AUXILIARIES and title and not article_person \
                and not any(w.lower() in PEOPLE for w in words(heading)):
            found, where = _people_of(title), TITLE
    else:
        return None, ""
    if found is not None and word in ("These", "Those") and found.split()[0].lower() not in _DETERMINERS and len(
            found.split()) == 1:
        found = f"{word.lower()} {found}"  # "These can make it worse." -> "These habits can make it worse."
    return found, where


def unnamed_reason(sentence: str) -> str:
    """Why a sentence opening on a pointer that names nothing certain is left out, naming the pointer."""
    return f"needs context (refers to something outside it): “{pointer(sentence)}” names no one thing before it"


def _from_before(before: str, *, plural: bool, person_verb: bool, they: bool, it: bool = False) -> str | None:
    """The one plural noun phrase of the sentence before ("young people"), when it is the only one; for "It", the
    sentence's subject when no other noun is named in it (_subject_of)."""
    if before.rstrip().endswith("?"):
        return None
    if not plural:
        return _subject_of(before) if it else None  # "this" after a sentence most often means all it said
    tokens = list(words(_without_quotations(before)))
    lowered = [token.lower() for token in tokens]
    if they and any(token in _SINGULAR_PEOPLE for token in lowered):
        return None  # "Your partner may resist. They …": the singular they
    found: dict[str, str] = {}
    for index, token in enumerate(lowered):
        if not _plural_noun(lowered, index):
            continue
        phrase = _phrase(tokens, index)
        if phrase is None:
            return None  # "these tools", "their fears": the candidate leans itself
        found.setdefault(token, phrase)
    if len(found) != 1:
        return None
    (head, phrase), = found.items()
    if person_verb and head not in PEOPLE:
        return None  # "They feel …" of "the techniques"
    return phrase


_INTRO = re.compile(r"^(?:(?:but|and|so|yet|still|sometimes|often|usually|over time|in fact|for many people)\b,?\s+)+",
                    re.IGNORECASE)
_NAMES_A_THING = frozenset(["a", "an", "the", "your", "my", "our", "his", "her", "its", "this", "that", "these", "those",
                            "their", "some", "any", "another", "each", "every"])


def _subject_of(before: str) -> str | None:
    """The sentence's subject, singular and no person, when it opens the sentence (after "But", "Sometimes,"), its verb
    follows it and the sentence names nothing else: "But sometimes, the nervous system doesn't fully reset." ->
    "the nervous system"; "Self-care means taking the time to do things …" names "the time" too and gives none."""
    rest = _INTRO.sub("", _without_quotations(before).strip())
    tokens = list(words(rest))
    verb_at = next((index for index, token in enumerate(tokens[:5]) if index and (
        token.lower() in _AUXILIARIES or has_verb(token) or token.lower() in _VERBS or (
            token.lower().endswith("s") and token.lower()[:-1] in _VERBS))), None)
    if verb_at is None:
        return None
    subject, after = tokens[:verb_at], [token.lower() for token in tokens[verb_at + 1:]]
    lowered = [token.lower() for token in subject]
    bare = lowered[1:] if lowered[0] in ("the", "your") else lowered
    if not bare or (lowered[0] == "the" and len(bare) < 2) or any(
            token in STOPWORDS or token in PEOPLE or token.endswith("ly") for token in bare) or could_be_plural(
            bare[-1]) or any(token[:1].isupper() for token in subject[1:]):
        return None  # "the situation" leans as "it" did; "Many people …", "Your teen …" are no "it"
    if any(token in _NAMES_A_THING or token in PEOPLE for token in after) or any(
            token[:1].isupper() for token in tokens[verb_at + 1:]):
        return None  # another thing "it" may be
    phrase = " ".join(subject)
    return phrase if subject[0].isupper() and subject[0][1:].isupper() else phrase[:1].lower() + phrase[1:]


def _plural_noun(lowered: list[str], index: int) -> bool:
    """A plural noun, not a verb in -s ("the habits that keep you up", not "it keeps")."""
    token = lowered[index]
    if token in STOPWORDS or token in _SINGULAR_PEOPLE or not could_be_plural(token):
        return False
    previous = lowered[index - 1] if index else ""
    if previous in ("to", "it", "he", "she", "who", "that", "which", "this", "one", "everyone", "someone"):
        return False
    base = token[:-3] + "y" if token.endswith("ies") else token[:-1]
    is_verb = base in _VERBS or token[:-2] in _VERBS
    return not is_verb or previous in _DETERMINERS or previous in _LEANING_DETERMINERS


def _phrase(tokens: list[str], index: int) -> str | None:
    """The noun at `index` with its determiner and up to two words between ("your small daily habits"); None when
    its determiner leans on something else ("these tools")."""
    start = index
    for back in range(index - 1, max(index - 4, -1), -1):
        word = tokens[back].lower()
        if word in _LEANING_DETERMINERS:
            return None
        if word in _DETERMINERS:
            start = back
            break
        if word in STOPWORDS or word in _VERBS or has_verb(word) or word.endswith("ly") or (
                back and tokens[back][:1].isupper()):
            break
        start = back
    phrase = tokens[start:index + 1]
    if start == 0 and not phrase[0].isupper():
        phrase = [phrase[0].lower()] + phrase[1:]  # the sentence's capital, not a name's
    return " ".join(phrase)


def _from_heading(heading: str, *, plural: bool | None) -> str | None:
    """The heading as the subject of its first sentence, when it is one noun phrase of the pointer's number
    ("Setting boundaries" for "It"; "Coping with grief" has two things "it" may be); of any number when `plural` is
    None (what "the key" is the key to: a gerund's whole phrase, "Box breathing")."""
    bare = _NUMBERING.sub("", heading).strip().rstrip(":.!")
    tokens = list(words(bare))
    if not tokens or len(tokens) > 5 or _HEADING_NOT_NOUN.search(bare) or any(
            t.lower() in _LEANING_DETERMINERS or t.lower() in ("you", "your", "i", "we", "our", "my") for t in tokens):
        return None
    if has_verb(bare) or (tokens[0].lower() in IMPERATIVES and not tokens[0].lower().endswith("ing")):
        return None  # "Take a break", "Sleep matters": not a noun phrase
    gerund = tokens[0].lower().endswith("ing") and len(tokens[0]) > 4
    chunks: list[list[str]] = [[]]
    for token in tokens:
        if token.lower() in _BREAK:
            chunks.append([])
        else:
            chunks[-1].append(token)
    candidates = []
    for number, chunk in enumerate(chunks):
        if not chunk:
            continue
        if number == 0 and gerund:
            candidates.append(("singular", " ".join(tokens)))
            if len(chunk) > 1:
                last = chunk[-1].lower()
                candidates.append(("plural" if could_be_plural(last) else "singular", " ".join(chunk[1:])))
            continue
        last = chunk[-1].lower()
        candidates.append(("plural" if could_be_plural(last) else "singular", " ".join(chunk)))
    agreeing = [phrase for number_, phrase in candidates if plural is None or (number_ == "plural") == plural]
    if gerund and plural is None:
        agreeing = agreeing[:1]
    if len(agreeing) != 1 or (gerund and agreeing[0] != " ".join(tokens)) and not plural:
        return None
    phrase = agreeing[0]
    return phrase[:1] + " ".join(w if w.isupper() else w.lower() for w in phrase.split())[1:]


def _people_of(title: str) -> str | None:
    """The one kind of people the title names, in the plural ("teens"), when it names no other."""
    named = [w.lower() for w in words(title) if w.lower() in PEOPLE]
    plural = [w for w in named if w not in _SINGULAR_PEOPLE]
    return plural[0] if len(named) == 1 and plural else None


def _without_quotations(text: str) -> str:
    return re.sub(r"“[^”]*”|\"[^\"]*\"", " ", text)
