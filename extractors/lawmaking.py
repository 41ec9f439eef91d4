"""What a text does to other law, where that is what it is for: the rules on crime names (罪名的规定, 罪名补充规定,
罪名的意见) define each offence under an article of the Criminal Law; an amending decision or an amendment
(关于修改《…》的决定, 修正案) amends a law and, item by item, its articles.

Crime names are read in the two forms such rules take: a table of the Criminal Law's articles and the names
they define (| 第一百三十三条之一 （《刑法修正案（八）》第二十二条） |危险驾驶罪 |), and a numbered list of names
each with its articles (1．背叛国家罪（第102条）); a name a rule abolishes (（取消强迫职工劳动罪罪名）) is not
defined. An amendment's articles are those its items name outside the quoted new text (一、第一条第二款开始部分
增加规定：“…”; 二、删去第二条中的“…”).
"""

from __future__ import annotations

import re

from ..graph.model import DOC
from . import crimes
from .citations import ZH_ART, zh_article
from .context import Context
from .gazetteer import Entry, gazetteer
from .mentions import keys
from .text import CJK, blank
from .triggers import guarded

RULE_ON_CRIME_NAMES = guarded(r"罪名")
# a crime's name and its articles in brackets ("背叛国家罪（第102条）"); in a table, a row's cells
LISTED_CRIME = guarded(rf"(?P<crime>[{CJK}、]{{2,40}}?罪)[（(](?P<arts>第[^（）()]{{1,80}}?)[）)]")
TABLE_ROW = guarded(r"^\|(?P<arts>[^|]*第[^|]+条[^|]*)\|(?P<crime>[^|]+罪[^|]*)\|\s*$", re.MULTILINE)
CRIME_NAME = guarded(rf"[{CJK}、]{{2,40}}罪")
ABOLISHED = guarded(r"[（(]取消[^）)]*[）)]")
AMENDS = guarded(r"对《(?P<t>[^《》]{2,120})》(?:[（(]以下简称《[^《》]+》[）)])?(?:的?部分条款)?作(?:如下|以下)修改")
# an amendment titled by the law it amends ("中华人民共和国刑法修正案（十二）"), which names no 《…》 to amend
AMENDMENT_TITLE = guarded(r"^(?P<law>[^（()]{2,40}?)修正案(?:[（(][一二三四五六七八九十]+[)）])?$")
# an article named as the place of a new one ("在刑法第一百三十四条后增加一条，作为第一百三十四条之一"), not amended
PLACE_OF_NEW = guarded(r"(?:之)?[后前]增加")
ITEM = guarded(r"^\s*[一二三四五六七八九十百]+、(?P<body>.*)$", re.MULTILINE)
# a reply: "你院《关于…的请示》收悉。经研究，批复如下：", addressed to the body that asked ("安徽省高级人民法院：")
REPLY_OPENING = guarded(r"收悉[。，,][^。\n]{0,20}?(?:批复|答复)如下[:：]")
REQUEST = guarded(r"《(?P<t>[^《》]{2,120}?(?:请示|请示报告))》")
ADDRESSEE = guarded(rf"^[ \t　]*(?P<who>[{CJK}、，]{{4,80}}?)[:：][ \t　]*$", re.MULTILINE)
REPLY_CLOSING = guarded(r"\n[ \t　]*(?:此复|特此批复|此复。)[。]?[ \t　]*(?:\n|$)")
QUOTED = guarded(r"“[^”]*”|\"[^\"]*\"")
BOOK_TITLE = guarded(r"《[^《》]*》")
BRACKETED = guarded(r"[（(][^（）()]*[）)]")


def extract(ctx: Context) -> None:
    if RULE_ON_CRIME_NAMES.search(ctx.doc.title):
        _crime_names(ctx)
    _amendments(ctx)
    _reply(ctx)


def _reply(ctx: Context) -> None:
    """A reply (批复, 答复) to a lower court's or procuratorate's request: the body it replies to (the line
    that addresses it, "安徽省高级人民法院："), the request's title (its question) and what follows "批复如下"
    (its answer)."""
    col, text = ctx.collector, ctx.text
    opening = REPLY_OPENING.search(text)
    if opening is None:
        return
    line_start = text.rfind("\n", 0, opening.start()) + 1
    addressed = list(ADDRESSEE.finditer(text, 0, line_start))
    if addressed:
        s, e = addressed[-1].span("who")
        for _, eid in ctx.within(s, e, "Court") + ctx.within(s, e, "Agency"):
            col.fact(DOC, "repliesTo", eid, s, e)
    request = REQUEST.search(text, line_start, opening.start())
    if request:
        s, e = request.span("t")
        col.fact(DOC, "question", ctx.written[s:e], s, e, literal=True)
    closing = REPLY_CLOSING.search(text, opening.end())
    rest = ctx.written[opening.end():closing.start() if closing else len(text.rstrip())]
    answer = rest.strip()
    if answer:
        start = opening.end() + len(rest) - len(rest.lstrip())
        col.fact(DOC, "answer", answer, start, start + len(answer), literal=True)


