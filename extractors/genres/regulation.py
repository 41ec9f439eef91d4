"""Regulations: issue header, entry into force, own articles and the references between them, the services
they govern, and the alignment of an English translation with its Chinese original."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence

from ...graph.model import DOC, Document, Extraction, HeaderField, Node, Statement
from .. import citations, duties, lawmaking, sanctions
from ..context import EN_SERVICE, Context, headed, service_key
from ..documents import EN_ARTICLE_LINE, HEAD_REPORT, ISSUE_HEADER, ZH_ARTICLE_LINE, ZH_TITLE, is_heading, names_a_rule
from ..gazetteer import gazetteer
from ..layouts.order import quotes
from ..mentions import STATUTE_WORDS, Cand, keys
from ..script import simplified
from ..text import CJK, Line, fold, has_cjk, lines, squeeze_cjk
from ..triggers import guarded
from ..values import find_dates, only_date
from . import Genre, register

ISSUED_BY = guarded(r"^\s*(?:(?:Issued|Promulgated|Released|Published|Adopted)\s+by|(?:Issuing|Promulgating)\s+"
                    r"(?:authority|body|department|agency))\s*:\s*(?P<who>.+)$",
                    re.IGNORECASE)
EFFECTIVE_EN = guarded(r"(?:enter|come)s?\s+into\s+(?:force|effect)|takes?\s+effect|becomes?\s+effective|be\s+effective|"
                       r"(?:Effective|Implementation)\s+(?:date|on)\s*:", re.IGNORECASE)
ISSUE_WORD = guarded(r"\b(?:issued|issu(?:e|ance)\s+date|date\s+of\s+issu(?:e|ance)|promulgat(?:ed|ion)|releas(?:ed|e\s+date)|"
                     r"publish(?:ed|ing\s+date)|publication|(?:issuing|promulgating)\s+(?:authority|body|department|agency)|"
                     r"adopted|passed|approved|announced|order)\b|"
                     r"通过|批准|公布|发布|印发|令", re.IGNORECASE)
ZH_EFFECTIVE = guarded(r"自([^。；，,]{4,24}?)起(?:施行|生效|实施)")
ADOPTED = guarded(r"adopted|passed|approved|通过|批准", re.IGNORECASE)
EFFECTIVE_WORD = guarded(r"\b(?:effective|enters?\s+into\s+force|entered\s+into\s+force|takes?\s+effect|"
                         r"comes?\s+into\s+(?:force|effect)|implementation)\b|施行|生效", re.IGNORECASE)
# the services a title names, with what they are of ("Information Services of Mobile Internet Applications")
SERVICE_OF = r"(?:\s+of\s+(?:the\s+)?(?-i:[A-Z][\w'’-]*)(?:\s+(?-i:[A-Z][\w'’-]*))*)?"
TITLE_SERVICE = [guarded(r"\b(?:Administration|Management|Regulation|Governance|Supervision)\s+of\s+(?:the\s+)?"
                         rf"(?P<s>.+?services?\b{SERVICE_OF})", re.IGNORECASE),
                 guarded(rf"^(?:Provisions|Measures|Regulations|Rules)\s+(?:on|for)\s+(?:the\s+)?(?P<s>.+?services?\b{SERVICE_OF})",
                         re.IGNORECASE)]
TITLE_SERVICE_ZH = guarded(r"^(?:关于)?(?P<s>.+?服务)(?:的)?(?:管理)?(?:规定|办法|条例|细则)$")
# a notice that issues provisions: "关于印发《X》的通知", "Notice on Issuing the "X"" (X: what it issues)
ISSUING_NOTICE = guarded(r"^关于(?:印发|发布|公布|颁布)《?(?P<t>[^《》]{4,80}?)》?的通知$|"
                         r"^Notice\s+(?:of\s+.{3,120}?\s+)?on\s+(?:Issuing|Promulgating|Publishing|Releasing|"
                         r"Printing\s+and\s+Distributing)\s+(?:the\s+)?[\"“]?(?P<e>[A-Z][^\"“”]{8,200}?)[\"”]?$")
APPLIES = guarded(r"\b(?:These|This)\s+(?:Provisions|Measures|Regulations|Rules|Decision)\s+(?:shall\s+)?apply\s+"
                  r"to\b[^.;]*")
DEFINED_TERM = guarded(r"the\s+term\s+[\"“](?P<s>[^\"”]+?services?)[\"”]\s+(?:refers|means|shall\s+mean)")


def _articles(doc: Document) -> list[tuple[str, str, int, int]]:
    """(language, number, start, end) of each of the regulation's own articles, as its layout's blocks
    lay them out (offsets in the document); an article inserted by an amendment has the number of the one
    before and its own ("120-6" for 第一百二十条之六)."""
    return [(b.lang, b.number, b.start - doc.start, b.end - doc.start) for b in doc.blocks if b.kind == "article"]


def align_languages(doc: Document, cands: list[Cand]) -> None:
    """Give the Chinese name of a statute, service or body the keys of its English translation, where
    English article N and Chinese article N name the same number of them, in the same order."""
    arts = _articles(doc)
    en = {n: (s, e) for lang, n, s, e in arts if lang == "en"}
    zh = {n: (s, e) for lang, n, s, e in arts if lang == "zh"}
    votes: Counter[tuple[int, int]] = Counter()
    by_id = {id(c): c for c in cands}
    for n in sorted(en.keys() & zh.keys()):
        for cls in ("Statute", "Service", "Agency"):
            left = _distinct(cands, cls, *en[n])
            right = _distinct(cands, cls, *zh[n])
            if left and len(left) == len(right):
                for a, b in zip(left, right, strict=True):
                    votes[(id(a), id(b))] += 1
    best: dict[int, tuple[int, int]] = {}
    for (a, b), v in sorted(votes.items(), key=lambda kv: -kv[1]):
        best.setdefault(b, (a, v))
    for b, (a, _) in best.items():
        keys = by_id[a].keys | by_id[b].keys
        for c in cands:
            if c.cls == by_id[a].cls and c.keys & keys:
                c.keys |= keys


def _distinct(cands: list[Cand], cls: str, start: int, end: int) -> list[Cand]:
    out: list[Cand] = []
    for c in cands:
        if c.cls == cls and start <= c.start < end and not any(o.keys & c.keys for o in out):
            out.append(c)
    return out


def extract(ctx: Context) -> None:
    col, text = ctx.collector, ctx.text
    arts = _articles(ctx.doc)
    first_article = min((s for _, _, s, _ in arts), default=len(text))
    header = [ln for ln in lines(text) if ln.start < first_article]
    stated = _stated(ctx)
    _versions(ctx)
    _header_facts(ctx, header, stated)
    if not any(f.predicate == "effectiveFrom" for f in col.extraction.facts):
        _effective(ctx, arts)
    by_number: dict[tuple[str, str], str] = {}
    names = []
    for lang, n, s, e in arts:
        if (lang, n) in by_number:
            continue
        label = f"Article {n}" if lang == "en" else text[s:s + 12].split()[0]
        eid = col.entity("Article", label, {f"own:{lang}:{n}"}, props={
            "number": str(n), "lang": lang, "text": ctx.written[s:e].strip(), "own": "1"})
        col.mention(eid, s, s + len(label))
        col.fact(eid, "partOf", DOC, s, e)
        by_number[(lang, n)] = eid
        names.append((s, s + len(label), eid))
    headed(ctx, names)
    for (lang, n), eid in by_number.items():
        if lang == "en" and ("zh", n) in by_number:
            zid = by_number[("zh", n)]
            col.fact(eid, "translation", zid, *_span_of(arts, "en", n))
    external = {cite.start for cite, _ in ctx.cites}  # where the citations of other statutes' articles begin
    refs = [citations.own_refs(ctx.text, s, e, external) for _, _, s, e in arts]  # each article's, of its own text
    _cross_references(ctx, arts, by_number, refs)
    stated = _sanctions(ctx, arts, by_number, refs)
    bearers = _duties(ctx, arts, by_number, stated)
    _parties_of(ctx, bearers, _services(ctx))
    lawmaking.extract(ctx)


def _cross_references(ctx: Context, arts: list[tuple[str, str, int, int]], by_number: dict[tuple[str, str], str],
                      refs: list[list[citations.OwnRef]]) -> None:
    """Each article's references to others of the same document and language (`refersTo`): "本法第二十一条、
    第二十五条", "Article 21 of this Law", "Articles 22 through 24", a bare article number in running text."""
    for (lang, n, _, _), named in zip(arts, refs, strict=True):
        source = by_number[(lang, n)]
        for ref in named:
            target = by_number.get((ref.lang, ref.number))
            if ref.lang == lang and target is not None and target != source:
                ctx.collector.fact(source, "refersTo", target, ref.start, ref.end)


