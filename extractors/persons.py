"""People, found by the roles that introduce them, and resolved inside one document.

English cues: "Defendant X, male", "Appellant (...): X", "defense counsel X of the Y Law Firm",
"Procurator X", "witness Mr. X", signature lines ("Presiding Judge: X", "Clerk X"), "a sentence on X",
and judgment titles ("X's Court Judgment", "the Case of X's ..."). Chinese cues: 被告人X, 辩护人X and the
signature block (审判长 X, 书记员 X), whose names are romanised with pypinyin to meet their English
spelling. Inside a document a surname alone ("Duan") and a one-letter misspelling of a full name
("Duang Zheng") are the same person.
"""

from __future__ import annotations

import importlib.util
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from . import segment
from .gazetteer import data_lines, data_rows
from .mentions import CAP_STOP
from .text import CJK, has_cjk, lines, squeeze_cjk, standing_alone
from .triggers import Pattern, guarded

NAME = r"(?:[A-Z][a-z]+(?:[ \t-][A-Z][a-z]+){0,2})"
TITLED = r"(?:(?:Mr|Ms|Mrs|Dr)\.[ \t]+[A-Z][a-z]+)"
GIVEN_NAME_NEXT = guarded(r"[ \t][A-Z]")  # "Duan" followed by a capitalised word is somebody's full name
BYLINE = r"(?:By|Written[ \t]+by|Reported[ \t]+by)[ \t]+"
# what may stand between a name and its verb: ", 34,", ", a blogger from Guangzhou,", ", who ...,", ", from the
# city of Yulin,", ", the shop's owner,", ", aged 35,"
APPOSITION = (r"[ \t]*,[ \t]*(?:\d{1,3}|aged[ \t]+\d{1,3}|(?:an?|the|his|her|from)[ \t]+[^,\n]{1,60}|"
              r"who[ \t][^,\n]{1,80}),")

# the agents of a body that is a party, before their names: "the representatives for defendant Kunshan Public
# Security Bureau "
PARTY_AGENTS = (r"\b(?:[Rr]epresentatives?|[Aa]gents?)[ \t]+(?:for|of)[ \t]+(?:the[ \t]+)?(?:defendant|plaintiff|appellant|"
                r"appellee)[ \t]+(?:[A-Z][\w'’-]*[ \t]+){0,5}(?:Bureau|Court|Procuratorate|Office|Department|"
                r"Administration|Government|Company|Commission)[ \t]+")

