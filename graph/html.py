"""The browser pages a build writes: index.html (the corpus at a glance), graph.html (the whole graph)
and docs/<slug>.html (one page per document).

Offline and safe: the graph is drawn with WebGL by sigma.js over a graphology graph, both inlined from the
files of graph/vendor (fetched from the npm registry by tools/vendor.py), nothing is fetched
(a Content-Security-Policy forbids it), and document text never reaches innerHTML: graph data travels
as JSON in a script element (with "<", ">" and "&" escaped) and the page builds every label, tooltip
and panel with textContent; the static pages escape every text. Node positions are computed here
(graph/layout.py), so the page opens with physics off.
"""

from __future__ import annotations

import html
import json
import math
import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from functools import cache, lru_cache
from pathlib import Path

from .layout import communities, positions
from .model import ONTOLOGY_DIR, Document, Evidence, Graph, Node, Statement
from .rdf import KG, RDFS, ontology
from .shards import Reuse

TEMPLATES = Path(__file__).with_name("templates")
VENDOR = Path(__file__).with_name("vendor")
QUOTE_LIMIT = 300
FACTS_PER_NODE = 60
EVIDENCE_PER_FACT = 3
MENTIONS_PER_NODE = 5
MAX_GRAPH_NODES = 20_000  # beyond this graph.html shows the most connected nodes (every document keeps its page)
OVERVIEW_NODES = 2_000  # beyond this graph.html opens on an overview: its communities, each a node
MOST_GROUPS = 150  # communities the overview shows at most (the smallest beyond are one)
BATCH = 1_000  # items of graph.html's data encoded at once (a big graph's data is never one JSON text)
WINDOWS_RESERVED = re.compile(r"^(?:con|prn|aux|nul|com\d|lpt\d)$", re.IGNORECASE)
CSP = ("default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; "
       "connect-src 'none'; form-action 'none'; base-uri 'none'")


@cache
def _vendor_js() -> str:
    """The browser libraries graph.html inlines (graphology, then sigma.js), as vendor/vendor.json lists them."""
    entries = json.loads((VENDOR / "vendor.json").read_text(encoding="utf-8"))
    return "\n".join((VENDOR / e["file"]).read_text(encoding="utf-8") for e in entries)


@cache
def styles() -> dict[str, dict[str, str]]:
    data = json.loads((ONTOLOGY_DIR / "style.json").read_text(encoding="utf-8"))
    return {k: v for k, v in data.items() if not k.startswith("_")}


def esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def _script_json(value: object) -> str:
    """JSON that is safe inside a <script> element."""
    return (json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
            .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def doc_slugs(kg: Graph) -> dict[str, str]:
    """A safe, unique file name (without .html) for each document node."""
    out: dict[str, str] = {}
    used: set[str] = set()
    for node in sorted(kg.document_nodes(), key=lambda n: n.iri):
        s = re.sub(r"[^a-z0-9-]", "-", node.iri.rstrip("/").rsplit("/", 1)[-1].lower()).strip("-")[:90] or "doc"
        if WINDOWS_RESERVED.match(s):
            s += "-doc"
        candidate, k = s, 1
        while candidate in used:
            k += 1
            candidate = f"{s}-{k}"
        used.add(candidate)
        out[node.iri] = candidate
    return out


def short_quote(quote: str) -> str:
    """A quote with its white space made single spaces, cut to QUOTE_LIMIT characters. (Its head is enough
    where the head alone is longer than the limit: a long quote is not split whole.)"""
    head = quote[: 2 * QUOTE_LIMIT]
    text = " ".join(head.split())
    if len(text) <= QUOTE_LIMIT and len(head) < len(quote):
        text = " ".join(quote.split())
    return text if len(text) <= QUOTE_LIMIT else text[: QUOTE_LIMIT - 1] + "…"


def page_data(kg: Graph, place: Callable[[list[str], list[tuple[str, str]]], dict[str, tuple[float, float]]]
              = positions, overview_above: int = OVERVIEW_NODES) -> dict:
    """What graph.html shows: nodes (with layout, facts and mentions), edges, documents, class styles, and for
    a graph of more than `overview_above` nodes its overview; `place` lays the nodes out. Compact, since the
    page reads it all before it draws: an edge is [from, to, relation], its ends by their positions in
    `nodes`; a quote, a label or a value a fact leads to is kept once in `strings`, a piece of evidence once
    in `evidence` ([document, start, end, quote], the document by its position in `docs`, the quote in
    `strings`), and a node's facts ([relation, "out", "in" or "sentence", the other end's label or the value,
    [evidence]]) and mentions give them by their positions there."""
    slugs = doc_slugs(kg)
    doc_ids = sorted(slugs, key=lambda iri: slugs[iri])
    doc_index = {iri: i for i, iri in enumerate(doc_ids)}
    strings: dict[str, int] = {}  # each string -> its position in `strings`
    evidence: dict[tuple[int, int, int, int], int] = {}  # each piece of evidence -> its position in `evidence`

    def string(text: str) -> int:
        return strings.setdefault(text, len(strings))

    placed: dict[Evidence, int] = {}  # a piece of evidence (most back several facts) -> its position

    def ev(e: Evidence) -> int:
        k = placed.get(e)
        if k is None:
            k = placed[e] = evidence.setdefault((doc_index[e.document], e.start, e.end, string(short_quote(e.quote))),
                                                len(evidence))
        return k

    relations = kg.relations()
    degree: dict[str, int] = defaultdict(int)
    for st in relations:
        degree[st.subject] += 1
        degree[str(st.obj)] += 1
    ids = sorted(kg.nodes)
    if len(ids) > MAX_GRAPH_NODES:
        ids = sorted(sorted(ids, key=lambda iri: (-degree.get(iri, 0), iri))[:MAX_GRAPH_NODES])
    at = {iri: i for i, iri in enumerate(ids)}
    # the facts of the nodes shown and of their sentences (a person's panel gives the facts of their sentences)
    sentences = [st for st in kg.statements if st.predicate == "sentenceOf" and st.obj in at]
    wanted = at.keys() | {st.subject for st in sentences}
    facts: dict[str, list[list]] = defaultdict(list)
    for st in kg.statements:
        for iri, direction in ((st.subject, "out"), (None if st.literal else str(st.obj), "in")):
            if iri not in wanted or len(facts[iri]) >= FACTS_PER_NODE:
                continue
            other = st.obj if direction == "out" else st.subject
            other_label = str(other) if st.literal and direction == "out" else kg.nodes[str(other)].label
            facts[iri].append([st.predicate, direction, string(other_label),
                               [ev(e) for e in st.evidence[:EVIDENCE_PER_FACT]]])
    for st in sentences:
        facts[str(st.obj)] += [[f[0], "sentence", *f[2:]] for f in facts[st.subject]
                               if f[1] == "out" and f[0] != "sentenceOf"]
    relations = [st for st in relations if st.subject in at and st.obj in at]
    xy = place(ids, [(st.subject, str(st.obj)) for st in relations])
    nodes = []
    for iri in ids:
        n = kg.nodes[iri]
        docs = sorted({doc_index[e.document] for e in n.evidence} | (
            {doc_index[iri]} if iri in doc_index else set()))
        zh = n.zh_label
        nodes.append({"id": iri, "cls": n.cls, "label": n.label, "zh": zh, "py": _pinyin(zh),
                      "alt": sorted(t for t, _ in n.alt_labels), "degree": degree.get(iri, 0),
                      "x": xy[iri][0], "y": xy[iri][1], "docs": docs, "facts": facts.get(iri, []),
                      "mentions": [ev(e) for e in n.evidence[:MENTIONS_PER_NODE]],
                      "page": f"docs/{slugs[iri]}.html" if iri in slugs else ""})
    edges = [[at[st.subject], at[str(st.obj)], st.predicate] for st in relations]
    documents = [{"slug": slugs[iri], "title": kg.nodes[iri].label, "genre": kg.nodes[iri].cls} for iri in doc_ids]
    data = {"nodes": nodes, "edges": edges, "docs": documents, "styles": styles(), "total": len(kg.nodes),
            "terms": {name: _word(name) for name in ontology_labels()}, "evidence": list(evidence),
            "strings": list(strings)}
    if len(nodes) > overview_above:
        data.update(overview(nodes, edges))
    return data


def overview(nodes: list[dict], edges: list[list]) -> dict:
    """What a big graph opens on: its communities (`groups`: each named by its most connected members, with
    its size and its classes, the most frequent first, laid out as a graph of its own), the relations between
    them (`links`: two groups and how many relations join them), and each node's group (`g`, set on `nodes`).
    A group's members are drawn in its place: their layout moved from the middle of theirs (`cx`, `cy`) to the
    group's and shrunk by `s` to stay within a little less than half the way to the nearest other group."""
    group = communities([n["id"] for n in nodes], [(nodes[a]["id"], nodes[b]["id"]) for a, b, _rel in edges],
                        MOST_GROUPS)
    members: dict[int, list[dict]] = defaultdict(list)
    for n, g in zip(nodes, group, strict=True):
        n["g"] = g
        members[g].append(n)
    joined: dict[tuple[int, int], int] = defaultdict(int)
    for e in edges:
        a, b = sorted((nodes[e[0]]["g"], nodes[e[1]]["g"]))
        if a != b:
            joined[(a, b)] += 1
    keys = [str(g) for g in range(len(members))]
    at = positions(keys, [(str(a), str(b)) for a, b in joined])
    groups = []
    for g, key in enumerate(keys):
        ms = members[g]
        top = sorted(ms, key=lambda n: (-n["degree"], n["label"]))[:2]
        classes: dict[str, int] = defaultdict(int)
        for n in ms:
            classes[n["cls"]] += 1
        cx, cy = sum(n["x"] for n in ms) / len(ms), sum(n["y"] for n in ms) / len(ms)
        spread = math.sqrt(sum((n["x"] - cx) ** 2 + (n["y"] - cy) ** 2 for n in ms) / len(ms)) or 1.0
        x, y = at[key]
        nearest = min((math.dist((x, y), at[other]) for other in keys if other != key), default=spread)
        groups.append({"label": " · ".join(n["label"] for n in top), "size": len(ms),
                       "classes": sorted(([c, k] for c, k in classes.items()), key=lambda ck: (-ck[1], ck[0])),
                       "x": x, "y": y,
                       "cx": round(cx, 1), "cy": round(cy, 1), "s": round(0.4 * nearest / spread, 4)})
    return {"groups": groups, "links": [[a, b, k] for (a, b), k in sorted(joined.items())]}


def _pinyin(zh: str) -> list[str]:
    """A Chinese name as search finds it typed in pinyin without tones: "zheng wen wei" and "zhengwenwei"."""
    if not zh:
        return []
    from pypinyin import lazy_pinyin

    syllables = [s for s in lazy_pinyin(zh, errors="ignore") if s.isascii() and s.isalpha()]
    return [" ".join(syllables), "".join(syllables)] if syllables else []


@cache
def _template(name: str) -> str:
    return (TEMPLATES / name).read_text(encoding="utf-8")


def _filled(name: str, title: str) -> str:
    """A template with its Content-Security-Policy and title (read once, however many pages use it)."""
    return _template(name).replace("__CSP__", CSP).replace("__TITLE__", esc(title))


def render_graph(kg: Graph, title: str = "Knowledge graph", overview_above: int = OVERVIEW_NODES) -> str:
    return "".join(graph_chunks(kg, title, overview_above=overview_above))


def graph_chunks(kg: Graph, title: str = "Knowledge graph", place: Callable[[list[str], list[tuple[str, str]]],
                 dict[str, tuple[float, float]]] = positions, overview_above: int = OVERVIEW_NODES) -> Iterator[str]:
    """graph.html piece by piece: its data BATCH nodes, edges or documents at a time (the page of a big graph
    is never one string, nor its data one JSON text); a graph of more than `overview_above` nodes opens on
    its overview."""
    before, after = graph_shell(title)
    yield before + "{"
    data = page_data(kg, place, overview_above)
    for k, key in enumerate(sorted(data)):  # what _script_json(data) gives, in pieces
        yield ("," if k else "") + _script_json(key) + ":"
        value = data[key]
        if isinstance(value, list):  # a list a batch of items at a time: one JSON text each, its brackets cut
            yield "["
            for i in range(0, len(value), BATCH):
                yield ("," if i else "") + _script_json(value[i:i + BATCH])[1:-1]
            yield "]"
        else:
            yield _script_json(value)
    yield "}" + after


@cache
def graph_shell(title: str = "Knowledge graph") -> tuple[str, str]:
    """graph.html before and after its data."""
    js = _vendor_js().replace("</script", "<\\/script")
    before, _, after = _filled("graph.html", title).replace("/*VENDOR_JS*/", js).partition("/*DATA*/")
    return before, after


def _page(title: str, body: str) -> str:
    return _filled("page.html", title).replace("__BODY__", body)


@cache
def ontology_labels() -> dict[str, dict[str, str]]:
    """The ontology's labels of its classes and properties, by local name and language: what the pages call
    them ({"decidedOn": {"en": "decided on", "zh": "判决日期"}})."""
    import pyoxigraph as ox

    found: dict[str, dict[str, str]] = defaultdict(dict)
    for t in ontology().quads_for_pattern(None, ox.NamedNode(RDFS + "label"), None):
        if isinstance(t.object, ox.Literal) and t.subject.value.startswith(KG) and t.object.language:
            found[t.subject.value[len(KG):]][t.object.language] = t.object.value
    return dict(found)


def _word(name: str) -> str:
    """A class or property in English, as the ontology labels it."""
    return ontology_labels().get(name, {}).get("en", name)


def term(name: str) -> str:
    """A class or property as a page shows it: its English label, its Chinese one for the interface's other
    language (page.html's switch)."""
    zh = ontology_labels().get(name, {}).get("zh")
    return f'<span data-zh="{esc(zh)}">{esc(_word(name))}</span>' if zh else esc(_word(name))


DATED = ("decidedOn", "issuedOn")  # the date a document is known by (a judgment's, a regulation's)
DATES = (*DATED, "effectiveFrom")


def _dates(kg: Graph) -> dict[str, str]:
    """Each document's dates as a line ("issued on 2017-09-07, effective from 2017-10-08")."""
    out: dict[str, list[str]] = defaultdict(list)
    for st in kg.statements:
        if st.literal and st.predicate in DATES:
            out[st.subject].append(f"{_word(st.predicate)} {st.obj}")
    return {iri: ", ".join(v) for iri, v in out.items()}


def _table_rows(kg: Graph) -> dict[str, dict[str, list[str]]]:
    """What the index's table says of each document: its date, the court or bodies behind it, its
    defendants, and the crimes and penalties of the sentences it imposes."""
    rows: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    sentences: dict[str, str] = {}  # a sentence -> the judgment imposing it
    for st in kg.statements:
        if st.predicate == "imposedBy":
            sentences[st.subject] = str(st.obj)
    for st in kg.statements:
        row = rows[st.subject]
        if st.predicate in DATED and not row["date"]:
            row["date"].append(str(st.obj))
        elif st.predicate in ("decidedBy", "issuedBy"):
            row["by"].append(kg.nodes[str(st.obj)].label)
        elif st.predicate == "defendant":
            row["defendants"].append(kg.nodes[str(st.obj)].label)
        elif st.subject in sentences:
            judgment = rows[sentences[st.subject]]
            if st.predicate == "convictedOf":
                judgment["crimes"].append(kg.nodes[str(st.obj)].label)
            elif st.predicate == "imprisonmentMonths":
                judgment["sentences"].append(f"{st.obj} months")
            elif st.predicate == "fineYuan":
                judgment["sentences"].append(f"fine ¥{int(st.obj):,}")
    return rows


def _bars(title: str, counts: list[tuple[str, dict[str, int]]], colours: dict[str, str]) -> str:
    """A chart of horizontal bars as inline SVG: one bar per label, made of a segment per kind."""
    if not counts:
        return ""
    most = max(sum(kinds.values()) for _, kinds in counts)
    height, width = 18 * len(counts) + 24, 640
    parts = [f'<figure><figcaption>{esc(title)}</figcaption><svg role="img" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">']
    for i, (label, kinds) in enumerate(counts):
        y, x = 18 * i, 220.0
        shown = label if len(label) <= 34 else label[:33] + "…"
        parts.append(f'<text x="214" y="{y + 13}" text-anchor="end" font-size="12">{esc(shown)}'
                     f"<title>{esc(label)}</title></text>")
        for kind, k in sorted(kinds.items()):
            w, fill = 360 * k / most, esc(colours.get(kind, "#999"))
            parts.append(f'<rect x="{x:.1f}" y="{y + 2}" width="{w:.1f}" height="14" fill="{fill}">'
                         f"<title>{esc(_word(kind))}: {k}</title></rect>")
            x += w
        parts.append(f'<text x="{x + 4:.1f}" y="{y + 13}" font-size="12">{sum(kinds.values())}</text>')
    kinds = sorted({kind for _, ks in counts for kind in ks})
    for j, kind in enumerate(kinds):
        fill = esc(colours.get(kind, "#999"))
        parts.append(f'<rect x="{220 + 110 * j}" y="{height - 14}" width="10" height="10" fill="{fill}"/>'
                     f'<text x="{234 + 110 * j}" y="{height - 5}" font-size="12">{esc(_word(kind))}</text>')
    parts.append("</svg></figure>")
    return "".join(parts)


def render_index(kg: Graph) -> str:
    """The corpus at a glance: charts of its documents by year and genre and of its sentences by crime, its
    documents as a table to search and sort (title, genre, court or issuer, date, defendants, crimes,
    sentences, place), and its counts of entities and relations."""
    slugs = doc_slugs(kg)
    summary = kg.summary()
    colours = {cls: style.get("color", "#999") for cls, style in styles().items()}
    rows = _table_rows(kg)
    years: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    crimes: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    docs = sorted(kg.document_nodes(), key=lambda n: (n.document.source, n.document.first_line))
    for node in docs:
        date = rows[node.iri]["date"]
        years[date[0][:4] if date else "no date"][node.cls] += 1
        for crime in rows[node.iri]["crimes"]:
            crimes[crime]["Sentence"] += 1
    by_year = sorted(years.items(), key=lambda kv: (kv[0] == "no date", kv[0]))
    by_crime = sorted(crimes.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))[:15]
    parts = [f"<h1>{esc('Knowledge graph of ' + format(len(kg.documents), ',') + ' documents')}</h1>",
             '<p><a href="graph.html">Open the graph</a></p>',
             '<div class="charts">' + _bars("Documents by year and genre", by_year, colours)
             + _bars("Sentences by crime", by_crime, colours) + "</div>",
             "<h2>Documents</h2>",
             '<p><input id="filter" type="search" placeholder="Filter the documents (any column, English or 中文)" '
             'autocomplete="off"> <span id="shown"></span></p>',
             '<table id="documents" class="sortable"><thead><tr>'
             + "".join(f"<th>{h}</th>" for h in ("title", "genre", "court or issuer", "date", "defendants", "crimes",
                                                 "sentences", "file"))
             + "</tr></thead><tbody>"]
    for node in docs:
        row = rows[node.iri]
        cells = [f'<a href="docs/{esc(slugs[node.iri])}.html">{esc(node.label)}</a>', term(node.cls),
                 *(esc("; ".join(dict.fromkeys(row[k]))) for k in ("by", "date", "defendants", "crimes", "sentences")),
                 place(node.document)]
        parts.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    parts.append("</tbody></table><h2>Entities by class</h2><table><tr><th>class</th><th>count</th></tr>")
    for cls, count in summary["entities"].items():
        parts.append(f'<tr><td><span class="cls" style="background:{esc(colours.get(cls, "#999"))}"></span>'
                     f"{term(cls)}</td><td>{count:,}</td></tr>")
    parts.append("</table><h2>Relations</h2><table><tr><th>relation</th><th>count</th></tr>")
    for rel, count in summary["relations"].items():
        parts.append(f"<tr><td>{term(rel)}</td><td>{count:,}</td></tr>")
    parts.append("</table>")
    return _page("Knowledge graph", "\n".join(parts))


