"""News reports: what a report says a named person was sentenced to (a term of imprisonment, a fine) and
convicted of. Only what it states as done ("was sentenced to", "jailed for", "fined", "convicted of"),
about the people its sentence names; "He was ..." and "a man" are the one person the report says was
sentenced, or else the one person it names; and the platforms they used, as in a judgment."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from ...graph.model import PARTIES, Evidence, Extraction, HeaderField, Node, Statement
from .. import enforcement
from ..context import Context
from ..documents import LEGAL_WORDS, REPORTING
from ..penalties import GOES_ON, accessory, combined, each_crime, principal_only
from ..platform_use import platforms_used
from ..text import joined, sentences
from ..triggers import guarded
from ..values import FINE_ZH, MONEY, amount, en_terms, zh_terms
from . import Genre, register

# what a report calls a person it does not name: "a local man", "a former teacher"
SOMEONE = (r"(?:[Aa]n?|[Tt]he)\s+(?:\w+\s+){0,2}(?:man|woman|teacher|blogger|activist|lawyer|journalist|student|employee|official|"
           r"businessman|businesswoman|worker|programmer|engineer|writer|professor|dissident|netizen|user)\b")
SENTENCED = guarded(r"判处|获刑|被判"
                    r"|\b(?:was|were|has\s+been|had\s+been|have\s+been)\s+(?:\w+\s+)?(?:sentenced|jailed|imprisoned)"
                    r"|\b(?:and|but)\s+(?:(?:was|were)\s+)?(?:later\s+)?(?:sentenced|jailed)\s+(?:to|for)\b"
                    rf"|\bsentenced\s+(?:him|her|them|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?|{SOMEONE})\s+to\b"
                    rf"|\b(?:jailed|imprisoned)\s+(?:{SOMEONE}\s+)?for\b"
                    r"|\b(?:received|got|was\s+given|was\s+handed)\s+(?=(?:an?\s+)?(?:\w+[\s-]+){1,4}(?:years?|months?)\b)"
                    r"|\bhanded\s+(?:[a-z]+\s+){0,3}[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s+(?=an?\s+(?:\w+[\s-]+){0,4}"
                    r"(?:sentence|prison|jail)\b)")
FINED = guarded(r"\b(?:fined|a\s+fine\s+of)\s+(?:(?:him|her|them|[A-Z][a-z]+)\s+)?(?:RMB|CNY|¥)?\s*"
                r"(?P<n>\d[\d,.]*(?:\s*(?:million|thousand))?)\s*(?:yuan|RMB)\b")
FINE_BEFORE = guarded(r"\b(?:RMB|CNY|¥)\s*(?P<n>\d[\d,.]*(?:\s*(?:million|thousand))?)\s+fine\b")  # "a RMB1,000 fine"
# "Hou Peng received a three-year jail term ... over the same charge": the crime of the sentence before
SAME_CHARGE = guarded(r"\b(?:over|for|on|of)\s+the\s+same\s+(?:charges?|crimes?|offen[cs]es?)\b|同一罪名|同样罪名|相同罪名")
RESPECTIVELY = guarded(r"\brespectively\b", re.IGNORECASE)
REPRIEVE = guarded(r"\bdeath\s+(?:sentence\s+)?with\s+an?\s+[\w-]+\s+reprieve\b", re.IGNORECASE)  # not a term
CONVICTED = guarded(r"罪[^。]*?(?:判处|获刑)|\b(?:convicted|found(?:\s+[A-Z][a-z]+){0,3}\s+guilty)\s+(?:[A-Z][a-z]+\s+){0,3}of\b|\b(?:sentenced|sentence|jailed)\b[^.]*?\bfor\s+"
                    r"(?:the\s+crime\s+of\b)?")
# "He was fined", "sentenced a local man", "A man in Guangdong province" (its place: who it is)
UNNAMED = guarded(rf"^(?:He|She)\b|\b{SOMEONE}(?:\s+(?:in|from)\s+(?P<place>[A-Z][\w'’-]*))?")
# what follows the name of one who was sentenced: "Yu Wensheng has been sentenced", "X, 47, was jailed"
SUBJECT_SENTENCED = guarded(r"(?:\s*,[^,\n]{1,60},)?\s+(?:has\s+been|had\s+been|was|were|is)\s+(?:\w+\s+)?"
                            r"(?:sentenced|jailed|imprisoned|convicted)\b")
NOT_THE_ACCUSED = {"defenseCounsel", "judge", "clerk", "procurator", "witness", "author", "victim", "lawyer"}


def extract(ctx: Context) -> None:
    col, text = ctx.collector, ctx.text
    spans = list(sentences(text))
    told = [(s, e, _named(ctx, s, e)) for s, e in joined(text, spans, GOES_ON)]
    # whom "He" and "a man" are: the one person the report says was sentenced, or else the one it names
    sentenced = {pid for s, e, who in told if SENTENCED.search(text[s:e]) for pid in who}
    named = {pid for _s, _e, who in told for pid in who}
    subject = [*(sentenced or named)] if len(sentenced or named) == 1 else []
    accused = set(sentenced)  # and whomever the report gives a term, a fine or a crime
    where = ""  # the place of the first unnamed person the report describes
    last: list[str] = []  # the crimes of the last sentence that named some: what "the same charge" is
    for s, e, who in told:
        chunk = text[s:e]
        unnamed = UNNAMED.search(chunk)
        if unnamed and unnamed["place"]:  # "a man in Shanghai" after "A man in Guangdong": somebody else
            where = where or unnamed["place"]
            unnamed = unnamed if unnamed["place"] == where else None
        who = who or (subject if unnamed else [])
        terms, fines = _penalties(chunk, after_verb=True)
        crimes = [cid for crime, cid in ctx.crimes if s <= crime.start < e] if CONVICTED.search(chunk) else []
        crimes = crimes or (last if SAME_CHARGE.search(chunk) else [])
        last = crimes or last
        if not terms and not fines and not crimes:
            continue
        parts = ctx.parts(who, s, e)
        respectively = len(parts) > 1 and RESPECTIVELY.search(chunk) is not None
        for k, (pid, (a, b)) in enumerate(parts):
            own_terms, own_fines = (terms, fines) if len(parts) == 1 else _penalties(text[a:b], after_verb=False)
            if respectively:  # "X and Y were sentenced to three and two years respectively"
                if len(fines) < len(parts) and (fined := FINED.search(chunk)):  # "fined 350,000 yuan ... and
                    fines = [n for f in MONEY.finditer(chunk, fined.start()) if (n := amount(f.group("n") or f.group("m") or ""))]
                own_terms = [terms[k]] if len(terms) == len(parts) else []
                own_fines = [fines[k]] if len(fines) == len(parts) else []
            if terms and not own_terms and len(set(terms)) == 1:  # "X and Y were each sentenced to 3 years"
                own_terms = terms
            if fines and not own_fines and len(set(fines)) == 1:
                own_fines = fines
            sid = col.sentence(pid, s, e)
            if len(parts) == 1:  # a report on one person's several crimes: the penalty of each
                each_crime(ctx, lambda sid=sid: sid, text, s, e, [(m, cid) for m, cid in ctx.crimes if s <= m.start < e])
            if own_terms:
                col.fact(sid, "imprisonmentMonths", own_terms[0], s, e, literal=True)
            if len(own_fines) == 1:
                col.fact(sid, "fineYuan", own_fines[0], s, e, literal=True)
            for name, value in accessory(text[a:b]):
                col.fact(sid, name, value, s, e, literal=True)
            for cid in crimes:
                col.fact(sid, "convictedOf", cid, s, e)
            accused.add(pid)
    platforms_used(ctx, spans, sorted(accused))
    enforcement.extract(ctx)


def _penalties(text: str, after_verb: bool) -> tuple[list[int], list[int]]:
    """The terms of imprisonment (in months) and the fines a text states: the terms after its "sentenced
    to", "jailed for", ...; without `after_verb`, where it has no such words, every term in it ("and Y to
    two years")."""
    text = principal_only(text)
    if (at := combined(text)) is not None:  # "数罪并罚，决定执行有期徒刑十三年": the penalty to be served
        text, after_verb = text[at:], False
    verb = SENTENCED.search(text)
    scope = REPRIEVE.sub("", text[verb.end():] if verb else "" if after_verb else text)
    terms = [t for _, _, t in en_terms(scope)] + zh_terms(text)
    fines = [n for f in sorted((*FINED.finditer(text), *FINE_BEFORE.finditer(text), *FINE_ZH.finditer(text)),
                               key=lambda f: f.start()) if (n := amount(f.group("n")))]
    return terms, fines


