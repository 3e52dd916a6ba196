"""Stage and sector labels for English cohorts, read from the CSV lexicons.

`stage_near(text, pos)` returns the stage whose term lies nearest a cohort's figures;
`sector_in(text)` the sector of the first sector term of a cohort's own span (`sector_terms`
all of them); `stage_counts` tallies stage terms of a whole article (its dominant stage).
Regexes are built once, cached.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from flows.core.extract.en.cues import FIRM_SUFFIX, has_any
from flows.core.extract.en.cues import FIRM_WORDS as _FIRM_WORDS
from flows.core.extract.en.cues import trie as _trie
from flows.core.lexicon import event_suffixes, load

# Event names ("World Manufacturing Conference") must not lend their words to a sector.
EVENT_NAME_RE = re.compile(rf"(?:\b[A-Z][\w'’\-]*\s+)+(?:{'|'.join(event_suffixes('en'))})\b")
_EVENT_WORDS = tuple(event_suffixes("en"))  # cheap pre-check: a name ends in one of them
# A company's name ('China Logistics Group Co., Ltd.', 'Hengtai Energy Conservation and
# Environmental Protection Corporation') tells the field of the one project it builds, not a
# group's: `mask_firms` blanks it in the words before a group's figures.
_FIRM_RE = re.compile(r"(?:\b[A-Z][\w'’&\-]*\s+(?:(?:and|&)\s+(?=[A-Z]))?)+" + FIRM_SUFFIX)


class _Lexicon:
    """A lexicon's terms, found where no word character or hyphen precedes or follows them.
    `first` reads a term at the very start of a text and `rest` one after a separator (which
    it consumes): the regex engine skips to separators faster than it tries a lookbehind."""

    def __init__(self, name: str, label: str, sep: str = r"[^\w-]", end: str = r"(?![\w-])"):
        self.table = {r["term"].strip().lower(): r[label].strip() for r in load(name)}
        trie = _trie(self.table)
        self.first = re.compile(rf"{trie}{end}")
        self.rest = re.compile(rf"{sep}({trie}){end}")

    def spans(self, low: str) -> list[tuple[int, int, str]]:
        """(start, end, label) of every term of the lower-cased text, in order."""
        out, pos = [], 0
        m = self.first.match(low)
        if m:
            out.append((0, m.end(), self.table[m.group(0)]))
            pos = m.end()
        out += [(m.start(1), m.end(1), self.table[m.group(1)]) for m in self.rest.finditer(low, pos)]
        return out

    def first_span(self, low: str, pos: int) -> tuple[int, int, str] | None:
        """(start, end, label) of the first term of the lower-cased text at or after pos."""
        if pos == 0:
            m = self.first.match(low)
            if m:
                return 0, m.end(), self.table[m.group(0)]
        m = self.rest.search(low, pos)
        return (m.start(1), m.end(1), self.table[m.group(1)]) if m else None

    def first_label(self, low: str) -> str | None:
        m = self.first.match(low)
        if m:
            return self.table[m.group(0)]
        m = self.rest.search(low)
        return self.table[m.group(1)] if m else None


@lru_cache(maxsize=1)
def _stage_table() -> _Lexicon:
    return _Lexicon("stages_en", "stage")


@lru_cache(maxsize=1)
def _weak_stage_terms() -> frozenset[str]:
    return frozenset(r["term"].strip().lower() for r in load("stages_en") if (r.get("weak") or "").strip() == "1")


def weak_stage_term(term: str) -> bool:
    """Whether a stage term (as found in the text) is weak in stages_en.csv: it names its stage
    only when the group's own words tell no other signed, started or completed."""
    return _lower(term) in _weak_stage_terms()


@lru_cache(maxsize=1)
def _sector_table() -> _Lexicon:
    return _Lexicon("sectors_en", "sector_code", _FIELD_SEP, _FIELD_END)