def _sanctions(ctx: Context, arts: list[tuple[str, str, int, int]], by_number: dict[tuple[str, str], str],
               refs: list[list[citations.OwnRef]]) -> list[tuple[int, int]]:
    """Each sanction of an article (extractors/sanctions.py): a node stated in its article and paragraph, with
    the articles whose breach it sanctions, the body that imposes it, its measures and its fines. Returns the
    paragraphs that state them."""
    col = ctx.collector
    spans = []
    for (lang, n, s, e), named in zip(arts, refs, strict=True):
        article = by_number[(lang, n)]
        for sanction in sanctions.find(ctx.text, s, e, named, lang):
            where = (sanction.start, sanction.end)
            spans.append(where)
            p = sanction.paragraph
            if lang == "zh":  # 第五十九条第2款罚则; "Article 4, paragraph 2: sanction"
                suffix = (f"第{p}款" if p > 1 else "") + "罚则"
            else:
                suffix = (f", paragraph {p}" if p > 1 else "") + ": sanction"
            sid = col.entity("Sanction", col.entities[article].name + suffix, {f"sanction:{lang}:{n}:{p}"}, *where)
            col.fact(sid, "statedIn", article, *where)
            col.fact(sid, "paragraph", p, *where, literal=True)
            for ref in sanction.breached:
                if (target := by_number.get((lang, ref.number))) is not None and target != article:
                    col.fact(sid, "sanctions", target, ref.start, ref.end)
            if sanction.by is not None and (body := _party(ctx, *sanction.by, lang)):
                col.fact(sid, "enforcedBy", body, *sanction.by)
            for kind, ms, me in sanction.measures:
                col.fact(sid, "measure", kind, ms, me, literal=True)
            for rng, least, most in ((sanction.fine, "fineMinYuan", "fineMaxYuan"),
                                     (sanction.multiple, "fineMinMultiple", "fineMaxMultiple"),
                                     (sanction.persons_fine, "personsFineMinYuan", "personsFineMaxYuan")):
                if rng is not None:
                    col.fact(sid, least, rng.least, rng.start, rng.end, literal=True)
                    col.fact(sid, most, rng.most, rng.start, rng.end, literal=True)
    return spans


