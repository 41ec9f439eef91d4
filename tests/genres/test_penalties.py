"""Penalties as the Criminal Law has them, read from short verbatim excerpts of public texts (each source in a
comment): deprivation of political rights for a term or for life, confiscation of an amount or of all property,
each defendant's own penalty in a sentence for several, and a sentence for several crimes that keeps the
penalty of each crime beside the penalty to be served."""

from __future__ import annotations

from pathlib import Path

from conftest import node, objects, sentence_of
from legal_kg.graph import pipeline, rdf

# Supreme People's Court Gazette, 上海市人民检察院诉魏培明等人抢劫案: the party lines and the first-instance
# judgment of the Jiading District People's Court (17 July 2002) as the Gazette reports them
WEI = """上海市人民检察院诉魏培明等人抢劫案

公诉机关：上海市嘉定区人民检察院。

被告人：魏培明，男，32岁，河南省杞县邢口乡农民。2002年4月2日被逮捕。

被告人：岳向海，男，28岁，河南省唯县西陵镇农民。2002年4月2日被逮捕。

被告人：岳雷，男，23岁，河南省睢县西陵镇农民。2002年4月2日被逮捕。

综上，上海市嘉定区人民法院依照刑法第二百六十三条、第五十六条第一款、第五十五条第一款、第五十三条、第六十四条、第二十五条第一款的规定，于2002年7月17日判决：被告人魏培明犯抢劫罪，判处有期徒刑八年，剥夺政治权利二年，并处罚金人民币2000元；被告人岳向海犯抢劫罪，判处有期徒刑八年，剥夺政治权利二年，并处罚金人民币2000元；被告人岳雷犯抢劫罪，判处有期徒刑八年，剥夺政治权利二年，并处罚金人民币2000元；判决后，魏培明3人均服判，没有提出上诉。
"""
# the Beijing Chaoyang District People's Court's announcement of its judgment, 25 November 2022
WU = """吴亦凡强奸、聚众淫乱一案宣判

2022年11月25日上午，北京市朝阳区人民法院一审公开宣判被告人吴亦凡强奸、聚众淫乱案，对被告人吴亦凡以强奸罪判处有期徒刑十一年六个月，附加驱逐出境；以聚众淫乱罪判处有期徒刑一年十个月，数罪并罚，决定执行有期徒刑十三年，附加驱逐出境。
"""
# a report of 18 May 2021 on the Xining Intermediate People's Court's judgment on 任三动
REN = """任三动，男，1952年出生,1968年参加工作，1971年加入中国共产党。曾任青海省公安厅九处处长，省公安厅党委委员、副书记、副厅长（正厅级），2013年3月退休。
2021年5月18日，青海省西宁市中级人民法院以任三动犯受贿罪，判处有期徒刑三年六个月，犯巨额财产来源不明罪，判处有期徒刑五年，数罪并罚，决定执行有期徒刑七年。任三动当庭表示认罪认罚。
"""
# Chongqing Evening News, 11 June 2010 (news.163.com/10/0612/03/68USU60D000146BD.html)
CHONGQING = """重庆市政府给予文强行政开除处分

重庆晚报6月11日报道  昨日，市政府公众信息网发布消息称，经2010年5月13日市政府第70次常务会议通过，给予文强、陈洪刚二人行政开除处分。
今年4月14日，市第五中级人民法院以受贿罪，包庇、纵容黑社会性质组织罪，巨额财产来源不明罪，强奸罪数罪并罚判处文强死刑，剥夺政治权利终身，并处没收个人全部财产。5月21日，市高级人民法院对文强案二审宣判，依法驳回文强上诉，维持一审的死刑判决。
2月25日，市公安局交警总队原总队长陈洪刚受贿案在市第五中级人民法院一审宣判。陈洪刚因犯受贿，包庇、纵容黑社会性质组织，巨额财产来源不明，伪造居民身份证罪，数罪并罚，被判处有期徒刑20年，没收个人财产40万元人民币，追缴赃款326万余元及不明来源财产584万余元。记者 李伟
"""
# Hong Kong Free Press, 18 June 2020 (hongkongfp.com/2020/06/18/china-human-rights-lawyer-yu-wensheng-jailed-for-4-
# years-over-inciting-subversion/)
YU = """China human rights lawyer Yu Wensheng jailed for 4 years over 'inciting subversion'

China human rights lawyer Yu Wensheng has been sentenced to four years imprisonment and deprivation of political rights for three years following a conviction for “inciting subversion of state power.”
"""


