"""Chinese place names in text, from the gazetteer flows/lexicons/places.csv.

`find_places(text, lang)` lists the provinces, prefectures and county-level cities a text
names, in order: Chinese names matched longest-first at every position, English names as
whole title-case words. `lookup(name)` resolves one name in either language. The indexes are
built once per process.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from flows.core.lexicon import load

_LEVEL_RANK = {"province": 1, "prefecture": 2, "county": 3}
_CJK = re.compile(r"[\u4e00-\u9fff]")
_EN_TOKEN = re.compile(r"[A-Z][A-Za-z'’-]*")
# A name followed by these is a street, district or road, not the place itself.
_ZH_NOT_PLACE_AFTER = re.compile(r"(?:路|街|大道|大街)")
_EN_NOT_PLACE_AFTER = re.compile(r"\s+(?:District|Road|Street|Avenue|Rd)\b")
# County-level cities are named in English with "city" or ", <province>" after them.
_EN_COUNTY_AFTER = re.compile(r"(?:\s+[Cc]ity\b|,\s*([A-Z][A-Za-z ]+))")


@dataclass(frozen=True)
class Place:
    name_en: str
    name_zh: str
    level: str  # province | prefecture | county
    province_en: str
    start: int = -1  # span in the searched text (-1 for lookups)
    end: int = -1

    @property
    def city(self) -> str | None:
        """English city name; None for a province (municipalities come as city rows)."""
        return None if self.level == "province" else self.name_en


def _at(place: Place, start: int, end: int) -> Place:
    """= dataclasses.replace(place, start=start, end=end), without its field-by-field pass."""
    return Place(place.name_en, place.name_zh, place.level, place.province_en, start, end)


def _en_key(name: str) -> str:
    return " ".join(name.replace("’", "'").lower().split())


@lru_cache(maxsize=1)
def _indexes() -> tuple[dict[str, tuple[Place, ...]], dict[str, tuple[Place, ...]]]:
    zh: dict[str, list[Place]] = {}
    en: dict[str, list[Place]] = {}
    rows = load("places")
    provincial = {r["name_zh"] for r in rows if r["level"] == "province"}

    def rank(p: Place) -> int:
        """Municipal/SAR city rows first (they carry city and province), then by level."""
        municipal = p.level != "province" and p.name_zh in provincial
        return 0 if municipal else _LEVEL_RANK.get(p.level, 9)

    for row in rows:
        place = Place(row["name_en"], row["name_zh"], row["level"], row["province_en"])
        names = [row["name_zh"], row["name_en"]]
        names += [a.strip() for a in (row.get("aliases") or "").split(";") if a.strip()]
        for name in names:
            if _CJK.search(name):
                zh.setdefault(name, []).append(place)
            else:
                en.setdefault(_en_key(name), []).append(place)
    order = lambda d: {k: tuple(sorted(v, key=rank)) for k, v in d.items()}  # noqa: E731
    return order(zh), order(en)


@lru_cache(maxsize=1)
def _zh_lengths() -> dict[str, tuple[int, ...]]:
    """First character -> lengths of the Chinese keys starting with it, longest first."""
    out: dict[str, set[int]] = {}
    for key in _indexes()[0]:
        out.setdefault(key[0], set()).add(len(key))
    return {c: tuple(sorted(v, reverse=True)) for c, v in out.items()}


@lru_cache(maxsize=1)
def _zh_bigrams() -> frozenset[str]:
    return frozenset(key[:2] for key in _indexes()[0])


@lru_cache(maxsize=1)
def _zh_starts() -> re.Pattern:
    """Characters a Chinese key can start with (the scan visits only those positions)."""
    return re.compile("[" + "".join(sorted(re.escape(c) for c in _zh_lengths())) + "]")


@lru_cache(maxsize=1)
def _en_first_words() -> dict[str, int]:
    """First word of an English key -> the most words a key starting with it has."""
    out: dict[str, int] = {}
    for key in _indexes()[1]:
        words = key.split()
        out[words[0]] = max(out.get(words[0], 0), len(words))
    return out


def lookup(name: str) -> Place | None:
    """The place a Chinese or English name (or alias) denotes; the highest level wins."""
    zh, en = _indexes()
    found = zh.get(name.strip()) or en.get(_en_key(name))
    return found[0] if found else None


def find_places(text: str, lang: str) -> list[Place]:
    """Places named in `text`, in order of appearance, with their spans."""
    if not text:
        return []
    return _find_zh(text) if lang == "zh" else _find_en(text)


def _zh_ok(text: str, i: int, key: str, place: Place) -> bool:
    after = text[i + len(key) : i + len(key) + 2]
    if _ZH_NOT_PLACE_AFTER.match(after):
        return False
    short = key != place.name_zh and not key.endswith(("市", "省", "区", "州"))
    if short and after[:1] == "区":  # 西安区, 海南区: districts named like a city
        return False
    # 沿海城市 / 新兴城市 / 对应城市: a county-level "X城市" glued to a preceding word
    if place.level == "county" and key.endswith("城市") and i > 0 and _CJK.match(text[i - 1]):
        return False
    return True


def _find_zh(text: str) -> list[Place]:
    zh, _ = _indexes()
    by_first, starts, bigrams = _zh_lengths(), _zh_starts(), _zh_bigrams()
    out: list[Place] = []
    done = 0  # text before this is consumed by a match
    for m in starts.finditer(text):
        i = m.start()
        if i < done or text[i : i + 2] not in bigrams:
            continue
        for length in by_first[text[i]]:
            key = text[i : i + length]
            cands = zh.get(key) if len(key) == length else None
            if cands:
                if _zh_ok(text, i, key, cands[0]):
                    out.append(_at(cands[0], i, i + length))
                done = i + length
                break
    return out


def _find_en(text: str) -> list[Place]:
    _, en = _indexes()
    first_words = _en_first_words()
    tokens = [m.span() for m in _EN_TOKEN.finditer(text)]
    low = text.lower().replace("’", "'")
    if len(low) != len(text):  # (a character whose lower case is longer: read token by token)
        low = None
    mosts = [first_words.get((low[a:b] if low else text[a:b].lower().replace("’", "'")), 0) for a, b in tokens]
    hits: list[tuple[int, int, tuple[Place, ...]]] = []
    j = 0  # tokens before j are read; only a token that may start a place name is tried
    for k in [k for k, most in enumerate(mosts) if most]:
        if k < j:
            continue
        j = k + 1
        for width in range(min(mosts[k], len(tokens) - k), 0, -1):
            span = tokens[k : k + width]
            if any(text[a[1] : b[0]] != " " for a, b in zip(span, span[1:])):
                continue
            start, end = span[0][0], span[-1][1]
            cands = en.get(_en_key(text[start:end]))
            if not cands or _EN_NOT_PLACE_AFTER.match(text, end):
                continue
            cands = _en_county_filter(text, end, cands)
            if cands:
                hits.append((start, end, cands))
                j = k + width
                break
    return _resolve(hits)


def _en_county_filter(text: str, end: int, cands: tuple[Place, ...]) -> tuple[Place, ...]:
    """County-level cities need 'city' or ', Province' after them in English."""
    if all(c.level != "county" for c in cands):
        return cands
    m = _EN_COUNTY_AFTER.match(text, end)
    ok = bool(m) and (m.group(1) is None or any(c.province_en.lower() == m.group(1).strip().lower() for c in cands))
    return cands if ok else tuple(c for c in cands if c.level != "county")


def _resolve(hits: list[tuple[int, int, tuple[Place, ...]]]) -> list[Place]:
    """An English name shared by several places (Suzhou, Taizhou, Yulin) takes the one whose
    province the text also names; otherwise the highest-level, first-listed one."""
    provinces = {c[0].province_en for _, _, c in hits if len(c) == 1}
    provinces |= {c[0].name_en for _, _, c in hits if c[0].level == "province"}
    out = []
    for start, end, cands in hits:
        pick = next((c for c in cands if c.province_en in provinces), cands[0])
        out.append(_at(pick, start, end))
    return out