EN_CUES: list[tuple[str, Pattern]] = [
    ("defendant", guarded(rf"\b(?:[Dd]efendants?|[Aa]ppellants?|[Tt]he accused|[Cc]riminal suspect)"
                          rf"(?:[ \t]*\([^()\n]{{0,60}}\))?[ \t]*[:,]?[ \t]+(?P<n>{NAME})")),
    ("plaintiff", guarded(rf"\b[Pp]laintiffs?(?:[ \t]*\([^()\n]{{0,60}}\))?[ \t]*[:,]?[ \t]+(?P<n>{NAME})")),
    ("defenseCounsel", guarded(rf"\b(?:[Dd]efen[cs]e[ \t]+(?:[Cc]ounsel|[Aa]ttorney|[Ll]awyer)s?|[Aa]ttorney|[Ll]awyer|"
                               rf"[Dd]efender)[ \t]*[:,]?[ \t]+(?:(?:was|were|is|are)[ \t]+)?(?P<n>{NAME})")),
    # "Procurator X", "assigned prosecutor Zhang Fuli and prosecutor's assistant Liu Zhonglin"
    ("procurator", guarded(rf"\b(?:[Pp]rocurator|[Pp]rosecutor|Public Prosecutor)(?:['’]s[ \t]+[Aa]ssistant)?[ \t]+"
                           rf"(?P<n>{NAME})")),
    ("witness", guarded(rf"\b[Ww]itness(?:es)?[ \t]+(?P<n>{TITLED}|{NAME})")),
    ("named", guarded(rf"\bnamed[ \t]+(?P<n>{NAME})")),
    ("sentenced", guarded(rf"\bsentence[ \t]+(?:on|for|against)[ \t]+(?P<n>{NAME})")),
    ("sentenced", guarded(rf"\b(?:convicted|found)[ \t]+(?P<n>{NAME})[ \t]+(?:guilty[ \t]+)?of\b")),
    # "Chen Xiaoming was convicted", "Chen Xiaoming, 34, was sentenced", "Chen, a blogger from Guangzhou, was ..."
    ("reported", guarded(rf"(?P<n>{NAME})(?:{APPOSITION})?[ \t]+"
                             rf"(?:was|were|has been|have been|is|are)[ \t]+(?:each[ \t]+|also[ \t]+)?"
                             rf"(?:sentenced|convicted|jailed|fined)\b")),
    # "Ma Lifang, who recruited ..., received ten months in prison", "Dong's conspirator, Hou Peng, received a
    # three-year jail term"
    ("reported", guarded(rf"(?P<n>{NAME})(?:{APPOSITION}|[ \t]*,)?[ \t]+"
                             rf"(?:received|got|was[ \t]+(?:given|handed))[ \t]+(?:an?[ \t]+)?(?:\w+[ \t-]+){{1,4}}"
                             rf"(?:years?|months?)\b")),
    # "the court handed blogger Qiu Ziming a sentence of eight months", "handed Zhang Yi a three-year sentence"
    ("sentenced", guarded(rf"\bhanded[ \t]+(?:[a-z]+[ \t]+){{0,3}}(?P<n>{NAME})[ \t]+an?[ \t]+(?:\w+[ \t-]+){{0,4}}"
                          rf"(?:sentence|prison|jail)\b")),
    # "Zhao Gang and Sun Hao were each sentenced", "X was sentenced to three years and Wang Qiang to two"
    ("sentenced", guarded(rf"(?P<n>{NAME})[ \t]+and[ \t]+{NAME}(?:[ \t]*,[^,\n]{{1,80}},)?[ \t]+(?:were|have been)\b")),
    ("sentenced", guarded(rf"\band[ \t]+(?P<n>{NAME})[ \t]+to[ \t]+(?:\w+[ \t]+){{1,2}}(?:years?|months?)\b")),
    # "sentenced Fang Bin to three years", "had sentenced Lin Minxiu for assisting ..."
    ("sentenced", guarded(rf"\bsentenc(?:ed|es|ing)[ \t]+(?:[a-z]+[ \t]+){{0,3}}(?P<n>{NAME})(?:[ \t]+"
                          rf"[(（][^()（）\n]{{1,12}}[)）]|{APPOSITION})?[ \t]+(?:to|for)\b")),
    ("sentenced", guarded(rf"^(?:Translation:[ \t]*)?(?P<n>{NAME})[ \t]+(?:Sentenced|Jailed|Convicted|Detained|Arrested|"
                          rf"Imprisoned|Tried)\b")),
    ("sentenced", guarded(rf"\b(?:conviction|sentencing|trial|case|arrest|detention|prosecution)[ \t]+of[ \t]+"
                          rf"(?:(?:the[ \t]+)?[a-z]+[ \t]+)?(?P<n>{NAME})")),
    # "a man surnamed Wu": a person the text names by surname alone
    ("surnamed", guarded(r"\bsurnamed[ \t]+(?P<n>[A-Z][a-z]+)\b")),
    # "the court found that Chen Ming ...", "Chen Ming, 26, sold ...": a court's finding, an age in apposition
    ("named", guarded(rf"\b(?:found|held|ruled)[ \t]+that[ \t]+(?P<n>{NAME})\b(?![ \t]*(?:'s|’s))")),
    ("named", guarded(rf"(?P<n>{NAME})[ \t]*,[ \t]*\d{{1,2}}[ \t]*,")),
    # "Zhang Ming, a lawyer at King & Wood Mallesons, said": a name and the occupation after it
    ("named", guarded(rf"(?P<n>{NAME})[ \t]*,[ \t]+(?:an?|the)[ \t]+(?:[\w-]+[ \t]+){{0,3}}(?:lawyer|attorney|"
                      rf"professor|lecturer|researcher|scholar|analyst|partner|spokes(?:man|woman|person)|"
                      rf"journalist|reporter|blogger|activist|official|executive)s?\b")),
    # "the representatives for defendant Kunshan Public Security Bureau Lu Huanfang and Cha Wenming appeared"
    ("agent", guarded(rf"{PARTY_AGENTS}(?P<n>{NAME})")),
    ("agent", guarded(rf"{PARTY_AGENTS}{NAME}[ \t]+and[ \t]+(?P<n>{NAME})")),
    # "Legal Representative: Cai Wei, position: Bureau Commander."
    ("legalRepresentative", guarded(rf"\b[Ll]egal[ \t]+[Rr]epresentative[ \t]*[:：][ \t]*(?P<n>{NAME})")),
    # "Litigation Representative of the Defendant Unit: Tao Ping", "Entrusted agent: X"
    ("agent", guarded(rf"\b(?:[Ll]itigation[ \t]+[Rr]epresentative|[Aa]gents?[ \t]+ad[ \t]+litem|"
                      rf"(?:[Aa]uthori[sz]ed|[Ee]ntrusted)[ \t]+[Aa]gents?)(?:[ \t]+of[^:：\n]{{1,40}})?"
                      rf"[ \t]*[:：][ \t]*(?P<n>{NAME})")),
    # an office before the name: "chairman Cheng Wei", "President Xi Jinping", "spokesperson Hua Chunying"
    ("official", guarded(rf"\b(?:[Cc]hair(?:man|woman|person)|[Pp]resident|[Vv]ice[ -][Pp]resident|[Ff]ounder|"
                         rf"[Cc]o-founder|CEO|[Cc]hief[ \t]+[Ee]xecutive|[Ss]pokes(?:man|woman|person)|[Mm]inister|"
                         rf"[Pp]remier|[Dd]irector)[ \t]+(?P<n>{NAME})\b(?![ \t]*(?:'s|’s))")),
    # the head who signs an order: "Director: Zhuang Rongwen"
    ("official", guarded(rf"(?m)^[ \t]*(?:Director|Minister|Chairman|Chairperson|Premier|President|Governor|Mayor)"
                         rf"(?:[ \t]+of[ \t]+[^:：\n]{{1,60}})?[ \t]*[:：][ \t]*(?P<n>{NAME})[ \t]*$")),
    # a report's byline: "By Li Na", "By Li Na and Tom Hancock"
    ("author", guarded(rf"(?m)^[ \t]*{BYLINE}(?P<n>{NAME})\b")),
    ("author", guarded(rf"(?m)^[ \t]*{BYLINE}{NAME}(?:,[ \t]+{NAME})*,?[ \t]+and[ \t]+(?P<n>{NAME})\b")),
]
WEAK_ROLES = {"named", "sentenced", "reported", "official", "legalRepresentative", "agent", "author"}
# what a capitalised phrase before "was sentenced" holds when it names a body, not a person
BODY_WORDS = {"Court", "Bureau", "Ministry", "Department", "Office", "Procuratorate", "Committee", "Government",
              "Police", "Province", "City", "County", "District", "Company", "Group", "University", "Administration",
              "Commission", "Party", "Center", "Centre", "Association", "Station", "Branch", "Team"}
