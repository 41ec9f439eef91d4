"""The ontology documents every term the graph uses, in English and Chinese, aligned to ELI and schema.org."""

from __future__ import annotations

import rdflib
from rdflib.namespace import OWL, RDF, RDFS

from conftest import ROOT, SEEDS
from legal_kg.graph import rdf as rdf_writer

KG = rdflib.Namespace(rdf_writer.KG)
ELI = rdflib.Namespace("http://data.europa.eu/eli/ontology#")


def test_every_term_used_is_defined_with_english_and_chinese_labels_and_a_comment():
    from legal_kg.graph import pipeline

    onto = rdflib.Graph().parse(ROOT / "ontology" / "kg.ttl")
    data = rdflib.Graph().parse(data=rdf_writer.serialize(pipeline.build([SEEDS]), "ttl").decode("utf-8"), format="turtle")
    used = {p for p in data.predicates() if str(p).startswith(str(KG))}
    used |= {o for o in data.objects(None, RDF.type) if str(o).startswith(str(KG))}
    for term in used:
        kinds = set(onto.objects(term, RDF.type))
        assert kinds & {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty}, term
        langs = {lbl.language for lbl in onto.objects(term, RDFS.label)}
        assert {"en", "zh"} <= langs, term
        assert list(onto.objects(term, RDFS.comment)), term


def test_alignment_to_eli():
    onto = rdflib.Graph().parse(ROOT / "ontology" / "kg.ttl")
    sub = RDFS.subPropertyOf
    assert (KG.issuedBy, sub, ELI.passed_by) in onto
    assert (KG.cites, sub, ELI.cites) in onto
    assert (KG.partOf, sub, ELI.is_part_of) in onto
    assert (KG.issuedOn, sub, ELI.date_document) in onto
    assert (KG.effectiveFrom, sub, ELI.first_date_entry_in_force) in onto
    assert (KG.Regulation, RDFS.subClassOf, ELI.LegalResource) in onto
