"""Event names in an article's opening lines: a known recurring event or a generic pattern.

A known event is any alias, in either language, of a row of flows/lexicons/events.csv (English
aliases case-blind, acronyms such as CIIE only in capitals); it wins over a generic pattern (a
title-case English phrase ending in Expo/Fair/Forum...; a Chinese phrase ending in
大会/博览会/签约仪式..., cut at years, ordinals, dates and function words). Besides the name,
`find_event_name` reads the years written beside it and the edition ordinal before a known
event (第七届, 12th, inaugural), from which flows.core.extract.event dates the event.
"""

from __future__ import annotations

import re
from functools import lru_cache

from flows.core.lexicon import event_suffixes, load, trie

KNOWN_LINES, NAME_LINES = 6, 6
# the Chinese numerals of an ordinal and a plausible year; flows.core.extract.event reads them too
ZH_NUMERALS = "〇零一二三四五六七八九十百"
YEAR = r"(?:199\d|20[0-3]\d)"
_DASHES = str.maketrans({c: "-" for c in "‐‑‒–—―－﹣"})
_DASH_CLASS = "[-‐‑‒–—―－﹣]"
_CJK = re.compile(r"[\u4e00-\u9fff]")
_YEAR_BEFORE = re.compile(
    rf"({YEAR})\s*年?度?\s*(?:第[{ZH_NUMERALS}\d]+届|首届|\(?\d{{1,2}}(?:st|nd|rd|th)\)?)?"
    r"\s*$"
)
_YEAR_AFTER = re.compile(rf"\s*({YEAR})\b(?![.,]\d|\s*(?:billion|million|yuan|年\d))")
_EN_ORDINALS = (
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
)
_ORDINAL_BEFORE = re.compile(
    rf"(?:第([{ZH_NUMERALS}\d]+)届|(首)届|\b(\d{{1,2}})(?:st|nd|rd|th)|\b(first|inaugural)"
    rf"|\b({'|'.join(_EN_ORDINALS)}))\s*(?:the\s+)?$",
    re.I,
)
_YEAR_TOKEN = re.compile(YEAR)
# English: runs of capitalized words / years / ordinals joined by small words.
_CAPW = r"(?:[A-Z][\w'’&-]*|\d{4}|\d{1,2}(?:st|nd|rd|th))"
_EN_RUN = re.compile(rf"{_CAPW}(?:\s+(?:(?:of|the|and|for|on|in|to|from|at|with|&|de)\s+)*{_CAPW})*")
_EDITION_TOKEN = re.compile(r"\d{4}|\d{1,2}(?:st|nd|rd|th)")
_EN_KEY = re.compile(rf"(?:{'|'.join(event_suffixes('en'))})s?$")
_EN_KEYWORDS = tuple(event_suffixes("en"))
_EN_KEYWORD_RE = re.compile("|".join(re.escape(k) for k in _EN_KEYWORDS) or "(?!)")  # one scan: any(k in line)
_EN_CUT = {"of", "the", "at", "in", "on", "from", "to", "with", "by", "a", "an", "during", "after", "before"}
_EN_GENERIC = {
    "press",
    "news",
    "video",
    "online",
    "opening",
    "closing",
    "signing",
    "annual",
    "this",
    "that",
    "its",
    "their",
    "our",
    "main",
    "key",
    "spring",
    "lantern",
    "mid-autumn",
    "dragon",
    "boat",
    "golden",
    "national",
    "day",
    "and",
}
# Chinese: a run of name characters, cut at years, ordinals, dates and function words.
_ZH_RUN = re.compile(r"[\u4e00-\u9fff“”\"《》()·\-–—－A-Za-z0-9]+")
_ZH_CUT = re.compile(
    rf"{YEAR}年度?|{YEAR}(?=[\u4e00-\u9fff“\"])|第[{ZH_NUMERALS}\d]+届|首届|本届|上届|历届|每届|此次|本次|这次|"
    r"今年|去年|明年|\d{1,2}月\d{1,2}日|\d{1,2}日|[上下]午|在(?!线)|于|由|的|和|与|及|召开|举行|举办|出席|参加|"
    r"期间|开幕|闭幕|落幕|启动"
)
_ZH_SUFFIX = re.compile(
    r"(?:洽谈会|博览会|交易会|大会|论坛|峰会|(?:签约|开工|竣工|奠基|揭牌|投产)(?:仪式|活动)"
    r"|推介会|招商会|投资节|对接会|签约会)"
)
_ZH_SUFFIX_TAIL = re.compile(r"(?:洽谈会|博览会|交易会|大会|论坛|峰会|仪式|活动|推介会|招商会|投资节|对接会|签约会)$")
_ZH_SUFFIX_END = re.compile(r"[会坛式动节]")  # cheap pre-check: the suffixes' last characters
_ZH_NOT_EVENT = re.compile(r"(?:代表大会|党代会|职工大会)$")
_ZH_GENERIC = {"大会", "博览会", "论坛", "峰会", "会议", "该", "本", "全省", "全市", "全国", "项目", "重大项目"}


