"""One English sentence -> its cohort mentions (before article-level merging).

Amounts and counts are found, conversions "(US$38.97 billion)" folded into the amount before,
ranges and per-project thresholds ("each over 50 million yuan", "1 billion yuan and above")
read as size bands, adjectival amounts ("a 2-billion-yuan plant") as one project, and the
figures grouped into cohorts in reading order (a count opens a cohort; "respectively" pairs
lists, and a sector list it pairs gives each cohort its sector, see en_lists). Labels come
from each cohort's own span of the sentence.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from flows.core.extract.en.context import adjective_head, after_intro, keep_amount, project_name
from flows.core.extract.en.counts import Count, find_counts
from flows.core.extract.en.cues import cue, has_any, may_contain, may_end_with, plain
from flows.core.extract.en.labels import sector_in, stage_near
from flows.core.extract.en.lists import list_labels
from flows.core.extract.en.numbers import LOWER_Q, UPPER_Q, Amount, find_amounts, qualifier
from flows.core.model import CohortMention

_DIGIT = re.compile(r"\d")
PROJECT_WORDS = ("project", "deal", "contract", "agreement")
MONEY_WORDS = ("illion", "yuan", "$", "¥", "€", "£", "rmb", "usd", "cny", "eur", "hkd", "jpy",
               "gbp", "dollar", "bln", "bn", "yen", "pound", "renminbi")
_ALT_GAP = re.compile(r"\s*\(\s*(?:about|around|approximately|roughly|or|some|nearly|over|more than|equivalent to|approx\.?)?\s*$", re.I)
_RANGE_GAP = re.compile(r"\s*(?:and|to|-|–|—)\s*$")
_AND_ABOVE = re.compile(r"\s*(?:\([^)]*\)\s*)?(?:and|or)\s+(?:above|over|more|upwards|beyond)\b", re.I)
_AND_BELOW = re.compile(r"\s*(?:\([^)]*\)\s*)?(?:and|or)\s+(?:below|under|less)\b", re.I)
_EACH = re.compile(r"\b(?:each|apiece|every|per\s+project|individually|a\s+piece)\b", re.I)
_EACH_WORDS = ("each", "piece", "every", "per", "individually")   # what _EACH needs
_PUNCT = re.compile(r"[,;.]")
_EACH_LEAD = re.compile(r"^\s*(?:each|apiece|a\s+piece|per\s+project|individually)\b", re.I)
_ARE_ABOVE = re.compile(rf"\b(?:are|were|is|was|be|fall|falls|stood|stand)\s+(?:all\s+)?"
                        rf"(?:{LOWER_Q}|{UPPER_Q})\s+$", re.I)
# last words of LOWER_Q and UPPER_Q phrases ('of': 'in excess of', 'upwards of')
_ARE_ABOVE_LAST = ("than", "over", "above", "least", "exceeding", "beyond", "topping", "to",
                   "under", "below", "within")
# "11 projects with investment of more than 1 billion yuan": no 'total', a round threshold
_WITH_Q = re.compile(rf"\bprojects\s+(?:each\s+)?with\s+(?:an?\s+)?(?:individual\s+)?investments?\s+"
                     rf"(?:scale\s+)?(?:of\s+)?(?:{LOWER_Q}|{UPPER_Q})\s+$", re.I)
_SUBSET = re.compile(
    r"\b(?:among\s+(?:them|these|which|those)|includes?|of\s+the\s+total|of\s+(?:these|them|which|those|this|that\s+number)|"
    r"including|included|in\s+which|compris(?:e|ed|es|ing)|consist(?:ed|s|ing)?\s+of|"
    r"broken\s+down\s+by|by\s+(?:sector|industry|category|region|investor|type|scale|size|"
    r"contract\s+value|field|source)|the\s+other|another|the\s+remaining|the\s+rest)\b", re.I)
_SUBSET_CUE = cue("among", "includ", r"of\s+(?:th|which)", r"in\s+which", "compris", "consist",
                  "broken", "other", "remaining", r"the\s+rest",
                  r"by\s+(?:sector|industry|category|region|investor|type|scale|size|contract|"
                  r"field|source)")
_OF_THE = re.compile(r"^\S+\s+of\s+(?:the|these|those)\b", re.I)
_IN_SECTOR = re.compile(
    r"[\s,]*(?:or\s+[\d.]+\s*(?:%|percent)\s*,\s*)?(?:(?:(?:are|were|is|was|all|mainly|mostly|largely)\s+)*"
    r"(?:in|belong(?:s|ing)?\s+to|focus(?:ed|es|ing)?\s+on|cover(?:s|ed|ing)?|involv(?:e|es|ed|ing)|"
    r"span(?:s|ned|ning)?|spread\s+across)|(?:are|were)(?=\s+[\w\s-]{2,40}?\s(?:projects|ones)\b))"
    r"\s+(?:the\s+)?(?:(?:fields?|sectors?|areas?|industries)\s+of\s+)?", re.I)
_CLAUSE_END = re.compile(r"[,;:]|\b(?:while|whereas)\b", re.I)
_APPOSITIVE = re.compile(r",\s+(?:an?|the)\s+[^,;]{3,80}?,")
_PLURAL_PROJECTS = re.compile(r"\b(?:projects|deals|contracts|agreements)\b", re.I)
_LIST_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|(?:and|or)\s+)\s*", re.I)
_EVERY_PROJECT = re.compile(r"\b(?:every|each|all)\s+(?:\w+\s+)?projects?\b", re.I)


@dataclass
class Item:
    start: int
    end: int
    count: Count | None = None
    amount: Amount | None = None
    band: tuple[float | None, float | None] | None = None
    alt: Amount | None = None
    name: str | None = None       # facility an adjectival amount sizes: 'a 2-billion-yuan plant'


@dataclass
class Group:
    items: list[Item] = field(default_factory=list)
    count: int | None = None
    amount: Item | None = None
    band: tuple[float | None, float | None] | None = None
    paired: bool = False          # built by 'respectively': labels come from the count phrase
    listed: bool = False          # its sector is an item of a 'respectively' list ...
    sector: str | None = None     # ... this one

    @property
    def start(self) -> int:
        return self.items[0].start

    @property
    def end(self) -> int:
        return self.items[-1].end


def _amount_items(s: str) -> tuple[list[Item], list[tuple[int, int]]]:
    """Amount items of the sentence, and the spans of every money expression (refused ones
    included: their digits are not project counts)."""
    found = find_amounts(s)
    spans = [(a.start, a.end) for a in found]
    items: list[Item] = []
    for a in found:
        if not keep_amount(s, a):
            continue
        head = adjective_head(s, a)
        if head and head[0] == "drop":
            continue
        prev = items[-1] if items else None
        if prev and prev.alt is None and prev.band is None and _ALT_GAP.search(s[prev.end: a.start]) \
                and re.match(r"\s*\)", s[a.end:]):
            prev.alt = a
            prev.end = s.index(")", a.end) + 1
            continue
        if prev and prev.amount and _RANGE_GAP.search(s[prev.end: a.start]) and \
                re.search(r"\b(?:between|from)\s+$", s[max(0, prev.start - 12): prev.start], re.I):
            prev.band = (prev.amount.value, a.value)
            prev.end = a.end
            continue
        items.append(Item(a.start, head[1] if head else a.end, amount=a,
                          name=head[0] if head else None))
    return items, spans


def _band_of(s: str, it: Item, prev_end: int, count_follows: bool,
             after_amount: bool = False) -> tuple | None:
    """Per-project size band an amount states, or None when it is a total."""
    a = it.amount
    if it.band:
        return it.band
    after = s[it.end: it.end + 40]
    if _AND_ABOVE.match(after):
        return (a.value, None)
    if _AND_BELOW.match(after):
        return (None, a.value)
    clause = max(prev_end, s.rfind(",", 0, it.start) + 1, s.rfind(";", 0, it.start) + 1)
    pre = s[clause: it.start]
    if clause == prev_end and after_amount:   # 'over 5 billion yuan each have a combined ...':
        pre = _EACH_LEAD.sub("", pre)     # that 'each' bands the figure before
    stop = _PUNCT.search(s, it.end)
    local = pre + s[it.end: stop.start() if stop else len(s)]
    near = s[max(0, a.start - 50): a.start]
    if (not plain(local) or has_any(local.lower(), _EACH_WORDS)) and _EACH.search(local) or \
            may_end_with(near, _ARE_ABOVE_LAST, True, ("excess", "upwards")) and \
            _ARE_ABOVE.search(near) or (a.bound == "lower" and count_follows) \
            or (a.bound in ("lower", "upper") and _WITH_Q.search(near) and _round(a.value)):
        if a.bound == "upper":
            return (None, a.value)
        return (a.value, None)
    return None


def _round(value: float) -> bool:
    """1, 2, 3 or 5 times a power of ten: a size threshold rather than a sum."""
    mantissa = f"{value:.6e}".split("e")[0].rstrip("0").rstrip(".")
    return mantissa in ("1", "2", "3", "5")


def _group(s: str, items: list[Item]) -> tuple[list[Group], list[tuple]]:
    """Items in reading order -> cohort groups, plus 'every project' bands with no count."""
    groups: list[Group] = []
    every: list[tuple] = []
    cur: Group | None = None
    pending: tuple | None = None
    for k, it in enumerate(items):
        nxt = items[k + 1] if k + 1 < len(items) else None
        if it.count:
            joinable = cur and cur.count is None and cur.amount and not cur.band and re.fullmatch(
                r"\s*,?\s*(?:(?:were|was|have\s+been|has\s+been)\s+\w+\s+)?(?:in|for|across|covering|"
                r"involving|from|through)\s+(?:a\s+total\s+of\s+)?",
                s[cur.end: it.start], re.I)
            if joinable:
                cur.count = it.count.value
                cur.items.append(it)
            else:
                cur = Group([it], count=it.count.value)
                groups.append(cur)
            if pending:
                cur.band, pending = pending, None
            continue
        prev_end = cur.end if cur else 0
        pred_next = bool(nxt and nxt.count and nxt.count.kind in ("predicate", "elliptic")) or \
            bool(nxt and nxt.count and (cur is None or cur.band is not None))
        band = _band_of(s, it, prev_end, pred_next, bool(cur and cur.items[-1].amount))
        if band:
            if pred_next and (cur is None or cur.band is not None or nxt.count.kind == "predicate"):
                pending = band
            elif cur and cur.count is not None and cur.band is None:
                cur.band = band
                cur.items.append(it)
            elif _EVERY_PROJECT.search(s[prev_end: it.start]):
                every.append(band)
            continue
        if cur and cur.amount is None:
            cur.amount = it
            cur.items.append(it)
        else:
            cur = Group([it], amount=it)
            groups.append(cur)
    return groups, every


def _respectively(s: str, items: list[Item]) -> tuple[list[Group], list[Group], list] | None:
    """'10 and 20 projects ... 3 billion and 5 billion yuan respectively' -> (groups before the
    paired lists, paired groups, bands); 'A total of 25 projects were signed, of which ...'
    keeps its headline as a group of its own."""
    counts = [it for it in items if it.count]
    plain = [it for it in items if it.amount and not it.band]
    if len(counts) < 2 or not plain:
        return None
    if len(counts) == len(plain) and counts[-1].start < plain[0].start:
        return [], [Group([c, a], count=c.count.value, amount=a, paired=True)
                    for c, a in zip(counts, plain)], []
    after = [a for a in plain if a.start > counts[-1].start]
    k = len(after)
    if k < 2 or len(counts) <= k:
        return None
    paired = counts[-k:]
    earlier = [it for it in items if it.end <= paired[0].start]
    between = [it for it in items if paired[0].start <= it.start < after[0].start and not it.count]
    if between or not earlier or _LIST_JOIN.fullmatch(s[earlier[-1].end: paired[0].start]):
        return None
    head, every = _group(s, earlier)
    return head, [Group([c, a], count=c.count.value, amount=a, paired=True)
                  for c, a in zip(paired, after)], every


def sentence_mentions(s: str, index: int) -> tuple[list[CohortMention], list[tuple]]:
    """Cohort mentions of sentence `s` (number `index`), and countless 'every project' bands."""
    low = s.lower()
    has_project = has_any(low, PROJECT_WORDS)
    if "illion" in low:
        has_money = True
    elif not has_project and not _DIGIT.search(s):
        return [], []     # the cheap exit most sentences take
    else:
        has_money = has_any(low, MONEY_WORDS)
        if not has_project and not has_money:
            return [], []
    items, spans = _amount_items(s) if has_money else ([], [])
    counts = find_counts(s, spans + [(it.start, it.end) for it in items]) if has_project else []
    if not counts and not items:
        return [], []
    items += [Item(c.start, c.end, count=c) for c in counts]
    items.sort(key=lambda it: it.start)
    resp = _respectively(s, items) if "respectively" in low else None
    if resp:
        head, paired, every = resp
        groups = head + paired
        list_labels(s, paired)
    else:
        groups, every = _group(s, items)
        if "respectively" in low:
            list_labels(s, [g for g in groups if g.count is not None or g.amount is not None])
    out = []
    whole_subset = bool(_SUBSET.match(s.strip()) or _SUBSET.search(s[:25]))
    for g_i, g in enumerate(groups):
        if g.count is None and g.amount is None:
            continue
        prev_end = groups[g_i - 1].end if g_i else 0
        clause_start = max(prev_end, s.rfind(";", 0, g.start) + 1, s.rfind(":", 0, g.start) + 1)
        next_start = groups[g_i + 1].start if g_i + 1 < len(groups) else len(s)
        out.append(_mention(s, index, g, clause_start, prev_end, next_start, whole_subset))
    return out, every


def _sector_after(post: str) -> str | None:
    """', ... are in new energy' right after the figures names the cohort's sector."""
    m = _IN_SECTOR.match(post)
    return sector_in(" ".join(post[m.end():].split()[:4])) if m and m.end() > 0 else None


