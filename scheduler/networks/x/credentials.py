"""X's four OAuth 1.0a secrets, in an object that never shows them (the publisher and the account rules share it)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from scheduler.networks.base import mask


@dataclass(frozen=True)
class Credentials:
    api_key: str
    api_secret: str
    access_token: str
    access_token_secret: str

    def __repr__(self) -> str:  # never let a secret reach a log or a traceback
        return f"Credentials(api_key={mask(self.api_key)}, access_token={mask(self.access_token)}, ...)"

    __str__ = __repr__

    @property
    def fingerprint(self) -> str:
        """A stable name for this set of credentials that reveals nothing of them."""
        joined = f"{self.api_key}\0{self.api_secret}\0{self.access_token}\0{self.access_token_secret}"
        return hashlib.sha256(joined.encode()).hexdigest()[:16]
