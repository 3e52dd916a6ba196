"""Language detection and text normalization shared by both extractors.

Chinese text is folded to simplified characters (OpenCC t2s) and every text is NFKC-folded so
that full-width digits and punctuation (５０亿元，（）) reach the regexes as ASCII.
"""

from __future__ import annotations

import re
import string
import unicodedata
from functools import lru_cache

LANG_SAMPLE = 1500  # characters looked at to tell the language
HAN_CLASS = "[\u4e00-\u9fff]"
LATIN_CLASS = "[A-Za-z]"
_CJK = re.compile(HAN_CLASS)
_LATIN = re.compile(LATIN_CLASS)


def detect_lang(text: str) -> str:
    """'zh' when Han characters make up a fair share of the letters, else 'en'.
    (extract.article_frame applies the same rule to a whole batch in Polars.)"""
    sample = text[:LANG_SAMPLE]
    han = len(_CJK.findall(sample))
    latin = len(_LATIN.findall(sample))
    return "zh" if han and han * 3 >= latin * 0.5 else "en"


# HAN_CLASS (U+4E00..U+9FFF): the UTF-16 code units whose high byte is 4E..9F (a character
# beyond the BMP is two surrogates, D8..DF); LATIN_CLASS: the ASCII letters, one byte each in UTF-8
_HAN_HIGH = bytes(range(0x4E, 0xA0))
_LATIN_BYTES = string.ascii_letters.encode()


def lang_of(text: str) -> str:
    """= detect_lang(text), the characters of each class counted in the encoded sample by
    bytes.translate (no match object per character)."""
    sample = text[:LANG_SAMPLE]
    high = sample.encode("utf-16-le")[1::2]
    han = len(high) - len(high.translate(None, _HAN_HIGH))
    if not han:
        return "en"
    utf8 = sample.encode()
    latin = len(utf8) - len(utf8.translate(None, _LATIN_BYTES))
    return "zh" if han * 3 >= latin * 0.5 else "en"


# blocks whose every character Python's Unicode database (unicodedata.unidata_version) assigns:
# a text of these alone NFKC-normalizes alike under that version and any later one, as Polars'
# (Unicode's normalization stability policy); tests check each character is assigned and folds
# as Polars folds it
_OUTSIDE_STABLE = re.compile(
    "[^\x00-\u024f\u2010-\u2027\u2030-\u205e\u2100-\u214f\u2190-\u21ff\u2460-\u25ff"
    "\u3000-\u303f\u4e00-\u9fff\uff01-\uff5e\uffe0-\uffe6]"
)


def nfkc_here(text: str) -> str | None:
    """text NFKC-folded by Python's unicodedata when every character lies in those blocks (the
    same as Polars' str.normalize("NFKC") then), else None."""
    return None if _OUTSIDE_STABLE.search(text) else unicodedata.normalize("NFKC", text)


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    return _t2s().convert(text)


def normalize(text: str, lang: str) -> str:
    """NFKC-fold; for Chinese also traditional -> simplified. Keeps '。' and '、'."""
    if lang == "zh":
        text = to_simplified(text)
    text = unicodedata.normalize("NFKC", text)
    # NFKC leaves these; fold them so patterns need one form
    return text.replace("\u3000", " ").replace("\u00a0", " ")
