"""A zone or an office named by a field that signs or brings in the projects (生物医药产业园今年签约项目
20个; 文旅局今年共引进项目12个): the field names the place or the office, not the projects, which take
no sector from it (as 服务业发展区 and 工业园区 are places). A park's projects named as such
(生物医药产业园项目20个) keep the field, and so do the projects' own words after the verb
(高新区今年签约生物医药项目8个). Used by zh.article.
"""

from __future__ import annotations

import re

# the zone or office, then only a time, a quantifier or an adverb before the verb of signing
_ZONE_DOES = re.compile(
    r".{2,}?(?:产业园区?|园区|开发区|高新区|工业园|产业基地|示范区|集聚区|局|委|办)\s*"
    r"(?:今年|去年|全年|上半年|下半年|前三季度|一季度|近年来|以来|累计|共计|共|新|已|先后|成功|目前|还|再|又|\d+月份?|[-—至]|\s)*"
    r"(?:签约|签下|引进|招引|落地|落户|开工|洽谈)"
)


def zone_subject(subject: str) -> str:
    """The words before a count without the zone or office named by a field doing the signing
    (生物医药产业园今年签约项目 -> 签约项目; 高新区今年签约生物医药项目 keeps 生物医药)."""
    if not any(c in subject for c in "园区局委办"):
        return subject
    m = _ZONE_DOES.match(subject)
    return subject[m.end() - 2 :] if m else subject
