"""What a practice's article says at its edges and in its own voice, which never becomes a tip.

Each rule names a reason a reviewer reads in the split report: the author's first person, greetings and
sign-offs, awareness-month and date lines, link text, biographies, crisis-line boilerplate, setups that
promise advice without giving it, and lines not in English. `edge_reason` is the one place that names them.
"""

from __future__ import annotations

import re

from scheduler.tips.sentences import STOPWORDS, Caseless, Screened, per_split, words
from scheduler.tips.verbs import IMPERATIVES, is_imperative

_QUOTED = Screened(r"“[^”]*”|\"[^\"]*\"|‘[^’]*’(?!\w)")
_FIRST_PERSON = Screened(r"(?<![\w’'-])(?:I|I’m|I'm|I’ve|I've|I’ll|I'll|I’d|I'd|me|my|mine|myself)(?![\w’'-])",
                         by_words=True)  # tried at every place of a sentence, and "me" is in "some": on whole words
_MY_LOWER = Caseless(r"\b(?:my|me|myself|mine)\b")
_REWRITE = re.compile(r"^I\s+(?:always\s+|often\s+|strongly\s+|gently\s+)?(?:encourage|invite|recommend|urge|"
                      r"suggest|advise|ask)\s+(?:you|clients|couples|parents|partners|people|readers)\s+to\s+"
                      r"(?P<rest>[a-z].*)$")

_GREETING = Caseless(
    r"^(?:hi|hello|hey|dear|greetings|welcome back|happy\s+[\w ]{0,30}?|merry\s+\w+|season’s greetings)"
    r"(?:,?\s+(?:friends|everyone|all|y’all|y'all|folks|readers|there|again))?\s*[!,.]")
_SIGN_OFF = Caseless(
    r"^(?:(?:warmly|with (?:care|love|gratitude|warmth)|take care(?: of yourselves| of yourself)?|be well|"
    r"talk soon|cheers|best(?: wishes)?|sincerely|xo+|love|peace|until next time)\s*[,!.]?"
    r"|(?:thanks|thank you) (?:so much )?for reading\b[^.!?]{0,40}[!.]?|see you next (?:week|time|month)[!.]?)"
    r"\s*(?:[a-z][a-z]+\.?)?$")
_AWARENESS = Caseless(
    r"\b(?:january|february|march|april|may|june|july|august|september|october|november|december|this week|"
    r"this month|today)\s+(?:is|marks|kicks off)\b.{0,80}\b(?:month|week|day)\b"
    r"|\b(?:awareness|appreciation|prevention|history|pride) (?:month|week|day)\b", screened=True)
_LINK_TEXT = Caseless(
    r"\b(?:(?:read|see|check out|find|get|download|watch|listen to|explore)\b[^.!?]{0,60}\bhere\b|click|"
    r"continue reading|read (?:more|on|my|our|the full)|learn (?:more|about)|find (?:more|out more|tips|resources|"
    r"information)|more information (?:on|about)|(?:on|at|visit) (?:the|our|my)\b[^.!?]{0,60}\bwebsite|"
    r"website\b|web ?page|resources to share|share (?:this|these|on social)|social media|subscribe|podcast episode|"
    r"(?:our|my) (?:blog|newsletter|podcast|video|free guide|e-?book|workbook|course)|also in spanish|"
    r"\((?:medical encyclopedia|[a-z][\w ]+ (?:foundation|institute|association|health))\))")
_PUBLICATION = re.compile(r"\b(?:publication|identification|pub\.?|revised|reprinted)\s*(?:no\.|number|#)"
                          r"|\b(?:[A-Z]{3,}\s+){3,}")
_DIRECTORY = Caseless(r"\b(?:provides|offers|has|lists)\b[^.!?]{0,40}\b(?:information|tips|toolkits?|resources|"
                       r"fact sheets?|brochures?|webpages?)\b")
