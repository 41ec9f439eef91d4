"""jieba's dictionary, loaded a first character at a time.

Before its first cut jieba loads its whole dictionary: the frequency of 349,045 words and of their prefixes
(498,113 entries, 0.7 s from its own cache), and, when `jieba.posseg` is imported, the part of speech of
every word, read from dict.txt line by line (0.3 s more). A build whose Chinese is a few lines needs the
words of a few hundred characters. Here the same entries are kept in buckets, one per first character,
each read when a sentence to cut first holds its character. Every string jieba looks up while cutting a
sentence begins with one of its characters, so it finds the entry the whole dictionary has: the same words,
frequencies and tags, the same cuts.

A sentence is cut here as jieba cuts it (`Tagger.cut`): the route of its dictionary's words (jieba's DAG and
`calc`, made in one pass by `LazyTokenizer.ends`, the words looked up in their first character's bucket, not
merged into one table), the runs of characters no word covers given to jieba's model as jieba gives them,
those runs kept as they recur. Twice as fast as jieba's own cut; tests compare the two on real laws.

The buckets are made once from jieba's dict.txt (about 1 s) and kept in the user's cache folder
(`$XDG_CACHE_HOME/legal-kg`, by default `~/.cache/legal-kg`), in a file named by a digest of jieba's version
and of the dictionary file's path, size and time (as jieba's own cache goes by the file's time), written to a
temporary name and renamed (two processes making it at once each write a whole file). Where
it cannot be written or read, they are made for the process.

jieba tags the runs of characters its dictionary does not cut with a hidden Markov model, decoded by
`jieba.posseg.viterbi`, which weighs every state of the previous character against every state of the next
(some 10 by 10 a character). `viterbi` below decodes the same model the same way, with the same sums in the
same order, but weighs only the states the model lets follow each other (a few of the ten); the tagger uses
it in jieba's place (three times faster, the same states: tests compare the two on real text).
"""

from __future__ import annotations

import hashlib
import importlib
import io
import logging
import marshal
import os
import re
import sys
import tempfile
from collections import defaultdict
from collections.abc import Sequence
from functools import lru_cache
from math import inf, log
from pathlib import Path
from typing import Any, NamedTuple

from ..graph.model import unimportable

with unimportable("pkg_resources"):  # jieba imports it (0.1 s, and deprecated) only to open its own files
    import jieba

Buckets = dict[str, bytes]  # first character -> marshal of ({word or prefix: frequency}, {word: tag})


class LazyTokenizer(jieba.Tokenizer):
    """A jieba tokenizer whose tables hold the buckets of the characters it has been asked to cut: read into
    tables of their own (`table`), which `ends` and `Tagger.cut` look words up in by their first character,
    and into jieba's FREQ and the tagger's tags where jieba's own cut needs them (`get_DAG`)."""

    def __init__(self, buckets: Buckets, total: int) -> None:
        super().__init__()
        self.buckets = buckets
        self.tables: dict[str, tuple[dict[str, int], dict[str, str]]] = {}  # first character -> its bucket, read
        self.merged: set[str] = set()  # the characters whose buckets FREQ and tags hold
        self.tags: dict[str, str] = {}
        self.total = total
        self.initialized = True

    def get_dict_file(self) -> io.BytesIO:
        """No dictionary to read whole: `POSTokenizer` reads its tags from this file, and they come with the
        buckets instead."""
        return io.BytesIO()

    def get_DAG(self, sentence: str) -> dict[int, list[int]]:  # noqa: N802 (jieba's name)
        for ch in set(sentence) - self.merged:
            freq, tags = self.table(ch)
            self.FREQ.update(freq)
            self.tags.update(tags)
            self.merged.add(ch)
        return super().get_DAG(sentence)

    def table(self, ch: str) -> tuple[dict[str, int], dict[str, str]]:
        """The frequencies and tags of the words and prefixes that begin with `ch` (empty for none)."""
        found = self.tables.get(ch)
        if found is None:
            data = self.buckets.get(ch)
            found = self.tables[ch] = marshal.loads(data) if data is not None else ({}, {})
        return found

    def ends(self, sentence: str) -> list[int]:
        """jieba's route through a sentence (`get_DAG` and `calc`), in one pass from its end: for each character,
        the end of the word the route takes from there (calc's route[k][1] + 1). Each word a dictionary entry
        of some frequency that begins there, or the character alone where none does, weighed as calc weighs
        it: the same sums in the same order, the same choice between equal weights (the longer word)."""
        tables = self.tables
        n = len(sentence)
        logtotal = log(self.total)
        weights: list[float] = [0] * (n + 1)  # calc's route[N] = (0, 0): an int, as there
        ends = [0] * n
        for k in range(n - 1, -1, -1):
            best, last = -inf, -1  # the best weight and the last character of its word
            i, frag = k, sentence[k]
            # every word that begins at k begins with frag (its table read as `table` reads it, without a call a
            # character)
            freq = (tables.get(frag) or self.table(frag))[0]
            while i < n and (f := freq.get(frag)) is not None:  # the words and prefixes that begin at k
                if f:
                    weight = log(f) - logtotal + weights[i + 1]
                    if weight >= best:  # calc's max of (weight, i): of equal weights, the longer word
                        best, last = weight, i
                i += 1
                frag = sentence[k:i + 1]
            if last < 0:
                best, last = log(freq.get(sentence[k]) or 1) - logtotal + weights[k + 1], k
            weights[k], ends[k] = best, last + 1
        return ends


