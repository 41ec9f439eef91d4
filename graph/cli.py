"""The `kg` command line: a thin layer over `graph.pipeline.build` and the writers."""

from __future__ import annotations

import copy
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from .model import DEFAULT_BASE, display
from .reader import MAX_FILE_BYTES, InputError

if TYPE_CHECKING:
    from .kg import KnowledgeGraph
    from .model import Progress

QUIET_HELP = "Show no progress (none is shown either when stderr is not a terminal)."
app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  rich_markup_mode="markdown",
                  help="Build knowledge graphs of Chinese internet-governance law from legal texts.")


def _version(shown: bool) -> None:
    if shown:
        from importlib import metadata

        print(f"kg (legal-kg) {metadata.version('legal-kg')}")
        raise typer.Exit()


@app.callback()
def callback(
    debug: Annotated[bool, typer.Option("--debug", help="Show the traceback of an unexpected error.")] = False,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Show the version and exit.")] = False,
) -> None:
    """Knowledge graphs of regulations, judgments and news reports on China's internet governance."""


def _at_least(low: float):
    """A number's lower bound, which the option's help states in words (typer's `min=` would add `[x>=1]`)."""

    def check(value: float | None) -> float | None:
        if value is not None and value < low:
            raise typer.BadParameter(f"{value:g} is less than {low:g}.")
        return value

    return check


def _plain_help(command):
    """Every command's help names values in words: an option's by its name (`--jobs JOBS`), a flag's and an
    argument's by nothing more than their name, and the bounds of a number in its help text, where typer
    would show Python's types (`<list[Path]>`, `<bool>` beside --help); a number's bounds are `_at_least`."""

    def plain(param):
        if param is None:
            return None
        if param.param_type_name == "option":
            named = max(param.opts, key=len).lstrip("-").replace("-", "_").upper()
            param.metavar = "" if param.is_flag else (param.metavar or named)
        else:  # an argument by its name ("paths..."), with no type beside it (the type's metavar)
            param.metavar = param.metavar or param.name + ("..." if param.nargs != 1 else "")
            param.type = copy.copy(param.type)
            param.type.get_metavar = lambda param, ctx: ""
        return param

    for sub in [command, *getattr(command, "commands", {}).values()]:
        for param in sub.params:
            plain(param)
        sub.get_help_option = lambda ctx, made=sub.get_help_option: plain(made(ctx))
    return command


def main() -> None:
    """The console script: every error is one line on stderr (`--debug`, anywhere, shows the traceback)."""
    import gc

    # a build makes millions of small objects that live until it ends and hold no cycles: the cyclic
    # collector would only walk them again and again (a third of a 10,000-document build)
    gc.disable()
    debug = "--debug" in sys.argv[1:]
    if debug:
        sys.argv.remove("--debug")
    try:
        _plain_help(typer.main.get_command(app))()
    except Exception as err:  # noqa: BLE001 - the last line of defence: one line, not a traceback
        if debug:
            raise
        command = next((a for a in sys.argv[1:] if not a.startswith("-")), "")
        print(f"kg {command}: unexpected error: {type(err).__name__}: {err} (run again with --debug for the "
              "traceback, and report it)", file=sys.stderr)
        sys.exit(2)


