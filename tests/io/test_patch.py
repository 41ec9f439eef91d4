"""Patched rebuilds (graph.patch): after an edit that moves things but names the same things, graph.ttl and
the pages are patched, and they are the same bytes a full build of the edited files writes."""

from __future__ import annotations

import mmap
import os
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import DATA, SEEDS, outputs
from graph import patch as patching
from graph import store
from graph.incremental import build_into
from graph.outputs import OutputError

SEED = "000_cfcf9f275d95a8e1.txt"



def inodes(folder: Path) -> dict[str, int]:
    return {str(p.relative_to(folder)): p.stat().st_ino for p in folder.rglob("*") if p.is_file()
            and store.NAME not in p.relative_to(folder).parts}


@pytest.fixture()
def texts(tmp_path) -> Path:
    folder = tmp_path / "texts"
    shutil.copytree(DATA, folder)
    shutil.copy(SEEDS / SEED, folder)
    return folder


def build(texts: Path, out: Path, cache: Path | None):
    return build_into([texts], out, ["ttl"], [], cache_dir=cache)


def full(texts: Path, tmp_path: Path) -> dict[str, bytes]:
    """What a build from scratch writes."""
    shutil.rmtree(tmp_path / "full", ignore_errors=True)
    build(texts, tmp_path / "full", None)
    return outputs(tmp_path / "full")


EDITS = [  # (file, old text, new text): each moves spans and names the same things
    (SEED, "\n", "\n\n"),  # a blank line after the title: the seed's judgments and the news reports on them
    ("guangzhou-news.txt", "\n\n", "\n\n\n"),  # a news report that reports on a judgment of the corpus
    ("haidian-zh.txt", "\n", "\n\n"),  # a Chinese judgment
    ("wuhan.txt", "\n\n", "\n\n\n\n"),  # a file of three documents
    ("guangzhou.txt", "sentenced", "SENTENCED"),  # quotes change, spans do not
]


@pytest.mark.parametrize(("name", "old", "new"), EDITS, ids=[e[0] for e in EDITS])
def test_an_edit_is_patched_into_the_bytes_of_a_full_build(texts, tmp_path, name, old, new):
    out, cache = tmp_path / "out", tmp_path / "cache"
    first = build(texts, out, cache)
    assert "index" in first.timings
    before, nodes_before = outputs(out), inodes(out)
    victim = texts / name
    original = victim.read_text(encoding="utf-8")
    assert original.count(old) >= 1
    victim.write_text(original.replace(old, new, 1), encoding="utf-8")
    edited = build(texts, out, cache)
    assert "patch" in edited.timings and "resolve" not in edited.timings
    assert (edited.summary, edited.counts) == (first.summary, first.counts)
    after = outputs(out)
    assert after == full(texts, tmp_path)
    assert set(after) == set(before)
    pages = {p for p in after if p.startswith("docs/") and after[p] != before[p]}
    assert pages and after["graph.ttl"] != before["graph.ttl"]
    rewritten = {"graph.ttl", "graph.html", "index.html", *pages, store.NAME}  # the store is changed in a copy
    assert {p for p in after if after[p] != before[p]} <= rewritten
    assert {p for p, ino in inodes(out).items() if nodes_before[p] == ino} == set(after) - rewritten  # linked
    victim.write_text(original, encoding="utf-8")  # and back
    undone = build(texts, out, cache)
    assert "patch" in undone.timings and outputs(out) == before


