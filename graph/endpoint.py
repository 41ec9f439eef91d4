"""A build in a triple store: push it with the SPARQL 1.1 Graph Store HTTP Protocol and query it with the
SPARQL 1.1 Protocol. Works with any store that speaks them (Oxigraph, Apache Jena Fuseki, GraphDB, ...).

Parameters of a named query are bound with a VALUES block holding the value as an RDF term serialized by
pyoxigraph (escaped as RDF requires), placed at the start of the query's WHERE clause: user text is never
pasted into the query as SPARQL.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from .query import Cell, QueryError, bind, terms
from .rdf import RDF, SPARQL_PREFIXES, XSD

TIMEOUT = 60.0  # seconds without an answer before a request gives up (--timeout)


def check_url(endpoint: str) -> None:
    """An endpoint is an http(s) URL with a host; raises QueryError naming it otherwise."""
    try:
        parts = urllib.parse.urlsplit(endpoint)
        parts.port  # noqa: B018 - raises ValueError for a port that is no number
    except ValueError:
        parts = None
    if parts is None or parts.scheme not in ("http", "https") or not parts.hostname:
        raise QueryError(f"{endpoint!r} is not an endpoint URL; give http://HOST:PORT/PATH")


def _request(req: urllib.request.Request, timeout: float) -> bytes:
    try:
        with urllib.request.urlopen(req, timeout=timeout) as response:  # noqa: S310 - the user's own endpoint
            return response.read()
    except urllib.error.HTTPError as err:
        body = err.read().decode("utf-8", "replace").strip().splitlines()
        raise QueryError(f"{req.full_url}: HTTP {err.code} {err.reason}" + (
            f": {body[0][:200]}" if body else "")) from None
    except TimeoutError:
        raise QueryError(f"{req.full_url}: no answer within {timeout:g} s (--timeout)") from None
    except (urllib.error.URLError, OSError) as err:
        reason = getattr(err, "reason", err)
        if isinstance(reason, TimeoutError):
            raise QueryError(f"{req.full_url}: no answer within {timeout:g} s (--timeout)") from None
        raise QueryError(f"{req.full_url}: cannot reach the endpoint ({reason})") from None


def push(outputs: Path, endpoint: str, graph: str | None = None, quads: bool = False,
         timeout: float = TIMEOUT) -> tuple[str, int]:
    """Load a build into the Graph Store at `endpoint`: the Turtle with PUT into `graph` (or the default
    graph), replacing what it held; or, with `quads`, the N-Quads with POST, adding each document's named
    graph beside the default graph (query them with the store's union-default-graph option).
    Returns (what was sent, bytes)."""
    check_url(endpoint)
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
    _request(req, timeout)
    return f"{method} {kind} to {url}", len(data)


def _cell(binding: dict | None) -> Cell:
    """A cell of the table from a binding of SPARQL JSON results (typed as `graph.query.run` types it)."""
    if binding is None:
        return Cell("", None)
    if binding["type"] not in ("literal", "typed-literal"):
        return Cell(str(binding["value"]))
    lang = RDF + "langString" if "xml:lang" in binding else XSD + "string"
    return Cell(str(binding["value"]), binding.get("datatype", lang))


def query(endpoint: str, sparql: str, params: dict[str, str] | None = None,
          timeout: float = TIMEOUT) -> tuple[list[str], list[list[str]]]:
    """Run a SELECT or ASK query at a SPARQL endpoint; the same table `graph.query.run` gives (the ontology's
    prefixes go first, so the query need not declare them; its own declarations come after and win)."""
    check_url(endpoint)
    text = SPARQL_PREFIXES + bind(sparql, terms(sparql, params or {}))
    req = urllib.request.Request(endpoint, data=text.encode("utf-8"), method="POST",
                                 headers={"Content-Type": "application/sparql-query",
                                          "Accept": "application/sparql-results+json"})
    answer = _request(req, timeout)
    try:
        results = json.loads(answer)
        if "boolean" in results:
            return ["ask"], [[str(results["boolean"]).lower()]]
        names = [str(v) for v in results["head"]["vars"]]
        rows = [[_cell(b.get(v)) for v in names] for b in results["results"]["bindings"]]
    except (ValueError, KeyError, TypeError, AttributeError):
        raise QueryError(f"{endpoint}: the answer is not SPARQL JSON results ({answer[:60]!r}); is this the "
                         "store's SPARQL query endpoint?") from None
    return names, rows
