"""Is the environment we just deployed to up, and does it serve what we deployed?"""

from __future__ import annotations

import re
from typing import Any, Callable

import pytest

HttpGet = Callable[[str], "tuple[int, Any]"]  # the http_get fixture of conftest.py

pytestmark = pytest.mark.smoke

SEMVER = re.compile(r"\d+\.\d+\.\d+([-+][0-9A-Za-z.-]+)?")


def test_health_endpoint(http_get: HttpGet) -> None:
    status, body = http_get("/health")
    assert status == 200
    assert body["status"] == "ok"


def test_environment_has_deployments(http_get: HttpGet, namespace: str) -> None:
    status, body = http_get(f"/api/v1/deployments?namespace={namespace}")
    assert status == 200
    assert body["items"], f"nothing is deployed in {namespace}"


def test_component_status(http_get: HttpGet, env: str, namespace: str,
                          components: list[str]) -> None:
    status, body = http_get(f"/api/v1/deployments?namespace={namespace}")
    assert status == 200
    deployed = sorted(item["component"] for item in body["items"])
    wanted = components or deployed
    problems = []
    for component in wanted:
        status, info = http_get(f"/api/v1/status/{component}?namespace={namespace}")
        if status != 200:
            problems.append(f"{component}: HTTP {status} {info}")
            continue
        if info["stage"] != env:
            problems.append(f"{component}: reports stage {info['stage']!r}, expected {env!r}")
        if info["rollout"] != "complete":
            problems.append(f"{component}: rollout is {info['rollout']}")
        if not SEMVER.fullmatch(str(info["version"])):
            problems.append(f"{component}: version {info['version']!r} is not semantic")
        if info["version"] != info["desired_version"]:
            problems.append(f"{component}: serves {info['version']}, "
                            f"deployed {info['desired_version']}")
    assert not problems, "\n".join(problems)


def test_unknown_component_is_404(http_get: HttpGet, namespace: str) -> None:
    status, _ = http_get(f"/api/v1/status/no_such_component?namespace={namespace}")
    assert status == 404


def test_metrics_are_exposed(http_get: HttpGet, namespace: str) -> None:
    status, text = http_get(f"/metrics?namespace={namespace}")
    assert status == 200
    for name, kind in (("http_requests_total", "counter"),
                       ("http_request_errors_total", "counter"),
                       ("http_request_duration_seconds", "histogram")):
        assert f"# TYPE {name} {kind}" in text
    assert 'http_request_duration_seconds_bucket{le="+Inf"}' in text