def _criminal_law(ctx: Context) -> str | None:
    """The Criminal Law (the gazetteer's criminal code), as the text names it."""
    entry = next((e for e in gazetteer("Statute").entries if e.extra.get("kind") == "criminal-code"), None)
    return None if entry is None else _statute(ctx, entry)


def _statute(ctx: Context, entry: Entry) -> str | None:
    """A statute of the gazetteer as the text names it (by any of its Chinese names), or None."""
    named = [c for c in ctx.cands if c.cls == "Statute" and c.gid == entry.id]
    if named:
        return ctx.eid[id(named[0])]
    found = [(m.start(), -len(n), n) for n in entry.zh if (m := re.search(re.escape(n), ctx.text))]
    if not found:
        return None
    at, _, name = min(found)
    return ctx.collector.entity("Statute", entry.name, keys("Statute", entry.name, entry.id), at, at + len(name),
                                zh_name=entry.zh_name, props={"gid": entry.id})


def _crime_names(ctx: Context) -> None:
    col, text = ctx.collector, ctx.text
    code = _criminal_law(ctx)
    if code is None:
        return
    table = list(TABLE_ROW.finditer(text))
    rows = table + [m for m in LISTED_CRIME.finditer(text) if not any(r.start() <= m.start() < r.end() for r in table)]
    for row in rows:
        at = row.start("arts")
        # the Criminal Law's own articles, not the amendment's in brackets after them
        own = BRACKETED.sub(blank, BOOK_TITLE.sub(blank, row.group("arts")))
        articles = [(at + a.start(), at + end, number) for a in ZH_ART.finditer(own)
                    for number, end in [zh_article(a)] if number]
        at = row.start("crime")
        for name in CRIME_NAME.finditer(ABOLISHED.sub(blank, row.group("crime"))):
            s, e, zh = at + name.start(), at + name.end(), name.group(0)
            entry = crimes.lookup(zh, "zh")
            crime = col.entity("Crime", entry.name if entry else zh, {crimes.key_of(zh, "zh", entry)}, s, e, zh_name=zh)
            col.fact(DOC, "definesCrime", crime, s, e)
            for a_start, a_end, number in articles:
                col.fact(crime, "definedIn", _article(ctx, code, number, a_start, a_end), a_start, a_end)


def _amendments(ctx: Context) -> None:
    col, text = ctx.collector, ctx.text
    m = AMENDS.search(text)
    if m is not None:
        statute = next((c for c in ctx.cands if c.cls == "Statute" and c.start <= m.start("t") < c.end), None)
        if statute is None:
            return
        sid, (s, e) = ctx.eid[id(statute)], m.span()
    elif (titled := AMENDMENT_TITLE.match(ctx.doc.title)) and (
            entry := gazetteer("Statute").lookup(titled.group("law"))) and (found := _statute(ctx, entry)):
        s = max(0, text.find(ctx.doc.title))  # 中华人民共和国刑法修正案（十二）: an amendment of the law it names
        sid, e = found, s + len(ctx.doc.title)
    else:
        return
    col.fact(DOC, "amends", sid, s, e)
    for item in ITEM.finditer(text, e):
        body = QUOTED.sub(blank, item.group("body"))
        for a in ZH_ART.finditer(body):
            number, _ = zh_article(a)
            if number and not PLACE_OF_NEW.match(body, a.end()):
                s, e = item.start("body") + a.start(), item.start("body") + a.end()
                col.fact(DOC, "amends", _article(ctx, sid, number, s, e), s, e)


def _article(ctx: Context, statute: str, number: str, start: int, end: int) -> str:
    """The article `number` of `statute`, named at [start, end)."""
    col = ctx.collector
    eid = col.entity("Article", f"Article {number}", {f"article:{statute}:{number}"},
                     props={"number": number, "statute": statute})
    col.mention(eid, start, end, ctx.text[start:end])
    col.fact(eid, "partOf", statute, start, end)
    return eid
