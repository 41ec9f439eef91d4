"""`kg query`, the named queries (answers on the seeds, and the same answers from rdflib), `kg show`."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import rdflib

from conftest import SEEDS, unordered
from legal_kg.graph import store
from legal_kg.graph.query import named_queries, open_store, run, terms

KG = [sys.executable, "-m", "legal_kg.graph.cli"]
PARAMS = {"label": "Duan Zheng", "title": "Judgment in the Case of Huang Shike's Illegal Use of Internet Information"}


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([*KG, *args], capture_output=True, text=True, check=False)


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("out")
    assert cli("build", str(SEEDS), "--out", str(folder)).returncode == 0
    return folder


@pytest.fixture(scope="module")
def answers(out) -> dict[str, tuple[list[str], list[list[str]]]]:
    store = open_store(out)
    return {name: run(store, q.text, {p: PARAMS[p] for p in q.params}) for name, q in named_queries().items()}


def test_library_lists_eighteen_documented_queries():
    library = named_queries()
    assert len(library) == 18
    assert all(q.description for q in library.values())
    assert library["evidence"].params == ("label",)
    assert library["document-facts"].params == ("title",)


def test_regulations(answers):
    names, rows = answers["regulations"]
    assert names == ["regulation", "issuer", "issuedOn", "effectiveFrom"]
    assert rows == [
        ["Provisions on the Administration of Internet Group Information Services", "Cyberspace Administration of China",
         "2017-09-07", "2017-10-08"],
        ["Provisions on the Administration of Internet Public Account Information Services",
         "Cyberspace Administration of China", "2017-09-07", "2017-10-08"]]


def test_legal_basis(answers):
    _, rows = answers["legal-basis"]
    assert len(rows) == 4
    assert {r[1] for r in rows} == {"Cybersecurity Law of the People's Republic of China",
                                    "State Council Notice Regarding Authorizing the Cyberspace Administration of China "
                                    "to Assume Responsibility for the Management of Internet Information Content"}


def test_convictions(answers):
    _, rows = answers["convictions"]
    huang = [r for r in rows if r[0] == "Huang Shike"]
    assert huang == [["Huang Shike", "illegal use of information networks",
                      "Criminal Law of the People's Republic of China Article 287-1",
                      "Xinjiang Uighur Autonomous Region High People's Court of the Yili Kazakh Autonomous Prefecture",
                      "24", "", "2017-03-10"]]
    (duan,) = [r for r in rows if r[0] == "Duan Zheng"]  # one row per sentence and crime
    assert duan[2].split("; ") == [f"Criminal Law of the People's Republic of China Article {n}"  # labels' order
                                   for n in ("120-6", "47", "52", "53", "61", "67")]
    assert duan[4:] == ["7", "1000", "2017-08-25"]


def test_bench(answers):
    _, rows = answers["bench"]
    assert len(rows) == 9
    assert ["Judgment in the Case of Huang Shike's Illegal Use of Internet Information", "judge", "Mozhapaer",
            "莫扎帕尔"] in rows
    assert [r[3] for r in rows if r[2] == "Wang Jingyan"] == ["王婧妍"]


def test_platforms(answers):
    _, rows = answers["platforms"]
    assert rows == [["Baidu NetDisk", "Duan Zheng", "Baidu"], ["Doujia VPN", "Duan Zheng", ""],
                    ["WeChat", "Huang Shike", "Tencent"], ["theYNC", "Duan Zheng", ""]]


def test_most_cited_articles(answers):
    _, rows = answers["most-cited-articles"]
    assert rows[0][2] == rows[1][2] == "2"
    assert {rows[0][0], rows[1][0]} == {"Criminal Law of the People's Republic of China Article 120-6",
                                        "Criminal Law of the People's Republic of China Article 287-1"}
    assert len(rows) == 9


def test_appeal_chains(answers):
    _, rows = answers["appeal-chains"]
    assert rows == [["Judgment in the Case of Huang Shike's Illegal Use of Internet Information",
                     "Xinjiang Uighur Autonomous Region High People's Court of the Yili Kazakh Autonomous Prefecture",
                     "(2017) Xin 40 Criminal Final No. 78", "(2016) Xin 4021 Criminal First No. 388",
                     "Yining County People's Court", "2016-12-12"]]


def test_evidence(answers):
    names, rows = answers["evidence"]
    assert names == ["label", "fact", "quote", "document", "start", "end"]
    facts = {r[1] for r in rows}
    assert {"mention", "object of defendant", "sentence imprisonmentMonths", "sentence convictedOf"} <= facts
    months = [r for r in rows if r[1] == "sentence imprisonmentMonths"]
    assert len(months) == 1 and "seven months imprisonment" in months[0][2]


def test_article_divergence(answers):
    _, rows = answers["article-divergence"]
    assert len(rows) == 11
    assert all(float(r[4]) > 8 for r in rows)
    assert ["Provisions on the Administration of Internet Public Account Information Services", "2"] in [r[:2] for r in rows]


def test_document_facts(answers):
    _, rows = answers["document-facts"]
    assert {r[1] for r in rows} >= {"Judgment", "Person", "Court", "Article"}
    assert [r[2:] for r in rows if r[3] == "appealOf"] == [
        ["Judgment in the Case of Huang Shike's Illegal Use of Internet Information", "appealOf",
         "(2016) Xin 4021 Criminal First No. 388"]]


def test_rdflib_gives_the_same_answers(out, answers):
    g = rdflib.Graph().parse(out / "graph.ttl")
    for name, q in named_queries().items():
        bindings = {rdflib.Variable(p): rdflib.Literal(t.value, lang=t.language)  # labels: "Duan Zheng"@en
                    for p, t in terms(q.text, {p: PARAMS[p] for p in q.params}).items()}
        result = g.query(q.text, initBindings=bindings)
        rows = sorted([[str(v) if v is not None else "" for v in row] for row in result])
        assert unordered(rows) == unordered(answers[name][1]), name


def test_queries_read_the_store_and_the_rdf_alike(out, answers, tmp_path):
    """The answers come from the build's store (which holds what graph.ttl holds): a folder that has only
    the store answers them, and so does one that has only the Turtle (a build of an older version)."""
    assert (out / store.NAME / "CURRENT").is_file()
    only_store = tmp_path / "only-store"
    shutil.copytree(out, only_store, ignore=shutil.ignore_patterns("graph.ttl"))
    only_rdf = tmp_path / "only-rdf"
    shutil.copytree(out, only_rdf, ignore=shutil.ignore_patterns(store.NAME))
    for folder in (only_store, only_rdf):
        opened = open_store(folder)
        for name, q in named_queries().items():
            assert run(opened, q.text, {p: PARAMS[p] for p in q.params}) == answers[name], (folder.name, name)
    assert cli("query", str(only_store), "--name", "regulations").stdout.endswith("(2 rows)\n")
    damaged = tmp_path / "damaged"
    shutil.copytree(out, damaged)
    (damaged / store.NAME / "CURRENT").write_text("garbage\n")  # RocksDB: "Corruption: CURRENT file corrupted"
    assert cli("query", str(damaged), "--name", "regulations").stdout.endswith("(2 rows)\n")  # from graph.ttl



def test_cli_query_formats_and_errors(out):
    result = cli("query", str(out), "--name", "platforms", "--format", "csv")
    assert result.returncode == 0
    assert result.stdout.splitlines()[0] == "platform,usedBy,operator"
    table = cli("query", str(out), "SELECT ?s WHERE { ?s a <https://w3id.org/legal-kg/ontology#Court> }")
    assert table.returncode == 0 and "(5 rows)" in table.stdout
    # the ontology's prefixes need no declaring; a query's own declaration of one wins
    short = cli("query", str(out), "SELECT ?l WHERE { ?s a kg:Court ; rdfs:label ?l } ORDER BY ?l", "--format", "csv")
    assert short.returncode == 0 and short.stdout.splitlines()[1:3] == ["Beijing High People's Court",
                                                                     "First Intermediate People's Court of Beijing"]
    own = cli("query", str(out), "PREFIX kg: <urn:other#> SELECT ?s WHERE { ?s a kg:Court }", "--format", "csv")
    assert own.returncode == 0 and own.stdout.splitlines() == ["s"]
    bad = cli("query", str(out), "SELECT ?x WHERE { ?x ?y }")
    assert bad.returncode == 2
    assert bad.stderr.strip() == "kg query: bad SPARQL: error at 1:26: expected one of LATERAL, SERVICE, [_]"
    missing = cli("query", str(out.parent / "nothing-here"), "--name", "regulations")
    assert missing.returncode == 2 and "run `kg build` first" in missing.stderr
    needs = cli("query", str(out), "--name", "evidence")
    assert needs.returncode == 2 and "--param label=VALUE" in needs.stderr
    listing = cli("query", "--list")
    assert listing.returncode == 0 and len(listing.stdout.splitlines()) == 18


def test_parameters_are_bound_not_pasted(out):
    hostile = '" } } SELECT * WHERE { ?s ?p ?o } #'
    result = cli("query", str(out), "--name", "evidence", "--param", f"label={hostile}", "--format", "json")
    assert result.returncode == 0 and result.stdout.strip() == "[]"


def test_show_card(out):
    result = cli("show", "郑文伟", "--out", str(out))
    assert result.returncode == 0
    assert "Zheng Wenwei" in result.stdout and "judge" in result.stdout
    assert "Presiding" not in result.stderr
    lower = subprocess.run([*KG, "show", "duan zheng", "--out", str(out)], capture_output=True, text=True,
                           env={**os.environ, "COLUMNS": "200"})
    assert lower.returncode == 0 and "sentence → imprisonmentMonths │ 7 " in lower.stdout


def test_show_ambiguous_and_unknown(out):
    result = cli("show", "Article 5", "--out", str(out))
    assert result.returncode == 1
    assert result.stderr.count("(Article)") == 3
    assert cli("show", "Nobody Atall", "--out", str(out)).returncode == 1


def test_a_table_fits_the_width_it_is_given_and_piped_keeps_every_character(out):
    from legal_kg.graph.query import render

    names, rows = run(open_store(out), named_queries()["evidence"].text, {"label": "Duan Zheng"})
    whole = render(names, rows, "table")
    assert max(len(line) for line in whole.splitlines()) > 300  # quotes of whole sentences
    cut = render(names, rows, "table", width=100)
    lines = cut.splitlines()
    assert max(len(line) for line in lines) <= 100 and lines[-1] == whole.splitlines()[-1]  # "(N rows)"
    assert any(line.rstrip().endswith("…") or "… " in line for line in lines[2:])
    assert lines[0].split() == names  # every column kept, the widest cut
    piped = cli("query", "--name", "evidence", "--param", "label=Duan Zheng", str(out))
    assert piped.stdout == whole


def test_show_suggests_a_near_name_and_never_cuts_the_iri(out):
    missed = cli("show", "Duan Zhen", "--out", str(out))
    assert missed.returncode == 1
    assert missed.stderr.strip() == "kg show: no entity is named 'Duan Zhen'; did you mean 'Duan Zheng' or 'Duang Zheng'?"
    shown = cli("show", "Duan Zheng", "--out", str(out)).stdout
    rows = [line.split("│") for line in shown.splitlines() if line.startswith("│")]
    start = next(i for i, r in enumerate(rows) if r[1].strip() == "IRI")
    end = next(i for i in range(start + 1, len(rows)) if rows[i][1].strip())  # the next row's relation
    iri = "".join(r[2].strip() for r in rows[start:end])
    assert iri.startswith("https://w3id.org/legal-kg/id/doc/first-instance-judgment") and iri.endswith("/person/duan-zheng")


def test_json_rows_are_typed_and_tables_show_the_text(out):
    result = cli("query", str(out), "--name", "convictions", "--format", "json")
    rows = {r["defendant"]: r for r in json.loads(result.stdout)}
    assert rows["Duan Zheng"]["months"] == 7 and rows["Duan Zheng"]["fineYuan"] == 1000  # numbers, not text
    assert rows["Duan Zheng"]["decidedOn"] == "2017-08-25"  # a date as ISO 8601 text
    unbound = cli("query", str(out), "SELECT ?x ?y WHERE { BIND(1 AS ?x) }", "--format", "json")
    assert json.loads(unbound.stdout) == [{"x": 1, "y": None}]
    names, table = run(open_store(out), "SELECT ?on ?yes ?iri WHERE { BIND(\"2017-08-25\"^^xsd:date AS ?on) "
                       "BIND(true AS ?yes) BIND(kg:Court AS ?iri) }")
    assert table == [["2017-08-25", "true", "https://w3id.org/legal-kg/ontology#Court"]]  # text for tables, CSV
    import datetime

    assert [c.value for c in table[0]] == [datetime.date(2017, 8, 25), True, "https://w3id.org/legal-kg/ontology#Court"]
