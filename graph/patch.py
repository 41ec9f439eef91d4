"""Patching a folder's outputs after some of its files changed, instead of merging and writing again.

When each changed file has the same shape as when the folder was built (the same documents with the same
titles, genres and languages; the same entities with the same ids, classes, names, keys, properties and
mention texts; the same facts; the same messages, but for line numbers), the merge gives the same nodes,
IRIs, labels and statements: only the evidence of the file's documents moved (spans, and the quotes of
facts), and the documents' lines, offsets and text hashes. Old and new evidence correspond one to one (the
k-th mention of an entity, the k-th fact). Where that correspondence keeps the evidence in order and a
span holds one quote on each side, sorting, truncating and taking the first all commute with it, so the
new outputs are the old ones with each piece of the documents' evidence replaced by its counterpart:

- graph.ttl: the blocks of the nodes the documents mention, of the statements they make and of the
  documents themselves are patched, and each piece of evidence's own block gives way to its counterpart's
  (both sections of the file are sorted by subject, so each block is found by bisection);
- graph.html: the entries of the same nodes (its array of nodes is sorted by IRI);
- index.html: the documents' lines; docs/: the documents' pages (anchors, quotes, lines and text);
- the store (graph.oxigraph/): the old one linked, less the triples of the blocks replaced, plus those of
  their replacements.
Every other file is linked into the new folder, not copied. What this cannot do (another RDF format, an
export, a changed shape, evidence that would reorder) raises `NotPatchable`, and the build runs in full.
"""

from __future__ import annotations

import json
import mmap
import os
import re
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

from . import store
from .html import _script_json, _short, esc, graph_shell, place, text_section
from .model import Document, Evidence, FileResult
from .outputs import staged
from .rdf import FILE_NAMES, document_place, evidence_block, evidence_iri, prefix_lines, statement_iri, turtle_pair

PATCHED = ["ttl"]  # the RDF formats a patch keeps up to date (with no exports)
EVIDENCE_VERBS = ("kg:mention", "prov:wasDerivedFrom")


class NotPatchable(Exception):
    """The outputs cannot be patched for this change: the build runs in full."""


def shape(result: FileResult) -> list:
    """What a file gives the merge, but for its evidence and its documents' places (and the line numbers
    in its messages): files of one shape give the same nodes, IRIs, labels and statements."""
    out: list = [[re.sub(r"\d+", "#", m) for m in (*result.skipped, "", *result.notes)]]  # lines move
    for ex in result.extractions:
        d = ex.document
        entities = [(e.id, e.cls, e.name, sorted(e.keys), e.zh_name, sorted(e.props.items()),
                     [(m.text, m.label, m.lang) for m in e.mentions]) for e in ex.entities.values()]
        out.append((d.source, d.genre, d.title, d.alt_titles, d.languages, entities,
                    [(f.subject, f.predicate, f.obj, f.literal) for f in ex.facts]))
    return out


@dataclass
class Change:
    """A changed file: its old and new extraction and, for each of its documents, what the last full build
    made of it: the document's IRI, its page's name, and each entity's node IRI (by local id)."""

    old: FileResult
    new: FileResult
    docs: list[tuple[str, str, dict[str, str]]]


class Index:
    """What a full build made of each file's documents (see `Change.docs`), kept for later patches."""

    def __init__(self, path: Path):
        self.path = path

    def write(self, rows: dict[str, list[tuple[str, str, dict[str, str]]]]) -> None:
        tmp = self.path.with_suffix(".tmp")
        tmp.parent.mkdir(parents=True, exist_ok=True)
        tmp.unlink(missing_ok=True)
        with sqlite3.connect(tmp) as db:
            db.execute("CREATE TABLE files (path TEXT PRIMARY KEY, docs TEXT)")
            db.executemany("INSERT INTO files VALUES (?, ?)",
                           ((p, json.dumps(docs, ensure_ascii=False)) for p, docs in rows.items()))
        db.close()
        os.replace(tmp, self.path)

    def read(self, path: str) -> list[tuple[str, str, dict[str, str]]]:
        try:
            with sqlite3.connect(f"file:{self.path}?mode=ro", uri=True) as db:
                row = db.execute("SELECT docs FROM files WHERE path = ?", (path,)).fetchone()
            db.close()
        except sqlite3.Error as err:
            raise NotPatchable(f"{self.path}: {err}") from None
        if row is None:
            raise NotPatchable(f"{path}: not in the index")
        return [(iri, page, iris) for iri, page, iris in json.loads(row[0])]