def _duties(ctx: Context, arts: list[tuple[str, str, int, int]], by_number: dict[tuple[str, str], str],
            sanctioning: list[tuple[int, int]]) -> list[tuple[str, int, int]]:
    """Each duty of an article (extractors/duties.py): a node stated in its article and paragraph, with its
    bearer (a RegulatedParty, one node across regulations and languages for one party), its modality and its
    action. A paragraph that states a sanction states no duty ("Where ... violates ..., the competent
    department shall order correction": what follows a breach). Returns each bearer and where its words stand."""
    col = ctx.collector
    bearers = []
    found = {(lang, n): [d for d in duties.find(ctx.text, s, e, lang) if not any(a <= d.start < b for a, b in sanctioning)]
             for lang, n, s, e in arts}
    english = _translated_bearers(found)
    for (lang, n), stated in found.items():
        article = by_number[(lang, n)]
        for k, duty in enumerate(stated, 1):
            did = col.entity("Duty", duties.name(ctx.text, duty, lang), {f"duty:{lang}:{n}:{k}"}, duty.start, duty.end)
            col.fact(did, "statedIn", article, duty.start, duty.end)
            col.fact(did, "paragraph", duty.paragraph, duty.start, duty.end, literal=True)
            col.fact(did, "modality", duty.modality, duty.start, duty.modal_end, literal=True)
            col.fact(did, "action", duty.action, duty.action_start, duty.end, literal=True)
            if duty.bearer:
                named_en = duty.bearer_en or (english.get(duty.bearer, "") if lang == "zh" else "")
                party = _party(ctx, duty.bearer_start, duty.bearer_end, lang, named_en)
                col.fact(did, "bearer", party, duty.bearer_start, duty.bearer_end)
                bearers.append((party, duty.bearer_start, duty.bearer_end))
    return bearers


