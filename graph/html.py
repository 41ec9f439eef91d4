"""graph.html: an interactive vis-network page that works offline.

The vis-network script and style that pyvis ships are inlined, so the page fetches nothing. Document
text never reaches innerHTML: the data travels as JSON in a script element (with "<" escaped) and the
page builds labels and tooltips with textContent.
"""

from __future__ import annotations

import importlib.util
import json
from functools import cache
from pathlib import Path

from extractors.gazetteer import ONTOLOGY_DIR

from .kg import KnowledgeGraph

TEMPLATE = Path(__file__).with_name("templates") / "graph.html"


@cache
def _vis_assets() -> tuple[str, str]:
    spec = importlib.util.find_spec("pyvis")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("pyvis is not installed; it ships the vis-network script graph.html inlines")
    lib = Path(next(iter(spec.submodule_search_locations))) / "lib" / "vis-9.1.2"
    return (lib / "vis-network.min.js").read_text(encoding="utf-8"), (lib / "vis-network.css").read_text(
        encoding="utf-8")


@cache
def styles() -> dict[str, dict[str, str]]:
    data = json.loads((ONTOLOGY_DIR / "style.json").read_text(encoding="utf-8"))
    return {k: v for k, v in data.items() if not k.startswith("_")}


def _script_json(value: object) -> str:
    """JSON safe inside a <script> element."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True).replace("<", "\\u003c").replace(
        ">", "\\u003e").replace("&", "\\u0026")


def page_data(kg: KnowledgeGraph) -> dict:
    degree: dict[str, int] = {}
    for st in kg.relations():
        degree[st.subject] = degree.get(st.subject, 0) + 1
        degree[str(st.obj)] = degree.get(str(st.obj), 0) + 1
    nodes = []
    for n in sorted(kg.nodes.values(), key=lambda n: n.iri):
        nodes.append({"id": n.iri, "cls": n.cls, "label": n.label, "zh": n.zh_label,
                      "alt": sorted(t for t, _ in n.alt_labels), "degree": degree.get(n.iri, 0)})
    edges = [{"from": st.subject, "to": str(st.obj), "rel": st.predicate} for st in kg.relations()]
    return {"nodes": nodes, "edges": edges, "styles": styles()}


def render(kg: KnowledgeGraph, title: str = "Knowledge graph") -> str:
    js, css = _vis_assets()
    html = TEMPLATE.read_text(encoding="utf-8")
    return (html.replace("/*VIS_CSS*/", css.replace("</", "<\\/"))
                .replace("/*VIS_JS*/", js.replace("</script", "<\\/script"))
                .replace("__TITLE__", _escape(title))
                .replace("/*DATA*/", _script_json(page_data(kg))))


def _escape(text: str) -> str:
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
            .replace("'", "&#39;"))


def write(kg: KnowledgeGraph, path: Path) -> None:
    path.write_text(render(kg), encoding="utf-8")