# a field term may end a hyphenated compound, whose head it is ('a coal-power-petrochemical
# complex', 'an eco-tourism resort', 'a fishery-solar project'), not after a negating or
# temporal prefix ('non-agricultural', 'post-pandemic')
# and may open one whose second part only relates it ('tourism-related projects', 'AI-driven')
_FIELD_END = r"(?!\w)(?!-(?!(?:related|based|oriented|focused|themed|linked|driven)\b))"
_FIELD_SEP = r"(?:[^\w-]|(?<=\w)(?<!\bnon)(?<!\banti)(?<!\bpost)(?<!\bpre)(?<!\bex)(?<!\bco)(?<!\bre)(?<!\bde)-)"


def _lower(text: str) -> str:
    low = text.lower()
    low = low if len(low) == len(text) else text.encode("ascii", "replace").decode().lower()
    # 'newly-commenced projects' (a hyphen in machine-translated tallies) reads as 'newly commenced'
    return low.replace("newly-", "newly ") if "newly-" in low else low


# a lexicon row of stage "none" masks a longer phrase that holds a stage term but names no
# stage ('is expected to be put into production' is no completion): it wins the overlap as
# the longer term, and is then dropped
NO_STAGE = "none"


def stage_terms(text: str) -> list[tuple[int, int, str]]:
    """(start, end, stage) of every stage term in text; 'to promote' with the count as its
    object ('Their task is to promote 26 projects') is the promoted stage after all."""
    low = _lower(text)
    out = []
    for a, b, st in _stage_table().spans(low):
        if st == NO_STAGE and low[a:b].endswith("promote") and _PROMOTE_COUNT.match(low, b):
            st = "promoted"
        if st != NO_STAGE:
            out.append((a, b, st))
    return out


# the count right after 'to promote': 'to promote 26 projects', 'to promote a total of 30 projects'
_PROMOTE_COUNT = re.compile(r"\s+(?:a\s+total\s+of\s+|some\s+|about\s+|over\s+|more\s+than\s+)?\d")


def stage_near(text: str, start: int, end: int) -> str | None:
    """Stage of the term closest to the span [start, end) of text, or None."""
    best, best_d = None, None
    for s, e, stage in stage_terms(text):
        d = start - e if e <= start else s - end if s >= end else 0
        if best_d is None or d < best_d:
            best, best_d = stage, d
    return best


def stage_counts(sentences: list[str]) -> Counter:
    """How often each stage's terms occur in the article (ties: earliest first seen)."""
    tally: Counter = Counter()  # one pass over the sentences joined by a separator
    for _, _, stage in _stage_table().spans("\n".join(_lower(s) for s in sentences)):
        if stage != NO_STAGE:
            tally[stage] += 1
    return tally


def _blank(m: re.Match) -> str:
    return " " * len(m.group(0))


def mask_firms(text: str) -> str:
    """text with companies' names blanked (same length)."""
    return _FIRM_RE.sub(_blank, text) if has_any(text, _FIRM_WORDS) else text


def _masked(text: str) -> str:
    if not has_any(text, _EVENT_WORDS):  # no event name possible: nothing to mask
        return _lower(text)
    return _lower(EVENT_NAME_RE.sub(_blank, text))


# a lower-case event named by its theme ('the big data expo', 'a new energy forum'): the
# theme is the event's, not a cohort's sector
_EVENT_AFTER = re.compile(
    r"\s+(?:industry\s+|industries\s+|industrial\s+|trade\s+|investment\s+)*"
    r"(?:expo|fair|conference|forum|summit|exhibition|convention|congress)s?\b"
)


# a government body named by its remit ('local commerce officials', 'the provincial
# department of commerce', 'the chamber of commerce', 'the Industry and Commerce Association'):
# its field is no cohort's sector; nor an office's ('Financial Secretary Paul Chan')
_AGENCY_AFTER = re.compile(
    r"\s+(?:bureaus?|departments?|officials?|authorit(?:y|ies)|commissions?|ministr(?:y|ies)|"
    r"administrations?|committees?|agency|agencies|associations?|chambers?|federations?|secretary|secretaries)\b"
)
_AGENCY_BEFORE = re.compile(
    r"\b(?:bureaus?|departments?|ministr(?:y|ies)|commissions?|administrations?|committees?|"
    r"chambers?|offices?|agency|director|head|minister)\s+of\s+(?:the\s+)?$"
)


