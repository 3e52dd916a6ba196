"""Project counts in English sentences: "84 projects", "Sixty-six new energy projects",
"a total of 1,428 major projects", "came to 66", "numbered 81", "the other 26 were ...",
"identified 220,", "10, 20 and 30 projects", "41 were foreign-funded projects", "the number of
contracted projects was 1,259", "a dozen projects", machine-translated "biomedicine projects 8,
total investment ..." and list items whose noun is gapped ("Among them, 6 are on
infrastructure, 25 on industry", "11 signed Monday and two earlier"). Counts of industries, countries,
cities, guests, years, dates, ordinals, percentages and differences ("23 more than last
year") are refused.
"""

from __future__ import annotations

import re
from functools import lru_cache

from flows.core.extract.en.count_lists import GAP_CONTEXT, LIST_GAP, PROJECT_WORD, Count, gapped_counts, listed_counts
from flows.core.extract.en.count_refusals import COMPARED, MORE_PROJECTS, not_a_group
from flows.core.extract.en.cues import OTHER_UNITS, may_end_with, word_finder, word_number_matches
from flows.core.extract.en.firm_counts import firm_counts
from flows.core.extract.en.labels import sector_in
from flows.core.extract.en.numbers import _NUMBER_WORD_FAST as _NUMBER_START
from flows.core.extract.en.numbers import WORD_NUM, word_to_int
from flows.core.extract.en.participle_items import participle_item_counts
from flows.core.extract.en.place_items import field_item_counts, partitive_counts, place_item_counts
from flows.core.lexicon import load

_INT = r"(?:\d{1,3}(?:,\d{3})+|\d+)"
_TOKEN_END = r"(?![\w%]|\.\d|,\d|\s*\+)"
# = (?<![\w.,$¥€£/+-]){_INT}{_TOKEN_END}, its first digit read first: the regex engine skips to digits
DIGIT_TOKEN_RE = re.compile(rf"\d(?<![\w.,$¥€£/+-]\d)(?:\d{{0,2}}(?:,\d{{3}})+|\d*){_TOKEN_END}")
WORD_TOKEN_RE = re.compile(rf"(?<![\w.,$¥€£/+-])\b{WORD_NUM}\b{_TOKEN_END}", re.IGNORECASE)
NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety "
    "hundred".split()
)
# a number word standing alone among the letters of the lower-cased sentence
_NUMBER_WORD_LIST = tuple(sorted(NUMBER_WORDS))
_NUMBER_WORD = re.compile(rf"(?<![a-z])(?:{'|'.join(_NUMBER_WORD_LIST)})(?![a-z])")
_NUMBER_WORD_FAST = word_finder(_NUMBER_WORD_LIST)  # = _NUMBER_WORD.search(low), on " " + low
# 'over 10-million-yuan' before 'projects' is one size-class adjective, not the stop word 'over'
_OVER_CLASS_WORD = r"(?:over|above)\s+\d[\d.,]*-(?:million|billion)-yuan"
_GAP_TOKENS = re.compile(rf"{_OVER_CLASS_WORD}|\"[^\"]*\"|“[^”]*”|[\w'’\-]+", re.I)
_YEAR = re.compile(r"\d{4}")
_PROJECTS_NEXT = re.compile(r"\s+(?:projects|deals|contracts)\b", re.I)
_YEAR_COUNT_BEFORE = re.compile(
    r"\b(?:total\s+of|totall?ing|altogether|are|were|includ(?:es|ing|ed)|cover(?:s|ing|ed))\s+$", re.I
)


def _year_count(sentence: str, start: int, end: int) -> bool:
    """A year-like number that counts: 'a total of 1996 projects' (never 'in 2019 projects')."""
    return bool(_PROJECTS_NEXT.match(sentence, end) and _YEAR_COUNT_BEFORE.search(sentence, max(0, start - 20), start))


