"""Mentions from several reports of one event resolve into one set of facts; disagreements
become visible conflicts with the most specific source's figures kept."""

from __future__ import annotations

import polars as pl

from flows.core.warehouse.resolve import resolve


def mention(
    cohort_id,
    article_id,
    count,
    amount,
    *,
    event="e1",
    approximate=False,
    stage="signed",
    sector=None,
    size_min=None,
    name=None,
    published_at="2021-11-24",
    parent=None,
):
    return {
        "cohort_id": cohort_id,
        "article_id": article_id,
        "event_id": event,
        "cohort_index": int(cohort_id.split(":")[1]),
        "source_file": f"{article_id}.txt",
        "published_at": published_at,
        "project_count": count,
        "amount": amount,
        "currency": "CNY" if amount else None,
        "amount_cny": amount,
        "approximate": approximate,
        "stage": stage,
        "sector_code": sector,
        "size_min": size_min,
        "size_max": None,
        "region": None,
        "project_name": name,
        "parent_cohort_id": parent,
    }


def run(*rows):
    facts, bridge = resolve(pl.DataFrame(list(rows)))
    return facts.sort("fact_id").to_dicts(), sorted(bridge.iter_rows())


def test_the_same_cohort_in_two_reports_is_one_fact():
    facts, bridge = run(mention("a:0", "a", 703, 582.18e9, stage="promoted"), mention("b:0", "b", 703, 582.18e9))
    assert [(f["project_count"], f["amount"], f["source_count"], f["has_conflict"]) for f in facts] == [
        (703, 582.18e9, 2, False)
    ]
    assert bridge == [("f:a:0", "a:0", "chosen"), ("f:a:0", "b:0", "agrees")]


def test_conflicting_amounts_keep_the_most_specific_source():
    facts, bridge = run(mention("a:0", "a", 12, 4.2e9), mention("b:0", "b", 12, 4.28e9))
    assert [(f["amount"], f["chosen_cohort_id"], f["has_conflict"]) for f in facts] == [(4.28e9, "b:0", True)]
    assert ("f:a:0", "a:0", "conflicts") in bridge


def test_exact_beats_approximate_and_both_figures_beat_one():
    facts, _ = run(mention("a:0", "a", None, 580e9, approximate=True), mention("b:0", "b", 703, 582.18e9))
    assert [(f["project_count"], f["amount"]) for f in facts] == [(703, 582.18e9)]
    facts, _ = run(mention("a:0", "a", 703, None), mention("b:0", "b", 703, 582.18e9))
    assert [(f["project_count"], f["amount"]) for f in facts] == [(703, 582.18e9)]


def test_different_qualifiers_or_events_stay_apart():
    facts, _ = run(
        mention("a:0", "a", 7, 90.2e9, size_min=1e10),
        mention("b:0", "b", 7, 90.2e9, sector="new_materials"),
        mention("c:0", "c", 7, 90.2e9, event="e2"),
        mention("d:0", "d", 7, 90.2e9, stage="started", size_min=1e10),
    )
    assert len(facts) == 4


def test_cohorts_of_one_article_are_never_merged():
    facts, _ = run(mention("a:0", "a", 5, 1e9), mention("a:1", "a", 5, 1e9, stage="promoted"))
    assert len(facts) == 2


def test_parent_links_follow_the_chosen_mention():
    facts, _ = run(mention("a:0", "a", 100, 50e9), mention("a:1", "a", 10, 5e9, parent="a:0"))
    assert {f["fact_id"]: f["parent_fact_id"] for f in facts} == {"f:a:0": None, "f:a:1": "f:a:0"}


def many_events():
    """Four events, each reported by three articles with two cohorts (one conflicting)."""
    rows = []
    for e in range(4):
        for a in "abc":
            rows.append(mention(f"{a}{e}:0", f"{a}{e}", 10 + e, (5 + e) * 1e9, event=f"e{e}"))
            rows.append(
                mention(f"{a}{e}:1", f"{a}{e}", 3, (1.0 + (a == "c") * 0.3) * 1e9, event=f"e{e}", sector="new_energy")
            )
    return pl.DataFrame(rows)


def test_chunks_never_split_an_event_and_their_order_does_not_matter(monkeypatch):
    """The matching runs a chunk of whole events at a time (independent units of work): tiny
    chunks hold one event each, and resolving them in reverse order changes nothing."""
    from flows.core.warehouse import resolve as resolve_module

    mentions = many_events()
    serial_facts, serial_bridge = resolve(mentions)
    monkeypatch.setattr(resolve_module, "CHUNK_ROWS", 2)
    ordered = mentions.sort("event_id", "published_at", "source_file", "cohort_index").select(
        "event_id", *resolve_module._COLUMNS
    )
    chunks = resolve_module.event_chunks(ordered)
    assert [chunk["event_id"].unique().to_list() for chunk in chunks] == [[f"e{e}"] for e in range(4)]
    backwards = pl.concat([resolve_module.resolve_events(c) for c in reversed(chunks)])
    assert backwards.sort("cohort_id").equals(resolve_module._resolve_several(mentions).sort("cohort_id"))
    facts, bridge = resolve(mentions)  # tiny chunks: the same facts as one chunk
    assert facts.sort("fact_id").equals(serial_facts.sort("fact_id"))
    assert bridge.sort("cohort_id").equals(serial_bridge.sort("cohort_id"))
    assert serial_facts.height == 8 and serial_facts["has_conflict"].sum() == 4
