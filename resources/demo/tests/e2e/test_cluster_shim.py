"""The promotion's deploy commands, run through tools/bin/kubectl against the demo service."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time

import pytest

from e2e_support import DemoCluster, parse_counters, pid_alive

pytestmark = pytest.mark.e2e

MANIFEST = "k8s/staging/agent_orchestration.yaml"
TARGET = ("deployment/agent_orchestration", "-n", "tta-staging")
REVISION_JSONPATH = "jsonpath={.metadata.annotations.deployment\\.kubernetes\\.io/revision}"


def status(cluster: DemoCluster) -> dict[str, object]:
    code, body = cluster.get("/api/v1/status/agent_orchestration?namespace=tta-staging")
    assert code == 200, body
    return dict(body)


def test_apply_rollout_undo(cluster: DemoCluster) -> None:
    applied = cluster.kubectl("apply", "-f", MANIFEST)
    assert applied.returncode == 0, applied.stderr
    assert "deployment.apps/agent-orchestration configured" in applied.stdout

    rolled = cluster.kubectl("rollout", "status", *TARGET, "--timeout=30s")
    assert rolled.returncode == 0, rolled.stderr
    assert 'deployment "agent-orchestration" successfully rolled out' in rolled.stdout
    assert status(cluster)["version"] == "0.4.0"

    again = cluster.kubectl("apply", "-f", MANIFEST)
    assert "deployment.apps/agent-orchestration unchanged" in again.stdout

    undone = cluster.kubectl("rollout", "undo", *TARGET)
    assert undone.returncode == 0, undone.stderr
    assert undone.stdout.strip() == "deployment.apps/agent-orchestration rolled back"
    assert cluster.kubectl("rollout", "status", *TARGET).returncode == 0
    info = status(cluster)
    assert (info["version"], info["revision"]) == ("0.3.2", 3)

    listed = cluster.kubectl("get", "deployment", "agent_orchestration", "-n", "tta-staging")
    assert listed.stdout.split("\n")[1].split()[:2] == ["agent-orchestration", "2/2"]


def test_apply_stands_when_the_caller_is_gone(cluster: DemoCluster) -> None:
    # The caller was killed while apply ran: its stdout is a pipe nobody reads.
    # Like a real API server, the change stands even though the output is lost.
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        applied = subprocess.run([sys.executable, str(cluster.root / "tools" / "bin" / "kubectl"),
                                  "apply", "-f", MANIFEST], cwd=cluster.root, env=cluster.env,
                                 stdout=write_end, stderr=subprocess.DEVNULL, timeout=60)
    finally:
        os.close(write_end)
    assert applied.returncode == 0
    revision = cluster.kubectl("get", *TARGET, "-o", REVISION_JSONPATH)
    assert revision.stdout == "2", revision.stderr


def test_error_rate_injection(cluster: DemoCluster) -> None:
    assert cluster.kubectl("apply", "-f", MANIFEST, DEMO_ERROR_RATE="2").returncode == 0
    assert cluster.kubectl("rollout", "status", *TARGET).returncode == 0
    path = "/metrics?namespace=tta-staging&deployment=agent_orchestration"
    before = parse_counters(cluster.get(path)[1])
    time.sleep(1.5)
    after = parse_counters(cluster.get(path)[1])
    requests = after["http_requests_total"] - before["http_requests_total"]
    errors = after["http_request_errors_total"] - before["http_request_errors_total"]
    assert requests >= 200
    assert errors / requests == pytest.approx(0.02, abs=0.003)

    logs = cluster.kubectl("logs", *TARGET, "--tail=50")
    assert "ERROR" in logs.stdout


def test_latency_factor_moves_sla(cluster: DemoCluster) -> None:
    sla = "/api/v1/sla?namespace=tta-staging&deployment=agent_orchestration&window=0.5"
    assert cluster.kubectl("get", "deploy", "-n", "tta-staging").returncode == 0
    time.sleep(0.6)
    code, body = cluster.get(sla)
    assert code == 200 and body["p95_ms"] == pytest.approx(140.0)
    assert cluster.kubectl("apply", "-f", MANIFEST, DEMO_LATENCY_FACTOR="3").returncode == 0
    assert cluster.kubectl("rollout", "status", *TARGET).returncode == 0
    time.sleep(0.6)  # let the 0.5 s window fill with the new revision's requests
    code, body = cluster.get(sla)
    assert code == 200 and body["p95_ms"] == pytest.approx(420.0)
    assert cluster.get(sla.replace("window=0.5", "window=120"))[0] == 400


def test_stuck_rollout_fails_and_undo_recovers(cluster: DemoCluster) -> None:
    cluster.kubectl("apply", "-f", MANIFEST, DEMO_ROLLOUT_FAIL="1", DEMO_PROGRESS_DEADLINE="1")
    stuck = cluster.kubectl("rollout", "status", *TARGET)
    assert stuck.returncode == 1
    assert 'deployment "agent-orchestration" exceeded its progress deadline' in stuck.stderr
    assert status(cluster)["version"] == "0.3.2"  # old pods keep serving
    assert cluster.kubectl("rollout", "undo", *TARGET).returncode == 0
    assert cluster.kubectl("rollout", "status", *TARGET, "--timeout=20s").returncode == 0
    assert status(cluster)["rollout"] == "complete"


def test_first_revision_has_nothing_to_undo(cluster: DemoCluster) -> None:
    result = cluster.kubectl("rollout", "undo", "deployment/player_experience", "-n",
                             "tta-production")
    assert result.returncode == 1
    assert 'no rollout history found for deployment "player-experience"' in result.stderr


def test_top_and_pods(cluster: DemoCluster) -> None:
    top = cluster.kubectl("top", "pods", "-n", "tta-production")
    assert top.returncode == 0, top.stderr
    lines = top.stdout.strip().split("\n")
    assert lines[0].split() == ["NAME", "CPU(cores)", "MEMORY(bytes)"]
    assert len(lines) == 1 + 3 + 3  # both components, 3 replicas each


def test_unknown_command_and_missing_deployment(cluster: DemoCluster) -> None:
    unknown = cluster.kubectl("scale", "deployment/x")
    assert unknown.returncode == 1 and 'unknown command "scale"' in unknown.stderr
    missing = cluster.kubectl("rollout", "status", "deployment/ghost", "-n", "tta-staging")
    assert missing.returncode == 1
    assert 'deployments.apps "ghost" not found' in missing.stderr


def test_busy_port_is_reported(cluster: DemoCluster) -> None:
    with socket.socket() as blocker:
        blocker.bind(("127.0.0.1", cluster.port))
        blocker.listen(1)
        result = cluster.kubectl("apply", "-f", MANIFEST)
    assert result.returncode == 1
    assert f"port {cluster.port} is busy" in result.stderr
    assert not (cluster.root / ".demo-cluster" / "state.json").exists()


def test_delete_last_deployment_stops_service(cluster: DemoCluster) -> None:
    assert cluster.kubectl("get", "deploy", "-n", "tta-staging").returncode == 0
    pid = cluster.service_pid()
    assert pid is not None and pid_alive(pid)
    for namespace in ("tta-staging", "tta-production"):
        for name in ("agent_orchestration", "player_experience"):
            deleted = cluster.kubectl("delete", "deployment", name, "-n", namespace)
            assert deleted.returncode == 0, deleted.stderr
    deadline = time.monotonic() + 5
    while pid_alive(pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not pid_alive(pid)
