"""Knowledge graphs of Chinese internet-governance law: `build(paths)` is the entry point."""

from .build import build
from .kg import KnowledgeGraph

__all__ = ["build", "KnowledgeGraph"]
