"""Sentences as nodes of their own and people within their documents: a sentence is one person's in one
judgment; namesakes of two cases are two people; the `convictions` query gives one row per sentence and crime."""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from conftest import ROOT, SEEDS, SHARED, node, objects, sentence_of
from legal_kg.graph import pipeline
from legal_kg.graph.query import named_queries, run

DEV = SHARED / "eval" / "dev" / "docs"
# what the generator writes for each defendant: "Defendant Wang Hua committed the crime of fraud, and is
# sentenced to two years imprisonment and fined 5,000 yuan."
GENERATED = re.compile(r"^Defendant (.+?) committed the crime of (.+?), and is sentenced to .+? imprisonment and "
                       r"fined ([\d,]+) yuan\.$", re.MULTILINE)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("corpus2000")
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "make_corpus.py"), "2000", "--seed", "5", "--out",
                    str(folder)], check=True, capture_output=True)
    return folder


@pytest.fixture(scope="module")
def built(corpus):
    return pipeline.build([corpus])


def facts(kg, sentence) -> list[tuple[str, object]]:
    return sorted(((st.predicate, st.obj if st.literal else kg.nodes[str(st.obj)].label)
                   for st in kg.statements if st.subject == sentence.iri), key=str)


def test_no_person_is_the_defendant_of_two_judgments_that_are_not_linked(built):
    judgments: dict[str, set[str]] = {}
    for st in built.statements:
        if st.predicate == "defendant" and built.nodes[st.subject].cls == "Judgment":
            judgments.setdefault(str(st.obj), set()).add(st.subject)
    linked = {(st.subject, str(st.obj)) for st in built.statements if st.predicate in ("appealOf", "reportsOn")}
    shared = {p: js for p, js in judgments.items() if len(js) > 1}
    assert all((a, b) in linked or (b, a) in linked for js in shared.values() for a in js for b in js if a < b)
    # the people of a report are those of the judgment it reports on, in the same file
    assert sum(1 for st in built.statements if st.predicate == "reportsOn") > 100


def test_convictions_give_one_row_per_sentence_and_crime(corpus, built):
    written = Counter()
    for f in sorted(corpus.iterdir()):
        for name, _crime, fine in GENERATED.findall(f.read_text(encoding="utf-8")):
            written[(name, fine.replace(",", ""))] += 1
    _, rows = run(built.store, named_queries()["convictions"].text, {})
    assert sum(written.values()) == 2593
    assert len(rows) == 2593 and Counter((r[0], r[5]) for r in rows) == written  # (crimes by their canonical name)


def test_the_seed_sentence_is_a_node_of_its_judgment():
    kg = pipeline.build([SEEDS])
    duan = node(kg, "Duan Zheng", "Person")
    sentence = sentence_of(kg, duan)
    judgment = node(kg, "First Instance Judgment in a Case of Duan Zheng's Illegal Possession of Materials Promoting "
                        "Terrorism and Extremism", "Judgment")
    assert sentence.cls == "Sentence" and sentence.label == "Sentence of Duan Zheng"
    assert sentence.iri == f"{judgment.iri}/sentence/sentence-of-duan-zheng"
    assert duan.iri == f"{judgment.iri}/person/duan-zheng"  # the report's Duan Zheng is the judgment's
    assert objects(kg, sentence, "imposedBy") == [judgment.label]
    assert objects(kg, sentence, "imprisonmentMonths") == [7] and objects(kg, sentence, "fineYuan") == [1000]
    assert objects(kg, sentence, "convictedOf") == ["illegal possession of materials promoting terrorism and extremism"]


