"""graph.html's data: a graph too big to show whole shows its most connected nodes, with the same facts and
evidence each has in the whole graph's page, and carries nothing of the nodes it leaves out."""

from __future__ import annotations

import pytest

from conftest import SEEDS
from legal_kg.graph import html, pipeline


@pytest.fixture(scope="module")
def kg():
    return pipeline.build([SEEDS])


def still(ids: list[str], edges: list[tuple[str, str]]) -> dict[str, tuple[float, float]]:
    return {iri: (0.0, 0.0) for iri in ids}


def facts(data: dict) -> dict[str, list[tuple]]:
    """Each node's facts with their strings and evidence spelt out (positions differ from one page to another)."""
    strings, evidence = data["strings"], data["evidence"]

    def ev(k: int) -> tuple:
        doc, start, end, quote = evidence[k]
        return data["docs"][doc]["slug"], start, end, strings[quote]

    return {n["id"]: [(f[0], f[1], strings[f[2]], [ev(k) for k in f[3]]) for f in n["facts"]] + [
        ("mention", ev(k)) for k in n["mentions"]] for n in data["nodes"]}


def test_a_graph_beyond_the_nodes_shown_keeps_their_facts_and_nothing_else(kg, monkeypatch):
    whole = html.page_data(kg, still)
    monkeypatch.setattr(html, "MAX_GRAPH_NODES", 20)
    cut = html.page_data(kg, still)
    assert len(kg.nodes) == len(whole["nodes"]) == 248 and len(cut["nodes"]) == 20
    shown, every = facts(cut), facts(whole)
    assert shown == {iri: every[iri] for iri in shown}
    # a person's panel gives the facts of their sentences, shown or not
    people = [iri for iri, fs in shown.items() if any(f[1] == "sentence" for f in fs)]
    assert people and any(st.subject not in shown for st in kg.statements
                          if st.predicate == "sentenceOf" and st.obj in people)
    # every string and piece of evidence the page carries is one a node shown gives
    used = {f[2] for n in cut["nodes"] for f in n["facts"]} | {e[3] for e in cut["evidence"]}
    assert used == set(range(len(cut["strings"]))) and len(cut["strings"]) < len(whole["strings"])
    cited = {k for n in cut["nodes"] for f in n["facts"] for k in f[3]} | {k for n in cut["nodes"] for k in n["mentions"]}
    assert cited == set(range(len(cut["evidence"]))) and len(cut["evidence"]) < len(whole["evidence"])