def _stage(s: str, g: Group, prev_end: int, next_start: int) -> str | None:
    """The stage term nearest the figures; after an earlier cohort of the same sentence, its
    own predicate ('... broke ground and 18 projects were completed') comes after the figures."""
    window = s[prev_end: next_start]
    if prev_end:
        after = stage_near(_CLAUSE_END.split(s[g.end: next_start], maxsplit=1)[0], 0, 0)
        if after:
            return after
    return stage_near(window, g.start - prev_end, g.end - prev_end)


def _mention(s, index, g: Group, clause_start, prev_end, next_start, whole_subset):
    a = g.amount.amount if g.amount else None
    alt = g.amount.alt if g.amount else None
    m = CohortMention(project_count=g.count, evidence=s, sentence_index=index)
    if a:
        m.amount, m.currency, m.approximate = a.value, a.currency, a.approximate
    if alt:
        m.alt_amount, m.alt_currency = alt.value, alt.currency
    if g.band:
        m.size_min, m.size_max = g.band
    prefix = s[clause_start: g.start]
    span = s[clause_start: g.end]
    counted = next((it.count for it in g.items if it.count), None)
    if m.project_count in (None, 1) and a:
        name = g.amount.name or project_name(prefix if m.project_count is None else span)
        if name and (m.project_count == 1 or g.amount.name or not _PLURAL_PROJECTS.search(
                after_intro(prefix))):
            m.project_count = 1
            m.project_name = name
    m.stage = _stage(s, g, prev_end, next_start)
    own = s[counted.start: counted.end] if counted and g.paired else ""
    m.sector_code = (sector_in(own) if own else None) or (g.sector if g.listed else (
        sector_in(_APPOSITIVE.sub(" ", span)) or _sector_after(s[g.end: next_start]) or
        (sector_in(m.project_name) if m.project_name else None)))
    head = s[prev_end: g.items[0].end]
    if counted and qualifier(s[: counted.start])[0]:
        m.approximate = True          # 'some 18 projects', 'more than 700 projects'
    subset = whole_subset or (may_contain(head, _SUBSET_CUE) and bool(_SUBSET.search(head))) or bool(_OF_THE.match(s[g.start:])) \
        or bool(counted and counted.kind == "elliptic")
    m.extra = {"explicit_stage": m.stage is not None, "subset": subset}
    return m
