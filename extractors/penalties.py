"""What a sentence imposes, in the terms of the Criminal Law: the principal penalty (a term of fixed-term
imprisonment or criminal detention, in months, perhaps suspended on probation) and the accessory ones (a fine,
deprivation of political rights for a term or for life, confiscation of property: an amount or all of it);
and, where one person is sentenced for several crimes, the penalty of each crime and the one to be served
(数罪并罚，决定执行 ...)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING

from .text import blank
from .triggers import guarded
from .values import FINE_ZH, TERM_ZH, amount, en_months, zh_months

if TYPE_CHECKING:
    from .context import Context

# what ends a prison term's words ("three years of fixed-term imprisonment"): the term is the text before it back to
# the last comma, semicolon or bracket (found by position: a pattern tried from every character would be quadratic)
TERM_END_EN = guarded(r"\s*(?:of\s+)?(?:fixed[\s-]+term\s+)?(?:imprisonment|in\s+prison|prison|(?:criminal\s+)?"
                      r"detention)\b", re.IGNORECASE)
IMPRISONMENT_OF = guarded(r"\b(?:imprisonment|detention)\s+(?:for|of)\s+(?P<term>[^,;()]{3,60})", re.IGNORECASE)
FINE_EN = guarded(r"\bfined?\s+(?:of\s+)?(?:RMB|CNY|¥)?\s*(?P<n>[\d,.]+(?:\s*(?:million|thousand))?)\s*"
                  r"(?:yuan|RMB)?", re.IGNORECASE)
_ZH_SPAN = r"[0-9一二三四五六七八九十两]+年(?:[0-9一二三四五六七八九十两]+个月)?|[0-9一二三四五六七八九十两]+个月"  # 一年六个月
PROBATION_ZH = guarded(rf"缓刑(?P<t>{_ZH_SPAN})")
PROBATION_EN = guarded(r"\b(?:suspended\s+(?:for\s+)?|probation(?:\s+period)?\s+of\s+)(?P<term>[^,;.()]{3,40})",
                       re.IGNORECASE)
# "剥夺政治权利二年", "剥夺政治权利终身"; "deprivation of political rights for three years", "stripped of political
# rights for three years", "deprived of his political rights for life"
RIGHTS_ZH = guarded(rf"剥夺政治权利(?P<t>终身|{_ZH_SPAN})")
RIGHTS_EN = guarded(r"\b(?:deprivation|depriv(?:ed|ing)|stripp(?:ed|ing))\s+of\s+(?:(?:his|her|their)\s+)?political\s+"
                    r"rights\s+(?:for\s+)?(?P<t>life|(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+)"
                    r"(?:[\s-]+(?:and\s+a\s+half\s+)?years?|[\s-]+months?)(?:\s+and\s+\w+\s+months?)?)", re.IGNORECASE)
# "并处没收个人全部财产", "没收个人财产人民币十万元"; "confiscation of all personal property", "confiscation of personal
# property worth RMB 1 million"
CONFISCATION_ZH = guarded(r"没收(?:个人|其)?(?:(?P<all>全部财产|财产全部)|财产(?:人民币)?(?P<n>[0-9,，.一二三四五六七八九十百千万亿〇零]+)元)")
CONFISCATION_EN = guarded(r"\bconfiscat(?:ion|ed|ing)\s+(?:of\s+)?(?:(?P<all>all\s+(?:of\s+)?(?:(?:his|her|their)\s+)?"
                          r"(?:personal\s+)?(?:property|assets))|(?:(?:his|her|their)\s+)?(?:personal\s+)?property\s+"
                          r"(?:worth|of|valued\s+at|totall?ing)\s+(?:RMB|CNY|¥)?\s*(?P<n>[\d,.]+(?:\s*(?:million|thousand))?))",
                          re.IGNORECASE)
# the penalty to be served for several crimes: "数罪并罚，决定执行有期徒刑七年", "decided to execute ...", "a combined
# sentence of ..."
COMBINED = guarded(r"数罪并罚|决定执行|合并执行|\b(?:decided|decision\s+is)\s+to\s+(?:execute|enforce)\b|"
                   r"\bcombined\s+(?:sentence|punishment|penalty|term)\b|\baggregate\s+(?:sentence|term)\b", re.IGNORECASE)
# a clause after a semicolon that goes on with the sentence before it: the next crime of the same person, the
# penalty to be served ("以强奸罪判处有期徒刑十一年六个月，附加驱逐出境；以聚众淫乱罪判处有期徒刑一年十个月，数罪并罚，...")
GOES_ON = guarded(r"(?:以|犯|数罪并罚|决定执行|合并执行|并处|附加)|(?:and\s+)?(?:for\s+the\s+crimes?\s+of|committed\s+the\s+"
                  r"crimes?\s+of|(?:it\s+is\s+)?decided\s+to\s+(?:execute|enforce)|(?:a|the)\s+combined)\b", re.IGNORECASE)


@dataclass
class Penalty:
    """The penalties one passage imposes; each field is named as the attribute it becomes."""

    imprisonmentMonths: int | None = None  # noqa: N815 (the names are the ontology's)
    probationMonths: int | None = None  # noqa: N815
    fineYuan: int | None = None  # noqa: N815
    politicalRightsMonths: int | None = None  # noqa: N815
    politicalRightsForLife: bool | None = None  # noqa: N815
    confiscationYuan: int | None = None  # noqa: N815
    confiscatesAllProperty: bool | None = None  # noqa: N815

    def facts(self) -> list[tuple[str, int | bool]]:
        """(attribute, value) for each penalty stated, in the order of the fields."""
        return [(f.name, v) for f in fields(self) if (v := getattr(self, f.name)) is not None]

    @property
    def principal(self) -> bool:
        """Does it state a term or a fine (what tells one person's penalty from another's)?"""
        return self.imprisonmentMonths is not None or self.fineYuan is not None


def penalty(chunk: str) -> Penalty:
    """The penalties `chunk` states: its first term of imprisonment or detention after "sentenced to" (or
    anywhere in Chinese), its first fine, its probation, deprivation of political rights and confiscation."""
    out = Penalty()
    rights = RIGHTS_ZH.search(chunk) or RIGHTS_EN.search(chunk)
    if rights:
        t = rights.group("t")
        if t == "终身" or t.lower() == "life":
            out.politicalRightsForLife = True
        elif rights.re.pattern == RIGHTS_ZH.pattern:
            out.politicalRightsMonths = zh_months(t)
        elif term := en_months(t):
            out.politicalRightsMonths = term[2]
    confiscated = CONFISCATION_ZH.search(chunk) or CONFISCATION_EN.search(chunk)
    if confiscated:
        if confiscated.group("all"):
            out.confiscatesAllProperty = True
        elif confiscated.group("n"):
            out.confiscationYuan = amount(confiscated.group("n").rstrip("."))
    chunk = principal_only(chunk)
    after = chunk[chunk.find("sentenced to"):] if "sentenced to" in chunk else chunk
    m = TERM_END_EN.search(after)
    if m and (term := en_months(after[max(map(after.rfind, ",;()", (0,) * 4, (m.start(),) * 4)) + 1:m.start()])):
        out.imprisonmentMonths = term[2]
    elif (later := IMPRISONMENT_OF.search(after)) and (term := en_months(later.group("term"))):
        out.imprisonmentMonths = term[2]  # "fixed-term imprisonment of four years"
    if out.imprisonmentMonths is None and (z := TERM_ZH.search(chunk)):
        out.imprisonmentMonths = zh_months(z.group("t"))
    f = FINE_EN.search(after) or FINE_ZH.search(chunk)
    if f:
        out.fineYuan = amount(f.group("n").rstrip("."))
    out.probationMonths = probation(chunk)
    return out


ACCESSORY = ("politicalRightsMonths", "politicalRightsForLife", "confiscationYuan", "confiscatesAllProperty")


def accessory(chunk: str) -> list[tuple[str, int | bool]]:
    """The accessory penalties but a fine that `chunk` states (deprivation of political rights, confiscation)."""
    return [(name, v) for name, v in penalty(chunk).facts() if name in ACCESSORY]


def principal_only(text: str) -> str:
    """`text` with its terms of deprivation of political rights and its confiscations blanked out, offset for
    offset: their terms and sums are no term of imprisonment and no fine ("four years imprisonment and
    deprivation of political rights for three years")."""
    for rx in (RIGHTS_ZH, RIGHTS_EN, CONFISCATION_ZH, CONFISCATION_EN):
        text = rx.sub(blank, text)
    return text


def probation(chunk: str) -> int | None:
    """The months of probation a sentence suspends its term for ("缓刑一年", "suspended for four years")."""
    if z := PROBATION_ZH.search(chunk):
        return zh_months(z.group("t"))
    if (m := PROBATION_EN.search(chunk)) and (term := en_months(m.group("term"))):
        return term[2]
    return None


def combined(chunk: str) -> int | None:
    """Where in `chunk` the penalty to be served for several crimes begins, if it states one."""
    m = COMBINED.search(chunk)
    return m.start() if m else None


def each_crime(ctx: Context, sentence: Callable[[], str], text: str, a: int, b: int, crimes: Sequence) -> int:
    """Where [a, b) sentences one person for several crimes one after the other and then states the penalty
    to be served ("犯受贿罪，判处有期徒刑三年六个月，犯巨额财产来源不明罪，判处有期徒刑五年，数罪并罚，决定执行有期徒刑
    七年"), the penalty of each crime: a sentence of its own (its crime, its penalties) that the person's
    `sentence()` `combines`. Returns where the penalty to be served begins (`a` where there is none)."""
    at = combined(text[a:b])
    own = [(m.start, cid) for m, cid in crimes if at is not None and a <= m.start < a + at]
    if at is None or len(own) < 2 or penalty(text[a:own[0][0]]).principal:
        return a  # one crime, or the terms before the crimes ("three years for A and two for B"): no parts
    bounds = [start for start, _cid in own] + [a + at]
    each = [(cid, bounds[k], bounds[k + 1]) for k, (_start, cid) in enumerate(own)]
    if not all(penalty(text[x:y]).principal for _cid, x, y in each):
        return a
    col, sid = ctx.collector, sentence()
    for cid, x, y in each:
        part = col.part_sentence(sid, cid, x, y)
        col.fact(sid, "combines", part, x, y)
        col.fact(part, "convictedOf", cid, x, y)
        for name, value in penalty(text[x:y]).facts():
            col.fact(part, name, value, x, y, literal=True)
    return a + at
