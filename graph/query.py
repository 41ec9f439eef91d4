"""SPARQL over a build's output files (pyoxigraph), the library of named queries, and result tables."""

from __future__ import annotations

import csv
import datetime
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from .model import ONTOLOGY_DIR
from .rdf import PREFIXES, XSD

QUERIES_DIR = ONTOLOGY_DIR / "queries"


class QueryError(Exception):
    """A query that cannot run; the message says why in one line."""


INTEGERS = {XSD + t for t in ("integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
                              "nonPositiveInteger", "negativeInteger", "unsignedInt", "unsignedLong")}
NUMBERS = {XSD + t for t in ("decimal", "double", "float")}


class Cell(str):
    """A cell of a result table: the text tables and CSV show, and the datatype of the literal it came from
    ("" for an IRI or a blank node, None where the variable is unbound), which `value` reads."""

    datatype: str | None

    def __new__(cls, text: str, datatype: str | None = "") -> Cell:
        cell = super().__new__(cls, text)
        cell.datatype = datatype
        return cell

    @property
    def value(self) -> object:
        """The cell as Python: int, float, bool, datetime.date or datetime.datetime by its datatype, None when
        unbound, else its text (an IRI, a string, a lexical form its type does not parse)."""
        kind = self.datatype
        try:
            if kind is None:
                return None
            if kind in INTEGERS:
                return int(self)
            if kind in NUMBERS:
                return float(self)
            if kind == XSD + "boolean":
                return {"true": True, "1": True, "false": False, "0": False}[str(self)]
            if kind == XSD + "date":
                return datetime.date.fromisoformat(str(self))
            if kind == XSD + "dateTime":
                return datetime.datetime.fromisoformat(str(self))
        except (ValueError, KeyError):
            pass
        return str(self)


class Rows(list):
    """The rows of a SELECT as `KnowledgeGraph.query` gives them: each a dict of variable -> value (`Cell.value`;
    unbound variables left out), with the query's variables in order (`columns`)."""

    def __init__(self, columns: list[str], rows: list[dict[str, object]]) -> None:
        super().__init__(rows)
        self.columns = columns

    def to_dataframe(self):
        """The rows as a pandas DataFrame, one column per variable, dates as datetime64 (needs pandas)."""
        try:
            import pandas as pd
        except ImportError:
            raise ImportError("to_dataframe needs pandas (pip install pandas)") from None
        frame = pd.DataFrame(list(self), columns=self.columns)
        for column in self.columns:
            present = [v for v in frame[column] if v is not None and v == v]  # not None, not NaN
            if present and all(isinstance(v, datetime.date) for v in present):
                frame[column] = pd.to_datetime(frame[column])
        return frame


def value(cell: str) -> object:
    """A cell's value as Python (`Cell.value`); a plain string is itself."""
    return cell.value if isinstance(cell, Cell) else cell


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
    return tuple(_declarations(sparql))


def terms(sparql: str, params: dict[str, str]) -> dict[str, ox.Literal]:
    """The RDF terms the values of a query's parameters bind: a plain string, or for a parameter declared
    `name@ - ...` a label (see `label`), which a store finds in its index instead of comparing the text of
    every label."""
    kinds = _declarations(sparql)
    return {k: label(v) if kinds.get(k) else ox.Literal(v) for k, v in params.items()}


def label(text: str) -> ox.Literal:
    """`text` as the build tags a label or a title: @zh when it holds a Chinese character, @en otherwise."""
    from ..extractors.text import has_cjk

    return ox.Literal(text, language="zh" if has_cjk(text) else "en")


def bind(sparql: str, values: dict[str, ox.NamedNode | ox.Literal]) -> str:
    """The query with each variable bound by a VALUES block at the start of its WHERE clause, the terms
    serialized by pyoxigraph (escaped: a value is never pasted into the query). Oxigraph starts from a
    VALUES block, so a query bound to one entity, label or title reads only what concerns it."""
    if not values:
        return sparql
    if not all(re.fullmatch(r"\w+", k) for k in values):
        raise QueryError("parameter names are letters, digits and _")
    block = f"VALUES ({' '.join(f'?{k}' for k in values)}) {{ ({' '.join(str(t) for t in values.values())}) }}"
    where = re.search(r"\bWHERE\s*\{", sparql, re.IGNORECASE)
    if where is None:
        raise QueryError("a parameterised query needs a WHERE clause")
    return sparql[: where.end()] + f" {block} " + sparql[where.end():]


