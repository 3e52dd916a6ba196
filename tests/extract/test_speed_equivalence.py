"""The speed rewrites of the extraction rules give what the patterns they replace give, on the
stress articles' sentences (bench/same_output.py checks the whole output; these pin each piece)."""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import replace
from pathlib import Path

import polars as pl

from flows.core.extract import batch, event, event_names, places
from flows.core.extract.en import (
    context,
    counts,
    cues,
    dropped_unit,
    fast,
    glued,
    not_investment,
    numbers,
    other_figures,
    repair,
    table_rows,
)
from flows.core.extract.zh import article as zh_article
from flows.core.extract.zh import (
    count_sector,
    events,
    labels,
    money_find,
    place_lists,
    rounds,
    rows,
    scan,
    sentence_gate,
    stage_frames,
)
from flows.core.extract.zh import counts as zh_counts
from flows.core.extract.zh import names as zh_names
from flows.core.extract.zh.fast import as_written, may_hold
from flows.core.ingest import language, sentences
from flows.core.ingest.read import decode_bytes
from flows.core.lexicon import load
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
    # the edges of HAN_CLASS in UTF-8 (E4 B8 80 .. E9 BF BF) and their neighbours, Latin-1 letters
    texts += [chr(c) + "ab" for c in (0x4DFF, 0x4E00, 0x4FFF, 0x5000, 0x9FFF, 0xA000, 0x3400, 0x4400, 0x20000)]
    texts += ["é" * 5 + "中", "ÀÉ中", "中" * 1499 + "abcdefgh", "中" + "\U0001f600" * 3 + "ab"]
    col = pl.Series("text", texts, dtype=pl.String)
    sample = pl.col("text").str.slice(0, language.LANG_SAMPLE)
    han, latin = sample.str.count_matches(language.HAN_CLASS), sample.str.count_matches(language.LATIN_CLASS)
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
        assert batch._normalized(batch_texts) == slow.str.replace_all("[\u3000\u00a0]", " ").to_list()


_ROUND_EXTRA = [
    "文化旅游重点项目集中开工仪式,集中开工8个重点项目",
    "生物医药产业推介会上,签约3个项目",
    "数字经济重大项目集中开复工活动,新能源汽车项目集中签约仪式,开工仪式,签约5个项目",
    "举行新材料产业招商推介会。",
    "先进制造业重点项目集中竣工活动 \n",
    "一二三四五六七八九十一二三四五六七八九十新能源产业投资推介会",
    "举办活动",
    "仪式",
    "在某市现代物流产业大湾区(香港)招商引资推介会上,促成12个项目",
    "某区现代农业项目与先进制造业项目集中签约活动举行",
]


def test_rounds_precheck_and_last_round():
    """zh.rounds: a sentence without a round's verb or word has no round; the last round ending
    by a figure's start is the last match of ROUND.finditer(s, 0, start)."""
    for s in _lines("zh") + _ROUND_EXTRA:
        got = [(m.start(), m.end()) for m in rounds.ROUND.finditer(s)]
        assert [(a, b) for a, b, _ in rounds.rounds(s)] == got, s
        for start in [i for i, c in enumerate(s) if c.isdigit()] + [len(s)]:
            last = None
            for last in rounds.ROUND.finditer(s, 0, start):  # noqa: B007
                pass
            r = rounds.last_round(s, start)
            assert (r and r[:2]) == (last and last.span()), (s, start)


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


_ZH_EXTRA = [
    "投资贸易",
    "投资贸易采购",
    "贸易",
    "资贸易",
    "x投资贸易y贸易",
    "十大项目",
    "一大批",
    "新华社北京3月5日电",
    "某某 3日讯",
]


def test_trade_deal_opens_on_literals():
    was = re.compile(r"采购|(?<!投资)贸易(?!有限|公司|集团)|成交")  # (a firm's 贸易有限公司 is no deal)
    for s in _lines("zh") + _ZH_EXTRA:
        assert [m.span() for m in zh_counts._TRADE_DEAL.finditer(s)] == [m.span() for m in was.finditer(s)], s
        for lo in range(0, len(s), 3):
            a, b = zh_counts._TRADE_DEAL.search(s, lo, len(s) - 1), was.search(s, lo, len(s) - 1)
            assert (a and a.span()) == (b and b.span()), (s, lo)


