"""The whole group as a clause's subject, then a verb listing what it holds: 'The (signed)
projects cover / involve / span / include A, B and C'.

One definition, read by group_list_total (a total after a list of the group's projects is the
group's), mention (an amount after 'These projects span A, B and C, amounting to X' points
back) and cohort_sector ('The projects cover A, B and C.' gives the cohort before its fields).

The subject is the whole group: 'the/these/those/all (the) projects', at most with a count
('these 43 projects') or the group's own verb ('the signed projects', 'the projects signed
on site / at the fair'). A selector picks a few out of it ('the major projects include A and
B'): no subject of this kind.
"""

from __future__ import annotations

from flows.core.extract.en.numbers import WORD_NUM

PARTICIPLE = r"(?:signed|inked|contracted|started|launched|completed|introduced)"
SUBJECT = (
    rf"(?:the|these|those|all\s+(?:the|these|those))\s+(?:(?:\d[\d,]*|{WORD_NUM})\s+)?(?:{PARTICIPLE}\s+)?"
    rf"(?:projects|deals|agreements|contracts)(?:\s+{PARTICIPLE}(?:\s+(?:on\s+site|this\s+time|today|"
    r"(?:at|during|on)\s+[^,.;]{1,60}?))?)?"
)
_ADVERBS = r"(?:(?:will|mainly|mostly|largely)\s+)*"
# a verb listing the group's fields ...
_FIELD_VERBS = (
    r"(?:cover|involv|span|rang(?:e|es|ed)\b|focus|target|belong|fall\s+into\b|(?:are|were)\s+divided\s+into\b|"
    r"are\s+(?:mainly\s+|mostly\s+|all\s+)?(?:in\b|(?:related|relevant)\s+to\b|"
    r"(?:distributed|concentrated)\s+(?:in|across|among)\b))"
)
FIELDS_VERB = rf"{_ADVERBS}{_FIELD_VERBS}"
# ... or its projects ('The projects include 9 foreign-funded and 37 domestic ones')
LIST_VERB = rf"{_ADVERBS}(?:{_FIELD_VERBS}|include[sd]?\b|compris(?:e|es|ed)\b|(?:are|were)\s)"
