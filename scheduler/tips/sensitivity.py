"""The lexicon behind the `sensitive` flag: the phrasings of death, dying, suicide, self-harm, abuse, crisis and
traumatic events (issue 19, point 3), and the everyday phrases that share their words.

Two tables, one row per family of phrasing (what the row catches, then its phrase patterns, written in lower
case). `TOPICS` says what makes a tip sensitive; `EVERYDAY` is the negative context: idioms and ordinary uses
("dying to try", "kill time", "abusing the snooze button", "a crisis of confidence", "the airport terminal") that
are blanked out before `TOPICS` is read, so a word inside an idiom raises nothing while the same word elsewhere in
the tip still does. A narrower condition that belongs to one phrase stays beside it as a lookahead ("in danger",
not "in danger of burnout"). Each table is compiled once into one rule. The choices (what counts, what does not)
are in docs/splitting.md; tests/tips/test_sensitive_corpus.py holds them. Where the lexicon names nothing, the topic
reader (scheduler.tips.topicmodel) may still find the text sensitive: a tip is flagged when either says so.
"""

from __future__ import annotations

import functools

from scheduler.tips.lexicon import Lexicon
from scheduler.tips.sentences import per_split
from scheduler.tips.topicmodel import topic_words

_KIN = (r"(?:mother|father|mom|mum|dad|mama|papa|parents?|child|children|kids?|baby|babies|son|daughter|husband|"
        r"wife|partner|spouse|brother|sister|sibling|grand(?:mother|father|ma|pa|parents?|ad|dad)|gran|granny|nana?|grandpa|friend|"
        r"loved ones?|pet|dog|cat|twin|fianc[eé]e?|boyfriend|girlfriend|aunt|uncle|cousin)")
_WHO = (r"(?:he|she|they|someone|somebody|a partner|your partner|my partner|his partner|her partner|"
        r"(?:my|your|her|his|their|a|an) (?:husband|wife|boyfriend|girlfriend|spouse|ex|father|mother|dad|mom|"
        r"parent|stepdad|stepfather|stepmom|stepmother|uncle|brother|sister|coach|teacher)|partners|parents)")
_SELF = r"(?:myself|yourself|themselves|himself|herself|oneself)"
_NOT = r"(?:don’t|don't|do not|doesn’t|doesn't|does not|didn’t|didn't|not|never|no longer)"
_LIVE = r"live\b(?!\s+(?:with|in|near|there|here|at|on|like|together|alone|apart|far|close|somewhere|abroad)\b)"
_GO_ON = r"go on\b(?!\s+(?:a|an|the|to|with|vacation|holiday|trips?|dates?|\w+ing)\b)"
# The words that make an everyday sense of a grave word grave again: a person, a home, harm
_PERSON_OR_HARM = (r"(?:he|she|him|her|his|hers|they|them|their|partner|husband|wife|boyfriend|girlfriend|ex|parents?|"
                   r"mother|father|mum|mom|dad|step\w+|uncle|aunt|brother|sister|someone|somebody|home|house|hurt\w*|"
                   r"hit\w*|harm\w*|shout\w*|scream\w*|yell\w*|drunk|drink\w*|angry|rage|violen\w*|abus\w*|"
                   r"(?<!panic )(?<!anxiety )attack\w*|assault\w*|threat\w*|kill\w*|die|died|death|dying|weapons?|knife|gun|unsafe|suicid\w*|self-harm\w*|"
                   r"overdos\w*|rape[ds]?|raping|trauma\w*|funerals?|cancer|hospital\w*|police|blood|bleed\w*|cut|cutting)")
# The rest of a sentence that names none of them: what an everyday sense of a grave word needs before it is read as
# everyday ("rest can feel unsafe when you are anxious", not "... when he comes home angry")
_NO_PERSON_OR_HARM = r"(?![^.!?]{0,120}?\b" + _PERSON_OR_HARM + r"\b)"
# up to six words between two parts of an everyday phrase, none of them a person, a home or harm
_PLAIN_WORDS = r"(?:,? (?!" + _PERSON_OR_HARM + r"\b)[\w’']+){0,6}?"
# An ordinary condition a practice names among what it helps with ("anxiety, depression, trauma, grief and
# relationship problems"); trauma, grief or a loss in such a list, beside two or more of them, is not a tip about it
_ORDINARY_CONDITION = (r"(?:(?:social |health |generali[sz]ed )?anxiety|depression|low mood|(?:work(?:place)? |chronic )?"
                       r"stress|burnout|(?:low )?self[- ]esteem|confidence|anger(?: management)?|ocd|adhd|autism|"
                       r"phobias?|panic(?: attacks)?|insomnia|sleep (?:problems|issues|difficulties)|loneliness|"
                       r"perfectionism|procrastination|life transitions|(?:major )?life changes|identity|parenting|"
                       r"(?:family |relationship |couples? |communication |work |career )?(?:problems|issues|"
                       r"difficulties|conflicts?|challenges)|relationships|family conflict|self-care|motivation|"
                       r"emotional regulation|overthinking|people[- ]pleasing|boundaries|infertility)")
_LISTED_LOSS = r"(?:trauma|grief(?: and loss)?|bereavement|loss)(?! of\b)(?!-)"
_LISTED = r"(?:" + _ORDINARY_CONDITION + "|" + _LISTED_LOSS + r")\b"
_LIST_COMMA = r"(?:,\s*(?:and |or |& )?|\s+(?:and|or|&)\s+|\s*/\s*)"
_PRACTICE_LIST = (r"(?=(?:" + _LISTED + _LIST_COMMA + r")*?" + _ORDINARY_CONDITION + r"\b)"
                  r"(?=(?:" + _LISTED + _LIST_COMMA + r")*?" + _LISTED_LOSS + r"\b)"
                  r"(?:" + _LISTED + _LIST_COMMA + r"){2,}" + _LISTED)
_EATING_DISORDER = (r"(?:purg(?:e|es|ed|ing)|binge?ing and (?:purging|vomiting)|making (?:yourself|herself|himself|myself|"
                    r"themselves) sick|(?:while|still|severe|after) restrict(?:ing|ion)|restrict(?:ing|s|ed) (?:every meal|"
                    r"food|calories|(?:her|his|their|your|my) (?:food|eating|intake))|starv(?:e|es|ed|ing) (?:yourself|"
                    r"herself|himself|themselves|myself)|anorexi\w+|bulimi\w+|eating disorders?|laxatives?|refeed\w*|"
                    r"(?:stopped|stops|stop|refus\w+) (?:eating|food)|skipped meals?|(?:almost|next to|virtually) no food|"
                    r"counting every (?:crumb|calorie)|weight (?:is |keeps |kept )?(?:falling|dropping|plummeting)|the "
                    r"scale keeps dropping|(?:down to|no more than|more than|only) (?:one|an) apple a day|haven[’']t eaten (?:in|for) "
                    r"(?:\w+ )?days|(?:hasn[’']t|haven[’']t) eaten more than|only eats (?:ice chips|\w+ a day)|throws? up after "
                    r"every (?:\w+ )?(?:meal|dinner|lunch)|binges (?:and throws up|until (?:she|he|i) (?:is|am) sick)|throw(?:s|ing)? "
                    r"up several times a day|counts every (?:grape|bite|calorie|crumb)|weighs less (?:each|every) week|weighs "
                    r"less than (?:she|he) did|feeding tube|still feel huge|too fat to)")
_BODY_IN_DANGER = (r"(?:(?:stop|stops|stopped|stopping) (?:your |her |his |their |my )?(?:heart|breathing)|heart\b|"
                   r"potassium|faint\w*|collaps\w*|chest pain|dizzy|doctor (?:today|now|tonight)|(?:medical|urgent) "
                   r"(?:help|attention|assessment|care|emergency)|medically supervised|inpatient|hospital\w*|a&e|"
                   r"emergency|see blood|fatal|kill (?:you|her|him|them)|die|dying|death|hair (?:is )?falling out|vision goes "
                   r"black|can[’']t stand|passed out|blood)")

