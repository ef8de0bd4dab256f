"""Whole tips a follower could not use, of the kinds outside readers named (issue 19): a setup with no advice, the
practice's own pitch, a story, text a copy garbled, and a scene, a story's line or a figure with no advice.

Each is read from the finished tip's words, and only from signs that are precise: a tip whose sentences give no
step, no reassurance and nothing said to the reader, and whose opening is a known way in ("Many couples come to
therapy after years of conflict.", "Spring can feel like a fresh start for many families.", "This guide explores
…"); the practice's product, offer or marketing line; a client's story told in the past; markup or words a copy
ran together; the reader put in a moment, a "she" no one names, "imagine it is 2 a.m.", "think of it as …", in a
tip that advises nowhere. General advice to see a therapist is advice, not a pitch. `unpostable_reason` names the
kind, for split's left-out report.
"""

from __future__ import annotations

import re

from scheduler.tips.edges import TAG, is_reader_scene, without_quotes
from scheduler.tips.sentences import Caseless, Screened, split_sentences
from scheduler.tips.standalone import orphan_pronoun
from scheduler.tips.verbs import is_imperative

# Something a follower can use: a step ("try", a command), what they can or need not do, a reassurance or a reframe.
_GIVES = Caseless(
    r"\b(?:you|we)\s+(?:(?:really|also|often|still|just)\s+)?(?:can|could|may|might|should|must|need|needn’t|"
    r"needn't|don’t have to|don't have to|do not have to|deserve|are not alone|aren’t alone|aren't alone)\b"
    r"|\b(?:try|trying|it helps|helps?|helpful|remember|okay|ok|normal|natural|valid|not your fault|"
    r"not a (?:sign|failure|flaw)|doesn’t mean|doesn't mean|does not mean|isn’t|isn't|is not|aren’t|aren't|"
    r"instead|consider|worth|important|matters?|works?|better|best|can help|makes? (?:it|a) difference|possible|"
    r"hope|hopeful|heal|heals|healing|recover|recovery|you(?:’re|'re) not alone|"
    r"than you (?:think|realize|realise|know|believe|expect))\b")

_DESCRIBES = re.compile(r"\byou\s+(?:may|might|could|can)\s+(?:also\s+)?(?:feel|be|notice|find yourself|wonder|think|"
                      r"experience|worry|see)\b"
                      # what the reader cannot do, inside a clause ("a question you can't answer"): no step either
                      r"|(?<=[a-z] )you\s+(?:can(?:’|')t|cannot|couldn(?:’|')t)\b", re.IGNORECASE)
# The ways into an article that say nothing yet (the opening of the tip's first sentence).
_WAY_IN = Caseless(
    # "Many couples come to therapy after years of conflict."
    r"^(?:many|most|some|a lot of|plenty of|so many)\s+(?:of us|people|couples|partners|families|parents|clients|"
    r"adults|teens|teenagers|men|women|students|individuals)\s+(?:\w+\s+)?(?:come|came|arrive|turn|start|begin)\s+"
    r"(?:to|into|in)\s+(?:therapy|counsel+ing|treatment|my office|our office|see)\b"
    # "Spring can feel like a fresh start for many families.", "The holidays are a busy time."
    r"|^(?:spring|summer|autumn|fall|winter|the (?:holidays|holiday season|new year|school year|summer months|"
    r"winter months)|a new (?:year|season|school year)|back[- ]to[- ]school(?: season)?|this time of year|"
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december))\s+"
    r"(?:\w+\s+)?(?:can|often|may|brings?|is|are|feels?|tends?)\b"
    # "Watching someone you love struggle can be painful.", "Finding the right therapist can feel overwhelming."
    r"|^(?!(?:while|although|though|even if|even though|if|when|whether)\b)[^,.;:!?]{3,80}?\b(?:can|may|might|will|often)\s+(?:feel|be|seem|become)\s+(?:so |very |really |incredibly |"
    r"deeply |quite )?(?:painful|overwhelming|hard|difficult|confusing|frightening|scary|isolating|exhausting|"
    r"hopeless|daunting|lonely|stressful|intimidating|heartbreaking|draining|impossible|(?:like )?a fresh start)\b")
