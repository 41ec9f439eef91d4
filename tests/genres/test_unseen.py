"""A second-instance judgment, a news report on it and a Chinese-only regulation that the seed does not hold."""

from __future__ import annotations

from conftest import DATA, node, objects, sentence_of, sentenced

APPEAL = "Second Instance Judgment in the Case of Zhang Wei's Picking Quarrels and Provoking Trouble"
CRIMINAL_LAW = "Criminal Law of the People's Republic of China"


def party(kg, judgment, name: str):
    """The defendant of this judgment who bears this name (anonymised names recur across files)."""
    (found,) = [kg.nodes[st.obj] for st in kg.statements
                if st.subject == judgment.iri and st.predicate == "defendant" and kg.nodes[st.obj].label == name]
    return found


def test_second_instance_judgment(data_kg):
    j = node(data_kg, APPEAL, "Judgment")
    assert objects(data_kg, j, "decidedBy") == ["Shenzhen Intermediate People's Court"]
    assert objects(data_kg, j, "caseNumber") == ["(2019) Yue 03 Criminal Final No. 1234"]
    assert objects(data_kg, j, "decidedOn") == ["2019-12-30"]
    assert objects(data_kg, j, "prosecutedBy") == ["Futian District People's Procuratorate of Shenzhen"]
    assert objects(data_kg, j, "judge") == ["Li Na", "Zhou Jie"]
    assert objects(data_kg, j, "clerk") == ["Sun Li"]
    assert objects(data_kg, j, "defenseCounsel") == ["Chen Ming"]
    first = node(data_kg, "(2018) Yue 0304 Criminal First No. 567", "Judgment")
    assert objects(data_kg, j, "appealOf") == [first.label]
    assert objects(data_kg, first, "decidedBy") == ["Futian District People's Court of Shenzhen"]
    assert objects(data_kg, first, "decidedOn") == ["2018-11-20"]
    assert objects(data_kg, first, "defendant") == ["Zhang Wei"]


def test_sentence_in_years_and_months_and_fine(data_kg):
    zhang = node(data_kg, "Zhang Wei", "Person")
    assert sentenced(data_kg, zhang, "imprisonmentMonths") == [18]
    assert sentenced(data_kg, zhang, "fineYuan") == [5000]
    assert sentenced(data_kg, zhang, "convictedOf") == ["picking quarrels and provoking trouble"]
    assert sentenced(data_kg, zhang, "convictedUnder") == [f"{CRIMINAL_LAW} Article 293", f"{CRIMINAL_LAW} Article 64"]
    assert objects(data_kg, zhang, "usedPlatform") == ["Telegram", "Twitter", "Weibo"]
    assert "Zhang" in {t for t, _ in zhang.alt_labels}


def test_chinese_signature_block_romanised(data_kg):
    assert node(data_kg, "李娜", "Person").label == "Li Na"
    assert node(data_kg, "孙丽", "Person").label == "Sun Li"


def test_court_named_with_and_without_province_is_one(data_kg):
    court = node(data_kg, "Guangdong Province Shenzhen Intermediate People's Court", "Court")
    assert court.label == "Shenzhen Intermediate People's Court"  # the form most mentions take
    assert objects(data_kg, node(data_kg, SHENZHEN, "Judgment"), "decidedBy") == [court.label]
    assert sorted(objects(data_kg, court, "locatedIn")) == ["Guangdong", "Shenzhen"]


def test_news_report_on_the_appeal(data_kg):
    news = node(data_kg, "Shenzhen Blogger's Sentence Upheld on Appeal", "NewsReport")
    assert objects(data_kg, news, "reportsOn") == [APPEAL]
    assert f"{CRIMINAL_LAW} Article 293" in objects(data_kg, news, "cites")


def test_chinese_only_regulation(data_kg):
    reg = node(data_kg, "网络直播营销服务管理办法", "Regulation")
    assert objects(data_kg, reg, "issuedBy") == ["Cyberspace Administration of China", "Ministry of Public Security"]
    assert objects(data_kg, reg, "issuedOn") == ["2021-04-23"]
    assert objects(data_kg, reg, "effectiveFrom") == ["2021-05-25"]
    assert objects(data_kg, reg, "appliesTo") == ["网络直播营销服务"]
    assert objects(data_kg, reg, "cites") == [
        CRIMINAL_LAW, f"{CRIMINAL_LAW} Article 287-1", "Cybersecurity Law of the People's Republic of China",
        "E-Commerce Law of the People's Republic of China",
        "Measures for the Administration of Internet Information Services"]
    own = [st for st in data_kg.statements if st.predicate == "partOf" and st.obj == reg.iri]
    assert len(own) == 3


WUHAN = "Chen Guang's Case of Picking Quarrels and Provoking Trouble"


def test_other_phrasings_of_a_judgment(data_kg):
    j = node(data_kg, WUHAN, "Judgment")
    assert objects(data_kg, j, "caseNumber") == ["(2020) E 01 Xing Chu No. 45"]
    assert objects(data_kg, j, "prosecutedBy") == ["Wuhan People's Procuratorate"]
    assert objects(data_kg, j, "defenseCounsel") == ["Zhao Lei"]
    assert objects(data_kg, j, "judge") == ["Chen Hong", "Li Ming", "Wang Fang"]
    assert objects(data_kg, j, "clerk") == ["Zhou Xue"]
    assert objects(data_kg, j, "decidedOn") == ["2020-12-15"]
    assert objects(data_kg, node(data_kg, "Zhao Lei", "Person", "wuhan.txt"), "memberOf") == ["Hubei Yingke Law Firm"]
    chen = node(data_kg, "Chen Guang", "Person")
    assert sentenced(data_kg, chen, "imprisonmentMonths") == [48]
    assert sentenced(data_kg, chen, "convictedUnder") == [f"{CRIMINAL_LAW} Article 293", f"{CRIMINAL_LAW} Article 64"]
    assert "Article 64" in {t for t, _ in node(data_kg, f"{CRIMINAL_LAW} Article 64", "Article").alt_labels}


def test_court_with_its_province_after_is_the_court(data_kg):
    court = node(data_kg, "Wuhan Intermediate People's Court", "Court")
    assert node(data_kg, "Wuhan Intermediate People's Court of Hubei Province", "Court") is court


def test_news_names_the_sentenced_activist(data_kg):
    news = node(data_kg, "Activist Sentenced to Four Years for WeChat Posts", "NewsReport")
    assert objects(data_kg, news, "reportsOn") == [WUHAN]


def test_regulation_with_promulgation_header(data_kg):
    reg = node(data_kg, "Provisions on the Management of Internet User Account Information", "Regulation")
    assert objects(data_kg, reg, "issuedOn") == ["2022-06-27"]
    assert objects(data_kg, reg, "effectiveFrom") == ["2022-08-01"]
    assert objects(data_kg, reg, "issuedBy") == ["Cyberspace Administration of China"]
    assert objects(data_kg, reg, "appliesTo") == ["Internet user account information services"]


def test_inserted_articles_of_a_chinese_law_are_their_own_articles(tmp_path):
    from graph import pipeline

    (tmp_path / "law.md").write_text("# 中华人民共和国刑法修正案节选\n\n2015年8月29日 全国人民代表大会常务委员会通过\n\n"
                                     "<!-- INFO END -->\n\n第一百二十条 组织恐怖组织的，处十年以上有期徒刑。\n\n"
                                     "第一百二十条之一 资助恐怖活动的，处五年以下有期徒刑。\n\n"
                                     "第一百二十条之六 明知是宣扬恐怖主义的物品而非法持有的，处三年以下有期徒刑。\n",
                                     encoding="utf-8")
    kg = pipeline.build([tmp_path])
    own = sorted(n.props["number"] for n in kg.nodes.values() if n.cls == "Article")
    assert own == ["120", "120-1", "120-6"]
    reg = node(kg, "中华人民共和国刑法修正案节选", "Regulation")
    assert objects(kg, reg, "issuedBy") == ["Standing Committee of the National People's Congress"]
    assert objects(kg, reg, "issuedOn") == ["2015-08-29"]


