"""What the words around an English amount say about it.

`keep_amount` refuses figures that are not project investment (output, trade, FDI in actual
use, averages, funds, increases); `adjective_head` reads the noun an adjectival amount
qualifies ("a 12-billion-yuan hydrogen park" -> a named project, "a 20-billion-yuan fund" ->
not a cohort); `NAME_RE` finds "the/a ... park|plant|center ..." project names.
"""
from __future__ import annotations

import re

from flows.core.extract.en.cues import cue, may_contain, may_end_with, plain
from flows.core.extract.en.numbers import LOWER_Q, Amount

# facility nouns that end a single project's name
HEADS = (r"project|park|plant|base|complex|centre|center|factory|facility|hub|zone|headquarters|"
         r"campus|terminal|hospital|resort|institute|laboratory|airport|railway|expressway|"
         r"warehouse")
NAME_RE = re.compile(
    rf"\b(?:the|an?)\s+((?:[\w'’\-]+\s+){{0,10}}?(?:{HEADS})"
    r"(?:\s+(?:project|park|plant|base|complex|centre|center))*)\b"
    r"(?!\s+(?:signing|ceremony|conference|fair|investment))", re.I)
# 'Major projects include the X park ...': the plural names the list, the name one project
_INTRO = re.compile(r"\b(?:include[sd]?|including|such\s+as|namely|notably|e\.g\.|"
                    r"for\s+(?:example|instance)|among\s+(?:them|these|which)\s+(?:is|was|are|were))\s",
                    re.I)
_NAME_STOP = re.compile(r"\b(?:total|projects|deals|investment|worth|\d[\d,.]*)\b", re.I)

# Figures of another kind, refused when the clause does not speak of investment
_NOT_INVESTMENT = re.compile(
    r"\b(?:output|revenue|revenues|sales|tax|taxes|profit|profits|turnover|trade\s+volume|GDP|"
    r"funds?|imports?|exports?|retail|consumption|income|salary|salaries|subsid(?:y|ies)|"
    r"per\s+capita|loans?|credit|registered\s+capital|market\s+value)\b", re.I)
# ... and figures that are never a project cohort, even when 'investment' is said
_NEVER = re.compile(
    r"\b(?:averag(?:e|ing|ed)|per\s+capita|foreign\s+direct\s+investment|FDI|"
    r"actual(?:ly)?\s+(?:use|used|utili[sz]ed|utili[sz]ation)|utili[sz](?:ed|ation)\s+(?:of\s+)?foreign|"
    r"fixed[-\s]asset\s+investment|tentative\s+deals?|intended\s+turnover|purchases?|procurement|"
    r"trade\s+(?:intentions?|deals?|volume|turnover|value|between|with|reached|totall?ed)|"
    r"(?:foreign|bilateral|two-way)\s+trade)\b", re.I)
_AFTER_NOT = re.compile(
    r"\s*(?:to|in|of|into)\s+(?:the\s+)?(?:[\w'’\-]+\s+){0,4}?(?:output|revenues?|sales|tax(?:es)?|"
    r"profits?|GDP|turnover)\b", re.I)
_DELTA_BEFORE = re.compile(
    r"\b(?:increase[sd]?|increasing|up|rose|risen|grew|grown|growth|added|more|higher|lower|"
    r"decrease[sd]?|down|fell|dropped)\s+(?:by\s+)?(?:of\s+)?$", re.I)
_DELTA_AFTER = re.compile(r"\s*(?:more|less|higher|lower|fewer)\s+than\b", re.I)
_BARE_Q = re.compile(rf"\b(?:{LOWER_Q}|nearly|about|around|almost)\s*$", re.I)
_PROJECT_WORD = re.compile(r"\bprojects?\b|\bdeals?\b|\bcontracts?\b", re.I)
# words each of the patterns above needs (en_cues: skip the pattern when none occurs)
_NEVER_CUE = cue("averag", "capita", "foreign", "fdi", "actual", "utili", "fixed", "tentative",
                 "intended", "purchase", "procurement", "trade")
_NOT_INVESTMENT_CUE = cue("output", "revenue", "sales", "tax", "profit", "turnover", "trade",
                          "gdp", "fund", "import", "export", "retail", "consumption", "income",
                          "salar", "subsid", "capita", "loan", "credit", "registered", "market")
