"""CSV files in the header format of `neo4j-admin database import`:

    neo4j-admin database import full --nodes=nodes.csv --relationships=relationships.csv neo4j

Nodes get one label, their class; relationships one type, their relation name. Several labels of a node
are joined with the export's LIST_SEPARATOR in `labels_en` / `labels_zh`.
"""

from __future__ import annotations

import csv
from pathlib import Path

import networkx as nx

from .csvfiles import NODE_COLUMNS, attribute_columns

TYPES = {"degree": "int", "imprisonmentMonths": "int", "fineYuan": "int"}


def write(g: nx.MultiDiGraph, folder: Path) -> list[Path]:
    extra = attribute_columns(g)
    columns = [c for c in NODE_COLUMNS[1:] if c != "type"] + extra
    nodes, rels = folder / "nodes.csv", folder / "relationships.csv"
    with nodes.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["id:ID"] + [f"{c}:{TYPES[c]}" if c in TYPES else c for c in columns] + [":LABEL"])
        for iri, d in sorted(g.nodes(data=True)):
            w.writerow([iri] + [d.get(c, "") for c in columns] + [d["type"]])
    with rels.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow([":START_ID", ":END_ID", ":TYPE"])
        for s, o, k in sorted(g.edges(keys=True)):
            w.writerow([s, o, k])
    return [nodes, rels]