CHAOYANG = "Criminal Ruling of the Beijing Chaoyang District People's Court in the Case of Defendant Zhou Hua"


def test_header_in_one_sentence(data_kg):
    reg = node(data_kg, "Provisions on the Administration of Internet Comment Posting Services", "Regulation")
    assert objects(data_kg, reg, "issuedBy") == ["Cyberspace Administration of China"]
    assert objects(data_kg, reg, "issuedOn") == ["2017-08-25"]
    assert objects(data_kg, reg, "effectiveFrom") == ["2017-10-01"]
    decision = node(data_kg, "全国人民代表大会常务委员会关于加强网络信息保护的决定", "Statute")
    assert decision.label.startswith("Decision of the Standing Committee of the National People's Congress")


def test_paragraphs_lower_case_roles_and_a_firm_after_a_comma(data_kg):
    j = node(data_kg, CHAOYANG, "Judgment")
    assert objects(data_kg, j, "judge") == ["Liu Ying", "Qian Lu", "Zhang Min"]
    assert objects(data_kg, j, "clerk") == ["Ma Jun"]
    zhou = node(data_kg, "Zhou Hua", "Person")
    assert sentenced(data_kg, zhou, "convictedUnder") == [f"{CRIMINAL_LAW} Article 253-1", f"{CRIMINAL_LAW} Article 67"]
    assert sentenced(data_kg, zhou, "imprisonmentMonths") == [42]
    assert sentenced(data_kg, zhou, "fineYuan") == [20000]
    assert objects(data_kg, node(data_kg, "Gu Qing", "Person"), "memberOf") == ["Beijing Dacheng Law Firm"]


def test_glossed_names_and_the_city_a_court_serves(data_kg):
    xu = node(data_kg, "许志永", "Person")
    assert xu.label == "Xu Zhiyong"
    assert node(data_kg, "丁家喜", "Person").label == "Ding Jiaxi"
    court = node(data_kg, "Linyi Intermediate People's Court", "Court")
    assert objects(data_kg, court, "locatedIn") == ["Linyi", "Shandong"]  # "... Court in Shandong Province"
    reg = node(data_kg, "Provisions on the Governance of the Online Information Content Ecosystem", "Regulation")
    assert (objects(data_kg, reg, "issuedOn"), objects(data_kg, reg, "effectiveFrom")) == (["2019-12-15"],
                                                                                          ["2020-03-01"])


def test_issued_by_an_order_with_a_dateline(data_kg):
    reg = node(data_kg, "Provisions on Mobile Internet Application Information Services", "Regulation")
    assert objects(data_kg, reg, "issuedBy") == ["Cyberspace Administration of China"]
    assert objects(data_kg, reg, "issuedOn") == ["2016-06-28"]
    assert objects(data_kg, reg, "effectiveFrom") == ["2016-08-01"]
    assert not [n for n in data_kg.nodes.values() if "Order" in n.label and n.cls == "Agency"]


GUANGZHOU = "Criminal Judgment of the Tianhe District People's Court of Guangzhou Municipality, Guangdong Province"
INTERPRETATION = ("Interpretation of the Supreme People's Court and the Supreme People's Procuratorate on Several Issues "
                  "Concerning the Application of Law in Handling Criminal Cases of Defamation Using Information Networks")


def test_unquoted_interpretation_and_an_article_with_paragraph_and_item(data_kg):
    j = node(data_kg, GUANGZHOU, "Judgment")
    assert objects(data_kg, j, "cites") == [CRIMINAL_LAW, f"{CRIMINAL_LAW} Article 293", INTERPRETATION,
                                            f"{INTERPRETATION} Article 5"]
    article = node(data_kg, f"{CRIMINAL_LAW} Article 293", "Article")
    assert "Article 293, Paragraph 1, Item 4" in {t for t, _ in article.alt_labels}
    assert objects(data_kg, node(data_kg, f"{INTERPRETATION} Article 5", "Article"), "partOf") == [INTERPRETATION]
    chen = node(data_kg, "Chen Xiaoming", "Person")
    assert sentenced(data_kg, chen, "convictedUnder") == [f"{CRIMINAL_LAW} Article 293"]
    assert sentenced(data_kg, chen, "imprisonmentMonths") == [18]
    assert objects(data_kg, j, "caseNumber") == ["(2019) Yue 0106 Xing Chu No. 1234"]


def test_short_form_of_a_body_and_a_municipality_are_the_named_ones(data_kg):
    j = node(data_kg, GUANGZHOU, "Judgment")
    long_form = "Tianhe District People's Procuratorate of Guangzhou Municipality"
    assert objects(data_kg, j, "prosecutedBy") == [long_form]
    assert node(data_kg, "Tianhe District People's Procuratorate", "Agency").label == long_form
    guangzhou = node(data_kg, "Guangzhou Municipality", "Location")
    assert guangzhou.label == "Guangzhou"
    assert sorted(objects(data_kg, node(data_kg, long_form, "Agency"), "locatedIn")) == ["Guangzhou", "Tianhe District"]


def test_news_report_with_a_byline_and_an_age_after_the_name(data_kg):
    news = node(data_kg, "Guangzhou Man Jailed for 18 Months Over Tweets Criticizing Leaders", "NewsReport")
    assert objects(data_kg, news, "reportsOn") == [GUANGZHOU]
    assert not [n for n in data_kg.nodes.values() if n.label == "By Staff Reporter"]
    chen = node(data_kg, "Chen Xiaoming", "Person")
    assert {ev.document for ev in chen.evidence} == {news.iri, node(data_kg, GUANGZHOU, "Judgment").iri}


def test_a_ruling_that_opens_with_its_court_and_pinyin_case_numbers(data_kg):
    ruling = node(data_kg, "Tianjin Municipal No. 2 Intermediate People's Court", "Judgment")
    assert objects(data_kg, ruling, "caseNumber") == ["(2020) Jin 02 Xing Zhong No. 88"]
    assert objects(data_kg, ruling, "decidedBy") == ["Tianjin Municipal No. 2 Intermediate People's Court"]
    assert objects(data_kg, ruling, "decidedOn") == ["2020-06-18"]
    first = node(data_kg, "(2020) Jin 0103 Xing Chu No. 12", "Judgment")
    assert objects(data_kg, ruling, "appealOf") == [first.label]
    assert objects(data_kg, first, "decidedBy") == ["Hexi District People's Court of Tianjin Municipality"]
    assert objects(data_kg, first, "defendant") == ["Zhao Hongwei"]
    assert objects(data_kg, ruling, "judge") == ["Gao Feng", "Lin Yan", "Xu Ming"]
    prosecutor = node(data_kg, "Tianjin Municipal People's Procuratorate", "Agency")
    assert objects(data_kg, prosecutor, "locatedIn") == ["Tianjin"]
    assert not [n for n in data_kg.nodes.values() if n.label == "Tianjin Municipal"]


def test_a_judgment_whose_title_names_its_court(data_kg):
    assert objects(data_kg, node(data_kg, GUANGZHOU, "Judgment"), "decidedBy") == [
        "Tianhe District People's Court of Guangzhou Municipality"]


def test_numbered_operative_items_with_a_holding_before_them(data_kg):
    j = node(data_kg, "Judgment in the Case of Li Mou's Crime of Assisting Information Network Criminal Activities",
             "Judgment")
    assert objects(data_kg, j, "defendant") == ["Li Mou", "Wang Moumou"]
    assert objects(data_kg, j, "judge") == ["He Yun", "Qian Wei", "Zhu Fang"]
    for name, months, fine in (("Li Mou", 8, 5000), ("Wang Moumou", 6, 3000)):
        person = party(data_kg, j, name)
        assert sentenced(data_kg, person, "convictedOf") == ["assisting criminal activities on information networks"]
        assert sentenced(data_kg, person, "convictedUnder") == [f"{CRIMINAL_LAW} Article 287-2"]
        assert sentenced(data_kg, person, "imprisonmentMonths") == [months]
        assert sentenced(data_kg, person, "fineYuan") == [fine]


