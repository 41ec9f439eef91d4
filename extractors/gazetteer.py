"""Curated name lists (ontology/gazetteer/*.tsv) and a matcher that finds their names in text."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

from ..graph.model import ONTOLOGY_DIR
from .text import fold
from .triggers import guarded


def data_rows(name: str) -> list[list[str]]:
    """The rows of a tab-separated data file of the ontology (`name` under ontology/), without its comment
    lines and its column header."""
    with open(ONTOLOGY_DIR / name, encoding="utf-8") as f:
        rows = [r for r in csv.reader((ln for ln in f if not ln.startswith("#")), delimiter="\t") if r]
    return rows[1:]


def data_lines(name: str) -> list[str]:
    """The entries of a list of the ontology, one a line, without its comment lines."""
    lines = (ln.strip() for ln in (ONTOLOGY_DIR / name).read_text(encoding="utf-8").splitlines())
    return [ln for ln in lines if ln and not ln.startswith("#")]

# gazetteer file -> entity class
FILES = {
    "agencies": "Agency",
    "courts": "Court",
    "organizations": "Organization",
    "platforms": "Platform",
    "locations": "Location",
    "statutes": "Statute",
    "crimes": "Crime",
}


@dataclass(frozen=True)
class Entry:
    id: str
    cls: str
    en: tuple[str, ...]
    zh: tuple[str, ...]
    extra: dict[str, str] = field(default_factory=dict, hash=False, compare=False)

    @property
    def name(self) -> str:
        return self.en[0] if self.en else self.zh[0]

    @property
    def zh_name(self) -> str:
        return self.zh[0] if self.zh else ""


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    entry: Entry
    lang: str


def _aliases(cell: str) -> tuple[str, ...]:
    return tuple(a.strip() for a in cell.split("|") if a.strip())


def _read(path: Path, cls: str) -> list[Entry]:
    rows = [r for r in path.read_text(encoding="utf-8").splitlines() if r.strip() and not r.startswith("#")]
    header = rows[0].split("\t")
    entries = []
    for row in rows[1:]:
        cells = dict(zip(header, row.split("\t"), strict=False))
        extra = {k: v for k, v in cells.items() if k not in ("id", "en", "zh") and v}
        entries.append(Entry(cells["id"], cls, _aliases(cells.get("en", "")), _aliases(cells.get("zh", "")), extra))
    return entries


# "the P.R.C.", "PRC": the People's Republic of China in a statute's name
PRC_WORDS = r"People['’]s\s+Republic\s+of\s+China"
PRC_FORMS = rf"(?:{PRC_WORDS}|P\.R\.C\.|PRC)"
PRC = guarded(r"\b(?:p\.r\.c\.|prc\b)")
# a body of a numbered term: "the Standing Committee of the 13th National People's Congress" is the Standing
# Committee of the National People's Congress
ORDINAL = (r"(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
           r"thirteenth|fourteenth|fifteenth)")
THE_ORDINAL = guarded(rf"\bthe {ORDINAL} ")


def _folded(name: str) -> str:
    return THE_ORDINAL.sub("the ", PRC.sub("people's republic of china", fold(name)))


WORD = guarded(r"(?<![\w-])\w+")  # where a name may begin: a word, not inside another or after a hyphen


def _first_word(name: str) -> str:
    """A name's first word in lower case: the key it is tried under where a text's word is that word."""
    found = WORD.match(name)
    return found.group().lower() if found else name[:1].lower()


@lru_cache(maxsize=2)  # each gazetteer reads the same document's words in turn
def _word_index(text: str) -> dict[str, list[int]]:
    """Where each word of the text begins, by the word in lower case."""
    index: dict[str, list[int]] = {}
    for m in WORD.finditer(text):
        index.setdefault(m.group().lower(), []).append(m.start())
    return index


class Gazetteer:
    """All entries of one class, with lookup by name and a regex that finds names in text."""

    def __init__(self, entries: list[Entry]):
        self.entries = entries
        self.by_id = {e.id: e for e in entries}
        self.by_name: dict[str, Entry] = {}
        for e in entries:
            for alias in e.en + e.zh:
                self.by_name.setdefault(_folded(alias), e)
        # English names, longest first, in one pattern per first word: the words of a text, indexed once
        # (`_word_index`), pick the few places worth trying and the names to try there
        alternatives: dict[str, list[str]] = {}
        for alias in sorted({a for e in entries for a in e.en}, key=lambda a: (-len(a), a)):
            words = [re.escape(w).replace("'", "['’]") for w in alias.split()]  # "People’s" as "People's"
            words = [rf"{w}(?:\s+(?i:{ORDINAL}))?" if w.lower() == "the" else w for w in words]
            body = words[0]
            if len(words) > 1:  # "Baidu's NetDisk": a possessive after the first word
                body += r"(?:['’]s)?\s+" + r"\s+".join(words[1:])
            alternatives.setdefault(_first_word(alias), []).append(
                "(?i:" + body.replace(PRC_WORDS, PRC_FORMS) + ")")
        # compiled when a text first holds the word (most words of a gazetteer are in no document of a build)
        self.en_patterns = {w: "(?:" + "|".join(alts) + r")(?![\w-])" for w, alts in alternatives.items()}
        self._en_compiled: dict[str, re.Pattern[str]] = {}
        zh = sorted({a for e in entries for a in e.zh}, key=lambda a: (-len(a), a))
        self.zh_re = re.compile("|".join(re.escape(a) for a in zh)) if zh else None

    def lookup(self, name: str) -> Entry | None:
        key = _folded(name)
        found = self.by_name.get(key)
        if found is None and "'s " in key:
            found = self.by_name.get(key.replace("'s ", " ", 1))
        return found

    def find(self, text: str) -> list[Hit]:
        hits = []
        for start, end, lang in [*self._english(text), *self._chinese(text)]:
            surface = text[start:end]
            entry = self.lookup(surface)
            # a one-word name in lower case is a common word ("china", "line"), not the name
            if entry is not None and (lang == "zh" or " " in surface or not surface[0].islower()):
                hits.append(Hit(start, end, entry, lang))
        return hits

    def _english(self, text: str) -> Iterator[tuple[int, int, str]]:
        """The English names in `text`, left to right, none inside another."""
        index = _word_index(text)
        tries = sorted((p, word) for word in self.en_patterns.keys() & index.keys() for p in index[word])
        pos = 0
        for p, word in tries:
            if p >= pos and (found := self._english_pattern(word).match(text, p)) is not None:
                yield p, found.end(), "en"
                pos = found.end()

    def _english_pattern(self, word: str) -> re.Pattern[str]:
        rx = self._en_compiled.get(word)
        if rx is None:
            rx = self._en_compiled[word] = re.compile(self.en_patterns[word])
        return rx

    def _chinese(self, text: str) -> Iterator[tuple[int, int, str]]:
        if self.zh_re is not None:
            for m in self.zh_re.finditer(text):
                yield m.start(), m.end(), "zh"


@cache
def gazetteer(cls: str) -> Gazetteer:
    """The gazetteer of one entity class (empty when no file holds that class)."""
    entries: list[Entry] = []
    for stem, c in FILES.items():
        if c == cls:
            entries += _read(ONTOLOGY_DIR / "gazetteer" / f"{stem}.tsv", c)
    return Gazetteer(entries)
