"""The merged knowledge graph: nodes with classes and labels, relations and attributes, each with the
evidence (document, character span, quote) that states it."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from .model import Document

if TYPE_CHECKING:
    import networkx
    import pyoxigraph
    import rdflib

DEFAULT_BASE = "https://w3id.org/legal-kg/id/"


class Evidence(NamedTuple):
    """Where a fact or mention is stated: a document node, a span, the file and the span's exact text.
    Evidence sorts by document and position. (A named tuple: a big graph makes a million of them.)"""

    document: str  # the document node's IRI
    start: int
    end: int
    source: str  # file name
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
    skipped: list[str] = field(default_factory=list)  # files or documents left out, one line each
    notes: list[str] = field(default_factory=list)  # documents built with something missing
    timings: dict[str, float] = field(default_factory=dict)  # seconds per stage of the build
    # per document of `documents`: the node IRI of each entity its extraction names (by local id), and its own
    # (by model.DOC)
    local_iris: list[dict[str, str]] = field(default_factory=list)

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

    @cached_property
    def store(self) -> pyoxigraph.Store:
        """An in-memory pyoxigraph store of the graph's RDF (with evidence), for SPARQL."""
        import pyoxigraph

        from .rdf import nquads

        store = pyoxigraph.Store()
        store.load(nquads(self, named_graphs=False), format=pyoxigraph.RdfFormat.N_QUADS)
        return store

    def query(self, sparql: str, **params: str) -> list[dict[str, str | int]]:
        """Run a SPARQL SELECT query; each row a dict of variable -> value (IRIs and strings as str,
        integers as int). Keyword arguments bind variables to string literals (never pasted in)."""
        from .query import QueryError, run

        names, rows = run(self.store, sparql, params)
        if names == ["ask"]:
            raise QueryError("kg.query gives rows; use a SELECT query")
        return [{k: (int(v) if v.lstrip("-").isdigit() else v) for k, v in zip(names, row, strict=True) if v != ""}
                for row in rows]

    def entities(self, type: str | None = None) -> list[Node]:  # noqa: A002 - the ontology's word
        """The entity nodes (not documents), of one class if `type` is given, sorted by label."""
        from .model import ENTITY_CLASSES

        if type is not None and type not in ENTITY_CLASSES:
            raise ValueError(f"unknown class {type!r}; use one of {', '.join(ENTITY_CLASSES)}")
        return sorted((n for n in self.nodes.values() if n.document is None and (type is None or n.cls == type)),
                      key=lambda n: (n.label, n.iri))

    def node(self, name: str | Node) -> Node:
        """The node with this IRI, or the one node with this label (any label, any case)."""
        if isinstance(name, Node):
            return name
        if name in self.nodes:
            return self.nodes[name]
        key = name.casefold()
        found = [n for n in self.nodes.values()
                 if n.label.casefold() == key or any(t.casefold() == key for t, _ in n.alt_labels)]
        if len(found) != 1:
            some = ", ".join(sorted(f"{n.label} ({n.cls})" for n in found)[:8])
            raise KeyError(f"{name!r} names {len(found)} nodes" + (f": {some}" if found else ""))
        return found[0]

    def evidence(self, node: str | Node) -> list[tuple[str, Evidence]]:
        """What states a node: ("mention", evidence) for each mention, and ("subject of P" / "object of P",
        evidence) for each fact it takes part in, sorted by document and position."""
        n = self.node(node)
        out = [("mention", ev) for ev in n.evidence]
        for st in self.statements:
            if st.subject == n.iri:
                out += [(f"subject of {st.predicate}", ev) for ev in st.evidence]
            elif not st.literal and st.obj == n.iri:
                out += [(f"object of {st.predicate}", ev) for ev in st.evidence]
        return sorted(out, key=lambda x: (x[1].document, x[1].start, x[1].end, x[0]))

    def to_html(self, path: str | Path) -> Path:
        """Write the interactive graph page (as graph.html of `kg build`) to `path`."""
        from .html import render_graph

        path = Path(path)
        path.write_text(render_graph(self), encoding="utf-8")
        return path

    def export(self, path: str | Path, to: str = "graphml") -> list[Path]:
        """Write an export (graphml, gexf, json, csv, neo4j) into the folder `path`."""
        from .export import export

        return export(self, Path(path), to)

    def _repr_html_(self) -> str:
        """Jupyter shows the interactive graph inline (a sandboxed iframe holding graph.html)."""
        import html

        from .html import render_graph

        return (f'<iframe srcdoc="{html.escape(render_graph(self), quote=True)}" sandbox="allow-scripts" '
                'style="width: 100%; height: 640px; border: 1px solid #ddd"></iframe>')

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