@lru_cache(maxsize=4)
def _file_text(path: str, stamp: tuple[int, int]) -> str | None:
    """A file's text, read once while it stays as it was (`stamp`: its size and modification time)."""
    from .reader import InputError, read

    try:
        return read(Path(path)).held  # the text as the file holds it, which every offset indexes
    except InputError:
        return None


def source_text(d: Document) -> str | None:
    """A document's text: kept while it is extracted, read again from its file for the page after."""
    if d.text:
        return d.text
    try:
        st = Path(d.path).stat()
    except OSError:
        return None
    text = _file_text(d.path, (st.st_size, st.st_mtime_ns))
    if text is None or len(text) < d.end:
        return None
    return text[d.start:d.end]


def place(d: Document) -> str:
    """Where a document stands, as its page and the index show it: its file and lines."""
    return f"{esc(d.source)}, lines {d.first_line}–{d.last_line}"


def marked(text: str, base: int, spans: dict[tuple[int, int], tuple[str, str]]) -> str:
    """`text` (which begins at offset `base` of its file), escaped, with a `<mark>` over each of `spans` (spans
    of the file: the kind of mark, "fact" or "name", and its title). The first mark of a span bears the id
    `ev-START-END`, which the fact table, the entity list and graph.html link to; a fact's marks lead back
    to its row (`data-row`). A span that crosses the end of another goes on in a second mark, without id."""
    end_of_text = base + len(text)
    starts: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for start, end in spans:
        if base <= start <= end <= end_of_text:
            starts[start].append((start, end))
    ends = {end for group in starts.values() for _, end in group}

    def tag(span: tuple[int, int], first: bool) -> str:
        kind, title = spans[span]
        row = f' data-row="fact-{span[0]}-{span[1]}"' if kind == "fact" else ""
        ident = f' id="ev-{span[0]}-{span[1]}"' if first else ""
        return f'<mark{ident} class="{kind}"{row} title="{esc(title)}">'

    parts: list[str] = []
    stack: list[tuple[int, int]] = []  # the marks open, outermost first
    at = base
    for point in sorted(set(starts) | ends):
        parts.append(esc(text[at - base:point - base]))
        at = point
        closing = [i for i, (_, end) in enumerate(stack) if end == point]
        if closing:  # close the marks from the outermost that ends here inwards; open again those going on
            going_on = [span for span in stack[closing[0]:] if span[1] != point]
            parts.append("</mark>" * (len(stack) - closing[0]))
            del stack[closing[0]:]
            parts += [tag(span, first=False) for span in going_on]
            stack += going_on
        for span in sorted(starts.get(point, ()), key=lambda sp: -sp[1]):  # the longest outermost
            if span[1] == point:  # an empty span: its anchor alone
                parts.append(tag(span, first=True) + "</mark>")
            else:
                parts.append(tag(span, first=True))
                stack.append(span)
    parts.append(esc(text[at - base:]))
    return "".join(parts)


