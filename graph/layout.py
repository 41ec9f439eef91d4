"""Node positions for the HTML graph, computed once (python-igraph's Fruchterman-Reingold), so that the
page opens still and never has to settle; and the communities a big graph's overview groups its nodes in
(python-igraph's Leiden, for modularity). Seeded: the same graph gets the same layout and communities."""

from __future__ import annotations

import random
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import lru_cache

from .model import unimportable

SEED = 20171008


@contextmanager
def _seeded() -> Iterator[None]:
    """igraph's random numbers from a generator of our seed, then its default generator again."""
    import igraph

    igraph.set_random_number_generator(random.Random(SEED))
    try:
        yield
    finally:
        igraph.set_random_number_generator(random)


def igraph_of(node_ids: list[str], edges: Iterable[tuple[str, str]]):
    """The python-igraph graph of `node_ids` (vertex i the i-th) and `edges`, each pair once, no loops."""
    import igraph

    index = {n: i for i, n in enumerate(node_ids)}
    pairs = sorted({(index[a], index[b]) for a, b in edges if a != b})
    with unimportable("numpy"):  # igraph.Graph imports it (0.08 s) only to ask whether the edges are an array
        return igraph.Graph(n=len(node_ids), edges=pairs)


def communities(node_ids: list[str], edges: list[tuple[str, str]], most: int) -> list[int]:
    """The community of each node (0 the largest), at most `most` of them: the smallest beyond are one,
    the last."""
    with _seeded():
        found = igraph_of(node_ids, edges).community_leiden(objective_function="modularity", n_iterations=-1)
    members = sorted(found, key=lambda m: (-len(m), m[0]))  # by size, then by first node: no tie is left
    group = [0] * len(node_ids)
    for k, nodes in enumerate(members):
        for i in nodes:
            group[i] = min(k, most - 1)
    return group


def positions(node_ids: list[str], edges: list[tuple[str, str]], scale: float = 70.0) -> dict[str, tuple[float, float]]:
    """(x, y) for each node, rounded so that files are byte-identical run to run. The same nodes and edges are
    laid out once in a process: graph.html, the GEXF and the Cytoscape export of a build share the layout."""
    if not node_ids:
        return {}
    return dict(_laid_out(tuple(node_ids), frozenset(edges), scale))


@lru_cache(maxsize=2)
def _laid_out(node_ids: tuple[str, ...], edges: frozenset[tuple[str, str]],
              scale: float) -> dict[str, tuple[float, float]]:
    with _seeded():
        coords = igraph_of(list(node_ids), edges).layout_fruchterman_reingold(grid=len(node_ids) > 1000).coords
    return {n: (round(x * scale, 1), round(y * scale, 1)) for n, (x, y) in zip(node_ids, coords, strict=True)}
