"""Review flags a person must see before a tip goes out: `sensitive` topics and `privacy` details."""

from __future__ import annotations

import functools
import re

from scheduler.tips.sentences import Caseless

_SENSITIVE = re.compile(
    r"\b(suicid\w*|self[- ]harm\w*|self[- ]injur\w*|cutting (?:myself|yourself|themselves)|"
    r"(?:kill|hurt|harm)(?:s|ing)? (?:myself|yourself|themselves|himself|herself|oneself)|"
    r"end(?:ing)? (?:my|your|their|his|her) (?:own )?life|take (?:my|your|their|his|her) (?:own )?life|"
    r"want(?:s|ed)? to die|wish(?:es|ed)? (?:I|you|they|he|she) (?:were|was) dead|better off without (?:me|you|them)|"
    r"(?:will|reason|desire) to live|(?:\w+n’t|\w+n't|not|never)\s+(?:\w+\s+)?worth living|"
    r"life (?:isn’t|isn't|is not|wasn’t|wasn't) worth|"
    r"no reason to (?:live|go on)|(?:thoughts|thinking) (?:of|about) (?:death|dying)|death wish|(?:don’t|don't|do not) want to (?:be here|wake up|go on)|"
    r"abus\w*|domestic violence|intimate partner violence|family violence|dating violence|sexual violence|"
    r"violence|violent (?:partner|relationship|home|behaviou?r)|"
    r"assault\w*|rap(?:e|ed|ist)|sexual(?:ly)? (?:abuse|assault|coercion)|coercive control|stalk(?:ing|ed|er)|"
    r"overdos\w*|(?<!midlife )(?<!identity )(?<!financial )(?<!existential )crisis(?! of (?:confidence|faith|"
    r"conscience|meaning|purpose|identity)\b)|crises|988|hotline|"
    r"emergency (?:room|services|department)|medical emergency|in an emergency|life-threatening|unsafe|"
    r"threaten(?:s|ed|ing)? (?:to|you|your|them|me)|eating disorders?|anorexi\w*|bulimi\w*|addiction|"
    r"safety plan\w*|substance (?:use|abuse|misuse)|trafficking|"
    r"(?:child|emotional|physical|elder) neglect|neglected (?:child|children|kids?)|neglectful|"
    r"hopeless(?:ness)?|grie(?:f|ving|ve|ves|ved)|bereave\w*|mourn(?:ing|s|ed)?|widow(?:ed|er)?|"
    r"(?:death|loss|passing) of (?:a|your|their|his|her|my|our) (?:\w+ )?(?:child|baby|son|daughter|partner|"
    r"spouse|husband|wife|parent|mother|father|mom|dad|loved one|friend|pregnancy)|miscarriage|stillbirth|"
    r"(?:has|have|had) died|passed away|dying (?:parent|mother|father|partner|spouse|loved one|child))\b",
    re.IGNORECASE)

# The same topics in the words people use (issue 19): wanting to die without "suicide", a death without "grief",
# abuse without "abuse". Idioms ("dying to try", "to die for", "my phone died", "old habits die hard") are not.
_KIN = (r"(?:mother|father|mom|mum|dad|mama|papa|parents?|child|children|kids?|baby|babies|son|daughter|husband|"
        r"wife|partner|spouse|brother|sister|sibling|grand(?:mother|father|ma|pa|parents?)|nana|grandpa|friend|"
        r"loved ones?|pet|dog|cat|twin|fianc[eé]e?|boyfriend|girlfriend|aunt|uncle|cousin)")
_WHO = (r"(?:he|she|they|someone|somebody|a partner|your partner|my partner|his partner|her partner|"
        r"(?:my|your|her|his|their|a|an) (?:husband|wife|boyfriend|girlfriend|spouse|ex|father|mother|dad|mom|"
        r"parent|stepdad|stepfather|stepmom|stepmother|uncle|brother|sister|coach|teacher)|partners|parents)")
