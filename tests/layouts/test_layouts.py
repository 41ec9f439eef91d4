"""The layout stage on real texts: each layout reads a document of ../shared/ (the development set's
regulations from legal databases and blogs, LawRefBook's Markdown) and states exact titles, header facts
and article numbers."""

from __future__ import annotations

import re

import pytest

from conftest import SHARED
from legal_kg.extractors import extract
from legal_kg.extractors.documents import split
from legal_kg.extractors.layouts import ORDER, REGISTRY, blocks, lay
from legal_kg.extractors.text import plain
from legal_kg.graph.model import DOC

DEV = SHARED / "eval" / "dev" / "docs"
LAWREFBOOK = SHARED / "corpus" / "lawrefbook"
pytestmark = pytest.mark.skipif(not DEV.is_dir(), reason="the shared development set is not beside the repo")


def _dev(prefix: str) -> tuple[str, str]:
    (path,) = DEV.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8-sig"), str(path)


def _header(text: str, path: str) -> list[tuple[str, str]]:
    (doc,) = split(text, path)
    return [(f.kind, f.value) for f in doc.header]


def _facts(doc) -> dict[str, list]:
    ex = extract(doc)
    out: dict[str, list] = {}
    for f in ex.facts:
        if f.subject == DOC:
            out.setdefault(f.predicate, []).append(f.obj if f.literal else ex.entities[f.obj].name)
    return {k: sorted(set(v)) for k, v in out.items()}


def _articles(doc) -> list[str]:
    ex = extract(doc)
    return [f"{e.props['lang']}:{e.props['number']}" for e in ex.entities.values() if e.props.get("own")]


def test_every_layout_is_registered_in_order():
    lay("")  # loads the modules
    assert sorted(REGISTRY) == sorted(ORDER)


def test_a_file_no_layout_recognises_is_plain_and_its_view_is_the_text():
    text = "Certain words\n\nthat no layout reads.\n"
    laid = lay(text)
    assert laid.layouts == ("plain",) and laid.view == text and laid.fields == []


@pytest.mark.parametrize("prefix", ["reg-01", "reg-02", "reg-04", "reg-06", "reg-08", "reg-09", "reg-10"])
def test_a_view_is_the_text_offset_for_offset(prefix):
    text, _ = _dev(prefix)
    laid = lay(text)
    assert len(laid.view) == len(text)
    assert [i for i, c in enumerate(text) if c == "\n"] == [i for i, c in enumerate(laid.view) if c == "\n" and text[i] == "\n"]
    for f in laid.fields:
        assert f.kind in ("issued", "effective", "posted", "status", "genre") or f.value == text[f.start:f.end]


def test_translation_memory_markup():
    text, path = _dev("reg-08")
    (doc,) = split(text, path)
    assert doc.layouts == ("tm_markup",)
    assert doc.title == "Computer Information Network and Internet Security, Protection and Management Regulations"
    assert doc.alt_titles == ("计算机信息网络国际联网安全保护管理办法",)
    assert "{0>" not in doc.view and "<}0{>" not in doc.view
    assert _articles(doc) == ["zh:1", "en:1", "zh:2", "en:2", "zh:3", "en:3"]
    facts = _facts(doc)
    assert facts["issuedOn"] == ["1997-12-30"]  # approved by the State Council on 12-11, promulgated on 12-30
    assert "Ministry of Public Security" in facts["issuedBy"]


def test_pkulaw_status_brackets_issuer_line_and_articles_side_by_side():
    text, path = _dev("reg-02")
    (doc,) = split(text, path)
    assert doc.layouts == ("status_bracket", "issuer_line", "bilingual_inline")
    assert doc.title == "Provisions on the Administration of Internet Group Information Services"
    assert doc.alt_titles == ("互联网群组信息服务管理规定",)
    assert ("status", "in force") in _header(text, path)
    assert _articles(doc) == ["en:1", "zh:1", "en:2", "zh:2"]
    facts = _facts(doc)
    assert facts["issuedOn"] == ["2017-09-07"]
    assert facts["issuedBy"] == ["Cyberspace Administration of China"]


