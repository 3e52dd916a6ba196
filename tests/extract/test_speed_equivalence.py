"""The speed rewrites of the extraction rules give what the patterns they replace give, on the
stress articles' sentences (bench/same_output.py checks the whole output; these pin each piece)."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import polars as pl

from flows.core.extract import batch, event, event_names, places
from flows.core.extract.en import counts, cues, fast, glued, numbers, other_figures, repair, table_rows
from flows.core.extract.zh import count_sector, events, labels, money_find, place_lists, rows, sentence_gate
from flows.core.ingest.read import decode_bytes
from flows.core.model import CohortMention

STRESS = Path(__file__).resolve().parent.parent / "data" / "stress"


def _lines(lang: str) -> list[str]:
    out = []
    for path in sorted((STRESS / lang).glob("*.txt")):
        out += [x for x in re.split(r"[\n。]", decode_bytes(path.read_bytes())) if x.strip()]
    return out + ["工 3个", "约十个", "5 亿元", "3美元", "Nov 24, 2021 x", "a12021-01-01", "x 24 November 2021"]


def test_need_and_maybe_are_their_patterns():
    for s in _lines("zh"):
        assert sentence_gate._need(s) == bool(sentence_gate._NEED.search(s)), s
        assert sentence_gate._maybe(s) == bool(sentence_gate._MAYBE.search(s)), s


def _money_matches_by_finditer(s: str, windows: list[tuple[int, int]]) -> list[tuple[int, int]]:
    found = []
    for lo, hi in windows:
        for run in money_find._MONEY_RUN.finditer(s, lo, hi):
            for m in money_find.MONEY_RE.finditer(s, run.start(), hi):
                if m.start() >= run.end():
                    break
                found.append(m.span())
    return found


def test_money_matches_as_finditer():
    for s in _lines("zh"):
        windows = money_find.windows(s)
        assert [m.span() for m in money_find.money_matches(s, windows)] == _money_matches_by_finditer(s, windows), s


def test_full_date_as_search():
    for s in _lines("zh") + _lines("en"):
        a, b = event._FULL_DATE.search(s), event._full_date(s)
        assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups())), s


def test_after_event_as_last_match():
    for s in _lines("zh"):
        last = None
        for last in events.EVENT_NAME.finditer(s):  # noqa: B007
            pass
        assert events.after_event(s) == (s[last.end() :] if last else None), s


_EN_EXTRA = [
    "ab1",
    "abcproject",
    "Abcproject",
    "keydeals",
    "5billion",
    "a 1st",
    "twenty-one",
    "Forty two",
    "someone",
    "one hundred and five",
    "ſix projects",
    "no. 3 and four",
    "(five",
    "$two",
]


def test_glued_is_any_glue():
    for s in _lines("en") + _EN_EXTRA:
        assert fast.glued(s) == (repair._ANY_GLUE.search(s) is not None), s


def test_word_number_matches_as_finditer():
    for s in _lines("en") + _EN_EXTRA + [x.upper() for x in _lines("en")[:300]]:
        got = [
            (m.span(), m.group(0)) for m in cues.word_number_matches(counts.WORD_TOKEN_RE, s, numbers._NUMBER_WORD_FAST)
        ]
        assert got == [(m.span(), m.group(0)) for m in counts.WORD_TOKEN_RE.finditer(s)], s


def test_venue_word_as_its_boundary_pattern():
    slow = re.compile(
        r"held|hosted|organi[sz]ed|took place|opened|kicked off|staged|convened|venue|"
        r"\bran\b|closed|举行|举办|召开|开幕|闭幕|启动"
    )
    for s in _lines("en") + _EN_EXTRA + ["ran", "aran", "rand", "x ran.", "在上海举行", "迷ran"]:
        a, b = slow.search(s), event._VENUE_WORD.search(s)
        assert (a and a.span()) == (b and b.span()), s


def _find_en_token_by_token(text: str) -> list:
    """places._find_en as it was: every token's lower case looked up as it comes."""
    _, en = places._indexes()
    first_words = places._en_first_words()
    tokens = [(m.start(), m.end()) for m in places._EN_TOKEN.finditer(text)]
    hits = []
    j = 0
    while j < len(tokens):
        matched = False
        most = first_words.get(text[tokens[j][0] : tokens[j][1]].lower().replace("’", "'"), 0)
        for width in range(min(most, len(tokens) - j), 0, -1):
            span = tokens[j : j + width]
            if any(text[a[1] : b[0]] != " " for a, b in zip(span, span[1:])):
                continue
            start, end = span[0][0], span[-1][1]
            cands = en.get(places._en_key(text[start:end]))
            if not cands or places._EN_NOT_PLACE_AFTER.match(text, end):
                continue
            cands = places._en_county_filter(text, end, cands)
            if cands:
                hits.append((start, end, cands))
                j += width
                matched = True
                break
        if not matched:
            j += 1
    return places._resolve(hits)


