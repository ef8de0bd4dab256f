"""An everyday word never puts the crisis footer on a tip by itself (issue 19, item 3; user trial, round 21).

A user trial found ordinary tips flagged by the topic reader with an everyday verb as the whole reason: "…it shapes
how we see ourselves" ("see") and "…you can leave the room, or end the call" ("leave"). The lists below were written
for this test, in the words of everyday advice on boundaries, parenting, work and relationships, and are never
trained on (the corpus's batch 21-verbs holds other sentences): none of the ordinary ones may be flagged, and every
sensitive one, told with the same everyday words, must be.
"""

from __future__ import annotations

import pytest

from scheduler.tips.flags import sensitive_words
from scheduler.tips.sentences import fold, words
from scheduler.tips.topicmodel import load_model, topic_words

# the user trial's two tips, as whole sentences
TRIAL = [
    "The things our parents said about us as children stay with us, and it shapes how we see ourselves.",
    "If a family member keeps criticizing you, you can leave the room, or end the call.",
]

ORDINARY = [
    "Ask your partner how they see the week ahead before you plan the weekend.",
    "The words we use about ourselves shape how we see ourselves, so speak to yourself like a friend.",
    "If a call with your mother turns into criticism, you can say goodbye and end the call.",
    "You can leave the room, take three breaths, and come back to the conversation.",
    "When your child sees you apologize, they learn that repair is normal.",
    "Leave ten minutes between meetings so you can stretch and drink some water.",
    "It's all right to leave a voicemail instead of waiting for the perfect moment to talk.",
    "If your coworker keeps taking credit, see whether a shared project log helps.",
    "Seeing friends once a week keeps loneliness at bay during a busy season.",
    "Let your teen see you make a plan when you feel overwhelmed.",
    "Keep the bedroom for sleep and leave the laptop on the kitchen table.",
    "When you leave the office, name one thing you finished today.",
    "Boundaries with family can sound simple: \"We'll come for lunch, and we'll leave at three.\"",
    "If your neighbour's music keeps you awake, knock and ask whether they can turn it down after ten.",
    "Stop and notice how your shoulders feel after an hour at the desk.",
    "Some children hide their vegetables under a napkin; keep dinner light and don't make it a battle.",
    "Hold your ground on screen time even when your kid says everyone else has a phone.",
    "Nobody gets every parenting decision right, and that's fine.",
    "Call a friend on your commute instead of scrolling.",
    "When you find yourself rehearsing an argument in the shower, write it down and decide whether to raise it.",
    "It's normal to see your partner differently after the first baby arrives.",
    "Leave the small stuff: not every annoyance needs a conversation.",
    "Come home, change clothes, and give yourself fifteen quiet minutes before dinner.",
    "If your kids leave their shoes in the hall every day, put a basket by the door.",
    "Ask your manager to see the priorities for the quarter in writing.",
    "Friends who see you at your worst and stay are worth keeping close.",
    "A short walk away from your desk can reset a frustrating afternoon.",
    "When your partner goes quiet, ask whether they want advice or just company.",
    "End your work day at the same time each evening, even when you work from home.",
    "Try to see criticism at work as information, not a verdict on you.",
    "Kids who see their parents disagree respectfully learn to do it themselves.",
    "If your sister always calls during dinner, tell her a better time to reach you.",
    "Go to bed when you're tired, not when the show ends.",
    "You can leave a book unfinished if it isn't working for you.",
    "Keep a list of things you're looking forward to and add to it every week.",
    "You may see things differently once you've both slept on it.",
    "When a toddler won't leave the playground, give a two-minute warning and a song for the walk to the car.",
    "Leave a little slack in the budget for fun; strict plans break.",
    "Stay curious about what your partner means instead of guessing.",
    "Anyone who has started a new job knows the first month is tiring.",
    "If your dad offers advice you didn't ask for, thank him and decide later whether to use it.",
    "It's okay to end a friendship that only ever takes from you.",
    "See your doctor for a check-up if you've been more tired than usual for weeks.",
    "Parents who see a teacher as a partner often get more help for their child.",
    "If you leave the kitchen tidy at night, the morning feels calmer.",
    "Hold space for your teenager's opinions even when you disagree.",
    "My brother came over for dinner, and we finally talked about sharing the holidays fairly.",
    "When your child finds homework hard, sit nearby without taking over.",
    "You can stop a conversation that turns into name-calling and pick it up later.",
    "Leave your worries on paper before bed: a notepad on the nightstand helps.",
    "Everyone needs a place at home that is just theirs, even if it's a chair by the window.",
    "Let calls from work go unanswered on your day off unless you've agreed otherwise.",
    "If your partner sees chores differently, write down who does what for a week.",
    "The way you see a setback shapes what you try next.",
    "Leaving a group chat that drains you can feel rude, but your peace matters.",
    "Your kids will see you're human when you say, \"I got that wrong.\"",
]

