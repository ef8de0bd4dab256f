"""The situation or the person an article's title (or a section heading) names, as words that can open a tip.

Outside graders' commonest light edit was naming the situation a tip is about (issue 19): "Ask what helps." in
"How to Support a Partner Who's Struggling" is posted as "When your partner is struggling, ask what helps.", and
"Be present." in "Supporting a Loved One with Depression" as "When a loved one has depression, be present." A
heading whose own condition scheduler.tips.conditions reads ("After a loss") already gives it; this module reads
what that one does not: a title or heading that names who is struggling ("Supporting a grieving friend",
"Helping your anxious child", "a partner with anxiety", "someone who is grieving"), asks the reader whether they
are in it ("Are you grieving?"), names a state with a moment ("Grieving during the holidays"), or opens on a
condition itself ("When Your Teen Shuts Down: …"). Drafting puts it in front of an instruction only (conditions'
rules: never a statement, never a tip that names it already), with a note that says what was added.
"""

from __future__ import annotations

import re

from scheduler.tips.conditions import condition_of
from scheduler.tips.sentences import per_split

TITLE = "title"  # where a situation came from, in its note: "condition added from the title: “When …”"
# "when one partner wants counseling and the other doesn't" is a story, not a situation to open on; and its note
# (80 characters at most) quotes it whole.
MAX_WORDS, MAX_CHARACTERS = 8, 46

_PERSON = (r"(?:loved one|family member|friend|partner|spouse|husband|wife|child|kid|teen|teenager|adolescent|son|"
           r"daughter|parent|mother|father|mom|dad|student|colleague|coworker|co-worker|someone|person)")
_PERSONS = {"friends": "friend", "partners": "partner", "children": "child", "kids": "kid", "teens": "teen",
            "teenagers": "teenager", "adolescents": "adolescent", "parents": "parent", "students": "student",
            "loved ones": "loved one", "family members": "family member", "colleagues": "colleague"}
# Whom a tip's reader is close to: "a partner" in a title is the reader's own ("When your partner is struggling").
_CLOSE = frozenset(["partner", "spouse", "husband", "wife", "child", "kid", "teen", "teenager", "adolescent", "son",
                    "daughter", "parent", "mother", "father", "mom", "dad"])
# States a person is in that a title puts before them ("a grieving friend", "your anxious child").
_STATE = (r"(?:anxious|depressed|grieving|bereaved|struggling|suicidal|withdrawn|angry|stressed|overwhelmed|"
          r"burned[- ]out|burnt[- ]out|lonely|isolated|traumatized|traumatised|worried|scared|anxiety-prone|sick|ill|"
          r"addicted|hurting|distant|defiant|shy|perfectionist)")
_SUPPORT = r"(?:how to |ways to |tips for |\d+ ways to |\d+ tips for )?(?:support|supporting|help|helping|care for|caring for|love|loving|parent|parenting|talk to|talking to|talk with|talking with|be there for|being there for|reach|reaching|comfort|comforting)"
_WHO = re.compile(
    rf"(?:^|\b){_SUPPORT}\s+(?P<det>a|an|the|your|my|someone)?\s*(?P<state>{_STATE})?\s*"
    rf"(?P<person>{_PERSON}s?|loved ones|children|family members)?"
    r"(?:\s+(?P<link>with|who has|who's|who’s|who is|who are|through|going through|dealing with|struggling with|"
    r"living with|coping with|after|in)\s+(?P<rest>[\w’' -]{3,40}))?$",
    re.IGNORECASE)
_ARE_YOU = re.compile(rf"^are you\s+(?P<state>(?:still\s+)?{_STATE}|[a-z]+ing)(?P<rest>\s+[\w’' -]{{3,30}})?$",
                      re.IGNORECASE)
# A state the title opens on, then a moment or a place ("Grieving During the Holidays", "Struggling at Work").
_STATE_FIRST = re.compile(r"^(?P<state>grieving|struggling|hurting|healing|recovering|coping)\s+"
                          r"(?P<rest>(?:during|after|at|through|in|while|before)\s+[\w’' -]{3,40})$", re.IGNORECASE)