_BAD_LAST = frozenset("pPoOfFnNyYbBrRhHlLeEgGtTvVcC#(.")  # last characters _BAD_BEFORE can end on
_UNIT = (
    r"(?P<unit>project\s+(?:outcomes|results|contracts|agreements|deals)|projects?|mega-?projects|deals|"
    rf"contracts|agreements|ones|{OTHER_UNITS})\b"
)
_GAP_WORD = rf"(?:{_OVER_CLASS_WORD}|[A-Za-z][\w'’\-]*|\d[\d.,]*-[A-Za-z][\w\-]*-(?:level|class|above|over)|\"[^\"]{{1,40}}\"|“[^”]{{1,40}}”)"
# ('30-odd projects', '40-plus deals': a round count and more)
NOUN_RE = re.compile(
    rf"(?:-odd|-plus)?\s+(?:of\s+(?:the|these|those)\s+)?(?P<gap>(?:{_GAP_WORD}\s+){{0,7}}?){_UNIT}", re.I
)
# words that cannot sit between a number and "projects" in one noun phrase
GAP_STOP = frozenset(
    "in on at from to for with by across than over under into through since during "
    "including among about of the a an are were is was be been have has had will would more "
    "fewer less additional per each percent times years industries countries cities "
    "provinces enterprises companies sectors fields areas regions counties districts guests "
    "people firms sides parties that which who this these those their its our they them "
    "groups investors businesses partners delegations institutions organizations banks".split()
)
_PREDICATE_BEFORE = re.compile(
    r"\b(?:numbered|number|numbering|came to|come to|reached|reaching|totaled|totalled|"
    r"totaling|totalling|stood at|stands? at|hit|amounted to|accounts? for|accounted for|make up|makes up|made up)"
    r"\s+(?:a total of\s+)?$",
    re.I,
)
# 'the number of contracted projects was 1,259'
_NUMBER_OF_WAS = re.compile(  # ... 'this brings the number of key projects in 2022 to 2,000'
    r"\b(?:brings?|brought|bringing|rais(?:es|ed|ing|e))\s+the\s+(?:total\s+)?number\s+of\s+[^,;.]{0,40}?projects\b[^,;.]{0,30}?\s+to\s+$|"
    r"\bnumber\s+of\s+(?:[\w'’-]+\s+){0,3}?(?:projects|deals|contracts|agreements)\s+"
    r"(?:(?:\w+\s+){0,3}?|(?:each\s+)?(?:of|with|above|over)\s+[^,;]{1,100}?\s)"  # '... of more than 1 billion yuan'
    r"(?:was|were|is|stood\s+at|stands?\s+at|reach(?:ed|es)?|came\s+to|totall?ed|hit|"
    r"(?:increased|rose|risen|grew|grown|climbed|jumped)\s+(?:(?:from|by)\s+[^,;]{1,30}?\s+)?to)\s+$",
    re.I,
)
_ELLIPTIC_BEFORE = re.compile(r"(?:^|[,;:]|\band|\bwhile|\bwhereas|\bwhich|\bother|\banother|\bremaining)\s*$", re.I)
_ELLIPTIC_AFTER = re.compile(r"\s+(?:of\s+(?:them|these|which)\s+)?(?:are|were|was|is|have\s+been|had\s+been)\b", re.I)
# a sentence opening on the group before, and a count whose predicate is a size band
_BAND_ANAPHOR = re.compile(r"\s*(?:among|of)\s+(?:them|these|those|which)\s*,\s*$", re.I)
_BAND_AFTER = re.compile(
    r"\s+(?:are|were)\s+(?:each\s+|all\s+)?(?:worth|valued\s+at|above|over|more\s+than|in\s+excess\s+of|"
    r"at\s+least|no\s+less\s+than|exceeding|between)\b",
    re.I,
)
_ELLIPTIC_WORDS = ("and", "while", "whereas", "which", "other", "remaining")
# what a predicate's number counts when it is not projects
_OTHER_NOUN = re.compile(
    r"\s+(?:people|persons|person-times|visitors|participants|guests|exhibitors|enterprises|companies|firms|"
    r"delegates|representatives|specialists|experts|buyers|purchasers|countries|regions|booths|jobs|times)\b",
    re.I,
)
_VERB_AFTER = re.compile(r"\s*(?:[,;.]|$|\s+(?:in\s+total|in\s+all|altogether)\b)")
# machine-translated tables: "biomedicine projects 8, total investment 11.2 billion yuan"
# and portal tables: "Power battery projects: 11, with an investment of ..."
_POST_NOUN_BEFORE = re.compile(r"\b(?:projects|the\s+project)(?:\s*:|,)?\s+$", re.I)  # MT: "the project 133, ..."
# '... accounted for 15, and vehicle projects for 9': the verb left out of the second item
_FOR_GAPPED = re.compile(r"\baccount(?:ed|s|ing)?\s+for\b.*\bprojects\s+for\s+$", re.I | re.S)
_OF_THEM = re.compile(r"\s+of\s+(?:them|these|those|the\s+total|all)\b", re.I)
# ... with a copula: 'processing projects are 31, with investment of ...' (one figure, not
# 'the numbers of A and B projects were 14 and 9')
_POST_BE_BEFORE = re.compile(r"\bprojects\s+(?:are|were)\s+$", re.I)
_LIST_NEXT = re.compile(r"\s*(?:,\s*|\s+and\s+)\d")
# ... and after their size band: 'projects of 1 billion yuan or more 58, contract amount ...'
_POST_BAND_BEFORE = re.compile(
    r"\bprojects\s+(?:of|with|above|over)\s+[^,;]{1,40}?\b(?:and|or)\s+"
    r"(?:above|more|over)\s+$",
    re.I,
)
_POST_NOUN_AFTER = re.compile(r"\s*(?:[,;]|$|\.(?!\d)|\s+(?:with|in\s+total)\b)", re.I)
# "41 were foreign-funded projects"
ARE_PROJECTS = re.compile(r"\s+(?:are|were)\s+(?:[\w'’\-]+\s+){0,3}?projects\b", re.I)
_OTHER_BEFORE = re.compile(r"\b(?:the\s+other|another|the\s+remaining|the\s+rest\s+of\s+the)\s+$", re.I)
_MONTHS = (
    r"Jan|January|Feb|February|Mar|March|Apr|April|May|Jun|June|Jul|July|Aug|August|"
    r"Sep|Sept|September|Oct|October|Nov|November|Dec|December"
)
_BAD_BEFORE = re.compile(rf"(?:\b(?:top|No\.|no|(?<!\ba\s)number\s+of|{_MONTHS})|[#(])\s*$", re.I)