TOPICS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("suicide, in its own words", (
        r"suicid\w*", r"unaliv\w*", r"kill(?:s|ing|ed)? " + _SELF + r"\b",
        r"(?:end|ends|ended|ending|take|takes|taking|took|taken) (?:my|your|their|his|her) (?:own )?life\b", r"death wish\b",
        r"(?:ways|how|methods?) to (?:die|kill " + _SELF + r")\b", r"lethal (?:dose|amount|means)\b",
        r"(?:jump\w*|leap\w*) (?:off|from) (?:a|the) (?:bridge|building|roof|cliff|balcony)\b",
        r"(?:step\w*|jump\w*|throw\w*) (?:\w+ )?in front of (?:a|the) (?:train|bus|car|truck|lorry)\b")),
    ("wanting to die or not to be here, without the words", (
        r"hurts? (?:too much )?to (?:be alive|exist|still be here)\b",  # round 20 (e-footer)
        # round 19 (e-sens): told with a verb of speech, which the topic reader no longer needs to carry them (a wish
        # never to wake again, "can't face going on", better off with the insurance money, a pet or the children
        # handed over "if anything happened", a letter not to be opened "until after", a text that just says help)
        r"(?:never|not) wak(?:e|es|ing) up again\b",
        r"(?:can[’']t|cannot|can not) face going on\b",
        r"better off with (?:the|my|his|her|their|our) (?:payout|insurance(?: money| payout)?|life insurance|life cover)\b",
        (r"(?:asked|asks|asking|ask) (?:me|you|us|him|her) to (?:promise (?:i[’']d |you[’']d |we[’']d )?)?(?:take|look "
         r"after|care for|have|keep) (?:her|his|their|my) (?:children|kids|cat|dog|pets?|son|daughter)\b[^.!?]{0,20}?\bif "
         r"(?:something|anything) (?:happened|happens|were to happen|should happen) to (?:her|him|them|me)\b"),
        r"not to open (?:it|them|mine|yours|his|hers|the (?:letters?|envelopes?)) (?:until|till) after[.!?\"”]",
        r"(?:text|message)\b[^.!?]{0,40}?\bthat just says [\"“]?help\b",
        r"want(?:s|ed)? to die\b", r"wish(?:es|ed)? (?:i|you|they|he|she) (?:were|was) dead\b",
        r"better (?:off )?without (?:me|you|them)\b", r"better off dead", r"without (?:me|you|them|him|her) in it\b",
        (r"(?:world|everyone|everybody|family|they|people) would be (?:\w+ )?(?:better|easier|happier)(?: off)? "
         r"without (?:me|you|them|him|her)\b"),
        (r"(?:talk|talks|talked|talking|speak\w*|mention\w*|jok\w*) about (?:not being (?:here|around|alive)|"
         r"disappearing|being gone|wanting to die)\b"),
        r"what(?:[’']s| is) the point (?:of (?:anything|it all|living|going on|life|being here)|anymore)\b",
        r"how many (?:pills|tablets) (?:it )?(?:would|will|it[’']d) take\b",
        r"saying goodbye\b[^.!?]{0,40}?\bfor no (?:clear |apparent |obvious )?reason\b",
        (r"(?:thought|thoughts|thinking|think|urges?) (?:about |of )?(?:driving|crashing|swerving|jumping|stepping|walking) "
         r"(?:off (?:the|a) (?:road|bridge|cliff|roof)|in front of|into (?:a |the )?(?:wall|tree|oncoming traffic|"
         r"traffic|river|sea|lake))"),
        (r"better off (?:if|once|when) (?:i|you|he|she|they)\b[^.!?]{0,25}?(?:gone|dead|never born|"
         r"(?:not|n[’']t) (?:around|here|alive))"),
        r"reasons? to (?:keep living|keep going(?! (?:with|to|at|on)\b)|" + _GO_ON + "|" + _LIVE + ")", r"(?:rather|prefer to|want to|wants to|wanted to|wish to|wishes to) be dead\b",
        r"(?:will|reason|desire) to live\b", r"no reason to (?:live|go on)\b",
        (r"(?:(?:is|are|was|were|does|do|did|wo|ca|could|would|should|might|must|has|have|had|ai)n[’']t|not|never)\s+"
         r"(?:\w+\s+)?worth living\b"), r"life (?:isn’t|isn't|is not|wasn’t|wasn't) worth\b",
        r"(?:thoughts|thinking) (?:of|about) (?:death|dying)\b",
        _NOT + r"\s+want(?:s|ed|ing)?\s+to\s+(?:be here|be alive|wake up|exist|" + _GO_ON + "|" + _LIVE + ")",
        (r"(?:want|wanting|wanted|wants|wish|wishing|wished|wishes|hope|hoping|rather|prefer)\w*\s+(?:\w+\s+){0,4}?"
         r"(?:not|never)\s+(?:to\s+)?(?:wake|waking)\s+up"),
        r"(?:go(?:ing)? to sleep|fall(?:ing)? asleep) and (?:just |simply )?(?:not|never) (?:wake|waking) up",
        r"want\w* to (?:just )?sleep forever",
        r"(?:want|wanting|wanted|wants|wish|wishing|wished)\w*\s+(?:\w+\s+){0,3}?(?:to\s+)?disappear",
        r"(?:want|wanting|wanted|wants)\s+(?:it all|everything|the pain|it)\s+to (?:end|stop)(?! \w)",
        r"the pain to (?:end|stop) (?:for good|forever|once and for all)", r"end the pain for good",
        r"end(?:ing|s|ed)? it all",
        (r"(?:talk|think|thought|spoke|speak|mention|plan|want)\w* (?:about |of |to )?(?:end|ending) (?:it|things)\b"
         r"(?!\s+(?:with|on|by|there|well|kindly|gently|respectfully))"),
        r"(?:can’t|can't|cannot|couldn’t|couldn't) (?:go on|see a way out|keep going)", r"no way out",
        r"(?:the )?point (?:of|in) (?:living|being alive|going on)\b",
        r"(?:nothing|nobody|no one) (?:left )?to live for\b",
        r"(?:give|gives|giving|gave|given) up on (?:life|living)\b",
        r"(?:tired|sick|done) (?:of|with) (?:living|being alive|life|existing|being here)\b",
        r"(?:had|have) never been born\b", r"wish\w* (?:i|you|he|she|they)(?: was| were| had|[’']d) never (?:been )?born\b",
        r"(?:won’t|won't|will not) be (?:around|here) (?:much longer|for long|for much longer|anymore|any more)\b",
        r"stop(?:ped)? existing\b", r"(?:not|no longer) (?:be|being) (?:here|around|alive) (?:anymore|any more|any longer)\b",
        r"life (?:feels|is|seems|felt|was) (?:\w+ )?(?:pointless|meaningless)\b",
        r"giv(?:e|es|ing) away (?:prized |treasured |their |your |his |her |my )*(?:possessions|belongings)",
        r"(?:a|the) burden to (?:everyone|others|my family|your family|their family|the people)",
        r"goodbye (?:letters|notes)\b(?! to)",
        # round 12 (words4): a passive wish told as sleep, a morning, a day to face; not keeping yourself safe; things
        # given away and goodbyes sent; the means kept, hoarded or looked at (pills, a rope)
        (r"(?:hop\w*|wish\w*|pray\w*|want\w*|rather|fine|okay|ok|happy|better|relie\w+) (?:\w+ ){0,3}?(?:if )?(?:i|you|he|"
         r"she|they) (?:just |simply |would |could )?(?:won[’']t|wouldn[’']t|didn[’']t|don[’']t|doesn[’']t|never|will not|"
         r"would not|did not|do not|does not) (?:ever )?(?:wake|woke|waking) up\b(?! (?:at|before|until|till|early|too|during|for|with|in the (?:night|middle)|"
         r"groggy|tired|rested|refreshed|when|to|on time|feeling|the|his|her|my|your|their|our|every\w*|any\w*)\b)"),
        r"(?:morning|mornings|tomorrow|next day) (?:would |will )?(?:never|won[’']t|wouldn[’']t|doesn[’']t) (?:come|comes|arrive)\b(?! (?:soon|fast|quick|early|too))",
        (r"(?:rather|prefer to|prefer) not (?:to )?(?:be|being) (?:here|around|alive)\b(?! (?:when|while|for|during|at (?:the|this|"
         r"that|a|his|her|their|my|your)\b|in (?:the|this|that|a)\b|on|with|if|before|after|tomorrow|tonight|today|this|"
         r"next|until)\b)"),
        r"sleep\w* forever (?:sounds|seems|feels|looks|would (?:be|feel))\b",
        (r"(?:can[’']t|cannot|can not|couldn[’']t|could not) (?:face|bear|survive|do|take) (?:another|one more) "
         r"(?:day|morning)\b(?! (?:at|of|in|with|on|without|like (?:today|that at)))"),
        r"never (?:have|having|has) to face (?:another|one more|the next) (?:day|morning|night)\b",
        r"(?:don[’']t|doesn[’']t|didn[’']t|do not|does not|not|never) want\w* to face (?:another|one more|tomorrow)\b(?! (?:at|of)\b)",
        r"(?:close|closing|closes|shut|shutting|shuts) (?:my|his|her|their|your) eyes and (?:never|not) (?:open|wake)\w*",
        (r"(?:(?:he|she|they) (?:just )?(?:wanted|wants|wished|wishes)|i (?:just )?want(?:ed)?) (?:to )?(?:go to sleep|"
         r"fall asleep|sleep) and (?:just )?(?:stay asleep|never wake up|not wake up|never have to wake up)(?=\s*(?:[.!;]|$|"
         r"forever|for good))"),
        (r"(?:can[’']t|cannot|can not|couldn[’']t|could not|unable to|not able to|(?:not |un)sure (?:you|i|he|she|they) "
         r"(?:can|could)|(?:don[’']t|doesn[’']t|do not|does not) trust (?:yourself|myself|himself|herself|themselves) to)"
         r"\s+(?:keep (?:yourself|myself|himself|herself|themselves) |stay |be |remain )safe\b"
         r"(?! (?:online|on|in the|from|while|when|at work|at school|with (?:money|passwords))\b)"),
        r"safe from (?:yourself|myself|himself|herself|themselves)\b",
        (r"thoughts (?:stop|stops|stopped|no longer|don[’']t|do not|aren[’']t|are not) (?:feel\w* )?(?:safe|like (?:your|my) "
         r"own)\b"),
        (r"(?:giv(?:e|es|ing|en)|gave) away (?:(?:all|most|some|many) (?:of )?)?(?:his|her|their|my) (?:\w+ )?(?:things|"
         r"stuff|belongings|possessions|treasures|favou?rite \w+|prized \w+|treasured \w+|precious \w+|cherished \w+|"
         r"beloved \w+|pets?|dog|cat|guitar|collection)\b(?! to (?:a |the )?(?:charity|charities|shop|jumble|yard|"
         r"garage|sale|food bank))"),
        r"suddenly (?:\w+ )?(?:giv(?:e|es|ing|en)|gave) away\b",
        r"(?:started|starting|starts|begun|began) (?:to )?giv(?:e|ing) away (?:his|her|their|my)\b",
        r"(?:giv\w*|gave) away\b[^.!?]{0,60}?\bsay\w* goodbye|say\w* goodbye\b[^.!?]{0,60}?\b(?:giv\w*|gave) away\b",
        (r"(?:send|sends|sent|sending|writ\w*|wrote|leav\w*|left|post\w*) (?:\w+ )?goodbye (?:letters?|notes?|texts?|"
         r"messages?|emails?|posts?|videos?)\b(?! (?:when|before|after|on|at|for) )(?! to (?:the|your|my|our|an?) "
         r"(?:old |former )?(?:job|house|home|school|office|colleagues|team|class|year|summer|holiday|city|town)\b)"),
        r"(?:putting|put|puts|getting|got|gets|sorting|sorted|sorts) (?:his|her|their|my) affairs in order\b",
        r"tid(?:y|ied|ies|ying) up (?:his|her|their|my) affairs\b",
        r"(?:stockpil|hoard)\w* (?:\w+ ){0,2}?(?:pills|tablets|painkillers|meds|medications?|medicines?|prescriptions|paracetamol|antidepressants|insulin|sleeping pills)\b",
        r"stash(?:es|ed|ing)? (?:of |away |up )?(?:\w+ ){0,2}?(?:pills|tablets|painkillers|meds|medications?|medicines?|prescriptions|paracetamol)\b",
        (r"(?:sav|collect|keep|kept|hid|hiding|hide|hoard|stash)\w* (?:up )?(?:\w+ ){0,2}?(?:pills|tablets|painkillers|meds|"
         r"medications?|medicines?|prescriptions)\b[^.!?]{0,20}?\b(?:instead of|rather than|without) taking\b"),
        (r"(?:sav|collect|hoard|stockpil|stash)\w* (?:up )?(?:\w+ ){0,2}?(?:pills|tablets|painkillers|meds|medications?|"
         r"medicines?|prescriptions)\b (?:for|over) (?:weeks|months|a (?:few |couple of )?(?:weeks|months))\b"),
        (r"(?:kept|keeps|hid|hides|hidden|stashed)\b[^.!?]{0,40}?\b(?:pills|tablets|painkillers|medication|meds|razors?|"
         r"blades?|rope|gun|knife)\b[^.!?]{0,40}?\bjust in case\b(?! (?:of|you|your|the|it|a|there|they|we)\b)"),
        r"noose\w*",
        (r"(?:look\w*|star\w*|think\w*|thought|bought|buy\w*|hid\w*|kept|keeps|found) (?:at |about |of )?(?:a|the) (?:\w+ )?"
         r"rope\b(?! (?:swing|bridge|course|ladder|climb\w*|skipping|walk\w*|light|burn|toy|knot|tow))"),
        # round 15 (words7): what the four further authors' phrasings told without the words, by kind: the means put
        # away for a hard stretch (guns, medication, "distance between you and the means"), a method looked up or
        # a place of intent (how many paracetamol, a car in a closed garage, driving out to the cliffs, an unexplained
        # rope), affairs put in order (debts paid off with a pet rehomed or a will changed, a will at nineteen, all
        # their passwords handed over, thanks as if for the last time, a treasured thing given away), a sudden calm
        # after months low, "if I'm not around tomorrow", "joining Grandad soon", "won't come back from this one",
        # not caring whether one wakes up, an urge or a try "to end it", a past attempt, "do something to myself"
        (r"(?:distance (?:between (?:\w+ )?(?:you|them|him|her|me|us) and|from) the |remov\w* (?:the|any) |"
         r"restrict\w* access to (?:the )?)means\b(?! (?:to|of|for|test)\b)"),
        (r"(?:guns?|firearms?|rifles?|shotguns?|weapons?)\b[^.!?]{0,50}?\b(?:during|through|for|in) (?:a|the|this|these|"
         r"those) (?:dark|rough|hard|difficult|bad|low|tough|risky) (?:stretch|patch|time|times|weeks?|days?|spell|"
         r"period|nights?)\b"),
        (r"(?:stor\w+|lock\w*|keep\w*|kept|hold\w*|mov\w+)\s+(?:\w+\s+){0,2}?(?:guns?|firearms?|rifles?|shotguns?)\b"
         r"[^.!?]{0,30}?\b(?:away from (?:home|the house)|outside (?:the|your|his|her|their) (?:home|house)|elsewhere|"
         r"with a (?:friend|relative|neighbou?r))"),
        (r"(?:lock\w*|hand\w*|give|gives|gave|giving|hid\w*|put|puts|putting)\b[^.!?]{0,40}?\b(?:medications?|meds|"
         r"medicines?|pills|tablets|razors?|blades)\b[^.!?]{0,60}?\b(?:for|during|on|through) (?:the )?(?:hard|bad|dark|"
         r"rough|low|tough|difficult) (?:weeks?|nights?|days?|times?|stretch|patch|spells?)\b"),
        (r"(?:medications?|meds|medicines?|pills|tablets|medicine cabinet|razors?|blades|firearms|guns)\b[^.!?]{0,40}?"
         r"\bwhen (?:\w+ ){0,3}(?:is|are|feels?|seems?) (?:struggling|at risk|suicidal|in crisis|low)\b"),
        (r"how many (?:\w+ ){0,2}?(?:pills|tablets|paracetamol|painkillers|sleeping pills|co-codamol|aspirin|ibuprofen)\b "
         r"(?:(?:it )?(?:would|will|it[’']d) take|(?:it )?takes?|(?:would be|is|are) too many)\b"),
        r"(?:sat|sitting|sits|sit) in (?:the|a|his|her|their|my) car in (?:the|a) (?:closed|shut|locked) garage\b",
        r"(?:engine|car) (?:left )?running in (?:the|a) (?:closed|shut|locked) garage\b",
        (r"(?:stood|standing|stands|stand|sat|sitting|sits|sit|waited|waiting) (?:on|at|by) (?:the |a )?(?:edge of "
         r"(?:the |a )?)?(?:bridge|cliff|cliffs|ledge|cliff edge|rooftop|platform edge|railway line|train tracks)\b"
         r"[^.!?]{0,40}?\b(?:for (?:a long time|hours|ages|an hour)|before (?:a|someone|somebody|the police)|alone at night)"),
        (r"(?:drove|drives|driving|drive|walked|walks|walking|went|goes|going) (?:out |up |down )?to the (?:cliffs?|bridge|"
         r"quarry|cliff edge|viaduct|railway line|tracks)\b[^.!?]{0,40}?\b(?:sat in the car|alone|won[’']t say|"
         r"wouldn[’']t say|didn[’']t say why|for no reason)"),
        r"(?:thought|thinking|think|thinks) about how (?:you|he|she|they|i)(?:[’']d| would| might| could| will|[’']ll) do it\b",
        (r"rope\b[^.!?]{0,40}?\b(?:(?:didn[’']t|did not|couldn[’']t|could not|can[’']t|won[’']t|wouldn[’']t) (?:have |give )?"
         r"(?:an? )?(?:explanation|explain\w*|say why)|no (?:explanation|reason))"),
        (r"paid (?:off )?(?:all |every |each )?(?:of )?(?:his |her |their |my )?(?:debts?|bills)\b[^.!?]{0,80}?\b(?:rehom\w+|"
         r"gave|given|giving|cancel\w+|wills?|goodbyes?|passwords)\b"),
        (r"(?:rehom\w+|updated (?:his|her|their|my) will|rewr\w+ (?:his|her|their|my|the) will|cancel\w+ (?:his|her|their|"
         r"my|all|every) \w+)\b[^.!?]{0,60}?\bpaid (?:off )?"),
        (r"(?:updat|rewr|chang|writ|wrote|mak|made)\w* (?:a|his|her|their|my) will\b[^.!?]{0,20}?\b(?:out of nowhere|out "
         r"of the blue|suddenly|for no (?:clear |apparent )?reason|at (?:sixteen|seventeen|eighteen|nineteen|twenty|"
         r"1[5-9]|2[01])\b)"),
        r"sudden (?:interest in|talk of|questions about) (?:\w+ ){0,2}?(?:wills?|life insurance|funerals?|inheritance)\b",
        (r"(?:hand\w*|gave|give\w*|sen[dt]\w*|shar\w*|tell\w*|told) (?:you |me |her |him |them )?all (?:of )?(?:their|his|"
         r"her|my) passwords\b"),
        (r"(?:thank\w*|apologi[sz]\w*|hug\w*|say\w* goodbye|said goodbye)\b[^.!?]{0,40}?\b(?:as if|as though|like) (?:it "
         r"(?:is|was|were) |it[’']s |for )(?:the|their|his|her) (?:very )?last time\b"),
        (r"(?:giv(?:e|es|ing|en)|gave) away (?:a|an|the) (?:beloved|favou?rite|treasured|prized|precious|cherished|"
         r"much-loved|most loved) \w+"),
        (r"(?:(?:low|depressed|down|in despair|struggling) for (?:months|weeks|years)|after (?:weeks|months) of (?:despair|"
         r"depression|darkness|hopelessness))\b[^.!?]{0,40}?\bsuddenly (?:seems?|seemed|is|was|became|feels?|looks?) "
         r"(?:\w+ )?(?:calm|settled|at peace|peaceful|cheerful|relieved|serene)"),
        (r"if (?:i[’']m|i am|i was|i[’']m ever) not (?:around|here|alive) (?:tomorrow|next (?:week|month|year|time)|"
         r"anymore|any more|much longer|by (?:then|monday|tonight|the weekend|next \w+))\b"),
        (r"(?:be|being|going to be|will be|[’']ll be) joining (?:grand\w+|nana|gran|granny|(?:her|his|my|their|your) "
         r"(?:late )?(?:husband|wife|mum|mom|dad|mother|father|grand\w+))\b(?! (?:for|at|in|on)\b)"),
        (r"(?:won[’']t|will not|wouldn[’']t|(?:doesn[’']t|don[’']t|does not|do not) think (?:he|she|they|i|you)(?:[’']ll| "
         r"will| would|[’']d)) (?:ever )?(?:come|make it|get) back from this(?: one| time)?\b"),
        (r"(?:think\w*|thought|thoughts) (?:about|of) (?:not|never) (?:waking up|waking|being (?:here|alive|around))\b"
         r"(?! (?:at|early|late|before|in time|on time|for|with|to)\b)"),
        (r"(?:don[’']t|doesn[’']t|didn[’']t|do not|does not|not|no longer|never) care (?:if|whether) (?:i|you|he|she|they|"
         r"we) (?:wake up|woke up|crash\w*|die|died|live|lived|make it|get hurt|survive|come home|(?:am|is|are|was|were) "
         r"(?:alive|dead|here))\b(?! (?:at|early|late|before|in time|on time)\b)"),
        (r"(?:try|tries|tried|trying|urges?|attempt\w*)\s+to end it\b(?! (?:with|on|by|there|early|well|kindly|gently|"
         r"respectfully|politely|now)\b)"),
        (r"(?:survived|surviving|survivors? of|discharged (?:\w+ ){0,2}?(?:after|following)|(?:since|after|following) "
         r"(?:his|her|their|my|your)) (?:an? |his |her |their |my |your )?(?:previous |first |second |recent |last )?"
         r"attempt\b(?! (?:to|at|on|in)\b)"),
        # (and the same kinds in the words of the fourth author, 15-author12, read after the rows above were written:
        # pills saved up or counted out, the means put somewhere hard to reach, how high the bridge is, letters to
        # each of the family, things he "won't need", "I'm not safe", "kms", "kys", reasons to stay alive, a sudden calm
        # after weeks of despair)
        r"(?:pills|tablets|meds|medications?|painkillers)\b[^.!?]{0,20}?\b(?:she|he|they)(?:[’']d| had| has|[’']s) been (?:quietly )?(?:saving|hoarding|stashing|collecting|hiding)\b",
        r"(?:saving|hoarding|stashing|collecting) up (?:her|his|their|my|your) (?:pills|tablets|meds|medications?|painkillers)\b",
        r"counting out (?:\w+ )?(?:pills|tablets|painkillers)\b",
        (r"(?:blades|razors|meds|medications?|medicines?|pills|tablets|guns?|firearms|car keys)\b[^.!?]{0,40}?\bsomewhere "
         r"(?:hard|harder|difficult) to (?:reach|get to)\b"),
        (r"how (?:high|tall|far (?:down|up)|deep) (?:the|a|that|this) (?:\w+ )?(?:bridge|building|cliff|drop|car park|"
         r"multi-storey|tower|roof|viaduct|balcony) (?:is|was)\b"),
        (r"(?:wrote|writes|writing|written|left|leaves) (?:a letter|letters|a note|notes) (?:to|for) each (?:of )?(?:his|her|"
         r"their|my|us)\b(?![^.!?]{0,40}\b(?:birthdays?|christmas|weddings?|graduations?|to open (?:on|at|when)))"),
        r"wrote each of (?:his|her|their|my) \w+ (?:a letter|a note)\b",
        (r"(?:won[’']t|wouldn[’']t|will not|would not) (?:be )?need(?:ing)? (?:it|them|(?:his|her|their|my) (?:\w+ ){0,2}?"
         r"(?:coat|clothes|things|stuff|games|books|car|tools|guitar|phone|money|savings|passport|glasses))\b[^.!?]{0,20}?"
         r"\b(?:anymore|any more|this (?:year|winter|christmas|time)|much longer|where (?:he|she|they|i)(?:[’']s| is| am| "
         r"are|[’']m|[’']re) going)"),
        r"(?:posts?|posted|posting|writes?|wrote|writing|typ\w+|says?|said|texts?|texted|comments?|commented)\s+[\"“‘']?k[my]s\b",
        r"sewerslide\w*", r"sh[- ]free\b",
        (r"(?:thought|thoughts|thinking|think|urges?) (?:about |of )?(?:driving|crashing|swerving|steering) (?:\w+ )?into "
         r"(?:a |the |an )?(?:barrier|bridge|lorry|truck|pillar|central reservation|median|oncoming \w+)\b"),
        r"(?:standing|stood|sitting|sat) on (?:a|the) (?:ledge|edge of (?:a|the) (?:roof|bridge|cliff|building|platform))\b",
        r"painless (?:ways?|methods?) to (?:go|die|end it)\b",
        r"(?:ask\w*|pray\w*|beg\w*|begg\w*) (?:god|the lord|jesus|him|the universe) to (?:just )?take me\b",
        r"(?:won[’']t|will not) (?:have to )?(?:put up with|deal with|worry about|bother with) me (?:for )?(?:much longer|for long|anymore|any more)\b",
        r"(?:wouldn[’']t|would not|don[’']t|do not) mind if (?:a|the) (?:bus|car|train|truck|lorry) (?:hit|hits|ran over|runs over|took) (?:me|him|her|them)\b",
        r"say\w* goodbye\b[^.!?]{0,5}?[\"“‘']?just in case\b",
        r"(?:a|the) plan,? (?:a|the) place(?:,? (?:and|or) (?:a|the) (?:date|time))?\b",
        r"(?:names?|named|picked|picks|chosen|set|sets) (?:out )?(?:a|the) date\b[^.!?]{0,30}?\b(?:end ?point|danger|warning)",
        r"date picked out\b[^.!?]{0,30}?\b(?:danger|warning|risk)",
        r"reasons? (?:to stay|for staying|to keep|for keeping) (?:alive|living)\b",
        (r"(?:won[’']t|will not|wouldn[’']t) be (?:a problem|a burden|in (?:your|anyone[’']s|the) way) (?:for )?(?:much "
         r"longer|for long|for much longer|anymore|any more)\b"),
        r"sudden (?:calm|peace|cheerfulness|lift in (?:her |his |their )?mood)\b[^.!?]{0,20}?\bafter (?:weeks|months|years) of (?:despair|depression|darkness|hopelessness)",
        (r"suddenly (?:seems?|seemed|is|was|became|feels?|looks?) (?:\w+ )?(?:calm|settled|at peace|peaceful|serene)\b"
         r"[^.!?]{0,20}?\bafter (?:weeks|months|years) of (?:despair|depression|darkness|hopelessness)"),
        r"do (?:something|anything) (?:stupid |bad |drastic )?to (?:myself|yourself|himself|herself|themselves)\b",
        (r"(?:world|everyone|everybody|family|they|people|kids|children|wife|husband|partner)\s+would (?:be |feel )?"
         r"(?:\w+ )?(?:lighter|calmer|simpler|fine|okay|ok|better|easier|happier|cope (?:\w+ )?fine|manage (?:\w+ )?fine)"
         r"(?: off)? (?:without (?:me|you|them|him|her)|if (?:i|you|he|she|they) (?:was|were|wasn[’']t|weren[’']t) "
         r"(?:gone|here|around|dead))\b(?! (?:for (?:a|the|an|one|two)|while|at|on)\b)"),
        # round 16 (words8): what the four further authors told without the words, by kind: a plan to "end it", how
        # much of a drug "would be enough", how long the fall would take or to bleed out, a train or a curve "I don't
        # care" about, a wheel jerked into traffic or the median, a gun one would "eat", a bridge for a retirement plan,
        # a goodbye posted ("logging off for good", "see you on the other side", a caption "soon" or "almost time", a
        # bio "tired of fighting", "won't be here by summer", "don't come looking"), a note "sorry for the mess",
        # "won't have to deal with me much longer", "lived long enough", medicine stopped or pills mixed with drink on
        # purpose, "a quiet way out", "done with everything", "had a good run, time to wrap things up", "why I'm still
        # here", a rope kept "just in case", lying down in the snow to stay there, a dog given "for good" and who gets
        # the car, a will at 24, medals or rifles handed out, "made my peace", a past attempt, a plan disclosed
        (r"(?:planning|planned|plans?|plotting|thinking about|thought about|figuring out|figured out|worked out|researching) "
         r"how (?:she|he|they|i|you|we)(?: would|[’']d| will| could| might| were going to| was going to)? end (?:it|it all|"
         r"things|her life|his life|my life|their life|your life)\b"),
        (r"how (?:much|many) (?:of (?:my|his|her|their|the) )?(?:[\w-]+ )?(?:morphine|pills|tablets|insulin|oxy\w*|opioids|"
         r"meds|medications?|painkillers|paracetamol|tylenol|sedatives|sleeping pills) (?:would|will|it would) be enough\b"),
        r"how long (?:the|a) fall would take\b", r"how long (?:it )?(?:takes|would take) to bleed out\b",
        r"(?:don[’']t|do not|doesn[’']t|does not) (?:much |really |even )?care if (?:a|the) (?:train|truck|car|bus|lorry) (?:comes|hits)\b",
        (r"(?:steer\w*|swerv\w*|drove|drive|driving|jerk\w* the wheel|turn\w* the wheel) (?:\w+ ){0,2}?into (?:oncoming "
         r"traffic|the median|a tree|a wall|the barrier|a truck|a lorry|the river|the central reservation)\b"),
        r"(?:just )?(?:didn[’']t|did not|don[’']t|do not) make the (?:curve|turn|bend)\b",
        r"eat (?:my|his|her|their|a) gun\b",
        r"(?:retirement plan|exit plan|plan b|exit strategy) (?:is|was) (?:a |the )?(?:tall |high )?(?:bridge|cliff|rope|bullet|gun)\b",
        r"logg(?:ing|ed|s)? off for good\b", r"see you on the other side\b",
        (r"(?:captions?|caption(?:ed)? it|bio|status|profile)\b[^.!?]{0,30}?[\"“](?:i[’']m )?(?:soon|almost time|last view|"
         r"goodbye|it[’']s time|the end|tired of fighting|so tired of fighting|done fighting|not for long)\b"),
        (r"(?:won[’']t|will not|don[’']t think i[’']ll|don[’']t think i will|dont think ill|might not|may not) be (?:here|"
         r"around) (?:by|for|at|after|come) (?:summer|christmas|spring|winter|fall|autumn|the weekend|next week|next month|"
         r"next year|graduation|(?:my|his|her) birthday|the holidays|new year)\b"),
        r"don[’']t come looking\b",
        r"[\"“]sorry for (?:the mess|everything)\b",
        (r"(?:won[’']t|will not|wont) have to (?:deal with|worry about|put up with|look after) me (?:much |for much )?"
         r"(?:longer|anymore|for long)\b"),
        r"(?:i[’']ve|i have|he[’']s|she[’']s|he has|she has|they[’']ve) lived long enough\b",
        (r"(?:stopped|quit|stop|stopping) taking (?:my|his|her|their|your) (?:insulin|meds|medication|medicine|\w+ pills|"
         r"pills) on purpose\b"),
        (r"mix\w* (?:my|his|her|their|your) (?:\w+ )?(?:pills|meds|medication|tablets) with (?:whiskey|vodka|alcohol|"
         r"booze|wine|drink|beer|gin)\b[^.!?]{0,10}?\bon purpose\b"),
        r"a (?:quiet|slow|gentle|peaceful) way out\b",
        r"(?:he[’']s|she[’']s|i[’']m|he is|she is|i am|they[’']re) (?:just )?done with everything\b",
        r"had a good run,? (?:and )?(?:it[’']s|it is) time to (?:wrap (?:things|it) up|go|call it a day|check out)\b",
        r"wonder(?:s|ed|ing)? why (?:i[’']m|i am|he[’']s|she[’']s|he is|she is) still (?:here|alive|around|breathing)\b",
        r"(?:keep|kept|keeps|keeping|bought|hid|hide|hides|hiding) a (?:rope|noose)\b(?=[^!?]{0,80}?\b(?:know why|just in case|told myself))",
        r"(?:photo|picture|pic|image) of (?:a|the) (?:rope|noose|bridge|ledge|rooftop|pills|blade|razor|gun)\b(?=[^.!?]{0,40}?\bcaption)",
        (r"lie down in the (?:snow|road|river|sea|water|tracks|cold) and (?:stay there|not get up|never get up|not wake "
         r"up|never wake up)\b"),
        r"(?:take|have|keep) (?:his|her|my|their) (?:dog|cat|pets?|horse) [\"“]?for good\b",
        r"(?:wrote|writes|writing|written) out who (?:should|will|gets?|would|is to) (?:get|have|inherit)\b",
        r"a will at (?:1[6-9]|2\d|nineteen|eighteen|twenty[\w-]*)\b",
        (r"(?:handing|handed|giving|gave|given|hand|give) (?:out |away )?(?:all )?(?:my|his|her) (?:medals|rifles|guns|"
         r"service (?:revolver|pistol)|guitar|motorcycle|tools)\b(?= to\b)"),
        r"made (?:my|his|her|their) peace,?[\"”]?,? and (?:she|he|i|they) had already\b",
        r"(?:texted|messaged|told) (?:everyone|all of us|his friends|her friends|the group|the family) [\"“]?thanks for everything\b",
        (r"(?:her|his|my|their|sister[’']s|brother[’']s|son[’']s|daughter[’']s|friend[’']s|mom[’']s|dad[’']s|mum[’']s) "
         r"(?:first |second |third |last |recent |previous )?attempt\b(?! (?:at|to|on)\b)(?=[^.!?]{0,60}?\b(?:tries again|try "
         r"again|scared|hospital|since|after|survived))"),
        r"after (?:my|his|her|their|your) (?:\w+[’']s )?(?:first |second |last |recent )?attempt\b(?! (?:at|to|on)\b)",
        r"disclos\w* (?:\w+ )?(?:a plan|intent|a suicide plan|suicidal)\b",
        r"better off (?:collecting|with) (?:your|my|his|her|the) life insurance\b",
        r"on purpose,? daring (?:it|fate|death)\b",
        r"wonder\w* (?:if|whether) (?:i|he|she|they) (?:would|[’']d|will) come back up\b",
        r"with the engine running\b(?=[^.!?]{0,10}[.!]?\s*(?:the whole|we|they|nobody))|(?:in|inside) the (?:parking |closed |shut |locked )?garage with the engine running\b",
        r"(?:found|find) (?:him|her|them) in the garage\b",
        r"(?:walk\w*|wander\w*) (?:along |on )?the (?:railroad|railway|train) tracks at night\b",
        # round 17 (words9): a wish to vanish, told as such (everyone happier "if you vanished", "a wish to vanish for
        # good", writing about disappearing or being a burden, walking into the river "and not come out"), lives ended
        # told in the past, farewells said, how dark or how low it has got, the war that followed them home
        r"(?:happier|better|easier|lighter|fine)(?: off)? if (?:i|you|he|she|they) (?:just )?(?:vanished|disappeared)\b",
        r"(?:wish|wishes|wishing|want|wants|wanting) to (?:vanish|disappear) (?:for good|forever|for ever|permanently)\b",
        r"(?:talks?|talking|talked|writes?|writing|wrote|posts?|posting) about (?:disappearing|vanishing|being a burden)\b",
        (r"(?:walk|walks|walking|walked|swim|swims|swimming|wade|wading) (?:out )?into the (?:river|sea|ocean|lake|water|"
         r"waves)\b(?=[^.!?]{0,20}?\b(?:not|never) (?:come|coming) (?:out|back)\b)"),
        r"ended (?:their|his|her|my|your) (?:own )?lives?\b",
        r"(?:saying|says|said) (?:their |his |her |your |my )?farewells\b",
        r"only way out is the permanent one\b|(?:the )?permanent (?:way out|solution)\b",
        r"(?:scared|afraid|frightened|terrified) of what (?:you|i|he|she|they) (?:might|could|may|would) do to (?:yourself|myself|himself|herself|themselves)\b",
        # round 21 (flags): phrasings the topic reader carried with "see" or "leave" alone: an attempt on one's life
        r"attempt on (?:your|his|her|their|my) (?:own )?life\b",
        # round 22 (footers): a note left before walking into the water
        r"(?:left|wrote) a note\b[^.!?]{0,80}?\b(?:walked|walks|walk|went|drove) into the (?:sea|river|lake|ocean|water)\b")),
    # Hopelessness is a marker of suicide risk, so it is flagged (a miss costs more than a footer), but it is not a
    # wish to die: in the family above it made approve say a tip "speaks of wanting to die: read it alone" of "You do
    # not have to agree that things are hopeless…" (user trial 4). A family of its own, not read alone.
    ("hopelessness or despair, a marker of risk", (
        r"hopeless(?:ness)?\b",
        # user trial 10: from "wanting to die": how low or dark things have got, and hiding it
        r"how (?:dark|low|bad) (?:it|things)(?:[’']s| has| have|[’']ve) (?:got|gotten|become)\b",
        r"(?:hide|hides|hiding|hid) how low (?:they|he|she|you|i)(?:[’']re|[’']s|[’']m| are| is| am| feel| feels)\b",
    )),
    ("self-harm", (
        # round 19 (e-sens): "keeps saying she deserves the burns", the voices that tell him to hurt
        r"deserves? (?:the|her|his|those|these) (?:burns|cuts|scars)\b",
        r"self[- ]harm\w*", r"self[- ]injur\w*", r"self-inflicted",
        r"(?:cut|cutting|burn|burning|hit|hitting|hurt|hurting|harm|harming)(?:\s+or\s+\w+)?\s+" + _SELF + r"\b",
        r"starv\w+ " + _SELF + r" (?:\w+ ){0,2}?(?:to|as a way to|as) (?:punish|hurt|harm|punishment)\w*",
        (r"(?:been|started|start|stop|stopped|quit|began|begun) cutting\b(?!\s+(?:back|down|out|corners|carbs|sugar|"
        r"the|your|my|it|off|ties|costs|class|school|hair|them)\b)"),
        r"urges? to (?:cut|self-harm|burn|hurt " + _SELF + r")\b(?!\s+(?:back|down|out|corners|costs))",
        (r"(?:scars|cuts|burns|marks)(?: from \w+)? (?:on|across) (?:(?:your|their|his|her|my|a|the) )?(?:\w+[’']s )?"
         r"(?:arms?|wrists?|forearms?|legs?|thighs?)\b"),
        r"(?:fresh|hidden|self-inflicted) (?:cuts|scars|burns|wounds)",
        (r"cutting (?:is|was|can|and (?:burning|scratching)|or (?:burning|scratching)|as a way|to cope|to feel|"
         r"behaviou?rs?|scars|marks)\b"),
        (r"(?:cut|cutting|burn|burning|scratch\w*|punch\w*) (?:your|their|my|his|her) (?:own )?(?:skin|arms?|wrists?|"
         r"legs?|thighs?|body)\b"),
        r"until (?:it|they|the skin|you|i|he|she) bleeds?\b",
        (r"(?:hurt|harm|injur|punish)\w* (?:your|their|my|his|her) (?:own )?(?:body|bodies|skin)\b(?:\s+\w+){0,3}?\s+"
         r"(?:on purpose|deliberately|intentionally)"),
        r"(?:deliberately|intentionally|on purpose) (?:hurt|harm|injur|cut|burn)\w*", r"self[- ]destructi\w+",
        r"punish\w* " + _SELF + r" (?:with|through|by) (?:pain|hurting|cutting|burning|hitting|starving)\b",
        r"punish\w* " + _SELF + r" physically\b", r"physically (?:punish|hurt|harm)\w* " + _SELF + r"\b",
        r"(?:hid\w*|hiding|stash\w*) (?:\w+ )?(?:razors|razor blades|blades)\b", r"razor blades\b",
        # round 15 (words7): marks hidden (long sleeves "hiding cuts", scarves "to cover the marks"), cutting named as a
        # habit ("cutting has become her way of coping", "clean from cutting", "instead of cutting")
        (r"(?:hid(?:e|es|ing|den)?|cover(?:s|ed|ing)?(?: up)?|conceal\w*)\s+(?:(?!acne\b|surgical\b|chickenpox\b|old\b)"
         r"\w+\s+)?(?:cuts|scars|burns|wounds|the marks)\b(?! (?:from|on (?:the )?(?:car|table|wall|furniture|floor))\b)"),
        r"cutting (?:has|had) (?:become|been|started|stopped|helped)\b",
        r"(?:clean|free|relaps\w*|recover\w*|recovery) (?:from|of) cutting\b",
        (r"instead of cutting\b(?!\s+(?:back|down|out|corners|carbs|sugar|the|your|my|it|off|ties|costs|class|school|hair|"
         r"them|things|in|up|wood|paper)\b)"),
        # round 16 (words8): long sleeves and wrists no one may touch, words carved into skin, "what I do with the
        # razor", a blade in the bath stared at, blades that keep going missing
        r"long sleeves\b[^.!?]{0,80}?\bwrists?\b",
        r"carv\w* (?:\w+ ){0,2}into (?:my|your|his|her|their|the) (?:skin|arms?|legs?|thighs?|wrists?)\b",
        r"what (?:i|he|she|they) (?:do|does|did) with (?:the|a|my|his|her) (?:razor|blade|lighter|compass)\b",
        r"(?:in the (?:tub|bath|bathroom)|in bed|on the floor) with a (?:blade|razor)\b",
        (r"(?:blades?|razors?)\b[^.!?]{0,40}?\b(?:keep|keeps|kept|have been|has been|went|go|going) (?:disappearing|"
         r"missing|going missing)\b"),
        # round 17 (words9): "sh'ing" as teens write it, one's own hands bitten
        r"sh[’'-]ing\b",
        r"bit(?:es|e|ing)? (?:her|his|their|my|your) own (?:hands?|arms?|wrists?|skin)\b",
        # round 21 (flags): burns or cuts kept where no one can see them
        r"(?:cuts|scars|burns)\b[^.!?]{0,60}?\bwhere (?:no one|nobody|no-one) (?:else )?(?:can|could|will|would) see\b",
        # round 22 (footers): burns given oneself with a lighter, hurting oneself when overwhelmed, cutting or burns
        # hidden
        (r"burn(?:s|ed|ing)? (?:herself|himself|themselves|myself|yourself) with (?:a |the |his |her |their |my )?"
         r"(?:lighter|cigarettes?|match(?:es)?|iron|hot \w+)\b"),
        (r"hurt(?:s|ing)? (?:herself|himself|themselves|myself|yourself) (?:when|whenever|every time|if) (?:she|he|they|i|"
         r"you)\b[^.!?]{0,16}?\b(?:overwhelmed|upset|angry|stressed|low|numb|sad|anxious|panicky)\b"),
        r"hid(?:e|es|ing)? (?:their|his|her|my|your) (?:cutting|cuts|burns|self-harm\w*)\b",
        (r"burns on (?:your|his|her|their|my|a) (?:\w+[’']s )?(?:skin|arms?|legs?|wrists?|thighs?|hands?)\b[^.!?]{0,40}?"
         r"\b(?:hide|hides|hiding|hidden|cover|covers|covering)\b"))),
    ("death, dying and grief", (
        # user trial 10: from "wanting to die": a person who was dead, talk of death or dying (with a child, say)
        r"(?:were|was|being|be) dead\b",
        r"(?:talk|talks|talked|talking|speak\w*|mention\w*|jok\w*) about (?:dying|death)\b",
        # round 19 (e-sens): a pregnancy lost told by what came after ("positive, then … it was just over", "we've
        # stopped telling anyone when we're expecting", a third loss in two years)
        r"\bit was positive\b[^.!?]{0,40}?\bit was (?:just |all )?over\b",
        (r"stopped telling (?:anyone|anybody|people|our famil(?:y|ies)|family|friends) (?:when|that) (?:we|i)"
         r"(?:[’']re| are|[’']m| am) expecting\b"),
        (r"(?:my|her|his|our|your|their|partner[’']s|wife[’']s|sister[’']s) (?:second|third|fourth|fifth) loss (?:in "
         r"(?:one|two|three|four|five|\d+) (?:years?|months?)|this year)\b"),
        r"grie(?:f|ving|ve|ves|ved)\b", r"bereave\w*", r"mourn(?:ing|s|ed)?\b", r"widow(?:ed|er|ers|s)?\b",
        r"hospice\b", r"terminal(?:ly)?\b", r"end[- ]of[- ]life\b", r"end of life\b", r"stillb(?:orn|irth)\w*",
        r"miscarr\w+", r"orphaned\b", r"funerals?\b", r"burial\b", r"buried\b", r"deceased\b",
        r"eulog\w+", r"obituar\w+", r"condolence\w*", r"memorial service\w*", r"(?:since|after|at|before) (?:(?:my|your|his|her|their|our|the) )?(?:\w+[’']s )?memorial\b", r"caskets?\b", r"coffins?\b",
        r"cremat\w+", r"laid to rest\b", r"gone too soon\b", r"lost (?:his|her|their|a|the|my|your) battle\b",
        r"grave(?:side|stone|stones|yard|yards)\b", r"cemeter(?:y|ies)\b", r"visit\w* (?:the|his|her|their|a|my|your) grave\b",
        r"(?:his|her|their|my|your) ashes\b", r"scatter\w* (?:the |\w+[’']s )?ashes\b",
        (r"(?:death|deaths|dead|die|died|dies|dying)\b(?!\s+(?:to\b|for\b|down|hard|off|out|tired|end|set|battery|"
         r"inside|serious|wrong|on\b|in (?:my|your) hands))"),
        (r"(?:death|loss|passing) of (?:a|your|their|his|her|my|our) (?:\w+ )?(?:child|baby|son|daughter|partner|"
         r"spouse|husband|wife|parent|mother|father|mom|dad|loved one|friend|pregnancy)\b"),
        r"(?:has|have|had) died\b", r"pass(?:ed|es|ing) away\b", r"passed on\b(?!\s+(?:the|a|an|this|that|his|her|their|your|my)\b)",
        r"(?:" + _KIN + r"|he|she|they)\s+(?:has |had |just )?passed(?:\s+(?:last|this|in|away|recently|suddenly|peacefully|quietly|overnight|unexpectedly|\d)|\s*[,.;]|$)",
        _KIN + r"[’']s passing\b", r"(?:his|her|their) passing\b",
        r"(?:my|your|her|his|their|our) late " + _KIN + r"\b",
        (r"(?:los(?:e|es|ing|t)|mourn(?:s|ing|ed)?|miss(?:es|ing|ed)?)\s+(?:(?:my|your|our|their|his|her|a|an|the)\s+)?"
         r"(?:\w+\s+)?" + _KIN + r"\b(?![’']s)(?! to (?:a |the )?(?:move|job|new|college|school))"),
        r"los(?:e|es|ing|t) (?:someone|somebody|a loved one)\b(?![’'])",
        r"(?:someone|somebody|a loved one|you love)(?: \w+){0,3}? (?:is|are|was) gone\b",
        r"(?:is|are|was|were) no longer with us",
        r"(?:" + _KIN + r"|he|she|they)(?: is| was| are| were|[’']s|[’']re) no longer (?:here|alive|around)\b",
        (r"(?:first|last) (?:\w+ )?(?:holiday|christmas|thanksgiving|birthday|year|anniversary|mother’s day|"
         r"father’s day|mother's day|father's day) without (?:mom|dad|mum|him|her|them|my \w+|your \w+|a \w+)"),
        r"(?:loss|losses) of (?:a|an|your|their|his|her|my|our|the) (?:\w+ )?(?:pregnancy|" + _KIN + r")",
        r"(?:pregnancy|infant|baby|perinatal|reproductive|neonatal) loss(?:es)?\b",
        (r"(?:after|with|through|since|following|grieving|mourning|from|a|the)\s+(?:(?:sudden|recent|traumatic|"
         r"painful|devastating|tragic|significant|major|unexpected|profound|pregnancy|perinatal|early|a)\s+)+loss\b"),
        r"(?:not|n’t|n't) have long to live\b", r"(?:weeks|months|days) (?:left )?to live\b",
        r"(?:is|was|be|being|been|get|got) put to sleep\b", r"put (?:\w+ )?(?:dog|cat|pet|horse) (?:down|to sleep)\b",
        r"euthan\w+", r"(?:head|tomb)stones?\b", r"gravesites?\b", r"(?:final|last) goodbyes?\b",
        r"(?:his|her|their|your|my) (?:final|last) (?:hours|days|weeks|moments|breaths?)\b(?! (?:of|at|before|in)\b)",
        (r"(?:dog|cat|pet|horse|puppy|kitten)s?\b(?:\s+[\w’']+){0,8}?\s+(?:be|been|being|was|were|is|get|got) put "
         r"(?:down|to sleep)\b"),
        r"los(?:e|es|ing|t) (?:a|the|your|her|their|my|our) (?:\w+ )?pregnanc(?:y|ies)\b",
        r"(?:taken|gone|left us|died) (?:from (?:us|me|them|you) )?(?:far |much |way )?too (?:soon|early|young)\b",
        (r"empty (?:chair|seat|place|spot|place setting) at (?:the )?(?:\w+ )?(?:table|thanksgiving|christmas|dinner|"
         r"holidays?)\b(?! for\b)"),
        r"loved one[’']s (?:belongings|possessions|clothes|ashes|grave|memory)\b",
        (r"(?:ache|pain|hurt|heartache|weight|sorrow) of (?:missing|losing|having lost) (?:someone|somebody|him|her|"
         r"them|a loved one|(?:my|your|our|their|his|her|a) (?:\w+ )?" + _KIN + r")\b"),
        (r"(?:live|living|life|go on|going on|carry on|carrying on) without (?:him|her|them|a loved one|"
         r"(?:my|your|our|their|his|her) (?:\w+ )?" + _KIN + r")\b(?![’'])(?! (?:while|for a (?:day|week|weekend|month)))"),
        (r"(?:honou?r\w*|mourn\w*|(?:come|comes|coming|came) to terms with|sorry for|condolences for|cop(?:e|es|ing|ed) "
         r"with|heal\w* (?:from|after)|following|whatever)\s+(?:the |your |their |his |her |my |our |this |that |a )?"
         r"loss\b(?!\s+of\s+(?:interest|appetite|control|sleep|energy|motivation|income|(?:a |your |my )?job|work|time|"
         r"memory|weight|hair|hearing|vision|function|focus|confidence|a game|the game|the match))"),
        # round 15 (words7): the last days and what is kept after ("has weeks left", "a matter of days", the last days
        # at the bedside, a deathbed, a vigil, "suffering is finally over", a room that still smells like her, the day
        # he would have turned eighteen, a place still set for him, a pet's empty bed, the baby you lost, a pet you
        # had put down, burying your own child, "a long goodbye", the first Mother's Day after losing her)
        (r"(?:" + _KIN + r"|he|she|they)(?: only)? (?:has|have|had|is given|was given) (?:only )?(?:a few |a couple of )?"
         r"(?:days|weeks|months|hours) (?:left|to live)\b(?! (?:of|until|till|before|to (?:go|finish|wait))\b)"),
        (r"(?:nurses?|doctors?|hospice|consultant|palliative team)\b[^.!?]{0,40}?\b(?:a matter of (?:days|hours)|(?:only )?"
         r"(?:days|hours) (?:now|left|to live))\b"),
        r"(?:last|final) (?:days|hours|weeks|moments) at (?:the|his|her|their|a) bedside\b",
        r"deathbeds?\b",
        r"(?:sitting|sit|sat|keeping|keep|kept|holding|held) (?:a )?(?:bedside )?vigil\b(?! (?:for (?:peace|justice|the climate)|outside))",
        r"suffering (?:is|was) (?:finally |now |at last )?over\b",
        r"(?:room|clothes|jumper|sweater|pillow|house|scarf|coat|car) still (?:smells?|smelled) (?:like|of) (?:him|her|them)\b",
        (r"would have (?:turned|been) (?:\d+|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-\w+)?|one|two|"
         r"three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|"
         r"nineteen)\b(?! (?:minutes?|hours?|days?|weeks?|months?|years?|times|miles|pounds|percent|degrees)\b)"),
        (r"(?:still|anniversary)\b[^.!?]{0,40}?\b(?:set|lay|laid|setting|laying|keep|keeping|kept) (?:a|his|her|their) place "
         r"(?:at the table )?for (?:him|her|them)\b"),
        r"(?:cat|dog|pet|puppy|kitten|horse)(?:[’']s)? empty (?:spot|bed|basket|bowl|lead|collar|place|space|cage|stable)\b",
        r"empty (?:dog|cat|pet|puppy|kitten)(?:[’']s)? (?:bed|basket|bowl|spot|lead|collar|cage)\b",
        r"empty (?:spot|place|space) where (?:the|my|our|your|her|his) (?:cat|dog|pet|puppy|kitten)\b",
        r"(?:the|a|your|my|our|her|his|their) bab(?:y|ies) (?:you|we|i|she|they|he) (?:lost|miscarried)\b",
        (r"(?:have|has|having|had) (?:your|my|our|his|her|their|the) (?:old |\w+ )?(?:dog|cat|pet|horse|puppy|kitten|rabbit|"
         r"pony)\s+put (?:down|to sleep)\b"),
        r"bury(?:ing)? (?:your|my|her|his|their|a|our) (?:own )?(?:\w+ )?" + _KIN + r"\b",
        r"(?:a|the) long goodbye\b",
        (r"(?:first|second|last) (?:\w+ )?(?:holiday|christmas|thanksgiving|birthday|year|anniversary|mother[’']s day|"
         r"father[’']s day|summer|winter) (?:since|after) (?:losing|we lost|i lost|you lost|(?:he|she|they) (?:died|passed))\b"),
        # round 16 (words8): the viewing and the wake, ashes to scatter, a stillborn son "born still", a condition
        # "incompatible with life", a wanted pregnancy ended, the loss of an infant, "he'd still be here", pills with
        # "no one to give them to", stage four
        r"(?:for|at|before|after) the viewing\b", r"(?:[\w’']+[’']s|the|a|his|her) wake\b(?=[^.!?]{0,60}?\b(?:cry\w*|numb|grief|tears|coffin|casket))",
        r"(?:at|after|before) (?:grandpa|grandma|grandad|gran|nan|granny|dad|mum|mom|my \w+)[’']s wake\b",
        r"ashes (?:are |were )?(?:in|on|still)\b", r"scatter (?:them|his ashes|her ashes|the ashes)\b",
        r"born still\b", r"incompatible with life\b", r"ended a wanted pregnancy\b", r"loss of an? (?:infant|baby|child|newborn)\b",
        r"(?:he|she|they)[’']d still be here\b|(?:he|she|they) would still be here\b",
        r"no one (?:left )?to give them to\b",
        r"stage (?:four|4|iv)\b(?! (?:of|in) (?:the|a|your|our|my)\b)",
        # round 17 (words9): dying told by its last days (breathing that changes, "the last sense to fade", a last
        # breath missed, "slip away", the body "winding down" near the end, "nothing left to cure"), advance care
        # planning, a late husband's things, a missus lost
        (r"(?:his|her|their|my|your|mum[’']s|mom[’']s|dad[’']s) (?:last|final) (?:days|weeks|breaths?|moments|hours)\b"
         r"(?! (?:at|of|in (?:the )?(?:office|job|school|post|role)|before (?:the|a|his|her) (?:move|holiday|trip|exam)))"),
        r"(?:in )?the (?:last|final) days,? breathing\b", r"the last sense to (?:fade|go)\b", r"(?:missing|missed|miss) the last breath\b",
        r"(?:slip|slips|slipped|slipping) away when (?:they|he|she)(?:[’']re| are| is)? alone\b",
        r"body is (?:winding|shutting) down\b", r"nothing (?:left|more) to cure\b",
        r"advance (?:care planning|care plan|directive|decision)s?\b",
        r"(?:a|her|his|my|your|their) late (?:husband|wife|partner|father|mother|son|daughter|brother|sister)[’']s\b",
        r"lost (?:his|her|their|my|your) (?:missus|missis|hubby|other half)\b",
        (r"after the (?:[\w-]+ )?(?:service|ceremony|rites|wake|cremation|burial)\b[^.!?]{0,40}?\b(?:loneliness|lonely|"
         r"emptiness)\b"),
        # round 21 (flags): the funeral told as "the service" where a parent cried, a table set with one chair less
        r"the service\b[^.!?]{0,40}?\b(?:saw|see|seen) (?:my|his|her|our) (?:dad|father|mum|mom|mother|grand\w+) cry\b",
        r"(?:christmas|thanksgiving|holiday|dinner|the) table with one (?:less|fewer) (?:chair|place|plate)\b")),
    ("a death in the family in everyday words: since she passed, since he's been gone, the year without him", (
        (r"(?:since|after|before|when|until|now that|the day|the night|the week|the year) (?:" + _KIN + r"|he|she|they)"
         r"(?:[’']s|[’']ve|[’']d| has| have| had)?(?: just)? passed\b(?! (?:the|a|an|his|her|their|my|your|our|its|it|this|"
         r"that|these|those|me|him|them|us|you|on to|by|through|out|over|up|down|along|around|round|with|in (?:the|a|his|"
         r"her|their|my|your)|\w+ (?:test|exam|class|course)))"),
        (r"(?:since|after|now that|now|forget|forgot|forgetting|remember|remembering|realise|realize|accept|"
         r"believe) (?:that )?(?:(?:my|your|our|her|his|their) )?(?:he|she|they|mum|mom|dad|mother|father|husband|"
         r"wife|grand(?:ma|pa|mother|father|ad|dad)|nana)(?:[’']s|[’']ve| has| have| is)(?: been)? gone\b(?! (?:to|back|out|off|for|in|"
         r"into|on|home|up|down|over|through|from|by|past|quiet|cold|wrong|missing|away|abroad|part|a|an|the|\w+ing)\b)"),
        (r"(?:first|second|third|next) (?:\w+ )?(?:year|years|summer|winter|spring|autumn|months?|weeks?) without "
         r"(?:him|her|mum|mom|dad|(?:my|your|our|their|his|her) (?:\w+ )?" + _KIN + r")\b(?! (?:while|for|at|on|in)\b)"),
        r"(?:" + _KIN + r"|he|she|they)(?: is| was| are| were|[’']s|[’']re| has been| had been| have been) gone for good\b",
        r"los(?:e|es|ing|t) (?:him|her|them) (?:so |too |far too |much too )?(?:young|suddenly|soon|early|unexpectedly)\b",
        (r"(?:since|after|the day|the night|the year|when) (?:we|i|you|they|he|she) lost (?:him|her)\b(?! (?:in|at|on|to) "
         r"(?:the|a|an)\b)(?! (?:a|the|his|her) (?:game|match|bet|race|job|keys?|phone|way))"),
        # round 16 (words8): "since Harold passed", "since Ma went", a family member who "did not come home", a whole
        # family lost in the war
        r"since (?!(?:it|that|this|time|the|which|i|you|we)\b)[a-z]\w+ (?:passed|went)\b(?! (?:the|a|an|his|her|my|out|away to|to|off|home|back|on|by|through|up|down|into)\b)",
        r"(?:did not|didn[’']t|never) come home\b(?=[^.!?]{0,3}[.!]|$)",
        r"lost (?:her|his|my|their|our) whole family in the\b",
        # round 17 (words9): "a child who has passed", unless it passed something (an exam, the test, the ball)
        (r"(?:" + _KIN + r"|friend|person|someone|loved one|classmate|pupil|student|patient|relative|colleague) who "
         r"(?:has|had|have) (?:recently |just |since )?passed\b(?! (?:the|a|an|their|his|her|its|my|your|all|every|exams?|"
         r"tests?|through|by|over|out|it|them|on the|up|along|round|around)\b)"))),
    ("abuse and violence", (
        # user trial 10: bruises (from self-harm, where they say more of a blow than of a person's own harm)
        r"deserves? (?:the|her|his|those|these) bruises\b",
        (r"bruises(?: from \w+)? (?:on|across) (?:(?:your|their|his|her|my|a|the) )?(?:\w+[’']s )?"
         r"(?:arms?|wrists?|forearms?|legs?|thighs?)\b"),
        r"bruises\b[^.!?]{0,60}?\bwhere (?:no one|nobody|no-one) (?:else )?(?:can|could|will|would) see\b",
        # round 19 (e-sens): violence told beside a verb of speech: "he'd kill me if I told anyone", bruises "the
        # shape of fingers", the kid with no coat in winter, a patient who attacked her, not allowed to see her sister
        # or her friends
        (r"(?:will|would|[’']ll|[’']d|is going to|was going to|gonna) kill (?:me|you|her|him) if (?:i|you|she|he|they) "
         r"(?:ever )?(?:told|tell|tells|left|leave|leaves|reported|report|went|go)\b"),
        r"(?:bruises?|marks?)\b[^.!?]{0,40}?\b(?:the )?shape of (?:fingers|fingertips|a hand|a belt|a fist)\b",
        r"(?:kid|child|one|children|kids) (?:\w+ ){0,2}?with no coat in (?:the )?winter\b",
        (r"(?:patient|customer|client|resident|passenger|stranger|man|woman|guy) (?:attacked|assaulted|punched|kicked|"
         r"headbutted|strangled) (?:me|her|him|them)\b"),
        r"not allowed to see (?:my|her|his|their|your) \w+ or (?:my|her|his|their|your) (?:friends|family|sister|brother|parents)\b",
        r"wetting the bed again\b[^.!?]{0,40}?\bscreams? when\b",
        r"abus\w*", r"domestic violence\b", r"violence\b", r"violent (?:partner|relationship|home|behaviou?r)\b",
        r"assault\w*", r"rap(?:e|ed|ist|ists)\b", r"sexual(?:ly)? (?:abuse|assault|coercion)\b", r"coercive control\b",
        r"stalk(?:ing|ed|er|ers)\b", r"trafficking\b", r"molest\w*", r"incest\b", r"homicid\w*",
        r"murder(?:ed|s|er|ers)?\b", r"strangulat\w+",
        r"(?:child|emotional|physical|elder|childhood) neglect\b", r"neglected (?:as (?:a )?)?(?:child|children|kids?)\b",
        r"neglectful\b", r"(?:children|child|kids?|baby|babies|infants?|teens?|who) (?:were |was |are |is |been |being )?neglected\b",
        r"neglect\b(?!\s+(?:to|your|my|their|our|his|her|the|yourself|myself|it|them|this|that|of)\b)",
        (_WHO + r"\s+(?:\w+\s+)?(?:hits?|hitting|beats?|beating|slaps?|slapped|slapping|punch(?:es|ed|ing)?|"
         r"kick(?:s|ed|ing)?|chok(?:es|ed|ing)|strangl(?:es|ed|ing)|shov(?:es|ed|ing)|hurts?|hurting)\s+(?:me|you|"
         r"her|him|them|us)\b"),
        r"(?:slaps|slapped|shoves|shoved|chokes|choked|strangles|strangled|punches|punched)\b",
        (r"(?:hit|hits|hitting|beat|beats|beating|slap\w*) (?:a|your|the|their|his|her) (?:child|children|kids?|son|"
         r"daughter|baby|toddler)\b"),
        (r"(?:hit|beaten|slapped|kicked|hurt|punched) by (?:a|your|my|their|his|her) (?:parent|father|mother|dad|mom|"
         r"stepfather|stepmother|partner|husband|wife|boyfriend|girlfriend|spouse|ex)\b"),
        r"be(?:en|ing)? beaten",
        (r"(?:being|been|get|got|gets|getting) (?:hit|slapped|kicked|punched|choked|strangled)\b(?! (?:with|on|up|by "
         r"(?:a|an) (?:wave|bill|ball)))"), r"(?:hurt|harm|danger|violence) at home", r"(?:hit|hurt|beaten|slapped|kicked|burned|locked in|locked up) at home",
        r"battered (?:women|woman|wives|wife|partners?|spouses?|children|child)\b", r"being battered\b",
        r"batterers?\b", r"battering\b",
        (r"afraid (?:of|for) (?:my|your|their|her|his) (?:life|safety|partner|husband|wife|boyfriend|girlfriend|"
         r"spouse|ex)\b"),
        r"scared of (?:my|your|their|her|his) (?:partner|husband|wife|boyfriend|girlfriend|spouse|ex)\b",
        (r"(?:won’t|won't|doesn’t|doesn't|does not|will not) let (?:you|me|her|him|them) (?:see|talk to|call|leave|"
         r"have)\b"),
        r"(?:controll\w*|takes?|taking|took) (?:all )?(?:the |your |my |her |his )?(?:money|finances|paycheck)",
        (r"(?:control\w*|dictat\w*)\b[^.!?]{0,30}?\b(?:who (?:you|she|he|they) (?:see|sees|talk|talks)|"
         r"where (?:you|she|he|they) (?:go|goes))\b"),
        (r"(?:who|he|she|they|partner|husband|wife|boyfriend|girlfriend|spouse|ex)\s+(?:\w+\s+)?(?:check|checks|"
         r"checking|checked|go through|goes through|went through|reads?)\s+(?:your|my|her|his) (?:phone|messages|texts|emails)"),
        r"(?:afraid|scared|frightened|terrified) (?:to go|of going) home\b",
        (r"so (?:she|he|you|they|i) (?:can[’']t|cannot|couldn[’']t|could not|won[’']t be able to) (?:go out|leave|get out|"
         r"see (?:her|his|your|their|my) (?:friends|family))\b"),
        (r"(?:wasn[’']t|weren[’']t|isn[’']t|aren[’']t|not|never) allowed (?:to )?(?:have|keep|see|use|open) (?:(?:her|his|your|their|my) )?(?:own )?"
         r"(?:money|bank account|friends|family)\b"),
        r"(?:be|are|were|is|was)(?:n[’']t)? nothing without (?:him|her|them|me)\b",
        (r"(?:made|forced) to sleep (?:in the (?:car|garage|yard|garden|shed|cold)|outside|on the (?:floor|street|"
         r"porch))\b"),
        r"(?:pressur|coerc|forc)\w* (?:\w+ )?into (?:\w+ ){0,3}?in (?:the )?bed(?:room)?\b",
        (r"(?:elderly|older (?:adults?|people|parents?)|vulnerable (?:adults?|people)|children|a child|kids)\b"
         r"(?:\s+[\w’']+){0,3}?\s+(?:be|been|being|are|is|was|were|get|got)\s+taken advantage of\b"),
        r"(?:child|sexual|financial|elder) exploitation\b",
        r"controls? (?:where you go|who you see|what you wear|what you eat|your money|your friends|everything you do)",
        r"(?:track|monitor)\w* (?:your|her|his|my) (?:location|phone|messages|texts|calls|every move|whereabouts)",
        r"(?:track|monitor)\w* (?:your|her|his|my) car\b(?![’'])(?! (?:maintenance|mileage|service|insurance|fuel|costs?|expenses|tyres?|tires?)\b)",
        r"reads? (?:your|her|his|my) (?:messages|texts|emails|diary)",
        r"isolat\w* (?:you|her|him|them|me) from (?:your |her |his |their |my )?(?:family|friends|loved ones|support)",
        r"scream(?:s|ed|ing)? insults", r"(?:call(?:s|ed|ing)? you|calls? me) (?:names|worthless|stupid)",
        r"threaten(?:s|ed|ing)? (?:you|me|her|him)\b",
        (r"threaten(?:s|ed|ing)? to (?:use|hurt|harm|kill|leave|take|hit|end|report|expose|out|call|break|throw|"
         r"punish|shoot|stab)\b"),
        r"(?:a |has a |with a )weapon", r"gun to", r"raises? a hand (?:to|against)",
        r"(?:unexplained|unexplainable) (?:bruises|injuries|burns|marks)",
        r"bruises (?:\w+ ){0,3}?(?:can’t|can't|cannot|won’t|won't|doesn’t|doesn't) explain",
        (r"(?:asks?|asked|tells?|told|makes?|made|wants?|wanted) (?:a |the |your |their )?(?:child|children|kids?|son|"
         r"daughter|teens?) (?:to )?keep (?:\w+ ){0,2}?secrets?"),
        r"dangerous relationship",
        # round 15 (words7): violence and control in plain words: a bag kept packed where he won't find it, a code word
        # for the police, fear of what he'll do or of his temper, a family member hit, eggshells at home, who you see
        # and what you wear decided for you, the money controlled, turning up at work and the gym, repeated calls and
        # gifts logged, a gun he reminds you of, "if he can't have me, no one can", threats of deportation, a pet hurt
        # to punish, a phone smashed so you can't call for help, pushed down the stairs, a row turned to shoving,
        # flinching at a raised hand, bruises explained away, fear he'll come back, children left hungry and alone,
        # an older person's pension taken and visitors kept away
        (r"(?:bag|go-?bag|grab bag)\b[^.!?]{0,80}?\b(?:somewhere|where) (?:he|she|they|your partner|your abuser|your ex) "
         r"(?:won[’']t|can[’']t|cannot|will not|wouldn[’']t|couldn[’']t|doesn[’']t|will never) (?:find|see|look)\b"),
        (r"in case (?:you|she|he|they|i) (?:need|needs|have|has) to (?:leave|get out|flee|run|escape) (?:fast|quickly|"
         r"in a hurry|at short notice|suddenly|in an emergency)\b"),
        r"code ?words?\b[^.!?]{0,60}?\b(?:police|999|911|112|help|danger|come (?:and )?get)",
        (r"(?:afraid|scared|frightened|terrified) (?:of )?what (?:he|she|your partner|my partner|her partner|his partner|"
         r"your husband|my husband|her husband|your wife|my wife|your boyfriend|my boyfriend|your girlfriend|my girlfriend|"
         r"your ex|my ex)(?:[’']ll| will| would|[’']d| might| could| is going to| may) do\b"),
        (r"(?:afraid|scared|frightened|terrified) of (?:your|my|her|his|their) (?:partner|husband|wife|boyfriend|"
         r"girlfriend|spouse|ex|dad|father|stepfather|stepdad|mum|mom|mother)[’']s (?:temper|anger|rage|moods?|"
         r"reactions?|fists)\b"),
        (r"(?:dad|father|mum|mom|mother|stepfather|stepdad|partner|husband|wife|boyfriend)[’']s temper\b[^.!?]{0,30}?\b"
         r"(?:hid|hide|hiding|scared|terrified|afraid)\b"),
        (_WHO + r"\s+(?:\w+\s+)?(?:hit|hits|hitting|beat|beats|beating|slaps?|slapped|punch(?:es|ed)?|kick(?:s|ed)?|"
         r"chok(?:es|ed)|strangl(?:es|ed)|shov(?:es|ed)|hurt|hurts)\s+(?:my|your|his|her|their|our) (?:mom|mum|mother|dad|"
         r"father|wife|husband|partner|sister|brother|kids?|children|son|daughter|baby|girlfriend|boyfriend)\b"),
        r"walk(?:s|ed|ing)? on eggshells (?:in (?:your|my|her|his|their|our) own (?:home|house)|at home)\b",
        (r"(?:decides|decided|deciding|dictates|dictated|controls|controlled|controlling) (?:who (?:you|i) (?:see|"
         r"talk to|text|spend time with)|what (?:you|i) (?:wear|spend)|where (?:you|i) (?:go|can go))\b"),
        (r"(?:he|she|they|partner|husband|wife|boyfriend|girlfriend|spouse)\s+(?:\w+\s+)?control(?:s|led|ling)? (?:all )?"
         r"(?:of )?(?:the|your|my|her|his|our) (?:money|finances|bank accounts?|wages|salary|paycheck|pay)\b"),
        (r"(?:turn(?:s|ed|ing)? up|show(?:s|ed|ing)? up) (?:uninvited |unannounced )?(?:at|outside) (?:your|my|her|his|"
         r"their) (?:work|workplace|office|gym|house|home|school|flat|door)\b[^.!?]{0,40}?(?:,|\band\b) (?:at |outside )?"
         r"(?:your|my|her|his|their) (?:work|workplace|office|gym|house|home|school|flat|mum[’']s|mom[’']s|parents[’'])"),
        (r"(?:repeated|constant|endless|unwanted|dozens of|hundreds of|forty|fifty|\d{2,}) (?:missed )?(?:calls|texts|"
         r"messages|gifts|voicemails)\b[^.!?]{0,80}?\b(?:log|record|police|incidents?|following|turning up|regret|"
         r"threat\w*|not romance|not romantic|stalking)"),
        r"(?:log|record|diary|note)s? of (?:every|each) (?:incident|time (?:he|she|they))\b",
        (r"(?:has|have|had|owns?|keeps?|kept) (?:a|his|her) (?:gun|knife|rifle|shotgun|weapon)\b[^.!?]{0,30}?\b(?:know\w* "
         r"how to use it|if (?:you|i|she|he) (?:leave|leaves|left|tell|tells))"),
        r"remind\w* (?:me|you|her|him|us) (?:that )?(?:he|she|they) (?:has|have|owns?|keeps?) a (?:gun|knife|rifle|shotgun|weapon)",
        r"(?:can[’']t|cannot|won[’']t|couldn[’']t) have (?:me|you|her|him),? (?:then )?(?:no one|nobody|no-one) (?:else )?(?:can|will|could|would)\b",
        r"threaten\w* to have (?:me|you|her|him|them) (?:deported|arrested|sectioned|locked up|taken away)\b",
        (r"(?:hurts?|hurting|kick\w*|kill\w*|harm\w*|hit|hits|hitting|beats?) (?:the|my|our|your|her|his|their) (?:cat|dog|"
         r"pets?|puppy|kitten)\b[^.!?]{0,30}?\b(?:when (?:he|she|they)(?:[’']s|[’']re| is| are) (?:angry|drunk|upset|mad)|to "
         r"(?:punish|scare|hurt|get at|frighten))"),
        (r"(?:smash\w*|broke|break\w*|took|take\w*|hid|hide\w*|destroy\w*) (?:my|your|her|his) (?:phone|mobile)\b[^.!?]{0,30}?"
         r"\bso (?:i|you|she|he|they) (?:couldn[’']t|could not|can[’']t|cannot|wouldn[’']t) (?:call|ring|phone|text|get) "
         r"(?:for )?(?:help|the police|anyone|someone|999|911)"),
        (r"(?:he|she|they|partner|husband|wife|boyfriend|girlfriend|dad|father|mum|mom|mother|stepdad|stepfather)\s+"
         r"(?:\w+,?\s+){0,3}?(?:smash(?:es|ed)|break(?:s)?|broke|throw(?:s)?|threw) (?:the |your |her |his |my )?(?:plates|"
         r"dishes|furniture)\b"),
        r"(?:push\w*|shov\w*|threw|thrown|throw\w*|kick\w*|knock\w*) (?:(?:me|you|her|him|them|us) )?down (?:the|a|a flight of) (?:stairs|steps)\b",
        (r"(?:argument|fight|row|disagreement)s? (?:turns?|turned|turning|escalat\w+|tips?|tipped) (?:in)?to (?:shoving|"
         r"pushing|hitting|slapping|grabbing|violence|blows|punches)\b"),
        (r"flinch\w*\b[^.!?]{0,40}?\b(?:(?:raises?|raised|lifts?|lifted|moves?) (?:a |their |his |her )?hand|hand near|"
         r"at (?:a )?touch|when (?:touched|someone touches))"),
        (r"bruises\b[^.!?]{0,40}?\b(?:(?:were|are|was) from (?:falling|a fall|walking into|tripping|the stairs)|explain\w* "
         r"(?:\w+ )?away|(?:nobody|no one|no-one) can explain|(?:on )?(?:the )?places (?:no one|nobody|no-one) (?:sees|can see|would see))"),
        r"explain\w* (?:the|her|his|their|my|your|those) bruises away\b",
        (r"(?:afraid|scared|frightened|terrified) (?:of )?what (?:happens|will happen|would happen) when (?:he|she|your "
         r"partner|my partner) (?:gets|is|comes) (?:angry|drunk|home|mad)\b"),
        (r"(?:turn(?:s|ed|ing)? up|show(?:s|ed|ing)? up|wait\w*) (?:uninvited |unannounced )?(?:at|outside) (?:your|my|her|"
         r"his) (?:work|workplace|office|gym|house|home|school|flat|door)\b[^.!?]{0,40}?\b(?:uninvited|unannounced|every "
         r"(?:day|night|morning)|(?:told|asked) (?:him|her|them) (?:to stop|not to)|won[’']t stop)"),
        r"(?:tracking|spy|stalkerware) apps?\b[^.!?]{0,40}?\b(?:never installed|didn[’']t install|did not install|monitor\w*)",
        r"grab\w* (?:my|your|her|his) (?:wrist|arm|neck|hair|throat)\b[^.!?]{0,30}?\b(?:left|leave|leaving) (?:a )?(?:marks?|bruises?)",
        (r"(?:took|takes|taking|taken|hid|hides|hiding|hidden) (?:my|your|her|his) (?:car )?keys\b[^.!?]{0,60}?\b(?:leave|"
         r"go out|get away|escape)\b"),
        r"never see (?:the|your|my) (?:kids|children) again\b", r"(?:you|i)(?:[’']re| are|[’']m| am) going to pay\b(?! (?:for|the|a|an|off|back|more|less)\b)",
        (r"tells? (?:everyone|everybody|people|others|the family|my family|your family) (?:that )?(?:i|you|she|he)(?:[’']m| "
         r"am|[’']re| are|[’']s| is) (?:crazy|mad|unstable|lying|making it up)\b"),
        r"(?:no one|nobody|no-one) (?:will|would|is going to) believe (?:you|me|her|him)\b",
        r"having (?:your|her|his|my) (?:car )?keys (?:taken|hidden|confiscated)\b",
        r"(?:being|been|was|were|get|got) locked in (?:a|the|your|her|his|my) (?:room|bedroom|bathroom|cupboard|shed)\b",
        (r"(?:told|tells?|telling|decides?|decided) (?:you |me |her |him )?(?:what to wear|who to see|when to be home)\b"
         r"[^.!?]{0,30}?\b(?:what to wear|who to see|when to be home|control)"),
        r"(?:being|was|were|felt|feeling) (?:constantly |always )?(?:terrified|frightened) as a (?:child|kid)\b",
        r"(?:constant|relentless|daily|years of) belittling\b",
        r"(?:loved|loves) (?:you|me|her|him),? (?:and )?then (?:hurt|hit|beat|choked|hurts|hits)\b",
        (r"(?:terrified|scared|afraid|frightened) (?:that )?(?:he|she|they)(?:[’']ll| will| might| would|[’']d| is going to) "
         r"(?:come back|come after|find|track down|turn up at) (?:to )?(?:me|you|us|her|him|the house|the flat|home)\b"),
        (r"(?:kids?|children|child|baby|babies|toddlers?)\b[^.!?]{0,20}?\b(?:left|leaves?|leaving) (?:\w+,? )*?(?:alone|"
         r"hungry|unwashed|unfed|unsupervised)\b[^.!?]{0,30}?\bfor (?:days|hours|the (?:whole )?(?:weekend|night|day))\b"),
        (r"(?:takes?|took|taking|pocket\w*|spend\w*|spent|control\w*) (?:\w+[’']s|her|his|their) (?:pension|savings|"
         r"benefits)\b[^.!?]{0,40}?\b(?:keeps?|kept|keeping|stops?|stopped|stopping) (?:her|him|them) (?:away from|from "
         r"seeing)\b"),
        (r"cornered (?:him|her|me|them|you) in (?:the|a) (?:\w+ )?(?:underpass|stockroom|alley|stairwell|lift|toilets?|"
         r"car park|office|changing room)\b"),
        (r"(?:attacked|assaulted|mugged|stabbed|beaten|robbed|jumped|grabbed) (?:in|on) (?:the|a) (?:street|park|car park|"
         r"parking lot|underpass|alley|subway|train|bus|way home)\b"))),
    (("emotional and psychological abuse without the word: control, coercion, punishing silence, belittling, "
      "gaslighting, isolating a partner"), (
        r"gaslight\w*", r"coerci(?:on|ve)\b", r"coerc(?:e|es|ed|ing) (?:you|her|him|me|them)\b", r"silent treatment\b",
        (r"walk(?:s|ed|ing)? on eggshells (?:around|so|in case|because|whenever|when|with) (?:(?:your|my|her|his|their|a) )?"
         r"(?:partner|husband|wife|boyfriend|girlfriend|spouse|parent|father|mother|dad|mum|mom|he|she|him|her)\b"), r"put-downs?\b", r"emotional(?:ly)? (?:manipulat\w+|cruel\w*|blackmail\w*)",
        (r"manipulat\w* (?:you|her|him|me|them|a partner|your partner|a child|your child) (?:with|through|by) "
         r"(?:guilt|fear|shame|threats?|threatening|silence)\b"),
        r"manipulative (?:partner|parent|husband|wife|boyfriend|girlfriend|spouse|ex|relationship|behaviou?r)s?\b",
        (r"(?:belittl|humiliat|demean|degrad)(?:e|es|ed|ing) (?:you|her|him|me|them|us|a child|the child|your child|"
         r"children|kids|(?:your|her|his|their|my) (?:partner|wife|husband|kids|children))\b"),
        (r"(?:mock|mocks|mocked|mocking|ridicul\w+|insult\w*|humiliat\w+|belittl\w+|shout\w* at|scream\w* at) (?:you|her|"
         r"him|me) (?:in front of|in public)\b"),
        (r"(?:called|calls? (?:you|her|him|me)|calling (?:you|her|him|me)) (?:\w+ (?:and|or) )?(?:stupid|worthless|useless|"
         r"pathetic|crazy|a failure|an idiot|a burden)\b"),
        (r"(?:told|tells?|telling|insist\w*|convinc\w*) (?:you|her|him|me) (?:that )?(?:you|she|he|i|they)(?:[’']re|[’']s|"
         r"[’']m| are| is| am| was| were) (?:crazy|imagining (?:it|things)|making (?:it|things) up|remembering (?:it|things) "
         r"wrong|losing (?:your|her|his|my|their) mind)\b"),
        (r"(?:doubt\w*|question\w*|distrust\w*|(?:stop|stopped|stops|stopping) trusting) (?:your|her|his|my|their) own "
         r"(?:memory|memories|mind|sanity|perception|judgement|judgment)\b"),
        (r"(?:silence|silent|ignor\w+|not speaking|cold shoulder)\b[^.!?]{0,30}?\bto punish (?:you|her|him|me|them)\b"),
        r"punish\w* (?:you|her|him|me|them) (?:with|by) (?:silence|ignoring|withdraw\w*|not speaking)\b",
        r"isolat(?:e|es|ed|ing) (?:you|her|him|me)\b",
        (r"cut(?:s|ting)? (?:you|her|him|me|them) off from (?:(?:your|her|his|my|their) )?(?:friends|family|loved ones|"
         r"support|the people)\b"),
        (r"(?:keep|keeps|kept|keeping|stop|stops|stopped|stopping) (?:you|her|him|me) from (?:\w+ (?:or|and) )?"
         r"(?:seeing|visiting|calling|talking to) (?:(?:your|her|his|my|their) )?(?:own )?(?:friends|family|parents|"
         r"mother|father|mum|mom|sister|brother)\b"),
        (r"permission to (?:see|visit|call|talk to|spend time with) (?:(?:your|her|his|my|their) )?(?:own )?(?:friends|"
         r"family|parents|mother|father|mum|mom|sister|brother)\b"),
        (r"track\w* where (?:you|she|he|they) (?:are|is|go|goes|went)\b"),
        r"threats? (?:to|of) (?:take|hurt|harm|kill|leave|report|expose|throw|hit|punish)\b",
        # round 16 (words8): control in plain words (who she may talk to and her phone gone through, passwords demanded
        # and replies within minutes, a paycheck kept and an allowance given, a passport taken "for safekeeping", begging
        # for the car keys and grocery money, made to sleep on the floor, medication made a choice against the marriage),
        # violence (hair pulled and dragged, kneeling on rice, a fist through walls "and through us", pushed against a
        # wall, a throat grabbed, thrown out with a broken wrist, "will kill me if he finds out", "make me regret it",
        # "finish what he started", a house photographed at night, followed to the car, "he is watching"), an older
        # person harmed (tied to a chair, water withheld, left in soiled beds, a pension pocketed, a deed signed over,
        # extra sedatives, pain pills swapped, marks on her neck, a fourth black eye, "fell" again, scared of a
        # caregiver, elder mistreatment), kicked and filmed, "shamed them and must pay", trafficked
        r"decides? who (?:she|he|you|i|they) (?:can|may|is allowed to|are allowed to|am allowed to) (?:talk to|see|speak to|text)\b",
        r"goes through (?:her|his|your|my) phone\b(?=[^.!?]{0,60}?\b(?:control|scream\w*|decides?|threat\w*|allowed))",
        r"(?:makes|made|forces?) (?:me|her|him|you) (?:share|give (?:him|her) (?:all )?(?:my|her|his|your)) passwords\b",
        r"scream\w* if (?:i|she|he|you) (?:don[’']t|doesn[’']t) (?:reply|answer|text back)\b",
        r"(?:keeps|takes|took|kept) (?:your|my|her|his) (?:paycheck|paycheque|wages|salary|pay)\b(?=[^.!?]{0,40}?\ballowance)",
        r"(?:took|takes|taken|kept|keeps|holds?|held) (?:my|her|his|your) passport\b",
        r"(?:makes?|made) (?:me|her|him|you) beg for (?:the )?(?:car keys|money|grocery money|food)\b",
        r"(?:makes?|made) (?:me|her|him|us|the children|the kids) sleep on the floor\b",
        r"choose between (?:your|my|her|his) (?:psychiatric |mental health )?(?:medication|meds|treatment|therapy) and (?:your|my|her|his) (?:marriage|relationship)\b",
        r"pulls? (?:my|her|his|your) hair and drags?\b", r"kneel on rice\b",
        r"flinch\w* when (?:i|you|he|she|someone|anyone) (?:lift|lifts|lifted|raise|raises|raised) (?:my|your|his|her|a) hand\b",
        r"(?:fist|fists|hand) through (?:the )?walls?,? and (?:sometimes )?through us\b",
        r"(?:pushed|shoved|slammed|pinned) (?:me|her|him|you) (?:up )?against (?:the|a) (?:\w+ )?wall\b",
        r"grabs? (?:my|her|his|your) (?:throat|neck)\b",
        r"threw (?:her|him|me) out with a broken\b",
        r"(?:will|would|[’']ll|is going to|gonna) kill me if (?:he|she|they) (?:finds? out|found out)\b",
        r"[\"“]?make (?:me|you|her|him) regret it\b",
        r"[\"“]?finish what (?:he|she|they|i) started\b",
        r"(?:photos?|pictures?) of (?:my|her|his|your) (?:house|home|flat|apartment|car|window) at night\b",
        r"follows? (?:me|her|him|you) to (?:my|her|his|your|the) car\b",
        r"(?:saying|says|let me know|to let me know|to let her know) (?:that )?(?:he|she)(?:[’']s| is) (?:always )?watching\b",
        r"threaten\w* to (?:send|post|share|leak) (?:private |intimate |nude |naked )?(?:photos|pictures|images|videos|her address|my address|his address)\b",
        r"ty(?:ing|ed|e) (?:dad|mom|mum|grandma|grandpa|him|her|them) to (?:a|the|his|her) (?:chair|bed)\b",
        r"(?:stopped|stops|stop) giving (?:her|him|them) (?:water|food|meals)\b",
        r"(?:left|leaves|leaving) (?:her|him|them)? ?in soiled (?:beds?|sheets|clothes)\b", r"in soiled (?:beds|sheets) for (?:hours|days)\b",
        r"pockets? (?:her|his|their) (?:pension|benefits|money|savings)\b",
        r"(?:had|has|made|got) (?:her|him|them) sign over (?:the )?(?:deed|house|property)\b",
        r"(?:extra|too many|more) sedatives\b", r"(?:taking|took|takes) (?:mom|mum|dad|grandma|grandpa|her|his)[’']s pain pills\b",
        r"marks on (?:her|his) neck\b", r"(?:fourth|third|second|another) black eye\b", r"[\"“]fell[\"”] again\b",
        r"(?:scared|afraid|frightened|terrified) of (?:their|his|her|my|the) (?:caregiver|carer|care worker|aide)\b",
        r"elder (?:mistreatment|abuse|neglect)\b",
        r"(?:scammed|robbed), threatened\b|threatened,? (?:and )?(?:bullied|robbed)\b",
        r"(?:was|were|got|being) kicked and filmed\b",
        r"shamed (?:them|us|the family),? and (?:must|would|will) pay\b",
        r"(?:being )?trafficked\b",
        # round 17 (words9): money taken by kind (wages, a salary, a pension, a student loan kept or taken over, blank
        # cheques signed, an elder fleeced), control told by what is decided for her, exploitation, forced marriage
        # and FGM, mistreatment, a child "being hurt", unexplained fractures, aids withheld, pushed out of one's own
        # home, the deed taken, a violent husband, passwords demanded, what a coach did to you
        (r"(?:taking|takes|took|keeping|keeps|kept|taken over|took over|has taken over|pocketing) (?:your|her|his|their|"
         r"my) (?:part-time |whole |entire )?(?:wages|salary|pension|paycheck|paycheque|benefits|student loan)\b"),
        r"control(?:s|ling|led)? (?:someone[’']s|your|her|his|their|my) money\b|financial control\b",
        r"(?:sign|signs|signing|signed) blank (?:cheques|checks)\b",
        r"(?:elder|older (?:person|people|man|woman|adult)|grandparent|grandmother|grandfather) (?:being|is being|was) (?:fleeced|conned|exploited|scammed)\b",
        r"pressure to change (?:a|her|his|their) will\b",
        r"decides? what (?:she|he|you|they) (?:posts?|wears?|eats?)\b[^.!?]{0,40}?\b(?:answers|phone|friends|control)",
        r"answers (?:her|his|your) phone for (?:her|him|you)\b",
        r"cutting (?:her|him|you|them) off from (?:people|friends|family|everyone)\b",
        r"(?:that[’']s|that is|this is|it[’']s|is) exploitation\b|(?:being|been|is being|are being) exploited\b|exploiting (?:her|him|them|a child|children|an elder)\b",
        r"county lines\b|sextortion\b|forced (?:into )?marriage\b|forced to marry\b|\bfgm\b|female genital\b",
        r"mistreat(?:ment|ed|ing)?\b",
        r"(?:child|kid|teen|they[’']re|they are|she[’']s|he[’']s|you[’']re|you are) being hurt\b(?! by (?:a |the |your )?(?:comments?|words|jokes?|remarks?))",
        r"unexplained (?:fractures|bruises|bruising|injuries|burns|marks)\b",
        r"withhold(?:ing|s)? (?:\w+ ){0,3}(?:hearing aids?|walker|wheelchair|medication|insulin)\b",
        r"(?:pushed|forced|thrown|kicked) out of (?:their|his|her|my|your) own (?:house|home)\b|took the deed\b",
        r"violent (?:husband|wife|boyfriend|girlfriend|ex|father|stepfather|drinker|home)\b",
        r"demands? (?:your|her|his|their|my) passwords\b",
        r"what (?:a|the|my|your|his|her|their) (?:coach|uncle|teacher|priest|stepfather|stepdad|neighbou?r|babysitter|tutor|cousin) did to (?:you|me|her|him|them)\b",
        # round 21 (flags): children left alone for days, with no food and no one watching, in the same clothes and
        # hiding food, a mother who "ends up hurt" when a father drinks
        (r"(?:leave|leaves|leaving|left) (?:us|them|(?:the|our|my|his|her|their) (?:kids|children|little ones|baby|"
         r"toddlers?)) (?:alone|on (?:our|their) own|by (?:ourselves|themselves))\b[^.!?]{0,40}?\bfor (?:days|nights|"
         r"(?:the|a) whole (?:weekend|night|day))\b"),
        r"no food and (?:no one|nobody|no-one) (?:watching|looking after) (?:them|us|him|her)\b",
        r"same clothes (?:every|each) (?:time|day)\b[^.!?]{0,60}?\bhid(?:e|es|ing) food\b",
        r"(?:mom|mum|mother|my mother|dad|my father) (?:always |usually |sometimes |often )?ends? up (?:getting )?(?:hurt|bruised)\b",
        # round 22 (footers): pushed down the stairs, bruises that came from a person
        (r"push(?:ed|es|ing)? (?:her|him|them|me|you|(?:their|his|her|my|your|our) (?:mum|mom|mother|dad|father|wife|"
         r"husband|partner|sister|brother|girlfriend|boyfriend)) down the stairs\b"),
        (r"bruises on (?:his|her|their|my|your) (?:neck|arms?|face|back|legs?|throat)\b[^.!?]{0,40}?\b(?:from|because of) "
         r"(?:his|her|their|my|your) (?:\w+[’']s )?(?:boyfriend|girlfriend|husband|wife|partner|dad|father|mum|mom|mother|"
         r"stepdad|stepfather|stepmom|stepmother)\b"))),
    ("sexual assault and unwanted touch", (
        # round 19 (e-sens): a child who says an adult "has been touching" them
        (r"(?:someone|somebody|an adult|a grown-?up|a relative|a man|a teacher|a coach|(?:her|his|their|my|your) "
         r"(?:uncle|stepfather|stepdad|cousin|coach|neighbou?r)) (?:has been|had been|keeps|kept) touching (?:them|her|him|me)\b"),
        r"(?:made|makes|forc\w*|pressur\w*|coerc\w*) (?:\w+ ){0,2}?(?:to have|into) (?:sex|sexual)\b",
        r"forced (?:into|to have) sex", r"(?:unwanted|non-?consensual) (?:sex|sexual|touch\w*)",
        (r"(?:touch(?:ed|es|ing)?|photographed|filmed)\s+(?:\w+\s+){0,2}?(?:without (?:your|my|her|his|their) "
         r"consent|inappropriately)"),
        r"without (?:your|my|her|his|their)? ?consent", r"inappropriate(?:ly)? touch\w*",
        r"groped|drugged|spiked (?:your |her |his |my )?drink",
        r"(?:was|were|been|being|get|got) groomed\b", r"who groomed\b", r"online grooming\b",
        r"groom(?:ed|ing|er|ers)? (?:a |the )?(?:child|children|kids?|teens?|minors?)\b",
        r"grooming\b[^.!?]{0,40}?\b(?:secrets?|special attention|(?:gifts?|favou?rs) and (?:special )?attention)\b",
        (r"touch(?:ed|es|ing)? (?:\w+ ){0,2}?in (?:a |the )?ways? (?:that |which )?[^.!?]{0,25}?(?:(?:\bnot|n[’']t|"
         r"\bnever) (?:\w+ )?(?:okay|ok|right|safe|appropriate)|\b(?:wrong|uncomfortable|scary))\b"),
        # round 15 (words7): made to have sex, a condom taken off, something put in a drink, done while asleep, "things
        # done to me", a child told to keep secrets (about touching, chats), grooming named after its signs, photos or
        # videos held over someone "unless I send more"
        r"(?:made|makes|make|making|forc\w*|pressur\w*) (?:me|you|her|him|them) (?:to )?have sex\b",
        r"(?:took|takes|take|taking|removed|removes|removing|slipped|pulled) (?:off )?(?:the |a |his )?condom (?:off )?(?:without|during|halfway)\b",
        r"(?:put|slipped|added|dropped) (?:something|anything|a pill|pills|drugs?|a drug) (?:\w+ )?in(?:to)? (?:your|my|her|his|their|a|the) drinks?\b",
        (r"(?:did it|did things|had sex with (?:me|you|her|him)|touched (?:me|you|her|him)|took photos of (?:me|you|her|him)|"
         r"undressed (?:me|you|her|him)) (?:\w+ )?while (?:i|you|she|he|they) (?:was|were) (?:asleep|sleeping|unconscious|"
         r"passed out|too drunk)\b"),
        r"(?:did|does|done|doing) things to (?:me|you|her|him|them|us)\b",
        r"what (?:he|she|they) (?:did|does|has done|had done|was doing) to (?:me|you|her|him|them|us)\b",
        (r"(?:asks?|asked|tells?|told|makes?|made|wants?|wanted) (?:a |the |your |my |their |his |her )?(?:\d+-year-old|"
         r"child|children|kids?|son|daughter|teens?|teenager|girl|boy) (?:to )?keep (?:\w+ ){0,2}?(?:secrets?|secret|quiet)\b"),
        r"secrets? about (?:touching|being touched|touch|their bodies|private parts)\b",
        (r"what happened (?:\w+ ){0,4}?(?:as a child|as a kid|when (?:you|i|she|he|they) (?:was|were) (?:little|small|a "
         r"child|a kid|young))\b[^.!?]{0,20}?\b(?:not|wasn[’']t|isn[’']t) (?:your|my|her|his|their) fault"),
        (r"touched by (?:a|an|their|his|her|my|your) (?:grown-?up|adult|relative|priest|teacher|coach|uncle|neighbou?r|"
         r"babysitter|family member)\b[^.!?]{0,40}?\bas (?:a )?(?:kids?|child|children|teenagers?|teens?)\b"),
        (r"(?:uncle|stepfather|stepdad|father|dad|brother|cousin|grandfather|grandad|babysitter|coach|priest|he)\s+"
         r"(?:\w+\s+)?(?:used to )?c(?:ome|ame|omes) into my (?:bed)?room (?:at night|when (?:he|she) stayed|while)\b"),
        (r"(?:dread\w*|refus\w*|scared|afraid|terrified)\b[^.!?]{0,30}?\b(?:being left|to be (?:left )?alone|being alone) "
         r"with (?:one|a particular|a certain|that) (?:particular )?(?:adult|relative|uncle|coach|teacher|person|family "
         r"member)\b"),
        r"(?:too drunk|asleep|unconscious|passed out)\b[^.!?]{0,20}?\bto (?:say (?:yes|no)|consent)\b",
        r"drinks? (?:\w+ ){0,3}?(?:was|were|got|been|being) spiked\b", r"drink[- ]spiking\b",
        (r"(?:child|kid|son|daughter)\b[^.!?]{0,20}?\btells? you (?:that )?(?:someone|somebody|an adult|a grown-?up|a "
         r"relative) (?:touched|is touching|was touching|has touched|hurt|is hurting|has hurt) (?:them|her|him)\b"),
        (r"(?:wak(?:e|es|ing)|woke) up (?:somewhere|in (?:a|his|her|their|a stranger[’']s) \w+)\b[^.!?]{0,30}?\bno "
         r"(?:memory|idea|recollection) (?:of )?(?:getting there|how|what)"),
        r"groom(?:ed|s|ing) (?:me|you|her|him|them) (?:for|over|online|before|when)\b",
        r"(?:secre(?:cy|ts?)|gifts?|special attention)\b[^.!?]{0,40}?\bgrooming\b",
        (r"(?:post|share|send|leak|show|publish)\w*\b[^.!?]{0,40}?\bunless (?:i|you|she|he|they) (?:send|sends|sent|pay|"
         r"pays|paid) (?:more|him|her|them|money|\w+ more)\b"),
        # round 16 (words8): an uncle who "comes into her room at night", a youth pastor's "God's plan", a coach's late
        # texts and gifts, cornered and touched by a manager, secretly filmed in the shower, a priest moved instead of
        # reported
        r"comes? into (?:her|his|my) room at night\b",
        r"what we did was (?:god[’']s plan|our secret|special|normal)\b",
        r"texts? (?:them|her|him) late at night and buys\b",
        r"corners? (?:me|her|him) in (?:the|a) \w+(?: \w+)? and touches\b",
        r"secretly filming (?:\w+ ){0,3}in the (?:shower|bathroom|bath)\b",
        r"(?:moved|transferred) the priest\b|instead of reporting what he did\b",
        # round 17 (words9): grooming named as such, nudes and intimate pictures asked for or shared, an adult asking
        # for pictures of a child's body, a grown-up's secret about touching
        r"(?:that[’']s|that is|it[’']s|it is|is|are|be|been|being|get|gets|got) groomed\b|(?:that[’']s|that is|it[’']s|it is) grooming\b",
        r"(?:send|sending|sent|share|sharing|shared) (?:nudes|intimate (?:images|pictures|photos|pics)|(?:pictures|photos|pics) of (?:your|their|her|his) body)\b")),
    ("crisis, danger and emergency", (
        # user trial 10: "I'm not safe" (a belief trauma leaves, or a danger; not a wish to die: it was read alone
        # as "wanting to die" in a list of such beliefs), a cry for help (said of many crises)
        r"(?:i[’']m|i am) not safe\b(?! (?:to|on|in (?:the|a|this) (?:car|water|sun)|driving|online|around)\b)",
        r"(?:a|is a|it[’']s a|as a) cry for help\b",
        # round 19 (e-sens): an overdose told as all the tablets at once or the whole box, a seventy-two-hour hold,
        # voices that tell a person to hurt
        (r"(?:took|taken|taking|take|swallowed|swallowing|swallow) all (?:of )?(?:his|her|their|my|your|the) (?:pills|"
         r"tablets|medication|meds|painkillers|sleeping pills)\b[^.!?]{0,15}?\b(?:at once|in one go|together)\b"),
        (r"(?:took|taken|taking|swallowed|swallowing) (?:a|the) whole (?:box|bottle|packet|pack|strip|blister pack) of "
         r"(?:\w+ )?(?:pills|tablets|painkillers|paracetamol|sleeping pills|meds)\b"),
        r"(?:seventy-two|72)[- ]hour hold\b",
        r"voices (?:tell|tells|telling|told) (?:him|her|me|them|you) to (?:hurt|kill|harm)\b",
        r"overdos\w*", r"crisis\b", r"crises\b", r"breakdowns?\b(?!\s+(?:of|in|between|by|cover|lane|truck|service)\b)",
        r"naloxone|narcan", r"life-threatening\b", r"urgent care",
        r"psychiatric (?:crisis|hospital\w*|hold)", r"involuntary (?:hold|commitment|admission|hospitali[sz]ation)",
        r"unsafe\b", r"(?:one partner |you |she |he |they )fears? (?:the other|your partner|her partner|his partner)\b",
        r"punish(?:ed|ment)? at home\b",
        r"(?:are|feel|felt|feeling|is) not safe",
        r"too many (?:pills|tablets|sleeping pills|painkillers)", r"a handful of pills",
        (r"swallow\w* (?:a|the|half a|a whole|all (?:the|her|his|their|my|your)) (?:\w+ )?(?:bottle|packet|box|handful|"
         r"strip|pack)s? of (?:\w+ )?(?:pills|tablets|painkillers|paracetamol|medication|medicine|sleeping pills)\b"),
        r"(?:took|take|takes|taken|taking) too much of (?:their|his|her|my|your|the) (?:\w+ )?(?:medication|medicine|meds|pills|tablets)\b",
        r"(?:stockpil|hoard)\w* (?:pills|medication|medicine|tablets)",
        r"unresponsive\b", r"(?:isn’t|isn't|is not|wasn’t|wasn't|was not|stopped) breathing\b",
        r"poison control\b", r"alcohol poisoning\b",
        r"psychosis", r"psychotic (?:episode|break)s?", r"hear(?:s|ing)? voices", r"hallucinat\w+",
        r"(?:touch|break|breaks) with reality\b", r"manic episodes?\b",
        (r"(?:harm|hurt|kill|shak|drown|smother)\w* (?:your|the|her|my|their|his|a) (?:own )?(?:crying |screaming )?(?:baby|newborn|infant|"
         r"child|children|kids?)\b(?![’'])"),
        # round 15 (words7): a belief that someone is coming to kill or poisoning you, or that you can fly; a door
        # barricaded; mania; an eating disorder told with the body in danger (a heart that may stop, fainting, a
        # collapse, a doctor today, inpatient care, refeeding: docs/splitting.md counts an eating disorder only with
        # such danger); a drug or a drink that can stop your breathing; drinking yourself unconscious; 999 and A&E
        (r"(?:believ\w*|convinced|sure|thinks?)\b[^.!?]{0,30}?\b(?:(?:people|someone|they|the neighbou?rs|neighbou?rs|"
         r"the government|strangers|the police|men)\b[^.!?]{0,15}?\b(?:are|is) (?:coming to (?:kill|get|hurt|take)|"
         r"poisoning|trying to (?:kill|poison))|(?:his|her|their|my|your) food (?:is|was) (?:being )?poisoned|"
         r"(?:he|she|they|you|i) (?:can|could) fly)\b"),
        r"barricad\w+ (?:himself|herself|themselves|myself|yourself|the door|(?:his|her|their|my) (?:room|door|bedroom))",
        r"mania\b(?! for\b)",
        r"(?:seeing|hearing|sees|hears|saw|heard) things that (?:aren[’']t|are not|weren[’']t|were not|isn[’']t) there\b",
        r"(?:won[’']t|will not|can[’']t|cannot|couldn[’']t) (?:wake (?:up|them|him|her)|be woken)\b[^.!?]{0,20}?\bafter (?:using|taking|drinking)\b",
        r"swallow\w* (?:the|a) whole (?:bottle|packet|box|strip)\b",
        r"(?:go|goes|went|gone|going) under and (?:never|didn[’']t|did not) (?:come|came) (?:back )?up\b",
        r"(?:hospital|doctors?|nurses?) (?:calls?|called|calling|rang|rings) (?:the )?family in\b",
        (_EATING_DISORDER + r"\b[^.!?]{0,80}?\b" + _BODY_IN_DANGER + r"\b|" + _BODY_IN_DANGER + r"\b[^.!?]{0,80}?\b"
         + _EATING_DISORDER + r"\b"),
        r"(?:can|could|may|might|will) (?:stop|slow) (?:your|her|his|their|my|someone[’']s) (?:breathing|heart)\b",
        r"(?:drink|drank|drinking|drinks) (?:myself|yourself|himself|herself|themselves) (?:unconscious|to death|into a coma|senseless)\b",
        # round 16 (words8): "couldn't wake him up", a week's pills at once, collapsed at school, bleeding out, a
        # hostage, residential or inpatient treatment that saves a life, a drinking that "kills them", a life "at risk"
        r"(?:couldn[’']t|could not|can[’']t|cannot) wake (?:him|her|them|me) up\b",
        r"(?:a )?(?:week|weeks|day|days|month)[’']s? worth (?:of \w+ )?at once\b",
        r"collapsed at (?:school|work|practice|home|the gym|church)\b",
        r"bleed(?:s|ing)? out\b", r"held hostage\b",
        r"(?:residential treatment|inpatient care|detox)\b[^.!?]{0,80}?\b(?:lifesaving|life-saving|a rescue|betrayal|refuse)\b",
        r"before it kills (?:them|him|her|you)\b", r"(?:life|lives) at risk\b",
        r"welfare check\b", r"on a feeding tube\b",
        # round 17 (words9): a home that doesn't feel safe (the helplines by name: the family below),
        # means put away (painkillers locked away or stockpiled), marks on the neck and the choking "challenge", hazing
        r"home (?:doesn[’']t|does not|don[’']t|didn[’']t|does(?:n[’']t)? not) feel safe\b",
        # round 20 (e-footer): not feeling safe at home or near one's own people, told with "safe" ("I don't feel safe
        # at home"), the grave sense the everyday "unsafe" of a habit is told apart from
        (_NOT + r" (?:feel|feels|felt|feeling) (?:safe|secure) (?:at home|in (?:my|your|our|their|his|her|the) (?:own )?"
         r"(?:home|house|bed|bedroom)|around (?:him|her)|(?:around|with) (?:my|your|his|her|their|our) (?:\w+ )?" + _KIN +
         r")\b"),
        r"(?:stockpiled|hoarded) (?:painkillers|pills|tablets|medication|meds)\b",
        r"(?:paracetamol|painkillers|tablets|meds|medication|pills)\b[^.!?]{0,30}?\blocked away\b",
        r"marks (?:around|on) (?:the|his|her|their) neck\b|choking (?:challenge|game)\b|blackout challenge\b|\bhazing\b")),
    # The crisis lines and the emergencies that call for help now. A passage that speaks of them does not flag the
    # tips drawn from it whose own words do not (round 24: 13 of 13 such tips of the frozen set were judged to need
    # no footer); a heading that does flags its section ("When Stress Becomes an Emergency"), as any heading here does.
    ("a crisis line or an emergency: help needed now", (
        (r"(?:seek|get|find|call for|reach out for) (?:\w+ ){0,2}?(?:help|support|care|treatment) (?:immediately|right "
         r"away|urgently|straight away)\b"), r"urgent (?:help|support|mental health care)\b", r"988\b", r"(?<![\d-])9-8-8\b", r"741741\b", r"samaritans\b",
        r"hotlines?\b", r"helplines?\b",
        r"(?:call|text|ring|phone|dial|contact|reach out to|reach|use) (?:the |a )?(?:\w+ )?lifelines?\b",
        r"(?:suicide|crisis|988)(?: (?:&|and) crisis)? lifeline\b",
        r"(?:immediate|imminent) (?:safety|risk)\b",
        (r"(?:concerned|worried|afraid|fear\w*|scared) (?:about|for) (?:their|your|his|her|my|our|someone[’']s|"
         r"(?:the|a|your) (?:person|friend|child|teen|partner|loved one)[’']s) (?:own |physical )?safety\b"),
        r"at (?:immediate |imminent |serious )?risk of (?:harm|harming|hurting|self-harm|suicide|dying)\b",
        r"emergency (?:room|services|department)\b", r"medical emergency\b", r"in an emergency\b",
        r"(?:is|it’s|it's|was|be) an emergency\b",
        # a user trial's "treat it as an emergency" and her heading "When Stress Becomes an Emergency"
        (r"(?:treat\w* (?:it|this|that|them) as|becom\w*|became|turn\w* into) an emergency\b(?! (?:fund|contact|kit|savings|"
         r"cash|supply|supplies|exit|brake|number|plan)s?\b)"),
        r"(?:psychiatric|mental health|psychological|obstetric) emergenc(?:y|ies)", r"911", r"(?:the|an|to|in) er\b",
        r"safety plan\w*", r"get to safety",
        (r"(?:immediate|physical|grave) danger|(?:you are|you’re|you're|are you|i am|i’m|i'm) in danger\b(?! of)|"
         r"danger to (?:yourself|themselves|himself|herself|others)"),
        (r"(?:you|he|she|they|we|someone|somebody|anyone|child|children|kids?|baby|life|lives)(?: else)?"
         r"(?: (?:is|are|was|were|may be|might be|could be|feels?))+ in danger\b(?! of)"),
        r"(?<![£$€\d.,])999\b(?![.,]\d)", r"a&e\b", r"116 ?123\b",
        # round 17 (words9): the helplines of the UK, Ireland and Australia by name
        r"childline\b|\bceop\b|\bnspcc\b|samaritans\b|women[’']s aid\b|men[’']s advice line\b|\bgalop\b|\bpieta\b|breathing space\b(?= (?:is|in|on|scotland))",
        r"(?:text|texting) shout\b|\bshout (?:to|on) 85258\b|lifeline (?:together )?on 13\b|revenge porn helpline\b|rape crisis\b",
        # round 21 (flags): stay with someone and get help now
        r"stay with (?:them|him|her) and (?:get|call for|find) help (?:now|right away|immediately)\b")),
    ("a critical incident or a traumatic event", (
        # user trial 10: from "wanting to die", whose name they did not bear out: a moment one thought was the end,
        # a survivor's guilt, the only one left of a unit, the war that followed them home
        (r"(?:thought|believed|knew) (?:that|this|it) (?:was|would be) the end\b(?=[.!]?$)"),
        r"(?:should have been|should[’']ve been) me (?:in|on|instead)\b|it should have been me\b",
        r"only one (?:left|still alive|still breathing|who made it|who survived) (?:from|of|in) (?:my|our|the|his|her) (?:squad|unit|platoon|crew|family|class|team)\b",
        r"(?:i[’']m|i am|he[’']s|she[’']s) the only one left (?:from|of) (?:my|our|his|her) (?:squad|unit|platoon|crew)\b",
        r"(?:the )?war (?:followed|follows|came home with|comes home with) (?:them|him|her|me|you|us)\b",
        # round 19 (e-sens): a relative who "was shot", a bomb that killed his unit, his time in the war
        (r"(?:brother|sister|son|daughter|father|dad|mother|mum|mom|husband|wife|partner|friend|cousin|uncle|aunt|"
         r"boyfriend|girlfriend|neighbou?r) (?:was|got|had been|has been) shot\b(?! (?:down|at|through))"),
        (r"(?:bomb|blast|explosion|ied|mortar|ambush|shell) (?:\w+ ){0,2}?killed (?:his|her|their|my|your) (?:unit|squad|"
         r"platoon|crew|mates?|friends?)\b"),
        r"(?:his|her|their|my|your) (?:time|years|service|tours?) in the war\b",
        r"critical incidents?",
        (r"(?:grew up|growing up|as a child|in (?:your|my|their|his|her) childhood)\b[^.!?]{0,80}?\b"
         r"(?:dangers?|dangerous|violen(?:ce|t)|fear for (?:your|my|their|his|her) (?:life|safety))\b"),
        (r"traumatic (?:event|experience|incident|situation|circumstance|time|period|day|night|birth|loss|injury|"
         r"death|memor(?:y|ies)|stress|brain injur(?:y|ies))s?"),
        r"(?:something|anything|everything) (?:\w+ )?traumatic\b", r"traumati[sz](?:ed|ing)\b",
        r"traumatic (?:material|content)\b", r"(?:after|once) the danger has passed\b",
        r"traumas?\b", r"survivor(?:[’']s)? guilt\b",
        r"why (?:was|were|am|are) (?:i|you|he|she|they|we) spared\b", r"why (?:i|you|he|she|they|we) (?:was|were) spared\b",
        (r"(?:surviv\w*|spared|got out|made it out|liv\w+ through (?:it|that|this|the \w+))\b[^.!?]{0,40}?\b(?:when|while|"
         r"and|but) (?:so many|many|others|the others|the rest|most|some|(?:so many |many |some |most )?(?:of )?"
         r"(?:his|her|their|my|your|our) \w+)\b[^.!?]{0,20}?(?:didn[’']t|did not|weren[’']t|were not|died|never did)\b"),
        (r"(?:those|the ones|people|others|friends|colleagues|neighbou?rs|many|so many) who (?:didn[’']t|did not|never|"
         r"couldn[’']t|could not) make it\b(?! (?:to|on|onto|in|into|through|past|back to|in time)\b)"),
        r"(?:those|the ones|people|others|friends|colleagues|neighbou?rs|many|so many) who never (?:came|come|made it) (?:home|back)\b",
        r"(?<!animal )(?<!dog )(?<!pet )rescue (?:workers?|crews?|teams?|efforts?|operations?|missions?)\b",
        r"(?:in|through|from|under|beneath|into|among|amid|out of) the rubble\b",
        r"flattened (?:villages?|towns?|homes?|houses?|streets?|neighbou?rhoods?|city|cities)\b",
        r"(?:surviv\w*|after|following|through|since|from|in|of|by) (?:a|the) (?:\w+ )?disasters?\b",
        r"disaster (?:relief|zones?|survivors?|areas?|response|workers?|victims?|sites?)\b",
        r"traged(?:y|ies)\b", r"tragic(?:ally)? (?:\w+ )?(?:accident|death|loss|event|news|incident|crash|fire|day)s?\b",
        (r"(?:horrible|terrible|horrific|horrifying|frightening|terrifying|distressing|shocking|disturbing|violent) "
         r"(?:event|incident|attack|accident|crime|act)s?\b"),
        r"(?:horrific|horrifying|frightening|terrifying|distressing|disturbing|violent) experiences?\b",
        r"lives (?:were |are |have been |had been |being )?(?:lost|saved)\b", r"loss of (?:human )?life\b",
        (r"witness(?:ed|es|ing)? (?:a |an |the |his |her |their |your )?(?:\w+ )?(?:attack|shooting|crash|accident|"
         r"death|killing|stabbing|assault|fight|collision|explosion)s?\b"),
        (r"aftermath of (?:a|an|the|this|that) (?:\w+ )?(?:storm|fire|attack|disaster|tragedy|accident|crash|explosion|"
         r"war|event|incident|shooting|violence|flood|hurricane|earthquake|bombing|assault)s?\b"),
        r"(?:physically|violently|brutally|sexually) attacked\b",
        (r"(?:was|were|been|being|got|get|is|are) attacked (?:on (?:the|your|my|his|her|their) (?:way|street|walk|run)|"
         r"while|outside|near|by (?:a|an) (?:stranger|dog|man|woman|group|gang|intruder))\b"),
        r"at (?:gun|knife)point\b", r"stabb(?:ed|ing|ings)\b", r"mugg(?:ed|ing|ings)\b", r"house fires?\b",
        r"wreckage\b", r"flashbacks?\b", r"bombings?\b",
        r"(?:after|since|from) the (?:crash|accident|attack|fire|storm|flood|explosion|break-in|burglary|collision)\b(?! of)",
        (r"(?:saw|seen|see|seeing|watch\w*|witness\w*) (?:a|their|his|her|your|my) (?:\w+ )?" + _KIN + r" (?:be |being |get |"
         r"getting )?(?:arrested|hit|hurt|beaten|taken away|attacked|killed|die|dying)\b"),
        r"break-ins?\b(?! period)", r"burglar(?:y|ies|i[sz]ed)\b", r"(?:was|were|been|being|got|get) robbed\b(?! of)", r"cardiac arrest\b",
        r"(?:return\w*|back|home) from (?:a |the |their |his |her )?(?:deployment|war|combat|tour of duty)\b",
        r"(?:straight|right) back to (?:the|that) (?:fire|crash|accident|attack|flood|shooting|explosion)\b",
        (r"(?:homes?|houses?|town|school|neighbou?rhood)s? (?:was |were |got |being |been )?(?:flooded|destroyed|"
         r"burned down|burnt down|washed away)\b(?! with)"),
        r"cancer (?:has |had )?(?:spread|returned|come back|came back|is terminal)\b",
        (r"(?:crash|accident|cancer|illness|disease|overdose|fire|flood|war|storm|virus|covid|stroke) (?:took|claimed|"
         r"stole) (?:the lives? of )?(?:her|his|their|my|your|our|a) (?:\w+ )?" + _KIN + r"\b(?![’'])"),
        # round 22 (footers): an illness or an accident that killed someone
        (r"(?:heart attack|stroke|crash|accident|cancer|illness|overdose|fire|flood|virus|covid) (?:that )?killed "
         r"(?:him|her|them|my|his|their|our|your)\b"),
        r"(?:in|into|to|from) (?:the )?(?:intensive care|icu|nicu)\b", r"(?:after|since|during|from) the war\b(?! (?:of|on))",
        (r"anniversary of (?:the|her|his|their|my|your) (?:\w+ )?(?:attack|crash|accident|death|loss|shooting|assault|"
         r"fire|flood|disaster|diagnosis|miscarriage|suicide|funeral)\b"),
        (r"surviv\w+ (?:the|a|an) (?:\w+ )?(?:crash|accident|attack|shooting|fire|flood|explosion|assault|bombing|"
         r"stabbing)\b(?! drill)"),
        r"(?:was|were|been|being|got|get|be) killed", r"killed (?:on|in|by|while|during)\b",
        r"(?:a|the|mass|school|workplace) shootings?", r"fatal(?:ly|ity|ities)?\b(?! (?:flaws?|errors?|mistakes?))",
        r"natural disasters?", r"hurricanes?\b", r"tornado(?:es)?\b", r"wildfires?\b", r"earthquakes?\b",
        r"tsunamis?\b", r"floods?\b(?! of)",
        r"(?:car|road|traffic|serious|bad|fatal|terrible|motorcycle|bike|cycling) (?:accident|crash|collision)s?\b",
        r"ptsd\b", r"c-ptsd\b", r"post[- ]?traumatic\b",
        r"(?:fled|fleeing|flee|escaped|escaping) (?:the |a )?(?:war|violence|persecution|conflict)\b",
        r"war zones?\b", r"war-torn\b", r"terror(?:ist)? attacks?\b", r"terrorism\b",
        r"(?:in|saw|see|seen|seeing|from|after|during) combat\b(?! (?:sports?|training|classes?|games?|boots))", r"combat (?:veterans?|zones?|trauma|deployments?)\b",
        r"(?:lost|los(?:e|es|ing)|destroyed)\b(?:\s+[\w’']+){0,3}?\s+(?:in|to|by) (?:a|the) (?:house )?(?:fire|flood|blaze)\b(?! of)",
        (r"(?:after|since) what happened (?:that|on that) (?:night|day)\b"),
        r"replay\w* (?:the|that) (?:moment|night|accident|crash|attack)\b",
        (r"(?:diagnos\w+|news|phone call|accident|loss|death)\b(?:\s+[\w’']+){0,4}?\s+(?:turned|turns|turning|"
         r"flipped|shattered|upended) (?:your|my|their|his|her|our) (?:whole )?(?:life|world)"),
        r"(?:devastating|life-changing|life-limiting|frightening|scary|cancer) diagnos\w+",
        r"(?:scenes?|things|what) (?:\w+ )?(?:they|you|he|she|i|we) (?:have |had |[’']ve |[’']d )?witnessed\b")),
    (("a traumatic event in everyday words: a birth that went wrong, an accident, an assault, a disaster, a violent "
     "event, or only what happened to you"), (
        r"(?:was|were|is|are|be|been|being|felt|feel|feels|seemed|seems|so|very|deeply|truly|really) traumatic\b",
        r"(?:\w+ly|as|more|most|less|too|quite|rather|pretty|every bit as|just as) traumatic\b",
        (r"(?:went|goes|go|going|been|gone) through (?:something|anything) (?:so |truly |really )?(?:terrible|"
        r"horrible|awful|horrific|terrifying|frightening|violent|shocking|unthinkable)\b"),
        (r"(?:something|anything) (?:so |truly |really )?(?:terrible|horrible|awful|horrific|terrifying|frightening|violent|"
        r"shocking|unthinkable) happen(?:s|ed)?\b"),
        r"(?:after|since|because of|about|from|by) what happened to (?:you|her|him|them|me|us)\b",
        r"what happened to (?:you|her|him|them|me|us) (?:was|is|wasn[’']t|isn[’']t) (?:not |never )?(?:your|her|his|their|my|our) fault\b",
        r"(?:shaken|shattered|traumati[sz]ed|haunted|scarred|rocked) by what happened\b",
        r"after (?:everything|all) (?:you|she|he|they|we|i)(?: have| had|[’']ve|[’']d) been through\b",
        (r"(?:frightening|scary|terrifying|difficult|harrowing|complicated|distressing|violent) (?:births?|labou?rs?|"
        r"deliver(?:y|ies))\b"),
        (r"(?:birth|labou?r|baby[’']s arrival)\b[^.!?]{0,30}?\b(?:(?:did not|didn[’']t|does not|doesn[’']t|never) go (?:as|to) "
         r"(?:planned|plan|hoped|expected)|(?:go|goes|went|gone|going) (?:so |badly |terribly |horribly |very )?wrong|"
         r"(?:was|is) nothing like (?:you|she|i|we|they|he) (?:had )?(?:hoped|planned|expected|imagined|pictured))"),
        r"emergency (?:c-?sections?|caesareans?|cesareans?|surger(?:y|ies)|operations?)\b",
        r"crash (?:c-?sections?|caesareans?|cesareans?)\b",
        r"rush\w* (?:\w+ ){0,3}?into (?:emergency )?(?:surgery|theatre|theater|intensive care)\b",
        r"ectopic\b", r"born sleeping\b", r"pregnanc(?:y|ies) (?:ended|ends) (?:at|in|early|suddenly|after|without)\b",
        (r"(?:car|cars|van|bus|truck|lorry|coach|train|plane|boat|motorbike|motorcycle)\b (?:\w+ )?(?:flipped|rolled over|"
         r"overturned|skidded|crashed|derailed|capsized|went off the road|left the road|ran off the road)"),
        (r"(?:hit|knocked (?:down|over|off (?:\w+ )?(?:bike|bicycle|scooter|motorbike))|run over|struck) by (?:a|an|the) "
         r"(?:car|van|bus|truck|lorry|train|motorbike|drunk driver|driver)\b"),
        (r"(?:fall|falls|fell|falling|tumbl\w+) (?:from|off|down) (?:a|the) (?:ladder|roof|horse|balcony|window|cliff|"
         r"scaffold\w*|height|bridge|stairs|flight of stairs)\b"),
        r"near[- ]drown\w*", r"(?:nearly|almost) drowned\b", (r"pulled (?:\w+ )?from the (?:water|river|sea|lake|pool|rubble|"
        r"wreck\w*|flames|burning)\b"), r"(?:from|in|after|since|of|survived) the wreck\b",
        r"pile-?ups? on the (?:motorway|highway|freeway|interstate|road)\b", r"(?:motorway|highway|multi-car) pile-?ups?\b",
        (r"(?:nearly|almost) (?:cost|took) (?:him|her|them|me|you) (?:his|her|their|my|your) (?:life|lives|hands?|arms?|"
         r"legs?|sight|eyes?|fingers?)\b"),
        r"(?:nearly|almost) killed (?:him|her|them|me|you|us)\b",
        (r"(?:serious|severe|life-changing|life-threatening|head|spinal|brain|workplace|crush|catastrophic) "
         r"injur(?:y|ies)\b"),
        r"(?:was|were|got|get|been|being) jumped (?:by|outside|on|in|near|after|while)\b",
        (r"(?:older|elderly|ageing|aging|frail) (?:\w+ )?(?:relative|parent|person|people|neighbou?r|mother|father|"
         r"aunt|uncle)s?\b[^.!?]{0,40}?\bsign(?:s|ed|ing)? over (?:the|their|his|her) (?:house|home|savings|property)\b"),
        r"(?:held|pinned) (?:\w+ )?down by\b", r"(?:held|pinned) (?:him|her|them|me|you) down\b",
        r"grop(?:ed|ing)\b(?! (?:for|around|about|in the dark))", r"beaten up\b", r"(?:getting|got|get|gets) beaten\b",
        r"threaten(?:ed|ing|s)? (?:\w+ )?with (?:a|an|the) (?:knife|gun|weapon|blade|bat|machete)\b",
        r"(?:pulled|held|pointed) a (?:knife|gun) (?:on|at)\b",
        r"(?:touch\w*|hands on) (?:\w+ ){0,3}?without (?:your |her |his |their |my )?consent\b",
        (r"(?:fire|fires|flames|blaze|wildfire|bushfire|flood|floodwaters?|storm|tornado|mudslide|landslide)s? "
         r"(?:swept|tore|ripped|raced|roared) (?:through|into|across|over)\b"),
        (r"(?:storm|wind|winds|quake|tornado|hurricane|cyclone|typhoon|flood|floods)\b (?:\w+ )?(?:flattened|destroyed|"
         r"levelled|leveled|wrecked|tore apart|ripped apart)\b"),
        r"quakes?\b(?! in (?:your|their|his|her|my) boots)", r"(?:bush|forest|brush)fires?\b", r"cyclones?\b",
        r"typhoons?\b", r"mudslides?\b", r"landslides?\b(?! (?:victory|win|election))", r"avalanches?\b(?! of)",
        r"evacuat\w+\b(?![^.!?]{0,30}\bdrills?\b)",
        r"lockdown at (?:(?:my|your|her|his|their|our|the) )?(?:\w+[’']s )?(?:school|campus|college|office|workplace)\b",
        r"(?:school|campus|classroom) lockdowns?\b", r"active shooter", r"gun(?:shots?|fire|man|men)\b",
        r"shots? (?:being )?(?:fired|rang out)\b", r"knifed\b",
        (r"(?:a|the|someone|somebody) (?:man|woman|boy|girl|teen|person|stranger|neighbou?r|friend|classmate)? ?"
         r"(?:get |got |being |getting )?(?:shot|knifed|stabbed|run over)\b(?! (?:at|down|of|for|through))"))),
    (("round 12 (words4): violence at home without the word abuse, a cancer or an incurable illness, a pregnancy "
      "lost on the scan, a heart that stopped, a coma or the ICU, an assault or a robbery in plain words, a disaster "
      "told by what it did, a death pointed at by what the dead will not see or what the living still do"), (
        r"(?:grab\w*|held|hold\w*|pinn\w*|pins?|seiz\w*|squeez\w*) (?:you|her|him|me|them) by the (?:throat|neck|hair)\b",
        r"(?:hands?|fingers) (?:around|round) (?:your|her|his|my|their) (?:neck|throat)\b",
        (r"(?:push\w*|shov\w*|slam\w*|throw\w*|threw|pinn\w*|pins?) (?:you|her|him|me|them) (?:up )?(?:against|into|down) "
         r"(?:a|the) (?:wall|door|floor|ground|car|fridge|table|stairs|counter)\b"),
        (r"(?:throw|throws|threw|thrown|throwing|hurl\w*) (?:things|objects|stuff|plates|dishes|furniture|bottles|glasses|"
         r"chairs|(?:a|his|her) (?:plate|glass|chair|bottle|phone|mug|cup|shoe|remote)) at (?:you|me|her|him|them|us)\b"),
        (r"(?:he|she|they|partner|husband|wife|boyfriend|girlfriend|dad|father|mum|mom|mother|stepdad|stepfather)\s+"
         r"(?:\w+\s+)?(?:(?:punch(?:es|ed)|kick(?:s|ed)) (?:holes in )?(?:the |a )?walls?|(?:smash(?:es|ed)|break(?:s)?|"
         r"broke|throw(?:s)?|threw) (?:the |your |her |his )?(?:plates|dishes|furniture))\b"),
        (r"(?:bruises|marks|injuries|welts|black eyes?|cuts)\b[^.!?]{0,15}?\b(?:from|left by|caused by) (?:the person|"
         r"someone|somebody|(?:your|her|his|their|my|a) (?:partner|husband|wife|boyfriend|girlfriend|spouse|parent|"
         r"father|mother|dad|mum|mom|stepfather|stepdad|ex))\b"),
        (r"(?:bruises|marks|injuries|welts|black eyes?)\s+(?:that\s+)?(?:\w+\s+)?(?:partner|husband|wife|boyfriend|"
         r"girlfriend|spouse|father|dad|stepfather|stepdad|mother|mum|mom|ex)\s+(?:\w+\s+)?(?:leaves|left|gave|gives|"
         r"caused)\b"),
        (r"lock\w* (?:you|her|him|me|them) (?:out of|in) (?:the|a|your|her|his|their|my) (?:house|home|flat|apartment|"
         r"room|car|bedroom|bathroom|cupboard|shed|closet|wardrobe|basement|cellar|garage)\b"),
        r"cancer\b", r"tumou?rs?\b", r"malignan\w+", r"metasta\w+", r"chemo(?:therapy)?\b", r"radiotherapy\b",
        r"oncolog\w+", r"palliative\b", r"leuka?emia\b", r"lymphoma\b",
        r"incurabl[ey]\b(?! (?:romantics?|optimists?|curiosity|habit))",
        (r"stage (?:four|4|iv|iii|three|3) (?:cancer|diagnosis|tumou?r|lymphoma|disease|illness|breast|lung|bowel|colon|"
         r"ovarian|prostate|pancreatic|melanoma)\b"),
        (r"diagnos\w+ (?:was|is|felt|came as|has been|had been) (?:\w+ )?(?:shattering|devastating|crushing|terrifying|"
         r"frightening)\b"), r"(?:shattering|crushing|grim|incurable|terminal) diagnos\w+",
        r"(?:found|find|finding|feel\w*|felt|discover\w*|noticed) a lump\b(?! in (?:your|my|her|his|their) throat)",
        r"no (?:fo?etal |baby[’']?s? )?heartbeat\b",
        (r"(?:couldn[’']t|could not|didn[’']t|did not|can[’']t|cannot) (?:find|detect|hear|see) (?:a|the|any) "
         r"(?:fo?etal |baby[’']?s )?heartbeat\b"), r"heartbeat (?:had |has )?stopped\b",
        r"d&c\b", r"dilation and curettage\b", r"tfmr\b", r"termination for medical reasons\b",
        r"(?:chemical|molar) pregnanc\w+", r"blighted ovum\b", r"(?:angel|rainbow) bab(?:y|ies)\b",
        (r"heart (?:had |has )?stopped\b(?! (?:racing|pounding|for a (?:second|moment|beat)|when (?:i|you|she|he|they|we) "
         r"(?:saw|heard|read|opened|got|looked)))"),
        r"comas?\b", r"comatose\b", r"ventilators?\b", r"life support\b", r"resuscitat\w+", r"defibrillat\w+",
        r"flatlin\w+", r"cpr\b", r"(?:icu|nicu|picu)\b", r"operating table\b",
        (r"(?:in|into|by|call|calls|called|calling|phoned|ring for|rang for|ride in|rode in|back of|waiting for) (?:an|the) "
         r"ambulance\b"),
        r"ambulance (?:came|arrived|took|left|rushed|ride|siren|was called|pulled away|drove (?:off|away))\b",
        (r"(?:beaten|kicked|punched|stabbed|attacked|assaulted|mugged|dragged|knifed|robbed|jumped|cornered|chased|"
         r"followed) (?:\w+ )?by (?:a |an |the |two |three |four |several |some )?(?:group|gang|crowd|man|men|stranger|"
         r"strangers|boys|youths|teens|teenagers|intruders?|burglars?|robbers?|muggers?|attackers?)\b"),
        r"(?:kicked|beaten|beat|punched|knocked|choked|strangled) (?:\w+ )?(?:unconscious|senseless|black and blue)\b",
        r"left for dead\b",
        (r"dragged (?:\w+ )?(?:into|to|behind|down|off) (?:a|an|the) (?:alley|car|van|bushes|woods|park|field|room|"
         r"stairwell|toilets?|bathroom)\b"),
        r"(?:was|were|been|being|got) followed home\b(?! by (?:a|the|their|her|his) (?:stray|cat|dog|kitten|puppy))",
        r"forc(?:ed|es|ing) (?:himself|herself|themselves) (?:on|upon) (?:you|her|him|me|them)\b",
        r"robber(?:y|ies)\b", r"carjack\w*", r"hold-?ups? at (?:the|a) (?:shop|bank|store|petrol station|gas station)\b",
        (r"at the hands of (?:a |an |the |his |her |their |my |your |our )?(?:\w+ )?(?:coach|teacher|priest|pastor|"
         r"minister|parents?|father|mother|stepfather|stepmother|stepdad|stepmom|uncle|aunt|partner|husband|wife|"
         r"boyfriend|girlfriend|carer|caregiver|babysitter|neighbou?r|relative|family member|abusers?|captors?|"
         r"attackers?|strangers?|police|soldiers|bull(?:y|ies)|man|men|leader|instructor|boss)\b"),
        r"(?:suffer\w*|endur\w*|harm\w*|hurt|pain|happened to \w+)\b[^.!?]{0,20}?at the hands of\b",
        r"(?:dog|dogs|animal|shark|bear) (?:attack|attacks|mauling)\b", r"maul(?:ed|ing)\b",
        (r"(?:head-on|high-speed|hit-and-run|rollover|multi-vehicle|plane|train|helicopter|boating|diving|climbing|"
         r"skiing|farm|workplace|industrial) (?:collisions?|crash(?:es)?|accidents?|smash(?:es)?)\b"), r"hit-and-run\b",
        r"burst (?:its|their) banks\b",
        r"(?:levee|levees|dam|dams|sea wall|flood defences?)\b (?:\w+ )?(?:broke|burst|failed|gave way|breached|collapsed)\b",
        (r"(?:before|after|when|since|as|until) the (?:water|waters|floodwater|river|sea) (?:came|rose|reached|poured|"
         r"rushed|broke|burst)\b"),
        (r"(?:everything|house|home|homes|flat|building|school|street|car|barn|shop|village|town|it all)\b[^.!?]{0,25}?"
         r"\b(?:went|gone|go|goes|going) up in flames\b"), r"burn(?:ed|t|ing|s)? to the ground\b",
        (r"(?:building|house|bridge|tower|roof|ceiling|school|mine|tunnel|stand)s? (?:\w+ )?(?:collapse|collapsed|"
         r"collapsing|came down|caved in)\b"),
        r"(?:saw|see|seen|seeing|watch\w*|witness\w*) (?:\w+ ){0,4}?(?:drown\w*|die|dying|killed|shot|stabbed)\b(?! (?:down|out|off))",
        r"drown(?:ed|s|ing)? (?:at|in) (?:the|a) (?:quarry|lake|river|sea|pool|beach|ocean|reservoir|canal|bath|bathtub)\b",
        r"(?:he|she|they|friend|brother|sister|son|daughter|child|boy|girl|man|woman) drowned\b(?! out)",
        (r"(?:lost|lose|losing) (?:everything|our home|their homes?|his home|her home|my home|our house|their house)\b"
         r"(?! (?:i|you|we|she|he|they|in (?:the|a) (?:divorce|game|bet)|on (?:the|a)|to (?:the|a) (?:bank|landlord)|keys?)\b)"),
        (r"(?:the (?:night|day|morning|evening|week)|that (?:night|day)) (?:of|after|before) the (?:fire|flood|storm|crash|"
         r"accident|attack|shooting|earthquake|quake|explosion|hurricane|tornado|tsunami|bombing|raid|break-in|robbery)\b"),
        (r"(?:didn[’']t|did not|never|won[’']t|will not|wouldn[’']t|not) (?:(?:get|got|gets|live|lived) to|be (?:here|there|"
         r"around) to) (?:see|meet|hold|know|watch|hear) (?:[\w’']+ ){0,3}?(?:grand\w+|graduat\w+|grow up|grew up|"
         r"married|wedding|be born|was born|born|birth|first (?:steps|words|day))\b"),
        (r"(?:[’']s|has|have|had|is|was) (?:now )?(?:been )?gone (?:for )?(?:(?:two|three|four|five|six|seven|eight|nine|"
         r"ten|many|several|\d+|a few|twenty|thirty) years|a year|a decade|(?:\w+ )?decades)\b"),
        (r"(?:for one|alone|on (?:my|your|her|his|their) own|by (?:my|your|her|him|them)sel(?:f|ves))\b[^.!?]{0,40}?"
         r"\bafter (?:\w+ ){1,2}years (?:of (?:marriage|being married|setting|cooking|sharing|life together)|together|"
         r"married|with (?:him|her))"),
        (r"said (?:our |my |their |her |his |a )?(?:\w+ )?goodbyes? to (?:(?:my|our|your|their|his|her) )?(?:mum|mom|dad|"
         r"mother|father|grand\w+|nana|husband|wife|son|daughter|brother|sister|baby)\b (?:in|last|that|this) (?:the )?"
         r"(?:spring|summer|autumn|fall|winter|year|january|february|march|april|may|june|july|august|september|october|"
         r"november|december|\d{4})\b"),
        (r"(?:police|officers?|a policeman|a policewoman|detectives?)\b[^.!?]{0,20}?\b(?:knocked|knocking|knocks|came|come|"
         r"arrived|turned up|were|was) (?:\w+ )?(?:on|to|at) (?:the|our|my|her|his|their|your) (?:front )?(?:door|"
         r"doorstep)\b(?! to (?:return|ask|check|deliver|hand|collect|talk about (?:road|school)))"),
        (r"(?:phone )?call from the (?:hospital|police|coroner|morgue)\b(?! (?:to (?:confirm|book|schedule|remind|arrange)|"
         r"about (?:your|an|the) appointment))"),
        (r"(?:drowning|dying inside|screaming inside|falling apart|crumbling|breaking inside|broken inside)\b[^.!?]{0,30}?"
         r"\b(?:nobody|no one|no-one|none of them) (?:can see|sees|notices|noticed|knows|knew|could see)\b"),
        r"(?:went|go|gone|been) through (?:that|on that) (?:night|day|morning|evening|weekend)\b",
        r"(?:birth|labou?r|delivery)\b[^.!?]{0,20}?\b(?:full of|filled with|marked by|ended in) (?:fear|terror|panic|dread|trauma)\b",
        # round 16 (words8): a crash, a fire, a collapse, an explosion, a derailment, a crowd crush, a burnover, a
        # drowning call, a shooting, told with what it did ("killed two students", "took two of my coworkers", "walked
        # away and my cousin didn't", "pulling out the bodies", "identify the students"), mass casualties, burn
        # survivors, "first on scene", attacked in a car park, the forklift accident months ago
        (r"(?:car wreck|crash|fire|collapse|explosion|derailment|crush|burnover|rollover|accident|flood|storm)\b[^.!?]{0,40}?"
         r"\b(?:killed (?:two|three|four|five|six|\d+|my|his|her|our|their|the|a)\b|(?:took|claimed) (?:(?:two|three|four|"
         r"five|six|\d+|the) (?:of )?(?:my |our |his |her |their )?|(?:my|his|her|our|their) (?:\w+ )?)(?:" + _KIN[3:-1] +
         r"|coworkers|co-workers|colleagues|crew|friends|students|lives?|people|workers|residents|firefighters|men|women)\b"
         r"(?![’']s))"),
        r"(?:walked|got|made it) (?:away|out) (?:from|of) the (?:car wreck|crash|wreck|fire|collapse)\b",
        r"(?:bus|train|car|plane|school bus|church trip) (?:crash|derailment)\b",
        r"(?:dorm|warehouse|factory|house|apartment|office|school) fire\b",
        r"(?:forklift|workplace|work|industrial|farm|construction) accident\b",
        r"(?:gas|bomb) explosion\b", r"crowd crush\b", r"burnover\b", r"drowning call\b",
        r"(?:officer-involved|school|mass|police) shootings?\b", r"was shot (?:outside|in|at|near|on)\b",
        r"mass[- ]casualty\b", r"pulling out the bodies\b|(?:recover\w*|pull\w*) (?:out )?the bodies\b",
        r"identify the (?:students|bodies|victims|children|dead)\b", r"burn survivors\b", r"first on (?:the )?scene\b",
        r"survived the collapse\b|collapse of the (?:parking|building|bridge|stadium|station)\b",
        r"(?:attacked|assaulted|mugged) in the (?:parking garage|car park|parking lot|stairwell)\b",
        r"lost (?:crew|colleagues|coworkers|friends) in a\b",
        # round 21 (flags): what first responders see that no one should, a scene still seen when the eyes close
        (r"still see (?:[\w’']+ ){1,8}?(?:every time|whenever|when) (?:i|he|she|they|you|we) close (?:my|his|her|their|your|our) "
         r"eyes\b"),
        r"(?:see|sees|seen|saw|witness\w*) (?:things|what) (?:no one|nobody|no-one) should (?:ever )?(?:have to|see|witness)\b")),
)

