"""facts.refresh resolves the touched events a part at a time: the parts change nothing."""

from __future__ import annotations

from flows.core.warehouse import facts

from conftest import given_article, given_cohort, given_event, resolved


def _reports(con):
    """Three events; two of them reported twice, with a parent link and a conflict."""
    for event in ("e1", "e2", "e3"):
        given_event(con, event_id=event, name=f"Expo {event}")
    for article, event in (("a1", "e1"), ("a2", "e1"), ("b1", "e2"), ("b2", "e2"), ("c1", "e3")):
        given_article(con, article_id=article, source_file=f"{article}.txt", event_id=event)
    given_cohort(con, 0, 120, 58.2e9, article_id="a1", event_id="e1", stage="promoted")
    given_cohort(con, 1, 40, 20.1e9, article_id="a1", event_id="e1", parent=0, size_min=1e9)
    given_cohort(con, 0, 120, 58.0e9, article_id="a2", event_id="e1", stage="promoted")
    given_cohort(con, 1, 40, 20.1e9, article_id="a2", event_id="e1", parent=0, size_min=1e9)
    given_cohort(con, 0, 9, 3.3e9, article_id="b1", event_id="e2")
    given_cohort(con, 0, 9, 3.3e9, article_id="b2", event_id="e2")
    given_cohort(con, 1, 1, 0.8e9, article_id="b2", event_id="e2", parent=0, name="Port logistics park")
    given_cohort(con, 0, 30, None, article_id="c1", event_id="e3", sector="new_energy")


def _tables(con):
    return (
        con.execute("select * from fct_cohort_fact order by fact_id").fetchall(),
        con.execute("select * from bridge_fact_mention order by cohort_id").fetchall(),
    )


def test_facts_resolved_in_parts_equal_facts_resolved_at_once(con, monkeypatch):
    _reports(con)
    whole = _tables(resolved(con))
    assert len(whole[0]) == 5 and len(whole[1]) == 8
    parents = "select count(parent_fact_id) from fct_cohort_fact"
    assert con.execute(parents).fetchone() == (2,)  # the parent links survive
    monkeypatch.setattr(facts, "PART_MENTIONS", 2)  # 8 mentions: four parts
    parted = _tables(resolved(con))
    assert parted == whole
    assert con.execute(parents).fetchone() == (2,)
