"""The pipeline: read -> split into documents -> extract -> resolve -> graph.

Extraction is a pure function of one file (`extract_file`), so it runs in one process, in `jobs`
processes, or on a Dask cluster (`scheduler`), and its result can be cached by the file's content; the
merge that follows sees the files in the same sorted order whichever way they were extracted, so the
outputs are the same bytes. Each document's text is let go once it is extracted: memory is bounded by the
largest file, not the folder.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from ..extractors import extract
from ..extractors.documents import split
from ..extractors.genres import genre
from .cache import Cache
from .kg import KnowledgeGraph
from .model import DEFAULT_BASE, Extraction, Fact, FileResult, HeaderField, Mention, Progress, Span, display, silent
from .reader import MAX_FILE_BYTES, UTF8, InputError, Source, collect, read
from .resolve import merge


def extract_file(path: str | Path) -> FileResult:
    """Read, split and extract one file (a pure function of the file's content and name)."""
    path = Path(path)
    result = FileResult(str(path))
    name = display(path)
    started = time.perf_counter()
    try:
        source = read(path)
    except InputError as err:
        result.skipped.append(str(err))
        return result
    finally:
        result.seconds["read"] = time.perf_counter() - started
    if source.encoding not in UTF8:
        result.notes.append(f"{name}: read as {source.encoding}, not UTF-8")
    started = time.perf_counter()
    for doc in split(source.text, path):
        where = f"{name}: lines {doc.first_line}-{doc.last_line} ({doc.title[:60]!r})"
        if not doc.genre:
            result.skipped.append(f"{where}: holds no word of the law; no regulation, judgment or news report")
            continue
        ex = extract(doc)
        if not doc.placed:
            result.notes.append(f"{where}: no layout or head placed it; read as plain text, a {doc.genre} by its words")
        result.notes += [f"{where}: {n}" for n in _missing(ex)]
        if source.left_out:
            _to_held(ex, source)
        ex.document = replace(ex.document, text="", view="", blocks=())  # let the text go: memory bounded by a file
        result.extractions.append(ex)
    result.seconds["extract"] = time.perf_counter() - started
    return result


def _to_held(ex: Extraction, source: Source) -> None:
    """An extraction's spans and quotes moved from the text the extractors read to the file's own (its CRLF
    line breaks, a stray byte-order mark): every offset indexes the file as it holds it."""
    text, held, span = source.text, source.held, source.held_span

    def cut(quote: str, start: int, end: int, a: int, b: int) -> str:
        return held[a:b] if quote == text[start:end] else quote

    d = ex.document
    start, end = span(d.start, d.end)
    header = tuple(HeaderField(f.kind, f.value, *span(f.start, f.end)) for f in d.header)
    ex.document = replace(d, start=start, length=end - start, header=header)
    for e in ex.entities.values():
        e.mentions = [Mention(cut(m.text, *m.span, a, b), m.lang, Span(a, b), m.label)
                      for m in e.mentions for a, b in [span(*m.span)]]
    ex.facts = [Fact(f.subject, f.predicate, f.obj, Span(a, b), cut(f.quote, *f.span, a, b), f.literal)
                for f in ex.facts for a, b in [span(*f.span)]]


def _missing(ex: Extraction) -> list[str]:
    """What a document lacks that its genre usually has (it is built all the same)."""
    doc = ex.document
    if doc.first_line == doc.last_line and doc.length <= len(doc.title) + 20:  # not a judgment printed as one line
        return [f"only a title; the {doc.genre} holds what the title says"]
    return genre(doc.genre).missing(ex)


def _extract_all(files: list[Path], jobs: int, scheduler: str | None) -> Iterator[FileResult]:
    """FileResults in the order of `files`, however they are computed."""
    if scheduler:
        from .distributed import map_files

        yield from map_files(scheduler, files, extract_file)
    elif jobs > 1 and len(files) > 1:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=jobs) as pool:
            yield from pool.map(extract_file, [str(f) for f in files], chunksize=max(1, len(files) // (jobs * 32)))
    else:
        yield from map(extract_file, files)


@contextmanager
def paused_gc() -> Iterator[None]:
    """No cyclic garbage collection while a build makes its millions of long-lived, acyclic objects."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def build(paths: list[str | Path] | str | Path, base: str = DEFAULT_BASE, jobs: int = 1,
          scheduler: str | None = None, cache_dir: str | Path | None = None,
          max_file_size: int | None = MAX_FILE_BYTES) -> KnowledgeGraph:
    """Build the knowledge graph of the .txt/.md files that `paths` name (files or folders).

    `jobs` extraction processes, or a Dask `scheduler` address ("tcp://host:port"); `cache_dir` keeps each
    file's extraction, keyed by its content and the extractors' version, so an unchanged file is not
    extracted again. Files that cannot be read and texts that are no regulation, judgment or news report
    are skipped and listed in `.skipped`; documents built with something missing are listed in `.notes`.
    Raises `InputError` when nothing usable is left."""
    with paused_gc():
        return _build([paths] if isinstance(paths, (str, Path)) else list(paths), base, jobs, scheduler, cache_dir,
                      max_file_size)


def _build(paths: list[str | Path], base: str, jobs: int, scheduler: str | None,
           cache_dir: str | Path | None, max_file_size: int | None) -> KnowledgeGraph:
    files, unread = collect(list(paths), max_file_size)
    cache, notes = open_cache(cache_dir)
    timings: dict[str, float] = {}
    results = extract_files(files, jobs, scheduler, cache, timings)
    return merge_results(paths, [results[f] for f in files], base, notes + (cache.notes if cache else []), timings,
                         unread)


def open_cache(cache_dir: str | Path | None) -> tuple[Cache | None, list[str]]:
    """The extraction cache in `cache_dir` (None: no cache), and a note if it cannot be made."""
    if not cache_dir:
        return None, []
    try:
        return Cache(Path(cache_dir)), []
    except OSError as err:
        return None, [f"{cache_dir}: no extraction cache ({err.strerror or err}); extracting every file"]


def extract_files(files: list[Path], jobs: int, scheduler: str | None, cache: Cache | None,
                  timings: dict[str, float], progress: Progress = silent) -> dict[Path, FileResult]:
    """Each file's extraction, from the cache or made (and cached); the seconds spent are added to
    `timings`, and `progress` is told each file done."""
    started = time.perf_counter()
    results: dict[Path, FileResult] = {}
    todo = files
    if cache is not None:
        results = {f: r for f in files if (r := cache.get(f)) is not None}
        todo = [f for f in files if f not in results]
        timings["cache"] = timings.get("cache", 0.0) + time.perf_counter() - started
        started = time.perf_counter()
    progress("extracting", len(results), len(files))
    for f, result in zip(todo, _extract_all(todo, jobs, scheduler), strict=True):
        results[f] = result
        if cache is not None:
            cache.put(f, result)
        progress("extracting", len(results), len(files))
    timings["read+extract (wall)"] = timings.get("read+extract (wall)", 0.0) + time.perf_counter() - started
    return results


def merge_results(paths: list[str | Path], ordered: list[FileResult], base: str, notes: list[str],
                  timings: dict[str, float], unread: list[str] | None = None) -> KnowledgeGraph:
    """The graph of the files' extractions, in the files' order (`unread`: what the folders held that could
    not be read). Raises `InputError` when nothing usable is left."""
    for stage in ("read", "extract"):  # seconds summed over the files (over all processes)
        timings[stage] = sum(r.seconds.get(stage, 0.0) for r in ordered)
    extractions = [ex for r in ordered for ex in r.extractions]
    skipped = [*(unread or []), *(s for r in ordered for s in r.skipped)]
    if not extractions:
        raise InputError("nothing to build from " + ", ".join(map(display, paths)) + (
            "; " + "; ".join(skipped) if skipped else ""))
    started = time.perf_counter()
    kg = merge(extractions, base)
    timings["resolve"] = time.perf_counter() - started
    kg.skipped = skipped
    kg.notes = notes + [n for r in ordered for n in r.notes]
    kg.timings = timings
    return kg