def render_document(kg: Graph, node: Node, stated: list[tuple[Statement, Evidence]],
                    mentioned: list[tuple[Node, Evidence]], dates: str, names: dict[tuple[int, int], list[str]]) -> str:
    """The page of one document: its facts with their quotes, the entities it names, and its text, where every
    piece of evidence (`stated`: each fact's; `names`: the span of each mention, with what it names) is marked
    (`ev-START-END`, the target of the graph's evidence links). A fact's quote leads to its marked span and the
    span back to the fact; an entity leads to its first mention. Without the source file at hand, the rows and
    the entities bear the anchors themselves."""
    d = node.document
    assert d is not None
    text = source_text(d)
    parts = ['<p><a href="../index.html">All documents</a> · <a href="../graph.html">Whole graph</a></p>',
             f"<h1>{esc(node.label)}</h1>",
             f"<p>{term(node.cls)} · {place(d)} · "
             f"{esc(', '.join(d.languages))}{' · ' + esc(dates) if dates else ''}</p>",
             "<h2>Facts stated in this document</h2>",
             "<table><tr><th>subject</th><th>relation</th><th>object</th><th>quote</th></tr>"]
    rows = []
    for st, ev in stated:
        obj = st.obj if st.literal else kg.nodes[str(st.obj)].label
        rows.append((ev.start, ev.end, kg.nodes[st.subject].label, st.predicate, str(obj), ev.quote))
    spans: dict[tuple[int, int], tuple[str, str]] = {}
    seen: set[str] = set()
    for start, end, subject, rel, obj, quote in sorted(rows):
        anchor = f"{start}-{end}"
        kind, title = spans.get((start, end), ("fact", ""))
        spans[(start, end)] = (kind, f"{title}\n{subject} · {_word(rel)} · {obj}".lstrip("\n"))
        ident = f' id="{"ev" if text is None else "fact"}-{anchor}"' if anchor not in seen else ""
        seen.add(anchor)
        shown = esc(short_quote(quote))
        quote_cell = shown if text is None else f'<a href="#ev-{anchor}">{shown}</a>'
        parts.append(f"<tr{ident}><td>{esc(subject)}</td><td>{term(rel)}</td><td>{esc(obj)}</td>"
                     f'<td class="quote">{quote_cell}</td></tr>')
    for span, named in sorted(names.items()):
        kind, title = spans.get(span, ("name", ""))
        spans[span] = (kind, "\n".join([*sorted(named), title]).rstrip("\n"))
    parts.append("</table><h2>Entities named</h2><ul>")
    for entity, ev in sorted(mentioned, key=lambda m: (m[0].cls, m[0].label, m[0].iri)):
        zh = entity.zh_label
        name = f"{term(entity.cls)}: {esc(entity.label)}{' · ' + esc(zh) if zh and zh != entity.label else ''}"
        if text is None:
            anchor = f"ev-{ev.start}-{ev.end}"
            ident = f' id="{anchor}"' if anchor not in seen else ""
            seen.add(anchor)
            parts.append(f"<li{ident}>{name}</li>")
        else:
            parts.append(f'<li><a href="#ev-{ev.start}-{ev.end}">{name}</a></li>')
    parts.append("</ul>" + duties_by_bearer(kg, stated) + side_by_side(kg, node, stated) + "<h2>Text</h2>")
    if text is None:
        parts.append("<pre>(the source file is not at hand)</pre>")
    else:
        parts.append(f"<pre>{marked(text, d.start, spans)}</pre>")
    return _page(node.label, "\n".join(parts))