_SOURCE_IN_PARENS = re.compile(r"\(([A-Z][^()]{3,80})\)\s*(?:also in\s*spanish)?\s*\.?\s*$", re.IGNORECASE)
_BIO = Caseless(
    r"\b(?:lmft|lpc|lpcc|lcsw|licsw|lmhc|lcpc|lcmhc|ncc|psyd|ph\.?d|mft|lpc-s|cadc|rn|m\.?d\.)\b"
    r"|\b(?:is|was) (?:a|an|the) (?:licensed|board[- ]certified|certified|registered|clinical|practicing|founding|"
    r"founder|owner|director)\b|\bis the (?:founder|owner|clinical director|director)\b"
    r"|\b(?:written|reviewed) by (?:dr\.?\s|[a-z][a-z]+ [a-z][a-z]+)"
    # "This guide was created by Jane Smith": the page's maker; "Developed by Richard Schwartz, IFS is …" names
    # who made a method, no bio (user trial 11)
    r"|\b(?:this|our) (?:article|post|blog|guide|page|site|website|content|worksheet|resource|handout)s? "
    r"(?:was|were|is|has been) (?:developed|created) by\b|^(?:developed|created) by [^,.;]{2,60}\.?$"
    r"|^(?:she|he|they|[a-z][a-z]+(?: [a-z][a-z]+)?) (?:lives|loves|enjoys|has worked|has been|specializes|"
    r"volunteers|holds|earned|received|is passionate|is also|brings|trained)\b"
    r"|^(?:about the author|meet the author)\b", screened=True)
_CRISIS_LINE = Caseless(
    r"(?:^|,\s*|\bplease\s+|\bor\s+)(?:call|text|dial|contact|chat)\b[^.!?]{0,40}\b(?:911|988|9-8-8|lifeline|hotline|"
    r"crisis line|emergency services)\b"
    r"|\b(?:911|988|9-8-8)\b[^.!?]{0,30}\b(?:call|text)\b|\bthe (?:988 )?(?:suicide (?:and|&) crisis )?lifeline\b"
    r"|\bhelpline is\b", screened=True)
_SETUP = Caseless(
    r"^(?:here are|here’s|here's|below(?: are|,)?|in this (?:post|article|blog|guide|piece)|read on|keep reading|"
    r"let(?:’|')s (?:look|explore|talk|dive|take a look|walk)|this (?:post|article|guide) (?:will|is)|"
    r"today(?:,)? (?:we|i)|the following)\b"
    r"|\b(?:(?:one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2}|a few|several|some) (?:key |simple |"
    r"practical |proven |important |helpful |easy |quick |common )?(?:ways|tips|strategies|steps|things|habits|"
    r"ideas|reasons|signs|practices|tools|questions|techniques)\b(?! (?:is|are|can|may|to)\b)(?:[^.!?,]{0,40})"
    r"[.!?:]?$)"
    r"|\bthe (?:answer|secret|key|solution|truth) (?:is|might be|may be|could be) (?:right|simple|closer|"
    r"easier|here|outside|within)\b")
SCENE = Caseless(r"^you (?!(?:can|could|may|might|should|must|will|would|don’t|don't|do not|deserve|are|aren’t|"
                 r"aren't|have to|need|needn’t|won’t|won't|can’t|can't|cannot|matter|owe|get to|are not)\b)"
                 r"[a-z]+(?:s|ed)?\b")


# A story told in the past ("Sarah felt overwhelmed when her mother moved in.", "One evening, the couple sat in
# silence."): no advice of its own, and a line out of the middle of an anecdote reads as nothing alone.
_STORY_OPENER = Caseless(r"^(?:one (?:day|evening|morning|night|afternoon|week|time)|last (?:year|week|month|"
                         r"spring|summer|fall|winter)|years ago|a few (?:years|months|weeks) ago|once upon|"
                         r"later that|that (?:night|evening|day|week))\b")
_PAST = re.compile(r"\b(?:was|were|had|felt|sat|came|went|said|told|knew|thought|stopped|started|moved|looked|"
                   r"asked|cried|walked|began|got|made|took|saw|decided|realized|noticed|wanted|needed|left|"
                   r"lost|called|turned|tried|remembered|admitted|shared|arrived|grew|hoped|slept)\b")
_PRESENT = Caseless(r"\b(?:you|your|is|are|can|may|might|should|will|must|do|does|don’t|don't|helps?|means?|"
                    r"tends?|often|usually|research|studies|study)\b")


