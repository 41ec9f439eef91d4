"""Genres: each kind of document (a regulation, a judgment, a news report) is one registered unit that
declares how a document of its kind is recognised, what its extractor reads, how its document node is
known across documents, and what such a document is expected to hold.

A genre is one module of this package that calls `register(Genre(...))`; the package finds its modules
itself (the way `extractors.layouts` holds its layouts), so a new genre (an administrative penalty
decision, a court's reply) is one module plus its data, and its class in `ontology/kg.ttl`.

Who calls the hooks: `documents.split` (`recognise`, `by_words`, `titled`), `context.build` (`rules`,
`court_roles`, `prepare`), `extractors.extract` (`extract`), `graph.resolve` (`keys`, `shares_people`, `link`) and
`graph.pipeline` (`missing`).
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ...graph.model import Document, Extraction, HeaderField
    from ..context import Context
    from ..mentions import Cand
    from ..text import Line


def _nothing(*_args: Any) -> list:
    return []


@dataclass(frozen=True)
class Genre:
    name: str  # the ontology class of its documents (kg:Regulation)
    rank: int  # the order in which genres are tried on a document's head (lower first)
    # is the document, by its title, its body and its layout's header facts, of this genre?
    recognise: Callable[[str, str, Sequence[HeaderField]], bool]
    # how strongly the plain words of a text that nothing placed say it is of this genre (0: not at all)
    by_words: Callable[[str], int]
    extract: Callable[[Context], None]
    # a genre that lays down rules: its articles are its own, its services the terms it governs, its
    # offences classes of offences (not what a person did)
    rules: bool = False
    court_roles: bool = False  # its people are named by a court's role words ("Defendant X", "审判长 X")
    # (head lines, title, other titles, title stated by a layout) -> its title and other titles
    titled: Callable[[Sequence[Line], str, tuple[str, ...], bool], tuple[str, tuple[str, ...]]] | None = None
    prepare: Callable[[Document, list[Cand]], None] | None = None  # on the document's candidates, before they are kept
    # the (class, key)s its document node is known by: other documents' mentions with a key join it
    keys: Callable[[Extraction], list[tuple[str, str]]] = _nothing
    # after merging: relations between documents it states (a report on a judgment); called with the
    # extractions, their document IRIs, the statements by (s, p, o, literal) and the nodes
    link: Callable[[list[Extraction], list[str], dict, dict], None] | None = None
    # before merging: the documents whose people are this document's (a report's, those of the judgment it
    # reports on); called with the extractions, the document's index and, for each key of a party (defendant,
    # plaintiff), the judgments that name that party, in order
    shares_people: Callable[[list[Extraction], int, dict[str, list[int]]], list[int]] = _nothing
    missing: Callable[[Extraction], list[str]] = _nothing  # what a document of its kind lacks, one line each


_GENRES: dict[str, Genre] = {}
_LOADED: list[bool] = []


def register(genre: Genre) -> Genre:
    if genre.name in _GENRES:
        raise ValueError(f"genre {genre.name!r} registered twice")
    _GENRES[genre.name] = genre
    return genre


def _load() -> None:
    if not _LOADED:
        for module in sorted(m.name for m in pkgutil.iter_modules(__path__)):
            importlib.import_module(f"{__name__}.{module}")
        _LOADED.append(True)


def genres() -> list[Genre]:
    """The registered genres, in the order they are tried."""
    _load()
    return sorted(_GENRES.values(), key=lambda g: (g.rank, g.name))


def genre(name: str) -> Genre:
    """The genre of documents of class `name`."""
    _load()
    if name not in _GENRES:
        raise KeyError(f"no genre {name!r}; the genres are {', '.join(g.name for g in genres())}")
    return _GENRES[name]
