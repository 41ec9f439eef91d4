"""An order that comes before the text it promulgates: "Order of the President of the People's Republic
of China No. 84", a joint order ("Order of the Cyberspace Administration of China, National Development and
Reform Commission, ... and State Cipher Code Administration No. 6"), "国家互联网信息办公室令 第12号",
"中华人民共和国国务院令 / 第745号"; its date, its promulgating paragraph, and its signatories, one a line
("Zhuang Rongwen, Director of the Cyberspace Administration of China", "Xi Jinping President of the
People's Republic of China" without a comma, "Premier: Li Qiang", "总理　李克强").

States the order (`order`), the bodies its line names (`order_issuer`: the regulation's issuers where they
are bodies; a President's order is the promulgation of what a congress adopted) and each signatory's
name (`signatory`). The offices are data: ontology/layouts/offices.tsv.

The order and the regulation are one document: the regulation's title under the order, which the order
quotes ("《关键信息基础设施安全保护条例》已经...通过，现予公布"), begins none.

Seen in: lexiscn's pages of the Measures for Cybersecurity Reviews and of the Data Security Law
(`../shared/eval/dev/docs/reg-01_*`, `reg-10_*`); the State Council's Order No. 745 (gov.cn).
"""

from __future__ import annotations

import re
from functools import cache

from ..triggers import Pattern, guarded
from . import Layout, Sheet, register, rows

ORDER_EN = guarded(r"^\s*(?:Order|Decree)\s+of\s+(?P<who>(?:the\s+)?.+?)\s*[(（]?\s*No\.\s*\d+\s*[)）]?\s*$")
ORDER_ZH = guarded(r"^\s*(?P<who>[\u4e00-\u9fff、]{2,80}?)令[\s　]*(?:[(（]?第\s*[\d一二三四五六七八九十百零〇]+\s*号[)）]?)?\s*$")
UNIT = guarded(r"^\s*(?:Article\s+\d|Chapter\s|Table\s+of\s+Contents|第[一二三四五六七八九十百零〇\d]+[条章])")
NAME = r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+){1,2}"
QUOTES = (("\"", "\""), ("“", "”"), ("《", "》"))  # how an order quotes the title of what it promulgates


def quotes(text: str, title: str) -> bool:
    """Does `text` (an order's paragraph) quote `title`?"""
    return any(f"{a}{title}{b}" in text for a, b in QUOTES)


@cache
def signature_lines() -> tuple[Pattern, Pattern]:
    offices = rows("offices.tsv")
    en = "|".join(re.escape(r[0]) for r in sorted(offices, key=lambda r: -len(r[0])))
    zh = "|".join(sorted({z for r in offices for z in r[1].split("|")}, key=lambda z: (-len(z), z)))
    return (guarded(rf"^\s*(?:(?P<name>{NAME}),?\s+(?:(?:the\s+)?(?:{en})\b.*)|(?:{en})\s*[:：]\s*(?P<name2>{NAME})\s*)$"),
            guarded(rf"^\s*(?:{zh})[\s　:：]+(?P<name>[\u4e00-\u9fff]{{2,4}})\s*$"))


@register
class Order(Layout):
    name = "order"

    def detect(self, text: str) -> bool:
        head = [r for r in text[:20000].split("\n") if r.strip()][:40]
        return any(ORDER_EN.match(r) or ORDER_ZH.match(r) for r in head)

    def lay(self, sheet: Sheet) -> None:
        filled = [ln for ln in sheet.lines() if ln.stripped]
        at = next(i for i, ln in enumerate(filled[:40]) if ORDER_EN.match(ln.text) or ORDER_ZH.match(ln.text))
        line = filled[at]
        m = ORDER_EN.match(line.text) or ORDER_ZH.match(line.text)
        sheet.state("order", line.start, line.end)
        sheet.state("order_issuer", line.start + m.start("who"), line.start + m.end("who"))
        en, zh = signature_lines()
        for ln in filled[at + 1:at + 60]:
            if UNIT.match(ln.text) or ln.stripped.startswith("("):
                break
            s = en.match(ln.text) or zh.match(ln.text)
            if s:
                group = "name" if s.group("name") else "name2"
                sheet.state("signatory", ln.start + s.start(group), ln.start + s.end(group))
        # the order and the regulation printed after it are one document, which the quoted title does not begin
        said = ""
        for ln in filled[at + 1:at + 20]:
            if UNIT.match(ln.text):
                break
            if said and len(ln.stripped) >= 4 and quotes(said, ln.stripped):
                sheet.head(line.start, ln.end)
                break
            said += ln.text
