"""Everything the extractors found in one document, before the genre's own rules run."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cache

from ..graph.model import DOC, Document
from . import citations, crimes, mentions, persons
from .collect import Collector
from .gazetteer import gazetteer
from .genres import genre
from .mentions import Cand
from .text import CJK, fold, has_cjk
from .triggers import guarded

EN_SERVICE = guarded(r"\b(?:Internet|online)\s+(?:[a-z]+\s+){0,4}?information\s+services?\b")
ZH_SERVICE = guarded(rf"(?:移动)?互联网[{CJK}]{{0,8}}?信息服务")  # 移动互联网: the mobile Internet


@dataclass
class Context:
    doc: Document
    collector: Collector
    title_end: int
    cands: list[Cand] = field(default_factory=list)
    people: list[tuple[persons.Person, str]] = field(default_factory=list)
    crimes: list[tuple[crimes.CrimeMention, str]] = field(default_factory=list)
    cites: list[tuple[citations.ArticleCite, str]] = field(default_factory=list)
    eid: dict[int, str] = field(default_factory=dict)  # id(cand) -> entity id

    @property
    def text(self) -> str:
        """The document's plain text (see `text.plain`), which the patterns read."""
        return self.doc.text

    @property
    def written(self) -> str:
        """The document's text as written, offset for offset the same as `text`."""
        return self.collector.doc.text

    def of(self, cls: str) -> list[tuple[Cand, str]]:
        return [(c, self.eid[id(c)]) for c in self.cands if c.cls == cls]

    def within(self, start: int, end: int, cls: str | None = None) -> list[tuple[Cand, str]]:
        return [(c, self.eid[id(c)]) for c in self.cands
                if start <= c.start and c.end <= end and (cls is None or c.cls == cls)]

    def first_named(self, who: list[str], start: int, end: int) -> list[tuple[int, str]]:
        """Where [start, end) first names each of `who` (people it names), in that order: (offset, id)."""
        return sorted((min(m.start for m in p.mentions if start <= m.start < end), eid) for p, eid in self.people
                      if eid in who)

    def parts(self, who: list[str], start: int, end: int) -> list[tuple[str, tuple[int, int]]]:
        """Each of `who` and the part of [start, end) that is theirs: from where it first names them to where it
        names the next ("X was sentenced to three years and Y to two"); the whole span for one person."""
        if len(who) < 2:
            return [(pid, (start, end)) for pid in who]
        named = self.first_named(who, start, end)
        bounds = [at for at, _pid in named] + [end]
        return [(pid, (bounds[i], bounds[i + 1])) for i, (_at, pid) in enumerate(named)]

    def people_within(self, start: int, end: int, role: str | None = None) -> list[str]:
        out = []
        for p, eid in self.people:
            if (role is None or role in p.roles) and any(start <= m.start and m.end <= end for m in p.mentions):
                out.append(eid)
        return out


def service_key(name: str) -> str:
    key = fold(name)
    return "service:" + re.sub(r"services$", "service", key)


def service_cands(text: str) -> list[Cand]:
    out = [Cand(m.start(), m.end(), "Service", m.group(0)) for m in EN_SERVICE.finditer(text)]
    out += [Cand(m.start(), m.end(), "Service", m.group(0), "zh") for m in ZH_SERVICE.finditer(text)]
    for c in out:
        c.keys = {service_key(c.name)}
    return out


def _possessive_owners(text: str, cands: list[Cand]) -> list[Cand]:
    """"Baidu's NetDisk" names the platform and, before the possessive, its operator."""
    out = []
    orgs = gazetteer("Organization")
    for c in cands:
        if c.cls != "Platform":
            continue
        m = re.match(r"([A-Z][\w-]+)['’]s\s", text[c.start:c.end])
        if m and (entry := orgs.lookup(m.group(1))) is not None:
            out.append(Cand(c.start, c.start + len(m.group(1)), "Organization", entry.name, gid=entry.id,
                            keys={f"gaz:{entry.id}"}, zh_name=entry.zh_name, gazetteer=True))
    return out


