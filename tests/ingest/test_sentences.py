"""Sentence splitting in Polars for both languages."""

from __future__ import annotations

import polars as pl

from flows.core.ingest.language import detect_lang, normalize
from flows.core.ingest.sentences import split_sentences


def split(text: str, lang: str) -> list[str]:
    frame = pl.DataFrame({"article_id": [0], "lang": [lang], "text": [text]})
    return split_sentences(frame)["sentence"].to_list()


def test_english_splits_on_terminators_but_not_abbreviations():
    text = (
        "Deals were inked on Sept. 19 at the fair. Two projects cost 10 billion yuan "
        "($1.57 billion). Total U.S. dollars: 5.8 billion.\n\nNew paragraph"
    )
    assert split(text, "en") == [
        "Deals were inked on Sept. 19 at the fair.",
        "Two projects cost 10 billion yuan ($1.57 billion).",
        "Total U.S. dollars: 5.8 billion.",
        "New paragraph",
    ]


def test_decimal_points_do_not_split():
    assert split("It was 582.18 billion yuan. Next.", "en") == ["It was 582.18 billion yuan.", "Next."]


def test_chinese_splits_on_full_stops_and_lines():
    text = "共签约项目73个,总投资359.93亿元。其中过5亿元的项目16个!\n第二段"
    assert split(text, "zh") == ["共签约项目73个,总投资359.93亿元。", "其中过5亿元的项目16个!", "第二段"]


def test_normalize_folds_width_and_traditional():
    assert normalize("總投資５０億元，（含）", "zh") == "总投资50亿元,(含)"


def test_detect_lang():
    assert detect_lang("世界制造业大会签约项目678个") == "zh"
    assert detect_lang("The Official Website 中文 Français: 703 projects were signed in Hefei.") == "en"


def test_a_sentence_may_start_with_a_figure():
    assert split("The fair closed on Friday. 399 projects were signed.", "en") == [
        "The fair closed on Friday.",
        "399 projects were signed.",
    ]


def test_a_full_stop_run_into_the_next_sentence_still_splits():
    text = 'Leaders attended the ceremony.The 31 projects cover 87%."The deal is done," he said. Visit www.gov.cn.Mr.Li spoke.'
    assert split(text, "en") == [
        "Leaders attended the ceremony.",
        "The 31 projects cover 87%.",
        '"The deal is done," he said.',
        "Visit www.gov.cn.",
        "Mr.Li spoke.",  # an abbreviation does not end a sentence, run-on or not
    ]
