"""SPARQL over a build's output files (pyoxigraph), the library of named queries, and result tables."""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from extractors.gazetteer import ONTOLOGY_DIR

from .rdf import PREFIXES

QUERIES_DIR = ONTOLOGY_DIR / "queries"
LOAD_ORDER = (("graph.nq", ox.RdfFormat.N_QUADS), ("graph.trig", ox.RdfFormat.TRIG),
              ("graph.ttl", ox.RdfFormat.TURTLE), ("graph.jsonld", ox.RdfFormat.JSON_LD))


class QueryError(Exception):
    """A query that cannot run; the message says why in one line."""


@dataclass(frozen=True)
class NamedQuery:
    name: str  # file stem without its number: "convictions"
    description: str
    params: tuple[str, ...]
    text: str


def named_queries() -> dict[str, NamedQuery]:
    """The library in ontology/queries/*.rq: each file opens with comments saying what it answers and a
    `# Parameters:` line naming its parameters (`name - description`) or `none`."""
    out = {}
    for path in sorted(QUERIES_DIR.glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        comments = [ln[1:].strip() for ln in text.splitlines() if ln.startswith("#")]
        description = " ".join(c for c in comments if not c.startswith("Parameters:"))
        name = re.sub(r"^\d+-", "", path.stem)
        out[name] = NamedQuery(name, description, declared(text), text)
    return out


def declared(sparql: str) -> tuple[str, ...]:
    """The parameters a query declares in a comment line `# Parameters: name - what it is, other - ...`
    (none without one): the only variables a caller's values may bind."""
    line = next((ln[1:].strip() for ln in sparql.splitlines() if ln.startswith("#")
                 and ln[1:].strip().startswith("Parameters:")), "")
    return tuple(m.group(1) for m in re.finditer(r"(\w+) - ", line))


def open_store(folder: Path) -> ox.Store:
    """An in-memory store of the RDF a `kg build` wrote into `folder` (the richest format present)."""
    if not folder.is_dir():
        raise QueryError(f"{folder}: no such folder; run `kg build` first")
    for name, fmt in LOAD_ORDER:
        path = folder / name
        if path.exists():
            store = ox.Store()
            store.bulk_load(path=str(path), format=fmt)
            return store
    raise QueryError(f"{folder}: no graph.ttl, graph.nq, graph.trig or graph.jsonld; run `kg build` first")


def run(store: ox.Store, sparql: str, params: dict[str, str] | None = None) -> tuple[list[str], list[list[str]]]:
    """Run a SELECT query; `params` bind variables to plain string literals (never pasted into the text).
    The ontology's prefixes (kg:, rdf:, rdfs:, skos:, xsd:, dcterms:, oa:, prov:) need no declaring."""
    substitutions = {ox.Variable(k): ox.Literal(v) for k, v in (params or {}).items()}
    try:
        result = store.query(sparql, prefixes=PREFIXES, substitutions=substitutions, use_default_graph_as_union=True)
    except SyntaxError as err:
        raise QueryError(f"bad SPARQL: {err}") from None
    if isinstance(result, ox.QueryBoolean):
        return ["ask"], [[str(bool(result)).lower()]]
    if not isinstance(result, ox.QuerySolutions):
        raise QueryError("only SELECT and ASK queries give a table")
    names = [v.value for v in result.variables]
    rows = [[_text(sol[v]) for v in names] for sol in result]
    return names, rows


def _text(term: ox.NamedNode | ox.Literal | ox.BlankNode | None) -> str:
    return "" if term is None else term.value


def render(names: list[str], rows: list[list[str]], fmt: str) -> str:
    if fmt == "json":
        return json.dumps([dict(zip(names, r, strict=True)) for r in rows], ensure_ascii=False, indent=1) + "\n"
    if fmt in ("csv", "tsv"):
        buf = io.StringIO()
        writer = csv.writer(buf, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(names)
        writer.writerows(rows)
        return buf.getvalue()
    return _table(names, rows)


def _width(text: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _table(names: list[str], rows: list[list[str]]) -> str:
    """An aligned plain-text table (East Asian characters count two columns)."""
    cells = [names] + [[c.replace("\n", " ") for c in r] for r in rows]
    widths = [max(_width(r[i]) for r in cells) for i in range(len(names))]
    lines = []
    for k, r in enumerate(cells):
        lines.append("  ".join(c + " " * (w - _width(c)) for c, w in zip(r, widths, strict=True)).rstrip())
        if k == 0:
            lines.append("  ".join("-" * w for w in widths))
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines) + "\n"