TITLE_CUES = [
    guarded(rf"\b[Cc]ase of (?P<n>{NAME})['’]s\b"),
    guarded(rf"(?:^|:[ \t]*)(?P<n>{NAME})['’]s[ \t]+(?:Court[ \t]+)?(?:Judgment|Case|Trial|Appeal|Sentence|Conviction)\b"),
]
BENCH_EN = guarded(rf"^[ \t]*(?=[A-Z])(?P<role>(?:[A-Z][a-z'’]+[ \t]+(?:[A-Za-z][a-z'’]+[ \t]+)?)?(?i:judges?|assessor|"
                   rf"juror|clerc?k|assistan(?:t|ce)|secretary|recorder))[ \t]*:?[ \t]+(?P<n>{NAME})[ \t]*$")
ZH_BENCH_ROLES = {"审判长": "judge", "审判员": "judge", "代理审判员": "judge", "助理审判员": "judge",
                  "人民陪审员": "judge", "陪审员": "judge", "法官助理": "clerk", "书记员": "clerk"}
ZH_BENCH = guarded(rf"^(?P<role>{'|'.join(sorted(ZH_BENCH_ROLES, key=len, reverse=True))})(?P<n>[{CJK}·]{{2,8}})$")
ZH_CUES = [
    # "被告人王某某，", "被告人刘某在微信群中" (a surname and 某 ends where the 某 do), "被告人：魏培明，男，"
    ("defendant", guarded(rf"(?:被告人|上诉人|被上诉人)(?:[（(][^）)]{{0,12}}[）)])?[:：]?"
                             rf"(?P<n>[{CJK}]{{1,2}}某{{1,2}}(?!某)|[{CJK}]{{2,4}}?(?=[，,（(。、\s]))")),
    ("defenseCounsel", guarded(rf"辩护人(?P<n>[{CJK}]{{2,4}}?)(?=[，,（(。、\s])")),
    # a profile's opening: "任三动，男，1952年出生" (a line or a sentence begins with the name, then the sex)
    ("named", guarded(rf"(?:^|(?<=[。\n]))[ \t\u3000]*(?P<n>[{CJK}]{{2,4}})[，,](?:男|女)[，,]", re.MULTILINE)),
    # 记者 张华, 主笔人:张单宁, 通讯员 李明
    ("author", guarded(rf"(?m)(?:记者|通讯员|主笔人)[ \t\u3000:：]*(?P<n>[{CJK}]{{2,3}}?)(?=[ \t\u3000，,、。)）]|报道|$)")),
]
COMPOUND_SURNAMES = ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "司徒", "夏侯")