def _parties_of(ctx: Context, bearers: list[tuple[str, int, int]], services: list[tuple[str, str]]) -> None:
    """A bearer named after a service the regulation governs ("Internet group information service providers",
    互联网群组信息服务提供者, of "Internet group information services") is a party of that service (`partyOf`)."""
    stems = [(sid, re.sub(r"(?<=service)s$", "", fold(name))) for sid, name in services]
    for party, start, end in dict.fromkeys(bearers):
        if ctx.collector.entities[party].cls != "RegulatedParty":
            continue
        words = fold(ctx.text[start:end])
        for sid, stem in stems:
            if stem and stem in words:
                ctx.collector.fact(party, "partyOf", sid, start, end)


def _translated_bearers(found: dict[tuple[str, str], list[duties.Duty]]) -> dict[str, str]:
    """A bilingual regulation's Chinese bearers and their English names: where English article N and Chinese
    article N name as many distinct bearers, those in the same order, by most votes, one to one."""
    votes: Counter[tuple[str, str]] = Counter()
    for (lang, n), stated in found.items():
        if lang != "en" or ("zh", n) not in found:
            continue
        en = list(dict.fromkeys(d.bearer_en or d.bearer for d in stated if d.bearer))
        zh = list(dict.fromkeys(d.bearer for d in found[("zh", n)] if d.bearer and not d.bearer_en))
        if en and len(en) == len(zh):
            votes.update(zip(zh, en, strict=True))
    out: dict[str, str] = {}
    for (zh, en), _ in sorted(votes.items(), key=lambda kv: (-kv[1], kv[0])):
        if zh not in out and en not in out.values():  # one to one, the most voted pairs first
            out[zh] = en
    return out


def _party(ctx: Context, start: int, end: int, lang: str, listed: str = "") -> str:
    """The party that text[start:end] names: the Agency where the words are an agency's name, else a
    RegulatedParty: a party of `ontology/parties.tsv` (one node in both languages, `listed` its English name
    where the caller found it) or the words as written; "" for none."""
    words = ctx.text[start:end]
    if not listed and (found := duties.listed(words)) is not None:
        words, listed, at = found
        start += at
        end = start + len(words)
    agency = [eid for c, eid in ctx.within(start, end, "Agency") if c.end - c.start >= len(words.strip())]
    if agency:  # words that name an agency: the agency itself, one node in either language
        return agency[0]
    name = listed or duties.DETERMINER.sub("", re.sub(r"\s+", " ", words).strip())
    if not name:
        return ""
    return ctx.collector.entity("RegulatedParty", name, {f"party:{duties.party_key(name)}"}, start, end,
                                zh_name=words if lang == "zh" else "")


def _span_of(arts: list[tuple[str, str, int, int]], lang: str, n: str) -> tuple[int, int]:
    return next((s, e) for la, m, s, e in arts if la == lang and m == n)


def _date_kinds(text: str) -> list[tuple[str, str]]:
    """("issuedOn" | "adoptedOn" | "effectiveFrom", ISO date) for each date of a header line, by the word that
    governs it: in English the issuing or entry-into-force word before the date ("Promulgated ... on June 27, 2022;
    effective August 1, 2022"), in Chinese the one after it ("2021年4月23日 ... 发布", "2021年5月25日 施行")."""
    words = sorted([(m.start(), "adoptedOn" if ADOPTED.fullmatch(m.group(0)) else "issuedOn")
                    for m in ISSUE_WORD.finditer(text)] +
                   [(m.start(), "effectiveFrom") for m in EFFECTIVE_WORD.finditer(text)])
    out = []
    for start, end, iso in find_dates(text):
        before = [kind for pos, kind in reversed(words) if pos < start]  # nearest first
        after = [kind for pos, kind in words if pos >= end]
        chinese = bool(re.search(r"[年月日]", text[start:end]))
        nearest = after + before if chinese else before + after
        kind = nearest[0] if nearest else None
        if kind:
            out.append((kind, iso))
    return out


