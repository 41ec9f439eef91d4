"""Regenerate docs/graph.png: build the seeds and photograph graph.html in headless chromium.

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


def main() -> None:
    with tempfile.TemporaryDirectory() as out:
        subprocess.run([sys.executable, "-m", "graph.cli", "build", str(ROOT / "seeds"), "--out", out], check=True,
                       capture_output=True)
        with browser() as b:
            page = b.new_page(viewport={"width": 1400, "height": 900})
            page.goto(Path(out, "graph.html").as_uri())
            page.wait_for_function("window.kgReady === true")
            page.evaluate("window.kgFocusNode(window.kgData.nodes.find(n => n.label === 'Duan Zheng').id)")
            page.evaluate("window.kgRenderer.getCamera().setState({x: 0.5, y: 0.5, ratio: 1, angle: 0})")
            page.wait_for_timeout(300)
            target = ROOT / "docs" / "graph.png"
            page.screenshot(path=str(target))
            print(f"wrote {target}")


if __name__ == "__main__":
    main()
