"""A part of a group told only by its count (and its stage): '11 of the projects have found
investors, while the remaining 17 are still open', '..., of which 22 have been completed'. Such a
part of a top-level group is a part of that group's field (`article_fields.band_parent_field`),
unlike a part told by where its investors come from ('the other 14 have foreign investors'),
which the text breaks out along another line, or a part of a part."""

from __future__ import annotations

import re

from flows.core.extract.en.labels import sector_in
from flows.core.extract.en.numbers import WORD_NUM, word_to_int
from flows.core.model import CohortMention

# the part's count in a partitive: 'N of the projects / of them / of which', 'of which N',
# 'among them, N', 'the remaining / other N'
_PARTITIVE = re.compile(
    rf"(?<![\w,.])(\d[\d,]*|{WORD_NUM})\s+of\s+(?:the|these|those|them|which)\b|"
    rf"\b(?:of\s+(?:which|them)|among\s+them)\s*,?\s*(\d[\d,]*|{WORD_NUM})(?![\w,.])|"
    rf"\bthe\s+(?:remaining|other|rest\s+of\s+the)\s+(\d[\d,]*|{WORD_NUM})(?![\w,.])",
    re.I,
)
# a part broken out by its investors' origin: 'foreign', 'Hong Kong-funded', 'from Shanghai'
_ORIGIN = re.compile(r"\b(?:[Ff]oreign|[Dd]omestic|[Oo]verseas|\w+-(?:funded|invested)|from\s+(?:the\s+)?[A-Z])")


def stage_part(m: CohortMention, parent: CohortMention) -> bool:
    """Whether cohort m, with no place of its own, is told in its sentence as a partitive of
    its group `parent`, itself no part, by its count only (no investors' origin)."""
    text = m.evidence or ""
    if parent.parent is not None or m.region or not m.project_count or _ORIGIN.search(text):
        return False
    return any(word_to_int(next(g for g in p.groups() if g)) == m.project_count for p in _PARTITIVE.finditer(text))


# a noun phrase of the group's own: 'a list of civil aviation projects', '34 livelihood projects'
_FIELD_NOUN = re.compile(r"((?:[\w'’-]+\s+){1,3}?)projects\b", re.I)


def group_noun_field(parent: CohortMention, code: str) -> bool:
    """Whether the group's own sentence names its field in a noun before 'projects'."""
    return any(sector_in(n.group(1)) == code for n in _FIELD_NOUN.finditer(parent.evidence or ""))
