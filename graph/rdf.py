"""RDF serialization: the graph, with the evidence of every fact, in the project's ontology.

Model (see README, "Provenance"):
- every node: `rdf:type`, one `rdfs:label`, `skos:altLabel`s; documents their title, source file, lines,
  offsets, languages and text hash;
- every relation and attribute as a plain triple, and again as an `rdf:Statement` (IRI derived from the
  triple) with `prov:wasDerivedFrom` each piece of evidence;
- every mention of an entity: `kg:mention` evidence;
- a piece of evidence is an `oa:SpecificResource` whose `oa:hasSource` is the document node and whose
  selectors are an `oa:TextPositionSelector` (`oa:start`, `oa:end`: 0-based offsets into the decoded text
  of the source file) and an `oa:TextQuoteSelector` (`oa:exact`).
In TriG and N-Quads the plain triple of each relation or attribute stands in the named graph of each
document that states it (the graph's name is the document's IRI); everything else is in the default
graph. Turtle and JSON-LD hold the union in one graph.

pyoxigraph writes Turtle, TriG and N-Quads (sorted input gives byte-identical output); rdflib is the
API users get (`KnowledgeGraph.rdf`), made from the same triples.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from .kg import Evidence, KnowledgeGraph

if TYPE_CHECKING:
    import rdflib

KG = "https://w3id.org/legal-kg/ontology#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
XSD = "http://www.w3.org/2001/XMLSchema#"
DCT = "http://purl.org/dc/terms/"
OA = "http://www.w3.org/ns/oa#"
PROV = "http://www.w3.org/ns/prov#"
PREFIXES = {"kg": KG, "rdf": RDF, "rdfs": RDFS, "skos": SKOS, "xsd": XSD, "dcterms": DCT, "oa": OA,
            "prov": PROV}
DATATYPES = {"issuedOn": "date", "effectiveFrom": "date", "decidedOn": "date", "imprisonmentMonths": "integer",
             "fineYuan": "integer", "caseNumber": "string"}
FORMATS = {"ttl": ox.RdfFormat.TURTLE, "trig": ox.RdfFormat.TRIG, "nq": ox.RdfFormat.N_QUADS}
FILE_NAMES = {"ttl": "graph.ttl", "trig": "graph.trig", "nq": "graph.nq", "jsonld": "graph.jsonld"}
DEFAULT = ox.DefaultGraph()


def _lit(value: object, lang: str | None = None, datatype: str | None = None) -> ox.Literal:
    if lang:
        return ox.Literal(str(value), language=lang)
    if datatype:
        return ox.Literal(str(value), datatype=ox.NamedNode(XSD + datatype))
    return ox.Literal(str(value))


def _iri(kind: str, *parts: object, base: str) -> ox.NamedNode:
    digest = hashlib.sha1("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:20]
    return ox.NamedNode(f"{base}{kind}/{digest}")


def _evidence(ev: Evidence, base: str, out: list[ox.Quad]) -> ox.NamedNode:
    node = _iri("evidence", ev.document, ev.start, ev.end, base=base)
    position = ox.NamedNode(node.value + "#position")
    quote = ox.NamedNode(node.value + "#quote")
    for s, p, o in (
        (node, RDF + "type", ox.NamedNode(OA + "SpecificResource")),
        (node, OA + "hasSource", ox.NamedNode(ev.document)),
        (node, OA + "hasSelector", position),
        (node, OA + "hasSelector", quote),
        (position, RDF + "type", ox.NamedNode(OA + "TextPositionSelector")),
        (position, OA + "start", _lit(ev.start, datatype="nonNegativeInteger")),
        (position, OA + "end", _lit(ev.end, datatype="nonNegativeInteger")),
        (quote, RDF + "type", ox.NamedNode(OA + "TextQuoteSelector")),
        (quote, OA + "exact", _lit(ev.quote)),
    ):
        out.append(ox.Quad(s, ox.NamedNode(p), o, DEFAULT))
    return node


def quads(kg: KnowledgeGraph, named_graphs: bool = True) -> list[ox.Quad]:
    """Every quad of the graph, sorted (so that output files are byte-identical run to run). Without
    `named_graphs`, all of them in the default graph."""
    out: list[ox.Quad] = []

    def add(s: ox.NamedNode, p: str, o: ox.NamedNode | ox.Literal, g: ox.NamedNode | ox.DefaultGraph = DEFAULT):
        out.append(ox.Quad(s, ox.NamedNode(p), o, g))

    for node in kg.nodes.values():
        s = ox.NamedNode(node.iri)
        add(s, RDF + "type", ox.NamedNode(KG + node.cls))
        add(s, RDFS + "label", _lit(node.label, node.label_lang))
        for text, lang in node.alt_labels:
            add(s, SKOS + "altLabel", _lit(text, lang))
        if "number" in node.props:
            add(s, KG + "number", _lit(node.props["number"]))
        if "text" in node.props:
            add(s, KG + "text", _lit(node.props["text"], node.props.get("lang", "en")))
        for ev in node.evidence:
            add(s, KG + "mention", _evidence(ev, kg.base, out))
        d = node.document
        if d is not None:
            add(s, DCT + "title", _lit(d.title, node.label_lang))
            add(s, DCT + "source", _lit(d.source))
            add(s, KG + "firstLine", _lit(d.first_line, datatype="integer"))
            add(s, KG + "lastLine", _lit(d.last_line, datatype="integer"))
            add(s, KG + "startOffset", _lit(d.start, datatype="integer"))
            add(s, KG + "endOffset", _lit(d.end, datatype="integer"))
            add(s, KG + "sha256", _lit(d.sha256))
            for lang in d.languages:
                add(s, DCT + "language", _lit(lang))
    for st in kg.statements:
        s, p = ox.NamedNode(st.subject), KG + st.predicate
        o = _lit(st.obj, datatype=DATATYPES.get(st.predicate)) if st.literal else ox.NamedNode(str(st.obj))
        docs = sorted({ev.document for ev in st.evidence})
        for g in ([ox.NamedNode(d) for d in docs] if named_graphs and docs else [DEFAULT]):
            add(s, p, o, g)
        reified = _iri("statement", st.subject, st.predicate, st.obj, base=kg.base)
        add(reified, RDF + "type", ox.NamedNode(RDF + "Statement"))
        add(reified, RDF + "subject", s)
        add(reified, RDF + "predicate", ox.NamedNode(p))
        add(reified, RDF + "object", o)
        for ev in st.evidence:
            add(reified, PROV + "wasDerivedFrom", _evidence(ev, kg.base, out))
    return sorted(set(out), key=str)


def triples(kg: KnowledgeGraph) -> list[ox.Triple]:
    return [q.triple for q in quads(kg, named_graphs=False)]


def serialize(kg: KnowledgeGraph, fmt: str = "ttl") -> bytes:
    """The graph in one of FILE_NAMES' formats."""
    if fmt == "jsonld":
        return _jsonld(kg)
    if fmt == "ttl":
        return ox.serialize(triples(kg), format=FORMATS[fmt], prefixes=PREFIXES)
    return ox.serialize(quads(kg), format=FORMATS[fmt], prefixes=PREFIXES if fmt == "trig" else None)


