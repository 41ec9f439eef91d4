"""Node positions for the HTML graph, computed once (python-igraph's Fruchterman-Reingold), so that the
page opens with physics off and never has to settle. Seeded: the same graph gets the same layout."""

from __future__ import annotations

import random


def positions(node_ids: list[str], edges: list[tuple[str, str]], scale: float = 70.0) -> dict[str, tuple[float, float]]:
    """(x, y) for each node, rounded so that files are byte-identical run to run."""
    if not node_ids:
        return {}
    import igraph

    index = {n: i for i, n in enumerate(node_ids)}
    g = igraph.Graph(n=len(node_ids), edges=sorted({(index[a], index[b]) for a, b in edges if a != b}))
    igraph.set_random_number_generator(random.Random(20171008))
    try:
        coords = g.layout_fruchterman_reingold(grid=len(node_ids) > 1000).coords
    finally:
        igraph.set_random_number_generator(random)  # igraph's default generator
    return {n: (round(x * scale, 1), round(y * scale, 1)) for n, (x, y) in zip(node_ids, coords, strict=True)}
