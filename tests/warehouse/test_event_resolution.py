"""One event, however many outlets and languages report it, without a curated alias.

Given/expect pairs for the matcher (flows/core/warehouse/event_match.py), both ways: reports
that must be one event and near-misses that must stay apart; the year's inference and its
source; and the warehouse (tests/data/event_resolution, reports written for these tests): the
events, their members and reasons, the marts counting each event once, and the resolution
run by run (a second outlet's report joins the event, a removed one leaves it).
"""

from __future__ import annotations

import shutil

import duckdb
import pytest

from flows.core.contract import frame_schema
from flows.core.extract.event import detect_event
from flows.core.warehouse.event_evidence import Figure, Report, match, prepare
from flows.core.warehouse.event_keys import is_generic, markers, name_key
from flows.core.warehouse.event_match import cluster
from schemas.records import EventMemberRecord, EventRecord

from conftest import DATA, run_once

DIR = DATA / "event_resolution"


def report(
    article,
    name=None,
    *,
    year=2024,
    city="Suzhou",
    province="Jiangsu",
    canonical=None,
    figures=(),
    texts=(),
    retired=False,
):
    r = Report(
        article,
        f"{article}.txt",
        year,
        city,
        province,
        canonical,
        name,
        figures=[Figure(*f) for f in figures],
        retired=retired,
    )
    return prepare(r, list(texts))


# --- names -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "a,b,place",
    [
        ("苏州全球招商大会", "2024 Suzhou Global Investment Promotion Conference", ("Suzhou", "Jiangsu")),
        ("Global Investment Conference", "the Global Investment Promotion Conference", ("Shanghai", "Shanghai")),
        (
            "上海全球投资促进大会",
            "Shanghai Global Investment Promotion Conference on Wednesday",
            ("Shanghai", "Shanghai"),
        ),
        ("第十二届世界华商大会", "12th World Chinese Entrepreneurs Convention", ("Chengdu", "Sichuan")),
        ("2023年第一批重大项目集中开工活动", "centralized construction start of major projects", (None, "Henan")),
        ("重大项目集中签约仪式", "concentrated signing ceremony for major projects", ("Longnan", "Jiangxi")),
        ("“苏州全球招商大会”", "苏州全球招商大会。", ("Suzhou", "Jiangsu")),
    ],
)
def test_names_that_match_after_normalization(a, b, place):
    assert name_key(a, *place) == name_key(b, *place)


@pytest.mark.parametrize(
    "a,b",
    [
        ("苏州全球招商大会", "苏州全球投资贸易洽谈会"),
        ("World Manufacturing Convention", "World Intelligence Expo"),
        ("Global Investment Conference", "Overseas Chinese Investment Conference"),
    ],
)
def test_names_that_do_not_match(a, b):
    assert name_key(a, "Suzhou", "Jiangsu") != name_key(b, "Suzhou", "Jiangsu")


@pytest.mark.parametrize(
    "name,generic",
    [
        ("重大项目集中开工活动", True),
        ("groundbreaking ceremony for major projects", True),
        ("集中签约仪式", True),
        ("signing ceremony", True),
        ("苏州全球招商大会", False),
        (None, True),
    ],
)
def test_a_name_that_only_names_a_kind_of_event_is_generic(name, generic):
    assert is_generic(name_key(name, "Suzhou", "Jiangsu")) is generic


def test_markers_of_batch_quarter_and_edition_in_both_languages():
    assert markers(["河南省2023年第二批重大项目集中开工"])["batch"] == {2}
    assert markers(["its first batch of major projects for 2023"])["batch"] == {1}
    assert markers(["二季度重大项目集中开工活动"])["quarter"] == {2}
    assert markers(["Q3 signing", "the fourth-quarter groundbreaking"])["quarter"] == {3, 4}
    assert markers(["第七届进博会"])["edition"] == {7}
    assert markers(["the 12th World Chinese Entrepreneurs Convention"])["edition"] == {12}
    assert markers(["the 4th quarter"])["edition"] == frozenset()
    assert markers(["On November 24th, Anhui officials released the results"])["edition"] == frozenset()
    assert markers(["the first batch of projects", "the fourth World Manufacturing Convention"])["edition"] == {4}


