"""The studio: a local web app to review, edit, approve and schedule, on 127.0.0.1 only.

`serve(root, port, open_browser, now)` binds the port, prints the one-time link and serves until
Ctrl-C. The pieces: security (who may talk to it), app (routes), workspace (changes, through the
library), editing (round-trip YAML, conflicts, audit), moving (the timetable's rules for a pin),
views (page data), templates/ and static/ (the pages, with no script or style from elsewhere).
"""

from __future__ import annotations

import socket
import sys
import webbrowser
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import uvicorn

from scheduler.errors import UsageError
from scheduler.studio.app import build_app
from scheduler.studio.security import Gate
from scheduler.studio.workspace import Workspace

__all__ = ["make_studio", "serve"]


def make_studio(root: Path | str, port: int, clock: Callable[[], datetime] | None = None):
    """The ASGI app and its Gate (for tests and for serve)."""
    gate = Gate(port=port)
    workspace = Workspace(root, clock or (lambda: datetime.now(UTC)))
    _ = workspace.settings  # bad configuration stops here, before anything listens
    return build_app(workspace, gate), gate


def bind(port: int) -> socket.socket:
    """A listening socket on 127.0.0.1:port; a studio restarted on the same port binds at once."""
    if not 0 <= port <= 65535:
        raise UsageError(f"--port {port}: a port is a number from 1 to 65535 (0 picks a free one); "
                         "e.g. --port 8765")
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # the old one's TIME_WAIT does not block it
    try:
        sock.bind(("127.0.0.1", port))
    except OSError as exc:
        sock.close()
        raise UsageError(f"port {port} on 127.0.0.1 is taken ({exc.strerror}); give another with --port, "
                         "or stop the other studio") from None
    sock.listen(64)
    return sock


def serve(root: Path | str, port: int = 8765, open_browser: bool = True,
          clock: Callable[[], datetime] | None = None) -> int:
    sock = bind(port)
    app, gate = make_studio(root, sock.getsockname()[1], clock)
    gate.announce = lambda link: print(f"a browser without this studio's session asked for a page; to sign it in, "
                                       f"open: {link}", flush=True)
    link = gate.link()
    print(f"juno-scheduler studio for {Path(root).resolve()}", flush=True)
    print(f"open: {link}", flush=True)
    print("(the link works once; Ctrl-C stops the studio)", flush=True)
    if open_browser:
        webbrowser.open(link)
    config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off",
                            server_header=False, date_header=False)
    server = uvicorn.Server(config)
    try:
        server.run(sockets=[sock])  # uvicorn finishes the requests under way, then re-raises the Ctrl-C
    except KeyboardInterrupt:
        pass
    finally:
        sock.close()
    print("studio stopped", file=sys.stderr, flush=True)
    return 0
