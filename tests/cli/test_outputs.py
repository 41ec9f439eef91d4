"""The command line, the written files and the Python API."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pyoxigraph
import pytest
import rdflib

from conftest import DATA, SEEDS, SHARED
from legal_kg.graph import pipeline
from legal_kg.graph import rdf as rdf_writer
from legal_kg.graph.validate import SHAPES, checks

KG = [sys.executable, "-m", "legal_kg.graph.cli"]


def run(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([*KG, *args], capture_output=True, text=True, env=env, check=False)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("out")
    result = run("build", str(SEEDS), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "index.html" in result.stdout
    return out


def test_build_writes_turtle_that_parses_in_rdflib_and_oxigraph(built):
    ttl = built / "graph.ttl"
    g = rdflib.Graph().parse(ttl)
    store = pyoxigraph.Store()
    store.load(path=str(ttl), format=pyoxigraph.RdfFormat.TURTLE)
    assert len(g) == len(store) > 700


def test_outputs_are_byte_identical_across_runs_and_hash_seeds(built, tmp_path):
    env = dict(os.environ, PYTHONHASHSEED="12345")
    assert run("build", str(SEEDS), "--out", str(tmp_path), env=env).returncode == 0
    for name in ("graph.ttl", "graph.html"):
        assert (tmp_path / name).read_bytes() == (built / name).read_bytes()


def test_every_node_has_one_label_and_a_class(built):
    g = rdflib.Graph().parse(built / "graph.ttl")
    kg_ns = "https://w3id.org/legal-kg/ontology#"
    nodes = {s for s, o in g.subject_objects(rdflib.RDF.type) if str(o).startswith(kg_ns)}
    assert len(nodes) == len(pipeline.build([SEEDS]).nodes)
    for s in nodes:
        assert len(list(g.objects(s, rdflib.RDFS.label))) == 1, s
        assert len(list(g.objects(s, rdflib.RDF.type))) == 1, s


def test_rdf_users_conventions(built):
    g = rdflib.Graph().parse(built / "graph.ttl")
    # the IRIs under the base as prefixed names of id: (a third of the file's bytes were those IRIs)
    text = (built / "graph.ttl").read_text(encoding="utf-8")
    assert "@prefix id: <https://w3id.org/legal-kg/id/> .\n" in text
    assert text.count("<https://w3id.org/legal-kg/id/") == 2  # the prefix, and the dataset (an empty local name)
    evidence = set(g.subjects(rdflib.RDF.type, rdflib.URIRef("http://www.w3.org/ns/oa#SpecificResource")))
    assert len(re.findall(r"^id:evidence\\/[0-9a-f]+ a oa:SpecificResource ;$", text, re.M)) == len(evidence) > 500
    ids = rdf_writer.Ids("https://example.org/id/")
    assert ids("https://example.org/id/doc/a.b/c#d") == "id:doc\\/a\\.b\\/c\\#d"
    assert ids("https://example.org/id/-x") == "id:\\-x" and ids("https://example.org/id/法律") == "id:法律"
    assert ids("https://example.org/id/a%20b") == "<https://example.org/id/a%20b>"  # a % stays in a whole IRI
    assert ids("https://example.org/other") == "<https://example.org/other>"
    kg_ns, skos = rdflib.Namespace("https://w3id.org/legal-kg/ontology#"), rdflib.SKOS
    # the build imports the ontology, whose IRI ontology/kg.ttl declares
    ontology = rdflib.Graph().parse(rdf_writer.ONTOLOGY_DIR / "kg.ttl")
    declared = next(ontology.subjects(rdflib.RDF.type, rdflib.OWL.Ontology))
    assert list(g.subject_objects(rdflib.OWL.imports)) == [(rdflib.URIRef("https://w3id.org/legal-kg/id/"), declared)]
    # a preferred name in each language the texts give, the other language's also among the other names
    law = next(s for s, o in g.subject_objects(rdflib.RDFS.label)
               if o == rdflib.Literal("Criminal Law of the People's Republic of China", lang="en"))
    assert set(g.objects(law, skos.prefLabel)) == {rdflib.Literal("Criminal Law of the People's Republic of China",
                                                                  lang="en"),
                                                   rdflib.Literal("中华人民共和国刑法", lang="zh")}
    assert rdflib.Literal("中华人民共和国刑法", lang="zh") in set(g.objects(law, skos.altLabel))
    for s in set(g.subjects(rdflib.RDFS.label)):
        preferred = [o.language for o in g.objects(s, skos.prefLabel)]
        assert g.value(s, rdflib.RDFS.label).language in preferred and len(preferred) == len(set(preferred)), s
    # languages as codes typed xsd:language
    languages = set(g.objects(None, rdflib.DCTERMS.language))
    assert languages == {rdflib.Literal("en", datatype=rdflib.XSD.language),
                         rdflib.Literal("zh", datatype=rdflib.XSD.language)}
    # the JSON-LD context defines a typed term for each class and property: plain JSON reads as typed RDF
    context = rdf_writer.context()["@context"]
    assert context["decidedOn"] == {"@id": "kg:decidedOn", "@type": "xsd:date"}
    assert context["decidedBy"] == {"@id": "kg:decidedBy", "@type": "@id"}
    assert context["fineYuan"] == {"@id": "kg:fineYuan", "@type": "xsd:integer"} and context["Judgment"] == "kg:Judgment"
    plain = {"@context": context, "@id": "https://example.org/j", "@type": "Judgment", "decidedOn": "2017-08-25",
             "decidedBy": "https://example.org/court", "fineYuan": 5000}
    read = rdflib.Graph().parse(data=json.dumps(plain), format="json-ld")
    j = rdflib.URIRef("https://example.org/j")
    assert read.value(j, kg_ns.decidedOn) == rdflib.Literal("2017-08-25", datatype=rdflib.XSD.date)
    assert read.value(j, kg_ns.decidedBy) == rdflib.URIRef("https://example.org/court")
    assert (j, rdflib.RDF.type, kg_ns.Judgment) in read


@pytest.mark.parametrize(("fmt", "ox_format", "rdflib_format"), [
    ("ttl", pyoxigraph.RdfFormat.TURTLE, "turtle"), ("trig", pyoxigraph.RdfFormat.TRIG, "trig"),
    ("nq", pyoxigraph.RdfFormat.N_QUADS, "nquads"), ("jsonld", pyoxigraph.RdfFormat.JSON_LD, "json-ld")])
def test_every_format_reparses_to_the_same_count(tmp_path_factory, fmt, ox_format, rdflib_format):
    out = tmp_path_factory.mktemp(fmt)
    assert run("build", str(SEEDS), "--out", str(out), "--format", fmt).returncode == 0
    path = out / f"graph.{fmt}"
    ds = rdflib.Dataset()
    ds.parse(path, format=rdflib_format)
    store = pyoxigraph.Store()
    store.load(path=str(path), format=ox_format)
    assert len(list(ds.quads((None, None, None, None)))) == len(store) > 5000
    if fmt == "jsonld":
        assert json.loads((out / "context.jsonld").read_text())["@context"]["kg"] == "https://w3id.org/legal-kg/ontology#"


def test_unknown_format_is_refused(tmp_path):
    result = run("build", str(SEEDS), "--out", str(tmp_path / "o"), "--format", "ttl,xml")
    assert result.returncode == 2 and "xml" in result.stderr


def test_sparql_over_the_output(built):
    store = pyoxigraph.Store()
    store.load(path=str(built / "graph.ttl"), format=pyoxigraph.RdfFormat.TURTLE)
    rows = list(store.query("""
        PREFIX kg: <https://w3id.org/legal-kg/ontology#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?name ?months WHERE { ?s a kg:Sentence ; kg:sentenceOf/rdfs:label ?name ; kg:imprisonmentMonths ?months }
        ORDER BY ?name"""))
    assert [(r["name"].value, int(r["months"].value)) for r in rows] == [("Duan Zheng", 7), ("Huang Shike", 24)]


def test_html_is_offline_and_holds_the_graph(built):
    html = (built / "graph.html").read_text(encoding="utf-8")
    assert not re.search(r"""(?:src|href)\s*=\s*["']?https?:""", html)
    data = json.loads(re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', html, re.S).group(1))
    kg = pipeline.build([SEEDS])
    assert len(data["nodes"]) == len(kg.nodes)
    assert len(data["edges"]) == len(kg.relations())
    assert any(n["zh"] == "郑文伟" for n in data["nodes"])


def test_html_escapes_hostile_text(tmp_path):
    hostile = tmp_path / "hostile.txt"
    hostile.write_text("Judgment in the Case of Xu Ke's Fraud\n\nHaidian District People's Court\n\n"
                       "Criminal Judgment Document\n\nDefendant Xu Ke, male. He used the </script><script>alert(1)"
                       '</script> website and a forum called "<img src=x onerror=alert(2)>".\n', encoding="utf-8")
    out = tmp_path / "out"
    assert run("build", str(hostile), "--out", str(out)).returncode == 0
    html = (out / "graph.html").read_text(encoding="utf-8")
    assert "<img src=x" not in html
    assert "</script><script>alert(1)" not in html


def test_python_api(tmp_path):
    kg = pipeline.build([SEEDS])
    assert isinstance(kg.nx, nx.MultiDiGraph)
    duan = next(n for n, d in kg.nx.nodes(data=True) if d["label"] == "Duan Zheng")
    assert kg.nx.nodes[duan]["type"] == "Person"
    (sentence,) = [s for s, _, r in kg.nx.in_edges(duan, data="relation") if r == "sentenceOf"]
    assert kg.nx.nodes[sentence]["type"] == "Sentence" and kg.nx.nodes[sentence]["imprisonmentMonths"] == 7
    assert {d["relation"] for _, _, d in kg.nx.out_edges(sentence, data=True)} == {
        "convictedOf", "convictedUnder", "sentenceOf", "imposedBy"}
    assert isinstance(kg.rdf, rdflib.Graph)
    assert len(kg.rdf) == len(rdflib.Graph().parse(data=rdf_writer.serialize(kg).decode(), format="turtle"))


def test_base_iri_is_configurable(tmp_path):
    assert run("build", str(SEEDS), "--out", str(tmp_path), "--base", "http://example.org/kg/").returncode == 0
    text = (tmp_path / "graph.ttl").read_text(encoding="utf-8")
    assert "@prefix id: <http://example.org/kg/> .\n" in text and "w3id.org/legal-kg/id/" not in text
    subjects = {str(s) for s in rdflib.Graph().parse(data=text, format="turtle").subjects()}
    assert any(s.startswith("http://example.org/kg/doc/") and s.endswith("/person/duan-zheng") for s in subjects)


def test_bad_input_gives_one_line_and_exit_code(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    result = run("build", str(empty), "--out", str(tmp_path / "o"))
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0
    assert "empty.txt" in result.stderr
    assert not (tmp_path / "o").exists()
    result = run("build", str(tmp_path / "missing"), "--out", str(tmp_path / "o"))
    assert result.returncode == 2 and "no such file" in result.stderr


def test_some_files_skipped_exit_one(tmp_path):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "seed.txt").write_bytes((SEEDS / "000_cfcf9f275d95a8e1.txt").read_bytes())
    result = run("build", str(tmp_path), "--out", str(tmp_path / "o"))
    assert result.returncode == 1
    assert "empty.txt" in result.stderr
    assert (tmp_path / "o" / "graph.ttl").exists()


@pytest.mark.skipif(not (SHARED / "eval" / "score.py").exists(), reason="the shared evaluation is not beside the repo")
def test_reference_scorer_on_the_seed(built):
    result = subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), str(SHARED / "eval" / "seed.gold.json"),
                             str(built), "--json"], capture_output=True, text=True, check=True)
    totals = json.loads(result.stdout)["totals"]
    assert totals["entities"]["f1"] >= 0.95
    assert totals["relations"]["f1"] >= 0.90
    assert totals["attributes"][0] >= 12


