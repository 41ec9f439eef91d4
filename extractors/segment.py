"""Chinese words: jieba's segmentation with part-of-speech tags (its dictionary and HMM for unknown words),
with the character offsets of each word, so that a Chinese name begins and ends at a word boundary.

jieba (https://github.com/fxsjy/jieba) was chosen for being light (pure Python, its dictionary in the
wheel, no model download) and for tagging personal names (`nr`), which is what the finders ask of it; a
judgment of 10,000 characters segments in about 0.07 s.
"""

from __future__ import annotations

import logging
from bisect import bisect_right
from functools import lru_cache
from typing import NamedTuple

import jieba
import jieba.posseg

from .text import has_cjk

jieba.setLogLevel(logging.WARNING)


class Word(NamedTuple):
    start: int
    end: int
    text: str
    tag: str  # jieba's part of speech: nr a personal name, ns a place, n a noun, ...


@lru_cache(maxsize=2)  # the finders of one document (places, people, crimes) ask for its text in turn
def words(text: str) -> tuple[Word, ...]:
    """The words of a document's text, in order, with their offsets (the words cover the text)."""
    return _cut(text)


@lru_cache(maxsize=4096)  # names and the words around a body recur across documents
def phrase(text: str) -> tuple[Word, ...]:
    """The words of a few characters (a name, the words before a body's name), as `words` gives them."""
    return _cut(text)


@lru_cache(maxsize=2)
def _starts(text: str) -> tuple[int, ...]:
    return tuple(w.start for w in words(text))


def word_at(text: str, pos: int) -> Word:
    """The word of the document's text that `pos` falls in."""
    return words(text)[bisect_right(_starts(text), pos) - 1]


def _cut(text: str) -> tuple[Word, ...]:
    """jieba's words of each line that holds Chinese (jieba cuts no word across a line break, so a line cut
    alone gives the words the whole text gives); a line without Chinese is one word ("x"), as is each line
    break: no finder asks the segmenter about a word without Chinese, and most of an English text is such
    lines."""
    out: list[Word] = []
    at = 0
    for k, line in enumerate(text.split("\n")):
        if k:
            out.append(Word(at, at + 1, "\n", "x"))
            at += 1
        if not line:
            continue
        if not has_cjk(line):
            out.append(Word(at, at + len(line), line, "x"))
            at += len(line)
            continue
        for pair in jieba.posseg.cut(line):
            out.append(Word(at, at + len(pair.word), pair.word, pair.flag))
            at += len(pair.word)
    return tuple(out)