def duties_by_bearer(kg: Graph, stated: list[tuple[Statement, Evidence]]) -> str:
    """A regulation's duties, a table for each bearer: the article, the modality, the action (leading to its words
    in the text) and the sanctions of the regulation that name the article, with their fines."""
    facts: dict[str, dict[str, list[tuple[object, Evidence]]]] = defaultdict(lambda: defaultdict(list))
    for st, ev in stated:
        if kg.nodes[st.subject].cls in ("Duty", "Sanction"):
            facts[st.subject][st.predicate].append((st.obj, ev))
    sanctioning: dict[str, list[str]] = defaultdict(list)  # an article -> its sanctions, as the table says them
    for sid, f in sorted(facts.items()):
        if kg.nodes[sid].cls != "Sanction" or not f["statedIn"]:
            continue
        article, ev = f["statedIn"][0]
        least, most = (f[k][0][0] if f[k] else None for k in ("fineMinYuan", "fineMaxYuan"))
        fine = f" ({least:,}–{most:,} yuan)" if isinstance(most, int) and isinstance(least, int) else ""
        link = f'<a href="#ev-{ev.start}-{ev.end}">{esc(kg.nodes[str(article)].label)}{esc(fine)}</a>'
        for target, _ in f["sanctions"]:
            sanctioning[str(target)].append(link)
    by_bearer: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for did, f in facts.items():
        if kg.nodes[did].cls != "Duty" or not f["statedIn"] or not f["action"]:
            continue
        article = str(f["statedIn"][0][0])
        action, ev = f["action"][0]
        bearer = kg.nodes[str(f["bearer"][0][0])].label if f["bearer"] else "—"
        modality = str(f["modality"][0][0]) if f["modality"] else ""
        row = (f"<td>{esc(kg.nodes[article].label)}</td><td>{esc(modality)}</td>"
               f'<td class="quote"><a href="#ev-{ev.start}-{ev.end}">{esc(action)}</a></td>'
               f"<td>{' · '.join(dict.fromkeys(sanctioning.get(article, [])))}</td>")
        by_bearer[bearer].append((ev.start, row))
    if not by_bearer:
        return ""
    parts = [f"<h2>{term('Duty')} · {term('bearer')}</h2>"]
    for bearer, rows in sorted(by_bearer.items()):
        parts.append(f"<h3>{esc(bearer)}</h3><table><tr><th>{term('statedIn')}</th><th>{term('modality')}</th>"
                     f"<th>{term('action')}</th><th>{term('Sanction')}</th></tr>"
                     + "".join(f"<tr>{row}</tr>" for _, row in sorted(rows)) + "</table>")
    return "".join(parts)


