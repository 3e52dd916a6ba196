"""English cohort rules, article-wide: the field (sector) a cohort takes from the sentences
around it rather than its own clause. A fields sentence after a group ("They cover A, B and
C", "These projects range from A to B") names the group's field; an event whose title names a
theme, or an event held for the projects of one field, gives it to the article's main cohort.
Called by en_article after the cohorts are folded and their parents assigned.
"""

from __future__ import annotations

import re

from flows.core.extract.en.cohort_sector import fields_predicate, fields_sentence
from flows.core.extract.en.cues import cue, may_contain
from flows.core.extract.en.labels import sector_in, sector_terms
from flows.core.extract.en.numbers import WORD_NUM, word_to_int
from flows.core.extract.en.part_field import group_noun_field, stage_part
from flows.core.model import CohortMention

GROUP_TALK = re.compile(r"\b(?:projects|deals|contracts|agreements)\b", re.I)


def fields_after(kept: list[CohortMention], sentences: list[str]) -> None:
    """'... signed 24 projects worth 18.6 billion yuan. The projects involve logistics, finance
    and biomedicine.': the fields of the sentence before's main cohort, when it has none."""
    for i in {m.sentence_index for m in kept if m.sector_code is None and m.parent is None}:
        if i + 1 < len(sentences):
            main = next((m for m in kept if m.sentence_index == i and m.parent is None and not m.project_name), None)
            if main is not None and main.sector_code is None and not _many_fields(main.evidence or ""):
                code = fields_sentence(sentences[i + 1])
                j = i + 1
                # '... signed 36 projects. Of them, 21 exceed ... The projects cover ...', or a
                # headline restated by the first sentence: step over a sentence of subsets or
                # of no cohort of its own (at most three; 'The rest 87 projects ...' is no
                # fields sentence of the whole, but a sentence of subsets to step over)
                while (
                    not code
                    and j < i + 4
                    and j + 1 < len(sentences)
                    and (
                        _only_subsets(kept, j)
                        or not any(n.sentence_index == j for n in kept)  # 'The total investment will reach X.'
                        or (i == 0 and j == 1 and _restates(kept, main))
                    )
                ):
                    j += 1
                    code = None if _REST.match(sentences[j]) else fields_sentence(sentences[j])
                if code:
                    _whole_signed(kept, sentences[j], _near_or_main(kept, sentences[j], j, main)).sector_code = code
    _it_has(kept, sentences)


# 'The signed projects are mainly in A, B and C': the whole signing, not a part told just before
_THE_SIGNED = re.compile(r"\s*the\s+(?:signed|contracted|inked)\s+(?:projects|deals|agreements|contracts)\b", re.I)


def _whole_signed(kept: list[CohortMention], fields: str, near: CohortMention) -> CohortMention:
    """'The county signed 45 projects ... Overseas investors back 7 of them, ... The signed
    projects are mainly in A, B and C.': the fields of every signed project are the whole's,
    the nearest signing told before (at most three sentences back), not an earlier year's."""
    if not _THE_SIGNED.match(fields) or not near.project_count:
        return near
    whole = next(
        (
            m
            for m in reversed(kept)
            if near.sentence_index - 3 <= m.sentence_index < near.sentence_index
            and m.parent is None
            and not m.project_name
            and m.sector_code is None
            and m.stage == "signed"
            and (m.project_count or 0) > near.project_count
        ),
        None,
    )
    return whole or near


# 'The modern service industry is divided into ... It has 173 projects with ...': the pronoun's
# antecedent is the subject of the sentence before
_IT_HAS = re.compile(r"\s*(?:it|they)\s+(?:has|have|had|includes?|included|covers?|comprises?)\b", re.I)
_FIELD_SUBJECT = re.compile(r"\s*(?:the\s+)?((?:[\w'’-]+\s+){1,4}?)(?:industry|industries|sector|projects)\b", re.I)


def _it_has(kept: list[CohortMention], sentences: list[str]) -> None:
    """A cohort of a sentence 'It has N projects ...' takes the field of the sentence before's
    subject ('The modern service industry ...'), when it names none of its own."""
    for m in kept:
        j = m.sentence_index
        if m.sector_code is None and not m.project_name and 0 < j < len(sentences) and _IT_HAS.match(sentences[j]):
            subject = _FIELD_SUBJECT.match(sentences[j - 1])
            code = sector_in(subject.group(0)) if subject else None
            if code:
                m.sector_code = code