def test_china_law_translate_metadata_line():
    text, path = _dev("reg-06")
    (doc,) = split(text, path)
    assert doc.layouts == ("metadata_line",)
    assert doc.title == "关于印发网络产品安全漏洞管理规定的通知"
    assert doc.alt_titles == ("网络产品安全漏洞管理规定",)  # the provisions the notice issues
    assert _header(text, path) == [
        ("issued", "2021-07-12"), ("title", "关于印发网络产品安全漏洞管理规定的通知"), ("number", "工信部联网安〔2021〕66号"),
        ("issuer", "工业和信息化部"), ("issuer", "国家互联网信息办公室"), ("issuer", "公安部"),
        ("source", "http://www.cac.gov.cn/2021-07/13/c_1627761607640342.htm")]
    assert _articles(doc) == ["en:1", "en:2", "en:3"]
    facts = _facts(doc)
    assert facts["issuedBy"] == ["Cyberspace Administration of China", "Ministry of Industry and Information Technology",
                                 "Ministry of Public Security"]


def test_asianlii_pipe_table():
    text, path = _dev("reg-09")
    (doc,) = split(text, path)
    assert doc.layouts == ("pipe_table",)
    assert doc.title == ("Measures for Security Protection Administration of the International Networking of Computer "
                         "Information Networks")
    assert _header(text, path) == [("category", "PUBLIC SECURITY"), ("issuer", "The State Council"),
                                   ("status", "In Force"), ("issued", "1997-12-16"), ("effective", "1997-12-30"),
                                   ("title", doc.title)]
    facts = _facts(doc)
    assert facts["issuedBy"] == ["State Council"]
    assert facts["effectiveFrom"] == ["1997-12-30"]
    ex = extract(doc)  # its history: published by its issuer, then in force
    events = sorted((e.name, sorted(ex.entities[f.obj].name for f in ex.facts if f.subject == e.id
                                    and f.predicate == "actedBy")) for e in ex.entities.values() if e.cls == "Event")
    assert events == [(f"1997-12-16 published: {doc.title}", ["State Council"]), (f"1997-12-30 effective: {doc.title}", [])]
    # the hard-wrapped titles of the rules it cites are read whole
    assert any(c.startswith("Regulations of the People's Republic of China for the Security Protection of Computer")
               for c in facts["cites"])


def test_blog_post_date_is_not_the_title():
    text, path = _dev("reg-04")
    (doc,) = split(text, path)
    assert doc.layouts == ("post_date",)
    assert doc.title == "Certain Provisions on the Regulation of Internet Information Service Market Order"
    assert _header(text, path) == [("posted", "2012-03-15")]
    assert _articles(doc) == ["en:1", "en:2", "en:3", "en:4"]
    assert "issuedOn" not in _facts(doc)


def test_joint_order_its_issuers_and_signatories():
    text, path = _dev("reg-01")
    (doc,) = split(text, path)
    assert doc.genre == "Regulation" and doc.title == "Measures for Cybersecurity Reviews"
    signatories = [v for k, v in _header(text, path) if k == "signatory"]
    assert signatories[:2] == ["Zhuang Rongwen", "He Lifeng"] and len(signatories) == 12
    facts = _facts(doc)
    assert len(facts["issuedBy"]) == 12 and "State Cryptography Administration" in facts["issuedBy"]
    assert facts["issuedOn"] == ["2020-04-13"]
    people = sorted(e.name for e in extract(doc).entities.values() if e.cls == "Person")
    assert len(people) == 12 and "Li Zhaozong" in people
    (signature,) = [b for b in doc.blocks if b.kind == "signature"]
    signed = text[signature.start:signature.end].splitlines()
    assert len(signed) == 12 and signed[0] == "Zhuang Rongwen, Director of the Cyberspace Administration of China"


def test_presidential_order_signed_without_a_comma():
    text, path = _dev("reg-10")
    (doc,) = split(text, path)
    assert doc.title == "Data Security Law of the People's Republic of China"
    assert [v for k, v in _header(text, path) if k == "signatory"] == ["Xi Jinping"]
    facts = _facts(doc)
    assert facts["issuedBy"] == ["Standing Committee of the National People's Congress"]
    assert facts["issuedOn"] == ["2021-06-10"] and facts["effectiveFrom"] == ["2021-09-01"]
    assert "cites" not in facts  # "Article 1 This Law ..." cites no law "1 This Law"


