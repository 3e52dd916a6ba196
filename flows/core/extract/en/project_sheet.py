"""A project sheet: a city portal's page offering one project to investors.

'Projects for investment' pages of English city portals describe a single project under
numbered headings ('i. name of the project: ...', 'IV. Project total investment / 80 million
RMB', 'vi. estimated total investment ...: total investment: usd20 million'). The sheet's
one investment figure is that project's: a cohort of one, named by the sheet's title (or its
'name of the project:' line), not a bare amount.
"""

from __future__ import annotations

import re

from flows.core.model import CohortMention

_SHEET = re.compile(
    r"\b(?:project\s+total\s+investment|(?:estimated\s+)?total\s+investment\s*:|name\s+of\s+the\s+project\s*:)", re.I
)
_NAME_LINE = re.compile(r"\bname\s+of\s+the\s+project\s*:\s*(.{4,120}?)\s*$", re.I)


def is_sheet(sentences: list[str]) -> bool:
    """Whether the page is such a sheet (one of its headings in its first 40 sentences)."""
    return any(_SHEET.search(s) for s in sentences[:40])


def one_project_sheet(kept: list[CohortMention], sentences: list[str]) -> None:
    """The sheet's only amount, without a count, becomes a cohort of one with its name."""
    if len(kept) != 1 or kept[0].project_count is not None or kept[0].amount is None:
        return
    if not is_sheet(sentences):
        return
    m = kept[0]
    m.project_count = 1
    if not m.project_name:
        named = next((n.group(1) for s in sentences[:10] if (n := _NAME_LINE.search(s))), None)
        title = sentences[0].strip() if sentences else ""
        m.project_name = named or (title if 4 <= len(title) <= 120 else None)