@app.command()
def build(
    paths: Annotated[list[Path], typer.Argument(help="Files (.txt, .md) and folders of legal texts.",
                                                readable=False)],
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for the outputs (replaced when complete).")]
    = Path("outputs"),
    base: Annotated[str, typer.Option(help="Base IRI of the entities (absolute, ending in / or #).")] = DEFAULT_BASE,
    fmt: Annotated[str, typer.Option("--format", help="RDF formats, comma-separated: ttl, trig, nq, jsonld.")] = "ttl",
    exports: Annotated[str, typer.Option("--export", help="Also export, comma-separated: graphml, gexf, json, csv, "
                                         "neo4j, cytoscape (into OUT/export/FORMAT/).")] = "",
    strict: Annotated[bool, typer.Option("--strict", help="Fail, writing nothing, if any file is skipped.")] = False,
    jobs: Annotated[int, typer.Option("--jobs", "-j", callback=_at_least(1),
                                      help="Processes (1 or more): for extraction, then for writing (each RDF "
                                      "format, the pages and each export).")] = 1,
    scheduler: Annotated[str | None, typer.Option(help="Extract on a Dask cluster: its scheduler's address, "
                                                  "tcp://HOST:PORT.")] = None,
    cache: Annotated[Path | None, typer.Option(help="Extraction cache folder, which also records each build into a "
                                               "folder (default: .kg-cache beside --out).")]
    = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Extract every file again and write every output; "
                                           "keep no cache.")] = False,
    max_file_size: Annotated[float, typer.Option(callback=_at_least(0.001),
                                                 help="Refuse, before reading it, a file over this many MB "
                                                 "(a build takes about 50 times a file's size in memory).")]
    = MAX_FILE_BYTES / 1e6,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help=QUIET_HELP)] = False,
) -> None:
    """Split the texts into documents, extract entities and facts, resolve them into one graph, and write
    it as RDF (graph.ttl, .trig, .nq, .jsonld), as an Oxigraph store for `kg query` and `kg show`
    (graph.oxigraph/) and as pages for the browser (index.html, graph.html, docs/).

    With the cache, an unchanged file is not extracted again, and when nothing the outputs are made from has
    changed (files, their extractions, options, code) the folder is left as it is: "OUT is up to date".
    Otherwise only what changed is written again: the RDF files are made of units (the resolved nodes in
    256 or more, each document in one) kept in the cache, the pages and exports whose content is unchanged are
    linked from the last build, and its store is changed rather than loaded again; the bytes are those of a
    build from scratch.

    Exit code: 0 when every file was built, 1 when some were skipped (each named on stderr), 2 when nothing
    was usable or the arguments are wrong."""
    from rich.console import Console

    from .incremental import build_into
    from .outputs import OutputError

    formats = [f.strip() for f in fmt.split(",") if f.strip()]
    unknown = [f for f in formats if f not in ("ttl", "trig", "nq", "jsonld")]
    if unknown or not formats:
        raise _fail("build", f"unknown --format {', '.join(unknown) or fmt!r}; use ttl, trig, nq or jsonld")
    if not _valid_base(base):
        raise _fail("build", f"--base {_shown(base)}: not an absolute IRI ending in / or # (e.g. "
                             f"{DEFAULT_BASE}); check its scheme, host and percent-escapes")
    targets = _export_formats("build", exports) if exports else []
    cache_dir = None if no_cache else (cache or out.resolve().parent / ".kg-cache")
    try:
        with _progress(quiet) as progress:
            report = build_into(list(paths), out, formats, targets, base=base, jobs=jobs, scheduler=scheduler,
                                cache_dir=cache_dir, strict=strict, max_file_size=int(max_file_size * 1e6),
                                progress=progress)
    except InputError as err:
        raise _fail("build", str(err)) from None
    except OutputError as err:  # a full disk, a folder without permission: nothing was written into OUT
        raise _fail("build", str(err)) from None
    for line in report.skipped:
        print(f"kg build: skipped {line}", file=sys.stderr)
    for line in report.notes:
        print(f"kg build: note: {line}", file=sys.stderr)
    if strict and report.skipped:
        raise _fail("build", f"--strict: {len(report.skipped)} file(s) skipped; nothing written")
    console = Console()
    console.print(", ".join(_count(report.counts[k], k) for k in ("documents", "nodes", "statements")))
    console.print(_summary_table(report.summary))
    seconds = ", ".join(f"{k} {v:.2f}" for k, v in report.timings.items())
    files = _files(report.written)
    if report.up_to_date:
        console.print(f"{out} is up to date ({files}): nothing it is made from has changed; seconds: {seconds}")
    elif report.reused:
        console.print(f"wrote {files} into {out}, only what changed: the rest is the last build's; seconds: "
                      f"{seconds}")
    else:
        console.print(f"wrote {files} into {out}; seconds: {seconds}")
    console.print(f"open {out / 'index.html'} in a browser")
    if report.skipped:
        console.print(f"skipped {len(report.skipped)} file(s) or document(s); see the messages above")
        raise typer.Exit(1)


def _valid_base(base: str) -> bool:
    """An absolute IRI (RFC 3987, as pyoxigraph parses it) ending in / or # with no other "#", under which
    every IRI the build mints is one too."""
    import pyoxigraph

    if not re.match(r"[a-zA-Z][a-zA-Z0-9+.-]*:", base) or base[-1:] not in "/#" or "#" in base[:-1]:
        return False
    try:
        pyoxigraph.NamedNode(base + "doc/x")
    except ValueError:
        return False
    return True