BODY_WORD = guarded(r"\b(?:Ministry|Administration|Commission|Council|Office|Bureau|Congress|Committee|Court|"
                    r"Procuratorate|Department|Agency|Authority|Government)\b|部|委员会|局|办公室|院|署|行|政府|会")


def _stated(ctx: Context) -> set[str]:
    """The issuer, date of issue and entry into force that the file's layout states in its header
    (`Document.header`): these are the regulation's, and its own header lines are not read for them."""
    col, doc = ctx.collector, ctx.doc
    done: set[str] = set()
    latest = max((f for f in doc.header if f.kind == "effective"), key=lambda f: f.value, default=None)
    for f in doc.header:
        s, e = f.start - doc.start, f.end - doc.start
        if f.kind == "issued" and "issuedOn" not in done:
            col.fact(DOC, "issuedOn", f.value, s, e, literal=True)
            done.add("issuedOn")
        elif f is latest:
            col.fact(DOC, "effectiveFrom", f.value, s, e, literal=True)
            done.add("effectiveFrom")
        elif f.kind in ("issuer", "order_issuer"):
            named = [eid for _, eid in ctx.within(s, e, "Agency") + ctx.within(s, e, "Court")]
            if not named and f.kind == "issuer":
                named = [_body(ctx, f.value, s, e)]
            for eid in filter(None, named):
                col.fact(DOC, "issuedBy", eid, s, e)
                done.add("issuedBy")
    return done


VERSION_STEPS = ("adopted", "approved", "amended", "revised", "published", "effective")


def _versions(ctx: Context) -> None:
    """Each dated step of the text's history its layout states (LawRefBook's header lines: adopted,
    approved, amended, revised, published, effective; a metadata header's dates of issue and of entry
    into force): an Event of the regulation, actedBy the bodies its words name (up to the next date), a
    date of issue by the regulation's issuers."""
    col, doc, text = ctx.collector, ctx.doc, ctx.text
    steps = [f for f in doc.header if f.kind in VERSION_STEPS]
    issued: list = []  # a header's date of issue where it states no history: published by the issuers
    if not any(f.kind != "effective" for f in steps):
        issued = [f._replace(kind="published") for f in doc.header if f.kind == "issued"]
    issuers = [f.obj for f in col.extraction.facts if f.subject == DOC and f.predicate == "issuedBy"]
    dated = sorted({f.start - doc.start for f in steps + issued})
    for f in sorted(steps + issued, key=lambda f: (f.start, VERSION_STEPS.index(f.kind))):
        s, e = f.start - doc.start, f.end - doc.start
        stop = min([x for x in dated if x > s] + [text.find("\n", e) % (len(text) + 1)])
        named = [aid for _, aid in ctx.within(e, stop, "Agency") + ctx.within(e, stop, "Court")]
        name = f"{f.value} {f.kind}: {doc.title}"  # dated first: a regulation's history sorts in time
        eid = col.entity("Event", name, {f"version:{f.kind}:{f.value}"})
        col.mention(eid, s, e, name)
        col.fact(eid, "eventType", f.kind, s, stop, literal=True)
        col.fact(eid, "onDate", f.value, s, stop, literal=True)
        col.fact(eid, "eventIn", DOC, s, stop)
        for aid in dict.fromkeys(issuers if f in issued else named):
            col.fact(eid, "actedBy", aid, s, stop)


def _body(ctx: Context, name: str, start: int, end: int) -> str | None:
    """The body a header field names: a gazetteer's, or one named by its own words ("... Commission");
    none for a field that names no body ("Administrative Regulations", a category)."""
    name = re.sub(r"^the\s+", "", name.strip(), flags=re.IGNORECASE)
    for cls in ("Agency", "Court"):
        entry = gazetteer(cls).lookup(name)
        if entry is not None:
            return ctx.collector.entity(cls, entry.name, keys(cls, entry.name, entry.id), start, end,
                                        zh_name=entry.zh_name, props={"gid": entry.id})
    if BODY_WORD.search(name) and len(name) <= 80:
        return ctx.collector.entity("Agency", name, keys("Agency", name), start, end)
    return None


