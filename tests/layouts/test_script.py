"""Traditional script is read like simplified: real Chinese texts (a court's judgment, a procuratorate's
typical case, the Cybersecurity Law, the Internet Information Services Measures), written out in
traditional characters with OpenCC's own table at test time, give the same graph as the texts as published;
their nodes keep the names as the traditional text writes them."""

from __future__ import annotations

import re

import pytest

from conftest import SHARED, node
from legal_kg.extractors.script import is_traditional, simplified, traditional
from legal_kg.extractors.text import fold
from legal_kg.graph import pipeline
from legal_kg.graph.kg import KnowledgeGraph

TEXTS = [SHARED / "eval" / "dev" / "docs" / name for name in (
    "zh-01_haining-shen-yinfeng-fraud.txt", "zh-news-04_spp-xie-baijiahao-accounts.txt")] + [
    SHARED / "corpus" / name for name in ("zh-cybersecurity-law-2016.md", "zh-internet-information-services-measures-2011.md")]
pytestmark = pytest.mark.skipif(not all(p.exists() for p in TEXTS), reason="the shared texts are not beside the repo")


def facts(kg: KnowledgeGraph) -> tuple[set, set]:
    """The graph's nodes (class, name) and statements (subject, predicate, object), names compared folded; a
    file's digest aside."""
    name = {iri: fold(n.label) for iri, n in kg.nodes.items()}
    nodes = {(n.cls, name[iri]) for iri, n in kg.nodes.items()}
    statements = {(name[st.subject], st.predicate, fold(str(st.obj)) if st.literal else name[str(st.obj)])
                  for st in kg.statements if st.subject in name and st.predicate != "sha256"}
    return nodes, statements


@pytest.fixture(scope="module")
def builds(tmp_path_factory) -> tuple[KnowledgeGraph, KnowledgeGraph]:
    out = []
    for script in ("simplified", "traditional"):
        folder = tmp_path_factory.mktemp(script)
        for path in TEXTS:
            text = path.read_text(encoding="utf-8")
            (folder / path.name).write_text(text if script == "simplified" else traditional(text), encoding="utf-8")
        out.append(pipeline.build([folder]))
    return out[0], out[1]


def test_traditional_texts_give_the_same_graph(builds):
    simple, trad = builds
    nodes, statements = facts(simple)
    assert len(nodes) >= 140 and len(statements) >= 180
    assert facts(trad) == (nodes, statements)


def test_names_stay_as_the_traditional_text_writes_them(builds):
    _, trad = builds
    court = node(trad, "浙江省海寧市人民法院", "Court")
    assert court.label == "浙江省海宁市人民法院"  # the name the gazetteers and the other texts know
    assert node(trad, "中華人民共和國網絡安全法", "Regulation").label == "中華人民共和國網絡安全法"  # a title as written
    assert node(trad, "國務院", "Agency").label == "State Council"


def test_the_conversion_keeps_every_offset():
    written = traditional((SHARED / "corpus" / "zh-cybersecurity-law-2016.md").read_text(encoding="utf-8"))
    assert is_traditional(written)
    read = simplified(written)
    assert len(read) == len(written)
    assert [m.start() for m in re.finditer("第[一二三四五六七八九十]+条", read)] == [
        m.start() for m in re.finditer("第[一二三四五六七八九十]+條", written)]
    assert simplified("乾坤已定，國家網信部門負責統籌協調，保持乾燥") == "乾坤已定，国家网信部门负责统筹协调，保持干燥"


@pytest.mark.parametrize("folder", ["corpus/lawrefbook", "eval/dev/docs"])
def test_simplified_texts_are_read_as_written(folder):
    """A simplified text is not converted at all, its traditional forms kept (a surname 於, 乾隆)."""
    files = sorted(p for p in (SHARED / folder).iterdir() if p.suffix in (".md", ".txt"))
    assert len(files) > 10
    for path in files:
        text = path.read_text(encoding="utf-8-sig")
        assert simplified(text) is text, path.name
    assert simplified("被告人於某，男") == "被告人於某，男"