def _utf8(value: str) -> bool:
    """Whether a command-line value is text (not bytes that are no UTF-8, which Python keeps as surrogates)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _shown(value: str) -> str:
    """A value as a message quotes it: its undecodable bytes escaped."""
    return f"'{display(value)}'"


@contextmanager
def _progress(quiet: bool, unit: str = "files") -> Iterator[Progress]:
    """A progress bar on stderr (of a build: files extracted, then resolving and writing), gone when the command
    ends; a stage with a total counts `unit`s. With `quiet`, or when stderr is no terminal, the progress no one
    is shown (`model.silent`)."""
    if quiet or not sys.stderr.isatty():
        from .model import silent

        yield silent
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("reading", total=None)

        def show(stage: str, done: int, total: int | None) -> None:
            bar.update(task, description=f"{stage} {unit}" if total is not None and unit else stage,
                       completed=done, total=total)

        yield show


def _summary_table(summary: dict[str, dict[str, int]]):
    from rich.table import Table

    table = Table()
    table.add_column("kind")
    table.add_column("name")
    table.add_column("count", justify="right")
    for kind in ("documents", "entities", "relations"):
        for name, count in summary[kind].items():
            table.add_row(kind, name, f"{count:,}")
    return table


def _count(n: int, things: str) -> str:
    """ "1 document", "54,604 statements"."""
    return f"{n:,} {things[:-1] if n == 1 else things}"


def _fail(command: str, message: str, code: int = 2) -> typer.Exit:
    print(f"kg {command}: {message}", file=sys.stderr)
    return typer.Exit(code)


def _files(written: list[Path]) -> str:
    """The outputs of a build, the store's own files counted as one: "10 files and the store"."""
    from .store import NAME

    files = [p for p in written if NAME not in p.parts]
    return f"{len(files)} files" + (" and the store" if len(files) < len(written) else "")


def _export_formats(command: str, value: str) -> list[str]:
    from .export import FORMATS

    chosen = [f.strip() for f in value.split(",") if f.strip()]
    unknown = [f for f in chosen if f not in FORMATS]
    if unknown or not chosen:
        raise _fail(command, f"unknown export format {', '.join(unknown) or value!r}; use {', '.join(FORMATS)}")
    return chosen


def _load(command: str, outputs: Path, progress: Progress, evidence: bool = True) -> KnowledgeGraph:
    from .loader import load
    from .query import QueryError

    try:
        return load(outputs, evidence, progress)
    except QueryError as err:
        raise _fail(command, str(err)) from None


@app.command()
def export(
    outputs: Annotated[Path, typer.Argument(help="The folder a `kg build` wrote.")] = Path("outputs"),
    to: Annotated[str, typer.Option("--to", help="graphml, gexf, json, csv, neo4j or cytoscape (comma-separated).")]
    = "graphml",
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Folder (default OUTPUTS/export/FORMAT).")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help=QUIET_HELP)] = False,
) -> None:
    """Export the graph for other tools: GraphML and GEXF (Gephi), node-link JSON (networkx), nodes.csv and
    edges.csv, or CSV files for neo4j-admin database import."""
    targets = _export_formats("export", to)
    with _progress(quiet) as progress:
        kg = _load("export", outputs, progress)
    for fmt in targets:
        folder = out if out is not None and len(targets) == 1 else (out or outputs / "export") / fmt
        for path in kg.export(folder, to=fmt):
            print(f"wrote {path}")


@app.command()
def stats(
    outputs: Annotated[Path, typer.Argument(help="The folder a `kg build` wrote.")] = Path("outputs"),
    fmt: Annotated[str, typer.Option("--format", help="table or json.")] = "table",
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help=QUIET_HELP)] = False,
) -> None:
    """Documents by genre, nodes by class, edges by relation, the most central entities (degree and
    betweenness), connected components, and which documents share entities."""
    import json

    from .stats import statistics

    if fmt not in ("table", "json"):
        raise _fail("stats", f"unknown --format {fmt!r}; use table or json")
    from concurrent.futures import ThreadPoolExecutor

    from .loader import naming

    with _progress(quiet) as progress, ThreadPoolExecutor(1) as beside:
        named_in = beside.submit(naming, outputs)  # who names what (all stats needs of the evidence), read meanwhile
        kg = _load("stats", outputs, progress, evidence=False)
        data = statistics(kg, named_in.result(), progress)
    if fmt == "json":
        print(json.dumps(data, ensure_ascii=False, indent=1))
        return
    _print_stats(data)


