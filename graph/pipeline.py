"""The pipeline: read -> split into documents -> extract -> resolve -> graph.

Files are read one at a time and each document's text is let go once it is extracted, so memory is
bounded by the largest file, not the folder.
"""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path

from extractors import extract
from extractors.documents import split

from .kg import DEFAULT_BASE, KnowledgeGraph
from .model import DOC, Extraction
from .reader import InputError, collect, read_text
from .resolve import merge


def build(paths: list[str | Path] | str | Path, base: str = DEFAULT_BASE) -> KnowledgeGraph:
    """Build the knowledge graph of the .txt/.md files that `paths` name (files or folders).

    Files that cannot be read and texts that are no regulation, judgment or news report are skipped and
    listed in `.skipped`; documents built with something missing are listed in `.notes`. Raises
    `InputError` when nothing usable is left."""
    if isinstance(paths, (str, Path)):
        paths = [paths]
    extractions: list[Extraction] = []
    skipped: list[str] = []
    notes: list[str] = []
    timings = {"read": 0.0, "extract": 0.0}
    for path in collect(list(paths)):
        started = time.perf_counter()
        try:
            text = read_text(path)
        except InputError as err:
            skipped.append(str(err))
            continue
        finally:
            timings["read"] += time.perf_counter() - started
        started = time.perf_counter()
        for doc in split(text, path):
            where = f"{path}: lines {doc.first_line}-{doc.last_line} ({doc.title[:60]!r})"
            if not doc.genre:
                skipped.append(f"{where}: reads as no regulation, judgment or news report")
                continue
            ex = extract(doc)
            notes += [f"{where}: {n}" for n in _missing(ex)]
            ex.document = replace(doc, text="")  # let the text go: memory is bounded by one file
            extractions.append(ex)
        timings["extract"] += time.perf_counter() - started
    if not extractions:
        raise InputError("nothing to build from " + ", ".join(map(str, paths)) + (
            "; " + "; ".join(skipped) if skipped else ""))
    started = time.perf_counter()
    kg = merge(extractions, base)
    timings["resolve"] = time.perf_counter() - started
    kg.skipped = skipped
    kg.notes = notes
    kg.timings = timings
    return kg


def _missing(ex: Extraction) -> list[str]:
    """What a document lacks that its genre usually has (it is built all the same)."""
    doc = ex.document
    if doc.first_line == doc.last_line:
        return [f"only a title; the {doc.genre} holds what the title says"]
    facts = {f.predicate for f in ex.facts if f.subject == DOC}
    if doc.genre == "Regulation" and not any(e.props.get("own") for e in ex.entities.values()):
        return ["a regulation with no numbered articles"]
    if doc.genre == "Judgment" and not facts & {"judge", "clerk"}:
        return ["a judgment with no signature block (no judge or clerk found)"]
    return []
