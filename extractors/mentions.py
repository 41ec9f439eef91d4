"""Find the names of courts, agencies, organisations, platforms, places and statutes in a text.

Two sources: the curated gazetteers (well-known bodies and platforms, in English and Chinese) and
naming patterns (a court is "<place> ... People's Court [of <place>]", a place "<Name> County", a law
firm "<Name> Law Firm", a statute a quoted title with a statute word or a 《title》, a website
"<name> website", ...). Overlaps are settled longest first; places may sit inside other names
("Yining County People's Court"), which is how an agency or court gets its `locatedIn`.
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from dataclasses import dataclass, field
from functools import cache
from itertools import accumulate

from . import divisions, segment
from .gazetteer import Entry, gazetteer
from .text import CJK, fold, has_cjk, standing_alone
from .triggers import Pattern, guarded

# Capitalised words that begin sentences or roles and are never part of a proper name.
CAP_STOP = {
    "The", "This", "That", "These", "Those", "A", "An", "On", "In", "At", "By", "For", "From", "With",
    "To", "Of", "And", "Or", "But", "If", "When", "Where", "After", "Before", "During", "Under", "Upon",
    "Given", "Based", "According", "Pursuant", "Defendant", "Defendants", "Appellant", "Appellants",
    "Appellee", "Plaintiff", "Witness", "Procurator", "Judge", "Presiding", "Clerk", "Prosecuting",
    "Agency", "Is", "Was", "As", "Both", "Each", "All", "Any", "Since", "Until", "While", "Because", "It",
    "He", "She", "They", "We", "His", "Her", "Their", "Its", "Our", "Translation", "Article", "Articles",
    "Chapter", "Mr", "Ms", "Mrs", "Dr", "Also", "Then", "Thus", "Therefore", "However", "Furthermore",
    "Moreover", "Local", "National", "Relevant", "Such", "Other", "Criminal", "Civil", "Administrative",
    "Acting", "Assessor", "Issued", "Instance", "Internet", "Order", "Decree", "Announcement", "Circular",
    "Unit",
}
TOKEN = r"(?:[A-Z][A-Za-z0-9'’\-]*|No\.\s?\d+|\d+(?:st|nd|rd|th)?)"
UNIT_NOUNS = {"Division", "Branch", "Department", "Office", "Bureau", "Detachment", "Brigade", "Team", "Section",
              "Unit", "Squad", "Corps", "Force", "Station", "Sub-bureau", "Subbureau"}

PLACE_SUFFIX = (r"(?:Autonomous\s+(?:Region|Prefecture|County|Banner)|Special\s+Administrative\s+Region|"
                r"New\s+Area|District|County|Prefecture|Province|City|Municipality|Township|Town|Village|Banner|League)")
SHORT_ZH_NAME = 3  # a known Chinese name this short is one only where it is a word of its own
OF_NESTED = {"Ministry", "Commission", "Bureau", "Department", "Office", "Administration"}  # bodies "of" a body
PLACE_HEADS = {"Region", "Prefecture", "County", "Banner", "Area", "District", "Province", "City", "Municipality",
               "Township", "Town", "Village", "League", "Zone"}  # a place's last word
# a place's name: no body ("人民法院") and no verb ("审理", "指控") inside it
ZH_PLACE = rf"(?:(?:(?!人民|院|审理|指控)[{CJK}]){{2,8}}?(?:省|自治区|市|自治州|地区|盟|自治县|县|区|旗))"
STATUTE_WORDS = guarded(r"\b(?:Laws?|Provisions|Regulations?|Rules|Measures|Notice|Decision|Interpretations?|"
                        r"Opinions?|Constitution|Code|Guidelines|Methods|Circular|Penalties)\b")
REPORTING_VERB = guarded(r"\s*(?:posted|reported|published|announced|said|stated|wrote)\b")


@dataclass
class Cand:
    """A candidate mention: a span of the text naming an entity of class `cls`."""

    start: int
    end: int
    cls: str
    name: str
    lang: str = "en"
    gid: str = ""  # gazetteer id
    keys: set[str] = field(default_factory=set)
    zh_name: str = ""
    gazetteer: bool = False

    @property
    def surface_len(self) -> int:
        return self.end - self.start


def _tokens_left(text: str, pos: int, units: bool = True) -> list[tuple[int, str]]:
    """Capitalised tokens (with `of the` joins after unit nouns) immediately left of `pos`."""
    out: list[tuple[int, str]] = []
    i = pos
    while True:
        m = re.search(rf"({TOKEN})[ \t]+$", text[max(0, i - 60):i])
        if not m:
            j = re.search(r"(\b[A-Z][\w'’-]*)[ \t]+of[ \t]+(?:the[ \t]+)?$", text[max(0, i - 60):i])
            if units and j and out and j.group(1) in UNIT_NOUNS:  # "First Division of the Beijing ..."
                i = max(0, i - 60) + j.start(1)
                out.insert(0, (i, j.group(0).rstrip()))
                continue
            a = re.search(r"\b([A-Z][a-z]+)[ \t]+and[ \t]+$", text[max(0, i - 60):i])
            if a and out and a.group(1) in DISTRICT_WORDS and out[0][1] in DISTRICT_WORDS:
                i = max(0, i - 60) + a.start(1)  # "Economic and Technological Development Zone"
                out.insert(0, (i, a.group(0).rstrip()))
                continue
            break
        tok = m.group(1)
        if tok.endswith(("'s", "’s")) and units and out and out[0][1].split()[0] in UNIT_NOUNS and \
                tok[:-2] in PLACE_HEADS:
            i = max(0, i - 60) + m.start(1)  # "Development Zone’s Branch of the Yangzhou Public Security Bureau"
            out.insert(0, (i, tok))
            continue
        if tok in CAP_STOP or tok.endswith(("'s", "’s")):
            break
        i = max(0, i - 60) + m.start(1)
        out.insert(0, (i, tok))
    while out and out[0][1].split()[0] in CAP_STOP:
        out.pop(0)
    return out


def _of_chain(text: str, pos: int) -> int:
    """End of an `of [the] Place Name` chain right of `pos` (or `pos` when there is none)."""
    m = re.match(rf"[ \t]+of[ \t]+(?:the[ \t]+)?((?:{TOKEN})(?:[ \t]+(?:and[ \t]+)?(?:{TOKEN}))*)", text[pos:])
    if not m:
        return pos
    words = m.group(1).split()
    kept: list[str] = []
    for k, w in enumerate(words):
        if w.endswith(("'s", "’s")) and w[:-2] != "People" and k + 1 < len(words) and words[k + 1][0].isupper() \
                and words[k + 1] not in CAP_STOP:
            kept.append(w)  # "the Public Security Bureau of Dalian's Ganjingzi Precinct"
            continue
        if w == "and" and kept and kept[-1] in DISTRICT_WORDS and words[k + 1] in DISTRICT_WORDS:
            kept.append(w)  # "of Yangzhou Economic and Technological Development Zone"
            continue
        if w in CAP_STOP or w == "and" or w.endswith(("'s", "’s")) or w.startswith("No."):
            break
        kept.append(w)
    if not kept:
        return pos
    chain = re.match(r"\S+" + "".join(r"\s+\S+" for _ in kept[1:]), m.group(1))
    end = pos + m.start(1) + chain.end()
    follow = text[end:end + 12]
    if re.match(r"\s+website", follow):
        return pos
    if kept[-1] in PLACE_HEADS or kept[-1] in OF_NESTED:  # "of Hedong District of Tianjin", "of the Ministry of ..."
        return _of_chain(text, end)
    return end


def _anchored(text: str, anchor: Pattern, cls: str, *, need_modifier: bool = True,
              unit_suffix: bool = False, of_place: bool = False) -> list[Cand]:
    """Names around an anchor: capitalised words before it (`need_modifier`: at least one, or with
    `of_place` an "of <Place>" after it: "the People's Court of Pudong New Area")."""
    out = []
    for m in anchor.finditer(text):
        left = _tokens_left(text, m.start())
        if need_modifier and not left and not (of_place and _of_chain(text, m.end()) > m.end()):
            continue
        start = left[0][0] if left else m.start()
        end = m.end()
        if unit_suffix:
            s = re.match(rf"((?:[ \t]+{TOKEN}){{1,4}})", text[end:])
            if s and s.group(1).split()[-1] in UNIT_NOUNS:
                end += len(s.group(1))
        end = _of_chain(text, end)
        if of_place and all(w in COURT_LEVELS for _s, w in left) and (after := COMMA_PLACE.match(text, end)):
            end = after.end()  # "Intermediate People's Court, Chuxiong Yi Autonomous Prefecture, Yunnan"
        name = re.sub(r"\s+", " ", text[start:end])
        out.append(Cand(start, end, cls, name))
    return out


COURT_LEVELS = {"Intermediate", "Higher", "High", "Basic", "Primary"}
# the place after a court that names none before it, and its province where the line ends there
COMMA_PLACE = guarded(rf"[ \t]*,[ \t]+(?:[A-Z][\w'’-]*[ \t]+){{1,4}}?{PLACE_SUFFIX}(?:,[ \t]+[A-Z][a-z]+(?=[ \t]*(?:\n|$)))?")
# "The court of Wuhua District in ... Kunming": a court a report names by its district
COURT_OF_PLACE = guarded(rf"(?<=\b[Tt]he[ \t])court[ \t]+of[ \t]+(?:[A-Z][\w'’-]*[ \t]+){{1,3}}{PLACE_SUFFIX}\b")
COURT_ANCHOR = guarded(r"\bPeople['’]s\s+Court\b|\b(?:Intermediate|Higher|High|Basic|Internet|Maritime)\s+Court\b")
PROC_ANCHOR = guarded(r"\bPeople['’]s\s+Procuratorate\b")
AGENCY_ANCHOR = guarded(r"\b(?:Public\s+Security\s+(?:Bureau|Department|Sub-?bureau)|State\s+Security\s+Bureau|"
                        r"Police\s+(?:Station|Department)|Procuratorate|Cyberspace\s+(?:Administration|Affairs\s+Office)|"
                        r"Internet\s+Information\s+Office)\b")
MINISTRY_ANCHOR = guarded(r"\bMinistry(?=[ \t]+of[ \t]+[A-Z])")
AGENCY_OF_ANCHOR = guarded(r"\b(?:Administration|Commission|Bureau|Department|Office)(?=[ \t]+(?:of|for)[ \t]+"
                           r"(?:the[ \t]+)?[A-Z])")
RULE_SUBJECT = guarded(r"\b(?:Measures|Provisions|Regulations|Rules)\s+(?:for|on|concerning|regarding)\s+(?:the\s+)?$")
COMPANY_ANCHOR = guarded(r"\b(?:Co\.,?[ \t]*Ltd\.?|Co\.[ \t]+Limited|Company[ \t]+Limited|"
                         r"Limited[ \t]+Liability[ \t]+Company|Corporation|Corp\b\.?|Inc\b\.?)")
SCHOOL_ANCHOR = guarded(r"\b(?:University|College|Academy)\b")  # "Minzu University of China", "University of ..."
# "Beijing Weiheng (Tianjin) Law Firm" (a branch in brackets); "Liaoning LijinLaw Firm" (a word glued to Law)
FIRM_WORD = rf"(?:{TOKEN}|\([A-Z][a-z]+\))"
LAW_FIRM = guarded(rf"((?:{FIRM_WORD}[ \t]+){{1,5}}|(?:{FIRM_WORD}[ \t]+){{0,4}}[A-Z][a-z]+(?=Law))Law[ \t]+(?:Firm|Office|Offices)\b")
DISTRICT_WORDS = {"New", "Economic", "Development", "Technology", "Technological", "Industrial", "High", "Free",
                  "Trade", "Special", "Administrative", "Scenic", "Central", "Old", "Port", "Mining"}
INNER_SUFFIX = guarded(r"Province|City|Municipality|Municipal|Prefecture|Region|County|Banner|League")
PLACE_ANCHOR = guarded(rf"\b{PLACE_SUFFIX}\b|\b(?:district|county|township|town|village)\b")  # "from Lujia township"
# a court or a body, not begun inside a verb ("...人民法院审理上海市...人民检察院")
ZH_COURT = guarded(rf"(?<![审指]){ZH_PLACE}+(?:第[一二三四五六七八九十]+)?(?:中级|高级|基层)?(?:人民)?法院(?:[{CJK}]{{2,10}}?分院)?")
ZH_PLACE_END = ("省", "自治区", "市", "自治州", "地区", "盟", "自治县", "县", "区", "旗", "镇", "乡")
ZH_PLACE_LAST = frozenset(end[-1] for end in ZH_PLACE_END)
ZH_LEVEL = ("省", "市", "县", "区", "旗", "镇", "乡")
ZH_LEVEL_WORD = tuple("级域场民长委政村")  # a level's character that begins another word: 县级, 区域, 市场, 乡村
ZH_AGENCY = guarded(rf"(?<![审指]){ZH_PLACE}+(?:人民检察院(?:第[一二三四五六七八九十]+分院)?|公安局(?:[{CJK}]{{2,6}}?分局)?|"
                    rf"公安厅|[{CJK}]{{2,6}}?派出所|国家安全局|互联网信息办公室)")
ZH_LEAD = guarded(r"^(?:原?(?:公诉|抗诉)机关|[在向由经被对和与及或的于是将把给从自到为并及其])+")  # not the body's name
QUOTED = guarded(r"[\"“]([A-Z][^\"“”\n]{5,220}?)[,.]?[\"”]")
ZH_BOOK = guarded(r"《([^《》\n]{2,80})》")
BARE_LAW = guarded(rf"((?:{TOKEN}[ \t]+){{1,6}}(?:Law|Code))(?:\s+of\s+the\s+People['’]s\s+Republic\s+of\s+China)?"
                   r"(?!\s+[A-Z])")
# an unquoted title that names its issuer: "Interpretation of the Supreme People's Court and the Supreme People's
# Procuratorate on Several Issues Concerning the Application of Law in Handling ...", "Decision of the Standing
# Committee of the National People's Congress on Strengthening Network Information Protection"
TITLE_WORD = r"(?:[A-Z][\w'’-]*|of|the|and|for|in|on|to|by|with|or)"
ISSUED_TITLE = guarded(
    r"\b(?:Interpretations?|Provisions|Decision|Opinions?|Notice|Measures|Regulations|Rules|Guidelines|Replies|Reply)"
    rf"[ \t]+of[ \t]+the[ \t]+[A-Z][\w'’-]*(?:,?[ \t]+{TITLE_WORD})*?[ \t]+on[ \t]+[A-Z][\w'’-]*(?:[ \t]+{TITLE_WORD})*")
# rules a report or a judgment names by their unquoted title: "the Provisions on the Administration of Deep
# Synthesis Internet Information Services"
RULES_TITLE = guarded(r"(?<=\b[Tt]he[ \t])(?:(?:Interim|Provisional|Administrative)[ \t]+)?(?:Provisions|Measures|"
                      rf"Regulations|Rules)[ \t]+(?:on|for)[ \t]+(?:the[ \t]+)?[A-Z][\w'’-]*(?:[ \t]+{TITLE_WORD})*")
# "Interim Provisions of the People's Republic of China on the Administration of ...", "Regulations of the
# People's Republic of China for the Security Protection of Computer Information Systems", "Provisional
# Regulations of China's Administration of International Networking of Computer Information"
PRC_RULES = guarded(r"\b(?:(?:Interim|Provisional|Administrative)[ \t]+)?(?:Provisions|Measures|Regulations|Rules)[ \t]+"
                    r"of[ \t]+(?:the[ \t]+People['’]s[ \t]+Republic[ \t]+of[ \t]+China[ \t]+(?:on|for)|China['’]s)[ \t]+(?:the[ \t]+)?"
                    rf"[A-Z][\w'’-]*(?:[ \t]+{TITLE_WORD})*")
# "Law of the People's Republic of China on the Protection of Minors"
LAW_ON = guarded(r"\bLaw[ \t]+of[ \t]+the[ \t]+People['’]s[ \t]+Republic[ \t]+of[ \t]+China[ \t]+on[ \t]+(?:the[ \t]+)?"
                 rf"[A-Z][\w'’-]*(?:[ \t]+{TITLE_WORD})*")
TITLE_TAIL = guarded(r"(?:[ \t]+(?:of|the|and|for|in|on|to|by|with|or))+$")
PLATFORM_PATTERNS = [
    guarded(r"[\"“](?P<n>[^\"“”\n]{2,40}?)[.,]?[\"”]\s+(?:website|web\s?site|app|application|software|"
            r"platform|forum)\b"),
    guarded(r"\b(?:website|web\s?site|app|application|software|platform|forum)\s+(?:called|named)\s+"
            r"[\"“](?P<n>[^\"“”\n]{2,40}?)[.,]?[\"”]"),
    guarded(rf"(?<![\w'’])(?P<n>{TOKEN}(?:[ \t]+(?:of[ \t]+(?:the[ \t]+)?)?{TOKEN}){{0,4}})[ \t]+(?:website|web\s?site)\b"),
    guarded(r"(?<![\w'’])(?P<n>[A-Z][\w-]+(?<!ing))\s+VPN\b"),  # "Astrill VPN"; not "Using VPN"
]
# Chinese: quoted names before the kind of service they are ("“皮皮搞笑”网络社区平台", "“爱豆”“明星派”等移动应用程序"),
# and a name before 等 and such a kind after a list's comma ("、虎嗅等网站平台"); not accounts (“网易财经”等网络账号)
ZH_PLATFORM_KIND = r"(?:网络社区平台|网站平台|网络平台|平台|网站|移动应用程序|应用程序|APP|App|app|客户端|小程序)"
ZH_QUOTED_PLATFORMS = guarded(rf"(?:“[^“”\n]{{2,20}}”[、，]?)+(?:等)?(?={ZH_PLATFORM_KIND})")
ZH_LISTED_PLATFORM = guarded(rf"(?<=[、，,；;就对])[就对向在和与及]?(?P<n>[{CJK}A-Za-z0-9]{{2,6}}?)等(?={ZH_PLATFORM_KIND})")
ZH_NOT_A_PLATFORM = guarded(ZH_PLATFORM_KIND + "|部分|有关|相关|其他|一批")  # "部分网站等平台"
ZH_QUOTED_NAME = guarded(r"“([^“”\n]{2,20})”")
ZH_ACCOUNTS = guarded(r"(?:“[^“”\n]{2,20}”[、，]?)+等?(?:网络|自媒体|微博|微信)?(?:账号|帐号|公众号)")
PLATFORM_GENERIC = guarded(r"\s+(?:VPN|software|app|application|website|web\s?site|platform|service|"
                           r"messaging\s+service)$", re.IGNORECASE)


CITY_BEFORE_BODY = guarded(
    r"(?<![\w'’-])(?!(?:Province|City|Municipality|County|District|Region)\b)(?P<place>[A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?)"
    r"[ \t]+(?:(?:Intermediate|High|Higher|Basic)[ \t]+People['’]s"
    r"[ \t]+Court|People['’]s[ \t]+(?:Court|Procuratorate)|Public[ \t]+Security[ \t]+Bureau)\b")
ORDINAL = guarded(r"^(?:First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|No|Supreme|Military|"
                  r"Maritime|Internet|Railway|Forestry|Financial|Intellectual)$")


def _location_cands(text: str) -> list[Cand]:
    loc_gaz = gazetteer("Location")
    out = []
    for m in PLACE_ANCHOR.finditer(text):
        left = _tokens_left(text, m.start(), units=False)
        if not left:
            continue
        # "Beijing Haidian District": a known place in front is a place of its own; so is one with its own
        # suffix ("Jiangsu Province Wuxi City Binhu District": Binhu District)
        while len(left) > 1 and loc_gaz.lookup(left[0][1]) is not None:
            left.pop(0)
        inner = [k for k, (_, tok) in enumerate(left) if INNER_SUFFIX.fullmatch(tok)]
        if inner:
            left = left[inner[-1] + 1:]
        if len(left) > 4:
            continue
        # "Jingmen Dongbao District": a district's name is one word of pinyin, a city's name before it
        if m.group(0) == "District" and len(left) > 1 and all(re.fullmatch(r"[A-Z][a-z]+", t) and t not in
                                                              DISTRICT_WORDS for _, t in left):
            left = left[-1:]
        start = left[0][0]
        name = re.sub(r"\s+", " ", text[start:m.end()])
        out.append(Cand(start, m.end(), "Location", name))
    for m in CITY_BEFORE_BODY.finditer(text):  # "Linyi Intermediate People's Court": the city it serves
        words = m.group("place").split()
        while words and words[0] in CAP_STOP:
            words.pop(0)
        while words and words[-1] in ("High", "Higher", "Intermediate", "Basic", "Municipal", "Provincial"):
            words.pop()
        if words and not ORDINAL.match(words[0]) and not any(w in UNIT_NOUNS for w in words):
            place = " ".join(words)
            start = m.start("place") + m.group("place").index(place)
            # "Jiangsu Kunshan People's Court": a known place and the city in it are two places
            if len(words) == 2 and loc_gaz.lookup(words[0]) is not None:
                out.append(Cand(start, start + len(words[0]), "Location", words[0]))
                start = start + place.index(words[1], len(words[0]))
                place = words[1]
            out.append(Cand(start, start + len(place), "Location", place))
    for m in ZH_COURT.finditer(text):  # a court's place: the chain of places before it, named by the last
        begin = _zh_body_start(text, m.start(), m.end())  # ("浙江省海宁市" is 海宁市)
        levels = [p for p in re.finditer(ZH_PLACE, text[begin:m.end()]) if p.start() == 0 or (
            p.group(0).endswith(("省", "自治区", "市", "自治州", "县", "区")) and not _generic_zh_place(p.group(0)))]
        chain = [p for k, p in enumerate(levels) if k == 0 or p.start() == levels[k - 1].end()]
        if chain and not _generic_zh_place(chain[-1].group(0)):
            out.append(Cand(begin + chain[0].start(), begin + chain[-1].end(), "Location", chain[-1].group(0), "zh"))
    return out


def _gazetteer_cands(text: str) -> list[Cand]:
    out = []
    accounts = _account_names(text) if "“" in text else []
    for cls in ("Agency", "Court", "Organization", "Platform", "Location", "Statute"):
        for hit in gazetteer(cls).find(text):
            if hit.lang == "zh" and hit.end - hit.start <= SHORT_ZH_NAME:
                word = segment.word_at(text, hit.start)
                if word.end >= hit.end and word.end - word.start > hit.end - hit.start:
                    continue  # a short name inside a longer word: 油管 of 输油管线, 微博 of 微博客
            if hit.lang == "zh" and any(s <= hit.start and hit.end <= e for s, e in accounts):
                continue  # 网易 of the account “网易财经”
            out.append(Cand(hit.start, hit.end, cls, hit.entry.name, hit.lang, gid=hit.entry.id,
                            zh_name=hit.entry.zh_name, gazetteer=True))
    return out


def _account_names(text: str) -> list[tuple[int, int]]:
    """The spans of the names the text quotes as accounts ("“网易财经”“新浪微天下”等网络账号")."""
    return [(m.start() + q.start(1), m.start() + q.end(1)) for m in ZH_ACCOUNTS.finditer(text)
            for q in ZH_QUOTED_NAME.finditer(m.group(0))]


def _statute_cands(text: str) -> list[Cand]:
    out = []
    statutes = gazetteer("Statute")
    for m in QUOTED.finditer(text):
        title = m.group(1).strip().rstrip(".,")
        if STATUTE_WORDS.search(title) and len(title.split()) >= 2:
            entry = statutes.lookup(title)
            out.append(Cand(m.start(1), m.start(1) + len(title), "Statute", entry.name if entry else title,
                            gid=entry.id if entry else "", zh_name=entry.zh_name if entry else "",
                            gazetteer=entry is not None))
    for m in ZH_BOOK.finditer(text):
        title = m.group(1)
        if title.endswith(("请示", "请示报告")):  # a lower court's request (what a reply answers) is no law
            continue
        entry = statutes.lookup(title)
        out.append(Cand(m.start(1), m.end(1), "Statute", entry.name if entry else title, "zh",
                        gid=entry.id if entry else "", zh_name=entry.zh_name if entry else title,
                        gazetteer=entry is not None))
    out += _unquoted_titles(text, ISSUED_TITLE, LAW_ON, PRC_RULES)
    for m in BARE_LAW.finditer(text):
        words = m.group(0).split()
        while words and (words[0] in CAP_STOP or words[0].isdigit() or words[0].endswith(("'s", "’s"))):
            words.pop(0)
        if len(words) < 2:
            continue
        name = " ".join(words)
        start = m.end() - len(m.group(0)) + m.group(0).index(words[0])
        entry = statutes.lookup(name)
        out.append(Cand(start, m.end(), "Statute", entry.name if entry else name, gid=entry.id if entry else "",
                        zh_name=entry.zh_name if entry else "", gazetteer=entry is not None))
    return out


def rules_titles(text: str) -> list[Cand]:
    """Statutes named by an unquoted title of rules ("the Provisions on the Governance of the Online
    Information Content Ecosystem"; a regulation says "these Provisions" of itself)."""
    out = _unquoted_titles(text, RULES_TITLE)
    for c in out:
        c.keys = keys("Statute", c.name, c.gid)
    return out


def _unquoted_titles(text: str, *patterns: Pattern) -> list[Cand]:
    out = []
    for m in (m for rx in patterns for m in rx.finditer(text)):
        title = TITLE_TAIL.sub("", m.group(0))
        entry = gazetteer("Statute").lookup(title)
        out.append(Cand(m.start(), m.start() + len(title), "Statute", entry.name if entry else title,
                        gid=entry.id if entry else "", zh_name=entry.zh_name if entry else "",
                        gazetteer=entry is not None))
    return out


def _platform_cands(text: str) -> list[Cand]:
    out = []
    for rx in PLATFORM_PATTERNS:
        for m in rx.finditer(text):
            name = m.group("n").strip()
            words = name.split()
            while words and words[0] in CAP_STOP:
                words.pop(0)
            if not words:
                continue
            name = " ".join(words)
            start = m.start("n") + m.group("n").index(words[0])
            end = m.start("n") + len(m.group("n").rstrip())
            if rx is PLATFORM_PATTERNS[3]:
                end = m.end()
                name = text[start:end]
            elif rx is PLATFORM_PATTERNS[2]:
                end = m.end()
                name = re.sub(r"\s+", " ", text[start:end])
            out.append(Cand(start, end, "Platform", name))
    for m in ZH_QUOTED_PLATFORMS.finditer(text):
        out += [Cand(m.start() + q.start(1), m.start() + q.end(1), "Platform", q.group(1), "zh")
                for q in ZH_QUOTED_NAME.finditer(m.group(0))]
    for m in ZH_LISTED_PLATFORM.finditer(text):
        if not ZH_NOT_A_PLATFORM.search(m.group("n")):
            out.append(Cand(m.start("n"), m.end("n"), "Platform", m.group("n"), "zh"))
    return out


def platform_key(name: str) -> str:
    return fold(PLATFORM_GENERIC.sub("", name.strip()))


def find(text: str) -> list[Cand]:
    """All entity mentions of the classes above, overlaps settled, in text order."""
    cands = _gazetteer_cands(text)
    cands += _anchored(text, COURT_ANCHOR, "Court", of_place=True)
    cands += [Cand(m.start(), m.end(), "Court", m.group()) for m in COURT_OF_PLACE.finditer(text)]
    cands += _anchored(text, PROC_ANCHOR, "Agency", of_place=True)
    cands += _anchored(text, AGENCY_ANCHOR, "Agency", unit_suffix=True)
    cands += _anchored(text, MINISTRY_ANCHOR, "Agency", need_modifier=False)
    # not the subject of a rule's title: "Measures for Security Protection Administration of the International
    # Networking of ..." names an activity, not a body
    cands += [c for c in _anchored(text, AGENCY_OF_ANCHOR, "Agency")
              if not RULE_SUBJECT.search(text, max(0, c.start - 20), c.start)]
    cands += [Cand(m.start(), m.end(), "Organization", re.sub(r"\s+", " ", m.group(0)))
              for m in LAW_FIRM.finditer(text) if _law_firm_ok(m.group(1))]
    cands += _anchored(text, COMPANY_ANCHOR, "Organization")
    cands += _anchored(text, SCHOOL_ANCHOR, "Organization", of_place=True)
    for rx, cls in ((ZH_COURT, "Court"), (ZH_AGENCY, "Agency")):
        for m in rx.finditer(text):
            s = _zh_body_start(text, m.start(), m.end())
            if s < m.end() and not _generic_zh_place(text[s:m.end()]):
                cands.append(Cand(s, m.end(), cls, text[s:m.end()], "zh"))
    cands += _statute_cands(text)
    cands += _platform_cands(text)
    for c in cands:
        _trim(text, c)
    places = [c for c in cands if c.cls == "Location"] + _location_cands(text)
    others = _settle([c for c in cands if c.cls != "Location"])
    places = [p for p in _settle(places) if not any(
        o.start <= p.start and p.end <= o.end and o.cls in ("Platform", "Organization") for o in others)]
    places = _standing_places(_zh_chains(text, places), others)
    _listed_platforms(text, others)
    for c in others + places:
        if not c.gid and (entry := _known(c)) is not None:
            c.gid, c.name, c.zh_name = entry.id, entry.name, entry.zh_name  # a pattern found a known name
        if not c.keys:
            c.keys = keys(c.cls, c.name, c.gid)
        if c.lang == "zh" and not c.gid and c.cls in ("Location", "Court", "Agency"):  # 海淀区 is Haidian District
            c.keys |= {name_key(c.cls, en) for en in divisions.english(text[c.start:c.end] if c.cls == "Location"
                                                                       else c.name)}
    _short_forms(others)
    return sorted(_defined_names(text, others + places), key=lambda c: (c.start, -c.end, c.cls))


# "platforms such as Weibo, Douyin and Kuaishou": the list runs to the end of the clause
PLATFORM_LIST = guarded(r"\b(?:platforms?|apps?|applications|websites?)[ \t]+(?:such[ \t]+as|including|like)[ \t]+"
                        r"(?P<list>[^.;:()\n]+)", re.IGNORECASE)


def _listed_platforms(text: str, cands: list[Cand]) -> None:
    """A company the gazetteer knows, listed among platforms, is its platform ("platforms such as Weibo,
    Douyin, Kuaishou and Baidu": the Kuaishou app, Baidu's platform)."""
    lists = [(m.start("list"), m.end("list")) for m in PLATFORM_LIST.finditer(text)]
    for c in cands:
        if c.cls == "Organization" and c.gid and any(s <= c.start and c.end <= e for s, e in lists):
            c.cls, c.gid = "Platform", ""


# "the Beijing Municipal Cyberspace Administration (hereinafter the "Beijing CAC")"
DEFINED_AS = guarded(r"[ \t]*[(（][ \t]*(?:hereinafter|hereafter|below)(?:[ \t]+(?:referred[ \t]+to|called|abbreviated))?"
                     r"(?:[ \t]+as)?,?[ \t]+(?:the[ \t]+)?[\"“'‘](?P<abbr>[^\"”'’\n]{2,40}?)[\"”'’][ \t]*[)）]")


def _defined_names(text: str, cands: list[Cand]) -> list[Cand]:
    """A short name a text defines for an entity ("(hereinafter the "Beijing CAC")") is that entity
    wherever the text uses it, rather than what the name alone would be (the gazetteer's "CAC")."""
    for c in sorted(cands, key=lambda c: c.start):
        m = DEFINED_AS.match(text, c.end)
        if m is None:
            continue
        abbr = m.group("abbr")
        spans = [(m.start("abbr"), m.end("abbr"))] + [(s, s + len(abbr)) for s in standing_alone(text, abbr)
                                                     if s >= m.end()]
        cands = [o for o in cands if o is c or not any(o.start < e and s < o.end for s, e in spans)]
        cands += [Cand(s, e, c.cls, c.name, c.lang, gid=c.gid, keys=set(c.keys), zh_name=c.zh_name,
                       gazetteer=c.gazetteer) for s, e in spans]
    return cands


PLACE_LEVEL = guarded(PLACE_SUFFIX)
SHORT_PROC = guarded(r"((?:[A-Z][a-z]{1,3}\s+){0,2}[A-Z][a-z]{1,3})\s+(?:No\.\s*\d+\s+)?Procuratorate")
MUNICIPAL = guarded(r"\s+(?:Municipality|City)$")


def _known(c: Cand) -> Entry | None:
    """The gazetteer's entry for a name a pattern found ("Guangzhou Municipality" is Guangzhou, "the China
    Judgments Online website" China Judgments Online)."""
    entry = gazetteer(c.cls).lookup(c.name)
    if entry is None and c.cls == "Location" and MUNICIPAL.search(c.name):
        entry = gazetteer(c.cls).lookup(MUNICIPAL.sub("", c.name))
    if entry is None and c.cls == "Platform":  # "the WeChat app" is WeChat, "Kuaishou" the Kuaishou app
        entry = _platforms_by_key().get(platform_key(c.name))
    return entry


@cache
def _platforms_by_key() -> dict[str, Entry]:
    """The platform gazetteer by each name's key, without its generic word ("app", "website", ...)."""
    out: dict[str, Entry] = {}
    for name, entry in gazetteer("Platform").by_name.items():
        out.setdefault(platform_key(name), entry)
    return out


def _short_forms(cands: list[Cand]) -> None:
    """"Tianhe District People's Procuratorate" in a document that names the "Tianhe District People's
    Procuratorate of Guangzhou Municipality" is that body: a short form takes the keys of the one long
    form in the document that it begins (not a key of its own, which bodies of the same name in other
    cities share)."""
    for cls in ("Court", "Agency"):
        named = {c.name: c.keys for c in cands if c.cls == cls and not c.gid}
        for c in cands:
            if c.cls == cls and not c.gid:
                longer = [n for n in named if n.startswith(c.name + " of ") or (  # "... of Ganjingzi District"
                    n.startswith(c.name + " ") and PLACE_LEVEL.fullmatch(n[len(c.name) + 1:]))]
                if len(longer) == 1:
                    c.keys = set(named[longer[0]])
    # "Gan Procuratorate Public Prosecution Criminal Indictment (2020) No. 460": an indictment's number names
    # its procuratorate by the first syllables of its places ("Gan" of the People's Procuratorate of Ganjingzi)
    procs = {c.name: c.keys for c in cands if c.cls == "Agency" and PROC_ANCHOR.search(c.name)}
    for c in cands:
        if c.cls == "Agency" and (short := SHORT_PROC.fullmatch(c.name)):
            heads = short.group(1).split()
            meant = {n for n in procs if all(re.search(rf"\b{h}[a-z]", n) for h in heads)}
            if len({frozenset(procs[n]) for n in meant}) == 1:
                c.keys = set(procs[min(meant)])


GENERIC_ZH_PLACES = ("城市", "直辖市", "设区的市", "自治区", "自治州", "自治县", "地方", "各级", "县级", "省级", "市级", "本行政区")


def _zh_chains(text: str, places: list[Cand]) -> list[Cand]:
    """Chinese places as the text chains them, one place named by its last level: "天津市宁河区" is 宁河区 (of
    Tianjin), "浙江省绍兴市上虞区" 上虞区; a word the segmenter tags as a place name with a level's suffix is a
    place too ("在宁河区又向...")."""
    if not has_cjk(text):
        return places
    taken = sorted((p.start, p.end) for p in places)
    starts = [s for s, _ in taken]
    reach = list(accumulate((e for _, e in taken), max))  # the furthest end of the places begun so far
    found = list(places)
    ends = {p.end for p in places if p.lang == "zh"}  # where a Chinese place ends: the next may be in it
    for w in segment.words_having(text, ZH_PLACE_LAST):  # a place's name ends in its level's character
        level = text[w.end:w.end + 1] in ZH_LEVEL and text[w.end + 1:w.end + 2] not in ZH_LEVEL_WORD  # not 县级, 区域
        end = w.end + (w.tag == "ns" and level)  # "宁河" "区": the segmenter's split
        name = text[w.start:end]
        k = bisect_left(starts, w.end + level)  # the places that begin before the word ends
        if k and reach[k - 1] > w.start:  # one of them ends after it begins: the word is in a place
            continue
        if w.tag == "ns" and len(name) >= 3 and name.endswith(ZH_PLACE_END) and _zh_proper_place(name):
            found.append(Cand(w.start, end, "Location", name, "zh"))
            ends.add(end)
        elif division := _zh_division(text, w, level, w.start in ends):
            found.append(Cand(w.start, w.start + len(division), "Location", division, "zh"))
            ends.add(w.start + len(division))
    found.sort(key=lambda c: (c.start, -c.end))
    out: list[Cand] = []
    for c in found:
        last = out[-1] if out else None
        if last is not None and c.lang == last.lang == "zh" and c.start == last.end:
            out[-1] = Cand(last.start, c.end, "Location", c.name, "zh", gid=c.gid, keys=set(c.keys),
                           zh_name=c.zh_name)
        else:
            out.append(c)
    for k, c in enumerate(out):  # a town after its county: 海盐县通元镇 is 通元镇
        town = ZH_TOWN.match(text, c.end) if c.lang == "zh" and c.name.endswith(("县", "区", "市", "旗")) else None
        last = segment.word_at(text, town.end() - 1) if town else None  # not 平原城乡: 城乡 is a common word
        if town and not (last.end == town.end() and last.start > town.start() and last.tag not in PROPER_TAGS) \
                and not any(o.start < town.end() and c.end < o.end for o in out[k + 1:k + 2]):
            out[k] = Cand(c.start, town.end(), "Location", town.group(0), "zh")
    return out


# a town or township (its name of two or three characters, none of them a function word: not 又向乡)
ZH_TOWN = guarded(rf"(?:(?![的由和及或在对向被与并将经按从又于是为到把给也都就])[{CJK}]){{2,3}}?(?:镇|乡|街道)")


def _zh_division(text: str, w: segment.Word, level: bool, chained: bool) -> str:
    """The name of an administrative division that begins at word `w` (a division the segmenter does not tag
    as a place: 平谷区, 宁河 区), of three characters at least. One whose name before its level is a common
    word (老城区 "the old town", 保定市) is a place only next to the place it is in or a town of it (洛阳市老城区,
    河北省保定市, 海盐县通元镇)."""
    for name in (w.text, text[w.start:w.end + 1] if level else ""):
        if len(name) >= 3 and name.endswith(ZH_PLACE_END) and divisions.named(name) and (
                chained or segment.phrase(name[:-1])[0].tag in PROPER_TAGS or ZH_TOWN.match(text, w.start + len(name))):
            return name
    return ""


PROPER_TAGS = {"ns", "nr", "nrt", "nrfg", "nz"}  # jieba's names: of places, people, other proper names


def _zh_proper_place(name: str) -> bool:
    """A place's own name before its level, which the segmenter reads as a place name: 宁河 of 宁河区 (not 城市区,
    下半旗, 沿海地区, 自治县)."""
    if _generic_zh_place(name):
        return False
    stem = name[:-len(next(s for s in sorted(ZH_PLACE_END, key=len, reverse=True) if name.endswith(s)))]
    found = segment.phrase(stem)
    return len(stem) >= 2 and len(found) == 1 and found[0].tag == "ns"


def _standing_places(places: list[Cand], others: list[Cand]) -> list[Cand]:
    """A Chinese place within the name of a body or a law (浙江省 of 浙江省海宁市人民法院, 中华人民共和国 of
    《中华人民共和国刑法》) is a place of the text only where the text also names it on its own."""
    held = [p.lang == "zh" and any(o.start <= p.start and p.end <= o.end and o.lang == "zh" and o.cls in (
        "Court", "Agency", "Statute") for o in others) for p in places]
    alone = {p.name for p, h in zip(places, held, strict=True) if not h}
    return [p for p, h in zip(places, held, strict=True) if not h or p.name in alone]


def _zh_body_start(text: str, start: int, end: int) -> int:
    """Where the name of a Chinese body found at [start, end) begins: at the first of its words that is a
    place ("日被绍兴市上虞区人民法院" is 绍兴市上虞区人民法院, "终结海兴县人民检察院" 海兴县人民检察院); `end`
    where no word of it is ("各自治县公安局" names no one body)."""
    lead = ZH_LEAD.match(text[start:end])  # (its ^ holds at the start of the string only)
    start += lead.end() if lead else 0
    window = max(0, start - 6)  # words read with what stands before: 自治县 is no 治县
    for w in segment.phrase(text[window:end]):
        named = w.tag == "nt" and any(c in "省市县区州旗" for c in w.text[:-2])  # 广州市中级人民法院, one word
        if window + w.start >= start and (w.tag.startswith("ns") or named or w.text.endswith(ZH_PLACE_END)
                                          or w.text in _zh_place_names()):
            return window + w.start
    return end  # no place begins it: no body of a place


@cache
def _zh_place_names() -> frozenset[str]:
    """The Chinese names of the places the gazetteer knows."""
    return frozenset(e.zh_name for e in gazetteer("Location").entries if len(e.zh_name) > 1)


def _generic_zh_place(name: str) -> bool:
    """"直辖市互联网信息办公室" names a level of government, not one body."""
    return name.startswith(GENERIC_ZH_PLACES)


def _law_firm_ok(prefix: str) -> bool:
    words = prefix.split()
    return bool(words) and words[0] not in CAP_STOP


def _trim(text: str, c: Cand) -> None:
    """Strip a leading "the" and a trailing possessive from a pattern match."""
    if c.gazetteer:
        return
    surface = text[c.start:c.end]
    for suffix in ("'s", "’s"):
        if surface.endswith(suffix):
            c.end -= 2
            c.name = re.sub(r"['’]s$", "", c.name)


def _settle(cands: list[Cand]) -> list[Cand]:
    """Keep the longest of overlapping candidates (a gazetteer name wins a tie)."""
    kept: list[Cand] = []
    spans: list[tuple[int, int]] = []  # the kept spans, apart from one another, in text order
    for c in sorted(cands, key=lambda c: (-c.surface_len, not c.gazetteer, c.start, c.cls)):
        before = bisect_left(spans, (c.end, -1))  # the kept spans that start before c ends
        if before and spans[before - 1][1] > c.start:  # the last of them is the one that reaches furthest
            continue
        insort(spans, (c.start, c.end))
        kept.append(c)
    return kept


def _without_province(name: str) -> str:
    """"Guangdong Province Shenzhen Intermediate People's Court", "Shanghai Municipal Pudong New Area People's
    Procuratorate" and "Shenzhen Intermediate People's Court of Guangdong Province" -> "Shenzhen Intermediate
    People's Court", "Pudong New Area People's Procuratorate" (and so in Chinese, ZH_PROVINCE): a province or
    municipality written beside the place that names the body adds nothing to its identity."""
    places = gazetteer("Location")
    province = r"([A-Z][\w-]*(?:\s+(?:Province|Autonomous\s+Region))?)"
    m = re.match(rf"^{province}(?:\s+Municipal(?:ity)?)?\s+([A-Z][\w-]*)\b", name)
    if m and places.lookup(m.group(1)) is not None and (
            places.lookup(m.group(2)) is not None or re.match(rf"[A-Z][\w-]*\s+{PLACE_SUFFIX}\b", name[m.start(2):])):
        return name[m.start(2):]
    m = re.search(rf"\s+of\s+(?:the\s+)?{province}$", name)
    first = name.split()[0] if name.split() else name
    if m and places.lookup(m.group(1)) is not None and places.lookup(first) is not None and m.start() > 0:
        return name[: m.start()]
    return ZH_PROVINCE.sub("", name)


# "浙江省杭州市余杭区人民检察院" is "杭州市余杭区人民检察院", "上海市浦东新区人民法院" "浦东新区人民法院"
ZH_PROVINCE = guarded(r"^(?:[\u4e00-\u9fff]{2,8}?(?:省|自治区)(?=[\u4e00-\u9fff]{1,8}?(?:市|自治州|州|地区|盟))|"
                      r"(?:北京|上海|天津|重庆)市(?=[\u4e00-\u9fff]{1,6}?(?:区|县)))")


BODY_OF_PLACE = guarded(r"^((?:(?:intermediate|higher|high|basic) )?people's (?:court|procuratorate)) of (?:the )?(.+)$")


def keys(cls: str, name: str, gid: str = "") -> set[str]:
    """The keys under which mentions of one class are one entity: its gazetteer id, else its name's key."""
    return {f"gaz:{gid}"} if gid else {name_key(cls, name)}


def name_key(cls: str, name: str) -> str:
    """The normalised name under which mentions of one class are the same entity."""
    key = fold(_without_province(name) if cls in ("Court", "Agency") else name)
    key = re.sub(r"^the ", "", key)
    if cls in ("Court", "Agency"):  # "people's court of pudong new area" -> "pudong new area people's court"
        key = BODY_OF_PLACE.sub(r"\2 \1", key)
    if cls == "Platform":
        key = platform_key(name)
    elif cls == "Statute":
        key = re.sub(r"^(?:china's |prc )", "", key)
        key = re.sub(r" of the people's republic of china$", "", key)
        key = re.sub(r"^中华人民共和国", "", key)
    elif cls == "Location":  # "Kunshan City" is Kunshan
        key = re.sub(r" (?:city|municipality|province)$", "", re.sub(r"\s+", " ", key))
        # "Chuxiong Yi Autonomous Prefecture" is Chuxiong Prefecture: the name and the level, not the people
        key = re.sub(r"^(\S+) (?:\S+ ){1,2}autonomous (prefecture|county|banner)$", r"\1 \2", key)
    return f"{cls.lower()}:{key}"


def followed_by_reporting_verb(text: str, end: int) -> bool:
    return REPORTING_VERB.match(text[end:end + 20]) is not None
