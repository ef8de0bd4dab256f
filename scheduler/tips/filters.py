"""What in an article is advice a follower can take alone, and the light compressions a tip may make.

Rules, not strings from one article: promotion and calls to action, bylines, dates, handles,
references, keyword lines; sentences that open with a reference to something outside them, questions,
fragments; and the compressions that keep the article's words and its hedges ("It's important not to X" ->
"Don't X"; "Try not to X" stays as it is: "Don't X" would harden it).
"""

from __future__ import annotations

import functools
import re

from scheduler.articles import Article, Section, is_dateline
from scheduler.tips.edges import first_person
from scheduler.tips.sentences import (
    STOPWORDS,
    Caseless,
    Screened,
    capitalize_first,
    per_split,
    words,
)
from scheduler.tips.verbs import IMPERATIVES, has_verb, is_imperative
from scheduler.tips.wholeness import closed, cut_problem, standing_verb_cut

# --- promotion, calls to action, boilerplate --------------------------------------------------------

_ORG_WORDS = (r"Counseling|Counselling|Therapy|Therapies|Wellness|Psychology|Psychotherapy|Psychiatry|Clinic|Center|"
              r"Centre|Group|Practice|Associates|Services|Health|Institute|Collective|Partners")
_ORG_NAME = re.compile(rf"\b(?:[A-Z][\w&’'-]*\s+){{1,4}}(?:and\s+|&\s+)?(?:[A-Z][\w’'-]*\s+)*(?:{_ORG_WORDS})\b")
_PLACE_SERVICE = re.compile(r"\b([A-Z][a-z]+)\s+(counseling|counselling|therapy|therapists?)\b")

_CTA = Caseless(
    r"\b(reach(?:ing)? out (?:to (?:us|our|me|the team)|today|now)|reach(?:ing)? out(?=[.!]|$)|contact (?:us|our|me)|call (?:us|our|me|today)|e-?mail (?:us|me)|text us|"
    r"(?:book|schedule|request) (?:a|an|your|our)\b(?:\s+[\w-]+){0,3}\s+(?:session|appointment|consultation|call|visit)|"
    r"sign up|subscribe|visit (?:our|us)|our (?:team|practice|therapists?|counsel+ors?|clinicians?|office|services?|"
    r"clinic|website|blog)|we offer|we provide|we can help|we(?:’|')re here|we are here|we(?:’|')d love|we would love|"
    r"learn more|click|free (?:consultation|call)|get started|give us a call|don(?:’|')t hesitate|"
    r"follow us|let us help|let(?:’|')s talk|in-person or online|accepting new clients|"
    r"link in bio)\b")
# The practice speaking of itself and its work, not every "we": "We all need rest." is advice; "We offer
# evening sessions.", "In our work with couples, we see...", "our clients" are the practice's own voice.
_PRACTICE_VOICE = Caseless(
    r"\bwe(?:’re|'re| are)?\s+(?:also\s+|often\s+|frequently\s+|regularly\s+)?(?:offer(?:ing)?|provid(?:e|ing)|speciali[sz]e|"
    r"help (?:clients|couples|families|individuals|people|teens|children|parents|adults)|work with|"
    r"see (?:many|a lot of|clients|couples|families|this|it)|treat|serve|can help|would love|invite you|"
    r"welcome|have (?:therapists|counsel+ors|clinicians|openings|availability|offices?)|accept|"
    r"are (?:here|a team|accepting|trained|licensed|located|proud|happy to|passionate|committed|dedicated|honored)|"
    r"’re here|'re here|’d love|'d love|’re happy|'re happy|’re proud|'re proud)\b"
    # where the practice is, what it takes, how it would feel to see you: "We're located in …", "We are
    # in-network with …", "We would be honored to support you."
    r"|\bwe(?:’re|'re| are)\s+(?:conveniently\s+)?(?:located|based|in-network|an in-network)\b"
    r"|\bwe(?:’d|'d| would)\s+be\s+(?:honou?red|glad|delighted|happy)\b"
    # its sessions on offer: "Telehealth sessions are available across the state." (not "Therapy can help")
    r"|\b(?:sessions|appointments|consultations)\s+(?:are|is)\s+(?:now\s+|also\s+)?(?:available|offered)\b"
    # who it takes and how it is paid: "We are taking on new clients", "I do not accept insurance."
    r"|\b(?:taking|accepting) (?:on )?new (?:clients|patients)\b"
    r"|\b(?:we|i) (?:do not |don’t |don't |also )?(?:accept|take|bill) (?:[\w-]+ ){0,2}?(?:insurance|insurers|"
    r"medicare|medicaid)\b"
    r"|\b(?:at|with|in|from|to|join) (?:our|us)\b(?! (?:own|all|lives|bodies|minds|children|kids|partners|"
    r"relationships|families|feelings|emotions|selves)\b)"
    r"|\bour (?:clients?|staff|providers?|counsel+ing|therapy|sessions?|offices?|locations?|programs?|groups?|"
    r"workshops?|specialists?|experts?|intake|fees|rates|insurance|approach|mission|founder|website|newsletter)\b"
    r"|\b(?:clients|couples|families|people) (?:we|i) (?:see|work with|treat|serve)\b"
    r"|\b(?:we|us)(?:’re|'re| are)? (?:a |the )?(?:good|right|great) fit\b"
    r"|\b(?:together|in (?:therapy|session|counseling|our work))(?: together)?,? we\b"
    r"|\b(?:\d{2}|fifty|sixty|forty-five)[- ]minutes? (?:session|appointment|out of your)\b"
    r"|\bour (?:[\w-]+ )?(?:team|therapists?|counsel+ors?|clinicians?|psychologists?|social workers?|staff)\b"
    # its service with a word before it: "Our specialized approach for men …", "our evening sessions"
    r"|\bour (?!own |usual |natural |typical |first |best |default )[\w-]+ (?:approach|programs?|services?|sessions?|"
    r"offices?|locations?|practice|groups?|workshops?)\b")
# "We" meaning people in general ("We all need support sometimes.", "Most of us wait too long.", "we tend to …"):
# the reader among everyone, never the practice speaking of itself, which _PRACTICE_VOICE and _CTA name.
_GENERAL_WE = Caseless(
    r"\bwe(?:’re|'re| are)?\s+(?:all|each|both)\b|\b(?:all|most|many|each|none|some|few|every one|any) of us\b"
    r"|\bwe (?:humans|people|adults|parents)\b|\bas (?:humans|people|adults|parents),? we\b|\bus all\b"
    r"|\bwe (?:(?:all|often|usually)\s+)?(?:tend|naturally|instinctively)\b|\bwe(?:’re|'re| are) (?:only|just) human\b")


# What such a sentence gives the reader: help to be had, a need or a right everyone has, a reassurance ("We all
# need support sometimes", "we deserve rest", "a counselor can help"). Without it, a general "we" describes
# ("We tend to wait until we are exhausted before we ask for help."): a setup.
_GIVES_TO_EVERYONE = Caseless(r"\b(?:can|could|may|might|will) (?:help|make|ease|change)\b|\bhelps\b|\btry\b|"
                              r"\b(?:we|you|us|everyone|everybody)(?: all| both)? (?:need|needs|deserve|deserves)\b|"
                              r"\b(?:okay|ok|normal|worth it|nothing to be ashamed)\b")


