"""Golden files per real document: the facts a build of one real document gives (its entities, relations
and attributes, one readable line each), compared with the file beside the others of its genre,
`tests/golden/<genre>/<name>.expected.json`. The documents: the shipped seed file, the development set and
the seven national laws of ../shared/corpus; and, under `tests/golden/written/`, the texts written for the
tests (tests/data; `tests/golden/written/README.md` says why they are there). A change to what is extracted shows
there line by line in review; regenerate the files with

    KG_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/genres/test_golden.py

The texts stay in ../shared: a golden file holds labels and values, and a value longer than a
name (an article's text) only as its length and digest.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest

from conftest import DATA, SEEDS, SHARED
from graph import pipeline
from graph.kg import KnowledgeGraph
from graph.model import Node

DEV = SHARED / "eval" / "dev" / "docs"
LAWS = SHARED / "corpus"
GOLDEN = Path(__file__).resolve().parents[1] / "golden"
UPDATE = bool(os.environ.get("KG_UPDATE_GOLDEN"))
LONG = 100  # characters: a longer value is a text, kept as its length and digest
SHIPPED = sorted(SEEDS.glob("*.txt"))
TEXTS = sorted(DEV.glob("*.txt")) + sorted(p for p in LAWS.glob("*.md") if p.name != "README.md")
WRITTEN = sorted(p for p in DATA.iterdir() if p.suffix in (".txt", ".md"))


def short(value: object) -> str:
    text = str(value)
    if len(text) <= LONG:
        return text
    return f"<{len(text)} characters, sha256 {hashlib.sha256(text.encode('utf-8')).hexdigest()[:12]}>"


def named(n: Node) -> str:
    zh = n.zh_label
    return f"{n.cls}: {short(n.label)}" + (f" / {zh}" if zh and zh != n.label else "")


def facts(kg: KnowledgeGraph) -> dict[str, list[str]]:
    """One line per document, entity, relation and attribute of a build, sorted."""
    documents = sorted(f"{n.cls}: {short(n.label)}" for n in kg.nodes.values() if n.document is not None)
    entities = sorted(named(n) for n in kg.nodes.values() if n.document is None)
    relations, attributes = [], []
    for st in kg.statements:
        subject = named(kg.nodes[st.subject])
        if st.literal:
            attributes.append(f"{subject} | {st.predicate} | {short(st.obj)}")
        else:
            relations.append(f"{subject} | {st.predicate} | {named(kg.nodes[str(st.obj)])}")
    return {"documents": documents, "entities": entities, "relations": sorted(relations),
            "attributes": sorted(attributes)}


def golden(path: Path, kg: KnowledgeGraph) -> Path:
    """Where the golden file of the text at `path` is: under its first document's genre (or under `written`,
    a text written for the tests)."""
    if path.parent == DATA:
        return GOLDEN / "written" / f"{path.stem}.expected.json"
    first = min((n for n in kg.nodes.values() if n.document is not None),
                key=lambda n: n.document.start, default=None)
    genre = first.cls.lower() if first is not None else "none"
    return GOLDEN / genre / f"{path.stem}.expected.json"


@pytest.mark.parametrize("path", SHIPPED + TEXTS + WRITTEN, ids=lambda p: p.stem)
def test_a_real_document_gives_the_facts_on_record(path):
    kg = pipeline.build([path])
    got = facts(kg)
    expected_file = golden(path, kg)
    if UPDATE:
        expected_file.parent.mkdir(parents=True, exist_ok=True)
        expected_file.write_text(json.dumps(got, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    expected = json.loads(expected_file.read_text(encoding="utf-8"))
    for part in ("documents", "entities", "relations", "attributes"):
        assert got[part] == expected[part], f"{expected_file.relative_to(GOLDEN.parent)}: {part}"


@pytest.mark.skipif(not TEXTS, reason="../shared is not beside the repo")
def test_every_golden_file_has_its_text():
    stems = {p.stem for p in SHIPPED + TEXTS + WRITTEN}
    files = [p for p in GOLDEN.glob("*/*.expected.json")]
    assert files and all(p.name.removesuffix(".expected.json") in stems for p in files)
