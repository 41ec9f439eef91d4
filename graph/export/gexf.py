"""GEXF for Gephi, with each class's colour from ontology/style.json and each node's place from the layout
graph.html is drawn with (`places`)."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
from networkx.readwrite.gexf import GEXFWriter

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
    writer = _Writer(encoding="utf-8", prettyprint=True)
    writer.add_graph(g)
    writer.write(path)
    return [path]


class _Writer(GEXFWriter):
    """networkx's GEXF writer, without the attribute `networkx_key` it gives each edge of a multigraph: an
    edge's key is its id here, which the file already holds."""

    def add_attributes(self, node_or_edge, xml_obj, data, default):
        if node_or_edge == "edge":
            data.pop("key", None)
        return super().add_attributes(node_or_edge, xml_obj, data, default)
