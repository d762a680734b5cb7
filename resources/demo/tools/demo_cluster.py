"""Shared pieces of the demo cluster: state file, manifest reader, service discovery.

The demo replaces a Kubernetes cluster with two small programs that agree on
one JSON file, ``.demo-cluster/state.json`` in the workspace:

* ``tools/bin/kubectl`` (the shim) writes it: ``apply`` adds revisions,
  ``rollout undo`` restores one, ``delete`` removes deployments.
* ``tools/demo_service.py`` reads it and serves health, status, SLA and
  Prometheus metrics for whatever revision each deployment is serving.

Standard library only: the demo must run on a bare ``python3``.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import re
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any, Iterator

DEFAULT_PORT = 18555
SERVICE_NAME = "tta-demo-cluster"
STATE_VERSION = 1

# Fault injection knobs, read from the environment of `kubectl apply`.
FAULT_ENV = {
    "DEMO_ERROR_RATE": "error_rate",           # percent of requests answered with 5xx
    "DEMO_LATENCY_FACTOR": "latency_factor",   # multiplies every simulated latency
    "DEMO_ROLLOUT_FAIL": "rollout_fail",       # 1: new pods never become ready
    "DEMO_ROLLOUT_SECONDS": "rollout_seconds",  # time until all new pods are ready
    "DEMO_PROGRESS_DEADLINE": "progress_deadline",  # seconds before a stuck rollout fails
}
DEFAULT_FAULTS: dict[str, float | bool] = {
    "error_rate": 0.0,
    "latency_factor": 1.0,
    "rollout_fail": False,
    "rollout_seconds": 1.0,
    "progress_deadline": 10.0,
}


class ClusterError(Exception):
    """Something the shim reports on stderr and turns into exit status 1."""


# --------------------------------------------------------------------------- paths


def workspace_root() -> Path:
    """The workspace this copy of tools/ belongs to (tools/ sits in its root)."""
    return Path(__file__).resolve().parent.parent


def cluster_dir(workspace: Path) -> Path:
    return workspace / ".demo-cluster"


def state_path(workspace: Path) -> Path:
    return cluster_dir(workspace) / "state.json"


def service_info_path(workspace: Path) -> Path:
    return cluster_dir(workspace) / "service.json"


def service_log_path(workspace: Path) -> Path:
    return cluster_dir(workspace) / "service.log"


def port_from_env(environ: dict[str, str] | None = None,
                  workspace: Path | None = None) -> int:
    """$PROMOTION_DEMO_PORT, else the port this workspace's promotion.yaml names, else 18555.

    Each demo copy gets a port of its own, written into its promotion.yaml as the
    default of ``PROMOTION_DEMO_PORT: "{env:PROMOTION_DEMO_PORT:NNNNN}"``; promotion
    runs export that value, and kubectl run by hand reads it here.
    """
    raw = (environ if environ is not None else os.environ).get("PROMOTION_DEMO_PORT", "")
    if not raw.strip():
        return configured_port(workspace) if workspace is not None else DEFAULT_PORT
    try:
        port = int(raw)
    except ValueError:
        raise ClusterError(f"error: PROMOTION_DEMO_PORT={raw!r} is not a port number") from None
    if not 1 <= port <= 65535:
        raise ClusterError(f"error: PROMOTION_DEMO_PORT={port} is outside 1..65535")
    return port


_POLICY_PORT = re.compile(
    r"""^\s*PROMOTION_DEMO_PORT:\s*["']?(?:\{env:PROMOTION_DEMO_PORT:)?(\d{1,5})\}?["']?\s*$""",
    re.MULTILINE)


def configured_port(workspace: Path) -> int:
    """The port in the ``environment:`` section of the workspace's promotion.yaml."""
    try:
        text = (workspace / "promotion.yaml").read_text(encoding="utf-8")
    except OSError:
        return DEFAULT_PORT
    match = _POLICY_PORT.search(text)
    port = int(match.group(1)) if match else DEFAULT_PORT
    return port if 1 <= port <= 65535 else DEFAULT_PORT


# --------------------------------------------------------------------------- names


def k8s_name(name: str) -> str:
    """Kubernetes names cannot contain '_'; the seed's commands use the component name."""
    return name.replace("_", "-").lower()


def stage_of(namespace: str) -> str:
    return namespace[4:] if namespace.startswith("tta-") else namespace


def deployment_key(namespace: str, name: str) -> str:
    return f"{namespace}/{k8s_name(name)}"


