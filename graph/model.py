"""The data model shared by the extractors, the resolver and the writers; it imports nothing of the
project, and every stage imports it.

Extraction is a pure function of one `Document` and returns an `Extraction`: the entities the
document names (with every mention's character span) and the facts it states (each with the span
of the words that state it). Spans are 0-based offsets into the decoded text of the source file.

Spans, mentions and facts are immutable values, named tuples: a big build makes millions of them, and
tuples are quick to make and to compare. Between processes and in the cache they travel as plain tuples
(pickling a named tuple calls back into Python for each one: twice the time).
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

ENTITY_CLASSES = ("Agency", "Court", "Person", "Organization", "Platform", "Statute", "Article",
                  "Service", "Crime", "Location", "Judgment", "Sentence", "Event", "Sanction", "Duty", "RegulatedParty")
# the relations from a judgment to the people its case is about (a criminal case's defendants, an
# administrative case's plaintiffs)
PARTIES = ("defendant", "plaintiff")
# the data files (gazetteers, patterns, layouts, queries, shapes); KG_ONTOLOGY_DIR points elsewhere
ONTOLOGY_DIR = Path(os.environ.get("KG_ONTOLOGY_DIR", Path(__file__).resolve().parent.parent / "ontology"))


Progress = Callable[[str, int, int | None], None]  # what is being done, how many done, of how many (None: unknown)


def silent(stage: str, done: int, total: int | None) -> None:
    """No progress shown."""


@contextmanager
def unimportable(name: str) -> Iterator[None]:
    """Inside the block, `import name` fails (a None in sys.modules), unless the module is imported already:
    for a library that imports a module only to use it where it can (python-igraph's numpy, jieba's
    pkg_resources), where importing it would cost every start its time."""
    if name in sys.modules:
        yield
        return
    sys.modules[name] = None  # type: ignore[assignment]
    try:
        yield
    finally:
        del sys.modules[name]


def display(path: os.PathLike[str] | str) -> str:
    """A path as messages and outputs name it: its undecodable bytes escaped (x\\xff.txt)."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


# tuple_of(Span, (start, end)): a named tuple made of its fields without NamedTuple's __new__ (twice as fast, where
# extraction makes millions: spans, facts, lines, words)
tuple_of = tuple.__new__


class Span(NamedTuple):
    """A character range [start, end) in the decoded text of a source file."""

    start: int
    end: int


class HeaderField(NamedTuple):
    """A fact a source layout states about a document above its text ("Promulgation Date: 2021-7-12",
    "Organ of Promulgation | The State Council", a status bracket): its kind (title, issuer, issued,
    effective, status, number, signatory, ...), its value as written, and its span in the file."""

    kind: str
    value: str
    start: int
    end: int


class Block(NamedTuple):
    """A part of a document's body as its layout lays it out: a table of contents ("toc"), a "part",
    "chapter" or "section", an "article" with its number ("1", "120-6") in the language of its heading,
    an article's "paragraph" (numbered from 1) and "item" (numbered as the text numbers it), a
    "signature" block, a "note" or an "annex"; its span in the file."""

    kind: str
    number: str
    lang: str
    start: int
    end: int


@dataclass(slots=True)
class Document:
    """One document cut out of a source file."""

    source: str  # file name, as given on the command line (its base name)
    path: str  # the path the file was read from
    text: str  # the document's own text (file_text[start:end])
    start: int  # offset of `text` in the decoded file
    first_line: int  # 1-based line numbers in the file
    last_line: int
    genre: str = ""  # the class of a registered genre (extractors.genres)
    title: str = ""
    languages: tuple[str, ...] = ()
    sha256: str = ""  # of the text, UTF-8
    length: int = 0  # characters; `text` itself is let go once the document is extracted
    alt_titles: tuple[str, ...] = ()  # other forms of the title (a judgment's court line alone)
    wrap_width: int = 0  # the width its file's lines are broken at, if they are (extractors.text.wrap_width)
    layouts: tuple[str, ...] = ()  # the source layouts its file was read with (extractors.layouts)
    header: tuple[HeaderField, ...] = ()  # what those layouts state about it
    view: str = ""  # its text as the layouts lay it out, offset for offset (markup blanked); "" if as written
    placed: bool = True  # False: neither a layout nor its head told its genre, which its words gave
    blocks: tuple[Block, ...] = ()  # its body's blocks, in order (extractors.layouts.blocks)

    def span(self, local_start: int, local_end: int) -> Span:
        """A file-level span for a range of this document's text."""
        return tuple_of(Span, (self.start + local_start, self.start + local_end))

    @property
    def end(self) -> int:
        return self.start + self.length


