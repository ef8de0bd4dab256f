"""No secret in any log line of any network's HTTP stack, at any level: every publisher registers its
secrets here, and a filter on the loggers that print signing details or requests masks them."""

from __future__ import annotations

import logging

# The loggers that print signing details (oauthlib, requests-oauthlib) or requests (tweepy, urllib3).
_NOISY_LOGGERS = ("requests_oauthlib.oauth1_auth", "oauthlib.oauth1.rfc5849",
                  "oauthlib.oauth1.rfc5849.signature", "tweepy.client", "urllib3.connectionpool",
                  "httpx", "httpcore.http11", "httpcore.connection")  # the last three: atproto (Bluesky)


class SecretMask(logging.Filter):
    """Replaces every registered secret in a log record's message with ***.

    It also cuts very long messages short: requests-oauthlib logs a whole multipart body (the card).
    """

    longest = 2000

    def __init__(self):
        super().__init__("secret-mask")
        self._secrets: set[str] = set()

    def add(self, *secrets: str) -> None:
        self._secrets.update(s for s in secrets if s and len(s) >= 4)

    def mask(self, text: str) -> str:
        for secret in sorted(self._secrets, key=len, reverse=True):
            text = text.replace(secret, "***")
        return text

    def filter(self, record: logging.LogRecord) -> bool:
        if not self._secrets:
            return True
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - a broken record is not ours to fix; keep it unformatted
            return True
        masked = self.mask(message)
        if len(masked) > self.longest:
            masked = f"{masked[:self.longest]}… ({len(masked)} characters in all)"
        if masked != message:
            record.msg, record.args = masked, ()
        return True


SECRET_MASK = SecretMask()


def keep_out_of_logs(*secrets: str) -> None:
    """Register secrets so that no log line of the HTTP stack shows them, at any level."""
    SECRET_MASK.add(*secrets)
    for name in _NOISY_LOGGERS:
        logger = logging.getLogger(name)
        if SECRET_MASK not in logger.filters:
            logger.addFilter(SECRET_MASK)
