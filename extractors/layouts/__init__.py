"""The layout stage: how a source file is laid out, read before any document is cut out of it.

Researchers bring texts from legal databases (bilingual pages, status brackets, metadata headers and
tables), translation blogs (a post date over the title), translation memories (`{0>中文<}0{>English<0}`),
official sites and LawRefBook's Markdown. Each such layout is one module of this package that registers a
`Layout`: `detect(text)` says whether the file is laid out that way, `lay(sheet)` reads it. A layout
changes nothing in the file: it writes on a `Sheet`, a view of the text of the same length, offset for
offset, where it blanks its markup and labels (spaces, or a line break where one segment ends and the next
begins), and it states the header facts it reads (title, issuer, dates, status, ...) as `HeaderField`s
with their spans in the file. The splitter and the extractors read the view; quotes and mentions are still
cut from the text as written.

Every layout whose `detect` holds is applied, in the order of `ORDER` (markup first, then headers, then
the body's own arrangement); each sees the view the ones before it left. A file that no layout
recognises is read as plain text (or Markdown) as written: the layout named "plain".

Adding a layout: a module here with a class decorated by `@register`, its name in `ORDER`, and its tests
on a real text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import ClassVar

from ...graph.model import HeaderField
from ..gazetteer import data_rows
from ..script import simplified
from ..text import Line, fold, lines
from ..triggers import Pattern, guarded


class Sheet:
    """The view a layout writes on: the file's text, character for character, in simplified script
    (`script.simplified`), with markup blanked."""

    def __init__(self, text: str):
        self.text = text  # as written
        self.view = simplified(text)
        self.fields: list[HeaderField] = []
        self.heads: list[tuple[int, int]] = []  # one document's head each: no document starts inside
        self._edits: list[tuple[int, str]] = []

    def lines(self) -> tuple[Line, ...]:
        return lines(self.view)

    def blank(self, start: int, end: int) -> None:
        """Blank [start, end) in the view (line breaks stay)."""
        for i in range(start, end):
            if self.view[i] not in "\r\n":
                self._edits.append((i, " "))

    def line_break(self, at: int) -> None:
        """A line break in the view at `at` (the character there, a space or markup, is no text)."""
        self._edits.append((at, "\n"))

    def state(self, kind: str, start: int, end: int, value: str | None = None) -> None:
        """A header fact of `kind`, written at [start, end) of the file."""
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        if start < end:
            self.fields.append(HeaderField(kind, value if value is not None else self.text[start:end], start, end))

    def head(self, start: int, end: int) -> None:
        """[start, end) is the head of one document (titles, header lines): no other document starts in it."""
        self.heads.append((start, end))

    def commit(self) -> None:
        if self._edits:
            edits = dict(self._edits)  # the last edit of a character stands
            pieces, at = [], 0
            for i in sorted(edits):  # the text between the edited characters kept whole, not a list of characters
                pieces += (self.view[at:i], edits[i])
                at = i + 1
            pieces.append(self.view[at:])
            self.view = "".join(pieces)
            self._edits = []


class Layout:
    """A way a source file may be laid out. Subclasses set `name` and implement `detect` and `lay`."""

    name: ClassVar[str] = ""

    def detect(self, text: str) -> bool:
        raise NotImplementedError

    def lay(self, sheet: Sheet) -> None:
        raise NotImplementedError


REGISTRY: dict[str, Layout] = {}
# a web page's chrome first, then markup (it hides the text), then header blocks, then the body's own
# arrangement
ORDER = ("web_chrome", "tm_markup", "metadata_line", "pipe_table", "status_bracket", "issuer_line", "post_date",
         "bilingual_inline", "order", "lawrefbook")


def register(cls: type[Layout]) -> type[Layout]:
    """Register a layout under its name (like rdflib's plugin.register)."""
    REGISTRY[cls.name] = cls()
    return cls


@dataclass
class Laid:
    """A file as its layouts read it."""

    view: str
    fields: list[HeaderField] = field(default_factory=list)
    heads: list[tuple[int, int]] = field(default_factory=list)
    layouts: tuple[str, ...] = ()

    def within(self, start: int, end: int) -> tuple[HeaderField, ...]:
        return tuple(f for f in self.fields if start <= f.start and f.end <= end)


def lay(text: str) -> Laid:
    """Apply every layout that recognises `text`, in order."""
    _load()
    sheet = Sheet(text)
    used = []
    for name in ORDER:
        layout = REGISTRY[name]
        if layout.detect(sheet.view):
            layout.lay(sheet)
            sheet.commit()
            used.append(name)
    fields = sorted(sheet.fields, key=lambda f: (f.start, f.end, f.kind))
    return Laid(sheet.view, fields, _merged(sheet.view, sorted(sheet.heads), fields), tuple(used) or ("plain",))


def _merged(view: str, heads: list[tuple[int, int]], fields: list[HeaderField]) -> list[tuple[int, int]]:
    """One head of heads that only blank lines and the titles they state come between (a title, its
    status, the title again, the issuer line: one document's head)."""
    titles = {fold(f.value) for f in fields if f.kind == "title"}
    out: list[tuple[int, int]] = []
    for a, b in heads:
        if out and all(not row.strip() or fold(row) in titles for row in view[out[-1][1]:a].split("\n")):
            out[-1] = (out[-1][0], max(b, out[-1][1]))
        else:
            out.append((a, b))
    return out


@cache
def _load() -> None:
    from . import (  # noqa: F401  (each module registers its layout)
        bilingual_inline,
        issuer_line,
        lawrefbook,
        metadata,
        order,
        post_date,
        status_bracket,
        tm_markup,
        web_chrome,
    )


# --- data and helpers the layouts share --------------------------------------------------------------

def rows(name: str) -> list[list[str]]:
    """The rows of a data file of the layouts (ontology/layouts/)."""
    return data_rows(f"layouts/{name}")


@cache
def header_labels() -> dict[str, str]:
    """Metadata label (folded) -> kind of fact (ontology/layouts/header-labels.tsv)."""
    return {label.casefold(): kind for label, kind in rows("header-labels.tsv")}


@cache
def statuses() -> dict[str, str]:
    """Status word as printed in brackets -> status (ontology/layouts/statuses.tsv)."""
    return {word.casefold(): status for word, status in rows("statuses.tsv")}


@cache
def label_pattern() -> Pattern:
    """Any metadata label followed by a colon ("Promulgation Date:", "发布部门：")."""
    alts = sorted(header_labels(), key=len, reverse=True)
    return guarded(r"(?<![\w])(?P<label>" + "|".join(re.escape(a) for a in alts) + r")\s*[:：]", re.IGNORECASE)


def first_filled(text: str, count: int) -> list[str]:
    out: list[str] = []
    for row in text.split("\n"):
        if row.strip():
            out.append(row.strip())
            if len(out) == count:
                break
    return out
