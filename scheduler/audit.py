"""`.juno/audit.jsonl`: one JSON line per change to a campaign (what, when, by what, before and after).

Lines are only ever appended (O_APPEND, one write per line, fsync), so two writers never interleave
half-lines and a crash loses at most the line being written. Undo reads the log backwards: the
latest change not yet undone (an undo is itself a line that names the change it reverted).
"""

from __future__ import annotations

import json
import os
import secrets
from datetime import datetime
from pathlib import Path

AUDIT_NAME = "audit.jsonl"


def audit_path(root: Path | str) -> Path:
    return Path(root) / ".juno" / AUDIT_NAME


def record(root: Path | str, *, what: str, campaign: str, tip: str | None, before, after, now: datetime,
           by: str = "studio", undoes: str | None = None) -> dict:
    """Append one change; returns the entry (with its id)."""
    entry = {"id": f"{now.strftime('%Y%m%dT%H%M%S')}-{secrets.token_hex(4)}", "at": now.isoformat(),
             "by": by, "what": what, "campaign": campaign, "tip": tip, "before": before, "after": after}
    if undoes:
        entry["undoes"] = undoes
    path = audit_path(root)
    path.parent.mkdir(parents=True, exist_ok=True)
    line = (json.dumps(entry, ensure_ascii=False, default=str) + "\n").encode("utf-8")
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        os.write(fd, line)
        os.fsync(fd)
    finally:
        os.close(fd)
    return entry


def entries(root: Path | str) -> list[dict]:
    """Every entry, oldest first; a line that is not whole JSON (a crash mid-write) is passed over."""
    path = audit_path(root)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return []
    found = []
    for line in lines:
        try:
            found.append(json.loads(line))
        except json.JSONDecodeError:
            continue
    return found


def last_undoable(root: Path | str) -> dict | None:
    """The latest change that was not undone yet (undos are not themselves undone: that would be redo)."""
    undone = set()
    for entry in reversed(entries(root)):
        if entry.get("undoes"):
            undone.add(entry["undoes"])
            continue
        if entry["id"] not in undone and entry.get("what") != "undo":
            return entry
    return None


def snapshot(item) -> dict | None:
    """A tip's mapping as plain JSON-able data, for the log and for comparing (times to the minute)."""
    if item is None:
        return None

    def plain(value):
        if isinstance(value, dict):
            return {str(k): plain(v) for k, v in value.items()}
        if isinstance(value, list):
            return [plain(v) for v in value]
        if isinstance(value, datetime):
            return value.isoformat(timespec="minutes")
        if isinstance(value, str):
            return str(value)
        return value

    return plain(item)