# The head of the State Council's Order No. 745, verbatim (its lines as gov.cn prints them):
# https://www.gov.cn/zhengce/content/2021-08/17/content_5631671.htm
STATE_COUNCIL_ORDER = """中华人民共和国国务院令
第745号

《关键信息基础设施安全保护条例》已经2021年4月27日国务院第133次常务会议通过，现予公布，自2021年9月1日起施行。

总理　李克强
2021年7月30日

关键信息基础设施安全保护条例

第一章　总则

第一条　为了保障关键信息基础设施安全，维护网络安全，根据《中华人民共和国网络安全法》，制定本条例。
"""


def test_a_chinese_state_council_order_and_the_regulation_it_promulgates_are_one_document():
    (doc,) = split(STATE_COUNCIL_ORDER, "order-745.txt")
    assert doc.title == "关键信息基础设施安全保护条例" and doc.layouts == ("order",)
    assert _header(STATE_COUNCIL_ORDER, "order-745.txt") == [
        ("order_issuer", "中华人民共和国国务院"), ("order", "中华人民共和国国务院令"), ("signatory", "李克强")]
    assert [(b.kind, b.number) for b in doc.blocks] == [("signature", ""), ("chapter", "1"), ("article", "1"),
                                                        ("paragraph", "1")]
    facts = _facts(doc)
    assert facts["issuedBy"] == ["State Council"]
    assert facts["issuedOn"] == ["2021-07-30"] and facts["effectiveFrom"] == ["2021-09-01"]  # signed, not adopted


@pytest.mark.skipif(not LAWREFBOOK.is_dir(), reason="the LawRefBook corpus is not beside the repo")
def test_lawrefbook_header_version_and_entry_into_force():
    path = next(LAWREFBOOK.glob("134_*.md"))  # 全国人民代表大会组织法: adopted 1982, amended 2021
    text = path.read_text(encoding="utf-8-sig")
    (doc,) = split(text, str(path))
    assert doc.layouts == ("lawrefbook",) and doc.genre == "Regulation"
    assert doc.title == "中华人民共和国全国人民代表大会组织法"
    header = [(k, v) for k, v in _header(text, str(path)) if k != "genre"]
    assert header == [("title", doc.title), ("adopted", "1982-12-10"), ("effective", "1982-12-10"),
                      ("published", "1982-12-10"), ("amended", "2021-03-11"), ("issued", "2021-03-11")]
    facts = _facts(doc)
    assert facts["issuedOn"] == ["2021-03-11"] and facts["effectiveFrom"] == ["1982-12-10"]


@pytest.mark.skipif(not LAWREFBOOK.is_dir(), reason="the LawRefBook corpus is not beside the repo")
def test_lawrefbook_interpretation_without_articles_is_a_regulation():
    path = next(LAWREFBOOK.glob("083_*.md"))  # 最高人民检察院关于...解释: no 第N条
    (doc,) = split(path.read_text(encoding="utf-8-sig"), str(path))
    assert doc.genre == "Regulation" and doc.title == "最高人民检察院关于擅自销售进料加工保税货物的行为法律适用问题的解释"
    assert _facts(doc)["issuedOn"] == ["2000-09-29"]


@pytest.mark.skipif(not LAWREFBOOK.is_dir(), reason="the LawRefBook corpus is not beside the repo")
def test_a_repealed_laws_date_is_no_entry_into_force():
    path = next(LAWREFBOOK.glob("190_*.md"))  # 人民警察法: 本法自公布之日起施行。1957年6月25日公布的《...条例》同时废止
    (doc,) = split(path.read_text(encoding="utf-8-sig"), str(path))
    assert "effectiveFrom" not in _facts(doc)