_STORY_SUBJECT = re.compile(r"^(?:(?!(?:When|If|Many|Some|Most|Research|Studies|Therapy|People|Couples|Partners|"
                            r"Parents|Kids|Children|Teens|It|This|That|These|Those|What|Grief|Stress)\b)"
                            r"(?![A-Z][a-z]{2,}ing\b)[A-Z][a-z]+"  # a gerund ("Counting the hours left…") is no one
                            r"(?:,\s*\d{1,2},)?|He|She|They|The couple|The (?:client|mother|father|wife|husband|"
                            r"family|boy|girl)|A (?:client|couple|mother|father|woman|man|teen|friend))\s+"
                            r"(?:\w+\s+){0,2}?(?=" + _PAST.pattern + ")")


# A line about someone named by a first name, told in the past ("For Maria, the hardest part was admitting she
# needed a break.", "Jonah found that a walk after work helped him switch off."): a line of a case example. A
# citation is none: a title or a full name ("Dr. Gottman found …", "As Brené Brown says, …") or a finding told as
# holding now ("Gottman found that couples who turn toward each other stay together.").
_NAMED_OPENING = re.compile(r"^(?:(?P<opener>For|With|Like|When|After|Before|Once|Until|While|Although|Though|"
                            r"Because|Even for|But|And|So|Then|Later|Eventually|At first|In the end),?\s+)?"
                            r"(?P<name>[A-Z][a-z]{2,})(?P<own>’s|'s|,\s*\d{1,2},)?(?=[\s,])(?!\s+[A-Z])")
# Alone at a sentence's start a capital is no sign of a name ("Experience increased absence …" is a list's item):
# there the name does something in the past at once, is no plural ("Researchers found …") and is a person the
# sentence goes on to call "he" or "she" ("Jonah found that a walk after work helped him switch off.").
_SOMEONE = re.compile(r"\b(?:she|he|her|him|his|herself|himself)\b")
_NAME_ACTS = re.compile(r"^\s+(?:[a-z]+ly\s+)?(?:found|[a-z]{3,}ed|" + _PAST.pattern[5:-3] + r")\b")
_PAST_FORM = re.compile(_PAST.pattern + r"|\b[a-z]{3,}ed\b")
_REPORTED = re.compile(r"^\s+(?:found|showed|discovered|noted|observed|wrote|argued|suggested|reported|"
                       r"concluded|explained|described|identified)\b")
_NOT_NAME_CAPITALS = frozenset([
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "christmas",
    "thanksgiving", "easter", "halloween", "passover", "hanukkah", "ramadan", "covid", "god", "english"])


def _named_story(text: str) -> bool:
    match = _NAMED_OPENING.match(text)
    if not match or match.group("name").lower() in _NOT_NAMES | _NOT_NAME_CAPITALS or _PRESENT.search(text) or (
            is_imperative(match.group("name"))):  # "Stay connected.", "Feel overwhelmed by …": a verb, no one
        return False
    rest = text[match.end():]
    if not match.group("opener") and not match.group("own") and (
            match.group("name").endswith("s") or not _NAME_ACTS.match(rest) or not _SOMEONE.search(rest)):
        return False
    reported = None if (match.group("own") or "").startswith(",") else _REPORTED.match(rest)  # "Sarah, 34," a client
    return bool(_PAST_FORM.search(rest[reported.end():] if reported else rest))


@per_split
def is_story(text: str) -> bool:
    """A story told in the past: "One evening, ...", a person's name (he, she, the couple) and a past verb, or a
    line about someone named with no advice ("For Maria, the hardest part was …", _named_story)."""
    if _STORY_OPENER.match(text):
        return True
    return (bool(_STORY_SUBJECT.match(text)) and not _PRESENT.search(text)) or _named_story(text)


@per_split
def without_quotes(text: str) -> str:
    return _QUOTED.sub("", text)


def quoted_voice(text: str) -> bool:
    """Only a quotation, in someone's first person (“I can't stop overthinking.”): a client's or a parent's words,
    which say nothing alone about whose they are or what they show."""
    return not without_quotes(text).strip(" .,!?") and bool(_FIRST_PERSON.search(text) or _MY_LOWER.search(text))


