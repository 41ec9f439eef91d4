"""RDF serialization: the graph, with the evidence of every fact, in the project's ontology.

Model (see README, "Provenance"):
- the dataset: `<BASE> a owl:Ontology ; owl:imports <https://w3id.org/legal-kg/ontology>` (ontology/kg.ttl);
- every node: `rdf:type`, one `rdfs:label`, a `skos:prefLabel` in each language it has a name in (its label,
  or its shortest other name in that language), a `skos:altLabel` for every name but its label; documents
  their title, source file, lines, offsets, languages (`xsd:language`) and text hash;
- every relation and attribute as a plain triple, and again as an `rdf:Statement` (IRI derived from the
  triple) with `prov:wasDerivedFrom` each piece of evidence;
- every mention of an entity: `kg:mention` evidence;
- a piece of evidence is an `oa:SpecificResource` whose `oa:hasSource` is the document node and whose
  selectors are an `oa:TextPositionSelector` (`oa:start`, `oa:end`: 0-based offsets into the decoded text
  of the source file) and an `oa:TextQuoteSelector` (`oa:exact`).
Turtle and TriG name the IRIs under the base with the prefix `id:` (`Ids`).
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
import re
import zlib
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from .model import ONTOLOGY_DIR, Document, Evidence, Graph, Statement
from .shards import digest

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
OWL = "http://www.w3.org/2002/07/owl#"
PREFIXES = {"kg": KG, "rdf": RDF, "rdfs": RDFS, "skos": SKOS, "xsd": XSD, "dcterms": DCT, "oa": OA,
            "prov": PROV, "owl": OWL}
ONTOLOGY = "https://w3id.org/legal-kg/ontology"  # the IRI of ontology/kg.ttl, which every build imports
NAMESPACES = tuple(PREFIXES.values())
SPARQL_PREFIXES = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())
DATATYPES = {"issuedOn": "date", "effectiveFrom": "date", "decidedOn": "date", "onDate": "date",
             "imprisonmentMonths": "integer", "probationMonths": "integer", "fineYuan": "integer",
             "politicalRightsMonths": "integer", "politicalRightsForLife": "boolean", "confiscationYuan": "integer",
             "confiscatesAllProperty": "boolean", "caseNumber": "string", "documentNumber": "string",
             "question": "string", "answer": "string", "measure": "string", "fineMinYuan": "integer",
             "fineMaxYuan": "integer", "fineMinMultiple": "integer", "fineMaxMultiple": "integer",
             "personsFineMinYuan": "integer", "personsFineMaxYuan": "integer", "modality": "string",
             "action": "string", "paragraph": "integer"}
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
BUCKETS = 256  # the least number of units of the resolved nodes (a subject's by a digest of its IRI)
BUCKET_SIZE = 64  # subjects a unit of the nodes holds at most on average: their number doubles past it
NAMED = {"ttl": False, "jsonld": False, "nt": False, "trig": True, "nq": True}  # a flavour: with named graphs?
MENTION, DERIVED = KG + "mention", PROV + "wasDerivedFrom"


@dataclass(frozen=True, slots=True)
class Unit:
    """A part of the graph written on its own: its name ("nodes/07", "document/12") and a digest of what it
    says, with the code and the base IRI (`Plan.salt`): units of one key are one text in each flavour."""

    name: str
    key: str


class Plan:
    """The graph cut into units, each a text of its own whatever the others say, in a fixed order:

    - units of the resolved nodes (`nodes/N`: BUCKETS of them, or twice, four times as many as a big graph
      needs to hold BUCKET_SIZE subjects a unit), a subject's by a digest of its IRI: each node's
      class, labels, number and text; each relation and attribute as a plain triple (in TriG and N-Quads:
      only one nothing states, the others stand in their documents' graphs) and as an `rdf:Statement`
      without its evidence;
    - a unit per document (`document/N`, in the order of the documents): its title, source, place and
      languages; each mention and each fact it states (`kg:mention`, `prov:wasDerivedFrom` of a piece of its
      evidence); its evidence; in TriG and N-Quads, its named graph.

    No triple is in two units, so a file is the concatenation of its units' texts, and the triples of a
    changed unit can be taken out of a store and those of its new text put in. An edit of one file changes
    its documents' units and those of the nodes whose resolution it changes, whatever it changes."""

    def __init__(self, kg: Graph, salt: str = ""):
        self.base = kg.base
        self.salt = f"{salt}\0{kg.base}"
        self.nodes = {node.iri: node for node in kg.nodes.values()}
        self.about: dict[str, list[Statement]] = defaultdict(list)  # the statements of each subject
        self.reified: dict[str, list[Statement]] = defaultdict(list)  # each statement's rdf:Statement IRI
        self.docs: list[str] = [n.iri for n in kg.document_nodes()]
        # each piece of each document's evidence, as what it backs: (kg:mention, node, start, end, quote) or
        # (prov:wasDerivedFrom, rdf:Statement, start, end, quote, subject, predicate, object, literal)
        self.said: dict[str, list[tuple]]
        said = self.said = {d: [] for d in self.docs}
        reified = [statement_iri(st.subject, st.predicate, st.obj, kg.base) for st in kg.statements]
        for st, r in zip(kg.statements, reified, strict=True):
            self.about[st.subject].append(st)
            self.reified[r].append(st)
            for ev in st.evidence:
                (said.get(ev.document) or self._said(ev.document)).append(
                    (DERIVED, r, ev.start, ev.end, ev.quote, st.subject, st.predicate, st.obj, st.literal))
        for node in self.nodes.values():
            for ev in node.evidence:
                (said.get(ev.document) or self._said(ev.document)).append(
                    (MENTION, node.iri, ev.start, ev.end, ev.quote))
        subjects = self.nodes.keys() | self.about.keys() | self.reified.keys() | {self.base}
        n = BUCKETS
        while n * BUCKET_SIZE < len(subjects):
            n *= 2
        self.buckets: list[list[str]] = [[] for _ in range(n)]
        for s in sorted(subjects):
            self.buckets[self._bucket(s)].append(s)
        self.size = n + len(self.docs)  # the number of units
        self._statements = list(zip(kg.statements, reified, strict=True))

    def _bucket(self, subject: str) -> int:
        return zlib.crc32(subject.encode("utf-8")) % len(self.buckets)

    @cached_property
    def units(self) -> list[Unit]:
        """Each unit's name and key, made when first asked (a build without a cache writes no key)."""
        # what each unit of the nodes says, in the graph's order of nodes and statements (which an edit elsewhere
        # does not change)
        says: list[list[tuple]] = [[] for _ in self.buckets]
        for node in self.nodes.values():
            says[self._bucket(node.iri)].append(("n", node.iri, node.cls, node.label, node.label_lang,
                                                 sorted(node.alt_labels), node.props.get("number"),
                                                 node.props.get("text"), node.props.get("lang")))
        for st, r in self._statements:
            says[self._bucket(st.subject)].append(("s", st.subject, st.predicate, st.obj, st.literal,
                                                   bool(st.evidence)))
            says[self._bucket(r)].append(("r", r, st.subject, st.predicate, st.obj, st.literal))
        return [*(Unit(f"nodes/{i}", self.digest(said)) for i, said in enumerate(says)),
                *(Unit(f"document/{k}", self.digest(self._doc_data(d))) for k, d in enumerate(self.docs))]

    @property
    def node_keys(self) -> list[str]:
        """The keys of the units of the nodes (all an export shows but its edges' evidence)."""
        return [u.key for u in self.units[:len(self.buckets)]]

    def _said(self, document: str) -> list[tuple]:
        """The evidence list of a document (new where the graph has no node of the document)."""
        found = self.said.get(document)
        if found is None:  # evidence of a document the graph has no node of
            self.docs.append(document)
            found = self.said[document] = []
        return found

    def digest(self, data: object) -> str:
        return digest(self.salt, data)

    def _doc_data(self, d: str) -> tuple:
        node = self.nodes.get(d)
        doc = node.document if node is not None else None
        described = None if doc is None else (doc.title, node.label_lang, doc.source, doc.languages,  # type: ignore[union-attr]
                                               doc.first_line, doc.last_line, doc.start, doc.end, doc.sha256)
        return d, described, self.said[d]

    def text(self, index: int, flavour: str) -> str:
        """Unit `index` in a flavour (ttl, trig, nq, jsonld: a file's format; JSON-LD gives its objects,
        one a line, comma-separated)."""
        named = NAMED[flavour]
        if index < len(self.buckets):
            grouped = [(s, self._node_rows(s, named)) for s in self.buckets[index]]
            return _rendered(grouped, {}, [], "", flavour, self.base)
        d = self.docs[index - len(self.buckets)]
        rows: dict[str, set[tuple[str, Term, str]]] = defaultdict(set)
        in_graph: dict[str, set[tuple[str, Term, str]]] = defaultdict(set)
        evidence: dict[str, Evidence] = {}
        node = self.nodes.get(d)
        if node is not None and node.document is not None:
            doc = node.document
            mine = rows[d]
            mine.update(((DCT + "title", _lit(doc.title, node.label_lang), ""), (DCT + "source", _lit(doc.source), "")))
            mine.update((p, o, "") for p, o in document_place(doc))
            mine.update((DCT + "language", _lit(lang, datatype="language"), "") for lang in doc.languages)
        for verb, s, start, end, quote, *stated in sorted(self.said[d], key=lambda x: x[:5]):
            iri = evidence_iri(d, start, end, self.base)
            evidence[iri] = Evidence(d, start, end, "", quote)
            rows[s].add((verb, _node(iri), ""))
            if named and stated:
                subject, predicate, obj, literal = stated
                in_graph[subject].add((KG + predicate, _object_of(predicate, obj, literal), d))
        grouped = [(s, sorted(rows[s])) for s in sorted(rows)]
        return _rendered(grouped, evidence, [(s, sorted(in_graph[s])) for s in sorted(in_graph)], d, flavour, self.base)

    def _node_rows(self, s: str, named: bool) -> list[tuple[str, Term, str]]:
        rest: set[tuple[str, Term, str]] = set()
        add = rest.add
        node = self.nodes.get(s)
        if s == self.base:  # the dataset
            rest.update(((RDF + "type", _node(OWL + "Ontology"), ""), (OWL + "imports", _node(ONTOLOGY), "")))
        if node is not None:
            add((RDF + "type", _node(KG + node.cls), ""))
            add((RDFS + "label", _lit(node.label, node.label_lang), ""))
            for lang in ("en", "zh"):
                if name := node.label_in(lang):
                    add((SKOS + "prefLabel", _lit(name, lang), ""))
            for text, lang in node.alt_labels:  # the preferred name of the other language too (see README)
                add((SKOS + "altLabel", _lit(text, lang), ""))
            if "number" in node.props:
                add((KG + "number", _lit(node.props["number"]), ""))
            if "text" in node.props:
                add((KG + "text", _lit(node.props["text"], node.props.get("lang", "en")), ""))
        for st in self.about.get(s, ()):
            if not (named and st.evidence):
                add((KG + st.predicate, _object(st), ""))
        for st in self.reified.get(s, ()):
            rest.update(((RDF + "type", _node(RDF + "Statement"), ""), (RDF + "subject", _node(st.subject), ""),
                         (RDF + "predicate", _node(KG + st.predicate), ""), (RDF + "object", _object(st), "")))
        return sorted(rest)


def _rendered(grouped: list[Subject], evidence: dict[str, Evidence], named: list[Subject], graph: str,
              flavour: str, base: str) -> str:
    """A unit's text in a flavour: its subjects' rows, its evidence (by IRI), its rows of the named graph
    `graph`."""
    if flavour in ("ttl", "trig"):
        ids = Ids(base)
        text = "".join(_turtle_blocks(grouped, ids))
        text += "".join(evidence_block(iri, evidence[iri], ids) for iri in sorted(evidence))
        if named:
            text += f"{ids(graph)} {{\n" + "".join(_turtle_blocks(named, ids)) + "}\n"
        return text
    rows: list[Row] = [(s, *rest) for s, rests in grouped for rest in rests]
    for iri in sorted(evidence):
        rows += evidence_rows(iri, evidence[iri])
    if flavour in ("nq", "nt"):
        rows += [(s, *rest) for s, rests in named for rest in rests]
        return "".join(f"<{s}> <{p}> {_text(o, False)}{f' <{g}>' if g else ''} .\n" for s, p, o, g in rows)
    return _jsonld_objects(rows)


def _object(st: Statement) -> Term:
    return _object_of(st.predicate, st.obj, st.literal)


def _object_of(predicate: str, obj: object, literal: bool) -> Term:
    return _lit(obj, datatype=DATATYPES.get(predicate, "")) if literal else _node(str(obj))


def document_place(d: Document) -> list[tuple[str, Term]]:
    """A document node's predicates and objects that move when its file is edited: lines, offsets, text hash."""
    return [*((KG + p, _lit(v, datatype="integer")) for p, v in (
        ("firstLine", d.first_line), ("lastLine", d.last_line), ("startOffset", d.start), ("endOffset", d.end))),
        (KG + "sha256", _lit(d.sha256))]


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


class Ids:
    """The IRIs under the base as prefixed names of `id:` (`id:doc\\/some-law\\/article\\/3`): Turtle 1.1 escapes
    the "/", "#" and "." of a local name with a backslash, and every reader of Turtle 1.1 (rdflib, Oxigraph,
    Jena) takes them. An IRI with a character a local name cannot hold stays whole (`<...>`)."""

    LOCAL = re.compile(r"[A-Za-z0-9_\-./#\u3400-\u4dbf\u4e00-\u9fff]+")

    def __init__(self, base: str) -> None:
        self.base = base

    def __call__(self, iri: str) -> str:
        local = iri[len(self.base):] if iri.startswith(self.base) else ""
        if not local or not self.LOCAL.fullmatch(local):
            return f"<{iri}>"
        local = local.replace(".", "\\.").replace("/", "\\/").replace("#", "\\#")
        return f"id:\\{local}" if local[0] == "-" else f"id:{local}"


def _turtle_blocks(grouped: Iterable[Subject], ids: Ids) -> Iterator[str]:
    """Turtle subject blocks ("s p o , o ; p o .") for statements grouped by subject, one at a time."""
    verbs: dict[str, str] = {RDF + "type": "a"}
    for s, rests in grouped:
        preds: dict[str, list[str]] = {}
        for p, o, _g in rests:
            # most objects are entities and evidence, under the base
            text = ids(o[1]) if o[0] == "iri" and not o[1].startswith(NAMESPACES) else _text(o, prefixed=True)
            objs = preds.get(p)
            if objs is None:
                objs = preds[p] = []
            objs.append(text)
        body = " ;\n\t".join((verbs.get(p) or verbs.setdefault(p, _curie_or_iri(p))) + " " + " , ".join(objs)
                               for p, objs in preds.items())
        yield f"{ids(s)} {body} .\n"


def evidence_block(iri: str, ev: Evidence, ids: Ids) -> str:
    """The Turtle of one piece of evidence (the same triples as evidence_rows, pre-formed: most of a graph's
    output is evidence)."""
    iri, (position, quote) = ids(iri), (ids(s) for s in selectors(iri))
    return (f"{iri} a oa:SpecificResource ;\n\toa:hasSelector {position} , {quote} ;\n"
            f"\toa:hasSource {ids(ev.document)} .\n"
            f"{position} a oa:TextPositionSelector ;\n\toa:end \"{ev.end}\"^^xsd:nonNegativeInteger ;\n"
            f"\toa:start \"{ev.start}\"^^xsd:nonNegativeInteger .\n"
            f"{quote} a oa:TextQuoteSelector ;\n\toa:exact {_string(ev.quote)} .\n")


def prefix_lines(base: str) -> str:
    """The prefixes of a Turtle or TriG file: the vocabularies', and `id:` for the IRIs under the base."""
    return "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in (*PREFIXES.items(), ("id", base)))


@dataclass(frozen=True, slots=True)
class Layout:
    """How a file is made of its units' texts: what comes before, between two (non-empty) units, after."""

    head: str
    sep: str = ""
    tail: str = ""


def layout(flavour: str, base: str) -> Layout:
    if flavour == "jsonld":
        ctx = json.dumps(context()["@context"], ensure_ascii=False, indent=1, sort_keys=True).replace("\n", "\n ")
        return Layout(f'{{\n "@context": {ctx},\n "@graph": [\n', ",\n", "\n ]\n}\n")
    return Layout("" if flavour in ("nq", "nt") else prefix_lines(base))


def chunks(kg: Graph, fmt: str, plan: Plan | None = None) -> Iterator[str]:
    """The graph in one of FILE_NAMES' formats, a unit at a time (a big graph is not held twice)."""
    plan = plan or Plan(kg)
    form = layout(fmt, kg.base)
    yield form.head
    first = True
    for i in range(plan.size):
        text = plan.text(i, fmt)
        if text:
            yield text if first else form.sep + text
            first = False
    yield form.tail


def turtle_chunks(kg: Graph) -> Iterator[str]:
    return chunks(kg, "ttl")


def nquads_chunks(kg: Graph, named_graphs: bool = True) -> Iterator[str]:
    return chunks(kg, "nq" if named_graphs else "nt")


def nquads(kg: Graph, named_graphs: bool = True) -> bytes:
    return "".join(nquads_chunks(kg, named_graphs)).encode("utf-8")


def quads(kg: Graph, named_graphs: bool = True) -> list[ox.Quad]:
    """Every quad of the graph, as pyoxigraph terms."""
    return list(ox.parse(nquads(kg, named_graphs), format=ox.RdfFormat.N_QUADS))


def serialize(kg: Graph, fmt: str = "ttl") -> bytes:
    """The graph in one of FILE_NAMES' formats."""
    return "".join(chunks(kg, fmt)).encode("utf-8")


@cache
def ontology() -> ox.Store:
    """The ontology (ontology/kg.ttl) as an in-memory store, read once: the pages' labels and the JSON-LD terms."""
    store = ox.Store()
    store.load(path=str(ONTOLOGY_DIR / "kg.ttl"), format=ox.RdfFormat.TURTLE)
    return store


@cache
def context() -> dict[str, object]:
    """The JSON-LD context: the prefixes of the ontology and the vocabularies it uses, and a term for each class
    and property of the ontology (ontology/kg.ttl), typed: a relation's values are IRIs (`"@type": "@id"`), an
    attribute's of its range (`"decidedOn": {"@id": "kg:decidedOn", "@type": "xsd:date"}`)."""
    terms: dict[str, object] = dict(PREFIXES)
    has_range = ox.NamedNode(RDFS + "range")
    kinds = {OWL + "Class": None, OWL + "ObjectProperty": "@id", OWL + "DatatypeProperty": ""}
    for kind, coerced in kinds.items():
        for quad in ontology().quads_for_pattern(None, ox.NamedNode(RDF + "type"), ox.NamedNode(kind)):
            iri = quad.subject.value
            if not iri.startswith(KG):
                continue
            if coerced is None:
                terms[iri[len(KG):]] = _curie(iri)
                continue
            ranges = [q.object.value for q in ontology().quads_for_pattern(quad.subject, has_range, None)]
            typed = coerced or next((_curie(r) for r in ranges if r.startswith(XSD)), "")
            terms[iri[len(KG):]] = {"@id": _curie(iri), **({"@type": typed} if typed else {})}
    return {"@context": dict(sorted(terms.items()))}


def _jsonld_objects(rows: list[Row]) -> str:
    """Compact JSON-LD objects, one a line: one per subject of `rows`, keys as prefixed names (the context
    defines them)."""
    objects: dict[str, dict[str, list]] = {}
    for s, p, o, _ in rows:
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
    return ",\n".join("  " + json.dumps({"@id": s, **props}, ensure_ascii=False, sort_keys=True)
                       for s, props in objects.items())


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
    plan = Plan(kg)
    for fmt in formats:
        path = folder / FILE_NAMES[fmt]
        with path.open("w", encoding="utf-8", newline="\n") as f:
            f.writelines(chunks(kg, fmt, plan))
        written.append(path)
        if fmt == "jsonld":
            written.append(write_context(folder))
    return written


def write_context(folder: Path) -> Path:
    """context.jsonld, the JSON-LD context, beside graph.jsonld."""
    ctx = folder / "context.jsonld"
    ctx.write_text(json.dumps(context(), indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return ctx


def to_rdflib(kg: Graph) -> rdflib.Graph:
    import rdflib

    g = rdflib.Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    g.parse(data=nquads(kg, named_graphs=False).decode("utf-8"), format="nt")
    return g