def test_a_negated_holding_convicts_nobody(seed_kg):
    huang = node(seed_kg, "Huang Shike", "Person")
    assert sentenced(seed_kg, huang, "convictedOf") == ["illegal use of information networks"]


def test_places_named_one_inside_another(data_kg):
    court = node(data_kg, "Jiangsu Province Wuxi City Binhu District People's Court", "Court")
    assert sorted(objects(data_kg, court, "locatedIn")) == ["Binhu District", "Jiangsu", "Wuxi City"]
    assert not [n for n in data_kg.nodes.values() if n.label.startswith("Province ")]


def test_news_names_rules_by_their_unquoted_title(data_kg):
    news = node(data_kg, "China's Internet Regulator Tightens Rules on Deep Synthesis Technology", "NewsReport")
    assert objects(data_kg, news, "cites") == [
        "Cybersecurity Law of the People's Republic of China",
        "Personal Information Protection Law of the People's Republic of China",
        "Provisions on the Administration of Deep Synthesis Internet Information Services"]
    assert not [n for n in data_kg.nodes.values() if n.label == "Rules on Deep Synthesis Technology"]
    # the rules are one of the documents: the report cites that document, not a statute of the same name
    cited = [st.obj for st in data_kg.statements if st.subject == news.iri and st.predicate == "cites"]
    assert node(data_kg, "Provisions on the Administration of Deep Synthesis Internet Information Services",
                "Regulation").iri in cited
    assert not [n for n in data_kg.nodes.values() if n.cls == "Statute" and "Deep Synthesis" in n.label]


def test_a_regulation_printed_after_its_order(data_kg):
    reg = node(data_kg, "Provisions on the Governance of Online Audio and Video Information Services", "Regulation")
    assert reg.document.first_line == 1
    assert objects(data_kg, reg, "issuedBy") == ["Cyberspace Administration of China"]
    assert objects(data_kg, reg, "effectiveFrom") == ["2020-01-01"]
    assert objects(data_kg, reg, "cites") == ["Cybersecurity Law of the People's Republic of China",
                                              "Cybersecurity Law of the People's Republic of China Article 12",
                                              "Law of the People's Republic of China on the Protection of Minors"]
    # the service its title names ("Governance of" aside) is the one its articles name
    assert objects(data_kg, reg, "appliesTo") == ["online audio and video information services"]


PUDONG = "Criminal Judgment of the People's Court of Pudong New Area, Shanghai"


def test_a_court_named_people_s_court_of_a_place(data_kg):
    j = node(data_kg, PUDONG, "Judgment")
    assert objects(data_kg, j, "decidedBy") == ["People's Court of Pudong New Area"]
    court = node(data_kg, "People's Court of Pudong New Area", "Court")
    assert objects(data_kg, court, "locatedIn") == ["Pudong New Area", "Shanghai"]  # "..., Shanghai"
    # "Shanghai Municipal" beside the district adds nothing: the report's short form is the same body
    proc = node(data_kg, "Pudong New Area People's Procuratorate", "Agency")
    assert proc.label == "Shanghai Municipal Pudong New Area People's Procuratorate"
    assert objects(data_kg, j, "prosecutedBy") == [proc.label]
    assert objects(data_kg, proc, "locatedIn") == ["Pudong New Area", "Shanghai"]
    assert not [n for n in data_kg.nodes.values() if n.label == "New Area"]
    assert j.iri in {ev.document for ev in node(data_kg, "Wenzhou", "Location").evidence}  # "born ... in Wenzhou"
    assert objects(data_kg, j, "judge") == ["Sun Jianguo", "Wang Li", "Zhou Hong"]
    assert objects(data_kg, j, "clerk") == ["He Xiaomei", "Qian Yu"]
    # "He was criminally detained": the pronoun, not He Xiaomei
    assert node(data_kg, "He Xiaomei", "Person").alt_labels == set()
    chen = node(data_kg, "Chen Moumou", "Person")
    assert (sentenced(data_kg, chen, "imprisonmentMonths"), sentenced(data_kg, chen, "fineYuan")) == ([38], [40000])


def test_news_names_the_defendant_by_a_finding_and_an_age_and_an_operator_after_a_comma(data_kg):
    news = node(data_kg, "Shanghai man jailed for selling personal data over Telegram", "NewsReport")
    assert objects(data_kg, news, "reportsOn") == [PUDONG]
    chen = node(data_kg, "Chen Moumou", "Person")
    assert {ev.quote for ev in chen.evidence if ev.document == news.iri} == {"Chen Moumou", "Chen"}
    assert objects(data_kg, node(data_kg, "Alipay", "Platform"), "operatedBy") == ["Ant Group"]
    court = node(data_kg, "People's Court of Pudong New Area", "Court")
    assert news.iri in {ev.document for ev in court.evidence}


def test_a_regulation_without_a_confirmed_head_keeps_its_chinese_original(data_kg):
    reg = node(data_kg, "Provisions on the Management of Algorithmic Recommendations in Internet Information Services",
               "Regulation")
    assert reg.document.languages == ("en", "zh") and (reg.document.first_line, reg.document.last_line) == (1, 34)
    assert not [n for n in data_kg.nodes.values() if n.label == "互联网信息服务算法推荐管理规定"]
    assert (objects(data_kg, reg, "issuedOn"), objects(data_kg, reg, "effectiveFrom")) == (["2021-12-31"],
                                                                                          ["2022-03-01"])
    assert objects(data_kg, reg, "issuedBy") == [
        "Cyberspace Administration of China", "Ministry of Industry and Information Technology",
        "Ministry of Public Security", "State Administration for Market Regulation"]
    own = [n for n in data_kg.nodes.values() if n.iri.startswith(reg.iri + "/article/")]
    assert sorted(n.iri.rsplit("/", 1)[1] for n in own) == [f"{lang}-{k}" for lang in ("en", "zh") for k in range(1, 6)]
    assert "Zhuang Rongwen" in {ev.quote for ev in node(data_kg, "Zhuang Rongwen", "Person", "algorithms.txt").evidence
                                if ev.document == reg.iri}


HANGZHOU = "Hangzhou Intermediate People's Court of Zhejiang Province Criminal Judgment"


def test_a_judgment_headed_by_its_court_and_kind_and_a_company_among_the_defendants(data_kg):
    j = node(data_kg, HANGZHOU, "Judgment")
    assert ("Hangzhou Intermediate People's Court of Zhejiang Province", "en") in j.alt_labels
    assert objects(data_kg, j, "decidedBy") == ["Hangzhou Intermediate People's Court of Zhejiang Province"]
    assert objects(data_kg, j, "defendant") == ["Fang Jun", "Luo Bin"]  # "Defendant Unit:" names no person
    assert objects(data_kg, j, "defenseCounsel") == ["Jin Hui", "Xu Lei"]  # "Defense Counsel: X"
    assert objects(data_kg, node(data_kg, "Xu Lei", "Person"), "memberOf") == ["Zhejiang Tianze Law Firm"]
    node(data_kg, "Hangzhou Xinyu Network Technology Co., Ltd.", "Organization")
    node(data_kg, "Tao Ping", "Person")  # a litigation representative
    assert not [n for n in data_kg.nodes.values() if n.label == "Unit"]
    # "Hangzhou Intermediate People's Court": the place is Hangzhou, written as "Hangzhou"
    assert {t for t, lang in node(data_kg, "Hangzhou", "Location").alt_labels if lang == "en"} == set()
    ruling = node(data_kg, "Tianjin Municipal No. 2 Intermediate People's Court Criminal Ruling", "Judgment")
    assert objects(data_kg, ruling, "decidedBy") == ["Tianjin Municipal No. 2 Intermediate People's Court"]