def context() -> dict[str, object]:
    """The JSON-LD context: the prefixes of the ontology and the vocabularies it uses."""
    return {"@context": dict(PREFIXES)}


def _jsonld(kg: KnowledgeGraph) -> bytes:
    """Compact JSON-LD: one object per subject, keys as prefixed names (the context defines them)."""
    subjects: dict[str, dict[str, list[dict[str, str]]]] = {}
    for t in triples(kg):
        obj = subjects.setdefault(t.subject.value, {})
        key = "@type" if t.predicate.value == RDF + "type" else _curie(t.predicate.value)
        o = t.object
        if key == "@type":
            obj.setdefault("@type", []).append(_curie(o.value))
        elif isinstance(o, ox.NamedNode):
            obj.setdefault(key, []).append({"@id": o.value})
        elif o.language:
            obj.setdefault(key, []).append({"@value": o.value, "@language": o.language})
        else:
            obj.setdefault(key, []).append({"@value": o.value, "@type": _curie(o.datatype.value)})
    graph = [{"@id": s, **props} for s, props in subjects.items()]
    doc = {**context(), "@graph": graph}
    return json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8") + b"\n"


def _curie(iri: str) -> str:
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns) and "/" not in iri[len(ns):] and "#" not in iri[len(ns):]:
            return f"{prefix}:{iri[len(ns):]}"
    return iri


def write(kg: KnowledgeGraph, folder: Path, formats: list[str]) -> list[Path]:
    """Write the graph in each format into `folder` (plus context.jsonld beside JSON-LD)."""
    written = []
    for fmt in formats:
        path = folder / FILE_NAMES[fmt]
        path.write_bytes(serialize(kg, fmt))
        written.append(path)
        if fmt == "jsonld":
            ctx = folder / "context.jsonld"
            ctx.write_text(json.dumps(context(), indent=1, sort_keys=True) + "\n", encoding="utf-8")
            written.append(ctx)
    return written


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