def _header_facts(ctx: Context, header: list, stated: set[str]) -> None:
    """Issue date, issuer and entry into force from the lines above the first article, where the layout
    did not state them. A law's header lists its adoption first and its amendments after: the first of
    each counts."""
    col = ctx.collector
    issuers = ctx.of("Agency") + ctx.of("Court")
    dated: dict[str, tuple[str, object]] = {}  # the first date of each kind, and its line
    for line in header:
        for kind, iso in _date_kinds(line.text):
            dated.setdefault(kind, (iso, line))
    datelines = [(iso, ln) for ln in header if (iso := only_date(ln.stripped))]
    # issued: the date said to be of issue, else a dateline of its own (under the title, or an order's
    # signature under "Director: ..."), else the date of adoption ("adopted at the meeting of May 19")
    issued = dated.get("issuedOn") or (datelines[0] if datelines else None) or dated.get("adoptedOn")
    found: set[str] = set(stated)
    for kind, when in (("issuedOn", issued), ("effectiveFrom", dated.get("effectiveFrom"))):
        if when is not None and kind not in found:
            iso, line = when
            found.add(kind)
            col.fact(DOC, kind, iso, line.start, line.end, literal=True)
    for line in header:
        if "issuedBy" in found or not ISSUE_WORD.search(line.text):
            continue
        named = [eid for c, eid in issuers if line.start <= c.start and c.end <= line.end]
        m = ISSUED_BY.match(line.text)
        who = re.sub(r"[\s.]+$", "", m.group("who")) if m else ""
        if m and not named and re.search(r"\w", who):
            s = line.start + m.start("who")
            named = [col.entity("Agency", who, keys("Agency", who), s, s + len(who))]
        for eid in named:
            col.fact(DOC, "issuedBy", eid, line.start, line.end)
        if named:
            found.add("issuedBy")
    if "issuedBy" not in found:
        _issuer_named_elsewhere(ctx, issuers)


def _issuer_named_elsewhere(ctx: Context, issuers: list) -> None:
    """A rule without an issue header: its issuer is the body its title names ("Notice of the Cyberspace
    Administration of China on ...", "Interpretation of the Supreme People's Court and the Supreme People's
    Procuratorate on ...", the bodies before 关于 of "最高人民法院关于…的批复"), or else the body that signs it above
    the closing date."""
    text = ctx.text
    title = text[:ctx.title_end]
    of = re.match(r"^(?:Translation:\s*)?[A-Z]\w+(?:\s+[A-Z]\w+)?\s+of\s+", title)
    zh = re.match(r"^\s*(?P<by>[^《》\n]{2,80}?)关于", title)  # "最高人民法院关于…的批复", "…、…关于…"
    named = None  # where the title names its issuers
    if of:
        on = guarded(r"\s(?:on|regarding|concerning|for)\s").search(title, of.end())
        named = (of.end(), on.start() if on else ctx.title_end)
    elif zh:
        named = zh.span("by")
    if named:
        begin, end = named
        by_title = [eid for c, eid in issuers if begin <= c.start and c.end <= end]
        for eid in by_title:
            ctx.collector.fact(DOC, "issuedBy", eid, 0, ctx.title_end)
        if by_title:
            return
    filled = [ln for ln in lines(text) if ln.stripped]
    if len(filled) >= 3 and only_date(filled[-1].stripped):
        signer = filled[-2]
        for c, eid in issuers:
            if signer.start <= c.start and c.end <= signer.end and c.end - c.start >= 0.8 * len(signer.stripped):
                ctx.collector.fact(DOC, "issuedBy", eid, signer.start, filled[-1].end)


def _effective(ctx: Context, arts: list[tuple[str, str, int, int]]) -> None:
    """The article that puts the regulation into force on a date ("shall enter into force as of", "自...起施行").
    One that puts it into force on the date of issue ("自发布之日起施行") states no date of its own."""
    for _, _, s, e in arts:
        body = ctx.text[s:e]
        # the date the phrase itself holds: "本法自公布之日起施行。1957年6月25日公布的《...》同时废止" dates a repeal
        phrases = [(m.end(), m.end() + 60) for m in EFFECTIVE_EN.finditer(body)] + [
            m.span(1) for m in ZH_EFFECTIVE.finditer(body)]
        for a, b in phrases:
            dates = find_dates(body[a:b])
            if dates:
                ctx.collector.fact(DOC, "effectiveFrom", dates[0][2], s, e, literal=True)
                return


