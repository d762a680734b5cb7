"""Smoke tests run after a deployment: `pytest tests/smoke/ --env=staging -v`.

They talk to the environment over HTTP. In this demo every environment is
served by tools/demo_service.py on 127.0.0.1:$PROMOTION_DEMO_PORT (default: the
port in promotion.yaml, which each demo copy chooses for itself); a real setup
would map --env to https://{env}.tta.dev instead.
"""

from __future__ import annotations

import json
import os
import re
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any, Callable

import pytest

ENVIRONMENTS = ("staging", "production")
HttpGet = Callable[[str], "tuple[int, Any]"]


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("smoke", "post-deployment smoke tests")
    group.addoption("--env", action="store", default=None, choices=ENVIRONMENTS,
                    help="environment to check (staging or production)")
    group.addoption("--component", action="append", default=[],
                    help="only check this component (repeatable); default: all deployed")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--env", default=None):
        return
    skip = pytest.mark.skip(reason="smoke tests need --env=staging|production")
    for item in items:
        if "smoke" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session", autouse=True)
def smoke_delay() -> None:
    """DEMO_SMOKE_DELAY=SECONDS: wait that long before the first check (tests: time to
    roll back or cancel while the smoke tests run)."""
    raw = os.environ.get("DEMO_SMOKE_DELAY", "").strip()
    if raw:
        time.sleep(float(raw))


@pytest.fixture(scope="session")
def env(request: pytest.FixtureRequest) -> str:
    value = request.config.getoption("--env", default=None)
    assert value, "--env is required"
    return str(value)


@pytest.fixture(scope="session")
def namespace(env: str) -> str:
    return f"tta-{env}"


@pytest.fixture(scope="session")
def components(request: pytest.FixtureRequest) -> list[str]:
    return list(request.config.getoption("--component", default=[]) or [])


def _policy_port() -> str:
    """The default of PROMOTION_DEMO_PORT in promotion.yaml (tools/bin/kubectl reads it too)."""
    try:
        text = (Path(__file__).resolve().parents[2] / "promotion.yaml").read_text(encoding="utf-8")
    except OSError:
        return "18555"
    match = re.search(r"\{env:PROMOTION_DEMO_PORT:(\d+)\}", text)
    return match.group(1) if match else "18555"


@pytest.fixture(scope="session")
def base_url() -> str:
    port = os.environ.get("PROMOTION_DEMO_PORT") or _policy_port()
    return f"http://127.0.0.1:{int(port)}"


@pytest.fixture(scope="session")
def http_get(base_url: str) -> HttpGet:
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))

    def get(path: str) -> tuple[int, Any]:
        url = base_url + path
        try:
            with opener.open(url, timeout=5) as response:
                status, raw = int(response.status), response.read()
                content_type = response.headers.get("Content-Type", "")
        except urllib.error.HTTPError as error:
            status, raw = error.code, error.read()
            content_type = error.headers.get("Content-Type", "")
        except urllib.error.URLError as error:
            pytest.fail(f"{url} is not reachable ({error.reason}). Is the environment "
                        f"deployed? `kubectl get deployments -n <namespace>` with tools/bin "
                        f"on PATH starts the demo service.")
        text = raw.decode("utf-8")
        return status, json.loads(text) if "json" in content_type else text

    return get
