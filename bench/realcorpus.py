"""Real-wording benchmark corpora: the dev set's raw articles (../shared/devset/raw), copied
until the corpus holds N articles, each copy made unique.

    uv run python bench/realcorpus.py --articles 20000 --out bench/out/real-20000

Each copy gets one invented closing line (letters only: no digit, numeral or number word, so
the rules find nothing new in it) that differs from every other copy's, so content hashes
differ; the file keeps its format (txt, HTML, JSON) and its encoding (UTF-8, GB18030, GB2312,
ASCII), and its name carries the copy number (articles whose event the rules cannot name get
an event key of their own). The years 2000-2025 in a copy are shifted by one of 36 offsets
(-20 to +15: every year stays one the rules read as a year), so that the copies of an article
with a named event report 36 different events (event key = name + year): about 7 reports an
event at 20,000 articles, 33 at 100,000, instead of every copy reporting one event (240 and
1,200 reports an event, which is the fact matching's worst case, not a corpus's).
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEVSET = ROOT.parent / "shared" / "devset"
SYLLABLES = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"]  # 70, no digits anywhere
YEARS = re.compile(rb"(?<![\d.,])(20[01]\d|202[0-5])(?!\d)")  # ASCII digits in every encoding used
OFFSETS = 36


class MissingDevset(SystemExit):
    pass


def tag(i: int) -> str:
    """A pronounceable letters-only word unique to copy i."""
    out = []
    while True:
        i, r = divmod(i, len(SYLLABLES))
        out.append(SYLLABLES[r])
        if i == 0:
            break
    return "".join(out).capitalize()


def encodings(devset: Path) -> dict[str, str]:
    with open(devset / "manifest.csv", newline="", encoding="utf-8") as fh:
        return {row["file"]: (row.get("encoding") or "utf-8").strip() or "utf-8" for row in csv.DictReader(fh)}


def shift_years(data: bytes, offset: int) -> bytes:
    return YEARS.sub(lambda m: str(int(m.group(1)) + offset).encode("ascii"), data) if offset else data


def unique_copy(data: bytes, name: str, encoding: str, i: int, offset: int = 0) -> bytes:
    """The file's bytes with a closing line of its own and its years shifted by `offset`, in
    its own format and encoding."""
    data = shift_years(data, offset)
    line = f"Filed by the {tag(i)} desk."
    if name.endswith(".json"):
        doc = json.loads(data.decode(encoding))
        doc["content"] = doc["content"].rstrip() + "\n" + line
        return json.dumps(doc, ensure_ascii=False, indent=2).encode(encoding)
    if name.endswith((".html", ".htm")):
        low = data.lower()
        at = low.rfind(b"</article>")
        at = low.rfind(b"</body>") if at < 0 else at
        para = f"<p>{line}</p>\n".encode(encoding)
        return data[:at] + para + data[at:] if at >= 0 else data + para
    newline = b"\r\n" if b"\r\n" in data else b"\n"
    return data.rstrip() + newline + line.encode(encoding) + newline


def build(n: int, out: Path, devset: Path = DEVSET) -> Path:
    """The corpus of n articles under out/articles (reused when already built)."""
    raw = devset / "raw"
    if not raw.is_dir():
        raise MissingDevset(f"bench: the dev set's raw articles are missing ({raw}); --real needs ../shared")
    articles = out / "articles"
    marker = out / "done.json"
    if marker.exists() and json.loads(marker.read_text()) == {"n": n, "source": str(raw), "years": OFFSETS}:
        return articles
    shutil.rmtree(out, ignore_errors=True)
    enc = encodings(devset)
    sources = sorted(p for p in raw.iterdir() if p.is_file())
    blobs = [(p.name, p.read_bytes()) for p in sources]
    for i in range(n):
        name, data = blobs[i % len(blobs)]
        stem, dot, ext = name.rpartition(".")
        folder = articles / f"{i // 1000:03d}"
        if i % 1000 == 0:
            folder.mkdir(parents=True, exist_ok=True)
        encoding = enc.get(name, "utf-8").replace("ascii", "utf-8")
        offset = (i // len(blobs)) % OFFSETS - 20
        (folder / f"{stem}-{i:06d}{dot}{ext}").write_bytes(unique_copy(data, name, encoding, i, offset))
    marker.write_text(json.dumps({"n": n, "source": str(raw), "years": OFFSETS}))
    return articles


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, required=True)
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args()
    try:
        print(build(args.articles, args.out))
    except MissingDevset as exc:
        print(exc, file=sys.stderr)
        raise SystemExit(2) from None


if __name__ == "__main__":
    main()
