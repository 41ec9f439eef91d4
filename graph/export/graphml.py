"""GraphML (Gephi, yEd, networkx.read_graphml)."""

from __future__ import annotations

from pathlib import Path

import networkx as nx


def write(g: nx.MultiDiGraph, folder: Path) -> list[Path]:
    path = folder / "graph.graphml"
    nx.write_graphml(g, path, encoding="utf-8")
    return [path]
