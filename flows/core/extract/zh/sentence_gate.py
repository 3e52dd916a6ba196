"""Before the Chinese rules read a sentence: its page noise repaired (pinyin glosses, a stray
space inside body text), and whether it can carry a cohort figure at all (a money anchor, a count
word or a verb's count, and a numeral right before 个/项/万/亿/元), so that the scanners run only on
sentences that may hold one. Used by zh.article's extract_zh.
"""

from __future__ import annotations

import re

from flows.core.extract.zh.local_yuan import trillions

# pinyin glosses after characters (产业(yè)): page noise that splits words
_PINYIN = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}\)")
_STRAY_SPACE = re.compile(r"(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff])")

# a numeral right before 个/项/万/亿/元: sentences without one carry no cohort figure
_MAYBE = re.compile(r"[\d一二两三四五六七八九十百千]\s*[余多]?\s*(?:[个项宗万亿元件]|美元)|[亿万]元")
# money anchor, count word or a verb's count (已开工680个): else scan finds nothing
_NEED = re.compile(r"[元亿币]|项目|案件|投资案|分别|[工约产成建地]\s*[\d一二三四五六七八九十百千]+\s*[个项]")


# a list of places' counts, the projects named in the sentence before (其中,A区10个,B县3个,…)
_PLACE_COUNTS = re.compile(r"[区县市州旗镇乡]\d+\s*[个宗][,;、][^。]*?[区县市州旗镇乡]\d+\s*[个宗]")


# _NEED and _MAYBE as the same tests, their literal branches as substring checks (no pattern
# with a leading class and a word tried at every character of every sentence)
_NEED_COUNT = re.compile(r"[工约产成建地]\s*[\d一二三四五六七八九十百千]+\s*[个项]")  # 新开工30项
_MAYBE_NUM = re.compile(r"[\d一二两三四五六七八九十百千]\s*[余多]?\s*(?:[个项宗万亿元件]|美元)")


def _need(s: str) -> bool:
    """_NEED.search(s) is not None."""
    return (
        "元" in s
        or "亿" in s
        or "币" in s
        or "项目" in s
        or "案件" in s
        or "投资案" in s
        or "分别" in s
        or _NEED_COUNT.search(s) is not None
    )


def _maybe(s: str) -> bool:
    """_MAYBE.search(s) is not None."""
    return "亿元" in s or "万元" in s or _MAYBE_NUM.search(s) is not None


def _place_list(sentences: list[str], i: int) -> bool:
    return i > 0 and "项目" in sentences[i - 1] and _PLACE_COUNTS.search(sentences[i]) is not None


def repair(s: str) -> str:
    """The sentence without pinyin glosses (项(xiàng)目 is 项目) and without a stray space
    between two characters of body text (实施 项目总投资), a headline's gap kept."""
    if "(" in s:  # before the cheap checks
        s = _PINYIN.sub("", s)
    if " " in s and ("," in s or "。" in s):
        s = _STRAY_SPACE.sub("", s)
    if "○" in s:  # a white circle written for zero inside a numeral (二○五七)
        s = _CIRCLE_ZERO.sub("〇", s)
    if "个亿" in s or "个多亿" in s:  # spoken 总投资5个亿 / 20多个亿 / 5个多亿: N亿元 (not 3个亿元以上项目)
        s = _GE_YI.sub(lambda m: m["num"] + (m["more"] or m["more2"] or "") + "亿元", s)
    if ",," in s or ",;" in s:  # copied pages double their commas (签约项目283项,,总投资X,;在谈…)
        s = _DOUBLED.sub("", s)
    return trillions(s)


_GE_YI = re.compile(
    r"(?P<num>\d+(?:\.\d+)?|[一二两三四五六七八九十百几]+)\s*(?:(?P<more>[多余])个|个(?P<more2>多)?)亿(?![元级])"
)
_DOUBLED = re.compile(r",+(?=[,;。])")
_CIRCLE_ZERO = re.compile(r"(?<=[〇零一二两三四五六七八九])○|○(?=[〇零一二两三四五六七八九○])")


def may_carry(sentences: list[str], i: int, s: str) -> bool:
    """Whether sentence i (repaired: s) can carry a cohort figure."""
    return (_need(s) or _place_list(sentences, i)) and _maybe(s)