# Words a situation keeps in capitals; the rest of a title's capitals are lowered.
_KEEP = frozenset(["I", "ADHD", "PTSD", "OCD", "CBT", "DBT", "EMDR", "LGBTQ", "LGBTQ+", "BPD", "COVID"])
_A_PERSON = re.compile(rf"^(?:coping|dealing|living|going through|you|you’re|you're|your\s+(?:\w+\s+)?{_PERSON}|a\s+{_PERSON}|someone|one\s+{_PERSON})\b",
                       re.IGNORECASE)
_SITE = re.compile(r"\s+(?:\||—|–|-)\s+[^|—–]*$")


# A headline the verb lists read as a command that has a subject of its own: "Open-ended questions are harder to
# shut down…" ("Open" as a verb), "Small steps can help…".
_SUBJECT_FIRST = re.compile(r"^[“\"‘(]*(?:[\w’']+-[\w’'-]+\s|(?:[\w’'-]+\s+){1,2}(?:are|is|was|were|can|may|will|might|"
                            r"often|tend|tends)\b)", re.IGNORECASE)


# A case the tip states itself, anywhere in it ("Seek early intervention if new concerns arise."): a title's
# situation in front of it would stack two cases, and may narrow one the article meant for later.
_OWN_CASE = re.compile(r"\b(?:if|when|whenever|unless|until|once)\b", re.IGNORECASE)


def states_own_case(headline: str) -> bool:
    """The headline says itself when it applies, so it takes no situation from the title."""
    return bool(_OWN_CASE.search(headline))


def reads_as_command(headline: str) -> bool:
    """Not a statement the verb lists took for a command: a situation a title names opens only a real one."""
    return not _SUBJECT_FIRST.match(headline)


# A heading that opens on a condition, even one conditions cannot use ("If they mention hurting themselves": who?):
# its tips are about that case, and the title's situation would name another.
_OPENS_ON_A_CONDITION = re.compile(r"^(?:(?:step|tip|part)?\s*\d{1,2}\s*[.):—–-]\s*)?(?:what (?:to do |you can do )?)?"
                                   r"(?:if|when|whenever|while|after|during|before|once|unless)\b", re.IGNORECASE)


def has_own_case(heading: str | None) -> bool:
    """The heading opens on a case of its own ("If they mention hurting themselves", "When to get help")."""
    return bool(heading and _OPENS_ON_A_CONDITION.match(heading.strip()))


@per_split  # asked of the article's title and of each section's heading
def situation_of(title: str | None) -> str | None:
    """The situation or person a title or heading names, as a tip's opening in lower case ("when your partner is
    struggling", "when a friend is grieving", "if you're grieving", "when your teen shuts down"); None when it
    names none, or one too long to open a tip on."""
    if not title:
        return None
    bare = _SITE.sub("", " ".join(title.split()))
    for part in re.split(r"\s*[:(&]\s*", bare):
        part = re.sub(r"^(?:a guide (?:to|for)|guide to)\s+", "", part.strip(" ).?!"), flags=re.IGNORECASE)
        if not part or re.search(r"[\"“”‘]|(?:^|\s)'|\b(?:they|them|their|we|us|our)\b", part, re.IGNORECASE):
            continue
        found = _who(part) or _are_you(part) or _state_first(part) or _stated(part)
        if found and len(found.split()) <= MAX_WORDS and len(found) <= MAX_CHARACTERS:
            return _lowered(found)
    return None