@dataclass
class PersonMention:
    start: int
    end: int
    name: str  # as written
    lang: str
    role: str = ""  # defendant, defenseCounsel, judge, clerk, procurator, witness, ...
    order: int = 0  # position in a signature block


@dataclass
class Person:
    """One person in one document: a preferred name, its Chinese form, every mention."""

    name: str
    zh_name: str = ""
    roles: list[str] = field(default_factory=list)
    mentions: list[PersonMention] = field(default_factory=list)


@cache
def _zh_surnames() -> frozenset[str]:
    return frozenset(data_lines("surnames-zh.txt"))


@cache
def _zh_cues() -> dict[str, str]:
    return {cue: role for cue, role in data_rows("person-cues-zh.tsv")}


@cache
def _zh_anonymised() -> Pattern:
    """张某, 王某某, 李某甲: a common surname and 某 (not 于某日, 某处)."""
    surnames = "|".join(sorted(_zh_surnames(), key=len, reverse=True))
    return guarded(rf"(?:{surnames})某{{1,2}}(?:[甲乙丙丁戊己庚辛]|\d(?!\d))?(?![某日年月时处些种个地])")


PSEUDONYM = guarded(r"[(（]化名[)）]")


@cache
def _zh_role_cues() -> tuple[Pattern, dict[str, str]]:
    """A role word and the name right after it, in running text: "指派代理检察员相东明出庭", "审判员刘国宏二〇一四年
    十一月五日书记员张健敏" (a judgment published as one run of text), "检察员刘辉及俞庶言出庭"."""
    roles = {**_zh_cues(), **ZH_BENCH_ROLES}
    words = "|".join(sorted(roles, key=len, reverse=True))
    # a name's characters may be spaced out ("审判员 雷 宏二〇二〇年七月二十一日书记员 王富民附相关法律条文")
    name = (rf"[{CJK}](?:[ 　]?[{CJK}]){{1,2}}?(?=出庭|到庭|及|和|[、，,。；;（(\s]|{words}|[〇零一二三四五六七八九]{{4}}年|"
            r"附[：:]?\s*(?:本|相关|有关)|$)")
    return guarded(rf"(?P<role>{words})[:：]?[ 　]*(?P<n>{name})(?:(?:及|、|和)(?P<n2>{name}))?"), roles


def _zh_cued_names(text: str) -> list[PersonMention]:
    rx, roles = _zh_role_cues()
    out = []
    for m in rx.finditer(text):
        for g in ("n", "n2"):
            name = re.sub(r"[ 　]", "", m.group(g) or "")
            if name and "某" not in name and _zh_name_like(name):
                out.append(PersonMention(m.start(g), m.end(g), name, "zh", roles[m.group("role")]))
    return out


def _zh_name_like(name: str) -> bool:
    """Could the characters after a role word be a name: not 的谅解, not a word of the dictionary such as 助理."""
    if name[0] in "的之等及和与在对向由被将":
        return False
    found = segment.phrase(name)
    return len(found) > 1 or found[0].tag.startswith("nr")


def _zh_surname_first(name: str) -> bool:
    surnames = _zh_surnames()
    return (2 <= len(name) <= 3 and name[0] in surnames) or (3 <= len(name) <= 4 and name[:2] in surnames)


