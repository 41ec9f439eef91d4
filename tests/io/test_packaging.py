"""The wheel holds everything the code reads: every module, template, browser library and ontology file (a
non-editable install has no repository beside it); the browser libraries are the files the npm registry
ships."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import zipfile

from conftest import ROOT


def test_the_wheel_holds_every_module_and_data_file(tmp_path, seed_kg):
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "--wheel-dir", str(tmp_path),
                    str(ROOT)], check=True, capture_output=True)
    (wheel,) = tmp_path.glob("legal_kg-*.whl")
    shipped = {n for n in zipfile.ZipFile(wheel).namelist() if ".dist-info/" not in n}
    wanted = {f"legal_kg/{p.relative_to(ROOT)}" for folder in ("graph", "extractors", "ontology")
              for p in (ROOT / folder).rglob("*") if p.is_file() and "__pycache__" not in p.parts}
    assert shipped == wanted | {"legal_kg/__init__.py"}  # one top-level name, nothing beside it
    assert {"legal_kg/ontology/gazetteer/courts.tsv", "legal_kg/ontology/queries/03-convictions.rq",
            "legal_kg/graph/export/gexf.py", "legal_kg/graph/templates/page.html",
            "legal_kg/graph/vendor/sigma.min.js", "legal_kg/graph/vendor/LICENSE-sigma.txt"} <= shipped
    # installed beside other packages named graph, extractors and ontology, each is itself and a build runs
    target, others = tmp_path / "site", tmp_path / "others"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "--quiet", "--target", str(target), str(wheel)],
                   check=True, capture_output=True)
    for name in ("graph", "extractors", "ontology"):
        (others / name).mkdir(parents=True)
        (others / name / "__init__.py").write_text(f"WHO = 'another {name}'\n", encoding="utf-8")
    script = ("import sys, graph, extractors, ontology\n"
              "from legal_kg.graph import model, pipeline\n"
              "print(graph.WHO, extractors.WHO, ontology.WHO, model.__file__, len(pipeline.build([sys.argv[1]]).nodes),"
              " sep='|')\n")
    shown = subprocess.run([sys.executable, "-c", script, str(ROOT / "seeds")], capture_output=True, text=True,
                           check=True, cwd=tmp_path, env={**os.environ, "PYTHONPATH": f"{target}:{others}"})
    who_graph, who_extractors, who_ontology, model_file, nodes = shown.stdout.strip().split("|")
    assert (who_graph, who_extractors, who_ontology) == ("another graph", "another extractors", "another ontology")
    assert model_file == str(target / "legal_kg" / "graph" / "model.py") and int(nodes) == len(seed_kg.nodes)


def test_the_browser_libraries_are_the_registry_s_files():
    vendor = ROOT / "graph" / "vendor"
    entries = json.loads((vendor / "vendor.json").read_text(encoding="utf-8"))
    assert [(e["package"], e["version"]) for e in entries] == [("graphology", "0.25.4"), ("sigma", "3.0.3")]
    for e in entries:  # as tools/vendor.py took them from the tarball whose integrity the registry states
        assert hashlib.sha256((vendor / e["file"]).read_bytes()).hexdigest() == e["sha256"]
        assert "Permission is hereby granted, free of charge" in (vendor / e["license"]).read_text(encoding="utf-8")
