"""A blog post's date line before the title ("Thursday, March 15, 2012" over "Certain Provisions on
..."): Blogger and WordPress archives print the post's date first.

The date is the post's, not the text's: it is blanked and stated as the date posted, so the title is the
first line.

Seen in: the feichangdao blog archive (`../shared/eval/dev/docs/reg-04_*`) and its translated judgments.
"""

from __future__ import annotations

from ..triggers import guarded
from ..values import find_dates
from . import Layout, Sheet, first_filled, register

WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
DATE_ONLY = guarded(rf"^(?:{WEEKDAY},?\s+)?[A-Z][a-z]+\.?\s+\d{{1,2}},?\s+\d{{4}}$|^(?:{WEEKDAY},?\s+)?\d{{1,2}}\s+[A-Z][a-z]+\s+\d{{4}}$")


@register
class PostDate(Layout):
    name = "post_date"

    def detect(self, text: str) -> bool:
        head = first_filled(text, 2)
        return len(head) == 2 and bool(DATE_ONLY.match(head[0])) and bool(find_dates(head[0])) and \
            not find_dates(head[1]) and len(head[1].split()) >= 3

    def lay(self, sheet: Sheet) -> None:
        line = next(ln for ln in sheet.lines() if ln.stripped)
        sheet.state("posted", line.start, line.end, find_dates(line.stripped)[0][2])
        sheet.blank(line.start, line.end)
