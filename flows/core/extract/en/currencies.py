"""English currency words and symbols (flows/lexicons/currencies.csv, rows of language en):
the lookups word -> ISO code and the regular-expression fragments `numbers.py` builds its
amount pattern from, read once."""

from __future__ import annotations

import re

from flows.core.lexicon import load

_ROWS = [r for r in load("currencies") if r["language"] == "en"]
PRE_CURRENCY = {r["word"]: r["iso"] for r in _ROWS if r["position"] == "pre"}
POST_CURRENCY = {r["word"]: r["iso"] for r in _ROWS if r["position"] == "post"}


def _pre_pattern(words) -> str:
    """'us $' -> US\\s?$ (a spelled space is optional), 'hk$' -> HK$, codes end at a word
    boundary or a digit ('RMB5 billion'), symbols alone."""
    dollars, codes, symbols = set(), set(), set()
    for w in words:
        if len(w) == 1:
            symbols.add(re.escape(w))
        elif w.endswith("$"):
            stem = w[:-1]
            space = stem.endswith(" ")
            dollars.add(r"\b" + re.escape(stem.rstrip().upper()) + (r"\s?" if space else "") + r"\$")
        else:
            codes.add(re.escape(w.upper()))
    # a spelled-space variant covers the glued one ('US\s?\$' covers 'US\$')
    dollars = {d for d in dollars if not (d.endswith(r"\$") and d[:-2] + r"\s?\$" in dollars)}
    return (
        "(?:"
        + "|".join(sorted(dollars, key=len, reverse=True))
        + r"|\b(?:"
        + "|".join(sorted(codes, key=len, reverse=True))
        + r")(?:\b|(?=\d)|$)|["
        + "".join(sorted(symbols))
        + "])"
    )


PRE_CUR = _pre_pattern(PRE_CURRENCY)
POST_CUR = "|".join(re.escape(k) for k in sorted(POST_CURRENCY, key=len, reverse=True))
# the last characters of every pre word: a cheap check before PRE_CUR is tried
PRE_LAST = frozenset("".join(w[-1].lower() + w[-1].upper() for w in PRE_CURRENCY))
# words that are a currency only after a scale word ('2 billion won'; '12 won' is a verb)
SCALED_ONLY = frozenset(r["word"] for r in _ROWS if r["position"] == "post" and r.get("scaled_only") == "1")