def _alias_pattern(keys: list[str]) -> str:
    """Alternation of literal aliases, longest first, any dash variant matching '-'."""
    return "|".join(re.escape(k).replace(r"\-", _DASH_CLASS) for k in sorted(keys, key=len, reverse=True))


@lru_cache(maxsize=1)
def _known() -> tuple[dict[str, dict], tuple[frozenset[str], ...], list[re.Pattern]]:
    """alias key -> event row, the aliases' endings (cheap pre-checks) and the regexes finding
    them: [Chinese, English, English acronyms]. English aliases match case-blind (on the
    lower-cased line), acronyms such as CIIE only in capitals."""
    by_key: dict[str, dict] = {}
    for row in load("events"):
        names = [row["name_en"], row["name_zh"]] + (row.get("aliases") or "").split(";")
        for name in (n.strip().translate(_DASHES) for n in names if n.strip()):
            key = name if _CJK.search(name) or name.isupper() else name.lower()
            by_key.setdefault(key, row)
    zh = [k for k in by_key if _CJK.search(k)]
    acronyms = [k for k in by_key if k.isupper() and not _CJK.search(k)]
    words = [k for k in by_key if not _CJK.search(k) and not k.isupper()]
    edge = r"(?<![\w-])(?:{})(?![\w-])"
    ends = (frozenset(k[-2:] for k in zh), frozenset(k.split()[-1] for k in words), frozenset(acronyms))
    return (
        by_key,
        ends,
        [
            re.compile(_alias_pattern(zh)),
            re.compile(edge.format(_alias_pattern(words))),
            re.compile(edge.format(_alias_pattern(acronyms))),
        ],
    )


@lru_cache(maxsize=1)
def _known_ends() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """The pre-checks of _known_hits as one search each: any alias ending (Chinese), any
    acronym, any last word of an English alias, as a substring."""
    return tuple(re.compile(trie(ends) or "(?!)") for ends in _known()[1])  # (prefix-factored)


_WORDISH = re.compile(r"[\w-]")  # what the English aliases' (?<![\w-]) refuses before a match


@lru_cache(maxsize=1)
def _word_scan() -> re.Pattern:
    """The English aliases' pattern without its opening look-behind, the aliases as one
    prefix-factored regex (the engine skips to their first letters instead of trying the
    look-behind and then every alias at each character)."""
    words = [k for k in _known()[0] if not _CJK.search(k) and not k.isupper()]
    return re.compile(r"(?:{})(?![\w-])".format(trie(words).replace(r"\-", _DASH_CLASS) or "(?!)"))


def _word_hits(lower: str) -> list[re.Match]:
    """= list(_known()[2][1].finditer(lower)): a match whose look-behind fails is passed over
    and the scan goes on from its next character, as the pattern's scan does. (Longest alias
    first at a position in both: those matching there are prefixes of one another.)"""
    scan, out, pos = _word_scan(), [], 0
    while (m := scan.search(lower, pos)) is not None:
        if m.start() and _WORDISH.match(lower, m.start() - 1):
            pos = m.start() + 1
            continue
        out.append(m)
        pos = m.end()
    return out


def _known_hits(lines: list[str], lang: str) -> list[tuple[int, int, int, dict]]:
    """(line index, start, end, event row) of every known-event alias in the opening lines."""
    by_key, _, (zh_re, _, acr_re) = _known()
    zh_ends, word_ends, acronyms = _known_ends()
    hits = []
    for i, line in enumerate(lines[:KNOWN_LINES]):
        found = []
        if lang == "zh":
            if zh_ends.search(line):
                found = [(m, m.group(0)) for m in zh_re.finditer(line)]
        else:
            lower = line.lower()
            if acronyms.search(line):
                found = [(m, m.group(0)) for m in acr_re.finditer(line)]
            if len(lower) == len(line) and word_ends.search(lower):
                found += [(m, m.group(0)) for m in _word_hits(lower)]
        for m, text in found:
            row = by_key.get(text.translate(_DASHES))
            if row:
                hits.append((i, m.start(), m.end(), row))
    return sorted(hits, key=lambda h: (h[0], h[1]))


def find_event_name(lines: list[str], lang: str) -> tuple[str | None, dict | None, list[int], int | None]:
    """(name, known-event row, attached years, edition ordinal)."""
    hits = _known_hits(lines, lang)
    if hits:
        row = hits[0][3]
        same = [h for h in hits if h[3] is row]
        years = [y for i, a, b, _ in same for y in _years_around(lines[i], a, b)]
        ordinal = next((o for i, a, _, _ in same if (o := _ordinal(lines[i][:a]))), None)
        if lang == "zh":
            keys = {lines[i][a:b].translate(_DASHES) for i, a, b, _ in same}
            # (a name holding a key is part of its line: lines holding none are not read)
            named = [line for line in lines[:NAME_LINES] if _holds_any(line.translate(_DASHES), keys)]
            generic = [c for line in named for c in _generic(line, lang)]
            written = [c for c in generic if any(k in c[0].translate(_DASHES) for k in keys)]
            name = max(written, key=lambda c: len(c[0]))[0] if written else row["name_zh"]
            years += [y for c in written for y in c[1]]
        else:
            name = row["name_en"]
        return name, row, years, ordinal
    first = next((c for line in lines[:NAME_LINES] for c in _generic(line, lang)), None)  # (lines after it unread)
    if first:
        return first[0], None, list(first[1]), None
    return None, None, [], None


