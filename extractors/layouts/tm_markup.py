"""Translation-memory markup (Trados "bilingual RTF" exported as text): each segment is written
`{0>SOURCE<}NN{>TARGET<0}`, the Chinese source and its English translation on one line.

The markup is blanked and the target begins a line of its own, so the source and the translation read as
alternating lines. The first segment pair that is not an article or a chapter is the document's title in
both languages.

Seen in: a copy of the MPS "计算机信息网络国际联网安全保护管理办法" from a Chinese education site
(`../shared/eval/dev/docs/reg-08_*`): `{0>第二条 中华人民共和国境内...<}0{>Article 2.The security, ...<0}`.
"""

from __future__ import annotations

from ..triggers import guarded
from . import Layout, Sheet, register

SEGMENT = guarded(r"\{0>(?P<source>[^{}\n]*?)<\}\d{1,3}\{>(?P<target>[^{}\n]*?)<0\}")
UNIT = guarded(r"^\s*(?:第[一二三四五六七八九十百零〇\d]+[条章节]|Article\s+\d|Chapter\s)")


@register
class TranslationMemory(Layout):
    name = "tm_markup"

    def detect(self, text: str) -> bool:
        return len(SEGMENT.findall(text[:20000])) >= 2

    def lay(self, sheet: Sheet) -> None:
        titled = False
        for m in SEGMENT.finditer(sheet.view):
            sheet.blank(m.start(), m.start("source"))  # "{0>"
            sheet.blank(m.end("source"), m.start("target"))  # "<}0{>"
            sheet.line_break(m.end("source"))
            sheet.blank(m.end("target"), m.end())  # "<0}"
            source, target = m.group("source").strip(), m.group("target").strip()
            if not titled and source and target and not UNIT.match(source) and not UNIT.match(target):
                titled = True
                sheet.state("title", m.start("target"), m.end("target"))
                sheet.state("title", m.start("source"), m.end("source"))
                sheet.head(m.start(), m.end())