def build(doc: Document, collector: Collector) -> Context:
    text = doc.text
    ctx = Context(doc, collector, _title_end(doc))
    title_end = ctx.title_end
    itself = fold(doc.title)  # a regulation quoting its own title (in the order that promulgates it) cites no statute
    cands = [c for c in mentions.find(text) if not (c.cls == "Statute" and fold(c.name) == itself)]
    cands += [r for r in mentions.rules_titles(text) if fold(r.name) != itself
              and not any(c.start < r.end and r.start < c.end for c in cands)]
    kind = genre(doc.genre)
    if kind.rules:
        cands += [s for s in service_cands(text) if not any(c.start <= s.start < c.end for c in cands)]
    cands += _possessive_owners(text, cands)
    ctx.cands = sorted(cands, key=lambda c: (c.start, -c.end, c.cls))
    found_crimes = crimes.find(text, title_end, not kind.rules)
    crime_articles = {m.entry.extra.get("article", "") for m in found_crimes if m.entry is not None}
    statutes = [c for c in ctx.cands if c.cls == "Statute" and c.start >= title_end]
    found_cites = citations.find(text, statutes, kind.rules, crime_articles)
    bodies = [(c.start, c.end) for c in ctx.cands if c.cls not in ("Location", "Service")]
    people = persons.find(text, title_end, kind.court_roles, bodies, running=not kind.rules)
    people += _signatories(doc, people)
    ctx.cands = _outside_names(ctx.cands, people)
    if kind.prepare is not None:
        kind.prepare(doc, ctx.cands)
    _register(ctx, found_crimes, found_cites, people)
    return ctx


def _outside_names(cands: list[Cand], people: list[persons.Person]) -> list[Cand]:
    """The candidates that lie within no person's name ("Huawei" of "Defendant: Hu Huawei")."""
    names = sorted((m.start, m.end) for p in people for m in p.mentions)
    starts = [s for s, _e in names]
    out = []
    for c in cands:
        k = bisect_right(starts, c.start) - 1  # the last name that begins at or before the candidate
        if k >= 0 and names[k][1] >= c.end and names[k] != (c.start, c.end):
            continue
        out.append(c)
    return out


def _title_end(doc: Document) -> int:
    """Where the title's line ends: the line of the title its layout states, else the first line."""
    text = doc.text
    titles = [f.start - doc.start for f in doc.header if f.kind == "title"]
    at = titles[0] if titles else len(text) - len(text.lstrip())
    end = text.find("\n", at)
    end = len(text) if end < 0 else end
    titled = _spelled_at(text, at, doc.title) if doc.title else None
    if titled is not None and titled < end:  # a run of text titled by its first words ("吴某诈骗罪一审刑事判决书
        return titled  # 河北省...", "陕西省合阳县人民法院执 行 裁 定 书(2020)...")
    return end


def _spelled_at(text: str, at: int, title: str) -> int | None:
    """Where `title` ends if the text at `at` spells it, spaces between its characters aside; else None."""
    i = at
    for ch in title:
        while i < len(text) and text[i] in " \t\u3000" and ch not in " \t\u3000":
            i += 1
        if i >= len(text) or text[i] != ch:
            return None
        i += 1
    return i


def _signatories(doc: Document, people: list[persons.Person]) -> list[persons.Person]:
    """The people who sign the order that promulgates a regulation (its layout states their names)."""
    named = {(m.start, m.end) for p in people for m in p.mentions}
    out = []
    for f in doc.header:
        s, e = f.start - doc.start, f.end - doc.start
        if f.kind == "signatory" and not any(a < e and s < b for a, b in named):
            lang = "zh" if has_cjk(f.value) else "en"
            out.append(persons.Person(f.value, f.value if lang == "zh" else "", ["signatory"],
                                      [persons.PersonMention(s, e, f.value, lang, "signatory")]))
    return out