def test_a_chinese_judgment_s_sentence_leaves_out_the_defendant_s_record():
    # zh-01: "因犯寻衅滋事罪，2005年2月28日被绍兴市上虞区人民法院判处有期徒刑一年三个月" is his record; the
    # judgment's own: "被告人沈银锋犯诈骗罪，判处有期徒刑七个月，并处罚金人民币三千元。"
    kg = pipeline.build([DEV / "zh-01_haining-shen-yinfeng-fraud.txt"])
    (sentence,) = [n for n in kg.nodes.values() if n.cls == "Sentence"]
    criminal_law = "Criminal Law of the People's Republic of China Article"
    assert facts(kg, sentence) == [
        ("convictedOf", "fraud"), *(("convictedUnder", f"{criminal_law} {n}") for n in (25, 266, 65, 67)),
        ("fineYuan", 3000), ("imposedBy", "浙江省海宁市人民法院刑 事 判 决 书"), ("imprisonmentMonths", 7),
        ("sentenceOf", "Shen Yinfeng")]


def test_two_defendants_have_a_sentence_each():
    kg = pipeline.build([DEV / "case-08_wang-yuwen-wang-liqin-chuxiong.txt"])
    sentences = sorted((n for n in kg.nodes.values() if n.cls == "Sentence"), key=lambda n: n.label)
    assert [(n.label, objects(kg, n, "sentenceOf"), objects(kg, n, "convictedOf")) for n in sentences] == [
        ("Sentence of Wang Liqin", ["Wang Liqin"], ["inciting subversion of state power"]),
        ("Sentence of Wang Yuwen", ["Wang Yuwen"], ["inciting subversion of state power"])]
    # "Intermediate People's Court, Chuxiong Yi Autonomous Prefecture, Yunnan" / "the Public Security Bureau of
    # Chuxiong Prefecture": one prefecture, by its name and level
    prefecture = node(kg, "Chuxiong Yi Autonomous Prefecture", "Location")
    assert ("Chuxiong Prefecture", "en") in prefecture.alt_labels


def build_dev(name: str):
    return pipeline.build([DEV / name])


def test_an_administrative_case_has_a_plaintiff_and_the_agency_it_sues():
    # "Plaintiff Cheng Huaishan" / "Defendant Kunshan Public Security Bureau, located at ..."; the report
    # before it ("Cheng Huaishan was sentenced to ten days administrative detention") reports on it
    kg = build_dev("case-05_cheng-huaishan-kunshan-psb.txt")
    judgment = node(kg, "Cheng Huaishan vs. Jiangsu Kunshan Public Security Bureau Administrative Security et. al.",
                    "Judgment")
    assert objects(kg, judgment, "plaintiff") == ["Cheng Huaishan"]
    assert objects(kg, judgment, "defendant") == [] and objects(kg, judgment, "defenseCounsel") == []
    assert objects(kg, judgment, "respondent") == ["Kunshan Public Security Bureau"]
    news = [n for n in kg.nodes.values() if n.cls == "NewsReport"]
    assert [objects(kg, n, "reportsOn") for n in news] == [[judgment.label]]
    # "the representatives for defendant Kunshan Public Security Bureau Lu Huanfang and Cha Wenming appeared in
    # court": both agents of the bureau (查 is read Cha as well as Zha)
    assert objects(kg, judgment, "litigationAgent") == ["Cha Wenming", "Lu Huanfang"]
    node(kg, "Lujia township", "Location")  # "from Lujia township, Kunshan": a place by its level word
    for name in ("Cha Wenming", "Lu Huanfang"):
        assert objects(kg, node(kg, name, "Person"), "represents") == ["Kunshan Public Security Bureau"]


def test_the_legal_representative_and_the_agents_under_a_party_line():
    # "Appellee (original defendant): Guangzhou Yuexiu District Public Security Bureau, based in Guangzhou." /
    # "Legal Representative: Cai Wei, position: Bureau Commander." / "Attorney: Zhou Peixin, employee at the
    # Bureau." / "Attorney: Huang Weifeng, ..."
    kg = build_dev("case-06_guo-jianhe-yuexiu-appeal.txt")
    bureau = node(kg, "Guangzhou Yuexiu District Public Security Bureau", "Agency")
    assert objects(kg, bureau, "legalRepresentative") == ["Cai Wei"]
    judgment = node(kg, "Guo Jianhe vs. Guangzhou Yuexiu District Public Security Bureau et. al.", "Judgment")
    assert objects(kg, judgment, "litigationAgent") == ["Huang Weifeng", "Zhou Peixin"]
    for name in ("Huang Weifeng", "Zhou Peixin"):
        assert objects(kg, node(kg, name, "Person"), "represents") == [bureau.label]
    assert objects(kg, node(kg, "Cai Wei", "Person"), "represents") == []