def test_data_corpus_builds(tmp_path):
    assert run("build", str(DATA), "--out", str(tmp_path)).returncode == 0


def test_version_and_a_summary_that_reads_well(tmp_path):
    from importlib import metadata

    shown = run("--version")
    assert shown.returncode == 0 and shown.stdout == f"kg (legal-kg) {metadata.version('legal-kg')}\n"
    # one document: "1 document", not "1 documents"; the counts on a line of their own, never wrapped in a table
    (tmp_path / "one.txt").write_text((DATA / "tashi-news.txt").read_text(encoding="utf-8"), encoding="utf-8")
    built = run("build", str(tmp_path / "one.txt"), "--out", str(tmp_path / "out"), "--no-cache",
                env={"COLUMNS": "40"})
    assert built.stdout.splitlines()[0] == "1 document, 6 nodes, 4 statements"


def in_a_terminal(*args: str) -> str:
    """What `kg` shows when run in a pseudo-terminal (stdout and stderr both the terminal)."""
    import pty

    master, slave = pty.openpty()
    proc = subprocess.Popen([*KG, *args], stdin=slave, stdout=slave, stderr=slave, env=dict(os.environ, COLUMNS="100"))
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:  # the terminal closed with the process
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    assert proc.wait() == 0
    return b"".join(chunks).decode("utf-8", "replace")


