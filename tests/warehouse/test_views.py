"""Given/expect tests for every view: hand-written rows in, the view's exact rows out."""

from __future__ import annotations

from conftest import given_article, given_cohort, given_event, resolved


def test_cohorts_view_has_contract_columns_and_rows(wmc):
    rel = wmc.sql("select * from cohorts")
    assert rel.columns == [
        "source_file",
        "lang",
        "event_name",
        "event_year",
        "city",
        "province",
        "project_count",
        "amount",
        "currency",
        "amount_cny",
        "stage",
        "sector_code",
        "size_min",
        "size_max",
        "region",
        "project_name",
        "evidence",
    ]
    types = dict(zip(rel.columns, map(str, rel.types)))
    assert types["project_count"] == "BIGINT" and types["amount"] == "DOUBLE"
    assert types["event_year"] == "INTEGER"
    rows = wmc.execute("select project_count, amount, stage, sector_code, size_min from cohorts").fetchall()
    assert rows == [
        (703, 582.18e9, "promoted", None, None),
        (7, 90.2e9, "signed", None, 1e10),
        (399, 374.32e9, "signed", None, None),
        (463, 435.39e9, "signed", "emerging_industries", None),
        (167, 421.91e9, "signed", None, 1e9),
        (66, 146.37e9, "signed", "new_energy_vehicles", None),
    ]


def test_size_band_totals_derives_disjoint_bands(wmc):
    rows = wmc.execute(
        "select band_min, band_max, band_label, projects, round(investment_cny / 1e9, 2), is_derived "
        "from size_band_totals"
    ).fetchall()
    assert rows == [
        (1e10, None, "10 billion yuan and above", 7, 90.2, False),
        (1e9, 1e10, "1 billion to 10 billion yuan", 160, 331.71, True),
        (None, 1e9, "below 1 billion yuan", 536, 160.27, True),
    ]
    # accounting identity: the disjoint bands add up to the event total
    total = wmc.execute("select sum(projects), round(sum(investment_cny) / 1e9, 2) from size_band_totals").fetchone()
    assert total == (703, 582.18)


def test_size_band_totals_takes_bounded_bands_as_stated(con):
    given_event(con)
    given_article(con)
    given_cohort(con, 0, 266, 196.684e9, stage="started")
    given_cohort(con, 1, 3, None, parent=0, size_min=1e10)
    given_cohort(con, 2, 6, None, parent=0, size_min=5e9, size_max=1e10)
    given_cohort(con, 3, 35, None, parent=0, size_min=1e9, size_max=5e9)
    resolved(con)
    rows = con.execute(
        "select band_min, band_max, projects, investment_cny, is_derived from size_band_totals"
    ).fetchall()
    assert rows == [
        (1e10, None, 3, None, False),
        (5e9, 1e10, 6, None, False),
        (1e9, 5e9, 35, None, False),
        (None, 1e9, 222, None, True),
    ]


def test_size_band_totals_ignores_bands_of_a_subset(con):
    given_event(con)
    given_article(con)
    given_cohort(con, 0, 73, 35.993e9)
    given_cohort(con, 1, 40, 27.9e9, parent=0, stage="started")
    given_cohort(con, 2, 16, None, parent=1, size_min=5e8, stage="started")
    resolved(con)
    assert con.execute("select count(*) from size_band_totals").fetchone() == (0,)


def test_sector_totals_shares_of_event_total_and_parent_roll_up(wmc):
    rows = wmc.execute(
        "select sector_level, sector_code, parent_sector_code, projects, "
        "round(investment_cny / 1e9, 2), round(share_of_event_projects, 4), "
        "round(share_of_event_investment, 4) from sector_totals"
    ).fetchall()
    assert rows == [
        ("sector", "emerging_industries", None, 463, 435.39, round(463 / 703, 4), round(435.39 / 582.18, 4)),
        ("sector", "new_energy_vehicles", "automotive", 66, 146.37, round(66 / 703, 4), round(146.37 / 582.18, 4)),
        ("parent", "automotive", "manufacturing", 66, 146.37, round(66 / 703, 4), round(146.37 / 582.18, 4)),
    ]


