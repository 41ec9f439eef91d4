"""A pattern's triggers: words every match of it holds, so that it runs only over texts holding one.

Most of extraction is some 300 patterns each reading a document's text, at 5-60 MB/s each, and most of them
find nothing in most documents: the sentencing patterns in a regulation, the duty patterns in a news
report. `guarded` reads a pattern's syntax tree (the one the `re` module compiles) for a set of literal
strings of which any match must hold one (`\\b(?:was|were)\\s+sentenced` holds "sentenced"; `判处|获刑`
holds one of "判处", "获刑"). Looking for a few strings in a text is a fast substring search, so a pattern with
such a set searches a text only where one of them occurs (a line, a sentence or a document: the
guard costs less than the search even on a short line); a pattern without one (a date made only of
digits and optional parts) is returned as `re.compile` made it. Searching through a guard finds exactly what
the pattern finds: the strings are necessary, never sufficient.

Lines: a pattern that can match no line break (its classes are `[ \\t]`, not `\\s`) and reads neither the
text's start nor its end finds each match within a line. In a long text such a pattern searches only the
lines that hold one of its triggers, one after the other (83 of the extractors' patterns; on long texts
they take half the time they took searching the whole text).

Case: a string under IGNORECASE (the pattern's flag or a `(?i:...)` group) is looked for in the text in
lower case, where the few characters that `re` matches case-insensitively with an ASCII letter but lower-case
otherwise (İ, ı, ſ; the Kelvin sign lower-cases to k) are mapped to that letter first; a string with another
cased character that is not ASCII is not used under IGNORECASE.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import chain
from re import _constants as sre  # the syntax tree's opcodes, as the `re` module names them
from re import _parser as sre_parse
from typing import Any

MOST_STRINGS = 16  # a guard of more strings than this costs more than it saves
LEAST_BYTES = 3  # the shortest useful trigger, in UTF-8 bytes ("was", "判"+"处" holds 6)
EXACT_MOST = 64  # the most strings a run of fixed text may expand to ([Cc]ase (?:of|for): 4)
LONG = 2000  # a pattern that never crosses a line searches a text this long only in its lines with a trigger


class Guarded:
    """A compiled pattern that searches a text only where one of its triggers occurs. Matching at a position
    (`match`, `fullmatch`) goes straight to the pattern; the rest is what `re.Pattern` offers."""

    __slots__ = ("rx", "triggers", "folded", "in_a_line", "match", "fullmatch")

    def __init__(self, rx: re.Pattern[str], triggers: tuple[str, ...], folded: bool, in_a_line: bool):
        self.rx = rx
        self.triggers = triggers  # shortest first
        self.folded = folded  # looked for in the text in lower case
        self.in_a_line = in_a_line  # every match lies in one line
        self.match = rx.match
        self.fullmatch = rx.fullmatch

    def __getattr__(self, name: str) -> Any:  # pattern, flags, groups, groupindex
        return getattr(self.rx, name)

    def __reduce__(self) -> tuple[Any, ...]:
        return guarded, (self.rx.pattern, self.rx.flags)

    def __repr__(self) -> str:
        return f"Guarded({self.rx!r}, {self.triggers!r})"

    def may_match(self, text: str) -> bool:
        """Whether `text` holds one of the triggers."""
        hay = _folded(text) if self.folded else text
        for t in self.triggers:  # noqa: SIM110 - a loop: any() over a generator costs more than the search
            if t in hay:
                return True
        return False

    def search(self, text: str, *span: int) -> re.Match[str] | None:
        if not span and self.in_a_line and len(text) >= LONG and (lines := self._lines(text)) is not None:
            return next(filter(None, (self.rx.search(text, s, e) for s, e in lines)), None)
        return self.rx.search(text, *span) if self.may_match(_within(text, span) if span else text) else None

    def finditer(self, text: str, *span: int) -> Iterator[re.Match[str]]:
        if not span and self.in_a_line and len(text) >= LONG and (lines := self._lines(text)) is not None:
            return chain.from_iterable(self.rx.finditer(text, s, e) for s, e in lines)
        return self.rx.finditer(text, *span) if self.may_match(_within(text, span) if span else text) else iter(())

    def _lines(self, text: str) -> list[tuple[int, int]] | None:
        """For a search of a whole long text (LONG characters at least) by a pattern whose matches lie in a line:
        the lines that hold a trigger, (start, end) without the line break, in order. None where the search
        reads the text whole: too many such lines to search one by one, or lower case changed the text's
        length."""
        hay = _folded(text) if self.folded else text
        if len(hay) != len(text):
            return None
        found = set()
        for t in self.triggers:
            at = hay.find(t)
            while at >= 0:
                end = text.find("\n", at)
                end = len(text) if end < 0 else end
                found.add((text.rfind("\n", 0, at) + 1, end))
                if len(found) * LONG > len(text) * 4:  # lines with a trigger every 500 characters
                    return None
                at = hay.find(t, end)
        return sorted(found)

    def findall(self, text: str, *span: int) -> list[Any]:
        return self.rx.findall(text, *span) if self.may_match(_within(text, span)) else []

    def sub(self, repl: Any, text: str, count: int = 0) -> str:
        return self.rx.sub(repl, text, count) if self.may_match(text) else text

    def subn(self, repl: Any, text: str, count: int = 0) -> tuple[str, int]:
        return self.rx.subn(repl, text, count) if self.may_match(text) else (text, 0)

    def split(self, text: str, maxsplit: int = 0) -> list[str | Any]:
        return self.rx.split(text, maxsplit) if self.may_match(text) else [text]


Pattern = re.Pattern[str] | Guarded


def _within(text: str, span: tuple[int, ...]) -> str:
    """The part of `text` a search from `pos` to `endpos` reads: its matches, and the triggers they hold, lie
    in it (a look behind `pos` adds no trigger). A sentence searched for in a long text is looked for in the
    sentence alone."""
    if not span:
        return text
    return text[max(span[0], 0):max(span[1], 0) if len(span) > 1 else None]


def guarded(pattern: str, flags: int = 0) -> Pattern:
    """`re.compile(pattern, flags)`, guarded by the pattern's triggers where it has any worth looking for."""
    rx = re.compile(pattern, flags)
    tree = sre_parse.parse(rx.pattern, rx.flags)
    found = triggers(rx, tree)
    if found is None:
        return rx
    strings, folded = found
    # (a pattern with triggers matches no empty string: each match holds one)
    return Guarded(rx, tuple(sorted(strings, key=lambda s: (len(s), s))), folded, _in_a_line(tree.data, rx.flags))


