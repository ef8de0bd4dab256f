"""The default publisher: writes what would be posted into .juno/outbox/, no account needed.

Each post becomes `<post id>.json` (text, alt text, card file name) beside a copy of its card.
Publishing the same post twice finds the first file and returns it: never two copies.
"""

from __future__ import annotations

import errno
import json
import os
import re
from pathlib import Path

from scheduler.errors import OutputError, PublishError
from scheduler.fileio import MB, check_target, read_input, write_atomic
from scheduler.networks.base import (
    HandleCache,
    Network,
    NetworkKey,
    Outgoing,
    Published,
    Publisher,
    read_card,
)
from scheduler.yamlio import display_path

REMOTE_PREFIX = "outbox-"  # every post the outbox writes is "outbox-<its file's stem>"


def _file_stem(post_id: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "--", post_id).strip("-") or "post"


class OutboxPublisher(Publisher):
    name = "outbox"

    def __init__(self, folder: Path, handle: str):
        self.folder = Path(folder)
        self.handle = handle

    def _entry(self, post: Outgoing) -> Path:
        return self.folder / f"{_file_stem(post.post_id)}.json"

    def check_writable(self, root: Path) -> None:
        """Before a run posts anything: the outbox is a folder (or not made yet) holding only regular files,
        so no post waits on a pipe or fills the disk from a device. OutputError names the first that is not."""
        shown = display_path(self.folder, root)
        if not os.path.lexists(self.folder):
            return
        if not self.folder.is_dir():
            raise OutputError(f"{shown}: is not a folder; move it away (juno-scheduler keeps its outbox there)")
        try:
            names = sorted(entry.name for entry in os.scandir(self.folder))
        except OSError:
            return  # an unreadable outbox is the publisher's to report (it stops the account, saying why)
        for name in names:
            if not name.startswith("."):
                check_target(self.folder / name, f"{shown}/{name}")

    def find_existing(self, post: Outgoing) -> Published | None:
        entry = self._entry(post)
        if not os.path.lexists(entry):
            return None
        try:
            check_target(entry)
            remote_id = json.loads(read_input(entry, str(entry), error=OutputError, limit=MB))["remote_id"]
        except (OutputError, ValueError, KeyError, TypeError) as exc:
            raise PublishError(f"{entry}: not an outbox entry this tool wrote ({exc}); move it away, then run "
                               "`juno-scheduler resume`", kind="stop") from None
        return Published(remote_id=remote_id, url=entry.resolve().as_uri())

    def unpublish(self, remote_id: str) -> bool:
        """Take a post out of the outbox (its entry and card); False when it was not there."""
        stem = remote_id.removeprefix(REMOTE_PREFIX)
        entry = self.folder / f"{stem}.json"
        if not remote_id.startswith(REMOTE_PREFIX) or not entry.exists():
            return False
        entry.unlink()
        (self.folder / f"{stem}.png").unlink(missing_ok=True)
        return True

    def publish(self, post: Outgoing) -> Published:
        try:
            return self._publish(post)
        except OutputError as exc:
            raise PublishError(f"{exc}, then run `juno-scheduler resume`", kind="stop") from None
        except OSError as exc:  # the folder cannot be written: a person must fix it, as with credentials
            if exc.errno == errno.ENOSPC:
                raise PublishError(f"{self.folder}: the disk is full; free some space (the post is retried)",
                                   kind="retry") from None
            raise PublishError(f"{self.folder}: cannot write the outbox ({exc.strerror or exc}); let this user "
                               "write to it, then run `juno-scheduler resume`", kind="stop") from None

    def _publish(self, post: Outgoing) -> Published:
        existing = self.find_existing(post)
        if existing is not None:
            return existing
        entry = self._entry(post)
        card_name = None
        if post.card is not None:
            data = read_card(Path(post.card))
            card_name = f"{entry.stem}.png"
            write_atomic(self.folder / card_name, data)
        remote_id = f"{REMOTE_PREFIX}{entry.stem}"
        record = {
            "remote_id": remote_id,
            "handle": self.handle,
            "post_id": post.post_id,
            "text": post.text,
            "card": card_name,
            "alt_text": post.alt_text,
        }
        write_atomic(entry, json.dumps(record, ensure_ascii=False, indent=2) + "\n")
        return Published(remote_id=remote_id, url=entry.resolve().as_uri())


class Outbox(Network):
    """Not a place of its own: any account may write its posts here instead of posting them
    (`publisher: outbox`), with its own network's rules for handle, length and card."""

    key = NetworkKey("outbox")
    name = "the outbox"
    example_handle = "junocounseling"
    rehearsal = True

    def unset(self, settings, account) -> str | None:
        return None  # it needs no secret

    def publisher(self, settings, account, handles: HandleCache) -> Publisher:
        return OutboxPublisher(settings.outbox_dir, handle=account.handle)

    def wrote(self, remote_id: str) -> bool:
        return remote_id.startswith(REMOTE_PREFIX)


NETWORK = Outbox()
