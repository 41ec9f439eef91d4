"""Judgments: court, case number, prosecutor, parties, bench, decision date, the sentence imposed, the
law applied, the platforms the defendant used and the earlier judgment an appeal reviews."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from ...graph.model import DOC, PARTIES, Extraction, HeaderField
from .. import timeline
from ..context import Context
from ..documents import CASE_NUMBER, COURT_LINE, DOC_TYPE_LINE, JUDGMENT_WORDS, title_of
from ..gazetteer import gazetteer
from ..penalties import GOES_ON, Penalty, each_crime, penalty
from ..platform_use import platforms_used
from ..text import CJK, Line, blank, has_cjk, joined, lines, sentences
from ..triggers import guarded
from ..values import FINE_ZH, MONEY, amount, en_terms, find_dates, zh_terms
from . import Genre, register

PROSECUTION = guarded(r"Prosecuting\s+Agency|Public\s+Prosecution|Prosecution\s+Organ|Prosecutor'?s?\s+Office|"
                      r"公诉机关|抗诉机关")
FIRST_INSTANCE = guarded(r"first[\s-]+instance|原审|一审|原公诉机关", re.IGNORECASE)
# a case number's type word, in English or pinyin ("Criminal Final", "Xing Zhong"; "Criminal First", "Xing Chu")
SECOND_INSTANCE = guarded(r"\bFinal\b|\bZhong\b|second[\s-]+instance|终|上诉人|\bAppellant\b", re.IGNORECASE)
OPERATIVE_EN = guarded(r"(?:committed|(?:is|was|are|were)\s+(?:found\s+)?(?:guilty|convicted)\s+of)[^.]*?\bsentenced\s+to\b"
                       r"|\b(?:is|shall\s+be)\s+sentenced\s+to\b", re.IGNORECASE)  # "1. Defendant X is sentenced to ..."
# the number of an indictment or a decision is no judgment's: "by the Indictment [2019] Da Jia Jiansu Xingsu No
# 71", "A ‘Decision on Making Revisions to the Indictment’ (cite as: [2019] ..."
NOT_A_JUDGMENT = guarded(r"(?:Indictment|Decision|Notice|Opinion|Letter|起诉书|决定书|通知书)[^.;。；\n]{0,20}$",
                         re.IGNORECASE)
RESPECTIVELY = guarded(r"\brespectively\b|分别", re.IGNORECASE)
RESTATED = guarded(r"\b(?i:judgment|court|verdict)\s+(?:of\s+(?:the\s+)?first\s+instance\s+)?sentenced\s+"
                   r"(?:(?:the\s+)?(?:defendant|appellant)\s+)?[A-Z]")  # "The original judgment sentenced Zhou Jianguo to"
HOLDING_ZH = guarded(r"(?<![不未])构成[^，,。；]*?罪")
NEGATED = guarded(r"\b(?:not|never|neither|nor)\b|n['’]t\b", re.IGNORECASE)  # "do not constitute the crime of"
HOLDING_EN = guarded(r"\b(?:committed|constitut(?:es?|ed)|(?:is|was|are|were)\s+guilty\s+of|(?:is|was|are|were)\s+"
                     r"convicted\s+(?:of|for)\s+committing)\s+the\s+crimes?\s+of\b", re.IGNORECASE)
# the date of a signature block in a run of text: in Chinese numerals, before the clerk ("审判员刘国宏二〇一四年十一月
# 五日书记员张健敏")
ZH_SIGNED_DATE = guarded(r"[〇零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日(?=\s*(?:书记员|法官助理))")
# an administrative case, by its case number or its kind ("(2014) Kun Admin First Instance No. 0015",
# "Administrative Judgment", "行政判决书", "（2015）穗中法行终字第152号")
ADMINISTRATIVE = guarded(r"\b(?:Admin|Administrative)\b(?!\s+(?:detention|punishment|penalty))|行政判决|行政裁定|行初|行终")
ADMINISTRATIVE_ROLES = {"defendant": "plaintiff", "defenseCounsel": "litigationAgent"}
RESPONDENT_LINE = guarded(r"^\s*(?:(?:Defendant|Appellee|Respondent)s?\b(?:\s*\([^)\n]{0,60}\))?|被告|被上诉人)[\s:：,，(（]")
# a party's header line ("Appellee (original defendant): Guangzhou Yuexiu District Public Security Bureau",
# "Defendant Unit: ...", "被告单位..."), and the line of one who acts for the party above it ("Legal
# Representative: Cai Wei", "Attorney: Zhou Peixin", "委托诉讼代理人...")
PARTY_LINE = guarded(r"^\s*(?:(?:Defendant|Plaintiff|Appellant|Appellee|Respondent|Applicant|Third\s+Party)s?"
                     r"(?:\s+Unit)?\b(?:\s*\([^)\n]{0,60}\))?|被告人|被告单位|被告|原告|上诉人|被上诉人|第三人)[\s:：,，(（]")
AGENT_LINE = guarded(r"^\s*(?:(?:Legal|Litigation)\s+Representative|Attorney|Lawyer|Agent|Entrusted\s+Agent|"
                     r"Authori[sz]ed\s+Agent|Defen[cs]e\s+(?:Counsel|Attorney|Lawyer)|Defender|法定代表人|"
                     r"委托诉讼代理人|诉讼代理人|诉讼代表人|辩护人)", re.IGNORECASE)
ACTING_ROLES = ("legalRepresentative", "agent", "defenseCounsel")
BODIES = ("Agency", "Organization")  # what may be a party beside people
# the articles a judgment appends in full after its signature: "附相关法律条文：", "附：本判决适用的法律条文",
# "附：相关法律条文", "附本案适用的法律条款"
APPENDIX_ZH = guarded(r"附[：:]?\s*(?:本(?:判决|裁定|案)(?:所)?(?:适用|依据)的|相关|有关)(?:的)?法律(?:条文|条款|法规)[：:]?")
# where an appended article begins: after the heading, a statute's title, a line's start or the end of the article
# before it ("...有关单位必须办理。第二百四十四条被执行人...")
APPENDED_ARTICLE_START = guarded(r"(?:^|[\n。》：:；;])[ \t　]*$")
# a Chinese judgment's kind, its characters sometimes spaced out ("执 行 裁 定 书")
ZH_KIND = "(?:" + "|".join(r"[ \t　]*".join(w) for w in ("刑事", "民事", "行政", "执行", "赔偿")) + ")?(?:附带民事)?(?:" + \
    "|".join(r"[ \t　]*".join(w) for w in ("判决书", "裁定书", "决定书", "调解书")) + ")"
ZH_RUN_ON_HEAD = guarded(rf"^(?P<t>[^，。：:\n]{{2,60}}?{ZH_KIND})(?P<c>[^，。：:\n]{{2,30}}?人民法院{ZH_KIND})?")
OPERATIVE_ZH = guarded(r"犯[^。；]*?罪[，,][^。]*?判处")
# a clause of a defendant's record: a sentence an earlier judgment passed ("因犯寻衅滋事罪，2005年2月28日被绍兴市
# 上虞区人民法院判处有期徒刑一年三个月"; 被告人 and 被害人 are no passive)
# (a clause begins at the start or after 。；; only: tried from every character, the clause's run would make the
# search quadratic in a long text)
PRIOR_ZH = guarded(r"(?:^|(?<=[。；;]))[^。；;]*被(?![告害])[^。；;，,]{0,40}?判处[^。；;]*")
APPLIED_LAW = guarded(r"\b(?:in\s+accordance\s+with|pursuant\s+to|according\s+to|in\s+light\s+of|under)\b|依照|根据",
                      re.IGNORECASE)
# a sentence after a semicolon that goes on listing the articles applied ("In accordance with Article 103,
# Paragraph 1; Article 106; and Article 64 of the Criminal Law ...")
LISTED_ARTICLE = guarded(r"(?:and\s+)?Articles?\s+\d|第[一二三四五六七八九十百零〇0-9]+条")
# what may stand beside the date of a dateline: "Date: August 25, 2017", "August 25, 2017 (seal)"
DATE_LINE_REST = guarded(r"^\s*(?:Dated?(?:\s+of\s+(?:the\s+)?(?:judgment|ruling|decision))?\s*[:：]\s*)?(?P<date>.*?)"
                         r"\s*(?:[(（\[](?:court\s+)?seal[)）\]]|（印）|\(印\))?\s*$", re.IGNORECASE)


def extract(ctx: Context) -> None:
    col, text = ctx.collector, ctx.text
    all_lines = lines(text)
    head = [ln for ln in all_lines if ln.stripped][:8]
    _court(ctx, head)
    own_case = _case_number(ctx, head)
    second_instance = bool(SECOND_INSTANCE.search(own_case or "")) or any(
        re.search(r"\bAppellant\b|上诉人", ln.text) for ln in head)
    prosecutors = _prosecution(ctx, all_lines)
    defendants = [eid for p, eid in ctx.people if {"defendant", "plaintiff"} & set(p.roles)]
    # an administrative case: its party is the plaintiff (or the appellant who was), who sues an agency, with
    # litigation agents, not defence counsel
    administrative = bool(ADMINISTRATIVE.search(own_case or "") or any(ADMINISTRATIVE.search(ln.text) for ln in head))
    relation = ADMINISTRATIVE_ROLES if administrative else {}
    for p, eid in ctx.people:
        for role in ("defendant", "plaintiff", "defenseCounsel", "judge", "clerk"):  # the role is the relation's name
            if role in p.roles:
                m = next(m for m in p.mentions if m.role == role)
                col.fact(DOC, relation.get(role, role), eid, *_line_around(text, m.start, m.end))
    if administrative:
        _respondents(ctx, all_lines)
    spans = list(sentences(text))
    _representation(ctx, all_lines, spans)
    _decided_on(ctx, all_lines)
    _sentences(ctx, spans, defendants)
    platforms_used(ctx, spans, defendants)
    timeline.events(ctx, spans, defendants)
    _earlier_judgments(ctx, spans, defendants, own_case, second_instance, prosecutors,
                       relation.get("defendant", "defendant"))
    _appended_articles(ctx)


def _appended_articles(ctx: Context) -> None:
    """The text of each article a judgment appends after its signature (附相关法律条文): from its number to
    the next appended article, the next statute's title or the end."""
    found = list(APPENDIX_ZH.finditer(ctx.text))
    if not found:
        return
    text, start = ctx.text, found[-1].end()
    heads = [(a, eid) for a, eid in ctx.cites if a.start >= start and a.surface.startswith("第")
             and APPENDED_ARTICLE_START.search(text, max(start, a.start - 4), a.start)]
    titles = [c.start - (text[c.start - 1] == "《") for c, _eid in ctx.of("Statute") if c.start > start]
    for k, (a, eid) in enumerate(heads):
        end = min([h.start for h, _ in heads[k + 1:k + 2]] + [t for t in titles if t > a.end][:1] + [len(text)])
        body = ctx.written[a.start:end].strip()
        if body:
            ctx.collector.entities[eid].props.setdefault("text", body)
            ctx.collector.entities[eid].props.setdefault("lang", "zh")