def test_validate_and_stats_in_a_terminal_show_their_progress(built):
    shown = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", in_a_terminal("validate", str(built)))  # no colours
    constraints = len(checks(SHAPES))
    assert re.search(rf"checking constraints ━+ {constraints}/{constraints} ", shown) and "conforms" in shown
    assert "checking" not in in_a_terminal("validate", str(built), "--quiet")
    shown = in_a_terminal("stats", str(built))
    assert "pairing documents by the entities they share" in shown and "components" in shown  # its last stage
    assert "pairing" not in in_a_terminal("stats", str(built), "-q")


def test_a_build_in_a_terminal_shows_its_progress_and_quiet_or_piped_shows_none(tmp_path):
    files = len([*SEEDS.glob("*.txt"), *DATA.iterdir()])
    shown = in_a_terminal("build", str(SEEDS), str(DATA), "--out", str(tmp_path / "a"), "--no-cache")
    assert re.search(rf"extracting files\S* .*\b\d+/{files}\b", shown)
    assert "resolving" in shown and "writing" in shown and "documents, " in shown
    quiet = in_a_terminal("build", str(SEEDS), "--out", str(tmp_path / "b"), "--no-cache", "--quiet")
    assert "extracting" not in quiet and "documents, " in quiet
    piped = run("build", str(SEEDS), "--out", str(tmp_path / "c"), "--no-cache")
    assert "extracting" not in piped.stdout + piped.stderr


