"""Which articles report one event: the matcher behind flows/core/warehouse/events.py (pure).

Reports (flows/core/warehouse/event_evidence.py: what each states, and the pairwise evidence
and vetoes) are clustered into events in file order. Candidates are grouped by year first and
found through indexes (alias, name key, province with the headline figures), never by comparing
all pairs; an event is joined only when none of its members can never be one event with the
report, and two events a report bridges become one only when none of their members can never
be one.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from flows.core.extract.merge import tolerance
from flows.core.warehouse.event_evidence import Report, figures_disagree, match, never
from flows.core.warehouse.event_keys import is_generic


@dataclass
class Member:
    report: Report
    reason: str  # first | alias | names | figures | retired
    matched: str | None = None  # article_id of the member it was matched to
    detail: str | None = None


def cluster(reports: list[Report]) -> list[list[Member]]:
    """Reports -> events (lists of members, the first member first). Live reports are taken
    in file order; each joins every event holding a member it matches when no member of that
    event is one it can never be (those events become one when none of their members can
    never be one: a report can bridge two); its reason is its strongest match (alias, then
    names, then figures). Retired reports (file gone from raw/) stay events of their own."""
    order = sorted(reports, key=lambda r: (r.retired, r.source_file, r.article_id))
    events: list[_Event] = []
    root: list[int] = []
    index: dict[tuple, dict[int, None]] = {}  # (year | "any", ...) -> ordered set of events
    shelves: dict[tuple, _Shelf] = {}  # (...) -> the events holding a report of no year
    contents: dict[frozenset, int] = {}

    def find(e: int) -> int:
        while root[e] != e:
            root[e] = root[root[e]]
            e = root[e]
        return e

    for r in order:
        joins = [] if r.retired else _joins(r, events, index, shelves, find)
        if not joins:
            events.append(_Event())
            events[-1].add(Member(r, "retired" if r.retired else "first"))
            root.append(len(events) - 1)
            target = len(events) - 1
        else:
            joins.sort(key=lambda j: j[0])
            target = joins[0][0]
            _, matched, reason, detail = min(joins, key=lambda j: (_RANK[j[2]], j[0]))
            for other, _, o_reason, o_detail in joins[1:]:
                if events[target].compatible(events[other]):
                    head = events[other].members[0]
                    head.reason, head.matched, head.detail = o_reason, r.article_id, o_detail
                    for m in events[other].members:
                        events[target].add(m)
                    events[other].unshelve()
                    events[other] = _Event()
                    root[other] = target
            events[target].add(Member(r, reason, matched, detail))
        if not r.retired:
            for probe in _probes(r):
                index.setdefault(probe, {})[target] = None
                index.setdefault(("any", *probe[1:]), {})[target] = None
                if r.year is None:
                    shelves.setdefault(probe[1:], _Shelf()).put(target, events[target], contents)
    return [
        sorted(e.members, key=lambda m: (m.report.retired, m.report.source_file, m.report.article_id))
        for e in events
        if e.members
    ]


def _joins(r: Report, events: list[_Event], index: dict, shelves: dict, find) -> list[tuple]:
    """(event, matched, reason, detail) of each candidate event r joins. The candidates are
    the events under r's lookup probes: of its year, and those holding a report of no year
    (their shelves); a report of no year meets every year's ("any"). Candidates that
    cannot join are passed over without `join` where the answer is known: for a report of no
    year, an event holding a report of no year (`never`: no two reports of no year are one
    event; dropped from the "any" entry, which only reports of no year read, for good); for a
    report of a year, the one-report events of no year alike in all `join` reads of them once
    one of them refused it (the copies of an article that states no year)."""
    joins = []
    seen: set[int] = set()
    refused: set[int] = set()

    def meet(e: int) -> bool:
        seen.add(e)
        found = events[e].join(r)
        if found:
            joins.append((e, *found))
        return found is not None

    probes = _probes(r, lookup=True)
    entries = [index.get(("any" if r.year is None else r.year, *p[1:]), {}) for p in probes]
    for shelf in () if r.year is None else filter(None, map(shelves.get, (p[1:] for p in probes))):
        for content, group in shelf.singles.items():
            if content not in refused and not all(meet(e) for e in group if e not in seen):
                refused.add(content)
        entries.append(shelf.others)
    for entry in entries:
        if r.year is None:
            for raw in [raw for raw in entry if events[find(raw)].undated]:
                del entry[raw]
        for e in map(find, entry):
            if e not in seen:
                meet(e)
    return joins


class _Shelf:
    """The events holding a report of no year under one index key (their probes but the
    year): the events of that one report by their content (the copies of an article that
    states no year are many events alike), the others one by one."""

    def __init__(self) -> None:
        self.singles: dict[int, dict[int, None]] = {}  # content -> ordered set of events
        self.others: dict[int, None] = {}

    def put(self, e: int, event: _Event, contents: dict[frozenset, int]) -> None:
        if len(event.members) == 1:
            content = contents.setdefault(frozenset(event.reps), len(contents))
            self.singles.setdefault(content, {})[e] = None
            event.shelved.append((self, content, e))
        else:
            self.others[e] = None


class _Event:
    """An event being built: its members, and their distinct reports as the checks read
    them (so a big event of one curated name is checked once per distinct report, not once
    per member)."""

    def __init__(self) -> None:
        self.members: list[Member] = []
        self.guards: dict[tuple, Report] = {}  # distinct (year, place, curated event, marks)
        self.reps: dict[tuple, Report] = {}  # distinct reports, figures and names included
        self.aliases: dict[str, Report] = {}  # curated event -> its first member
        self.undated = False  # holds a report of no year
        self.shelved: list[tuple[_Shelf, int, int]] = []  # where it is one of the singles

    def add(self, m: Member) -> None:
        r = m.report
        if self.members:
            self.unshelve()
        self.members.append(m)
        self.guards.setdefault(_guard(r), r)
        self.reps.setdefault(_signature(r), r)
        self.undated |= r.year is None
        if r.canonical:
            self.aliases.setdefault(r.canonical, r)

    def unshelve(self) -> None:
        """It is no longer an event of one report: move it to its shelves' others."""
        for shelf, content, e in self.shelved:
            group = shelf.singles[content]
            del group[e]
            if not group:
                del shelf.singles[content]
            shelf.others[e] = None
        self.shelved = []

    def join(self, r: Report) -> tuple[str, str, str] | None:
        """(matched article, reason, detail) of r's strongest match with a member, None when
        none matches or some member can never be one event with r."""
        if any(never(g, r) for g in self.guards.values()):
            return None
        first = self.aliases.get(r.canonical) if r.canonical else None
        if first is not None and first.year is not None and r.year is not None:
            return first.article_id, "alias", r.canonical  # the guards saw one year
        best = None
        for m in self.reps.values():
            found = match(m, r)
            if found and (best is None or _RANK[found[0]] < _RANK[best[1]]):
                best = (m.article_id, *found)
        if best and best[1] != "alias":
            # names and figures: no member may state headline figures that disagree with r's
            # (but one of the same curated event: an alias is the stronger evidence, its
            # disagreeing figures become conflicts of the event's facts)
            if any(
                figures_disagree(m, r) for m in self.reps.values() if not (m.canonical and m.canonical == r.canonical)
            ):
                return None
        return best

    def compatible(self, other: _Event) -> bool:
        """Whether two events can become one: no pair of members can never be one event, and
        no pair but of one curated event states headline figures that disagree."""
        if any(never(a, b) for a in self.guards.values() for b in other.guards.values()):
            return False
        return not any(
            figures_disagree(a, b)
            for a in self.reps.values()
            for b in other.reps.values()
            if not (a.canonical and a.canonical == b.canonical)
        )