class Mention(NamedTuple):
    """A surface form naming an entity, where it occurs. `text` is exactly the text at `span`; `label` is
    the name it stands for where the span alone is not one ("52" in "Articles 47 and 52": "Article 52")."""

    text: str
    lang: str  # "en" or "zh"
    span: Span
    label: str = ""

    @property
    def name(self) -> str:
        return self.label or self.text


@dataclass
class Entity:
    """An entity as one document knows it.

    `keys` are normalised names: entities of one class that share a key, in any documents, are one
    thing. `name` is the preferred label; `zh_name` the Chinese one where known. `props` holds
    class-specific values (an article's number, the local id of its statute, ...).
    """

    id: str  # local to the extraction
    cls: str
    name: str
    keys: set[str] = field(default_factory=set)
    zh_name: str = ""
    mentions: list[Mention] = field(default_factory=list)
    props: dict[str, str] = field(default_factory=dict)

    def __reduce__(self) -> tuple:
        """Pickled with its mentions as plain tuples: a pickle of named tuples calls back into Python for
        each one, and a big build sends hundreds of thousands between processes."""
        return _entity, (self.id, self.cls, self.name, self.keys, self.zh_name,
                         [(m.text, m.lang, m.span.start, m.span.end, m.label) for m in self.mentions], self.props)


def _entity(eid: str, cls: str, name: str, keys: set[str], zh_name: str, mentions: list[tuple],
            props: dict[str, str]) -> Entity:
    rebuilt = [Mention(text, lang, Span(start, end), label) for text, lang, start, end, label in mentions]
    return Entity(eid, cls, name, keys, zh_name, rebuilt, props)


class Fact(NamedTuple):
    """A relation (object is an entity id) or an attribute (object is a literal value).

    `subject`/`obj` are local entity ids, or the document itself as `DOC`.
    """

    subject: str
    predicate: str
    obj: str | int
    span: Span
    quote: str
    literal: bool = False


DOC = "@doc"
DATED_FACTS = ("decidedOn", "issuedOn", "adoptedOn")  # the dates a document states of itself, beside its history
ISO_DATE = re.compile(r"\d{4}-\d\d-\d\d")


@dataclass
class Extraction:
    """What one document yields."""

    document: Document
    entities: dict[str, Entity] = field(default_factory=dict)
    facts: list[Fact] = field(default_factory=list)
    _seen: set[Fact] | None = field(default=None, repr=False, compare=False)  # the facts, while adding
    _quotes: dict[str, str] | None = field(default=None, repr=False, compare=False)  # one string per quote

    def add_fact(self, subject: str, predicate: str, obj: str | int, span: Span, quote: str,
                 literal: bool = False) -> None:
        if self._seen is None or self._quotes is None:
            self._seen, self._quotes = set(self.facts), {f.quote: f.quote for f in self.facts}
        quote = self._quotes.setdefault(quote, quote)
        fact = tuple_of(Fact, (subject, predicate, obj, span, quote, literal))
        if fact not in self._seen:
            self._seen.add(fact)
            self.facts.append(fact)

    def dated(self) -> str:
        """The date of the document as it states it (ISO; "" for none): the latest of its decision, issue or
        adoption and the dated steps of its history its header lists (adopted, amended, revised; not its entry
        into force): the date of the version a law's text is, or of the document that mentions one."""
        found = [str(f.obj) for f in self.facts if f.subject == DOC and f.predicate in DATED_FACTS]
        found += [f.value for f in self.document.header if f.kind != "effective"]
        return max((d for d in found if ISO_DATE.fullmatch(d)), default="")

    def __getstate__(self) -> dict:
        """Pickled without the working sets, its facts as plain tuples (an extraction travels between
        processes and into the cache; the facts' shared quotes travel once)."""
        facts = [(f.subject, f.predicate, f.obj, f.span.start, f.span.end, f.quote, f.literal) for f in self.facts]
        return {**self.__dict__, "_seen": None, "_quotes": None, "facts": facts}

    def __setstate__(self, state: dict) -> None:
        state["facts"] = [Fact(s, p, o, Span(a, b), q, literal) for s, p, o, a, b, q, literal in state["facts"]]
        self.__dict__.update(state)


@dataclass
class FileResult:
    """What one file yields: its documents' extractions, and what was skipped or is missing."""

    path: str
    extractions: list[Extraction] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)  # read, extract


# The merged graph


DEFAULT_BASE = "https://w3id.org/legal-kg/id/"


