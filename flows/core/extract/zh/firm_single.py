"""One firm's own investment is a project of one: 某某机械(1234-TW)亦投资5亿元扩建新厂 / 某某精密
将投资8亿元. An amount whose clause is only a firm (a name ending in a firm's word, or with its stock
code, or an unnamed one: 一家不具名的造船业, 某电子大厂) and the verb of investing is a cohort of one,
named by the firm when the text names it. Used by zh.post_passes.
"""

from __future__ import annotations

import re

from flows.core.extract.zh.labels import sector_of
from flows.core.extract.zh.scan import scan
from flows.core.model import CohortMention

# the firm: two to four characters before a firm's word, or a name before its stock code (1234-TW),
# after any description of it (汽车零件大厂某某精密)
_FIRM = (
    r"(?:[^,;。\d]*(?P<firm>[\u4e00-\u9fffA-Za-z]{2,4}(?:企业|公司|集团|电机|光电|精密|股份|实业|控股"
    r"|半导体|化学|机械|药业|生技))"
    r"|[^,;。\d]*?(?P<coded>[\u4e00-\u9fffA-Za-z]{2,8})(?=\(\d{4}-?[A-Z]{2}\))"
    r"|[^,;。\d]*?(?P<unnamed>(?:一家|某)[^,;。\d]{0,14}?(?:企业|公司|厂商|大厂|业者)"
    r"|一家[^,;。\d]{0,14}?(?<![产行工企])业))"  # 一家 counts one firm: 一家不具名的X业 is one
)
_FIRM_INVESTS = re.compile(
    rf"\s*(?:此外|另外|其中|同时)?\s*,?{_FIRM}(?:\(\d{{4}}-?[A-Z]{{2}}\))?\s*(?:亦|也|则|将|还|又|已)*"
    r"(?:规划|决定|计划|拟)?(?:返台|回台|加码)?(?:投资|投入)(?:额|金额)?(?:高达|达到?|超过|逾|约|近)?\s*"
)


# firms as a class, not one firm (民营企业投资X, 多家企业, 区内企业, 全市企业): no project of one
_CLASS = re.compile(
    r"家|民营|国有|国企|外资|外商|私营|中小|小微|规上|规模|重点|龙头|骨干|各类|入园|园区|区内|县内|市内|省内|本地|当地|上市|高新"
)
_CLASS_BEFORE = re.compile(r"(?:全|各|所有|多|等)\S?$|(?:园区|区|县|市|省|镇)内$")


def firm_singles(mentions: list[CohortMention]) -> None:
    """Amounts alone that one named firm invests become cohorts of one, named by the firm."""
    for m in mentions:
        if m.amount is None or m.project_count is not None or m.project_name:
            continue
        s = m.evidence
        if "投资" not in s and "投入" not in s:  # no verb of investing: no scan needed
            continue
        tok = next((t for t in scan(s) if t.kind == "amount" and t.value == m.amount), None)
        if tok is None:
            continue
        lo = max(s.rfind(c, 0, tok.start) for c in ",;。:") + 1  # (the stock code's brackets inside)
        hit = _FIRM_INVESTS.fullmatch(s, lo, tok.start)
        if (
            hit
            and hit.group("firm")
            and (_CLASS.search(hit.group("firm")) or _CLASS_BEFORE.search(s, lo, hit.start("firm")))
        ):
            continue
        if hit:
            firm = hit.group("firm") or hit.group("coded")
            m.project_count, m.project_name = 1, firm  # an unnamed firm's (一家…厂商) has no name
            m.sector_code = m.sector_code or sector_of(firm or hit.group("unnamed"))