def _register(ctx: Context, found_crimes: list[crimes.CrimeMention], found_cites: list[citations.ArticleCite],
              people: list[persons.Person]) -> None:
    col = ctx.collector
    for c in ctx.cands:
        props = {"gid": c.gid} if c.gid else None
        ctx.eid[id(c)] = col.entity(c.cls, c.name, c.keys, c.start, c.end, zh_name=c.zh_name, props=props)
    for m in found_crimes:
        name = m.entry.name if m.entry else m.name
        props = {"gid": m.entry.id, "article": m.entry.extra.get("article", "")} if m.entry else None
        eid = col.entity("Crime", name, {m.key}, m.start, m.end, zh_name=m.entry.zh_name if m.entry else (
            m.name if m.lang == "zh" else ""), props=props)
        ctx.crimes.append((m, eid))
    for a in found_cites:
        statute_eid = ctx.eid[id(a.statute)]
        eid = col.entity("Article", f"Article {a.number}", {f"article:{statute_eid}:{a.number}"},
                         props={"number": a.number, "statute": statute_eid})
        col.mention(eid, a.start, a.end, a.surface)
        ctx.cites.append((a, eid))
        col.fact(eid, "partOf", statute_eid, a.start, a.end)
    for p in people:
        keys = {f"person:{fold(p.name)}"} | ({f"person:{p.zh_name}"} if p.zh_name else set())
        if persons.anonymised(p):  # "Li Mou" (李某) in one file is nobody's namesake in another
            keys = {f"{k}@{ctx.doc.source}" for k in keys}
        eid = col.entity("Person", p.name, keys, zh_name=p.zh_name, props={"roles": " ".join(p.roles)})
        for m in p.mentions:  # a name spaced out in the text ("雷 宏") is named without its spaces
            col.mention(eid, m.start, m.end, m.name if m.lang == "zh" else "")
        ctx.people.append((p, eid))
    _common_facts(ctx)


# "Tencent's WeChat", "Tencent Holdings Ltd.'s WeChat"
OWNER_GAP = guarded(r"(?:,?\s+(?:Co|Corp|Inc|Ltd|Limited|Holdings|Group)\.?)*['’]s\s+")
# "WeChat, a messaging app owned by Tencent", "the Weibo platform, operated by Sina"
OWNED_BY = guarded(r"(?:\s+(?:platform|app|application|website|service))?,\s+(?:an?\s+|the\s+)?[\w\s-]{0,40}?"
                   r"\b(?:owned|operated|run|developed|launched)\s+by\s+(?:the\s+)?")


# "X of the Y Law Firm", "X, a lawyer at the Y Law Firm", "X, lawyers of Y"
# "X of the Y Law Firm", "X, lawyer at Y", "Defense counsel X is a lawyer at the Y Law Firm"
FIRM_AFTER = guarded(r"(?:,?\s+(?:(?:is|was|are|were)\s+)?(?:a\s+)?(?:lawyer|attorney|partner)s?)?\s+(?:of|from|at|with)\s+(?:the\s+)?|"
                     r",\s+(?:a\s+lawyer\s+(?:of|at|with)\s+)?(?:the\s+)?")
LISTED_AFTER = guarded(r"\s*,\s*(?:and\s+)?|\s+and\s+")


# a local body's place after its name: "in Kunming", "in the provincial capital city of Kunming"
IN_PLACE = guarded(r"[ \t]+in[ \t]+(?:the[ \t]+)?(?:(?:provincial|prefectural)[ \t]+capital[ \t]+)?"
                   r"(?:(?:city|county|province|town|district)[ \t]+of[ \t]+)?")


def _places_after(ctx: Context, body: Cand) -> list[tuple[Cand, str]]:
    """The places a local body's name is followed by: "The court of Wuhua District in the provincial capital
    city of Kunming"; a court's line that ends with its province ("Guangzhou Municipal Intermediate People's
    Court, Guangdong Province"), or a court's line under which a line names only places ("Jagdaqi District
    People’s Court / Daxing’anling Prefecture, Heilongjiang, PR China")."""
    text = ctx.text
    if at := IN_PLACE.match(text, body.end):
        return [(p, pid) for p, pid in ctx.within(at.end(), at.end() + 80, "Location") if p.start == at.end()][:1]
    line_end = text.find("\n", body.end) % (len(text) + 1)
    rest = text[body.end:line_end]
    if rest.strip() and rest.lstrip().startswith(","):
        return _only_places(ctx, body.end, line_end)
    line_start = text.rfind("\n", 0, body.start) + 1
    if rest.strip() or text[line_start:body.start].strip():
        return []
    following = re.match(r"\n[ \t]*(?:\n[ \t]*)?([^\n]+)", text[line_end:])
    return _only_places(ctx, line_end + following.start(1), line_end + following.end(1)) if following else []