def speaks_for_everyone(sentence: str) -> bool:
    """Its "we" is people in general, the reader among them, not the practice ("We offer evening sessions.", "Our
    therapists …", "Call us")."""
    unquoted = _without_quotes(sentence)
    return bool(_GENERAL_WE.search(unquoted)) and not (_PRACTICE_VOICE.search(unquoted) or _CTA.search(unquoted))


def advises_everyone(sentence: str) -> bool:
    """Advice given to people in general as "we" ("We all need support sometimes, and a counselor can help you sort
    out what you feel."): a tip a manager posts, not a setup or the practice speaking."""
    return speaks_for_everyone(sentence) and bool(_GIVES_TO_EVERYONE.search(_without_quotes(sentence)))


# Advice to seek help when something holds (issue 19 pattern 3, user trial 9): "If your grief feels stuck …,
# professional support can help.", "When worry keeps you from sleeping for weeks, consider talking to a therapist."
# Help in general, named by no one who sells it: the scorer, reading "support" and "professional", calls it the
# practice's pitch, but only the practice's own selling is one (we, our, I, its name, a booking or a contact).
_UNDER_A_CONDITION = re.compile(r"^(?:if|when|whenever|once|as soon as)\b[^,]{8,}, ", re.IGNORECASE)
_HELP_TO_SEEK = re.compile(
    r"^(?:(?:talking|speaking) (?:to|with) )?(?:(?:a|an|your)\s+)?(?:(?:some|extra|outside|professional|specialist|"
    r"expert|grief|bereavement|mental health|trained)\s+)*(?:support|help|counsel+ing|therapy|treatment|therapist|"
    r"counsel+or|psychologist|doctor|gp|professional|specialist|someone trained)\s+(?:can|may|might|could|will|"
    r"often)\s+(?:really\s+)?(?:help|make a (?:real )?difference)\b"
    r"|^(?:consider|think about|it (?:may|might|could) (?:be|help)(?: time)?(?: to)?)\s+(?:seeking|getting|finding|"
    r"reaching out for|talking to|speaking (?:to|with)|seeing|seek|get|find|talk to|see)\b"
    r"|^(?:seek|get|find|ask for)\s+(?:(?:some|extra|professional|specialist)\s+)*(?:help|support)\b", re.IGNORECASE)


def seeks_help_under_condition(sentence: str) -> bool:
    """Generic advice to seek help when a condition holds, with nothing of the practice's own selling in it: a tip,
    often the article's most important one, not a pitch."""
    unquoted = _without_quotes(sentence)
    condition = _UNDER_A_CONDITION.search(unquoted)
    return bool(condition and _HELP_TO_SEEK.search(unquoted[condition.end():])) and not (
        FIRST_PLURAL.search(unquoted) or first_person(unquoted) or is_promotion(sentence))


# The practice by its place or its name, which only a capital tells ("If you are in Denver, …", "If you live in the
# Austin area, …", "At Harbor Light, we …"; not "If you are in crisis", "At Christmas we …"), or its owner's
# practice at work ("My practice offers evening appointments.").
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
# Two rules, not one alternation: "at " is inside most sentences ("that", "what"), the word "we" in few. The first is
# not screened: looking for its 42 openings ("if you live near ") costs three times its search.
_PRACTICE_PLACE = re.compile(
    r"\b[Ii]f you(?:’re|'re| are| live| reside| work)? (?:in|near|around) (?:the )?[A-Z][a-z]+\b(?! [a-z]*therap)")
_PRACTICE_NAMED = Screened(
    rf"\b[Aa]t (?!(?:Christmas|Thanksgiving|Easter|Halloween|Passover|Hanukkah|Diwali|Ramadan|New Year|{_MONTHS})\b)"
    r"(?![A-Z][a-z]+day\b)[A-Z][\w’'-]*(?: [A-Z&][\w’'-]*){0,3},? we\b", by_words=True)
_MY_PRACTICE = Caseless(r"\bmy (?:practice|office|clinic) (?:offers|provides|accepts|serves|speciali[sz]es|"
                        r"is (?:located|based|open|accepting))\b")
# "we", "us", "our" in a general sense ("Most of us know how...", "our bodies react"): fine as context, but a
# sentence speaking so is a setup or a story far more often than advice, so it does not open a tip.
FIRST_PLURAL = Caseless(r"\b(we|our|us|we’re|we're|we’ll|we'll|we’ve|we've|ours)\b")
_HANDLE = Screened(r"(?<!\w)@[A-Za-z0-9_]{2,15}\b")
_URL = Screened(r"\b(?:https?://|www\.)\S+|\b[\w-]+\.(?:com|org|net|io|co)\b", re.IGNORECASE)
_EMAIL = Screened(r"\b[\w.+-]+@[\w-]+\.[\w.-]+\b")
_META_LINE = Caseless(
    r"^(?:written by|reviewed by|medically reviewed|author:|posted (?:in|on|by)|filed under|"
    r"tags?:|keywords?:|categor(?:y|ies):|share (?:this|on|via)\b|share:|photo(?: by|:)|image(?: credit)?:|credit:|source:|"
    r"sources:|references?:|read more|related(?: posts| articles)?:|see also|copyright|©|all rights reserved|"
    r"disclaimer|this (?:article|post|blog|content) is (?:for|not|intended)|updated:|published:|last updated|"
    r"about the author|comments?:|leave a (?:comment|reply)|continue reading|table of contents|"
    r"watch:|previous post|next post|"
    # "See the Resources page for more.": a pointer to another page of the site, nothing a follower can use
    r"(?:see|visit|check out|browse|head to|go to)\s+(?:the|our|my)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:page|section|tab|post|article|guide|blog|resources)\b)")
# "By Jane Doe, LPC", "by jane doe | March 3": a byline names its author; not "By tuning into these sensations, you
# can …" or "By the end of a session, …", a sentence that opens on how or when (user trial 8: one was left out as meta)
_BYLINE_NAME = re.compile(r"^[Bb][Yy]\s+[A-Z]")  # "By Jane Doe", "BY JANE DOE"
_BYLINE_SHORT = re.compile(r"^by\s+[\w.'’-]+(?:\s+[\w.'’-]+){0,3}\s*(?:$|[,|·•—–-])", re.IGNORECASE)  # "by jane doe, lpc"
_BY_HOW = re.compile(r"^by\s+(?:\w+ing|the|a|an|this|these|that|those|your|their|our|now|then)\b", re.IGNORECASE)
_SOCIAL = r"(?:facebook|twitter|x|linkedin|pinterest|email|whatsapp|reddit|instagram|threads|bluesky|print)"
_SHORT_META = Caseless(
    r"^(?:share|print|download|comments?|listen|watch|read more|continue reading|subscribe|follow|tweet|pin it|"
    rf"email|back to top)(?:\s+(?:this|on|via|us|now|here|it|article|post|page|{_SOCIAL}))*\s*[:!]?"
    rf"(?:[\s|·•,/]*{_SOCIAL})*[\s|·•,/]*$")
_CITATION = Caseless(r"\(\d{4}[a-z]?\)\.|\bdoi:|\bet al\.|\bretrieved from\b|\bpp?\.\s*\d", screened=True)

