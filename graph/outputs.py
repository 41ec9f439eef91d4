"""Writing a build's files atomically: everything goes to a temporary folder beside the output folder,
which replaces the old one only when complete. A build killed half-way leaves the previous outputs as
they were.

Each RDF format, the pages and each export is a task of its own; with more than one job the tasks are
taken, the biggest first, by this process and forked ones (which share the graph, not copy it), each
taking the next when it is free. The RDF
files and the store are made of the units of one graph.rdf.Plan (the store loaded from them as N-Triples or
N-Quads); the store is written by this process, which the forked writers give way to. With a cache
(graph.shards), units kept by earlier builds are copied rather than rendered, pages and exports of unchanged
keys are linked from the last build, and its store is changed by the units of an RDF file that changed
rather than loaded again."""

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
from multiprocessing.sharedctypes import Synchronized
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from .kg import KnowledgeGraph
from .model import display
from .pipeline import paused_gc
from .shards import Keys, Reuse, Shards, changed

if TYPE_CHECKING:
    from .rdf import Plan

# the stage each task counts towards in the timings, and its share of the work in a big build (the order
# in which parallel workers take the tasks: the longest first; the store is written by this process, see
# _dealt and _run)
STAGES = {"graph.html": ("write HTML", 5), "pages": ("write HTML", 4), "store": ("write store", 40),
          "ttl": ("write RDF", 12), "trig": ("write RDF", 12), "nq": ("write RDF", 9),
          "jsonld": ("write RDF", 12), "gexf": ("exports", 6), "graphml": ("exports", 4), "json": ("exports", 3),
          "csv": ("exports", 2), "neo4j": ("exports", 2), "cytoscape": ("exports", 3)}


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


def write_all(kg: KnowledgeGraph, out: Path, formats: list[str], exports: list[str], jobs: int = 1,
              reuse: Reuse | None = None) -> list[Path]:
    """RDF in `formats`, the store (graph.oxigraph/), the pages (index.html, graph.html, docs/) and
    `exports` (into export/FORMAT/), in `jobs` processes. Returns the files written, as they stand in
    `out`. With `reuse` (graph.shards): the RDF files are made of the units kept in its shards, and the
    units not there yet are kept; the last build's pages and exports of the same keys are linked and its
    store changed rather than loaded again; its `keys` receive what the outputs are made of. Raises
    `OutputError` when they cannot be written."""
    reuse = reuse or Reuse()
    with paused_gc():
        try:
            with staged(out) as stage:
                reuse.keys.update(_run(kg, stage.folder, formats, exports, jobs, reuse))
            return stage.written
        except OSError as err:
            raise cannot_write(out, err) from None


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