def _zh_running_names(text: str) -> list[PersonMention]:
    """Chinese people named in running text: an anonymised name (张某); a word the segmenter tags as a
    personal name that begins with a common surname, where a cue says it is a person (a pseudonym mark
    "周海(化名)", a role word before it "被害人王芳") or the text names it more than once."""
    out = [PersonMention(m.start(), m.end(), m.group(), "zh", "named") for m in _zh_anonymised().finditer(text)]
    if not has_cjk(text):
        return out
    out += _zh_cued_names(text)
    cues = _zh_cues()
    found = segment.words(text)
    names = [(k, w) for k, w in enumerate(found) if w.tag == "nr" and _zh_surname_first(w.text) and "某" not in w.text]
    seen = Counter(w.text for _k, w in names)
    for k, w in names:
        before = found[k - 1].text.rstrip(":：") if k else ""
        role = cues.get(before) or ("named" if PSEUDONYM.match(text, w.end) or seen[w.text] > 1 else "")
        if role:
            out.append(PersonMention(w.start, w.end, w.text, "zh", role))
    return out


@cache
def _pinyin_surnames() -> frozenset[str]:
    """The surnames an English text may write: the curated list, and every reading of each one-character
    Chinese surname (查 is read chá and zhā: "Cha Wenming" and "Zha Jianying" both begin with a surname)."""
    single = {surname for surname in _zh_surnames() | _surname_readings().keys() if len(surname) == 1}
    readings = {reading.capitalize() for surname in single for reading in _readings(surname)}
    return frozenset(data_lines("surnames-pinyin.txt")) | readings


@cache
def _surname_readings() -> dict[str, str]:
    return {surname: reading for surname, reading in data_rows("surnames.tsv")}


@cache
def _pinyin_dict() -> dict[str, str]:
    """pypinyin's character dictionary (code point -> readings). Read from its data file, since
    importing pypinyin also loads its phrase dictionary, which names do not need and which costs more
    than a whole build of a small corpus."""
    spec = importlib.util.find_spec("pypinyin")
    data = Path(next(iter(spec.submodule_search_locations))) / "pinyin_dict.json" if spec else None
    if data is not None and data.exists():
        return json.loads(data.read_text(encoding="utf-8"))
    from pypinyin.pinyin_dict import pinyin_dict

    return {str(k): v for k, v in pinyin_dict.items()}


def _readings(ch: str) -> list[str]:
    """A character's readings without tones, the most common first (pypinyin's dictionary)."""
    readings = _pinyin_dict().get(str(ord(ch)))
    if not readings:
        return [ch]
    plain = unicodedata.normalize("NFD", readings.replace("ü", "u"))
    return list(dict.fromkeys("".join(c for c in plain if not unicodedata.combining(c)).split(",")))


def _syllable(ch: str) -> str:
    """The most common reading of a character, without tones."""
    return _readings(ch)[0]


def romanise(zh: str) -> str:
    """Pinyin in the order the English texts write Chinese names: "郑文伟" -> "Zheng Wenwei"."""
    zh = re.sub(r"\s+", "", zh)
    if "·" in zh:  # a transliterated name in parts: "阿里木江·吐尔逊" -> "Alimujiang Tuerxun"
        return " ".join(romanise(part).replace(" ", "").capitalize() for part in zh.split("·") if part)
    readings = _surname_readings()
    surname_len = 2 if zh[:2] in readings or zh.startswith(COMPOUND_SURNAMES) else 1
    surname = readings.get(zh[:surname_len]) or "".join(_syllable(c) for c in zh[:surname_len])
    given = "".join(_syllable(c) for c in zh[surname_len:])
    if len(zh) >= 4 and surname_len == 1:
        return (surname + given).capitalize()  # a transliterated name: "莫扎帕尔" -> "Mozhapaer"
    return f"{surname.capitalize()} {given.capitalize()}" if given else surname.capitalize()


