"""Bluesky's secrets and address from the environment (or .env): BLUESKY_APP_PASSWORD and
BLUESKY_PDS_URL (default https://bsky.social); and what a Bluesky handle looks like.

Loaded with the settings on every command, so it imports nothing heavy.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from scheduler.errors import ConfigError, redacted
from scheduler.networks.base import mask

DEFAULT_PDS_URL = "https://bsky.social"
PASSWORD_NAME = "BLUESKY_APP_PASSWORD"
PDS_NAME = "BLUESKY_PDS_URL"
# A handle is a domain name (atproto handle syntax): two or more labels, the last not starting with a digit.
_HANDLE = re.compile(r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$")


@dataclass(frozen=True)
class BlueskyAccess:
    app_password: str | None
    pds_url: str = DEFAULT_PDS_URL

    def __repr__(self) -> str:  # never let the password reach a log or a traceback
        return f"BlueskyAccess(app_password={mask(self.app_password)}, pds_url={self.pds_url!r})"

    __str__ = __repr__


def parse_access(environ) -> BlueskyAccess | None:
    """BlueskyAccess from the environment, None when neither variable is set; bad values: ConfigError."""
    password = (environ.get(PASSWORD_NAME) or "").strip()
    url = (environ.get(PDS_NAME) or "").strip()
    if not password and not url:
        return None
    return BlueskyAccess(app_password=password or None, pds_url=parse_pds_url(url) if url else DEFAULT_PDS_URL)


def parse_pds_url(url: str) -> str:
    """The PDS address without a trailing slash: http(s)://host[:port] and nothing after it."""
    shown = redacted(url.encode("unicode_escape").decode("ascii"))
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises on a bad port
    except ValueError:
        parts = None
    if parts is None or parts.scheme not in ("http", "https") or not parts.hostname:
        raise ConfigError(f"environment: {PDS_NAME}={shown!r} is not a URL; write the address of your "
                          f"Bluesky server, e.g. {PDS_NAME}={DEFAULT_PDS_URL}, or leave it unset for that")
    if parts.path.strip("/") or parts.query or parts.fragment or "@" in parts.netloc:  # no user:password@
        raise ConfigError(f"environment: {PDS_NAME}={shown!r} has more than a server address; write only "
                          f"scheme, host and port, e.g. {PDS_NAME}={DEFAULT_PDS_URL}")
    return f"{parts.scheme}://{parts.netloc}"


def handle_problem(handle: str) -> str | None:
    """What is wrong with a Bluesky handle (None when it has the right form), saying how to write it."""
    if "@" in handle.lstrip("@"):
        return (f"{handle!r} looks like an e-mail or Mastodon address; a Bluesky handle is a domain name, "
                "e.g. junocounseling.bsky.social")
    if handle.startswith("@"):
        return f"write the Bluesky handle without the @: handle: {handle[1:]}"
    if "." not in handle:
        return (f"{handle!r} is not a Bluesky handle; write the full domain handle, e.g. "
                f"{handle.lower()}.bsky.social")
    if not _HANDLE.match(handle.lower()):
        return (f"{handle!r} is not a Bluesky handle; write the full domain handle (letters, digits and "
                "hyphens between dots), e.g. junocounseling.bsky.social")
    return None