def _run(kg: KnowledgeGraph, tmp: Path, formats: list[str], exports: list[str], jobs: int, reuse: Reuse) -> Keys:
    from . import html, rdf

    shards = reuse.shards
    made: list[Plan] = []  # the plan of units, made when a task first needs it (the pages do not)

    def plan() -> Plan:
        if not made:
            made.append(rdf.Plan(kg, reuse.salt))
        return made[0]

    shown: list[str] = []  # what every export shows, digested when a task first needs it

    def export_key(name: str) -> str:
        """An export's key: the units of the nodes, and each edge's first quote, its document and its count."""
        if not shown:
            evidence = [(st.evidence[0].quote, st.evidence[0].document, len(st.evidence)) for st in kg.relations()]
            shown.append(plan().digest([plan().node_keys, evidence]))
        return plan().digest([name, shown[0]])

    def task(name: str) -> tuple[float, Keys]:
        started = time.perf_counter()
        mine = Reuse(shards, reuse.previous, reuse.salt)  # the keys of this task
        if name == "graph.html":
            html.write_graph(kg, tmp, mine)
        elif name == "pages":
            html.write_pages(kg, tmp, mine)
        elif name == "store":  # what the richest RDF file holds: named graphs with TriG or N-Quads
            _store(plan(), tmp, flavour, mine)
        elif name in exports:
            if not (mine.keeping and mine.link(f"export/{name}", export_key(name), tmp)):
                kg.export(tmp / "export" / name, to=name)
        else:
            _concatenate(tmp / rdf.FILE_NAMES[name], plan(), name, mine)
            if name == "jsonld":
                rdf.write_context(tmp)
        return time.perf_counter() - started, mine.keys

    flavour = _store_flavour(formats)  # the RDF file whose units a rebuild's store is changed by
    rebuild = reuse.previous is not None
    names = sorted(["graph.html", "pages", "store", *formats, *exports], key=lambda n: -STAGES[n][1])
    started = time.perf_counter()
    forking = jobs > 1 and len(names) > 1 and "fork" in multiprocessing.get_all_start_methods()
    if not forking:  # the pages first: the plan of units is not yet in memory
        done = {name: task(name) for name in sorted(names, key=lambda name: name not in ("graph.html", "pages"))}
    else:  # made once here, shared by the forked processes: the exports' graph, the plan of units (but in a
        # rebuild, where this process makes it while the forked writer makes graph.html)
        if exports:
            kg.nx  # noqa: B018
        if (formats or (exports and reuse.keeping)) and not rebuild:
            plan()
        # this process writes the store first; in a rebuild, also the RDF files and exports, which need the plan
        # it makes for the store, while the forked writers make the pages (which need none)
        own = ["store", *(n for n in names if rebuild and n not in ("store", "graph.html", "pages"))]
        done = _dealt(task, names, min(jobs, len(names)), own)
    made = Keys()
    for name in names:
        stage = STAGES[name][0]
        seconds, keys = done[name]
        kg.timings[stage] = kg.timings.get(stage, 0.0) + seconds
        made.update(keys)
    if forking:
        kg.timings["write (wall)"] = time.perf_counter() - started
    return made


def _store_flavour(formats: list[str]) -> str:
    """The RDF file whose units change the last build's store in a rebuild: one with named graphs where one
    of them has them."""
    named = [f for f in ("trig", "nq") if f in formats]
    return named[0] if named else "ttl"


def _text(plan: Plan, i: int, flavour: str, shards: Shards | None) -> bytes:
    """Unit `i` of the plan in a flavour: kept in `shards` from an earlier build, or rendered (and kept)."""
    if shards is None:
        return plan.text(i, flavour).encode("utf-8")
    key = plan.units[i].key
    data = shards.get(flavour, key)
    if data is None:
        data = plan.text(i, flavour).encode("utf-8")
        shards.put(flavour, key, data)
    return data


def _concatenate(path: Path, plan: Plan, flavour: str, reuse: Reuse) -> None:
    """Write a file of the plan's units in a flavour (those kept copied by the kernel), and record them."""
    with path.open("wb") as f:
        for _ in _units(plan, flavour, reuse, f, read=False):
            pass


def _units(plan: Plan, flavour: str, reuse: Reuse, f: BinaryIO | None, read: bool = True) -> Iterator[bytes]:
    """The plan's units in a flavour (those with some text), each written to the file `f` as it is given,
    laid out as the flavour's file is (graph.rdf.layout), and recorded in `reuse`'s keys. Without `read`,
    the units kept in its shards are copied into `f` and not given."""
    from .rdf import layout

    shards = reuse.shards
    if reuse.keeping:
        reuse.keys.units[flavour] = [u.key for u in plan.units]
    form = layout(flavour, plan.base)
    sep, first = form.sep.encode("utf-8"), True
    if f is not None:
        f.write(form.head.encode("utf-8"))
    for i in range(plan.size):
        if not read and f is not None and shards is not None:
            size = shards.copy(flavour, plan.units[i].key, f, b"" if first else sep)
            if size is not None:
                first = first and not size
                continue
        data = _text(plan, i, flavour, shards)
        if data:
            if f is not None:
                f.write(data if first else sep + data)
            first = False
            yield data
    if f is not None:
        f.write(form.tail.encode("utf-8"))


