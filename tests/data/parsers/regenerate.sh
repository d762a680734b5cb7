#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Re-captures the real-tool fixtures of this folder (see README.md) into OUT (default: a new
# temporary folder). It does not overwrite the committed fixtures: timings, timestamps and
# host names change on every run, and the tests compare exact numbers, so copy files over
# deliberately and update tst_parsers.cpp / tst_prometheustextparser.cpp with them.
#
# Needs: /usr/bin/pytest (7.2, pytest-cov 4.0), python3-coverage 6.5, flake8 5.0, mypy 1.0,
# python3-prometheus-client 0.16 (Debian 12); pyright 1.1.414 and secretlint 9.3.4 from npm:
#   npm install -g pyright@1.1.414 secretlint@9.3.4 \
#       @secretlint/secretlint-formatter-sarif@9.3.4 @secretlint/secretlint-rule-preset-recommend@9.3.4
set -eu
OUT=${1:-$(mktemp -d /tmp/parser-fixtures.XXXXXX)}
WORK=$(mktemp -d /tmp/psample.XXXXXX)
mkdir -p "$OUT" "$WORK/src/calc" "$WORK/tests" "$WORK/config" "$WORK/out"
cd "$WORK"

# ---- the sample project: passing, failing, erroring, skipped and xfail tests; lint and type errors
cat > src/calc/__init__.py <<'PY'
"""Tiny calculator package used to capture real tool outputs."""
__maturity__ = "development"
__version__ = "0.1.0"
PY
cat > src/calc/ops.py <<'PY'
import os
import sys


def add(a: int, b: int) -> int:
    return a + b


def divide(a: float, b: float) -> float:
    if b == 0:
        raise ZeroDivisionError("division by zero")
    return a / b


def classify(n: int) -> str:
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    if n > 1000:
        return "huge"
    return "positive"


def broken_types(x: int) -> str:
    return x + 1


def unused_branch(flag):
    result = []
    for i in range(3):
        if flag and i > 1:
            result.append(i)
    return result
PY
cat > src/calc/report.py <<'PY'
from typing import List


def render(values: List[int]) -> str:
    lines = []
    for v in values:
        lines.append("value=%d" % v)
    return "\n".join(lines)


def never_called(path: str) -> int:
    with open(path) as f:
        data = f.read()
    undefined_name_here
    return len(data)
PY
cat > tests/conftest.py <<'PY'
import pytest


@pytest.fixture
def broken_resource():
    raise RuntimeError("fixture could not open the resource")
PY
cat > tests/test_ops.py <<'PY'
import pytest

from calc.ops import add, classify, divide, unused_branch


def test_add():
    assert add(2, 3) == 5


def test_divide():
    assert divide(6, 3) == 2


def test_divide_by_zero():
    with pytest.raises(ZeroDivisionError):
        divide(1, 0)


def test_classify_wrong():
    assert classify(5) == "negative", "classify(5) should be <negative> & \"quoted\""


def test_uses_broken_fixture(broken_resource):
    assert broken_resource


@pytest.mark.skip(reason="not implemented on this platform")
def test_skipped():
    assert False


@pytest.mark.parametrize("n,expected", [(-1, "negative"), (0, "zero"), (7, "positive")])
def test_classify(n, expected):
    assert classify(n) == expected


def test_unused_branch():
    assert unused_branch(True) == [2]


@pytest.mark.xfail(reason="known bug")
def test_expected_failure():
    assert add(1, 1) == 3
PY
cat > tests/test_report.py <<'PY'
import pytest

from calc.report import render


def test_render():
    assert render([1, 2]) == "value=1\nvalue=2"


def test_skip_inside():
    pytest.skip("skipped at runtime")


def test_with_output(record_property):
    record_property("example_key", 1)
    print("some captured stdout")
    assert render([]) == ""
PY
printf '[report]\nprecision = 2\n' > .coveragerc-p2
printf '[report]\nprecision = 1\n' > .coveragerc-p1

