"""Duties of the real Cybersecurity Law and Personal Information Protection Law (../shared/corpus): each
sentence of an article with 应当, 必须, 负责, 不得 or 禁止 is a Duty stated in its article, with its bearer (one
RegulatedParty node across laws for one name), its modality and its action; counted against the text."""

from __future__ import annotations

import re

import pytest

from conftest import SHARED
from legal_kg.extractors.values import zh_number
from legal_kg.graph import pipeline

LAWS = SHARED / "corpus"
CYBERSECURITY = LAWS / "zh-cybersecurity-law-2016.md"
PIPL = LAWS / "zh-personal-information-protection-law-2021.md"
pytestmark = pytest.mark.skipif(not CYBERSECURITY.exists(), reason="the corpus is not beside the repo")


@pytest.fixture(scope="module")
def kg():
    return pipeline.build([CYBERSECURITY, PIPL])


def duties(kg, law) -> list[dict]:
    """Each duty of a law (its file): its article's number and its facts (predicate -> value; the bearer's label)."""
    out: dict[str, dict] = {}
    for st in kg.statements:
        node = kg.nodes[st.subject]
        if node.cls == "Duty" and node.evidence[0].source == law.name:
            value = st.obj if st.literal else kg.nodes[str(st.obj)]
            out.setdefault(st.subject, {})[st.predicate] = value
    return [{**d, "article": d["statedIn"].props["number"], "bearer": d["bearer"].label if "bearer" in d else ""}
            for d in out.values()]


def test_article_21_obliges_network_operators(kg):
    (duty,) = [d for d in duties(kg, CYBERSECURITY) if d["article"] == "21"]
    # 网络运营者应当按照网络安全等级保护制度的要求，履行下列安全保护义务，保障网络免受干扰、破坏或者未经授权的访问 ...
    assert duty["bearer"] == "network operators" and duty["modality"] == "obligation"
    assert duty["action"].startswith("按照网络安全等级保护制度的要求，履行下列安全保护义务")
    # 第二十二条 ... 网络产品、服务的提供者不得设置恶意程序
    article_22 = [d for d in duties(kg, CYBERSECURITY) if d["article"] == "22"]
    assert {"bearer": "providers of network products and services", "modality": "prohibition", "action": "设置恶意程序"
            } in [{k: d[k] for k in ("bearer", "modality", "action")} for d in article_22]


def test_every_article_with_a_modal_word_yields_a_duty(kg):
    text = CYBERSECURITY.read_text(encoding="utf-8")
    articles = re.split(r"\n(?=第[一二三四五六七八九十百]+条)", text)
    with_words = {str(zh_number(re.match(r"第([一二三四五六七八九十百]+)条", a).group(1))) for a in articles
                  if re.match(r"第[一二三四五六七八九十百]+条", a) and re.search("应当|不得", a)}
    assert len(with_words) == 41
    assert with_words <= {d["article"] for d in duties(kg, CYBERSECURITY)}


def test_one_party_across_laws_and_pipl_s_handlers(kg):
    handlers = [d for d in duties(kg, PIPL) if d["bearer"] == "personal information handlers"]
    assert len(handlers) == 43
    # both laws oblige the national cyberspace department: one node
    parties = {n.iri for n in kg.nodes.values() if n.cls == "RegulatedParty" and n.label == "the national cyberspace "
               "department"}
    assert len(parties) == 1
    (party,) = [kg.nodes[i] for i in parties]
    assert party.zh_label == "国家网信部门"
    assert all(any(d["bearer"] == "the national cyberspace department" for d in duties(kg, law))
               for law in (CYBERSECURITY, PIPL))


def test_the_named_queries_on_duties(kg):
    from legal_kg.graph.query import named_queries

    library = named_queries()
    operators = kg.query(library["duties"].text, label="network operators")
    assert len(operators) == 17 and operators == kg.query(library["duties"].text, label="网络运营者")
    article_21 = next(r for r in operators if r["article"] == "第二十一条")
    assert article_21["modality"] == "obligation" and article_21["sanctionedBy"] == "第五十九条"
    unsanctioned = kg.query(library["unsanctioned-duties"].text)
    assert not any(r["article"] in ("第二十一条", "第二十五条") and r["regulation"] == "中华人民共和国网络安全法"
                   for r in unsanctioned)
    assert any(r["article"] == "第九条" and r["bearer"] == "network operators" for r in unsanctioned)
