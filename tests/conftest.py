from __future__ import annotations

from pathlib import Path

import pytest

from legal_kg.graph import pipeline, store
from legal_kg.graph.kg import KnowledgeGraph
from legal_kg.graph.model import Node

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DATA = Path(__file__).resolve().parent / "data"  # texts written for the tests: see golden/written/README.md
SHARED = ROOT.parent / "shared"


def outputs(folder: Path) -> dict[str, bytes]:
    """The bytes of each file a build wrote into `folder`, by its path there; the store's files (not the same
    bytes from one build to the next) as one entry, its content."""
    found = {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
             if p.is_file() and store.NAME not in p.relative_to(folder).parts}
    if (folder / store.NAME).is_dir():
        found[store.NAME] = store.content(folder / store.NAME)
    return found


@pytest.fixture(scope="session")
def seed_kg() -> KnowledgeGraph:
    return pipeline.build([SEEDS])


def node(kg: KnowledgeGraph, label: str, cls: str | None = None, source: str = "") -> Node:
    """The one node of class `cls` with this label (rdfs:label or an alternative label), of the file
    `source` where given (a person is one per document: namesakes of two files are two nodes)."""
    found = [n for n in kg.nodes.values() if (cls is None or n.cls == cls)
             and (n.label == label or any(t == label for t, _ in n.alt_labels))
             and (not source or any(ev.source == source for ev in n.evidence))]
    assert len(found) == 1, f"{len(found)} nodes labelled {label!r} ({cls}): {[n.iri for n in found]}"
    return found[0]


def objects(kg: KnowledgeGraph, subject: Node, predicate: str) -> list:
    """Objects of `predicate` from `subject`: labels of nodes, or literal values."""
    out = []
    for st in kg.statements:
        if st.subject == subject.iri and st.predicate == predicate:
            out.append(st.obj if st.literal else kg.nodes[str(st.obj)].label)
    return sorted(out, key=str)


def unordered(rows: list) -> list[list[str]]:
    """Rows, sorted, with each joined list sorted (GROUP_CONCAT joins in an order of the engine's)."""
    return sorted([["; ".join(sorted(str(v).split("; "))) for v in row] for row in rows])


SENTENCE_FACTS = {"convictedOf", "convictedUnder", "imprisonmentMonths", "fineYuan"}


def sentence_of(kg: KnowledgeGraph, person: Node) -> Node:
    """The one sentence of a person."""
    (sentence,) = [kg.nodes[st.subject] for st in kg.statements if st.predicate == "sentenceOf" and st.obj == person.iri]
    return sentence


def sentenced(kg: KnowledgeGraph, person: Node, predicate: str) -> list:
    """Objects of `predicate` (a crime, an article, a term, a fine) of the person's sentences."""
    assert predicate in SENTENCE_FACTS
    sentences = [st.subject for st in kg.statements if st.predicate == "sentenceOf" and st.obj == person.iri]
    assert all(kg.nodes[s].cls == "Sentence" for s in sentences)
    return sorted((v for s in sentences for v in objects(kg, kg.nodes[s], predicate)), key=str)
