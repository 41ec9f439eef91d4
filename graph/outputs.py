"""Writing a build's files atomically: everything goes to a temporary folder beside the output folder,
which replaces the old one only when complete. A build killed half-way leaves the previous outputs as
they were. With more than one job, the pages are written in a forked process while the RDF is written."""

from __future__ import annotations

import multiprocessing
import os
import shutil
import tempfile
import time
from pathlib import Path

from .kg import KnowledgeGraph
from .pipeline import paused_gc


def write_all(kg: KnowledgeGraph, out: Path, formats: list[str], exports: list[str], jobs: int = 1) -> list[Path]:
    """RDF in `formats`, the pages (index.html, graph.html, docs/) and `exports` (into export/FORMAT/).
    Returns the files written, as they stand in `out`."""
    with paused_gc():
        return _write_all(kg, out, formats, exports, jobs)


def _write_all(kg: KnowledgeGraph, out: Path, formats: list[str], exports: list[str], jobs: int) -> list[Path]:
    from . import html, rdf

    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    if out.exists() and not out.is_dir():
        raise NotADirectoryError(f"{out}: exists and is not a folder")
    for stale in out.parent.glob(f".{out.name}.*.tmp"):
        shutil.rmtree(stale, ignore_errors=True)  # left by a build that was killed
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent))
    umask = os.umask(0)
    os.umask(umask)
    tmp.chmod(0o777 & ~umask)  # mkdtemp makes it private; the outputs are an ordinary folder
    try:
        started = time.perf_counter()
        pages = None
        if jobs > 1 and "fork" in multiprocessing.get_all_start_methods():
            pages = multiprocessing.get_context("fork").Process(target=html.write_site, args=(kg, tmp))
            pages.start()
        rdf.write(kg, tmp, formats)
        kg.timings["write RDF"] = time.perf_counter() - started
        if pages is not None:
            pages.join()
            if pages.exitcode != 0:
                raise RuntimeError(f"writing the pages failed (exit code {pages.exitcode})")
            kg.timings["write HTML (alongside)"] = time.perf_counter() - started
        else:
            started = time.perf_counter()
            html.write_site(kg, tmp)
            kg.timings["write HTML"] = time.perf_counter() - started
        started = time.perf_counter()
        for to in exports:
            kg.export(tmp / "export" / to, to=to)
        if exports:
            kg.timings["exports"] = time.perf_counter() - started
        written = sorted(p.relative_to(tmp) for p in tmp.rglob("*") if p.is_file())
        _swap(tmp, out)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return [out / p for p in written]


def _swap(new: Path, out: Path) -> None:
    """Put folder `new` where `out` is: two renames on one file system."""
    old = out.parent / f".{out.name}.old.tmp"
    if old.exists():
        shutil.rmtree(old)
    if out.exists():
        os.replace(out, old)
    os.replace(new, out)
    shutil.rmtree(old, ignore_errors=True)