_SENSITIVE_PLAIN = re.compile(
    r"\b(?:"
    r"(?:want|wanting|wanted|wants|wish|wishing|wished|wishes|hope|hoping|rather|prefer)\w*\s+(?:\w+\s+){0,4}?"
    r"(?:not|never)\s+(?:to\s+)?(?:wake|waking)\s+up|"
    r"(?:go(?:ing)? to sleep|fall(?:ing)? asleep) and (?:not|never) (?:wake|waking) up|"
    r"(?:want|wanting|wanted|wants|wish|wishing|wished)\w*\s+(?:\w+\s+){0,3}?(?:to\s+)?disappear|"
    r"(?:want|wanting|wanted|wants)\s+(?:it all|everything|the pain|it)\s+to (?:end|stop)(?! \w)|"
    r"end(?:ing|s|ed)? it all|(?:don’t|don't|do not|doesn’t|doesn't|no longer)\s+want to (?:be alive|live|exist)|"
    r"(?:were|was|being|be) dead\b|better off dead|"
    r"kill(?:ing|ed|s)? (?:myself|yourself|themselves|himself|herself|oneself)|"
    r"(?:cut|cutting|burn|burning|hit|hitting|hurt|hurting|harm|harming|starv\w+)(?:\s+or\s+\w+)?\s+"
    r"(?:myself|yourself|themselves|himself|herself|oneself)|"
    r"giv(?:e|es|ing) away (?:prized |treasured |their |your |his |her |my )*(?:possessions|belongings)|"
    r"(?:a|the) burden to (?:everyone|others|my family|your family|their family|the people)|"
    r"(?:can’t|can't|cannot|couldn’t|couldn't) (?:go on|see a way out|keep going)|no way out|"
    r"(?:los(?:e|es|ing|t)|mourn(?:s|ing|ed)?|miss(?:es|ing|ed)?)\s+(?:(?:my|your|our|their|his|her|a|an|the)\s+)?"
    r"(?:\w+\s+)?{kin}\b(?![’']s)(?! to (?:a |the )?(?:move|job|new|college|school))|"
    r"(?:first|last) (?:\w+ )?(?:holiday|christmas|thanksgiving|birthday|year|anniversary|mother’s day|"
    r"father’s day|mother's day|father's day) without (?:mom|dad|mum|him|her|them|my \w+|your \w+|a \w+)|"
    r"(?:death|deaths|dead|die|died|dies|dying|deceased|funeral|funerals|burial|buried|hospice|terminal|"
    r"terminally|end[- ]of[- ]life|stillborn|stillbirth|widowed|widows?|orphaned)\b"
    r"(?!\s+(?:to\b|for\b|down|hard|off|out|tired|end|set|battery|inside|serious|wrong|on\b|in (?:my|your) hands))|"
    r"(?:partner|husband|wife|spouse|mother|father|mom|dad|parent|child|son|daughter|friend|he|she|they)\s+"
    r"(?:has |had |just )?passed(?:\s+(?:last|this|in|on|away|recently|suddenly|\d)|\s*[,.;]|$)|"
    r"(?:loss|losses) of (?:a|an|your|their|his|her|my|our|the) (?:\w+ )?(?:pregnancy|{kin})|"
    r"(?:after|with|through|since|following|grieving|mourning|from|a|the)\s+(?:(?:sudden|recent|traumatic|"
    r"painful|devastating|tragic|significant|major|unexpected|profound|pregnancy|perinatal|early|a)\s+)+loss\b|"
    r"{who}\s+(?:\w+\s+)?(?:hits?|hitting|beats?|beating|slaps?|slapped|slapping|punch(?:es|ed|ing)?|"
    r"kick(?:s|ed|ing)?|chok(?:es|ed|ing)|strangl(?:es|ed|ing)|shov(?:es|ed|ing)|hurts?|hurting)\s+(?:me|you|"
    r"her|him|them|us)\b|"
    r"(?:slaps|slapped|shoves|shoved|chokes|choked|strangles|strangled|punches|punched)\b|"
    r"be(?:en|ing)? beaten|hurt at home|afraid (?:of|for) (?:my|your|their|her|his) (?:life|safety|partner|husband|wife|"
    r"boyfriend|girlfriend|spouse|ex)\b|scared of (?:my|your|their|her|his) (?:partner|husband|wife|boyfriend|"
    r"girlfriend|spouse|ex)\b|"
    r"(?:won’t|won't|doesn’t|doesn't|does not|will not) let (?:you|me|her|him|them) (?:see|talk to|call|leave|"
    r"have)\b|(?:controll\w*|takes?|taking|took) (?:all )?(?:the |your |my |her |his )?(?:money|finances|paycheck)|"
    r"check(?:s|ing)? (?:your|my|her|his) (?:phone|messages|texts)|"
    r"(?:touch(?:ed|es|ing)?|photographed|filmed)\s+(?:\w+\s+){0,2}?(?:without (?:your|my|her|his|their) "
    r"consent|inappropriately)|without (?:your|my|her|his|their) consent|forced (?:into|to have) sex|"
    r"(?:unwanted|non-?consensual) (?:sex|sexual|touch\w*)|molest\w*|incest|grooming a child|"
    r"scream(?:s|ed|ing)? insults|(?:call(?:s|ed|ing)? you|calls? me) (?:names|worthless|stupid)|"
    r"(?:immediate|physical|grave) danger|(?:you are|you’re|you're|are you|I am|I’m|I'm) in danger\b(?! of)|danger to (?:yourself|themselves|himself|herself|others)|"
    r"911|psychiatric (?:emergency|hospital\w*|crisis)|emergency room|ER\b|urgent care|"
    r"(?:a |has a |with a )weapon|gun to|threaten(?:s|ed|ing)? to (?:use|hurt|kill|leave|take)|"
    r"safety plan\w*|get to safety|(?:are|feel|felt|feeling|is) not safe|dangerous relationship"
    r")".replace("{kin}", _KIN).replace("{who}", _WHO), re.IGNORECASE)

