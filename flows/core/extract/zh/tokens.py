"""The figure token of a Chinese sentence: one money phrase, size band, named project, trap,
project count or reference, with its character span and the flags the assembler sets.

zh_scan and zh_counts produce them; zh_article pairs counts with amounts and marks the ones it
has taken (`used`) or found in a 分别 list (`listed`).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class Tok:
    kind: str  # amount | band | named | trap | count | ref
    start: int
    end: int
    value: float | None = None  # amount value or count
    currency: str | None = None
    approx: bool = False
    size_min: float | None = None
    size_max: float | None = None
    name: str | None = None
    mid: str = ""  # words between 个 and 项目 (359个签约项目)
    listed: bool = False  # item of a 分别 list
    inline: bool = False  # listed count with its own subject (开工项目32个、竣工项目15个)
    alt: tuple[float, str] | None = None
    used: bool = False
    names: tuple[str, ...] = ()  # 分别投资X,兴建A和B: one amount each
