"""Trust under attack and accident (issue 17): a cache that cannot run code or lie, file names of any bytes, a
base IRI ending in "#", offsets into the file as it holds it, every evidence link of the pages resolving,
Western code pages, unreadable folders and links, full disks, bad query parameters and bad endpoints."""

from __future__ import annotations

import contextlib
import json
import os
import pickle
import re
import shutil
import socket
import subprocess
import sys
import threading
from html.parser import HTMLParser
from pathlib import Path

import pyoxigraph as ox
import pytest

from conftest import SEEDS, SHARED

KG = [sys.executable, "-m", "legal_kg.graph.cli"]
SEED = next(SEEDS.glob("*.txt"))
DEV = SHARED / "eval" / "dev" / "docs"


def kg(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([*KG, *args], capture_output=True, text=True, check=False, cwd=cwd)


def corpus(tmp_path: Path) -> Path:
    """Two files to build: the seed and a Chinese judgment of the development set (or the seed twice)."""
    texts = tmp_path / "texts"
    texts.mkdir()
    shutil.copy(SEED, texts / "seed.txt")
    other = DEV / "zh-01_haining-shen-yinfeng-fraud.txt"
    shutil.copy(other if other.exists() else SEED, texts / "other.txt")
    return texts


def graph_ttl(folder: Path) -> bytes:
    return (folder / "graph.ttl").read_bytes()


class Payload:
    """A pickle that would run a command when unpickled."""

    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self):
        return os.system, (f"touch {self.marker}",)


@pytest.fixture(scope="module")
def filled(tmp_path_factory) -> tuple[Path, bytes]:
    """A corpus, a cache filled by its build, and the graph of its build without a cache (made once)."""
    folder = tmp_path_factory.mktemp("filled")
    texts = corpus(folder)
    assert kg("build", str(texts), "--out", str(folder / "plain"), "--no-cache").returncode == 0
    assert kg("build", str(texts), "--out", str(folder / "first"), "--cache", str(folder / "cache")).returncode == 0
    return folder, graph_ttl(folder / "plain")


@pytest.fixture
def cached(tmp_path, filled):
    """A copy of the corpus and of its filled cache for one test to spoil, and the graph without a cache."""
    folder, expected = filled
    texts, cache = tmp_path / "texts", tmp_path / "cache"
    shutil.copytree(folder / "texts", texts)
    shutil.copytree(folder / "cache", cache)
    entries = sorted(cache.glob("*.json"))
    assert len(entries) == 2
    return texts, cache, entries, expected


def test_a_cache_entry_holding_a_pickle_runs_no_code(tmp_path, cached):
    texts, cache, entries, expected = cached
    marker = tmp_path / "ran"
    for entry in entries:
        entry.write_bytes(pickle.dumps(Payload(marker)))
        entry.with_suffix(".pickle").write_bytes(pickle.dumps(Payload(marker)))
    run = kg("build", str(texts), "--out", str(tmp_path / "again"), "--cache", str(cache))
    assert run.returncode == 0, run.stderr
    assert not marker.exists()
    assert graph_ttl(tmp_path / "again") == expected
    assert run.stderr.count("not a cache entry") == 2


def test_swapped_cache_entries_are_misses_not_a_wrong_graph(tmp_path, cached):
    texts, cache, (a, b), expected = cached
    first, second = a.read_bytes(), b.read_bytes()
    a.write_bytes(second)
    b.write_bytes(first)
    run = kg("build", str(texts), "--out", str(tmp_path / "again"), "--cache", str(cache))
    assert run.returncode == 0, run.stderr
    assert graph_ttl(tmp_path / "again") == expected
    assert run.stderr.count("the entry of another file") == 2