def test_a_report_on_an_administrative_fine_names_officers_by_their_office(data_kg):
    news = node(data_kg, "China fines Didi $1.2 billion for breaking data security laws", "NewsReport")
    assert objects(data_kg, news, "cites") == [
        "Cybersecurity Law of the People's Republic of China", "Data Security Law of the People's Republic of China",
        "Personal Information Protection Law of the People's Republic of China"]
    named = {n.label for n in data_kg.nodes.values() if n.cls == "Person" and news.iri in {ev.document for ev in n.evidence}}
    assert named == {"Cheng Wei", "Liu Qing"}  # "Didi chairman Cheng Wei and president Liu Qing"
    didi = node(data_kg, "Didi Global Inc", "Organization")
    assert didi.label == "Didi Chuxing" and news.iri in {ev.document for ev in didi.evidence}


def test_an_interpretation_names_two_offences_in_one_sentence_and_cuts_them_before_in_accordance(data_kg):
    title = ("Interpretation of the Supreme People's Court and the Supreme People's Procuratorate on Several Issues "
             "Concerning the Application of Law in Handling Criminal Cases of Infringing on Citizens' Personal Information")
    doc = node(data_kg, title, "Regulation")
    assert objects(data_kg, doc, "issuedBy") == ["Supreme People's Court", "Supreme People's Procuratorate"]
    named = {n.label for n in data_kg.nodes.values() if n.cls == "Crime" and doc.iri in {ev.document for ev in n.evidence}}
    assert named == {"infringing on citizens' personal information", "illegal use of information networks"}
    assert not [n for n in data_kg.nodes.values() if n.cls == "Crime" and "accordance" in n.label]


def test_an_administrative_case_against_a_cyberspace_administration(data_kg):
    j = node(data_kg, "Beijing Internet Court Administrative Judgment", "Judgment")
    assert objects(data_kg, j, "decidedBy") == ["Beijing Internet Court"]
    assert objects(data_kg, j, "defendant") == []  # the defendant is an agency, not a person
    agency = node(data_kg, "Beijing Municipal Cyberspace Administration", "Agency")
    assert objects(data_kg, agency, "locatedIn") == ["Beijing"]
    assert not [n for n in data_kg.nodes.values() if n.cls == "Person" and "Cyberspace" in n.label]
    people = {n.label for n in data_kg.nodes.values() if n.cls == "Person" and j.iri in {ev.document for ev in n.evidence}}
    assert people == {"Zhang Hua", "Gu Ming", "Wang Jian", "Zhao Lin", "Li Ying", "Zhu Wei", "Feng Lan", "Ma Xiao"}
    assert objects(data_kg, j, "cites") == [
        "Administrative Procedure Law of the People's Republic of China",
        "Administrative Procedure Law of the People's Republic of China Article 69",
        "Provisions on the Administration of Internet News Information Services",
        "Provisions on the Administration of Internet News Information Services Article 22"]
    node(data_kg, "Administrative Litigation Law of the People's Republic of China", "Statute")


def test_a_report_names_a_man_by_his_surname_alone(data_kg):
    news = node(data_kg, "Shenzhen court jails VPN seller for five years", "NewsReport")
    (wu,) = [n for n in data_kg.nodes.values() if n.cls == "Person" and n.label == "Wu"]  # not Wu Xiangyang
    assert [ev.quote for ev in wu.evidence if ev.document == news.iri] == ["Wu", "Wu", "Wu"]
    assert objects(data_kg, wu, "usedPlatform") == ["Alipay", "Fanqiang VPN", "WeChat"]  # not the Great Firewall
    assert objects(data_kg, news, "cites") == ["Criminal Law of the People's Republic of China",
                                               "Criminal Law of the People's Republic of China Article 285"]
    court = node(data_kg, "Shenzhen Nanshan District People's Court", "Court")
    assert objects(data_kg, court, "locatedIn") == ["Nanshan District", "Shenzhen"]


def test_a_regulation_with_each_article_followed_by_its_chinese(data_kg):
    reg = node(data_kg, "Provisions on the Administration of Internet Live-Streaming Services", "Regulation")
    assert (objects(data_kg, reg, "issuedOn"), objects(data_kg, reg, "effectiveFrom")) == (["2016-11-04"],
                                                                                          ["2016-12-01"])
    assert objects(data_kg, reg, "appliesTo") == ["Internet Live-Streaming Services"]
    pairs = [st for st in data_kg.statements if st.predicate == "translation" and st.subject.startswith(reg.iri)]
    assert len(pairs) == 4
    # the same decision as another document's translation of its title: one statute, by its Chinese title
    decision = node(data_kg, "Decision of the Standing Committee of the National People's Congress on Strengthening "
                             "the Protection of Online Information", "Statute")
    assert decision.label in objects(data_kg, reg, "cites")
    assert ("全国人民代表大会常务委员会关于加强网络信息保护的决定", "zh") in decision.alt_labels


def test_a_report_tells_the_sentence_of_the_person_it_names(data_kg):
    (wu,) = [n for n in data_kg.nodes.values() if n.cls == "Person" and n.label == "Wu"]  # "A man surnamed Wu has
    # been sentenced to five years and six months"
    assert (sentenced(data_kg, wu, "imprisonmentMonths"), sentenced(data_kg, wu, "fineYuan")) == ([66], [300000])
    assert sentenced(data_kg, wu, "convictedOf") == [
        "providing programs and tools for intruding into or illegally controlling computer information systems"]
    # "Didi chairman Cheng Wei and president Liu Qing were each fined 1 million yuan"
    assert sentenced(data_kg, node(data_kg, "Cheng Wei", "Person"), "fineYuan") == [1000000]
    # "He was also fined 40,000 yuan": the one person the report names; the report agrees with the judgment
    chen = node(data_kg, "Chen Moumou", "Person")
    news = node(data_kg, "Shanghai man jailed for selling personal data over Telegram", "NewsReport")
    fines = [st for st in data_kg.statements if st.subject == sentence_of(data_kg, chen).iri
             and st.predicate == "fineYuan"]
    assert [st.obj for st in fines] == [40000]
    assert {ev.document for ev in fines[0].evidence} == {news.iri, node(data_kg, PUDONG, "Judgment").iri}
    # "sentenced a local man to a year and a half in prison"; 'convicted of "picking quarrels ..."'
    chen_xm = node(data_kg, "Chen Xiaoming", "Person")
    assert sentenced(data_kg, chen_xm, "imprisonmentMonths") == [18]


def test_a_report_on_several_people_gives_each_their_own_sentence(data_kg):
    def months(name: str) -> list:
        return sentenced(data_kg, node(data_kg, name, "Person", "two-sentences-news.txt"), "imprisonmentMonths")

    # "Li Ming was sentenced to three years in prison and Wang Qiang to two years."
    assert (months("Li Ming"), months("Wang Qiang")) == ([36], [24])
    # "Zhao Gang and Sun Hao, who ran the site for four years, were each sentenced to 18 months in prison."
    assert (months("Zhao Gang"), months("Sun Hao")) == ([18], [18])
    assert sentenced(data_kg, node(data_kg, "Li Ming", "Person", "two-sentences-news.txt"), "fineYuan") == [50000]
    assert sentenced(data_kg, node(data_kg, "Wang Qiang", "Person", "two-sentences-news.txt"), "fineYuan") == []
    assert months("Zhou Bin") == []  # their lawyer


def test_a_notice_with_numbered_items_is_a_regulation_its_title_names_the_issuer_of(data_kg):
    notice = node(data_kg, "Notice of the Cyberspace Administration of China on Further Strengthening the "
                           "Management of Self-Media", "Regulation")
    assert objects(data_kg, notice, "issuedBy") == ["Cyberspace Administration of China"]
    assert objects(data_kg, notice, "issuedOn") == ["2023-07-10"]
    assert objects(data_kg, notice, "cites") == ["Cybersecurity Law of the People's Republic of China",
                                                 "Provisions on the Governance of the Online Information Content "
                                                 "Ecosystem"]