def test_a_report_s_two_defendants_and_what_each_received():
    # "Dong's conspirator, Hou Peng, received a three-year jail term with a three-year reprieve"; "Dong and Hou
    # were fined 350,000 yuan (about $56,000 dollars) and 50,000 yuan respectively"
    kg = build_dev("case-10_dong-rubin-kunming-xinhua.txt")
    hou = sentence_of(kg, node(kg, "Hou Peng", "Person"))
    assert objects(kg, hou, "imprisonmentMonths") == [36] and objects(kg, hou, "fineYuan") == [50000]
    assert objects(kg, sentence_of(kg, node(kg, "Dong Rubin", "Person")), "fineYuan") == [350000]
    # "... sentenced Dong Rubin to six years and six months in prison for illegal business operations" / "Hou
    # Peng, received a three-year jail term ... over the same charge"
    assert objects(kg, hou, "convictedOf") == ["illegal business operations"]
    # "The court of Wuhua District in the provincial capital city of Kunming"
    assert objects(kg, node(kg, "court of Wuhua District", "Court"), "locatedIn") == ["Kunming", "Wuhua District"]


def test_a_court_line_and_the_places_after_it_or_under_it():
    # "Guangzhou Municipal Intermediate People's Court, Guangdong Province" on a line of its own
    kg = build_dev("case-06_guo-jianhe-yuexiu-appeal.txt")
    court = node(kg, "Guangzhou Municipal Intermediate People's Court", "Court")
    assert objects(kg, court, "locatedIn") == ["Guangdong", "Guangzhou"]
    # "Jagdaqi District People’s Court" over "Daxing’anling Prefecture, Heilongjiang, PR China" (not in China: a
    # country is no place of a body)
    kg = build_dev("case-03_jiang-kun-jagdaqi.txt")
    court = node(kg, "Jagdaqi District People’s Court", "Court")
    assert objects(kg, court, "locatedIn") == ["Daxing’anling Prefecture", "Heilongjiang", "Jagdaqi District"]


def test_a_national_body_is_no_body_in_its_country():
    # reg-01's joint order: "Cyberspace Administration of China, ... People's Bank of China, ..."
    kg = build_dev("reg-01_cybersecurity-review-measures-2020.txt")
    bodies = [n for n in kg.nodes.values() if n.cls == "Agency"]
    assert len(bodies) == 12 and not [b for b in bodies if objects(kg, b, "locatedIn")]


def test_a_court_whose_place_follows_a_comma_and_counsel_at_a_law_firm():
    # "Intermediate People's Court, Chuxiong Yi Autonomous Prefecture, Yunnan"; "Defense counsel Zhang Lei is
    # a lawyer at the Beijing Tongling Zhengxin Law Firm."
    kg = build_dev("case-08_wang-yuwen-wang-liqin-chuxiong.txt")
    assert node(kg, "Intermediate People's Court, Chuxiong Yi Autonomous Prefecture, Yunnan", "Court")
    assert objects(kg, node(kg, "Zhang Lei", "Person"), "memberOf") == ["Beijing Tongling Zhengxin Law Firm"]


def test_a_report_s_unnamed_man_and_somebody_else():
    # "A man in Guangdong province was ... ordered ... to pay a RMB1,000 fine"; later "a man in Shanghai was
    # fined RMB10,000 and sentenced to three years": not him
    kg = build_dev("case-12_zhu-vpn-fine-guangdong.txt")
    zhu = sentence_of(kg, node(kg, "Zhu", "Person"))
    assert objects(kg, zhu, "fineYuan") == [1000] and objects(kg, zhu, "imprisonmentMonths") == []