def _near_or_main(kept: list[CohortMention], fields: str, j: int, main: CohortMention) -> CohortMention:
    """'... 118 projects worth X. ... 94 of the projects ... exceed Y. Those agreements cover A,
    B and C.': 'those'/'these' names the one subset with its own figures right before."""
    if j > main.sentence_index + 1 and fields.lstrip()[:5].lower() in ("those", "these"):
        near = [m for m in kept if m.sentence_index == j - 1]
        between = [m for m in kept if main.sentence_index < m.sentence_index < j]
        # one subset, not one part of a partition ('11 are foreign funded ... The rest 87 ...')
        if (
            len(near) == 1
            and len(between) == 1
            and near[0].amount is not None
            and near[0].project_count
            and near[0].sector_code is None
        ):
            return near[0]
    return main


# '27 projects ... covering a wide range of sectors': the cohort's own words say it has no one field
_MANY_FIELDS = re.compile(
    r"\b(?:(?:wide|broad|whole)\s+range|variety)\s+of\s+(?:sectors|fields|industries|areas)\b|"
    r"\b(?:various|multiple|diverse|many|several|different)\s+(?:sectors|fields|industries|areas)\b",
    re.I,
)
_MANY_FIELDS_CUE = cue("sectors", "fields", "industries", "areas")  # every _MANY_FIELDS match holds one


def _many_fields(text: str) -> bool:
    """= _MANY_FIELDS.search(text) is not None, tried only when the text may hold its noun."""
    return may_contain(text, _MANY_FIELDS_CUE) and _MANY_FIELDS.search(text) is not None


# 'The remaining 30 projects cover ...', 'The other deals involve ...': not the whole group
_REST = re.compile(r"\s*the\s+(?:remaining|other|rest)\b", re.I)


def _restates(kept: list[CohortMention], main: CohortMention) -> bool:
    """Whether the headline cohort `main` folded in the first sentence's restatement of it
    (sentence 1 holds no cohort of its own)."""
    return main.sentence_index == 0 and not any(m.sentence_index == 1 for m in kept)


def _only_subsets(kept: list[CohortMention], index: int) -> bool:
    """Whether every cohort of sentence `index` (none, or all) is a subset of an earlier one
    (by a parent, or a size band with no amount of its own)."""
    here = [m for m in kept if m.sentence_index == index]
    return bool(here) and all(
        not m.project_name
        and (m.parent is not None or (m.amount is None and (m.size_min is not None or m.size_max is not None)))
        for m in here
    )


# a title naming an event held for one field: 'Promotion Conference for Investment in Health
# Care Industry', 'Investment Promotion Meeting for Modern Agriculture'
_THEMED_EVENT = re.compile(
    r"\b(?:conference|meeting|fair|forum|expo|summit|symposium|session|event)\s+(?:for|on)\s+"
    r"(?:(?:investment|investing)\s+in\s+)?(?:the\s+)?(?P<field>[^,.;:]{3,60})$",
    re.I,
)


# a title opening on the kind of its projects: 'Renewable Energy Projects Signed to Start in X'
_TITLE_KIND = re.compile(r"\s*(?!the\b)(?P<field>(?:(?!of\b)[\w'’-]+\s+){1,4}?)projects\b", re.I)
# or naming them as a place's own: 'Jinshan reviews its key livelihood projects planned for 2017'
_TITLE_ITS = re.compile(r"\b(?:its|their)\s+(?P<field>(?:(?!of\b)[\w'’-]+\s+){1,4}?)projects\b", re.I)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def theme_of_title(kept: list[CohortMention], sentences: list[str]) -> None:
    """The field of a themed event's title ('Promotion Conference for Investment in Health
    Care Industry'), or of a title opening on its projects' kind ('Renewable Energy Projects
    Signed ...'; the title may follow a short exclamation), is the sector of the article's main
    cohort, when the cohort names none of its own."""
    main = next((n for n in kept if n.parent is None and not n.project_name), None)
    if main is None or main.sector_code is not None:
        return
    for i, title in enumerate(sentences[:2]):
        if len(title) > 120 or any(map(str.isdigit, _YEAR.sub("", title))):  # a year is no figure
            continue
        m = _THEMED_EVENT.search(title.strip())
        code = sector_in(m.group("field")) if m else None
        if code and i == 0 and main.sentence_index <= 2:
            main.sector_code = code
            return
        m = _TITLE_KIND.match(title) or _TITLE_ITS.search(title)
        code = sector_in(m.group("field")) if m else None
        if code and main.sentence_index <= 5 and not _body_of_many(main, sentences):
            main.sector_code = code
            return


