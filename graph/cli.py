"""The `kg` command line: a thin layer over `graph.build` and the writers."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Annotated

import typer

from .kg import DEFAULT_BASE, KnowledgeGraph
from .reader import InputError

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Build knowledge graphs of Chinese internet-governance law from legal texts.")


@app.callback()
def main() -> None:
    """Knowledge graphs of regulations, judgments and news reports on China's internet governance."""


def write_outputs(kg: KnowledgeGraph, out: Path, formats: list[str]) -> list[Path]:
    """Write the RDF files and graph.html into `out`, replacing its old outputs only once all are written."""
    from . import html, rdf

    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}-", dir=out.parent))
    try:
        rdf.write(kg, tmp, formats)
        html.write(kg, tmp / "graph.html")
        out.mkdir(exist_ok=True)
        written = []
        for f in sorted(tmp.iterdir()):
            os.replace(f, out / f.name)
            written.append(out / f.name)
        return written
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


@app.command()
def build(
    paths: Annotated[list[Path], typer.Argument(help="Files (.txt, .md) and folders of legal texts.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for graph.ttl and graph.html.")] = Path("outputs"),
    base: Annotated[str, typer.Option(help="Base IRI of the entities.")] = DEFAULT_BASE,
    fmt: Annotated[str, typer.Option("--format", help="RDF formats, comma-separated: ttl, trig, nq, jsonld.")] = "ttl",
) -> None:
    """Split the texts into documents, extract entities and facts, resolve them into one graph, and
    write it as RDF (graph.ttl, .trig, .nq, .jsonld) and as an interactive page (graph.html)."""
    from rich.console import Console
    from rich.table import Table

    from .pipeline import build as build_graph

    console = Console()
    formats = [f.strip() for f in fmt.split(",") if f.strip()]
    unknown = [f for f in formats if f not in ("ttl", "trig", "nq", "jsonld")]
    if unknown or not formats:
        print(f"kg build: unknown --format {', '.join(unknown) or fmt!r}; use ttl, trig, nq or jsonld", file=sys.stderr)
        raise typer.Exit(2)
    try:
        kg = build_graph(list(paths), base=base)
    except InputError as err:
        print(f"kg build: {err}", file=sys.stderr)
        raise typer.Exit(2) from None
    written = write_outputs(kg, out, formats)
    summary = kg.summary()
    table = Table(title=f"{len(kg.documents)} documents, {len(kg.nodes)} nodes, {len(kg.statements)} statements")
    table.add_column("kind")
    table.add_column("name")
    table.add_column("count", justify="right")
    for kind in ("documents", "entities", "relations"):
        for name, count in summary[kind].items():
            table.add_row(kind, name, str(count))
    console.print(table)
    for line in kg.skipped:
        print(f"kg build: skipped {line}", file=sys.stderr)
    for path in written:
        console.print(f"wrote {path}")
    console.print(f"open {out / 'graph.html'} in a browser")
    if kg.skipped:
        raise typer.Exit(1)


if __name__ == "__main__":
    app()
