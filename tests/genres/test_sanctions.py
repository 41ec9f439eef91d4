"""Sanctions of the real Cybersecurity Law and Personal Information Protection Law (../shared/corpus): each
paragraph of a liability article that names a breach and a measure is a Sanction stated in its article and
paragraph, with the articles whose breach it sanctions, the body that enforces it, its measures and its fine
ranges; counted against the text. In English, a text written for the tests (tests/data/liability-en.txt: no
real English text at hand states a liability article)."""

from __future__ import annotations

import re

import pytest

from conftest import DATA, SHARED
from legal_kg.graph import pipeline

LAWS = SHARED / "corpus"
CYBERSECURITY = LAWS / "zh-cybersecurity-law-2016.md"
PIPL = LAWS / "zh-personal-information-protection-law-2021.md"
pytestmark = pytest.mark.skipif(not CYBERSECURITY.exists(), reason="the corpus is not beside the repo")


def sanctions(kg) -> dict[str, dict[str, list]]:
    """Each sanction's label -> its facts: predicate -> objects (article numbers for articles, labels for
    parties), sorted."""
    out: dict[str, dict[str, list]] = {}
    for st in kg.statements:
        node = kg.nodes[st.subject]
        if node.cls == "Sanction":
            target = None if st.literal else kg.nodes[str(st.obj)]
            value = st.obj if target is None else target.props.get("number", target.label)
            out.setdefault(node.label, {}).setdefault(st.predicate, []).append(value)
    return {k: {p: sorted(v, key=str) for p, v in facts.items()} for k, facts in out.items()}


@pytest.fixture(scope="module")
def cybersecurity():
    return sanctions(pipeline.build([CYBERSECURITY]))


def test_article_59_sanctions_the_duties_of_articles_21_and_25_with_its_fines(cybersecurity):
    # 第五十九条 网络运营者不履行本法第二十一条、第二十五条规定的网络安全保护义务的，由有关主管部门责令改正，给予
    # 警告；拒不改正或者导致危害网络安全等后果的，处一万元以上十万元以下罚款，对直接负责的主管人员处五千元以上
    # 五万元以下罚款。
    assert cybersecurity["第五十九条罚则"] == {
        "statedIn": ["59"], "paragraph": [1], "sanctions": ["21", "25"], "enforcedBy": ["the competent departments"],
        "measure": ["correction order", "fine", "warning"], "fineMinYuan": [10_000], "fineMaxYuan": [100_000],
        "personsFineMinYuan": [5_000], "personsFineMaxYuan": [50_000]}
    # its second paragraph: the operators of critical information infrastructure, ten times the fines
    second = cybersecurity["第五十九条第2款罚则"]
    assert second["sanctions"] == ["33", "34", "36", "38"] and second["fineMaxYuan"] == [1_000_000]
    assert second["paragraph"] == [2]
    # 第六十三条 违反本法第二十七条规定 ... 由公安机关没收违法所得，处五日以下拘留
    assert cybersecurity["第六十三条罚则"]["enforcedBy"] == ["public security organs"]
    # 第六十四条 ... 处违法所得一倍以上十倍以下罚款，没有违法所得的，处一百万元以下罚款
    assert cybersecurity["第六十四条罚则"]["fineMinMultiple"] == [1]
    assert cybersecurity["第六十四条罚则"]["fineMaxMultiple"] == [10]
    assert cybersecurity["第六十四条罚则"]["fineMaxYuan"] == [1_000_000]
    # 第六十八条第二款 ... 不履行本法第四十八条第二款规定的安全管理义务的，依照前款规定处罚
    assert cybersecurity["第六十八条第2款罚则"]["measure"] == ["the preceding paragraph's penalty"]
    assert cybersecurity["第六十八条第2款罚则"]["sanctions"] == ["48"]


def test_every_article_beginning_with_a_breach_yields_a_sanction_linked_to_the_articles_it_names(cybersecurity):
    text = CYBERSECURITY.read_text(encoding="utf-8")
    digits = "一二三四五六七八九十百"
    beginning = re.findall(rf"^第([{digits}]+)条 违反本法(第[^规]+)规定", text, re.M)  # 第二十二条第一款、第二款和...
    assert len(beginning) == 4  # Articles 60, 62, 63 and 67
    from legal_kg.extractors.values import zh_number

    for article, named in beginning:
        numbers = sorted(str(zh_number(n)) for n in re.findall(rf"第([{digits}]+)条", named))
        assert cybersecurity[f"第{article}条罚则"]["sanctions"] == numbers
    assert len(cybersecurity) == 16  # the liability chapter's paragraphs that name a breach and a measure


def test_pipl_article_66_fines_the_handler_and_the_persons_responsible():
    found = sanctions(pipeline.build([PIPL]))
    # 违反本法规定处理个人信息 ... 拒不改正的，并处一百万元以下罚款；对直接负责的主管人员和其他直接责任人员处一万元
    # 以上十万元以下罚款。
    article_66 = found["第六十六条罚则"]
    assert (article_66["fineMinYuan"], article_66["fineMaxYuan"]) == ([0], [1_000_000])
    assert (article_66["personsFineMinYuan"], article_66["personsFineMaxYuan"]) == ([10_000], [100_000])
    assert "sanctions" not in article_66  # 本法规定: no article named
    assert "confiscation of illegal income" in article_66["measure"]


def test_an_english_liability_article():
    found = sanctions(pipeline.build([DATA / "liability-en.txt"]))
    # Article 4: Where a network service provider violates Article 2 or Article 3 of these Measures, the competent
    # department shall order corrections and give a warning; where it refuses to make corrections, a fine of
    # between RMB 10,000 and 100,000 shall be imposed, and the directly responsible persons in charge shall be
    # fined between RMB 5,000 and 50,000.
    assert found["Article 4: sanction"] == {
        "statedIn": ["4"], "paragraph": [1], "sanctions": ["2", "3"], "enforcedBy": ["the competent departments"],
        "measure": ["correction order", "fine", "warning"], "fineMinYuan": [10_000], "fineMaxYuan": [100_000],
        "personsFineMinYuan": [5_000], "personsFineMaxYuan": [50_000]}
    # Where ... obtains illegal income, the illegal income shall be confiscated and a fine of between one and five
    # times the illegal income shall be imposed.
    assert found["Article 4, paragraph 2: sanction"] == {
        "statedIn": ["4"], "paragraph": [2], "measure": ["confiscation of illegal income", "fine"],
        "fineMinMultiple": [1], "fineMaxMultiple": [5]}
    assert len(found) == 2
