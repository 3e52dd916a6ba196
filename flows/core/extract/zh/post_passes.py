"""The passes over an article's finished cohorts that read its sentences again: the fields a
sentence lists for the group before it (fields_next), one firm's own investment (firm_single) and
a generic group's parts in other fields (mixed_parts).
Used by zh.article's extract_zh.
"""

from __future__ import annotations

from flows.core.extract.zh.fields_next import fields_next
from flows.core.extract.zh.firm_single import firm_singles
from flows.core.extract.zh.mixed_parts import mixed_parts
from flows.core.extract.zh.one_project import one_projects
from flows.core.extract.zh.parts_field import parts_field
from flows.core.extract.zh.themes import themed_cohorts
from flows.core.model import CohortMention


def post_passes(sentences: list[str], mentions: list[CohortMention]) -> list[CohortMention]:
    firm_singles(mentions)
    one_projects(sentences, mentions)  # a total told of one project named apart from it (zh.one_project)
    mixed_parts(mentions)  # a generic group broken out into parts of other fields (zh.mixed_parts)
    parts_field(mentions)  # a group made up of parts of one field takes it (zh.parts_field)
    out = fields_next(sentences, mentions)
    themed_cohorts(sentences, out)  # a themed event's field for its cohorts naming none (zh.themes)
    return out
