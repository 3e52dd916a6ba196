"""Gazetteer sanity, place finding and event/year/host detection on short made-up snippets."""

from __future__ import annotations

from collections import Counter

import pytest

from flows.core.extract.event import detect_event
from flows.core.extract.places import find_places, lookup
from flows.core.lexicon import load

PROVINCES_EN = {
    "Beijing",
    "Tianjin",
    "Hebei",
    "Shanxi",
    "Inner Mongolia",
    "Liaoning",
    "Jilin",
    "Heilongjiang",
    "Shanghai",
    "Jiangsu",
    "Zhejiang",
    "Anhui",
    "Fujian",
    "Jiangxi",
    "Shandong",
    "Henan",
    "Hubei",
    "Hunan",
    "Guangdong",
    "Guangxi",
    "Hainan",
    "Chongqing",
    "Sichuan",
    "Guizhou",
    "Yunnan",
    "Tibet",
    "Shaanxi",
    "Gansu",
    "Qinghai",
    "Ningxia",
    "Xinjiang",
    "Taiwan",
    "Hong Kong",
    "Macao",
}


def rows():
    return load("places")


def test_gazetteer_counts_per_level():
    levels = Counter(r["level"] for r in rows())
    assert set(levels) == {"province", "prefecture", "county"}
    assert levels["province"] == 34
    # 333 prefecture-level divisions + city rows of the 4 municipalities and the 2 SARs
    assert levels["prefecture"] == 333 + 6
    assert 380 <= levels["county"] <= 400


def test_all_provinces_have_their_official_english_names():
    assert {r["name_en"] for r in rows() if r["level"] == "province"} == PROVINCES_EN
    assert {r["province_en"] for r in rows()} <= PROVINCES_EN


@pytest.mark.parametrize(
    "zh,en,level,province",
    [
        ("安徽省", "Anhui", "province", "Anhui"),
        ("广西壮族自治区", "Guangxi", "province", "Guangxi"),
        ("内蒙古自治区", "Inner Mongolia", "province", "Inner Mongolia"),
        ("合肥市", "Hefei", "prefecture", "Anhui"),
        ("南宁市", "Nanning", "prefecture", "Guangxi"),
        ("自贡市", "Zigong", "prefecture", "Sichuan"),
        ("衡阳市", "Hengyang", "prefecture", "Hunan"),
        ("延边朝鲜族自治州", "Yanbian", "prefecture", "Jilin"),
        ("重庆市", "Chongqing", "prefecture", "Chongqing"),
        ("耒阳市", "Leiyang", "county", "Hunan"),
        ("义乌市", "Yiwu", "county", "Zhejiang"),
        ("昆山市", "Kunshan", "county", "Jiangsu"),
    ],
)
def test_known_rows(zh, en, level, province):
    assert any(
        r["name_zh"] == zh and r["name_en"] == en and r["level"] == level and r["province_en"] == province
        for r in rows()
    )


def test_no_duplicate_rows():
    pairs = Counter((r["name_zh"], r["province_en"]) for r in rows())
    doubled = {k for k, n in pairs.items() if n > 1}
    # only municipalities and SARs appear twice: once as province, once as city
    assert {zh for zh, _ in doubled} == {"北京市", "天津市", "上海市", "重庆市", "香港特别行政区", "澳门特别行政区"}
    assert len(Counter((r["name_zh"], r["province_en"], r["level"]) for r in rows())) == len(rows())


def test_chinese_names_and_aliases_are_unambiguous():
    owners: dict[str, set] = {}
    for r in rows():
        for name in [r["name_zh"]] + r["aliases"].split(";"):
            if name and not name.isascii():
                owners.setdefault(name, set()).add((r["name_zh"], r["province_en"]))
    assert {k: v for k, v in owners.items() if len(v) > 1} == {}


def test_events_lexicon_hosts_are_gazetteer_places():
    events = load("events")
    assert len(events) >= 30
    assert len({e["event_id"] for e in events}) == len(events)
    for e in events:
        if e["province_en"]:
            assert e["province_en"] in PROVINCES_EN, e
        if e["city_en"]:
            place = lookup(e["city_en"])
            assert place is not None and place.province_en == e["province_en"], e
        assert not e["first_year"] or 1950 < int(e["first_year"]) < 2030


def names(places):
    return [(p.name_en, p.level, p.province_en) for p in places]


def test_find_places_chinese_longest_first_in_order():
    text = "新华社合肥9月14日电 耒阳市和重庆、广西壮族自治区南宁市在沿海城市中"
    assert names(find_places(text, "zh")) == [
        ("Hefei", "prefecture", "Anhui"),
        ("Leiyang", "county", "Hunan"),
        ("Chongqing", "prefecture", "Chongqing"),
        ("Guangxi", "province", "Guangxi"),
        ("Nanning", "prefecture", "Guangxi"),
    ]


def test_find_places_chinese_skips_roads_districts_and_glued_words():
    assert find_places("南京路上的西安区,新兴城市", "zh") == []


