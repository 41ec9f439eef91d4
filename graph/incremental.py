"""`kg build` into a folder, with early cutoff and reused units.

The extraction cache spares the extraction of an unchanged file. A build stops even earlier when everything
the outputs are made from is what the folder was last built from: the same files, in the same order, with
the same extractions (a file whose bytes changed but whose extraction did not, such as a blank line added at
its end, counts as unchanged), the same options and the same code. The folder is then left as it is.
Otherwise the graph is merged again from the extractions, and written from units (graph.shards): the units
an earlier build rendered are kept in the cache and concatenated again, the pages and exports of the same
keys are linked from the last build, and its store is changed rather than loaded again.

A record of each build into a folder, kept in the cache folder (`builds/`), tells: each file's cache entry
and a digest of its extraction, each output file's size and modification time, and what the outputs are
made of (the keys of their units and files). An output file changed, added or removed since, and nothing of
the last build is reused. Without a cache there is no record: every build is written in full.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

from .cache import Cache, builder_version
from .model import DEFAULT_BASE, FileResult, Progress, display, silent
from .outputs import write_all
from .pipeline import extract_files, merge_results, open_cache, paused_gc
from .reader import MAX_FILE_BYTES, collect
from .shards import Previous, Reuse, Shards


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
    reused: bool = False


@dataclass
class Record:
    """What a folder was last built from (`key`; `setup`: the code and options alone; `inputs`: each file's
    cache entry and extraction digest), what it then held (`outputs`: each file's size and modification
    time) and what that is made of (`units`: the keys of each flavour's units, in order; `files`: each page's
    and export's key), with the build's report."""

    key: str
    setup: str
    inputs: dict[str, list[str]]
    outputs: dict[str, list[int]]
    skipped: list[str]
    notes: list[str]
    summary: dict[str, dict[str, int]]
    counts: dict[str, int]
    units: dict[str, list[str]] = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)


def build_into(paths: list[str | Path], out: Path, formats: list[str], exports: list[str],
               base: str = DEFAULT_BASE, jobs: int = 1, scheduler: str | None = None,
               cache_dir: str | Path | None = None, strict: bool = False,
               max_file_size: int | None = MAX_FILE_BYTES, progress: Progress | None = None) -> Report:
    """Build the graph of `paths` and write it into `out` (RDF in `formats`, the pages, `exports`), unless
    `out` already holds exactly that build. With `strict`, nothing is written if any file is skipped.
    `progress` is told each file extracted, then each stage: resolving, writing."""
    with paused_gc():
        return _build_into(paths, out, formats, exports, base, jobs, scheduler, cache_dir, strict, max_file_size,
                           progress or silent)


def _build_into(paths: list[str | Path], out: Path, formats: list[str], exports: list[str], base: str, jobs: int,
                scheduler: str | None, cache_dir: str | Path | None, strict: bool,
                max_file_size: int | None, progress: Progress) -> Report:
    started = time.perf_counter()
    files, unread = collect(list(paths), max_file_size)
    cache, notes = open_cache(cache_dir)
    timings: dict[str, float] = {}
    record = _load(cache, out) if cache is not None else None
    known = record.inputs if record is not None else {}
    changed = files if cache is None else [f for f in files if known.get(display(f), [""])[0] != cache.entry(f)]
    results = extract_files(changed, jobs, scheduler, cache, timings, progress)
    setup = _setup(base, formats, exports)
    previous = None
    if cache is not None:
        digests = [known[display(f)][1] if f not in results else _digest(results[f]) for f in files]
        key = _key(setup, [display(f) for f in files], digests)
        inputs = {display(f): [cache.entry(f), d] for f, d in zip(files, digests, strict=True)}
        if record is not None and record.setup == setup and _outputs(out) == record.outputs:
            if record.key == key:
                timings["check"] = time.perf_counter() - started
                return Report(record.skipped, record.notes + cache.notes, record.summary, record.counts, timings,
                              [out.resolve() / p for p in sorted(record.outputs)], up_to_date=True)
            previous = Previous(out.resolve(), record.units, record.files)
    results.update(extract_files([f for f in files if f not in results], jobs, scheduler, cache, timings, progress))
    progress("resolving", 0, None)
    kg = merge_results(paths, [results[f] for f in files], base, notes, timings, unread)
    counts = {"documents": len(kg.documents), "nodes": len(kg.nodes), "statements": len(kg.statements)}
    # without a cache to keep units in, nothing is reused or recorded
    reuse = Reuse(Shards(cache.folder / "shards"), previous, builder_version()) if cache is not None and \
        cache.writable else Reuse()
    report = Report(kg.skipped, kg.notes, kg.summary(), counts, kg.timings, reused=reuse.previous is not None)
    if strict and kg.skipped:
        report.notes = kg.notes + (cache.notes if cache is not None else [])
        return report
    progress("writing", 0, None)
    report.written = write_all(kg, out, formats, exports, jobs=jobs, reuse=reuse)
    if cache is not None and reuse.shards is not None:
        _save(cache, out, Record(key, setup, inputs, _outputs(out), kg.skipped, kg.notes, report.summary, counts,
                                 reuse.keys.units, reuse.keys.files))
        try:
            started = time.perf_counter()
            reuse.shards.prune(_kept(cache))
            report.timings["prune"] = time.perf_counter() - started
        except OSError as err:
            cache.unwritable(err)
    report.notes = kg.notes + (cache.notes if cache is not None else [])
    return report


def _kept(cache: Cache) -> dict[str, set[str]]:
    """The units of every recorded build (by flavour): what the shards keep."""
    keep: dict[str, set[str]] = {}
    for path in (cache.folder / "builds").glob("*.json"):
        try:
            units = json.loads(path.read_text(encoding="utf-8")).get("units", {})
        except (OSError, ValueError, AttributeError):
            continue
        for flavour, keys in units.items():
            keep.setdefault(flavour, set()).update(keys)
    return keep


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
