"""Small text helpers shared by the extractors: lines, sentences, scripts, normalisation."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from typing import NamedTuple

from ..graph.model import tuple_of
from .script import CJK, CJK_RE, simplified
from .triggers import Pattern, guarded

CJK_SPACED_RE = guarded(f"(?<=[{CJK}])[ \u3000]+(?=[{CJK}])")



class Line(NamedTuple):
    """A line of a text (a named tuple: a big build makes millions)."""

    number: int  # 1-based
    start: int  # offset of the line's first character
    text: str  # without the line break

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    @property
    def stripped(self) -> str:
        return self.text.strip()


@lru_cache(maxsize=8)  # the layouts, the splitter and the finders read the same texts' lines in turn
def lines(text: str, first_number: int = 1) -> tuple[Line, ...]:
    """The lines of `text` with their offsets (line breaks: \\n, \\r\\n, \\r)."""
    out: list[Line] = []
    if "\r" not in text:  # the common case, read from one split
        start = 0
        for n, row in enumerate(text.split("\n")):
            out.append(tuple_of(Line, (first_number + n, start, row)))
            start += len(row) + 1
        if len(out) > 1 and not out[-1].text:  # a final line break ends the last line, it begins none
            out.pop()
        return tuple(out)
    for n, m in enumerate(re.finditer(r"([^\r\n]*)(\r\n|\r|\n|$)", text)):
        if m.start() == len(text) and not m.group(1) and out:
            break
        out.append(Line(first_number + n, m.start(1), m.group(1)))
    return tuple(out)


def paragraphs(text: str, start: int, end: int) -> Iterator[tuple[int, int, int]]:
    """The paragraphs of text[start:end] (an article's body): (number from 1, start, end) of each line with
    words, without its line break (a blank line parts two paragraphs in Markdown; it is none of its own)."""
    number, at = 0, start
    for row in text[start:end].split("\n"):
        s, at = at, at + len(row) + 1
        if row.strip():
            number += 1
            yield number, s, s + len(row.rstrip("\r"))


def standing_alone(text: str, word: str, not_before: str = "", not_after: str = "") -> Iterator[int]:
    """Where `word` occurs in `text` with no word character (nor one of `not_before`) just before it and none
    (nor one of `not_after`) just after: `(?<![\\w...])word(?![\\w...])` without compiling a pattern for
    each word (a document's names are many, and each new pattern costs more than the search)."""
    end = len(word)
    i = text.find(word)
    while i >= 0:
        before = text[i - 1] if i else ""
        after = text[i + end] if i + end < len(text) else ""
        if not (before and (before.isalnum() or before == "_" or before in not_before)) and not (
                after and (after.isalnum() or after == "_" or after in not_after)):
            yield i
            i = text.find(word, i + end)  # as a pattern's matches, the occurrences do not overlap
        else:
            i = text.find(word, i + 1)


_SENTENCE_END = guarded(r"(?<=[.!?。！？;；])[\"'”’)]*\s+(?=[\"“(A-Z0-9\u4e00-\u9fff•])|(?<=[。！？；])|\n+")
_ABBREVIATIONS = ("Mr.", "Ms.", "Mrs.", "Dr.", "No.", "Apt.", "St.", "Co.", "Ltd.", "Art.", "Nos.", "vs.",
                  "i.e.", "e.g.", "Inc.", "Jr.", "pp.")


def sentences(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence in `text`; abbreviations such as "No." do not end one."""
    start = 0
    for m in _SENTENCE_END.finditer(text):
        head = text[start:m.start()]
        if "\n" not in m.group(0) and any(head.endswith(a) for a in _ABBREVIATIONS):
            continue
        if text[start:m.start()].strip():
            yield from _trimmed(text, start, m.start())
        start = m.end()
    if text[start:].strip():
        yield from _trimmed(text, start, len(text))


def joined(text: str, spans: list[tuple[int, int]], goes_on: Pattern) -> list[tuple[int, int]]:
    """Sentences with those after a semicolon that begin as `goes_on` says joined to the one before (the
    articles a semicolon lists, the next crime of one person's sentence)."""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out and text[out[-1][1] - 1] in ";；" and goes_on.match(text, s):
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        yield start, end


_PLAIN_CHARS = {c: " " for c in "\u00a0\u2002\u2003\u2007\u2009\u200a\u202f"} | {"\u2010": "-", "\u2011": "-"}
_PLAIN = str.maketrans(_PLAIN_CHARS)
_TYPOGRAPHIC = re.compile(f"[{''.join(_PLAIN_CHARS)}]")  # found at hundreds of MB/s; str.translate reads 20
_DIGIT_DASH = guarded(r"(?<=\d)[\u2012\u2013\u2212](?=\d)")
# a line in capitals ("HANGZHOU INTERMEDIATE PEOPLE'S COURT"): at least two words, no lower-case letter,
# no Chinese (whose acronyms, "APP、VPN", are not a heading)
_CAPS_LINE = guarded(rf"^(?=[^a-z\n]*[A-Z]{{2,}}[^a-z\n]+[A-Z]{{2,}})[^a-z{CJK}\n]+$", re.MULTILINE)
_SMALL_WORDS = {"OF", "THE", "AND", "ON", "IN", "FOR", "TO", "AT", "BY"}


def _title_cased(line: re.Match[str]) -> str:
    """A line in capitals as a title is written ("Hangzhou Intermediate People's Court of Zhejiang"), one
    character for one."""
    def word(m: re.Match[str]) -> str:
        w = m.group(0)
        cased = w.lower() if w in _SMALL_WORDS and m.start() > 0 else w[0] + w[1:].lower()
        return cased if len(cased) == len(w) else w

    return re.sub(r"[A-Z]+(?:['’][A-Z]+)?", word, line.group(0))


# a line that begins an article or a chapter ("Article 5: The ...", not "Article 64 of the Criminal Law"),
# which a wrapped line before it does not run into
_UNIT = guarded(r"\s*(?:Article\s+\d+(?:-\d+)?\s*[.:：]?\s+[A-Z\"“(]|Chapter\s|第[0-9一二三四五六七八九十百千零〇]+[条章节])")


def plain(text: str, width: int = 0) -> str:
    """The text with typographic spaces (no-break, thin, ...) and hyphens (non-breaking; an en dash between
    digits: "Article 120–6") made plain, and, where its lines are wrapped at `width` (see `wrap_width`),
    each line that fills the width joined to the next non-blank one unless that begins an article or a
    chapter. One character for one: every offset still points at the same character, so patterns read the
    plain text and quotes come from the text as written."""
    if _TYPOGRAPHIC.search(text):
        text = text.translate(_PLAIN)
    text = _CAPS_LINE.sub(_title_cased, _DIGIT_DASH.sub("-", text))
    if not width:
        return text
    rows = text.split("\n")
    out = []
    for row, after in zip(rows, rows[1:], strict=False):
        joined = len(row) >= width - 20 and after.strip() and not CJK_RE.match(row[-1]) and not _UNIT.match(after)
        out += [row, " " if joined else "\n"]
    return "".join(out) + rows[-1]


def wrap_width(text: str) -> int:
    """The width a text's lines are broken at, or 0. Text taken from a PDF often is: nearly all its long
    lines are at most 120 characters, most of them end within a few characters of one width, and most of
    those end inside a sentence. Chinese lines are not counted, nor joined: a space would split their
    words."""
    rows = [r.rstrip() for r in text.split("\n") if len(r) > 40 and not CJK_RE.search(r)]
    short = sorted(len(r) for r in rows if len(r) <= 120)  # a paragraph left whole may be longer
    if len(short) < max(10, 0.8 * len(rows)):
        return 0
    width = short[(len(short) - 1) * 4 // 5]  # most lines end near the width; a few short ones stay whole
    filled = [r for r in rows if width - 10 <= len(r) <= width]
    running = [r for r in filled if not re.search(r"[.:;!?\"”)]$", r)]
    return width if len(filled) >= 0.6 * len(short) and len(running) >= 0.6 * len(filled) else 0


def has_cjk(text: str) -> bool:
    return CJK_RE.search(text) is not None


def cjk_ratio(text: str) -> float:
    """The share of Chinese characters among the letters of `text`."""
    letters = sum(map(str.isalpha, text))
    if not letters:
        return 0.0
    return sum(map(str.isalpha, CJK_RE.findall(text))) / letters


def blank(m: re.Match[str]) -> str:
    """A match as spaces (for re.sub): what it holds is no part of the text read, and every offset stays."""
    return " " * len(m.group(0))


def squeeze_cjk(text: str) -> str:
    """Remove the spaces typeset between Chinese characters ("相 阳" -> "相阳")."""
    return CJK_SPACED_RE.sub("", text)


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """A comparison key: NFKC, simplified script, case-folded, straight apostrophes, single spaces, no
    quotes."""
    t = unicodedata.normalize("NFKC", simplified(text)).casefold().replace("’", "'").replace("‘", "'")
    t = re.sub(r"\s+", " ", t).strip(" \"'“”《》「」")
    return squeeze_cjk(t)


@lru_cache(maxsize=1 << 16)  # names recur across documents, and Chinese ones go through pypinyin
def slug(text: str, limit: int = 80) -> str:
    """An ASCII slug for IRIs and file names; Chinese becomes pinyin."""
    if has_cjk(text):
        from pypinyin import lazy_pinyin

        text = " ".join(lazy_pinyin(text))
    t = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    t = re.sub(r"['’]s\b", "s", t)
    t = re.sub(r"[^a-z0-9]+", "-", t).strip("-")
    if len(t) > limit:
        import hashlib

        digest = hashlib.sha1(text.encode()).hexdigest()[:8]
        t = t[:limit].rstrip("-") + "-" + digest
    return t or "x"
