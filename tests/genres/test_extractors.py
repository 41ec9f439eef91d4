"""Each extractor on short texts that differ from the seed: other names, courts, numbers, languages."""

from __future__ import annotations

import pytest

from legal_kg.extractors import citations, crimes, mentions, persons
from legal_kg.extractors.values import amount, en_months, find_dates, zh_months, zh_number


@pytest.mark.parametrize(("text", "iso"), [
    ("Issued on: June 1, 2021", "2021-06-01"),
    ("decided 3 Sept 2019 in Wuhan", "2019-09-03"),
    ("本规定自2022年3月1日起施行", "2022-03-01"),
    ("二〇一九年十二月三十日", "2019-12-30"),
])
def test_dates(text, iso):
    assert [d[2] for d in find_dates(text)] == [iso]


def test_numbers_terms_and_amounts():
    assert zh_number("二百八十七") == 287
    assert zh_number("一百二十") == 120
    assert en_months("sentenced to three years and six months imprisonment")[2] == 42
    assert en_months("a 10-month prison term")[2] == 10
    assert en_months("imprisonment of 1 year 2 months")[2] == 14  # no "and" between years and months
    assert en_months("five and a half years in prison")[2] == 66
    assert en_months("a year and a half")[2] == 18
    assert en_months("half a year of criminal detention")[2] == 6
    assert en_months("half years") is None and en_months("zero months") is None  # no term of nothing
    assert zh_months("一年六个月") == 18
    assert zh_months("八个月") == 8
    assert amount("20,000") == 20000
    assert amount("一万") == 10000


def _names(text, cls):
    return [(text[c.start:c.end], c.name) for c in mentions.find(text) if c.cls == cls]


def test_courts_agencies_and_places():
    text = ("The Hangzhou Intermediate People's Court of Zhejiang Province heard the case brought by the "
            "Xihu District People's Procuratorate of Hangzhou, investigated by the Hangzhou Public Security "
            "Bureau Cyber Security Detachment.")
    assert [n for _, n in _names(text, "Court")] == ["Hangzhou Intermediate People's Court of Zhejiang Province"]
    assert sorted(n for _, n in _names(text, "Agency")) == [
        "Hangzhou Public Security Bureau Cyber Security Detachment",
        "Xihu District People's Procuratorate of Hangzhou"]
    assert sorted({n for _, n in _names(text, "Location")}) == ["Hangzhou", "Xihu District", "Zhejiang"]


def test_courts_need_a_place_and_websites_are_platforms():
    text = "The People's Court of China website posted the verdict of the Haidian District People's Court."
    assert [n for _, n in _names(text, "Court")] == ["Haidian District People's Court"]
    assert [n for _, n in _names(text, "Platform")] == ["People's Court of China website"]


def test_platform_patterns_and_operator_possessive():
    text = 'He used the Lantern VPN software to reach a forum called "FreeTalk" and Alibaba\'s Taobao.'
    assert sorted(n for _, n in _names(text, "Platform")) == ["FreeTalk", "Lantern VPN", "Taobao"]
    assert mentions.platform_key("Lantern VPN") == mentions.platform_key("Lantern")


def test_quoted_and_chinese_statutes():
    text = ('pursuant to the "Provisions on Internet Live Streaming Services" and 《网络信息内容生态治理规定》 and the '
            "Counter-Espionage Law")
    names = sorted(n for _, n in _names(text, "Statute"))
    assert names == ["Counter-Espionage Law of the People's Republic of China",
                     "Provisions on Internet Live Streaming Services", "网络信息内容生态治理规定"]


def _cites(text, regulation=False, crime_articles=frozenset()):
    statutes = [c for c in mentions.find(text) if c.cls == "Statute"]
    return [(a.surface, a.number, a.statute.name) for a in citations.find(text, statutes, regulation, set(crime_articles))]


def test_article_lists_attach_to_the_statute_after_them():
    text = ("In accordance with Articles 264 and 52 and Article 67(1) of the Criminal Law and Article 15 of the "
            "Supreme People's Procuratorate's \"Opinions on Handling Online Fraud\", the court rules:")
    assert _cites(text) == [
        ("Article 264", "264", "Criminal Law of the People's Republic of China"),
        ("Article 52", "52", "Criminal Law of the People's Republic of China"),
        ("Article 67(1)", "67", "Criminal Law of the People's Republic of China"),
        ("Article 15", "15", "Opinions on Handling Online Fraud"),
    ]


def test_chinese_article_citations():
    text = "依照《中华人民共和国刑法》第二百八十七条之二第一款、第六十四条和《中华人民共和国刑事诉讼法》第二百条的规定"
    assert _cites(text) == [
        ("第二百八十七条之二", "287-2", "Criminal Law of the People's Republic of China"),
        ("第六十四条", "64", "Criminal Law of the People's Republic of China"),
        ("第二百条", "200", "Criminal Procedure Law of the People's Republic of China"),
    ]