def _only_places(ctx: Context, start: int, end: int) -> list[tuple[Cand, str]]:
    """The places of [start, end) where it names nothing but places (between commas; "PR China")."""
    found = ctx.within(start, end, "Location")
    rest, at = "", start
    for p, _pid in found:
        rest, at = rest + ctx.text[at:p.start], p.end
    rest += ctx.text[at:end]
    return found if found and re.fullmatch(r"(?:[\s,]|\b[A-Z]{1,3}\b\.?)*", rest) else []


@cache
def _countries() -> frozenset[str]:
    """The gazetteer ids of the places that are countries (`level` in locations.tsv)."""
    return frozenset(e.id for e in gazetteer("Location").entries if e.extra.get("level") == "country")


def _country(place: Cand) -> bool:
    return place.gid in _countries()


# between an article's name and the offence its heading names: "Article 287-1 [The Crime of X]", "Article 120-6:
# (X)", "第一百二十条之六 【X罪】"
HEADING_GAP = guarded(r"[ \t\u3000]*[:：.]?[ \t\u3000]*[(\[【（][ \t]*(?:The\s+Crime\s+of\s+)?", re.IGNORECASE)


def headed(ctx: Context, articles: list[tuple[int, int, str]]) -> None:
    """An article whose heading names its offence, as a law prints it or a text quotes it (`articles`: where each
    article's name stands, its node): the offence is definedIn that article, the heading its evidence."""
    ends = {end: (start, eid) for start, end, eid in articles}
    for m, crime in ctx.crimes:
        for at in range(max(0, m.start - 24), m.start):
            if at in ends and HEADING_GAP.fullmatch(ctx.text, at, m.start):
                start, article = ends[at]
                close = m.end + (ctx.text[m.end:m.end + 1] in ")]】）")
                ctx.collector.fact(crime, "definedIn", article, start, close)
                break


def _common_facts(ctx: Context) -> None:
    """Facts every genre states the same way: citations, places of bodies, operators, firms."""
    col, text = ctx.collector, ctx.text
    for c, eid in ctx.of("Statute"):
        if c.start >= ctx.title_end:
            col.fact(DOC, "cites", eid, c.start, c.end)
    for a, eid in ctx.cites:
        col.fact(DOC, "cites", eid, a.start, a.end)
    headed(ctx, [(a.start, a.end, eid) for a, eid in ctx.cites])
    for cls in ("Court", "Agency"):
        for c, eid in ctx.of(cls):
            for place, pid in ctx.within(c.start, c.end, "Location"):
                if not _country(place):  # the People's Bank of China is a national body, not one in China
                    col.fact(eid, "locatedIn", pid, c.start, c.end)
            for place, pid in [] if c.gid else _places_after(ctx, c):
                if not _country(place):
                    col.fact(eid, "locatedIn", pid, c.start, place.end)
    orgs = ctx.of("Organization")
    platforms = ctx.of("Platform")
    for c, eid in platforms:
        for o, oid in orgs:
            gap = text[o.end:c.start] if o.end <= c.start else None
            if (o.start == c.start and o.end < c.end) or (gap is not None and OWNER_GAP.fullmatch(gap)):
                col.fact(eid, "operatedBy", oid, o.start, c.end)
            # "Alipay, Ant Group's payment platform", "WeChat, a messaging app owned by Tencent"
            after = text[c.end:o.start] if c.end <= o.start else ""
            possessive = re.match(r"['’]s\s+", text[o.end:o.end + 3]) and re.fullmatch(r",\s+", after)
            if (possessive and not any(p.start == o.end + 3 for p, _ in platforms)) or OWNED_BY.fullmatch(after):
                col.fact(eid, "operatedBy", oid, c.start, o.end)
    starts = {m.start: m.end for p, _ in ctx.people for m in p.mentions}
    for p, eid in ctx.people:
        for m in p.mentions:
            end = m.end  # "Li Fangping and Liu Xiaoyuan, lawyers of the ... Law Firm": past the names listed after
            while (more := LISTED_AFTER.match(text, end)) and more.end() in starts:
                end = starts[more.end()]
            firm = FIRM_AFTER.match(text[end:end + 40])
            if firm:
                for o, oid in orgs:
                    if o.start == end + firm.end() and re.search(r"Law\s+(?:Firm|Office)", o.name):
                        col.fact(eid, "memberOf", oid, m.start, o.end)
