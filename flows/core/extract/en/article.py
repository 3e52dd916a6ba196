"""English cohort rules: an article's sentences -> its cohort mentions.

Sentences after a "Related links" heading (other articles' headlines) are not read, and an
article that never speaks of projects, deals or signing (national investment statistics) keeps
only named single projects. Each sentence is read by en_sentence; then, article-wide, an
amount whose clause points back ("The projects involve a total investment of ...", "Their
total investment reached ...") completes the count-only group of the sentence before,
headlines blending two body cohorts are dropped, restatements and rounded or approximate
repeats of a precise cohort ("nearly 280 deals" for 277, a headline's "over 400 projects
worth 280b yuan") are folded into it (en_restatements), subsets ("among them", "of which")
get a `parent`, "every project ..." floors go to the headline cohort, and cohorts without a stage verb of
their own inherit their parent's stage, else the stage of the sentence before, else the
article's dominant stage.
"""

from __future__ import annotations

import re

from flows.core.extract.en.article_fields import (
    band_parent_field,
    event_field,
    fields_after,
    project_before,
    single_fields_after,
    theme_of_title,
    title_field_of_part,
)
from flows.core.extract.en.cohort_sector import fields_sentence
from flows.core.extract.en.context import HEADS, NAME_RE
from flows.core.extract.en.cues import has_any
from flows.core.extract.en.labels import sector_in, stage_counts, stage_near
from flows.core.extract.en.other_figures import drop_approval_counts
from flows.core.extract.en.project_sheet import one_project_sheet
from flows.core.extract.en.repair import repair_sentences
from flows.core.extract.en.restatements import drop_headline_blends, drop_trap_echoes, fold_restatements
from flows.core.extract.en.sentence import breaks_down_earlier, sentence_mentions
from flows.core.extract.en.sheet_field import sheet_field
from flows.core.extract.en.split_total import join_in_sentence, join_split_total
from flows.core.model import CohortMention

# a heading after which a web page lists other articles' headlines
_RELATED = re.compile(
    r"(?:related|read\s+more|see\s+also|more\s+(?:news|stories|reading)|recommended|"
    r"you\s+may\s+also\s+like)\b"
    r"(?:\s+(?:links?|stories|news|articles?|reports?|reading|coverage|content))?\s*[:：>»]?\s*$",
    re.I,
)


def extract_en(sentences: list[str]) -> list[CohortMention]:
    sentences, origin = repair_sentences(sentences)
    kept = _extract(sentences)
    if origin != list(range(len(origin))):  # lines dropped or split by the repair
        for m in kept:  # back to the indices of the sentences as given
            m.sentence_index = origin[m.sentence_index]
    return kept


def _extract(sentences: list[str]) -> list[CohortMention]:
    mentions: list[CohortMention] = []
    every: list[tuple] = []
    for i, s in enumerate(sentences):
        if len(s) < 40 and _RELATED.match(s):
            sentences = sentences[:i]
            break
        found, bands = sentence_mentions(s, i)
        if (
            found
            and i
            and breaks_down_earlier(s, sentences[i - 1])
            and not any(m.sentence_index == i - 1 for m in mentions)
        ):
            continue  # 'Prior to this, ... 48 projects .... Specifically, 12 were signed, ...'
        mentions.extend(found)
        every.extend(bands)
    if not mentions:
        return []
    if any(m.evidence and ("edition" in m.evidence or "session" in m.evidence) for m in mentions):
        mentions = _drop_earlier_editions(mentions, sentences)
        if not mentions:
            return []
    if not _about_projects(sentences):  # keep only what names its facility
        mentions = [m for m in mentions if m.project_name]
        if not mentions:
            return []
    mentions = join_in_sentence(mentions)  # a total and its count in two clauses (en_split_total)
    kept = fold_restatements(drop_headline_blends(join_split_total(_join_anaphors(mentions))), sentences)
    kept = drop_approval_counts(drop_trap_echoes(kept, sentences), sentences)  # en_other_figures
    one_project_sheet(kept, sentences)  # a portal's sheet offering one project (en_project_sheet)
    sheet_field(kept, sentences)  # ... and that project's field (en_sheet_field)
    _assign_parents(kept)
    title_field_of_part(kept, sentences)
    fields_after(kept, sentences)
    theme_of_title(kept, sentences)
    event_field(kept, sentences)
    project_before(kept, sentences)
    band_parent_field(kept)  # a band of a one-field group (en_article_fields)
    single_fields_after(kept, sentences)  # 'it focuses on A' after a named project
    _name_before(kept, sentences)
    _apply_every_band(kept, every)
    _resolve_stages(kept, sentences)
    for m in kept:
        m.extra.pop("subset", None)
    return kept