class Screen:
    """Which of some patterns may find something in a text: the triggers of all of them looked for in one
    search, instead of one search a pattern (a finder that tries twenty patterns on each sentence). Calling it
    gives, in order, the indexes of the patterns whose triggers the text holds and of those without triggers;
    `patterns` holds them as `re.compile` made them, each finding in the text what it finds through its guard."""

    def __init__(self, patterns: Sequence[Pattern]) -> None:
        self.patterns = [p.rx if isinstance(p, Guarded) else p for p in patterns]
        self.always = {k for k, p in enumerate(patterns) if not isinstance(p, Guarded)}
        # per case (as written, in lower case): a search for every trigger where it begins (overlapping ones
        # too: a look-ahead, the longest first), the triggers each one begins with, the patterns of each
        self.searches: list[tuple[bool, re.Pattern[str], dict[str, list[str]], dict[str, set[int]]]] = []
        for folded in (False, True):
            owners: dict[str, set[int]] = {}
            for k, p in enumerate(patterns):
                if isinstance(p, Guarded) and p.folded == folded:
                    for t in p.triggers:
                        owners.setdefault(t, set()).add(k)
            if owners:
                strings = sorted(owners, key=lambda s: (-len(s), s))
                starts = {t: [u for u in strings if t.startswith(u)] for t in strings}
                search = re.compile("(?=(" + "|".join(map(re.escape, strings)) + "))")
                self.searches.append((folded, search, starts, owners))

    def __call__(self, text: str) -> list[int]:
        found = set(self.always)
        for folded, search, starts, owners in self.searches:
            hay = _folded(text) if folded else text
            for t in {m.group(1) for m in search.finditer(hay)}:  # the longest trigger beginning there
                for u in starts[t]:
                    found |= owners[u]
        return sorted(found)