def version_of(image: str) -> str:
    """The tag of an image reference (``repo/name:1.2.3`` -> ``1.2.3``)."""
    last = image.rsplit("/", 1)[-1]
    if "@" in last:
        return last.split("@", 1)[1][:19]
    return last.split(":", 1)[1] if ":" in last else "latest"


# --------------------------------------------------------------------------- state


def empty_state() -> dict[str, Any]:
    return {"version": STATE_VERSION, "deployments": {}, "services": {}}


def load_state(workspace: Path) -> dict[str, Any]:
    """The cluster state; seeded from ops/cluster-baseline.json on first use."""
    path = state_path(workspace)
    try:
        state = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return baseline_state(workspace)
    except (OSError, json.JSONDecodeError) as error:
        raise ClusterError(f"error: {path}: unreadable cluster state ({error}); "
                           f"remove it to start from the baseline") from None
    if not isinstance(state, dict) or state.get("version") != STATE_VERSION:
        raise ClusterError(f"error: {path}: unsupported cluster state; remove it to start over")
    state.setdefault("deployments", {})
    state.setdefault("services", {})
    return state


def save_state(workspace: Path, state: dict[str, Any]) -> None:
    directory = cluster_dir(workspace)
    directory.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=directory, prefix=".state-", suffix=".json")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(state, handle, indent=2, sort_keys=True)
            handle.write("\n")
        os.replace(temp, state_path(workspace))
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


@contextlib.contextmanager
def exclusive(workspace: Path, name: str) -> Iterator[None]:
    """An advisory lock in .demo-cluster/, for kubectl calls running in parallel."""
    directory = cluster_dir(workspace)
    directory.mkdir(parents=True, exist_ok=True)
    with open(directory / name, "a+", encoding="utf-8") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


@contextlib.contextmanager
def locked_state(workspace: Path) -> Iterator[dict[str, Any]]:
    """Read-modify-write of the state; saved only when the block succeeds."""
    with exclusive(workspace, "state.lock"):
        state = load_state(workspace)
        yield state
        save_state(workspace, state)


def baseline_state(workspace: Path) -> dict[str, Any]:
    """What 'was already running' before the demo: the previous release of each component.

    Without it the first promotion to an environment would have no earlier
    revision, and `kubectl rollout undo` could not demonstrate a rollback. The
    entries of ops/cluster-baseline.json come first; every Deployment in
    k8s/<stage>/*.yaml that the file does not list gets revision 1 with its
    previous version too (see previous_image), so each one has a baseline.
    """
    state = empty_state()
    path = workspace / "ops" / "cluster-baseline.json"
    # Derived from files, not the clock, so every reader computes the same state.
    since = 0.0
    if path.is_file():
        try:
            baseline = json.loads(path.read_text(encoding="utf-8"))
            entries = baseline["deployments"]
            since = path.stat().st_mtime - 86400.0 * float(baseline.get("deployed_days_ago", 30))
            for index, entry in enumerate(entries):
                _add_baseline(state, str(entry["namespace"]), str(entry["name"]),
                              str(entry.get("component", "")), str(entry["image"]),
                              int(entry.get("replicas", 1)), since,
                              str(path.relative_to(workspace)),
                              f"release before the demo (baseline entry {index})")
        except (OSError, ValueError, KeyError, TypeError) as error:
            raise ClusterError(f"error: {path}: invalid cluster baseline ({error!r})") from None
    for manifest in sorted((workspace / "k8s").glob("*/*.yaml")):
        try:
            documents = parse_manifests(manifest.read_text(encoding="utf-8"), str(manifest))
            stamp = since or manifest.stat().st_mtime - 86400.0 * 30
        except (OSError, ClusterError):
            continue  # `kubectl apply` reports a broken manifest when it is used
        for doc in documents:
            name = lookup(doc, "metadata", "name")
            image = lookup(doc, "spec", "template", "spec", "containers", 0, "image")
            if doc.get("kind") != "Deployment" or not isinstance(name, str) \
                    or not isinstance(image, str):
                continue
            namespace = str(lookup(doc, "metadata", "namespace")
                            or f"tta-{manifest.parent.name}")
            if deployment_key(namespace, name) in state["deployments"]:
                continue
            previous = previous_image(doc, image)
            if previous is None:
                continue
            replicas = lookup(doc, "spec", "replicas")
            component = lookup(doc, "metadata", "labels", "tta.dev/component")
            _add_baseline(state, namespace, name, str(component or ""), previous,
                          replicas if isinstance(replicas, int) and replicas >= 0 else 1,
                          stamp, str(manifest.relative_to(workspace)),
                          "release before the demo (previous version of the manifest)")
    return state


