"""English number and money parsing for the cohort extractor.

`word_to_int` reads spelled-out counts ("Sixty-six"); `find_amounts` locates money expressions
("RMB 175.1 billion", "$1.45b") in a sentence: spans, values, ISO currency and qualifier.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from flows.core.extract.en.bare_bands import yuan_bands
from flows.core.extract.en.cues import plain, word_finder
from flows.core.extract.en.currencies import POST_CUR, POST_CURRENCY, PRE_CUR, PRE_CURRENCY, PRE_LAST, SCALED_ONLY
from flows.core.extract.en.earlier_currency import earlier_currency

UNITS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen".split()
    )
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
SCALES_W = {"hundred": 100, "thousand": 1000}

_U = "|".join(sorted(UNITS, key=len, reverse=True))
_T = "|".join(TENS)
_SMALL = rf"(?:(?:{_T})(?:[-\s](?:{_U}))?|{_U})"
WORD_NUM = rf"(?:{_SMALL}(?:\s+(?:hundred|thousand)(?:\s+(?:and\s+)?{_SMALL})?)*)"
DIGITS = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
NUM = rf"(?:{DIGITS}|\b{WORD_NUM}\b)"

_SCALE_WORDS = {1e12: "trillion tn", 1e9: "billion bln bn b", 1e6: "million mln mn m", 1e3: "thousand k"}
SCALE_VALUES = {w: v for v, words in _SCALE_WORDS.items() for w in words.split()}
# ('575.35 billionyuan': a page that lost the space before the currency)
_SCALE = r"(?:(?:\s*|-)(?:trillion|billion|million|thousand|bln|mln|tn|bn|mn)|(?<=\d)(?:b|m|k))(?:(?![\w$])|(?<=illion)(?=yuan\b))"
_MAG = rf"{NUM}{_SCALE}"
# machine-translated compounds, scales strictly descending: "4 billion 280 million"
_MAGSEQ = (
    rf"(?:{NUM}\s*trillion(?:\s+{NUM}\s*billion)?(?:\s+{NUM}\s*million)?(?![\w$])"
    rf"|{NUM}\s*billion\s+{NUM}\s*million(?:\s+{NUM}\s*thousand)?(?![\w$])"
    rf"|{NUM}\s*million\s+{NUM}\s*thousand(?![\w$])|{_MAG})"
)

_POST = POST_CUR  # currency words after a number (flows/lexicons/currencies.csv)
AMOUNT_RE = re.compile(
    rf"(?:(?P<pre>{PRE_CUR})\s?)?(?P<num>{_MAGSEQ}|{NUM})(?:(?:\s+|(?<=illion)-|(?<=illion)(?=yuan\b))(?P<post>{_POST})\b)?",
    re.IGNORECASE,
)
_MAG_RE = re.compile(rf"(?P<n>{NUM})(?P<s>{_SCALE})", re.IGNORECASE)

LOWER_Q = r"more than|over|above|in excess of|at least|exceeding|upwards of|beyond|topping|no less than|not less than|greater than"
UPPER_Q = r"up to|less than|under|below|no more than|not more than|within"
ABOUT_Q = r"nearly|about|around|approximately|roughly|almost|close to|some|approx\.?|an estimated"
QUAL_BEFORE = re.compile(rf"\b(?P<q>{LOWER_Q}|{UPPER_Q}|{ABOUT_Q})\s+(?:a\s+total\s+of\s+)?$", re.I)
_LOWER_SET = set(LOWER_Q.split("|"))
_QUAL_LAST = {q.split()[-1].lower() for q in f"{LOWER_Q}|{UPPER_Q}|{ABOUT_Q}".split("|")} | {"approx", "approx.", "of"}
_UPPER_SET = set(UPPER_Q.split("|"))


@dataclass
class Amount:
    start: int
    end: int
    value: float
    currency: str | None  # None: a bare "5 billion" that may borrow a neighbour's currency
    approximate: bool = False
    bound: str | None = None  # 'lower' | 'upper' | 'about' from the qualifier
    size_class: bool = False  # 'billion-yuan projects': the floor of a class by size


_INT_RE = re.compile(r"\d{1,3}(?:,\d{3})+|\d+")
_WORD_SEP = re.compile(r"[\s-]+")
_DIGITS_RE = re.compile(DIGITS)
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=4096)
def word_to_int(text: str) -> int | None:
    """'Sixty-six' -> 66, 'one hundred and five' -> 105, '1,428' -> 1428; None if unreadable."""
    t = text.strip().lower()
    if _INT_RE.fullmatch(t):
        digits = t.replace(",", "")
        return int(digits) if len(digits) <= 15 else None  # no count has 16 digits
    total, current = 0, 0
    for tok in _WORD_SEP.split(t):
        if tok == "and":
            continue
        if tok in UNITS:
            current += UNITS[tok]
        elif tok in TENS:
            current += TENS[tok]
        elif tok == "hundred":
            current = max(current, 1) * 100
        elif tok == "thousand":
            total += max(current, 1) * 1000
            current = 0
        else:
            return None
    return total + current


def number_value(text: str) -> float | None:
    """'582.18' -> 582.18, '1,428' -> 1428.0, 'five' -> 5.0."""
    t = text.strip()
    if _DIGITS_RE.fullmatch(t):
        return float(t.replace(",", ""))
    n = word_to_int(t)
    return None if n is None else float(n)


@lru_cache(maxsize=4096)
def magnitude_value(text: str) -> float | None:
    """'4 billion 280 million' -> 4.28e9, '1.06 trillion' -> 1.06e12, '530' -> 530.0."""
    parts = list(_MAG_RE.finditer(text))
    if not parts:
        return number_value(text)
    total = 0.0
    for m in parts:
        n = number_value(m.group("n"))
        if n is None:
            return None
        total += n * SCALE_VALUES[m.group("s").strip(" \t-").lower()]
    return total


@lru_cache(maxsize=1024)
def _currency(pre: str | None, post: str | None) -> str | None:
    if pre:
        key = _SPACES.sub(" ", pre.lower())
        return PRE_CURRENCY.get(key) or PRE_CURRENCY.get(key.replace(" ", ""))
    if post:
        return POST_CURRENCY.get(_SPACES.sub(" ", post.lower()))
    return None


def qualifier(before: str) -> tuple[bool, str | None]:
    """Text just before an amount -> (approximate, 'lower'|'upper'|'about'|None)."""
    words = before[-40:].split()
    if not words or words[-1].lower() not in _QUAL_LAST:
        return False, None
    if (
        words[-1].lower() == "of"
        and plain(before)
        and not (len(words) > 1 and words[-2].lower().endswith(("total", "excess", "upwards")))
    ):
        return False, None  # 'of' ends only 'a total of', 'in excess of', 'upwards of'
    m = QUAL_BEFORE.search(before[-40:])
    if not m:
        return False, None
    q = m.group("q").lower()
    return True, "lower" if q in _LOWER_SET else "upper" if q in _UPPER_SET else "about"


_PRE_BEFORE = re.compile(rf"(?:{PRE_CUR})\s?$", re.IGNORECASE)
_PRE_LAST = PRE_LAST  # last characters of PRE_CUR: its cheap pre-check
# Where a number starts; `cue` is set when a scale or currency word may follow (a superset of
# what AMOUNT_RE can add after digits): a bare number without it is never an amount.
# (the digit comes first so that the regex engine can skip to digits quickly)
_DIGIT_START = re.compile(rf"\d(?<![\d.,]\d)(?:(?=[\d.,]*(?:\s*[tbmk]|-|\s+(?:{_POST})))(?P<cue>)|)", re.IGNORECASE)
_SCALE_WORD = re.compile(r"(?:tr|b|m)illion\b", re.IGNORECASE)
_WORD_NUM_BEFORE = re.compile(rf"\b{WORD_NUM}\s*$", re.IGNORECASE)
_NUMBER_WORDS = frozenset(list(UNITS) + list(TENS) + ["hundred", "thousand"])
_NUMBER_WORD_LIST = tuple(sorted(_NUMBER_WORDS))
_NUMBER_WORD_FAST = word_finder(_NUMBER_WORD_LIST)  # a number word alone, in " " + lower


def _word_amount_starts(sentence: str) -> list[int]:
    """Starts of spelled-out amounts ('two billion yuan'), found from the scale word back."""
    starts = []
    for sc in _SCALE_WORD.finditer(sentence):
        before = sentence[max(0, sc.start() - 40) : sc.start()]
        words = before.rsplit(None, 1)
        if words and words[-1].lower().split("-")[-1] in _NUMBER_WORDS:
            m = _WORD_NUM_BEFORE.search(before)
            if m:
                starts.append(sc.start() - len(before) + m.start())
    return starts


def _candidates(sentence: str):
    """AMOUNT_RE matches, tried only where a number starts (a whole-sentence finditer over
    this pattern costs ~100 us a sentence; anchoring on digits makes it a few)."""
    starts = []
    for d in _DIGIT_START.finditer(sentence):
        i = d.start()
        if not _PRE_LAST.isdisjoint(sentence[max(0, i - 3) : i]):
            pre = _PRE_BEFORE.search(sentence, max(0, i - 8), i)
            if pre:
                starts.append(pre.start())
                continue
        if d.group("cue") is not None:
            starts.append(i)
    if "illion" in sentence and _NUMBER_WORD_FAST.search(" " + sentence.lower()):
        starts += _word_amount_starts(sentence)
        starts.sort()
    last_end = -1
    for i in starts:
        if i < last_end:
            continue
        m = AMOUNT_RE.match(sentence, i)
        if m and m.end() > i:
            last_end = m.end()
            yield m


@lru_cache(maxsize=4096)
def _scaled(num: str) -> bool:
    return _MAG_RE.search(num) is not None


_BORROW_GAP = re.compile(r"\s*(?:,|and|to|or|-|–|—)?\s*(?:and\s+)?")


# a sign or an exponent right before a money figure (a dash after a digit is a range: 5-10)
_NOT_A_QUANTITY = re.compile(r"(?:(?<![\d.])[-−]|\bminus|\bnegative|\d[eE][+-]?)\s*\$?\s*$", re.IGNORECASE)


# 'eight billion-yuan-level projects': the number counts projects of a size class, whose
# value is the hyphenated scale word alone ('hundred-million-yuan-level': 100 million)
_CLASS_SCALE = re.compile(r"\S\s+(?P<s>(?:(?:hundred|ten)[\s-])?(?:m|b|tr)illion)$", re.IGNORECASE)
_CLASS_AFTER = re.compile(r"-(?:level|class|grade)\b", re.IGNORECASE)
_CLASS_VALUE = {"million": 1e6, "billion": 1e9, "trillion": 1e12}


def _size_class(sentence: str, m: re.Match) -> Amount | None:
    """The size class of 'N billion-yuan-level projects' (N being the projects' count)."""
    if not (m.group("post") and sentence[m.start("post") - 1] == "-" and _CLASS_AFTER.match(sentence, m.end())):
        return None
    c = _CLASS_SCALE.search(m.group("num"))
    if not c:
        return None
    words = re.split(r"[\s-]", c.group("s").lower())
    value = _CLASS_VALUE[words[-1]] * (100 if words[0] == "hundred" else 10 if words[0] == "ten" else 1)
    return Amount(m.start("num") + c.start("s"), m.end(), value, _currency(None, m.group("post")), size_class=True)


# 'Among all projects, 16 are billion-yuan projects': a size class with no number before it
_BARE_CLASS = re.compile(
    r"(?<![\w.,$-])(?P<s>(?:(?:ten|hundred)-)?(?:m|b)illion)-yuan(?=(?:-(?:level|class|grade))?\s+(?:projects?|ones)\b)",
    re.IGNORECASE,
)


def _bare_classes(sentence: str, found: list[Amount]) -> list[Amount]:
    """found plus the bare size classes of the sentence not inside an amount found."""
    out = list(found)
    for c in _BARE_CLASS.finditer(sentence):
        words = c.group("s").lower().split("-")
        if any(a.start <= c.start() < a.end for a in found) or (
            len(words) == 1 and _WORD_OR_DIGIT_BEFORE.search(sentence, 0, c.start())
        ):  # '3 billion-yuan projects' may be a sum; '11 hundred-million-yuan projects' is not
            continue
        value = _CLASS_VALUE[words[-1]] * (100 if words[0] == "hundred" else 10 if words[0] == "ten" else 1)
        out.append(Amount(c.start(), c.end(), value, "CNY", False, None, size_class=True))
    return sorted(out, key=lambda a: a.start)


# a lower-case word after 'won' other than a preposition or a conjunction: 'won approval', 'won the bid'
_WORD_AFTER = re.compile(
    r"\s+(?!(?:in|into|for|of|to|from|at|on|by|with|and|or|as|over|under|per|each|worth|while|but|was|were|is|are|will|"
    r"has|have|had|last|this|next)\b)[a-z]"
)
_WORD_OR_DIGIT_BEFORE = re.compile(rf"(?:\d|\b{WORD_NUM})\s+$", re.IGNORECASE)


def find_amounts(sentence: str) -> list[Amount]:
    """Every money expression of a sentence, in order. A bare scaled number ("5 billion")
    borrows the currency of the next amount when only 'and'/'to'/','/'-' lie between
    ("between 5 billion and 10 billion yuan"); other currency-less numbers are dropped."""
    found: list[Amount] = []
    for m in _candidates(sentence):
        pre, post, num = m.group("pre"), m.group("post"), m.group("num")
        if not (pre or post or _scaled(num)) or (
            post
            and not pre
            and post.lower() in SCALED_ONLY
            and (not _scaled(num) or _WORD_AFTER.match(sentence, m.end()))
        ):
            continue  # ('12 won', 'another 10 billion won approval': a verb, not Korean won)
        if not pre and post:
            sized = _size_class(sentence, m)
            if sized:
                found.append(sized)
                continue
        value = magnitude_value(num)
        if value is None or value <= 0 or _NOT_A_QUANTITY.search(sentence, max(0, m.start("num") - 8), m.start("num")):
            continue  # "-5 billion", "minus 5 billion", "1.5e3 billion": no amount
        start = m.start()
        approx, bound = qualifier(sentence[max(0, start - 40) : start])
        found.append(Amount(start, m.end(), value, _currency(pre, post), approx, bound))
    if "illion-yuan" in sentence:
        found = _bare_classes(sentence, found)
    if not found:
        return found
    found = _list_heads(sentence, found)
    if "projects" in sentence and any(a.currency is None for a in found):
        yuan_bands(sentence, found)  # 'projects ranging from 50 million to 100 million'
    for i in range(len(found) - 1, -1, -1):
        a = found[i]
        if a.currency is None and i + 1 < len(found):
            gap = sentence[a.end : found[i + 1].start]
            if _BORROW_GAP.fullmatch(gap) and found[i + 1].currency:
                a.currency = found[i + 1].currency
    return [a for a in earlier_currency(sentence, found) if a.currency]


_LIST_HEAD_RE = re.compile(
    rf"(?P<list>(?:(?<![\w.,$])(?:{DIGITS})\s*,\s*)*(?<![\w.,$])(?:{DIGITS})\s*,?\s*(?:and|or|to|-|–)\s*)$",
    re.IGNORECASE,
)


def _may_list_head(before: str) -> bool:
    """False only when _LIST_HEAD_RE cannot match: before must end '<digit> [,] and|or|to|-|–'."""
    t = before.rstrip()
    for conj in ("and", "or", "to", "-", "–"):
        if t[-len(conj) :].lower() == conj:
            t = t[: -len(conj)].rstrip()
            if t.endswith(","):
                t = t[:-1].rstrip()
            return t[-1:].isdecimal()
    return False


_YEAR = re.compile(r"(?:19|20)\d\d")
_COUNT_NOUN_BEFORE = re.compile(r"\b(?:projects|deals|contracts|agreements)\s*$", re.I)
# 'X projects accounted for 15 and 14.9 billion yuan', '... and Y projects for 9 and 18.2 billion'
_COUNT_VERB_BEFORE = re.compile(
    r"\b(?:projects|deals)\s+(?:[^\W\d]+\s+){0,2}?(?:accounted\s+for|accounting\s+for|accounts\s+for|"
    r"numbered|numbering|for)\s*$",
    re.I,
)


def _list_heads(sentence: str, found: list[Amount]) -> list[Amount]:
    """'12.5, 7.2 and 3.1 billion yuan': the bare heads take the last item's scale and
    currency ('between 5 and 10 billion yuan' likewise)."""
    out: list[Amount] = []
    for a in found:
        before = sentence[max(0, a.start - 80) : a.start]
        m = _LIST_HEAD_RE.search(before) if _may_list_head(before) else None
        if m and (_COUNT_NOUN_BEFORE.search(before, 0, m.start()) or _COUNT_VERB_BEFORE.search(before, 0, m.start())):
            m = None  # 'above projects 19, and 500 million yuan ...': 19 counts projects
        mags = list(_MAG_RE.finditer(sentence, a.start, a.end)) if m else ()
        if m and len(mags) == 1:
            scale = SCALE_VALUES[mags[0].group("s").strip(" \t-").lower()]
            base = a.start - len(m.group("list"))
            for d in _DIGITS_RE.finditer(m.group("list")):
                v = float(d.group(0).replace(",", ""))
                if _YEAR.fullmatch(d.group(0)):
                    break
                approx, bound = qualifier(sentence[: base + d.start()])
                out.append(Amount(base + d.start(), base + d.end(), v * scale, a.currency, approx, bound))
        out.append(a)
    return out
