"""Patterns guarded by their triggers find what they would find unguarded: the triggers read from a pattern's
syntax tree are strings every match holds, on real documents and on texts made to hold odd cases."""

from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import legal_kg.extractors as extractors
import legal_kg.extractors.triggers as triggers_module
from legal_kg.extractors.triggers import Guarded, Screen, guarded, triggers

SHARED = Path(__file__).resolve().parents[3] / "shared"
DEV = SHARED / "eval" / "dev" / "docs"


def _guarded_patterns() -> list[Guarded]:
    """Every guarded pattern a module of the extractors holds (in a name, a list, a tuple or a dict)."""
    found: dict[int, Guarded] = {}

    def walk(value: object, depth: int = 0) -> None:
        if isinstance(value, Guarded):
            found.setdefault(id(value), value)
        elif depth < 3 and isinstance(value, list | tuple | set | frozenset):
            for v in value:
                walk(v, depth + 1)
        elif depth < 3 and isinstance(value, dict):
            for v in value.values():
                walk(v, depth + 1)

    for info in pkgutil.walk_packages(extractors.__path__, "legal_kg.extractors."):
        for value in vars(importlib.import_module(info.name)).values():
            walk(value)
    return sorted(found.values(), key=lambda g: g.pattern)


PATTERNS = _guarded_patterns()


def _spans(rx: re.Pattern[str] | Guarded, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in rx.finditer(text)]


def _first(rx: re.Pattern[str] | Guarded, text: str) -> tuple[int, int] | None:
    found = rx.search(text)
    return found.span() if found else None


def test_the_triggers_of_patterns():
    assert triggers(re.compile(r"\b(?:was|were)\s+(?i:sentenced)")) == (frozenset({"sentenced"}), True)
    assert triggers(re.compile(r"(?i)Law\s+Firm")) == (frozenset({"firm"}), True)
    assert triggers(re.compile(r"[Cc]ase of")) == (frozenset({"Case of", "case of"}), False)
    # each branch gives its own: "enter into force" holds "force" or "effect", "takes effect" holds "effect"
    assert triggers(re.compile(r"(?:enter|come)s?\s+into\s+(?:force|effect)|takes?\s+effect")) == (
        frozenset({"force", "effect"}), False)
    assert triggers(re.compile(r"判处|获刑|\b(?:was|were)\s+\d")) == (frozenset({"判处", "获刑", "was", "were"}), False)
    # nothing every match holds, or nothing worth looking for
    assert triggers(re.compile(r"(?:(?P<y>\d+)年)?(?:(?P<m>\d+)月)?")) is None
    assert triggers(re.compile(r"\d+\s*of")) is None
    assert triggers(re.compile("|".join(f"word{i}" for i in range(40)))) is None
    assert not isinstance(guarded(r"\d+"), Guarded)


def test_most_patterns_of_the_extractors_are_guarded():
    assert len(PATTERNS) > 200


def test_a_guard_skips_a_long_text_without_its_triggers():
    rx = guarded(r"\bsentenced\s+to\s+(?P<n>\d+)\s+years")
    assert isinstance(rx, Guarded)
    long = "The court heard the case. " * 20
    assert not rx.may_match(long)
    assert rx.may_match(long + "He was sentenced") and not rx.may_match(long + "SENTENCED")
    assert rx.search(long + "He was sentenced") is None  # the triggers are necessary, not sufficient
    assert rx.sub("x", long) == long and rx.split(long) == [long] and rx.search(long) is None


def test_a_guard_folds_case_as_the_pattern_does():
    rx = guarded(r"(?i)\b(?:sentenced|kidnapping|insulting)\b")
    for word in ("SENTENCED", "\u017fentenced", "\u212aidnapping", "\u0130nsulting", "\u0131nsulting"):
        text = "He was " + word  # ſentenced, Kidnapping (the Kelvin sign), İnsulting, ınsulting
        assert rx.rx.search(text) and rx.search(text), word


def test_patterns_whose_matches_lie_in_a_line():
    def in_a_line(pattern: str) -> bool:
        rx = guarded(pattern)
        assert isinstance(rx, Guarded)
        return rx.in_a_line

    assert in_a_line(r"\bsentenced[ \t]+to") and in_a_line(r"(?m)^Judge[ \t]+(?P<n>\w+)$")
    assert in_a_line(r"(?m:^Judge)") and in_a_line(r"sentenced.x")
    # a class or a dot that holds the line break, the text's start or end, a group referred to
    assert not in_a_line(r"\bsentenced\s+to") and not in_a_line(r"[^.]*sentenced") and not in_a_line(r"(?s)sentenced.x")
    assert not in_a_line(r"^Judge") and not in_a_line(r"Judge\Z") and not in_a_line(r"sentenced(?=\s)")
    assert not in_a_line(r"(?P<w>Judge) (?P=w)")
    assert sum(rx.in_a_line for rx in PATTERNS) > 60