def test_zh_literal_prechecks_hold_in_every_match():
    for s in _lines("zh") + _ZH_EXTRA:
        if zh_counts.COUNT_N.search(s):
            assert zh_counts._BIG_HINT.search(s), s
        if event._DATELINE_ZH.match(s):
            assert "日电" in s or "日讯" in s, s
        segs = [0] + [i + 1 for i, c in enumerate(s) if c in ";。:,"]
        for lo in segs:
            for hi in range(lo, len(s) + 1, 3):
                if count_sector._GROUP_LEAD.search(s, lo, hi):
                    assert may_hold(s, lo, hi, count_sector._GROUP_LEAD_WORDS), (s, lo, hi)
                if count_sector._PLACES_TOPIC.match(s, lo, hi):
                    assert may_hold(s, lo, hi, count_sector._PLACES_WORDS), (s, lo, hi)
        for a in range(len(s) + 1):
            lo = max(0, a - 14)
            if scan._COUNT_CUE_BEFORE.search(s, lo, a):
                assert may_hold(s, lo, a, scan._TOTALS), (s, a)


def test_place_item_precheck():
    extra = ["新港区22个", " 、新港区 ", "新港区\u3000", "新港区\n", "港", "", "  ", "区", "甲乙丙丁戊己庚县 "]
    for s in _lines("zh") + extra:
        for subject in {s, *(s[max(0, i - 9) : i] for i in range(len(s) + 1)), *(s[:i] + " " for i in range(10))}:
            full = zh_article._PLACE_ITEM.fullmatch(subject) is not None
            assert full == bool(subject.rstrip()[-1:] in zh_article._PLACE_ENDS and full), subject
            if full:
                assert subject.rstrip()[-1:] in zh_article._PLACE_ENDS, subject


def test_far_trap_precheck():
    for s in _lines("en") + _EN_EXTRA:
        for cut in [-1] + [i for i, c in enumerate(s) if c in ",;:."]:
            if not_investment.NEVER.search(s, cut + 1):
                assert not_investment.may_never(s[cut + 1 :]), (s, cut)


def test_bare_signed_first():
    extra = ["Then a new project was signed", "Sunday, 5 billion yuan wind project has been inked"]
    for s in _lines("en") + extra:
        for d in re.finditer(r"\d+", s):
            a, b = d.span()
            old = context._BARE_SIGNED.match(s, b) if context._BARE_LEAD.search(s, 0, a) else None
            new = context._BARE_SIGNED.match(s, b)
            new = new if new and context._BARE_LEAD.search(s, 0, a) else None
            assert (old and old.span()) == (new and new.span()), s


def test_zh_agreement_and_frame_count_prechecks():
    for s in _lines("zh") + ["A项目投资协议,总投资5亿元", "3个项目当中", "从283个签约项目中遴选"]:
        for i in range(0, len(s) + 1, 2):
            if zh_names._AGREEMENT.search(s, i):
                assert "协议" in s[i:], s
        for pos in range(len(s)):
            if count_sector._FRAME_COUNT.match(s, pos):
                assert "项目中" in s or "项目里" in s or "项目当中" in s, s


def test_typo_cue_as_flat_alternation():
    flat = re.compile("|".join(map(re.escape, repair._TYPO_CUES)))
    for s in _lines("en") + _EN_EXTRA + list(repair._TYPO_CUES) + ["5 biilion", "3 MILION", "a milon b"]:
        assert (repair._TYPO_CUE.search(s) is None) == (flat.search(s) is None), s


def test_delta_before_in_last_words():
    extra = ["extra   investment  by  of  ", "up by of \n", "a b c d grew by ", "x-up by ", "Rose\tBY  OF "]
    for s in _lines("en") + _EN_EXTRA + extra:
        for i in [len(s)] + [k + 1 for k, c in enumerate(s) if c.isspace()]:
            text = s[:i]
            assert fast.in_last_words(context._DELTA_BEFORE, text, 4) == bool(context._DELTA_BEFORE.search(text)), text


def test_trap_rows_as_their_alternation():
    extra = [e["example"] for e in load("traps_en")]
    extra += ["the FDI and average", "Averaged ſales per capita", "in 2023, plans to invest", "top  10 in terms of"]
    for s in _lines("en") + _EN_EXTRA + extra + [x.upper() for x in extra]:
        for lo in range(0, len(s), 29):
            for hi in (None, lo + 40):
                a, b = (
                    not_investment.never_search(s, lo, hi),
                    not_investment.NEVER.search(s, lo, len(s) if hi is None else hi),
                )
                assert (a and a.span()) == (b and b.span()), (s, lo, hi)
        a, b = not_investment.other_kind_search(s), not_investment.NOT_INVESTMENT.search(s)
        assert (a and a.span()) == (b and b.span()), s


