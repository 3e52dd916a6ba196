"""The stage of one English cohort: the stage term nearest its figures.

After an earlier cohort of the same sentence the cohort's own predicate comes after its
figures ("... broke ground and 18 projects were completed"); in machine-translated tables the
stage word is in the noun phrase before the number ("newly started projects 247"); the counts
"respectively" pairs each read the stage of their own clause; and a verb telling what the
projects drew ("71 farm projects attracted 2.3 billion yuan") is no stage.
"""

from __future__ import annotations

import re

from flows.core.extract.en.counts import Count
from flows.core.extract.en.figures import Group
from flows.core.extract.en.labels import stage_near, stage_terms, weak_stage_term
from flows.core.extract.en.numbers import ABOUT_Q, LOWER_Q, WORD_NUM

CLAUSE_END = re.compile(r"[,;:]|\b(?:while|whereas)\b", re.I)

_STAGE_MEMO: tuple = ("", [])  # (sentence, its stage terms): one lexicon pass a sentence


def _stage_spans(s: str) -> list[tuple[int, int, str]]:
    memo = _STAGE_MEMO  # (one tuple, read and rebound whole: safe across threads)
    if memo[0] is s:
        return memo[1]
    spans = stage_terms(s)
    globals()["_STAGE_MEMO"] = (s, spans)
    return spans


def _nearest(spans: list, lo: int, hi: int, start: int, end: int) -> str | None:
    """stage_near(s[lo:hi], start - lo, end - lo), off the sentence's stage terms."""
    best, best_d = None, None
    for a, b, stage in spans:
        if a < lo or b > hi:
            continue
        d = start - b if b <= start else a - end if a >= end else 0
        if best_d is None or d < best_d:
            best, best_d = stage, d
    return best


_FIRM_STAGES = ("signed", "started", "completed")


def _weak_terms_yield(s: str, spans: list, lo: int, hi: int, start: int) -> list:
    """A weak term (stages_en.csv: 'agreed to invest', 'investment intentions', 'under
    discussion', 'selected') names its stage only where the group's own words (lo..hi) tell
    no other signed, started or completed: '20 projects that investors had agreed to invest in
    started construction', '30 projects with investment intentions of X were signed', 'The 12
    projects, selected from 80 applications, were completed'; the group's clause opens after
    the last comma before its figures at `start` ('Among the 50 projects signed, 12 projects
    worth X were selected' are selected)."""
    weak = [sp for sp in spans if lo <= sp[0] and sp[1] <= hi and weak_stage_term(s[sp[0] : sp[1]])]
    if not weak:
        return spans
    lo = max((m.end() for m in CLAUSE_END.finditer(s, lo, start)), default=lo)
    firm = {st for a, b, st in spans if st in _FIRM_STAGES and lo <= a and b <= hi and (a, b, st) not in weak}
    return [sp for sp in spans if not (sp in weak and firm - {sp[2]})]


def _stage(s: str, g: Group, prev_end: int, next_start: int) -> str | None:
    """The stage term nearest the figures; after an earlier cohort of the same sentence, its
    own predicate ('... broke ground and 18 projects were completed') comes after the figures."""
    spans = _stage_spans(s)
    if not spans:
        return None
    spans = _weak_terms_yield(s, spans, prev_end, next_start, g.start)
    next_start = _own_clause_end(s, spans, g, prev_end, next_start)
    if prev_end:
        clause = CLAUSE_END.search(s, g.end, next_start)
        end = clause.start() if clause else next_start
        item = _AND_NEXT_ITEM.search(s, g.end, end)  # '207 projects and the operation of another 183'
        after = _nearest(spans, g.end, item.start() if item else end, g.end, g.end)
        if after:
            return after
    return _nearest(spans, prev_end, next_start, g.start, g.end)


# where the next group's clause opens: '... to activate 30 projects and other firms broke ground
# on 20 projects', '... 25 projects, while others started construction on 14'
_NEXT_CLAUSE = re.compile(r",?\s+(?:while|whereas)\s+|,\s+and\s+|\s+and\s+", re.I)


def _own_clause_end(s: str, spans: list, g: Group, prev_end: int, next_start: int) -> int:
    """Where the group's own words end when another group follows in the sentence: a stage
    term after the joint that opens the next group's clause is that group's predicate, not
    this one's, when a term before the figures tells this group's ('firms signed with the
    developer to activate 30 projects and other firms broke ground on 20 projects')."""
    if next_start >= len(s):
        return next_start
    joints = list(_NEXT_CLAUSE.finditer(s, g.end, next_start))
    joint = joints[-1] if joints else None
    if joint is None or not any(joint.end() <= a and b <= next_start for a, b, _ in spans):
        return next_start
    own = any(prev_end <= a and b <= g.start for a, b, _ in spans) or any(
        g.end <= a and b <= joint.start() for a, b, _ in spans
    )
    return joint.start() if own else next_start


_AND_NEXT_ITEM = re.compile(r"\s+and\s+(?:the|an?)\s+", re.I)  # opens the next item's noun phrase


def _stage_masked(s: str, g: Group, prev_end: int, next_start: int) -> str | None:
    """_stage for a copy of the sentence with words blanked (not the memoized sentence)."""
    if prev_end:
        after = stage_near(CLAUSE_END.split(s[g.end : next_start], maxsplit=1)[0], 0, 0)
        if after:
            return after
    return stage_near(s[prev_end:next_start], g.start - prev_end, g.end - prev_end)


