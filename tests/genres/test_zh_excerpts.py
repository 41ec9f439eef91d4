"""Chinese judgments and laws read from short verbatim excerpts of public texts (each source in a comment)."""

from __future__ import annotations

from legal_kg.graph import pipeline

# 陕西省合阳县人民法院 执行裁定书 （2020）陕0524执63号之一, China Judgements Online doc_id
# 321e184f551b483d88c5ac9c0117ee5d, published as one run of text (its full_text as a public code comment quotes it):
# the articles it appends after the clerk's name, one after the other
HEYANG = ("陕西省合阳县人民法院执 行 裁 定 书(2020)陕0524执63号之一被执行人庾海莹，女性，住甘井镇。本院依据已经发生法律效力的"
          "合阳县人民法院(2020)陕0524执63号之二裁定书，2020年03月31日向被执行人庾海莹发出执行通知书，责令被执行人接到通知后"
          "日内履行上述法律文书确定的义务，但被执行人庾海莹至今未履行。依照《中华人民共和国民事诉讼法》第二百四十二条的规定，"
          "裁定如下：扣划被执行人庾海莹在中国邮政储蓄银行6217997900104459706账户内存款人民币3650.00元。本裁定立即执行。"
          "审判员 雷 宏二〇二〇年七月二十一日书记员 王富民附相关法律条文：《中华人民共和国民事诉讼法》第二百四十二条被执行人"
          "未按执行通知书履行法律文书确定的义务，人民法院有权向有关单位查询被执行人的存款、债券、股票、基金份额等财产情况。"
          "人民法院有权根据不同情形扣押、冻结、划拨、变价被执行人财产。人民法院查询、扣押、冻结、划拨、变价的财产不得超出"
          "被执行人应当履行义务的范围。人民法院决定扣押、冻结、划拨、变价财产，应当作出裁定，并发出协助执行通知书，有关单位"
          "必须办理。第二百四十四条被执行人未按执行通知书履行法律文书确定的义务，人民法院有权查封、扣押、冻结、拍卖、变卖"
          "被执行人应当履行义务部分的财产。但应当保留被执行人及其所养家属的生活必需品。采取前款措施，人民法院应当作出裁定。\n")


def test_the_articles_a_judgment_appends_are_their_text(tmp_path):
    path = tmp_path / "heyang.txt"
    path.write_text(HEYANG, encoding="utf-8")
    kg = pipeline.build([path])
    articles = {n.props["number"]: n for n in kg.nodes.values() if n.cls == "Article"}
    assert sorted(articles) == ["242", "244"]
    assert articles["242"].props["text"].startswith("第二百四十二条被执行人未按执行通知书履行")
    assert articles["242"].props["text"].endswith("有关单位必须办理。")
    assert articles["244"].props["text"].startswith("第二百四十四条被执行人")
    assert articles["244"].props["text"].endswith("人民法院应当作出裁定。")
    assert {n.props.get("lang") for n in articles.values()} == {"zh"}
    # the article the ruling applies in its text is the one appended, with its mentions in both places
    assert len(articles["242"].evidence) == 2


def test_a_ruling_published_as_one_run_of_text_has_its_title_number_and_bench(tmp_path):
    path = tmp_path / "heyang.txt"
    path.write_text(HEYANG, encoding="utf-8")
    kg = pipeline.build([path])
    (ruling,) = kg.document_nodes()
    assert ruling.label == "陕西省合阳县人民法院执行裁定书"  # its kind's characters spaced out in the text
    facts = {(st.predicate, st.obj if st.literal else kg.nodes[st.obj].label) for st in kg.statements
             if st.subject == ruling.iri}
    assert {("caseNumber", "(2020)陕0524执63号之一"), ("decidedOn", "2020-07-21"), ("judge", "Lei Hong"),
            ("clerk", "Wang Fumin")} <= facts
    (judge,) = [n for n in kg.nodes.values() if n.label == "Lei Hong"]
    assert judge.zh_label == "雷宏" and judge.alt_labels == {("雷宏", "zh")}


# LawRefBook/Laws, 刑法/刑法修正案（十二）(2023-12-29).md: its head, items 一 and 四 and its last item (items 二, 三 and
# 五 to 七 left out)
AMENDMENT_XII = """# 中华人民共和国刑法修正案（十二）

2023年12月29日 第十四届全国人民代表大会常务委员会第七次会议通过

<!-- INFO END -->


一、在刑法第一百六十五条中增加一款作为第二款，将该条修改为：“国有公司、企业的董事、监事、高级管理人员，利用职务便利，自己经营或者为他人经营与其所任职公司、企业同类的营业，获取非法利益，数额巨大的，处三年以下有期徒刑或者拘役，并处或者单处罚金；数额特别巨大的，处三年以上七年以下有期徒刑，并处罚金。

“其他公司、企业的董事、监事、高级管理人员违反法律、行政法规规定，实施前款行为，致使公司、企业利益遭受重大损失的，依照前款的规定处罚。”

四、将刑法第三百八十七条第一款修改为：“国家机关、国有公司、企业、事业单位、人民团体，索取、非法收受他人财物，为他人谋取利益，情节严重的，对单位判处罚金，并对其直接负责的主管人员和其他直接责任人员，处三年以下有期徒刑或者拘役；情节特别严重的，处三年以上十年以下有期徒刑。”

八、本修正案自2024年3月1日起施行。
"""
# the item of 刑法修正案（十一） (2020) that adds an article after another: the article it names for a place is
# not amended
AMENDMENT_XI_ITEM = "二、在刑法第一百三十四条后增加一条，作为第一百三十四条之一："


def test_an_amendment_titled_by_its_law_amends_the_law_and_the_articles_its_items_name(tmp_path):
    path = tmp_path / "amendment-12.md"
    path.write_text(AMENDMENT_XII.replace("八、", AMENDMENT_XI_ITEM + "\n\n八、"), encoding="utf-8")
    kg = pipeline.build([path])
    (amendment,) = kg.document_nodes()
    assert amendment.label == "中华人民共和国刑法修正案（十二）"
    amended = sorted(kg.nodes[st.obj].props.get("number", kg.nodes[st.obj].label) for st in kg.statements
                     if st.subject == amendment.iri and st.predicate == "amends")
    assert amended == ["134-1", "165", "387", "Criminal Law of the People's Republic of China"]
    facts = {(st.predicate, st.obj) for st in kg.statements if st.subject == amendment.iri and st.literal}
    assert {("issuedOn", "2023-12-29"), ("effectiveFrom", "2024-03-01")} <= facts
