"""What the Queue and the Calendar show: one campaign, one network, one state, and words to search for.

The filters travel in the page's address (`/queue?campaign=...&network=x&state=queued&q=words`), so a filtered
page can be bookmarked, reloaded and returned to after a change. A value that names nothing (a campaign that
is not there, a state the page does not know) is a bad request with its own message, never an empty page.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from urllib.parse import urlencode

# labels in the words the rows, status and run-due use (results.STATE_WORDS): "failed" is retrying (with "dead",
# failed for good), "missed" is a post moved to a later slot
STATES = {"draft": "Waiting for approval", "queued": "Queued", "failed": "Retrying or failed for good",
          "missed": "Moved", "posted": "Posted", "simulated": "Simulated (outbox, not posted)", "skipped": "Skipped"}
CALENDAR_STATES = ("queued", "failed", "missed", "posted", "simulated")  # what a calendar day can hold
ALIKE = {"queued": ("claimed",), "failed": ("dead",)}
MAX_SEARCH = 200


class UnknownFilter(ValueError):
    """A filter names what the page cannot show; the message says what it can."""


@dataclass(frozen=True)
class Filters:
    campaign: str = ""
    network: str = ""
    state: str = ""
    search: str = ""

    @classmethod
    def read(cls, query: Mapping[str, str], campaigns: Iterable[str], networks: Iterable[str],
             states: Iterable[str] = tuple(STATES)) -> Filters:
        """The filters in a page's query string, each checked against what the page can show."""
        found = cls(campaign=query.get("campaign", "").strip(), network=query.get("network", "").strip(),
                    state=query.get("state", "").strip(), search=" ".join(query.get("q", "").split())[:MAX_SEARCH])
        for name, value, known in (("campaign", found.campaign, set(campaigns)),
                                   ("network", found.network, set(networks)), ("state", found.state, set(states))):
            if value and value not in known:
                choices = ", ".join(sorted(known)) or "none yet"
                raise UnknownFilter(f"{name}={value[:60]!r}: there is no such {name} here; pick one of: {choices}")
        return found

    @property
    def active(self) -> bool:
        return bool(self.campaign or self.network or self.state or self.search)

    def query(self, **extra: str) -> str:
        """The filters (and `extra`, such as the calendar's mode and day) as a query string, empty ones left out."""
        pairs = {"campaign": self.campaign, "network": self.network, "state": self.state, "q": self.search, **extra}
        return urlencode({key: value for key, value in pairs.items() if value})

    def shows(self, *, campaign: str, network: str | None, state: str, words: Iterable[str | None]) -> bool:
        """Whether a post (or a draft tip, whose network is None: it goes to every network) passes the filters.

        "queued" also shows a post being posted right now (claimed), "failed" one that will not be tried again
        (dead)."""
        if self.campaign and campaign != self.campaign:
            return False
        if self.network and network is not None and network != self.network:
            return False
        if self.state and state != self.state and state not in ALIKE.get(self.state, ()):
            return False
        if self.search:
            haystack = " ".join(word for word in words if word).casefold()
            return all(term in haystack for term in self.search.casefold().split())
        return True


__all__ = ["CALENDAR_STATES", "STATES", "Filters", "UnknownFilter"]