def _guard(r: Report) -> tuple:
    """What `never` reads of a report."""
    return (r.year, r.province, r.canonical, r.places, tuple(sorted(r.marks.items())))


def _signature(r: Report) -> tuple:
    """What the matcher reads of a report: reports alike in it match alike."""
    return (r.year, r.city, r.province, r.canonical, r.key, r.places, tuple(sorted(r.marks.items())), tuple(r.figures))


_RANK = {"alias": 0, "names": 1, "figures": 2}


def _probes(r: Report, lookup: bool = False) -> set[tuple]:
    """Index keys of a report (year first): its curated event, its name key (not a generic
    one) and, for figures, its province with the count and amount bucket of each headline
    stating both (a lookup also probes the neighbouring buckets: amounts within the widest
    tolerance fall in the same or the next bucket)."""
    out = set()
    if r.canonical:
        out.add((r.year, "alias", r.canonical))
    if r.key and not is_generic(r.key):
        out.add((r.year, "names", r.key))
    if r.province:
        for f in r.figures:
            if f.count is not None and f.amount:
                b = _bucket(f.amount)
                if not lookup:
                    out.add((r.year, "figures", r.province, f.count, b))
                    out.add((r.year, "figures", r.province, "any", b))
                    if f.approximate:
                        out.add((r.year, "figures", r.province, "approximate", b))
                    continue
                # an exact figure meets the same count and approximate figures; an
                # approximate one meets any count (its count may be rounded too)
                counts = ("any",) if f.approximate else (f.count, "approximate")
                out.update((r.year, "figures", r.province, c, n) for c in counts for n in (b - 1, b, b + 1))
    return out


@lru_cache(maxsize=1)
def _bucket_width() -> float:
    return math.log1p(tolerance("rounded_restatement"))


def _bucket(amount: float) -> int:
    return math.floor(math.log(amount) / _bucket_width())
