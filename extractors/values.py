"""Dates, numbers, durations and money, in English and Chinese."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .triggers import guarded

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"], start=1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9

_MONTH = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|" \
         r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
EN_DATE = guarded(rf"\b(?P<m>{_MONTH})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)\b")
EN_DATE_DMY = guarded(rf"\b(?P<d>\d{{1,2}})\s+(?P<m>{_MONTH})\s+(?P<y>(?:19|20)\d\d)\b")
ISO_DATE = guarded(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>\d\d?)-(?P<d>\d\d?)\b")
_ZH_DIGIT = "〇零一二三四五六七八九十"
ZH_DATE = guarded(rf"(?P<y>[0-9０-９{_ZH_DIGIT}]{{4}})\s*年\s*(?P<m>[0-9０-９{_ZH_DIGIT}]{{1,3}})\s*月"
                  rf"\s*(?P<d>[0-9０-９{_ZH_DIGIT}]{{1,3}})\s*日")

WORD_NUMBERS = {w: i for i, w in enumerate(
    ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
     "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"])}
WORD_NUMBERS.update({"a": 1, "an": 1})
_NUM = r"(?:\d+|" + "|".join(sorted(WORD_NUMBERS, key=len, reverse=True)) + r")"
# a sum of money: "RMB 3,000", "50,000 yuan"
MONEY = guarded(r"(?:RMB|CNY|¥)\s*(?P<n>\d[\d,]*(?:\.\d+)?(?:\s*(?:million|thousand))?)|"
                r"(?P<m>\d[\d,]*(?:\.\d+)?(?:\s*(?:million|thousand))?)(?=\s*yuan)", re.IGNORECASE)


def _iso(y: int, m: int, d: int) -> str | None:
    if 1 <= m <= 12 and 1 <= d <= 31:
        return f"{y:04d}-{m:02d}-{d:02d}"
    return None


ZH_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "两": 2}
ZH_UNITS = {"十": 10, "百": 100, "千": 1000}
ZH_MYRIADS = {"万": 10_000, "亿": 100_000_000}


def _plain_zh_number(t: str) -> int | None:
    """Everyday Chinese numerals ("一百二十", "二百零五", "十", "三万五千"); None for anything else."""
    total = section = digit = 0
    for ch in t:
        if ch in ZH_DIGITS:
            digit = ZH_DIGITS[ch]
        elif ch in ZH_UNITS:
            section += (digit or 1) * ZH_UNITS[ch]
            digit = 0
        elif ch in ZH_MYRIADS:
            total = (total + section + digit) * ZH_MYRIADS[ch]
            section = digit = 0
        else:
            return None
    return total + section + digit


def zh_number(text: str) -> int | None:
    """An integer from Arabic or Chinese numerals ("二〇一七" -> 2017, "一百二十" -> 120, "壹万" -> 10000)."""
    t = text.translate(str.maketrans("０１２３４５６７８９", "0123456789")).strip()
    if t.isdigit():
        return int(t)
    if t and all(c in "〇零一二三四五六七八九" for c in t) and len(t) > 1:  # digit by digit, as in years
        return int("".join(str(ZH_DIGITS[c]) for c in t))
    if t and (plain := _plain_zh_number(t)) is not None:
        return plain
    import cn2an  # financial numerals (壹贰叁) and other forms

    try:
        return int(cn2an.cn2an(t, "smart"))
    except (ValueError, KeyError, TypeError):
        return None


def find_dates(text: str) -> list[tuple[int, int, str]]:
    """Every date in `text` as (start, end, ISO date), in text order."""
    found: list[tuple[int, int, str]] = []
    for rx in (EN_DATE, EN_DATE_DMY):
        for m in rx.finditer(text):
            month = MONTHS.get(m.group("m").lower().rstrip("."), 0)
            iso = _iso(int(m.group("y")), month, int(m.group("d")))
            if iso:
                found.append((m.start(), m.end(), iso))
    for m in ISO_DATE.finditer(text):
        iso = _iso(int(m.group("y")), int(m.group("m")), int(m.group("d")))
        if iso:
            found.append((m.start(), m.end(), iso))
    for m in ZH_DATE.finditer(text):
        y, mo, d = (zh_number(m.group(k)) for k in ("y", "m", "d"))
        if y and mo and d:
            iso = _iso(y, mo, d)
            if iso:
                found.append((m.start(), m.end(), iso))
    found.sort()
    return [f for i, f in enumerate(found) if not any(g[0] <= f[0] and f[1] <= g[1] and g != f
                                                      for g in found[:i] + found[i + 1:])]


def word_number(token: str) -> int | None:
    t = token.lower().replace(",", "")
    if t.isdigit():
        return int(t)
    return WORD_NUMBERS.get(t)


_EN_TERM = guarded(
    rf"\b(?:(?P<y>{_NUM})(?P<and_half>\s+and\s+a\s+half)?[\s-]+years?"
    rf"(?:\s+(?:and\s+)?(?P<ym>{_NUM})[\s-]+months?|\s+and\s+(?P<half>a\s+half))?"
    rf"|(?P<m>{_NUM})[\s-]+months?|(?P<half_year>half\s+a\s+year|half[\s-]year))\b", re.IGNORECASE)
# a Chinese sentence's term and fine: "有期徒刑一年六个月", "拘役五个月", "罚金人民币一万元"
TERM_ZH = guarded(r"(?:有期徒刑|拘役)(?P<t>[0-9一二三四五六七八九十两]+年(?:[0-9一二三四五六七八九十两]+个月)?|[0-9一二三四五六七八九十两]+个月)")
FINE_ZH = guarded(r"罚金(?:人民币)?(?P<n>[0-9,，一二三四五六七八九十百千万〇零]+)元")
_ZH_TERM = guarded(rf"(?:(?P<y>[0-9{_ZH_DIGIT}两]+)年)?(?:(?P<m>[0-9{_ZH_DIGIT}两]+)个月)?")


def en_months(text: str) -> tuple[int, int, int] | None:
    """The first term of years and/or months in `text` as (start, end, months): "two years and six months",
    "a year and a half", "five and a half years", "half a year", "18 months"."""
    return next(en_terms(text), None)


def en_terms(text: str) -> Iterator[tuple[int, int, int]]:
    """Every term of years and/or months in `text`, as `en_months` gives the first."""
    for m in _EN_TERM.finditer(text):
        if m.group("y"):
            years = word_number(m.group("y")) or 0
            months = word_number(m.group("ym")) if m.group("ym") else 6 if m.group("half") or m.group("and_half") else 0
            total = years * 12 + (months or 0)
        else:
            total = 6 if m.group("half_year") else word_number(m.group("m")) or 0
        if total:
            yield m.start(), m.end(), total


def zh_terms(text: str) -> list[int]:
    """The months of each Chinese term of imprisonment or detention in `text` (TERM_ZH)."""
    return [t for z in TERM_ZH.finditer(text) if (t := zh_months(z.group("t")))]


def zh_months(text: str) -> int | None:
    """Months in a Chinese term such as "一年六个月" or "七个月"."""
    m = _ZH_TERM.fullmatch(text.replace("两", "二"))
    if not m or not (m.group("y") or m.group("m")):
        return None
    years = zh_number(m.group("y")) if m.group("y") else 0
    months = zh_number(m.group("m")) if m.group("m") else 0
    if years is None or months is None:
        return None
    return years * 12 + months


def only_date(text: str) -> str | None:
    """The ISO date a line holds when it holds nothing else."""
    dates = find_dates(text)
    return dates[0][2] if len(dates) == 1 and dates[0][:2] == (0, len(text)) else None


def amount(text: str) -> int | None:
    """An integer amount from "1,000", "5000", "3.5 million", "一千", "5万"."""
    t = text.replace(",", "").replace("，", "").strip()
    m = re.fullmatch(r"(\d+(?:\.\d+)?)\s*(million|thousand|万|千)?", t, re.IGNORECASE)
    if m:
        scale = {"million": 1_000_000, "thousand": 1000, "万": 10_000, "千": 1000}.get(
            (m.group(2) or "").lower(), 1)
        return round(float(m.group(1)) * scale)
    return zh_number(t)