# ---- pytest + pytest-cov (branch coverage), JSON from the same .coverage data
PYTHONPATH=src /usr/bin/pytest -p no:cacheprovider --junitxml=out/junit-pytest.xml --cov=calc \
    --cov-branch --cov-config=.coveragerc-p2 --cov-report=xml:out/cobertura-branch.xml \
    --cov-report=term tests > out/pytest-cov-branch-term.txt 2>&1 || true
COVERAGE_RCFILE=.coveragerc-p2 /usr/bin/python3 -m coverage json -o out/coverage-branch.json
rm -f .coverage
# ---- line coverage, xunit1 flavour with captured output
PYTHONPATH=src /usr/bin/pytest -p no:cacheprovider -o junit_family=xunit1 -o junit_logging=all \
    --junitxml=out/junit-pytest-xunit1.xml --cov=calc --cov-config=.coveragerc-p1 \
    --cov-report=xml:out/cobertura-lines.xml --cov-report=term-missing tests \
    > out/pytest-cov-lines-term.txt 2>&1 || true
COVERAGE_RCFILE=.coveragerc-p1 /usr/bin/python3 -m coverage json --pretty-print -o out/coverage-lines.json

# ---- teardown errors and strict xpass; an empty collection; a package with nothing to measure
mkdir -p td/tests empty/tests nothing/src/emptypkg nothing/tests
cat > td/tests/test_teardown.py <<'PY'
import pytest


@pytest.fixture
def flaky_teardown():
    yield 1
    raise OSError("teardown could not release the lock")


def test_passes_then_teardown_fails(flaky_teardown):
    assert flaky_teardown == 1


def test_fails_and_teardown_fails(flaky_teardown):
    assert flaky_teardown == 2


def test_plain_pass():
    pass


@pytest.mark.xfail(strict=True, reason="must fail")
def test_strict_xpass():
    pass
PY
(cd td && /usr/bin/pytest -p no:cacheprovider --junitxml="$WORK/out/junit-pytest-teardown.xml" tests >/dev/null 2>&1 || true)
(cd empty && /usr/bin/pytest -p no:cacheprovider --junitxml="$WORK/out/junit-pytest-empty.xml" tests >/dev/null 2>&1 || true)
echo '"""Only a docstring."""' > nothing/src/emptypkg/__init__.py
printf 'import emptypkg\n\n\ndef test_import():\n    assert emptypkg\n' > nothing/tests/test_e.py
(cd nothing && PYTHONPATH=src /usr/bin/pytest -p no:cacheprovider --cov=emptypkg --cov-branch \
    --cov-report=xml:"$WORK/out/cobertura-empty.xml" tests >/dev/null 2>&1 \
    && /usr/bin/python3 -m coverage json -o "$WORK/out/coverage-empty.json" >/dev/null)

# ---- flake8 and mypy (typed.py is added after the coverage runs, as in the committed set)
cat > src/calc/typed.py <<'PY'
from typing import List


def total(xs: List[float]) -> float:
    return sum(xs)


ints: List[int] = [1, 2]
total(ints)
reveal_type(ints)


def untyped(a):
    x: int = "s"
    return x
PY
flake8 src tests > out/flake8.txt || true
flake8 src/calc/__init__.py > out/flake8-clean.txt || true
MYPYPATH=src mypy --cache-dir="$WORK/.mypy" src tests > out/mypy.txt || true
MYPYPATH=src mypy --cache-dir="$WORK/.mypy" --show-column-numbers src tests > out/mypy-columns.txt || true
MYPYPATH=src mypy --cache-dir="$WORK/.mypy" src/calc/__init__.py > out/mypy-success.txt || true

# ---- pyright
cat > pyrightconfig.json <<'JSON'
{
  "include": ["src", "tests"],
  "extraPaths": ["src"],
  "reportUnusedImport": "warning",
  "reportUnusedVariable": "information",
  "reportMissingModuleSource": "warning"
}
JSON
pyright --pythonpath /usr/bin/python3 --outputjson > out/pyright.json || true
pyright --pythonpath /usr/bin/python3 --outputjson src/calc/__init__.py > out/pyright-clean.json || true

