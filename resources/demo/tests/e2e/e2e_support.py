"""Helpers of the e2e tests (a module of its own: test files cannot import conftest.py)."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

WORKSPACE = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class DemoCluster:
    def __init__(self, root: Path, port: int) -> None:
        self.root = root
        self.port = port
        self.env = {**os.environ, "PROMOTION_DEMO_PORT": str(port),
                    "DEMO_IDLE_TIMEOUT": "120", "DEMO_ROLLOUT_SECONDS": "0.3"}
        for name in ("DEMO_ERROR_RATE", "DEMO_LATENCY_FACTOR", "DEMO_ROLLOUT_FAIL",
                     "DEMO_PROGRESS_DEADLINE"):
            self.env.pop(name, None)

    def kubectl(self, *args: str, **extra_env: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, str(self.root / "tools" / "bin" / "kubectl"),
                               *args], cwd=self.root, env={**self.env, **extra_env},
                              capture_output=True, text=True, timeout=60)

    def get(self, path: str) -> tuple[int, Any]:
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        try:
            with opener.open(f"http://127.0.0.1:{self.port}{path}", timeout=5) as response:
                status, body = int(response.status), response.read().decode()
                content_type = response.headers.get("Content-Type", "")
        except urllib.error.HTTPError as error:
            status, body = error.code, error.read().decode()
            content_type = error.headers.get("Content-Type", "")
        return status, json.loads(body) if "json" in content_type else body

    def service_pid(self) -> int | None:
        try:
            return int(json.loads((self.root / ".demo-cluster" / "service.json")
                                  .read_text())["pid"])
        except (OSError, ValueError, KeyError):
            return None


def pid_alive(pid: int) -> bool:
    """False for exited processes, zombies included (nobody may reap a detached service)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return True
    return stat.rpartition(")")[2].split()[:1] != ["Z"]


def parse_counters(text: str) -> dict[str, float]:
    values = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            name, _, value = line.rpartition(" ")
            values[name] = float(value)
    return values