# "Schedule a consultation", "Scheduling your first session", "Schedule now", a heading "Schedule": booking; not
# "Grief does not follow a schedule" (a user trial: that section, the article's best, gave no tip).
_BOOKING_HEADING = (r"schedul(?:e|ing) (?:a|an|your|my|our)\b(?:\s+[\w-]+){0,2}?\s+(?:session|appointment|consultation|"
                    r"consult|call|visit|intake)s?|schedul(?:e|ing) (?:now|today|online)|^schedule$")
_PROMO_HEADING = Caseless(
    r"\b(featured|fact sheets?|brochures?|publications?|(?:additional |more |other |helpful |related )?resources|"
    r"videos?|for more information|learn more|contact|about (?:us|the author|me)|work(?:ing)? with (?:us|me)|how we can help|our (?:approach|team|services)|"
    r"references|sources|citations|bibliography|footnotes|further reading|related|share|comments?|disclaimer|"
    r"tags|keywords|book (?:a|an|your)|free consultation|get in touch|newsletter|" + _BOOKING_HEADING + r")\b",
    screened=True)
_SOFT_PROMO_HEADING = re.compile(r"\b(support|help|next steps?|ready|get started|therapy|counseling|counselling|"
                                 r"professional|reach)\b", re.IGNORECASE)


def practice_names(article: Article) -> frozenset[str]:
    """Names of practices in the article (`Juno Counseling and Wellness`, `Jupiter counseling`)."""
    names = set()
    for _, block in article.blocks():
        text = block.text
        for match in _ORG_NAME.finditer(text):
            name = match.group(0).strip()
            if _sentence_start(text, match.start()) and (
                    len(name.split()) <= 2 or name.split()[0].lower() in _COMMON_OPENERS):
                continue
            names.add(name)
        for match in _PLACE_SERVICE.finditer(text):
            if not _sentence_start(text, match.start()) and match.group(1).lower() not in _COMMON_OPENERS:
                names.add(match.group(0))
    return frozenset(names)


_COMMON_OPENERS = {"individual", "couples", "couple", "family", "group", "professional", "online", "traditional",
                   "marriage", "some", "many", "the", "good", "effective", "regular", "ongoing", "joint", "short",
                   "brief", "talk", "art", "play", "behavioral", "cognitive", "mental", "emotional", "relationship",
                   "premarital", "trauma", "grief", "personal", "private", "outpatient", "and", "or", "a", "an",
                   "if", "when", "while", "for", "in", "with", "through", "by", "to", "how", "why", "what",
                   "finding", "seeking", "starting", "trying", "considering", "choosing", "exploring", "because"}


def _sentence_start(text: str, position: int) -> bool:
    before = text[:position].rstrip(" “\"‘(")
    return not before or before[-1] in ".!?:"


_GENERIC_NAME_WORDS = frozenset(["mental", "health", "national", "institute", "american", "behavioral", "emotional", "family", "public", "community", "services", "center", "centre", "group", "and", "the", "of", "for"])


def mentions_practice(text: str, names: frozenset[str]) -> bool:
    """Names a practice as written (`Harbor Light Counseling`); a name made only of generic words (`Mental Health`)
    is a topic, not a practice."""
    lower = text.lower()
    return any(name in lower for name in _practice_names(names))


@functools.lru_cache(maxsize=8)
def _practice_names(names: frozenset[str]) -> tuple[str, ...]:
    """The names, lowered, that name a practice rather than a topic (asked of every sentence: worked out once)."""
    return tuple(name.lower() for name in names if any(word.lower() not in _GENERIC_NAME_WORDS for word in name.split()))


def is_promotion(text: str, names: frozenset[str] = frozenset()) -> bool:
    unquoted = _without_quotes(text)
    return bool(_CTA.search(unquoted) or _PRACTICE_VOICE.search(unquoted) or _PRACTICE_PLACE.search(unquoted)
                or _PRACTICE_NAMED.search(unquoted)
                or _MY_PRACTICE.search(unquoted) or mentions_practice(text, names)
                or _HANDLE.search(text) or _URL.search(text))


def voiced_in_quotes_only(sentence: str, names: frozenset[str] = frozenset()) -> bool:
    """Its "I", "we" and "my" are all inside a quotation, and nothing outside it is the practice selling (is_promotion)
    or speaking ("we", "I"): "You could tell your dad, “My mind is made up, and we can talk about something else.”"
    gives the reader words to say, which the scorer, reading their "I" and "we", calls the practice's pitch."""
    if not _QUOTATION.search(sentence):
        return False
    unquoted = _without_quotes(sentence)
    return not (FIRST_PLURAL.search(unquoted) or first_person(unquoted) or is_promotion(sentence, names))


_QUOTATION = Screened(r"“[^”]*”|\"[^\"]*\"")


def _without_quotes(text: str) -> str:
    return _QUOTATION.sub("", text)


@per_split
def _byline(text: str) -> bool:
    """The text opens as a byline: "By" and a name written with its capital, or a few words and then the line's end
    or a separator; not a sentence that opens on how or when ("By tuning into these sensations, you can …", "By the
    end of a session, …": user trial 8 left one out as meta)."""
    return bool(_BYLINE_NAME.match(text) or (_BYLINE_SHORT.match(text) and not _BY_HOW.match(text)))


def is_meta(text: str) -> bool:
    """A dateline, byline, handle, tag line, credit, copyright, citation or a bare link."""
    stripped = text.strip()
    if not stripped:
        return True
    if is_dateline(stripped) or _META_LINE.match(stripped) or _CITATION.search(stripped) or _byline(stripped):
        return True
    if _SHORT_META.match(stripped):
        return True
    if ("@" in stripped or "." in stripped.rstrip(".")) and not _HANDLE.sub(
            "", _URL.sub("", _EMAIL.sub("", stripped))).strip(" |·•,-–—"):
        return True
    if re.fullmatch(r"(?:#\w+\s*)+", stripped):
        return True
    parts = [p.strip() for p in stripped.split(",")]
    return (len(parts) >= 3 and not re.search(r"[.!?]$", stripped) and all(len(p.split()) <= 3 for p in parts)
            and stripped[:1].islower())


def promo_heading(heading: str | None, names: frozenset[str]) -> bool:
    """A heading over promotion, references or page furniture, or in the author's own voice ("From my practice")."""

    return bool(heading) and bool(_PROMO_HEADING.search(heading or "") or mentions_practice(heading or "", names)
                                  or (first_person(heading or "") and not is_question(heading or "")))


def advice_cut(article: Article, names: frozenset[str]) -> dict[int, int]:
    """Where advice ends in each section: {section index: blocks to keep}; sections not named keep all.

    A section whose heading is promotion, references or page furniture keeps nothing; the closing
    pitch of a trailing "getting support" section is cut from its first call to action on.
    """
    sections = article.sections
    # from the last section back, while every section after one opens a closing pitch or holds nothing: a section
    # before the first that does neither is never cut for a pitch, and its blocks are not searched for one
    pitches: list[int | None] = [None] * len(sections)
    pitched_after = [False] * len(sections)
    for index in range(len(sections) - 1, -1, -1):
        after = index + 1
        if after < len(sections) and not (pitched_after[after] and (pitches[after] is not None
                                                                    or not sections[after].blocks)):
            break
        pitched_after[index] = True
        pitches[index] = _first_call_to_action(sections[index], names)
    cut = {}
    for index, section in enumerate(sections):
        if promo_heading(section.heading or "", names):
            cut[index] = 0
            continue
        first_pitch = pitches[index]
        if first_pitch is not None and pitched_after[index]:
            cut[index] = first_pitch
    return cut


