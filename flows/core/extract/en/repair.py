"""Repair of machine-translated and OCR'd English before the rules read it.

Pages of this kind lose the spaces around figures and misspell the scale words: "5billion",
"30projects", "there are2110-billion-yuan-levelprojects", "biilion". A few substitutions put
the spaces and spellings back, so that the recognizers need no variants of their own. Summary
pages that run their points together ("... 158.33 billion yuan [1] - The implementation ...")
get a sentence break at each footnote marker, a wire's 'U. S. dollars' cut at 'U.' and a
figure cut at its decimal point ('around 4. 9 billion') are made whole again, MT's '48
billion yuan projects with a total investment of 17.8 billion yuan' (亿元以上项目) becomes the
100-million-yuan class it is, and a page's leading furniture ('English
English', a breadcrumb) is not its headline. Every rule here is cheap and a sentence without
a digit is left alone (the glue between two words matters only next to a figure).
"""

from __future__ import annotations

import re

from flows.core.extract.en.cues import trie
from flows.core.extract.en.dropped_unit import restore_dropped_units
from flows.core.extract.en.fast import glued
from flows.core.extract.en.glued import split_glued, wrapped

# misspelt scale words of MT / OCR pages
_SCALE_TYPOS = re.compile(r"\b(?!billion\b|million\b)(?:bi+l+i+on|bil+on|billoin|mi+l+i+on|mil+on)\b", re.I)
# a figure run into the word after it: '5billion', '30projects' (not '2nd', '10th', '5km')
_DIGIT_WORD = re.compile(r"(?<![A-Za-z\d.,])(\d(?:[\d,.]*\d)?)([A-Za-z]{3,})")
# a word run into the figure after it: 'are2110', 'with4' (not in codes and addresses: 'WS5ea6')
_WORD_DIGIT = re.compile(r"(?<![\w/.=?&#-])([a-z]{2,})(\d)")
# 'levelprojects', 'keyprojects': a word run into the noun the counts count
_WORD_PROJECTS = re.compile(r"(?<=[a-z]{3})(projects?|deals?)\b")
# '[1] - ': a footnote marker and a dash between the points of a summary
_FOOTNOTE_BREAK = re.compile(r"\s*\[\d{1,2}\]\s*(?:[-–—•]\s+|$)")
_DIGIT = re.compile(r"\d")
# one cheap scan for anything the substitutions would touch (most sentences hold none)
_ANY_GLUE = re.compile(r"\d[A-Za-z]{3}|[a-z]{2}\d|[a-z]{3}(?:project|deal)")
_TYPO_CUES = ("biil", "bilion", "billon", "billoin", "bilon", "miil", "milion", "millon", "milon")
_TYPO_CUE = re.compile(trie(_TYPO_CUES))  # one scan: any(t in s for t in _TYPO_CUES), prefix-factored


def repair_sentences(sentences: list[str]) -> tuple[list[str], list[int]]:
    """Repaired sentences, and for each the index of the sentence it came from."""
    out: list[str] = []
    origin: list[int] = []
    lead = _page_furniture(sentences)
    for i, s in enumerate(sentences):
        if i < lead:
            continue
        if out and origin[-1] == i - 1 and _rejoin(out[-1], s):
            out[-1] += s  # '18 billion U.| S. dollars', 'around 4.| 9 billion yuan': one sentence
            continue
        if out and origin[-1] == i - 1 and wrapped(out[-1], s):
            s = out.pop() + " " + s  # a line wrapped inside a sentence
            origin.pop()
        if _DIGIT.search(s):
            if glued(s) or _TYPO_CUE.search(s):  # glued(s): _ANY_GLUE.search(s)
                s = repair(s)
            if "billion yuan projects" in s:
                s = _yi_class(s)
            if "[" in s or "." in s:
                pieces = _FOOTNOTE_BREAK.split(s) if "[" in s else [s]  # (every break holds its '[')
                parts = [g for p in pieces if p.strip() for g in split_glued(p)]
                out.extend(parts)
                origin.extend([i] * len(parts))
                continue
        out.append(s)
        origin.append(i)
    return restore_dropped_units(out), origin  # 'USD 480.' in a sum that adds up (en_dropped_unit)