_BARE_Q_LAST = ("than", "over", "above", "least", "exceeding", "beyond", "topping",
                "nearly", "about", "around", "almost")    # and 'in excess of', 'upwards of'
_OF_AFTER = ("excess", "upwards")
_DELTA_LAST = ("increase", "increases", "increased", "increasing", "up", "rose", "risen", "grew",
               "grown", "growth", "added", "more", "higher", "lower", "decrease", "decreases",
               "decreased", "down", "fell", "dropped")

# "a 12-billion-yuan hydrogen energy industrial park in Baicheng"
_ADJ_AMOUNT = re.compile(r"-(?:trillion|billion|million)\b|-(?:yuan|dollars?|euros?)$", re.I)
_PHRASE = re.compile(r"\s+((?:[A-Za-z][\w'’\-]*\s+){0,7}?[A-Za-z][\w'’\-]*)"
                     r"(?=\s*(?:[,.;:()]|$|\s(?:in|at|on|by|with|for|to|of|that|which|is|was|"
                     r"will|would|are|were|has|had|and|near|from)\b))")
_NOT_HEAD = re.compile(r"\b(?:funds?|loans?|credit|subsid(?:y|ies)|bonds?|budget|"
                       r"output|revenue|deficit|financing|package|stimulus)\b", re.I)
_HEAD_END = re.compile(rf"\b(?:{HEADS})$", re.I)


def keep_amount(s: str, a: Amount) -> bool:
    """False when the amount is an output, trade, FDI, average, fund or increase figure."""
    before = s[max(0, a.start - 60): a.start]
    clause = before[max(before.rfind(","), before.rfind(";"), before.rfind(":")) + 1:]
    if may_contain(clause, _NEVER_CUE) and _NEVER.search(clause):
        return False
    if "investment" not in clause.lower() and may_contain(clause, _NOT_INVESTMENT_CUE) and \
            _NOT_INVESTMENT.search(clause):
        return False
    if may_contain(s[: a.start], _NEVER_CUE) and not _PROJECT_WORD.search(s) and \
            _NEVER.search(s, 0, a.start):
        return False
    if _AFTER_NOT.match(s, a.end):
        return False
    bare = _BARE_Q.sub("", before) if may_end_with(before, _BARE_Q_LAST, of_after=_OF_AFTER) \
        else before
    return not ((_may_be_delta(bare) and _DELTA_BEFORE.search(bare)) or
                _DELTA_AFTER.match(s, a.end))


def _may_be_delta(bare: str) -> bool:
    """False only when _DELTA_BEFORE cannot match: its text ends 'VERB [by] [of] '."""
    if not plain(bare):
        return True
    if not bare[-1:].isspace():
        return False
    words = [w.lower() for w in bare.split()[-3:]]
    if words and words[-1] == "of":
        words.pop()
    if words and words[-1] == "by":
        words.pop()
    return bool(words) and words[-1].endswith(_DELTA_LAST)


def adjective_head(s: str, a: Amount) -> tuple[str, int] | None:
    """For an adjectival amount ("a 4.5-billion-yuan medical center"): ('drop', end) when it
    sizes a fund or the like, (the facility's name, its end) when it sizes one project."""
    if not _ADJ_AMOUNT.search(s[a.start: a.end]):
        return None
    m = _PHRASE.match(s, a.end)
    if not m:
        return None
    phrase = m.group(1)
    if _NOT_HEAD.search(phrase):
        return "drop", m.end()
    return (phrase, m.end()) if _HEAD_END.search(phrase) else None


def project_name(text: str) -> str | None:
    """The last 'the/a ... <facility>' name in text, when it reads as one project's name."""
    names, pos = [], 0
    while (n := NAME_RE.search(text, pos)) is not None:
        if _NAME_STOP.search(n.group(1)):
            pos = n.start(1)      # 'the signed projects include the X base': retry inside
        else:
            names.append(n.group(1))
            pos = n.end()
    return names[-1] if names else None


def after_intro(prefix: str) -> str:
    """The part of prefix after its last 'include(s)/such as/namely ...', or all of it."""
    last = None
    for last in _INTRO.finditer(prefix):
        pass
    return prefix[last.end():] if last else prefix
