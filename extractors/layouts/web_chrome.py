"""A saved web page's chrome before its text: skip links ("Jump to content"), a wiki's "From Wikisource"
line, the page's name ("Translation:People v Wu Dawei (2020)"), a header template's byline and hidden
data. Copied from a browser, these lines come before (or between) the title and the court line.

Such a line among the file's first lines is blanked: it is no text of the document, and no document
starts at it. The lines are data: ontology/layouts/web-chrome.tsv.

Seen in: the translated judgments of en.wikisource.org (People v Wu Dawei (2020), People v Zhang Wenfang
(2020)).
"""

from __future__ import annotations

from functools import cache

from ..text import fold
from ..triggers import Pattern, guarded
from . import Layout, Sheet, register, rows

HEAD_LINES = 15  # the chrome is among the first filled lines


@cache
def _chrome() -> tuple[frozenset[str], tuple[Pattern, ...]]:
    table = rows("web-chrome.tsv")
    return (frozenset(fold(line).casefold() for match, line, _seen in table if match == "line"),
            tuple(guarded(line) for match, line, _seen in table if match == "pattern"))


def _is_chrome(row: str) -> bool:
    exact, patterns = _chrome()
    row = row.strip()
    return bool(row) and (fold(row).casefold() in exact or any(p.search(row) for p in patterns))


@register
class WebChrome(Layout):
    name = "web_chrome"

    def detect(self, text: str) -> bool:
        head = [row for row in text[:4000].split("\n") if row.strip()][:HEAD_LINES]
        return any(_is_chrome(row) for row in head)

    def lay(self, sheet: Sheet) -> None:
        for line in [ln for ln in sheet.lines() if ln.stripped][:HEAD_LINES]:
            if _is_chrome(line.text):
                sheet.blank(line.start, line.end)
