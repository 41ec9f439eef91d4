"""`kg build` into a folder, with early cutoff and patches.

The extraction cache spares the extraction of an unchanged file. A build stops even earlier when everything
the outputs are made from is what the folder was last built from: the same files, in the same order, with
the same extractions (a file whose bytes changed but whose extraction did not, such as a blank line added at
its end, counts as unchanged), the same options and the same code. The folder is then left as it is. When
only some files' extractions changed, and only in where things are (spans, quotes, line numbers: the same
shape, graph.patch), graph.ttl and the pages are patched rather than merged and written again.

A record of each build into a folder, kept in the cache folder (`builds/`), tells: each file's cache entry
and a digest of its extraction, each output file's size and modification time, and the name of the index
of what the last full build made of each file's documents (their IRIs, their pages' names, their entities'
nodes). An output file changed, added or removed since, and the build runs in full. Without a cache there
is no record: every build is full.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import time
from dataclasses import asdict, dataclass, field, replace
from itertools import islice
from pathlib import Path

from .cache import Cache, builder_version
from .kg import KnowledgeGraph
from .model import DEFAULT_BASE, DOC, FileResult, display
from .outputs import cannot_write, write_all
from .patch import PATCHED, Change, Index, NotPatchable, patch, shape
from .pipeline import extract_files, merge_results, open_cache, paused_gc
from .reader import MAX_FILE_BYTES, collect


@dataclass
class Report:
    """What a build into a folder did: its messages, its graph's counts, its timings and the files in the
    folder. `up_to_date`: nothing the outputs are made from had changed, so nothing was written; `written`
    is empty when `strict` stopped the build."""

    skipped: list[str]
    notes: list[str]
    summary: dict[str, dict[str, int]]
    counts: dict[str, int]  # documents, nodes, statements
    timings: dict[str, float] = field(default_factory=dict)
    written: list[Path] = field(default_factory=list)
    up_to_date: bool = False


@dataclass
class Record:
    """What a folder was last built from (`key`; `setup`: the code and options alone; `inputs`: each file's
    cache entry and extraction digest) and what it then held (`outputs`: each file's size and modification
    time), with the build's report and the name of its index (graph.patch.Index, in the same folder)."""

    key: str
    setup: str
    inputs: dict[str, list[str]]
    outputs: dict[str, list[int]]
    skipped: list[str]
    notes: list[str]
    summary: dict[str, dict[str, int]]
    counts: dict[str, int]
    index: str


def build_into(paths: list[str | Path], out: Path, formats: list[str], exports: list[str],
               base: str = DEFAULT_BASE, jobs: int = 1, scheduler: str | None = None,
               cache_dir: str | Path | None = None, strict: bool = False,
               max_file_size: int | None = MAX_FILE_BYTES) -> Report:
    """Build the graph of `paths` and write it into `out` (RDF in `formats`, the pages, `exports`), unless
    `out` already holds exactly that build. With `strict`, nothing is written if any file is skipped."""
    with paused_gc():
        return _build_into(paths, out, formats, exports, base, jobs, scheduler, cache_dir, strict, max_file_size)


def _build_into(paths: list[str | Path], out: Path, formats: list[str], exports: list[str], base: str, jobs: int,
                scheduler: str | None, cache_dir: str | Path | None, strict: bool,
                max_file_size: int | None) -> Report:
    started = time.perf_counter()
    files, unread = collect(list(paths), max_file_size)
    cache, notes = open_cache(cache_dir)
    timings: dict[str, float] = {}
    record = _load(cache, out) if cache is not None else None
    known = record.inputs if record is not None else {}
    changed = files if cache is None else [f for f in files if known.get(display(f), [""])[0] != cache.entry(f)]
    results = extract_files(changed, jobs, scheduler, cache, timings)
    setup = _setup(base, formats, exports)
    if cache is not None:
        digests = [known[display(f)][1] if f not in results else _digest(results[f]) for f in files]
        key = _key(setup, [display(f) for f in files], digests)
        inputs = {display(f): [cache.entry(f), d] for f, d in zip(files, digests, strict=True)}
        if record is not None and record.setup == setup and _outputs(out) == record.outputs:
            if record.key == key:
                timings["check"] = time.perf_counter() - started
                return Report(record.skipped, record.notes + cache.notes, record.summary, record.counts, timings,
                              [out.resolve() / p for p in sorted(record.outputs)], up_to_date=True)
            if (sorted(set(formats)) == PATCHED and not exports and not (strict and record.skipped)
                    and (report := _patched(cache, out, record, files, results, inputs, key, base, timings))):
                return report
    results.update(extract_files([f for f in files if f not in results], jobs, scheduler, cache, timings))
    kg = merge_results(paths, [results[f] for f in files], base, notes, timings, unread)
    counts = {"documents": len(kg.documents), "nodes": len(kg.nodes), "statements": len(kg.statements)}
    report = Report(kg.skipped, kg.notes, kg.summary(), counts, kg.timings)
    if strict and kg.skipped:
        report.notes = kg.notes + (cache.notes if cache is not None else [])
        return report
    report.written = write_all(kg, out, formats, exports, jobs=jobs)
    if cache is not None and cache.writable:
        started = time.perf_counter()
        try:
            index = _save_index(cache, out, key, [(display(f), len(results[f].extractions)) for f in files], kg)
        except (OSError, sqlite3.Error) as err:
            cache.unwritable(err)
        else:
            report.timings["index"] = time.perf_counter() - started
            _save(cache, out, Record(key, setup, inputs, _outputs(out), kg.skipped, kg.notes, report.summary, counts,
                                     index.path.name))
            for stale in index.path.parent.glob(f"{_name(out)}.*.sqlite"):
                if stale != index.path:
                    stale.unlink(missing_ok=True)
    report.notes = kg.notes + (cache.notes if cache is not None else [])
    return report


