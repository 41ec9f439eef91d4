"""Metadata headers of legal databases and translation sites: the labels are data
(ontology/layouts/header-labels.tsv), the layouts tell where they stand.

- `metadata_line`: one line of "Label: value" pairs before the text ("Promulgation Date: 2021-7-12
  Title: 关于印发...的通知 Document Number:工信部联网安〔2021〕66号 Expiration date: Promulgating Entities:
  工业和信息化部 国家互联网信息办公室 公安部 Source of text: http://..."), as China Law Translate prints it
  (`../shared/eval/dev/docs/reg-06_*`); or such pairs one to a line.
- `pipe_table`: a table of "label | value | label | value |" rows, then a row holding the title alone and
  a "---|" rule, as AsianLII prints it (`../shared/eval/dev/docs/reg-09_*`).

Each value is stated with the kind of its label; labels, separators and every value but the title are
blanked, so the title is what the header reads as.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..triggers import guarded
from ..values import find_dates
from . import Layout, Sheet, first_filled, header_labels, label_pattern, register


def _names(value: str, start: int) -> Iterator[tuple[int, int]]:
    """The span of each name in a list of names: Chinese names parted by spaces or 、，; English ones by ;
    or , ("A, B and C")."""
    parts = r"[\s、，,;；]+" if re.search(r"[\u4e00-\u9fff]", value) and not re.search(r"[A-Za-z]{3}", value) \
        else r"\s*[;；]\s*|,\s+(?:and\s+)?|\s+and\s+"
    pos = 0
    for m in [*re.finditer(parts, value), None]:
        end = m.start() if m else len(value)
        if value[pos:end].strip():
            yield start + pos, start + end
        pos = m.end() if m else len(value)


def _state(sheet: Sheet, kind: str, start: int, end: int) -> None:
    value = sheet.text[start:end].strip()
    if not value:
        return
    if kind in ("issued", "effective", "expired"):
        dates = find_dates(value)
        if dates:
            sheet.state(kind, start, end, dates[0][2])
    elif kind == "issuer":
        for s, e in _names(sheet.text[start:end], start):
            sheet.state("issuer", s, e)
    elif kind != "other":
        sheet.state(kind, start, end)


@register
class MetadataLine(Layout):
    name = "metadata_line"

    def detect(self, text: str) -> bool:
        head = "\n".join(first_filled(text, 8))
        labels = {header_labels()[m.group("label").casefold()] for m in label_pattern().finditer(head)}
        return "title" in labels and len(labels) >= 3

    def lay(self, sheet: Sheet) -> None:
        rows = [ln for ln in sheet.lines() if ln.stripped][:8]
        end = 0
        for line in rows:
            found = list(label_pattern().finditer(line.text))
            if not found or found[0].start() > 0 and line.text[:found[0].start()].strip():
                break
            for m, nxt in zip(found, [*found[1:], None], strict=True):
                stop = nxt.start() if nxt else len(line.text)
                kind = header_labels()[m.group("label").casefold()]
                _state(sheet, kind, line.start + m.end(), line.start + stop)
                if kind == "title":
                    sheet.blank(line.start + m.start(), line.start + m.end())
                else:
                    sheet.blank(line.start + m.start(), line.start + stop)
            end = line.end
        if end:
            sheet.head(rows[0].start, end)


ROW = guarded(r"^[^\n]*\|")


@register
class PipeTable(Layout):
    name = "pipe_table"

    def detect(self, text: str) -> bool:
        head = first_filled(text, 6)
        cells = [c.strip().casefold() for row in head if "|" in row for c in row.split("|")]
        return sum(c in header_labels() for c in cells) >= 2

    def lay(self, sheet: Sheet) -> None:
        table = []
        for line in sheet.lines():
            if not line.stripped:
                if table:
                    break
                continue
            if not ROW.match(line.text):
                break
            table.append(line)
        titled = False
        for line in table:
            cells = [(m.start(), m.end()) for m in re.finditer(r"[^|]+", line.text)]
            cells = [(s, e) for s, e in cells if line.text[s:e].strip()]
            labels = header_labels()
            if len(cells) == 1 and line.text[cells[0][0]:cells[0][1]].strip().casefold() not in labels:
                s, e = cells[0]
                if not titled and not re.fullmatch(r"\s*-+\s*", line.text[s:e]):
                    sheet.state("title", line.start + s, line.start + e)
                    titled = True
                    sheet.blank(line.start + e, line.end)
                    continue
            i = 0
            while i < len(cells):
                kind = labels.get(line.text[cells[i][0]:cells[i][1]].strip().casefold())
                if kind and i + 1 < len(cells):
                    _state(sheet, kind, line.start + cells[i + 1][0], line.start + cells[i + 1][1])
                    i += 2
                else:
                    i += 1
            sheet.blank(line.start, line.end)
        if table:
            sheet.head(table[0].start, table[-1].end)
