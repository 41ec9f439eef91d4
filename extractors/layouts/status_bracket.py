"""A status bracket after a title, as legal databases print it: "Provisions on ... [Effective]" over
"互联网群组信息服务管理规定 [现行有效]" (pkulaw, lexiscn).

The bracket is blanked (it is no part of the title) and stated as the document's status; the line is its
title in that language. The words are data: ontology/layouts/statuses.tsv.

Seen in: pkulaw's page of the Provisions on the Administration of Internet Group Information Services
(`../shared/eval/dev/docs/reg-02_*`).
"""

from __future__ import annotations

import re
from functools import cache

from ..triggers import Pattern, guarded
from . import Layout, Sheet, register, statuses


@cache
def _bracket() -> Pattern:
    words = "|".join(re.escape(w) for w in sorted(statuses(), key=len, reverse=True))
    return guarded(rf"^(?P<title>\S.{{3,300}}?)\s*(?P<bracket>[\[【](?P<word>{words})[\]】])\s*$", re.IGNORECASE)


@register
class StatusBracket(Layout):
    name = "status_bracket"

    def detect(self, text: str) -> bool:
        return any(_bracket().match(row) for row in text[:3000].split("\n")[:12])

    def lay(self, sheet: Sheet) -> None:
        found = []
        for line in sheet.lines()[:12]:
            m = _bracket().match(line.text)
            if m:
                s = line.start
                sheet.blank(s + m.start("bracket"), s + m.end("bracket"))
                sheet.state("title", s + m.start("title"), s + m.end("title"))
                sheet.state("status", s + m.start("bracket"), s + m.end("bracket"), statuses()[m.group("word").casefold()])
                found.append(line)
        if found:
            sheet.head(found[0].start, found[-1].end)
