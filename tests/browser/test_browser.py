"""The pages in a real browser: Debian's chromium, headless, driven by playwright."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from chromium import CHROMIUM, browser

from conftest import SEEDS
from legal_kg.graph import pipeline

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="chromium is not installed (make test installs it)")

HOSTILE = """Judgment in the Case of Xu Ke's Fraud

Haidian District People's Court

Criminal Judgment Document

(2020) Jing 0108 Criminal First No. 1

Defendant Xu Ke, male. He used the "<img src=x onerror=window.pwned=1>" website and a forum called \
"<script>window.pwned=2</script>" and the "javascript:window.pwned=3" app and the "a'b\\"c" website.

Presiding Judge: Yu Hua
"""


def build(paths: list[Path], out: Path) -> Path:
    subprocess.run([sys.executable, "-m", "legal_kg.graph.cli", "build", *map(str, paths), "--out", str(out)], check=True,
                   capture_output=True)
    return out


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return build([SEEDS], tmp_path_factory.mktemp("site"))


@pytest.fixture(scope="module")
def chromium():
    with browser() as b:
        yield b


class Page:
    """A page that records console errors, page errors, dialogs and every request that is not a file."""

    def __init__(self, chromium, url: str):
        self.page = chromium.new_page(viewport={"width": 1400, "height": 900})
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url) if not r.url.startswith(("file:", "data:"))
                     else None)
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.goto(url)

    def ready(self) -> Page:
        self.page.wait_for_function("window.kgReady === true", timeout=20000)
        return self


def test_graph_page_holds_the_whole_graph_and_fetches_nothing(chromium, site):
    p = Page(chromium, (site / "graph.html").as_uri()).ready()
    kg = pipeline.build([SEEDS])
    assert p.page.evaluate("window.kgGraph.order") == len(kg.nodes)
    assert p.page.evaluate("window.kgGraph.size") == len(kg.relations())
    assert p.errors == [] and p.requests == [] and p.dialogs == []
    p.page.close()


def test_layout_is_still(chromium, site):
    p = Page(chromium, (site / "graph.html").as_uri()).ready()
    positions = "JSON.stringify(window.kgGraph.mapNodes(n => window.kgRenderer.getNodeDisplayData(n)).map(d => [d.x, d.y]))"
    first = p.page.evaluate(positions)
    p.page.wait_for_timeout(500)
    assert p.page.evaluate(positions) == first
    p.page.close()


def test_search_in_chinese_focuses_the_judge(chromium, site):
    p = Page(chromium, (site / "graph.html").as_uri()).ready()
    p.page.fill("#search", "郑文伟")
    p.page.press("#search", "Enter")
    selected = p.page.evaluate("window.kgGraph.filterNodes((n, a) => a.highlighted)")
    assert [p.page.evaluate(f"window.kgGraph.getNodeAttribute({selected[0]!r}, 'label')")] == ["Zheng Wenwei · 郑文伟"]
    assert p.page.inner_text("#panel h2") == "Zheng Wenwei"
    p.page.close()


def test_clicking_duan_zheng_shows_the_sentence(chromium, site):
    p = Page(chromium, (site / "graph.html").as_uri()).ready()
    node_id = p.page.evaluate("window.kgData.nodes.find(n => n.label === 'Duan Zheng').id")
    p.page.evaluate(f"window.kgFocusNode({node_id!r})")
    p.page.evaluate("document.getElementById('panel').style.display = 'none'")
    p.page.evaluate("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")  # drawn there
    pos = p.page.evaluate(f"window.kgViewport({node_id!r})")
    box = p.page.locator("#graph").bounding_box()
    p.page.mouse.click(box["x"] + pos["x"], box["y"] + pos["y"])
    p.page.wait_for_selector("#panel h2")
    assert p.page.inner_text("#panel h2") == "Duan Zheng"
    assert "seven months" in p.page.inner_text("#panel")
    link = p.page.locator("#panel blockquote a").first.get_attribute("href")
    assert link.startswith("docs/") and "#ev-" in link
    p.page.close()


def test_a_judgment_s_panel_shows_its_timeline_in_order(chromium, site):
    # the seed judgment: detained "on March 2, 2017"; "filed Criminal Indictment Document [2017] No. 58 with this
    # court on July 10, 2017"; the term "shall run from March 2, 2017 to October 1, 2017"
    p = Page(chromium, (site / "graph.html").as_uri()).ready()
    p.page.fill("#search", "First Instance Judgment in a Case of Duan Zheng's Illegal Possession")
    p.page.press("#search", "Enter")
    p.page.wait_for_selector("#panel ol.timeline")
    assert p.page.locator("#panel ol.timeline li").all_inner_texts() == [
        "2017-03-02 detention of Duan Zheng", "2017-03-02 termStart of Duan Zheng", "2017-07-10 indictment of Duan Zheng",
        "2017-10-01 termEnd of Duan Zheng"]
    assert p.errors == []
    p.page.close()


def test_filters_hide_and_show_without_losing_nodes(chromium, site):
    p = Page(chromium, (site / "graph.html").as_uri()).ready()
    total = p.page.evaluate("window.kgGraph.order")
    visible = "window.kgGraph.filterNodes((n, a) => !a.hidden).length"
    people = p.page.evaluate("window.kgData.nodes.filter(n => n.cls === 'Person').length")
    p.page.uncheck("input[data-cls=Person]")
    assert p.page.evaluate(visible) == total - people
    p.page.check("input[data-cls=Person]")
    assert p.page.evaluate(visible) == total
    p.page.select_option("#docfilter", label="News report: Man Jailed for Providing Islamic Instruction on Tencent’s "
                                             "WeChat Messaging Service")
    shown = p.page.evaluate("window.kgGraph.filterNodes((n, a) => !a.hidden)")
    assert 0 < len(shown) < total
    assert any("huang-shike" in s for s in shown)
    p.page.select_option("#docfilter", value="")
    assert p.page.evaluate(visible) == total
    p.page.close()


def test_every_document_page_and_the_index_open(chromium, site):
    pages = [site / "index.html", *sorted((site / "docs").glob("*.html"))]
    assert len(pages) == 8
    for path in pages:
        p = Page(chromium, path.as_uri())
        assert p.page.locator("h1").count() == 1
        assert p.errors == [] and p.requests == []
        p.page.close()
    index = Page(chromium, (site / "index.html").as_uri())
    hrefs = index.page.eval_on_selector_all("a", "els => els.map(e => e.getAttribute('href'))")
    assert sum(h.startswith("docs/") for h in hrefs) == 7 and "graph.html" in hrefs
    index.page.close()


def test_evidence_link_lands_on_its_marked_span(chromium, site):
    p = Page(chromium, (site / "graph.html").as_uri()).ready()
    p.page.evaluate("window.kgFocusNode(window.kgData.nodes.find(n => n.label === 'Duan Zheng').id)")
    href = p.page.locator("#panel blockquote a").nth(1).get_attribute("href")
    path, anchor = href.split("#")
    doc = Page(chromium, (site / path).as_uri() + "#" + anchor)
    target = doc.page.locator(":target")
    assert target.evaluate("e => [e.tagName, e.id, !!e.closest('pre')]") == ["MARK", anchor, True]
    assert "Duan Zheng" in target.inner_text()
    doc.page.close()
    p.page.close()


def test_a_fact_s_quote_leads_to_its_span_in_the_text_and_the_span_back(chromium, site):
    page = next(d for d in sorted((site / "docs").glob("*.html")) if "Duan Zheng" in d.read_text(encoding="utf-8")
                and "<h1>First Instance Judgment" in d.read_text(encoding="utf-8"))
    doc = Page(chromium, page.as_uri())
    row = doc.page.locator("tr", has=doc.page.locator("td", has_text="case number")).first
    row_id = row.get_attribute("id")
    row.locator("td.quote a").click()
    target = doc.page.locator(":target")
    assert target.evaluate("e => [e.tagName, e.className, e.dataset.row]") == ["MARK", "fact", row_id]
    assert "(2017) Jing 01 Criminal First No. 69" in target.inner_text()
    box, height = target.bounding_box(), doc.page.viewport_size["height"]
    assert 0 <= box["y"] < height  # scrolled into view
    target.click()
    assert doc.page.evaluate("location.hash") == f"#{row_id}"
    assert doc.errors == [] and doc.requests == []
    doc.page.close()


def test_hostile_document_runs_nothing(chromium, tmp_path):
    source = tmp_path / "hostile.txt"
    source.write_text(HOSTILE, encoding="utf-8")
    out = build([source], tmp_path / "out")
    p = Page(chromium, (out / "graph.html").as_uri()).ready()
    labels = p.page.evaluate("window.kgData.nodes.map(n => n.label)")
    assert "<img src=x onerror=window.pwned=1>" in labels
    p.page.fill("#search", "<img")
    p.page.press("#search", "Enter")
    assert "onerror" in p.page.inner_text("#panel h2")
    for page in [p, *(Page(chromium, d.as_uri()) for d in [out / "index.html", *(out / "docs").glob("*.html")])]:
        assert page.page.evaluate("window.pwned") is None
        assert page.dialogs == [] and page.requests == []
        assert page.page.locator("img").count() == 0
    p.page.close()


def test_chinese_is_drawn_with_real_glyphs(chromium, site):
    p = Page(chromium, (site / "graph.html").as_uri()).ready()
    # each character drawn alone: real glyphs differ from one another and from the box of an unknown one
    drawn = p.page.evaluate("""() => ['郑', '文', '伟', '\\u{10FFFD}', '\\u{10FFFC}'].map(ch => {
        const canvas = document.createElement('canvas');
        canvas.width = canvas.height = 32;
        const ctx = canvas.getContext('2d');
        ctx.font = '24px "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif';
        ctx.fillText(ch, 2, 26);
        return canvas.toDataURL();
    })""")
    zheng, wen, wei, unknown, unknown2 = drawn
    assert unknown == unknown2  # two unknown characters draw the same box
    assert len({zheng, wen, wei, unknown}) == 4
    p.page.close()


def test_a_big_graph_opens_on_its_communities_and_a_click_puts_one_s_members_in_its_place(chromium, tmp_path):
    from legal_kg.graph.html import render_graph

    kg = pipeline.build([SEEDS])  # the seed's 248 nodes, shown as a big graph is (its overview from 100 nodes)
    page = tmp_path / "graph.html"
    page.write_text(render_graph(kg, overview_above=100), encoding="utf-8")
    p = Page(chromium, page.as_uri()).ready()
    # what the page drew out of view before it was ready (to prepare WebGL's programs) is gone
    assert p.page.evaluate("window.kgGraph.filterNodes(n => n.startsWith('warm:')).length") == 0
    assert p.page.evaluate("window.kgRenderer.getCustomBBox() !== null")  # the overview's frame
    groups = p.page.evaluate("window.kgData.groups.length")
    assert 2 <= groups <= 40
    assert p.page.evaluate("window.kgGraph.order") == groups  # the communities alone, nothing else drawn
    assert p.page.inner_text("#counts").startswith(f"0 of {len(kg.nodes)} nodes shown and {groups} communities")
    assert p.page.evaluate("window.kgData.nodes.map(n => n.g).sort((a, b) => a - b)[0]") == 0
    # a click on a community puts its members in its place
    at = p.page.evaluate("window.kgViewport('group:0')")
    box = p.page.locator("#graph").bounding_box()
    p.page.mouse.click(box["x"] + at["x"], box["y"] + at["y"])
    members = p.page.evaluate("window.kgData.nodes.filter(n => n.g === 0).map(n => n.id).sort()")
    shown = p.page.evaluate("window.kgGraph.filterNodes(n => !n.startsWith('group:')).sort()")
    assert shown == members and not p.page.evaluate("window.kgGraph.hasNode('group:0')")
    # a search, here by the pinyin of 郑文伟 typed without tones or spaces, puts the node in with the nodes it
    # relates to, its community kept as one node (were it not the one opened above)
    p.page.click("text=Overview")
    p.page.fill("#search", "zhengwenwei")
    p.page.press("#search", "Enter")
    assert p.page.inner_text("#panel h2") == "Zheng Wenwei"
    judge = p.page.evaluate("window.kgFocused")
    assert p.page.evaluate(f"window.kgGraph.getNodeAttribute({judge!r}, 'highlighted')") is True
    community = p.page.evaluate(f"window.kgData.nodes.find(n => n.id === {judge!r}).g")
    related = p.page.evaluate(f"""window.kgData.edges.filter(e => e.from === {judge!r} || e.to === {judge!r})
                                   .map(e => e.from === {judge!r} ? e.to : e.from)""")
    shown = p.page.evaluate("window.kgGraph.filterNodes(n => !n.startsWith('group:')).sort()")
    assert related and shown == sorted({judge, *related})
    assert p.page.evaluate(f"window.kgGraph.hasNode('group:{community}')")
    between = p.page.evaluate(f"window.kgData.edges.filter(e => {shown!r}.includes(e.from) && "
                              f"{shown!r}.includes(e.to)).length")
    assert p.page.evaluate("window.kgGraph.size") == between + p.page.evaluate("window.kgData.links.length")
    # its community put in then holds the rest, the node found kept
    p.page.evaluate(f"window.kgExpand({community})")
    assert p.page.evaluate(f"window.kgData.nodes.filter(n => n.g === {community}).every(n => window.kgGraph.hasNode(n.id))")
    p.page.click("text=Whole graph")
    assert p.page.evaluate("window.kgGraph.order") == len(kg.nodes)
    assert p.page.evaluate("window.kgGraph.size") == len(kg.relations())
    p.page.click("text=Overview")
    assert p.page.evaluate("window.kgGraph.order") == groups
    assert p.errors == [] and p.requests == []
    p.page.close()


def test_a_node_found_in_the_overview_comes_with_its_hundred_most_connected_relations(chromium, tmp_path):
    from collections import Counter

    from conftest import ROOT
    from legal_kg.graph.html import render_graph

    corpus = tmp_path / "corpus"  # generated from the seed's documents: a law cited by every judgment
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "make_corpus.py"), "120", "--seed", "2", "--out",
                    str(corpus)], check=True, capture_output=True)
    kg = pipeline.build([corpus])
    page = tmp_path / "graph.html"
    page.write_text(render_graph(kg, overview_above=100), encoding="utf-8")
    relations = kg.relations()
    degree = Counter([st.subject for st in relations] + [str(st.obj) for st in relations])
    hub = max(degree, key=lambda iri: (degree[iri], iri))
    near = {str(st.obj) if st.subject == hub else st.subject for st in relations if hub in (st.subject, str(st.obj))}
    assert len(near) > 100
    expected = sorted(sorted(near, key=lambda iri: (-degree[iri], iri))[:100] + [hub])
    p = Page(chromium, page.as_uri()).ready()
    # what the page drew out of view before it was ready (to prepare WebGL's programs) is gone
    assert p.page.evaluate("window.kgGraph.filterNodes(n => n.startsWith('warm:')).length") == 0
    assert p.page.evaluate("window.kgRenderer.getCustomBBox() !== null")  # the overview's frame
    groups = p.page.evaluate("window.kgData.groups.length")
    p.page.evaluate(f"window.kgFocusNode({hub!r})")
    assert p.page.evaluate("window.kgGraph.filterNodes(n => !n.startsWith('group:')).sort()") == expected
    assert p.page.evaluate("window.kgGraph.filterNodes(n => n.startsWith('group:')).length") == groups
    assert p.page.inner_text("#panel h2") == kg.nodes[hub].label
    # up to 1,000 relations in view, they are drawn as named arrows between discs, and a frame drawn while the
    # view moves holds them and the labels; beyond, thin lines without names between points, and the nodes alone
    # while it moves
    busy = ("['renderEdgeLabels', 'defaultNodeType', 'defaultEdgeType', 'hideEdgesOnMove', 'hideLabelsOnMove']"
            ".map(s => window.kgRenderer.getSetting(s))")
    calm = [True, "circle", "arrow", False, False]
    assert p.page.evaluate("window.kgGraph.size") <= 1000 and p.page.evaluate(busy) == calm
    p.page.click("text=Whole graph")
    assert p.page.evaluate("window.kgGraph.size") == len(relations) == 4230
    assert p.page.evaluate(busy) == [False, "point", "thin", True, True]
    # zoomed into the hub, where sigma's label grid offers every label around it: none drawn over another
    p.page.evaluate(f"window.kgFocusNode({hub!r}); window.kgRenderer.getCamera().setState({{ratio: 0.02}})")
    boxes = p.page.evaluate("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => "
                            "r(window.kgLabelBoxes()))))")
    assert len(boxes) > 20
    assert p.page.evaluate("window.kgRenderer.scaleSize(1)") == 2  # nodes at most twice their size, however near
    assert not [(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:]
                if a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]]
    p.page.click("text=Overview")
    assert p.page.evaluate(busy) == calm
    assert p.errors == [] and p.requests == []
    p.page.close()


def test_the_index_is_a_table_to_filter_and_sort_with_charts_and_words_in_either_language(chromium, site):
    p = Page(chromium, (site / "index.html").as_uri())
    rows = "Array.from(document.querySelectorAll('#documents tbody tr')).filter(r => !r.hidden)" \
           ".map(r => Array.from(r.cells).map(c => c.innerText))"
    table = p.page.evaluate(rows)
    assert len(table) == 7
    duan = next(r for r in table if r[4] == "Duan Zheng")
    assert duan[1:4] == ["Judgment", "First Intermediate People's Court of Beijing", "2017-08-25"]
    assert duan[5:7] == ["illegal possession of materials promoting terrorism and extremism", "fine ¥1,000; 7 months"]
    p.page.fill("#filter", "tencent")  # any column
    assert [r[1] for r in p.page.evaluate(rows)] == ["News report"]
    assert p.page.inner_text("#shown") == "1 of 7 documents"
    p.page.fill("#filter", "")
    p.page.click("#documents th:nth-child(4)")  # by date
    dates = [r[3] for r in p.page.evaluate(rows)]
    assert dates == sorted(dates)
    p.page.click("#documents th:nth-child(4)")
    assert [r[3] for r in p.page.evaluate(rows)] == sorted(dates, reverse=True)
    assert p.page.locator("figure svg").count() == 2  # documents by year and genre, sentences by crime
    p.page.click("#lang")
    assert "新闻报道" in [r[1] for r in p.page.evaluate(rows)]
    assert p.page.inner_text("#lang") == "English"
    assert p.errors == [] and p.requests == []
    p.page.close()


def test_a_duty_s_action_leads_to_its_words_in_the_text(chromium, site):
    page = next(d for d in sorted((site / "docs").glob("*.html"))
                if "<h1>Provisions on the Administration of Internet Public Account" in d.read_text(encoding="utf-8"))
    doc = Page(chromium, page.as_uri())
    table = doc.page.locator("h3:text-is('Internet public account information service providers') + table")
    # Article 6. ... Internet public account information service providers shall not provide information
    # dissemination services for users who do not provide authentic identity information.
    row = table.locator("tr", has=doc.page.locator("td", has_text="prohibition")).first
    assert row.locator("td").first.inner_text() == "Article 6"
    row.locator("td.quote a").click()
    target = doc.page.locator(":target")
    assert target.evaluate("e => [e.tagName, !!e.closest('pre')]") == ["MARK", True]
    assert target.inner_text().startswith("provide information dissemination services")
    assert doc.errors == [] and doc.requests == []
    doc.page.close()


def test_an_article_s_panel_shows_the_duties_it_states(chromium, site):
    p = Page(chromium, (site / "graph.html").as_uri()).ready()
    p.page.evaluate("window.kgFocusNode(window.kgData.nodes.find(n => n.id.endsWith("
                    "'internet-public-account-information-services/article/en-6')).id)")
    panel = p.page.locator("#panel").inner_text()
    # Article 6. ... Internet public account information service providers shall not provide information
    # dissemination services for users who do not provide authentic identity information.
    assert "← stated in Internet public account information service providers shall not provide" in panel
    assert p.errors == [] and p.requests == []
    p.page.close()
