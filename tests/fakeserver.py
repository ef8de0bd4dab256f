"""What every fake network server shares: a real ThreadingHTTPServer on 127.0.0.1 in a thread,
planned faults taken one at a time, the request log, dropped connections and slow answers, the
/_fake/ control routes for a fake in another process, and that process's main loop.

A fake gives `route_of(method, path)`, `answer(method, path, query, headers, body)` returning
(status, JSON or text, headers, fault) and `control(method, path, request)` for its own /_fake/
routes (None: no such route).
"""

from __future__ import annotations

import json
import signal
import socket
import threading
import time
from dataclasses import asdict
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit


class FakeServer:
    server_name = "fake/1"

    def __init__(self, host: str = "127.0.0.1", port: int = 0):
        self.host, self.port = host, port
        self.requests: list[dict] = []
        self.faults: list = []
        self._lock = threading.RLock()
        self._stopping = threading.Event()
        self._server: ThreadingHTTPServer | None = None
        self._frozen_at: float | None = None
        self._released = threading.Event()  # answers planned with `hold` wait for release()

    # --- the fake's own clock ---------------------------------------------------------------

    def now(self) -> float:
        """The server's time in epoch seconds: the wall clock, or the time a test set with set_now.

        A network answers by its own clock (reset times, post times); a test that runs the product
        with --now sets the fake to the same moment, so nothing depends on the day the test runs.
        """
        frozen = self._frozen_at
        return time.time() if frozen is None else frozen

    def set_now(self, epoch: float | None) -> None:
        """Stop the fake's clock at `epoch` (None: follow the wall clock again)."""
        self._frozen_at = epoch

    # --- what a fake gives ------------------------------------------------------------------

    def route_of(self, method: str, path: str) -> str:
        raise NotImplementedError

    def answer(self, method: str, path: str, query: str, headers: dict, body: bytes):
        raise NotImplementedError

    def inject(self, route: str, **fault):
        raise NotImplementedError

    def control(self, method: str, path: str, request: dict):
        """The shared /_fake/ routes; a fake adds its own and falls back to these."""
        if (method, path) == ("GET", "/_fake/requests"):
            return self.requests
        if (method, path) == ("POST", "/_fake/inject"):
            return asdict(self.inject(request.pop("route"), **request))
        if (method, path) == ("POST", "/_fake/clear"):
            self.clear_faults()
            return {"ok": True}
        if (method, path) == ("POST", "/_fake/now"):
            self.set_now(request.get("epoch"))
            return {"ok": True}
        return None

    # --- shared -----------------------------------------------------------------------------

    def take_fault(self, route: str):
        """The first fault planned for `route`, counted down (and removed when used up)."""
        with self._lock:
            fault = next((f for f in self.faults if f.route == route), None)
            if fault is not None and fault.times is not None:
                fault.times -= 1
                if fault.times <= 0:
                    self.faults.remove(fault)
        return fault

    def release(self) -> None:
        """Let the answers held by a `hold` fault go (they wait at most two minutes)."""
        self._released.set()

    def clear_faults(self) -> None:
        with self._lock:
            self.faults.clear()

    def count(self, route: str) -> int:
        with self._lock:
            return sum(1 for r in self.requests if r["route"] == route)

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def start(self):
        self._server = ThreadingHTTPServer((self.host, self.port), _handler_for(self))
        self._server.daemon_threads = True
        self._server.block_on_close = False
        self.port = self._server.server_address[1]
        threading.Thread(target=self._server.serve_forever, args=(0.05,), name=self.server_name,
                         daemon=True).start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def _handler_for(fake: FakeServer):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        server_version = fake.server_name

        def log_message(self, *args):  # quiet: the fake keeps its own request list
            pass

        def _send(self, status: int, answer, headers: dict) -> None:
            headers = dict(headers)
            if isinstance(answer, (dict, list)):
                payload, kind = json.dumps(answer).encode(), "application/json; charset=utf-8"
            elif isinstance(answer, bytes):  # passed on as it came, with its own type (a proxy)
                kind = next((headers.pop(k) for k in list(headers) if k.lower() == "content-type"),
                            "application/octet-stream")
                payload = answer
            else:
                payload, kind = str(answer).encode(), "text/html; charset=utf-8"
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(payload)))
            for name, value in headers.items():
                self.send_header(name, str(value))
            self.end_headers()
            self.wfile.write(payload)

        def _serve(self, method: str) -> None:
            parts = urlsplit(self.path)
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            if parts.path.startswith("/_fake/"):
                self._control(method, parts.path, body)
                return
            headers = {k: v for k, v in self.headers.items()}
            status, answer, extra, fault = fake.answer(method, parts.path, parts.query, headers, body)
            with fake._lock:
                fake.requests.append({"route": fake.route_of(method, parts.path), "status": status,
                                      "dropped": bool(fault and fault.drop),
                                      "idempotency_key": headers.get("Idempotency-Key")})
            if fault is not None and fault.drop:
                self.close_connection = True
                try:
                    self.connection.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                return
            if fault is not None and fault.delay:
                fake._stopping.wait(fault.delay)
            if fault is not None and getattr(fault, "hold", False):
                fake._released.wait(120)
            try:
                self._send(status, answer, extra)
            except OSError:  # the client gave up waiting
                self.close_connection = True

        def _control(self, method: str, path: str, body: bytes) -> None:
            try:
                answer = fake.control(method, path, json.loads(body) if body else {})
            except (ValueError, KeyError, TypeError) as exc:
                self._send(400, {"detail": str(exc)}, {})
                return
            if answer is None:
                self._send(404, {"detail": f"no control route {method} {path}"}, {})
            else:
                self._send(200, answer, {})

        def do_GET(self):
            self._serve("GET")

        def do_POST(self):
            self._serve("POST")

        def do_DELETE(self):
            self._serve("DELETE")

    return Handler


class FakeControl:
    """Drive a fake running in another process through its /_fake/ routes."""

    def __init__(self, base_url: str):
        self.base_url = base_url.rstrip("/")

    def _call(self, method: str, path: str, data: dict | None = None):
        import urllib.request

        request = urllib.request.Request(self.base_url + path, method=method,
                                         data=json.dumps(data).encode() if data is not None else None,
                                         headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=10) as answer:
            return json.loads(answer.read())

    def get(self, path: str):
        return self._call("GET", path)

    def inject(self, route: str, **fault) -> dict:
        return self._call("POST", "/_fake/inject", {"route": route, **fault})

    def clear_faults(self) -> None:
        self._call("POST", "/_fake/clear", {})

    def set_now(self, epoch: float | None) -> None:
        self._call("POST", "/_fake/now", {"epoch": epoch})

    @property
    def requests(self) -> list[dict]:
        return self._call("GET", "/_fake/requests")


def serve_until_signalled(fake: FakeServer, announce: dict) -> int:
    """Run a started fake until SIGTERM or SIGINT, after printing `announce` as one JSON line."""
    print(json.dumps(announce), flush=True)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    stop.wait()
    fake.stop()
    return 0