_PROJECT_TALK = ("project", "deal", "contract", "agreement", "pact", "signed", "signing", "inked")


def _about_projects(sentences: list[str]) -> bool:
    """Figures of an article that never speaks of projects, deals or signing (national
    fixed-asset or FDI statistics) are no project cohorts."""
    return any(has_any(s.lower(), _PROJECT_TALK) for s in sentences)


# 'the 2023 edition saw 12 projects ...' in a report on the 2024 fair: an earlier edition
_YEAR_EDITION = re.compile(r"\b(?:the|its|at|in|during)\s+((?:19|20)\d\d)(?:'s)?\s+(?:edition|session)\b", re.I)
_EVENT_YEAR = re.compile(
    r"\b((?:19|20)\d\d)\s+(?:[A-Z(][\w()'’&-]*\s+){0,8}?"
    r"(?:edition|session|Fair|Expo|EXPO|Conference|Forum|Summit|Convention|Congress|Week|Festival)\b"
)


def _drop_earlier_editions(mentions: list[CohortMention], sentences: list[str]) -> list[CohortMention]:
    """Figures of an edition named by a year before the year of the event the article reports."""
    years = [int(y) for s in sentences if any(map(str.isdigit, s)) for y in _EVENT_YEAR.findall(s)]
    if not years:
        return mentions
    latest = max(years)
    out = []
    for m in mentions:
        named = _YEAR_EDITION.findall(m.evidence or "")
        if named and all(int(y) < latest for y in named):
            continue
        out.append(m)
    return out


def _join_anaphors(mentions: list[CohortMention]) -> list[CohortMention]:
    """'92 projects were signed. The projects involve a total investment of $9.97 billion.':
    an amount whose clause points back ('these projects', 'their total investment') is the
    amount of the count-only group of the sentence before; a demonstrative points at the
    last one named (the head, when the others are its listed parts), a definite phrase or
    pronoun at the sentence's main (first) one."""
    if not any("anaphor" in m.extra for m in mentions):
        return mentions
    out: list[CohortMention] = []
    for m in mentions:
        kind = m.extra.get("anaphor")
        if kind:
            # the sentence before, or the one before it when the one between has no figures
            # ('These projects ...' may reach over three: a photo's file name, its caption and credit)
            last = max((n.sentence_index for n in out if n.sentence_index < m.sentence_index), default=-9)
            before = [
                n
                for n in out
                if n.sentence_index == last >= m.sentence_index - (4 if kind == "demonstrative" else 2)
                and n.project_count is not None
                and n.project_count > 1
                and n.amount is None
            ]
            named = m.extra.get("anaphor_stage")
            same = [n for n in before if n.stage == named] if named else []
            if len(same) == 1:  # 'The projects starting construction involve ..., and the signed projects ...'
                target = same[0]
            elif kind == "definite":
                before = [n for n in before if not _restated(n, out)] or before  # 'Among the 500 ..., 359 ...'
                before = [n for n in before if not n.extra.get("subset")] or before
                target = before[0] if before else None
            elif before and not before[0].extra.get("subset") and any(n.extra.get("subset") for n in before[1:]):
                target = before[0]  # 'N projects ..., including A ... and B ...': 'these' are the N
            else:
                target = before[-1] if before else None
            if target is not None:
                target.amount, target.currency = m.amount, m.currency
                target.approximate = target.approximate or m.approximate
                target.alt_amount, target.alt_currency = m.alt_amount, m.alt_currency
                continue
        out.append(m)
    return out


