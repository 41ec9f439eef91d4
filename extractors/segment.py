"""Chinese words: jieba's segmentation with part-of-speech tags (its dictionary and HMM for unknown words),
with the character offsets of each word, so that a Chinese name begins and ends at a word boundary.

jieba (https://github.com/fxsjy/jieba) was chosen for being light (pure Python, its dictionary in the
wheel, no model download) and for tagging personal names (`nr`), which is what the finders ask of it.

Segmenting is most of what reading Chinese costs, so a text is segmented only where a finder asks. jieba
cuts a line into pieces (its runs of Chinese, Latin letters and digits, and what stands between them) and
cuts each piece alone, so the words of one piece are the words the whole text has there: `word_at`
segments the piece a position falls in, `words_having` the pieces that hold one of some characters, and
`words` all of them. A piece's words are kept for the pieces that recur (clauses of the law repeat across
laws and judgments).
"""

from __future__ import annotations

from bisect import bisect_right
from functools import cache, lru_cache
from typing import TYPE_CHECKING, NamedTuple

from ..graph.model import tuple_of
from .text import has_cjk

if TYPE_CHECKING:
    from .lexicon import Tagger


class Word(NamedTuple):
    start: int
    end: int
    text: str
    tag: str  # jieba's part of speech: nr a personal name, ns a place, n a noun, ...


class _Pieces:
    """A text's pieces, each segmented when first asked for: each line break, each line without Chinese (one
    word "x": no finder asks the segmenter about a word without Chinese, and most of an English text is
    such lines), and jieba's pieces of each line with Chinese."""

    def __init__(self, text: str) -> None:
        self.starts: list[int] = []
        self.texts: list[str] = []
        self.cut: dict[int, tuple[Word, ...]] = {}
        at = 0
        for k, line in enumerate(text.split("\n")):
            if k:
                self._add(at, "\n")
                at += 1
            if line and not has_cjk(line):
                self.cut[len(self.texts)] = (Word(at, at + len(line), line, "x"),)
                self._add(at, line)
                at += len(line)
                continue
            for piece in _jieba().pieces.split(line):
                if piece:
                    self._add(at, piece)
                    at += len(piece)

    def _add(self, at: int, piece: str) -> None:
        self.starts.append(at)
        self.texts.append(piece)

    def words(self, k: int) -> tuple[Word, ...]:
        if k not in self.cut:
            at = self.starts[k]
            self.cut[k] = tuple(tuple_of(Word, (at + s, at + e, w, tag)) for s, e, w, tag in _cut(self.texts[k]))
        return self.cut[k]


@lru_cache(maxsize=2)  # the finders of one document (places, people, crimes) ask for its text in turn
def _pieces(text: str) -> _Pieces:
    return _Pieces(text)


def words(text: str) -> tuple[Word, ...]:
    """The words of a document's text, in order, with their offsets (the words cover the text)."""
    return _all(_pieces(text))


def words_having(text: str, chars: frozenset[str]) -> list[Word]:
    """The words, in order, of the pieces of the text that hold one of `chars` (the only words a finder
    looking for words that end in one of them need read)."""
    pieces = _pieces(text)
    return [w for k, piece in enumerate(pieces.texts) if not chars.isdisjoint(piece) for w in pieces.words(k)]


def word_at(text: str, pos: int) -> Word:
    """The word of the document's text that `pos` falls in."""
    pieces = _pieces(text)
    found = pieces.words(bisect_right(pieces.starts, pos) - 1)
    return found[bisect_right([w.start for w in found], pos) - 1]


@lru_cache(maxsize=4096)  # names and the words around a body recur across documents
def phrase(text: str) -> tuple[Word, ...]:
    """The words of a few characters (a name, the words before a body's name), as `words` gives them."""
    return _all(_Pieces(text))


def _all(pieces: _Pieces) -> tuple[Word, ...]:
    return tuple(w for k in range(len(pieces.texts)) for w in pieces.words(k))


@lru_cache(maxsize=8192)  # about 9 MB: the clauses that recur most
def _cut(piece: str) -> tuple[tuple[int, int, str, str], ...]:
    """jieba's words of one piece, with their offsets in it."""
    out = []
    at = 0
    for word, tag in _jieba().cut(piece):
        out.append((at, at + len(word), word, tag))
        at += len(word)
    return tuple(out)


@cache
def _jieba() -> Tagger:
    """jieba's tagger, imported when a text with Chinese is first segmented (0.1 s, its dictionary loaded a
    first character at a time as the text needs it, `lexicon`: an English build needs none of it)."""
    from .lexicon import tagger

    return tagger()