def test_words_that_only_look_like_months_stay_in_a_name():
    assert name_key("China Marine Economy Expo held on May 5") == "china economy expo marine"


# --- pairs that must be one event --------------------------------------------------------------

SUZHOU_EN = report("suzhou_en", None, figures=[(367, 372e9, True)])
SUZHOU_ZH = report("suzhou_zh", "苏州全球招商大会", figures=[(367, 372.16e9, False)])

MERGE = {
    "figures: unnamed English report and named Chinese one, 'around' respected": (SUZHOU_EN, SUZHOU_ZH, "figures"),
    "figures: a provincial groundbreaking round, no name in either, one names the capital": (
        report("hubei_en", None, city="Wuhan", province="Hubei", year=2023, figures=[(2034, 1.1e12, False)]),
        report(
            "hubei_zh",
            "湖北省重大项目集中开工活动",
            city=None,
            province="Hubei",
            year=2023,
            figures=[(2034, 1.1e12, False), (1200, 600e9, False)],
        ),
        "figures",
    ),
    "figures: 'more than 580 billion' for 582.18 billion": (
        report("a", None, city="Hefei", province="Anhui", figures=[(703, 580e9, True)]),
        report("b", None, city="Hefei", province="Anhui", figures=[(703, 582.18e9, False)]),
        "figures",
    ),
    "names: two English outlets, one conference name with and without 'Promotion'": (
        report(
            "sh_a",
            "Global Investment Conference",
            city="Shanghai",
            province="Shanghai",
            year=2023,
            figures=[(60, 37.74e9, False)],
        ),
        report(
            "sh_b",
            "Global Investment Promotion Conference",
            city="Shanghai",
            province="Shanghai",
            year=2023,
            figures=[(None, 37.7e9, False)],
        ),
        "names",
    ),
    "names: English and Chinese names of one conference, no figure stated by both": (
        report("en", "Suzhou Global Investment Promotion Conference", figures=[(None, 372e9, True)]),
        report("zh", "苏州全球招商大会", figures=[(120, None, False)]),
        "names",
    ),
    "names: two reposts of one Chinese report": (
        report("site1", "苏州全球招商大会", figures=[(367, 372.16e9, False)]),
        report("site2", "苏州全球招商大会", figures=[(367, 372.16e9, False)]),
        "names",
    ),
    "names: a repost that states no year, same name, place and figures": (
        report("site1", "苏州全球招商大会", figures=[(367, 372.16e9, False)]),
        report("site2", "苏州全球招商大会", year=None, figures=[(367, 372.16e9, False)]),
        "names",
    ),
    "figures: a county's round of 41 projects, stated to the 0.01 亿 in both, filed elsewhere": (
        report("en", None, city="Chengdu", province="Sichuan", year=2020, figures=[(41, 28.21e9, False)]),
        report("zh", None, city="Leshan", province="Sichuan", year=2020, figures=[(41, 28.21e9, False)]),
        "figures",
    ),
    "figures: a prefecture's round, one report filed from the provincial capital": (
        report("wuhu_en", None, city="Hefei", province="Anhui", year=2022, figures=[(150, 105.28e9, False)]),
        report(
            "wuhu_zh",
            "全市重大项目集中开工活动",
            city="Wuhu",
            province="Anhui",
            year=2022,
            figures=[(150, 105.28e9, False)],
        ),
        "figures",
    ),
    "figures: a report that states no year, figures stated exactly alike": (
        report("repost1", None, figures=[(367, 372.16e9, False)]),
        report("repost2", None, year=None, figures=[(367, 372.16e9, False)]),
        "figures",
    ),
    "figures: filed from the provincial capital, 'around' beside an exact count of 367": (
        report("en", None, city="Nanjing", figures=[(367, 372e9, True)]),
        report("zh", "苏州全球招商大会", figures=[(367, 372.16e9, False)]),
        "figures",
    ),
    "alias: one curated event, figures of different cohorts": (
        report(
            "ciie_en",
            "China International Import Expo",
            city="Shanghai",
            province="Shanghai",
            canonical="ciie",
            figures=[(42, 21.5e9, False)],
        ),
        report(
            "ciie_zh",
            "中国国际进口博览会",
            city="Shanghai",
            province="Shanghai",
            canonical="ciie",
            figures=[(500, 80e9, False)],
        ),
        "alias",
    ),
}