def previous_image(doc: dict[str, Any], image: str) -> str | None:
    """The image of the release before the manifest's: its ``tta.dev/previous-version``
    annotation, else the same version with the patch number lowered (None when 0)."""
    repository, _, tag = image.rpartition(":")
    if not repository or "/" in tag:
        return None
    annotated = lookup(doc, "metadata", "annotations", "tta.dev/previous-version")
    if isinstance(annotated, (str, int, float)) and str(annotated).strip():
        return f"{repository}:{str(annotated).strip()}"
    match = re.fullmatch(r"(v?\d+\.\d+\.)(\d+)", tag)
    if not match or int(match.group(2)) == 0:
        return None
    return f"{repository}:{match.group(1)}{int(match.group(2)) - 1}"


def _add_baseline(state: dict[str, Any], namespace: str, name: str, component: str,
                  image: str, replicas: int, since: float, source: str, cause: str) -> None:
    name = k8s_name(name)
    state["deployments"][deployment_key(namespace, name)] = {
        "name": name,
        "namespace": namespace,
        "component": component or name.replace("-", "_"),
        "replicas": replicas,
        "created_at": since,
        "manifest": source,
        "generation": 1,
        "history": [new_revision(1, image, {}, dict(DEFAULT_FAULTS), since, cause)],
    }


def new_revision(number: int, image: str, env: dict[str, str], faults: dict[str, Any],
                 applied_at: float, change_cause: str) -> dict[str, Any]:
    ready_after = float(faults["rollout_seconds"])
    return {
        "revision": number,
        "image": image,
        "version": version_of(image),
        "env": env,
        "faults": faults,
        "applied_at": applied_at,
        # None: the pods never become ready (DEMO_ROLLOUT_FAIL).
        "available_at": None if faults["rollout_fail"] else applied_at + ready_after,
        "change_cause": change_cause,
    }


def template_of(revision: dict[str, Any]) -> dict[str, Any]:
    """The part of a revision that makes it different from another (the pod template)."""
    return {"image": revision["image"], "env": revision["env"], "faults": revision["faults"]}


def current_revision(deployment: dict[str, Any]) -> dict[str, Any]:
    return dict(deployment["history"][-1])


def serving_revision(deployment: dict[str, Any], now: float) -> dict[str, Any] | None:
    """The newest revision whose pods are ready: a stuck rollout keeps the old pods serving."""
    for revision in reversed(deployment["history"]):
        available_at = revision.get("available_at")
        if available_at is not None and available_at <= now:
            return dict(revision)
    return None


def faults_from_env(environ: dict[str, str], base: dict[str, Any]) -> dict[str, Any]:
    faults = dict(DEFAULT_FAULTS)
    faults.update({k: v for k, v in base.items() if k in faults})
    for variable, key in FAULT_ENV.items():
        raw = environ.get(variable)
        if raw is None or raw.strip() == "":
            continue
        if key == "rollout_fail":
            faults[key] = raw.strip().lower() in ("1", "true", "yes", "on")
            continue
        try:
            value = float(raw)
        except ValueError:
            raise ClusterError(f"error: {variable}={raw!r} is not a number") from None
        if key == "error_rate" and not 0.0 <= value <= 100.0:
            raise ClusterError(f"error: {variable}={raw} must be a percentage between 0 and 100")
        if key == "latency_factor" and not 0.0 < value <= 100.0:
            raise ClusterError(f"error: {variable}={raw} must be > 0 and <= 100")
        if key in ("rollout_seconds", "progress_deadline") and not 0.0 <= value <= 3600.0:
            raise ClusterError(f"error: {variable}={raw} must be between 0 and 3600 seconds")
        faults[key] = value
    return faults


def read_maturity(workspace: Path, component: str) -> str | None:
    init = workspace / "src" / component / "__init__.py"
    try:
        text = init.read_text(encoding="utf-8")
    except OSError:
        return None
    match = re.search(r"""^__maturity__\s*=\s*["']([^"']+)["']""", text, re.MULTILINE)
    return match.group(1) if match else None


# --------------------------------------------------------------------------- HTTP


