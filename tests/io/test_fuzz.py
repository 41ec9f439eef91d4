"""Property-based tests (hypothesis): any name gives valid IRIs and parseable outputs; random and mutated
legal text never makes the splitter or an extractor fail, and every span lies inside its document.

`make test` runs a few hundred cases; `make fuzz` runs 10,000 (HYPOTHESIS_PROFILE=fuzz)."""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

import pyoxigraph
import rdflib
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from legal_kg.extractors import extract
from legal_kg.extractors.documents import split
from legal_kg.graph import rdf as rdf_writer
from legal_kg.graph.html import QUOTE_LIMIT, doc_slugs, short_quote, write_site
from legal_kg.graph.model import Document, Entity, Extraction, Fact, Mention, Span
from legal_kg.graph.resolve import merge

settings.register_profile("default", max_examples=150, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("fuzz", max_examples=10_000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

NASTY = st.sampled_from(["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "javascript:alert(1)",
                         '"', "'", "#", "<>", " ", "\\", "%", "{}", "`", "../", "/", "\x00", "\u2028", "😀",
                         "中华人民共和国", "Ⅻ", "\ufeff", "CON", "nul", "a" * 500])
NAMES = st.lists(st.one_of(NASTY, st.text(min_size=1, max_size=40)), min_size=1, max_size=4).map("".join).filter(
    lambda s: s.strip())


def _extraction(i: int, title: str, name: str, other: str) -> Extraction:
    text = f"{title}\n{name} {other}"
    doc = Document(f"f{i}.txt", f"f{i}.txt", text, 0, 1, 2, "Judgment", title, ("en",), "0" * 64, len(text))
    start = len(title) + 1
    ex = Extraction(doc)
    ex.entities["p"] = Entity("p", "Person", name, {f"person:{name.casefold()}"},
                              mentions=[Mention(name, "en", Span(start, start + len(name)))])
    ex.entities["c"] = Entity("c", "Court", other, {f"court:{other.casefold()}"},
                              mentions=[Mention(other, "en", Span(start + len(name) + 1, len(text)))])
    ex.facts.append(Fact("@doc", "defendant", "p", Span(start, len(text)), text[start:]))
    ex.facts.append(Fact("@doc", "decidedBy", "c", Span(start, len(text)), text[start:]))
    ex.facts.append(Fact("@doc", "caseNumber", name, Span(start, len(text)), text[start:], literal=True))
    return ex


@given(title=NAMES, name=NAMES, other=NAMES)
def test_any_name_gives_valid_iris_and_parseable_outputs(title, name, other):
    kg = merge([_extraction(0, title, name, other), _extraction(1, other, name, title)])
    for fmt, ox_format, rl_format in (("ttl", pyoxigraph.RdfFormat.TURTLE, "turtle"),
                                      ("nq", pyoxigraph.RdfFormat.N_QUADS, "nquads"),
                                      ("jsonld", pyoxigraph.RdfFormat.JSON_LD, "json-ld")):
        data = rdf_writer.serialize(kg, fmt)
        store = pyoxigraph.Store()
        store.load(data, format=ox_format)
        ds = rdflib.Dataset()
        ds.parse(data=data.decode("utf-8"), format=rl_format)
        assert len(store) == len(list(ds.quads((None, None, None, None))))
    for iri in kg.nodes:
        assert re.fullmatch(r"https://w3id\.org/legal-kg/id/[A-Za-z0-9/_.#-]+", iri), iri
    for slug in doc_slugs(kg).values():
        assert re.fullmatch(r"[a-z0-9][a-z0-9-]*", slug) and not re.fullmatch(r"(con|prn|aux|nul|com\d|lpt\d)", slug)
    with tempfile.TemporaryDirectory() as out:
        for path in write_site(kg, Path(out)):
            assert Path(out) in path.resolve().parents


FRAGMENTS = st.sampled_from([
    "Article 5.", "Article 120-6 of the Criminal Law", "Articles 3 and 4 of the \"Rules on X\"", "第三条 ", "第一条",
    "《刑法》第二百八十七条之一第一款、第六十四条", "Defendant Li Ming, male, born 1980.", "Presiding Judge: Wu Fang",
    "审 判 长  王 五", "书记员 ", "(2019) Jing 01 Criminal First No. 3", "Translation: ", "# ", "Issued on: May 1, 2020",
    "Issued by: ", "sentenced to three years and six months imprisonment and fined 5,000 yuan", "the crime of ",
    "Haidian District People's Court", "Beijing", "WeChat", "Baidu's NetDisk", "'s", '"', "“", "”", "\n", "\n\n",
    "People's Procuratorate", "Law Firm", " of the ", "【非法利用信息网络罪】", "犯诈骗罪，判处有期徒刑一年六个月",
    "二〇一九年十二月三十日", "Court", "Judgment Document", "On May 2, 2021, the court reported", "自2021年5月1日起施行",
])
LEGAL_TEXT = st.lists(st.one_of(FRAGMENTS, st.text(max_size=12)), max_size=40).map(" ".join)


@given(text=LEGAL_TEXT)
def test_splitter_and_extractors_never_fail_and_spans_stay_inside(text):
    for doc in split(text, "fuzz.txt"):
        assert text[doc.start:doc.start + len(doc.text)] == doc.text
        if not doc.genre:
            continue
        ex = extract(doc)
        for e in ex.entities.values():
            for m in e.mentions:
                assert doc.start <= m.span.start <= m.span.end <= doc.end
                assert text[m.span.start:m.span.end] == m.text
        for f in ex.facts:
            assert doc.start <= f.span.start <= f.span.end <= doc.end
            assert text[f.span.start:f.span.end] == f.quote


@given(st.text(alphabet=st.sampled_from("ab \n\t。"), max_size=3 * QUOTE_LIMIT))
def test_a_quote_is_cut_as_if_its_white_space_were_made_single_spaces_first(quote):
    spaced = " ".join(quote.split())
    assert short_quote(quote) == (spaced if len(spaced) <= QUOTE_LIMIT else spaced[: QUOTE_LIMIT - 1] + "…")
