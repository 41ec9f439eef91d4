"""`kg validate` compiles the SHACL shapes to SPARQL over the build's store: it must find what pySHACL
finds, constraint by constraint, on the seed build and on a copy broken in every way the shapes forbid."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import rdflib
from pyshacl import validate as pyshacl_validate

from conftest import SEEDS
from legal_kg.graph.incremental import build_into
from legal_kg.graph.validate import SHAPES, Violation, checks, validate

KG = rdflib.Namespace("https://w3id.org/legal-kg/ontology#")
OA = rdflib.Namespace("http://www.w3.org/ns/oa#")
DCT = rdflib.Namespace("http://purl.org/dc/terms/")
SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("out")
    build_into([SEEDS], folder, ["ttl"], [])
    return folder


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "legal_kg.graph.cli", *args], capture_output=True, text=True, check=False)


def _pyshacl(data: rdflib.Graph) -> set[Violation]:
    """pySHACL's violations of the shapes' SHACL Core constraints (its SPARQL-based one takes minutes)."""
    shapes = rdflib.Graph().parse(SHAPES)
    for shape, constraint in list(shapes.subject_objects(SH.sparql)):
        shapes.remove((shape, SH.sparql, constraint))
    _, report, _ = pyshacl_validate(data, shacl_graph=shapes, allow_warnings=True)
    out = set()
    for result in report.objects(None, SH.result):  # not the details of a result (why a value broke sh:node)
        path = report.value(result, SH.resultPath)
        short = re.split("[#/]", str(path))[-1] if isinstance(path, rdflib.URIRef) else ""
        out.add(Violation(str(report.value(result, SH.focusNode)), short, str(report.value(result, SH.resultMessage))))
    return out


def _broken(out, folder) -> tuple[rdflib.Graph, dict[str, rdflib.term.Node]]:
    """The seed's graph with one break of each kind the shapes forbid."""
    g = rdflib.Graph().parse(out / "graph.ttl")
    first = {cls: sorted(g.subjects(rdflib.RDF.type, KG[cls]))[0] for cls in ("Person", "Court", "Sentence", "Agency")}
    sentence = first["Sentence"]
    article = g.value(sentence, KG.convictedUnder)
    document = sorted(g.subjects(DCT.source, None))[0]
    evidence = sorted(g.subjects(rdflib.RDF.type, OA.SpecificResource))[0]
    g.remove((first["Person"], rdflib.RDFS.label, None))  # no label
    g.add((first["Court"], rdflib.RDFS.label, rdflib.Literal("A second name")))  # two labels
    g.set((sentence, KG.fineYuan, rdflib.Literal(-5)))  # negative
    g.set((sentence, KG.imprisonmentMonths, rdflib.Literal("seven")))  # not an integer
    g.add((sentence, KG.decidedOn, rdflib.Literal("2017-02-30", datatype=rdflib.XSD.date)))  # no such day
    g.remove((article, KG.partOf, None))  # convictedUnder an article of no statute
    g.add((first["Agency"], KG.convictedOf, first["Court"]))  # an agency convicted, of a court
    g.add((document, DCT.source, rdflib.Literal("another.txt")))  # two source files
    for selector in g.objects(evidence, OA.hasSelector):
        g.remove((selector, OA.exact, None))  # evidence without its quote
    g.add((sorted(g.subjects(KG.defendant, None))[0], KG.defendant, first["Court"]))  # a court as defendant
    folder.mkdir()
    g.serialize(folder / "graph.ttl", format="turtle")
    return g, {"person": first["Person"], "court": first["Court"], "sentence": sentence, "agency": first["Agency"],
               "document": document, "evidence": evidence}


def _core(violations: list[Violation]) -> set[Violation]:
    return {v for v in violations if not v.message.endswith("has no evidence")}


def test_the_seed_conforms_for_both(out):
    assert validate(out) == []
    assert _pyshacl(rdflib.Graph().parse(out / "graph.ttl")) == set()