# More of the same topics, one row per family of phrasing (issue 19): what the row catches, then its patterns.
# Borderline words are narrowed by what comes with them: "scars on her arms", not "scar tissue"; "cutting is a way
# to cope", not "cut back"; "in danger", not "in danger of burnout"; "an emergency", not "an emergency fund".
_TOPICS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("after a critical incident or a traumatic event", (
        r"critical incidents?", r"traumatic (?:event|experience|incident|birth|loss|injury|death)s?",
        r"(?:workplace|work|vicarious|secondary|childhood|combat|birth|sexual|collective|complex|racial) trauma",
        r"(?:was|were|been|being|got|get|be) killed", r"killed (?:on|in|by|while|during)\b",
        r"(?:a|the|mass|school|workplace) shootings?", r"fatal(?:ly|ity|ities)?\b(?! (?:flaws?|errors?|mistakes?))",
        r"natural disasters?")),
    ("self-harm told through its marks", (
        (r"(?:scars|cuts|burns|marks|bruises) (?:on|across) (?:(?:your|their|his|her|my|a|the) )?(?:\w+[’']s )?"
        r"(?:arms?|wrists?|forearms?|legs?|thighs?)\b"),
        r"(?:fresh|hidden|self-inflicted) (?:cuts|scars|burns|wounds)", r"self-inflicted",
        (r"cutting (?:is|was|can|and (?:burning|scratching)|or (?:burning|scratching)|as a way|to cope|to feel|"
        r"behaviou?rs?|scars|marks)\b"),
        (r"(?:cut|cutting|burn|burning|scratch\w*|punch\w*) (?:your|their|my|his|her) (?:own )?(?:skin|arms?|wrists?|"
        r"legs?|thighs?|body)\b"), r"until (?:it|they|the skin) bleeds?",
        (r"(?:hurt|harm|injur|punish)\w* (?:your|their|my|his|her) (?:own )?(?:body|skin)\b(?:\s+\w+){0,3}?\s+"
        r"(?:on purpose|deliberately|intentionally)"),
        r"(?:deliberately|intentionally|on purpose) (?:hurt|harm|injur|cut|burn)\w*")),
    ("postpartum psychosis and perinatal crisis", (
        r"psychosis", r"psychotic (?:episode|break)s?", r"hear(?:s|ing)? voices",
        (r"(?:harm|hurt|kill|shak|drown|smother)\w* (?:your|the|her|my|their|his) (?:own )?(?:baby|newborn|infant|"
        r"child|children|kids?)\b(?![’'])"))),
    ("overdose, not wanting to wake up, ending it", (
        r"naloxone|narcan", r"too many (?:pills|tablets|sleeping pills|painkillers)", r"a handful of pills",
        r"(?:stockpil|hoard)\w* (?:pills|medication|medicine|tablets)",
        (r"(?:talk|think|thought|spoke|speak|mention|plan|want)\w* (?:about |of |to )?(?:end|ending) (?:it|things)\b"
        r"(?!\s+(?:with|on|by|there|well|kindly|gently|respectfully))"))),
    ("grief as losing someone", (
        r"los(?:e|es|ing|t) (?:someone|somebody|a loved one)\b(?![’'])",
        r"(?:someone|somebody|a loved one|\w+ you love)(?: \w+){0,3}? (?:is|are|was) gone\b",
        r"(?:is|are|was|were) no longer with us")),
    ("a partner who hits or controls you", (
        r"controls? (?:where you go|who you see|what you wear|what you eat|your money|your friends|everything you do)",
        r"(?:track|monitor)\w* (?:your|her|his|my) (?:location|phone|messages|texts|calls|every move|whereabouts)",
        r"reads? (?:your|her|his|my) (?:messages|texts|emails|diary)")),
    ("sexual assault", (
        r"(?:made|forced|pressured|coerced) (?:\w+ ){0,2}?(?:to have|into) sex", r"groped|drugged|spiked (?:your |her |his |my )?drink")),
    ("child abuse in indirect words", (
        r"(?:hit|hurt|beaten|slapped|kicked|burned|locked in|locked up) at home",
        r"(?:unexplained|unexplainable) (?:bruises|injuries|burns|marks)",
        r"bruises (?:\w+ ){0,3}?(?:can’t|can't|cannot|won’t|won't|doesn’t|doesn't) explain",
        r"raises? a hand (?:to|against)",
        (r"(?:asks?|tells?|told|makes?|made) (?:a |the |your |their )?(?:child|children|kids?) (?:to )?keep (?:\w+ )?"
        r"secrets?"))),
    ("danger and emergency", (
        (r"(?:you|he|she|they|we|someone|somebody|anyone|child|children|kids?|baby|life|lives)(?: else)?"
         r"(?: (?:is|are|was|were|may be|might be|could be|feels?))+ in danger\b(?! of)"),
        r"(?:is|it’s|it's|was|be) an emergency\b",
        r"(?:psychiatric|mental health|psychological|obstetric) emergenc(?:y|ies)")),
)
_SENSITIVE_TOPICS = Caseless(r"\b(?:" + "|".join(p for _, patterns in _TOPICS for p in patterns) + ")")