EVERYDAY: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("death and dying as idioms", (
        # round 12: the held-out batch's known false flags (a season mourned, a plant or a phone that won't die)
        r"mourn(?:ing|s|ed)? the end of (?:the |a |your |their )?(?:summer|holidays?|weekend|season|series|show|school year)\b",
        r"(?:isn[’']t|is not|not|aren[’']t|are not) dead,? (?:just|only|merely) (?:thirsty|dry|dormant|resting|asleep)\b",
        r"(?:won[’']t|will not|wouldn[’']t|would not) die without (?:you|your attention|you checking)\b",
        r"sleep(?:s|ing)? like the dead\b",
        (r"(?:phone|battery|laptop|car|computer|engine|conversation|argument|arguments|fight|music|noise|wind|"
         r"fire|trend|habits?|hopes?|dreams?|plants?|flowers?|lawn|garden)\s+(?:\w+\s+)?(?:died|dies|die|dying|is dead|"
         r"was dead|passed away|passed on)\b"),
        r"dying (?:to|for)\b", r"to die for", r"dead[- ]?(?:end|line|tired|set|weight|ringer|serious)", r"die[- ]hard",
        r"let (?:\w+ ){0,2}(?:arguments?|habits?|grudges?|it|that|things) die\b(?: a (?:natural|slow|quiet|quick) death\b)?",
        r"(?:traffic|commute|rush hour|the drive|heat|hills?|stairs|workouts?) (?:is|was|are|were|can be|will be) murder\b",
        r"(?:died|die|dying) (?:of )?laugh\w*", r"(?:died|die|dying) of (?:embarrassment|boredom|curiosity)",
        r"(?:bored|scared|frightened|worried|tickled|sick|loved|talked) to death", r"dead of (?:winter|night)\b",
        r"knock (?:[\w’']+ )?dead\b", r"drop[- ]dead\b", r"dead-?head\w*",
        r"dying (?:houseplants?|plants?|flowers?|battery|phone|laptop|art|breed|trend|embers?|light|days of)\b",
        (r"(?:the )?death of (?:\w+(?:tion|ism|ness|ity|ment|ance|ence|ship)|romance|small talk|the (?:office|weekend|"
         r"phone call|handwritten letter|landline))\b"),
        r"death by (?:a thousand|powerpoint|meetings?|emails?|committee)\b",
        # round 15 (words7): dead and dying as emphasis ("dead air", "dead on arrival", "over my dead body", "so tired I
        # could die"), killed or murdered of food, a song or plants ("murdered that cake", "killed by the frost"),
        # burying the hatchet
        r"dead (?:air|silence|on arrival|quiet|calm|centre|center|heat|even|easy|simple|certain|right|ahead)\b",
        r"over (?:my|your|his|her|our|their) dead bod(?:y|ies)\b",
        (r"(?:tired|hungry|bored|embarrassed|thirsty|sleepy|hot|cold|happy|full)\b(?: [\w’']+){0,2}? (?:i|you|we) could "
         r"(?:just )?(?:die|have died)\b"),
        (r"murder(?:ed|s|ing)? (?:that|the|a|this|those|these|an) (?:\w+ )?(?:cake|pizza|song|karaoke|tune|dance|burger|"
         r"meal|dinner|dessert|pie|workout|playlist|sandwich|cookies|chocolate|ice cream|cover|solo|chorus|high note)\b"),
        (r"(?:plants?|houseplants?|flowers?|tomato(?:es| plants?)|seedlings|herbs|lawn|grass|garden|crops?|basil|roses)\b"
         r"[^.!?]{0,20}?\b(?:got |were |was |been )?killed (?:off )?by (?:the |a |an )?(?:frost|cold|heat|heatwave|drought|"
         r"snails|slugs|aphids|hail)\b"),
        r"(?:houseplants?|seedlings|herbs|basil|tomatoes)\s+(?:\w+\s+)?(?:died|dies|die|dying|are dead|were dead)\b",
        r"bur(?:y|ied|ies|ying) the hatchet\b",
        # round 16 (words8): dead as slang or emphasis ("this meme has me dead", "\"I'm dead\"", "dead last", "the dead
        # zone", "dead week", "wake the dead"), good grief, the Black Death, a game character's deaths, a plant or a
        # tree dead or dying (and mourned), a thing "in mourning" or grieved "lol", "death by chocolate", the death of
        # a social life, a spicy dish that "nearly killed me", a comedy one "will die if" made to watch
        r"(?:has|had|have|got) (?:me|us|them|her|him) dead\b", r"(?<=[\"“])(?:i[’']m|im|i am|so) dead(?=[\"”])",
        r"dead (?:last|zones?|spots?|week|in the eyes?|on (?:my|your|his|her|our|their) feet)\b",
        r"wake the dead\b", r"good grief\b", r"(?:the )?black death\b", r"death by chocolate\b",
        (r"(?:my|your|his|her|their|our|the) (?:character|avatar|sims?|player one)\s+(?:\w+\s+)?(?:died|dies|dying|"
         r"is dead|was dead|keeps dying)\b"),
        (r"(?:ferns?|oaks?|maples?|trees?|hydrangeas?|leaves|shrubs?|hedges?|succulents?|cactus|orchids?|bonsai|ivy|"
         r"tulips?|daisies|houseplants?|plants?|tomato(?:es| plants?)|seedlings|basil|herbs|roses?)\b"
         r"(?: (?!(?:he|she|they|him|her|them|who|where|when|while|after|since)\b)[\w’']+){0,5}? (?:dead|dying|died|dies)\b"
         r"(?:[^.!?]{0,40}?\bmourn\w*)?"),
        r"(?:grieving|in mourning|mourning)\W{0,3}(?:lol|lmao|haha)\b",
        (r"(?:destroyed|chewed|ruined|broke|shattered|lost) (?:my|our|the|his|her) (?:favou?rite |new |old |best )?"
         r"(?:sneakers|shoes|boots|slippers|airpods|headphones|phone|mug|vase|couch|sofa|jeans|sweater|hoodie|glasses|"
         r"keys|remote)\b[^.!?]{0,30}?\b(?:grieving|in mourning|mourning)\b"),
        (r"(?:griev|mourn)\w* the end of (?:the |a |an |your |their |our |my )?(?:\w+ ){0,2}(?:series|show|season|"
         r"sitcom|drama|saga|franchise|era|summer|holidays?)\b"),
        (r"the death of (?:my|our|your|his|her|their) (?:social life|diet|budget|sleep|savings|wallet|patience|sanity|"
         r"weekends?|free time|productivity|evenings?)\b"),
        r"(?<=[\"“])near[- ]death(?=[\"”] only in the sense\b)",
        (r"batter(?:y|ies) (?:on|in|of) (?:my|the|his|her|your|our) \w+ (?:\w+ )?(?:died|dies|is dead|was dead)\b|"
         r"(?:file |old |email |web |mail )?servers? (?:\w+ ){0,2}(?:died|dies|is dead|was dead)\b"),
        (r"(?:curry|wings?|wing challenge|chill?i|chilli|peppers?|salsa|hot sauce|spicy \w+|marathon|race|spin class|"
         r"climb)\b(?: [\w’']+){0,3}? (?:nearly|almost|practically|basically) killed (?:me|us|him|her)\b"),
        (r"(?:will|would|gonna|going to|could) die if (?:i|he|she|we|they|you) (?:have|has|had) to (?:watch|sit through|"
         r"hear|listen to)\b"),
        r"(?:cringe|cringey|cringy|embarrassing)\b[^.!?]{0,10}?\bi (?:want|wanted) to die\b",
        # round 17 (words9): a room or an office "funeral-quiet", a dead battery, work one "can't go on like this" at
        r"funeral[- ]quiet\b", r"dead (?:phone |laptop |car |torch )?batter(?:y|ies)\b",
        r"can(?:[’']t|not| not) go on like this (?:at|with) (?:work|the job|this job|my job|your job|this workload|the workload)\b")),
    ("abuse, assault, overdose, hotline of things, not people", (
        (r"abus\w* (?:the |your |my |their )?(?:snooze button|snooze|weekend|lie-ins?|privilege|credit cards?|"
         r"caffeine|coffee|power button|system|hot sauce|exclamation points?|emojis?)"),
        r"(?:an )?assault on (?:the|your) (?:senses|ears|eyes|nose)",
        (r"(?:an|the|this|that|a constant|a daily|a morning) assault of (?:\w+ )?(?:emails|messages|texts|notifications|"
         r"alerts|ads|adverts|news|noise|sound|light|colou?rs?|information|requests|tasks|calls|chores)\b"),
        (r"overdos\w* (?:of|on) (?:screen time|screens|sugar|caffeine|coffee|news|social media|chocolate|tv|"
         r"television|sun|sunshine)"),
        # round 15 (words7): overdosed on a show or a pastime, abusing a button, the terminal of a flight
        (r"overdos\w* (?:of|on) (?:\w+ )?(?:tv|television|netflix|youtube|tiktok|instagram|social media|news|box ?sets?|"
         r"shows?|series|screen time|screens|sugar|caffeine|coffee|chocolate|candy|sweets|shopping|podcasts|sun|sunshine|"
         r"cheese|carbs|gaming|video games)\b"),
        r"abus\w* (?:the |your |my |their )?[\w-]+ buttons?\b",
        (r"(?:at|in|through|to|from|outside) the terminal\b(?=[^.!?]{0,40}?\b(?:flight|plane|gate|delay\w*|boarding|"
         r"luggage|bags?|snacks|departures?))"),
        r"(?:flight|plane|gate|boarding|departures?)\b[^.!?]{0,40}?\bterminal\b(?! (?:illness|cancer|diagnosis|patients?|care))",
        r"(?:customer|client|service|support|it|tech|sales|booking|reservations?) hotlines?",
        (r"(?:customer|client|service|support|it|tech|sales|booking|reservations?|billing|product|technical|tax|"
         r"(?:bank|energy company|energy supplier|supplier|airline|council|insurer|broadband provider|provider|retailer|"
         r"landlord|school)[’']s) helplines?"),
        r"(?:daylight|highway) robbery\b", r"food comas?\b", r"(?:sign|signs|star sign) (?:for |of )?cancer\b", r"cancer (?:in the zodiac|season|star sign|zodiac sign|the crab)\b", r"cancer (?:institute|society|research uk|council)\b",
        (r"cancer (?:screening|screenings|check|checks|check-ups?|awareness|research|prevention|risk|charity|"
         r"fundraiser|fun run|run)\b"),
        (r"(?:(?:learn\w*|train\w*|teach\w*) (?:\w+ )?|first[- ]aid (?:and )?)cpr\b|cpr (?:class|classes|course|courses|training|"
         r"certificat\w+)\b"))),
    ("the abuse of a substance, not of a person", (
        r"(?:substance|drug|drugs|alcohol|opioid|prescription|medication) abuse\b",
        r"abus\w* (?:drugs|alcohol|substances|opioids|pills|prescription\w*)\b",
        r"(?:laxative|diuretic|diet pill) abuse\b(?![^.!?]{0,60}\b(?:heart|dangerous|fatal|death|die|kill|collapse|hospital|emergency))", r"abus\w* (?:laxatives|diuretics|diet pills)\b")),
    ("a crisis that is not a person's crisis", (
        (r"(?:communication|car|engine|vehicle|system|cost|price|budget|data|relationship|marriage|trust|mechanical|"
         r"technical|equipment|network|server|bike|itemi[sz]ed|detailed|quick|step-by-step|simple) breakdowns?\b"),
        (r"(?:midlife|mid-life|identity|financial|existential|housing|climate|energy|economic|cost[- ]of[- ]living|"
         r"quarter[- ]life|debt|political|fashion|wardrobe|budget) crisis"),
        r"crisis of (?:confidence|faith|conscience|meaning|purpose|identity|motivation|inspiration|creativity|style)\b",
        r"(?:is|was|it[’']s|[,;—–]) not a crisis\b")),
    # "can mean more than you think", "harder than you'd imagine": a comparison, no thought of anything (user trial 4:
    # the topic reader flagged "…can mean more than you think" on "think", a word its phrasings of "thinking of ending
    # it" lean on); blanked before the reader reads the text too (sensitive_phrases)
    ("a thought, a guess or an expectation as a comparison's idiom", (
        (r"(?:more|less|fewer|better|worse|harder|easier|longer|sooner|faster|further|farther|bigger|smaller|"
         r"\w+er) than (?:you|we|they|most people|people|anyone|i) (?:might |would |could |may |probably |ever )?"
         r"(?:(?:[’']d|[’']ll) )?(?:think|thinks|thought|imagine|imagined|expect|expected|realize|realise|realized|"
         r"realised|know|knew|guess|guessed|believe)\b"),
        r"(?:more|less|better|harder|easier) than (?:you|we|they|i)[’'](?:d|ll) (?:think|imagine|expect|guess)\b")),
    ("hopeless, terminal, shooting, unsafe in their everyday senses", (
        r"hopeless (?:at|with|romantics?|cases?|cook)\b",
        r"(?:airport|bus|train|ferry|cruise|computer) terminals?\b", r"terminal (?:window|app|command|emulator|velocity)\b",
        r"shooting stars?\b", r"photo shoots?\b",
        r"murder myster\w+",
        (r"no way out of (?:a|an|the|your|my|their) (?:\w+ )?(?:routine|rut|meeting|contract|lease|maze|job|habit|"
         r"schedule|chore|deal)s?\b"),
        (r"(?:driving|drive|food|water|ladder|levels?|roads?|speeds?|sleeping|products?|toys?)\b(?: [\w’']+){0,3}? "
         r"(?:is |are |was |can be |feels? )?unsafe\b"),
        r"unsafe (?:to (?:eat|drink|drive)|food|water|levels?|driving|speeds?|roads?|sleep\w*|products?|toys?)\b")),
    ("danger as the body's alarm explains it (fight or flight), not a danger to anyone", (
        r"evolved to (?:\w+ ){0,4}?(?:genuine |real |actual |true )?(?:physical )?dangers?\b",)),
    ("a tragedy, a disaster or an attack in jest", (
        r"(?:tragedy|comedy) of errors\b", r"(?:fashion|kitchen|baking|haircut|culinary|wardrobe) traged(?:y|ies)\b",
        (r"(?:total|complete|absolute|utter|minor|little|small|kitchen|cooking|baking|fashion|hair|date|dinner|"
         r"dinner party|party|wardrobe|holiday|diy) disasters?\b"), r"disaster of a\b",
        r"flashback (?:friday|fridays|photos?|playlists?)\b",
        # round 16 (words8): a room a war zone after a party, a loss that felt like a tragedy at the time, a morning's
        # crisis over library books, a laptop on life support, buried in paperwork or in sand, a crossword that is murder
        (r"war ?zone after (?:thanksgiving|christmas|easter|the (?:party|holidays|sleepover|birthday|bake sale|baking|"
         r"move|kids|dinner|weekend)|dinner|breakfast|the kids)\b"),
        (r"(?:felt|feel|feels|seemed|seems) like (?:a |an )?(?:tragedy|disaster|catastrophe|crisis)\b(?= at the time| back "
         r"then|,? (?:but|lol|haha))"),
        (r"(?:was|were|is|are) (?:a |an )?(?:full-blown |total |major |minor |real )?crisis in (?:our|my|the) (?:house|"
         r"home|household|kitchen)\b(?= (?:this|that|last|every) (?:morning|evening|night|week|weekend))"),
        (r"(?:laptop|phone|computer|printer|tv|fridge|router|car|van|minivan|washing machine|dishwasher)\b(?: [\w’']+){0,2}? "
         r"(?:is |was )?on life support\b"),
        (r"buried (?:in|under) (?:a pile of |piles of |a mountain of |\w+ )?(?:paperwork|work|emails?|laundry|homework|"
         r"boxes|papers|snow|bills|admin|grading|deadlines|tasks|toys|leaves|receipts|forms)\b"),
        r"buried (?:\w+ ){1,3}in (?:the )?sand\b",
        (r"(?:crossword|puzzle|sudoku|wordle|quiz|test|exam|level|boss fight|climb|humidity|parking|hill)\b(?: \w+)? "
         r"(?:is|was) (?:pure |sheer |absolute )?murder\b"),
        r"murder(?:ed|s|ing)? karaoke\b")),
    ("missing someone who is away, not gone", (
        (r"miss(?:es|ing|ed)? (?:(?:my|your|our|their|his|her|a|an|the)\s+)?(?:\w+\s+)?" + _KIN +
         r"\b(?= (?:while|when) (?:they|he|she|you)\b(?! (?:died|passed|was dying|were dying)))"),)),
    # round 14 (words6, 2026-12-05): the everyday sentences of relationship, parenting, work and loss-and-change
    # posts that the lexicon read as the topic (53 ordinary phrasings of round 13, 27 of round 14's authors), by kind
    ("death, killing and violence as hyperbole", (
        r"(?:be|been|being|is|was|will be) the death of (?:me|us)\b", r"(?:fought|fight|fighting) to the death over\b",
        r"literally (?:dying|dead|deceased)\b", r"(?:i[’']m|im|i am) (?:so |literally |basically )?deceased\b",
        r"could murder (?:a|an|some) \w+",
        (r"could(?: have|[’']ve)? (?:murdered|strangled|throttled|killed) (?:him|her|them|you|my \w+|the \w+|"
         r"(?:my|our) (?:\w+-in-law|\w+)) for\b"),
        (r"(?:presentation|meeting|exam|commute|day|week|shift|interview|drive|traffic|workout|class|run|hike|"
         r"deadline|homework|tantrum|party|wedding|move) (?:was|is|were|has been) (?:a |an |(?:pure|sheer|absolute) )?"
         r"(?:murder|car crash|train ?wreck|car wreck)\b"),
        (r"(?:tantrum|workout|hike|run|class|commute|drive|heat|stairs|meeting|week|day|shift|exam|deadline|homework|"
         r"traffic|party|move|flight|queue)\b(?: [\w’']+){0,3}? (?:nearly|almost|practically|about|basically) "
         r"killed (?:me|us)\b"),
        (r"(?:plan|plans|idea|diet|resolution|project|trend|habit|rule|scheme)\b[^.!?]{0,50}?\bdied a (?:quick|slow|"
         r"natural|quiet|swift|sudden|painless) death\b"),
        r"(?:isn[’']t|is not|wasn[’']t|was not|not) (?:exactly )?a tragedy\b",
        r"and (?:nobody|no one|no-one) died\b(?= *[.!])",
        r"punch(?:ed|es|ing)? the air\b",
        r"cut (?:yourself|myself|himself|herself|themselves|ourselves|them|him|her|me|us) some slack\b",
        (r"beats? (?:me|him|her|us|you|them|(?:my|your|his|her|their|our) \w+) (?:at|in) (?:chess|cards|scrabble|tennis|golf|monopoly|checkers|draughts|"
         r"(?:video )?games?|\w+ball|races?|arm wrestling|crosswords?|sudoku|wordle)\b"),
        # round 17 (words9): "kill yourself over" a task, "could kill for" a cup of tea
        (r"(?:need to|have to|don[’']t|do not|no need to|won[’']t|stop trying to) kill (?:yourself|myself|themselves|himself|"
         r"herself) (?:over|for|on) (?:a|an|the|this|that|every|one|your|my) (?:perfect |\w+ )?(?:slide|deck|report|essay|"
         r"project|presentation|deadline|task|email|assignment|exam|grade|job|shift|spreadsheet|detail)s?\b"))),
    ("a thing, not a person, dead or dying", (
        (r"(?:printer|monitor|baby monitor|group chat|chat|party|deal|lawn|battery|remote|torch|flashlight|tablet|"
         r"kindle|wifi|wi-fi|router|speaker|headphones|earbuds|herbs|basil|tomatoes|sourdough starter|starter|"
         r"houseplant|vibe|dance floor|pub|bar|town|meeting)(?:[’']s)?\s+(?:\w+\s+)?(?:died|dies|dying|is dead|was dead|"
         r"went dead|goes dead|dead)\b"),
        r"dead in the water\b", r"(?:flog\w*|beat\w*) a dead horse\b")),
    ("a person or a pet away or mislaid, a place or a routine left, not a death", (
        (r"lost (?:our|the|my|his|her|their) (?:dog|cat|puppy|kitten)\b(?=[^.!?]{0,40}?\b(?:for (?:like |about )?"
         r"(?:\d+|a few|a couple of|an?|one|two|three|four|five|ten|twenty|half an) (?:minutes?|hours?)|"
         r"found (?:him|her|it)|turned up|came back|showed up))"),
        (r"miss(?:es|ing|ed)? (?:my|your|our|their|his|her) (?:best |old |closest )?(?:friend|friends|mate|neighbou?r|"
         r"colleague|roommate|flatmate)\b(?= since (?:she|he|they|you) (?:moved|left for|went (?:off )?to))"),
        r"(?:retir\w+|moving away|moving on|leaving)\b[^.!?]{0,40}?\blose someone\b",
        (r"empty chair at (?:[\w’']+ ){0,3}?(?:thanksgiving|christmas|dinner|the table|table|breakfast|lunch|"
         r"supper)\b(?=[^.!?]{0,60}?\b(?:because (?:[\w’'-]+ ){0,4}(?:was|is|were|had|has) (?:working|away|travell?ing|on "
         r"call|busy|sick|at)|since (?:\w+ ){0,3}(?:left for|moved|went (?:off )?to) (?:college|university|uni|"
         r"school|work|the army)))"),
        (r"(?:wrote|write|writes|writing) (?:a )?goodbye letters? to (?:her|his|my|our|their|the|your) (?:old |middle "
         r"|primary |high |pre|nursery |first )?(?:school|preschool|teachers?|class|classmates|house|home|room|team|"
         r"colleagues|job|office|city|flat|apartment)\b"),
        (r"(?:griev|mourn)\w* the end of (?:the |a |your |their )?(?:summer|holidays?|weekend|season|series|show|school "
         r"year|an era)\b"),
        # round 15 (words7): grieving a thing or a time that ended, not a person (a friendship, a career path, the
        # marriage you hoped for): a break-up or a career change is not the rubric's death or crisis
        (r"(?:griev|mourn)\w* (?:the end of )?(?:a|an|the|your|my|their|his|her) (?:\w+ )?(?:friendship|relationship|"
         r"marriage|career|career path|job|dream|plans?|identity|role|hometown|childhood home|old life|break-?up|life (?:you|"
         r"we|i|they) (?:planned|hoped|expected|imagined|had)|future (?:you|we|i|they) (?:planned|hoped|imagined))\b"
         r"(?![^.!?]{0,30}\b(?:death|died|suicide|cancer|killed)\b)"),
        r"(?:closed|closed down|shut|shut down)\b[^.!?]{0,40}?\b(?:in mourning|mourning)\b",
        r"mourning (?:my|our|the) (?:morning )?(?:routine|coffee|commute|lie-ins?|holidays?|weekends?)\b",
        (r"(?:want|wanted|wants|could|could just)(?: to)?(?: just)? disappear into (?:a |an |the |his |her |my |their "
         r"|your )?(?:good |new )?(?:book|novel|lego|story|film|movie|series|show|garden|hobby|puzzle|game|project|"
         r"music)"))),
    ("care, drills and alarms with no one in danger", (
        (r"(?:the )?(?:er|emergency room|a&e|urgent care|walk-in clinic)\b(?=[^.!?]{0,60}?\b(?:sprain\w*|ear "
         r"infection|stitches|broken (?:arm|wrist|finger|toe)|sore throat|strep|rash|tonsil\w*|fever|twisted ankle|"
         r"nosebleed))"),
        r"nicu\b(?=[^.!?]{0,80}?\b(?:now|healthy|thriving)\b)",
        r"hospice (?:charity )?(?:shops?|stores?)\b",
        r"(?:checkup|check-up|pediatrician|paediatrician|doctor|gp|clinic|vaccin\w*|flu|booster)\b[^.!?]{0,60}?\ba shot\b",
        r"(?:practi[sc]ed?|practi[sc]ing|teach\w*|taught|learn\w*) (?:\w+ ){0,2}(?:calling|to call|how to call|dial\w*) 911\b",
        (r"911 (?:when|because|after) (?:the|a|our|my|their) (?:[\w’']+[’']s )?(?:car|van|truck|tree|pipe|roof|fence|"
         r"kitchen|garage|shed|basement)\b(?![^.!?]*\b(?:hit|ran over|crushed|trapped|pinned|hurt)\b)"),
        (r"safety plans? (?:for|at) (?:the |a |our |my |his |her |their |any |good )?(?:school |field |class |museum |"
         r"day |year \d+ |\w+ )?(?:trips?|excursions?|outings?|crowded places|holidays?|camp|picnic|festival|concert|"
         r"fair|office|workplace)\b"),
        (r"(?:(?:school|field|class|museum|day)(?:[’']s)? )?(?:trip|excursion|outing|office|workplace|school[’']s) "
         r"safety plans?\b"),
        r"safety plans?\b(?= (?:for|covers|includes) (?:[\w’']+ ){0,4}(?:trip|excursion|buddy|fire|field))",
        (r"safety plans?\b(?=[^.!?]{0,60}?\b(?:buddy|head ?counts?|meeting (?:spot|point)|first-aid kit|"
         r"sunscreen)\b)"),
        r"(?:school|field|class|museum) trips?\b[^.!?]{0,40}?\bsafety plans?\b",
        r"buried (?:a|the|our|their) time capsule\b",
        r"(?:tornado|fire|earthquake|bushfire|flood|hurricane|storm|evacuation) (?:drills?|plans?|warnings?|watch|alarms?)\b",
        r"(?:the )?fire (?:brigade|department|station)\b(?![^.!?]*\b(?:pulled|rescued|found|saved|carried)\b)",
        r"(?:flood|leak|burst pipe) in (?:our|the|my) (?:basement|cellar|garage|kitchen|bathroom|loft)\b",
        r"(?:the )?shooting (?:schedule|season|range|script|day|days|location|crew|practice)\b",
        r"(?:funeral|death) scenes? in (?:a|the|that|this) (?:movie|film|show|series|book|play)\b",
        r"(?:their|his|her|your) passing (?:drills?|game|skills|practice)\b",
        (r"(?:cat|kitten|dog|puppy|hamster|rabbit) (?:\w+ )?scratched (?:my|his|her|your) (?:arm|arms|hand|hands|leg|"
         r"legs|face)\b"),
        # round 16 (words8): a CPR refresher class, help "in an emergency" one is ready to give, an exercise on flood
        # response, a funeral home become a coffee shop, funeral potatoes
        r"cpr (?:refresher|recertification|certification|first[- ]aid|basics) (?:class|classes|course|courses|training|session)\b",
        r"(?:could|can|would|know how to|ready to|able to) (?:help|respond|act|stay calm) in an emergency\b",
        (r"(?:tabletop|training|mock|practice) (?:exercises?|drills?|sessions?) (?:on|for|about) (?:\w+ )?(?:flood|fire|"
         r"earthquake|hurricane|storm|tornado|disaster|emergency|mass[- ]casualty)(?: response| preparedness)?\b"),
        (r"(?:old |former )funeral (?:home|parlou?r)\b(?=[^.!?]{0,40}?\b(?:became|turned into|is now|converted|cafe|"
         r"café|coffee|restaurant|apartments|bar)\b)"),
        r"funeral potatoes\b",
        (r"(?:the )?crisis at work\b(?=[^.!?]{0,30}?\bwas (?:a|an|the) (?:missed|late|lost|broken|delayed|printer|"
         r"deadline|shipment|order|server|typo)\b)"))),
    # round 20 (e-footer, issue 19 point 3: outside readers' false footers): "unsafe" as anxiety reads an ordinary
    # thing ("rest can feel unsafe", "slowing down feels unsafe"), trauma or grief named in a list of what a practice
    # helps with, a loss that is a change of life, not a death; "unsafe" and a loss are everyday only while the rest
    # of their sentence names no person, no home and no harm ("relaxing feels unsafe when he comes home angry" stays
    # flagged), and a listed trauma or grief only beside two ordinary conditions, the list's other words still read
    ("unsafe, trauma, grief and loss in a practice's ordinary words", (
        (r"(?:rest|resting|relaxing|relaxation|to relax|to rest|slowing down|to slow down|stillness|being still|"
         r"quiet|silence|calm|doing nothing|downtime|free time|a day off|time off|taking a break|saying no|to say no|"
         r"asking for help|to ask for help|showing (?:your |my |their )?(?:feelings|emotions|needs)|being seen|"
         r"vulnerability|being vulnerable|opening up|to open up|letting go|to let go|change|uncertainty|not knowing|"
         r"making mistakes|mistakes|failure|failing|success|pleasure|joy|happiness|feeling good|hope|trusting "
         r"(?:yourself|your feelings|your body|your gut)|(?:a |any |the )?(?:new|unfamiliar|ordinary|everyday) "
         r"(?:situations?|places?|tasks?|routines?)|switching off|logging off|unplugging|(?:a |an )?(?:free|quiet|slow|"
         r"lazy|empty|unplanned) (?:weekend|evening|day|morning|afternoon|hour|moment)s?)"
         r"(?: (?:can|may|might|could|often|still|sometimes|will|would|starts? to|begins? to|tends? to))*"
         r"(?: (?:feel|feels|felt|seem|seems|seemed))+ (?:\w+ (?:and |or )?)?unsafe\b" + _NO_PERSON_OR_HARM),
        (r"(?:feel|feels|felt|feeling) unsafe (?:to (?:rest|relax|slow down|stop|say no|ask for help|be still|do nothing)|"
         r"(?:resting|relaxing|slowing down|stopping|saying no|doing nothing|being (?:still|quiet|idle|vulnerable|seen)))\b"
         + _NO_PERSON_OR_HARM),
        (r"(?:nervous system|body|brain|mind|alarm system|amygdala)\b(?: [\w’']+){0,4}? (?:reads?|treats?|registers?|"
         r"sees?|takes?|perceives?|interprets?|labels?|flags?) (?:\w+ ){1,5}?as (?:\w+ )?unsafe\b" + _NO_PERSON_OR_HARM),
        _PRACTICE_LIST,
        (r"(?:an empty nest|the empty nest|retirement|retiring|redundancy|being made redundant|moving (?:house|home|away|"
         r"abroad|out)|a (?:house )?move|graduation|graduating|leaving (?:school|university|college|home|a job|work)|"
         r"a career change|changing careers|the end of (?:a|your|their) (?:job|career|friendship|season|chapter|"
         r"course)|a friendship ending|children leaving home|kids leaving home)"
         r"(?: (?:can|may|might|could|often|still|sometimes|will|would))* (?:feel|feels|felt|seem|seems|be|is|was) "
         r"(?:like )?(?:a |an )?(?:real |kind of |sort of |big |huge |genuine )?loss\b" + _NO_PERSON_OR_HARM),
        (r"(?:friendships?|relationships?|hobb(?:y|ies)|routines?|traditions?|group chats?|conversations?|habits?)\b"
         r"(?: [\w’']+){0,3}? (?:die|dies|died) (?:a|an) (?:quick|slow|natural|quiet|swift|sudden|painless|"
         r"gradual) death\b"),
        (r"(?:friendships?|hobb(?:y|ies)|routines?|traditions?|group chats?|habits?)" + _PLAIN_WORDS + r" (?:died|dies|dying|"
         r"is dead|was dead)\b" + _NO_PERSON_OR_HARM),
        # grief for a job, a friendship or a plan, in one sentence that names no person, no home and no harm (its
        # opening words looked for first: the look at the rest of the sentence is then made where one of them stands,
        # not at every word of every text holding "grief")
        (r"(?=los|leav|left|saying goodbye to|the end of)" + _NO_PERSON_OR_HARM + r"(?:los(?:e|es|ing|t)|leav(?:e|es|ing)|left|saying goodbye to|the end of) (?:a |an |your |"
         r"my |the |our )?(?:\w+ )?(?:job|career|role|friendship|plans?|routine|season|chapter|course|team|city|"
         r"identity|abilities|independence)\b[^.!?]{0,50}?\b(?:grie(?:f|ve|ving|ved)|mourn(?:ing|s|ed)?)\b"),
        r"(?:feel|feels|felt|feeling) like (?:a )?(?:small|little|tiny|kind of|sort of) death\b" + _NO_PERSON_OR_HARM,
        r"(?:feel|feels|felt|seem|seems|seemed) (?:like )?(?:a )?life[- ](?:or|and)[- ]death\b" + _NO_PERSON_OR_HARM,
        (r"(?:feel|feels|felt|feeling) like (?:a |an )?(?:slow|small|little|mini|constant|daily|low-level|minor) "
         r"crisis\b" + _NO_PERSON_OR_HARM),
        # panic's feeling of dying (panic attacks do not count by themselves: "What makes a tip sensitive")
        (r"(?:panic|a panic attack|panic attacks|an anxiety attack|anxiety attacks)" + _PLAIN_WORDS + r" feel(?:s|ing)? "
         r"(?:like|as if|as though) (?:you are|you[’']re|you were|i am|i[’']m|i was|they are|they[’']re|you[’']ll|you will|"
         r"i[’']ll|i will) (?:dying|going to die|about to die)\b" + _NO_PERSON_OR_HARM),
        (r"feel(?:s|ing)? (?:like|as if|as though) (?:you are|you[’']re|you were|i am|i[’']m|i was|they are|they[’']re) "
         r"(?:dying|going to die|about to die)\b(?=[^.!?]{0,60}?\b(?:panic|anxiety attack))" + _NO_PERSON_OR_HARM))),
    # round 22 (footers): a divorce in which the children need lose neither parent; a bump of a car with no one hurt
    ("a parent kept through a divorce, a car accident that dented a bumper", (
        r"(?:divorce|separation|separating|co-parenting)\b[^.!?]{0,40}?\blose (?:either|one|a) parent\b",
        r"(?:minor|small|little) (?:car |road |traffic )?(?:accident|crash|collision|bump)\b" + _NO_PERSON_OR_HARM,
        r"fender[- ]benders?\b",
        (r"(?:accident|crash|collision) with only (?:a |some )?(?:\w+ )?(?:bumper|scratch\w*|dent\w*)\b"
         + _NO_PERSON_OR_HARM))),
)