def test_share_after_holds_account():
    extra = ["x, ACCOUNTING FOR 5%", " in Hefei City, accounted for 12.5 %", " in ıt accountıng for 3%"]
    for s in _lines("en") + _EN_EXTRA + extra:
        for start in range(len(s)):
            if other_figures._SHARE_AFTER.match(s, start):
                assert cues.may_contain(s[start:], other_figures._ACCOUNT), (s, start)


def test_zh_topic_milestone_foreign_prechecks():
    for s in _lines("zh") + ["清洁能源方面,签约项目9个", "开工项目数量首次突破600个", "其中外资金额为3亿美元"]:
        cuts = [0] + [i + 1 for i, c in enumerate(s) if c in ",:;。"]
        for a in cuts:
            for lo in cuts:
                if lo > a and count_sector._TOPIC.fullmatch(s, a, lo):
                    assert may_hold(s, a, lo, count_sector._TOPIC_WORDS), (s, a, lo)
        for i in range(len(s) + 1):
            if zh_counts._MILESTONE.search(s, max(0, i - 6), i):
                assert "首次" in s, s
            for j in cuts:
                if j <= i and scan._FOREIGN_PART.fullmatch(s[j:i]):
                    assert "外资" in s[j:i] or "引资" in s[j:i], s[j:i]


def test_classified_counts_as_written():
    extra = [
        "2023年3个项目",
        "1 234 个重点项目",
        "十二 余个项目",
        "5.6万个项目",
        "12,345项目",
        "3个月",
        "二十多项合作协议",
        "15.6%",
    ]
    for pattern in (zh_counts.COUNT_B, zh_counts.COUNT_E):
        written = as_written(pattern)
        assert written.pattern != pattern.pattern
        for s in _lines("zh") + extra:
            got = [(m.span(), m.groupdict()) for m in pattern.finditer(s)]
            assert got == [(m.span(), m.groupdict()) for m in written.finditer(s)], s
            for pos in range(0, len(s), 4):
                a, b = pattern.match(s, pos), written.match(s, pos)
                assert (a and a.span()) == (b and b.span()), (s, pos)


def test_trap_before_as_its_alternation():
    flat = re.compile("|".join(row["pattern"] for row in load("traps_zh")))
    for s in _lines("zh") + [row["pattern"] for row in load("traps_zh")] + ["比去年多", "2021年", "、 2020年的"]:
        for i in range(0, len(s) + 1, 2):
            for text in (s[max(0, i - 30) : i], s[i:]):
                assert scan._trap_before(text) == (flat.search(text) is not None), text


def test_p_hint_as_any_in():
    for s in _lines("zh") + list(zh_counts._P_HINTS) + ["项目中已", ",多", ":共计"]:
        assert (zh_counts._P_HINT.search(s) is not None) == any(h in s for h in zh_counts._P_HINTS), s


def test_stage_frames_counts_read_once():
    def count_at(evidence, count, nth):
        at = (c.start() for c in stage_frames._COUNT_AT.finditer(evidence) if int(c.group(1)) == count)
        return next(itertools.islice(at, nth, None), -1)

    def clause(evidence, count, nth):
        at = (c for c in stage_frames._COUNT_AT.finditer(evidence) if int(c.group(1)) == count)
        m = next(itertools.islice(at, nth, None), None)
        if m is None:
            return None
        lo = max(evidence.rfind(c, 0, m.start()) for c in stage_frames._CLAUSE_END) + 1
        ends = [i for i in (evidence.find(c, m.end()) for c in stage_frames._CLAUSE_END) if i >= 0]
        return evidence[lo : min(ends) if ends else len(evidence)]

    for s in _lines("zh") + ["新型化工项目32个,开复工项目25个,其中25个已开工", "3个、3项,3个。"]:
        numbers = {int(x) for x in re.findall(r"\d+", s)} | {0, 7}
        for n in numbers:
            for nth in range(3):
                assert stage_frames._count_at(s, n, nth) == count_at(s, n, nth), (s, n, nth)
                assert stage_frames._clause(s, n, nth) == clause(s, n, nth), (s, n, nth)


