"""The layers import downward only: no import cycle among the project's modules (at any depth, outside
TYPE_CHECKING blocks), the data model imports nothing of the project, and each genre is one registered
unit whose class the ontology declares."""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

import rdflib

from legal_kg.extractors.genres import genre, genres

ROOT = Path(__file__).resolve().parents[1]


def _imports() -> dict[str, set[str]]:
    """module -> the project modules it imports (not the package it lies in, which Python loads first)."""
    mods: dict[str, Path] = {}
    for p in sorted([*ROOT.glob("graph/**/*.py"), *ROOT.glob("extractors/**/*.py")]):
        parts = list(p.relative_to(ROOT).with_suffix("").parts)
        mods[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = p
    edges: dict[str, set[str]] = defaultdict(set)
    for m, p in mods.items():
        package = m if p.name == "__init__.py" else m.rsplit(".", 1)[0]
        todo: list[ast.AST] = [ast.parse(p.read_text(encoding="utf-8"))]
        while todo:
            node = todo.pop()
            if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
                continue
            if isinstance(node, ast.ImportFrom):
                base = package.split(".")[:len(package.split(".")) - node.level + 1] if node.level else []
                target = ".".join([*base, *([node.module] if node.module else [])])
                for name in (target, *(f"{target}.{a.name}" for a in node.names)):
                    if name in mods and name != m and not m.startswith(name + "."):
                        edges[m].add(name)
            elif isinstance(node, ast.Import):
                edges[m] |= {a.name for a in node.names if a.name in mods}
            todo.extend(ast.iter_child_nodes(node))
    return {m: edges[m] for m in mods}


def _cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in sorted(edges[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while (w := stack.pop()) != v:
                comp.append(w)
            if comp:
                out.append(sorted([v, *comp]))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return out


def test_no_import_cycles():
    assert _cycles(_imports()) == []


def test_the_cycle_finder_finds_a_cycle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_the_data_model_imports_nothing_of_the_project():
    assert _imports()["graph.model"] == set()


def test_extractors_import_no_stage_of_graph_but_its_model():
    edges = _imports()
    above = {target for m, targets in edges.items() if m.startswith("extractors") for target in targets
             if target.startswith("graph")}
    assert above == {"graph.model"}


def test_each_genre_is_registered_once_with_its_class_in_the_ontology():
    names = [g.name for g in genres()]
    assert names == ["Regulation", "Judgment", "NewsReport"]
    onto = rdflib.Graph().parse(ROOT / "ontology" / "kg.ttl")
    kg = rdflib.Namespace("https://w3id.org/legal-kg/ontology#")
    for name in names:
        assert (kg[name], rdflib.RDF.type, rdflib.OWL.Class) in onto
        assert genre(name).name == name
