#!/usr/bin/env python3
"""The demo cluster's one HTTP service: health, component status, SLA and metrics.

    demo_service.py serve [--workspace DIR] [--port N] [--idle-timeout S]
    demo_service.py stop  [--workspace DIR]
    demo_service.py status [--workspace DIR]

``tools/bin/kubectl`` starts it on demand (detached, logging to
``.demo-cluster/service.log``). It reads the deployments from
``.demo-cluster/state.json`` and simulates their traffic deterministically: every
100 ms each serving deployment handles ``10 x replicas`` requests whose
latencies cycle through a fixed distribution, scaled by the revision's
DEMO_LATENCY_FACTOR; exactly DEMO_ERROR_RATE percent of them fail.

It exits on SIGTERM/SIGINT, after ``--idle-timeout`` seconds (default 600, or
DEMO_IDLE_TIMEOUT) without HTTP requests, or when its workspace disappears.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import math
import os
import re
import signal
import sys
import threading
import time
from collections import deque
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, cast
from urllib.parse import parse_qs, unquote, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))
import demo_cluster as dc  # noqa: E402

TICK_SECONDS = 0.1
REQUESTS_PER_REPLICA_PER_TICK = 10
# Base request latencies (ms). Cycled in order, so runs are reproducible;
# nearest-rank p50 is 45 ms and p95 is 140 ms at DEMO_LATENCY_FACTOR=1. The slowest
# tenth all fall in one histogram bucket (0.1 s, 0.15 s], so the p95 estimated from
# bucket deltas stays steady whatever the request count per scrape interval; a
# slowest value past a bucket bound would make it jump and fire false rollbacks.
LATENCY_PATTERN_MS = (18, 22, 25, 27, 30, 32, 35, 38, 41, 45,
                      48, 52, 57, 63, 70, 78, 88, 95, 140, 148)
BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.2, 0.25, 0.3,
           0.4, 0.5, 0.75, 1.0, 2.5, 5.0, 10.0)
SLA_WINDOW_SECONDS = 60.0
MAX_ERROR_LOG_LINES_PER_TICK = 3
DEFAULT_IDLE_TIMEOUT = 600.0
POD_NAME_ALPHABET = "bcdfghjklmnpqrstvwxz2456789"
ENDPOINTS = {
    "agent_orchestration": ("POST /api/v1/tasks", "GET /api/v1/agents", "POST /api/v1/route"),
    "player_experience": ("GET /api/v1/session", "POST /api/v1/choice", "POST /api/v1/feedback"),
}
DEFAULT_ENDPOINTS = ("GET /api/v1/items", "POST /api/v1/items")
ERROR_REASONS = ("503 Service Unavailable: upstream agent pool exhausted",
                 "500 Internal Server Error: narrative backend timed out",
                 "502 Bad Gateway: connection reset by model gateway")

log = logging.getLogger("demo-service")


def _utc(now: float) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(now)) + f".{int(now % 1 * 1000):03d}Z"


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    rank = max(1, math.ceil(fraction * len(ordered)))
    return ordered[rank - 1]


class Traffic:
    """Counters, recent latencies and log lines of one deployment."""

    def __init__(self, namespace: str, name: str, component: str) -> None:
        self.namespace = namespace
        self.name = name
        self.component = component
        self.requests = 0
        self.errors = 0
        self.buckets = [0] * (len(BUCKETS) + 1)  # last one: above the largest bound
        self.sum_seconds = 0.0
        self.cursor = 0
        self.error_carry = 0.0
        self.window: deque[tuple[float, list[float]]] = deque()
        self.logs: deque[tuple[int, str]] = deque(maxlen=2000)
        self.serving_revision: int | None = None
        self.second_requests = 0
        self.second_errors = 0
        self.ticks = 0


class Simulator:
    def __init__(self, workspace: Path) -> None:
        self.workspace = workspace
        self.lock = threading.Lock()
        self.state: dict[str, Any] = dc.empty_state()
        self.traffic: dict[str, Traffic] = {}
        self._stamp: tuple[int, int] | None = None
        self._log_seq = 0
        self._load_error: str | None = None
        self.reload(force=True)

    # ------------------------------------------------------------------ state

    def reload(self, force: bool = False) -> None:
        path = dc.state_path(self.workspace)
        try:
            stat = path.stat()
            stamp: tuple[int, int] | None = (stat.st_mtime_ns, stat.st_size)
        except FileNotFoundError:
            stamp = None
        if not force and stamp == self._stamp:
            return
        try:
            state = dc.load_state(self.workspace)
        except dc.ClusterError as error:
            if str(error) != self._load_error:
                log.error("%s", error)
                self._load_error = str(error)
            return
        self._stamp = stamp
        self._load_error = None
        self.state = state
        for key, deployment in state["deployments"].items():
            if key not in self.traffic:
                self.traffic[key] = Traffic(deployment["namespace"], deployment["name"],
                                            deployment["component"])
        for key in list(self.traffic):
            if key not in state["deployments"]:
                del self.traffic[key]

    # ------------------------------------------------------------------ simulation

    def tick(self, now: float) -> None:
        with self.lock:
            self.reload()
            for key, deployment in self.state["deployments"].items():
                self._tick_deployment(self.traffic[key], deployment, now)

    def _tick_deployment(self, traffic: Traffic, deployment: dict[str, Any], now: float) -> None:
        revision = dc.serving_revision(deployment, now)
        if revision is None:
            return
        if revision["revision"] != traffic.serving_revision:
            traffic.serving_revision = revision["revision"]
            self._log(traffic, now, "INFO ", f"serving {traffic.component} {revision['version']} "
                                             f"(revision {revision['revision']}, image "
                                             f"{revision['image']}) in {traffic.namespace}")
        faults = revision["faults"]
        factor = float(faults["latency_factor"])
        count = max(1, int(deployment.get("replicas", 1))) * REQUESTS_PER_REPLICA_PER_TICK
        latencies = []
        for _ in range(count):
            base = LATENCY_PATTERN_MS[traffic.cursor % len(LATENCY_PATTERN_MS)]
            traffic.cursor += 1
            latencies.append(base * factor / 1000.0)
        # Carry the fraction over, so errors/requests is exactly the configured rate.
        traffic.error_carry += count * float(faults["error_rate"]) / 100.0
        errors = min(count, int(traffic.error_carry + 1e-9))
        traffic.error_carry -= errors
        traffic.requests += count
        traffic.errors += errors
        for seconds in latencies:
            traffic.sum_seconds += seconds
            for index, bound in enumerate(BUCKETS):
                if seconds <= bound:
                    traffic.buckets[index] += 1
                    break
            else:
                traffic.buckets[-1] += 1
        traffic.window.append((now, latencies))
        while traffic.window and traffic.window[0][0] < now - SLA_WINDOW_SECONDS:
            traffic.window.popleft()
        endpoints = ENDPOINTS.get(traffic.component, DEFAULT_ENDPOINTS)
        for index in range(min(errors, MAX_ERROR_LOG_LINES_PER_TICK)):
            which = (traffic.errors - index) % len(ERROR_REASONS)
            endpoint = endpoints[(traffic.errors + index) % len(endpoints)]
            self._log(traffic, now, "ERROR", f"{endpoint} -> {ERROR_REASONS[which]}")
        traffic.second_requests += count
        traffic.second_errors += errors
        traffic.ticks += 1
        if traffic.ticks % 10 == 0:
            p95 = _percentile(latencies, 0.95) * 1000.0
            self._log(traffic, now, "INFO ",
                      f"handled {traffic.second_requests} requests, {traffic.second_errors} "
                      f"errors, p95 {p95:.0f} ms (revision {revision['revision']})")
            traffic.second_requests = traffic.second_errors = 0

    def _log(self, traffic: Traffic, now: float, level: str, message: str) -> None:
        self._log_seq += 1
        traffic.logs.append((self._log_seq, f"{_utc(now)} {level} {traffic.name}: {message}"))

    # ------------------------------------------------------------------ queries

    def select(self, namespace: str | None, deployment: str | None) -> list[Traffic]:
        name = dc.k8s_name(deployment) if deployment else None
        return [traffic for traffic in self.traffic.values()
                if (namespace is None or traffic.namespace == namespace)
                and (name is None or traffic.name == name)]

    def metrics(self, selected: list[Traffic], now: float) -> str:
        requests = sum(t.requests for t in selected)
        errors = sum(t.errors for t in selected)
        total = sum(t.sum_seconds for t in selected)
        lines = [
            "# HELP http_requests_total Total HTTP requests handled.",
            "# TYPE http_requests_total counter",
            f"http_requests_total {requests}",
            "# HELP http_request_errors_total HTTP requests answered with a 5xx status.",
            "# TYPE http_request_errors_total counter",
            f"http_request_errors_total {errors}",
            "# HELP http_request_duration_seconds Time to answer an HTTP request.",
            "# TYPE http_request_duration_seconds histogram",
        ]
        cumulative = 0
        for index, bound in enumerate(BUCKETS):
            cumulative += sum(t.buckets[index] for t in selected)
            lines.append(f'http_request_duration_seconds_bucket{{le="{bound}"}} {cumulative}')
        cumulative += sum(t.buckets[-1] for t in selected)
        lines.append(f'http_request_duration_seconds_bucket{{le="+Inf"}} {cumulative}')
        lines.append(f"http_request_duration_seconds_sum {total:.6f}")
        lines.append(f"http_request_duration_seconds_count {cumulative}")
        lines.append("# HELP demo_deployment_info Revision each deployment is serving.")
        lines.append("# TYPE demo_deployment_info gauge")
        for traffic in sorted(selected, key=lambda t: (t.namespace, t.name)):
            key = dc.deployment_key(traffic.namespace, traffic.name)
            revision = dc.serving_revision(self.state["deployments"][key], now) or {}
            lines.append(
                f'demo_deployment_info{{namespace="{traffic.namespace}",'
                f'deployment="{traffic.name}",component="{traffic.component}",'
                f'version="{revision.get("version", "")}",'
                f'revision="{revision.get("revision", 0)}"}} 1')
        return "\n".join(lines) + "\n"

    def sla(self, selected: list[Traffic], now: float,
            window: float = SLA_WINDOW_SECONDS) -> dict[str, Any] | None:
        samples = [seconds for traffic in selected for stamp, values in traffic.window
                   if stamp > now - window for seconds in values]
        if not samples:
            return None
        requests = sum(t.requests for t in selected)
        errors = sum(t.errors for t in selected)
        return {
            "window_seconds": window,
            "samples": len(samples),
            "p50_ms": round(_percentile(samples, 0.50) * 1000.0, 3),
            "p95_ms": round(_percentile(samples, 0.95) * 1000.0, 3),
            "p99_ms": round(_percentile(samples, 0.99) * 1000.0, 3),
            "error_rate_percent": round(100.0 * errors / requests, 4) if requests else 0.0,
            "deployments": sorted(f"{t.namespace}/{t.name}" for t in selected),
        }

    def describe(self, deployment: dict[str, Any], now: float) -> dict[str, Any]:
        current = dc.current_revision(deployment)
        serving = dc.serving_revision(deployment, now)
        replicas = int(deployment.get("replicas", 1))
        available_at = current.get("available_at")
        if available_at is not None and available_at <= now:
            rollout, ready = "complete", replicas
        elif available_at is None:
            deadline = current["applied_at"] + float(current["faults"]["progress_deadline"])
            rollout, ready = ("failed" if now >= deadline else "progressing"), 0
        else:
            span = max(available_at - current["applied_at"], 1e-6)
            ready = min(replicas, int(replicas * (now - current["applied_at"]) / span))
            rollout = "progressing"
        return {
            "component": deployment["component"],
            "deployment": deployment["name"],
            "namespace": deployment["namespace"],
            "stage": dc.stage_of(deployment["namespace"]),
            "version": serving["version"] if serving else None,
            "revision": serving["revision"] if serving else None,
            "image": serving["image"] if serving else None,
            "desired_revision": current["revision"],
            "desired_version": current["version"],
            "rollout": rollout,
            "replicas": replicas,
            "updated_ready_replicas": ready,
            "maturity": dc.read_maturity(self.workspace, deployment["component"]),
        }

    def status(self, component: str, namespace: str | None,
               now: float) -> tuple[int, dict[str, Any]]:
        matches = [d for d in self.state["deployments"].values()
                   if d["component"] == component or d["name"] == dc.k8s_name(component)]
        if namespace is not None:
            matches = [d for d in matches if d["namespace"] == namespace]
        if not matches:
            where = f" in namespace {namespace}" if namespace else ""
            return 404, {"error": f"component {component!r} is not deployed{where}"}
        # Without a namespace: the deployment that changed last is the one of interest.
        chosen = max(matches, key=lambda d: (d["history"][-1]["applied_at"], d["namespace"]))
        body = self.describe(chosen, now)
        body["environments"] = {}
        for deployment in matches:
            info = self.describe(deployment, now)
            body["environments"][info["stage"]] = {
                key: info[key] for key in ("version", "revision", "rollout", "desired_revision")}
        return 200, body

    def pods(self, namespace: str | None, now: float) -> list[dict[str, Any]]:
        pods = []
        for key, deployment in sorted(self.state["deployments"].items()):
            if namespace is not None and deployment["namespace"] != namespace:
                continue
            info = self.describe(deployment, now)
            serving = dc.serving_revision(deployment, now)
            if serving is not None:
                factor = float(serving["faults"]["latency_factor"])
                rps = REQUESTS_PER_REPLICA_PER_TICK / TICK_SECONDS
                for index in range(info["replicas"]):
                    pods.append(self._pod(deployment, serving, index, "Running",
                                          cpu=round(18 + 0.35 * rps * factor),
                                          memory=112 + index * 4 + serving["revision"] % 7))
            current = dc.current_revision(deployment)
            if serving is None or current["revision"] != serving["revision"]:
                phase = "CrashLoopBackOff" if info["rollout"] == "failed" else "ContainerCreating"
                pods.append(self._pod(deployment, current, 0, phase, cpu=0, memory=0))
        return pods

    def _pod(self, deployment: dict[str, Any], revision: dict[str, Any], index: int,
             phase: str, cpu: int, memory: int) -> dict[str, Any]:
        template = json.dumps(dc.template_of(revision), sort_keys=True).encode()
        template_hash = hashlib.sha1(template).hexdigest()[:10]
        digest = hashlib.sha1(f"{deployment['namespace']}/{deployment['name']}/"
                              f"{revision['revision']}/{index}".encode())
        suffix = "".join(POD_NAME_ALPHABET[b % len(POD_NAME_ALPHABET)]
                         for b in digest.digest()[:5])
        return {
            "name": f"{deployment['name']}-{template_hash}-{suffix}",
            "namespace": deployment["namespace"],
            "deployment": deployment["name"],
            "revision": revision["revision"],
            "phase": phase,
            "ready": phase == "Running",
            "restarts": 0 if phase != "CrashLoopBackOff" else 3,
            "cpu_millicores": cpu,
            "memory_mib": memory,
            "started_at": revision["applied_at"],
        }

    def logs(self, selected: list[Traffic], since: int, tail: int | None) -> dict[str, Any]:
        everything = sorted((seq, text) for traffic in selected for seq, text in traffic.logs
                            if seq > since)
        lines = everything
        if tail is not None:
            lines = lines[-tail:] if tail > 0 else []
        # The cursor is past everything there is, shown or not: `logs -f --tail=0` follows
        # only what comes next.
        return {"lines": [text for _, text in lines],
                "next": everything[-1][0] if everything else max(since, 0)}


class DemoServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, port: int, simulator: Simulator) -> None:
        super().__init__(("127.0.0.1", port), Handler)
        self.simulator = simulator
        self.started = time.time()
        self.last_request = time.monotonic()


class Handler(BaseHTTPRequestHandler):
    server_version = "tta-demo-cluster/1.0"
    protocol_version = "HTTP/1.1"

    @property
    def demo(self) -> DemoServer:
        return cast(DemoServer, self.server)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 (base class name)
        # A query string may carry a credential (?token=...): the access log keeps the path.
        line = re.sub(r"\?[^\s\"]*", "?...", format % args)
        log.info("%s %s", self.address_string(), line)

    def _send(self, status: int, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _json(self, status: int, payload: Any) -> None:
        self._send(status, (json.dumps(payload, indent=2, sort_keys=True) + "\n").encode(),
                   "application/json")

    def do_HEAD(self) -> None:
        self.do_GET()

    def do_POST(self) -> None:
        self.demo.last_request = time.monotonic()
        self._json(405, {"error": "method not allowed; the demo service is read-only"})

    do_PUT = do_DELETE = do_PATCH = do_POST

    def do_GET(self) -> None:
        server = self.demo
        server.last_request = time.monotonic()
        url = urlsplit(self.path)
        query = {key: values[-1] for key, values in parse_qs(url.query).items()}
        namespace = query.get("namespace") or None
        deployment = query.get("deployment") or None
        path = url.path.rstrip("/") or "/"
        now = time.time()
        sim = server.simulator
        try:
            with sim.lock:
                if path == "/health":
                    self._json(200, {
                        "status": "ok",
                        "service": dc.SERVICE_NAME,
                        "workspace": str(sim.workspace),
                        "pid": os.getpid(),
                        "port": server.server_address[1],
                        "uptime_seconds": round(now - server.started, 3),
                        "deployments": len(sim.state["deployments"]),
                    })
                elif path.startswith("/api/v1/status/"):
                    component = unquote(path[len("/api/v1/status/"):])
                    self._json(*sim.status(component, namespace, now))
                elif path == "/api/v1/deployments":
                    self._json(200, {"items": [
                        sim.describe(d, now) for _, d in sorted(sim.state["deployments"].items())
                        if namespace is None or d["namespace"] == namespace]})
                elif path == "/api/v1/pods":
                    self._json(200, {"items": sim.pods(namespace, now)})
                elif path in ("/metrics", "/api/v1/sla", "/api/v1/logs"):
                    self._selection(path, sim, namespace, deployment, query, now)
                else:
                    self._json(404, {"error": f"no route for {url.path}"})
        except (ValueError, KeyError) as error:
            self._json(400, {"error": f"bad request: {error}"})

    def _selection(self, path: str, sim: Simulator, namespace: str | None,
                   deployment: str | None, query: dict[str, str], now: float) -> None:
        selected = sim.select(namespace, deployment)
        if not selected and (namespace or deployment):
            self._json(404, {"error": f"no deployment matches namespace={namespace} "
                                      f"deployment={deployment}"})
            return
        if path == "/metrics":
            self._send(200, sim.metrics(selected, now).encode(),
                       "text/plain; version=0.0.4; charset=utf-8")
        elif path == "/api/v1/sla":
            window = float(query.get("window", SLA_WINDOW_SECONDS))
            if not 0.0 < window <= SLA_WINDOW_SECONDS:
                raise ValueError(f"window must be in (0, {SLA_WINDOW_SECONDS:.0f}] seconds")
            sla = sim.sla(selected, now, window)
            if sla is None:
                self._json(503, {"error": "no traffic recorded yet; try again in a second"})
            else:
                self._json(200, sla)
        else:
            tail = int(query["tail"]) if "tail" in query else None
            self._json(200, sim.logs(selected, int(query.get("since", "0")), tail))


# ---------------------------------------------------------------------- commands


def serve(workspace: Path, port: int, idle_timeout: float) -> int:
    logging.basicConfig(level=logging.INFO, stream=sys.stderr,
                        format="%(asctime)s %(levelname)s %(message)s")
    simulator = Simulator(workspace)
    try:
        server = DemoServer(port, simulator)
    except OSError as error:
        log.error("cannot listen on 127.0.0.1:%d: %s (port busy? set PROMOTION_DEMO_PORT)",
                  port, error.strerror or error)
        return 2
    stop = threading.Event()

    def request_stop(signum: int, frame: Any) -> None:
        log.info("signal %d received, stopping", signum)
        stop.set()

    for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(sig, request_stop)

    info_path = dc.service_info_path(workspace)
    info_path.parent.mkdir(parents=True, exist_ok=True)
    info = {"pid": os.getpid(), "port": port, "workspace": str(workspace),
            "started_at": server.started}
    temp = info_path.with_suffix(".tmp")
    temp.write_text(json.dumps(info) + "\n", encoding="utf-8")
    os.replace(temp, info_path)

    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, name="http",
                     daemon=True).start()
    threading.Thread(target=_ticker, args=(simulator, stop), name="ticker", daemon=True).start()
    log.info("listening on http://127.0.0.1:%d for workspace %s (pid %d)",
             port, workspace, os.getpid())
    while not stop.wait(0.2):
        idle = time.monotonic() - server.last_request
        if idle >= idle_timeout:
            log.info("no requests for %.0f s, exiting", idle)
            break
        if not dc.cluster_dir(workspace).is_dir():
            log.info("workspace %s is gone, exiting", workspace)
            break
    server.shutdown()
    server.server_close()
    try:
        if json.loads(info_path.read_text(encoding="utf-8")).get("pid") == os.getpid():
            info_path.unlink()
    except (OSError, ValueError):
        pass
    log.info("stopped")
    return 0


def _ticker(simulator: Simulator, stop: threading.Event) -> None:
    start = time.monotonic()
    done = 0
    while not stop.is_set():
        due = int((time.monotonic() - start) / TICK_SECONDS) + 1
        if due - done > 50:  # suspended for a while: do not replay minutes of traffic
            done = due - 1
        while done < due:
            simulator.tick(time.time())
            done += 1
        stop.wait(max(0.0, start + done * TICK_SECONDS - time.monotonic()))


def read_service_info(workspace: Path) -> dict[str, Any] | None:
    try:
        info = json.loads(dc.service_info_path(workspace).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return info if isinstance(info, dict) and isinstance(info.get("pid"), int) else None


def _is_demo_service(pid: int) -> bool:
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return dc.pid_alive(pid)  # no /proc: trust the pid file
    return any(part.endswith(b"demo_service.py") for part in cmdline) and b"serve" in cmdline


def stop_service(workspace: Path, quiet: bool = False) -> int:
    info = read_service_info(workspace)
    if info is None or not dc.pid_alive(info["pid"]) or not _is_demo_service(info["pid"]):
        if info is not None:
            dc.service_info_path(workspace).unlink(missing_ok=True)
        if not quiet:
            print("demo cluster service is not running")
        return 0
    pid = info["pid"]
    os.kill(pid, signal.SIGTERM)
    if not dc.wait_until(lambda: not dc.pid_alive(pid), timeout=5.0):
        os.kill(pid, signal.SIGKILL)
        dc.wait_until(lambda: not dc.pid_alive(pid), timeout=2.0)
        dc.service_info_path(workspace).unlink(missing_ok=True)
    if not quiet:
        print(f"demo cluster service stopped (pid {pid}, port {info.get('port')})")
    return 0


def service_status(workspace: Path) -> int:
    info = read_service_info(workspace)
    if info is None or not dc.pid_alive(info["pid"]):
        print("demo cluster service is not running")
        return 3
    print(f"demo cluster service running: pid {info['pid']}, "
          f"http://127.0.0.1:{info['port']}/health")
    return 0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        description="The demo cluster's HTTP service (health, status, SLA, metrics).")
    parser.add_argument("command", choices=("serve", "stop", "status"))
    parser.add_argument("--workspace", type=Path, default=dc.workspace_root())
    parser.add_argument("--port", type=int, default=None)
    parser.add_argument("--idle-timeout", type=float, default=None)
    args = parser.parse_args(argv)
    workspace = args.workspace.resolve()
    if args.command == "stop":
        return stop_service(workspace)
    if args.command == "status":
        return service_status(workspace)
    try:
        port = args.port if args.port is not None else dc.port_from_env(workspace=workspace)
        idle = args.idle_timeout
        if idle is None:
            idle = float(os.environ.get("DEMO_IDLE_TIMEOUT") or DEFAULT_IDLE_TIMEOUT)
    except (dc.ClusterError, ValueError) as error:
        print(f"demo_service.py: {error}", file=sys.stderr)
        return 2
    return serve(workspace, port, idle)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