def test_bare_signed_holds_its_verb():
    for s in _lines("en") + ["Then a new project was signed", "x, 5 billion yuan wind project has been  inked."]:
        for i in range(len(s)):
            if context._BARE_SIGNED.match(s, i):
                assert any(s.find(w, i) >= 0 for w in context._BARE_VERBS), (s, i)


def test_dropped_unit_cue_precheck():
    extra = ["5 MILLION and 6 Billion", "3 mıllion, 4 million", "1 million 2 billion", "x 7million"]
    for s in _lines("en") + _EN_EXTRA + extra:
        if len(dropped_unit._CUE.findall(s)) >= 2:
            assert not cues.plain(s) or s.lower().count("illion") >= 2, s


def test_sentence_lists_as_split_sentences():
    texts = [decode_bytes(p.read_bytes()) for p in sorted(STRESS.glob("*/*.txt"))]
    texts += ["", " \n\r\n ", "a.\r\nB", "一。二!\u3000\n三", "Mr. Li came. He left.The end", "x\x1cy.\x1c Z"]
    plain = [t for t in texts if "\r" not in t]  # (no \r in the batch: the CR step is left out)
    for langs, batch_texts in (
        (["zh"] * len(texts), texts),
        (["en"] * len(texts), texts),
        ([language.detect_lang(t) for t in texts], texts),
        (["en"] * len(plain), plain),
        (["zh"] * len(plain), plain),
    ):
        frame = pl.DataFrame({"article_id": range(len(batch_texts)), "lang": langs, "text": batch_texts})
        grouped = sentences.split_sentences(frame).group_by("article_id", maintain_order=True).agg("sentence")
        by_article = dict(zip(grouped["article_id"].to_list(), grouped["sentence"].to_list()))
        want = [by_article.get(i, []) for i in range(len(batch_texts))]
        assert sentences.sentence_lists(langs, batch_texts) == want


def test_white_space_is_what_strip_chars_strips():
    chars = [chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000]
    stripped = pl.Series([c + "a" + c for c in chars], dtype=pl.String).str.strip_chars().to_list()
    assert [c for c, s in zip(chars, stripped) if s == "a"] == list(sentences.WHITE_SPACE)


def test_word_hits_and_known_ends_as_their_alternations():
    by_key, ends, (_, word_re, _) = event_names._known()
    words = [k for k in by_key if not event_names._CJK.search(k) and not k.isupper()]
    extra = [
        f"{a}{w}{b}" for w in words[:40] for a in ("", "x", "-", " ", "2021 ") for b in ("", "s", "-", " 2021", ",")
    ]
    extra += [
        "china–asean expo and china‐asean expo",
        "boao forum for asian",
        "the canton fair-canton fair canton fair",
    ]
    texts = _lines("en") + _EN_EXTRA + _lines("zh") + ["CIIE", "the CAEXPO, WAIC", "中国-东盟博览会"]
    for s in [x.lower() for x in texts] + extra:
        assert [m.span() for m in event_names._word_hits(s)] == [m.span() for m in word_re.finditer(s)], s
    for s in texts + extra:
        for ends_re, kinds in zip(event_names._known_ends(), ends):
            flat = re.compile("|".join(re.escape(e) for e in sorted(kinds)) or "(?!)")
            assert bool(ends_re.search(s)) == bool(flat.search(s)), s


def test_rows_with_cues_as_find():
    rows = (
        (re.compile(r"\b(?:investment)\b", re.I), ("investment",)),
        (re.compile(r"\b(?:invest)", re.I), ("invest", "inv")),
        (re.compile(r"\b(?:x)\b", re.I), ("",)),
        (re.compile(r"\b(?:tradeoff|trade)\b", re.I), ("trade", "tradeoff")),
    ) + tuple(not_investment._NEVER_ROWS)
    texts = [s.lower() for s in _lines("en") + _EN_EXTRA] + ["investment", "inv", "tradeoff trade", "ab"]
    for s in texts:
        for pos, end in ((0, len(s)), (3, min(12, len(s))), (5, 5), (2, len(s) - 1)):
            if pos <= end <= len(s):  # (as search_rows calls it)
                want = [k for k, (_, cues) in enumerate(rows) if any(s.find(c, pos, end) >= 0 for c in cues)]
                assert fast._rows_with_cues(rows, s, pos, end) == want, (s, pos, end)
        assert fast.search_rows(not_investment.NEVER, not_investment._NEVER_ROWS, s, 9, 4) is None