def test_find_en_as_token_by_token():
    extra = ["İstanbul and Beijing’s Xi’an, Suzhou, Jiangsu", "Held in Taizhou City, Zhejiang Province"]
    for s in _lines("en") + _EN_EXTRA + extra:
        assert places._find_en(s) == _find_en_token_by_token(s), s


def test_en_keyword_scan_as_any():
    for s in _lines("en") + _EN_EXTRA:
        assert bool(event_names._EN_KEYWORD_RE.search(s)) == any(k in s for k in event_names._EN_KEYWORDS), s


def test_place_at_as_replace():
    for cands in list(places._indexes()[0].values()) + list(places._indexes()[1].values()):
        for p in cands:
            assert places._at(p, 3, 9) == replace(p, start=3, end=9)


def test_typo_cue_scan_as_any():
    for s in _lines("en") + _EN_EXTRA + ["5 biilion", "3 milon yuan", "milion"]:
        assert bool(repair._TYPO_CUE.search(s)) == any(t in s for t in repair._TYPO_CUES), s


def test_langs_as_the_batch_expression():
    texts = [p.read_bytes().decode("utf-8", "replace") for p in sorted(STRESS.glob("*/*.txt"))]
    texts += ["", "abc", "中", "中 abcdef", "中 abcdefg", "中文" + "x" * 11, "中文" + "x" * 13, "x" * 2000 + "中"]
    col = pl.Series("text", texts, dtype=pl.String)
    sample = pl.col("text").str.slice(0, batch.LANG_SAMPLE)
    han, latin = sample.str.count_matches(batch.HAN_CLASS), sample.str.count_matches(batch.LATIN_CLASS)
    expr = pl.when((han > 0) & (han * 3 >= latin * 0.5)).then(pl.lit("zh")).otherwise(pl.lit("en"))
    assert batch._langs(col) == pl.DataFrame([col]).select(expr.alias("lang"))["lang"].to_list()


def test_normalized_as_the_series_expression():
    texts = [p.read_bytes().decode("utf-8", "replace") for p in sorted(STRESS.glob("*/*.txt"))]
    for batch_texts in (
        texts,
        [t for t in texts if t.isascii()],
        ["a\u00a0b", "x", "ｆｕｌｌ\u3000width", "ﬁ"],
        ["plain", "ａｓｃｉｉ", "x", "全角\u3000空格", "y"],  # mixed: ASCII rows among non-ASCII ones
    ):
        slow = pl.Series("text", batch_texts, dtype=pl.String).str.normalize("NFKC")
        assert batch._normalized(batch_texts).equals(slow.str.replace_all("[\u3000\u00a0]", " "))


def _round_sector_as_it_was(s: str, start: int) -> str | None:
    """count_sector._round_sector before its pre-check on the round words and its scan's start."""
    if not any(s.find(w, 0, start) >= 0 for w in ("仪式", "活动", "推介会")):
        return None
    m = None
    for m in count_sector._ROUND.finditer(s, 0, start):  # noqa: B007
        pass
    if m is None or count_sector.generic_only(m.group("field")):
        return None
    return count_sector.sector_of(m.group("field"))


_ROUND_EXTRA = [
    "文化旅游重点项目集中开工仪式,集中开工8个重点项目",
    "生物医药产业推介会上,签约3个项目",
    "数字经济重大项目集中开复工活动,新能源汽车项目集中签约仪式,开工仪式,签约5个项目",
    "举行新材料产业招商推介会。",
    "先进制造业重点项目集中竣工活动 \n",
    "一二三四五六七八九十一二三四五六七八九十新能源产业投资推介会",
    "举办活动",
    "仪式",
]


def test_round_sector_as_it_was():
    for s in _lines("zh") + _ROUND_EXTRA:
        for start in [*range(0, len(s) + 1, 3), len(s)]:
            assert count_sector._round_sector(s, start) == _round_sector_as_it_was(s, start), (s, start)
            matched = any(True for _ in count_sector._ROUND.finditer(s, 0, start))
            if matched:  # a match holds one of the round words in s[:start]
                assert any(s.find(w, 0, start) >= 0 for w in count_sector._ROUND_WORDS), s


def test_round_end_precheck():
    for s in _lines("zh") + _ROUND_EXTRA + [x + "\n" for x in _ROUND_EXTRA] + [x + "。" for x in _ROUND_EXTRA]:
        if count_sector._ROUND_END.match(s):
            assert any(w in s[-8:] for w in count_sector._ROUND_END_WORDS), s