@pytest.mark.parametrize("case", list(MERGE))
def test_reports_of_one_event_merge(case):
    a, b, reason = MERGE[case]
    assert match(a, b)[0] == reason
    assert match(b, a)[0] == reason
    assert [[m.report.article_id for m in e] for e in cluster([a, b])] == [sorted([a.article_id, b.article_id])]


# --- near-misses that must stay apart ------------------------------------------------------------

SAME = [(1520, 1.03e12, False)]
APART = {
    "a different batch": (
        report("b1", "第一批重大项目集中开工活动", province="Henan", city=None, year=2023, figures=SAME),
        report("b2", "第二批重大项目集中开工活动", province="Henan", city=None, year=2023, figures=SAME),
    ),
    "a different batch, across languages": (
        report(
            "b1",
            None,
            province="Henan",
            city="Zhengzhou",
            year=2023,
            figures=SAME,
            texts=["Henan started construction of its first batch of major projects"],
        ),
        report(
            "b2",
            None,
            province="Henan",
            city=None,
            year=2023,
            figures=SAME,
            texts=["河南省2023年第二批重大项目集中开工"],
        ),
    ),
    "a different quarter": (
        report("q1", "一季度重大项目集中签约仪式", figures=SAME),
        report("q2", "二季度重大项目集中签约仪式", figures=SAME),
    ),
    "Q1 and Q2 in English": (
        report("q1", "Suzhou Global Investment Conference", figures=SAME, texts=["the Q1 round"]),
        report("q2", "Suzhou Global Investment Conference", figures=SAME, texts=["the Q2 round"]),
    ),
    "a different edition": (
        report("e7", "第七届苏州全球招商大会", figures=SAME),
        report("e8", "第八届苏州全球招商大会", figures=SAME),
    ),
    "one name, headline figures beyond tolerance": (
        report("x", "苏州全球招商大会", figures=[(367, 372e9, False)]),
        report("y", "苏州全球招商大会", figures=[(412, 405e9, False)]),
    ),
    "one count, amounts 5 % apart": (
        report("x", None, figures=[(367, 372e9, False)]),
        report("y", None, figures=[(367, 390e9, False)]),
    ),
    "amounts within 2 %, counts differ": (
        report("x", None, figures=[(367, 372e9, False)]),
        report("y", None, figures=[(368, 372e9, False)]),
    ),
    "a generic name and no figures in common": (
        report("x", "重大项目集中签约仪式", figures=[(12, 17e9, False)]),
        report("y", "重大项目集中签约仪式", figures=[(30, 9e9, False)]),
    ),
    "Suzhou (Jiangsu) and Suzhou (Anhui)": (
        report("js", None, figures=SAME),
        report("ah", None, province="Anhui", figures=SAME),
    ),
    "different cities of one province, figures only roughly alike": (
        report("sz", None, figures=[(36, 5e9, True)]),
        report("wx", None, city="Wuxi", figures=[(36, 5.3e9, False)]),
    ),
    "different years": (
        report("x", "苏州全球招商大会", year=2023, figures=SAME),
        report("y", "苏州全球招商大会", year=2024, figures=SAME),
    ),
    "no year in either": (
        report("x", "苏州全球招商大会", year=None, figures=SAME),
        report("y", "苏州全球招商大会", year=None, figures=SAME),
    ),
    "two curated events of one city and year": (
        report("x", None, city="Shanghai", province="Shanghai", canonical="ciie", figures=SAME),
        report("y", None, city="Shanghai", province="Shanghai", canonical="waic", figures=SAME),
    ),
    "different cities of one province, amounts 1 % apart beside a count under 100": (
        report("x", None, city="Changchun", province="Jilin", year=2023, figures=[(20, 12.93e9, False)]),
        report("y", None, city="Liaoyuan", province="Jilin", year=2023, figures=[(20, 12.79e9, False)]),
    ),
    "different cities of one province, round figures": (
        report("x", None, city="Hefei", province="Anhui", figures=[(10, 5e9, False)]),
        report("y", None, city="Wuhu", province="Anhui", figures=[(10, 5e9, False)]),
    ),
    "no year in one, figures only roughly alike and nothing names one event": (
        report("x", None, figures=[(36, 5e9, True)]),
        report("y", None, year=None, figures=[(36, 5.3e9, False)]),
    ),
    "no year in one, same name, figures disagree": (
        report("x", "苏州全球招商大会", figures=SAME),
        report("y", "苏州全球招商大会", year=None, figures=[(300, 200e9, False)]),
    ),
    "names naming two cities of one province": (
        report("x", "Suzhou Global Investment Conference", city=None, figures=SAME),
        report("y", "无锡全球招商大会", city="Wuxi", figures=[(None, 1.03e12, False)]),
    ),
    "figures alone, no place": (
        report("x", None, city=None, province=None, figures=SAME),
        report("y", None, city=None, province=None, figures=SAME),
    ),
}