def _services(ctx: Context) -> list[tuple[str, str]]:
    """The service a regulation governs: named in its title or defined as a term of its own; its node and
    each name of it the regulation uses."""
    col, text, doc = ctx.collector, ctx.text, ctx.doc
    title = simplified(doc.title)  # as the text is read
    m = next((m for rx in TITLE_SERVICE if (m := rx.search(title))), None) or TITLE_SERVICE_ZH.match(title)
    governed = []
    if m:
        name = m.group("s")
        start = text.find(name)
        if start >= 0:
            governed.append((name, start, start + len(name)))
    for d in DEFINED_TERM.finditer(text):
        governed.append((d.group("s"), d.start("s"), d.end("s")))
    for clause in APPLIES.finditer(text):  # "These Provisions apply to Internet ... information services"
        for svc in EN_SERVICE.finditer(clause.group(0)):
            governed.append((svc.group(0), clause.start() + svc.start(), clause.start() + svc.end()))
    eids = [col.entity("Service", name, {service_key(name)}, s, e) for name, s, e in governed]
    for eid, (_name, s, e) in zip(eids, governed, strict=True):
        col.fact(DOC, "appliesTo", eid, s, e)
    named = [(eid, name) for eid, (name, _, _) in zip(eids, governed, strict=True)]
    if m and eids:  # the Chinese title in brackets after the English one names its service in Chinese
        chinese = [z.group("s") for t in doc.alt_titles if (z := TITLE_SERVICE_ZH.match(simplified(t)))]
        col.entities[eids[0]].keys |= {service_key(z) for z in chinese}
        named += [(eids[0], z) for z in chinese]
    return named


# how a regulation is recognised, titled, known and checked (see extractors.genres)

# header facts that only a regulation's layout states
LAYOUT_FACTS = {"issuer", "issued", "effective", "status", "order", "number"}
NUMBERED_ITEM = guarded(r"^(?:\d{1,2}\.|\(\d{1,2}\)|[一二三四五六七八九十]{1,3}、)\s*\S")
ARTICLE_AT_LINE = guarded(rf"^\s*(?:第[{CJK}0-9]{{1,6}}条|Article\s+\d+)", re.MULTILINE)


def recognise(title: str, body: str, header: Sequence[HeaderField]) -> bool:
    """Articles 1 and 2 (第一条, or two 第N条), an issue header in its head, a rule's title over numbered
    items ("Notice of the CAC on ...", then "1. ...", "2. ..."), the facts a regulation's layout states, or a
    reply's title over its opening ("你院《…的请示》收悉。经研究，批复如下")."""
    body_lines = [b.strip() for b in body.splitlines() if b.strip()]
    en_numbers = [m.group(1) for b in body_lines if (m := EN_ARTICLE_LINE.match(b + " "))]
    zh_articles = [b for b in body_lines if ZH_ARTICLE_LINE.match(b + " ")]
    zh_first = any(re.match(r"^第一条[\s　]", b) for b in zh_articles) or len(zh_articles) >= 2
    items = [b for b in body_lines if NUMBERED_ITEM.match(b)]
    return (("1" in en_numbers and "2" in en_numbers) or zh_first or any(ISSUE_HEADER.match(b) for b in body_lines[:8])
            or (names_a_rule(title) and len(items) >= 2) or any(f.kind in LAYOUT_FACTS for f in header)
            or (names_a_rule(title) and any(lawmaking.REPLY_OPENING.search(b) for b in body_lines[:6])))


def by_words(text: str) -> int:
    """Two articles at the start of a line, and no byline or source line in the head: 2."""
    return 2 if not HEAD_REPORT.search(text[:400]) and len(ARTICLE_AT_LINE.findall(text)) >= 2 else 0