def _en_mentions(text: str, title_end: int, is_judgment: bool) -> list[PersonMention]:
    out: list[PersonMention] = []
    for role, rx in EN_CUES:
        for m in rx.finditer(text):
            name = _clean(m.group("n"))
            if name:
                s = m.end("n") - len(name)  # "Defendant Li Mou is sentenced": the name is what _clean leaves
                out.append(PersonMention(s, s + len(name), name, "en", role))
                if role in ("defendant", "defenseCounsel"):  # "defendants Li Ming, Wang Qiang and Zhao Lei"
                    out += _listed(text, s + len(name), role)
    if is_judgment:
        for rx in TITLE_CUES:
            for m in rx.finditer(text[:title_end]):
                out.append(PersonMention(m.start("n"), m.end("n"), m.group("n"), "en", "defendant"))
    order = 0
    for line in lines(text) if BENCH_EN.may_match(text) else ():  # a bench line holds a bench word
        m = BENCH_EN.match(line.text)
        # after a bench role "He Yun" is a name: the surname He, not the pronoun
        if m and (_clean(m.group("n")) == m.group("n") or _surname_and_given(m.group("n"))):
            role = m.group("role").lower()
            kind = "clerk" if re.search(r"assist|cler|secretar|record", role) else "judge"
            order += 1
            s = line.start + m.start("n")
            out.append(PersonMention(s, s + len(m.group("n")), m.group("n"), "en", kind, order))
    return out


LISTED = guarded(rf"(?:[ \t]*,[ \t]*(?:and[ \t]+)?|[ \t]+and[ \t]+)(?P<n>{NAME})\b(?![ \t]*(?:'s|’s))")


def _listed(text: str, pos: int, role: str) -> list[PersonMention]:
    """The further names of a list that a role cue opens; a list ends in "and NAME" ("defendants Li Ming,
    Wang Qiang and Zhao Lei"), which tells it from a name followed by a place ("Li Ming, Haidian District")."""
    out: list[PersonMention] = []
    closed = False
    while (m := LISTED.match(text, pos)) and (name := _clean(m.group("n"))) == m.group("n") and " " in name:
        out.append(PersonMention(m.start("n"), m.end("n"), name, "en", role))
        closed = "and" in text[pos:m.start("n")]
        pos = m.end("n")
        if closed:
            break
    return out if closed else []


def _surname_and_given(name: str) -> bool:
    words = name.split()
    return len(words) == 2 and words[0] in _pinyin_surnames() and words[1] not in CAP_STOP


def _clean(name: str) -> str:
    """Drop words that cannot be part of a name (sentence openers, roles): what is left ends where `name`
    ends, or is empty."""
    words = name.replace("\t", " ").split(" ")
    # "He Chaohong": a surname that is also a sentence opener stays before a given name
    while words and words[0] in CAP_STOP and not (
            len(words) > 1 and words[0] in _pinyin_surnames() and words[1] not in CAP_STOP):
        words.pop(0)
    if words and words[-1] in CAP_STOP:
        return ""
    return " ".join(words)


GLOSSED = guarded(rf"(?P<n>{NAME})[ \t]*[(（](?P<zh>[{CJK}·]{{2,8}})[)）]")


def _glossed_names(text: str) -> list[PersonMention]:
    """"Xu Zhiyong (许志永)": an English name glossed with the Chinese name it romanises is a person."""
    out = []
    for m in GLOSSED.finditer(text):
        name = _clean(m.group("n"))
        if name and romanise(m.group("zh")).replace(" ", "").lower() == name.replace(" ", "").replace("-", "").lower():
            s = m.end("n") - len(name)
            out.append(PersonMention(s, s + len(name), name, "en", "named"))
            out.append(PersonMention(m.start("zh"), m.end("zh"), m.group("zh"), "zh", "named"))
    return out


ZH_SPACING = re.compile(r"[ \t\u3000]+")  # what a bench line spaces its words with ("审 判 长  郑文伟")


def _zh_mentions(text: str) -> list[PersonMention]:
    out: list[PersonMention] = []
    order = 0
    # a bench line ("审 判 长  郑文伟") holds a role's word once its spaces are squeezed out: only then read line by line
    for line in lines(text) if ZH_BENCH.may_match(ZH_SPACING.sub("", text)) else ():
        squeezed = ZH_SPACING.sub("", line.text)
        m = ZH_BENCH.match(squeezed)
        if not m:
            continue
        order += 1
        name = m.group("n")
        # the offsets of the name's characters in the spaced line
        chars = [i for i, ch in enumerate(line.text) if not ch.isspace()]
        first = chars[len(m.group("role"))]
        last = chars[len(m.group("role")) + len(name) - 1]
        out.append(PersonMention(line.start + first, line.start + last + 1, name, "zh",
                                 ZH_BENCH_ROLES[m.group("role")], order))
    for role, rx in ZH_CUES:
        for m in rx.finditer(text):  # a name: anonymised, or a common surname first (not 被告人提供结婚证)
            name = m.group("n")
            if "某" in name or "·" in name or _zh_surname_first(name):
                out.append(PersonMention(m.start("n"), m.end("n"), name, "zh", role))
    return out


