"""A sentence after a counted group that only lists the group's fields (开工项目涵盖A、B等新兴产业领域 /
这批项目涉及A、B等领域), no figure of its own: the fields' one sector is the group's. Used by
zh.post_passes.
"""

from __future__ import annotations

import re

from flows.core.extract.zh.labels import FIELDS_VERB, fields_sector, generic_only, sector_of
from flows.core.extract.zh.words import THIS_BATCH
from flows.core.model import CohortMention

# a sentence opening on the projects just counted and what they cover
_FIELDS_LEAD = re.compile(rf"\s*(?:{THIS_BATCH})?[^,;。\d]{{0,6}}?项目(?:主要)?(?:{FIELDS_VERB})")
# the fields named as one kind after 等 (A、B、C等新兴产业领域): the kind is the group's field
# (its own ending, not labels' 领域|产业|行业|方面: a kind may itself end in 产业, 等新兴产业领域)
_KIND_AFTER = re.compile(r"等(?P<kind>[^,;。:、\d]{2,8}?)(?:领域|行业)")
_DIGIT = re.compile(r"\d")


def fields_next(sentences: list[str], mentions: list[CohortMention]) -> list[CohortMention]:
    """Give the one group of the sentence before a fields-only sentence the sector of its fields."""
    for i, s in enumerate(sentences):
        if i == 0 or not _FIELDS_LEAD.match(s) or _DIGIT.search(s):
            continue
        tops = [m for m in mentions if m.sentence_index == i - 1 and m.parent is None and m.project_count]
        if len(tops) != 1 or tops[0].sector_code or tops[0].project_name:
            continue
        tops[0].sector_code = _sector(s)
    return mentions


def _sector(s: str) -> str | None:
    own, _ = fields_sector(s)
    if own:
        return own
    kind = _KIND_AFTER.search(s)
    if kind is None or generic_only(kind.group("kind")):
        return None
    return sector_of(kind.group("kind"))