def _first_call_to_action(section: Section, names: frozenset[str]) -> int | None:
    """Where the section's closing pitch starts: the first call to action with no list and at most
    `_ADVICE_AFTER_PITCH` paragraphs of advice after it. A byline naming the practice is meta, not a pitch,
    and a call to action in the middle of the advice does not take the advice after it."""
    blocks = section.blocks
    for position, block in enumerate(blocks):
        text = block_text(block)
        if is_meta(text) or not _pitches(text, names):
            continue
        after = blocks[position + 1:]
        advice = [b for b in after if b.kind == "list" or not (is_meta(block_text(b)) or _pitches(block_text(b), names))]
        if not any(b.kind == "list" for b in advice) and len(advice) <= _ADVICE_AFTER_PITCH:
            return position
    return None


_ADVICE_AFTER_PITCH = 2


def block_text(block) -> str:
    """A paragraph's text, or a list's items together."""
    return block.text or " ".join(item.full for item in block.items)


def _pitches(text: str, names: frozenset[str]) -> bool:
    return bool(_CTA.search(_without_quotes(text)) or mentions_practice(text, names))


def calls_to_action(text: str, names: frozenset[str] = frozenset()) -> bool:
    """The practice's own selling as a closing section's pitch is read ("Call us today to book your first
    session."): its call to action, or its name."""
    return _pitches(text, names)


# --- sentence rules ----------------------------------------------------------------------------------

_REFERENCE_OPENERS = Caseless(
    r"^(?:this|that|these|those|they|them|their|theirs|he|she|his|her|him|such|also|however|but|and|so|or|nor|yet|"
    r"then|another|both|either|neither|here|still|instead|otherwise|similarly|likewise|additionally|furthermore|"
    r"moreover|therefore|thus|hence|meanwhile|finally|lastly|next|again|besides|plus|conversely|which|whose|"
    r"first|second|third|fourth|fifth|afterward|afterwards|later|above|below|even so|in addition|as a result|"
    r"for example|for instance|on the other hand|in other words|in fact|in this case|in that case|at this point|"
    r"in turn|as such|as mentioned|as noted|as discussed|like this|doing so|the former|the latter|the other|"
    r"the same|the first|the second|the last|the next|one of them|each of them|all of them|some of them|"
    r"most of them|none of them|not only|even then|to do this|to do that|with this|with that|by doing so|"
    r"because of this|because of that|despite this|despite that|other)\b")
_PRONOUN_SUBJECT = Caseless(r"^(?:it|they|this|that|these|those|he|she|them)\b")
_EXTRAPOSITION = Caseless(
    r"^it(?:’s|'s| is| can be| may be| might be| was| will be| would be)?\s+(?:(?:not|also|often|usually|"
    r"always|sometimes|really|very|so|completely|perfectly|entirely)\s+)*(?:important|essential|crucial|vital|"
    r"helpful|wise|best|key|okay|ok|fine|normal|common|natural|possible|hard|difficult|easy|easier|harder|"
    r"worth|useful|healthy|understandable|tempting|valuable|necessary|reasonable|human|brave|courageous|"
    r"good|better|kind)\b|^it (?:helps|takes|pays|can help|may help|often helps)\b")
def extraposed(sentence: str) -> bool:
    """The sentence opens on an "it" that stands for the clause after it ("It is okay to take a walk, …", "It helps
    to …"), pointing at nothing outside the sentence."""
    return bool(_EXTRAPOSITION.match(sentence.lstrip("“\"‘(")))


_SUBORDINATE = Caseless(r"^(?:if|when|whenever|because|although|though|while|since|unless|as|until|once|"
                        r"whether|even if|even though|so that|in case)\b")
_INTRO_PHRASE = re.compile(r"^((?:[A-Za-z’']+\s+){0,3}[A-Za-z’']+),\s+")


# "During those times, ...", "When this happens, ...", "Doing this takes practice.", "Some work better than
# others.": the opening leans on what came before.
_LEANING_OPENER = Caseless(
    r"^(?:(?:during|in|at|with|for|after|before|when|if|once|like|by|from|through|on|doing|making|trying|"
    r"practicing|using|having|because of|despite|given|beyond|without|all of)\s+(?:\w+\s+)?(?:this|that|these|"
    r"those|such)\b(?!\s+(?:week|weekend|year|month|season|morning|evening|time of year|is|was)\b)"
    r"|(?:some|many|most|others|few|several|none|each|one|both|all)\s+(?:of\s+(?:us|you)\s+)?(?:work|works|are|is|"
    r"help|helps|can|may|might|will|do|does|seem|tend|find|need|prefer)\b(?! all\b))")


# "Not perfectly.", "Not a six-week programme.", "Not because you're suppressing it.": a negation with no verb of its
# own answers or corrects the sentence before.
_NOT_ALONE = re.compile(r"^not\s+(?!only\b)", re.IGNORECASE)
# "Others stay in therapy for years.", "Few speak of the cost.", "Some cite health problems…": a quantifier standing
# for people the sentence before named (a verb follows it, not a noun).
_QUANTIFIER_SUBJECT = re.compile(r"^(?:others|few|some|many|most|both|neither)\s+(?:" + "|".join(sorted(IMPERATIVES)) +
                                 r"|cite|speak|stay|want|choose|prefer|need|find|say|see|describe|report|struggle|"
                                 r"experience|seem|tend|look)\b", re.IGNORECASE)
# "Don't despair, though!": a contrast with what came before, said at the end.
# "Perhaps you grew up …", "Maybe you've criticized yourself …": a guess at the reader's past that explains a point
# made before it.
_GUESS = re.compile(r"^(?:perhaps|maybe)\s+you\b", re.IGNORECASE)
# "Usually the opposite.", "Yes, for most people.", "Absolutely.": a reply with no verb of its own, to a question
# asked before it (an FAQ heading), which the tip would not carry.
_REPLY = re.compile(r"^(?:yes|no|yep|nope|absolutely|definitely|certainly|usually|often|sometimes|rarely|generally|"
                    r"mostly|probably|possibly|exactly|of course|(?:quite |just )?the opposite|"
                    r"in (?:most|many|some) cases|for (?:most|many|some) people)\b", re.IGNORECASE)
_TRAILING_CONTRAST = re.compile(r",\s+(?:though|however|instead|then|too)\s*[.!?]$", re.IGNORECASE)


def opens_with_reference(sentence: str) -> bool:
    """Opens with a word that points outside the sentence: This, They, For example, Also, However..., a "Not …" with
    no verb, a quantifier standing for people named before ("Others stay …"), or ends on a contrast (", though!")."""
    return leaning_words(sentence) is not None


