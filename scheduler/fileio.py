"""Reading what a user gives, within limits; atomic writes: a reader sees the old file or the new one; one
writer of the campaigns at a time (`changing`).

Every file the tool reads goes through `read_input`: a regular file (not a FIFO, a device or a folder),
no larger than its kind's limit, read without ever blocking. The limits are generous: a saved HTML page
runs to several MB, a campaign to some hundred KB.
"""

from __future__ import annotations

import errno
import fcntl
import json
import os
import shlex
import stat
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from scheduler.errors import Busy, OutputError

MB = 1024 * 1024
LIMITS = {"YAML file": 4 * MB, "article file": 32 * MB, "image": 32 * MB, "font": 64 * MB, ".env file": 1 * MB,
          "card": 32 * MB, "file": 32 * MB}


def read_input(path: Path, shown: str, *, error: Callable[[str], Exception], missing_hint: str = "check the path",
               what: str = "file", limit: int | None = None) -> bytes:
    """A regular file's bytes, or one `error` line saying why they cannot be read and what to do."""
    limit = limit or LIMITS.get(what, LIMITS["file"])
    try:  # O_NONBLOCK: opening a FIFO must not wait for a writer
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise error(f"{shown}: file not found; {missing_hint}") from None
    except IsADirectoryError:
        raise error(f"{shown}: is a folder; give the {what}") from None
    except OSError as exc:
        raise error(f"{shown}: cannot read it ({_why(exc)})") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise error(f"{shown}: is a folder; give the {what}")
        if not stat.S_ISREG(info.st_mode):
            raise error(f"{shown}: is {_kind(info.st_mode)}, not a regular file; give the {what} itself")
        if info.st_size > limit:
            raise error(f"{shown}: {info.st_size / MB:.1f} MB, over the {limit // MB} MB limit for {_a(what)}; "
                        "give a smaller file")
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, min(1 * MB, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:
            raise error(f"{shown}: over the {limit // MB} MB limit for {_a(what)}; give a smaller file")
        return b"".join(chunks)
    except OSError as exc:
        raise error(f"{shown}: cannot read it ({_why(exc)})") from None
    finally:
        os.close(fd)


def read_note(path: Path) -> dict:
    """A small JSON object the tool itself wrote beside the queue (a beat, the database's trace); {} when it is
    missing, unreadable or not an object: such a note is never needed to go on."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


# The folder this package runs from when it is a clone of the project (an editable install): it holds the bundled
# posts/schedule.yaml and assets/, which a practice's own project folder starts from.
CLONE = Path(__file__).resolve().parent.parent


def bundled_hint(relative: Path, root: Path, *, whole: Path | None = None) -> str | None:
    """The command that copies the bundled `whole` folder (or the file `relative`) from the clone this package runs
    from into the project folder `root`, when the clone has it and `root` is not the clone; else None. A user who
    starts a project in a folder of their own is told the exact line, not to find "the bundled" file themselves (a
    user trial, 2026-12-06)."""
    source = CLONE / (whole or relative)
    if not source.exists() or Path(root).resolve() == CLONE:
        return None
    target = shlex.quote(str(Path(root).resolve() / (whole or relative).parent))
    copy = f"cp {'-r ' if whole is not None else ''}{shlex.quote(str(source))} {target}/"
    # `cp x /tmp/posts/` fails when /tmp/posts does not exist yet (on-call report): make it first
    return copy if (Path(root) / (whole or relative).parent).is_dir() else f"mkdir -p {target} && {copy}"


def _why(exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "a symbolic link that points round in a loop; fix or remove the link"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied; let this user read it"
    return f"{exc.strerror or type(exc).__name__}; check the file"


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a plain file"


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def check_target(path: Path | str, shown: str | None = None, *, append: bool = False) -> None:
    """Before the first write: `path` is absent or a regular file (a link to one will do), and the nearest
    folder above it that exists is a folder. Raises OutputError naming `shown`; never opens the file, so a
    FIFO or a device in its place cannot make this wait or fill the disk."""
    path = Path(path)
    shown = shown or str(path)
    try:
        info = os.stat(path)  # follows a link: what a write would reach
    except FileNotFoundError:
        if os.path.islink(path):
            raise OutputError(f"{shown}: a symbolic link to nothing; remove it (juno-scheduler writes a file there)"
                              ) from None
        info = None
    except NotADirectoryError:
        info = None
    except OSError as exc:
        raise OutputError(f"{shown}: cannot look at it ({_why(exc)})") from None
    if info is not None:
        if stat.S_ISDIR(info.st_mode):
            raise OutputError(f"{shown}: is a folder; move it away (juno-scheduler writes a file there)")
        if not stat.S_ISREG(info.st_mode):
            raise OutputError(f"{shown}: is {_kind(info.st_mode)}, not a regular file; remove it "
                              "(juno-scheduler writes a file there)")
        if append and not os.access(path, os.W_OK):
            raise OutputError(f"{shown}: permission denied; let this user write it")
        return
    folder = path.parent
    while not os.path.lexists(folder) and folder != folder.parent:
        folder = folder.parent
    if not folder.is_dir():
        raise OutputError(f"{shown}: {display_under(folder, path, shown)} is a file, not a folder; move it away")


def display_under(folder: Path, path: Path, shown: str) -> str:
    """How `folder` (above `path`) reads in messages that show `path` as `shown`."""
    depth = len(path.relative_to(folder).parts) if path.is_relative_to(folder) else 0
    parts = Path(shown).parts
    return str(Path(*parts[:len(parts) - depth])) if 0 < depth < len(parts) else str(folder)


def write_atomic(path: Path | str, data: bytes | str, *, encoding: str = "utf-8", shown: str | None = None,
                 cache: bool = False) -> Path:
    """Write `path` whole or not at all. Something other than a regular file in its place is refused
    (OutputError), unless the file is a `cache` the tool may rebuild: then only a folder is refused."""
    path = Path(path)
    if cache and os.path.lexists(path) and not os.path.isdir(path) and not os.path.isfile(path):
        path.unlink()  # a pipe, a device or a dangling link where a cache goes: it is rebuilt
    check_target(path, shown)
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode(encoding)
    # lazy: tempfile (with shutil, bz2 and lzma) is not for run-due's cron fast path, which writes nothing
    import tempfile

    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o666 & ~_umask())  # as open() would make it, not mkstemp's 0600
        os.replace(tmp, path)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        if isinstance(exc, OSError) and exc.filename is None:  # a write that failed names its file
            raise OSError(exc.errno, exc.strerror, str(path)) from None
        raise
    return path


def _a(what: str) -> str:
    return f"an {what}" if what[:1] in "aeiou" else f"a {what}"


LOCK_FILE = ".juno/posts.lock"
LOCK_WAIT = 15.0  # seconds a writer waits for another to finish before it gives up; JUNO_LOCK_WAIT overrides


class _Held:
    """The campaigns' lock of one project as this process holds it: one flock, taken again by the thread that
    holds it (a studio change that approves and then queues) without waiting on itself."""

    def __init__(self) -> None:
        self.thread = threading.RLock()
        self.depth = 0
        self.fd: int | None = None


_LOCKS: dict[str, _Held] = {}
_LOCKS_GUARD = threading.Lock()


@contextmanager
def changing(root: Path | str, shown: str) -> Iterator[None]:
    """Hold the project's one lock on its campaign files (posts/) around a read-modify-write of `shown` (e.g.
    "posts/x.yaml"): another process or thread changing them waits here, then reads the file as this one left it.
    An OS advisory lock (flock on .juno/posts.lock), so a process that dies lets go. A writer that waits longer
    than JUNO_LOCK_WAIT seconds (default 15) raises Busy, naming what the holder changes; nothing is changed."""
    path = Path(root) / LOCK_FILE
    with _LOCKS_GUARD:
        held = _LOCKS.setdefault(str(path.resolve()), _Held())
    wait = _lock_wait()
    deadline = time.monotonic() + wait
    if not held.thread.acquire(timeout=wait):
        raise Busy(_busy(path, shown))
    try:
        if held.depth == 0:
            held.fd = _take(path, shown, deadline)
        held.depth += 1
        try:
            yield
        finally:
            held.depth -= 1
            if held.depth == 0 and held.fd is not None:
                os.close(held.fd)  # closing lets go of the flock
                held.fd = None
    finally:
        held.thread.release()


def _take(path: Path, shown: str, deadline: float) -> int:
    check_target(path, LOCK_FILE)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o644)
    try:
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise Busy(_busy(path, shown)) from None
                time.sleep(0.02)
        os.ftruncate(fd, 0)  # what this writer changes, for the message of one that gives up waiting
        os.pwrite(fd, f"{shown}\n".encode(), 0)
        return fd
    except BaseException:
        os.close(fd)
        raise


def _busy(path: Path, shown: str) -> str:
    try:
        holder = path.read_text(encoding="utf-8").strip() or shown
    except (OSError, UnicodeDecodeError):
        holder = shown
    return f"another juno-scheduler command is changing {holder[:200]}; try again"


def _lock_wait() -> float:
    try:
        return max(0.0, float(os.environ.get("JUNO_LOCK_WAIT", LOCK_WAIT)))
    except ValueError:
        return LOCK_WAIT
