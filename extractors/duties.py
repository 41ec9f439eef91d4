"""Duties: who must do what, as a regulation's articles say it.

Each clause of a Chinese article with a modal word (应当, 必须, 负责: an obligation; 不得, 禁止: a prohibition)
is one duty: its modality, the action as the text words it (from the modal word to the sentence's end), and
its bearer, the party named closest before the modal word in the sentence (`ontology/parties.tsv`, in English
and Chinese), or else the sentence's subject as written (the words before its first comma, where they are no
condition ending in 的). Chinese texts only for now.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .gazetteer import data_rows

MODAL = re.compile(r"应当|必须|负责|不得|禁止")
PROHIBITION = {"不得", "禁止"}
SENTENCE = re.compile(r"[^。；！？\n]+")
HEADING = re.compile(r"^第[一二三四五六七八九十百千零〇]+条(?:之[一二三四五六七八九十]+)?[\s　]*")
ITEM = re.compile(r"^[（(][一二三四五六七八九十]+[)）]")
PREPOSITIONS = ("在", "对", "依照", "按照", "为", "除", "自", "经", "因", "根据", "依据", "从事", "处", "并", "由")  # no bearer begins so
ACTION_LIMIT = 60  # characters of an action kept in a duty's name and value


@dataclass(frozen=True)
class Duty:
    start: int  # the modal word
    end: int  # the end of the action
    modality: str  # "obligation" or "prohibition"
    action: str
    bearer: str  # as the text names it; "" where the sentence names none
    bearer_en: str  # its English name where the parties list holds it
    bearer_start: int
    bearer_end: int


@cache
def _parties() -> list[tuple[str, str]]:
    """(Chinese, English) of each listed party, the longest first (关键信息基础设施的运营者 before 运营者)."""
    return sorted(((zh, en) for en, zh in data_rows("parties.tsv")), key=lambda p: -len(p[0]))


def find(text: str, start: int, end: int) -> list[Duty]:
    """The duties of the article whose body is text[start:end]; a clause that names no bearer has the one named
    last before it in its paragraph ("网络产品、服务的提供者不得设置恶意程序；发现...时，应当立即采取补救措施")."""
    out: list[Duty] = []
    last: tuple[str, str, int, int] = ("", "", 0, 0)
    for sentence in SENTENCE.finditer(text, start, end):
        if sentence.start() > start and text[sentence.start() - 1] == "\n":
            last = ("", "", 0, 0)  # a new paragraph
        s = sentence.start()
        body = sentence.group()
        if (heading := HEADING.match(body)) is not None:
            s, body = s + heading.end(), body[heading.end():]
        if ITEM.match(body):
            continue  # an item of a list: its duty is the list's
        for m in MODAL.finditer(body):
            if m.group() == "负责" and (not body[:m.start()].strip() or body[:m.start()].endswith("直接")):
                continue  # 直接负责的主管人员: the persons responsible, no duty
            bearer, bearer_en, b_start = _bearer(body[:m.start()])
            if bearer:
                last = (bearer, bearer_en, s + b_start, s + b_start + len(bearer))
            action = body[m.end():].strip()[:ACTION_LIMIT]
            if not action:
                continue
            out.append(Duty(s + m.start(), s + m.end() + len(action), "prohibition" if m.group() in PROHIBITION
                            else "obligation", action, *last))
            break  # one duty a sentence: the others of it share its bearer and stand in its action
    return out


def _bearer(before: str) -> tuple[str, str, int]:
    """The party named closest before a modal word, or the sentence's subject; its English name; where."""
    best = None
    for zh, en in _parties():
        at = before.rfind(zh)
        if at >= 0 and (best is None or at + len(zh) > best[2] + len(best[0])):
            best = (zh, en, at)
    if best is not None:
        return best
    for clause in reversed(before.split("，")):  # the clause before the modal word, or else the sentence's first
        subject = clause.strip().rstrip("还也均都并亦")
        if 1 < len(subject) <= 20 and not subject.endswith("的") and not subject.startswith(PREPOSITIONS):
            return subject, "", before.rfind(subject)
    return "", "", 0
