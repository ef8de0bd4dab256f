"""Which words are verbs: a sentence that opens with a command, a text that has a verb at all.

Shared by the headline rules (drafts), the filters and the edges, so that none of them imports another for it.
"""

from __future__ import annotations

import re

from scheduler.tips.sentences import Caseless, per_split, words

IMPERATIVES = frozenset(["accept", "acknowledge", "adjust", "agree", "allow", "apologize", "approach", "ask", "assume", "avoid", "be", "begin", "believe", "breathe", "bring", "build", "call", "celebrate", "check", "choose", "clarify", "commit", "communicate", "consider", "create", "decide", "define", "describe", "discuss", "do", "don’t", "don't", "drop", "encourage", "end", "explain", "explore", "express", "focus", "follow", "forgive", "frame", "get", "give", "go", "hold", "honor", "identify", "imagine", "include", "invite", "keep", "learn", "leave", "let", "limit", "listen", "look", "make", "mention", "name", "note", "notice", "offer", "open", "pause", "pay", "pick", "plan", "practice", "prepare", "protect", "put", "read", "recognize", "reflect", "release", "remember", "repeat", "resist", "respect", "respond", "rest", "return", "revisit", "save", "schedule", "see", "seek", "set", "share", "show", "sit", "skip", "slow", "speak", "start", "stay", "step", "stop", "suggest", "summarize", "take", "talk", "tell", "thank", "think", "treat", "trust", "try", "turn", "use", "validate", "wait", "watch", "welcome", "work", "write", "lead", "repair", "soothe", "rebuild", "reach", "drink", "eat", "sleep", "move", "walk", "exercise", "breathe", "stretch", "journal", "celebrate", "connect", "reconnect", "unplug", "limit", "lower", "plan", "protect", "prioritize", "create", "find", "join", "volunteer", "laugh", "cry", "feel", "allow", "admit", "commit", "forgive", "choose", "drive", "cook", "swap", "trade", "replace", "catch", "label", "name", "count", "pause", "rest", "drop", "remind", "reframe", "guard", "budget", "say", "bring", "hug", "research", "notice", "go", "stop", "schedule", "spend", "engage", "maintain", "establish", "develop", "stick", "balance", "expect", "model", "teach", "praise", "normalize", "embrace", "aim", "ditch", "challenge", "savor", "own", "meet", "tune", "lean", "honor", "anticipate", "remove", "bring"])
_ADVERB_OPENER = re.compile(r"^(?:never|always|just|simply|gently|please|calmly|kindly)\s+",
                            re.IGNORECASE)


@per_split  # asked of a sentence as a candidate, a headline, a question, a list's item...
def is_imperative(sentence: str) -> bool:
    """Opens with a command ("Expect pushback."), also after an adverb ("Never use contempt.")."""
    bare = _ADVERB_OPENER.sub("", sentence.lstrip("“\"‘("), count=1)
    first = words(bare)[:1]
    return bool(first) and first[0].lower() in IMPERATIVES and not re.match(r"^\w+ing\b", bare)


_MORE_COMMANDS = frozenset(["splash", "tense", "visualize", "clench", "push", "squeeze", "inhale", "exhale", "channel",
                            "express", "list", "break", "question", "remove", "picture", "relax", "stretch", "place",
                            "hold", "scan", "label", "jot", "spend", "turn", "set", "plan", "pick", "avoid", "cut",
                            "swap", "add", "bring", "shift", "get", "try", "go", "keep", "stay", "call", "text",
                            "visit", "sit", "lie", "close", "open", "look", "listen", "smell", "taste", "touch", "hum",
                            "sing", "dance", "garden", "paint", "draw", "color", "colour", "knit", "read", "play", "run",
                            "rub", "wash", "sip", "tap", "shake", "light", "wrap", "pet", "cuddle", "chew", "whisper",
                            "smile", "unfollow", "mute", "silence", "log", "book", "bake", "cook", "clean", "tidy",
                            "alternate", "divide", "rotate"])  # "Alternate holidays between families each year"


@per_split
def is_command(text: str) -> bool:
    """Opens with a command, also one of the self-help verbs the shared list lacks ("Splash cold water...")."""
    first = words(text)[:1]
    return is_imperative(text) or (bool(first) and first[0].lower() in _MORE_COMMANDS and text[:1].isupper())


# A list item read as a command only because its siblings are (scheduler.tips.advice_lists): its first word is in
# neither list above, so the tip's own checks cannot see the step it gives and say so of nothing else
SIBLINGS_COMMANDS = "read as a command, as its list's other items are: check “{}” is what to do"


_VERB = Caseless(r"\b(is|are|was|were|can|could|will|would|may|might|must|should|has|have|had|do|does|did|"
                 r"isn’t|aren’t|doesn’t|don’t|won’t|can’t|helps?|means?|matters?|works?|tends?|makes?|"
                 r"needs?|takes?|gives?|feels?|becomes?|comes?|shows?|builds?|lets?|keeps?|costs?|lowers?|"
                 r"raises?|reduces?|increases?|improves?|predicts?|protects?|starts?|begins?|ends?|"
                 r"creates?|causes?|affects?|changes?|supports?|hurts?|heals?|grows?|leads?|sends?)\b")


def has_verb(text: str) -> bool:
    return _VERB.search(text)


def verb_spans(text: str) -> list[tuple[int, int]]:
    """Where has_verb's verbs are in the text."""
    return _VERB.spans(text)


def main_verb(sentence: str) -> bool:
    """A verb outside a clause of its own: "Maintaining a performance is draining.", "For people who struggle…,
    leaving home can feel impossible.", not "Exploring who you are", "a voice that can provide support" or "an
    excuse not to do things"; after an opening -ing, only a verb that agrees with it ("Creating routines helps"),
    not "Having your body do things…" or "Learning to communicate needs and maintain…" (an infinitive's object)."""
    action = _ACTION.match(sentence)
    for start, end in verb_spans(sentence):
        before = sentence[:start]
        if _CLAUSE_WORD.search(re.split(r"[,;:]", before)[-1]) or re.search(r"\bto\s*$", before, re.IGNORECASE):
            continue
        if action and (not _AGREES.match(sentence[start:end]) or _INFINITIVE_OBJECT.search(before)):
            continue
        return True
    return False


# A description that opens on an action, not a subject ("Helping young people name…", "Gradually rebuilding…",
# "Not knowing…"); a word in -thing is a noun ("Nothing")
_ACTION = re.compile(r"^(?:\w+ly\s+|not\s+)?(?!\w*thing\b)\w{2,}ing\b", re.IGNORECASE)
_AGREES = re.compile(r"^(?:is|was|isn['’]t|wasn['’]t|can|can['’]t|could|will|won['’]t|would|may|might|should|must|"
                     r"does|doesn['’]t|has|\w+[^s\W]s)\b", re.IGNORECASE)
_INFINITIVE_OBJECT = re.compile(r"\bto\s+(?!(?:someone|somebody|people|others|me|you|him|her|us|them|it|the|an?|"
                                r"your|their|my|our|his|its)\b)\w+\s+$", re.IGNORECASE)
_CLAUSE_WORD = re.compile(r"\b(?:that|which|who|whom|where|whether|how|what|when|why)\b", re.IGNORECASE)
