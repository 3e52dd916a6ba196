"""Split articles into sentences with Polars, one vectorized pass over the whole batch.

Paragraph breaks always end a sentence. Chinese ends at 。!?; English at . ! ? followed by
white space and a capital, digit, quote or bracket, or at a full stop run into the next
sentence's capitalized word ("the contract.The deal", common in machine-translated pages), with common abbreviations (Sept., U.S., Co.)
protected first because Polars' regex engine has no look-behind.
"""

from __future__ import annotations

import polars as pl

_ABBREV = r"\b(Mr|Mrs|Ms|Dr|No|Nos|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Co|Corp|Inc|Ltd|St|Gov|Prof|vs|approx|U\.S|U\.K|U\.N|e\.g|i\.e)\."
_PROTECT = "\x00"


def _zh_breaks(text: pl.Expr) -> pl.Expr:
    return text.str.replace_all(r"([。!?])([”\"」』]?)", "${1}${2}\n")


def _en_breaks(text: pl.Expr) -> pl.Expr:
    return (
        text.str.replace_all(_ABBREV, "${1}" + _PROTECT)
        .str.replace_all(r"([.!?][”\"’']?)[ \t]+([A-Z0-9“\"(\[])", "${1}\n${2}")
        # 'the contract.The deal': a straight quote after the stop opens the next sentence
        .str.replace_all(r"((?:[a-z]{2}|%|\))[.!?][”’']?)([“\"]?[A-Z][a-z])", "${1}\n${2}")
        .str.replace_all(_PROTECT, ".", literal=True)
    )


def _lines(text: pl.Expr) -> pl.Expr:
    return text.str.replace_all(r"\r\n?", "\n")


def split_sentences(articles: pl.DataFrame) -> pl.DataFrame:
    """articles[article_id, lang, text] -> sentences[article_id, sentence_index, sentence]."""
    marked = (
        articles.lazy()
        .with_columns(_lines(pl.col("text")).alias("text"))
        .with_columns(
            pl.when(pl.col("lang") == "zh")
            .then(_zh_breaks(pl.col("text")))
            .otherwise(_en_breaks(pl.col("text")))
            .alias("text")
        )
        .with_columns(pl.col("text").str.split("\n").alias("sentence"))
        .explode("sentence")
        .with_columns(pl.col("sentence").str.strip_chars().alias("sentence"))
        .filter(pl.col("sentence").str.len_chars() > 0)
        .with_columns(pl.int_range(pl.len()).over("article_id").alias("sentence_index"))
        .select("article_id", "sentence_index", "sentence")
    )
    return marked.collect()


# what Polars' str.strip_chars() strips: the characters of Unicode's White_Space (str.strip()
# would also strip \x1c-\x1f)
WHITE_SPACE = (
    "\t\n\x0b\x0c\r \x85\xa0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u2028\u2029\u202f\u205f\u3000"
)


def sentence_lists(langs: list[str], texts: list[str]) -> list[list[str]]:
    """Each text's sentences, as split_sentences gives them in order (its rows grouped by
    article): each language's texts through its own breaks only (a when/then/otherwise runs
    both branches on every row), the lines split, stripped and the empty ones dropped in Python
    (no explode and window over the batch, no list column to convert)."""
    out: list[list[str]] = [[] for _ in texts]
    for zh, breaks in ((True, _zh_breaks), (False, _en_breaks)):
        rows = [i for i, lang in enumerate(langs) if (lang == "zh") == zh]
        if not rows:
            continue
        group = [texts[i] for i in rows]
        text = _lines(pl.col("text")) if any("\r" in t for t in group) else pl.col("text")  # (else the same)
        marked = pl.LazyFrame({"text": group}, schema={"text": pl.String}).select(breaks(text)).collect()
        for i, done in zip(rows, marked["text"].to_list()):  # (str.split on one character, as Polars')
            out[i] = [s for s in (line.strip(WHITE_SPACE) for line in done.split("\n")) if s]
    return out