def _line_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The line holding a mention (a party's header line, a signature line), as the evidence of a role."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return line_start, len(text) if line_end < 0 else line_end


def _court(ctx: Context, head: list) -> None:
    """The court that decided: the court a judgment opens with (its first line is the court's name, as in
    a Chinese judgment's header), else the court the title names ("Criminal Judgment of the Tianhe District
    People's Court ..."), else the first line of the header that is a court's name, else the first court
    the header names (not one a sentence names first: "The Kunshan People's Court tried the case" of an
    appeal names the court below)."""
    in_title = ctx.within(head[0].start, head[0].end, "Court") if head and head[0].start < ctx.title_end else []
    after = [(ln, cs[0]) for ln in head if ln.start >= ctx.title_end and (cs := ctx.within(ln.start, ln.end, "Court"))]
    opening = [c for c in in_title if _fills(c[0], head[0])]
    alone = [c for ln, c in after if _fills(c[0], ln)]
    for c, eid in (opening or in_title or alone or [c for _ln, c in after])[:1]:
        ctx.collector.fact(DOC, "decidedBy", eid, c.start, c.end)


def _fills(mention, line) -> bool:
    """Whether a mention is its line's whole text (but for a closing colon or full stop)."""
    return mention.end - mention.start >= len(line.stripped.rstrip(".:")) - 1


def _case_number(ctx: Context, head: list) -> str:
    for line in head:
        m = CASE_NUMBER.search(line.text)
        if m:
            ctx.collector.fact(DOC, "caseNumber", m.group(0), line.start + m.start(), line.start + m.end(),
                               literal=True)
            return m.group(0)
    return ""


def _prosecution(ctx: Context, all_lines: Sequence[Line]) -> list[tuple[str, bool, int, int]]:
    """The prosecuting agencies named by a header line: (entity, of the first instance?, span)."""
    out = []
    for line in all_lines:
        if PROSECUTION.search(line.text):
            for _c, eid in ctx.within(line.start, line.end, "Agency"):
                ctx.collector.fact(DOC, "prosecutedBy", eid, line.start, line.end)
                out.append((eid, bool(FIRST_INSTANCE.search(line.text)), line.start, line.end))
            if out:
                break
    if not out:
        procs = [(c, eid) for c, eid in ctx.of("Agency") if re.search(r"Procuratorate|检察院", c.name)]
        if procs:
            c, eid = procs[0]
            ctx.collector.fact(DOC, "prosecutedBy", eid, c.start, c.end)
    return out


def _respondents(ctx: Context, all_lines: Sequence[Line]) -> None:
    """The agencies an administrative case is brought against: those its party lines name ("Defendant
    Kunshan Public Security Bureau, located at ...", "被告昆山市公安局")."""
    for ln in all_lines:
        if RESPONDENT_LINE.match(ln.text):
            for _c, aid in ctx.within(ln.start, ln.end, "Agency")[:1]:
                ctx.collector.fact(DOC, "respondent", aid, ln.start, ln.end)


def _representation(ctx: Context, all_lines: Sequence[Line], spans: list[tuple[int, int]]) -> None:
    """Who acts for which party: under a party's header line, its legal representative (`legalRepresentative`
    of the body), its agents and its defence counsel (each `represents` the party; an agent is also a
    `litigationAgent` of the case); in running text, the agents a sentence names after the body they act for
    ("the representatives for defendant Kunshan Public Security Bureau Lu Huanfang and Cha Wenming")."""
    col = ctx.collector
    acting = [(m, eid) for p, eid in ctx.people for m in p.mentions if m.role in ACTING_ROLES]
    if not acting:
        return
    party_mentions = [(m, eid) for p, eid in ctx.people for m in p.mentions if m.role in PARTIES]
    party_of: dict[int, tuple[str, str] | None] = {}  # a header line's number -> the party its people act for
    current = None
    for ln in all_lines:
        if PARTY_LINE.match(ln.text):
            current = _party(ctx, party_mentions, ln.start, ln.end, first=True) or current
            party_of[ln.number] = current
        elif AGENT_LINE.match(ln.text):
            party_of[ln.number] = current
        elif ln.stripped:
            current = None
    starts = [ln.start for ln in all_lines]
    done: set[tuple[str, str]] = set()
    for m, eid in sorted(acting, key=lambda x: x[0].start):
        ln = all_lines[bisect.bisect_right(starts, m.start) - 1]
        own = _party(ctx, party_mentions, ln.start, m.start) if PARTY_LINE.match(ln.text) else None
        if ln.number in party_of and (own or party_of[ln.number]):
            party, kind = own or party_of[ln.number]
            s, e = ln.start, ln.end
        elif m.role == "agent":
            s, e = next(((s, e) for s, e in spans if s <= m.start < e), (ln.start, ln.end))
            bodies = [(c, pid) for c, pid in ctx.within(s, m.start) if c.cls in BODIES]
            if not bodies:
                continue
            party, kind = bodies[-1][1], "body"
        else:
            continue
        if (m.role, eid) in done:
            continue
        done.add((m.role, eid))
        if m.role == "legalRepresentative":
            if kind == "body":
                col.fact(party, "legalRepresentative", eid, s, e)
            continue
        col.fact(eid, "represents", party, s, e)
        if m.role == "agent":
            col.fact(DOC, "litigationAgent", eid, s, e)


def _party(ctx: Context, party_mentions: list, start: int, end: int, first: bool = False) -> tuple[str, str] | None:
    """The last (or first) party named in [start, end): a body (agency, company) or a person named as a party,
    with its kind."""
    named = sorted([(c.start, pid, "body") for c, pid in ctx.within(start, end) if c.cls in BODIES] +
                   [(m.start, pid, "person") for m, pid in party_mentions if start <= m.start and m.end <= end])
    return named[0 if first else -1][1:] if named else None


def _decided_on(ctx: Context, all_lines: Sequence[Line]) -> None:
    """The last dateline: the English one where a translation also keeps the Chinese original's."""
    dated = [(ln, iso) for ln in all_lines if (iso := _dateline(ln.text))]
    english = [(ln, iso) for ln, iso in dated if re.search(r"[A-Za-z]{3}", DATE_LINE_REST.match(ln.text)["date"])]
    if dated:
        line, iso = (english or dated)[-1]
        ctx.collector.fact(DOC, "decidedOn", iso, line.start, line.end, literal=True)
    elif signed := list(ZH_SIGNED_DATE.finditer(ctx.text)):  # a judgment published as one run of text
        m = signed[-1]
        if dates := find_dates(m.group()):
            ctx.collector.fact(DOC, "decidedOn", dates[0][2], m.start(), m.end(), literal=True)


def _dateline(text: str) -> str | None:
    """The ISO date of a line that holds a date alone ("August 25, 2017", "25 August 2017", "2017-08-25",
    "二〇一七年八月二十五日"), perhaps labelled ("Date:") or sealed ("(seal)")."""
    rest = DATE_LINE_REST.match(text)
    dates = find_dates(rest["date"]) if rest and rest["date"] else []
    return dates[0][2] if len(dates) == 1 and dates[0][:2] == (0, len(rest["date"])) else None


def _sentences(ctx: Context, spans: list[tuple[int, int]], defendants: list[str]) -> None:
    """The operative sentences: who is convicted of what, for how long, with what fine, under which
    articles of the criminal code; and the holdings before them (who is convicted of what)."""
    col, text = ctx.collector, ctx.text
    applied = [(s, e) for s, e in joined(text, spans, LISTED_ARTICLE) if APPLIED_LAW.search(text[s:e]) and any(
        s <= a.start < e for a, _ in ctx.cites)]
    restated: list[tuple[int, int, list[str]]] = []  # "The original judgment sentenced X to ...", of an appeal
    sentenced: set[str] = set()
    priors = [m.span() for m in PRIOR_ZH.finditer(text)]
    text = PRIOR_ZH.sub(blank, text)  # an earlier sentence is no part of this judgment's
    for s, e in joined(text, spans, GOES_ON):
        chunk = text[s:e]
        operative = bool(OPERATIVE_EN.search(chunk) or OPERATIVE_ZH.search(chunk))
        if not (operative or _holds(chunk)):
            if RESTATED.search(chunk) and (named := [eid for eid in ctx.people_within(s, e) if eid in defendants]):
                restated.append((s, e, named))
            continue
        who = [eid for eid in ctx.people_within(s, e) if eid in defendants] or (
            defendants if operative and len(defendants) == 1 else [])
        crimes = [(m, eid) for m, eid in ctx.crimes if s <= m.start < e and not any(a <= m.start < b for a, b in priors)]
        respectively = len(who) > 1 and RESPECTIVELY.search(chunk) is not None
        parts = _own_parts(ctx, who, text, s, e) if operative and not respectively else [(pid, (s, e)) for pid in who]
        for pid, (a, b) in parts:
            for m, cid in crimes:
                if (a, b) == (s, e) or a <= m.start < b:
                    col.fact(col.sentence(pid, a, b, imposed=True), "convictedOf", cid, a, b)
        if not (operative and who):
            continue
        law = _applied_articles(ctx, applied, s)
        if respectively:  # "X and Y ... are sentenced to three and two years respectively"
            _respectively(ctx, who, chunk, s, e, sentenced)
        else:
            for pid, (a, b) in parts:
                _impose(ctx, pid, text, a, b, [(m, cid) for m, cid in crimes if a <= m.start < b], sentenced)
        for pid, (a, b) in parts:
            for aid, (ls, le) in law:
                col.fact(col.sentence(pid, a, b, imposed=True), "convictedUnder", aid, ls, le)
    for s, e, named in restated:  # the sentence an appeal upholds, where the ruling states none of its own
        for pid in named:
            if pid not in sentenced:
                _penalise(ctx, pid, penalty(text[s:e]), s, e, sentenced)


def _own_parts(ctx: Context, who: list[str], text: str, s: int, e: int) -> list[tuple[str, tuple[int, int]]]:
    """Each person's part of an operative sentence that sentences several, where each part states a penalty
    of its own ("被告人魏培明犯抢劫罪，判处有期徒刑八年，...；被告人岳向海犯抢劫罪，判处..."); else the whole sentence
    for each ("X and Y are each sentenced to three years")."""
    parts = ctx.parts(who, s, e)
    if len(parts) > 1 and all(penalty(text[a:b]).principal for _pid, (a, b) in parts):
        return parts
    return [(pid, (s, e)) for pid in who]


def _impose(ctx: Context, pid: str, text: str, a: int, b: int, crimes: list, sentenced: set[str]) -> None:
    """The penalty [a, b) imposes on one person, and the penalty of each of their crimes where it states
    them one by one before the penalty to be served."""
    a = each_crime(ctx, lambda a=a: ctx.collector.sentence(pid, a, b, imposed=True), text, a, b, crimes)
    _penalise(ctx, pid, penalty(text[a:b]), a, b, sentenced)


def _respectively(ctx: Context, who: list[str], chunk: str, s: int, e: int, sentenced: set[str]) -> None:
    """Each person's term and fine in the order the sentence names them, where it gives one per person."""
    order = [pid for _at, pid in ctx.first_named(who, s, e)]
    terms = [t for _, _, t in en_terms(chunk[chunk.find("sentenced to"):])] if "sentenced to" in chunk else []
    terms += zh_terms(chunk)
    fined = re.search(r"\bfined?\b", chunk, re.IGNORECASE)
    sums = MONEY.finditer(chunk, fined.end()) if fined else FINE_ZH.finditer(chunk)  # "fined RMB 3,000 and RMB 2,000"
    fines = [n for f in sums if (n := amount(f.group("n") or f.groupdict().get("m") or ""))]
    for k, pid in enumerate(order):
        found = Penalty(imprisonmentMonths=terms[k] if len(terms) == len(order) else None,
                        fineYuan=fines[k] if len(fines) == len(order) else None)
        _penalise(ctx, pid, found, s, e, sentenced)


def _penalise(ctx: Context, pid: str, found: Penalty, s: int, e: int, sentenced: set[str]) -> None:
    """The penalties of one person's sentence, stated by [s, e); `sentenced` gathers whom a term or a fine
    is stated for."""
    for name, value in found.facts():
        ctx.collector.fact(ctx.collector.sentence(pid, s, e, imposed=True), name, value, s, e, literal=True)
    if found.principal:
        sentenced.add(pid)


def _holds(chunk: str) -> bool:
    """A holding that convicts: "The court holds that defendants X and Y committed the crime of Z",
    "其行为已构成X罪" (not "... do not constitute the crime of Z", "不构成X罪")."""
    held = HOLDING_EN.search(chunk)
    return held is not None and not NEGATED.search(chunk, max(0, held.start() - 40), held.start()) or bool(
        HOLDING_ZH.search(chunk))


def _applied_articles(ctx: Context, applied: list[tuple[int, int]], before: int) -> list[tuple[str, tuple[int, int]]]:
    """Articles of the criminal code cited in the last applied-law sentence before `before`."""
    prior = [(s, e) for s, e in applied if s < before]
    if not prior:
        return []
    s, e = prior[-1]
    out = []
    for a, eid in ctx.cites:
        if s <= a.start < e and a.statute.gid and _criminal_code(a.statute.gid):
            out.append((eid, (s, e)))
    return out


def _criminal_code(gid: str) -> bool:
    entry = gazetteer("Statute").by_id.get(gid)
    return entry is not None and entry.extra.get("kind") == "criminal-code"


def _earlier_judgments(ctx: Context, spans: list[tuple[int, int]], defendants: list[str], own_case: str,
                       second_instance: bool, prosecutors: list[tuple[str, bool, int, int]],
                       party: str = "defendant") -> None:
    """Judgments cited by case number: their court, date, prosecutor and defendant (`party`: the plaintiff
    of an administrative case), and the appeal link."""
    col, text = ctx.collector, ctx.text
    for s, e in spans:
        for m in CASE_NUMBER.finditer(text, s, e):
            number = m.group(0)
            if number == own_case or NOT_A_JUDGMENT.search(text[max(s, m.start() - 40):m.start()]):
                continue
            jid = col.entity("Judgment", number, {case_key(number)},
                             m.start(), m.end())
            col.fact(jid, "caseNumber", number, m.start(), m.end(), literal=True)
            for _c, cid in ctx.within(s, e, "Court"):
                col.fact(jid, "decidedBy", cid, s, e)
            for c, aid in ctx.within(s, e, "Agency"):
                if re.search(r"Procuratorate|检察院", c.name):
                    col.fact(jid, "prosecutedBy", aid, s, e)
            dates = [d for d in find_dates(text[m.end():e])]
            if dates:
                col.fact(jid, "decidedOn", dates[0][2], s, e, literal=True)
            for pid in ctx.people_within(s, e):
                if pid in defendants:
                    col.fact(jid, party, pid, s, e)
            first = bool(re.search(r"\bFirst\b|\bChu\b|初", number)) or bool(FIRST_INSTANCE.search(text[s:e]))
            if second_instance and first:
                col.fact(DOC, "appealOf", jid, s, e)
                for aid, of_first, ps, pe in prosecutors:
                    if of_first:
                        col.fact(jid, "prosecutedBy", aid, ps, pe)


# how a judgment is recognised, titled, known and checked (see extractors.genres)

# a judgment's kind in the head of a text that nothing else placed
HEAD_JUDGMENT = guarded(r"判\s*决\s*书|裁\s*定\s*书|\b(?:Criminal|Civil|Administrative)\s+(?:Judgment|Ruling)\b")


def recognise(title: str, body: str, header: Sequence[HeaderField]) -> bool:
    """A court line or the judgment's kind in its head, or a case number in its first lines; or a title
    that names a judgment over no text."""
    head = [b.strip() for b in body.splitlines() if b.strip()][:8]
    return (any(COURT_LINE.match(b) or DOC_TYPE_LINE.match(b) for b in head) or any(
        CASE_NUMBER.search(b) for b in head[:4]) or (not head and bool(JUDGMENT_WORDS.search(title))))


def by_words(text: str) -> int:
    """Its kind or a case number in the head: 3 (a judgment quotes the articles it applies)."""
    head = text[:400]
    return 3 if HEAD_JUDGMENT.search(head) or CASE_NUMBER.search(head) else 0


def titled(chunk: Sequence[Line], title: str, alt: tuple[str, ...], stated: bool) -> tuple[str, tuple[str, ...]]:
    """A judgment headed by its court and then its kind ("Hangzhou Intermediate People's Court" / "Criminal
    Judgment") is titled by both; the court line alone is another form of its title. A Chinese judgment
    published as one run of text is titled up to its kind ("吴某诈骗罪一审刑事判决书"), and by the court and
    kind that follow ("河北省海兴县人民法院刑事判决书")."""
    head = title or chunk[0].stripped
    if len(head) > 100 and (run := ZH_RUN_ON_HEAD.match(head)):
        return _unspaced(run.group("t")), tuple(_unspaced(g) for g in (run.group("c"),) if g)
    court = title_of(chunk[0].text)
    rest = [ln.stripped for ln in chunk[1:4] if ln.stripped]
    if COURT_LINE.match(court) and rest and DOC_TYPE_LINE.match(rest[0]):
        return f"{court}{'' if has_cjk(court) else ' '}{rest[0]}", (court,)
    return title, ()


def _unspaced(title: str) -> str:
    """A Chinese title without the spaces that spread out its characters ("执 行 裁 定 书")."""
    return re.sub(rf"(?<=[{CJK}])[ \t　]+(?=[{CJK}])", "", title)


def case_key(number: str) -> str:
    """The key a case number is known by, however it is spaced and bracketed."""
    return "case:" + re.sub(r"[^0-9a-z\u4e00-\u9fff]", "", number.lower())


def document_keys(ex: Extraction) -> list[tuple[str, str]]:
    """A judgment is the judgment its case number names: others citing the number cite this one."""
    return [("Judgment", case_key(str(f.obj))) for f in ex.facts if f.subject == DOC and f.predicate == "caseNumber"]


def missing(ex: Extraction) -> list[str]:
    facts = {f.predicate for f in ex.facts if f.subject == DOC}
    return [] if facts & {"judge", "clerk"} else ["a judgment with no signature block (no judge or clerk found)"]


register(Genre("Judgment", 20, recognise, by_words, extract, court_roles=True, titled=titled, keys=document_keys,
               missing=missing))
