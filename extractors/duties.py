"""Duties: who must do what, as a regulation's articles say it, in Chinese and in English.

Each sentence of an article with a modal word (`ontology/modals.tsv`: 应当, 必须, 负责, "shall", "must": an
obligation; 不得, 禁止, "shall not", "may not", "is prohibited from": a prohibition; 可以, 有权, "may", "is
entitled to": a permission) is one duty, read at the sentence's first modal word: its modality, the action
as the text words it (from the modal word to the sentence's end), the paragraph of the article it stands
in, and its bearer: the party named closest before the modal word in the sentence (`ontology/parties.tsv`,
in English and Chinese; not one named inside a condition), the short name the subject defines for itself
("hereinafter referred to as ...", 以下简称), or else the sentence's subject as written (Chinese: the words
before its first comma, where they are no condition ending in 的; English: the noun phrase that opens the
sentence or, after a leading condition, the clause before the modal word, up to a relative clause). A
sentence whose subject is a pronoun ("They shall ...") or none has the bearer named last before it in its
paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .gazetteer import data_rows
from .text import fold, paragraphs
from .triggers import Pattern, Screen, guarded

# sentences; an English period ends none within a number (10.5), after an initial ("P.R.C.") or in "No. 6"
SENTENCE = {"zh": guarded(r"[^。；！？\r\n]+"),
            "en": guarded(r"(?:[^.;!?\r\n]|\.(?=\d)|(?<=\b[A-Z])\.|(?<=\bNo)\.(?=\s*\d))+")}
HEADING = {"zh": guarded(r"^\s*第[一二三四五六七八九十百千零〇]+条(?:之[一二三四五六七八九十]+)?[\s　]*"),
           "en": guarded(r"^\s*Article\s+\d+(?:-\d+)?\s*[.:]?\s*", re.IGNORECASE)}
ITEM = {"zh": guarded(r"^[（(][一二三四五六七八九十]+[)）]"),
        "en": guarded(r"^\s*(?:[(（]\d{1,2}[)）]|\d{1,2}\.\s|[(（][a-z][)）])")}
ACTION_LIMIT = {"zh": 60, "en": 160}  # characters of an action kept in its value (cut at a word in English)
NAME_LIMIT = {"zh": 40, "en": 80}  # characters of a duty's name: its bearer's words to its action's
ZH_ADVERBIAL = guarded(r"(?<=..)(?:依据|依照|按照|根据)")  # where a subject's adverbial begins: 地方网信办依据职责负责
ZH_PREPOSITIONS = ("在", "对", "依照", "按照", "为", "除", "自", "经", "因", "根据", "依据", "从事", "处", "并", "由")
# words that open an English condition or adjunct, never a bearer ("Where ..., network operators shall")
EN_OPENERS = guarded(r"^(?:where|if|when|whenever|in|upon|on|for|after|before|within|according|unless|as|with|"
                     r"to|by|at|under|except|once|having|without|during|subject|pursuant|and|or|but|also|"
                     r"such|this|these)\b", re.IGNORECASE)
EN_RELATIVE = guarded(r"\s+(?:that|who|which|whose|whom|with|in\s+accordance|within|at\s+all)\b|,")
# a head that a relative clause completes ("Anyone who engages in Internet information services shall")
EN_OPEN_HEAD = guarded(r"^(?:anyone|any\s+(?:person|one|entity|organi[sz]ation|individual)|those|persons|entities|"
                       r"organi[sz]ations|individuals)$", re.IGNORECASE)
# a short name the subject defines for itself: (hereinafter referred to as "Telecommunication Administration
# Agencies"), （以下简称“网信部门”）: the bearer's name
DEFINED = guarded(r"[(（]\s*(?:hereinafter\s+(?:referred\s+to\s+as|called)|以下简称)\s*(?:the\s+)?[\"“「]?"
                  r"(?P<name>[^\"”」)）]{2,60}?)[\"”」]?\s*[)）]", re.IGNORECASE)
EN_PRONOUN = guarded(r"^(?:they|it|he|she|them|its|their|such\s+\w+|the\s+same)$", re.IGNORECASE)
EN_NEGATED = guarded(r"^(?:No|Neither)\s+(?=\S)")  # "No organisation or individual may ...": a prohibition
DETERMINER = guarded(r"^(?:the|a|an|any|all|each|every)\s+", re.IGNORECASE)


@dataclass(frozen=True)
class Duty:
    start: int  # the modal word
    modal_end: int
    action_start: int
    end: int  # the end of the action
    paragraph: int  # of its article, from 1
    modality: str  # "obligation", "prohibition" or "permission"
    action: str
    bearer: str  # as the text names it; "" where the sentence names none
    bearer_en: str  # its English name where the parties list holds it
    bearer_start: int
    bearer_end: int


@dataclass(frozen=True)
class Party:
    """A party of `ontology/parties.tsv`: its English name and the words that name it in either language."""

    en: str
    pattern: Pattern


@cache
def parties() -> list[Party]:
    """Each listed party; an English name also read in the singular and without its article ("the competent
    department" is "the competent departments")."""
    out = []
    for en, zh in data_rows("parties.tsv"):
        singular = _singular(DETERMINER.sub("", en))
        stem = re.escape(singular[:-1] if singular.endswith("y") else singular).replace(r"\ ", r"\s+")
        en_rx = r"\b" + stem + (r"(?:y|ies)\b" if singular.endswith("y") else r"(?:s|es)?\b")
        out.append(Party(en, guarded(f"{re.escape(zh)}|{en_rx}", re.IGNORECASE)))
    return out


def _singular(words: str) -> str:
    """The last word of an English name in the singular ("authorities" -> "authority", "operators" -> "operator")."""
    if re.search(r"[a-z]ies$", words):
        return words[:-3] + "y"
    return re.sub(r"(?<=[a-z])(?<!s)s$", "", words)


@cache
def _party_screen() -> Screen:
    """Which parties' names a text may hold."""
    return Screen([p.pattern for p in parties()])


@cache
def _modals(lang: str) -> list[tuple[str, Pattern]]:
    return [(modality, guarded(p)) for la, modality, p in data_rows("modals.tsv") if la == lang]


def party_key(name: str) -> str:
    """One key for the ways a party is written: case, article and number aside ("Network operators", "a
    network operator")."""
    return _singular(DETERMINER.sub("", fold(name)))


def find(text: str, start: int, end: int, lang: str) -> list[Duty]:
    """The duties of the article whose body is text[start:end], in its language ("zh" or "en"); a sentence
    that names no bearer has the one named last before it in its paragraph ("网络产品、服务的提供者不得设置恶意程序；
    发现...时，应当立即采取补救措施")."""
    out: list[Duty] = []
    for number, p_start, p_end in paragraphs(text, start, end):
        last: tuple[str, str, int, int] = ("", "", 0, 0)
        for sentence in SENTENCE[lang].finditer(text, p_start, p_end):
            s, body = sentence.start(), sentence.group()
            if (heading := HEADING[lang].match(body)) is not None:
                s, body = s + heading.end(), body[heading.end():]
            if ITEM[lang].match(body):
                continue  # an item of a list: its duty is the list's
            modal = _modal(body, lang)
            if modal is None:
                continue
            modality, m_start, m_end = modal
            bearer, bearer_en, b_start = (_bearer_zh if lang == "zh" else _bearer_en)(body[:m_start])
            if EN_NEGATED.match(body) and lang == "en":
                modality = "prohibition"
            if bearer:
                last = (bearer, bearer_en, s + b_start, s + b_start + len(bearer))
            action = _cut(body[m_end:].strip(), ACTION_LIMIT[lang], lang)
            if action:
                a_start = s + m_end + body[m_end:].find(action)
                out.append(Duty(s + m_start, s + m_end, a_start, a_start + len(action), number, modality, action, *last))
    return out


def name(text: str, duty: Duty, lang: str) -> str:
    """A duty's name: its bearer's words and its own from the modal word on, cut."""
    words = re.sub(r"\s+", " ", text[duty.start:duty.end])
    if duty.bearer:
        words = duty.bearer + (" " if lang == "en" else "") + words
    return _cut(words, NAME_LIMIT[lang], lang)


def _modal(body: str, lang: str) -> tuple[str, int, int] | None:
    """The first modal word of a sentence that states a duty: (modality, start, end)."""
    found = sorted((m.start(), k, -m.end(), modality) for k, (modality, rx) in enumerate(_modals(lang))
                   for m in rx.finditer(body))
    skip_to = -1
    for at, _, neg_end, modality in found:
        if at < skip_to or _quoted(body, at):
            continue
        if modality == "none":
            skip_to = -neg_end
            continue
        if lang == "zh" and body[at:-neg_end] == "负责" and not body[:at].strip():
            continue  # 负责 opening a sentence names a task, no duty
        return modality, at, -neg_end
    return None


QUOTES = {"《": "》", "“": "”", "「": "」", '"': '"'}


def _quoted(body: str, at: int) -> bool:
    """Whether body[at] stands inside a quotation or a title (《国务院关于授权国家互联网信息办公室负责…的通知》)."""
    before = body[:at]
    return any(before.count(o) > before.count(c) if o != c else before.count(o) % 2 == 1 for o, c in QUOTES.items())


def _cut(text: str, limit: int, lang: str) -> str:
    if len(text) <= limit:
        return text
    return text[:limit] if lang == "zh" else text[:limit].rsplit(" ", 1)[0]


def listed(before: str) -> tuple[str, str, int] | None:
    """The listed party named closest before a modal word: its words, its English name, where. A party named
    inside a condition, after the words that open it, is none ("个人发现网络运营者违反…的，有权要求…", "Where network
    operators …, the department shall …"), and so is one that opens a condition another subject follows
    ("个人信息处理者未删除的，个人有权请求删除"); one that opens the condition of its own duty is
    ("个人信息处理者向境外提供个人信息的，应当…")."""
    best = None
    condition = bool(EN_OPENERS.match(before.lstrip()))
    screen, listing = _party_screen(), parties()
    for k in screen(before):
        party = listing[k]
        for m in screen.patterns[k].finditer(before):
            if before[m.start() - 1:m.start()] == "、":
                continue  # the last of a list (人民法院、人民检察院、公安机关): the list is the bearer
            after, opening = before[m.end():], re.split(r"[，,；;]", before[:m.start()])[-1].strip()
            ends = list(re.finditer(r"的\s*[，,]\s*", after))
            if (opening and (ends or (condition and "," in after))) or (ends and after[ends[-1].end():].strip()):
                continue  # in a condition: "个人发现网络运营者违反…的，", "个人信息处理者未删除的，个人有权…"
            if best is None or m.end() > best[2] + len(best[0]) or (
                    m.end() == best[2] + len(best[0]) and m.start() < best[2]):
                best = (m.group(), party.en, m.start())
    return best


def _defined(before: str) -> tuple[str, str, int] | None:
    """The short name a subject defines for itself just before the modal word: the bearer."""
    last = next(reversed(list(DEFINED.finditer(before))), None)
    if last is None or before[last.end():].strip(" ,，"):
        return None
    return last.group("name").strip(), "", last.start("name")


def _bearer_zh(before: str) -> tuple[str, str, int]:
    """The party named closest before a Chinese modal word, or the sentence's subject; its English name; where."""
    if (best := listed(before)) is not None or (best := _defined(before)) is not None:
        return best
    for clause in reversed(re.split(r"[，,]", before)):  # the clause before the modal word, else the sentence's first
        subject = ZH_ADVERBIAL.split(clause.strip(), maxsplit=1)[0].rstrip("还也均都并亦")
        if 1 < len(subject) <= 20 and not subject.endswith("的") and not subject.startswith(ZH_PREPOSITIONS):
            return subject, "", before.rfind(subject)
    return "", "", 0


def _bearer_en(before: str) -> tuple[str, str, int]:
    """The party named closest before an English modal word, or the sentence's subject as written (without
    its article, up to a relative clause); a pronoun is none."""
    if (best := listed(before)) is not None or (best := _defined(before)) is not None:
        return best
    clauses = before.split(",")
    opener = EN_OPENERS.match(before.lstrip())
    at = len(before) - len(clauses[-1]) if opener else 0  # after a leading condition: the clause before the modal
    whole = EN_NEGATED.sub("", before[at:].lstrip())
    phrase = EN_RELATIVE.split(whole, maxsplit=1)[0].strip()
    limit = 16  # words
    if EN_OPEN_HEAD.match(phrase):
        phrase, limit = whole.split(",", 1)[0].strip(), 32
    subject = DETERMINER.sub("", phrase)
    words = subject.split()
    if not words or len(words) > limit or EN_PRONOUN.match(subject) or EN_OPENERS.match(subject) or not subject[0].isalpha():
        return "", "", 0
    return subject, "", before.find(subject, at)