def test_a_chinese_judgment(data_kg):
    j = node(data_kg, "北京市海淀区人民法院刑事判决书", "Judgment")
    assert objects(data_kg, j, "decidedBy") == ["北京市海淀区人民法院"]
    assert objects(data_kg, j, "prosecutedBy") == ["北京市海淀区人民检察院"]  # not "公诉机关北京市..."
    assert objects(data_kg, j, "caseNumber") == ["（2020）京0108刑初123号"]
    assert objects(data_kg, j, "decidedOn") == ["2020-06-18"]
    assert objects(data_kg, j, "judge") == ["Chen Jing", "Liu Yang", "Zhang Ming"]
    li = party(data_kg, j, "Li Mou")
    assert li.alt_labels == {("李某", "zh")}
    # another file's "Li Mou" (a name courts write in place of the person's own) is somebody else
    others = [n for n in data_kg.nodes.values() if n.label == "Li Mou"]
    assert len(others) == 2 and sentenced(data_kg, others[0], "fineYuan") != sentenced(data_kg, others[1], "fineYuan")
    assert (sentenced(data_kg, li, "imprisonmentMonths"), sentenced(data_kg, li, "fineYuan")) == ([36], [40000])
    assert sentenced(data_kg, li, "convictedOf") == ["infringing on citizens' personal information"]


def test_two_namesakes_keep_their_iris_whatever_other_files_the_corpus_holds(tmp_path):
    import shutil

    from graph import pipeline

    def li_mous(extra: int) -> list[tuple[str, str]]:
        folder = tmp_path / str(extra)
        folder.mkdir()
        for name in ("wuxi-anonymised.txt", "haidian-zh.txt"):
            shutil.copy(DATA / name, folder)
        for k in range(extra):  # files that sort before both and shift every document's index
            shutil.copy(DATA / "order.txt", folder / f"c{k:02d}.txt")
        built = pipeline.build([folder])
        return sorted((n.iri.rsplit("/", 1)[1], n.evidence[0].source) for n in built.nodes.values()
                      if n.label == "Li Mou")

    expected = [("li-mou", "haidian-zh.txt"), ("li-mou", "wuxi-anonymised.txt")]  # one in each judgment's IRI
    assert li_mous(0) == li_mous(9) == li_mous(10) == expected


SHENZHEN = "Criminal Judgment of the Shenzhen Intermediate People's Court, Guangdong Province"


def test_operative_items_in_roman_numerals_give_each_defendant_their_sentence(data_kg):
    j = node(data_kg, SHENZHEN, "Judgment")
    assert objects(data_kg, j, "defendant") == ["Huang Jianguo", "Ma Lifang"]
    assert objects(data_kg, j, "judge") == ["Chen Xiaodong", "Liang Wei", "Wu Guiying"]
    assert objects(data_kg, j, "clerk") == ["Deng Ting"]
    assert objects(data_kg, j, "prosecutedBy") == ["People's Procuratorate of Shenzhen Municipality"]
    for name, months, fine in (("Huang Jianguo", 18, 20000), ("Ma Lifang", 10, 8000)):
        person = party(data_kg, j, name)
        assert (sentenced(data_kg, person, "imprisonmentMonths"), sentenced(data_kg, person, "fineYuan")) == (
            [months], [fine])
        assert sentenced(data_kg, person, "convictedOf") == ["assisting criminal activities on information networks"]


def test_a_dateline_report_names_who_received_what(data_kg):
    news = node(data_kg, "Two sentenced for selling bank accounts to online fraud gangs", "NewsReport")
    assert objects(data_kg, news, "reportsOn") == [SHENZHEN]
    # "Ma Lifang, who recruited sellers of bank accounts on Telegram, received ten months in prison and a
    # fine of 8,000 yuan": the report's own evidence of her sentence
    ma = node(data_kg, "Ma Lifang", "Person")
    months = [st for st in data_kg.statements if st.subject == sentence_of(data_kg, ma).iri
              and st.predicate == "imprisonmentMonths"]
    assert [st.obj for st in months] == [10]
    assert news.iri in {ev.document for ev in months[0].evidence}


def test_a_ruling_upholding_a_judgment_that_held_the_conduct_constituted_a_crime(data_kg):
    ruling = node(data_kg, "Beijing No. 3 Intermediate People's Court Criminal Ruling", "Judgment")
    assert objects(data_kg, ruling, "appealOf") == ["(2019) Jing 0105 Xing Chu No. 2278"]
    assert objects(data_kg, ruling, "judge") == ["Feng Lei", "Tang Yuan", "Xu Jing"]
    assert objects(data_kg, ruling, "clerk") == ["Bai Yu", "Lu Xin"]
    gao = node(data_kg, "Gao Peng", "Person")  # "the original judgment held that Gao Peng's conduct constituted"
    assert sentenced(data_kg, gao, "convictedOf") == ["illegally obtaining data from computer information systems"]
    # "the servers of the Weibo platform, operated by Sina Corporation"
    assert objects(data_kg, node(data_kg, "Weibo", "Platform"), "operatedBy") == ["Sina Corporation"]


def test_a_date_under_a_byline_is_no_title_and_an_owner_with_its_company_suffix(data_kg):
    news = node(data_kg, "Regulator fines ByteDance's Douyin over minors' data", "NewsReport")
    assert news.document.first_line == 1 and news.document.last_line == 11
    assert not [n for n in data_kg.nodes.values() if n.label == "Jan. 9, 2023"]
    assert objects(data_kg, node(data_kg, "Douyin", "Platform"), "operatedBy") == ["ByteDance"]
    # "Tencent Holdings Ltd.'s WeChat"
    assert "Tencent" in objects(data_kg, node(data_kg, "WeChat", "Platform"), "operatedBy")
    # "Zhang Ming, a lawyer at King & Wood Mallesons in Beijing, said"
    assert [ev.quote for ev in node(data_kg, "Zhang Ming", "Person", "caixin-fine.txt").evidence if ev.document == news.iri] == [
        "Zhang Ming"]


def test_a_statute_named_with_p_r_c_and_a_promulgation_date_header(data_kg):
    rule = node(data_kg, "Provisions on the Online Protection of Children's Personal Information", "Regulation")
    assert objects(data_kg, rule, "issuedOn") == ["2019-08-22"]  # "Promulgation date: August 22, 2019"
    assert objects(data_kg, rule, "effectiveFrom") == ["2019-10-01"]
    assert objects(data_kg, rule, "issuedBy") == ["Cyberspace Administration of China"]
    # "the Law of the P.R.C. on the Protection of Minors" and 《中华人民共和国未成年人保护法》 are one statute
    minors = node(data_kg, "Law of the P.R.C. on the Protection of Minors", "Statute")
    assert ("中华人民共和国未成年人保护法", "zh") in minors.alt_labels
    assert minors.label in objects(data_kg, rule, "cites")
    assert "Cybersecurity Law of the P.R.C." in {t for t, _ in node(data_kg, "Cybersecurity Law", "Statute").alt_labels}


def test_criminal_detention_a_crime_named_before_a_date_and_a_province_before_its_city(data_kg):
    j = node(data_kg, "Yunnan Province Kunming Intermediate People's Court Criminal Judgment", "Judgment")
    assert objects(data_kg, j, "judge") == ["Duan Qiong", "He Wenjie", "Yang Lanying"]
    assert objects(data_kg, j, "clerk") == ["Pu Lili"]
    zhao = party(data_kg, j, "Zhao Lei")  # "sentenced to 6 months of criminal detention, and a fine of 10,000 RMB"
    assert (sentenced(data_kg, zhao, "imprisonmentMonths"), sentenced(data_kg, zhao, "fineYuan")) == ([6], [10000])
    assert zhao.alt_labels == {("赵磊", "zh")}
    # "Detained on suspicion of illegally providing VPN services on March 2, 2019"
    assert node(data_kg, "illegally providing VPN services", "Crime")
    court = node(data_kg, "Yunnan Province Kunming Intermediate People's Court", "Court")
    assert objects(data_kg, court, "locatedIn") == ["Kunming", "Yunnan"]
    assert not [n for n in data_kg.nodes.values() if n.label.startswith("Province ")]


