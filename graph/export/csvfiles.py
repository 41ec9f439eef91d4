"""nodes.csv and edges.csv: one row a node (id = IRI, stable) and one row an edge, with headers."""

from __future__ import annotations

import csv
from pathlib import Path

import networkx as nx

NODE_COLUMNS = ["id", "type", "label", "zh_label", "labels_en", "labels_zh", "degree"]


def attribute_columns(g: nx.MultiDiGraph) -> list[str]:
    """The attributes some node has beyond the fixed columns (caseNumber, decidedOn, ...), sorted."""
    return sorted({k for _, d in g.nodes(data=True) for k in d} - set(NODE_COLUMNS))


def write(g: nx.MultiDiGraph, folder: Path) -> list[Path]:
    extra = attribute_columns(g)
    nodes, edges = folder / "nodes.csv", folder / "edges.csv"
    with nodes.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(NODE_COLUMNS + extra)
        for iri, d in sorted(g.nodes(data=True)):
            w.writerow([iri] + [d.get(c, "") for c in NODE_COLUMNS[1:] + extra])
    with edges.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["source", "target", "relation"])
        for s, o, k in sorted(g.edges(keys=True)):
            w.writerow([s, o, k])
    return [nodes, edges]
