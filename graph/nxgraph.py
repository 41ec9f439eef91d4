"""The graph as a networkx MultiDiGraph: nodes keyed by IRI, edges keyed by relation name."""

from __future__ import annotations

import networkx as nx

from .model import Graph


def to_networkx(kg: Graph) -> nx.MultiDiGraph:
    """Nodes carry `type` (class), `label`, `zh_label`; attributes (dates, case numbers, sentences) are
    node attributes too; each edge carries `relation` and is keyed by it."""
    g = nx.MultiDiGraph()
    for node in kg.nodes.values():
        g.add_node(node.iri, type=node.cls, label=node.label, zh_label=node.zh_label)
    for st in kg.attributes():
        g.nodes[st.subject][st.predicate] = st.obj
    for st in kg.relations():
        g.add_edge(st.subject, str(st.obj), key=st.predicate, relation=st.predicate)
    return g