def triggers(rx: re.Pattern[str], tree: Any = None) -> tuple[frozenset[str], bool] | None:
    """Strings of which every match of `rx` holds one (in lower case when `folded`), as (strings, folded); None
    where the pattern has no such set worth looking for."""
    tree = tree if tree is not None else sre_parse.parse(rx.pattern, rx.flags)
    found = _read(tree.data, bool(rx.flags & re.IGNORECASE)).required
    if found is None:
        return None
    strings, folded = found
    if len(strings) > MOST_STRINGS or min(len(s.encode()) for s in strings) < LEAST_BYTES:
        return None
    return (frozenset(s.lower() for s in strings), True) if folded else (strings, False)


_ODD_CASE = str.maketrans({"ı": "i", "ſ": "s", "\u0307": None})  # İ lower-cases to i and a combining dot
_last: tuple[str, str] = ("", "")


def _folded(text: str) -> str:
    """The text in lower case as the guards look in it (the last one kept: the patterns of a document read
    its text in turn)."""
    global _last
    last = _last
    if last[0] is text:
        return last[1]
    folded = text.lower()
    if not text.isascii() and ("\u0130" in text or "ı" in text or "ſ" in text):
        folded = folded.translate(_ODD_CASE)
    _last = (text, folded)
    return folded


def _foldable(strings: set[str] | frozenset[str]) -> bool:
    """Whether strings can be looked for in lower case: each character ASCII or without case (and not the
    combining dot the folded text drops)."""
    return all(c.isascii() or (c.lower() == c == c.upper() and c != "\u0307") for s in strings for c in s)


Required = tuple[frozenset[str], bool]  # strings, and whether they are compared in lower case


@dataclass
class _Read:
    """What a part of the syntax tree requires: `exact` the strings it matches where it is fixed text (None
    otherwise; `folded` when without regard to case), `required` the most selective set that every match of
    it holds one of."""

    exact: set[str] | None = None
    folded: bool = False
    required: Required | None = None


def _better(a: Required | None, b: Required | None) -> Required | None:
    """The more selective of two sets: the longer shortest string (in bytes), then the fewer strings."""
    if a is None or b is None:
        return a or b

    def key(r: Required) -> tuple[int, int]:
        return min(len(s.encode()) for s in r[0]), -len(r[0])

    return a if key(a) >= key(b) else b


def _closed(run: set[str], folded: bool) -> Required | None:
    return (frozenset(run), folded) if all(run) else None


def _read(items: Any, ignorecase: bool) -> _Read:
    """A sequence: its runs of fixed text, and what its items require."""
    run: set[str] = {""}  # the strings of the fixed text read so far
    run_folded = False
    fixed = True
    best: Required | None = None
    for op, av in items:
        item = _item(op, av, ignorecase)
        if item.exact is not None and len(run) * len(item.exact) <= EXACT_MOST:
            joined = {a + b for a in run for b in item.exact}
            folded = run_folded or item.folded
            if not folded or _foldable(joined):
                run, run_folded = joined, folded
                continue
        fixed = False
        best = _better(_better(best, _closed(run, run_folded)), item.required)
        run, run_folded = {""}, False
    best = _better(best, _closed(run, run_folded))
    return _Read(run if fixed else None, run_folded, best)