def test_sector_roll_up_takes_the_larger_of_parent_and_children(con):
    given_event(con)
    given_article(con)
    given_cohort(con, 0, 100, 50e9)
    given_cohort(con, 1, 30, 20e9, sector="manufacturing")
    given_cohort(con, 2, 10, 5e9, sector="automotive")
    given_cohort(con, 3, 12, 9e9, sector="high_end_equipment")
    given_cohort(con, 4, 4, 30e9, sector="new_materials")
    resolved(con)
    rows = con.execute(
        "select sector_code, projects, investment_cny from sector_totals "
        "where sector_level = 'parent' order by sector_code"
    ).fetchall()
    assert rows == [("emerging_industries", 4, 30e9), ("manufacturing", 30, 20e9)]


def test_sector_totals_prefers_a_group_over_its_named_projects(con):
    given_event(con)
    given_article(con)
    given_cohort(con, 0, 100, 50e9)
    given_cohort(con, 1, 10, 8e9, sector="biomedicine")
    given_cohort(con, 2, 1, 2e9, sector="biomedicine", name="A biotech park")
    given_cohort(con, 3, 1, 1e9, sector="new_materials", name="A materials plant")
    given_cohort(con, 4, 1, 0.5e9, sector="new_materials", name="Another materials plant")
    resolved(con)
    rows = con.execute(
        "select sector_code, projects, investment_cny, source_facts from sector_totals where sector_level = 'sector'"
    ).fetchall()
    assert rows == [("biomedicine", 10, 8e9, 1), ("new_materials", 2, 1.5e9, 2)]


def test_an_event_reported_twice_is_counted_once(wmc):
    given_article(wmc, article_id="a2", source_file="wmc_repost.txt")
    given_cohort(wmc, 0, 703, 582.18e9, article_id="a2", stage="promoted")
    given_cohort(wmc, 1, 463, 435.39e9, article_id="a2", sector="emerging_industries")
    resolved(wmc)
    assert wmc.execute("select sum(projects) from size_band_totals").fetchone() == (703,)
    assert wmc.execute("select projects from sector_totals where sector_code = 'emerging_industries'").fetchall() == [
        (463,)
    ]
    assert wmc.execute("select total_projects, source_articles, facts from event_totals").fetchall() == [(703, 2, 6)]


def test_stg_event_scope_picks_the_headline_total(wmc):
    assert wmc.execute("select total_fact_id, total_projects from staging.stg_event_scope").fetchall() == [
        ("f:a1:0", 703)
    ]


def test_dim_sector_is_seeded_with_the_twenty_codes(con):
    from schemas import SECTOR_CODES

    codes = [r[0] for r in con.execute("select sector_code from dim_sector order by 1").fetchall()]
    assert codes == sorted(SECTOR_CODES)
    assert con.execute("select count(*) from dim_sector where name_zh is null or name_en is null").fetchone() == (0,)


def test_stg_cohort_joins_article_and_event_and_hides_retired_articles(wmc):
    rows = wmc.execute(
        "select source_file, event_name, project_count, is_total_candidate "
        "from staging.stg_cohort order by cohort_index limit 3"
    ).fetchall()
    assert rows == [
        ("wmc.txt", "World Manufacturing Conference", 703, True),
        ("wmc.txt", "World Manufacturing Conference", 7, True),
        ("wmc.txt", "World Manufacturing Conference", 399, True),
    ]
    wmc.execute("update dim_article set retired_at = now()")
    assert wmc.execute("select count(*) from staging.stg_cohort").fetchall() == [(0,)]


def test_stg_fact_flags_headline_candidates(wmc):
    rows = wmc.execute(
        "select fact_id, project_count, is_total_candidate from staging.stg_fact order by fact_id"
    ).fetchall()
    assert rows == [
        ("f:a1:0", 703, True),
        ("f:a1:1", 7, True),
        ("f:a1:2", 399, True),
        ("f:a1:3", 463, False),
        ("f:a1:4", 167, True),
        ("f:a1:5", 66, False),
    ]
