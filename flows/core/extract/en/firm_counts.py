"""Counts of firms that stand for projects: 'the investors included 18 enterprises from ...
that will set up headquarters here, with a combined investment of X' (each firm's own
investment added up; 'The eight firms will invest a collective X'; 'signed agreements with 15
companies ..., the total investment of the projects exceeded X'). Only with 'combined',
'aggregate' or 'collective' investment (or, after 'signed ... with N firms', a definite total) after the firms in the
same sentence and no project count in it: a bare '1,600 enterprises attended' stays no count."""

from __future__ import annotations

import re

_FIRMS = re.compile(
    r"\s+(?:[a-z][\w'’-]*\s+){0,2}?(?:enterprises|companies|firms)\b(?!\s+(?:attended|participated|took\s+part))"
)
_COMBINED = re.compile(
    r",?\s+(?:with\s+(?:a|an|their)\s+(?:combined|aggregate)\s+investment\s+of|"
    r"(?:will|would|are\s+to|plan\s+to)\s+invest\s+(?:a|an)\s+(?:combined|aggregate|collective))\b",
    re.I,
)
# '... signed cooperation agreements with 15 companies including A, B and C, the total
# investment of signed projects exceeded X': the firms signed with are the projects counted
_SIGNED_WITH = re.compile(r"\bsigned\s+(?:[\w-]+\s+){0,2}?(?:agreements|contracts)\s+with\s+$", re.I)
# ... and any definite total after them: 'the total investment of the projects exceeded X',
# 'and the combined contract value reached X' (as mention._DEFINITE reads one)
_TOTAL_OF_SIGNED = re.compile(
    r"(?:,|\band)\s+(?:the\s+)?(?:total|combined|overall)\s+(?:contract(?:ed)?\s+)?(?:investment|value|amount)\b"
    r"(?!\s+(?:in|into|on|by|from)\b)",
    re.I,
)
_GAP_STOP = frozenset("of the and or in at from with than more over about".split())


def firm_counts(sentence: str, tokens: list, counted: set[int]) -> list[tuple[int, int, int]]:
    """(index, start, end) of a firm count the combined investment after it belongs to."""
    signed_total = "signed " in sentence and bool(_TOTAL_OF_SIGNED.search(sentence))
    if counted or not (signed_total or "combined" in sentence or "aggregate" in sentence or "collective" in sentence):
        return []
    out = []
    for i, (start, end, _value, _text) in enumerate(tokens):
        m = _FIRMS.match(sentence, end)
        if not m or any(w.lower() in _GAP_STOP for w in sentence[end : m.end()].split()[:-1]):
            continue
        if _COMBINED.search(sentence, m.end()) or (signed_total and _SIGNED_WITH.search(sentence, 0, start)):
            out.append((i, start, m.end()))
    return out[:1]
