"""Workspace tooling the promotion relies on: manifests and the AI-context note."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from e2e_support import WORKSPACE, DemoCluster

pytestmark = pytest.mark.e2e

sys.path.insert(0, str(WORKSPACE / "tools"))
import demo_cluster  # noqa: E402


@pytest.mark.parametrize("manifest", sorted(WORKSPACE.glob("k8s/*/*.yaml")),
                         ids=lambda path: f"{path.parent.name}/{path.name}")
def test_manifest_matches_its_stage_and_component(manifest: Path) -> None:
    stage, component = manifest.parent.name, manifest.stem
    documents = demo_cluster.parse_manifests(manifest.read_text(), str(manifest))
    kinds = {doc["kind"]: doc for doc in documents}
    assert set(kinds) == {"Deployment", "Service"}
    deployment = kinds["Deployment"]
    assert deployment["metadata"]["namespace"] == f"tta-{stage}"
    assert deployment["metadata"]["name"] == component.replace("_", "-")
    assert deployment["metadata"]["labels"]["tta.dev/component"] == component
    container = deployment["spec"]["template"]["spec"]["containers"][0]
    assert container["readinessProbe"]["httpGet"]["path"] == "/health"
    assert (WORKSPACE / "src" / component / "__init__.py").is_file()


def test_ai_context_note_is_appended(cluster: DemoCluster) -> None:
    script = cluster.root / "tools" / "ai_context.py"
    for note in ("first", "Component x promoted from development to staging."):
        result = subprocess.run([sys.executable, str(script), "add", "integrated-workflow-test",
                                 note, "--importance", "1.0"],
                                capture_output=True, text=True, timeout=30)
        assert result.returncode == 0, result.stderr
    lines = (cluster.root / "ai-context" / "integrated-workflow-test.jsonl").read_text()
    entries = [json.loads(line) for line in lines.splitlines()]
    assert [entry["content"] for entry in entries][-1].endswith("to staging.")
    assert entries[-1]["importance"] == 1.0
    bad = subprocess.run([sys.executable, str(script), "add", "../escape", "x"],
                         capture_output=True, text=True, timeout=30)
    assert bad.returncode == 1 and "invalid session id" in bad.stderr
