"""Sanctions: what a regulation's liability articles impose on a breach of its other articles, in Chinese and
in English.

A paragraph of a regulation's own article that names a breach before any duty (违反 ... 规定, 不履行, 有前款规定的违法行为; "violates",
"fails to", "refuses to") and a measure (`ontology/sanctions.tsv`: 责令改正, 警告, 罚款, 没收违法所得, 暂停相关业务, 关闭网站,
吊销许可证, 拘留; "order correction", "warning", "fine", ...) is one sanction: the articles of the same regulation it
names before its first measure are those whose breach it sanctions ("违反本法第二十一条、第二十五条规定的", "violates
Article 21 or 25 of this Law"); the body that imposes it is the party or agency named last before that measure
(由有关主管部门责令改正, "the competent department shall order correction"); its fine on the party is the first
range before the words that turn to the persons responsible ("处一万元以上十万元以下罚款", "a fine of between
10,000 and 100,000 yuan"; "违法所得一倍以上十倍以下", "one to ten times the illegal income" as multiples), theirs the
first range after ("对直接负责的主管人员处五千元以上五万元以下罚款", "the directly responsible persons in charge").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .citations import OwnRef
from .gazetteer import data_rows
from .text import paragraphs
from .triggers import Pattern, guarded
from .values import amount, word_number

BREACH = {"zh": guarded(r"违反|不履行|未履行|拒不|违法行为"),
          "en": guarded(r"\b(?:violat\w*|in\s+breach|breach(?:es|ed)?|fail(?:s|ed|ing)?\s+to|refus(?:e|es|ed|ing)\s+to|"
                        r"(?:does|do|did)\s+not)\b", re.IGNORECASE)}
DUTY = {"zh": guarded(r"应当|必须"), "en": guarded(r"\b(?:shall|must)\b", re.IGNORECASE)}
PERSONS = {"zh": guarded(r"对(?:其)?直接负责的主管人员"),
           "en": guarded(r"\b(?:directly\s+(?:responsible|in\s+charge)|persons?\s+(?:directly\s+)?(?:responsible|in\s+charge)|"
                         r"responsible\s+persons?|persons\s+directly)\b", re.IGNORECASE)}
NUM = "[0-9一二三四五六七八九十百千万亿零〇两]+"
YUAN = r"(?:RMB\s*|CNY\s*|¥\s*)?\d[\d,]*(?:\.\d+)?(?:\s*(?:million|thousand))?(?:\s*(?:yuan|RMB))?"
TIMES = r"(?:\d+|[a-z]+)"
FINE = {"zh": guarded(rf"处(?:(?P<min>{NUM})元以上)?(?P<max>{NUM})元以下的?罚款"),
        "en": guarded(rf"\bfine[sd]?\s+(?:of\s+)?(?:(?:between|from|ranging\s+from|not\s+less\s+than|no\s+less\s+than|"
                      rf"at\s+least)?\s*(?P<min>{YUAN})\s+(?:and|to|but\s+(?:not|no)\s+more\s+than|up\s+to)\s+|"
                      rf"(?:up\s+to|not\s+more\s+than|no\s+more\s+than|not\s+exceeding|of\s+less\s+than)\s+)"
                      rf"(?P<max>{YUAN})", re.IGNORECASE)}
MULTIPLE = {"zh": guarded(rf"处违法所得(?P<min>{NUM})倍以上(?P<max>{NUM})倍以下的?罚款"),
            "en": guarded(rf"\b(?:between\s+|from\s+|not\s+less\s+than\s+)?(?P<min>{TIMES})\s+(?:times?\s+)?"
                          rf"(?:and|to|but\s+not\s+more\s+than)\s+(?P<max>{TIMES})\s+times\s+(?:the\s+)?(?:amount\s+of\s+)?"
                          rf"(?:the\s+|its\s+)?(?:illegal|unlawful|illicit)\s+(?:income|gains|proceeds)", re.IGNORECASE)}
# the body named before a Chinese measure: 由有关主管部门责令改正; an English one: the subject of its "shall"
BY = {"zh": guarded(r"由(?P<by>[^，。；由]{2,30}?)(?:依照|依据|按照|根据|责令|给予|处|没收|予以|$)"),
      "en": guarded(r"(?:^|,)\s*(?P<by>[^,;]{3,80}?)\s+(?:shall|may|is\s+to|are\s+to)\b(?:\s+\w+)?\s*$",
                    re.MULTILINE)}


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
    by: tuple[int, int] | None  # the words naming the body that imposes it
    fine: Range | None  # yuan, on the party in breach
    multiple: Range | None  # multiples of the illegal income
    persons_fine: Range | None  # yuan, on the persons directly responsible


@cache
def _measures(lang: str) -> list[tuple[str, Pattern]]:
    return [(kind, guarded(pattern, re.IGNORECASE if lang == "en" else 0))
            for kind, la, pattern in data_rows("sanctions.tsv") if la == lang]


def find(text: str, start: int, end: int, refs: list[OwnRef], lang: str) -> list[Sanction]:
    """The sanctions of the article whose body is text[start:end], a paragraph each, in its language ("zh" or
    "en"); `refs`: the article's references to others of its regulation (`citations.own_refs`)."""
    out = []
    for number, s, e in paragraphs(text, start, end):
        line = text[s:e]
        breach, duty = BREACH[lang].search(line), DUTY[lang].search(line)
        if breach is None or (duty is not None and duty.start() < breach.start()):
            continue  # no breach, or one inside a duty's action ("shall sanction accounts that violate ...")
        found = sorted(((kind, s + m.start(), s + m.end()) for kind, rx in _measures(lang)
                        for m in [rx.search(line)] if m), key=lambda x: x[1])
        if not found:
            continue
        first = found[0][1]
        breached = tuple(r for r in refs if r.lang == lang and s <= r.start and r.end <= first)
        persons = PERSONS[lang].search(line)
        turn = s + persons.start() if persons else e
        by = BY[lang].search(text, s, first)
        out.append(Sanction(number, s, e, breached, tuple(found), by.span("by") if by else None,
                            _range(FINE[lang], text, s, turn), _range(MULTIPLE[lang], text, s, turn),
                            _range(FINE[lang], text, turn, e) if persons else None))
    return out


def _range(rx: Pattern, text: str, start: int, end: int) -> Range | None:
    m = rx.search(text, start, end)
    if m is None:
        return None
    most = _number(m.group("max"))
    least = _number(m.group("min")) if m.group("min") else 0
    return Range(least, most, m.start(), m.end()) if most is not None and least is not None else None


def _number(words: str) -> int | None:
    """A sum or a multiple as the text writes it: 一万, 10,000 yuan, RMB 1 million, ten."""
    plain = re.sub(r"^(?:RMB|CNY|¥)\s*|\s*(?:yuan|RMB)$", "", words.strip(), flags=re.IGNORECASE)
    return word_number(plain) if plain.isalpha() and plain.isascii() else amount(plain)