def _rows_texts() -> list[str]:
    return _lines("zh") + [
        "基础设施类正式项目68项,预备项目6项",
        "正式项目5个,预备项目3个,预备项目2个",
        "签约24个项目,协议总投资9亿元",
    ]


def test_rows_number_checks_as_per_call_patterns():
    for s in _rows_texts():
        if not re.search(r"\d\s*[个项宗],\s*(?:协议|合同|签约|预备|储备|前期)", s):
            continue  # (neither pattern can match: nothing to compare)
        numbers = {int(x) for x in re.findall(r"\d+", s)} | {1, 2}
        for n in numbers:
            m = CohortMention(project_count=n, evidence=s)
            old = re.search(rf"(?<![\d.]){n}\s*[个项宗],\s*(?:协议|合同|签约)", s) is not None
            assert old == any(int(a) == n for a in rows._COUNT_THEN_DEAL.findall(s)), (s, n)
            for k in numbers:
                was = re.search(rf"(?<!\d){k}\s*[个项],\s*(?:预备|储备|前期)项目\s*{n}\s*[个项]", s) is not None
                assert was == rows._status_part(k, m), (s, k, n)


_PLACE_EXTRA = [
    "甲县、乙县、丙区新开工项目各4个,总投资10亿元",
    ",东城、西城各 12 项",
    "各县区开工项目数分别为:埇桥区24个,萧县17个,砀山5个",
    "开工项目依次为:城关24个、河西17个",
    "各3个",
    "甲、乙各十个。",
]


def test_place_lists_prechecks():
    for s in _lines("zh") + _PLACE_EXTRA:
        was = [m for m in place_lists._EACH.finditer(s) if not place_lists._NOT_PLACE.search(m.group("places"))]
        assert [m.span() for m in place_lists.each_counts(s)] == [m.span() for m in was], s
        for start in range(0, len(s) + 1, 2):
            old = any(h.end() <= start for h in place_lists._HEAD.finditer(s, 0, start))
            assert place_lists._head_before(s, start) == old, (s, start)


_GLUED_EXTRA = [
    "a total investment of 27.5 billion yuan.There are 49 industrial projects",
    "23.6 billion yuan.8 projects worth more than 1 billion yuan",
    "in 2022.Sixty-eight projects",
    "the U.S.A. and e.g.Some No.5 www.gov.cn",
    "abc.1,2.3 x",
    "ab.Cd",
    "xyz.",
    ".Ab",
    "12.Ab 3.4 abc.D",
    "[1] - Notes. [12]",
]


def test_glued_and_footnote_as_the_patterns_they_replace():
    slow = re.compile(r"(?<=[a-z]{3})\.(?=[A-Z][a-z]|\d[\d,.]*\s+[a-z])|(?<=\d)\.(?=[A-Z][a-z])")
    for s in _lines("en") + _EN_EXTRA + _GLUED_EXTRA:
        assert glued._GLUED.split(s) == slow.split(s), s
        if "[" not in s:
            assert repair._FOOTNOTE_BREAK.split(s) == [s], s


def test_zh_lexicon_patterns_as_flat_alternations():
    for pattern, table in (labels._sectors(), labels._stages()):
        flat = re.compile("|".join(re.escape(t) for t in sorted(table, key=len, reverse=True)))
        terms = sorted(table)
        for s in _lines("zh") + terms + ["".join(terms[i : i + 3]) for i in range(0, len(terms), 2)]:
            assert [(m.span(), m.group()) for m in pattern.finditer(s)] == [
                (m.span(), m.group()) for m in flat.finditer(s)
            ], s
            for pos in range(0, len(s), 5):
                a, b = pattern.match(s, pos), flat.match(s, pos)
                assert (a and a.span()) == (b and b.span()), (s, pos)


def test_table_rows_hint_keeps_every_table():
    extra = [
        "Investment 100-500 million yuan project 498, 500 million-1 billion yuan project 121, "
        "more than 1 billion yuan project 117",
        "1-5 billion yuan PROJECT 3; over 5 billion yuan Project\t2.",
        "project 5 and project  6",
    ]
    for s in _lines("en") + _EN_EXTRA + extra:
        rows = len(list(table_rows._ROW.finditer(s)))
        assert rows <= len(table_rows._ROW_HINT.findall(s)), s


def test_other_figure_item_precheck():
    extra = ["the funds were ", "it was about  ", "X IS AROUND\n", "and the total waſ ", "sales are nearly \n"]
    for s in _lines("en") + _EN_EXTRA + extra:
        for clause in {s, s + " ", s[-90:] + " ", *(s[: i + 1] for i in range(len(s)) if s[i] == " ")}:
            if other_figures._ITEM.search(clause):
                assert clause[-1:].isspace() and clause.rstrip()[-1:] in other_figures._ITEM_LAST, clause
