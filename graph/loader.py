"""Read a build's RDF back into a `KnowledgeGraph` (for `kg export`, `kg stats` and `graph.loader.load`).

Everything the graph holds comes back: nodes, classes, labels, article numbers and texts, documents (title,
source file, lines, offsets, languages), relations, attributes and the evidence of each. The documents'
own text is not in the RDF: a loaded document's `text` is empty.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pyoxigraph as ox

from .kg import KnowledgeGraph
from .model import Document, Evidence, Node, Progress, Statement, silent
from .query import open_store
from .rdf import KG, SPARQL_PREFIXES

EVIDENCE = """?ev oa:hasSource ?doc ; oa:hasSelector ?pos , ?q . ?pos oa:start ?start ; oa:end ?end .
  ?q oa:exact ?quote . ?doc dcterms:source ?file ."""


def _select(store: ox.Store, body: str) -> list[ox.QuerySolution]:
    return list(store.query(SPARQL_PREFIXES + body, use_default_graph_as_union=True))


def _value(term: ox.NamedNode | ox.Literal) -> str | int:
    if isinstance(term, ox.Literal) and term.datatype.value.endswith("#integer"):
        return int(term.value)
    return term.value


def load(folder: Path | str, evidence: bool = True, progress: Progress = silent) -> KnowledgeGraph:
    """The graph a `kg build` wrote into `folder`; without `evidence`, its nodes, documents and statements
    alone (no mentions, no quotes: on a 10,000-document build the evidence is four fifths of the time).
    `progress` is told what is being read."""
    progress("reading the nodes", 0, None)
    store = open_store(Path(folder))
    nodes: dict[str, Node] = {}
    for r in _select(store, """SELECT ?s ?type ?label WHERE { ?s a ?type ; rdfs:label ?label
                               FILTER(STRSTARTS(STR(?type), STR(kg:))) }"""):
        nodes[r["s"].value] = Node(r["s"].value, r["type"].value[len(KG):], r["label"].value,
                                   r["label"].language or "en")
    for r in _select(store, "SELECT ?s ?alt WHERE { ?s skos:altLabel ?alt }"):
        if r["s"].value in nodes:
            nodes[r["s"].value].alt_labels.add((r["alt"].value, r["alt"].language or "en"))
    for r in _select(store, "SELECT ?s ?n WHERE { ?s kg:number ?n }"):
        nodes[r["s"].value].props["number"] = r["n"].value
    for r in _select(store, "SELECT ?s ?t WHERE { ?s kg:text ?t }"):
        nodes[r["s"].value].props.update(text=r["t"].value, lang=r["t"].language or "en")
    languages: dict[str, list[str]] = defaultdict(list)
    for r in _select(store, "SELECT ?d ?lang WHERE { ?d dcterms:language ?lang } ORDER BY ?lang"):
        languages[r["d"].value].append(r["lang"].value)
    documents = []
    for r in _select(store, """SELECT ?d ?title ?file ?first ?last ?start ?end ?hash WHERE {
            ?d dcterms:title ?title ; dcterms:source ?file ; kg:firstLine ?first ; kg:lastLine ?last ;
               kg:startOffset ?start ; kg:endOffset ?end ; kg:sha256 ?hash } ORDER BY ?file ?start"""):
        node = nodes[r["d"].value]
        start = int(r["start"].value)
        doc = Document(r["file"].value, r["file"].value, "", start, int(r["first"].value), int(r["last"].value),
                       node.cls, r["title"].value, tuple(languages[r["d"].value]), r["hash"].value,
                       int(r["end"].value) - start)
        node.document = doc
        documents.append(doc)
    if evidence:
        progress("reading the mentions", 0, None)
        for r in _select(store, f"SELECT ?s ?doc ?file ?start ?end ?quote WHERE {{ ?s kg:mention ?ev . {EVIDENCE} }}"):
            nodes[r["s"].value].evidence.append(_evidence(r))
    statements: dict[tuple, Statement] = {}
    progress("reading the facts", 0, None)
    backed = f"; prov:wasDerivedFrom ?ev . {EVIDENCE}" if evidence else "."
    for r in _select(store, f"""SELECT ?s ?p ?o {'?doc ?file ?start ?end ?quote' if evidence else ''} WHERE {{
            ?st rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o {backed} }}"""):
        literal = isinstance(r["o"], ox.Literal)
        key = (r["s"].value, r["p"].value[len(KG):], _value(r["o"]), literal)
        st = statements.setdefault(key, Statement(*key))
        if evidence:
            st.evidence.append(_evidence(r))
    for node in nodes.values():
        node.evidence.sort()
    for st in statements.values():
        st.evidence.sort()
    doc_iri = next((n.iri for n in nodes.values() if n.document is not None), "")
    base = doc_iri[: doc_iri.index("/doc/") + 1] if "/doc/" in doc_iri else ""
    ordered = sorted(statements.values(), key=lambda s: (s.subject, s.predicate, str(s.obj)))
    return KnowledgeGraph(nodes, ordered, documents, base)


def naming(folder: Path | str, progress: Progress = silent) -> dict[str, set[str]]:
    """Each entity of the build in `folder` -> the documents that name it (their IRIs)."""
    progress("reading who names what", 0, None)
    found: dict[str, set[str]] = defaultdict(set)
    query = "SELECT DISTINCT ?s ?doc WHERE { ?s kg:mention ?ev . ?ev oa:hasSource ?doc }"
    for r in _select(open_store(Path(folder)), query):
        found[r["s"].value].add(r["doc"].value)
    return found


def _evidence(r: ox.QuerySolution) -> Evidence:
    return Evidence(r["doc"].value, int(r["start"].value), int(r["end"].value), r["file"].value, r["quote"].value)