# a zone named by its remit ('the Hi-tech Industries Development Zone'): a place, not a field
_ZONE_AFTER = re.compile(r"\s+(?:(?:industries|industry|industrial)\s+)?(?:development\s+)?zones?\b")
# a park's proper name after 'in' or 'at' ('in the Riverside Chemical Industrial Park'): a
# place, not a field; but not a park named as the project ('the X Building Materials Industrial
# Park, involving 3 billion yuan', 'the X New Materials Industrial Park project')
_PARK_AFTER = re.compile(
    r"\s+(?:(?:industries|industry|industrial|science|technology|economic)\s+)?parks?\b(?!\s+(?:projects?|phase)\b)",
    re.I,
)
_PLACE_BEFORE = re.compile(r"\b(?i:in|at|within|inside|into)\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+){0,4}$")


def _not_field(low: str, hit: tuple[int, int, str], text: str = "") -> bool:
    """Whether the term at hit names an event's theme, a government body, a zone or a named
    park, not a field."""
    return bool(
        _EVENT_AFTER.match(low, hit[1])
        or _AGENCY_AFTER.match(low, hit[1])
        or _ZONE_AFTER.match(low, hit[1])
        or (
            text[hit[0] : hit[0] + 1].isupper()
            and _PARK_AFTER.match(text, hit[1])
            and text[hit[1] + 1 : hit[1] + 2].isupper()
            and _PLACE_BEFORE.search(text, max(0, hit[0] - 60), hit[0]) is not None
        )
        or (low[max(0, hit[0] - 4) : hit[0]] == " of " and _AGENCY_BEFORE.search(low, max(0, hit[0] - 40), hit[0]))
        or (low[hit[1] : hit[1] + 1] == "-" and _head_follows(low, hit[1]))
    )


# 'AI-driven manufacturing projects', 'tourism-oriented infrastructure projects': a relating
# compound before another field term modifies it; the head names the field
_RELATING = re.compile(r"-(?:related|based|oriented|focused|themed|linked|driven)\s+")


def _head_follows(low: str, end: int) -> bool:
    m = _RELATING.match(low, end)
    nxt = _sector_table().first_span(low, m.end() - 1) if m else None
    return bool(nxt and nxt[0] - m.end() <= 12 and not _STOP.search(low, m.end(), nxt[0]))


def sector_in(text: str) -> str | None:
    """Sector code of the first sector term in text (event names, themes and government
    bodies masked), or None."""
    low = _masked(text)
    table = _sector_table()
    hit = table.first_span(low, 0)
    while hit is not None and _not_field(low, hit, text):
        hit = table.first_span(low, hit[1])  # 'the big data expo': a theme
    if hit and low[hit[0] : hit[1]] in _FACILITY:
        m = _FOR_FIELD.match(low, hit[1])  # 'a production line for advanced display screens':
        nxt = table.first_span(low, m.end() - 1) if m else None  # the field is what it makes
        if nxt and nxt[0] - m.end() <= 12 and not _STOP.search(low, m.end(), nxt[0]):
            return nxt[2]
    return hit[2] if hit else None


# a facility or making word the lexicon reads as manufacturing, whose object names the field
# ('a production line for display screens', 'smart manufacturing of the electronics industry')
_FACILITY = frozenset(
    ("production line", "production lines", "manufacturing", "smart manufacturing", "intelligent manufacturing")
)
_FOR_FIELD = re.compile(r"\s+(?:for|of)\s+(?:the\s+)?")
_STOP = re.compile(r"[,;.]")


def sector_terms(text: str) -> list[tuple[int, int, str]]:
    """(start, end, sector) of every sector term in text (event names, themes and government
    bodies masked)."""
    low = _masked(text)
    return [sp for sp in _sector_table().spans(low) if not _not_field(low, sp, text)]