@per_split
def leaning_words(sentence: str) -> str | None:
    """The words by which the sentence points outside itself, as it writes them, for a note to quote ("However",
    "For example", "Others stay", "Not always", "though", "Sometimes" opening a reply with no verb); None when it
    opens on its own (opens_with_reference)."""
    text = sentence.lstrip("“\"‘(")
    if _LEANING_OPENER.match(text):
        return _opening_found(_LEANING_OPENER, text)
    clause = re.split(r"[,;:—–]", text)[0]
    if _NOT_ALONE.match(text) and not has_verb(clause):
        return clause.strip().rstrip(".!?")
    found = _QUANTIFIER_SUBJECT.match(text) or _TRAILING_CONTRAST.search(text) or _GUESS.match(text)
    if found:
        return found.group(0).strip(" ,.!?")
    if (reply := _REPLY.match(text)) and len(words(text)) <= 6 and not has_verb(text):
        return reply.group(0)
    if _EXTRAPOSITION.match(text):
        return None
    if _REFERENCE_OPENERS.match(text):
        return _opening_found(_REFERENCE_OPENERS, text)
    if (pronoun := re.match(r"^it\b", text, re.IGNORECASE)) is not None:
        return pronoun.group(0)
    intro = _INTRO_PHRASE.match(text)
    if intro and not _SUBORDINATE.match(text):
        rest = text[intro.end():]
        if _PRONOUN_SUBJECT.match(rest) and not _EXTRAPOSITION.match(rest):
            return _opening_found(_PRONOUN_SUBJECT, rest)
    return None


def _opening_found(rule: Caseless, text: str) -> str:
    """The words a rule anchored at the text's start (one that matched it) finds there, as the text writes them."""
    start, end = next(iter(rule.spans(text)), (0, len(text.split(" ")[0])))
    return text[start:end].strip()


def is_question(sentence: str) -> bool:
    """The sentence asks something: not a statement or step that ends on the question it gives the reader to ask
    (asks_within)."""
    return sentence.rstrip().rstrip("”\"’)").endswith("?") and not asks_within(sentence)


# The words before a quotation that make the sentence a question of its own: "Have you ever asked, “Why me?”"
_ASKING_FRAME = re.compile(r"^\W*(?:how|why|what|when|where|who|which|whose|is|are|am|was|were|do|does|did|have|has|"
                           r"had|can|could|should|would|will|may|might|must|shall|isn[’']t|aren[’']t|don[’']t|"
                           r"doesn[’']t|didn[’']t|haven[’']t|won[’']t|wouldn[’']t|can[’']t)\b", re.IGNORECASE)


def asks_within(sentence: str) -> bool:
    """A statement or step whose question is a quotation it frames: "Before you say yes, pause and ask yourself, “Do
    I have the energy for this?”" tells the reader what to ask; it asks the reader nothing (a practice owner's trial:
    read as a question, that step was left out and the sentence after it, "Your answer is information, not a
    character flaw.", made a tip alone)."""
    text = sentence.strip()
    if not text.rstrip(")").endswith(("?”", '?"')):
        return False
    start = max(text.rfind("“"), text.rfind('"', 0, len(text.rstrip(")")) - 1))
    frame = text[:start].strip() if start > 0 else ""
    # a worry the writer reports ("I hear the same worry every December: “Am I doing this wrong?”") is the question
    # the paragraph answers next, and a frame with quotations of its own ("Say “…,” or “…?”") is read as before
    return (len(words(frame)) >= 2 and not _ASKING_FRAME.match(frame) and not re.search(r"[?“\"]", frame)
            and not _WRITER.search(frame))


_WRITER = re.compile(r"\b(?:I|I’m|I'm|I’ve|I've|me|my|we|our|us)\b")


def is_fragment(sentence: str) -> bool:
    """A sentence that is not one: a subordinate clause alone, a run of words without end punctuation."""
    text = sentence.strip()
    if len(text.split()) < 2 or not text[:1].isupper() and text[:1] not in "“\"‘":
        return True
    if text.rstrip("”\"’)")[-1:] not in ".!?…":
        return True
    if text.rstrip("”\"’)").endswith(":"):
        return True
    if _SUBORDINATE.match(text):
        if _series_only(text):
            return True  # "When contempt, criticism, or disrespect have become the dominant tone.": no main clause
        return not (re.search(r",\s+\S|—\s*\S", text) or re.search(
            r"\S+\s+\S+\s.*?\b(?:you|it|they|we|he|she|your \w+)\s+(?:may|might|can|could|will|would|should|must)\b",
            text))  # "If you're stressed for a long time you may notice ...": the comma left out
    appositive = re.match(r"^([^,]{2,60}),\s+(?:which|who|whose|where)\b", text)

    if appositive and not _MAIN_VERB.search(appositive.group(1)) and not is_imperative(appositive.group(1)) \
            and not has_verb(appositive.group(1)):
        # "Traumatic stress, which may happen when ...": a noun and its clause, no verb of its own
        return not re.search(r",\s+(?:\w+ly\s+)?(?:is|are|was|were|can|could|will|would|may|might|should|must|has|"
                             r"have|do|does|helps?|works?|tends?|makes?|begins?)\b", text[appositive.end():])
    return False


def _series_only(text: str) -> bool:
    """A clause whose commas only list its items ("When in-laws, parents, or siblings involve themselves"): every
    comma is followed by an item of a few words, the last by "and" or "or", and no dash sets off a clause."""
    if re.search(r"[—–]", text):
        return False
    parts = re.split(r",\s+", text.rstrip(".!?…”\"’)"))
    return len(parts) >= 3 and all(len(part.split()) <= 3 for part in parts[1:-1]) and bool(
        re.match(r"(?:and|or|nor)\b", parts[-1]))


_PRONOUN = re.compile(r"\b(it|its|they|them|their|he|him|his|she|her|hers)\b", re.IGNORECASE)
_NOT_ANTECEDENT = frozenset(["let", "make", "help", "tell", "ask", "give", "show", "keep", "leave", "take", "get", "see", "know", "remind", "invite", "naming", "saying", "telling", "asking", "letting", "making", "doing", "having", "being", "getting", "giving", "keeping", "taking"])


_COMMAND_VERBS = frozenset(["open", "put", "leave", "keep", "take", "give", "try", "write", "bring", "hold", "set",
                            "use", "do", "let", "make", "face", "name", "say", "share", "start", "stop", "drop",
                            "accept", "notice", "watch", "see", "feel", "protect", "honor", "trust"])
_PEOPLE_THEN_THEM = Caseless(r"^(?:some|many|most|few|other)?\s*(?:people|persons?|someone|others)\b[^,;]*\b(?:on|of|"
                             r"with|to|from|about|for)\s+(?:them|it)\s*[.!?]$")


_COMMAND_ON_PRONOUN = re.compile(r"\W*([A-Za-z]+)\s+(?:it|them)\b(?!\s+(?:is|was|will|would|has|had|feels|seems|"
                                r"looks|gets|can|may|might)\b|[’']s\b)")


