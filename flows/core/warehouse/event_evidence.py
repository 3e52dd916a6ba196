"""Whether two reports are one event (pure): the pairwise rules of flows/core/warehouse/event_match.py.

Reports are candidates for one event when they share the year; the evidence, strongest first:
- alias: the same curated event (flows/lexicons/events.csv, any language or alias);
- names: the same event name after normalization (flows/core/warehouse/event_keys.py), a name
  that is more than a kind of event ("signing ceremony" alone is not), the host place not
  contradicting, headline figures not disagreeing;
- figures: the same host place (province, and city when both name one) and a headline cohort
  of each stating the same count and the same amount (within tolerances.csv restated_amount,
  rounded_restatement when either is approximate: "more than", 约).
Never one event, whatever the evidence: different years, different curated events, a different
batch, quarter or edition (第一批/第二批, Q1/Q2, 第七届/第八届), different host places (but for
an alias).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from flows.core.extract.merge import close
from flows.core.warehouse.event_keys import is_generic, markers, name_key, name_places, places_conflict


@dataclass(frozen=True)
class Figure:
    """A headline cohort: top level, not limited by sector, place, name or an upper band."""

    count: int | None
    amount: float | None  # yuan
    approximate: bool = False


@dataclass
class Report:
    """One article as the matcher sees it."""

    article_id: str
    source_file: str
    year: int | None
    city: str | None = None
    province: str | None = None
    canonical: str | None = None
    name: str | None = None
    key: str | None = None  # name_key, set by `prepare`
    places: frozenset = frozenset()  # name_places, set by `prepare`
    marked: bool = False  # any marker, set by `prepare`
    figures: list[Figure] = field(default_factory=list)
    marks: dict[str, frozenset[int]] = field(default_factory=dict)
    retired: bool = False
    attrs: dict = field(default_factory=dict)  # the caller's own row (events.py: as extracted)


def _amounts_meet(a: Figure, b: Figure) -> bool:
    name = "rounded_restatement" if a.approximate or b.approximate else "restated_amount"
    return close(a.amount, b.amount, name)


def _counts_meet(a: Figure, b: Figure) -> bool:
    if a.count == b.count:
        return True
    return (a.approximate or b.approximate) and close(a.count, b.count, "rounded_restatement")


def figures_agree(a: Report, b: Report) -> tuple[Figure, Figure] | None:
    """A headline of a and one of b with the same count and the same amount."""
    for fa in a.figures:
        if fa.count is None or fa.amount is None:
            continue
        for fb in b.figures:
            if fb.count is not None and fb.amount is not None and _counts_meet(fa, fb) and _amounts_meet(fa, fb):
                return fa, fb
    return None


def _shared(fa: Figure, fb: Figure) -> tuple[bool, bool]:
    """(some figure both state, all such figures agree)."""
    checks = []
    if fa.count is not None and fb.count is not None:
        checks.append(_counts_meet(fa, fb))
    if fa.amount is not None and fb.amount is not None:
        checks.append(_amounts_meet(fa, fb))
    return bool(checks), all(checks)


def figures_disagree(a: Report, b: Report) -> bool:
    """Both state a headline and no headline of one agrees with any of the other's on what
    both state (a figure only one of them states is no disagreement)."""
    compared = False
    for fa in a.figures:
        for fb in b.figures:
            any_shared, agree = _shared(fa, fb)
            if any_shared and agree:
                return False
            compared |= any_shared
    return compared


def _marks_differ(a: Report, b: Report) -> str | None:
    if not (a.marked and b.marked):
        return None
    for kind in ("batch", "quarter", "edition"):
        x, y = a.marks.get(kind), b.marks.get(kind)
        if x and y and not x & y:
            return kind
    return None


def never(a: Report, b: Report) -> str | None:
    """Why a and b can never be one event (None when they can)."""
    if a.year is None and b.year is None:
        return "year"
    if a.year is not None and b.year is not None and a.year != b.year:
        return "year"
    if a.canonical and b.canonical and a.canonical != b.canonical:
        return "different curated events"
    kind = _marks_differ(a, b)
    if kind:
        return f"different {kind}"
    if not (a.canonical and a.canonical == b.canonical):
        if a.province and b.province and a.province != b.province:
            return "place"
        if places_conflict(a.places, b.places):
            return "place"
    return None


def _significant_digits(amount: float) -> int:
    return len(f"{amount:.0f}".strip("0"))


def strict_figures(a: Report, b: Report) -> tuple[Figure, Figure] | None:
    """A headline of a and one of b stated alike exactly enough not to meet by chance: the
    same count, and amounts within restated_amount beside a count of 100 or more, or within
    same_amount when both amounts have four significant digits or more (105.28 亿); an
    approximate amount ("around 372 billion") only beside a count of 100 or more, within
    rounded_restatement."""
    for fa in a.figures:
        if fa.count is None or fa.amount is None:
            continue
        for fb in b.figures:
            if fb.count != fa.count or fb.amount is None:
                continue
            if fa.approximate or fb.approximate:
                if fa.count >= 100 and close(fa.amount, fb.amount, "rounded_restatement"):
                    return fa, fb
            elif fa.count >= 100 and close(fa.amount, fb.amount, "restated_amount"):
                return fa, fb
            elif (
                close(fa.amount, fb.amount, "same_amount")
                and min(_significant_digits(fa.amount), _significant_digits(fb.amount)) >= 4
            ):
                return fa, fb
    return None


def _swap(pair: tuple[Figure, Figure] | None) -> tuple[Figure, Figure] | None:
    return (pair[1], pair[0]) if pair else None


def _pair(pair: tuple[Figure, Figure]) -> str:
    return f"{_fmt(pair[0])} = {_fmt(pair[1])}"


def _fmt(f: Figure) -> str:
    parts = [
        f"{f.count} projects" if f.count is not None else None,
        f"{f.amount / 1e8:,.2f} 亿 yuan" if f.amount is not None else None,
    ]
    return ("~" if f.approximate else "") + " / ".join(p for p in parts if p)


def match(a: Report, b: Report) -> tuple[str, str] | None:
    """(reason, detail) when a and b report one event, else None."""
    if never(a, b):
        return None
    alias = bool(a.canonical and a.canonical == b.canonical)
    named = bool(a.key and a.key == b.key)
    cities_differ = bool(a.city and b.city and a.city != b.city)
    if a.year is None or b.year is None:
        # one report states no year: one event only in one place, when both state the same
        # figures (count and amount) and are the same curated event or have the same name, or
        # state them exactly alike (strict_figures)
        if not (a.province and b.province) or cities_differ:
            return None
        fa = figures_agree(a, b)
        if fa and (alias or named):
            return ("alias" if alias else "names"), (
                f"{a.canonical if alias else a.key}; {_pair(fa)}; the year of the other report"
            )
        fa = strict_figures(a, b)
        if fa:
            return "figures", f"{_pair(fa)}; the year of the other report"
        return None
    if alias:
        return "alias", a.canonical
    if cities_differ:
        # the host cities as found differ (a report filed from the provincial capital about a
        # prefecture's round): one event only on figures stated exactly alike
        fa = strict_figures(a, b) or _swap(strict_figures(b, a))
        if fa:
            return "figures", f"{_pair(fa)} (cities {a.city} / {b.city})"
        return None
    if named and not is_generic(a.key) and not figures_disagree(a, b):
        return "names", a.key
    if a.province and b.province:
        fa = figures_agree(a, b)
        if fa:
            return "figures", _pair(fa)
    return None


def prepare(report: Report, texts: list[str | None] = ()) -> Report:
    """Fill the name key and the markers (name, title and headline sentences in `texts`)."""
    report.key = name_key(report.name, report.city, report.province)
    report.places = name_places(report.name)
    report.marks = markers([report.name, *texts])
    report.marked = any(report.marks.values())
    return report