def test_nfkc_here_as_polars():
    stable = [
        chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000 and not language._OUTSIDE_STABLE.match(chr(c))
    ]
    assert all(unicodedata.category(c) != "Cn" for c in stable)  # assigned in Python's database
    texts = stable + ["".join(stable)] + [decode_bytes(p.read_bytes()) for p in sorted(STRESS.glob("*/*.txt"))]
    texts += ["e\u0301", "\u1100\u1161", "ｆｕｌｌ\u3000width ﬁ", "①②", "℃ ㎡ ½ x²", "\U0001ccd6 A", "\ua7f1"]
    polars = pl.Series(texts, dtype=pl.String).str.normalize("NFKC").to_list()
    for t, want in zip(texts, polars):
        got = language.nfkc_here(t)
        assert got is None or got == want, repr(t[:40])
    assert language.nfkc_here("\U0001ccd6 A") is None and language.nfkc_here("中，文") == "中,文"


def test_dangling_searched_in_the_last_words():
    """glued.wrapped searches _DANGLING only over the line's last _DANGLING_MOST characters (its
    \\b still sees the character before): the same as over the whole line."""
    words = re.findall(r"[a-z]+", glued._DANGLING.pattern.replace("an?", "a|an"))
    assert re.fullmatch(r"\\b\(\?:[a-z?|]+\)\$", glued._DANGLING.pattern)  # plain words: the longest bounds a match
    assert max(map(len, words)) == glued._DANGLING_MOST
    extra = [w for w in words] + [f"x {w}" for w in words] + [f"x{w}" for w in words] + ["", "a", "in ", "1 in"]
    for s in _lines("en") + extra:
        end = s.rstrip()
        assert bool(glued._DANGLING.search(end)) == bool(
            glued._DANGLING.search(end, max(0, len(end) - glued._DANGLING_MOST))
        ), s


def _articles(lang: str) -> list[list[str]]:
    """Each stress article's lines (sentences) in order."""
    out = []
    for path in sorted((STRESS / lang).glob("*.txt")):
        out.append([x.strip() for x in re.split(r"[\n。]", decode_bytes(path.read_bytes())) if x.strip()])
    return out


def _find_event_name_eager(lines: list[str], lang: str):
    """event_names.find_event_name as it was: every opening line's generic names read first."""
    hits = event_names._known_hits(lines, lang)
    generic = (
        []
        if hits and lang != "zh"
        else [c for line in lines[: event_names.NAME_LINES] for c in event_names._generic(line, lang)]
    )
    if hits:
        row = hits[0][3]
        same = [h for h in hits if h[3] is row]
        years = [y for i, a, b, _ in same for y in event_names._years_around(lines[i], a, b)]
        ordinal = next((o for i, a, _, _ in same if (o := event_names._ordinal(lines[i][:a]))), None)
        if lang == "zh":
            keys = {lines[i][a:b].translate(event_names._DASHES) for i, a, b, _ in same}
            written = [c for c in generic if any(k in c[0].translate(event_names._DASHES) for k in keys)]
            name = max(written, key=lambda c: len(c[0]))[0] if written else row["name_zh"]
            years += [y for c in written for y in c[1]]
        else:
            name = row["name_en"]
        return name, row, years, ordinal
    if generic:
        return generic[0][0], None, list(generic[0][1]), None
    return None, None, [], None


def test_find_event_name_reads_only_the_lines_it_needs():
    for lang in ("en", "zh"):
        for lines in _articles(lang):
            for k in range(len(lines)):  # each opening: the article, then without its first lines
                assert event_names.find_event_name(lines[k:], lang) == _find_event_name_eager(lines[k:], lang), lines[k]


def test_venue_before_as_search():
    for s in _lines("en") + ["It was held in ", "held in the city of  ", "opened in\n", "held in", "ran in  "]:
        for p in range(len(s) + 1):
            window = s[max(0, p - 70) : p]
            assert event._venue_before(window) == (event._VENUE_EN.search(window) is not None), window


def test_date_or_venue_precheck():
    """A line _may_date_or_venue refuses gives _dateline and _venue no place."""
    extra = ["BEIJING, Nov. 5 (Xinhua) -- x", "HEFEI (China Daily): x", "新华社合肥11月5日电 x", "大会在合肥举行"]
    for lang in ("en", "zh"):
        for line in _lines(lang) + extra:
            if not event._may_date_or_venue(line, lang):
                found = [places.find_places(line, lang)]
                assert event._dateline([line], found, lang) is None, line
                assert event._venue([line], found, lang) is None, line
