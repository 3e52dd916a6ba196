"""The sector of one English cohort, from its own words.

The count's noun phrase ("12 new energy projects"), the field a gapped item names ("6 are on
infrastructure"), the predicate after the count or the figures ("... are in biomedicine"; none
for an open list of fields "covering tourism, education and other fields"), the facility's
name, else the clause before the figures. A sentence "The projects cover A, B and C" right
after a cohort names that cohort's fields (`fields_sentence`).
"""

from __future__ import annotations

import re

from flows.core.extract.en.context import after_intro
from flows.core.extract.en.counts import ARE_PROJECTS
from flows.core.extract.en.cues import cue, may_contain
from flows.core.extract.en.figures import Group
from flows.core.extract.en.group_head import FIELDS_VERB, SUBJECT
from flows.core.extract.en.host_words import mask_host, points_back
from flows.core.extract.en.labels import mask_firms, sector_in, sector_terms

_IN_SECTOR = re.compile(
    r"\)?[\s,]*(?:or\s+[\d.]+\s*(?:%|percent)\s*,\s*)?(?:(?<=, )(?:which|that)\s+(?=span|cover|involv))?"  # ', which span ...'
    r"(?:(?<=, )all\s+of\s+(?:which|them)\s+(?=are|were))?"  # ', all of which are industrial projects'
    r"(?:(?:(?:were|was|are|is|been)\s+)?(?:signed|inked|contracted|launched|started)(?:\s+(?:this\s+time|today|on\s+site|on\s+the\s+spot))?\s*,?\s+(?=(?:mainly\s+)?(?:span|cover|involv|focus|rang)|(?:are|were)\s))?"  # '60 projects signed cover ...', '41 programs were inked, mainly involving ...'
    r"(?:(?:(?:were|was|are|is)\s+)?[a-z]+ed\s+(?=in\s+(?:the\s+)?(?:fields?|sectors?|areas?|industries)\s+of\b))?"  # '(were) signed in the fields of'
    r"(?:(?:were|was|are|is|been)\s+(?:invested|introduced\s+to\s+investors)\s+(?=in\s))?"  # '... were invested in emerging industries'
    r"(?:(?:(?:are|were|is|was|will|all|mainly|mostly|largely)\s+)*"  # 'will focus on'
    r"(?:in|belong(?:s|ing)?\s+to|focus(?:ed|es|ing)?\s+on|concerned\s+with|cover(?:s|ed|ing)?|involv(?:e|es|ed|ing)|"
    r"span(?:s|ned|ning)?|rang(?:e|es|ed|ing)\s+from|concerning|(?<=are |ere | is |was )for|(?:fall(?:s)?|divided)\s+into\s+(?:\w+\s+)?(?:categories|types)\s*(?::|,?\s*namely\s*[,:]?)|related\s+to|relating\s+to|relevant\s+to|(?<=are |ere | is |was )about|spread\s+across|(?:distributed|concentrated)\s+(?:in|across|among)|(?<=are |ere )from|target(?:s|ed|ing)?|aimed\s+at)|(?:are|were)(?=\s+[\w\s-]{2,40}?\s(?:projects|ones)\b))"
    r"\s+(?:the\s+)?(?:(?:fields?|sectors?|areas?|industries)\s+of\s+)?"
    r"(?!(?:total\s+)?investments?\b|funding\b|capital\b)",  # '48 billion yuan in investment'
    re.I,
)

_APPOSITIVE = re.compile(r",\s+(?:an?|the)\s+[^,;]{3,80}?,")


