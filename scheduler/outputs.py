"""Paths a user names for output (preview --out, cards --sheet): never a file this tool did not write.

A new file is fine; an existing one is replaced only when it is a page or sheet this tool wrote
(recognised by the mark it leaves inside), so a slip such as `--out posts/schedule.yaml` changes nothing.
"""

from __future__ import annotations

from pathlib import Path

from scheduler.errors import UsageError

PAGE_MARK = b'<meta name="generator" content="juno-scheduler preview">'
SHEET_MARK = b"juno-scheduler contact sheet"  # a PNG tEXt chunk: Software = this
_LOOK = 4096


def checked_output(path: Path | str, *, flag: str, suffixes: tuple[str, ...], mark: bytes, what: str) -> Path:
    """`path` resolved, or a UsageError saying why the tool will not write there."""
    path = Path(path)
    if path.is_dir():
        raise UsageError(f"{flag} {path}: that is a folder; name a file in it, e.g. {path / ('review' + suffixes[0])}")
    if not path.parent.is_dir():  # a typo in a folder name must not make a tree of folders
        raise UsageError(f"{flag} {path}: cannot write {what} there: {path.parent} is not a folder; "
                         "make the folder first, or name a file in one that exists")
    if path.suffix.lower() not in suffixes:
        raise UsageError(f"{flag} {path}: {what} is written to a file ending in {' or '.join(suffixes)}; "
                         f"give such a name, e.g. {path.with_suffix(suffixes[0]).name}")
    if path.is_symlink() or (path.exists() and not path.is_file()):
        raise UsageError(f"{flag} {path}: not a plain file; name a new file")
    if path.exists() and not _has_mark(path, mark):
        raise UsageError(f"{flag} {path}: the file exists and is not {what} juno-scheduler wrote; it is left as "
                         "it was: name a new file, or remove this one first")
    return path.resolve()


def _has_mark(path: Path, mark: bytes) -> bool:
    try:
        with open(path, "rb") as handle:
            return mark in handle.read(_LOOK)
    except OSError:
        return False