def test_bare_articles_in_regulations_are_internal_references():
    text = "Article 3. Violations of Article 2 of these Provisions are handled under the Cybersecurity Law."
    assert _cites(text, regulation=True) == []


def test_sub_article_rendered_as_paragraph_reads_as_the_offence_article():
    text = "In accordance with Article 286 (1)(ii) of the Criminal Law, the court rules:"
    assert _cites(text, crime_articles={"286-1"})[0][1] == "286-1"
    assert _cites(text)[0][1] == "286"


def test_crime_names_meet_across_translations():
    text = ("The procuratorate charged him with the crime of infringing citizens' personal information. "
            "He was convicted of infringing on citizens' personal information, and 犯侵犯公民个人信息罪.")
    found = crimes.find(text, 0, True)
    assert {c.key for c in found} == {"gaz:infringing-personal-information"}
    assert len(found) == 3


def test_unknown_crime_is_keyed_by_stems():
    a = crimes.stem_key("illegally trading wild animals")
    b = crimes.stem_key("illegal trade of wild animal")
    assert a == b


def _people(text, judgment=True):
    return {(p.name, p.zh_name, tuple(p.roles)) for p in persons.find(text, 0, judgment)}


def test_people_by_role_and_chinese_signature():
    text = ("Defendant Gao Yuan, female, born 1988. Defense counsel Ma Lin of the Hubei Zhongnan Law Firm.\n"
            "Presiding Judge: Qian Hong\nPeople's Juror: Ouyang Xue\nClerk: Fan Bo\n\n"
            "审 判 长  钱 红\n人民陪审员  欧阳雪\n书 记 员  范 波\n")
    assert _people(text) == {
        ("Gao Yuan", "", ("defendant",)), ("Ma Lin", "", ("defenseCounsel",)),
        ("Qian Hong", "钱红", ("judge",)), ("Ouyang Xue", "欧阳雪", ("judge",)), ("Fan Bo", "范波", ("clerk",))}


def test_chinese_name_matched_by_position_when_spelling_differs():
    text = "Presiding Judge: Alimjan Tursun\nClerk: Ma Li\n\n审判长 阿里木江·吐尔逊\n书记员 马丽\n"
    people = {p.name: p.zh_name for p in persons.find(text, 0, True)}
    assert people == {"Alimjan Tursun": "阿里木江·吐尔逊", "Ma Li": "马丽"}


def test_surname_and_misspelling_are_the_same_person():
    text = ("Defendant Wu Gang, male. Defendant Wu Gang confessed. Defendant Wu Gang appealed. "
            "The court heard defendant Wu Gan. Wu said he regretted it.")
    people = persons.find(text, 0, True)
    assert len(people) == 1
    assert {m.name for m in people[0].mentions} == {"Wu Gang", "Wu Gan", "Wu"}


def test_two_people_with_one_surname_get_no_surname_mentions():
    text = "Defendant Li Hua and defendant Li Qiang were tried. Li said nothing."
    people = persons.find(text, 0, True)
    assert sorted(p.name for p in people) == ["Li Hua", "Li Qiang"]
    assert all("Li" not in {m.name for m in p.mentions} for p in people)


def test_a_headline_noun_phrase_is_not_a_person():
    text = "Tibetan Monk Sentenced to Seven Years\n\nA court sentenced a Tibetan monk to seven years in prison."
    assert persons.find(text, text.index("\n"), False) == []
    text = "Wang Quanzhang Sentenced to Four Years\n\nA court in Tianjin sentenced the lawyer."
    assert [p.name for p in persons.find(text, text.index("\n"), False)] == ["Wang Quanzhang"]


def test_a_list_of_defendants_and_not_a_name_followed_by_a_place():
    text = ("The court tried defendants Li Ming, Wang Qiang and Zhao Lei for fraud. "
            "Defendant Sun Hua, Haidian District resident, confessed.")
    assert sorted(p.name for p in persons.find(text, 0, True)) == ["Li Ming", "Sun Hua", "Wang Qiang", "Zhao Lei"]


def test_the_penalty_an_operative_sentence_imposes():
    from legal_kg.extractors.penalties import penalty

    def main(text: str) -> tuple:
        found = penalty(text)
        return found.imprisonmentMonths, found.probationMonths, found.fineYuan

    assert main("Defendant X is sentenced to criminal detention of five months, suspended for six months, and "
                "fined 3,000 yuan.") == (5, 6, 3000)
    assert main("Defendant X is sentenced to fixed-term imprisonment of one year and six months, suspended for "
                "two years, and fined RMB 10,000 yuan.") == (18, 24, 10000)
    assert main("Defendant X is sentenced to eight months of public surveillance.") == (None, None, None)