def _restated(n: CohortMention, out: list[CohortMention]) -> bool:
    """A count-only mention repeating the count of a cohort an earlier sentence gave its
    amount ('Among the 500 projects, 359 ...') names that cohort again: the amount after it
    is the part's."""
    return any(
        o.project_count == n.project_count and o.amount is not None and o.sentence_index < n.sentence_index for o in out
    )


_BARE_HEAD = re.compile(rf"(?:{HEADS})", re.I)


# 'It involved a total investment of 18 billion yuan.': the one thing the sentence before names
# ... and 'Covering 1,000 mu, it is being built by X Co. with an investment of 5 billion yuan'
_IT_COSTS = re.compile(
    r"\s*(?:[A-Z][^;]{0,60}?,\s+(?=it\s))?(?:It|it|The\s+project)\s+(?:involved|involves|will\s+involve|has|had|"
    r"carries|carried|covers|is\s+worth|was\s+worth|(?:is|was|will\s+be)\s+(?:being\s+)?(?:built|developed|"
    r"constructed)\s+by\s+[^;]{1,60}?\s+with)\s+(?:an?\s+)?(?:total\s+|planned\s+|estimated\s+)?investment\s+of\b"
    r"|\s*The\s+(?:total|planned|estimated)\s+investment\s+(?:is|was|will\s+be|stands\s+at|amounts\s+to)\b"
)  # ... and 'It marked the start of work on a X project. The total investment is about Y.'


# 'With an investment of over X (about Y), the project is scheduled ...': the project the text
# is about, named a few sentences before (quotes about it between, no group's figures)
_WITH_IT_COSTS = re.compile(
    r"\s*With\s+(?:a\s+(?:total\s+)?|an\s+|total\s+)(?:planned\s+|estimated\s+)?investment\s+of\s+"
    r"[^,;()]{1,40}(?:\([^()]{1,60}\))?,\s+(?:the|this)\s+project\b",
    re.I,
)


# 'A representative project this time is the X park': a name that only ranks the project
_RANK_ONLY = re.compile(r"(?:representative|typical|key|major|landmark|flagship|signature)\s+project", re.I)


def _first_name(sentence: str) -> re.Match | None:
    return next((n for n in NAME_RE.finditer(sentence) if not _RANK_ONLY.fullmatch(n.group(1))), None)


def _named_earlier(kept: list[CohortMention], sentences: list[str], i: int) -> str | None:
    """The last project named in the five sentences before sentence i, when none of them
    holds a cohort."""
    for j in range(i - 1, max(-1, i - 6), -1):
        if any(n.sentence_index == j for n in kept):
            return None
        names = [n.group(1) for n in NAME_RE.finditer(sentences[j]) if not _BARE_HEAD.search(n.group(1).split()[0])]
        if names:
            return names[-1].rsplit(" of the ", 1)[-1]
    return None