def _print_stats(data: dict) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    console.print(", ".join([_count(data["nodes"], "nodes"), _count(data["edges"], "edges"),
                             _count(data["components"]["count"], "components")]))
    counts = Table()
    for col in ("kind", "name", "count"):
        counts.add_column(col, justify="right" if col == "count" else "left")
    for kind in ("documents", "entities", "relations"):
        for name, count in data[kind].items():
            counts.add_row(kind, name, f"{count:,}")
    console.print(counts)
    for key, title in (("central_by_degree", "Most central by degree"),
                       ("central_by_betweenness", f"Most central by betweenness ({data['betweenness']})")):
        table = Table(title=title)
        for col in ("entity", "class", "score"):
            table.add_column(col)
        for row in data[key]:
            table.add_row(row["label"], row["class"], f"{row['score']:g}")
        console.print(table)
    shared = Table(title=f"Documents that share entities (by {data['shared_by']})")
    for col in ("document", "document", "shared", "entities"):
        shared.add_column(col)
    for row in data["shared_entities"]:
        shared.add_row(row["documents"][0], row["documents"][1], str(row["count"]), ", ".join(row["entities"][:8]))
    console.print(shared)


@app.command()
def query(
    outputs: Annotated[str, typer.Argument(help="The folder a `kg build` wrote.")] = "outputs",
    sparql: Annotated[str | None, typer.Argument(help="A SPARQL SELECT or ASK query (kg:, rdf:, rdfs:, skos:, "
                                                      "xsd:, dcterms:, oa:, prov: need no PREFIX).")] = None,
    file: Annotated[Path | None, typer.Option("--file", "-f", help="Read the query from a .rq file.")] = None,
    name: Annotated[str | None, typer.Option("--name", "-n", help="Run a named query (see --list).")] = None,
    param: Annotated[list[str] | None, typer.Option("--param", "-p", help="NAME=VALUE for a named query's "
                                                    "parameter (bound, never pasted into the query).")] = None,
    list_queries: Annotated[bool, typer.Option("--list", help="List the named queries.")] = False,
    fmt: Annotated[str, typer.Option("--format", help="table (cut to the terminal's width), csv, tsv or json.")]
    = "table",
    endpoint: Annotated[str | None, typer.Option(help="Query a SPARQL endpoint (URL) instead of the files; "
                                                 "the query may then stand in place of OUTPUTS.")] = None,
    timeout: Annotated[float, typer.Option(callback=_at_least(0.1),
                                           help="Seconds to wait for the endpoint's answer (0.1 or more).")] = 60.0,
) -> None:
    """Run SPARQL over a build's RDF, or at a SPARQL endpoint where `kg push` loaded it: a query given
    inline, from a file, or from the library of named queries in ontology/queries/."""
    from .query import QueryError, declared, named_queries, open_store, render, run

    library = named_queries()
    if list_queries:
        for q in library.values():
            params = f" (parameters: {', '.join(q.params)})" if q.params else ""
            print(f"{q.name}: {q.description}{params}")
        return
    if fmt not in ("table", "csv", "tsv", "json"):
        raise _fail("query", f"unknown --format {fmt!r}; use table, csv, tsv or json")
    if endpoint and sparql is None and file is None and name is None and not Path(outputs).is_dir():
        sparql = outputs  # kg query --endpoint URL 'SELECT ...'
    if sum(x is not None for x in (sparql, file, name)) != 1:
        raise _fail("query", "give one query: inline, --file or --name (kg query --list shows the names)")
    bindings = {}
    for p in param or []:
        key, sep, value = p.partition("=")
        if not sep or not key:
            raise _fail("query", f"--param {_shown(p)}: write NAME=VALUE")
        if not _utf8(p):
            raise _fail("query", f"--param {_shown(p)}: not valid UTF-8 text")
        bindings[key] = value
    if name is not None:
        if name not in library:
            raise _fail("query", f"no named query {_shown(name)}; kg query --list shows them")
        sparql = library[name].text
    elif file is not None:
        try:
            sparql = file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as err:
            raise _fail("query", f"{_shown(str(file))}: {getattr(err, 'strerror', None) or err}") from None
    elif not _utf8(sparql or ""):
        raise _fail("query", "the query is not valid UTF-8 text")
    params = declared(sparql or "")
    for key in bindings:
        if key not in params:
            which = f"the {name} query" if name else "the query"
            has = f"its parameters: {', '.join(params)}" if params else (
                "it declares none; a query declares them in a line '# Parameters: NAME - what it is'")
            raise _fail("query", f"--param {_shown(key)}: {which} has no parameter of that name ({has})")
    missing = [p for p in params if p not in bindings]
    if missing:
        raise _fail("query", f"{name or 'the query'} needs --param {missing[0]}=VALUE")
    try:
        if endpoint:
            from .endpoint import query as remote_query

            names, rows = remote_query(endpoint, sparql or "", bindings, timeout)
        else:
            names, rows = run(open_store(Path(outputs)), sparql or "", bindings)
    except QueryError as err:
        raise _fail("query", str(err)) from None
    import shutil

    # a table on a terminal fits it (the widest cells cut with an ellipsis); piped, it keeps every character
    sys.stdout.write(render(names, rows, fmt, shutil.get_terminal_size().columns if sys.stdout.isatty() else None))