class Evidence(NamedTuple):
    """Where a fact or mention is stated: a document node, a span, the file and the span's exact text.
    Evidence sorts by document and position. (A named tuple: a big graph makes a million of them.)"""

    document: str  # the document node's IRI
    start: int
    end: int
    source: str  # file name
    quote: str


@dataclass(slots=True)
class Node:
    iri: str
    cls: str
    label: str
    label_lang: str = "en"
    alt_labels: set[tuple[str, str]] = field(default_factory=set)  # (text, lang)
    props: dict[str, Any] = field(default_factory=dict)  # number, text, title, source, ...
    evidence: list[Evidence] = field(default_factory=list)
    document: Document | None = None

    def label_in(self, lang: str) -> str:
        """The name of the node in a language: its label, or else the shortest of its other names ("" if none)."""
        if self.label_lang == lang:
            return self.label
        return min((t for t, lg in self.alt_labels if lg == lang), key=lambda t: (len(t), t), default="")

    @property
    def zh_label(self) -> str:
        return self.label_in("zh")


@dataclass(slots=True)
class Statement:
    """A relation (obj is a node IRI) or an attribute (obj is a value) with all its evidence."""

    subject: str
    predicate: str
    obj: str | int
    literal: bool
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Graph:
    """The merged graph as data: nodes, statements, the documents they come from; what the writers read."""

    nodes: dict[str, Node]
    statements: list[Statement]
    documents: list[Document]
    base: str = DEFAULT_BASE
    skipped: list[str] = field(default_factory=list)  # files or documents left out, one line each
    notes: list[str] = field(default_factory=list)  # documents built with something missing
    timings: dict[str, float] = field(default_factory=dict)  # seconds per stage of the build
    # per document of `documents`: the node IRI of each entity its extraction names (by local id), and its own
    # (by model.DOC)
    local_iris: list[dict[str, str]] = field(default_factory=list)

    def relations(self) -> list[Statement]:
        return [s for s in self.statements if not s.literal]

    def attributes(self) -> list[Statement]:
        return [s for s in self.statements if s.literal]

    def document_nodes(self) -> list[Node]:
        return [n for n in self.nodes.values() if n.document is not None]

    def entities(self, type: str | None = None) -> list[Node]:  # noqa: A002 - the ontology's word
        """The entity nodes (not documents), of one class if `type` is given, sorted by label."""
        if type is not None and type not in ENTITY_CLASSES:
            raise ValueError(f"unknown class {type!r}; use one of {', '.join(ENTITY_CLASSES)}")
        return sorted((n for n in self.nodes.values() if n.document is None and (type is None or n.cls == type)),
                      key=lambda n: (n.label, n.iri))

    def node(self, name: str | Node) -> Node:
        """The node with this IRI, or the one node with this label (any label, any case)."""
        if isinstance(name, Node):
            return name
        if name in self.nodes:
            return self.nodes[name]
        key = name.casefold()
        found = [n for n in self.nodes.values()
                 if n.label.casefold() == key or any(t.casefold() == key for t, _ in n.alt_labels)]
        if len(found) != 1:
            some = ", ".join(sorted(f"{n.label} ({n.cls})" for n in found)[:8])
            raise KeyError(f"{name!r} names {len(found)} nodes" + (f": {some}" if found else ""))
        return found[0]

    def evidence(self, node: str | Node) -> list[tuple[str, Evidence]]:
        """What states a node: ("mention", evidence) for each mention, and ("subject of P" / "object of P",
        evidence) for each fact it takes part in, sorted by document and position."""
        n = self.node(node)
        out = [("mention", ev) for ev in n.evidence]
        for st in self.statements:
            if st.subject == n.iri:
                out += [(f"subject of {st.predicate}", ev) for ev in st.evidence]
            elif not st.literal and st.obj == n.iri:
                out += [(f"object of {st.predicate}", ev) for ev in st.evidence]
        return sorted(out, key=lambda x: (x[1].document, x[1].start, x[1].end, x[0]))

    def summary(self) -> dict[str, dict[str, int]]:
        """Counts: documents by genre, entities by class, relations by predicate."""
        genres: dict[str, int] = {}
        classes: dict[str, int] = {}
        for n in self.nodes.values():
            bucket = genres if n.document is not None else classes
            bucket[n.cls] = bucket.get(n.cls, 0) + 1
        rels: dict[str, int] = {}
        for s in self.relations():
            rels[s.predicate] = rels.get(s.predicate, 0) + 1
        return {"documents": dict(sorted(genres.items())), "entities": dict(sorted(classes.items())),
                "relations": dict(sorted(rels.items()))}
