"""Build generated corpora of 100, 1,000 and 10,000 documents and report, per size: documents/s, MB/s,
peak RSS, and the seconds of each stage; then the speed-up of 2 jobs over 1 and the cost of a rebuild
after one file of the largest corpus changes (with the extraction cache). The builds of each size write
graph.ttl, the pages and every export (GraphML, GEXF, node-link JSON, CSV, Neo4j); the speed-up is measured
with and without the exports (each side the quicker of two builds), the rebuild without (a plain
`kg build`).

    python benchmarks/scale.py [--sizes 100 1000 10000] [--jobs 2]

Run by hand or with `make bench`. Targets (issue 7): 10,000 documents within 60 s with 2 jobs and under
4 GB; the 10,000-document build at most 11 times the 1,000-document one; 2 jobs at least 1.6 times as fast
as 1; a rebuild after touching one file under 10% of a full build (measured for a touch that leaves the
file's extraction as it was, and for an edit that moves every span of the file).
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILD = """
import json, sys, time
from pathlib import Path
from legal_kg.graph.incremental import build_into
started = time.perf_counter()
report = build_into([sys.argv[1]], Path(sys.argv[2]), ["ttl"], [e for e in sys.argv[5].split(",") if e],
                    jobs=int(sys.argv[3]), cache_dir=sys.argv[4] or None)
print(json.dumps({"total": time.perf_counter() - started, "documents": report.counts["documents"],
                  **report.timings}))
"""


EXPORTS = "graphml,gexf,json,csv,neo4j"


def corpus(n: int, root: Path) -> Path:
    folder = root / f"corpus-{n}"
    if not folder.exists():
        subprocess.run([sys.executable, str(ROOT / "benchmarks" / "make_corpus.py"), str(n), "--seed", "1",
                        "--out", str(folder)], check=True, capture_output=True)
    return folder


def run(folder: Path, out: Path, jobs: int, cache: Path | None = None, exports: str = EXPORTS) -> dict:
    """One build in a fresh process; its peak RSS is the largest of it and its workers."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    result = subprocess.run([sys.executable, "-c", BUILD, str(folder), str(out), str(jobs), str(cache or ""),
                             exports], check=True, capture_output=True, text=True, cwd=ROOT)
    after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    data = json.loads(result.stdout.strip().splitlines()[-1])
    data["peak RSS MB"] = max(before, after) / 1024
    return data


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    root = Path(tempfile.gettempdir()) / "kg-bench"
    root.mkdir(exist_ok=True)
    rows = []
    for n in args.sizes:
        folder = corpus(n, root)
        mb = sum(f.stat().st_size for f in folder.iterdir()) / 1e6
        data = run(folder, root / f"out-{n}", args.jobs)
        rows.append((n, mb, data))
    stages = sorted({k for _, _, d in rows for k in d if k not in ("total", "documents", "peak RSS MB")})
    print(f"{'size':>6} {'docs':>6} {'MB':>6} {'total s':>8} {'docs/s':>7} {'MB/s':>6} {'RSS MB':>7}  stages (s)")
    for n, mb, d in rows:
        stage_text = ", ".join(f"{k} {d[k]:.1f}" for k in stages if k in d)
        print(f"{n:>6} {d['documents']:>6} {mb:>6.1f} {d['total']:>8.1f} {d['documents'] / d['total']:>7.0f} "
              f"{mb / d['total']:>6.2f} {d['peak RSS MB']:>7.0f}  {stage_text}")
    if len(rows) >= 2:
        ratio = rows[-1][2]["total"] / rows[-2][2]["total"]
        print(f"growth: {rows[-1][0] // rows[-2][0]}x the documents took {ratio:.1f}x the time")
    largest = corpus(args.sizes[-1], root)
    # this machine's speed drifts by 10-15% from one build to the next: each side of a speed-up is the
    # quicker of two builds, run in turns
    for what, exports in (("with the exports", EXPORTS), ("graph.ttl and pages", "")):
        one, many = [], [rows[-1][2]["total"]] if exports else []
        for _ in range(2):
            one.append(run(largest, root / "out-1job", 1, exports=exports)["total"])
            if len(many) < 2:
                many.append(run(largest, root / "out-plain", args.jobs, exports=exports)["total"])
        print(f"jobs ({what}): 1 job {min(one):.1f} s ({', '.join(f'{t:.1f}' for t in one)}), {args.jobs} jobs "
              f"{min(many):.1f} s ({', '.join(f'{t:.1f}' for t in many)}), speed-up {min(one) / min(many):.2f}x")
    cache = root / "cache"
    shutil.rmtree(cache, ignore_errors=True)
    full = run(largest, root / "out-cached", args.jobs, cache, exports="")
    victim = sorted(largest.glob("*.txt"))[0]
    text = victim.read_text(encoding="utf-8")
    # touched: new bytes, the same extraction (a blank line at the end); edited: a blank line after the
    # title moves every span of the file's documents; renamed: a person's name changes throughout the file
    name = re.search(r"Defendant:? ([A-Z][a-z]+ [A-Z][a-z]+)", text)
    renamed = text.replace(name[1], name[1] + "x") if name else text + "\nA word."
    for what, edited in (("touching", text + "\n"), ("editing", text.replace("\n", "\n\n", 1)),
                         ("renaming a person in", renamed)):
        victim.write_text(edited, encoding="utf-8")
        again = run(largest, root / "out-cached", args.jobs, cache, exports="")
        how = "left as it was" if "check" in again else "what changed rewritten"
        print(f"rebuild after {what} one file (graph.ttl and pages): {again['total']:.1f} s ({how}), "
              f"{100 * again['total'] / full['total']:.0f}% of the full build ({full['total']:.1f} s), "
              f"peak RSS {again['peak RSS MB']:.0f} MB")
    victim.write_text(text, encoding="utf-8")

if __name__ == "__main__":
    main()
