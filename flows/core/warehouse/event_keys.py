"""What the event matcher compares of an article's words (pure): its event name and its markers.

`name_key` normalizes an event name: edition, year, "the", 第N届, punctuation and the host
place dropped, the terms of flows/lexicons/event_terms.csv, in either language, turned into one
concept ('global invest_conf' for both 苏州全球招商大会 and "the 2024 Suzhou Global Investment
Promotion Conference"); `is_generic` tells a key that only names a kind of event ("signing
ceremony"); `name_places` lists the places a name names. `markers` reads the batch, quarter and
edition numbers an article states (第一批/第二批, Q1/Q2, 第七届/第八届), which no match may cross.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from flows.core.extract.places import find_places
from flows.core.lexicon import load

_ZH_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}
_EN_ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
}
_NUM = r"[零〇一二两三四五六七八九十百\d]+"
_EN_NUM = r"(\d{1,3})(?:st|nd|rd|th)|(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)"
_QUARTER = [
    re.compile(rf"第?({_NUM})季度"),
    re.compile(r"([一二三四])季度"),
    re.compile(rf"\b(?:{_EN_NUM})[\s-]+quarter\b", re.I),
    re.compile(r"\bQ([1-4])\b"),
]
_BATCH = [
    re.compile(rf"第({_NUM})批"),
    re.compile(rf"\b(?:{_EN_NUM})\s+batch(?:es)?\b", re.I),
    re.compile(r"\bbatch\s+(?:no\.?\s*)?(\d+|one|two|three|four|five|six)\b", re.I),
]
# an English edition is an ordinal before an event's name ("the 12th World Chinese
# Entrepreneurs Convention"), never a date ("on the 24th")
_EN_EVENT_NAME = (
    r"[ \t]+(?:(?:session|edition)[ \t]+of[ \t]+(?:the[ \t]+)?)?(?:[A-Z][\w'’&().-]*[ \t]+"
    r"(?:(?:of|for|and|on|in|the|&)[ \t]+)*){0,8}?(?:Expo|Exposition|Fair|Conference|Convention|"
    r"Congress|Forum|Summit|Festival|Week|Session)s?\b"
)
_EDITION = [re.compile(rf"第({_NUM})届"), re.compile(r"(首)届"), re.compile(rf"\b(?i:{_EN_NUM}){_EN_EVENT_NAME}")]
_ORDINAL_HINT = re.compile(
    r"\d(?:st|nd|rd|th)\b|(?:first|second|third|fourth|fifth|sixth|seventh|eighth|"
    r"ninth|tenth)\s",
    re.I,
)
_YEARS = re.compile(r"(?:19|20)\d\d\s*年?度?")
_DROP_ZH = re.compile(rf"第{_NUM}[届次期批]|首届|本届|年度|暨")
_DROP_EN = re.compile(
    r"\b(?:\d{1,3}(?:st|nd|rd|th)|the|a|an|annual|of|and|for|on|in|at|to|with|"
    r"edition|session|inaugural|held|monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday|today|yesterday|january|february|march|april|may|june|july|"
    r"august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|"
    r"sept|oct|nov|dec)\b",
    re.I,
)
_PUNCT = re.compile(r"[\s\"'“”‘’《》〈〉()（）\[\]【】,，.。:：;；、·\-‐‑‒–—―－﹣_/&!?|]+")
_CJK = re.compile(r"[\u4e00-\u9fff]")


@lru_cache(maxsize=1)
def _terms() -> tuple[list[tuple[str, str]], list[tuple[re.Pattern, str]], frozenset[str]]:
    """(Chinese term -> concept, English term regex -> concept, generic concepts), longest first."""
    rows = sorted(load("event_terms"), key=lambda r: len(r["term"]), reverse=True)
    zh = [(r["term"], r["concept"]) for r in rows if _CJK.search(r["term"])]
    en = [
        (re.compile(rf"(?<![\w-]){re.escape(r['term'])}(?![\w-])", re.I), r["concept"])
        for r in rows
        if not _CJK.search(r["term"])
    ]
    generic = frozenset(r["concept"] for r in rows if r.get("generic") == "1")
    return zh, en, generic


@lru_cache(maxsize=1)
def _place_names() -> dict[str, tuple[str, ...]]:
    """English place name -> its written forms in both languages (gazetteer)."""
    names: dict[str, set[str]] = {}
    for row in load("places"):
        forms = names.setdefault(row["name_en"], {row["name_en"]})
        zh = row["name_zh"]
        forms.update({zh, *(a.strip() for a in (row.get("aliases") or "").split(";") if a.strip())})
        for suffix in ("市", "省", "自治区", "壮族自治区", "回族自治区", "维吾尔自治区", "特别行政区"):
            if zh.endswith(suffix) and len(zh) > len(suffix) + 1:
                forms.add(zh[: -len(suffix)])
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in names.items()}


@lru_cache(maxsize=4096)
def _place_forms(place: str) -> tuple[tuple[str, ...], re.Pattern | None]:
    """The written forms of a place: Chinese (replaced as they are) and English (whole words,
    case-blind)."""
    forms = _place_names().get(place, (place,))
    zh = tuple(f for f in forms if _CJK.search(f))
    en = [re.escape(f) for f in forms if not _CJK.search(f)]
    return zh, (re.compile(rf"\b(?:{'|'.join(en)})\b", re.I) if en else None)


@lru_cache(maxsize=65536)
def name_key(name: str | None, city: str | None = None, province: str | None = None) -> str | None:
    """An event name normalized for matching: concepts and remaining words, sorted, joined by
    spaces ('global invest_conf' for both 苏州全球招商大会 and "the 2024 Suzhou Global
    Investment Promotion Conference"); None when nothing is left."""
    if not name:
        return None
    text = unicodedata.normalize("NFKC", name)
    for p in reversed(find_places(text, "zh" if _CJK.search(text) else "en")):
        text = text[: p.start] + " " + text[p.end :]
    for place in (city, province):
        if place:
            zh_forms, en_forms = _place_forms(place)
            for form in zh_forms:
                text = text.replace(form, " ")
            text = en_forms.sub(" ", text) if en_forms else text
    text = _DROP_ZH.sub(" ", _YEARS.sub(" ", text))
    zh, en, _ = _terms()
    concepts: list[str] = []
    for pattern, concept in en:
        text, n = pattern.subn(" ", text)
        concepts += [concept] * n
    for term, concept in zh:
        if term in text:
            concepts += [concept] * text.count(term)
            text = text.replace(term, " ")
    text = _DROP_EN.sub(" ", text)
    words = [w.lower() for w in _PUNCT.split(text) if w and not w.isdigit()]
    tokens = sorted(set(concepts) | set(words))
    return " ".join(tokens) or None


@lru_cache(maxsize=65536)
def name_places(name: str | None) -> frozenset[tuple[str, str | None]]:
    """The places an event name names, as (province, city or None)."""
    if not name:
        return frozenset()
    text = unicodedata.normalize("NFKC", name)
    return frozenset((p.province_en, p.city) for p in find_places(text, "zh" if _CJK.search(text) else "en"))


def places_conflict(x: frozenset, y: frozenset) -> bool:
    """Both names name places and none of one is compatible with one of the other (same
    province, same city unless one names the province only)."""
    return bool(x and y) and not any(
        pa == pb and (ca is None or cb is None or ca == cb) for pa, ca in x for pb, cb in y
    )


@lru_cache(maxsize=65536)
def is_generic(key: str | None) -> bool:
    """Whether a name key only names a kind of event ("major projects groundbreaking")."""
    return key is None or all(t in _terms()[2] for t in key.split())


def _number(text: str) -> int | None:
    text = text.lower()
    if text.isdigit():
        return int(text)
    if text in _EN_ORDINALS:
        return _EN_ORDINALS[text]
    if text == "首":
        return 1
    if "百" in text:
        return None
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (_ZH_DIGITS.get(tens, 1) if tens else 1) * 10 + (_ZH_DIGITS.get(ones, 0) if ones else 0)
    return _ZH_DIGITS.get(text) if len(text) == 1 else None


def _found(patterns: list[re.Pattern], text: str) -> frozenset[int]:
    out = set()
    for pattern in patterns:
        for m in pattern.finditer(text):
            value = next((g for g in m.groups() if g), None)
            n = _number(value) if value else None
            if n is not None:
                out.add(n)
    return frozenset(out)


def markers(texts: list[str | None]) -> dict[str, frozenset[int]]:
    """The batch, quarter and edition numbers an article states of its event (name, title,
    headline sentences)."""
    text = "\n".join(t for t in texts if t)
    lower = text.lower()
    none = frozenset()
    return {
        "batch": _found(_BATCH, text) if "批" in text or "batch" in lower else none,
        "quarter": _found(_QUARTER, text) if "季度" in text or "quarter" in lower or "Q" in text else none,
        "edition": _found(_EDITION, text) if "届" in text or _ORDINAL_HINT.search(text) else none,
    }
