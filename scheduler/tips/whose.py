"""Whose life an instruction is about, so that a condition about someone else is not put in front of the reader's own
(user trial 4: "When your partner is going through depression, keep sleeping, eating, and moving.": whose sleep?).

An article about supporting someone tells the reader, in a section of its own, to look after themselves ("Take care
of yourself too": "Keep sleeping, eating, and moving."). A condition whose subject is that someone ("when your
partner is going through depression") put in front of such an instruction names them just before a verb with no
object, and the follower may read the sleep as theirs. The condition is left off such an instruction: one that
names no one but the reader, under a heading that tells the reader to care for themselves or saying so itself
("Take care of yourself."). An instruction that speaks of the other person ("Remember that you are their
partner") keeps its condition: there the condition says who "their" is.
"""

from __future__ import annotations

import re

from scheduler.tips.standalone import PEOPLE

# A condition whose subject is someone other than the reader: "when your partner is going through depression",
# "if a loved one refuses help", "when someone is grieving"; not "while you grieve", "after a breakup".
_SOMEONE_ELSES = re.compile(r"^(?:when|whenever|if|while|after|once|before|until|as)\s+(?:someone|somebody|"
                            r"(?:your|a|an|the)\s+(?:[\w’'-]+\s+)?(?:" + "|".join(sorted(PEOPLE)) + r"))\b",
                            re.IGNORECASE)
# The reader told to care for themselves: "Take care of yourself too", "Looking after yourself", "Self-care",
# "Make time for your own needs".
_SELF_CARE = re.compile(r"\b(?:(?:take|taking)\s+care\s+of|look(?:ing)?\s+after|car(?:e|ing)\s+for|"
                        r"mak(?:e|ing)\s+time\s+for|(?:be|being)\s+(?:kind|gentle)\s+(?:to|with))\s+yourself\b|"
                        r"\bself[- ]care\b|\byour\s+own\s+(?:needs|health|well-?being|care)\b", re.IGNORECASE)
# Anyone but the reader: a third person's pronoun or a word for a person ("their", "your partner", "friends").
_SOMEONE = re.compile(r"\b(?:they|them|their|theirs|themselves|he|him|his|she|her|hers|" + "|".join(sorted(PEOPLE))
                      + r")\b", re.IGNORECASE)


def someone_elses(condition: str) -> bool:
    """Whether the condition is another person's situation ("when your partner is going through depression")."""
    return bool(_SOMEONE_ELSES.match(condition.strip()))


def for_the_reader_alone(instruction: str, heading: str | None) -> bool:
    """Whether the instruction is about the reader's own life: it names no one else, and it or its section's heading
    tells the reader to look after themselves ("Keep sleeping, eating, and moving." under "Take care of yourself
    too"; "Take care of yourself.")."""
    if _SOMEONE.search(instruction):
        return False
    return bool(_SELF_CARE.search(instruction) or (heading and _SELF_CARE.search(heading)
                                                   and not _SOMEONE.search(heading)))