def side_by_side(kg: Graph, node: Node, stated: list[tuple[Statement, Evidence]]) -> str:
    """A bilingual regulation's own articles side by side, English and Chinese, one pair a row in the order of
    the text (its `translation` facts), each article leading to its first mention marked in the text."""
    pairs = sorted({(ev.start, st.subject, str(st.obj)) for st, ev in stated if st.predicate == "translation"
                    and st.subject.startswith(node.iri + "/") and str(st.obj).startswith(node.iri + "/")})
    if not pairs:
        return ""

    def cell(article: Node) -> str:
        ev = next((e for e in article.evidence if e.document == node.iri), None)
        at = f' <a href="#ev-{ev.start}-{ev.end}" title="its place in the text">↓</a>' if ev else ""
        lang, words = esc(article.props.get("lang", "")), esc(article.props.get("text", article.label))
        return f'<td lang="{lang}">{words}{at}</td>'

    rows = []
    for _, a, b in pairs:
        first, second = sorted((kg.nodes[a], kg.nodes[b]), key=lambda n: n.props.get("lang") != "en")
        rows.append(f"<tr>{cell(first)}{cell(second)}</tr>")
    return ('<h2>Articles side by side</h2><table class="pairs"><tr><th>English</th><th>中文</th></tr>'
            + "".join(rows) + "</table>")


