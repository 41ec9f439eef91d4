"""SHACL validation of a build (ontology/shapes.ttl), run as SPARQL over the build's Oxigraph store.

Each constraint of the shapes becomes one SELECT of the focus nodes that violate it, for all of them at
once: a 10,000-document build holds millions of triples, which neither fit pySHACL's in-memory rdflib
graph in a minute nor need to (the store is on disk, indexed). The shapes may use the targets
`sh:targetClass` and `sh:targetSubjectsOf`; property shapes with a path (an IRI, a sequence, an inverse
or alternatives); `sh:minCount 1`, `sh:maxCount 1`, `sh:class`, `sh:datatype` (with well-formed values),
`sh:minInclusive`, `sh:node`, `sh:or` and `sh:sparql` (a SELECT of `$this`, its message naming the
variables `{?p}`); `sh:message`. Anything else is refused with its name (`ShapesError`), never skipped.
A test checks that pySHACL finds the same violations on the same graphs.
"""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from itertools import count
from pathlib import Path

import rdflib
from rdflib.collection import Collection

from .model import ONTOLOGY_DIR, Progress, silent

SHAPES = ONTOLOGY_DIR / "shapes.ttl"
SH = "http://www.w3.org/ns/shacl#"
sh = rdflib.Namespace(SH)
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
XSD = "http://www.w3.org/2001/XMLSchema#"
# datatypes whose values SPARQL can cast, and so check for well-formedness ("25 August 2017"^^xsd:date)
CASTS = {XSD + t for t in ("string", "boolean", "integer", "decimal", "double", "float", "date", "dateTime")}
# what a shape may say beyond its constraints (documentation, the shape's own kind)
INERT = {RDF + "type", "http://www.w3.org/2000/01/rdf-schema#comment", "http://www.w3.org/2000/01/rdf-schema#label",
         SH + "message", SH + "path", SH + "property", SH + "targetClass", SH + "targetSubjectsOf", SH + "name",
         SH + "description", SH + "prefixes", SH + "declare"}
# a node that is an instance of a class, as SHACL reads it (of a subclass too)
INSTANCE = "a/<http://www.w3.org/2000/01/rdf-schema#subClassOf>*"
COMPONENTS = {SH + c for c in ("minCount", "maxCount", "class", "datatype", "minInclusive", "node", "or", "sparql")}


class ShapesError(ValueError):
    """The shapes use what this validator does not compile."""


@dataclass(frozen=True)
class Violation:
    focus: str
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.focus}: {self.path + ' ' if self.path else ''}{self.message}"


@dataclass(frozen=True)
class Check:
    """One constraint of one shape as a query: its rows are the focus nodes (`?this`) that violate it."""

    query: str
    path: str  # the property's short name, as a violation names it ("" for a node's own or a sequence)
    message: str  # may name the query's variables: "{?p} {?o} has no evidence"


def validate(folder: Path, progress: Progress = silent) -> list[Violation]:
    """The violations of the shapes by the graph `kg build` wrote into `folder` (its store, or its RDF
    where there is none), sorted; none: the graph conforms. `progress` is told each constraint checked."""
    from .store import open_folder

    progress("opening the graph", 0, None)
    store = open_folder(folder)
    found = checks(SHAPES)

    def run(check: Check) -> set[Violation]:
        rows = store.query(check.query, use_default_graph_as_union=True)
        names = [v.value for v in rows.variables]
        out = set()
        for row in rows:
            message = check.message
            for name in names:
                if row[name] is not None:
                    message = message.replace("{?" + name + "}", row[name].value)
            out.add(Violation(row["this"].value, check.path, message))
        return out

    violations: set[Violation] = set()
    progress("checking constraints", 0, len(found))
    with ThreadPoolExecutor(2) as pool:  # the store answers two queries at once
        for done, broken in enumerate(pool.map(run, found), 1):
            violations |= broken
            progress("checking constraints", done, len(found))
    return sorted(violations, key=lambda v: (v.focus, v.path, v.message))


def checks(shapes_path: Path) -> list[Check]:
    """Every constraint of the shapes with a target, compiled to a query."""
    return list(_Compiler(rdflib.Graph().parse(shapes_path)).checks())