def _body_of_many(main: CohortMention, sentences: list[str]) -> bool:
    """The main cohort's own sentence lists fields of two sectors or more ('covering new energy,
    tourism and logistics'), or it or the next says the group spans many: the title's field is then
    one of them, not the group's."""
    own = sentences[main.sentence_index] if main.sentence_index < len(sentences) else ""
    text = " ".join(sentences[main.sentence_index : main.sentence_index + 2])
    return _many_fields(text) or len({code for _, _, code in sector_terms(own)}) >= 2


# 'held a centralized groundbreaking event for major industrial projects ... 121 projects
# started construction': the kind of projects the event is held for is the field of its group
_EVENT_FOR = re.compile(
    r"\b(?:event|ceremony|activity|activities|signing|conference|meeting|batch)[”\"]?\s+(?:for|of|on)\s+(?:the\s+)?"
    r"(?:(?:19|20)\d\d\s+)?"
    r"(?P<field>(?:[\w-]+\s+){0,4}?projects)\b",
    re.I,
)
_EVENT_FOR_CUE = cue("event", "ceremony", "activit", "signing", "conference", "meeting", "batch")  # one in every match


# 'manufacturing projects accounted for 83%': a share of the group is of one field
_SHARE_OF_FIELD = re.compile(r"\bprojects\s+account(?:ed|s|ing)?\s+for\s+[\d.]+\s*(?:%|percent|per\s+cent)", re.I)


def event_field(kept: list[CohortMention], sentences: list[str]) -> None:
    """The field an event sentence names for its projects ('a groundbreaking event for major
    industrial projects') is the sector of the article's main cohort, stated in that sentence or
    the next (or two sentences on, the event's sentence cut by a line break), when the cohort names none of its own."""
    main = next((n for n in kept if n.parent is None and not n.project_name), None)
    if main is None or main.sector_code is not None or main.sentence_index > 5:
        return
    i = main.sentence_index
    if i < len(sentences) and _SHARE_OF_FIELD.search(sentences[i]):
        return  # '..., manufacturing projects accounted for 83%': the group is of more than one field
    here = [sentences[i]] if i < len(sentences) else []
    for j in range(i - 1, max(i - 3, -1), -1):  # the event told before (a line break may cut it in two)
        if any(n.sentence_index == j for n in kept):
            break
        here.insert(0, sentences[j])
    for j in range(i + 1, min(i + 4, len(sentences))):  # a headline's group, the event told after it
        if any(n.sentence_index == j for n in kept):
            break
        here.append(sentences[j])
    for text in here:
        if "roject" not in text:
            continue
        m = _EVENT_FOR.search(text) if may_contain(text, _EVENT_FOR_CUE) else None
        code = sector_in(m.group("field")) if m else None
        if code:
            main.sector_code = code
            return


# a one-project cohort named only by reference: 'the project', 'the first phase of the project'
# (or left with the bare head 'project' when no name was found)
_THE_PROJECT = re.compile(r"(?:(?:the\s+)?[\w-]+\s+phase\s+of\s+)?(?:(?:the|this|that)\s+)?project", re.I)


# 'The key project is the Lakeview Logistics Park': the sentence naming the project
_NAMES_PROJECT = re.compile(r"\b[Pp]roject\s+(?:is|was)\s+(?:the|an?)\s+[A-Z]")


def project_before(kept: list[CohortMention], sentences: list[str]) -> None:
    """'... a hydrogen fuel cell production line started construction. ... The first phase of the
    project has an investment of X.': a project named only by reference takes the field the
    nearest sentence before that names any (no cohort of its own, at most two back) names, when
    it names exactly one."""
    for m in kept:
        if m.sector_code is not None or m.project_count != 1 or not m.project_name:
            continue
        if not _THE_PROJECT.fullmatch(m.project_name.strip()):
            continue
        codes: set[str] = set()
        for j in range(m.sentence_index - 1, max(m.sentence_index - 3, -1), -1):
            if any(n.sentence_index == j for n in kept):
                break
            codes = {c for _, _, c in sector_terms(sentences[j])}
            if codes or _NAMES_PROJECT.search(sentences[j]):  # the nearest sentence naming a
                break  # field, or the one introducing the project ('The key project is X')
        if len(codes) == 1:
            m.sector_code = codes.pop()


