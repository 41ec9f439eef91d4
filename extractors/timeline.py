"""A case as a timeline: the procedural events a judgment states (detention, arrest, residential
surveillance, bail, indictment, acceptance, hearing; the first and last day of a term, termStart and
termEnd), each with its person, the body that acted where the sentence names one, its date and the
sentence as evidence. The words that state each kind of event are
data (`ontology/events.tsv`); a date "of the same year" (同年) takes its year from the date before it.
"""

from __future__ import annotations

from functools import cache

from ..graph.model import DOC
from .context import Context
from .gazetteer import data_rows
from .triggers import Pattern, guarded
from .values import MONTHS, find_dates

# "on July 3 of the same year", "同年12月27日", "on the same day", "同日"
SAME_YEAR_EN = guarded(r"\b(?P<m>[A-Z][a-z]+)\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+of\s+the\s+same\s+year\b")
SAME_YEAR_ZH = guarded(r"同年(?P<m>\d{1,2})月(?P<d>\d{1,2})日")
AFTER = 40  # how far after an event's words its date may stand
# the number of the indictment a sentence names: "Criminal Indictment (2020) No. 460", "by the Indictment [2019] Da
# Jia Jiansu Xingsu No 71", "Criminal Indictment Document [2017] No. 58", "以海检一部刑诉[2020]431号起诉书"
INDICTMENT_NUMBER = guarded(r"\bIndictment(?:\s+Document)?\s+(?P<n>[\[(]\d{4}[\])](?:\s+[A-Z]\w*){0,5}\s+No\.?\s*\d+)|"
                            r"以(?P<z>[^\s，。、以]{1,14}?[（(〔\[［]\d{4}[)）〕\]］][^\s，。]{0,12}?\d+号)起诉书")
# the period a term runs: "Therefore it shall run from March 2, 2017 to October 1, 2017", "即自2019年11月20日起至
# 2020年6月19日止"
PERIOD = guarded(r"\b(?:run|runs|running|counted|calculated|served)\s+from\s+(?P<a>[^.;()]{6,30}?)\s+(?:to|until)\s+"
                 r"(?P<b>[^.;()]{6,30}?)(?=[.;)]|$)|自(?P<za>[^起，。]{6,14})起至(?P<zb>[^止，。]{6,14})止")
SAME_DAY = guarded(r"\bon\s+the\s+same\s+day\b|当日|同日")


@cache
def patterns() -> list[tuple[str, Pattern]]:
    return [(kind, guarded(pattern)) for kind, _lang, pattern in data_rows("events.tsv")]


def dates(text: str) -> list[tuple[int, int, str]]:
    """Every date of the text, a date of "the same year" or "the same day" as the one before it."""
    found = list(find_dates(text))
    relative = [(m.start(), m.end(), m) for rx in (SAME_YEAR_EN, SAME_YEAR_ZH, SAME_DAY) for m in rx.finditer(text)]
    for s, e, m in sorted(relative, key=lambda r: r[0]):
        before = [d for d in found if d[1] <= s]
        if not before:
            continue
        iso = max(before)[2]
        if m.re.pattern != SAME_DAY.pattern:
            month = MONTHS.get(m.group("m").lower(), 0) if m.re.pattern == SAME_YEAR_EN.pattern else int(m.group("m"))
            if not month:
                continue
            iso = f"{iso[:4]}-{month:02d}-{int(m.group('d')):02d}"
        found.append((s, e, iso))
    return sorted(found)


def events(ctx: Context, spans: list[tuple[int, int]], defendants: list[str]) -> None:
    """The events of each sentence: the kind its words state, the date nearest before them in the sentence
    (else the first after), the defendants it names (else the one it speaks of, named last before it); and
    the period a term runs, its first and last day."""
    text = ctx.text
    when = dates(text)
    named = sorted((m.start, eid) for p, eid in ctx.people if eid in defendants for m in p.mentions)
    for s, e in spans:
        for m in PERIOD.finditer(text, s, e):
            first, last = find_dates(m.group("a") or m.group("za")), find_dates(m.group("b") or m.group("zb"))
            if len(first) == 1 and len(last) == 1:
                for pid in _whom(named, s, e):
                    _event(ctx, "termStart", first[0][2], pid, [], m.start(), m.end(), s, e)
                    _event(ctx, "termEnd", last[0][2], pid, [], m.start(), m.end(), s, e)
        stated = sorted((m.start(), m.end(), kind) for kind, rx in patterns() for m in rx.finditer(text, s, e))
        for ms, me, kind in stated:
            # a date after the words only close after them ("was detained on March 2, 2017"), for the last event
            # the sentence states (a date stands before its event: "本院立案后，...于2020年4月7日公开开庭审理" dates the
            # hearing, not the acceptance)
            on = [d for d in when if s <= d[0] and d[1] <= ms][-1:] or [
                d for d in when if me <= d[0] <= me + AFTER and d[1] <= e and not any(o > ms for o, _e, _k in stated)][:1]
            if not on:
                continue
            who = _whom(named, s, e)
            actor = [aid for c, aid in ctx.within(s, e) if c.cls in ("Agency", "Court")][:1]
            number = INDICTMENT_NUMBER.search(text, s, e) if kind == "indictment" else None
            for pid in who:
                eid = _event(ctx, kind, on[0][2], pid, actor, ms, me, s, e)
                if number:  # the indictment's own number, as the text writes it (in English or Chinese)
                    ctx.collector.fact(eid, "documentNumber", number.group(number.lastgroup),
                                       number.start(number.lastgroup), number.end(number.lastgroup), literal=True)


def _whom(named: list[tuple[int, str]], s: int, e: int) -> list[str]:
    """The defendants a sentence names, else the one it speaks of (named last before it)."""
    return sorted({eid for at, eid in named if s <= at < e}) or [eid for at, eid in named if at < s][-1:]


def _event(ctx: Context, kind: str, iso: str, pid: str, actor: list[str], ms: int, me: int, s: int, e: int) -> str:
    col = ctx.collector
    person = col.entities[pid]
    name = f"{iso} {kind} of {person.name}"  # dated first: a judgment's events sort in time
    eid = col.entity("Event", name, {f"event:{kind}:{iso}:{k}" for k in person.keys})
    col.mention(eid, ms, me, name)
    col.fact(eid, "eventType", kind, s, e, literal=True)
    col.fact(eid, "onDate", iso, s, e, literal=True)
    col.fact(eid, "eventOf", pid, s, e)
    col.fact(eid, "eventIn", DOC, s, e)
    for aid in actor:
        col.fact(eid, "actedBy", aid, s, e)
    return eid
