"""Every fact and mention is traceable to the exact text that states it."""

from __future__ import annotations

import pyoxigraph
import pytest

from conftest import SEEDS, node
from legal_kg.graph import pipeline
from legal_kg.graph import rdf as rdf_writer

PREFIXES = """PREFIX kg: <https://w3id.org/legal-kg/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
"""


@pytest.fixture(scope="module")
def store():
    kg = pipeline.build([SEEDS])
    s = pyoxigraph.Store()
    s.extend(rdf_writer.quads(kg, named_graphs=False))
    return s


def test_every_quote_equals_the_source_text_at_its_offsets(store):
    sources = {p.name: p.read_bytes().decode("utf-8-sig") for p in SEEDS.iterdir()}  # the file as it holds it
    rows = list(store.query(PREFIXES + """
        SELECT ?file ?start ?end ?exact WHERE {
          ?ev oa:hasSource ?doc ; oa:hasSelector ?pos, ?quote .
          ?doc dcterms:source ?file .
          ?pos oa:start ?start ; oa:end ?end . ?quote oa:exact ?exact }"""))
    assert len(rows) > 500
    for r in rows:
        text = sources[r["file"].value]
        assert text[int(r["start"].value):int(r["end"].value)] == r["exact"].value


def test_every_statement_has_evidence(store):
    missing = list(store.query(PREFIXES + """
        SELECT ?st WHERE { ?st a rdf:Statement FILTER NOT EXISTS { ?st prov:wasDerivedFrom ?ev } }"""))
    assert missing == []
    plain = list(store.query(PREFIXES + """
        SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o FILTER(STRSTARTS(STR(?p), STR(kg:)))
          FILTER(?p NOT IN (kg:mention, kg:number, kg:text, kg:firstLine, kg:lastLine, kg:startOffset,
                            kg:endOffset, kg:sha256))
          FILTER NOT EXISTS { ?st rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o } }"""))
    assert int(plain[0]["n"].value) == 0


def quotes(store, subject_label: str, predicate: str) -> list[str]:
    rows = store.query(PREFIXES + """
        SELECT ?exact ?label ?p WHERE { ?s rdfs:label ?label . ?st rdf:subject ?s ; rdf:predicate ?p ;
          prov:wasDerivedFrom/oa:hasSelector/oa:exact ?exact } ORDER BY ?exact""",
        substitutions={pyoxigraph.Variable("label"): pyoxigraph.Literal(subject_label, language="en"),
                       pyoxigraph.Variable("p"): pyoxigraph.NamedNode(rdf_writer.KG + predicate)})
    return [r["exact"].value for r in rows]


def test_the_sentence_imposing_a_sentence_is_the_evidence(store):
    (quote,) = quotes(store, "Sentence of Duan Zheng", "imprisonmentMonths")
    assert "is sentenced to seven months imprisonment" in quote
    (fine,) = quotes(store, "Sentence of Duan Zheng", "fineYuan")
    assert "fined 1,000 yuan" in fine


def test_signature_lines_are_the_evidence_for_the_bench(store):
    judgment = ("First Instance Judgment in a Case of Duan Zheng's Illegal Possession of Materials Promoting "
                "Terrorism and Extremism")
    assert "Presiding Judge: Zheng Wenwei" in quotes(store, judgment, "judge")


def test_mentions_of_a_person_in_both_languages():
    kg = pipeline.build([SEEDS])
    zheng = node(kg, "Zheng Wenwei", "Person")
    assert {ev.quote for ev in zheng.evidence} == {"Zheng Wenwei", "郑文伟"}


def test_document_nodes_carry_their_source():
    kg = pipeline.build([SEEDS])
    doc = kg.nodes[next(iri for iri, n in kg.nodes.items() if n.document and n.document.first_line == 193)]
    assert doc.document.source == "000_cfcf9f275d95a8e1.txt"
    assert (doc.document.first_line, doc.document.last_line) == (193, 307)
    assert doc.document.languages == ("en", "zh")


def test_readme_sparql_example_returns_the_quote(store):
    import re

    from conftest import ROOT

    query = re.search(r"```sparql\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S).group(1)
    rows = list(store.query(query))
    assert [int(r["months"].value) for r in rows] == [7]
    assert "sentenced to seven months imprisonment" in rows[0]["quote"].value
