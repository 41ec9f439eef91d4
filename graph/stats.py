"""Graph statistics: counts, the most central entities, connected components, documents that share
entities."""

from __future__ import annotations

from collections import defaultdict
from itertools import combinations

import networkx as nx

from .kg import KnowledgeGraph

TOP = 10


def statistics(kg: KnowledgeGraph) -> dict:
    """Everything `kg stats` shows, as plain data (the JSON it prints)."""
    g = nx.Graph(kg.nx)
    entities = [n.iri for n in kg.entities()]
    degree = dict(g.degree())
    betweenness = nx.betweenness_centrality(g, normalized=True)

    def top(score: dict[str, float]) -> list[dict]:
        ranked = sorted(entities, key=lambda iri: (-score[iri], kg.nodes[iri].label, iri))[:TOP]
        return [{"label": kg.nodes[i].label, "class": kg.nodes[i].cls, "iri": i, "score": round(score[i], 6)}
                for i in ranked]

    components = sorted((len(c) for c in nx.connected_components(g)), reverse=True)
    mentioned: dict[str, set[str]] = defaultdict(set)
    for node in kg.nodes.values():
        if node.document is None:
            for ev in node.evidence:
                mentioned[ev.document].add(node.iri)
    docs = sorted(kg.document_nodes(), key=lambda n: (n.document.source, n.document.first_line))
    shared = []
    for a, b in combinations(docs, 2):
        both = mentioned[a.iri] & mentioned[b.iri]
        if both:
            shared.append({"documents": [a.label, b.label], "count": len(both),
                           "entities": sorted(kg.nodes[i].label for i in both)})
    shared.sort(key=lambda s: (-s["count"], s["documents"]))
    return {**kg.summary(), "nodes": g.number_of_nodes(), "edges": kg.nx.number_of_edges(),
            "central_by_degree": top(degree), "central_by_betweenness": top(betweenness),
            "components": {"count": len(components), "sizes": components},
            "shared_entities": shared}