# The topics whose tips a person reads one at a time, never approved in one command with others (a user trial: two
# tips under a heading of suicide were in approve's ready-made command with ten of grief), each with how it is said.
READ_ALONE = {"suicide, in its own words": "suicide", "wanting to die or not to be here, without the words":
              "wanting to die", "self-harm": "self-harm"}

_FOUND = Lexicon([p for _, patterns in TOPICS for p in patterns])
_READ_ALONE = tuple((said, Lexicon(patterns)) for topic, patterns in TOPICS if (said := READ_ALONE.get(topic)))
_EVERYDAY = Lexicon([p for _, patterns in EVERYDAY for p in patterns])


@per_split  # a text is blanked for the lexicon, for the topic reader and for the grief words: once per split
def without_everyday(text: str) -> str:
    """The text with its everyday phrases blanked out (same length, so places in it are places in the text)."""
    for start, end in _EVERYDAY.spans(text):
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def is_sensitive_text(text: str) -> bool:
    return bool(sensitive_phrases(text))


@per_split  # a heading is asked about with every tip under it, a sentence as a tip's and as one left out
def sensitive_phrases(text: str) -> tuple[str, ...]:
    """The phrases that make the text sensitive, as written (lower case, spaces folded): the lexicon's, in order, no
    repeats; or, when it names none, the words that made the topic reader (scheduler.tips.topicmodel) flag it."""
    return lexicon_phrases(text) or topic_words(without_everyday(text))


@functools.lru_cache(maxsize=4096)
def lexicon_phrases(text: str) -> tuple[str, ...]:
    """The lexicon's phrases in the text, as written (lower case, spaces folded), in order, no repeats."""
    plain = without_everyday(text)
    return tuple(dict.fromkeys(" ".join(plain[start:end].lower().split()) for start, end in _FOUND.spans(plain)))


def read_alone_topic(text: str) -> str | None:
    """What the text speaks of among the READ_ALONE topics ("suicide", "wanting to die", "self-harm"), the first
    in the lexicon's order; None when it speaks of none of them (its everyday phrases blanked out, as for the flag)."""
    plain = without_everyday(text)
    return next((said for said, rule in _READ_ALONE if rule.search(plain)), None)
