"""Knowledge graphs of Chinese internet-governance law.

`graph.model` is the data model every stage imports; `graph.pipeline.build(paths)` builds a graph,
`graph.loader.load(folder)` reads a built one back, both as a `graph.kg.KnowledgeGraph`.
"""