@per_split
def unresolved_pronoun(sentence: str) -> bool:
    """A pronoun with no noun before it in the sentence: `Naming it took time`, `Let them know`."""
    if _EXTRAPOSITION.match(sentence.lstrip("“\"‘(")):
        sentence = re.sub(r"^\W*it\b", "", sentence, flags=re.IGNORECASE)
    if _PEOPLE_THEN_THEM.search(sentence):
        return True  # "Some people even become dependent on them": them is not the people
    match = _PRONOUN.search(sentence)
    if not match:
        return False
    first = re.match(r"\W*([A-Za-z]+)\s+(?:it|them|they)\b", sentence)
    if first and first.group(1).lower() in _COMMAND_VERBS:
        return True  # "Open it gently.": the command's own verb is not what "it" stands for
    command = _COMMAND_ON_PRONOUN.match(sentence)
    if command and command.group(1).lower() in IMPERATIVES:
        return True  # "Practice it daily.", "Repeat them slowly." (not "Imagine it is Sunday evening": its own clause)

    before = [w for w in words(sentence[: match.start()]) if w.lower() not in STOPWORDS
              and w.lower() not in _NOT_ANTECEDENT and not w.lower().endswith("ing")]
    return not before


def unresolved_it(sentence: str) -> bool:
    """An "it" with no noun before it ("Take it seriously."): a list item's "they" may be named after the article's
    person (scheduler.tips.persons), an "it" never is."""
    first = _PRONOUN.search(sentence)
    return first is not None and first.group(1).lower() in ("it", "its") and unresolved_pronoun(sentence)


_DEMONSTRATIVE = Screened(
    r"(?<!^)\b(?:this|these|those)\s+(?!is\b|was\b|are\b|were\b|can\b|could\b|may\b|will\b|would\b|might\b|"
    r"should\b|must\b|means\b|way\b|helps?\b|'s\b|’s\b|you\b|they\b|we\b|it\b|he\b|she\b|i\b|year\b|week\b|"
    r"month\b|time\b|morning\b|evening\b|weekend\b|season\b|moment\b|kind\b|one\b)[a-z]+")
# "do this.", "feel that,", and "doing it," or "tried them." at a clause's end: what was done is in the sentence before
_PRONOUN_OBJECT = Screened(r"\b(?:(?:do|doing|does|did|try|trying|about|with|like|of|for|on|after|before|"
                             r"from|notice|say|says|said|feel|hear|know)\s+(?:this|that)|(?:do|doing|does|did|done|try|"
                             r"trying|tried|tries)\s+(?:it|them))\b(?=\s*[.,;:!?—–)]|$)")
# "… failed to consider such environmental factors": which factors, the sentence before said ("such as" names them)
_SUCH = Screened(r"\bsuch\s+(?!as\b|a\b|an\b|that\b)[a-z]+")
# "The world rewards this.": a short sentence that ends on what it points at says nothing else (a quotation may end on
# it: “I can handle this.”)
_SHORT_OBJECT_POINTER = re.compile(r"^\W*(?:[\w’'-]+,?\s+){1,5}(?:this|that)\s*[.!]$")  # (read lowered)
_POINTERS = Screened(r"\b(?:the above|the following|as above|mentioned above|listed above|below|earlier|"
                       r"as mentioned|as we saw|as noted|instead(?=\s*[,.;!?])|(?:each|either|neither) one(?! of)|"
                       r"one or two(?=\s+(?:into|in|to|at|on|for|with|from|of them|a day|each day)\b|[.,;!?]))\b")

_LEANS_BACK = Screened(r"\b(?:neither (?:is|are|works?|helps?|of (?:these|them|those))\b|the same way\b"
                       r"(?!\s+(?:as|that|you|we|they|i|he|she)\b))")  # "If neither is available", "responds the same way"
_COMPARES_WITHIN = re.compile(r"\b(?:no two|each|every\w*|both|nobody|no one|not all|all|two)\b")  # "No two people grieve the same way"


def points_elsewhere(sentence: str) -> bool:
    """Points at another part of the page: "the symptoms listed above", "the following", "as mentioned"."""
    return bool(_POINTERS.search(sentence.lower().replace("instead", "")))


def _framed_quotes_out(sentence: str) -> str:
    """The sentence without the quotations it frames: words a reader says or asks in the moment the sentence sets up
    ("Before you say yes to an invitation, … ask yourself, “Do I have the energy for this?”") point at that moment,
    inside the sentence (a practice owner’s trial, her holiday article: that question's "for this" had the sentence left out of its tip and of a
    `--take`). A quotation that opens the sentence frames nothing before it and stays."""
    if '"' not in sentence and "“" not in sentence:
        return sentence
    return _QUOTED.sub(lambda quoted: "“”" if words(sentence[:quoted.start()]) else quoted.group(0), sentence)


def dangling_references(sentence: str) -> int:
    """How many `this difference`, `these concerns`, `do this.`, `the above`, `the same way` point outside the
    sentence."""
    lower = sentence.lower()
    return (len(_DEMONSTRATIVE.findall(lower)) + len(_PRONOUN_OBJECT.findall(_framed_quotes_out(lower)))
            + bool(lower.endswith(("this.", "that.", "this!", "that!")) and _SHORT_OBJECT_POINTER.match(lower))
            + len(_SUCH.findall(lower))
            + len(_POINTERS.findall(lower))
            + (0 if _COMPARES_WITHIN.search(lower) else len(_LEANS_BACK.findall(lower))))


def dangling_words(sentence: str) -> str | None:
    """The words dangling_references counts first ("do this", "such factors", "the above"), as the sentence writes
    them, for a note to quote; None when it counts none."""
    lower = sentence.lower()
    framed = _framed_quotes_out(lower)
    found = [(match.start(), match.group(0) if text is framed else sentence[match.start():match.end()])
             for rule, text in ((_DEMONSTRATIVE, lower), (_PRONOUN_OBJECT, framed), (_SUCH, lower),
                                (_POINTERS, lower), (_LEANS_BACK, lower))
             if (match := rule.search(text)) is not None]
    return min(found)[1] if found else None


# --- compression --------------------------------------------------------------------------------------

# Words that only add weight; "necessarily" is a hedge and stays, and after a negation none is dropped
# ("doesn't really help" is not "doesn't help").
_HEDGES = Screened(r"(?<!n’t)(?<!n't)(?<!not)(?<!never)\s+\b(really|actually|truly|certainly|definitely|basically|"
                     r"simply)\b(?=\s)", re.IGNORECASE)
_IMPORTANT_TO = re.compile(r"^it(?:’s|'s| is)\s+(?:very\s+|so\s+|also\s+)?(?:important|essential|crucial|vital|"
                           r"wise|key|best)\s+(not\s+)?to\s+", re.IGNORECASE)
_ALSO = Screened(r"(?<!but)\s+\balso\b(?=\s)", re.IGNORECASE)
# "Remember, too, that …", "Rest matters as well.": a word that adds this sentence to what came before it, set off by
# commas, or ending a sentence of one clause (never "too much", "also called"; not "…, but a walk counts too", which
# adds to its own first clause, nor "… may fear you'll go too"; ", again," is left: "deciding, again, to …" means it).
_ADDED_ASIDE = re.compile(r",\s+(?P<word>too|also|as well),(?=\s)"
                          r"|\b(?P<before>[\w’']+)(?P<cut>\s+(?P<end>too|as well))(?=[.!?]$)", re.IGNORECASE)