def test_a_broken_graph_breaks_the_same_constraints_for_both(out, tmp_path):
    g, node = _broken(out, tmp_path / "broken")
    found = validate(tmp_path / "broken")
    assert _core(found) == _pyshacl(g)
    by_focus = {(v.focus, v.path, v.message) for v in found}
    expected = {
        (node["person"], "label", "a node needs exactly one rdfs:label"),
        (node["court"], "label", "a node needs exactly one rdfs:label"),
        (node["sentence"], "fineYuan", "fineYuan must be a non-negative xsd:integer"),
        (node["sentence"], "imprisonmentMonths", "imprisonmentMonths must be a non-negative xsd:integer"),
        (node["sentence"], "decidedOn", "decidedOn must be an xsd:date"),
        (node["sentence"], "convictedUnder", "convictedUnder must point to an Article partOf a Statute or a Regulation"),
        (node["agency"], "", "only a Sentence is convictedUnder an Article or convictedOf a Crime"),
        (node["agency"], "convictedOf", "convictedOf must point to a Crime"),
        (node["document"], "source", "a document names one source file, as an xsd:string"),
        (node["evidence"], "", "evidence needs its quote"),
    }
    assert {(str(f), p, m) for f, p, m in expected} <= by_focus
    assert any(v.message == "defendant must point to a Person" and v.path == "defendant" for v in found)
    assert len(_core(found)) == len(expected) + 1


def test_every_constraint_of_the_shapes_is_compiled():
    compiled = checks(SHAPES)
    shapes = rdflib.Graph().parse(SHAPES)
    targeted = set(shapes.subjects(SH.targetClass)) | set(shapes.subjects(SH.targetSubjectsOf))
    properties = [p for s in targeted for p in shapes.objects(s, SH.property)]
    # one query per count bound, class, datatype or minimum of a property, one per node-level class
    simple = sum(1 for p in properties for k, _ in shapes.predicate_objects(p)
                 if k in (SH.minCount, SH.maxCount, SH["class"], SH.datatype, SH.minInclusive))
    node_level = sum(1 for s in targeted for _ in shapes.objects(s, SH["class"]))
    assert (simple, node_level) == (65, 1)
    # convictedUnder's sh:node: its value breaks StatuteArticleShape by no partOf, or by a partOf of neither class
    under = [c for c in compiled if c.path == "convictedUnder"]
    assert len(under) == 3 and {c.message for c in under} == {
        "convictedUnder must point to an Article partOf a Statute or a Regulation"}
    # bearer and enforcedBy: an sh:or of two classes each, one query each
    assert len([c for c in compiled if c.path in ("bearer", "enforcedBy")]) == 2
    assert len(compiled) == simple + node_level + 2 + 2 + 1  # and the SPARQL-based constraint
    assert sum("has no evidence" in c.message for c in compiled) == 1


def test_validate_conforms(out):
    result = cli("validate", str(out))
    assert result.returncode == 0 and result.stdout.strip() == "conforms"


def test_validate_reports_a_broken_graph(out, tmp_path):
    kg = "https://w3id.org/legal-kg/ontology#"
    g = rdflib.Graph().parse(out / "graph.ttl")
    judgment = next(s for s, _ in g.subject_objects(rdflib.URIRef(kg + "caseNumber"))
                    if "Jing 01" in str(g.value(s, rdflib.URIRef(kg + "caseNumber"))))
    g.add((judgment, rdflib.URIRef(kg + "decidedBy"), rdflib.URIRef("https://w3id.org/legal-kg/id/court/spc")))
    g.set((judgment, rdflib.URIRef(kg + "decidedOn"), rdflib.Literal("25 August 2017")))
    broken = tmp_path / "broken"
    broken.mkdir()
    g.serialize(broken / "graph.ttl", format="turtle")
    result = cli("validate", str(broken))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert f"{judgment}: decidedBy a judgment with a case number must be decidedBy exactly one Court" in lines
    assert f"{judgment}: decidedOn decidedOn must be an xsd:date" in lines
    assert f"{judgment}: {kg}decidedBy https://w3id.org/legal-kg/id/court/spc has no evidence" in lines
    assert f"{judgment}: {kg}decidedOn 25 August 2017 has no evidence" in lines
    assert len(lines) == 4 and result.stderr.strip() == "4 violations"


def test_validate_without_a_build_says_so(tmp_path):
    result = cli("validate", str(tmp_path))
    assert result.returncode == 2
    assert result.stderr.strip() == (f"kg validate: {tmp_path}: no graph.ttl, graph.nq, graph.trig or graph.jsonld; "
                                     "run `kg build` first")
