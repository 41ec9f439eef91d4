"""The merged knowledge graph: nodes with classes and labels, relations and attributes, each with the
evidence (document, character span, quote) that states it."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

from .model import Document

if TYPE_CHECKING:
    import networkx
    import rdflib

DEFAULT_BASE = "https://w3id.org/legal-kg/id/"


@dataclass(frozen=True, order=True)
class Evidence:
    """Where a fact or mention is stated: a document node, the file, a span and its exact text."""

    document: str  # the document node's IRI
    source: str  # file name
    start: int
    end: int
    quote: str


@dataclass
class Node:
    iri: str
    cls: str
    label: str
    label_lang: str = "en"
    alt_labels: set[tuple[str, str]] = field(default_factory=set)  # (text, lang)
    props: dict[str, Any] = field(default_factory=dict)  # number, text, title, source, ...
    evidence: list[Evidence] = field(default_factory=list)
    document: Document | None = None

    @property
    def zh_label(self) -> str:
        if self.label_lang == "zh":
            return self.label
        return min((t for t, lang in self.alt_labels if lang == "zh"), key=lambda t: (len(t), t), default="")


@dataclass
class Statement:
    """A relation (obj is a node IRI) or an attribute (obj is a value) with all its evidence."""

    subject: str
    predicate: str
    obj: str | int
    literal: bool
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class KnowledgeGraph:
    """What `graph.build` returns. `.nx` and `.rdf` are views made on first use."""

    nodes: dict[str, Node]
    statements: list[Statement]
    documents: list[Document]
    base: str = DEFAULT_BASE
    skipped: list[str] = field(default_factory=list)

    def relations(self) -> list[Statement]:
        return [s for s in self.statements if not s.literal]

    def attributes(self) -> list[Statement]:
        return [s for s in self.statements if s.literal]

    def document_nodes(self) -> list[Node]:
        return [n for n in self.nodes.values() if n.document is not None]

    @cached_property
    def nx(self) -> networkx.MultiDiGraph:
        from .nxgraph import to_networkx

        return to_networkx(self)

    @cached_property
    def rdf(self) -> rdflib.Graph:
        from .rdf import to_rdflib

        return to_rdflib(self)

    def summary(self) -> dict[str, dict[str, int]]:
        """Counts: documents by genre, entities by class, relations by predicate."""
        genres: dict[str, int] = {}
        classes: dict[str, int] = {}
        for n in self.nodes.values():
            bucket = genres if n.document is not None else classes
            bucket[n.cls] = bucket.get(n.cls, 0) + 1
        rels: dict[str, int] = {}
        for s in self.relations():
            rels[s.predicate] = rels.get(s.predicate, 0) + 1
        return {"documents": dict(sorted(genres.items())), "entities": dict(sorted(classes.items())),
                "relations": dict(sorted(rels.items()))}
