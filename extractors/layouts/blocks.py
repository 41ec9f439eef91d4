"""The body of a file as blocks, found once on the layouts' (plain) view, for every document cut out of
it: a table of contents, parts, chapters and sections, articles with their number and language, the
paragraphs and items of each article, signature blocks, notes and annexes, each with its span in the file.
The extractors take a regulation's articles from here and never look for article boundaries themselves.

Read from the real texts: "Article 1 This Law ...", "Article 1.In order to", "Article 2: ..." and
"第一条　...", "第一百二十条之六" (an inserted article is "120-6"), an article that runs on after the
sentence before it when it is the next one ("... interests. Article 2 This Law", "。第二条　"); "Chapter I
General Provisions", "第一章 总则", "第一节", "第一编" (LawRefBook's Markdown puts them under "#"s); a
"Table of Contents" or "目录" listing the chapters (not chapters themselves; also a run of chapter headings
with nothing between them). An article's paragraphs (款) are its lines, a line that goes on with an
unfinished sentence belonging to the one before (asianlii's hard-wrapped lines); its items (项) are the
lines numbered "（一）", "(1)", "(a)", "1." or "一、". A signature block is a run of lines that sign (judges
and clerks, "Xi Jinping President of ...", "总理 李强") with their dates; a note is a line that says it is
one ("Note:", "注：", a footnote "① ...") or a whole-line adoption note ("(Adopted at the ...)"); an annex
("附：", "附件1", "## 附件一", "Appendix") runs to the next block, so no article runs into it.
"""

from __future__ import annotations

import re

from ...graph.model import Block
from ..text import CJK, Line, has_cjk, lines
from ..triggers import Guarded, Pattern, guarded
from ..values import only_date, zh_number
from .order import signature_lines

EN_ARTICLE_LINE = guarded(r"^\s*Article\s+(\d+(?:-\d+)?)(?:\s*[.:：]?\s|[.:：](?=[A-Z\"“]))")  # "Article 1.In order"
ZH_ARTICLE_LINE = guarded(rf"^\s*第([{CJK}0-9]{{1,8}}?)条(?:之([一二三四五六七八九十]+))?[\s　]")
# an article that runs on in a paragraph or after a heading ("... interests. Article 2 This Law", "...制定本法。
# 第二条　在...", "第二章　网络安全支持与促进第十五条　国家..."): one only where it is the next article after the one
# before, followed by its text (a capital; a space), not by what cites it ("Article 21 of this Law", "第二十一条规定")
EN_ARTICLE_INLINE = guarded(r"(?<=\S)[ \t]+(?P<h>Article[ \t]+(\d+)[ \t]*[.:：]?[ \t]*(?=[A-Z\"“]))")
ZH_ARTICLE_INLINE = guarded(rf"(?<=\S)[ \t　]*(?P<h>第([{CJK}0-9]{{1,8}}?)条(?:之([一二三四五六七八九十]+))?[ \t　])")
ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
EN_DIVISION = guarded(r"^\s*(?:#+\s*)?(?P<kind>Part|Chapter|Section)\s+(?P<n>[IVXLC]+|\d+)\b(?![.,])")
ZH_DIVISION = guarded(r"^\s*(?:#+\s*)?第(?P<n>[一二三四五六七八九十百零〇0-9]{1,6})(?P<kind>分编|编|章|节)(?=[\s　]|$)")
KINDS = {"Part": "part", "编": "part", "分编": "part", "Chapter": "chapter", "章": "chapter",
         "Section": "section", "节": "section"}
DIVISIONS = ("part", "chapter", "section")
TOC_HEADING = guarded(r"^\s*(?:#+\s*)?(?:目\s*录|(?:Table\s+of\s+)?Contents)\s*$", re.IGNORECASE)
# an item's number at a line's start: "（一）", "(1)", "(a)", "1.", "一、"
ITEM = guarded(r"^\s*(?:[(（](?P<a>[一二三四五六七八九十]{1,3}|\d{1,2}|[a-z])[)）]|(?P<b>\d{1,2})[.．、](?!\d)|"
               r"(?P<c>[一二三四五六七八九十]{1,3})、)")
ZH_DIGITS = "一二三四五六七八九十"
SENTENCE_END = guarded(r"[.。!?！？;；:：]['\"’”』」)）]*\s*$")  # a line that ends its sentence (or leads on to items)
# a judgment's signature line: "Presiding Judge: X", "Clerk X", "审 判 长 郑文伟", "代理审判员  相 阳", "书记员×××"
# (not running text that begins with a role: "书记员、司法警察...的回避由检察长决定。")
ZH_BENCH = ("审判长", "审判员", "代理审判员", "助理审判员", "人民陪审员", "法官助理", "书记员")
SIGNING = guarded(r"^\s*(?:(?:(?:Presiding|Acting|Assistant)\s+)?(?:Judges?(?:['’]?\s+Assistan(?:t|ce))?|Clerc?k|"
                  r"People['’]s\s+(?:Assessor|Juror))\b[\s:]*[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}|"
                  rf"(?:{'|'.join('[ 　]*'.join(w) for w in ZH_BENCH)})[\s　:：]*(?:[\u4e00-\u9fff×][ 　]*){{2,4}})\s*$")
