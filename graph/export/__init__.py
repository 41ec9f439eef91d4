"""Exports for other tools, one module per format: GraphML and GEXF (Gephi), node-link JSON (networkx),
nodes.csv/edges.csv, and CSV files for `neo4j-admin database import`.

All of them start from `simple_graph(kg)`: a networkx MultiDiGraph whose node and edge attributes are
plain strings and integers. Lists (a node's several labels) are joined with LIST_SEPARATOR.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import networkx as nx

if TYPE_CHECKING:
    from ..kg import KnowledgeGraph

LIST_SEPARATOR = " | "
FORMATS = ("graphml", "gexf", "json", "csv", "neo4j")


def simple_graph(kg: KnowledgeGraph) -> nx.MultiDiGraph:
    """Nodes keyed by IRI with `type`, `label`, `zh_label`, `labels_en`, `labels_zh` (every surface form,
    joined with LIST_SEPARATOR), `degree` and the node's attributes (`caseNumber`, `imprisonmentMonths`,
    ...); edges keyed by relation name with a `relation` attribute."""
    g = kg.nx.copy()
    for iri, data in g.nodes(data=True):
        node = kg.nodes[iri]
        for lang in ("en", "zh"):
            forms = {t for t, la in node.alt_labels if la == lang}
            if node.label_lang == lang:
                forms.add(node.label)
            data[f"labels_{lang}"] = LIST_SEPARATOR.join(sorted(forms))
        data["degree"] = g.degree(iri)
    return g


def export(kg: KnowledgeGraph, folder: Path, to: str) -> list[Path]:
    """Write the graph in format `to` into `folder`; returns the files written."""
    from . import csvfiles, gexf, graphml, neo4j, nodelink

    writers = {"graphml": graphml.write, "gexf": gexf.write, "json": nodelink.write, "csv": csvfiles.write,
               "neo4j": neo4j.write}
    if to not in writers:
        raise ValueError(f"unknown export format {to!r}; use one of {', '.join(FORMATS)}")
    folder.mkdir(parents=True, exist_ok=True)
    return writers[to](simple_graph(kg), folder)
