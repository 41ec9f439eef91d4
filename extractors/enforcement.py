"""Enforcement: what a regulator does to a named platform or company, as news about the CAC's enforcement
states it ("就百度等网站平台……依法约谈", "the CAC fined Douban 1.5 million yuan"). A clause (up to a semicolon
or a sentence's end) with the words of a measure (`ontology/enforcement.tsv`: summons 约谈, fine 罚款, removal
下架, ...) and the platforms or companies it names is one event of each kind for each of them: an `Event`
whose `eventType` is the measure, `eventOf` the platform or company, `actedBy` the body the clause names (or,
where it names none, the one the sentence or the clause before it named), `eventIn` the report.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from ..graph.model import DOC
from .context import Context
from .gazetteer import data_rows
from .text import has_cjk, sentences
from .triggers import Pattern, guarded

CLAUSE_END = guarded(r"[；;]")
PASSIVE = guarded(r"\b(?:was|were|been|be)\s+(?:\w+\s+)?$")
TARGETS = ("Platform", "Organization")


@cache
def _measures() -> list[tuple[str, str, Pattern]]:
    return [(kind, lang, guarded(pattern, re.IGNORECASE)) for kind, lang, pattern in data_rows("enforcement.tsv")]


def extract(ctx: Context) -> None:
    col, text = ctx.collector, ctx.text
    actor: list[str] = []
    for a, b in _clauses(text):
        actor = [eid for _, eid in ctx.within(a, b, "Agency")] or actor
        named = sorted((c.start, c.end, eid) for cls in TARGETS for c, eid in ctx.within(a, b, cls))
        found = _measures_against(text, a, b, named)
        if not actor:
            continue
        for kind, target in dict.fromkeys(found):
            name = f"{kind}: {col.entities[target].name}"
            eid = col.entity("Event", name, {f"enforcement:{kind}:{target}"})
            col.mention(eid, a, b, name)
            col.fact(eid, "eventType", kind, a, b, literal=True)
            col.fact(eid, "eventOf", target, a, b)
            col.fact(eid, "eventIn", DOC, a, b)
            for body in dict.fromkeys(actor):
                col.fact(eid, "actedBy", body, a, b)


def _clauses(text: str) -> Iterator[tuple[int, int]]:
    """The clauses of each sentence, up to a semicolon."""
    for s, e in sentences(text):
        for end in [m.start() for m in CLAUSE_END.finditer(text, s, e)] + [e]:
            yield s, end
            s = end + 1


def _measures_against(text: str, a: int, b: int, named: list[tuple[int, int, str]]) -> list[tuple[str, str]]:
    """(kind, target) of each measure the clause [a, b) states against the platforms or companies `named` in it
    (start, end, id): in Chinese, all of them; in English, the measure's object ("the CAC fined Douban") or the
    subject of its passive ("Weibo was fined")."""
    zh = has_cjk(text[a:b])
    found = []
    for kind, lang, rx in _measures():
        if (lang == "zh") != zh:
            continue
        for m in rx.finditer(text, a, b):
            if zh:
                found += [(kind, eid) for _, _, eid in named]
            elif PASSIVE.search(text, max(a, m.start() - 20), m.start()):
                found += [(kind, eid) for _, end, eid in named[:1] if end <= m.start()]
            else:
                found += [(kind, eid) for start, _, eid in named if m.end() <= start <= m.end() + 6]
    return found
