"""Event names inside a Chinese sentence (招商引资推介会, 投资贸易洽谈会, 消费品博览会, 招商周).

An event name is a run of Chinese characters ending in a fair/forum/week/festival word. Its
words name the event, not the cohort: a stage verb inside it (招商, 推介, 洽谈) is no stage,
and a trade word inside it (贸易, 消费, 进出口) makes no trade figure of what follows it.
"""

from __future__ import annotations

import re

from flows.core.lexicon import event_suffixes


def suffix_pattern(lang: str) -> str:
    """The words that end an event's name in `lang`, as one alternation."""
    return "(?:" + "|".join(event_suffixes(lang)) + ")"


_SUFFIX = suffix_pattern("zh")
# an event name: up to 12 name characters (no digits, punctuation or 项目) before its suffix
EVENT_NAME = re.compile(rf"(?:(?!项目)[\u4e00-\u9fff]){{0,12}}?{_SUFFIX}")
_SUFFIX_ANY = re.compile(_SUFFIX)  # every EVENT_NAME match ends in one: a cheap pre-check
_SUFFIX_AHEAD = re.compile(rf"(?:(?!项目)[\u4e00-\u9fff]){{0,10}}?{_SUFFIX}")


def in_event_name(text: str, end: int) -> bool:
    """True when the word ending at `end` is followed, in the same run of characters, by an
    event suffix (招商|引资推介会, 投资|推介会, 招商|周): the word is part of the name."""
    return _SUFFIX_AHEAD.match(text, end) is not None


def after_event(text: str) -> str | None:
    """The text after the last event name in `text`, None when there is none."""
    if not _SUFFIX_ANY.search(text):
        return None
    last = None
    for last in EVENT_NAME.finditer(text):  # noqa: B007 - the loop keeps the last match
        pass
    return text[last.end() :] if last else None
