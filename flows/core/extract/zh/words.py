"""Word lists several Chinese rules share, spelled once (regular-expression alternations)."""

from __future__ import annotations

# this round's own projects (本次…项目), the group just counted (这批项目), and both
THIS_ROUND = "此次|本次|这次|本批"
THE_GROUP = "这批|这些|上述|该批|此批"
THIS_BATCH = f"{THIS_ROUND}|{THE_GROUP}"
# the cue of a total investment (总投资X, 投资总额X)
TOTAL_INVESTMENT = "总投资|投资总额"
# the word of a group's total amount (总投资额X, 总金额X, 总额X) and of a sum (合计X, 共计X, 总计X)
TOTAL_WORD = "总投资额?|投资总额|总金额|总额"
SUM_WORD = "合计|共计|总计"
# how a total reaches its figure (总投资为X, 达X, 约X, 超过X)
REACH = "为|达到?|约|超过?|逾|近"
# the noun of the projects counted or banded (项目; Taiwan: 2亿元以上的投资案)
PROJECT_WORD = "项目|投资案"
# a running total's frame (截至目前, 1-5月, 今年以来, 累计, 前三个月)
RUNNING = r"以来|累计|全年|上半年|下半年|截至|截止|\d+\s*-\s*\d+\s*月|前[\d一二三四五六七八九十]+个?月"
# a period frame: a running or a year's total, not one round's (今年已签约…, 1-5月, 截至目前)
PERIOD = rf"{RUNNING}|今年|本年|年内"
# a period's report, its quarters and comparisons too (一季度, 1-9月份, 同比增长): themes' test
PERIOD_REPORT = rf"{PERIOD}|同比|季度|月份"
