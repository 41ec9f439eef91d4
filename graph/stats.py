"""Graph statistics: counts, the most central entities, connected components, documents that share
entities."""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Iterable, Mapping
from itertools import combinations

import networkx as nx

from .kg import KnowledgeGraph
from .model import Progress, silent

TOP = 10
EXACT_UP_TO = 2_000  # nodes: betweenness exact up to this size, estimated from SAMPLE pivots beyond
SAMPLE = 500
SEED = 7
PAIRS_UP_TO = 1_000  # documents: every pair compared up to this many, only entities few documents name beyond
FEW = 50  # documents: beyond PAIRS_UP_TO, an entity named in more (a national body) tells no pair apart


def _sampled_betweenness(g: nx.Graph) -> dict[str, float]:
    """Betweenness estimated from the shortest paths of SAMPLE seeded pivots to every node (python-igraph's
    subset betweenness, in C), scaled as networkx scales its own estimate (`betweenness_centrality(k=...)`)."""
    import random

    from .layout import igraph_of

    names = sorted(g.nodes)
    ig = igraph_of(names, g.edges)
    pivots = random.Random(SEED).sample(range(len(names)), SAMPLE)
    n = len(names)
    scale = 2 * n / SAMPLE / ((n - 1) * (n - 2))  # igraph counts a path between two nodes once, networkx twice
    return {name: b * scale for name, b in zip(names, ig.betweenness(sources=pivots, directed=False), strict=True)}


def statistics(kg: KnowledgeGraph, named_in: Mapping[str, Iterable[str]] | None = None,
               progress: Progress = silent) -> dict:
    """Everything `kg stats` shows, as plain data (the JSON it prints). On a big graph betweenness is
    estimated from a seeded sample of pivots, and documents share only entities few of them name; the
    output says so (`betweenness`, `shared_by`). `named_in`: each entity -> the documents naming it (by
    default read from the nodes' evidence; `graph.loader.naming` reads it from a build)."""
    progress("measuring centrality", 0, None)
    relations = list(kg.relations())
    g = nx.Graph()  # undirected and simple: made directly, not from kg.nx (a third of the time at 100,000 nodes)
    g.add_nodes_from(kg.nodes)
    g.add_edges_from((st.subject, str(st.obj)) for st in relations)
    entities = [n.iri for n in kg.entities()]
    degree = dict(g.degree())
    if g.number_of_nodes() <= EXACT_UP_TO:
        betweenness, how = nx.betweenness_centrality(g, normalized=True), "exact"
    else:
        betweenness, how = _sampled_betweenness(g), f"estimated from {SAMPLE} pivots (seed {SEED})"

    def top(score: dict[str, float]) -> list[dict]:
        ranked = sorted(entities, key=lambda iri: (-score[iri], kg.nodes[iri].label, iri))[:TOP]
        return [{"label": kg.nodes[i].label, "class": kg.nodes[i].cls, "iri": i, "score": round(score[i], 6)}
                for i in ranked]

    progress("pairing documents by the entities they share", 0, None)
    components = sorted((len(c) for c in nx.connected_components(g)), reverse=True)
    if named_in is None:
        named_in = {n.iri: {ev.document for ev in n.evidence} for n in kg.nodes.values() if n.document is None}
    mentioned: dict[str, set[str]] = defaultdict(set)
    for iri, documents in named_in.items():
        if kg.nodes[iri].document is None:
            for doc in documents:
                mentioned[doc].add(iri)
    docs = sorted(kg.document_nodes(), key=lambda n: (n.document.source, n.document.first_line))
    order = {d.iri: i for i, d in enumerate(docs)}
    naming: dict[str, list[str]] = defaultdict(list)  # an entity -> the documents naming it, in order
    for doc in docs:
        for iri in mentioned[doc.iri]:
            naming[iri].append(doc.iri)
    few = len(docs) <= PAIRS_UP_TO
    together: dict[tuple[str, str], list[str]] = defaultdict(list)
    for iri, naming_docs in naming.items():
        if few or len(naming_docs) <= FEW:
            for a, b in combinations(naming_docs, 2):
                together[(a, b)].append(iri)

    def rank(pair: tuple[str, str]) -> tuple:  # the most entities first, then by the documents' titles and order
        return -len(together[pair]), kg.nodes[pair[0]].label, kg.nodes[pair[1]].label, order[pair[0]], order[pair[1]]

    pairs = sorted(together, key=rank) if few else heapq.nsmallest(TOP * 10, together, key=rank)
    shared = [{"documents": [kg.nodes[a].label, kg.nodes[b].label], "count": len(together[(a, b)]),
               "entities": sorted(kg.nodes[i].label for i in together[(a, b)])} for a, b in pairs]
    return {**kg.summary(), "nodes": g.number_of_nodes(), "edges": len(relations),
            "central_by_degree": top(degree), "central_by_betweenness": top(betweenness), "betweenness": how,
            "components": {"count": len(components), "sizes": components},
            "shared_entities": shared,
            "shared_by": "every entity" if few else f"entities named in at most {FEW} documents"}