# A line about the article itself, not about the reader's life: "This guide explores the emotional impact of …".
_ABOUT_THE_PAGE = Caseless(
    r"\b(?:this|the following|our|my) (?:guide|article|post|blog post|page|piece|section|series)\s+"
    r"(?:\w+\s+)?(?:explores|covers|will|looks at|walks|helps you|offers|shares|outlines|describes|explains|"
    r"breaks down|unpacks|goes through|takes you through|examines|discusses|"
    r"is (?:for|about|designed|meant|here))\b"
    r"|\b(?:(?:is|are) worth knowing)\b"
    # "Understanding these differences can help you choose the right fit.": a promise the tip does not keep
    r"|^understanding (?:the |these |this |those |your )?(?:differences?|distinctions?|options|signs)\b[^.!?]{0,60}?"
    r"\b(?:can|will|may) help you\b")

# The practice's own selling in words a product page uses: its tool by name, what the author offers, marketing lines.
_OWN_PITCH = Screened(
    r"\b[Oo]ur (?:free |confidential |online )?[A-Z][\w’'-]+"
    r"|\bI (?:offer|provide|specialise|specialize|see clients|work with clients|am (?:accepting|currently accepting))\b"
    r"|\bfree (?:\d{1,2}|fifteen|twenty|thirty)[- ]minute\b"
    r"|\b(?:unleash|unlock) your (?:true |full )?potential\b|\bembark on (?:a|your|the) (?:path|journey)\b"
    r"|^[Gg]et ready to\b", by_words=True)  # "our" is found inside "your": screened on whole words
_OUR_TITLE = re.compile(r"\b[Oo]ur (?:free |confidential |online )?([A-Z][\w’'-]+)")
_NOT_A_PRODUCT = frozenset(["God", "Lord", "Creator", "English", "American", "Canadian", "British"])

# A client's story in the past: "Last year a client told me she felt invisible.", "One client described …".
_CLIENT_STORY = Caseless(
    r"\b(?:a|one|another|my|our) (?:\w+\s+)?(?:client|patient|mother|father|parent|teen|couple|"
    r"(?:\w+|\d{1,2})-year-old)\s+(?:(?:once|recently|later|first|who)\s+)?(?:told|said|described|asked|"
    r"shared|came|admitted|explained|wrote|confided|put it)\b"
    r"|\b(?:a|one) (?:of my )?clients? (?:once|recently)\b")

# A scene set for the reader, the advice somewhere else: "Imagine it is 2 a.m. and you are awake again.", "Picture
# this: …". An exercise ("Imagine you are talking to a friend.", "Picture yourself somewhere calm.") is advice: only
# a moment set ("it is …", "waking up …") is a scene.
_SCENE_SET = Caseless(r"^(?:imagine|picture) this\s*[:,—–-]|^imagine (?:that )?(?:it(?:’s|'s| is)|waking|coming home|"
                      r"lying awake|sitting (?:at|in|across))\b")
# A figure whose subject is elsewhere: "Think of it as a friendly prod.", "It's like a smoke alarm." (what "it" is, the
# paragraph said before).
_FIGURE_OF_ELSEWHERE = Caseless(r"^(?:think of (?:it|this|that|them) (?:as|like)|(?:it|this|that)(?:’s|'s| is) "
                                r"(?:a bit |rather |much |just )?like)\b")
_OPENS_ON_AN_IMAGE = Caseless(f"{_SCENE_SET.pattern}|{_FIGURE_OF_ELSEWHERE.pattern}")

# Text a copy broke: markup left in, words run together, a form's or a menu's line.
_DEBRIS = Screened(r"\]\(|\[[^\]]*\]|[{}|]|\*\*|__|\\[nt]|^\W*(?:home|menu|skip to)\b|"
                     r"\b(?:name|e-?mail|phone|message)\s*\*", re.IGNORECASE)
_ENTITY = re.compile(r"&[a-z]+;", re.IGNORECASE)  # "&amp;", as a copy of a web page leaves it
_RUN_TOGETHER = re.compile(r"\b[a-z]{3,}[A-Z][a-z]{2,}\b")


