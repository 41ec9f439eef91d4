from __future__ import annotations

from pathlib import Path

import pytest

from graph import pipeline
from graph.kg import KnowledgeGraph
from graph.model import Node

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DATA = Path(__file__).resolve().parent / "data"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def seed_kg() -> KnowledgeGraph:
    return pipeline.build([SEEDS])


@pytest.fixture(scope="session")
def data_kg() -> KnowledgeGraph:
    return pipeline.build([DATA])


def node(kg: KnowledgeGraph, label: str, cls: str | None = None) -> Node:
    """The one node of class `cls` with this label (rdfs:label or an alternative label)."""
    found = [n for n in kg.nodes.values() if (cls is None or n.cls == cls)
             and (n.label == label or any(t == label for t, _ in n.alt_labels))]
    assert len(found) == 1, f"{len(found)} nodes labelled {label!r} ({cls}): {[n.iri for n in found]}"
    return found[0]


def objects(kg: KnowledgeGraph, subject: Node, predicate: str) -> list:
    """Objects of `predicate` from `subject`: labels of nodes, or literal values."""
    out = []
    for st in kg.statements:
        if st.subject == subject.iri and st.predicate == predicate:
            out.append(st.obj if st.literal else kg.nodes[str(st.obj)].label)
    return sorted(out, key=str)