@app.command()
def push(
    outputs: Annotated[Path, typer.Argument(help="The folder a `kg build` wrote.")] = Path("outputs"),
    endpoint: Annotated[str, typer.Option(help="The store's SPARQL 1.1 Graph Store endpoint, e.g. "
                                          "http://localhost:7878/store.")] = "",
    graph: Annotated[str | None, typer.Option(help="Load into this named graph (default: the default graph).")]
    = None,
    quads: Annotated[bool, typer.Option("--quads", help="POST graph.nq, keeping each document's named graph.")]
    = False,
    timeout: Annotated[float, typer.Option(callback=_at_least(0.1),
                                           help="Seconds to wait for the store's answer (0.1 or more).")]
    = 60.0,
) -> None:
    """Load a build into a triple store (SPARQL 1.1 Graph Store HTTP Protocol): PUT graph.ttl into the default
    graph or --graph, or POST graph.nq with --quads. Then `kg query --endpoint URL` asks it."""
    from .endpoint import push as push_build
    from .query import QueryError

    if not endpoint:
        raise _fail("push", "give the store's Graph Store endpoint: --endpoint URL")
    try:
        what, size = push_build(outputs, endpoint, graph, quads, timeout)
    except QueryError as err:
        raise _fail("push", str(err)) from None
    print(f"pushed {size:,} bytes: {what}")


@app.command()
def show(
    name: Annotated[str, typer.Argument(help="A label of the entity, in English or Chinese (any case).")],
    outputs: Annotated[Path, typer.Option("--out", "-o", help="The folder a `kg build` wrote.")] = Path("outputs"),
) -> None:
    """An entity card: classes, labels in English and Chinese, every relation in and out, and the quote
    behind each."""
    from rich.console import Console

    from .query import QueryError, open_store
    from .show import candidates, card, near

    if not _utf8(name):
        raise _fail("show", f"{_shown(name)}: not valid UTF-8 text")
    try:
        store = open_store(outputs)
    except QueryError as err:
        raise _fail("show", str(err)) from None
    found = candidates(store, name)
    if not found:
        like = near(store, name)
        raise _fail("show", f"no entity is named {name!r}" + (f"; did you mean {' or '.join(map(repr, like))}?"
                                                                 if like else ""), 1)
    if len(found) > 1:
        print(f"kg show: {name!r} names {len(found)} entities; give one of these labels:", file=sys.stderr)
        for iri, cls, label in found:
            print(f"  {label} ({cls}) {iri}", file=sys.stderr)
        raise typer.Exit(1)
    Console().print(card(store, found[0][0]))


@app.command()
def validate(
    outputs: Annotated[Path, typer.Argument(help="The folder a `kg build` wrote.")] = Path("outputs"),
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help=QUIET_HELP)] = False,
) -> None:
    """Check the build (its store, or its RDF) against the SHACL shapes in ontology/shapes.ttl; exit 1 when
    any is violated."""
    from .validate import validate as run_validation

    try:
        with _progress(quiet, "") as progress:
            violations = run_validation(outputs, progress)
    except FileNotFoundError as err:
        raise _fail("validate", f"{err}; run `kg build` first") from None
    for v in violations:
        print(v)
    if violations:
        print(f"{len(violations)} violation{'s' if len(violations) != 1 else ''}", file=sys.stderr)
        raise typer.Exit(1)
    print("conforms")


if __name__ == "__main__":
    main()
