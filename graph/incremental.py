"""`kg build` into a folder, with early cutoff.

The extraction cache spares the extraction of an unchanged file. A build stops even earlier when everything
the outputs are made from is what the folder was last built from: the same files, in the same order, with
the same extractions (a file whose bytes changed but whose extraction did not, such as a blank line added at
its end, counts as unchanged), the same options and the same code. The folder is then left as it is. A
record of each build into a folder, kept in the cache folder (`builds/`), tells: each file's cache entry and
a digest of its extraction, and each output file's size and modification time. An output file changed,
added or removed since, and the build runs in full. Without a cache there is no record: every build is
full.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

from .cache import Cache, builder_version
from .kg import DEFAULT_BASE
from .pipeline import FileResult, extract_files, merge_results, open_cache, paused_gc
from .reader import collect


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
    """What a folder was last built from (`key`; `inputs`: each file's cache entry and extraction digest)
    and what it then held (`outputs`: each file's size and modification time), with the build's report."""

    key: str
    inputs: dict[str, list[str]]
    outputs: dict[str, list[int]]
    skipped: list[str]
    notes: list[str]
    summary: dict[str, dict[str, int]]
    counts: dict[str, int]


def build_into(paths: list[str | Path], out: Path, formats: list[str], exports: list[str],
               base: str = DEFAULT_BASE, jobs: int = 1, scheduler: str | None = None,
               cache_dir: str | Path | None = None, strict: bool = False) -> Report:
    """Build the graph of `paths` and write it into `out` (RDF in `formats`, the pages, `exports`), unless
    `out` already holds exactly that build. With `strict`, nothing is written if any file is skipped."""
    with paused_gc():
        return _build_into(paths, out, formats, exports, base, jobs, scheduler, cache_dir, strict)


def _build_into(paths: list[str | Path], out: Path, formats: list[str], exports: list[str], base: str, jobs: int,
                scheduler: str | None, cache_dir: str | Path | None, strict: bool) -> Report:
    from .outputs import write_all

    started = time.perf_counter()
    files = collect(list(paths))
    cache, notes = open_cache(cache_dir)
    timings: dict[str, float] = {}
    record = _load(cache, out) if cache is not None else None
    known = record.inputs if record is not None else {}
    changed = files if cache is None else [f for f in files if known.get(str(f), [""])[0] != cache.entry(f)]
    results = extract_files(changed, jobs, scheduler, cache, timings)
    if cache is not None:
        digests = [known[str(f)][1] if f not in results else _digest(results[f]) for f in files]
        key = _key(base, formats, exports, [str(f) for f in files], digests)
        if record is not None and record.key == key and _outputs(out) == record.outputs:
            timings["check"] = time.perf_counter() - started
            return Report(record.skipped, record.notes, record.summary, record.counts, timings,
                          [out.resolve() / p for p in sorted(record.outputs)], up_to_date=True)
    results.update(extract_files([f for f in files if f not in results], jobs, scheduler, cache, timings))
    kg = merge_results(paths, [results[f] for f in files], base, notes, timings)
    counts = {"documents": len(kg.documents), "nodes": len(kg.nodes), "statements": len(kg.statements)}
    report = Report(kg.skipped, kg.notes, kg.summary(), counts, kg.timings)
    if strict and kg.skipped:
        return report
    report.written = write_all(kg, out, formats, exports, jobs=jobs)
    if cache is not None:
        inputs = {str(f): [cache.entry(f), d] for f, d in zip(files, digests, strict=True)}
        _save(cache, out, Record(key, inputs, _outputs(out), kg.skipped, kg.notes, report.summary, counts))
    return report


def _digest(result: FileResult) -> str:
    """A digest of what a file gives the merge: its documents' extractions and its messages."""
    h = hashlib.sha256()
    for ex in result.extractions:
        entities = [(e.id, e.cls, e.name, sorted(e.keys), e.zh_name, e.mentions, sorted(e.props.items()))
                    for e in ex.entities.values()]
        h.update(repr((replace(ex.document, path=""), entities, ex.facts)).encode())
    h.update(repr((result.skipped, result.notes)).encode())
    return h.hexdigest()


def _key(base: str, formats: list[str], exports: list[str], files: list[str], digests: list[str]) -> str:
    """A digest of everything a build's outputs are made from."""
    h = hashlib.sha256(json.dumps([builder_version(), base, sorted(set(formats)), sorted(set(exports))]).encode())
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


def _record_path(cache: Cache, out: Path) -> Path:
    return cache.folder / "builds" / f"{hashlib.sha256(str(out.resolve()).encode()).hexdigest()[:32]}.json"


def _load(cache: Cache, out: Path) -> Record | None:
    """The record of the last build into `out`, if there is a readable one."""
    try:
        return Record(**json.loads(_record_path(cache, out).read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError):
        return None  # none yet, or damaged: the build runs in full


def _save(cache: Cache, out: Path, record: Record) -> None:
    cache.write(_record_path(cache, out), json.dumps(asdict(record), ensure_ascii=False).encode("utf-8"))