GARBLINGS = {
    "cut in half": lambda data: data[: len(data) // 2],
    "empty": lambda data: b"",
    "random bytes": lambda data: bytes(range(256)) * 4,
    "not UTF-8 after a sound header": lambda data: data.split(b"\n", 1)[0] + b"\n\xff\xfe\x00",
    "one byte changed": lambda data: data[:-10] + bytes([data[-10] ^ 1]) + data[-9:],
    "a JSON list": lambda data: b"[1, 2, 3]",
}


@pytest.mark.parametrize("garbling", sorted(GARBLINGS))
def test_a_garbled_cache_entry_is_extracted_again(tmp_path, cached, garbling):
    texts, cache, entries, expected = cached
    for entry in entries:
        entry.write_bytes(GARBLINGS[garbling](entry.read_bytes()))
    run = kg("build", str(texts), "--out", str(tmp_path / "again"), "--cache", str(cache))
    assert run.returncode == 0, run.stderr
    assert "unexpected error" not in run.stderr
    assert graph_ttl(tmp_path / "again") == expected
    assert run.stderr.count("kg build: note: " + str(cache)) == 2


def test_a_folder_in_place_of_an_entry_and_garbled_records_are_a_full_build(tmp_path, cached):
    texts, cache, entries, expected = cached
    entries[0].unlink()
    entries[0].mkdir()
    for record in (cache / "builds").iterdir():
        record.write_bytes(b"\x80garbled" if record.suffix == ".json" else b"SQLite format 3\x00" + b"\x01" * 200)
    run = kg("build", str(texts), "--out", str(tmp_path / "first"), "--cache", str(cache))
    assert run.returncode == 0, run.stderr
    assert "unexpected error" not in run.stderr
    assert graph_ttl(tmp_path / "first") == expected


def test_a_file_name_of_any_bytes_is_read_and_named_escaped(tmp_path):
    folder = tmp_path / "texts"
    folder.mkdir()
    odd = folder / os.fsdecode(b"seed-\xff.txt")
    shutil.copy(SEED, odd)
    (folder / os.fsdecode(b"empty-\xfe.txt")).write_bytes(b"")
    run = kg("build", str(folder), "--out", str(tmp_path / "out"))
    assert run.returncode == 1, run.stderr  # the empty file is skipped
    assert "empty-\\xfe.txt: empty file" in run.stderr and "unexpected" not in run.stderr
    store = ox.Store()
    store.bulk_load(path=str(tmp_path / "out" / "graph.ttl"), format=ox.RdfFormat.TURTLE)
    sources = {r["s"].value for r in store.query(
        "SELECT DISTINCT ?s WHERE { ?d <http://purl.org/dc/terms/source> ?s }")}
    assert sources == {"seed-\\xff.txt"}
    pages = [p.name for p in (tmp_path / "out" / "docs").iterdir()]
    assert len(pages) == 7 and all(re.fullmatch(r"[a-z0-9-]+\.html", p) for p in pages)
    again = kg("build", str(folder), "--out", str(tmp_path / "out"))  # the cache keys the odd name too
    assert "is up to date" in again.stdout


def test_a_base_ending_in_hash_mints_iris_every_reader_takes(tmp_path):
    out = tmp_path / "out"
    run = kg("build", str(SEEDS), "--out", str(out), "--no-cache", "--base", "https://example.org/id#",
             "--format", "ttl,trig,nq,jsonld")
    assert run.returncode == 0, run.stderr
    counts = {}
    for name, fmt in (("graph.ttl", ox.RdfFormat.TURTLE), ("graph.jsonld", ox.RdfFormat.JSON_LD),
                      ("graph.trig", ox.RdfFormat.TRIG), ("graph.nq", ox.RdfFormat.N_QUADS)):
        store = ox.Store()
        store.bulk_load(path=str(out / name), format=fmt)
        counts[name] = len(store)
        assert not [q for q in store if isinstance(q.subject, ox.NamedNode) and q.subject.value.count("#") > 1]
    assert counts["graph.ttl"] == counts["graph.jsonld"] > 7000
    assert counts["graph.trig"] == counts["graph.nq"] > counts["graph.ttl"]
    query = kg("query", str(out), "--name", "convictions", "--format", "json")
    assert query.returncode == 0 and len(json.loads(query.stdout)) == 2
    assert kg("show", "Duan Zheng", "--out", str(out)).returncode == 0
    for bad in ("http://x.org/%zz/", "http://[::1/", "https://example.org/a#b#", "example.org/id/", "http://x.org/id"):
        refused = kg("build", str(SEEDS), "--out", str(tmp_path / "bad"), "--base", bad)
        assert refused.returncode == 2 and "not an absolute IRI" in refused.stderr
        assert not (tmp_path / "bad").exists()


@pytest.mark.skipif(not DEV.is_dir(), reason="the development set is not beside the repo")
def test_offsets_index_the_file_as_it_holds_it(tmp_path):
    from legal_kg.graph import pipeline

    source = (DEV / "zh-01_haining-shen-yinfeng-fraud.txt").read_text(encoding="utf-8")
    plain = tmp_path / "lf" / "zh.txt"
    crlf = tmp_path / "crlf" / "zh.txt"
    for path, data in ((plain, source.encode()), (crlf, b"\xef\xbb\xbf" + source.replace("\n", "\r\n").encode())):
        path.parent.mkdir()
        path.write_bytes(data)
    lf_kg, crlf_kg = pipeline.build([plain]), pipeline.build([crlf])
    held = crlf.read_bytes().decode("utf-8-sig")  # the byte-order mark is the codec's, not a character
    evidence = [ev for n in crlf_kg.nodes.values() for ev in n.evidence]
    evidence += [ev for s in crlf_kg.statements for ev in s.evidence]
    assert len(evidence) > 100
    assert all(held[ev.start:ev.end] == ev.quote for ev in evidence)
    # the same facts as the LF file, each offset moved by the CRs before it
    lf_starts = sorted(ev.start for n in lf_kg.nodes.values() for ev in n.evidence)
    crlf_starts = sorted(ev.start for n in crlf_kg.nodes.values() for ev in n.evidence)
    assert crlf_starts == [s + source.count("\n", 0, s) for s in lf_starts]


def test_every_evidence_link_of_the_pages_finds_its_anchor(tmp_path):
    out = tmp_path / "out"
    assert kg("build", str(SEEDS), "--out", str(out), "--no-cache").returncode == 0
    page = (out / "graph.html").read_text(encoding="utf-8")
    data = json.loads(re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.S).group(1))
    anchors = {d["slug"]: set(re.findall(r'id="(ev-\d+-\d+)"', (out / "docs" / f"{d['slug']}.html").read_text(
        encoding="utf-8"))) for d in data["docs"]}
    links = [data["evidence"][k] for n in data["nodes"] for k in n["mentions"]]  # evidence by its position
    links += [data["evidence"][k] for n in data["nodes"] for f in n["facts"] for k in f[3]]
    assert len(links) > 700
    assert [ev for ev in links if f"ev-{ev[1]}-{ev[2]}" not in anchors[data["docs"][ev[0]]["slug"]]] == []