def _who(part: str) -> str | None:
    """"when your partner is struggling" from "How to Support a Partner Who's Struggling"; None when the title
    names a person and nothing of their situation ("Supporting your teen")."""
    match = _WHO.search(part)
    if not match or not (match.group("person") or (match.group("det") or "").lower() == "someone"):
        return None
    named = (match.group("person") or "someone").lower()
    plural = named in _PERSONS or (named.endswith("s") and named[:-1] in _CLOSE | {"friend", "student", "colleague"})
    person = _PERSONS.get(named, named)
    if plural:
        return None  # "Supporting teens who…" speaks of teens in general: "when a teen…" would be a new claim
    det = (match.group("det") or "").lower()
    if person in ("someone", "person") or det == "someone":
        who = "someone"
    elif det in ("your", "my") or person in _CLOSE or (det == "the" and person == "loved one"):
        who = f"your {person}"
    elif det in ("a", "an"):
        who = f"{'an' if person[0] in 'aeiou' else 'a'} {person}"
    else:
        return None
    state, link, rest = match.group("state"), (match.group("link") or "").lower(), match.group("rest")
    if state and not link:
        return f"when {who} is {state}"
    if state or not link or not rest:
        return None  # "a grieving friend with children": two situations, which one opens the tip?
    if link == "with" or link == "who has":
        verb = "has"
    elif link in ("who's", "who’s", "who is", "who are"):
        verb = "is"
    elif link in ("through", "going through"):
        verb = "is going through"
    elif link.endswith(" with"):
        verb = "is " + link  # "a partner dealing with depression"
    elif link == "after":
        verb = "is recovering after" if re.match(r"(?:a|an)\s+(?:surgery|illness|injury|accident)", rest) else ""
    else:
        verb = "is in"
    if not verb:
        return None
    return f"when {who} {verb} {rest}"


def _are_you(part: str) -> str | None:
    match = _ARE_YOU.match(part)
    return f"if you’re {match.group('state')}{match.group('rest') or ''}" if match else None


def _state_first(part: str) -> str | None:
    match = _STATE_FIRST.match(part)
    return f"when you’re {match.group('state')} {match.group('rest')}" if match else None


def _stated(part: str) -> str | None:
    """The condition a title states as conditions reads a heading's ("When Your Teen Shuts Down", "After a
    Breakup", "Coping With Traumatic Events", "Setting Boundaries with Family During the Holidays"); a "when" or
    "if" only of a person ("When Adolescent Struggles Become Something More" opens no tip well)."""
    found = condition_of(part)
    if found and found.split()[0].lower() in ("when", "whenever", "if") and not _A_PERSON.match(
            found.split(" ", 1)[1]):
        return None
    return found


def _lowered(situation: str) -> str:
    """A title's capitals lowered ("when Your Teen Shuts Down" -> "when your teen shuts down"), keeping "I" and
    acronyms."""
    return " ".join(word if word in _KEEP or word.startswith(("I’", "I'")) or (len(word) > 1 and word[1:].isupper()
                                                                              and word.isalpha())
                    else word.lower() for word in situation.split())


# The person a condition opens on ("when your teen is going through anxiety": "teen"; "when someone is grieving").
_NAMED = re.compile(rf"^(?:when|whenever|if|while|after|once|before|until)\s+(?:(?:your|a|an|the|my)\s+(?:{_STATE}\s+)?"
                    rf"(?P<person>{_PERSON})|(?P<someone>someone|somebody))\b", re.IGNORECASE)
# Words before the person that make them the object, where "them" is certain: the command's own verb ("Encourage
# your teen to …", "Don't rush your partner"), or a preposition ("Sit with your friend", "Check on your child").
_OBJECT_AFTER_VERB = re.compile(r"^(?:(?:don['’]t|do not|never|always|just|gently|also|please|calmly|kindly)\s+)?"
                                r"[\w’'-]+\s+$", re.IGNORECASE)
_OBJECT_AFTER_PREPOSITION = re.compile(r"\b(?:to|with|for|about|around|beside|alongside|toward|towards|on|from|at|"
                                       r"near|by)\s+$", re.IGNORECASE)
# Verbs a clause can follow without "that" ("Remember your partner is doing their best"): the person after them may
# be its subject, where "them" would not be English.
_CLAUSE_VERBS = frozenset(["remember", "know", "accept", "believe", "trust", "notice", "recognize", "recognise",
                           "assume", "expect", "understand", "realize", "realise", "see", "consider", "imagine",
                           "acknowledge", "think", "hope", "feel", "say", "suppose", "forget", "note", "mind", "guess",
                           "bet", "hear", "find", "learn", "discover", "pretend", "insist", "ensure", "doubt"])
