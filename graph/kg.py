"""The knowledge graph users get: the merged graph (`graph.model.Graph`) with its views (networkx,
rdflib, an Oxigraph store for SPARQL) made on first use, and its writers (HTML, exports) at hand."""

from __future__ import annotations

import html
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph

from . import export as exports
from .html import render_graph
from .model import Graph
from .nxgraph import to_networkx
from .query import QueryError, run
from .rdf import nquads, to_rdflib

if TYPE_CHECKING:
    import networkx
    import rdflib


@dataclass
class KnowledgeGraph(Graph):
    """What `graph.pipeline.build` returns."""

    @cached_property
    def nx(self) -> networkx.MultiDiGraph:
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

    def query(self, sparql: str, **params: str) -> list[dict[str, str | int]]:
        """Run a SPARQL SELECT query; each row a dict of variable -> value (IRIs and strings as str,
        integers as int). Keyword arguments bind variables to string literals (never pasted in)."""
        names, rows = run(self.store, sparql, params)
        if names == ["ask"]:
            raise QueryError("kg.query gives rows; use a SELECT query")
        return [{k: (int(v) if v.lstrip("-").isdigit() else v) for k, v in zip(names, row, strict=True) if v != ""}
                for row in rows]

    def to_html(self, path: str | Path) -> Path:
        """Write the interactive graph page (as graph.html of `kg build`) to `path`."""
        path = Path(path)
        path.write_text(render_graph(self), encoding="utf-8")
        return path

    def export(self, path: str | Path, to: str = "graphml") -> list[Path]:
        """Write an export (graphml, gexf, json, csv, neo4j) into the folder `path`."""
        return exports.export(self, Path(path), to)

    def _repr_html_(self) -> str:
        """Jupyter shows the interactive graph inline (a sandboxed iframe holding graph.html)."""
        return (f'<iframe srcdoc="{html.escape(render_graph(self), quote=True)}" sandbox="allow-scripts" '
                'style="width: 100%; height: 640px; border: 1px solid #ddd"></iframe>')
