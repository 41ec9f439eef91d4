"""Outputs that change only when the facts do: the builds of the seeds, of the development set and of 1,000
generated documents, compared with the digests of their outputs in tests/golden/outputs.json.

Work on speed (a scanner, a cache, processes) must give the same bytes; a change meant to change what is
extracted changes the digests, and says so in review: regenerate them with

    KG_UPDATE_DIGESTS=1 .venv/bin/python -m pytest tests/io/test_identity.py

The store (graph.oxigraph/) is digested by its content, the pages of docs/ together.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, SEEDS, SHARED, outputs

KG = [sys.executable, "-m", "legal_kg.graph.cli"]
DIGESTS = Path(__file__).resolve().parents[1] / "golden" / "outputs.json"
DEV = SHARED / "eval" / "dev" / "docs"


def digests(folder: Path) -> dict[str, str]:
    """sha256 of each output (the pages of docs/ as one)."""
    found = outputs(folder)
    pages = hashlib.sha256()
    out = {}
    for name, data in sorted(found.items()):
        if name.startswith("docs/"):
            pages.update(name.encode() + b"\0" + data)
        else:
            out[name] = hashlib.sha256(data).hexdigest()
    out["docs/"] = pages.hexdigest()
    return out


def build(paths: list[Path], out: Path) -> dict[str, str]:
    run = subprocess.run([*KG, "build", *map(str, paths), "--out", str(out), "--no-cache", "--jobs", "2"],
                         capture_output=True, text=True, check=False, cwd=ROOT)
    assert run.returncode in (0, 1), run.stderr
    return digests(out)


def corpus(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "generated"
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "make_corpus.py"), "1000", "--seed", "1", "--out",
                    str(folder)], check=True, capture_output=True)
    return [folder]


SETS = {"seeds": lambda tmp: [SEEDS], "dev": lambda tmp: [DEV], "generated-1000": corpus}


@pytest.mark.parametrize("name", list(SETS))
def test_outputs_are_the_bytes_on_record(name, tmp_path):
    if name == "dev" and not DEV.is_dir():
        pytest.skip("the development set is not beside the repository")
    got = build(SETS[name](tmp_path), tmp_path / "out")
    recorded = json.loads(DIGESTS.read_text(encoding="utf-8")) if DIGESTS.exists() else {}
    if os.environ.get("KG_UPDATE_DIGESTS"):
        recorded[name] = got
        DIGESTS.parent.mkdir(exist_ok=True)
        DIGESTS.write_text(json.dumps(recorded, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    assert got == recorded.get(name), f"the outputs of {name} changed; if that is meant, regenerate the digests"
