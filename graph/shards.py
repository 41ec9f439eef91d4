"""What a build keeps of its outputs for the next one: units by key, and the files of the last build.

A build's outputs are made of units (graph.rdf.Plan: the resolved nodes in BUCKETS or more units, each
document in one), whole files (each document's page, each export's folder) and files made from everything
(index.html, graph.html, whose layout is kept like a unit). Each unit and each whole file has a key, a
digest of what it says together with the code that writes it. A build with a cache:

- keeps each unit's text in each flavour it wrote (`Shards`, the cache's `shards/FLAVOUR/KE/KEY`), and
  makes graph.ttl, .trig, .nq and .jsonld by concatenating them, rendering only the units no earlier build
  rendered;
- links a page or an export of the last build into the new folder when its key is the one recorded then
  (`Previous`), instead of writing it again;
- changes a copy of the last store: out go the triples of the units it held and the new build does not,
  in come those of the units it lacks (no triple is in two units; the store reads them with its RDF
  parser, as it reads any RDF file).

Nothing here reads a format: a unit is bytes under a key, a file is linked whole. Full builds and rebuilds
write the same bytes because they concatenate the same units, rendered by the same code.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO


class Shards:
    """Unit texts by flavour and key, in a folder (the cache's `shards/`)."""

    def __init__(self, folder: Path):
        self.folder = folder

    def path(self, flavour: str, key: str) -> Path:
        return self.folder / flavour / key[:2] / key

    def get(self, flavour: str, key: str) -> bytes | None:
        try:
            return self.path(flavour, key).read_bytes()
        except OSError:
            return None

    def copy(self, flavour: str, key: str, out: BinaryIO, before: bytes = b"") -> int | None:
        """Write `before` and then a unit's text to `out`, the kernel copying it, unless the text is empty;
        returns its size, or None where the unit is not kept."""
        try:
            source = self.path(flavour, key).open("rb")
        except OSError:
            return None
        with source:
            size = os.fstat(source.fileno()).st_size
            if size:
                out.write(before)
                out.flush()
                done = 0
                try:
                    while done < size and (n := os.copy_file_range(source.fileno(), out.fileno(), size - done)):
                        done += n
                except OSError:  # not on this system or across these file systems: copied through memory
                    source.seek(done)
                    shutil.copyfileobj(source, out)
        return size

    def put(self, flavour: str, key: str, data: bytes) -> None:
        """Keep a unit's text (written whole or not at all: a temporary file renamed), where the cache's disk
        takes it: a unit not kept is rendered again by the next build that needs it."""
        target = self.path(flavour, key)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".", suffix=".tmp")
        except OSError:
            return
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
            os.replace(tmp, target)
        except BaseException as err:
            Path(tmp).unlink(missing_ok=True)
            if not isinstance(err, OSError):
                raise

    def prune(self, keep: dict[str, set[str]]) -> None:
        """Remove every unit but those of `keep` (by flavour): what no recorded build is made of."""
        if not self.folder.is_dir():
            return
        for flavour in os.listdir(self.folder):
            wanted = keep.get(flavour, set())
            top = self.folder / flavour
            for prefix in os.listdir(top):
                for name in os.listdir(top / prefix):
                    if name not in wanted:
                        (top / prefix / name).unlink(missing_ok=True)


@dataclass
class Previous:
    """The last build of a folder, as its record tells (graph.incremental), while the folder still holds
    it untouched: its units by flavour (in order) and the key of each whole file (by its path there)."""

    folder: Path
    units: dict[str, list[str]] = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)

    def link(self, name: str, key: str, into: Path) -> bool:
        """Link the last build's file `name` (or each file of its folder `name`) into the folder `into` if
        it was made from `key`."""
        source = self.folder / name
        if self.files.get(name) != key or not source.exists():
            return False
        found = [source] if source.is_file() else sorted(p for p in source.rglob("*") if p.is_file())
        for path in found:
            target = into / path.relative_to(self.folder)
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(path, target)
            except OSError:
                shutil.copy2(path, target)
        return True


@dataclass
class Keys:
    """What a build's outputs are made of: the units of each flavour (in order) and the key of each whole
    file, to be recorded for the next build."""

    units: dict[str, list[str]] = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)

    def update(self, other: Keys) -> None:
        self.units.update(other.units)
        self.files.update(other.files)


@dataclass
class Reuse:
    """What a writer may reuse and must record: the kept units (`shards`, none without a cache), the last
    build (`previous`), the code's version every key includes (`salt`) and the keys it made (`keys`)."""

    shards: Shards | None = None
    previous: Previous | None = None
    salt: str = ""
    keys: Keys = field(default_factory=Keys)

    @property
    def keeping(self) -> bool:
        """Whether keys are worth making: there is a cache to keep units in and to record a build in."""
        return self.shards is not None

    def digest(self, data: object) -> str:
        return digest(self.salt, data)

    def kept(self, flavour: str, data: object, make: Callable[[], bytes]) -> bytes:
        """What `make` gives for `data`, kept in the shards under its key (made once for the same data);
        only while `keeping`."""
        assert self.shards is not None
        key = self.digest(data)
        self.keys.units[flavour] = [key]
        found = self.shards.get(flavour, key)
        if found is None:
            found = make()
            self.shards.put(flavour, key, found)
        return found

    def link(self, name: str, key: str, into: Path) -> bool:
        """Record `key` for the file (or folder) `name` and link the last build's if it had that key."""
        self.keys.files[name] = key
        return self.previous is not None and self.previous.link(name, key, into)


def digest(salt: str, data: object) -> str:
    """A key: a digest of `data` (strings, numbers, tuples and lists of them) with `salt`. (marshal's version 2
    writes a value the same whatever objects hold it, and quicker than repr.)"""
    h = hashlib.blake2b(salt.encode("utf-8"), digest_size=16)
    h.update(marshal.dumps(data, 2))
    return h.hexdigest()


def changed(old: Iterable[str], new: Iterable[str]) -> tuple[list[str], list[str]]:
    """The keys of `old` that `new` lacks and those of `new` that `old` lacks (as multisets)."""
    from collections import Counter

    before, after = Counter(old), Counter(new)
    return sorted((before - after).elements()), sorted((after - before).elements())