def _more_signed(sentence: str, end: int) -> bool:
    """'Seven more projects were signed online': N more projects, where the sentence compares
    with no earlier year ('9 more projects were signed than last year' is a difference;
    count_refusals' one spelling of each)."""
    return MORE_PROJECTS.match(sentence, end) is not None and not COMPARED.search(sentence)


_BAD_AFTER = re.compile(
    r"\s*(?:%|percent\b|per\s*cent\b|percentage\b|times\b|more\b|additional\b|fewer\b|less\b|"
    r"-year\b|years?\b|st\b|nd\b|rd\b|th\b|\)|(?:million|billion|trillion|mln|bln|bn)\b(?!-))",
    re.I,
)


# 'More than 40% (91 projects) of the assisted projects': a share's count in brackets
_SHARE_PAREN = re.compile(  # ... and 'About a quarter (31 projects) of them'
    r"(?:%|\bper\s*cent|\bpercent|\b(?:half|quarters?|thirds?|fifths?|tenths?)|\bmajority|\bmost)\s*\(\s*$", re.I
)
_DOZEN = re.compile(r"\b(?:half\s+a|an?|one|two|three|four|five)\s+dozen\b", re.I)
_DOZENS = {"half a": 6, "a": 12, "an": 12, "one": 12, "two": 24, "three": 36, "four": 48, "five": 60}


@lru_cache(maxsize=1)
def _verb_before() -> re.Pattern:
    """A stage verb right before a bare number: 'has identified 220,'."""
    terms = {r["term"].strip() for r in load("stages_en") if " " not in r["term"].strip()}
    alt = "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True))
    return re.compile(rf"\b(?:{alt})\s+(?:a\s+total\s+of\s+)?$", re.I)


_TRADE_WORDS = frozenset(("trade", "purchase", "purchasing", "procurement", "sales", "supply", "export", "import"))
# '5 strategic cooperation agreements and 17 projects were signed': framework agreements
_FRAMEWORK_WORDS = frozenset(("strategic", "framework"))
_FIELD_LIST_NOUN = re.compile(  # '284 commercial logistics, tourism, ... and new small towns projects'
    r"\s+(?:(?:[a-z][\w'’-]*\s+){0,3}?[a-z][\w'’-]*,\s+){1,6}(?:and|or)\s+(?:[a-z][\w'’-]*\s+){1,4}?projects\b"
)


def _noun(sentence: str, end: int, value: int) -> int | None:
    """End of 'N [adjectives] projects' after the number (MT '10 state enterprises project'), or None."""
    m = NOUN_RE.match(sentence, end)
    if not m:
        return _field_list_noun(sentence, end) if value > 1 and "," in sentence[end : end + 60] else None
    gap = _GAP_TOKENS.findall(m.group("gap"))
    if gap and gap[0].lower() in ("more", "additional") and _more_signed(sentence, end):
        gap = gap[1:]  # 'Seven more cooperation projects were signed'
    investor = bool(gap) and gap[-1].lower() in ("enterprises", "companies", "firms")
    if any(w.lower() in GAP_STOP for w in (gap[:-1] if investor else gap)):
        return None
    unit = m.group("unit").lower()
    if gap and unit.startswith("program") and not sector_in(" ".join(gap)):
        return None  # '12 training programs': only a bare or a field's ('tourism programs') counts
    if unit == "project" and value != 1 and not investor:
        return None
    if (
        gap
        and not unit.startswith("project")
        and any(w.lower() in _TRADE_WORDS or w.lower() in _FRAMEWORK_WORDS for w in gap)
    ):
        return None  # '15 trade agreements', '8 purchase contracts', '5 strategic cooperation agreements'
    return m.end()


