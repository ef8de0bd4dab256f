"""A tip in the making, and the tests a sentence passes to become a card's words.

Shared by scheduler.tips.drafting (paragraphs) and scheduler.tips.lists (lists and examples of what to say).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from scheduler.campaigns.file import MAX_HEADLINE as HEADLINE_LIMIT
from scheduler.tips.edges import TAG, edge_reason, without_quotes
from scheduler.tips.filters import (
    _SUBORDINATE,
    FIRST_PLURAL,
    advises_everyone,
    compress,
    dangling_references,
    is_fragment,
    is_meta,
    is_promotion,
    is_question,
    opens_with_reference,
    shorten_to_clause,
    speaks_for_everyone,
    unfinished,
    unresolved_pronoun,
    without_lead_on,
)
from scheduler.tips.flags import personal_details
from scheduler.tips.ledger import Ledger, Locator
from scheduler.tips.meaning import keeps_meaning
from scheduler.tips.rewrites import joined_headline, label_as_subject
from scheduler.tips.scorer import Verdict
from scheduler.tips.sentences import end_with_period, lower_first, per_split, words
from scheduler.tips.verbs import has_verb, is_command, is_imperative, verb_spans
from scheduler.tips.wholeness import cut_problem

MAX_HEADLINE = 90  # what split aims for: a complete thought of at most about 90 characters
# A whole sentence with no clause to cut at may stand as a longer headline, with a note, up to the one
# limit every headline is held to (campaign files, the studio, the cards).
LONG_HEADLINE = HEADLINE_LIMIT
MAX_CONTEXT_SENTENCES = 2
UNFINISHED_NOTE = "headline cut where the sentence goes on: finish its thought"
CUT_NOTE = "headline cut where the sentence goes on ({}): finish the sentence or use the whole one"
LATER_SENTENCE = "headline is a later sentence of the tip: its first sentence cut short would not read whole"


@dataclass
class Draft:
    """A tip before its length is fitted, its flags set and its id given."""

    headline: str
    sentences: list[str]
    section: str | None
    paragraph: int
    sentence: int
    sources: list[str]
    context: str
    score: float
    kind: str = "sentence"
    fixed_text: bool = False  # the text is composed (a list, an example): it is not trimmed sentence by sentence
    extra: list[str] = field(default_factory=list)  # shorter composed texts, tried in turn when the text is too long
    notes: list[str] = field(default_factory=list)  # why the rules were unsure: the tip's review notes
    locators: list[Locator] = field(default_factory=list)  # the blocks and list items it came from
    anchor: str = ""  # words the text must keep when it is shortened (the list item the headline names)
    pieces: list[str] = field(default_factory=list)  # each locator's words in a composed text, to see what was cut
    whole: bool = False  # every piece or none: never shortened, its headline alone never the text (an exercise's steps)
    verdict: Verdict | None = None  # the scorer's reading of the sentence that opens the tip (scheduler.tips.scorer)
    condition: str | None = None  # the condition its list's lead-in gives it ("when the days feel heavy")
    carried: frozenset[str] = frozenset()  # words of a lead-in written in front of its own: shared by its list's tips

    def where(self) -> list[Locator]:
        return self.locators or [(self.paragraph, None)]

    @property
    def text(self) -> str:
        return " ".join(self.sentences)


@dataclass(frozen=True)
class Scope:
    names: frozenset[str]
    people: frozenset[str]
    ledger: Ledger = field(default_factory=Ledger, compare=False)
    person: str | None = None  # whom the article speaks of throughout ("your teen"): scheduler.tips.persons
    title: str = ""  # the article's title: whose people a section's first "They" may mean (scheduler.tips.referents),
    #   and context for the sensitive flag (scheduler.tips.griefcontext)
    capitalised: frozenset[str] = frozenset()  # words its paragraphs write capitalised mid-sentence, twice or more:
    #   names, not odd capitals (scheduler.tips.standalone.mid_sentence_names)


def unusable_reason(sentence: str, scope: Scope, *, intro: bool = False) -> str | None:
    """Why the sentence cannot be in a tip (its author's voice, a pitch, a fragment...); None when it can."""
    edge = edge_reason(sentence, intro=intro)
    if edge:
        return edge
    if is_promotion(sentence, scope.names):
        return "pitch"
    if is_meta(sentence):
        return "meta (byline, date, link or credit)"
    if has_markup(sentence):
        return "markup"
    if is_fragment(sentence):
        return NOT_ENGLISH if other_script(sentence) else "fragment"
    return None


NOT_ENGLISH = "not in English (split reads English; write the tip by hand)"


def other_script(sentence: str) -> bool:
    """Mostly letters of a script other than Latin (Japanese, Arabic, Cyrillic...): why split found no sentence."""
    letters = [char for char in sentence if char.isalpha()]
    return bool(letters) and sum(not ("a" <= char.lower() <= "z" or "\u00c0" <= char <= "\u024f")
                                 for char in letters) > len(letters) / 2


def usable(sentence: str, scope: Scope) -> bool:
    return unusable_reason(sentence, scope) is None


def headline_notes(sentence: str, headline: str) -> list[str]:
    """A review note when the card's words are not the article's sentence as written, or are long for a card."""
    if len(headline) > MAX_HEADLINE:
        return long_headline_notes(headline)
    if headline == sentence:
        return []
    if unfinished(headline):
        return [UNFINISHED_NOTE]
    problem = headline_cut_problem(compress(sentence), headline)
    if problem:
        return [CUT_NOTE.format(problem)]
    if len(headline) < len(sentence) - 12 and headline.rstrip(".") in sentence:
        return ["headline shortened from a longer sentence"]
    return ["headline lightly compressed from the sentence"]


_NUMBERING = re.compile(r"^\s*(?:(?:step|tip|day|week|rule|habit|way|part|no\.?|#)\s*#?\s*\d{1,2}\s*[:.)—–-]?\s*"
                        r"|\d{1,2}\s*[.):—–-]\s*)", re.IGNORECASE)
_NOT_ADVICE_HEADING = re.compile(r"^(?:how|why|what|when|where|who|which|whether|signs?|symptoms?|understanding|"
                                 r"common|a few|our|about|introduction|conclusion|summary|final thoughts|resources|"
                                 r"more|other|the bottom line|in closing|faq|questions)\b", re.IGNORECASE)


_LABEL_LEAD = re.compile(r"^(?:(?:pro |bonus |quick )?tip|step|day|week|part|note|rule|habit|reminder|key takeaway|"
                         r"takeaway|try this|homework)?\s*#?\s*\d{0,2}\s*[:.)—–-]?$", re.IGNORECASE)


def label_lead(lead: str | None) -> bool:
    """A bold lead-in that only numbers or labels what follows ("Step 1:", "Tip:", "3.")."""
    return bool(lead) and bool(_LABEL_LEAD.match((lead or "").strip()))


def defined_term(lead: str, first: str) -> str | None:
    """A bold term before its colon and the words that say what it is, read as one definition ("**Complex
    trauma:** Repeated or prolonged experiences …" -> "Complex trauma: repeated or prolonged experiences …"), not
    a headline of the bare term over a text that is no sentence (user trial 10). None when what follows the colon
    is a sentence of its own or a step ("**Sleep:** Aim for eight hours."): the term then heads it as before."""
    term = lead.strip()
    if not term.endswith(":") or not topic_heading(term) or not first or is_command(first) or first[:1] in "“\"‘'":
        return None  # "**Rescuing says:** “You can't manage this …”": what someone says, not a definition
    if first[:1].isupper() and whole_sentence(first):
        return None
    return f"{term} {lower_first(first)}"


def defined_headline(definition: str) -> str | None:
    """A definition's card words (defined_term): all of it when a card holds it, else the term and what it says up
    to the first comma ("Complex trauma: repeated or prolonged experiences."): no main verb, as a definition has
    none. None when even that is too long."""
    compressed = compress(definition)
    if len(compressed) <= MAX_HEADLINE:
        return compressed
    term, _, body = compressed.partition(": ")
    first = re.split(r"\s*[,;:—–(]\s*", body, maxsplit=1)[0].rstrip(".")
    cut = end_with_period(f"{term}: {first}")
    return cut if len(words(first)) >= 2 and len(cut) <= MAX_HEADLINE else None


_SUBJECT_VERB = re.compile(r"^(?!(?:how|what|why|where|whether)\s)(?:[A-Z][\w’'-]*\s+){0,3}?"
                           r"(?:you|we|they|people|adults|children|teens|parents|partners|"
                           r"couples|many|most|some|others|[a-z]+s)\s+(?:\w+ly\s+)?(?:(?:can|may|might|will|often|"
                           r"also|still)\s+)?(?!(?:that|who|which|and|or|nor|but)\b)[a-z]{3,}\b", re.IGNORECASE)


def topic_heading(heading: str) -> bool:
    """A heading that only names a topic ("Psychiatrists", "A Sense of Emptiness"): a few words, no verb, no
    command, no question."""
    bare = _NUMBERING.sub("", heading).strip().rstrip(":.").strip()
    return (0 < len(words(bare)) <= 5 and not has_verb(bare) and not is_imperative(bare)
            and not bare.endswith(("?", "!")))


def whole_sentence(sentence: str) -> bool:
    """A sentence with a subject and a verb of its own ("Many autistic people carry deep shame."), not a description
    that leans on the name before it ("Medical doctors who can prescribe medication", "Licensed by the CRPO, provide
    talk therapy", "How you spend your hours and energy", "Your belongings and resources"). A sentence opening with -ing
    ("Creating predictable routines …") is read as whole: an action."""
    text = sentence.strip()
    if re.match(r"^(?:\w+ly\s+)?\w+ing\b", text) or is_imperative(text):
        return True
    spans = verb_spans(text)
    if spans and not re.search(r"\b(?:that|which|who|whom|where|whether)\b|[,—–:;]", text[:spans[0][0]]):
        return True  # "Trauma often creates …", "When illness limits what you can do, it may …"
    found = _SUBJECT_VERB.match(text)
    return found is not None and not re.search(r"[,—–]", text[:found.end()])


def advice_heading(heading: str) -> str | None:
    """The heading as a headline when it is advice or a claim by itself ("3. Take a break before you boil over",
    "Step 2: Name what you need", "Depression is a real medical condition"); None for topic headings."""
    text = _NUMBERING.sub("", heading).strip().rstrip(":")
    found = words(text)
    if not text or text.endswith("?") or not (2 <= len(found) <= 12) or ":" in text or _NOT_ADVICE_HEADING.match(text):
        return None
    if _SUBORDINATE.match(text) or opens_with_reference(text) or edge_reason(text) or text[:1].isdigit():
        return None
    text = sentence_case(text)
    statement = has_verb(text) and not re.match(r"^\w+ing\b", text) and len(found) >= 3
    if not (is_imperative(text) or statement):
        return None
    return end_with_period(text)


def heading_case_notes(heading: str, headline: str) -> list[str]:
    """[CASE_NOTE] when `headline` is the section `heading` (advice_heading) with its title capitals lowered."""
    bare = _NUMBERING.sub("", heading).strip().rstrip(":")
    return [CASE_NOTE] if end_with_period(bare) != headline and bare.lower() == headline.rstrip(".").lower() else []


def sentence_case(text: str) -> str:
    """A heading's words as a sentence's: capitals ("TAKE a BREAK", "STAY CONNECTED") and title case ("Stay
    Connected With Friends") lowered after the first word, also after a hyphen ("Self-Care") and inside quotes
    ("the “Name It To Tame It” trick"); "I", acronyms and words with inner capitals kept, and a quotation's first
    word after "say" or "ask" ("Say “Not right now.”")."""
    found = words(text)
    if any(len(w) >= 2 and w.isupper() and w not in _KEEP_CAPS for w in found):
        text = " ".join(w if w.strip(".,!?:;“”\"'’").upper() in _KEEP_CAPS and w.strip(".,!?:;“”\"'’") in _KEEP_CAPS
                        else w.lower() for w in text.split(" "))
        text = text[:1].upper() + text[1:]
    long_words = [w for w in found[1:] if len(w) > 3 and w.lower() not in _TITLE_SMALL_WORDS]
    if long_words and all(w[:1].isupper() for w in long_words):
        parts = text.split(" ")
        text = " ".join([_first_word(parts[0])] + [lowered_word(word, parts[i]) for i, word in enumerate(parts[1:])])
    return text


_OPENERS = "“\"‘'("  # what may open a word before its letters: quotes, a bracket
_SAYING = re.compile(r"(?:say|says|saying|said|ask|asking|tell|telling|try|repeat|write)[,:]?$", re.IGNORECASE)


def _lowered_part(part: str) -> str:
    if part == "I" or part.startswith(("I’", "I'")) or part[1:2].isupper() or part.strip(".,!?:;”\"’)") in _KEEP_CAPS:
        return part
    return part[:1].lower() + part[1:]


def _first_word(word: str) -> str:
    """The first word keeps its capital; the parts after its hyphens do not ("Self-Care" -> "Self-care")."""
    head, *rest = word.split("-")
    return "-".join([head] + [_lowered_part(part) for part in rest])


def lowered_word(word: str, before: str) -> str:
    """A title-case word lowered: each part after a hyphen, and the word behind an opening quote, unless the
    quote opens a quotation after "say" ("Say “Not right now.”")."""
    bare = word.lstrip(_OPENERS)
    quote = word[:len(word) - len(bare)]
    if not bare:
        return word
    parts = bare.split("-")
    keep_first = bool(quote) and quote[-1:] != "(" and bool(_SAYING.search(before.strip("“”\"‘’'")))
    first = parts[0] if keep_first else _lowered_part(parts[0])
    return quote + "-".join([first] + [_lowered_part(part) for part in parts[1:]])


def lead_in_case(lead: str) -> tuple[str, list[str]]:
    """A bold lead-in that opens a tip, in sentence case when it was written as a title ("Get Enough Sleep"),
    with the note that says so; a one-word lead-in is left as written."""
    if len(words(lead)) < 2:
        return lead, []
    cased = sentence_case(lead)
    parts = cased.split(" ")
    titled = [w for w in parts[1:] if w.lower().strip(".,!?:;") not in _SMALL_WORDS]
    if cased == lead and titled and all(w[:1].isupper() and w[1:2].islower() for w in titled):
        cased = " ".join([parts[0]] + [w if w == "I" or w.startswith(("I’", "I'")) else w[:1].lower() + w[1:]
                                       for w in parts[1:]])  # "Talk it Out": short words the title rule skips
    return cased, ([] if cased == lead else [CASE_NOTE])


# words a title leaves in lower case ("Start with Your Insurance", "Time for Yourself"): not a sign it is a sentence
_TITLE_SMALL_WORDS = frozenset(["with", "from", "into", "onto", "over", "upon", "than", "that", "this", "when",
                                "then", "about", "after", "before", "under", "without", "within", "through"])
_SMALL_WORDS = frozenset(["a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "with", "and", "or", "but",
                          "it", "up", "as", "is", "be", "so", "if"])


CASE_NOTE = "put in sentence case from a heading’s capitals: check names kept theirs"


def bare_label(label: str) -> bool:
    """A label that only names a topic ("Difficulty saying no", "Sunday-night dread"), not a short claim
    ("Grief isn't linear", "Masking hides the signs", "There's no timeline"): no verb, no contraction, and no word
    inside it that may be a verb in -s or -ed."""
    inner = words(label)[1:-1]
    return topic_heading(label) and not re.search(r"\w[’']\w", label) and not any(
        re.search(r"(?<!s)(?<!ou)(?<!i)s$|ed$", word.lower()) for word in inner)


LABEL_HEADS = ("headline is the bold label (“{label}”): the sentence after it is too long for a card and no cut of it "
               "reads whole and keeps its meaning: check the card, or write a headline from the sentence")


def label_heads(lead: str, sentences: list[str]) -> bool:
    """A bold label that only names a topic over a sentence too long for a card with no cut that reads whole and
    keeps its meaning (headline_problem's "no headline within a card's length"): the label heads the tip then, as `split --take`
    gives a too-long sentence its section heading, and the post keeps the sentence whole, rather than no tip at all
    (the sleep-and-stress check: "**Screen curfew**: Putting your phone in another room … back up." gave none). Not
    for a label that is no card's words alone ("Warmth."): its sentence is left out as before, for `--take`. A take
    leaves the label out as ever (label_gives_way), its own headline for a long sentence."""
    label = lead.strip().rstrip(":.").strip()
    first = sentences[0] if sentences else ""
    return (bool(first) and bare_label(label) and not is_fragment(end_with_period(label))
            and len(compress(first)) > LONG_HEADLINE
            and headline_score(first, 0, 1) is None and headline_problem(first) == "no headline within a card's length")


LABEL_LEFT_OUT = ("headline is the paragraph's first sentence: its bold label (“{label}”) only names a topic and is "
                  "left out: check the tip says what the label meant")


def label_gives_way(lead: str, sentences: list[str]) -> tuple[list[str], list[str]] | None:
    """(the sentences, the notes) of a paragraph whose bold label only names a topic ("**Body Awareness**:"; the
    reader keeps no colon written outside the bold) over a whole sentence of its own that the label does not join
    on a card: the label alone would be the card's words and the item's point left to the text (user trial 8). The
    sentence heads the tip without the label, or with the label written in for a "These techniques" it opens on.
    None when the label is a sentence, opens the sentence ("**Defensiveness:** Defensiveness is …"), is a term
    its words define (defined_term), or joins it on a card (drafting._join_label)."""
    label = lead.strip().rstrip(":").strip()
    first = sentences[0] if sentences else ""
    if (lead.rstrip().endswith((".", "!", "?")) or not bare_label(label) or not first or not has_verb(first)
            or is_fragment(first) or is_question(first) or first.lower().startswith(label.lower())
            or defined_term(lead, first) or joined_headline(label, first, MAX_HEADLINE, ing=True) is not None):
        return None
    cased, case_notes = lead_in_case(label)
    subject = label_as_subject(cased, first)
    if subject is None:
        return sentences, [LABEL_LEFT_OUT.format(label=cased)]
    return [subject.text, *sentences[1:]], [*case_notes, subject.note]
# a title's capitals lowered from no name: nothing to check in the words, but such heading tips were rarely postable
# as they came (the frozen set, round 28: 2 of 9 such tips readers graded A, most thin under a headline that promises
# more than the text does), so the tip is read before it goes
TITLE_HEADING_NOTE = "headline is a title heading put in sentence case: check the text carries it out"


_KEEP_CAPS = frozenset(["I", "ADHD", "PTSD", "OCD", "CBT", "DBT", "EMDR", "LGBTQ", "NIMH", "CDC", "HALT", "RAIN",
                        "TIPP", "NAMI", "SMART", "BPD", "IEP", "TV", "COVID", "OK"])


def has_markup(text: str) -> bool:
    return bool(TAG.search(text) or re.search(r"&[a-zA-Z]+;|&#\d+;|\*\*|__|\[[^\]]*\]\(|^#+\s|`", text))


def headline_problem(sentence: str) -> str:
    """Why headline_score found no headline in the sentence, in the words the split report uses."""
    if is_question(sentence):
        return "question"
    if _speaks_as_we(sentence):
        return ("speaks of everyone as “we”, with no advice of its own (a setup)" if speaks_for_everyone(sentence)
                else "speaks as “we” (a setup or story more often than advice)")
    if opens_with_reference(sentence) or unresolved_pronoun(sentence) or dangling_references(compress(sentence)):
        return "needs context (refers to something outside it)"
    return "no headline within a card's length"


def headline_score(sentence: str, index: int, total: int) -> float | None:
    """How well the sentence works as a card's words; None when it cannot be one."""
    if opens_with_reference(sentence) or is_question(sentence) or unresolved_pronoun(sentence) or _speaks_as_we(
            sentence):
        return None
    compressed = compress(sentence)
    if dangling_references(compressed):
        return None
    if len(compressed) > LONG_HEADLINE and short_headline(compressed) is None:
        return None
    count = len(words(compressed)) - (2 if _HEDGED_OPENING.match(compressed) else 0)
    score = 2.0 if count <= 8 else 1.0 if count <= 14 else 0.0 if count <= 20 else -1.0
    if index == 0:
        score += 1.5
    elif index == total - 1:
        score += 0.5
    if is_imperative(compressed):
        score += 1.0
    if re.search(r"\d", compressed):
        score -= 0.5
    if personal_details(compressed):
        score -= 1.0
    return score


# "Try not to check the clock." keeps its hedge in the tip (it is not "Don't check the clock."), but the hedge does
# not count against the headline: scored as the one word of "Don't" or "Avoid" it softens.
_HEDGED_OPENING = re.compile(r"^try\s+(?:not\s+to|to\s+avoid)\s", re.IGNORECASE)


def _speaks_as_we(sentence: str) -> bool:
    """A "we" that may be the practice's, or a story or setup told as "we"; not advice to people in general ("We
    all need support sometimes, and a counselor can help you.", filters.advises_everyone)."""
    return bool(FIRST_PLURAL.search(without_quotes(sentence))) and not is_imperative(sentence) and not (
        advises_everyone(sentence))


@per_split  # a sentence is judged by its card's words, then made a draft
def make_headline(sentence: str) -> tuple[str, str]:
    """(the card's words, the sentence as the text opens with it). A cut that is no whole sentence gives way to the
    whole sentence when that fits on a card, or else to a longer cut that is one, up to the card's limit."""
    compressed = compress(sentence)
    headline = compressed if len(compressed) <= MAX_HEADLINE else short_headline(compressed)
    if headline and headline != compressed and without_lead_on(headline) != headline:
        headline = without_lead_on(headline)  # "…without judgment, for example." -> "…without judgment."
    if headline and (unfinished(headline) or headline_cut_problem(compressed, headline)):
        longer = shorten_to_clause(compressed, LONG_HEADLINE, imperative=is_imperative(compressed))
        if len(compressed) <= LONG_HEADLINE:
            headline = None
        elif longer and not (unfinished(longer) or headline_cut_problem(compressed, longer)):
            headline = longer  # a whole sentence up to the card's limit, with the long-headline note
    if headline and headline != compressed and not keeps_meaning(compressed, headline):
        # a cut that leaves out a condition, a qualifier, a hedge or a turning "but" (scheduler.tips.meaning): the
        # whole sentence when a card holds it, else a longer cut that keeps them; else the cut, and a note holds it
        longer = shorten_to_clause(compressed, LONG_HEADLINE, imperative=is_imperative(compressed))
        if len(compressed) <= LONG_HEADLINE:
            headline = compressed
        elif longer and len(longer) > len(headline) and keeps_meaning(compressed, longer) and not (
                unfinished(longer) or headline_cut_problem(compressed, longer)):
            headline = longer
    return headline or compressed, compressed


def headline_cut_problem(sentence: str, headline: str) -> str | None:
    """Why the headline, cut from the sentence, is not a whole sentence ("no main verb", "ends on “working”");
    None when it is one, or is not a cut of this sentence."""
    head = headline.rstrip(".")
    if headline == sentence or not sentence.startswith(head.rstrip("”\"’")):
        return None
    return cut_problem(head, _went_on(sentence, headline))


def _went_on(sentence: str, headline: str) -> str:
    """What the sentence says after the headline's words, when the headline is its opening."""
    head = headline.rstrip(".").rstrip("”\"’")
    return sentence[len(head):] if sentence.startswith(head) else ""


def cut_short(notes: list[str]) -> bool:
    """The notes say the headline was cut where its sentence goes on (CUT_NOTE, UNFINISHED_NOTE)."""
    return any(note == UNFINISHED_NOTE or note.startswith(CUT_NOTE.split("(")[0]) for note in notes)


def later_headline(sentences: list[str], *, alone: bool = True, limit: int = MAX_HEADLINE) -> str | None:
    """A sentence after the tip's first that a card shows as written and that stands alone, for a tip whose first
    sentence, cut to a card's length, would not read whole; None when there is none. `alone=False`: one that may
    lean on the sentences before it ("If they are in danger, call 911."), for a take with no other headline;
    `limit`: the longest sentence it may be (a take's last resort: up to what a card holds)."""
    for sentence in sentences[1:]:
        if (len(sentence) <= limit and not is_question(sentence) and whole_sentence(sentence)
                and (not alone or headline_score(sentence, 1, 2) is not None)
                and make_headline(sentence)[0] == sentence):
            return sentence
    return None


def long_headline_notes(headline: str) -> list[str]:
    return [f"long headline ({len(headline)} characters): shorten it if you can"] if len(
        headline) > MAX_HEADLINE else []


@per_split
def short_headline(sentence: str) -> str | None:
    return shorten_to_clause(sentence, MAX_HEADLINE, imperative=is_imperative(sentence))

