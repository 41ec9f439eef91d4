"""Extraction throughput per core, English and Chinese, beside spaCy's tokenizer on the same files.

    python benchmarks/throughput.py [--spacy PYTHON]

The texts are real: English files (under 5% Chinese characters) and Chinese files (over 50%) among the
seeds, the development set (../shared/eval/dev/docs) and the corpus of Chinese laws (../shared/corpus),
plus 300 generated documents. Each file is read, split and extracted in this process (one core; the
extractors warmed on the first file of each language, as spaCy is below: what a process does once, such as
importing jieba, is not counted), and the megabytes of text per second are printed per language. With
`--spacy PYTHON` (an interpreter with spaCy installed; `make bench` makes one in .venv-bench, so spaCy never
enters the project's environment), the same files go through spaCy's tokenizer (`spacy.blank("en")`,
`spacy.blank("zh")`: no model, tokens only) and the ratio is printed. Target (issue 18): 2 MB/s of English
per core, 1 MB/s of Chinese.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"

from legal_kg.extractors.text import cjk_ratio  # noqa: E402
from legal_kg.graph.pipeline import extract_file  # noqa: E402
from legal_kg.graph.reader import read  # noqa: E402

SPACY = """
import json, sys, time
import spacy
files = json.loads(sys.argv[1])
out = {}
for lang, paths in files.items():
    nlp = spacy.blank(lang)
    texts = [open(p, encoding="utf-8", errors="replace").read() for p in paths]
    nlp.make_doc(texts[0])
    started = time.perf_counter()
    for t in texts:
        nlp.make_doc(t)
    out[lang] = time.perf_counter() - started
print(json.dumps(out))
"""


def languages(folders: list[Path]) -> dict[str, list[Path]]:
    files: dict[str, list[Path]] = {"en": [], "zh": []}
    for folder in folders:
        for path in sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix in (".txt", ".md")):
            text = read(path).text
            ratio = cjk_ratio(text)
            if ratio < 0.05:
                files["en"].append(path)
            elif ratio > 0.5:
                files["zh"].append(path)
    return files


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--spacy", help="a Python interpreter with spaCy installed")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        generated = Path(tmp) / "generated"
        subprocess.run([sys.executable, str(ROOT / "benchmarks" / "make_corpus.py"), "300", "--seed", "1", "--out",
                        str(generated)], check=True, capture_output=True)
        folders = [ROOT / "seeds", SHARED / "eval" / "dev" / "docs", SHARED / "corpus", generated]
        files = languages([f for f in folders if f.is_dir()])
        ours = {}
        for lang, paths in files.items():
            extract_file(paths[0])  # warmed on the language's first file, as spaCy is (its patterns, its dictionary)
            started = time.perf_counter()
            for path in paths:
                extract_file(path)
            ours[lang] = time.perf_counter() - started
        theirs = {}
        if args.spacy:
            run = subprocess.run([args.spacy, "-c", SPACY, json.dumps({k: [str(p) for p in v] for k, v in
                                                                        files.items()})],
                                 capture_output=True, text=True, check=True)
            theirs = json.loads(run.stdout)
        for lang, paths in files.items():
            mb = sum(p.stat().st_size for p in paths) / 1e6
            line = f"{lang}: {len(paths)} files, {mb:.2f} MB: extraction {mb / ours[lang]:.2f} MB/s per core"
            if lang in theirs:
                line += (f"; spaCy's tokenizer {mb / theirs[lang]:.2f} MB/s "
                         f"(extraction takes {ours[lang] / theirs[lang]:.1f}x its time)")
            print(line)


if __name__ == "__main__":
    main()
