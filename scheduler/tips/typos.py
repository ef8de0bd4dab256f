"""Words a copy often gets wrong ("alot", "Its a", "could of"): a review note on the tip, never a change to it."""

from __future__ import annotations

import re

_MISSPELLED = frozenset(["alot", "definately", "definatly", "seperate", "seperately", "recieve", "recieved", "untill", "wich", "thier", "becuase", "beleive", "belive", "occured", "occurence", "tommorow", "tomorow", "accomodate", "acheive", "arguement", "begining", "calender", "comming", "concious", "embarass", "enviroment", "existance", "familar", "finaly", "foward", "freind", "goverment", "grammer", "happend", "independant", "knowlege", "libary", "neccessary", "noticable", "occassion", "persue", "posession", "prefered", "realy", "reccomend", "recomend", "relevent", "remeber", "responsiblity", "rythm", "sucess", "suprise", "truely", "wierd", "writting", "excercise", "anxeity", "anxitey", "theraphy", "relationsip"])
_CONFUSED = re.compile(r"\b(?:Its (?:a|an|the|not|okay|ok|normal|important|hard|easy|never|always|so|very|just|"
                       r"also|natural|common|true|time|been)|(?:could|should|would|must) of|your welcome|"
                       r"(?:at|to|on|with|from|for) there (?:own|desk|home|house|room|kids|child|children|partner|"
                       r"parents|family|friends|feelings|needs|best|way|phone|school|work|bed))\b")
_WORD = re.compile(r"[A-Za-z]+")


def typo_notes(text: str) -> list[str]:
    """`source sentence has a typo? (alot, Its a)` when the text holds a common misspelling or mix-up."""
    found = [word for word in _WORD.findall(text) if word.lower() in _MISSPELLED]
    found += [match.group(0) for match in _CONFUSED.finditer(text)]
    return [f"source sentence has a typo? ({', '.join(dict.fromkeys(found))})"] if found else []