# Words after the person that make them a subject ("… your teen is fine", "… your partner can't"), or that a pronoun
# cannot take ("… your partner, who is tired, …": "them, who" is not English).
_NO_PRONOUN_BEFORE = re.compile(r"^\s*,?\s*(?:who|whom|whose|which|is|are|was|were|has|have|had|can|could|will|would|may|might|must|should|shall|"
                              r"does|did|do|isn['’]t|aren['’]t|wasn['’]t|hasn['’]t|doesn['’]t|didn['’]t|can['’]t|"
                              r"won['’]t|wouldn['’]t|shouldn['’]t|needs|wants|feels|seems|knows|says|thinks)\b",
                              re.IGNORECASE)
# Nouns a person word can stand in front of ("your teen years", "your child care"): there it is no person.
_COMPOUND = frozenset(["years", "year", "son", "sons", "daughter", "daughters", "boy", "boys", "girl", "girls",
                       "brother", "brothers", "sister", "sisters", "friend", "friends", "group", "groups", "life",
                       "lives", "self", "relationship", "relationships", "room", "bedroom", "school", "phone", "care",
                       "support", "age", "ages", "brain", "development", "stage", "stages", "culture", "time"])


_THEY = re.compile(r"\b(?:they|them|their|theirs|themselves)\b", re.IGNORECASE)


def names_their_person(condition: str, instruction: str) -> bool:
    """The condition names a person ("when your partner is going through depression") and the instruction speaks of
    someone only as "they", "them" or "their" ("… seeing a counselor or their doctor"): the condition says whom."""
    named = _NAMED.match(condition.strip())
    return named is not None and bool(named.group("person")) and bool(_THEY.search(instruction)) and not re.search(
        rf"\b(?:your|a|an|the|my)\s+(?:{_STATE}\s+)?{re.escape(named.group('person'))}\b", instruction, re.IGNORECASE)


def referred_once(condition: str, instruction: str) -> tuple[str, tuple[str, str] | None] | None:
    """The instruction to put after `condition` without naming the condition's person a second time word for word
    ("When your teen is going through anxiety, encourage your teen to …" becomes "…, encourage them to …"), and the
    words that gave way with the pronoun put for them (("your teen", "them")); the instruction as it is, with None, when it does not name that person; None
    when it names them where a pronoun's grammar is not certain (as a subject, "notice when your teen …"), or where
    the same words may be another person ("a friend" after "when a friend is grieving", "someone" after "when
    someone …"). Only an object ("them") and a possessive ("their") are rewritten."""
    named = _NAMED.match(condition.strip())
    if not named:
        return instruction, None
    if named.group("someone"):
        return None if re.search(r"\bsome(?:one|body)\b", instruction, re.IGNORECASE) else (instruction, None)
    person = named.group("person")
    found = list(re.finditer(rf"\b(?P<det>your|a|an|the|my|this)\s+(?:{_STATE}\s+)?{re.escape(person)}\b"
                             r"(?P<possessive>['’]s\b)?", instruction, re.IGNORECASE))
    if not found:
        return instruction, None
    pieces, start = [], 0
    for match in found:
        if match.group("det").lower() in ("a", "an"):
            return None  # "bring a friend along": maybe not the friend of the condition
        before, after = instruction[:match.start()], instruction[match.end():]
        if match.group("possessive"):
            pronoun = "their"
        elif (_OBJECT_AFTER_VERB.match(before) and before.split()[-1].lower() not in _CLAUSE_VERBS
              or _OBJECT_AFTER_PREPOSITION.search(before)) and not _NO_PRONOUN_BEFORE.match(after) and (
                after.split()[:1] == [] or after.split()[0].lower().strip(".,;:!?”\"’)") not in _COMPOUND
                or not after.split()[0][:1].isalpha()):
            pronoun = "them"
        else:
            return None
        pieces += [instruction[start:match.start()], pronoun]
        start = match.end()
    phrase = instruction[found[0].start():found[0].end() - len(found[0].group("possessive") or "")]
    return "".join(pieces) + instruction[start:], (phrase, pieces[1])
