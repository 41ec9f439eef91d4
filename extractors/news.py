"""News reports: what a report says a named person was sentenced to (a term of imprisonment, a fine) and
convicted of. Only what it states as done ("was sentenced to", "jailed for", "fined", "convicted of"),
about the people its sentence names; "He was ..." and "a man" are the one person the report says was
sentenced, or else the one person it names."""

from __future__ import annotations

import re

from .context import Context
from .text import sentences
from .values import amount, en_months

SENTENCED = re.compile(r"\b(?:was|were|has\s+been|had\s+been|have\s+been)\s+(?:\w+\s+)?(?:sentenced|jailed|imprisoned)"
                       r"|\bsentenced\s+(?:him|her|them|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?|an?\s+(?:\w+\s+)?(?:man|woman))\s+to\b"
                       r"|\b(?:jailed|imprisoned)\s+for\b")
FINED = re.compile(r"\b(?:fined|a\s+fine\s+of)\s+(?:(?:him|her|them|[A-Z][a-z]+)\s+)?(?:RMB|CNY|¥)?\s*"
                   r"(?P<n>\d[\d,.]*(?:\s*(?:million|thousand))?)\s*(?:yuan|RMB)\b")
CONVICTED = re.compile(r"\b(?:convicted|found\s+guilty)\s+of\b|\bsentenced\b[^.]*?\bfor\s+(?:the\s+crime\s+of\b)?")
UNNAMED = re.compile(r"^(?:He|She)\b|\ban?\s+(?:\w+\s+)?(?:man|woman)\b")  # "He was fined", "sentenced a local man"
NOT_THE_ACCUSED = {"defenseCounsel", "judge", "clerk", "procurator", "witness"}


def extract(ctx: Context) -> None:
    col, text = ctx.collector, ctx.text
    spans = list(sentences(text))
    told = [(s, e, _named(ctx, s, e)) for s, e in spans]
    # whom "He" and "a man" are: the one person the report says was sentenced, or else the one it names
    sentenced = {pid for s, e, who in told if SENTENCED.search(text[s:e]) for pid in who}
    named = {pid for _s, _e, who in told for pid in who}
    subject = [*(sentenced or named)] if len(sentenced or named) == 1 else []
    for s, e, who in told:
        chunk = text[s:e]
        who = who or (subject if UNNAMED.search(chunk) else [])
        if not who:
            continue
        term = (m := SENTENCED.search(chunk)) and en_months(chunk[m.end():m.end() + 80])
        fine = (f := FINED.search(chunk)) and amount(f.group("n"))
        for pid in who:
            if term:
                col.fact(pid, "imprisonmentMonths", term[2], s, e, literal=True)
            if fine:
                col.fact(pid, "fineYuan", fine, s, e, literal=True)
            if CONVICTED.search(chunk):
                for cid in [cid for crime, cid in ctx.crimes if s <= crime.start < e]:
                    col.fact(pid, "convictedOf", cid, s, e)


def _named(ctx: Context, start: int, end: int) -> list[str]:
    """The people a sentence names, other than lawyers, judges and witnesses."""
    return [eid for p, eid in ctx.people if not NOT_THE_ACCUSED & set(p.roles)
            and any(start <= m.start and m.end <= end for m in p.mentions)]
