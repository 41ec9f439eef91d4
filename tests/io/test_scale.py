"""Parallel, cached, distributed and remote: --jobs, the extraction cache, a Dask cluster, and a real
Oxigraph server (pushed to and queried over HTTP on 127.0.0.1)."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import DATA, ROOT, SEEDS, outputs, unordered
from legal_kg.graph.query import named_queries, open_store, run

KG = [sys.executable, "-m", "legal_kg.graph.cli"]
OXIGRAPH = Path(sys.executable).with_name("oxigraph")


def kg(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([*KG, *args], capture_output=True, text=True, check=False)



@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "make_corpus.py"), "60", "--seed", "3", "--out",
                    str(folder)], check=True, capture_output=True)
    shutil.copy(SEEDS / "000_cfcf9f275d95a8e1.txt", folder)
    return folder


def test_generated_corpus_is_deterministic_and_of_the_genre(tmp_path):
    for name in ("a", "b"):
        subprocess.run([sys.executable, str(ROOT / "benchmarks" / "make_corpus.py"), "40", "--seed", "9", "--out",
                        str(tmp_path / name)], check=True, capture_output=True)
    assert outputs(tmp_path / "a") == outputs(tmp_path / "b")
    from legal_kg.graph import pipeline

    built = pipeline.build([tmp_path / "a"])
    assert set(built.summary()["documents"]) == {"Judgment", "NewsReport", "Regulation"}
    assert built.skipped == []


def test_two_jobs_give_the_same_bytes(corpus, tmp_path):
    every = ["--format", "ttl,trig,nq,jsonld", "--export", "graphml,gexf,json,csv,neo4j", "--no-cache"]
    assert kg("build", str(corpus), "--out", str(tmp_path / "one"), *every).returncode == 0
    assert kg("build", str(corpus), "--out", str(tmp_path / "two"), "--jobs", "2", *every).returncode == 0
    one, two = outputs(tmp_path / "one"), outputs(tmp_path / "two")
    assert one == two
    assert {"graph.ttl", "graph.trig", "graph.nq", "graph.jsonld", "graph.html", "export/gexf/graph.gexf",
            "export/neo4j/relationships.csv"} <= set(one)


def test_a_failing_writer_process_fails_the_build_and_keeps_the_old_outputs(monkeypatch, tmp_path):
    from legal_kg.graph import export as exports
    from legal_kg.graph import pipeline
    from legal_kg.graph.outputs import OutputError, write_all

    built = pipeline.build([SEEDS])
    out = tmp_path / "out"
    write_all(built, out, ["ttl"], [], jobs=2)
    before = outputs(out)

    def broken(*_args: object) -> list[Path]:
        raise OSError("disk full")

    monkeypatch.setattr(exports, "export", broken)  # the forked writers inherit the broken exporter
    with pytest.raises(OutputError, match="disk full"):
        write_all(built, out, ["ttl", "nq"], ["graphml"], jobs=2)
    assert outputs(out) == before
    assert not list(tmp_path.glob(".out.*.tmp"))


def test_cache_skips_unchanged_files_and_gives_the_same_bytes(corpus, tmp_path):
    cache = tmp_path / "cache"
    first = kg("build", str(corpus), "--out", str(tmp_path / "a"), "--cache", str(cache))
    assert first.returncode == 0 and len(list(cache.glob("*.json"))) == len(list(corpus.iterdir()))
    copy = tmp_path / "copy"
    shutil.copytree(corpus, copy)
    victim = sorted(copy.glob("*.txt"))[0]
    victim.write_text(victim.read_text(encoding="utf-8").replace("Defendant", "Defendant", 1) + "\n", encoding="utf-8")
    again = kg("build", str(copy), "--out", str(tmp_path / "b"), "--cache", str(cache))
    assert again.returncode == 0
    assert len(list(cache.glob("*.json"))) == len(list(corpus.iterdir())) + 1  # only the changed file is new
    assert kg("build", str(copy), "--out", str(tmp_path / "c"), "--no-cache").returncode == 0
    assert outputs(tmp_path / "b") == outputs(tmp_path / "c")


def stamps(folder: Path) -> dict[str, int]:
    return {str(p.relative_to(folder)): p.stat().st_mtime_ns for p in folder.rglob("*") if p.is_file()}


def test_a_folder_built_from_the_same_extractions_is_left_as_it_is(tmp_path):
    from legal_kg.graph.incremental import build_into

    texts = tmp_path / "texts"
    shutil.copytree(DATA, texts)
    out, cache = tmp_path / "out", tmp_path / "cache"

    def build(formats: tuple[str, ...] = ("ttl",)):
        return build_into([texts], out, list(formats), [], cache_dir=cache)

    first = build()
    assert not first.up_to_date and first.counts["documents"] == 62 and "resolve" in first.timings
    before, times = outputs(out), stamps(out)
    victim = texts / "guangzhou.txt"
    text = victim.read_text(encoding="utf-8")
    victim.write_text(text + "\n\n", encoding="utf-8")  # new bytes, the same extraction
    again = build()
    assert again.up_to_date and "resolve" not in again.timings
    assert (again.summary, again.counts, again.notes) == (first.summary, first.counts, first.notes)
    assert sorted(again.written) == sorted(first.written)
    assert outputs(out) == before and stamps(out) == times  # not one file written
    victim.write_text(text.replace("\n", "\n\n", 1), encoding="utf-8")  # every span moves
    edited = build()
    assert not edited.up_to_date and outputs(out) != before
    assert kg("build", str(texts), "--out", str(tmp_path / "full"), "--no-cache").returncode == 0
    assert outputs(out) == outputs(tmp_path / "full")
    (out / "graph.ttl").unlink()  # an output removed since: built again in full
    assert not build().up_to_date and outputs(out) == outputs(tmp_path / "full")
    (out / "stray.txt").write_text("x", encoding="utf-8")
    assert not build().up_to_date and "stray.txt" not in outputs(out)
    assert not build(("ttl", "nq")).up_to_date and "graph.nq" in outputs(out)
    assert build(("nq", "ttl")).up_to_date  # the same set of formats
    (texts / "wuhan.txt").unlink()  # one file (of three documents) fewer
    fewer = build(("nq", "ttl"))
    assert not fewer.up_to_date and fewer.counts["documents"] == 59


def test_kg_build_says_when_the_folder_is_up_to_date(tmp_path):
    texts = tmp_path / "texts"
    shutil.copytree(SEEDS, texts)
    (texts / "empty.txt").write_bytes(b"")
    args = ("build", str(texts), "--out", str(tmp_path / "out"), "--cache", str(tmp_path / "cache"))
    first, again = kg(*args), kg(*args)
    assert (first.returncode, again.returncode) == (1, 1)  # a file is skipped, both times
    assert again.stderr == first.stderr and "empty.txt" in again.stderr
    said = " ".join(again.stdout.split())  # rich folds long lines
    assert "is up to date (10 files and the store)" in said and "wrote" not in said
    assert "7 documents" in again.stdout
    assert kg(*args, "--strict").returncode == 2
    victim = texts / "000_cfcf9f275d95a8e1.txt"
    victim.write_text(victim.read_text(encoding="utf-8").replace("\n", "\n\n", 1), encoding="utf-8")
    rebuilt = kg(*args)
    assert rebuilt.returncode == 1 and "lines 405-405" in rebuilt.stderr
    said = " ".join(rebuilt.stdout.split())
    assert "wrote 10 files and the store into" in said and "only what changed: the rest is the last build's" in said


def test_dask_local_cluster_gives_the_same_bytes(tmp_path):
    from dask.distributed import LocalCluster

    assert kg("build", str(SEEDS), str(DATA), "--out", str(tmp_path / "local"), "--no-cache").returncode == 0
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                      host="127.0.0.1") as cluster:
        result = kg("build", str(SEEDS), str(DATA), "--out", str(tmp_path / "dask"), "--no-cache",
                    "--scheduler", cluster.scheduler_address)
    assert result.returncode == 0, result.stderr
    assert outputs(tmp_path / "local") == outputs(tmp_path / "dask")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture()
def oxigraph_server(tmp_path):
    if not OXIGRAPH.exists():
        pytest.skip("the oxigraph server is not installed (pip install oxigraph)")
    port = free_port()
    proc = subprocess.Popen([str(OXIGRAPH), "serve", "--location", str(tmp_path / "db"), "--bind",
                             f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(base + "/", timeout=1).close()
            break
        except OSError:
            time.sleep(0.1)
    else:
        proc.kill()
        pytest.fail("oxigraph did not start")
    yield base
    proc.terminate()
    proc.wait(timeout=10)


PARAMS = {"label": "Duan Zheng", "title": "Judgment in the Case of Huang Shike's Illegal Use of Internet Information"}


def test_push_and_query_a_real_oxigraph_server(oxigraph_server, tmp_path):
    out = tmp_path / "out"
    assert kg("build", str(SEEDS), "--out", str(out)).returncode == 0
    pushed = kg("push", str(out), "--endpoint", oxigraph_server + "/store")
    assert pushed.returncode == 0, pushed.stderr
    assert pushed.stdout.startswith("pushed ") and "PUT text/turtle" in pushed.stdout
    store = open_store(out)
    from legal_kg.graph.endpoint import query as remote

    for name, q in named_queries().items():
        params = {p: PARAMS[p] for p in q.params}
        local_names, local_rows = run(store, q.text, params)
        remote_names, remote_rows = remote(oxigraph_server + "/query", q.text, params)
        assert remote_names == local_names, name
        assert unordered(remote_rows) == unordered(local_rows), name
        types = sorted(tuple(str(c.datatype) for c in r) for r in local_rows)  # typed alike in JSON and the API
        assert sorted(tuple(str(c.datatype) for c in r) for r in remote_rows) == types, name
    cli = kg("query", "--endpoint", oxigraph_server + "/query", "--name", "convictions", "--format", "csv")
    assert cli.returncode == 0 and "Huang Shike" in cli.stdout
    inline = kg("query", "--endpoint", oxigraph_server + "/query",
                "SELECT (COUNT(*) AS ?n) WHERE { ?s a <https://w3id.org/legal-kg/ontology#Person> }")
    assert inline.returncode == 0 and "16" in inline.stdout


def test_push_into_a_named_graph_and_quads(oxigraph_server, tmp_path):
    out = tmp_path / "out"
    assert kg("build", str(SEEDS), "--out", str(out), "--format", "ttl,nq").returncode == 0
    assert kg("push", str(out), "--endpoint", oxigraph_server + "/store", "--graph", "http://example.org/g").returncode == 0
    assert kg("push", str(out), "--endpoint", oxigraph_server + "/store", "--quads").returncode == 0
    from legal_kg.graph.endpoint import query as remote

    _, rows = remote(oxigraph_server + "/query", "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert int(rows[0][0]) == 1 + 7  # the pushed named graph and one graph per document


def test_endpoint_errors_are_one_line(tmp_path):
    port = free_port()
    result = kg("query", "--endpoint", f"http://127.0.0.1:{port}/query", "--name", "regulations")
    assert result.returncode == 2 and "cannot reach the endpoint" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert kg("push", str(tmp_path), "--endpoint", f"http://127.0.0.1:{port}/store").returncode == 2


def test_endpoint_parameters_are_serialized_terms():
    from legal_kg.graph.query import bind, terms

    sparql = "# Parameters: label - text\nSELECT ?x WHERE { ?x ?p ?label }"
    bound = bind(sparql, terms(sparql, {"label": 'a" } ; DROP ALL ; #'}))
    assert 'VALUES (?label) { ("a\\" } ; DROP ALL ; #") }' in bound
    sparql = "# Parameters: label@ - a label\nSELECT ?x WHERE { ?x ?p ?label }"
    assert 'VALUES (?label) { ("段正"@zh) }' in bind(sparql, terms(sparql, {"label": "段正"}))