def patch(out: Path, changes: list[Change], base: str) -> list[Path]:
    """Patch the outputs in `out` for `changes` (into a new folder that replaces it). Returns the files."""
    out = out.resolve()
    moved = _correspondence(changes)
    at = {(o.document, o.start, o.end): n for o, n in moved.items()}
    swap = {evidence_iri(o.document, o.start, o.end, base): evidence_iri(n.document, n.start, n.end, base)
            for o, n in moved.items() if (o.start, o.end) != (n.start, n.end)}
    places = {iri: (old.document, new.document) for ch in changes
              for (iri, _page, _iris), old, new in zip(ch.docs, ch.old.extractions, ch.new.extractions, strict=True)}
    pages = {f"docs/{page}.html": iri for ch in changes for iri, page, _iris in ch.docs}
    nodes, statements = _touched(changes, base)
    with staged(out) as stage:
        tmp = stage.folder
        for folder, _dirs, names in os.walk(out):
            for name in names:
                path = os.path.join(folder, name)
                rel = os.path.relpath(path, out)
                if (rel not in ("graph.ttl", "graph.html", "index.html") and rel not in pages
                        and not rel.startswith(store.NAME + os.sep)):
                    os.makedirs(os.path.join(tmp, os.path.dirname(rel)), exist_ok=True)
                    try:
                        os.link(path, os.path.join(tmp, rel))
                    except OSError:  # a file system without hard links
                        shutil.copy2(path, os.path.join(tmp, rel))
        reports, removed, added = _patch_turtle(out / FILE_NAMES["ttl"], tmp / FILE_NAMES["ttl"], swap, moved,
                                                places, statements, nodes, base)
        nodes |= reports
        store.write_changed(tmp, out, removed, added)
        _rewrite(out / "graph.html", tmp / "graph.html", lambda text: _patch_graph_page(text, nodes, pages, at))
        _rewrite(out / "index.html", tmp / "index.html", lambda text: _patch_index(text, pages, places))
        for rel, iri in pages.items():
            old, new = places[iri]
            _rewrite(out / rel, tmp / rel, lambda text, iri=iri, old=old, new=new: _patch_document_page(
                text, iri, old, new, at))
    return stage.written


def _correspondence(changes: list[Change]) -> dict[Evidence, Evidence]:
    """Each piece of the changed documents' evidence and its counterpart; raises `NotPatchable` where
    the counterparts would not keep the evidence in order or a span would hold two quotes."""
    moved: dict[Evidence, Evidence] = {}

    def pair(old: Evidence, new: Evidence) -> None:
        if moved.setdefault(old, new) != new:
            raise NotPatchable(f"{old.source}: one piece of evidence has two counterparts")

    for ch in changes:
        for a, b, (doc, _page, _iris) in zip(ch.old.extractions, ch.new.extractions, ch.docs, strict=True):
            source = a.document.source
            for e in a.entities.values():
                for m, n in zip(e.mentions, b.entities[e.id].mentions, strict=True):
                    pair(Evidence(doc, *m.span, source, m.text), Evidence(doc, *n.span, source, n.text))
            for f, g in zip(a.facts, b.facts, strict=True):
                pair(Evidence(doc, *f.span, source, f.quote), Evidence(doc, *g.span, source, g.quote))
    olds = sorted(moved)
    news = [moved[o] for o in olds]
    if any(x >= y for x, y in pairwise(news)):
        raise NotPatchable("the edit reorders evidence")
    for side in (olds, news):
        if len({(ev.document, ev.start, ev.end) for ev in side}) != len(side):
            raise NotPatchable("a span holds two quotes")
    return moved


def _touched(changes: list[Change], base: str) -> tuple[set[str], set[str]]:
    """The nodes the changed documents are, mention or relate, and the statements they make (by IRI)."""
    nodes: set[str] = set()
    statements: set[str] = set()
    for ch in changes:
        for ex, (doc, _page, iris) in zip(ch.new.extractions, ch.docs, strict=True):
            nodes.add(doc)
            nodes.update(iris[e.id] for e in ex.entities.values() if e.mentions)
            for f in ex.facts:
                s = iris[f.subject]
                o = f.obj if f.literal else iris[str(f.obj)]
                if s != o:
                    statements.add(statement_iri(s, f.predicate, o, base))
                    nodes.update((s,) if f.literal else (s, str(o)))
    return nodes, statements


