"""GEXF for Gephi, with each class's colour from ontology/style.json and each node's place from the layout
graph.html is drawn with (`places`)."""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from ..html import styles
from . import places


def _rgb(colour: str) -> dict[str, int | float]:
    h = colour.lstrip("#")
    return {"r": int(h[0:2], 16), "g": int(h[2:4], 16), "b": int(h[4:6], 16), "a": 1.0}


def write(g: nx.MultiDiGraph, folder: Path) -> list[Path]:
    g = g.copy()
    colours = styles()
    xy = places(g)
    for iri, data in g.nodes(data=True):
        data["viz"] = {"color": _rgb(colours.get(data["type"], {}).get("color", "#999999"))}
        if iri in xy:
            data["viz"]["position"] = {"x": xy[iri][0], "y": -xy[iri][1], "z": 0.0}
    for _, _, key, data in g.edges(keys=True, data=True):
        data["id"] = key  # the edge's own id in the file
    path = folder / "graph.gexf"
    nx.write_gexf(g, path, encoding="utf-8")
    return [path]