def unpostable_reason(headline: str, text: str) -> str | None:
    """Why a follower could not use this tip as it stands, of the kinds above; None when no precise sign says
    so. The reason is what split's left-out report shows."""
    sentences = split_sentences(text) or [text]
    words_ = without_quotes(f"{headline} {text}")
    if _DEBRIS.search(f"{headline} {text}") or holds_markup(f"{headline} {text}") or _RUN_TOGETHER.search(words_):
        return "garbled source text (markup or words run together): fix the article or write the tip by hand"
    if any(_CLIENT_STORY.search(without_quotes(s)) for s in sentences):
        return "a story (a client's, told in the past): a line of it says nothing alone"
    if _own_pitch(words_):
        return "the practice's own pitch (its offer, its tool or a marketing line), not a tip for a follower"
    if _gives_nothing(sentences) and (_WAY_IN.search(without_quotes(sentences[0]).strip())
                                      or any(_ABOUT_THE_PAGE.search(without_quotes(s)) for s in sentences)):
        return "a setup with no advice (the way into the article, nothing a follower can use)"
    scene = _scene(sentences)  # "imagine" and "think of it as" are commands that ask for nothing to be done:
    if scene and _gives_nothing(sentences[1:] if _OPENS_ON_AN_IMAGE.search(sentences[0]) else sentences):
        return scene
    return None


def _scene(sentences: list[str]) -> str | None:
    """The kind of scene, story or figure the tip is, when its opening is one: the reader put in a moment ("You've
    drafted the email seventeen times. You call it being thorough."), a "she" or "he" from an anecdote no one in the
    tip names ("Nobody would guess she's struggling.") or someone in a place ("The man in the waiting room …"), a
    scene set with "imagine", a figure of something said before. Which only counts when no sentence of the tip
    advises (_gives_nothing)."""
    first = without_quotes(sentences[0]).strip()
    if _SCENE_SET.search(first):
        return "a scene set for the reader (“imagine …”), with the advice somewhere else"
    if _YOU_DO.match(first) and is_reader_scene(sentences):
        return "a scene the reader is put in (what “you” do or are), with no advice of its own"
    if orphan_pronoun(_CONTRACTED.sub(r"\1 is", first)) in _SHE_OR_HE or _SOMEONE_THERE.search(first):
        return ("a line of a story (someone the tip does not name, or one person in one place), with no advice of "
                "its own")
    if _FIGURE_OF_ELSEWHERE.search(first):
        return "a figure of speech for something said before (“think of it as …”), with no literal claim"
    return None


# What "you" are or have done ("You're reliable.", "You've drafted it seventeen times."), not what "your brain needs"
# (a claim about the reader's insides, often the insight itself) nor what "you" do in a session ("You hold the
# target lightly in mind": how a therapy goes, told to the reader).
_YOU_DO = Caseless(r"^you(?:’re|'re|’ve|'ve)\s")
_CONTRACTED = re.compile(r"\b([Ss]he|[Hh]e)[’']s\b")  # "she's struggling": the pronoun read alone
# One person in one place, the way an anecdote opens: "The woman sitting across from me …", "The man in the waiting
# room looks calm." ("The person who …", "A parent in this spot …" speak of anyone.)
_SOMEONE_THERE = Caseless(r"^the (?:man|woman|boy|girl|client|couple|mother|father|teen|teenager|patient|student)\s+"
                          r"(?:in|at|on|across|beside|next to|sitting|standing|walking)\b")
_SHE_OR_HE = frozenset(["she", "he", "her", "him", "his", "She", "He", "Her", "Him", "His"])


def holds_markup(words_: str) -> bool:
    """Whether the words hold an HTML tag or entity, which every network posts as written ("<b>", "&amp;")."""
    return bool(TAG.search(words_) or _ENTITY.search(words_))


def _own_pitch(words_: str) -> bool:
    match = _OWN_PITCH.search(words_)
    if match is None:
        return False
    title = _OUR_TITLE.search(match.group(0))
    return title is None or title.group(1) not in _NOT_A_PRODUCT


def _gives_nothing(sentences: list[str]) -> bool:
    """No sentence is a step, speaks to what the reader can do or reassures (a line about the page promises, it
    does not give): a setup, when it opens as one."""
    return not any((_GIVES.search(_described(s)) or (is_imperative(s) and not s.rstrip().endswith("?")))
                   and not _ABOUT_THE_PAGE.search(without_quotes(s)) for s in sentences)


def _described(sentence: str) -> str:
    """The sentence without what only describes the reader ("You might feel helpless"): no step in that."""
    return _DESCRIBES.sub("", without_quotes(sentence))
