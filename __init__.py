"""legal_kg: the one top-level name the distribution installs. Its parts are the repository's top-level
folders, installed beneath it: `legal_kg.graph` (reading, resolving, writing, the command line),
`legal_kg.extractors` (layouts, genres, rules) and `legal_kg.ontology` (data files). No other package of a
user's environment named graph, extractors or ontology can shadow them, nor they it."""
