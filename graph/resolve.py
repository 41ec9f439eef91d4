"""Cross-document resolution: one node per real-world thing, keyed by canonical names.

Entities of one class that share a normalised key, in any documents, are one node (union-find over the
keys). An article is keyed by its resolved statute and its number; a judgment cited by case number is
the judgment document that bears that number, and a statute cited by title the regulation document that
bears that title, where there is one; where several documents bear it (the versions of a law, dated
apart), a mention is of the version in force at the date of the document that makes it. A person is one
within a document: namesakes of two documents are one person only where the texts link the two (an
appeal, a report on a judgment). IRIs derive from canonical names (a person's from their document's), so
the same input gives the same IRIs. News reports are linked to the judgments whose defendants they name.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from ..extractors.gazetteer import gazetteer
from ..extractors.genres import genre
from ..extractors.text import fold, has_cjk, simplified, slug
from .kg import KnowledgeGraph
from .model import DEFAULT_BASE, DOC, PARTIES, Entity, Evidence, Extraction, Node, Statement


class _UnionFind:
    """Union-find over hashable keys; a set's root is its earliest key (the merge visits keys in a
    deterministic order, so roots are deterministic too)."""

    def __init__(self) -> None:
        self.parent: dict[object, object] = {}
        self.order: dict[object, int] = {}

    def find(self, x: object) -> object:
        parent = self.parent
        if x not in parent:
            parent[x] = x
            self.order[x] = len(self.order)
            return x
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, a: object, b: object) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            if self.order[ra] > self.order[rb]:
                ra, rb = rb, ra
            self.parent[rb] = ra


def merge(extractions: list[Extraction], base: str = DEFAULT_BASE) -> KnowledgeGraph:
    """Merge per-document extractions (in a deterministic order) into one graph."""
    uf = _UnionFind()
    locals_: list[tuple[int, Entity]] = []
    judgments: list[tuple[int, Entity]] = []
    articles: list[tuple[int, Entity]] = []
    dates = [ex.dated() for ex in extractions]
    doc_iris = _document_iris(extractions, dates, base)
    for i, ex in enumerate(extractions):  # what each document settles alone: its entities' keys
        for e in ex.entities.values():
            if e.cls == "Article":
                articles.append((i, e))
                continue
            locals_.append((i, e))
            for k in sorted(e.keys):
                uf.union((i, e.id), _scoped(e.cls, k, i))
            if e.cls == "Judgment":
                judgments.append((i, e))
    # a document is what its genre says it is known by: a judgment cited by its case number, a regulation
    # cited by its title
    for i, ex in enumerate(extractions):
        for key in genre(ex.document.genre).keys(ex):
            uf.union(("doc", i), key)
    for i, e in judgments:
        for k in e.keys:
            uf.union((i, e.id), ("Judgment", k))
    _share_people(extractions, uf)
    # articles: by statute and number (a regulation's own articles: by document, language and number); an
    # article cited of a statute that is one of the documents is that document's own article of the number,
    # in the language it is cited in where the document has both
    # a document known by the keys of another is a version of the same text: each mention of them is of the
    # version in force at the date of the document that makes it (the latest version dated no later), or else
    # of the latest version
    versions: dict[object, list[int]] = defaultdict(list)
    for i in range(len(extractions)):
        versions[uf.find(("doc", i))].append(i)
    for found in versions.values():
        found.sort(key=lambda i: (dates[i], i))
    doc_roots = {root: found[-1] for root, found in versions.items()}  # articles join no document's keys

    def version(root: object, i: int) -> int:
        found = versions[root]
        if len(found) == 1 or not dates[i]:
            return found[-1]
        return next((j for j in reversed(found) if dates[j] and dates[j] <= dates[i]), found[-1])

    own_langs: dict[tuple[int, str], set[str]] = defaultdict(set)
    for i, e in articles:
        if e.props.get("own"):
            own_langs[(i, e.props["number"])].add(e.props["lang"])
    for i, e in articles:
        locals_.append((i, e))
        if e.props.get("own"):
            uf.union((i, e.id), ("own", i, e.props["lang"], e.props["number"]))
            continue
        statute = uf.find((i, e.props["statute"]))
        j = version(statute, i) if statute in doc_roots else None
        uf.union((i, e.id), ("article", repr(statute), e.props["number"], j))
        langs = own_langs.get((j, e.props["number"])) if j is not None else None
        if langs:
            cited_in = e.mentions[0].lang if e.mentions else "en"
            uf.union((i, e.id), ("own", j, cited_in if cited_in in langs else min(langs), e.props["number"]))
    groups: dict[object, list[tuple[int, Entity]]] = defaultdict(list)
    for i, e in locals_:
        groups[uf.find((i, e.id))].append((i, e))
    nodes: dict[str, Node] = {}
    for i, ex in enumerate(extractions):
        d = ex.document
        nodes[doc_iris[i]] = Node(doc_iris[i], d.genre, d.title, "zh" if has_cjk(d.title) and not re.search(
            "[A-Za-z]{3}", d.title) else "en", {(t, "zh" if has_cjk(t) else "en") for t in d.alt_titles}, document=d)
    root_iri: dict[object, str] = {}
    used: Counter[str] = Counter()
    named = {root: _name(members) for root, members in groups.items()}
    def where(root: object) -> tuple[str, int, str]:
        """The file, document and local id of a node's first member: two nodes of one name ("Li Mou" of two
        files) take their IRI suffixes in this order, whatever other files the corpus holds."""
        i, e = groups[root][0]
        return extractions[i].document.source, extractions[i].document.first_line, e.id

    order = sorted(groups, key=lambda r: (groups[r][0][1].cls == "Article", groups[r][0][1].cls, named[r][0],
                                          where(r)))
    for root in order:
        members = groups[root]
        if root in doc_roots:
            root_iri[root] = doc_iris[doc_roots[root]]
            continue
        iri = _iri(base, members, named[root][0], uf, root_iri, doc_iris, extractions)
        used[iri] += 1
        if used[iri] > 1:
            iri += f"-{used[iri]}"
        root_iri[root] = iri
    sources = [ex.document.source for ex in extractions]
    local_iri: dict[tuple[int, str], str] = {}  # (document, local entity id) -> node IRI
    # a name -> its comparison key, and whether it is written in traditional script (names recur across documents)
    folded: dict[str, tuple[str, bool]] = {}
    shared: dict[Evidence, Evidence] = {}  # one object for each piece of evidence (a mention often backs facts)
    for root in sorted(groups, key=lambda r: root_iri[r]):
        members = groups[root]
        iri = root_iri[root]
        if iri in nodes:
            node = nodes[iri]
        else:
            name, zh = _label(members, uf, named)
            node = nodes[iri] = Node(iri, members[0][1].cls, name, "zh" if has_cjk(name) else "en")
            if zh and zh != name:
                node.alt_labels.add((zh, "zh"))
        for i, e in members:
            if root in doc_roots:  # a mention of a document: of the version in force when the mentioning one is dated
                iri = doc_iris[version(root, i)]
                node = nodes[iri]
            label_key = fold(node.label)
            local_iri[(i, e.id)] = iri
            doc, source = doc_iris[i], sources[i]
            for m in e.mentions:
                name = m.name
                known = folded.get(name)
                if known is None:
                    known = folded[name] = (fold(name), simplified(name) != name)
                key, traditional = known
                if key != label_key or (traditional and name != node.label):  # 國務院 of 国务院
                    node.alt_labels.add((" ".join(name.split()), m.lang))
                ev = Evidence(doc, m.span.start, m.span.end, source, m.text)
                node.evidence.append(shared.setdefault(ev, ev))
            for k in ("number", "text", "lang"):
                if k in e.props:
                    node.props.setdefault(k, e.props[k])
    statements = _statements(extractions, doc_iris, sources, local_iri, nodes, shared)
    for node in nodes.values():
        node.evidence.sort()
    per_document: list[dict[str, str]] = [{DOC: iri} for iri in doc_iris]
    for (i, eid), iri in local_iri.items():
        per_document[i][eid] = iri
    return KnowledgeGraph(nodes, statements, [ex.document for ex in extractions], base, local_iris=per_document)


def _document_iris(extractions: list[Extraction], dates: list[str], base: str) -> list[str]:
    """Each document's IRI, from its title; documents of one title are told apart by their dates (the
    versions of a law: doc/SLUG-2018-10-26 and doc/SLUG-2022-10-30), else by their order (doc/SLUG-2)."""
    slugs = [slug(ex.document.title or ex.document.source) for ex in extractions]
    dated_slugs = Counter((s, d) for s, d in zip(slugs, dates, strict=True))
    shared = Counter(slugs)
    used: Counter[str] = Counter()
    out = []
    for s, d in zip(slugs, dates, strict=True):
        name = f"{s}-{d}" if shared[s] > 1 and d and dated_slugs[(s, d)] == 1 else s
        used[name] += 1
        out.append(f"{base}doc/{name}" + (f"-{used[name]}" if used[name] > 1 else ""))
    return out


# classes whose names are one thing within a document only: a person ("Li Mou" of two cases), a sentence
ONE_DOCUMENT = {"Person", "Sentence", "Event", "Sanction", "Duty"}


def _scoped(cls: str, key: str, i: int) -> tuple:
    """The union-find key of an entity key of document `i`: a person's name is theirs in one document (a
    gazetteer id is one person everywhere)."""
    return (cls, key, i) if cls in ONE_DOCUMENT and not key.startswith("gaz:") else (cls, key)


def _share_people(extractions: list[Extraction], uf: _UnionFind) -> None:
    """People of one name (and their sentences) are one across two documents only where the texts link the
    documents: an appeal and the judgment it reviews, a report and the judgment it reports on (its genre
    says which)."""
    doc_of = {uf.find(("doc", i)): i for i in range(len(extractions))}
    people: list[set[tuple[str, str]]] = []
    defendants: dict[str, list[int]] = defaultdict(list)  # a party's key -> the judgments naming that party
    for i, ex in enumerate(extractions):
        people.append({(e.cls, k) for e in ex.entities.values() if e.cls in ONE_DOCUMENT for k in e.keys})
        if ex.document.genre == "Judgment":
            for k in sorted({k for f in ex.facts if f.subject == DOC and f.predicate in PARTIES
                             for k in ex.entities[str(f.obj)].keys}):
                defendants[k].append(i)
    pairs: set[tuple[int, int]] = set()
    for i, ex in enumerate(extractions):
        for f in ex.facts:
            if f.subject == DOC and f.predicate == "appealOf" and (j := doc_of.get(uf.find((i, f.obj)))) is not None:
                pairs.add((min(i, j), max(i, j)))
        pairs.update((min(i, j), max(i, j)) for j in genre(ex.document.genre).shares_people(extractions, i, defendants))
    for i, j in sorted(pairs):
        for cls, k in sorted(people[i] & people[j]):
            uf.union(_scoped(cls, k, i), _scoped(cls, k, j))


def _name(members: list[tuple[int, Entity]]) -> tuple[str, str]:
    """The canonical (English, Chinese) names of a node."""
    cls = members[0][1].cls
    if len(members) == 1:  # most nodes: one mention's entity
        e = members[0][1]
        entry = gazetteer(cls).by_id.get(e.props["gid"]) if e.props.get("gid") else None
        return (entry.name, entry.zh_name or e.zh_name) if entry is not None else (e.name, e.zh_name)
    gids = sorted({e.props["gid"] for _, e in members if e.props.get("gid")})
    zh = min((e.zh_name for _, e in members if e.zh_name), key=lambda z: (-len(z), z), default="")
    if gids:
        entry = gazetteer(cls).by_id.get(gids[0])
        if entry is not None:
            return entry.name, entry.zh_name or zh
    weight: Counter[str] = Counter()
    for _, e in members:
        weight[e.name] += max(1, len(e.mentions))
    if cls == "Person":
        best = max(weight, key=lambda n: (weight[n], len(n), n))
    else:
        english = [n for n in weight if not has_cjk(n)] or list(weight)
        best = max(english, key=lambda n: (len(n.split()) > 1, weight[n], len(n), n))
    return best, zh


def _label(members, uf, named: dict) -> tuple[str, str]:
    i, e = members[0]
    name, zh = named[uf.find((i, e.id))]
    cited = next(((j, c) for j, c in members if c.cls == "Article" and not c.props.get("own")), None)
    if cited is not None:  # "<statute> Article N", also where it is a document's own article
        i, e = cited
        statute_name = named[uf.find((i, e.props["statute"]))][0]
        number = e.props["number"]
        zh_forms = sorted({m.text for _, e in members for m in e.mentions if m.lang == "zh"})
        return f"{statute_name} Article {number}", zh_forms[0] if zh_forms else ""
    return name, zh


def _iri(base: str, members: list[tuple[int, Entity]], name: str, uf: _UnionFind, root_iri: dict,
         doc_iris: list[str], extractions: list[Extraction]) -> str:
    i, e0 = members[0]
    cls = e0.cls
    if cls == "Article":
        own = next(((j, e) for j, e in members if e.props.get("own")), None)
        if own is not None:  # a document's own article, cited or not
            i, e0 = own
            return f"{doc_iris[i]}/article/{e0.props['lang']}-{e0.props['number']}"
        statute = root_iri.get(uf.find((i, e0.props["statute"])))
        stem = statute.rsplit("/", 1)[-1] if statute else "statute"
        return f"{base}article/{stem}/{e0.props['number']}"
    gids = sorted({e.props["gid"] for _, e in members if e.props.get("gid")})
    if cls in ONE_DOCUMENT and not gids:  # a person of a document: <document>/person/<name>, of the judgment
        i = next((j for j, _ in members if extractions[j].document.genre == "Judgment"), i)  # a report is on it
        return f"{doc_iris[i]}/{cls.lower()}/{slug(name)}"
    return f"{base}{cls.lower()}/{gids[0] if gids else slug(name)}"


def _statements(extractions: list[Extraction], doc_iris: list[str], sources: list[str],
                local_iri: dict[tuple[int, str], str], nodes: dict[str, Node],
                shared: dict[Evidence, Evidence]) -> list[Statement]:
    out: dict[tuple, Statement] = {}
    for i, ex in enumerate(extractions):
        doc, source = doc_iris[i], sources[i]
        for f in ex.facts:
            s = doc if f.subject == DOC else local_iri[(i, f.subject)]
            o = f.obj if f.literal else doc if f.obj == DOC else local_iri[(i, str(f.obj))]
            if s == o:
                continue
            key = (s, f.predicate, o, f.literal)
            st = out.get(key)
            if st is None:
                st = out[key] = Statement(s, f.predicate, o, f.literal)
            ev = Evidence(doc, f.span.start, f.span.end, source, f.quote)
            st.evidence.append(shared.setdefault(ev, ev))
    for name in sorted({ex.document.genre for ex in extractions}):
        if (link := genre(name).link) is not None:
            link(extractions, doc_iris, out, nodes)
    for st in out.values():
        if len(st.evidence) > 1:
            st.evidence = sorted(set(st.evidence))
    return sorted(out.values(), key=lambda s: (s.subject, s.predicate, str(s.obj)))
