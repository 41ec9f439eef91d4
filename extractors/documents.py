"""Split a source file into documents and tell each document's genre from its language.

A file may hold one document or several concatenated. A document starts at a title line: a
"Translation: ..." line, a Markdown "# " heading, or a short title-cased line that the next lines
confirm as the head of a regulation (issue header, "Article 1"), a judgment (court, document type,
case number) or a news report (a dated lead paragraph). Header lines inside a document (court names,
"Criminal Judgment Document", case numbers, role lines of a signature block) are never titles.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from itertools import accumulate, islice
from pathlib import Path

from ..graph.model import Document, HeaderField, display
from . import layouts
from .genres import genre as genre_of
from .genres import genres
from .layouts import blocks
from .layouts.blocks import EN_ARTICLE_LINE, SIGNING, ZH_ARTICLE_LINE
from .mentions import STATUTE_WORDS
from .script import simplified
from .text import CJK, Line, cjk_ratio, has_cjk, lines, plain, squeeze_cjk, wrap_width
from .triggers import guarded
from .values import EN_DATE, EN_DATE_DMY

# a case number: "(2020) Liao 0211 Criminal First Instance 459", "[2019] Hei 2701 Xing Chu No 71", "(2015) Sui
# Intermediate Administrative Final Judgment No. 1374", "（2020）浙0481刑初181号", "（2014）海刑初字第91号" (a
# case-type character: 刑, 民, 行, 初, 终, ...)
CASE_NUMBER = guarded(
    r"[(（\[]\s*(?:19|20)\d\d\s*[)）\]]\s*[A-Z][a-z]*\.?(?:\s+\d+)?(?:\s+[A-Z][a-z]*\.?){1,6}?\s*(?:No\.?\s*)?\d+|"
    rf"[(（〔]\s*(?:19|20)\d\d\s*[)）〕][{CJK}0-9]{{0,12}}?[刑民行执赔知商破监申再初终][{CJK}0-9]{{0,8}}?第?\d+号(?:之[一二三四五六七八九十]+)?")
# a court's name on a line of its own, its place after a comma or two ("..., Chuxiong Yi Autonomous Prefecture, Yunnan")
COURT_LINE = guarded(r"^(?:[A-Z][\w'’-]*\s+|No\.\s*\d+\s+|of\s+|the\s+)*(?:People['’]?s\s+)?Court(?:\s+of\s+(?:the\s+)?[A-Z][\w'’ -]*)?"
                     r"(?:,\s*[A-Z][\w'’ -]*){0,3}$"
                     rf"|^[{CJK}]+人民法院$")
DOC_TYPE_LINE = guarded(r"^(?:(?:Criminal|Civil|Administrative)\s+)?(?:Judge?ment|Ruling|Verdict|Decision|Mediation)"
                        r"(?:\s+Document)?$|^[刑民行][\s　]*事[\s　]*(?:判[\s　]*决|裁[\s　]*定)[\s　]*书$",
                        re.IGNORECASE)
# a case's caption: "Cheng Huaishan vs. Jiangsu Kunshan Public Security Bureau ... et. al.", "People v Jiang Kun"
CAPTION = guarded(r"^[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,4}\s+(?:vs?\.?|versus)\s+[A-Z]")
BYLINE = guarded(r"^(?:By|Written by|Reported by|Compiled by)\s+[A-Z]")  # "By Staff Reporter": not a title
# an English title with its Chinese original in brackets after it
GLOSSED_TITLE = guarded(rf"(?P<en>.*[A-Za-z].*?)\s*[(（](?P<zh>[^()（）]*[{CJK}][^()（）]*)[)）]")
ISSUE_HEADER = guarded(r"^(?:(?:Issued|Promulgated|Adopted|Released|Published|Effective)\s+(?:on|by|date)|(?:Promulgation|"
                       r"Issuance|Issue|Release|Publication|Implementation)\s+date|Date\s+of\s+(?:issue|issuance|"
                       r"promulgation|publication)|(?:Issuing|Promulgating)\s+(?:authority|body|department|agency))\b",
                       re.IGNORECASE)
REPORTING = guarded(r"\b(?:reported|posted|published|announced|said|according to|told|wrote|revealed)\b|"
                    r"记者|报道|日电|日讯|来源[：:]|获悉", re.IGNORECASE)
JUDGMENT_WORDS = guarded(r"\b(?:Judgment|Verdict|Ruling|Sentenc\w+)\b|判决|裁定", re.IGNORECASE)
LEGAL_WORDS = guarded(r"\b(?:court|judgment|verdict|sentenced?|convicted|prosecut\w+|law|regulations?|provisions|"
                      r"detained|arrested|police|fined|penalt(?:y|ies)|regulators?|cyberspace|violat\w+|"
                      r"punish\w+)\b|法院|判决|法律|规定|判处|处罚|犯罪|被告人|检察|违法|违规|罚款|约谈|查处|网信|"
                      r"公安|拘留|逮捕", re.IGNORECASE)
# what a line holds beside a date when it only dates a report ("Monday, Jan. 9, 2023 10:32 BJT")
DATE_LINE_WORDS = guarded(r"\b(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|Updated|Published|Posted|UTC|GMT|"
                          r"CST|BJT|[AaPp]\.?[Mm]\.?)\b|[^A-Za-z]")
ROLE_LINE = guarded(r"^[A-Z][\w'’ ]{2,30}:\s*\S")
SMALL_WORDS = {"a", "an", "the", "of", "on", "in", "for", "and", "or", "to", "at", "by", "with", "from", "as",
               "into", "over", "under", "its", "his", "her", "their", "vs", "via"}
# a byline or a source line in the head of a text: a report's
HEAD_REPORT = guarded(r"^(?:主笔人|记者|通讯员|作者|来源|By)\b|来源[:：]|记者|通讯员|日电|日讯", re.MULTILINE)
ZH_TITLE = guarded(rf"^[{CJK}《》、，（）()]{{4,60}}(?:法|规定|办法|条例|决定|通知|"
                   r"解释|意见|细则|规则|批复|答复|判决书)$")


def is_heading(line: Line, bylined: bool = False) -> bool:
    """Could this line be a document title? (Its neighbours decide whether it is one.) A headline over a
    byline may be in sentence case ("Shanghai man jailed for selling personal data")."""
    s = line.stripped
    if s.startswith("Translation:") or s.startswith("# "):
        return True
    if has_cjk(s):
        return bool(ZH_TITLE.match(squeeze_cjk(s))) and not ZH_ARTICLE_LINE.match(s + " ")
    words = s.split()
    if 3 <= len(words) <= 30 and len(s) <= 250 and CAPTION.match(s):  # "Guo Jianhe vs. Guangzhou ... et. al."
        return True
    if not 3 <= len(words) <= 30 or len(s) > 250 or s[-1] in ".,;:" or not s[0].isupper():
        return False
    if EN_ARTICLE_LINE.match(s + " ") or s.startswith("Article") or CASE_NUMBER.search(s) or ROLE_LINE.match(s):
        return False
    if COURT_LINE.match(s) or DOC_TYPE_LINE.match(s) or BYLINE.match(s) or re.match(r"^[\d(•\-*]", s):
        return False
    if not DATE_LINE_WORDS.sub("", EN_DATE.sub("", EN_DATE_DMY.sub("", s))):  # a date line under a headline
        return False
    content = [w for w in words if w.lower() not in SMALL_WORDS]
    capitalised = sum(1 for w in content if w[0].isupper() or w[0].isdigit() or w[0] in "\"“'‘(")
    return bool(content) and (bylined or capitalised / len(content) >= 0.75)


def _following(all_lines: Sequence[Line], i: int, count: int) -> list[str]:
    out = []
    for k in range(i + 1, len(all_lines)):  # not a copy of the rest of a long file for each line, nor a walk to i
        line = all_lines[k]
        if line.stripped:
            out.append(line.stripped)
            if len(out) == count:
                break
    return out


def _confirms_start(all_lines: Sequence[Line], i: int) -> bool:
    """Do the lines after heading i read like the head of a document?"""
    s = all_lines[i].stripped
    if s.startswith("Translation:") or s.startswith("# "):
        return True
    nxt = _following(all_lines, i, 6)
    if not nxt:
        return False
    if has_cjk(s):
        return any(ZH_ARTICLE_LINE.match(n + " ") for n in nxt[:4])
    if any(ISSUE_HEADER.match(n) for n in nxt[:4]) or (nxt[0] == s and len(nxt) > 1):
        return True
    head = nxt[:4]
    return any(COURT_LINE.match(n) for n in head[:2]) and any(DOC_TYPE_LINE.match(n) or CASE_NUMBER.search(n)
                                                              for n in head)


def _lead_follows(all_lines: Sequence[Line], i: int) -> bool:
    """Does a report's lead paragraph follow heading i (past a byline and a dateline)?"""
    nxt = _following(all_lines, i, 3)
    lead = next((n for n in nxt if not BYLINE.match(n) and len(n) > 60), nxt[0] if nxt else "")
    return len(lead) > 150 and bool(re.match(r"^(?:On|In|Last|This|Earlier)\b|^[A-Z]", lead)) and bool(
        REPORTING.search(lead[:400])) and not EN_ARTICLE_LINE.match(lead + " ")