def test_a_judgment_published_as_one_line_is_placed_by_its_case_number():
    text, path = _dev("zh-03")
    (doc,) = split(text, path)
    assert doc.genre == "Judgment" and doc.placed  # "（2014）海刑初字第91号" in its head
    assert re.match("吴某诈骗罪一审刑事判决书", doc.title)


def test_a_text_no_layout_places_is_built_by_its_words():
    text, path = _dev("zh-news-02")  # a court's write-up that opens with its author's byline block
    (doc,) = split(text, path)
    assert doc.genre == "NewsReport" and not doc.placed
    assert doc.title == "主笔人:张单宁"


def _blocks(doc, text: str) -> list[tuple[str, str, str, str]]:
    return [(b.kind, b.number, b.lang, text[b.start:b.end].split("\n")[0][:30]) for b in doc.blocks]


def test_a_table_of_contents_is_one_block_and_lists_no_chapter():
    text, path = _dev("reg-10")
    (doc,) = split(text, path)
    assert _blocks(doc, text) == [
        ("signature", "", "en", "Xi Jinping President of the Pe"),
        ("note", "", "en", "(Adopted at the 29th session o"),
        ("toc", "", "en", "Table of Contents"),
        ("chapter", "1", "en", "Chapter I General Provisions"),
        ("article", "1", "en", "Article 1 This Law is formulat"),
        ("paragraph", "1", "en", "Article 1 This Law is formulat"),
        ("article", "2", "en", "Article 2 This Law shall apply"),
        ("paragraph", "1", "en", "Article 2 This Law shall apply"),
        ("paragraph", "2", "en", "Where any data handling activi"),
        ("article", "3", "en", "Article 3 For the purpose of t"),
        ("paragraph", "1", "en", "Article 3 For the purpose of t")]
    toc = doc.blocks[2]
    assert text[toc.start:toc.end].splitlines()[-1] == "Chapter VII Supplementary Provisions"


def test_parts_chapters_sections_and_inserted_articles_of_the_criminal_law():
    path = SHARED / "corpus" / "zh-criminal-law.md"
    text = path.read_text(encoding="utf-8")
    (doc,) = split(text, str(path))
    kinds: dict[str, int] = {}
    for b in doc.blocks:
        kinds[b.kind] = kinds.get(b.kind, 0) + 1
    assert kinds == {"part": 2, "chapter": 15, "section": 37, "article": 505, "paragraph": 899, "item": 263, "note": 1, "annex": 2}
    article = next(b for b in doc.blocks if b.kind == "article" and b.number == "120-6")
    assert text[article.start:article.end].startswith("第一百二十条之六 明知是宣扬恐怖主义")
    assert text[article.start:article.end].endswith("并处或者单处罚金。")  # not the next article, nor a heading
    assert [b.number for b in doc.blocks if b.kind == "part"] == ["1", "2"]
    annex = next(b for b in doc.blocks if b.kind == "annex")
    assert text[annex.start:annex.end].startswith("## 附件一")
    last = [b for b in doc.blocks if b.kind == "article"][-1]
    assert text[last.start:last.end].splitlines()[-1].startswith("列于本法附件二的")  # not its footnote, nor an annex


def test_an_articles_paragraphs_span_their_items_and_every_numbered_line_is_an_item():
    path = SHARED / "corpus" / "zh-cybersecurity-law-2016.md"
    text = path.read_text(encoding="utf-8")
    (doc,) = split(text, str(path))
    at = next(k for k, b in enumerate(doc.blocks) if b.kind == "article" and b.number == "21")
    article, paragraph, *items = doc.blocks[at:at + 7]
    assert (paragraph.kind, paragraph.number, paragraph.start, paragraph.end) == ("paragraph", "1", article.start, article.end)
    assert [(b.kind, b.number) for b in items] == [("item", str(n)) for n in range(1, 6)]
    assert text[items[0].start:items[0].end] == "（一）制定内部安全管理制度和操作规程，确定网络安全负责人，落实网络安全保护责任；"
    assert text[items[-1].start:items[-1].end] == "（五）法律、行政法规规定的其他义务。"
    # against the text: in the Criminal Law, each line of an article is an item when it is numbered "（一）"
    # and a paragraph of its own otherwise (its sentences end each line)
    path = SHARED / "corpus" / "zh-criminal-law.md"
    text = path.read_text(encoding="utf-8")
    (doc,) = split(text, str(path))
    for article in (b for b in doc.blocks if b.kind == "article"):
        rows = [r for r in text[article.start:article.end].splitlines() if r.strip()]
        inner = [b for b in doc.blocks if b.kind in ("paragraph", "item") and article.start <= b.start < article.end]
        numbered = [r for r in rows if re.match(r"（[一二三四五六七八九十]+）", r)]
        assert sum(b.kind == "item" for b in inner) == len(numbered), article.number
        assert sum(b.kind == "paragraph" for b in inner) == len(rows) - len(numbered), article.number