_DREW = re.compile(
    r"(?:,\s+(?:including|such\s+as)\s+[^,;]{3,80},)?"  # an aside naming one of them
    r"(?:\s+(?:in|of|for)\s+(?:the\s+)?[a-z][\w-]*(?:\s+[a-z][\w-]*){0,3}?(?=\s+(?:attract|dr[ae]w|secur)))?"  # '... in digital economy attract'
    r"\s+(?:attract(?:ed|s|ing)?|dr(?:ew|aws?|awing)|secur(?:e|ed|es|ing)|brought\s+in|"
    r"bringing\s+in)\s+(?:(?:a\s+total\s+of|(?:a\s+)?(?:total\s+)?investments?\s+of)\s+)?"
    rf"(?:(?:{LOWER_Q}|{ABOUT_Q})\s+)?",
    re.I,
)


def stage_of(s: str, g: Group, counted: Count | None, prev_end: int, next_start: int) -> str | None:
    """The stage of group g (between the groups before and after it); `counted` is its count."""
    if counted and counted.post and g.stage_window is None:
        # 'newly started projects 247, newly completed projects 163': the stage word is
        # in the noun phrase before the number
        stage = _nearest(_stage_spans(s), prev_end, counted.end, counted.start, counted.end) or _stage(
            s, g, prev_end, next_start
        )
    else:
        stage = _stage(s, g, prev_end, next_start) if g.stage_window is None else _window_stage(s, g, counted)
    a = g.amount.amount if g.amount else None
    if (
        stage == "promoted"
        and counted
        and a
        and counted.end < g.amount.start
        and _DREW.fullmatch(s, counted.end, g.amount.start)
    ):
        # '71 farm projects attracted 2.3 billion yuan': the verb tells what the projects
        # drew, not how far they got; the stage comes from the other words (or is inherited)
        gap = g.amount.start - counted.end
        stage = _stage_masked(s[: counted.end] + " " * gap + s[g.amount.start :], g, prev_end, next_start)
    if stage == "signed" and _to_be_signed(s, g, prev_end, next_start):
        stage = "negotiating"
    if (
        stage == "completed"
        and counted
        and _NEW_PROJECTS.match(s, counted.start, counted.end + 12)
        and _started_or_completed(s, g, prev_end, next_start)
    ):
        # '16 projects that commenced or were completed, among which 12 new projects attracted
        # X': the new ones (新开工) are the started part
        stage = "started"
    return stage


_NEW_PROJECTS = re.compile(rf"(?:[\d,]+|{WORD_NUM})\s+new\s+projects\b", re.I)
_OR_WERE = re.compile(r"\s+(?:or|and)\s+(?:(?:were|have\s+been|had\s+been|been)\s+)?", re.I)


def _started_or_completed(s: str, g: Group, prev_end: int, next_start: int) -> bool:
    """Whether the group's own span (from the cohort before to the end of its clause) tells of
    projects that 'commenced or were completed': a started term joined to a completed one. A
    started term of another clause ('..., while 5 others broke ground') is another group's."""
    clause = CLAUSE_END.search(s, g.end, next_start)
    end = clause.start() if clause else next_start
    spans = [sp for sp in _stage_spans(s) if prev_end <= sp[0] and sp[1] <= end]
    return any(
        st == "started" and done == "completed" and _OR_WERE.fullmatch(s, b, a2)
        for _, b, st in spans
        for a2, _, done in spans
    )


_SIGN_NOUNS = frozenset(("deals", "agreements", "contracts"))


def _to_be_signed(s: str, g: Group, prev_end: int, next_start: int) -> bool:
    """'Agreements on 15 projects worth X are expected to be signed next month': the noun
    'agreements' or 'deals' says what they are, the group's own verb that they are not signed
    yet."""
    spans = [sp for sp in _stage_spans(s) if prev_end <= sp[0] and sp[1] <= next_start]
    if any(st == "signed" and s[a:b].lower() not in _SIGN_NOUNS for a, b, st in spans):
        return False
    clause = CLAUSE_END.search(s, g.end, next_start)
    end = clause.start() if clause else next_start
    return any(st == "negotiating" and a >= g.end and b <= end for a, b, st in spans)


def _window_stage(s: str, g: Group, counted: Count | None) -> str | None:
    """A 'respectively' count's stage: its own verb after it ('48 projects start construction
    and 19 projects go into operation'), else the term nearest its clause's start
    ('Construction started on 18 projects and completed on 7 projects')."""
    spans = _stage_spans(s)
    lo, hi = g.stage_window
    if counted and lo <= counted.end < hi:  # the verb right after the count's noun, not the
        for a, _, stage in spans:  # next item's ('broke ground on 18 projects and signed 25')
            if counted.end <= a < hi:
                if _OWN_VERB_GAP.fullmatch(s, counted.end, a):
                    return stage
                break
    return _nearest(spans, lo, hi, lo, lo)


_OWN_VERB_GAP = re.compile(r"\s+(?:(?!and\b|or\b)[\w'’-]+\s+){0,3}", re.I)


def paired_stage_windows(s: str, paired: list[Group]) -> None:
    """'Construction started on 18 projects and 7 projects were completed, with ... 9.3
    billion and 2.6 billion yuan respectively': each count's stage is in its own clause,
    between the counts before and after it (the amounts come later)."""
    counts = [next(it for it in g.items if it.count) for g in paired]
    first_amount = min((g.amount.start for g in paired if g.amount), default=len(s))
    if first_amount < counts[-1].end:
        return  # amounts interleaved with the counts: the usual windows do
    clause = max(s.rfind(";", 0, counts[0].start), s.rfind(":", 0, counts[0].start)) + 1
    for k, g in enumerate(paired):
        start = counts[k - 1].end if k else clause
        end = counts[k + 1].start if k + 1 < len(counts) else first_amount
        g.stage_window = (start, end)
