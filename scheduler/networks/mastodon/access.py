"""Mastodon's part of the configuration: the handle's form, the access token and instance from the
environment (or .env), and the instance's limits as `check` last read them.

The limits live in .juno/mastodon-instance.json (no secret in it): queue checks a tip's length
against the instance's own limit; until `check` or a run has read it, Mastodon's default 500.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from pathlib import Path

from scheduler.errors import ConfigError, JunoError, redacted
from scheduler.fileio import read_input, write_atomic
from scheduler.networks.base import mask

TOKEN_NAME, BASE_NAME = "MASTODON_ACCESS_TOKEN", "MASTODON_API_BASE"
DEFAULT_MAX_CHARACTERS = 500
URL_LENGTH = 23
DESCRIPTION_LIMIT = 1500
LIMITS_FILE = "mastodon-instance.json"

_HANDLE = re.compile(r"^@([A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?)@((?:[A-Za-z0-9-]+\.)+[A-Za-z0-9-]{2,})$")
_BASE = re.compile(r"^https?://[^/\s?#@]+$")  # no user:password@: an instance takes its token alone
SCOPES = "write:statuses write:media read:accounts read:statuses"
HOW_TO_GET_A_TOKEN = (f"on your instance open Preferences > Development > New application, tick the scopes {SCOPES}, "
                      f"save, open the application and copy 'Your access token' into {TOKEN_NAME}")


def parse_handle(handle: str) -> tuple[str, str] | None:
    """(user, domain) of a Mastodon handle written @user@domain, or None when it is not one."""
    match = _HANDLE.match(handle.strip())
    return (match.group(1), match.group(2).lower()) if match else None


def handle_problem(handle: str) -> str | None:
    """What is wrong with a Mastodon handle, or None."""
    if parse_handle(handle):
        return None
    bare = handle.strip().lstrip("@")
    if "@" not in bare and "." not in bare:
        return (f"{handle!r} is not a Mastodon handle: write it with its instance, "
                f"\"@{bare or 'user'}@mastodon.social\"")
    return f"{handle!r} is not a Mastodon handle; write it as \"@user@instance.domain\""


@dataclass(frozen=True)
class MastodonAccess:
    access_token: str
    api_base: str

    def __repr__(self) -> str:
        return f"MastodonAccess(access_token={mask(self.access_token)}, api_base={self.api_base})"

    __str__ = __repr__

    @property
    def fingerprint(self) -> str:
        return hashlib.sha256(f"{self.api_base}\0{self.access_token}".encode()).hexdigest()[:16]


def parse_access(env: Mapping[str, str]) -> MastodonAccess | None:
    """MASTODON_ACCESS_TOKEN and MASTODON_API_BASE from the environment, or None when neither is set."""
    token = (env.get(TOKEN_NAME) or "").strip()
    base = (env.get(BASE_NAME) or "").strip()
    if not token and not base:
        return None
    if not base:
        raise ConfigError(f"environment: {BASE_NAME} is not set; set it to your instance's address, "
                          "e.g. https://mastodon.social")
    base = base.rstrip("/")
    if not _BASE.match(base):
        raise ConfigError(f"environment: {BASE_NAME}={redacted(base)!r} is not an address; write the instance's address alone "
                          "with its scheme (no user:password@, path or query), e.g. https://mastodon.social")
    if not token:
        raise ConfigError(f"environment: {TOKEN_NAME} is not set; {HOW_TO_GET_A_TOKEN}")
    return MastodonAccess(access_token=token, api_base=base)


@dataclass(frozen=True)
class InstanceLimits:
    api_base: str | None = None
    domain: str | None = None
    max_characters: int = DEFAULT_MAX_CHARACTERS
    url_length: int = URL_LENGTH
    description_limit: int = DESCRIPTION_LIMIT


_SANE = {"max_characters": (100, 1_000_000), "url_length": (1, 1000), "description_limit": (100, 1_000_000)}


def read_limits(state_dir: Path) -> InstanceLimits:
    """The limits `check` or a run last read from the instance; Mastodon's defaults until then, and whenever
    the file is not what this tool writes (a cache: a run reading the instance writes it again)."""
    path = Path(state_dir) / LIMITS_FILE
    try:
        data = json.loads(read_input(path, str(path), error=ConfigError, limit=64 * 1024).decode("utf-8"))
    except (ConfigError, ValueError):
        return InstanceLimits()
    if not isinstance(data, dict) or not _sane(data):
        return InstanceLimits()
    return InstanceLimits(**{k: data[k] for k in InstanceLimits.__dataclass_fields__ if k in data})


def _sane(data: dict) -> bool:
    """Every field of the right type and a limit an instance could have (not 10 characters, not text)."""
    for name, (low, high) in _SANE.items():
        value = data.get(name, getattr(InstanceLimits, name))
        if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
            return False
    return all(data.get(name) is None or isinstance(data[name], str) for name in ("api_base", "domain"))


def remember_limits(state_dir: Path, limits: InstanceLimits) -> None:
    """Write the cache (again); one that cannot be written is left alone: the limits are read again next run."""
    if read_limits(state_dir) == limits:
        return
    try:
        Path(state_dir).mkdir(parents=True, exist_ok=True)
        write_atomic(Path(state_dir) / LIMITS_FILE, json.dumps(asdict(limits), indent=2) + "\n", cache=True)
    except (OSError, JunoError):
        logging.getLogger(__name__).warning("could not write %s; the instance's limits are read again next run",
                                            Path(state_dir) / LIMITS_FILE)


def mastodon_length(text: str, url_length: int = URL_LENGTH) -> int:
    """How Mastodon counts a status: grapheme clusters, every URL as `url_length` characters."""
    # lazy: regex and twitter-text (about a second) only to count a text; run-due's fast path loads this module
    import regex
    from twitter_text import extract_urls_with_indices

    found = extract_urls_with_indices(text)
    for url in sorted(found, key=lambda u: -u["indices"][0]):
        start, end = url["indices"]
        text = text[:start] + text[end:]
    return len(regex.findall(r"\X", text)) + url_length * len(found)
