"""tools/demo_service.py on its own: endpoints, exposition format, idle exit."""

from __future__ import annotations

import re
import subprocess
import sys
import time

import pytest

from e2e_support import DemoCluster, pid_alive

pytestmark = pytest.mark.e2e


def test_endpoints(cluster: DemoCluster) -> None:
    assert cluster.kubectl("get", "deploy", "-n", "tta-staging").returncode == 0
    code, health = cluster.get("/health")
    assert code == 200 and health["status"] == "ok"
    assert health["workspace"] == str(cluster.root.resolve())

    code, body = cluster.get("/api/v1/status/agent_orchestration?namespace=tta-production")
    assert code == 200
    # "maturity" is what the workspace's __init__.py says now; it moves with promotions.
    init = (cluster.root / "src" / "agent_orchestration" / "__init__.py").read_text()
    maturity = re.search(r'^__maturity__ = "([a-z]+)"', init, re.MULTILINE)
    assert maturity is not None
    assert (body["stage"], body["version"], body["maturity"]) == (
        "production", "0.3.2", maturity.group(1))
    assert cluster.get("/api/v1/status/no_such_component")[0] == 404
    assert cluster.get("/api/v1/nothing")[0] == 404

    code, text = cluster.get("/metrics")
    assert code == 200
    lines = text.splitlines()
    assert "# TYPE http_request_duration_seconds histogram" in lines
    buckets = [float(line.rsplit(" ", 1)[1]) for line in lines
               if line.startswith("http_request_duration_seconds_bucket")]
    assert buckets == sorted(buckets), "histogram buckets must be cumulative"
    count = next(line for line in lines if line.startswith("http_request_duration_seconds_count"))
    assert float(count.split()[1]) == buckets[-1]


def test_idle_service_exits_by_itself(cluster: DemoCluster) -> None:
    process = subprocess.Popen(
        [sys.executable, str(cluster.root / "tools" / "demo_service.py"), "serve",
         "--workspace", str(cluster.root), "--port", str(cluster.port), "--idle-timeout", "1"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 5
        while cluster.service_pid() != process.pid and time.monotonic() < deadline:
            time.sleep(0.05)
        assert cluster.get("/health")[0] == 200
        assert process.wait(timeout=10) == 0
        assert cluster.service_pid() is None
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def test_stop_command(cluster: DemoCluster) -> None:
    assert cluster.kubectl("get", "deploy", "-n", "tta-staging").returncode == 0
    pid = cluster.service_pid()
    assert pid is not None
    stop = subprocess.run([sys.executable, str(cluster.root / "tools" / "demo_service.py"),
                           "stop", "--workspace", str(cluster.root)],
                          capture_output=True, text=True, timeout=30)
    assert stop.returncode == 0
    assert f"stopped (pid {pid}" in stop.stdout
    assert not pid_alive(pid)