def _store(plan: Plan, tmp: Path, flavour: str, reuse: Reuse) -> None:
    """The store: the last build's store changed by the units of `flavour` that changed (`_changed_store`), or
    one loaded from the plan's units as N-Triples (N-Quads for named graphs: TriG or N-Quads), which Python
    writes and Oxigraph reads faster than Turtle."""
    from . import store
    from .rdf import NAMED

    if _changed_store(plan, tmp, flavour, reuse):
        return
    lines = "nq" if NAMED[flavour] else "nt"
    store.write(tmp, (plan.text(i, lines).encode("utf-8") for i in range(plan.size)), lines)


def _changed_store(plan: Plan, tmp: Path, flavour: str, reuse: Reuse) -> bool:
    """Where the last build's store is at hand with its units kept and at most half of them changed: that
    store (linked) less the triples of its units the plan lacks, plus those of the plan's units it lacks,
    its units recorded. False when it cannot be made so."""
    from . import store
    from .rdf import layout

    shards, previous = reuse.shards, reuse.previous
    old = previous.units.get(flavour) if previous is not None else None
    if shards is None or previous is None or old is None:
        return False
    new = [u.key for u in plan.units]
    removed, added = changed(old, new)
    gone = [shards.get(flavour, k) for k in removed]
    if len(removed) > len(new) // 2 or None in gone:
        return False
    head = layout(flavour, plan.base).head.encode("utf-8")
    where = {k: i for i, k in enumerate(new)}
    if not store.write_changed(tmp, previous.folder, [head + g for g in gone if g],
                               [head + d for k in added if (d := _text(plan, where[k], flavour, shards))], flavour):
        return False
    reuse.keys.units[flavour] = new
    return True


Task = Callable[[str], tuple[float, Keys]]


def _dealt(task: Task, names: list[str], n: int, own: list[str]) -> dict[str, tuple[float, Keys]]:
    """The tasks `names` (longest first) run by this process and n - 1 forked ones: this process runs the
    tasks `own` (the store among them: a forked process must not start RocksDB, whose threads and locks in
    the process it was forked from, a store opened there before, do not survive the fork), then each takes
    the next task of the others not yet taken when it is free (how long a task takes depends on the machine,
    how many cores RocksDB's threads take meanwhile)."""
    context = multiprocessing.get_context("fork")
    queue = [name for name in names if name not in own]
    taken = context.Value("i", 0)  # the next task of the queue no process has taken
    children = []
    try:
        for _ in range(n - 1):
            receive, send = context.Pipe(duplex=False)
            child = context.Process(target=_forked_writer, args=(task, queue, taken, send))
            child.start()
            send.close()
            children.append((child, receive))
        done = {name: task(name) for name in own}
        done.update(_take(task, queue, taken))
        for child, receive in children:
            try:
                outcome, value = receive.recv()
            except EOFError:
                outcome, value = "error", RuntimeError(f"writing {', '.join(queue)} failed (a process died)")
            child.join()
            if outcome == "error":
                raise value
            done.update(value)
    finally:
        for child, _receive in children:
            if child.is_alive():
                child.terminate()
                child.join()
    return done


def _take(task: Task, queue: list[str], taken: Synchronized) -> dict[str, tuple[float, Keys]]:
    """Run the tasks of the queue no other process has taken, one at a time, until none is left."""
    done = {}
    while True:
        with taken.get_lock():
            k = taken.value
            taken.value += 1
        if k >= len(queue):
            return done
        done[queue[k]] = task(queue[k])


def _forked_writer(task: Task, queue: list[str], taken: Synchronized, send: Connection) -> None:
    """A forked writer: runs tasks of the queue and sends back their seconds, or what went wrong. It gives
    way to the process that writes the store (the longest writer, whose RocksDB threads take more than a
    core), which takes the tasks left when the store is written."""
    os.nice(4)
    try:
        send.send(("ok", _take(task, queue, taken)))
    except Exception as err:  # noqa: BLE001 - sent to the parent, which raises it
        try:
            send.send(("error", err))
        except Exception:  # noqa: BLE001 - an error that does not pickle travels as text
            send.send(("error", RuntimeError(f"writing {', '.join(queue)} failed: {err!r}")))
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