def _inside_judgment(all_lines: Sequence[Line], start: int, i: int, signed: list[int]) -> bool:
    """Is the document begun at `start` a judgment whose signature block has not come yet? A heading in it
    ("Facts Established by This Court") over a long paragraph is a section of it, not a report. (`signed[k]`:
    how many of the first k lines are signature lines.)"""
    head = islice((all_lines[k].stripped for k in range(start, i) if all_lines[k].stripped), 8)
    return signed[i] == signed[start] and any(COURT_LINE.match(b) or DOC_TYPE_LINE.match(b) or CASE_NUMBER.search(b)
                                              for b in head)


def _starts(all_lines: Sequence[Line], heads: list[tuple[int, int]]) -> list[int]:
    """The lines that begin a document; none inside a head a layout read as one document's (`heads`)."""
    starts: list[int] = []
    markdown = any(line.text.startswith("# ") for line in all_lines)
    signed = list(accumulate((bool(SIGNING.match(line.text)) for line in all_lines), initial=0))
    for i, line in enumerate(all_lines):
        if not line.stripped or any(a < line.start < b for a, b in heads):
            continue
        if markdown:
            if line.text.startswith("# "):
                starts.append(i)
            continue
        if i and all_lines[i - 1].stripped:  # a title follows a blank line
            continue
        bylined = bool(BYLINE.match(next(iter(_following(all_lines, i, 1)), "")))
        if is_heading(line, bylined) and (_confirms_start(all_lines, i) or _lead_follows(
                all_lines, i) and (bylined or not _inside_judgment(all_lines, starts[-1] if starts else 0, i, signed))):
            if starts and title_of(all_lines[starts[-1]].text) == title_of(line.text):
                continue  # "Translation: T" followed by the title T itself
            # the Chinese original of the English regulation above (which may be the file's first lines)
            if has_cjk(line.stripped) and _awaits_original(all_lines, starts[-1] if starts else 0, i):
                continue
            starts.append(i)
    if not starts or any(all_lines[j].stripped for j in range(starts[0])):
        starts.insert(0, 0)
    return starts


