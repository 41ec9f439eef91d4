"""Exports round-trip to the same graph as `.nx`; the Python API; `kg stats`."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest

from conftest import SEEDS
from legal_kg.graph import loader, pipeline
from legal_kg.graph.export import LIST_SEPARATOR, simple_graph

KG = [sys.executable, "-m", "legal_kg.graph.cli"]
DUAN_CASE = "first-instance-judgment-in-a-case-of-duan-zhengs-illegal-possession-of-materials-e715f5fa"


@pytest.fixture(scope="module")
def kg():
    return pipeline.build([SEEDS])


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("out")
    subprocess.run([*KG, "build", str(SEEDS), "--out", str(folder), "--export", "graphml,neo4j"], check=True,
                   capture_output=True)
    return folder


def edges(g) -> list[tuple[str, str, str]]:
    return sorted((s, o, d["relation"]) for s, o, d in g.edges(data=True))


def same_nodes(expected: nx.MultiDiGraph, got, keys=("type", "label", "zh_label", "labels_en", "labels_zh", "degree",
                                                          "imprisonmentMonths", "fineYuan", "caseNumber", "decidedOn")):
    assert sorted(expected.nodes) == sorted(got.nodes)
    for n, d in expected.nodes(data=True):
        for k in keys:
            if k in d:
                assert got.nodes[n][k] == d[k], (n, k)


def test_graphml_round_trip(kg, tmp_path):
    (path,) = kg.export(tmp_path, to="graphml")
    back = nx.read_graphml(path, force_multigraph=True)
    same_nodes(simple_graph(kg), back)
    assert edges(back) == edges(kg.nx)
    ids = [k for _, _, k in back.edges(keys=True)]
    assert len(ids) == len(set(ids)) == len(kg.relations())  # GraphML's rule: each edge its own id
    # each edge its evidence: the seed's "Presiding Judge: Zheng Wenwei"
    judge = next(d for _, o, d in back.edges(data=True) if d["relation"] == "judge" and
                 back.nodes[o]["label"] == "Zheng Wenwei")
    assert judge["quote"] == "Presiding Judge: Zheng Wenwei" and judge["evidence"] == 1
    # a quote longer than the pages show is cut as they cut it, with an ellipsis (63 of the seed's 374 edges)
    quotes = [d["quote"] for _, _, d in back.edges(data=True)]
    assert max(map(len, quotes)) == 300 and sum(q.endswith("…") for q in quotes) == 63
    import igraph

    read = igraph.Graph.Read_GraphML(str(path))  # python-igraph reads it too
    assert (read.vcount(), read.ecount()) == (len(kg.nodes), len(kg.relations()))


def test_gexf_round_trip_with_class_colours(kg, tmp_path):
    (path,) = kg.export(tmp_path, to="gexf")
    back = nx.read_gexf(path)
    same_nodes(simple_graph(kg), back)
    assert edges(back) == edges(kg.nx)
    assert "networkx_key" not in path.read_text(encoding="utf-8")  # an edge is known by its id alone
    duan = next(n for n, d in back.nodes(data=True) if d["label"] == "Duan Zheng")
    assert back.nodes[duan]["viz"]["color"] == {"r": 255, "g": 127, "b": 14, "a": 1.0}
    # placed as graph.html places it (graph/layout.py)
    from legal_kg.graph.layout import positions

    x, y = positions(sorted(kg.nodes), sorted((s, str(o)) for s, o, _ in kg.nx.edges(keys=True)))[duan]
    assert back.nodes[duan]["viz"]["position"] == {"x": x, "y": -y, "z": 0.0}


def test_node_link_json_round_trip(kg, tmp_path):
    (path,) = kg.export(tmp_path, to="json")
    back = nx.node_link_graph(json.loads(path.read_text(encoding="utf-8")), edges="edges")
    assert nx.utils.graphs_equal(back, simple_graph(kg))


def test_cytoscape_json_round_trip_with_ids_names_and_places(kg, tmp_path):
    (path,) = kg.export(tmp_path, to="cytoscape")
    data = json.loads(path.read_text(encoding="utf-8"))
    back = nx.cytoscape_graph(data)
    same_nodes(simple_graph(kg), back)
    assert edges(back) == edges(kg.nx)
    ids = [e["data"]["id"] for e in data["elements"]["edges"]]
    assert len(set(ids)) == len(ids) == len(kg.relations())
    duan = next(n for n in data["elements"]["nodes"] if n["data"]["label"] == "Duan Zheng")
    assert duan["data"]["name"] == "Duan Zheng" and set(duan["position"]) == {"x", "y"}


def test_csv_round_trip(kg, tmp_path):
    nodes_csv, edges_csv = kg.export(tmp_path, to="csv")
    with nodes_csv.open(encoding="utf-8") as f:
        rows = {r["id"]: r for r in csv.DictReader(f)}
    simple = simple_graph(kg)
    assert sorted(rows) == sorted(simple.nodes)
    for n, d in simple.nodes(data=True):
        assert {k: str(v) for k, v in d.items() if v != ""} == {k: v for k, v in rows[n].items() if k != "id" and v}
    with edges_csv.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert sorted((r["source"], r["target"], r["relation"]) for r in rows) == edges(kg.nx)
    assert len({r["id"] for r in rows}) == len(rows) and all(r["quote"] and r["evidence"] for r in rows)


def test_neo4j_import_headers(out, kg):
    folder = out / "export" / "neo4j"
    with (folder / "nodes.csv").open(encoding="utf-8") as f:
        reader = csv.reader(f)
        header = next(reader)
        rows = list(reader)
    assert header[0] == "id:ID" and header[-1] == ":LABEL" and "degree:int" in header
    assert "imprisonmentMonths:int" in header
    assert len(rows) == len(kg.nodes)
    assert {r[-1] for r in rows} == {n.cls for n in kg.nodes.values()}
    assert "decidedOn:date" in header and "issuedOn:date" in header  # neo4j-admin's date type
    with (folder / "relationships.csv").open(encoding="utf-8") as f:
        reader = csv.reader(f)
        assert next(reader) == ["id", ":START_ID", ":END_ID", ":TYPE", "quote", "document", "evidence:int"]
        rows = list(reader)
    assert sorted((r[1], r[2], r[3]) for r in rows) == edges(kg.nx)
    assert len({r[0] for r in rows}) == len(rows) and all(r[4] and r[5].startswith("https://") for r in rows)


def test_labels_are_joined_with_the_separator(kg):
    simple = simple_graph(kg)
    duan = next(d for _, d in simple.nodes(data=True) if d["label"] == "Duan Zheng")
    assert duan["labels_en"].split(LIST_SEPARATOR) == ["Duan", "Duan Zheng", "Duang Zheng"]
    zheng = next(d for _, d in simple.nodes(data=True) if d["label"] == "Zheng Wenwei")
    assert zheng["labels_zh"] == "郑文伟"


def test_cli_export_from_a_build(out, tmp_path):
    result = subprocess.run([*KG, "export", str(out), "--to", "json", "--out", str(tmp_path)], capture_output=True,
                            text=True, check=False)
    assert result.returncode == 0
    data = json.loads((tmp_path / "graph.json").read_text(encoding="utf-8"))
    # counsel Liu Ze represents Duan Zheng; the indictment "filed ... on July 10, 2017" is an event; "public
    # security agencies" are the generic public security organs, an agency
    # 29 duties of the seed's Chinese regulations and their 11 parties among the nodes; their article and
    # bearer among the edges
    assert len(data["nodes"]) == 248 and len(data["edges"]) == 374
    bad = subprocess.run([*KG, "export", str(out), "--to", "pdf"], capture_output=True, text=True, check=False)
    assert bad.returncode == 2 and "pdf" in bad.stderr
    assert (out / "export" / "graphml" / "graph.graphml").exists()


def test_loaded_graph_equals_the_built_one(out, kg):
    loaded = loader.load(out)
    assert nx.utils.graphs_equal(loaded.nx, kg.nx)
    assert sorted(loaded.nodes) == sorted(kg.nodes)
    assert [(s.subject, s.predicate, s.obj, s.evidence) for s in loaded.statements] == [
        (s.subject, s.predicate, s.obj, s.evidence) for s in kg.statements]


def test_python_api(kg, tmp_path):
    rows = kg.query("SELECT ?name ?months WHERE { ?s <https://w3id.org/legal-kg/ontology#imprisonmentMonths> ?months ;"
                    " <https://w3id.org/legal-kg/ontology#sentenceOf>/<http://www.w3.org/2000/01/rdf-schema#label> ?name"
                    " } ORDER BY ?name")
    assert rows == [{"name": "Duan Zheng", "months": 7}, {"name": "Huang Shike", "months": 24}]
    bound = kg.query("SELECT ?s ?label WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l "
                     "FILTER(STR(?l) = ?label) }", label="Liu Ze")
    assert [r["s"] for r in bound] == [f"https://w3id.org/legal-kg/id/doc/{DUAN_CASE}/person/liu-ze"]
    assert [n.label for n in kg.entities(type="Crime")] == [
        "assembling a crowd to disturb social order", "illegal possession of materials promoting terrorism and extremism",
        "illegal use of information networks"]
    kinds = {k for k, _ in kg.evidence("duan zheng")}
    assert {"mention", "object of sentenceOf", "object of defendant"} <= kinds
    assert kg.to_html(tmp_path / "g.html").read_text(encoding="utf-8").count('id="kg-data"') == 1
    assert repr(kg) == "<KnowledgeGraph: 7 documents, 248 nodes, 652 statements>"
    assert "<iframe srcdoc=" in kg._repr_html_() and "<td>Judgment</td><td>" in kg._repr_html_()

    with pytest.raises(ValueError, match="unknown class 'Judge'"):
        kg.entities(type="Judge")
    with pytest.raises(KeyError, match="'Article 5' names 3 nodes"):
        kg.evidence("Article 5")
    with pytest.raises(ValueError, match="unknown export format 'pdf'"):
        kg.export(tmp_path, to="pdf")


def test_stats_on_the_seeds(out):
    result = subprocess.run([*KG, "stats", str(out), "--format", "json"], capture_output=True, text=True, check=True)
    data = json.loads(result.stdout)
    assert (data["nodes"], data["edges"]) == (248, 374)
    # the bilingual regulations' component holds their 84 duties and 13 parties too (73 nodes before)
    assert data["components"]["count"] == 18 and data["components"]["sizes"][:3] == [170, 61, 2]
    # the parties that bear most of the provisions' duties, then the Criminal Law
    assert [(r["label"], r["score"]) for r in data["central_by_degree"][:3]] == [
        ("Internet public account information service providers", 29),
        ("Internet group information service providers", 25), ("Criminal Law of the People's Republic of China", 11)]
    # the CAC, which issued both provisions and bears duties in each, lies between most
    assert data["central_by_betweenness"][0]["label"] == "Cyberspace Administration of China"
    first = data["shared_entities"][0]
    assert first["count"] == 13 and "Duan Zheng" in first["entities"]
    assert first["documents"][0].startswith("Man Jailed Seven Months")
    assert (data["betweenness"], data["shared_by"]) == ("exact", "every entity")
    table = subprocess.run([*KG, "stats", str(out)], capture_output=True, text=True, check=True)
    assert "Most central by betweenness (exact)" in table.stdout


def test_stats_of_a_big_graph_estimate_betweenness_and_pair_documents_by_rare_entities(out, monkeypatch):
    from legal_kg.graph import loader, stats

    exact = stats.statistics(loader.load(out))
    # the seed's graph taken for a big one: 248 nodes beyond 100, 7 documents beyond 3
    monkeypatch.setattr(stats, "EXACT_UP_TO", 100)
    monkeypatch.setattr(stats, "SAMPLE", 100)
    monkeypatch.setattr(stats, "PAIRS_UP_TO", 3)
    monkeypatch.setattr(stats, "FEW", 2)
    data = stats.statistics(loader.load(out))
    assert (data["betweenness"], data["shared_by"]) == ("estimated from 100 pivots (seed 7)",
                                                         "entities named in at most 2 documents")
    assert data["central_by_betweenness"][0]["label"] == exact["central_by_betweenness"][0]["label"]
    assert data == stats.statistics(loader.load(out))  # seeded: the same estimate every run
    # pairs only by entities two documents name: the report and the judgment on Duan Zheng still pair
    first = data["shared_entities"][0]
    assert first["documents"][0].startswith("Man Jailed Seven Months") and "Duan Zheng" in first["entities"]
    assert first["count"] < exact["shared_entities"][0]["count"]


def test_readme_python_example_runs(tmp_path, monkeypatch):
    import re

    from conftest import ROOT

    code = re.search(r"```python\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S).group(1)
    monkeypatch.chdir(ROOT)
    code = code.replace('"duan.html"', repr(str(tmp_path / "duan.html"))).replace('"exports/"', repr(str(tmp_path)))
    names: dict = {}
    exec(compile(code, "README.md", "exec"), names)
    assert (tmp_path / "duan.html").exists() and (tmp_path / "graph.graphml").exists()
    frame = names["frame"]
    assert list(frame.columns) == ["judgment", "on"] and str(frame["on"].dtype).startswith("datetime64")
    assert len(frame) == len(names["decided"]) == 3


def test_a_notebook_shows_a_big_graph_as_its_counts_and_a_way_to_its_page(monkeypatch):
    from legal_kg.graph import kg as module
    from legal_kg.graph import pipeline

    monkeypatch.setattr(module, "INLINE_NODES", 100)  # the seed's 248 nodes as a big graph
    shown = pipeline.build([SEEDS])._repr_html_()
    assert "<iframe" not in shown and len(shown) < 5_000
    assert "248 nodes are more than a notebook shows inline" in shown and "kg.to_html" in shown
