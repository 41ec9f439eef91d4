"""Reading input: which files a path names, and their text, whatever their encoding.

A file that cannot be a legal text raises `InputError` with one line that names it and says what is
wrong: empty, binary (an image, a PDF, an archive, NUL bytes), undecodable, or with a line too long to be
prose (a 50 MB file without a line break). A file name of any bytes is read; messages and outputs name it
with its undecodable bytes escaped (`graph.model.display`).

Every offset of the outputs indexes the file's text as it holds it, decoded (`Source.held`: a CRLF line
break is two characters; a byte-order mark, which the codec reads, is none). The layouts and extractors
read `Source.text`, the same text with its line breaks as "\n" and no stray byte-order mark;
`Source.held_span` takes a span of that text back to the file's.
"""

from __future__ import annotations

import codecs
import errno
import os
import re
from bisect import bisect_right
from dataclasses import dataclass
from pathlib import Path

from .model import display

SUFFIXES = (".txt", ".md")
CHINESE_ENCODINGS = ["gb18030", "big5"]
CJK_RE = re.compile("[\u4e00-\u9fff]")
MAX_LINE = 200_000  # characters; the longest paragraph of a judgment is a few thousand
# bytes: a file above is refused before it is read (`kg build --max-file-size`). A build's memory grows with its
# text, about 50 times the size of a file (benchmarks/big_file.py), so that a file of this size builds in a few GB
MAX_FILE_BYTES = 50_000_000
MAGIC = {b"%PDF": "a PDF", b"PK\x03\x04": "a zip archive", b"\x89PNG": "a PNG image", b"\xff\xd8\xff": "a JPEG image",
         b"GIF8": "a GIF image", b"\x1f\x8b": "a gzip archive", b"Rar!": "a RAR archive", b"7z\xbc\xaf": "a 7z archive",
         b"\xd0\xcf\x11\xe0": "an Office document", b"\x7fELF": "a program"}
BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# what the high bytes of Western text in a Windows or Latin code page decode to: letters and typographic marks
WESTERN_MARKS = set("’‘“”–—…•€°«»·¡¿§©®")
UTF8 = ("utf-8", "utf-8-sig", "ascii")
class InputError(Exception):
    """A file or path that cannot be read as a legal text; the message names it."""


def collect(paths: list[str | Path], max_bytes: int | None = MAX_FILE_BYTES) -> tuple[list[Path], list[str]]:
    """The .txt and .md files that `paths` name (folders are searched, following links to folders once),
    sorted, without duplicates; and a message for each thing in them that cannot be searched or read: a
    folder without permission, a link to nothing, a link that loops, a file over `max_bytes` (refused before
    it is read). A path given that is not there raises `InputError`."""
    files: set[Path] = set()
    problems: list[str] = []
    for p in map(Path, paths):
        try:
            is_dir, is_file = p.is_dir(), p.is_file()
        except OSError as err:  # its folder cannot be searched
            raise InputError(f"{display(p)}: cannot read ({err.strerror or err}); check the permissions of its "
                             "folders") from None
        if is_dir:
            _search(p, files, problems)
        elif is_file:
            files.add(p)
        elif p.is_symlink():
            raise InputError(f"{display(p)}: a link to nothing ({_link_target(p)})")
        else:
            raise InputError(f"{display(p)}: no such file or folder")
    for f in sorted(files):
        size = _size(f)
        if max_bytes is not None and size > max_bytes:
            files.discard(f)
            problems.append(f"{display(f)}: {_mb(size)} MB, over the limit of {_mb(max_bytes)} MB a file "
                            "(--max-file-size); split it, or raise the limit if memory allows (about 50 times the "
                            "file's size)")
    return sorted(files, key=lambda f: (os.fsencode(f.name), os.fsencode(f))), sorted(set(problems))


def _mb(size: int) -> str:
    return f"{size / 1e6:,.1f}" if size >= 1e6 else f"{size / 1e6:.2g}"


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0  # reading it says what is wrong


def _search(folder: Path, files: set[Path], problems: list[str]) -> None:
    seen: set[tuple[int, int]] = set()

    def unreadable(err: OSError) -> None:
        problems.append(f"{display(err.filename or folder)}: cannot search this folder ({err.strerror or err}); "
                        "its files were not read")

    for top, dirs, names in os.walk(folder, onerror=unreadable, followlinks=True):
        here = Path(top)
        try:
            st = here.stat()
        except OSError:
            continue
        if (st.st_dev, st.st_ino) in seen:  # a link back to a folder already searched
            problems.append(f"{display(here)}: a link that loops back to a folder above it; not searched again")
            dirs[:] = []
            continue
        seen.add((st.st_dev, st.st_ino))
        for name in [*names, *dirs]:
            path = here / name
            if path.is_symlink() and not path.exists():
                problems.append(f"{display(path)}: a link to nothing ({_link_target(path)}); skipped")
        for name in names:
            path = here / name
            if path.suffix.lower() in SUFFIXES and path.is_file():
                files.add(path)


