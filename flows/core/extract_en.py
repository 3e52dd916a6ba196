"""English cohort rules (placeholder until the rule set lands)."""
from __future__ import annotations

from flows.core.model import CohortMention


def extract_en(sentences: list[str]) -> list[CohortMention]:
    return []