def _sector_after(post: str) -> str | None:
    """', ... are in new energy' right after the figures names the cohort's sector ("" when it
    names a list of fields that is no one sector, None when it names none); a list of
    fields names one only when the lexicon reads every item ('mainly in auto parts, robotics
    and high-end equipment'): an open or partly unknown list ('covering tourism, education
    and other fields') is a cohort of no one sector."""
    m = _IN_SECTOR.match(post)
    if not m or m.end() == 0:
        return None
    rest = _FIELDS_END.split(post[m.end() :], maxsplit=1)[0]
    if _cut_off(post, rest):
        return ""
    if _MANY.match(rest) or _N_FIELDS.match(rest):  # 'a wide range of sectors including ...',
        # '9 key industries such as A, B and C': some of them named, no one sector; but
        # 'various high-tech industries, including ...' names its family in its own noun
        head = _HEAD_END.split(rest, maxsplit=1)[0]
        return (sector_in(head) or "") if len(head) < 60 else ""
    such = _SUCH_AS.search(rest)
    if such:  # 'industries such as chips, ...': an open list is no one sector, unless its own
        # noun names the family ('new energy projects such as wind and solar')
        head = sector_in(rest[: such.end()])
        if head or _OPEN_SUCH.search(such.group(0)):
            return head or ""
        # 'fields including education, modern agriculture and ...': a list the lexicon does
        # not read fully is no one sector, as without 'including'
        listed = rest[such.end() :]
        unread = such.group(0).rstrip().lower().endswith("including") and _LIST_SHAPE.match(listed)
        return "" if unread and _partly_unread(listed) else sector_in(rest)
    if _LIST_SHAPE.match(rest):
        if _OPEN_LIST.search(rest) or _partly_unread(rest):
            return ""
        return sector_in(rest)
    if _OPEN_LIST.search(rest):  # 'cover new energy, new materials, biomedicine, etc.'
        return ""
    return sector_in(" ".join(rest.split()[:6]))


def _partly_unread(rest: str) -> bool:
    """Whether a list of fields holds items the lexicon does not read; a long list closed by
    its field noun ('in A, B, C and D sectors') may hold one such item."""
    pieces = _list_items(rest)
    unread = sum(not sector_in(p) for p in pieces[:-1]) + (not sector_in(" ".join(pieces[-1].split()[:4])))
    return unread > (len(pieces) >= 4 and bool(_FIELD_NOUN_END.search(pieces[-1])))


def _cut_off(post: str, rest: str) -> bool:
    """A list of fields cut off by the page's end ('covering new energy, headqu'): it runs to
    the end with commas, no closing 'and' and no closing stop; its fields are unknown."""
    end = post.rstrip()
    return (
        bool(rest.strip())
        and end.endswith(rest.rstrip())  # the list runs to the end of the text given
        and "," in rest
        and not rest.rstrip().endswith(",")  # '12 are in A, ' before the next item: not cut off
        and not _AND_OR.search(rest)
        and not end.endswith((".", "!", "?", '"', "”", "’", ")"))
    )


_AND_OR = re.compile(r"\b(?:and|or|etc)\b", re.I)


# 'The projects cover A, B and C.' right after a cohort: the fields of that cohort
_FIELDS_SENTENCE = re.compile(
    r"\s*(?:in\s+terms\s+of\s+[^,.;]{1,40},\s*)?"
    rf"(?:{SUBJECT}\s*(?:,[^.;]{{0,120}}?,|,)?"  # 'The projects signed at X, ..., cover'
    r"|they(?=\s+fall\s+into\s+(?:\w+\s+)?(?:categories|types)\s*:|\s+(?:mainly\s+|mostly\s+)?(?:cover|involve|span|focus)\b)"
    r"|the\s+(?:industries|fields|sectors|areas)\s+(?:involved|covered))"  # 'The industries involved include A, B and C'
    rf"(?=\s+{FIELDS_VERB}|(?<=ed)\s+(?:include|are)\b)",  # '... involved include', '... covered are'
    re.I,
)
_INCLUDE = re.compile(r"^\s+(?:include|are)\b", re.I)
# where such a list of fields ends: ', were signed ...', ', and 41 of them ...'
_FIELDS_STOP = re.compile(
    r",\s+(?:and\s+)?(?:\d|with\b|while\b|whereas\b|were\b|was\b|are\b|is\b|"
    r"have\b|has\b|will\b|which\b|among\s+(?:which|them)\b|(?:[\w-]+\s+){1,3}(?:said|says|noted|added)\b)",
    re.I,
)


