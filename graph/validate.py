"""SHACL validation of a build (ontology/shapes.ttl): the SHACL Core shapes with pySHACL, the SPARQL-based
constraints (`sh:sparql`) with pyoxigraph over the same graph, each query run once for all its focus
nodes (pySHACL parses such a query again for every focus node: 17 s on the seed build), with the same
messages."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .model import ONTOLOGY_DIR

SHAPES = ONTOLOGY_DIR / "shapes.ttl"


@dataclass(frozen=True)
class Violation:
    focus: str
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.focus}: {self.path + ' ' if self.path else ''}{self.message}"


def validate(data_path: Path) -> list[Violation]:
    """The violations of the shapes by the RDF file `data_path`, sorted (none: the graph conforms)."""
    import rdflib
    from pyshacl import validate as shacl

    shapes = rdflib.Graph().parse(SHAPES)
    constraints = _sparql_constraints(shapes)  # taken out of the shapes pySHACL checks
    data = rdflib.Graph().parse(data_path)
    _, report, _ = shacl(data, shacl_graph=shapes, allow_warnings=True)
    sh = rdflib.Namespace("http://www.w3.org/ns/shacl#")
    out = set()
    for result in report.subjects(rdflib.RDF.type, sh.ValidationResult):
        focus = report.value(result, sh.focusNode)
        path = report.value(result, sh.resultPath)
        message = report.value(result, sh.resultMessage)
        out.add(Violation(str(focus), _short(path) if isinstance(path, rdflib.URIRef) else "", str(message or "")))
    out.update(_sparql_violations(data_path, constraints))
    return sorted(out, key=lambda v: (v.focus, v.path, v.message))


@dataclass(frozen=True)
class _Constraint:
    targets: tuple[str, ...]  # the classes whose instances are the focus nodes
    query: str  # a SELECT of $this and the variables its message names, its prefixes declared
    message: str


def _sparql_constraints(shapes) -> list[_Constraint]:
    """The SPARQL-based constraints of the shapes graph, removed from it."""
    import rdflib

    sh = rdflib.Namespace("http://www.w3.org/ns/shacl#")
    found = []
    for shape, constraint in list(shapes.subject_objects(sh.sparql)):
        prefixes = "".join(f"PREFIX {shapes.value(d, sh.prefix)}: <{shapes.value(d, sh.namespace)}>\n"
                           for declared in shapes.objects(constraint, sh.prefixes)
                           for d in shapes.objects(declared, sh.declare))
        found.append(_Constraint(tuple(sorted(str(c) for c in shapes.objects(shape, sh.targetClass))),
                                 prefixes + str(shapes.value(constraint, sh.select)),
                                 str(shapes.value(constraint, sh.message))))
        shapes.remove((shape, sh.sparql, constraint))
    return found


def _sparql_violations(data_path: Path, constraints: list[_Constraint]) -> set[Violation]:
    """Each constraint's query run once over the graph, its focus nodes bound to the instances of its targets."""
    import pyoxigraph as ox

    if not constraints:
        return set()
    store = ox.Store()
    store.bulk_load(path=str(data_path), format=ox.RdfFormat.TURTLE)
    out = set()
    for c in constraints:
        head, _, body = c.query.replace("$this", "?this").partition("WHERE {")
        targets = " ".join(f"<{t}>" for t in c.targets)
        query = f"{head}WHERE {{ VALUES ?shaclTarget {{ {targets} }} ?this a ?shaclTarget . {body}"
        rows = store.query(query)
        names = [v.value for v in rows.variables]
        for row in rows:
            message = c.message
            for name in names:
                message = message.replace("{?" + name + "}", row[name].value)
            out.add(Violation(row["this"].value, "", message))
    return out


def _short(iri: object) -> str:
    s = str(iri)
    return s.rsplit("#", 1)[-1] if "#" in s else s.rsplit("/", 1)[-1]