def write_site(kg: Graph, out: Path, reuse: Reuse | None = None) -> list[Path]:
    """Write index.html, graph.html and docs/<slug>.html into `out`. With `reuse` (graph.shards), a
    document's page is linked from the last build where that one's page had the same key (a digest of what
    the page shows), and graph.html's layout is kept for the same nodes and edges."""
    return [write_graph(kg, out, reuse), *write_pages(kg, out, reuse)]


def write_graph(kg: Graph, out: Path, reuse: Reuse | None = None) -> Path:
    """Write graph.html into `out` (its layout kept by `reuse` for the same nodes and edges)."""
    reuse = reuse or Reuse()
    with (out / "graph.html").open("w", encoding="utf-8") as f:
        f.writelines(graph_chunks(kg, place=lambda ids, edges: _kept_positions(reuse, ids, edges)))
    return out / "graph.html"


def write_pages(kg: Graph, out: Path, reuse: Reuse | None = None) -> list[Path]:
    """Write index.html and docs/<slug>.html into `out` (a page linked from the last build by `reuse` where
    its key is the one recorded then)."""
    reuse = reuse or Reuse()
    slugs = doc_slugs(kg)
    (out / "docs").mkdir(parents=True, exist_ok=True)
    (out / "index.html").write_text(render_index(kg), encoding="utf-8")
    written = [out / "index.html"]
    by_doc: dict[str, list[tuple[Statement, Evidence]]] = defaultdict(list)
    for st in kg.statements:
        for ev in st.evidence:
            by_doc[ev.document].append((st, ev))
    dates_of = _dates(kg)
    mentioned: dict[str, list[tuple[Node, Evidence]]] = defaultdict(list)
    names: dict[str, dict[tuple[int, int], list[str]]] = defaultdict(lambda: defaultdict(list))  # each mention
    for entity in kg.nodes.values():
        first: dict[str, Evidence] = {}
        label = f"{entity.cls}: {entity.label}"
        for ev in entity.evidence:
            first.setdefault(ev.document, ev)
            names[ev.document][(ev.start, ev.end)].append(label)
        for doc, ev in first.items():
            mentioned[doc].append((entity, ev))
    # in file order, so that each source file is read again once for the texts of its documents
    for node in sorted(kg.document_nodes(), key=lambda n: (n.document.path, n.document.start)):
        name = f"docs/{slugs[node.iri]}.html"
        stated, named, dates = by_doc[node.iri], mentioned[node.iri], dates_of.get(node.iri, "")
        said = names[node.iri]
        if not (reuse.keeping and reuse.link(name, _page_key(kg, node, stated, named, dates, said, reuse), out)):
            (out / name).write_text(render_document(kg, node, stated, named, dates, said),
                                    encoding="utf-8")
        written.append(out / name)
    return written