def test_a_translators_note_convicts_and_an_indictment_names_the_procuratorate_by_its_first_syllable():
    # "Sheng Zhonghua was convicted for committing the crime of "寻衅滋事." I translate this as "disturbing the
    # peace""; "the Public Security Bureau of Dalian's Ganjingzi Precinct"; "Su Huanhai of the Liaoning LijinLaw
    # Firm"; "In the Gan Procuratorate Public Prosecution Criminal Indictment (2020) No. 460 the People's
    # Procuratorate of Ganjingzi, Dalian charged ..."
    kg = build_dev("case-01_sheng-zhonghua-dalian.txt")
    (judgment,) = [n for n in kg.nodes.values() if n.cls == "Judgment"]
    sheng = sentence_of(kg, node(kg, "Sheng Zhonghua", "Person"))
    assert objects(kg, sheng, "convictedOf") == ["picking quarrels and provoking trouble"]
    assert node(kg, "disturbing the peace", "Crime").label == "picking quarrels and provoking trouble"
    assert objects(kg, node(kg, "Su Huanhai", "Person"), "memberOf") == ["Liaoning LijinLaw Firm"]
    assert node(kg, "Public Security Bureau of Dalian's Ganjingzi Precinct", "Agency")
    proc = node(kg, "Gan Procuratorate", "Agency")
    assert proc is node(kg, "People's Procuratorate of Ganjingzi", "Agency")
    assert objects(kg, judgment, "prosecutedBy") == [proc.label]


# The head of a translated judgment on en.wikisource.org, verbatim:
# https://en.wikisource.org/wiki/Translation:People_v_Zhang_Yuetang_(2020)
HEDONG = """Hedong District People’s Court
Tianjin, PR China
Criminal Judgement
[2020] Jin 0102 Xing Chu No 65

Prosecution Authority: the People’s Procuratorate of Hedong District of Tianjin (the ‘Prosecution’).

The Defendant, Zhang Yuetang, former name Zhang Yaotang, male, born on 9 June 1955 in Hebei Province, Han Chinese, \
member of the Chinese Communist Party, bachelor’s degree, retired from the Bureau of Lower Reaches Management of the \
Hai River Water Resources Commission of the Ministry of Water Resources, resides at Room 102, Entrance 1, Building 9, \
Dibo Yayuan, Diliu Dadao Housing Estate, Hedong District, Tianjin.

Defence counsel: Wu Jinjin, a lawyer with Beijing Weiheng (Tianjin) Law Firm.
"""


def test_a_body_of_a_place_of_a_city_and_a_law_firm_with_its_branch_in_brackets(tmp_path):
    (tmp_path / "People_v_Zhang_Yuetang_(2020).txt").write_text(HEDONG, encoding="utf-8")
    kg = pipeline.build([tmp_path])
    judgment = node(kg, "Hedong District People’s Court", "Judgment")
    proc = node(kg, "People’s Procuratorate of Hedong District of Tianjin", "Agency")
    assert objects(kg, judgment, "prosecutedBy") == [proc.label]
    assert objects(kg, proc, "locatedIn") == ["Hedong District", "Tianjin"]
    assert node(kg, "Hai River Water Resources Commission of the Ministry of Water Resources", "Agency")
    assert objects(kg, node(kg, "Wu Jinjin", "Person"), "memberOf") == ["Beijing Weiheng (Tianjin) Law Firm"]
    assert not [n for n in kg.nodes.values() if n.label == "Beijing"]


def timeline(name: str) -> list[tuple[str, str, str, str]]:
    kg = build_dev(name)
    _, rows = run(kg.store, named_queries()["timeline"].text, {})
    return [(r[1], r[2], r[3], r[4]) for r in rows]