# ---- secretlint SARIF on planted fake credentials (built from pieces so that this script
# itself is not a finding), masked with --maskSecrets
echo '{ "rules": [ { "id": "@secretlint/secretlint-rule-preset-recommend" } ] }' > .secretlintrc.json
{
    echo '# Fake credentials planted to capture real secretlint output. Not real keys.'
    echo "AWS_ACCESS_KEY_ID = \"AKIA""2E0A8F3B244C9986\""
    echo "AWS_SECRET_ACCESS_KEY = \"Hx7wQ9rZ2kL5mN8pT3vB6yC1""dF4gJ0sA7eU2iO5a\""
    echo "DATABASE_URL = \"postgres://admin:s3cr3tPassw0rd""@db.internal:5432/app\""
    echo "GITHUB_TOKEN = \"gh""p_wWPw5k4aXcaT4fNP0UcnZwJUVFk6LO0pINUx\""
} > config/settings.py
{
    echo "-----BEGIN RSA PRIV""ATE KEY-----"
    echo "MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun"
    echo "VTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxK"
    echo "-----END RSA PRIV""ATE KEY-----"
} > config/deploy_key.pem
mkdir -p clean && echo 'NAME = "nothing secret here"' > clean/ok.py
secretlint --maskSecrets --format @secretlint/secretlint-formatter-sarif "config/**/*" > out/secretlint.sarif || true
secretlint --maskSecrets --format @secretlint/secretlint-formatter-sarif "clean/**/*" > out/secretlint-clean.sarif || true

# ---- Prometheus: a prometheus_client registry served over HTTP, scraped twice
cat > capture.py <<'PY'
import math
import random
import threading
import urllib.request
from wsgiref.simple_server import WSGIRequestHandler, make_server

from prometheus_client import (REGISTRY, CollectorRegistry, Counter, Gauge, Histogram, Info,
                               Summary, generate_latest, make_wsgi_app)

reg = CollectorRegistry()
requests = Counter("http_requests", "Requests served.\nSecond line with a \\ backslash.",
                   ["method", "status", "path"], registry=reg)
latency = Histogram("http_request_duration_seconds", "Request latency in seconds.",
                    ["handler"], buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5),
                    registry=reg)
queue = Gauge("queue_depth", "Items waiting.", ["queue"], registry=reg)
ratio = Gauge("cache_hit_ratio", "Cache hit ratio (NaN before first request).", registry=reg)
limit = Gauge("rate_limit", "Configured limits.", ["kind"], registry=reg)
size = Summary("response_size_bytes", "Response sizes.", registry=reg)
Info("build", "Build information.", registry=reg).info({"version": "1.4.2", "revision": "abc123"})
rng = random.Random(42)
ratio.set(math.nan)
limit.labels(kind="upper").set(math.inf)
limit.labels(kind="lower").set(-math.inf)
queue.labels(queue="default").set(3)
queue.labels(queue='weird "q" \\ name\nline2').set(1)


def traffic(n, error_share):
    for _ in range(n):
        handler = rng.choice(["/api/items", "/api/orders"])
        status = "500" if rng.random() < error_share else "200"
        requests.labels(method="GET", status=status, path=handler).inc()
        latency.labels(handler=handler).observe(rng.expovariate(1 / 0.08))
        size.observe(rng.randint(200, 5000))


class Quiet(WSGIRequestHandler):
    def log_message(self, *args):
        pass


server = make_server("127.0.0.1", 0, make_wsgi_app(reg), handler_class=Quiet)
threading.Thread(target=server.serve_forever, daemon=True).start()
url = "http://127.0.0.1:%d/metrics" % server.server_address[1]
traffic(400, 0.005)
open("out/prometheus-scrape1.txt", "wb").write(urllib.request.urlopen(url).read())
traffic(250, 0.04)
open("out/prometheus-scrape2.txt", "wb").write(urllib.request.urlopen(url).read())
server.shutdown()
open("out/prometheus-python-default.txt", "wb").write(generate_latest(REGISTRY))
PY
/usr/bin/python3 capture.py

cp out/* "$OUT"/
rm -rf "$WORK"
echo "fixtures written to $OUT"
