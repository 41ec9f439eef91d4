"""Rebuilds after an edit (graph.shards): whatever the edit, the outputs are the bytes of a build from scratch,
and only what the edit changed is written again: the units of the edited documents and of the nodes whose
resolution changed, the pages whose content changed, the exports when the nodes changed; the store is
changed, not loaded again."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import DATA, SEEDS, outputs
from legal_kg.graph import html, rdf, store
from legal_kg.graph import outputs as writers
from legal_kg.graph.incremental import build_into
from legal_kg.graph.outputs import OutputError

SEED = "000_cfcf9f275d95a8e1.txt"
FORMATS, EXPORTS = ["ttl", "trig", "nq", "jsonld"], ["graphml", "gexf", "json", "csv", "neo4j", "cytoscape"]


def inodes(folder: Path) -> dict[str, int]:
    return {str(p.relative_to(folder)): p.stat().st_ino for p in folder.rglob("*") if p.is_file()
            and store.NAME not in p.relative_to(folder).parts}


@pytest.fixture()
def texts(tmp_path) -> Path:
    folder = tmp_path / "texts"
    shutil.copytree(DATA, folder)
    shutil.copy(SEEDS / SEED, folder)
    return folder


def build(texts: Path, out: Path, cache: Path | None, formats: list[str] | None = None,
          exports: list[str] | None = None, jobs: int = 1):
    return build_into([texts], out, formats or ["ttl"], exports or [], cache_dir=cache, jobs=jobs)


def full(texts: Path, tmp_path: Path, formats: list[str] | None = None, exports: list[str] | None = None
         ) -> dict[str, bytes]:
    """What a build from scratch writes."""
    shutil.rmtree(tmp_path / "full", ignore_errors=True)
    build(texts, tmp_path / "full", None, formats, exports)
    return outputs(tmp_path / "full")


def edit(texts: Path, name: str, old: str, new: str, count: int = -1) -> str:
    """Replace `old` with `new` in a file (`count` times, or everywhere); returns the text it had."""
    victim = texts / name
    original = victim.read_text(encoding="utf-8")
    assert original.count(old) >= 1
    victim.write_text(original.replace(old, new, count), encoding="utf-8")
    return original


@pytest.fixture()
def rendered(monkeypatch) -> list[tuple[str, str]]:
    """Each unit rendered (its name and flavour), as the writers ask for them."""
    calls: list[tuple[str, str]] = []
    text = rdf.Plan.text

    def counted(plan: rdf.Plan, index: int, flavour: str) -> str:
        calls.append((plan.units[index].name, flavour))
        return text(plan, index, flavour)

    monkeypatch.setattr(rdf.Plan, "text", counted)
    return calls


EDITS = [  # (file, old text, new text)
    (SEED, "\n", "\n\n"),  # blank lines: the seed's judgments and the news reports on them move
    ("guangzhou-news.txt", "\n\n", "\n\n\n"),  # a news report that reports on a judgment of the corpus
    ("haidian-zh.txt", "。", "。。"),  # a Chinese judgment: every sentence's quote
    ("guangzhou.txt", "sentenced", "SENTENCED"),  # quotes change, spans do not
    ("guangzhou.txt", "Guangzhou", "Foshan"),  # a place renamed: other nodes, other IRIs
    ("wuhan.txt", "Wuhan", "Wuchang"),  # a file of three documents
    ("kunming.txt", "Zhao Lei", "Zhao Lin"),  # a person renamed
    ("guangzhou-news.txt", "\n\n", "\n\nThe court also heard from witnesses. The defendant Li appealed.\n\n"),
]


TWO_JOBS = [EDITS[0], EDITS[6]]  # blank lines, a rename: rebuilt with two writers too


@pytest.mark.parametrize(("name", "old", "new", "jobs"), [(*e, 1) for e in EDITS] + [(*e, 2) for e in TWO_JOBS],
                         ids=[f"{e[0]}:{e[1]!r}" for e in EDITS] + [f"{e[0]}:{e[1]!r}:2 jobs" for e in TWO_JOBS])
def test_any_edit_gives_the_bytes_of_a_full_build_in_every_format_and_export(texts, tmp_path, name, old, new, jobs):
    """(With two jobs, a rebuild's writers share the tasks otherwise than a full build's: this process makes the
    plan for the store and writes every RDF file and export, the forked one the pages.)"""
    out, cache = tmp_path / "out", tmp_path / "cache"
    build(texts, out, cache, FORMATS, EXPORTS)
    before, nodes_before = outputs(out), inodes(out)
    original = edit(texts, name, old, new)
    edited = build(texts, out, cache, FORMATS, EXPORTS, jobs)
    after = outputs(out)
    assert after == full(texts, tmp_path, FORMATS, EXPORTS)
    changed = {p for p in after if after[p] != before.get(p)}
    assert {p for p in changed if p.startswith("docs/")}  # the edited documents' pages
    linked = {p for p, ino in inodes(out).items() if nodes_before.get(p) == ino}
    assert linked <= set(after) - changed  # what is linked is what did not change
    assert {p for p in after if p.startswith("docs/")} - changed <= linked  # and every page that did not
    assert not edited.up_to_date
    (texts / name).write_text(original, encoding="utf-8")  # and back
    build(texts, out, cache, FORMATS, EXPORTS)
    assert outputs(out) == before


def test_an_edit_that_only_moves_text_renders_its_documents_units_alone(texts, tmp_path, rendered, monkeypatch):
    out, cache = tmp_path / "out", tmp_path / "cache"
    build(texts, out, cache, ["ttl", "nq"], ["graphml"])
    exported = inodes(out)["export/graphml/graph.graphml"]
    rendered.clear()
    edit(texts, "kunming.txt", "\n\n", "\n\n\n")  # a blank line between paragraphs: spans move

    def refused(*_args: object) -> None:
        raise AssertionError("graph.html was laid out again")

    monkeypatch.setattr(html, "positions", refused)  # the same nodes and edges: the layout is kept
    build(texts, out, cache, ["ttl", "nq"], ["graphml"])
    (unit,) = {name for name, _ in rendered}  # kunming.txt holds one document
    assert unit.startswith("document/")
    assert sorted(flavour for _, flavour in rendered) == ["nq", "ttl"]  # the store is loaded from the nq units
    assert inodes(out)["export/graphml/graph.graphml"] == exported  # the nodes did not change
    monkeypatch.undo()
    assert outputs(out) == full(texts, tmp_path, ["ttl", "nq"], ["graphml"])


def test_a_rename_renders_the_units_of_what_it_renames(texts, tmp_path, rendered):
    out, cache = tmp_path / "out", tmp_path / "cache"
    build(texts, out, cache)
    units = len({name for name, _ in rendered})
    rendered.clear()
    edit(texts, "kunming.txt", "Zhao Lei", "Zhao Lin")
    build(texts, out, cache)
    names = {name for name, _ in rendered}
    assert "document/" in " ".join(names) and any(n.startswith("nodes/") for n in names)
    assert len(names) < units / 10  # of 256 node units and one per document
    assert outputs(out) == full(texts, tmp_path)


def test_the_store_is_changed_not_loaded_again(texts, tmp_path, monkeypatch):
    out, cache = tmp_path / "out", tmp_path / "cache"
    build(texts, out, cache)

    def refused(*_args: object) -> None:
        raise AssertionError("the store was loaded again")

    monkeypatch.setattr(store, "write", refused)
    edit(texts, "guangzhou.txt", "Guangzhou", "Foshan")
    build(texts, out, cache)
    monkeypatch.undo()
    assert outputs(out) == full(texts, tmp_path)


def test_a_damaged_store_is_loaded_again(texts, tmp_path):
    out, cache = tmp_path / "out", tmp_path / "cache"
    build(texts, out, cache)
    (out / store.NAME / "CURRENT").write_text("garbage\n")  # RocksDB: "Corruption: CURRENT file corrupted"
    edit(texts, SEED, "\n", "\n\n")
    build(texts, out, cache)  # the folder is not what the build left: nothing of it is reused
    assert outputs(out) == full(texts, tmp_path)


def test_the_cache_keeps_the_units_of_recorded_builds_alone(texts, tmp_path):
    out, cache = tmp_path / "out", tmp_path / "cache"
    build(texts, out, cache)
    kept = {p.name for p in (cache / "shards").rglob("*") if p.is_file()}
    edit(texts, "guangzhou.txt", "Guangzhou", "Foshan")
    build(texts, out, cache)
    now = {p.name for p in (cache / "shards").rglob("*") if p.is_file()}
    assert now != kept and len(now) == len(kept)  # as many units, some of them others
    shutil.rmtree(cache / "shards")  # lost: rendered again
    edit(texts, "guangzhou.txt", "Foshan", "Guangzhou")
    build(texts, out, cache)
    assert {p.name for p in (cache / "shards").rglob("*") if p.is_file()} == kept
    assert outputs(out) == full(texts, tmp_path)


def test_units_the_cache_cannot_keep_are_rendered_again(texts, tmp_path):
    out, cache = tmp_path / "out", tmp_path / "cache"
    cache.mkdir()
    (cache / "shards").write_text("not a folder\n", encoding="utf-8")  # no unit can be kept
    build(texts, out, cache)
    assert outputs(out) == full(texts, tmp_path)
    edit(texts, "guangzhou.txt", "Guangzhou", "Foshan")
    build(texts, out, cache)  # the store's old units are not at hand: it is loaded again
    assert outputs(out) == full(texts, tmp_path)


def test_a_note_follows_its_document_lines(texts, tmp_path):
    out, cache = tmp_path / "out", tmp_path / "cache"
    first = build(texts, out, cache)
    assert [n for n in first.notes if "lines 404-404" in n and SEED in n]
    edit(texts, SEED, "\n", "\n\n", 1)
    edited = build(texts, out, cache)
    assert [n for n in edited.notes if "lines 405-405" in n and SEED in n]
    assert build(texts, out, cache).up_to_date
    assert build(texts, out, cache).notes == edited.notes


def test_a_failing_write_fails_the_build_and_keeps_the_old_outputs(texts, tmp_path, monkeypatch):
    out, cache = tmp_path / "out", tmp_path / "cache"
    build(texts, out, cache)
    before = outputs(out)
    edit(texts, "wuhan.txt", "\n", "\n\n")

    def broken(*_args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(writers, "_concatenate", broken)
    with pytest.raises(OutputError, match="disk full"):
        build(texts, out, cache)
    assert outputs(out) == before and not list(tmp_path.glob(".out.*.tmp"))
    monkeypatch.undo()
    build(texts, out, cache)
    assert outputs(out) == full(texts, tmp_path)


SAMPLE = [SEED, "guangzhou.txt", "guangzhou-news.txt", "haidian-zh.txt", "wuhan.txt", "deep-synthesis-provisions.txt"]
INSERTS = ["\n", "\n\n", " ", "x", "。", "The court held so. ", "法院"]


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> tuple[Path, Path]:
    """A built folder with its texts and cache (`work`), and a copy of the three as they were (`kept`)."""
    root = tmp_path_factory.mktemp("edits")
    work, kept = root / "work", root / "kept"
    (work / "texts").mkdir(parents=True)
    for name in SAMPLE:
        shutil.copy((SEEDS if name == SEED else DATA) / name, work / "texts")
    build(work / "texts", work / "out", work / "cache")
    shutil.copytree(work, kept)  # with the files' times, which the build's record holds
    return work, kept


@settings(max_examples=200 if os.environ.get("HYPOTHESIS_PROFILE") == "fuzz" else 10, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(SAMPLE), st.floats(0, 1), st.sampled_from(["", *INSERTS]))
def test_any_edit_gives_the_bytes_of_a_full_build(pristine, name, where, insert):
    work, kept = pristine
    shutil.rmtree(work)
    shutil.copytree(kept, work)
    victim = work / "texts" / name
    text = victim.read_text(encoding="utf-8")
    at = int(where * (len(text) - 1))
    victim.write_text(text[:at] + insert + text[at + (0 if insert else 1):], encoding="utf-8")  # "": delete one
    build(work / "texts", work / "out", work / "cache")
    build(work / "texts", work / "full", None)
    assert outputs(work / "out") == outputs(work / "full")