@pytest.fixture(params=[triggers_module.LONG, 0], ids=["texts", "lines"])
def long(request, monkeypatch):
    """Texts searched whole, or (LONG 0) each in the lines that hold a trigger, where a pattern allows."""
    monkeypatch.setattr(triggers_module, "LONG", request.param)


@pytest.mark.skipif(not DEV.is_dir(), reason="needs ../shared/eval/dev")
@pytest.mark.usefixtures("long")
def test_guarded_patterns_find_what_they_find_unguarded_in_real_documents():
    chunks = []  # runs of whole lines of some 500 characters (a few patterns are slow over a whole text)
    for f in [*sorted(DEV.iterdir()), SHARED / "corpus" / "zh-cybersecurity-law-2016.md"]:
        chunk = ""
        for line in f.read_text(encoding="utf-8").splitlines(keepends=True):
            chunk += line
            if len(chunk) >= 500:
                chunks.append(chunk)
                chunk = ""
        chunks.append(chunk)
    assert len(chunks) > 60
    skipped = 0
    for rx in PATTERNS:
        for chunk in chunks:
            assert _spans(rx, chunk) == _spans(rx.rx, chunk), (rx.pattern, chunk[:80])
            assert _first(rx, chunk) == _first(rx.rx, chunk), (rx.pattern, chunk[:80])
            third = (len(chunk) // 3, 2 * len(chunk) // 3)  # a search over part of a text
            assert [m.span() for m in rx.finditer(chunk, *third)] == [m.span() for m in rx.rx.finditer(chunk, *third)]
            skipped += not rx.may_match(chunk)
    assert skipped > len(PATTERNS) * len(chunks) / 2  # most patterns skip most chunks
    screen = Screen([*PATTERNS, UNGUARDED])
    for chunk in chunks:
        assert screen(chunk) == _may_match(chunk)


UNGUARDED = re.compile(r"\d+")  # a pattern without triggers: a screen always gives it


def _may_match(text: str) -> list[int]:
    """The indexes of the patterns whose guards let them search `text`, and of UNGUARDED after them."""
    return [*(k for k, rx in enumerate(PATTERNS) if rx.may_match(text)), len(PATTERNS)]


# pieces of text: each pattern's own triggers, in changed case too, and characters that case folding treats
# unevenly (İ lower-cases to two characters; ı, ſ and the Kelvin sign match ASCII letters ignoring case)
PIECES = sorted({t for rx in PATTERNS for t in rx.triggers} | {t.upper() for rx in PATTERNS for t in rx.triggers})
ODD = ["İ", "ı", "ſ", "\u212a", "\u0307", "IN", "ın", "the ", " ", "\n", ", ", "Zhang Wei", "2019", "年", "。"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES + ODD * 20), min_size=5, max_size=60), st.integers(0, len(PATTERNS) - 1))
def test_guarded_patterns_find_what_they_find_unguarded_in_made_texts(pieces, k):
    text = "".join(pieces)
    for long in (triggers_module.LONG, 0):  # searched whole, or in the lines that hold a trigger
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(triggers_module, "LONG", long)
            for rx in (PATTERNS[k], *PATTERNS[k % 7::37]):
                assert _spans(rx, text) == _spans(rx.rx, text), rx.pattern
                assert _first(rx, text) == _first(rx.rx, text), rx.pattern
    assert SCREEN(text) == _may_match(text)  # one search of every pattern's triggers: the patterns each guard lets by


SCREEN = Screen([*PATTERNS, UNGUARDED])


def test_a_guard_looks_for_its_triggers_where_a_search_from_pos_to_endpos_reads():
    rx = guarded(r"\bsentenced\s+to\s+(?P<n>\d+)\s+years")
    text = "He was sentenced to 3 years. The court adjourned. She was sentenced to 5 years."
    first, second = text.index("He"), text.index("She")
    for span in [(0,), (first, second), (second,), (second, len(text)), (-5, 20), (first + 1, first + 10),
                 (30, 10), (second, 10**6), (-(10**6),)]:
        assert _spans_between(rx, text, span) == _spans_between(rx.rx, text, span), span
    assert not rx.may_match(text[first + 30:second])  # between the sentences: no trigger


def _spans_between(rx: re.Pattern[str] | Guarded, text: str, span: tuple[int, ...]) -> list[tuple[int, int]]:
    found = [m.span() for m in rx.finditer(text, *span)]
    assert [m.span() for m in filter(None, [rx.search(text, *span)])] == found[:1]
    assert len(rx.findall(text, *span)) == len(found)
    return found