def _item(op: Any, av: Any, ignorecase: bool) -> _Read:
    """One item of a sequence."""
    if op is sre.LITERAL:
        return _Read({chr(av)}, ignorecase)
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return _Read({""})  # no width: the fixed text goes on across it
    if op is sre.IN and len(av) <= 4 and all(o is sre.LITERAL for o, _ in av):
        return _Read({chr(v) for _, v in av}, ignorecase)  # [Cc]
    if op is sre.SUBPATTERN:
        _, add, remove, sub = av
        return _read(sub.data, (ignorecase or bool(add & re.IGNORECASE)) and not remove & re.IGNORECASE)
    if op is sre.ATOMIC_GROUP:
        return _read(av.data, ignorecase)
    if op is sre.BRANCH:
        branches = [_read(b.data, ignorecase) for b in av[1]]
        folded = any(b.folded or (b.required is not None and b.required[1]) for b in branches)
        if all(b.exact is not None for b in branches):
            exact = set().union(*(b.exact for b in branches if b.exact is not None))
            if not folded or _foldable(exact):
                return _Read(exact, folded, _closed(exact, folded))
        if any(b.required is None for b in branches):
            return _Read()
        strings = frozenset().union(*(b.required[0] for b in branches if b.required is not None))
        return _Read(required=(strings, folded) if not folded or _foldable(strings) else None)
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, high, sub = av
        inner = _read(sub.data, ignorecase)
        required = inner.required if low >= 1 else None
        if inner.exact is not None and high == 1:
            return _Read(inner.exact | {""} if low == 0 else inner.exact, inner.folded, required)
        return _Read(required=required)
    return _Read()  # any character, a class, a back reference, a condition


# where a search over a line alone and over the whole text differ: the string's start and end
_WHOLE_TEXT = {sre.AT_BEGINNING, sre.AT_END, sre.AT_BEGINNING_STRING, sre.AT_END_STRING}
_CROSSING = {sre.CATEGORY_SPACE, sre.CATEGORY_NOT_DIGIT, sre.CATEGORY_NOT_WORD, sre.CATEGORY_LINEBREAK,
             sre.CATEGORY_UNI_SPACE, sre.CATEGORY_UNI_NOT_DIGIT, sre.CATEGORY_UNI_NOT_WORD,
             sre.CATEGORY_UNI_LINEBREAK}  # the classes that hold a line break


def _in_a_line(items: Any, flags: int) -> bool:
    """Whether no part of a pattern (look-arounds too) can match a line break or needs the text's start or end
    (^ and $ without MULTILINE, \\A, \\Z), and it refers to no group: each match then lies in one line and is
    found searching that line alone (between a line's start and its break, ^, $ and \\b with MULTILINE read
    the same characters as in the whole text)."""
    for op, av in items:
        if op is sre.LITERAL:
            ok = av != 10
        elif op is sre.NOT_LITERAL:
            ok = av == 10
        elif op is sre.ANY:
            ok = not flags & re.DOTALL
        elif op is sre.IN:
            ok = not _holds_line_break(av)
        elif op is sre.AT:  # ^ and $ read lines under MULTILINE (re's compiler makes them so)
            ok = (av in (sre.AT_BEGINNING, sre.AT_END) and bool(flags & re.MULTILINE)) or av not in _WHOLE_TEXT
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            ok = _in_a_line(av[1].data, flags)
        elif op is sre.SUBPATTERN:
            ok = _in_a_line(av[3].data, (flags | av[1]) & ~av[2])
        elif op is sre.ATOMIC_GROUP:
            ok = _in_a_line(av.data, flags)
        elif op is sre.BRANCH:
            ok = all(_in_a_line(b.data, flags) for b in av[1])
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            ok = _in_a_line(av[2].data, flags)
        else:  # a group referred to, a condition: not read here
            ok = False
        if not ok:
            return False
    return True


def _holds_line_break(items: Any) -> bool:
    """Whether a character class holds the line break."""
    negate = False
    held = False
    for op, av in items:
        if op is sre.NEGATE:
            negate = True
        elif op is sre.LITERAL:
            held = held or av == 10
        elif op is sre.RANGE:
            held = held or av[0] <= 10 <= av[1]
        elif op is sre.CATEGORY:
            held = held or av in _CROSSING
        else:  # a class of a form not read here: assume it does
            return True
    return held != negate
