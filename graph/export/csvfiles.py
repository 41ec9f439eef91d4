"""nodes.csv and edges.csv: one row a node (id = IRI, stable) and one row an edge, with headers."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path

import networkx as nx

NODE_COLUMNS = ["id", "type", "label", "zh_label", "labels_en", "labels_zh", "degree"]


def attribute_columns(g: nx.MultiDiGraph) -> list[str]:
    """The attributes some node has beyond the fixed columns (caseNumber, decidedOn, ...), sorted."""
    return sorted({k for _, d in g.nodes(data=True) for k in d} - set(NODE_COLUMNS))


def write_csv(path: Path, header: list[str], rows: Iterable[list]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(header)
        w.writerows(rows)
    return path


EDGE_COLUMNS = ["relation", "quote", "document", "evidence"]


def edge_rows(g: nx.MultiDiGraph) -> list[list]:
    """One row an edge: its id, source and target, then EDGE_COLUMNS."""
    return [[k, s, o, *(d[c] for c in EDGE_COLUMNS)] for s, o, k, d in sorted(g.edges(keys=True, data=True))]


def write(g: nx.MultiDiGraph, folder: Path) -> list[Path]:
    columns = NODE_COLUMNS[1:] + attribute_columns(g)
    nodes = ([iri] + [d.get(c, "") for c in columns] for iri, d in sorted(g.nodes(data=True)))
    return [write_csv(folder / "nodes.csv", ["id", *columns], nodes),
            write_csv(folder / "edges.csv", ["id", "source", "target", *EDGE_COLUMNS], edge_rows(g))]
