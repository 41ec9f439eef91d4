"""graph.html at scale: generated graphs of 1,000, 5,000 and 20,000 nodes. For each, the time to write
the page, the time until it is interactive in headless chromium (window.kgReady after the first draw), the
time from typing a name and pressing Enter until the node is focused and drawn (two frames; the first search
and the median of three more), the longest and the median frame while the view zooms out step by step
(requestAnimationFrame; each step a still frame, everything in view drawn), the longest and the median frame
while the mouse pans and zooms (sigma's own movements: with over 1,000 relations in view, relations are thin
lines and nodes points, and a frame drawn moving holds the nodes alone), the longest frame drawn when a
movement stops, and the page's JavaScript heap.

With `--page OUT/graph.html` (a build's page, e.g. of `make_corpus.py 10000`), the same browser times that
page instead: interactive, then searches for the first person and the most connected node of each of eight
communities (a search in the overview puts the node in with at most 100 of the nodes it relates to), each
with the nodes then in view and the frames, and then its biggest community put in (a click on it).

Run by hand or with `make bench`. Targets: 20,000 nodes written within 3 s, interactive within 5 s (issue
4); search focused within 0.2 s, no frame longer than 100 ms, heap within 1 GB (issue 20). Headless chromium
here has no GPU: WebGL runs on SwiftShader, the CPU, so frames are far slower than on a machine with one.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "browser"))

from chromium import browser  # noqa: E402

from legal_kg.graph.html import render_graph  # noqa: E402
from legal_kg.graph.kg import KnowledgeGraph  # noqa: E402
from legal_kg.graph.model import Document, Evidence, Node, Statement  # noqa: E402

CLASSES = ["Person", "Judgment", "Court", "Article", "Platform", "Crime", "Location", "Agency"]
RELATIONS = ["defendant", "decidedBy", "cites", "usedPlatform", "convictedOf", "locatedIn", "prosecutedBy"]


def generated(n: int, seed: int = 7) -> KnowledgeGraph:
    rng = random.Random(seed)
    doc = Document("bench.txt", "bench.txt", "x" * 100, 0, 1, 1, "Judgment", "Benchmark document", ("en",))
    base = "https://example.org/id/"
    nodes = {f"{base}doc/0": Node(f"{base}doc/0", "Judgment", "Benchmark document", document=doc)}
    ids = []
    for i in range(n - 1):
        iri = f"{base}n/{i}"
        nodes[iri] = Node(iri, rng.choice(CLASSES), f"Entity {i}", alt_labels={(f"实体{i}", "zh")},
                          evidence=[Evidence(f"{base}doc/0", 0, 10, "bench.txt", "xxxxxxxxxx")])
        ids.append(iri)
    statements = []
    for _ in range(2 * n):
        a, b = rng.sample(ids, 2)
        statements.append(Statement(a, rng.choice(RELATIONS), b, False,
                                    [Evidence(f"{base}doc/0", 0, 10, "bench.txt", "xxxxxxxxxx")]))
    return KnowledgeGraph(nodes, statements, [doc], base)


# twelve frames of zooming out from the focused node: the longest and the median frame, in milliseconds
FRAMES = """() => new Promise(resolve => {
    const camera = window.kgRenderer.getCamera(), times = [];
    let last = performance.now();
    function step(now) {
        times.push(now - last);
        last = now;
        camera.setState({ratio: camera.getState().ratio * 1.3});
        if (times.length < 13) requestAnimationFrame(step);
        else { const t = times.slice(1).sort((a, b) => a - b); resolve([t[t.length - 1], t[6]]); }
    }
    requestAnimationFrame(step);
})"""


# frames while a user pans and zooms with the mouse (sigma animates a wheel's zoom, follows a drag): for each
# frame in which sigma drew, its milliseconds (from its start to the next frame's: the drawing is done on the
# way) and whether it was drawn moving (the nodes alone, with over 1,000 relations in view) or still
RECORD = """() => { const r = window.kgRenderer, camera = r.getCamera(), mouse = r.getMouseCaptor();
    const starts = [], drawn = [];
    const draw = () => drawn.push([document.timeline.currentTime, camera.isAnimated() || mouse.isMoving ||
                                   mouse.draggedEvents > 0 || mouse.currentWheelDirection !== 0]);
    r.on("afterRender", draw);
    window.kgRecording = true;
    function step(now) {
        starts.push(now);
        if (window.kgRecording) { requestAnimationFrame(step); return; }
        r.off("afterRender", draw);
        const frames = {};
        drawn.forEach(([at, moving]) => {
            const next = starts.find(t => t > at);
            if (next !== undefined) frames[at] = [next - at, (frames[at] ? frames[at][1] : true) && moving];
        });
        window.kgFrames = Object.values(frames);
    }
    requestAnimationFrame(step); }"""


def panned(page) -> tuple[float, float, float]:
    """Six wheel steps out, a drag across the view, six steps in: the longest and the median frame drawn
    while the view moved, and the longest drawn still (when a movement stops), in milliseconds."""
    page.wait_for_timeout(300)
    page.mouse.move(700, 450)
    page.evaluate("delete window.kgFrames")
    page.evaluate(RECORD)
    for dy in (200, -200):
        for _ in range(6):
            page.mouse.wheel(0, dy)
            page.wait_for_timeout(120)
        if dy > 0:
            page.mouse.down()
            for i in range(20):
                page.mouse.move(700 + i * 15, 450 + i * 5)
                page.wait_for_timeout(30)
            page.mouse.up()
    page.wait_for_timeout(500)
    frames = page.evaluate("""new Promise(done => { window.kgRecording = false;
        (function wait() { if (window.kgFrames) done(window.kgFrames); else requestAnimationFrame(wait); })(); })""")
    moving = sorted(ms for ms, how in frames if how) or [0.0]
    return moving[-1], moving[len(moving) // 2], max((ms for ms, how in frames if not how), default=0.0)


def frames(page) -> tuple[float, float, float, float, float]:
    """The longest and the median frame of zooming out step by step, then those of the mouse (`panned`) and
    its longest still frame, in milliseconds."""
    return (*page.evaluate(FRAMES), *panned(page))


def said(ms: tuple[float, float, float, float, float]) -> str:
    longest, median, moving, moving_median, still = ms
    return (f"zoom steps {longest:.0f} ms longest, {median:.0f} ms median; mouse: {moving:.0f} ms longest and "
            f"{moving_median:.0f} ms median moving, {still:.0f} ms still")


# the first person and the most connected node of each of the first eight communities (or of the graph)
PICKED = """(() => { const people = {}, hubs = {};
    window.kgData.nodes.forEach(n => {
        if (n.cls === "Person" && !(n.g in people)) people[n.g] = n;
        if (!(n.g in hubs) || n.degree > hubs[n.g].degree) hubs[n.g] = n;
    });
    const pick = o => Object.keys(o).slice(0, 8).map(g => [o[g].label, o[g].degree]);
    return pick(people).concat(pick(hubs)); })()"""


def searched(page, label: str) -> float:
    """Seconds from pressing Enter with `label` in the search box until two frames are drawn."""
    page.fill("#search", label)
    start = time.perf_counter()
    page.press("#search", "Enter")
    page.evaluate("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    return time.perf_counter() - start


def built_page(path: Path) -> None:
    with browser() as b:
        page = b.new_page(viewport={"width": 1400, "height": 900})
        start = time.perf_counter()
        page.goto(path.resolve().as_uri())
        page.wait_for_function("window.kgReady === true", timeout=120_000)
        print(f"{path}: interactive in {time.perf_counter() - start:.2f} s, "
              f"{page.evaluate('window.kgGraph.order')} nodes in view")
        for label, degree in page.evaluate(PICKED):
            page.evaluate("window.kgView(false)")
            seconds = searched(page, label)
            order = page.evaluate("window.kgGraph.order")
            print(f"search {label[:40]!r} (degree {degree}): {seconds:.2f} s, {order} nodes in view, "
                  f"{said(frames(page))}")
        # the biggest community put in as its members (a click on it)
        page.evaluate("window.kgView(false)")
        page.evaluate("window.kgExpand(window.kgData.groups.reduce((b, g, i, all) => g.size > all[b].size ? i : b, 0))")
        ms = frames(page)
        print(f"the biggest community put in: {page.evaluate('window.kgGraph.order')} nodes and "
              f"{page.evaluate('window.kgGraph.size')} relations in view, {said(ms)}")
        print(f"heap {page.evaluate('performance.memory.usedJSHeapSize') / 1e6:.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--page", type=Path, help="a build's graph.html to time instead of generated graphs")
    args = parser.parse_args()
    if args.page:
        built_page(args.page)
        return
    rows = []
    with tempfile.TemporaryDirectory() as tmp, browser() as b:
        for n in (1_000, 5_000, 20_000):
            kg = generated(n)
            start = time.perf_counter()
            page_html = render_graph(kg)
            path = Path(tmp, f"graph-{n}.html")
            path.write_text(page_html, encoding="utf-8")
            write = time.perf_counter() - start
            page = b.new_page(viewport={"width": 1400, "height": 900})
            start = time.perf_counter()
            page.goto(path.as_uri())
            page.wait_for_function("window.kgReady === true", timeout=120_000)
            ready = time.perf_counter() - start
            # the first search, and the median of three more (the first is slower in every graph: the page's
            # code warming up)
            search = searched(page, f"Entity {n // 2}")
            again = sorted(searched(page, f"Entity {n // 2 + k}") for k in (1, 2, 3))[1]
            ms = frames(page)
            heap = page.evaluate("performance.memory.usedJSHeapSize") / 1e6
            page.close()
            rows.append((n, len(kg.relations()), write, ready, search, again, *ms, heap))
    print(f"{'nodes':>7} {'edges':>7} {'write s':>8} {'interactive s':>14} {'search s':>11} {'zoom steps ms':>14} "
          f"{'moving ms':>10} {'still ms':>9} {'heap MB':>8}")
    for n, e, w, r, s, s2, lf, mf, mv, mvm, st, h in rows:
        print(f"{n:>7} {e:>7} {w:>8.2f} {r:>14.2f} {s:>5.2f}/{s2:<5.2f} {lf:>6.0f}/{mf:<7.0f} {mv:>4.0f}/{mvm:<5.0f} "
              f"{st:>9.0f} {h:>8.0f}")


if __name__ == "__main__":
    main()
