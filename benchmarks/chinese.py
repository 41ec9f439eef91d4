"""The cost of reading Chinese: the segmenter (jieba) and the traditional-script conversion (OpenCC's tables),
against the extraction of the same texts.

    python benchmarks/chinese.py [FOLDER ...]

Reads the Chinese texts of the folders given (by default the shared corpus beside the repository: seven
national laws and LawRefBook's 284 files, about 3 MB; else the seeds), and prints characters a second of
segmentation (a cold cut of each text), of the conversion (each text written out in traditional characters
first), and of the whole extraction (split and extract), and the segmenter's share of the extraction. Run by
hand or with `make bench`. Target (issue 16): segmentation at least 100,000 characters a second and at most
half the extraction time; the conversion at least 300,000 characters a second.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

from legal_kg.extractors import extract, script, segment  # noqa: E402
from legal_kg.extractors.documents import split  # noqa: E402
from legal_kg.extractors.text import has_cjk  # noqa: E402


def texts(folders: list[Path]) -> list[tuple[Path, str]]:
    files = sorted(p for f in folders for p in f.rglob("*") if p.suffix in (".md", ".txt") and p.name != "README.md")
    out = [(p, p.read_text(encoding="utf-8-sig")) for p in files]
    return [(p, t) for p, t in out if has_cjk(t)]


def main(argv: list[str]) -> None:
    default = ROOT.parent / "shared" / "corpus"
    folders = [Path(a) for a in argv] or [default if default.exists() else ROOT / "seeds"]
    found = texts(folders)
    chars = sum(len(t) for _, t in found)
    segment.words("预热")  # jieba loads its dictionary once
    started = time.perf_counter()
    for _, t in found:
        segment._cut(t)
    seg = time.perf_counter() - started
    written = [script.traditional(t) for _, t in found]
    script.simplified(written[0])
    started = time.perf_counter()
    for t in written:
        script.simplified(t)
    conv = time.perf_counter() - started
    started = time.perf_counter()
    for path, t in found:
        for doc in split(t, path):
            if doc.genre:
                extract(doc)
    whole = time.perf_counter() - started
    print(f"{len(found)} Chinese texts, {chars:,} characters")
    print(f"segmentation:  {chars / seg:12,.0f} characters/s (target: 100,000 or more)")
    print(f"conversion:    {chars / conv:12,.0f} characters/s (target: 300,000 or more)")
    print(f"extraction:    {chars / whole:12,.0f} characters/s; the segmenter {seg / whole:.0%} of it (target: 50% or "
          f"less)")


if __name__ == "__main__":
    main(sys.argv[1:])
