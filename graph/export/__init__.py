"""Exports for other tools, one module per format: GraphML and GEXF (Gephi), node-link JSON (networkx),
nodes.csv/edges.csv, CSV files for `neo4j-admin database import`, and Cytoscape.js JSON.

All of them start from `simple_graph(kg)`: a networkx MultiDiGraph whose node and edge attributes are
plain strings and integers. Lists (a node's several labels) are joined with LIST_SEPARATOR.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import networkx as nx

from ..html import MAX_GRAPH_NODES, short_quote  # an edge's quote as the pages show one
from ..layout import positions

if TYPE_CHECKING:
    from ..kg import KnowledgeGraph

LIST_SEPARATOR = " | "
FORMATS = ("graphml", "gexf", "json", "csv", "neo4j", "cytoscape")


def simple_graph(kg: KnowledgeGraph) -> nx.MultiDiGraph:
    """Nodes keyed by IRI with `type`, `label`, `zh_label`, `labels_en`, `labels_zh` (every surface form,
    joined with LIST_SEPARATOR), `degree` and the node's attributes (`caseNumber`, `imprisonmentMonths`,
    ...); edges keyed by a unique id (`e0`, `e1`, ... in the order of the graph's relations) with their
    `relation`, the `quote` and `document` of their first evidence and how many pieces of `evidence` back
    them."""
    g = nx.MultiDiGraph()
    g.add_nodes_from(kg.nx.nodes(data=True))
    for i, st in enumerate(kg.relations()):
        first = st.evidence[0]
        g.add_edge(st.subject, str(st.obj), key=f"e{i}", relation=st.predicate, quote=short_quote(first.quote),
                   document=first.document, evidence=len(st.evidence))
    for iri, data in g.nodes(data=True):
        node = kg.nodes[iri]
        for lang in ("en", "zh"):
            forms = {t for t, la in node.alt_labels if la == lang}
            if node.label_lang == lang:
                forms.add(node.label)
            data[f"labels_{lang}"] = LIST_SEPARATOR.join(sorted(forms))
        data["degree"] = g.degree(iri)
    return g


def places(g: nx.MultiDiGraph) -> dict[str, tuple[float, float]]:
    """Each node's place in graph.html's layout (graph/layout.py), for a graph of up to as many nodes as
    graph.html draws; none beyond (laying out more would take longer than the export)."""
    ids = sorted(g.nodes)
    return positions(ids, sorted((s, o) for s, o in g.edges())) if len(ids) <= MAX_GRAPH_NODES else {}


def export(kg: KnowledgeGraph, folder: Path, to: str) -> list[Path]:
    """Write the graph in format `to` into `folder`; returns the files written."""
    from . import csvfiles, cytoscape, gexf, graphml, neo4j, nodelink

    writers = {"graphml": graphml.write, "gexf": gexf.write, "json": nodelink.write, "csv": csvfiles.write,
               "neo4j": neo4j.write, "cytoscape": cytoscape.write}
    if to not in writers:
        raise ValueError(f"unknown export format {to!r}; use one of {', '.join(FORMATS)}")
    folder.mkdir(parents=True, exist_ok=True)
    return writers[to](simple_graph(kg), folder)