_IDIOMS = re.compile(
    r"\b(?:(?:phone|battery|laptop|car|computer|engine|conversation|argument|arguments|fight|music|noise|wind|"
    r"fire|trend|habits?|hopes?|dreams?|plants?|flowers?|lawn|garden)\s+(?:\w+\s+)?(?:died|dies|die|dying|is dead|"
    r"was dead)\b|dying (?:to|for)\b|to die for|dead[- ]?(?:end|line|tired|set|weight|ringer|serious)|die[- ]hard|"
    r"let (?:\w+ ){0,2}(?:arguments?|habits?|grudges?|it|that|things) die\b)", re.IGNORECASE)

_NAME = r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?"
_NAME_WITH_AGE = re.compile(
    rf"\b({_NAME}),?\s+(?:\(\d{{1,2}}\)|\d{{1,2}},|aged?\s+\d{{1,2}}|a\s+\d{{1,2}}-year-old|who\s+is\s+\d{{1,2}}|"
    rf"\d{{1,2}}-year-old)")
_AGED_NAME = re.compile(rf"\b(?:a|an)\s+\d{{1,2}}-year-old\s+[a-z]+(?:\s+[a-z]+)?\s+(?:named|called)\s+({_NAME})")
_DIGIT = re.compile(r"\d")
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.-]+\b")
_PHONE = re.compile(r"(?<!\d)(?:\+?1[-.\s]?)?\(?\d{3}\)?[-.\s]\d{3}[-.\s]\d{4}(?!\d)")
_STREET = re.compile(r"\b\d{1,5}\s+(?:[A-Z][a-z]+\s+){1,3}(?:Street|St\.?|Avenue|Ave\.?|Road|Rd\.?|Boulevard|"
                     r"Blvd\.?|Lane|Ln\.?|Drive|Dr\.?|Court|Ct\.?|Way|Place|Pl\.?|Terrace|Circle)\b")
_CLIENT_STORY = re.compile(r"\b(?:my|our|a|one)\s+client(?:s)?\b(?:\s+(?:named|called|who))?|"
                           r"\bnames?\s+(?:and\s+details\s+)?(?:have|has)\s+been\s+changed\b|\bidentifying details\b",
                           re.IGNORECASE)
_NOT_NAMES = {"Many", "Some", "Most", "Every", "Each", "When", "If", "For", "The", "This", "That", "After", "Before",
              "In", "By", "At", "On", "Over", "Under", "About", "Around", "Nearly", "Almost", "Only", "Just",
              "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
              "November", "December", "Age", "Ages", "Chapter", "Step", "Session", "Week", "Day", "Year"}


def is_sensitive(*texts: str) -> bool:
    return any(_sensitive(text) for text in texts if text)


