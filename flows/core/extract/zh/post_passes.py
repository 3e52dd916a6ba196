"""The passes over an article's finished cohorts that read its sentences again: the fields a
sentence lists for the group before it (fields_next) and one firm's own investment (firm_single).
Used by zh.article's extract_zh.
"""

from __future__ import annotations

from flows.core.extract.zh.fields_next import fields_next
from flows.core.extract.zh.firm_single import firm_singles
from flows.core.model import CohortMention


def post_passes(sentences: list[str], mentions: list[CohortMention]) -> list[CohortMention]:
    firm_singles(mentions)
    return fields_next(sentences, mentions)
