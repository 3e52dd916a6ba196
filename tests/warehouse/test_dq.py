"""Every data-quality check fires on the rows it exists for, and stays quiet on clean data;
the fact-level views (event_totals, province_year_totals, conflicts, dq_issues) given/expect."""

from __future__ import annotations

from conftest import given_article, given_cohort, given_event, resolved


def issues(con):
    return con.execute("select check_name, severity, detail from dq_issues").fetchall()


def test_clean_report_raises_nothing(wmc):
    assert issues(wmc) == []


def test_subset_larger_than_parent(con):
    given_event(con)
    given_article(con)
    given_cohort(con, 0, 50, 10e9)
    given_cohort(con, 1, 60, 5e9, parent=0)
    assert issues(resolved(con)) == [
        ("subset_larger_than_parent", "error", "subset has 60 projects / 5 billion yuan, its parent 50 / 10 billion")
    ]


def test_bands_not_monotone(con):
    given_event(con)
    given_article(con)
    given_cohort(con, 0, 100, 900e9)
    given_cohort(con, 1, 30, None, size_min=1e10)
    given_cohort(con, 2, 20, None, size_min=1e9)
    found = issues(resolved(con))
    assert [(c, s) for c, s, _ in found] == [("bands_not_monotone", "error")]
    assert found[0][2].startswith("10 billion and above: 30 projects")


def test_bands_not_monotone_reports_each_offending_fact_once(con):
    """Disagreeing reports give several facts per band: one finding per offending fact, not
    one per pair (which grows with the square of the reports)."""
    given_event(con)
    given_article(con)
    given_cohort(con, 0, 30, None, size_min=1e10)
    given_cohort(con, 1, 31, None, size_min=1e10)
    given_cohort(con, 2, 20, None, size_min=1e9)
    given_cohort(con, 3, 21, None, size_min=1e9)
    found = issues(resolved(con))
    assert sorted(d for _, _, d in found) == [
        "10 billion and above: 30 projects / n/a yuan, more than 1 billion and above: 20 / n/a",
        "10 billion and above: 31 projects / n/a yuan, more than 1 billion and above: 20 / n/a",
    ]


def test_sector_parts_exceed_total(con):
    given_event(con)
    given_article(con)
    given_cohort(con, 0, 100, 50e9)
    given_cohort(con, 1, 70, 30e9, sector="manufacturing")
    given_cohort(con, 2, 60, 30e9, sector="biomedicine")
    assert issues(resolved(con)) == [
        (
            "sector_parts_exceed_total",
            "warning",
            "2 sectors add up to 130 projects / 60 billion yuan; the event total is 100 / 50 billion",
        )
    ]


def test_implausible_amount_per_project(con):
    given_event(con)
    given_article(con)
    given_cohort(con, 0, 500, 100e6)  # 200,000 yuan a project
    given_cohort(con, 1, 10, 5e9, size_min=1e9)  # 0.5 bn each, below its 1 bn floor
    assert sorted(issues(resolved(con))) == [
        (
            "implausible_amount_per_project",
            "warning",
            "10 projects / 5 billion yuan = 500 million yuan per project, below the band floor of 1 billion",
        ),
        ("implausible_amount_per_project", "warning", "500 projects / 100 million yuan = 200000 yuan per project"),
    ]


def test_count_in_one_report_only(con):
    given_event(con)
    given_article(con)
    given_article(con, article_id="a2", source_file="other.txt")
    given_cohort(con, 0, 100, 50e9)
    given_cohort(con, 0, None, 50e9, article_id="a2")
    assert issues(resolved(con)) == [
        ("count_in_one_report_only", "warning", "1 report(s) give a project count, 1 do not")
    ]


def test_conflicts_view_shows_kept_and_reported_figures(con):
    given_event(con)
    given_article(con)
    given_article(con, article_id="a2", source_file="other.txt")
    given_cohort(con, 0, 12, 4.28e9)
    given_cohort(con, 0, 12, 4.2e9, article_id="a2")
    rows = (
        resolved(con)
        .execute(
            "select kept_project_count, kept_amount, kept_source_file, reported_amount, "
            "reported_source_file from conflicts"
        )
        .fetchall()
    )
    assert rows == [(12, 4.28e9, "wmc.txt", 4.2e9, "other.txt")]
    assert con.execute("select conflicted_facts from event_totals").fetchall() == [(1,)]


def test_event_and_province_year_totals(con):
    given_event(con, "e1", "Expo A", 2021, province="Anhui")
    given_event(con, "e2", "Expo B", 2021, province="Anhui")
    given_event(con, "e3", "Expo C", 2022, province="Sichuan")
    for n, (event, count, amount) in enumerate([("e1", 10, 5e9), ("e2", 20, 7e9), ("e3", 5, 1e9)]):
        given_article(con, article_id=f"a{n}", source_file=f"{n}.txt", event_id=event)
        given_cohort(con, 0, count, amount, article_id=f"a{n}", event_id=event)
    resolved(con)
    assert con.execute(
        "select event_name, total_projects, total_investment_cny, source_articles, facts "
        "from event_totals order by event_name"
    ).fetchall() == [("Expo A", 10, 5e9, 1, 1), ("Expo B", 20, 7e9, 1, 1), ("Expo C", 5, 1e9, 1, 1)]
    assert con.execute(
        "select province, event_year, events, projects, investment_cny from province_year_totals"
    ).fetchall() == [("Anhui", 2021, 2, 30, 12e9), ("Sichuan", 2022, 1, 5, 1e9)]