def _rewrite(src: Path, dst: Path, change: Callable[[str], str]) -> None:
    try:
        text = src.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise NotPatchable(f"{src}: {err}") from None
    dst.parent.mkdir(parents=True, exist_ok=True)
    dst.write_text(change(text), encoding="utf-8")


def _first(lo: int, hi: int, start_at: Callable[[int], int], after: Callable[[int], bool]) -> int:
    """Bisection over sorted entries: `start_at(pos)` is where the first entry at or after `pos` starts (at
    or after `hi` where none does before it), `after(p)` whether the entry at `p` is at or past the one
    sought (false, then true). Returns the first entry in [lo, hi) that is, or the first at or after hi."""
    while lo < hi:
        mid = (lo + hi) // 2
        p = start_at(mid)
        if p >= hi or after(p):
            hi = mid
        else:
            lo = p + 1
    return start_at(lo)


class _Subjects:
    """The subject lines of a Turtle file as this project writes it: each starts with "<" (a subject's
    further predicates are on lines that start with a tab; strings hold no line breaks), and they are
    sorted in each of the file's two sections (statements, then evidence)."""

    def __init__(self, data: mmap.mmap):
        self.data = data

    def line(self, pos: int) -> int:
        """The first subject line at or after `pos` (the end of the file if none)."""
        if pos <= 0:
            return 0 if self.data[:1] == b"<" else self.line(1)
        found = self.data.find(b"\n<", pos - 1)
        return len(self.data) if found < 0 else found + 1

    def key(self, pos: int) -> bytes:
        end = self.data.find(b">", pos)
        if end < 0:
            raise NotPatchable("graph.ttl: a subject line with no end")
        return self.data[pos + 1:end]

    def first(self, lo: int, hi: int, after: Callable[[bytes], bool]) -> int:
        """The first subject line in [lo, hi) whose key is `after` (false, then true: keys are sorted), or
        the first at or after hi."""
        return _first(lo, hi, self.line, lambda p: after(self.key(p)))

    def at(self, iri: str, lo: int, hi: int) -> int:
        """Where the block of subject `iri` is or would be in [lo, hi)."""
        key = iri.encode()
        return self.first(lo, hi, lambda k: k >= key)

    def block(self, iri: str, lo: int, hi: int) -> tuple[int, int] | None:
        """Where the block of subject `iri` (with its "#" parts) is in [lo, hi), if there."""
        key = iri.encode()
        start = self.at(iri, lo, hi)
        if start >= hi or self.key(start) != key:
            return None
        end = self.line(start + 1)
        while end < len(self.data) and self.key(end).startswith(key + b"#"):
            end = self.line(end + 1)
        return start, end


def _patch_turtle(src: Path, dst: Path, swap: dict[str, str], moved: dict[Evidence, Evidence],
                  places: dict[str, tuple[Document, Document]], statements: set[str], nodes: set[str],
                  base: str) -> tuple[set[str], bytes, bytes]:
    """Write graph.ttl patched; returns the judgments the changed news reports report on, and the Turtle
    of the blocks taken out and of those put in (each with the prefixes)."""
    with _mapped(src) as (fd, data):
        lines = _Subjects(data)
        main = lines.line(0)
        evidence_prefix = f"{base}evidence/".encode()
        evidence = lines.first(main, len(data), lambda k: k.startswith(evidence_prefix))
        edits: list[tuple[int, int, str, bytes]] = []

        def patched(iri: str) -> str:
            where = lines.block(iri, main, evidence)
            if where is None:
                raise NotPatchable(f"{src}: no block of {iri}")
            old, new = places.get(iri, (None, None))
            moves = {} if old is None or new is None else {
                turtle_pair(p, o): turtle_pair(p, n)
                for (p, o), (_, n) in zip(document_place(old), document_place(new), strict=True)}
            text = _patch_block(data[where[0]:where[1]].decode("utf-8"), swap, moves)
            edits.append((*where, iri, text.encode("utf-8")))
            return text

        reports: set[str] = set()
        reported: set[str] = set()
        for doc in places:
            verbs = patched(doc).split(" ;\n\t")
            judgments = re.findall(r"<([^>]*)>", next((v for v in verbs if v.startswith("kg:reportsOn ")), ""))
            reports.update(judgments)
            reported.update(statement_iri(doc, "reportsOn", j, base) for j in judgments)
        for iri in [*sorted(nodes - set(places)), *sorted(statements | reported)]:
            patched(iri)
        for o, n in moved.items():
            if o == n:
                continue
            old_iri = evidence_iri(o.document, o.start, o.end, base)
            where = lines.block(old_iri, evidence, len(data))
            if where is None:
                continue  # evidence of a fact that resolved to nothing (a node related to itself)
            new_iri = swap.get(old_iri, old_iri)
            edits.append((*where, old_iri, b""))
            at = lines.at(new_iri, evidence, len(data))
            edits.append((at, at, new_iri, evidence_block(new_iri, n).encode("utf-8")))
        _splice(fd, len(data), dst, edits)
        prefixes = prefix_lines().encode("utf-8")
        removed = prefixes + b"".join(data[start:end] for start, end, _iri, _text in edits)
        added = prefixes + b"".join(text for _start, _end, _iri, text in edits)
    return reports, removed, added


