"""Duties of the real Cybersecurity Law and Personal Information Protection Law (../shared/corpus): each
sentence of an article with 应当, 必须, 负责, 不得 or 禁止 is a Duty stated in its article, with its bearer (one
RegulatedParty node across laws for one name), its modality and its action; counted against the text. In
English, the shipped seed's bilingual CAC provisions ("shall", "shall not", "may not") and the development
set's regulations."""

from __future__ import annotations

import re

import pytest

from conftest import SEEDS, SHARED, node
from legal_kg.extractors.values import zh_number
from legal_kg.graph import pipeline

LAWS = SHARED / "corpus"
CYBERSECURITY = LAWS / "zh-cybersecurity-law-2016.md"
PIPL = LAWS / "zh-personal-information-protection-law-2021.md"
DATA_SECURITY = LAWS / "zh-data-security-law-2021.md"
SEED = next(SEEDS.glob("*.txt"))
DEV = SHARED / "eval" / "dev" / "docs"
pytestmark = pytest.mark.skipif(not CYBERSECURITY.exists(), reason="the corpus is not beside the repo")


@pytest.fixture(scope="module")
def kg():
    return pipeline.build([CYBERSECURITY, PIPL])


def duties(kg, law) -> list[dict]:
    """Each duty of a law (its file): its article's number and language and its facts (predicate -> value; the
    bearer's label), in the order of the text."""
    out: dict[str, dict] = {}
    for st in kg.statements:
        duty = kg.nodes[st.subject]
        if duty.cls == "Duty" and duty.evidence[0].source == law.name:
            value = st.obj if st.literal else kg.nodes[str(st.obj)]
            out.setdefault(st.subject, {"at": duty.evidence[0].start})[st.predicate] = value
    return [{**d, "article": d["statedIn"].props["number"], "lang": d["statedIn"].props["lang"],
             "bearer": d["bearer"].label if "bearer" in d else ""} for d in sorted(out.values(), key=lambda d: d["at"])]


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
    assert len(handlers) == 42
    # 第四十七条 ... 个人信息处理者未删除的，个人有权请求删除: the handler names the condition, the individual bears
    # the right (a permission)
    (erase,) = [d for d in duties(kg, PIPL) if d["article"] == "47" and d["modality"] == "permission"]
    assert (erase["bearer"], erase["action"]) == ("个人", "请求删除：")
    # both laws oblige the national cyberspace department, 国家网信部门, which the gazetteer knows as the CAC: the
    # agency itself, one node
    parties = {n.iri for n in kg.nodes.values() if n.label == "Cyberspace Administration of China"}
    assert len(parties) == 1
    (party,) = [kg.nodes[i] for i in parties]
    assert (party.cls, party.zh_label) == ("Agency", "国家网信部门")
    assert all(any(d["bearer"] == "Cyberspace Administration of China" for d in duties(kg, law))
               for law in (CYBERSECURITY, PIPL))


def test_the_named_queries_on_duties(kg):
    from legal_kg.graph.query import named_queries

    library = named_queries()
    operators = kg.query(library["duties"].text, label="network operators")
    assert len(operators) == 16 and operators == kg.query(library["duties"].text, label="网络运营者")
    # 第六十八条 网络运营者违反本法第四十七条规定，对法律、行政法规禁止发布...的信息未停止传输...的，由有关主管部门责令改正: a sanction,
    # whose 禁止 states no duty of its own
    assert "第六十八条" not in [r["article"] for r in operators]
    article_21 = next(r for r in operators if r["article"] == "第二十一条")
    assert article_21["modality"] == "obligation" and article_21["sanctionedBy"] == "第五十九条"
    assert (article_21["fineMinYuan"], article_21["fineMaxYuan"]) == (10_000, 100_000)
    unsanctioned = kg.query(library["unsanctioned-duties"].text)
    assert not any(r["article"] in ("第二十一条", "第二十五条") and r["regulation"] == "中华人民共和国网络安全法"
                   for r in unsanctioned)
    assert any(r["article"] == "第九条" and r["bearer"] == "network operators" for r in unsanctioned)


def test_the_repeated_duties_of_the_national_cyberspace_department():
    from legal_kg.graph.query import named_queries

    kg = pipeline.build([CYBERSECURITY, DATA_SECURITY])
    rows = kg.query(named_queries()["repeated-duties"].text)
    # 数据安全法 第六条 国家网信部门依照本法和有关法律、行政法规的规定，负责统筹协调网络数据安全和相关监管工作;
    # 网络安全法 第八条 国家网信部门负责统筹协调网络安全工作和相关监督管理工作
    assert [(r["bearer"], r["modality"], r["opening"], int(r["regulations"]), r["first"].split(": ")[0],
             r["last"].split(": ")[0]) for r in rows] == [
        ("Cyberspace Administration of China", "obligation", "统筹协调网络", 2, "中华人民共和国数据安全法 第六条",
         "中华人民共和国网络安全法 第八条")]


@pytest.fixture(scope="module")
def seed():
    return pipeline.build([SEED])


