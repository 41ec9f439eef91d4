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

The files are written as text from statements grouped by subject (byte-identical run to run, and quick:
most of a graph is evidence, written as pre-formed blocks); pyoxigraph and rdflib read them back in the
tests. (pyoxigraph's own writer is quicker still, but making its terms from Python is not: on a graph of
717,000 triples here, making the terms took 1.0 s and writing Turtle 0.2 s, against 1.05 s for this whole
writer.) rdflib is the API users get (`KnowledgeGraph.rdf`), made from the same triples.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from .model import Document, Evidence, Graph, Statement

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
NAMESPACES = tuple(PREFIXES.values())
SPARQL_PREFIXES = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())
DATATYPES = {"issuedOn": "date", "effectiveFrom": "date", "decidedOn": "date", "onDate": "date",
             "imprisonmentMonths": "integer", "probationMonths": "integer", "fineYuan": "integer",
             "politicalRightsMonths": "integer", "politicalRightsForLife": "boolean", "confiscationYuan": "integer",
             "confiscatesAllProperty": "boolean", "caseNumber": "string", "documentNumber": "string",
             "question": "string", "answer": "string"}
FILE_NAMES = {"ttl": "graph.ttl", "trig": "graph.trig", "nq": "graph.nq", "jsonld": "graph.jsonld"}


Term = tuple[str, ...]  # ("iri", value) or ("lit", value, language, datatype): sortable, hashable
Row = tuple[str, str, Term, str]  # subject IRI, predicate IRI, object, graph IRI ("" = default graph)


