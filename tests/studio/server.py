"""`juno-scheduler studio` as a real process on a free port: its link, and a clean stop."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import REPO


class StudioProcess:
    def __init__(self, root: Path, *extra: str):
        env = {k: v for k, v in os.environ.items() if not k.startswith(("X_", "JUNO_"))}
        self.proc = subprocess.Popen([sys.executable, "-m", "scheduler", "--root", str(root), "studio", "--no-open",
                                      "--port", "0", *extra], cwd=REPO, env=env, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, text=True)
        self.lines = []
        deadline = time.monotonic() + 30
        self.link = None
        while self.link is None and time.monotonic() < deadline:
            line = self.proc.stdout.readline()
            if not line:
                raise RuntimeError(f"the studio stopped: {self.proc.stderr.read()}")
            self.lines.append(line)
            match = re.search(r"open: (http://127\.0\.0\.1:(\d+)/login\?token=\S+)", line)
            if match:
                self.link, self.port = match.group(1), int(match.group(2))
        self.base = f"http://127.0.0.1:{self.port}"
        self._wait_listening()

    def _wait_listening(self) -> None:
        import socket

        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.5).close()
                return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("the studio never listened")

    def interrupt(self) -> tuple[int, str, str]:
        """Ctrl-C, as a person would press it; returns (exit code, stdout rest, stderr)."""
        self.proc.send_signal(signal.SIGINT)
        out, err = self.proc.communicate(timeout=20)
        return self.proc.returncode, out, err

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
