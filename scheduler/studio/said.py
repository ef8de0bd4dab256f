"""What the studio says after a change: the whole sentence, and a phone's one line made from the change's parts
(what happened, to how many, when or where next), never read back out of the sentence."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Self

from scheduler.results import counted


@dataclass(frozen=True)
class Done:
    """What an action did, in its parts: what happened, to how many of what, and when or where next. A phone's
    one line is made from these (never read back out of the sentence written beside it)."""

    what: str                 # "Approved", "Skipped", "Moved a day later"
    count: int | None = None  # how many; None: the one thing the page is about (the tip, the post)
    noun: str = "post"
    then: str = ""            # when or where next: "goes out Mon 07 Dec 08:34 on X", "Undo puts them back"
    undoable: bool = True     # Undo beside it takes this back (False: nothing changed)

    @property
    def short(self) -> str:
        head = self.what if self.count is None else f"{self.what} {counted(self.count, self.noun)}"
        return f"{head} · {self.then}" if self.then else head


class Said(str):
    """A message with what a phone shows of it first (`short`: what happened, to how many, when or where next; no
    tip id), made from the action's `Done`: its whole text stays the status a screen reader reads and shows on a
    tap. `undoable`: Undo is offered beside it."""

    short: str
    undoable: bool

    def __new__(cls, text: str, done: Done) -> Self:
        said = super().__new__(cls, text)
        said.short = done.short
        said.undoable = done.undoable
        return said


__all__ = ["Done", "Said"]