# jieba's weight of a character a state never emits (jieba.posseg.viterbi's, not imported from there: importing
# jieba.posseg makes its default tagger, reading every tag; see `tagger`)
MIN_FLOAT = -3.14e100


Transitions = dict[Any, dict[Any, float]]  # state -> state -> weight
_turned: tuple[Transitions, Transitions] | None = None


def _preceding(trans_p: Transitions) -> Transitions:
    """For each state, the states that may precede it and the weight of the transition: jieba's table turned
    around, once (the table it is made from kept beside it)."""
    global _turned
    if _turned is None or _turned[0] is not trans_p:
        out: Transitions = {}
        for before, nexts in trans_p.items():
            for state, weight in nexts.items():
                out.setdefault(state, {})[before] = weight
        _turned = (trans_p, out)
    return _turned[1]


def viterbi(obs: str, states: dict[str, Any], start_p: dict[Any, float], trans_p: Transitions,
            emit_p: dict[Any, dict[str, float]]) -> tuple[float, list[Any]]:
    """jieba.posseg.viterbi's decoding: the likeliest states of the characters of `obs` and their weight. Each
    state of a character is reached from the likeliest of the states before it that may precede it: jieba
    weighs the others too, at minus infinity, but the states it weighs are those some state before may go to,
    so each has a way in that weighs more."""
    preceding = _preceding(trans_p)
    every = trans_p.keys()
    weights = {s: start_p[s] + emit_p[s].get(obs[0], MIN_FLOAT) for s in states.get(obs[0], every)}
    came_from: list[dict[Any, Any]] = [dict.fromkeys(weights, "")]
    for t in range(1, len(obs)):
        before = [s for s in came_from[-1] if trans_p[s]]
        expected = {s for b in before for s in trans_p[b]}
        candidates = set(states.get(obs[t], every)) & expected or expected or every
        last, weights, came = weights, {}, {}
        for s in candidates:
            emit = emit_p[s].get(obs[t], MIN_FLOAT)
            ways = preceding.get(s, {})
            best = None
            for b in before:
                if (w := ways.get(b)) is not None and (best is None or (last[b] + w + emit, b) > best):
                    best = (last[b] + w + emit, b)
            weights[s], came[s] = best
        came_from.append(came)
    weight, state = max((w, s) for s, w in weights.items())
    route = [state] * len(obs)
    for t in range(len(obs) - 1, 0, -1):
        state = came_from[t][state]
        route[t - 1] = state
    return weight, route