@pytest.mark.parametrize("name", ["zh-cybersecurity-law-2016.md", "zh-criminal-law.md",
                                  "lawrefbook/153_农民专业合作社法(2017-12-27).md"])
def test_articles_that_run_on_in_one_paragraph_are_the_articles_of_the_text_as_printed(name):
    # a real law with its line breaks taken out (the way a web page may print it): its articles run on after
    # their sentences and after chapter headings, inserted articles (第一百二十条之一) among them, and one
    # typo ("笫五十四条" in the 农民专业合作社法) misses an article without losing the rest
    text = (SHARED / "corpus" / name).read_text(encoding="utf-8")
    body = text[text.index("\n第一条") + 1:]
    printed = [(b.number, b.lang) for b in blocks.find(body) if b.kind == "article"]
    flat = re.sub(r"\n+", "", body)
    found = [b for b in blocks.find(flat) if b.kind == "article"]
    assert [(b.number, b.lang) for b in found] == printed and len(printed) > 50
    assert flat[found[1].start:].startswith("第二条")


def test_english_articles_that_run_on_after_their_sentences():
    text, path = _dev("reg-10")
    body = plain(text[text.index("Article 1 "):])
    flat = re.sub(r"\s*\n\s*", " ", body)
    found = [b for b in blocks.find(flat) if b.kind == "article"]
    assert [b.number for b in found] == ["1", "2", "3"] and flat[found[2].start:].startswith("Article 3 For the")


def test_hard_wrapped_lines_are_one_paragraph_until_a_sentence_ends():
    text, path = _dev("reg-09")  # asianlii breaks its lines inside sentences
    (doc,) = split(text, path)
    third = [b for b in doc.blocks if b.kind == "paragraph"][-2:]
    assert [text[b.start:b.end].split()[:3] for b in third] == [["Article", "3", "The"], ["Agencies", "of", "computer"]]
    assert text[third[-1].start:third[-1].end].endswith("businesses and public interest.")


def test_a_judgments_signature_block_and_an_annex_after_the_last_article():
    text, path = _dev("zh-01")
    (doc,) = split(text, path)
    (signature,) = [b for b in doc.blocks if b.kind == "signature"]
    assert text[signature.start:signature.end].splitlines() == ["审判员　　金仁法", "二〇二〇年四月七日", "书记员　　张雨洁"]
    path = LAWREFBOOK / "137_国旗法(2020-10-17).md"
    text = path.read_text(encoding="utf-8")
    (doc,) = split(text, str(path))
    last = [b for b in doc.blocks if b.kind == "article"][-1]
    assert text[last.start:last.end] == "第二十四条 本法自1990年10月1日起施行。"
    assert [b.kind for b in doc.blocks if b.start > last.start and b.kind not in ("paragraph", "item")] == ["annex", "note"]