def _link_target(path: Path) -> str:
    try:
        return "-> " + display(os.readlink(path))
    except OSError as err:
        return err.strerror or str(err)


def decode(data: bytes, path: Path) -> tuple[str, str]:
    """Text from bytes, and the encoding it was read in: a byte-order mark decides; else UTF-8; else a
    Western code page where the bytes read as one (mostly ASCII, each other byte alone and a letter); else
    what charset-normalizer detects (GB18030/GBK, Big5, ...)."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as err:
                why = f"not valid {encoding} despite its byte-order mark (byte {err.start})"
                raise InputError(f"{display(path)}: {why}") from None
    kind = next((what for magic, what in MAGIC.items() if data.startswith(magic)), None)
    if kind:
        raise InputError(f"{display(path)}: {kind}, not a text; convert it to .txt first")
    if b"\x00" in data:
        raise InputError(f"{display(path)}: binary data (NUL bytes), not a text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if _western(data):
        return data.decode("cp1252", errors="replace"), "windows-1252"
    from charset_normalizer import from_bytes

    # Chinese encodings first: a mostly English translation with a few Chinese names in GB18030 would
    # otherwise pass for a Western code page
    best = from_bytes(data, cp_isolation=CHINESE_ENCODINGS).best()
    if best is None or not CJK_RE.search(str(best)):
        best = from_bytes(data).best()
    if best is None:
        raise InputError(f"{display(path)}: not text in any encoding it could detect; save it as UTF-8")
    return str(best), best.encoding


def _western(data: bytes) -> bool:
    """Western text in a Windows or Latin code page ("Tång Wéi"): mostly ASCII, its other bytes mostly alone
    between ASCII ones and letters or typographic marks in Windows-1252. (A Chinese code page pairs each
    such byte with the letter after it: "T幩g W嶯".)"""
    high = [i for i, b in enumerate(data) if b >= 0x80]
    if not high or len(high) > len(data) // 5:
        return False
    alone = sum(1 for i in high if (i == 0 or data[i - 1] < 0x80) and (i + 1 == len(data) or data[i + 1] < 0x80))
    chars = bytes(data[i] for i in high).decode("cp1252", errors="replace")
    letters = sum(1 for c in chars if c.isalpha() or c in WESTERN_MARKS)
    return alone >= 0.8 * len(high) and letters >= 0.9 * len(high)


def _longest_line(text: str) -> int:
    longest = pos = 0
    while True:
        nxt = text.find("\n", pos)
        longest = max(longest, (len(text) if nxt < 0 else nxt) - pos)
        if nxt < 0:
            return longest
        pos = nxt + 1


@dataclass(frozen=True)
class Source:
    """A file's text: as it holds it (`held`, decoded) and as the extractors read it (`text`); the positions
    of `text` before which a character of `held` was left out (a CR of a CRLF, a stray byte-order mark)."""

    text: str
    held: str
    encoding: str
    left_out: tuple[int, ...] = ()

    def held_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of `held` that holds `text[start:end]`."""
        if not self.left_out:
            return start, end
        held_start = start + bisect_right(self.left_out, start)
        return held_start, end + bisect_right(self.left_out, end - 1) if end > start else held_start


def _normalised(held: str) -> tuple[str, tuple[int, ...]]:
    """The text with "\n" line breaks and no leading byte-order mark, and where characters were left out."""
    left_out: list[int] = []
    boms = len(held) - len(held.lstrip("\ufeff"))
    left_out += [0] * boms
    body = held[boms:]
    if "\r" not in body:
        return body, tuple(left_out)
    parts = body.split("\r\n")
    at = 0
    for part in parts[:-1]:
        at += len(part)
        left_out.append(at)  # the "\n" at `at` stood after a CR
        at += 1
    return "\n".join(parts).replace("\r", "\n"), tuple(left_out)


def read(path: Path) -> Source:
    """The decoded text of a file (see `Source`)."""
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        raise InputError(f"{display(path)}: a folder, not a file") from None
    except OSError as err:
        hint = "; check its permissions" if err.errno in (errno.EACCES, errno.EPERM) else ""
        raise InputError(f"{display(path)}: cannot read ({err.strerror or err}){hint}") from None
    if not data.strip():
        raise InputError(f"{display(path)}: empty file")
    held, encoding = decode(data, path)
    text, left_out = _normalised(held)
    if not text.strip():
        raise InputError(f"{display(path)}: empty file")
    longest = _longest_line(text)
    if longest > MAX_LINE:
        raise InputError(f"{display(path)}: a line of {longest:,} characters, not a text of paragraphs "
                         f"(limit {MAX_LINE:,})")
    return Source(text, held, encoding, left_out)