class _Compiler:
    def __init__(self, shapes) -> None:
        self.g = shapes
        self.fresh = count()

    def checks(self) -> Iterator[Check]:
        for shape in sorted(set(self.g.subjects(sh.targetClass)) | set(self.g.subjects(sh.targetSubjectsOf))):
            binder = self._targets(shape)
            for pattern, default in self._value(shape, "?this", binder):
                yield Check(self._select(pattern), "", self._message(shape, default))
            for prop in sorted(self.g.objects(shape, sh.property)):
                path = self.g.value(prop, sh.path)
                short = _short(path) if isinstance(path, rdflib.URIRef) else ""
                for pattern, default in self._property(prop, "?this", binder):
                    yield Check(self._select(pattern), short, self._message(prop, default))
            for constraint in sorted(self.g.objects(shape, sh.sparql)):
                yield self._sparql(constraint, binder)

    # the parts of a query

    def _targets(self, shape) -> str:
        """A pattern binding ?this to each focus node of the shape."""
        classes = " ".join(f"<{c}>" for c in sorted(self.g.objects(shape, sh.targetClass)))
        subjects = " ".join(f"<{p}>" for p in sorted(self.g.objects(shape, sh.targetSubjectsOf)))
        alternatives = [f"{{ VALUES ?target {{ {classes} }} ?this {INSTANCE} ?target }}"] if classes else []
        alternatives += [f"{{ VALUES ?by {{ {subjects} }} ?this ?by [] }}"] if subjects else []
        return "{ SELECT DISTINCT ?this WHERE { " + " UNION ".join(alternatives) + " } }"

    @staticmethod
    def _select(pattern: str) -> str:
        return f"SELECT DISTINCT ?this WHERE {{ {pattern} }}"

    def _var(self) -> str:
        return f"?v{next(self.fresh)}"

    def _path(self, path) -> str:
        """A SHACL property path as a SPARQL one."""
        if isinstance(path, rdflib.URIRef):
            return f"<{path}>"
        if (path, rdflib.RDF.first, None) in self.g:
            return "(" + "/".join(self._path(p) for p in Collection(self.g, path)) + ")"
        if (inverse := self.g.value(path, sh.inversePath)) is not None:
            return f"^{self._path(inverse)}"
        if (alternatives := self.g.value(path, sh.alternativePath)) is not None:
            return "(" + "|".join(self._path(p) for p in Collection(self.g, alternatives)) + ")"
        raise ShapesError(f"{SHAPES}: a property path kg validate cannot compile ({path})")

    def _message(self, shape, default: str) -> str:
        message = self.g.value(shape, sh.message)
        return str(message) if message is not None else default

    # the constraints

    def _known(self, shape) -> None:
        for p in set(self.g.predicates(shape)):
            if str(p) not in INERT and str(p) not in COMPONENTS:
                raise ShapesError(f"{SHAPES}: kg validate cannot compile {p} (in the shape {shape})")

    def _property(self, prop, focus: str, binder: str) -> list[tuple[str, str]]:
        """Patterns of the focus nodes that violate the property shape `prop`, each with its default message."""
        self._known(prop)
        path = self._path(self.g.value(prop, sh.path))
        out = []
        for bound, n in ((sh.minCount, "at least"), (sh.maxCount, "at most")):
            limit = self.g.value(prop, bound)
            if limit is None:
                continue
            if int(limit) > 1:
                raise ShapesError(f"{SHAPES}: kg validate compiles {bound} 0 or 1, not {limit} (in {prop})")
            if int(limit) == 1 and bound == sh.minCount:
                out.append((f"{binder} MINUS {{ {focus} {path} [] }}", f"needs {n} one value"))
            elif bound == sh.maxCount:
                a, b = self._var(), self._var()
                condition = f"!sameTerm({a}, {b})" if int(limit) else "true"
                out.append((f"{binder} {focus} {path} {a}, {b} FILTER({condition})", f"may have {n} {limit} value"))
        value = self._var()
        out += self._value(prop, value, f"{binder} {focus} {path} {value} .")
        return out

    def _value(self, shape, value: str, binder: str) -> list[tuple[str, str]]:
        """Patterns where a value node `value` (bound by `binder`) breaks one of the shape's constraints on
        values: sh:class, sh:datatype, sh:minInclusive, sh:node, sh:or."""
        self._known(shape)
        out = []
        for cls in sorted(self.g.objects(shape, sh["class"])):
            out.append((f"{binder} MINUS {{ {value} {INSTANCE} <{cls}> }}",
                        f"must be a {_short(cls)}"))
        for dtype in sorted(self.g.objects(shape, sh.datatype)):
            well_formed = f" || !COALESCE(<{dtype}>(STR({value})) = {value}, false)" if str(dtype) in CASTS else ""
            out.append((f"{binder} FILTER(!isLiteral({value}) || datatype({value}) != <{dtype}>{well_formed})",
                        f"must be an xsd:{_short(dtype)}"))
        for least in self.g.objects(shape, sh.minInclusive):
            out.append((f"{binder} FILTER(!COALESCE({value} >= {least.n3()}, false))", f"must be at least {least}"))
        for node in sorted(self.g.objects(shape, sh.node)):
            out += [(pattern, f"must conform to {_short(node)}") for pattern in self._violations(node, value, binder)]
        for alternatives in self.g.objects(shape, sh["or"]):
            patterns = [binder]  # a value breaks sh:or when it breaks every alternative
            for alternative in Collection(self.g, alternatives):
                patterns = [p for before in patterns for p in self._violations(alternative, value, before)]
            out += [(pattern, "must conform to one of its alternatives") for pattern in patterns]
        return out

    def _violations(self, shape, focus: str, binder: str) -> list[str]:
        """Patterns where `focus` (bound by `binder`) does not conform to the node shape `shape`."""
        found = [pattern for pattern, _ in self._value(shape, focus, binder)]
        for prop in sorted(self.g.objects(shape, sh.property)):
            found += [pattern for pattern, _ in self._property(prop, focus, binder)]
        return found

    def _sparql(self, constraint, binder: str) -> Check:
        """A SPARQL-based constraint: its SELECT with ?this bound to the shape's focus nodes."""
        prefixes = "".join(f"PREFIX {self.g.value(d, sh.prefix)}: <{self.g.value(d, sh.namespace)}>\n"
                           for declared in self.g.objects(constraint, sh.prefixes)
                           for d in self.g.objects(declared, sh.declare))
        head, _, body = str(self.g.value(constraint, sh.select)).replace("$this", "?this").partition("WHERE {")
        message = self._message(constraint, "violates a SPARQL constraint")
        return Check(f"{prefixes}{head}WHERE {{ {binder} {body}", "", message)


def _short(iri: object) -> str:
    s = str(iri)
    return s.rsplit("#", 1)[-1] if "#" in s else s.rsplit("/", 1)[-1]