@functools.lru_cache(maxsize=4096)
def _sensitive(text: str) -> bool:
    plain = _IDIOMS.sub(_blank, text)
    return bool(_SENSITIVE.search(text) or _SENSITIVE_PLAIN.search(plain) or _SENSITIVE_TOPICS.search(plain))


def _blank(match: re.Match) -> str:
    return " " * len(match.group(0))


def vignette_names(texts) -> frozenset[str]:
    """First names the article introduces with an age: `Maria, 34,`, `a 42-year-old teacher named Dan`."""
    names = set()
    for text in texts:
        for match in _NAME_WITH_AGE.finditer(text):
            first = match.group(1).split()[0]
            if first not in _NOT_NAMES:
                names.add(first)
        for match in _AGED_NAME.finditer(text):
            names.add(match.group(1).split()[0])
    return frozenset(names)


@functools.lru_cache(maxsize=4096)
def personal_details(text: str, names: frozenset[str] = frozenset()) -> bool:
    """A name with an age or a story's name, an email, a phone number, a street address, a client's story."""
    if not text:
        return False
    patterns, digits = _detail_patterns(text)
    if any(pattern.search(text) for pattern in patterns):
        return True
    if digits and any(match.group(1).split()[0] not in _NOT_NAMES for match in _NAME_WITH_AGE.finditer(text)):
        return True
    return bool(names) and bool(_names_pattern(names).search(text))


def _detail_patterns(text: str) -> tuple[tuple[re.Pattern, ...], bool]:
    """The detail patterns that can be found in the text, in their order, and whether it holds a digit (an email
    needs an @; a phone number, a street number and an age need digits): most sentences skip the costliest ones."""
    digits = _DIGIT.search(text) is not None
    return tuple(pattern for pattern, possible in ((_EMAIL, "@" in text), (_PHONE, digits), (_STREET, digits),
                                                   (_CLIENT_STORY, True)) if possible), digits


@functools.lru_cache(maxsize=64)
def _names_pattern(names: frozenset[str]) -> re.Pattern:
    return re.compile(r"\b(?:" + "|".join(re.escape(name) for name in sorted(names)) + r")\b")


def sensitive_words(*texts: str) -> tuple[str, ...]:
    """The words that make a text sensitive, as written, in order, without repeats."""
    found: dict[str, None] = {}
    for text in texts:
        for word in _sensitive_in(text or ""):
            found.setdefault(word, None)
    return tuple(found)


@functools.lru_cache(maxsize=4096)
def _sensitive_in(text: str) -> tuple[str, ...]:
    plain = _IDIOMS.sub(_blank, text)
    found = [(match.start(), match.group(0)) for pattern, seen in ((_SENSITIVE, text), (_SENSITIVE_PLAIN, plain))
             for match in pattern.finditer(seen)]
    found += [(start, plain[start:end]) for start, end in _SENSITIVE_TOPICS.spans(plain)]
    return tuple(dict.fromkeys(" ".join(word.lower().split()) for _, word in sorted(found)))


def privacy_details(text: str, names: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """What in the text looks like a client's details: a name with an age, an email, a phone, an address."""
    found: dict[str, None] = {}
    patterns, digits = _detail_patterns(text)
    for pattern in patterns:
        for match in pattern.finditer(text):
            found.setdefault(match.group(0).strip(), None)
    for match in _NAME_WITH_AGE.finditer(text) if digits else ():
        if match.group(1).split()[0] not in _NOT_NAMES:
            found.setdefault(match.group(0).strip(" ,"), None)
    if names:
        for match in _names_pattern(names).finditer(text):
            found.setdefault(match.group(0), None)
    return tuple(found)


def flag_words(tip_text: str, *, heading: str = "", names: frozenset[str] = frozenset()) -> dict[str, tuple[str, ...]]:
    """Review flags from the tip's own words and its heading, each with the words that raised it."""
    flags = {}
    sensitive = sensitive_words(tip_text, heading)
    if sensitive:
        flags["sensitive"] = sensitive
    private = privacy_details(tip_text, names)
    if private:
        flags["privacy"] = private
    return flags


def review_flags(tip_text: str, *, context: str = "", heading: str = "", names: frozenset[str] = frozenset()
                 ) -> tuple[str, ...]:
    """The flag names alone (`context` is not read: a tip is flagged for its own words and its heading)."""
    return tuple(flag_words(tip_text, heading=heading, names=names))
