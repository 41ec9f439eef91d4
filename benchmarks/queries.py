"""Time every named query on a big build (the query alone, store open, and the whole `kg query` process),
then `kg validate` and `kg stats` on it.

    python benchmarks/queries.py --documents 3000

Builds a generated corpus (benchmarks/make_corpus.py) with `--jobs 2`, then runs each named query against
the build's store (graph.oxigraph/; the median of three runs) and `kg query --name NAME` as a process (the
median of three), printing the triples in the store and one line per query. Parameterised queries get
the label of the corpus's first person and the title of its first document. Targets (issue 18): on a 1
M-triple build each query within 0.2 s, each `kg query` process within 1 s; (issue 21) on 10,000 documents
`kg validate` within 60 s and `kg stats` within 30 s.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

from build_time import median_seconds  # noqa: E402 - beside this file

from legal_kg.graph.query import named_queries, open_store, run  # noqa: E402
from legal_kg.graph.rdf import SPARQL_PREFIXES  # noqa: E402

KG = [sys.executable, "-m", "legal_kg.graph.cli"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=3000)
    parser.add_argument("--out", type=Path, help="an existing build to query instead of a new one")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        out = args.out
        if out is None:
            corpus, out = Path(tmp) / "corpus", Path(tmp) / "out"
            subprocess.run([sys.executable, str(ROOT / "benchmarks" / "make_corpus.py"), str(args.documents),
                            "--seed", "1", "--out", str(corpus)], check=True, capture_output=True)
            started = time.perf_counter()
            subprocess.run([*KG, "build", str(corpus), "--out", str(out), "--no-cache", "--jobs", "2"],
                           check=True, capture_output=True, cwd=ROOT)
            print(f"built {args.documents} documents in {time.perf_counter() - started:.1f} s")
        store = open_store(out)
        print(f"{len(store):,} triples in {out}")
        params = _params(store)
        print(f"{'query':<22}{'rows':>8}{'query s':>10}{'process s':>11}")
        for name, q in named_queries().items():
            values = {p: params[p] for p in q.params}
            times = []
            for _ in range(3):  # the median of three: a first run also reads the store's files from disk
                started = time.perf_counter()
                _, rows = run(store, q.text, values)
                times.append(time.perf_counter() - started)
            alone = sorted(times)[1]
            flags = [a for p, v in values.items() for a in ("--param", f"{p}={v}")]
            process = median_seconds([*KG, "query", str(out), "--name", name, *flags, "--format", "csv"], runs=3)
            print(f"{name:<22}{len(rows):>8}{alone:>10.3f}{process:>11.3f}")
        for command in (["validate"], ["stats", "--format", "json"]):
            print(f"kg {command[0]}: {median_seconds([*KG, *command, str(out)], runs=1):.1f} s")


def _params(store) -> dict[str, str]:
    person = next(iter(store.query(SPARQL_PREFIXES + "SELECT ?l WHERE { ?p a kg:Person ; rdfs:label ?l } LIMIT 1")))
    title = next(iter(store.query(SPARQL_PREFIXES + "SELECT ?t WHERE { ?d dcterms:title ?t } LIMIT 1")))
    return {"label": person["l"].value, "title": title["t"].value}


if __name__ == "__main__":
    main()