def fields_sentence(s: str) -> str | None:
    """The sector a sentence 'The (signed) projects cover A, B and C' gives the cohort of
    the sentence before (by _sector_after's reading of the list), or None."""
    if s.lstrip()[:4].lower() not in ("the ", "thes", "thos", "all ", "in t", "they"):
        return None
    m = _FIELDS_SENTENCE.match(s)
    if not m:
        return None
    post = s[m.end() :]
    if m.group(0).rstrip().lower().endswith(("involved", "covered")):  # 'The industries involved include A, B'
        post = _INCLUDE.sub(" cover", post, count=1)
    stop = _FIELDS_STOP.search(post)
    if not stop and _cut_sentence(post):
        return None  # 'The projects signed cover the joint building of A clusters, efforts to bui'
    return _sector_after(post[: stop.start()] if stop else post) or None


def fields_predicate(post: str) -> str | None:
    """The sector a predicate 'focuses on A, B and C' names (a list read as by _sector_after), or None."""
    return _sector_after(post) or None if _names_field(post) else None


def _cut_sentence(post: str) -> bool:
    """A fields sentence cut off by the page's end: commas, no closing 'and', no closing stop."""
    end = post.rstrip()
    return "," in end and not _AND_OR.search(end) and not end.endswith((".", "!", "?", '"', "”", "’", ")", ","))


def _names_field(post: str) -> bool:
    m = _IN_SECTOR.match(post)
    return bool(m and m.end() > 0)


