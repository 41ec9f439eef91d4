"""Resolution across documents where what a corpus holds beside a document matters, which a golden file of one
document (tests/golden/) cannot show: the IRIs of two namesakes whatever other files sort before them, and an
article cited by a report that is the own article of a law the corpus holds (the real Criminal Law)."""

from __future__ import annotations

import shutil

import pytest

from conftest import DATA, SEEDS, SHARED, node
from legal_kg.graph import pipeline

CRIMINAL_LAW = SHARED / "corpus" / "zh-criminal-law.md"


def test_two_namesakes_keep_their_iris_whatever_other_files_the_corpus_holds(tmp_path):
    def li_mous(extra: int) -> list[tuple[str, str]]:
        folder = tmp_path / str(extra)
        folder.mkdir()
        for name in ("wuxi-anonymised.txt", "haidian-zh.txt"):
            shutil.copy(DATA / name, folder)
        for k in range(extra):  # files that sort before both and shift every document's index
            shutil.copy(DATA / "order-first.txt", folder / f"c{k:02d}.txt")
        built = pipeline.build([folder])
        return sorted((n.iri.rsplit("/", 1)[1], n.evidence[0].source) for n in built.nodes.values()
                      if n.label == "Li Mou")

    expected = [("li-mou", "haidian-zh.txt"), ("li-mou", "wuxi-anonymised.txt")]  # one in each judgment's IRI
    assert li_mous(0) == li_mous(9) == li_mous(10) == expected


@pytest.mark.skipif(not CRIMINAL_LAW.exists(), reason="../shared is not beside the repo")
def test_an_article_cited_of_a_law_that_is_one_of_the_documents_is_that_law_s_own_article(tmp_path):
    for f in [*SEEDS.iterdir(), CRIMINAL_LAW]:
        shutil.copy(f, tmp_path)
    kg = pipeline.build([tmp_path])
    law = node(kg, "中华人民共和国刑法", "Regulation")
    # the seed: "imposing a seven month prison sentence on Duan Zheng on the grounds that he violated Article
    # 120-6 of China's Criminal Law"; the law: "第一百二十条之六 明知是宣扬恐怖主义、极端主义的..."
    article = node(kg, "Criminal Law of the People's Republic of China Article 120-6", "Article")
    assert article.iri == f"{law.iri}/article/zh-120-6"
    assert article.props["text"].startswith("第一百二十条之六 明知是宣扬恐怖主义")
    assert ("第一百二十条之六", "zh") in article.alt_labels
    sentence = node(kg, "Sentence of Duan Zheng", "Sentence")
    assert article.iri in [st.obj for st in kg.statements if st.subject == sentence.iri
                           and st.predicate == "convictedUnder"]
    # an article nobody cites keeps its own label
    assert node(kg, "第一百二十一条", "Article").iri == f"{law.iri}/article/zh-121"
    # the seed's report quotes the article with its heading, "Article 287-1 [The Crime of Illegal Use of
    # Information Networks]": the offence is defined in the law's own article, which a judgment applied
    crime = node(kg, "illegal use of information networks", "Crime")
    defined = [st.obj for st in kg.statements if st.subject == crime.iri and st.predicate == "definedIn"]
    assert defined == [f"{law.iri}/article/zh-287-1"]
    from legal_kg.graph.query import named_queries

    rows = kg.query(named_queries()["conviction-articles"].text)
    (huang,) = [r for r in rows if r["person"] == "Huang Shike"]
    assert huang["offence"] == "illegal use of information networks"
    assert huang["text"].startswith("第二百八十七条之一 利用信息网络实施下列行为之一，情节严重的")


LAWREFBOOK = SHARED / "corpus" / "lawrefbook"


@pytest.mark.skipif(not LAWREFBOOK.exists(), reason="../shared is not beside the repo")
def test_the_versions_of_a_law_are_kept_apart_by_date_and_each_citation_is_of_the_version_in_force(tmp_path):
    from conftest import DATA

    # LawRefBook's Women's Rights Law as revised on 2018-10-26 and on 2022-10-30; the Shanghai regulation (adopted
    # 2022-11-23, amended 2024-09-27) that cites it, "根据《中华人民共和国妇女权益保障法》等法律"; a regulation written for
    # the tests, adopted 2020-06-01, that cites its Article 2
    names = ["163_妇女权益保障法(2018-10-26).md", "164_妇女权益保障法(2022-10-30).md", "005_上海市妇女权益保障条例(2024-09-27).md"]
    for name in names:
        shutil.copy(LAWREFBOOK / name, tmp_path)
    shutil.copy(DATA / "women-rights-2020.md", tmp_path)
    kg = pipeline.build([tmp_path])
    versions = sorted(n.iri for n in kg.nodes.values() if n.label == "中华人民共和国妇女权益保障法" and n.document)
    assert [v.rsplit("/", 1)[1] for v in versions] == ["zhong-hua-ren-min-gong-he-guo-fu-nv-quan-yi-bao-zhang-fa-2018-10-26",
                                                         "zhong-hua-ren-min-gong-he-guo-fu-nv-quan-yi-bao-zhang-fa-2022-10-30"]
    old, new = versions

    def cited(title: str) -> set[str]:
        (doc,) = [n.iri for n in kg.nodes.values() if n.label == title and n.document]
        return {str(st.obj) for st in kg.statements if st.subject == doc and st.predicate == "cites"}

    assert new in cited("上海市妇女权益保障条例") and old not in cited("上海市妇女权益保障条例")
    assert cited("示例市妇女权益保障办法") == {old, f"{old}/article/zh-2"}
    assert kg.nodes[f"{old}/article/zh-2"].props["text"].startswith("第二条 妇女在政治的、经济的、文化的、社会的和家庭的生活")
    # the 2022 text's history names the 2018 revision: "2018年10月26日 第十三届全国人民代表大会常务委员会第六次会议…第二次修正"
    (later,) = [st for st in kg.statements if st.predicate == "laterVersionOf"]
    assert (later.subject, later.obj) == (new, old)
    assert later.evidence[0].quote.startswith("2018年10月26日 第十三届全国人民代表大会常务委员会第六次会议")
