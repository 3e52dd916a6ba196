"""Articles -> a frame of cohort mentions, both languages, one batch at a time.

Polars does the batch work (normalization, sentence split; the language is counted on bytes
in language.lang_of); each language's rule
set (extract_en / extract_zh) reads an article's sentences in order, because "among them" and
"respectively" need their neighbours. Event and place come from event.detect_event.
"""

from __future__ import annotations

import polars as pl

from flows.core.contract import COHORT_SCHEMA
from flows.core.extract.en.article import extract_en
from flows.core.extract.event import detect_event
from flows.core.extract.fx import to_cny
from flows.core.extract.merge import dedupe
from flows.core.extract.zh.article import extract_zh
from flows.core.ingest.language import lang_of, nfkc_here, to_simplified
from flows.core.ingest.sentences import sentence_lists
from flows.core.model import Article, CohortMention

EXTRACTORS = {"en": extract_en, "zh": extract_zh}


def full_text(article: Article) -> str:
    """Title (when not already the first line) + body: headlines carry figures too."""
    body = article.text.strip()
    title = (article.title or "").strip()
    if title and not body.startswith(title):
        return f"{title}\n{body}"
    return body


def article_texts(articles: list[Article]) -> tuple[list[str], list[str]]:
    """(langs, texts): each article's language by language.detect_lang's rule and its text by
    language.normalize (sets each article's lang)."""
    texts = [full_text(art) for art in articles]
    langs = _langs(texts)
    for art, lang in zip(articles, langs):
        art.lang = lang
    return langs, _normalized([to_simplified(t) if lang == "zh" else t for t, lang in zip(texts, langs)])


def article_frame(articles: list[Article]) -> pl.DataFrame:
    """[article_id, lang, text]: article_texts as a frame."""
    langs, texts = article_texts(articles)
    return pl.DataFrame(
        {"article_id": range(len(articles)), "lang": langs, "text": texts},
        schema={"article_id": pl.Int64, "lang": pl.String, "text": pl.String},
    )


def _normalized(texts: list[str]) -> list[str]:
    """The texts NFKC-folded, ideographic and no-break spaces made plain; an ASCII text (which
    neither step changes) is passed as it is, one of language.nfkc_here's blocks alone is folded
    by Python, the others in Polars."""
    texts = list(texts)
    folded = []
    for i, t in enumerate(texts):
        if not t.isascii():
            here = nfkc_here(t)
            if here is None:
                folded.append(i)
            else:
                texts[i] = here.replace("\u3000", " ").replace("\u00a0", " ")
    if folded:
        done = pl.Series([texts[i] for i in folded], dtype=pl.String).str.normalize("NFKC")
        for i, t in zip(folded, done.str.replace_all("[\u3000\u00a0]", " ").to_list()):
            texts[i] = t
    return texts


def _langs(texts) -> list[str]:
    """language.detect_lang's rule for the batch: 'zh' when Han characters make a fair share of
    the letters of the sample (language.lang_of, its classes counted on the encoded sample)."""
    return [lang_of(t) for t in texts]


def extract_articles(articles: list[Article], failures: list[tuple[str, str]] | None = None) -> pl.DataFrame:
    """Every cohort mention of every article, with the contract's columns and a few more.

    An article the rules fail on (a bug meeting odd text) is left out and reported in
    `failures` as (source_file, reason) instead of failing its whole batch."""
    return pl.DataFrame(extract_rows(articles, failures), schema=COHORT_SCHEMA)


def extract_rows(articles: list[Article], failures: list[tuple[str, str]] | None = None) -> list[dict]:
    """As extract_articles, as plain rows (dicts with COHORT_SCHEMA's keys)."""
    if not articles:
        return []
    langs, texts = article_texts(articles)
    by_article = sentence_lists(langs, texts)
    rows: list[dict] = []
    for i, art in enumerate(articles):
        try:
            rows.extend(_article_rows(art, langs[i], texts[i], by_article[i]))
        except Exception as exc:  # noqa: BLE001 - one article must not sink the batch
            if failures is None:
                raise
            failures.append((art.source_file, f"extraction failed: {type(exc).__name__}: {exc}"))
    return rows


def _article_rows(art: Article, lang: str, text: str, sents: list[str]) -> list[dict]:
    mentions = dedupe(EXTRACTORS[lang](sents))
    if not mentions:
        return []
    event = detect_event(art.title, sents, lang, art.published_at)
    spans = sentence_spans(text, sents)
    rows = []
    for idx, m in enumerate(mentions):
        row = _row(art, lang, event, m, idx)
        row["char_start"], row["char_end"] = spans[m.sentence_index] if m.sentence_index < len(spans) else (None, None)
        rows.append(row)
    return rows


def sentence_spans(text: str, sentences: list[str]) -> list[tuple[int | None, int | None]]:
    """Character offsets of each sentence in the normalized article text, found in order."""
    spans, pos = [], 0
    for sentence in sentences:
        start = text.find(sentence, pos)
        if start < 0:
            spans.append((None, None))
            continue
        spans.append((start, start + len(sentence)))
        pos = start + len(sentence)
    return spans


def _row(art: Article, lang: str, event, m: CohortMention, idx: int) -> dict:
    d = dict(vars(m))
    d.pop("extra", None)
    year = event.event_year
    band_currency = d.pop("size_currency", None)
    if band_currency not in (None, "CNY"):  # the contract's bands are in yuan
        d["size_min"] = to_cny(m.size_min, band_currency, year)
        d["size_max"] = to_cny(m.size_max, band_currency, year)
    d.update(
        source_file=art.source_file,
        lang=lang,
        event_name=event.event_name,
        event_year=year,
        city=event.city,
        province=event.province,
        amount_cny=to_cny(m.amount, m.currency, year),
        cohort_index=idx,
        parent_index=d.pop("parent"),
        canonical_event_id=event.canonical_id,
        event_year_source=event.year_source,
    )
    return d
