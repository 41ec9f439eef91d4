"""RDF serialization: the graph as triples in the project's ontology (ontology/kg.ttl).

pyoxigraph writes the files (fast, and sorted input gives byte-identical output); rdflib is the API
users get (`KnowledgeGraph.rdf`), made from the same triples.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from .kg import KnowledgeGraph

if TYPE_CHECKING:
    import rdflib

KG = "https://w3id.org/legal-kg/ontology#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
XSD = "http://www.w3.org/2001/XMLSchema#"
DCT = "http://purl.org/dc/terms/"
PREFIXES = {"kg": KG, "rdfs": RDFS, "skos": SKOS, "xsd": XSD, "dcterms": DCT}
DATATYPES = {"issuedOn": "date", "effectiveFrom": "date", "decidedOn": "date", "imprisonmentMonths": "integer",
             "fineYuan": "integer", "caseNumber": "string"}


def _lit(value: object, lang: str | None = None, datatype: str | None = None) -> ox.Literal:
    if lang:
        return ox.Literal(str(value), language=lang)
    if datatype:
        return ox.Literal(str(value), datatype=ox.NamedNode(XSD + datatype))
    return ox.Literal(str(value))


def triples(kg: KnowledgeGraph) -> list[ox.Triple]:
    """Every triple of the graph, sorted (so that output files are byte-identical run to run)."""
    out: list[ox.Triple] = []
    add = out.append
    for node in kg.nodes.values():
        s = ox.NamedNode(node.iri)
        add(ox.Triple(s, ox.NamedNode(RDF_TYPE), ox.NamedNode(KG + node.cls)))
        add(ox.Triple(s, ox.NamedNode(RDFS + "label"), _lit(node.label, node.label_lang)))
        for text, lang in node.alt_labels:
            add(ox.Triple(s, ox.NamedNode(SKOS + "altLabel"), _lit(text, lang)))
        if "number" in node.props:
            add(ox.Triple(s, ox.NamedNode(KG + "number"), _lit(node.props["number"])))
        if "text" in node.props:
            add(ox.Triple(s, ox.NamedNode(KG + "text"), _lit(node.props["text"], node.props.get("lang", "en"))))
        d = node.document
        if d is not None:
            from .resolve import text_hash

            add(ox.Triple(s, ox.NamedNode(DCT + "title"), _lit(d.title, node.label_lang)))
            add(ox.Triple(s, ox.NamedNode(DCT + "source"), _lit(d.source)))
            add(ox.Triple(s, ox.NamedNode(KG + "firstLine"), _lit(d.first_line, datatype="integer")))
            add(ox.Triple(s, ox.NamedNode(KG + "lastLine"), _lit(d.last_line, datatype="integer")))
            add(ox.Triple(s, ox.NamedNode(KG + "startOffset"), _lit(d.start, datatype="integer")))
            add(ox.Triple(s, ox.NamedNode(KG + "endOffset"), _lit(d.start + len(d.text), datatype="integer")))
            add(ox.Triple(s, ox.NamedNode(KG + "sha256"), _lit(text_hash(d.text))))
            for lang in d.languages:
                add(ox.Triple(s, ox.NamedNode(DCT + "language"), _lit(lang)))
    for st in kg.statements:
        s, p = ox.NamedNode(st.subject), ox.NamedNode(KG + st.predicate)
        if st.literal:
            o: ox.NamedNode | ox.Literal = _lit(st.obj, datatype=DATATYPES.get(st.predicate))
        else:
            o = ox.NamedNode(str(st.obj))
        add(ox.Triple(s, p, o))
    return sorted(set(out), key=str)


def serialize(kg: KnowledgeGraph, fmt: str = "turtle") -> bytes:
    formats = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES}
    data = ox.serialize(triples(kg), format=formats[fmt], prefixes=PREFIXES if fmt == "turtle" else None)
    return data


def write(kg: KnowledgeGraph, path: Path) -> None:
    path.write_bytes(serialize(kg))


def to_rdflib(kg: KnowledgeGraph) -> rdflib.Graph:
    import rdflib

    g = rdflib.Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    for t in triples(kg):
        g.add((_rl(t.subject), _rl(t.predicate), _rl(t.object)))
    return g


def _rl(term: ox.NamedNode | ox.Literal) -> rdflib.term.Node:
    import rdflib

    if isinstance(term, ox.NamedNode):
        return rdflib.URIRef(term.value)
    if term.language:
        return rdflib.Literal(term.value, lang=term.language)
    return rdflib.Literal(term.value, datatype=rdflib.URIRef(term.datatype.value))
