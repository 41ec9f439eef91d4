"""A regulation's articles that name others of its own text (`refersTo`), read from the real Cybersecurity Law
and Criminal Law of ../shared/corpus: 本法第二十一条、第二十五条, ranges (第四十一条至第四十三条), a bare
article number in running text; never a heading, never another statute's article."""

from __future__ import annotations

import re

import pytest

from conftest import SHARED
from legal_kg.graph import pipeline

LAWS = SHARED / "corpus"
CYBERSECURITY = LAWS / "zh-cybersecurity-law-2016.md"
CRIMINAL = LAWS / "zh-criminal-law.md"
pytestmark = pytest.mark.skipif(not CYBERSECURITY.exists(), reason="the corpus is not beside the repo")


def references(kg) -> dict[str, list[str]]:
    """Each article's number -> the numbers of the articles it refers to, sorted."""
    out: dict[str, list[str]] = {}
    for st in kg.statements:
        if st.predicate == "refersTo":
            out.setdefault(kg.nodes[st.subject].props["number"], []).append(kg.nodes[str(st.obj)].props["number"])
    return {k: sorted(v, key=lambda n: [int(x) for x in n.split("-")]) for k, v in out.items()}


@pytest.fixture(scope="module")
def cybersecurity():
    return pipeline.build([CYBERSECURITY])


def test_the_cybersecurity_law_s_liability_articles_name_the_duties_they_sanction(cybersecurity):
    refs = references(cybersecurity)
    # 第五十九条 网络运营者不履行本法第二十一条、第二十五条规定的网络安全保护义务的 ... 关键信息基础设施的运营者不履行
    # 本法第三十三条、第三十四条、第三十六条、第三十八条规定的 ...
    assert refs["59"] == ["21", "25", "33", "34", "36", "38"]
    assert refs["60"] == ["22", "48"]  # 违反本法第二十二条第一款、第二款和第四十八条第一款规定
    assert refs["64"] == ["22", "41", "42", "43", "44"]  # 第二十二条第三款、第四十一条至第四十三条 ... 第四十四条
    assert refs["34"] == ["21"]  # 除本法第二十一条的规定外
    assert sum(map(len, refs.values())) == 24
    # every article the law names in running text (not a heading), and nothing else: counted in the text
    text = CYBERSECURITY.read_text(encoding="utf-8")
    article = r"第[一二三四五六七八九十百]+条"
    named = len(re.findall(article, text)) - sum(1 for ln in text.splitlines() if re.match(article, ln))
    # plus 第四十二条 inside 第四十一条至第四十三条, less Article 63's second 违反本法第二十七条规定 (one fact)
    assert named + 1 - 1 == sum(map(len, refs.values()))
    # each reference's evidence is the words that name the article
    quotes = {ev.quote for st in cybersecurity.statements if st.predicate == "refersTo" for ev in st.evidence}
    assert "第二十一条" in quotes and "第四十一条至第四十三条" in quotes


def test_the_criminal_law_refers_within_itself_and_not_to_headings():
    kg = pipeline.build([CRIMINAL])
    refs = references(kg)
    # 第四十五条 有期徒刑的期限，除本法第五十条、第六十九条规定外
    assert refs["45"] == ["50", "69"]
    # 第三十七条之一 ... 依照本法第三百一十三条的规定定罪处罚
    assert refs["37-1"] == ["313"]
    assert all(n not in targets for n, targets in refs.items())  # no article refers to itself
