"""Citation grammar: which article of which statute a text cites.

English: "Article 120-6, Article 67(3) ... and Article 61 of the "Criminal Law of the PRC"", "Article 5
of the Supreme People's Court's "Certain Rules ..."", "Articles 47 and 52 of X". Chinese:
《刑法》第一百二十条之六, 刑法第二百八十六条之一第一款、第二百八十七条. An article with no statute
named after (or, in Chinese, before) it belongs to the statute named last before it, except in a
regulation, where a bare article is a reference to the regulation's own text (`own_refs`: 本法第二十一条,
"Article 21 of this Law", 第四十一条至第四十三条).

A translator sometimes renders 第二百八十七条之一 as "Article 287 (1)": where the document names an
offence that the crimes gazetteer places in article 287-1, "Article 287 (1)" is read as 287-1.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .mentions import Cand
from .triggers import guarded
from .values import zh_number

PAREN = r"\((?:\d+|[ivxlcIVXLC]+|[a-z])\)"
PART = r"(?i:paragraphs?|items?|subparagraphs?|clauses?|sections?)\s+\(?\w{1,4}\)?"
EN_ART = guarded(rf"\bArticle\s+(?P<num>\d+)(?:\s*-\s*(?P<sub>\d+))?(?P<tail>(?:\s?{PAREN})*(?:\s+and\s+{PAREN})*"
                 rf"(?:,?\s+{PART}(?:\s*(?:,|and|or)\s+(?!Article){PART}|\s*(?:,|and)\s+\(?\d\)?(?=[\s,]))*)*)")
EN_ARTS = guarded(r"\bArticles\s+(?P<list>\d+(?:-\d+)?(?:\s*(?:,\s*(?:and\s+)?|and\s+)\d+(?:-\d+)?)+)")
SEP = guarded(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s*,?\s+as\s+well\s+as\s+|\s*;\s*(?:and\s+)?")
OF = guarded(r"\s*,?\s+(?:of|in|under)\s+(?:the\s+)?")
NAMED_ELSEWHERE = guarded(r"\s*,?\s+of\s+(?:the\s+)?[A-Z]")  # "Article 5 of the Interpretation ...": not the last statute
ISSUER_GAP = guarded(r"^(?:[A-Z][\w'’ -]{0,80}?['’]s\s+)?[\"“]?$")
ZH_NUM = "零一二三四五六七八九十百千〇两0-9"
ZH_ART = guarded(rf"第(?P<num>[{ZH_NUM}]+)条(?:之(?P<sub>[一二三四五六七八九十]+))?"
                 rf"(?P<tail>(?:第[{ZH_NUM}]+款)?(?:第?[（(][{ZH_NUM}]+[)）]项)?)")
ZH_SEP = guarded(r"^(?:、|，|,|和|及|以及|或者|或)$")
BARE_WINDOW = 800


@dataclass
class ArticleCite:
    start: int
    end: int
    surface: str
    number: str  # "120-6", "67", "287-1"
    statute: Cand
    lang: str


@dataclass
class _Ref:
    """One article number in English citation text, before its statute is known."""

    start: int
    end: int
    num: str
    sub: str = ""
    tail: str = ""

    def number(self, crime_articles: set[str]) -> str:
        if self.sub:
            return f"{self.num}-{self.sub}"
        first = re.match(r"\s\((\d+)\)", self.tail)
        if first and f"{self.num}-{first.group(1)}" in crime_articles:
            return f"{self.num}-{first.group(1)}"
        return self.num


def _en_refs(text: str, regulation: bool) -> list[list[_Ref]]:
    """English article references, one list per match ("Articles 47 and 52" gives two), in text order."""
    found: list[list[_Ref]] = []
    for m in EN_ART.finditer(text):
        if not (regulation and _structural(text, m.start())):
            found.append([_Ref(m.start(), m.end(), m.group("num"), m.group("sub") or "", m.group("tail") or "")])
    for m in EN_ARTS.finditer(text):
        refs = []
        for n in re.finditer(r"(\d+)(?:-(\d+))?", m.group("list")):
            s = m.start("list") + n.start()
            refs.append(_Ref(s, s + len(n.group(0)), n.group(1), n.group(2) or ""))
        found.append(refs)
    return sorted(found, key=lambda refs: refs[0].start)


def _statute_after(text: str, pos: int, statutes: list[Cand]) -> Cand | None:
    of = OF.match(text, pos)
    if not of:
        return None
    for s in statutes:
        if of.end() <= s.start <= of.end() + 100 and ISSUER_GAP.match(text[of.end():s.start]):
            return s
    return None


def _statute_before(pos: int, statutes: list[Cand]) -> Cand | None:
    before = [s for s in statutes if s.end <= pos and pos - s.end <= BARE_WINDOW]
    return before[-1] if before else None


def _structural(text: str, start: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    return not text[line_start:start].strip()


def find(text: str, statutes: list[Cand], regulation: bool, crime_articles: set[str]) -> list[ArticleCite]:
    statutes = sorted(statutes, key=lambda s: s.start)
    out: list[ArticleCite] = []
    groups: list[list[_Ref]] = []
    for refs in _en_refs(text, regulation):
        if groups and SEP.fullmatch(text[groups[-1][-1].end:refs[0].start]):
            groups[-1].extend(refs)
        else:
            groups.append(refs)
    for group in groups:
        statute = _statute_after(text, group[-1].end, statutes)
        if statute is None and not regulation and not NAMED_ELSEWHERE.match(text, group[-1].end):
            statute = _statute_before(group[0].start, statutes)
        if statute is None:
            continue
        for r in group:
            written = text[r.start:r.end]
            surface = re.sub(r"\s+", " ", written) if written.startswith("Article") else f"Article {written}"
            out.append(ArticleCite(r.start, r.end, surface, r.number(crime_articles), statute, "en"))
    out += _zh(text, statutes, regulation)
    return sorted(out, key=lambda a: a.start)


EN_RANGE = guarded(r"\bArticles\s+(?P<first>\d+)\s+(?:through|to)\s+(?P<last>\d+)\b")
ZH_RANGE = guarded(r"^(?:至|到)$")
RANGE_LIMIT = 20  # articles a range of a document's own articles spans at most ("第四十一条至第四十三条")


@dataclass(frozen=True)
class OwnRef:
    """A reference of a regulation to one of its own articles ("本法第二十一条", "Article 21 of this Law", a bare
    "Article 21" in a regulation's text): where its words stand and the article's number."""

    start: int
    end: int
    number: str
    lang: str


def own_refs(text: str, start: int, end: int, external: set[int]) -> list[OwnRef]:
    """The references to the document's own articles in text[start:end] (an article's body): every article
    named in running text (not a heading at the start of a line) whose statute is not another's (`external`:
    where the citations of other statutes begin), each article of a range ("第四十一条至第四十三条", "Articles
    22 through 24") one reference, at the words of the range."""
    out: list[OwnRef] = []
    body = text[start:end]
    previous: OwnRef | None = None
    for m in ZH_ART.finditer(body):
        at = start + m.start()
        if at in external or _structural(text, at):
            previous = None
            continue
        number, stop = zh_article(m)
        if not number:
            continue
        ref = OwnRef(at, start + stop, number, "zh")
        if previous is not None and ZH_RANGE.match(body[previous.end - start:m.start()]):
            out += _range(previous, ref)
        out.append(ref)
        previous = ref
    for refs in _en_refs(body, regulation=True):  # each the article's name, without its paragraph or item
        if start + refs[0].start not in external and not NAMED_ELSEWHERE.match(body, refs[-1].end):
            out += [OwnRef(start + r.start, start + r.end - len(r.tail), r.number(set()), "en") for r in refs]
    for m in EN_RANGE.finditer(body):
        if start + m.start() not in external and not NAMED_ELSEWHERE.match(body, m.end()):
            first, last = (OwnRef(start + m.start(k), start + m.end(k), m.group(k), "en") for k in ("first", "last"))
            out += [first, *_range(first, last), last]
    return sorted(set(out), key=lambda r: (r.start, r.end, r.number))


def _range(first: OwnRef, last: OwnRef) -> list[OwnRef]:
    """The articles strictly between the two ends of a range, each at the words of the whole range."""
    a, b = first.number, last.number
    if not (a.isdigit() and b.isdigit()) or not 0 < int(b) - int(a) <= RANGE_LIMIT:
        return []
    return [OwnRef(first.start, last.end, str(n), first.lang) for n in range(int(a) + 1, int(b))]


def zh_article(m: re.Match[str]) -> tuple[str, int]:
    """The number of the article a ZH_ART match names ("133-1" of 第一百三十三条之一) and where its name ends (before
    a paragraph or item: 第一百三十三条 of 第一百三十三条第二款); ("", 0) for no number."""
    num = zh_number(m.group("num"))
    if num is None:
        return "", 0
    if m.group("sub"):
        return f"{num}-{zh_number(m.group('sub'))}", m.end("sub")
    return str(num), m.end("num") + 1


def _zh(text: str, statutes: list[Cand], regulation: bool) -> list[ArticleCite]:
    out: list[ArticleCite] = []
    previous: ArticleCite | None = None
    for m in ZH_ART.finditer(text):
        if regulation and _structural(text, m.start()):
            previous = None
            continue
        statute = next((s for s in statutes if s.end <= m.start() and text[s.end:m.start()] in ("", "》")), None)
        if statute is None and previous is not None and ZH_SEP.match(text[previous.end:m.start()]):
            statute = previous.statute
        if statute is None and not regulation:
            statute = _statute_before(m.start(), statutes)
        if statute is None:
            previous = None
            continue
        number, end = zh_article(m)
        if not number:
            continue
        surface = m.group(0)[: end - m.start()]
        cite = ArticleCite(m.start(), end, surface, number, statute, "zh")
        out.append(cite)
        previous = cite
    return out