@per_split
def first_person(text: str) -> bool:
    """The author's own voice outside quotations: I, me, my (a quoted “I statement” is an example, not voice)."""
    bare = without_quotes(text)
    return bool(_FIRST_PERSON.search(bare) or _MY_LOWER.search(bare))


def imperative_rewrite(sentence: str) -> str | None:
    """`I encourage you to write it down.` -> `Write it down.`: the one first-person shape whose imperative keeps
    the meaning exactly. None for every other sentence."""
    match = _REWRITE.match(sentence.strip())
    if not match:
        return None
    rest = match.group("rest")
    if first_person(rest):
        return None
    return rest[0].upper() + rest[1:]


_HABIT = re.compile(
    r"^(?:(?P<sub>(?:When|Whenever|If|Before|After|Each time|Every time|On days when)\s+[^,]+),\s+)?"
    r"I\s+(?P<adv>(?:always|usually|often|also|now|still|regularly|sometimes)\s+)?"
    r"(?P<verb>don’t|don't|do not|never|try to|make sure to|make a point to|[a-z]+)\b(?P<rest>[^;:]*[.!])$")
_SWAP = {"my": "your", "me": "you", "myself": "yourself", "mine": "yours", "I": "you", "I’m": "you’re",
         "I'm": "you're", "am": "are", "I’ve": "you’ve", "I've": "you've", "I’ll": "you’ll", "I'll": "you'll"}
_NOT_HABITS = frozenset(["be", "feel", "think", "believe", "know", "see", "remember", "love", "hope", "wish",
                         "want", "need", "find", "notice", "get", "have", "work", "help", "invite", "welcome",
                         "offer", "lead", "treat", "name", "say", "tell", "imagine", "read", "watch", "meet",
                         "talk", "learn", "ask", "teach", "model", "encourage", "suggest", "recommend", "own",
                         "bring", "use", "create", "provide", "integrate", "draw", "tailor", "hold", "meet", "invite",
                         "specialize", "focus", "believe", "respect", "honor", "value", "listen", "support", "guide"])
_THERAPIST_WORK = re.compile(r"\b(?:clients?|sessions?|therapy|therapeutic|counsel\w*|practice|the room|my office|"
                             r"treatment|modalit\w+|approach)\b", re.IGNORECASE)


def _second_person(text: str) -> str:
    return re.sub(r"(?<![\w’'-])(my|me|myself|mine|I’m|I'm|I’ve|I've|I’ll|I'll|I|am)(?![\w’'-])",
                  lambda m: _SWAP.get(m.group(1), _SWAP.get(m.group(1).lower(), m.group(1))), text)


def habit_rewrite(sentence: str) -> str | None:
    """The author's own habit as advice in the second person, keeping every condition and qualifier:
    `I keep a glass of water by my bed each night.` -> `Keep a glass of water by your bed each night.`,
    `When I feel flooded, I step outside for ten minutes.` -> `When you feel flooded, step outside for ten minutes.`
    None when the sentence is anything else (a feeling, a belief, a story in the past, the practice's work)."""
    match = _HABIT.match(without_quotes(sentence.strip()) == sentence.strip() and sentence.strip() or "")
    if not match:
        return None

    verb, rest, sub = match.group("verb"), match.group("rest"), match.group("sub")
    lowered = verb.lower()
    if lowered in ("don’t", "don't", "do not", "never"):
        head = "Don’t" if lowered != "never" else "Never"
    elif lowered in ("try to", "make sure to", "make a point to") or lowered in IMPERATIVES and lowered not in _NOT_HABITS and not re.search(r"(?:ed|s)$", lowered):
        head = verb[0].upper() + verb[1:]
    else:
        return None
    if re.search(r"(?<![\w’'-])(?:I’d|I'd|we|our|us|was|were|had|used to|did|said|told)(?![\w’'-])",
                 rest + " " + (sub or "")) or len(words(rest)) < 2 or _THERAPIST_WORK.search(sentence):
        return None
    main = head + _second_person(rest)
    if sub:
        return _second_person(sub) + ", " + main[0].lower() + main[1:]
    return main


