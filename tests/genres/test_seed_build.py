"""Exact facts of the shipped seed corpus."""

from __future__ import annotations

from conftest import node, objects, sentenced

DUAN = "First Instance Judgment in a Case of Duan Zheng's Illegal Possession of Materials Promoting Terrorism and Extremism"
HUANG = "Judgment in the Case of Huang Shike's Illegal Use of Internet Information"
PA = "Provisions on the Administration of Internet Public Account Information Services"
GROUP = "Provisions on the Administration of Internet Group Information Services"
CRIMINAL_LAW = "Criminal Law of the People's Republic of China"


def test_documents_and_genres(seed_kg):
    docs = sorted((d.first_line, d.genre) for d in seed_kg.documents)
    assert docs == [(1, "Regulation"), (94, "Regulation"), (174, "NewsReport"), (193, "Judgment"),
                    (309, "NewsReport"), (324, "Judgment"), (404, "Judgment")]


def test_regulation_articles_in_both_languages(seed_kg):
    for title, count in ((PA, 18), (GROUP, 15)):
        doc = node(seed_kg, title, "Regulation")
        own = [seed_kg.nodes[st.subject] for st in seed_kg.statements
               if st.predicate == "partOf" and st.obj == doc.iri]
        assert sorted(n.props["lang"] for n in own).count("en") == count
        assert sorted(n.props["lang"] for n in own).count("zh") == count
        linked = [st for st in seed_kg.statements if st.predicate == "translation"
                  and seed_kg.nodes[st.subject] in own]
        assert len(linked) == count


def test_regulation_header_facts(seed_kg):
    doc = node(seed_kg, PA, "Regulation")
    assert objects(seed_kg, doc, "issuedBy") == ["Cyberspace Administration of China"]
    assert objects(seed_kg, doc, "issuedOn") == ["2017-09-07"]
    assert objects(seed_kg, doc, "effectiveFrom") == ["2017-10-08"]
    assert objects(seed_kg, doc, "appliesTo") == ["Internet public account information services"]
    assert objects(seed_kg, doc, "cites") == [
        "Cybersecurity Law of the People's Republic of China",
        "State Council Notice Regarding Authorizing the Cyberspace Administration of China to Assume "
        "Responsibility for the Management of Internet Information Content"]


def test_statute_in_english_and_chinese_is_one_node(seed_kg):
    csl = node(seed_kg, "Cyber Security Law of the People's Republic of China", "Statute")
    assert node(seed_kg, "中华人民共和国网络安全法", "Statute") is csl
    notice = node(seed_kg, "国务院关于授权国家互联网信息办公室负责互联网信息内容管理工作的通知", "Statute")
    assert notice.label.startswith("State Council Notice Regarding Authorizing")


def test_duan_conviction(seed_kg):
    duan = node(seed_kg, "Duan Zheng", "Person")
    assert {"Duan", "Duang Zheng"} <= {t for t, _ in duan.alt_labels}
    assert sentenced(seed_kg, duan, "convictedOf") == ["illegal possession of materials promoting terrorism and extremism"]
    assert f"{CRIMINAL_LAW} Article 120-6" in sentenced(seed_kg, duan, "convictedUnder")
    assert sentenced(seed_kg, duan, "imprisonmentMonths") == [7]
    assert sentenced(seed_kg, duan, "fineYuan") == [1000]
    assert objects(seed_kg, duan, "usedPlatform") == ["Baidu NetDisk", "Doujia VPN", "theYNC"]