def test_several_files_are_patched_at_once(texts, tmp_path):
    out, cache = tmp_path / "out", tmp_path / "cache"
    build(texts, out, cache)
    for name, old, new in EDITS[:4]:
        victim = texts / name
        victim.write_text(victim.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    (texts / "kunming.txt").write_text((texts / "kunming.txt").read_text(encoding="utf-8") + "\n", encoding="utf-8")
    edited = build(texts, out, cache)
    assert "patch" in edited.timings and outputs(out) == full(texts, tmp_path)
    assert build(texts, out, cache).up_to_date


def test_a_damaged_store_is_not_patched_but_built_again(texts, tmp_path):
    out, cache = tmp_path / "out", tmp_path / "cache"
    build(texts, out, cache)
    (out / store.NAME / "CURRENT").write_text("garbage\n")  # RocksDB: "Corruption: CURRENT file corrupted"
    name, old, new = EDITS[0]
    (texts / name).write_text((texts / name).read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    edited = build(texts, out, cache)  # the folder is not what the build left: a patch would build on it
    assert "patch" not in edited.timings and "resolve" in edited.timings and outputs(out) == full(texts, tmp_path)


def test_a_note_follows_its_document_lines(texts, tmp_path):
    out, cache = tmp_path / "out", tmp_path / "cache"
    first = build(texts, out, cache)
    assert [n for n in first.notes if "lines 404-404" in n and SEED in n]
    victim = texts / SEED
    victim.write_text(victim.read_text(encoding="utf-8").replace("\n", "\n\n", 1), encoding="utf-8")
    edited = build(texts, out, cache)
    assert "patch" in edited.timings
    assert [n for n in edited.notes if "lines 405-405" in n and SEED in n]
    assert not [n for n in edited.notes if "lines 404-404" in n and SEED in n]
    assert build(texts, out, cache).up_to_date
    assert build(texts, out, cache).notes == edited.notes


def test_an_edit_that_changes_what_a_file_names_is_built_in_full(texts, tmp_path):
    out, cache = tmp_path / "out", tmp_path / "cache"
    build(texts, out, cache)
    victim = texts / "guangzhou.txt"
    text = victim.read_text(encoding="utf-8")
    assert "Guangzhou" in text
    victim.write_text(text.replace("Guangzhou", "Foshan"), encoding="utf-8")
    edited = build(texts, out, cache)
    assert "resolve" in edited.timings and "patch" not in edited.timings
    assert outputs(out) == full(texts, tmp_path)


def test_other_formats_and_a_lost_index_are_built_in_full(texts, tmp_path):
    out, cache = tmp_path / "out", tmp_path / "cache"
    build_into([texts], out, ["ttl", "nq"], [], cache_dir=cache)
    victim = texts / "wuhan.txt"
    text = victim.read_text(encoding="utf-8")
    victim.write_text(text.replace("\n", "\n\n", 1), encoding="utf-8")
    assert "resolve" in build_into([texts], out, ["ttl", "nq"], [], cache_dir=cache).timings
    build(texts, out, cache)
    assert len(list((cache / "builds").glob("*.sqlite"))) == 1  # the last full build's index alone
    next((cache / "builds").glob("*.sqlite")).unlink()
    victim.write_text(text, encoding="utf-8")
    again = build(texts, out, cache)
    assert "resolve" in again.timings and outputs(out) == full(texts, tmp_path)


def test_a_patch_that_cannot_be_made_leaves_no_trace(texts, tmp_path, monkeypatch):
    out, cache = tmp_path / "out", tmp_path / "cache"
    build(texts, out, cache)
    victim = texts / "wuhan.txt"
    victim.write_text(victim.read_text(encoding="utf-8").replace("\n", "\n\n", 1), encoding="utf-8")

    def late(*_args: object) -> str:  # the pages are patched after graph.ttl and graph.html
        raise patching.NotPatchable("index.html: no line")

    monkeypatch.setattr(patching, "_patch_index", late)
    edited = build(texts, out, cache)
    assert "resolve" in edited.timings and outputs(out) == full(texts, tmp_path)
    assert not list(tmp_path.glob(".out.*.tmp"))


def test_a_failing_patch_fails_the_build_and_keeps_the_old_outputs(texts, tmp_path, monkeypatch):
    out, cache = tmp_path / "out", tmp_path / "cache"
    build(texts, out, cache)
    before = outputs(out)
    victim = texts / "wuhan.txt"
    victim.write_text(victim.read_text(encoding="utf-8").replace("\n", "\n\n", 1), encoding="utf-8")

    def broken(*_args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(patching, "_splice", broken)
    with pytest.raises(OutputError, match="disk full"):
        build(texts, out, cache)
    assert outputs(out) == before and not list(tmp_path.glob(".out.*.tmp"))
    monkeypatch.undo()
    assert "patch" in build(texts, out, cache).timings and outputs(out) == full(texts, tmp_path)


def turtle(keys: list[str]) -> bytes:
    """Blocks the way graph.ttl lays them out: a subject line, tab-indented predicates, "#" parts."""
    out = ["@prefix kg: <https://example.org/> .\n"]
    for k in keys:
        out.append(f"<{k}> a kg:Thing ;\n\tkg:p \"x > y\" .\n<{k}#part> kg:q 1 .\n")
    return "".join(out).encode()


@given(st.lists(st.text("abcz/", min_size=1, max_size=6), min_size=1, max_size=40, unique=True),
       st.text("abcz/", min_size=1, max_size=6))
def test_subject_blocks_are_found_by_bisection(tmp_path_factory, keys, probe):
    keys = sorted(f"https://example.org/{k}" for k in keys)
    path = tmp_path_factory.mktemp("ttl") / "g.ttl"
    data = turtle(keys)
    path.write_bytes(data)
    with path.open("rb") as f, mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as m:
        lines = patching._Subjects(m)
        start = lines.line(0)
        for k in keys:
            text = f"<{k}> a kg:Thing ;\n\tkg:p \"x > y\" .\n<{k}#part> kg:q 1 .\n".encode()
            where = lines.block(k, start, len(m))
            assert where is not None and data[where[0]:where[1]] == text
        iri = f"https://example.org/{probe}"
        at = lines.at(iri, start, len(m))
        following = [k for k in keys if k >= iri]
        assert data[at:].startswith(f"<{following[0]}>".encode()) if following else at == len(data)
        assert (lines.block(iri, start, len(m)) is None) == (iri not in keys)


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