def _distance_one(a: str, b: str) -> bool:
    """Are a and b one insertion, deletion or substitution apart?"""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i + (len(a) == len(b)):] == b[i + 1:]


def find(text: str, title_end: int, is_judgment: bool, bodies: Sequence[tuple[int, int]] = (),
         running: bool = True) -> list[Person]:
    """The people of one document, each with all its mentions; no mention overlaps one of `bodies`, the
    spans of named courts, agencies, organisations ("Defendant: Beijing Municipal Cyberspace
    Administration" names no person); `running`: Chinese names in running text too (not in rules)."""
    mentions = _en_mentions(text, title_end, is_judgment) + _zh_mentions(text) + _glossed_names(text)
    if running:
        mentions += _zh_running_names(text)
    mentions = _dedupe([m for m in mentions if not any(s < m.end and m.start < e for s, e in bodies)
                        or _holds_bodies(m, bodies)])
    # a single word found by a weak cue ("Zhang was sentenced") is a surname, not a person of its own; and
    # words found by a weak cue are a name when they begin with a Chinese surname or the text repeats them
    # ("Tibetan Monk Sentenced to ..." is not), or, in running text, stand before "was sentenced" and name
    # no body ("Tashi Wangchuk was sentenced to five years")
    mentions = [m for m in mentions if m.lang == "zh" or m.role not in WEAK_ROLES or (
        " " in m.name and (m.name.split()[0] in _pinyin_surnames() or text.count(m.name) > 1 or (
            m.role == "reported" and not BODY_WORDS & set(m.name.split()))))]
    groups: dict[str, Person] = {}
    for m in mentions:
        key = squeeze_cjk(m.name) if m.lang == "zh" else m.name
        person = groups.setdefault(key, Person(m.name if m.lang == "en" else romanise(m.name),
                                               zh_name=squeeze_cjk(m.name) if m.lang == "zh" else ""))
        person.mentions.append(m)
    people = list(groups.values())
    people = _merge_misspellings(people)
    people = _merge_chinese(people)
    people = [p for p in people if not _inside_longer(text, p, people)]
    for p in people:
        p.roles = sorted({m.role for m in p.mentions if m.role})
    _repeated_mentions(text, people, list(bodies))
    return people


def _inside_longer(text: str, person: Person, people: list[Person]) -> bool:
    """Is every mention of a Chinese name part of another person's longer name as the text writes it (a
    segmenter's 向海 inside 被告人岳向海犯抢劫罪)?"""
    short = person.zh_name
    longer = [p.zh_name for p in people if short and p.zh_name != short and short in p.zh_name]
    return bool(longer) and all(any(text.startswith(name, m.start - k) for name in longer
                                    for k in range(len(name) - len(short) + 1) if m.start >= k)
                                for m in person.mentions)


def _holds_bodies(m: PersonMention, bodies: Sequence[tuple[int, int]]) -> bool:
    """A name a role names ("Defendant: Hu Huawei") that begins with a surname holds the bodies within it
    (the company Huawei is his given name)."""
    return m.lang == "en" and m.role not in WEAK_ROLES and m.name.split()[0] in _pinyin_surnames() and all(
        m.start < s and e <= m.end for s, e in bodies if s < m.end and m.start < e)


def anonymised(person: Person) -> bool:
    """A name a court writes in place of the person's own: a surname and 某 ("李某", "陈某某"), in pinyin
    "Li Mou", "Chen Moumou", or a surname and X ("Zhang X")."""
    given = person.name.split()[1:]
    return "某" in person.zh_name or bool(given) and all(re.fullmatch(r"(?:Mou)+|X{1,3}", g, re.IGNORECASE)
                                                         for g in given)


