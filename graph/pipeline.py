"""The pipeline: read -> split into documents -> extract -> resolve -> graph."""

from __future__ import annotations

from pathlib import Path

from extractors import extract
from extractors.documents import split

from .kg import DEFAULT_BASE, KnowledgeGraph
from .reader import InputError, collect, read_text
from .resolve import merge


def build(paths: list[str | Path] | str | Path, base: str = DEFAULT_BASE) -> KnowledgeGraph:
    """Build the knowledge graph of the .txt/.md files that `paths` name (files or folders)."""
    if isinstance(paths, (str, Path)):
        paths = [paths]
    extractions = []
    skipped: list[str] = []
    for path in collect(list(paths)):
        try:
            text = read_text(path)
        except InputError as err:
            skipped.append(str(err))
            continue
        for doc in split(text, path):
            if doc.genre:
                extractions.append(extract(doc))
            else:
                skipped.append(f"{path}: lines {doc.first_line}-{doc.last_line} ({doc.title[:60]!r}) read as "
                               "no regulation, judgment or news report")
    if not extractions:
        raise InputError("no documents found in " + ", ".join(map(str, paths)) +
                         ("; " + "; ".join(skipped) if skipped else ""))
    kg = merge(extractions, base)
    kg.skipped = skipped
    return kg
