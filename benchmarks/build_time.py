"""Time `kg build seeds/` against a bare `python -c "import rdflib, networkx, pyvis"`.

Run by hand or with `make bench`; prints the median of several runs of each and their ratio.
Target (issue 2): the whole build within 2x the import time.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = 7


def median_seconds(cmd: list[str], runs: int = RUNS) -> float:
    """The median wall time of `runs` runs of `cmd` (from the repository's root)."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True, cwd=ROOT)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    with tempfile.TemporaryDirectory() as out:
        imports = median_seconds([sys.executable, "-c", "import rdflib, networkx, pyvis"])
        build = median_seconds([sys.executable, "-m", "legal_kg.graph.cli", "build", "seeds/", "--out", out,
                                "--no-cache"])
    print(f"import rdflib, networkx, pyvis: {imports:.3f} s (median of {RUNS})")
    print(f"kg build seeds/:                {build:.3f} s (median of {RUNS})")
    print(f"ratio:                          {build / imports:.2f}x (target: 2x or less)")


if __name__ == "__main__":
    main()