def _name_before(kept: list[CohortMention], sentences: list[str]) -> None:
    """'The X industrial park project is a representative project. The project covers ... with
    an investment of 4.3 billion yuan.': a one-project cohort named only 'the project' is the
    one the sentence before names (its name and, when it has none, its field). 'A photovoltaic
    project ... was contracted ... It involved a total investment of X.': an amount whose
    sentence begins with 'It' is the one project the sentence before names."""
    for m in kept:
        i = m.sentence_index
        if m.project_count is None and m.amount is not None and i > 0 and _IT_COSTS.match(sentences[i]):
            before = [n for n in kept if n.sentence_index == i - 1]
            named = None if before else _first_name(sentences[i - 1])
            if named and not _BARE_HEAD.search(named.group(1).split()[0]):
                m.project_count, m.project_name = 1, named.group(1)
                m.sector_code = m.sector_code or sector_in(named.group(1))
                said = stage_near(sentences[i - 1], named.end(), named.end())
                if said and not m.extra.get("explicit_stage"):
                    m.stage, m.extra["explicit_stage"] = said, True  # '... was contracted'
            continue
        if m.project_count is None and m.amount is not None and i > 0 and _WITH_IT_COSTS.match(sentences[i]):
            name = _named_earlier(kept, sentences, i)
            if name:
                m.project_count, m.project_name = 1, name
                m.sector_code = m.sector_code or sector_in(name)
            continue
        if m.project_count == 1 and m.project_name and _BARE_HEAD.fullmatch(m.project_name) and i > 0:
            name = next(
                (
                    n.group(1)
                    for n in NAME_RE.finditer(sentences[i - 1])
                    if not _BARE_HEAD.search(n.group(1).split()[0])
                ),
                None,
            )  # the first (the subject), not 'a representative project'
            if name:
                m.project_name = name.rsplit(" of the ", 1)[-1]  # 'site of the X project'
                name = m.project_name
                m.sector_code = sector_in(name) or m.sector_code


def _larger(n: CohortMention, m: CohortMention) -> bool:
    compared = False
    if n.project_count is not None and m.project_count is not None:
        if n.project_count <= m.project_count:
            return False
        compared = True
    if n.amount is not None and m.amount is not None and n.currency == m.currency:
        if n.amount <= m.amount:
            return False
        compared = True
    return compared


def _assign_parents(kept: list[CohortMention]) -> None:
    for i, m in enumerate(kept):
        if not m.extra.get("subset"):
            continue
        for j in range(i - 1, -1, -1):
            n = kept[j]
            if n.sentence_index == m.sentence_index and n.extra.get("subset"):
                continue  # a sibling in the same breakdown
            if _larger(n, m):
                m.parent = j
                break


def _apply_every_band(kept: list[CohortMention], every: list[tuple]) -> None:
    """'every project was valued at over ¥500 million' floors the headline cohort."""
    if not every:
        return
    roots = [
        m
        for m in kept
        if m.parent is None and m.project_count is not None and m.size_min is None and m.size_max is None
    ]
    if roots:
        root = max(roots, key=lambda m: m.project_count)
        root.size_min, root.size_max, currency = every[0]
        if currency not in (None, "CNY"):
            root.size_currency = currency


def _resolve_stages(kept: list[CohortMention], sentences: list[str]) -> None:
    dominant = None  # tallied only when some cohort needs it (it costs a pass per article)
    for m in kept:
        if m.extra.get("explicit_stage") and m.stage:
            continue
        parent = kept[m.parent] if m.parent is not None else None
        if parent is not None and parent.stage:
            m.stage = parent.stage
            continue
        # discourse: a cohort that says nothing of its stage continues the sentence before
        # (or its continuation in turn: a run of breakdown sentences after one stated stage)
        # ... across one sentence of no figures ('The projects cover A, B and C.')
        prev = m.sentence_index - 1
        if prev > 1 and not any(n.sentence_index == prev for n in kept) and fields_sentence(sentences[prev]):
            prev -= 1
        before = [
            n
            for n in kept
            if n.sentence_index == prev and (n.extra.get("explicit_stage") or n.extra.get("chained_stage")) and n.stage
        ]
        if before and m.sentence_index > 1:
            m.stage = before[-1].stage
            m.extra["chained_stage"] = True
            continue
        if dominant is None:
            tally = stage_counts(sentences)
            dominant = tally.most_common(1)[0][0] if tally else "promoted"
        m.stage = dominant