def test_articles_listed_with_semicolons_an_old_style_case_number_and_a_university(data_kg):
    j = node(data_kg, "Urumqi Intermediate People's Court of the Xinjiang Uyghur Autonomous Region Criminal Judgment",
             "Judgment")
    assert objects(data_kg, j, "caseNumber") == ["(2014) Wu Zhong Xing Chu Zi No. 1234"]
    ilham = party(data_kg, j, "Ilham Tohti")
    assert sentenced(data_kg, ilham, "convictedOf") == ["splittism"]  # not "splittism in indictment ..."
    # "In accordance with Article 103, Paragraph 1; Article 106; Article 56; Article 57, Paragraph 1; and
    # Article 64 of the Criminal Law"
    assert [a.rsplit(" ", 1)[1] for a in sentenced(data_kg, ilham, "convictedUnder")] == [
        "103", "106", "56", "57", "64"]
    assert node(data_kg, "Minzu University of China", "Organization")
    # "Defense attorneys: Li Fangping and Liu Xiaoyuan, lawyers of the Beijing Ruifeng Law Firm": both
    for lawyer in ("Li Fangping", "Liu Xiaoyuan"):
        assert objects(data_kg, node(data_kg, lawyer, "Person"), "memberOf") == ["Beijing Ruifeng Law Firm"]


def test_a_rule_issued_by_seven_bodies_and_a_report_naming_it_at_the_start_of_a_sentence(data_kg):
    title = "Interim Measures for the Management of Generative Artificial Intelligence Services"
    rule = node(data_kg, title, "Regulation")
    assert objects(data_kg, rule, "issuedBy") == [
        "Cyberspace Administration of China", "Ministry of Education", "Ministry of Industry and Information Technology",
        "Ministry of Public Security", "Ministry of Science and Technology", "National Development and Reform Commission",
        "National Radio and Television Administration"]
    news = node(data_kg, "China finalizes rules for generative AI services", "NewsReport")
    assert title in objects(data_kg, news, "cites")  # "The Interim Measures for ..., jointly issued by"
    assert node(data_kg, "Ernie Bot", "Platform").alt_labels == {("文心一言", "zh")}


def test_a_commentary_names_the_defendant_with_an_apposition_and_a_district_after_its_city(data_kg):
    j = node(data_kg, "First Instance Judgment in the Case of Liu Yanli's Picking Quarrels and Provoking Trouble",
             "Judgment")
    # "a court in Hubei sentenced Liu Yanli, a former bank employee, to four years in prison"
    news = node(data_kg, "Liu Yanli's Court Judgment for Retweeting Posts About Officials", "NewsReport")
    assert objects(data_kg, news, "reportsOn") == [j.label]
    liu = party(data_kg, j, "Liu Yanli")
    assert sentenced(data_kg, liu, "convictedOf") == ["picking quarrels and provoking trouble"]
    assert sentenced(data_kg, liu, "imprisonmentMonths") == [48]
    # "Jingmen Dongbao District People's Procuratorate"; "on suspicion of ... on September 28, 2016"
    assert objects(data_kg, node(data_kg, "Jingmen Dongbao District People's Procuratorate", "Agency"),
                   "locatedIn") == ["Dongbao District"]
    assert not [n for n in data_kg.nodes.values() if n.cls == "Crime" and "September" in n.label]
    assert objects(data_kg, j, "judge") == ["Fu Jun", "Qin Xiaoyan", "Zhao Hui"]
    assert node(data_kg, "Zhao Hui", "Person").alt_labels >= {("赵辉", "zh")}
    # "posted on the China Judgments Online website": the platform the gazetteer knows
    assert node(data_kg, "China Judgments Online website", "Platform").label == "China Judgments Online"


def test_a_report_names_a_known_offence_after_for_and_its_reporter_in_the_byline(data_kg):
    news = node(data_kg, "Police detain blogger over posts on Wuhan outbreak", "NewsReport")
    # "sentenced Fang Bin to three years in prison for picking quarrels and provoking trouble"
    fang = node(data_kg, "Fang Bin", "Person")
    assert sentenced(data_kg, fang, "convictedOf") == ["picking quarrels and provoking trouble"]
    assert sentenced(data_kg, fang, "imprisonmentMonths") == [36]
    # "By Li Na and Tom Hancock": a name that begins with a Chinese surname
    assert [ev.quote for ev in node(data_kg, "Li Na", "Person", "police-news.txt").evidence
            if ev.document == news.iri] == ["Li Na"]
    assert node(data_kg, "Chen Qiushi", "Person").alt_labels == {("陈秋实", "zh")}
    assert not [n for n in data_kg.nodes.values() if n.cls == "Crime" and n.label.startswith("three")]


def test_an_issue_header_with_an_iso_date_an_issuing_authority_and_a_day_month_year_date(data_kg):
    rule = node(data_kg, "Provisions on the Administration of Internet Pop-up Information Push Services", "Regulation")
    assert objects(data_kg, rule, "issuedOn") == ["2022-09-09"]  # "Date of issue: 2022-09-09"
    assert objects(data_kg, rule, "effectiveFrom") == ["2022-09-30"]  # "Effective as of: 30 September 2022"
    assert objects(data_kg, rule, "issuedBy") == [  # "Issuing authority: A, B, C"
        "Cyberspace Administration of China", "Ministry of Industry and Information Technology",
        "State Administration for Market Regulation"]
    assert objects(data_kg, rule, "appliesTo") == ["Internet Pop-up Information Push Services"]


def test_a_section_heading_inside_a_judgment_is_no_document_of_its_own(data_kg):
    # "Facts Established by This Court" over a paragraph with "according to" and "said" in it
    j = node(data_kg, "Ningbo Intermediate People's Court of Zhejiang Province Criminal Judgment", "Judgment")
    assert (j.document.first_line, j.document.last_line) == (1, 22)
    assert not [n for n in data_kg.nodes.values() if n.label in ("Facts Established by This Court",
                                                                 "Opinion of This Court")]
    xu = party(data_kg, j, "Xu Wenbin")
    assert (sentenced(data_kg, xu, "imprisonmentMonths"), sentenced(data_kg, xu, "fineYuan")) == ([24], [50000])
    assert objects(data_kg, j, "judge") == ["Gu Ming", "Shen Li"]


def test_a_report_hands_a_sentence_and_names_a_three_year_sentence(data_kg):
    # "handed blogger Qiu Ziming a sentence of eight months in prison for defaming heroes and martyrs"
    qiu = node(data_kg, "Qiu Ziming", "Person")
    assert sentenced(data_kg, qiu, "imprisonmentMonths") == [8]
    assert sentenced(data_kg, qiu, "convictedOf") == [
        "infringing upon the reputation and honor of heroes and martyrs"]
    # "Zhang Yi received a three-year sentence and a fine of 50,000 yuan ($7,700) for fraud"
    zhang = node(data_kg, "Zhang Yi", "Person")
    assert (sentenced(data_kg, zhang, "imprisonmentMonths"), sentenced(data_kg, zhang, "fineYuan"),
            sentenced(data_kg, zhang, "convictedOf")) == ([36], [50000], ["fraud"])


