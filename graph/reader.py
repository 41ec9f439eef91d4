"""Reading input: which files a path names, and their text."""

from __future__ import annotations

from pathlib import Path

SUFFIXES = (".txt", ".md")


class InputError(Exception):
    """A file or path that cannot be read as a legal text; the message names it."""


def collect(paths: list[str | Path]) -> list[Path]:
    """The .txt and .md files that `paths` name (folders are searched), sorted, without duplicates."""
    files: set[Path] = set()
    for p in map(Path, paths):
        if p.is_dir():
            files.update(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES)
        elif p.is_file():
            files.add(p)
        else:
            raise InputError(f"{p}: no such file or folder")
    return sorted(files, key=lambda f: (f.name, str(f)))


def read_text(path: Path) -> str:
    """The decoded text of a file (UTF-8, with or without a byte-order mark)."""
    data = path.read_bytes()
    if not data.strip():
        raise InputError(f"{path}: empty file")
    if b"\x00" in data:
        raise InputError(f"{path}: binary file (NUL bytes), not a text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InputError(f"{path}: not UTF-8 text (byte {err.start})") from err
    return text.replace("\r\n", "\n").replace("\r", "\n")
