"""Write N documents of the genre, deterministic for a seed: regulations (English with their Chinese
articles, and Chinese-only Markdown), judgments (first and second instance, one or several defendants,
sentences in months and years, fines), and news reports on the judgments.

    python benchmarks/make_corpus.py 1000 --seed 1 --out /tmp/corpus

The corpus grows like a real one: every judgment brings new people and a new case, while statutes,
agencies, courts and platforms come from slowly growing pools. Files hold 1 to 20 documents each.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

SURNAMES = [("Wang", "王"), ("Li", "李"), ("Zhang", "张"), ("Liu", "刘"), ("Chen", "陈"), ("Yang", "杨"), ("Zhao", "赵"),
            ("Huang", "黄"), ("Zhou", "周"), ("Wu", "吴"), ("Xu", "徐"), ("Sun", "孙"), ("Hu", "胡"), ("Zhu", "朱"),
            ("Gao", "高"), ("Lin", "林"), ("He", "何"), ("Guo", "郭"), ("Ma", "马"), ("Luo", "罗")]
GIVEN = [("Wei", "伟"), ("Fang", "芳"), ("Na", "娜"), ("Min", "敏"), ("Jing", "静"), ("Lei", "磊"), ("Qiang", "强"),
         ("Jun", "军"), ("Yang", "洋"), ("Yong", "勇"), ("Yan", "艳"), ("Jie", "杰"), ("Tao", "涛"), ("Ming", "明"),
         ("Chao", "超"), ("Xiu", "秀"), ("Hua", "华"), ("Ping", "平"), ("Gang", "刚"), ("Hong", "红")]
CITIES = [("Beijing", "Jing", "北京市"), ("Shanghai", "Hu", "上海市"), ("Guangzhou", "Yue", "广州市"),
          ("Shenzhen", "Yue", "深圳市"), ("Hangzhou", "Zhe", "杭州市"), ("Wuhan", "E", "武汉市"),
          ("Chengdu", "Chuan", "成都市"), ("Nanjing", "Su", "南京市"), ("Tianjin", "Jin", "天津市"),
          ("Chongqing", "Yu", "重庆市"), ("Urumqi", "Xin", "乌鲁木齐市"), ("Lhasa", "Zang", "拉萨市")]
DISTRICTS = ["Haidian", "Chaoyang", "Xuhui", "Tianhe", "Futian", "Xihu", "Wuchang", "Jinjiang", "Gulou", "Heping",
             "Yuzhong", "Tianshan", "Chengguan", "Pudong", "Nanshan", "Binjiang"]
PLATFORMS = ["WeChat", "Weibo", "QQ", "Douyin", "Baidu NetDisk", "Telegram", "Twitter", "Zhihu", "Bilibili",
             "Taobao", "Alipay", "YouTube"]
CRIMES = [("picking quarrels and provoking trouble", "293"), ("illegal use of information networks", "287-1"),
          ("assisting criminal activities on information networks", "287-2"), ("fraud", "266"),
          ("infringing citizens' personal information", "253-1"),
          ("illegal possession of materials promoting terrorism and extremism", "120-6"),
          ("illegal business operations", "225"), ("inciting subversion of state power", "105"),
          ("copyright infringement", "217"), ("disseminating obscene materials", "364")]
NUMBERS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven"]
SERVICES = ["public account", "group", "live streaming", "short video", "search", "news", "comment",
            "user account", "mini program", "algorithm recommendation", "deep synthesis", "online payment"]
STATUTES = ["Cybersecurity Law of the People's Republic of China", "Data Security Law of the People's Republic of China",
            "Personal Information Protection Law of the People's Republic of China",
            "Measures for the Administration of Internet Information Services"]
ZH_NUM = "〇一二三四五六七八九"


def zh_number(n: int) -> str:
    if n < 10:
        return ZH_NUM[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else ZH_NUM[tens]) + "十" + (ZH_NUM[ones] if ones else "")


def zh_year_date(y: int, m: int, d: int) -> str:
    return "".join(ZH_NUM[int(c)] for c in str(y)) + f"年{zh_number(m)}月{zh_number(d)}日"


MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


class Corpus:
    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.people = 0
        self.cases = 0

    def date(self, year: int | None = None) -> tuple[int, int, int]:
        return (year or self.rng.randint(2014, 2023), self.rng.randint(1, 12), self.rng.randint(1, 28))

    @staticmethod
    def en_date(d: tuple[int, int, int]) -> str:
        return f"{MONTHS[d[1] - 1]} {d[2]}, {d[0]}"

    def person(self) -> tuple[str, str]:
        """A new person: the pool of names is large enough that most people are new."""
        self.people += 1
        s, zs = self.rng.choice(SURNAMES)
        g1, z1 = self.rng.choice(GIVEN)
        g2, z2 = self.rng.choice(GIVEN)
        if self.rng.random() < 0.5:
            return f"{s} {g1}{g2.lower()}", zs + z1 + z2
        return f"{s} {g1}", zs + z1

    def regulation(self, k: int) -> str:
        service = self.rng.choice(SERVICES)
        issued = self.date()
        effective = (issued[0] + (issued[1] == 12), issued[1] % 12 + 1, issued[2])
        statutes = self.rng.sample(STATUTES, 2)
        n = self.rng.randint(5, 15)
        title = f"Provisions on the Administration of Internet {service.title()} Information Services ({k})"
        lines = [f"Translation: {title}", "", title, "", f"Issued on: {self.en_date(issued)}",
                 "Issued by: Cyberspace Administration of China", ""]
        lines.append(f'Article 1. These Provisions are formulated in accordance with the "{statutes[0]}" and the '
                     f'"{statutes[1]}".')
        lines.append("")
        lines.append(f"Article 2. These Provisions apply to Internet {service} information services within the "
                     "territory of the People's Republic of China.")
        lines.append("")
        for a in range(3, n):
            lines += [f"Article {a}. Internet {service} information service providers shall keep records for "
                      f"{self.rng.randint(2, 12)} months and report to the Cyberspace Administration of China.", ""]
        lines += [f"Article {n}. These Provisions shall enter into force as of {self.en_date(effective)}.", ""]
        lines.append("第一条 为了规范互联网信息服务，根据《中华人民共和国网络安全法》，制定本规定。")
        for a in range(2, n):
            lines.append(f"第{zh_number(a)}条 服务提供者应当依法履行义务。")
        lines.append(f"第{zh_number(n)}条 本规定自{effective[0]}年{effective[1]}月{effective[2]}日起施行。")
        return "\n".join(lines)

    def chinese_regulation(self, k: int) -> str:
        issued = self.date()
        n = self.rng.randint(5, 20)
        lines = [f"# 网络信息内容管理办法（第{zh_number(k % 99 + 1)}号）", "",
                 f"{issued[0]}年{issued[1]}月{issued[2]}日 国家互联网信息办公室发布", "", "<!-- INFO END -->", ""]
        for a in range(1, n + 1):
            lines += [f"第{zh_number(a)}条 违反本办法的，依照《中华人民共和国刑法》第{zh_number(self.rng.randint(1, 99))}条"
                      "的规定处理。", ""]
        return "\n".join(lines)

    def judgment(self, second: bool) -> tuple[str, list[str]]:
        self.cases += 1
        city, abbr, zh_city = self.rng.choice(CITIES)
        district = self.rng.choice(DISTRICTS)
        crime, article = self.rng.choice(CRIMES)
        defendants: list[tuple[str, str]] = []
        for _ in range(self.rng.choice([1, 1, 1, 2, 3])):  # co-defendants of one name: no text tells them apart
            while (person := self.person()) in defendants:
                pass
            defendants.append(person)
        judges = [self.person() for _ in range(3)]
        clerk = self.person()
        counsel = self.person()
        year = self.rng.randint(2015, 2023)
        decided = self.date(year)
        court = f"{city} Intermediate People's Court" if second else f"{district} District People's Court of {city}"
        kind = "Final" if second else "First"
        case = f"({year}) {abbr} {self.rng.randint(1, 99):02d} Criminal {kind} No. {self.cases}"
        names = ", ".join(d[0] for d in defendants)
        title = f"{'Second Instance ' if second else ''}Judgment in the Case of {defendants[0][0]}'s " + crime.title()
        lines = [title, "", court, "", "Criminal Judgment Document", "", case, "",
                 f"Prosecuting Agency{' in the First Instance' if second else ''}: {district} District People's "
                 f"Procuratorate of {city}.", ""]
        for name, _ in defendants:
            role = "Appellant (Defendant in the first instance)" if second else "Defendant"
            lines += [f"{role}: {name}, male, born {self.en_date(self.date(self.rng.randint(1960, 2000)))}.", ""]
        lines += [f"Defense counsel {counsel[0]} of the {city} {self.rng.choice(['Jingda', 'Yingke', 'Zhonglun', 'Dacheng'])}"
                  " Law Firm.", ""]
        if second:
            first = f"({year - 1}) {abbr} {self.rng.randint(100, 9999)} Criminal First No. {self.rng.randint(1, 999)}"
            lines += [f"The {district} District People's Court of {city} tried the case of defendant {defendants[0][0]}, "
                      f"who had been indicted by the {district} District People's Procuratorate of {city} for the "
                      f"crime of {crime}, and issued Judgment Document {first} on "
                      f"{self.en_date(self.date(year - 1))}.", ""]
        platform = self.rng.choice(PLATFORMS)
        lines += [f"The court found that defendant {defendants[0][0]} used {platform} to commit the offence.", ""]
        extra = self.rng.choice(["64", "67(1)", "52", "53", "72"])
        lines += [f"In accordance with Article {article} and Article {extra} of the Criminal Law of the People's "
                  "Republic of China, this court rules as follows:", ""]
        for name, _ in defendants:
            years, months = self.rng.randint(0, 5), self.rng.randint(0, 11)
            term = " and ".join(p for p in ((f"{NUMBERS[years - 1]} years" if years else ""),
                                             (f"{NUMBERS[months - 1]} months" if months else "")) if p) or "six months"
            fine = self.rng.choice([1000, 2000, 5000, 10000, 20000])
            lines += [f"Defendant {name} committed the crime of {crime}, and is sentenced to {term} imprisonment and "
                      f"fined {fine:,} yuan.", ""]
        roles = ["Presiding Judge", "Judge", "People's Assessor"]
        lines += [f"{r}: {j[0]}" for r, j in zip(roles, judges, strict=True)]
        lines += ["", self.en_date(decided), "", f"Clerk: {clerk[0]}", "", "", "刑 事 判 决 书", ""]
        zh_roles = ["审 判 长", "审 判 员", "人民陪审员"]
        lines += [f"{r}  {' '.join(j[1])}" for r, j in zip(zh_roles, judges, strict=True)]
        lines += ["", zh_year_date(*decided), "", f"书 记 员  {' '.join(clerk[1])}"]
        return "\n".join(lines), [names, court, crime, article]

    def news(self, about: list[str]) -> str:
        names, court, crime, article = about
        first = names.split(", ")[0]
        d = self.date()
        return "\n".join([f"Court Jails {first} for Online Posts", "",
                          f"On {self.en_date(d)}, a court website reported that the {court} had sentenced "
                          f"{first} for {crime} under Article {article} of China's Criminal Law. "
                          f"{first.split()[0]} was detained by the police last year."])

    def document(self, i: int) -> str:
        kind = self.rng.random()
        if kind < 0.12:
            return self.regulation(i)
        if kind < 0.2:
            return self.chinese_regulation(i)
        text, about = self.judgment(second=self.rng.random() < 0.3)
        if self.rng.random() < 0.4:
            text += "\n\n" + self.news(about)
        return text


def write(n: int, seed: int, out: Path) -> int:
    """Write about `n` documents into `out`; returns the number of files."""
    out.mkdir(parents=True, exist_ok=True)
    corpus = Corpus(seed)
    written = files = 0
    while written < n:
        count = min(n - written, corpus.rng.randint(1, 20))
        docs = [corpus.document(written + k) for k in range(count)]
        markdown = [d for d in docs if d.startswith("# ")]
        plain = [d for d in docs if not d.startswith("# ")]
        for j, d in enumerate(markdown):
            (out / f"{files:05d}-{j}.md").write_text(d + "\n", encoding="utf-8")
        if plain:
            (out / f"{files:05d}.txt").write_text("\n\n".join(plain) + "\n", encoding="utf-8")
        written += count
        files += 1
    return files


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="number of documents (a news report counts as one)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    files = write(args.n, args.seed, args.out)
    print(f"wrote {args.n} documents in {files} batches into {args.out}")


if __name__ == "__main__":
    main()