def test_an_article_cited_of_a_law_that_is_one_of_the_documents_is_that_law_s_own_article(tmp_path):
    import shutil

    from conftest import SEEDS
    from graph import pipeline

    for f in SEEDS.iterdir():
        shutil.copy(f, tmp_path)
    (tmp_path / "criminal-law.md").write_text(
        "# 中华人民共和国刑法\n\n第一百二十条之六　明知是宣扬恐怖主义、极端主义的图书、音频视频资料或者其他物品而非法持有，"
        "情节严重的，处三年以下有期徒刑、拘役或者管制，并处或者单处罚金。\n\n第一百二十一条　以暴力、胁迫或者其他方法劫持航空器的，"
        "处十年以上有期徒刑或者无期徒刑。\n", encoding="utf-8")
    kg = pipeline.build([tmp_path])
    law = node(kg, "中华人民共和国刑法", "Regulation")
    article = node(kg, f"{CRIMINAL_LAW} Article 120-6", "Article")
    assert article.iri == f"{law.iri}/article/zh-120-6"
    assert article.props["text"].startswith("第一百二十条之六　明知是宣扬恐怖主义")
    assert ("第一百二十条之六", "zh") in article.alt_labels
    assert article.label in sentenced(kg, node(kg, "Duan Zheng", "Person"), "convictedUnder")
    # an article nobody cites keeps its own label
    assert node(kg, "第一百二十一条", "Article").iri == f"{law.iri}/article/zh-121"


def test_a_report_jails_a_former_teacher_it_names_later_and_quotes_his_lawyer(data_kg):
    # "A court ... has jailed a former teacher for two years ..."; "Mr Chen Hao, 34, was convicted of ..."
    chen = node(data_kg, "Chen Hao", "Person")
    assert sentenced(data_kg, chen, "imprisonmentMonths") == [24]
    assert sentenced(data_kg, chen, "convictedOf") == ["inciting subversion of state power"]
    # "Mr Chen's lawyer, Liang Xiaojun, said he would appeal": a person, not the one sentenced
    assert sentenced(data_kg, node(data_kg, "Liang Xiaojun", "Person", "chengdu-teacher-news.txt"), "imprisonmentMonths") == []
    assert node(data_kg, "South China Morning Post", "Organization")


def test_a_title_with_its_chinese_original_in_brackets(data_kg):
    rule = node(data_kg, "Provisions on the Administration of Internet News Information Services", "Regulation")
    assert rule.alt_labels == {("互联网新闻信息服务管理规定", "zh")}
    assert rule.document.alt_titles == ("互联网新闻信息服务管理规定",)
    # the service the English title names is the one the Chinese title names
    assert objects(data_kg, rule, "appliesTo") == ["Internet News Information Services"]
    service = node(data_kg, "互联网新闻信息服务", "Service")
    assert service.label == "Internet News Information Services"


def test_a_bylined_report_after_a_judgment_without_its_signature_block_is_a_document_of_its_own(tmp_path):
    from graph import pipeline

    (tmp_path / "pair.txt").write_text(
        "Hangzhou Intermediate People's Court\nCriminal Judgment\n\n(2020) Zhe 01 Xing Chu No. 5\n\nDefendant: Xu Wen, "
        "male.\n\nDefendant Xu Wen committed the crime of fraud and is sentenced to two years imprisonment.\n\n"
        "Court jails fraudster for two years\n\nBy Staff Reporter\n\nA court in Hangzhou on Monday sentenced Xu Wen to "
        "two years in prison for fraud, the court said in a statement published on its website, according to local "
        "media reports on the case.\n", encoding="utf-8")
    kg = pipeline.build([tmp_path])
    news = node(kg, "Court jails fraudster for two years", "NewsReport")
    assert news.document.first_line == 10
    assert objects(kg, news, "reportsOn") == ["Hangzhou Intermediate People's Court Criminal Judgment"]


def test_a_chinese_ruling_names_the_first_instance_court_inside_a_sentence_and_holds_the_crime(data_kg):
    ruling = node(data_kg, "上海市第一中级人民法院刑事裁定书", "Judgment")
    first = node(data_kg, "（2021）沪0115刑初789号", "Judgment")
    assert objects(data_kg, ruling, "appealOf") == [first.label]
    # "上海市浦东新区人民法院审理上海市浦东新区人民检察院指控...": two bodies, not one running through 审理; each the
    # body pudong.txt names in English (the divisions make 浦东新区 the Pudong New Area)
    assert objects(data_kg, first, "decidedBy") == ["People's Court of Pudong New Area"]
    assert node(data_kg, "上海市浦东新区人民法院", "Court") is node(data_kg, "People's Court of Pudong New Area", "Court")
    assert objects(data_kg, first, "prosecutedBy") == ["Shanghai Municipal Pudong New Area People's Procuratorate"]
    assert node(data_kg, "上海市浦东新区人民检察院", "Agency").label == "Shanghai Municipal Pudong New Area People's Procuratorate"
    # "其行为已构成侵犯公民个人信息罪", about 钱某某 where the holding names him again
    qian = party(data_kg, ruling, "Qian Moumou")
    assert sentenced(data_kg, qian, "convictedOf") == ["infringing on citizens' personal information"]
    assert len([ev for ev in qian.evidence if ev.quote == "钱某某"]) == 4


def test_a_report_on_an_administrative_fine_with_a_short_name_it_defines(data_kg):
    news = node(data_kg, "Beijing regulator fines app operator", "NewsReport")  # no court, no crime: a fine
    # '(hereinafter the "Beijing CAC")': the Beijing body wherever the report says so, not the CAC
    beijing = node(data_kg, "Beijing CAC", "Agency")
    assert beijing.label == "Beijing Municipal Cyberspace Administration"
    assert [ev.quote for ev in beijing.evidence if ev.document == news.iri] == [
        "Beijing Municipal Cyberspace Administration", "Beijing CAC", "Beijing CAC"]
    cac = node(data_kg, "Cyberspace Administration of China", "Agency")
    assert not [ev for ev in cac.evidence if ev.document == news.iri]


def test_a_name_that_is_no_chinese_one_before_was_sentenced_in_running_text(tmp_path):
    from graph import pipeline

    (tmp_path / "tashi.txt").write_text(
        "Tibetan Monk Sentenced to Prison Over Interview\n\nBy Staff Reporter\n\nTashi Wangchuk was sentenced to five "
        "years in prison for inciting separatism after he spoke to foreign media about Tibetan language education, his "
        "lawyer said on Tuesday according to reports. Yushu Public Security Bureau was fined in an unrelated case.\n",
        encoding="utf-8")
    kg = pipeline.build([tmp_path])
    people = {n.label for n in kg.nodes.values() if n.cls == "Person"}
    assert people == {"Tashi Wangchuk"}  # not "Tibetan Monk" (a headline) nor "Yushu Public Security Bureau"
    tashi = node(kg, "Tashi Wangchuk", "Person")
    assert (sentenced(kg, tashi, "imprisonmentMonths"), sentenced(kg, tashi, "convictedOf")) == ([60], ["inciting separatism"])


def test_an_appeal_that_upholds_keeps_the_sentence_below(data_kg):
    j = node(data_kg, "Criminal Judgment of the Suzhou Intermediate People's Court of Jiangsu Province", "Judgment")
    # the title names the court; the header's "The Kunshan People's Court tried the case" is the court below
    assert objects(data_kg, j, "decidedBy") == ["Suzhou Intermediate People's Court of Jiangsu Province"]
    below = node(data_kg, "(2020) Su 0583 Xing Chu No. 977", "Judgment")
    assert objects(data_kg, j, "appealOf") == [below.label]
    assert objects(data_kg, below, "decidedBy") == ["Kunshan People's Court"]
    zhou = party(data_kg, j, "Zhou Jianguo")
    # "The original judgment sentenced Zhou Jianguo to three years and six months ... and a fine of RMB 50,000"
    assert sentenced(data_kg, zhou, "imprisonmentMonths") == [42]
    assert sentenced(data_kg, zhou, "fineYuan") == [50000]
    assert sentenced(data_kg, zhou, "convictedOf") == ["illegally obtaining data from computer information systems"]
    assert objects(data_kg, zhou, "usedPlatform") == ["QQ", "Taobao"]
    kunshan = node(data_kg, "Kunshan City", "Location")  # "resident of Kunshan City" and the courts' Kunshan
    assert {t for t, _ in kunshan.alt_labels} == {"Kunshan"}
    assert objects(data_kg, node(data_kg, "Kunshan People's Court", "Court"), "locatedIn") == [kunshan.label]


