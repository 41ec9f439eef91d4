"""jieba's dictionary loaded a first character at a time gives the words and tags of the whole dictionary:
a fresh process (which imports jieba.posseg under the lazy tokenizer) segments a real law as jieba does with
every word loaded, whether its buckets are made, read from the cache folder or cannot be kept."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys

import jieba.posseg
import pytest

from conftest import SHARED
from legal_kg.extractors.text import has_cjk
from legal_kg.graph.reader import read

LAW = SHARED / "corpus" / "zh-criminal-law.md"

SEGMENT = """
import hashlib, importlib, json, sys
from pathlib import Path
from legal_kg.extractors import segment
from legal_kg.extractors.text import has_cjk
from legal_kg.graph.reader import read
text = read(Path(sys.argv[1])).text
words = [list(w) for w in segment.words(text) if has_cjk(w.text)]
posseg = importlib.import_module("jieba.posseg")  # imported under the lazy tokenizer: its own tagger is one too
line = next(x for x in text.split("\\n") if "网络" in x)
print(json.dumps({"words": hashlib.sha256(json.dumps(words, ensure_ascii=False).encode()).hexdigest(),
                  "module": [list(p) for p in posseg.cut(line)],
                  "loaded": sum(len(f) for f, _ in segment._jieba().tagger.tokenizer.tables.values())}))
"""


def fresh(cache: str) -> dict:
    run = subprocess.run([sys.executable, "-c", SEGMENT, str(LAW)], capture_output=True, text=True, check=True,
                         env=dict(os.environ, XDG_CACHE_HOME=cache))
    return json.loads(run.stdout)


def test_a_fresh_process_cuts_a_real_law_as_jieba_with_its_whole_dictionary(tmp_path):
    if not LAW.exists():
        pytest.skip(f"{LAW} is not beside the repo")
    text = read(LAW).text
    expected, at = [], 0
    for line in text.split("\n"):
        if has_cjk(line):
            for word, tag in jieba.posseg.cut(line):  # jieba's own tagger: every word loaded before the first cut
                expected.append([at, at + len(word), word, tag])
                at += len(word)
        else:
            at += len(line)
        at += 1
    digest = hashlib.sha256(json.dumps([w for w in expected if has_cjk(w[2])],
                                       ensure_ascii=False).encode()).hexdigest()
    line = next(x for x in text.split("\n") if "网络" in x)
    module = [list(p) for p in jieba.posseg.cut(line)]

    made = fresh(str(tmp_path / "cache"))  # the buckets made and kept
    kept = list((tmp_path / "cache" / "legal-kg").iterdir())
    assert len(kept) == 1 and kept[0].name.startswith("jieba-") and kept[0].suffix == ".buckets"
    assert made["words"] == digest and made["module"] == module
    assert 0 < made["loaded"] < len(jieba.posseg.dt.tokenizer.FREQ)  # only the characters of one law
    assert fresh(str(tmp_path / "cache")) == made  # read from the cache folder
    (tmp_path / "file").write_text("")
    assert fresh(str(tmp_path / "file")) == made  # a cache folder that cannot be made: made for the process


def test_the_tagger_decodes_jiebas_model_as_jieba_does_on_real_text():
    """lexicon.viterbi, which the tagger uses in jieba's place, gives jieba's states and weight for every run
    of Chinese of a real law (the runs jieba's model decodes are pieces of these)."""
    import jieba.posseg as posseg
    from jieba.posseg.viterbi import viterbi as jiebas

    from legal_kg.extractors.lexicon import tagger, viterbi

    tagger()
    assert posseg.viterbi is viterbi
    text = (SHARED / "corpus" / "zh-cybersecurity-law-2016.md").read_text(encoding="utf-8")
    runs = sorted({r[i:i + n] for r in posseg.re_han_detail.findall(text) for n in (2, 3, 7) for i in
                   range(0, len(r), n)})
    assert len(runs) > 1500
    tables = (posseg.char_state_tab_P, posseg.start_P, posseg.trans_P, posseg.emit_P)
    for run in runs:
        assert viterbi(run, *tables) == jiebas(run, *tables), run