REPORTED = [  # a report's sentence -> {person: sorted (predicate, object)}
    ("Zhang Wei was convicted of illegal business operations and sentenced to two years.",
     {"Zhang Wei": [("convictedOf", "illegal business operations"), ("imprisonmentMonths", 24)]}),
    ("The Dongguan court convicted Zhang Wei of illegal business operations and sentenced him to 18 months.",
     {"Zhang Wei": [("convictedOf", "illegal business operations"), ("imprisonmentMonths", 18)]}),
    ("A court found Zhang Wei guilty of fraud and sentenced him to two years.",
     {"Zhang Wei": [("convictedOf", "fraud"), ("imprisonmentMonths", 24)]}),
    ("Zhang Wei and Li Qiang were sentenced to three years and two years respectively for illegal business "
     "operations.", {"Zhang Wei": [("convictedOf", "illegal business operations"), ("imprisonmentMonths", 36)],
                     "Li Qiang": [("convictedOf", "illegal business operations"), ("imprisonmentMonths", 24)]}),
    ("Zhang Wei was detained for 10 days by police in Shenzhen for spreading rumors on WeChat.", {}),
    ("Zhang Wei was sentenced to death with a two-year reprieve for fraud.", {"Zhang Wei": [("convictedOf", "fraud")]}),
    ("Ilham Tohti was sentenced to life in prison for separatism.", {"Ilham Tohti": [("convictedOf", "splittism")]}),
]


def _people_facts(path) -> dict[str, list]:
    """Each person's facts and the facts of their sentence, sorted, in the graph of one file."""
    from legal_kg.graph import pipeline

    kg = pipeline.build([path])
    whose = {st.subject: kg.nodes[st.obj].label for st in kg.statements if st.predicate == "sentenceOf"}
    said: dict[str, list] = {}
    for st in kg.statements:
        node = kg.nodes[st.subject]
        if node.cls == "Person" or node.cls == "Sentence" and st.predicate not in ("sentenceOf", "imposedBy"):
            said.setdefault(whose.get(st.subject, node.label), []).append(
                (st.predicate, st.obj if st.literal else kg.nodes[st.obj].label))
    return {k: sorted(v) for k, v in said.items()}


@pytest.mark.parametrize(("sentence", "facts"), REPORTED)
def test_what_a_report_says_a_court_did(tmp_path, sentence, facts):
    path = tmp_path / "report.txt"
    path.write_text(f"Men jailed over VPN sales\n\nBy Staff Reporter\n\nGUANGZHOU - {sentence}\n\nThe court said so.\n",
                    encoding="utf-8")
    assert _people_facts(path) == facts


def _judged(tmp_path, operative: str) -> dict[str, list]:
    """Each person's facts in a judgment whose operative part is `operative`."""
    path = tmp_path / "judgment.txt"
    path.write_text("Criminal Judgment of the Dongguan Intermediate People's Court\n\n(2020) Yue 19 Xing Chu No. 12\n\n"
                    "Defendant: Zhang Wei, male, born 1980.\n\nDefendant: Li Si, male, born 1982.\n\n"
                    f"The judgment is as follows:\n\n{operative}\n\nPresiding Judge: Li Na\n\nDecember 1, 2020\n",
                    encoding="utf-8")
    return _people_facts(path)


def test_an_operative_sentence_that_finds_guilty(tmp_path):
    assert _judged(tmp_path, "Defendant Zhang Wei is found guilty of fraud and sentenced to three years in prison, "
                   "suspended for four years.") == {"Zhang Wei": [("convictedOf", "fraud"), ("imprisonmentMonths", 36),
                                                                  ("probationMonths", 48)]}


def test_an_operative_sentence_for_two_respectively(tmp_path):
    assert _judged(tmp_path, "Defendants Zhang Wei and Li Si are guilty of fraud and are sentenced to three years "
                   "and two years respectively, and fined RMB 30,000 and RMB 20,000 respectively.") == {
        "Zhang Wei": [("convictedOf", "fraud"), ("fineYuan", 30000), ("imprisonmentMonths", 36)],
        "Li Si": [("convictedOf", "fraud"), ("fineYuan", 20000), ("imprisonmentMonths", 24)]}
    assert _judged(tmp_path, "Defendants Zhang Wei and Li Si are guilty of fraud and are sentenced to three years "
                   "and two years respectively, and fined 30,000 yuan and 20,000 yuan respectively.") == {
        "Zhang Wei": [("convictedOf", "fraud"), ("fineYuan", 30000), ("imprisonmentMonths", 36)],
        "Li Si": [("convictedOf", "fraud"), ("fineYuan", 20000), ("imprisonmentMonths", 24)]}


@pytest.mark.parametrize("line", ["August 25, 2017", "25 August 2017", "August 25th, 2017", "Aug. 25, 2017",
                                  "2017-08-25", "Date: August 25, 2017", "August 25, 2017 (seal)", "二〇一七年八月二十五日"])
def test_a_judgment_dateline(line):
    from legal_kg.extractors.genres.judgment import _dateline

    assert _dateline(line) == "2017-08-25"


@pytest.mark.parametrize("line", ["Defendant Zhang Wei, born on August 25, 2017.", "August 25, 2017 and May 1, 2018",
                                  "Date:", ""])
def test_not_a_judgment_dateline(line):
    from legal_kg.extractors.genres.judgment import _dateline

    assert _dateline(line) is None