@per_split
def not_english(text: str) -> bool:
    found = [w.lower() for w in words(text)]
    if len(found) < 7:
        return False
    common = sum(1 for w in found if w in STOPWORDS)
    return common / len(found) < 0.1


@per_split  # a sentence is asked about as a paragraph's opener (a bio?), as a candidate, as a list's lead...
def edge_reason(sentence: str, *, intro: bool = False) -> str | None:
    """Why this sentence (or line) is the author's voice or the page's edge rather than advice; None when it is not."""
    text = sentence.strip()
    if not text:
        return "empty"
    bare = without_quotes(text)
    if _GREETING.match(text):
        return "greeting"
    if _SIGN_OFF.match(text):
        return "sign-off"
    if _AWARENESS.search(bare):
        return "date line"
    if _BIO.search(bare):
        return "bio"
    if _CRISIS_LINE.search(bare):
        return "crisis line"
    if _LINK_TEXT.search(bare) or _DIRECTORY.search(bare):
        return "link text"
    if _PUBLICATION.search(text):
        return "meta (publication line)"
    source = _SOURCE_IN_PARENS.search(text)
    if source and sum(w[:1].isupper() for w in source.group(1).split()) >= 2 and len(source.group(1).split()) <= 10:
        return "link text"  # "Live Your Life Well (Mental Health America)": a link directory's entry
    if first_person(text) and imperative_rewrite(text) is None and habit_rewrite(text) is None:
        return "first person"
    if _SETUP.search(bare):
        return "setup"
    if is_story(bare):
        return "story"
    if (intro and SCENE.match(text)) or _GUESS_AT_THE_READER.match(text):
        return "setup"
    if not_english(text):
        return "not English"
    return None


# A scene from someone's day, told in the present as often as in the past ("Maya sits in her car, engine off.
# She has ten minutes before the meeting."): a story-led article's opening, no advice in any of its sentences.
_SCENE_SUBJECT = re.compile(r"^([A-Z][a-z]{2,})(?:,\s*\d{1,2},)?(?:(?:\s+and\s+(?:her|his)\s+\w+|\s+and\s+[A-Z][a-z]+)\s+"
                            r"(?:\w+ly\s+)?[a-z]{3,}\b|\s+(?:(?:\w+ly|just|still|always|never|finally)\s+)?"
                            r"(?:[a-z]+s|[a-z]+ed|is|has|was|had)\b)")
_THIRD_PERSON_ON = re.compile(r"^(?:she|he|her|his|they)\b", re.IGNORECASE)
_READER = Caseless(r"\b(?:you|your|yours|yourself)\b")
_NOT_NAMES = STOPWORDS | frozenset([
    "stress", "anxiety", "therapy", "grief", "depression", "burnout", "research", "people", "parents", "kids",
    "children", "couples", "partners", "sleep", "exercise", "work", "life", "love", "anger", "fear", "shame", "guilt",
    "trauma", "healing", "recovery", "change", "boundaries", "communication", "connection", "conflict", "counseling",
    "counselling", "mindfulness", "journaling", "meditation", "resentment", "everyone", "someone", "nobody",
    "addiction", "teens", "adolescents", "families", "marriage", "loneliness", "panic", "worry", "rest", "time",
    "treatment", "medication", "each", "every", "one", "another", "sometimes", "often", "usually", "today"])


def is_vignette(sentences: list[str]) -> bool:
    """A paragraph that tells a scene about a named person: it opens with a name and a verb ("Maya sits…", "Tom
    and Lisa argue…"), goes on with she/he/they or the name again, and never speaks to the reader or advises."""
    if len(sentences) < 2:
        return False
    match = _SCENE_SUBJECT.match(sentences[0].strip())
    if not match or match.group(1).lower() in _NOT_NAMES:
        return False
    name = match.group(1)
    rest = sentences[1:]
    if not (any(_THIRD_PERSON_ON.match(s.strip()) for s in rest) or any(re.search(rf"\b{name}(?:’s|'s)\b", s)
                                                                         for s in rest)):
        return False
    bare = [without_quotes(s) for s in sentences]
    return not any(_READER.search(s) for s in bare) and not any(is_imperative(s) for s in bare)

