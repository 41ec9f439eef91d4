"""LawRefBook's Markdown (one law, regulation, interpretation or case text a file): `# title`, header lines
that date each step of the text's history ("2021年3月11日 第十三届全国人民代表大会第四次会议《关于修改...的
决定》修正"), `<!-- INFO END -->`, then the body with `## 第一章` headings and `第N条` articles; a second `#`
heading is a part of the same law (民法典's books), not another document.

States the title, each header date by the step its line names (adopted, amended, revised, approved,
published, effective; a date whose words name none by the step its line goes on to name; words inside a
quoted title, 《关于修改...的决定》, name none), the text's version (`issued`: its latest date of adoption, amendment, revision or
publication) and its entry into force where a header line says 施行 or 生效. The file is one document of
the genre Regulation, whatever its kind.

Seen in: every file of `../shared/corpus/lawrefbook/`.
"""

from __future__ import annotations

from ..triggers import guarded
from ..values import find_dates
from . import Layout, Sheet, register

INFO_END = "<!-- INFO END -->"
QUOTED = guarded(r"《[^《》]*(?:《[^《》]*》[^《》]*)*》")
STEPS = (("effective", guarded(r"施行|生效")), ("amended", guarded(r"修正|修改")),
         ("revised", guarded(r"修订")), ("approved", guarded(r"批准")), ("adopted", guarded(r"通过")),
         ("published", guarded(r"公布|发布|印发")))


def _steps(said: list[str], k: int) -> list[str]:
    """The steps that the words after a line's k-th date name (`said`: the words after each of its dates);
    where they name none, those but entry into force that the line goes on to name ("2013年9月30日 最高人民
    法院审判委员会第1592次会议、2013年10月22日最高人民检察院...第1次会议通过": both adopted)."""
    for j, words in enumerate(said[k:]):
        named = [kind for kind, rx in STEPS if rx.search(words)]
        if named:
            return (named if j == 0 else [kind for kind in named if kind != "effective"]) or ["dated"]
    return ["dated"]


@register
class LawRefBook(Layout):
    name = "lawrefbook"

    def detect(self, text: str) -> bool:
        return INFO_END in text[:20000] and text.lstrip("\ufeff \n").startswith("# ")

    def lay(self, sheet: Sheet) -> None:
        end = sheet.view.index(INFO_END)
        title = next(ln for ln in sheet.lines() if ln.text.startswith("# "))
        sheet.state("title", title.start + 2, title.end)
        sheet.state("genre", title.start, title.end, "Regulation")
        versions = []
        for line in sheet.lines():
            if line.start <= title.start or line.start >= end or not line.stripped:
                continue
            dates = find_dates(line.text)
            said = [QUOTED.sub("", line.text[e:dates[k + 1][0] if k + 1 < len(dates) else len(line.text)])
                    for k, (_s, e, _iso) in enumerate(dates)]  # a title's words (《关于修改...的决定》) say no step
            for k, (s, e, iso) in enumerate(dates):
                steps = _steps(said, k)
                for step in steps:
                    sheet.state(step, line.start + s, line.start + e, iso)
                if steps != ["effective"]:
                    versions.append((iso, line.start + s, line.start + e))
        if versions:
            iso, s, e = max(versions)
            sheet.state("issued", s, e, iso)  # the version the text is
        sheet.blank(end, end + len(INFO_END))
        sheet.head(title.start, len(sheet.view))
