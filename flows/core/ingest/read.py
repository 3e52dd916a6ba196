"""Decode raw files into `Article`s: .txt, .html/.htm, .json, .jsonl.

Every failure raises `Unreadable` with a reason a person can act on; callers quarantine the
file (or the JSONL line) and go on. Text encodings: UTF-8 first, then charset-normalizer
(GB18030, Big5, ...). HTML honours a declared charset and keeps only the main text.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import stat
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from flows.core.model import Article

SUFFIXES = (".txt", ".html", ".htm", ".json", ".jsonl")
TEXT_KEYS = ("content", "text", "body", "article", "main_text")
MAX_BYTES = 16 * 1024 * 1024  # one article: no real news page comes near this
MAX_JSONL_BYTES = 1024 * 1024 * 1024  # a JSONL feed holds many articles
MAX_TEXT_CHARS = 2_000_000  # decoded text of one article
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)


class Unreadable(ValueError):
    """The file (or JSONL line) cannot be turned into an article; the message says why."""


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def decode_bytes(data: bytes, declared: str | None = None) -> str:
    """Bytes -> str: UTF-8 (self-validating, so a wrong declaration cannot hide it), then a
    declared charset if it decodes cleanly, then detection; mostly-symbol results are refused."""
    if not data.strip():
        raise Unreadable("empty file")
    if data.startswith(_UTF16_BOMS):  # UTF-16 text is full of NUL bytes
        try:
            return _checked(data.decode("utf-16"), "utf-16")
        except UnicodeDecodeError as exc:
            raise Unreadable("undecodable bytes: a UTF-16 byte order mark, then no UTF-16 text") from exc
    if b"\x00" in data[:8192]:
        raise Unreadable("binary content (NUL bytes)")
    for enc in ["utf-8-sig"] + ([declared] if declared else []):
        try:
            return _checked(_codec(enc, data), enc)
        except (UnicodeDecodeError, LookupError):
            continue
    from charset_normalizer import from_bytes

    # a short page's one odd chunk can push every code page past the default chaos threshold
    best = from_bytes(data).best() or from_bytes(data, threshold=0.5).best()
    if best is None:
        raise Unreadable("undecodable bytes: no text encoding fits")
    return _checked(str(best), best.encoding)


def _checked(text: str, encoding: str) -> str:
    if _garbage_ratio(text) > 0.2:
        raise Unreadable(f"not text: decoded as {encoding} it is mostly symbols")
    return text


def _codec(enc: str, data: bytes) -> str:
    enc = enc.lower()
    if enc in ("gb2312", "gbk"):  # declared GB2312/GBK pages routinely hold GB18030 characters
        enc = "gb18030"
    return data.decode(enc)


# control characters, replacement/private-use code points and accented Latin letters: random
# bytes decoded as a Latin code page are full of them; English and Chinese news is not
_GARBAGE = re.compile("[\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00c0-\u00ff\ufffd\ue000-\uf8ff]")


def _garbage_ratio(text: str) -> float:
    """Share of a sample that is not the stuff of prose (one C-speed regex pass)."""
    sample = text[:20000]
    if not sample:
        return 1.0
    return len(_GARBAGE.findall(sample)) / len(sample)


def read_bytes(path: Path) -> bytes:
    """The raw bytes of a regular file, or Unreadable with the reason."""
    return read_file(path)[0]


def stat_of(path: Path) -> os.stat_result:
    """A file's stat, or Unreadable with the reason read_file gives."""
    try:
        return path.stat()
    except OSError as exc:
        raise Unreadable(f"cannot read file: {exc.strerror or exc}") from exc


def read_file(path: Path, info: os.stat_result | None = None) -> tuple[bytes, os.stat_result]:
    """(bytes, the stat taken to check them) of a regular file, or Unreadable with the reason:
    one stat per file (`info` when the caller has taken it already)."""
    try:
        info = info or path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise Unreadable("not a regular file")
        limit = MAX_JSONL_BYTES if path.suffix.lower() == ".jsonl" else MAX_BYTES
        if info.st_size > limit:
            raise Unreadable(f"file too large ({info.st_size:,} bytes; the limit is {limit:,})")
        return path.read_bytes(), info
    except OSError as exc:
        raise Unreadable(f"cannot read file: {exc.strerror or exc}") from exc


def parse_bytes(
    data: bytes, suffix: str, rel: str, digest: str | None = None
) -> tuple[list[Article], list[tuple[str, str]]]:
    """A file's bytes -> (articles, [(source_file, reason)] for bad JSONL lines); `digest` is
    content_hash(data) when the caller has it already.

    Raises Unreadable when the file as a whole cannot be used."""
    suffix = suffix.lower()
    if suffix not in SUFFIXES:
        raise Unreadable(f"unsupported file type {suffix or '(none)'}")
    if suffix == ".jsonl":
        return parse_jsonl(decode_bytes(data), rel)
    if suffix in (".html", ".htm"):
        art = parse_html(data, rel)
    elif suffix == ".json":
        art = parse_json_object(_json_load(decode_bytes(data)), rel)
    else:
        art = Article(source_file=rel, text=decode_bytes(data))
    _check_length(art.text)
    art.content_hash = digest or content_hash(data)
    return [art], []


def _check_length(text: str) -> None:
    if len(text) > MAX_TEXT_CHARS:
        raise Unreadable(f"text too long for one article ({len(text):,} characters; the limit is {MAX_TEXT_CHARS:,})")