# what follows a gapped count: '6 are on infrastructure', '25 in new energy'
_GAPPED_FIELD = re.compile(
    r"\s*(?:of\s+(?:them|these|which)\s+)?(?:(?:are|were|is|was)\s+)?"
    r"(?:(?:mainly|all)\s+)?(?:(?:on|in|of|for|from|involved?|involves|covers?|covered|"
    r"belong(?:s|ed)?\s+to|focus(?:es|ed)?\s+on)\s+|(?<=are |ere )(?=(?:[\w-]+\s+){1,4}projects\b))"  # '20 of which are manufacturing projects'
    r"(?:the\s+)?([^,;.]*)",
    re.I,
)
# a machine-translated breakdown item with no preposition: '3 agriculture, 7 industry, ...'
_BARE_FIELD = re.compile(
    r"\s+(?!(?:are|were|is|was|have|has|had|of|for|to)\b)([a-z]+(?<!ed)(?:\s+[a-z]+){0,2}|[a-z]+ed(?:\s+[a-z]+){1,2})\s*(?:,|\.|;|\band\b|$)"
)
_GENERIC_OWN = re.compile(r"\bindustrial\s+projects?$", re.I)  # a group word, not a field
_BARE_INDUSTRY = re.compile(r"industry|industrial", re.I)
_PROJECT_NOUN = re.compile(r"\b(?:projects?|deals?|contracts?|agreements?|program(?:me)?s)\b", re.I)
_FIELDS_END = re.compile(
    r"[;(]|\.(?!\d)|\s(?:at|on|with|to|while|whereas|which)\s|,\s+and\s+(?:the|its|their|this)\s|"
    r",\s+(?:have|has|had|will|were|was|are|is)\s|"  # 'The 20 projects, covering A, B and C, have ...'
    r",?\s+(?:worth|valued|totall?ing|amounting)\b|"  # '203 projects covered A, B and C, worth X'
    r",\s+involving\s+(?=[\d.,]+\s|(?:an?\s+)?(?:total|combined|investments?)\b)"  # '..., involving 5.9 billion yuan'
)
_MANY = re.compile(
    r"(?:an?\s+)?(?:(?:wide|broad|whole)\s+range|variety|number|host)\s+of|"
    r"(?:various|multiple|diverse|many|several|different)\b",
    re.I,
)
_N_FIELDS = re.compile(
    r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several)\s+(?:(?:key|major|main|leading)\s+)?"
    r"(?:industries|fields|sectors|areas)\b",
    re.I,
)
_HEAD_END = re.compile(r",|\b(?:such\s+as|including|like|namely|featuring|from|with|and\s+other)\b", re.I)
_SUCH_AS = re.compile(r"^[^,]{0,60}?,?\s*\b(?:such\s+as|including|like|namely|featuring)\b", re.I)
# 'in fields such as A, B', 'industries like A, B': a bare field noun opening an open list; not
# 'including' / 'namely' lists, nor 'the key industries, such as A' (examples of a named set)
_OPEN_SUCH = re.compile(r"\b(?:industries|fields|sectors|areas)\s+(?:such\s+as|like)\b", re.I)
_LIST_SHAPE = re.compile(r"(?:[^,]{1,60},\s*)+[^,]*?\b(?:and|or|as\s+well\s+as)\s", re.I)
_LIST_SPLIT = re.compile(
    r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|as\s+well\s+as)\s+(?!(?:health|tourism|"
    r"environmental|trade|technology|livelihood)\b)",
    re.I,
)


def _list_items(rest: str) -> list[str]:
    """The items of a list of fields; an unread word joined by 'and' to a longer item is half
    of one coordinated item ('rare earth development and use', 'light and chemical
    industries'), not an item of its own ('conventions and exhibitions' stay two)."""
    items = []
    for chunk in _COMMA.split(rest):
        pieces = [p for p in _LIST_SPLIT.split(chunk) if p.strip()]
        if len(pieces) == 2 and any(len(p.split()) > 1 for p in pieces):
            pieces = [p for p in pieces if len(p.split()) > 1 or sector_in(p)]
        items.extend(pieces)
    return items


_COMMA = re.compile(r"\s*,\s*(?:and\s+|or\s+)?")
_FIELD_NOUN_END = re.compile(r"^(?:[\w-]+\s+){1,3}(?:sectors|industries|fields)\s*$", re.I)
_OPEN_LIST = re.compile(r"\b(?:and|or)\s+other\b|\betc\b|\band\s+so\s+on\b|\bamong\s+others\b", re.I)
_OPEN_LIST_CUE = cue("other", "etc", r"so\s+on")  # what every _OPEN_LIST match holds


def _open_list(text: str) -> bool:
    return may_contain(text, _OPEN_LIST_CUE) and _OPEN_LIST.search(text) is not None


# 'a floating photovoltaic project': another, single project's words are not the cohort's
_ONE_PROJECT = re.compile(r"\b(?:an?|the)\s+(?:[\w'’-]+\s+){0,6}?project\b(?!s)", re.I)

# 'Nearly three-quarters of the 26 projects are in ...': the predicate names a share's field
_SHARE_OF = re.compile(
    r"\b(?:half|quarters?|thirds?|percent|per\s+cent|%|most|majority|bulk|part|some|many)\s+of\s+(?:the\s+|these\s+|its\s+)?$",
    re.I,
)


def _share_of(s: str, start: int) -> bool:
    return bool(_SHARE_OF.search(s, max(0, start - 30), start))


# the subject of the clause before an amount: 'The modern agriculture projects ...'
_SUBJECT = re.compile(r"\s*(?:the|these|those)\s+((?:[\w'’-]+\s+){1,4}?)projects\b", re.I)
# 'Among the 100 cultural tourism projects, 15 distinctive ones ...': 'ones' stands for the
# group's noun
_AMONG_THE = re.compile(
    r"\b(?:among|of)\s+(?:the|these|those)\s+(?:[\d,]+\s+)?((?:[\w'’-]+\s+){1,4}?)projects\s*,?\s*$", re.I
)


def _ones_of(s: str, start: int, own: str) -> str | None:
    if not own.endswith("ones"):
        return None
    code = sector_in(own)  # '84 industrial development ones': the field is its own
    if code:
        return code
    m = _AMONG_THE.search(s, max(0, start - 80), start)
    return sector_in(m.group(1)) if m else None


_LIST_COMMA = re.compile(r",(?!\d)")


def _own_noun(own: str) -> str | None:
    """The field of a count's own noun; a noun holding a list of fields ('284 commercial
    logistics, tourism, ... and new small towns projects') is read as a list ("" when the list
    is no one sector)."""
    if not _LIST_COMMA.search(own):  # not the comma of a figure ('1,350 industrial projects')
        return sector_in(own)
    noun = _PROJECT_NOUN.split(own, maxsplit=1)[0]
    return _sector_after(" in " + noun.split(None, 1)[-1])


# a clause opening on its field: 'In the field of new materials, ...', 'In the biomedicine sector, ...'
_FRAME = re.compile(
    r"\s*(?:in|within)\s+(?:the\s+)?(?:(?:fields?|sectors?|areas?|industr(?:y|ies))\s+of\s+([^,;.]{2,80})|"
    r"([^,;.]{2,60}?)\s+(?:fields?|sectors?|industr(?:y|ies)))\s*,",
    re.I,
)
_COORD = re.compile(r",\s+(?:and|while|whereas|but)\s+", re.I)
_OF_WHICH = re.compile(r"\s+of\s+(?:which|them|these)(?=\s)", re.I)


def _elliptic(s: str, counted) -> str | None:
    """'679 are manufacturing projects', '20 of which are manufacturing projects'."""
    w = _OF_WHICH.match(s, counted.end)
    m = ARE_PROJECTS.match(s, w.end() if w else counted.end)
    return sector_in(m.group(0)) if m else None


# 'N projects of new materials': 'of' and a field right after the count's noun
_OF_FIELD = re.compile(
    r"^\s+of\s+(?=(?!(?:the|a|an|its|their|this|these|those|them|which|over|more|above|below|under|about|at|up|around|nearly|some|all|each)\b)[a-z])",
    re.I,
)

# 'N agreements on investment projects in the X sector': the agreements' projects, then their field
_ON_PROJECTS = re.compile(r"^\s+(?:on|for)\s+(?:(?:investment|cooperation|new|key)\s+)?projects(?=\s+in\s)", re.I)

# 'invest 2.7 billion yuan for the construction of a base for innovative drugs', 'a 4 billion
# yuan investment by X to build an AI computing center': one project's field is what it builds
_BUILDS = re.compile(
    r"\s*(?:\([^)]*\)\s*)?(?:(?:investment\s+)?by\s+[\w&.'’ -]{2,40}?\s+)?"
    r"(?:to\s+(?:build|establish|construct|set\s+up)|for\s+(?:the\s+)?(?:construction|building)\s+of)\s+",
    re.I,
)


def _what_it_builds(s: str, g: Group, next_start: int) -> str | None:
    if g.count not in (None, 1) or g.amount is None:
        return None
    m = _BUILDS.match(s, g.end, next_start)
    return sector_in(_CLAUSE_END.split(s[m.end() : next_start], maxsplit=1)[0]) if m else None


_CLAUSE_END = re.compile(r"[,;(]|\.(?!\d)|\s(?:and|while|whereas|which)\s")


def sector_of(s: str, g: Group, counted, prefix: str, next_start: int, name: str | None) -> str | None:
    """The cohort's sector, from its own words: the count's noun phrase ('12 new energy
    projects'), the field a gapped item names ('6 are on infrastructure'), the predicate
    right after the count or the figures ('... are in biomedicine'), or else the clause
    before the figures ('By sector, new energy took 30% with 12 projects')."""
    if counted and g.paired:
        code = sector_in(s[counted.start : counted.end]) or _across_noun(s, counted)
        if code:
            return code
    if g.listed:
        return g.sector
    code = _elliptic(s, counted) if counted and counted.kind == "elliptic" else None
    if code:
        return code
    if counted and counted.kind == "gapped":
        m = _GAPPED_FIELD.match(s, counted.end, next_start) or _BARE_FIELD.match(s, counted.end, next_start)
        if m and _BARE_INDUSTRY.fullmatch(m.group(1).strip()):  # '4 agriculture, 6 industry, ...':
            return sector_in("industrial projects")  # a bare 'industry' item is the industrial group
        return sector_in(m.group(1)) if m else None
    if counted:
        own = s[counted.start : counted.end]
        code = _own_noun(own) if _PROJECT_NOUN.search(own) else _ones_of(s, counted.start, own)  # not 'projects 9'
        code = code or _across_noun(s, counted)
        if code and _GENERIC_OWN.search(own):  # '24 industrial projects of new-generation IT':
            of = _OF_FIELD.sub(" in ", s[counted.end : next_start], count=1)  # the field after 'of'
            code = (of.startswith(" in ") and _sector_after(of)) or code
        if code:
            return code
        if code == "":
            return None
        post = _ON_PROJECTS.sub("", s[counted.end : next_start], count=1)  # '9 agreements on projects in A'
        post = _OF_FIELD.sub(" in ", post, count=1)  # '12 projects of new materials'
        code = _sector_after(post) if _names_field(post) else None
        if code is not None:
            return None if _share_of(s, counted.start) else code or None
    post = s[g.end : next_start]
    code = _sector_after(post) if _names_field(post) else None
    if code is not None:
        return code or None
    if g.band is not None and g.amount is not None:
        # '9 projects between 1 and 5 billion yuan in the tourism sector, worth 2 billion yuan':
        # the field named between the band and the total
        for a, b in zip(g.items, g.items[1:]):
            if b is g.amount and a.amount is not None and a.end < b.start:
                between = s[a.end : b.start]
                code = _sector_after(between) if _names_field(between) else None
                if code:
                    return code
    code = (sector_in(name) if name else None) or _what_it_builds(s, g, next_start)
    if code:
        return code
    return _clause_sector(s, g, counted, prefix, name)


def _across_noun(s: str, counted) -> str | None:
    """A field term running on past the count's noun ('19 projects for the people')."""
    n = counted.end - counted.start
    return next((c for a, b, c in sector_terms(s[counted.start : counted.end + 40]) if a < n < b), None)


def _clause_sector(s: str, g: Group, counted, prefix: str, name: str | None) -> str | None:
    """The field the clause before the figures names: its subject ('The modern agriculture
    projects ...'), a frame opening it ('In the field of new materials, ...'), else its last
    coordinated part's first field term (companies' and single projects' words masked)."""
    clause, group = after_intro(prefix) if name else prefix, s[g.start : g.end]
    if not points_back(group):  # 'The city, a hub for X, signed 20 such projects': the aside's field
        clause = _APPOSITIVE.sub(" ", clause)  # a named one: not the list's fields
    clause = mask_host(clause, g.count, group)  # 'As a hub for biomedicine, the city signed ...'
    subject = _SUBJECT.match(clause) if g.count is None else None
    code = sector_in(subject.group(1)) if subject else None
    if code:  # 'The new industrialization projects are divided into ..., with a total investment of X'
        return code
    frame = _FRAME.match(clause) if g.count != 1 else None
    code = sector_in(frame.group(1) or frame.group(2)) if frame else None
    if code:  # 'In the fields of software ..., we ..., and signed 14 projects': the frame's field
        return code
    if ", " in clause:  # '... cover tourism and biomedicine, and 41 of them are ...': the
        clause = _COORD.split(clause)[-1]  # fields are the clause before's
    if g.count != 1:  # another, single project's words are not a group's
        clause = _ONE_PROJECT.sub(" ", clause)
    if g.count and g.count > 1:  # nor a company's name ('... and China Logistics Group. 4 projects')
        clause = mask_firms(clause)
    if _open_list(clause) and len({c for _, _, c in sector_terms(clause)}) > 1:
        return None
    # 'Modern industrial projects make up nearly half of the 602 projects': a share's field
    return None if counted and _share_of(s, counted.start) else sector_in(clause)