def test_find_places_english_word_boundaries_and_context():
    text = "China News Service, Hefei, Nov 24: Anhui officials met guests from Suzhou, Jiangsu, Yiwu city and Baoshan District."
    assert names(find_places(text, "en")) == [
        ("Hefei", "prefecture", "Anhui"),
        ("Anhui", "province", "Anhui"),
        ("Suzhou", "prefecture", "Jiangsu"),
        ("Jiangsu", "province", "Jiangsu"),
        ("Yiwu", "county", "Zhejiang"),
    ]
    assert find_places("Shanghaied Hefeiish", "en") == []


def test_find_places_spans_point_at_the_name():
    text = "Projects were signed in Chongqing."
    (p,) = find_places(text, "en")
    assert text[p.start : p.end] == "Chongqing" and p.city == "Chongqing"


def test_lookup_either_language():
    assert lookup("合肥").name_en == "Hefei"
    assert lookup("Guangxi Zhuang Autonomous Region").name_zh == "广西壮族自治区"
    assert lookup("北京").city == "Beijing"
    assert lookup("Jilin").level == "province"
    assert lookup("Atlantis") is None


def event(sentences, lang, title=None, published=None):
    e = detect_event(title, sentences, lang, published)
    return e.event_name, e.event_year, e.city, e.province


def test_known_event_english_with_year_dateline():
    assert event(
        [
            "2019 World Manufacturing Convention signs 500 projects",
            "China News Service, Hefei, Sept 22 (Reporter) Anhui signed 536 projects.",
        ],
        "en",
    ) == ("World Manufacturing Conference", 2019, "Hefei", "Anhui")


def test_known_event_from_acronym_and_ordinal():
    assert event(["88 projects signed at the 14th CAEXPO"], "en") == ("China-ASEAN Expo", 2017, "Nanning", "Guangxi")


def test_known_event_year_after_name_and_published_year_fallback():
    assert event(["Chongqing (INP): The Smart China Expo 2022 opened."], "en") == (
        "Smart China Expo",
        2022,
        "Chongqing",
        "Chongqing",
    )
    assert event(["Deals were signed at the Canton Fair."], "en", published="2019-10-20") == (
        "Canton Fair",
        2019,
        "Guangzhou",
        "Guangdong",
    )


def test_generic_english_event_keeps_its_of_phrase_and_venue():
    assert event(
        [
            "Hechi inked five projects worth 9.88 billion yuan.",
            "The 2020 Investment Promotion Conference of Hechi City was held in Shenzhen on Sept 24.",
        ],
        "en",
    ) == ("Investment Promotion Conference of Hechi City", 2020, "Shenzhen", "Guangdong")


def test_english_non_events_are_not_named():
    assert event(
        ["Before the Spring Festival, officials told a press conference in Wuhan", "that 20 projects were signed."],
        "en",
        published="2021-02-01",
    ) == (None, 2021, "Wuhan", "Hubei")


def test_chinese_known_event_with_ordinal_as_written():
    assert event(["中新社南宁十一月三日电 为期四天的第三届中国—东盟博览会落下帷幕。"], "zh") == (
        "中国—东盟博览会",
        2006,
        "Nanning",
        "Guangxi",
    )


def test_chinese_known_event_longest_written_form():
    sents = [
        "第二届西博会进出口展暨国际投资大会揽金6329亿",
        "第二届中国西部国际博览会进出口商品展暨中国西部(四川)国际投资大会于昨日闭幕。",
    ]
    name, year, city, province = event(sents, "zh", published="2017-09-19")
    assert name == "中国西部国际博览会进出口商品展暨中国西部(四川)国际投资大会"
    assert (year, city, province) == (2017, "Chengdu", "Sichuan")


def test_chinese_generic_event_with_year_and_county_city():
    assert event(["3月11日上午,耒阳市2022年“聚力中心化”重大项目集中签约暨重点项目集中开工仪式举行。"], "zh") == (
        "“聚力中心化”重大项目集中签约暨重点项目集中开工仪式",
        2022,
        "Leiyang",
        "Hunan",
    )


def test_chinese_dateline_and_venue():
    assert event(["新华社杭州5月8日电 记者从省商务厅获悉,一季度全省签约项目120个。"], "zh") == (
        None,
        None,
        "Hangzhou",
        "Zhejiang",
    )
    assert event(["昨日,2023年招商引资推介会在深圳举行,共签约项目30个。"], "zh") == (
        "招商引资推介会",
        2023,
        "Shenzhen",
        "Guangdong",
    )


def test_chinese_congress_is_not_an_event_and_province_only():
    assert event(["省人民代表大会期间,湖北省签约项目20个。"], "zh", published="2020-01-15") == (
        None,
        2020,
        None,
        "Hubei",
    )


def test_year_from_text_when_nothing_else():
    assert event(["In 2021, 30 projects worth 2000 million yuan were signed.", "The 2021 total beat 2020."], "en") == (
        None,
        2021,
        None,
        None,
    )


def test_no_event_no_place():
    assert event(["Foreign capital actually used rose 9.9%."], "en") == (None, None, None, None)
