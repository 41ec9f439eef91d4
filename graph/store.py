"""The on-disk Oxigraph store a build leaves beside its RDF files (`graph.oxigraph/`), which `kg query`,
`kg show` and `graph.loader` open instead of parsing the RDF again.

The store holds what its RDF file holds (the richest format written: with N-Quads or TriG, each
document's named graph), so a query gives the same rows from either. RocksDB's files are not the same
bytes from one build to the next (they carry a random identity and a log); their content is, and
`content` is what tests and tools compare. A folder without a store (a build of an older version, or
files copied from elsewhere), or with one RocksDB cannot open (damaged), is read from its RDF.
"""

from __future__ import annotations

import errno
import os
import shutil
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import pyoxigraph as ox

NAME = "graph.oxigraph"
BATCH = 10_000_000  # bytes of N-Triples or N-Quads a bulk load takes at once
# RDF files to read a store from, the richest first (named graphs before a single graph)
LOAD_ORDER = (("graph.nq", ox.RdfFormat.N_QUADS), ("graph.trig", ox.RdfFormat.TRIG),
              ("graph.ttl", ox.RdfFormat.TURTLE), ("graph.jsonld", ox.RdfFormat.JSON_LD))


# the flavours a store is loaded from or changed by (graph.rdf.Plan's units)
FORMATS = {"ttl": ox.RdfFormat.TURTLE, "trig": ox.RdfFormat.TRIG, "nq": ox.RdfFormat.N_QUADS,
           "nt": ox.RdfFormat.N_TRIPLES}


def write(folder: Path, units: Iterable[bytes], flavour: str) -> Path:
    """A store in `folder`/graph.oxigraph loaded from units of N-Triples or N-Quads (graph.rdf.Plan), each
    complete; returns its path. The units are loaded a batch of about BATCH bytes at a time: a bulk load
    holds its whole input in memory (1.4 GB for 2.3 M triples at once, 130 MB in batches of 10 MB). A batch
    is loaded in a thread while the next is made (a bulk load lets go of Python's lock: the units are
    rendered meanwhile)."""

    def load(store: ox.Store) -> None:
        with ThreadPoolExecutor(max_workers=1) as loader:
            loading: Future[None] | None = None
            for batch in _batches(units):
                if loading is not None:
                    loading.result()
                # lenient: IRIs and language tags not checked again (a quarter of the load's time): the text is
                # what this build's writers made, whose every IRI and literal the tests parse strictly
                loading = loader.submit(store.bulk_load, batch, format=FORMATS[flavour], lenient=True)
            if loading is not None:
                loading.result()

    return _written(folder, load)


def _batches(units: Iterable[bytes]) -> Iterator[bytes]:
    """The units joined into batches of at least BATCH bytes (the last one what is left)."""
    batch: list[bytes] = []
    size = 0
    for unit in units:
        batch.append(unit)
        size += len(unit)
        if size >= BATCH:
            yield b"".join(batch)
            batch, size = [], 0
    if size:
        yield b"".join(batch)


def write_from_file(folder: Path) -> Path:
    """A store in `folder`/graph.oxigraph loaded from the richest RDF file there."""
    return _written(folder, lambda store: _load_rdf(store, folder))


def write_changed(folder: Path, old: Path, removed: list[bytes], added: list[bytes], flavour: str) -> bool:
    """A store in `folder`/graph.oxigraph: the store of folder `old` (linked, not copied: RocksDB never
    changes a file it has written) less the triples of the texts `removed`, plus those of `added` (each
    complete, in the flavour's format). False, and nothing made, when `old` has no store."""
    if not (old / NAME / "CURRENT").is_file():
        return False

    def change(store: ox.Store) -> None:
        for text in removed:
            for quad in ox.parse(text, format=FORMATS[flavour]):
                store.remove(quad)
        for text in added:
            store.extend(ox.parse(text, format=FORMATS[flavour]))

    _written(folder, change, start=lambda target: ox.Store.read_only(str(old / NAME)).backup(str(target)))
    return True


def _written(folder: Path, load: Callable[[ox.Store], None],
             start: Callable[[Path], None] | None = None) -> Path:
    """A store made at `folder`/graph.oxigraph by `load`: a new one, compacted; or, with `start`, the store
    `start` puts there, changed by `load`."""
    target = folder / NAME
    if target.exists():
        shutil.rmtree(target)
    try:
        if start is not None:
            start(target)
        store = ox.Store(str(target))
        load(store)
        if start is None:
            store.optimize()
        store.flush()
        del store
    except OSError as err:  # RocksDB says why in words only: the number callers advise on
        code = next((c for c in (errno.ENOSPC, errno.EDQUOT, errno.EACCES, errno.EPERM, errno.EROFS)
                     if err.errno is None and os.strerror(c) in str(err)), err.errno)
        raise OSError(code, os.strerror(code) if code else str(err), str(target)) from None
    for name in os.listdir(target):
        if name.startswith("LOG"):  # RocksDB's diary of this run: times and thread ids, no data
            os.unlink(target / name)
    return target


def _load_rdf(store: ox.Store, folder: Path) -> None:
    """Load the richest RDF file in `folder` into `store`; FileNotFoundError when there is none."""
    for name, fmt in LOAD_ORDER:
        if (folder / name).exists():
            store.bulk_load(path=str(folder / name), format=fmt)
            return
    raise FileNotFoundError(f"{folder}: no graph.ttl, graph.nq, graph.trig or graph.jsonld")


def open_folder(folder: Path) -> ox.Store:
    """The graph a `kg build` wrote into `folder`: its store opened read-only, or (without one) an
    in-memory store of its richest RDF file. Raises FileNotFoundError when there is neither."""
    if (folder / NAME / "CURRENT").is_file():
        try:
            return ox.Store.read_only(str(folder / NAME))
        except (OSError, RuntimeError):  # RocksDB says "Corruption: ..." with a RuntimeError
            pass  # unreadable (another version's, or damaged): the RDF says the same
    store = ox.Store()
    _load_rdf(store, folder)
    return store


def content(path: Path) -> bytes:
    """What a store holds, as sorted N-Quads lines: equal for stores of the same graph."""
    store = ox.Store.read_only(str(path))
    lines = store.dump(format=ox.RdfFormat.N_QUADS).splitlines(keepends=True)
    return b"".join(sorted(lines))