def _iri(kind: str, *parts: object, base: str) -> str:
    digest = hashlib.sha1("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:20]
    return f"{base}{kind}/{digest}"


def evidence_iri(document: str, start: int, end: int, base: str) -> str:
    """The IRI of a piece of evidence: a digest of its document and span."""
    return _iri("evidence", document, start, end, base=base)


def statement_iri(subject: str, predicate: str, obj: object, base: str) -> str:
    """The IRI of a relation's or attribute's rdf:Statement: a digest of its triple."""
    return _iri("statement", subject, predicate, obj, base=base)


def _lit(value: object, lang: str = "", datatype: str = "") -> Term:
    lexical = str(value).lower() if isinstance(value, bool) else str(value)  # xsd:boolean is "true"
    return ("lit", lexical, lang, XSD + datatype if datatype and not lang else "")


def _node(iri: str) -> Term:
    return ("iri", iri)


Subject = tuple[str, list[tuple[str, Term, str]]]  # a subject IRI and its sorted (predicate, object, graph)


def subjects(kg: Graph, named_graphs: bool = True) -> tuple[Iterator[Subject], dict[str, Evidence]]:
    """The graph's statements grouped by subject, in order of subject IRI, each subject's sorted; and its
    evidence by IRI (written as blocks of their own, the bulk of the output), which fills as the subjects are
    read. A subject's rows are made when it is reached: the whole graph is never held as rows. Without
    `named_graphs`, every statement is in the default graph."""
    terms: dict[Evidence, Term] = {}  # each piece of evidence's node (most evidence backs several facts)
    evidence: dict[str, Evidence] = {}
    nodes = {node.iri: node for node in kg.nodes.values()}
    about: dict[str, list[Statement]] = {}  # the statements of each subject
    reified: dict[str, list[Statement]] = {}  # each statement's rdf:Statement IRI
    for st in kg.statements:
        about.setdefault(st.subject, []).append(st)
        reified.setdefault(statement_iri(st.subject, st.predicate, st.obj, kg.base), []).append(st)

    def ev_node(ev: Evidence) -> Term:
        node = terms.get(ev)
        if node is None:
            node = terms[ev] = _node(evidence_iri(ev.document, ev.start, ev.end, kg.base))
            evidence[node[1]] = ev
        return node

    mention, derived = KG + "mention", PROV + "wasDerivedFrom"

    def rows(s: str) -> list[tuple[str, Term, str]]:
        rest: set[tuple[str, Term, str]] = set()
        add = rest.add
        node = nodes.get(s)
        if node is not None:
            add((RDF + "type", _node(KG + node.cls), ""))
            add((RDFS + "label", _lit(node.label, node.label_lang), ""))
            for text, lang in node.alt_labels:
                add((SKOS + "altLabel", _lit(text, lang), ""))
            if "number" in node.props:
                add((KG + "number", _lit(node.props["number"]), ""))
            if "text" in node.props:
                add((KG + "text", _lit(node.props["text"], node.props.get("lang", "en")), ""))
            for ev in node.evidence:
                add((mention, ev_node(ev), ""))
            d = node.document
            if d is not None:
                add((DCT + "title", _lit(d.title, node.label_lang), ""))
                add((DCT + "source", _lit(d.source), ""))
                rest.update((p, o, "") for p, o in document_place(d))
                for lang in d.languages:
                    add((DCT + "language", _lit(lang), ""))
        for st in about.get(s, ()):
            p, o = KG + st.predicate, _object(st)
            if named_graphs and st.evidence:
                rest.update((p, o, g) for g in {ev.document for ev in st.evidence})
            else:
                add((p, o, ""))
        for st in reified.get(s, ()):
            rest.update(((RDF + "type", _node(RDF + "Statement"), ""), (RDF + "subject", _node(st.subject), ""),
                         (RDF + "predicate", _node(KG + st.predicate), ""), (RDF + "object", _object(st), "")))
            rest.update((derived, ev_node(ev), "") for ev in st.evidence)
        return sorted(rest)

    return ((s, rows(s)) for s in sorted(nodes.keys() | about.keys() | reified.keys())), evidence


def _object(st: Statement) -> Term:
    return _lit(st.obj, datatype=DATATYPES.get(st.predicate, "")) if st.literal else _node(str(st.obj))


def document_place(d: Document) -> list[tuple[str, Term]]:
    """A document node's predicates and objects that move when its file is edited: lines, offsets, text hash."""
    return [*((KG + p, _lit(v, datatype="integer")) for p, v in (
        ("firstLine", d.first_line), ("lastLine", d.last_line), ("startOffset", d.start), ("endOffset", d.end))),
        (KG + "sha256", _lit(d.sha256))]


def turtle_pair(p: str, o: Term) -> str:
    """A predicate and its object as a subject block writes them."""
    return ("a" if p == RDF + "type" else _curie_or_iri(p)) + " " + _text(o, prefixed=True)


def selectors(iri: str) -> tuple[str, str]:
    """The IRIs of a piece of evidence's position and quote selectors: its fragments `#position` and `#quote`,
    or, where its IRI has a fragment already (a base ending in "#"), parts of that fragment (no IRI holds
    two "#")."""
    sep = "/" if "#" in iri else "#"
    return f"{iri}{sep}position", f"{iri}{sep}quote"


def evidence_rows(iri: str, ev: Evidence) -> list[Row]:
    """The rows of one piece of evidence: an oa:SpecificResource with its source and two selectors."""
    position, quote = selectors(iri)
    return [(iri, RDF + "type", _node(OA + "SpecificResource"), ""),
            (iri, OA + "hasSelector", _node(position), ""),
            (iri, OA + "hasSelector", _node(quote), ""),
            (iri, OA + "hasSource", _node(ev.document), ""),
            (position, RDF + "type", _node(OA + "TextPositionSelector"), ""),
            (position, OA + "end", _lit(ev.end, datatype="nonNegativeInteger"), ""),
            (position, OA + "start", _lit(ev.start, datatype="nonNegativeInteger"), ""),
            (quote, RDF + "type", _node(OA + "TextQuoteSelector"), ""),
            (quote, OA + "exact", _lit(ev.quote), "")]


_string = json.JSONEncoder(ensure_ascii=False).encode  # a string literal (one encoder, not one per call)


def _text(term: Term, prefixed: bool) -> str:
    """A term in Turtle / N-Triples syntax (JSON string escapes are valid Turtle string escapes)."""
    if term[0] == "iri":
        return _curie_or_iri(term[1]) if prefixed else f"<{term[1]}>"
    value = _string(term[1])
    if term[2]:
        return f"{value}@{term[2]}"
    if term[3]:
        return f"{value}^^{_curie_or_iri(term[3]) if prefixed else '<' + term[3] + '>'}"
    return value


def _curie_or_iri(iri: str) -> str:
    curie = _curie(iri)
    return curie if curie != iri else f"<{iri}>"


def _turtle_blocks(grouped: Iterable[Subject]) -> Iterator[str]:
    """Turtle subject blocks ("s p o , o ; p o .") for statements grouped by subject, one at a time."""
    verbs: dict[str, str] = {RDF + "type": "a"}
    for s, rests in grouped:
        preds: dict[str, list[str]] = {}
        for p, o, _g in rests:
            # most objects are entities and evidence: full IRIs, no prefixed name to look for
            text = f"<{o[1]}>" if o[0] == "iri" and not o[1].startswith(NAMESPACES) else _text(o, prefixed=True)
            objs = preds.get(p)
            if objs is None:
                objs = preds[p] = []
            objs.append(text)
        body = " ;\n\t".join((verbs.get(p) or verbs.setdefault(p, _curie_or_iri(p))) + " " + " , ".join(objs)
                               for p, objs in preds.items())
        yield f"<{s}> {body} .\n"


def _evidence_turtle(evidence: dict[str, Evidence]) -> Iterator[str]:
    """The Turtle of each piece of evidence (the same triples as evidence_rows, pre-formed: most of a
    graph's output is evidence), one at a time."""
    return (evidence_block(iri, evidence[iri]) for iri in sorted(evidence))


def evidence_block(iri: str, ev: Evidence) -> str:
    """The Turtle of one piece of evidence."""
    position, quote = selectors(iri)
    return (f"<{iri}> a oa:SpecificResource ;\n\toa:hasSelector <{position}> , <{quote}> ;\n"
            f"\toa:hasSource <{ev.document}> .\n"
            f"<{position}> a oa:TextPositionSelector ;\n\toa:end \"{ev.end}\"^^xsd:nonNegativeInteger ;\n"
            f"\toa:start \"{ev.start}\"^^xsd:nonNegativeInteger .\n"
            f"<{quote}> a oa:TextQuoteSelector ;\n\toa:exact {_string(ev.quote)} .\n")


def prefix_lines() -> str:
    return "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in PREFIXES.items())


def turtle_chunks(kg: Graph) -> Iterator[str]:
    grouped, evidence = subjects(kg, named_graphs=False)
    yield prefix_lines()
    yield from _turtle_blocks(grouped)
    yield from _evidence_turtle(evidence)


def trig_chunks(kg: Graph) -> Iterator[str]:
    grouped, evidence = subjects(kg, named_graphs=True)
    default: list[Subject] = []
    named: dict[str, list[Subject]] = {}
    for s, rests in grouped:
        mine = [r for r in rests if not r[2]]
        if mine:
            default.append((s, mine))
        for r in rests:
            if r[2]:
                in_graph = named.setdefault(r[2], [])
                if not in_graph or in_graph[-1][0] != s:
                    in_graph.append((s, []))
                in_graph[-1][1].append(r)
    yield prefix_lines()
    yield from _turtle_blocks(default)
    yield from _evidence_turtle(evidence)
    for g in sorted(named):
        yield f"<{g}> {{\n" + "".join(_turtle_blocks(named[g])) + "}\n"


def nquads_chunks(kg: Graph, named_graphs: bool = True) -> Iterator[str]:
    grouped, evidence = subjects(kg, named_graphs)
    for s, rests in grouped:
        for p, o, g in rests:
            yield f"<{s}> <{p}> {_text(o, False)}{f' <{g}>' if g else ''} .\n"
    for iri in sorted(evidence):
        for s, p, o, _ in evidence_rows(iri, evidence[iri]):
            yield f"<{s}> <{p}> {_text(o, False)} .\n"


def nquads(kg: Graph, named_graphs: bool = True) -> bytes:
    return "".join(nquads_chunks(kg, named_graphs)).encode("utf-8")


def quads(kg: Graph, named_graphs: bool = True) -> list[ox.Quad]:
    """Every quad of the graph, as pyoxigraph terms."""
    return list(ox.parse(nquads(kg, named_graphs), format=ox.RdfFormat.N_QUADS))


def chunks(kg: Graph, fmt: str) -> Iterator[str]:
    """The graph in one of FILE_NAMES' formats, piece by piece (a big graph is not held twice)."""
    if fmt == "jsonld":
        return iter([_jsonld(kg)])
    writers = {"ttl": turtle_chunks, "trig": trig_chunks, "nq": nquads_chunks}
    return writers[fmt](kg)


def serialize(kg: Graph, fmt: str = "ttl") -> bytes:
    """The graph in one of FILE_NAMES' formats."""
    return "".join(chunks(kg, fmt)).encode("utf-8")


def context() -> dict[str, object]:
    """The JSON-LD context: the prefixes of the ontology and the vocabularies it uses."""
    return {"@context": dict(PREFIXES)}


def _jsonld(kg: Graph) -> str:
    """Compact JSON-LD: one object per subject, keys as prefixed names (the context defines them)."""
    objects: dict[str, dict[str, list[dict[str, str]]]] = {}
    grouped, evidence = subjects(kg, named_graphs=False)
    main = [(s, *rest) for s, rests in grouped for rest in rests]
    for iri in sorted(evidence):
        main += evidence_rows(iri, evidence[iri])
    for s, p, o, _ in main:
        obj = objects.setdefault(s, {})
        key = "@type" if p == RDF + "type" else _curie(p)
        if key == "@type":
            obj.setdefault("@type", []).append(_curie(o[1]))
        elif o[0] == "iri":
            obj.setdefault(key, []).append({"@id": o[1]})
        elif o[2]:
            obj.setdefault(key, []).append({"@value": o[1], "@language": o[2]})
        else:
            obj.setdefault(key, []).append({"@value": o[1], "@type": _curie(o[3] or XSD + "string")})
    graph = [{"@id": s, **props} for s, props in objects.items()]
    doc = {**context(), "@graph": graph}
    return json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def _curie(iri: str) -> str:
    if not iri.startswith(NAMESPACES):  # the common case: an entity, evidence or statement IRI
        return iri
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns) and "/" not in iri[len(ns):] and "#" not in iri[len(ns):]:
            return f"{prefix}:{iri[len(ns):]}"
    return iri


def write(kg: Graph, folder: Path, formats: list[str]) -> list[Path]:
    """Write the graph in each format into `folder` (plus context.jsonld beside JSON-LD)."""
    written = []
    for fmt in formats:
        path = folder / FILE_NAMES[fmt]
        with path.open("w", encoding="utf-8", newline="\n") as f:
            f.writelines(chunks(kg, fmt))
        written.append(path)
        if fmt == "jsonld":
            ctx = folder / "context.jsonld"
            ctx.write_text(json.dumps(context(), indent=1, sort_keys=True) + "\n", encoding="utf-8")
            written.append(ctx)
    return written


def to_rdflib(kg: Graph) -> rdflib.Graph:
    import rdflib

    g = rdflib.Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    g.parse(data=nquads(kg, named_graphs=False).decode("utf-8"), format="nt")
    return g
