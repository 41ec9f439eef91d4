"""Extraction on a Dask distributed cluster: `kg build --scheduler tcp://HOST:PORT` maps `extract_file`
over the files on the cluster's workers and merges on the client. The workers need this project
installed (the same environment as the client) and the files at the same paths (a shared file system)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from .model import FileResult


def map_files(scheduler: str, files: list[Path], extract_file: Callable[[str], FileResult]) -> Iterator[FileResult]:
    """`extract_file` of each of `files`, in their order, computed on the cluster at `scheduler`."""
    from dask.distributed import Client

    with Client(scheduler, timeout="30s") as client:
        futures = client.map(extract_file, [str(f.resolve()) for f in files], pure=True)
        for future in futures:
            result = future.result()
            yield result