def titled(chunk: Sequence[Line], title: str, alt: tuple[str, ...], stated: bool) -> tuple[str, tuple[str, ...]]:
    """The title an order quotes where the regulation follows its promulgating order; the title in the
    other language where the text has both; the title of the provisions a notice issues (the notice and
    the provisions are one text: "关于印发网络产品安全漏洞管理规定的通知" is also "网络产品安全漏洞管理规定")."""
    if not stated:
        title = _promulgated_title(chunk) or title
    others = [t for t in _other_title(chunk, title) if t != title]
    issued = [m.group("t") or m.group("e") for t in (title, *alt, *others) if (m := ISSUING_NOTICE.match(simplified(t)))]
    return title, tuple(dict.fromkeys((*alt, *others, *issued)))


def _other_title(chunk: Sequence[Line], title: str) -> tuple[str, ...]:
    """A bilingual regulation's title in its other language: the heading of the other half, a line just
    above that half's first article ("数据出境安全评估办法" over "第一条 ...", or the English title over
    "Article 1: ...")."""
    chinese = has_cjk(title) and not re.search(r"[A-Za-z]{3}", title)
    filled = [ln for ln in chunk[1:] if ln.stripped]
    if filled and not chinese and ZH_TITLE.match(squeeze_cjk(filled[0].stripped)):
        return (squeeze_cjk(filled[0].stripped),)  # the Chinese title under the English one (chinalawandpractice)
    for line, after in zip(filled, filled[1:], strict=False):
        heading = line.stripped
        if chinese and STATUTE_WORDS.match(heading) and EN_ARTICLE_LINE.match(after.text) and len(heading) <= 300:
            return (heading,)
        if not chinese and ZH_TITLE.match(squeeze_cjk(heading)) and ZH_ARTICLE_LINE.match(after.text + " "):
            return (squeeze_cjk(heading),)
    return ()


def _promulgated_title(chunk: Sequence[Line]) -> str:
    """A regulation printed after the order that promulgates it ("Cyberspace Administration of China /
    Order No. 12 / The "Provisions on ..." were adopted ... / Provisions on ..."): its title is the heading
    that the order quotes."""
    before = ""
    for line in chunk[:20]:
        if before and line.stripped and is_heading(line) and quotes(before, line.stripped):
            return line.stripped
        before += line.text
    return ""


def document_keys(ex: Extraction) -> list[tuple[str, str]]:
    """A regulation is the statute its title names: other documents citing it by title cite this one."""
    title = ex.document.title
    entry = gazetteer("Statute").lookup(title)
    return [("Statute", k) for k in sorted(keys("Statute", title, entry.id if entry else ""))]


def versions(extractions: list[Extraction], doc_iris: list[str], out: dict, nodes: dict[str, Node]) -> None:
    """Of two versions of a law (regulations of one title dated apart), the later one whose history names the
    date of the earlier is its `laterVersionOf`, the history's line of that date its evidence ("2018年10月26日 …
    第二次修正" in the Women's Rights Law of 2022)."""
    by_title: dict[tuple, list[int]] = defaultdict(list)
    for i, ex in enumerate(extractions):
        if ex.document.genre == "Regulation":
            by_title[tuple(document_keys(ex))].append(i)
    dated = [sorted({(date, i) for i in found if (date := extractions[i].dated())})
             for found in by_title.values() if len(found) > 1]
    if not dated:
        return  # no law of which the corpus holds two versions: the statements are not read
    event_in = {s: o for (s, p, o, _literal) in out if p == "eventIn"}
    steps: dict[tuple[str, str], list] = defaultdict(list)  # (document, date) -> the evidence of its step
    for (s, p, o, literal), st in out.items():
        if p == "onDate" and literal and s in event_in:
            steps[(event_in[s], str(o))] += st.evidence
    for ordered in dated:
        for (earlier, a), (later, b) in zip(ordered, ordered[1:], strict=False):
            if earlier != later and (named := steps.get((doc_iris[b], earlier))):
                key = (doc_iris[b], "laterVersionOf", doc_iris[a], False)
                out.setdefault(key, Statement(*key)).evidence.append(min(named))


def missing(ex: Extraction) -> list[str]:
    return [] if any(e.props.get("own") for e in ex.entities.values()) else ["a regulation with no numbered articles"]


register(Genre("Regulation", 10, recognise, by_words, extract, rules=True, titled=titled, prepare=align_languages,
               keys=document_keys, link=versions, missing=missing))
