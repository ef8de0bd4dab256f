"""One small hierarchy of expected errors. Each writes its own message, saying what to do.

The CLI turns these into one line `error: ...` and an exit code; anything else is a bug
and shows a traceback only with --debug.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any, Literal, TextIO
from urllib.parse import unquote

# Characters that act on a terminal or reorder what a reader sees instead of being read: C0 and C1 controls
# (ESC starts escape sequences, NUL, BEL, CR that overwrites a line), DEL, and the bidi embeddings, overrides
# and isolates U+202A-U+202E, U+2066-U+2069 ("Trojan source"). Newline and tab are text.
_UNSAFE = "\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069"
_UNSAFE_IN_TEXT = re.compile(f"[{_UNSAFE}]")
_UNSAFE_TO_SHOW = re.compile(f"[{_UNSAFE}\n\t]")


def unsafe_character(text: str) -> str | None:
    """The first character of `text` that no file of the tool may hold (newline and tab may), or None."""
    found = _UNSAFE_IN_TEXT.search(text)
    return found.group() if found else None


def codepoint(char: str) -> str:
    return f"U+{ord(char):04X}"


def shown(text: str) -> str:
    """`text` safe to print on a terminal: each unsafe character written as its escape (\\u001b), newline and tab
    kept. The escape is JSON's, so JSON output stays valid JSON."""
    return _UNSAFE_IN_TEXT.sub(lambda found: f"\\u{ord(found.group()):04x}", text)


class Shown:
    """A text stream that prints every unsafe character escaped (`shown`): the CLI puts sys.stdout and
    sys.stderr behind one, so no text from a file, a network or a message reaches a terminal raw. A rich Console
    that draws its own styles writes to `unescaped(stream)` and escapes the cells it is given."""

    def __init__(self, stream: TextIO) -> None:
        self.unescaped = stream

    def write(self, text: str) -> int:
        return self.unescaped.write(shown(text))

    def __getattr__(self, name: str) -> Any:
        return getattr(self.unescaped, name)


def unescaped(stream: TextIO) -> TextIO:
    """The stream under a `Shown` (for a rich Console's own escape sequences), or the stream itself."""
    return stream.unescaped if isinstance(stream, Shown) else stream


def unexpected(exc: BaseException, message: str | None = None) -> str:
    """A bug in one line, for a person: what it was and what to do; the traceback is for --debug alone.
    `message`: the exception's words as they may be shown (secrets taken out), if not str(exc)."""
    return (f"unexpected {type(exc).__name__}: {str(exc) if message is None else message} "
            "(a bug; run again with --debug for the traceback and report it)")


# A secret an address may hold: a `password=` (or `sslpassword=`) value of a conninfo string or a URL's query,
# quoted ('it\'s') or bare up to a blank or the next parameter; and a URL's userinfo password, up to the address's
# last @ (a password holding @ or # unencoded: libpq and urllib each cut it elsewhere, and quote the pieces).
_PASSWORD_KEY = re.compile(r"(\b\w*password\s*=\s*)('(?:[^'\\]|\\.)*'?|[^\s&]*)", re.IGNORECASE)
_URL = re.compile(r"\b[a-zA-Z][\w+.-]*://[^\s'\"]*")
_CUTS = re.compile(r"[@#/?&:=;\s]+")
SHORTEST_SECRET = 4  # a shorter piece of a password is not taken out of other words


def redacted(text: str, *sources: str | None) -> str:
    """`text` fit to show: an address (a database URL, a conninfo string, a network's base URL) or a message that
    may quote one, with every password in it written *** and control characters escaped. `sources`: the addresses
    the message may echo in part (a driver's error quotes the pieces of a password it could not parse): their
    passwords, and each piece of them, are taken out of `text` too. The one place an address is made fit to show."""
    found = [secret for source in (text, *sources) if source for secret in _passwords(source)]
    shown = _PASSWORD_KEY.sub(lambda m: f"{m.group(1)}***" if m.group(2) else m.group(0), text)
    shown = _URL.sub(lambda m: _without_userinfo_password(m.group()), shown)
    for secret in sorted(set(found), key=len, reverse=True):
        if len(secret) >= SHORTEST_SECRET and secret != "***":
            shown = shown.replace(secret, "***")
    return re.sub(r"[\x00-\x1f\x7f]", lambda m: f"\\x{ord(m.group()):02x}", shown)


def _userinfo(url: str) -> tuple[str, str, str] | None:
    """(scheme://user:, password, @rest) of a URL with a password in it, or None."""
    scheme, sep, rest = url.partition("://")
    at = rest.rfind("@")
    if not sep or at < 0 or ":" not in rest[:at]:
        return None
    user, _, password = rest[:at].partition(":")
    if "/" in user:  # an @ further on, in a path (sqlite:////home/a:b@c/juno.db): no userinfo
        return None
    return f"{scheme}://{user}:", password, rest[at:]


def _without_userinfo_password(url: str) -> str:
    parts = _userinfo(url)
    return url if parts is None else f"{parts[0]}***{parts[2]}"


