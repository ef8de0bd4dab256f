"""Atomic file writes: a reader sees the old file or the new one, never half of either."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def read_input(path: Path, shown: str, *, error: type, missing_hint: str, what: str = "file") -> bytes:
    """A file's bytes, or one `error` line saying why they cannot be read and what to do."""
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise error(f"{shown}: file not found; {missing_hint}") from None
    except IsADirectoryError:
        raise error(f"{shown}: is a folder; give the {what}") from None
    except OSError as exc:
        raise error(f"{shown}: cannot read it ({exc.strerror}); check its permissions") from None


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def write_atomic(path: Path | str, data: bytes | str, *, encoding: str = "utf-8") -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode(encoding)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o666 & ~_umask())  # as open() would make it, not mkstemp's 0600
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    return path