def _field_list_noun(sentence: str, end: int) -> int | None:
    m = _FIELD_LIST_NOUN.match(sentence, end)
    words = _GAP_TOKENS.findall(sentence[end : m.end()])[:-1] if m else ["in"]
    return None if any(w.lower() in GAP_STOP and w.lower() not in ("and", "or") for w in words) else m.end()


_ELLIPTIC_WORD_END = re.compile(r"\b(?:and|while|whereas|which|other|another|remaining)$", re.I)


def _elliptic_before(before: str, at_start: bool) -> bool:
    """_ELLIPTIC_BEFORE.search(prefix), read off the prefix's tail `before` (`at_start`: the
    tail reaches back to the sentence start): the count opens the sentence or follows
    ',;:' or 'and', 'while', 'which', 'other', ... (the longest is 9 letters: a 10-character
    window keeps the word boundary before it)."""
    t = before.rstrip()
    if not t:
        return at_start
    return t[-1] in ",;:" or (may_end_with(t, _ELLIPTIC_WORDS) and _ELLIPTIC_WORD_END.search(t[-10:]) is not None)


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    for s, e in spans:
        if s <= pos < e:
            return True
    return False


def find_counts(sentence: str, taken: list[tuple[int, int]]) -> list[Count]:
    """Project counts of one sentence, in order; `taken` are spans already read as amounts."""
    tokens = _number_tokens(sentence, taken)
    counts: dict[int, Count] = {}
    first_pw = PROJECT_WORD.search(sentence) if tokens else None
    pw_end = first_pw.end() if first_pw else len(sentence) + 1  # 'projects' ends by here
    for i in range(len(tokens) - 1, -1, -1):  # last first: a list item reads the count after it
        count = _read_count(sentence, tokens, i, counts, pw_end)
        if count is not None:
            counts[i] = count
    listed_counts(sentence, tokens, counts)
    for i, start, end in partitive_counts(sentence, tokens, set(counts)) if len(counts) < len(tokens) else []:
        counts[i] = Count(start, end, tokens[i][2], "gapped")
    for i, start, end in firm_counts(sentence, tokens, set(counts)) if tokens and not counts else []:
        counts[i] = Count(start, end, tokens[i][2], "noun")
    gapped_counts(sentence, tokens, counts)
    if len(counts) < len(tokens) and (";" in sentence or "there " in sentence) and GAP_CONTEXT.search(sentence):
        items = place_item_counts(sentence, tokens, set(counts)) if ";" in sentence and counts else []
        for i, start, end in items or field_item_counts(sentence, tokens) or participle_item_counts(sentence, tokens):
            counts[i] = Count(start, end, tokens[i][2], "gapped")
    return [counts[i] for i in sorted(counts)]


def _number_tokens(sentence: str, taken: list[tuple[int, int]]) -> list[tuple[int, int, int, str]]:
    """(start, end, value, text) of every number of the sentence that may count projects:
    digits, number words and dozens, outside `taken` and not a year, a rank, a date, ..."""
    matches = list(DIGIT_TOKEN_RE.finditer(sentence))
    low = sentence.lower()
    if _NUMBER_WORD_FAST.search(" " + low):
        matches += word_number_matches(WORD_TOKEN_RE, sentence, _NUMBER_START)  # = its finditer
        matches.sort(key=lambda m: m.start())
    if "dozen" in low:  # 'a dozen projects', 'half a dozen deals'
        matches += _DOZEN.finditer(sentence)
        matches.sort(key=lambda m: m.start())
    tokens = []
    for m in matches:
        start, end = m.span()
        if _inside(start, taken):
            continue
        text = m.group(0)
        value = _DOZENS.get(" ".join(text.lower().split()[:-1])) if "dozen" in text.lower() else word_to_int(text)
        if value is None or value <= 0:
            continue
        if 1949 <= value <= 2049 and _YEAR.fullmatch(text) and not _year_count(sentence, start, end):
            continue  # a year ('a total of 1996 projects' is a count)
        before = sentence[max(0, start - 20) : start]
        tail = before.rstrip()[-1:]
        if (
            tail in _BAD_LAST
            and _BAD_BEFORE.search(before)
            and not (tail == "(" and (text[:1].isalpha() or _SHARE_PAREN.search(before)))
        ) or (_BAD_AFTER.match(sentence, end) and not _more_signed(sentence, end)):
            continue  # ('(eight with foreign capital)' is a count: a bracket only bars a numbering '(1)')
        tokens.append((start, end, value, text))
    return tokens