_MORE_THAN_ONE_CLAUSE = re.compile(r"[,;:—–]|\b(?:and|but|or|that|whether|if|when|who|which|because|while|as|"
                                   r"since|than|you[’']ll|you[’']re|I|I[’']m|he|she|we)\b")
# "You can too.", "Me too.": the sentence needs its last word
_NEEDS_ITS_END = frozenset(["is", "are", "am", "was", "were", "can", "could", "do", "does", "did", "will", "would",
                            "have", "has", "me", "us", "so", "much", "many"])
# ", however," or ", though," inside the sentence only ties it to the one before: "The good news, however, is …"
_ASIDE_CONTRAST = Screened(r",\s+(?:however|though),(?=\s)", re.IGNORECASE)
_MODAL_STILL = Screened(r"\b(can|could|may|might|should|will|would)\s+still\b", re.IGNORECASE)
# No compression drops a "these"/"those" before a noun: "Taking these words seriously" (the teen's talk of dying) is
# not "Taking words seriously", which means nothing in particular (a user trial, docs/splitting.md "A pointer kept").
# The pointer stays, and the rules that read a leaning sentence decide whether the tip can be made.


_FOOTNOTE = Screened(r"\s*(?:\[\^?\d+\]|[¹²³⁴⁵⁶⁷⁸⁹⁰]+(?=[\s.,;:!?]|$))")
_CITATION_PARENS = Screened(r"\s*\((?:[A-Z][\w’'&.-]*(?:\s+(?:and|&|et al\.?)\s*[A-Z]?[\w’'.-]*)*,?\s+)?"
                              r"(?:19|20)\d\d[a-z]?(?:[;,]\s*[^()]*?(?:19|20)\d\d[a-z]?)*\)")
_LABEL = re.compile(r"^(?:(?:pro |quick |bonus )?tip|note|key takeaway|takeaway|bottom line|in short|tl;dr)\s*[:—–-]\s+",
                    re.IGNORECASE)


def tidy(sentence: str) -> str:
    """The sentence without footnote marks, (Author, 2020) citations or a `Tip:` label."""
    text = _CITATION_PARENS.sub("", _FOOTNOTE.sub("", sentence))
    text = _LABEL.sub("", text)
    text = re.sub(r"\s+([.,;:!?])", r"\1", text)
    return capitalize_first(text.strip()) if text != sentence else sentence


# Words in quotation marks are someone's words, to say ("That sounds really hard."): no compression edits them
_QUOTED = re.compile(r"“[^“”]*”|\"[^\"]*\"")
_KEPT = re.compile("\ue000(\ue002*)\ue001")  # where a quotation stands while the rest is compressed


@per_split
def compress(sentence: str) -> str:
    """The light compressions a tip may make of the article's sentence, nothing more (never inside a quotation)."""
    quoted: list[str] = []

    def set_aside(found: re.Match) -> str:
        quoted.append(found.group(0))
        return "\ue000" + "\ue002" * (len(quoted) - 1) + "\ue001"

    text = _QUOTED.sub(set_aside, sentence.strip()) if '"' in sentence or "“" in sentence else sentence.strip()
    match = _IMPORTANT_TO.match(text)
    if match:
        text = ("Don’t " if match.group(1) else "") + text[match.end():]
    if "not only" not in text.lower():
        text = _ALSO.sub("", text)
    text = _ASIDE_CONTRAST.sub("", text)
    text = _MODAL_STILL.sub(lambda m: m.group(1), text)
    text = _HEDGES.sub("", text)
    if quoted:
        text = _KEPT.sub(lambda found: quoted[len(found.group(1))], text)
    return capitalize_first(re.sub(r"\s{2,}", " ", text).strip())


def without_additive(sentence: str) -> tuple[str, str] | None:
    """The sentence without the word that adds it to what came before ("Remember, too, that you matter." ->
    "Remember that you matter."; "Rest matters as well." -> "Rest matters."), and that word; None when it has none
    outside a quotation, or more than one. (A bare "also" inside the sentence is compress's to drop.)"""
    text = sentence.strip()
    found = [(match.start("cut") if match.group("end") else match.start(), match.end(),
              (match.group("word") or match.group("end")).lower())
             for match in _ADDED_ASIDE.finditer(text) if not match.group("end") or (
                 match.group("before").lower() not in _NEEDS_ITS_END
                 and not _MORE_THAN_ONE_CLAUSE.search(_without_quotes(text[:match.start("cut")])))]
    quoted = [span.span() for span in _QUOTED.finditer(text)]
    found = [place for place in found if not any(start <= place[0] < end for start, end in quoted)]
    if len(found) != 1:
        return None
    start, end, word = found[0]
    return text[:start] + text[end:], word


_CLAUSE_CUT = re.compile(r"\s*(?:—|–|--|;|:|,\s+(?:especially|particularly|rather than|which|so that|even if|even when|"
                         r"because|since|as long as|like|such as|whether|and|but|instead of|including|"
                         # ", allowing the body to …": what the clause before it brings about
                         r"allowing|helping|enabling|leading to|giving|creating|fostering|promoting)\b)\s*"
                         r"|\s+(?:and|with|because|so that|especially|rather than|instead of|even if|even when|unless|"
                         r"when|while|until|before|after)\s+|\s+(?=\([^()]*\)[.!?]?$)")  # or before a closing (aside)
_MAIN_VERB = re.compile(r"\b(is|are|was|were|can|could|will|would|may|might|must|should|has|have|had|do|does|did|"
                        r"isn’t|aren’t|doesn’t|don’t|won’t|can’t|cannot|helps|means|matters|works|tends|makes|needs|takes|gives|"
                        r"feels|becomes|comes|shows|builds|lets|keeps|reflects|offers|creates|reduces|increases|"
                        r"allows|requires|depends|changes|shifts|grows|starts|begins|invites|signals|supports)\b",
                        re.IGNORECASE)
_DANGLING_END = re.compile(r"\b(a|an|the|to|of|for|your|my|their|our|his|her|its|and|or|but|that|this|than|very|"
                           r"more|most|can|will|is|are|be|not|in|on|at|as|such|include|includes|including|like|ask|"
                           r"asks|make|makes|help|helps|become|becomes|associated|related|linked|known|called|based|"
                           r"need|needs|want|wants|find|get|gets|use|uses|with|by|from|into|about|you|them|both|"
                           r"between|among|also|which|who|whose|how|what|when|where|whether|if|each|every|some|any|"
                           r"other|being|having|feel|feels|seem|seems|give|gives|take|takes|keep|keeps|let|lets|interfere|"
                           r"interferes|struggling|struggle|struggles|deal|cope|comfortable|familiar|connected|along|"
                           r"combined|compared|together|along|"
                           # "… lets your mind set them down": a phrasal verb's particle after its object ends it
                           r"(?<!\bthem )(?<!\bit )(?<!\byourself )(?<!\bthemselves )(?:up|down|out|off|over)|"
                           r"recurrent|frequent|sudden|new|"
                           r"old|certain|several|many|few|much|less|well|both|either|neither|whether|same|diagnosed|used|"
                           r"defined|described|considered|others|say|says|said|report|reports|notice|notices|think|"
                           r"thinks|believe|believes|know|knows|realize|realizes|describe|describes|tell|tells|only|"
                           r"even|just|because|unless|until|although|whereas)$",
                           re.IGNORECASE)