def test_the_timeline_of_a_case_with_two_defendants():
    # "On May 31, 2020, he was taken into criminal detention by the Public Security Bureau of Chuxiong
    # Prefecture ..., and on July 3 of the same year he was arrested."
    psb = "Public Security Bureau of Chuxiong Prefecture"
    assert timeline("case-08_wang-yuwen-wang-liqin-chuxiong.txt") == [
        ("Wang Liqin", "detention", "2020-06-17", psb), ("Wang Liqin", "arrest", "2020-07-07", psb),
        ("Wang Liqin", "indictment", "2020-12-15", "Chuzhou Procuratorate"),
        ("Wang Yuwen", "detention", "2020-05-31", psb), ("Wang Yuwen", "arrest", "2020-07-03", psb),
        ("Wang Yuwen", "indictment", "2020-12-15", "Chuzhou Procuratorate")]


def test_the_timeline_of_a_chinese_judgment():
    # "因本案，2019年11月20日被刑事拘留，同年12月27日被依法逮捕。"; "于2020年3月27日向本院提起公诉";
    # "本院立案后，...于2020年4月7日公开开庭审理了本案" (the date is the hearing's); the term "即自2019年11月20日起至2020年
    # 6月19日止"
    assert timeline("zh-01_haining-shen-yinfeng-fraud.txt") == [
        ("Shen Yinfeng", "detention", "2019-11-20", ""), ("Shen Yinfeng", "termStart", "2019-11-20", ""),
        ("Shen Yinfeng", "arrest", "2019-12-27", ""),
        ("Shen Yinfeng", "indictment", "2020-03-27", "浙江省海宁市人民检察院"), ("Shen Yinfeng", "hearing", "2020-04-07", ""),
        ("Shen Yinfeng", "termEnd", "2020-06-19", "")]


def test_an_indictment_and_its_number():
    # "In the Gan Procuratorate Public Prosecution Criminal Indictment (2020) No. 460 the People's Procuratorate of
    # Ganjingzi, Dalian charged defendant Sheng Zhonghua ..."; "by the Indictment [2019] Da Jia Jiansu Xingsu No 71";
    # "以海检一部刑诉[2020]431号起诉书指控被告人沈银锋犯诈骗罪，于2020年3月27日向本院提起公诉"
    def numbers(name: str) -> list[tuple[str, str]]:
        _, rows = run(build_dev(name).store, named_queries()["timeline"].text, {})
        return [(r[3], r[6]) for r in rows if r[2] == "indictment"]

    assert numbers("case-01_sheng-zhonghua-dalian.txt") == [("2020-09-03", "(2020) No. 460")]
    assert numbers("case-03_jiang-kun-jagdaqi.txt") == [("2019-06-18", "[2019] Da Jia Jiansu Xingsu No 71")]
    assert numbers("zh-01_haining-shen-yinfeng-fraud.txt") == [("2020-03-27", "海检一部刑诉[2020]431号")]


def test_the_period_a_term_runs_in_the_seed_judgments():
    # "(The term of the sentence is calculated from the date of execution of the judgment ... Therefore it shall
    # run from March 2, 2017 to October 1, 2017.)"
    kg = pipeline.build([SEEDS])
    _, rows = run(kg.store, named_queries()["timeline"].text, {})
    assert [(r[1], r[2], r[3]) for r in rows if r[2].startswith("term")] == [
        ("Duan Zheng", "termStart", "2017-03-02"), ("Duan Zheng", "termEnd", "2017-10-01"),
        ("Huang Shike", "termStart", "2016-08-24"), ("Huang Shike", "termEnd", "2018-08-23")]


def test_the_days_from_detention_to_judgment():
    # the seed: detained "on March 2, 2017", decided "August 25, 2017"; zh-01: 刑事拘留 2019年11月20日, decided
    # 二〇二〇年四月七日 (across the leap day of 2020)
    query = named_queries()["custody"].text
    _, rows = run(pipeline.build([SEEDS]).store, query, {})
    assert [tuple(r[1:]) for r in rows] == [("Duan Zheng", "2017-03-02", "2017-08-25", "176")]
    _, rows = run(build_dev("zh-01_haining-shen-yinfeng-fraud.txt").store, query, {})
    assert [tuple(r[1:]) for r in rows] == [("Shen Yinfeng", "2019-11-20", "2020-04-07", "139")]
