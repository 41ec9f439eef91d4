"""Text -> entities and facts. `extract(document)` is a pure function of one document."""

from __future__ import annotations

from dataclasses import replace

from ..graph.model import Document, Extraction

VERSION = "1"


def extract(doc: Document) -> Extraction:
    """Everything one document names and states, with the span of each mention and fact. (The finders are
    imported here, not with the package: a command that only reads a build never loads them.)"""
    from .collect import Collector
    from .context import build
    from .genres import genre
    from .text import plain

    collector = Collector(doc)  # mentions and quotes as written
    ctx = build(replace(doc, text=plain(doc.view or doc.text, doc.wrap_width)), collector)  # patterns read the plain view
    genre(doc.genre).extract(ctx)
    return collector.extraction