# a number cut at its decimal point ('up 32.' + '7 percent to ...', 'around 4.' + '9 billion')
_CUT_NUMBER_END = re.compile(r"(?<![\d.,])\d{1,3}\.$")
_CUT_NUMBER_TAIL = re.compile(r"\d{1,3}\s*(?:percent|per\s+cent|%|trillion|billion|million|bln|mln)\b", re.I)


def _rejoin(prev: str, s: str) -> bool:
    """The sentence splitter cut one sentence in two: at the 'U.' of 'U. S. dollars', at a
    company's 'Co.' before its 'Ltd.', or inside a decimal figure the page broke at its point."""
    if s[:3] == "S. ":
        return prev.endswith(" U.")
    if s[:4] in ("Ltd.", "Ltd,", "LTD.", "Ltd ") and prev.endswith(("Co.", "Co..")):
        return True  # '... Investment Co.. | Ltd., China ...': a company's name cut at its 'Co.'
    return (
        s[:1].isdigit()
        and prev[-1:] == "."
        and bool(_CUT_NUMBER_END.search(prev[-5:]))
        and bool(_CUT_NUMBER_TAIL.match(s))
    )


# MT of '48个亿元以上项目': '48 billion yuan projects with a total investment of 17.8 billion
# yuan' (亿 read as billion): a count of 100-million-yuan-class projects, since a class of
# N billion cannot hold a smaller total
_YI_CLASS = re.compile(
    r"(?<![\w.,$])(\d{1,4})\s+billion\s+yuan\s+projects(?=\s+with\s+(?:an?\s+)?(?:total\s+)?investment\s+of\s+"
    r"(?:about\s+|around\s+|nearly\s+|over\s+|more\s+than\s+)?(\d[\d,]*(?:\.\d+)?)\s+billion\b)",
    re.I,
)


def _yi_class(s: str) -> str:
    def sub(m: re.Match) -> str:
        total = float(m.group(2).replace(",", ""))
        return f"{m.group(1)} over 100-million-yuan projects" if total < int(m.group(1)) else m.group(0)

    return _YI_CLASS.sub(sub, s)


def _page_furniture(sentences: list[str]) -> int:
    """How many leading lines are a page's furniture ('English English', 'Chinese English',
    'home>Special news') rather than its headline: a word or two without a figure, or a
    breadcrumb. The headline is then the first line after them."""
    n = 0
    for s in sentences[:4]:
        words = s.split()
        if _DIGIT.search(s) or not (len(words) <= 2 or (len(words) <= 4 and (">" in s or "|" in s))):
            break
        n += 1
    return n if n < len(sentences) else 0


def repair(s: str) -> str:
    s = _DIGIT_WORD.sub(_digit_word, s)
    if _SCALE_TYPOS.search(s):
        s = _SCALE_TYPOS.sub(lambda m: "billion" if m.group(0)[0] in "bB" else "million", s)
    s = _WORD_DIGIT.sub(r"\1 \2", s)
    return _WORD_PROJECTS.sub(_word_projects, s)


def _digit_word(m: re.Match) -> str:
    word = m.group(2)
    if word[:2].lower() in ("st", "nd", "rd", "th") and len(word) <= 3:
        return m.group(0)
    return f"{m.group(1)} {word}"


# words that end in 'project(s)' / 'deal(s)' of their own
_OWN = ("sub", "mega", "re", "ideal", "misdeal")


def _word_projects(m: re.Match) -> str:
    start = m.start()
    while start and m.string[start - 1].isalpha():
        start -= 1
    head = m.string[start : m.start()].lower()
    if head in _OWN:
        return m.group(0)
    return " " + m.group(0)