SENSITIVE = [
    "He won't let me leave the house without telling him where I'm going.",
    "She threatened to leave with the kids and make sure I never see them again.",
    "I can still see the car coming toward us every time I close my eyes.",
    "My husband decides who I'm allowed to see and checks my messages every night.",
    "Since my mum died, I can't bring myself to clear out her room.",
    "I don't see the point in living anymore.",
    "He said if I ever leave, he'll kill himself.",
    "When she left the hospital after the overdose, nobody called to check on her.",
    "My son hides the cuts on his arms so we won't see them.",
    "I keep thinking everyone would be better off if I just disappeared.",
    "He hit me again last night and I'm scared to go home.",
    "After the funeral, I couldn't bear to see his coat on the hook.",
    "If someone tells you they're thinking of ending their life, stay with them and call 988.",
    "My stepfather touched me when I was nine and told me not to tell anyone.",
    "She saw her friend drown at the lake and hasn't slept properly since.",
    "We lost the baby at twenty weeks, and I can't face seeing anyone.",
    "He grabbed her by the throat when she tried to leave.",
    "I've started hurting myself again when the house is quiet.",
    "Since the shooting at school, my daughter won't leave my side.",
    "Dad's cancer is terminal, and we're learning to say goodbye.",
    "If your partner won't let you leave or see your friends, that is abuse, and help is there.",
    "My brother took his own life last spring, and I keep seeing his face in crowds.",
    "After the assault, she couldn't leave her flat for weeks.",
    "I'm afraid of what he'll do to me if I try to leave.",
    "Grandma is in hospice now, and we take turns to see her every evening.",
    "The night of the fire, we watched our house burn from across the street.",
    "She left a note saying she was sorry and couldn't go on.",
    "If a friend says they want to die, don't leave them alone; call for help right away.",
]


# Known limits, named so that a change that mends one is told to move it. Round 21's "Everyone needs a place at home
# that is just theirs…" was mended in round 22 by ordinary lines of home life in the corpus (batch 22-everyday, none
# of them this sentence's words): "home" still counts alone, as weighed only in a pair it lost 24 phrasings to flag out
# of batch ("afraid to go home", "came home"; docs/splitting.md, rounds 21 and 22).
KNOWN_FLAGGED: frozenset[str] = frozenset()


@pytest.mark.parametrize("text", [pytest.param(text, marks=pytest.mark.xfail(strict=True, reason="a known limit"))
                                  if text in KNOWN_FLAGGED else text for text in TRIAL + ORDINARY])
def test_ordinary_advice_with_everyday_words_gets_no_footer(text):
    assert not sensitive_words(text), (text, sensitive_words(text))


@pytest.mark.parametrize("text", SENSITIVE)
def test_the_same_everyday_words_in_a_sensitive_tip_still_flag_it(text):
    assert sensitive_words(text), text


def test_no_word_of_the_reader_flags_a_sentence_alone():
    """The most any one word can add to a sentence's score, alone and in the pairs it opens (its reach), stays under
    what the threshold needs above the bias: a flag always stands on more than one word."""
    model = load_model()
    alone = [word for word, reach in model.reach.items() if model.bias + reach >= model.threshold]
    assert not alone, alone


@pytest.mark.parametrize("word", ["see", "leave", "call", "hold", "stop", "keep", "home", "found", "away", "alone"])
def test_an_everyday_word_in_a_plain_sentence_raises_nothing(word):
    text = f"Try to {word} a little more calmly this week."
    assert fold(word) in map(fold, words(text))
    assert not topic_words(text), topic_words(text)
