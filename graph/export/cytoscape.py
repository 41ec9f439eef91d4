"""Cytoscape.js JSON (`graph.cyjs`: Cytoscape desktop's import format, `cy.add(data.elements)` in a browser,
networkx.cytoscape_graph): each node's data with its label as `name`, each edge's data with its own `id`,
and nodes placed by graph.html's layout (`places`), as in the GEXF export."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx

from . import places


def write(g: nx.MultiDiGraph, folder: Path) -> list[Path]:
    data = nx.cytoscape_data(g, name="label")
    for edge in data["elements"]["edges"]:
        edge["data"]["id"] = edge["data"]["key"]
    xy = places(g)
    for node in data["elements"]["nodes"]:
        if node["data"]["id"] in xy:
            x, y = xy[node["data"]["id"]]
            node["position"] = {"x": x, "y": y}
    path = folder / "graph.cyjs"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return [path]