# The reader put in a scene ("Your teen is dragging through mornings.", "You are in the middle of a meeting when it
# starts. Your heart begins to race."): an opening that sets the scene for advice given elsewhere, told in the
# present to "you", with no sentence that advises, reassures or speaks as the author.
_NOT_A_SCENE = (r"can|could|may|might|should|must|will|would|need|needs|deserve|deserves|don’t|don't|do|does|doesn’t|"
                r"doesn't|isn’t|isn't|aren’t|aren't|not|never|won’t|won't|can’t|can't|cannot|were|was|had|did|didn’t|"
                r"didn't|wasn’t|weren’t|matter|matters|owe|likely|probably|also|only")
_READER_IN_A_SCENE = Caseless(
    r"^(?:you(?:’re|'re|’ve|'ve)?\s+(?!(?:" + _NOT_A_SCENE + r")\b)[a-z]+\b(?![’'])"
    r"|your (?:(?:every|own|whole|inner|little|best) )?[a-z]+\s+(?:is|are|has|have|[a-z]+[^s\W]s)\b(?![’'])"
    r"(?!,|\s+(?:and|or|is|are|was|were|can|may|might|will|would|aren’t|aren't|isn’t|isn't)\b))")
# A guess at who the reader is and what they have been through ("If you're a parent of a teenager, you've been here.",
# "If you're searching for a therapist, you're likely already under stress."): the way in, with no advice of its own.
_GUESS_AT_THE_READER = Caseless(
    r"^if you\b[^,.;:!?]{0,80},\s*you(?:’ve|'ve|’re|'re)?\s+(?:(?:likely|probably|already|definitely)\s+)*"
    r"(?!(?:" + _NOT_A_SCENE + r"|are|is|know|feel)\b)[a-z]+\b(?![’'])")
_ADVISES = Caseless(r"^(?:(?:and|but|so|yet|still|instead)\b,?\s+)?(?:you|we)\s+(?:can|could|may|might|should|must|"
                    r"need|needn’t|don’t|don't|do not|deserve)\b|\b(?:it helps|try|important|remember|okay|deserve)\b")


def is_reader_scene(sentences: list[str]) -> bool:
    """A paragraph that puts the reader in a scene: it opens with "you" or "your …" doing or being something now
    ("You've noticed it.", "Your teen is anxious about a test, so you let them skip school."), and none of its
    sentences advises (a command, "you can …", "try", "it helps"), reassures ("that's okay") or is the author's."""
    if len(sentences) < 2 or not _READER_IN_A_SCENE.match(sentences[0].strip()):
        return False
    return not any(first_person(s) or _ADVISES.search(without_quotes(s)) or (
        is_imperative(s) and not s.rstrip().endswith("?")) for s in sentences)


# An HTML tag left in a tip's words: an element HTML names, a tag with attributes or self-closed, a closing tag, or
# what is left where a tag's head was cut off (`">`). A `<` or `>` the author wrote as text is none of these: "Use
# the <pause> button" (written `&lt;pause&gt;`), "3 < 5", "<3".
_HTML_ELEMENTS = (r"a|abbr|address|article|aside|audio|b|blockquote|body|br|button|canvas|caption|cite|code|dd|del|"
                  r"details|div|dl|dt|em|embed|fieldset|figcaption|figure|footer|form|h[1-6]|head|header|hr|html|i|"
                  r"iframe|img|input|ins|kbd|label|li|link|main|mark|meta|nav|noscript|object|ol|option|p|picture|"
                  r"pre|q|s|script|section|select|small|source|span|strong|style|sub|summary|sup|svg|table|tbody|td|"
                  r"template|textarea|th|thead|title|tr|u|ul|video")
TAG = Screened(rf"</?(?:{_HTML_ELEMENTS})(?:\s[^<>]*)?/?>|<[A-Za-z][\w.:-]*\s+[\w:@.-]+\s*=[^<>]*>|"
               r"<[A-Za-z][\w.:-]*\s*/>|</[A-Za-z][\w.:-]*\s*>|[\"']\s*/?>(?=\s|$)", re.IGNORECASE)
