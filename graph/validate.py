"""SHACL validation of a build (ontology/shapes.ttl) with pySHACL."""

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

    data = rdflib.Graph().parse(data_path)
    shapes = rdflib.Graph().parse(SHAPES)
    _, report, _ = shacl(data, shacl_graph=shapes, advanced=True, allow_warnings=True)
    sh = rdflib.Namespace("http://www.w3.org/ns/shacl#")
    out = set()
    for result in report.subjects(rdflib.RDF.type, sh.ValidationResult):
        focus = report.value(result, sh.focusNode)
        path = report.value(result, sh.resultPath)
        message = report.value(result, sh.resultMessage)
        out.add(Violation(str(focus), _short(path) if isinstance(path, rdflib.URIRef) else "", str(message or "")))
    return sorted(out, key=lambda v: (v.focus, v.path, v.message))


def _short(iri: object) -> str:
    s = str(iri)
    return s.rsplit("#", 1)[-1] if "#" in s else s.rsplit("/", 1)[-1]