def _dedupe(mentions: list[PersonMention]) -> list[PersonMention]:
    """One mention per place: of mentions that start inside one kept before (they come in text order, so
    only the last kept can hold them), the first is kept, taking the role of a later one where its own is
    weak."""
    kept: list[PersonMention] = []
    for m in sorted(mentions, key=lambda m: (m.start, -m.end, m.role == "named", m.role)):
        if kept and kept[-1].start <= m.start < kept[-1].end:
            existing = kept[-1]
            if not existing.role or existing.role in ("named", "sentenced", "reported"):
                existing.role = m.role or existing.role
            continue
        kept.append(m)
    return kept


def _merge_misspellings(people: list[Person]) -> list[Person]:
    """A name written once or twice that is one letter off a name written often is that name."""
    english = sorted((p for p in people if not p.zh_name), key=lambda p: -len(p.mentions))
    merged: list[Person] = []
    for p in english:
        target = next((q for q in merged if len(q.mentions) >= 3 and len(p.mentions) <= 2
                       and len(q.name.split()) == len(p.name.split()) > 1
                       and _distance_one(q.name.lower(), p.name.lower())
                       and {m.role for m in p.mentions} & {m.role for m in q.mentions}), None)
        if target:
            target.mentions.extend(p.mentions)
        else:
            merged.append(p)
    return merged + [p for p in people if p.zh_name]


def _merge_chinese(people: list[Person]) -> list[Person]:
    """A Chinese name is the English-named person whose spelling is its pinyin, or who holds the
    same place in the English signature block."""
    english = [p for p in people if not p.zh_name]
    chinese = [p for p in people if p.zh_name]
    out = list(english)
    for z in chinese:
        spelled = z.name.replace(" ", "").lower()
        match = next((e for e in english if e.name.replace(" ", "").replace("-", "").lower() == spelled), None)
        if match is None:
            zm = z.mentions[0]
            match = next((e for e in english if zm.order and any(
                m.order == zm.order and m.role == zm.role for m in e.mentions)), None)
        if match is None:
            out.append(z)
            continue
        match.zh_name = z.zh_name
        match.mentions.extend(z.mentions)
    return out


def _occurrences(text: str, word: str) -> Iterator[int]:
    """Where `word` occurs in `text`, none overlapping the one before (as a pattern's matches)."""
    start = text.find(word)
    while start >= 0:
        yield start
        start = text.find(word, start + len(word))


def _repeated_mentions(text: str, people: list[Person], taken: list[tuple[int, int]]) -> None:
    """Add every further mention of a person by full name, and by surname alone where the surname
    is nobody else's ("Duan" in a text about Duan Zheng), outside the spans `taken`."""
    taken += [(m.start, m.end) for p in people for m in p.mentions]
    for p in people:
        # an English name standing alone; a Chinese name of three characters or more ("陈某某", "王婧妍"), or a
        # surname and 某 ("赵某"), anywhere but before another 某 ("赵某" is not in "赵某某"): a shorter one may
        # be part of other words ("主张强调" holds 张强)
        found = [(w, "en", standing_alone(text, w, ".", "-")) for w in sorted({m.name for m in p.mentions
                                                                              if m.lang == "en"})]
        found += [(w, "zh", (i for i in _occurrences(text, w) if text[i + len(w):i + len(w) + 1] != "某"))
                  for w in sorted({m.name for m in p.mentions if m.lang == "zh" and (
                      len(m.name) >= 3 or m.name.endswith("某"))})]
        for written, lang, starts in found:
            for start in starts:
                if not any(s <= start < e for s, e in taken):
                    p.mentions.append(PersonMention(start, start + len(written), written, lang))
                    taken.append((start, start + len(written)))
    surnames: dict[str, list[Person]] = {}
    for p in people:
        words = p.name.split()
        if len(words) > 1 and not p.name.startswith(("Mr.", "Ms.", "Mrs.", "Dr.")):
            surnames.setdefault(words[0], []).append(p)
    for surname, owners in surnames.items():
        if len(owners) != 1 or surname in CAP_STOP:  # "He" alone is the pronoun, not He Xiaomei
            continue
        for start in standing_alone(text, surname, ".", "-"):
            end = start + len(surname)
            if GIVEN_NAME_NEXT.match(text, end):
                continue
            after_name = re.search(r"(?:[A-Z][a-z]+|Mrs?\.|Ms\.)[ \t]+$", text[max(0, start - 16):start])
            if not after_name and not any(s <= start < e for s, e in taken):
                owners[0].mentions.append(PersonMention(start, end, surname, "en"))
