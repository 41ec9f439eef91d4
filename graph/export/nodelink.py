"""node-link JSON (networkx.node_link_data / node_link_graph, d3)."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx


def write(g: nx.MultiDiGraph, folder: Path) -> list[Path]:
    path = folder / "graph.json"
    data = nx.node_link_data(g, edges="edges")
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return [path]
