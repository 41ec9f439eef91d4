"""Enforcement news: the measures a regulator takes against named platforms (extractors/enforcement.py), and
the platforms a Chinese report names, read from two public texts (excerpts verbatim, in the traditional
script of the reposts they were read from)."""

from __future__ import annotations

import pytest

from conftest import SHARED, node, objects
from legal_kg.graph import pipeline

# 国家网信办, "國家網信辦指導有關地方網信辦依法查處違法違規網站平臺及賬號", 中国网信网, 2020-02-28, as reposted by the
# Guangdong cyberspace office (read at http://m.axpj4.com/gzdt/content/post_638.html)
CAC_NOTICE = """國家網信辦指導有關地方網信辦依法查處違法違規網站平臺及賬號

發布時間:2020-02-28 來源:中國網信網

  近日,國家網信辦指導地方網信辦對群眾舉報的“皮皮搞笑”網絡社區平臺發布涉新型冠狀病毒感染的肺炎疫情有害短視頻、散布恐慌情緒等信息內容進行嚴肅處理,第一時間進行應用商店下架處置;就百度等網站平臺部分產品對用戶發布違規信息管理不嚴、虎嗅等網站平臺在涉疫情報道中存在違規從事互聯網新聞信息服務等問題依法約談,責令立即停止違法違規行為,進行全面深入整改,有關網站平臺關停相關問題欄目;對新浪微博、騰訊、字節跳動等互聯網企業所屬網站平臺進行專項督導;對“網易財經”“新浪微天下”“谷雨實驗室”“史上最賤喵”等網絡賬號違規自採、傳播不實信息等問題,及時進行處置。
"""
# Xinhua, 2021-01-29, on the CAC's enforcement in 2020 (read at http://ffpps.com/it/2021/0201/9821.html)
XINHUA = """記者29日從國家網信辦獲悉,2020年一年間,全國網信系統依法約談網站4282家,對4551家網站給予警告,暫停更新網站1994家,會同電信主管部門取消違法網站許可或備案、關閉違法網站18489家。
據國家網信辦有關負責人介紹,2020年,針對“百度”等網站平臺部分產品發布涉疫情違規信息問題依法約談,責令其全面深入整改,關停相關問題欄目;針對“新浪微博”干擾網上傳播秩序、傳播違法違規信息等問題,依法約談其負責人,暫停更新微博熱搜榜、熱門話題榜一周,並對平臺多次予以罰款行政處罰。
"""


@pytest.fixture(scope="module")
def kg(tmp_path_factory):
    folder = tmp_path_factory.mktemp("enforcement")
    (folder / "cac-notice.txt").write_text(CAC_NOTICE, encoding="utf-8")
    (folder / "xinhua.txt").write_text(XINHUA, encoding="utf-8")
    return pipeline.build([folder])


def measures(kg, source: str) -> list[tuple[str, str, list[str]]]:
    """(kind, platform, acting bodies) of each enforcement event a file states."""
    out = []
    for n in kg.nodes.values():
        if n.cls == "Event" and any(ev.source == source for ev in n.evidence):
            (kind,) = objects(kg, n, "eventType")
            (target,) = objects(kg, n, "eventOf")
            out.append((kind, target, objects(kg, n, "actedBy")))
    return sorted(out)


def test_a_cac_notice_is_a_report_with_its_platforms(kg):
    assert [d.genre for d in kg.documents] == ["NewsReport", "NewsReport"]
    platforms = {n.label for n in kg.nodes.values() if n.cls == "Platform"}
    assert {"皮皮搞笑", "虎嗅"} <= platforms  # "“皮皮搞笑”網絡社區平臺", "、虎嗅等網站平臺"
    # "“網易財經”“新浪微天下”等網絡賬號" are accounts: no NetEase, no Sina in them
    assert not [n for n in kg.nodes.values() if n.label in ("NetEase", "Sina")]


def test_the_measures_taken_against_each_platform(kg):
    cac = ["Cyberspace Administration of China"]
    assert measures(kg, "cac-notice.txt") == [("removal", "皮皮搞笑", cac), ("summons", "Baidu", cac),
                                              ("summons", "虎嗅", cac)]
    # "針對“新浪微博”……依法約談其負責人,暫停更新微博熱搜榜……並對平臺多次予以罰款行政處罰"
    assert measures(kg, "xinhua.txt") == [("fine", "Weibo", cac), ("rectification", "Baidu", cac),
                                          ("summons", "Baidu", cac), ("summons", "Weibo", cac),
                                          ("suspension", "Weibo", cac)]
    weibo = node(kg, "Weibo", "Platform")
    assert "新浪微博" in {t for t, _ in weibo.alt_labels}


@pytest.mark.skipif(not (SHARED / "eval" / "dev" / "docs").exists(), reason="the development set is not beside the repo")
def test_an_english_report_names_whom_the_measure_is_taken_against():
    # "Earlier this month, the CAC fined Douban, a popular site for reviewing movies, 1.5 million yuan"; not
    # "The company, which operates a platform similar to Twitter, has been ordered to “immediately rectify"
    kg = pipeline.build([SHARED / "eval" / "dev" / "docs" / "case-14_weibo-cac-fine.txt"])
    assert measures(kg, "case-14_weibo-cac-fine.txt") == [("fine", "Douban", ["Cyberspace Administration of China"])]
