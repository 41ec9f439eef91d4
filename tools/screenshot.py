"""Regenerate the pictures of graph.html in docs/, photographed in headless chromium: graph.png (the seeds'
graph, a person's panel open), overview.png and focused.png (1,000 generated documents,
benchmarks/make_corpus.py: the overview of their communities, and a person found by search with the
nodes they relate to put in their communities' places).

Run with `make screenshot`.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "browser"))

from chromium import browser  # noqa: E402


def shoot(page, name: str) -> None:
    target = ROOT / "docs" / name
    page.wait_for_timeout(300)
    page.screenshot(path=str(target))
    print(f"wrote {target}")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp, browser() as b:
        seeds, corpus, big = Path(tmp, "seeds"), Path(tmp, "corpus"), Path(tmp, "big")
        subprocess.run([sys.executable, "-m", "legal_kg.graph.cli", "build", str(ROOT / "seeds"), "--out", str(seeds)],
                       check=True, capture_output=True)
        subprocess.run([sys.executable, str(ROOT / "benchmarks" / "make_corpus.py"), "1000", "--out", str(corpus)],
                       check=True, capture_output=True)
        subprocess.run([sys.executable, "-m", "legal_kg.graph.cli", "build", str(corpus), "--out", str(big),
                        "--no-cache", "--jobs", "2"], check=True, capture_output=True)
        page = b.new_page(viewport={"width": 1400, "height": 900})
        page.goto((seeds / "graph.html").as_uri())
        page.wait_for_function("window.kgReady === true")
        page.evaluate("window.kgFocusNode(window.kgData.nodes.find(n => n.label === 'Duan Zheng').id)")
        page.evaluate("window.kgRenderer.getCamera().setState({x: 0.5, y: 0.5, ratio: 1, angle: 0})")
        shoot(page, "graph.png")
        page.goto((big / "graph.html").as_uri())
        page.wait_for_function("window.kgReady === true", timeout=60_000)
        shoot(page, "overview.png")
        person = page.evaluate("window.kgData.nodes.find(n => n.cls === 'Person' && n.zh).py[1]")
        page.fill("#search", person)  # typed in pinyin
        page.press("#search", "Enter")
        shoot(page, "focused.png")


if __name__ == "__main__":
    main()