def test_help_reads_as_sentences_with_values_named_in_words():
    import os

    shown = run("build", "--help", env=dict(os.environ, COLUMNS="100")).stdout
    assert not re.search(r"<[a-z]", shown) and "[x>=" not in shown  # <int range>, <bool>, <list[Path]>, [x>=1]
    assert re.search(r"--jobs\s+-j\s+JOBS\s+Processes \(1 or more\)", shown)
    assert re.search(r"--format\s+FORMAT\s", shown) and re.search(r"\* +paths\.\.\. +Files", shown)
    assert re.search(r"--help +Show this message", shown)
    # a paragraph of the docstring is one paragraph, filled to the width, not its source lines
    text = " ".join(line.strip(" │") for line in shown.splitlines())
    assert "when nothing the outputs are made from has changed (files, their extractions" in " ".join(text.split())


def test_help_and_query_import_neither_the_extractors_nor_jieba_nor_pydantic(built):
    for args in (["--help"], ["query", str(built), "--name", "convictions"]):
        run = subprocess.run([sys.executable, "-X", "importtime", "-m", "legal_kg.graph.cli", *args],
                             capture_output=True, text=True, check=True)
        imported = {line.split("|")[-1].strip() for line in run.stderr.splitlines() if line.startswith("import time:")}
        assert "typer.main" in imported  # the command ran
        assert not {m for m in imported if m.split(".")[0] in ("pydantic", "jieba") or "extractors" in m}, args


def test_a_build_imports_neither_networkx_nor_numpy_nor_pkg_resources(tmp_path):
    """networkx is for the exports and the API's view; python-igraph imports numpy only to ask whether a graph's
    edges are an array, and jieba pkg_resources only to open its files (0.4 s in all at every start)."""
    code = ("import sys\nfrom legal_kg.graph.cli import app\ntry:\n    app(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in ('igraph', 'jieba', 'networkx', 'numpy', 'pkg_resources', 'pypinyin') "
            "if sys.modules.get(m)))")
    run = subprocess.run([sys.executable, "-c", code, "build", str(SEEDS), "--out", str(tmp_path / "out"), "--no-cache",
                          "-q"], capture_output=True, text=True, check=True)
    assert (tmp_path / "out" / "graph.html").is_file()
    # the seeds' Chinese segmented and romanised, their graph laid out; nothing else
    assert run.stdout.splitlines()[-1] == "['igraph', 'jieba', 'pypinyin']"
