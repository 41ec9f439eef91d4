"""The wheel holds everything the code reads: every module, template and ontology file (a non-editable
install has no repository beside it)."""

from __future__ import annotations

import subprocess
import sys
import zipfile

from conftest import ROOT


def test_the_wheel_holds_every_module_and_data_file(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "--wheel-dir", str(tmp_path),
                    str(ROOT)], check=True, capture_output=True)
    (wheel,) = tmp_path.glob("legal_kg-*.whl")
    shipped = {n for n in zipfile.ZipFile(wheel).namelist() if ".dist-info/" not in n}
    wanted = {str(p.relative_to(ROOT)) for folder in ("graph", "extractors", "ontology")
              for p in (ROOT / folder).rglob("*") if p.is_file() and "__pycache__" not in p.parts}
    assert shipped == wanted
    assert {"ontology/gazetteer/courts.tsv", "ontology/queries/03-convictions.rq", "graph/export/gexf.py",
            "graph/templates/page.html"} <= shipped
