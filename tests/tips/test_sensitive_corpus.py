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
    # after a critical incident or a traumatic event
    "First responders often need to talk after a critical incident, even when they say they are fine.",
    "After a traumatic event at work, a debrief with the whole team helps.",
    "Workplace trauma can show up weeks later as poor sleep and short tempers.",
    "Paramedics who saw a colleague killed on shift deserve more than a day off.",
    "After a shooting at school, children may ask the same questions for weeks.",
    "Witnessing a fatal crash can stay with you long after the scene is cleared.",
    # self-harm through its marks
    "If you notice scars on a teen's arms, ask gently and without panic.",
    "Long sleeves in summer can hide fresh cuts.",
    "Cutting is often a way to feel something when everything is numb.",
    "Burning your skin to cope with pain is a sign you need support, not judgement.",
    "Hurting your body on purpose to quiet your mind deserves care, not shame.",
    "Some teens scratch their skin until it bleeds when the feelings get too big.",
    # postpartum and perinatal crisis
    "Postpartum psychosis is rare, and it is a medical emergency.",
    "If a new mother hears voices or thinks her baby would be better off without her, get help today.",
    "Intrusive thoughts about harming your baby are common after birth; tell your midwife.",
    # overdose, not wanting to wake up, ending it
    "Keep naloxone at home if someone you love uses opioids.",
    "He took too many pills and was found just in time.",
    "Some nights she hoped she would not wake up in the morning.",
    "When someone talks about ending it, ask them plainly what they mean.",
    "If a friend says they have a plan to end things, stay with them.",
    "Feeling like you don't want to be here anymore is worth saying out loud.",
    # grief phrased as losing someone
    "Losing someone you love rearranges the whole year.",
    "When someone close to you is gone, ordinary days can feel strange.",
    "A child who lost a grandparent may ask where they went.",
    # a partner who hits or controls you
    "A partner who hits you once will often hit you again.",
    "If your partner controls where you go and who you see, that is not love.",
    "Walking on eggshells so he won't explode is a sign of an unsafe home.",
    "A boyfriend who tracks your location and reads your messages is controlling you.",
    # sexual assault
    "Being raped by someone you know is still rape.",
    "If you were made to have sex when you did not want to, you can still report it.",
    "After an unwanted sexual experience, many people blame themselves.",
    # child abuse phrased indirectly
    "A child who flinches when an adult raises a hand may be hit at home.",
    "Bruises a child can't explain are worth a quiet question.",
    "An adult who asks a child to keep secrets from their parents is a red flag.",
    # in danger, emergency
    "If you or someone else is in danger, call emergency services.",
    "In an emergency, go to the nearest hospital.",
    "If your child is in danger, leave first and plan later.",
    "This is an emergency: call your local crisis line now.",
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
    # borderline words that are not a death, a wound or a crisis (docs/splitting.md says why)
    "I'm dying to see how the garden turns out this spring.",
    "Kill time in the waiting room with a breathing exercise.",
    "A deadline can push you to start, not just to finish.",
    "A shot of espresso after 3 pm may cost you sleep.",
    "Cut back on screen time an hour before bed.",
    "Cut your to-do list in half and see what still matters.",
    "Scar tissue from surgery can ache when the weather turns.",
    "A crisis of confidence before a big presentation is normal.",
    "Stretch before a run so you don't hurt your back.",
    "That joke killed at the office party.",
    "Burning the midnight oil rarely pays off.",
    "Don't burn out: rest is part of the work.",
    "Losing your keys again? Put a hook by the door.",
    "Losing track of your goals is a sign to write them down.",
    "Hit the reset button with a walk outside.",
    "Shoot for progress, not perfection.",
    "Take a shot at the hobby you keep postponing.",
    "An emergency fund of three months' pay lowers money stress.",
    "Keep an emergency snack in your bag for long afternoons.",
    "Water your plants before they wilt.",
    "The end of the school year brings its own kind of tiredness.",
    "End the day by writing down one thing that went well.",
    "Time to wake up earlier? Move your alarm by ten minutes a week.",
    "Being in danger of burnout means it is time to say no.",
    "Your marriage is in danger if you stop talking to each other.",
    "You're better off without him if he never keeps his word.",
    "Budget cuts at work can leave everyone short-tempered.",
    "Your partner controls the thermostat? Agree on a setting together.",
]


@pytest.mark.parametrize("text", SENSITIVE)
def test_every_phrasing_of_death_self_harm_abuse_or_crisis_is_flagged(text):
    assert sensitive_words(text), text


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_tips_get_no_crisis_footer(text):
    assert not sensitive_words(text), (text, sensitive_words(text))