def _passwords(address: str) -> list[str]:
    """Every password `address` holds, as written, percent-decoded, and in the pieces a parser may cut it into."""
    whole = [m.group(2) for m in _PASSWORD_KEY.finditer(address)]
    whole += [value.strip("'").replace("\\'", "'").replace("\\\\", "\\") for value in whole]
    for url in _URL.findall(address):
        if (parts := _userinfo(url)) is not None:
            whole.append(parts[1])
    whole += [unquote(value) for value in whole]
    return whole + [piece for value in whole for piece in _CUTS.split(value)]


class JunoError(Exception):
    """An expected error: the message is for the user and says how to fix the problem."""

    exit_code = 1


class UsageError(JunoError):
    """Bad command-line usage."""

    exit_code = 2


class ConfigError(JunoError):
    """Bad configuration: a YAML file, an environment variable, a database URL."""

    exit_code = 2


class ContentError(JunoError):
    """Bad content: an article, a campaign file, an image, a font."""

    exit_code = 2


class OutputError(JunoError):
    """A file the tool writes has something else in its place (a folder, a pipe, a device): nothing is written."""

    exit_code = 2


class StoreError(JunoError):
    """The database could not be used."""

    exit_code = 1


class DamagedDatabaseError(StoreError):
    """The database file is empty or damaged: restore it from a backup, or start an empty queue on purpose."""


class ForeignDatabaseError(StoreError):
    """The database belongs to other accounts: a configuration mistake, not a failure."""

    exit_code = 2


class MisconfiguredDatabaseError(StoreError):
    """JUNO_DATABASE_URL names a database, a role or an option the server refuses: a configuration mistake that
    trying again does not mend (a server down or away is a StoreError, exit 1)."""

    exit_code = 2


class ReadOnlyDatabaseError(StoreError):
    """The database cannot be written by this user: commands that only look at the queue may still read it."""


class LostDatabaseError(StoreError):
    """The project's queue has held posts, but its database is missing or empty: restore it, never start anew."""

    exit_code = 2


PublishErrorKind = Literal["retry", "stop", "permanent", "config"]


class PublishError(JunoError):
    """A publisher could not post.

    kind says what the runner does next:
      retry      try again later (rate limit, 5xx, timeout); retry_at when the network said when
      stop       stop posting for this account until a person fixes something (credentials, payment)
      permanent  this post can never go out as it is (duplicate text, too long)
      config     the account has no settings it could post with (a secret not set, or half of them): nothing
                 was tried and nothing is stopped (run-due asks Network.unset first and claims none of its posts)
    uncertain is True when the network may have accepted the post before the answer was lost.
    """

    def __init__(self, message: str, *, kind: PublishErrorKind = "retry", retry_at=None, uncertain: bool = False):
        if kind not in ("retry", "stop", "permanent", "config"):
            raise ValueError(f"unknown PublishError kind {kind!r}")
        super().__init__(message)
        self.kind = kind
        self.retry_at = retry_at
        self.uncertain = uncertain

    def still_uncertain(self) -> PublishError:
        """This error, raised while looking for an attempt that may have gone out: the look settled
        nothing, so the attempt stays uncertain and is looked for again before anything is posted."""
        if self.uncertain:
            return self
        return PublishError(str(self), kind="retry" if self.kind == "permanent" else self.kind,
                            retry_at=self.retry_at, uncertain=True)


class Refused(Exception):
    """A change a person asked for (in the studio) that would make the campaign invalid: nothing was changed.

    Not a JunoError: the studio shows it beside the form field `field` names, on the page the change came from,
    with a link to each of `tips`."""

    def __init__(self, message: str, field: str | None = None, tips: tuple[str, ...] = ()):
        super().__init__(message)
        self.field = field
        self.tips = tips  # the tips (their ids) the refusal is about, when not the one changed


class AlreadyHere(Refused):
    """An article added again: `campaign` is the one made from it before; `same` when word for word the same
    (nothing to update), else the person may update that campaign with the new text."""

    def __init__(self, message: str, campaign: str, same: bool):
        super().__init__(message, "title")
        self.campaign = campaign
        self.same = same


class Conflict(Exception):
    """The campaign file changed on disk since the page was made: nothing was saved."""

    def __init__(self, theirs: dict | None, version: str, sides: list[dict] | None = None):
        super().__init__("the campaign file changed on disk since this page was opened; nothing was saved")
        self.theirs = theirs  # the tip as the file has it now (None: it is gone)
        self.version = version  # the file's version now
        # each field where the words typed differ from the file's, when the page said what it showed (see
        # editing.Editor.edit_tip): {"field", "network", "yours", "theirs", "you_changed", "they_changed"}
        self.sides = sides


class Busy(JunoError, Refused):
    """Another command (or the studio) is changing the campaign files and did not finish in time: nothing was
    changed. The CLI says so in one line (exit 1); the studio shows it where it shows a refusal."""

    def __init__(self, message: str):
        Refused.__init__(self, message)


def located(where: str, message: str) -> str:
    """`file:line:col: message` — the one shape every located message takes."""
    return f"{where}: {message}" if where else message


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    match = closest(word, choices)
    return f"; did you mean {match!r}?" if match is not None else ""


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The choice closest to `word` (difflib), None when none is close."""
    # lazy: only for a mistake, so run-due's cron fast path never loads difflib
    import difflib

    match = difflib.get_close_matches(str(word), list(choices), n=1, cutoff=0.6)
    return match[0] if match else None
