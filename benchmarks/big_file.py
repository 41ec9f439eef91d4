"""One big file: the seed file repeated into one file of 1, 10, 50 and 200 MB, each built alone (no cache,
graph.ttl and the pages), its time and peak memory printed with the growth from the size before.

    python benchmarks/big_file.py [--sizes 1,10,50,200] [--flat 0.1,0.2]

`--flat` sizes are one judgment, the seed's first with its body repeated without full stops or semicolons:
sentences of hundreds of kilobytes, where a pattern that tries every character of a sentence shows as
growth well above the growth in size.

A file over `kg build --max-file-size` (50 MB by default) is refused before it is read: the 200 MB file is
tried with the default limit (refused at once) and is built only with `--raise-limit`, on a machine with
the memory for it (about 50 times the file).
"""

from __future__ import annotations

import argparse
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = sorted((ROOT / "seeds").glob("*.txt"))[0]
# the build in a child process that reports its own peak memory (kilobytes, Linux) on its last line
CHILD = ("import resource, sys\nfrom legal_kg.graph.cli import main\ntry:\n    main()\nfinally:\n"
         "    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)\n")


def make(path: Path, megabytes: float, flat: bool = False) -> int:
    seed = SEED.read_text(encoding="utf-8")
    if flat:  # one judgment: the seed's first, its body repeated without full stops or semicolons
        judgment = seed[seed.index("First Instance Judgment"):seed.index("Judgment in the Case of")]
        head, _, body = judgment.partition("Criminal Judgment Document")
        seed = head + "Criminal Judgment Document" + re.sub(r"[.;。；]", " ", body) * round(megabytes * 1e6 / len(body))
        path.write_text(seed, encoding="utf-8")
        return path.stat().st_size
    copies = max(1, round(megabytes * 1e6 / len(seed.encode("utf-8"))))
    with path.open("w", encoding="utf-8") as f:
        for _ in range(copies):
            f.write(seed + "\n\n")
    return path.stat().st_size


def build(path: Path, out: Path, limit: float | None) -> tuple[float, int, int, str]:
    """Seconds, peak RSS in MB, exit code and the last message of one build."""
    cmd = [sys.executable, "-c", CHILD, "build", str(path), "--out", str(out), "--no-cache"]
    if limit is not None:
        cmd += ["--max-file-size", str(limit)]
    started = time.perf_counter()
    run = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, check=False)
    seconds = time.perf_counter() - started
    lines = run.stderr.strip().splitlines()
    peak = int(lines[-1]) // 1024 if lines and lines[-1].isdigit() else 0
    message = next((ln for ln in reversed(lines[:-1]) if "over the limit" in ln), "")
    return seconds, peak, run.returncode, message


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1,10,50,200", help="sizes in MB, comma-separated")
    parser.add_argument("--flat", default="0.1,0.2", help="sizes in MB of one judgment without full stops")
    parser.add_argument("--raise-limit", action="store_true", help="build every size (--max-file-size above it)")
    args = parser.parse_args()
    sizes = [(float(s), False) for s in args.sizes.split(",") if s]
    sizes += [(float(s), True) for s in args.flat.split(",") if s]
    print("| file | time | peak RSS | time / MB | growth (time) | growth (size) | outcome |")
    print("|---:|---:|---:|---:|---:|---:|---|")
    before: tuple[float, float] | None = None
    with tempfile.TemporaryDirectory() as tmp:
        for mb, flat in sizes:
            path = Path(tmp) / f"seed-{mb}mb.txt"
            size = make(path, mb, flat) / 1e6
            if flat and before and before[1] >= size:
                before = None  # the flat rows grow among themselves
            seconds, peak, code, message = build(path, Path(tmp) / "out", mb + 1 if args.raise_limit else None)
            path.unlink()
            refused = "over the limit" in message
            outcome = "refused up front (--max-file-size)" if refused else f"built (exit {code})"
            growth = f"{seconds / before[0]:.1f}x" if before and not refused else ""
            grown = f"{size / before[1]:.1f}x" if before and not refused else ""
            shown = f"{size:,.{1 if size >= 1 else 2}f} MB" + (" (flat)" if flat else "")
            print(f"| {shown} | {seconds:,.1f} s | {peak:,} MB | {seconds / size:,.1f} s | {growth} | {grown} | "
                  f"{outcome} |", flush=True)
            if not refused:
                before = (seconds, size)
    print(f"(peak of this process's children: {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024:,} MB)")


if __name__ == "__main__":
    main()
