"""Text -> entities and facts. `extract(document)` is a pure function of one document."""

from __future__ import annotations

from dataclasses import replace

from graph.model import Document, Extraction

from .collect import Collector
from .context import build
from .genres import genre
from .text import plain

VERSION = "1"


def extract(doc: Document) -> Extraction:
    """Everything one document names and states, with the span of each mention and fact."""
    collector = Collector(doc)  # mentions and quotes as written
    ctx = build(replace(doc, text=plain(doc.view or doc.text, doc.wrap_width)), collector)  # patterns read the plain view
    genre(doc.genre).extract(ctx)
    return collector.extraction