class _Marks(HTMLParser):
    """The marks of a page's text: the ids of those that bear one, and whether they nest (each closes the
    last one opened)."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.open = 0
        self.nested = True

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "mark":
            self.open += 1
            self.ids += [v for k, v in attrs if k == "id" and v]

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark":
            self.open -= 1
            self.nested = self.nested and self.open >= 0


def test_every_evidence_span_of_the_build_is_marked_in_its_document_s_text(tmp_path):
    from legal_kg.graph import pipeline
    from legal_kg.graph.html import doc_slugs

    out = tmp_path / "out"
    assert kg("build", str(SEEDS), "--out", str(out), "--no-cache").returncode == 0
    store = ox.Store()
    store.bulk_load(path=str(out / "graph.ttl"), format=ox.RdfFormat.TURTLE)
    spans: dict[str, set[str]] = {}
    for row in store.query("PREFIX oa: <http://www.w3.org/ns/oa#> SELECT DISTINCT ?d ?start ?end WHERE { "
                           "?ev oa:hasSource ?d ; oa:hasSelector ?at . ?at oa:start ?start ; oa:end ?end }"):
        spans.setdefault(row["d"].value, set()).add(f"ev-{row['start'].value}-{row['end'].value}")
    slugs = doc_slugs(pipeline.build([SEEDS]))
    assert sorted(spans) == sorted(slugs) and sum(map(len, spans.values())) > 500
    for doc, expected in spans.items():
        page = (out / "docs" / f"{slugs[doc]}.html").read_text(encoding="utf-8")
        marks = _Marks()
        marks.feed(page.split("<pre>", 1)[1].split("</pre>", 1)[0])
        assert marks.nested and marks.open == 0
        assert sorted(marks.ids) == sorted(expected), doc  # each span marked once, none more


def test_western_text_in_a_code_page_is_not_read_as_chinese(tmp_path):
    from legal_kg.graph.reader import read

    text = SEED.read_text(encoding="utf-8")[:3000] + "\n\nThe translator, Tång Wéi Müller, notes: “naïve”.\n"
    latin = tmp_path / "latin.txt"
    latin.write_bytes(text.encode("cp1252", errors="replace"))
    source = read(latin)
    assert source.encoding == "windows-1252" and "Tång Wéi Müller" in source.text
    chinese = tmp_path / "gb.txt"
    chinese.write_bytes("中华人民共和国网络安全法 第一条 为了保障网络安全。Tång".encode("gb18030"))
    assert read(chinese).text.startswith("中华人民共和国网络安全法")
    run = kg("build", str(latin), "--out", str(tmp_path / "out"))
    assert "latin.txt: read as windows-1252, not UTF-8" in run.stderr


def nobody() -> list[str]:
    """The command prefix that runs a build as a user without privileges (root reads any folder)."""
    if os.geteuid() != 0:
        return []
    prefix = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
    if shutil.which("setpriv") is None or subprocess.run([*prefix, *KG, "--help"], capture_output=True,
                                                         check=False).returncode != 0:
        pytest.skip("root cannot run kg as another user here: an unreadable folder cannot be tested")
    return prefix


def test_unreadable_folders_and_bad_links_are_named_and_skipped(tmp_path):
    import tempfile

    top = Path(tempfile.mkdtemp(prefix="kg-trust-", dir="/tmp"))
    try:
        top.chmod(0o777)
        texts = top / "texts"
        (texts / "locked").mkdir(parents=True)
        shutil.copy(SEED, texts / "seed.txt")
        shutil.copy(SEED, texts / "locked" / "hidden.txt")
        (texts / "locked").chmod(0)
        (texts / "gone.txt").symlink_to(texts / "nowhere.txt")
        (texts / "loop").symlink_to(texts)
        for p in (texts, texts / "seed.txt"):
            p.chmod(0o777 if p.is_dir() else 0o666)
        run = subprocess.run([*nobody(), *KG, "build", str(texts), "--out", str(top / "out"), "--no-cache"],
                             capture_output=True, text=True, check=False)
        assert run.returncode == 1, run.stderr
        assert f"{texts / 'locked'}: cannot search this folder (Permission denied)" in run.stderr
        assert f"{texts / 'gone.txt'}: a link to nothing" in run.stderr
        assert f"{texts / 'loop'}: a link that loops back to a folder above it" in run.stderr
        assert "unexpected" not in run.stderr and (top / "out" / "graph.ttl").exists()
        for given, message in ((texts / "locked" / "hidden.txt", "cannot read (Permission denied); check the "
                                "permissions of its folders"), (texts / "locked", "cannot search this folder")):
            run = subprocess.run([*nobody(), *KG, "build", str(given), "--out", str(top / "out2"), "--no-cache"],
                                 capture_output=True, text=True, check=False)
            assert run.returncode == 2 and len(run.stderr.strip().splitlines()) == 1 and message in run.stderr
    finally:
        (top / "texts" / "locked").chmod(0o755)
        shutil.rmtree(top, ignore_errors=True)


@pytest.fixture
def full_disk(tmp_path):
    """A tmpfs of 1 MB, full (where this process may mount one)."""
    mount = tmp_path / "full"
    mount.mkdir()
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount)],
                                           capture_output=True, check=False).returncode != 0:
        pytest.skip("no tmpfs can be mounted here")
    try:
        yield mount
    finally:
        subprocess.run(["umount", str(mount)], check=False)


def test_a_full_disk_is_one_line_and_no_half_output(tmp_path, full_disk):
    run = kg("build", str(SEEDS), "--out", str(full_disk / "out"), "--no-cache")
    assert run.returncode == 2
    assert run.stderr.strip().splitlines()[-1] == (
        f"kg build: cannot write {full_disk / 'out'} (No space left on device); it is as it was: free some space or "
        "choose another --out")
    assert list(full_disk.iterdir()) == []
    with open(full_disk / "filler", "wb") as f, contextlib.suppress(OSError):  # the cache has no room, the outputs have
        f.write(b"\0" * 2_000_000)
    run = kg("build", str(SEEDS), "--out", str(tmp_path / "out"), "--cache", str(full_disk / "cache"))
    assert run.returncode == 0, run.stderr
    assert f"kg build: note: {full_disk / 'cache'}: cannot write the cache (No space left on device)" in run.stderr
    assert (tmp_path / "out" / "graph.ttl").exists()


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(tmp_path):
    run = kg("build", str(SEED), str(SEEDS), "--out", str(tmp_path / "out"), "--max-file-size", "0.01")
    assert run.returncode == 2
    assert "seed.txt" not in run.stderr and "0.053 MB, over the limit of 0.01 MB a file (--max-file-size)" in run.stderr


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("built") / "out"
    assert kg("build", str(SEEDS), "--out", str(out), "--no-cache").returncode == 0
    return out


@pytest.mark.parametrize(("args", "message"), [
    (["--name", "evidence", "--param", "label=Duan Zheng", "--param", "fact=mention"],
     "--param 'fact': the evidence query has no parameter of that name (its parameters: label)"),
    (["--name", "evidence", "--param", "a b=1"], "--param 'a b': the evidence query has no parameter of that name"),
    (["--name", "evidence", "--param", "=1"], "--param '=1': write NAME=VALUE"),
    (["--name", "evidence", "--param", "défaut=1"], "--param 'défaut': the evidence query has no parameter"),
    (["--name", "evidence", "--param", os.fsdecode(b"label=\xff")], "--param 'label=\\xff': not valid UTF-8 text"),
    (["SELECT ?x WHERE { ?x a kg:Court }", "--param", "x=1"], "--param 'x': the query has no parameter of that name"),
])
def test_only_declared_parameters_bind(built, args, message):
    run = kg("query", str(built), *args)
    assert run.returncode == 2 and run.stderr.strip().startswith(f"kg query: {message}"), run.stderr


def test_a_name_that_is_not_utf8_is_one_line(built):
    run = kg("show", os.fsdecode(b"\xff"), "--out", str(built))
    assert run.returncode == 2 and run.stderr.strip() == "kg show: '\\xff': not valid UTF-8 text"


@pytest.fixture
def servers():
    """A server that accepts and never answers, and one that answers JSON that is no SPARQL result."""
    silent, wrong = socket.socket(), socket.socket()
    for s in (silent, wrong):
        s.bind(("127.0.0.1", 0))
        s.listen(8)
    held = []

    def answer_wrong():
        while True:
            try:
                conn, _ = wrong.accept()
            except OSError:
                return
            conn.recv(65536)
            conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 7\r\n\r\n[1,2,3]")
            conn.close()

    def hold():
        while True:
            try:
                held.append(silent.accept()[0])
            except OSError:
                return

    for target in (answer_wrong, hold):
        threading.Thread(target=target, daemon=True).start()
    yield f"http://127.0.0.1:{silent.getsockname()[1]}", f"http://127.0.0.1:{wrong.getsockname()[1]}"
    for s in (silent, wrong, *held):
        s.close()


def test_endpoints_that_never_answer_or_answer_no_sparql(built, servers):
    silent, wrong = servers
    run = kg("query", "--endpoint", f"{silent}/query", "ASK {}", "--timeout", "1")
    assert run.returncode == 2 and run.stderr.strip() == f"kg query: {silent}/query: no answer within 1 s (--timeout)"
    run = kg("push", str(built), "--endpoint", f"{silent}/store", "--timeout", "1")
    assert run.returncode == 2 and "no answer within 1 s (--timeout)" in run.stderr
    run = kg("query", "--endpoint", f"{wrong}/query", "ASK {}")
    assert run.returncode == 2 and "the answer is not SPARQL JSON results" in run.stderr
    run = kg("query", "--endpoint", "not a url", "ASK {}")
    assert run.returncode == 2 and run.stderr.strip() == (
        "kg query: 'not a url' is not an endpoint URL; give http://HOST:PORT/PATH")


def test_marks_that_cross_are_cut_so_that_they_nest():
    from legal_kg.graph.html import marked

    # the seed (line 176): two spans that cross, a third inside the first, and an empty one
    text = "On September 8, 2017, the People's Court of China website posted the judgment of a court in Beijing"
    a = (text.index("the People's"), text.index(" posted") + len(" posted"))
    b = (text.index("website"), text.index("judgment") + len("judgment"))
    c = (text.index("People's Court"), text.index(" website"))
    e = (text.index("Beijing"), text.index("Beijing"))
    spans = {a: ("fact", "website · postedBy"), b: ("name", "Platform: website"), c: ("name", "Court"), e: ("name", "x")}
    html = marked(text, 0, spans)
    assert html == (
        "On September 8, 2017, "
        f'<mark id="ev-{a[0]}-{a[1]}" class="fact" data-row="fact-{a[0]}-{a[1]}" title="website · postedBy">the '
        f'<mark id="ev-{c[0]}-{c[1]}" class="name" title="Court">People&#x27;s Court of China</mark> '
        f'<mark id="ev-{b[0]}-{b[1]}" class="name" title="Platform: website">website posted</mark></mark>'
        '<mark class="name" title="Platform: website"> the judgment</mark> of a court in '
        f'<mark id="ev-{e[0]}-{e[1]}" class="name" title="x"></mark>Beijing')


@pytest.mark.skipif(not DEV.exists(), reason="../shared is not beside the repo")
def test_a_bilingual_regulation_s_page_sets_its_articles_side_by_side(tmp_path):
    # pkulaw's page: "Article 1 For the purposes of regulating the Internet Group information services ..." and
    # "第一条 为规范互联网群组信息服务,..." on one line, each article in both languages
    out = tmp_path / "out"
    assert kg("build", str(DEV / "reg-02_group-information-services-pkulaw.txt"), "--out", str(out),
              "--no-cache").returncode == 0
    (page,) = (out / "docs").glob("*.html")
    pairs = page.read_text(encoding="utf-8").split('<table class="pairs">', 1)[1].split("</table>", 1)[0]
    rows = [re.findall(r'<td lang="(\w+)">([^<]{0,12})', row) for row in pairs.split("<tr>")[2:]]
    assert rows == [[("en", "Article 1 Fo"), ("zh", "第一条 为规范互联网群组")],
                    [("en", "Article 2 Th"), ("zh", "第二条 在中华人民共和国")]]
    anchors = re.findall(r'<a href="#(ev-\d+-\d+)" title="its place in the text">', pairs)
    assert len(anchors) == 4 and all(f'<mark id="{a}"' in page.read_text(encoding="utf-8") for a in anchors)
