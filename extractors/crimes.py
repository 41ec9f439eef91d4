"""Offences, found by the phrases that name them, and keyed so that translations meet.

English cues: "the crime of X", "on suspicion of X", "convicted of X", "for X" (X a known offence), an article heading
"Article 120-6: (X)" or "[The Crime of X]", a parenthesis after a cited article, and a judgment
title "the Case of NAME's X" (kept only when X is a known offence). Chinese: 【X罪】, 犯X罪, 以X罪.
Two names are one offence when their content words have the same stems ("possessing materials that
promote terrorism" = "illegal possession of materials promoting terrorism"), or when the crimes
gazetteer lists both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from . import segment
from .gazetteer import Entry, gazetteer
from .text import CJK
from .triggers import Pattern, guarded

STOP = {"the", "of", "a", "an", "to", "that", "which", "and", "or", "crime", "crimes", "offence", "offense",
        "illegal", "illegally", "unlawful", "unlawfully", "in", "on", "for", "by", "with", "its", "their"}
EN_CUES = [  # the name is looked ahead at, not consumed: one sentence may name two offences
    guarded(r"\b(?:crimes?|offen[cs]es?)\s+of\s+(?=(?P<c>[a-z][^.;:()\"“”\n]{3,160}))"),
    guarded(r"\b(?:on\s+suspicion\s+of|convicted\s+(?:[A-Z][a-z]+\s+){0,3}of|guilty\s+of)\s+"
            r"(?:(?:committing|having\s+committed)\s+)?(?:the\s+crimes?\s+of\s+)?[\"“]?"
            r"(?=(?P<c>[a-z][^.;:()\"“”\n]{3,160}))"),  # convicted of "X", on suspicion of committing the crime of X
    guarded(r"^\s*Article\s+\d+(?:-\d+)?\s*[:.]?\s*[(\[【]\s*(?:The\s+Crime\s+of\s+)?(?P<c>[A-Za-z][^)\]】\n]{3,160})"
            r"[)\]】]", re.MULTILINE),
    guarded(r"\bArticle\s+\d+(?:-\d+)?\s+of\s+[^()\n]{0,60}?\b(?:Law|Code)\s*\(\s*[“\"]?(?P<c>[a-z][^)”\"\n]{3,120})"),
    guarded(r"\[\s*The\s+Crime\s+of\s+(?P<c>[A-Za-z][^\]\n]{3,160})\]"),
]
# "sentenced ... for picking quarrels and provoking trouble": a known offence only (not "for three years")
FOR_KNOWN = guarded(r"\bfor\s+(?!the\s+crimes?\s+of\b)(?=(?P<c>[a-z][^.;:()\"“”\n]{3,160}))")
CUT = guarded(r",|\s+(?:and|but)\s+(?:is|was|he|she|they|requested|should|the|it|has|had|will|shall)\b|"
              r"\s+(?:and|but)\s+(?:(?:was|were)\s+)?(?:later\s+)?(?:sentenced|jailed|fined|imprisoned|given|handed|"
              r"ordered|received)\b|"
              r"\s+(?:must|shall|is|was|were|are|which|who|with|in\s+(?:a|the|accordance|indictment)|as\s+provided|on\s+(?:or|the|(?:[A-Z][a-z]{2,8}\.?\s+)?\d+)|against|"
              r"because|according|pursuant|under|from|at|by|after|before|since|until)\b")
# a translation quoting the Chinese name: 'convicted for committing the crime of "寻衅滋事."' (a known offence)
QUOTED_ZH = guarded(rf"\b(?:crimes?|offen[cs]es?)\s+of\s+[\"“](?P<c>[{CJK}]{{2,20}}?)罪?[.。,，]?[\"”]")
ZH_HEADING = guarded(rf"【(?P<c>[{CJK}、，]{{2,40}}?罪)】")
ZH_CONVICTION = guarded(rf"(?:犯|以|构成|涉嫌)(?P<c>[{CJK}、]{{2,30}}?罪)(?=[，,。.；;、）)\s]|判处|获刑|被判|$)")
NOT_A_NAME = guarded(r"[前本该款条第其是指等之规定]")


@dataclass
class CrimeMention:
    start: int
    end: int
    name: str
    lang: str
    entry: Entry | None
    key: str


def stem(word: str) -> str:
    w = word.lower().strip("'’\"“”")
    for suffix in ("ingly", "ings", "ions", "ing", "ion", "ism", "ist", "ies", "ed", "es", "ly", "s", "e"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            return w[: -len(suffix)]
    return w


def stem_key(name: str) -> str:
    words = re.findall(r"[A-Za-z]+", name)
    return " ".join(sorted({stem(w) for w in words if w.lower() not in STOP}))


@cache
def _by_stem_key() -> dict[str, Entry]:
    out: dict[str, Entry] = {}
    for e in gazetteer("Crime").entries:
        for alias in e.en:
            out.setdefault(stem_key(alias), e)
    return out


def lookup(name: str, lang: str) -> Entry | None:
    if lang == "zh":
        return gazetteer("Crime").lookup(name)
    return _by_stem_key().get(stem_key(name))


def key_of(name: str, lang: str, entry: Entry | None) -> str:
    if entry is not None:
        return f"gaz:{entry.id}"
    return f"crime:{stem_key(name)}" if lang == "en" else f"crime:{name}"


def _cut(phrase: str) -> str:
    m = CUT.search(phrase)
    if m:
        phrase = phrase[: m.start()]
    phrase = phrase.strip().rstrip(".,;:")
    return phrase


def find(text: str, title_end: int, case: bool) -> list[CrimeMention]:
    """Offences named in `text`; `case` says the text reports a case (a judgment or news report), where
    "犯X罪" names the offence a person committed rather than a class of offences in a statute."""
    out: list[CrimeMention] = []
    for rx in (*EN_CUES, FOR_KNOWN):
        for m in rx.finditer(text):
            name = _cut(m.group("c"))
            if 1 <= len(name.split()) <= 14 and stem_key(name):
                s = m.start("c")
                entry = lookup(name, "en")
                if entry is None and rx is FOR_KNOWN:
                    continue
                out.append(CrimeMention(s, s + len(name), name, "en", entry, key_of(name, "en", entry)))
    title = re.search(r"\b[Cc]ase\s+of\s+[A-Z][\w ]*?['’]s\s+(?P<c>[A-Z][^\n]+)$", text[:title_end])
    if title:
        name = title.group("c").strip()
        entry = lookup(name, "en")
        if entry is not None:
            out.append(CrimeMention(title.start("c"), title.end("c"), name, "en", entry, key_of(name, "en", entry)))
    for m in QUOTED_ZH.finditer(text):
        name = m.group("c")
        if (entry := lookup(f"{name}罪", "zh") or lookup(name, "zh")) is not None:
            out.append(CrimeMention(m.start("c"), m.end("c"), name, "zh", entry, key_of(name, "zh", entry)))
    for rx in (ZH_HEADING, ZH_CONVICTION):
        for m in _overlapping(rx, text):
            if rx is ZH_CONVICTION and any(segment.word_at(text, at).start != at for at in (m.start(), m.start("c"))):
                continue  # the cue is a word of its own: not 犯罪嫌疑人, 以为
            name, at = m.group("c"), m.start("c")
            entry = lookup(name, "zh")
            if rx is ZH_CONVICTION and entry is None and (k := name.rfind("犯")) > 0 and (
                    known := lookup(name[k + 1:], "zh")) is not None:
                name, at, entry = name[k + 1:], at + k + 1, known  # "以任三动犯受贿罪": the known crime after 犯
            if rx is ZH_CONVICTION and entry is None and (not case or NOT_A_NAME.search(name)):
                continue
            out.append(CrimeMention(at, m.end("c"), name, "zh", entry, key_of(name, "zh", entry)))
    seen: set[tuple[int, int]] = set()
    unique = []
    for c in sorted(out, key=lambda c: (c.start, -c.end)):
        if any(s <= c.start < e for s, e in seen):
            continue
        seen.add((c.start, c.end))
        unique.append(c)
    return unique


def _overlapping(rx: Pattern, text: str) -> list[re.Match[str]]:
    """Every match of `rx`, one at each place it may begin: a cue that is no word of its own (犯 of
    "犯罪嫌疑人的行为涉嫌X罪") does not hide the one after it (涉嫌X罪)."""
    out: list[re.Match[str]] = []
    pos = 0
    while (m := rx.search(text, pos)) is not None:
        out.append(m)
        pos = m.start() + 1
    return out
