"""What a text does to other law (extractors/lawmaking.py), read from LawRefBook's own texts: the rules on
crime names define each offence under an article of the Criminal Law, an amending decision amends a law and
the articles its items name."""

from __future__ import annotations

import pytest

from conftest import SHARED, node, objects
from legal_kg.graph import pipeline

LAWREFBOOK = SHARED / "corpus" / "lawrefbook"
CRIME_NAMES_1997 = LAWREFBOOK / "084_最高人民检察院关于适用刑法分则规定的犯罪的罪名的意见(1997-12-25).md"
CRIME_NAMES_2011 = LAWREFBOOK / "091_最高人民法院、最高人民检察院关于执行《刑法》确定罪名的补充规定（五）(2011-04-27).md"
AMENDING = LAWREFBOOK / "100_最高人民法院关于修改《最高人民法院关于审理铁路运输人身损害赔偿纠纷案件适用法律若干问题的解释》的决定.md"
pytestmark = pytest.mark.skipif(not LAWREFBOOK.exists(), reason="the LawRefBook corpus is not beside the repo")
CRIMINAL_LAW = "Criminal Law of the People's Republic of China"


@pytest.fixture(scope="module")
def kg():
    return pipeline.build([CRIME_NAMES_1997, CRIME_NAMES_2011, AMENDING])


def test_a_table_of_crime_names_defines_each_under_its_article(kg):
    rule = node(kg, "最高人民法院、最高人民检察院关于执行《中华人民共和国刑法》确定罪名的补充规定（五）", "Regulation")
    defined = objects(kg, rule, "definesCrime")
    assert len(defined) == 10
    # | 第一百三十三条之一 （《刑法修正案（八）》第二十二条） |危险驾驶罪 |: the Criminal Law's article, not the amendment's
    assert objects(kg, node(kg, "危险驾驶罪", "Crime"), "definedIn") == [f"{CRIMINAL_LAW} Article 133-1"]
    # |强迫劳动罪 （取消强迫职工劳动罪罪名） |: the new name is defined, the abolished one is not
    assert "强迫劳动罪" in defined and "强迫职工劳动罪" not in defined  # (which the 1997 names define)
    assert "强迫职工劳动罪" in objects(kg, node(kg, "最高人民检察院关于适用刑法分则规定的犯罪的罪名的意见"), "definesCrime")


def test_a_list_of_crime_names_defines_each_under_its_articles(kg):
    rule = node(kg, "最高人民检察院关于适用刑法分则规定的犯罪的罪名的意见", "Regulation")
    assert len(objects(kg, rule, "definesCrime")) == 411  # 414 numbered names, three of them one offence twice
    assert objects(kg, node(kg, "背叛国家罪", "Crime"), "definedIn") == [f"{CRIMINAL_LAW} Article 102"]
    # "14．决水罪（第114条、第115条第1款）"
    assert objects(kg, node(kg, "决水罪", "Crime"), "definedIn") == [f"{CRIMINAL_LAW} Article 114",
                                                                   f"{CRIMINAL_LAW} Article 115"]


def test_an_amending_decision_amends_the_law_and_the_articles_its_items_name(kg):
    decision = node(kg, "最高人民法院关于修改《最高人民法院关于审理铁路运输人身损害赔偿纠纷案件适用法律若干问题的解释》的决定",
                    "Regulation")
    law = "最高人民法院关于审理铁路运输人身损害赔偿纠纷案件适用法律若干问题的解释"
    amended = objects(kg, decision, "amends")
    assert amended[0] == law
    assert [a.removeprefix(f"{law} Article ") for a in amended[1:]] == sorted(
        ["1", "2", "3", "5", "6", "7", "8", "9", "12", "13", "16"])


# the Supreme People's Court's reply 法释〔2026〕1号 (adopted 2025-11-24, in force 2026-02-01), verbatim from its
# public text
REPLY = """最高人民法院关于基本医疗保险基金先行支付申请条件法律适用问题的批复

法释〔2026〕1号

安徽省高级人民法院：

你院《关于基本医疗保险基金先行支付申请条件法律适用问题的请示》收悉。经研究，批复如下：根据《中华人民共和国社会保险法》第三十条和《社会保险基金先行支付暂行办法》第二条、第三条的规定，参加基本医疗保险的个人由于第三人的侵权行为造成伤病，医疗费用依法应当由第三人负担的部分，第三人不支付或者无法确定第三人的，社会保险经办机构依法审核后应当按照统筹地区基本医疗保险基金支付的规定先行支付相应部分的医疗费用。参保人依法享有的申请基本医疗保险基金先行支付权利，不受在医疗费用结算时是否已自行支付医疗费用的影响。
"""


def test_a_reply_answers_the_court_that_asked(tmp_path):
    (tmp_path / "reply.txt").write_text(REPLY, encoding="utf-8")
    kg = pipeline.build([tmp_path])
    reply = node(kg, "最高人民法院关于基本医疗保险基金先行支付申请条件法律适用问题的批复", "Regulation")
    assert objects(kg, reply, "issuedBy") == ["Supreme People's Court"]
    assert objects(kg, reply, "repliesTo") == ["安徽省高级人民法院"]
    assert objects(kg, reply, "question") == ["关于基本医疗保险基金先行支付申请条件法律适用问题的请示"]
    (answer,) = objects(kg, reply, "answer")
    assert answer.startswith("根据《中华人民共和国社会保险法》第三十条") and answer.endswith("自行支付医疗费用的影响。")
    # the laws the answer applies are cited; the request it answers is no statute
    assert objects(kg, reply, "cites") == sorted([
        "中华人民共和国社会保险法", "中华人民共和国社会保险法 Article 30", "社会保险基金先行支付暂行办法",
        "社会保险基金先行支付暂行办法 Article 2", "社会保险基金先行支付暂行办法 Article 3"])