@pytest.mark.parametrize("case", list(APART))
def test_different_events_stay_apart(case):
    a, b = APART[case]
    assert match(a, b) is None
    assert match(b, a) is None
    assert len(cluster([a, b])) == 2


def test_a_report_joins_an_event_only_when_no_member_disagrees():
    """c's figures agree with a's, but c names the event as b does and b's headline
    disagrees with c's: c would merge two different rounds, so c stays apart."""
    a = report("a", None, figures=[(367, 372e9, False)])
    b = report("b", "苏州全球招商大会", figures=[(367, 372.1e9, False), (120, 50e9, False)])
    c = report("c", "苏州全球招商大会", figures=[(90, 40e9, False)])
    events = cluster([a, b, c])
    assert [[m.report.article_id for m in e] for e in events] == [["a", "b"], ["c"]]


def test_a_report_can_bridge_two_events():
    """c (named, no count) and the unnamed English report share nothing; the Chinese report
    matches c by name and the English one by figures: one event, each reason recorded."""
    c = report("c", "Suzhou Global Investment Promotion Conference", figures=[(None, 372e9, False)])
    (event,) = cluster([SUZHOU_ZH, SUZHOU_EN, c])
    assert [(m.report.article_id, m.reason, m.matched) for m in event] == [
        ("c", "first", None),
        ("suzhou_en", "figures", "suzhou_zh"),
        ("suzhou_zh", "names", "c"),
    ]
    by_id = {m.report.article_id: m for m in event}
    assert by_id["suzhou_zh"].detail == "global invest_conf"
    assert "367 projects" in by_id["suzhou_en"].detail


def test_a_retired_report_is_an_event_of_its_own():
    gone = report("suzhou_en", None, figures=[(367, 372e9, True)], retired=True)
    events = cluster([gone, SUZHOU_ZH])
    assert [[(m.report.article_id, m.reason) for m in e] for e in events] == [
        [("suzhou_zh", "first")],
        [("suzhou_en", "retired")],
    ]


def test_candidates_are_found_through_indexes_not_all_pairs():
    """2,000 one-report events in 50 provinces x 4 years: each report meets the events of its
    own year and province only."""
    import flows.core.warehouse.event_match as em

    calls = []
    original = em.match

    def counting(a, b):
        calls.append(1)
        return original(a, b)

    reports = [
        report(
            f"r{i:04d}",
            None,
            year=2020 + i % 4,
            city=None,
            province=f"P{i % 50}",
            figures=[(i + 1, (i + 1) * 1e9, False)],
        )
        for i in range(2000)
    ]
    em.match = counting
    try:
        assert len(cluster(reports)) == 2000
    finally:
        em.match = original
    assert len(calls) < 2000 * 10


