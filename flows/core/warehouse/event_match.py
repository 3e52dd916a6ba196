"""Which articles report one event: the matcher behind flows/core/warehouse/events.py (pure).

Articles are candidates for one event when they share the year; the evidence, strongest first:
- alias: the same curated event (flows/lexicons/events.csv, any language or alias);
- names: the same event name after normalization (`name_key`: edition, year, "the", 第N届,
  punctuation and the host place dropped; the terms of flows/lexicons/event_terms.csv, in
  either language, turned into one concept), a name that is more than a kind of event
  ("signing ceremony" alone is not), the host place not contradicting, headline figures not
  disagreeing;
- figures: the same host place (province, and city when both name one) and a headline cohort
  of each stating the same count and the same amount (within tolerances.csv restated_amount,
  rounded_restatement when either is approximate: "more than", 约).
Never merged, whatever the evidence: different years, different curated events, a different
batch, quarter or edition (第一批/第二批, Q1/Q2, 第七届/第八届), different host places (but for
an alias). Candidates are grouped by year first and found through indexes (alias, name key,
province), never by comparing all pairs.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from flows.core.extract.merge import close, tolerance
from flows.core.extract.places import find_places
from flows.core.lexicon import load

_ZH_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}
_EN_ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
}
_NUM = r"[零〇一二两三四五六七八九十百\d]+"
_EN_NUM = r"(\d{1,3})(?:st|nd|rd|th)|(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)"
_QUARTER = [
    re.compile(rf"第?({_NUM})季度"),
    re.compile(r"([一二三四])季度"),
    re.compile(rf"\b(?:{_EN_NUM})[\s-]+quarter\b", re.I),
    re.compile(r"\bQ([1-4])\b"),
]
_BATCH = [
    re.compile(rf"第({_NUM})批"),
    re.compile(rf"\b(?:{_EN_NUM})\s+batch(?:es)?\b", re.I),
    re.compile(r"\bbatch\s+(?:no\.?\s*)?(\d+|one|two|three|four|five|six)\b", re.I),
]
# an English edition is an ordinal before an event's name ("the 12th World Chinese
# Entrepreneurs Convention"), never a date ("on the 24th")
_EN_EVENT_NAME = (
    r"[ \t]+(?:(?:session|edition)[ \t]+of[ \t]+(?:the[ \t]+)?)?(?:[A-Z][\w'’&().-]*[ \t]+"
    r"(?:(?:of|for|and|on|in|the|&)[ \t]+)*){0,8}?(?:Expo|Exposition|Fair|Conference|Convention|"
    r"Congress|Forum|Summit|Festival|Week|Session)s?\b"
)
_EDITION = [re.compile(rf"第({_NUM})届"), re.compile(r"(首)届"), re.compile(rf"\b(?i:{_EN_NUM}){_EN_EVENT_NAME}")]
_ORDINAL_HINT = re.compile(
    r"\d(?:st|nd|rd|th)\b|(?:first|second|third|fourth|fifth|sixth|seventh|eighth|"
    r"ninth|tenth)\s",
    re.I,
)
_YEARS = re.compile(r"(?:19|20)\d\d\s*年?度?")
_DROP_ZH = re.compile(rf"第{_NUM}[届次期批]|首届|本届|年度|暨")
_DROP_EN = re.compile(
    r"\b(?:\d{1,3}(?:st|nd|rd|th)|the|a|an|annual|of|and|for|on|in|at|to|with|"
    r"edition|session|inaugural|held|monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday|today|yesterday|january|february|march|april|may|june|july|"
    r"august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|"
    r"sept|oct|nov|dec)\b",
    re.I,
)
_PUNCT = re.compile(r"[\s\"'“”‘’《》〈〉()（）\[\]【】,，.。:：;；、·\-‐‑‒–—―－﹣_/&!?|]+")
_CJK = re.compile(r"[\u4e00-\u9fff]")


@lru_cache(maxsize=1)
def _terms() -> tuple[list[tuple[str, str]], list[tuple[re.Pattern, str]], frozenset[str]]:
    """(Chinese term -> concept, English term regex -> concept, generic concepts), longest first."""
    rows = sorted(load("event_terms"), key=lambda r: len(r["term"]), reverse=True)
    zh = [(r["term"], r["concept"]) for r in rows if _CJK.search(r["term"])]
    en = [
        (re.compile(rf"(?<![\w-]){re.escape(r['term'])}(?![\w-])", re.I), r["concept"])
        for r in rows
        if not _CJK.search(r["term"])
    ]
    generic = frozenset(r["concept"] for r in rows if r.get("generic") == "1")
    return zh, en, generic


@lru_cache(maxsize=1)
def _place_names() -> dict[str, tuple[str, ...]]:
    """English place name -> its written forms in both languages (gazetteer)."""
    names: dict[str, set[str]] = {}
    for row in load("places"):
        forms = names.setdefault(row["name_en"], {row["name_en"]})
        zh = row["name_zh"]
        forms.update({zh, *(a.strip() for a in (row.get("aliases") or "").split(";") if a.strip())})
        for suffix in ("市", "省", "自治区", "壮族自治区", "回族自治区", "维吾尔自治区", "特别行政区"):
            if zh.endswith(suffix) and len(zh) > len(suffix) + 1:
                forms.add(zh[: -len(suffix)])
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in names.items()}


@lru_cache(maxsize=4096)
def _place_forms(place: str) -> tuple[tuple[str, ...], re.Pattern | None]:
    """The written forms of a place: Chinese (replaced as they are) and English (whole words,
    case-blind)."""
    forms = _place_names().get(place, (place,))
    zh = tuple(f for f in forms if _CJK.search(f))
    en = [re.escape(f) for f in forms if not _CJK.search(f)]
    return zh, (re.compile(rf"\b(?:{'|'.join(en)})\b", re.I) if en else None)


@lru_cache(maxsize=65536)
def name_key(name: str | None, city: str | None = None, province: str | None = None) -> str | None:
    """An event name normalized for matching: concepts and remaining words, sorted, joined by
    spaces ('global invest_conf' for both 苏州全球招商大会 and "the 2024 Suzhou Global
    Investment Promotion Conference"); None when nothing is left."""
    if not name:
        return None
    text = unicodedata.normalize("NFKC", name)
    for p in reversed(find_places(text, "zh" if _CJK.search(text) else "en")):
        text = text[: p.start] + " " + text[p.end :]
    for place in (city, province):
        if place:
            zh_forms, en_forms = _place_forms(place)
            for form in zh_forms:
                text = text.replace(form, " ")
            text = en_forms.sub(" ", text) if en_forms else text
    text = _DROP_ZH.sub(" ", _YEARS.sub(" ", text))
    zh, en, _ = _terms()
    concepts: list[str] = []
    for pattern, concept in en:
        text, n = pattern.subn(" ", text)
        concepts += [concept] * n
    for term, concept in zh:
        if term in text:
            concepts += [concept] * text.count(term)
            text = text.replace(term, " ")
    text = _DROP_EN.sub(" ", text)
    words = [w.lower() for w in _PUNCT.split(text) if w and not w.isdigit()]
    tokens = sorted(set(concepts) | set(words))
    return " ".join(tokens) or None


@lru_cache(maxsize=65536)
def name_places(name: str | None) -> frozenset[tuple[str, str | None]]:
    """The places an event name names, as (province, city or None)."""
    if not name:
        return frozenset()
    text = unicodedata.normalize("NFKC", name)
    return frozenset((p.province_en, p.city) for p in find_places(text, "zh" if _CJK.search(text) else "en"))


def _places_conflict(x: frozenset, y: frozenset) -> bool:
    """Both names name places and none of one is compatible with one of the other (same
    province, same city unless one names the province only)."""
    return bool(x and y) and not any(
        pa == pb and (ca is None or cb is None or ca == cb) for pa, ca in x for pb, cb in y
    )


@lru_cache(maxsize=65536)
def is_generic(key: str | None) -> bool:
    """Whether a name key only names a kind of event ("major projects groundbreaking")."""
    return key is None or all(t in _terms()[2] for t in key.split())


def _number(text: str) -> int | None:
    text = text.lower()
    if text.isdigit():
        return int(text)
    if text in _EN_ORDINALS:
        return _EN_ORDINALS[text]
    if text == "首":
        return 1
    if "百" in text:
        return None
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (_ZH_DIGITS.get(tens, 1) if tens else 1) * 10 + (_ZH_DIGITS.get(ones, 0) if ones else 0)
    return _ZH_DIGITS.get(text) if len(text) == 1 else None


def _found(patterns: list[re.Pattern], text: str) -> frozenset[int]:
    out = set()
    for pattern in patterns:
        for m in pattern.finditer(text):
            value = next((g for g in m.groups() if g), None)
            n = _number(value) if value else None
            if n is not None:
                out.add(n)
    return frozenset(out)


def markers(texts: list[str | None]) -> dict[str, frozenset[int]]:
    """The batch, quarter and edition numbers an article states of its event (name, title,
    headline sentences)."""
    text = "\n".join(t for t in texts if t)
    lower = text.lower()
    none = frozenset()
    return {
        "batch": _found(_BATCH, text) if "批" in text or "batch" in lower else none,
        "quarter": _found(_QUARTER, text) if "季度" in text or "quarter" in lower or "Q" in text else none,
        "edition": _found(_EDITION, text) if "届" in text or _ORDINAL_HINT.search(text) else none,
    }


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
        if _places_conflict(a.places, b.places):
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
    index: dict[tuple, dict[int, None]] = {}

    def find(e: int) -> int:
        while root[e] != e:
            root[e] = root[root[e]]
            e = root[e]
        return e

    for r in order:
        joins = []
        if not r.retired:
            seen: set[int] = set()
            for probe in _lookups(r, index):
                for e in map(find, probe):
                    if e not in seen:
                        seen.add(e)
                        found = events[e].join(r)
                        if found:
                            joins.append((e, *found))
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
                    events[other] = _Event()
                    root[other] = target
            events[target].add(Member(r, reason, matched, detail))
        if not r.retired:
            for probe in _probes(r):  # ordered sets of events
                index.setdefault(probe, {})[target] = None  # (year, ...)
                index.setdefault(("any", *probe[1:]), {})[target] = None
                if r.year is None:  # events with a report of no year
                    index.setdefault(("unknown", *probe[1:]), {})[target] = None
    return [
        sorted(e.members, key=lambda m: (m.report.retired, m.report.source_file, m.report.article_id))
        for e in events
        if e.members
    ]


class _Event:
    """An event being built: its members, and their distinct reports as the checks read
    them (so a big event of one curated name is checked once per distinct report, not once
    per member)."""

    def __init__(self) -> None:
        self.members: list[Member] = []
        self.guards: dict[tuple, Report] = {}  # distinct (year, place, curated event, marks)
        self.reps: dict[tuple, Report] = {}  # distinct reports, figures and names included
        self.aliases: dict[str, Report] = {}  # curated event -> its first member

    def add(self, m: Member) -> None:
        r = m.report
        self.members.append(m)
        self.guards.setdefault(_guard(r), r)
        self.reps.setdefault(_signature(r), r)
        if r.canonical:
            self.aliases.setdefault(r.canonical, r)

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


def _lookups(r: Report, index: dict[tuple, dict[int, None]]) -> list:
    """The index entries r meets: its year's, and those of events holding a report of no
    year; a report of no year meets every year's."""
    out = []
    for probe in _probes(r, lookup=True):
        if r.year is None:
            out.append(index.get(("any", *probe[1:]), ()))
        else:
            out += [index.get(probe, ()), index.get(("unknown", *probe[1:]), ())]
    return out


@lru_cache(maxsize=1)
def _bucket_width() -> float:
    return math.log1p(tolerance("rounded_restatement"))


def _bucket(amount: float) -> int:
    return math.floor(math.log(amount) / _bucket_width())