def test_duan_judgment(seed_kg):
    j = node(seed_kg, DUAN, "Judgment")
    assert objects(seed_kg, j, "decidedBy") == ["First Intermediate People's Court of Beijing"]
    assert objects(seed_kg, j, "prosecutedBy") == ["First Division of the Beijing People's Procuratorate"]
    assert objects(seed_kg, j, "defendant") == ["Duan Zheng"]
    assert objects(seed_kg, j, "defenseCounsel") == ["Liu Ze"]
    assert objects(seed_kg, j, "judge") == ["Tian Zhimei", "Xiang Yang", "Zheng Wenwei"]
    assert objects(seed_kg, j, "clerk") == ["Deng Fei", "Wang Jingyan"]
    assert objects(seed_kg, j, "decidedOn") == ["2017-08-25"]
    assert objects(seed_kg, j, "caseNumber") == ["(2017) Jing 01 Criminal First No. 69"]
    liu = node(seed_kg, "Liu Ze", "Person")
    assert objects(seed_kg, liu, "memberOf") == ["Beijing Jingda Law Firm"]
    # "Defendant Duan Zheng, male, ..." / "Defense counsel Liu Ze of the Beijing Jingda Law Firm."
    assert objects(seed_kg, liu, "represents") == ["Duan Zheng"]


def test_chinese_signature_block_joins_english_names(seed_kg):
    assert node(seed_kg, "郑文伟", "Person").label == "Zheng Wenwei"
    assert node(seed_kg, "莫扎帕尔", "Person").label == "Mozhapaer"
    assert node(seed_kg, "洪流", "Person").label == "Hong Liu"


def test_cited_articles_are_shared_across_documents(seed_kg):
    art = node(seed_kg, f"{CRIMINAL_LAW} Article 120-6", "Article")
    assert {"Article 120-6", "第一百二十条之六"} <= {t for t, _ in art.alt_labels}
    assert objects(seed_kg, art, "partOf") == [CRIMINAL_LAW]
    citing = sorted(seed_kg.nodes[st.subject].cls for st in seed_kg.statements
                    if st.predicate == "cites" and st.obj == art.iri)
    assert citing == ["Judgment", "NewsReport"]
    assert node(seed_kg, "Article 287 (1)(i)(a) and (c)", "Article").label == f"{CRIMINAL_LAW} Article 287-1"


def test_appeal(seed_kg):
    j = node(seed_kg, HUANG, "Judgment")
    first = node(seed_kg, "(2016) Xin 4021 Criminal First No. 388", "Judgment")
    assert objects(seed_kg, j, "appealOf") == [first.label]
    assert objects(seed_kg, first, "decidedBy") == ["Yining County People's Court"]
    assert objects(seed_kg, first, "decidedOn") == ["2016-12-12"]
    assert objects(seed_kg, first, "prosecutedBy") == ["Yining County People's Procuratorate"]
    huang = node(seed_kg, "Huang Shike", "Person")
    assert sentenced(seed_kg, huang, "imprisonmentMonths") == [24]
    assert sentenced(seed_kg, huang, "convictedUnder") == [f"{CRIMINAL_LAW} Article 287-1"]
    assert objects(seed_kg, huang, "usedPlatform") == ["WeChat"]


def test_platforms_and_operators(seed_kg):
    wechat = node(seed_kg, "Weixin", "Platform")
    assert wechat.label == "WeChat"
    assert len([n for n in seed_kg.nodes.values() if n.cls == "Platform"]) == 7
    assert objects(seed_kg, wechat, "operatedBy") == ["Tencent"]
    assert objects(seed_kg, node(seed_kg, "Baidu NetDisk", "Platform"), "operatedBy") == ["Baidu"]


def test_news_reports_on_judgments(seed_kg):
    news = node(seed_kg, "Man Jailed Seven Months for Saving ISIS Videos on Phone and Baidu Cloud Storage", "NewsReport")
    assert objects(seed_kg, news, "reportsOn") == [DUAN]
    news = node(seed_kg, "Man Jailed for Providing Islamic Instruction on Tencent’s WeChat Messaging Service",
                "NewsReport")
    assert objects(seed_kg, news, "reportsOn") == [HUANG]


def test_counts(seed_kg):
    summary = seed_kg.summary()
    assert summary["documents"] == {"Judgment": 3, "NewsReport": 2, "Regulation": 2}
    assert summary["entities"]["Person"] == 16
    assert summary["entities"]["Court"] == 5
    assert summary["entities"]["Statute"] == 5
    assert summary["relations"]["judge"] == 6