# besides its date, what a signature block may hold: the copy's certification and the court's seal
CERTIFIED = guarded(r"^\s*(?:本件与原本核对无异|[(（]?(?:Seal|院印)[)）]?)\s*$")
# an annex after the articles: "附：", "附件：1.…", "附件2", "附录", "Annex 1", "Appendix", "Attachment:"
ANNEX = guarded(r"^\s*(?:#+\s*)?(?:附[:：]|附件\s*[\d一二三四五六七八九十]*(?:[:：]|\s*$)|附录|"
                r"(?:Annex|Appendix|Attachment)(?:\s+[\dIVX]+)?\s*(?::|$))")
NOTE = guarded(r"^\s*(?:[①-⑳]|[(（\[【]?(?:Translator['’]s\s+)?Notes?\b|[(（\[【]?注[\s:：】]|[(（](?:Adopted|Promulgated|"
               r"Revised|Amended|Approved)\b.*[)）]\s*$|[(（][^()（）]{4,200}?(?:通过|公布|修正|修订|批准)[^()（）]*[)）]\s*$)",
               re.IGNORECASE)
LINE_HEADS = (EN_ARTICLE_LINE, ZH_ARTICLE_LINE, EN_DIVISION, ZH_DIVISION, TOC_HEADING, ANNEX, NOTE, EN_ARTICLE_INLINE,
              ZH_ARTICLE_INLINE)  # what `_heads` reads each line with


def _roman(t: str) -> int | None:
    if t.isdigit():
        return int(t)
    values = [ROMAN[c] for c in t]
    total = sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))
    return total or None


def _heads(text: str) -> list[tuple[str, str, str, int, int]]:
    """(kind, number, language, start, end of its line) of each division and article heading at a line's
    start, and of each article that runs on inside a line."""
    out: list[tuple[str, str, str, int, int]] = []
    # the patterns some line may match: those whose triggers the text holds, its line breaks read as the space
    # each line is read with (a Chinese law holds no "Article", an English one no "条")
    spaced = text.replace("\r", " ").replace("\n", " ") + " "
    may = {rx for rx in LINE_HEADS if not isinstance(rx, Guarded) or rx.may_match(spaced)}
    for line in lines(text):
        s = line.text + " "
        if EN_ARTICLE_LINE in may and (m := EN_ARTICLE_LINE.match(s)):
            out.append(("article", m.group(1), "en", line.start, line.end))
        elif ZH_ARTICLE_LINE in may and (m := ZH_ARTICLE_LINE.match(s)):
            n = zh_number(m.group(1))
            sub = zh_number(m.group(2)) if m.group(2) else None
            if n is not None:
                out.append(("article", f"{n}-{sub}" if sub else str(n), "zh", line.start, line.end))
        elif EN_DIVISION in may and (m := EN_DIVISION.match(s)):
            if (n := _roman(m.group("n"))) is not None:
                out.append((KINDS[m.group("kind")], str(n), "en", line.start, line.end))
        elif ZH_DIVISION in may and (m := ZH_DIVISION.match(s)):
            if (n := zh_number(m.group("n"))) is not None:
                out.append((KINDS[m.group("kind")], str(n), "zh", line.start, line.end))
        elif TOC_HEADING in may and TOC_HEADING.match(line.text):
            out.append(("toc", "", _lang(line.text), line.start, line.end))
        elif ANNEX in may and ANNEX.match(line.text):
            out.append(("annex", "", _lang(line.text), line.start, line.end))
        elif NOTE in may and NOTE.match(line.text):
            out.append(("note", "", _lang(line.text), line.start, line.end))
        out += _run_on(s, line, out, may)
    return out


def _run_on(s: str, line: Line, before: list[tuple[str, str, str, int, int]],
            may: set[Pattern]) -> list[tuple[str, str, str, int, int]]:
    """The articles that run on inside `line` (`s`: its text and a space), each the next after the last
    article before it in its language (120-1 after 120, 120-2 after 120-1, 121 after either; or the one after
    that, at a sentence's end)."""
    found: list[tuple[str, str, str, int, int]] = []
    for lang, rx in (("en", EN_ARTICLE_INLINE), ("zh", ZH_ARTICLE_INLINE)):
        if rx not in may or (lang == "zh" and not has_cjk(s)):
            continue
        inline = list(rx.finditer(s))
        if not inline:  # most lines: no need to look back for the last article
            continue
        last = next((h[1] for h in reversed(before) if h[0] == "article" and h[2] == lang), None)
        for m in inline:
            if last is None:
                break
            n = int(m.group(2)) if lang == "en" else zh_number(m.group(2))
            sub = zh_number(m.group(3)) if lang == "zh" and m.group(3) else 0
            was, _, was_sub = last.partition("-")
            nexts = [(int(was) + 1, 0), (int(was), int(was_sub or 0) + 1)]
            if s[:m.start("h")].rstrip()[-1:] in ".;。；":
                nexts.append((int(was) + 2, 0))  # after a sentence: one article may be missed ("笫五十四条", a typo)
            if (n, sub) in nexts:
                last = f"{n}-{sub}" if sub else str(n)
                found.append(("article", last, lang, line.start + m.start("h"), line.end))
    return sorted(found, key=lambda h: h[3])