# The service is always local: never send its requests through an http_proxy.
_OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def http_get_json(url: str, timeout: float = 2.0) -> tuple[int, Any]:
    """(status, decoded JSON or None). Raises OSError when nothing answers."""
    request = urllib.request.Request(url, headers={"Accept": "application/json"})
    try:
        with _OPENER.open(request, timeout=timeout) as response:
            body = response.read()
            status = int(response.status)
    except urllib.error.HTTPError as error:
        body = error.read()
        status = error.code
    except urllib.error.URLError as error:
        # Unwrap, so callers can tell "nothing listens" (ConnectionRefusedError).
        if isinstance(error.reason, OSError):
            raise error.reason from None
        raise OSError(str(error.reason)) from None
    try:
        return status, json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return status, None


def pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A zombie has exited; its parent (init, in a container maybe nobody) just has not reaped it.
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return True
    return stat.rpartition(")")[2].split()[:1] != ["Z"]


def wait_until(predicate: Any, timeout: float, interval: float = 0.05) -> bool:
    deadline = time.monotonic() + timeout
    while True:
        if predicate():
            return True
        if time.monotonic() >= deadline:
            return False
        time.sleep(interval)


# --------------------------------------------------------------------------- manifests


class ManifestError(ClusterError):
    def __init__(self, filename: str, line: int, message: str) -> None:
        super().__init__(f"error: {filename}:{line}: {message}")


class _Line:
    __slots__ = ("indent", "text", "number")

    def __init__(self, indent: int, text: str, number: int) -> None:
        self.indent = indent
        self.text = text
        self.number = number


def parse_manifests(text: str, filename: str) -> list[dict[str, Any]]:
    """The documents of a Kubernetes YAML file, for the block-style subset manifests use.

    Supported: block mappings and sequences, plain and quoted scalars, comments,
    ``---`` separators, and one-line flow lists/maps of scalars. Anything else
    (anchors, block scalars, tabs) is an error naming the line.
    """
    documents: list[list[_Line]] = [[]]
    for number, raw in enumerate(text.splitlines(), start=1):
        if raw.rstrip() in ("---", "...") or raw.startswith("--- "):
            documents.append([])
            continue
        if "\t" in raw[: len(raw) - len(raw.lstrip())]:
            raise ManifestError(filename, number, "tabs are not allowed for indentation")
        content = _strip_comment(raw).rstrip()
        if not content.strip():
            continue
        indent = len(content) - len(content.lstrip(" "))
        documents[-1].append(_Line(indent, content.strip(), number))
    result: list[dict[str, Any]] = []
    for lines in documents:
        if not lines:
            continue
        value, index = _parse_block(lines, 0, lines[0].indent, filename)
        if index != len(lines):
            raise ManifestError(filename, lines[index].number,
                                "unexpected line (indentation does not match its parent)")
        if not isinstance(value, dict):
            raise ManifestError(filename, lines[0].number, "a manifest must be a mapping")
        result.append(value)
    return result


def _strip_comment(line: str) -> str:
    quote: str | None = None
    for index, char in enumerate(line):
        if quote:
            if char == quote:
                quote = None
        elif char in "\"'":
            quote = char
        elif char == "#" and (index == 0 or line[index - 1] in " \t"):
            return line[:index]
    return line


def _is_item(line: _Line) -> bool:
    return line.text == "-" or line.text.startswith("- ")


def _parse_block(lines: list[_Line], index: int, indent: int,
                 filename: str) -> tuple[Any, int]:
    if _is_item(lines[index]):
        return _parse_sequence(lines, index, indent, filename)
    return _parse_mapping(lines, index, indent, filename)


def _parse_sequence(lines: list[_Line], index: int, indent: int,
                    filename: str) -> tuple[list[Any], int]:
    items: list[Any] = []
    while index < len(lines) and lines[index].indent == indent and _is_item(lines[index]):
        line = lines[index]
        rest = line.text[1:].lstrip(" ")
        if not rest:
            index += 1
            if index < len(lines) and lines[index].indent > indent:
                value, index = _parse_block(lines, index, lines[index].indent, filename)
            else:
                value = None
            items.append(value)
            continue
        nested = rest == "-" or rest.startswith("- ")
        if nested or (_split_key(rest) is not None and not rest.startswith(("[", "{", "\"", "'"))):
            # "- key: value" opens a mapping whose keys line up with "key"
            # ("- - x" a sequence lining up with the inner dash).
            column = indent + (len(line.text) - len(rest))
            lines[index] = _Line(column, rest, line.number)
            value, index = _parse_block(lines, index, column, filename)
            items.append(value)
            continue
        items.append(_scalar(rest, filename, line.number))
        index += 1
    return items, index


