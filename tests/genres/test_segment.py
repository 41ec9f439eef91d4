"""The segmenter cuts a text only where a finder asks, and gives there the words jieba gives the whole line:
checked on a real law (the Criminal Law, ../shared/corpus) and a real judgment of the development set."""

from __future__ import annotations

import jieba.posseg
import pytest

from conftest import SHARED
from legal_kg.extractors import segment
from legal_kg.extractors.mentions import ZH_PLACE_LAST
from legal_kg.extractors.text import has_cjk
from legal_kg.graph.reader import read

TEXTS = [SHARED / "corpus" / "zh-criminal-law.md", SHARED / "eval" / "dev" / "docs" /
         "zh-03_haixing-wu-online-romance-fraud.txt"]


def whole_lines(text: str) -> list[tuple[int, int, str, str]]:
    """jieba's words of each line with Chinese, cut as one line, with their offsets in the text."""
    out, at = [], 0
    for line in text.split("\n"):
        if has_cjk(line):
            for pair in jieba.posseg.cut(line):
                out.append((at, at + len(pair.word), pair.word, pair.flag))
                at += len(pair.word)
        else:
            at += len(line)
        at += 1
    return out


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name)
def test_words_asked_for_are_the_words_of_the_whole_line(path):
    if not path.exists():
        pytest.skip(f"{path} is not beside the repo")
    text = read(path).text
    expected = whole_lines(text)
    starts = {w[0]: w for w in expected}
    # a word asked for by position, before anything else is cut: the word jieba gives the whole line there
    for at in sorted(starts)[::37]:
        assert tuple(segment.word_at(text, at)) == starts[at]
    having = [tuple(w) for w in segment.words_having(text, ZH_PLACE_LAST)]
    assert set(having) < set(expected) and any(w[2].endswith(("县", "市")) for w in having)
    assert [tuple(w) for w in segment.words(text) if w.start in starts] == expected