def test_english_duties_of_the_seed_s_cac_provisions(seed):
    found = [d for d in duties(seed, SEED) if d["lang"] == "en"]
    # Article 6. ... Internet public account information service providers shall not provide information
    # dissemination services for users who do not provide authentic identity information.
    assert {"bearer": "Internet public account information service providers", "modality": "prohibition",
            "action": "provide information dissemination services for users who do not provide authentic identity "
                      "information", "article": "6", "paragraph": 1} in [
        {k: d[k] for k in ("bearer", "modality", "action", "article", "paragraph")} for d in found]
    # Article 11. Internet public account information service users may not use public accounts to transmit ...
    (users,) = [d for d in found if d["article"] == "11" and d["action"].startswith("use public accounts")]
    assert (users["bearer"], users["modality"]) == ("Internet public account information service users", "prohibition")
    # "These Provisions shall apply to ...", "shall enter into force": no duty
    public_accounts = [d for d in found if "public-account" in d["statedIn"].iri]
    assert not [d for d in public_accounts if d["article"] in ("2", "18")]
    # "Article 8. Internet news information service providers who have acquired Internet news information editorial
    # an publishing credentials in accordance with the law may use public accounts to edit and publish news
    # information": a permission
    (news,) = [d for d in public_accounts if d["article"] == "8"]
    assert (news["bearer"], news["modality"]) == ("Internet news information service providers", "permission")
    assert news["action"] == "use public accounts to edit and publish news information"
    # "They shall require users who have many accounts ...": a pronoun, the bearer named before it
    (they,) = [d for d in found if d["action"].startswith("require users who have many accounts")]
    assert they["bearer"] == "Internet public account information service providers"


def test_every_english_article_line_with_shall_or_may_yields_a_duty(seed):
    text = SEED.read_text(encoding="utf-8")
    lines = [m for m in re.finditer(r"^Article \d+\..*$", text, re.M)]
    obliging = {m.start() for m in lines
                if re.search(r"\b(?:shall|may)\b(?! (?:apply|enter into force|be handled))", m.group())}
    assert len(obliging) == 24  # of the two provisions' 33 articles
    at = [d["at"] for d in duties(seed, SEED) if d["lang"] == "en"]
    assert {m.start() for m in lines if any(m.start() <= a < m.end() for a in at)} == obliging  # an article's line


def test_a_bilingual_regulation_s_bearer_is_one_party_in_both_languages(seed):
    providers = node(seed, "Internet public account information service providers", "RegulatedParty")
    assert providers.zh_label == "互联网用户公众账号信息服务提供者"
    # the providers of the service the provisions govern
    services = [seed.nodes[str(st.obj)].label for st in seed.statements
                if st.subject == providers.iri and st.predicate == "partyOf"]
    assert services == ["Internet public account information services"]
    # "The Cyberspace Administration of China shall be responsible for ...", 国家互联网信息办公室负责...: the agency
    cac = node(seed, "Cyberspace Administration of China", "Agency")
    borne = {d["lang"] for d in duties(seed, SEED) if d["bearer"] == "Cyberspace Administration of China"}
    assert borne == {"en", "zh"} and cac.zh_label == "国家互联网信息办公室"
    assert not [n for n in seed.nodes.values() if n.cls == "RegulatedParty" and n.label == cac.label]


@pytest.mark.skipif(not DEV.exists(), reason="../shared is not beside the repo")
def test_a_bearer_named_by_the_short_name_it_defines():
    law = DEV / "reg-04_info-service-market-order-feichangdao.txt"
    found = duties(pipeline.build([law]), law)
    # Article 3. The Ministry of Industry and Information Technology and the communication administrations of the
    # provinces, ... (hereinafter referred to as "Telecommunication Administration Agencies") shall oversee ...
    (article_3,) = [d for d in found if d["article"] == "3"]
    assert article_3["bearer"] == "Telecommunication Administration Agencies"
    # Article 2. Anyone who engages in Internet information services ... shall obey these provisions.
    (article_2,) = [d for d in found if d["article"] == "2"]
    assert article_2["bearer"].startswith("Anyone who engages in Internet information services")


def test_a_regulation_s_page_lists_its_duties_by_bearer_with_their_sanctions(kg, tmp_path):
    import html as html_module

    from legal_kg.graph.html import write_pages

    write_pages(kg, tmp_path)
    page = next(p for p in (tmp_path / "docs").glob("*.html") if "<h1>中华人民共和国网络安全法</h1>" in p.read_text(encoding="utf-8"))
    text = page.read_text(encoding="utf-8")
    section = text[text.index("<h3>network operators</h3>"):]
    section = section[:section.index("</table>")]
    row = next(r for r in section.split("<tr>") if "<td>第二十一条</td>" in r)
    assert "<td>obligation</td>" in row and "按照网络安全等级保护制度的要求" in html_module.unescape(row)
    # the sanction of Article 59, its fine range, leading to its paragraph marked in the text
    assert "第五十九条 (10,000–100,000 yuan)</a>" in row
    for anchor in [a for a in row.split('href="#')[1:]]:
        assert f'id="{anchor.split(chr(34))[0]}"' in text
