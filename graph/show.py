"""`kg show`: find an entity by any of its labels and lay out its card with the evidence of each fact (a
person's card also gives the facts of their sentences).

User text reaches SPARQL only as a bound value (a VALUES block of terms pyoxigraph serializes, see
graph.query.bind), never pasted into a query.
"""

from __future__ import annotations

import pyoxigraph as ox
from rich.table import Table
from rich.text import Text

from .query import bind, label
from .rdf import SPARQL_PREFIXES

# the nodes one of whose labels is ?name: FIND_EXACT looks the name up in the store's index as a label is
# written; FIND compares every label with it, ignoring case
_FIND = SPARQL_PREFIXES + """
SELECT DISTINCT ?e ?class ?label ?name WHERE {{
  {match}
  ?e rdfs:label ?label ; a ?type .
  FILTER(STRSTARTS(STR(?type), STR(kg:)))
  BIND(STRAFTER(STR(?type), "#") AS ?class)
}} ORDER BY ?class ?label ?e"""
FIND_EXACT = _FIND.format(match="VALUES ?via { rdfs:label skos:altLabel } ?e ?via ?name .")
FIND = _FIND.format(match="?e rdfs:label|skos:altLabel ?l . FILTER(LCASE(STR(?l)) = LCASE(?name))")

LABELS = SPARQL_PREFIXES + """
SELECT ?e ?text ?kind WHERE {
  { ?e rdfs:label ?text . BIND("label" AS ?kind) } UNION { ?e skos:altLabel ?text . BIND("alt" AS ?kind) }
} ORDER BY ?kind ?text"""

FACTS = SPARQL_PREFIXES + """
SELECT ?e ?direction ?relation ?other ?quote ?document WHERE {
  {
    ?st rdf:subject ?e ; rdf:object ?o ; rdf:predicate ?p ; prov:wasDerivedFrom ?ev . BIND("out" AS ?direction)
  } UNION {
    ?st rdf:object ?e ; rdf:subject ?o ; rdf:predicate ?p ; prov:wasDerivedFrom ?ev . BIND("in" AS ?direction)
  } UNION {
    ?sentence kg:sentenceOf ?e . ?st rdf:subject ?sentence ; rdf:object ?o ; rdf:predicate ?p ;
                                     prov:wasDerivedFrom ?ev .
    FILTER(?o != ?e)
    BIND("sentence" AS ?direction)
  }
  ?ev oa:hasSelector ?selector ; oa:hasSource ?d .
  ?selector oa:exact ?quote .
  ?d dcterms:title ?document .
  OPTIONAL { ?o rdfs:label ?otherLabel }
  BIND(STRAFTER(STR(?p), "#") AS ?relation)
  BIND(COALESCE(?otherLabel, STR(?o)) AS ?other)
} ORDER BY ?direction ?relation ?other ?document ?quote"""


def candidates(store: ox.Store, name: str) -> list[tuple[str, str, str]]:
    """(IRI, class, label) of every node one of whose labels is `name` as written (looked up in the
    store's index), or else of every node one of whose labels is `name` ignoring case."""
    name = name.strip()
    for query, term in ((FIND_EXACT, label(name)), (FIND, ox.Literal(name))):
        rows = _select(store, query, name=term)
        if rows:
            break
    return [(r["e"].value, r["class"].value, r["label"].value) for r in rows]


def near(store: ox.Store, name: str, most: int = 5) -> list[str]:
    """The labels most like `name` (a misspelling, another spacing), for a name no node bears."""
    import difflib

    labels = {r["l"].value for r in _select(store, SPARQL_PREFIXES + "SELECT DISTINCT ?l WHERE { "
                                                  "?e rdfs:label|skos:altLabel ?l }")}
    folded = {label.casefold(): label for label in sorted(labels)}
    return [folded[m] for m in difflib.get_close_matches(name.strip().casefold(), folded, n=most, cutoff=0.75)]


def _select(store: ox.Store, sparql: str, **values: ox.NamedNode | ox.Literal) -> list[ox.QuerySolution]:
    return list(store.query(bind(sparql, values), use_default_graph_as_union=True))


def card(store: ox.Store, iri: str) -> Table:
    entity = ox.NamedNode(iri)
    labels = _select(store, LABELS, e=entity)
    classes = _select(store, SPARQL_PREFIXES + "SELECT ?e ?t WHERE { ?e a ?t }", e=entity)
    label = next(r["text"] for r in labels if r["kind"].value == "label")
    zh = sorted({r["text"].value for r in labels if r["text"].language == "zh"})
    en = sorted({r["text"].value for r in labels if r["text"].language != "zh"} - {label.value})
    title = Text(label.value, style="bold")
    table = Table(title=title, show_lines=False, expand=False)
    for column in ("relation", "with", "quote (document)"):  # folded, never cut: the IRI is whole
        table.add_column(column, overflow="fold")
    table.add_row("class", ", ".join(sorted(r["t"].value.rsplit("#", 1)[-1] for r in classes)), "")
    table.add_row("IRI", iri, "")
    if en:
        table.add_row("English labels", Text(" · ".join(en)), "")
    if zh:
        table.add_row("Chinese labels", Text(" · ".join(zh)), "")
    for r in _select(store, FACTS, e=entity):
        arrow = {"out": "→", "in": "←", "sentence": "sentence →"}[r["direction"].value]
        table.add_row(f"{arrow} {r['relation'].value}", Text(r["other"].value),
                      Text(f"“{r['quote'].value}” ({r['document'].value})"))
    return table