def _awaits_original(all_lines: Sequence[Line], start: int, i: int) -> bool:
    """Is the document begun at `start` an English regulation whose Chinese original has not begun?"""
    body = all_lines[start:i]
    return any(EN_ARTICLE_LINE.match(line.text) for line in body) and not any(
        ZH_ARTICLE_LINE.match(line.text) for line in body)


def classify(title: str, body: str, header: Sequence[HeaderField] = ()) -> str:
    """The genre (`extractors.genres`) whose recogniser first takes a document, by its title, its body and
    its layout's header facts ("" for none of them)."""
    return next((g.name for g in genres() if g.recognise(title, body, header)), "")


def by_words(text: str) -> str:
    """The genre of a text that no layout placed and whose head reads as none (a judgment published as
    one line, a court's write-up that opens with its author): the genre whose words say so most strongly;
    none for a text with no word of the law or of its enforcement (a shopping list is no document)."""
    if not LEGAL_WORDS.search(text):
        return ""
    strength, _rank, name = max((g.by_words(text), -g.rank, g.name) for g in genres())
    return name if strength else ""


def names_a_rule(title: str) -> bool:
    """Does a title begin with the kind of rule it is ("Notice of ...", "Provisions on ...", "...通知")?"""
    return bool(STATUTE_WORDS.match(title) or ZH_TITLE.match(squeeze_cjk(simplified(title))) and not JUDGMENT_WORDS.search(title))