def build(tmp_path: Path, name: str, text: str):
    path = tmp_path / f"{name}.txt"
    path.write_text(text, encoding="utf-8")
    return pipeline.build([path])


def penalties(kg, sentence) -> dict[str, object]:
    names = ("imprisonmentMonths", "fineYuan", "politicalRightsMonths", "politicalRightsForLife", "confiscationYuan",
             "confiscatesAllProperty")
    return {p: v for p in names if (v := objects(kg, sentence, p))}


def test_each_defendant_s_penalty_with_deprivation_of_political_rights(tmp_path):
    kg = build(tmp_path, "wei", WEI)
    people = sorted(n.zh_label for n in kg.nodes.values() if n.cls == "Person")
    assert people == ["岳向海", "岳雷", "魏培明"]  # "被告人：岳向海": not the segmenter's 向海
    for name in people:
        sentence = sentence_of(kg, node(kg, name, "Person"))
        assert penalties(kg, sentence) == {"imprisonmentMonths": [96], "fineYuan": [2000], "politicalRightsMonths": [24]}
        assert objects(kg, sentence, "convictedOf") == ["robbery"]
    # each penalty's evidence is its defendant's own clause
    quotes = {st.evidence[0].quote for st in kg.statements if st.predicate == "politicalRightsMonths"}
    assert quotes == {f"被告人{n}犯抢劫罪，判处有期徒刑八年，剥夺政治权利二年，并处罚金人民币2000元；" for n in ("岳向海", "岳雷")} | {
        WEI[WEI.index("综上"):WEI.index("；被告人岳向海") + 1]}


def test_a_sentence_for_two_crimes_keeps_each_crime_s_penalty(tmp_path):
    kg = build(tmp_path, "wu", WU)
    whole = sentence_of(kg, node(kg, "吴亦凡", "Person"))
    assert penalties(kg, whole) == {"imprisonmentMonths": [156]}  # 决定执行有期徒刑十三年
    assert objects(kg, whole, "convictedOf") == ["group licentiousness", "rape"]
    parts = {n.label: n for n in kg.nodes.values() if n.cls == "Sentence" and n is not whole}
    assert objects(kg, whole, "combines") == sorted(parts) == ["Sentence of Wu Yifan for group licentiousness",
                                                               "Sentence of Wu Yifan for rape"]
    assert [(objects(kg, p, "convictedOf"), penalties(kg, p)) for _label, p in sorted(parts.items())] == [
        (["group licentiousness"], {"imprisonmentMonths": [22]}), (["rape"], {"imprisonmentMonths": [138]})]
    assert all(objects(kg, p, "sentenceOf") == [] for p in parts.values())  # the person's sentence is the whole

    kg = build(tmp_path, "ren", REN)  # "以任三动犯受贿罪，判处有期徒刑三年六个月，犯巨额财产来源不明罪，判处有期徒刑五年"
    whole = sentence_of(kg, node(kg, "任三动", "Person"))
    assert penalties(kg, whole) == {"imprisonmentMonths": [84]}
    parts = [kg.nodes[str(st.obj)] for st in kg.statements if st.subject == whole.iri and st.predicate == "combines"]
    assert sorted((objects(kg, p, "convictedOf")[0], objects(kg, p, "imprisonmentMonths")) for p in parts) == [
        ("accepting bribes", [42]), ("possessing a huge amount of property from unidentified sources", [60])]


def test_deprivation_for_life_and_confiscation(tmp_path):
    kg = build(tmp_path, "chongqing", CHONGQING)
    wen = sentence_of(kg, node(kg, "文强", "Person"))
    assert penalties(kg, wen) == {"politicalRightsForLife": [True], "confiscatesAllProperty": [True]}  # 死刑: no term
    chen = sentence_of(kg, node(kg, "陈洪刚", "Person"))
    assert penalties(kg, chen) == {"imprisonmentMonths": [240], "confiscationYuan": [400000]}  # not a fine
    ttl = "".join(rdf.turtle_chunks(kg))  # an xsd:boolean is written "true"
    assert f"{rdf.Ids(kg.base)(wen.iri)} a kg:Sentence ;" in ttl and '\tkg:confiscatesAllProperty "true"^^xsd:boolean ;' in ttl


def test_a_lawyer_who_is_sentenced_and_the_term_of_his_political_rights(tmp_path):
    kg = build(tmp_path, "yu", YU)
    sentence = sentence_of(kg, node(kg, "Yu Wensheng", "Person"))
    assert penalties(kg, sentence) == {"imprisonmentMonths": [48], "politicalRightsMonths": [36]}