def _lang(text: str) -> str:
    return "zh" if has_cjk(text) else "en"


def _dates_signing(text: str) -> bool:
    """A line of a signature block that signs nothing: its date, the copy's certification, the seal."""
    return bool(only_date(text.strip()) or CERTIFIED.match(text))


def _signatures(text: str) -> list[tuple[str, str, str, int, int]]:
    """A signature block (kind, "", language, start, end of its last line) for each run of lines that sign
    or date a signature, from its first line that signs (a judgment's date before its clerk and an order's
    date after its signatory are the block's)."""
    en, zh = signature_lines()
    out: list[tuple[str, str, str, int, int]] = []
    run: list[Line] = []  # from the first line that signs
    for line in [*lines(text), Line(0, len(text), "")]:
        if not line.stripped and line.start < len(text):
            continue
        if SIGNING.match(line.text) or en.match(line.text) or zh.match(line.text) or (run and _dates_signing(line.text)):
            run.append(line)
        elif run:
            out.append(("signature", "", _lang(run[0].text), run[0].start, run[-1].end))
            run = []
    return out


def find(text: str) -> list[Block]:
    """The blocks of `text` (a plain view; offsets are the file's), in order. A table of contents runs from
    its heading over the division headings that follow it; a run of division headings of one kind with
    nothing between them is one too. Each division and article ends where the next block begins."""
    heads = sorted(_heads(text) + _signatures(text), key=lambda h: (h[3], h[0] != "signature"))
    heads = [h for k, h in enumerate(heads) if not k or h[3] != heads[k - 1][3]]  # a line is one block's head
    i = 0
    while i < len(heads):
        kind, _, _, start, end = heads[i]
        j = i + 1
        if kind == "toc":
            while j < len(heads) and heads[j][0] in DIVISIONS and _adjacent(text, heads[j - 1][4], heads[j][3]):
                j += 1
        elif kind in DIVISIONS:
            while j < len(heads) and heads[j][0] == kind and _adjacent(text, heads[j - 1][4], heads[j][3]):
                j += 1
            if j - i < 2:
                i += 1
                continue
        else:
            i += 1
            continue
        heads[i:j] = [("toc", "", heads[i][2], start, heads[j - 1][4])]
        i += 1
    out = []
    for k, (kind, number, lang, start, end) in enumerate(heads):
        whole = kind in ("toc", "signature", "note")  # they end with their own lines
        stop = end if whole else (heads[k + 1][3] if k + 1 < len(heads) else len(text))
        stop = start + len(text[start:stop].rstrip())
        out.append(Block(kind, number, lang, start, stop))
        if kind == "article":
            out += _paragraphs(text, out[-1])
    return out


def _paragraphs(text: str, article: Block) -> list[Block]:
    """The paragraphs of an article, numbered from 1, each spanning its items, and the items, numbered as
    the text numbers them."""
    marks: list[tuple[str, str, int]] = []  # (kind, number, start) of each paragraph and item, in order
    last = ""
    for line in lines(text[article.start:article.end]):
        if not line.stripped:
            continue
        numbered = ITEM.match(line.text) if marks else None
        if numbered:
            n = next(g for g in numbered.groups() if g)
            marks.append(("item", str(zh_number(n)) if n[0] in ZH_DIGITS else n, article.start + line.start))
        elif not marks or SENTENCE_END.search(last):
            marks.append(("paragraph", str(sum(m[0] == "paragraph" for m in marks) + 1), article.start + line.start))
        last = line.text
    out = []
    for k, (kind, number, start) in enumerate(marks):
        stop = next((m[2] for m in marks[k + 1:] if kind == "item" or m[0] == "paragraph"), article.end)
        out.append(Block(kind, number, article.lang, start, start + len(text[start:stop].rstrip())))
    return out


def _adjacent(text: str, end: int, start: int) -> bool:
    """Only line breaks (and no blank line) between two headings?"""
    return text[end:start].strip() == "" and text[end:start].count("\n") <= 1


def within(found: list[Block], text: str, start: int, end: int) -> tuple[Block, ...]:
    """The blocks of the document at [start, end) of `text`, none running past its end."""
    out = []
    for b in found:
        if start <= b.start < end:
            stop = min(b.end, end)
            out.append(b._replace(end=b.start + len(text[b.start:stop].rstrip())))
    return tuple(out)
