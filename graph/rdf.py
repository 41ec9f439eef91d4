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


Term = tuple[str, ...]  # ("iri", value) or ("lit", value, language, datatype): sortable, hashable
Row = tuple[str, str, Term, str]  # subject IRI, predicate IRI, object, graph IRI ("" = default graph)


def _iri(kind: str, *parts: object, base: str) -> str:
    digest = hashlib.sha1("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:20]
    return f"{base}{kind}/{digest}"


def _lit(value: object, lang: str = "", datatype: str = "") -> Term:
    return ("lit", str(value), lang, XSD + datatype if datatype and not lang else "")


def _node(iri: str) -> Term:
    return ("iri", iri)


def rows(kg: KnowledgeGraph, named_graphs: bool = True) -> list[Row]:
    """Every statement of the graph as plain sortable rows, sorted (so that output files are
    byte-identical run to run). Without `named_graphs`, all of them in the default graph."""
    out: set[Row] = set()
    add = out.add
    evidence: dict[tuple[str, int, int], str] = {}

    def ev_node(ev: Evidence) -> Term:
        key = (ev.document, ev.start, ev.end)
        node = evidence.get(key)
        if node is None:
            node = evidence[key] = _iri("evidence", *key, base=kg.base)
            position, quote = node + "#position", node + "#quote"
            add((node, RDF + "type", _node(OA + "SpecificResource"), ""))
            add((node, OA + "hasSource", _node(ev.document), ""))
            add((node, OA + "hasSelector", _node(position), ""))
            add((node, OA + "hasSelector", _node(quote), ""))
            add((position, RDF + "type", _node(OA + "TextPositionSelector"), ""))
            add((position, OA + "start", _lit(ev.start, datatype="nonNegativeInteger"), ""))
            add((position, OA + "end", _lit(ev.end, datatype="nonNegativeInteger"), ""))
            add((quote, RDF + "type", _node(OA + "TextQuoteSelector"), ""))
            add((quote, OA + "exact", _lit(ev.quote), ""))
        return _node(node)

    for node in kg.nodes.values():
        s = node.iri
        add((s, RDF + "type", _node(KG + node.cls), ""))
        add((s, RDFS + "label", _lit(node.label, node.label_lang), ""))
        for text, lang in node.alt_labels:
            add((s, SKOS + "altLabel", _lit(text, lang), ""))
        if "number" in node.props:
            add((s, KG + "number", _lit(node.props["number"]), ""))
        if "text" in node.props:
            add((s, KG + "text", _lit(node.props["text"], node.props.get("lang", "en")), ""))
        for ev in node.evidence:
            add((s, KG + "mention", ev_node(ev), ""))
        d = node.document
        if d is not None:
            add((s, DCT + "title", _lit(d.title, node.label_lang), ""))
            add((s, DCT + "source", _lit(d.source), ""))
            for p, v in (("firstLine", d.first_line), ("lastLine", d.last_line), ("startOffset", d.start),
                         ("endOffset", d.end)):
                add((s, KG + p, _lit(v, datatype="integer"), ""))
            add((s, KG + "sha256", _lit(d.sha256), ""))
            for lang in d.languages:
                add((s, DCT + "language", _lit(lang), ""))
    for st in kg.statements:
        s, p = st.subject, KG + st.predicate
        o = _lit(st.obj, datatype=DATATYPES.get(st.predicate, "")) if st.literal else _node(str(st.obj))
        docs = sorted({ev.document for ev in st.evidence})
        for g in (docs if named_graphs and docs else [""]):
            add((s, p, o, g))
        reified = _iri("statement", st.subject, st.predicate, st.obj, base=kg.base)
        add((reified, RDF + "type", _node(RDF + "Statement"), ""))
        add((reified, RDF + "subject", _node(s), ""))
        add((reified, RDF + "predicate", _node(p), ""))
        add((reified, RDF + "object", o, ""))
        for ev in st.evidence:
            add((reified, PROV + "wasDerivedFrom", ev_node(ev), ""))
    return sorted(out)


def _term(t: Term) -> ox.NamedNode | ox.Literal:
    if t[0] == "iri":
        return ox.NamedNode(t[1])
    if t[2]:
        return ox.Literal(t[1], language=t[2])
    return ox.Literal(t[1], datatype=ox.NamedNode(t[3])) if t[3] else ox.Literal(t[1])


def quads(kg: KnowledgeGraph, named_graphs: bool = True) -> list[ox.Quad]:
    """Every quad of the graph, in a stable order."""
    return [ox.Quad(ox.NamedNode(s), ox.NamedNode(p), _term(o), ox.NamedNode(g) if g else DEFAULT)
            for s, p, o, g in rows(kg, named_graphs)]


def triples(kg: KnowledgeGraph) -> list[ox.Triple]:
    """Every triple of the graph (one graph), in a stable order."""
    return [ox.Triple(ox.NamedNode(s), ox.NamedNode(p), _term(o)) for s, p, o, _ in rows(kg, named_graphs=False)]


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
    for s, p, o, _ in rows(kg, named_graphs=False):
        obj = subjects.setdefault(s, {})
        key = "@type" if p == RDF + "type" else _curie(p)
        if key == "@type":
            obj.setdefault("@type", []).append(_curie(o[1]))
        elif o[0] == "iri":
            obj.setdefault(key, []).append({"@id": o[1]})
        elif o[2]:
            obj.setdefault(key, []).append({"@value": o[1], "@language": o[2]})
        else:
            obj.setdefault(key, []).append({"@value": o[1], "@type": _curie(o[3] or XSD + "string")})
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