def _patched(cache: Cache, out: Path, record: Record, files: list[Path], results: dict[Path, FileResult],
             inputs: dict[str, list[str]], key: str, base: str, timings: dict[str, float]) -> Report | None:
    """The outputs in `out` patched for the files whose extraction changed (graph.patch) and the record
    saved, or None where they cannot be patched."""
    if list(record.inputs) != list(inputs):
        return None
    started = time.perf_counter()
    index = Index(cache.folder / "builds" / record.index)
    changes = []
    try:
        for f in files:
            if inputs[display(f)][1] != record.inputs[display(f)][1]:
                old = cache.load(record.inputs[display(f)][0], f)
                if old is None or shape(old) != shape(results[f]):
                    return None
                changes.append(Change(old, results[f], index.read(display(f))))
        written = patch(out, changes, base)
    except NotPatchable:
        return None
    except OSError as err:
        raise cannot_write(out, err) from None
    timings["patch"] = time.perf_counter() - started
    moved = {m: n for ch in changes for m, n in zip([*ch.old.skipped, *ch.old.notes], [*ch.new.skipped, *ch.new.notes],
                                                      strict=True)}
    record = replace(record, key=key, inputs=inputs, outputs=_outputs(out), skipped=[moved.get(m, m) for m in
                     record.skipped], notes=[moved.get(m, m) for m in record.notes])
    _save(cache, out, record)
    return Report(record.skipped, record.notes + cache.notes, record.summary, record.counts, timings, written)


def _save_index(cache: Cache, out: Path, key: str, files: list[tuple[str, int]], kg: KnowledgeGraph) -> Index:
    """Keep what the build made of each file's documents (graph.patch.Index)."""
    from .html import doc_slugs

    slugs = doc_slugs(kg)
    rows: dict[str, list[tuple[str, str, dict[str, str]]]] = {}
    documents = iter(kg.local_iris)
    for name, count in files:
        rows[name] = [(iris[DOC], slugs[iris[DOC]], iris) for iris in islice(documents, count)]
    index = Index(cache.folder / "builds" / f"{_name(out)}.{key[:16]}.sqlite")
    index.write(rows)
    return index


def _digest(result: FileResult) -> str:
    """A digest of what a file gives the merge: its documents' extractions and its messages."""
    h = hashlib.sha256()
    for ex in result.extractions:
        entities = [(e.id, e.cls, e.name, sorted(e.keys), e.zh_name, e.mentions, sorted(e.props.items()))
                    for e in ex.entities.values()]
        h.update(repr((replace(ex.document, path=""), entities, ex.facts)).encode())
    h.update(repr((result.skipped, result.notes)).encode())
    return h.hexdigest()


def _setup(base: str, formats: list[str], exports: list[str]) -> str:
    """A digest of the code and the options a build's outputs are made with."""
    return hashlib.sha256(json.dumps([builder_version(), base, sorted(set(formats)),
                                      sorted(set(exports))]).encode()).hexdigest()


def _key(setup: str, files: list[str], digests: list[str]) -> str:
    """A digest of everything a build's outputs are made from."""
    h = hashlib.sha256(setup.encode())
    for name, digest in zip(files, digests, strict=True):
        h.update(f"{name}\0{digest}\0".encode())
    return h.hexdigest()


def _outputs(out: Path) -> dict[str, list[int]]:
    """Each file in the folder `out` (by its path in it): its size and modification time."""
    found: dict[str, list[int]] = {}
    for folder, _dirs, names in os.walk(out):
        for name in names:
            path = os.path.join(folder, name)
            st = os.stat(path)
            found[os.path.relpath(path, out)] = [st.st_size, st.st_mtime_ns]
    return found


def _name(out: Path) -> str:
    """The name of an output folder's record (and index) in the cache."""
    return hashlib.sha256(str(out.resolve()).encode()).hexdigest()[:32]


def _record_path(cache: Cache, out: Path) -> Path:
    return cache.folder / "builds" / f"{_name(out)}.json"


def _load(cache: Cache, out: Path) -> Record | None:
    """The record of the last build into `out`, if there is a readable one."""
    try:
        return Record(**json.loads(_record_path(cache, out).read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError):
        return None  # none yet, or damaged: the build runs in full


def _save(cache: Cache, out: Path, record: Record) -> None:
    cache.write(_record_path(cache, out), json.dumps(asdict(record), ensure_ascii=False).encode("utf-8"))
