"""Splitting files into documents and telling their genre."""

from __future__ import annotations

from legal_kg.extractors.documents import split

FILE = """Measures on the Security of Online Payment Services

Issued on: March 1, 2020
Issued by: People's Bank of China

Article 1. These Measures are formulated to protect users.

Article 2. These Measures apply to online payment services.

Court Jails Shanghai Trader for Selling Accounts

On May 2, 2021, a Shanghai court reported that it had sentenced a trader to three years in prison for selling \
bank accounts used in telecom fraud, the court said in a statement posted on its website.

Judgment in the Case of Li Ming's Fraud

Shanghai Pudong New Area People's Court

Criminal Judgment Document

(2021) Hu 0115 Criminal First No. 12

Defendant Li Ming, male, born 1980.
"""


def test_concatenated_documents_are_split_and_classified():
    docs = split(FILE, "mixed.txt")
    assert [(d.first_line, d.genre, d.title) for d in docs] == [
        (1, "Regulation", "Measures on the Security of Online Payment Services"),
        (10, "NewsReport", "Court Jails Shanghai Trader for Selling Accounts"),
        (14, "Judgment", "Judgment in the Case of Li Ming's Fraud"),
    ]


def test_offsets_point_into_the_file():
    for d in split(FILE, "mixed.txt"):
        assert FILE[d.start:d.start + len(d.text)] == d.text


def test_translation_label_and_repeated_title_are_one_document():
    text = "Translation: Rules on Apps\n\nRules on Apps\n\nArticle 1. Apps shall comply.\n\nArticle 2. Done.\n"
    docs = split(text, "t.txt")
    assert [(d.title, d.genre) for d in docs] == [("Rules on Apps", "Regulation")]


def test_chinese_markdown_regulation():
    text = "# 网络数据安全管理条例\n\n2024年9月24日 国务院公布\n\n<!-- INFO END -->\n\n第一条 为了规范网络数据处理活动，制定本条例。\n\n第二条 本条例适用于境内。\n"
    docs = split(text, "zh.md")
    assert [(d.title, d.genre, d.languages) for d in docs] == [("网络数据安全管理条例", "Regulation", ("zh",))]


def test_title_only_judgment():
    docs = split("Translation: Wang Fang's Court Judgment for Reposting Articles\n", "j.txt")
    assert [(d.title, d.genre) for d in docs] == [("Wang Fang's Court Judgment for Reposting Articles", "Judgment")]


def test_text_with_no_legal_genre_is_left_unclassified():
    docs = split("Shopping list\n\nApples, pears and some bread for the weekend.\n", "list.txt")
    assert [d.genre for d in docs] == [""]
