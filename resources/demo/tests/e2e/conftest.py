"""A private copy of the demo cluster for each e2e test: own directory, own port.

The tests never touch the workspace's own .demo-cluster/ or the port a
promotion run uses, and every service they start is stopped afterwards.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Iterator

import pytest

from e2e_support import WORKSPACE, DemoCluster, free_port, pid_alive


@pytest.fixture
def cluster(tmp_path: Path) -> Iterator[DemoCluster]:
    root = tmp_path / "workspace"
    for part in ("tools", "k8s", "ops", "src"):
        shutil.copytree(WORKSPACE / part, root / part,
                        ignore=shutil.ignore_patterns("__pycache__", ".demo-cluster"))
    demo = DemoCluster(root, free_port())
    try:
        yield demo
    finally:
        pid = demo.service_pid()
        subprocess.run([sys.executable, str(root / "tools" / "demo_service.py"), "stop",
                        "--workspace", str(root)], capture_output=True, timeout=30)
        if pid is not None and pid_alive(pid):
            os.kill(pid, signal.SIGKILL)
            time.sleep(0.1)
