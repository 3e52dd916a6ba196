"""A government's or a plan's list of projects (县级重点项目, 全县重点项目, 计划建设…项目): with no
stage of its own and no group above it, the list is promoted. Used by zh.cohorts.finish.
"""

from __future__ import annotations

import re

# a key-project list of a level of government (县级重点项目, 全县重点项目, 省、市重点项目)
_KEY_LIST = re.compile(r"(?:省|市|县|区)(?:级|、?市)?(?:重点|重大)(?:建设)?项目|(?:重点|重大)建设项目")
# projects a plan of the year will build (全市计划建设农业农村重大项目249个), a whole place's key projects
# counted before their noun (全市242个重点工业项目): a list, not yet started
_PLAN_LIST = re.compile(r"计划(?:建设|实施|安排)[^,;。\d]{0,12}?项目|全[省市县区州]\s*\d+\s*个重[点大]")


def key_list(evidence: str) -> bool:
    """The sentence counts a government's key-project list or a plan's projects: with no stage of its
    own and no group above it, the list is promoted, not the stage the article states first elsewhere."""
    return bool(_KEY_LIST.search(evidence) or _PLAN_LIST.search(evidence))
