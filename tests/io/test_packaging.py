"""The wheel holds everything the code reads: every module, template, browser library and ontology file (a
non-editable install has no repository beside it); the browser libraries are the files the npm registry
ships."""

from __future__ import annotations

import hashlib
import json
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
            "graph/templates/page.html", "graph/vendor/sigma.min.js", "graph/vendor/LICENSE-sigma.txt"} <= shipped


def test_the_browser_libraries_are_the_registry_s_files():
    vendor = ROOT / "graph" / "vendor"
    entries = json.loads((vendor / "vendor.json").read_text(encoding="utf-8"))
    assert [(e["package"], e["version"]) for e in entries] == [("graphology", "0.25.4"), ("sigma", "3.0.3")]
    for e in entries:  # as tools/vendor.py took them from the tarball whose integrity the registry states
        assert hashlib.sha256((vendor / e["file"]).read_bytes()).hexdigest() == e["sha256"]
        assert "Permission is hereby granted, free of charge" in (vendor / e["license"]).read_text(encoding="utf-8")