# The longest word _DANGLING_END names: a match ends the text (or its last line break), so it starts no further
# back than this and only the end of a text is searched (the engine tries every place otherwise, and the
# place before a match is still read for its \b).
_DANGLING_REACH = max(map(len, re.findall(r"[a-z]+", _DANGLING_END.pattern))) + 1


def ends_dangling(head: str) -> bool:
    """The text ends with a word that needs what follows ("... such as", "... the")."""
    return _DANGLING_END.search(head, max(0, len(head) - _DANGLING_REACH)) is not None


_NARROWED_CONDITION = re.compile(r"\s(?:if|when|whenever|unless)\s", re.IGNORECASE)  # a condition the head ends in
_CONTRACTED_END = re.compile(r"\w[’'](?:s|re|m|ve|ll|d)\.?$", re.IGNORECASE)


# A headline that stops where its example or list was to begin ("Describe what you noticed, for example."): cut
# where the sentence's colon gave the example
_LEADS_ON_END = re.compile(r"\b(?:for example|for instance|e\.g|such as|as follows|including)[.:]?$", re.IGNORECASE)


def without_lead_on(headline: str) -> str:
    """The headline without the words that only announced its example (", for example." -> "."): the sentence
    before them is whole, and the example stays in the post's text."""
    found = _LEADS_ON_END.search(headline)
    if found is None:
        return headline
    return headline[:found.start()].rstrip(" ,;:—–-") + "."


def unfinished(headline: str) -> bool:
    """The headline stops on a verb folded into its subject ("Sleep isn't optional — it's.", "…, you're.") or where
    its example was to begin (", for example."): the sentence went on."""
    return _CONTRACTED_END.search(headline[-7:]) is not None or _LEADS_ON_END.search(headline[-16:]) is not None


_CLAUSE_OPENER = re.compile(r"^(?:I|you|we|they|he|she|it|there|this|that|these|those|the|a|an|your|their|our|his|"
                            r"her|its|my|many|most|some|people|partners?|couples?|everyone|no one|nobody|each|"
                            r"[A-Z][a-z]+)\b")


_NEW_SUBJECT = re.compile(r"(?:the|a|an|several|many|some|most|certain|your|their|his|her|our|people|you|we|they|"
                          r"it|this|these|those|each|every|no|all|both|one|two|three)\b", re.IGNORECASE)
_BASE_VERBS = frozenset(["help", "improve", "open", "reduce", "increase", "lower", "make", "build", "boost", "support", "ease", "create", "bring", "lead", "allow", "protect", "prevent", "strengthen", "deepen", "feel", "become", "give", "keep", "find", "get", "turn", "talk", "stay", "learn", "share", "notice", "move", "ask", "seek", "set", "try", "use", "start", "stop", "let", "take", "show", "tell", "listen", "speak", "spend", "practice", "remember", "focus", "avoid", "accept"])


def _joins_verb(rest: str) -> bool:
    """What follows "and" opens a verb phrase: "... lower defensiveness and open the door"."""

    first = re.match(r"[A-Za-z’']+", rest.strip())
    if not first:
        return False
    word = first.group(0).lower()
    stem = word[:-1] if word.endswith("s") and not word.endswith("ss") else word
    return word in IMPERATIVES or word in _BASE_VERBS or stem in _BASE_VERBS or stem in IMPERATIVES


def _joins_clause(rest: str) -> bool:
    """What follows "and" is a clause of its own: a subject, then a verb."""
    return bool(_CLAUSE_OPENER.match(rest.strip())) and bool(_MAIN_VERB.search(" ".join(rest.split()[:8])))


def shorten_to_clause(sentence: str, limit: int, *, imperative: bool = False) -> str | None:
    """The longest opening of the sentence within `limit` that is still a complete thought.

    Cuts only where a clause ends: a dash, a semicolon, a comma before a new clause or an aside
    (", especially", ", which", ", and they ..."), or before "because"/"rather than"; never inside a
    series ("free, multilingual, confidential, and ...") nor after a word that needs what follows.
    """
    if len(sentence) <= limit:
        return sentence
    best = unfinished_cut = None
    for match in _CLAUSE_CUT.finditer(sentence):
        head = sentence[: match.start()].rstrip(" ,")
        if len(head) + 1 > limit:
            break
        if (len(head.split()) < 3 or (_SUBORDINATE.match(head) and not re.search(r",\s+\S", head))
                or head.count("“") != head.count("”") or head.count('"') % 2
                or head.count("(") != head.count(")") or ends_dangling(head)):
            continue
        cut = match.group(0).strip()
        rest = sentence[match.end():]
        if cut == "and" and "," in rest:
            continue  # "get enough sleep and exercise, eat well, and ...": a series
        main = head.split(",", 1)[1] if _SUBORDINATE.match(head) and "," in head else head  # past "If X,"
        if cut in (", and", ", but", "and") and ("," in main or not (
                _joins_clause(rest) or (cut != ", but" and _joins_verb(rest)))):
            continue  # inside a series, or "and" joins two nouns or adjectives of one phrase
        if cut == "with" and "," in head:
            continue
        after_that = head.rsplit(" that ", 1)[1] if " that " in head else ""
        if after_that and _NEW_SUBJECT.match(after_that) and not _MAIN_VERB.search(after_that):
            continue  # "Researchers have found that several parts of the brain"
        wh_clause = re.search(r"\b(?:how|what|why|where|whether|who)\s+(.*)$", head)
        if wh_clause and not _MAIN_VERB.search(wh_clause.group(1)) and not _joins_verb(
                " ".join(wh_clause.group(1).split()[1:2])):
            continue  # "A person can learn how others"
        if "," in head and cut.startswith(",") and cut not in (", which", ", especially", ", particularly",
                                                                  ", because", ", since", ", rather than",
                                                                  ", instead of", ", even if", ", even when"):
            continue
        needs_verb = not cut.startswith(("—", "–", "-", ";", ",", ":"))
        gerund_subject = re.match(r"^\w+ing\b", head)
        if not imperative and (needs_verb or gerund_subject) and not _MAIN_VERB.search(
                head.split(None, 1)[1] if " " in head else ""):
            continue
        if cut in ("because", ", because", "since", ", since", "so that", ", so that") and len(head.split()) < 4:
            continue  # "The technique works because it redirects attention …": the claim is in the reason
        if _NARROWED_CONDITION.search(main) and not cut.startswith(("—", "–", "-", ";", ":")):
            continue  # "You may have OCD if you get awful thoughts, even when you try to keep them out": the condition
            # would lose what narrows it (a dash or a semicolon ends the clause, "… when you start — it doesn't …")
        if unfinished(head) or cut_problem(head, sentence[match.start():]):
            unfinished_cut = unfinished_cut or closed(head)  # only when no cut ends a whole thought (a note says so)
            continue
        best = closed(head)
    if unfinished_cut is not None:  # a longer cut did not read whole: "… talking with a therapist helps." may
        standing = standing_verb_cut(sentence, limit)  # (not "… find that talking.")
        if standing is not None and len(standing) > len(best or ""):
            best = standing
    return best or unfinished_cut