@contextmanager
def _mapped(src: Path) -> Iterator[tuple[int, mmap.mmap]]:
    """A file's descriptor and its bytes, mapped."""
    try:
        f = src.open("rb")
    except OSError as err:
        raise NotPatchable(f"{src}: {err}") from None
    with f:
        try:
            data = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        except (OSError, ValueError) as err:  # ValueError: an empty file cannot be mapped
            raise NotPatchable(f"{src}: {err}") from None
        with data:
            yield f.fileno(), data


def _patch_block(block: str, swap: dict[str, str], moves: dict[str, str]) -> str:
    """A subject block with each evidence IRI in `swap` replaced by its counterpart (each list of
    evidence kept sorted) and each predicate-object pair in `moves` replaced."""
    subject, _, body = block.partition(" ")
    if not body.endswith(" .\n"):
        raise NotPatchable(f"{subject}: not a block")
    parts = body[:-3].split(" ;\n\t")
    for k, part in enumerate(parts):
        verb, _, objs = part.partition(" ")
        if verb in EVIDENCE_VERBS:
            iris = sorted(swap.get(o[1:-1], o[1:-1]) for o in objs.split(" , "))
            parts[k] = verb + " " + " , ".join(f"<{iri}>" for iri in iris)
        elif part in moves:
            parts[k] = moves.pop(part)
    if moves:
        raise NotPatchable(f"{subject}: its place is not where the document's was")
    return subject + " " + " ;\n\t".join(parts) + " .\n"


def _splice(src: int, size: int, dst: Path, edits: list[tuple[int, int, str, bytes]]) -> None:
    """Write the file `src` (a descriptor) to `dst` with each (start, end, _, text) range replaced."""
    with dst.open("wb", buffering=0) as out:
        pos = 0
        for start, end, _key, text in sorted(edits):
            if start < pos:
                raise NotPatchable(f"{dst.name}: two changes overlap")
            _copy(src, out.fileno(), pos, start)
            out.write(text)
            pos = end
        _copy(src, out.fileno(), pos, size)


def _copy(src: int, dst: int, start: int, end: int) -> None:
    """Bytes [start, end) of `src` appended to `dst` (in the kernel where it can)."""
    while start < end:
        try:
            done = os.copy_file_range(src, dst, end - start, start)
        except OSError:
            done = os.write(dst, os.pread(src, min(end - start, 1 << 24), start))
        if done <= 0:
            raise NotPatchable("the old file ended early")
        start += done


