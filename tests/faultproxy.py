"""A fault proxy on 127.0.0.1 in front of a real server (the reference Bluesky PDS of tests/pds/).

Every request goes through to the server as it came and the server's answer comes back as it was,
except where a fault is planned for the route, taken one at a time as the fake servers take theirs
(tests/fakeserver.py: the same request log, /_fake/ control routes and main loop):

- `drop="before"`: the connection is closed and the server never sees the request;
- `drop="after"`: the server does the work (the record is created), then the connection is closed, so
  the client never hears back;
- `status=503` (any status): that answer instead of the server's, without doing the work, or with
  `forward=True` after it (a gateway that times out on a server that went on working);
- `status=429, reset_in=S`: a rate limit answer as a PDS gives it, with `ratelimit-limit`,
  `ratelimit-remaining: 0`, `ratelimit-reset` (epoch seconds, S ahead of the proxy's clock) and
  `ratelimit-policy`;
- `delay=S`: the server does the work; the answer is held back S seconds (a worker is killed meanwhile).

A route is the method and the XRPC method's name: "POST com.atproto.repo.createRecord". The server's own
address in its answers (a DID document's service endpoint) is replaced by the proxy's, so a client that
follows it stays behind the proxy. `python -m tests.faultproxy --upstream URL` runs it as a process and
prints {"base_url": ...}; FakeControl drives it.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass

import requests

from tests.fakeserver import FakeServer, serve_until_signalled

# Not passed on either way: they describe one connection, not the message (RFC 9110 7.6.1), or are set
# again by whoever sends the message on (its length, its encoding once read, its date and server).
HOP_BY_HOP = frozenset({"connection", "keep-alive", "proxy-connection", "transfer-encoding", "te", "trailer",
                        "upgrade", "host", "content-length", "accept-encoding", "content-encoding", "date",
                        "server"})


@dataclass
class Fault:
    """One planned misbehaviour of a route. times=None: every time until cleared."""

    route: str
    status: int | None = None
    error: str | None = None         # the XRPC error name of the answer (a PDS's {"error", "message"})
    reset_in: float | None = None    # with status 429: ratelimit-reset this many seconds ahead
    forward: bool = False            # with status: the server does the work first, then that answer comes back
    delay: float = 0.0               # seconds to wait after the server answered, before answering
    drop: str | None = None          # "before": close without passing it on; "after": pass it on, then close
    times: int | None = 1


def route_of(method: str, path: str) -> str:
    path = path.rstrip("/") or "/"
    return f"{method} {path[len('/xrpc/'):]}" if path.startswith("/xrpc/") else f"{method} {path}"


class FaultProxy(FakeServer):
    server_name = "juno-fault-proxy/1"

    def __init__(self, upstream: str, *, host: str = "127.0.0.1", port: int = 0):
        super().__init__(host, port)
        self.upstream = upstream.rstrip("/")
        self.fired: list[dict] = []  # the faults that met a request: {"route", "fault"}, in order

    def control(self, method: str, path: str, request: dict):
        if (method, path) == ("GET", "/_fake/fired"):
            return self.fired
        return super().control(method, path, request)

    def route_of(self, method: str, path: str) -> str:
        return route_of(method, path)

    def inject(self, route: str, **fault) -> Fault:
        """Plan a misbehaviour: status=503, forward=True, status=429 with reset_in=600, delay=2.0,
        drop="before"|"after", times=N."""
        planned = Fault(route=route_of(*route.split(" ", 1)) if "/" in route else route, **fault)
        if planned.drop not in (None, "before", "after"):
            raise ValueError(f"drop is 'before' or 'after', not {planned.drop!r}")
        with self._lock:
            self.faults.append(planned)
        return planned

    def answer(self, method: str, path: str, query: str, headers, body: bytes):
        """(status, bytes or JSON, headers, fault) for one request, passed on to the server unless a fault says not."""
        fault = self.take_fault(route_of(method, path))
        if fault is not None:
            with self._lock:
                self.fired.append({"route": fault.route, "fault": describe(fault)})
        if fault is not None and fault.drop == "before":
            return None, None, {}, fault
        if fault is not None and fault.status and not fault.forward:
            return self._fault_answer(fault)
        status, payload, extra = self._pass_on(method, path, query, headers, body)
        if fault is not None and fault.status:  # forward=True: the work is done, the answer is not the server's
            return self._fault_answer(fault)
        return status, payload, extra, fault

    def _pass_on(self, method: str, path: str, query: str, headers, body: bytes):
        url = f"{self.upstream}{path}" + (f"?{query}" if query else "")
        sent = {k: v for k, v in headers.items() if k.lower() not in HOP_BY_HOP}
        answer = requests.request(method, url, headers=sent, data=body or None, timeout=60, allow_redirects=False)
        payload = answer.content
        if "json" in answer.headers.get("Content-Type", ""):
            payload = payload.replace(self.upstream.encode(), self.base_url.encode())
        extra = {k: v for k, v in answer.headers.items() if k.lower() not in HOP_BY_HOP}
        return answer.status_code, payload, extra

    def _fault_answer(self, fault: Fault):
        if fault.status == 429:
            reset = int(self.now() + (fault.reset_in if fault.reset_in is not None else 300))
            headers = {"ratelimit-limit": "30", "ratelimit-remaining": "0", "ratelimit-reset": str(reset),
                       "ratelimit-policy": "30;w=300"}
            return 429, {"error": fault.error or "RateLimitExceeded", "message": "Rate Limit Exceeded"}, headers, fault
        return fault.status, {"error": fault.error or "InternalServerError", "message": "Internal Server Error"}, {}, fault


def describe(fault: Fault) -> str:
    """A fault in a few words: "answer dropped after the work", "503", "429 (reset in 300 s)", "held 5 s"."""
    if fault.drop:
        return f"answer dropped {fault.drop} the work"
    if fault.status == 429:
        return f"429 (reset in {fault.reset_in if fault.reset_in is not None else 300:g} s)"
    if fault.status:
        return f"{fault.status}{' after the work' if fault.forward else ''}"
    return f"held {fault.delay:g} s"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.faultproxy",
                                     description="A fault proxy on 127.0.0.1 in front of a server.")
    parser.add_argument("--upstream", required=True, help="the server's base URL, e.g. http://localhost:2583")
    parser.add_argument("--port", type=int, default=0, help="the port (default: any free one)")
    args = parser.parse_args(argv)
    proxy = FaultProxy(args.upstream, port=args.port).start()
    return serve_until_signalled(proxy, {"base_url": proxy.base_url})


if __name__ == "__main__":
    raise SystemExit(main())