def title_of(line: str) -> str:
    t = line.strip()
    t = re.sub(r"^#\s+", "", t)
    t = re.sub(r"^Translation:\s*", "", t)
    return t.strip()


def split(text: str, path: str | Path) -> list[Document]:
    """The documents of one decoded file, in file order, each classified. The file's layouts
    (`extractors.layouts`) are read first: the splitter reads their view of the text (plain, see
    `text.plain`), each document takes the header facts they state for it, and its text is as written."""
    path = Path(path)
    laid = layouts.lay(text)
    width = wrap_width(laid.view)
    written, text = text, plain(laid.view, width)
    all_lines = lines(text)
    starts = _starts(all_lines, laid.heads)
    found = blocks.find(text)
    docs = []
    previous_end = 0
    for k, i in enumerate(starts):
        j = starts[k + 1] if k + 1 < len(starts) else len(all_lines)
        chunk = list(all_lines[i:j])
        while chunk and not chunk[-1].stripped:
            chunk.pop()
        while chunk and not chunk[0].stripped:
            chunk.pop(0)
        if not chunk:
            continue
        end = chunk[-1].end
        header = laid.within(previous_end, end)
        if header and header[0].start < chunk[0].start:  # header lines the layout blanked belong to the document
            chunk = [ln for ln in all_lines[:j] if ln.end > header[0].start and ln.start < end]
        start = chunk[0].start
        previous_end = end
        heading = is_heading(chunk[0]) or k > 0
        title = title_of(chunk[0].text) if heading else ""
        body = text[chunk[1].start:end] if heading and len(chunk) > 1 else ("" if heading else text[start:end])
        doc_text = written[start:end]
        langs = languages(doc_text)
        stated = [f.value for f in header if f.kind == "title"]
        genre = next((f.value for f in header if f.kind == "genre"), "") or classify(title, body, header)
        placed = bool(genre)
        genre = genre or by_words(text[start:end])
        alt_titles: tuple[str, ...] = ()
        if stated:
            english = [t for t in stated if re.search(r"[A-Za-z]{3}", t)]
            title = (english or stated)[0]
            alt_titles = tuple(dict.fromkeys(t for t in stated if t != title))
            body = text[start:end]
        if genre and (titled := genre_of(genre).titled):
            title, alt_titles = titled(chunk, title, alt_titles, bool(stated))
        title = title or _fallback_title(body)
        if len(title) <= 300 and (glossed := GLOSSED_TITLE.fullmatch(title)):  # "Provisions on ... (互联网...规定)"
            title, alt_titles = glossed.group("en"), (*alt_titles, glossed.group("zh"))
        view = "" if laid.view is written else laid.view[start:end]
        docs.append(Document(source=display(path.name), path=str(path), text=doc_text, start=start,
                             first_line=chunk[0].number, last_line=chunk[-1].number,
                             genre=genre, title=title,
                             languages=langs, sha256=hashlib.sha256(doc_text.encode("utf-8")).hexdigest(),
                             length=len(doc_text), alt_titles=alt_titles, wrap_width=width,
                             layouts=laid.layouts, header=header,
                             view=view if view != doc_text else "", placed=placed,
                             blocks=blocks.within(found, text, start, end)))
    return docs


def languages(text: str) -> tuple[str, ...]:
    """"en" where English words are more than an aside, "zh" where Chinese characters occur."""
    prose = re.sub(r"<!--.*?-->", " ", text, flags=re.DOTALL)
    english = len(re.findall(r"[A-Za-z]{2,}", prose)) >= 5 and cjk_ratio(prose) < 0.9
    return tuple(lang for lang, ok in (("en", english), ("zh", has_cjk(prose))) if ok)


def _fallback_title(body: str) -> str:
    first = next((b.strip() for b in body.splitlines() if b.strip()), "")
    return first[:120]