def _named(ctx: Context, start: int, end: int) -> list[str]:
    """The people a sentence names, other than lawyers, judges and witnesses (but for one the report says was
    sentenced: "China human rights lawyer Yu Wensheng has been sentenced to four years")."""
    text = ctx.text
    return [eid for p, eid in ctx.people
            if any(start <= m.start and m.end <= end for m in p.mentions) and (
                not NOT_THE_ACCUSED & set(p.roles) or any(SUBJECT_SENTENCED.match(text, m.end) for m in p.mentions))]


# how a report is recognised and linked (see extractors.genres)


def recognise(title: str, body: str, header: Sequence[HeaderField]) -> bool:
    """Reporting words ("said", "according to", "记者") in a text with a word of the law."""
    return bool(REPORTING.search(body) and LEGAL_WORDS.search(title + "\n" + body))


def by_words(text: str) -> int:
    """Any text with a word of the law that is no judgment or regulation is a report on one: 1."""
    return 1


def same_people(extractions: list[Extraction], i: int, defendants: dict[str, list[int]]) -> list[int]:
    """The judgment a report is about, whose people are the report's: of the judgments in its own file whose
    defendants it names, the one that shares most else with it (court, crime, articles), then the nearest
    (a report before or after the judgment it introduces); else the one judgment of all that has a
    defendant of a name it names (namesakes of several judgments are nobody's in particular)."""
    own = {(e.cls, k) for e in extractions[i].entities.values() for k in e.keys}
    named = {k for cls, k in own if cls == "Person"}
    about = sorted({j for k in named for j in defendants.get(k, ())})
    doc = extractions[i].document

    def closeness(j: int) -> tuple[int, int]:
        other = extractions[j].document
        shared = own & {(e.cls, k) for e in extractions[j].entities.values() if e.cls != "Person" for k in e.keys}
        return -len(shared), max(other.first_line - doc.last_line, doc.first_line - other.last_line)

    here = sorted((closeness(j), j) for j in about if extractions[j].document.source == doc.source)
    if here:
        return [here[0][1]] if len(here) == 1 or here[0][0] < here[1][0] else []
    return about if len(about) == 1 else []


def reports_on(extractions: list[Extraction], doc_iris: list[str], out: dict, nodes: dict[str, Node]) -> None:
    """A news report reports on the judgment documents whose parties (defendants, plaintiffs) it names."""
    defendants: dict[str, list[str]] = defaultdict(list)
    for (s, p, o, _literal) in list(out):
        if p in PARTIES and s in nodes and nodes[s].cls == "Judgment" and nodes[s].document is not None:
            defendants[o].append(s)
    news_docs = {doc_iris[i] for i, ex in enumerate(extractions) if ex.document.genre == "NewsReport"}
    named_in: dict[tuple[str, str], list[Evidence]] = defaultdict(list)  # (news, defendant) -> mentions
    for person in defendants:
        for ev in nodes[person].evidence:
            if ev.document in news_docs:
                named_in[(ev.document, person)].append(ev)
    for (news, person), mentions in sorted(named_in.items()):
        for judgment in sorted(set(defendants[person])):
            st = out.setdefault((news, "reportsOn", judgment, False), Statement(news, "reportsOn", judgment, False))
            st.evidence.append(min(mentions))


register(Genre("NewsReport", 90, recognise, by_words, extract, link=reports_on, shares_people=same_people))
