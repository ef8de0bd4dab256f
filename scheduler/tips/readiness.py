"""Whether a tip can go out as split wrote it, and the notes that say why not.

A tip is ready when nothing in it needs a person's eye: its review notes are only the kind that describe
(a light compression, a text shortened at a sentence end) and its words pass the checks a manager would
make before posting (a headline that is more than a bare heading, no odd capitals, no hedge or condition
lost from the headline). Everything else carries a note that names what to look at.
"""

from __future__ import annotations

import re

from scheduler.tips.conditions import ADDED
from scheduler.tips.drafts import long_headline_notes
from scheduler.tips.edges import SCENE as _SCENE
from scheduler.tips.filters import compress
from scheduler.tips.rewrites import SURE as _SURE_REWRITES
from scheduler.tips.scorer import REASONS
from scheduler.tips.sentences import words
from scheduler.tips.standalone import NOTES as STANDALONE_NOTES
from scheduler.tips.standalone import WEAK_READINGS, standalone_notes
from scheduler.tips.tipmodel import MODEL_NOTES
from scheduler.tips.typos import typo_notes
from scheduler.tips.verbs import is_imperative

# Notes that describe what split did without doubting the result; any other note means "look at this".
FINE = ("headline lightly compressed from the sentence", "headline shortened from a longer sentence",
         "text shortened to fit a post",
         "rewritten from first person to an imperative", "headline is the section heading")
_CONDITION_CUT = re.compile(r"^[\s,;:—–-]*(?:unless|only|if|except|as long as|provided|until|but not|not|without|"
                            r"even if|even when|when|while|before|after|rather than|instead of|because|since|so that|"
                            r"for|to)\b", re.IGNORECASE)
_HEDGE = re.compile(r"\b(?:not necessarily|necessarily|always|never|often|usually|sometimes|may|might|can|could|"
                    r"some|many|most|rarely|seldom|generally|typically|likely|probably|possibly)\b", re.IGNORECASE)
_SHOUTED = re.compile(r"\b[A-Z]{3,}\b")
_ACRONYMS = frozenset(["ADHD", "PTSD", "OCD", "CBT", "DBT", "EMDR", "LGBTQ", "BIPOC", "NIMH", "CDC", "USA", "SAD",
                       "HALT", "RAIN", "STOP", "TIPP", "ACT", "NAMI", "SMART", "TED", "ASD", "GAD", "PPD", "COVID",
                       "AAMFT", "APA", "LGBT", "DEAR", "MAN", "GIVE", "FAST", "PLEASE", "HIPAA", "BPD", "IEP",
                       "TV", "FOMO"])


def review_notes(headline: str, text: str, source: str, notes: list[str], *, kind: str, section: str = "") -> list[str]:
    """The notes a tip goes out with: split's own, less noise, plus the problems a person must look at."""
    found = list(notes)
    head_words = words(headline)
    if kind == "heading" and text.strip() == headline.strip():
        found.append("the section heading alone: add the sentence that makes it advice")
    elif len(head_words) <= 2 and text.strip() == headline.strip():
        found.append("a headline of two words and nothing more: add what makes it advice")
    elif len(head_words) <= 12 and text.strip() == headline.strip() and kind == "sentence" and not is_imperative(
            headline):
        found.append("a short line with nothing after it: check it says something by itself")
    if kind == "sentence" and (re.match(r"^(?:maybe|perhaps)\b", headline, re.IGNORECASE) or (
            _SCENE.match(headline) and not re.search(r"\b(?:can|try|need|deserve|don’t|don't)\b", headline))):
        found.append("describes the reader’s situation rather than advising: check it says something a follower "
                     "can use")
    if any(word not in _ACRONYMS for word in _SHOUTED.findall(headline)) or re.search(
            r"\b[a-z]+[A-Z][a-z]", headline):
        found.append("odd capitals in the headline: write it in sentence case")
    lost = _lost_from_headline(headline, source)
    if lost:
        found.append(f"the headline leaves out “{lost}”: check it still says what the article meant")
    if kind != "edited":  # a person's own words are theirs to judge
        own = standalone_notes(headline, text, kind=kind, section=section)
        if not is_ready(found):  # a problem named already: the weaker readings would only add words
            own = [note for note in own if note not in WEAK_READINGS]
        found += own
    return list(dict.fromkeys(found))


# Which of split's notes speak of which words: after a person rewrites those words, the note no longer holds and
# the checks that can be made on the words alone are made again (the others, e.g. "a quotation: check who said
# it", stay until the person is done with the tip).
_ABOUT_HEADLINE = ("headline ", "long headline", "odd capitals in the headline", "the headline leaves out")
_ABOUT_TEXT = ("text shortened to fit a post", "list cut to fit a post", "source sentence has a typo?",
               "spaces put back in run-together words", "rewritten from", ADDED.format(""))
_ABOUT_BOTH = ("a headline of two words", "a short line with nothing after it", "the section heading alone",
               "describes the reader", *MODEL_NOTES) + tuple(REASONS.values()) + STANDALONE_NOTES  # the scorer's reading of the words split wrote


def notes_after_edit(notes, headline: str, text: str, changed) -> list[str]:
    """A tip's notes after a person changed its `changed` fields ("headline", "text") to these words: the notes
    about those words go, and the checks on the words alone (odd capitals, a bare two-word headline, a long
    headline, a likely typo) are made again on the new words."""
    changed = set(changed)
    about: tuple[str, ...] = _ABOUT_BOTH if changed & {"headline", "text"} else ()
    about += _ABOUT_HEADLINE if "headline" in changed else ()
    about += _ABOUT_TEXT if "text" in changed else ()
    kept = [note for note in notes if not note.startswith(about)] if about else list(notes)
    if not about:
        return kept
    found = review_notes(headline, text, "", kept, kind="edited") + long_headline_notes(headline)
    if "text" in changed:
        found += typo_notes(text)
    return list(dict.fromkeys(found))


def is_ready(notes: list[str] | tuple[str, ...]) -> bool:
    return all(note in FINE or note.startswith(("long headline", ADDED.format(""), *_SURE_REWRITES)) for note in notes)


def _lost_from_headline(headline: str, source: str) -> str | None:
    """A hedge or condition the source sentence has and the headline dropped ("doesn't necessarily", ", unless ...")."""
    head = headline.rstrip(".!? ")
    compressed = compress(source)
    if not source or compressed.startswith(head):
        rest = compressed[len(head):]
        match = _CONDITION_CUT.match(rest)
        if match and len(words(rest)) >= 2:
            return " ".join(rest.strip(" ,;:—–-").split()[:4]) + " …"
        return None
    head_hedges = {m.group(0).lower() for m in _HEDGE.finditer(headline)}
    source_hedges = [m.group(0) for m in _HEDGE.finditer(source) if m.group(0).lower() not in head_hedges]
    if source_hedges and _shared_opening(headline, source):
        return source_hedges[0]
    return None


def _shared_opening(headline: str, source: str) -> bool:
    """The headline is a compression of this very sentence (its first words are the sentence's)."""
    head, whole = [w.lower() for w in words(headline)], [w.lower() for w in words(source)]
    return len(head) >= 2 and head[:2] == whole[:2] and len(set(head) - set(whole)) <= 1