def _holds_any(text: str, keys) -> bool:
    return any(k in text for k in keys)


def _years_around(line: str, start: int, end: int) -> list[int]:
    """A year written just before ("2021 World ...", "2022年第三届...") or after ("Expo 2021")."""
    found = [_YEAR_BEFORE.search(line[max(0, start - 30) : start]), _YEAR_AFTER.match(line, end)]
    return [int(m.group(1)) for m in found if m]


def _ordinal(before: str) -> int | None:
    m = _ORDINAL_BEFORE.search(before[-20:])
    if not m:
        return None
    if m.group(2) or m.group(4):
        return 1
    if m.group(5):
        return _EN_ORDINALS.index(m.group(5).lower()) + 2
    return int(m.group(3)) if m.group(3) else _zh_number(m.group(1))


def _zh_number(text: str) -> int | None:
    """一..九十九 (or ASCII digits) as an int; None for anything else."""
    if text.isdigit():
        return int(text)
    digits = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0}
    if "百" in text:
        return None
    if "十" in text:
        tens, _, ones = text.partition("十")
        return digits.get(tens, 1) * 10 + digits.get(ones, 0) if tens in digits or not tens else None
    return digits.get(text) if len(text) == 1 else None


def _generic(line: str, lang: str) -> list[tuple[str, list[int]]]:
    return _generic_zh(line) if lang == "zh" else _generic_en(line)


def _generic_en(line: str) -> list[tuple[str, list[int]]]:
    if not _EN_KEYWORD_RE.search(line):  # = not any(k in line for k in _EN_KEYWORDS)
        return []
    words = line.split()
    if len(words) >= 5 and sum(w[:1].isupper() for w in words) > 0.7 * len(words):
        return []  # a title-case headline: every word is "Capitalized"
    out = []
    for run in _EN_RUN.finditer(line):
        if not _EN_KEYWORD_RE.search(line, run.start(), run.end()):
            continue  # no token of the run can be a keyword (each holds one)
        toks = run.group(0).split()
        keys = [k for k, t in enumerate(toks) if _EN_KEY.match(t)]
        if not keys:
            continue
        start = max((k + 1 for k in range(keys[0]) if toks[k].lower() in _EN_CUT), default=0)
        end = keys[-1] + 1
        if end < len(toks) and toks[end] in ("of", "for", "on"):
            end = len(toks)
        years = [int(t) for t in toks[start:end] if _YEAR_TOKEN.fullmatch(t)]
        before = _YEAR_BEFORE.search(line[max(0, run.start() - 12) : run.start()])
        years += [int(before.group(1))] if before else []
        name = [t for t in toks[start:end] if not _EDITION_TOKEN.fullmatch(t)]
        while name and name[-1].lower() in _EN_CUT | {"and", "for", "&"}:
            name.pop()
        while name and name[0].lower() in _EN_CUT | {"and", "for", "&"}:
            name.pop(0)
        if all(t.lower() in _EN_GENERIC or _EN_KEY.match(t) for t in name):
            continue
        out.append((" ".join(name), years))
    return out


def _generic_zh(line: str) -> list[tuple[str, list[int]]]:
    if not _ZH_SUFFIX_END.search(line) or not _ZH_SUFFIX.search(line):  # a name needs a suffix word
        return []
    out = []
    for run in _ZH_RUN.finditer(line):
        text, pos = run.group(0), 0
        if not _ZH_SUFFIX.search(text):  # no segment of the run can end in one
            continue
        cuts = list(_ZH_CUT.finditer(text)) + [None]
        for cut in cuts:
            seg = text[pos : cut.start() if cut else len(text)]
            last = None
            for last in _ZH_SUFFIX.finditer(seg):  # noqa: B007 - the loop keeps the last match
                pass
            if last:
                name = _strip_unbalanced(seg[: last.end()])
                stem = _ZH_SUFFIX_TAIL.sub("", name)
                if len(stem) >= 2 and stem not in _ZH_GENERIC and not _ZH_NOT_EVENT.search(name):
                    before = line[max(0, run.start() + pos - 16) : run.start() + pos]
                    years = [int(y.group(1)) for y in [_YEAR_BEFORE.search(before)] if y]
                    out.append((name, years))
            if cut:
                pos = cut.end()
    return out


def _strip_unbalanced(name: str) -> str:
    """Drop a leading fragment ended by a closing bracket/quote that opens nowhere in it."""
    for close, open_ in ((")", "("), ("”", "“")):
        i = name.find(close)
        if i >= 0 and open_ not in name[:i]:
            name = name[i + 1 :]
    return name.strip("-–—－·")