def _declarations(sparql: str) -> dict[str, bool]:
    """Each declared parameter, and whether it is a label (`name@`)."""
    line = next((ln[1:].strip() for ln in sparql.splitlines() if ln.startswith("#")
                 and ln[1:].strip().startswith("Parameters:")), "")
    return {m.group(1): bool(m.group(2)) for m in re.finditer(r"(\w+)(@?) - ", line)}


def open_store(folder: Path) -> ox.Store:
    """The graph a `kg build` wrote into `folder`: its store (graph.oxigraph/), or its RDF where it has none."""
    from . import store

    if not folder.is_dir():
        raise QueryError(f"{folder}: no such folder; run `kg build` first")
    try:
        return store.open_folder(folder)
    except FileNotFoundError as err:
        raise QueryError(f"{err}; run `kg build` first") from None


def run(store: ox.Store, sparql: str, params: dict[str, str] | None = None) -> tuple[list[str], list[list[str]]]:
    """Run a SELECT query; `params` bind variables to literals (`terms`; never pasted into the text).
    The ontology's prefixes (kg:, rdf:, rdfs:, skos:, xsd:, dcterms:, oa:, prov:) need no declaring."""
    try:  # the default graph is every graph's triples (a store of a TriG build holds one for each document)
        result = store.query(bind(sparql, terms(sparql, params or {})), prefixes=PREFIXES,
                             use_default_graph_as_union=next(iter(store.named_graphs()), None) is not None)
    except SyntaxError as err:
        raise QueryError(f"bad SPARQL: {err}") from None
    if isinstance(result, ox.QueryBoolean):
        return ["ask"], [[str(bool(result)).lower()]]
    if not isinstance(result, ox.QuerySolutions):
        raise QueryError("only SELECT and ASK queries give a table")
    names = [v.value for v in result.variables]
    columns = range(len(names))
    return names, [[_cell(sol[i]) for i in columns] for sol in result]


def _cell(term: ox.NamedNode | ox.Literal | ox.BlankNode | None) -> Cell:
    if term is None:
        return Cell("", None)
    return Cell(term.value, term.datatype.value if isinstance(term, ox.Literal) else "")


def render(names: list[str], rows: list[list[str]], fmt: str, width: int | None = None) -> str:
    """Rows as JSON, CSV, TSV or an aligned table; a table at most `width` columns wide where given (its
    widest cells cut with an ellipsis)."""
    if fmt == "json":  # typed: numbers and booleans as such, dates as ISO 8601 text, unbound as null
        typed = [{n: value(c) for n, c in zip(names, r, strict=True)} for r in rows]
        return json.dumps(typed, ensure_ascii=False, indent=1, default=lambda d: d.isoformat()) + "\n"
    if fmt in ("csv", "tsv"):
        buf = io.StringIO()
        writer = csv.writer(buf, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(names)
        writer.writerows(rows)
        return buf.getvalue()
    return _table(names, rows, width)


def _width(text: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


NARROWEST = 8  # columns a cut column keeps


def _cut(text: str, width: int) -> str:
    """`text` in at most `width` columns, its end replaced by an ellipsis where it is longer."""
    if _width(text) <= width:
        return text
    out, used = [], 0
    for c in text:
        w = _width(c)
        if used + w > width - 1:
            break
        out.append(c)
        used += w
    return "".join(out) + "…"


def _table(names: list[str], rows: list[list[str]], width: int | None = None) -> str:
    """An aligned plain-text table (East Asian characters count two columns), cut to `width` columns where
    given: the widest column first, none below NARROWEST."""
    cells = [names] + [[c.replace("\n", " ") for c in r] for r in rows]
    widths = [max(_width(r[i]) for r in cells) for i in range(len(names))]
    if width is not None:
        while sum(widths) + 2 * (len(widths) - 1) > width and max(widths) > NARROWEST:
            widest = widths.index(max(widths))
            widths[widest] = max(NARROWEST, widths[widest] - (sum(widths) + 2 * (len(widths) - 1) - width))
        cells = [[_cut(c, w) for c, w in zip(r, widths, strict=True)] for r in cells]
    lines = []
    for k, r in enumerate(cells):
        lines.append("  ".join(c + " " * (w - _width(c)) for c, w in zip(r, widths, strict=True)).rstrip())
        if k == 0:
            lines.append("  ".join("-" * w for w in widths))
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines) + "\n"