# --- the year and where it came from ------------------------------------------------------------


@pytest.mark.parametrize(
    "title,lines,lang,published,year,source",
    [
        (None, ["2021世界制造业大会共促成合作项目703个"], "zh", None, 2021, "text"),
        (None, ["新华社上海11月8日电 第七届进博会期间,青浦区签约项目42个"], "zh", None, 2024, "edition"),
        (None, ["作为第十二届世界华商大会一平台,四川省签约项目241个"], "zh", None, 2013, "edition"),
        (
            None,
            ["Deals were signed at the Seventh China International Fair for Investment and Trade"],
            "en",
            None,
            2003,
            "edition",
        ),
        (None, ["第二十四届中国国际投资贸易洽谈会在厦门举行"], "zh", None, 2024, "edition"),
        (None, ["本届博览会签约项目42个"], "zh", "2022-09-18", 2022, "published_at"),
        ("第十八届西洽会落幕", ["2014-05-27", "本届展会签约项目总投资近万亿元"], "zh", None, 2014, "dateline"),
        (None, ["HEFEI, Nov. 24, 2021 -- The convention promoted 703 projects"], "en", None, 2021, "dateline"),
        (
            None,
            ["The province signed 92 projects", "That is the most since 2019 in the province"],
            "en",
            None,
            2019,
            "text_frequent",
        ),
        (None, ["The province signed 92 projects"], "en", None, None, None),
    ],
)
def test_year_and_its_source(title, lines, lang, published, year, source):
    event = detect_event(title, lines, lang, published)
    assert (event.event_year, event.year_source) == (year, source)


# --- in the warehouse ------------------------------------------------------------------------------


def db_rows(db, sql):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_event_tables_agree_with_their_records(con):
    for relation, record in (("dim_event", EventRecord), ("event_member", EventMemberRecord)):
        got = {n: t for n, t in con.execute(f"select column_name, column_type from (describe {relation})").fetchall()}
        duck = {"String": "VARCHAR", "Int32": "INTEGER"}
        assert {n: got.get(n) for n in frame_schema(record)} == {
            n: duck[str(t)] for n, t in frame_schema(record).items()
        }


