"""The body of a file as blocks, found once on the layouts' (plain) view, for every document cut out of
it: a table of contents, parts, chapters and sections, and articles with their number and language, each
with its span in the file. The extractors take a regulation's articles from here and never look for
article boundaries themselves.

Read from the real texts: "Article 1 This Law ...", "Article 1.In order to", "Article 2: ..." and
"第一条　...", "第一百二十条之六" (an inserted article is "120-6"); "Chapter I General Provisions",
"第一章 总则", "第一节", "第一编" (LawRefBook's Markdown puts them under "#"s); a "Table of Contents" or
"目录" listing the chapters (not chapters themselves; also a run of chapter headings with nothing between
them).
"""

from __future__ import annotations

import re

from graph.model import Block

from ..text import CJK, lines
from ..values import zh_number

EN_ARTICLE_LINE = re.compile(r"^\s*Article\s+(\d+(?:-\d+)?)(?:\s*[.:：]?\s|[.:：](?=[A-Z\"“]))")  # "Article 1.In order"
ZH_ARTICLE_LINE = re.compile(rf"^\s*第([{CJK}0-9]{{1,8}}?)[条條](?:之([一二三四五六七八九十]+))?[\s　]")
ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
EN_DIVISION = re.compile(r"^\s*(?:#+\s*)?(?P<kind>Part|Chapter|Section)\s+(?P<n>[IVXLC]+|\d+)\b(?![.,])")
ZH_DIVISION = re.compile(r"^\s*(?:#+\s*)?第(?P<n>[一二三四五六七八九十百零〇0-9]{1,6})(?P<kind>分编|编|編|章|节|節)(?=[\s　]|$)")
KINDS = {"Part": "part", "编": "part", "編": "part", "分编": "part", "Chapter": "chapter", "章": "chapter",
         "Section": "section", "节": "section", "節": "section"}
DIVISIONS = ("part", "chapter", "section")
TOC_HEADING = re.compile(r"^\s*(?:#+\s*)?(?:目\s*录|目\s*錄|(?:Table\s+of\s+)?Contents)\s*$", re.IGNORECASE)


def _roman(t: str) -> int | None:
    if t.isdigit():
        return int(t)
    values = [ROMAN[c] for c in t]
    total = sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))
    return total or None


def _heads(text: str) -> list[tuple[str, str, str, int, int]]:
    """(kind, number, language, start, end of its line) of each division and article heading at a line's
    start."""
    out: list[tuple[str, str, str, int, int]] = []
    for line in lines(text):
        s = line.text + " "
        if m := EN_ARTICLE_LINE.match(s):
            out.append(("article", m.group(1), "en", line.start, line.end))
        elif m := ZH_ARTICLE_LINE.match(s):
            n = zh_number(m.group(1))
            sub = zh_number(m.group(2)) if m.group(2) else None
            if n is not None:
                out.append(("article", f"{n}-{sub}" if sub else str(n), "zh", line.start, line.end))
        elif m := EN_DIVISION.match(s):
            if (n := _roman(m.group("n"))) is not None:
                out.append((KINDS[m.group("kind")], str(n), "en", line.start, line.end))
        elif m := ZH_DIVISION.match(s):
            if (n := zh_number(m.group("n"))) is not None:
                out.append((KINDS[m.group("kind")], str(n), "zh", line.start, line.end))
        elif TOC_HEADING.match(line.text):
            out.append(("toc", "", "zh" if re.search(f"[{CJK}]", line.text) else "en", line.start, line.end))
    return out


def find(text: str) -> list[Block]:
    """The blocks of `text` (a plain view; offsets are the file's), in order. A table of contents runs from
    its heading over the division headings that follow it; a run of division headings of one kind with
    nothing between them is one too. Each division and article ends where the next block begins."""
    heads = _heads(text)
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
        stop = end if kind == "toc" else (heads[k + 1][3] if k + 1 < len(heads) else len(text))
        stop = start + len(text[start:stop].rstrip())
        out.append(Block(kind, number, lang, start, stop))
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
