"""Writing a build's files atomically: everything goes to a temporary folder beside the output folder,
which replaces the old one only when complete. A build killed half-way leaves the previous outputs as
they were.

Each RDF format, the pages and each export is a task of its own; with more than one job the tasks are
dealt, the biggest first, to this process and forked ones (which share the graph, not copy it)."""

from __future__ import annotations

import errno
import multiprocessing
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path

from .kg import KnowledgeGraph
from .model import display
from .pipeline import paused_gc

# the stage each task counts towards in the timings, and its share of the work in a big build (the order
# in which parallel workers take the tasks: the longest first; the store, the longest, is written by this
# process, see _shares)
STAGES = {"html": ("write HTML", 9), "store": ("write store", 40), "ttl": ("write RDF", 12),
          "trig": ("write RDF", 12), "nq": ("write RDF", 9),
          "jsonld": ("write RDF", 12), "gexf": ("exports", 6), "graphml": ("exports", 4), "json": ("exports", 3),
          "csv": ("exports", 2), "neo4j": ("exports", 2)}


class OutputError(Exception):
    """Outputs that cannot be written (a full disk, a folder without permission); the message names the
    folder, which stays as it was."""


def cannot_write(out: Path, err: OSError) -> OutputError:
    advice = {errno.ENOSPC: "free some space or choose another --out", errno.EDQUOT: "free some space or choose "
              "another --out", errno.EACCES: "check its permissions or choose another --out",
              errno.EPERM: "check its permissions or choose another --out", errno.EROFS: "choose another --out"}
    why = "exists and is not a folder" if isinstance(err, NotADirectoryError) else (err.strerror or str(err))
    return OutputError(f"cannot write {display(out)} ({why}); it is as it was: "
                       f"{advice.get(err.errno or 0, 'choose another --out')}")


def write_all(kg: KnowledgeGraph, out: Path, formats: list[str], exports: list[str], jobs: int = 1) -> list[Path]:
    """RDF in `formats`, the store (graph.oxigraph/), the pages (index.html, graph.html, docs/) and
    `exports` (into export/FORMAT/), in `jobs` processes. Returns the files written, as they stand in
    `out`. Raises `OutputError` when they cannot be written."""
    with paused_gc():
        try:
            return _write_all(kg, out, formats, exports, jobs)
        except OSError as err:
            raise cannot_write(out, err) from None


def _write_all(kg: KnowledgeGraph, out: Path, formats: list[str], exports: list[str], jobs: int) -> list[Path]:
    with staged(out) as stage:
        _run(kg, stage.folder, formats, exports, jobs)
    return stage.written


@dataclass
class Stage:
    folder: Path  # where to write
    written: list[Path] = field(default_factory=list)  # once in place: the files, as they stand in `out`


@contextmanager
def staged(out: Path) -> Iterator[Stage]:
    """A temporary folder beside `out` to write into (`.folder`); when the block ends without an error it
    replaces `out` (its files are then listed in `.written`), and otherwise it is removed."""
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    if out.exists() and not out.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, "exists and is not a folder", str(out))
    for stale in out.parent.glob(f".{out.name}.*.tmp"):
        shutil.rmtree(stale, ignore_errors=True)  # left by a build that was killed
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent))
    umask = os.umask(0)
    os.umask(umask)
    tmp.chmod(0o777 & ~umask)  # mkdtemp makes it private; the outputs are an ordinary folder
    stage = Stage(tmp)
    try:
        yield stage
        written = sorted(p.relative_to(tmp) for p in tmp.rglob("*") if p.is_file())
        _swap(tmp, out)
        stage.written = [out / p for p in written]
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _run(kg: KnowledgeGraph, tmp: Path, formats: list[str], exports: list[str], jobs: int) -> None:
    from . import html, rdf, store

    def task(name: str) -> float:
        started = time.perf_counter()
        if name == "html":
            html.write_site(kg, tmp)
        elif name == "store":  # what the richest RDF file holds: named graphs with N-Quads or TriG
            store.write(tmp, rdf.nquads_chunks(kg, named_graphs=bool({"nq", "trig"} & set(formats))))
        elif name in exports:
            kg.export(tmp / "export" / name, to=name)
        else:
            rdf.write(kg, tmp, [name])
        return time.perf_counter() - started

    names = sorted(["html", "store", *formats, *exports], key=lambda n: -STAGES[n][1])
    started = time.perf_counter()
    forking = jobs > 1 and len(names) > 1 and "fork" in multiprocessing.get_all_start_methods()
    if forking and exports:
        kg.nx  # noqa: B018 - made once here, shared by the exports' processes
    shares = _shares(names, min(jobs, len(names)) if forking else 1)
    context = multiprocessing.get_context("fork")
    children = []
    try:
        for share in shares[1:]:  # this process takes the first share: one fewer process copies the graph
            receive, send = context.Pipe(duplex=False)
            child = context.Process(target=_run_share, args=(task, share, send))
            child.start()
            send.close()
            children.append((child, receive, share))
        seconds = {name: task(name) for name in shares[0]}
        for child, receive, share in children:
            try:
                outcome, value = receive.recv()
            except EOFError:
                outcome, value = "error", RuntimeError(f"writing {', '.join(share)} failed (the process died)")
            child.join()
            if outcome == "error":
                raise value
            seconds.update(value)
    finally:
        for child, _receive, _share in children:
            if child.is_alive():
                child.terminate()
                child.join()
    for name in names:
        stage = STAGES[name][0]
        kg.timings[stage] = kg.timings.get(stage, 0.0) + seconds[name]
    if len(shares) > 1:
        kg.timings["write (wall)"] = time.perf_counter() - started


def _shares(names: list[str], n: int) -> list[list[str]]:
    """The tasks (longest first) dealt to `n` processes, each to the least loaded; the store goes to this
    process (the first share): a forked process must not start RocksDB, whose threads and locks in the
    process it was forked from (a store opened there before) do not survive the fork."""
    shares: list[list[str]] = [[] for _ in range(n)]
    load = [0] * n
    for name in names:
        k = 0 if name == "store" else load.index(min(load))
        shares[k].append(name)
        load[k] += STAGES[name][1]
    return shares


def _run_share(task: Callable[[str], float], share: list[str], send: Connection) -> None:
    """A forked writer: runs its tasks and sends back their seconds, or what went wrong."""
    try:
        send.send(("ok", {name: task(name) for name in share}))
    except Exception as err:  # noqa: BLE001 - sent to the parent, which raises it
        try:
            send.send(("error", err))
        except Exception:  # noqa: BLE001 - an error that does not pickle travels as text
            send.send(("error", RuntimeError(f"writing {', '.join(share)} failed: {err!r}")))
        raise SystemExit(1) from None


def _swap(new: Path, out: Path) -> None:
    """Put folder `new` where `out` is: two renames on one file system."""
    old = out.parent / f".{out.name}.old.tmp"
    if old.exists():
        shutil.rmtree(old)
    if out.exists():
        os.replace(out, old)
    os.replace(new, out)
    shutil.rmtree(old, ignore_errors=True)