@pytest.fixture
def loaded(tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(DIR, raw)
    db = tmp_path / "w.duckdb"
    run_once(raw, db)
    return db


def test_each_event_is_counted_once(loaded):
    events = db_rows(
        loaded, "select province, event_year, total_projects, source_articles from event_totals order by all"
    )
    assert events == [
        ("Henan", 2023, 1344, 1),
        ("Henan", 2023, 1520, 2),
        ("Jiangsu", 2024, 367, 2),
        ("Shanghai", 2023, 60, 2),
        ("Shanghai", 2024, 42, 2),
    ]
    assert db_rows(loaded, "select province, event_year, events from province_year_totals order by all") == [
        ("Henan", 2023, 2),
        ("Jiangsu", 2024, 1),
        ("Shanghai", 2023, 1),
        ("Shanghai", 2024, 1),
    ]


def test_every_merge_is_recorded_with_its_reason(loaded):
    members = db_rows(
        loaded,
        """
        select a.source_file, m.reason, b.source_file
        from event_member as m join dim_article as a using (article_id)
        left join dim_article as b on m.matched_article_id = b.article_id
        order by a.source_file""",
    )
    assert members == [
        ("ciie_en.txt", "first", None),
        ("ciie_zh.txt", "alias", "ciie_en.txt"),
        ("henan_b1_en.txt", "first", None),
        ("henan_b1_zh.txt", "figures", "henan_b1_en.txt"),
        ("henan_b2_zh.txt", "first", None),
        ("shanghai_a_en.txt", "first", None),
        ("shanghai_b_en.txt", "names", "shanghai_a_en.txt"),
        ("suzhou_en.txt", "first", None),
        ("suzhou_zh.txt", "figures", "suzhou_en.txt"),
    ]
    # each article keeps its own event as extracted beside the event it belongs to
    assert db_rows(loaded, "select event_name, year_source from event_member where event_name like '%进口%'") == [
        ("中国国际进口博览会", "edition")
    ]
    # mentions, articles and events agree
    assert db_rows(
        loaded,
        "select count(*) from fct_cohort_mention as c join dim_article as a "
        "using (article_id) where c.event_id <> a.event_id",
    ) == [(0,)]
    assert db_rows(
        loaded, "select count(*) from dim_event where event_id not in (select event_id from event_member)"
    ) == [(0,)]


def test_a_second_outlet_joins_the_event_and_a_removed_one_leaves_it(tmp_path):
    raw, db = tmp_path / "raw", tmp_path / "w.duckdb"
    raw.mkdir()
    shutil.copy(DIR / "suzhou_en.txt", raw)
    run_once(raw, db)
    first = db_rows(db, "select event_id from event_totals")
    assert len(first) == 1

    shutil.copy(DIR / "suzhou_zh.txt", raw)
    run_once(raw, db)
    assert db_rows(db, "select event_id, source_articles, total_projects from event_totals") == [(first[0][0], 2, 367)]
    assert db_rows(db, "select reason from event_member order by reason") == [("figures",), ("first",)]
    assert db_rows(db, "select max(source_count) from fct_cohort_fact") == [(2,)]

    (raw / "suzhou_en.txt").unlink()
    run_once(raw, db)
    assert db_rows(db, "select event_name, source_articles, total_projects from event_totals") == [
        ("苏州全球招商大会", 1, 367)
    ]
    assert db_rows(
        db, "select a.source_file, m.reason from event_member as m join dim_article as a using (article_id) order by 1"
    ) == [("suzhou_en.txt", "retired"), ("suzhou_zh.txt", "first")]
    assert db_rows(db, "select count(*) from province_year_totals") == [(1,)]


def test_a_rerun_with_nothing_new_changes_nothing(loaded, tmp_path):
    before = db_rows(loaded, "select * from event_member order by article_id")
    run_once(tmp_path / "raw", loaded)
    assert db_rows(loaded, "select * from event_member order by article_id") == before


def test_a_changed_report_that_no_longer_agrees_leaves_the_event(tmp_path):
    raw, db = tmp_path / "raw", tmp_path / "w.duckdb"
    raw.mkdir()
    for name in ("suzhou_en.txt", "suzhou_zh.txt"):
        shutil.copy(DIR / name, raw)
    run_once(raw, db)
    assert db_rows(db, "select count(*) from event_totals") == [(1,)]
    # the Chinese site corrects its report to another round's figures: two events again
    text = (DIR / "suzhou_zh.txt").read_text("utf-8").replace("367", "298").replace("3721.6", "2210.5")
    (raw / "suzhou_zh.txt").write_text(text, "utf-8")
    run_once(raw, db)
    assert db_rows(db, "select total_projects, source_articles from event_totals order by 1") == [(298, 1), (367, 1)]
    assert db_rows(db, "select reason from event_member order by 1") == [("first",), ("first",)]
    assert db_rows(db, "select count(*) from fct_cohort_fact where source_count > 1") == [(0,)]


def test_a_curated_event_without_a_year_joins_only_on_agreeing_figures():
    """The same curated event, one report of no year: an alias is no evidence of the year."""
    dated = report(
        "a",
        "中国国际投资贸易洽谈会",
        city="Xiamen",
        province="Fujian",
        canonical="cifit",
        figures=[(50, 110.04e9, False)],
    )
    undated = report(
        "b",
        "China International Fair for Investment and Trade",
        city="Xiamen",
        province="Fujian",
        canonical="cifit",
        year=None,
        figures=[(1720, 17.6e9, False)],
    )
    assert match(dated, undated) is None
    assert len(cluster([dated, undated])) == 2
    same = report(
        "c", "CIFIT", city="Xiamen", province="Fujian", canonical="cifit", year=None, figures=[(50, 110.04e9, False)]
    )
    assert match(dated, same)[0] == "alias"
    assert len(cluster([dated, undated, same])) == 2
