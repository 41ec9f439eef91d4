"""Knowledge graphs of Chinese internet-governance law: `build(paths)` is the entry point.

Names are loaded on first use, so that `extractors` can import the data model (`graph.model`) without
pulling in the whole pipeline.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .kg import KnowledgeGraph
    from .loader import load
    from .pipeline import build

__all__ = ["build", "load", "KnowledgeGraph"]


def __getattr__(name: str) -> Any:
    if name == "build":
        from .pipeline import build

        return build
    if name == "load":
        from .loader import load

        return load
    if name == "KnowledgeGraph":
        from .kg import KnowledgeGraph

        return KnowledgeGraph
    raise AttributeError(f"module 'graph' has no attribute {name!r}")