def _parse_mapping(lines: list[_Line], index: int, indent: int,
                   filename: str) -> tuple[dict[str, Any], int]:
    mapping: dict[str, Any] = {}
    while index < len(lines) and lines[index].indent == indent and not _is_item(lines[index]):
        line = lines[index]
        split = _split_key(line.text)
        if split is None:
            raise ManifestError(filename, line.number, f"expected 'key: value', got {line.text!r}")
        key, rest = split
        if key in mapping:
            raise ManifestError(filename, line.number, f"duplicate key {key!r}")
        index += 1
        if rest in ("|", "|-", "|+", ">", ">-", ">+") or rest.startswith(("&", "*", "!")):
            raise ManifestError(filename, line.number,
                                "block scalars, anchors and tags are not supported by the demo")
        if rest:
            mapping[key] = _scalar(rest, filename, line.number)
            continue
        if index < len(lines) and (lines[index].indent > indent
                                   or (lines[index].indent == indent and _is_item(lines[index]))):
            mapping[key], index = _parse_block(lines, index, lines[index].indent, filename)
        else:
            mapping[key] = None
    if index < len(lines) and lines[index].indent > indent:
        raise ManifestError(filename, lines[index].number, "unexpected indentation")
    return mapping, index


def _split_key(text: str) -> tuple[str, str] | None:
    quote: str | None = None
    for index, char in enumerate(text):
        if quote:
            if char == quote:
                quote = None
            continue
        if char in "\"'" and index == 0:
            quote = char
        elif char == ":" and (index + 1 == len(text) or text[index + 1] == " "):
            key = text[:index].strip()
            if len(key) >= 2 and key[0] == key[-1] and key[0] in "\"'":
                key = key[1:-1]
            return key, text[index + 1:].strip()
    return None


_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)$")
_FLOAT = re.compile(r"[-+]?([0-9]+\.[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?$")


def _scalar(text: str, filename: str, number: int) -> Any:
    if text.startswith("\""):
        if len(text) < 2 or not text.endswith("\""):
            raise ManifestError(filename, number, "unterminated double-quoted string")
        try:
            return json.loads(text)
        except json.JSONDecodeError:
            raise ManifestError(filename, number, f"bad escape in {text}") from None
    if text.startswith("'"):
        if len(text) < 2 or not text.endswith("'"):
            raise ManifestError(filename, number, "unterminated single-quoted string")
        return text[1:-1].replace("''", "'")
    if text.startswith("["):
        if not text.endswith("]"):
            raise ManifestError(filename, number, "unterminated flow sequence")
        inner = text[1:-1].strip()
        if not inner:
            return []
        return [_scalar(part, filename, number) for part in _split_flow(inner, filename, number)]
    if text.startswith("{"):
        if not text.endswith("}"):
            raise ManifestError(filename, number, "unterminated flow mapping")
        result: dict[str, Any] = {}
        for part in _split_flow(text[1:-1].strip(), filename, number):
            split = _split_key(part)
            if split is None:
                raise ManifestError(filename, number, f"expected 'key: value' in {text}")
            result[split[0]] = _scalar(split[1], filename, number) if split[1] else None
        return result
    if text in ("null", "Null", "NULL", "~"):
        return None
    if text in ("true", "True", "TRUE"):
        return True
    if text in ("false", "False", "FALSE"):
        return False
    if _INT.match(text):
        return int(text)
    if _FLOAT.match(text):
        return float(text)
    return text


def _split_flow(text: str, filename: str, number: int) -> list[str]:
    parts = _split_flow_parts(text)
    if parts is None:
        raise ManifestError(filename, number, "nested flow collections are not supported")
    return parts


def _split_flow_parts(text: str) -> list[str] | None:
    parts: list[str] = []
    current: list[str] = []
    quote: str | None = None
    for char in text:
        if quote:
            current.append(char)
            if char == quote:
                quote = None
        elif char in "\"'":
            quote = char
            current.append(char)
        elif char in "[]{}":
            return None
        elif char == ",":
            parts.append("".join(current).strip())
            current = []
        else:
            current.append(char)
    if "".join(current).strip():
        parts.append("".join(current).strip())
    return parts


def lookup(document: dict[str, Any], *path: str | int) -> Any:
    """document[path[0]][path[1]]..., or None where any step is missing."""
    value: Any = document
    for step in path:
        if isinstance(step, int) and isinstance(value, list) and 0 <= step < len(value):
            value = value[step]
        elif isinstance(step, str) and isinstance(value, dict) and step in value:
            value = value[step]
        else:
            return None
    return value
