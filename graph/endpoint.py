"""A build in a triple store: push it with the SPARQL 1.1 Graph Store HTTP Protocol and query it with the
SPARQL 1.1 Protocol. Works with any store that speaks them (Oxigraph, Apache Jena Fuseki, GraphDB, ...).

Parameters of a named query are bound with a VALUES block holding the value as an RDF term serialized by
pyoxigraph (escaped as RDF requires), placed at the start of the query's WHERE clause: user text is never
pasted into the query as SPARQL.
"""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pyoxigraph as ox

from .query import QueryError
from .rdf import SPARQL_PREFIXES

TIMEOUT = 600


def _request(req: urllib.request.Request) -> bytes:
    try:
        with urllib.request.urlopen(req, timeout=TIMEOUT) as response:  # noqa: S310 - the user's own endpoint
            return response.read()
    except urllib.error.HTTPError as err:
        body = err.read().decode("utf-8", "replace").strip().splitlines()
        raise QueryError(f"{req.full_url}: HTTP {err.code} {err.reason}" + (
            f": {body[0][:200]}" if body else "")) from None
    except (urllib.error.URLError, OSError) as err:
        reason = getattr(err, "reason", err)
        raise QueryError(f"{req.full_url}: cannot reach the endpoint ({reason})") from None


def push(outputs: Path, endpoint: str, graph: str | None = None, quads: bool = False) -> tuple[str, int]:
    """Load a build into the Graph Store at `endpoint`: the Turtle with PUT into `graph` (or the default
    graph), replacing what it held; or, with `quads`, the N-Quads with POST, adding each document's named
    graph beside the default graph (query them with the store's union-default-graph option).
    Returns (what was sent, bytes)."""
    nq, ttl = outputs / "graph.nq", outputs / "graph.ttl"
    if quads:
        if not nq.exists():
            raise QueryError(f"{outputs}: no graph.nq; run `kg build --format ttl,nq` first")
        data, method, url, kind = nq.read_bytes(), "POST", endpoint, "application/n-quads"
    elif ttl.exists():
        target = {"graph": graph} if graph else {"default": ""}
        sep = "&" if "?" in endpoint else "?"
        url = endpoint + sep + urllib.parse.urlencode(target).replace("default=", "default")
        data, method, kind = ttl.read_bytes(), "PUT", "text/turtle"
    else:
        raise QueryError(f"{outputs}: no graph.ttl or graph.nq; run `kg build` first")
    req = urllib.request.Request(url, data=data, method=method, headers={"Content-Type": kind})
    _request(req)
    return f"{method} {kind} to {url}", len(data)


def bind(sparql: str, params: dict[str, str]) -> str:
    """The query with each parameter bound by a VALUES block of serialized literals."""
    if not params:
        return sparql
    names = " ".join(f"?{k}" for k in params if re.fullmatch(r"\w+", k))
    if len(names.split()) != len(params):
        raise QueryError("parameter names are letters, digits and _")
    terms = " ".join(str(ox.Literal(v)) for v in params.values())
    block = f"VALUES ({names}) {{ ({terms}) }}"
    where = re.search(r"\bWHERE\s*\{", sparql, re.IGNORECASE)
    if where is None:
        raise QueryError("a parameterised query needs a WHERE clause")
    return sparql[: where.end()] + f" {block} " + sparql[where.end():]


def query(endpoint: str, sparql: str, params: dict[str, str] | None = None) -> tuple[list[str], list[list[str]]]:
    """Run a SELECT or ASK query at a SPARQL endpoint; the same table `graph.query.run` gives (the ontology's
    prefixes go first, so the query need not declare them; its own declarations come after and win)."""
    text = SPARQL_PREFIXES + bind(sparql, params or {})
    req = urllib.request.Request(endpoint, data=text.encode("utf-8"), method="POST",
                                 headers={"Content-Type": "application/sparql-query",
                                          "Accept": "application/sparql-results+json"})
    try:
        results = json.loads(_request(req))
    except json.JSONDecodeError:
        raise QueryError(f"{endpoint}: the answer is not SPARQL JSON results") from None
    if "boolean" in results:
        return ["ask"], [[str(results["boolean"]).lower()]]
    names = results["head"]["vars"]
    rows = [[b.get(v, {}).get("value", "") for v in names] for b in results["results"]["bindings"]]
    return names, rows
