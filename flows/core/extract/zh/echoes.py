"""A sentence that only restates a size band of the group the sentence before counted
(…共签署合作项目81个,总投资额260亿美元。此次签约的项目投资额均在一亿美元以上): the band is
that group's, every project of it at least that large. Used by zh.article for sentences whose
only figure is a band.
"""

from __future__ import annotations

import re

from flows.core.extract.zh.tokens import Tok
from flows.core.extract.zh.words import THIS_BATCH
from flows.core.model import CohortMention

# the sentence opens on the group just counted and states each project's size (均在X以上)
_EACH_OF_GROUP = re.compile(
    rf"\s*(?:{THIS_BATCH})[^,;。\d]{{0,12}}?项目[^,;。\d]{{0,4}}?"
    r"(?:的)?(?:单体|单个)?(?:总?投资|投资额|投资规模|规模)(?:额)?(?:均|全部|都|皆)(?:在|为|超过|超|达到?|逾)?\s*"
)


def band_echo(s: str, idx: int, toks: list[Tok], out: list[CohortMention]) -> bool:
    """Give the band of sentence s to the first counted top group of the sentence before, when s
    opens on that group and states each project's size; True when it did."""
    if not ("均" in s or "全部" in s or "都" in s or "皆" in s):
        return False
    band = next((t for t in toks if t.kind == "band"), None)
    if band is None or band.size_min is None or not _EACH_OF_GROUP.fullmatch(s, 0, band.start):
        return False
    group = next(
        (m for m in out if m.sentence_index == idx - 1 and m.parent is None and m.project_count and not m.project_name),
        None,
    )
    if group is None or group.size_min is not None or group.size_max is not None:
        return False
    group.size_min, group.size_max = band.size_min, band.size_max
    return True