def title_field_of_part(kept: list[CohortMention], sentences: list[str]) -> None:
    """'Jiaxing's emerging industries draw 59.4 billion yuan' over '57 projects were signed ...
    35 projects in emerging industries ...': a field the group took from a restated headline
    naming one field, not from its own sentence, is the field of the part broken out with it,
    not the whole's ('... in health care and cultural tourism' names the whole's fields)."""
    if not sentences or len({c for _, _, c in sector_terms(sentences[0])}) != 1:
        return
    for m in kept:
        if m.sector_code is None or m.parent is not None or not m.project_count or not m.evidence:
            continue
        if any(c == m.sector_code for _, _, c in sector_terms(m.evidence)):
            continue
        if any(
            n is not m
            and n.sector_code == m.sector_code
            and n.project_count
            and n.project_count < m.project_count
            and n.sentence_index > m.sentence_index
            for n in kept
        ):
            m.sector_code = None


_OF_ALL = re.compile(r"^\s*(?:among|of)\s+all\b", re.I)


def band_parent_field(kept: list[CohortMention]) -> None:
    """'The city will build 350 industrial projects. Of which, 30 are each over 1 billion yuan',
    '... 34 livelihood projects, of which 22 have been completed': a part broken out of a group
    of one field by its band, or told only by its count (en_part_field), naming no field of its
    own, is a part of that field."""
    for m in kept:
        if m.sector_code is not None or m.parent is None or m.project_name:
            continue
        parent = kept[m.parent]
        if parent.sector_code is None or parent.project_name or not parent.project_count:
            continue
        if m.size_min is None and m.size_max is None:
            if stage_part(m, parent) and group_noun_field(parent, parent.sector_code):
                m.sector_code = parent.sector_code
            continue
        if _OF_ALL.search(m.evidence or ""):  # 'Among all projects, 16 are ...': the whole's band
            continue
        if any(  # the group's own noun names it ('1,350 industrial projects', 'nine hundred ...')
            word_to_int(own.group(1)) == parent.project_count and sector_in(own.group(2)) == parent.sector_code
            for own in _COUNT_NOUN.finditer(parent.evidence or "")
        ):
            m.sector_code = parent.sector_code


# a count and its noun phrase: '1,350 industrial projects', 'nine hundred industrial projects'
_COUNT_NOUN = re.compile(rf"(?<![\w,.])(\d[\d,]*|{WORD_NUM})\s+((?:[\w'’-]+\s+){{1,4}}?projects)\b", re.I)


# 'The X industrial park ... has a total investment of Y. Spanning 8 hectares, it focuses on
# A, B and C.': the sentence after a named project, its subject the project, names its field
# ('the new production base, covering 12 hectares, will focus on A': a few words before its
# noun and an aside between it and its verb)
_IT_FOCUSES = re.compile(
    r"\s*(?:(?:[^,.;]|\.(?=\d)){0,60},\s*)?(?:it|the\s+(?:[\w'’-]+\s+){0,3}?(?:project|park|base|plant|factory|cent(?:er|re)))"
    r"(?:\s*,[^,.;]{1,80},)?(?=\s+(?:will\s+|mainly\s+)*"
    r"(?:focus(?:es)?\s+on|covers?|involves?|is\s+(?:mainly\s+)?in)\b)",
    re.I,
)


def single_fields_after(kept: list[CohortMention], sentences: list[str]) -> None:
    """A named project of one, naming no field, takes the field the next sentence gives it ('it
    focuses on new materials'), when that sentence has no cohort of its own."""
    for m in kept:
        if m.sector_code is not None or m.project_count != 1 or not m.project_name:
            continue
        j = m.sentence_index + 1
        if j >= len(sentences) or any(n.sentence_index == j for n in kept):
            continue
        it = _IT_FOCUSES.match(sentences[j])
        if it:
            m.sector_code = fields_predicate(sentences[j][it.end() :])
