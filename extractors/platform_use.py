"""The platforms a judgment's defendants or a report's accused used in the facts of the case."""

from __future__ import annotations

import re

from .context import Context
from .mentions import followed_by_reporting_verb
from .triggers import guarded

CIRCUMVENTED = guarded(r"\b(?:circumvent\w*|bypass\w*|evad\w*|climb\w*\s+over|get\w*\s+around)\s+(?:the\s+)?"
                       r"(?:China['’]s\s+)?$",
                       re.IGNORECASE)
# where a court's ruling was published: "according to a ruling posted on China Judgments Online"
PUBLISHED = guarded(r"\b(?:ruling|judgment|verdict|document|decision|notice|statement)s?\s+(?:\w+\s+){0,3}"
                    r"(?:posted|published|released|uploaded|issued)\s+(?:on|to|via)\s+(?:the\s+)?$", re.IGNORECASE)


def platforms_used(ctx: Context, spans: list[tuple[int, int]], accused: list[str]) -> None:
    """One of the accused used a platform where one sentence names both (or names the platform and nobody,
    and refers to the only one accused as he or she), not where the platform is what was circumvented ("climb over the
    Great Firewall"), a source ("Weibo said") or where a ruling was published."""
    col, text = ctx.collector, ctx.text
    platforms = ctx.of("Platform")
    for s, e in spans:
        named = [p for p in platforms if s <= p[0].start < e and not followed_by_reporting_verb(text, p[0].end)
                 and not CIRCUMVENTED.search(text[max(s, p[0].start - 30):p[0].start])
                 and not PUBLISHED.search(text[max(s, p[0].start - 80):p[0].start])
                 and not re.match(r"\s+circumvention", text[p[0].end:p[0].end + 14])]
        if not named:
            continue
        within = ctx.people_within(s, e)
        who = [eid for eid in within if eid in accused]
        if not within and len(accused) == 1 and re.search(r"\b(?:he|she|his|her|him)\b", text[s:e], re.IGNORECASE):
            who = accused
        for pid in who:
            for _c, eid in named:
                col.fact(pid, "usedPlatform", eid, s, e)
