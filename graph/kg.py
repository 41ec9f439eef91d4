"""The knowledge graph users get: the merged graph (`graph.model.Graph`) with its views (networkx,
rdflib, an Oxigraph store for SPARQL) made on first use, and its writers (HTML, exports) at hand."""

from __future__ import annotations

import html
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph

from .html import render_graph
from .model import Graph
from .query import QueryError, Rows, run, value
from .rdf import nquads, to_rdflib

if TYPE_CHECKING:
    import networkx
    import rdflib


INLINE_NODES = 2_000  # a notebook shows the graph inline up to this many nodes (its page is some 2 MB then)


@dataclass(repr=False)
class KnowledgeGraph(Graph):
    """What `graph.pipeline.build` returns."""

    @cached_property
    def nx(self) -> networkx.MultiDiGraph:
        from .nxgraph import to_networkx  # networkx is imported where a view or an export asks for it

        return to_networkx(self)

    @cached_property
    def rdf(self) -> rdflib.Graph:
        return to_rdflib(self)

    @cached_property
    def store(self) -> pyoxigraph.Store:
        """An in-memory pyoxigraph store of the graph's RDF (with evidence), for SPARQL."""
        store = pyoxigraph.Store()
        store.load(nquads(self, named_graphs=False), format=pyoxigraph.RdfFormat.N_QUADS)
        return store

    def query(self, sparql: str, **params: str) -> Rows:
        """Run a SPARQL SELECT query; each row a dict of variable -> value, typed by the literal's datatype
        (integers as int, dates as datetime.date, booleans as bool; IRIs and strings as str), unbound variables
        left out. `.to_dataframe()` makes it a pandas DataFrame. Keyword arguments bind variables to string
        literals (never pasted in)."""
        names, rows = run(self.store, sparql, params)
        if names == ["ask"]:
            raise QueryError("kg.query gives rows; use a SELECT query")
        return Rows(names, [{k: value(v) for k, v in zip(names, row, strict=True) if value(v) is not None}
                            for row in rows])

    def to_html(self, path: str | Path) -> Path:
        """Write the interactive graph page (as graph.html of `kg build`) to `path`."""
        path = Path(path)
        path.write_text(render_graph(self), encoding="utf-8")
        return path

    def export(self, path: str | Path, to: str = "graphml") -> list[Path]:
        """Write an export (graphml, gexf, json, csv, neo4j, cytoscape) into the folder `path`."""
        from . import export as exports

        return exports.export(self, Path(path), to)

    def __repr__(self) -> str:
        """One line, whatever the size ("<KnowledgeGraph: 7 documents, 151 nodes, 230 statements>")."""
        return (f"<KnowledgeGraph: {len(self.documents):,} documents, {len(self.nodes):,} nodes, "
                f"{len(self.statements):,} statements>")

    def _repr_html_(self) -> str:
        """Jupyter shows a summary (documents by genre, entities by class, relations), and the interactive graph
        inline (a sandboxed iframe holding graph.html) for a graph of at most INLINE_NODES nodes; a bigger one
        is written with `to_html` and opened in a browser, as the summary says."""
        summary = self.summary()
        rows = "".join(f"<tr><td>{html.escape(kind)}</td><td>{html.escape(name)}</td><td>{count:,}</td></tr>"
                       for kind in ("documents", "entities", "relations") for name, count in summary[kind].items())
        table = (f"<p>{html.escape(repr(self)[1:-1])}</p><details><summary>counts</summary><table>{rows}</table>"
                 "</details>")
        if len(self.nodes) > INLINE_NODES:
            return table + (f"<p>{len(self.nodes):,} nodes are more than a notebook shows inline: "
                            "<code>kg.to_html(\"graph.html\")</code> writes the graph's page for a browser.</p>")
        return table + (f'<iframe srcdoc="{html.escape(render_graph(self), quote=True)}" sandbox="allow-scripts" '
                        'style="width: 100%; height: 640px; border: 1px solid #ddd"></iframe>')
