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
from itertools import groupby
from pathlib import Path

import pytest

from conftest import DATA, SEEDS, SHARED
from legal_kg.graph import pipeline
from legal_kg.graph.kg import KnowledgeGraph
from legal_kg.graph.model import Node

DEV = SHARED / "eval" / "dev" / "docs"
LAWS = SHARED / "corpus"
GOLDEN = Path(__file__).resolve().parents[1] / "golden"
UPDATE = bool(os.environ.get("KG_UPDATE_GOLDEN"))
PARTS = ("documents", "entities", "labels", "mentions", "relations", "attributes")
CHANGES = ("labels", "relations", "attributes")  # what building together may change
LONG = 100  # characters: a longer value or quote is a text, kept as its length and digest
TITLE = 240  # characters: a longer label too (a title is no text)
SHIPPED = sorted(SEEDS.glob("*.txt"))
TEXTS = sorted(DEV.glob("*.txt")) + sorted(p for p in LAWS.glob("*.md") if p.name != "README.md")
WRITTEN = sorted(p for p in DATA.iterdir() if p.suffix in (".txt", ".md"))


def short(value: object, longest: int = LONG) -> str:
    text = str(value)
    if len(text) <= longest:
        return text
    return f"<{len(text)} characters, sha256 {hashlib.sha256(text.encode('utf-8')).hexdigest()[:12]}>"


def named(n: Node) -> str:
    return f"{n.cls}: {short(n.label, TITLE)}"


def runs(items: list[str]) -> list[tuple[str, int]]:
    """Each item with the number of times it recurs in a row."""
    return [(item, len(list(group))) for item, group in groupby(items)]


def facts(kg: KnowledgeGraph) -> dict[str, list[str]]:
    """One line per document (its IRI, its lines in the file, its languages), entity (its IRI), other label of
    a node, document an entity is named in (with the words it is named by there, in order), relation and
    attribute (a node's own properties among them: an article's number, language and text) of a build,
    sorted. IRIs are written without the build's base."""
    documents, entities, labels, mentions, relations, attributes = [], [], [], [], [], []
    for n in kg.nodes.values():
        iri = n.iri.removeprefix(kg.base)
        labels += [f"{named(n)} | also | {short(text)} ({lang})" for text, lang in n.alt_labels]
        attributes += [f"{named(n)} | {k} | {short(v)}" for k, v in n.props.items()]
        if n.document is not None:
            d = n.document
            documents.append(f"{named(n)} | {iri} | lines {d.first_line}-{d.last_line} | " + ", ".join(d.languages))
            continue
        entities.append(f"{named(n)} | {iri}")
        said: dict[str, list[str]] = {}
        for ev in n.evidence:
            said.setdefault(ev.document, []).append(short(ev.quote))
        mentions += [f"{named(n)} | in {named(kg.nodes[doc])} | " + "; ".join(
            q if k == 1 else f"{q} ×{k}" for q, k in runs(quotes)) for doc, quotes in said.items()]
    for st in kg.statements:
        subject = named(kg.nodes[st.subject])
        if st.literal:
            attributes.append(f"{subject} | {st.predicate} | {short(st.obj)}")
        else:
            relations.append(f"{subject} | {st.predicate} | {named(kg.nodes[str(st.obj)])}")
    return {"documents": sorted(documents), "entities": sorted(entities), "labels": sorted(labels),
            "mentions": sorted(mentions), "relations": sorted(relations), "attributes": sorted(attributes)}


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
    for part in PARTS:
        assert got[part] == expected[part], f"{expected_file.relative_to(GOLDEN.parent)}: {part}"


def together(texts: list[Path]) -> dict[str, list[str]]:
    """What only a build of `texts` as one corpus shows: the nodes that two or more files name (the files),
    the relations and attributes that two or more files back (the files), and the labels, relations and
    attributes it gives that none of the texts built alone gives (`gained`: a report on a judgment of another
    file) or no longer gives (`lost`: what two files said of two nodes now one)."""
    alone: set[str] = set()
    for path in texts:
        alone.update(f"{part}: {line}" for part, lines in facts(pipeline.build([path])).items() for line in lines
                     if part in CHANGES)
    kg = pipeline.build(texts)
    joined = {f"{part}: {line}" for part, lines in facts(kg).items() for line in lines if part in CHANGES}
    nodes = [f"{named(n)} | " + ", ".join(files) for n in kg.nodes.values()
             if len(files := sorted({ev.source for ev in n.evidence})) > 1]
    statements = [f"{named(kg.nodes[st.subject])} | {st.predicate} | "
                  + (short(st.obj) if st.literal else named(kg.nodes[str(st.obj)])) + " | " + ", ".join(files)
                  for st in kg.statements if len(files := sorted({ev.source for ev in st.evidence})) > 1]
    return {"nodes named in several files": sorted(nodes), "statements from several files": sorted(statements),
            "gained": sorted(joined - alone), "lost": sorted(alone - joined)}


@pytest.mark.parametrize("name", ["written", "dev"])
def test_documents_built_together_give_the_facts_across_documents_on_record(name):
    texts = WRITTEN if name == "written" else sorted(DEV.glob("*.txt"))
    if not texts:
        pytest.skip("../shared is not beside the repo")
    got = together(texts)
    expected_file = GOLDEN / "together" / f"{name}.expected.json"
    if UPDATE:
        expected_file.parent.mkdir(parents=True, exist_ok=True)
        expected_file.write_text(json.dumps(got, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    expected = json.loads(expected_file.read_text(encoding="utf-8"))
    for part in got:
        assert got[part] == expected[part], f"{expected_file.relative_to(GOLDEN.parent)}: {part}"


@pytest.mark.skipif(not TEXTS, reason="../shared is not beside the repo")
def test_every_golden_file_has_its_text():
    stems = {p.stem for p in SHIPPED + TEXTS + WRITTEN}
    files = [p for p in GOLDEN.glob("*/*.expected.json") if p.parent.name != "together"]
    assert files and all(p.name.removesuffix(".expected.json") in stems for p in files)
