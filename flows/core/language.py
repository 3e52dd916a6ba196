"""Language detection and text normalization shared by both extractors.

Chinese text is folded to simplified characters (OpenCC t2s) and every text is NFKC-folded so
that full-width digits and punctuation (５０亿元，（）) reach the regexes as ASCII.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_CJK = re.compile(r"[\u4e00-\u9fff]")
_LATIN = re.compile(r"[A-Za-z]")


def detect_lang(text: str) -> str:
    """'zh' when Han characters make up a fair share of the letters, else 'en'."""
    sample = text[:1500]
    han = len(_CJK.findall(sample))
    latin = len(_LATIN.findall(sample))
    return "zh" if han and han * 3 >= latin * 0.5 else "en"


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def normalize(text: str, lang: str) -> str:
    """NFKC-fold; for Chinese also traditional -> simplified. Keeps '。' and '、'."""
    if lang == "zh":
        text = _t2s().convert(text)
    text = unicodedata.normalize("NFKC", text)
    # NFKC leaves these; fold them so patterns need one form
    return text.replace("\u3000", " ").replace("\u00a0", " ")
