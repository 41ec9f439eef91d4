"""An issuer-and-date line under the title, as legal databases print it:
"(by Cyberspace Administration of China, September 7, 2017) (国家互联网信息办公室 2017年9月7日)".

The line is blanked (it is no sentence of the text) and stated as the issuer and the date of issue, in
each language it is written in.

Seen in: pkulaw's bilingual pages (`../shared/eval/dev/docs/reg-02_*`).
"""

from __future__ import annotations

import re

from ..triggers import guarded
from ..values import find_dates
from . import Layout, Sheet, register

EN = r"\(\s*by\s+(?P<en>[^()]+?),\s*(?P<en_date>[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4}|\d{4}-\d{1,2}-\d{1,2})\s*\)"
ZH = r"[(（]\s*(?P<zh>[^()（）\d]+?)\s*(?P<zh_date>\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*[)）]"
LINE = guarded(rf"^\s*(?:{EN})?\s*(?:{ZH})?\s*$")


@register
class IssuerLine(Layout):
    name = "issuer_line"

    def detect(self, text: str) -> bool:
        return any(_match(row) for row in text[:5000].split("\n")[:20])

    def lay(self, sheet: Sheet) -> None:
        for line in sheet.lines()[:20]:
            m = _match(line.text)
            if not m:
                continue
            s = line.start
            for who, when in (("en", "en_date"), ("zh", "zh_date")):
                if m.group(who):
                    sheet.state("issuer", s + m.start(who), s + m.end(who))
                    dates = find_dates(m.group(when))
                    if dates:
                        sheet.state("issued", s + m.start(when), s + m.end(when), dates[0][2])
            sheet.blank(line.start, line.end)
            sheet.head(line.start, line.end)
            return


def _match(row: str) -> re.Match[str] | None:
    m = LINE.match(row)
    return m if m and (m.group("en") or m.group("zh")) else None