# The head of a translated judgment as a browser copies it from en.wikisource.org, verbatim:
# https://en.wikisource.org/wiki/Translation:People_v_Wu_Dawei_(2020)
WIKISOURCE_HEAD = """Jump to content

Translation:People v Wu Dawei (2020)

From Wikisource
People v Wu Dawei (2020)
Yangzhou Economic and Technological Development Zone People’s Court, translated from Chinese by Wikisource
Yangzhou Economic and Technological Development Zone People’s Court4262218People v Wu Dawei2020Wikisource
Yangzhou Economic and Technological Development Zone People’s Court
Yangzhou, Jiangsu, PR China
Criminal Judgement
[2020] Su 1091 Xing Chu No 3

Prosecution Authority: the People’s Procuratorate of Yangzhou Economic and Technological Development Zone (the ‘Prosecution’).

The Defendant, Wu Dawei, male, born on 19 June 1987 in Yangzhou, Jiangsu, ID No: [redacted], Han Chinese, bachelor’s degree, unemployed, resides at [redacted], Yangzhou, with household registration location at [redacted], Yangzhou Development Zone. On suspicion of committing the crime of picking quarrels and provoking trouble, the Defendant was criminally detained on 11 September 2019 by the Development Zone’s Branch of the Yangzhou Public Security Bureau.

Defence counsel: Dong Yawei, a lawyer with Jiangsu Renfang Law Firm.

Defence counsel: Sun Teng, a lawyer with Jiangsu Renfang Law Firm.
"""


def test_a_wiki_pages_chrome_is_no_document_and_a_zone_named_with_and_is_one_name():
    (doc,) = split(WIKISOURCE_HEAD, "People_v_Wu_Dawei_(2020).txt")
    assert doc.layouts == ("web_chrome",) and doc.genre == "Judgment"
    assert doc.title == "People v Wu Dawei (2020)" and doc.first_line == 6
    facts = _facts(doc)
    assert facts["decidedBy"] == ["Yangzhou Economic and Technological Development Zone People’s Court"]
    assert facts["prosecutedBy"] == ["People’s Procuratorate of Yangzhou Economic and Technological Development Zone"]
    assert facts["defenseCounsel"] == ["Dong Yawei", "Sun Teng"]
    assert facts["caseNumber"] == ["[2020] Su 1091 Xing Chu No 3"]
    agencies = sorted(e.name for e in extract(doc).entities.values() if e.cls == "Agency")
    assert "Development Zone’s Branch of the Yangzhou Public Security Bureau" in agencies
    assert not [e for e in extract(doc).entities.values() if "4262218" in e.name or "Wikisource" in e.name]
    # a Chinese report's line with a long number in it ("2019年9月至2020年6月...") is no page chrome
    text, path = _dev("zh-news-02")
    assert "web_chrome" not in split(text, path)[0].layouts


# The head of a bilingual page of chinalawandpractice.com, verbatim:
# https://www.chinalawandpractice.com/2022/08/26/provisions-for-the-administration-of-information-services-of-mobile-internet-applications
CLP_HEAD = """Provisions for the Administration of Information Services of Mobile Internet Applications

移动互联网应用程序信息服务管理规定

CAC revises app information services rules enhancing user identity verification

(国家互联网信息办公室于二零二二年六月十四日公布,自二零二二年八月一日起施行。)

(Promulgated by the Cyberspace Administration of China on June 14, 2022 and effective as of August 1, 2022.)

第一章 总则
第一条 为了规范移动互联网应用程序(以下简称应用程序)信息服务,保护公民、法人和其他组织的合法权益,维护国家安全和公共利益,根据《中华人民共和国网络安全法》、《中华人民共和国数据安全法》等法律、行政法规和国家有关规定,制定本规定。
第二条 在中华人民共和国境内提供应用程序信息服务,以及从事互联网应用商店等应用程序分发服务,应当遵守本规定。
"""


def test_a_bilingual_pages_chinese_title_under_the_english_one_and_the_service_it_names():
    (doc,) = split(CLP_HEAD, "clp.txt")
    assert doc.genre == "Regulation"
    assert doc.title == "Provisions for the Administration of Information Services of Mobile Internet Applications"
    assert doc.alt_titles == ("移动互联网应用程序信息服务管理规定",)
    facts = _facts(doc)
    assert facts["issuedBy"] == ["Cyberspace Administration of China"]
    assert facts["issuedOn"] == ["2022-06-14"] and facts["effectiveFrom"] == ["2022-08-01"]
    assert facts["appliesTo"] == ["Information Services of Mobile Internet Applications"]
    assert _articles(doc) == ["zh:1", "zh:2"]
