"""The field of the one project a project sheet offers.

A city portal's sheet ('i. name of the project: ...', 'ii. classification of the project:
agriculture', 'IV. Project total investment ...') states its project's field on a heading of its
own ('classification', 'industry', 'sector', 'project type'); without one, the field the
project's name reads is the project's ('Integrated Demonstration Area of the Tea Industry ...').
"""

from __future__ import annotations

import re

from flows.core.extract.en.labels import sector_in
from flows.core.extract.en.project_sheet import is_sheet
from flows.core.model import CohortMention

_FIELD_LINE = re.compile(
    r"\b(?:classification|category|industry|sector|type)\s+(?:of\s+the\s+project|of\s+project)?\s*:\s*(?P<field>[^.;:]{3,80})",
    re.I,
)
_PROJECT_FIELD_LINE = re.compile(
    r"\bproject\s+(?:classification|category|industry|sector|type)\s*:\s*(?P<field>[^.;:]{3,80})", re.I
)


def sheet_field(kept: list[CohortMention], sentences: list[str]) -> None:
    """A sheet's single project with no field of its own takes its heading's or its name's."""
    if len(kept) != 1 or kept[0].project_count != 1 or kept[0].sector_code is not None:
        return
    if not is_sheet(sentences):
        return
    m = kept[0]
    for s in sentences[:40]:
        line = _FIELD_LINE.search(s) or _PROJECT_FIELD_LINE.search(s)
        code = sector_in(line.group("field")) if line else None
        if code:
            m.sector_code = code
            return
    if m.project_name:
        m.sector_code = sector_in(m.project_name)
