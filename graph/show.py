"""`kg show`: find an entity by any of its labels and lay out its card with the evidence of each fact (a
person's card also gives the facts of their sentences).

User text reaches SPARQL only as a bound value (pyoxigraph substitutions), never pasted into a query.
"""

from __future__ import annotations

import pyoxigraph as ox
from rich.table import Table
from rich.text import Text

from .rdf import SPARQL_PREFIXES

FIND = SPARQL_PREFIXES + """
SELECT DISTINCT ?e ?class ?label ?name WHERE {
  ?e rdfs:label|skos:altLabel ?l ; rdfs:label ?label ; a ?type .
  FILTER(STRSTARTS(STR(?type), STR(kg:)))
  FILTER(LCASE(STR(?l)) = LCASE(?name))
  BIND(STRAFTER(STR(?type), "#") AS ?class)
} ORDER BY ?class ?label ?e"""

LABELS = SPARQL_PREFIXES + """
SELECT ?e ?text ?kind WHERE {
  { ?e rdfs:label ?text . BIND("label" AS ?kind) } UNION { ?e skos:altLabel ?text . BIND("alt" AS ?kind) }
} ORDER BY ?kind ?text"""

FACTS = SPARQL_PREFIXES + """
SELECT ?e ?direction ?relation ?other ?quote ?document WHERE {
  {
    ?st rdf:subject ?e ; rdf:object ?o . BIND("out" AS ?direction)
  } UNION {
    ?st rdf:object ?e ; rdf:subject ?o . BIND("in" AS ?direction)
  } UNION {
    ?sentence kg:sentenceOf ?e . ?st rdf:subject ?sentence ; rdf:object ?o . FILTER(?o != ?e)
    BIND("sentence" AS ?direction)
  }
  ?st rdf:predicate ?p ; prov:wasDerivedFrom ?ev .
  ?ev oa:hasSelector/oa:exact ?quote ; oa:hasSource/dcterms:title ?document .
  OPTIONAL { ?o rdfs:label ?otherLabel }
  BIND(STRAFTER(STR(?p), "#") AS ?relation)
  BIND(COALESCE(?otherLabel, STR(?o)) AS ?other)
} ORDER BY ?direction ?relation ?other ?document ?quote"""


def candidates(store: ox.Store, name: str) -> list[tuple[str, str, str]]:
    """(IRI, class, label) of every node one of whose labels is `name`, ignoring case."""
    rows = store.query(FIND, substitutions={ox.Variable("name"): ox.Literal(name.strip())},
                       use_default_graph_as_union=True)
    return [(r["e"].value, r["class"].value, r["label"].value) for r in rows]


def card(store: ox.Store, iri: str) -> Table:
    bound = {ox.Variable("e"): ox.NamedNode(iri)}
    labels = list(store.query(LABELS, substitutions=bound, use_default_graph_as_union=True))
    classes = list(store.query(SPARQL_PREFIXES + "SELECT ?e ?t WHERE { ?e a ?t }", substitutions=bound,
                               use_default_graph_as_union=True))
    label = next(r["text"] for r in labels if r["kind"].value == "label")
    zh = sorted({r["text"].value for r in labels if r["text"].language == "zh"})
    en = sorted({r["text"].value for r in labels if r["text"].language != "zh"} - {label.value})
    title = Text(label.value, style="bold")
    table = Table(title=title, show_lines=False, expand=False)
    table.add_column("relation")
    table.add_column("with")
    table.add_column("quote (document)")
    table.add_row("class", ", ".join(sorted(r["t"].value.rsplit("#", 1)[-1] for r in classes)), "")
    table.add_row("IRI", iri, "")
    if en:
        table.add_row("English labels", Text(" · ".join(en)), "")
    if zh:
        table.add_row("Chinese labels", Text(" · ".join(zh)), "")
    for r in store.query(FACTS, substitutions=bound, use_default_graph_as_union=True):
        arrow = {"out": "→", "in": "←", "sentence": "sentence →"}[r["direction"].value]
        table.add_row(f"{arrow} {r['relation'].value}", Text(r["other"].value),
                      Text(f"“{r['quote'].value}” ({r['document'].value})"))
    return table
