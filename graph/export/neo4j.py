"""CSV files in the header format of `neo4j-admin database import`:

    neo4j-admin database import full --nodes=nodes.csv --relationships=relationships.csv neo4j

Nodes get one label, their class; relationships one type, their relation name. Several labels of a node
are joined with the export's LIST_SEPARATOR in `labels_en` / `labels_zh`.
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from .csvfiles import EDGE_COLUMNS, NODE_COLUMNS, attribute_columns, edge_rows, write_csv

TYPES = {"degree": "int", "imprisonmentMonths": "int", "probationMonths": "int", "fineYuan": "int",
         "politicalRightsMonths": "int", "confiscationYuan": "int", "politicalRightsForLife": "boolean",
         "confiscatesAllProperty": "boolean", "issuedOn": "date", "effectiveFrom": "date", "decidedOn": "date",
         "onDate": "date", "evidence": "int"}


def write(g: nx.MultiDiGraph, folder: Path) -> list[Path]:
    columns = [c for c in NODE_COLUMNS[1:] if c != "type"] + attribute_columns(g)
    header = ["id:ID"] + [f"{c}:{TYPES[c]}" if c in TYPES else c for c in columns] + [":LABEL"]
    nodes = ([iri] + [d.get(c, "") for c in columns] + [d["type"]] for iri, d in sorted(g.nodes(data=True)))
    typed = [f"{c}:{TYPES[c]}" if c in TYPES else c for c in EDGE_COLUMNS[1:]]
    return [write_csv(folder / "nodes.csv", header, nodes),
            write_csv(folder / "relationships.csv", ["id", ":START_ID", ":END_ID", ":TYPE", *typed], edge_rows(g))]
