"""A bilingual page that prints each English article and its Chinese original on one line
("Article 1 For the purposes of ... Information on the Internet.   第一条 为规范互联网群组信息服务..."), or
the Chinese first and then the English.

Where the other language's article begins, the view breaks the line: each language's article is a line
of its own, as in a page that alternates them.

Seen in: pkulaw's bilingual pages (`../shared/eval/dev/docs/reg-02_*`).
"""

from __future__ import annotations

from ..triggers import guarded
from . import Layout, Sheet, register

ZH_NUM = "一二三四五六七八九十百零〇"
EN_THEN_ZH = guarded(rf"^\s*Article\s+\d+\b.*?[A-Za-z.;:)\"”](?P<gap>\s+)第[{ZH_NUM}\d]+条")
ZH_THEN_EN = guarded(rf"^\s*第[{ZH_NUM}\d]+条.*?[\u4e00-\u9fff。；：”）](?P<gap>\s+)Article\s+\d+\b")


@register
class BilingualInline(Layout):
    name = "bilingual_inline"

    def detect(self, text: str) -> bool:
        return any(EN_THEN_ZH.match(row) or ZH_THEN_EN.match(row) for row in text.split("\n"))

    def lay(self, sheet: Sheet) -> None:
        for line in sheet.lines():
            m = EN_THEN_ZH.match(line.text) or ZH_THEN_EN.match(line.text)
            if m:
                sheet.line_break(line.start + m.start("gap"))
