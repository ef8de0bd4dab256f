"""Checks that a finished tip stands alone, read as a follower reads it: one card and one post, nothing around it.

Independent of the scorer (scheduler.tips.scorer) and of the rules that chose the sentence: these read the words
split is about to write, headline and text together, and each problem found is a note that names it. A tip is
ready only when none is found (scheduler.tips.readiness). They are strict on purpose: a tip held back for a look
costs the manager a glance; a ready tip that is not postable costs the manager's trust in `ready`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from scheduler.tips.conditions import (
    after_condition,
    condition_of,
    gives_advice,
    needs,
    opens_on_condition,
    situated_line,
    takes_condition,
)
from scheduler.tips.drafts import lead_in_case
from scheduler.tips.edges import first_person, is_story, without_quotes
from scheduler.tips.filters import (
    advises_everyone,
    is_promotion,
    is_question,
    opens_with_reference,
)
from scheduler.tips.sentences import (
    STOPWORDS,
    Caseless,
    Screened,
    per_split,
    split_sentences,
    words,
)
from scheduler.tips.tipmodel import SIGNS
from scheduler.tips.verbs import has_verb, is_command, is_imperative

# The notes, by the problem they name (readiness keeps a person's edit from carrying them over: see NOTES).
LEANS = "leans on what came before (“{}”): make it say what it means"
NO_ANTECEDENT = "a pronoun with no one to refer to in the tip (“{}”): name who"
POINTS_ELSEWHERE = "points at another part of the article (“{}”)"
FIRST_PERSON = "speaks in the author’s “I”: turn it to “you” or leave it out"
PRACTICE_VOICE = "the headline speaks as “we”: check it is not the practice speaking"
STORY = "tells a story in the past, not advice"
QUESTION = "a question with no answer in the tip"
CARRIED_QUESTION = "the text opens with the article’s question: check it reads as one post"
NOT_TO_READER = "says nothing to the reader (no “you”, no step to take): is it advice?"
LABEL = "opens with a label (“{}”): drop it"
CUT_SHORT = "the headline stops where the sentence needs more (“… {}”)"
NO_VERB = "the headline has no verb: make it a sentence"
BROKEN = "the text is not whole sentences (“{}”): check the cut"
TITLE_CASE = "odd capitals in the headline: write it in sentence case"
EXAMPLE_ALONE = "an example of what to say, alone: add the situation it is for"
DEFINITION = "a definition, not advice: check it gives a follower something to use"
THE_UNSAID = "points at something the tip has not said (“{}”): name it"
SYMPTOMS_OF_WHAT = "symptoms of what? name the condition"
TO_WHOM = "names no one to speak to (“{}”): say to whom"
PRACTICE_TALK = "speaks about the practice’s clients or training, not to a follower"
FOR_WHAT = "speaks of “{}” but names no condition: say what it is for"
SITUATION = "the heading says when this applies (“{}”): say it in the tip"
SITUATION_LEAD_IN = "the list’s lead-in says when this applies (“{}”): say it in the tip"
LONG = "long for one tip ({} words): check it reads at a glance"
# Said only of a tip held back already (content_hints): they name its likeliest problem, and never change `ready`;
# POINTS_OUTSIDE also of any tip whose first sentence ends a clause on "this" or "that" (standalone_notes)
POINTS_OUTSIDE = "points at something said before this tip (“{}”): say what it means"
LEAD_IN_ALONE = "a list’s lead-in without its items: add them or leave it out"
OFFER = "reads as the practice’s own offer, not a tip for a follower"

NOTES = tuple(note.split("(")[0].split("“")[0] for note in (
    LEANS, NO_ANTECEDENT, POINTS_ELSEWHERE, FIRST_PERSON, PRACTICE_VOICE, STORY, QUESTION, CARRIED_QUESTION, NOT_TO_READER, LABEL,
    CUT_SHORT, NO_VERB, BROKEN, TITLE_CASE, EXAMPLE_ALONE, THE_UNSAID, SYMPTOMS_OF_WHAT, TO_WHOM, PRACTICE_TALK, DEFINITION, LONG,
    FOR_WHAT, SITUATION, SITUATION_LEAD_IN, POINTS_OUTSIDE, LEAD_IN_ALONE, OFFER))

WEAK_READINGS = (NOT_TO_READER, DEFINITION)  # said only when nothing else is wrong: alone they do not name a fault

MAX_WORDS = 60  # headline and text together: more than a follower reads at a glance on a phone

# Openers the sentence rules do not count but a reader does: the tip leans on a point, a step or a part the
# article named before ("The key is…", "One such component…", "More importantly,…", "…matters too.").
_LEANING = re.compile(
    r"^(?:one such|such a|the (?:key|trick|first step)\b(?!\s+(?:to|in)\s)|"  # "The key to …" names it
    r"the (?:goal|idea|point|problem|answer|difference|result|process|timeline|"
    r"next step|second step|third step|last step|final step|reason|rest|same|latter|former|"
    r"good news|bad news|bottom line|catch|truth is|following)\b|"
    r"more importantly|most importantly|even more|even better|"
    r"better yet|equally|in the same way|on top of that|what(?:’|')?s more|as well as|along with|apart from|"
    r"in addition|at the same time|at that point|at this point|in that moment|in those moments|from there|"
    r"here(?:’|')?s|now that|over time,? (?:this|that|these|those|they|it)\b)", re.IGNORECASE)
_TOO = re.compile(r"\b(?:too|as well|either)\s*[.!?]|(?<!one another)\b(?:another|the other)\b(?!\s+(?:person|people))"
                  r"|\b(?:also|again)\b", re.IGNORECASE)
_PLURAL_REFERENTS = frozenset(["they", "them", "their", "theirs", "themselves"])
_PERSON_REFERENTS = frozenset(["he", "him", "his", "she", "her", "hers", "himself", "herself"])
_REFERENT = Caseless(r"\b(?:they|them|their|theirs|themselves|he|him|his|she|her|hers|himself|herself)\b")
_WORD = re.compile(r"[A-Za-z’']+")
_NEXT_WORD = re.compile(r"\s*(\S+)")  # the next of text.split()'s words after a place
PEOPLE = frozenset(["people", "person", "partner", "partners", "spouse", "child", "children", "kid", "kids", "teen",
                     "teens", "teenager", "teenagers", "friend", "friends", "family", "families", "parent",
                     "parents", "someone", "anyone", "everyone", "somebody", "anybody", "everybody", "others",
                     "loved", "baby", "babies", "client", "clients", "colleague", "colleagues", "coworker",
                     "coworkers", "boss", "mother", "father", "mom", "dad", "husband", "wife", "son", "daughter",
                     "men", "women", "man", "woman", "couple", "couples", "relative", "relatives", "sibling",
                     "siblings", "adult", "adults", "student", "students", "provider", "doctor", "therapist",
                     "counselor", "counsellor", "group", "team", "staff", "individuals", "individual", "caregiver",
                     "caregivers", "boy", "girl", "toddler", "infant", "peers", "peer", "neighbor", "neighbour",
                     "employee", "employees", "manager", "grandparent", "grandparents", "patient", "patients"])
HUMAN_THINGS = frozenset(["feelings", "needs", "addiction", "emotions", "lives", "life", "behaviour", "behavior", "own",
                           "friends", "parents", "partner", "partners", "children", "kids", "family", "mind", "minds",
                           "body", "bodies", "brain", "thoughts", "fears", "pain", "experience", "experiences",
                           "story", "stories", "recovery", "healing", "journey", "loved", "grief", "anxiety",
                           "disappointment", "music", "games", "worries", "struggles", "trauma", "mood", "anger"])
_NOT_PLURAL = frozenset(["is", "was", "has", "does", "this", "us", "yes", "his", "its", "as", "less", "process",
                         "stress", "illness", "sadness", "loneliness", "kindness", "wellness", "fitness", "business",
                         "awareness", "happiness", "always", "sometimes", "perhaps", "anxious", "nervous",
                         "various", "serious", "across", "unless", "yourselves", "ourselves", "themselves",
                         "focus", "status", "bus", "success", "progress", "distress", "access", "address",
                         "mindfulness", "helpless", "hopeless", "worthless", "thus", "plus", "towards", "afterwards",
                         "sadness", "emptiness", "willingness", "numbness", "tiredness", "weakness", "alertness",
                         "gets", "feels", "says", "needs", "means", "helps", "makes", "takes", "seems", "looks",
                         "tends", "works", "becomes", "comes", "goes", "lets", "keeps", "gives", "shows"])
_LABEL = re.compile(r"^([A-Z][\w’' -]{0,28}):\s")
_CUT_AFTER = ("include", "includes", "including", "are", "is", "can", "could", "might", "may", "mean", "means",
              "involve", "involves", "by", "as", "into", "onto", "through", "between", "such as", "discuss", "facing",
              "the", "a", "an", "and", "or", "but", "that", "because", "your", "their", "our", "whether", "than", "if",
              "these", "those", "following", "support you in", "help you with", "work on")
_NEEDS_MORE = re.compile(r"\b(" + "|".join(_CUT_AFTER) + r")\s*[.!?]$", re.IGNORECASE)
_LONGEST_CUT_AFTER = max(map(len, _CUT_AFTER))
# Of _CUT_AFTER, the words that end many whole sentences ("…tell your team what it is.", "…when you can.", "…more
# complex than that.", "…find your own way through."): a headline ending on one is cut short only when it is no whole
# sentence of its text (a user trial, issue 19 point 8). The others ("include", "the", "and", "facing") need what
# follows even in a whole sentence: the source itself stopped there.
_MAY_END = frozenset(["is", "are", "can", "could", "might", "may", "that", "these", "those", "through", "work on"])
_POINTER = Screened(r"\b(?:the above|the following|as above|mentioned above|listed above|see below|below:|"
                      r"as mentioned|as we saw|as noted|as discussed|earlier in this|in this (?:post|article))\b",
                      re.IGNORECASE)
# Nouns that, after "the", name something the article introduced earlier ("the invitation", "the waiting").
_CONTEXT_NOUNS = re.compile(r"\b(?:the|that|this|these|those)\s+(invitation|distance|waiting|incident|event|situation|"
                            r"issue|topic|technique|exercise|method|strategy|approach|steps|list|tips|signs|"
                            r"symptoms|reactions?|results|sessions?|budget|cycle|waves|program|programme|"
                            r"plan|process|tool|tools|idea|goal|key|timeline|activity|activities)\b",
                            re.IGNORECASE)
_PRACTICE_TALK = Caseless(r"\b(?:clients?|supervisees?|supervision|accreditation|accredited|registration|bacp|cpd|"
                          r"practitioners?|trainees?|our practice|my practice|my clients)\b")
_CONDITION = Caseless(r"\b(?:depression|depressive|anxiety|anxious|stress|panic|ptsd|trauma|traumatic|burnout|grief|"
                      r"ocd|adhd|bipolar|illness|disorder|phobia|insomnia|psychosis|eating|addiction|withdrawal|"
                      r"covid|flu|infection|disease|condition)\b")
# "Ask each other…", "Tell one another…": the reader and the one they are with, named (TO_WHOM is not true of it).
_RECIPROCAL = re.compile(r"\b(?:each other|one another)\b", re.IGNORECASE)
_SPEAK = re.compile(r"^(share|suggest|ask|tell|say|explain|discuss|mention|propose|offer)\b", re.IGNORECASE)
_IT_HELPS = re.compile(r"^it(?:’s|'s| is| can| may| often)?\s+(?:\w+\s+)?(?:helps?|okay|ok|normal|important|worth|fine|"
                       r"natural|essential|helpful|wise|useful|healthy|valid)\b", re.IGNORECASE)
_DEFINITION = re.compile(r"^(?:[A-Z][\w’'-]*\s+){1,3}(?:is|are|refers to|means)\s+(?:a|an|how|what|when|defined|"
                         r"the(?!\s+(?:most|best|worst|single|biggest|hardest|first|key|one)\b)|"
                         r"one of|characterized|described|known|considered|your|our)\b")
# A reframe set against what the reader fears it means ("Setting a boundary is not the same as rejecting your
# parent.", "Guilt doesn't mean you did something wrong."): advice in the form of a statement, not a definition
# (issue 19: the note was untrue of a manager's own reassurance).
_REFRAME = Caseless(r"\b(?:(?:is|are|was|were)\s+not|isn[’']t|aren[’']t|wasn[’']t|weren[’']t)\s+(?:always\s+|quite\s+|"
                    r"necessarily\s+|really\s+)?the same(?: thing)? as\b|\b(?:does|do|did|need)(?:\s+not|n[’']t)\s+"
                    r"(?:always\s+|necessarily\s+|automatically\s+)?mean\b")
_ACRONYM = re.compile(r"^[A-Z0-9&]{2,}s?$")
_YOU = Caseless(r"\b(?:you|your|yours|yourself)\b")
_PRACTICE_VOICE = Caseless(r"\b(?:we|our|ours|us|we’re|we're|we’ll|we'll|we’ve|we've)\b")
_SYMPTOMS = Caseless(r"\bsymptoms\b")
# Words of care that need the condition they treat: "Finding the best treatment may take trial and error" and
# "Recovery is not about perfection" lean on the article's subject (treatment of what? recovery from what?).
_CARE_WORDS = Screened(r"\b(?:treatments?|medications?|medicines?|diagnos(?:is|es|ed)|relapses?|"
                         r"recovery(?! time)|side effects|doses?)\b", re.IGNORECASE)
_ILLNESS = Caseless(r"\b(?:mental health|mental illness|mood|sleep|alcohol|drugs?|substances?|drinking|smoking|"
                    r"gambling|heart|injury|pain|migraine|allerg\w*|asthma|diabetes|cancer|pregnan\w*|postpartum|"
                    r"perinatal|schizophrenia|eating disorders?|self-harm|suicid\w*|abuse|loss|breakup|divorce)\b")
# A moment a heading names ("During a panic attack", "After a traumatic event"): statements under it lean on it too.
_MOMENT = ("after ", "during ", "in the middle of", "in the aftermath of", "in the wake of")


def _cut_short(head: str) -> re.Match | None:
    """_NEEDS_MORE in the headline ("Common reasons include."), searched only where a match can start: its words
    end where the spaces before the closing mark begin, so it starts at most the longest of them earlier (the
    rule tried at every place of a headline was a tenth of the readiness checks)."""
    end = len(head) - 1 if head.endswith("\n") else len(head)  # $ is also before a last line break
    if not end or head[end - 1] not in ".!?":
        return None
    words_end = len(head[:end - 1].rstrip())
    return _NEEDS_MORE.search(head, max(0, words_end - _LONGEST_CUT_AFTER))


# "this" or "that" as the object at a clause's end, in a tip's first sentence, where nothing in the tip came before it
_OBJECT_POINTER = re.compile(r"(?<=[a-z’'] )(?:this|that)\b(?=\s*[,;!?—–)]|\s*\.|$)")
# "Come back to it calmly, …", "Bring it up gently.", "Do that daily.": "it" or "that" as the object of the verb the
# tip opens on, the first clause's only words before it, so that it can only mean something said before the tip.
# Not an "it" that stands for what follows it ("Make it a habit to …", "Take it seriously if …", "Say it out loud:
# “…”"), an idiom ("Take it easy", "Let it go", "Give it time"), or the subject of a clause ("Imagine it is …").
_OPENING_OBJECT = re.compile(
    r"^(?:(?:don[’']t|do not|never|always|just|gently|calmly|please|then)\s+)?(?P<verb>[A-Za-z]+)"
    r"(?:\s+(?:back|up|down|out|over|through|on|off|about|to|with|into|from|at|for|around|away|past|by))*\s+"
    r"(?P<pointer>it|that)\b(?P<after>[^,;:—–]*)", re.IGNORECASE)
_IT_STANDS_FOR_WHAT_FOLLOWS = re.compile(
    r"^\s+(?:is|was|will|would|can|could|may|might|has|had|feels|seems|gets|looks|does|did)\b|^\s*[’']s\b"
    r"|\b(?:if|when|whenever|that|to|how|what|whether)\b", re.IGNORECASE)
_IDIOM = re.compile(r"^(?:make|makes|take\s+it\s+(?:easy|slow|one)|let\s+it\s+(?:go|be|pass|out)|give\s+it\s+"
                    r"(?:time|a\b|some|your)|keep\s+it\s+(?:simple|short|light|brief|small|casual|real|low)|"
                    r"(?:think|speak|talk|hear)\s+of\s+it\b|face\s+it\b)", re.IGNORECASE)
_AFTER_THAT = re.compile(r"^\s+(?:again|every|each|daily|today|tonight|now|later|first|together|calmly|gently|slowly|"
                         r"kindly|carefully|regularly|often)\b", re.IGNORECASE)


def _opening_object(head: str) -> str | None:
    """The "it" or "that" the tip's first clause opens on as its verb's object, when nothing in the tip can be what
    it means (_OPENING_OBJECT); None else."""
    bare = without_quotes(head.lstrip("“\"‘(").strip())
    found = _OPENING_OBJECT.match(bare)
    if found is None or _IDIOM.match(bare[found.start("verb"):]) or not (is_imperative(
            bare[found.start("verb"):]) or is_command(bare[found.start("verb"):]) or found.group("verb").lower() in
            _MORE_VERBS) or re.search(r"[:“\"]", head[found.end("pointer"):]):
        return None
    if found.group("pointer").lower() == "that":
        return found.group("pointer") if _AFTER_THAT.match(found.group("after")) else None
    return None if _IT_STANDS_FOR_WHAT_FOLLOWS.search(found.group("after")) else found.group("pointer")


_MORE_VERBS = frozenset(["come", "bring", "raise", "revisit", "mention", "practice", "repeat", "write", "try", "do",
                         "hold", "drop", "leave", "put", "place", "handle", "treat", "approach", "address"])


def is_example_headline(headline: str) -> bool:
    """A line of what to say, as split writes one: "Try saying: “…”", alone or after its situation."""
    return headline.startswith("Try saying:") or situated_line(headline) is not None


def standalone_notes(headline: str, text: str, *, kind: str, section: str = "",
                     names: frozenset[str] = frozenset()) -> list[str]:
    """What keeps this tip from standing alone on a follower's phone; [] when nothing does. `names`: the words the
    article writes capitalised mid-sentence more than once (mid_sentence_names), never odd capitals."""
    found: list[str] = []
    head = headline.strip()
    body = text.strip()
    bare_head, bare_body = without_quotes(head), without_quotes(body)
    rest = body[len(head):].strip() if body.startswith(head.rstrip(".!?…")) else body
    sentences = split_sentences(body) or [body]
    example = kind == "example" or is_example_headline(head)

    label = _LABEL.match(head) or _LABEL.match(body)
    if label and len(words(label.group(1))) >= 2 and (is_imperative(label.group(1)) or has_verb(label.group(1))):
        label = None  # a heading that is advice, joined to its sentence ("Stay connected: call one friend …")
    if label and not example:
        found.append(LABEL.format(label.group(1) + ":"))
        head = head[label.end():] if head.startswith(label.group(0)) else head
    situated = situated_line(head) is not None  # "Next time your brother …, try saying: “…”" opens on its own case
    opener = (None if situated else _leaning_opener(head)) or (
        None if body.startswith(head.rstrip(".!?…")) or kind == "heading" or example
        else _leaning_opener(sentences[0]))  # a heading's text reads on from the card
    # (and an example's text may set it against what not to say: "Instead of “…,” try saying: “…”")
    if opener:
        found.append(LEANS.format(short_quote(opener)))
    outside = None if opener else _OBJECT_POINTER.search(without_quotes(sentences[0]))
    if outside:  # "Your loved one isn't choosing this, and …": kept (not a line that leans and says nothing else)
        found.append(POINTS_OUTSIDE.format(outside.group(0)))
    elif not opener and kind != "example" and not example:
        it = _opening_object(head)
        if it:  # "Come back to it calmly, …": what "it" is was said before the tip
            found.append(POINTS_OUTSIDE.format(it))
    pointer = _POINTER.search(bare_body)
    if pointer and not opener:
        found.append(POINTS_ELSEWHERE.format(pointer.group(0)))
    orphan = orphan_pronoun(bare_body if body.startswith(head.rstrip(".!?…")) else bare_head + " " + bare_body)
    if orphan and not opener:
        found.append(NO_ANTECEDENT.format(orphan))
    if first_person(body) and not example:
        found.append(FIRST_PERSON)
    if _PRACTICE_VOICE.search(bare_head) and not example and not advises_everyone(bare_head):
        found.append(PRACTICE_VOICE)
    if is_story(head) or _past_narrative(bare_head):
        found.append(STORY)
    if is_question(head):
        if all(is_question(sentence) for sentence in sentences):
            found.append(QUESTION)
    elif not example and is_question(without_quotes(sentences[0])):
        found.append(CARRIED_QUESTION)
    cut = _cut_short(head)
    if cut and cut.group(1).lower() in _MAY_END and head in split_sentences(body):
        cut = None  # the headline is a whole sentence of the text, on a word a sentence may end on
    if cut and not example:
        found.append(CUT_SHORT.format(cut.group(1)))
    elif kind in ("heading", "item", "list") and not has_verb(head) and not is_command(head) \
            and not _any_verb(head):
        found.append(NO_VERB)
    broken = _broken(body, sentences)
    if body.endswith(":"):
        found.insert(0, LEAD_IN_ALONE)  # a list's lead-in is not whole sentences either: this says what is missing
    elif broken:
        found.append(BROKEN.format(short_quote(broken)))
    if _title_case(head, names):
        found.append(TITLE_CASE)
    if example and not rest and not situated:  # "When your mother criticizes …, try saying: “…”" says its case
        found.append(EXAMPLE_ALONE)
    unsaid = _unsaid(bare_head + " " + bare_body if not body.startswith(head.rstrip(".!?…")) else bare_body)
    if unsaid and not opener:
        found.append(THE_UNSAID.format(short_quote(unsaid)))
    if _SYMPTOMS.search(bare_head + " " + bare_body) and not _CONDITION.search(
            headline + " " + text):
        found.append(SYMPTOMS_OF_WHAT)
    care = _CARE_WORDS.search(bare_head + " " + bare_body)
    if care and not found and not _CONDITION.search(headline + " " + text) and not _ILLNESS.search(
            headline + " " + text) and not opens_on_condition(head):  # "If your teen talks about wanting to die, …"
        found.append(FOR_WHAT.format(care.group(0)))
    situation = condition_of(section) if kind != "heading" else None
    if situation and needs(situation, headline, text) and (gives_advice(head) or situation.startswith(_MOMENT)):
        found.append(SITUATION.format(short_quote(lead_in_case(situation)[0])))  # "after an argument", as a tip says it
    speak = _SPEAK.match(head)
    if speak and not rest and not _RECIPROCAL.search(head) and not any(
            w.lower() in PEOPLE or w.lower() in ("yourself", "someone") for w in words(head)):
        found.append(TO_WHOM.format(speak.group(1)))
    if _PRACTICE_TALK.search(bare_body):
        found.append(PRACTICE_TALK)
    if found:
        pass  # a problem named already: the weaker readings below would only add words
    elif not _to_the_reader(head, body, sentences):
        found.append(NOT_TO_READER)
    elif _DEFINITION.match(head) and not is_imperative(head) and not any(
            is_imperative(sentence) for sentence in split_sentences(rest)) and not _REFRAME.search(
            bare_head + " " + bare_body):
        found.append(DEFINITION)
    count = len(words(body if body.startswith(head.rstrip(".!?…")) else head + " " + body))
    if count > MAX_WORDS:
        found.append(LONG.format(count))
    return found


_NEGATION = re.compile(r"\b(?:not|no|never|nothing|isn’t|isn't|aren’t|aren't|doesn’t|doesn't|don’t|don't|won’t|"
                       r"won't|can’t|can't|needn’t|needn't)\b", re.IGNORECASE)


def _to_the_reader(headline: str, text: str, sentences: list[str]) -> bool:
    """The tip speaks to a follower: a "you", a step to take (a command, a practice named by its -ing), or a
    reframe ("Burnout is not weakness."); a fact about the topic alone is not yet a tip. A practice or a reframe
    is read in the headline, which split draws from the text's first sentence; under a headline not drawn from
    it (a person's, or the section heading), in that first sentence, which still says it ("Reluctance doesn’t always
    mean refusal. Often, …" under "Hesitation is often fear.": a headline edit does not take the reframe away)."""
    bare = without_quotes(headline + " " + text)
    drawn = text.strip().startswith(headline.strip().rstrip(".!?…"))
    return bool(_YOU.search(bare) or is_example_headline(headline) or _command(headline)
                or any(_command(sentence) or _command(after_condition(sentence)) for sentence in [headline, *sentences])
                or any(_opens_advice(sentence) for sentence in [headline, *([] if drawn else sentences[:1])]))


def _opens_advice(sentence: str) -> bool:
    """A practice named by its -ing ("Pausing before you reply…"), a reframe ("…is not weakness.") or "It helps…"."""
    return bool(re.match(r"^[A-Z][a-z]+ing\b", sentence) or _NEGATION.search(sentence) or _IT_HELPS.match(sentence))


_THIRD_PERSON = re.compile(r"^\W*[A-Za-z]+\s+(?:is|are|was|were|can|could|may|might|will|would|should|must|has|"
                           r"have|does|do|[a-z]+s)\b")


@per_split
def _command(sentence: str) -> bool:
    """An instruction (conditions.takes_condition: "Sleep on it.", "Take turns deciding…"), not a statement whose
    subject is a noun the command list shares ("Sleep becomes…", "Research suggests that…"): its second word a verb,
    or a word in -s with what a verb takes after it ("turns deciding", "breaks from" are a command's object)."""
    statement = _THIRD_PERSON.match(sentence)
    return takes_condition(sentence) and not (statement and (has_verb(statement.group(0).split()[-1]) or bool(
        _VERB_OBJECT.match(sentence, statement.end()))))


_VERB_OBJECT = re.compile(r"\s+(?:that|a|an|the|your|you|our|their|it|its|this|these|those|us|people|how|what|why|"
                          r"when|more|less|to)\b", re.IGNORECASE)


def short_quote(quoted: str) -> str:
    """Words quoted in a note, kept short enough for the note to stay within a line (80 characters)."""
    return quoted if len(quoted) <= 20 else quoted[:19].rsplit(" ", 1)[0] + " …"


def _leaning_opener(sentence: str) -> str | None:
    """The opening words that lean on what came before ("These", "Doing this", "The key", "Another"), if any."""
    text = sentence.lstrip("“\"‘(").strip()
    lean = _LEANING.match(text)
    if lean:
        return lean.group(0)
    if opens_with_reference(text):
        return " ".join(text.split()[:2]).rstrip(",;:")
    too = _TOO.search(without_quotes(text))
    if too and too.group(0).lower() == "the other" and re.search(r"\bone\b", text[:too.start()], re.IGNORECASE):
        too = None  # "one partner ... the other"
    if too:
        return too.group(0).rstrip(".!? ")
    return None


def _unsaid(text: str) -> str | None:
    """The first "the invitation", "the symptoms" whose noun the tip has not named before, itself or by a word of
    its kind (_KINDS: "You may feel your chest tighten … That reaction is normal." names the reaction)."""
    for match in _CONTEXT_NOUNS.finditer(text):
        noun = match.group(1).lower().rstrip("s")
        if noun == "key" and re.match(r"\s+to\s", text[match.end():]):
            continue  # "the key to box breathing" names what it is the key to
        before = text[: match.start()]
        if noun not in before.lower() and not (noun in _KINDS and _KINDS[noun].search(before)) and not _explained_after(
                text, match):
            return match.group(0)
    return None


# What says a pointer's thing right after it, in its own sentence ("the cycle of avoidance", "the cycle: …", "the
# cycle going, because …") or opening the next ("Here is how it works", "In other words", "The cycle …" again)
_GOES_ON_TO_SAY = re.compile(r"^(?:\s+\w+)?(?:\s*[:—–]|\s+--|,?\s+(?:because|of|in which|where)\b)", re.IGNORECASE)
_SAYS_IT_NEXT = re.compile(r"^(?:because|that is because|that's because|here is how|here's how|in other words|it works like "
                           r"this|it goes like this)\b", re.IGNORECASE)
# A statement that opens on its own subject and says what happens ("The brain learns …", "Every day away makes …")
_OWN_SUBJECT = re.compile(r"^(?:the|your|every|each)\s+\w+", re.IGNORECASE)


def _explained_after(text: str, match: re.Match[str]) -> bool:
    """Whether the tip says what its pointer ("the cycle") is after it, not before (user trial 8: "That relief keeps
    the cycle going. The brain learns that school is dangerous and home is safe."): in the rest of its sentence, in
    a next sentence that opens on a word that explains or that names it again, or, when "the …" ends a statement, in
    the next sentence said of its own subject. A command's pointer ("Use the technique. Breathe in for four
    counts."), a demonstrative's ("That cycle") and one in the tip's last sentence are not explained later."""
    after = text[match.end():]
    end = re.search(r"[.!?…](?:[”\"’']*)(?:\s+|$)", after)
    rest, following = (after[:end.start()], after[end.end():]) if end else (after, "")
    if _GOES_ON_TO_SAY.match(rest):
        return True
    nxt = (split_sentences(following) or [""])[0].strip()
    if not nxt or is_question(nxt):
        return False
    noun = match.group(1).lower().rstrip("s")
    if _SAYS_IT_NEXT.match(nxt) or re.match(rf"^(?:the|this|that|each|every)\s+{noun}", nxt, re.IGNORECASE):
        return True
    start = max(text.rfind(mark, 0, match.start()) for mark in (". ", "! ", "? ", ": "))
    own = text[start + 2 if start >= 0 else 0:match.end()] + rest
    return (match.group(0).lower().startswith("the ") and len(rest.split()) <= 1 and not is_command(own.strip())
            and _OWN_SUBJECT.match(nxt) is not None and not is_command(nxt) and not _CONTEXT_NOUNS.search(nxt))


# What a pointer's noun may stand for, named before it in the tip: a feeling or a response of the body is a reaction
# ("You may feel your chest tighten … That reaction is normal."); an accident or an argument is an event; a
# technique is a method, a strategy, an approach, a tool, an exercise. Only words that are plainly of the kind.
_REACTION = Caseless(
    r"\b(?:react\w*|respon(?:d|ds|ded|ding|se|ses)|feel|feels|feeling|feelings|felt|emotions?|tighten\w*|tense[sd]?|"
    r"clench\w*|racing|races|pound\w*|sweat\w*|shak(?:e|es|ing|y)|trembl\w*|flush\w*|blush\w*|go(?:es)? hot|"
    r"goes red|go red|cry|cries|crying|cried|tears|panic\w*|anger|angry|fear|afraid|scared|guilt|guilty|shame|"
    r"ashamed|sad|sadness|anxious|anxiety|defensive|upset|hurt|frustrat\w*|irritat\w*|resent\w*|numb|freeze|"
    r"freezes|froze|snap|snaps|snapped|lash\w* out|shut(?:s|ting)? down|withdraw\w*|nervous|overwhelmed|dread)\b")
_EVENT = Caseless(r"\b(?:event|incident|accident|attack|assault|argument|fight|crash|disaster|emergency|injury|"
                  r"shooting|storm|flood)\b")
_TECHNIQUE = Caseless(r"\b(?:technique|exercise|method|strategy|strategies|approach|tool)\b")
_KINDS = {"reaction": _REACTION, "event": _EVENT, "incident": _EVENT, "technique": _TECHNIQUE,
          "exercise": _TECHNIQUE, "method": _TECHNIQUE, "strategy": _TECHNIQUE, "approach": _TECHNIQUE,
          "tool": _TECHNIQUE}


@per_split
def orphan_pronoun(text: str) -> str | None:
    """The first they/them/their (he/she/his/her) with no one before it in the tip who could be meant."""
    if not _REFERENT.search(text):
        return None
    # what the words before the pronoun hold, gathered word by word (the text is read once, however long):
    people = plural = joined = named = False  # a person; a word that could be plural; and/or, a person or a
    for index, token in enumerate(_WORD.finditer(text)):  # name after the first word
        word = token.group(0)
        lower = word.lower()
        if lower in _PLURAL_REFERENTS:
            following = _NEXT_WORD.match(text, token.end())
            if following and following.group(1).lower().strip(".,;:!?") in HUMAN_THINGS:
                if not people:
                    return word  # "their addiction" after "the root causes": the causes have none
            elif not plural and not joined:
                return word
        elif lower in _PERSON_REFERENTS and not named:
            return word
        people = people or lower in PEOPLE
        plural = plural or could_be_plural(word)
        if index:
            joined = joined or word in ("and", "or")
            named = named or lower in PEOPLE or (word[:1].isupper() and lower not in STOPWORDS)
    return None


def could_be_plural(word: str) -> bool:
    lower = word.lower()
    if lower in PEOPLE:
        return True
    return (len(lower) > 3 and lower.endswith("s") and not lower.endswith(("ss", "us", "is", "’s", "'s"))
            and lower not in _NOT_PLURAL and lower not in STOPWORDS)


_PAST = Caseless(r"\b(?:was|were|had|felt|sat|came|went|said|told|knew|thought|stopped|started|moved|looked|"
                 r"asked|cried|walked|began|got|made|took|saw|decided|realized|realised|noticed|wanted|needed|"
                 r"left|lost|called|turned|tried|remembered|admitted|shared|arrived|grew|hoped|slept|did|"
                 r"spent|found|became|loved|worked|lived|used to)\b")
_NOW = Caseless(r"\b(?:you|your|is|are|can|may|might|should|will|must|do|does|don’t|don't|helps?|means?|tends?|"
                r"often|usually|research|studies|study|when|if)\b")


def _past_narrative(sentence: str) -> bool:
    """Two verbs in the past and nothing in the present: a moment of a story, not a rule."""
    return not _NOW.search(sentence) and len(_PAST.spans(sentence)) >= 2


def _any_verb(sentence: str) -> bool:
    """A verb the short verb list misses: a contraction, a third-person -s verb, a past form."""
    return bool(re.search(r"n[’']t\b|[’'](?:re|s|ve|ll|d|m)\b|\b[a-z]{3,}(?:s|ed)\b", sentence))


def _broken(text: str, sentences: list[str]) -> str | None:
    """The first place where the text is not whole sentences: a sentence opening in lower case, no end mark."""
    for sentence in sentences:
        bare = sentence.lstrip("“\"‘(—–- ")
        if bare[:1].islower():
            return " ".join(bare.split()[:3]) + " …"
    last = text.rstrip().rstrip("”\"’)")
    if last and last[-1] not in ".!?…":
        return "… " + " ".join(last.split()[-3:])
    return None


def _title_case(headline: str, names: frozenset[str] = frozenset()) -> bool:
    """Two or more capitalised words in the middle of the headline that are no acronym ("Explore the Root
    Causes."): carried over from a heading. A word of `names` is a name the article uses ("in Jupiter")."""
    if not any(map(str.isupper, headline[1:])):
        return False
    capitals = 0
    for sentence in split_sentences(headline) or [headline]:
        parts = re.split(r"[:;—–]\s*", sentence)
        for part in parts:
            for word in words(part)[1:]:
                if word[:1].isupper() and word != "I" and not _ACRONYM.match(word) and not word.startswith("I’") \
                        and not word.startswith("I'") and word not in names:
                    capitals += 1
    return capitals >= 2 or any(found.group(0) not in names for found in _ODD_CAPITAL.finditer(headline))


# A common word capitalised in mid-sentence ("Build Stronger family bonds."): names rarely end so.
_ODD_CAPITAL = re.compile(r"(?<=[a-z,] )[A-Z][a-z]+(?:er|est|ing|ful|ive|ous|al|ly|ness|ity|ment|ships?)(?= [a-z])")
_MID_SENTENCE = re.compile(r"(?<=[a-z,] )[A-Z][a-z]+\b")
_MID_ACRONYM = re.compile(r"(?<=[a-z,] )[A-Z]{2,6}s?\b")
# an acronym in brackets, then the words before it that spell it out, read in a bounded window before the bracket:
# one pattern over the whole paragraph tried its words from every letter, the square of a long run's length (a
# hostile 290 KB line of one word took minutes)
_BRACKETED_ACRONYM = re.compile(r" \(([A-Z]{2,6})s?\)")
_SPELLED_OUT = re.compile(r"[A-Za-z][a-z]+(?:[ -][A-Za-z][a-z]+)+$")
_SPELLED_OUT_WINDOW = 80


def mid_sentence_names(paragraphs: Iterable[str]) -> frozenset[str]:
    """The words the article's own paragraphs write capitalised after a lowercase word two times or more ("Every
    parent in Jupiter…", "…in our Jupiter office"): a town, a person, a brand, not a heading's capitals (headings
    and list items, often in title case, are not read)."""
    paragraphs = list(paragraphs)
    seen = Counter(found.group(0) for paragraph in paragraphs for found in _MID_SENTENCE.finditer(paragraph))
    # an acronym the article spells out ("Internal Family Systems (IFS)") or writes mid-sentence twice: a name, not
    # odd capitals (user trial 11)
    acronyms = Counter(found.group(0) for paragraph in paragraphs for found in _MID_ACRONYM.finditer(paragraph))
    defined = {found.group(1) for paragraph in paragraphs for found in _BRACKETED_ACRONYM.finditer(paragraph)
               if _SPELLED_OUT.search(paragraph, max(0, found.start() - _SPELLED_OUT_WINDOW), found.start())}
    return frozenset([word for word, count in seen.items() if count >= 2]
                     + [word for word, count in acronyms.items() if count >= 2] + sorted(defined))


# Words that point at something said before them: alone ("Do that."), "doing so", "the second one", "the latter",
# "one of these". Read in the tip's first sentence, where nothing in the tip comes before them.
_POINTS_ALONE = re.compile(r"\b(?:this|that|these|those|the above)(?=\s*[.!?]|\s*$)", re.IGNORECASE)
_POINTS = re.compile(r"\b(?:doing so|do so|did so|the (?:first|second|third|fourth|last|other|next) ones?\b|"
                     r"the (?:former|latter)\b|(?:one|some|all|each|any|none|both|either|neither|most|many|several) "
                     r"of (?:these|those)\b)", re.IGNORECASE)
# An image told as a fact about the mind or a life ("Your mind is a snow globe.", "Grief is like the ocean.").
_IMAGE = Screened(r"\b(?:mind|minds|brain|heart|body|life|marriage|relationship|grief|thoughts|feelings|emotions)\s+"
                    r"(?:is|are)\s+(?:(?:just|a bit|much|more)\s+)?(?:like\s+)?(?:a|an)\s+(?!(?:normal|natural|common|"
                    r"real|important|serious|healthy|sign|part|way|response|reaction|condition|disorder|process|skill|"
                    r"choice|decision|partnership|team)\b)",
                    re.IGNORECASE)
# A name and a verb in the past ("Sam slammed the door.", "Later, Maria told her sister"): a story, no advice.
_NAMED_PAST = re.compile(r"\b([A-Z][a-z]{2,})\s+(?:[a-z]+ly\s+)?(?:[a-z]{3,}ed|" + _PAST.pattern[5:-3] + r")\b")


def content_hints(headline: str, text: str) -> list[str]:
    """What outside readers name as the problem of a tip held back, read in its finished words: a word pointing
    outside it in its first sentence (where nothing in the tip comes before it), a story (a name and a verb in the
    past), the practice's own offer, an image, or else no advice at all. A few searches per tip, made only for a tip
    held back already (readiness.held_back_notes): they never make a tip ready or not."""
    head, body = headline.strip(), text.strip()
    whole = without_quotes(body if body.startswith(head.rstrip(".!?…")) else head + " " + body)
    sentences = split_sentences(whole) or [whole]
    found = []
    first = sentences[0]
    pointer = _POINTS_ALONE.search(first) or next(
        (match for match in _POINTS.finditer(first) if not _acts(first[:match.start()])), None)
    opening = None if pointer else _opening_object(first)
    if pointer:  # (a clause before "doing so", "the second one" can be what it means: "Pick two; the second one…")
        found.append(POINTS_OUTSIDE.format(short_quote(pointer.group(0))))
    elif opening:
        found.append(POINTS_OUTSIDE.format(opening))
    if any(_story(sentence) for sentence in sentences):
        found.append(STORY)
    if is_promotion(whole):
        found.append(OFFER)
    if _IMAGE.search(whole):
        found.append(SIGNS["image"])
    own = sentences if body.startswith(head.rstrip(".!?…")) else split_sentences(without_quotes(body)) or [body]
    if not found and not _to_the_reader(head, body, own):  # the text's own sentences, as standalone_notes reads them
        found.append(NOT_TO_READER)
    return found


def _acts(words_: str) -> bool:
    return has_verb(words_) or is_imperative(words_.strip()) or _any_verb(words_)


def _story(sentence: str) -> bool:
    """A sentence of a story: one split already reads as such, or a name and a past verb and nothing in the present."""
    if is_story(sentence) or _past_narrative(sentence):
        return True
    named = _NAMED_PAST.search(sentence)
    if named is None:
        return False
    name = named.group(1)
    return name.lower() not in STOPWORDS and not is_imperative(name) and not _NOW.search(sentence)