def parse_jsonl(text: str, rel: str) -> tuple[list[Article], list[tuple[str, str]]]:
    """One article per non-blank line, named rel#N; bad lines are returned with their reason."""
    good: list[Article] = []
    bad: list[tuple[str, str]] = []
    for n, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            _parse_line(line, f"{rel}#{n}", good, bad)
    if not good and not bad:
        raise Unreadable("empty JSONL file")
    return good, bad


STREAM_JSONL_BYTES = 8 * 1024 * 1024  # a larger UTF-8 JSONL file is read line by line
_BLOCK = 1024 * 1024


def file_digest(path: Path) -> tuple[str, int]:
    """(content_hash, size) of a file read in blocks: a JSONL feed is never held whole."""
    digest, size = hashlib.sha256(), 0
    with open(path, "rb") as fh:
        while block := fh.read(_BLOCK):
            digest.update(block)
            size += len(block)
    return digest.hexdigest(), size


def streams_as_utf8(path: Path, size: int) -> bool:
    """Whether a JSONL file of `size` bytes is big enough to stream and its first megabyte is
    UTF-8 (other encodings are detected on the whole file, as any file is)."""
    try:
        if size < STREAM_JSONL_BYTES:
            return False
        with open(path, "rb") as fh:
            sample = fh.read(_BLOCK)
        sample[: sample.rfind(b"\n") + 1].decode("utf-8")
        return b"\x00" not in sample
    except (OSError, UnicodeDecodeError):
        return False


def iter_jsonl(path: Path, rel: str, lines: int = 2000) -> Iterator[tuple[list[Article], list[tuple[str, str]]]]:
    """A UTF-8 JSONL file, `lines` lines at a time: (articles, bad lines) as parse_jsonl gives
    them for the whole file, with memory bounded by the chunk, not the file."""
    good: list[Article] = []
    bad: list[tuple[str, str]] = []
    seen = False
    with open(path, "rb") as fh:
        for n, raw in enumerate(fh, start=1):
            try:
                line = raw.decode("utf-8-sig" if n == 1 else "utf-8")
            except UnicodeDecodeError:
                bad.append((f"{rel}#{n}", "undecodable line (the file is read as UTF-8)"))
                continue
            if line.strip():
                seen = True
                _parse_line(line, f"{rel}#{n}", good, bad)
            if n % lines == 0 and (good or bad):
                yield good, bad
                good, bad = [], []
    if not seen:
        raise Unreadable("empty JSONL file")
    if good or bad:
        yield good, bad


def _parse_line(line: str, ref: str, good: list[Article], bad: list[tuple[str, str]]) -> None:
    try:
        art = parse_json_object(_json_load(line), ref)
    except Unreadable as exc:
        bad.append((ref, str(exc)))
        return
    art.content_hash = content_hash(line.rstrip("\r\n").encode("utf-8"))
    good.append(art)


def _json_load(text: str):
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise Unreadable(f"invalid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}") from exc


def parse_json_object(obj, rel: str) -> Article:
    if not isinstance(obj, dict):
        raise Unreadable(f"JSON is a {type(obj).__name__}, expected an object")
    body = next((obj[k] for k in TEXT_KEYS if isinstance(obj.get(k), str) and obj[k].strip()), None)
    if body is None:
        raise Unreadable(f"JSON object has no text field ({'/'.join(TEXT_KEYS)})")
    _check_length(body)

    def opt(key):
        val = obj.get(key)
        return str(val) if val not in (None, "") else None

    return Article(
        source_file=rel,
        text=body,
        title=opt("title"),
        url=opt("url"),
        published_at=opt("published_at") or opt("date"),
        source=opt("source"),
    )


_H1 = re.compile(r"<h1[^>]*>(.*?)</h1>", re.I | re.S)
_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.I | re.S)
_TAGS = re.compile(r"<[^>]+>")
_META_DATE = re.compile(
    r"""<meta[^>]+(?:property|name|itemprop)=["'](?:article:published_time|og:published_time|"""
    r"""pubdate|publishdate|datePublished|date)["'][^>]+content=["'](\d{4}-\d{2}-\d{2})""",
    re.I,
)
_ISO_DATE = re.compile(r"(?<![\d-])((?:19|20)\d{2}-[01]\d-[0-3]\d)(?![\d-])")


def _published(html: str) -> str | None:
    """A declared publication date, else the first ISO date on the page (bylines carry one)."""
    match = _META_DATE.search(html) or _ISO_DATE.search(_TAGS.sub(" ", html))
    return match.group(1) if match else None


def _title(html: str) -> str | None:
    """The page's <h1>, else its <title> (site suffixes kept): cheap, no metadata pass."""
    import html as htmllib

    for pattern in (_H1, _TITLE):
        match = pattern.search(html)
        if match:
            title = " ".join(htmllib.unescape(_TAGS.sub("", match.group(1))).split())
            if title:
                return title
    return None


@lru_cache(maxsize=1)
def _trafilatura_options():
    """Main text only (no comments), tables kept, fast mode; built once per process."""
    from trafilatura.settings import Extractor

    return Extractor(output_format="txt", fast=True, comments=False, tables=True, dedup=False)


def parse_html(data: bytes, rel: str) -> Article:
    match = _META_CHARSET.search(data[:4096])
    html = decode_bytes(data, match.group(1).decode("ascii") if match else None)
    import trafilatura

    text = trafilatura.extract(html, options=_trafilatura_options())
    if not text or not text.strip():
        raise Unreadable("HTML has no extractable main text")
    return Article(source_file=rel, text=text, title=_title(html), published_at=_published(html))
