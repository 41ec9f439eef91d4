"""The collector an extraction writes into: one entity per thing in the document, with its mentions."""

from __future__ import annotations

from ..graph.model import DOC, Document, Entity, Extraction, Mention, Span
from .text import has_cjk


class Collector:
    """Registers entities by class and normalised keys; mentions that share a key are one entity."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.extraction = Extraction(doc)
        self._index: dict[tuple[str, str], str] = {}
        self._spans: dict[str, set[Span]] = {}  # each entity's mention spans

    @property
    def entities(self) -> dict[str, Entity]:
        return self.extraction.entities

    def entity(self, cls: str, name: str, keys: set[str], start: int | None = None, end: int | None = None,
               *, zh_name: str = "", props: dict[str, str] | None = None) -> str:
        eid = None
        for k in sorted(keys) if len(keys) > 1 else keys:  # the first key, in order, already registered
            if (eid := self._index.get((cls, k))) is not None:
                break
        if eid is None:
            eid = f"e{len(self.entities)}"
            self.entities[eid] = Entity(eid, cls, name)
        entity = self.entities[eid]
        entity.keys |= keys
        for k in keys:
            self._index[(cls, k)] = eid
        if zh_name and not entity.zh_name:
            entity.zh_name = zh_name
        if props:
            for k, v in props.items():
                entity.props.setdefault(k, v)
        if start is not None and end is not None:
            self.mention(eid, start, end)
        return eid

    def mention(self, eid: str, start: int, end: int, label: str = "") -> None:
        """A mention of entity `eid` at [start, end); `label` names it where the span alone does not
        ("52" in "Articles 47 and 52" is "Article 52")."""
        surface = self.doc.text[start:end]
        span = self.doc.span(start, end)
        entity = self.entities[eid]
        seen = self._spans.setdefault(eid, set())  # the collector adds every mention of its entities
        if span not in seen:
            seen.add(span)
            entity.mentions.append(Mention(surface, "zh" if has_cjk(surface) else "en", span,
                                           label if label != surface else ""))

    def sentence(self, person: str, start: int, end: int, imposed: bool = False) -> str:
        """The sentence of `person` this document states (one per person: the crimes, articles, term and fine
        its facts give), first stated by the text at [start, end); `imposed`: the document imposes it (a
        judgment, not a report on one)."""
        who = self.entities[person]
        zh = has_cjk(who.name)
        sid = self.entity("Sentence", f"{who.name}的刑罚" if zh else f"Sentence of {who.name}",
                          {f"sentence:{k}" for k in who.keys})
        if not self.entities[sid].mentions:
            self.mention(sid, start, end, self.entities[sid].name)
            self.fact(sid, "sentenceOf", person, start, end)
            if imposed:
                self.fact(sid, "imposedBy", DOC, start, end)
        return sid

    def part_sentence(self, sentence: str, crime: str, start: int, end: int) -> str:
        """The penalty of one crime within a sentence for several (the penalty to be served `combines` it),
        first stated by the text at [start, end)."""
        whole, of = self.entities[sentence], self.entities[crime]
        return self.entity("Sentence", f"{whole.name} for {of.name}",
                           {f"{k}|{c}" for k in whole.keys for c in sorted(of.keys)[:1]}, start, end)

    def fact(self, subject: str, predicate: str, obj: str | int | bool, start: int, end: int,
             literal: bool = False) -> None:
        if subject == obj:
            return
        self.extraction.add_fact(subject, predicate, obj, self.doc.span(start, end), self.doc.text[start:end], literal)