_OF_THE = (" of ", " of the ", " of this year's ", " of its ", " of their ")  # '184 of this year's 191 projects'
_ADJ_LIST_GAP = re.compile(r"\s+([A-Za-z][\w'’-]*)\s+(?:and|or)\s+", re.I)


def _before_next(sentence: str, tokens: list, i: int, counts: dict[int, Count]) -> Count | None:
    """Token i as a count read off the count after it: a list item ('10, 20 and 30 projects')
    or 'N of [the] M projects' ('construction started at 281 of 309 industrial projects',
    'Fifty-eight of the 115 agreements are ...': the M only frames the N, which takes its noun)."""
    start, end, value, _ = tokens[i]
    gap = sentence[end : tokens[i + 1][0]]
    if counts[i + 1].kind in ("noun", "list") and LIST_GAP.fullmatch(gap):
        return Count(start, end, value, "list")
    if counts[i + 1].kind == "noun" and gap in _OF_THE and value < counts[i + 1].value:
        return Count(start, counts.pop(i + 1).end, value, "noun")
    return None


def _read_count(sentence: str, tokens: list, i: int, counts: dict[int, Count], pw_end: int) -> Count | None:
    """Token i as a count (the counts after it read), or None; pw_end: where 'projects' first ends."""
    start, end, value, text = tokens[i]
    noun_end = _noun(sentence, end, value)
    if noun_end is not None:
        if not_a_group(sentence, start, noun_end):
            return None
        return Count(start, noun_end, value, "noun")
    listed = _before_next(sentence, tokens, i, counts) if i + 1 in counts else None
    if listed is not None:
        return listed
    if i + 1 in counts and counts[i + 1].kind == "noun" and " and " in sentence[end : tokens[i + 1][0]]:
        m = _ADJ_LIST_GAP.fullmatch(sentence, end, tokens[i + 1][0])
        if m and m.group(1).lower() not in GAP_STOP and not m.group(1).endswith("s"):
            return Count(start, end, value, "list")  # '9 foreign-funded and 37 domestic ones'
    if text.lower() == "one" and not _ELLIPTIC_AFTER.match(sentence, end):
        return None
    before = sentence[max(0, start - 120) : start]  # (every test below reads <= 120)
    if (
        _POST_NOUN_BEFORE.search(before[-12:])
        or (
            _POST_BE_BEFORE.search(before[-17:])
            and not _LIST_NEXT.match(sentence, end)
            and "number" not in before.lower()
        )
        or (before.endswith(("above ", "more ", "over ")) and _POST_BAND_BEFORE.search(before))
    ) and _POST_NOUN_AFTER.match(sentence, end):
        return Count(start, end, value, "noun", post=True)
    elliptic_before = _elliptic_before(before, start <= 80)
    if elliptic_before and ARE_PROJECTS.match(sentence, end):
        return Count(start, end, value, "elliptic")
    if pw_end > start and _BAND_ANAPHOR.match(sentence[:start]) and _BAND_AFTER.match(sentence, end):
        # 'Among them, 7 are each worth over 1 billion yuan.' (the projects of the sentence before)
        return Count(start, end, value, "elliptic")
    if pw_end > start and "agreements " in sentence[:start] and _OTHER_BEFORE.search(before[-30:]):
        return Count(start, end, value, "elliptic")  # 'nine agreements were signed ..., and the remaining 37 ...'
    if pw_end <= start:  # the next three need 'projects' before
        if (
            _PREDICATE_BEFORE.search(before[-40:])
            or ("number" in before[-120:].lower() and _NUMBER_OF_WAS.search(before[-120:]))
            or (before.endswith(" for ") and _FOR_GAPPED.search(sentence, 0, start))
        ):
            if _OTHER_NOUN.match(sentence, end):
                return None  # '... the number of specialists reached 6,800 people'
            of = _OF_THEM.match(sentence, end)  # 'accounted for 13 of them, with ...'
            return Count(start, of.end() if of else end, value, "predicate")
        if _OTHER_BEFORE.search(before[-30:]) or (elliptic_before and _ELLIPTIC_AFTER.match(sentence, end)):
            return Count(start, end, value, "elliptic")
    if before[-1:].isspace() and _verb_before().search(before[-40:]) and _VERB_AFTER.match(sentence, end):
        return Count(start, end, value, "verb")
    return None