def _patch_graph_page(text: str, nodes: set[str], pages: dict[str, str], at: dict[tuple[str, int, int], Evidence]
                      ) -> str:
    """graph.html with the entries of `nodes` given their evidence's counterparts."""
    before, after = graph_shell()
    if not text.startswith(before) or not text.endswith(after):
        raise NotPatchable("graph.html: not as a build writes it")
    decode = json.JSONDecoder().raw_decode
    start = len(before)
    docs, _ = decode(text, start + len('{"docs":'))
    index = {i: pages[f"docs/{d['slug']}.html"] for i, d in enumerate(docs) if f"docs/{d['slug']}.html" in pages}
    lo = text.index(',"nodes":[', start) + len(',"nodes":[')
    hi = text.index('],"styles":', lo)

    def entry_id(pos: int) -> str:
        at_id = text.index('"id":', pos) + len('"id":')
        return decode(text, at_id)[0]

    def moved(ev: list) -> list:
        if ev[0] not in index:
            return ev
        new = at.get((index[ev[0]], ev[1], ev[2]))
        if new is None:
            raise NotPatchable(f"graph.html: no counterpart of {ev}")
        return [ev[0], new.start, new.end, _short(new.quote)]

    def entry_at(pos: int) -> int:  # the entries start with '{"alt":'
        found = text.find('{"alt":', pos, hi)
        return hi if found < 0 else found

    edits = []
    for iri in sorted(nodes):
        p = _first(lo, hi, entry_at, lambda p, iri=iri: entry_id(p) >= iri)
        if p >= hi or entry_id(p) != iri:
            continue  # not one of the nodes the page shows
        entry, end = decode(text, p)
        entry["mentions"] = [moved(ev) for ev in entry["mentions"]]
        for fact in entry["facts"]:
            fact["ev"] = [moved(ev) for ev in fact["ev"]]
        edits.append((p, end, _script_json(entry)))
    parts, pos = [], 0
    for a, b, new in edits:
        parts += [text[pos:a], new]
        pos = b
    return "".join(parts) + text[pos:]


def _patch_index(text: str, pages: dict[str, str], places: dict[str, tuple[Document, Document]]) -> str:
    """index.html with each changed document's lines."""
    for rel, iri in pages.items():
        old, new = places[iri]
        line = text.find(f'<li><a href="{esc(rel)}">')
        stated = f"<small>({place(old)})</small></li>\n"
        end = text.find(stated, line)
        if line < 0 or end < 0 or "\n" in text[line:end]:
            raise NotPatchable(f"index.html: no line of {rel}")
        text = text[:end] + f"<small>({place(new)})</small></li>\n" + text[end + len(stated):]
    return text


ANCHORED = re.compile(r'^<(tr|li)(?: id="ev-(\d+)-(\d+)")?>')


def _patch_document_page(text: str, iri: str, old: Document, new: Document,
                         at: dict[tuple[str, int, int], Evidence]) -> str:
    """A document's page with its new lines, its evidence's anchors and quotes, and its new text."""
    head, rule, _ = text.rpartition("<h2>Text</h2>")
    if not rule:
        raise NotPatchable(f"{iri}: its page has no text")
    _, closing = text.rsplit("</pre>", 1)
    lines = head.split("\n")
    heading = next((k for k, line in enumerate(lines) if line.startswith("<h1>")), len(lines)) + 1
    if heading >= len(lines) or f" · {place(old)}" not in lines[heading]:
        raise NotPatchable(f"{iri}: its page is not where the document was")
    lines[heading] = lines[heading].replace(f" · {place(old)}", f" · {place(new)}", 1)
    span: tuple[int, int] | None = None
    for k, line in enumerate(lines):
        m = ANCHORED.match(line)
        if m is None or line.startswith("<tr><th>"):
            continue
        if m[2] is not None:
            span = (int(m[2]), int(m[3]))
            ev = at.get((iri, *span))
            if ev is None:
                raise NotPatchable(f"{iri}: no counterpart of the page's ev-{span[0]}-{span[1]}")
            line = f'<{m[1]} id="ev-{ev.start}-{ev.end}">' + line[m.end():]
        if m[1] == "tr":
            ev = at.get((iri, *span)) if span is not None else None
            cells, cell, _ = line.rpartition('<td class="quote">')
            if ev is None or not cell:
                raise NotPatchable(f"{iri}: a row of its page has no evidence")
            line = f'{cells}<td class="quote">{esc(_short(ev.quote))}</td></tr>'
        lines[k] = line
    anchored = {(int(a), int(b)) for a, b in re.findall(r'id="ev-(\d+)-(\d+)"', "\n".join(lines))}
    spans = {(ev.start, ev.end) for (doc, _start, _end), ev in at.items() if doc == iri}
    return "\n".join(lines) + text_section(new, spans - anchored) + closing
