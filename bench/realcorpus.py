"""Real-wording benchmark corpora: the dev set's raw articles (../shared/devset/raw), copied
until the corpus holds N articles, each copy made unique.

    uv run python bench/realcorpus.py --articles 20000 --out bench/out/real-20000

Each copy gets one invented closing line (letters only: no digit, numeral or number word, so
the rules find nothing new in it) that differs from every other copy's, so content hashes
differ; the file keeps its format (txt, HTML, JSON) and its encoding (UTF-8, GB18030, GB2312,
ASCII), and its name carries the copy number (articles whose event the rules cannot name get
an event key of their own). Named events are shared by their copies, as many reports of one
event are in a real corpus.
"""

from __future__ import annotations

import argparse
import csv
import json
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEVSET = ROOT.parent / "shared" / "devset"
SYLLABLES = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"]  # 70, no digits anywhere


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


def unique_copy(data: bytes, name: str, encoding: str, i: int) -> bytes:
    """The file's bytes with a closing line of its own, in its own format and encoding."""
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
    if marker.exists() and json.loads(marker.read_text()) == {"n": n, "source": str(raw)}:
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
        (folder / f"{stem}-{i:06d}{dot}{ext}").write_bytes(unique_copy(data, name, encoding, i))
    marker.write_text(json.dumps({"n": n, "source": str(raw)}))
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