def test_a_wire_report_with_an_apposition_a_half_year_and_a_byline(data_kg):
    news = node(data_kg, "Chinese man jailed for selling VPN services, court documents show", "NewsReport")
    wu = node(data_kg, "Wu Xiangyang", "Person")  # "Wu Xiangyang, from the city of Yulin, was convicted of"
    assert sentenced(data_kg, wu, "convictedOf") == ["illegal business operations"]
    assert sentenced(data_kg, wu, "imprisonmentMonths") == [66]  # "five and a half years", said of "a man"
    assert sentenced(data_kg, wu, "fineYuan") == [500000]  # "He was also fined 500,000 yuan"
    # "sold VPN services through Taobao"; not the site the ruling was posted on, nor the Great Firewall
    assert objects(data_kg, wu, "usedPlatform") == ["Taobao"]
    author = node(data_kg, "Li Wen", "Person")  # the byline's reporter is nobody the report sentences
    assert not [st for st in data_kg.statements if st.subject == author.iri]
    assert news.iri in {ev.document for ev in author.evidence}


def test_an_order_is_issued_on_its_signature_date_not_its_adoption(data_kg):
    reg = node(data_kg, "Measures for the Security Assessment of Outbound Data Transfers", "Regulation")
    # "adopted at the 10th executive meeting ... on May 19, 2022, are hereby promulgated", signed July 7, 2022
    assert objects(data_kg, reg, "issuedOn") == ["2022-07-07"]
    assert objects(data_kg, reg, "effectiveFrom") == ["2022-09-01"]
    assert objects(data_kg, reg, "issuedBy") == ["Cyberspace Administration of China"]
    assert objects(data_kg, reg, "cites") == [
        "Cybersecurity Law of the People's Republic of China", "Data Security Law of the People's Republic of China",
        "Personal Information Protection Law of the People's Republic of China"]
    cac = node(data_kg, "Cyberspace Administration of China", "Agency")  # "the national cybersecurity and
    assert reg.iri in {ev.document for ev in cac.evidence if ev.quote.startswith("national")}  # informatization department"
    audio = node(data_kg, "Provisions on the Governance of Online Audio and Video Information Services", "Regulation")
    assert objects(data_kg, audio, "issuedOn") == ["2019-11-18"]  # adopted November 1, signed November 18


def test_a_chinese_judgment_of_two_defendants_one_on_criminal_detention(data_kg):
    j = node(data_kg, "浙江省杭州市余杭区人民法院刑事判决书", "Judgment")
    assert objects(data_kg, j, "defendant") == ["Wang Moumou", "Zhao Mou"]
    # the procuratorate with and without its province is one body
    assert objects(data_kg, j, "prosecutedBy") == ["浙江省杭州市余杭区人民检察院"]
    assert {t for t, _ in node(data_kg, "浙江省杭州市余杭区人民检察院", "Agency").alt_labels} == {"杭州市余杭区人民检察院"}
    wang, zhao = party(data_kg, j, "Wang Moumou"), party(data_kg, j, "Zhao Mou")
    assert (sentenced(data_kg, wang, "imprisonmentMonths"), sentenced(data_kg, wang, "fineYuan")) == ([12], [10000])
    # "二、被告人赵某犯...罪，判处拘役五个月，缓刑六个月，并处罚金人民币五千元": 赵某 recurs, 拘役 is a term
    assert (sentenced(data_kg, zhao, "imprisonmentMonths"), sentenced(data_kg, zhao, "fineYuan")) == ([5], [5000])
    assert sentenced(data_kg, zhao, "convictedOf") == ["assisting criminal activities on information networks"]
    assert objects(data_kg, wang, "usedPlatform") == ["Alipay", "WeChat"] and objects(data_kg, zhao, "usedPlatform") == []


def test_a_notice_citing_unquoted_rules_in_force_on_its_date_of_issue(data_kg):
    # in force "from the date of issue": it states no date of entry into force of its own, and none is made up
    reg = node(data_kg, 'Notice on Carrying Out the "Qinglang" Special Campaign Against Online Rumors', "Regulation")
    assert objects(data_kg, reg, "cites") == ["Cybersecurity Law of the People's Republic of China",
                                              "Provisions on the Governance of the Online Information Content Ecosystem"]
    assert objects(data_kg, reg, "issuedOn") == ["2023-04-06"] and objects(data_kg, reg, "effectiveFrom") == []
    xpcc = node(data_kg, "Xinjiang Production and Construction Corps Cyberspace Affairs Office", "Agency")
    assert objects(data_kg, xpcc, "locatedIn") == ["Xinjiang"]
    assert not [n for n in data_kg.nodes.values() if n.label.startswith("Construction Corps")]
    # "Platforms such as Weibo, Douyin, Kuaishou and Baidu": the companies, listed among platforms, are platforms
    for name in ("Weibo", "Douyin", "Kuaishou", "Baidu"):
        assert reg.iri in {ev.document for ev in node(data_kg, name, "Platform").evidence}
    assert node(data_kg, "Kuaishou", "Platform").label == "Kuaishou app"  # the gazetteer's platform


def test_a_chinese_news_report(data_kg):
    news = node(data_kg, "男子利用微信群传播淫秽视频获刑一年", "NewsReport")  # 记者, 日电, 来源: a report
    liu = node(data_kg, "刘某", "Person")  # "被告人刘某在微信群中": a surname and 某 ends at the 某
    assert news.iri in {ev.document for ev in liu.evidence}
    # "法院以传播淫秽物品牟利罪判处刘某有期徒刑一年，并处罚金人民币一万元"
    assert sentenced(data_kg, liu, "convictedOf") == [
        "producing, copying, publishing, selling or disseminating obscene materials for profit"]
    assert (sentenced(data_kg, liu, "imprisonmentMonths"), sentenced(data_kg, liu, "fineYuan")) == ([12], [10000])
    assert objects(data_kg, liu, "usedPlatform") == ["WeChat"]
    reporter = node(data_kg, "张华", "Person")
    assert reporter.label == "Zhang Hua" and not [st for st in data_kg.statements if st.subject == reporter.iri]
    assert news.iri in {ev.document for ev in node(data_kg, "人民网", "Organization").evidence}


def test_a_chinese_first_regulation_is_also_known_by_its_english_title(data_kg):
    reg = node(data_kg, "互联网用户账号信息管理规定", "Regulation")
    assert ("Provisions on the Administration of Internet User Account Information", "en") in reg.alt_labels
    assert node(data_kg, "Provisions on the Administration of Internet User Account Information", "Regulation") is reg
    assert objects(data_kg, reg, "effectiveFrom") == ["2022-08-01"]
    assert objects(data_kg, reg, "cites") == ["Cybersecurity Law of the People's Republic of China",
                                              "Measures for the Administration of Internet Information Services"]
    english_first = node(data_kg, "Measures for the Security Assessment of Outbound Data Transfers", "Regulation")
    assert ("数据出境安全评估办法", "zh") in english_first.alt_labels


def test_a_report_on_rules_names_the_platforms_and_their_operators(data_kg):
    news = node(data_kg, "China issues rules to rein in generative AI services", "NewsReport")
    assert "Interim Measures for the Management of Generative Artificial Intelligence Services" in objects(
        data_kg, news, "cites")
    qwen = node(data_kg, "Tongyi Qianwen", "Platform")  # "Alibaba's Tongyi Qianwen"
    assert objects(data_kg, qwen, "operatedBy") == ["Alibaba"]
    assert objects(data_kg, node(data_kg, "Ernie Bot", "Platform"), "operatedBy") == ["Baidu"]
