"""Sanctions: what a regulation's liability articles impose on a breach of its other articles.

A paragraph of a regulation's own article that names a breach (违反 ... 规定, 不履行, 有前款规定的违法行为) and a measure
(`ontology/sanctions.tsv`: 责令改正, 警告, 罚款, 没收违法所得, 暂停相关业务, 关闭网站, 吊销许可证, 拘留) is one
sanction: the articles of the same regulation it names before its first measure are those whose breach it
sanctions ("违反本法第二十一条、第二十五条规定的"); its fine on the party is the first range before the words
that turn to the persons responsible ("处一万元以上十万元以下罚款"; "违法所得一倍以上十倍以下" as multiples),
theirs the first range after ("对直接负责的主管人员处五千元以上五万元以下罚款"). Chinese texts only for now.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .citations import OwnRef
from .gazetteer import data_rows
from .values import zh_number

BREACH = re.compile(r"违反|不履行|未履行|拒不|违法行为")
PERSONS = re.compile(r"对(?:其)?直接负责的主管人员")
NUM = "[0-9一二三四五六七八九十百千万亿零〇两]+"
FINE = re.compile(rf"处(?:(?P<min>{NUM})元以上)?(?P<max>{NUM})元以下的?罚款")
MULTIPLE = re.compile(rf"处违法所得(?P<min>{NUM})倍以上(?P<max>{NUM})倍以下的?罚款")


@dataclass(frozen=True)
class Range:
    """A least and a most (the least 0 where the text gives only a most), and where their words stand."""

    least: int
    most: int
    start: int
    end: int


@dataclass(frozen=True)
class Sanction:
    paragraph: int  # of its article, from 1
    start: int  # the paragraph's span
    end: int
    breached: tuple[OwnRef, ...]
    measures: tuple[tuple[str, int, int], ...]  # each kind of measure, where its words first stand
    fine: Range | None  # yuan, on the party in breach
    multiple: Range | None  # multiples of the illegal income
    persons_fine: Range | None  # yuan, on the persons directly responsible


@cache
def _measures() -> list[tuple[str, re.Pattern[str]]]:
    return [(kind, re.compile(pattern)) for kind, lang, pattern in data_rows("sanctions.tsv") if lang == "zh"]


def find(text: str, start: int, end: int, refs: list[OwnRef]) -> list[Sanction]:
    """The sanctions of the article whose body is text[start:end], a paragraph (a line) each; `refs`: the
    article's references to others of its regulation (`citations.own_refs`)."""
    out = []
    at, number = start, 0
    for line in text[start:end].split("\n"):
        s, e = at, at + len(line)
        at = e + 1
        number += bool(line.strip())  # paragraphs: the lines with words (a blank line parts two in Markdown)
        if not BREACH.search(line):
            continue
        found = sorted(((kind, s + m.start(), s + m.end()) for kind, rx in _measures()
                        for m in [rx.search(line)] if m), key=lambda x: x[1])
        if not found:
            continue
        first = found[0][1]
        breached = tuple(r for r in refs if r.lang == "zh" and s <= r.start and r.end <= first)
        persons = PERSONS.search(line)
        turn = s + persons.start() if persons else e
        out.append(Sanction(number, s, e, breached, tuple(found), _range(FINE, text, s, turn),
                            _range(MULTIPLE, text, s, turn), _range(FINE, text, turn, e) if persons else None))
    return out


def _range(rx: re.Pattern[str], text: str, start: int, end: int) -> Range | None:
    m = rx.search(text, start, end)
    if m is None:
        return None
    most = zh_number(m.group("max"))
    least = zh_number(m.group("min")) if m.group("min") else 0
    return Range(least, most, m.start(), m.end()) if most is not None and least is not None else None