def _page_key(kg: Graph, node: Node, stated: list[tuple[Statement, Evidence]], mentioned: list[tuple[Node, Evidence]],
              dates: str, names: dict[tuple[int, int], list[str]], reuse: Reuse) -> str:
    """A digest of everything a document's page shows (its text by its digest)."""
    d = node.document
    assert d is not None
    data = (node.label, node.cls, d.source, d.first_line, d.last_line, d.start, d.end, d.sha256, d.languages,
            dates, sorted((ev.start, ev.end, kg.nodes[st.subject].label, st.predicate,
                           str(st.obj) if st.literal else kg.nodes[str(st.obj)].label, ev.quote) for st, ev in stated),
            sorted((n.cls, n.label, n.iri, n.zh_label, ev.start, ev.end) for n, ev in mentioned), sorted(names.items()))
    return reuse.digest(data)


def _kept_positions(reuse: Reuse, ids: list[str], edges: list[tuple[str, str]]) -> dict[str, tuple[float, float]]:
    """The layout of graph.html, kept for the next build (most edits leave the nodes and edges as they were)."""
    if not reuse.keeping:
        return positions(ids, edges)

    def made() -> bytes:
        xy = positions(ids, edges)
        return json.dumps([xy[i] for i in ids]).encode()

    data = json.loads(reuse.kept("layout", (ids, sorted(edges)), made))
    return {i: (x, y) for i, (x, y) in zip(ids, data, strict=True)}
