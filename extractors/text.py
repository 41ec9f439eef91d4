"""Small text helpers shared by the extractors: lines, sentences, scripts, normalisation."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK_RE = re.compile(f"[{CJK}]")
CJK_SPACED_RE = re.compile(f"(?<=[{CJK}])[ \u3000]+(?=[{CJK}])")


@dataclass(frozen=True)
class Line:
    number: int  # 1-based
    start: int  # offset of the line's first character
    text: str  # without the line break

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    @property
    def stripped(self) -> str:
        return self.text.strip()


def lines(text: str, first_number: int = 1) -> list[Line]:
    """The lines of `text` with their offsets (line breaks: \\n, \\r\\n, \\r)."""
    out: list[Line] = []
    for n, m in enumerate(re.finditer(r"([^\r\n]*)(\r\n|\r|\n|$)", text)):
        if m.start() == len(text) and not m.group(1) and out:
            break
        out.append(Line(first_number + n, m.start(1), m.group(1)))
    return out


_SENTENCE_END = re.compile(r"(?<=[.!?。！？;；])[\"'”’)]*\s+(?=[\"“(A-Z0-9\u4e00-\u9fff•])|(?<=[。！？；])|\n+")
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


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        yield start, end


_PLAIN = str.maketrans({c: " " for c in "\u00a0\u2002\u2003\u2007\u2009\u200a\u202f"} | {"\u2010": "-", "\u2011": "-"})
_DIGIT_DASH = re.compile(r"(?<=\d)[\u2012\u2013\u2212](?=\d)")


def plain(text: str) -> str:
    """The text with typographic spaces (no-break, thin, ...) and hyphens (non-breaking; an en dash between
    digits: "Article 120–6") made plain, one character for one: every offset still points at the same
    character, so patterns read the plain text and quotes come from the text as written."""
    return _DIGIT_DASH.sub("-", text.translate(_PLAIN))


def has_cjk(text: str) -> bool:
    return CJK_RE.search(text) is not None


def cjk_ratio(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for c in letters if CJK_RE.match(c)) / len(letters)


def squeeze_cjk(text: str) -> str:
    """Remove the spaces typeset between Chinese characters ("相 阳" -> "相阳")."""
    return CJK_SPACED_RE.sub("", text)


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """A comparison key: NFKC, case-folded, straight apostrophes, single spaces, no quotes."""
    t = unicodedata.normalize("NFKC", text).casefold().replace("’", "'").replace("‘", "'")
    t = re.sub(r"\s+", " ", t).strip(" \"'“”《》「」")
    return squeeze_cjk(t)


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