class Tagger(NamedTuple):
    tagger: Any  # jieba.posseg.POSTokenizer over a LazyTokenizer
    pieces: re.Pattern[str]  # what jieba cuts apart before cutting each piece alone (its re_han_internal)

    def cut(self, piece: str) -> list[tuple[str, str]]:
        """The words and tags `tagger.cut(piece)` gives, of a piece as `pieces` cuts a text. A run of Chinese
        (and letters and digits: what `pieces` matches) is cut here as jieba's `POSTokenizer.__cut_DAG` cuts
        it, its route made by `LazyTokenizer.ends` (twice as fast as jieba's DAG and calc), a run of single
        characters no entry holds given to jieba's model (`__cut_detail`); what lies between runs goes to
        jieba's own cut."""
        if not self.pieces.fullmatch(piece):
            return [(p.word, p.flag) for p in self.tagger.cut(piece)]
        lazy = self.tagger.tokenizer
        ends = lazy.ends(piece)
        out: list[tuple[str, str]] = []
        x, n, single = 0, len(piece), 0  # piece[single:x]: the characters the route took one at a time (jieba's buf)
        while x < n:
            y = ends[x]
            if y - x > 1:
                if single < x:
                    out += self._singles(piece[single:x])
                word = piece[x:y]
                out.append((word, lazy.table(word[0])[1].get(word, "x")))
                single = y
            x = y
        if single < n:
            out += self._singles(piece[single:])
        return out

    def _singles(self, run: str) -> Sequence[tuple[str, str]]:
        """The words of characters the route took one at a time: one character as it is tagged; a run no entry
        holds, as jieba's model reads it; a run that is an entry, each character as it is tagged."""
        table = self.tagger.tokenizer.table
        if len(run) == 1:
            return [(run, table(run)[1].get(run, "x"))]
        if not table(run[0])[0].get(run):
            return _modelled(self.tagger, run)
        return [(ch, table(ch)[1].get(ch, "x")) for ch in run]


@lru_cache(maxsize=4096)  # the runs recur (内的, 由市: half of a law's are a run seen before)
def _modelled(tagger: Any, run: str) -> tuple[tuple[str, str], ...]:
    """The words and tags jieba's model gives a run of characters (`POSTokenizer.__cut_detail`)."""
    return tuple((p.word, p.flag) for p in tagger._POSTokenizer__cut_detail(run))


def tagger() -> Tagger:
    """jieba's part-of-speech tokenizer over a `LazyTokenizer`, and the pattern of its pieces."""
    jieba.setLogLevel(logging.WARNING)
    lazy = LazyTokenizer(*_buckets())
    if "jieba.posseg" in sys.modules:
        out = sys.modules["jieba.posseg"].POSTokenizer(lazy)
    else:  # importing jieba.posseg makes its default tagger of jieba.dt, reading every tag: let it be this one
        default, jieba.dt = jieba.dt, lazy
        try:
            out = importlib.import_module("jieba.posseg").dt
        finally:
            jieba.dt = default
    out.word_tag_tab = lazy.tags
    posseg = sys.modules["jieba.posseg"]
    posseg.viterbi = viterbi  # the name jieba's tagger decodes its model by: the same states, faster
    return Tagger(out, posseg.re_han_internal)


def _buckets() -> tuple[Buckets, int]:
    dictionary = Path(jieba.__file__).with_name(jieba.DEFAULT_DICT_NAME)
    stat = dictionary.stat()  # the file is read only to make the buckets, not at every start
    key = f"{jieba.__version__} {dictionary} {stat.st_size} {stat.st_mtime_ns}"
    folder = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "legal-kg"
    path = folder / f"jieba-{hashlib.sha256(key.encode()).hexdigest()[:16]}.buckets"
    try:
        with open(path, "rb") as f:
            buckets, total = marshal.load(f)
        return buckets, total
    except (OSError, EOFError, ValueError, TypeError, RuntimeError):
        pass
    made = _make(dictionary.read_bytes())
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=path.name + ".")
        with os.fdopen(fd, "wb") as f:
            marshal.dump(made, f)
        os.replace(tmp, path)
    except OSError:
        pass
    return made


def _make(data: bytes) -> tuple[Buckets, int]:
    """The buckets of jieba's dictionary, read as jieba reads it (`gen_pfdict` for the frequencies and
    prefixes, `POSTokenizer.load_word_tag` for the tags: the last line of a word wins)."""
    freq, total = jieba.Tokenizer.gen_pfdict(io.BytesIO(data))
    tags = {}
    for line in io.BytesIO(data):
        if fields := line.strip().decode("utf-8"):
            word, _, tag = fields.split(" ")
            tags[word] = tag
    grouped: defaultdict[str, tuple[dict[str, int], dict[str, str]]] = defaultdict(lambda: ({}, {}))
    for word, f in freq.items():
        grouped[word[0]][0][word] = f
    for word, tag in tags.items():
        grouped[word[0]][1][word] = tag
    return {ch: marshal.dumps(tables) for ch, tables in sorted(grouped.items())}, total
