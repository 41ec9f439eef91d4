"""Reading input: which files a path names, and their text, whatever their encoding.

A file that cannot be a legal text raises `InputError` with one line that names it and says what is
wrong: empty, binary (an image, a PDF, an archive, NUL bytes), undecodable, or with a line too long to be
prose (a 50 MB file without a line break).
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

SUFFIXES = (".txt", ".md")
CHINESE_ENCODINGS = ["gb18030", "big5"]
CJK_RE = re.compile("[\u4e00-\u9fff]")
MAX_LINE = 200_000  # characters; the longest paragraph of a judgment is a few thousand
MAGIC = {b"%PDF": "a PDF", b"PK\x03\x04": "a zip archive", b"\x89PNG": "a PNG image", b"\xff\xd8\xff": "a JPEG image",
         b"GIF8": "a GIF image", b"\x1f\x8b": "a gzip archive", b"Rar!": "a RAR archive", b"7z\xbc\xaf": "a 7z archive",
         b"\xd0\xcf\x11\xe0": "an Office document", b"\x7fELF": "a program"}
BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


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


def decode(data: bytes, path: Path) -> str:
    """Text from bytes: a byte-order mark decides; else UTF-8; else what charset-normalizer detects
    (GB18030/GBK, Big5, ...)."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as err:
                why = f"not valid {encoding} despite its byte-order mark (byte {err.start})"
                raise InputError(f"{path}: {why}") from None
    kind = next((what for magic, what in MAGIC.items() if data.startswith(magic)), None)
    if kind:
        raise InputError(f"{path}: {kind}, not a text; convert it to .txt first")
    if b"\x00" in data:
        raise InputError(f"{path}: binary data (NUL bytes), not a text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    # Chinese encodings first: a mostly English translation with a few Chinese names in GB18030 would
    # otherwise pass for a Western code page
    best = from_bytes(data, cp_isolation=CHINESE_ENCODINGS).best()
    if best is None or not CJK_RE.search(str(best)):
        best = from_bytes(data).best()
    if best is None:
        raise InputError(f"{path}: not text in any encoding it could detect; save it as UTF-8")
    return str(best)


def _longest_line(text: str) -> int:
    longest = pos = 0
    while True:
        nxt = text.find("\n", pos)
        longest = max(longest, (len(text) if nxt < 0 else nxt) - pos)
        if nxt < 0:
            return longest
        pos = nxt + 1


def read_text(path: Path) -> str:
    """The decoded text of a file, with \\n line breaks."""
    try:
        data = path.read_bytes()
    except OSError as err:
        raise InputError(f"{path}: cannot read ({err.strerror or err})") from None
    if not data.strip():
        raise InputError(f"{path}: empty file")
    text = decode(data, path).replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    if not text.strip():
        raise InputError(f"{path}: empty file")
    longest = _longest_line(text)
    if longest > MAX_LINE:
        raise InputError(f"{path}: a line of {longest:,} characters, not a text of paragraphs (limit {MAX_LINE:,})")
    return text
