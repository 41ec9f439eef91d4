"""Floors once met are held: the shared scorers run on the development set and on LawRefBook, and a
change that gives back what an issue won fails here."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SHARED

EVAL = SHARED / "eval"
KG = Path(sys.executable).with_name("kg")
pytestmark = pytest.mark.skipif(not (EVAL / "dev.py").exists(), reason="the shared evaluation is not beside the repo")


def _dev(only: str) -> dict:
    run = subprocess.run([sys.executable, str(EVAL / "dev.py"), str(KG), "--only", only, "--json"],
                         capture_output=True, text=True, check=True, timeout=900)
    lines = [ln for ln in run.stdout.splitlines() if ln.startswith("{")]
    return json.loads(lines[-1]) | {"output": run.stdout}


# each issue's part of the development set and the floors held there: what the issue asks for or, where later
# work went past it, what that work reached less a small margin: (issue, files, documents, entities F1,
# relations F1, attributes found, attributes in the gold)
FLOORS = [
    ("layouts", "reg-", 7, 0.98, 0.97, 8, 8),  # the issue: 0.90 / 0.85 / 7 of 8
    ("cases in the wild", "case-", 8, 0.94, 0.93, 11, 11),  # the issue: 0.92 / 0.85 / 10 of 11
    ("Chinese", "zh-", 4, 0.93, 0.89, 12, 12),  # the issue: 0.90 / 0.85 / 11 of 12
]


@pytest.mark.parametrize(("issue", "only", "documents", "entities", "relations", "found", "of"), FLOORS,
                         ids=[f[0] for f in FLOORS])
def test_floors_of_the_development_set(issue, only, documents, entities, relations, found, of):
    got = _dev(only)
    assert got["documents"] == documents
    assert got["entities"]["f1"] >= entities, got["output"]
    assert got["relations"]["f1"] >= relations, got["output"]
    assert got["attributes"][0] >= found and got["attributes"][1] == of, got["output"]


def test_every_document_of_the_development_set_builds_a_graph():
    got = _dev("")
    assert got["documents"] == len(list((EVAL / "dev" / "gold").glob("*.gold.json")))
    assert "no graph" not in got["output"] and "(exit" not in got["output"], got["output"]


@pytest.mark.skipif(not (SHARED / "corpus" / "lawrefbook").is_dir(), reason="the LawRefBook corpus is not beside the repo")
def test_lawrefbook_structure(tmp_path):
    """Issue "layouts": one Regulation with the exact title, no file without a document, own articles,
    effectiveFrom as stated and issuedOn a header date, each >= 0.99; issue "Chinese": no invented person,
    no name cut out of a sentence."""
    corpus = SHARED / "corpus" / "lawrefbook"
    subprocess.run([str(KG), "build", str(corpus), "--out", str(tmp_path / "out"), "--no-cache", "--jobs", "2"],
                   capture_output=True, check=True, timeout=900)
    run = subprocess.run([sys.executable, str(EVAL / "structure.py"), str(corpus), str(tmp_path / "out"), "--json"],
                         capture_output=True, text=True, check=True, timeout=900)
    rates = json.loads(run.stdout)
    assert rates["one Regulation with the exact title"] >= 0.99
    assert rates["no document at all"] == 0
    assert rates["article count matches"] >= 0.99
    assert rates["effectiveFrom as stated"] >= 0.99
    assert rates["issuedOn is a header date"] >= 0.99
    # 最高人民法院...规定 states "本规定自二零零三年二月一日起施行" in Chinese numerals, which the checker's
    # pattern (Arabic digits) does not read: the one date it counts as not stated
    assert rates["effectiveFrom without a stated date"] <= 1
    assert rates["《》 titles cited"] >= 0.99
    # issue "Chinese": no person but signatories, no body or place cut out of a sentence
    assert rates["noise per class"]["Person"]["nodes"] <= 5
    assert sum(v["chopped"] for v in rates["noise per class"].values()) == 0, rates["noise per class"]
