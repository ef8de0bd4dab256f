"""Sensitive tips are never missed (issue 19): death, dying, self-harm, suicide, abuse or a crisis, in any words.

Every phrasing below was written for this test, in the words people use rather than the clinical ones, and must
raise the `sensitive` flag (so the post gets the crisis footer). The ordinary tips below must not.
Our choice for idioms: "dying to try", "to die for", "my phone died", "kill time", "a killer workout" are everyday
words, not a death, and raise nothing; a tip that speaks of a person's death or dying in any form does.
"""

from __future__ import annotations

import pytest

from scheduler.tips.flags import sensitive_words

SENSITIVE = [
    # wanting to die, in words other than "suicide"
    "Some days you may find yourself wanting to not wake up.",
    "If you have thought about going to sleep and never waking up, tell someone today.",
    "Feeling like everyone would be better off without you is a sign to get help now.",
    "He said he just wanted it all to end.",
    "Thoughts of ending it all can come on quietly.",
    "If you're thinking about killing yourself, you deserve support right now.",
    "Many teens who talk about wanting to disappear forever mean it.",
    "Take it seriously when a friend says they don't want to be alive anymore.",
    "Wishing you were dead is a feeling to say out loud to someone you trust.",
    "Giving away prized possessions can be a warning sign.",
    "Feeling like a burden to everyone is worth telling your doctor about.",
    "She had been planning how she would take her own life.",
    "Suicidal thoughts are more common than people think.",
    "It is okay to ask directly: are you thinking of hurting yourself?",
    "Some people cut or burn themselves to cope with pain they cannot name.",
    "Self-injury is a way of coping, not a bid for attention.",
    "If you can't see a way out, talk to someone tonight.",
    "Feeling like you can't go on is a reason to reach out, not to wait.",
    # death, dying and life after a loss
    "Life after losing my mother felt like walking through fog.",
    "The first Christmas without Dad can be the hardest.",
    "When a parent dies, old family roles often return.",
    "Children understand death differently at each age.",
    "Sitting with a dying friend is one of the hardest things we do.",
    "The anniversary of a loved one's death can bring grief back.",
    "After the funeral, the casseroles stop and the quiet begins.",
    "Losing a pet is a real loss, and it is okay to mourn it.",
    "If your partner passed last year, holidays may feel empty.",
    "Since my husband died, I set a place for him at dinner.",
    "Talk with your children about hospice before the last weeks.",
    "A terminal diagnosis changes every conversation in a family.",
    "Coping with the loss of a pregnancy takes time.",
    "Many parents who lost a baby feel alone in their sorrow.",
    "After a sudden loss, sleep and appetite often change.",
    "Widowed partners often describe a second wave of loneliness.",
    # abuse, in plain words
    "If he hits you, it is not your fault.",
    "My partner hits me when he drinks.",
    "If someone slaps, shoves or chokes you, that is violence.",
    "No one deserves to be beaten by the person who says they love them.",
    "If you are afraid of your partner, trust that feeling.",
    "A partner who won't let you see your friends is controlling you.",
    "Controlling all the money and checking your phone is a form of control.",
    "If someone touched you without your consent, you did nothing wrong.",
    "Being forced into sex by a partner is assault.",
    "Kids who are hurt at home often hide it well.",
    "A parent who screams insults every day is doing harm.",
    "Molestation survivors often carry shame that was never theirs.",
    # crisis and danger
    "If you are in immediate danger, call 911.",
    "A panic attack is frightening, but a psychiatric emergency needs urgent care.",
    "Never leave someone alone after an overdose.",
    "If someone has a weapon and is threatening to use it, get to safety.",
    "Make a safety plan before you leave.",
]

ORDINARY = [
    "I'm dying to try the new café.",
    "That chocolate cake is to die for.",
    "My phone died halfway through the call.",
    "We kill time on our phones.",
    "This workout is killing me, in the best way.",
    "The deadline is Friday, so plan your week.",
    "You lost track of time and that's okay.",
    "Losing sleep over a work email is common.",
    "Don't beat yourself up over a missed workout.",
    "It finally hit me that I needed rest.",
    "Hit pause before you reply in anger.",
    "A dead-end job can drain your energy.",
    "Loss of appetite can come with stress.",
    "Weight loss is not a measure of worth.",
    "Pushing yourself too hard backfires.",
    "Take a break when you're flooded.",
    "Spring can feel like a fresh start for many families.",
    "Keep a glass of water by your bed.",
    "Curiosity often works better than persuasion.",
    "Plant a garden and watch it grow.",
    "Your old habits will die hard, and that's normal.",
    "The argument died down once we both sat.",
    "Let old arguments die.",
    "Breaking up is hard, even when it is right.",
    "You may lose your temper; repair afterward.",
    "Don't lose your partner's trust over small lies.",
    "Live each day with a little more kindness.",
    "A parent who listens raises a child who talks.",
    "Friends who check in on you are worth keeping.",
    "Waking up at the same time every day helps your sleep.",
    "If you are not waking up rested, look at your evenings.",
    "Kids push limits; that's their job.",
    "Don't let a bad day beat you.",
    "Put your phone away at dinner.",
]


@pytest.mark.parametrize("text", SENSITIVE)
def test_every_phrasing_of_death_self_harm_abuse_or_crisis_is_flagged(text):
    assert sensitive_words(text), text


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_tips_get_no_crisis_footer(text):
    assert not sensitive_words(text), (text, sensitive_words(text))
